"""Plausible Stats API v2: daily visits by UTM source / medium / campaign.

``POST <plausible>/api/v2/query`` (Bearer API key) with ``dimensions: ["time:day",
"visit:utm_source", "visit:utm_medium", "visit:utm_campaign"]`` and ``metrics:
["visits", "visitors"]``; answers ``{"results": [{"dimensions": [...], "metrics": [...]}],
"meta": {...}}``; offset pagination with ``pagination: {limit, offset}``.
Plausible writes ``(none)`` where a visit had no UTM value: it is kept as is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from connectors.api.base import Common, Page, PullContext, build_config, secret, setting, since_date, to_int
from connectors.http import OffsetPaginator

NAME = "plausible"
LABEL = "Plausible"
STREAMS = {"traffic": "traffic"}
DIMENSIONS = ["time:day", "visit:utm_source", "visit:utm_medium", "visit:utm_campaign"]
METRICS = ["visits", "visitors"]
PAGE = 10000


@dataclass
class Config(Common):
    LABEL = LABEL
    site_id: str | None = setting("PLAUSIBLE_SITE_ID", None, "the site's domain as registered in Plausible", required=True)
    url: str = setting("PLAUSIBLE_URL", "https://plausible.io", "Plausible server (self-hosted or plausible.io)")
    api_key: str | None = secret("PLAUSIBLE_API_KEY", "a Stats API key")

    @property
    def endpoint(self) -> str:
        return (self.url or "https://plausible.io").strip().rstrip("/") + "/api/v2/query"


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


def _query(cfg: Config, ctx: PullContext, body: dict[str, Any], limit: int = PAGE, max_pages: int = 100) -> Iterator[dict]:
    http = ctx.http(LABEL)
    pag = OffsetPaginator(limit, "results", in_body=True, body_path="pagination")
    for page, _ in http.paginate("POST", cfg.endpoint, pag, json={"site_id": cfg.site_id, **body},
                                 headers={"Authorization": f"Bearer {cfg.api_key}"}, max_pages=max_pages):
        yield page


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    for page in _query(cfg, ctx, {"metrics": ["visitors"], "date_range": "7d"}, limit=1, max_pages=1):
        res = page.get("results") or []
        n = (res[0].get("metrics") or [None])[0] if res else 0
        return f"{LABEL}: the API key can read {cfg.site_id} ({n} visitors over the last 7 days)"
    return f"{LABEL}: the API key can read {cfg.site_id}"


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    assert ctx.today
    start = since_date(state, "traffic", ctx, cfg)
    body = {"metrics": METRICS, "dimensions": DIMENSIONS, "date_range": [start.isoformat(), ctx.today.isoformat()]}
    for page in _query(cfg, ctx, body):
        rows = []
        for r in page.get("results") or []:
            d = dict(zip(DIMENSIONS, r.get("dimensions") or [], strict=False))
            m = dict(zip(METRICS, r.get("metrics") or [], strict=False))
            day = str(d.get("time:day") or "")[:10]
            rows.append({
                "date": dt.date.fromisoformat(day) if day else None,
                "grain": "day",
                "property": cfg.site_id,
                "source": d.get("visit:utm_source"),
                "medium": d.get("visit:utm_medium"),
                "campaign": d.get("visit:utm_campaign"),
                "sessions": to_int(m.get("visits")),
                "users": to_int(m.get("visitors")),
                "source_format": "api_plausible",
            })
        yield Page("traffic", "traffic", rows)
    yield Page("traffic", "traffic", [], cursor={"last_date": ctx.today.isoformat()})
