"""Helpers shared by the format tests: run the import CLI, fingerprint a store."""

from __future__ import annotations

import contextlib
import hashlib
import io
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


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under the store root (Parquet, config, manifests, dotfiles), by
    relative path; {} when the root does not exist. For "a failed import changes nothing"."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An .xlsx workbook with these sheets (name -> rows), in order; returns ``path``."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def import_twice(capsys, path: Path, root: Path, *extra: str) -> list[dict]:
    """Import ``path`` twice: the second import adds and updates nothing and leaves the store
    byte-identical. The JSON lines of the first import."""
    first = run_import(capsys, path, root, *extra)
    before = snapshot(root)
    again = run_import(capsys, path, root, *extra)
    assert all(r["rows_added"] == 0 and r["rows_updated"] == 0 for r in again), again
    assert snapshot(root) == before
    return first


def import_quiet(path: Path, root: Path, account: str | None = None) -> tuple[int, list[dict], str]:
    """Import ``path`` into workspace ``t`` of the store ``root`` (optionally ``--account``),
    stdout and stderr captured here (no capsys) -> (exit code, JSON lines, stderr)."""
    args = ["import", str(path), "--workspace", "t", "--store", str(root)] + (["--account", account] if account else [])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli(args)
    return rc, [json.loads(x) for x in out.getvalue().splitlines() if x.strip()], err.getvalue()


def store_bytes(root: Path) -> dict[str, bytes]:
    """The bytes of every parquet file of the store, by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.parquet"))}


def import_twice_quiet(path: Path, root: Path, account: str | None = None) -> list[dict]:
    """:func:`import_quiet` twice: both succeed, the second adds and updates nothing and leaves
    every parquet file byte-identical. The JSON lines of the first import."""
    rc, res, err = import_quiet(path, root, account)
    assert rc == 0, err
    before = store_bytes(root)
    rc2, res2, err2 = import_quiet(path, root, account)
    assert rc2 == 0, err2
    assert all(r["rows_added"] == 0 and r["rows_updated"] == 0 for r in res2), res2
    assert store_bytes(root) == before
    return res
