"""Objective 1 - presence: followers, reach of content, mentions, share of voice.

No double counting
------------------
Three tables can carry the same flow metric (impressions, engagements, comments...):
``audience`` (account-level, per day), ``content_daily`` (per post per day) and ``posts``
(per post, lifetime figures as of the export). They are layered per platform, account,
metric **and day**:

1. ``audience`` is the total wherever it has a known value for that metric on that day;
2. otherwise ``content_daily`` rows of that day count;
3. otherwise posts count with their lifetime figures on the day they were published
   (``published_at`` converted to the workspace time zone), unless the post has daily
   rows in ``content_daily`` for that metric (then those rows stand for it).

A post whose account is unknown is "covered" when any account of its platform has an
``audience`` value for that metric that day.

Derived engagements
-------------------
Some exports give the parts of engagement but no total (an Instagram posts export has
likes, comments, shares and saves; no "engagements" column). Wherever a row has no
``engagements`` value but reports reactions (likes), engagements = reactions + comments
+ shares + saves, summed over the parts the row reports (an unreported part adds
nothing). A row without likes derives nothing (comments alone are not engagement), and a
row that reports a total keeps it. The same rule holds for every
platform, the summary and the pages (see :func:`metric_values`). Deciding per day keeps totals additive:
splitting a period in two and adding the halves gives the whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from metrics import NAN, DateLike, day, day_series, local_day_series, memo, num, rows_in, safe_div, text, total

FLOW_METRICS = ("impressions", "reach", "views", "engagements", "reactions", "comments", "shares", "clicks")
ENGAGEMENT_PARTS = ("reactions", "comments", "shares", "saves")
_FLOW_COLS = ["date", "platform", "account", "value", "origin"]


def _empty_flows() -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.Series([], dtype="datetime64[ns]"), "platform": pd.Series([], dtype="object"),
        "account": pd.Series([], dtype="object"), "value": pd.Series([], dtype="float64"),
        "origin": pd.Series([], dtype="object"),
    })


def _frame(df: pd.DataFrame | None) -> pd.DataFrame:
    return df if df is not None else pd.DataFrame()


def metric_values(df: pd.DataFrame, metric: str) -> pd.Series:
    """Values of a flow ``metric`` per row (NaN when unknown); ``engagements`` falls back to
    the sum of its reported parts (module docstring, "Derived engagements")."""
    v = num(df, metric)
    if metric == "engagements":
        parts = [num(df, c) for c in ENGAGEMENT_PARTS if c in df.columns]
        if "reactions" in df.columns:
            derived = pd.concat(parts, axis=1).sum(axis=1, min_count=1).where(num(df, "reactions").notna())
            v = v.where(v.notna(), derived)
    return v


def _has(df: pd.DataFrame, metric: str) -> bool:
    return metric in df.columns or (metric == "engagements" and "reactions" in df.columns)


def daily_flows(
    metric: str,
    audience: pd.DataFrame | None,
    posts: pd.DataFrame | None = None,
    content_daily: pd.DataFrame | None = None,
    tz: str | None = "UTC",
) -> pd.DataFrame:
    """Day-level contributions to a flow ``metric`` without double counting.

    Returns columns ``date, platform, account, value, origin`` (origin ``audience``,
    ``content_daily`` or ``posts``); only known values. Layering rules: module docstring.
    Memoized per input frames (see :func:`metrics.memo`): do not mutate the result."""
    return memo("daily_flows", (audience, posts, content_daily), (metric, tz),
                lambda: _daily_flows(metric, audience, posts, content_daily, tz))


def _daily_flows(metric, audience, posts, content_daily, tz) -> pd.DataFrame:
    audience, posts, content_daily = _frame(audience), _frame(posts), _frame(content_daily)
    parts: list[pd.DataFrame] = []
    if len(audience) and _has(audience, metric):
        v = metric_values(audience, metric)
        a = pd.DataFrame({
            "date": day_series(audience["date"]), "platform": text(audience, "platform"),
            "account": text(audience, "account"), "value": v, "origin": "audience",
        })[v.notna().to_numpy()]
        parts.append(a[a["date"].notna()])
    aud = parts[0] if parts else _empty_flows()

    def uncovered(f: pd.DataFrame) -> pd.DataFrame:
        """Rows whose (platform, account, day) has no audience value (no account: whose
        (platform, day) has none)."""
        if not len(f):
            return f
        no_account = f["account"].isna().to_numpy()
        covered = np.zeros(len(f), dtype=bool)
        if not no_account.all():
            covered = rows_in([f["platform"], f["account"], f["date"]], [aud["platform"], aud["account"], aud["date"]])
        if no_account.any():
            covered = np.where(no_account, rows_in([f["platform"], f["date"]], [aud["platform"], aud["date"]]), covered)
        return f[~covered]

    daily_posts: list[pd.Series] = []
    if len(content_daily) and _has(content_daily, metric):
        v = metric_values(content_daily, metric)
        c = pd.DataFrame({
            "date": day_series(content_daily["date"]), "platform": text(content_daily, "platform"),
            "account": text(content_daily, "account"), "post_id": text(content_daily, "post_id"), "value": v,
            "origin": "content_daily",
        })[v.notna().to_numpy()]
        c = c[c["date"].notna()]
        daily_posts = [c["platform"], c["post_id"]]
        parts.append(uncovered(c.drop(columns=["post_id"])))
    if len(posts) and _has(posts, metric) and "published_at" in posts.columns:
        v = metric_values(posts, metric)
        p = pd.DataFrame({
            "date": local_day_series(posts["published_at"], tz), "platform": text(posts, "platform"),
            "account": text(posts, "account"), "post_id": text(posts, "post_id"), "value": v, "origin": "posts",
        })[v.notna().to_numpy()]
        p = p[p["date"].notna()]
        if daily_posts and len(p):
            p = p[~rows_in([p["platform"], p["post_id"]], daily_posts)]
        parts.append(uncovered(p.drop(columns=["post_id"])))
    parts = [x for x in parts if len(x)]
    if not parts:
        return _empty_flows()
    out = pd.concat(parts, ignore_index=True)
    return out[_FLOW_COLS]


def _in_period(dates: pd.Series, start: DateLike, end: DateLike) -> pd.Series:
    return (dates >= day(start)) & (dates <= day(end))


def _platform_filter(df: pd.DataFrame, platform: str | Iterable[str] | None) -> pd.DataFrame:
    if platform is None:
        return df
    wanted = {platform} if isinstance(platform, str) else set(platform)
    return df[df["platform"].isin(wanted)]


def flow_total(
    metric: str,
    audience: pd.DataFrame | None,
    posts: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    content_daily: pd.DataFrame | None = None,
    platform: str | None = None,
) -> float:
    """Sum of a flow ``metric`` over ``[start, end]`` (days of :func:`daily_flows`); NaN when no value is known."""
    f = daily_flows(metric, audience, posts, content_daily, tz)
    f = _platform_filter(f[_in_period(f["date"], start, end)], platform)
    return total(f["value"])


def flow_by(
    metric: str,
    audience: pd.DataFrame | None,
    posts: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    content_daily: pd.DataFrame | None = None,
    by: tuple[str, ...] = ("platform",),
) -> pd.Series:
    """A flow ``metric`` over ``[start, end]`` broken down ``by`` platform and/or account."""
    f = daily_flows(metric, audience, posts, content_daily, tz)
    f = f[_in_period(f["date"], start, end)]
    return f.groupby(list(by), dropna=False)["value"].sum(min_count=1).rename(metric)


def impressions(audience, posts, start, end, tz="UTC", content_daily=None, platform=None) -> float:
    """Impressions in the period: sum of the daily series, posts where no series (see module)."""
    return flow_total("impressions", audience, posts, start, end, tz, content_daily, platform)


def engagements(audience, posts, start, end, tz="UTC", content_daily=None, platform=None) -> float:
    """Engagements in the period: sum of the daily series, posts where no series (see module)."""
    return flow_total("engagements", audience, posts, start, end, tz, content_daily, platform)


def comments(audience, posts, start, end, tz="UTC", content_daily=None, platform=None) -> float:
    """Comments received in the period: sum of the daily series, posts where no series (see module)."""
    return flow_total("comments", audience, posts, start, end, tz, content_daily, platform)


# --------------------------------------------------------------------------- followers (stock)


def _followers_frame(audience: pd.DataFrame | None) -> pd.DataFrame | None:
    def make() -> pd.DataFrame | None:
        a = _frame(audience)
        if not len(a) or "followers" not in a.columns:
            return None
        f = pd.DataFrame({
            "date": day_series(a["date"]), "platform": text(a, "platform"),
            "account": text(a, "account").fillna(""), "followers": num(a, "followers"),
        })
        return f[f["followers"].notna() & f["date"].notna()].sort_values("date", kind="stable")

    return memo("followers", (audience,), (), make)


def followers_at_by_account(audience: pd.DataFrame | None, at: DateLike, platform: str | None = None) -> pd.Series:
    """Followers per (platform, account): the last known value on a day <= ``at``."""
    f = _followers_frame(audience)
    if f is None:
        return pd.Series([], dtype="float64", index=pd.MultiIndex.from_arrays([[], []], names=["platform", "account"]))
    f = f[f["date"] <= day(at)]
    if platform is not None:
        f = f[f["platform"] == platform]
    return f.groupby(["platform", "account"])["followers"].last()


def followers_end(audience: pd.DataFrame | None, end: DateLike, platform: str | None = None) -> float:
    """Followers at period end: per platform and account the last known ``followers`` value on a
    day <= ``end``, summed over accounts. NaN when no account has a value."""
    return total(followers_at_by_account(audience, end, platform))


def followers_by_platform(audience: pd.DataFrame | None, end: DateLike) -> pd.Series:
    """Followers at ``end`` per platform (sum over that platform's accounts)."""
    s = followers_at_by_account(audience, end)
    return s.groupby(level="platform").sum(min_count=1).rename("followers")


def followers_as_of(audience: pd.DataFrame | None, end: DateLike, platform: str | None = None) -> dt.date | None:
    """Day of the most recent ``followers`` value on a day <= ``end`` (over accounts), None when none.

    Followers are a stock: the value at ``end`` is the last one known. When this day is
    before the period, the figure is a *last known* value, not a measure of the period."""
    f = _followers_frame(audience)
    if f is None:
        return None
    f = f[f["date"] <= day(end)]
    if platform is not None:
        f = f[f["platform"] == platform]
    return None if not len(f) else pd.Timestamp(f["date"].max()).date()


def followers_start(audience: pd.DataFrame | None, start: DateLike, platform: str | None = None) -> float:
    """Followers at period start = at the end of the day before ``start``."""
    return followers_end(audience, day(start) - dt.timedelta(days=1), platform)


def new_followers_by_account(
    audience: pd.DataFrame | None, start: DateLike, end: DateLike, platform: str | None = None
) -> pd.DataFrame:
    """Net new followers per (platform, account) over ``[start, end]``.

    Per account: ``followers_end - followers at end of (start - 1)`` when both totals are
    known and the end total was observed within the period (a value carried forward from
    before the period is not a measure of it: no "+0 growth" for a silent account; the
    total is what the platform counts, including changes no daily row shows);
    otherwise ``sum(new_followers) - sum(lost_followers)`` over the period's days, where an
    export without a ``lost_followers`` column counts gains only (the platform reports no
    losses); NaN when neither is known. Columns: ``net, start_followers, end_followers, method``.
    """
    audience = _frame(audience)
    if not len(audience):
        return pd.DataFrame(columns=["platform", "account", "net", "start_followers", "end_followers", "method"]).set_index(
            ["platform", "account"]
        )
    s0 = followers_at_by_account(audience, day(start) - dt.timedelta(days=1), platform)
    s1 = followers_at_by_account(audience, end, platform)
    # a total carried forward from before the period measures nothing in it: growth unknown
    ff = _followers_frame(audience)
    if ff is not None and len(s1):
        inside = ff[_in_period(ff["date"], start, end)]
        if platform is not None:
            inside = inside[inside["platform"] == platform]
        seen = pd.MultiIndex.from_frame(inside[["platform", "account"]].drop_duplicates())
        s1 = s1[s1.index.isin(seen)]
    f = memo("new_lost", (audience,), (), lambda: pd.DataFrame({
        "date": day_series(audience["date"]), "platform": text(audience, "platform"),
        "account": text(audience, "account").fillna(""), "new": num(audience, "new_followers"),
        "lost": num(audience, "lost_followers"),
    }))
    f = f[_in_period(f["date"], start, end)]
    if platform is not None:
        f = f[f["platform"] == platform]
    flows = f.groupby(["platform", "account"])[["new", "lost"]].sum(min_count=1)
    keys = s0.index.union(s1.index).union(flows.index)
    out = pd.DataFrame(index=keys)
    out["start_followers"] = s0.reindex(keys)
    out["end_followers"] = s1.reindex(keys)
    new = flows["new"].reindex(keys)
    lost = flows["lost"].reindex(keys)
    from_totals = out["end_followers"] - out["start_followers"]
    from_flows = pd.Series(np.where(new.notna(), new - lost.fillna(0.0), -lost), index=keys)
    out["net"] = from_totals.where(from_totals.notna(), from_flows)
    out["method"] = np.where(from_totals.notna(), "totals", np.where(from_flows.notna(), "flows", None))
    return out


def new_followers(audience: pd.DataFrame | None, start: DateLike, end: DateLike, platform: str | None = None) -> float:
    """Net new followers over the period, summed over accounts (rule: :func:`new_followers_by_account`)."""
    return total(new_followers_by_account(audience, start, end, platform)["net"])


def follower_growth_rate(audience: pd.DataFrame | None, start: DateLike, end: DateLike, platform: str | None = None) -> float:
    """Net new followers / followers at period start, over accounts whose start total is known.

    Denominator: followers at the end of the day before ``start``. NaN when it is 0 or unknown."""
    t = new_followers_by_account(audience, start, end, platform)
    t = t[t["start_followers"].notna() & t["net"].notna()]
    return safe_div(total(t["net"]), total(t["start_followers"]))


# --------------------------------------------------------------------------- engagement rates


def _account_totals(metric: str, audience, posts, start, end, tz, content_daily, platform) -> pd.Series:
    f = daily_flows(metric, audience, posts, content_daily, tz)
    f = _platform_filter(f[_in_period(f["date"], start, end)], platform)
    f = f.assign(account=f["account"].fillna(""))
    return f.groupby(["platform", "account"])["value"].sum(min_count=1)


def engagement_rate_reach(audience, posts, start, end, tz="UTC", content_daily=None, platform=None) -> float:
    """Engagement rate by reach = sum(engagements) / sum(reach) over the period.

    Both summed over the accounts that report both (reach summed over days, as the
    platforms export it: not unique reach). NaN when reach is 0 or unknown."""
    e = _account_totals("engagements", audience, posts, start, end, tz, content_daily, platform)
    r = _account_totals("reach", audience, posts, start, end, tz, content_daily, platform)
    return _rate(e, r)


def engagement_rate_followers(audience, posts, start, end, tz="UTC", content_daily=None, platform=None) -> float:
    """Engagement rate by followers = sum(engagements in the period) / followers at period end.

    Over the accounts that report both. NaN when followers are 0 or unknown."""
    e = _account_totals("engagements", audience, posts, start, end, tz, content_daily, platform)
    f = followers_at_by_account(audience, end, platform)
    both = e.index.intersection(f.index)
    return safe_div(total(e.reindex(both)), total(f.reindex(both)))


def _per_post(metric: str, posts: pd.DataFrame | None, start, end, tz, platform) -> float:
    posts = _frame(posts)
    if not len(posts) or metric not in posts.columns or "published_at" not in posts.columns:
        return NAN
    d = local_day_series(posts["published_at"], tz)
    v = num(posts, metric)
    m = _in_period(d, start, end) & v.notna()
    if platform is not None:
        m &= text(posts, "platform") == platform
    return safe_div(total(v[m]), float(m.sum()))


def conversation_rate(posts, start, end, tz="UTC", platform=None) -> float:
    """Conversation rate (Kaushik) = comments / posts, over posts published in the period that
    report comments (lifetime figures). Per post, not per follower. NaN when no such post."""
    return _per_post("comments", posts, start, end, tz, platform)


def amplification_rate(posts, start, end, tz="UTC", platform=None) -> float:
    """Amplification rate (Kaushik) = shares / posts, over posts published in the period that
    report shares. Per post. NaN when no such post."""
    return _per_post("shares", posts, start, end, tz, platform)


def applause_rate(posts, start, end, tz="UTC", platform=None) -> float:
    """Applause rate (Kaushik) = reactions (likes, favourites) / posts, over posts published in the
    period that report reactions. Per post. NaN when no such post."""
    return _per_post("reactions", posts, start, end, tz, platform)


# --------------------------------------------------------------------------- mentions


def mentions(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    platform: str | None = None,
) -> float:
    """Mentions of the own brand in the period (listening rows, or daily aggregates where a
    source has no rows that day; see :mod:`metrics.sentiment`). NaN when nothing is known."""
    from metrics.sentiment import brand_mentions

    d = brand_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, competitors, platform)
    return total(d["mentions"]) if len(d) else NAN


def share_of_voice(
    mentions_df: pd.DataFrame | None,
    sentiment_daily: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    own_brand: str | None = None,
    competitors: Iterable[str] = (),
    platform: str | None = None,
) -> float:
    """Share of voice = own-brand mentions / mentions of all tracked brands (own + competitors).

    NaN when no competitor is configured (a share of one brand means nothing) or there is
    no mention of any tracked brand."""
    from metrics.sentiment import period_mentions

    comps = [c for c in competitors if c]
    if not comps:
        return NAN
    d = period_mentions(mentions_df, sentiment_daily, start, end, tz, own_brand, comps, platform)
    own = d[d["is_own"]]
    tracked = d[d["is_own"] | d["brand_key"].isin({c.casefold() for c in comps})]
    if not len(tracked):
        return NAN
    return safe_div(float(own["mentions"].sum()), float(tracked["mentions"].sum()))


# --------------------------------------------------------------------------- many buckets at once
# A goal's weekly series asks the same question for 52+ consecutive buckets. These cut the rows
# into buckets in one pass instead of filtering the whole frame per bucket, and keep the
# per-bucket functions' exact arithmetic (the same sums over the same values in the same
# order), so each value is identical to the one :func:`engagement_rate_reach` /
# :func:`followers_end` give for that bucket alone.


def _bucket_of(dates: pd.Series, periods: list[tuple[dt.date, dt.date]]) -> np.ndarray:
    """Index of the period holding each date (periods sorted, not overlapping); -1 for none."""
    starts = np.array([np.datetime64(day(a), "ns") for a, _ in periods])
    ends = np.array([np.datetime64(day(b), "ns") for _, b in periods])
    d = dates.to_numpy(dtype="datetime64[ns]")
    i = np.searchsorted(starts, d, "right") - 1
    ok = (i >= 0) & ~np.isnat(d)
    ok[ok] = d[ok] <= ends[i[ok]]
    return np.where(ok, i, -1)


def _account_totals_buckets(metric: str, audience, posts, periods, tz, content_daily, platform) -> list[pd.Series]:
    """:func:`_account_totals` of each period: the rows are cut into buckets in one pass, then
    each bucket's rows (in their order) grouped exactly as :func:`_account_totals` groups them
    (the same groupby on the same rows: a groupby over every bucket at once may add in another
    order and differ in the last bit)."""
    f = _platform_filter(daily_flows(metric, audience, posts, content_daily, tz), platform)
    f = f.assign(account=f["account"].fillna(""))
    return [part.groupby(["platform", "account"])["value"].sum(min_count=1) for part in _bucket_slices(f, periods)]


def _bucket_slices(f: pd.DataFrame, periods) -> list[pd.DataFrame]:
    """The rows of ``f`` in each period (rows in their order), cut in one pass."""
    b = _bucket_of(f["date"], periods)
    order = np.argsort(b, kind="stable")
    f = f.iloc[order]
    bounds = np.searchsorted(b[order], np.arange(len(periods) + 1), "left")
    return [f.iloc[bounds[i]:bounds[i + 1]] for i in range(len(periods))]


def flow_total_buckets(metric: str, audience, posts, periods: list[tuple[dt.date, dt.date]], tz="UTC", content_daily=None,
                       platform=None) -> list[float]:
    """:func:`flow_total` of each of ``periods`` (sorted, not overlapping): the same ``total``
    of the same values in the same order per period."""
    if not _sorted_buckets(periods):
        return [flow_total(metric, audience, posts, a, b, tz, content_daily, platform) for a, b in periods]
    f = _platform_filter(daily_flows(metric, audience, posts, content_daily, tz), platform)
    return [total(part["value"]) for part in _bucket_slices(f, periods)]


def _sorted_buckets(periods: list[tuple[dt.date, dt.date]]) -> bool:
    return all(a <= b for a, b in periods) and all(periods[i][1] < periods[i + 1][0] for i in range(len(periods) - 1))


def _rate(e: pd.Series, r: pd.Series) -> float:
    both = e.index.intersection(r.index)
    return safe_div(total(e.reindex(both)), total(r.reindex(both)))


def engagement_rate_reach_buckets(audience, posts, periods: list[tuple[dt.date, dt.date]], tz="UTC", content_daily=None,
                                  platform=None) -> list[float]:
    """:func:`engagement_rate_reach` of each of ``periods`` (sorted, not overlapping)."""
    if not _sorted_buckets(periods):
        return [engagement_rate_reach(audience, posts, a, b, tz, content_daily, platform) for a, b in periods]
    e = _account_totals_buckets("engagements", audience, posts, periods, tz, content_daily, platform)
    r = _account_totals_buckets("reach", audience, posts, periods, tz, content_daily, platform)
    return [_rate(x, y) for x, y in zip(e, r, strict=True)]


def followers_end_buckets(audience: pd.DataFrame | None, ends: list[dt.date], platform: str | None = None) -> list[float]:
    """:func:`followers_end` at each of ``ends``."""
    f = _followers_frame(audience)
    if f is None:
        return [total(pd.Series([], dtype="float64")) for _ in ends]
    if platform is not None:
        f = f[f["platform"] == platform]
    at = np.array([np.datetime64(day(x), "ns") for x in ends])
    cols = []  # per account (in groupby order): its last known value at each end, NaN before its first
    for _, g in f.groupby(["platform", "account"]):
        d = g["date"].to_numpy(dtype="datetime64[ns]")
        v = g["followers"].to_numpy(dtype="float64")
        k = np.searchsorted(d, at, "right") - 1
        cols.append(np.where(k >= 0, v[np.maximum(k, 0)], np.nan))
    out = []
    for j in range(len(ends)):
        vals = [c[j] for c in cols if not np.isnan(c[j])]
        out.append(total(np.array(vals, dtype="float64")))
    return out
