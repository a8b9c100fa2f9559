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

Improve: before/after verdict (:func:`before_after`, :func:`compare`)
---------------------------------------------------------------------
For an action dated D with review date R, the *after* window is ``[D, R - 1]`` (its length
w = R - D days, at least ``MIN_WINDOW_DAYS``) and the *before* window is the w days just
before D. Daily values of the action's metric (registry rules, the action's scope) are
compared; a day without a value (NaN) is left out, a 0 is a value.

* **Levels** (:func:`level_shift`): ordinary least squares of value(day) = level(window) +
  effect(weekday), the weekday effects summing to 0 over the weekdays present, so each level
  is the window's **weekday-adjusted daily mean** (every weekday weighted equally; the plain
  mean when the window is whole weeks without gaps). Change = after level / before level - 1.
* **Seasonality**: when the same two windows one year earlier (364 days, so weekdays line
  up) have a value on at least 80 % of their days, the change is **seasonally adjusted**:
  (1 + change) / (1 + change a year earlier) - 1, the raw change reported beside it.
* **Interval** (95 %, ``CONFIDENCE``): change +/- t(0.975, df) x se. The errors are taken to
  follow an AR(1) process in calendar days (consecutive days resemble each other):
  corr(e_s, e_t) = rho^|s - t|, rho estimated from the lag-1 autocorrelation of the residuals,
  corrected for its small-sample bias and never below 0. The levels' covariance is the
  AR(1) sandwich s^2 (X'X)^-1 X'RX (X'X)^-1 and se comes from the delta method for the ratio
  (and for the ratio of the two years' ratios, taken as independent, when adjusted). df is the
  effective number of degrees of freedom of se: Satterthwaite's for the residual variance,
  lowered further for the uncertainty of rho (so short or strongly correlated series get wide
  intervals); the smaller of the two years' df when they are combined.
* **Verdict**: the hoped direction is the sign of ``expected_change_pct`` (or the metric's
  ``higher_is_better`` when absent). ``improved`` only when the whole interval lies beyond 0 in
  the hoped direction; ``worse`` when it lies entirely on the other side; ``no_clear_change``
  when it contains 0; ``insufficient_data`` when a window has fewer than ``MIN_WINDOW_DAYS`` (7)
  days with a value or the before level is not positive (a relative change needs a positive
  base), and ``not_due`` before the review date.

Calibration (tests/test_loop_calibration.py): on simulated series with no real change
(weekly pattern, 8 % noise, independent or AR(1) with rho = 0.6) the verdict is
``improved``/``worse`` on at most 6 % of actions (nominal 5 %); a +30 % or -30 % change is
called ``improved``/``worse`` on 4- to 8-week windows.
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
from metrics.periods import Period
from metrics.registry import METRICS, Tables, compute, compute_many, spec

OUTPERFORM_FACTOR = 3.0
LOOKBACK_DAYS = 365
MIN_HISTORY = 5
MIN_POSTS_PER_CELL = 5
BEST_INDEX = 1.2
USELESS_INDEX = 0.6
MIN_WINDOW_DAYS = 7
CONFIDENCE = 0.95
SEASON_SHIFT_DAYS = 364
SEASON_COVERAGE = 0.8
RHO_MAX = 0.98
RHO_GRID = 33
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
    vals = compute_many(metric, tables, [Period(d.date(), d.date()) for d in idx], scope)
    return pd.Series(vals, index=idx, dtype="float64", name=metric)


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` (> 0, may be fractional) degrees of freedom.

    Bisection on the CDF, F(t) = 1 - I_x(df/2, 1/2) / 2 for t >= 0 with x = df / (df + t^2)
    (regularised incomplete beta by Lentz's continued fraction); accurate to ~1e-9."""
    if not 0.0 < p < 1.0 or not df > 0:
        raise ValueError("t_quantile needs 0 < p < 1 and df > 0")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    lo, hi = 0.0, 1.0
    while _t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-12 * max(1.0, hi):
            break
    return (lo + hi) / 2.0


def _t_cdf(t: float, df: float) -> float:
    x = df / (df + t * t)
    tail = 0.5 * _betainc(df / 2.0, 0.5, x)
    return 1.0 - tail if t >= 0 else tail


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 6.4)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x > (a + 1.0) / (a + b + 2.0):
        return 1.0 - _betainc(b, a, 1.0 - x)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    f = d
    for m in range(1, 500):
        for num_ in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)), -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + num_ * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num_ / c
            c = c if abs(c) > tiny else tiny
            f *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return front * f / a


@dataclass
class LevelShift:
    """Weekday-adjusted levels of two adjacent windows and their AR(1) covariance (:func:`level_shift`)."""
    before: float  # weekday-adjusted daily mean of the before window
    after: float
    var_before: float  # sampling variances and covariance of the two levels
    var_after: float
    cov: float
    rho: float  # day-to-day (lag-1) correlation of the residuals, bias-corrected, >= 0
    n: int  # days with a value, both windows
    params: int  # fitted parameters (2 levels + weekday effects)
    df: float  # effective degrees of freedom, n_eff - params (at least 1)


def _design(days: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Columns: before level, after level, weekday effects (sum-to-zero over the weekdays present)."""
    wd = (days + 3) % 7  # day 0 of the epoch (1970-01-01) is a Thursday: 0 = Monday
    present = np.unique(wd)
    cols = [(~after).astype(float), after.astype(float)]
    ref = present[0]
    for k in present[1:]:
        cols.append((wd == k).astype(float) - (wd == ref).astype(float))
    return np.column_stack(cols)


def level_shift(before: pd.Series, after: pd.Series) -> LevelShift | None:
    """Weekday-adjusted daily levels of ``before`` and ``after`` (day-indexed, NaN = missing,
    dropped) with AR(1)-aware standard errors; None when the design cannot be fitted.

    Model (ordinary least squares on the days with a value): value(day) = level(window) +
    effect(weekday of day) + error, the weekday effects summing to 0 over the weekdays present,
    so each level is the window's daily mean with every weekday weighted equally (the plain mean
    when the window is whole weeks without gaps). Errors follow an AR(1) process in calendar days,
    corr(e_s, e_t) = rho^|s - t|:

    * rho: the lag-1 autocorrelation of the residuals (pairs of consecutive days), corrected for
      its small-sample downward bias by moment matching (the rho whose expected residual lag-1
      autocorrelation under this design equals the observed one), floored at 0 (never narrower
      than independent noise) and capped at 0.98;
    * noise variance s^2 = residual sum of squares / trace(M R) (M: residual maker, R: the AR(1)
      correlation matrix), unbiased under the model;
    * covariance of the levels: s^2 (X'X)^-1 X'RX (X'X)^-1;
    * degrees of freedom of se(after - before), nu = 2 / Var(log se^2), at least 1, with
      sd(log se^2) = sqrt(2 tr(MRMR)) / tr(MR) (Satterthwaite: the residual sum of squares as a
      scaled chi-square) + |d log v / d rho| sd(rho) (v: the variance factor of the difference;
      sd(rho) = sqrt((1 - rho^2) / pairs) / (slope of the bias map)); adding the two sds rather
      than the variances is the upper bound for positively correlated terms (conservative).

    With fewer than 2 residual degrees of freedom the weekday effects are dropped (plain means).
    """
    b = before.dropna()
    a = after.dropna()
    days = np.concatenate([pd.DatetimeIndex(s.index).values.astype("datetime64[D]").astype(np.int64) for s in (b, a)])
    y = np.r_[b.to_numpy(dtype="float64"), a.to_numpy(dtype="float64")]
    is_after = np.r_[np.zeros(len(b), bool), np.ones(len(a), bool)]
    x = _design(days, is_after)
    n, p = x.shape
    if n - p < 2 or np.linalg.matrix_rank(x) < p:
        x = x[:, :2]  # too few days to separate the weekdays: plain means
        n, p = x.shape
        if n - p < 2:
            return None
    xtx_inv = np.linalg.inv(x.T @ x)
    beta = xtx_inv @ (x.T @ y)
    e = y - x @ beta
    ee = float(e @ e)
    q, _ = np.linalg.qr(x)
    nxt = {d: i for i, d in enumerate(days)}
    pairs = np.array([(i, nxt[d + 1]) for i, d in enumerate(days) if d + 1 in nxt], dtype=int).reshape(-1, 2)
    adj = np.zeros((n, n))
    adj[pairs[:, 0], pairs[:, 1]] = adj[pairs[:, 1], pairs[:, 0]] = 0.5
    qaq, aq = q.T @ adj @ q, adj @ q
    contrast = (xtx_inv[1] - xtx_inv[0]) @ x.T  # after level - before level as a linear form of y
    lags = np.abs(days[:, None] - days[None, :])

    def moments(rs: np.ndarray) -> np.ndarray:
        """Rows (trace(MR), trace(MRMR), E[e'Ae] / E[e'e], Var(after - before) / E[e'e]) under AR(1)
        errors with correlation r, for each r of ``rs`` (M: residual maker, R: correlation matrix,
        A: consecutive days, halves)."""
        out = []
        step = max(1, 2_000_000 // (n * n))  # bounded memory for long windows
        for k in range(0, len(rs), step):
            r = np.asarray(rs[k:k + step], dtype=float)
            rm = np.power(r[:, None], np.arange(lags.max() + 1)[None, :])[:, lags]  # r ** lag, one power per lag
            rq = rm @ q
            qrq = np.einsum("ip,kiq->kpq", q, rq)
            tr_mr = n - np.einsum("kpp->k", qrq)
            tr_mrmr = (rm * rm).sum((1, 2)) - 2.0 * (rq * rq).sum((1, 2)) + (qrq * qrq).sum((1, 2))
            tr_amrm = (adj * rm).sum((1, 2)) - 2.0 * (aq * rq).sum((1, 2)) + (qaq * qrq).sum((1, 2))
            out.append(np.column_stack([tr_mr, tr_mrmr, tr_amrm / tr_mr, (rm @ contrast) @ contrast / tr_mr]))
        return np.vstack(out)

    rho = 0.0
    if ee > 0 and len(pairs):
        observed = float(e[pairs[:, 0]] @ e[pairs[:, 1]]) / ee
        grid = np.linspace(0.0, RHO_MAX, RHO_GRID)
        expected = np.maximum.accumulate(moments(grid)[:, 2])
        rho = float(np.interp(observed, expected, grid))  # 0 below the grid, RHO_MAX above
    rm = np.power(rho, lags.astype(float))
    h = 1e-3
    r0, r1 = max(0.0, rho - h), min(RHO_MAX, rho + h)
    (tr_mr, tr_mrmr, _, _), m0, m1 = moments(np.array([rho, r0, r1]))
    s2 = ee / tr_mr
    cov = s2 * xtx_inv @ (x.T @ rm @ x) @ xtx_inv
    # degrees of freedom nu = 2 / Var(log se^2); se^2 = e'e v(rho): sd(log e'e) = sqrt(2 / nu_s) (Satterthwaite),
    # sd(log v(rho^)) = |d log v / d rho| sd(rho^); the two are positively correlated: their sds add (upper bound)
    slope_v = (math.log(m1[3]) - math.log(m0[3])) / (r1 - r0)
    slope_rho = max((m1[2] - m0[2]) / (r1 - r0), 0.05)  # how the observed lag-1 autocorrelation moves with rho
    var_rho = (1.0 - rho * rho) / max(len(pairs), 1) / slope_rho ** 2
    var_log = (math.sqrt(2.0 * tr_mrmr / tr_mr ** 2) + abs(slope_v) * math.sqrt(var_rho)) ** 2
    df = max(1.0, 2.0 / var_log)
    return LevelShift(float(beta[0]), float(beta[1]), float(cov[0, 0]), float(cov[1, 1]), float(cov[0, 1]), rho, n, p, df)


def ratio_change(ls: LevelShift) -> tuple[float, float]:
    """Relative change after / before - 1 of a :class:`LevelShift` and its standard error (delta
    method: se = sqrt(var_after - 2 r cov + r^2 var_before) / before, r = after / before)."""
    r = ls.after / ls.before
    var = (ls.var_after - 2.0 * r * ls.cov + r * r * ls.var_before) / (ls.before * ls.before)
    return r - 1.0, math.sqrt(max(var, 0.0))


@dataclass
class Comparison:
    """The before/after comparison of :func:`compare` (fields as in :class:`BeforeAfter`)."""
    before_days: int = 0
    after_days: int = 0
    before_mean: float = NAN
    after_mean: float = NAN
    raw_change: float = NAN
    seasonal_change: float = NAN
    seasonally_adjusted: bool = False
    change: float = NAN
    ci_low: float = NAN
    ci_high: float = NAN
    rho: float = NAN
    df: float = NAN


def compare(before: pd.Series, after: pd.Series, before_ly: pd.Series | None = None, after_ly: pd.Series | None = None,
            confidence: float = CONFIDENCE, window_days: int | None = None) -> Comparison:
    """The relative change from ``before`` to ``after`` (day-indexed daily values, NaN = missing)
    and its ``confidence`` interval, seasonally adjusted by ``before_ly``/``after_ly`` (the same
    windows a year earlier) when each has a value on at least ``SEASON_COVERAGE`` of
    ``window_days`` days (rules: module docstring). ``change`` stays NaN when a window has fewer
    than ``MIN_WINDOW_DAYS`` values or the before level is not positive."""
    c = Comparison(before_days=int(before.notna().sum()), after_days=int(after.notna().sum()))
    if min(c.before_days, c.after_days) < MIN_WINDOW_DAYS:
        return c
    now = level_shift(before, after)
    if now is None or not now.before > 0:
        return c
    c.before_mean, c.after_mean, c.rho = now.before, now.after, now.rho
    c.raw_change, se = ratio_change(now)
    df = now.df
    w = window_days or max(len(before), len(after))
    ly = None
    if (before_ly is not None and after_ly is not None and before_ly.notna().sum() >= SEASON_COVERAGE * w
            and after_ly.notna().sum() >= SEASON_COVERAGE * w):
        ly = level_shift(before_ly, after_ly)
    if ly is not None and ly.before > 0 and ly.after > 0:
        c.seasonal_change, se_ly = ratio_change(ly)
        c.seasonally_adjusted = True
        r_now, r_ly = 1.0 + c.raw_change, 1.0 + c.seasonal_change
        c.change = r_now / r_ly - 1.0
        # delta method for r_now / r_ly (the two years independent); the smaller of the two degrees of freedom
        v_now, v_ly = (se / r_ly) ** 2, (r_now * se_ly / (r_ly * r_ly)) ** 2
        se = math.sqrt(v_now + v_ly)
        df = min(now.df, ly.df)
    else:
        c.change = c.raw_change
    half = t_quantile(0.5 + confidence / 2.0, df) * se
    c.ci_low, c.ci_high, c.df = c.change - half, c.change + half, df
    return c


def verdict(c: Comparison, direction: int = 1) -> str:
    """``improved`` when the whole interval lies beyond 0 in the hoped ``direction`` (+1 a rise,
    -1 a fall), ``worse`` when it lies entirely on the other side, ``no_clear_change`` when it
    contains 0, ``insufficient_data`` when there is no interval."""
    if math.isnan(c.ci_low) or math.isnan(c.ci_high):
        return "insufficient_data"
    lo, hi = sorted((c.ci_low * direction, c.ci_high * direction))
    return "improved" if lo > 0 else ("worse" if hi < 0 else "no_clear_change")


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
    rho: float = NAN  # day-to-day correlation used for the interval
    df: float = NAN  # degrees of freedom of the interval's t quantile
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


def before_after(action: Mapping[str, Any], tables: Tables, as_of: DateLike, confidence: float = CONFIDENCE,
                 values=None) -> BeforeAfter:
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
    c = compare(before, after, before_ly, after_ly, confidence=confidence, window_days=w)
    for k in ("before_mean", "after_mean", "before_days", "after_days", "raw_change", "seasonal_change", "seasonally_adjusted",
              "change", "ci_low", "ci_high", "rho", "df"):
        setattr(res, k, getattr(c, k))
    res.verdict = verdict(c, direction)
    return res


def review_all(journal: Iterable[Mapping[str, Any]], tables: Tables, as_of: DateLike, **kw: Any) -> list[BeforeAfter]:
    """:func:`before_after` of every action whose review date has come."""
    return [before_after(a, tables, as_of, **kw) for a in due_for_review(list(journal), as_of) if a.get("metric") in METRICS]
