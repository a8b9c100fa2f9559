"""Seeded generator of a large workspace for ``python -m bench``.

It starts from the demo generator (``sample_data.generate._Demo``, not modified: same
seasonality, crisis, campaigns, texts, configuration documents) run over ``years`` years, then
scales the big tables up to the asked sizes:

* ``audience`` / ``audience_breakdown``: ``accounts`` accounts spread over the demo's 6 platforms
  (account ``k`` of a platform = the demo account's series times a seeded factor 0.3–1.5);
* ``posts``: ``posts`` rows drawn with replacement from the demo's posts (new ids, an account of
  the same platform, ``published_at`` moved by up to ±12 h inside the period);
* ``mentions``: ``mentions`` rows drawn with replacement (new ids, ``published_at`` + 0–60 min,
  kept inside the period), so texts, languages, sentiment and brands keep the demo's mix;
* ``traffic``: the demo's rows repeated with the landing page suffixed ``/p<k>`` (a larger site,
  new primary keys), ``traffic`` rows kept.

Everything goes through :func:`connectors.store.write_frames` (the real writer) in one commit.

    python -m bench.large_workspace /tmp/store            # quick size
    python -m bench.large_workspace /tmp/store --full     # the issue-16 size
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from connectors import store
from sample_data import generate as demo_gen


@dataclass(frozen=True)
class Size:
    years: int
    accounts: int
    posts: int
    mentions: int
    traffic: int


QUICK = Size(years=1, accounts=6, posts=10_000, mentions=300_000, traffic=200_000)
FULL = Size(years=3, accounts=12, posts=50_000, mentions=2_000_000, traffic=1_000_000)

_AUDIENCE_COUNTS = (
    "followers",
    "new_followers",
    "lost_followers",
    "impressions",
    "reach",
    "views",
    "engagements",
    "profile_views",
    "reactions",
    "comments",
    "shares",
    "clicks",
    "posts_published",
)


def _accounts(frame: pd.DataFrame, per_platform: dict[str, int]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for plat, acc in frame[["platform", "account"]].drop_duplicates().itertuples(index=False):
        n = per_platform.get(plat, 1)
        out[plat] = [acc] + [f"{acc}_{k + 1}" for k in range(1, n)]
    return out


def _spread(total: int, platforms: list[str]) -> dict[str, int]:
    base, extra = divmod(total, len(platforms))
    return {p: base + (1 if i < extra else 0) for i, p in enumerate(sorted(platforms))}


def build(size: Size, end: dt.date, seed: int = 16) -> tuple[dict[str, pd.DataFrame], dict]:
    """The large workspace's tables and configuration documents (nothing written)."""
    rng = np.random.default_rng(seed)
    demo = demo_gen._Demo(end, seed=20261122, months=12 * size.years)
    frames, configs = demo.build()
    lo = pd.Timestamp(demo.start, tz="UTC")
    hi = pd.Timestamp(end + dt.timedelta(days=1), tz="UTC") - pd.Timedelta(seconds=1)

    aud = frames["audience"]
    accounts = _accounts(aud, _spread(max(size.accounts, aud["platform"].nunique()), sorted(aud["platform"].unique())))
    parts = []
    for plat, names in accounts.items():
        src = aud[aud["platform"] == plat]
        for k, name in enumerate(names):
            part = src.copy()
            part["account"] = name
            if k:
                factor = rng.uniform(0.3, 1.5)
                for c in _AUDIENCE_COUNTS:
                    if c in part:
                        part[c] = (part[c].astype("float64") * factor).round().astype("Int64")
            parts.append(part)
    frames["audience"] = pd.concat(parts, ignore_index=True)

    br = frames["audience_breakdown"]
    frames["audience_breakdown"] = pd.concat(
        [br[br["platform"] == p].assign(account=n) for p, names in accounts.items() for n in names], ignore_index=True
    )

    posts = frames["posts"]
    pick = posts.iloc[rng.integers(0, len(posts), size.posts)].reset_index(drop=True)
    pick["post_id"] = [f"bench{i:07d}" for i in range(len(pick))]
    pick["account"] = [
        names[j]
        for names, j in zip(
            (accounts[p] for p in pick["platform"]),
            rng.integers(0, 1 << 30, len(pick)) % np.array([len(accounts[p]) for p in pick["platform"]]),
            strict=True,
        )
    ]
    shift = pd.to_timedelta(rng.integers(-12 * 3600, 12 * 3600, len(pick)), unit="s")
    pick["published_at"] = (pick["published_at"] + shift).clip(lo, hi)
    frames["posts"] = pick

    men = frames["mentions"]
    pick = men.iloc[rng.integers(0, len(men), size.mentions)].reset_index(drop=True)
    pick["mention_id"] = [f"bm{i:08d}" for i in range(len(pick))]
    pick["published_at"] = (pick["published_at"] + pd.to_timedelta(rng.integers(0, 3600, len(pick)), unit="s")).clip(lo, hi)
    frames["mentions"] = pick.sort_values("published_at", kind="stable").reset_index(drop=True)

    tr = frames["traffic"]
    reps = max(1, math.ceil(size.traffic / len(tr)))
    big = pd.concat(
        [tr if k == 0 else tr.assign(landing_page=tr["landing_page"].fillna("") + f"/p{k}") for k in range(reps)],
        ignore_index=True,
    )
    if len(big) > size.traffic:
        big = big.iloc[np.sort(rng.choice(len(big), size.traffic, replace=False))]
    frames["traffic"] = big.reset_index(drop=True)
    return frames, configs


def write(root: Path, workspace: str = "large", size: Size = QUICK, end: dt.date | None = None, seed: int = 16) -> dict:
    """Generate and write the large workspace into the store at ``root``; return its row counts
    and the generation and write times."""
    end = end or demo_gen.last_complete_iso_week_sunday(dt.date.today())
    t0 = time.perf_counter()
    frames, configs = build(size, end, seed)  # any span of 12 months or more (sample_data.generate)
    t1 = time.perf_counter()
    store.write_frames(
        Path(root),
        workspace,
        list(frames.items()),
        fmt="sample_data",
        file_name="bench_large_workspace",
        now=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.timezone.utc),
    )
    for name, doc in configs.items():
        store.save_config(Path(root), workspace, name, doc)
    t2 = time.perf_counter()
    return {
        "workspace": workspace,
        "size": asdict(size),
        "end": end.isoformat(),
        "rows": {t: len(df) for t, df in frames.items()},
        "build_s": round(t1 - t0, 1),
        "write_s": round(t2 - t1, 1),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.large_workspace", description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path, help="store root to write into")
    ap.add_argument("--workspace", default="large")
    ap.add_argument("--full", action="store_true", help="the issue-16 size (3 years, 12 accounts, 2M mentions)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--end", type=dt.date.fromisoformat, default=None, help="last day (default: the last complete week's Sunday)")
    args = ap.parse_args(argv)
    print(json.dumps(write(args.store, args.workspace, FULL if args.full else QUICK, args.end, seed=args.seed)))


if __name__ == "__main__":
    main()
