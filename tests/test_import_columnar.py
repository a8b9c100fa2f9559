"""The column-wise path (``connectors/formats/columnar.py``, Arrow CSV reader + vectorised
numbers, dates, texts and sentiment; the first rows of a table written from Arrow,
``store.ARROW_FIRST_WRITE``, incoming rows held in memory instead of spilled,
``store.MEMORY_BYTES``) stores exactly what the record-by-record path and the pandas
merge store, and fails with exactly the same message, line and column.

Every file is imported twice into fresh stores of a workspace whose time zone is
Europe/Paris (naive times are converted, DST included): once with the columnar path, once
with both switched off (the reference). Every table is then
compared cell for cell (dtypes included; the import log without its random id)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from connectors import importer, store
from connectors.errors import ImportFailure
from connectors.formats import base, columnar, listening
from tests.conftest import SHARED_FIXTURES

DATA = Path(__file__).resolve().parent / "data"
NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
NOT_EXPORTS = {"api_json", "rss", "sentiment_datasets"}
HEADER = "date,text,url,author,source,sentiment,reach,engagements,id\n"


def _import(root: Path, path: Path, fast: bool, monkeypatch) -> tuple[dict[str, pd.DataFrame], list[dict] | tuple]:
    monkeypatch.setattr(columnar, "ENABLED", fast)
    monkeypatch.setattr(store, "ARROW_FIRST_WRITE", fast)
    monkeypatch.setattr(store, "MEMORY_BYTES", store.MEMORY_BYTES if fast else 0)  # the reference spills every chunk
    store.save_config(root, "ws", "workspace", {"timezone": "Europe/Paris", "lead_salt": "0123456789abcdef"})  # same CRM ids in both stores
    try:
        res: list[dict] | tuple = importer.import_path(root, "ws", path, now=NOW)
    except ImportFailure as exc:
        res = ("failure", str(exc), exc.code, exc.line, exc.column, exc.found)
    tables = {}
    for t in store.all_tables():
        df = store.read_table(root, "ws", t)
        if t == "imports":
            df = df.drop(columns=["import_id"])
        tables[t] = df
    return tables, res


def assert_same_import(path: Path, tmp_path: Path, monkeypatch) -> None:
    fast_tables, fast_res = _import(tmp_path / "fast", path, True, monkeypatch)
    ref_tables, ref_res = _import(tmp_path / "ref", path, False, monkeypatch)
    assert fast_res == ref_res
    for t, ref in ref_tables.items():
        pd.testing.assert_frame_equal(fast_tables[t], ref, check_exact=True, obj=f"{path.name}: table {t}")


def _spy(monkeypatch) -> list[bool]:
    """Record whether each columnar read was taken (True) or fell back (False)."""
    taken: list[bool] = []
    real = columnar.read_columns

    def spy(*a, **k):
        out = real(*a, **k)
        taken.append(out is not None)
        return out

    monkeypatch.setattr(columnar, "read_columns", spy)
    return taken


# ----------------------------------------------------------------------------- files of the repository


def _repo_files() -> list[Path]:
    return sorted(p for p in list(DATA.glob("*")) + list((DATA / "samples").glob("*")) if p.suffix.lower() in (".csv", ".tsv", ".xlsx", ".txt"))


@pytest.mark.parametrize("path", _repo_files(), ids=lambda p: p.name)
def test_repository_samples_store_the_same(path: Path, tmp_path: Path, monkeypatch) -> None:
    assert_same_import(path, tmp_path, monkeypatch)


def test_the_listening_samples_take_the_columnar_path(tmp_path: Path, monkeypatch) -> None:
    """Otherwise the comparisons above would compare the reference with itself."""
    taken = _spy(monkeypatch)
    expect = {"mentions_plain_en.csv": True, "mentions_plain_fr.csv": True, "listening_brandwatch.csv": True, "listening_meltwater_v2.csv": True,
              "listening_meltwater_utf16_tab.csv": False}  # its record 3 spans lines 3-4: read record by record
    for name, fast in expect.items():
        taken.clear()
        importer.import_path(tmp_path / name, "ws", DATA / name, now=NOW)
        assert taken == [fast], name


# ----------------------------------------------------------------------------- real exports (shared folder)


def _real_files() -> list[Path]:
    if not SHARED_FIXTURES.is_dir():
        return []
    return sorted(
        p for p in SHARED_FIXTURES.rglob("*")
        if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".xlsx", ".xls")
        and not (set(p.relative_to(SHARED_FIXTURES).parts) & NOT_EXPORTS)
    )


@pytest.mark.parametrize("path", _real_files(), ids=lambda p: str(p.relative_to(SHARED_FIXTURES)))
def test_real_exports_store_the_same(path: Path, tmp_path: Path, monkeypatch) -> None:
    assert_same_import(path, tmp_path, monkeypatch)


# ----------------------------------------------------------------------------- hand-made files, good and bad


def _rows(n: int, **override: str) -> list[list[str]]:
    rows = []
    for i in range(n):
        rows.append([f"2025-0{1 + i % 9}-{10 + i % 18} {i % 24:02d}:{i % 60:02d}", f"mention number {i} about the brand", f"https://ex.com/{i}",
                     f"user{i % 7}", ("x", "news", "Facebook", " blog ")[i % 4], ("positive", "neutral", "negative", "Positif", "-0.5", "")[i % 6],
                     str(10 * i), "" if i % 3 else str(i), ""])
    return rows


def _write(path: Path, rows: list[list[str]], header: str = HEADER, newline: str = "\n", encoding: str = "utf-8") -> Path:
    import csv
    import io

    buf = io.StringIO()
    buf.write(header.replace("\n", newline))
    w = csv.writer(buf, lineterminator=newline)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _cases(tmp: Path) -> dict[str, Path]:
    c: dict[str, Path] = {}
    base = _rows(60)
    c["good"] = _write(tmp / "good.csv", base)
    c["crlf_bom"] = _write(tmp / "crlf.csv", base, newline="\r\n", encoding="utf-8-sig")
    c["utf16_tab"] = tmp / "u16.csv"
    c["utf16_tab"].write_bytes(("\ufeff" + HEADER.replace(",", "\t") + "".join("\t".join(r) + "\n" for r in base)).encode("utf-16-le"))
    c["cp1252"] = _write(tmp / "cp.csv", [[r[0], r[1] + " café", *r[2:]] for r in base], encoding="cp1252")
    odd = [list(r) for r in base]
    odd[3][0] = "2025-03-14T09:30:00Z"
    odd[4][0] = "2025-03-14T09:30:00+05:30"
    odd[5][0] = "14/03/2025 9:30"  # per cell, day first in a column whose other dates are ISO
    odd[6][0] = " 2025-03-14 09:30 "
    odd[7][0] = "2025-03-30 02:30"  # does not exist in Paris: shifted forward
    odd[8][0] = "Mar 14, 2025 10:00 PM"
    odd[9][6] = "1 234"
    odd[10][6] = "3,2k"
    odd[11][6] = "n/a"
    odd[12][6] = "007"
    odd[13][1] = "  padded text  "
    odd[14][1] = "emoji 🎉 ending é"
    odd[15][3] = "N/A"
    odd[16][3] = "\u00a0"
    odd[17][4] = "SOCIALMEDIA_TWITTER"
    odd[18][5] = "0.25"
    odd[19][5] = "Négatif"
    odd[20][8] = "abc-1"  # explicit id
    odd[21][2] = ""  # no url: id from text + date
    odd[22] = list(odd[23])  # the same mention twice: the last wins
    odd[23][7] = "99"
    c["odd_cells"] = _write(tmp / "odd.csv", odd)
    c["blank_rows"] = tmp / "blank.csv"
    c["blank_rows"].write_text(HEADER + ",".join(base[0]) + "\n\n" + ",".join(base[1]) + "\n,,,,,,,,\n" + ",".join(base[2]) + "\n")
    multi = [list(r) for r in base]
    multi[2][1] = "a text\nover two lines"
    c["multiline"] = _write(tmp / "multi.csv", multi)
    c["short_row"] = tmp / "short.csv"
    c["short_row"].write_text(HEADER + ",".join(base[0]) + "\n" + ",".join(base[1][:4]) + "\n")
    c["no_final_newline"] = tmp / "nofinal.csv"
    c["no_final_newline"].write_text(HEADER + "\n".join(",".join(r) for r in base[:5]))
    c["dup_header_same"] = _write(tmp / "dupsame.csv", [r + [r[6]] for r in base], header=HEADER.rstrip("\n") + ",reach\n")
    bad = {
        "bad_date": (30, 0, "yesterday"),
        "empty_date": (40, 0, ""),
        "impossible_date": (12, 0, "2025-02-30 10:00"),
        "ambiguous_hour": (15, 0, "2025-10-26 02:30"),  # happens twice in Paris: not stored (required value missing)
        "bad_reach": (25, 6, "lots"),
        "fraction_reach": (25, 6, "12.5"),
        "negative_reach": (25, 6, "-3"),
        "bad_sentiment": (33, 5, "furious"),
        "sentiment_out_of_range": (33, 5, "3"),
        "missing_text": (44, 1, "  "),
        "future_date": (50, 0, "2031-01-01"),
        "old_date": (50, 0, "1900-01-01"),
        "year_0001": (50, 0, "0001-01-01 10:00"),
        "year_9999": (50, 0, "9999-12-31 10:00"),
    }
    for name, (row, col, value) in bad.items():
        rows = [list(r) for r in base]
        rows[row][col] = value
        c[name] = _write(tmp / f"{name}.csv", rows)
    two = [list(r) for r in base]
    two[50][0] = "not a date"
    two[20][6] = "not a number"  # earlier line, later column: the file's order of checks decides
    c["two_errors"] = _write(tmp / "two.csv", two)
    dup = [r + [r[6]] for r in base]
    dup[30][-1] = "1"
    c["dup_header_differs"] = _write(tmp / "dupdiff.csv", dup, header=HEADER.rstrip("\n") + ",reach\n")
    return c


CASES = ["good", "crlf_bom", "utf16_tab", "cp1252", "odd_cells", "blank_rows", "multiline", "short_row", "no_final_newline",
         "dup_header_same", "bad_date", "empty_date", "impossible_date", "ambiguous_hour", "bad_reach", "fraction_reach",
         "negative_reach", "bad_sentiment", "sentiment_out_of_range", "missing_text", "future_date", "old_date", "year_0001", "year_9999", "two_errors",
         "dup_header_differs"]


@pytest.mark.parametrize("case", CASES)
def test_hand_made_files_store_or_fail_the_same(case: str, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "files").mkdir()
    assert_same_import(_cases(tmp_path / "files")[case], tmp_path, monkeypatch)


@pytest.mark.parametrize("case", ["good", "odd_cells", "blank_cells_row", "two_errors", "bad_reach", "missing_text", "dup_header_differs"])
def test_many_blocks_chunks_and_a_spill_store_or_fail_the_same(case: str, tmp_path: Path, monkeypatch) -> None:
    """The same files cut in many CSV blocks (blocks end inside chunks), chunks of 7 rows in both
    paths (a chunk without export sentiment is scored; the first chunk with an error decides which
    error is reported), and incoming rows held in memory for the first chunks only, then spilled:
    line numbers, labels, the last duplicate winning across chunks and the partitions' order must
    not change."""
    (tmp_path / "files").mkdir()
    files = _cases(tmp_path / "files")
    if case == "blank_cells_row":  # a row of empty cells (no blank line): dropped column-wise
        rows = _rows(40)
        rows[17] = [""] * 9
        rows[30] = list(rows[3])  # a duplicate in a later chunk: the last wins
        files[case] = _write(tmp_path / "files" / "blank_cells.csv", rows)
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 700)
    monkeypatch.setattr(listening, "CHUNK_ROWS", 7)
    monkeypatch.setattr(base, "CHUNK_ROWS", 7)
    real_upsert = store.Transaction.upsert

    def upsert(self, table, df):  # room in memory for about two chunks, then every chunk is spilled
        monkeypatch.setattr(store, "MEMORY_BYTES", 3000 if store.MEMORY_BYTES else 0)
        return real_upsert(self, table, df)

    monkeypatch.setattr(store.Transaction, "upsert", upsert)
    taken = _spy(monkeypatch)
    assert_same_import(files[case], tmp_path, monkeypatch)
    assert taken[0] is True


def test_which_hand_made_files_take_the_columnar_path(tmp_path: Path, monkeypatch) -> None:
    """Blank rows, records over two lines and short rows are read record by record (their line
    numbers are only known that way); the rest, bad cells included, column-wise."""
    (tmp_path / "files").mkdir()
    files = _cases(tmp_path / "files")
    taken = _spy(monkeypatch)
    got = {}
    for case in CASES:
        taken.clear()
        try:
            importer.import_path(tmp_path / case, "ws", files[case], now=NOW)
        except ImportFailure:
            pass
        got[case] = taken[-1] if taken else None
    assert {k for k, v in got.items() if v is False} == {"blank_rows", "multiline", "short_row"}
    assert all(got[k] for k in CASES if k not in {"blank_rows", "multiline", "short_row"})
