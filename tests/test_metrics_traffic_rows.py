"""Traffic row selection: day vs period grain decided per value column, and breakdowns by
different ``dimension`` names kept apart (hand-computed values; a split-and-recombine
property over mixed grains and breakdowns)."""

import datetime as dt
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import roi
from metrics import traffic as tr

D = dt.date
COLS = ["date", "grain", "period_start", "period_end", "property", "source", "medium", "campaign", "dimension",
        "dimension_value", "sessions", "users", "new_users", "views", "event_count", "revenue"]
AUG = (D(2025, 8, 1), D(2025, 8, 31))


def row(date=None, grain="day", ps=None, pe=None, prop="p", source=None, medium=None, campaign=None, dim=None, val=None,
        sessions=None, users=None, new_users=None, views=None, event_count=None, revenue=None):
    if grain == "period":
        date = ps
    return (date, grain, ps, pe, prop, source, medium, campaign, dim, val, sessions, users, new_users, views, event_count,
            revenue)


def frame(rows):
    return pd.DataFrame(rows, columns=COLS)


def period(**kw):
    return row(grain="period", ps=AUG[0], pe=AUG[1], **kw)


def snapshot():
    """A GA4 "Reports snapshot" in miniature: users by day (new/returning card) and
    period tables (total card, sessions by source / medium, users by city, by page title,
    by audience; events by platform)."""
    return frame([
        row(D(2025, 8, 1), dim="user_type", val="new", users=5),
        row(D(2025, 8, 1), dim="user_type", val="returning", users=2),
        row(D(2025, 8, 2), dim="user_type", val="new", users=4),
        row(D(2025, 8, 20), dim="user_type", val="new", users=9),
        period(users=15, new_users=13, event_count=200),                      # total card
        period(source="google", medium="organic", sessions=12, users=8),
        period(source="m.facebook.com", medium="referral", sessions=6, users=4),
        period(source="(direct)", medium="(none)", sessions=3, users=3),
        period(dim="city", val="Kokomo", users=9),
        period(dim="city", val="Paris", users=5),
        period(dim="page_title", val="Home", users=11, views=30, event_count=120),
        period(dim="page_title", val="Shop", users=7, views=12, event_count=60),
        period(dim="audience_name", val="All Users", users=15),
        period(dim="platform", val="web", event_count=200),
    ])


def test_period_tables_used_for_columns_the_day_rows_do_not_carry():
    t = snapshot()
    got = tr.traffic_totals(t, *AUG)
    assert got["sessions"] == 12 + 6 + 3                    # period rows, by source / medium
    assert got["users"] == 5 + 2 + 4 + 9                    # day rows carry users: they answer users
    assert got["new_users"] == 13                           # total card
    assert got["views"] == 30 + 12                          # page title table
    assert got["event_count"] == 200                        # card (200) = platform (200) > pages (180); never summed
    assert math.isnan(got["revenue"])
    assert tr.social_sessions(t, *AUG) == 6
    assert tr.social_share(t, *AUG) == 6 / 21
    assert tr.social_by_platform(t, *AUG).set_index("platform")["sessions"].to_dict() == {"facebook": 6}
    # a range that does not contain the whole period: only the day rows are left
    first = (D(2025, 8, 1), D(2025, 8, 15))
    assert tr.traffic_totals(t, *first)["users"] == 11
    assert math.isnan(tr.sessions(t, *first))
    # without its day rows, users come from the period tables: the largest breakdown
    # (page titles 18 > city 14, card = audience = source/medium 15), not cities + pages + audiences
    no_days = t[t["grain"] == "period"]
    assert tr.traffic_totals(no_days, *AUG, columns=("users",))["users"] == 18


def test_select_rows_flags_each_column_with_one_grain_per_property():
    t = snapshot()
    r = tr.select_rows(t, *AUG)
    assert len(r) == len(t)
    assert set(r.loc[r["use_users"], "grain"]) == {"day"}
    assert set(r.loc[r["use_sessions"], "grain"]) == {"period"}
    assert not r.loc[r["grain"] == "day", "use_sessions"].any()
    flags = r[[f"use_{c}" for c in tr.VALUE_COLS]]
    assert flags.any(axis=1).all()


def test_day_rows_of_a_column_hide_that_columns_period_rows_only():
    t = frame([
        period(prop="q", source="facebook", medium="referral", sessions=7, users=5),
        row(D(2025, 8, 3), prop="q", source="facebook", medium="referral", sessions=1),
        period(prop="r", source="google", medium="organic", sessions=4),
    ])
    got = tr.traffic_totals(t, *AUG)
    assert got["sessions"] == 1 + 4      # q by day, r by period
    assert got["users"] == 5             # q has no day users: its period users count
    assert tr.social_sessions(t, *AUG) == 1


def test_overlapping_periods_chosen_per_column():
    t = frame([
        row(grain="period", ps=D(2025, 8, 1), pe=D(2025, 8, 31), views=100, sessions=50),
        row(grain="period", ps=D(2025, 8, 1), pe=D(2025, 8, 15), event_count=40, sessions=20),
        row(grain="period", ps=D(2025, 8, 16), pe=D(2025, 8, 31), event_count=30, sessions=25),
    ])
    got = tr.traffic_totals(t, *AUG)
    assert got["views"] == 100
    assert got["sessions"] == 50          # the month; its halves overlap it
    assert got["event_count"] == 40 + 30  # only the halves carry events: both kept (disjoint)


def test_breakdowns_by_different_dimension_names_are_not_added_together():
    d = D(2025, 8, 4)
    t = frame([
        row(d, dim="city", val="Kokomo", users=5, sessions=6),
        row(d, dim="city", val="Paris", users=3, sessions=3),
        row(d, dim="page_title", val="Home", users=7, sessions=8),
        row(d, dim="page_title", val="Shop", users=6, sessions=1),
        row(d, dim="country", val="US", users=8, sessions=9),
        row(d, dim="audience_name", val="All Users", users=8),
        row(D(2025, 8, 5), dim="city", val="Paris", users=2, sessions=2),
        row(D(2025, 8, 5), dim="country", val="FR", users=1, sessions=1),
    ])
    got = tr.traffic_totals(t, d, D(2025, 8, 5))
    assert got["users"] == 13 + 2         # pages (13) on the 4th, city (2) on the 5th; not 5+3+7+6+8+8+...
    assert got["sessions"] == 9 + 2       # city = pages = country = 9 on the 4th (not 27); city 2 on the 5th
    sets = set(tr.select_rows(t, d, d)["dimset"])
    assert sets == {"dimension=city", "dimension=page_title", "dimension=country", "dimension=audience_name"}


def test_partial_rows_still_fold_into_their_breakdown():
    d = D(2025, 8, 4)
    t = frame([
        row(d, source="facebook", medium="referral", dim="city", val="Paris", sessions=4),
        row(d, source="google", medium="organic", dim="city", val="Paris", sessions=5),
        row(d, source="facebook", medium="referral", sessions=2),   # city not set: same breakdown
        row(d, dim="page_title", val="Home", sessions=10),
    ])
    r = tr.select_rows(t, d, d)
    assert set(r["dimset"]) == {"source|medium|dimension=city", "dimension=page_title"}
    assert tr.sessions(t, d, d) == 11      # source/medium/city 4+5+2 = 11 > pages 10
    assert tr.social_sessions(t, d, d) == 6


def test_roi_revenue_from_period_rows_when_day_rows_lack_it():
    t = frame([
        row(D(2025, 8, 2), source="facebook", medium="social", sessions=3),
        period(source="facebook", medium="social", campaign="spring", revenue=50.0, sessions=30),
    ])
    assert tr.traffic_totals(t, *AUG, social=True)["revenue"] == 50.0
    assert tr.sessions(t, *AUG) == 3
    r = roi.roi_totals(None, t, None, *AUG)
    assert r["value_revenue"] == 50.0


# ----------------------------------------------------------------------------- property

START = D(2024, 1, 1)
N_DAYS = 28
END = START + dt.timedelta(days=N_DAYS - 1)
BREAKDOWNS = [
    {},
    {"source": "facebook", "medium": "referral"},
    {"source": "google", "medium": "organic"},
    {"source": "t.co", "medium": "social"},
    {"dimension": "city", "dimension_value": "Paris"},
    {"dimension": "city", "dimension_value": "Lyon"},
    {"dimension": "page_title", "dimension_value": "Home"},
    {"dimension": "country", "dimension_value": "FR"},
    {"dimension": "user_type", "dimension_value": "new"},
]
count = st.one_of(st.none(), st.integers(0, 300))


def nan_add(a, b):
    if math.isnan(a) and math.isnan(b):
        return math.nan
    return (0 if math.isnan(a) else a) + (0 if math.isnan(b) else b)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(1, N_DAYS - 1))
def test_split_and_recombine_day_totals_with_breakdowns_and_period_rows(data, k):
    """Day totals of two halves add up to the whole, whatever the breakdowns; period rows
    spanning the whole range count only in the whole range, and only for the columns their
    property has no day rows for."""
    rows = []
    for prop in ("p", "q"):
        for _ in range(data.draw(st.integers(0, 14))):
            b = data.draw(st.sampled_from(BREAKDOWNS))
            rows.append({"date": START + dt.timedelta(days=data.draw(st.integers(0, N_DAYS - 1))), "grain": "day",
                         "property": prop, **b, "sessions": data.draw(count), "users": data.draw(count)})
        if data.draw(st.booleans()):
            rows.append({"date": START, "grain": "period", "period_start": START, "period_end": END, "property": prop,
                         "sessions": data.draw(count), "users": data.draw(count), "views": data.draw(count)})
    cols = ["date", "grain", "period_start", "period_end", "property", "source", "medium", "dimension",
            "dimension_value", "sessions", "users", "views"]
    t = pd.DataFrame(rows, columns=cols).drop_duplicates(
        ["property", "grain", "date", "source", "medium", "dimension", "dimension_value"])
    mid = START + dt.timedelta(days=k)
    first, second = (START, mid - dt.timedelta(days=1)), (mid, END)
    whole = tr.traffic_totals(t, START, END)
    a, b = tr.traffic_totals(t, *first), tr.traffic_totals(t, *second)
    days = t[t["grain"] == "day"]
    for c in ("sessions", "users", "views"):
        # what the whole-range period rows add: their value for properties without day values
        extra = math.nan
        for prop, g in t[t["grain"] == "period"].groupby("property"):
            if days.loc[days["property"] == prop, c].notna().any():
                continue
            extra = nan_add(extra, float(g[c].sum(min_count=1)))
        assert same(whole[c], nan_add(nan_add(a[c], b[c]), extra)), c
    # social traffic: only day rows can say (the period rows have no source)
    for c in ("sessions", "users"):
        ws = tr.traffic_totals(t, START, END, social=True)[c]
        assert same(ws, nan_add(tr.traffic_totals(t, *first, social=True)[c], tr.traffic_totals(t, *second, social=True)[c]))
    # one day on its own: the largest breakdown of that day, never a sum of two breakdowns
    for d, g in days.groupby("date"):
        for c in ("sessions", "users"):
            per_set = []
            for _prop, gp in g.groupby("property"):
                sets = gp.assign(k=gp["source"].notna().astype(str) + "|" + gp["dimension"].astype(object).fillna(""))
                per_set.append(sets.groupby("k")[c].sum(min_count=1).max())
            expect = math.nan
            for v in per_set:
                expect = nan_add(expect, float(v))
            assert same(tr.traffic_totals(t, d, d, columns=(c,))[c], expect), (d, c)


def test_selections_memoised_for_the_most_recent_ranges_only():
    """A long-lived traffic frame keeps the selections of the ``ROWS_KEPT`` ranges used last, not
    of every range ever asked; a range asked again after eviction gives the same rows."""
    f = frame([row(D(2025, 8, 1) + dt.timedelta(days=k), source="facebook", medium="social", sessions=float(k + 1))
               for k in range(40)])
    days = [D(2025, 8, 1) + dt.timedelta(days=k) for k in range(tr.ROWS_KEPT + 4)]
    first = tr.select_rows(f, days[0], days[0])
    assert tr.select_rows(f, days[0], days[0]) is first  # memoised
    for d in days[1:]:
        tr.select_rows(f, d, d)
    last = tr.select_rows(f, days[-1], days[-1])
    assert tr.select_rows(f, days[-1], days[-1]) is last
    again = tr.select_rows(f, days[0], days[0])
    assert again is not first  # evicted, recomputed
    pd.testing.assert_frame_equal(again, first)
    assert tr.traffic_totals(f, days[0], days[0], columns=("sessions",))["sessions"] == 1.0


def test_prepared_rows_clean_each_distinct_value_once_with_the_row_rules():
    """The prepared frame (worked on integer codes) gives every row the values the row rules
    give: stripped text, spellings equal once stripped sharing one value, empty = missing,
    GA4 placeholders naming no campaign, a missing grain taken as a day (upper case lowered),
    a partial row folded into its breakdown, and the slot / set keys built from them."""
    f = pd.DataFrame({
        "date": [D(2025, 8, 1), D(2025, 8, 1), D(2025, 8, 1), D(2025, 8, 2), None],
        "grain": ["DAY", None, " day ", "day", "period"],
        "period_start": [None, None, None, None, D(2025, 8, 1)],
        "period_end": [None, None, None, None, D(2025, 8, 31)],
        "property": [" shop ", "shop", "shop", None, "shop"],
        "source": [" facebook", "facebook ", "facebook", "", "google"],
        "medium": ["social", "social", "social", "  ", "organic"],
        "campaign": ["spring", None, "(not set)", "(referral)", 42],
        "sessions": [3, 4, 5, 6, 7],
    })
    p = tr._prepare_now(f)
    assert list(p.index) == [0, 1, 2, 3, 4]
    assert p["grain"].tolist() == ["day", "day", "day", "day", "period"]
    assert p["property"].tolist() == ["shop", "shop", "shop", "", "shop"]
    assert p["source"].tolist() == ["facebook", "facebook", "facebook", None, "google"]
    assert p["medium"].tolist() == ["social", "social", "social", None, "organic"]
    assert p["campaign"].tolist() == ["spring", None, None, None, "42"]
    assert p["slot"].tolist() == ["2025-08-01"] * 3 + ["2025-08-02", "2025-08-01..2025-08-31"]
    # rows 1 and 2 (source|medium, no campaign) fold into row 0's source|medium|campaign set
    assert p["dimset"].tolist() == ["source|medium|campaign"] * 3 + ["", "source|medium|campaign"]
    assert p["platform"].tolist() == ["facebook", "facebook", "facebook", None, None]
    assert p["is_social"].tolist() == [True, True, True, False, False]
    assert p["can_campaign"].tolist() == [True, True, True, False, True]
    assert p["slotkey"].tolist() == ["shop\x1f2025-08-01"] * 3 + ["\x1f2025-08-02", "shop\x1f2025-08-01..2025-08-31"]
    assert p["setkey"].iloc[0] == "shop\x1f2025-08-01\x1fsource|medium|campaign"
    assert str(p["source"].dtype) == "object" and p["sessions"].dtype == "float64"
    # the app reads text as categoricals and days as datetimes (loader.read_coded): same rows
    coded = f.astype({c: "category" for c in ("grain", "property", "source", "medium")}).assign(
        date=pd.to_datetime(f["date"]), period_start=pd.to_datetime(f["period_start"]), period_end=pd.to_datetime(f["period_end"]))
    pd.testing.assert_frame_equal(tr._prepare_now(coded), p, check_exact=True)


def test_a_prepared_frame_stands_for_its_raw_rows():
    """The app keeps only the prepared rows (metrics.traffic.prepared): every traffic function
    given them answers as with the raw rows, and they are not prepared a second time."""
    raw = snapshot()
    p = tr.prepared(raw)
    assert tr._prepare(p) is p
    assert tr._prepare(raw) is not p  # a raw frame is still prepared (and memoised) on its own
    for a, b in (AUG, (D(2025, 8, 1), D(2025, 8, 2)), (D(2025, 7, 1), D(2025, 9, 30))):
        want, got = tr.traffic_totals(raw, a, b), tr.traffic_totals(p, a, b)
        assert got.keys() == want.keys()
        assert all((math.isnan(want[k]) and math.isnan(got[k])) or want[k] == got[k] for k in want), (a, b)
    assert tr.traffic_totals(p, *AUG)["users"] == 20.0  # the day rows carry users: 5 + 2 + 4 + 9
