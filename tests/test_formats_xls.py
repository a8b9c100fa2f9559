"""Workbooks and mapped layouts. Legacy binary .xls (Excel 97-2003): the same export saved as
.xls imports exactly as its .xlsx does, blank rows keep their line numbers, a damaged .xls gets
a clear error that leaves the store unchanged. The generic column mapping works for workbooks as
for CSV, passes over a title line above the table, and reads ambiguous dates (02/03/2026) in
the order saved with the mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from connectors import store
from connectors.errors import ImportFailure
from tests.conftest import shared_absent
from tests.helpers import run_cli, tree_hashes, write_xlsx
from tests.test_import_all_fixtures import FIXTURES, NOT_EXPORTS

xlwt = pytest.importorskip("xlwt")  # dev dependency: writes the .xls the tests read back


def xlsx_exports() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        p for p in FIXTURES.rglob("*.xlsx")
        if not (set(p.relative_to(FIXTURES).parts) & NOT_EXPORTS) and "HEADER_TEMPLATE" not in p.name
    )


def save_as_xls(rows_by_sheet: dict[str, list[list[object]]], dest: Path) -> Path:
    """What Excel's "Save as Excel 97-2003" keeps: every sheet, every cell, dates as
    date-formatted numbers."""
    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    for name, rows in rows_by_sheet.items():
        ws = wb.add_sheet(name[:31])
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, (dt.datetime, dt.date)):
                    ws.write(r, c, v, date_style)
                else:
                    ws.write(r, c, v)
    wb.save(str(dest))
    return dest


def xlsx_rows(path: Path) -> dict[str, list[list[object]]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=shared_absent())
@pytest.mark.parametrize("src", xlsx_exports(), ids=lambda p: p.name[:60])
def test_xls_copy_imports_like_the_xlsx(src: Path, tmp_path: Path, capsys):
    xls = save_as_xls(xlsx_rows(src), tmp_path / (src.stem + ".xls"))
    assert xls.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")  # a real OLE2/BIFF file, not XML
    a, b = tmp_path / "a", tmp_path / "b"
    code, want, err = run_cli(capsys, "import", str(src), "--workspace", "t", "--store", str(a))
    assert code == 0, err
    code, got, err = run_cli(capsys, "import", str(xls), "--workspace", "t", "--store", str(b))
    assert code == 0, err
    strip = lambda lines: [{k: v for k, v in ln.items() if k != "file"} for ln in lines]  # noqa: E731
    assert strip(got) == strip(want)
    assert sum(ln["rows_read"] for ln in got) > 0
    for table in {ln["table"] for ln in want}:
        x, y = store.read_table(a, "t", table), store.read_table(b, "t", table)
        keep = [c for c in x.columns if c not in ("source_file", "imported_at", "import_id")]
        assert list(y.columns) == list(x.columns)
        assert y[keep].equals(x[keep]), table


def test_xls_blank_rows_keep_their_line_numbers(tmp_path: Path, capsys):
    """A LinkedIn followers sheet saved as .xls: a bad count on Excel row 5 (after a blank
    row 3) is reported on row 5 of that sheet, with its column, and nothing is stored."""
    rows = [
        ["Date", "Sponsored followers", "Organic followers", "Total followers"],
        ["03/02/2026", 0, 12, 12],
        [None, None, None, None],
        ["03/03/2026", 1, 10, 11],
        ["03/04/2026", 0, 12, "douze"],
    ]
    xls = save_as_xls({"New followers": rows}, tmp_path / "followers.xls")
    root = tmp_path / "store"
    code, lines, err = run_cli(capsys, "import", str(xls), "--workspace", "t", "--store", str(root))
    assert code != 0 and not lines
    assert "followers.xls[New followers]:5:" in err and "'Total followers'" in err and "whole number" in err and "'douze'" in err, err
    assert not list(root.rglob("*.parquet"))
    rows[4][3] = 12
    xls = save_as_xls({"New followers": rows}, tmp_path / "followers.xls")
    code, lines, err = run_cli(capsys, "import", str(xls), "--workspace", "t", "--store", str(root))
    assert code == 0, err
    assert lines[0]["format"] == "linkedin_page_followers" and lines[0]["rows_added"] == 3
    got = store.read_table(root, "t", "audience")
    # LinkedIn's daily "Total followers" is that day's new followers (sponsored + organic)
    assert got.sort_values("date")["new_followers"].tolist() == [12, 11, 12]


def test_damaged_xls_is_a_clear_error_and_changes_nothing(tmp_path: Path, capsys):
    root = tmp_path / "store"
    good = save_as_xls({"Followers": [["Date", "Followers"], [dt.datetime(2026, 3, 2), 1200]]}, tmp_path / "ok.xls")
    run_cli(capsys, "import", str(good), "--workspace", "t", "--store", str(root))
    before = tree_hashes(root)
    bad = tmp_path / "broken.xls"
    bad.write_bytes(good.read_bytes()[:700])  # truncated mid-stream, OLE2 header intact
    code, lines, err = run_cli(capsys, "import", str(bad), "--workspace", "t", "--store", str(root))
    assert code != 0
    assert "broken.xls" in err and ".xls" in err
    assert "Traceback" not in err
    assert tree_hashes(root) == before


@pytest.mark.parametrize("ext", ["xlsx", "xls"])
def test_unknown_workbook_layout_mapped_once_then_imported(ext: str, tmp_path: Path):
    """A workbook no known layout matches (a hand-kept follower log with a title above the
    table) gets the same generic column mapping as a CSV, keyed by its header row (the title is
    passed over); a bad cell is reported on its sheet row."""
    from connectors import importer

    rows = [
        ["Suivi des abonnés Instagram (saisi à la main)"],  # a title above the table
        [None, None, None],
        ["Jour", " Abonnés", "Note"],
        [dt.datetime(2026, 3, 2), 1200, "lancement"],
        [None, None, None],
        [dt.datetime(2026, 3, 3), 1210.0, None],
        [dt.datetime(2026, 3, 4), "douze cents", None],
    ]
    save = save_as_xls if ext == "xls" else (lambda sheets, dest: write_xlsx(dest, sheets))
    cover = [["Classeur tenu par l’équipe communication"]]  # a cover sheet with a single note
    path = save({"Lisez-moi": cover, "Abonnés": rows}, tmp_path / f"suivi.{ext}")
    root = tmp_path / "store"
    det = importer.detect(path, root=root, workspace="t")
    assert det.error is not None and det.error.code == "unknown_layout"
    assert det.headers == ["Jour", "Abonnés", "Note"]
    importer.save_mapping(root, "t", det.headers, {"Jour": "date", "Abonnés": "followers"}, "audience", "instagram", "suivi")
    assert importer.detect(path, root=root, workspace="t").format == "generic_mapping"
    with pytest.raises(ImportFailure) as exc:
        importer.import_path(root, "t", path)
    msg = str(exc.value)
    assert f"suivi.{ext}[Abonnés]:7:" in msg and "Abonnés" in msg and "douze cents" in msg, msg
    assert not list(root.rglob("*.parquet"))
    rows[6][1] = "1 215"  # a number typed as text with a thousands space still reads
    path = save({"Lisez-moi": cover, "Abonnés": rows}, path)
    res = importer.import_path(root, "t", path)
    assert [(r["table"], r["rows_added"]) for r in res if r["rows_read"]] == [("audience", 3)]
    got = store.read_table(root, "t", "audience").sort_values("date")
    assert [str(d) for d in got["date"]] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert got["followers"].tolist() == [1200, 1210, 1215]
    assert set(got["platform"]) == {"instagram"} and set(got["account"]) == {"suivi"}


def test_csv_with_a_title_line_is_mapped_on_its_header(tmp_path: Path):
    """The same rule for a CSV: a title line above the table is not taken for the header."""
    from connectors import importer

    path = tmp_path / "suivi.csv"
    path.write_text("Suivi des abonnés;;\n;;\nJour;Abonnés;Note\n02/03/2026;1200;lancement\n03/03/2026;1 210;\n", encoding="utf-8")
    root = tmp_path / "store"
    det = importer.detect(path, root=root, workspace="t")
    assert det.error is not None and det.error.code == "unknown_layout"
    assert det.headers == ["Jour", "Abonnés", "Note"]
    importer.save_mapping(root, "t", det.headers, {"Jour": "date", "Abonnés": "followers"}, "audience", "x", "suivi")
    res = importer.import_path(root, "t", path)
    assert [(r["table"], r["rows_added"]) for r in res if r["rows_read"]] == [("audience", 2)]
    got = store.read_table(root, "t", "audience").sort_values("date")
    assert [str(d) for d in got["date"]] == ["2026-03-02", "2026-03-03"] and got["followers"].tolist() == [1200, 1210]


@pytest.mark.parametrize(
    ("sep", "order", "want"),
    [(";", None, "2026-03-02"), (",", None, "2026-02-03"), (",", "dmy", "2026-03-02"), (";", "mdy", "2026-02-03")],
)
def test_ambiguous_dates_follow_the_mapping_date_order(sep: str, order: str | None, want: str, tmp_path: Path):
    """02/03/2026 in a column where every date reads both ways: the order saved with the
    mapping, else day first for a semicolon-separated file; 25/03 in the column settles it."""
    from connectors import importer

    path = tmp_path / "suivi.csv"
    path.write_text(sep.join(["Jour", "Abonnés"]) + "\n" + sep.join(["02/03/2026", "1200"]) + "\n", encoding="utf-8")
    root = tmp_path / "store"
    importer.save_mapping(root, "t", ["Jour", "Abonnés"], {"Jour": "date", "Abonnés": "followers"}, "audience", "x", "suivi", order)
    importer.import_path(root, "t", path)
    assert [str(d) for d in store.read_table(root, "t", "audience")["date"]] == [want]
    path.write_text(path.read_text() + sep.join(["25/03/2026", "1300"]) + "\n", encoding="utf-8")
    importer.import_path(root, "t", path)
    got = store.read_table(root, "t", "audience").sort_values("date")
    assert [str(d) for d in got["date"]][-2:] == ["2026-03-02", "2026-03-25"]


def test_save_mapping_refuses_an_unknown_date_order(tmp_path: Path):
    from connectors import importer

    with pytest.raises(ValueError, match="date_order"):
        importer.save_mapping(tmp_path, "t", ["Jour"], {"Jour": "date"}, "audience", "x", None, "ymd")
