"""The Import page end to end in AppTest: recognised export, unknown layout mapped once and
remembered, bad file explained in French, re-import changes nothing."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import store
from ui import i18n, safe

CSV = "text/csv"
UNKNOWN = (
    b"Ident;Quand;Message;Qui\nm-1;2025-03-01 10:00;Bravo pour le festival;ana\nm-2;2025-03-02 11:30;Trop cher cette annee;bob\n"
)


@pytest.fixture
def store_env(demo_copy, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    return demo_copy


def import_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/import_data.py").run()
    assert not at.exception
    return at


def set_mapping(at: AppTest, mapping: dict[str, str]) -> None:
    for box in at.selectbox:
        if (box.key or "").startswith("map.col."):
            header = next(h for h in mapping if f"“{h}”" in box.label or f"« {h} »" in box.label)
            box.set_value(mapping[header])


def body(at: AppTest) -> str:
    return "\n".join(
        str(e.value) for kind in ("markdown", "success", "info", "error", "warning", "caption") for e in getattr(at, kind)
    )


def test_unknown_layout_mapping_then_import_then_reimport(store_env):
    at = import_page()
    at.file_uploader[0].set_value([("listening.csv", UNKNOWN, CSV)]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert i18n.t("import.err.unknown_layout", lang="en") in body(at)
    at.selectbox(key=next(s.key for s in at.selectbox if (s.key or "").startswith("map.table."))).set_value("mentions").run()
    columns = [s for s in at.selectbox if (s.key or "").startswith("map.col.")]
    assert len(columns) == 4
    # saving without the required columns is refused, in words
    at.button[[b.label for b in at.button].index(i18n.t("import.map.save", lang="en"))].click().run()
    # (the form names the missing field as the user reads it: "Published", not published_at)
    assert any(i18n.t("import.field.published_at", lang="en") in e.value and "published_at" not in e.value for e in at.error)
    set_mapping(at, {"Ident": "mention_id", "Quand": "published_at", "Message": "text", "Qui": "author"})
    at.button[[b.label for b in at.button].index(i18n.t("import.map.save", lang="en"))].click().run()
    assert not at.exception, [e.value for e in at.exception]
    maps = store.load_config(store_env, "demo", "mappings", [])
    assert maps and maps[0]["table"] == "mentions" and maps[0]["columns"]["Ident"] == "mention_id"
    assert maps[0]["date_order"] == "dmy"  # offered day first: a semicolon-separated file
    text = body(at)
    assert i18n.t("import.map.saved", lang="en") in text, text + "\n".join(e.value for e in at.error)
    assert "import.go" in [b.key for b in at.button], body(at) + "\n".join(e.value for e in at.error)
    at.button(key="import.go").click().run()
    assert not at.exception
    assert "2 added" in body(at)
    assert store.read_table(store_env, "demo", "mentions", ["mention_id"])["mention_id"].isin(["m-1", "m-2"]).sum() == 2
    # the same file again: recognised straight away, nothing changes
    at.file_uploader[0].set_value([("listening.csv", UNKNOWN, CSV)]).run()
    at.button(key="import.go").click().run()
    assert i18n.t("import.result.same", lang="en", file=safe.md("listening.csv")) in body(at)


def test_bad_file_is_explained_in_french(store_env):
    at = import_page("fr")
    at.file_uploader[0].set_value([("vide.csv", b"", CSV), ("rapport.csv", b"%PDF-1.4\x00\x01binary", CSV)]).run()
    assert not at.exception
    errors = "\n".join(e.value for e in at.error)
    assert i18n.t("import.err.empty", lang="fr") in errors
    assert i18n.t("import.err.binary.pdf", lang="fr") in errors
    assert safe.md("vide.csv") in errors and safe.md("rapport.csv") in errors  # file names shown inert
    assert i18n.t("import.nothing", lang="fr") in "\n".join(w.value for w in at.warning)


def test_cell_error_names_line_column_and_value_in_french(store_env):
    at = import_page("fr")
    at.file_uploader[0].set_value([("listening.csv", UNKNOWN, CSV)]).run()
    at.selectbox(key=next(s.key for s in at.selectbox if (s.key or "").startswith("map.table."))).set_value("audience").run()
    set_mapping(at, {"Ident": "account", "Quand": "date", "Message": "", "Qui": "followers"})
    at.selectbox(key=next(s.key for s in at.selectbox if (s.key or "").startswith("map.platform."))).set_value("x")
    at.button[[b.label for b in at.button].index(i18n.t("import.map.save", lang="fr"))].click().run()
    errors = "\n".join(e.value for e in (*at.error, *at.warning))
    assert not at.exception
    # "ana" is not a follower count: line 2, column Qui (or followers), found "ana"
    if "ana" not in errors:
        at.button(key="import.go").click().run()
        errors = "\n".join(e.value for e in at.error)
    assert "Ligne 2" in errors and "ana" in errors, errors
