"""Import benchmark: a large mentions CSV through ``python -m connectors import`` vs a
bare ``pandas.read_csv`` + ``DataFrame.to_parquet`` of the same file.

Each contender runs in its own child process, ``--repeat`` times interleaved (medians): wall
time, CPU time (user + system) and the child's peak RSS, from ``os.wait4``. Baselines:
``pandas.read_csv`` + ``to_parquet`` and ``pyarrow.csv.read_csv`` + ``pq.write_table`` of the
same file. ``--before ../main`` also runs the import of another checkout in the same session,
for before/after ratios measured under the same load. The Boussole import does more work than the baseline
(format detection, typed validation with line numbers, dedup on the primary key, UTC
timestamps, monthly partitions, an atomic commit, the import log), so it is expected
to be slower; the point is to show the cost and that memory stays bounded.

    python bench/import_bench.py --rows 1000000
    python bench/import_bench.py --mb 200         # a ~200 MB file
    python bench/import_bench.py --rows 300000 --no-sentiment   # no sentiment column: the scorer runs
    python bench/import_bench.py --rows 300000 --repeat 3 --before ../boussole-before   # a checkout of the base commit
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "super festival ski neige route fermée accueil magnifique weekend famille chalet sentier guide "
    "great trip snow lodge closed road amazing view staff friendly crowded parking expensive"
).split()
SOURCES = ("x", "facebook", "instagram", "news", "blog", "forum")
SENT = ("positive", "neutral", "negative")


def make_csv(path: Path, rows: int | None, mb: int | None, seed: int = 7, sentiment: bool = True) -> int:
    """The benchmark file; ``sentiment=False``: the same rows without the sentiment column (the
    import then scores every mention with the offline model)."""
    rnd = random.Random(seed)
    n = 0
    target = mb * 1024 * 1024 if mb else None
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("date,text,url,author,source,sentiment,reach\n" if sentiment else "date,text,url,author,source,reach\n")
        while True:
            if rows is not None and n >= rows:
                break
            if target is not None and fh.tell() >= target:
                break
            day = 1 + n % 28
            month = 1 + (n // 28) % 12
            text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 18)))
            author, source, sent = f"user{rnd.randint(1, 50000)}", rnd.choice(SOURCES), rnd.choice(SENT)  # same draws either way
            fh.write(
                f"2025-{month:02d}-{day:02d} {n % 24:02d}:{n % 60:02d}:00,{text},https://example.com/m/{n},"
                f"{author},{source},{sent + ',' if sentiment else ''}{rnd.randint(10, 90000)}\n"
            )
            n += 1
    return n


def child(args: list[str], cwd: Path) -> dict:
    """Run ``python args...`` in a child (cwd = the checkout whose code runs); its wall and CPU
    seconds (user + system, from ``os.wait4``) and peak RSS (MiB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed: {err[-2000:]}")
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "peak_rss_mib": ru.ru_maxrss / 1024}


def _median(runs: list[dict]) -> dict:
    return {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--mb", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each contender (medians reported)")
    ap.add_argument("--before", type=Path, default=None, help="another checkout (e.g. main) whose import runs in the same session")
    ap.add_argument("--no-sentiment", action="store_true", help="the file without its sentiment column: the import scores every mention")
    args = ap.parse_args()
    if args.rows is None and args.mb is None:
        args.rows = 1_000_000
    work = Path(tempfile.mkdtemp(prefix="boussole-bench-"))
    csv_path = work / "mentions.csv"
    n = make_csv(csv_path, args.rows, args.mb, sentiment=not args.no_sentiment)
    size_mb = csv_path.stat().st_size / 1024 / 1024
    results: dict = {"rows": n, "file_mb": round(size_mb, 1), "sentiment_column": not args.no_sentiment, "repeat": args.repeat,
                     "loadavg_start": os.getloadavg()}
    checkouts = {"after": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    runs: dict[str, list[dict]] = {}
    # contenders interleaved, each run in a fresh process (ru_maxrss is that run's peak)
    for i in range(args.repeat):
        runs.setdefault("pandas read_csv + to_parquet", []).append(child(
            ["-c", f"import pandas as pd; pd.read_csv({str(csv_path)!r}).to_parquet({str(work / 'pd.parquet')!r})"], ROOT))
        runs.setdefault("pyarrow csv + write_table", []).append(child(
            ["-c", f"import pyarrow.csv as c, pyarrow.parquet as pq; pq.write_table(c.read_csv({str(csv_path)!r}), {str(work / 'pa.parquet')!r})"], ROOT))
        for name, cwd in checkouts.items():
            st = work / f"store-{name}-{i}"
            cmd = ["-m", "connectors", "import", str(csv_path), "--workspace", "bench", "--store", str(st)]
            runs.setdefault(f"boussole import ({name})", []).append(child(cmd, cwd))
            runs.setdefault(f"boussole re-import, no-op ({name})", []).append(child(cmd, cwd))
            shutil.rmtree(st, ignore_errors=True)
    for name, rs in runs.items():
        results[name] = _median(rs) | {"rows_per_s": round(n / statistics.median(r["wall_s"] for r in rs))}
    base = results["pandas read_csv + to_parquet"]
    pa_base = results["pyarrow csv + write_table"]
    for name in checkouts:
        imp, noop = results[f"boussole import ({name})"], results[f"boussole re-import, no-op ({name})"]
        results[f"ratios ({name})"] = {
            "vs_pandas_wall": round(imp["wall_s"] / base["wall_s"], 2), "vs_pandas_cpu": round(imp["cpu_s"] / base["cpu_s"], 2),
            "vs_pyarrow_wall": round(imp["wall_s"] / pa_base["wall_s"], 2), "vs_pyarrow_cpu": round(imp["cpu_s"] / pa_base["cpu_s"], 2),
            "noop_share_wall": round(noop["wall_s"] / imp["wall_s"], 3), "noop_share_cpu": round(noop["cpu_s"] / imp["cpu_s"], 3),
        }
    results["loadavg_end"] = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
