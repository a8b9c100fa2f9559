"""Shared fixtures.

* ``demo_root`` (session): a temporary store holding the generated ``demo`` workspace
  (ending with the last complete ISO week before today, like a first run of the app).
  Built ONCE per test run and shared by every pytest-xdist worker: treat it as read-only;
  copy it (``demo_copy``) to modify. The session's teardown fails if a test changed it.
* ``shared_readonly`` (session): ``shared_readonly(name, build)`` -> a folder built once per
  run and shared by the workers (any expensive read-only store: demo_root is one).
* ``generated_demo`` (session): ``generated_demo(end)`` -> ``(root, manifest)`` of a store
  holding ``sample_data.generate.generate(root, "demo", end=end)``, built once per run and
  ``end`` (shared by the workers like ``demo_root``; read-only too).
* Expensive module-scoped fixtures are built once: a test module with a module-scoped fixture
  of its own runs on ONE xdist worker (``--dist loadgroup``, grouped here automatically).
* ``demo_copy``: a private copy of that store for one test.
* ``app_store``: points ``BOUSSOLE_STORE`` at ``demo_root`` for the test (for AppTest).
* ``SHARED``: the shared folder beside the repository (``../shared``), or ``$BOUSSOLE_SHARED``
  when set (``BOUSSOLE_SHARED=/nonexistent`` runs the suite as a public clone would).
  ``SHARED_FIXTURES`` is its ``fixtures/real_exports``; tests that need it skip with
  :func:`shared_absent` as the reason. Every format family is also tested on the synthetic
  samples of ``tests/data/samples`` (``tests/data/make_samples.py``), which never skip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from connectors.store import CACHE_DIR

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BOUSSOLE_SHARED") or PROJECT.parent / "shared")
SHARED_FIXTURES = SHARED / "fixtures" / "real_exports"


def shared_absent(path: Path | None = None) -> str:
    """The skip reason of a test that needs the shared real exports."""
    where = path if path is not None else SHARED_FIXTURES
    return f"shared real exports absent ({where}); set BOUSSOLE_SHARED to the shared folder to run this test"


X_TWEET_EXPORT = SHARED_FIXTURES / "twitter_x" / "tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv"


@contextlib.contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``lock`` (blocks until the other holder lets go)."""
    import fcntl

    with open(lock, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder ``name`` made by ``build(folder)`` once per test run: under pytest-xdist the
    workers share one build (the first builds under a file lock, the others wait for it and
    reuse it) in the run's common temporary folder. Without xdist, or without ``fcntl``
    (Windows), each process builds its own. A build that raised is retried by the next caller."""
    base = tmp_path_factory.getbasetemp()
    try:
        import fcntl  # noqa: F401
    except ImportError:  # pragma: no cover - Windows: no sharing between workers
        shared = False
    else:
        shared = bool(os.environ.get("PYTEST_XDIST_WORKER"))
    common = base.parent if shared else base  # .../pytest-N (one per run) under xdist
    target = common / f"shared-{name}"
    done = common / f"shared-{name}.done"
    if done.is_file():
        return target
    with _exclusive(common / f"shared-{name}.lock"):
        if not done.is_file():
            if target.exists():
                shutil.rmtree(target)
            target.mkdir()
            build(target)
            done.write_text("ok", encoding="utf-8")
    return target


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root`` by relative path (to prove a shared store is unchanged);
    the store's cache folder (derived files any reader may write, connectors.derived) is left out."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))
            if p.is_file() and CACHE_DIR not in p.relative_to(root).parts}


@pytest.fixture(scope="session")
def shared_readonly(tmp_path_factory) -> Iterator[Callable[[str, Callable[[Path], object]], Path]]:
    """``shared_readonly(name, build)`` -> the folder ``build(folder)`` made once per run (see
    :func:`built_once`), for tests that only READ it. The session's teardown fails, naming the
    files, if a test changed one of them: a test that writes needs its own copy."""
    digests: dict[Path, dict[str, str]] = {}

    def get(name: str, build: Callable[[Path], object]) -> Path:
        folder = built_once(tmp_path_factory, name, build)
        if folder not in digests:
            digests[folder] = tree_digest(folder)
        return folder

    yield get
    for folder, before in digests.items():
        after = tree_digest(folder)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        assert not changed, f"a test changed the shared read-only store {folder} (copy it to write): {changed[:10]}"


@pytest.fixture(scope="session")
def demo_root(shared_readonly) -> Path:
    gen = pytest.importorskip("sample_data.generate")
    today = dt.date.today()
    root = shared_readonly(f"demo-{today.isoformat()}", lambda d: gen.ensure_demo(d, today))
    assert (root / "demo").is_dir()
    return root


@pytest.fixture(scope="session")
def generated_demo(shared_readonly) -> Callable[[dt.date], tuple[Path, dict]]:
    """``generated_demo(end)`` -> (store root, manifest) of ``generate(root, "demo", end=end)``;
    one build per ``end`` and run, shared and read-only like ``demo_root``."""
    gen = pytest.importorskip("sample_data.generate")

    def build(end: dt.date, folder: Path) -> None:
        (folder / "store").mkdir()
        manifest = gen.generate(folder / "store", "demo", end=end)
        (folder / "manifest.pickle").write_bytes(pickle.dumps(manifest))  # exactly what generate() returned

    def get(end: dt.date) -> tuple[Path, dict]:
        folder = shared_readonly(f"generated-{end.isoformat()}", lambda d: build(end, d))
        return folder / "store", pickle.loads((folder / "manifest.pickle").read_bytes())

    return get


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under ``--dist loadgroup`` (pyproject), the tests of a module that has a module-scoped
    fixture of its own go to one worker, so that fixture (a generated store, a report, a
    corpus run) is built once instead of once per worker. Runs before xdist reads the marks.
    A module whose tests cost far more than its fixture (the browser tests: a server start of a
    few seconds, then minutes of pages) sets ``SPREAD_OVER_WORKERS = True`` and is not grouped:
    grouped, its ~10 minutes of tests ran on one worker while the other sat idle."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        module = getattr(item, "module", None)
        if info is None or module is None or getattr(module, "SPREAD_OVER_WORKERS", False):
            continue
        for name in item.fixturenames:
            defs = info.name2fixturedefs.get(name)
            if defs and defs[-1].scope == "module" and defs[-1].baseid == item.nodeid.split("::")[0]:
                item.add_marker(pytest.mark.xdist_group(module.__name__))
                break


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


@pytest.fixture(autouse=True, scope="session")
def _component_scan_once():
    """The first ``run()`` of every ``AppTest`` scans the metadata of every installed package for
    Streamlit components (``scan_component_manifests``): ~0.1 s of CPU per AppTest, several
    hundred AppTests per run. The installed packages do not change during a test run: scan once."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:  # pragma: no cover - a Streamlit without v2 components
        yield
        return
    original = manifest_scanner.scan_component_manifests
    found: list = []

    def scan_once(max_workers: int | None = None) -> list:
        if not found:
            found.append(original(max_workers))
        return list(found[0])

    manifest_scanner.scan_component_manifests = scan_once
    yield
    manifest_scanner.scan_component_manifests = original


@pytest.fixture(autouse=True, scope="session")
def _apptest_waits_without_polling():
    """``AppTest.run()`` waits for its script thread by polling every millisecond (a wake-up and
    a GIL hand-over 1,000 times a second of page run: ~7 % of the CPU of a page run here). Wait
    for the thread to end instead (``join`` with the same timeout, then Streamlit's timeout error
    if the run did not stop). No change to what a run does."""
    try:
        from streamlit.testing.v1 import local_script_runner as lsr
    except ImportError:  # pragma: no cover
        yield
        return
    original = lsr.require_widgets_deltas

    def wait(runner, timeout: float = 3) -> None:
        thread = getattr(runner, "_script_thread", None)
        if thread is None:  # not the LocalScriptRunner this was written for
            return original(runner, timeout)
        thread.join(timeout)
        if not runner.script_stopped():  # what Streamlit does on a timeout
            runner.request_stop()
            runner.join()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")

    lsr.require_widgets_deltas = wait
    yield
    lsr.require_widgets_deltas = original
