"""Presence metrics on tiny hand-built frames; double counting rules; zero/empty -> NaN."""

import datetime as dt
import math

import pandas as pd

from metrics import presence as pr

D = dt.date


def aud(rows):
    return pd.DataFrame(rows, columns=["date", "platform", "account", "followers", "new_followers", "lost_followers",
                                       "impressions", "reach", "engagements", "comments"])


def test_followers_end_last_known_value_per_account_summed():
    a = aud([
        (D(2024, 1, 1), "x", "a", 100, None, None, None, None, None, None),
        (D(2024, 1, 5), "x", "a", 120, None, None, None, None, None, None),
        (D(2024, 1, 9), "x", "a", 999, None, None, None, None, None, None),  # after the end
        (D(2024, 1, 2), "facebook", "p", 50, None, None, None, None, None, None),
        (D(2024, 1, 6), "facebook", "p", None, None, None, 5, None, None, None),  # unknown followers: not a 0
    ])
    assert pr.followers_end(a, D(2024, 1, 7)) == 170
    assert pr.followers_end(a, D(2024, 1, 7), platform="x") == 120
    assert pr.followers_by_platform(a, D(2024, 1, 7)).to_dict() == {"facebook": 50, "x": 120}
    assert math.isnan(pr.followers_end(a, D(2023, 12, 31)))
    assert math.isnan(pr.followers_end(aud([]), D(2024, 1, 7)))


def test_new_followers_prefers_totals_then_flows():
    a = aud([
        # account a: totals known before and at the end -> 130 - 100 (the flows say otherwise)
        (D(2024, 1, 7), "x", "a", 100, None, None, None, None, None, None),
        (D(2024, 1, 8), "x", "a", 110, 50, 0, None, None, None, None),
        (D(2024, 1, 14), "x", "a", 130, None, None, None, None, None, None),
        # account b: no totals -> sum(new) - sum(lost) = (4 + 6) - (1 + 2)
        (D(2024, 1, 8), "facebook", "b", None, 4, 1, None, None, None, None),
        (D(2024, 1, 9), "facebook", "b", None, 6, 2, None, None, None, None),
        (D(2024, 1, 20), "facebook", "b", None, 100, 0, None, None, None, None),  # outside
        # account c: gains only (no losses column values) -> 3
        (D(2024, 1, 10), "linkedin", "c", None, 3, None, None, None, None, None),
    ])
    by = pr.new_followers_by_account(a, D(2024, 1, 8), D(2024, 1, 14))
    assert by.loc[("x", "a"), "net"] == 30 and by.loc[("x", "a"), "method"] == "totals"
    assert by.loc[("facebook", "b"), "net"] == 7 and by.loc[("facebook", "b"), "method"] == "flows"
    assert by.loc[("linkedin", "c"), "net"] == 3
    assert pr.new_followers(a, D(2024, 1, 8), D(2024, 1, 14)) == 40
    # growth rate: only accounts with a start total: 30 / 100
    assert pr.follower_growth_rate(a, D(2024, 1, 8), D(2024, 1, 14)) == 0.3


def test_growth_rate_zero_or_unknown_start_is_nan():
    a = aud([
        (D(2024, 1, 7), "x", "a", 0, None, None, None, None, None, None),
        (D(2024, 1, 14), "x", "a", 10, None, None, None, None, None, None),
    ])
    assert pr.new_followers(a, D(2024, 1, 8), D(2024, 1, 14)) == 10
    assert math.isnan(pr.follower_growth_rate(a, D(2024, 1, 8), D(2024, 1, 14)))
    assert math.isnan(pr.new_followers(aud([]), D(2024, 1, 8), D(2024, 1, 14)))


def posts_frame(rows):
    return pd.DataFrame(rows, columns=["post_id", "platform", "account", "published_at", "impressions", "comments",
                                       "shares", "reactions"])


def test_no_double_counting_daily_series_is_total_per_account_metric_and_day():
    a = aud([
        (D(2024, 1, 8), "x", "acme", None, None, None, 100, None, None, None),
        (D(2024, 1, 9), "x", "acme", None, None, None, 200, None, None, None),
    ])
    p = posts_frame([
        ("1", "x", "acme", "2024-01-08T15:00Z", 80, 2, None, None),  # covered by the daily series: not added
        ("2", "x", "acme", "2024-01-10T15:00Z", 30, 1, None, None),  # no daily row that day: counts
        ("3", "x", "other", "2024-01-08T15:00Z", 7, None, None, None),  # another account: counts
        ("4", "facebook", "acme", "2024-01-09T15:00Z", 5, 4, None, None),  # another platform: counts
        ("5", "x", None, "2024-01-09T15:00Z", 1000, None, None, None),  # unknown account, x covered that day
    ])
    assert pr.impressions(a, p, D(2024, 1, 8), D(2024, 1, 14)) == 100 + 200 + 30 + 7 + 5
    # comments: the daily series has none, so every post counts (2 + 1 + 4)
    assert pr.comments(a, p, D(2024, 1, 8), D(2024, 1, 14)) == 7
    # posts count on their publication day in the workspace time zone
    p2 = posts_frame([("9", "linkedin", "acme", "2024-01-08T03:00Z", 11, None, None, None)])
    assert pr.impressions(None, p2, D(2024, 1, 8), D(2024, 1, 8), tz="America/Toronto") != 11  # 7 Jan in Toronto
    assert pr.impressions(None, p2, D(2024, 1, 7), D(2024, 1, 7), tz="America/Toronto") == 11
    assert pr.impressions(None, p2, D(2024, 1, 8), D(2024, 1, 8), tz="UTC") == 11


def test_content_daily_replaces_post_lifetime_and_yields_to_audience():
    a = aud([(D(2024, 1, 8), "youtube", "ch", None, None, None, 500, None, None, None)])
    p = posts_frame([("v1", "youtube", "ch", "2024-01-07T12:00Z", 999, None, None, None)])
    cd = pd.DataFrame({
        "date": [D(2024, 1, 7), D(2024, 1, 8), D(2024, 1, 9)], "platform": "youtube", "account": "ch",
        "post_id": "v1", "impressions": [10, 20, 30],
    })
    # 7 Jan: content_daily 10 (post lifetime dropped: it has daily rows); 8 Jan: audience 500; 9 Jan: 30
    assert pr.impressions(a, p, D(2024, 1, 7), D(2024, 1, 9), content_daily=cd) == 540


def test_flow_with_no_data_is_nan_not_zero():
    assert math.isnan(pr.impressions(aud([]), posts_frame([]), D(2024, 1, 1), D(2024, 1, 7)))
    assert math.isnan(pr.impressions(None, None, D(2024, 1, 1), D(2024, 1, 7)))
    a = aud([(D(2024, 1, 8), "x", "a", None, None, None, None, None, None, None)])
    assert math.isnan(pr.engagements(a, None, D(2024, 1, 8), D(2024, 1, 8)))


def test_engagement_rates_from_summed_parts():
    a = aud([
        (D(2024, 1, 8), "x", "a", 1000, None, None, None, 100, 10, None),
        (D(2024, 1, 9), "x", "a", 1000, None, None, None, 300, 50, None),
        (D(2024, 1, 8), "facebook", "b", None, None, None, None, None, 40, None),  # no reach, no followers
    ])
    # by reach: accounts with both: (10 + 50) / (100 + 300); an average of daily rates would be 0.133
    assert pr.engagement_rate_reach(a, None, D(2024, 1, 8), D(2024, 1, 9)) == 60 / 400
    assert pr.engagement_rate_followers(a, None, D(2024, 1, 8), D(2024, 1, 9)) == 60 / 1000
    zero = aud([(D(2024, 1, 8), "x", "a", 0, None, None, None, 0, 5, None)])
    assert math.isnan(pr.engagement_rate_reach(zero, None, D(2024, 1, 8), D(2024, 1, 8)))
    assert math.isnan(pr.engagement_rate_followers(zero, None, D(2024, 1, 8), D(2024, 1, 8)))


def test_kaushik_rates_per_post():
    p = posts_frame([
        ("1", "x", "a", "2024-01-08T12:00Z", None, 4, 1, 10),
        ("2", "x", "a", "2024-01-09T12:00Z", None, 2, None, 20),
        ("3", "x", "a", "2024-02-09T12:00Z", None, 100, 100, 100),  # outside
    ])
    s, e = D(2024, 1, 1), D(2024, 1, 31)
    assert pr.conversation_rate(p, s, e) == 3.0
    assert pr.amplification_rate(p, s, e) == 1.0  # one post reports shares
    assert pr.applause_rate(p, s, e) == 15.0
    assert math.isnan(pr.conversation_rate(p, D(2023, 1, 1), D(2023, 1, 31)))


def test_mentions_and_share_of_voice():
    m = pd.DataFrame({
        "mention_id": list("abcdef"),
        "published_at": ["2024-01-08T12:00Z"] * 6,
        "source": ["x", "x", "blog", "x", "x", "news"],
        "brand": ["Acme", "ACME", None, "Rival", "rival", "Other"],
    })
    s = e = D(2024, 1, 8)
    assert pr.mentions(m, None, s, e, own_brand="acme", competitors=["Rival"]) == 3
    assert pr.share_of_voice(m, None, s, e, own_brand="acme", competitors=["Rival"]) == 3 / 5
    assert math.isnan(pr.share_of_voice(m, None, s, e, own_brand="acme", competitors=[]))
    assert math.isnan(pr.mentions(m, None, D(2024, 2, 1), D(2024, 2, 2), own_brand="acme"))


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_bucket_passes_equal_each_bucket_alone():
    """The one-pass series (goal and sparkline buckets) give, bucket by bucket, exactly what the
    per-bucket functions give: accounts reporting only one part, a platform without account, a
    post where no daily series, gaps, a bucket with nothing, values that do not sum exactly."""
    import numpy as np

    rng = np.random.default_rng(7)
    rows = []
    for i in range(120):
        d = D(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 70)))
        plat, acc = [("x", "a"), ("x", "b"), ("facebook", "p"), ("instagram", None), (None, "z")][i % 5]
        reach = None if i % 7 == 0 else float(rng.random() * 1000)
        eng = None if i % 11 == 0 else float(rng.random() * 100) / 3
        fol = None if i % 4 == 0 else int(rng.integers(100, 5000))
        rows.append((d, plat, acc, fol, None, None, None, reach, eng, None))
    a = aud(rows)
    posts = pd.DataFrame({
        "post_id": ["p1", "p2", "p3"], "platform": ["instagram", "linkedin", "linkedin"], "account": ["q", "l", "l"],
        "published_at": pd.to_datetime(["2024-01-10 12:00", "2024-02-03 23:30", "2024-02-20 01:00"], utc=True),
        "reach": [300.0, 500.0, 0.1], "engagements": [10.0, 0.3, 7.0],
    })
    weeks = [(D(2024, 1, 1) + dt.timedelta(weeks=k), D(2024, 1, 7) + dt.timedelta(weeks=k)) for k in range(12)]
    weeks[0] = (D(2024, 1, 3), D(2024, 1, 7))  # clipped first bucket
    for platform in (None, "x", "instagram", "linkedin", "tiktok"):
        batch = pr.engagement_rate_reach_buckets(a, posts, weeks, "America/Toronto", None, platform)
        alone = [pr.engagement_rate_reach(a, posts, s, e, "America/Toronto", None, platform) for s, e in weeks]
        assert all(_same(x, y) for x, y in zip(batch, alone, strict=True)), (platform, batch, alone)
        for metric in ("engagements", "reach", "impressions"):
            batch = pr.flow_total_buckets(metric, a, posts, weeks, "America/Toronto", None, platform)
            alone = [pr.flow_total(metric, a, posts, s, e, "America/Toronto", None, platform) for s, e in weeks]
            assert all(_same(x, y) for x, y in zip(batch, alone, strict=True)), (metric, platform, batch, alone)
        ends = [e for _, e in weeks] + [D(2023, 12, 1)]
        batch = pr.followers_end_buckets(a, ends, platform)
        alone = [pr.followers_end(a, e, platform) for e in ends]
        assert all(_same(x, y) for x, y in zip(batch, alone, strict=True)), (platform, batch, alone)
    assert any(not math.isnan(v) for v in pr.engagement_rate_reach_buckets(a, posts, weeks, "UTC"))


def test_rows_in_matches_whole_tuples_with_missing_equal_to_missing():
    import numpy as np

    from metrics import rows_in

    d1, d2 = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02")
    q = pd.DataFrame({"p": ["x", "x", None, "y", "x"], "a": ["a1", None, None, "a1", "a2"], "d": [d1, d1, d2, d1, d1]})
    ref = pd.DataFrame({"p": ["x", None, "x"], "a": ["a1", None, "a2"], "d": [d1, d2, d2]}, index=[7, 8, 9])
    got = rows_in([q["p"], q["a"], q["d"]], [ref["p"], ref["a"], ref["d"]])
    assert got.tolist() == [True, False, True, False, False]
    assert rows_in([q["p"]], [ref["p"].iloc[:0]]).tolist() == [False] * 5
    assert isinstance(got, np.ndarray)


def test_day_series_converts_each_distinct_value_once_with_the_same_result():
    """Long object columns take the per-distinct-value path; every value gets the day the
    element-wise path (short columns) gives."""
    import datetime as dt

    from metrics import day_series

    values = [dt.date(2025, 1, 1), "2025-01-02", None, pd.Timestamp("2025-01-03 17:45"), float("nan"), "not a day",
              dt.datetime(2025, 1, 4, 23, 59)]
    long = pd.Series(values * 40, dtype="object", name="date", index=range(100, 380))
    got = day_series(long)
    want = pd.concat([day_series(long.iloc[i:i + 7]) for i in range(0, len(long), 7)])
    pd.testing.assert_series_equal(got, want)
    assert got.iloc[:7].tolist()[:2] == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02")]
    assert got.isna().sum() == 3 * 40
