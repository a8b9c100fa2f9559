"""Boussole metrics: pure functions, DataFrames in, DataFrames or numbers out.

Conventions shared by every module of this package
--------------------------------------------------
* **No IO, no Streamlit, no clock.** Functions take the frames they need and an
  explicit ``as_of`` when "now" matters (ruff TID251 enforces it).
* **Days and weeks.** Calendar ``date`` columns are taken as they are (the platform's
  reporting day). Instants (``*_at`` columns, UTC) are converted to the workspace time
  zone *before* taking the day. Weeks are ISO weeks, Monday to Sunday.
* **Periods** are inclusive day ranges ``[start, end]``.
* **Missing is not zero.** A metric with no data is ``NaN`` (``None`` in JSON), never a
  silent 0. Sums use ``min_count=1``: the sum of nothing is NaN.
* **Ratios** are recomputed from summed parts (``sum(num) / sum(den)``), never averaged;
  a zero or unknown denominator gives NaN.

The helpers below are the only shared plumbing; modules import them from here.
"""

from __future__ import annotations

import datetime as dt
import math
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

NAN = float("nan")

DateLike = dt.date | dt.datetime | pd.Timestamp | str


def day(value: DateLike) -> pd.Timestamp:
    """A date-like value as a naive midnight ``Timestamp`` (the internal day type)."""
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def as_date(value: DateLike) -> dt.date:
    return day(value).date()


def day_series(s: pd.Series) -> pd.Series:
    """Calendar-day column (``date`` objects, strings or datetimes) as naive midnight datetimes."""
    if len(s) == 0:
        return pd.Series(pd.DatetimeIndex([], dtype="datetime64[ns]"), index=s.index)
    if s.dtype == object and len(s) > 64:
        # ``date`` objects or strings repeat (a day per row): convert each distinct value once
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        if 2 * len(uniques) < len(s):
            days = day_series(pd.Series(np.asarray(uniques, dtype=object), dtype="object")).to_numpy()
            days = np.append(days, np.datetime64("NaT", "ns"))
            return pd.Series(days[codes], index=s.index, name=s.name)
    out = pd.to_datetime(s, errors="coerce")
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_localize(None)
    return out.dt.normalize().astype("datetime64[ns]")


def local_day_series(ts: pd.Series, tz: str | None) -> pd.Series:
    """UTC instants -> the calendar day in the workspace time zone ``tz`` (naive midnight)."""
    if len(ts) == 0:
        return pd.Series(pd.DatetimeIndex([], dtype="datetime64[ns]"), index=ts.index)
    out = pd.to_datetime(ts, errors="coerce", utc=True)
    out = out.dt.tz_convert(tz or "UTC").dt.tz_localize(None)
    return out.dt.normalize().astype("datetime64[ns]")


def num(df: pd.DataFrame, col: str) -> pd.Series:
    """Numeric column as float64 (nulls NaN); an absent column is all-NaN."""
    if col not in df.columns:
        return pd.Series(np.nan, index=df.index, dtype="float64")
    return pd.to_numeric(df[col], errors="coerce").astype("float64")


def text(df: pd.DataFrame, col: str) -> pd.Series:
    """String column stripped, as ``object`` dtype with ``None`` for missing or empty values
    (pandas 3 would otherwise infer its ``str`` dtype, where missing is NaN); an absent
    column is all-None."""
    if col not in df.columns:
        return pd.Series([None] * len(df), index=df.index, dtype="object")
    return nullify(df[col])


MENTION_COUNT = "n_mentions"


def mention_weights(m: pd.DataFrame) -> np.ndarray | float:
    """Mentions each row of ``m`` stands for: its ``n_mentions`` (a frame counted per local day,
    :func:`connectors.loader.read_mention_days`; missing counts as 0), else 1 per row (one
    row = one mention)."""
    if MENTION_COUNT in m.columns:
        return pd.to_numeric(m[MENTION_COUNT], errors="coerce").fillna(0.0).to_numpy(dtype="float64")
    return 1.0


def nullify(s: pd.Series) -> pd.Series:
    """Values as stripped strings in an ``object`` Series, ``None`` for missing/empty ones."""
    if len(s) > 64:
        # the same conversion once per distinct value when values repeat (sources, platforms,
        # accounts: a handful for a million rows)
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        if 2 * len(uniques) < len(s):
            vals = np.empty(len(uniques) + 1, dtype=object)
            vals[:-1] = _nullify(pd.Series(uniques, dtype=s.dtype)).to_numpy(dtype=object)
            vals[-1] = None
            return pd.Series(vals[codes], index=s.index, dtype="object", name=s.name)
    return _nullify(s)


def _nullify(s: pd.Series) -> pd.Series:
    x = s.astype("string").str.strip()
    x = x.mask(x == "")
    return x.astype("object").where(x.notna(), None)


def total(values: pd.Series | np.ndarray | list[float]) -> float:
    """Sum of the known values; NaN when there is none (``min_count=1``)."""
    s = pd.Series(values, dtype="float64")
    return float(s.sum(min_count=1))


def safe_div(numerator: float, denominator: float) -> float:
    """``numerator / denominator``; NaN when either is unknown or the denominator is 0."""
    try:
        n, d = float(numerator), float(denominator)
    except (TypeError, ValueError):
        return NAN
    if math.isnan(n) or math.isnan(d) or d == 0:
        return NAN
    return n / d


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def clean(value: Any) -> Any:
    """NaN / NA -> None, numpy scalars -> Python numbers (JSON friendly)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if is_missing(value):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        f = float(value)
        return int(f) if f.is_integer() and abs(f) < 2**53 else f
    if isinstance(value, (pd.Timestamp, dt.date)):
        return value.isoformat()[:10] if not isinstance(value, dt.datetime) or value == day(value) else value.isoformat()
    return value


def fold(value: Any) -> str | None:
    """Case-insensitive key of a label: trimmed, case-folded; None when missing or empty."""
    if is_missing(value):
        return None
    s = str(value).strip().casefold()
    return s or None


T = TypeVar("T")
_MEMO: dict[tuple[Any, ...], Any] = {}
# keys of the bounded memo names, oldest first (see ``limit``)
_RECENT: dict[str, OrderedDict[tuple[Any, ...], None]] = {}


def _forget(key: tuple[Any, ...]) -> None:
    _MEMO.pop(key, None)
    recent = _RECENT.get(key[0])
    if recent is not None:
        recent.pop(key, None)


def memo(name: str, frames: tuple[pd.DataFrame | None, ...], extra: tuple[Any, ...], make: Callable[[], T],
         limit: int | None = None) -> T:
    """Memoize a derived form of input frames (e.g. daily flows) for as long as they live.

    Trends and goals evaluate a metric on many buckets of the same frames; the prepared
    form is computed once. Input frames are treated as immutable (no function here
    mutates its inputs); the entry is dropped when any input frame is garbage-collected.
    With ``limit``, only the ``limit`` most recently used entries of ``name`` are kept (for
    per-range results: a server keeps its frames for hours and would otherwise keep every
    range ever asked). Callers must not mutate the returned object."""
    key = (name, tuple(id(f) for f in frames), extra)
    try:
        value = _MEMO[key]
    except (KeyError, TypeError):
        pass
    else:
        if limit is not None:
            _RECENT.setdefault(name, OrderedDict())[key] = None
            _RECENT[name].move_to_end(key)
        return value
    value = make()
    try:
        _MEMO[key] = value
    except TypeError:  # unhashable extra: no memo
        return value
    for f in frames:
        if f is not None:
            weakref.finalize(f, _forget, key)
    if limit is not None:
        recent = _RECENT.setdefault(name, OrderedDict())
        recent[key] = None
        while len(recent) > limit:
            old, _ = recent.popitem(last=False)
            _MEMO.pop(old, None)
    return value


def per_distinct(values: pd.Series, fn: Callable[[Any], Any]) -> pd.Series:
    """``fn`` of every value of ``values`` (object Series, same index), computed once per distinct
    value: a million rows with a few hundred sources cost a few hundred calls. Missing values
    get ``fn(None)``."""
    if not len(values):
        return pd.Series([], index=values.index, dtype="object", name=values.name)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    missing = fn(None) if (codes == -1).any() else None  # fn(None) only when a value is missing
    mapped[:] = [fn(u) for u in uniques] + [missing]
    return pd.Series(mapped[codes], index=values.index, dtype="object", name=values.name)


def distinct_codes(columns: list[pd.Series] | list[np.ndarray]) -> tuple[np.ndarray, list[tuple[Any, ...]]]:
    """Code of each row's tuple of values across ``columns`` (same length) and the distinct
    tuples in order of first appearance (missing values as ``None``): per-row work done once
    per distinct combination."""
    n = len(columns[0]) if columns else 0
    if not n:
        return np.zeros(0, dtype=np.int64), []
    uniques_per: list[np.ndarray] = []
    col_codes: list[np.ndarray] = []
    for col in columns:
        c, u = pd.factorize(pd.Series(col, copy=False) if not isinstance(col, pd.Series) else col, use_na_sentinel=True)
        col_codes.append(c.astype(np.int64, copy=False))
        uniques_per.append(np.asarray(u, dtype=object))
    codes = combine_codes(*col_codes)
    first = first_rows(codes)
    tuples = [tuple(None if cc[i] < 0 else u[cc[i]] for cc, u in zip(col_codes, uniques_per, strict=True)) for i in first]
    return codes, tuples


def combine_codes(*codes: np.ndarray) -> np.ndarray:
    """Dense code of each row's combination of integer codes (``-1`` allowed, e.g. missing),
    numbered in order of first appearance: one mixed-radix integer key per row, re-factorised
    only when it would overflow int64, then factorised once."""
    key = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    bound = 1
    for c in codes:
        radix = int(c.max(initial=-1)) + 2
        if bound * radix >= 2**62:
            key, uniques = pd.factorize(key)
            key, bound = key.astype(np.int64, copy=False), len(uniques)
        key = key * radix + (c + 1)
        bound *= radix
    out, _ = pd.factorize(key)
    return out.astype(np.int64, copy=False)


def first_rows(codes: np.ndarray) -> np.ndarray:
    """Position of the first row of each code, for codes numbered in order of first appearance
    (``pd.factorize``, :func:`combine_codes`; -1 skipped): a code appears first where the
    running maximum grows (one pass, no sort)."""
    top = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[codes[:1] >= 0, top[1:] > top[:-1]])


def rows_in(columns: list[pd.Series], among: list[pd.Series]) -> np.ndarray:
    """Whether each row's tuple of values across ``columns`` is also a row of ``among`` (the same
    columns of another frame; a missing value matches a missing value), vectorised: values are
    coded jointly per column, the codes combined into one integer per row."""
    n = len(columns[0]) if columns else 0
    m = len(among[0]) if among else 0
    if not n or not m:
        return np.zeros(n, dtype=bool)
    coded = []
    for q, r in zip(columns, among, strict=True):
        both = pd.concat([pd.Series(q, copy=False).reset_index(drop=True), pd.Series(r, copy=False).reset_index(drop=True)],
                         ignore_index=True)
        coded.append(pd.factorize(both, use_na_sentinel=False)[0].astype(np.int64, copy=False))
    key = combine_codes(*coded)
    return np.isin(key[:n], key[n:])


def per_distinct_rows(columns: list[pd.Series], fn: Callable[..., Any], index: pd.Index | None = None) -> pd.Series:
    """``fn(*row)`` for every row of ``columns`` (Series of one frame), computed once per distinct
    row (missing values passed as ``None``), as an object Series."""
    idx = index if index is not None else (columns[0].index if columns else pd.RangeIndex(0))
    codes, tuples = distinct_codes(columns)
    if not len(codes):
        return pd.Series([], index=idx, dtype="object")
    mapped = np.empty(len(tuples), dtype=object)
    mapped[:] = [fn(*t) for t in tuples]
    return pd.Series(mapped[codes], index=idx, dtype="object")
