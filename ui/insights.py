"""Turning metric numbers and codes into words, in the chosen language.

The metrics library returns numbers, ids and codes; this module formats them with
:mod:`ui.fmt` and phrases them with :mod:`ui.i18n` (no Streamlit here, so it is easy to test):

* :func:`value` / :func:`change` — one metric's value and its change, formatted for its unit;
* :func:`mover_sentence` — one plain sentence per :class:`metrics.deltas.Delta`
  (the "what changed" list of the Overview);
* :func:`issue_text` — a goal validation problem or warning;
* :func:`roi_reason` — why an ROI figure is missing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from metrics.registry import METRICS
from ui import fmt
from ui.i18n import has, t

# ratio metrics shown as a percentage (the others are plain numbers)
PERCENT_METRICS = {
    "follower_growth_rate", "engagement_rate_reach", "engagement_rate_followers", "share_of_voice", "net_sentiment",
    "social_share", "roi",
}
# per-post rates and ratios shown as plain numbers with one decimal
DECIMAL_METRICS = {"pos_neg_ratio", "conversation_rate", "amplification_rate", "applause_rate", "roas"}
CURRENCY_METRICS = {"lead_value", "revenue", "cost", "value", "cpl", "cpa", "cpc", "cpm", "all_revenue", "ad_cost"}
STATUS_COLORS = {
    "on_track": "green", "achieved": "green", "at_risk": "orange", "off_track": "red", "missed": "red",
    "not_started": "gray", "no_data": "gray", "invalid": "gray", "too_early": "gray",
}
STATUS_ICONS = {
    "on_track": ":material/check_circle:", "achieved": ":material/emoji_events:", "at_risk": ":material/warning:",
    "off_track": ":material/error:", "missed": ":material/cancel:", "not_started": ":material/schedule:",
    "no_data": ":material/help:", "invalid": ":material/build:", "too_early": ":material/hourglass_empty:",
}


def label(metric_id: str, lang: str | None = None) -> str:
    key = f"metrics.{metric_id}"
    return t(key, lang) if has(key) else metric_id


def help_text(metric_id: str, lang: str | None = None) -> str | None:
    key = f"metrics.{metric_id}.help"
    return t(key, lang) if has(key) else None


def _missing(v: Any) -> bool:
    return fmt.is_missing(v) or (isinstance(v, float) and math.isinf(v))


def _pct_decimals(metric_id: str) -> int:
    return 0 if metric_id == "roi" else (2 if metric_id == "follower_growth_rate" else 1)


def sig_decimals(x: float, digits: int = 2) -> int:
    """Decimals that keep ``digits`` significant digits of ``|x| < 1`` (0.043 -> 3); 0 otherwise."""
    import math

    a = abs(x)
    if a == 0 or a >= 1 or math.isnan(a):
        return 0
    return digits - 1 - math.floor(math.log10(a))


def value(metric_id: str, v: Any, lang: str | None = None, currency: str = "CAD") -> str:
    """A metric's value in the locale: counts as integers, rates as percentages, money in
    the workspace currency, ratios with one decimal. A ratio or rate below 1 (in the unit
    shown) keeps two significant digits (0.43, 0.37 %), so a small figure never shows as 0."""
    if _missing(v):
        return fmt.MISSING
    if metric_id in PERCENT_METRICS:
        return fmt.percent(v, max(_pct_decimals(metric_id), sig_decimals(float(v) * 100)), lang)
    if metric_id in DECIMAL_METRICS:
        return fmt.number(v, max(1, sig_decimals(float(v))), lang)
    if metric_id in CURRENCY_METRICS:
        return fmt.currency(v, currency, lang, decimals=0 if abs(float(v)) >= 100 else 2)
    return fmt.integer(v, lang)


def change(metric_id: str, current: Any, previous: Any, lang: str | None = None, currency: str = "CAD") -> str | None:
    """The change from ``previous`` to ``current``: ``+755 (+9.6%)`` for counts and money,
    ``+0.4 pts`` for percentages, ``+0.3`` for plain ratios. None when either is unknown."""
    if _missing(current) or _missing(previous):
        return None
    d = float(current) - float(previous)
    if metric_id in PERCENT_METRICS:
        return fmt.points(d, 1, lang)
    if metric_id in DECIMAL_METRICS:
        return fmt.number(d, 1, lang, signed=True)
    if metric_id in CURRENCY_METRICS:
        body = fmt.currency(d, currency, lang, decimals=0 if abs(d) >= 100 else 2)
        body = body if d < 0 or body.startswith("-") else "+" + body
    else:
        body = fmt.integer(d, lang, signed=True)
    if float(previous) != 0:
        body += f" ({fmt.percent(d / abs(float(previous)), 1, lang, signed=True)})"
    return body


def favourable(metric_id: str, current: Any, previous: Any) -> bool | None:
    """True when the move is good news for the metric, False when bad, None when neutral or unknown."""
    spec = METRICS.get(metric_id)
    if spec is None or spec.higher_is_better is None or _missing(current) or _missing(previous):
        return None
    d = float(current) - float(previous)
    if d == 0:
        return None
    return (d > 0) == spec.higher_is_better


def delta_color(fav: bool | None) -> str:
    """``st.metric`` colour for a move: green when favourable, red when not, grey otherwise."""
    return "gray" if fav is None else ("green" if fav else "red")


def mover_sentence(d: Any, lang: str | None = None, currency: str = "CAD") -> str:
    """One sentence for a :class:`metrics.deltas.Delta` (value, previous, pct, direction, favourable)."""
    direction = "up" if d.delta > 0 else "down"
    key = f"insights.mover.{direction}"
    tail = {True: "insights.good", False: "insights.bad"}.get(d.favourable)
    text = t(
        key,
        lang,
        metric=label(d.metric_id, lang),
        pct=fmt.percent(abs(d.pct), 1, lang) if not _missing(d.pct) else fmt.MISSING,
        value=value(d.metric_id, d.value, lang, currency),
        previous=value(d.metric_id, d.previous, lang, currency),
    )
    return f"{text} {t(tail, lang)}" if tail else text


def issue_text(issue: Mapping[str, Any] | Any, lang: str | None = None, currency: str = "CAD", metric_id: str | None = None) -> str:
    """A goal validation issue (dict or :class:`metrics.goals.Issue`) as a sentence; ``metric_id``
    (the goal's metric) formats the amounts of an ``unrealistic`` warning in the metric's unit."""
    code = issue["code"] if isinstance(issue, Mapping) else issue.code
    params = dict((issue.get("params") if isinstance(issue, Mapping) else issue.params) or {})
    metric = params.get("metric")
    if metric:
        params["metric"] = label(metric, lang)
    if "scope" in params:
        params["scope"] = t(f"metrics.scope.{params['scope']}", lang) if has(f"metrics.scope.{params['scope']}") else params["scope"]
    if "tables" in params:
        params["tables"] = ", ".join(t(f"table.{x}", lang) if has(f"table.{x}") else str(x) for x in params["tables"])
    if "expected" in params:
        params["expected"] = t(f"metrics.objective.{params['expected']}", lang)
    if "objective" in params:
        params["objective"] = t(f"metrics.objective.{params['objective']}", lang)
    if "platform" in params:
        params["platform"] = str(params["platform"])
    if code == "unrealistic":
        freq = params.get("period") or "week"
        metric_id = metric_id or ""
        needed = value(metric_id, params.get("needed"), lang, currency) if metric_id else fmt.number(params.get("needed"), 1, lang)
        best = value(metric_id, params.get("best"), lang, currency) if metric_id else fmt.number(params.get("best"), 1, lang)
        freq = freq if freq in ("week", "month") else "week"
        if params.get("factor") is None:
            return t(f"metrics.issue.unrealistic_no_best.{freq}", lang, needed=needed)
        return t(f"metrics.issue.unrealistic.{freq}", lang, factor=fmt.number(params["factor"], 1, lang), needed=needed, best=best)
    key = f"metrics.issue.{code}"
    return t(key, lang, **params) if has(key) else code


def roi_reason(code: str | None, lang: str | None = None) -> str:
    key = f"metrics.reason.{code}"
    return t(key, lang) if code and has(key) else t("metrics.reason.no_value", lang)


def status_label(status: str | None, lang: str | None = None) -> str:
    key = f"metrics.status.{status}"
    return t(key, lang) if status and has(key) else str(status)


def get_path(d: Mapping[str, Any], path: str) -> Any:
    """``get_path(summary, "presence.followers_end")``."""
    cur: Any = d
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


def last_known(metric_id: str, summ: dict, start, lang: str | None = None) -> str | None:
    """When a stock figure (followers) was last measured before the period, i.e. carried
    forward: that day, formatted, for a "last known" note instead of a change; else None."""
    import datetime as _dt

    if metric_id != "followers":
        return None
    d = (summ.get("presence") or {}).get("followers_as_of")
    if not d or _dt.date.fromisoformat(d) >= start:
        return None
    return fmt.date(_dt.date.fromisoformat(d), lang)
