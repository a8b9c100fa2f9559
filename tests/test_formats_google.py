"""Google exports (GA4, Universal Analytics, Google Ads, Search Console, Business Profile):
every fixture through the CLI, stored totals checked against sums computed here from the
raw file with the csv module / openpyxl, idempotent re-import, detection, tricky values."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from connectors import store
from tests.conftest import SHARED_FIXTURES, shared_absent
from tests.helpers import run_cli, snapshot

FIXTURES = SHARED_FIXTURES
GA = FIXTURES / "google_analytics"

FILES = {
    "ga4_report": [
        "google_analytics/ga4_Events_Event_name__ten10.csv",
        "google_analytics/ga4_Pages_and_screens_All_Users_segment__planyourrecovery.csv",
        "google_analytics/ga4_Pages_and_screens_Page_path_and_screen_class__buyshedsdirect.csv",
        "google_analytics/ga4_Pages_and_screens_Page_title_single_row__buyshedsdirect.csv",
        "google_analytics/ga4_Report_CSV_Export_Date_unsorted__mh4u.csv",
        "google_analytics/ga4_Report_CSV_Export_Event_name__aptamergroup.csv",
        "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_City_blank_line_before_header__rustom.csv",
        "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_first_block_without_comment_header__azheng.csv",
        "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_overview_cards__mtgrocks.csv",
        "google_analytics/ga4_Reports_snapshot_multiblock_comparison__kaa.csv",
        "fr/google_analytics/ga4_FR_Instantane_des_rapports_MULTIBLOCK_NBSP__le_registre.csv",
    ],
    "ga4_exploration": ["google_analytics/ga4_exploration_freeform_grand_total_row__workargyll.csv"],
    "ga4_data_api": ["google_analytics/ga4_data_api_dump_sessionSource_sessionMedium__proefficient.csv"],
    "ua_report": ["google_analytics/ua_landing_pages_EXTRACTED_from_test_string__zemanta_convapi.csv"],
    "ua_report_xlsx": ["google_analytics/Analytics All Web Site Data Pages 20220701-20220731.xlsx"],
    "google_business_profile": ["google_analytics/google_business_profile_insights_performance_report_2025-10__formpipe.csv"],
    "search_console_api": ["google_analytics/search_console_api_dump_query_page__proefficient.csv"],
    "search_console": [
        "search_console/gsc_performance_Chart_daily__buyshedsdirect.csv",
        "search_console/gsc_performance_Queries__buyshedsdirect.csv",
    ],
    "google_ads_report": [
        "google_ads/google_ads_campaign_report_utf16le_tab__fruit4london.csv",
        "google_ads/google_ads_campaign_report_v2__fruit4london.csv",
    ],
}
ALL = [(fmt, rel) for fmt, rels in FILES.items() for rel in rels]
TABLE = {"google_business_profile": "audience_breakdown", "search_console": "search", "search_console_api": "search", "google_ads_report": "costs"}

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=shared_absent())


def fx(rel: str) -> Path:
    p = FIXTURES / rel
    if not p.is_file():
        pytest.skip(shared_absent(p))
    return p


# ----------------------------------------------------------------------------- helpers


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    return run_cli(capsys, "import", *args)


def imported(capsys, tmp_path: Path, rel: str, fmt: str, *extra: str) -> pd.DataFrame:
    """Import through the CLI, check the JSON line, re-import (no-op, byte-identical), return the table."""
    path = fx(rel)
    code, lines, err = run(capsys, str(path), "--workspace", "t", "--store", str(tmp_path), *extra)
    assert code == 0, err
    assert [ln["format"] for ln in lines] == [fmt], lines
    table = TABLE.get(fmt, "traffic")
    assert lines[0]["table"] == table and lines[0]["rows_added"] == lines[0]["rows_read"] > 0, lines
    before = snapshot(tmp_path)
    code, again, err = run(capsys, str(path), "--workspace", "t", "--store", str(tmp_path), *extra)
    assert code == 0, err
    assert all(ln["rows_added"] == 0 and ln["rows_updated"] == 0 for ln in again), again
    assert snapshot(tmp_path) == before
    df = store.read_table(tmp_path, "t", table)
    assert len(df) == lines[0]["rows_read"]
    return df


def raw_rows(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def raw_blocks(path: Path) -> list[dict]:
    """GA4 download split into tables: {'start','end','header','rows'} (dates = last seen comment dates)."""
    blocks, cur, start, end = [], None, None, None
    for row in raw_rows(path, "utf-8-sig"):
        if not row or not any(c.strip() for c in row):
            cur = None
            continue
        if row[0].startswith("#"):
            cur = None
            text = ",".join(row).lstrip("#").strip()
            label, _, value = text.rpartition(":")
            if value.strip().isdigit() and len(value.strip()) == 8:
                d = dt.datetime.strptime(value.strip(), "%Y%m%d").date()
                if "end" in label.lower() or "fin" in label.lower():
                    end = d
                else:
                    start = d
            continue
        if cur is None:
            cur = {"start": start, "end": end, "header": row, "rows": []}
            blocks.append(cur)
        else:
            cur["rows"].append(row)
    return blocks


def col(block: dict, name: str) -> list[float]:
    i = block["header"].index(name)
    return [float(r[i].replace(",", "")) for r in block["rows"]]


def find(blocks: list[dict], *header: str) -> list[dict]:
    return [b for b in blocks if tuple(b["header"]) == header]


def total(df: pd.DataFrame, column: str, **where) -> float:
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= (df[k] == v) if v is not None else df[k].isna()
    return float(df.loc[m, column].astype("float64").sum())


# ----------------------------------------------------------------------------- detection


@needs_fixtures
@pytest.mark.parametrize("fmt,rel", ALL, ids=[r for _, r in ALL])
def test_detection(fmt, rel, tmp_path):
    from connectors.importer import detect

    path = fx(rel)
    assert detect(path).format == fmt
    renamed = tmp_path / ("export" + path.suffix)  # people rename files: content decides
    shutil.copy(path, renamed)
    assert detect(renamed).format == fmt


@needs_fixtures
def test_my_formats_claim_no_other_family_file():
    from connectors.formats import all_formats
    from connectors.readers import open_document

    mine = [f for f in all_formats() if f.name in FILES]
    own = {FIXTURES / r for _, r in ALL}
    for p in sorted(FIXTURES.rglob("*")):
        if not p.is_file() or p in own or p.suffix.lower() not in (".csv", ".xlsx", ".xls", ".tsv", ".txt"):
            continue
        try:
            doc = open_document(p)
        except Exception:  # noqa: BLE001 - not a tabular export
            continue
        for f in mine:
            assert f.sniff(doc) < 0.5, (f.name, p)


# ----------------------------------------------------------------------------- GA4 standard reports


@needs_fixtures
def test_ga4_events_period_rows(capsys, tmp_path):
    rel = "google_analytics/ga4_Events_Event_name__ten10.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    (b,) = raw_blocks(fx(rel))
    assert len(df) == len(b["rows"]) == 21
    assert total(df, "event_count") == sum(col(b, "Event count"))
    assert total(df, "users") == sum(col(b, "Total users"))
    assert set(df["grain"]) == {"period"} and set(df["dimension"]) == {"event_name"}
    assert set(df["date"]) == {dt.date(2025, 10, 15)} and set(df["period_end"]) == {dt.date(2026, 1, 12)}
    assert set(df["property"]) == {"Ten10 GA4"}
    assert df["sessions"].isna().all()  # not in the export: null, never 0


@needs_fixtures
def test_ga4_account_option_wins(capsys, tmp_path):
    df = imported(capsys, tmp_path, "google_analytics/ga4_Events_Event_name__ten10.csv", "ga4_report", "--account", "ten10-site")
    assert set(df["property"]) == {"ten10-site"}


@needs_fixtures
@pytest.mark.parametrize("rel", [
    "google_analytics/ga4_Pages_and_screens_All_Users_segment__planyourrecovery.csv",
    "google_analytics/ga4_Pages_and_screens_Page_path_and_screen_class__buyshedsdirect.csv",
])
def test_ga4_pages_landing_page_sums(capsys, tmp_path, rel):
    df = imported(capsys, tmp_path, rel, "ga4_report")
    (b,) = raw_blocks(fx(rel))
    for name, c in (("Views", "views"), ("Event count", "event_count"), ("Key events", "conversions")):
        assert total(df, c) == pytest.approx(sum(col(b, name)))
    if "Sessions" in b["header"]:
        assert total(df, "sessions") == sum(col(b, "Sessions"))
        assert total(df, "users") == sum(col(b, "Total users"))  # Total users preferred over Active users
    else:
        assert total(df, "users") == sum(col(b, "Active users"))
    paths = {r[0].split("?")[0].strip() for r in b["rows"]}
    assert set(df["landing_page"].str.split("?").str[0]) == paths
    assert len(df) <= len(b["rows"])


@needs_fixtures
def test_ga4_page_title_single_row(capsys, tmp_path):
    rel = "google_analytics/ga4_Pages_and_screens_Page_title_single_row__buyshedsdirect.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    (b,) = raw_blocks(fx(rel))
    (row,) = b["rows"]
    assert len(df) == 1
    r = df.iloc[0]
    assert r["dimension"] == "page_title" and r["dimension_value"] == row[0]
    assert r["views"] == 0 and r["sessions"] == int(row[b["header"].index("Sessions")]) and r["engaged_sessions"] == 1


@needs_fixtures
def test_ga4_date_dimension_gives_day_rows(capsys, tmp_path):
    rel = "google_analytics/ga4_Report_CSV_Export_Date_unsorted__mh4u.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    (b,) = raw_blocks(fx(rel))
    assert len(df) == len(b["rows"])
    assert set(df["grain"]) == {"day"}
    raw = {dt.datetime.strptime(r[0], "%Y%m%d").date(): r for r in b["rows"]}
    assert set(df["date"]) == set(raw)
    assert total(df, "event_count") == sum(col(b, "Event count"))
    assert total(df, "new_users") == sum(col(b, "New users"))
    assert int(df.loc[df["date"] == dt.date(2023, 10, 10), "users"].iloc[0]) == int(raw[dt.date(2023, 10, 10)][2])


@needs_fixtures
def test_ga4_event_name_2048_bytes(capsys, tmp_path):
    rel = "google_analytics/ga4_Report_CSV_Export_Event_name__aptamergroup.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    (b,) = raw_blocks(fx(rel))
    assert len(df) == len({r[0] for r in b["rows"]})
    assert total(df, "event_count") == sum(col(b, "Event count"))


@needs_fixtures
def test_ga4_multiblock_same_period_blocks_merge(capsys, tmp_path):
    rel = "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_City_blank_line_before_header__rustom.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    blocks = raw_blocks(fx(rel))
    assert len(blocks) == 3
    users: dict[str, float] = {}
    for b in blocks:
        for r in b["rows"]:
            users.setdefault(r[0], float(r[1]))
    assert len(df) == len(users)  # one row per city, not three
    assert total(df, "users") == sum(users.values())
    assert total(df, "new_users") == sum(col(blocks[2], "New users"))
    assert total(df, "engaged_sessions") == sum(col(blocks[2], "Engaged sessions"))
    assert set(df["dimension"]) == {"city"}


@needs_fixtures
def test_ga4_first_block_without_comments(capsys, tmp_path):
    rel = "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_first_block_without_comment_header__azheng.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    blocks = raw_blocks(fx(rel))
    views = find(blocks, "Nth day", "Views")[0]
    days = df[df["grain"] == "day"]
    assert total(days, "views") == sum(col(views, "Views"))
    assert total(days, "event_count") == sum(col(find(blocks, "Nth day", "Event count")[0], "Event count"))
    start = views["start"]
    assert days["date"].min() == start and days["date"].max() == start + dt.timedelta(days=len(views["rows"]) - 1)
    ev = find(blocks, "Event name", "Event count")[0]
    assert total(df, "event_count", dimension="event_name") == sum(col(ev, "Event count"))
    pt = find(blocks, "Page title and screen class", "Views")[0]
    assert total(df, "views", dimension="page_title") == sum(col(pt, "Views"))


@needs_fixtures
def test_ga4_overview_cards(capsys, tmp_path):
    rel = "google_analytics/ga4_Report_CSV_Export_MULTIBLOCK_overview_cards__mtgrocks.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    blocks = raw_blocks(fx(rel))
    u = find(blocks, "Nth day", "Users")[0]
    nu = find(blocks, "Nth day", "New users")[0]
    days = df[df["grain"] == "day"]
    assert len(days) == len(u["rows"])  # Users and New users cards merged into one row per day
    assert total(days, "users") == sum(col(u, "Users"))
    assert total(days, "new_users") == sum(col(nu, "New users"))
    assert days["date"].max() == u["start"] + dt.timedelta(days=int(u["rows"][-1][0]))
    c = find(blocks, "Country ID", "Users")[0]
    assert total(df, "users", dimension="country_id") == sum(col(c, "Users"))
    c2 = find(blocks, "Country", "Users")[0]
    assert total(df, "users", dimension="country") == sum(col(c2, "Users"))
    assert len(df) == len(u["rows"]) + len(c["rows"]) + len(c2["rows"])  # cohort/ratio/empty cards store nothing


@needs_fixtures
def test_ga4_snapshot_comparison_blocks_do_not_collide(capsys, tmp_path):
    rel = "google_analytics/ga4_Reports_snapshot_multiblock_comparison__kaa.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    blocks = raw_blocks(fx(rel))
    for b in find(blocks, "Session source / medium", "Sessions"):
        got = df[(df["date"] == b["start"]) & (df["period_end"] == b["end"]) & df["sessions"].notna()]
        assert total(got, "sessions") == sum(col(b, "Sessions"))
        assert len(got) == len(b["rows"])
    aug = df[(df["date"] == dt.date(2025, 8, 1)) & (df["source"] == "google") & (df["medium"] == "organic")]
    assert len(aug) == 1 and int(aug["sessions"].iloc[0]) == 182
    for b in find(blocks, "Page title and screen class", "Views", "Active users", "Event count", "Bounce rate"):
        got = df[(df["date"] == b["start"]) & (df["dimension"] == "page_title")]
        assert len(got) == len(b["rows"]) and total(got, "views") == sum(col(b, "Views"))
    nr = find(blocks, "Nth day", "new", "returning")
    ut = df[df["dimension"] == "user_type"]
    assert total(ut, "users", dimension_value="new") == sum(sum(col(b, "new")) for b in nr)
    assert total(ut, "users", dimension_value="returning") == sum(sum(col(b, "returning")) for b in nr)
    cards = find(blocks, "Active users", "New users", "Average engagement time per active user", "Event count")
    tot = df[df["dimension"].isna() & df["source"].isna() & (df["grain"] == "period")]
    assert sorted(tot["users"].astype(int)) == sorted(int(b["rows"][0][0]) for b in cards)


@needs_fixtures
def test_ga4_french_snapshot(capsys, tmp_path):
    rel = "fr/google_analytics/ga4_FR_Instantane_des_rapports_MULTIBLOCK_NBSP__le_registre.csv"
    df = imported(capsys, tmp_path, rel, "ga4_report")
    blocks = raw_blocks(fx(rel))
    assert set(df["property"]) == {"Les Registres"}
    assert {b["start"] for b in blocks} == {dt.date(2026, 5, 24)}
    s = find(blocks, "Source/Support de la session", "Sessions")[0]
    assert total(df, "sessions") == sum(col(s, "Sessions"))
    pt = [b for b in blocks if b["header"][0].startswith("Titre de la page")][0]
    assert total(df, "views", dimension="page_title") == sum(col(pt, "Vues"))
    ville = find(blocks, "Ville", "Utilisateurs actifs")[0]
    assert total(df, "users", dimension="city") == sum(col(ville, "Utilisateurs actifs"))
    day = df[df["grain"] == "day"]
    assert day["date"].max() == dt.date(2026, 5, 24) + dt.timedelta(days=27)


@needs_fixtures
def test_french_and_english_land_alike(capsys, tmp_path):
    """The French snapshot and the English one give the same canonical columns and names."""
    fr = imported(capsys, tmp_path / "fr", "fr/google_analytics/ga4_FR_Instantane_des_rapports_MULTIBLOCK_NBSP__le_registre.csv", "ga4_report")
    en = imported(capsys, tmp_path / "en", "google_analytics/ga4_Reports_snapshot_multiblock_comparison__kaa.csv", "ga4_report")
    assert list(fr.columns) == list(en.columns)

    def used(df):
        return {c for c in df.columns if df[c].notna().any()}

    assert used(fr) - {"conversions"} <= used(en)
    assert set(fr["dimension"].dropna()) <= set(en["dimension"].dropna())
    for d in ("page_title", "city", "audience_name", "user_type"):
        assert d in set(fr["dimension"]) and d in set(en["dimension"])
    src = fr[fr["sessions"].notna()]
    assert (src["source"] == "(direct)").all() and (src["medium"] == "(none)").all()


# ----------------------------------------------------------------------------- explorations, API, UA


@needs_fixtures
def test_ga4_exploration_drops_grand_total(capsys, tmp_path):
    rel = "google_analytics/ga4_exploration_freeform_grand_total_row__workargyll.csv"
    df = imported(capsys, tmp_path, rel, "ga4_exploration")
    rows = [r for r in raw_rows(fx(rel)) if r and not r[0].startswith("#")]
    header, data = rows[0], rows[1:]
    grand = [r for r in data if len(r) > len(header)]
    assert len(grand) == 1 and grand[0][-1] == "Grand total"
    data = [r for r in data if len(r) == len(header)]
    assert total(df, "event_count") == sum(float(r[1]) for r in data) == float(grand[0][1])
    assert set(df["property"]) == {"workargyll.com - GA4"}
    assert set(df["date"]) == {dt.date(2025, 12, 13)} and set(df["period_end"]) == {dt.date(2026, 3, 12)}
    assert not df["landing_page"].str.contains("msclkid|fbclid|_its=|li_fat_id", regex=True).any()
    assert df["landing_page"].is_unique
    tracking = ("_its", "msclkid", "ttclid", "gclid", "fbclid", "li_fat_id", "li_ed", "infinity", "utm_")
    holborn = sum(
        float(r[1]) for r in data
        if r[0].split("?")[0] == "/office-space-holborn/"
        and all(q.split("=")[0].startswith(tracking) for q in r[0].partition("?")[2].split("&") if q)
    )
    assert total(df, "event_count", landing_page="/office-space-holborn/") == holborn


@needs_fixtures
def test_ga4_data_api_dump(capsys, tmp_path):
    rel = "google_analytics/ga4_data_api_dump_sessionSource_sessionMedium__proefficient.csv"
    df = imported(capsys, tmp_path, rel, "ga4_data_api")
    rows = raw_rows(fx(rel))[1:]
    assert len(df) == len(rows)
    assert total(df, "sessions") == sum(int(r[3]) for r in rows)
    assert total(df, "users") == sum(int(r[4]) for r in rows)
    assert total(df, "sessions", source="(direct)", medium="(none)") == sum(int(r[3]) for r in rows if r[1] == "(direct)")
    assert set(df["grain"]) == {"day"}


@needs_fixtures
def test_ua_csv_joined_total_row_and_day_index(capsys, tmp_path):
    rel = "google_analytics/ua_landing_pages_EXTRACTED_from_test_string__zemanta_convapi.csv"
    df = imported(capsys, tmp_path, rel, "ua_report")
    rows = [r for r in raw_rows(fx(rel)) if r and not r[0].startswith("#")]
    header, main = rows[0], rows[1]
    assert len(main) == 2 * len(header) - 1  # the total row was glued onto the data row
    per = df[df["grain"] == "period"]
    assert len(per) == 1
    r = per.iloc[0]
    assert r["sessions"] == int(main[2]) and r["new_users"] == int(main[4].replace(",", ""))
    assert r["conversions"] == 0 and r["landing_page"] == "/lasko"
    assert r["dimension"] == "device_category" and r["dimension_value"] == "mobile"
    assert total(df, "sessions") != float(main[len(header) + 1].replace(",", ""))  # the total (3,215) is not stored
    day = df[df["grain"] == "day"]
    assert list(day["date"]) == [dt.date(2015, 4, 16)] and int(day["sessions"].iloc[0]) == 553


@needs_fixtures
def test_ua_xlsx(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    rel = "google_analytics/Analytics All Web Site Data Pages 20220701-20220731.xlsx"
    df = imported(capsys, tmp_path, rel, "ua_report_xlsx")
    wb = openpyxl.load_workbook(fx(rel), read_only=True, data_only=True)
    d1 = [r for r in wb["Dataset1"].iter_rows(values_only=True)][1:]
    d2 = [r for r in wb["Dataset2"].iter_rows(values_only=True)][1:]
    pages = [r for r in d1 if r[0] is not None]
    days = [r for r in d2 if r[0] is not None]
    per, day = df[df["grain"] == "period"], df[df["grain"] == "day"]
    assert len(per) == len(pages) and total(per, "views") == sum(r[1] for r in pages)
    assert len(day) == len(days) and total(day, "views") == sum(r[1] for r in days)
    assert total(day, "views") == [r for r in d2 if r[0] is None][0][1]  # = the unlabelled total row, not stored
    assert set(per["date"]) == {dt.date(2022, 7, 1)} and set(per["period_end"]) == {dt.date(2022, 7, 31)}


# ----------------------------------------------------------------------------- other Google families


@needs_fixtures
def test_business_profile(capsys, tmp_path):
    rel = "google_analytics/google_business_profile_insights_performance_report_2025-10__formpipe.csv"
    df = imported(capsys, tmp_path, rel, "google_business_profile")
    rows = raw_rows(fx(rel))
    header, data = rows[0], rows[2:]
    metrics = header[4:]
    assert len(df) == len(data) * len(metrics)
    for i, name in enumerate(metrics, start=4):
        key = name.lower().replace(" - ", "_").replace(" ", "_")
        assert total(df, "value", metric=key) == sum(float(r[i]) for r in data), name
    assert set(df["dimension"]) == {"location"} and df["dimension_value"].nunique() == len(data)
    assert set(df["period_start"]) == {dt.date(2025, 10, 1)} and set(df["period_end"]) == {dt.date(2025, 10, 31)}
    assert set(df["account"]) == {"Formpipe Software"} and set(df["unit"]) == {"count"}


@needs_fixtures
def test_search_console_chart_daily(capsys, tmp_path):
    rel = "search_console/gsc_performance_Chart_daily__buyshedsdirect.csv"
    df = imported(capsys, tmp_path, rel, "search_console")
    rows = raw_rows(fx(rel))[1:]
    assert len(df) == len(rows) and set(df["grain"]) == {"day"}
    assert total(df, "clicks") == sum(int(r[1]) for r in rows)
    assert total(df, "impressions") == sum(int(r[2]) for r in rows)
    assert df["position"].astype(float).round(4).tolist() == [round(float(r[4]), 4) for r in sorted(rows)]


@needs_fixtures
def test_search_console_queries_undated(capsys, tmp_path):
    rel = "search_console/gsc_performance_Queries__buyshedsdirect.csv"
    df = imported(capsys, tmp_path, rel, "search_console", "--account", "buyshedsdirect.co.uk")
    rows = raw_rows(fx(rel))[1:]
    assert len(df) == len(rows) == 1000
    assert total(df, "impressions") == sum(int(r[2]) for r in rows)
    assert set(df["grain"]) == {"period"} and df["date"].isna().all() and df["period_end"].isna().all()
    assert [p.name for p in store.table_files(tmp_path, "t", "search")] == ["undated.v1.parquet"]
    assert set(df["property"]) == {"buyshedsdirect.co.uk"}


@needs_fixtures
def test_search_console_api_dump(capsys, tmp_path):
    rel = "google_analytics/search_console_api_dump_query_page__proefficient.csv"
    df = imported(capsys, tmp_path, rel, "search_console_api")
    rows = raw_rows(fx(rel))[1:]
    keys = {(r[0], r[1], r[2].lower()) for r in rows}
    assert len(df) == len(keys)
    assert total(df, "impressions") == sum(int(r[4]) for r in rows)
    assert total(df, "clicks") == sum(int(r[3]) for r in rows)
    assert set(df["device"]) <= {"desktop", "mobile", "tablet"}


@needs_fixtures
def test_google_ads_utf16_tab(capsys, tmp_path):
    rel = "google_ads/google_ads_campaign_report_utf16le_tab__fruit4london.csv"
    df = imported(capsys, tmp_path, rel, "google_ads_report")
    rows = raw_rows(fx(rel), "utf-16", "\t")
    header = rows[2]
    data = [r for r in rows[3:] if r and not r[0].startswith("Total")]
    assert len(df) == len(data) == 1
    r = df.iloc[0]
    assert r["amount"] == pytest.approx(float(data[0][header.index("Cost")]))
    assert r["impressions"] == int(data[0][header.index("Impr.")].replace(",", ""))
    assert (r["currency"], r["platform"], r["category"]) == ("GBP", "google_ads", "ads")
    assert (r["date"], r["period_end"]) == (dt.date(2026, 1, 27), dt.date(2026, 2, 23))


@needs_fixtures
def test_google_ads_csv_totals_dropped(capsys, tmp_path):
    rel = "google_ads/google_ads_campaign_report_v2__fruit4london.csv"
    df = imported(capsys, tmp_path, rel, "google_ads_report")
    rows = raw_rows(fx(rel))
    header = rows[2]
    data = [r for r in rows[3:] if r and not r[0].startswith("Total")]
    tot = [r for r in rows[3:] if r and r[0] == "Total: Campaigns"][0]
    assert len(df) == len(data) == 2
    assert total(df, "amount") == pytest.approx(sum(float(r[header.index("Cost")]) for r in data))
    assert total(df, "amount") == pytest.approx(float(tot[header.index("Cost")]), abs=0.02)  # Google rounds the total
    assert total(df, "impressions") == sum(int(r[header.index("Impr.")].replace(",", "")) for r in data)
    assert total(df, "conversion_value") == pytest.approx(sum(float(r[header.index("Conv. value")].replace(",", "")) for r in data))


@needs_fixtures
def test_google_ads_two_exports_same_period_update(capsys, tmp_path):
    a = "google_ads/google_ads_campaign_report_utf16le_tab__fruit4london.csv"
    b = "google_ads/google_ads_campaign_report_v2__fruit4london.csv"
    run(capsys, str(fx(a)), "--workspace", "t", "--store", str(tmp_path))
    code, lines, err = run(capsys, str(fx(b)), "--workspace", "t", "--store", str(tmp_path))
    assert code == 0, err
    assert lines[0]["rows_added"] == 1 and lines[0]["rows_updated"] == 1
    assert len(store.read_table(tmp_path, "t", "costs")) == 2


# ----------------------------------------------------------------------------- synthetic cases


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_ga4_landing_page_utm_and_click_ids(capsys, tmp_path):
    text = (
        "# ----------------------------------------\n# Landing page\n# Account: A\n# Property: P\n"
        "# ----------------------------------------\n# \n# Start date: 20240101\n# End date: 20240131\n"
        "Landing page + query string,Sessions,Engagement rate,Key events\n"
        "/offer?utm_source=Facebook&amp;utm_medium=social&amp;utm_campaign=spring,10,0.5,1\n"
        "/offer%3Futm_source%3Dfacebook%26utm_medium%3Dsocial%26utm_campaign%3Dspring%26fbclid%3Dabc,5,0.2,0\n"
        "/offer?gclid=1,3,1,0\n/offer?gclid=2,4,0.25,1\n/,7,0,0\n"
    )
    p = write(tmp_path, "lp.csv", text)
    code, lines, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    df = store.read_table(tmp_path / "s", "t", "traffic")
    assert len(df) == 3
    fb = df[df["source"] == "facebook"].iloc[0]
    assert (fb["medium"], fb["campaign"], fb["landing_page"], fb["sessions"]) == ("social", "spring", "/offer", 15)
    assert fb["engaged_sessions"] == 6  # derived: round(0.5*10) + round(0.2*5)
    plain = df[(df["landing_page"] == "/offer") & df["source"].isna()].iloc[0]
    assert plain["sessions"] == 7 and plain["conversions"] == 1 and plain["engaged_sessions"] == 4


def test_ga4_resaved_without_comments_needs_dates(capsys, tmp_path):
    p = write(tmp_path, "data-export.csv", "Session source / medium,Sessions,Total users\ngoogle / organic,5,4\n")
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 2 and "data-export.csv:1:" in err and "Start date" in err
    p2 = write(tmp_path, "data-export 20240101-20240131.csv", "Session source / medium,Sessions,Total users\ngoogle / organic,5,4\n")
    code, lines, err = run(capsys, str(p2), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    df = store.read_table(tmp_path / "s", "t", "traffic")
    assert df.iloc[0]["date"] == dt.date(2024, 1, 1) and df.iloc[0]["period_end"] == dt.date(2024, 1, 31)


def test_ga4_bad_count_names_line_and_column(capsys, tmp_path):
    text = "# Property: P\n# Start date: 20240101\n# End date: 20240131\nCity,Sessions\nParis,12\nLyon,douze\n"
    p = write(tmp_path, "bad.csv", text)
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 2
    assert "bad.csv:6:" in err and "'Sessions'" in err and "douze" in err
    assert not (tmp_path / "s" / "t" / "traffic").exists()


def test_ga4_truncated_last_line(capsys, tmp_path):
    text = "# Property: P\n# Start date: 20240101\n# End date: 20240131\nCity,Sessions,Total users\nParis,12,10\nLyon,3"
    p = write(tmp_path, "cut.csv", text)
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 2 and "cut.csv:6:" in err and "Total users" in err


def test_ga4_segment_blocks_do_not_collide(capsys, tmp_path):
    text = (
        "# Property: P\n# \n# All Users\n# Start date: 20240101\n# End date: 20240131\nCity,Sessions\nParis,12\n\n"
        "# Mobile traffic\n# Start date: 20240101\n# End date: 20240131\nCity,Sessions\nParis,5\n"
    )
    p = write(tmp_path, "seg.csv", text)
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    df = store.read_table(tmp_path / "s", "t", "traffic")
    assert sorted(df["sessions"].astype(int)) == [5, 12]
    assert set(df["dimension"]) == {"city", "city+segment"}


def test_ga4_formula_like_text_kept(capsys, tmp_path):
    text = "# Property: P\n# Start date: 20240101\n# End date: 20240131\nEvent name,Event count\n=cmd|' /C calc'!A0,3\n+foo,2\n"
    p = write(tmp_path, "f.csv", text)
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    df = store.read_table(tmp_path / "s", "t", "traffic")
    assert set(df["dimension_value"]) == {"=cmd|' /C calc'!A0", "+foo"}


def test_google_ads_french_day_rows_and_ad_groups_summed(capsys, tmp_path):
    text = (
        "Rapport sur les groupes d'annonces\n1 janv. 2026 - 2 janv. 2026\n"
        "Jour\tCampagne\tGroupe d'annonces\tCode de la devise\tClics\tImpr.\tCoût\tConversions\tValeur de conv.\n"
        "2026-01-01\tSoldes\tA\tEUR\t3\t\"1 200\"\t12,50\t1,00\t20,00\n"
        "2026-01-01\tSoldes\tB\tEUR\t2\t800\t7,50\t0,00\t0,00\n"
        "2026-01-02\tSoldes\tA\tEUR\t1\t100\t --\t0,00\t0,00\n"
        "Total : compte\t\t\tEUR\t6\t\"2 100\"\t20,00\t1,00\t20,00\n"
    )
    p = write(tmp_path, "ads.csv", "\ufeff" + text, "utf-16-le")
    code, lines, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    assert lines[0]["format"] == "google_ads_report"
    df = store.read_table(tmp_path / "s", "t", "costs")
    assert len(df) == 1  # the 2nd day has no cost ('--'): nothing to store
    r = df.iloc[0]
    assert (r["date"], r["period_end"], r["amount"], r["impressions"], r["currency"]) == (dt.date(2026, 1, 1), dt.date(2026, 1, 1), 20.0, 2000, "EUR")


def test_search_console_french_devices(capsys, tmp_path):
    text = "Appareil,Clics,Impressions,CTR,Position\nMobile,10,100,10%,3.5\nOrdinateur,5,50,10%,4\nTablette,0,3,0%,9\n"
    p = write(tmp_path, "Appareils.csv", text)
    code, lines, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 0, err
    df = store.read_table(tmp_path / "s", "t", "search")
    assert set(df["device"]) == {"mobile", "desktop", "tablet"} and total(df, "clicks") == 15


def test_search_console_search_appearance_refused(capsys, tmp_path):
    p = write(tmp_path, "Search appearance.csv", "Search appearance,Clicks,Impressions,CTR,Position\nVideos,1,10,10%,5\n")
    code, _, err = run(capsys, str(p), "--workspace", "t", "--store", str(tmp_path / "s"))
    assert code == 2 and "Search appearance" in err


# ----------------------------------------------------------------------------- unit helpers


def test_file_range_hints():
    from connectors.formats.google_analytics import file_range

    assert file_range("Analytics All Web Site Data Pages 20220701-20220731.xlsx") == (dt.date(2022, 7, 1), dt.date(2022, 7, 31))
    assert file_range("GMB insights (Performance Report) - 2025-10-1 - 2025-10-31 - 2bfad2.csv") == (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert file_range("report_2025-10__x.csv") == (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert file_range("Queries.csv") == (None, None)


def test_ga_preamble_nbsp_and_french_labels():
    from connectors.formats.google_analytics import Preamble, read_comments

    pre = Preamble()
    read_comments(["-" * 40, "Instantané des rapports", "Compte\u00a0: X", "Propriété\u00a0: Y", "-" * 40, "",
                   "Date de début\u00a0: 20260524", "Date de fin\u00a0: 20260620"], pre)
    assert (pre.account, pre.property, pre.start, pre.end) == ("X", "Y", dt.date(2026, 5, 24), dt.date(2026, 6, 20))


def test_classify_columns():
    from connectors.formats.google_analytics import classify

    kinds = {c.header: (c.kind, c.canon) for c in classify(
        ["Page path and screen class", "Views", "Active users", "Total users", "Average engagement time per active user", "Engagement rate"])}
    assert kinds["Page path and screen class"] == ("dim", "landing_page")
    assert kinds["Total users"] == ("metric", "users") and kinds["Active users"][0] == "skip"
    assert kinds["Average engagement time per active user"][0] == "skip" and kinds["Engagement rate"][0] == "rate"
    fr = {c.header: (c.kind, c.canon) for c in classify(["Nième jour", "Nouveaux utilisateurs"])}
    assert fr == {"Nième jour": ("time", "nth_day"), "Nouveaux utilisateurs": ("metric", "new_users")}
    ua = classify(["Landing Page", "Device Category", "Sessions", "X (Goal 1 Completions)", "Y (Goal 2 Completions)", "Z (Goal 1 Value)"])
    assert [c.kind for c in ua] == ["dim", "dim", "metric", "goal", "goal", "skip"]


@pytest.mark.parametrize("title,expected", [
    ("27 January 2026 - 23 February 2026", (dt.date(2026, 1, 27), dt.date(2026, 2, 23))),
    ("27 janv. 2026 - 23 févr. 2026", (dt.date(2026, 1, 27), dt.date(2026, 2, 23))),
    ("1 févr. 2026 – 28 févr. 2026", (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
    ("27.01.2026 - 23.02.2026", (dt.date(2026, 1, 27), dt.date(2026, 2, 23))),
    ("Jan 27, 2026 - Feb 23, 2026", (dt.date(2026, 1, 27), dt.date(2026, 2, 23))),
    ("All time", (None, None)),
])
def test_google_ads_title_range(title, expected):
    from connectors.formats.google_ads import _range

    assert _range(["Campaign report", title], "f.csv", 3) == expected
