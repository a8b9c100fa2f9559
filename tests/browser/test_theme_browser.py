"""The theme switch in a real browser: the background really changes, the choice survives a
new page load in the same browser, and "system" follows the browser's colour scheme."""

from __future__ import annotations

import pytest

from tests.browser.test_app_browser import browser, open_page, server, wait_for_app  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser
LIGHT_BG, DARK_BG = "rgb(255, 255, 255)", "rgb(14, 17, 23)"  # .streamlit/config.toml


def background(page) -> str:
    return page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor")


def choose(page, label: str) -> None:
    with page.expect_navigation(timeout=60_000):
        page.locator('[data-testid="stSidebar"] button', has_text=label).first.click()
    wait_for_app(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_theme_switch_changes_and_persists(server, browser, scheme):  # noqa: F811
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1440, "height": 900}, locale="fr-CA")
    try:
        page = open_page(ctx, server["base"], "overview", lang="fr")
        assert background(page) == (LIGHT_BG if scheme == "light" else DARK_BG)  # system: follows the browser
        other = "Sombre" if scheme == "light" else "Clair"
        choose(page, other)
        want = DARK_BG if scheme == "light" else LIGHT_BG
        assert background(page) == want
        assert any(c["name"] == "boussole_theme" for c in ctx.cookies())
        # another page, opened fresh in the same browser, keeps the choice
        again = open_page(ctx, server["base"], "import_data", lang="fr")
        assert background(again) == want
        choose(again, "Système")
        assert background(again) == (LIGHT_BG if scheme == "light" else DARK_BG)
    finally:
        ctx.close()
