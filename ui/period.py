"""Reporting periods for the global filter (pure: pass ``today``); the calendar arithmetic
lives in :mod:`metrics.periods`, this module adds the presets, URL parsing and classification.

The default period is the last complete ISO week (Monday to Sunday) compared with the
week before. Months and quarters compare with the previous month / quarter; a custom
range compares with the range of the same length just before it.
"""

from __future__ import annotations

import datetime as dt

from metrics import periods as mp

PERIODS = ("week", "month", "quarter", "custom")


def _pair(p: mp.Period) -> tuple[dt.date, dt.date]:
    return p.start, p.end


def last_complete_week(today: dt.date, week_start: int = 0) -> tuple[dt.date, dt.date]:
    """The last week (Monday..Sunday, or from ``week_start``) that has fully ended before ``today``."""
    return _pair(mp.last_complete("week", today, week_start))


def last_complete_month(today: dt.date) -> tuple[dt.date, dt.date]:
    return _pair(mp.last_complete("month", today))


def last_complete_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    return _pair(mp.last_complete("quarter", today))


def previous(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The comparison period (:func:`metrics.periods.previous_period`): the previous calendar
    month/quarter/year for a whole one, otherwise the same number of days just before ``start``."""
    return _pair(mp.previous_period(mp.Period(start, end)))


def resolve(kind: str, today: dt.date, start: dt.date | None = None, end: dt.date | None = None,
            week_start: int = 0) -> tuple[dt.date, dt.date]:
    if kind == "month":
        return last_complete_month(today)
    if kind == "quarter":
        return last_complete_quarter(today)
    if kind == "custom" and start and end:
        return (start, end) if start <= end else (end, start)
    return last_complete_week(today, week_start)


def classify(start: dt.date, end: dt.date, today: dt.date, week_start: int = 0) -> str:
    """Which preset a (start, end) pair is, for a URL that only carries dates."""
    for kind in ("week", "month", "quarter"):
        if resolve(kind, today, week_start=week_start) == (start, end):
            return kind
    return "custom"


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
