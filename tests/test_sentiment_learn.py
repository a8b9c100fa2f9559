"""Learning from corrections (issue 19): a workspace layer trained on manual labels."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from connectors import importer, scoring, store
from metrics import sentiment_learn as sl
from metrics.sentiment_model import analyse_texts, label_for, score_texts

NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc)
WS = "acme"

# "bouchon" (a traffic jam) is a complaint for this brand; the default scorer has no opinion on it.
JAM_LABELLED = ["Encore un bouchon sur la ligne 4 ce matin", "Bouchon monstre à la sortie du pont",
                "Gros bouchon devant le magasin Acme", "Le bouchon dure depuis une heure",
                "Un bouchon de plus aujourd'hui", "Bouchon sur la route vers Acme"]
NEUTRAL_LABELLED = ["Le magasin ouvre à 9 heures", "Acme publie son catalogue d'automne", "La réunion est prévue jeudi",
                    "Nouvelle adresse pour la boutique Acme", "Le colis part demain", "Acme change ses horaires"]
JAM_UNLABELLED = ["Toujours ce bouchon près de chez Acme", "Quel bouchon ce soir"]
OTHERS = ["Le catalogue arrive en mars", "Service impeccable, équipe adorable, je recommande"]


def csv_body(texts: list[str]) -> str:
    rows = [f'2026-02-{(i % 20) + 1:02d}T09:{i % 60:02d}:00Z,"{t}",x,Acme' for i, t in enumerate(texts)]
    return "date,text,source,brand\n" + "\n".join(rows) + "\n"


def stored(root: Path) -> pd.DataFrame:
    return store.read_table(root, WS, "mentions").set_index("text")


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "store"
    p = tmp_path / "mentions.csv"
    p.write_text(csv_body(JAM_LABELLED + NEUTRAL_LABELLED + JAM_UNLABELLED + OTHERS), encoding="utf-8")
    importer.import_path(root, WS, p, now=NOW)
    m = stored(root)
    labels = {m.loc[t, "mention_id"]: "negative" for t in JAM_LABELLED}
    labels.update({m.loc[t, "mention_id"]: "neutral" for t in NEUTRAL_LABELLED})
    assert scoring.relabel(root, WS, labels, now=NOW) == 12
    return root, p


# --------------------------------------------------------------------------- pure layer


def test_empty_fit_is_the_default_scorer():
    texts = JAM_LABELLED + NEUTRAL_LABELLED + OTHERS + ["Terrible service, je suis furieux", "I love it"]
    an = analyse_texts(texts)
    layer = sl.fit([], [])
    assert layer.weights == {} and layer.bias == (0.0, 0.0, 0.0)
    assert sl.predict(layer, an) == [label_for(s, lang) for lang, s, _d, _g in an]
    assert sl.predict(layer, an) == score_texts(texts)["sentiment_label"].tolist()


def test_fit_learns_the_corrected_word_and_round_trips():
    an = analyse_texts(JAM_LABELLED + NEUTRAL_LABELLED)
    layer = sl.fit(an, ["negative"] * 6 + ["neutral"] * 6, l2=1.0)
    w = layer.weights["w:bouchon"]
    assert w[0] > w[1] and w[0] > w[2]  # the word now pushes towards negative
    assert sl.predict(layer, analyse_texts(JAM_UNLABELLED)) == ["negative", "negative"]
    again = sl.Layer.from_doc({**layer.to_doc(), "active": True})
    probe = analyse_texts(JAM_UNLABELLED + OTHERS)
    for a in probe:
        assert again.proba(*a) == pytest.approx(layer.proba(*a), abs=1e-5)
    assert sl.Layer.from_doc({**layer.to_doc(), "active": False}) is None
    assert sl.Layer.from_doc({"format": 99}) is None


def test_fit_rejects_unknown_labels():
    with pytest.raises(ValueError, match="unknown sentiment label"):
        sl.fit(analyse_texts(["a", "b"]), ["positive", "great"])


def test_layer_label_is_most_probable_class_and_score_the_difference():
    # hand-computed: P = (0.2, 0.3, 0.5) -> positive, score 0.5 - 0.2 = 0.3; a tie goes to neutral
    assert sl.Layer.score_label_from((0.2, 0.3, 0.5)) == (0.3, "positive")
    assert sl.Layer.score_label_from((0.4, 0.4, 0.2)) == (-0.2, "neutral")


def test_macro_f1_hand_computed():
    gold = ["positive", "positive", "negative", "neutral"]
    pred = ["positive", "negative", "negative", "neutral"]
    # positive P=1 R=.5 F=2/3; negative P=.5 R=1 F=2/3; neutral F=1 -> (2/3+2/3+1)/3 = 7/9
    assert sl.macro_f1(gold, pred) == pytest.approx(7 / 9)


def test_accuracy_hand_computed():
    assert sl.accuracy(["positive", "neutral", "negative", "neutral"], ["positive", "negative", "negative", "positive"]) == 0.5
    assert sl.accuracy([], []) == 0.0


def test_fit_auto_keeps_the_default_when_a_layer_is_not_more_accurate():
    # A batch of review-queue corrections: texts without any sentiment word (default: all neutral),
    # "colis" negative in 5 of its 9 texts. The default scorer is right on the 7 neutral labels
    # (7/12); no layer does better in 3-fold CV, so nothing is learnt. (A layer that calls some
    # "colis" texts negative has a higher macro-F1 on these labels, 0.39 vs 0.25 at l2 = 1: the
    # former macro-F1 guard kept it, and such layers cost French 0.06 held-out macro-F1 on the
    # dev set with 100 least-certain-first corrections; bench/README.md.)
    days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir"]
    texts = [f"Le colis du {d}" for d in days] + ["La réunion de mars", "La réunion d'avril", "La réunion de mai"]
    labels = ["neutral"] * 12
    for i in (0, 2, 4, 5, 7):
        labels[i] = "negative"
    an = analyse_texts(texts)
    assert sl.predict(None, an) == ["neutral"] * 12
    assert sl.accuracy(labels, sl.predict(None, an)) == pytest.approx(7 / 12)
    layer = sl.fit_auto(an, labels)
    assert layer.weights == {} and math.isinf(layer.l2)
    assert sl.predict(layer, an) == ["neutral"] * 12


def test_cross_validation_never_predicts_a_text_with_a_layer_that_saw_it():
    an = analyse_texts(JAM_LABELLED + NEUTRAL_LABELLED)
    cv = sl.cross_validate(an, ["negative"] * 6 + ["neutral"] * 6, folds=3, l2=1.0)
    assert cv["n"] == 12
    # default: "Le bouchon dure depuis une heure" is negative, the other jams neutral, and two neutral
    # texts come out negative/positive -> 1 + 4 right of 12
    assert cv["default_accuracy"] == pytest.approx(5 / 12)
    assert cv["accuracy"] > cv["default_accuracy"]
    assert math.isnan(sl.cross_validate(an[:1], ["neutral"])["accuracy"])


# --------------------------------------------------------------------------- store


def test_corrections_change_similar_unlabelled_mentions_and_reset_restores(ws):
    root, _ = ws
    before = stored(root)
    assert set(before.loc[JAM_UNLABELLED, "sentiment_label"]) == {"neutral"}
    res = scoring.retrain(root, WS, now=NOW)
    assert res["version"] == 1 and res["n_labels"] == 12
    assert res["cv"]["accuracy"] > res["cv"]["default_accuracy"]
    after = stored(root)
    assert set(after.loc[JAM_UNLABELLED, "sentiment_label"]) == {"negative"}
    assert set(after.loc[JAM_UNLABELLED, "sentiment_origin"]) == {"model"}
    assert after.loc[OTHERS[1], "sentiment_label"] == "positive"
    # manual labels untouched by the re-score
    manual = after[after["sentiment_origin"] == "manual"]
    assert len(manual) == 12 and set(manual.loc[JAM_LABELLED, "sentiment_label"]) == {"negative"}
    assert set(manual["sentiment_score"]) == {-1.0, 0.0}
    assert scoring.load_layer(root, WS).version == 1

    out = scoring.reset_layer(root, WS, now=NOW)
    assert out["version"] == 2 and scoring.load_layer(root, WS) is None
    reset = stored(root)
    model = before["sentiment_origin"] == "model"
    pd.testing.assert_series_equal(reset.loc[model[model].index, "sentiment_label"], before.loc[model[model].index, "sentiment_label"])
    pd.testing.assert_series_equal(reset.loc[model[model].index, "sentiment_score"], before.loc[model[model].index, "sentiment_score"])
    assert (reset["sentiment_origin"] == "manual").sum() == 12
    hist = scoring.layer_doc(root, WS)["history"]
    assert [(h["version"], h["action"]) for h in hist] == [(1, "retrain"), (2, "reset")]


def test_manual_labels_survive_rescore_and_reimport_and_new_imports_use_the_layer(ws, tmp_path):
    root, path = ws
    scoring.retrain(root, WS, now=NOW)
    scoring.rescore_workspace(root, WS, now=NOW)
    importer.import_path(root, WS, path, now=NOW)
    m = stored(root)
    assert set(m.loc[NEUTRAL_LABELLED, "sentiment_origin"]) == {"manual"}
    assert set(m.loc[NEUTRAL_LABELLED, "sentiment_label"]) == {"neutral"}  # "Le colis part demain" stays neutral
    new = tmp_path / "new.csv"
    new.write_text(csv_body(["Un bouchon terrible ce matin encore", "Bouchon infini près de Acme"]).replace("2026-02-01", "2026-02-25").replace("2026-02-02", "2026-02-26"), encoding="utf-8")
    importer.import_path(root, WS, new, now=NOW)
    m = stored(root)
    assert m.loc["Bouchon infini près de Acme", "sentiment_label"] == "negative"
    assert m.loc["Bouchon infini près de Acme", "sentiment_origin"] == "model"


def test_review_queue_is_least_certain_first_and_skips_manual(ws):
    root, _ = ws
    m = store.read_table(root, WS, "mentions")
    q = scoring.review_queue(root, WS, m, limit=50)
    assert not q["sentiment_origin"].eq("manual").any()
    assert len(q) == 4
    assert q["uncertainty"].is_monotonic_decreasing
    # the confident positive comes last
    assert q["text"].iloc[-1] == OTHERS[1]


def test_retrain_needs_two_labels_and_leaves_the_store_alone(tmp_path):
    root = tmp_path / "store"
    p = tmp_path / "m.csv"
    p.write_text(csv_body(JAM_LABELLED[:2]), encoding="utf-8")
    importer.import_path(root, WS, p, now=NOW)
    mid = stored(root).loc[JAM_LABELLED[0], "mention_id"]
    scoring.relabel(root, WS, {mid: "negative"}, now=NOW)
    with pytest.raises(ValueError, match="at least 2"):
        scoring.retrain(root, WS, now=NOW)
    assert scoring.layer_doc(root, WS) == {}
