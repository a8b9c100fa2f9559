"""Period-over-period deltas and the "biggest movers".

For a period and the previous one (same length; previous calendar month/quarter/year
for calendar periods, see :func:`metrics.periods.previous_period`):
``delta = value - previous`` and ``pct = delta / |previous|`` (NaN when the previous value
is 0 or unknown; a ratio metric's pct is relative too, its delta is in points of the ratio).
No text is built here: items carry numbers and ids for the UI to phrase in EN or FR.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from metrics import DateLike, safe_div
from metrics.periods import Freq, Period, last_complete, previous_period
from metrics.registry import METRIC_IDS, Tables, compute, spec


@dataclass(frozen=True)
class Delta:
    metric_id: str
    value: float
    previous: float
    delta: float
    pct: float
    direction: str | None  # "up" / "down" / "flat"; None when either value is unknown
    favourable: bool | None  # None when the metric has no better direction or nothing moved
    objective: str
    unit: str


def delta(value: float, previous: float) -> tuple[float, float]:
    """(value - previous, (value - previous) / |previous|); NaN parts where unknown or previous is 0."""
    d = float(value) - float(previous)
    return d, safe_div(d, abs(float(previous)))


def make_delta(metric_id: str, value: float, previous: float) -> Delta:
    s = spec(metric_id)
    d, pct = delta(value, previous)
    direction = None if math.isnan(d) else ("up" if d > 0 else "down" if d < 0 else "flat")
    fav = None
    if direction in ("up", "down") and s.higher_is_better is not None:
        fav = (direction == "up") == s.higher_is_better
    return Delta(metric_id, float(value), float(previous), d, pct, direction, fav, s.objective, s.unit)


def period_deltas(
    tables: Tables,
    current: Period,
    previous: Period | None = None,
    metrics: Iterable[str] | None = None,
    scope: Mapping[str, Any] | None = None,
) -> list[Delta]:
    """Deltas of ``metrics`` (all registry ids by default) between ``current`` and ``previous``
    (default: :func:`previous_period` of ``current``)."""
    prev = previous or previous_period(current)
    out = []
    for m in metrics or METRIC_IDS:
        v = compute(m, tables, current.start, current.end, scope)
        p = compute(m, tables, prev.start, prev.end, scope)
        out.append(make_delta(m, v, p))
    return out


def deltas_for(tables: Tables, freq: Freq, as_of: DateLike, metrics: Iterable[str] | None = None) -> list[Delta]:
    """Deltas between the last complete ``freq`` (week, month, quarter, year) before ``as_of``
    and the one before it."""
    cur = last_complete(freq, as_of)
    return period_deltas(tables, cur, previous_period(cur), metrics)


def biggest_movers(
    deltas: Iterable[Delta], n: int = 5, min_abs_pct: float = 0.05, min_previous: float = 0.0,
    kinds: Iterable[str] = ("count", "currency"),
) -> list[Delta]:
    """The ``n`` deltas with the largest relative change, largest first.

    Only metrics whose unit is in ``kinds`` (counts and money by default: ratio moves are
    better read next to their parts), with a known ``pct`` of at least ``min_abs_pct`` in
    absolute value, and a previous value above ``min_previous`` (to skip 1 -> 3 = +200 %
    noise, pass e.g. 10). Ties keep the registry order."""
    ks = set(kinds)
    keep = [
        d for d in deltas
        if d.unit in ks and not math.isnan(d.pct) and abs(d.pct) >= min_abs_pct and abs(d.previous) > min_previous
    ]
    order = {m: i for i, m in enumerate(METRIC_IDS)}
    keep.sort(key=lambda d: (-abs(d.pct), order.get(d.metric_id, 1_000)))
    return keep[:n]


def deltas_frame(deltas: Iterable[Delta]) -> pd.DataFrame:
    """Deltas as a DataFrame (one row per metric), e.g. for a table on screen."""
    rows = [d.__dict__ for d in deltas]
    cols = ["metric_id", "value", "previous", "delta", "pct", "direction", "favourable", "objective", "unit"]
    return pd.DataFrame(rows, columns=cols)


