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


def test_undo_of_a_traffic_import_remakes_the_pages_prepared_rows(tmp_path, monkeypatch):
    from connectors import loader
    from metrics import traffic as tr

    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)

    def traffic(days: int) -> pd.DataFrame:
        return pd.DataFrame({"date": [f"2026-11-{d:02d}" for d in range(1, days + 1)], "grain": "day", "property": "site",
                             "source": "facebook", "medium": "social", "sessions": range(1, days + 1)})

    write_frames(tmp_path, "acme", [("traffic", traffic(5))], file_name="first.csv", now=now)
    write_frames(tmp_path, "acme", [("traffic", traffic(9))], file_name="second.csv", now=now)
    loader.prepared_traffic(tmp_path, "acme")  # the pages' prepared rows of the 9 days
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params.update({"workspace": "acme", "lang": "en"})
    at.run()
    at.switch_page("pages/data.py").run()
    at.checkbox(key="data.undo.sure").check().run()
    at.button(key="data.undo").click().run()
    assert not at.exception, [e.value for e in at.exception]
    got, read_back = loader.prepared_traffic(tmp_path, "acme")
    assert read_back, "the undo remade the prepared rows of the restored version"
    assert len(got) == 5 and tr.sessions(got, "2026-11-01", "2026-11-30") == 15.0
