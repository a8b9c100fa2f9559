"""French constructions of the offline scorer (issue 19): full negation, "ne" belonging to a
"pas ..." phrase, post-posed intensifiers, elongated phrases, prices. Expected raw valences are
hand-computed from the lexicon values (VADER scale)."""

from __future__ import annotations

import pytest

from metrics import sentiment_model as sm


def raw(text: str) -> float:
    return sm._raw_score(text, "fr", {}, {})


def test_pas_du_tout_reverses_fully_while_pas_damps():
    v = sm._LEX["fr"]["content"]  # 2.2 (metrics/sentiment_lexicon_extra.FR)
    assert raw("pas content") == pytest.approx(-0.74 * v)
    assert raw("pas du tout content") == pytest.approx(-v)
    assert raw("absolument pas content") == pytest.approx(-v)


def test_ne_of_a_pas_phrase_does_not_negate_it_again():
    assert raw("ce n'est pas mal") == pytest.approx(1.6)  # phrase "pas mal" = 1.6
    assert raw("ce n'est pas terrible") == pytest.approx(-1.6)  # phrase "pas terrible" = -1.6
    assert sm.score_text("Ce n'est pas du tout cher", "fr")[2] == "positive"
    assert sm.score_text("C'est trop cher pour ce que c'est", "fr")[2] == "negative"


def test_post_posed_intensifier_boosts_the_previous_word():
    aime = sm._LEX["fr"]["aime"]  # 2.4
    assert raw("j'aime grave") == pytest.approx(aime + 0.3)
    assert raw("j'aime trop") == pytest.approx(aime + 0.3)
    # alone, "grave" keeps its own (negative) meaning
    assert raw("c'est grave") == pytest.approx(sm._LEX["fr"]["grave"])


def test_elongated_phrase_is_matched_and_emphasised():
    assert raw("trop bien") == pytest.approx(2.8)
    assert raw("trooop bien") == pytest.approx(2.8 + 0.3)
