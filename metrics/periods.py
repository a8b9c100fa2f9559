"""Periods: ISO weeks, months, quarters, years, previous periods, bucketing.

A :class:`Period` is an inclusive range of calendar days ``[start, end]``. Weeks are
ISO weeks (Monday to Sunday) unless a workspace starts its weeks on Sunday
(``week_start=6``, the North American convention: Sunday to Saturday). "Complete" is relative to ``as_of``, the day the
question is asked: that day is still running, so the last complete week is the last
Monday-Sunday week that ends *before* ``as_of``. Instants are bucketed in the
workspace time zone (see :func:`metrics.local_day_series`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from metrics import DateLike, as_date, day_series, local_day_series

Freq = Literal["day", "week", "month", "quarter", "year"]
FREQS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")


@dataclass(frozen=True)
class Period:
    """Inclusive day range."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", as_date(self.start))
        object.__setattr__(self, "end", as_date(self.end))
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: DateLike) -> bool:
        return self.start <= as_date(d) <= self.end

    def previous(self) -> Period:
        return previous_period(self)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def period(start: DateLike, end: DateLike) -> Period:
    return Period(as_date(start), as_date(end))


def week_of(d: DateLike, week_start: int = 0) -> Period:
    """The week containing ``d``: ISO (Monday-Sunday) with ``week_start=0``, Sunday-Saturday
    with ``week_start=6`` (``week_start`` = Python weekday number of the first day)."""
    x = as_date(d)
    first = x - dt.timedelta(days=(x.weekday() - week_start) % 7)
    return Period(first, first + dt.timedelta(days=6))


def month_of(d: DateLike) -> Period:
    x = as_date(d)
    first = x.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return Period(first, nxt - dt.timedelta(days=1))


def quarter_of(d: DateLike) -> Period:
    x = as_date(d)
    m = 3 * ((x.month - 1) // 3) + 1
    first = dt.date(x.year, m, 1)
    last = month_of(dt.date(x.year, m + 2, 1)).end
    return Period(first, last)


def year_of(d: DateLike) -> Period:
    x = as_date(d)
    return Period(dt.date(x.year, 1, 1), dt.date(x.year, 12, 31))


def period_of(freq: Freq, d: DateLike, week_start: int = 0) -> Period:
    """The calendar period of kind ``freq`` containing ``d`` (weeks begin on ``week_start``)."""
    if freq == "day":
        x = as_date(d)
        return Period(x, x)
    if freq == "week":
        return week_of(d, week_start)
    return {"month": month_of, "quarter": quarter_of, "year": year_of}[freq](d)


def last_complete(freq: Freq, as_of: DateLike, week_start: int = 0) -> Period:
    """Last period of kind ``freq`` that ended before ``as_of`` (``as_of`` itself is not over)."""
    return period_of(freq, period_of(freq, as_of, week_start).start - dt.timedelta(days=1), week_start)


def last_complete_week(as_of: DateLike) -> Period:
    """Last complete ISO week before ``as_of``: on any day of week W, that is week W-1."""
    return last_complete("week", as_of)


def previous_period(p: Period) -> Period:
    """The period of the same length that ends the day before ``p`` starts.

    Calendar months, quarters and years map to the previous calendar month, quarter
    or year (so February follows January whatever their lengths); any other range maps
    to the same number of days immediately before."""
    for freq in ("month", "quarter", "year"):
        if period_of(freq, p.start) == p:  # type: ignore[arg-type]
            return period_of(freq, p.start - dt.timedelta(days=1))  # type: ignore[arg-type]
    end = p.start - dt.timedelta(days=1)
    return Period(end - dt.timedelta(days=p.days - 1), end)


def same_period_last_year(p: Period) -> Period:
    def shift(d: dt.date) -> dt.date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)

    return Period(shift(p.start), shift(p.end))


def periods_between(freq: Freq, start: DateLike, end: DateLike, week_start: int = 0) -> list[Period]:
    """Consecutive calendar periods of kind ``freq`` covering ``[start, end]`` (first and last may overhang)."""
    out: list[Period] = []
    cur = period_of(freq, start, week_start)
    last = as_date(end)
    while cur.start <= last:
        out.append(cur)
        cur = period_of(freq, cur.end + dt.timedelta(days=1), week_start)
    return out


def bucket_days(days: pd.Series, freq: Freq, week_start: int = 0) -> pd.Series:
    """Calendar days -> start day of their bucket (week = ISO week starting Monday, or the
    week starting on ``week_start``)."""
    d = day_series(days)
    if freq == "day":
        return d
    if freq == "week":
        return d - pd.to_timedelta((d.dt.day_of_week - week_start) % 7, unit="D")
    if freq == "month":
        return d.dt.to_period("M").dt.start_time
    if freq == "quarter":
        return d.dt.to_period("Q").dt.start_time
    if freq == "year":
        return d.dt.to_period("Y").dt.start_time
    raise ValueError(f"unknown frequency {freq!r}")


def bucket_instants(ts: pd.Series, freq: Freq, tz: str | None, week_start: int = 0) -> pd.Series:
    """UTC instants -> start day of their bucket, days taken in the workspace time zone ``tz``."""
    return bucket_days(local_day_series(ts, tz), freq, week_start)
