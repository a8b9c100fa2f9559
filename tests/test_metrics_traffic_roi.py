"""Traffic row selection (day vs period grain, breakdowns) and the ROI core."""

import datetime as dt
import math

import pandas as pd
import pytest

from metrics import roi
from metrics import traffic as tr

D = dt.date
COLS = ["date", "grain", "period_start", "period_end", "property", "source", "medium", "campaign", "landing_page",
        "sessions", "conversions", "revenue"]


def traffic(rows):
    return pd.DataFrame(rows, columns=COLS)


def test_day_rows_summed_and_social_share():
    t = traffic([
        (D(2024, 1, 8), "day", None, None, "p", "facebook", "referral", None, None, 10, 1.0, 20.0),
        (D(2024, 1, 8), "day", None, None, "p", "google", "organic", None, None, 30, 2.0, None),
        (D(2024, 1, 9), "day", None, None, "p", "t.co", "referral", "launch", None, 5, None, None),
        (D(2024, 1, 9), "day", None, None, "p", "Instagram", "paid", "launch", None, 5, 1.0, 5.0),
        (D(2024, 1, 20), "day", None, None, "p", "facebook", "referral", None, None, 99, None, None),  # outside
    ])
    s, e = D(2024, 1, 8), D(2024, 1, 14)
    assert tr.sessions(t, s, e) == 50
    assert tr.social_sessions(t, s, e) == 20
    assert tr.social_share(t, s, e) == 20 / 50
    assert tr.traffic_totals(t, s, e, social=True)["revenue"] == 25.0
    assert tr.social_sessions(t, s, e, platform="instagram") == 5
    assert tr.sessions(t, s, e, campaign="LAUNCH") == 10
    by_p = tr.social_by_platform(t, s, e).set_index("platform")["sessions"].to_dict()
    assert by_p == {"facebook": 10, "instagram": 5, "x": 5}
    assert math.isnan(tr.sessions(t, D(2023, 1, 1), D(2023, 1, 7)))
    assert math.isnan(tr.social_share(None, s, e))


def test_breakdowns_of_one_property_are_not_added_together():
    t = traffic([
        (D(2024, 1, 8), "day", None, None, "p", "facebook", "referral", None, None, 10, None, None),
        (D(2024, 1, 8), "day", None, None, "p", "google", "organic", None, None, 30, None, None),
        (D(2024, 1, 8), "day", None, None, "p", None, None, None, "/", 25, None, None),
        (D(2024, 1, 8), "day", None, None, "p", None, None, None, "/blog", 15, None, None),
    ])
    assert tr.sessions(t, D(2024, 1, 8), D(2024, 1, 8)) == 40  # not 80
    assert tr.social_sessions(t, D(2024, 1, 8), D(2024, 1, 8)) == 10


def test_period_rows_only_without_day_rows_and_inside_range():
    t = traffic([
        (D(2024, 1, 1), "period", D(2024, 1, 1), D(2024, 1, 31), "p", "facebook", "referral", None, None, 100, None, None),
        (D(2024, 1, 1), "period", D(2024, 1, 1), D(2024, 1, 31), "q", "facebook", "referral", None, None, 7, None, None),
        (D(2024, 1, 1), "period", D(2024, 1, 1), D(2024, 1, 15), "q", "facebook", "referral", None, None, 3, None, None),
        (D(2024, 1, 3), "day", None, None, "q", "facebook", "referral", None, None, 1, None, None),
    ])
    # January: p has only its period row (100); q has a day row, so its period rows are ignored (1)
    assert tr.sessions(t, D(2024, 1, 1), D(2024, 1, 31)) == 101
    # a range that does not contain the whole period: p's period row is not used
    assert tr.sessions(t, D(2024, 1, 1), D(2024, 1, 20)) == 1
    # overlapping period rows of one property: the longest kept, no day counted twice
    t2 = t[t["property"] == "q"].iloc[:2]
    assert tr.sessions(t2, D(2024, 1, 1), D(2024, 1, 31)) == 7


def test_allocate_costs_pro_rata():
    c = pd.DataFrame({
        "date": [D(2024, 1, 1), D(2024, 1, 5)], "period_end": [D(2024, 1, 10), None],
        "platform": ["facebook", None], "campaign": ["spring", None], "category": ["ads", "staff"],
        "amount": [100.0, 40.0], "currency": ["CAD", None], "clicks": [50, None], "impressions": [None, None],
    })
    a = roi.allocate_costs(c)
    assert len(a) == 11
    assert a[a["campaign"] == "spring"]["amount"].tolist() == [10.0] * 10
    a5 = roi.allocate_costs(c, D(2024, 1, 4), D(2024, 1, 5))
    assert a5["amount"].sum() == 10 + 10 + 40
    assert a5["clicks"].sum(min_count=1) == 10


def test_currency_conversion_and_unknown_rate():
    amounts = pd.Series([10.0, 10.0, 10.0, 10.0])
    cur = pd.Series(["CAD", "usd", None, "EUR"])
    out = roi.convert_currency(amounts, cur, "CAD", {"USD": 1.4})
    assert out.tolist()[:3] == [10.0, 14.0, 10.0] and math.isnan(out.iloc[3])


CAMPAIGNS = [{"name": "Spring", "utm_campaign": "spring", "value_per_conversion": 5.0, "value_per_lead": 20.0}]


def roi_inputs():
    costs = pd.DataFrame({
        "date": [D(2024, 1, 1), D(2024, 1, 8), D(2024, 1, 8)], "period_end": [D(2024, 1, 31), None, None],
        "platform": ["facebook", "linkedin", "web"], "campaign": ["spring", None, None],
        "category": ["ads", "staff", "ads"], "amount": [310.0, 50.0, 1000.0], "currency": ["CAD", "USD", "CAD"],
        "clicks": [62, None, 9], "impressions": [31000, None, 9], "conversions": [None, None, None],
        "conversion_value": [None, None, None],
    })
    t = traffic([
        (D(2024, 1, 8), "day", None, None, "p", "facebook", "cpc", "spring", None, 10, 2.0, 30.0),
        (D(2024, 1, 8), "day", None, None, "p", "google", "cpc", None, None, 10, 9.0, 900.0),  # not social: no value
        (D(2024, 1, 9), "day", None, None, "p", "linkedin", "social", None, None, 10, 1.0, None),
    ])
    leads = pd.DataFrame({
        "lead_id": ["a", "b", "c"], "created_at": ["2024-01-08T12:00Z", "2024-01-09T12:00Z", "2024-01-09T12:00Z"],
        "source": ["facebook", "linkedin", "salon"], "medium": [None, None, None], "campaign": ["spring", None, None],
    })
    return costs, t, leads


def test_roi_totals_hand_computed():
    costs, t, leads = roi_inputs()
    r = roi.roi_totals(costs, t, leads, D(2024, 1, 8), D(2024, 1, 14), campaigns=CAMPAIGNS, currency="CAD",
                       rates={"USD": 1.4}, value_per_conversion=1.0, value_per_lead=None)
    # cost: facebook ads 310/31 x 7 days = 70, linkedin staff 50 USD x 1.4 = 70; the 'web' ads row is left out
    assert r["cost"] == pytest.approx(140.0)
    assert r["ad_cost"] == pytest.approx(70.0)
    # value: revenue 30 (measured) + conversions 2 x 5 (spring) + 1 x 1 (default) + leads 1 x 20 (spring; the
    # linkedin lead has no value per lead; the 'salon' lead is not social)
    assert r["value_revenue"] == 30.0 and r["value_conversions"] == 11.0 and r["value_leads"] == 20.0
    assert r["value"] == 61.0 and r["value_basis"] == "mixed"
    assert r["roi"] == pytest.approx((61 - 140) / 140)
    assert r["roas"] == pytest.approx(30 / 70)
    assert r["cpl"] == pytest.approx(140 / 2)
    assert r["cpa"] == pytest.approx(140 / 3)
    assert r["cpc"] == pytest.approx(70 / 14)
    assert r["cpm"] == pytest.approx(70 / 7000 * 1000)


def test_roi_per_campaign_and_platform():
    costs, t, leads = roi_inputs()
    kw = dict(campaigns=CAMPAIGNS, currency="CAD", rates={"USD": 1.4})
    bc = roi.roi_table(costs, t, leads, D(2024, 1, 8), D(2024, 1, 14), by="campaign", **kw).set_index("key")
    assert bc.loc["Spring", "cost"] == pytest.approx(70.0)
    assert bc.loc["Spring", "value"] == pytest.approx(30 + 10 + 20)
    assert bc.loc["Spring", "roi"] == pytest.approx((60 - 70) / 70)
    bp = roi.roi_table(costs, t, leads, D(2024, 1, 8), D(2024, 1, 14), by="platform", **kw).set_index("key")
    assert bp.loc["linkedin", "cost"] == pytest.approx(70.0)
    assert math.isnan(bp.loc["linkedin", "roas"]) and bp.loc["linkedin", "roas_reason"] == "no_ad_cost"


def test_roi_nan_with_reasons():
    costs, t, leads = roi_inputs()
    r = roi.roi_totals(None, t, leads, D(2024, 1, 8), D(2024, 1, 14), campaigns=CAMPAIGNS)
    assert math.isnan(r["roi"]) and r["roi_reason"] == "no_cost"
    assert math.isnan(r["cpl"]) and r["cpl_reason"] == "no_cost"
    zero = costs.assign(amount=0.0)
    r = roi.roi_totals(zero, t, leads, D(2024, 1, 8), D(2024, 1, 14), campaigns=CAMPAIGNS, currency="CAD", rates={"USD": 1})
    assert math.isnan(r["roi"]) and r["roi_reason"] == "zero_cost"
    r = roi.roi_totals(costs, t, leads, D(2024, 1, 8), D(2024, 1, 14), campaigns=CAMPAIGNS, currency="CAD", rates={})
    assert math.isnan(r["cost"]) and r["roi_reason"] == "unknown_currency"
    r = roi.roi_totals(None, None, None, D(2024, 1, 8), D(2024, 1, 14))
    assert math.isnan(r["value"]) and r["cpm_reason"] == "no_impressions"
    assert math.isnan(roi.roi(10, 0)) and roi.roi(30, 10) == 2.0
