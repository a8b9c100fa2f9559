"""Campaigns and UTM tracking pages through AppTest: the ROI shown equals metrics.roi (same
formatting), the comparison, the link builder's warnings, registry edits and manual costs."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import store
from metrics import campaigns as mc
from metrics import roi
from ui import fmt, insights, safe
from ui.i18n import t

TIMEOUT = 180


def run(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def store_copy(demo_root, tmp_path, monkeypatch):
    dst = tmp_path / "store"
    shutil.copytree(demo_root, dst)
    monkeypatch.setenv("BOUSSOLE_STORE", str(dst))
    return dst


def demo_inputs(root):
    ws = store.load_config(root, "demo", "workspace", {})
    return dict(
        costs=store.read_table(root, "demo", "costs"), traffic=store.read_table(root, "demo", "traffic"),
        leads=store.read_table(root, "demo", "leads"), campaigns=store.load_config(root, "demo", "campaigns", []),
        tz=ws.get("timezone"), currency=ws.get("currency"), rates=ws.get("fx_rates") or {},
        vpc=ws.get("value_per_conversion"), vpl=ws.get("value_per_lead"),
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_campaign_roi_equals_metrics_roi(app_store, lang):
    at = run("pages/campaigns.py", lang=lang)
    # the page follows the sidebar period by default; the lifetime view is one click away
    assert at.radio(key="camp.scope").value == 1
    at.radio(key="camp.scope").set_value(0).run()
    ctx = at.session_state["bsl.ctx"]
    d = demo_inputs(app_store)
    start, end = dt.date(2000, 1, 1), max(ctx.today, ctx.end)
    ref = roi.roi_table(d["costs"], d["traffic"], d["leads"], start, end, "campaign", d["tz"], d["campaigns"], d["currency"], d["rates"],
                        d["vpc"], d["vpl"])
    shown = at.dataframe[0].value
    name_col, roi_col = t("campaigns.col.key", lang=lang), t("campaigns.col.roi", lang=lang)
    cpa_col, cpl_col = t("metrics.cpa", lang=lang), t("metrics.cpl", lang=lang)
    by_name = dict(zip(shown[name_col], shown.to_dict("records"), strict=True))
    registered = {str(c["name"]) for c in d["campaigns"]}
    checked = 0
    for r in ref.to_dict("records"):
        if r["key"] not in registered:
            continue
        row = by_name[r["key"]]
        assert row[roi_col] == fmt.percent(r["roi"], 0, lang, signed=True), r["key"]
        assert row[cpa_col] == fmt.currency(r["cpa"], d["currency"], lang, 2)
        assert row[cpl_col] == fmt.currency(r["cpl"], d["currency"], lang, 2)
        checked += 1
    assert checked >= 5
    # the campaign that pays off shows a positive ROI, and the page totals equal roi_totals
    tot = roi.roi_totals(d["costs"], d["traffic"], d["leads"], start, end, d["tz"], d["campaigns"], d["currency"], d["rates"], d["vpc"], d["vpl"])
    metrics: dict[str, str] = {}
    for m in at.metric:  # the totals come first (the comparison cards reuse the labels)
        metrics.setdefault(m.label, m.value)
    est = f" ({t('common.estimate', lang=lang)})" if tot["value_basis"] in ("estimated", "mixed") else ""
    assert metrics[t("campaigns.col.roi", lang=lang) + est] == insights.value("roi", tot["roi"], lang)
    assert metrics[t("metrics.cost", lang=lang)] == insights.value("cost", tot["cost"], lang, d["currency"])
    winner = max((r for r in ref.to_dict("records") if r["key"] in registered and r["roi"] == r["roi"]), key=lambda r: r["roi"])
    assert winner["key"].startswith("Hiver") and winner["roi"] > 0
    # a campaign without ROI says why (motoneige: paid for, never seen in traffic)
    reasons = " ".join(e.value for e in at.markdown)
    assert t("metrics.reason.no_value", lang=lang)[1:] in reasons


def test_platform_view_and_period_scope(app_store):
    at = run("pages/campaigns.py", lang="en")
    at.radio(key="camp.by").set_value(1).run()
    assert not at.exception
    assert t("campaigns.col.platform") in at.dataframe[0].value.columns
    at.radio(key="camp.scope").set_value(0).run()
    assert not at.exception and not at.error


def test_presentation_mode_shows_no_tables_nor_cost_forms(app_store):
    at = run("pages/campaigns.py", lang="en", present="1")
    assert not at.exception
    assert len(at.dataframe) == 0
    assert not any(h.value == t("costs.title") for h in at.subheader)


def test_manual_cost_added_then_deleted(store_copy):
    at = run("pages/campaigns.py", lang="en")
    at.selectbox(key="costs.cat").set_value("staff")
    at.number_input(key="costs.hours").set_value(10.0)
    at.number_input(key="costs.rate").set_value(55.0)
    at.text_input(key="costs.note").set_value("community manager")
    at.date_input(key="costs.start").set_value(dt.date(2026, 1, 5))
    at.date_input(key="costs.end").set_value(dt.date(2026, 1, 11))
    at.button[[b.label for b in at.button].index(t("costs.save"))].click().run()
    assert not at.exception
    manual = mc.manual_rows(store.read_table(store_copy, "demo", "costs"))
    assert len(manual) == 1 and manual["amount"].iloc[0] == 550.0 and manual["category"].iloc[0] == "staff"
    before = len(store.read_table(store_copy, "demo", "costs"))
    at = run("pages/campaigns.py", lang="en")
    assert not any(c.value == t("costs.manual.none") for c in at.caption)  # the entry is listed for deletion
    # what the Delete button calls (AppTest cannot tick a data_editor cell)
    assert store.delete_rows(store_copy, "demo", "costs", manual, only_format="manual") == 1
    assert len(store.read_table(store_copy, "demo", "costs")) == before - 1
    at = run("pages/campaigns.py", lang="en")
    assert any(c.value == t("costs.manual.none") for c in at.caption)


def test_fx_rates_saved_in_workspace_config(store_copy):
    ws = store.load_config(store_copy, "demo", "workspace")
    ws["fx_rates"] = {"USD": 1.37}
    store.save_config(store_copy, "demo", "workspace", ws)
    at = run("pages/campaigns.py", lang="fr")
    assert not at.exception
    assert any("1 USD = 1,3700 CAD" in (c.value or "") for c in at.caption)


def test_utm_builder_warns_on_paid_social_and_builds_the_link(app_store):
    at = run("pages/utm_builder.py", lang="en")
    at.text_input(key="utm.base").set_value("https://www.example.com/forfaits")
    at.text_input(key="utm.source").set_value("Facebook")
    at.text_input(key="utm.medium").set_value("social")
    at.text_input(key="utm.campaign.").set_value("Hiver 2099")  # never in the demo registry, whatever today is
    at.toggle(key="utm.paid").set_value(True).run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    # values from the user are shown inert (ui.safe.md escapes "_" and "-")
    assert "Organic Social" in warnings and safe.md("paid_social") in warnings
    assert f"“{safe.md('hiver-2099')}”" in warnings and "“facebook”" in warnings
    assert any("not in the campaign registry" in i.value for i in at.info)
    at.button(key="utm.fix").click().run()
    code = [c.value for c in at.code]
    assert code and code[0].startswith("https://www.example.com/forfaits?utm_source=facebook&utm_medium=")
    assert "utm_campaign=hiver-2099" in code[0]


def test_utm_hygiene_tab_lists_the_demo_findings(app_store):
    at = run("pages/utm_builder.py", lang="fr")
    text = " ".join(m.value for m in at.markdown)
    for kind in ("source_variants", "campaign_variants", "missing_medium", "paid_as_social", "unregistered", "registry_only"):
        assert t(f"utm.kind.{kind}", lang="fr") in text, kind
    assert safe.code("Facebook") in text and safe.code("fb") in text


def test_registry_create_and_delete(store_copy):
    at = run("pages/utm_builder.py", lang="en")
    n0 = len(store.load_config(store_copy, "demo", "campaigns"))
    inputs = {ti.label: ti for ti in at.text_input}
    inputs[t("utm.reg.name")].set_value("Test campagne")
    [ti for ti in at.text_input if ti.label == t("utm.field.campaign") and ti.key is None][0].set_value("Test Campagne")
    at.button[[b.label for b in at.button].index(t("utm.registry.save"))].click().run()
    assert any(t("utm.reg.err.convention", field=t("utm.regfield.utm_campaign"), suggestion=safe.md("test-campagne")) == w.value for w in at.warning)
    assert len(store.load_config(store_copy, "demo", "campaigns")) == n0
    [ti for ti in at.text_input if ti.label == t("utm.field.campaign") and ti.key is None][0].set_value("test-campagne")
    at.button[[b.label for b in at.button].index(t("utm.registry.save"))].click().run()
    assert not at.exception
    reg = store.load_config(store_copy, "demo", "campaigns")
    assert len(reg) == n0 + 1 and reg[-1]["utm_campaign"] == "test-campagne"
    at.selectbox(key="utm.reg.which").set_value(str(n0)).run()
    at.button[[b.label for b in at.button].index(t("utm.registry.delete"))].click().run()
    assert len(store.load_config(store_copy, "demo", "campaigns")) == n0
