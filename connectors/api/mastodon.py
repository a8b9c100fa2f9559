"""Mastodon: followers, the account's statuses with their counts, and mentions.

* audience: ``GET /api/v1/accounts/lookup?acct=`` (public) -> ``followers_count``;
* posts: ``GET /api/v1/accounts/:id/statuses`` (public), newest first, ``Link`` pagination,
  read back to the cursor minus the look-back window (counts keep changing);
* mentions: with an access token (scope ``read:notifications``) the notifications of type
  ``mention``; for each configured hashtag, ``GET /api/v1/timelines/tag/:hashtag``
  (the account's own statuses are not mentions). ``mention_id`` is
  ``mastodon:<instance host>:<status id>`` (status ids are per instance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from connectors.api.base import (
    Common,
    Page,
    PullContext,
    build_config,
    html_to_text,
    latest_cursor,
    parse_instant,
    secret,
    setting,
    since_instant,
    sum_known,
    to_int,
)
from connectors.errors import ConfigError
from connectors.http import LinkHeaderPaginator

NAME = "mastodon"
LABEL = "Mastodon"
STREAMS = {"audience": "audience", "posts": "posts", "mentions": "mentions"}
PAGE_LIMIT = 40
MAX_PAGES = 50


@dataclass
class Config(Common):
    LABEL = LABEL
    instance: str | None = setting("MASTODON_INSTANCE", None, "server address, e.g. https://mastodon.social", required=True)
    account: str | None = setting("MASTODON_ACCOUNT", None, "the account's handle on that server, e.g. boussole", required=True)
    hashtags: list = setting("MASTODON_HASHTAGS", [], "hashtags to watch for mentions (without #)", kind="list")
    access_token: str | None = secret("MASTODON_ACCESS_TOKEN", "optional: a token with read:notifications, for mentions", required=False)

    @property
    def base(self) -> str:
        inst = (self.instance or "").strip().rstrip("/")
        if not inst.startswith(("http://", "https://")):
            inst = "https://" + inst
        return inst

    @property
    def acct(self) -> str:
        return (self.account or "").strip().lstrip("@")

    @property
    def host(self) -> str:
        return urlsplit(self.base).hostname or self.base


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


def _headers(cfg: Config) -> dict[str, str]:
    return {"Authorization": f"Bearer {cfg.access_token}"} if cfg.access_token else {}


def _lookup(cfg: Config, ctx: PullContext) -> dict[str, Any]:
    http = ctx.http(LABEL)
    acct = cfg.acct.split("@")[0] if cfg.acct.endswith("@" + cfg.host) else cfg.acct
    data = http.get_json(f"{cfg.base}/api/v1/accounts/lookup", params={"acct": acct})
    if not isinstance(data, dict) or "id" not in data:
        raise ConfigError(f"{LABEL}: account {cfg.acct!r} not found on {cfg.host}")
    return data


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    acc = _lookup(cfg, ctx)
    msg = f"{LABEL}: account @{acc.get('acct', cfg.acct)} found on {cfg.host} ({to_int(acc.get('followers_count'))} followers)"
    if cfg.access_token:
        me = ctx.http(LABEL).get_json(f"{cfg.base}/api/v1/accounts/verify_credentials", headers=_headers(cfg))
        msg += f"; the access token works (signed in as @{me.get('acct')})"
    return msg


def _status_text(st: dict[str, Any]) -> str | None:
    text = html_to_text(st.get("content"))
    cw = (st.get("spoiler_text") or "").strip()
    if cw:
        text = f"[{cw}] {text or ''}".strip()
    return text


def _feed(ctx: PullContext, url: str, since: dt.datetime, params: dict[str, Any], headers: dict[str, str] | None = None,
          status_of=lambda item: item) -> Iterator[list[dict[str, Any]]]:
    """Pages of items, newest first, stopping once items are older than ``since``."""
    http = ctx.http(LABEL)
    for body, _resp in http.paginate("GET", url, LinkHeaderPaginator(), params={"limit": PAGE_LIMIT, **params},
                                     headers=headers, max_pages=MAX_PAGES):
        if not isinstance(body, list):
            raise ConfigError(f"{LABEL}: unexpected answer from {url.split('?')[0]} (expected a list)")
        page = [it for it in body if status_of(it) and parse_instant(status_of(it)["created_at"]) >= since]
        yield page
        if len(page) < len(body) or not body:  # reached older items
            return


def _mention_row(cfg: Config, st: dict[str, Any]) -> dict[str, Any]:
    acc = st.get("account") or {}
    return {
        "mention_id": f"mastodon:{cfg.host}:{st['id']}",
        "source": "mastodon",
        "published_at": parse_instant(st["created_at"]),
        "author": acc.get("acct"),
        "author_followers": to_int(acc.get("followers_count")),
        "text": _status_text(st),
        "url": st.get("url") or st.get("uri"),
        "lang": st.get("language"),
        "engagements": sum_known(to_int(st.get("favourites_count")), to_int(st.get("reblogs_count")),
                                 to_int(st.get("replies_count"))),
        "brand": cfg.acct,
        "source_format": "api_mastodon",
    }


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    acc = _lookup(cfg, ctx)
    yield Page("audience", "audience", [{
        "date": ctx.today,
        "platform": "mastodon",
        "account": cfg.acct,
        "followers": to_int(acc.get("followers_count")),
        "source_format": "api_mastodon",
    }])

    since = since_instant(state, "posts", ctx, cfg)
    seen: list[dt.datetime] = []
    url = f"{cfg.base}/api/v1/accounts/{quote(str(acc['id']))}/statuses"
    for items in _feed(ctx, url, since, {"exclude_reblogs": "true"}):
        rows = []
        for st in items:
            fav, reb, rep = to_int(st.get("favourites_count")), to_int(st.get("reblogs_count")), to_int(st.get("replies_count"))
            published = parse_instant(st["created_at"])
            seen.append(published)
            rows.append({
                "post_id": str(st["id"]),
                "platform": "mastodon",
                "account": cfg.acct,
                "published_at": published,
                "text": _status_text(st),
                "url": st.get("url") or st.get("uri"),
                "post_type": "reply" if st.get("in_reply_to_id") else ("media" if st.get("media_attachments") else "status"),
                "reactions": fav,
                "shares": reb,
                "comments": rep,
                "engagements": sum_known(fav, reb, rep),
                "as_of": ctx.now,
                "source_format": "api_mastodon",
            })
        yield Page("posts", "posts", rows)
    yield Page("posts", "posts", [], cursor=latest_cursor(state, "posts", seen))

    since = since_instant(state, "mentions", ctx, cfg)
    seen = []
    own_id = str(acc["id"])
    ids: set[str] = set()  # a status can be both a notification and in a hashtag timeline

    def fresh(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = [r for r in rows if r["mention_id"] not in ids]
        ids.update(r["mention_id"] for r in out)
        return out

    if cfg.access_token:
        for items in _feed(ctx, f"{cfg.base}/api/v1/notifications", since, {"types[]": "mention"}, _headers(cfg),
                           status_of=lambda n: n.get("status")):
            rows = fresh([_mention_row(cfg, n["status"]) for n in items if n.get("type") == "mention"])
            seen += [r["published_at"] for r in rows]
            yield Page("mentions", "mentions", rows)
    for tag in cfg.hashtags:
        tag = tag.lstrip("#")
        for items in _feed(ctx, f"{cfg.base}/api/v1/timelines/tag/{quote(tag)}", since, {}, _headers(cfg) or None):
            rows = fresh([_mention_row(cfg, st) for st in items if str((st.get("account") or {}).get("id")) != own_id])
            seen += [r["published_at"] for r in rows]
            yield Page("mentions", "mentions", rows)
    yield Page("mentions", "mentions", [], cursor=latest_cursor(state, "mentions", seen))
