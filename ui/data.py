"""Cached reads of the store: the IO boundary of the UI.

Pages read through :func:`read` with the columns they need and, for dated tables, the
date range; results are cached (``st.cache_data``) under a *store version* key made of
the modification times of the table's folder and of the import log, so an import, a
demo regeneration or a deleted workspace is seen at once without clearing by hand.
:func:`invalidate` clears everything (the Import and Workspaces pages call it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from connectors import store

TTL_SECONDS = 15 * 60
MAX_ENTRIES = 256


def version(root: Path, workspace: str, table: str) -> tuple[int, int]:
    """Changes whenever a file of ``table`` or the import log is replaced."""

    def mtime(p: Path) -> int:
        try:
            return p.stat().st_mtime_ns
        except OSError:
            return 0

    ws = Path(root) / workspace
    return mtime(ws / table), mtime(ws / "imports" / "all.parquet")


@st.cache_data(ttl=TTL_SECONDS, max_entries=MAX_ENTRIES, show_spinner=False)
def _read(
    root: str,
    workspace: str,
    table: str,
    columns: tuple[str, ...],
    start: dt.date | None,
    end: dt.date | None,
    filters: tuple[tuple[str, str, Any], ...] | None,
    version_key: tuple[int, int],
) -> pd.DataFrame:
    return store.read_table(
        Path(root), workspace, table, list(columns), start, end, [tuple(f) for f in filters] if filters else None
    )


def read(
    table: str,
    columns: list[str] | tuple[str, ...],
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
    ctx=None,
    workspace: str | None = None,
) -> pd.DataFrame:
    """Rows of ``table`` (current workspace unless ``workspace``) with only ``columns``;
    for month-partitioned tables only rows whose partition date is in ``[start, end]``."""
    if ctx is None:
        from ui import context

        ctx = context.get()
    ws = workspace or ctx.workspace
    if not ws:
        return store.empty_frame(table, list(columns))
    v = version(ctx.root, ws, table)
    flt = tuple(tuple(f) for f in filters) if filters else None
    return _read(str(ctx.root), ws, table, tuple(columns), start, end, flt, v)


@st.cache_data(ttl=TTL_SECONDS, max_entries=MAX_ENTRIES, show_spinner=False)
def _stats(root: str, workspace: str, table: str, version_key: tuple[int, int]) -> dict[str, Any]:
    return store.table_stats(Path(root), workspace, table)


def stats(table: str, ctx=None, workspace: str | None = None) -> dict[str, Any]:
    """``{"rows", "files", "bytes"}`` from Parquet metadata (no data read)."""
    if ctx is None:
        from ui import context

        ctx = context.get()
    ws = workspace or ctx.workspace
    if not ws:
        return {"rows": 0, "files": 0, "bytes": 0}
    return _stats(str(ctx.root), ws, table, version(ctx.root, ws, table))


def config(name: str, default: Any = None, ctx=None) -> Any:
    """A workspace configuration document (small JSON: not cached)."""
    if ctx is None:
        from ui import context

        ctx = context.get()
    if not ctx.workspace:
        return default
    return store.load_config(ctx.root, ctx.workspace, name, default)


def save_config(name: str, value: Any, ctx=None) -> None:
    if ctx is None:
        from ui import context

        ctx = context.get()
    store.save_config(ctx.root, ctx.workspace, name, value)


def invalidate() -> None:
    st.cache_data.clear()
