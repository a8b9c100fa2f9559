"""Property tests: splitting a period in two and recombining gives the whole.

Flow metrics: total(whole) = total(first part) + total(second part) (NaN parts count as
nothing, two NaN parts give NaN). Ratios: recomputed from the summed parts of the two
halves they equal the whole period's ratio.
"""

import datetime as dt
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import presence as pr
from metrics import relationships as rel
from metrics import sentiment as se
from metrics import traffic as tr
from metrics.registry import Tables, compute

START = dt.date(2024, 1, 1)
N_DAYS = 28
END = START + dt.timedelta(days=N_DAYS - 1)
PLATFORMS = ["x", "facebook", "linkedin"]
TZS = ["UTC", "America/Toronto", "Europe/Paris", "Pacific/Auckland"]

maybe_count = st.one_of(st.none(), st.integers(0, 500))


@st.composite
def audience_rows(draw):
    rows = []
    for platform in draw(st.lists(st.sampled_from(PLATFORMS), unique=True, max_size=3)):
        days = draw(st.lists(st.integers(0, N_DAYS - 1), unique=True, max_size=N_DAYS))
        for d in days:
            rows.append({
                "date": START + dt.timedelta(days=d), "platform": platform, "account": "acc",
                "impressions": draw(maybe_count), "engagements": draw(maybe_count), "reach": draw(maybe_count),
                "comments": draw(maybe_count), "new_followers": draw(maybe_count), "lost_followers": draw(maybe_count),
            })
    return pd.DataFrame(rows, columns=["date", "platform", "account", "impressions", "engagements", "reach", "comments",
                                       "new_followers", "lost_followers"])


@st.composite
def posts_rows(draw):
    n = draw(st.integers(0, 15))
    rows = []
    for i in range(n):
        minute = draw(st.integers(-24 * 60, (N_DAYS + 1) * 24 * 60))
        rows.append({
            "post_id": str(i), "platform": draw(st.sampled_from(PLATFORMS)), "account": draw(st.sampled_from(["acc", None])),
            "published_at": pd.Timestamp(START, tz="UTC") + pd.Timedelta(minutes=minute),
            "impressions": draw(maybe_count), "engagements": draw(maybe_count), "comments": draw(maybe_count),
        })
    return pd.DataFrame(rows, columns=["post_id", "platform", "account", "published_at", "impressions", "engagements", "comments"])


@st.composite
def instants(draw, n_max=20):
    return [pd.Timestamp(START, tz="UTC") + pd.Timedelta(minutes=draw(st.integers(-24 * 60, (N_DAYS + 1) * 24 * 60)))
            for _ in range(draw(st.integers(0, n_max)))]


def add(a: float, b: float) -> float:
    if math.isnan(a) and math.isnan(b):
        return math.nan
    return (0 if math.isnan(a) else a) + (0 if math.isnan(b) else b)


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


split_day = st.integers(1, N_DAYS - 1)


@settings(max_examples=30, deadline=None)
@given(audience_rows(), posts_rows(), split_day, st.sampled_from(TZS))
def test_presence_flows_split_and_recombine(aud, posts, k, tz):
    mid = START + dt.timedelta(days=k)
    for metric in ("impressions", "engagements", "comments", "reach"):
        whole = pr.flow_total(metric, aud, posts, START, END, tz)
        a = pr.flow_total(metric, aud, posts, START, mid - dt.timedelta(days=1), tz)
        b = pr.flow_total(metric, aud, posts, mid, END, tz)
        assert same(whole, add(a, b)), metric
    # new followers from daily flows (no totals in these frames)
    whole = pr.new_followers(aud, START, END)
    assert same(whole, add(pr.new_followers(aud, START, mid - dt.timedelta(days=1)), pr.new_followers(aud, mid, END)))
    # engagement rate by reach recomputed from summed parts of the halves = whole-period rate
    def parts(s, e):
        ee = pr._account_totals("engagements", aud, posts, s, e, tz, None, None)
        rr = pr._account_totals("reach", aud, posts, s, e, tz, None, None)
        return ee, rr

    e1, r1 = parts(START, mid - dt.timedelta(days=1))
    e2, r2 = parts(mid, END)
    ew, rw = parts(START, END)
    esum = e1.add(e2, fill_value=0)
    rsum = r1.add(r2, fill_value=0)
    both = esum.index.intersection(rsum.index)
    from metrics import safe_div, total
    recombined = safe_div(total(esum.reindex(both)), total(rsum.reindex(both)))
    assert same(recombined, pr.engagement_rate_reach(aud, posts, START, END, tz))
    assert same(total(esum), total(ew)) and same(total(rsum), total(rw))


@settings(max_examples=30, deadline=None)
@given(st.data(), split_day, st.sampled_from(TZS))
def test_sentiment_and_leads_split_and_recombine(data, k, tz):
    ts = data.draw(instants())
    labels = [data.draw(st.sampled_from(["positive", "neutral", "negative", None])) for _ in ts]
    m = pd.DataFrame({"mention_id": [str(i) for i in range(len(ts))], "published_at": ts, "sentiment_label": labels,
                      "source": "x"})
    mid = START + dt.timedelta(days=k)
    first, second = (START, mid - dt.timedelta(days=1)), (mid, END)
    w = se.sentiment_totals(m, None, START, END, tz)
    a = se.sentiment_totals(m, None, *first, tz)
    b = se.sentiment_totals(m, None, *second, tz)
    for c in ("mentions", "positive", "neutral", "negative"):
        assert same(w[c], add(a[c], b[c])), c
    p, n = add(a["positive"], b["positive"]), add(a["negative"], b["negative"])
    assert same(se.net_sentiment(p, n), w["net_sentiment"])
    assert same(se.pos_neg_ratio(p, n), w["pos_neg_ratio"])
    leads = pd.DataFrame({"lead_id": [str(i) for i in range(len(ts))], "created_at": ts, "value": 10.0})
    assert same(rel.new_leads(leads, START, END, tz), add(rel.new_leads(leads, *first, tz), rel.new_leads(leads, *second, tz)))
    assert same(rel.lead_value(leads, START, END, tz), add(rel.lead_value(leads, *first, tz), rel.lead_value(leads, *second, tz)))


@settings(max_examples=20, deadline=None)
@given(st.data(), split_day)
def test_traffic_split_and_recombine(data, k):
    n = data.draw(st.integers(0, 25))
    rows = [{
        "date": START + dt.timedelta(days=data.draw(st.integers(0, N_DAYS - 1))), "grain": "day", "property": "p",
        "source": data.draw(st.sampled_from(["facebook", "google", "t.co", "(direct)", "newsletter"])),
        "medium": data.draw(st.sampled_from(["referral", "cpc", "organic", "(none)", "email", "social"])),
        "sessions": data.draw(maybe_count), "conversions": data.draw(st.one_of(st.none(), st.floats(0, 50))),
    } for _ in range(n)]
    t = pd.DataFrame(rows, columns=["date", "grain", "property", "source", "medium", "sessions", "conversions"])
    t = t.drop_duplicates(["date", "source", "medium"])
    mid = START + dt.timedelta(days=k)
    first, second = (START, mid - dt.timedelta(days=1)), (mid, END)
    for social in (False, True):
        w = tr.traffic_totals(t, START, END, social=social)
        a = tr.traffic_totals(t, *first, social=social)
        b = tr.traffic_totals(t, *second, social=social)
        for c in ("sessions", "conversions"):
            assert same(w[c], add(a[c], b[c])), (social, c)
    ss = add(tr.social_sessions(t, *first), tr.social_sessions(t, *second))
    s_all = add(tr.sessions(t, *first), tr.sessions(t, *second))
    from metrics import safe_div
    assert same(safe_div(ss, s_all), tr.social_share(t, START, END))


@settings(max_examples=25, deadline=None)
@given(st.data(), split_day)
def test_costs_split_and_recombine(data, k):
    n = data.draw(st.integers(0, 6))
    rows = []
    for _ in range(n):
        d0 = START + dt.timedelta(days=data.draw(st.integers(-10, N_DAYS - 1)))
        span = data.draw(st.one_of(st.none(), st.integers(0, 40)))
        rows.append({"date": d0, "period_end": None if span is None else d0 + dt.timedelta(days=span),
                     "category": data.draw(st.sampled_from(["ads", "staff"])), "amount": float(data.draw(st.integers(0, 1000))),
                     "platform": "facebook", "campaign": None, "currency": None})
    costs = pd.DataFrame(rows, columns=["date", "period_end", "category", "amount", "platform", "campaign", "currency"])
    t = Tables(costs=costs)
    mid = START + dt.timedelta(days=k)
    whole = compute("cost", t, START, END)
    parts = add(compute("cost", t, START, mid - dt.timedelta(days=1)), compute("cost", t, mid, END))
    assert same(whole, parts)
