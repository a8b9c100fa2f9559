"""Crash, concurrency and isolation guarantees of the store (issue 15 items 1-3, issue 18 item 2).

* every module imports without ``fcntl`` (Windows);
* parallel imports with different ``TMPDIR`` equal the sequential result, and leave no file
  outside the store;
* SIGKILL at every step of the commit protocol (and at seeded random moments) never
  leaves duplicates or a torn table; re-running the import completes it;
* readers during imports only ever see whole versions;
* a store written by the previous (manifest-less) writer is read as is and migrated;
* ``undo_last`` restores the previous version.

``BOUSSOLE_KILL_TRIALS`` (default 6) sets the number of random-kill trials; run with 200
for the full campaign.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from connectors import store
from connectors.__main__ import main as import_cli

PROJECT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.timezone.utc)
POSIX = os.name == "posix"


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT), **extra}


def audience(account: str, days: int, followers, start: str = "2025-01-01") -> pd.DataFrame:
    dates = pd.date_range(start, periods=days, freq="D").strftime("%Y-%m-%d")
    vals = followers if isinstance(followers, list) else [followers] * days
    return pd.DataFrame({"date": dates, "platform": "x", "account": account, "followers": vals, "_line": range(2, 2 + days)})


def data_of(root: Path, ws: str = "ws") -> pd.DataFrame:
    df = store.read_table(root, ws, "audience", columns=["date", "account", "followers"])
    return df.sort_values(["account", "date"]).reset_index(drop=True)


# --------------------------------------------------------------------------- portability


def test_every_module_imports_without_fcntl():
    """As on Windows: ``fcntl`` cannot be imported; every module of the app still imports."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys, warnings
        sys.modules["fcntl"] = None
        warnings.simplefilter("ignore")
        failed, n = [], 0
        for pkg in ("connectors", "metrics", "ui", "sample_data"):
            for info in pkgutil.walk_packages(importlib.import_module(pkg).__path__, pkg + "."):
                if info.name.endswith("__main__"):
                    continue
                try:
                    importlib.import_module(info.name)
                    n += 1
                except Exception as exc:
                    failed.append(f"{info.name}: {exc!r}")
        print(n)
        print("\\n".join(failed))
        sys.exit(1 if failed else 0)
        """
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=_env(), capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stdout + p.stderr
    assert int(p.stdout.split()[0]) > 40  # really walked the packages


def test_no_fcntl_in_the_code():
    for f in list((PROJECT / "connectors").rglob("*.py")) + list((PROJECT / "ui").rglob("*.py")):
        assert "import fcntl" not in f.read_text(encoding="utf-8"), f


def test_workspace_name_with_trailing_newline_is_refused(tmp_path):
    for bad in ("acme\n", "acme\r\n", "\nacme", "ac me", ""):
        with pytest.raises(ValueError):
            store.check_workspace_name(bad)
    assert store.check_workspace_name("acme-2") == "acme-2"


# --------------------------------------------------------------------------- concurrency


WRITE_CSV = """\
import sys
from connectors.__main__ import main
sys.exit(main(["import", sys.argv[1], "--workspace", "ws", "--store", sys.argv[2], "--account", sys.argv[3]]))
"""

X_HEADER = "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views"


def x_overview(path: Path, days: int, seed: int) -> Path:
    rnd = random.Random(seed)
    first = dt.date(2025, 8, 26)
    rows = [X_HEADER]
    for i in range(days):
        d = first - dt.timedelta(days=i)
        rows.append(f'"{d:%a, %b %d, %Y}",{rnd.randint(0, 9000)},{rnd.randint(0, 50)},{rnd.randint(0, 200)},0,0,1,0,6,0,4,0,0,0')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not POSIX, reason="uses per-process TMPDIR and fork-free subprocesses; POSIX CI")
def test_parallel_imports_with_different_tmpdirs_equal_sequential(tmp_path):
    n, days = 4, 400
    files = [x_overview(tmp_path / f"x{i}.csv", days, i) for i in range(n)]
    accounts = [f"acct{i}" for i in range(n)]
    seq, par = tmp_path / "seq", tmp_path / "par"
    for f, a in zip(files, accounts, strict=True):  # the reference: one after the other, in this process
        with contextlib.redirect_stdout(io.StringIO()):
            assert import_cli(["import", str(f), "--workspace", "ws", "--store", str(seq), "--account", a]) == 0
    tmps = [tmp_path / f"tmp{i}" for i in range(n)]
    procs = []
    for f, a, t in zip(files, accounts, tmps, strict=True):
        t.mkdir()
        procs.append(subprocess.Popen([sys.executable, "-c", WRITE_CSV, str(f), str(par), a], cwd=PROJECT,
                                      env=_env(TMPDIR=str(t), TMP=str(t), TEMP=str(t)), stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for p in procs:
        _out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err.decode()
    cols = ["date", "platform", "account", "impressions", "reactions", "engagements"]

    def table(root: Path) -> pd.DataFrame:
        return store.read_table(root, "ws", "audience", columns=cols).sort_values(["account", "date"]).reset_index(drop=True)

    a, b = table(seq), table(par)
    assert len(a) == n * days
    pd.testing.assert_frame_equal(a, b)
    log = store.read_table(par, "ws", "imports")
    assert len(log) == n and (log["rows_added"] == days).all()
    # nothing written outside the store, nothing left inside it but data, config, locks
    assert all(not any(t.iterdir()) for t in tmps)
    assert not (par / store.TMP_DIR).exists()
    assert not list((par / "ws").rglob("_new")) and not list((par / "ws").glob(".staging-*"))


def test_write_lock_is_reentrant_in_a_thread_and_exclusive_across(tmp_path):
    import threading

    order: list[str] = []
    refused: list[bool] = []

    def other() -> None:
        try:
            with store.workspace_lock(tmp_path, "ws", blocking=False):
                refused.append(False)
        except store.Locked:
            refused.append(True)
        with store.workspace_lock(tmp_path, "ws"):
            order.append("other")

    with store.workspace_lock(tmp_path, "ws"), store.workspace_lock(tmp_path, "ws"):  # re-entrant
        t = threading.Thread(target=other)
        t.start()
        t.join(0.5)
        order.append("first")  # the other thread is still waiting
    t.join(5)
    assert refused == [True]
    assert order == ["first", "other"]
    # the lock file is inside the store
    assert (tmp_path / store.LOCK_DIR / "ws.write.lock").exists()


def test_config_saves_do_not_lose_concurrent_updates(tmp_path):
    import threading

    store.save_config(tmp_path, "ws", "journal", [])

    def add(i: int) -> None:
        for j in range(10):
            store.update_config(tmp_path, "ws", "journal", lambda doc, i=i, j=j: [*doc, f"{i}-{j}"], [])

    threads = [threading.Thread(target=add, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(store.load_config(tmp_path, "ws", "journal")) == sorted(f"{i}-{j}" for i in range(4) for j in range(10))


# --------------------------------------------------------------------------- crash safety

# One process imports pandas and the store once, then forks a child per kill point: every kill is
# still a SIGKILL of a process of its own in the middle of its write, without a Python start and
# the pandas/pyarrow imports per kill point (~0.8 s of CPU each, more than the write). The server
# does no pandas/pyarrow work itself (no thread pool to fork with). Lines on stdin:
#   start ROOT K FRAME -> forks a child that writes FRAME (import "b") into ROOT and SIGKILLs
#                         itself at the K-th checkpoint (0: never); prints the child's pid
#   wait PID           -> prints {"code": like subprocess's returncode, "out": the steps it passed}
KILL_SERVER = """\
import json, os, signal, sys, traceback
import pandas as pd
from connectors import store

def write_b(root, k, frame_path):
    calls = []
    def checkpoint(step):
        calls.append(step)
        if len(calls) == k:
            os.kill(os.getpid(), signal.SIGKILL)
    store._checkpoint = checkpoint
    df = pd.read_parquet(frame_path)
    store.write_frames(root, "ws", [("audience", df)], "t", file_name="b.csv", sha256="sha-b")
    return " ".join(calls)

results = {}
for line in sys.stdin:
    cmd, *args = line.rstrip("\\n").split("\\t")
    if cmd == "start":
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            code = 0
            signal.alarm(120)  # a child that hangs ends (SIGALRM) instead of the test
            try:
                out = write_b(args[0], int(args[1]), args[2])
            except BaseException:
                out, code = traceback.format_exc(), 1
            try:
                os.write(w, out.encode())
            finally:
                os._exit(code)
        os.close(w)
        results[pid] = r
        print(pid, flush=True)
    elif cmd == "wait":
        pid = int(args[0])
        _, status = os.waitpid(pid, 0)
        r = results.pop(pid)
        with os.fdopen(r, "rb") as f:
            out = f.read().decode()
        print(json.dumps({"code": os.waitstatus_to_exitcode(status), "out": out}), flush=True)
"""


class KillServer:
    """The test's end of ``KILL_SERVER``."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", KILL_SERVER], cwd=PROJECT, env=_env(), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)

    def _ask(self, *words: object) -> str:
        self.proc.stdin.write("\t".join(map(str, words)) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, f"the kill server ended (exit {self.proc.poll()})"
        return line

    def start(self, root: Path, k: int, frame_path: Path) -> int:
        return int(self._ask("start", root, k, frame_path))

    def wait(self, pid: int) -> tuple[int, str]:
        r = json.loads(self._ask("wait", pid))
        return r["code"], r["out"]

    def run(self, root: Path, k: int, frame_path: Path) -> tuple[int, str]:
        return self.wait(self.start(root, k, frame_path))

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(60) == 0


@pytest.fixture
def kill_server():
    server = KillServer()
    yield server
    server.close()


def _seed_a(root: Path) -> None:
    # 3 months of acct "a" plus a single row of "b"
    store.write_frames(root, "ws", [("audience", audience("a", 90, 10))], "t", file_name="a.csv", sha256="sha-a")


def _frame_b() -> pd.DataFrame:
    # updates the last 60 days of "a" (2 partitions) and adds 30 new days (a 4th partition)
    return audience("a", 90, 20, start="2025-01-31")


def _check_whole(root: Path, before: pd.DataFrame, after: pd.DataFrame) -> str:
    """The table is exactly the state before or after import b (never a mix, never duplicates)."""
    got = data_of(root)
    assert not got.duplicated(["account", "date"]).any()
    log = store.read_table(root, "ws", "imports")
    if got.equals(before):
        assert "b.csv" not in set(log["file_name"])
        return "before"
    assert got.equals(after), got.groupby("followers").size()
    assert (log["file_name"] == "b.csv").sum() == 1  # the log entry is in the same commit
    return "after"


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_sigkill_at_every_commit_step(tmp_path, kill_server):
    base = tmp_path / "base"
    _seed_a(base)
    before = data_of(base)
    frame_path = tmp_path / "b.parquet"
    _frame_b().to_parquet(frame_path)
    ref = tmp_path / "ref"
    shutil.copytree(base, ref)
    code, out = kill_server.run(ref, 0, frame_path)  # k=0: never kill; lists the steps
    assert code == 0, out
    steps = out.split()
    assert {"write-file", "history", "manifest", "committed", "place", "retire"} <= set(steps)
    after = data_of(ref)
    assert len(after) == 120 and (after["followers"] == 20).sum() == 90  # hand count: 30 kept at 10, 60 updated, 30 new
    seen = set()
    for k in range(1, len(steps) + 1):
        root = tmp_path / f"k{k}"
        shutil.copytree(base, root)
        code, out = kill_server.run(root, k, frame_path)
        assert code == -signal.SIGKILL, (k, code, out)
        seen.add(_check_whole(root, before, after))
        # the next writer cleans up, and re-running the import completes it
        store.write_frames(root, "ws", [("audience", _frame_b())], "t", file_name="b.csv", sha256="sha-b")
        assert _check_whole(root, before, after) == "after"
        assert not list((root / "ws").rglob("_new")) and not (root / store.TMP_DIR).exists()
        # pandas on the folder sees the table too, once the writer has tidied up
        assert len(pd.read_parquet(root / "ws" / "audience")) == 120
    assert seen == {"before", "after"}  # both sides of the commit point were hit


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_sigkill_at_random_moments(tmp_path, kill_server):
    """A SIGKILL at a random moment of the write (the child is forked ready to write: no Python
    start in the span, so every moment falls in the import itself)."""
    trials = int(os.environ.get("BOUSSOLE_KILL_TRIALS", "6"))
    rnd = random.Random(15)
    base = tmp_path / "base"
    _seed_a(base)
    before = data_of(base)
    frame_path = tmp_path / "b.parquet"
    _frame_b().to_parquet(frame_path)
    ref, warm = tmp_path / "ref", tmp_path / "warm"
    shutil.copytree(base, ref)
    shutil.copytree(base, warm)
    assert kill_server.run(ref, 0, frame_path)[0] == 0
    t0 = time.monotonic()
    assert kill_server.run(warm, 0, frame_path)[0] == 0  # the span of a write, once the first child has warmed up
    span = time.monotonic() - t0
    after = data_of(ref)
    for i in range(trials):
        root = tmp_path / f"r{i}"
        shutil.copytree(base, root)
        pid = kill_server.start(root, 0, frame_path)
        time.sleep(rnd.uniform(0.3, 1.0) * span)
        os.kill(pid, signal.SIGKILL)  # a no-op on a child that has finished (a zombie until waited for)
        kill_server.wait(pid)
        _check_whole(root, before, after)
        store.write_frames(root, "ws", [("audience", _frame_b())], "t", file_name="b.csv", sha256="sha-b")
        assert _check_whole(root, before, after) == "after"
        shutil.rmtree(root)


READER_WRITER = """\
import sys
import pandas as pd
from connectors import store
print("ready", flush=True)  # imports done: the reads below overlap the writes, not a Python start
for k in range(1, int(sys.argv[2]) + 1):
    df = pd.DataFrame({"date": pd.date_range("2025-01-01", periods=90, freq="D").strftime("%Y-%m-%d"),
                       "platform": "x", "account": "a", "followers": k})
    store.write_frames(sys.argv[1], "ws", [("audience", df)], "t", file_name=f"{k}.csv")
"""


def test_readers_never_see_a_half_applied_import(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience("a", 90, 0))], "t")
    w = subprocess.Popen([sys.executable, "-c", READER_WRITER, str(tmp_path), "12"], cwd=PROJECT, env=_env(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert w.stdout.readline() == b"ready\n", w.stderr.read().decode()
    reads, values = 0, set()
    while w.poll() is None or reads == 0:
        df = store.read_table(tmp_path, "ws", "audience", columns=["followers"])
        stats = store.table_stats(tmp_path, "ws", "audience")
        assert len(df) == 90 and stats["rows"] == 90  # 3 partitions rewritten per import: never a mix
        assert df["followers"].nunique() == 1, df["followers"].value_counts()
        values.add(int(df["followers"].iloc[0]))
        reads += 1
    assert w.returncode == 0, w.stderr.read().decode()
    assert int(store.read_table(tmp_path, "ws", "audience")["followers"].iloc[0]) == 12
    assert len(values) >= 2  # the reads did overlap the imports


# --------------------------------------------------------------------------- leftovers, migration, undo


def test_leftovers_of_a_killed_import_are_cleaned_by_the_next(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience("a", 3, 1))], "t")
    ws = tmp_path / "ws"
    (ws / ".staging-0123456789ab" / "audience").mkdir(parents=True)  # left by the previous writer version
    (ws / "audience" / "_new").mkdir()
    (ws / "audience" / "_new" / "2025-01.v9.parquet").write_bytes(b"half")  # an uncommitted file
    dead = tmp_path / store.TMP_DIR / "spill-dead"
    dead.mkdir(parents=True)
    (dead / "audience-00000.parquet").write_bytes(b"x")
    live_dir, live_lock = store._new_spill_dir(tmp_path)  # an import still running (its lock is held)
    try:
        store.write_frames(tmp_path, "ws", [("audience", audience("b", 3, 1))], "t")
        assert not (ws / ".staging-0123456789ab").exists()
        assert not dead.exists()
        assert not (ws / "audience" / "_new").exists()
        assert live_dir.exists()
    finally:
        live_lock.release()
    assert len(data_of(tmp_path)) == 6


def _legacy_store_module():
    """The writer of the previous release (no manifest), loaded from git history."""
    src = subprocess.run(["git", "show", "1f1cc79:connectors/store.py"], cwd=PROJECT, capture_output=True, text=True)
    if src.returncode != 0:
        pytest.skip("git history with the previous writer is not available (shallow clone?)")
    spec = importlib.util.spec_from_loader("legacy_store", loader=None)
    mod = importlib.util.module_from_spec(spec)
    mod.__file__ = str(PROJECT / "connectors" / "store.py")
    sys.modules["legacy_store"] = mod  # dataclasses look their module up
    exec(compile(src.stdout, "legacy_store.py", "exec"), mod.__dict__)  # noqa: S102 - our own code, from git
    return mod


@pytest.mark.skipif(not POSIX, reason="the previous writer imported fcntl")
def test_store_written_by_the_previous_version_migrates(tmp_path):
    legacy = _legacy_store_module()
    legacy.write_frames(tmp_path, "ws", [("audience", audience("a", 90, 10))], "t", file_name="a.csv", sha256="sha-a", now=NOW)
    assert not (tmp_path / "ws" / store.MANIFEST).exists()
    old = data_of(tmp_path)
    assert len(old) == 90 and len(store.read_table(tmp_path, "ws", "imports")) == 1  # read as is
    res = store.write_frames(tmp_path, "ws", [("audience", _frame_b())], "t", file_name="b.csv", sha256="sha-b", now=NOW)
    assert (res["audience"].rows_added, res["audience"].rows_updated) == (30, 60)
    new = data_of(tmp_path)
    assert len(new) == 120 and not new.duplicated(["account", "date"]).any()
    assert len(pd.read_parquet(tmp_path / "ws" / "audience")) == 120  # old files retired from the folder
    assert store.read_manifest(tmp_path, "ws")["version"] == 1
    # the pre-migration state is version 0 and can be restored
    assert store.undo_last(tmp_path, "ws")["file_name"] == "b.csv"
    assert data_of(tmp_path).equals(old)


def test_undo_last_restores_the_previous_version(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience("a", 90, 10))], "t", file_name="a.csv", sha256="sha-a")
    v1 = data_of(tmp_path)
    store.write_frames(tmp_path, "ws", [("audience", _frame_b())], "t", file_name="b.csv", sha256="sha-b")
    v2 = data_of(tmp_path)
    assert len(v2) == 120
    undone = store.undo_last(tmp_path, "ws")
    assert undone["file_name"] == "b.csv" and undone["action"] == "import"
    assert data_of(tmp_path).equals(v1)
    assert list(store.read_table(tmp_path, "ws", "imports")["file_name"]) == ["a.csv"]
    assert len(pd.read_parquet(tmp_path / "ws" / "audience")) == 90
    # re-importing b after the undo adds it again (its log row went with the undo)
    res = store.write_frames(tmp_path, "ws", [("audience", _frame_b())], "t", file_name="b.csv", sha256="sha-b")
    assert (res["audience"].rows_added, res["audience"].rows_updated) == (30, 60)
    assert data_of(tmp_path).equals(v2)
    # undo again, then undo that undo: back to v2
    assert store.undo_last(tmp_path, "ws")["file_name"] == "b.csv"
    assert store.undo_last(tmp_path, "ws")["file_name"] == "b.csv"  # undo of the undo = redo
    assert data_of(tmp_path).equals(v2)
    versions = store.list_versions(tmp_path, "ws")
    assert [v["action"] for v in versions[:3]] == ["undo", "undo", "import"]


def test_old_versions_are_pruned(tmp_path):
    for k in range(store.KEEP_VERSIONS + 5):
        store.write_frames(tmp_path, "ws", [("audience", audience("a", 40, k))], "t")
    kept = store.list_versions(tmp_path, "ws")
    assert len(kept) == store.KEEP_VERSIONS
    old_files = list((tmp_path / "ws" / "audience" / "_old").glob("*.parquet"))
    # 2 partitions per version, the current ones in place: (KEEP_VERSIONS - 1) older versions kept
    assert len(old_files) == 2 * (store.KEEP_VERSIONS - 1)
