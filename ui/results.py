"""Cached metric inputs and results for the Results pages (Overview, Objectives, Trends, Goals).

Everything goes through :func:`connectors.loader.load_tables` (the loader the summary
CLI and the report use) and :func:`metrics.summary.summary`, so a page and ``python -m metrics summary``
compute identically. Caches are keyed on a *version* made of the modification times of
every table and configuration document the numbers depend on: an import, a saved goal or
an edited campaign is seen at once.

``Tables`` are kept with ``st.cache_resource`` (the same frame objects across reruns, so
the metrics library's memo of prepared frames keeps working); treat them as read-only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from connectors.loader import CONFIGS, SUMMARY_TABLES, first_day, load_tables
from metrics.deltas import Delta, period_deltas
from metrics.goals import history_start
from metrics.periods import Period
from metrics.registry import METRIC_IDS, Tables, series
from metrics.summary import summary as compute_summary
from ui import data

TABLES = SUMMARY_TABLES
TTL = 15 * 60
SPARK_WEEKS = 12


def version(ctx) -> tuple:
    """Changes whenever a table or a configuration document the metrics read changes."""
    root, ws = Path(ctx.root), ctx.workspace

    def mtime(p: Path) -> int:
        try:
            return p.stat().st_mtime_ns
        except OSError:
            return 0

    return tuple(data.version(root, ws, tb) for tb in TABLES) + tuple(mtime(root / ws / "_config" / f"{c}.json") for c in CONFIGS)


def goals(ctx) -> list[dict[str, Any]]:
    return list(data.config("goals", [], ctx=ctx) or [])


def history_from(ctx, weeks: int = 0) -> dt.date:
    """First day the Results pages read: the previous period, ``SPARK_WEEKS`` weeks of
    sparkline, the goals' history (as the summary CLI reads it), or ``weeks`` before ``start``."""
    lo = min(ctx.prev_start, ctx.start - dt.timedelta(weeks=max(SPARK_WEEKS, weeks)))
    return history_start(lo, goals(ctx))


@st.cache_resource(ttl=TTL, max_entries=8, show_spinner=False)
def _tables(root: str, ws: str, start: dt.date, end: dt.date, since: dt.date, version_key: tuple) -> Tables:
    # traffic: the app's one whole-history frame (ui.data.traffic), the same object for every
    # range and for the Campaigns and UTM pages, so its rows are read and prepared once
    traffic = data.traffic(root, ws)
    return load_tables(Path(root), ws, start, end, since, traffic=traffic)


def tables(ctx, weeks: int = 0) -> Tables:
    """Inputs for ``[ctx.start, ctx.end]`` with history (see :func:`history_from`)."""
    return tables_between(ctx, min(ctx.start, history_from(ctx, weeks)), ctx.end)


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def _first_day(root: str, ws: str, version_key: tuple) -> dt.date | None:
    return first_day(Path(root), ws)


def tables_between(ctx, lo: dt.date, hi: dt.date) -> Tables:
    """Inputs for local days ``[lo, hi]`` (:func:`connectors.loader.load_tables` reads from
    ``min(start, history_from)``, so one key per range): pages asking for the same range (the
    Results pages and the Loop) share one object, its prepared frames and computed buckets.
    A range starting before the workspace's data (:func:`connectors.loader.first_day`) reads the
    same rows as one starting there, so it is keyed from there: the Loop's longer history, the
    Results pages' goal history and the Trends' ranges then share one object too."""
    v = version(ctx)
    first = _first_day(str(ctx.root), ctx.workspace, v)
    if first is not None:
        lo = max(lo, min(first, hi))
    return _tables(str(ctx.root), ctx.workspace, lo, hi, lo, v)


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def _summary(root: str, ws: str, start: dt.date, end: dt.date, version_key: tuple, _ctx: Any) -> dict[str, Any]:
    return compute_summary(tables(_ctx), start, end, goals(_ctx))


def summary(ctx) -> dict[str, Any]:
    """:func:`metrics.summary.summary` of the view's period, goals judged the day after its end
    (the CLI's default ``as_of``)."""
    return _summary(str(ctx.root), ctx.workspace, ctx.start, ctx.end, version(ctx), ctx)


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def _deltas(root: str, ws: str, start, end, prev_start, prev_end, version_key: tuple, _ctx: Any) -> list[Delta]:
    return period_deltas(tables(_ctx), Period(start, end), Period(prev_start, prev_end), METRIC_IDS)


def deltas(ctx) -> dict[str, Delta]:
    """Every registry metric, this period against the previous one (``ctx.prev_*``)."""
    out = _deltas(str(ctx.root), ctx.workspace, ctx.start, ctx.end, ctx.prev_start, ctx.prev_end, version(ctx), ctx)
    return {d.metric_id: d for d in out}


def last_full_week_end(end: dt.date) -> dt.date:
    """``end`` when it is a Sunday, else the Sunday before (no partial week in a weekly series)."""
    return end if end.weekday() == 6 else end - dt.timedelta(days=end.weekday() + 1)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _series(root: str, ws: str, metric: str, start: dt.date, end: dt.date, freq: str, platform: str | None,
            campaign: str | None, version_key: tuple, _tables: Any) -> pd.Series:
    scope = {"platform": platform, "campaign": campaign}
    return series(metric, _tables, start, end, freq, scope)  # type: ignore[arg-type]


def metric_series(ctx, tbl: Tables, metric: str, start: dt.date, end: dt.date, freq: str = "week",
                  platform: str | None = None, campaign: str | None = None) -> pd.Series:
    """One value per week/month of ``metric`` (registry rules), cached."""
    return _series(str(ctx.root), ctx.workspace, metric, start, end, freq, platform, campaign, version(ctx), tbl)


def sparkline(ctx, tbl: Tables, metric: str) -> list[float]:
    """The last ``SPARK_WEEKS`` complete weeks up to the period's end (weeks without a value left out)."""
    end = last_full_week_end(ctx.end)
    start = end - dt.timedelta(weeks=SPARK_WEEKS) + dt.timedelta(days=1)
    s = metric_series(ctx, tbl, metric, start, end, "week")
    return [float(v) for v in s.to_numpy() if not pd.isna(v)]
