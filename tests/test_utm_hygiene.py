"""metrics.utm_hygiene: conventions, link building, and the hygiene report on the demo
workspace and on real GA4 exports imported through the importer."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from connectors import importer, store
from metrics import utm_hygiene as uh
from tests.conftest import SHARED_FIXTURES, shared_absent

GA = SHARED_FIXTURES / "google_analytics"
GA_FILES = [
    "ga4_exploration_freeform_grand_total_row__workargyll.csv",
    "ga4_Pages_and_screens_All_Users_segment__planyourrecovery.csv",
    "ga4_Pages_and_screens_Page_path_and_screen_class__buyshedsdirect.csv",
    "ga4_Reports_snapshot_multiblock_comparison__kaa.csv",
    "ga4_data_api_dump_sessionSource_sessionMedium__proefficient.csv",
    "ua_landing_pages_EXTRACTED_from_test_string__zemanta_convapi.csv",
]


def test_suggest_value_and_keys():
    assert uh.suggest_value(" Hiver 2026 ") == "hiver-2026"
    assert uh.suggest_value("Été_Gourmand!", "campaign") == "ete-gourmand"
    assert uh.suggest_value("fb", "source") == "facebook"
    assert uh.suggest_value("m.facebook.com", "source") == "facebook"
    assert uh.suggest_value("Paid Social", "medium") == "paid_social"
    assert uh.variant_key("Hiver_2026 ", "campaign") == uh.variant_key("hiver-2026", "campaign")
    assert uh.variant_key("(not set)", "campaign") is None


def test_check_tags_conventions_and_ga4_channels():
    codes = {(i["code"], i["field"]) for i in uh.check_tags({"source": "Facebook", "medium": "social", "campaign": "Hiver 2026"}, paid=True)}
    assert ("uppercase", "source") in codes and ("spaces", "campaign") in codes and ("uppercase", "campaign") in codes
    assert ("paid_as_social", "medium") in codes
    paid_social = [i for i in uh.check_tags({"source": "facebook", "medium": "social", "campaign": "x"}, paid=True) if i["code"] == "paid_as_social"]
    assert paid_social and paid_social[0]["suggestion"] == "paid_social"
    assert not uh.check_tags({"source": "facebook", "medium": "paid_social", "campaign": "hiver-2026"}, paid=True)
    un = [i for i in uh.check_tags({"source": "so", "medium": "mail", "campaign": "x"}) if i["code"] == "unassigned"]
    assert un and un[0]["suggestion"] == "email"
    req = {i["field"] for i in uh.check_tags({"source": "", "medium": "", "campaign": ""}) if i["code"] == "required"}
    assert req == {"source", "medium", "campaign"}
    assert any(i["code"] == "source_alias" for i in uh.check_tags({"source": "fb", "medium": "social", "campaign": "x"}))
    reg = [{"name": "Hiver", "utm_campaign": "hiver-2026"}]
    assert any(i["code"] == "not_registered" for i in uh.check_tags({"source": "x", "medium": "social", "campaign": "ete"}, campaigns=reg))
    assert not any(i["code"] == "not_registered" for i in uh.check_tags({"source": "x", "medium": "social", "campaign": "hiver-2026"}, campaigns=reg))
    assert any(i["code"] == "bad_url" for i in uh.check_tags({}, base_url="www.site.com"))


def test_build_url():
    url = uh.build_url("https://site.com/page?id=3&utm_source=old#top", {"source": "facebook", "medium": "paid_social",
                                                                        "campaign": "hiver-2026", "content": "a b", "id": "12"})
    assert url == "https://site.com/page?id=3&utm_source=facebook&utm_medium=paid_social&utm_campaign=hiver-2026&utm_id=12&utm_content=a%20b#top"
    assert uh.build_url("https://site.com", {"source": "x", "medium": "social", "campaign": "c"}) == \
        "https://site.com/?utm_source=x&utm_medium=social&utm_campaign=c"


def _by_kind(rep: pd.DataFrame, kind: str) -> list[dict]:
    return [r for r in rep.to_dict("records") if r["kind"] == kind]


def test_report_finds_the_planted_problems_in_the_demo(demo_root):
    tr = store.read_table(demo_root, "demo", "traffic")
    costs = store.read_table(demo_root, "demo", "costs")
    camps = store.load_config(demo_root, "demo", "campaigns")
    rep = uh.hygiene_report(tr, camps, costs)
    src = _by_kind(rep, "source_variants")
    fb = [r for r in src if r["suggestion"] == "facebook"]
    assert fb and {"facebook", "Facebook", "fb"} <= {v for v, _ in fb[0]["values"]}
    assert fb[0]["sessions"] > 0  # sessions filed under 'Facebook' and 'fb'
    camp = _by_kind(rep, "campaign_variants")
    hiver = [r for r in camp if str(r["suggestion"]).startswith("hiver-")]
    assert hiver
    spellings = {v for v, _ in hiver[0]["values"]}
    assert hiver[0]["suggestion"] in spellings and hiver[0]["suggestion"].capitalize() in spellings
    mm = _by_kind(rep, "missing_medium")
    assert any("automne-" in v for r in mm for v, _ in r["values"])
    assert all("(direct)" not in v for r in mm for v, _ in r["values"])
    unreg = _by_kind(rep, "unregistered")
    assert unreg and all(r["campaign"].startswith("concours-photo-") for r in unreg)
    ro = _by_kind(rep, "registry_only")
    assert ro and all(r["campaign"].startswith("motoneige-") for r in ro) and ro[0]["cost"] > 0
    paid = _by_kind(rep, "paid_as_social")
    assert paid and all(r["campaign"].startswith("festival-ete-") for r in paid)
    assert paid[0]["suggestion"] == "paid_social" and paid[0]["sessions"] > 0
    # every finding has a fix or a suggestion and its sessions at stake
    assert rep["kind"].notna().all() and rep["sessions"].notna().all()


def test_report_reads_one_dimension_set_per_day_and_the_weight_each_property_measured():
    rows = [
        # property A, one day exported twice: by source / medium / landing page (10 sessions) and by
        # source / medium / campaign (8 sessions), neither set within the other
        {"property": "A", "source": "facebook", "medium": "social", "landing_page": "/", "sessions": 6.0},
        {"property": "A", "source": "Facebook", "medium": "social", "landing_page": "/", "sessions": 4.0},
        {"property": "A", "source": "facebook", "medium": "social", "campaign": "hiver", "sessions": 5.0},
        {"property": "A", "source": "FB", "medium": "social", "campaign": "Hiver", "sessions": 3.0},
        # property B measured views only: its landing pages weigh by views
        {"property": "B", "landing_page": "/a", "views": 7.0},
        {"property": "B", "landing_page": "/a/", "views": 2.0},
    ]
    rep = uh.hygiene_report(pd.DataFrame(rows).assign(date="2026-11-10", grain="day"), [])
    # sources from the heavier set only (no 'FB'), campaigns from the only set carrying them
    assert [r["values"] for r in _by_kind(rep, "source_variants")] == [(("facebook", 6.0), ("Facebook", 4.0))]
    assert _by_kind(rep, "source_variants")[0]["sessions"] == 4.0
    assert [r["values"] for r in _by_kind(rep, "campaign_variants")] == [(("hiver", 5.0), ("Hiver", 3.0))]
    land = _by_kind(rep, "landing_variants")
    assert [(r["property"], r["values"], r["weight_metric"], r["weight"]) for r in land] == [("B", (("/a", 7.0), ("/a/", 2.0)), "views", 2.0)]


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    if not GA.is_dir():
        pytest.skip(shared_absent(GA))
    root = tmp_path_factory.mktemp("ga4")
    for name in GA_FILES:
        importer.import_path(root, "ga", GA / name)
    return root


def test_report_on_real_ga4_exports(real_store):
    tr = store.read_table(real_store, "ga", "traffic")
    rep = uh.hygiene_report(tr, [])
    # kaa: Facebook reached the site through four host names (m., l., lm., bare)
    ref = [r for r in _by_kind(rep, "referrer_variants") if r["suggestion"] == "facebook"]
    assert ref and {"m.facebook.com", "l.facebook.com", "lm.facebook.com", "facebook.com"} <= {v for v, _ in ref[0]["values"]}
    # kaa: 'so / mail' and 'so / mail_lp' are unknown to GA4 (Unassigned): use 'email'
    un = {r["values"][0][0]: r for r in _by_kind(rep, "unassigned")}
    assert un["so / mail"]["suggestion"] == "email" and un["so / mail"]["sessions"] == 27
    assert un["so / mail_lp"]["sessions"] == 2
    # proefficient: (not set) / (not set) sessions
    assert any(v == "(not set)" and n == 3 for r in _by_kind(rep, "missing_medium") for v, n in r["values"])
    # landing pages: workargyll '/' and its gtm_debug copies, planyourrecovery '/adults' vs '/adults/',
    # buyshedsdirect search pages differing by case
    lv = {(r["property"], r["suggestion"]): r for r in _by_kind(rep, "landing_variants")}
    home = next(r for (p, s), r in lv.items() if p.startswith("workargyll") and s == "/")
    assert sum("gtm_debug" in v for v, _ in home["values"]) >= 5 and home["weight_metric"] == "events"
    adults = next(r for (p, s), r in lv.items() if p.startswith("Plan Your Recovery") and s.rstrip("/") == "/adults")
    assert {v for v, _ in adults["values"]} == {"/adults", "/adults/"}
    assert any(p.startswith("BuyShedsDirect") and {v.lower() for v, _ in r["values"]} == {s.lower()} for (p, s), r in lv.items())


def test_url_findings_on_raw_landing_pages():
    path = GA / GA_FILES[0]
    if not path.is_file():
        pytest.skip(shared_absent(GA))
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")][1:]
    pages = [r[0] for r in rows if r and r[0]]
    counts = [float(r[1]) for r in rows if r and r[0]]
    n_fb = sum("fbclid=" in p and "utm_" not in p for p in pages)
    assert n_fb > 10
    found = uh.url_findings(pages, counts)
    fb = [r for r in found.to_dict("records") if r["kind"] == "untagged_clicks" and r["platform"] == "facebook"]
    assert fb and fb[0]["urls"] == n_fb
    assert fb[0]["weight"] == pytest.approx(sum(c for p, c in zip(pages, counts, strict=True) if "fbclid=" in p))
    bad = uh.url_findings(["/p?utm_source=Facebook&utm_medium=social&utm_campaign=Hiver 2026", "/lasko?_z1_msid=adblade"])
    kinds = {(r["kind"], r.get("field")) for r in bad.to_dict("records")}
    assert ("bad_tags", "source") in kinds and ("bad_tags", "campaign") in kinds and ("untagged_clicks", "url") in kinds


def test_empty_inputs():
    rep = uh.hygiene_report(None, [{"name": "X", "utm_campaign": "x"}])
    assert list(rep["kind"]) == ["registry_only"]
    assert len(uh.hygiene_report(pd.DataFrame(columns=["date", "grain"]), [])) == 0
    assert len(uh.url_findings([])) == 0 and list(uh.url_findings([]).columns)[:3] == ["kind", "severity", "field"]
