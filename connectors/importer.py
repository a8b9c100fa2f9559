"""Import export files into the store: detect the format from content, parse, write.

Public API (used by the CLI and the Import page):

* :func:`detect` - which format, which tables, a preview of the rows as they will be stored.
* :func:`import_path` / :func:`import_bytes` - parse and write in one atomic transaction;
  one result dict per table.
* :func:`save_mapping` / :func:`mapping_targets` - the generic column mapping for layouts
  Boussole does not know, saved per workspace and reused when the same header comes again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from connectors import reimport, scoring, store
from connectors.errors import ImportFailure
from connectors.formats import all_formats
from connectors.formats.base import Format, ParseContext, head_records
from connectors.formats.generic import GENERIC, default_date_order, header_signature, mapping_targets  # noqa: F401  (re-exported)
from connectors.readers import Document, Kind, open_document, sheet_records
from connectors.reimport import PARSER_VERSION  # (part of the import digest)
from connectors.schema import COST_CATEGORIES
from metrics import per_distinct
from metrics.channels import mention_source

MIN_CONFIDENCE = 0.5
PREVIEW_ROWS = 20


@dataclass
class Detection:
    file_name: str
    format: str = "unknown"
    label: str = ""
    tables: tuple[str, ...] = ()
    confidence: float = 0.0
    preview: dict[str, pd.DataFrame] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    error: ImportFailure | None = None
    encoding: str = ""
    delimiter: str = ""


MAX_COLUMNS = 2000  # no platform export comes near; a wider header is refused before format sniffing


def _check_width(doc: Document) -> None:
    """Refuse, before format sniffing, what no sniffer should see: a header wider than
    :data:`MAX_COLUMNS` (every sniffer looks at every header cell, so a 1 MB header line
    would cost minutes before saying "unknown layout"), and a broken record among the first
    ones (a quote never closed, a cell over the size limit): its own message, naming the
    line, is more useful than "unknown layout"."""
    if doc.kind != Kind.TEXT:
        return
    recs = doc.records(31)  # raises ImportFailure for a broken record
    for rec in recs:
        if len(rec.cells) > MAX_COLUMNS:
            raise ImportFailure(doc.file_name, "too many columns", rec.line, None, f"at most {MAX_COLUMNS} columns",
                                f"{len(rec.cells)} columns", code="too_wide",
                                params={"found_columns": len(rec.cells), "max_columns": MAX_COLUMNS})


def _choose(doc: Document, root: Path | None, workspace: str | None) -> tuple[Format | None, float, dict[str, Any] | None]:
    _check_width(doc)
    best: Format | None = None
    best_score = 0.0
    for fmt in all_formats():
        if fmt is GENERIC:
            continue
        try:
            score = float(fmt.sniff(doc))
        except ImportFailure:
            raise
        except Exception:  # a sniffer must never break detection of the others
            score = 0.0
        if score > best_score:
            best, best_score = fmt, score
    if best is not None and best_score >= MIN_CONFIDENCE:
        return best, best_score, None
    if root is not None and workspace is not None:
        mapping = find_mapping(root, workspace, doc)
        if mapping is not None:
            return GENERIC, 1.0, mapping
    return None, best_score, None


def first_header(doc: Document) -> list[str]:
    """The header a saved mapping is keyed on (and the columns the mapping form offers): among
    the first 30 rows ("#" comment lines skipped; for a workbook, of each sheet in order), the
    first with at least two non-empty cells, so a title line above the table or a cover sheet
    with a single note is passed over; else the first non-empty row. Cells stripped."""
    if doc.kind == Kind.TEXT:
        blocks = [[rec.cells for rec in head_records(doc, 30) if not (rec.cells and rec.cells[0].startswith("#"))]]
    else:
        blocks = [[r.cells for r in sheet_records(rows[:30])] for rows in doc.sheets.values()]
    rows = [[c.strip() for c in r] for block in blocks for r in block if any(c.strip() for c in r)]
    return next((r for r in rows if sum(1 for c in r if c) >= 2), rows[0] if rows else [])


def _context(file_name: str, root: Path | None, workspace: str | None, account: str | None, mapping: dict[str, Any] | None) -> ParseContext:
    from connectors.loader import DEFAULT_TIMEZONE, settings_from

    tz = DEFAULT_TIMEZONE
    if root is not None and workspace is not None:
        try:  # the same time zone (and default) as every page: a date-only value stays on its local day
            tz = settings_from(store.load_config(root, workspace, "workspace", {}) or {}, workspace).timezone
        except (ValueError, OSError):
            tz = DEFAULT_TIMEZONE
    return ParseContext(file_name=file_name, account=account, workspace=workspace, root=root, timezone=tz, mapping=mapping)


def _unknown(doc: Document) -> ImportFailure:
    return ImportFailure(
        doc.file_name,
        "unknown layout: map its columns once with the generic column mapping (Import page), it will be reused",
        1,
        None,
        "a known export layout",
        "header " + ", ".join(first_header(doc)[:6])[:120],
        code="unknown_layout",
    )


def detect(source: bytes | str | Path, file_name: str | None = None, root: Path | None = None, workspace: str | None = None, account: str | None = None) -> Detection:
    """Sniff a file and parse the first rows for a preview. Never raises: problems go to ``error``."""
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else "<upload>")
    det = Detection(file_name=name)
    try:
        doc = open_document(source, name)
        det.encoding, det.delimiter = doc.encoding, doc.delimiter
        det.headers = first_header(doc)
        fmt, score, mapping = _choose(doc, root, workspace)
        det.confidence = score
        if fmt is None:
            det.error = _unknown(doc)
            return det
        det.format, det.label, det.tables = fmt.name, fmt.label, tuple(fmt.tables)
        ctx = _context(name, root, workspace, account, mapping)
        for table, frame in fmt.parse(doc, ctx):
            if table in det.preview and len(det.preview[table]) >= PREVIEW_ROWS:
                continue
            conformed = store.conform(frame.head(PREVIEW_ROWS), table, name)
            prev = det.preview.get(table)
            det.preview[table] = conformed if prev is None else pd.concat([prev, conformed]).head(PREVIEW_ROWS)
            if all(len(v) >= PREVIEW_ROWS for v in det.preview.values()) and len(det.preview) == len(det.tables):
                break
        for t in det.preview:
            det.preview[t] = det.preview[t].drop(columns=[store.LINE_COL]).dropna(axis=1, how="all")
    except ImportFailure as exc:
        det.error = exc
    return det


def sha256_of(doc: Document) -> str:
    h = hashlib.sha256()
    with doc.open_binary() as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def import_digest(sha256: str, fmt: Format, ctx: ParseContext, root: Path, workspace: str) -> str:
    """What decides the rows an import stores, as one hash: the file's bytes, the format, the
    workspace time zone, the account, the generic mapping, and the scorer's settings (lexicon
    and learnt layer documents; a file without sentiment is scored at import)."""
    from connectors.scoring import LAYER_DOC, LEXICON_DOC

    h = hashlib.sha256()
    parts = {"sha256": sha256, "format": fmt.name, "timezone": ctx.timezone, "account": ctx.account,
             "mapping": ctx.mapping, "parser": PARSER_VERSION}
    h.update(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))
    for name in (LEXICON_DOC, LAYER_DOC):
        p = store.config_path(root, workspace, name)
        h.update(b"\x00" + (p.read_bytes() if p.exists() else b""))
    return h.hexdigest()


def import_path(
    root: Path,
    workspace: str,
    path: str | Path,
    account: str | None = None,
    file_name: str | None = None,
    progress: Callable[[float], None] | None = None,
    now: dt.datetime | None = None,
    sha256: str | None = None,
) -> list[dict[str, Any]]:
    """Import one file. Returns one result per table; raises ImportFailure (store untouched).
    ``sha256``: the file's, when the caller has it already."""
    doc = open_document(Path(path), file_name or Path(path).name)
    return _import_doc(root, workspace, doc, account, progress, now, sha256)


def import_bytes(
    root: Path,
    workspace: str,
    data: bytes,
    file_name: str,
    account: str | None = None,
    progress: Callable[[float], None] | None = None,
    now: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """Like :func:`import_path` for an upload held in memory."""
    doc = open_document(data, file_name)
    return _import_doc(root, workspace, doc, account, progress, now)


def _arrow_memory_pool() -> None:
    """Arrow allocations made from Python (CSV reader, compute functions, tables) from jemalloc
    where the wheel has it (Linux, macOS) instead of mimalloc, unless ``ARROW_DEFAULT_MEMORY_POOL``
    says otherwise (the C++ default pool, e.g. the Parquet writer's, only follows that variable). An import allocates
    a few hundred MB of fresh Arrow buffers; with mimalloc every first touch of a page was a
    fault (1M-row CSV, same session: 6.2-6.9 s CPU and 840-860 MiB peak with mimalloc, 5.6 s and
    700 MiB with jemalloc). Buffers remember their pool, so switching at any time is safe."""
    import pyarrow as pa

    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:  # (the CLI sets it to jemalloc before pyarrow loads: every allocation)
        return
    try:
        if pa.default_memory_pool().backend_name == "mimalloc":
            pa.set_memory_pool(pa.jemalloc_memory_pool())
    except (NotImplementedError, pa.ArrowNotImplementedError):  # a build without jemalloc (Windows wheels)
        pass


def _import_doc(
    root: Path, workspace: str, doc: Document, account: str | None, progress: Callable[[float], None] | None, now: dt.datetime | None,
    sha: str | None = None,
) -> list[dict[str, Any]]:
    root = Path(root)
    _arrow_memory_pool()
    store.check_workspace_name(workspace)
    fmt, _, mapping = _choose(doc, root, workspace)
    if fmt is None:
        raise _unknown(doc)
    ctx = _context(doc.file_name, root, workspace, account, mapping)
    total = max(doc.size(), 1)
    if progress:
        progress(0.05)
    sha = sha or sha256_of(doc)
    digest = import_digest(sha, fmt, ctx, root, workspace)
    fdigest = reimport.file_digest(sha, root, workspace, account)  # read before the import, as the digest's inputs
    same = store.unchanged_import(root, workspace, digest)
    if same is not None:  # this very file was imported and its rows are stored as it left them: nothing to write
        if progress:
            progress(1.0)
        return reimport.unchanged_results(doc.file_name, fmt.name, same)
    with store.transaction(root, workspace, doc.file_name, now) as tx:
        for t in fmt.tables:
            tx.touch(t)
        n = 0
        for table, frame in fmt.parse(doc, ctx):
            if table in ("mentions", "sentiment_daily") and "source" in frame:  # one spelling per source (x, not SOCIALMEDIA_TWITTER)
                frame["source"] = per_distinct(frame["source"], mention_source)
            frame = scoring.score_frame(root, workspace, table, frame)  # offline sentiment when the export has none
            tx.upsert(table, frame)
            n += len(frame)
            if progress:
                progress(min(0.8, 0.05 + 0.75 * min(1.0, n * 200 / total)))
        if n == 0 and doc.kind == Kind.TEXT and not getattr(fmt, "empty_ok", False):
            raise ImportFailure(doc.file_name, "no data rows", 2, None, "at least one data row below the header", "only a header", code="header_only")
        results = tx.commit(fmt.name, sha, digest, fdigest)
    if progress:
        progress(1.0)
    return [
        {
            "file": doc.file_name,
            "format": fmt.name,
            "table": r.table,
            "rows_read": r.rows_read,
            "rows_added": r.rows_added,
            "rows_updated": r.rows_updated,
            "rows_skipped": r.rows_skipped,
        }
        for r in results.values()
    ]


# ----------------------------------------------------------------------------- generic mapping


def find_mapping(root: Path, workspace: str, doc: Document) -> dict[str, Any] | None:
    sig = header_signature(first_header(doc))
    for m in store.load_config(root, workspace, "mappings", []) or []:
        if m.get("header_signature") == sig:
            return m
    return None


def save_mapping(
    root: Path,
    workspace: str,
    headers: list[str],
    columns: dict[str, str],
    table: str,
    platform: str | None = None,
    account: str | None = None,
    date_order: str | None = None,
    category: str | None = None,
) -> dict[str, Any]:
    """Save (or replace) the mapping for this header. ``columns``: source header -> canonical
    column; ``date_order`` (``dmy``/``mdy``) reads dates such as 02/03/2026 (None:
    :func:`default_date_order` of the file's delimiter); ``category``: for a costs file without
    a category column, the category of every row (one of ``COST_CATEGORIES``)."""
    if date_order not in (None, "dmy", "mdy"):
        raise ValueError(f"date_order must be 'dmy' or 'mdy', not {date_order!r}")
    if category is not None and (table != "costs" or category not in COST_CATEGORIES):
        raise ValueError(f"category {category!r}: only for costs, one of {', '.join(COST_CATEGORIES)}")
    targets = set(mapping_targets(table))
    bad = {h: c for h, c in columns.items() if c and c not in targets}
    if bad:
        raise ValueError(f"not columns of table {table!r}: {sorted(set(bad.values()))}")
    unknown = [h for h in columns if h not in headers]
    if unknown:
        raise ValueError(f"not in the file's header: {unknown}")
    sig = header_signature(headers)
    entry = {"header_signature": sig, "headers": list(headers), "columns": {h: c for h, c in columns.items() if c}, "table": table, "platform": platform, "account": account,
             "date_order": date_order}
    if category is not None:
        entry["category"] = category
    maps = [m for m in (store.load_config(root, workspace, "mappings", []) or []) if m.get("header_signature") != sig]
    maps.append(entry)
    store.save_config(root, workspace, "mappings", maps)
    return entry


def spool(data: bytes, suffix: str = "", root: Path | None = None) -> Path:
    """Write an upload to a file (so parsing can stream it): under ``<root>/.tmp`` when a
    store root is given (inside the store, like every other temporary file), else in the
    system temp dir. The caller deletes it."""
    if root is not None:
        d = Path(root) / store.TMP_DIR
        d.mkdir(parents=True, exist_ok=True)
        fd, p = tempfile.mkstemp(suffix=suffix, prefix="upload-", dir=d)
    else:
        fd, p = tempfile.mkstemp(suffix=suffix, prefix="boussole-upload-")
    with open(fd, "wb") as fh:
        fh.write(data)
    return Path(p)
