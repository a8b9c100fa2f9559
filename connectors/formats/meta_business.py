"""Meta Business Suite exports (Facebook pages and Instagram accounts).

Also holds small helpers shared by the other social-export modules of this package
(X, legacy Facebook, Meta Ads): period from the file name, account resolution, count
columns with file/line/column errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import ParseContext
from connectors.readers import Document, numbers

# ----------------------------------------------------------------------------- shared helpers

_MON3 = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _mdy(mon: str, d: str, y: str) -> dt.date | None:
    mo = _MON3.get(mon[:3].lower())
    try:
        return dt.date(int(y), mo, int(d)) if mo else None
    except ValueError:
        return None


def _ymd(s: str) -> dt.date | None:
    s = s.replace("-", "")
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


def name_range(file_name: str) -> tuple[dt.date | None, dt.date | None]:
    """The period a file name announces, as exported by the platforms (a hint only):
    ``..._20210801_20210901_...``, ``..._2026-07-06_2026-08-02...``,
    ``... - 2014-08-24 - 2015-02-19.csv``, ``Mar-18-2025_Apr-14-2025_...``,
    ``..._Sep-1-2025-Sep-30-2025...``; a single ``- 2017-07-27`` is an end date."""
    base = Path(str(file_name)).name
    m = re.search(r"(?<!\d)(\d{8})_(\d{8})(?!\d)", base)
    if m:
        return _ymd(m.group(1)), _ymd(m.group(2))
    m = re.search(r"(?<!\d)(\d{4}-\d{2}-\d{2})\s*[_ ]\s*-?\s*(\d{4}-\d{2}-\d{2})(?!\d)", base)
    if m:
        return _ymd(m.group(1)), _ymd(m.group(2))
    m = re.search(r"([A-Z][a-z]{2})-(\d{1,2})-(\d{4})[_-]([A-Z][a-z]{2})-(\d{1,2})-(\d{4})", base)
    if m:
        return _mdy(*m.group(1, 2, 3)), _mdy(*m.group(4, 5, 6))
    m = re.search(r" - (\d{4}-\d{2}-\d{2})(?!\d)", base)
    if m:
        return None, _ymd(m.group(1))
    return None, None


def as_of_from_name(file_name: str) -> pd.Timestamp | None:
    """posts.as_of: the export's end date when the file name says it, else None (never the clock)."""
    end = name_range(file_name)[1]
    return pd.Timestamp(end).tz_localize("UTC") if end else None


def known_account(ctx: ParseContext, platform: str) -> str | None:
    """The workspace's only account on ``platform`` already in the store, if exactly one."""
    if ctx.root is None or ctx.workspace is None:
        return None
    try:
        from connectors import store

        found: set[str] = set()
        for table in ("audience", "posts"):
            df = store.read_table(ctx.root, ctx.workspace, table, columns=["platform", "account"])
            found |= set(df.loc[df["platform"] == platform, "account"].dropna().astype(str))
        return found.pop() if len(found) == 1 else None
    except Exception:  # an unreadable store must not break the import of a file
        return None


def require_account(doc: Document, ctx: ParseContext, platform: str, hint: str | None) -> str:
    """``--account`` wins; else what the file says (``hint``); else the workspace's only
    account on that platform; else a clear failure."""
    acc = ctx.account or hint or known_account(ctx, platform)
    if acc:
        return acc
    raise ImportFailure(
        doc.file_name, "the export does not name the account", 1, None,
        f"the {platform} account name (give it with --account or in the import form)", "no account in the file", code="account",
    )


def count_column(raw: pd.DataFrame, i: int, header: Sequence[Any], file_name: str) -> list[float | None]:
    """Whole numbers of column ``i`` (``89.0`` ok, ``-`` null, text -> ImportFailure naming line and header)."""
    if f"c{i}" not in raw.columns:
        return [None] * len(raw)
    return numbers(raw[f"c{i}"].tolist(), file_name, str(header[i]), raw["_line"].tolist(), integer=True)


def float_column(raw: pd.DataFrame, i: int, header: Sequence[Any], file_name: str, percent: bool = False) -> list[float | None]:
    return numbers(raw[f"c{i}"].tolist(), file_name, str(header[i]), raw["_line"].tolist(), percent=percent)


def text_column(raw: pd.DataFrame, i: int | None) -> list[str | None]:
    if i is None or f"c{i}" not in raw.columns:
        return [None] * len(raw)
    return [None if v is None or not str(v).strip() else str(v) for v in raw[f"c{i}"].tolist()]


FORMATS: list = []
