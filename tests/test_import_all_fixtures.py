"""Every real export in the shared fixtures imports through the CLI, and a second
import of the same file adds nothing and leaves every table byte-identical."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from connectors.__main__ import main as cli
from tests.conftest import SHARED_FIXTURES, shared_absent

FIXTURES = SHARED_FIXTURES
NOT_EXPORTS = {"api_json", "rss", "sentiment_datasets"}


def export_files() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        p for p in FIXTURES.rglob("*")
        if p.is_file() and p.suffix.lower() in (".csv", ".xlsx", ".xls", ".tsv") and not (set(p.relative_to(FIXTURES).parts) & NOT_EXPORTS)
    )


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.parquet"))}


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = cli(["import", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=shared_absent())
@pytest.mark.parametrize("path", export_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_imports_and_reimport_is_a_noop(path: Path, tmp_path: Path, capsys):
    code, lines, err = run(capsys, str(path), "--workspace", "t", "--store", str(tmp_path))
    assert code == 0, err
    assert lines and all(line["file"] == str(path) for line in lines)
    # header-only templates and an ads export of an empty period ("No data available.") hold no rows
    empty = "HEADER_TEMPLATE" in path.name or b"No data available" in path.read_bytes()[:4096]
    total = sum(line["rows_read"] for line in lines)
    assert (total == 0) if empty else (total > 0), lines
    for line in lines:
        assert line["rows_read"] == line["rows_added"] + line["rows_updated"] + line["rows_skipped"]
    before = snapshot(tmp_path)
    code, again, err = run(capsys, str(path), "--workspace", "t", "--store", str(tmp_path))
    assert code == 0, err
    assert all(line["rows_added"] == 0 and line["rows_updated"] == 0 for line in again), again
    assert snapshot(tmp_path) == before
