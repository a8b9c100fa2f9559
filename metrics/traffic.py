"""Objective 4 - website traffic from social: sessions, users, conversions, revenue.

Which rows count (``traffic`` has ``grain`` = ``day`` or ``period``)
------------------------------------------------------------------
* **Day rows** (``grain = 'day'``; a missing grain is taken as ``day``) count when their
  ``date`` lies in ``[start, end]``.
* **Period rows** (totals over ``[period_start, period_end]`` from exports without a date
  column) count only for a property that has **no day rows** in the range, and only when
  their whole period lies within ``[start, end]``; when several such periods overlap, the
  longest ones are kept (greedily) so that no day is counted twice.

No double counting across breakdowns
------------------------------------
One property is often exported several times with different breakdowns (by source /
medium, by landing page, by campaign...): each breakdown adds up to the same total. A
row's *dimension set* is the set of its non-empty dimension columns. For each property
and day (or kept period) a single dimension set is used: among the sets able to answer
the question (any set for totals; sets with a source, medium or channel for social
traffic and platforms; sets with a campaign for campaigns), the one with the most
sessions (the most complete export); each value column (revenue, conversions...) picks
its own set the same way, by its own total. ``users`` are summed over rows and days, so they
are an upper bound of unique users.

Social traffic: :func:`metrics.channels.social_mask` (GA4 Organic/Paid Social, or a
source that maps to a social platform).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from metrics import DateLike, day, day_series, fold, memo, nullify, num, safe_div, text
from metrics.channels import SOCIAL_CHANNELS, channel_groups, platform_for_source

DIM_COLS = ("source", "medium", "campaign", "content", "term", "channel", "landing_page", "dimension")
VALUE_COLS = ("sessions", "users", "new_users", "engaged_sessions", "views", "event_count", "conversions", "revenue")


def _prepare(traffic: pd.DataFrame | None) -> pd.DataFrame:
    """Normalised rows with their slot (day, or period), merged dimension set, GA4 channel
    group, platform and social flag: all independent of the period asked, so memoized."""
    return memo("traffic", (traffic,), (), lambda: _prepare_now(traffic))


def _prepare_now(traffic: pd.DataFrame | None) -> pd.DataFrame:
    if traffic is None:
        traffic = pd.DataFrame(columns=["date", "grain"])
    f = pd.DataFrame(index=traffic.index)
    f["date"] = day_series(traffic["date"]) if "date" in traffic.columns else pd.NaT
    f["grain"] = pd.Series([(g or "day").lower() for g in text(traffic, "grain")], index=f.index, dtype="object")
    ps = day_series(traffic["period_start"]) if "period_start" in traffic.columns else f["date"]
    f["pstart"] = ps.where(ps.notna(), f["date"])
    f["pend"] = day_series(traffic["period_end"]) if "period_end" in traffic.columns else pd.Series(pd.NaT, index=f.index)
    f["property"] = text(traffic, "property").fillna("")
    for c in DIM_COLS:
        f[c] = text(traffic, c)
    f["dimension_value"] = text(traffic, "dimension_value")
    for c in VALUE_COLS:
        f[c] = num(traffic, c)
    present = [f[c].notna().to_numpy() for c in DIM_COLS]
    f["dimset"] = pd.Series(
        ["|".join(c for c, p in zip(DIM_COLS, flags, strict=True) if p) for flags in zip(*present, strict=True)] if len(f) else [],
        index=f.index, dtype="object",
    )
    is_day = (f["grain"] == "day").to_numpy()
    day_slot = f["date"].dt.strftime("%Y-%m-%d")
    per_slot = f["pstart"].dt.strftime("%Y-%m-%d") + ".." + f["pend"].dt.strftime("%Y-%m-%d")
    f["slot"] = pd.Series(np.where(is_day, day_slot.astype("object"), per_slot.astype("object")), index=f.index, dtype="object")
    f = f[f["slot"].notna()]
    if not len(f):
        for c in ("channel_group", "platform", "slotkey", "setkey"):
            f[c] = pd.Series(dtype="object")
        for c in ("is_social", "can_social", "can_campaign"):
            f[c] = pd.Series(dtype="bool")
        return f
    f = f.assign(dimset=_merge_sets(f))
    f["channel_group"] = channel_groups(f)
    f["platform"] = pd.Series([platform_for_source(v) for v in f["source"]], index=f.index, dtype="object")
    f["is_social"] = (f["channel_group"].isin(SOCIAL_CHANNELS) | f["platform"].notna()).astype(bool)
    sets = [frozenset(d.split("|")) if d else frozenset() for d in f["dimset"]]
    f["can_social"] = pd.Series([bool(x & {"source", "medium", "channel"}) for x in sets], index=f.index, dtype=bool)
    f["can_campaign"] = pd.Series(["campaign" in x for x in sets], index=f.index, dtype=bool)
    f["slotkey"] = f["property"].astype("object") + "\x1f" + f["slot"].astype("object")
    f["setkey"] = f["slotkey"] + "\x1f" + f["dimset"].astype("object")
    return f


def select_rows(traffic: pd.DataFrame | None, start: DateLike, end: DateLike) -> pd.DataFrame:
    """The traffic rows that count for ``[start, end]`` (rules in the module docstring), with
    ``slot`` (the day, or the kept period), ``dimset``, ``channel_group``, ``platform`` and
    ``is_social`` columns. Do not mutate the result (memoized)."""
    return memo("traffic_rows", (traffic,), (day(start), day(end)), lambda: _select(_prepare(traffic), day(start), day(end)))


def _select(f: pd.DataFrame, s: pd.Timestamp, e: pd.Timestamp) -> pd.DataFrame:
    days = f[((f["grain"] == "day") & (f["date"] >= s) & (f["date"] <= e)).to_numpy(dtype=bool)]
    per = f[((f["grain"] == "period") & f["pstart"].notna() & f["pend"].notna()).to_numpy(dtype=bool)]
    per = per[((per["pstart"] >= s) & (per["pend"] <= e) & ~per["property"].isin(set(days["property"]))).to_numpy(dtype=bool)]
    kept = []
    for _prop, g in per.groupby("property", sort=True):
        spans = g[["pstart", "pend"]].drop_duplicates()
        spans = spans.assign(length=spans["pend"] - spans["pstart"]).sort_values(["length", "pstart"], ascending=[False, True])
        chosen: list[tuple[pd.Timestamp, pd.Timestamp]] = []
        for a, b in zip(spans["pstart"], spans["pend"], strict=True):
            if all(b < x or a > y for x, y in chosen):
                chosen.append((a, b))
        keep = [(a, b) in set(chosen) for a, b in zip(g["pstart"], g["pend"], strict=True)]
        kept.append(g[keep])
    return pd.concat([days, *kept]) if kept else days


def _merge_sets(rows: pd.DataFrame) -> pd.Series:
    """Dimension set of each row after folding partial rows into their breakdown.

    A row whose non-empty dimensions are a strict, non-empty subset of another set seen
    for the same property and slot (e.g. ``source|medium`` next to
    ``source|medium|campaign`` where the campaign is simply not set) belongs to that
    larger set (the largest one; ties by name)."""
    combos = rows[["property", "slot", "dimset"]].drop_duplicates()
    mapping: dict[tuple[str, str, str], str] = {}
    for (prop, slot), g in combos.groupby(["property", "slot"], sort=False):
        sets = sorted({d for d in g["dimset"]}, key=lambda d: (-len(d.split("|")) if d else 0, d))
        as_sets = {d: frozenset(d.split("|")) if d else frozenset() for d in sets}
        for d in sets:
            target = d
            if as_sets[d]:
                for big in sets:
                    if as_sets[d] < as_sets[big]:
                        target = big
                        break
            mapping[(prop, slot, d)] = target
    return pd.Series([mapping[k] for k in zip(rows["property"], rows["slot"], rows["dimset"], strict=True)],
                     index=rows.index, dtype="object")


def _pick(rows: pd.DataFrame, need: str | None = None, by: str = "sessions") -> pd.DataFrame:
    """One dimension set per (property, slot): the eligible set with the largest total of
    ``by`` (ties: fewer dimensions, then name)."""
    if not len(rows):
        return rows
    if need == "social":
        r = rows[rows["can_social"].to_numpy(dtype=bool)]
    elif need == "campaign":
        r = rows[rows["can_campaign"].to_numpy(dtype=bool)]
    else:
        r = rows
    if not len(r):
        return r
    score = r.groupby("setkey", sort=False)[by].sum(min_count=1)
    meta = r.drop_duplicates("setkey").set_index("setkey")[["slotkey", "dimset"]]
    best: dict[str, tuple[float, int, str, str]] = {}
    for setkey, sc in score.items():
        slotkey, dimset = meta.at[setkey, "slotkey"], meta.at[setkey, "dimset"]
        cand = (-(sc if sc == sc else -1.0), dimset.count("|") if dimset else -1, dimset, setkey)
        if slotkey not in best or cand < best[slotkey]:
            best[slotkey] = cand
    keep = {v[3] for v in best.values()}
    return r[r["setkey"].isin(keep).to_numpy(dtype=bool)]


def _sums(rows: pd.DataFrame, need: str | None, keep: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
          columns: tuple[str, ...] = VALUE_COLS) -> dict[str, float]:
    """Per value column: pick the dimension set with the most of that column, filter, sum."""
    out = {}
    for c in columns:
        r = _pick(rows, need, by=c)
        if keep is not None and len(r):
            r = keep(r)
        out[c] = float(r[c].sum(min_count=1)) if len(r) else float("nan")
    return out


def _social(r: pd.DataFrame) -> pd.DataFrame:
    return r[r["is_social"].to_numpy(dtype=bool)] if len(r) else r


def social_rows(traffic: pd.DataFrame | None, start: DateLike, end: DateLike) -> pd.DataFrame:
    """Social traffic rows counted for the period (the set with most sessions), with
    ``channel_group`` and ``platform`` columns."""
    return _social(_pick(select_rows(traffic, start, end), "social"))


def traffic_totals(
    traffic: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    social: bool = False,
    platform: str | None = None,
    campaign: str | None = None,
    columns: tuple[str, ...] = VALUE_COLS,
) -> dict[str, float]:
    """Sums of ``sessions, users, new_users, engaged_sessions, views, event_count, conversions,
    revenue`` over the period: all traffic, only social (``social``), one platform's
    (source mapped to the platform) or one campaign's (``utm_campaign``, case-insensitive).
    NaN where nothing is known. ``columns`` limits the work to the value columns asked."""
    rows = select_rows(traffic, start, end)
    want_social = social or platform is not None

    def keep(r: pd.DataFrame) -> pd.DataFrame:
        if campaign is not None:
            r = r[r["campaign"].map(lambda c: fold(c) == fold(campaign)).astype(bool)]
        if want_social:
            r = _social(r)
            if platform is not None:
                r = r[r["platform"] == platform]
        return r

    need = "campaign" if campaign is not None else ("social" if want_social else None)
    return _sums(rows, need, keep, columns)


def sessions(traffic, start, end, platform=None, campaign=None) -> float:
    """All sessions in the period (rows per module rules); NaN when none is known."""
    return traffic_totals(traffic, start, end, platform=platform, campaign=campaign, columns=("sessions",))["sessions"]


def social_sessions(traffic, start, end, platform=None, campaign=None) -> float:
    """Sessions from social sources in the period; NaN when none is known."""
    return traffic_totals(traffic, start, end, social=True, platform=platform, campaign=campaign, columns=("sessions",))[
        "sessions"]


def social_share(traffic, start, end) -> float:
    """Social sessions / all sessions over the period. NaN when sessions are 0 or unknown."""
    return safe_div(social_sessions(traffic, start, end), sessions(traffic, start, end))


def social_by_platform(traffic, start, end) -> pd.DataFrame:
    """Social traffic per platform (source mapped to a platform id; ``None`` = other social
    sources or channel-only rows): one row per platform with the value columns."""
    r = social_rows(traffic, start, end)
    g = r.assign(platform=r["platform"].fillna("")).groupby("platform", sort=True)
    out = g[list(VALUE_COLS)].sum(min_count=1).reset_index()
    out["platform"] = nullify(out["platform"])
    return out


def by_campaign(traffic, start, end, social_only: bool = False) -> pd.DataFrame:
    """Traffic per ``campaign`` (rows without a campaign are left out)."""
    r = _pick(select_rows(traffic, start, end), "campaign")
    if social_only:
        r = _social(r)
    r = r[r["campaign"].notna()]
    return r.groupby("campaign", sort=True)[list(VALUE_COLS)].sum(min_count=1).reset_index()
