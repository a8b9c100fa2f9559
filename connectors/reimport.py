"""Recognise a re-import of a file already imported, without pandas or pyarrow.

``python -m connectors import`` asks :func:`unchanged_file` before loading the import machinery
(pandas, pyarrow and the format modules cost ~0.45 s of CPU to load, more than the rest of a
no-op re-import of a 1M-row file). Each import commit records in the manifest, besides the
digest of :func:`connectors.importer.import_digest` (which needs the detected format and the
workspace time zone), a *file digest* of what decides that digest: the file's sha256, the
account, :data:`PARSER_VERSION` and the bytes of the workspace documents read by the import
(settings, generic mappings, lexicon, learnt layer). The same file digest therefore means the
same import digest, and the check is then the store's (:func:`connectors.store.unchanged_import`):
the partition files that hold the file's rows are still the current ones. Any other case (a
setting saved since, even unchanged in effect) imports in full, which still short-circuits on
the import digest when nothing changed.

Also home of the store's location helpers (:func:`resolve_root`, :func:`check_workspace_name`),
re-exported by :mod:`connectors.store`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
WORKSPACE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")
MANIFEST = "_manifest.json"
PARSER_VERSION = 1  # part of the import digests: bump when a parser's output for the same bytes changes
# workspace documents an import reads (time zone, generic mappings, scorer lexicon and layer)
IMPORT_DOCS = ("workspace", "mappings", "lexicon", "sentiment_layer")


def resolve_root(store: str | os.PathLike[str] | None = None) -> Path:
    """Store root: ``store`` argument, else ``$BOUSSOLE_STORE``, else ``<project>/data``."""
    if store:
        return Path(store).expanduser().resolve()
    env = os.environ.get("BOUSSOLE_STORE")
    if env:
        return Path(env).expanduser().resolve()
    return PROJECT_DIR / "data"


def check_workspace_name(name: str) -> str:
    # \Z, not $: "$" also matches before a trailing newline ("acme\n" would be accepted)
    if not isinstance(name, str) or not WORKSPACE_RE.match(name) or name in (".", ".."):
        raise ValueError(
            f"invalid workspace name {name!r}: use 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    return name


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_digest(sha256: str, root: Path, workspace: str, account: str | None) -> str:
    """The file digest (see the module docstring)."""
    h = hashlib.sha256()
    h.update(json.dumps({"sha256": sha256, "account": account, "parser": PARSER_VERSION}, sort_keys=True).encode("utf-8"))
    cfg = Path(root) / check_workspace_name(workspace) / "_config"
    for name in IMPORT_DOCS:
        p = cfg / f"{name}.json"
        h.update(b"\x00" + (p.read_bytes() if p.exists() else b""))
    return h.hexdigest()


def parts_current(m: dict[str, Any], rec: dict[str, Any]) -> dict[str, int] | None:
    """``{table: rows_read}`` when every partition file recorded in ``rec`` (an ``import_digests``
    entry) is still the current one in manifest ``m``, else None."""
    tables = m.get("tables", {})
    for info in rec.values():
        if not isinstance(info, dict):
            return None
    for table, info in rec.items():
        cur = tables.get(table, {})
        if any(name is None or cur.get(part) != name for part, name in (info.get("parts") or {}).items()):
            return None
    return {table: int(info.get("rows_read", 0)) for table, info in rec.items()}


def unchanged_file(root: Path, workspace: str, digest: str) -> tuple[str, dict[str, int]] | None:
    """``(format, {table: rows_read})`` when the file of :func:`file_digest` ``digest`` was
    imported and its rows are stored as that import left them, else None."""
    try:
        m = json.loads((Path(root) / check_workspace_name(workspace) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    q = (m.get("import_files") or {}).get(digest) if isinstance(m, dict) else None
    if not isinstance(q, dict):
        return None
    rec = (m.get("import_digests") or {}).get(q.get("digest"))
    if not isinstance(rec, dict) or not rec or not all(t in m.get("tables", {}) or not (info or {}).get("parts") for t, info in rec.items()):
        return None
    same = parts_current(m, rec)
    return (str(q.get("format")), same) if same is not None else None


def unchanged_results(file: str, fmt: str, counts: dict[str, int]) -> list[dict[str, Any]]:
    """What an import reports for a file whose rows are all stored already: one result per
    table, every row read skipped (the command line and :func:`connectors.importer.import_path`)."""
    return [{"file": file, "format": fmt, "table": table, "rows_read": n, "rows_added": 0, "rows_updated": 0,
             "rows_skipped": n} for table, n in counts.items()]
