"""Two imports at once: one's tidying removes the empty ``<store>/.tmp`` while the other is
between creating it and creating its spill lock in it (seen once in ~20 runs of the parallel
import test as FileNotFoundError on ``.tmp/spill-….lock``). The second import tries again."""

from __future__ import annotations

import shutil

import pytest

from connectors import store


def test_spill_folder_survives_tmp_removed_under_it(tmp_path, monkeypatch):
    """filelock creates the lock's folder itself, then opens the lock file: the other import's
    tidying removes the folder in between, once."""
    acq = pytest.importorskip("filelock._core._acquire")
    real = acq.ensure_directory_exists
    removed = []

    def ensure_then_lose(path, *args, **kwargs):
        out = real(path, *args, **kwargs)
        if not removed:
            shutil.rmtree(tmp_path / store.TMP_DIR)
            removed.append(True)
        return out

    monkeypatch.setattr(acq, "ensure_directory_exists", ensure_then_lose)
    d, lock = store._new_spill_dir(tmp_path)
    try:
        assert removed and d.is_dir() and d.parent == tmp_path / store.TMP_DIR
        assert lock.is_locked
    finally:
        lock.release()
