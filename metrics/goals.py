"""SMART goals: validation, progress, projection to the deadline, status.

A goal (``goals`` config document) has a metric from the registry, a scope (platform
and/or campaign, null = everything), a baseline, a target, a start and a deadline.

How a goal is measured
----------------------
Goals are followed on calendar buckets: ISO weeks (Monday-Sunday) by default, or months
when the goal says ``"period": "month"`` (an optional key). For a **stock** metric
(followers) the value of a bucket is the value at its end; for a **flow** metric
(mentions, sessions) the total over the bucket, so the baseline and target are *per
week* (or month); for a **ratio** the ratio over the bucket. *Current* is the value of
the last complete bucket before ``as_of`` (for a stock: the value at the end of it).

* progress = (current - baseline) / (target - baseline); NaN when target = baseline.
  Goals that aim down (target < baseline) work the same way.
* projection: least-squares line through the last ``trend_buckets`` (default 8) complete
  buckets since the goal started (at least 3 known values, else none), read at the
  deadline's bucket. projected progress = (projection - baseline) / (target - baseline).
* status: ``not_started`` before the start; ``no_data`` without a current value;
  ``achieved`` once progress >= 1 for a stock metric (a level reached), and for any metric
  at or after the deadline; after the deadline ``missed`` otherwise. Before the deadline
  the badge follows the projection, never one good bucket: ``on_track`` when projected
  progress >= 1, ``at_risk`` when >= 0.8 (``AT_RISK_FLOOR``), else ``off_track``; with
  fewer than 3 known buckets there is no projection and the status is ``too_early``
  (too early to tell).

Realism warning: the rate a goal needs per bucket is compared with the best bucket ever
observed. Stock metric: needed change per bucket = (target - current) / buckets left,
against the largest change between consecutive buckets. Flow or ratio: the target
value itself against the best bucket value (lowest one for goals aiming down). A need
above ``UNREALISTIC_FACTOR`` (1.5) times the best gives ``unrealistic`` with the factor.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np
import pandas as pd

from metrics import NAN, DateLike, as_date, is_missing, safe_div
from metrics.periods import Freq, last_complete, period_of
from metrics.registry import METRICS, Tables, has_data, series, spec
from metrics.registry import compute as compute_metric

AT_RISK_FLOOR = 0.8
UNREALISTIC_FACTOR = 1.5
TREND_BUCKETS = 8
MIN_TREND_POINTS = 3
HISTORY_WEEKS = 52
PLATFORM_IDS = ("x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "mastodon", "bluesky", "web")
STATUSES = ("not_started", "no_data", "too_early", "on_track", "at_risk", "off_track", "achieved", "missed")


@dataclass
class Issue:
    """A validation finding: ``code`` for the UI to phrase, the goal ``field`` concerned,
    the SMART ``criterion`` and numbers in ``params``."""

    code: str
    field: str | None = None
    criterion: str | None = None
    params: dict[str, Any] = dc_field(default_factory=dict)


@dataclass
class GoalCheck:
    problems: list[Issue] = dc_field(default_factory=list)
    warnings: list[Issue] = dc_field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def history_start(start: dt.date, goals: Sequence[Mapping[str, Any]]) -> dt.date:
    """First day to read: ``start``, or 52 weeks before the earliest goal start (for goal
    trends and the best week ever), whichever is earlier."""
    lo = start
    for g in goals:
        try:
            gs = dt.date.fromisoformat(str(g.get("start"))[:10]) - dt.timedelta(weeks=HISTORY_WEEKS)
        except ValueError:
            continue
        lo = min(lo, gs)
    return lo


def _num(v: Any) -> float:
    if is_missing(v) or v == "":
        return NAN
    try:
        return float(v)
    except (TypeError, ValueError):
        return NAN


def _date(v: Any) -> dt.date | None:
    if is_missing(v) or v == "":
        return None
    try:
        return as_date(v)
    except (TypeError, ValueError):
        return None


def goal_freq(goal: Mapping[str, Any]) -> Freq:
    return "month" if goal.get("period") == "month" else "week"


def validate_goal(
    goal: Mapping[str, Any],
    tables: Tables | None = None,
    history: pd.Series | None = None,
    as_of: DateLike | None = None,
) -> GoalCheck:
    """Problems (blocking) and warnings of one goal.

    Specific: a metric, a known scope (platform id; a scope the metric supports).
    Measurable: metric in the registry and, when ``tables`` are given, present in the data;
    numeric baseline and target that differ. Time-bound: start and deadline, deadline after start.
    Warnings: ``unrealistic`` (module docstring; needs ``history``, the metric's bucket
    series), ``objective_mismatch``, ``deadline_passed``."""
    chk = GoalCheck()
    metric = goal.get("metric")
    scope = goal.get("scope") or {}
    if not metric:
        chk.problems.append(Issue("missing_metric", "metric", "specific"))
    elif metric not in METRICS:
        chk.problems.append(Issue("unknown_metric", "metric", "measurable", {"metric": metric}))
    platform, campaign = scope.get("platform"), scope.get("campaign")
    if platform and platform not in PLATFORM_IDS:
        chk.problems.append(Issue("unknown_platform", "scope", "specific", {"platform": platform}))
    if metric in METRICS:
        s = spec(metric)
        for key, val in (("platform", platform), ("campaign", campaign)):
            if val and key not in s.scopes:
                chk.problems.append(Issue("scope_not_supported", "scope", "specific", {"metric": metric, "scope": key}))
        if tables is not None and not has_data(metric, tables):
            chk.problems.append(Issue("metric_not_in_data", "metric", "measurable", {"metric": metric, "tables": list(s.tables)}))
        if goal.get("objective") and goal.get("objective") != s.objective and s.objective != "roi":
            chk.warnings.append(Issue("objective_mismatch", "objective", None, {"expected": s.objective}))
    baseline, target = _num(goal.get("baseline")), _num(goal.get("target"))
    if math.isnan(baseline):
        chk.problems.append(Issue("missing_baseline", "baseline", "measurable"))
    if math.isnan(target):
        chk.problems.append(Issue("missing_target", "target", "measurable"))
    if not math.isnan(baseline) and not math.isnan(target) and baseline == target:
        chk.problems.append(Issue("target_equals_baseline", "target", "measurable"))
    start, deadline = _date(goal.get("start")), _date(goal.get("deadline"))
    if start is None:
        chk.problems.append(Issue("missing_start", "start", "time_bound"))
    if deadline is None:
        chk.problems.append(Issue("missing_deadline", "deadline", "time_bound"))
    if start and deadline and deadline <= start:
        chk.problems.append(Issue("deadline_not_after_start", "deadline", "time_bound"))
    if as_of is not None and deadline and deadline < as_date(as_of):
        chk.warnings.append(Issue("deadline_passed", "deadline", "time_bound"))
    if chk.ok and history is not None and metric in METRICS:
        w = realism(goal, history, as_of)
        if w is not None:
            chk.warnings.append(w)
    return chk


def realism(goal: Mapping[str, Any], history: pd.Series, as_of: DateLike | None = None) -> Issue | None:
    """``unrealistic`` warning when the goal needs more than ``UNREALISTIC_FACTOR`` x the best
    bucket ever observed in ``history`` (rules in the module docstring); else None."""
    s = spec(goal["metric"])
    freq = goal_freq(goal)
    baseline, target = _num(goal.get("baseline")), _num(goal.get("target"))
    h = history.dropna()
    if len(h) < 2 if s.kind == "stock" else len(h) < 1:
        return None
    up = target > baseline
    if s.kind == "stock":
        current = float(h.iloc[-1])
        start = _date(goal.get("start"))
        deadline = _date(goal.get("deadline"))
        if deadline is None:
            return None
        frm = max(as_date(as_of) if as_of is not None else h.index[-1].date(), start or deadline)
        days = (deadline - frm).days
        buckets = days / 7.0 if freq == "week" else days / 30.4375
        if buckets <= 0:
            return None
        needed = (target - current) / buckets
        diffs = h.diff().dropna()
        best = float(diffs.max()) if up else float(-diffs.min())
        need = needed if up else -needed
        if need <= 0:
            return None
    else:
        best = float(h.max()) if up else float(h.min())
        need = target
        if not up:  # aiming down: the needed level is below the lowest ever
            factor = safe_div(best, need)
            if need > 0 and not math.isnan(factor) and factor > UNREALISTIC_FACTOR:
                return Issue("unrealistic", "target", "realistic",
                             {"factor": round(factor, 1), "needed": need, "best": best, "period": freq})
            return None
    if best <= 0:
        return Issue("unrealistic", "target", "realistic", {"factor": None, "needed": need, "best": best, "period": freq})
    factor = need / best
    if factor > UNREALISTIC_FACTOR:
        return Issue("unrealistic", "target", "realistic", {"factor": round(factor, 1), "needed": need, "best": best, "period": freq})
    return None


def progress(current: float, baseline: float, target: float) -> float:
    """(current - baseline) / (target - baseline); NaN when target = baseline or a value is unknown."""
    return safe_div(_num(current) - _num(baseline), _num(target) - _num(baseline))


def linear_projection(values: pd.Series, at: DateLike, freq: Freq = "week", last_n: int = TREND_BUCKETS,
                      week_start: int = 0) -> float:
    """Least-squares line through the last ``last_n`` known bucket values (index = bucket
    start days), read at the bucket containing ``at``. NaN with fewer than 3 points."""
    v = values.dropna().iloc[-last_n:]
    if len(v) < MIN_TREND_POINTS:
        return NAN
    unit = 7.0 if freq == "week" else 30.4375
    x = np.array([(pd.Timestamp(i) - pd.Timestamp(v.index[0])).days / unit for i in v.index])
    slope, intercept = np.polyfit(x, v.to_numpy(dtype="float64"), 1)
    target_x = (pd.Timestamp(period_of(freq, at, week_start).start) - pd.Timestamp(v.index[0])).days / unit
    return float(intercept + slope * target_x)


def status(
    current: float, baseline: float, target: float, start: dt.date, deadline: dt.date, as_of: DateLike, projection: float = NAN,
    kind: str = "stock",
) -> tuple[str, float, float]:
    """(status, progress, projected progress) with the thresholds of the module docstring."""
    today = as_date(as_of)
    p = progress(current, baseline, target)
    pp = progress(projection, baseline, target)
    if today <= start:
        return "not_started", p, pp
    if math.isnan(p):
        return "no_data", p, pp
    if p >= 1 and (kind == "stock" or today > deadline):
        return "achieved", p, pp
    if today > deadline:
        return "missed", p, pp
    if math.isnan(pp):
        return "too_early", p, pp
    return ("on_track" if pp >= 1 else "at_risk" if pp >= AT_RISK_FLOOR else "off_track"), p, pp


def evaluate_goal(
    goal: Mapping[str, Any],
    tables: Tables,
    as_of: DateLike,
    history_start: DateLike | None = None,
    trend_buckets: int = TREND_BUCKETS,
) -> dict[str, Any]:
    """Validate and measure one goal as of ``as_of``.

    Returns ``id, metric, scope, objective, baseline, target, start, deadline, period,
    current, current_period_start, current_period_end, progress, expected_progress,
    projection, projected_progress, status, problems, warnings, history`` (list of
    ``[bucket start, value]``). ``history_start`` defaults to 52 weeks before the start."""
    freq = goal_freq(goal)
    out: dict[str, Any] = {
        "id": goal.get("id"), "metric": goal.get("metric"), "scope": dict(goal.get("scope") or {}),
        "objective": goal.get("objective"), "baseline": _num(goal.get("baseline")), "target": _num(goal.get("target")),
        "start": goal.get("start"), "deadline": goal.get("deadline"), "period": freq, "current": NAN,
        "current_period_start": None, "current_period_end": None, "progress": NAN, "expected_progress": NAN,
        "projection": NAN, "projected_progress": NAN, "status": "invalid", "history": [],
    }
    pre = validate_goal(goal, tables, None, as_of)
    if not pre.ok:
        out["problems"] = [asdict(i) for i in pre.problems]
        out["warnings"] = [asdict(i) for i in pre.warnings]
        return out
    metric = goal["metric"]
    start, deadline = _date(goal["start"]), _date(goal["deadline"])
    assert start is not None and deadline is not None
    scope = goal.get("scope") or {}
    ws = tables.week_start
    last = last_complete(freq, as_of, ws)
    hist_from = as_date(history_start) if history_start is not None else start - dt.timedelta(weeks=HISTORY_WEEKS)
    hist = series(metric, tables, period_of(freq, hist_from, ws).start, last.end, freq, scope) if last.end >= hist_from else (
        pd.Series(dtype="float64"))
    chk = validate_goal(goal, tables, hist, as_of)
    out["problems"] = [asdict(i) for i in chk.problems]
    out["warnings"] = [asdict(i) for i in chk.warnings]
    out["history"] = [[i.date().isoformat(), None if is_missing(v) else float(v)] for i, v in hist.items()]
    if last.end >= start:
        if spec(metric).kind == "stock":
            current = compute_metric(metric, tables, last.start, last.end, scope)
        else:
            current = float(hist.iloc[-1]) if len(hist) else NAN
        out["current"] = current
        out["current_period_start"], out["current_period_end"] = last.start.isoformat(), last.end.isoformat()
    since_start = hist[hist.index >= pd.Timestamp(period_of(freq, start, ws).start)] if len(hist) else hist
    out["projection"] = linear_projection(since_start, deadline, freq, trend_buckets, ws) if len(since_start) else NAN
    st, p, pp = status(out["current"], out["baseline"], out["target"], start, deadline, as_of, out["projection"],
                       spec(metric).kind)
    out["status"], out["progress"], out["projected_progress"] = st, p, pp
    out["expected_progress"] = min(1.0, max(0.0, (as_date(as_of) - start).days / max(1, (deadline - start).days)))
    return out


def goal_set_warnings(goals: Iterable[Mapping[str, Any]]) -> list[Issue]:
    """Warnings on the set of goals: ``followers_only`` when every goal is a follower count
    (a vanity metric needs engagement, sentiment or outcomes beside it), ``objective_uncovered``
    per standard objective (presence, sentiment, relationships, traffic) without a goal."""
    gs = list(goals)
    out: list[Issue] = []
    if gs and all(g.get("metric") in ("followers", "new_followers", "follower_growth_rate") for g in gs):
        out.append(Issue("followers_only", "metric"))
    covered = {METRICS[g["metric"]].objective for g in gs if g.get("metric") in METRICS}
    for obj in ("presence", "sentiment", "relationships", "traffic"):
        if obj not in covered:
            out.append(Issue("objective_uncovered", "objective", params={"objective": obj}))
    return out
