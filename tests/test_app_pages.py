"""Every page of the navigation renders on the demo workspace, in English and French.

Pages are discovered from ``app.PAGES`` (those whose file exists), so a page added later is
covered without touching this file. French pages must not show English UI text.
"""

from __future__ import annotations

import re
import string

import pytest
from streamlit.testing.v1 import AppTest

import app
from ui import i18n

PAGES = [p.file for p in app.available_pages()]
TIMEOUT = 120


def run_page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != app.available_pages()[0].file:
        at.switch_page(page).run()
    return at


def texts(at: AppTest) -> list[str]:
    """Every visible string the app rendered: bodies, labels, options, help, table headers."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            for field in ("body", "label", "help", "placeholder", "caption"):
                v = getattr(proto, field, None)
                if isinstance(v, str) and v:
                    out.append(v)
            for field in ("options",):
                v = getattr(proto, field, None)
                if v is not None and not isinstance(v, str):
                    try:
                        out.extend(str(x) for x in v)
                    except TypeError:
                        pass
        for attr in ("value",):
            try:
                v = getattr(node, attr)
            except Exception:
                continue
            if isinstance(v, str):
                out.append(v)
            elif hasattr(v, "columns"):
                out.extend(str(c) for c in v.columns)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [s for s in out if s.strip()]


def _fragments(text: str) -> list[str]:
    parts = [lit for lit, *_ in string.Formatter().parse(text)]
    return [p.strip(" *_.,:;") for p in parts if len(p.strip(" *_.,:;")) >= 14]


EN_ONLY = [
    (k, v["en"])
    for k, v in i18n.TABLE.items()
    if v["en"].strip() != v["fr"].strip() and not set(_fragments(v["en"])) & set(_fragments(v["fr"]))
    # a one-word text such as "yes" is also a widget's internal option value (shown through format_func)
    and len(v["en"].strip()) > 3
]


EN_ONLY_FRAGMENTS = [(key, en.strip(), _fragments(en)) for key, en in EN_ONLY]  # parsed once, not per string


def english_leftovers(rendered: list[str]) -> list[str]:
    found = []
    for s in rendered:
        for key, en, frags in EN_ONLY_FRAGMENTS:
            if s.strip() == en or any(f in s for f in frags):
                found.append(f"{key}: {s[:80]!r}")
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(app_store, page, lang):
    at = run_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    heading = [h.value for h in (*at.title, *at.header)]
    assert heading, "a page starts with a title"
    rendered = texts(at)
    assert sum(len(s) for s in rendered) > 80, "the page shows real content"
    if lang == "fr":
        leftovers = english_leftovers(rendered)
        assert not leftovers, "English text on a French page:\n" + "\n".join(leftovers)


def test_url_reproduces_the_view(app_store):
    at = run_page(PAGES[0], lang="fr", start="2025-09-01", end="2025-09-30", workspace="demo")
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.lang, ctx.workspace, ctx.start.isoformat(), ctx.end.isoformat(), ctx.period) == (
        "fr",
        "demo",
        "2025-09-01",
        "2025-09-30",
        "custom",
    )
    assert (ctx.prev_start.isoformat(), ctx.prev_end.isoformat()) == ("2025-08-01", "2025-08-31")
    assert at.query_params["start"] == ["2025-09-01"] or at.query_params["start"] == "2025-09-01"


def _qp(at: AppTest, key: str) -> str | None:
    v = at.query_params.get(key)
    return v[0] if isinstance(v, list) else v


def test_default_view_is_last_complete_week_and_controls_update_url(app_store):
    at = run_page(PAGES[0])
    ctx = at.session_state["bsl.ctx"]
    assert ctx.start.weekday() == 0 and ctx.end.weekday() == 6 and (ctx.end - ctx.start).days == 6
    assert (ctx.start - ctx.prev_start).days == 7
    assert _qp(at, "workspace") == "demo" and _qp(at, "lang") == "en"
    at.sidebar.selectbox(key="w.lang").set_value("fr").run()
    assert _qp(at, "lang") == "fr"
    assert at.title[0].value == i18n.t("nav.overview", lang="fr")
    at.sidebar.selectbox(key="w.period").set_value("quarter").run()
    ctx = at.session_state["bsl.ctx"]
    assert ctx.period == "quarter" and _qp(at, "start") == ctx.start.isoformat() and ctx.start.day == 1


def test_presentation_mode_hides_other_workspaces_and_admin_pages(app_store):
    (app_store / "acme-secret").mkdir(exist_ok=True)
    try:
        at = run_page(PAGES[0], present="1")
        assert not at.exception
        assert len(at.sidebar.selectbox) == 0, "no workspace selector in presentation mode"
        rendered = " ".join(texts(at))
        assert "acme-secret" not in rendered
        for admin in (p.file for p in app.PAGES if p.admin):
            assert admin not in [p.file for p in app.available_pages(present=True)]
        # the normal view does list it (so the test above means something)
        normal = run_page(PAGES[0])
        assert "acme-secret" in normal.sidebar.selectbox(key="w.workspace").options
    finally:
        (app_store / "acme-secret").rmdir()


def test_switching_workspace_updates_url(app_store):
    (app_store / "other-ws").mkdir(exist_ok=True)
    try:
        at = run_page(PAGES[0])
        at.sidebar.selectbox(key="w.workspace").set_value("other-ws").run()
        assert _qp(at, "workspace") == "other-ws"
        assert at.session_state["bsl.ctx"].workspace == "other-ws"
    finally:
        (app_store / "other-ws").rmdir()


def test_unknown_workspace_in_url_is_ignored(app_store):
    at = run_page(PAGES[0], workspace="no-such-thing")
    assert at.session_state["bsl.ctx"].workspace == "demo"


def test_fr_leftover_detector_catches_english():
    assert english_leftovers([i18n.t("data.title", lang="en")])
    assert not english_leftovers([i18n.t("data.title", lang="fr")])


def test_every_registered_page_has_a_title_key():
    for p in app.PAGES:
        assert re.fullmatch(r"nav\.[a-z_]+", p.title) and i18n.has(p.title)
