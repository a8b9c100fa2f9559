"""YouTube Data API v3 (API key): channel subscribers and the channel's videos.

* audience: ``channels.list?part=snippet,statistics,contentDetails`` -> ``subscriberCount``
  (null when the channel hides it; counts come as strings);
* posts: the uploads playlist (``playlistItems.list``, ``pageToken`` pagination) back to the
  cursor minus the look-back window, then ``videos.list?part=snippet,statistics`` by 50.

The key travels in the ``X-Goog-Api-Key`` header, never in the URL (URLs end up in logs).
An exhausted daily quota (403 ``quotaExceeded``) is a transient failure; an invalid key
(400 ``keyInvalid``) or a disabled API (403) is a configuration error.
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
from connectors.errors import ConfigError, TransientError
from connectors.http import CursorPaginator

NAME = "youtube"
LABEL = "YouTube"
STREAMS = {"audience": "audience", "posts": "posts"}
API = "https://www.googleapis.com/youtube/v3"
MAX_PAGES = 40


@dataclass
class Config(Common):
    LABEL = LABEL
    channel: str | None = setting("YOUTUBE_CHANNEL", None, "channel id (UC…) or @handle", required=True)
    api_key: str | None = secret("YOUTUBE_API_KEY", "an API key with the YouTube Data API v3 enabled")


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


def _reasons(resp) -> set[str]:
    try:
        err = (resp.json() or {}).get("error") or {}
    except ValueError:
        return set()
    return {e.get("reason", "") for e in err.get("errors") or [] if isinstance(e, dict)}


def _classify(resp):
    if resp.status_code in (400, 403):
        reasons = _reasons(resp)
        if reasons & {"quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded"}:
            return TransientError
        return ConfigError
    return None


def _channel(cfg: Config, ctx: PullContext) -> dict[str, Any]:
    http = ctx.http(LABEL, classify=_classify)
    ch = (cfg.channel or "").strip()
    params: dict[str, Any] = {"part": "snippet,statistics,contentDetails"}
    if ch.startswith("@"):
        params["forHandle"] = ch
    else:
        params["id"] = ch
    data = http.get_json(f"{API}/channels", params=params, headers=_h(cfg))
    items = (data or {}).get("items") or []
    if not items:
        raise ConfigError(f"{LABEL}: channel {ch!r} not found (check the channel id or @handle)")
    return items[0]


def _h(cfg: Config) -> dict[str, str]:
    return {"X-Goog-Api-Key": cfg.api_key or ""}


def _account(cfg: Config, ch: dict[str, Any]) -> str:
    return (ch.get("snippet") or {}).get("customUrl") or ch.get("id") or str(cfg.channel)


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    ch = _channel(cfg, ctx)
    title = (ch.get("snippet") or {}).get("title")
    return f"{LABEL}: the API key works; channel “{title}” found"


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    http = ctx.http(LABEL, classify=_classify)
    ch = _channel(cfg, ctx)
    account = _account(cfg, ch)
    stats = ch.get("statistics") or {}
    yield Page("audience", "audience", [{
        "date": ctx.today,
        "platform": "youtube",
        "account": account,
        "followers": None if stats.get("hiddenSubscriberCount") else to_int(stats.get("subscriberCount")),
        "source_format": "api_youtube",
    }])

    uploads = ((ch.get("contentDetails") or {}).get("relatedPlaylists") or {}).get("uploads")
    since = since_instant(state, "posts", ctx, cfg)
    seen: list[dt.datetime] = []
    if uploads:
        for body, _ in http.paginate("GET", f"{API}/playlistItems", CursorPaginator("nextPageToken", "pageToken", items_path="items"),
                                     params={"part": "contentDetails", "playlistId": uploads, "maxResults": 50},
                                     headers=_h(cfg), max_pages=MAX_PAGES):
            ids, older = [], False
            for it in body.get("items") or []:
                cd = it.get("contentDetails") or {}
                when = cd.get("videoPublishedAt")
                if when and parse_instant(when) < since:
                    older = True
                    continue
                if cd.get("videoId"):
                    ids.append(cd["videoId"])
            rows = []
            if ids:
                vids = http.get_json(f"{API}/videos", params={"part": "snippet,statistics", "id": ",".join(ids), "maxResults": 50},
                                     headers=_h(cfg))
                for v in vids.get("items") or []:
                    sn, st = v.get("snippet") or {}, v.get("statistics") or {}
                    published = parse_instant(sn["publishedAt"]) if sn.get("publishedAt") else None
                    if published:
                        seen.append(published)
                    likes, comments = to_int(st.get("likeCount")), to_int(st.get("commentCount"))
                    rows.append({
                        "post_id": v["id"],
                        "platform": "youtube",
                        "account": account,
                        "published_at": published,
                        "text": sn.get("title"),
                        "url": f"https://www.youtube.com/watch?v={v['id']}",
                        "post_type": "video",
                        "views": to_int(st.get("viewCount")),
                        "reactions": likes,
                        "comments": comments,
                        "engagements": sum_known(likes, comments),
                        "as_of": ctx.now,
                        "source_format": "api_youtube",
                    })
            yield Page("posts", "posts", rows)
            if older:
                break
    yield Page("posts", "posts", [], cursor=latest_cursor(state, "posts", seen))
