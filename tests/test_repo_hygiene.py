"""The repository holds no path of one machine: a public clone must behave like ours.

Every text file of the project (what git would ship, caches and local stores left out) is
scanned for absolute home/workspace folders such as ``/home/<user>/``, ``/Users/<user>/``,
``C:\\Users\\<user>\\`` or the workspace folder of the machine the project was built on.
Shared fixtures are found relative to the repository (``tests/conftest.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import PROJECT, SHARED, SHARED_FIXTURES

SKIP_DIRS = {".git", ".venv", "venv", "data", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "screenshots", "out", "node_modules"}
# built from pieces so that this file does not match itself
_SLASH = "/"
MACHINE_PATH = re.compile(
    "|".join(
        [
            r"(?<![\w.~])" + _SLASH + r"work" + _SLASH,  # the build machine's workspace
            r"(?<![\w.~])" + _SLASH + r"home" + _SLASH + r"[A-Za-z0-9_.-]+",  # a Linux home folder
            r"(?<![\w.~])" + _SLASH + r"Users" + _SLASH + r"[A-Za-z0-9_.-]+",  # a macOS home folder
            r"[A-Za-z]:\\\\?Users\\\\?[A-Za-z0-9_.-]+",  # a Windows profile
        ]
    )
)


def project_text_files(root: Path) -> list[Path]:
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or set(rel.parts[:-1]) & SKIP_DIRS or rel.parts[0] in SKIP_DIRS:
            continue
        head = p.read_bytes()[:8192]
        if b"\x00" in head or p.suffix in {".parquet", ".xlsx", ".xls", ".png", ".jpg", ".gz", ".zip"}:
            continue  # binary
        out.append(p)
    return out


def machine_paths(root: Path) -> list[str]:
    hits = []
    for p in project_text_files(root):
        text = p.read_text(encoding="utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            m = MACHINE_PATH.search(line)
            if m:
                hits.append(f"{p.relative_to(root)}:{n}: {m.group(0)}")
    return hits


def test_no_machine_path_in_the_repository():
    files = project_text_files(PROJECT)
    assert len(files) > 100, "the scan must see the project's files"
    assert any(f.name == "README.md" for f in files) and any(f.name == "conftest.py" for f in files)
    assert machine_paths(PROJECT) == []


def test_the_scan_catches_machine_paths(tmp_path):
    """The pattern is not a test that cannot fail: each kind of machine path is caught, and
    relative or system paths are not."""
    bad = {
        "a.py": "X = Path('" + _SLASH + "work" + _SLASH + "shared/fixtures')\n",
        "b.md": "see " + _SLASH + "home" + _SLASH + "alice/exports\n",
        "c.toml": 'dir = "' + _SLASH + "Users" + _SLASH + 'bob/boussole"\n',
        "d.ps1": "cd C:" + "\\" + "Users" + "\\" + "carol\\boussole\n",
    }
    good = {"e.py": "X = Path(__file__).parent / '../shared'\nY = '/usr/bin/chromium'\nZ = '~/work/x' \n"}
    for name, text in {**bad, **good}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    hits = machine_paths(tmp_path)
    assert sorted(h.split(":")[0] for h in hits) == sorted(bad)


def test_shared_fixtures_are_found_relative_to_the_repository(monkeypatch):
    """Without BOUSSOLE_SHARED the shared folder is ``../shared`` beside the repository."""
    import os

    if os.environ.get("BOUSSOLE_SHARED"):
        assert Path(os.environ["BOUSSOLE_SHARED"]) == SHARED
    else:
        assert SHARED == PROJECT.parent / "shared"
    assert SHARED_FIXTURES == SHARED / "fixtures" / "real_exports"
