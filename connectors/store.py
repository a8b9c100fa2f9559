"""The Parquet store: where it is, how it is read, and the only code that writes it.

Layout::

    <root>/<workspace>/_manifest.json               (the current version: which file holds each partition)
    <root>/<workspace>/_history/<version>.json      (the last KEEP_VERSIONS manifests, for undo)
    <root>/<workspace>/<table>/<YYYY-MM>[.vN].parquet   (tables partitioned by month)
    <root>/<workspace>/<table>/all[.vN].parquet     (small tables)
    <root>/<workspace>/<table>/undated[.vN].parquet (rows whose partition date is null)
    <root>/<workspace>/<table>/_new/, _old/         (files of a commit in flight / of kept older versions)
    <root>/<workspace>/_config/<name>.json          (goals, journal, mappings, settings)
    <root>/.locks/<workspace>.<kind>.lock           (per-workspace locks, inside the store)
    <root>/.tmp/                                    (spill files of imports in progress, inside the store)

Every file of a table is written with the same Arrow schema (``connectors.schema``).
:func:`read_table` reads the files the manifest lists, so a reader always sees one
committed version. ``pandas.read_parquet("<root>/<workspace>/<table>")`` also returns the
table whenever no commit is being finalised (pyarrow ignores the ``_new``/``_old`` folders
and the names starting with ``.`` or ``_``); during the few renames that follow a commit, or
after a crash until the next write, it may see an extra file: for a consistent read from
other tools use :func:`table_files` (or the file names in ``_manifest.json``).

Guarantees of :class:`Transaction` (the shared writer):

* **validated** - types coerced to the schema; required columns present; counts
  non-negative; enumerations respected; dates not more than a day in the future. The
  first problem raises :class:`~connectors.errors.ImportFailure` naming file, line and
  column, and nothing is written.
* **deduplicated** on the table's primary key: within the incoming data the last row
  wins; against the store an existing key is *updated* (values that the new row lacks
  are kept), never duplicated.
* **idempotent** - a row equal to the stored one is *skipped*; when nothing is added or
  updated no file is touched at all, so the store stays byte-identical.
* **atomic** - new files get new names (under ``<table>/_new/``); the commit is ONE
  ``os.replace`` of ``_manifest.json`` covering every table of the import and the import
  log. Before it nothing is visible; after it everything is. Superseded files move to
  ``<table>/_old/`` and are kept for :data:`KEEP_VERSIONS` versions (:func:`undo_last`).
  A crash at any point leaves either the old or the new version; the next writer
  finishes or discards the leftovers (:func:`recover`), and re-running the import
  completes it.
* **serialised** - a per-workspace lock file inside the store (``filelock``: ``flock`` on
  POSIX, ``LockFileEx`` on Windows) orders writers of all processes, whatever their
  ``TMPDIR``; imports, pulls and configuration saves share :func:`workspace_lock`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from connectors.errors import ImportFailure
from connectors.reimport import MANIFEST, PROJECT_DIR, WORKSPACE_RE, check_workspace_name, parts_current, resolve_root  # noqa: F401 (re-exported)
from connectors.schema import DATA_TABLES, IMPORTS, TABLES, Table

# columns that describe the row's provenance: a difference there alone is not an update
META_COLUMNS = ("as_of", "source_format")
LINE_COL = "_line"
HISTORY = "_history"
NEW_DIR, OLD_DIR = "_new", "_old"
LOCK_DIR, TMP_DIR = ".locks", ".tmp"
CACHE_DIR = ".cache"  # derived files of each workspace (connectors.derived), outside its own folder
KEEP_VERSIONS = 10  # manifests (and their files) kept for undo
# the first rows of a table are written from Arrow without the pandas merge (same files; the
# equivalence tests switch it off for their reference)
ARROW_FIRST_WRITE = True
# incoming rows of an import are held in memory (Arrow) up to this many bytes, beyond that
# spilled to ``<root>/.tmp`` (the equivalence tests set 0 for their reference: always spilled)
MEMORY_BYTES = 384 << 20
KEEP_DIGESTS = 200  # imported files remembered in the manifest for the no-op re-import check
MANIFEST_FORMAT = 1
MIN_DATE = dt.date(1970, 1, 1)  # earlier dates in an export are placeholders (0001-01-01, 1900-01-01), refused


def _checkpoint(step: str) -> None:
    """Named point of the commit protocol. A no-op; the crash tests replace it to SIGKILL
    the process at each step in turn."""


# --------------------------------------------------------------------------- location


def workspace_dir(root: Path, workspace: str) -> Path:
    return Path(root) / check_workspace_name(workspace)


def table_dir(root: Path, workspace: str, table: str) -> Path:
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}")
    return workspace_dir(root, workspace) / table


def list_workspaces(root: Path) -> list[str]:
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and WORKSPACE_RE.match(p.name))


def create_workspace(root: Path, workspace: str) -> Path:
    d = workspace_dir(root, workspace)
    if d.exists():
        raise FileExistsError(f"workspace {workspace!r} already exists")
    d.mkdir(parents=True)
    return d


def rename_workspace(root: Path, old: str, new: str) -> None:
    src, dst = workspace_dir(root, old), workspace_dir(root, new)
    if not src.is_dir():
        raise FileNotFoundError(f"no workspace {old!r}")
    if dst.exists():
        raise FileExistsError(f"workspace {new!r} already exists")
    with workspace_lock(root, old), workspace_lock(root, new):
        os.replace(src, dst)


def delete_workspace(root: Path, workspace: str) -> None:
    d = workspace_dir(root, workspace)
    if not d.is_dir():
        raise FileNotFoundError(f"no workspace {workspace!r}")
    with workspace_lock(root, workspace):
        trash = Path(root) / TMP_DIR / f"deleted-{workspace}-{uuid.uuid4().hex[:8]}"
        trash.parent.mkdir(parents=True, exist_ok=True)
        os.replace(d, trash)  # disappears atomically for readers
        shutil.rmtree(trash, ignore_errors=True)
        shutil.rmtree(Path(root) / CACHE_DIR / workspace, ignore_errors=True)


# --------------------------------------------------------------------------- locking


class Locked(RuntimeError):
    """A non-blocking :func:`workspace_lock` found the lock taken."""


_LOCKS_GUARD = threading.Lock()


def _lock_path(root: Path, workspace: str, kind: str) -> Path:
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"invalid lock kind {kind!r}")
    d = Path(root) / LOCK_DIR
    d.mkdir(parents=True, exist_ok=True)
    return d / f"{check_workspace_name(workspace)}.{kind}.lock"


@contextlib.contextmanager
def workspace_lock(root: Path, workspace: str, kind: str = "write", blocking: bool = True) -> Iterator[None]:
    """Exclusive lock per workspace and ``kind``, shared by every process using the store.

    ``kind="write"`` (the default) guards every change of the workspace's files: commits,
    row deletions, configuration saves. ``kind="pull"`` keeps two API pulls from
    overlapping (held for the whole pull, network included). The lock file lives in
    ``<root>/.locks/`` - inside the store, so the same store seen by cron and by the app
    (different users, different ``TMPDIR``) uses the same lock. ``write`` is re-entrant in
    one thread; other kinds are not.
    ``blocking=False`` raises :class:`Locked` at once instead of waiting.
    """
    path = _lock_path(root, workspace, kind)
    if kind == "write":
        with _LOCKS_GUARD:  # one lock object per path: re-entrant in a thread, exclusive across threads
            lock = filelock.FileLock(str(path), is_singleton=True)
    else:  # a fresh descriptor: exclusive even against the same thread (a pull inside a pull is refused)
        lock = filelock.FileLock(str(path), is_singleton=False, thread_local=False)
    try:
        lock.acquire(timeout=-1 if blocking else 0)
    except filelock.Timeout:
        raise Locked(f"workspace {workspace!r} is locked ({kind})") from None
    try:
        yield
    finally:
        lock.release()


# --------------------------------------------------------------------------- versions (manifest)


def _read_json(p: Path) -> Any:
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def read_manifest(root: Path, workspace: str) -> dict[str, Any] | None:
    """The committed version of the workspace (None: never written, or written by a
    version of Boussole before manifests - see :func:`_legacy_manifest`)."""
    return _read_json(workspace_dir(root, workspace) / MANIFEST)


def _legacy_manifest(root: Path, workspace: str) -> dict[str, Any]:
    """A store written before manifests: every visible ``<table>/*.parquet`` is current."""
    tables: dict[str, dict[str, str]] = {}
    for table in TABLES:
        d = table_dir(root, workspace, table)
        if d.is_dir():
            files = sorted(p for p in d.glob("*.parquet") if not p.name.startswith((".", "_")))
            if files:
                tables[table] = {_part_of(p.name): p.name for p in files}
    return {"format": MANIFEST_FORMAT, "version": 0, "tables": tables}


def _current(root: Path, workspace: str) -> dict[str, Any]:
    m = read_manifest(root, workspace)
    return m if m is not None else _legacy_manifest(root, workspace)


def _part_of(name: str) -> str:
    """``2025-01.v7.parquet`` -> ``2025-01``; ``all.parquet`` -> ``all``."""
    return name.split(".", 1)[0]


def _locate(tdir: Path, name: str) -> Path:
    """Where a listed file is now: in place, or still in ``_new`` (commit being
    finalised), or already in ``_old`` (superseded since the manifest was read)."""
    for p in (tdir / name, tdir / NEW_DIR / name, tdir / OLD_DIR / name):
        if p.exists():
            return p
    return tdir / name


def _versioned(fn: Callable[[], Any]) -> Any:
    """Run a read of manifest-listed files; if a writer moved a file in between, re-read
    the manifest and try again (a reader never blocks a writer)."""
    for attempt in range(8):
        try:
            return fn()
        except (FileNotFoundError, OSError) as exc:
            if attempt == 7 or not _is_missing(exc):
                raise
    raise AssertionError("unreachable")


def _is_missing(exc: BaseException) -> bool:
    return isinstance(exc, FileNotFoundError) or "No such file" in str(exc) or "not found" in str(exc).lower()


def list_versions(root: Path, workspace: str) -> list[dict[str, Any]]:
    """Kept versions, newest first: ``{"version", "committed_at", "action", "file_name", "format"}``."""
    hist = workspace_dir(root, workspace) / HISTORY
    cur = (read_manifest(root, workspace) or {}).get("version", 0)
    out = []
    if hist.is_dir():
        for p in hist.glob("*.json"):
            m = _read_json(p)
            if m and m.get("version", 0) <= cur:
                out.append({k: m.get(k) for k in ("version", "committed_at", "action", "file_name", "format")})
    return sorted(out, key=lambda m: -m["version"])


# --------------------------------------------------------------------------- reading


def empty_table(table: str, columns: list[str] | None = None) -> pa.Table:
    t = TABLES[table]
    schema = t.schema if columns is None else pa.schema([t.schema.field(c) for c in columns])
    return schema.empty_table()


def empty_frame(table: str, columns: list[str] | None = None) -> pd.DataFrame:
    return empty_table(table, columns).to_pandas()


def _table_entries(root: Path, workspace: str, table: str) -> list[tuple[str, Path]]:
    tdir = table_dir(root, workspace, table)
    files = _current(root, workspace).get("tables", {}).get(table, {})
    return [(part, _locate(tdir, name)) for part, name in sorted(files.items())]


def table_files(root: Path, workspace: str, table: str) -> list[Path]:
    """The files of the table's committed version (what :func:`read_table` reads)."""
    return [p for _, p in _table_entries(root, workspace, table)]


def read_table(
    root: Path,
    workspace: str,
    table: str,
    columns: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
) -> pd.DataFrame:
    """Read a table, only the ``columns`` asked and, for dated tables, only rows whose
    partition date lies in ``[start, end]`` (inclusive). Files outside the range are not
    opened. Always one committed version, even while an import runs."""
    return read_arrow(root, workspace, table, columns, start, end, filters).to_pandas()


def read_arrow(
    root: Path,
    workspace: str,
    table: str,
    columns: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
) -> pa.Table:
    """:func:`read_table` as an Arrow table (for a reader that aggregates before pandas)."""
    t = TABLES[table]
    if columns is not None:
        unknown = [c for c in columns if c not in t.columns]
        if unknown:
            raise KeyError(f"unknown column(s) {unknown} in table {table!r}")
    pcol = t.partition_by
    flt = list(filters or [])
    if pcol and (start or end):
        if start:
            flt.append((pcol, ">=", _bound(t, pcol, start, False)))
        if end:
            flt.append((pcol, "<" if t.columns[pcol] == pa.timestamp("us", tz="UTC") else "<=", _bound(t, pcol, end, True)))

    def read() -> pa.Table:
        entries = _table_entries(root, workspace, table)
        if pcol and (start or end):
            entries = [(part, f) for part, f in entries if _part_in_range(part, start, end)]
        if not entries:
            return empty_table(table, columns)
        return pq.read_table([str(f) for _, f in entries], columns=columns, filters=flt or None, schema=t.schema)

    return _versioned(read)


def _bound(t: Table, col: str, d: dt.date, upper: bool) -> Any:
    if t.columns[col] == pa.timestamp("us", tz="UTC"):
        day = d + dt.timedelta(days=1) if upper else d
        return pd.Timestamp(day, tz="UTC").to_pydatetime()
    return d


def _part_in_range(part: str, start: dt.date | None, end: dt.date | None) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", part)
    if not m:
        return part != "undated"
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    return not ((start and last < start) or (end and first > end))


def table_stats(root: Path, workspace: str, table: str) -> dict[str, Any]:
    """Row count from Parquet metadata (no data read), of the committed version."""

    def stats() -> dict[str, Any]:
        files = table_files(root, workspace, table)
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        return {"rows": rows, "files": len(files), "bytes": sum(f.stat().st_size for f in files)}

    return _versioned(stats)


def table_version(root: Path, workspace: str) -> int:
    """Committed version number of the workspace (changes at every commit; cache key)."""
    return int((read_manifest(root, workspace) or {}).get("version", 0))


# --------------------------------------------------------------------------- config documents


def config_path(root: Path, workspace: str, name: str) -> Path:
    if not re.fullmatch(r"[a-z0-9_-]+", name):
        raise ValueError(f"invalid config name {name!r}")
    return workspace_dir(root, workspace) / "_config" / f"{name}.json"


def load_config(root: Path, workspace: str, name: str, default: Any = None) -> Any:
    p = config_path(root, workspace, name)
    if not p.exists():
        return default
    return json.loads(p.read_text(encoding="utf-8"))


def save_config(root: Path, workspace: str, name: str, value: Any) -> None:
    """Replace a configuration document atomically, under the workspace's write lock."""
    p = config_path(root, workspace, name)
    with workspace_lock(root, workspace):
        p.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write_bytes(p, json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8"))


def update_config(root: Path, workspace: str, name: str, fn: Callable[[Any], Any], default: Any = None) -> Any:
    """Read-modify-write a configuration document under the lock (two pages or a page and
    a pull editing the same document never lose each other's change). Returns the new value."""
    with workspace_lock(root, workspace):
        value = fn(load_config(root, workspace, name, default))
        save_config(root, workspace, name, value)
        return value


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex[:12]}-{path.name}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- validation


def conform(df: pd.DataFrame, table: str, file_name: str = "<data>", now: dt.datetime | None = None) -> pd.DataFrame:
    """Coerce ``df`` to the table's schema and validate it.

    Columns not in the schema are dropped; missing ones are added as null. An optional
    ``_line`` column (source line of each row) is used for error messages and kept.
    Raises :class:`ImportFailure` on the first invalid cell.
    """
    t = TABLES[table]
    now = now or dt.datetime.now(dt.UTC)
    # parsers may say which header of the file fed each canonical column, for messages
    names = dict(df.attrs.get("source_columns", {}))

    def label(col: str) -> str:
        return names.get(col, col)

    lines = df[LINE_COL] if LINE_COL in df.columns else pd.Series(np.arange(len(df)) + 1, index=df.index)
    out: dict[str, Any] = {}
    for col, typ in t.columns.items():
        if col not in df.columns and len(df):  # all null: one cell coerced, repeated (same dtype and values)
            one = _coerce(pd.Series([None], dtype="object"), typ, label(col), lines, file_name)
            out[col] = pd.Series(one.array.take(np.zeros(len(df), dtype=np.intp)), index=df.index)
            continue
        s = df[col] if col in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")
        out[col] = _coerce(s, typ, label(col), lines, file_name)
    res = pd.DataFrame(out, index=df.index)
    for col in t.required:
        bad = res[col].isna()
        if table == "posts" or t.columns[col] == pa.string():
            bad = bad | (res[col].astype("string").str.strip() == "")
        if bad.any():
            i = bad.idxmax()
            raise ImportFailure(file_name, "required value missing", int(lines[i]), label(col), "a value", "nothing")
    for col in t.non_negative:
        s = res[col]
        bad = s.notna() & (s < 0)
        if bad.any():
            i = bad.idxmax()
            raise ImportFailure(file_name, "negative value", int(lines[i]), label(col), "a number >= 0", str(s[i]), code="negative")
    for col, allowed in t.enums.items():
        s = res[col]
        bad = s.notna() & ~s.isin(allowed)
        if bad.any():
            i = bad.idxmax()
            raise ImportFailure(file_name, "unknown value", int(lines[i]), label(col), "one of " + "|".join(allowed), str(s[i]))
    limit_day = (now + dt.timedelta(days=1)).date()
    for col, typ in t.columns.items():
        s = res[col]
        if typ == pa.date32():
            bad = s.notna() & (s > limit_day)
            old = s.notna() & (s < MIN_DATE)
        elif pa.types.is_timestamp(typ) and col != "as_of":
            bad = s.notna() & (s > pd.Timestamp(now) + pd.Timedelta(days=1))
            old = s.notna() & (s < pd.Timestamp(MIN_DATE, tz="UTC"))
        else:
            continue
        if bad.any():
            i = bad.idxmax()
            raise ImportFailure(
                file_name, "date in the future", int(lines[i]), label(col), f"a date no later than {limit_day}", str(s[i]), code="future"
            )
        if old.any():  # 0001-01-01, 1900-01-01 (a spreadsheet's zero date): a placeholder, not a date
            i = old.idxmax()
            raise ImportFailure(
                file_name, "date too old", int(lines[i]), label(col), f"a date from {MIN_DATE} on", str(s[i]), code="past"
            )
    res[LINE_COL] = lines.astype("int64").to_numpy()
    return res


def _coerce(s: pd.Series, typ: pa.DataType, col: str, lines: pd.Series, file_name: str) -> pd.Series:
    try:
        if pa.types.is_string(typ):
            if isinstance(s.dtype, pd.StringDtype):  # text already (pandas' str or string dtype): no Python objects
                return s.astype("string")
            obj = s.astype("object").where(s.notna(), None)
            if pd.api.types.infer_dtype(obj, skipna=True) not in ("string", "empty"):  # str() only when a cell is not text
                obj = obj.map(lambda v: v if v is None else str(v))
            return obj.astype("string")
        if pa.types.is_integer(typ):
            num = pd.to_numeric(s, errors="coerce")
            if num.dtype == np.float64:  # x % 1 != 0 without float modulo (slow): inf and fractions
                v = num.to_numpy()
                frac = pd.Series(~np.isfinite(v) | (np.trunc(v) != v), index=num.index)
                bad = s.notna() & (num.isna() | (num.notna() & frac))
            else:
                bad = s.notna() & (num.isna() | (num.notna() & (num % 1 != 0)))
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a whole number", int(lines[i]), col, "a whole number", str(s[i]), code="number")
            big = num.notna() & (num.abs() >= 2**63)
            if big.any():
                i = big.idxmax()
                raise ImportFailure(file_name, "number out of range", int(lines[i]), col, "a whole number below 9.2e18", str(s[i]), code="number")
            return num.astype("Int64")
        if pa.types.is_floating(typ):
            num = pd.to_numeric(s, errors="coerce")
            bad = s.notna() & (num.isna() | np.isinf(num.astype("float64")))
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a finite number", int(lines[i]), col, "a number", str(s[i]), code="number")
            return num.astype("Float64")
        if pa.types.is_boolean(typ):
            return s.astype("boolean")
        if pa.types.is_date(typ):
            conv = _to_datetime(s, utc=False)
            bad = s.notna() & conv.isna()
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a date", int(lines[i]), col, "a date", str(s[i]), code="date")
            if getattr(conv.dt, "tz", None) is not None:
                conv = conv.dt.tz_localize(None)
            return conv.dt.date.astype("object").where(conv.notna(), None)
        if pa.types.is_timestamp(typ):
            conv = _to_datetime(s, utc=True)
            bad = s.notna() & conv.isna()
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a date and time", int(lines[i]), col, "a date and time", str(s[i]), code="date")
            return conv.astype("datetime64[us, UTC]")
    except ImportFailure:
        raise
    except (TypeError, ValueError) as exc:
        raise ImportFailure(file_name, str(exc), int(lines.iloc[0]) if len(lines) else None, col, str(typ), "?") from exc
    raise TypeError(f"unsupported type {typ}")


def _to_datetime(s: pd.Series, utc: bool) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.tz_convert("UTC") if (utc and s.dt.tz is not None) else (s.dt.tz_localize("UTC") if utc else s)
    obj = s.astype("object")
    if all(isinstance(v, (dt.date, dt.datetime, pd.Timestamp)) or v is None or (isinstance(v, float) and np.isnan(v)) for v in obj):
        return pd.to_datetime(obj, errors="coerce", utc=utc)
    return pd.to_datetime(obj, errors="coerce", utc=utc, format="mixed")


def to_arrow(df: pd.DataFrame, table: str) -> pa.Table:
    t = TABLES[table]
    cols = {c: df[c] for c in t.columns}
    return pa.Table.from_pandas(pd.DataFrame(cols), schema=t.schema, preserve_index=False)


# --------------------------------------------------------------------------- writing


@dataclass
class WriteResult:
    table: str
    rows_read: int = 0
    rows_added: int = 0
    rows_updated: int = 0
    rows_skipped: int = 0


def _partition_name(t: Table, value: Any) -> str:
    if t.partition_by is None:
        return "all"
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT or pd.isna(value):
        return "undated"
    return f"{value.year:04d}-{value.month:02d}"


def _partition_codes(t: Table, pvals: pd.Series) -> tuple[np.ndarray, list[str]]:
    """(code of each row, partition names): :func:`_partition_name` of every value without a
    string per row - year and month column-wise for timestamps, once per distinct value
    otherwise; code -1 (no value) is the last name, ``undated``."""
    n = len(pvals)
    if t.partition_by is None:
        return np.zeros(n, dtype=np.intp), ["all"]
    if pd.api.types.is_datetime64_any_dtype(pvals.dtype):
        ym = (pvals.dt.year * 100 + pvals.dt.month).to_numpy(dtype="float64", na_value=np.nan)
        codes, uniques = pd.factorize(ym, use_na_sentinel=True)
        names = [f"{int(v) // 100:04d}-{int(v) % 100:02d}" for v in uniques] + ["undated"]
        return codes, names  # code -1 (NaT) -> "undated" (the last name)
    codes, uniques = pd.factorize(pvals.astype(object), use_na_sentinel=True)
    return codes, [_partition_name(t, v) for v in uniques] + ["undated"]


def _key_frame(df: pd.DataFrame, t: Table) -> pd.Series:
    """One hashable key per row; nulls in key columns are a value of their own."""
    parts = [df[c].astype("string").fillna("\x00") for c in t.primary_key]
    key = parts[0]
    for p in parts[1:]:
        key = key + "\x1f" + p
    # plain Python strings: hash-table isin/sets are much faster than on Arrow strings
    return key.astype(object)


def _gather(batches: list[pa.RecordBatch], first_row: np.ndarray, idx: np.ndarray) -> pa.Table:
    """Rows ``idx`` (positions in the batches laid end to end), in that order: taken batch by batch
    (a take across chunks would first concatenate every chunk), then put in order; two copies of
    these rows only."""
    if not len(idx):
        return pa.Table.from_batches([batches[0].slice(0, 0)])
    which = np.searchsorted(first_row, idx, side="right") - 1
    perm = np.argsort(which, kind="stable")
    grouped, by = idx[perm], which[perm]
    cuts = np.flatnonzero(np.diff(by)) + 1
    pieces = [batches[int(by[a])].take(pa.array(grouped[a:b] - first_row[by[a]]))
              for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(idx)], strict=True)]
    tbl = pa.Table.from_batches(pieces)
    if len(pieces) == 1 and np.all(perm[1:] > perm[:-1]):
        return tbl
    inv = np.empty_like(perm)
    inv[perm] = np.arange(len(perm))
    return tbl.combine_chunks().take(pa.array(inv))


def _key_arrow(tbl: pa.Table, df: pd.DataFrame, t: Table) -> pa.Array | pa.ChunkedArray:
    """:func:`_key_frame` as Arrow strings; a single text key column column-wise (no Python
    string per row)."""
    if len(t.primary_key) == 1 and t.columns[t.primary_key[0]] == pa.string():
        return pc.fill_null(tbl.column(t.primary_key[0]), "\x00")
    return pa.array(_key_frame(df, t).to_numpy(), type=pa.string())


def _partition_array(t: Table, pvals: pd.Series | None, n: int) -> pa.Array:
    """:func:`_partition_name` of every value as an Arrow string array (built from the distinct
    names of :func:`_partition_codes`)."""
    if t.partition_by is None or pvals is None:
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array(["all"])).cast(pa.string())
    codes, names = _partition_codes(t, pvals)
    codes = np.where(codes < 0, len(names) - 1, codes).astype(np.int32)
    return pa.DictionaryArray.from_arrays(pa.array(codes), pa.array(names, pa.string())).cast(pa.string())


@dataclass
class Transaction:
    """Stage upserts into several tables of one workspace; commit publishes them at once.

    Use through :func:`transaction`. ``upsert`` may be called several times per table
    (chunks); rows are merged at commit time, partition by partition.
    """

    root: Path
    workspace: str
    file_name: str = "<data>"
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    _spill: dict[str, list[Path]] = field(default_factory=dict)
    _spill_dir: Path | None = None
    _spill_lock: Any = None
    _held: dict[str, list[pa.Table]] = field(default_factory=dict)  # incoming chunks kept in memory
    _held_bytes: int = 0
    _seq: int = 0
    results: dict[str, WriteResult] = field(default_factory=dict)
    _landed: dict[str, set[str]] = field(default_factory=dict)  # table -> partitions holding the incoming keys

    def upsert(self, table: str, df: pd.DataFrame) -> None:
        """Validate a chunk and spill it to a private folder of ``<root>/.tmp`` (inside the
        store, removed by the next writer if this process dies), so memory stays bounded
        by one chunk plus one partition at commit time."""
        if table == "imports":
            raise ValueError("the import log is written by the transaction itself")
        t = TABLES[table]
        conformed = conform(df, table, self.file_name, self.now)
        self.results.setdefault(table, WriteResult(table)).rows_read += len(conformed)
        if not len(conformed):
            return
        cols = list(t.columns) + [LINE_COL]
        chunk = pa.Table.from_pandas(conformed[cols], schema=t.schema.append(pa.field(LINE_COL, pa.int64())), preserve_index=False, nthreads=1)
        chunk = chunk.append_column("_key", _key_arrow(chunk, conformed, t))
        chunk = chunk.append_column("_part", _partition_array(t, conformed[t.partition_by] if t.partition_by else None, len(conformed)))
        chunk = chunk.append_column("_seq", pa.array(np.arange(self._seq, self._seq + len(conformed), dtype="int64")))
        self._seq += len(conformed)
        del conformed
        if not self._spill.get(table) and self._held_bytes + chunk.nbytes <= MEMORY_BYTES:  # kept in memory, in _seq order
            self._held.setdefault(table, []).append(chunk)
            self._held_bytes += chunk.nbytes
            return
        if self._spill_dir is None:
            self._spill_dir, self._spill_lock = _new_spill_dir(self.root)
        path = self._spill_dir / f"{table}-{len(self._spill.get(table, [])):05d}.parquet"
        # sorted by partition in small row groups, so commit reads each partition's rows only
        # (_seq is unique: Arrow's sort gives pandas' stable order; a temporary file, written and read
        # once: neither compressed nor dictionary-encoded)
        chunk = chunk.sort_by([("_part", "ascending"), ("_seq", "ascending")])
        pq.write_table(chunk, path, row_group_size=16384, compression="none", use_dictionary=False)
        self._spill.setdefault(table, []).append(path)

    def _staged(self, table: str, columns: list[str] | None = None, part: str | None = None) -> pa.Table:
        """The incoming rows of ``table`` (held in memory, then spilled), in ``_seq`` order within
        each source, optionally only ``columns`` and the rows of partition ``part``."""
        import pyarrow.dataset as pads

        pieces = []
        for chunk in self._held.get(table, []):
            c = chunk.select(columns) if columns is not None else chunk
            pieces.append(c.filter(pc.equal(chunk["_part"], part)) if part is not None else c)
        paths = self._spill.get(table, [])
        if paths:
            dset = pads.dataset([str(p) for p in paths], format="parquet")
            pieces.append(dset.to_table(columns=columns, filter=(pc.field("_part") == part) if part is not None else None))
        return pa.concat_tables(pieces)

    def _has_staged(self, table: str) -> bool:
        return bool(self._held.get(table) or self._spill.get(table))

    def touch(self, table: str) -> None:
        """Declare a table read from the file even if it yielded no rows (header-only export)."""
        self.results.setdefault(table, WriteResult(table))

    def abort(self) -> None:
        self._held.clear()
        self._held_bytes = 0
        if self._spill_dir is not None:
            shutil.rmtree(self._spill_dir, ignore_errors=True)
            self._spill_dir = None
        if self._spill_lock is not None:
            self._spill_lock.release()
            with contextlib.suppress(OSError):
                Path(self._spill_lock.lock_file).unlink()
            self._spill_lock = None
            _rmdir_if_empty(Path(self.root) / TMP_DIR)

    # -- commit

    def _incoming(self, table: str, part: str | None, superseded: set[int] | None) -> pd.DataFrame:
        df = self._staged(table, part=part).to_pandas()
        df["_key"] = df["_key"].astype(object)
        if superseded:
            df = df[~df["_seq"].isin(superseded)]
        return df

    def _prepare(self, cur: dict[str, Any], w: _Writer) -> None:
        """Merge every table's incoming rows with its current files; write the changed
        partitions under new names (``w.write``)."""
        for table in list(dict.fromkeys([*self._held, *self._spill])):
            if not self._has_staged(table):
                continue
            t = TABLES[table]
            res = self.results[table]
            tdir = table_dir(self.root, self.workspace, table)
            current = {part: _locate(tdir, name) for part, name in cur.get("tables", {}).get(table, {}).items()}
            keys = self._staged(table, columns=["_key", "_seq", "_part"])
            if not current and ARROW_FIRST_WRITE:  # nothing stored yet: every incoming row is new
                # last occurrence of each key wins, even across partitions (_seq is unique)
                last = keys.group_by("_key", use_threads=False).aggregate([("_seq", "max")]).column("_seq_max")
                if len(last) == keys.num_rows:  # every key once (the usual case)
                    superseded, incoming_parts = set(), set(pc.unique(keys["_part"]).to_pylist())
                else:
                    keep = pc.is_in(keys["_seq"], value_set=last)
                    superseded = set(keys["_seq"].filter(pc.invert(keep)).to_pylist())
                    incoming_parts = set(pc.unique(keys["_part"].filter(keep)).to_pylist())
                self._landed[table] = incoming_parts
                del keys, last
                res.rows_added, res.rows_updated = self._write_first(table, t, superseded, incoming_parts, w), 0
                res.rows_skipped = res.rows_read - res.rows_added
                continue
            # last occurrence of each key wins, even across partitions
            idx = keys.to_pandas()
            del keys
            idx = idx.sort_values("_seq")
            dup = idx["_key"].duplicated(keep="last")
            superseded = set(idx.loc[dup, "_seq"].tolist())  # usually empty
            idx = idx[~dup]
            inkeys = set(idx["_key"].tolist())
            incoming_parts = set(idx["_part"].tolist())
            self._landed[table] = incoming_parts
            del idx
            # where do incoming keys already live? (reads only key columns)
            holders: dict[str, set[str]] = {}
            for part, f in current.items():
                kf = pq.read_table(f, columns=list(t.primary_key)).to_pandas()
                found = set(_key_frame(kf, t)) & inkeys if len(kf) else set()
                if found:
                    holders[part] = found
            parts = incoming_parts | set(holders)
            added = updated = 0
            for part in sorted(parts):
                old = pq.read_table(current[part]).to_pandas() if part in current else empty_frame(table)
                if len(old):
                    old["_key"] = _key_frame(old, t)
                else:
                    old["_key"] = pd.Series([], dtype=object)
                new = self._incoming(table, part, superseded) if part in incoming_parts else self._incoming(table, "\x00none", None)
                # rows of this partition that incoming rows replace (possibly moving elsewhere)
                moved_out = holders.get(part, set())
                stored_all = old[old["_key"].isin(moved_out | set(new["_key"]))]
                keep_old = old[~old["_key"].isin(moved_out | set(new["_key"]))]
                # previous version of each incoming key, wherever it lived
                prev = self._previous_versions(new, stored_all, holders, part, current, t)
                merged, a, u, _s = _merge_rows(new, prev, t)
                added, updated = added + a, updated + u
                out = pd.concat([keep_old, merged], ignore_index=True) if len(keep_old) else merged
                if u == 0 and a == 0 and not (moved_out - set(new["_key"])):
                    continue  # nothing changes in this file
                if len(out) == 0:
                    w.drop(table, part)  # the partition is emptied
                    continue
                sort_cols = [c for c in ([t.partition_by] if t.partition_by else []) + list(t.primary_key) if c in out]
                out = out.sort_values(sort_cols, kind="stable", na_position="last")
                w.write(table, part, to_arrow(out, table), row_group_size=131072)
            # skipped = unchanged rows + duplicates inside the file itself
            res.rows_added, res.rows_updated, res.rows_skipped = added, updated, res.rows_read - added - updated

    def _write_first(self, table: str, t: Table, superseded: set[int], parts: set[str], w: _Writer) -> int:
        """The first rows of a table, column-wise in Arrow: the staged rows (the last of each
        key), each partition sorted as the merge sorts it, written with the pandas metadata the
        merge's frame would give. Returns the number of rows written."""
        staged = self._staged(table)
        if superseded:
            staged = staged.filter(pc.invert(pc.is_in(staged["_seq"], value_set=pa.array(sorted(superseded), pa.int64()))))
        head = staged.slice(0, 10_000).to_pandas()
        meta = to_arrow(head, table).schema.metadata
        sort_cols = [c for c in ([t.partition_by] if t.partition_by else []) + list(t.primary_key)]
        # one sort of every row by (partition, then as the merge sorts a partition): each partition is
        # then a slice, and the rows are copied once (pandas' stable sort with NaN last = Arrow's with
        # nulls at the end; the key makes the order total)
        names = sorted(parts)
        enc = pc.dictionary_encode(staged["_part"]).combine_chunks()
        rank_of = np.array([names.index(v) for v in enc.dictionary.to_pylist()], dtype=np.int32)
        rank = rank_of[enc.indices.to_numpy(zero_copy_only=False)]
        order = pc.sort_indices(pa.table({"_rank": rank, **{c: staged[c].combine_chunks() for c in sort_cols}}),
                                sort_keys=[("_rank", "ascending", "at_end")] + [(c, "ascending", "at_end") for c in sort_cols])
        order_np = order.to_numpy().astype(np.int64)
        batches = staged.select(list(t.columns)).to_batches()  # aligned, zero-copy
        del staged, order
        first_row = np.cumsum([0] + [b.num_rows for b in batches])
        counts = np.bincount(rank, minlength=len(names))
        start = 0
        for part, n in zip(names, counts.tolist(), strict=True):
            w.write(table, part, _gather(batches, first_row, order_np[start : start + n]).cast(t.schema).replace_schema_metadata(meta),
                    row_group_size=131072)
            start += n
        return int(first_row[-1])

    def _previous_versions(
        self, new: pd.DataFrame, stored_here: pd.DataFrame, holders: dict[str, set[str]], part: str, current: dict[str, Path], t: Table
    ) -> pd.DataFrame:
        keys = set(new["_key"])
        frames = [stored_here[stored_here["_key"].isin(keys)]]
        for other, ks in holders.items():
            if other == part or not (ks & keys):
                continue
            of = pq.read_table(current[other]).to_pandas()
            of["_key"] = _key_frame(of, t)
            frames.append(of[of["_key"].isin(ks & keys)])
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else stored_here.iloc[0:0]

    def commit(self, fmt: str, sha256: str | None, digest: str | None = None, file_digest: str | None = None) -> dict[str, WriteResult]:
        """Publish every upsert and the import log in one manifest switch. ``digest`` (see
        :func:`unchanged_import`) records which partition files hold this file's rows, so
        importing the same file again can be recognised without parsing it; ``file_digest``
        (:func:`connectors.reimport.file_digest`) maps to it, for the check without detection."""
        ws = workspace_dir(self.root, self.workspace)
        root_existed, ws_existed = self.root.exists(), ws.exists()
        ok = False
        try:
            with workspace_lock(self.root, self.workspace):
                recover(self.root, self.workspace)
                cur = _current(self.root, self.workspace)
                w = _Writer(self.root, self.workspace, cur)
                try:
                    self._prepare(cur, w)
                    self._prepare_log(cur, w, fmt, sha256)
                    if digest:
                        w.digests.pop(digest, None)  # newest last (the oldest are dropped first)
                        w.digests[digest] = {
                            table: {"rows_read": r.rows_read,
                                    "parts": {p: w.tables.get(table, {}).get(p) for p in sorted(self._landed.get(table, ()))}}
                            for table, r in self.results.items()
                        }
                        if file_digest:
                            w.files.pop(file_digest, None)
                            w.files[file_digest] = {"digest": digest, "format": fmt}
                    w.publish({"action": "import", "file_name": Path(self.file_name).name, "format": fmt,
                               "committed_at": self.now.isoformat()})
                except BaseException:
                    w.discard()
                    raise
            ok = True
        finally:
            self.abort()
            if not ok:  # leave no trace of a failed commit
                for d, existed in ((ws, ws_existed), (self.root, root_existed)):
                    if not existed and d.exists():
                        for sub in (d / LOCK_DIR, d / TMP_DIR):
                            if sub.is_dir():
                                shutil.rmtree(sub, ignore_errors=True)
                        _rmdir_if_empty(d)
        return self.results

    def _prepare_log(self, cur: dict[str, Any], w: _Writer, fmt: str, sha256: str | None) -> None:
        """Log the import unless it is a re-import of a known file that changed nothing.
        The log is part of the same commit as the data: both or neither."""
        log_file = cur.get("tables", {}).get("imports", {}).get("all")
        tdir = table_dir(self.root, self.workspace, "imports")
        old = pq.read_table(_locate(tdir, log_file)).to_pandas() if log_file else empty_frame("imports")
        if not w.changed and sha256 and (old["sha256"] == sha256).any():
            return
        if not self.results:
            return
        import_id = uuid.uuid4().hex[:16]
        rows = [
            {
                "import_id": import_id,
                "file_name": Path(self.file_name).name,
                "sha256": sha256,
                "format": fmt,
                "table": r.table,
                "rows_read": r.rows_read,
                "rows_added": r.rows_added,
                "rows_updated": r.rows_updated,
                "rows_skipped": r.rows_skipped,
                "imported_at": self.now,
            }
            for r in self.results.values()
        ]
        new = conform(pd.DataFrame(rows), "imports", self.file_name, self.now)
        out = pd.concat([old, new], ignore_index=True) if len(old) else new
        w.write("imports", "all", to_arrow(out, "imports"))


def unchanged_import(root: Path, workspace: str, digest: str) -> dict[str, int] | None:
    """``{table: rows_read}`` when importing the file of ``digest`` again would change nothing,
    else None (then the import runs in full).

    The digest (:func:`connectors.importer.import_digest`) covers the file's bytes and everything
    else that decides the stored rows (format, time zone, account, mapping, scorer settings).
    Its commit recorded the partition files that hold the file's rows; files are never modified
    in place (a change writes a new ``<part>.vN.parquet``), so when the committed version still
    lists exactly those files, every row of the file is stored as that import left it - a
    stronger check than the presence of its keys."""
    m = read_manifest(root, workspace)
    rec = (m or {}).get("import_digests", {}).get(digest)
    if not rec:
        return None
    if any(table not in TABLES for table in rec):
        return None
    return parts_current(m, rec)


def _replace(src: Path, dst: Path, attempts: int = 50) -> None:
    """``os.replace``, retried briefly on Windows, where a file a reader has open cannot be
    replaced for that moment (POSIX never raises here)."""
    for i in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or i == attempts - 1:
                raise
            time.sleep(0.02)


def _tidy(fn: Callable[[], Any]) -> None:
    """A tidying step after the commit point: a file a reader still has open (Windows) stays
    where it is; the next writer's :func:`recover` finishes the job."""
    with contextlib.suppress(PermissionError):
        fn()


def _rmdir_if_empty(d: Path) -> None:
    with contextlib.suppress(OSError):
        d.rmdir()


def _new_spill_dir(root: Path) -> tuple[Path, Any]:
    """A private folder under ``<root>/.tmp`` and the lock that says its owner is alive."""
    base = Path(root) / TMP_DIR
    for _ in range(20):
        base.mkdir(parents=True, exist_ok=True)
        name = f"spill-{uuid.uuid4().hex[:16]}"
        lock = filelock.FileLock(str(base / f"{name}.lock"), is_singleton=False, thread_local=False)
        try:
            lock.acquire()
        except FileNotFoundError:
            continue  # another import's tidying removed the empty .tmp between mkdir and the lock
        d = base / name
        d.mkdir()  # the lock file keeps .tmp from being removed from here on
        return d, lock
    raise OSError(f"could not create a spill folder in {base}: it keeps being removed")


def _clean_spills(root: Path) -> None:
    """Remove the spill folders of dead processes (their lock is free)."""
    base = Path(root) / TMP_DIR
    if not base.is_dir():
        return
    for d in base.iterdir():
        if d.name.startswith("deleted-"):
            shutil.rmtree(d, ignore_errors=True)
            continue
        if not d.name.startswith("spill-") or d.suffix == ".lock":
            continue
        lock = filelock.FileLock(str(base / f"{d.name}.lock"), is_singleton=False, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            continue  # a live import
        try:
            shutil.rmtree(d, ignore_errors=True)
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                Path(lock.lock_file).unlink()


class _Writer:
    """Builds the next version of a workspace: new files under ``<table>/_new/``, then ONE
    ``os.replace`` of the manifest (:meth:`publish`), then tidying (:func:`_finalise`)."""

    def __init__(self, root: Path, workspace: str, cur: dict[str, Any]):
        self.root, self.workspace, self.cur = Path(root), workspace, cur
        self.version = int(cur.get("version", 0)) + 1
        self.tables = {t: dict(files) for t, files in cur.get("tables", {}).items()}
        self.written: list[Path] = []
        self.changed = False
        # digest of an imported file -> the partition files its rows landed in (last KEEP_DIGESTS)
        self.digests: dict[str, Any] = dict(cur.get("import_digests") or {})
        # file digest (connectors.reimport) -> {"digest", "format"}: the re-import check without parsing
        self.files: dict[str, Any] = dict(cur.get("import_files") or {})

    def write(self, table: str, part: str, data: pa.Table, **kw: Any) -> None:
        tdir = table_dir(self.root, self.workspace, table)
        name = f"{part}.v{self.version}.parquet"
        p = tdir / NEW_DIR / name
        p.parent.mkdir(parents=True, exist_ok=True)
        self.written.append(p)
        _checkpoint("write-file")
        pq.write_table(data, p, compression="zstd", **kw)
        self.tables.setdefault(table, {})[part] = name
        self.changed = True

    def drop(self, table: str, part: str) -> None:
        self.tables.get(table, {}).pop(part, None)
        self.changed = True

    def discard(self) -> None:
        for p in self.written:
            with contextlib.suppress(OSError):
                p.unlink()
            _rmdir_if_empty(p.parent)
            _rmdir_if_empty(p.parent.parent)

    def publish(self, info: dict[str, Any], force: bool = False) -> bool:
        """Commit: write the history entry, then replace the manifest (the commit point)."""
        if not (self.changed or force):
            return False
        ws = workspace_dir(self.root, self.workspace)
        m = {"format": MANIFEST_FORMAT, "version": self.version, **info,
             "tables": {t: dict(sorted(f.items())) for t, f in sorted(self.tables.items()) if f}}
        if self.digests:
            m["import_digests"] = dict(list(self.digests.items())[-KEEP_DIGESTS:])
        if self.files:
            m["import_files"] = dict(list(self.files.items())[-KEEP_DIGESTS:])
        data = json.dumps(m, ensure_ascii=False, indent=1).encode("utf-8")
        (ws / HISTORY).mkdir(parents=True, exist_ok=True)
        if self.version == 1 and not (ws / HISTORY / f"{0:08d}.json").exists():
            base = {"format": MANIFEST_FORMAT, "version": 0, "action": "start", "tables": self.cur.get("tables", {})}
            _atomic_write_bytes(ws / HISTORY / f"{0:08d}.json", json.dumps(base, indent=1).encode("utf-8"))
        _checkpoint("history")
        _atomic_write_bytes(ws / HISTORY / f"{self.version:08d}.json", data)
        _checkpoint("manifest")
        _atomic_write_bytes(ws / MANIFEST, data)  # <- the commit
        _checkpoint("committed")
        _finalise(self.root, self.workspace, m)
        return True


def _retained(root: Path, workspace: str, current: int) -> list[dict[str, Any]]:
    hist = workspace_dir(root, workspace) / HISTORY
    out = []
    if hist.is_dir():
        for p in sorted(hist.glob("*.json")):
            with contextlib.suppress(ValueError):
                v = int(p.stem)
                if v > current:  # written by a commit that never happened
                    _checkpoint("drop-history")
                    p.unlink()
                elif v <= current - KEEP_VERSIONS:
                    p.unlink()
                else:
                    m = _read_json(p)
                    if m:
                        out.append(m)
    return out


def _finalise(root: Path, workspace: str, m: dict[str, Any]) -> None:
    """Bring the files in line with the committed manifest ``m``: its files in place,
    superseded files of kept versions in ``_old/``, everything else deleted. Idempotent;
    the next writer re-runs it after a crash (:func:`recover`)."""
    ws = workspace_dir(root, workspace)
    kept = _retained(root, workspace, int(m.get("version", 0)))
    for table in TABLES:
        tdir = ws / table
        if not tdir.is_dir():
            continue
        current = set(m.get("tables", {}).get(table, {}).values())
        older = {n for h in kept for n in h.get("tables", {}).get(table, {}).values()}
        for name in sorted(current):  # current files in place (from _new, or back from _old after an undo)
            for src in (tdir / NEW_DIR / name, tdir / OLD_DIR / name):
                if src.exists() and not (tdir / name).exists():
                    _checkpoint("place")
                    os.replace(src, tdir / name)  # not _tidy: a current file must be in place
        for p in sorted(tdir.glob("*.parquet")):  # superseded: keep for undo, or delete
            if p.name in current:
                continue
            _checkpoint("retire")
            if p.name in older:
                (tdir / OLD_DIR).mkdir(exist_ok=True)
                _tidy(lambda p=p, dst=tdir / OLD_DIR / p.name: os.replace(p, dst))
            else:
                _tidy(p.unlink)
        for sub, keep in ((NEW_DIR, set()), (OLD_DIR, older - current)):
            d = tdir / sub
            if d.is_dir():
                for p in d.iterdir():
                    if p.name not in keep:
                        _tidy(p.unlink) if p.is_file() else shutil.rmtree(p, ignore_errors=True)
                _rmdir_if_empty(d)
        for p in tdir.glob(".tmp-*"):
            _tidy(p.unlink)
        _rmdir_if_empty(tdir)


def recover(root: Path, workspace: str) -> None:
    """Called under the write lock before every change: finish a commit that was
    interrupted after its manifest switch, discard one interrupted before it, remove the
    staging/spill folders of killed imports, and migrate a store written before manifests
    (its files become version 0, unchanged)."""
    ws = workspace_dir(root, workspace)
    _clean_spills(root)
    if not ws.is_dir():
        return
    for p in ws.glob(".staging-*"):  # left by versions before manifests
        shutil.rmtree(p, ignore_errors=True)
    for p in list(ws.glob(".tmp-*")) + list((ws / "_config").glob(".tmp-*")):
        with contextlib.suppress(OSError):
            p.unlink()
    m = read_manifest(root, workspace)
    if m is None:
        has_new = any((ws / t / NEW_DIR).is_dir() for t in TABLES)
        if not has_new and not (ws / HISTORY).is_dir():
            return  # legacy store (or empty): read as is; the first commit writes the manifest
        m = {"version": 0, "tables": {}} if not any((ws / t).glob("*.parquet") for t in TABLES if (ws / t).is_dir()) else _legacy_manifest(root, workspace)
    _finalise(root, workspace, m)


def undo_last(root: Path, workspace: str) -> dict[str, Any] | None:
    """Restore the version before the last commit (an import, a deletion or an undo),
    as a new version - so an undo can itself be undone. Returns the undone version's
    description, or None when there is no earlier version kept."""
    with workspace_lock(root, workspace):
        recover(root, workspace)
        cur = read_manifest(root, workspace)
        if not cur:
            return None
        v = int(cur["version"])
        prev = _read_json(workspace_dir(root, workspace) / HISTORY / f"{v - 1:08d}.json")
        if prev is None:
            return None
        w = _Writer(root, workspace, cur)
        w.tables = {t: dict(f) for t, f in prev.get("tables", {}).items()}
        w.publish({"action": "undo", "undo_of": v, "file_name": cur.get("file_name"), "format": cur.get("format"),
                   "committed_at": dt.datetime.now(dt.UTC).isoformat()}, force=True)
        return {k: cur.get(k) for k in ("version", "action", "file_name", "format", "committed_at")}


def _merge_rows(new: pd.DataFrame, prev: pd.DataFrame, t: Table) -> tuple[pd.DataFrame, int, int, int]:
    """Merge incoming rows with their stored versions.

    Returns (rows to store, added, updated, skipped). A stored value is kept where the
    incoming one is null. Table rules: for ``posts`` an older export (``as_of`` before the
    stored one) never overwrites a newer one; for ``mentions`` a manual sentiment label
    always wins over an export or model label (a newer manual label replaces it).
    """
    if not len(prev):
        return new.drop(columns=["_part", "_seq"], errors="ignore"), len(new), 0, 0
    prev = prev.set_index("_key")
    new = new.drop(columns=["_part", "_seq"], errors="ignore").set_index("_key")
    both = new.index.intersection(prev.index)
    fresh = new.loc[new.index.difference(prev.index)]
    cols = list(t.columns)
    n_new = new.loc[both, cols]
    p_old = prev.loc[both, cols]
    merged = n_new.copy()
    for c in t.columns:
        if t.keep_stored_when_null:
            merged[c] = n_new[c].where(n_new[c].notna(), p_old[c])
    if t.name == "posts" and len(both):
        older = n_new["as_of"].notna() & p_old["as_of"].notna() & (n_new["as_of"] < p_old["as_of"])
        for c in t.columns:  # column by column: pandas fails on frame-valued .loc with sparse Int64 columns
            merged.loc[older, c] = p_old.loc[older, c]
    if t.name == "mentions" and len(both):
        # a stored manual label wins over export/model labels; a newer manual label corrects it
        manual = (p_old["sentiment_origin"] == "manual").fillna(False).astype(bool)
        manual &= ~(n_new["sentiment_origin"] == "manual").fillna(False).astype(bool)
        for c in ("sentiment_label", "sentiment_score", "sentiment_origin"):
            merged.loc[manual, c] = p_old.loc[manual, c]
    compare = [c for c in t.columns if c not in META_COLUMNS]
    same = _rows_equal(merged[compare], p_old[compare])
    # unchanged rows are stored exactly as they were
    for c in t.columns:  # column by column (see above)
        merged.loc[same, c] = p_old.loc[same, c]
    u = int((~same).sum())
    s = int(same.sum())
    out = pd.concat([fresh, merged]).reset_index()
    return out, len(fresh), u, s


def _rows_equal(a: pd.DataFrame, b: pd.DataFrame) -> pd.Series:
    eq = pd.Series(True, index=a.index)
    for c in a.columns:
        x, y = a[c], b[c]
        both_na = x.isna() & y.isna()
        try:
            same = (x == y).fillna(False).astype(bool)
        except TypeError:
            same = x.astype("string") == y.astype("string")
            same = same.fillna(False).astype(bool)
        eq &= same | both_na
    return eq


@contextlib.contextmanager
def transaction(root: Path, workspace: str, file_name: str = "<data>", now: dt.datetime | None = None) -> Iterator[Transaction]:
    """``with transaction(root, ws, file) as tx: tx.upsert(...)``; commit with ``tx.commit(fmt, sha)``.

    If the block raises, nothing is written."""
    root = Path(root)
    tx = Transaction(root=root, workspace=workspace, file_name=file_name, now=now or dt.datetime.now(dt.UTC))
    try:
        yield tx
    finally:
        tx.abort()


def write_frames(
    root: Path,
    workspace: str,
    frames: Iterable[tuple[str, pd.DataFrame]],
    fmt: str = "api",
    file_name: str = "<data>",
    sha256: str | None = None,
    now: dt.datetime | None = None,
) -> dict[str, WriteResult]:
    """Validate, deduplicate and write ``(table, frame)`` pairs in one atomic commit."""
    with transaction(root, workspace, file_name, now) as tx:
        for table, df in frames:
            tx.upsert(table, df)
        return tx.commit(fmt, sha256)


def all_tables() -> tuple[str, ...]:
    return DATA_TABLES + (IMPORTS.name,)


def delete_rows(root: Path, workspace: str, table: str, keys: pd.DataFrame, only_format: str | None = None) -> int:
    """Delete the rows of ``table`` whose primary key is in ``keys`` (a frame with the key
    columns), optionally only those whose ``source_format`` is ``only_format`` (e.g. the costs
    entered by hand). Same lock and one-replace commit as :class:`Transaction` (and undoable
    with :func:`undo_last`); returns the number of rows removed. Nothing is touched when no
    row matches."""
    t = TABLES[table]
    root = Path(root)
    if not len(keys):
        return 0
    k = keys.reindex(columns=list(t.primary_key)).reset_index(drop=True)
    lines = pd.Series(range(1, len(k) + 1), index=k.index)
    k = pd.DataFrame({c: _coerce(k[c], t.columns[c], c, lines, "<delete>") for c in t.primary_key})
    want = set(_key_frame(k, t))
    removed = 0
    with workspace_lock(root, workspace):
        recover(root, workspace)
        cur = _current(root, workspace)
        w = _Writer(root, workspace, cur)
        try:
            for part, f in _table_entries(root, workspace, table):
                df = pq.read_table(f).to_pandas()
                hit = _key_frame(df, t).isin(want)
                if only_format is not None and "source_format" in df.columns:
                    hit &= (df["source_format"].astype("string") == only_format).fillna(False)
                n = int(hit.sum())
                if not n:
                    continue
                rest = df[~hit.to_numpy(dtype=bool)]
                if len(rest):
                    w.write(table, part, to_arrow(rest, table))
                else:
                    w.drop(table, part)
                removed += n
            w.publish({"action": "delete", "file_name": None, "format": table, "committed_at": dt.datetime.now(dt.UTC).isoformat()})
        except BaseException:
            w.discard()
            raise
    return removed
