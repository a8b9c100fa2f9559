"""Import benchmark: a large mentions CSV through ``python -m connectors import`` vs a
bare ``pandas.read_csv`` + ``DataFrame.to_parquet`` of the same file.

Each contender runs in its own child process; wall time and the child's peak RSS
(``ru_maxrss``) are reported. The Boussole import does more work than the baseline
(format detection, typed validation with line numbers, dedup on the primary key, UTC
timestamps, monthly partitions, an atomic commit, the import log), so it is expected
to be slower; the point is to show the cost and that memory stays bounded.

    python bench/import_bench.py --rows 1000000
    python bench/import_bench.py --mb 200         # a ~200 MB file
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
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


def make_csv(path: Path, rows: int | None, mb: int | None, seed: int = 7) -> int:
    rnd = random.Random(seed)
    n = 0
    target = mb * 1024 * 1024 if mb else None
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("date,text,url,author,source,sentiment,reach\n")
        while True:
            if rows is not None and n >= rows:
                break
            if target is not None and fh.tell() >= target:
                break
            day = 1 + n % 28
            month = 1 + (n // 28) % 12
            text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 18)))
            fh.write(
                f"2025-{month:02d}-{day:02d} {n % 24:02d}:{n % 60:02d}:00,{text},https://example.com/m/{n},"
                f"user{rnd.randint(1, 50000)},{rnd.choice(SOURCES)},{rnd.choice(SENT)},{rnd.randint(10, 90000)}\n"
            )
            n += 1
    return n


def child(code: str) -> tuple[float, float, str]:
    """Run python code in a child; return (seconds, peak RSS MiB, stdout)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode != 0:
        raise SystemExit(f"child failed: {proc.stderr[-2000:]}")
    return secs, peak, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--mb", type=int, default=None)
    args = ap.parse_args()
    if args.rows is None and args.mb is None:
        args.rows = 1_000_000
    work = Path(tempfile.mkdtemp(prefix="boussole-bench-"))
    csv_path = work / "mentions.csv"
    n = make_csv(csv_path, args.rows, args.mb)
    size_mb = csv_path.stat().st_size / 1024 / 1024
    results = {"rows": n, "file_mb": round(size_mb, 1)}
    # each measurement in a fresh process so ru_maxrss is that run's peak
    for name, code in {
        "pandas_read_csv_to_parquet": f"import pandas as pd; pd.read_csv({str(csv_path)!r}).to_parquet({str(work / 'plain.parquet')!r})",
        "boussole_import": f"import sys; from connectors.__main__ import main; sys.exit(main(['import', {str(csv_path)!r}, '--workspace', 'bench', '--store', {str(work / 'store')!r}]))",
        "boussole_reimport_noop": f"import sys; from connectors.__main__ import main; sys.exit(main(['import', {str(csv_path)!r}, '--workspace', 'bench', '--store', {str(work / 'store')!r}]))",
    }.items():
        proc_code = f"import resource, time, json\nt=time.perf_counter()\n{code if not code.startswith('import sys') else code.replace('sys.exit(', 'rc=(')}\nprint(json.dumps({{'s': time.perf_counter()-t, 'rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}}))"
        secs, _, out = child(proc_code)
        last = json.loads(out.strip().splitlines()[-1])
        results[name] = {"seconds": round(last["s"], 2), "rows_per_s": round(n / last["s"]), "peak_rss_mib": round(last["rss"])}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
