"""Reporting periods (pure: pass ``today``).

The default period is the last complete ISO week (Monday to Sunday) compared with the
week before. Months and quarters compare with the previous month / quarter; a custom
range compares with the range of the same length just before it.
"""

from __future__ import annotations

import datetime as dt

PERIODS = ("week", "month", "quarter", "custom")


def last_complete_week(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday..Sunday of the last ISO week that has fully ended before ``today``."""
    this_monday = today - dt.timedelta(days=today.weekday())
    start = this_monday - dt.timedelta(days=7)
    return start, start + dt.timedelta(days=6)


def last_complete_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def last_complete_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    q_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = q_start - dt.timedelta(days=1)
    return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


def _is_month(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and start.month == end.month and start.year == end.year


def _is_quarter(start: dt.date, end: dt.date) -> bool:
    return (
        start.day == 1
        and start.month in (1, 4, 7, 10)
        and (end + dt.timedelta(days=1)).day == 1
        and (end.year * 12 + end.month) - (start.year * 12 + start.month) == 2
    )


def previous(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The comparison period: previous calendar month/quarter for whole months/quarters,
    otherwise the same number of days just before ``start``."""
    if _is_month(start, end):
        p_end = start - dt.timedelta(days=1)
        return p_end.replace(day=1), p_end
    if _is_quarter(start, end):
        p_end = start - dt.timedelta(days=1)
        return dt.date(p_end.year, p_end.month - 2, 1), p_end
    days = (end - start).days + 1
    return start - dt.timedelta(days=days), start - dt.timedelta(days=1)


def resolve(kind: str, today: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    if kind == "month":
        return last_complete_month(today)
    if kind == "quarter":
        return last_complete_quarter(today)
    if kind == "custom" and start and end:
        return (start, end) if start <= end else (end, start)
    return last_complete_week(today)


def classify(start: dt.date, end: dt.date, today: dt.date) -> str:
    """Which preset a (start, end) pair is, for a URL that only carries dates."""
    for kind in ("week", "month", "quarter"):
        if resolve(kind, today) == (start, end):
            return kind
    return "custom"


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
