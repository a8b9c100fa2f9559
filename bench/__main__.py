"""``python -m bench``: one runner for the issue-16 speed and memory figures.

1. Import: a mentions CSV that carries a sentiment column (``bench/import_bench.py``'s file)
   through ``python -m connectors import``, beside ``pandas.read_csv`` + ``to_parquet`` and
   ``pyarrow.csv.read_csv`` + ``pyarrow.parquet.write_table`` on the same file, then the same
   import again (nothing changes). Each contender is its own child process: wall time (interpreter
   start and imports included), CPU time and peak RSS come from ``os.wait4`` on that child.
2. Pages: every page of ``app.PAGES`` through ``streamlit.testing.v1.AppTest`` on the demo
   workspace and on a large one (``bench/large_workspace.py``), each workspace in its own child
   process (``python -m bench pages``) so its RSS is that of one app process. Cold = the page's
   first run after ``st.cache_data`` / ``st.cache_resource`` are cleared (modules already
   imported: a server's first visitor of that page after a restart, minus imports); warm = the
   best of two reruns right after. Wall and CPU seconds (the process's CPU, all threads), the
   largest number of points of any Plotly chart of the page (flagged over 10,000), the bytes of
   the page's element protos (what the server sends, approximately), RSS after the page; then one
   pass over every page without clearing (as a server keeps every cache) and the RSS after it.
3. ``python -m metrics summary`` on the large workspace for the last week and the last year.

Prints a table and writes ``bench/results.json``. ``--full`` uses the issue's sizes (3 years,
12 accounts, 2M mentions, 1M traffic rows, a 1M-row import); the default quick size keeps the run
under 10 minutes on a loaded 2-core machine.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POINTS_LIMIT = 10_000
QUICK_IMPORT_ROWS = 300_000
FULL_IMPORT_ROWS = 1_000_000


# --------------------------------------------------------------------------- child processes


def run_child(args: list[str], env: dict | None = None) -> dict:
    """Run ``python args...`` in a child; its wall seconds, CPU seconds, peak RSS (MiB), return code
    and the tail of its output."""
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode("utf-8", "replace")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(ru.ru_utime + ru.ru_stime, 2),
        "peak_rss_mib": round(ru.ru_maxrss / 1024),
        "rc": proc.returncode,
        "output": text[-1500:],
    }


# --------------------------------------------------------------------------- 1. import


def bench_import(work: Path, rows: int) -> dict:
    from bench.import_bench import make_csv

    csv_path = work / "mentions.csv"
    n = make_csv(csv_path, rows, None)
    res: dict = {"rows": n, "file_mb": round(csv_path.stat().st_size / 2**20, 1)}
    contenders = {
        "pandas read_csv + to_parquet": [
            "-c",
            f"import pandas as pd; pd.read_csv({str(csv_path)!r}).to_parquet({str(work / 'pd.parquet')!r})",
        ],
        "pyarrow csv + write_table": [
            "-c",
            "import pyarrow.csv as c, pyarrow.parquet as pq; "
            f"pq.write_table(c.read_csv({str(csv_path)!r}), {str(work / 'pa.parquet')!r})",
        ],
        "boussole import": ["-m", "connectors", "import", str(csv_path), "--workspace", "bench", "--store", str(work / "istore")],
        "boussole re-import (no-op)": [
            "-m",
            "connectors",
            "import",
            str(csv_path),
            "--workspace",
            "bench",
            "--store",
            str(work / "istore"),
        ],
    }
    for name, args in contenders.items():
        r = run_child(args)
        r["rows_per_s"] = round(n / r["wall_s"]) if r["wall_s"] else None
        if r["rc"] == 0:
            r.pop("output")
        res[name] = r
        print(f"  import {name}: {r['wall_s']} s, {r['peak_rss_mib']} MiB", flush=True)
    base = res["pandas read_csv + to_parquet"]["wall_s"]
    res["ratio_vs_pandas"] = round(res["boussole import"]["wall_s"] / base, 2) if base else None
    base_cpu = res["pandas read_csv + to_parquet"]["cpu_s"]
    res["ratio_vs_pandas_cpu"] = round(res["boussole import"]["cpu_s"] / base_cpu, 2) if base_cpu else None
    res["noop_share_of_first"] = round(res["boussole re-import (no-op)"]["wall_s"] / res["boussole import"]["wall_s"], 3)
    return res


# --------------------------------------------------------------------------- 2. pages (child)


def _array_len(v) -> int:
    """Number of values of a Plotly data array: a list (nested lists summed) or a typed array
    ``{"dtype", "bdata", "shape"}``."""
    if isinstance(v, dict) and "bdata" in v:
        if v.get("shape"):
            n = 1
            for s in str(v["shape"]).split(","):
                n *= int(s)
            return n
        itemsize = int("".join(ch for ch in v.get("dtype", "f8") if ch.isdigit()) or 8)
        return len(base64.b64decode(v["bdata"])) // itemsize
    if isinstance(v, (list, tuple)):
        return sum(_array_len(x) if isinstance(x, (list, tuple, dict)) else 1 for x in v)
    return 0


def figure_points(spec: str) -> int:
    """Points of a Plotly figure JSON: per trace the longest of its data arrays, summed."""
    fig = json.loads(spec)
    total = 0
    for trace in fig.get("data", []):
        total += max((_array_len(trace.get(k)) for k in ("x", "y", "z", "values", "labels", "r", "lat", "lon")), default=0)
    return total


def walk_page(at) -> dict:
    charts: list[int] = []
    nbytes = 0
    nodes = 0

    def walk(node) -> None:
        nonlocal nbytes, nodes
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            nbytes += proto.ByteSize()
            nodes += 1
            if getattr(node, "type", "") == "plotly_chart" and getattr(proto, "spec", ""):
                charts.append(figure_points(proto.spec))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return {"charts": len(charts), "max_points": max(charts, default=0), "bytes": nbytes, "elements": nodes}


def _rss_mib() -> tuple[int, int]:
    cur = peak = 0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) // 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) // 1024
    return cur, peak


def pages_child(store_root: Path, workspace: str, start: str, end: str, out: Path, server_only: bool = False) -> None:
    """Run every page cold and warm on one workspace; write the figures as JSON to ``out``.
    ``server_only``: only what a fresh server process does, every page once with every cache
    kept (its RSS is then not inflated by the cold runs' cleared and rebuilt caches)."""
    os.environ["BOUSSOLE_STORE"] = str(store_root)
    t0 = time.perf_counter()
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest, app_test

    import app

    class _NavigationPagesManager(PagesManager):  # as tests/conftest.py: st.navigation, not pages/ mode
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = _NavigationPagesManager

    def timed(fn) -> tuple[float, float]:
        w, c = time.perf_counter(), time.process_time()
        fn()
        return time.perf_counter() - w, time.process_time() - c

    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=600)
    for k, v in {"workspace": workspace, "lang": "en", "start": start, "end": end}.items():
        at.query_params[k] = v
    at.run()
    result: dict = {
        "workspace": workspace,
        "start": start,
        "end": end,
        "first_run_s": round(time.perf_counter() - t0, 2),
        "pages": {},
    }
    def server_pass() -> None:
        """Every page once, every page's caches kept (as a server), then the figures written."""
        t1 = time.process_time()
        for spec in app.available_pages():
            at.switch_page(spec.file).run()
        result["server_pass_cpu_s"] = round(time.process_time() - t1, 2)
        result["rss_server_pass_mib"], result["peak_rss_mib"] = _rss_mib()
        out.write_text(json.dumps(result, indent=1))

    if server_only:
        server_pass()
        return
    first = app.available_pages()[0].file
    # the first view after an import: no derived file yet (connectors.derived), every cache cold
    import shutil

    from connectors import derived

    shutil.rmtree(derived.folder(Path(store_root), workspace), ignore_errors=True)
    st.cache_data.clear()
    st.cache_resource.clear()
    after_import = timed(at.run)
    result["first_page_after_import"] = {"page": Path(first).stem, "cold_s": round(after_import[0], 2),
                                         "cold_cpu_s": round(after_import[1], 2)}
    print(f"  {workspace} {first} with no derived file: {after_import[0]:.2f} s", flush=True)
    for spec in app.available_pages():
        page = spec.file
        st.cache_data.clear()
        st.cache_resource.clear()
        if page != first:
            at.switch_page(page)
        cold = timed(at.run)
        warm = [timed(at.run) for _ in range(2)]
        best = min(warm)
        rss, peak = _rss_mib()
        exc = [str(getattr(e, "value", e))[:300] for e in at.exception]
        result["pages"][Path(page).stem] = {
            "cold_s": round(cold[0], 2),
            "cold_cpu_s": round(cold[1], 2),
            "warm_s": round(best[0], 2),
            "warm_cpu_s": round(best[1], 2),
            **walk_page(at),
            "rss_mib": rss,
            "peak_rss_mib": peak,
            "errors": exc,
        }
        print(f"  {workspace} {page}: cold {cold[0]:.2f} s, warm {best[0]:.2f} s", flush=True)
    result["rss_after_all_mib"], result["peak_rss_mib"] = _rss_mib()
    # as a server, in this process: every page once after one clear, every page's caches kept
    st.cache_data.clear()
    st.cache_resource.clear()
    server_pass()


def bench_pages(store_root: Path, workspace: str, start: dt.date, end: dt.date, work: Path) -> dict:
    out = work / f"pages-{workspace}.json"
    args = ["-m", "bench", "pages", "--store", str(store_root), "--workspace", workspace, "--start", start.isoformat(),
            "--end", end.isoformat(), "--out", str(out)]
    r = run_child(args)
    if r["rc"] != 0 or not out.is_file():
        return {"error": r["output"]}
    res = json.loads(out.read_text())
    res["process"] = {k: r[k] for k in ("wall_s", "cpu_s", "peak_rss_mib")}
    fresh = work / f"server-{workspace}.json"
    r = run_child([*args[:-1], str(fresh), "--server-only"])
    if r["rc"] == 0 and fresh.is_file():
        f = json.loads(fresh.read_text())
        res["fresh_server"] = {k: f[k] for k in ("server_pass_cpu_s", "rss_server_pass_mib", "peak_rss_mib")}
    return res


# --------------------------------------------------------------------------- 3. summary CLI


def bench_summary(store_root: Path, workspace: str, end: dt.date) -> dict:
    res = {}
    for label, days in (("week", 7), ("year", 365)):
        start = end - dt.timedelta(days=days - 1)
        r = run_child(
            [
                "-m",
                "metrics",
                "summary",
                "--workspace",
                workspace,
                "--store",
                str(store_root),
                "--start",
                start.isoformat(),
                "--end",
                end.isoformat(),
            ]
        )
        if r["rc"] == 0:
            r.pop("output")
        res[label] = r
        print(f"  summary {label}: {r['wall_s']} s, {r['peak_rss_mib']} MiB", flush=True)
    return res


# --------------------------------------------------------------------------- table


def table(results: dict) -> str:
    lines = []
    imp = results.get("import")
    if imp:
        lines += [
            f"Import of a {imp['rows']:,}-row mentions CSV with a sentiment column ({imp['file_mb']} MB)",
            "",
            "| contender | wall s | CPU s | rows/s | peak RSS MiB |",
            "|---|---|---|---|---|",
        ]
        for k, v in imp.items():
            if isinstance(v, dict):
                lines.append(f"| {k} | {v['wall_s']} | {v['cpu_s']} | {v['rows_per_s']:,} | {v['peak_rss_mib']} |")
        lines += [
            "",
            f"Boussole / pandas: {imp['ratio_vs_pandas']}× wall, {imp['ratio_vs_pandas_cpu']}× CPU; no-op re-import / first import: {imp['noop_share_of_first']:.0%}",
            "",
        ]
    for key in ("pages_demo", "pages_large"):
        pg = results.get(key)
        if not pg:
            continue
        if "error" in pg:
            lines += [f"{key}: FAILED", "```", pg["error"], "```", ""]
            continue
        lines += [
            f"Pages on `{pg['workspace']}` ({pg['start']} – {pg['end']}); first run of the process "
            f"(imports + shell + first page) {pg['first_run_s']} s"
            + (f"; {pg['first_page_after_import']['page']} as the first view with no derived file (a store written before "
               f"them, or just after an undo; an import keeps it) and every cache cold "
               f"{pg['first_page_after_import']['cold_s']} s, {pg['first_page_after_import']['cold_cpu_s']} CPU s"
               if pg.get("first_page_after_import") else ""),
            "",
            "| page | cold s | cold CPU s | warm s | warm CPU s | charts | max points | KB sent | RSS MiB after |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for name, p in pg["pages"].items():
            flag = " ⚠" if p["max_points"] > POINTS_LIMIT else ""
            err = " (error)" if p["errors"] else ""
            lines.append(
                f"| {name}{err} | {p['cold_s']} | {p['cold_cpu_s']} | {p['warm_s']} | {p['warm_cpu_s']} | "
                f"{p['charts']} | {p['max_points']:,}{flag} | {p['bytes'] / 1024:.0f} | {p['rss_mib']} |"
            )
        lines += [
            "",
            f"RSS after all pages (caches cleared before each page) {pg['rss_after_all_mib']} MiB; after one more pass "
            f"over every page keeping every cache, as a server does ({pg['server_pass_cpu_s']} CPU s) "
            f"{pg['rss_server_pass_mib']} MiB; process peak {pg['peak_rss_mib']} MiB"
            + (f". A fresh server process rendering every page once, every cache kept "
               f"({pg['fresh_server']['server_pass_cpu_s']} CPU s): {pg['fresh_server']['rss_server_pass_mib']} MiB, "
               f"peak {pg['fresh_server']['peak_rss_mib']} MiB" if pg.get("fresh_server") else ""),
            "",
        ]
    sm = results.get("summary")
    if sm:
        lines += [
            "`python -m metrics summary` on the large workspace",
            "",
            "| period | wall s | CPU s | peak RSS MiB |",
            "|---|---|---|---|",
        ]
        lines += [f"| {k} | {v['wall_s']} | {v['cpu_s']} | {v['peak_rss_mib']} |" for k, v in sm.items()]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    sub = ap.add_subparsers(dest="cmd")
    pc = sub.add_parser("pages", help="(internal) run every page on one workspace; used as a child process")
    pc.add_argument("--store", type=Path, required=True)
    pc.add_argument("--workspace", required=True)
    pc.add_argument("--start", required=True)
    pc.add_argument("--end", required=True)
    pc.add_argument("--out", type=Path, required=True)
    pc.add_argument("--server-only", action="store_true", help="only a fresh server's pass over every page (caches kept)")
    ap.add_argument("--full", action="store_true", help="the issue's sizes (slow: tens of minutes here)")
    ap.add_argument(
        "--only", choices=("import", "pages", "summary"), action="append", help="run only these parts (repeatable); default all"
    )
    ap.add_argument("--work", type=Path, help="working folder (kept; a large workspace already in it is reused)")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json", help="where to write the results")
    args = ap.parse_args(argv)
    if args.cmd == "pages":
        pages_child(args.store, args.workspace, args.start, args.end, args.out, args.server_only)
        return 0

    from sample_data import generate as demo_gen

    only = set(args.only or ("import", "pages", "summary"))
    work = args.work or Path(tempfile.mkdtemp(prefix="boussole-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    end = demo_gen.last_complete_iso_week_sunday(dt.date.today())
    results: dict = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "size": "full" if args.full else "quick",
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
            "loadavg_start": os.getloadavg(),
        },
    }
    try:
        if "import" in only:
            print("import…", flush=True)
            results["import"] = bench_import(work, FULL_IMPORT_ROWS if args.full else QUICK_IMPORT_ROWS)
        if only & {"pages", "summary"}:
            large_store = work / "large_store"
            if not (large_store / "large").is_dir():
                print("generating the large workspace…", flush=True)
                # in a child: a child's ru_maxrss counts the RSS of the process it is started from,
                # so a parent that had held the generated frames (~3 GB at --full) inflated every
                # later child's peak (the summary CLI showed 3,174 MiB for a 923 MiB process)
                gen = run_child(["-m", "bench.large_workspace", str(large_store), "--workspace", "large",
                                 "--end", end.isoformat(), *(["--full"] if args.full else [])])
                if gen["rc"] != 0:
                    raise SystemExit("generating the large workspace failed:\n" + gen["output"])
                results["large_workspace"] = {**json.loads(gen["output"].strip().splitlines()[-1]),
                                              "peak_rss_mib": gen["peak_rss_mib"]}
        if "pages" in only:
            demo_store = work / "demo_store"
            if not (demo_store / "demo").is_dir():
                demo_gen.ensure_demo(demo_store, dt.date.today())
            period = (end - dt.timedelta(days=27), end)
            print("pages (demo)…", flush=True)
            results["pages_demo"] = bench_pages(demo_store, "demo", *period, work)
            print("pages (large)…", flush=True)
            results["pages_large"] = bench_pages(work / "large_store", "large", *period, work)
        if "summary" in only:
            print("summary CLI…", flush=True)
            results["summary"] = bench_summary(work / "large_store", "large", end)
    finally:
        results["machine"]["loadavg_end"] = os.getloadavg()
        results["total_s"] = round(time.perf_counter() - t_start, 1)
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(results))
    print(f"\ntotal {results['total_s']} s; results in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
