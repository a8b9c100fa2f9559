"""The Listening page's lexicon probe ("try a sentence"): its result is written in the UI's
language whatever the language of the sentence tried (the detected language used to be passed to
the translation function as the UI language: an English session trying a French sentence got the
French text, and an undetermined one the raw "{label} (score {score}, language: {lang})")."""

from __future__ import annotations

import pytest

from metrics.sentiment_model import score_text
from tests.test_listening_page import hostile_store, markdown_bodies, run  # noqa: F401  (fixture)
from ui.i18n import t


@pytest.mark.parametrize(("ui_lang", "sentence"), [("en", "Ce parc est vraiment magnifique"), ("fr", "The service was awful"),
                                                   ("en", "12345")])
def test_probe_result_is_in_the_ui_language(hostile_store, ui_lang, sentence):  # noqa: F811
    at = run(lang=ui_lang)
    at.text_input(key="listening.lex.try").input(sentence).run()
    assert not at.exception, [e.value for e in at.exception]
    text_lang, score, label = score_text(sentence)
    bodies = markdown_bodies(at)
    word = t("listening.lex.result", lang=ui_lang, label="§", score="§", text_lang="§").split("§")[1]  # " (score " / " (note "
    shown = [b for b in bodies if word in b and b.startswith("**")]
    assert len(shown) == 1, bodies
    assert "{" not in shown[0]
    assert shown[0].startswith(f"**{t(f'listening.sentiment.{label}', lang=ui_lang)}**")
    assert shown[0].endswith(f"{text_lang})")
