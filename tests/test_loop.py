"""The loop: insights (heatmap, outperformers, campaigns), the journal, before/after verdicts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from connectors import store
from metrics import loop as L
from metrics.cli import load_summary_inputs
from metrics.registry import Tables

END = dt.date(2026, 11, 15)
AS_OF = END + dt.timedelta(days=1)
TZ = "America/Toronto"


@pytest.fixture(scope="module")
def demo(generated_demo):
    root, manifest = generated_demo(END)  # shared with test_sample_data (read-only)
    start = dt.date.fromisoformat(manifest["start"])
    tables = load_summary_inputs(root, "demo", start, END, start)
    return {"root": root, "manifest": manifest, "tables": tables, "journal": store.load_config(root, "demo", "journal")}


def _action(demo, key):
    jid = demo["manifest"]["journal"][key]["id"]
    return next(a for a in demo["journal"] if a["id"] == jid)


def test_planted_effect_is_improved_and_no_effect_is_no_clear_change(demo):
    effect = L.before_after(_action(demo, "effect"), demo["tables"], AS_OF)
    assert effect.verdict == "improved"
    assert effect.window_days == 42 and effect.before_days == effect.after_days == 42
    assert 0.25 <= effect.raw_change <= 0.45
    assert effect.ci_low > 0 and effect.ci_low < effect.change < effect.ci_high
    none = L.before_after(_action(demo, "no_effect"), demo["tables"], AS_OF)
    assert none.verdict == "no_clear_change"
    assert none.ci_low < 0 < none.ci_high and abs(none.raw_change) < 0.08
    opened = L.before_after(_action(demo, "open"), demo["tables"], AS_OF)
    assert opened.verdict == "not_due"
    reviewed = {r.id: r.verdict for r in L.review_all(demo["journal"], demo["tables"], AS_OF)}
    assert reviewed == {effect.id: "improved", none.id: "no_clear_change"}


def test_verdict_is_deterministic_and_follows_the_hoped_direction(demo):
    a = dict(_action(demo, "effect"))
    r1, r2 = L.before_after(a, demo["tables"], AS_OF), L.before_after(a, demo["tables"], AS_OF)
    assert (r1.ci_low, r1.ci_high) == (r2.ci_low, r2.ci_high)
    a["expected_change_pct"] = -20  # hoped for a fall: the same rise is worse
    assert L.before_after(a, demo["tables"], AS_OF).verdict == "worse"


def _synthetic(values_before, values_after, start=dt.date(2026, 3, 1)):
    days = pd.date_range(start, periods=len(values_before) + len(values_after), freq="D")
    aud = pd.DataFrame({"date": days.date, "platform": "instagram", "account": "a",
                        "engagements": np.r_[values_before, values_after]})
    return Tables(audience=aud, tz="UTC"), (start + dt.timedelta(days=len(values_before)))


def test_before_after_on_synthetic_series():
    rng = np.random.default_rng(1)
    tb, d = _synthetic(rng.normal(100, 5, 28), rng.normal(130, 5, 28))
    act = {"id": "x", "date": d.isoformat(), "review_date": (d + dt.timedelta(days=28)).isoformat(), "metric": "engagements",
           "scope": {"platform": "instagram"}, "expected_change_pct": 10}
    r = L.before_after(act, tb, d + dt.timedelta(days=40))
    assert r.verdict == "improved" and r.change == pytest.approx(0.3, abs=0.03) and not r.seasonally_adjusted
    tb2, _ = _synthetic(rng.normal(100, 30, 28), rng.normal(103, 30, 28))
    assert L.before_after(act, tb2, d + dt.timedelta(days=40)).verdict == "no_clear_change"
    tb3, _ = _synthetic(rng.normal(100, 5, 3), rng.normal(130, 5, 28), start=d - dt.timedelta(days=3))
    assert L.before_after(act, tb3, d + dt.timedelta(days=40)).verdict == "insufficient_data"
    assert L.before_after(act, tb, d + dt.timedelta(days=10)).verdict == "not_due"


def test_seasonal_adjustment_uses_the_same_windows_a_year_earlier():
    # every year the metric rises by 30 % at the same date: an action then did nothing
    days = pd.date_range("2025-01-01", "2026-12-31", freq="D")
    base = np.where((days.day_of_year >= 152) & (days.day_of_year < 182), 130.0, 100.0)
    base = base * np.random.default_rng(3).normal(1, 0.03, len(days))
    tb = Tables(audience=pd.DataFrame({"date": days.date, "platform": "x", "account": "a", "impressions": base}), tz="UTC")
    d = pd.Timestamp("2026-01-01") + pd.Timedelta(days=151)
    act = {"id": "s", "date": d.date().isoformat(), "review_date": (d + pd.Timedelta(days=30)).date().isoformat(),
           "metric": "impressions", "scope": {"platform": "x"}, "expected_change_pct": 20}
    r = L.before_after(act, tb, dt.date(2026, 12, 1))
    assert r.seasonally_adjusted and r.raw_change == pytest.approx(0.3, abs=0.05)
    assert abs(r.change) < 0.05 and r.verdict == "no_clear_change"


def _posts_grid(counts: dict[tuple[int, int], tuple[int, float]]) -> pd.DataFrame:
    """Posts at (weekday, local hour) -> (how many, engagement rate)."""
    rows = []
    monday = pd.Timestamp("2026-06-01")  # a Monday
    i = 0
    for (wd, hour), (n, rate) in counts.items():
        for k in range(n):
            local = monday + pd.Timedelta(days=wd + 7 * k, hours=hour)
            rows.append({"post_id": f"p{i}", "platform": "facebook", "account": "a",
                         "published_at": local.tz_localize(TZ).tz_convert("UTC"), "impressions": 1000,
                         "engagements": int(rate * 1000)})
            i += 1
    return pd.DataFrame(rows)


def test_heatmap_refuses_to_rank_cells_with_too_few_posts():
    posts = _posts_grid({(0, 19): (6, 0.10), (1, 10): (8, 0.05), (2, 3): (2, 0.50), (3, 3): (6, 0.01), (4, 12): (5, 0.05)})
    hm = L.timing_heatmap(posts, "2026-01-01", "2026-12-31", TZ, hours_per_cell=1, min_posts=5)
    assert len(hm) == 7 * 24
    cell = hm.set_index(["weekday", "hour"])
    # the Wednesday 3 am cell has the best rate of all but only 2 posts: shown, counted, never ranked
    assert cell.loc[(2, 3), "n"] == 2 and not cell.loc[(2, 3), "rankable"] and np.isnan(cell.loc[(2, 3), "rank"])
    assert cell.loc[(2, 3), "value"] == hm["value"].max()
    assert cell.loc[(0, 19), "rank"] == 1
    ins = L.timing_insights(hm, best_index=1.2, useless_index=0.6)
    assert [(r.weekday, r.hour) for r in ins["best"].itertuples()] == [(0, 19)]
    assert [(r.weekday, r.hour) for r in ins["useless"].itertuples()] == [(3, 3)]
    assert (2, 3) not in {(r.weekday, r.hour) for r in pd.concat(ins.values()).itertuples()}
    # with a higher bar nothing is rankable, so nothing is named
    hm8 = L.timing_heatmap(posts, "2026-01-01", "2026-12-31", TZ, hours_per_cell=1, min_posts=9)
    assert not hm8["rankable"].any() and all(not len(v) for v in L.timing_insights(hm8).values())


def test_heatmap_uses_local_time_and_demo_evenings_beat_nights(demo):
    posts = store.read_table(demo["root"], "demo", "posts")
    hm = L.timing_heatmap(posts, END - dt.timedelta(days=364), END, TZ, hours_per_cell=3)
    ranked = hm[hm["rankable"]]
    evening = ranked[ranked["hour"] == 18]["value"]
    assert len(evening) >= 5 and evening.min() > 1.0
    assert hm["n"].sum() == hm["n"].sum() and (hm.loc[~hm["rankable"], "n"] < 5).all()
    best = L.timing_insights(hm)["best"]
    assert len(best) and set(best["hour"]) <= {12, 18, 21}


def test_outperformers_rule(demo):
    posts = store.read_table(demo["root"], "demo", "posts")
    start = dt.date.fromisoformat(demo["manifest"]["start"])
    out = L.outperformers(posts, start, END, TZ, lookback_days=(END - start).days + 1)
    assert (out["ratio"] >= L.OUTPERFORM_FACTOR).all()
    assert len(set(out["post_id"]) & set(demo["manifest"]["outperforming_posts"])) >= 4


def test_campaign_ranking_keeps_known_roi_only():
    t = pd.DataFrame({"key": ["a", "b", "c", "d", "(none)", "e"], "roi": [1.5, -0.4, np.nan, 0.2, 9.0, -0.9]})
    r = L.campaign_ranking(t, top=2)
    assert r["best"]["key"].tolist() == ["a", "d"] and r["worst"]["key"].tolist() == ["e", "b"]
    small = L.campaign_ranking(t[t["key"].isin(["a", "b"])], top=3)
    assert small["best"]["key"].tolist() == ["a"] and small["worst"]["key"].tolist() == ["b"]


def test_journal_editing_and_annotations():
    j = [{"id": "j-1-a", "date": "2026-02-01", "change": "A", "metric": "impressions", "review_date": "2026-03-01",
          "scope": {"platform": "linkedin"}, "status": "open"}]
    j = L.upsert_action(j, {"date": "2026-01-15", "change": "Ask a question in every post!", "metric": "comments",
                            "review_date": "2026-02-15"})
    assert [a["id"] for a in j] == ["j-2-ask-a-question-in-every", "j-1-a"]
    assert j[0]["status"] == "open" and j[0]["scope"] == {"platform": None, "campaign": None}
    j = L.upsert_action(j, dict(j[1], status="closed", decision="keep"))
    assert len(j) == 2 and j[1]["status"] == "closed"
    assert L.validate_action({"change": "", "date": "x", "metric": "nope", "review_date": "2020-01-01"}) == [
        "missing_change", "missing_date", "unknown_metric"]
    assert L.validate_action({"change": "c", "date": "2026-01-02", "metric": "roi", "review_date": "2026-01-01"}) == [
        "review_before_date"]
    ann = L.journal_annotations(j + [{"id": "bad", "date": None}])
    assert list(ann.columns[:3]) == ["date", "label", "metric"]
    assert ann["date"].tolist() == [pd.Timestamp("2026-01-15"), pd.Timestamp("2026-02-01")]
    assert ann["metric"].tolist() == ["comments", "impressions"] and ann["platform"].tolist() == [None, "linkedin"]
    assert [a["id"] for a in L.due_for_review(j, "2026-02-20")] == ["j-2-ask-a-question-in-every"]


def test_loop_page_creates_an_action_and_records_a_verdict(demo_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    import app

    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/loop.py").run()
    assert not at.exception
    at.text_input(key="loop.f.change.__new__").input("Ask a question in every post")
    at.button(key="FormSubmitter:loop.form.__new__-Save the action").click().run()
    journal = store.load_config(demo_copy, "demo", "journal")
    new = [a for a in journal if a["change"] == "Ask a question in every post"]
    assert len(new) == 1 and new[0]["status"] == "open" and new[0]["metric"] == "engagements"
    effect = next(a["id"] for a in journal if a["id"].startswith("j-1-"))
    at.text_input(key=f"loop.ba.dec.{effect}").input("Keep evenings")
    at.button(key=f"loop.ba.rec.{effect}").click().run()
    assert not at.exception
    done = next(a for a in store.load_config(demo_copy, "demo", "journal") if a["id"] == effect)
    assert (done["verdict"], done["decision"], done["status"]) == ("improved", "Keep evenings", "closed")
