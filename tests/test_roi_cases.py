"""ROI, CPL, CPA, ROAS against hand-computed values (zero cost, missing value, currencies),
the campaigns table and cumulative series built on metrics.roi, manual costs and their deletion."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from connectors import store
from metrics import campaigns as mc
from metrics import roi

D = dt.date
S, E = D(2025, 3, 1), D(2025, 3, 10)
CAMPS = [
    {"name": "Printemps", "utm_campaign": "printemps-2025", "start": "2025-03-01", "end": "2025-03-10",
     "value_per_conversion": 20.0, "value_per_lead": 100.0, "budget": 500.0},
    {"name": "Gratuite", "utm_campaign": "gratuite", "value_per_conversion": 10.0},
    {"name": "Sans valeur", "utm_campaign": "sans-valeur"},
]


def costs():
    return pd.DataFrame({
        "date": [D(2025, 3, 1), D(2025, 3, 1), D(2025, 3, 5), D(2025, 3, 3)],
        "period_end": [D(2025, 3, 10), None, None, None],
        "platform": ["facebook", None, "instagram", "facebook"],
        "campaign": ["printemps-2025", "printemps-2025", "gratuite", "sans-valeur"],
        "category": ["ads", "staff", "ads", "ads"],
        "amount": [400.0, 100.0, 0.0, 50.0],
        "currency": ["CAD", "USD", "CAD", "EUR"],
        "impressions": [40000, None, 100, 5000], "clicks": [800, None, 1, 25],
        "conversions": [None, None, None, None], "conversion_value": [None, None, None, None],
    })


def traffic():
    rows = [
        (D(2025, 3, 2), "facebook", "paid_social", "printemps-2025", 100, 5.0, 300.0),
        (D(2025, 3, 8), "Facebook", "paid_social", "Printemps-2025", 50, 3.0, None),
        (D(2025, 3, 4), "instagram", "paid_social", "gratuite", 30, 2.0, None),
        (D(2025, 3, 4), "google", "organic", None, 999, 50.0, 5000.0),  # not social: never counted
    ]
    return pd.DataFrame([{"date": d, "grain": "day", "property": "p", "source": s, "medium": m, "campaign": c,
                          "sessions": n, "conversions": conv, "revenue": rev} for d, s, m, c, n, conv, rev in rows])


def leads():
    return pd.DataFrame({
        "lead_id": ["a", "b", "c"], "created_at": pd.to_datetime(["2025-03-02T15:00Z", "2025-03-09T15:00Z", "2025-03-09T15:00Z"]),
        "source": ["facebook", "facebook", "salon"], "medium": ["paid_social", None, None],
        "campaign": ["printemps-2025", "printemps-2025", None],
    })


KW = dict(tz="America/Toronto", campaigns=CAMPS, currency="CAD", rates={"USD": 1.40, "EUR": 1.50})


def test_hand_computed_campaign():
    r = roi.roi_totals(costs(), traffic(), leads(), S, E, campaign="printemps-2025", **KW)
    cost = 400 + 100 * 1.40  # ads + staff in USD at 1.40
    value = 300 + (5 + 3) * 20 + 2 * 100  # measured revenue + conversions x 20 + leads x 100
    assert r["cost"] == pytest.approx(cost) and r["ad_cost"] == pytest.approx(400)
    assert r["value"] == pytest.approx(value) and r["value_basis"] == "mixed"
    assert r["roi"] == pytest.approx((value - cost) / cost)
    assert r["cpl"] == pytest.approx(cost / 2)
    assert r["cpa"] == pytest.approx(cost / 8)
    assert r["roas"] == pytest.approx(300 / 400)
    assert r["cpc"] == pytest.approx(400 / 800) and r["cpm"] == pytest.approx(400 / 40000 * 1000)


def test_zero_cost_gives_no_roi_and_a_reason():
    r = roi.roi_totals(costs(), traffic(), leads(), S, E, campaign="gratuite", **KW)
    assert r["cost"] == 0 and r["value"] == pytest.approx(2 * 10)
    assert math.isnan(r["roi"]) and r["roi_reason"] == "zero_cost"
    assert r["cpa"] == 0  # a free conversion costs nothing: only the ROI needs a non-zero cost
    assert math.isnan(r["roas"]) and r["roas_reason"] == "no_ad_cost"
    assert math.isnan(r["cpl"]) and r["cpl_reason"] == "no_leads"


def test_missing_value_and_unknown_cost():
    r = roi.roi_totals(costs(), traffic(), leads(), S, E, campaign="sans-valeur", **KW)
    assert r["cost"] == pytest.approx(75.0)  # 50 EUR x 1.5
    assert math.isnan(r["value"]) and math.isnan(r["roi"]) and r["roi_reason"] == "no_value"
    no_rate = roi.roi_totals(costs(), traffic(), leads(), S, E, campaign="sans-valeur", **{**KW, "rates": {"USD": 1.4}})
    assert math.isnan(no_rate["cost"]) and no_rate["roi_reason"] == "unknown_currency"
    nothing = roi.roi_totals(None, traffic(), leads(), S, E, campaign="printemps-2025", **KW)
    assert math.isnan(nothing["roi"]) and nothing["roi_reason"] == "no_cost"
    assert math.isnan(nothing["cpl"]) and nothing["cpl_reason"] == "no_cost"
    assert mc.currencies_without_rate(costs(), "CAD", {"USD": 1.4}) == ["EUR"]


def test_campaign_table_matches_roi_and_lists_every_registered_campaign():
    tab = mc.campaign_table(costs(), traffic(), leads(), S, E, "campaign", **KW).set_index("key")
    ref = roi.roi_table(costs(), traffic(), leads(), S, E, "campaign", **KW).set_index("key")
    for k in ref.index:
        for c in ("cost", "value", "roi", "cpl", "cpa", "roas"):
            a, b = tab.loc[k, c], ref.loc[k, c]
            assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b), (k, c)
    assert tab.loc["Printemps", "sessions"] == 150  # both spellings, the google row left out
    assert tab.loc["Printemps", "budget"] == 500 and tab.loc["Printemps", "registered"]
    assert set(tab.index) >= {"Printemps", "Gratuite", "Sans valeur"}


def test_cumulative_ends_on_the_roi_totals():
    cu = mc.cumulative(costs(), traffic(), leads(), "printemps-2025", S, E, **KW)
    r = roi.roi_totals(costs(), traffic(), leads(), S, E, campaign="printemps-2025", **KW)
    assert len(cu) == 10
    assert cu["cum_cost"].iloc[-1] == pytest.approx(r["cost"])
    assert cu["cum_value"].iloc[-1] == pytest.approx(r["value"])
    assert cu["cum_measured"].iloc[-1] == pytest.approx(300)
    assert cu["cost"].iloc[0] == pytest.approx(40 + 140)  # 400 spread over 10 days + the one-day staff cost
    assert (cu["cum_cost"].diff().dropna() >= 0).all()


def test_assumptions_and_validation():
    a = mc.assumptions(CAMPS, 5.0, None).set_index("name")
    assert a.loc["Printemps", "vpc_source"] == "campaign" and a.loc["Sans valeur", "value_per_conversion"] == 5.0
    assert a.loc["Sans valeur", "vpc_source"] == "default" and pd.isna(a.loc["Gratuite", "vpl_source"])
    ok = {"name": "Été", "utm_campaign": "ete-2026", "start": "2026-06-01", "end": "2026-08-31", "budget": 10.0}
    assert mc.validate_campaign(ok, CAMPS) == []
    bad = {"name": "Printemps", "utm_campaign": "Printemps 2025", "start": "2026-06-01", "end": "2026-05-01", "budget": -1}
    codes = set(mc.validate_campaign(bad, CAMPS))
    assert {("utm_campaign", "convention"), ("end", "dates"), ("budget", "negative")} <= codes
    assert any(code == "duplicate" for _, code in codes)


def test_manual_costs_written_and_deleted(tmp_path):
    frame = mc.manual_cost_frame([
        {"category": "staff", "date": "2025-03-01", "period_end": "2025-03-31", "hours": 12.5, "rate": 48, "currency": "cad"},
        {"category": "tools", "date": "2025-03-01", "amount": 129.0, "note": "planner", "campaign": "printemps-2025"},
    ])
    assert frame["amount"].tolist() == [600.0, 129.0] and frame["note"].iloc[0] == "12.5 h x 48"
    assert frame["currency"].iloc[0] == "CAD" and set(frame["source_format"]) == {"manual"}
    with pytest.raises(ValueError):
        mc.manual_cost_frame([{"category": "staff", "date": "2025-03-01"}])
    store.write_frames(tmp_path, "w", [("costs", costs().assign(source_format="meta_ads"))], fmt="meta_ads")
    store.write_frames(tmp_path, "w", [("costs", frame)], fmt="manual")
    stored = store.read_table(tmp_path, "w", "costs")
    manual = mc.manual_rows(stored)
    assert len(manual) == 2 and len(stored) == 6
    r = roi.roi_totals(stored, None, None, D(2025, 3, 1), D(2025, 3, 31), tz="UTC", currency="CAD", rates={"USD": 1.4, "EUR": 1.5})
    assert r["cost"] == pytest.approx(400 + 140 + 0 + 75 + 600 + 129)
    # deleting a manual entry never touches imported rows, even with the same key
    assert store.delete_rows(tmp_path, "w", "costs", manual.iloc[:1], only_format="manual") == 1
    assert store.delete_rows(tmp_path, "w", "costs", stored[stored["source_format"] == "meta_ads"].iloc[:1], only_format="manual") == 0
    after = store.read_table(tmp_path, "w", "costs")
    assert len(after) == 5 and mc.manual_rows(after)["category"].tolist() == ["tools"]
