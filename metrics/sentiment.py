"""Objective 2 - sentiment: positive, neutral and negative mentions and their ratios.

Sources of counts, never both for the same source and day
---------------------------------------------------------
* ``mentions``: one row per mention; its day is ``published_at`` in the workspace time
  zone; a mention without ``sentiment_label`` counts as a mention but in no sentiment class.
* ``sentiment_daily``: aggregates (per day, source, brand, topic) from listening dashboards.
  A ``sentiment_daily`` row is used only when the ``mentions`` table has **no** row for the
  same source (case-insensitive), brand and day. Within ``sentiment_daily``, rows without
  a topic are the totals of their (day, source, brand); topic rows are only summed into
  the totals when no topic-less row exists for it (a mention may carry several topics).

Brands: a mention whose brand is empty is taken as the own brand (listening exports of
one's own brand rarely name it); names are compared case-insensitively. With no own brand
configured, every brand that is not a listed competitor counts as own.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from metrics import (
    DateLike,
    day,
    day_series,
    fold,
    local_day_series,
    memo,
    mention_weights,
    nullify,
    num,
    per_distinct,
    safe_div,
    text,
)
from metrics.channels import platform_for_source

COUNT_COLS = ("mentions", "positive", "neutral", "negative")
_COLS = ["date", "source", "platform", "brand", "brand_key", "is_own", "topic", *COUNT_COLS, "origin"]


def _empty() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series([], dtype="object") for c in _COLS})
    out["date"] = pd.Series([], dtype="datetime64[ns]")
    for c in COUNT_COLS:
        out[c] = pd.Series([], dtype="float64")
    out["is_own"] = pd.Series([], dtype="bool")
    return out


def _source_platform(source: object) -> str | None:
    s = fold(source)
    if s is None:
        return None
    return s if s in ("x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "mastodon", "bluesky") else platform_for_source(s)


def mention_counts(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    by_topic: bool = False,
) -> pd.DataFrame:
    """Daily mention and sentiment counts per (date, source, brand[, topic]), all brands.

    Columns: ``date, source, platform, brand, brand_key, is_own, topic, mentions,
    positive, neutral, negative, origin`` (``mentions``/``sentiment_daily``). With
    ``by_topic`` the rows are per topic (mentions without a topic are left out), else
    each mention is counted once. A row of ``mentions_df`` counts as one mention, or as its
    ``n_mentions`` when the frame is counted per local day (:func:`metrics.mention_weights`).
    Source precedence: module docstring. Memoized per
    input frames (see :func:`metrics.memo`): do not mutate the result."""
    comp_key = tuple(sorted(c.strip().casefold() for c in competitors if c))
    return memo("mention_counts", (mentions_df, sentiment_daily), (tz, own_brand, comp_key, by_topic),
                lambda: _mention_counts(mentions_df, sentiment_daily, tz, own_brand, comp_key, by_topic))


def _mention_counts(mentions_df, sentiment_daily, tz, own_brand, competitors, by_topic) -> pd.DataFrame:
    comps = {c.strip().casefold() for c in competitors if c}
    own_key = own_brand.strip().casefold() if own_brand else None
    parts = []
    m = mentions_df if mentions_df is not None else pd.DataFrame()
    if len(m) and "published_at" in m.columns:
        lab = (per_distinct(m["sentiment_label"], fold) if "sentiment_label" in m.columns
               else pd.Series([None] * len(m), index=m.index, dtype="object"))
        w = mention_weights(m)
        f = pd.DataFrame({
            "date": local_day_series(m["published_at"], tz),
            "source": text(m, "source"), "brand": text(m, "brand"), "topic": text(m, "topic"),
            "mentions": w,
            "positive": (lab == "positive").to_numpy(dtype="float64") * w,
            "neutral": (lab == "neutral").to_numpy(dtype="float64") * w,
            "negative": (lab == "negative").to_numpy(dtype="float64") * w,
        }, index=m.index)
        f = f[f["date"].notna()]
        if by_topic:
            f = f[f["topic"].notna()]
        else:
            f["topic"] = None
        f = f.fillna({"source": "", "brand": "", "topic": ""})
        f = f.groupby(["date", "source", "brand", "topic"], as_index=False)[list(COUNT_COLS)].sum()
        f["origin"] = "mentions"
        parts.append(f)
    sd = sentiment_daily if sentiment_daily is not None else pd.DataFrame()
    if len(sd):
        g = pd.DataFrame({
            "date": day_series(sd["date"]), "source": text(sd, "source").fillna(""), "brand": text(sd, "brand").fillna(""),
            "topic": text(sd, "topic"), **{c: num(sd, c) for c in COUNT_COLS},
        })
        g = g[g["date"].notna()]
        if by_topic:
            g = g[g["topic"].notna()]
        else:
            has_total = g[g["topic"].isna()][["date", "source", "brand"]].drop_duplicates()
            key = pd.MultiIndex.from_frame(g[["date", "source", "brand"]])
            tot_key = pd.MultiIndex.from_frame(has_total)
            g = g[g["topic"].isna() | ~key.isin(tot_key)]
            g["topic"] = None
        g["topic"] = g["topic"].fillna("")
        g = g.groupby(["date", "source", "brand", "topic"], as_index=False)[list(COUNT_COLS)].sum(min_count=1)
        if parts:
            f = parts[0]
            seen = set(zip(f["date"], f["source"].str.casefold(), f["brand"].str.casefold(), strict=True))
            keep = [(d, s.casefold(), b.casefold()) not in seen for d, s, b in zip(g["date"], g["source"], g["brand"], strict=True)]
            g = g[np.array(keep, dtype=bool)]
        g["origin"] = "sentiment_daily"
        parts.append(g)
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty()
    out = pd.concat(parts, ignore_index=True)
    for c in ("source", "brand", "topic"):
        out[c] = nullify(out[c])
    out["brand_key"] = pd.Series([fold(b) for b in out["brand"]], index=out.index, dtype="object")
    if own_key is not None:
        out["is_own"] = out["brand_key"].isna() | (out["brand_key"] == own_key)
    else:
        out["is_own"] = ~out["brand_key"].isin(comps)
    out["is_own"] = out["is_own"].astype(bool)
    out["platform"] = per_distinct(out["source"], _source_platform)
    return out[_COLS]


def brand_mentions(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    platform: str | None = None,
    by_topic: bool = False,
) -> pd.DataFrame:
    """:func:`mention_counts` of the own brand within ``[start, end]`` (optionally one platform)."""
    d = period_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, competitors, platform, by_topic)
    return d[d["is_own"]]


def period_mentions(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    platform: str | None = None,
    by_topic: bool = False,
) -> pd.DataFrame:
    """:func:`mention_counts` of every brand (own and competitors) within ``[start, end]``
    (optionally one platform)."""
    d = mention_counts(mentions_df, sentiment_daily, tz, own_brand, competitors, by_topic)
    d = d[(d["date"] >= day(start)) & (d["date"] <= day(end))]
    if platform is not None:
        d = d[d["platform"] == platform]
    return d


def pos_neg_ratio(positive: float, negative: float) -> float:
    """Positive-to-negative ratio P / N. NaN when N = 0 or either count is unknown."""
    return safe_div(positive, negative)


def net_sentiment(positive: float, negative: float) -> float:
    """Net sentiment, neutral excluded = (P - N) / (P + N), in [-1, 1]. NaN when P + N = 0 or unknown."""
    return safe_div(float(positive) - float(negative), float(positive) + float(negative))


def _totals(d: pd.DataFrame) -> dict[str, float]:
    out = {c: float(d[c].sum(min_count=1)) if len(d) else float("nan") for c in COUNT_COLS}
    out["pos_neg_ratio"] = pos_neg_ratio(out["positive"], out["negative"])
    out["net_sentiment"] = net_sentiment(out["positive"], out["negative"])
    return out


def sentiment_totals(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    platform: str | None = None,
) -> dict[str, float]:
    """Own-brand ``mentions, positive, neutral, negative, pos_neg_ratio, net_sentiment`` over the
    period. Ratios are computed from the period's summed counts. NaN where nothing is known."""
    return _totals(brand_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, competitors, platform))


def sentiment_by(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    by: str = "source",
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
) -> pd.DataFrame:
    """Own-brand counts and ratios per ``by`` (``source``, ``platform``, ``topic`` or ``brand``;
    ``brand`` covers every brand, own and competitors). One row per group."""
    if by == "brand":
        d = period_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, competitors)
    else:
        d = brand_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, competitors, by_topic=(by == "topic"))
    rows = [{by: k, **_totals(g)} for k, g in d.groupby(d[by].fillna(""), sort=True)]
    cols = [by, *COUNT_COLS, "pos_neg_ratio", "net_sentiment"]
    out = pd.DataFrame(rows, columns=cols)
    out[by] = nullify(out[by])
    return out
