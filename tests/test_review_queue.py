"""The review queue of the Listening page (issue 19): least-certain mention first, one click stores
a manual label, learning and reset from the page, in English and French."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import scoring, store
from ui.i18n import t

WS = "review"
TEXTS = [
    "Service impeccable, équipe adorable, je recommande vivement",  # confident positive
    "Le magasin ouvre à 9 heures",  # no evidence at all: the least certain
    "Terrible experience, the staff was rude and the room was dirty",  # confident negative
]


@pytest.fixture
def review_store(tmp_path, monkeypatch):
    root = tmp_path / "store"
    m = pd.DataFrame({
        "mention_id": ["m0", "m1", "m2"],
        "published_at": [pd.Timestamp("2026-02-10T12:00:00Z") + pd.Timedelta(minutes=i) for i in range(3)],
        "text": TEXTS, "source": "x", "brand": "Acme",
    })
    m = scoring.score_frame(root, WS, "mentions", m)
    store.write_frames(root, WS, [("mentions", m)], now=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    store.save_config(root, WS, "workspace", {"display_name": "Review", "timezone": "UTC", "own_brand": "Acme"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    return root


def run(lang: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    for k, v in {"workspace": WS, "start": "2026-02-09", "end": "2026-02-15", "lang": lang}.items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/listening.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stored(root) -> pd.DataFrame:
    return store.read_table(root, WS, "mentions").set_index("mention_id")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_clicking_a_label_stores_it_as_manual(review_store, lang):
    at = run(lang)
    assert [x.value for x in at.text][:1] == [TEXTS[1]]  # the least certain mention is shown first
    assert any(m.label == t("listening.review.labelled", lang=lang) and m.value == "0" for m in at.metric)
    at.button(key="listening.review.negative").click().run()
    assert not at.exception, [e.value for e in at.exception]
    row = stored(review_store).loc["m1"]
    assert (row["sentiment_label"], row["sentiment_origin"], row["sentiment_score"]) == ("negative", "manual", -1.0)
    # the labelled mention left the queue, the counter moved
    assert TEXTS[1] not in [x.value for x in at.text]
    assert any(m.label == t("listening.review.labelled", lang=lang) and m.value == "1" for m in at.metric)


def test_skip_then_train_and_reset_from_the_page(review_store):
    at = run("en")
    at.button(key="listening.review.skip").click().run()
    assert [x.value for x in at.text][:1] != [TEXTS[1]]
    assert at.button(key="listening.review.train").disabled  # fewer than 2 labels
    assert scoring.relabel(review_store, WS, {"m0": "positive", "m2": "negative"}) == 2
    at = run("en")
    at.button(key="listening.review.train").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert scoring.layer_doc(review_store, WS)["version"] == 1
    assert not at.button(key="listening.review.reset").disabled
    at.button(key="listening.review.reset").click().run()
    assert scoring.load_layer(review_store, WS) is None
    assert scoring.layer_doc(review_store, WS)["version"] == 2


def test_hostile_source_and_text_stay_inert(tmp_path, monkeypatch):
    root = tmp_path / "store"
    hostile = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold**"
    m = pd.DataFrame({"mention_id": ["z"], "published_at": [pd.Timestamp("2026-02-10T12:00:00Z")],
                      "text": [hostile], "source": ["[evil](https://evil.example)"], "brand": "Acme"})
    store.write_frames(root, WS, [("mentions", m)], now=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    store.save_config(root, WS, "workspace", {"display_name": "Review", "timezone": "UTC", "own_brand": "Acme"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    at = run("en")
    assert hostile in [x.value for x in at.text]  # st.text: shown as typed, never interpreted
    captions = [c.value for c in at.caption]
    assert not any("[evil](https://evil.example)" in c for c in captions)
    assert any(r"\[evil\]" in c for c in captions)


def test_queue_scores_each_text_once_and_every_repost_alike(tmp_path):
    """review_queue scores each distinct text once: a repeated text gets, in each of its rows, the
    uncertainty and suggestion of the text alone; manual labels and empty texts stay out."""
    root = tmp_path / "store"
    texts = [TEXTS[1], TEXTS[0], TEXTS[1], TEXTS[2], TEXTS[1], TEXTS[0], "  ", None]
    m = pd.DataFrame({"mention_id": [f"m{i}" for i in range(len(texts))], "text": texts,
                      "sentiment_origin": [None, "export", "model", None, "Manual", None, None, None]})
    q = scoring.review_queue(root, WS, m, limit=20)
    alone = scoring.review_queue(root, WS, pd.DataFrame({"mention_id": ["a", "b", "c"], "text": TEXTS}), limit=20).set_index("text")
    assert set(q["mention_id"]) == {"m0", "m1", "m2", "m3", "m5"}
    # least certain first, ties (the reposts) by mention_id
    assert q["mention_id"].tolist() == sorted(q["mention_id"], key=lambda i: (-alone.loc[texts[int(i[1:])], "uncertainty"], i))
    for r in q.itertuples(index=False):
        assert (r.uncertainty, r.suggested) == (alone.loc[r.text, "uncertainty"], alone.loc[r.text, "suggested"])
