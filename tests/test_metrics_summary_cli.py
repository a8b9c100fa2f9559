"""``python -m metrics summary`` end to end on a temporary store, against independent sums."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from connectors.store import save_config, write_frames
from metrics.cli import load_summary_inputs, main
from metrics.summary import flatten

PROJECT = Path(__file__).resolve().parent.parent
D = dt.date
WS = "acme"


@pytest.fixture
def store(tmp_path):
    days = [D(2024, 1, 1) + dt.timedelta(days=i) for i in range(21)]  # 1..21 Jan
    audience = pd.DataFrame({
        "date": days, "platform": "x", "account": "acme",
        "followers": [1000 + 5 * i for i in range(21)],
        "impressions": [100 + i for i in range(21)],
        "engagements": [10] * 21,
        "reach": [50] * 21,
    })
    posts = pd.DataFrame({
        "post_id": ["x1", "f1", "f2", "f3"], "platform": ["x", "facebook", "facebook", "facebook"],
        "account": ["acme"] * 4,
        # x1 is covered by the daily x series; f3 falls on 7 Jan in Toronto (before the period)
        "published_at": ["2024-01-09T15:00Z", "2024-01-09T15:00Z", "2024-01-12T15:00Z", "2024-01-08T03:00Z"],
        "impressions": [5000, 300, 200, 7000], "comments": [4, 6, 2, 50],
    })
    mentions = pd.DataFrame({
        "mention_id": [f"m{i}" for i in range(7)],
        "published_at": ["2024-01-08T12:00Z", "2024-01-09T12:00Z", "2024-01-10T12:00Z", "2024-01-11T12:00Z",
                         "2024-01-12T12:00Z", "2024-01-13T12:00Z", "2024-01-15T06:00Z"],  # last one: 15 Jan 01:00 local
        "source": ["x", "x", "blog", "x", "x", "forum", "x"],
        "brand": ["Acme", "Acme", None, "Rival", "Acme", "Acme", "Acme"],
        "sentiment_label": ["positive", "positive", "negative", "negative", "neutral", "positive", "negative"],
    })
    traffic = pd.DataFrame({
        "date": [D(2024, 1, 8), D(2024, 1, 8), D(2024, 1, 9), D(2024, 1, 10), D(2024, 1, 20)],
        "grain": "day", "property": "site",
        "source": ["facebook", "google", "t.co", "(direct)", "facebook"],
        "medium": ["referral", "organic", "referral", "(none)", "referral"],
        "sessions": [40, 100, 10, 50, 999], "conversions": [2.0, 5.0, 1.0, None, 9.0], "revenue": [50.0, 400.0, None, None, 9.0],
    })
    leads = pd.DataFrame({
        "lead_id": ["l1", "l2", "l3"], "created_at": ["2024-01-09T15:00Z", "2024-01-10T15:00Z", "2024-01-30T15:00Z"],
        "source": ["linkedin", "facebook", "x"], "stage": ["new", "won", "new"],
    })
    costs = pd.DataFrame({
        "date": [D(2024, 1, 1), D(2024, 1, 10)], "period_end": [D(2024, 1, 14), None],
        "platform": ["facebook", None], "category": ["ads", "staff"], "amount": [140.0, 60.0], "currency": ["CAD", "CAD"],
    })
    write_frames(tmp_path, WS, [("audience", audience), ("posts", posts), ("mentions", mentions), ("traffic", traffic),
                                ("leads", leads), ("costs", costs)], now=dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc))
    save_config(tmp_path, WS, "workspace", {"timezone": "America/Toronto", "currency": "CAD", "own_brand": "Acme",
                                            "competitors": ["Rival"]})
    save_config(tmp_path, WS, "goals", [{"id": "g1", "objective": "presence", "metric": "followers",
                                         "scope": {"platform": None, "campaign": None}, "baseline": 1000, "target": 1100,
                                         "start": "2024-01-01", "deadline": "2024-02-25", "owner": "me"}])
    return tmp_path, audience, posts, mentions, traffic, leads


def run_cli(root, *extra):
    out = subprocess.run(
        [sys.executable, "-m", "metrics", "summary", "--workspace", WS, "--store", str(root),
         "--start", "2024-01-08", "--end", "2024-01-14", *extra],
        capture_output=True, text=True, cwd=PROJECT, check=True,
    )
    return json.loads(out.stdout)


def test_summary_cli_against_independent_sums(store):
    root, audience, posts, mentions, traffic, leads = store
    s = run_cli(root)
    inside = (audience["date"] >= D(2024, 1, 8)) & (audience["date"] <= D(2024, 1, 14))
    p = s["presence"]
    assert p["followers_end"] == 1000 + 5 * 13
    assert p["new_followers"] == (1000 + 5 * 13) - (1000 + 5 * 6)
    assert p["impressions"] == audience.loc[inside, "impressions"].sum() + 300 + 200
    assert p["engagements"] == 70
    assert p["comments"] == 4 + 6 + 2
    # independent: local day in Toronto, own brand = "Acme" or no brand
    local = pd.to_datetime(mentions["published_at"], utc=True).dt.tz_convert("America/Toronto").dt.date
    own = mentions[(local >= D(2024, 1, 8)) & (local <= D(2024, 1, 14)) & (mentions["brand"].fillna("Acme") == "Acme")]
    counts = own["sentiment_label"].value_counts()
    assert p["mentions"] == len(own) == 5
    sent = s["sentiment"]
    assert (sent["positive"], sent["neutral"], sent["negative"]) == (counts["positive"], counts["neutral"], counts["negative"])
    assert sent["pos_neg_ratio"] == counts["positive"] / counts["negative"]
    assert sent["net_sentiment"] == (counts["positive"] - counts["negative"]) / (counts["positive"] + counts["negative"])
    assert p["share_of_voice"] == pytest.approx(5 / 6)
    assert s["relationships"]["new_leads"] == 2
    t = s["traffic"]
    assert t["sessions"] == 40 + 100 + 10 + 50
    assert t["social_sessions"] == 40 + 10
    assert t["conversions"] == 3 and t["revenue"] == 50
    r = s["roi"]
    assert r["cost"] == pytest.approx(140 / 14 * 7 + 60)
    assert r["value"] == 50 and r["roi"] == pytest.approx((50 - 130) / 130)
    g = s["goals"][0]
    # two complete weeks since the start: no projection yet, so too early to tell
    assert g["id"] == "g1" and g["current"] == 1065 and g["status"] == "too_early"


def test_summary_null_when_no_data_and_flat_keys(store, capsys):
    root = store[0]
    s = run_cli(root, "--flat")
    assert "presence.followers_end" in s and "traffic.social_sessions" in s and "roi.roi" in s
    assert s["relationships.lead_value"] is None  # no lead carries a value: null, not 0
    assert s["traffic.users"] is None
    # a week without any data: every metric null, never 0
    assert main(["summary", "--workspace", WS, "--store", str(root), "--start", "2023-06-05", "--end", "2023-06-11"]) == 0
    out = flatten(json.loads(capsys.readouterr().out))
    for key in ("presence.impressions", "presence.mentions", "sentiment.positive", "sentiment.net_sentiment",
                "relationships.new_leads", "traffic.sessions", "traffic.social_sessions", "traffic.revenue", "roi.cost",
                "roi.value", "roi.roi", "presence.new_followers"):
        assert out[key] is None, key


def test_loader_reads_only_what_it_needs(store):
    root = store[0]
    t = load_summary_inputs(root, WS, D(2024, 1, 8), D(2024, 1, 14))
    assert set(t.traffic.columns) <= {"date", "grain", "period_start", "period_end", "property", "source", "medium", "campaign",
                                      "content", "term", "channel", "landing_page", "dimension", "dimension_value",
                                      "sessions", "users", "conversions", "revenue"}
    assert "text" not in t.posts.columns and "text" not in t.mentions.columns
    assert t.tz == "America/Toronto" and t.own_brand == "Acme" and t.competitors == ("Rival",)
    # followers history before the period is kept (for the start-of-period total), other audience columns are not
    early = t.audience[pd.to_datetime(t.audience["date"]) < pd.Timestamp("2024-01-08")]
    assert len(early) and early["impressions"].isna().all()
    assert pd.to_datetime(t.traffic["date"]).max() <= pd.Timestamp("2024-01-14")


def test_cli_rejects_bad_input(store, capsys):
    root = store[0]
    assert main(["summary", "--workspace", "nope", "--store", str(root), "--start", "2024-01-08", "--end", "2024-01-14"]) == 2
    with pytest.raises(SystemExit):
        main(["summary", "--workspace", WS, "--store", str(root), "--start", "2024-01-14", "--end", "2024-01-08"])
