"""The analyse -> adapt -> improve loop: insights, the action journal, before/after verdicts.

Analyse
-------
* **Best and worst campaigns** by ROI over the period: :func:`metrics.roi.roi_table` by
  campaign, rows with a known ROI only (:func:`campaign_ranking`).
* **Outperforming posts** (:func:`outperformers`): a post outperforms when its engagements
  are at least ``OUTPERFORM_FACTOR`` (3) times the median engagements of the posts of the
  same account (platform + account) published in the ``LOOKBACK_DAYS`` (365) days up to the
  period's end, the account having at least ``MIN_HISTORY`` (5) such posts.
* **When to post** (:func:`timing_heatmap`): each post's engagement rate (engagements /
  impressions, or / reach when impressions are unknown) divided by the median rate of its
  account (1 = as usual for that account, so platforms are comparable). Posts are placed
  by local weekday and hour (workspace time zone) in cells of ``hours_per_cell`` hours; a
  cell's value is the median of its posts' indices, and ``n`` its number of posts. A cell
  with fewer than ``min_posts`` (5) posts is **not rankable**: it is shown greyed and never
  named best or useless. Best cells: the rankable cells with the highest values (index
  >= 1.2); useless: rankable cells whose index is <= 0.6 (at most 60 % of the usual rate).
* **Sentiment shifts** and **objectives off track**: the registry and
  :func:`metrics.goals.evaluate_goal` (statuses ``off_track``, ``at_risk`` and ``missed``).

Improve: before/after verdict (:func:`before_after`)
-----------------------------------------------------
For an action dated D with review date R, the *after* window is ``[D, R - 1]`` (its length
w = R - D days, at least ``MIN_WINDOW_DAYS``) and the *before* window is the w days just
before D. Daily values of the action's metric (registry rules, the action's scope) are
compared: change = mean(after) / mean(before) - 1. When the same two windows one year
earlier (364 days, so weekdays line up) have data on at least 80 % of their days, the
change is **seasonally adjusted**: (after / before) / (after a year earlier / before a year
earlier) - 1, and the raw change is reported beside it.

Uncertainty: a moving-block bootstrap (blocks of 7 days keep the weekly pattern and the
day-to-day correlation) resamples each window ``n_boot`` (2000) times with a fixed seed; the
95 % interval of the relative change is the 2.5th-97.5th percentile.

Verdict: the hoped direction is the sign of ``expected_change_pct`` (or the metric's
``higher_is_better`` when absent). ``improved`` only when the whole interval lies beyond 0 in
the hoped direction; ``worse`` when it lies entirely on the other side; ``no_clear_change``
when it contains 0; ``insufficient_data`` when a window has fewer than ``MIN_WINDOW_DAYS``
(7) days with a value, and ``not_due`` before the review date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from metrics import NAN, DateLike, as_date, day, fold, is_missing, num, text
from metrics.goals import evaluate_goal
from metrics.registry import METRICS, Tables, compute, spec

OUTPERFORM_FACTOR = 3.0
LOOKBACK_DAYS = 365
MIN_HISTORY = 5
MIN_POSTS_PER_CELL = 5
BEST_INDEX = 1.2
USELESS_INDEX = 0.6
MIN_WINDOW_DAYS = 7
BLOCK_DAYS = 7
N_BOOT = 2000
CONFIDENCE = 0.95
SEASON_SHIFT_DAYS = 364
SEASON_COVERAGE = 0.8
VERDICTS = ("improved", "no_clear_change", "worse", "insufficient_data", "not_due")
OFF_TRACK = ("off_track", "at_risk", "missed")
JOURNAL_STATUSES = ("open", "closed")


def opt_date(v: Any) -> dt.date | None:
    """A date from a config value, or None when missing or unreadable."""
    if is_missing(v) or v == "":
        return None
    try:
        return as_date(v)
    except (TypeError, ValueError, AttributeError):
        return None


# --------------------------------------------------------------------------- analyse: posts


def _posts_frame(posts: pd.DataFrame | None, tz: str | None) -> pd.DataFrame:
    cols = ["post_id", "platform", "account", "local", "day", "engagements", "rate", "text", "url"]
    if posts is None or not len(posts) or "published_at" not in posts.columns:
        return pd.DataFrame(columns=cols)
    at = pd.to_datetime(posts["published_at"], errors="coerce", utc=True)
    local = at.dt.tz_convert(tz or "UTC").dt.tz_localize(None)
    eng = num(posts, "engagements")
    imp = num(posts, "impressions")
    reach = num(posts, "reach")
    den = imp.where(imp > 0, reach.where(reach > 0))
    out = pd.DataFrame({
        "post_id": text(posts, "post_id"), "platform": text(posts, "platform"),
        "account": text(posts, "account").fillna(""), "local": local, "day": local.dt.normalize(),
        "engagements": eng, "rate": eng / den, "text": text(posts, "text"), "url": text(posts, "url"),
    })
    return out[out["local"].notna()].reset_index(drop=True)


def outperformers(posts: pd.DataFrame | None, start: DateLike, end: DateLike, tz: str | None = "UTC",
                  factor: float = OUTPERFORM_FACTOR, lookback_days: int = LOOKBACK_DAYS,
                  min_history: int = MIN_HISTORY) -> pd.DataFrame:
    """Posts published in ``[start, end]`` that outperform their account (rule: module docstring).

    Columns: ``post_id, platform, account, local, engagements, median, ratio, text, url``,
    best first."""
    p = _posts_frame(posts, tz)
    cols = ["post_id", "platform", "account", "local", "engagements", "median", "ratio", "text", "url"]
    if not len(p):
        return pd.DataFrame(columns=cols)
    hi = day(end)
    lo = hi - pd.Timedelta(days=lookback_days - 1)
    hist = p[(p["day"] >= lo) & (p["day"] <= hi) & p["engagements"].notna()]
    g = hist.groupby(["platform", "account"])["engagements"].agg(["median", "size"])
    g = g[g["size"] >= min_history]
    cur = p[(p["day"] >= day(start)) & (p["day"] <= hi) & p["engagements"].notna()]
    cur = cur.merge(g[["median"]], left_on=["platform", "account"], right_index=True, how="inner")
    cur = cur.assign(ratio=cur["engagements"] / cur["median"].where(cur["median"] > 0))
    out = cur[cur["ratio"] >= factor].sort_values("ratio", ascending=False)
    return out[cols].reset_index(drop=True)


def timing_heatmap(posts: pd.DataFrame | None, start: DateLike, end: DateLike, tz: str | None = "UTC",
                   hours_per_cell: int = 3, min_posts: int = MIN_POSTS_PER_CELL) -> pd.DataFrame:
    """Engagement by local weekday x hour cell (rules: module docstring).

    One row per cell (all 7 x 24/hours_per_cell cells, empty ones with ``n`` = 0):
    ``weekday`` (0 = Monday), ``hour`` (first hour of the cell), ``n``, ``value`` (median
    index, NaN when empty), ``rankable`` (n >= min_posts), ``rank`` (1 = best among rankable
    cells, NaN otherwise)."""
    if hours_per_cell not in (1, 2, 3, 4, 6):
        raise ValueError("hours_per_cell must divide 24: 1, 2, 3, 4 or 6")
    p = _posts_frame(posts, tz)
    p = p[(p["day"] >= day(start)) & (p["day"] <= day(end)) & p["rate"].notna()]
    if len(p):
        med = p.groupby(["platform", "account"])["rate"].transform("median")
        p = p.assign(index=p["rate"] / med.where(med > 0), weekday=p["local"].dt.day_of_week,
                     hour=(p["local"].dt.hour // hours_per_cell) * hours_per_cell)
        p = p[p["index"].notna()]
        g = p.groupby(["weekday", "hour"])["index"].agg(n="size", value="median")
    else:
        g = pd.DataFrame(columns=["n", "value"])
    grid = pd.MultiIndex.from_product([range(7), range(0, 24, hours_per_cell)], names=["weekday", "hour"])
    out = g.reindex(grid).reset_index()
    out["n"] = out["n"].fillna(0).astype(int)
    out["value"] = out["value"].astype("float64")
    out["rankable"] = out["n"] >= min_posts
    ranked = out.loc[out["rankable"], "value"].rank(ascending=False, method="first")
    out["rank"] = ranked.reindex(out.index)
    return out


def timing_insights(heatmap: pd.DataFrame, top: int = 3, best_index: float = BEST_INDEX,
                    useless_index: float = USELESS_INDEX) -> dict[str, pd.DataFrame]:
    """``best``: up to ``top`` rankable cells with index >= ``best_index``, best first;
    ``useless``: rankable cells with index <= ``useless_index``, worst first.
    Cells with too few posts are never in either list."""
    r = heatmap[heatmap["rankable"] & heatmap["value"].notna()]
    best = r[r["value"] >= best_index].sort_values("value", ascending=False).head(top)
    useless = r[r["value"] <= useless_index].sort_values("value")
    return {"best": best.reset_index(drop=True), "useless": useless.reset_index(drop=True)}


# --------------------------------------------------------------------------- analyse: campaigns, sentiment, goals


def campaign_ranking(roi_by_campaign: pd.DataFrame, top: int = 3) -> dict[str, pd.DataFrame]:
    """From :func:`metrics.roi.roi_table` (by campaign): ``best`` and ``worst`` campaigns by ROI,
    only rows whose ROI is known; a campaign is never in both lists."""
    t = roi_by_campaign[roi_by_campaign["roi"].notna() & (roi_by_campaign["key"].astype(str) != "(none)")]
    t = t.sort_values("roi", ascending=False)
    best = t.head(top)
    worst = t.drop(best.index).sort_values("roi").head(top)
    if len(t) <= top:  # too few to split: the worst is the last of the list, if it loses money
        worst = t[t["roi"] < 0].sort_values("roi").head(1)
        best = t.drop(worst.index)
    return {"best": best.reset_index(drop=True), "worst": worst.reset_index(drop=True), "all": t.reset_index(drop=True)}


def sentiment_shift(tables: Tables, start: DateLike, end: DateLike, prev_start: DateLike, prev_end: DateLike,
                    min_points: float = 0.05) -> dict[str, Any]:
    """Net sentiment now and before (registry ``net_sentiment``), the change in points and
    whether it is a shift (|change| >= ``min_points``)."""
    now = compute("net_sentiment", tables, start, end)
    before = compute("net_sentiment", tables, prev_start, prev_end)
    delta = now - before if not (math.isnan(now) or math.isnan(before)) else NAN
    return {"now": now, "before": before, "delta": delta, "shift": (not math.isnan(delta)) and abs(delta) >= min_points,
            "negative_now": compute("negative", tables, start, end), "negative_before": compute("negative", tables, prev_start, prev_end)}


def goals_off_track(goals: Sequence[Mapping[str, Any]], tables: Tables, as_of: DateLike) -> list[dict[str, Any]]:
    """Evaluated goals whose status is off track, at risk or missed (worst first)."""
    order = {s: i for i, s in enumerate(("missed", "off_track", "at_risk"))}
    out = [r for r in (evaluate_goal(g, tables, as_of) for g in goals) if r.get("status") in OFF_TRACK]
    return sorted(out, key=lambda r: order.get(r["status"], 9))


# --------------------------------------------------------------------------- adapt: the journal


JOURNAL_FIELDS = ("id", "date", "change", "why", "hypothesis", "metric", "scope", "expected_change_pct", "review_date",
                  "owner", "status", "verdict", "decision")


def validate_action(a: Mapping[str, Any]) -> list[str]:
    """Problems of one journal action as codes: ``missing_change``, ``missing_date``,
    ``unknown_metric``, ``review_before_date``, ``bad_status``."""
    out = []
    if not str(a.get("change") or "").strip():
        out.append("missing_change")
    d = opt_date(a.get("date"))
    if d is None:
        out.append("missing_date")
    if a.get("metric") not in METRICS:
        out.append("unknown_metric")
    r = opt_date(a.get("review_date"))
    if r is None or (d is not None and r <= d):
        out.append("review_before_date")
    if a.get("status", "open") not in JOURNAL_STATUSES:
        out.append("bad_status")
    return out


def new_action_id(journal: Sequence[Mapping[str, Any]], change: str) -> str:
    """``j-<n>-<slug>`` with n one more than the highest number in use."""
    nums = []
    for a in journal:
        parts = str(a.get("id") or "").split("-")
        if len(parts) > 1 and parts[1].isdigit():
            nums.append(int(parts[1]))
    slug = "".join(c if c.isalnum() else "-" for c in fold(change) or "action")
    slug = "-".join(w for w in slug.split("-") if w)[:24].strip("-") or "action"
    return f"j-{max(nums, default=0) + 1}-{slug}"


def upsert_action(journal: Sequence[Mapping[str, Any]], action: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The journal with ``action`` replacing the one of the same id (or added), sorted by date."""
    a = {k: action.get(k) for k in JOURNAL_FIELDS}
    a["id"] = a["id"] or new_action_id(journal, str(a.get("change") or ""))
    a["scope"] = dict(a.get("scope") or {"platform": None, "campaign": None})
    a["status"] = a["status"] or "open"
    a["decision"] = a["decision"] or ""
    out = [dict(x) for x in journal if x.get("id") != a["id"]] + [a]
    return sorted(out, key=lambda x: (str(x.get("date") or ""), str(x.get("id"))))


def due_for_review(journal: Sequence[Mapping[str, Any]], as_of: DateLike) -> list[dict[str, Any]]:
    """Actions whose review date has come (review_date <= as_of), most recent first."""
    d = as_date(as_of)
    out = []
    for a in journal:
        r = opt_date(a.get("review_date"))
        if r is not None and r <= d:
            out.append(dict(a))
    return sorted(out, key=lambda a: str(a.get("review_date")), reverse=True)


def journal_annotations(journal: Sequence[Mapping[str, Any]] | None) -> pd.DataFrame:
    """Actions as chart annotations for the Trends page: ``date`` (Timestamp, the day the change
    started), ``label`` (what changed), ``metric`` (registry id), plus ``id``, ``platform``
    (the action's scope, or None), ``status`` and ``review_date``. Rows without a valid date
    are left out; sorted by date."""
    rows = []
    for a in journal or []:
        d0, r0 = opt_date(a.get("date")), opt_date(a.get("review_date"))
        if d0 is None:
            continue
        d, r = pd.Timestamp(d0), (pd.Timestamp(r0) if r0 is not None else pd.NaT)
        rows.append({"date": d, "label": str(a.get("change") or a.get("id") or ""), "metric": a.get("metric"),
                     "id": a.get("id"), "platform": (a.get("scope") or {}).get("platform"), "status": a.get("status"),
                     "review_date": r})
    cols = ["date", "label", "metric", "id", "platform", "status", "review_date"]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("label", "metric", "id", "platform", "status"):
        out[c] = pd.Series([None if is_missing(v) else str(v) for v in out[c]], index=out.index, dtype="object")
    out["date"] = pd.to_datetime(out["date"])
    return out.sort_values("date", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- improve: before / after


def daily_values(metric: str, tables: Tables, start: DateLike, end: DateLike,
                 scope: Mapping[str, Any] | None = None) -> pd.Series:
    """One value per day of ``[start, end]`` (registry rules, NaN where unknown), indexed by day."""
    s0, e0 = as_date(start), as_date(end)
    idx = pd.date_range(s0, e0, freq="D")
    vals = [compute(metric, tables, d.date(), d.date(), scope) for d in idx]
    return pd.Series(vals, index=idx, dtype="float64", name=metric)


def _block_means(x: np.ndarray, rng: np.random.Generator, n_boot: int, block: int) -> np.ndarray:
    """Means of ``n_boot`` moving-block bootstrap resamples of ``x`` (blocks of ``block`` values)."""
    n = len(x)
    b = max(1, min(block, n))
    k = math.ceil(n / b)
    starts = rng.integers(0, n - b + 1, size=(n_boot, k))
    idx = (starts[:, :, None] + np.arange(b)[None, None, :]).reshape(n_boot, -1)[:, :n]
    return x[idx].mean(axis=1)


@dataclass
class BeforeAfter:
    id: str | None
    metric: str
    scope: dict[str, Any]
    date: str
    review_date: str
    window_days: int
    before: tuple[str, str]
    after: tuple[str, str]
    before_mean: float = NAN
    after_mean: float = NAN
    before_days: int = 0
    after_days: int = 0
    raw_change: float = NAN
    seasonal_change: float = NAN  # the same windows a year earlier
    seasonally_adjusted: bool = False
    change: float = NAN  # the change the verdict is on (adjusted when possible)
    ci_low: float = NAN
    ci_high: float = NAN
    expected_change: float = NAN
    direction: int = 1  # +1: the action hoped for a rise, -1: a fall
    verdict: str = "insufficient_data"
    series: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("series")
        return d


def _hoped_direction(action: Mapping[str, Any], metric: str) -> int:
    exp = action.get("expected_change_pct")
    if not is_missing(exp) and exp not in ("",) and float(exp) != 0:
        return 1 if float(exp) > 0 else -1
    hib = METRICS[metric].higher_is_better if metric in METRICS else True
    return -1 if hib is False else 1


def before_after(action: Mapping[str, Any], tables: Tables, as_of: DateLike, n_boot: int = N_BOOT, seed: int = 0,
                 confidence: float = CONFIDENCE, values=None) -> BeforeAfter:
    """Before/after comparison and verdict of one journal action (rules: module docstring).

    ``values(metric, start, end, scope) -> Series`` may replace :func:`daily_values` (e.g. a
    cached version); the result's ``series`` has ``date, value, window`` (before, after,
    before_ly, after_ly) for the chart."""
    metric = str(action.get("metric"))
    spec(metric)
    scope = dict(action.get("scope") or {})
    d = as_date(action["date"])
    r = as_date(action["review_date"])
    w = max(MIN_WINDOW_DAYS, (r - d).days)
    b0, b1 = d - dt.timedelta(days=w), d - dt.timedelta(days=1)
    a0, a1 = d, d + dt.timedelta(days=w - 1)
    direction = _hoped_direction(action, metric)
    exp = action.get("expected_change_pct")
    res = BeforeAfter(action.get("id"), metric, scope, d.isoformat(), r.isoformat(), w, (b0.isoformat(), b1.isoformat()),
                      (a0.isoformat(), a1.isoformat()), direction=direction,
                      expected_change=NAN if is_missing(exp) or exp == "" else float(exp) / 100.0)
    today = as_date(as_of)
    if r > today:
        res.verdict = "not_due"
        return res
    get = values or (lambda m, s, e, sc: daily_values(m, tables, s, e, sc))
    last = min(a1, today - dt.timedelta(days=1))
    before = get(metric, b0, b1, scope)
    after = get(metric, a0, last, scope) if last >= a0 else pd.Series(dtype="float64")
    shift = dt.timedelta(days=SEASON_SHIFT_DAYS)
    before_ly = get(metric, b0 - shift, b1 - shift, scope)
    after_ly = get(metric, a0 - shift, a1 - shift, scope)
    parts = [("before", before), ("after", after), ("before_ly", before_ly), ("after_ly", after_ly)]
    res.series = pd.concat([pd.DataFrame({"date": s.index, "value": s.to_numpy(dtype="float64"), "window": k}) for k, s in parts
                            if len(s)], ignore_index=True) if any(len(s) for _, s in parts) else pd.DataFrame(
        columns=["date", "value", "window"])
    bx, ax = before.dropna().to_numpy(dtype="float64"), after.dropna().to_numpy(dtype="float64")
    res.before_days, res.after_days = len(bx), len(ax)
    if len(bx) < MIN_WINDOW_DAYS or len(ax) < MIN_WINDOW_DAYS or bx.mean() == 0:
        res.verdict = "insufficient_data"
        return res
    res.before_mean, res.after_mean = float(bx.mean()), float(ax.mean())
    res.raw_change = res.after_mean / res.before_mean - 1.0
    blx, alx = before_ly.dropna().to_numpy(dtype="float64"), after_ly.dropna().to_numpy(dtype="float64")
    seasonal = len(blx) >= SEASON_COVERAGE * w and len(alx) >= SEASON_COVERAGE * w and blx.mean() > 0 and alx.mean() > 0
    rng = np.random.default_rng(seed)
    ratio = _block_means(ax, rng, n_boot, BLOCK_DAYS) / _block_means(bx, rng, n_boot, BLOCK_DAYS)
    if seasonal:
        res.seasonal_change = float(alx.mean() / blx.mean() - 1.0)
        res.seasonally_adjusted = True
        res.change = (1.0 + res.raw_change) / (1.0 + res.seasonal_change) - 1.0
        ratio = ratio / (_block_means(alx, rng, n_boot, BLOCK_DAYS) / _block_means(blx, rng, n_boot, BLOCK_DAYS))
    else:
        res.change = res.raw_change
    ratio = ratio[np.isfinite(ratio)]
    alpha = (1.0 - confidence) / 2.0
    res.ci_low, res.ci_high = (float(np.quantile(ratio, alpha)) - 1.0, float(np.quantile(ratio, 1.0 - alpha)) - 1.0)
    lo, hi = res.ci_low * direction, res.ci_high * direction
    lo, hi = min(lo, hi), max(lo, hi)
    res.verdict = "improved" if lo > 0 else ("worse" if hi < 0 else "no_clear_change")
    return res


def review_all(journal: Iterable[Mapping[str, Any]], tables: Tables, as_of: DateLike, **kw: Any) -> list[BeforeAfter]:
    """:func:`before_after` of every action whose review date has come."""
    return [before_after(a, tables, as_of, **kw) for a in due_for_review(list(journal), as_of) if a.get("metric") in METRICS]
