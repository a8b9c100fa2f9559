"""The demo workspace generator: deterministic, complete, and carrying its planted facts."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from connectors import store
from connectors.schema import DATA_TABLES
from sample_data.generate import ensure_demo, last_complete_iso_week_sunday

TODAY = dt.date(2026, 11, 18)  # a Wednesday
END = dt.date(2026, 11, 15)  # the Sunday of the last complete ISO week before TODAY
TZ = "America/Toronto"
METRIC_IDS = set(
    "followers new_followers follower_growth_rate mentions comments impressions engagements engagement_rate_reach "
    "engagement_rate_followers share_of_voice positive neutral negative pos_neg_ratio net_sentiment new_leads "
    "lead_value sessions social_sessions social_share conversions revenue cost value roi".split()
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, generated_demo) -> dict:
    """One store made by ensure_demo, one made by generate() with the same end: compared below.
    The generate() one is the run's shared build for END (conftest ``generated_demo``; test_loop
    reads the same one), made in this or another worker process."""
    root_a = tmp_path_factory.mktemp("store_a")
    generated = ensure_demo(root_a, TODAY)
    root_b, manifest = generated_demo(END)
    return {"root": root_a, "root_b": root_b, "generated": generated, "manifest": manifest}


def _read(demo: dict, table: str) -> pd.DataFrame:
    return pd.read_parquet(Path(demo["root"]) / "demo" / table)


def _local_day(ts: pd.Series) -> pd.Series:
    return ts.dt.tz_convert(TZ).dt.date


# --------------------------------------------------------------------------- entry points


def test_last_complete_iso_week_sunday() -> None:
    assert last_complete_iso_week_sunday(dt.date(2026, 11, 18)) == dt.date(2026, 11, 15)  # Wednesday
    assert last_complete_iso_week_sunday(dt.date(2026, 11, 16)) == dt.date(2026, 11, 15)  # Monday
    assert last_complete_iso_week_sunday(dt.date(2026, 11, 22)) == dt.date(2026, 11, 15)  # Sunday: week not over
    assert last_complete_iso_week_sunday(dt.date(2026, 11, 23)) == dt.date(2026, 11, 22)


def test_ensure_demo_generates_only_on_an_empty_store(demo: dict, tmp_path: Path) -> None:
    assert demo["generated"] is True
    assert store.list_workspaces(demo["root"]) == ["demo"]
    aud = store.read_table(demo["root"], "demo", "audience", columns=["date"])
    assert aud["date"].max() == END
    assert ensure_demo(demo["root"], TODAY) is False  # already has a workspace
    other = tmp_path / "store"
    store.create_workspace(other, "client-a")
    assert ensure_demo(other, TODAY) is False
    assert store.list_workspaces(other) == ["client-a"]


def test_cli_refuses_to_overwrite(demo: dict, capsys: pytest.CaptureFixture[str]) -> None:
    from sample_data.__main__ import main

    assert main(["--store", str(demo["root"]), "--end", END.isoformat()]) == 1
    assert "--replace" in capsys.readouterr().err


# --------------------------------------------------------------------------- determinism and completeness


def test_deterministic_byte_identical_tables(demo: dict) -> None:
    for table in DATA_TABLES:
        fa = store.table_files(demo["root"], "demo", table)
        fb = store.table_files(demo["root_b"], "demo", table)
        assert [f.name for f in fa] == [f.name for f in fb], table
        for a, b in zip(fa, fb, strict=True):
            assert a.read_bytes() == b.read_bytes(), f"{table}/{a.name} differs"
    cfg_a = sorted((Path(demo["root"]) / "demo" / "_config").glob("*.json"))
    cfg_b = sorted((Path(demo["root_b"]) / "demo" / "_config").glob("*.json"))
    assert [p.name for p in cfg_a] == [p.name for p in cfg_b]
    for a, b in zip(cfg_a, cfg_b, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_every_table_non_empty_and_readable(demo: dict) -> None:
    for table in DATA_TABLES:
        df = _read(demo, table)
        assert len(df) > 0, table
        assert demo["manifest"]["rows"][table] == len(df)


def test_no_email_anywhere(demo: dict) -> None:
    ws = Path(demo["root"]) / "demo"
    files = sorted(ws.rglob("*.parquet"))
    assert files
    for f in files:
        tbl = pq.read_table(f)
        for name in tbl.column_names:
            if pa.types.is_string(tbl.schema.field(name).type):
                values = [v for v in tbl.column(name).to_pylist() if v is not None]
                assert not any("@" in v for v in values), f"'@' in {f.relative_to(ws)} column {name}"
    for f in sorted((ws / "_config").glob("*.json")):
        assert "@" not in f.read_text(encoding="utf-8"), f


def test_no_data_after_end(demo: dict) -> None:
    for table in ("audience", "content_daily", "sentiment_daily", "traffic", "costs", "search"):
        df = _read(demo, table)
        assert df["date"].max() <= END, table
    assert _read(demo, "audience_breakdown")["period_end"].max() == END
    for table, col in (("posts", "published_at"), ("mentions", "published_at"), ("leads", "created_at")):
        assert _local_day(_read(demo, table)[col]).max() <= END, table


def test_config_documents(demo: dict) -> None:
    root = demo["root"]
    ws = store.load_config(root, "demo", "workspace")
    assert ws["timezone"] == TZ and ws["currency"] == "CAD"
    assert len(ws["competitors"]) == 2 and ws["partners"] and re.fullmatch(r"[0-9a-f]{16,}", ws["lead_salt"])
    campaigns = store.load_config(root, "demo", "campaigns")
    keys = {"name", "utm_campaign", "platforms", "start", "end", "budget", "objective", "value_per_conversion", "value_per_lead"}
    assert campaigns and all(keys <= set(c) for c in campaigns)
    goals = store.load_config(root, "demo", "goals")
    assert 4 <= len(goals) <= 6
    assert {g["objective"] for g in goals} == {"presence", "sentiment", "relationships", "traffic"}
    assert all(g["metric"] in METRIC_IDS for g in goals)
    journal = store.load_config(root, "demo", "journal")
    closed = [j for j in journal if j["status"] == "closed"]
    assert len(closed) >= 2 and all(j["review_date"] <= END.isoformat() for j in closed)
    assert any(j["status"] == "open" for j in journal)
    assert all(j["metric"] in METRIC_IDS for j in journal)
    maturity = store.load_config(root, "demo", "maturity")
    from metrics.maturity import ANSWERS, QUESTION_IDS

    answers = maturity["assessments"][0]["answers"]
    assert set(answers) == set(QUESTION_IDS) and set(answers.values()) <= set(ANSWERS)
    assert sorted(p["kind"] for p in maturity["peers"]) == ["competitor", "competitor", "partner"]
    terms = store.load_config(root, "demo", "tracked_terms")
    texts = " ".join(_read(demo, "mentions")["text"].tolist()).lower()
    assert all(t["term"].lower() in texts for t in terms)
    assert store.load_config(root, "demo", "alerts")["sensitivity"] > 0


# --------------------------------------------------------------------------- planted facts


def test_audience_identity_and_magnitudes(demo: dict) -> None:
    aud = _read(demo, "audience").sort_values(["platform", "date"])
    for plat, g in aud.groupby("platform"):
        f = g["followers"].to_numpy(dtype=np.int64)
        new = g["new_followers"].to_numpy(dtype=np.int64)
        lost = g["lost_followers"].to_numpy(dtype=np.int64)
        assert (f[1:] == f[:-1] + new[1:] - lost[1:]).all(), plat
        assert (np.diff(pd.to_datetime(g["date"]).to_numpy()) == np.timedelta64(1, "D")).all(), plat
    last = aud[aud["date"] == END].set_index("platform")["followers"]
    assert 25_000 <= last["facebook"] <= 45_000
    assert 10_000 <= last["instagram"] <= 25_000
    assert last["linkedin"] < last["x"] < last["instagram"] < last["facebook"]


def test_crisis_day_has_max_volume_and_is_mostly_negative(demo: dict) -> None:
    m = demo["manifest"]
    crisis = dt.date.fromisoformat(m["crisis"]["date"])
    assert crisis.weekday() < 5
    assert 120 <= (END - crisis).days <= 155
    men = _read(demo, "mentions")
    own = men[men["brand"] == m["own_brand"]]
    per_day = _local_day(own["published_at"]).value_counts()
    assert per_day.idxmax() == crisis
    baseline = per_day.median()
    assert 5.5 <= per_day[crisis] / baseline <= 9.5
    after = {crisis + dt.timedelta(days=k) for k in range(4)}
    others = per_day[[d not in after for d in per_day.index]]
    assert others.max() < 2.0 * baseline
    labels = own[_local_day(own["published_at"]) == crisis]["sentiment_label"].dropna()
    assert (labels == "negative").mean() > 0.6
    # competitors are mentioned less than the own brand
    counts = men["brand"].value_counts()
    assert all(counts[c] < counts[m["own_brand"]] for c in m["competitors"])


def test_mentions_sentiment_and_replies(demo: dict) -> None:
    men = _read(demo, "mentions")
    unlabelled = men["sentiment_label"].isna()
    assert 0.15 <= unlabelled.mean() <= 0.25
    assert men.loc[unlabelled, "sentiment_score"].isna().all()
    assert (men.loc[~unlabelled, "sentiment_origin"] == "export").all()
    assert set(men["lang"]) == {"fr", "en"}
    replied = men[men["replied_at"].notna()]
    assert len(replied) > 100
    assert (replied["replied_at"] > replied["published_at"]).all()
    sd = _read(demo, "sentiment_daily")
    assert not set(sd["source"]) & set(men["source"])
    assert not sd["derived"].any()


def test_paying_campaign_has_best_value_over_cost(demo: dict) -> None:
    root, m = demo["root"], demo["manifest"]
    registry = {c["utm_campaign"]: c for c in store.load_config(root, "demo", "campaigns")}
    traffic = _read(demo, "traffic")
    conv = traffic.assign(c=traffic["campaign"].str.lower()).groupby("c")["conversions"].sum()
    leads = _read(demo, "leads").groupby("campaign")["lead_id"].count()
    costs = _read(demo, "costs")
    cost = costs[costs["category"] == "ads"].groupby("campaign")["amount"].sum()
    ratio = {}
    for utm, c in registry.items():
        if cost.get(utm, 0) > 0:
            value = conv.get(utm, 0.0) * c["value_per_conversion"] + leads.get(utm, 0) * c["value_per_lead"]
            ratio[utm] = value / cost[utm]
    pay = m["paying_campaign"]
    assert ratio[pay] > 3
    assert all(ratio[pay] > 1.5 * r for u, r in ratio.items() if u != pay)
    assert any(r < 1 for r in ratio.values())
    for loser in m["losing_campaigns"]:
        assert ratio[loser] < 1


def test_utm_hygiene_problems_are_planted(demo: dict) -> None:
    root, u = demo["root"], demo["manifest"]["utm_variants"]
    tr = _read(demo, "traffic")
    registry = {c["utm_campaign"] for c in store.load_config(root, "demo", "campaigns")}
    assert set(u["source_variants"]["facebook"]) <= set(tr["source"])
    ((pay, variants),) = u["campaign_case_variants"].items()
    assert set(variants) <= set(tr["campaign"]) and len({v.lower() for v in variants}) == 1
    mm = u["missing_medium"]
    assert ((tr["campaign"] == mm["campaign"]) & (tr["medium"] == mm["medium"])).any()
    assert u["unregistered_in_traffic"] in set(tr["campaign"]) and u["unregistered_in_traffic"] not in registry
    assert u["registry_only"] in registry and u["registry_only"] not in set(tr["campaign"].str.lower())
    pts = tr[tr["campaign"] == u["paid_tagged_social"]["campaign"]]
    assert set(pts["medium"]) == {"social"} and set(pts["channel"]) == {"Organic Social"}
    costs = _read(demo, "costs")
    assert (costs["campaign"] == u["paid_tagged_social"]["campaign"]).any()
    assert {"Organic Social", "Paid Social", "Organic Search", "Direct", "Referral", "Email"} <= set(tr["channel"])
    social_refs = {"m.facebook.com", "l.instagram.com", "t.co", "lnkd.in"}
    assert social_refs <= set(tr.loc[tr["channel"] == "Organic Social", "source"])


def test_journal_planted_effect_and_no_effect(demo: dict) -> None:
    aud = _read(demo, "audience")
    j = demo["manifest"]["journal"]

    def ratio(entry: dict) -> float:
        s = aud[aud["platform"] == entry["platform"]].set_index("date")[entry["metric"]].astype(float)
        d = dt.date.fromisoformat(entry["date"])
        w = dt.timedelta(days=entry["window_days"])
        before = s[(s.index >= d - w) & (s.index < d)]
        after = s[(s.index >= d) & (s.index < d + w)]
        assert len(before) == len(after) == entry["window_days"]
        return after.mean() / before.mean()

    assert 1.25 <= ratio(j["effect"]) <= 1.45
    assert 0.92 <= ratio(j["no_effect"]) <= 1.08
    ids = {e["id"] for e in store.load_config(demo["root"], "demo", "journal")}
    assert {j["effect"]["id"], j["no_effect"]["id"], j["open"]["id"]} <= ids


def test_posting_time_matters_and_some_posts_outperform(demo: dict) -> None:
    posts = _read(demo, "posts")
    local = posts["published_at"].dt.tz_convert(TZ)
    er = posts["engagements"].astype(float) / posts["impressions"].astype(float)
    night = (local.dt.day_of_week < 5) & local.dt.hour.between(2, 5)
    evening = local.dt.hour.between(18, 21)
    assert night.sum() >= 10 and evening.sum() >= 50
    assert er[night].median() < 0.5 * er[evening].median()
    weeks = (END - dt.date.fromisoformat(demo["manifest"]["start"])).days / 7
    assert 4 <= len(posts) / weeks <= 8
    top = posts.nlargest(5, "engagements")["post_id"]
    assert len(set(top) & set(demo["manifest"]["outperforming_posts"])) >= 3
    assert posts["text"].str.contains("?", regex=False).sum() > 20


def test_leads_and_costs(demo: dict) -> None:
    leads = _read(demo, "leads")
    assert leads["lead_id"].str.fullmatch(r"[0-9a-f]{64}").all() and leads["lead_id"].is_unique
    assert set(leads["stage"]) == {"new", "contacted", "qualified", "won", "lost"}
    assert leads.loc[leads["stage"] == "won", "value"].notna().all()
    assert leads.loc[leads["stage"] != "won", "value"].isna().all()
    costs = _read(demo, "costs")
    assert set(costs["category"]) == {"ads", "staff", "tools", "agency"}
    assert set(costs["currency"]) == {"CAD"}
    assert (costs["period_end"] >= costs["date"]).all()


def test_content_daily_adds_up_to_post_views(demo: dict) -> None:
    cd = _read(demo, "content_daily")
    posts = _read(demo, "posts").set_index("post_id")
    total = cd.groupby("post_id")["views"].sum()
    assert (total == posts.loc[total.index, "views"]).all()


def test_manifest_is_json(demo: dict) -> None:
    json.dumps(demo["manifest"])
