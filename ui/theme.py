"""Light / dark / system theme switch, remembered per browser, without a custom component.

Streamlit's frontend keeps the viewer's theme in the browser's ``localStorage`` under
``stActiveTheme-<page path>-v2`` (``"Light"``, ``"Dark"`` or ``"System"``) and reads it when the
page loads; its own settings menu, which writes that key, is hidden by
``toolbarMode = "minimal"``. The sidebar switch writes the same key for every page of the app,
plus a ``boussole_theme`` cookie so the server knows the choice (``st.context.cookies``), and
reloads the page. Both themes are defined in ``.streamlit/config.toml`` (``[theme.light]``,
``[theme.dark]``); "system" follows the operating system's setting.
"""

from __future__ import annotations

import json

import streamlit as st

CHOICES = ("system", "light", "dark")
COOKIE = "boussole_theme"
STORAGE_VALUE = {"system": "System", "light": "Light", "dark": "Dark"}
KEY = "w.theme"


def saved_choice() -> str:
    """The choice remembered by this browser (cookie), else "system"."""
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # outside a browser session
        value = None
    return value if value in CHOICES else "system"


def script(choice: str, page_paths: list[str]) -> str:
    """The snippet that stores ``choice`` for every page of the app and reloads."""
    if choice not in CHOICES:
        raise ValueError(choice)
    value = json.dumps(json.dumps(STORAGE_VALUE[choice]))  # a JSON string, stored as JSON text
    paths = json.dumps(sorted(set(page_paths)))
    return (
        "<script>(function(){"
        "var p=window.location.pathname, base=p.replace(/[^/]*$/, '');"
        f"var paths=[p, base].concat({paths}.map(function(x){{return base + x;}}));"
        f"paths.forEach(function(x){{ try {{ window.localStorage.setItem('stActiveTheme-' + x + '-v2', {value}); }} catch (e) {{}} }});"
        f"document.cookie='{COOKIE}={choice}; path=/; max-age=31536000; SameSite=Lax';"
        "window.location.reload();"
        "})();</script>"
    )


def sidebar_switch(container, page_paths: list[str], label: str, names: dict[str, str]) -> None:
    """A segmented control (system / light / dark) in ``container``; a change is applied in the
    browser (stored, then the page reloads in that theme)."""
    ss = st.session_state
    if KEY not in ss:
        ss[KEY] = saved_choice()

    def _changed() -> None:
        if ss.get(KEY) not in CHOICES:  # a segmented control can be cleared: keep the last choice
            ss[KEY] = ss.get("_theme_last", "system")
            return
        ss["_theme_apply"] = ss[KEY]

    container.segmented_control(label, CHOICES, key=KEY, format_func=lambda c: names[c], on_change=_changed)
    ss["_theme_last"] = ss.get(KEY) or "system"
    choice = ss.pop("_theme_apply", None)
    if choice:
        st.html(script(choice, page_paths), unsafe_allow_javascript=True)
