"""Mentions reach the metrics counted per local day (:func:`connectors.loader.read_mention_days`):
hand-computed counts around local midnight and a DST change, brand attribution kept, and the
summary of the counted frame equal to counting the rows one by one."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from connectors import loader
from connectors.store import save_config, write_frames
from metrics import MENTION_COUNT, sentiment
from metrics.listening import daily_volume

TZ = "America/Toronto"


def _store(tmp_path):
    root = tmp_path / "store"
    save_config(root, "w", "workspace", {"timezone": TZ, "own_brand": "Acme", "own_aliases": ["ACME inc"],
                                          "competitors": [{"name": "Rival"}]})
    rows = [
        # 2025-03-08 local (EST, UTC-5): 23:30 local is 04:30Z on the 9th
        ("m1", "2025-03-09T04:30:00Z", "x", "Acme", "positive", "price"),
        ("m2", "2025-03-09T04:59:00Z", "x", "ACME inc", "positive", "price"),
        # 2025-03-09 local: DST starts at 02:00 (UTC-4 afterwards); 00:10 local = 05:10Z
        ("m3", "2025-03-09T05:10:00Z", "x", "Acme", "negative", None),
        ("m4", "2025-03-10T03:50:00Z", "facebook", "Rival", None, None),  # 23:50 EDT on the 9th
        ("m5", "2025-03-10T04:00:00Z", "x", "Acme", "neutral", "price"),  # 00:00 EDT on the 10th
        ("m6", "2025-03-10T12:00:00Z", "x", "Acme", "neutral", "price"),
    ]
    m = pd.DataFrame(rows, columns=["mention_id", "published_at", "source", "brand", "sentiment_label", "topic"])
    write_frames(root, "w", [("mentions", m)], now=dt.datetime(2025, 4, 1, tzinfo=dt.timezone.utc))
    return root


def test_mentions_counted_per_local_day_with_their_spelling(tmp_path):
    root = _store(tmp_path)
    d = loader.read_mention_days(root, "w", dt.date(2025, 3, 8), dt.date(2025, 3, 10))
    local = d["published_at"].dt.tz_convert(TZ)
    assert (local.dt.hour == 12).all(), "each counted row sits at its local day's noon"
    got = {(str(t.date()), s, b, r, lab if isinstance(lab, str) else None, top if isinstance(top, str) else None): n
           for t, s, b, r, lab, top, n in zip(local, d["source"], d["brand"], d["brand_raw"], d["sentiment_label"], d["topic"],
                                             d[MENTION_COUNT], strict=True)}
    assert got == {
        ("2025-03-08", "x", "Acme", "Acme", "positive", "price"): 1,
        ("2025-03-08", "x", "Acme", "ACME inc", "positive", "price"): 1,
        ("2025-03-09", "x", "Acme", "Acme", "negative", None): 1,
        ("2025-03-09", "facebook", "Rival", "Rival", None, None): 1,
        ("2025-03-10", "x", "Acme", "Acme", "neutral", "price"): 2,
    }
    assert loader.read_mention_days(root, "w", dt.date(2024, 1, 1), dt.date(2024, 1, 31)).columns.tolist() == d.columns.tolist()


def test_counted_frame_gives_the_numbers_of_one_row_per_mention(tmp_path):
    root = _store(tmp_path)
    cfg = loader.settings(root, "w")
    rows = loader.read(root, "w", "mentions", loader.MENTION_COLS, dt.date(2025, 3, 1), dt.date(2025, 3, 31), cfg=cfg)
    days = loader.read_mention_days(root, "w", dt.date(2025, 3, 1), dt.date(2025, 3, 31), cfg)
    assert len(days) < len(rows)
    for start, end in ((dt.date(2025, 3, 8), dt.date(2025, 3, 8)), (dt.date(2025, 3, 9), dt.date(2025, 3, 10)),
                       (dt.date(2025, 3, 1), dt.date(2025, 3, 31))):
        for by in ("brand", "platform", "topic"):
            a = sentiment.sentiment_by(rows, None, start, end, by, TZ, "Acme", ["Rival"])
            b = sentiment.sentiment_by(days, None, start, end, by, TZ, "Acme", ["Rival"])
            pd.testing.assert_frame_equal(a, b)
    own = sentiment.sentiment_totals(days, None, dt.date(2025, 3, 8), dt.date(2025, 3, 10), TZ, "Acme", ["Rival"])
    # own brand: m1, m2 (alias), m3, m5, m6; labelled: 2 positive, 1 negative, 2 neutral
    assert (own["mentions"], own["positive"], own["negative"], own["neutral"]) == (5.0, 2.0, 1.0, 2.0)
    v_rows = daily_volume(rows, TZ, own_brand="Acme", start=dt.date(2025, 3, 7), end=dt.date(2025, 3, 11))
    v_days = daily_volume(days, TZ, own_brand="Acme", start=dt.date(2025, 3, 7), end=dt.date(2025, 3, 11))
    pd.testing.assert_frame_equal(v_rows, v_days)
    assert v_days["mentions"].tolist() == [0.0, 2.0, 2.0, 2.0, 0.0]  # every brand (no brand asked)


def test_data_span_from_parquet_statistics_is_the_span_of_the_rows(tmp_path, monkeypatch):
    root = _store(tmp_path)
    span = loader.data_span(root, "w")
    # local days of the first (04:30Z on the 9th = the 8th in Toronto) and last mention
    assert span["mentions"] == (dt.date(2025, 3, 8), dt.date(2025, 3, 10))
    monkeypatch.setattr(loader, "_stats_bounds", lambda *a, **k: None)  # the column read instead
    assert loader.data_span(root, "w") == span
