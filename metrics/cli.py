"""IO side of the metrics package: read the store, compute, print.

``python -m metrics summary --workspace W [--store DIR] --start YYYY-MM-DD --end YYYY-MM-DD
[--as-of YYYY-MM-DD] [--flat]`` prints the JSON summary of :mod:`metrics.summary`.

:func:`load_summary_inputs` is the one loader of the numbers: the Overview page calls it
(through its cache) so that page and CLI compute identically.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from connectors.store import load_config, read_table, resolve_root
from metrics.registry import Tables
from metrics.summary import flatten, summary

AUDIENCE_COLS = ["date", "platform", "account", "followers", "new_followers", "lost_followers", "impressions", "reach",
                 "engagements", "reactions", "comments", "shares"]
POST_COLS = ["post_id", "platform", "account", "published_at", "impressions", "reach", "engagements", "reactions", "comments",
             "shares"]
CONTENT_COLS = ["date", "platform", "account", "post_id", "impressions", "reach", "engagements", "reactions", "comments", "shares"]
MENTION_COLS = ["mention_id", "published_at", "source", "brand", "topic", "sentiment_label"]
SENTIMENT_COLS = ["date", "source", "brand", "topic", "mentions", "positive", "neutral", "negative"]
TRAFFIC_COLS = ["date", "grain", "period_start", "period_end", "property", "source", "medium", "campaign", "content", "term",
                "channel", "landing_page", "dimension", "dimension_value", "sessions", "users", "conversions", "revenue"]
LEAD_COLS = ["lead_id", "created_at", "source", "medium", "campaign", "stage", "value"]
COST_COLS = ["date", "period_end", "platform", "campaign", "category", "amount", "currency", "impressions", "clicks",
             "conversions", "conversion_value"]
HISTORY_WEEKS = 52


def _ts(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def history_start(start: dt.date, goals: Sequence[dict[str, Any]]) -> dt.date:
    """First day to read: ``start``, or 52 weeks before the earliest goal start (for goal
    trends and the best week ever), whichever is earlier."""
    lo = start
    for g in goals:
        try:
            gs = dt.date.fromisoformat(str(g.get("start"))[:10]) - dt.timedelta(weeks=HISTORY_WEEKS)
        except ValueError:
            continue
        lo = min(lo, gs)
    return lo


def load_summary_inputs(
    root: Path, ws: str, start: dt.date, end: dt.date, history_from: dt.date | None = None
) -> Tables:
    """Read what the summary needs for ``[start, end]`` (from ``history_from`` when given):
    only the columns used and, for dated tables, only the months in range. Instants are
    read a day wider on each side (the workspace time zone moves days by hours); the
    metrics cut exactly. Followers are read over the whole history up to ``end``
    (the last known value counts), costs too (a row may cover a range starting earlier)."""
    root = Path(root)
    lo = min(start, history_from) if history_from else start
    wide_lo, wide_hi = lo - dt.timedelta(days=1), end + dt.timedelta(days=1)
    wsconf = load_config(root, ws, "workspace", {}) or {}
    campaigns = load_config(root, ws, "campaigns", []) or []

    aud = read_table(root, ws, "audience", AUDIENCE_COLS, start=lo, end=end)
    older = read_table(root, ws, "audience", ["date", "platform", "account", "followers"], end=lo - dt.timedelta(days=1))
    older = older[older["followers"].notna()]
    if len(older):
        aud = pd.concat([older.reindex(columns=AUDIENCE_COLS), aud], ignore_index=True) if len(aud) else older.reindex(
            columns=AUDIENCE_COLS)
    posts = read_table(root, ws, "posts", POST_COLS,
                       filters=[("published_at", ">=", _ts(wide_lo)), ("published_at", "<", _ts(wide_hi + dt.timedelta(days=1)))])
    leads = read_table(root, ws, "leads", LEAD_COLS,
                       filters=[("created_at", ">=", _ts(wide_lo)), ("created_at", "<", _ts(wide_hi + dt.timedelta(days=1)))])
    costs = read_table(root, ws, "costs", COST_COLS, end=end)
    if len(costs):
        last = pd.to_datetime(costs["period_end"]).fillna(pd.to_datetime(costs["date"]))
        costs = costs[(last >= pd.Timestamp(lo)).to_numpy()]
    frames = {
        "audience": aud,
        "posts": posts,
        "content_daily": read_table(root, ws, "content_daily", CONTENT_COLS, start=lo, end=end),
        "mentions": read_table(root, ws, "mentions", MENTION_COLS, start=wide_lo, end=wide_hi),
        "sentiment_daily": read_table(root, ws, "sentiment_daily", SENTIMENT_COLS, start=lo, end=end),
        "traffic": read_table(root, ws, "traffic", TRAFFIC_COLS, start=lo, end=end),
        "leads": leads,
        "costs": costs,
    }
    return Tables.from_config(frames, wsconf, campaigns)


def load_summary(root: Path, ws: str, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> dict[str, Any]:
    """Read the store and compute :func:`metrics.summary.summary` (goals from the ``goals`` config)."""
    goals = load_config(Path(root), ws, "goals", []) or []
    tables = load_summary_inputs(Path(root), ws, start, end, history_start(start, goals) if goals else None)
    return summary(tables, start, end, goals, as_of)


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
    args = ap.parse_args(argv)
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
