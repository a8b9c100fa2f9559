"""Periods, the registry, SMART goal validation/progress/projection/status, deltas."""

import datetime as dt
import math

import pandas as pd
import pytest

from metrics import deltas as dl
from metrics import goals as gl
from metrics import periods as pe
from metrics.registry import METRIC_IDS, Tables, compute, series, spec

D = dt.date


def test_periods():
    assert pe.last_complete_week(D(2024, 3, 11)) == pe.Period(D(2024, 3, 4), D(2024, 3, 10))  # a Monday
    assert pe.last_complete_week(D(2024, 3, 17)) == pe.Period(D(2024, 3, 4), D(2024, 3, 10))  # a Sunday: not over
    assert pe.last_complete("month", D(2024, 3, 1)) == pe.Period(D(2024, 2, 1), D(2024, 2, 29))
    assert pe.last_complete("quarter", D(2024, 5, 2)) == pe.Period(D(2024, 1, 1), D(2024, 3, 31))
    assert pe.last_complete("year", D(2024, 5, 2)) == pe.Period(D(2023, 1, 1), D(2023, 12, 31))
    assert pe.previous_period(pe.month_of(D(2024, 3, 5))) == pe.Period(D(2024, 2, 1), D(2024, 2, 29))
    assert pe.previous_period(pe.Period(D(2024, 3, 4), D(2024, 3, 10))) == pe.Period(D(2024, 2, 26), D(2024, 3, 3))
    assert pe.previous_period(pe.Period(D(2024, 3, 5), D(2024, 3, 6))) == pe.Period(D(2024, 3, 3), D(2024, 3, 4))
    assert pe.week_of(D(2021, 1, 3)).start == D(2020, 12, 28)  # ISO week 53 of 2020
    with pytest.raises(ValueError):
        pe.Period(D(2024, 1, 2), D(2024, 1, 1))


def test_bucketing_in_workspace_time_zone():
    ts = pd.Series(pd.to_datetime(["2024-03-11T03:00Z", "2024-03-11T05:00Z", "2024-03-31T23:30Z"], utc=True))
    w = pe.bucket_instants(ts, "week", "America/Toronto")
    assert [d.date() for d in w] == [D(2024, 3, 4), D(2024, 3, 11), D(2024, 3, 25)]
    m = pe.bucket_instants(ts, "month", "Europe/Paris")  # 31 Mar 23:30 UTC is 1 Apr in Paris
    assert [d.date() for d in m] == [D(2024, 3, 1), D(2024, 3, 1), D(2024, 4, 1)]


def test_registry_covers_the_architecture_ids():
    documented = """followers, new_followers, follower_growth_rate, mentions, comments, impressions, engagements,
    engagement_rate_reach, engagement_rate_followers, share_of_voice, positive, neutral, negative,
    pos_neg_ratio, net_sentiment, new_leads, lead_value, sessions, social_sessions, social_share,
    conversions, revenue, cost, value, roi"""
    assert set(METRIC_IDS) == {x.strip() for x in documented.split(",")}
    assert spec("followers").kind == "stock" and spec("mentions").kind == "flow" and spec("roi").kind == "ratio"
    assert spec("negative").higher_is_better is False
    assert spec("revenue").unit == "currency" and spec("social_share").unit == "ratio"
    empty = Tables()
    assert all(math.isnan(compute(m, empty, D(2024, 1, 1), D(2024, 1, 7))) for m in METRIC_IDS)


def weekly_followers(values, first_monday=D(2024, 1, 1)):
    """Audience frame with one follower total per Sunday."""
    days = [first_monday + dt.timedelta(days=7 * i + 6) for i in range(len(values))]
    return pd.DataFrame({"date": days, "platform": "x", "account": "a", "followers": values})


def test_series_stock_and_flow():
    t = Tables(audience=weekly_followers([100, 110, 120]))
    s = series("followers", t, D(2024, 1, 1), D(2024, 1, 21))
    assert s.tolist() == [100, 110, 120]
    assert list(s.index) == [pd.Timestamp(D(2024, 1, 1)), pd.Timestamp(D(2024, 1, 8)), pd.Timestamp(D(2024, 1, 15))]
    assert compute("followers", t, D(2024, 1, 1), D(2024, 1, 21), {"campaign": "x"}) != compute(
        "followers", t, D(2024, 1, 1), D(2024, 1, 21))  # NaN: followers have no campaign breakdown


GOAL = {"id": "g", "objective": "presence", "metric": "followers", "scope": {"platform": None, "campaign": None},
        "baseline": 100, "target": 200, "start": "2024-01-01", "deadline": "2024-03-31"}


def codes(issues):
    return [i.code for i in issues]


def test_validation_problems():
    assert gl.validate_goal(GOAL).ok
    bad = dict(GOAL, metric="likes", start="2024-04-01")
    chk = gl.validate_goal(bad)
    assert set(codes(chk.problems)) == {"unknown_metric", "deadline_not_after_start"}
    assert codes(gl.validate_goal(dict(GOAL, metric="")).problems) == ["missing_metric"]
    assert "target_equals_baseline" in codes(gl.validate_goal(dict(GOAL, target=100)).problems)
    assert "missing_deadline" in codes(gl.validate_goal(dict(GOAL, deadline=None)).problems)
    assert "unknown_platform" in codes(gl.validate_goal(dict(GOAL, scope={"platform": "myspace"})).problems)
    assert "scope_not_supported" in codes(gl.validate_goal(dict(GOAL, scope={"campaign": "spring"})).problems)
    # measurable: the metric must be present in the data
    chk = gl.validate_goal(GOAL, Tables())
    assert codes(chk.problems) == ["metric_not_in_data"]
    assert gl.validate_goal(GOAL, Tables(audience=weekly_followers([1]))).ok


def test_unrealistic_warning_says_by_how_much():
    hist = pd.Series([100.0, 105.0, 115.0, 120.0],
                     index=pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]))
    # stock: from 120 to 200 in 4 weeks (as of 29 Jan, deadline 26 Feb) = 20/week; best weekly gain 10 -> 2x
    goal = dict(GOAL, target=200, deadline="2024-02-26")
    w = gl.realism(goal, hist, as_of=D(2024, 1, 29))
    assert w is not None and w.code == "unrealistic" and w.params["factor"] == 2.0
    assert gl.realism(dict(GOAL, target=140, deadline="2024-02-26"), hist, as_of=D(2024, 1, 29)) is None  # 5/week
    # flow: a weekly target of 480 mentions when the best week ever had 150 -> 3.2x
    weekly = pd.Series([100.0, 150.0, 90.0], index=pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15"]))
    w = gl.realism(dict(GOAL, metric="mentions", baseline=100, target=480), weekly)
    assert w.params["factor"] == 3.2
    assert gl.realism(dict(GOAL, metric="mentions", baseline=100, target=200), weekly) is None  # 1.33x: ambitious, fine


def test_progress_projection_status():
    assert gl.progress(150, 100, 200) == 0.5
    assert gl.progress(80, 100, 60) == 0.5  # a goal aiming down
    assert math.isnan(gl.progress(150, 100, 100))
    vals = pd.Series([100.0, 110.0, 120.0, 130.0], index=pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]))
    # +10 a week: the week of 26 Feb is 8 weeks after 1 Jan -> 180
    assert gl.linear_projection(vals, D(2024, 2, 26)) == pytest.approx(180.0)
    assert math.isnan(gl.linear_projection(vals.iloc[:2], D(2024, 2, 26)))
    s, d = D(2024, 1, 1), D(2024, 3, 31)
    assert gl.status(130, 100, 200, s, d, D(2024, 1, 29), projection=210)[0] == "on_track"
    assert gl.status(130, 100, 200, s, d, D(2024, 1, 29), projection=185)[0] == "at_risk"  # 85 % of the way
    assert gl.status(130, 100, 200, s, d, D(2024, 1, 29), projection=150)[0] == "off_track"
    assert gl.status(200, 100, 200, s, d, D(2024, 1, 29))[0] == "achieved"
    # one good week is not the goal: the badge follows the projection (10 projected vs 21 targeted = off track)
    assert gl.status(200, 100, 200, s, d, D(2024, 1, 29), projection=110, kind="flow")[0] == "off_track"
    assert gl.status(200, 100, 200, s, d, D(2024, 1, 29), kind="flow")[0] == "too_early"
    assert gl.status(200, 100, 200, s, d, D(2024, 4, 1), kind="flow")[0] == "achieved"
    assert gl.status(150, 100, 200, s, d, D(2024, 4, 2))[0] == "missed"
    assert gl.status(150, 100, 200, s, d, D(2024, 1, 1))[0] == "not_started"
    assert gl.status(float("nan"), 100, 200, s, d, D(2024, 2, 1))[0] == "no_data"
    # without a projection (fewer than 3 complete buckets) nobody can tell yet, whatever the progress
    assert gl.status(140, 100, 200, s, d, D(2024, 1, 29))[0] == "too_early"
    assert gl.status(110, 100, 200, s, d, D(2024, 1, 29))[0] == "too_early"


def test_evaluate_goal_end_to_end():
    t = Tables(audience=weekly_followers([100, 110, 120, 130, 140]))  # Sundays 7 Jan .. 4 Feb
    ev = gl.evaluate_goal(GOAL, t, as_of=D(2024, 2, 5))
    assert ev["current"] == 140 and ev["progress"] == 0.4
    # +10/week; deadline week starts 25 Mar = 12 weeks after 1 Jan -> 220 >= 200
    assert ev["projection"] == pytest.approx(220.0)
    assert ev["status"] == "on_track" and ev["problems"] == []
    bad = gl.evaluate_goal(dict(GOAL, metric="nope"), t, as_of=D(2024, 2, 5))
    assert bad["status"] == "invalid" and bad["problems"][0]["code"] == "unknown_metric"


def test_goal_set_warnings():
    assert "followers_only" in codes(gl.goal_set_warnings([GOAL]))
    ws = gl.goal_set_warnings([GOAL, dict(GOAL, metric="net_sentiment")])
    assert "followers_only" not in codes(ws)
    assert {i.params["objective"] for i in ws} == {"relationships", "traffic"}


def test_deltas_and_movers():
    m = pd.DataFrame({
        "mention_id": [str(i) for i in range(13)],
        "published_at": ["2024-01-02T12:00Z"] * 4 + ["2024-01-09T12:00Z"] * 9,
        "sentiment_label": ["negative"] * 4 + ["positive"] * 6 + ["negative"] * 3,
    })
    t = Tables(mentions=m, audience=weekly_followers([100, 100]))
    ds = dl.deltas_for(t, "week", D(2024, 1, 15), metrics=["mentions", "negative", "positive", "followers", "sessions"])
    by = {d.metric_id: d for d in ds}
    assert (by["mentions"].value, by["mentions"].previous, by["mentions"].delta, by["mentions"].pct) == (9, 4, 5, 1.25)
    assert by["negative"].pct == -0.25 and by["negative"].favourable is True  # fewer negatives is good
    assert math.isnan(by["positive"].pct)  # previous week had none
    assert by["followers"].direction == "flat" and by["followers"].favourable is None
    assert by["sessions"].direction is None
    movers = dl.biggest_movers(ds, n=2)
    assert [d.metric_id for d in movers] == ["mentions", "negative"]
    assert dl.delta(5, 0)[0] == 5 and math.isnan(dl.delta(5, 0)[1])
    assert list(dl.deltas_frame(ds).columns[:5]) == ["metric_id", "value", "previous", "delta", "pct"]
