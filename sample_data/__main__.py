"""``python -m sample_data [--store DIR] [--end YYYY-MM-DD] [--workspace NAME] [--seed N]``

Generates the demo workspace into the store (default: ``$BOUSSOLE_STORE`` or ``<project>/data``).
An existing workspace is left alone unless ``--replace`` is given.
Without ``--end`` the data ends on the Sunday of the last complete ISO week before today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from connectors.store import delete_workspace, list_workspaces, resolve_root
from sample_data.generate import generate, last_complete_iso_week_sunday


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sample_data", description="Generate the Boussole demo workspace.")
    ap.add_argument("--store", help="store root (default: $BOUSSOLE_STORE or <project>/data)")
    ap.add_argument("--end", type=dt.date.fromisoformat, help="last day of data, YYYY-MM-DD (default: last complete ISO week)")
    ap.add_argument("--workspace", default="demo", help="workspace name (default: demo)")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--months", type=int, default=18)
    ap.add_argument("--replace", action="store_true", help="delete the workspace first if it already exists")
    ap.add_argument("--manifest", action="store_true", help="print the manifest of planted facts as JSON")
    args = ap.parse_args(argv)
    root = resolve_root(args.store)
    end = args.end or last_complete_iso_week_sunday(dt.date.today())
    if args.workspace in list_workspaces(root):
        if not args.replace:
            print(f"workspace {args.workspace!r} already exists in {root}; use --replace to regenerate it", file=sys.stderr)
            return 1
        delete_workspace(root, args.workspace)
    t0 = time.perf_counter()
    manifest = generate(root, args.workspace, end=end, seed=args.seed, months=args.months)
    took = time.perf_counter() - t0
    if args.manifest:
        print(json.dumps(manifest, ensure_ascii=False, indent=2))
    else:
        rows = ", ".join(f"{t} {n}" for t, n in manifest["rows"].items())
        print(f"workspace {args.workspace!r} in {root}: {manifest['start']} .. {manifest['end']} ({rows}) in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
