"""Client settings: brand spellings fold to one key, the brand book attributes mentions, the
Settings form validates and saves, and the round trip on screen (brand aliases and
competitors entered in the form -> share of voice appears, Bluesky, Mastodon and
listening-tool spellings of the brand all count as the client's, the rest is unattributed)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import loader
from connectors.store import load_config, save_config, write_frames
from metrics.brands import UNATTRIBUTED, alias_key, attribute, brand_book
from ui import fmt

WS = "acme"
MONDAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Haute-Rivière", "hauteriviere"),
        ("@HauteRiviere", "hauteriviere"),
        ("hauteriviere.bsky.social", "hauteriviere"),
        ("@hauteriviere@mastodon.social", "hauteriviere"),
        ("https://www.haute-riviere.ca/fr/", "hauteriviere"),
        ("  HAUTE RIVIÈRE ", "hauteriviere"),
        ("Val-des-Cèdres", "valdescedres"),
        ("", None),
        (None, None),
    ],
)
def test_alias_key_folds_case_accents_at_and_domains(spelling, key):
    assert alias_key(spelling) == key


def test_brand_book_attributes_every_spelling_once():
    book = brand_book({
        "own_brand": "Acme", "own_aliases": ["ACME (marque)"], "own_handles": {"bluesky": ["acmeco.bsky.social"]},
        "competitors": [{"name": "Rival", "aliases": ["RivalCorp"]}, "Other"], "partners": ["Friend"],
    })
    raw = pd.Series(["acme", "@acmeco@mastodon.social", "acmeco.bsky.social", "ACME (marque)", None, "rivalcorp", "Zeta",
                     "friend.org", "Acme"])
    got = attribute(raw, book).tolist()
    # acmeco on Mastodon is the same handle as on Bluesky; None = the own brand (own listening exports)
    assert got == ["Acme", "Acme", "Acme", "Acme", "Acme", "Rival", UNATTRIBUTED, "Friend", "Acme"]
    # no book: values are kept as they are
    assert attribute(pd.Series(["x", "Y"]), brand_book({})).tolist() == ["x", "Y"]


def test_brand_lines_round_trip():
    line = "Val-des-Cèdres, VDC, bluesky: valdescedres.bsky.social, x: @VDC"
    e = loader.parse_brand_line(line)
    assert e == {"name": "Val-des-Cèdres", "aliases": ["VDC"], "handles": {"bluesky": ["valdescedres.bsky.social"], "x": ["@VDC"]}}
    assert loader.parse_brand_line(loader.format_brand_line(e)) == e
    assert loader.parse_brand_line("   ") is None


def test_validate_settings_names_each_problem():
    clean, errors = loader.validate_settings({
        "timezone": "Mars/Olympus", "currency": "euro", "week_start": 3, "value_per_lead": -5,
        "own_brand": "", "own_aliases": ["x"], "competitors": [{"name": "Rival", "aliases": ["Acme"]}, {"name": "Acme"}],
    })
    assert sorted(errors) == sorted([("timezone", "tz"), ("currency", "currency"), ("week_start", "week_start"),
                                     ("value_per_lead", "value"), ("own_brand", "own_brand"), ("competitors", "duplicate")])
    clean, errors = loader.validate_settings({"timezone": "Europe/Zurich", "currency": "chf", "week_start": 6,
                                              "value_per_lead": "35", "own_brand": " Acme "})
    assert errors == [] and clean["currency"] == "CHF" and clean["value_per_lead"] == 35.0 and clean["own_brand"] == "Acme"


@pytest.fixture
def acme_store(tmp_path, monkeypatch):
    """Mentions of one week in four spellings of the brand, a competitor's and an unknown one."""
    ts = [f"2026-11-{d:02d}T15:00Z" for d in (23, 24, 25, 26, 27, 28, 28, 29)]
    mentions = pd.DataFrame({
        "mention_id": [f"m{i}" for i in range(8)],
        "published_at": ts,
        "source": ["bluesky", "mastodon", "Talkwalker", "x", "x", "bluesky", "x", "forum"],
        "brand": ["acme.bsky.social", "@acme@mastodon.social", "ACME (marque)", "Acme", "Rival", "rival.bsky.social",
                  "Zeta", "Acme"],
        "sentiment_label": ["positive", "positive", "negative", "neutral", "positive", "negative", "positive", "positive"],
        "text": ["a"] * 8,
    })
    write_frames(tmp_path, WS, [("mentions", mentions)], now=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    save_config(tmp_path, WS, "workspace", {"timezone": "UTC"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path))
    return tmp_path


def _open(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params.update({"workspace": WS, "lang": lang, "start": MONDAY.isoformat(),
                            "end": (MONDAY + dt.timedelta(days=6)).isoformat()})
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_settings_round_trip_turns_on_share_of_voice_and_counts_every_spelling(acme_store):
    end = MONDAY + dt.timedelta(days=6)
    before = loader.load_summary(acme_store, WS, MONDAY, end)
    assert before["presence"]["share_of_voice"] is None  # no competitor yet

    at = _open("pages/settings.py")
    at.text_input(key="client.display").set_value("Acme Tourisme")
    at.text_input(key="client.own").set_value("Acme")
    at.text_input(key="client.own_more").set_value("ACME (marque), bluesky: acme.bsky.social")
    at.text_area(key="client.competitors").set_value("Rival, rival.bsky.social")
    at.selectbox(key="client.currency").set_value("EUR")
    at.color_picker(key="client.colour").set_value("#AA3300")
    at.button[[b.label for b in at.button].index("Save client settings")].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]

    doc = load_config(acme_store, WS, "workspace", {})
    assert doc["own_brand"] == "Acme" and doc["display_name"] == "Acme Tourisme" and doc["currency"] == "EUR"
    assert doc["brand_color"].upper() == "#AA3300"  # the report's colour
    assert doc["competitors"] == [{"name": "Rival", "aliases": ["rival.bsky.social"], "handles": {}}]

    s = loader.load_summary(acme_store, WS, MONDAY, end)
    # own: Bluesky handle, Mastodon address (same handle), the listening tool's query name, "Acme" x2
    assert s["presence"]["mentions"] == 5
    assert s["sentiment"]["positive"] == 3 and s["sentiment"]["negative"] == 1
    assert s["presence"]["share_of_voice"] == pytest.approx(5 / 7)  # Rival: 2; Zeta counts for nobody

    # the pages show the same figures, and name the unattributed mention
    lis = _open("pages/listening.py")
    captions = " ".join(c.value for c in lis.caption)
    assert "Zeta" in captions
    shown = {m.label: m.value for m in lis.metric}
    assert fmt.integer(5, "en") in shown.values()
    ov = _open("pages/overview.py")
    assert any("Acme Tourisme" in c.value for c in ov.caption)


def test_settings_form_reports_errors_and_saves_nothing(acme_store):
    at = _open("pages/settings.py", lang="fr")
    at.text_input(key="client.own_more").set_value("ACME")  # spellings without a brand name
    at.button[[b.label for b in at.button].index("Enregistrer les paramètres du client")].click().run()
    assert at.error and "Nom de la marque" in at.error[0].value
    assert load_config(acme_store, WS, "workspace", {}) == {"timezone": "UTC"}
