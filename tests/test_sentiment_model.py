"""Offline FR/EN sentiment scorer (metrics/sentiment_model.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from metrics.sentiment_model import detect_language, label_mentions, score_text, score_texts
from tests.conftest import SHARED_FIXTURES, shared_absent

DEV = SHARED_FIXTURES / "sentiment_datasets"


def s(text: str, lang: str | None = None, overrides=None) -> float:
    return score_text(text, lang, overrides)[1]


def lab(text: str, lang: str | None = None) -> str:
    return score_text(text, lang)[2]


# --------------------------------------------------------------------------- language detection


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Merci pour votre aide, c'est très apprécié", "fr"),
        ("J'ai adoré le service", "fr"),
        ("le service est nul", "fr"),
        ("C'est tiguidou pour moi", "fr"),
        ("Thanks for the help, it was great", "en"),
        ("I love this so much", "en"),
        ("This is not what I ordered", "en"),
        ("El servicio es muy bueno pero caro", "es"),
        ("", "und"),
        ("12345 !!!", "und"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


# --------------------------------------------------------------------------- rules


def test_basic_polarity_both_languages():
    assert lab("Ce produit est génial") == "positive"
    assert lab("Ce produit est nul") == "negative"
    assert lab("I love this product") == "positive"
    assert lab("I hate this product") == "negative"
    assert lab("Le magasin ouvre à 9 heures") == "neutral"
    assert lab("The store opens at 9") == "neutral"


def test_negation_flips():
    assert s("Ce film est bon") > 0 > s("Ce film n'est pas bon")
    assert s("c'est pas bon") < 0
    assert s("je n'ai jamais été content") < 0
    assert s("aucun plaisir", "fr") < 0
    assert s("un repas sans saveur et sans plaisir", "fr") < s("un repas avec plaisir", "fr")
    assert s("This movie is good") > 0 > s("This movie is not good")
    assert s("I don't like it") < 0
    assert s("never happy with them") < 0
    # idioms are not negations
    assert s("pas mal du tout", "fr") > 0
    assert s("not bad at all", "en") > 0


def test_intensifiers_and_diminishers():
    assert s("très bon", "fr") > s("bon", "fr")
    assert s("vraiment génial", "fr") > s("génial", "fr")
    assert s("trop bien", "fr") > s("bien", "fr")
    assert s("very good", "en") > s("good", "en")
    assert s("extremely bad", "en") < s("bad", "en")
    assert 0 < s("slightly good", "en") < s("good", "en")


def test_caps_elongation_exclamation():
    assert s("this is GOOD news", "en") > s("this is good news", "en")
    assert s("soooo good", "en") > s("so good", "en") > 0
    assert s("trèèèès bon", "fr") > s("bon", "fr")
    assert s("c'est génial!!!", "fr") > s("c'est génial", "fr")


def test_emoji_and_emoticons():
    assert lab("Livraison reçue 😍") == "positive"
    assert lab("Livraison reçue 😡") == "negative"
    assert lab("delivery arrived :)") == "positive"
    assert lab("delivery arrived :(") == "negative"
    assert s("👍", "en") > 0 > s("👎", "en")


def test_hashtags_and_camel_case():
    assert lab("Notre nouvelle boutique #génial") == "positive"
    assert lab("Encore en panne #fail") == "negative"
    assert s("#TrèsDéçu de la livraison", "fr") < 0
    assert s("#BestDayEver with the team", "en") > 0


def test_contrast_second_clause_wins():
    assert s("le produit est bon mais le service est horrible", "fr") < 0
    assert s("le service est horrible mais le produit est excellent", "fr") > 0
    assert s("the food was good but the service was awful", "en") < 0


def test_quebec_and_swiss_usage():
    assert lab("Le show était vraiment malade!") == "positive"  # malade = awesome (Québec)
    assert lab("C'est malade") == "positive"
    assert lab("Mon fils est malade") != "positive"  # plain "sick"
    assert lab("C'est plate en maudit") == "negative"
    assert lab("Arrête de chialer") == "negative"
    assert lab("C'est tiguidou, merci") == "positive"
    assert lab("Je capote, c'est trop écœurant!") == "positive"
    assert s("Je suis tanné de ce service") < 0
    assert s("pas pire pantoute", "fr") > 0
    assert lab("Le concert était bonnard, ça joue") == "positive"  # Swiss
    assert lab("Franchement, c'est top!") == "positive"
    assert detect_language("septante personnes sont venues") == "fr"


def test_overrides_change_score():
    base = s("On a reçu le Zorblax", "fr")
    assert base == 0
    pos = s("On a reçu le Zorblax", "fr", {"fr": {"zorblax": 0.8}})
    neg = s("On a reçu le Zorblax", "fr", {"fr": {"Zorblax": -0.8}})
    assert neg < 0 < pos
    # user entries win over the shipped lexicon, and multi-word keys work
    assert s("service client", "fr", {"fr": {"service client": -1}}) < 0
    assert s("this is sick", "en", {"en": {"sick": 1.0}}) > 0
    # overrides for the other language do not leak
    assert s("On a reçu le Zorblax", "fr", {"en": {"zorblax": 1.0}}) == 0
    df = score_texts(["On a reçu le Zorblax"], {"fr": {"zorblax": 1.0}})
    assert df.loc[0, "sentiment_label"] == "positive"


def test_score_texts_shape_and_order():
    texts = ["J'adore ce café", "I hate waiting", "", None, "Le bureau ouvre lundi"]
    df = score_texts(texts)
    assert list(df.columns) == ["lang", "sentiment_score", "sentiment_label"]
    assert len(df) == len(texts)
    assert df["sentiment_label"].tolist()[:2] == ["positive", "negative"]
    assert df["sentiment_label"].tolist()[2:4] == ["neutral", "neutral"]
    assert df["sentiment_score"].between(-1, 1).all()
    assert set(df["sentiment_label"]) <= {"positive", "neutral", "negative"}
    assert score_texts([]).empty


def test_label_mentions_respects_existing_labels():
    df = pd.DataFrame(
        {
            "mention_id": ["a", "b", "c", "d"],
            "text": ["J'adore ce café", "I hate waiting", "Service horrible", "Super accueil"],
            "sentiment_label": [None, "positive", None, "neutral"],
            "sentiment_score": [None, 0.9, None, None],
            "sentiment_origin": [None, "export", "manual", "manual"],
            "lang": [None, None, "fr", None],
        }
    )
    out = label_mentions(df)
    # a: unlabelled -> model
    assert out.loc[0, "sentiment_label"] == "positive"
    assert out.loc[0, "sentiment_origin"] == "model"
    assert out.loc[0, "lang"] == "fr"
    # b: export label kept as is
    assert out.loc[1, "sentiment_label"] == "positive"
    assert out.loc[1, "sentiment_origin"] == "export"
    assert out.loc[1, "sentiment_score"] == 0.9
    # c: manual row without a label is still not touched by the model
    assert pd.isna(out.loc[2, "sentiment_label"])
    assert out.loc[2, "sentiment_origin"] == "manual"
    # d: manual label wins over an obvious positive text
    assert out.loc[3, "sentiment_label"] == "neutral"
    assert out.loc[3, "sentiment_origin"] == "manual"
    # input not modified
    assert pd.isna(df.loc[0, "sentiment_label"])


def test_label_mentions_missing_columns():
    out = label_mentions(pd.DataFrame({"text": ["Trop bien!", "meh"]}))
    assert out["sentiment_label"].tolist()[0] == "positive"
    assert (out["sentiment_origin"] == "model").all()


def test_induced_french_words_fill_gaps_with_lowest_precedence():
    from metrics import sentiment_model as sm
    from metrics.sentiment_lexicon_fr import LEXICON as base
    from metrics.sentiment_lexicon_fr_induced import LEXICON as induced

    # words the translated lexicon lacks now carry sentiment (valences from word vectors)
    assert "imbroglio" not in base and induced["imbroglio"] < 0
    assert "conviviaux" not in base and induced["conviviaux"] > 0
    assert lab("Quel imbroglio à la mairie", "fr") == "negative"
    assert lab("Des hôtes très conviviaux", "fr") == "positive"
    # the generated module never rates a word the shipped lexicon already rates ...
    assert not set(induced) & {k.lower() for k in base}
    # ... and a workspace lexicon still overrides an induced word
    assert s("quel imbroglio", "fr", {"fr": {"imbroglio": 0.8}}) > 0
    assert all(-4.0 <= v <= 4.0 and v != 0 for v in induced.values())
    assert sm._LEX["fr"]["imbroglio"] == induced["imbroglio"]


# --------------------------------------------------------------------------- measured accuracy

# Floors just under what the scorer achieves on the research dev sets (bench/README.md, "Sentiment":
# FR 0.639, EN 0.608 on the whole sets; held-out 0.639 / 0.585). FR meets the issue's target
# (>= 0.62 and >= baseline 0.581 + 0.05); EN meets "baseline + 0.05" but not 0.62. The test guards
# against regressions; the EN floor does not claim the EN target is met.
FLOOR = {"fr": 0.63, "en": 0.60}


@pytest.mark.skipif(not DEV.is_dir(), reason=shared_absent(DEV))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dev_set_macro_f1_floor(lang):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import sentiment_bench as bench

    texts, gold = bench.load(DEV, lang)
    pred = score_texts(texts)["sentiment_label"].tolist()
    f1 = bench.macro_f1(gold, pred)
    assert f1 >= FLOOR[lang], f"{lang} macro-F1 {f1:.3f} below floor {FLOOR[lang]}"
