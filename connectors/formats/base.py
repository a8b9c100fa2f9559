"""What every export format module provides, and helpers they share.

A format module defines ``FORMATS = [SomeFormat(), ...]``; :mod:`connectors.formats`
collects them. A format:

* ``sniff(doc) -> float`` : confidence 0..1 from the file's CONTENT (headers, preamble,
  sheet names). The file name is a hint at most (people rename files).
* ``parse(doc, ctx) -> Iterator[(table, DataFrame)]`` : canonical columns
  (connectors/schema.py) plus ``_line`` (physical line of each row). May yield several
  chunks and several tables. Raises ImportFailure for bad cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.readers import Document, Kind, Record, header_key, norm_header, strip_sep_line

CHUNK_ROWS = 100_000


@dataclass
class ParseContext:
    file_name: str
    account: str | None = None
    workspace: str | None = None
    root: Path | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    timezone: str = "UTC"  # workspace time zone, for exports that write local times without offset
    mapping: dict[str, Any] | None = None  # for the generic format


class Format:
    name: str = ""
    label: str = ""
    tables: tuple[str, ...] = ()

    def sniff(self, doc: Document) -> float:  # pragma: no cover - interface
        raise NotImplementedError

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:  # pragma: no cover
        raise NotImplementedError


# ----------------------------------------------------------------------------- header helpers


def head_records(doc: Document, limit: int = 60) -> list[Record]:
    """First records of a text document (sep= line removed). Cached on the document."""
    if doc.kind != Kind.TEXT:  # a workbook's bytes are not CSV: formats read doc.sheets
        return []
    cache = getattr(doc, "_head_records", None)
    if cache is None or len(cache) < limit:
        try:
            cache = strip_sep_line(doc.records(limit + 1))
        except ImportFailure:
            cache = []
        doc._head_records = cache  # type: ignore[attr-defined]
    return cache[:limit]


def header_keys(cells: Sequence[Any]) -> list[str]:
    return [header_key(c) for c in cells]


def find_header(records: Sequence[Record], required: Iterable[str], max_scan: int = 30) -> int | None:
    """Index of the first record whose header keys include every ``required`` key
    (compared with :func:`header_key`)."""
    req = [header_key(r) for r in required]
    for i, rec in enumerate(records[:max_scan]):
        keys = set(header_keys(rec.cells))
        if all(r in keys for r in req):
            return i
    return None


def column_index(header: Sequence[Any], aliases: dict[str, Sequence[str]]) -> dict[str, int]:
    """Map canonical names to column positions using alias lists (matched with
    :func:`header_key`; the first header matching wins, so duplicate columns keep the first)."""
    keys = header_keys(header)
    out: dict[str, int] = {}
    for canon, names in aliases.items():
        for n in names:
            k = header_key(n)
            if k in keys:
                out[canon] = keys.index(k)
                break
    return out


def rows_to_frame(records: Sequence[Record], width: int) -> pd.DataFrame:
    """Raw string cells (padded/truncated to ``width``) with ``_line``."""
    data = [(r.cells + [""] * (width - len(r.cells)))[:width] for r in records]
    df = pd.DataFrame(data, columns=[f"c{i}" for i in range(width)], dtype=object)
    df["_line"] = [r.line for r in records]
    return df


def data_records(
    doc: Document, header_line: int, header: Sequence[str] | None = None, stop_at_blank: bool = False
) -> Iterator[list[Record]]:
    """Stream the records after the header (by physical line), in chunks of CHUNK_ROWS.
    Blank records are skipped (or end the block with ``stop_at_blank``).

    With ``header``, a truncated last record (the file ends without a newline in the
    middle of a row: fewer cells than the header) raises ImportFailure naming the first
    missing column."""
    chunk: list[Record] = []
    last: Record | None = None
    for rec in doc.iter_records():
        if rec.line <= header_line:
            continue
        if not rec.cells or all(not c.strip() for c in rec.cells):
            if stop_at_blank:
                break
            continue
        last = rec
        chunk.append(rec)
        if len(chunk) >= CHUNK_ROWS:
            yield chunk
            chunk = []
    if header is not None and last is not None and len(last.cells) < len(header) and not _ends_with_newline(doc):
        col = str(header[len(last.cells)]) if len(last.cells) < len(header) else None
        raise ImportFailure(
            doc.file_name, "the last line is cut short", last.line, col,
            f"{len(header)} fields", f"{len(last.cells)} (file truncated?)", code="truncated",
        )
    if chunk:
        yield chunk


def _ends_with_newline(doc: Document) -> bool:
    with doc.open_binary() as fh:
        size = doc.size()
        fh.seek(max(0, size - 4))
        tail = fh.read()
    return tail.endswith((b"\n", b"\n\x00", b"\r", b"\r\x00"))


def check_duplicates(frame: pd.DataFrame, header: Sequence[str], used: dict[str, int], file_name: str) -> None:
    """A header used for a canonical column that appears twice is fine when both columns
    hold the same values (Meta's doubled ``Views``); otherwise the file is ambiguous."""
    keys = header_keys(header)
    for i in used.values():
        twins = [j for j, k in enumerate(keys) if k == keys[i] and j != i]
        for j in twins:
            a, b = frame[f"c{i}"].fillna(""), frame[f"c{j}"].fillna("")
            diff = a != b
            if diff.any():
                row = diff.idxmax()
                raise ImportFailure(
                    file_name, "duplicate column name", int(frame.loc[row, "_line"]), str(header[i]),
                    "each column name once", f"two columns named {header[i]!r} with different values", code="duplicate_column",
                )


def account_from_url(url: str | None) -> str | None:
    """Account name from a permalink: x.com/<handle>/status/..., facebook.com/<page>/...,
    instagram.com/<user>/..., youtube @handle, tiktok.com/@user/..."""
    if not url or not isinstance(url, str):
        return None
    m = re.search(r"(?:twitter|x)\.com/([A-Za-z0-9_]{1,30})/status", url)
    if m:
        return m.group(1)
    m = re.search(r"tiktok\.com/@([^/?#]+)", url)
    if m:
        return m.group(1)
    m = re.search(r"facebook\.com/(?!permalink|photo|story|watch|reel|groups|\d+/)([A-Za-z0-9.\-]+)/", url)
    if m:
        return m.group(1)
    m = re.search(r"instagram\.com/(?!p/|reel/|tv/)([A-Za-z0-9._]+)/", url)
    if m:
        return m.group(1)
    return None


def norm(s: Any) -> str:
    return norm_header(s)
