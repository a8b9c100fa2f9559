"""The app in a real browser (headless Chromium): every page in EN/FR × light/dark and in
presentation mode (screenshots in tests/screenshots/), an upload through the Import page seen
on the Data page, and presentation mode showing nothing of another workspace.

Run: ``pytest -m browser tests/browser`` (needs /usr/bin/chromium; no network used).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import app
from tests.browser.serve import ARGS, CHROMIUM, running_app, skip_without_browser

pytestmark = pytest.mark.browser
# a server start (seconds) per worker, then minutes of pages per test: spread, not grouped (conftest)
SPREAD_OVER_WORKERS = True

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PAGES = [Path(p.file).stem for p in app.available_pages()]
PRESENT_PAGES = [Path(p.file).stem for p in app.available_pages(present=True)]
SECRET = "acme-secret"


@pytest.fixture(scope="module")
def server(demo_root, tmp_path_factory):
    skip_without_browser()
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(demo_root, store)
    (store / SECRET).mkdir()
    with running_app(store) as base:
        yield {"base": base, "store": store}


@pytest.fixture(scope="module")
def browser():
    skip_without_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until the script run is over (no running status widget) and the page is drawn."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && document.querySelector('[data-testid="stApp"]').dataset.testScriptState === 'notRunning'
                 && document.querySelectorAll('[data-stale="true"]').length === 0""",
        timeout=timeout,
    )
    page.wait_for_timeout(300)  # charts finish their layout


def open_page(ctx, base: str, path: str, **query: str):
    page = ctx.new_page()
    url = f"{base}/{'' if path == PAGES[0] else path}"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    page.goto(url)
    wait_for_app(page)
    return page


def shot(page, name: str) -> None:
    """Screenshot of the whole page (the app scrolls inside stMain, so grow the viewport first)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   const b = document.querySelector('[data-testid="stMainBlockContainer"]');
                   return Math.max(m ? m.scrollHeight : 0, b ? b.scrollHeight + 120 : 0, window.innerHeight); }"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height), 6000)})
    page.wait_for_timeout(250)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_renders(server, browser, lang, scheme):
    ctx = browser.new_context(
        color_scheme=scheme, viewport={"width": 1440, "height": 960}, locale="fr-CA" if lang == "fr" else "en-CA"
    )
    try:
        for path in PAGES:
            page = open_page(ctx, server["base"], path, lang=lang)
            assert page.locator('[data-testid="stException"]').count() == 0, f"{path}: exception shown"
            left = re.findall(r"\{[a-z_]+\}", page.inner_text('[data-testid="stMain"]'))
            assert not left, f"{path}: a text shows its raw placeholders {left}"
            bg = page.evaluate("getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor")
            assert (bg == "rgb(255, 255, 255)") == (scheme == "light"), f"theme does not follow the system ({scheme}: {bg})"
            shot(page, f"{path}-{lang}-{scheme}")
            page.close()
    finally:
        ctx.close()


def test_presentation_mode(server, browser):
    ctx = browser.new_context(color_scheme="light", viewport={"width": 1440, "height": 900})
    try:
        for lang in ("en", "fr"):
            for path in PRESENT_PAGES:
                page = open_page(ctx, server["base"], path, lang=lang, present="1", workspace="demo")
                assert page.locator('[data-testid="stException"]').count() == 0
                assert not page.locator('[data-testid="stSidebar"]').is_visible()
                assert SECRET not in page.content(), f"{path}: another workspace's name is in the page"
                assert SECRET not in page.inner_text("body")
                shot(page, f"{path}-{lang}-present")
                page.close()
        # admin pages are out of the navigation: asking for one by URL lands elsewhere
        page = open_page(ctx, server["base"], "workspaces", present="1", workspace="demo")
        assert SECRET not in page.content()
        page.close()
    finally:
        ctx.close()


def test_upload_then_see_rows_on_data_page(server, browser, real_x_export):
    from connectors import store
    from ui import fmt

    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = open_page(ctx, server["base"], "import_data", lang="en")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(real_x_export))
        page.get_by_text("Recognised as", exact=False).wait_for(timeout=60_000)
        wait_for_app(page)
        shot(page, "import_data-en-upload-preview")
        page.get_by_role("button", name="Import 1 file", exact=True).click()
        page.get_by_text("rows read", exact=False).first.wait_for(timeout=120_000)
        wait_for_app(page)
        shot(page, "import_data-en-upload-result")
        assert "added" in page.inner_text('[data-testid="stMain"]')

        posts = store.read_table(server["store"], "demo", "posts", ["platform", "account"])
        assert (posts["account"].astype("string").str.contains("LisaDeBruine", case=False)).any()
        x_rows = int((posts["platform"] == "x").sum())
        page = open_page(ctx, server["base"], "data", lang="en")
        text = page.inner_text('[data-testid="stMain"]')
        at = text.find("Posts ·")
        assert fmt.integer(x_rows, "en") in text, f"{x_rows} X posts not shown on the Data page: {text[max(at, 0):max(at, 0) + 700]!r}"
        shot(page, "data-en-after-upload")
    finally:
        ctx.close()


def test_shared_link_opened_first_on_a_fresh_server(demo_root, tmp_path, browser):
    """A page URL that is the very first request after a restart still runs through app.py
    (sidebar filters, translated navigation), not Streamlit's pages/-folder mode."""
    skip_without_browser()
    store = tmp_path / "store"
    shutil.copytree(demo_root, store)
    with running_app(store) as base:
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        try:
            page = open_page(ctx, base, "listening", lang="en", workspace="demo")
            assert page.locator("h1").first.inner_text() == "Listening"
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Overview" in nav and "Listening" in nav
            assert "import data" not in nav and "utm builder" not in nav  # file names: legacy mode
            assert page.get_by_text("Workspace", exact=True).count() >= 1  # app.py's sidebar filters
            page.close()
        finally:
            ctx.close()
