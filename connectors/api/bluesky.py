"""Bluesky: followers, the account's posts with likes/reposts/replies, and mentions.

* audience: ``app.bsky.actor.getProfile`` -> ``followersCount`` (public AppView, no auth);
* posts: ``app.bsky.feed.getAuthorFeed`` (``cursor`` pagination, ``filter=posts_no_replies``
  not used: replies are posts too); reposts of other people's posts are skipped;
* mentions: ``app.bsky.feed.searchPosts`` (``sort=latest``, ``since``) for each search term
  (default: the handle). Search needs a signed-in session on many AppViews: with
  ``BLUESKY_APP_PASSWORD`` (an *app password*, never the account password) a session is
  opened with ``com.atproto.server.createSession`` and searches go through the PDS.
  ``mention_id`` is ``bluesky:<at:// uri>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from connectors.api.base import (
    Common,
    Page,
    PullContext,
    build_config,
    latest_cursor,
    parse_instant,
    secret,
    setting,
    since_instant,
    sum_known,
    to_int,
)
from connectors.errors import ConfigError
from connectors.http import CursorPaginator

NAME = "bluesky"
LABEL = "Bluesky"
STREAMS = {"audience": "audience", "posts": "posts", "mentions": "mentions"}
MAX_PAGES = 50


@dataclass
class Config(Common):
    LABEL = LABEL
    handle: str | None = setting("BLUESKY_HANDLE", None, "the account's handle, e.g. boussole.bsky.social", required=True)
    search_terms: list = setting("BLUESKY_SEARCH_TERMS", [], "words to search for mentions (default: the handle)", kind="list")
    appview: str = setting("BLUESKY_APPVIEW", "https://public.api.bsky.app", "public API address")
    pds: str = setting("BLUESKY_PDS", "https://bsky.social", "the account's server, for signed-in search")
    app_password: str | None = secret("BLUESKY_APP_PASSWORD", "optional: an app password, for mention search", required=False)

    @property
    def actor(self) -> str:
        return (self.handle or "").strip().lstrip("@")


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


def _classify(resp):
    # XRPC reports expired/invalid sessions as 400 with an error name
    if resp.status_code == 400:
        try:
            err = (resp.json() or {}).get("error", "")
        except ValueError:
            return None
        if err in ("ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"):
            return ConfigError
    return None


def _profile(cfg: Config, ctx: PullContext) -> dict[str, Any]:
    http = ctx.http(LABEL, classify=_classify)
    data = http.get_json(f"{cfg.appview.rstrip('/')}/xrpc/app.bsky.actor.getProfile", params={"actor": cfg.actor})
    if not isinstance(data, dict) or "did" not in data:
        raise ConfigError(f"{LABEL}: profile {cfg.actor!r} not found")
    return data


def _session(cfg: Config, ctx: PullContext) -> str | None:
    if not cfg.app_password:
        return None
    http = ctx.http(LABEL, classify=_classify)
    data = http.post_json(f"{cfg.pds.rstrip('/')}/xrpc/com.atproto.server.createSession",
                          json={"identifier": cfg.actor, "password": cfg.app_password})
    token = data.get("accessJwt") if isinstance(data, dict) else None
    if not token:
        raise ConfigError(f"{LABEL}: signing in did not return a session")
    from connectors.http import register_secret

    register_secret(token)
    register_secret(data.get("refreshJwt"))
    return token


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    prof = _profile(cfg, ctx)
    msg = f"{LABEL}: profile @{prof.get('handle')} found ({to_int(prof.get('followersCount'))} followers)"
    if cfg.app_password:
        _session(cfg, ctx)
        msg += "; the app password works"
    return msg


def _post_url(post: dict[str, Any]) -> str | None:
    uri = post.get("uri") or ""
    author = (post.get("author") or {}).get("handle") or (post.get("author") or {}).get("did")
    if "/app.bsky.feed.post/" in uri and author:
        return f"https://bsky.app/profile/{author}/post/{uri.rsplit('/', 1)[-1]}"
    return None


def _counts(post: dict[str, Any]) -> tuple[int | None, int | None, int | None, int | None]:
    likes, reposts = to_int(post.get("likeCount")), to_int(post.get("repostCount"))
    replies, quotes = to_int(post.get("replyCount")), to_int(post.get("quoteCount"))
    return likes, reposts, replies, quotes


def _created(post: dict[str, Any]) -> dt.datetime:
    rec = post.get("record") or {}
    return parse_instant(rec.get("createdAt") or post.get("indexedAt"))


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    prof = _profile(cfg, ctx)
    did = prof["did"]
    yield Page("audience", "audience", [{
        "date": ctx.today,
        "platform": "bluesky",
        "account": cfg.actor,
        "followers": to_int(prof.get("followersCount")),
        "source_format": "api_bluesky",
    }])

    http = ctx.http(LABEL, classify=_classify)
    since = since_instant(state, "posts", ctx, cfg)
    seen: list[dt.datetime] = []
    url = f"{cfg.appview.rstrip('/')}/xrpc/app.bsky.feed.getAuthorFeed"
    for body, _ in http.paginate("GET", url, CursorPaginator("cursor", "cursor", items_path="feed"),
                                 params={"actor": did, "limit": 100}, max_pages=MAX_PAGES):
        rows, older = [], False
        for item in body.get("feed") or []:
            post = item.get("post") or {}
            if item.get("reason") or (post.get("author") or {}).get("did") != did:
                continue  # a repost of someone else's post
            created = _created(post)
            if created < since:
                older = True
                continue
            seen.append(created)
            likes, reposts, replies, quotes = _counts(post)
            rec = post.get("record") or {}
            rows.append({
                "post_id": post["uri"],
                "platform": "bluesky",
                "account": cfg.actor,
                "published_at": created,
                "text": rec.get("text"),
                "url": _post_url(post),
                "post_type": "reply" if rec.get("reply") else "post",
                "reactions": likes,
                "shares": sum_known(reposts, quotes),
                "comments": replies,
                "engagements": sum_known(likes, reposts, replies, quotes),
                "as_of": ctx.now,
                "source_format": "api_bluesky",
            })
        yield Page("posts", "posts", rows)
        if older:
            break
    yield Page("posts", "posts", [], cursor=latest_cursor(state, "posts", seen))

    since = since_instant(state, "mentions", ctx, cfg)
    token = _session(cfg, ctx)
    base = f"{cfg.pds.rstrip('/')}/xrpc" if token else f"{cfg.appview.rstrip('/')}/xrpc"
    headers = {"Authorization": f"Bearer {token}"} if token else None
    seen = []
    ids: set[str] = set()
    for term in cfg.search_terms or [cfg.actor]:
        params = {"q": term, "sort": "latest", "limit": 100,
                  "since": since.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
        for body, _ in http.paginate("GET", f"{base}/app.bsky.feed.searchPosts",
                                     CursorPaginator("cursor", "cursor", items_path="posts"),
                                     params=params, headers=headers, max_pages=MAX_PAGES):
            rows = []
            for post in body.get("posts") or []:
                author = post.get("author") or {}
                if author.get("did") == did or post.get("uri") in ids:
                    continue  # the account's own posts are not mentions; one row per post
                ids.add(post.get("uri"))
                created = _created(post)
                if created < since:
                    continue
                seen.append(created)
                likes, reposts, replies, quotes = _counts(post)
                rec = post.get("record") or {}
                langs = rec.get("langs") or []
                rows.append({
                    "mention_id": f"bluesky:{post['uri']}",
                    "source": "bluesky",
                    "published_at": created,
                    "author": author.get("handle"),
                    "text": rec.get("text"),
                    "url": _post_url(post),
                    "lang": langs[0] if langs else None,
                    "engagements": sum_known(likes, reposts, replies, quotes),
                    "brand": cfg.actor,
                    "topic": term if cfg.search_terms else None,
                    "source_format": "api_bluesky",
                })
            yield Page("mentions", "mentions", rows)
    yield Page("mentions", "mentions", [], cursor=latest_cursor(state, "mentions", seen))
