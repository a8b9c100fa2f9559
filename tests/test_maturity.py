"""Maturity: the level follows from the answers and the evidence, by the documented rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from connectors import store
from metrics import maturity as M

AS_OF = dt.date(2026, 11, 16)
TZ = "America/Toronto"
ALL_YES = {q: "yes" for q in M.QUESTION_IDS}


def _mentions(n_days: int = 90, per_day: int = 4, reply_every: int | None = 2, reply_hours: float = 3.0,
              topic: str | None = "service", end: dt.date = AS_OF - dt.timedelta(days=1)) -> pd.DataFrame:
    rows = []
    for i in range(n_days):
        d = end - dt.timedelta(days=i)
        for k in range(per_day):
            pub = pd.Timestamp(dt.datetime(d.year, d.month, d.day, 15, k), tz="UTC")
            answered = reply_every is not None and (i * per_day + k) % reply_every == 0
            rows.append({
                "mention_id": f"m{i}-{k}", "published_at": pub, "brand": "Acme",
                "sentiment_label": "negative" if k % 2 == 0 else "positive", "topic": topic,
                "replied_at": pub + pd.Timedelta(hours=reply_hours) if answered else pd.NaT,
            })
    df = pd.DataFrame(rows)
    df["replied_at"] = pd.to_datetime(df["replied_at"], utc=True)
    return df


def _posts(n: int = 40, question_every: int | None = 4, comments: int = 10) -> pd.DataFrame:
    end = AS_OF - dt.timedelta(days=1)
    rows = []
    for i in range(n):
        d = end - dt.timedelta(days=(i * 180) // n)
        rows.append({"post_id": f"p{i}", "platform": "instagram", "account": "acme",
                     "published_at": pd.Timestamp(dt.datetime(d.year, d.month, d.day, 17), tz="UTC"),
                     "text": "What is your favourite trail?" if question_every and i % question_every == 0 else "New trail open.",
                     "comments": comments})
    return pd.DataFrame(rows)


JOURNAL = [{"id": "j-1-faq", "date": "2026-10-01", "metric": "pos_neg_ratio", "review_date": "2026-11-12"}]


def _evidence(mentions=None, posts=None, journal=JOURNAL):
    return M.evidence(_mentions() if mentions is None else mentions, _posts() if posts is None else posts, journal, AS_OF,
                      TZ, "Acme", ("Rival",))


def test_evidence_states_from_data():
    ev = _evidence()
    assert {lv: e.state for lv, e in ev.items()} == {2: "supports", 3: "supports", 4: "supports", 5: "supports"}
    assert ev[3].figures["negative_reply_share"] == pytest.approx(1.0)  # every even mention answered = every negative
    assert ev[3].figures["median_hours"] == pytest.approx(3.0)
    assert ev[4].figures["question_share"] == pytest.approx(0.25, abs=0.05)
    # listening stopped a month ago; nobody answers; no question asked; nothing tagged, no journal
    old = _mentions(end=AS_OF - dt.timedelta(days=120), reply_every=None, topic=None)
    ev2 = M.evidence(old, _posts(question_every=None), [], AS_OF, TZ, "Acme")
    assert ev2[2].state == "contradicts"
    assert ev2[3].state == "unknown"  # no reply ever recorded: the export does not say
    assert ev2[4].state == "contradicts"
    assert ev2[5].state == "unknown"  # nothing in the window to judge
    silent = _mentions(reply_every=1000, topic=None)
    ev3 = M.evidence(silent, _posts(), [], AS_OF, TZ, "Acme")
    assert ev3[3].state == "contradicts" and ev3[5].state == "contradicts"


def test_competitor_mentions_are_not_evidence_of_listening_to_oneself():
    m = _mentions()
    m["brand"] = "Rival"
    assert M.listening_evidence(m, AS_OF, TZ, "Acme", ("Rival",)).state == "contradicts"


def test_level_is_highest_consecutive_level_met_by_answers_and_not_contradicted():
    ev = _evidence()
    assert M.assess(ALL_YES, ev).level == 5
    assert M.assess({}, ev).level == 1
    # a level-5 practice does not count while a level-3 item is missing
    ans = dict(ALL_YES, response_practice="partly")
    res = M.assess(ans, ev)
    assert res.level == 2 and res.next_level == 3 and res.missing_for_next == ["response_practice"]
    assert res.checks[3].disagreement == "does_more"  # the data shows replies the answers do not claim
    assert res.checks[5].reached and not res.checks[3].reached


def test_evidence_contradicting_answers_blocks_the_level_and_is_reported():
    no_replies = _mentions(reply_every=1000)
    ev = _evidence(mentions=no_replies)
    assert ev[3].state == "contradicts"
    res = M.assess(ALL_YES, ev)
    assert res.level == 2
    assert res.missing_for_next == ["evidence"]
    assert res.checks[3].disagreement == "claims_more"
    assert [c.level for c in res.disagreements] == [3]
    # weak or unknown evidence never blocks
    ev_unknown = _evidence(posts=_posts(n=3))
    assert ev_unknown[4].state == "unknown" and M.assess(ALL_YES, ev_unknown).level == 5


def test_demo_answers_and_evidence_give_level_3_missing_the_community_manager(demo_root):
    doc = store.load_config(demo_root, "demo", "maturity")
    ws = store.load_config(demo_root, "demo", "workspace")
    latest = M.latest_assessment(doc)
    men = store.read_table(demo_root, "demo", "mentions")
    posts = store.read_table(demo_root, "demo", "posts")
    journal = store.load_config(demo_root, "demo", "journal")
    as_of = dt.date.fromisoformat(latest["date"])
    ev = M.evidence(men, posts, journal, as_of, ws["timezone"], ws["own_brand"], ws["competitors"])
    assert ev[2].state == "supports" and ev[3].state in ("supports", "weak")
    res = M.assess(latest["answers"], ev)
    assert res.level == 3
    assert res.missing_for_next == ["community_owner"]
    assert res.checks[5].missing == ["service_integration", "innovation_integration", "staff_training"]
    hist = M.history(doc, lambda d: M.evidence(men, posts, journal, d, ws["timezone"], ws["own_brand"], ws["competitors"]))
    assert hist["level"].tolist() == [3]


def test_assessments_saved_per_date_and_history():
    doc = {"assessments": [], "peers": [], "phases": {}}
    doc = M.upsert_assessment(doc, "2026-01-10", {"accounts_inventory": "yes", "monitoring_scope": "yes",
                                                  "monitoring_owner": "yes", "bogus": "yes"})
    doc = M.upsert_assessment(doc, "2025-06-01", {})
    doc = M.upsert_assessment(doc, "2026-01-10", dict(ALL_YES, staff_training="maybe"))
    assert [a["date"] for a in doc["assessments"]] == ["2025-06-01", "2026-01-10"]
    assert "bogus" not in doc["assessments"][1]["answers"]
    assert doc["assessments"][1]["answers"]["staff_training"] == "unknown"
    hist = M.history(doc, None)
    assert hist["level"].tolist() == [1, 4]
    assert M.latest_assessment(doc)["date"] == "2026-01-10"


def test_phases_and_peers():
    assert M.phase_progress({}) == 0
    assert M.phase_progress({p: "done" for p in M.PHASES}) == 1
    assert M.phase_progress({"listen": "done", "profiles": "in_progress"}) == pytest.approx(1.5 / 6)
    peers = M.peers_frame([{"name": "A", "kind": "partner", "level": 7}, {"name": "", "level": 2},
                           {"name": "B", "kind": "??", "level": "3"}, {"name": "C", "level": None}])
    assert peers[["name", "kind", "level"]].values.tolist() == [["A", "partner", 5], ["B", "competitor", 3]]


def test_every_question_has_a_level_and_a_phase():
    assert len(M.QUESTION_IDS) == len(set(M.QUESTION_IDS))
    for lv in (2, 3, 4, 5):
        assert M.questions_for(lv)
    assert {q.phase for q in M.QUESTIONS} <= set(M.PHASES)
    assert np.all([q.level in (2, 3, 4, 5) for q in M.QUESTIONS])


def test_maturity_page_saves_an_assessment_and_the_level_follows(demo_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    import app

    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/maturity.py").run()
    assert not at.exception
    assert any("Level 3 of 5" in s.value for s in at.subheader)
    at.radio(key="maturity.q.community_owner").set_value("yes")
    at.button(key="FormSubmitter:maturity.form-Save the assessment").click().run()
    assert not at.exception
    doc = store.load_config(demo_copy, "demo", "maturity")
    assert len(doc["assessments"]) == 2 and doc["assessments"][-1]["answers"]["community_owner"] == "yes"
    assert any("Level 4 of 5" in s.value for s in at.subheader)
