"""Real GA4 exports, imported through the importer, against totals read from the raw files.

Each file is imported with ``connectors.importer.import_path`` into its own temporary
store; the ``traffic`` table read back feeds :mod:`metrics.traffic`. The expected values are
computed here from the raw CSV with the standard library only (find the block, sum the
column; for a snapshot, its own total card), following the rules of the
:mod:`metrics.traffic` docstring: a column comes from day rows when the property has day
rows carrying it, else from the period tables; one breakdown per property and slot (the
largest), never two breakdowns added together.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from connectors import store
from connectors.importer import import_path
from metrics import traffic as tr
from tests.conftest import SHARED_FIXTURES, shared_absent

REAL = SHARED_FIXTURES
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=shared_absent())

KAA = REAL / "google_analytics/ga4_Reports_snapshot_multiblock_comparison__kaa.csv"
REGISTRE = REAL / "fr/google_analytics/ga4_FR_Instantane_des_rapports_MULTIBLOCK_NBSP__le_registre.csv"
RUSTOM = REAL / "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_City_blank_line_before_header__rustom.csv"
PROEFFICIENT = REAL / "google_analytics/ga4_data_api_dump_sessionSource_sessionMedium__proefficient.csv"
MH4U = REAL / "google_analytics/ga4_Report_CSV_Export_Date_unsorted__mh4u.csv"

# independent of metrics.channels: the social hosts that occur in these files
SOCIAL_SOURCE = re.compile(r"(^|\.)(facebook\.com|instagram\.com|t\.co|linkedin\.com|lnkd\.in|youtube\.com|tiktok\.com)$|^(facebook|instagram)$")


# ----------------------------------------------------------------------------- raw files


@dataclass
class Block:
    start: dt.date | None
    end: dt.date | None
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def col(self, name: str) -> list[float]:
        i = self.header.index(name)
        return [float(r[i]) for r in self.rows if len(r) > i and r[i].strip() != ""]

    def total(self, name: str) -> float:
        return sum(self.col(name))


def _ymd(s: str) -> dt.date:
    return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def raw_blocks(path: Path) -> list[Block]:
    """The tables of a GA4 CSV download: ``#`` lines carry the dates (EN or FR labels,
    narrow/no-break spaces), blank lines end a table; the first line after them is a header."""
    text = path.read_text(encoding="utf-8-sig")
    out: list[Block] = []
    start = end = None
    cur: Block | None = None
    for rec in csv.reader(io.StringIO(text)):
        if not rec or all(not c.strip() for c in rec):
            cur = None
            continue
        if rec[0].lstrip().startswith("#"):
            cur = None
            line = ",".join(rec).lstrip("# ").replace("\xa0", " ").replace("\u202f", " ")
            m = re.match(r"(Start date|Date de début)\s*:\s*(\d{8})", line)
            if m:
                start = _ymd(m.group(2))
            m = re.match(r"(End date|Date de fin)\s*:\s*(\d{8})", line)
            if m:
                end = _ymd(m.group(2))
            continue
        if cur is None:
            cur = Block(start, end, [c.strip() for c in rec])
            out.append(cur)
        else:
            cur.rows.append(rec)
    return out


def block(blocks: list[Block], first_col: str, start: dt.date | None = None, has: str | None = None) -> Block:
    found = [b for b in blocks if b.header[0] == first_col and (start is None or b.start == start) and (has is None or has in b.header)]
    assert found, (first_col, start)
    return found[0]


def nth_day_users(b: Block, last: dt.date | None = None) -> float:
    """Users of a snapshot's ``Nth day,new,returning`` card: new + returning, day by day."""
    assert b.header[1:3] == ["new", "returning"]
    return sum(float(r[1]) + float(r[2]) for r in b.rows
               if last is None or b.start + dt.timedelta(days=int(r[0])) <= last)


def social_sessions_raw(b: Block, source_col: str, sessions_col: str) -> float:
    i, j = b.header.index(source_col), b.header.index(sessions_col)
    return sum(float(r[j]) for r in b.rows if SOCIAL_SOURCE.search(r[i].split(" / ")[0].strip().lower()))


# ----------------------------------------------------------------------------- imported


_TABLES: dict[tuple[Path, ...], object] = {}


def imported(tmp_path_factory, *paths: Path):
    """The traffic table of a temporary store holding the given files (cached per module)."""
    if paths not in _TABLES:
        root = tmp_path_factory.mktemp("store")
        for p in paths:
            import_path(root, "t", p)
        _TABLES[paths] = store.read_table(root, "t", "traffic")
    return _TABLES[paths]


def eq(got: float, want: float) -> bool:
    return (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want)


# ----------------------------------------------------------------------------- tests


def test_kaa_reports_snapshot(tmp_path_factory):
    t = imported(tmp_path_factory, KAA)
    raw = raw_blocks(KAA)
    aug, jul = dt.date(2025, 8, 1), dt.date(2025, 7, 1)
    card = block(raw, "Active users", aug)
    sess = block(raw, "Session source / medium", aug)
    days = block(raw, "Nth day", aug)
    pages = block(raw, "Page title and screen class", aug)
    s, e = aug, dt.date(2025, 8, 31)
    got = tr.traffic_totals(t, s, e)

    # sessions: only the period table by session source / medium has them (bug 1: was empty)
    assert got["sessions"] == sess.total("Sessions") == 476
    assert tr.social_sessions(t, s, e) == social_sessions_raw(sess, "Session source / medium", "Sessions") == 43
    # users: the Nth-day card gives users by day, so day rows answer users: summed over days,
    # an upper bound of the card's unique active users (392)
    assert got["users"] == nth_day_users(days) == 477
    assert got["users"] >= card.total("Active users") == 392
    # columns no day row carries: from the total card, never a sum of breakdowns (bug 2:
    # pages + platform events were added together)
    assert got["new_users"] == card.total("New users") == 365
    assert got["event_count"] == card.total("Event count") == 5837
    assert got["views"] == pages.total("Views") == 1638
    # July, and both months (two disjoint periods)
    jsess = block(raw, "Session source / medium", jul)
    assert tr.sessions(t, jul, dt.date(2025, 7, 31)) == jsess.total("Sessions") == 106
    assert tr.traffic_totals(t, jul, dt.date(2025, 7, 31))["users"] == nth_day_users(block(raw, "Nth day", jul))
    both = tr.traffic_totals(t, jul, e)
    assert both["sessions"] == 476 + 106
    assert both["users"] == nth_day_users(days) + nth_day_users(block(raw, "Nth day", jul))
    # part of a month: the period tables do not fit, the day rows do
    half = dt.date(2025, 8, 15)
    assert math.isnan(tr.sessions(t, s, half))
    assert tr.traffic_totals(t, s, half)["users"] == nth_day_users(days, last=half)


def test_kaa_period_users_take_the_largest_breakdown_not_the_sum(tmp_path_factory):
    """Without the day rows, August users come from the period tables: the breakdown with
    the most users (page titles), not pages + cities + audiences added together."""
    t = imported(tmp_path_factory, KAA)
    t = t[t["grain"] == "period"]
    raw = raw_blocks(KAA)
    aug = dt.date(2025, 8, 1)
    with_users = [b for b in raw if b.start == aug and "Active users" in b.header and b.header[0] != "First user source / medium"]
    firsts = block(raw, "First user source / medium", aug)
    totals = [b.total("Active users") for b in with_users] + [firsts.total("Active users")]
    assert sorted(totals) == [366, 392, 392, 392, 701]  # city, card, audience, first-user source/medium, pages
    got = tr.traffic_totals(t, aug, dt.date(2025, 8, 31), columns=("users",))["users"]
    assert got == max(totals) == block(raw, "Page title and screen class", aug).total("Active users")


def test_le_registre_french_snapshot(tmp_path_factory):
    t = imported(tmp_path_factory, REGISTRE)
    raw = raw_blocks(REGISTRE)
    s, e = dt.date(2026, 5, 24), dt.date(2026, 6, 20)
    card = block(raw, "Utilisateurs actifs", s)
    sess = block(raw, "Source/Support de la session", s)
    got = tr.traffic_totals(t, s, e)
    assert got["sessions"] == sess.total("Sessions") == 21
    assert got["users"] == nth_day_users(block(raw, "Nième jour", s)) == 17
    assert got["new_users"] == card.total("Nouveaux utilisateurs") == 15
    assert got["event_count"] == card.total("Nombre d'événements") == 100
    assert got["views"] == block(raw, "Titre de la page et classe de l'écran", s).total("Vues") == 35
    # the file has sources but none is social: raw 0; metrics say NaN (no social row is known)
    assert social_sessions_raw(sess, "Source/Support de la session", "Sessions") == 0
    assert math.isnan(tr.social_sessions(t, s, e))


def test_rustom_city_blocks(tmp_path_factory):
    t = imported(tmp_path_factory, RUSTOM)
    raw = raw_blocks(RUSTOM)
    s, e = dt.date(2020, 10, 22), dt.date(2021, 10, 22)
    assert {b.header[0] for b in raw} == {"City"}
    fullest = max(raw, key=lambda b: (len(b.rows), len(b.header)))  # the same cities in every block, plus '(not set)'
    got = tr.traffic_totals(t, s, e)
    assert got["users"] == fullest.total("Users") == 298
    assert got["new_users"] == fullest.total("New users")
    assert got["engaged_sessions"] == fullest.total("Engaged sessions")
    assert got["event_count"] == fullest.total("Event count")
    assert not any("Sessions" in b.header for b in raw) and math.isnan(got["sessions"])
    assert math.isnan(tr.social_sessions(t, s, e))  # no source in the file
    assert math.isnan(tr.sessions(t, s, dt.date(2021, 10, 21)))  # the period does not fit


def test_proefficient_data_api_dump(tmp_path_factory):
    t = imported(tmp_path_factory, PROEFFICIENT)
    with PROEFFICIENT.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dates = sorted(_ymd(r["date"]) for r in rows)
    s, e = dates[0], dates[-1]

    def raw(cond, col):
        return sum(float(r[col]) for r in rows if cond(r))

    def in_month(m):
        return lambda r: _ymd(r["date"]).month == m

    def social(r):
        return SOCIAL_SOURCE.search(r["sessionSource"].lower())

    got = tr.traffic_totals(t, s, e)
    assert got["sessions"] == raw(lambda r: True, "sessions") == 86
    assert got["users"] == raw(lambda r: True, "totalUsers") == 73
    assert tr.social_sessions(t, s, e) == raw(social, "sessions") == 12
    feb = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    mar = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert tr.sessions(t, *feb) == raw(in_month(2), "sessions")
    assert tr.sessions(t, *mar) == raw(in_month(3), "sessions")
    assert tr.social_sessions(t, *mar) == raw(lambda r: in_month(3)(r) and social(r), "sessions")


def test_mh4u_unsorted_dates(tmp_path_factory):
    t = imported(tmp_path_factory, MH4U)
    (b,) = raw_blocks(MH4U)
    day = [_ymd(r[0]) for r in b.rows]
    s, e = b.start, b.end
    got = tr.traffic_totals(t, s, e)
    assert got["users"] == b.total("Total users") == 283560
    assert got["new_users"] == b.total("New users")
    assert got["event_count"] == b.total("Event count")
    assert math.isnan(got["sessions"])  # no Sessions column
    oct_ = (dt.date(2023, 10, 1), dt.date(2023, 10, 31))
    i = b.header.index("Total users")
    want = sum(float(r[i]) for r, d in zip(b.rows, day, strict=True) if oct_[0] <= d <= oct_[1])
    assert tr.traffic_totals(t, *oct_, columns=("users",))["users"] == want


def test_several_properties_in_one_store(tmp_path_factory):
    """kaa (period sessions, day users) and proefficient (day rows) side by side: each
    property keeps its own grain, and their totals add up."""
    t = imported(tmp_path_factory, KAA, PROEFFICIENT)
    s, e = dt.date(2025, 2, 1), dt.date(2025, 8, 31)
    kaa = imported(tmp_path_factory, KAA)
    pro = imported(tmp_path_factory, PROEFFICIENT)
    for c in ("sessions", "users"):
        want = tr.traffic_totals(kaa, s, e)[c] + tr.traffic_totals(pro, s, e)[c]
        assert eq(tr.traffic_totals(t, s, e)[c], want), c
    assert tr.sessions(t, s, e) == 582 + 86
    assert tr.social_sessions(t, s, e) == 44 + 12
