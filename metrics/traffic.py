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
import weakref
from collections.abc import Callable

import numpy as np
import pandas as pd

from metrics import (
    DateLike,
    combine_codes,
    day,
    day_series,
    first_rows,
    fold,
    memo,
    nullify,
    num,
    per_distinct,
    per_distinct_rows,
    safe_div,
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


# frames made by :func:`prepared` (by id, dropped with the frame): used as they are
# (the version of the preparation rules: a copy kept on disk by an older version is not reused)
PREPARED_VERSION = 1
_PREPARED: weakref.WeakValueDictionary[int, pd.DataFrame] = weakref.WeakValueDictionary()


def prepared(traffic: pd.DataFrame | None) -> pd.DataFrame:
    """The prepared rows of ``traffic`` (:func:`_prepare`), marked so that every traffic
    function given this frame in place of the raw one uses it as it is: a caller keeping a
    frame for long (the app, per store version) keeps these rows only, not the raw ones as
    well. Do not mutate."""
    return as_prepared(_prepare_now(traffic))


def as_prepared(frame: pd.DataFrame) -> pd.DataFrame:
    """Mark ``frame``, a copy of :func:`prepared`'s output (e.g. read back from a file), as
    prepared rows: traffic functions then use it as it is. Returns ``frame``."""
    _PREPARED[id(frame)] = frame
    return frame


def _prepare(traffic: pd.DataFrame | None) -> pd.DataFrame:
    """Normalised rows with their slot (day, or period), merged dimension set, GA4 channel
    group, platform and social flag: all independent of the period asked, so memoized (a
    frame from :func:`prepared` is returned as it is)."""
    if traffic is not None and _PREPARED.get(id(traffic)) is traffic:
        return traffic
    return memo("traffic", (traffic,), (), lambda: _prepare_now(traffic))


def _coded(df: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """A text column as ``(codes, values)``: ``values[codes]`` is :func:`metrics.text` of the
    column (stripped; code -1 = missing or empty). The strings are hashed once (Arrow's
    dictionary encoding for pandas' ``str`` dtype), then every rule runs per distinct value."""
    if col not in df.columns or not len(df):
        return np.full(len(df), -1, dtype=np.int64), np.empty(0, dtype=object)
    raw, uniques = pd.factorize(df[col], use_na_sentinel=True)
    cleaned = nullify(pd.Series(np.asarray(uniques, dtype=object), dtype="object"))
    # values equal once stripped (" a" and "a") share one code
    merged, values = pd.factorize(cleaned, use_na_sentinel=True)
    return _recode(raw.astype(np.int64, copy=False), merged), np.asarray(values, dtype=object)


def _recode(codes: np.ndarray, mapping: np.ndarray | list[int]) -> np.ndarray:
    """``mapping[codes]`` with -1 kept as -1 (and a mapping may send a code to -1)."""
    m = np.append(np.asarray(mapping, dtype=np.int64), -1)
    return m[codes]


def _combine(*codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dense code of each row's combination of integer codes (-1 allowed), numbered in order
    of first appearance, and the first row of each combination."""
    key = combine_codes(*codes)
    return key, first_rows(key)


def _take(values: list[object] | np.ndarray, codes: np.ndarray, missing: object = None) -> np.ndarray:
    """Object array ``values[codes]`` (code -1 gives ``missing``)."""
    v = np.empty(len(values) + 1, dtype=object)
    v[:-1] = list(values)
    v[-1] = missing
    return v[codes]


def _prepare_now(traffic: pd.DataFrame | None) -> pd.DataFrame:
    """:func:`_prepare`'s work on integer codes: each text column is hashed once and every
    derived value (grain, campaign placeholder, dimension set, slot, channel group, platform,
    keys) is computed once per distinct value or combination, then spread to the rows."""
    if traffic is None:
        traffic = pd.DataFrame(columns=["date", "grain"])
    f = pd.DataFrame(index=traffic.index)
    f["date"] = day_series(traffic["date"]) if "date" in traffic.columns else pd.NaT
    ps = day_series(traffic["period_start"]) if "period_start" in traffic.columns else f["date"]
    f["pstart"] = ps.where(ps.notna(), f["date"])
    f["pend"] = day_series(traffic["period_end"]) if "period_end" in traffic.columns else pd.Series(pd.NaT, index=f.index)

    g_codes, g_vals = _coded(traffic, "grain")
    grains = [(g or "day").lower() for g in g_vals]
    is_day = np.append(np.array([g == "day" for g in grains], dtype=bool), True)[g_codes]
    p_codes, p_vals = _coded(traffic, "property")
    dims = {c: _coded(traffic, c) for c in DIM_COLS}
    cc, cv = dims["campaign"]
    # GA4/UA placeholders name no campaign
    dims["campaign"] = (_recode(cc, [-1 if _PLACEHOLDER.fullmatch(v) else i for i, v in enumerate(cv)]), cv)
    dv_codes, dv_vals = _coded(traffic, "dimension_value")

    # the slot's text once per distinct day / period (a few hundred), not per row
    day_slot = per_distinct(f["date"], lambda d: None if d is None or d is pd.NaT else d.strftime("%Y-%m-%d"))
    per_slot = per_distinct_rows([f["pstart"], f["pend"]], lambda a, b: None if a is None or b is None or a is pd.NaT or b is pd.NaT
                                 else a.strftime("%Y-%m-%d") + ".." + b.strftime("%Y-%m-%d"))
    slot = np.where(is_day, day_slot.to_numpy(dtype=object), per_slot.to_numpy(dtype=object))
    keep = np.flatnonzero(pd.notna(slot))
    n = len(keep)
    s_codes, s_vals = pd.factorize(slot[keep])
    s_codes = s_codes.astype(np.int64, copy=False)

    def sub(codes: np.ndarray) -> np.ndarray:
        return codes[keep]

    g_codes, p_codes, dv_codes = sub(g_codes), sub(p_codes), sub(dv_codes)
    dims = {c: (sub(k), v) for c, (k, v) in dims.items()}
    prop_vals = ["" if v is None else v for v in p_vals]
    d_codes, d_names = _dimset_codes(dims)
    m_codes, m_names = _merged_sets(p_codes, prop_vals, s_codes, s_vals, d_codes, d_names)
    idx = traffic.index[keep]
    # object columns as (values, codes, value of code -1), written straight into one block
    texts: dict[str, tuple[object, np.ndarray, object]] = {"grain": (grains, g_codes, "day"), "property": (p_vals, p_codes, "")}
    for c in DIM_COLS:
        texts[c] = (dims[c][1], dims[c][0], None)
    texts["dimension_value"] = (dv_vals, dv_codes, None)
    texts["dimset"] = (m_names, m_codes, None)
    texts["slot"] = (list(s_vals), s_codes, None)
    # channel group per distinct (source, medium, campaign, channel), platform per source
    ch_dims = ("source", "medium", "campaign", "channel")
    ch_codes, ch_first = _combine(*(dims[c][0] for c in ch_dims))
    combos = pd.DataFrame({c: _take(dims[c][1], dims[c][0][ch_first]) for c in ch_dims})
    ch_vals = channel_groups(combos).to_numpy(dtype=object) if n else np.empty(0, dtype=object)
    src_codes, src_vals = dims["source"]
    plat_vals = [platform_for_source(v) for v in src_vals]
    plat_missing = platform_for_source(None) if (src_codes == -1).any() else None
    texts["channel_group"] = (ch_vals, ch_codes, None)
    texts["platform"] = (plat_vals, src_codes, plat_missing)
    ch_social = np.append(pd.Series(ch_vals, dtype="object").isin(SOCIAL_CHANNELS).to_numpy(dtype=bool), False)
    plat_known = np.append(np.array([p is not None for p in plat_vals], dtype=bool), plat_missing is not None)
    # per distinct dimension set (a handful), not per row
    sets = [frozenset(d.split("|")) if d else frozenset() for d in m_names]
    flags = {
        "is_social": ch_social[ch_codes] | plat_known[src_codes],
        "can_social": np.append(np.array([bool(x and x & {"source", "medium", "channel"}) for x in sets], dtype=bool), False)[m_codes],
        "can_campaign": np.append(np.array([bool(x and "campaign" in x) for x in sets], dtype=bool), False)[m_codes],
    }
    # one string per distinct key (a few thousand), shared by its rows, not one per row
    sk_codes, sk_first = _combine(p_codes, s_codes)
    slotkeys = [f"{prop_vals[p] if p >= 0 else ''}\x1f{s_vals[s]}" for p, s in zip(p_codes[sk_first], s_codes[sk_first], strict=True)]
    texts["slotkey"] = (slotkeys, sk_codes, None)
    st_codes, st_first = _combine(sk_codes, m_codes)
    setkeys = [f"{slotkeys[k]}\x1f{m_names[d]}" for k, d in zip(sk_codes[st_first], m_codes[st_first], strict=True)]
    texts["setkey"] = (setkeys, st_codes, None)
    # one block per dtype, each written once (every range selected from the frame then takes 4
    # blocks, not 31 columns; no column copied again to consolidate)
    obj = np.empty((len(texts), n), dtype=object)
    for i, (vals, codes, missing) in enumerate(texts.values()):
        v = np.empty(len(vals) + 1, dtype=object)
        v[:-1] = list(vals)
        v[-1] = missing
        np.take(v, codes, out=obj[i], mode="wrap")  # code -1 wraps to ``missing``
    days = np.empty((3, n), dtype="datetime64[ns]")
    for i, c in enumerate(("date", "pstart", "pend")):
        days[i] = f[c].to_numpy(dtype="datetime64[ns]")[keep]
    values = np.empty((len(VALUE_COLS), n), dtype="float64")
    for i, c in enumerate(VALUE_COLS):
        values[i] = num(traffic, c).to_numpy()[keep]
    parts = [pd.DataFrame(obj.T, index=idx, columns=list(texts), dtype=object, copy=False),
             pd.DataFrame(days.T, index=idx, columns=["date", "pstart", "pend"], copy=False),
             pd.DataFrame(values.T, index=idx, columns=list(VALUE_COLS), copy=False),
             pd.DataFrame(np.vstack(list(flags.values())).T if n else np.zeros((0, 3), dtype=bool), index=idx, columns=list(flags),
                          copy=False)]
    return pd.concat(parts, axis=1)


def _dimset_codes(dims: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, list[str]]:
    """Each row's dimension set as a code into names: its non-empty dimension columns joined
    by ``|``, ``dimension`` given with its name (``source|medium``, ``dimension=city``)."""
    cols = [c for c in DIM_COLS if c != "dimension"]
    n = len(dims["source"][0])
    bits = np.zeros(n, dtype=np.int64)
    for i, c in enumerate(cols):
        bits |= (dims[c][0] >= 0).astype(np.int64) << i
    dim_codes, dim_names = dims["dimension"]
    codes, first = _combine(bits, dim_codes)
    names: list[str] = []
    for r in first:
        b, d = int(bits[r]), int(dim_codes[r])
        parts = [c for i, c in enumerate(cols) if b >> i & 1]
        if d >= 0:
            parts.append("dimension=" + str(dim_names[d]).replace("|", "/"))
        names.append("|".join(parts))
    return codes, names


def _merged_sets(p_codes: np.ndarray, props: list[str], s_codes: np.ndarray, slots: object, d_codes: np.ndarray,
                 names: list[str]) -> tuple[np.ndarray, list[str]]:
    """Dimension set of each row after folding partial rows into their breakdown (code into
    the returned names).

    A row whose non-empty dimensions are a strict, non-empty subset of another set seen
    for the same property and slot (e.g. ``source|medium`` next to
    ``source|medium|campaign`` where the campaign is simply not set) belongs to that
    larger set (the largest one; ties by name)."""
    codes, first = _combine(p_codes, s_codes, d_codes)
    by_slot: dict[tuple[int, int], set[str]] = {}
    for r in first:
        by_slot.setdefault((int(p_codes[r]), int(s_codes[r])), set()).add(names[d_codes[r]])
    merged: dict[tuple[int, int], dict[str, str]] = {}
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
    out_names: dict[str, int] = {}
    combo_code = np.empty(len(first), dtype=np.int64)
    for i, r in enumerate(first):
        name = merged[(int(p_codes[r]), int(s_codes[r]))][names[d_codes[r]]]
        combo_code[i] = out_names.setdefault(name, len(out_names))
    return combo_code[codes], list(out_names)


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
    first = first_rows(codes)
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
