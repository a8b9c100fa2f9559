"""The sidebar's theme switch (ui/theme.py): visible in both languages, three choices, and a
choice is written for every page of the app in the key Streamlit's frontend reads
(``stActiveTheme-<path>-v2``) plus a cookie the server reads back. The real switch of colours
is checked in a browser (tests/browser/test_theme_browser.py)."""

from __future__ import annotations

import json
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

import app
from tests.conftest import PROJECT
from ui import theme
from ui.i18n import t


def start(lang: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_switch_is_in_the_sidebar_in_both_languages(app_store, lang):
    at = start(lang)
    (switch,) = [w for w in at.sidebar.get("button_group") if w.key == theme.KEY]
    assert switch.label == t("theme.label", lang=lang)
    assert switch.options == [t(f"theme.{c}", lang=lang) for c in theme.CHOICES]
    assert switch.value == "system"  # no cookie yet: follow the operating system
    assert not [h for h in at.get("html") if "stActiveTheme" in h.proto.body]


@pytest.mark.parametrize("choice,stored", [("dark", "Dark"), ("light", "Light"), ("system", "System")])
def test_a_choice_is_stored_for_every_page_and_the_page_reloads(app_store, choice, stored):
    at = start("en")
    switch = next(w for w in at.sidebar.get("button_group") if w.key == theme.KEY)
    if choice == "system":  # a change is needed: go dark first, then back to system
        switch.set_value("dark").run()
        switch = next(w for w in at.sidebar.get("button_group") if w.key == theme.KEY)
    switch.set_value(choice).run()
    assert not at.exception
    scripts = [h.proto.body for h in at.get("html") if "stActiveTheme" in h.proto.body]
    assert len(scripts) == 1
    js = scripts[0]
    assert f"setItem('stActiveTheme-' + x + '-v2', {json.dumps(json.dumps(stored))})" in js
    assert f"boussole_theme={choice};" in js and "window.location.reload()" in js
    for page in ("overview", "import_data", "settings"):
        assert f'"{page}"' in js
    # the next run does not reload again
    at.run()
    assert not [h for h in at.get("html") if "stActiveTheme" in h.proto.body]


def test_script_rejects_an_unknown_choice():
    with pytest.raises(ValueError):
        theme.script("sepia", ["overview"])


def test_config_defines_both_themes_and_hides_the_menu():
    cfg = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["client"]["toolbarMode"] == "minimal"
    light, dark = cfg["theme"]["light"], cfg["theme"]["dark"]
    assert light["backgroundColor"].upper() == "#FFFFFF" and dark["backgroundColor"].upper() == "#0E1117"
