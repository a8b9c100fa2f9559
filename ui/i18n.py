"""One translation table for the whole UI.

Every module in ``ui/texts/`` defines ``TEXTS = {"area.key": {"en": "...", "fr": "..."}}``.
:data:`TABLE` merges them all; a key defined twice raises :class:`DuplicateKeyError` at import.

``t("area.key", **fmt)`` returns the text in the current language (``str.format`` with
``fmt``). Inside Streamlit the language is the session's (set by ``app.py`` through
:func:`set_lang`); outside it (tests, CLI) it is ``"en"`` unless ``lang=`` is given.
A missing key returns the key itself (``tests/test_i18n.py`` makes that a test failure).

Plurals: a text that depends on a count is defined twice, ``"area.key"`` (the plural form,
"{n} entries deleted") and ``"area.key.one"`` (the singular, "{n} entry deleted").
``t("area.key", n=3)`` — or ``count=3`` when ``n`` is passed already formatted — picks the
form by the language's rule (:func:`plural_form`): English singular for 1 only, French
singular for 0 and 1 ("0 saisie supprimée", CLDR).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

LANGS = ("en", "fr")
DEFAULT_LANG = "en"
_SESSION_KEY = "_boussole_lang"
_fallback_lang = DEFAULT_LANG


class DuplicateKeyError(ValueError):
    pass


def load_table() -> dict[str, dict[str, str]]:
    """Merge ``TEXTS`` from every ``ui/texts/*.py`` module; raise on a duplicate key."""
    from ui import texts as pkg

    table: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"ui.texts.{info.name}")
        texts: Mapping[str, Mapping[str, str]] = getattr(mod, "TEXTS", {})
        for key, value in texts.items():
            if key in table:
                raise DuplicateKeyError(
                    f"translation key {key!r} defined in ui/texts/{origin[key]}.py and ui/texts/{info.name}.py"
                )
            table[key] = dict(value)
            origin[key] = info.name
    return table


TABLE: dict[str, dict[str, str]] = load_table()


def normalise_lang(value: str | None) -> str | None:
    """'fr-CA' -> 'fr', 'EN' -> 'en'; None for anything we do not speak."""
    if not value:
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else None


def _session_state():
    try:
        import streamlit as st
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        if get_script_run_ctx(suppress_warning=True) is None:
            return None
        return st.session_state
    except Exception:  # pragma: no cover - streamlit internals moved
        return None


def get_lang() -> str:
    ss = _session_state()
    if ss is not None:
        return ss.get(_SESSION_KEY, DEFAULT_LANG)
    return _fallback_lang


def set_lang(lang: str) -> None:
    global _fallback_lang
    lang = normalise_lang(lang) or DEFAULT_LANG
    ss = _session_state()
    if ss is not None:
        ss[_SESSION_KEY] = lang
    # also the language outside a script run (e.g. format_func called by streamlit.testing)
    _fallback_lang = lang


def plural_form(count: float, lang: str) -> str:
    """CLDR cardinal category for the languages we speak: ``"one"`` or ``"other"``.
    English: one for exactly 1. French: one for 0 <= count < 2 (0, 1, 1.5)."""
    c = abs(float(count))
    if lang == "fr":
        return "one" if c < 2 else "other"
    return "one" if c == 1 else "other"


def _count(fmt: dict[str, object]) -> float | None:
    c = fmt["count"] if "count" in fmt else fmt.get("n")  # kept in fmt: a text may show {count}
    if isinstance(c, bool) or not isinstance(c, (int, float)):
        return None
    return float(c)


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The text of ``key`` in ``lang`` (default: the session's language); with a count
    (``n=`` as a number, or ``count=``) the singular ``key.one`` when the language says so."""
    lang = lang or get_lang()
    count = _count(fmt)
    if count is not None and plural_form(count, lang) == "one" and f"{key}.one" in TABLE:
        key = f"{key}.one"
    entry = TABLE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG) or key
    if fmt:
        try:
            return text.format(**fmt)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has(key: str) -> bool:
    return key in TABLE
