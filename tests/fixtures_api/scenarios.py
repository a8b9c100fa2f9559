"""Recorded HTTP conversations of every API source, for the contract tests.

Each :class:`Scenario` lists the requests of a full pull (``pull``) and of a check
(``check``) in the order the connector sends them, with the recorded answers (JSON files
next to this module, built from the real shapes in
``../shared/fixtures/real_exports/api_json`` (beside the repository) and ``.../rss`` and the documented
entities). ``fault_at`` is the index of a request in the middle of a pull (a second page
where the source paginates) where the fault-injection tests break the conversation.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import responses

HERE = Path(__file__).resolve().parent
NOW = dt.datetime(2026, 3, 25, 12, 0, tzinfo=dt.timezone.utc)
WS = "acme"

# distinctive fake secrets: the secret-scan test looks for them everywhere
SECRETS = {
    "MASTODON_ACCESS_TOKEN": "MSTDN-tok-Zq81xWv3Kp0Lm5Nf",
    "BLUESKY_APP_PASSWORD": "bsky-apw1-kq4z-77xr-SECRET",
    "YOUTUBE_API_KEY": "AIzaSyFAKE-youtube-key-Qw9Er7Ty",
    "MATOMO_TOKEN_AUTH": "matomotok3n5ecret0123456789abcdef",
    "PLAUSIBLE_API_KEY": "plausible-KEY-Hh7Jj8Kk9Ll0",
}


def load(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def raw(name: str) -> bytes:
    return (HERE / name).read_bytes()


@functools.lru_cache(maxsize=1)
def service_account_json() -> str:
    """A throw-away service account key, generated per test session (never committed)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    return json.dumps({
        "type": "service_account", "project_id": "boussole-test", "private_key_id": "0123456789abcdef0123456789abcdef01234567",
        "private_key": pem, "client_email": "boussole-reader@boussole-test.iam.gserviceaccount.com",
        "client_id": "100000000000000000001", "token_uri": "https://oauth2.googleapis.com/token",
    })


@dataclass
class Step:
    method: str
    url: str
    body: Any = None  # a JSON-able object, bytes, or a fixture file name (str ending .json/.xml)
    headers: dict[str, str] = field(default_factory=dict)
    match: list = field(default_factory=list)
    content_type: str = "application/json"

    def payload(self) -> bytes:
        if isinstance(self.body, str) and self.body.endswith((".json", ".xml")):
            return raw(self.body)
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()

    def add(self, rsps: responses.RequestsMock, **override: Any) -> None:
        kw: dict[str, Any] = {"body": self.payload(), "status": 200, "headers": self.headers, "content_type": self.content_type}
        kw.update(override)
        rsps.add(self.method, self.url, match=self.match, **kw)


@dataclass
class Scenario:
    name: str
    settings: dict[str, Any]
    env: dict[str, str]
    check: list[Step]
    pull: list[Step]
    fault_at: int
    expect_tables: dict[str, int]  # table -> rows read in the first pull

    def add_pull(self, rsps: responses.RequestsMock, upto: int | None = None) -> None:
        for s in self.pull[: upto if upto is not None else len(self.pull)]:
            s.add(rsps)

    def add_check(self, rsps: responses.RequestsMock) -> None:
        for s in self.check:
            s.add(rsps)

    def secrets(self) -> list[str]:
        return [v for k, v in self.env.items() if k in SECRETS]


def body_has(fragment: str):
    def matcher(req: requests.PreparedRequest) -> tuple[bool, str]:
        body = req.body or b""
        if isinstance(body, str):
            body = body.encode()
        return (fragment.encode() in body, f"body lacks {fragment!r}")

    return matcher


MASTO = "https://mastodon.example"
ACC_ID = "109876543210987654"
STATUSES = f"{MASTO}/api/v1/accounts/{ACC_ID}/statuses"
NEXT_LINK = (f'<{STATUSES}?limit=40&exclude_reblogs=true&max_id=112000000000000003>; rel="next", '
             f'<{STATUSES}?limit=40&exclude_reblogs=true&min_id=112000000000000004>; rel="prev"')

BSKY = "https://public.api.bsky.app/xrpc"
PDS = "https://bsky.social/xrpc"
DID = "did:plc:boussole3xampl3a2b4c6d8e"

YT = "https://www.googleapis.com/youtube/v3"
CH = "UC_x5XG1OV2P6uZZ5FSM9Ttw"

GA_TOKEN = "https://oauth2.googleapis.com/token"
GA_REPORT = "https://analyticsdata.googleapis.com/v1beta/properties/123456789:runReport"

GOOGLE_FEED = "https://www.google.com/alerts/feeds/04175468913983673025/4428013283581841004"
TW_FEED = "https://alerts.talkwalker.com/alerts/rss/9A1B2C3D4E5F"

MATOMO = "https://stats.boussole.example/index.php"
PLAUSIBLE = "https://plausible.io/api/v2/query"


def has_cryptography() -> bool:
    try:
        import cryptography  # noqa: F401
    except ImportError:  # GA4 signing needs it (requirements.txt); without it GA4 tests are skipped
        return False
    return True


def scenarios() -> dict[str, Scenario]:
    sa = service_account_json() if has_cryptography() else "{}"
    found = {
        "mastodon": Scenario(
            "mastodon",
            {"instance": "https://mastodon.example", "account": "boussole", "hashtags": ["boussole"]},
            {"MASTODON_ACCESS_TOKEN": SECRETS["MASTODON_ACCESS_TOKEN"]},
            check=[Step("GET", f"{MASTO}/api/v1/accounts/lookup?acct=boussole", "mastodon_account.json"),
                   Step("GET", f"{MASTO}/api/v1/accounts/verify_credentials", "mastodon_verify_credentials.json")],
            pull=[
                Step("GET", f"{MASTO}/api/v1/accounts/lookup?acct=boussole", "mastodon_account.json"),
                Step("GET", f"{STATUSES}?limit=40&exclude_reblogs=true", "mastodon_statuses_page1.json", {"Link": NEXT_LINK}),
                Step("GET", f"{STATUSES}?limit=40&exclude_reblogs=true&max_id=112000000000000003", "mastodon_statuses_page2.json"),
                Step("GET", f"{MASTO}/api/v1/notifications?limit=40&types[]=mention", "mastodon_notifications.json"),
                Step("GET", f"{MASTO}/api/v1/timelines/tag/boussole?limit=40", "mastodon_tag_boussole.json"),
            ],
            fault_at=2,
            expect_tables={"audience": 1, "posts": 3, "mentions": 3},
        ),
        "bluesky": Scenario(
            "bluesky",
            {"handle": "boussole.bsky.social"},
            {"BLUESKY_APP_PASSWORD": SECRETS["BLUESKY_APP_PASSWORD"]},
            check=[Step("GET", f"{BSKY}/app.bsky.actor.getProfile?actor=boussole.bsky.social", "bluesky_getProfile.json"),
                   Step("POST", f"{PDS}/com.atproto.server.createSession", "bluesky_createSession.json")],
            pull=[
                Step("GET", f"{BSKY}/app.bsky.actor.getProfile?actor=boussole.bsky.social", "bluesky_getProfile.json"),
                Step("GET", f"{BSKY}/app.bsky.feed.getAuthorFeed?actor={DID}&limit=100", "bluesky_getAuthorFeed_page1.json"),
                Step("GET", f"{BSKY}/app.bsky.feed.getAuthorFeed?actor={DID}&limit=100&cursor=2026-03-22T08:30:00.000Z",
                     "bluesky_getAuthorFeed_page2.json"),
                Step("POST", f"{PDS}/com.atproto.server.createSession", "bluesky_createSession.json"),
                Step("GET", f"{PDS}/app.bsky.feed.searchPosts", "bluesky_searchPosts.json"),
            ],
            fault_at=2,
            expect_tables={"audience": 1, "posts": 3, "mentions": 2},
        ),
        "youtube": Scenario(
            "youtube",
            {"channel": CH},
            {"YOUTUBE_API_KEY": SECRETS["YOUTUBE_API_KEY"]},
            check=[Step("GET", f"{YT}/channels?part=snippet,statistics,contentDetails&id={CH}", "youtube_channels.json")],
            pull=[
                Step("GET", f"{YT}/channels?part=snippet,statistics,contentDetails&id={CH}", "youtube_channels.json"),
                Step("GET", f"{YT}/playlistItems?part=contentDetails&playlistId=UU_x5XG1OV2P6uZZ5FSM9Ttw&maxResults=50",
                     "youtube_playlistItems_page1.json"),
                Step("GET", f"{YT}/videos?part=snippet,statistics&id=dQw4w9WgXcQ,M7lc1UVf-VE&maxResults=50", "youtube_videos_page1.json"),
                Step("GET", f"{YT}/playlistItems?part=contentDetails&playlistId=UU_x5XG1OV2P6uZZ5FSM9Ttw&maxResults=50"
                            "&pageToken=EAAaBlBUOkNBSQ", "youtube_playlistItems_page2.json"),
                Step("GET", f"{YT}/videos?part=snippet,statistics&id=aqz-KE-bpKQ&maxResults=50", "youtube_videos_page2.json"),
            ],
            fault_at=3,
            expect_tables={"audience": 1, "posts": 3},
        ),
        "ga4": Scenario(
            "ga4",
            {"property_id": "123456789"},
            {"GA4_CREDENTIALS_JSON": sa},
            check=[Step("POST", GA_TOKEN, "ga4_token.json"), Step("POST", GA_REPORT, "ga4_runReport_page1.json")],
            pull=[Step("POST", GA_TOKEN, "ga4_token.json"),
                  Step("POST", GA_REPORT, "ga4_runReport_page1.json"),
                  Step("POST", GA_REPORT, "ga4_runReport_page2.json")],
            fault_at=2,
            expect_tables={"traffic": 3},
        ),
        "rss": Scenario(
            "rss",
            {"feeds": [GOOGLE_FEED, TW_FEED], "brand": "Boussole"},
            {},
            check=[Step("GET", GOOGLE_FEED, "rss_google_alerts.xml", content_type="application/atom+xml"),
                   Step("GET", TW_FEED, "rss_talkwalker.xml", content_type="application/rss+xml")],
            pull=[Step("GET", GOOGLE_FEED, "rss_google_alerts.xml", content_type="application/atom+xml"),
                  Step("GET", TW_FEED, "rss_talkwalker.xml", content_type="application/rss+xml")],
            fault_at=1,
            expect_tables={"mentions": 22},
        ),
        "matomo": Scenario(
            "matomo",
            {"url": "https://stats.boussole.example", "site_id": "3"},
            {"MATOMO_TOKEN_AUTH": SECRETS["MATOMO_TOKEN_AUTH"]},
            check=[Step("POST", MATOMO, "matomo_site.json", match=[body_has("method=SitesManager.getSiteFromId")])],
            pull=[Step("POST", MATOMO, "matomo_getAll.json", match=[body_has("method=Referrers.getAll")]),
                  Step("POST", MATOMO, "matomo_getCampaigns.json", match=[body_has("method=Referrers.getCampaigns")])],
            fault_at=1,
            expect_tables={"traffic": 8},
        ),
        "plausible": Scenario(
            "plausible",
            {"site_id": "boussole.example"},
            {"PLAUSIBLE_API_KEY": SECRETS["PLAUSIBLE_API_KEY"]},
            check=[Step("POST", PLAUSIBLE, "plausible_check.json")],
            pull=[Step("POST", PLAUSIBLE, "plausible_query.json")],
            fault_at=0,
            expect_tables={"traffic": 4},
        ),
    }
    if not has_cryptography():
        del found["ga4"]
    return found
