"""Unit checks behind the fault corpus (fast, in-process): numbers, encodings, quotes,
widths, and the French texts of the new refusals."""

from __future__ import annotations

import pandas as pd
import pytest

from connectors import importer, store
from connectors.errors import ImportFailure
from connectors.formats.google_analytics import classify
from connectors.readers import detect_encoding, open_document, parse_number


@pytest.mark.parametrize("v", ["1e309", "-1e400", 1e309, float("-inf")])
def test_non_finite_numbers_are_refused(v):
    with pytest.raises(ValueError):
        parse_number(v)


def test_inf_text_is_still_a_missing_marker():
    assert parse_number("inf") is None  # exports write it for a rate divided by zero


def test_stray_cp1252_byte_in_utf8_is_decoded_per_byte(tmp_path):
    data = "date,text\n2025-01-01,café\n".encode() + "2025-01-02,déjà\n".encode("cp1252")
    assert detect_encoding(data) == "utf-8"
    p = tmp_path / "m.csv"
    p.write_bytes(data)
    doc = open_document(p)
    assert [r.cells for r in doc.records()] == [["date", "text"], ["2025-01-01", "café"], ["2025-01-02", "déjà"]]


def test_a_whole_cp1252_file_is_still_cp1252():
    assert detect_encoding("date,text\n2025-01-01,café crème à la forêt\n".encode("cp1252")) == "cp1252"


def test_unclosed_quote_names_its_line_and_cell(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('a,b\n1,2\n3,"never closed\n5,6\n7,8\n', encoding="utf-8")
    with pytest.raises(ImportFailure) as exc:
        list(open_document(p).iter_records())
    assert (exc.value.line, exc.value.column, exc.value.code) == (3, "#2", "csv")
    assert "(3 lines swallowed)" in str(exc.value.found)  # lines 3, 4 and 5


def test_closed_multiline_quote_at_end_of_file_is_fine(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('a,b\n1,"two\nlines"', encoding="utf-8")  # no newline at the end
    assert [r.cells for r in open_document(p).iter_records()][-1] == ["1", "two\nlines"]


def test_classify_is_linear_on_a_wide_header():
    import time

    t = time.perf_counter()
    classify([f"Text column {i}" for i in range(20000)], [["x"] * 20000])
    assert time.perf_counter() - t < 5  # was quadratic: minutes


def test_too_wide_header_is_refused_before_sniffing(tmp_path):
    p = tmp_path / "w.csv"
    p.write_text(",".join(f"c{i}" for i in range(importer.MAX_COLUMNS + 1)) + "\n" + "1\n", encoding="utf-8")
    with pytest.raises(ImportFailure) as exc:
        importer.import_path(tmp_path / "s", "w", p)
    assert exc.value.code == "too_wide" and exc.value.params["found_columns"] == importer.MAX_COLUMNS + 1
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("date", ["0001-01-01", "1900-01-01", "1969-12-31"])
def test_placeholder_dates_are_refused(date):
    df = pd.DataFrame({"date": [date], "platform": ["x"], "account": ["a"], "followers": [1]})
    with pytest.raises(ImportFailure) as exc:
        store.conform(df, "audience", "f.csv")
    assert exc.value.code == "past" and exc.value.found_is_value


def test_1970_is_accepted():
    df = pd.DataFrame({"date": ["1970-01-01"], "platform": ["x"], "account": ["a"], "followers": [1]})
    assert len(store.conform(df, "audience", "f.csv")) == 1


def test_new_refusals_read_in_french():
    from ui.importview import failure_text

    cases = [
        ImportFailure("f.csv", "too many columns", 1, None, "at most 2000 columns", "2800 columns", code="too_wide",
                      params={"found_columns": 2800, "max_columns": 2000}),
        ImportFailure("f.csv", "cell too long", 3, None, "cells of at most 1 characters", "a longer cell", code="cell_too_long",
                      params={"max_chars": 1048576}),
        ImportFailure("f.csv", "date too old", 3, "date", "a date from 1970-01-01 on", "1900-01-01", code="past"),
    ]
    for exc in cases:
        head, detail = failure_text(exc, "fr")
        assert head and "expected" not in (head + detail).lower() and "found" not in (head + detail).lower(), (head, detail)
    assert "2800" in failure_text(cases[0], "fr")[0]
