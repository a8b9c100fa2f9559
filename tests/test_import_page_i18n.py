"""The Import page speaks the user's language: errors from codes and parameters (not the CLI's
English), file facts, a preview with field names and locale formats, mapping guesses, one
spelling per mention source, plural forms. Unit tests of ui/importview.py, then the page in
French through AppTest with no English fragment and no raw column name on screen."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from connectors import importer
from connectors.errors import ImportFailure
from connectors.formats.generic import MAPPABLE_TABLES
from connectors.schema import TABLES
from metrics.channels import mention_source
from tests.helpers import import_quiet
from ui import importview, safe
from ui.i18n import plural_form, t


def _zip() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Table data.csv", "Content,Views\nabc,1\n")
    return buf.getvalue()


ZIP = _zip()
SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
DATA = Path(__file__).resolve().parent / "data"
NB = "\u00a0"
# English words that have no business on a French screen (checked as whole words)
ENGLISH = re.compile(
    r"\b(the|expected|found|encoding|binary|column|line|number|rows?|file|of|and|not|value|with|unknown|"
    r"layout|damaged|header|published|followers|sessions_?|posts?)\b"
)
RAW_COLUMNS = re.compile(r"\b(post_id|published_at|source_format|grain|watch_time_hours|_line|as_of|new_followers)\b")


def test_the_english_detector_detects():
    assert english_in("The file is empty, expected a number") == ["the", "file", "expected", "number"]
    assert english_in("Le fichier est vide ; attendu : un nombre") == []


def english_in(text: str) -> list[str]:
    # "Sessions" is French too, and proper names of platforms/products are not English fragments
    cleaned = re.sub(r"Meta Business Suite|Google|YouTube Studio|Search Console|Business Profile|Sessions|Excel|UTF-\d+", "", text)
    return ENGLISH.findall(cleaned.lower())


# ----------------------------------------------------------------------------- errors


def _failure(payload: bytes, name: str) -> ImportFailure:
    det = importer.detect(payload, name)
    assert det.error is not None
    return det.error


@pytest.mark.parametrize(
    "payload,name,key",
    [
        (b"%PDF-1.4\x00\x01\x02 binary", "rapport.csv", "import.err.binary.pdf"),
        (ZIP, "export.csv", "import.err.binary.zip"),
        (b"", "vide.csv", "import.err.empty"),
        (b"\x00\x01\x02\x03\xff\xfe\x00garbage" * 20, "x.csv", "import.err.binary.binary"),
    ],
    ids=["pdf", "zip", "empty", "binary"],  # stable ids: the zip's bytes carry the time it was built
)
def test_file_level_errors_in_french_have_no_english(payload, name, key):
    exc = _failure(payload, name)
    head, detail = importview.failure_text(exc, "fr")
    if key == "import.err.binary.binary":  # no finer text for plain binary data: the code's sentence
        assert head == t("import.err.binary", lang="fr")
    else:
        assert head == t(key, lang="fr")
    assert english_in(head + " " + detail) == [], (head, detail)
    assert "CSV or Excel" not in detail and "binary data" not in detail
    # the CLI keeps its English line
    assert str(exc).startswith(f"{name}:1: expected ")


def test_cell_error_keeps_the_cell_and_translates_the_rest(tmp_path):
    bad = "Date,Sessions\n2025-03-10,50\n2025-03-11,douze\n"
    p = tmp_path / "ga.csv"
    p.write_text("# Start date: 20250310\n# End date: 20250311\n" + bad, encoding="utf-8")
    rc, _, err = import_quiet(p, tmp_path / "store")
    assert rc == 2 and "ga.csv:5: column 'Sessions': expected a whole number, found 'douze'" in err  # CLI line unchanged
    with pytest.raises(ImportFailure) as info:
        importer.import_path(tmp_path / "store2", "t", p)
    head, detail = importview.failure_text(info.value, "fr")
    assert head == t("import.err.number", lang="fr")
    assert detail == "Ligne 5, colonne « Sessions ». Attendu : un nombre entier ; trouvé : « douze »."
    head_en, detail_en = importview.failure_text(info.value, "en")
    assert detail_en == "Line 5, column “Sessions”. Expected a whole number; found “douze”."


def test_params_replace_english_descriptions():
    exc = ImportFailure("f.csv", "date in the future", 3, "Date", "a date no later than 2026-03-01", "2027-01-01", code="future")
    head, detail = importview.failure_text(exc, "fr")
    assert head == "Une date est dans le futur (après le 1 mars 2026)."
    assert "no later" not in detail and f"« {safe.md('2027-01-01')} »" in detail  # the file's value, shown inert
    cut = ImportFailure("f.csv", "the last line is cut short", 9, "Views", "6 fields", "2 (file truncated?)", code="truncated")
    assert importview.failure_text(cut, "fr")[0].startswith("La dernière ligne est coupée (2 valeurs sur 6)")
    assert "truncated" not in " ".join(importview.failure_text(cut, "fr"))
    gone = ImportFailure("x.csv", "no such file", 0, None, "a readable file", "nothing", code="missing")
    val = ImportFailure("x.csv", "mention text missing", 4, "Text", "the mention's text", "nothing", code="missing")
    assert importview.failure_text(gone, "en")[0] == "The file could not be found."
    assert importview.failure_text(val, "en")[0] == "A required value is empty."


# ----------------------------------------------------------------------------- file facts, preview


def test_file_facts_sizes_and_encoding_only_for_text():
    assert importview.file_facts("a.csv", 117_900, "utf-8", "fr") == f"117,9{NB}Ko · texte, UTF-8"
    assert importview.file_facts("a.csv", 117_900, "utf-8", "en") == f"117.9{NB}KB · text, UTF-8"
    assert importview.file_facts("a.csv", 2048, "utf-8-sig", "fr") == f"2,0{NB}Ko · texte, UTF-8 avec BOM"
    assert importview.file_facts("a.csv", 10, "utf-16", "en") == f"10{NB}B · text, UTF-16"
    assert importview.file_facts("b.xlsx", 5_500, "utf-8", "fr") == f"5,5{NB}Ko · classeur Excel"
    pdf = _failure(b"%PDF-1.4\x00\x01", "c.csv")
    assert importview.file_facts("c.csv", 0, "", "fr", pdf) == f"0{NB}o"  # no "encodage ?" for a file that is not text


def test_preview_has_field_names_and_locale_formats():
    det = importer.detect((SAMPLES / "meta_posts_bom.csv").read_bytes(), "meta_posts_bom.csv")
    fr = importview.preview(det.preview["posts"], "fr")
    assert list(fr.columns)[:4] == ["Identifiant de la publication", "Plateforme", "Compte", "Publié le"]
    assert not RAW_COLUMNS.search(" ".join(fr.columns)) and "Format d’export" not in fr.columns
    first = fr.iloc[0]
    assert first["Publié le"] == f"10 mars 2025, 14{NB}h{NB}05" and first["Plateforme"] == "Facebook"
    assert first["Portée"] == "250"
    en = importview.preview(det.preview["posts"], "en")
    assert en.iloc[0]["Published"] == "Mar 10, 2025, 14:05"
    ga = importer.detect((SAMPLES / "ga4_report_preamble.csv").read_bytes(), "ga.csv")
    g = importview.preview(ga.preview["traffic"], "fr")
    assert g.iloc[0]["Date"] == "11 mars 2025" and g.iloc[0]["Type de période"] == "par jour"  # file order: 20250311 first


def test_format_labels_are_translated_for_every_format():
    from connectors.formats import all_formats

    for f in all_formats():
        assert importview.format_label(f.name, f.label, "fr") == t(f"import.format.{f.name}", lang="fr")


# ----------------------------------------------------------------------------- mapping guesses


TARGETS = {tb: importer.mapping_targets(tb) for tb in MAPPABLE_TABLES}
REQUIRED = {tb: TABLES[tb].required for tb in MAPPABLE_TABLES}


@pytest.mark.parametrize(
    "headers,table,expected",
    [
        (["Date", "Texte", "Auteur", "Réseau", "Tonalité"], "mentions",
         {"Date": "published_at", "Texte": "text", "Auteur": "author", "Réseau": "source", "Tonalité": "sentiment_label"}),
        (["Jour", "Abonnés", "Impressions", "Portée"], "audience", {"Jour": "date", "Abonnés": "followers", "Impressions": "impressions", "Portée": "reach"}),
        (["Date de publication", "Lien", "J'aime", "Commentaires", "ID"], "posts",
         {"Date de publication": "published_at", "Lien": "url", "J'aime": "reactions", "Commentaires": "comments", "ID": "post_id"}),
        (["Courriel", "Date de création", "Étape"], "leads", {"Courriel": "lead_id", "Date de création": "created_at", "Étape": "stage"}),
        (["Date", "Sessions", "Users", "Source", "Medium"], "traffic",
         {"Date": "date", "Sessions": "sessions", "Users": "users", "Source": "source", "Medium": "medium"}),
    ],
)
def test_unknown_layout_gets_sensible_guesses(headers, table, expected):
    got_table, cols = importview.guess_mapping(headers, TARGETS, REQUIRED)
    assert got_table == table
    assert cols == expected


def test_guess_gives_each_field_once_and_ignores_the_rest():
    cols = importview.guess_columns(["Date", "Publish date", "Zorglub"], TARGETS["posts"])
    assert cols["Zorglub"] == "" and list(cols.values()).count("published_at") == 1


# ----------------------------------------------------------------------------- sources, plurals


def test_one_spelling_per_mention_source(tmp_path):
    assert [mention_source(v) for v in ("SOCIALMEDIA_TWITTER", "Twitter", "X", "SOCIALMEDIA_FACEBOOK", "BLOG", " Online  News ", "", None)] == [
        "x", "x", "x", "facebook", "blog", "online news", None, None]
    import pandas as pd

    importer.import_path(tmp_path, "t", DATA / "listening_talkwalker_text_cells.xlsx")
    importer.import_path(tmp_path, "t", DATA / "listening_meltwater_utf16_tab.csv")
    got = sorted(pd.read_parquet(tmp_path / "t" / "mentions")["source"].dropna().unique())
    assert got == ["blog", "facebook", "news", "reddit", "x"]  # Talkwalker's SOCIALMEDIA_TWITTER and Meltwater's Twitter agree


def test_plural_forms_en_fr():
    assert [plural_form(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_form(n, "fr") for n in (0, 1, 1.5, 2)] == ["one", "one", "one", "other"]
    assert t("costs.deleted", lang="en", n=1) == "1 entry deleted." and t("costs.deleted", lang="en", n=2) == "2 entries deleted."
    assert t("costs.deleted", lang="fr", n=1) == "1 saisie supprimée." and t("costs.deleted", lang="fr", n=3) == "3 saisies supprimées."
    assert t("import.go", lang="fr", n=1) == "Importer 1 fichier" and t("import.go", lang="en", n=2) == "Import 2 files"
    # an already formatted n: the count is given apart
    assert t("costs.deleted", lang="en", n="1,000", count=1000) == "1,000 entries deleted."


# ----------------------------------------------------------------------------- the page, in French


@pytest.fixture
def store_env(demo_copy, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    return demo_copy


def _screen(at) -> str:
    parts = [str(e.value) for kind in ("markdown", "success", "info", "error", "warning", "caption", "subheader") for e in getattr(at, kind)]
    parts += [b.label for b in at.button] + [s.label for s in at.selectbox]
    parts += [str(o) for s in at.selectbox for o in s.options]
    for df in at.dataframe:
        parts += [str(c) for c in df.value.columns]
    return "\n".join(parts)


def test_import_page_in_french_has_no_english_and_no_raw_columns(store_env):
    from tests.test_app_import import import_page

    at = import_page("fr")
    files = [
        ("meta_posts_bom.csv", (SAMPLES / "meta_posts_bom.csv").read_bytes(), "text/csv"),
        ("rapport.csv", b"%PDF-1.4\x00\x01binary", "text/csv"),
        ("inconnu.csv", "Jour;Abonnés;Portée\n01/03/2025;10;20\n".encode(), "text/csv"),
    ]
    at.file_uploader[0].set_value(files).run()
    assert not at.exception, [e.value for e in at.exception]
    screen = _screen(at)
    assert t("import.format.meta_posts", lang="fr") in screen
    assert t("import.err.binary.pdf", lang="fr") in screen and t("import.err.unknown_layout", lang="fr") in screen
    assert "Publié le" in screen and "encodage ?" not in screen
    # mapping form: the guessed table and fields, shown by their French names
    table_box = next(s for s in at.selectbox if (s.key or "").startswith("map.table."))
    assert table_box.value == "audience"
    guessed = {s.label: s.value for s in at.selectbox if (s.key or "").startswith("map.col.")}
    assert guessed == {"Colonne du fichier « Jour »": "date", "Colonne du fichier « Abonnés »": "followers", "Colonne du fichier « Portée »": "reach"}
    visible = screen.replace(t("import.intro", lang="fr", workspace=""), "")
    assert english_in(visible) == [], english_in(visible)
    assert not RAW_COLUMNS.search(visible), RAW_COLUMNS.findall(visible)
    # import the recognised file: the success line is French too
    at.button(key="import.go").click().run()
    done = "\n".join(str(e.value) for e in at.success)
    assert safe.md("meta_posts_bom.csv") in done and "lignes lues" in done and english_in(done) == []


def test_preview_shows_instants_in_the_workspace_time_zone():
    frame = pd.DataFrame({"mention_id": ["a", "b"],
                          "published_at": pd.to_datetime(["2026-03-02T05:00Z", "2026-03-02T15:30Z"], utc=True)})
    shown = importview.preview(frame, "fr", tz="America/Toronto")
    col = [c for c in shown.columns if c != importview.field_name("mention_id", "fr")][0]
    # 05:00 UTC is local midnight (a date-only value in Toronto): the date alone; 15:30 UTC is 10 h 30 there
    assert shown[col].tolist() == ["2 mars 2026", "2 mars 2026, 10\u00a0h\u00a030"]
