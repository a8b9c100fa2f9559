"""Helpers shared by the format tests: run the import CLI, fingerprint a store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from connectors.__main__ import main as cli


def run_cli(capsys, *args: str) -> tuple[int, list[dict], str]:
    """Run the CLI with ``args`` -> (exit code, JSON lines of stdout, stderr)."""
    code = cli(list(args))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def run_import(capsys, path: Path, root: Path, *extra: str) -> list[dict]:
    """Import ``path`` into workspace ``t`` of the store ``root``; must succeed. The JSON lines."""
    code, lines, err = run_cli(capsys, "import", str(path), "--workspace", "t", "--store", str(root), *extra)
    assert code == 0, err
    return lines


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every parquet file of the store, by relative path."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.parquet"))}


def import_twice(capsys, path: Path, root: Path, *extra: str) -> list[dict]:
    """Import ``path`` twice: the second import adds and updates nothing and leaves the store
    byte-identical. The JSON lines of the first import."""
    first = run_import(capsys, path, root, *extra)
    before = snapshot(root)
    again = run_import(capsys, path, root, *extra)
    assert all(r["rows_added"] == 0 and r["rows_updated"] == 0 for r in again), again
    assert snapshot(root) == before
    return first
