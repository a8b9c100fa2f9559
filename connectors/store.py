"""The Parquet store: where it is, how it is read, and the only code that writes it.

Layout::

    <root>/<workspace>/<table>/<YYYY-MM>.parquet   (tables partitioned by month)
    <root>/<workspace>/<table>/all.parquet         (small tables)
    <root>/<workspace>/<table>/undated.parquet     (rows whose partition date is null)
    <root>/<workspace>/_config/<name>.json         (goals, journal, mappings, settings)

``pandas.read_parquet("<root>/<workspace>/<table>")`` returns the table: every file of
a table is written with the same Arrow schema (``connectors.schema``). Readers ignore
names starting with ``.`` or ``_`` (pyarrow's default), which is where staging and
configuration live.

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
* **atomic** - new files are written to ``<root>/<workspace>/.staging-*`` and moved in
  place with ``os.replace`` only when every table of the import has been written.
* **serialised** - a per-workspace file lock (outside the store) orders concurrent
  writers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from connectors.errors import ImportFailure
from connectors.schema import DATA_TABLES, IMPORTS, TABLES, Table

PROJECT_DIR = Path(__file__).resolve().parent.parent
WORKSPACE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
# columns that describe the row's provenance: a difference there alone is not an update
META_COLUMNS = ("as_of", "source_format")
LINE_COL = "_line"


# --------------------------------------------------------------------------- location


def resolve_root(store: str | os.PathLike[str] | None = None) -> Path:
    """Store root: ``store`` argument, else ``$BOUSSOLE_STORE``, else ``<project>/data``."""
    if store:
        return Path(store).expanduser().resolve()
    env = os.environ.get("BOUSSOLE_STORE")
    if env:
        return Path(env).expanduser().resolve()
    return PROJECT_DIR / "data"


def check_workspace_name(name: str) -> str:
    if not isinstance(name, str) or not WORKSPACE_RE.match(name) or name in (".", ".."):
        raise ValueError(
            f"invalid workspace name {name!r}: use 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    return name


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
    with workspace_lock(root, old):
        os.replace(src, dst)


def delete_workspace(root: Path, workspace: str) -> None:
    d = workspace_dir(root, workspace)
    if not d.is_dir():
        raise FileNotFoundError(f"no workspace {workspace!r}")
    with workspace_lock(root, workspace):
        trash = d.with_name(f".deleted-{workspace}-{uuid.uuid4().hex[:8]}")
        os.replace(d, trash)  # disappears atomically for readers
        shutil.rmtree(trash, ignore_errors=True)


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def workspace_lock(root: Path, workspace: str) -> Iterator[None]:
    """Exclusive lock per workspace. The lock file lives in the temp dir, never in the store."""
    key = hashlib.sha256(str(workspace_dir(Path(root).resolve(), workspace)).encode()).hexdigest()[:24]
    lock_dir = Path(tempfile.gettempdir()) / "boussole-locks"
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / f"{key}.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# --------------------------------------------------------------------------- reading


def empty_frame(table: str, columns: list[str] | None = None) -> pd.DataFrame:
    t = TABLES[table]
    schema = t.schema if columns is None else pa.schema([t.schema.field(c) for c in columns])
    return schema.empty_table().to_pandas()


def table_files(root: Path, workspace: str, table: str) -> list[Path]:
    d = table_dir(root, workspace, table)
    if not d.is_dir():
        return []
    return sorted(p for p in d.glob("*.parquet") if not p.name.startswith((".", "_")))


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
    partition date lies in ``[start, end]`` (inclusive). Files outside the range are not opened."""
    t = TABLES[table]
    files = table_files(root, workspace, table)
    if columns is not None:
        unknown = [c for c in columns if c not in t.columns]
        if unknown:
            raise KeyError(f"unknown column(s) {unknown} in table {table!r}")
    pcol = t.partition_by
    flt = list(filters or [])
    if pcol and (start or end):
        files = [f for f in files if _file_in_range(f, start, end)]
        if start:
            flt.append((pcol, ">=", _bound(t, pcol, start, False)))
        if end:
            flt.append((pcol, "<" if t.columns[pcol] == pa.timestamp("us", tz="UTC") else "<=", _bound(t, pcol, end, True)))
    if not files:
        return empty_frame(table, columns)
    ds_tbl = pq.read_table([str(f) for f in files], columns=columns, filters=flt or None, schema=t.schema)
    return ds_tbl.to_pandas()


def _bound(t: Table, col: str, d: dt.date, upper: bool) -> Any:
    if t.columns[col] == pa.timestamp("us", tz="UTC"):
        day = d + dt.timedelta(days=1) if upper else d
        return pd.Timestamp(day, tz="UTC").to_pydatetime()
    return d


def _file_in_range(f: Path, start: dt.date | None, end: dt.date | None) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", f.stem)
    if not m:
        return f.stem != "undated"
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    return not ((start and last < start) or (end and first > end))


def table_stats(root: Path, workspace: str, table: str) -> dict[str, Any]:
    """Row count from Parquet metadata (no data read)."""
    files = table_files(root, workspace, table)
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return {"rows": rows, "files": len(files), "bytes": sum(f.stat().st_size for f in files)}


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
    p = config_path(root, workspace, name)
    p.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write_bytes(p, json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8"))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
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
        elif pa.types.is_timestamp(typ) and col != "as_of":
            bad = s.notna() & (s > pd.Timestamp(now) + pd.Timedelta(days=1))
        else:
            continue
        if bad.any():
            i = bad.idxmax()
            raise ImportFailure(
                file_name, "date in the future", int(lines[i]), label(col), f"a date no later than {limit_day}", str(s[i]), code="future"
            )
    res[LINE_COL] = lines.astype("int64").to_numpy()
    return res


def _coerce(s: pd.Series, typ: pa.DataType, col: str, lines: pd.Series, file_name: str) -> pd.Series:
    try:
        if pa.types.is_string(typ):
            return s.astype("object").where(s.notna(), None).map(lambda v: v if v is None else str(v)).astype("string")
        if pa.types.is_integer(typ):
            num = pd.to_numeric(s, errors="coerce")
            bad = s.notna() & (num.isna() | (num.notna() & (num % 1 != 0)))
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a whole number", int(lines[i]), col, "a whole number", str(s[i]), code="number")
            return num.astype("Int64")
        if pa.types.is_floating(typ):
            num = pd.to_numeric(s, errors="coerce")
            bad = s.notna() & num.isna()
            if bad.any():
                i = bad.idxmax()
                raise ImportFailure(file_name, "not a number", int(lines[i]), col, "a number", str(s[i]), code="number")
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


def _key_frame(df: pd.DataFrame, t: Table) -> pd.Series:
    """One hashable key per row; nulls in key columns are a value of their own."""
    parts = [df[c].astype("string").fillna("\x00") for c in t.primary_key]
    key = parts[0]
    for p in parts[1:]:
        key = key + "\x1f" + p
    # plain Python strings: hash-table isin/sets are much faster than on Arrow strings
    return key.astype(object)


@dataclass
class Transaction:
    """Stage upserts into several tables of one workspace; commit moves them in place.

    Use through :func:`transaction`. ``upsert`` may be called several times per table
    (chunks); rows are merged at commit time, partition by partition.
    """

    root: Path
    workspace: str
    file_name: str = "<data>"
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    _spill: dict[str, list[Path]] = field(default_factory=dict)
    _spill_dir: Path | None = None
    _seq: int = 0
    _stage_dir: Path | None = None
    results: dict[str, WriteResult] = field(default_factory=dict)

    def upsert(self, table: str, df: pd.DataFrame) -> None:
        """Validate a chunk and spill it to a private temp dir (outside the store), so
        memory stays bounded by one chunk plus one partition at commit time."""
        if table == "imports":
            raise ValueError("the import log is written by the transaction itself")
        t = TABLES[table]
        conformed = conform(df, table, self.file_name, self.now)
        self.results.setdefault(table, WriteResult(table)).rows_read += len(conformed)
        if not len(conformed):
            return
        conformed["_key"] = _key_frame(conformed, t)
        pvals = conformed[t.partition_by] if t.partition_by else pd.Series([None] * len(conformed))
        conformed["_part"] = [_partition_name(t, v) for v in pvals]
        conformed["_seq"] = np.arange(self._seq, self._seq + len(conformed), dtype="int64")
        self._seq += len(conformed)
        if self._spill_dir is None:
            self._spill_dir = Path(tempfile.mkdtemp(prefix="boussole-spill-"))
        path = self._spill_dir / f"{table}-{len(self._spill.get(table, [])):05d}.parquet"
        cols = list(t.columns) + [LINE_COL, "_key", "_part", "_seq"]
        schema = t.schema.append(pa.field(LINE_COL, pa.int64())).append(pa.field("_key", pa.string()))
        schema = schema.append(pa.field("_part", pa.string())).append(pa.field("_seq", pa.int64()))
        # sorted by partition in small row groups, so commit reads each partition's rows only
        chunk = conformed[cols].sort_values(["_part", "_seq"], kind="stable")
        pq.write_table(pa.Table.from_pandas(chunk, schema=schema, preserve_index=False), path, row_group_size=16384)
        self._spill.setdefault(table, []).append(path)

    def touch(self, table: str) -> None:
        """Declare a table read from the file even if it yielded no rows (header-only export)."""
        self.results.setdefault(table, WriteResult(table))

    def abort(self) -> None:
        if self._spill_dir is not None:
            shutil.rmtree(self._spill_dir, ignore_errors=True)
            self._spill_dir = None

    # -- commit

    def _incoming(self, table: str, part: str | None, superseded: set[int] | None) -> pd.DataFrame:
        import pyarrow.compute as pc
        import pyarrow.dataset as pads

        dset = pads.dataset([str(p) for p in self._spill[table]], format="parquet")
        flt = (pc.field("_part") == part) if part is not None else None
        df = dset.to_table(filter=flt).to_pandas()
        df["_key"] = df["_key"].astype(object)
        if superseded:
            df = df[~df["_seq"].isin(superseded)]
        return df

    def _prepare(self) -> list[tuple[Path, Path | None]]:
        """Write every new file to staging; return (staged, target) moves (staged Path() = delete)."""
        ws = workspace_dir(self.root, self.workspace)
        self._stage_dir = ws / f".staging-{uuid.uuid4().hex[:12]}"
        moves: list[tuple[Path, Path | None]] = []
        for table, paths in self._spill.items():
            if not paths:
                continue
            t = TABLES[table]
            res = self.results[table]
            # last occurrence of each key wins, even across partitions
            idx = pq.read_table([str(p) for p in paths], columns=["_key", "_seq", "_part"]).to_pandas() if len(paths) > 1 else pq.read_table(paths[0], columns=["_key", "_seq", "_part"]).to_pandas()
            idx = idx.sort_values("_seq")
            dup = idx["_key"].duplicated(keep="last")
            superseded = set(idx.loc[dup, "_seq"].tolist())  # usually empty
            idx = idx[~dup]
            inkeys = set(idx["_key"].tolist())
            incoming_parts = set(idx["_part"].tolist())
            del idx
            tdir = table_dir(self.root, self.workspace, table)
            existing_files = table_files(self.root, self.workspace, table)
            # where do incoming keys already live? (reads only key columns)
            holders: dict[str, set[str]] = {}
            for f in existing_files:
                kf = pq.read_table(f, columns=list(t.primary_key)).to_pandas()
                found = set(_key_frame(kf, t)) & inkeys if len(kf) else set()
                if found:
                    holders[f.stem] = found
            parts = incoming_parts | set(holders)
            added = updated = skipped = 0
            for part in sorted(parts):
                target = tdir / f"{part}.parquet"
                old = pq.read_table(target).to_pandas() if target.exists() else empty_frame(table)
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
                prev = self._previous_versions(new, stored_all, holders, part, tdir, t)
                merged, a, u, s = _merge_rows(new, prev, t)
                added, updated, skipped = added + a, updated + u, skipped + s
                out = pd.concat([keep_old, merged], ignore_index=True) if len(keep_old) else merged
                if u == 0 and a == 0 and not (moved_out - set(new["_key"])):
                    continue  # nothing changes in this file
                if len(out) == 0:
                    moves.append((Path(), target))  # delete the emptied file
                    continue
                sort_cols = [c for c in ([t.partition_by] if t.partition_by else []) + list(t.primary_key) if c in out]
                out = out.sort_values(sort_cols, kind="stable", na_position="last")
                staged = self._stage_dir / table / f"{part}.parquet"
                staged.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(to_arrow(out, table), staged, compression="zstd", row_group_size=131072)
                moves.append((staged, target))
            # skipped = unchanged rows + duplicates inside the file itself
            res.rows_added, res.rows_updated, res.rows_skipped = added, updated, res.rows_read - added - updated
        return moves

    def _previous_versions(
        self, new: pd.DataFrame, stored_here: pd.DataFrame, holders: dict[str, set[str]], part: str, tdir: Path, t: Table
    ) -> pd.DataFrame:
        keys = set(new["_key"])
        frames = [stored_here[stored_here["_key"].isin(keys)]]
        for other, ks in holders.items():
            if other == part or not (ks & keys):
                continue
            of = pq.read_table(tdir / f"{other}.parquet").to_pandas()
            of["_key"] = _key_frame(of, t)
            frames.append(of[of["_key"].isin(ks & keys)])
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else stored_here.iloc[0:0]

    def commit(self, fmt: str, sha256: str | None) -> dict[str, WriteResult]:
        ws = workspace_dir(self.root, self.workspace)
        root_existed, ws_existed = self.root.exists(), ws.exists()
        with workspace_lock(self.root, self.workspace):
            ok = False
            try:
                moves = self._prepare()
                log_move = self._prepare_log(fmt, sha256, bool(moves))
                if log_move:
                    moves.append(log_move)
                for staged, target in moves:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if staged == Path():
                        target.unlink()
                    else:
                        os.replace(staged, target)
                ok = True
            finally:
                self.abort()
                if self._stage_dir is not None:
                    shutil.rmtree(self._stage_dir, ignore_errors=True)
                if not ok:  # leave no trace of a failed commit
                    for d, existed in ((ws, ws_existed), (self.root, root_existed)):
                        if not existed and d.exists() and not any(d.iterdir()):
                            d.rmdir()
        return self.results

    def _prepare_log(self, fmt: str, sha256: str | None, changed: bool) -> tuple[Path, Path] | None:
        """Log the import unless it is a re-import of a known file that changed nothing."""
        log_target = table_dir(self.root, self.workspace, "imports") / "all.parquet"
        old = pq.read_table(log_target).to_pandas() if log_target.exists() else empty_frame("imports")
        if not changed and sha256 and (old["sha256"] == sha256).any():
            return None
        if not self.results:
            return None
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
        assert self._stage_dir is not None
        staged = self._stage_dir / "imports" / "all.parquet"
        staged.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(to_arrow(out, "imports"), staged, compression="zstd")
        return staged, log_target


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
    entered by hand). Same lock and atomic replace as :class:`Transaction`; returns the
    number of rows removed. Nothing is touched when no row matches."""
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
        for f in table_files(root, workspace, table):
            df = pq.read_table(f).to_pandas()
            hit = _key_frame(df, t).isin(want)
            if only_format is not None and "source_format" in df.columns:
                hit &= (df["source_format"].astype("string") == only_format).fillna(False)
            n = int(hit.sum())
            if not n:
                continue
            rest = df[~hit.to_numpy(dtype=bool)]
            if len(rest):
                fd, tmp = tempfile.mkstemp(dir=f.parent, prefix=".tmp-", suffix=".parquet")
                os.close(fd)
                try:
                    pq.write_table(to_arrow(rest, table), tmp, compression="zstd")
                    os.replace(tmp, f)
                except BaseException:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(tmp)
                    raise
            else:
                f.unlink()
            removed += n
    return removed
