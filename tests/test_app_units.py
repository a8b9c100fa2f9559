"""Pure helpers of the UI: locale formatting, periods, colours, coverage, CSV safety, chart locale."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from ui import charts, colors, datainfo, fmt, period

N = "\u202f"  # narrow no-break space
S = "\u00a0"  # no-break space
D = dt.date


@pytest.mark.parametrize(
    ("value", "decimals", "en", "fr"),
    [
        (1234.5, 1, "1,234.5", f"1{N}234,5"),
        (1234567, 0, "1,234,567", f"1{N}234{N}567"),
        (-9876.54, 2, "-9,876.54", f"-9{N}876,54"),
        (999, 0, "999", "999"),
        (0.5, 0, "0", "0"),  # banker's rounding of the half is Python's; both languages agree
        (-0.0001, 2, "0.00", "0,00"),
        (None, 0, "—", "—"),
        (float("nan"), 0, "—", "—"),
        (pd.NA, 0, "—", "—"),
    ],
)
def test_number(value, decimals, en, fr):
    assert fmt.number(value, decimals, "en") == en
    assert fmt.number(value, decimals, "fr") == fr


def test_percent_currency_points_compact():
    assert fmt.percent(12.345, 1, "fr") == f"1{N}234,5{N}%"
    assert fmt.percent(12.345, 1, "en") == "1,234.5%"
    assert fmt.percent(0.0425, 1, "fr", signed=True) == f"+4,3{N}%" or fmt.percent(0.0425, 1, "fr", signed=True) == f"+4,2{N}%"
    assert fmt.percent(-0.1, 0, "en") == "-10%"
    assert fmt.currency(12345.67, "CAD", "fr") == f"12{N}345,67{S}$"
    assert fmt.currency(12345.67, "CAD", "en") == "$12,345.67"
    assert fmt.currency(-5, "EUR", "en") == "-€5.00"
    assert fmt.currency(1500, "EUR", "fr", decimals=0) == f"1{N}500{S}€"
    assert fmt.currency(3, "JPY", "en") == f"JPY{S}3.00"
    assert fmt.points(0.021, 1, "fr") == f"+2,1{S}pts"
    assert fmt.compact(12300, "en") == "12.3K" and fmt.compact(12300, "fr") == f"12,3{N}k"
    assert fmt.compact(1_000_000, "en") == "1M" and fmt.compact(2_500_000, "fr") == f"2,5{N}M"
    assert fmt.compact(950, "fr") == "950"
    assert fmt.filesize(2_800_000, "en") == f"2.8{S}MB" and fmt.filesize(2_800_000, "fr") == f"2,8{S}Mo"


def test_dates():
    d = D(2025, 11, 3)
    assert fmt.date(d, "fr", "short") == "lun. 3 nov."
    assert fmt.date(d, "en", "short") == "Mon Nov 3"
    assert fmt.date(d, "en") == "Nov 3, 2025"
    assert fmt.date(d, "fr") == "3 nov. 2025"
    assert fmt.date(d, "fr", "long") == "3 novembre 2025"
    assert fmt.date(D(2025, 8, 1), "fr", "full") == "vendredi 1er août 2025"
    assert fmt.date(D(2025, 8, 1), "en", "full") == "Friday, August 1, 2025"
    assert fmt.date(d, "fr", "month") == "novembre 2025"
    assert fmt.date(pd.Timestamp("2025-11-03 23:00", tz="UTC"), "en") == "Nov 3, 2025"
    assert fmt.date(None, "en") == "—" and fmt.date(pd.NaT, "fr") == "—"
    assert fmt.date("2025-02-01", "fr", "day_month") == "1 févr."
    th = "\u2009–\u2009"
    assert fmt.date_range(D(2025, 11, 3), D(2025, 11, 9), "en") == f"Nov 3{th}9, 2025"
    assert fmt.date_range(D(2025, 11, 3), D(2025, 11, 9), "fr") == f"3{th}9 nov. 2025"
    assert fmt.date_range(D(2025, 10, 27), D(2025, 11, 2), "fr") == f"27 oct.{th}2 nov. 2025"
    assert fmt.date_range(D(2024, 12, 30), D(2025, 1, 5), "en") == f"Dec 30, 2024{th}Jan 5, 2025"
    assert fmt.datetime(dt.datetime(2025, 11, 3, 14, 5), "fr") == f"3 nov. 2025, 14{S}h{S}05"
    assert fmt.datetime(dt.datetime(2025, 11, 3, 14, 5), "en") == "Nov 3, 2025, 14:05"


@pytest.mark.parametrize(
    ("today", "week", "month", "quarter"),
    [
        (D(2025, 11, 12), (D(2025, 11, 3), D(2025, 11, 9)), (D(2025, 10, 1), D(2025, 10, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
        (D(2025, 11, 10), (D(2025, 11, 3), D(2025, 11, 9)), (D(2025, 10, 1), D(2025, 10, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
        (D(2025, 11, 9), (D(2025, 10, 27), D(2025, 11, 2)), (D(2025, 10, 1), D(2025, 10, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
        (D(2025, 1, 2), (D(2024, 12, 23), D(2024, 12, 29)), (D(2024, 12, 1), D(2024, 12, 31)), (D(2024, 10, 1), D(2024, 12, 31))),
    ],
)
def test_periods(today, week, month, quarter):
    assert period.resolve("week", today) == week
    assert period.resolve("month", today) == month
    assert period.resolve("quarter", today) == quarter
    assert week[0].weekday() == 0 and week[1].weekday() == 6


def test_previous_periods():
    assert period.previous(D(2025, 11, 3), D(2025, 11, 9)) == (D(2025, 10, 27), D(2025, 11, 2))
    assert period.previous(D(2025, 3, 1), D(2025, 3, 31)) == (D(2025, 2, 1), D(2025, 2, 28))
    assert period.previous(D(2025, 1, 1), D(2025, 3, 31)) == (D(2024, 10, 1), D(2024, 12, 31))
    assert period.previous(D(2025, 3, 10), D(2025, 3, 19)) == (D(2025, 2, 28), D(2025, 3, 9))
    assert period.classify(D(2025, 10, 1), D(2025, 10, 31), D(2025, 11, 12)) == "month"
    assert period.classify(D(2025, 10, 2), D(2025, 10, 31), D(2025, 11, 12)) == "custom"
    assert period.resolve("custom", D(2025, 11, 12), D(2025, 5, 9), D(2025, 5, 1)) == (D(2025, 5, 1), D(2025, 5, 9))


def test_platform_colours_are_readable_on_both_themes():
    from connectors.schema import PLATFORMS

    assert set(colors.PLATFORM_COLORS) == set(PLATFORMS)
    for p in PLATFORMS:
        for theme in ("light", "dark"):
            c = colors.platform_color(p, theme)
            assert colors.contrast_ratio(c, colors.THEME_BACKGROUND[theme]) >= 3.0, (p, theme, c)
    assert colors.platform_color("x", "light") == "#000000" and colors.platform_color("x", "dark") == "#E7E9EA"
    assert colors.platform_color("facebook", "light") == "#1877F2"
    assert len(set(colors.color_map("light").values())) == len(PLATFORMS)


def test_coverage_and_gaps():
    df = pd.DataFrame(
        {
            "date": [D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 5), D(2025, 1, 9), D(2025, 1, 1), D(2025, 1, 3)],
            "platform": ["x", "x", "x", "x", "facebook", "facebook"],
        }
    )
    cov = datainfo.coverage(df, "audience").set_index("group")
    assert cov.loc["x", "rows"] == 4 and cov.loc["x", "first"] == D(2025, 1, 1) and cov.loc["x", "last"] == D(2025, 1, 9)
    assert cov.loc["x", "missing_days"] == 5
    assert cov.loc["x", "gaps"] == [(D(2025, 1, 3), D(2025, 1, 4)), (D(2025, 1, 6), D(2025, 1, 8))]
    assert cov.loc["facebook", "missing_days"] == 1
    posts = pd.DataFrame({"published_at": pd.to_datetime(["2025-01-01T10:00Z", "2025-01-05T10:00Z"]), "platform": ["x", None]})
    pc = datainfo.coverage(posts, "posts")
    assert pc["missing_days"].isna().all() and set(pc["group"]) == {"x", "—"}
    assert datainfo.coverage(pd.DataFrame(columns=["date", "platform"]), "audience").empty
    traffic = pd.DataFrame(
        {"date": [D(2025, 1, 1), D(2025, 1, 3), D(2025, 1, 1)], "property": ["site"] * 3, "grain": ["day", "day", "period"]}
    )
    tc = datainfo.coverage(traffic, "traffic")
    assert tc.iloc[0]["missing_days"] == 1 and tc["rows"].sum() == 3
    assert datainfo.columns_for("traffic", ["date", "property", "grain", "sessions"]) == ["date", "property", "grain"]


def test_csv_neutralises_formulas():
    df = pd.DataFrame(
        {"text": ['=HYPERLINK("x")', "+1+2", "-2+cmd|x", "@SUM(A1)", "\tx", "\rx", "fine", None, "-2", "+1"],
         "n": [-1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
    )
    back = pd.read_csv(io.BytesIO(datainfo.to_csv_bytes(df)), encoding="utf-8-sig", keep_default_na=False, dtype={"text": str})
    assert back["text"].tolist()[:4] == ['\'=HYPERLINK("x")', "'+1+2", "'-2+cmd|x", "'@SUM(A1)"]
    assert back["text"].tolist()[8:] == ["-2", "+1"]  # plain numbers stay numbers (ui/safe.py)
    assert back["text"].tolist()[6:8] == ["fine", ""]
    assert back["n"].tolist()[0] == -1  # numbers are untouched
    assert datainfo.neutralise_cell("\tx") == "'\tx" and datainfo.neutralise_cell(3) == 3
    pq = datainfo.to_parquet_bytes(df)
    assert pd.read_parquet(io.BytesIO(pq))["text"].tolist()[0] == '=HYPERLINK("x")'


def test_plotly_locale_config():
    assert charts.plotly_config("en")["locale"] == "en" and "locales" not in charts.plotly_config("en")
    fr = charts.plotly_config("fr")
    assert fr["locale"] == "fr" and fr["locales"]["fr"]["format"]["months"][0] == "janvier"
    assert fr["locales"]["fr"]["format"]["shortDays"][0] == "dim."  # plotly weeks start on Sunday
    assert charts.SEPARATORS["fr"] == "," + N


def test_data_page_coverage_that_does_not_add_up_is_read_again(tmp_path, monkeypatch):
    """A cached summary whose groups do not add up to the table's row count (another version's)
    is not shown: the table is read again."""
    import datetime as dt
    from types import SimpleNamespace

    import pandas as pd

    from connectors.store import write_frames
    from ui import data

    posts = pd.DataFrame({"post_id": ["p1", "p2", "p3"], "platform": ["x", "x", "facebook"], "account": "acme",
                          "published_at": ["2026-11-02T10:00Z", "2026-11-03T10:00Z", "2026-11-03T11:00Z"]})
    write_frames(tmp_path, "w", [("posts", posts)], now=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    ctx = SimpleNamespace(root=tmp_path, workspace="w")
    monkeypatch.setattr(data, "_coverage", lambda *a, **k: data.datainfo.coverage(None, "posts"))  # a stale, empty summary
    assert len(data.coverage("posts", ["published_at", "platform"], ctx=ctx)) == 0, "without the row count: as cached"
    cov = data.coverage("posts", ["published_at", "platform"], ctx=ctx, rows=3)
    assert dict(zip(cov["group"], cov["rows"], strict=True)) == {"facebook": 1, "x": 2}
