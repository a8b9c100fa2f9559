"""Facebook / Instagram / Meta Ads exports: every fixture imported through the CLI,
totals checked against values computed here from the raw files (stdlib csv, openpyxl),
re-import idempotent (no row added or updated, Parquet files byte-identical)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from connectors.formats.meta_business import excel_decimal, name_range, share_values
from connectors.importer import detect
from tests.conftest import SHARED_FIXTURES, shared_absent
from tests.helpers import import_twice_quiet

FIXTURES = SHARED_FIXTURES
FB = FIXTURES / "facebook"
IG = FIXTURES / "instagram"

EXPECTED_FORMAT = {
    "Facebook Insights Data Export (Post Level) - LOK - 2017-07-27.xls": "facebook_insights_posts",
    "Facebook Insights Data Export (Post Level) - LOK - 2017-07-27.xlsx": "facebook_insights_posts",
    "Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv": "facebook_insights_posts",
    "Facebook Insights Data Export (Video Posts) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv": "facebook_insights_videos",
    "Facebook Insights Data Export - Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv": "facebook_insights_page",
    "mbs_fb_FollowerGender__pcmerchandise.csv": "meta_audience",
    "mbs_fb_FollowerTopTerritories__pcmerchandise.csv": "meta_audience",
    "mbs_fb_ig_Audience_utf16le_TAB_CRLF_percent__mh4u.csv": "meta_audience",
    "mbs_fb_page_Audience__restaurant_vintage.csv": "meta_audience",
    "mbs_fb_page_Audience_utf16le_sepline__oigetit.csv": "meta_audience",
    "mbs_fb_page_FollowerHistory_no_year_dates__pcmerchandise.csv": "meta_daily_table",
    "mbs_fb_page_Follows_utf16le_sepline__oigetit.csv": "meta_daily_series",
    "mbs_fb_page_Interactions_utf16le_sepline__oigetit.csv": "meta_daily_series",
    "mbs_fb_page_New_likes_and_follows_2020_utf16le__feadev.csv": "meta_daily_series",
    "mbs_fb_page_Reach_utf16le_TAB_CRLF_resaved__mh4u.csv": "meta_daily_series",
    "mbs_fb_page_Reach_utf16le_sepline__oigetit.csv": "meta_daily_series",
    "mbs_fb_page_Viewers__pcmerchandise.csv": "meta_daily_table",
    "mbs_fb_page_Views_utf16le_sepline__oigetit.csv": "meta_daily_series",
    "mbs_fb_page_Visits__pcmerchandise.csv": "meta_daily_series",
    "mbs_fb_page_Visits_utf16le_sepline__oigetit.csv": "meta_daily_series",
    "mbs_fb_posts_DUPLICATE_Views_column_Mar-18-2025_Apr-14-2025_553302954456165__oigetit.csv": "meta_posts",
    "mbs_fb_posts_Jan-14-2025_Apr-14-2025_1396269028466733__oigetit.csv": "meta_posts",
    "mbs_fb_posts_RAW_METRIC_KEY_header_Description_DROPPED_Dec-12-2023_Mar-06-2024__mh4u_ukrainian.csv": "meta_posts",
    "mbs_fb_posts_Title_Description_DROPPED_Feb-01-2025_Mar-15-2025_613168031534769__proefficient.csv": "meta_posts",
    "mbs_fb_top_content_formats_SEMICOLON_resaved__restaurant_vintage.csv": "meta_audience",
    "mbs_fb_videos_EXCEL_MANGLED_row_quoted_Oct-31-2025_Dec-30-2025__restaurant_vintage.csv": "meta_videos",
    "meta_ads_manager_campaigns_export_NO_DATA_row.csv": "meta_ads_manager",
    "meta_ads_manager_export_PHP_Sep-1-2025-Sep-30-2025__pcmerchandise.csv": "meta_ads_manager",
    "meta_ads_manager_export__mh4u.xlsx": "meta_ads_manager",
    "mbs_ig_account_Audience__elitravelguy.csv": "meta_audience",
    "mbs_ig_account_Reach_daily__elitravelguy.csv": "meta_daily_series",
    "mbs_ig_account_Views_daily_utf16le_sepline__vintagerest_bg.csv": "meta_daily_series",
    "mbs_ig_posts_Mar-18-2025_Apr-14-2025_1019826952924933__oigetit.csv": "meta_posts",
}


def fixture(name: str) -> Path:
    return (IG if name.startswith("mbs_ig_") else FB) / name


@pytest.fixture(autouse=True)
def _need_fixtures():
    if not FB.is_dir():
        pytest.skip(shared_absent())


# ----------------------------------------------------------------------------- helpers


def import_twice(path: Path, store: Path, account: str | None = None) -> dict[str, dict]:
    return {r["table"]: r for r in import_twice_quiet(path, store, account)}


def table(store: Path, name: str) -> pd.DataFrame:
    d = store / "t" / name
    return pd.read_parquet(d) if d.is_dir() and any(d.glob("*.parquet")) else pd.DataFrame()


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF16_LE):
        return raw.decode("utf-16")
    if raw.startswith(codecs.BOM_UTF8):
        return raw.decode("utf-8-sig")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def rows_of(path: Path, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(read_text(path), newline=""), delimiter=delimiter))


def num(s: str) -> float:
    return float(s) if s.strip() not in ("", "-") else 0.0


# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize("name", list(EXPECTED_FORMAT), ids=lambda n: n[:45])
def test_detected_as_its_format(name: str, tmp_path: Path) -> None:
    path = fixture(name)
    assert detect(path).format == EXPECTED_FORMAT[name]
    renamed = tmp_path / ("download" + path.suffix)
    shutil.copy(path, renamed)
    assert detect(renamed).format == EXPECTED_FORMAT[name]


# ----------------------------------------------------------------------------- Meta Business Suite posts


@pytest.mark.parametrize(
    "name,reactions_col",
    [
        ("mbs_fb_posts_DUPLICATE_Views_column_Mar-18-2025_Apr-14-2025_553302954456165__oigetit.csv", "Reactions"),
        ("mbs_fb_posts_Jan-14-2025_Apr-14-2025_1396269028466733__oigetit.csv", "Reactions"),
        ("mbs_fb_posts_RAW_METRIC_KEY_header_Description_DROPPED_Dec-12-2023_Mar-06-2024__mh4u_ukrainian.csv", "Reactions"),
        ("mbs_fb_posts_Title_Description_DROPPED_Feb-01-2025_Mar-15-2025_613168031534769__proefficient.csv", "Reactions"),
        ("mbs_ig_posts_Mar-18-2025_Apr-14-2025_1019826952924933__oigetit.csv", "Likes"),
    ],
    ids=lambda v: v[:30],
)
def test_meta_posts(name: str, reactions_col: str, tmp_path: Path) -> None:
    rows = rows_of(fixture(name))
    h, data = rows[0], [r for r in rows[1:] if r and r[0].strip()]  # error rows carry only 'Data comment'
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(data) == len({r[0] for r in data})
    reach = [r[h.index("Reach")] or (r[h.index("IMPRESSION:UNIQUE_USERS")] if "IMPRESSION:UNIQUE_USERS" in h else "") for r in data]
    assert int(p["reach"].sum()) == int(sum(num(x) for x in reach))
    assert int(p["reactions"].sum()) == int(sum(num(r[h.index(reactions_col)]) for r in data))
    assert int(p["comments"].sum()) == int(sum(num(r[h.index("Comments")]) for r in data))
    if "Views" in h:
        assert int(p["views"].sum()) == int(sum(num(r[h.index("Views")]) for r in data))
    ig = name.startswith("mbs_ig_")
    assert set(p["platform"]) == {"instagram" if ig else "facebook"}
    assert set(p["account"]) == {data[0][h.index("Account username" if ig else "Page name")]}
    if ig:
        assert int(p["saves"].sum()) == int(sum(num(r[h.index("Saves")]) for r in data))
    start, end = name_range(name)
    assert (p["as_of"] == pd.Timestamp(end, tz="UTC")).all()
    # Publish time is local (workspace time zone, UTC by default)
    first = p.set_index("post_id").loc[data[0][0]]
    assert first["published_at"] == pd.Timestamp(dt.datetime.strptime(data[0][h.index("Publish time")], "%m/%d/%Y %H:%M"), tz="UTC")


def test_meta_posts_in_workspace_time_zone(tmp_path: Path) -> None:
    from connectors import store

    name = "mbs_ig_posts_Mar-18-2025_Apr-14-2025_1019826952924933__oigetit.csv"
    store.save_config(tmp_path, "t", "workspace", {"timezone": "Africa/Johannesburg"})
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts").set_index("post_id")
    assert p.loc["18355151116178767", "published_at"] == pd.Timestamp("2025-03-18 07:48", tz="UTC")  # 09:48 SAST


def test_meta_videos_unwrapped(tmp_path: Path) -> None:
    name = "mbs_fb_videos_EXCEL_MANGLED_row_quoted_Oct-31-2025_Dec-30-2025__restaurant_vintage.csv"
    outer = rows_of(fixture(name))
    assert all(len(r) == 1 for r in outer if r)
    rows = [next(csv.reader([r[0]])) for r in outer if r]
    h, data = rows[0], rows[1:]
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(data)
    assert set(p["post_id"]) == {r[0] for r in data}
    assert int(p["reach"].sum()) == int(sum(num(r[h.index("Reach")]) for r in data))
    assert int(p["views"].sum()) == int(sum(num(r[h.index("3-second video views")]) for r in data))
    assert set(p["account"]) == {"Restaurant Vintage"}


# ----------------------------------------------------------------------------- daily series


SERIES = [
    ("mbs_fb_page_Follows_utf16le_sepline__oigetit.csv", "facebook", "new_followers", ","),
    ("mbs_fb_page_Interactions_utf16le_sepline__oigetit.csv", "facebook", "engagements", ","),
    ("mbs_fb_page_Reach_utf16le_TAB_CRLF_resaved__mh4u.csv", "facebook", "reach", "\t"),
    ("mbs_fb_page_Reach_utf16le_sepline__oigetit.csv", "facebook", "reach", ","),
    ("mbs_fb_page_Views_utf16le_sepline__oigetit.csv", "facebook", "views", ","),
    ("mbs_fb_page_Visits__pcmerchandise.csv", "facebook", "profile_views", ","),
    ("mbs_fb_page_Visits_utf16le_sepline__oigetit.csv", "facebook", "profile_views", ","),
    ("mbs_ig_account_Reach_daily__elitravelguy.csv", "instagram", "reach", ","),
    ("mbs_ig_account_Views_daily_utf16le_sepline__vintagerest_bg.csv", "instagram", "views", ","),
]


def blocks_of(rows: list[list[str]]) -> list[list[list[str]]]:
    """Blank-line separated blocks, the ``sep=`` line dropped."""
    out, cur = [], []
    for r in rows:
        if r and r[0].startswith("sep="):
            continue
        if not r or not any(c.strip() for c in r):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(r)
    if cur:
        out.append(cur)
    return out


@pytest.mark.parametrize("name,platform,column,delim", SERIES, ids=lambda v: str(v)[:30])
def test_daily_series(name: str, platform: str, column: str, delim: str, tmp_path: Path) -> None:
    blocks = blocks_of(rows_of(fixture(name), delim))
    import_twice(fixture(name), tmp_path / "anon")  # nothing in the file names the page
    assert set(table(tmp_path / "anon", "audience")["account"]) == {"default"}
    import_twice(fixture(name), tmp_path, account="acme")
    a = table(tmp_path, "audience")
    assert set(a["account"]) == {"acme"}
    assert len(a) == sum(len(b) - 2 for b in blocks)
    for b in blocks:  # title line, "Date,Primary", then the days
        plat = "instagram" if "Instagram" in b[0][0] else "facebook" if "Facebook" in b[0][0] else platform
        part = a[a["platform"] == plat]
        assert len(part) == len(b) - 2
        assert int(part[column].sum()) == int(sum(num(r[1]) for r in b[2:]))
        assert str(part["date"].max()) == b[-1][0][:10]  # "2025-01-01T01:00:00" is a day
    assert blocks[0][0][0] != "Reach" or set(a["platform"]) == {"instagram"}


def test_daily_series_two_blocks(tmp_path: Path) -> None:
    name = "mbs_fb_page_New_likes_and_follows_2020_utf16le__feadev.csv"
    blocks = blocks_of(rows_of(fixture(name)))
    assert [b[0][0] for b in blocks] == ["Facebook Page new likes", "New Instagram followers"]
    import_twice(fixture(name), tmp_path, account="feadev")
    a = table(tmp_path, "audience")
    for b, platform in zip(blocks, ("facebook", "instagram"), strict=True):
        part = a[a["platform"] == platform]
        assert len(part) == len(b) - 2
        assert int(part["new_followers"].sum()) == int(sum(num(r[1]) for r in b[2:]))


def test_follower_history_without_year(tmp_path: Path) -> None:
    name = "mbs_fb_page_FollowerHistory_no_year_dates__pcmerchandise.csv"
    rows = rows_of(fixture(name))[1:]
    import_twice(fixture(name), tmp_path, account="pcm")
    a = table(tmp_path, "audience").sort_values("date")
    assert len(a) == len(rows)
    today = dt.date.today()
    last = dt.datetime.strptime(rows[-1][0], "%B %d").date()
    year = today.year if last.replace(year=today.year) <= today else today.year - 1
    assert a["date"].iloc[-1] == last.replace(year=year)
    assert int(a["followers"].iloc[-1]) == int(rows[-1][1])
    assert a["new_followers"].isna().all()  # 'Difference' is a net change, not new followers


def test_viewers(tmp_path: Path) -> None:
    name = "mbs_fb_page_Viewers__pcmerchandise.csv"
    rows = [r for r in rows_of(fixture(name))[1:] if "undefined" not in r]
    import_twice(fixture(name), tmp_path, account="pcm")
    a = table(tmp_path, "audience")
    assert len(a) == len(rows)
    assert int(a["reach"].sum()) == int(sum(num(r[1]) for r in rows))
    b = table(tmp_path, "audience_breakdown")
    assert int(b.loc[b["dimension_value"] == "new", "value"].sum()) == int(sum(num(r[2]) for r in rows))


# ----------------------------------------------------------------------------- audience blocks


def test_audience_horizontal_blocks(tmp_path: Path) -> None:
    name = "mbs_fb_page_Audience_utf16le_sepline__oigetit.csv"
    rows = rows_of(fixture(name))
    countries = dict(zip(rows[11], rows[12], strict=True))
    import_twice(fixture(name), tmp_path)
    b = table(tmp_path, "audience_breakdown")
    c = b[b["dimension"] == "country"].set_index("dimension_value")["value"]
    assert len(c) == len(countries)
    for k, v in countries.items():
        assert c[k] == pytest.approx(float(v) / 100)
    ag = b[b["dimension"] == "age_gender"]
    assert len(ag) == 12 and ag["value"].sum() == pytest.approx(sum(float(x) for r in rows[3:9] for x in r[1:]) / 100)
    assert set(b["unit"]) == {"share"} and set(b["platform"]) == {"facebook"}


def test_audience_bulgarian_excel_dates_are_decimals(tmp_path: Path) -> None:
    name = "mbs_fb_page_Audience__restaurant_vintage.csv"
    rows = rows_of(fixture(name), ";")
    assert rows[2][:3] == ["18-24", "3.апр", "1.юни"]
    import_twice(fixture(name), tmp_path, account="vintage")
    b = table(tmp_path, "audience_breakdown").set_index(["dimension", "dimension_value"])["value"]
    assert b[("age_gender", "female 18-24")] == pytest.approx(0.034)
    assert b[("age_gender", "male 18-24")] == pytest.approx(0.016)
    assert b[("age_gender", "female 45-54")] == pytest.approx(0.15)
    assert b[("city", "Sofia, Bulgaria")] == pytest.approx(0.041)
    assert b[("country", "Bulgaria")] == pytest.approx(0.984)
    a = table(tmp_path, "audience")  # the "Follows" series block
    follows = [r for r in rows[19:81]]
    assert len(a) == len(follows) and int(a["new_followers"].sum()) == int(sum(num(r[1]) for r in follows))


def test_audience_tab_percent_and_split_cities(tmp_path: Path) -> None:
    name = "mbs_fb_ig_Audience_utf16le_TAB_CRLF_percent__mh4u.csv"
    import_twice(fixture(name), tmp_path)
    b = table(tmp_path, "audience_breakdown")
    tot = b[b["dimension"] == "total"].set_index("platform")["value"]
    assert tot["facebook"] == 30222 and tot["instagram"] == 3098
    cities = b[(b["dimension"] == "city") & (b["platform"] == "facebook")].set_index("dimension_value")["value"]
    assert cities["Kyiv, Ukraine"] == pytest.approx(0.153)
    assert cities["Lviv, Lviv Oblast, Ukraine"] == pytest.approx(0.087)
    ig = b[(b["dimension"] == "country") & (b["platform"] == "instagram")]
    assert ig["value"].sum() == pytest.approx((80 + 3.5 + 3.4 + 1.6 + 1.1) / 100)


def test_instagram_audience(tmp_path: Path) -> None:
    name = "mbs_ig_account_Audience__elitravelguy.csv"
    rows = rows_of(fixture(name))
    import_twice(fixture(name), tmp_path)
    b = table(tmp_path, "audience_breakdown")
    assert set(b["platform"]) == {"instagram"}
    city = b[b["dimension"] == "city"]
    assert len(city) == len(rows[2]) and city["value"].sum() == pytest.approx(sum(float(x) for x in rows[3]) / 100)


@pytest.mark.parametrize("name,dimension", [("mbs_fb_FollowerGender__pcmerchandise.csv", "gender"), ("mbs_fb_FollowerTopTerritories__pcmerchandise.csv", "country")])
def test_distribution_fractions_stay(name: str, dimension: str, tmp_path: Path) -> None:
    rows = rows_of(fixture(name))[1:]
    import_twice(fixture(name), tmp_path)
    b = table(tmp_path, "audience_breakdown")
    assert len(b) == len(rows) and set(b["dimension"]) == {dimension}
    assert b["value"].sum() == pytest.approx(sum(float(r[1]) for r in rows))


def test_top_content_formats(tmp_path: Path) -> None:
    name = "mbs_fb_top_content_formats_SEMICOLON_resaved__restaurant_vintage.csv"
    rows = rows_of(fixture(name), ";")
    import_twice(fixture(name), tmp_path)
    b = table(tmp_path, "audience_breakdown")
    views = b[b["metric"] == "views"]
    assert int(views["value"].sum()) == int(sum(num(x) for x in rows[2]))
    assert len(b) == sum(1 for x in rows[2] + rows[6] + rows[10] if x)
    assert set(b["unit"]) == {"count"} and set(b["dimension"]) == {"content_format"}


# ----------------------------------------------------------------------------- legacy Facebook Insights


def test_legacy_post_level_csv(tmp_path: Path) -> None:
    name = "Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv"
    rows = rows_of(fixture(name))
    h, data = rows[0], [r for r in rows[2:] if r and r[0]]
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(data) == 98
    assert int(p["reach"].sum()) == int(sum(num(r[h.index("Lifetime Post Total Reach")]) for r in data))
    assert int(p["impressions"].sum()) == int(sum(num(r[h.index("Lifetime Post Total Impressions")]) for r in data))
    like = h.index("Lifetime Talking About This (Post) by action type - like")
    assert int(p["reactions"].sum()) == int(sum(num(r[like]) for r in data))
    assert set(p["account"]) == {"Visualization Studio VIC"}
    assert (p["as_of"] == pd.Timestamp("2015-02-19", tz="UTC")).all()


def test_legacy_video_posts(tmp_path: Path) -> None:
    name = "Facebook Insights Data Export (Video Posts) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv"
    rows = rows_of(fixture(name))
    h, data = rows[0], [r for r in rows[2:] if r and r[0]]
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(data)
    assert int(p["views"].sum()) == int(sum(num(r[h.index("Lifetime Total Video Views")]) for r in data))


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_legacy_post_level_workbooks(suffix: str, tmp_path: Path) -> None:
    name = "Facebook Insights Data Export (Post Level) - LOK - 2017-07-27" + suffix
    wb = openpyxl.load_workbook(fixture(name[:-len(suffix)] + ".xlsx"), read_only=True)
    km = [r for r in wb["Key Metrics"].iter_rows(values_only=True)]
    h = list(km[0])
    data = [r for r in km[2:] if r[0]]
    talk = [r for r in list(wb["Lifetime Talking About This(..."].iter_rows(values_only=True))[1:] if r[1]]
    import_twice(fixture(name), tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(data) == 7
    assert int(p["reach"].sum()) == sum(int(r[h.index("post_impressions_unique:lifetime")]) for r in data)
    assert int(p["comments"].sum()) == sum(int(r[11]) for r in talk)
    assert set(p["account"]) == {"LOK"}


def test_legacy_page_level(tmp_path: Path) -> None:
    name = "Facebook Insights Data Export - Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv"
    rows = rows_of(fixture(name))
    h, data = rows[0], [r for r in rows[2:] if r and r[0]]
    assert len(h) == 644
    import_twice(fixture(name), tmp_path)
    a = table(tmp_path, "audience").sort_values("date")
    assert len(a) == len(data)
    assert int(a["followers"].iloc[-1]) == int(data[-1][h.index("Lifetime Total Likes")])
    assert int(a["impressions"].sum()) == int(sum(num(r[h.index("Daily Total Impressions")]) for r in data))
    assert int(a["new_followers"].sum()) == int(sum(num(r[h.index("Daily New Likes")]) for r in data))
    assert str(a["date"].iloc[-1]) == "2014-02-27"
    b = table(tmp_path, "audience_breakdown")
    countries = {c.split(" - ", 1)[1]: data[-1][i] for i, c in enumerate(h) if c.startswith("Lifetime Likes by Country - ") and data[-1][i]}
    got = b[b["dimension"] == "country"].set_index("dimension_value")["value"]
    assert {k: int(v) for k, v in got.items()} == {k: int(v) for k, v in countries.items()}


# ----------------------------------------------------------------------------- Meta Ads Manager


def test_ads_csv_php(tmp_path: Path) -> None:
    name = "meta_ads_manager_export_PHP_Sep-1-2025-Sep-30-2025__pcmerchandise.csv"
    rows = rows_of(fixture(name))
    h, data = rows[0], rows[1:]
    import_twice(fixture(name), tmp_path)
    c = table(tmp_path, "costs")
    assert len(c) == len(data)
    assert c["amount"].sum() == pytest.approx(sum(num(r[h.index("Amount spent (PHP)")]) for r in data))
    assert int(c["impressions"].sum()) == int(sum(num(r[h.index("Impressions")]) for r in data))
    assert int(c["clicks"].sum()) == int(sum(num(r[h.index("Link clicks")]) for r in data))
    assert set(c["currency"]) == {"PHP"} and set(c["category"]) == {"ads"}
    assert str(c["date"].min()) == "2025-09-01" and str(c["period_end"].max()) == "2025-09-30"
    conv = sum(num(r[h.index("Results")]) for r in data if "conversion" in r[h.index("Result indicator")])
    assert c["conversions"].sum() == pytest.approx(conv)


def test_ads_xlsx_total_row_dropped_and_same_names_summed(tmp_path: Path) -> None:
    name = "meta_ads_manager_export__mh4u.xlsx"
    rows = list(openpyxl.load_workbook(fixture(name), read_only=True).active.iter_rows(values_only=True))
    h, total, data = rows[0], rows[1], rows[2:]
    assert total[2] is None  # the account total row
    import_twice(fixture(name), tmp_path)
    c = table(tmp_path, "costs")
    spend = h.index("Amount spent (UAH)")
    assert c["amount"].sum() == pytest.approx(sum(r[spend] or 0 for r in data))
    assert c["amount"].sum() == pytest.approx(total[spend])
    assert int(c["impressions"].sum()) == total[h.index("Impressions")]
    assert len(c) == len({(r[4], r[2]) for r in data})
    assert set(c["currency"]) == {"UAH"} and c["conversions"].isna().all()  # post engagement is not a conversion


def test_ads_no_data_row(tmp_path: Path) -> None:
    res = import_twice(fixture("meta_ads_manager_campaigns_export_NO_DATA_row.csv"), tmp_path)
    assert res["costs"]["rows_read"] == 0
    assert table(tmp_path, "costs").empty


def test_ads_identical_rows_not_double_counted(tmp_path: Path) -> None:
    src = fixture("meta_ads_manager_export_PHP_Sep-1-2025-Sep-30-2025__pcmerchandise.csv")
    rows = rows_of(src)
    f = tmp_path / "ads.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([rows[0], rows[1], rows[1], rows[2]])
    import_twice(f, tmp_path / "s")
    c = table(tmp_path / "s", "costs")
    spend = rows[0].index("Amount spent (PHP)")
    assert c["amount"].sum() == pytest.approx(float(rows[1][spend]) + float(rows[2][spend]))


# ----------------------------------------------------------------------------- tricky values


def test_excel_decimal_recovery() -> None:
    assert excel_decimal("3.апр") == "3.4"
    assert excel_decimal("22.авг") == "22.8"
    assert excel_decimal("1.окт") == "1.10"
    assert excel_decimal("15") == "15"
    assert excel_decimal("Sofia") == "Sofia"


def test_share_values() -> None:
    assert share_values(["75%", "25%"], [1, 2], "f", "c") == pytest.approx([0.75, 0.25])
    assert share_values(["0.75", "0.25"], [1, 2], "f", "c") == pytest.approx([0.75, 0.25])
    assert share_values(["60.5", "39.5"], [1, 2], "f", "c") == pytest.approx([0.605, 0.395])


def test_name_range() -> None:
    assert name_range("Mar-18-2025_Apr-14-2025_553302954456165.csv") == (dt.date(2025, 3, 18), dt.date(2025, 4, 14))
    assert name_range("tweet_activity_metrics_x_20210801_20210901_en.csv") == (dt.date(2021, 8, 1), dt.date(2021, 9, 1))
    assert name_range("Facebook Insights Data Export - P - 2014-01-01 - 2014-02-27.csv") == (dt.date(2014, 1, 1), dt.date(2014, 2, 27))
    assert name_range("export_Sep-1-2025-Sep-30-2025.csv") == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))
    assert name_range("Posts.csv") == (None, None)
