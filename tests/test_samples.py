"""Every format family on the project's own synthetic samples (tests/data/samples, written by
tests/data/make_samples.py): these run on any clone, with or without the shared real exports.

For each sample: the detected format, the rows stored per table, and figures stated by hand
from the sample's cells (the comment beside each says which cells). Listening and CRM samples
live beside them in tests/data and are tested in test_formats_listening.py / test_formats_crm.py.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from connectors import importer
from connectors.formats import all_formats
from tests.helpers import import_twice_quiet

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = DATA / "samples"

# file -> (format, {table: rows stored}, [(table, {column: value} to select one row, column, expected)])
CASES: dict[str, tuple[str, dict[str, int], list[tuple[str, dict, str, object]]]] = {
    "x_tweet_activity_metrics_samplebrand_20250310_20250312_en.csv": (
        "x_tweet_activity", {"posts": 2},
        [  # floats "200.0" -> 200; likes 10 -> reactions; the two-line text kept whole
            ("posts", {"post_id": "1700000000000000002"}, "impressions", 200),
            ("posts", {"post_id": "1700000000000000002"}, "reactions", 10),
            ("posts", {"post_id": "1700000000000000002"}, "text", "Second post\nwith two lines"),
            ("posts", {"post_id": "1700000000000000001"}, "account", "samplebrand"),  # from the permalink
            ("posts", {"post_id": "1700000000000000001"}, "published_at", pd.Timestamp("2025-03-10 09:00", tz="UTC")),
        ],
    ),
    "x_daily_tweet_activity_metrics_samplebrand.csv": (
        "x_tweet_activity_daily", {"audience": 2},
        [("audience", {"date": dt.date(2025, 3, 10)}, "impressions", 100), ("audience", {"date": dt.date(2025, 3, 11)}, "new_followers", 1)],
    ),
    "x_account_analytics_content.csv": (
        "x_account_content", {"posts": 2},
        [("posts", {"post_id": "1800000000000000001"}, "impressions", 300), ("posts", {"post_id": "1800000000000000001"}, "shares", 4)],
    ),
    "x_account_overview_analytics.csv": (
        "x_account_overview", {"audience": 2},
        [  # "Mon, Mar 10, 2025": New follows 7, Unfollows 2
            ("audience", {"date": dt.date(2025, 3, 10)}, "new_followers", 7),
            ("audience", {"date": dt.date(2025, 3, 10)}, "lost_followers", 2),
        ],
    ),
    "meta_posts_bom.csv": (
        "meta_posts", {"posts": 2},
        [  # BOM stripped from "Post ID"; Reach 250, Reactions 12; account = Page name
            ("posts", {"post_id": "111_201"}, "reach", 250),
            ("posts", {"post_id": "111_201"}, "reactions", 12),
            ("posts", {"post_id": "111_202"}, "account", "Sample Page"),
            ("posts", {"post_id": "111_202"}, "published_at", pd.Timestamp("2025-03-12 08:30", tz="UTC")),
        ],
    ),
    "meta_page_reach_utf16_sepline.csv": (
        "meta_daily_series", {"audience": 3},
        [("audience", {"date": dt.date(2025, 3, 11)}, "reach", 80), ("audience", {"date": dt.date(2025, 3, 12)}, "reach", 100)],
    ),
    "meta_page_visits_utf16_tab_crlf.csv": (
        "meta_daily_series", {"audience": 2},
        [("audience", {"date": dt.date(2025, 3, 10)}, "profile_views", 7)],  # "Facebook visits" -> profile views
    ),
    "meta_audience_utf16_stacked.csv": (
        "meta_audience", {"audience_breakdown": 8},
        [  # Women 25-34 = 30 % -> 0.30 share; Montréal 55 % (a name with a comma, quoted)
            ("audience_breakdown", {"dimension_value": "female 25-34"}, "value", 0.30),
            ("audience_breakdown", {"dimension_value": "Montréal, QC"}, "value", 0.55),
        ],
    ),
    "meta_ads_semicolon_decimal_comma.csv": (
        "meta_ads_manager", {"costs": 2},
        [  # "15,00" and "7,50" with decimal commas; currency from the header "Amount spent (EUR)"
            ("costs", {"campaign": "Spring sale"}, "amount", 15.0),
            ("costs", {"campaign": "Brand, awareness"}, "amount", 7.5),
            ("costs", {"campaign": "Spring sale"}, "currency", "EUR"),
        ],
    ),
    "facebook_insights_post_level_two_headers.csv": (
        "facebook_insights_posts", {"posts": 1},
        [  # the description row is not data; total reach 60, total impressions 90
            ("posts", {"post_id": "222_301"}, "reach", 60),
            ("posts", {"post_id": "222_301"}, "impressions", 90),
            ("posts", {"post_id": "222_301"}, "published_at", pd.Timestamp("2015-02-19 23:45:22", tz="UTC")),
        ],
    ),
    "linkedin_content_title_rows.xlsx": (
        "linkedin_page_content", {"audience": 2, "posts": 1},
        [  # the title row above each header is skipped; Impressions (total) 150 on 03/10/2025
            ("audience", {"date": dt.date(2025, 3, 10)}, "impressions", 150),
            ("posts", {"post_id": "7000000000000000001"}, "reactions", 9),
        ],
    ),
    "youtube_table_data_total_row.csv": (
        "youtube_studio_table", {"posts": 2},
        [  # the "Total" row is not a video; negative subscribers kept
            ("posts", {"post_id": "abcDEF12345"}, "views", 1000),
            ("posts", {"post_id": "ghiJKL67890"}, "subscribers_net", -2),
            ("posts", {"post_id": "abcDEF12345"}, "watch_time_hours", 20.25),
        ],
    ),
    "youtube_totals_ddmmyyyy.csv": (
        "youtube_studio_totals", {"audience": 3},
        [("audience", {"date": dt.date(2025, 3, 13)}, "views", 50)],  # 13-03-2025 read day first
    ),
    "youtube_chart_data.csv": (
        "youtube_studio_chart", {"content_daily": 2},
        [("content_daily", {"date": dt.date(2025, 3, 11)}, "views", 400)],
    ),
    "tiktok_overview_bom_nan.csv": (
        "tiktok_overview", {"audience": 2},
        [("audience", {"date": dt.date(2025, 3, 10)}, "views", 900), ("audience", {"date": dt.date(2025, 3, 11)}, "lost_followers", 2)],
    ),
    "tiktok_content.csv": (
        "tiktok_content", {"posts": 1},
        [("posts", {"post_id": "7400000000000000001"}, "views", 900), ("posts", {"post_id": "7400000000000000001"}, "account", "samplebrand")],
    ),
    "ga4_report_preamble.csv": (
        "ga4_report", {"traffic": 3},
        [("traffic", {"date": dt.date(2025, 3, 10)}, "sessions", 50), ("traffic", {"date": dt.date(2025, 3, 12)}, "users", 18)],
    ),
    "ga4_exploration_grand_total.csv": (
        "ga4_exploration", {"traffic": 2},
        [  # the grand-total row is dropped; UTM of the landing page read into source/medium
            ("traffic", {"landing_page": "/spring"}, "sessions", 60),
            ("traffic", {"landing_page": "/spring"}, "source", "newsletter"),
        ],
    ),
    "ua_landing_pages_total_rows.csv": (
        "ua_report", {"traffic": 4},
        [  # "1,215" -> 1215; total rows skipped; Day Index 02/04/2015 -> 2 April
            ("traffic", {"landing_page": "/"}, "sessions", 1215),
            ("traffic", {"date": dt.date(2015, 4, 2)}, "sessions", 600),
        ],
    ),
    "google_ads_campaign_report_utf16_tab.csv": (
        "google_ads_report", {"costs": 2},
        [  # "1,200" impressions; the two "Total: …" rows are not campaigns
            ("costs", {"campaign": "Spring search"}, "impressions", 1200),
            ("costs", {"campaign": "Spring search"}, "amount", 30.0),
            ("costs", {"campaign": "Brand"}, "amount", 5.0),
        ],
    ),
    "search_console_Dates.csv": (
        "search_console", {"search": 2},
        [("search", {"date": dt.date(2025, 3, 10)}, "clicks", 12), ("search", {"date": dt.date(2025, 3, 11)}, "position", 10.0)],
    ),
    "search_console_Queries.csv": (
        "search_console", {"search": 2},
        [("search", {"query": "social roi"}, "impressions", 500)],
    ),
    "google_business_profile_performance_report_2025-03.csv": (
        "google_business_profile", {"audience_breakdown": 9},
        [  # nine metric columns for the one location; the period from the file name (March 2025)
            ("audience_breakdown", {"metric": "google_maps_mobile"}, "value", 40.0),
            ("audience_breakdown", {"metric": "calls"}, "period_end", dt.date(2025, 3, 31)),
        ],
    ),
}


def _stored(root: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(root / "t" / table)


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_imports_with_hand_known_values(name: str, tmp_path: Path):
    fmt, counts, checks = CASES[name]
    path = SAMPLES / name
    det = importer.detect(path.read_bytes(), name)
    assert det.error is None and det.format == fmt, (det.format, det.error)
    lines = import_twice_quiet(path, tmp_path)  # a second import adds and updates nothing
    added = {x["table"]: x["rows_added"] for x in lines if x["rows_added"]}
    assert added == counts
    for table, where, column, expected in checks:
        df = _stored(tmp_path, table)
        for k, v in where.items():
            col = df[k]
            if isinstance(v, dt.date):
                col = pd.to_datetime(col).dt.date
            df = df[col == v]
        assert len(df) == 1, (table, where)
        got = df.iloc[0][column]
        if isinstance(expected, float):
            assert got == pytest.approx(expected), (table, where, column)
        elif isinstance(expected, dt.date) and not isinstance(expected, pd.Timestamp):
            assert pd.Timestamp(got).date() == expected
        else:
            assert got == expected, (table, where, column, got)


def test_every_format_family_has_a_synthetic_sample():
    """Each format module (family) is exercised by a sample of tests/data, so a public clone
    without the shared real exports still tests every family."""
    covered = {v[0] for v in CASES.values()}
    listening_crm = {"meltwater", "brandwatch", "talkwalker", "mentions_csv", "listening_sentiment_daily", "hubspot_contacts", "salesforce_leads", "crm_leads"}
    families = {f.__module__.rsplit(".", 1)[-1] for f in all_formats() if f.name in covered | listening_crm}
    every = {f.__module__.rsplit(".", 1)[-1] for f in all_formats()} - {"generic"}  # generic: a saved mapping, tested in test_app_import
    assert every - families == set()
    assert all((SAMPLES / n).is_file() for n in CASES)
    assert (DATA / "listening_meltwater_utf16_tab.csv").is_file() and (DATA / "crm_hubspot_contacts.csv").is_file()


def test_samples_are_what_the_script_writes():
    """The committed samples are exactly the generator's output (the script is the source)."""
    spec = importlib.util.spec_from_file_location("make_samples", DATA / "make_samples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built = mod.build()
    assert set(built) == set(CASES)
    assert {n: (SAMPLES / n).read_bytes() for n in built} == built
    # the quirks the samples promise are really in the bytes
    assert built["meta_posts_bom.csv"].startswith(b"\xef\xbb\xbf")
    assert built["meta_page_reach_utf16_sepline.csv"].startswith(b"\xff\xfe" + "sep=,".encode("utf-16-le"))
    assert "\t".encode("utf-16-le") in built["google_ads_campaign_report_utf16_tab.csv"]
    assert b";" in built["meta_ads_semicolon_decimal_comma.csv"] and b'"15,00"' not in built["meta_ads_semicolon_decimal_comma.csv"]
    assert b";15,00;" in built["meta_ads_semicolon_decimal_comma.csv"]
