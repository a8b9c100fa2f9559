"""Derived files: work that depends only on a table's committed files, kept on disk in the store's
cache folder (``<store>/.cache/<workspace>/``, outside the workspace's own folder: reading a
workspace never changes it) so that a new server process, or a page whose in-memory caches were
dropped, reads the result instead of redoing it.

A derived file is named after a *key*: a hash of the table's committed files (name, size and
modification time of each, from the manifest) and of a tag naming the computation and its
version. An import, an undo or a deleted row gives the table other files, hence another key:
a stale file is never read, and it is removed when the new one is written. The file is an Arrow
IPC file (zstd) written to a temporary name and renamed (a reader sees a whole file or none);
text columns are dictionary-encoded. Any failure (a read-only store, a full disk, a damaged file)
falls back to computing the frame: a derived file is never needed, only faster.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from connectors.store import CACHE_DIR, check_workspace_name, table_files

_INDEX = "__index__"


def key(root: Path, workspace: str, table: str, tag: str) -> str:
    """Hash of ``tag`` and of the table's committed files (name, size, modification time)."""
    h = hashlib.sha256(tag.encode())
    for f in table_files(Path(root), workspace, table):
        st = f.stat()
        h.update(f"\0{f.name}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def folder(root: Path, workspace: str) -> Path:
    """Where the workspace's derived files are (removed with the workspace)."""
    return Path(root) / CACHE_DIR / check_workspace_name(workspace)


def _path(root: Path, workspace: str, table: str, tag: str, k: str) -> Path:
    return folder(root, workspace) / f"{table}.{tag}.{k}.arrow"


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    cols: dict[str, pa.Array] = {_INDEX: pa.array(frame.index.to_numpy(dtype=np.int64))}
    for c in frame.columns:
        s = frame[c]
        if s.dtype == object:
            # text columns (str or None only): one copy of each distinct string, codes from
            # pandas (hashing the row objects; converting every row to Arrow text costs 10x)
            codes, uniques = pd.factorize(s, use_na_sentinel=True)
            indices = pa.array(codes.astype(np.int32), mask=codes < 0)
            cols[c] = pa.DictionaryArray.from_arrays(indices, pa.array(np.asarray(uniques, dtype=object), type=pa.string()))
        else:
            cols[c] = pa.array(s.to_numpy())
    return pa.table(cols)


def _dictionary(col: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """A dictionary column as (values with None last, codes with -1 for missing)."""
    col = col.combine_chunks()
    values = np.empty(len(col.dictionary) + 1, dtype=object)
    values[:-1] = col.dictionary.to_pylist()
    values[-1] = None
    return values, col.indices.fill_null(-1).to_numpy(zero_copy_only=False)


def _from_arrow(tbl: pa.Table) -> pd.DataFrame:
    """The frame back, columns in their order; runs of same-typed columns written into one 2-D
    block each (text taken straight from its distinct values into the block; no column copied
    again to consolidate them)."""
    index = pd.Index(tbl[_INDEX].to_numpy().copy())  # no view into the mapped file stays behind
    names = tbl.column_names[1:]
    runs: list[list[str]] = []
    for c in names:
        if runs and tbl[c].type == tbl[runs[-1][0]].type:
            runs[-1].append(c)
        else:
            runs.append([c])
    parts = []
    for run in runs:
        text = pa.types.is_dictionary(tbl[run[0]].type)
        dtype = np.dtype(object) if text else tbl[run[0]].type.to_pandas_dtype()
        block = np.empty((len(run), tbl.num_rows), dtype=dtype)
        for i, c in enumerate(run):
            if text:
                values, codes = _dictionary(tbl[c])
                np.take(values, codes, out=block[i], mode="wrap")  # -1 (missing) wraps to the last value: None
            else:
                block[i] = tbl[c].to_numpy()
        parts.append(pd.DataFrame(block.T, index=index, columns=run, dtype=block.dtype, copy=False))
    if not parts:
        return pd.DataFrame(index=index)
    return pd.concat(parts, axis=1) if len(parts) > 1 else parts[0]


def read(root: Path, workspace: str, table: str, tag: str, k: str | None = None) -> pd.DataFrame | None:
    """The derived frame of ``table``'s committed files for ``tag`` (key ``k`` when already
    computed), or None (none yet, or unreadable)."""
    try:
        p = _path(root, workspace, table, tag, k or key(root, workspace, table, tag))
        if not p.is_file():
            return None
        with pa.memory_map(str(p)) as src:
            return _from_arrow(pa.ipc.open_file(src).read_all())
    except (OSError, pa.ArrowException, ValueError, KeyError, IndexError):
        return None


def write(root: Path, workspace: str, table: str, tag: str, frame: pd.DataFrame, k: str) -> bool:
    """Keep ``frame`` as the derived file of key ``k`` (the key of the files ``frame`` was
    computed from); older files of ``table``/``tag`` are removed. False when it could not be
    written (nothing is left behind)."""
    try:
        d = folder(root, workspace)
        d.mkdir(parents=True, exist_ok=True)
        tbl = _to_arrow(frame)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=".arrow")
        try:
            # zstd: 1M prepared rows take 2 MiB instead of 157, read back as fast
            with os.fdopen(fd, "wb") as fh, pa.ipc.new_file(fh, tbl.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as w:
                w.write_table(tbl)
            os.replace(tmp, _path(root, workspace, table, tag, k))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in d.glob(f"{table}.{tag}.*.arrow"):
            if old.name != _path(root, workspace, table, tag, k).name:
                old.unlink(missing_ok=True)
        return True
    except (OSError, pa.ArrowException, ValueError, TypeError):
        return False


def frame(root: Path, workspace: str, table: str, tag: str, build: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, bool]:
    """The derived frame: read back when its file exists for the table's current files, else
    ``build()`` and kept. Returns ``(frame, read_back)``."""
    try:
        k = key(root, workspace, table, tag)
    except OSError:
        return build(), False
    got = read(root, workspace, table, tag, k)
    if got is not None:
        return got, True
    built = build()
    try:
        same = key(root, workspace, table, tag) == k
    except OSError:
        same = False
    if same:  # not kept when the table changed while it was built (it may hold either version)
        write(root, workspace, table, tag, built, k)
    return built, False
