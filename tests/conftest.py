"""Shared fixtures.

* ``demo_root`` (session): a temporary store holding the generated ``demo`` workspace
  (ending with the last complete ISO week before today, like a first run of the app).
  Treat it as read-only; copy it (``demo_copy``) to modify.
* ``demo_copy``: a private copy of that store for one test.
* ``app_store``: points ``BOUSSOLE_STORE`` at ``demo_root`` for the test (for AppTest).
* ``SHARED``: the shared folder beside the repository (``../shared``), or ``$BOUSSOLE_SHARED``
  when set (``BOUSSOLE_SHARED=/nonexistent`` runs the suite as a public clone would).
  ``SHARED_FIXTURES`` is its ``fixtures/real_exports``; tests that need it skip with
  :func:`shared_absent` as the reason. Every format family is also tested on the synthetic
  samples of ``tests/data/samples`` (``tests/data/make_samples.py``), which never skip.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BOUSSOLE_SHARED") or PROJECT.parent / "shared")
SHARED_FIXTURES = SHARED / "fixtures" / "real_exports"


def shared_absent(path: Path | None = None) -> str:
    """The skip reason of a test that needs the shared real exports."""
    where = path if path is not None else SHARED_FIXTURES
    return f"shared real exports absent ({where}); set BOUSSOLE_SHARED to the shared folder to run this test"


X_TWEET_EXPORT = SHARED_FIXTURES / "twitter_x" / "tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv"


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory) -> Path:
    gen = pytest.importorskip("sample_data.generate")
    root = tmp_path_factory.mktemp("store")
    gen.ensure_demo(root, dt.date.today())
    assert (root / "demo").is_dir()
    return root


@pytest.fixture
def demo_copy(demo_root, tmp_path) -> Path:
    dst = tmp_path / "store"
    shutil.copytree(demo_root, dst)
    return dst


@pytest.fixture
def app_store(demo_root, monkeypatch) -> Path:
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_root))
    return demo_root


@pytest.fixture
def real_x_export() -> Path:
    if not X_TWEET_EXPORT.is_file():
        pytest.skip(shared_absent(X_TWEET_EXPORT))
    return X_TWEET_EXPORT


@pytest.fixture(autouse=True, scope="session")
def _apptest_uses_navigation():
    """``AppTest`` resets ``PagesManager.uses_pages_directory`` before every run, so with a
    ``pages/`` folder beside ``app.py`` every rerun after the first goes through Streamlit's
    legacy pages-folder mode and runs the page file WITHOUT ``app.py`` (no sidebar, stale
    context). A live server flips the flag off for good on the first ``st.navigation`` call;
    this makes AppTest behave the same."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.testing.v1 import app_test
    except ImportError:  # pragma: no cover
        yield
        return

    class _NavigationPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    original = app_test.PagesManager
    app_test.PagesManager = _NavigationPagesManager
    yield
    app_test.PagesManager = original
