"""The translation table: complete in both languages, and every key the UI uses exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from connectors.schema import PLATFORMS, TABLES
from ui import i18n

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]


def test_every_key_has_both_languages():
    missing = [(k, lang) for k, v in i18n.TABLE.items() for lang in i18n.LANGS if not str(v.get(lang) or "").strip()]
    assert not missing, f"keys without a translation: {missing}"


def test_placeholders_match_between_languages():
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    bad = [k for k, v in i18n.TABLE.items() if fields(v["en"]) != fields(v["fr"])]
    assert not bad, f"en and fr use different {{placeholders}}: {bad}"


def test_duplicate_keys_raise(tmp_path, monkeypatch):
    import sys
    import types

    pkg = types.ModuleType("ui.texts")
    pkg.__path__ = [str(tmp_path)]
    (tmp_path / "a.py").write_text("TEXTS = {'dup.key': {'en': 'a', 'fr': 'a'}}\n")
    (tmp_path / "b.py").write_text("TEXTS = {'dup.key': {'en': 'b', 'fr': 'b'}}\n")
    monkeypatch.setitem(sys.modules, "ui.texts", pkg)
    for name in ("ui.texts.a", "ui.texts.b"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import ui

    monkeypatch.setattr(ui, "texts", pkg, raising=False)
    with pytest.raises(i18n.DuplicateKeyError):
        i18n.load_table()


def _used_keys(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else (fn.attr if isinstance(fn, ast.Attribute) else None)
            arg = node.args[0]
            if name == "t" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.append((arg.value, node.lineno))
    return out


def test_every_used_key_exists():
    missing = [f"{p.relative_to(ROOT)}:{line}: {key}" for p in UI_FILES for key, line in _used_keys(p) if key not in i18n.TABLE]
    assert not missing, "t() keys missing from the translation table:\n" + "\n".join(missing)


def test_keys_built_at_runtime_exist():
    import app
    from ui import period

    needed = [f"platform.{p}" for p in PLATFORMS] + [f"table.{t}" for t in TABLES]
    needed += [f"shell.period.{k}" for k in period.PERIODS] + [f"shell.lang.{lang}" for lang in i18n.LANGS]
    needed += [p.title for p in app.PAGES] + [p.section for p in app.PAGES]
    missing = [k for k in needed if k not in i18n.TABLE]
    assert not missing, missing


def test_t_formats_and_falls_back():
    assert i18n.t("shell.period.summary", lang="fr", current="A", previous="B") == "A, comparé à B"
    assert i18n.t("no.such.key") == "no.such.key"
    assert i18n.normalise_lang("fr-CA") == "fr" and i18n.normalise_lang("de-DE") is None


def test_counted_texts_take_the_singular_for_one():
    """A ``key.one`` exists beside its ``key`` with no placeholder of its own, and a count of 1 picks
    it (French also for 0 and 1.5: "0 crise"), given as ``n`` or, where ``n`` is pre-formatted, as ``count``."""
    import re

    from ui.i18n import TABLE, t

    for key in (k for k in TABLE if k.endswith(".one")):
        base = key[: -len(".one")]
        assert base in TABLE, key
        for lang in ("en", "fr"):
            # the singular may leave the number out ("Download the row"), never add a placeholder
            assert set(re.findall(r"\{(\w+)\}", TABLE[key][lang])) <= set(re.findall(r"\{(\w+)\}", TABLE[base][lang])), (key, lang)
    assert t("campaigns.why_no_roi", lang="fr", n=1) == "Pourquoi 1 ligne n’a pas de RSI"
    assert t("campaigns.why_no_roi", lang="fr", n=3) == "Pourquoi 3 lignes n’ont pas de RSI"
    assert t("listening.kpi.alerts.crises", lang="en", n="1", count=1) == "1 crisis"
    assert t("listening.kpi.alerts.crises", lang="en", n="2", count=2) == "2 crises"
    assert t("listening.ex.count", lang="fr", n="1", count=1, total="12") == "1 mention sur 12."
    assert t("listening.ex.count", lang="fr", n="0", count=0, total="12") == "0 mention sur 12."
    assert t("listening.ex.count", lang="en", n="0", count=0, total="12") == "0 of 12 mentions."


def test_every_text_formats_with_its_own_placeholders():
    """Given a value for each of its placeholders, every text comes out without a ``{…}`` left:
    ``count`` may be a placeholder too (the Maturity page showed "Level {n} ({name}) is not
    reached: {count} practice(s)…" raw when ``t`` consumed ``count`` to choose the plural, and
    Listening's lexicon probe passed the detected language as ``lang=``, the UI language)."""
    import re

    from ui.i18n import TABLE, t

    for key, entry in TABLE.items():
        for lang in ("en", "fr"):
            names = set(re.findall(r"(?<!%)\{(\w+)\}", entry[lang]))  # %{x}: plotly's own
            assert "lang" not in names, f"{key}: {{lang}} would be taken as the UI language by t()"
            if not names:
                continue
            out = t(key, lang=lang, **{name: 7 for name in names})
            assert not re.search(r"(?<!%)\{\w+\}", out), (key, lang, out)
    assert t("maturity.reason.blocked_answers", lang="en", n=3, name="Defined", count=2) == (
        "Level 3 (Defined) is not reached: 2 practices not in place yet."
    )
    assert t("maturity.reason.blocked_answers", lang="fr", n=3, name="Définie", count=1) == (
        "Niveau 3 (Définie) non atteint : 1 pratique pas encore en place."
    )
    assert t("loop.outperf.count", lang="en", n=1, platform="Instagram", date="Nov 25", ratio="×3.5", eng="902").startswith(
        "1 post of this period outperformed:"
    )
