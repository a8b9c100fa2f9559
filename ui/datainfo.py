"""What a workspace holds: coverage, gaps in daily series, safe CSV export (pure: no Streamlit, no IO).

Used by the Data page; unit-tested in ``tests/test_app_datainfo.py``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

import pandas as pd

from ui import safe

# table -> (date column, grouping column)
LAYOUT: dict[str, tuple[str, str]] = {
    "audience": ("date", "platform"),
    "posts": ("published_at", "platform"),
    "content_daily": ("date", "platform"),
    "mentions": ("published_at", "source"),
    "sentiment_daily": ("date", "source"),
    "traffic": ("date", "property"),
    "search": ("date", "property"),
    "leads": ("created_at", "source"),
    "costs": ("date", "platform"),
    "audience_breakdown": ("period_end", "platform"),
}
# tables that are day-by-day series (a missing day is a gap); value = grain filter or None
DAILY: dict[str, str | None] = {"audience": None, "sentiment_daily": None, "traffic": "day", "search": "day"}
FORMULA_PREFIXES = safe.FORMULA_PREFIXES


def columns_for(table: str, available: Iterable[str]) -> list[str]:
    """Columns the coverage of ``table`` needs (only those the table has)."""
    date_col, group_col = LAYOUT.get(table, (None, None))
    cols = [c for c in (date_col, group_col) if c]
    if table in DAILY and DAILY[table]:
        cols.append("grain")
    avail = set(available)
    return [c for c in cols if c in avail]


def _days(values: pd.Series) -> pd.Series:
    s = values.dropna()
    if not len(s):
        return pd.Series([], dtype="object")
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.date
    return pd.Series([v.date() if isinstance(v, dt.datetime) else v for v in s], index=s.index)


def missing_days(days: Iterable[dt.date]) -> list[dt.date]:
    """Days between the first and last given day that are absent."""
    have = sorted(set(days))
    if len(have) < 2:
        return []
    out: list[dt.date] = []
    for a, b in zip(have, have[1:], strict=False):
        d = a + dt.timedelta(days=1)
        while d < b:
            out.append(d)
            d += dt.timedelta(days=1)
    return out


def gap_runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Missing days grouped in runs: ``[(first missing, last missing), ...]``."""
    runs: list[tuple[dt.date, dt.date]] = []
    for d in missing_days(days):
        if runs and runs[-1][1] + dt.timedelta(days=1) == d:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs


def coverage(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """One row per group of ``table``: ``group, rows, first, last, missing_days, gaps``.

    ``missing_days``/``gaps`` are computed for daily series only (None otherwise); a day
    counts as present when any row of the group has it."""
    date_col, group_col = LAYOUT[table]
    cols = ["group", "rows", "first", "last", "missing_days", "gaps"]
    if df is None or not len(df):
        return pd.DataFrame(columns=cols)
    data = df
    if table in DAILY and DAILY[table] and "grain" in data:
        data = data[data["grain"] == DAILY[table]]
        if not len(data):
            data = df
    groups = data[group_col].astype("string").fillna("—") if group_col in data else pd.Series("—", index=data.index)
    rows = []
    for g, part in data.groupby(groups, sort=True):
        days = _days(part[date_col]) if date_col in part else pd.Series([], dtype="object")
        first = min(days) if len(days) else None
        last = max(days) if len(days) else None
        if table in DAILY:
            runs = gap_runs(days)
            missing = sum((b - a).days + 1 for a, b in runs)
        else:
            runs, missing = None, None
        rows.append(
            {"group": str(g), "rows": int(len(part)), "first": first, "last": last, "missing_days": missing, "gaps": runs}
        )
    if data is not df:  # rows at other grains still count
        extra = len(df) - len(data)
        if extra:
            rows.append({"group": "—", "rows": extra, "first": None, "last": None, "missing_days": None, "gaps": None})
    return pd.DataFrame(rows, columns=cols)


def last_import_per_table(imports: pd.DataFrame) -> dict[str, pd.Timestamp]:
    if imports is None or not len(imports):
        return {}
    return {str(k): v for k, v in imports.groupby("table")["imported_at"].max().items()}


# one helper for every CSV the app offers (ui/safe.py); these names stay for existing callers
neutralise_cell = safe.csv_cell
neutralise = safe.csv_frame
to_csv_bytes = safe.csv_bytes


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()
