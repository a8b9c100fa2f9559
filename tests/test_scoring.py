"""Sentiment at import, re-scoring with the workspace lexicon, manual labels that always win."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from connectors import importer, scoring, store

NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc)
WS = "acme"

PLAIN = """date,text,source,brand,topic,reach
2026-02-02T09:00:00Z,"Service impeccable, équipe adorable, je recommande vivement !",facebook,Acme,service,120
2026-02-02T10:00:00Z,"Terrible experience, the staff was rude and the room was dirty.",x,Acme,service,300
2026-02-03T11:00:00Z,"Le bolduc est arrivé ce matin.",instagram,Acme,produit,50
2026-02-03T12:00:00Z,"Great views and a lovely hike, we will come back!",x,Acme,plein air,80
"""


def write_csv(tmp_path: Path, body: str = PLAIN, name: str = "mentions.csv") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def stored(root: Path) -> pd.DataFrame:
    return store.read_table(root, WS, "mentions").set_index("text")


def test_import_without_sentiment_column_is_scored_by_the_model(tmp_path):
    root = tmp_path / "store"
    importer.import_path(root, WS, write_csv(tmp_path), now=NOW)
    m = stored(root)
    assert m["sentiment_label"].notna().all()
    assert set(m["sentiment_origin"]) == {"model"}
    assert m["sentiment_score"].between(-1, 1).all()
    assert m.loc["Terrible experience, the staff was rude and the room was dirty.", "sentiment_label"] == "negative"
    assert m.loc["Great views and a lovely hike, we will come back!", "sentiment_label"] == "positive"
    assert m.loc["Service impeccable, équipe adorable, je recommande vivement !", "lang"] == "fr"
    assert m.loc["Great views and a lovely hike, we will come back!", "lang"] == "en"


def test_export_labels_are_kept_and_not_scored(tmp_path):
    root = tmp_path / "store"
    body = "date,text,sentiment\n2026-02-02T09:00:00Z,Terrible experience and rude staff,positive\n2026-02-02T10:00:00Z,Lovely day,\n"
    importer.import_path(root, WS, write_csv(tmp_path, body), now=NOW)
    m = stored(root)
    assert m.loc["Terrible experience and rude staff", "sentiment_label"] == "positive"
    assert m.loc["Terrible experience and rude staff", "sentiment_origin"] == "export"
    # the export rated some rows: the others stay unlabelled until a re-score
    assert pd.isna(m.loc["Lovely day", "sentiment_label"])


def test_workspace_lexicon_is_used_at_import(tmp_path):
    root = tmp_path / "store"
    store.save_config(root, WS, "lexicon", {"fr": {"bolduc": -1.0}, "en": {}})
    importer.import_path(root, WS, write_csv(tmp_path), now=NOW)
    assert stored(root).loc["Le bolduc est arrivé ce matin.", "sentiment_label"] == "negative"


def test_manual_label_survives_reimport(tmp_path):
    root = tmp_path / "store"
    path = write_csv(tmp_path)
    importer.import_path(root, WS, path, now=NOW)
    m = stored(root)
    text = "Terrible experience, the staff was rude and the room was dirty."
    mid = m.loc[text, "mention_id"]
    assert m.loc[text, "sentiment_label"] == "negative"
    assert scoring.relabel(root, WS, {mid: "positive"}, now=NOW) == 1
    after = stored(root).loc[text]
    assert (after["sentiment_label"], after["sentiment_origin"], after["sentiment_score"]) == ("positive", "manual", 1.0)
    # the same export again, then a changed copy of it (another reach): the manual label stays
    importer.import_path(root, WS, path, now=NOW)
    importer.import_path(root, WS, write_csv(tmp_path, PLAIN.replace(",x,Acme,service,300", ",x,Acme,service,999"), "again.csv"), now=NOW)
    again = stored(root).loc[text]
    assert (again["sentiment_label"], again["sentiment_origin"], again["sentiment_score"]) == ("positive", "manual", 1.0)
    assert again["reach"] == 999  # the re-import did update the row
    assert len(stored(root)) == 4


def test_rescore_uses_current_lexicon_and_never_touches_manual_or_export(tmp_path):
    root = tmp_path / "store"
    importer.import_path(root, WS, write_csv(tmp_path), now=NOW)
    # an export-labelled mention and an unlabelled one besides the model-scored ones
    extra = pd.DataFrame({
        "mention_id": ["e1", "n1"], "published_at": ["2026-02-04T10:00:00Z", "2026-02-04T11:00:00Z"],
        "text": ["Le bolduc, quelle horreur", "Un bolduc de plus"], "sentiment_label": ["positive", None],
        "sentiment_origin": ["export", None], "sentiment_score": [1.0, None],
    })
    store.write_frames(root, WS, [("mentions", extra)], now=NOW)
    m = stored(root)
    manual_text = "Great views and a lovely hike, we will come back!"
    scoring.relabel(root, WS, {m.loc[manual_text, "mention_id"]: "neutral"}, now=NOW)
    scoring.save_lexicon(root, WS, {"fr": {"bolduc": -1.0, "adorable": -1.0, "impeccable": -1.0, "recommande": -1.0}, "en": {"lovely": -1.0, "great": -1.0}})
    stats = scoring.rescore_workspace(root, WS, now=NOW)
    assert stats["manual_kept"] == 1 and stats["export_kept"] == 1 and stats["candidates"] == 4
    m = stored(root)
    assert m.loc["Le bolduc est arrivé ce matin.", "sentiment_label"] == "negative"
    assert m.loc["Un bolduc de plus", ["sentiment_label", "sentiment_origin"]].tolist() == ["negative", "model"]
    assert m.loc["Le bolduc, quelle horreur", ["sentiment_label", "sentiment_origin", "sentiment_score"]].tolist() == ["positive", "export", 1.0]
    assert m.loc[manual_text, ["sentiment_label", "sentiment_origin", "sentiment_score"]].tolist() == ["neutral", "manual", 0.0]
    # nothing else changed: a second re-score writes nothing
    before = {p: p.stat().st_mtime_ns for p in (root / WS / "mentions").glob("*.parquet")}
    assert scoring.rescore_workspace(root, WS, now=NOW)["changed"] == 0
    assert before == {p: p.stat().st_mtime_ns for p in (root / WS / "mentions").glob("*.parquet")}


def test_rescore_of_demo_keeps_every_manual_and_export_label(demo_copy):
    root = demo_copy
    m = store.read_table(root, "demo", "mentions", columns=["mention_id", "sentiment_label", "sentiment_origin"])
    ids = m["mention_id"].iloc[:40].tolist()
    scoring.relabel(root, "demo", dict.fromkeys(ids, "neutral"))
    before = store.read_table(root, "demo", "mentions").set_index("mention_id")
    stats = scoring.rescore_workspace(root, "demo")
    after = store.read_table(root, "demo", "mentions").set_index("mention_id")
    assert stats["changed"] > 0 and stats["manual_kept"] == 40
    kept = before["sentiment_origin"].isin(["manual", "export"])
    cols = ["sentiment_label", "sentiment_score", "sentiment_origin"]
    pd.testing.assert_frame_equal(before.loc[kept, cols], after.loc[before.index[kept], cols])
    assert after["sentiment_label"].notna().all()  # the unlabelled fifth of the demo is now scored
    assert (after.loc[ids, "sentiment_origin"] == "manual").all()


def test_score_frames_passes_other_tables_and_never_raises(tmp_path, monkeypatch):
    aud = pd.DataFrame({"date": ["2026-01-01"], "platform": ["x"], "account": ["a"], "followers": [3]})
    men = pd.DataFrame({"mention_id": ["1"], "published_at": ["2026-01-01T00:00:00Z"], "text": ["super"]})
    out = scoring.score_frames(tmp_path, WS, [("audience", aud), ("mentions", men)])
    assert out[0][1] is aud and out[1][1]["sentiment_origin"].iloc[0] == "model"

    def boom(*a, **k):
        raise RuntimeError("scorer broken")

    monkeypatch.setattr(scoring, "score_mentions", boom)
    same = scoring.score_frames(tmp_path, WS, [("mentions", men)])
    assert same[0][1] is men


def test_lexicon_is_cleaned():
    doc = scoring.clean_lexicon({"fr": {" Super  Cool ": 3, "bof": "x", "": 1}, "en": {"meh": -0.4}, "de": {"gut": 1}})
    assert doc == {"fr": {"super cool": 1.0}, "en": {"meh": -0.4}}
    assert scoring.clean_lexicon(None) == {"fr": {}, "en": {}}


def test_a_manual_label_can_be_corrected(tmp_path):
    root = tmp_path / "store"
    importer.import_path(root, WS, write_csv(tmp_path), now=NOW)
    mid = stored(root)["mention_id"].iloc[0]
    scoring.relabel(root, WS, {mid: "positive"}, now=NOW)
    scoring.relabel(root, WS, {mid: "negative"}, now=NOW)
    row = store.read_table(root, WS, "mentions").set_index("mention_id").loc[mid]
    assert row["sentiment_label"] == "negative"



def test_api_pulls_score_their_mentions(tmp_path):
    """The pull runner runs the same hook: mentions from an API source get model labels."""
    h = pytest.importorskip("tests.fixtures_api.helpers")
    responses = pytest.importorskip("responses")
    from tests.fixtures_api.scenarios import WS as API_WS
    from tests.fixtures_api.scenarios import scenarios

    sc = scenarios()["rss"]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        sc.add_pull(rsps)
        res = h.do_pull(tmp_path, sc, h.FakeClock())
    assert res.ok, res.error
    m = store.read_table(tmp_path, API_WS, "mentions")
    assert len(m) and m["sentiment_label"].notna().all() and set(m["sentiment_origin"]) == {"model"}
