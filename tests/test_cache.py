"""Caches are keyed on store versions and never cleared by a rerun: on a fresh install (the
app generates the demo itself, so ``ensure_demo`` returned True in this process) a second
run of a page reads nothing again; an import (a new store version) is seen at once."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from streamlit.testing.v1 import AppTest

import app
from connectors import loader
from connectors.store import write_frames
from ui import data, results


def test_reruns_reuse_the_cache_and_an_import_refreshes_it(tmp_path, monkeypatch):
    root = tmp_path / "fresh"
    root.mkdir()
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    calls: list[tuple] = []
    real = loader.load_tables

    def counting(*args, **kwargs):
        calls.append(args[:2])
        return real(*args, **kwargs)

    monkeypatch.setattr(results, "load_tables", counting)
    summaries: list[int] = []
    real_summary = results.compute_summary

    def counting_summary(*args, **kwargs):
        summaries.append(1)
        return real_summary(*args, **kwargs)

    monkeypatch.setattr(results, "compute_summary", counting_summary)
    results._summary.clear()
    app.ensure_demo.clear()
    results._tables.clear()
    data.invalidate()

    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=300)
    at.run()  # fresh store: the app generates the demo (ensure_demo returns True in this process)
    assert not at.exception, [e.value for e in at.exception]
    assert (root / "demo").is_dir()
    first, n_summary = len(calls), len(summaries)
    assert first >= 1 and n_summary >= 1, "the Overview read its tables and computed its summary"
    at.run()
    at.run()
    assert len(calls) == first and len(summaries) == n_summary, "a rerun must not clear the caches"

    # an import changes the store version: the next run reads again
    ctx = at.session_state["bsl.ctx"]
    day = ctx.start + dt.timedelta(days=2)
    m = pd.DataFrame({"mention_id": ["new-1"], "published_at": [f"{day.isoformat()}T15:00Z"], "brand": [None],
                      "source": ["x"], "sentiment_label": ["positive"]})
    write_frames(root, "demo", [("mentions", m)], now=dt.datetime.now(dt.timezone.utc))
    at.run()
    assert len(calls) == first + 1
