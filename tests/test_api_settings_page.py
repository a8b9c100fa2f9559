"""Settings page: sources configured per workspace, secrets only reported (never shown),
test connection and pull now, last status in plain words (EN/FR)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import runner, store
from connectors.api import SOURCES
from connectors.api.base import config_fields
from tests.fixtures_api import helpers as h
from tests.fixtures_api.scenarios import SECRETS, scenarios
from ui import i18n

rsps, no_network = h.rsps, h.no_network  # fixtures
SC = scenarios()
WS = "demo"
PAGE = "pages/settings.py"


def open_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.query_params["workspace"] = WS
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rendered(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.success, *at.error, *at.warning, *at.code)]
    parts += [e.label for e in at.expander] + [str(e.value) for e in at.text_input] + [str(e.value) for e in at.text_area]
    return "\n".join(str(p) for p in parts)


def test_every_setting_and_error_kind_has_both_languages():
    common = {"enabled", "lookback_days", "initial_days", "env_suffix"}
    for name, mod in SOURCES.items():
        assert f"settings.src.{name}" in i18n.TABLE
        for f in config_fields(mod.Config):
            if not f.metadata.get("secret") and f.name not in common:
                assert f"settings.f.{name}.{f.name}" in i18n.TABLE, (name, f.name)
    for kind in ("config", "transient", "invalid", "internal"):
        assert f"settings.err.{kind}" in i18n.TABLE


@pytest.fixture
def page_store(demo_copy, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    for k in SECRETS:
        monkeypatch.delenv(k, raising=False)
    return demo_copy


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_secrets_reported_not_shown_and_failed_status_in_plain_words(page_store, monkeypatch, lang):
    monkeypatch.setenv("PLAUSIBLE_API_KEY", SECRETS["PLAUSIBLE_API_KEY"])
    store.save_config(page_store, WS, "sources", {"plausible": {"site_id": "boussole.example"}})
    store.save_config(page_store, WS, "pull_status", {"plausible": {
        "at": "2026-03-25T12:00:00+00:00", "ok": False, "error_kind": "transient", "last_success_at": None, "streams": [],
        "error": "Plausible: the service is unavailable (HTTP 503: busy) after 3 attempts; try again later"}})
    at = open_page(lang)
    text = rendered(at)
    assert SECRETS["PLAUSIBLE_API_KEY"] not in text
    assert "PLAUSIBLE_API_KEY" in text and "••••••••" in text
    assert i18n.t("settings.err.transient", lang=lang) in text
    assert i18n.t("settings.secret.unset", lang=lang, var="YOUTUBE_API_KEY") in text


def test_save_test_and_pull_now(page_store, rsps, monkeypatch):
    sc = SC["plausible"]
    monkeypatch.setenv("PLAUSIBLE_API_KEY", SECRETS["PLAUSIBLE_API_KEY"])
    at = open_page("en")
    at.text_input(key="set.plausible.site_id").set_value("boussole.example")
    at.button(key="FormSubmitter:set.form.plausible-" + i18n.t("settings.save", lang="en")).click().run()
    assert store.load_config(page_store, WS, "sources")["plausible"]["site_id"] == "boussole.example"
    assert "api_key" not in str(store.load_config(page_store, WS, "sources"))

    sc.add_check(rsps)
    at.button(key="set.plausible.test").click().run()
    assert i18n.t("settings.check.ok", lang="en") in [s.value for s in at.success]

    sc.add_pull(rsps)
    at.button(key="set.plausible.pull").click().run()
    assert not at.exception
    status = store.load_config(page_store, WS, runner.STATUS_DOC)["plausible"]
    assert status["ok"] is True and status["streams"][0]["rows_added"] == 4
    assert SECRETS["PLAUSIBLE_API_KEY"] not in rendered(at)
