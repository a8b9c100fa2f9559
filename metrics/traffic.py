"""Objective 4 - website traffic from social: sessions, users, conversions, revenue.

Which rows count (``traffic`` has ``grain`` = ``day`` or ``period``)
------------------------------------------------------------------
The choice is made **per property and per value column** (``sessions``, ``users``,
``new_users``, ``engaged_sessions``, ``views``, ``event_count``, ``conversions``,
``revenue``), for the range ``[start, end]`` asked:

* **Day rows** (``grain = 'day'``; a missing grain is taken as ``day``) whose ``date`` lies
  in ``[start, end]`` answer a column for a property when at least one of that property's
  day rows in the range **carries the column** (a non-null value). Then all of the
  property's day rows in the range are used for that column and none of its period rows.
* Otherwise the column is answered by the property's **period rows** (totals over
  ``[period_start, period_end]``, from exports without a date column) whose whole period
  lies within ``[start, end]`` and that carry the column. When several such periods
  overlap, the longest ones are kept greedily (ties: earliest start) so that no day is
  counted twice; rows of the other periods are left out for that column.

So a GA4 "Reports snapshot" whose only daily card is users by new/returning gives
``users`` from its day rows while ``sessions`` (by source / medium), ``views`` and
``event_count`` come from its period tables. One column never mixes grains within a
property, so nothing is counted twice; different properties are added together, each with
its own grain.

No double counting across breakdowns
------------------------------------
One property is often exported several times with different breakdowns (by source /
medium, by landing page, by campaign, by city, by page title...): each breakdown adds up
to (about) the same total. A row's *dimension set* is the set of its non-empty dimension
columns among ``source, medium, campaign, content, term, channel, landing_page``, plus
``dimension=<name>`` where ``dimension`` is set (``<name>`` its value, e.g.
``dimension=city``, ``dimension=page_title``, ``dimension=user_type``): breakdowns by two
different "other" dimensions are two different sets and are never added together. A row
whose set is a strict, non-empty subset of another set of the same property and slot is
folded into the largest such set (partial rows of one breakdown).

For each property and slot (a day, or a kept period) a single dimension set is used, per
value column: among the sets able to answer the question (any set for totals; sets with a
source, medium or channel for social traffic and platforms; sets with a campaign for
campaigns), the one with the largest total of that column (the most complete export;
ties: fewer dimensions, then name). ``users`` are summed over rows and days, so they are
an upper bound of unique users (a monthly total from day rows exceeds the export's own
period figure when users come back on several days).

Social traffic: :func:`metrics.channels.social_mask` (GA4 Organic/Paid Social, or a
source that maps to a social platform).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from metrics import (
    DateLike,
    day,
    day_series,
    distinct_codes,
    fold,
    memo,
    nullify,
    num,
    per_distinct,
    per_distinct_rows,
    safe_div,
    text,
)
from metrics.channels import SOCIAL_CHANNELS, channel_groups, platform_for_source

DIM_COLS = ("source", "medium", "campaign", "content", "term", "channel", "landing_page", "dimension")
VALUE_COLS = ("sessions", "users", "new_users", "engaged_sessions", "views", "event_count", "conversions", "revenue")
USE = {c: "use_" + c for c in VALUE_COLS}  # select_rows flag: the row answers that column
# GA4/UA placeholders such as "(not set)", "(referral)", "(organic)", "(direct)" name no campaign
_PLACEHOLDER = re.compile(r"\(.*\)")
# selections (traffic frame, range) kept memoised, the most recently used, all frames together:
# every metric of a bucket reuses its selection, while a long-lived frame does not keep every
# range ever asked
ROWS_KEPT = 16


def _prepare(traffic: pd.DataFrame | None) -> pd.DataFrame:
    """Normalised rows with their slot (day, or period), merged dimension set, GA4 channel
    group, platform and social flag: all independent of the period asked, so memoized."""
    return memo("traffic", (traffic,), (), lambda: _prepare_now(traffic))


def _prepare_now(traffic: pd.DataFrame | None) -> pd.DataFrame:
    if traffic is None:
        traffic = pd.DataFrame(columns=["date", "grain"])
    f = pd.DataFrame(index=traffic.index)
    f["date"] = day_series(traffic["date"]) if "date" in traffic.columns else pd.NaT
    f["grain"] = per_distinct(text(traffic, "grain"), lambda g: (g or "day").lower())
    ps = day_series(traffic["period_start"]) if "period_start" in traffic.columns else f["date"]
    f["pstart"] = ps.where(ps.notna(), f["date"])
    f["pend"] = day_series(traffic["period_end"]) if "period_end" in traffic.columns else pd.Series(pd.NaT, index=f.index)
    f["property"] = text(traffic, "property").fillna("")
    for c in DIM_COLS:
        f[c] = text(traffic, c)
    f["campaign"] = per_distinct(f["campaign"], lambda c: None if c is None or _PLACEHOLDER.fullmatch(c) else c)
    f["dimension_value"] = text(traffic, "dimension_value")
    for c in VALUE_COLS:
        f[c] = num(traffic, c)
    f["dimset"] = _dimsets(f)
    is_day = (f["grain"] == "day").to_numpy()
    # the slot's text once per distinct day / period (a few hundred), not per row
    day_slot = per_distinct(f["date"], lambda d: None if d is None or d is pd.NaT else d.strftime("%Y-%m-%d"))
    per_slot = per_distinct_rows([f["pstart"], f["pend"]], lambda a, b: None if a is None or b is None or a is pd.NaT or b is pd.NaT
                                 else a.strftime("%Y-%m-%d") + ".." + b.strftime("%Y-%m-%d"))
    f["slot"] = pd.Series(np.where(is_day, day_slot.to_numpy(dtype=object), per_slot.to_numpy(dtype=object)), index=f.index,
                          dtype="object")
    f = f[f["slot"].notna()]
    if not len(f):
        for c in ("channel_group", "platform", "slotkey", "setkey"):
            f[c] = pd.Series(dtype="object")
        for c in ("is_social", "can_social", "can_campaign"):
            f[c] = pd.Series(dtype="bool")
        return f
    f = f.assign(dimset=_merge_sets(f))
    f["channel_group"] = channel_groups(f)
    f["platform"] = per_distinct(f["source"], platform_for_source)
    f["is_social"] = (f["channel_group"].isin(SOCIAL_CHANNELS) | f["platform"].notna()).astype(bool)
    # per distinct dimension set (a handful), not per row
    dims = per_distinct(f["dimset"], lambda d: frozenset(d.split("|")) if d else frozenset())
    f["can_social"] = per_distinct(dims, lambda x: bool(x and x & {"source", "medium", "channel"})).astype(bool)
    f["can_campaign"] = per_distinct(dims, lambda x: bool(x and "campaign" in x)).astype(bool)
    # one string per distinct key (a few thousand), shared by its rows, not one per row
    f["slotkey"] = per_distinct_rows([f["property"], f["slot"]], lambda p, s: f"{p}\x1f{s}", f.index)
    f["setkey"] = per_distinct_rows([f["slotkey"], f["dimset"]], lambda k, d: f"{k}\x1f{d}", f.index)
    return f.copy()  # one block per dtype: every range selected from it takes 4 blocks, not 31 columns


def _dimsets(f: pd.DataFrame) -> pd.Series:
    """Each row's dimension set as text: its non-empty dimension columns joined by ``|``,
    ``dimension`` given with its name (``source|medium``, ``dimension=city``)."""
    cols = [c for c in DIM_COLS if c != "dimension"]
    if not len(f):
        return pd.Series([], index=f.index, dtype="object")
    # one string per distinct (columns present, dimension name): a handful, not one per row
    bits = np.zeros(len(f), dtype=np.int64)
    for i, c in enumerate(cols):
        bits |= f[c].notna().to_numpy(dtype=bool).astype(np.int64) << i
    dim_codes, dim_names = pd.factorize(f["dimension"], use_na_sentinel=True)
    combo = bits * (len(dim_names) + 1) + (dim_codes + 1)
    codes, uniques = pd.factorize(combo)
    names: list[str] = []
    for u in uniques:
        b, d = divmod(int(u), len(dim_names) + 1)
        parts = [c for i, c in enumerate(cols) if b >> i & 1]
        if d:
            parts.append("dimension=" + str(dim_names[d - 1]).replace("|", "/"))
        names.append("|".join(parts))
    return pd.Series(np.array(names, dtype=object)[codes], index=f.index, dtype="object")


def select_rows(traffic: pd.DataFrame | None, start: DateLike, end: DateLike) -> pd.DataFrame:
    """The traffic rows that count for ``[start, end]`` (rules in the module docstring), with
    ``slot`` (the day, or the period), ``dimset``, ``channel_group``, ``platform``,
    ``is_social`` and one boolean ``use_<column>`` per value column: whether the row is of
    the grain (and kept period) that answers that column for its property. A row answers
    at least one column. :func:`_pick` applies the flag of the column it is asked for. Do
    not mutate the result (memoized)."""
    return memo("traffic_rows", (traffic,), (day(start), day(end)), lambda: _select(_prepare(traffic), day(start), day(end)),
                limit=ROWS_KEPT)


def _select(f: pd.DataFrame, s: pd.Timestamp, e: pd.Timestamp) -> pd.DataFrame:
    # numpy arrays prepared once per frame (grain flags, day numbers, property codes): a goal's
    # weekly series selects rows for dozens of ranges of the same prepared frame
    a = _arrays(f)
    s64, e64 = np.datetime64(s, "ns"), np.datetime64(e, "ns")
    # day rows dated in [s, e] (binary search on the sorted days) and period rows lying within it
    days = a["day_order"][np.searchsorted(a["day_sorted"], s64, "left"):np.searchsorted(a["day_sorted"], e64, "right")]
    per = a["period_rows"]
    per = per[(a["pstart"][per] >= s64) & (a["pend"][per] <= e64)]
    idx = np.sort(np.concatenate([days, per]))
    if not len(idx):
        return f.iloc[:0].assign(**{USE[c]: np.zeros(0, dtype=bool) for c in VALUE_COLS})
    r_day = a["is_day"][idx]
    prop = a["prop"][idx]
    n_prop = int(prop.max()) + 1
    flags: dict[str, np.ndarray] = {}
    r = None
    for c in VALUE_COLS:
        has = a["has_" + c][idx]
        # properties with at least one day row carrying the column in the range
        day_props = np.bincount(prop[r_day & has], minlength=n_prop) > 0
        by_day = day_props[prop]
        use = r_day & by_day
        periods = ~r_day & ~by_day
        if (periods & has).any():
            if r is None:
                r = f.iloc[idx]
            use = use | (periods & _kept_periods(r, periods & has))
        flags[USE[c]] = use
    used = np.logical_or.reduce(list(flags.values()))
    keep = idx[used]
    out = f.iloc[keep]
    # the flags as one block (inserting 8 columns one by one costs more than the selection)
    flag_frame = pd.DataFrame(np.column_stack([v[used] for v in flags.values()]), columns=list(flags), index=out.index)
    return pd.concat([out, flag_frame], axis=1)


def _arrays(f: pd.DataFrame) -> dict[str, np.ndarray]:
    """Plain arrays of a prepared frame for :func:`_select` (memoized with the frame)."""

    def make() -> dict[str, np.ndarray]:
        grain = f["grain"].to_numpy(dtype=object)
        out = {
            "is_day": grain == "day",
            "is_period": grain == "period",
            "date": f["date"].to_numpy(dtype="datetime64[ns]"),
            "pstart": f["pstart"].to_numpy(dtype="datetime64[ns]"),
            "pend": f["pend"].to_numpy(dtype="datetime64[ns]"),
            "prop": pd.factorize(f["property"])[0],
        }
        has_period = ~np.isnat(out["pstart"]) & ~np.isnat(out["pend"])
        day_rows = np.flatnonzero(out["is_day"] & ~np.isnat(out["date"]))
        out["day_order"] = day_rows[np.argsort(out["date"][day_rows], kind="stable")]
        out["day_sorted"] = out["date"][out["day_order"]]
        out["period_rows"] = np.flatnonzero(out["is_period"] & has_period)
        for c in VALUE_COLS:
            out["has_" + c] = f[c].notna().to_numpy(dtype=bool)
        return out

    return memo("traffic_arrays", (f,), (), make)


def _kept_periods(r: pd.DataFrame, carrying: np.ndarray) -> np.ndarray:
    """Rows of ``r`` whose period is kept, choosing among the periods of the ``carrying``
    rows: per property, the longest first (ties: earliest start), skipping any period that
    overlaps one already kept."""
    spans = r.loc[carrying, ["property", "pstart", "pend", "slotkey"]].drop_duplicates("slotkey")
    spans = spans.assign(length=spans["pend"] - spans["pstart"]).sort_values(
        ["property", "length", "pstart"], ascending=[True, False, True], kind="stable")
    kept: set[str] = set()
    taken: dict[str, list[tuple[pd.Timestamp, pd.Timestamp]]] = {}
    for p, a, b, k in zip(spans["property"], spans["pstart"], spans["pend"], spans["slotkey"], strict=True):
        chosen = taken.setdefault(p, [])
        if all(b < x or a > y for x, y in chosen):
            chosen.append((a, b))
            kept.add(k)
    return r["slotkey"].isin(kept).to_numpy(dtype=bool)


def _merge_sets(rows: pd.DataFrame) -> pd.Series:
    """Dimension set of each row after folding partial rows into their breakdown.

    A row whose non-empty dimensions are a strict, non-empty subset of another set seen
    for the same property and slot (e.g. ``source|medium`` next to
    ``source|medium|campaign`` where the campaign is simply not set) belongs to that
    larger set (the largest one; ties by name)."""
    codes, combos = distinct_codes([rows["property"], rows["slot"], rows["dimset"]])
    by_slot: dict[tuple[str, str], set[str]] = {}
    for prop, slot, d in combos:
        by_slot.setdefault((prop, slot), set()).add(d)
    merged: dict[tuple[str, str], dict[str, str]] = {}
    for key, found in by_slot.items():
        sets = sorted(found, key=lambda d: (-len(d.split("|")) if d else 0, d))
        as_sets = {d: frozenset(d.split("|")) if d else frozenset() for d in sets}
        m: dict[str, str] = {}
        for d in sets:
            target = d
            if as_sets[d]:
                for big in sets:
                    if as_sets[d] < as_sets[big]:
                        target = big
                        break
            m[d] = target
        merged[key] = m
    mapped = np.empty(len(combos), dtype=object)
    mapped[:] = [merged[(p, sl)][d] for p, sl, d in combos]
    return pd.Series(mapped[codes], index=rows.index, dtype="object")


def _pick(rows: pd.DataFrame, need: str | None = None, by: str = "sessions") -> pd.DataFrame:
    """The rows that answer ``by`` (flag ``use_<by>`` of :func:`select_rows`), one dimension
    set per (property, slot): the eligible set with the largest total of ``by`` (ties: fewer
    dimensions, then name)."""
    if not len(rows):
        return rows
    mask = np.ones(len(rows), dtype=bool)
    flag = USE.get(by)
    if flag is not None and flag in rows.columns:
        mask &= rows[flag].to_numpy(dtype=bool)
    if need == "social":
        mask &= rows["can_social"].to_numpy(dtype=bool)
    elif need == "campaign":
        mask &= rows["can_campaign"].to_numpy(dtype=bool)
    r = rows[mask] if not mask.all() else rows
    if not len(r):
        return r
    codes, keys = pd.factorize(r["setkey"].to_numpy(dtype=object))
    # groupby's sum (compensated, as before) of each set, in order of first appearance
    score = pd.Series(r[by].to_numpy(dtype="float64")).groupby(codes, sort=True).sum(min_count=1).to_numpy()
    first = np.unique(codes, return_index=True)[1]
    slotkeys = r["slotkey"].to_numpy(dtype=object)[first]
    dimsets = r["dimset"].to_numpy(dtype=object)[first]
    best: dict[str, tuple[float, int, str, str]] = {}
    for slotkey, dimset, setkey, sc in zip(slotkeys, dimsets, keys, score, strict=True):
        cand = (-(sc if sc == sc else -1.0), dimset.count("|") if dimset else -1, dimset, setkey)
        if slotkey not in best or cand < best[slotkey]:
            best[slotkey] = cand
    keep = np.zeros(len(keys), dtype=bool)
    keep[pd.Index(keys).get_indexer([v[3] for v in best.values()])] = True
    return r[keep[codes]]


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
    """Traffic per ``campaign`` (rows without a campaign, or with a GA4 placeholder such as
    ``(referral)``/``(not set)`` as campaign, are left out)."""
    r = _pick(select_rows(traffic, start, end), "campaign")
    if social_only:
        r = _social(r)
    r = r[r["campaign"].notna()]
    return r.groupby("campaign", sort=True)[list(VALUE_COLS)].sum(min_count=1).reset_index()
