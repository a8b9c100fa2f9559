"""The demo generator builds any span of 12 months or more, whatever month it ends in (a 12-month
span ending in December failed: its winter campaign had begun before the span), and says what
to ask for when a span is too short."""

from __future__ import annotations

import datetime as dt

import pytest

from connectors import store
from sample_data import generate as gen


@pytest.mark.parametrize("end", [dt.date(2026, 12, 6), dt.date(2027, 2, 28)])
def test_twelve_months_ending_in_winter(tmp_path, end):
    manifest = gen.generate(tmp_path, "demo", end=end, months=12)
    assert manifest
    campaigns = store.load_config(tmp_path, "demo", "campaigns")
    assert any(c["name"].startswith("Hiver") for c in campaigns)  # the one overlapping the span
    mentions = store.read_table(tmp_path, "demo", "mentions", ["published_at"])
    tz = store.load_config(tmp_path, "demo", "workspace")["timezone"]
    assert mentions["published_at"].max().tz_convert(tz).date() == end


def test_a_span_too_short_is_refused_in_words(tmp_path):
    with pytest.raises(ValueError, match="12 months or more"):
        gen.generate(tmp_path, "demo", end=dt.date(2026, 12, 6), months=6)
