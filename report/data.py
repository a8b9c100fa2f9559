"""Everything a report shows, read through :mod:`connectors.loader` (no other reader).

The headline figures are :func:`connectors.loader.load_summary` of the period and of the
comparison period, so every KPI equals the Overview's and ``python -m metrics summary``'s.
Charts, campaigns, listening, maturity and the loop use :func:`connectors.loader.load_tables` /
:func:`connectors.loader.read` and the pure functions of :mod:`metrics`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from connectors import loader
from connectors.store import load_config
from metrics.periods import Period, previous_period

# the KPI cards of each objective: (metric id, path in the summary)
OBJECTIVE_KPIS: dict[str, list[tuple[str, str]]] = {
    "presence": [
        ("followers", "presence.followers_end"), ("new_followers", "presence.new_followers"),
        ("impressions", "presence.impressions"), ("engagements", "presence.engagements"),
        ("engagement_rate_reach", "presence.engagement_rate_reach"), ("mentions", "presence.mentions"),
    ],
    "sentiment": [
        ("positive", "sentiment.positive"), ("negative", "sentiment.negative"),
        ("net_sentiment", "sentiment.net_sentiment"), ("pos_neg_ratio", "sentiment.pos_neg_ratio"),
    ],
    "relationships": [("new_leads", "relationships.new_leads"), ("lead_value", "relationships.lead_value"),
                      ("comments", "presence.comments")],
    "traffic": [
        ("sessions", "traffic.sessions"), ("social_sessions", "traffic.social_sessions"),
        ("social_share", "traffic.social_share"), ("conversions", "traffic.conversions"),
    ],
}
# one weekly trend per objective
OBJECTIVE_TREND = {"presence": "engagements", "sentiment": "net_sentiment", "relationships": "new_leads",
                   "traffic": "social_sessions"}
TREND_WEEKS = 12
MAX_ACTIONS = 8
MAX_SPIKES = 6


def get_path(d: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(part)
    return d


def known(v: Any) -> bool:
    if v is None:
        return False
    try:
        return not math.isnan(float(v)) and not math.isinf(float(v))
    except (TypeError, ValueError):
        return False


@dataclass
class ReportData:
    workspace: str
    settings: loader.WorkspaceSettings
    start: dt.date
    end: dt.date
    prev_start: dt.date
    prev_end: dt.date
    summary: dict[str, Any]
    deltas: dict[str, Any] = field(default_factory=dict)  # metric id -> metrics.deltas.Delta (period vs comparison)
    trends: dict[str, pd.Series] = field(default_factory=dict)
    goals_cfg: dict[str, dict[str, Any]] = field(default_factory=dict)
    campaigns: pd.DataFrame = field(default_factory=pd.DataFrame)
    spikes: pd.DataFrame = field(default_factory=pd.DataFrame)
    sov_weekly: pd.DataFrame = field(default_factory=pd.DataFrame)
    maturity: Any = None  # metrics.maturity.Assessment or None
    maturity_date: str | None = None
    movers: list[Any] = field(default_factory=list)
    actions: list[tuple[dict[str, Any], Any]] = field(default_factory=list)  # (journal entry, BeforeAfter | None)
    logo: str | None = None  # data URI
    brand_color: str | None = None


def last_week_end(end: dt.date, week_start: int = 0) -> dt.date:
    """``end`` when it closes a week (Sunday, or Saturday for weeks from Sunday), else the last day that does."""
    last = (week_start - 1) % 7
    return end - dt.timedelta(days=(end.weekday() - last) % 7)


def _logo(root: Path, ws: str, value: Any) -> str | None:
    """The ``logo`` setting as a data URI: a data URI as is, or an image file inside the workspace folder."""
    import base64
    import mimetypes

    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if v.startswith("data:image/"):
        return v
    base = (Path(root) / ws).resolve()
    p = (base / v).resolve()
    if base not in p.parents or not p.is_file() or p.stat().st_size > 2_000_000:
        return None  # only a file of this workspace's folder, never elsewhere
    mime = mimetypes.guess_type(p.name)[0] or ""
    if not mime.startswith("image/"):
        return None
    return f"data:{mime};base64," + base64.b64encode(p.read_bytes()).decode("ascii")


def _colour(value: Any) -> str | None:
    import re

    v = str(value or "").strip()
    return v if re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", v) else None


def collect(root: Path, ws: str, start: dt.date, end: dt.date, prev_start: dt.date | None = None,
            prev_end: dt.date | None = None, sections: tuple[str, ...] | None = None) -> ReportData:
    """Numbers of the report of ``ws`` over local days ``[start, end]`` compared with
    ``[prev_start, prev_end]`` (default: :func:`metrics.periods.previous_period`)."""
    from report import SECTIONS

    root = Path(root)
    sections = tuple(sections or SECTIONS)
    if prev_start is None or prev_end is None:
        p = previous_period(Period(start, end))
        prev_start, prev_end = p.start, p.end
    cfg = loader.settings(root, ws)
    summ = loader.load_summary(root, ws, start, end)
    rd = ReportData(ws, cfg, start, end, prev_start, prev_end, summ,
                    logo=_logo(root, ws, cfg.raw.get("logo")), brand_color=_colour(cfg.raw.get("brand_color")))
    rd.goals_cfg = {str(g.get("id")): g for g in load_config(root, ws, "goals", []) or []}

    wk_end = last_week_end(end, cfg.week_start)
    wk_start = wk_end - dt.timedelta(weeks=TREND_WEEKS) + dt.timedelta(days=1)
    tables = loader.load_tables(root, ws, start, end, min(wk_start, prev_start))
    from metrics.deltas import period_deltas
    from metrics.registry import METRIC_IDS

    # the comparison, as the Overview computes it (ui/results.deltas)
    ds = period_deltas(tables, Period(start, end), Period(prev_start, prev_end), METRIC_IDS)
    rd.deltas = {d.metric_id: d for d in ds}
    if "objectives" in sections:
        from metrics.registry import series

        for obj, metric in OBJECTIVE_TREND.items():
            try:
                s = series(metric, tables, wk_start, wk_end, "week")
            except Exception:  # a metric without its table: no chart
                continue
            if s.notna().sum() >= 2:
                rd.trends[obj] = s
    if "campaigns" in sections:
        from metrics.campaigns import campaign_table

        ct = campaign_table(tables.costs, tables.traffic, tables.leads, start, end, "campaign", tables.tz, tables.campaigns,
                            tables.currency, tables.fx_rates, tables.value_per_conversion, tables.value_per_lead)
        keep = ct[["cost", "value"]].notna().any(axis=1) if len(ct) else pd.Series(dtype=bool)
        rd.campaigns = ct[keep].reset_index(drop=True) if len(ct) else ct
    if "listening" in sections:
        from metrics import listening as L

        b = cfg.brands
        alerts = load_config(root, ws, "alerts", {}) or {}
        lo = min(start, wk_start) - dt.timedelta(days=35)
        men = loader.read(root, ws, "mentions", ["mention_id", "published_at", "source", "brand", "topic", "sentiment_label"],
                          lo, end, cfg=cfg)
        if len(men):
            sp = L.spikes(men, cfg.timezone, brand="*", own_brand=b.own_name, alerts=alerts, start=start, end=end)
            rd.spikes = sp.head(MAX_SPIKES)
        if b.competitor_names:
            sd = loader.read(root, ws, "sentiment_daily", loader.SENTIMENT_COLS, wk_start, wk_end, cfg=cfg)
            rd.sov_weekly = L.share_of_voice_weekly(men, sd, wk_start, wk_end, cfg.timezone, b.own_name, b.competitor_names)
    if "maturity" in sections:
        from metrics import maturity as M

        doc = load_config(root, ws, "maturity", {}) or {}
        latest = M.latest_assessment(doc)
        if latest:
            journal = load_config(root, ws, "journal", []) or []
            as_of = end + dt.timedelta(days=1)
            lo = as_of - dt.timedelta(days=2 * M.WINDOW_DAYS + 2)
            men = loader.read(root, ws, "mentions", ["published_at", "brand", "sentiment_label", "topic", "replied_at"],
                              lo, as_of, cfg=cfg)
            posts = loader.read(root, ws, "posts", ["published_at", "text", "comments"], cfg=cfg)
            ev = M.evidence(men, posts, journal, as_of, cfg.timezone, cfg.brands.own_name, cfg.brands.competitor_names)
            rd.maturity = M.assess(latest.get("answers") or {}, ev)
            rd.maturity_date = str(latest.get("date"))[:10]
    if "loop" in sections:
        _loop(rd, root, ws)
    return rd


def _loop(rd: ReportData, root: Path, ws: str) -> None:
    from metrics import loop as L
    from metrics.deltas import biggest_movers
    from metrics.registry import METRICS

    rd.movers = biggest_movers(rd.deltas.values(), n=4, min_previous=10)
    journal = load_config(root, ws, "journal", []) or []
    as_of = rd.end + dt.timedelta(days=1)
    picked = []
    for a in journal:
        d, r = L.opt_date(a.get("date")), L.opt_date(a.get("review_date"))
        if d is None or d > rd.end:
            continue
        # actions of the period, actions still open, and those reviewed during the period
        if d >= rd.prev_start or (r is not None and rd.prev_start <= r <= as_of) or a.get("status") == "open":
            picked.append(a)
    picked.sort(key=lambda a: str(a.get("date")), reverse=True)
    picked = picked[:MAX_ACTIONS]
    if not picked:
        return
    lo = min(L.opt_date(a.get("date")) for a in picked) - dt.timedelta(days=400)
    full = loader.load_tables(root, ws, rd.start, rd.end, lo)
    for a in picked:
        res = None
        if a.get("metric") in METRICS and a.get("review_date"):
            try:
                res = L.before_after(a, full, as_of)
            except (KeyError, ValueError, TypeError):
                res = None
        rd.actions.append((a, res))
