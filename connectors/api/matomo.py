"""Matomo Reporting API: daily visits by referrer and by campaign.

``POST <matomo>/index.php`` with ``module=API&format=JSON&idSite=&period=day&date=<from>,<to>``
and the token in the POST body (``token_auth``: never in a URL). Two reports:

* ``Referrers.getAll``: one row per referrer (``label``) and type (``referer_type``:
  direct / search / website / campaign / social) -> ``source``, ``medium``;
* ``Referrers.getCampaigns``: one row per campaign name -> ``campaign``. These rows are a
  second breakdown of the same visits (dimension set {campaign} vs {source, medium}):
  ``metrics.traffic`` picks one dimension set per property and day, so nothing is
  counted twice.

With ``period=day`` and a date range Matomo answers ``{"YYYY-MM-DD": [rows], ...}``.
Errors come back as HTTP 200 ``{"result": "error", "message": ...}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from connectors.api.base import Common, Page, PullContext, build_config, secret, setting, since_date, to_float, to_int
from connectors.errors import ConfigError, TransientError

NAME = "matomo"
LABEL = "Matomo"
STREAMS = {"traffic": "traffic"}
# Matomo referrer type ids (core/Common.php REFERRER_TYPE_*) and their names in the API
REFERRER_TYPES = {1: "direct", 2: "search", 3: "website", 6: "campaign", 7: "social"}
MEDIUM = {"direct": "(none)", "search": "organic", "website": "referral", "campaign": "campaign", "social": "social"}


@dataclass
class Config(Common):
    LABEL = LABEL
    url: str | None = setting("MATOMO_URL", None, "address of the Matomo server, e.g. https://stats.example.org", required=True)
    site_id: str | None = setting("MATOMO_SITE_ID", None, "the website id (idSite)", required=True)
    token_auth: str | None = secret("MATOMO_TOKEN_AUTH", "a personal API token with view access")

    @property
    def endpoint(self) -> str:
        u = (self.url or "").strip().rstrip("/")
        if not u.startswith(("http://", "https://")):
            u = "https://" + u
        return u if u.endswith("index.php") else u + "/index.php"


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


def _classify(resp):
    if resp.status_code == 200:
        try:
            data = resp.json()
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("result") == "error":
            msg = str(data.get("message", "")).lower()
            if "too many" in msg or "temporarily" in msg:
                return TransientError
            return ConfigError
    return None


def _call(cfg: Config, ctx: PullContext, method: str, **params: Any) -> Any:
    http = ctx.http(LABEL, classify=_classify)
    form = {"module": "API", "method": method, "format": "JSON", "idSite": cfg.site_id, "token_auth": cfg.token_auth,
            **params}
    return http.post_json(cfg.endpoint, data=form)


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    site = _call(cfg, ctx, "SitesManager.getSiteFromId")
    name = site.get("name") if isinstance(site, dict) else None
    return f"{LABEL}: the token can read site {cfg.site_id}" + (f" ({name})" if name else "")


def _days(data: Any, start: dt.date) -> Iterator[tuple[dt.date, list[dict[str, Any]]]]:
    if isinstance(data, dict):
        for day, rows in sorted(data.items()):
            try:
                d = dt.date.fromisoformat(day)
            except ValueError:
                continue
            yield d, rows if isinstance(rows, list) else []
    elif isinstance(data, list):  # a single day
        yield start, data


def _type_name(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, int) or (isinstance(v, str) and v.isdigit()):
        return REFERRER_TYPES.get(int(v))
    s = str(v).lower()
    return {"direct entry": "direct", "search engines": "search", "websites": "website", "campaigns": "campaign",
            "social networks": "social"}.get(s, s)


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    assert ctx.today
    start = since_date(state, "traffic", ctx, cfg)
    date = f"{start.isoformat()},{ctx.today.isoformat()}"
    prop = f"matomo:{cfg.site_id}"
    common = {"period": "day", "date": date, "filter_limit": "-1"}

    rows = []
    for day, items in _days(_call(cfg, ctx, "Referrers.getAll", **common), start):
        for r in items:
            kind = _type_name(r.get("referer_type") or r.get("referrer_type"))
            label = r.get("label")
            rows.append({
                "date": day, "grain": "day", "property": prop,
                "source": "(direct)" if kind == "direct" else label,
                "medium": MEDIUM.get(kind or "", kind),
                "sessions": to_int(r.get("nb_visits")),
                "users": to_int(r.get("nb_uniq_visitors")),
                "conversions": to_float(r.get("nb_conversions")),
                "revenue": to_float(r.get("revenue")),
                "source_format": "api_matomo",
            })
    yield Page("traffic", "traffic", rows)

    rows = []
    for day, items in _days(_call(cfg, ctx, "Referrers.getCampaigns", **common), start):
        for r in items:
            label = r.get("label")
            rows.append({
                "date": day, "grain": "day", "property": prop,
                "campaign": label,
                "sessions": to_int(r.get("nb_visits")),
                "users": to_int(r.get("nb_uniq_visitors")),
                "conversions": to_float(r.get("nb_conversions")),
                "revenue": to_float(r.get("revenue")),
                "source_format": "api_matomo",
            })
    yield Page("traffic", "traffic", rows, cursor={"last_date": ctx.today.isoformat()})
