"""Store format benchmark: the Boussole Parquet store (versioned manifest) vs Delta Lake
(``deltalake``, delta-rs) on a realistic mentions table.

Measures, each in a fresh child process where it matters (import cost):

* ``import`` time of each library (what every page load of a fresh server pays);
* first write of N mentions (Boussole: ``store.write_frames`` - validation, dedup, monthly
  partitions, the import log; Delta: ``write_deltalake`` partitioned by month, no validation);
* an upsert of 10 % of the rows (Boussole: ``write_frames``; Delta: ``DeltaTable.merge``
  on ``mention_id`` with update-all / insert-all, i.e. without Boussole's upsert rules);
* a page read: the whole table, and one month with 4 columns;
* size on disk.

    pip install deltalake   # not a dependency of Boussole: only this benchmark uses it
    python bench/store_format_bench.py --rows 200000

Not a test: figures go to bench/README.md ("Store format").
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def mentions(n: int, seed: int = 7, offset: int = 0):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    words = np.array("super festival ski neige route fermée accueil magnifique great trip snow lodge closed road amazing view".split())
    start = pd.Timestamp("2024-01-01", tz="UTC").value // 1000
    span = 365 * 2 * 86400 * 10**6
    texts = [" ".join(rng.choice(words, size=rng.integers(6, 18))) for _ in range(n)]
    return pd.DataFrame(
        {
            "mention_id": [f"m{offset + i}" for i in range(n)],
            "source": rng.choice(["x", "facebook", "instagram", "news", "blog"], size=n),
            "published_at": pd.to_datetime(start + rng.integers(0, span, size=n), unit="us", utc=True),
            "author": [f"user{v}" for v in rng.integers(1, 50000, size=n)],
            "text": texts,
            "url": [f"https://example.com/m/{offset + i}" for i in range(n)],
            "reach": rng.integers(10, 90000, size=n),
            "sentiment_label": rng.choice(["positive", "neutral", "negative"], size=n),
            "sentiment_origin": "export",
            "source_format": "bench",
        }
    )


def du(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def import_time(module: str) -> float:
    best = 1e9
    for _ in range(3):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True, cwd=ROOT)
        total = [line for line in out.stderr.splitlines() if line.rstrip().endswith(f"| {module}")]
        best = min(best, int(total[-1].split("|")[1]) / 1e6)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    args = ap.parse_args()
    import pandas as pd
    import pyarrow as pa

    from connectors import store

    n = args.rows
    df = mentions(n)
    upd = df.sample(frac=0.1, random_state=1).copy()
    upd["reach"] = upd["reach"] + 1
    work = Path(tempfile.mkdtemp(prefix="boussole-fmt-"))
    res: dict[str, object] = {"rows": n}
    res["import_s"] = {"connectors.store": import_time("connectors.store"), "deltalake": import_time("deltalake")}

    # --- Boussole store
    root = work / "store"
    t = time.perf_counter()
    store.write_frames(root, "b", [("mentions", df)], "bench", file_name="m.csv")
    b_write = time.perf_counter() - t
    t = time.perf_counter()
    store.write_frames(root, "b", [("mentions", upd)], "bench", file_name="u.csv")
    b_upsert = time.perf_counter() - t
    t = time.perf_counter()
    full = store.read_table(root, "b", "mentions")
    b_read = time.perf_counter() - t
    t = time.perf_counter()
    month = store.read_table(root, "b", "mentions", columns=["published_at", "source", "reach", "sentiment_label"],
                             start=pd.Timestamp("2025-03-01").date(), end=pd.Timestamp("2025-03-31").date())
    b_month = time.perf_counter() - t
    assert len(full) == n
    # what a store holds after the upsert: current files + the superseded ones kept for undo
    cur = sum(f.stat().st_size for f in store.table_files(root, "b", "mentions"))
    res["boussole"] = {"write_s": round(b_write, 2), "upsert_10pct_s": round(b_upsert, 2), "read_all_s": round(b_read, 3),
                       "read_month_4cols_s": round(b_month, 3), "month_rows": len(month),
                       "current_mb": round(cur / 2**20, 1), "on_disk_mb_with_undo": round(du(root / "b") / 2**20, 1)}

    # --- Delta Lake
    import deltalake as dl

    conformed = store.conform(df, "mentions", "m.csv")
    tbl = store.to_arrow(conformed, "mentions")
    tbl = tbl.append_column("month", pa.array(conformed["published_at"].dt.strftime("%Y-%m").to_numpy(), pa.string()))
    uconf = store.conform(upd, "mentions", "u.csv")
    utbl = store.to_arrow(uconf, "mentions")
    utbl = utbl.append_column("month", pa.array(uconf["published_at"].dt.strftime("%Y-%m").to_numpy(), pa.string()))
    path = work / "delta" / "mentions"
    t = time.perf_counter()
    dl.write_deltalake(str(path), tbl, partition_by=["month"],
                       writer_properties=dl.WriterProperties(compression="ZSTD"))
    d_write = time.perf_counter() - t
    t = time.perf_counter()
    (dl.DeltaTable(str(path)).merge(utbl, predicate="t.mention_id = s.mention_id AND t.month = s.month", source_alias="s", target_alias="t")
     .when_matched_update_all().when_not_matched_insert_all().execute())
    d_upsert = time.perf_counter() - t
    t = time.perf_counter()
    dfull = dl.DeltaTable(str(path)).to_pandas()
    d_read = time.perf_counter() - t
    t = time.perf_counter()
    dmonth = dl.DeltaTable(str(path)).to_pandas(partitions=[("month", "=", "2025-03")], columns=["published_at", "source", "reach", "sentiment_label"])
    d_month = time.perf_counter() - t
    assert len(dfull) == n
    res["delta"] = {"write_s": round(d_write, 2), "upsert_10pct_s": round(d_upsert, 2), "read_all_s": round(d_read, 3),
                    "read_month_4cols_s": round(d_month, 3), "month_rows": len(dmonth),
                    "on_disk_mb_with_history": round(du(path) / 2**20, 1)}
    print(json.dumps(res, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
