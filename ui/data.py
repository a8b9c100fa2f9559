"""Cached reads of the store: the IO boundary of the UI.

Pages read through :func:`read` with the columns they need and, for dated tables, the
local-day range; the read itself is :func:`connectors.loader.read` (instants read a day
wider, brands attributed through the workspace's brand book), the same as the summary
CLI and the report. Results are cached (``st.cache_data``) under a *store version* key
made of the store's committed version (its manifest), the modification time of the
table's folder and that of the workspace settings, so an import, a demo regeneration, a settings change or a deleted
workspace is seen at once without clearing anything. :func:`invalidate` clears only this
module's caches (never every cache of the app).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from connectors import loader, store
from ui import context, datainfo

TTL_SECONDS = 15 * 60
MAX_ENTRIES = 256
# the columns of the app's one traffic frame (:func:`traffic`)
TRAFFIC_COLS = loader.APP_TRAFFIC_COLS
# the cost columns of the Campaigns and UTM pages' whole-history frame (:func:`shared`)
COST_COLS = [*loader.COST_COLS, "note", "source_format"]


def version(root: Path, workspace: str, table: str) -> tuple[int, int, int]:
    """Changes whenever the store commits (the manifest is replaced), a file of
    ``table`` is replaced (stores written before the manifest) or the workspace settings change."""

    def mtime(p: Path) -> int:
        try:
            return p.stat().st_mtime_ns
        except OSError:
            return 0

    ws = Path(root) / workspace
    # every commit replaces the manifest (one os.replace): its time is the committed version,
    # read with a stat instead of parsing the JSON on every call of every rerun
    return mtime(ws / store.MANIFEST), mtime(ws / table), mtime(ws / "_config" / "workspace.json")


@st.cache_data(ttl=TTL_SECONDS, max_entries=MAX_ENTRIES, show_spinner=False)
def _read(
    root: str,
    workspace: str,
    table: str,
    columns: tuple[str, ...],
    start: dt.date | None,
    end: dt.date | None,
    filters: tuple[tuple[str, str, Any], ...] | None,
    version_key: tuple[int, ...],
) -> pd.DataFrame:
    return loader.read(Path(root), workspace, table, list(columns), start, end, [tuple(f) for f in filters] if filters else None)


def _current(ctx):
    """``ctx``, or the current view's context when none is given."""
    return context.get() if ctx is None else ctx


def read(
    table: str,
    columns: list[str] | tuple[str, ...],
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
    ctx=None,
    workspace: str | None = None,
) -> pd.DataFrame:
    """Rows of ``table`` (current workspace unless ``workspace``) with only ``columns``, for
    local days ``[start, end]`` (rule: :func:`connectors.loader.read`)."""
    ctx = _current(ctx)
    ws = workspace or ctx.workspace
    if not ws:
        return store.empty_frame(table, list(columns))
    v = version(ctx.root, ws, table)
    flt = tuple(tuple(f) for f in filters) if filters else None
    return _read(str(ctx.root), ws, table, tuple(columns), start, end, flt, v)


def fetch(
    table: str,
    columns: list[str] | tuple[str, ...],
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
    ctx=None,
) -> pd.DataFrame:
    """:func:`read` without caching the rows: for large columns (mention texts) read only to
    compute a result that is cached itself (terms of an alert, an entity map, the rows shown),
    so the cache holds what is shown, not every text of the period."""
    ctx = _current(ctx)
    if not ctx.workspace:
        return store.empty_frame(table, list(columns))
    return loader.read(Path(ctx.root), ctx.workspace, table, list(columns), start, end, filters)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=16, show_spinner=False)
def _shared(
    root: str, workspace: str, table: str, columns: tuple[str, ...], start: dt.date | None, end: dt.date | None,
    version_key: tuple[int, ...],
) -> pd.DataFrame:
    return loader.read(Path(root), workspace, table, list(columns), start, end)


def shared(root: Path | str, workspace: str, table: str, columns: list[str] | tuple[str, ...],
           start: dt.date | None = None, end: dt.date | None = None) -> pd.DataFrame:
    """Like :func:`read`, but the *same* frame object for the same arguments and store version
    (``st.cache_resource``, 16 entries), so what the metrics library derives from it
    (:func:`metrics.memo`: prepared traffic rows, daily flows) is computed once for every
    function and rerun that uses it. Read-only: never mutate the result."""
    return _shared(str(root), workspace, table, tuple(columns), start, end, version(Path(root), workspace, table))


@st.cache_resource(ttl=TTL_SECONDS, max_entries=4, show_spinner=False)
def _traffic(root: str, workspace: str, version_key: tuple[int, ...]) -> pd.DataFrame:
    return loader.prepared_traffic(Path(root), workspace)[0]


def traffic(root: Path | str, workspace: str) -> pd.DataFrame:
    """The workspace's whole traffic history, prepared once per store version
    (:func:`metrics.traffic.prepared`: slots, dimension sets, channel groups) and kept as that
    one frame for every page and range (the Results pages' tables, Campaigns, UTM): the raw
    rows are not kept beside it. The prepared rows are also kept on disk
    (:mod:`connectors.derived`, keyed on the table's files), so a new server process or a
    dropped cache reads them back instead of preparing again. Read-only: never mutate the result."""
    return _traffic(str(root), workspace, version(Path(root), workspace, "traffic"))


def _coverage_now(root: Path | str, workspace: str, table: str, columns: tuple[str, ...]) -> pd.DataFrame:
    return datainfo.coverage(loader.read(Path(root), workspace, table, list(columns)), table)


@st.cache_data(ttl=TTL_SECONDS, max_entries=MAX_ENTRIES, show_spinner=False)
def _coverage(root: str, workspace: str, table: str, columns: tuple[str, ...], version_key: tuple[int, ...]) -> pd.DataFrame:
    return _coverage_now(root, workspace, table, columns)


def coverage(table: str, columns: list[str] | tuple[str, ...], ctx=None, rows: int | None = None) -> pd.DataFrame:
    """:func:`ui.datainfo.coverage` of the whole ``table`` (groups, rows, first and last day,
    gaps), cached per store version: the Data page's warm rerun neither copies nor rescans the
    rows (2M mentions: ~1 s per rerun), and the cache holds the few summary rows, not the table.
    ``rows``: the table's row count (:func:`stats`); a cached summary whose groups do not add up
    to it is read again, uncached (the page never shows a summary of another version)."""
    ctx = _current(ctx)
    if not ctx.workspace:
        return datainfo.coverage(None, table)
    cov = _coverage(str(ctx.root), ctx.workspace, table, tuple(columns), version(ctx.root, ctx.workspace, table))
    if rows is not None and int(cov["rows"].sum() if len(cov) else 0) != rows:
        cov = _coverage_now(ctx.root, ctx.workspace, table, tuple(columns))
    return cov


@st.cache_data(ttl=TTL_SECONDS, max_entries=MAX_ENTRIES, show_spinner=False)
def _stats(root: str, workspace: str, table: str, version_key: tuple[int, ...]) -> dict[str, Any]:
    return store.table_stats(Path(root), workspace, table)


def stats(table: str, ctx=None, workspace: str | None = None) -> dict[str, Any]:
    """``{"rows", "files", "bytes"}`` from Parquet metadata (no data read)."""
    ctx = _current(ctx)
    ws = workspace or ctx.workspace
    if not ws:
        return {"rows": 0, "files": 0, "bytes": 0}
    return _stats(str(ctx.root), ws, table, version(ctx.root, ws, table))


def config(name: str, default: Any = None, ctx=None) -> Any:
    """A workspace configuration document (small JSON: not cached)."""
    ctx = _current(ctx)
    if not ctx.workspace:
        return default
    return store.load_config(ctx.root, ctx.workspace, name, default)


def save_config(name: str, value: Any, ctx=None) -> None:
    ctx = _current(ctx)
    store.save_config(ctx.root, ctx.workspace, name, value)


@st.cache_data(ttl=TTL_SECONDS, max_entries=16, show_spinner=False)
def _span(root: str, workspace: str, versions: tuple) -> dict[str, tuple[dt.date, dt.date]]:
    return loader.data_span(Path(root), workspace)


def data_span(ctx=None) -> dict[str, tuple[dt.date, dt.date]]:
    """First and last local day with rows, per table (:func:`connectors.loader.data_span`)."""
    ctx = _current(ctx)
    if not ctx.workspace:
        return {}
    versions = tuple(version(ctx.root, ctx.workspace, tb) for tb in loader.SUMMARY_TABLES)
    return _span(str(ctx.root), ctx.workspace, versions)


def invalidate() -> None:
    """Clear this module's caches (version keys make this rarely needed; never a global clear)."""
    _read.clear()
    _shared.clear()
    _traffic.clear()
    _coverage.clear()
    _stats.clear()
    _span.clear()
