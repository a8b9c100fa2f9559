"""The summary of a workspace over a period: the numbers behind the Overview page and
``python -m metrics summary``.

Shape (every value a number or None when there is no data; never a silent 0)::

    {"period": {"start", "end", "as_of", "timezone"},
     "presence": {followers_end, followers_as_of, followers_by_platform{platform: n}, new_followers,
                  follower_growth_rate, mentions, comments, impressions, engagements,
                  engagement_rate_reach, engagement_rate_followers, share_of_voice,
                  conversation_rate, amplification_rate, applause_rate},
     "sentiment": {mentions, positive, neutral, negative, pos_neg_ratio, net_sentiment},
     "relationships": {new_leads, lead_value, funnel{stage: {current, reached, conversion}}},
     "traffic": {sessions, users, social_sessions, social_users, social_share,
                 conversions, revenue, all_conversions, all_revenue, social_by_platform{}},
     "roi": {cost, ad_cost, value, value_basis, value_revenue, value_conversions, value_leads,
             roi, roi_reason, roas, cpl, cpa, cpc, cpm},
     "goals": [{id, metric, scope, status, current, baseline, target, progress,
                projection, projected_progress, deadline, problems[], warnings[]}]}

``traffic.conversions`` and ``traffic.revenue`` are those of social traffic (the
objective); ``all_*`` are the whole site's. Sentiment and mentions are the own brand's.
``followers_end`` is the last known total on a day <= end and ``followers_as_of`` that day:
when it is before ``start`` the figure is a last known value and growth is None (unknown,
never 0).
:func:`flatten` gives the same numbers under dotted keys (``presence.mentions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from metrics import DateLike, as_date, clean, fold, safe_div
from metrics import presence as pr
from metrics import relationships as rel
from metrics import traffic as tr
from metrics.goals import evaluate_goal
from metrics.registry import Tables, roi_row, sentiment_row


def summary(
    tables: Tables,
    start: DateLike,
    end: DateLike,
    goals: Iterable[Mapping[str, Any]] = (),
    as_of: DateLike | None = None,
) -> dict[str, Any]:
    """Nested summary of ``[start, end]`` (shape in the module docstring), JSON-ready.

    ``as_of`` (for goals) defaults to the day after ``end``."""
    s, e = as_date(start), as_date(end)
    today = as_date(as_of) if as_of is not None else e + dt.timedelta(days=1)
    t = tables
    fb = pr.followers_by_platform(t.audience, e)
    presence = {
        "followers_end": pr.followers_end(t.audience, e),
        "followers_as_of": (lambda d: d.isoformat() if d else None)(pr.followers_as_of(t.audience, e)),
        "followers_by_platform": {str(k): v for k, v in fb.items()},
        "new_followers": pr.new_followers(t.audience, s, e),
        "follower_growth_rate": pr.follower_growth_rate(t.audience, s, e),
        "mentions": pr.mentions(t.mentions, t.sentiment_daily, s, e, t.tz, t.own_brand, t.competitors),
        "comments": pr.comments(t.audience, t.posts, s, e, t.tz, t.content_daily),
        "impressions": pr.impressions(t.audience, t.posts, s, e, t.tz, t.content_daily),
        "engagements": pr.engagements(t.audience, t.posts, s, e, t.tz, t.content_daily),
        "engagement_rate_reach": pr.engagement_rate_reach(t.audience, t.posts, s, e, t.tz, t.content_daily),
        "engagement_rate_followers": pr.engagement_rate_followers(t.audience, t.posts, s, e, t.tz, t.content_daily),
        "share_of_voice": pr.share_of_voice(t.mentions, t.sentiment_daily, s, e, t.tz, t.own_brand, t.competitors),
        "conversation_rate": pr.conversation_rate(t.posts, s, e, t.tz),
        "amplification_rate": pr.amplification_rate(t.posts, s, e, t.tz),
        "applause_rate": pr.applause_rate(t.posts, s, e, t.tz),
    }
    sent = dict(sentiment_row(t, s, e))  # shared with the registry's sentiment metrics
    funnel = rel.stage_counts(t.leads, s, e, t.tz)
    relationships = {
        "new_leads": rel.new_leads(t.leads, s, e, t.tz),
        "lead_value": rel.lead_value(t.leads, s, e, t.tz),
        "funnel": {r["stage"]: {"current": r["current"], "reached": r["reached"], "conversion": r["conversion"]}
                   for r in funnel.to_dict("records")},
    }
    cols = ("sessions", "users", "conversions", "revenue")
    all_t = tr.traffic_totals(t.traffic, s, e, columns=cols)
    soc_t = tr.traffic_totals(t.traffic, s, e, social=True, columns=cols)
    by_p = tr.social_by_platform(t.traffic, s, e)
    traffic = {
        "sessions": all_t["sessions"], "users": all_t["users"],
        "social_sessions": soc_t["sessions"], "social_users": soc_t["users"],
        "social_share": safe_div(soc_t["sessions"], all_t["sessions"]),
        "conversions": soc_t["conversions"], "revenue": soc_t["revenue"],
        "all_conversions": all_t["conversions"], "all_revenue": all_t["revenue"],
        "social_by_platform": {(fold(r["platform"]) or "other"): r["sessions"] for r in by_p.to_dict("records")},
    }
    r = roi_row(t, s, e)  # shared with the registry's cost, value and ROI
    roi = {k: r.get(k) for k in ("cost", "ad_cost", "value", "value_basis", "value_revenue", "value_conversions",
                                  "value_leads", "roi", "roi_reason", "roas", "cpl", "cpa", "cpc", "cpm")}
    goal_rows = []
    for g in goals:
        ev = evaluate_goal(g, t, today)
        goal_rows.append({k: ev.get(k) for k in ("id", "metric", "scope", "status", "current", "baseline", "target", "progress",
                                                  "expected_progress", "projection", "projected_progress", "deadline",
                                                  "problems", "warnings")})
    out = {
        "period": {"start": s.isoformat(), "end": e.isoformat(), "as_of": today.isoformat(), "timezone": t.tz},
        "presence": presence,
        "sentiment": sent,
        "relationships": relationships,
        "traffic": traffic,
        "roi": roi,
        "goals": goal_rows,
    }
    return clean(out)


def flatten(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dict -> dotted keys (``{"presence": {"mentions": 3}}`` -> ``{"presence.mentions": 3}``);
    lists are kept as values."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
