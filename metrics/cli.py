"""Command line of the metrics package: ``python -m metrics summary`` and ``python -m metrics report`` (:mod:`report.cli`).

``python -m metrics summary --workspace W [--store DIR] --start YYYY-MM-DD --end YYYY-MM-DD
[--as-of YYYY-MM-DD] [--flat]`` prints the JSON summary of :mod:`metrics.summary`, read
through :mod:`connectors.loader` (the loader every page and the report use).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from connectors.loader import load_summary, load_tables
from connectors.store import resolve_root
from metrics.goals import history_start
from metrics.summary import flatten

# kept for callers of the former loader name
load_summary_inputs = load_tables
__all__ = ["history_start", "load_summary", "load_summary_inputs", "load_tables", "main"]


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m metrics", description="Boussole metrics")
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("summary", help="print the JSON summary of a workspace over a period")
    sp.add_argument("--workspace", "-w", required=True)
    sp.add_argument("--store", default=None, help="store root (default: $BOUSSOLE_STORE, else <project>/data)")
    sp.add_argument("--start", required=True, type=_date)
    sp.add_argument("--end", required=True, type=_date)
    sp.add_argument("--as-of", type=_date, default=None, help="day the goals are judged on (default: the day after --end)")
    sp.add_argument("--flat", action="store_true", help="dotted keys (presence.mentions) instead of nested objects")
    from report.cli import add_parser, run  # the report's code lives in the report package

    add_parser(sub)
    args = ap.parse_args(argv)
    if args.command == "report":
        return run(args)
    if args.end < args.start:
        ap.error("--end is before --start")
    root = resolve_root(args.store)
    if not (root / args.workspace).is_dir():
        print(f"error: no workspace {args.workspace!r} in {root}", file=sys.stderr)
        return 2
    out = load_summary(root, args.workspace, args.start, args.end, args.as_of)
    if args.flat:
        out = flatten(out)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0
