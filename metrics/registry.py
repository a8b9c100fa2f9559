"""The metric registry: every metric id of ``docs/ARCHITECTURE.md`` with its objective,
label key, unit, aggregation kind and a function computing it for a period.

Aggregation kinds
-----------------
* ``flow``: summed over the days of the period (impressions, sessions, cost...);
* ``stock``: the value at the end of the period (followers);
* ``ratio``: recomputed from the period's summed parts (never an average of daily ratios).

``compute(metric_id, tables, start, end, scope)`` is what goals, trends, deltas and the
summary call; ``series(...)`` gives one value per week/month. Scope keys: ``platform``
and ``campaign``; a metric that cannot be broken down by a scope key gives NaN for it
(see ``MetricSpec.scopes``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from metrics import NAN, DateLike, as_date, is_missing
from metrics import presence as pr
from metrics import relationships as rel
from metrics import roi as roi_mod
from metrics import sentiment as se
from metrics import traffic as tr
from metrics.periods import Freq, Period, periods_between

Unit = Literal["count", "ratio", "currency"]
Kind = Literal["flow", "stock", "ratio"]
Objective = Literal["presence", "sentiment", "relationships", "traffic", "roi"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class Tables:
    """Everything a metric may need: the canonical tables (only the columns used) and the
    workspace settings. Frames may be empty or lack columns: the metric is then NaN."""

    audience: pd.DataFrame = field(default_factory=_empty)
    posts: pd.DataFrame = field(default_factory=_empty)
    content_daily: pd.DataFrame = field(default_factory=_empty)
    mentions: pd.DataFrame = field(default_factory=_empty)
    sentiment_daily: pd.DataFrame = field(default_factory=_empty)
    traffic: pd.DataFrame = field(default_factory=_empty)
    leads: pd.DataFrame = field(default_factory=_empty)
    costs: pd.DataFrame = field(default_factory=_empty)
    tz: str = "UTC"
    own_brand: str | None = None
    competitors: tuple[str, ...] = ()
    campaigns: list[dict[str, Any]] = field(default_factory=list)
    currency: str | None = None
    fx_rates: dict[str, float] = field(default_factory=dict)
    value_per_conversion: float | None = None
    value_per_lead: float | None = None
    week_start: int = 0  # first day of the week: 0 = Monday (ISO), 6 = Sunday
    # values already computed from these tables by :func:`compute` (goal series, sparklines,
    # deltas and the Goals page ask for the same buckets): tables are read-only once built
    computed: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def from_config(cls, frames: Mapping[str, pd.DataFrame], workspace: Mapping[str, Any] | None = None,
                    campaigns: list[dict[str, Any]] | None = None) -> Tables:
        """Build from ``{table: frame}`` and the ``workspace`` / ``campaigns`` config documents.

        Optional workspace keys used beyond the documented ones: ``fx_rates``
        (``{"USD": 1.37}``: workspace-currency units per unit), ``value_per_conversion``,
        ``value_per_lead`` (defaults for campaigns that set none)."""
        ws = dict(workspace or {})
        kw = {k: v for k, v in frames.items() if k in {
            "audience", "posts", "content_daily", "mentions", "sentiment_daily", "traffic", "leads", "costs"}}
        return cls(
            **kw, tz=ws.get("timezone") or "UTC", own_brand=ws.get("own_brand") or None,
            competitors=tuple(c if isinstance(c, str) else str(c.get("name") or "") for c in ws.get("competitors") or ()),
            campaigns=list(campaigns or []), currency=ws.get("currency"),
            fx_rates=dict(ws.get("fx_rates") or {}), value_per_conversion=ws.get("value_per_conversion"),
            value_per_lead=ws.get("value_per_lead"),
        )


Compute = Callable[[Tables, Period, str | None, str | None], float]


@dataclass(frozen=True)
class MetricSpec:
    id: str
    objective: Objective
    unit: Unit
    kind: Kind
    compute: Compute
    scopes: frozenset[str] = frozenset({"platform"})
    higher_is_better: bool | None = True
    # the tables whose presence makes the metric measurable
    tables: tuple[str, ...] = ()

    @property
    def label_key(self) -> str:
        return f"metrics.{self.id}"

    @property
    def help_key(self) -> str:
        return f"metrics.{self.id}.help"


def _memo_key(name: str, p: Period, platform: str | None, campaign: str | None) -> tuple[Any, ...]:
    return (name, p.start, p.end, platform, campaign)


def _shared_row(t: Tables, name: str, p: Period, platform: str | None, campaign: str | None, make: Callable[[], Any]) -> Any:
    """``make()`` computed once per bucket and scope on these tables (``t.computed``): a metric's
    value (:func:`compute`) or a row of totals several metrics read (sentiment counts and ratios;
    cost, value and ROI; names starting with ``_``). Read-only. An unhashable scope value is
    computed every time."""
    key = _memo_key(name, p, platform, campaign)
    try:
        return t.computed[key]
    except (KeyError, TypeError):
        pass
    row = make()
    try:
        t.computed[key] = row
    except TypeError:
        pass
    return row


def sentiment_row(t: Tables, start: DateLike, end: DateLike, platform: str | None = None) -> dict[str, float]:
    """:func:`metrics.sentiment.sentiment_totals` of the tables, once per period and platform. Read-only."""
    p = Period(as_date(start), as_date(end))
    return _shared_row(t, "_sentiment_totals", p, platform, None, lambda: se.sentiment_totals(
        t.mentions, t.sentiment_daily, p.start, p.end, t.tz, t.own_brand, t.competitors, platform))


def roi_row(t: Tables, start: DateLike, end: DateLike, platform: str | None = None, campaign: str | None = None) -> dict[str, Any]:
    """:func:`metrics.roi.roi_totals` of the tables, once per period and scope. Read-only."""
    p = Period(as_date(start), as_date(end))
    return _shared_row(t, "_roi_totals", p, platform, campaign, lambda: roi_mod.roi_totals(
        t.costs, t.traffic, t.leads, p.start, p.end, t.tz, t.campaigns, t.currency, t.fx_rates,
        t.value_per_conversion, t.value_per_lead, platform=platform, campaign=campaign,
    ))


def _sent(key: str) -> Compute:
    def f(t: Tables, p: Period, platform: str | None, campaign: str | None) -> float:
        return sentiment_row(t, p.start, p.end, platform)[key]

    return f


def _traffic(key: str, social: bool) -> Compute:
    def f(t: Tables, p: Period, platform: str | None, campaign: str | None) -> float:
        return tr.traffic_totals(t.traffic, p.start, p.end, social=social, platform=platform, campaign=campaign, columns=(key,))[key]

    return f


def _roi(key: str) -> Compute:
    def f(t: Tables, p: Period, platform: str | None, campaign: str | None) -> float:
        row = roi_row(t, p.start, p.end, platform, campaign)
        v = row.get(key)
        return NAN if is_missing(v) else float(v)

    return f


def _flow(metric: str) -> Compute:
    def f(t: Tables, p: Period, platform: str | None, campaign: str | None) -> float:
        return pr.flow_total(metric, t.audience, t.posts, p.start, p.end, t.tz, t.content_daily, platform)

    return f


_PLATFORM = frozenset({"platform"})
_BOTH = frozenset({"platform", "campaign"})

_SPECS: list[MetricSpec] = [
    MetricSpec("followers", "presence", "count", "stock", lambda t, p, pl, c: pr.followers_end(t.audience, p.end, pl),
               tables=("audience",)),
    MetricSpec("new_followers", "presence", "count", "flow", lambda t, p, pl, c: pr.new_followers(t.audience, p.start, p.end, pl),
               tables=("audience",)),
    MetricSpec("follower_growth_rate", "presence", "ratio", "ratio",
               lambda t, p, pl, c: pr.follower_growth_rate(t.audience, p.start, p.end, pl), tables=("audience",)),
    MetricSpec("mentions", "presence", "count", "flow",
               lambda t, p, pl, c: pr.mentions(t.mentions, t.sentiment_daily, p.start, p.end, t.tz, t.own_brand, t.competitors, pl),
               tables=("mentions", "sentiment_daily")),
    MetricSpec("comments", "presence", "count", "flow", _flow("comments"), tables=("audience", "posts", "content_daily")),
    MetricSpec("impressions", "presence", "count", "flow", _flow("impressions"), tables=("audience", "posts", "content_daily")),
    MetricSpec("engagements", "presence", "count", "flow", _flow("engagements"), tables=("audience", "posts", "content_daily")),
    MetricSpec("engagement_rate_reach", "presence", "ratio", "ratio",
               lambda t, p, pl, c: pr.engagement_rate_reach(t.audience, t.posts, p.start, p.end, t.tz, t.content_daily, pl),
               tables=("audience", "posts", "content_daily")),
    MetricSpec("engagement_rate_followers", "presence", "ratio", "ratio",
               lambda t, p, pl, c: pr.engagement_rate_followers(t.audience, t.posts, p.start, p.end, t.tz, t.content_daily, pl),
               tables=("audience",)),
    MetricSpec("share_of_voice", "presence", "ratio", "ratio",
               lambda t, p, pl, c: pr.share_of_voice(t.mentions, t.sentiment_daily, p.start, p.end, t.tz, t.own_brand,
                                                     t.competitors, pl),
               tables=("mentions", "sentiment_daily")),
    MetricSpec("positive", "sentiment", "count", "flow", _sent("positive"), tables=("mentions", "sentiment_daily")),
    MetricSpec("neutral", "sentiment", "count", "flow", _sent("neutral"), higher_is_better=None,
               tables=("mentions", "sentiment_daily")),
    MetricSpec("negative", "sentiment", "count", "flow", _sent("negative"), higher_is_better=False,
               tables=("mentions", "sentiment_daily")),
    MetricSpec("pos_neg_ratio", "sentiment", "ratio", "ratio", _sent("pos_neg_ratio"), tables=("mentions", "sentiment_daily")),
    MetricSpec("net_sentiment", "sentiment", "ratio", "ratio", _sent("net_sentiment"), tables=("mentions", "sentiment_daily")),
    MetricSpec("new_leads", "relationships", "count", "flow",
               lambda t, p, pl, c: rel.new_leads(t.leads, p.start, p.end, t.tz, pl, c), scopes=_BOTH, tables=("leads",)),
    MetricSpec("lead_value", "relationships", "currency", "flow",
               lambda t, p, pl, c: rel.lead_value(t.leads, p.start, p.end, t.tz, pl, c), scopes=_BOTH, tables=("leads",)),
    MetricSpec("sessions", "traffic", "count", "flow", _traffic("sessions", False), scopes=_BOTH, tables=("traffic",)),
    MetricSpec("social_sessions", "traffic", "count", "flow", _traffic("sessions", True), scopes=_BOTH, tables=("traffic",)),
    MetricSpec("social_share", "traffic", "ratio", "ratio",
               lambda t, p, pl, c: tr.social_share(t.traffic, p.start, p.end), scopes=frozenset(), tables=("traffic",)),
    MetricSpec("conversions", "traffic", "count", "flow", _traffic("conversions", True), scopes=_BOTH, tables=("traffic",)),
    MetricSpec("revenue", "traffic", "currency", "flow", _traffic("revenue", True), scopes=_BOTH, tables=("traffic",)),
    MetricSpec("cost", "roi", "currency", "flow", _roi("cost"), scopes=_BOTH, higher_is_better=None, tables=("costs",)),
    MetricSpec("value", "roi", "currency", "flow", _roi("value"), scopes=_BOTH, tables=("traffic", "leads", "costs")),
    MetricSpec("roi", "roi", "ratio", "ratio", _roi("roi"), scopes=_BOTH, tables=("costs",)),
]

METRICS: dict[str, MetricSpec] = {m.id: m for m in _SPECS}
METRIC_IDS: tuple[str, ...] = tuple(METRICS)


def spec(metric_id: str) -> MetricSpec:
    try:
        return METRICS[metric_id]
    except KeyError:
        raise KeyError(f"unknown metric {metric_id!r}; known: {', '.join(METRIC_IDS)}") from None


def compute(metric_id: str, tables: Tables, start: DateLike, end: DateLike, scope: Mapping[str, Any] | None = None) -> float:
    """Value of ``metric_id`` over ``[start, end]`` for ``scope`` (``{"platform": .., "campaign": ..}``).

    NaN when there is no data, or when the scope asks for a breakdown the metric does not have."""
    s = spec(metric_id)
    platform = (scope or {}).get("platform") or None
    campaign = (scope or {}).get("campaign") or None
    if (platform and "platform" not in s.scopes) or (campaign and "campaign" not in s.scopes):
        return NAN
    p = Period(as_date(start), as_date(end))

    def value() -> float:
        v = s.compute(tables, p, platform, campaign)
        return NAN if is_missing(v) else float(v)

    return _shared_row(tables, metric_id, p, platform, campaign, value)


def series(
    metric_id: str, tables: Tables, start: DateLike, end: DateLike, freq: Freq = "week", scope: Mapping[str, Any] | None = None
) -> pd.Series:
    """One value per calendar ``freq`` bucket (weeks from ``tables.week_start``, ISO by default) overlapping ``[start, end]``,
    indexed by the bucket's first day. Each bucket is computed on its own days clipped to
    ``[start, end]`` with the metric's rule (flow summed, stock at bucket end, ratio from parts)."""
    s0, e0 = as_date(start), as_date(end)
    buckets = periods_between(freq, s0, e0, tables.week_start)
    values = compute_many(metric_id, tables, [Period(max(p.start, s0), min(p.end, e0)) for p in buckets], scope)
    out = {pd.Timestamp(p.start): v for p, v in zip(buckets, values, strict=True)}
    return pd.Series(out, dtype="float64", name=metric_id)


def compute_many(metric_id: str, tables: Tables, periods: list[Period], scope: Mapping[str, Any] | None = None) -> list[float]:
    """:func:`compute` for each of ``periods``; consecutive buckets of the metrics that have a
    one-pass rule (:data:`_BATCH`) are computed together, with identical values."""
    _compute_buckets(metric_id, tables, periods, scope)
    return [compute(metric_id, tables, p.start, p.end, scope) for p in periods]


def _batch_engagement_rate_reach(t: Tables, periods: list[Period], platform: str | None) -> list[float]:
    return pr.engagement_rate_reach_buckets(t.audience, t.posts, [(p.start, p.end) for p in periods], t.tz, t.content_daily,
                                            platform)


def _batch_followers(t: Tables, periods: list[Period], platform: str | None) -> list[float]:
    return pr.followers_end_buckets(t.audience, [p.end for p in periods], platform)


def _batch_flow(metric: str) -> Callable[[Tables, list[Period], str | None], list[float]]:
    def f(t: Tables, periods: list[Period], platform: str | None) -> list[float]:
        return pr.flow_total_buckets(metric, t.audience, t.posts, [(p.start, p.end) for p in periods], t.tz, t.content_daily,
                                     platform)

    return f


# metrics whose buckets are computed in one pass (each value identical to :func:`compute`'s)
_BATCH: dict[str, Callable[[Tables, list[Period], str | None], list[float]]] = {
    "engagement_rate_reach": _batch_engagement_rate_reach,
    "followers": _batch_followers,
    **{m: _batch_flow(m) for m in ("comments", "impressions", "engagements")},
}


def _compute_buckets(metric_id: str, tables: Tables, periods: list[Period], scope: Mapping[str, Any] | None) -> None:
    """Fill :func:`compute`'s memo for ``periods`` in one pass when the metric has a batch rule."""
    batch = _BATCH.get(metric_id)
    platform = (scope or {}).get("platform") or None
    campaign = (scope or {}).get("campaign") or None
    if batch is None or campaign or len(periods) < 2:
        return
    try:
        todo = [p for p in periods if _memo_key(metric_id, p, platform, None) not in tables.computed]
    except TypeError:  # an unhashable scope value: computed bucket by bucket
        return
    if len(todo) < 2:
        return
    for p, v in zip(todo, batch(tables, todo, platform), strict=True):
        tables.computed[_memo_key(metric_id, p, platform, None)] = NAN if is_missing(v) else float(v)


def has_data(metric_id: str, tables: Tables) -> bool:
    """Whether any table feeding ``metric_id`` has rows (the metric is measurable)."""
    return any(len(getattr(tables, t)) > 0 for t in spec(metric_id).tables)


def available_metrics(tables: Tables) -> set[str]:
    return {m for m in METRIC_IDS if has_data(m, tables)}
