"""The Listening page in headless Chromium with hostile mention texts: the DOM gets no script,
no javascript: link, no image and no formatting from a mention, in the normal and the
presentation view (run: ``pytest -m browser tests/test_listening_browser.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.serve import ARGS, CHROMIUM, running_app, skip_without_browser
from tests.test_listening_page import HOSTILE, WS, hostile_store  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture
def server(hostile_store):  # noqa: F811
    skip_without_browser()
    with running_app(hostile_store) as base:
        yield base


def _settle(page) -> None:
    page.wait_for_timeout(1500)
    for _ in range(120):
        if page.locator('[data-testid="stStatusWidget"]').count() == 0:
            break
        page.wait_for_timeout(500)
    page.wait_for_timeout(1500)


@pytest.mark.parametrize("present", [False, True])
def test_hostile_mentions_are_inert_in_the_browser(server, present):
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server + "/")  # app.py first (st.navigation), then the page
        page.wait_for_selector("h1", timeout=120000)
        q = f"?workspace={WS}&lang=en&start=2026-02-09&end=2026-02-15" + ("&present=1" if present else "")
        page.goto(server + "/listening" + q)
        page.wait_for_selector("h1", timeout=120000)
        _settle(page)
        body = page.inner_text("body")
        assert "alert('xss')" in body, "the hostile text is shown, as text"
        if present:
            page.get_by_role("tab", name="Mentions").click()
            _settle(page)
        counts = page.evaluate(r"""() => ({
            scripts: [...document.querySelectorAll('script')].filter(s => (s.textContent || '').includes('xss')).length,
            jsLinks: [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') || '').toLowerCase().startsWith('javascript')).length,
            images: document.querySelectorAll('img[src*="tracker.example"], img[src="x"]').length,
            onerror: document.querySelectorAll('[onerror]').length,
            bold: [...document.querySelectorAll('strong, b, em')].filter(e => ['bold', 'shout', 'topic'].includes(e.textContent.trim())).length,
            evilLinks: [...document.querySelectorAll('a')].filter(a => /evil\.example|^mailto:/i.test(a.href || '')).length,
        })""")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"listening-hostile-{'present' if present else 'normal'}.png"))
        browser.close()
    assert counts == {"scripts": 0, "jsLinks": 0, "images": 0, "onerror": 0, "bold": 0, "evilLinks": 0}, counts
    assert not dialogs
