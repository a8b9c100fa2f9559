"""Sentiment counts and ratios (mentions vs daily aggregates), leads and the funnel."""

import datetime as dt
import math

import pandas as pd

from metrics import relationships as rel
from metrics import sentiment as se

D = dt.date


def mentions(rows):
    return pd.DataFrame(rows, columns=["mention_id", "published_at", "source", "brand", "topic", "sentiment_label"])


def test_counts_and_ratios():
    m = mentions([
        ("1", "2024-01-08T12:00Z", "x", None, "price", "positive"),
        ("2", "2024-01-08T12:00Z", "x", None, "price", "positive"),
        ("3", "2024-01-08T12:00Z", "x", None, "service", "negative"),
        ("4", "2024-01-09T12:00Z", "blog", None, None, "neutral"),
        ("5", "2024-01-09T12:00Z", "blog", None, None, None),  # unlabelled: a mention, no class
        ("6", "2024-01-09T12:00Z", "x", "Rival", None, "negative"),  # competitor
    ])
    t = se.sentiment_totals(m, None, D(2024, 1, 8), D(2024, 1, 9), own_brand="Acme", competitors=["Rival"])
    assert (t["mentions"], t["positive"], t["neutral"], t["negative"]) == (5, 2, 1, 1)
    assert t["pos_neg_ratio"] == 2.0
    assert t["net_sentiment"] == (2 - 1) / (2 + 1)
    by_topic = se.sentiment_by(m, None, D(2024, 1, 8), D(2024, 1, 9), by="topic", own_brand="Acme").set_index("topic")
    assert by_topic.loc["price", "positive"] == 2 and math.isnan(by_topic.loc["price", "pos_neg_ratio"])
    assert by_topic.loc["service", "net_sentiment"] == -1.0
    by_source = se.sentiment_by(m, None, D(2024, 1, 8), D(2024, 1, 9), by="source", own_brand="Acme").set_index("source")
    assert by_source.loc["blog", "mentions"] == 2 and by_source.loc["x", "mentions"] == 3


def test_ratios_nan_on_zero():
    assert math.isnan(se.pos_neg_ratio(5, 0))
    assert math.isnan(se.net_sentiment(0, 0))
    assert se.net_sentiment(0, 4) == -1.0
    t = se.sentiment_totals(None, None, D(2024, 1, 1), D(2024, 1, 7))
    assert all(math.isnan(v) for v in t.values())


def test_mentions_or_daily_aggregates_never_both_for_same_source_and_day():
    m = mentions([("1", "2024-01-08T12:00Z", "X", None, None, "positive")])
    sd = pd.DataFrame({
        "date": [D(2024, 1, 8), D(2024, 1, 8), D(2024, 1, 9), D(2024, 1, 9), D(2024, 1, 9)],
        "source": ["x", "forums", "x", "x", "x"],
        "brand": [None] * 5,
        "topic": [None, None, None, "price", "service"],
        "mentions": [40, 10, 20, 12, 15],
        "positive": [30, 5, 10, 6, 9],
        "neutral": [5, 3, 5, 3, 3],
        "negative": [5, 2, 5, 3, 3],
    })
    t = se.sentiment_totals(m, sd, D(2024, 1, 8), D(2024, 1, 9))
    # 8 Jan x: the mention row only (not the aggregate of 40); forums 10; 9 Jan x: the topic-less total 20
    assert t["mentions"] == 1 + 10 + 20
    assert t["positive"] == 1 + 5 + 10
    assert t["negative"] == 0 + 2 + 5
    # topic rows are summed when no topic-less total exists for that day
    sd2 = sd[sd["topic"].notna()]
    assert se.sentiment_totals(None, sd2, D(2024, 1, 9), D(2024, 1, 9))["mentions"] == 27


def leads(rows):
    return pd.DataFrame(rows, columns=["lead_id", "created_at", "source", "medium", "campaign", "stage", "value"])


def test_leads_by_source_campaign_and_value():
    lf = leads([
        ("a", "2024-01-08T12:00Z", "linkedin", "social", "spring", "new", 100.0),
        ("b", "2024-01-09T12:00Z", "linkedin", "social", "spring", "Qualifié", None),
        ("c", "2024-01-10T12:00Z", "blog", None, None, "won", 50.0),
        ("d", "2024-01-11T12:00Z", "t.co", None, None, "perdu", None),
        ("e", "2024-02-11T12:00Z", "t.co", None, None, "won", 1000.0),  # outside
    ])
    s, e = D(2024, 1, 1), D(2024, 1, 31)
    assert rel.new_leads(lf, s, e) == 4
    assert rel.new_leads(lf, s, e, platform="linkedin") == 2
    assert rel.new_leads(lf, s, e, campaign="SPRING") == 2
    assert rel.lead_value(lf, s, e) == 150.0
    by = rel.new_leads_by(lf, s, e).set_index(["source", "campaign"])
    assert by.loc[("linkedin", "spring"), "leads"] == 2
    assert math.isnan(rel.new_leads(lf, D(2023, 1, 1), D(2023, 1, 31)))
    assert math.isnan(rel.new_leads(None, s, e))


def test_funnel_reached_and_conversion():
    lf = leads([
        ("1", "2024-01-08T12:00Z", None, None, None, "new", None),
        ("2", "2024-01-08T12:00Z", None, None, None, "contacted", None),
        ("3", "2024-01-08T12:00Z", None, None, None, "qualified", None),
        ("4", "2024-01-08T12:00Z", None, None, None, "won", None),
        ("5", "2024-01-08T12:00Z", None, None, None, "won", None),
        ("6", "2024-01-08T12:00Z", None, None, None, "lost", None),
    ])
    f = rel.stage_counts(lf, D(2024, 1, 1), D(2024, 1, 31)).set_index("stage")
    assert f["reached"].to_dict() == {"new": 6, "contacted": 4, "qualified": 3, "won": 2, "lost": 1}
    assert f.loc["new", "conversion"] == 4 / 6
    assert f.loc["contacted", "conversion"] == 3 / 4
    assert f.loc["qualified", "conversion"] == 2 / 3
    assert math.isnan(f.loc["won", "conversion"])
    assert rel.win_rate(lf, D(2024, 1, 1), D(2024, 1, 31)) == 2 / 3
    empty = rel.stage_counts(None, D(2024, 1, 1), D(2024, 1, 31)).set_index("stage")
    assert math.isnan(empty.loc["new", "conversion"])


def test_campaign_scope_without_leads_in_the_period_is_nan_not_an_error():
    """A campaign-scoped lead metric over a period holding no lead (an empty week of a goal's
    series): NaN. The empty mask used to be taken as a column list, leaving a frame without
    columns, and lead_value raised KeyError('value') (found comparing series of every metric)."""
    lf = leads([("a", "2024-01-08T12:00Z", "linkedin", "social", "spring", "new", 100.0)])
    empty = (D(2024, 3, 1), D(2024, 3, 7))
    assert math.isnan(rel.lead_value(lf, *empty, campaign="spring"))
    assert math.isnan(rel.new_leads(lf, *empty, campaign="spring"))
    assert math.isnan(rel.lead_value(lf, *empty, platform="linkedin", campaign="spring"))
    assert rel.lead_value(lf, D(2024, 1, 1), D(2024, 1, 31), campaign="Spring") == 100.0
