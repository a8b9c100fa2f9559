"""LinkedIn workbooks: each shared fixture through the CLI, totals checked against values
read here with openpyxl, idempotent re-import, detection, title row above the header."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from connectors import store
from connectors.__main__ import main as cli
from connectors.importer import detect
from tests.conftest import SHARED_FIXTURES, shared_absent
from tests.helpers import import_twice, run_import, write_xlsx

FIXTURES = SHARED_FIXTURES
LI = FIXTURES / "linkedin"
CONTENT = "linkedin_page_content_export_Post_title_DROPPED_rewritten_openpyxl__pro-efficient-data-entry_content_1742193384396.xlsx"
CREATOR = "linkedin_creator_profile_export_RANDOMIZED_values__manuel-rr.xlsx"
TEMPLATES = {
    "linkedin_page_followers_HEADER_TEMPLATE_no_data__molteni.xlsx": "linkedin_page_followers",
    "linkedin_page_updates_HEADER_TEMPLATE_no_data__molteni.xlsx": "linkedin_page_content",
    "linkedin_page_visitors_HEADER_TEMPLATE_no_data__molteni.xlsx": "linkedin_page_visitors",
}

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=shared_absent())


def sheet(path: Path, name: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [r for r in wb[name].iter_rows(values_only=True)]
    wb.close()
    return rows


def table(root: Path, name: str) -> pd.DataFrame:
    return store.read_table(root, "t", name)


@needs_fixtures
def test_page_content_export(tmp_path, capsys):
    path = LI / CONTENT
    res = import_twice(capsys, path, tmp_path)
    assert {r["format"] for r in res} == {"linkedin_page_content"}
    metrics = sheet(path, "Metrics")
    head, data = list(metrics[0]), [r for r in metrics[1:] if r[0]]
    aud = table(tmp_path, "audience")
    assert len(aud) == len(data)
    assert int(aud["impressions"].sum()) == sum(r[head.index("Impressions (total)")] for r in data)
    assert int(aud["clicks"].sum()) == sum(r[head.index("Clicks (total)")] for r in data)
    assert int(aud["reactions"].sum()) == sum(r[head.index("Reactions (total)")] for r in data)
    assert int(aud["shares"].sum()) == sum(r[head.index("Reposts (total)")] for r in data)
    assert int(aud["reach"].sum()) == sum(r[head.index("Unique impressions (organic)")] for r in data)
    assert set(aud["account"]) == {"pro-efficient-data-entry"}  # from the file name
    posts_sheet = sheet(path, "All posts")
    ph, pdata = list(posts_sheet[0]), [r for r in posts_sheet[1:] if r[0]]
    posts = table(tmp_path, "posts")
    assert len(posts) == len(pdata)
    assert int(posts["impressions"].sum()) == sum(r[ph.index("Impressions")] for r in pdata)
    assert int(posts["reactions"].sum()) == sum(r[ph.index("Likes")] for r in pdata)
    link = pdata[0][ph.index("Post link")]
    assert link.rsplit(":", 1)[-1] in set(posts["post_id"])
    # the export instant in the file name (epoch ms) is the posts' as_of: re-import stays idempotent
    assert set(posts["as_of"]) == {pd.Timestamp(1742193384396, unit="ms", tz="UTC").floor("s")}
    assert posts["views"].isna().all()  # empty cells are unknown, never 0


@needs_fixtures
def test_creator_export(tmp_path, capsys):
    path = LI / CREATOR
    import_twice(capsys, path, tmp_path, "--account", "manuel")
    eng = [r for r in sheet(path, "ENGAGEMENT")[1:] if r[0]]
    fol = sheet(path, "FOLLOWERS")
    fdata = [r for r in fol[3:] if r[0]]
    aud = table(tmp_path, "audience")
    days = {r[0] for r in eng} | {r[0] for r in fdata}
    assert len(aud) == len(days)  # one row per day: ENGAGEMENT and FOLLOWERS merged
    assert int(aud["impressions"].sum()) == sum(r[1] for r in eng)
    # engagements are RANDBETWEEN*RAND() floats shown with format "0": stored rounded
    assert int(aud["engagements"].sum()) == sum(round(r[2]) for r in eng)
    assert int(aud["new_followers"].sum()) == sum(r[1] for r in fdata)
    last = aud.set_index("date").loc[dt.date(2023, 4, 23)]
    assert fol[0][0].startswith("Total followers on 4/23/2023") and last["followers"] == fol[0][1]
    assert aud["followers"].notna().sum() == 1
    demo = [r for r in sheet(path, "DEMOGRAPHICS")[1:] if r[0]]
    bd = table(tmp_path, "audience_breakdown")
    assert len(bd) == len(demo)
    assert bd["value"].sum() == pytest.approx(sum(r[2] for r in demo if not isinstance(r[2], str)))
    assert bd["value"].isna().sum() == sum(1 for r in demo if isinstance(r[2], str))  # "< 1%" unknown
    assert set(bd["unit"]) == {"share"} and "job_title" in set(bd["dimension"])
    assert set(aud["account"]) == {"manuel"}


@needs_fixtures
@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_header_only_templates_import_as_zero_rows(name, tmp_path, capsys):
    res = run_import(capsys, LI / name, tmp_path)
    assert res and all(r["rows_read"] == 0 for r in res)
    assert {r["format"] for r in res} == {TEMPLATES[name]}


@needs_fixtures
@pytest.mark.parametrize(
    "name,fmt", [(CONTENT, "linkedin_page_content"), (CREATOR, "linkedin_creator"), *sorted(TEMPLATES.items())]
)
def test_detection_even_renamed(name, fmt, tmp_path):
    assert detect(LI / name).format == fmt
    renamed = tmp_path / "download.xlsx"
    shutil.copy(LI / name, renamed)
    assert detect(renamed).format == fmt


def test_title_row_above_header_and_followers_export(tmp_path, capsys):
    """Original downloads carry a title row above the header (public parsers skip one row)."""
    p = tmp_path / "acme-co_followers_1742193384396.xlsx"
    write_xlsx(p, {
        "New followers": [["Aggregated followers data"], ["Date", "Sponsored followers", "Organic followers", "Total followers"],
                          ["03/01/2025", 1, 4, 5], ["03/02/2025", 0, 2, 2]],
        "Location": [["Location", "Total followers"], ["Lyon", 120], ["Paris", 80]],
        "Seniority": [["Seniority", "Total followers"], ["Senior", 30]],
    })
    root = tmp_path / "s"
    import_twice(capsys, p, root)
    aud = table(root, "audience")
    assert sorted(aud["new_followers"].tolist()) == [2, 5] and set(aud["account"]) == {"acme-co"}
    bd = table(root, "audience_breakdown")
    assert set(bd["dimension"]) == {"location", "seniority"} and bd["value"].sum() == 230
    assert set(bd["period_end"]) == {dt.date(2025, 3, 17)}


def test_visitors_and_old_update_engagement(tmp_path, capsys):
    p = tmp_path / "visitors.xlsx"
    write_xlsx(p, {
        "Visitor metrics": [["Date", "Overview page views (total)", "Total page views (desktop)", "Total page views (mobile)", "Total page views (total)"],
                            ["03/01/2025", 3, 2, 2, 4]],
        "Industry": [["Industry", "Total views"], ["Food", 7]],
    })
    root = tmp_path / "s"
    run_import(capsys, p, root)
    assert table(root, "audience")["profile_views"].tolist() == [4]
    q = tmp_path / "updates.xlsx"
    write_xlsx(q, {
        "Update metrics (aggregated)": [["Date", "Impressions (total)", "Shares (total)"], ["01/05/2020", 10, 1]],
        "Update engagement": [["Update link", "Update title", "Update type", "Created date", "Impressions", "Video views", "Likes", "Shares"],
                              ["https://www.linkedin.com/feed/update/urn:li:activity:6650000000000000000", "@Acme -20 % ce mois-ci", "Organic", "01/05/2020", 10, 3, 2, 1]],
    })
    run_import(capsys, q, root)
    posts = table(root, "posts")
    assert posts["post_id"].tolist() == ["6650000000000000000"]
    assert posts["text"].tolist() == ["@Acme -20 % ce mois-ci"]  # kept as text
    assert (posts["views"].item(), posts["shares"].item()) == (3, 1)


def test_non_numeric_count_is_an_error(tmp_path, capsys):
    p = tmp_path / "content.xlsx"
    write_xlsx(p, {"Metrics": [["Date", "Impressions (total)"], ["03/01/2025", "beaucoup"]], "All posts": [["Post link"]]})
    code = cli(["import", str(p), "--workspace", "t", "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 2 and "[Metrics]:2:" in err and "Impressions (total)" in err
