"""An import can be undone from the Data page: the store goes back to the previous version
byte for byte in content (same rows), and the undo itself can be undone."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from streamlit.testing.v1 import AppTest

import app
from connectors.store import read_table, save_config, write_frames


def _mentions(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"mention_id": ids, "published_at": ["2026-11-24T12:00Z"] * len(ids), "source": "x",
                         "brand": None, "sentiment_label": "positive"})


def test_undo_an_import_from_the_data_page(tmp_path, monkeypatch):
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    write_frames(tmp_path, "acme", [("mentions", _mentions(["a", "b"]))], file_name="first.csv", now=now)
    write_frames(tmp_path, "acme", [("mentions", _mentions(["c"]))], file_name="second.csv", now=now)
    save_config(tmp_path, "acme", "workspace", {"timezone": "UTC"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path))
    assert sorted(read_table(tmp_path, "acme", "mentions")["mention_id"]) == ["a", "b", "c"]

    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params.update({"workspace": "acme", "lang": "en"})
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("second" in m.value for m in at.markdown), "the last change is named"
    assert at.button(key="data.undo").disabled, "nothing happens without the confirmation"
    at.checkbox(key="data.undo.sure").check().run()
    at.button(key="data.undo").click().run()
    assert not at.exception
    assert sorted(read_table(tmp_path, "acme", "mentions")["mention_id"]) == ["a", "b"]
    assert any("Undone" in s.value for s in at.success)
    # the undo is a change too: undoing it brings the second import back
    at.checkbox(key="data.undo.sure").check().run()
    at.button(key="data.undo").click().run()
    assert sorted(read_table(tmp_path, "acme", "mentions")["mention_id"]) == ["a", "b", "c"]
