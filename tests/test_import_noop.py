"""Importing the same file again short-circuits on its digest (sha256 of the bytes + what
decides the stored rows) when the partition files holding its rows are still the current
ones: nothing is parsed or written, and the result says "0 new, N unchanged". Any change
(one row of the file, the store since, the workspace time zone, an undo) imports in full."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from connectors import importer, store
from connectors.formats import listening

DATA = Path(__file__).resolve().parent / "data"
NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
SRC = DATA / "mentions_plain_en.csv"


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def no_parse(monkeypatch) -> None:
    def boom(self, doc, ctx):
        raise AssertionError("parsed although the file was imported already")

    monkeypatch.setattr(listening.PlainMentions, "parse", boom)


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path, list[dict]]:
    root = tmp_path / "store"
    f = tmp_path / "mentions.csv"
    f.write_bytes(SRC.read_bytes())
    first = importer.import_path(root, "ws", f, now=NOW)
    return root, f, first


def test_identical_reimport_reads_and_writes_nothing(imported, monkeypatch) -> None:
    root, f, first = imported
    n = first[0]["rows_read"]
    assert n == len(SRC.read_text().splitlines()) - 1 and first[0]["rows_added"] > 0
    before = snapshot(root)
    no_parse(monkeypatch)
    again = importer.import_path(root, "ws", f, now=NOW + dt.timedelta(hours=1))
    assert again == [{"file": "mentions.csv", "format": "mentions_csv", "table": "mentions", "rows_read": n, "rows_added": 0,
                      "rows_updated": 0, "rows_skipped": n}]
    assert snapshot(root) == before  # byte for byte, manifest and import log included


def test_same_content_under_another_name_is_recognised(imported, tmp_path: Path, monkeypatch) -> None:
    root, f, first = imported
    other = tmp_path / "renamed.csv"
    other.write_bytes(f.read_bytes())
    before = snapshot(root)
    no_parse(monkeypatch)
    res = importer.import_bytes(root, "ws", other.read_bytes(), "renamed.csv", now=NOW)
    assert res[0]["rows_added"] == 0 and res[0]["rows_skipped"] == first[0]["rows_read"]
    assert snapshot(root) == before


def test_one_changed_row_is_written(imported) -> None:
    root, f, _ = imported
    lines = f.read_text().splitlines(keepends=True)
    assert lines[1].rstrip().endswith(",5400")  # the first mention's reach
    lines[1] = lines[1].rstrip()[: -len("5400")] + "5401\n"
    f.write_text("".join(lines))
    before = snapshot(root)
    res = importer.import_path(root, "ws", f, now=NOW)
    assert res[0]["rows_added"] == 0 and res[0]["rows_updated"] == 1
    assert snapshot(root) != before
    m = store.read_table(root, "ws", "mentions")
    assert 5401 in set(m["reach"].dropna().astype(int))
    assert 5400 not in set(m["reach"].dropna().astype(int))


def test_a_row_changed_since_by_another_import_is_restored(imported, tmp_path: Path) -> None:
    """The recorded partition file was replaced: the file is imported in full again (last wins)."""
    root, f, _ = imported
    lines = f.read_text().splitlines(keepends=True)
    b = tmp_path / "b.csv"
    b.write_text(lines[0] + lines[1].rstrip()[: -len("5400")] + "9999\n")
    assert importer.import_path(root, "ws", b, now=NOW)[0]["rows_updated"] == 1
    res = importer.import_path(root, "ws", f, now=NOW)
    assert res[0]["rows_updated"] == 1
    assert 9999 not in set(store.read_table(root, "ws", "mentions")["reach"].dropna().astype(int))


def test_an_unrelated_import_since_keeps_the_short_circuit(imported, tmp_path: Path, monkeypatch) -> None:
    root, f, first = imported
    other = tmp_path / "other.csv"
    other.write_text("date,text,url\n2019-03-01 10:00,an old unrelated mention,https://ex.com/unrelated\n")
    assert importer.import_path(root, "ws", other, now=NOW)[0]["rows_added"] == 1
    no_parse(monkeypatch)
    res = importer.import_path(root, "ws", f, now=NOW)
    assert res[0]["rows_skipped"] == first[0]["rows_read"]


def test_a_new_time_zone_imports_in_full(imported) -> None:
    root, f, _ = imported
    store.save_config(root, "ws", "workspace", {"timezone": "America/New_York"})
    res = importer.import_path(root, "ws", f, now=NOW)
    assert res[0]["rows_added"] + res[0]["rows_updated"] > 0  # naive times now read as New York times (new ids where there is no url)


def test_after_undo_the_file_imports_again(imported) -> None:
    root, f, first = imported
    store.undo_last(root, "ws")
    assert store.table_stats(root, "ws", "mentions")["rows"] == 0
    res = importer.import_path(root, "ws", f, now=NOW)
    assert res[0]["rows_added"] == first[0]["rows_added"]


# ----------------------------------------------------------------------------- the CLI's check before loading the importer


def _cli(root: Path, f: Path, *extra: str) -> tuple[list[dict], str]:
    import json
    import subprocess
    import sys

    code = ("import sys, runpy\nsys.argv = ['connectors', *sys.argv[1:]]\ntry:\n    runpy.run_module('connectors', run_name='__main__')\n"
            "finally:\n    print('LOADED ' + ' '.join(m for m in ('pandas', 'pyarrow') if m in sys.modules), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, "import", str(f), "--workspace", "ws", "--store", str(root), *extra],
                         cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    loaded = [ln for ln in out.stderr.splitlines() if ln.startswith("LOADED")][-1]
    return [json.loads(ln) for ln in out.stdout.splitlines()], loaded


def test_cli_reimport_answers_without_loading_pandas(tmp_path: Path) -> None:
    """The CLI recognises the file from the manifest (file digest -> import digest) before loading
    pandas or pyarrow, and says what the full no-op says; the store stays byte-identical."""
    root = tmp_path / "store"
    f = tmp_path / "mentions.csv"
    f.write_bytes(SRC.read_bytes())
    first, loaded = _cli(root, f)
    assert first[0]["rows_added"] > 0 and loaded == "LOADED pandas pyarrow"
    before = snapshot(root)
    again, loaded = _cli(root, f)
    assert loaded == "LOADED "  # neither pandas nor pyarrow
    n = first[0]["rows_read"]
    assert again == [{"file": str(f), "format": "mentions_csv", "table": "mentions", "rows_read": n, "rows_added": 0, "rows_updated": 0,
                      "rows_skipped": n}]
    assert again == [{**r, "file": str(f)} for r in importer.import_path(root, "ws", f, file_name=str(f))]  # the full check's answer
    assert snapshot(root) == before


def test_cli_reimport_after_a_change_goes_through_the_importer(tmp_path: Path) -> None:
    """A setting saved since (the time zone), another account, or the file's rows replaced since:
    the file digest no longer proves anything, the importer runs (and decides)."""
    root = tmp_path / "store"
    f = tmp_path / "mentions.csv"
    f.write_bytes(SRC.read_bytes())
    _cli(root, f)
    lines = f.read_text().splitlines(keepends=True)
    b = tmp_path / "b.csv"
    b.write_text(lines[0] + lines[1].rstrip()[: -len("5400")] + "9999\n")
    assert _cli(root, b)[0][0]["rows_updated"] == 1
    res, loaded = _cli(root, f)
    assert res[0]["rows_updated"] == 1 and loaded == "LOADED pandas pyarrow"  # the row changed since is restored
    assert _cli(root, f, "--account", "other")[1] == "LOADED pandas pyarrow"
    store.save_config(root, "ws", "workspace", {"timezone": "America/New_York"})
    res, loaded = _cli(root, f)
    assert loaded == "LOADED pandas pyarrow" and res[0]["rows_added"] + res[0]["rows_updated"] > 0
    assert _cli(root, f)[1] == "LOADED "  # recorded again by that import
