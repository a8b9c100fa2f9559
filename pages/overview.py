"""Overview: where each objective stands and what changed, on one screen.

Four objective cards (two headline metrics each with their change and a 12-week
sparkline, a line of context figures, the goals of that objective), the ROI headline when
costs exist, and three plain sentences on what moved most. Numbers come from
:func:`metrics.summary.summary` through :mod:`ui.results` (the summary CLI's loader), the
changes from :func:`metrics.deltas.period_deltas`, the sentences from
:func:`metrics.deltas.biggest_movers` phrased by :mod:`ui.insights`.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from metrics.deltas import biggest_movers
from metrics.periods import week_of
from metrics.registry import METRICS
from ui import context, data, fmt, insights, results, safe, widgets
from ui.i18n import t

# objective -> (two headline metrics as (metric id, summary path), context figures, goal objective)
CARDS: dict[str, dict] = {
    "presence": {
        "icon": ":material/campaign:",
        "main": [("followers", "presence.followers_end"), ("engagement_rate_reach", "presence.engagement_rate_reach")],
        "more": [
            ("mentions", "presence.mentions"),
            ("share_of_voice", "presence.share_of_voice"),
            ("engagements", "presence.engagements"),
        ],
    },
    "sentiment": {
        "icon": ":material/sentiment_satisfied:",
        "main": [("net_sentiment", "sentiment.net_sentiment"), ("pos_neg_ratio", "sentiment.pos_neg_ratio")],
        "more": [("positive", "sentiment.positive"), ("negative", "sentiment.negative"), ("neutral", "sentiment.neutral")],
    },
    "relationships": {
        "icon": ":material/handshake:",
        "main": [("new_leads", "relationships.new_leads"), ("lead_value", "relationships.lead_value")],
        "more": [],
    },
    "traffic": {
        "icon": ":material/language:",
        "main": [("social_sessions", "traffic.social_sessions"), ("conversions", "traffic.conversions")],
        "more": [("social_share", "traffic.social_share"), ("revenue", "traffic.revenue"), ("sessions", "traffic.sessions")],
    },
}

ctx = context.get()
ws = context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency

st.title(t("nav.overview"))
st.caption(
    t(
        "overview.subtitle",
        workspace=safe.md(ctx.display_name or ws),
        current=fmt.date_range(ctx.start, ctx.end, lang),
        previous=fmt.date_range(ctx.prev_start, ctx.prev_end, lang),
    )
)

with st.spinner(t("overview.loading")):
    tbl = results.tables(ctx)
    summ = results.summary(ctx)
    dts = results.deltas(ctx)

span = data.data_span(ctx)
if not span:
    widgets.setup_hint("overview.empty", ctx=ctx)
    st.stop()


def latest_week_with_data(span: dict[str, tuple[dt.date, dt.date]], today: dt.date, week_start: int) -> tuple[dt.date, dt.date]:
    """The last complete week (before ``today``) that holds the most recent day with data."""
    last = min(max(hi for _, hi in span.values()), today - dt.timedelta(days=1))
    w = week_of(last, week_start)
    if w.end >= today:
        w = week_of(w.start - dt.timedelta(days=1), week_start)
    return w.start, w.end


if not any(lo <= ctx.end and hi >= ctx.start for lo, hi in span.values()):
    first, last = min(lo for lo, _ in span.values()), max(hi for _, hi in span.values())
    st.info(t("overview.no_data_in_period", period=fmt.date_range(ctx.start, ctx.end, lang),
              span=fmt.date_range(first, last, lang)), icon=":material/event_busy:")
    ws_start, ws_end = latest_week_with_data(span, ctx.today, ctx.cfg.week_start if ctx.cfg else 0)
    if st.button(t("overview.jump_latest", range=fmt.date_range(ws_start, ws_end, lang)), key="ov.jump",
                 icon=":material/fast_forward:", type="primary"):
        context.set_period("custom", ws_start, ws_end)
        st.rerun()
    st.stop()

goal_cfg = {g.get("id"): g for g in results.goals(ctx)}


def goal_objective(row: dict) -> str | None:
    g = goal_cfg.get(row.get("id")) or {}
    spec = METRICS.get(row.get("metric") or "")
    return g.get("objective") or (spec.objective if spec else None)


def scope_text(scope: dict | None) -> str:
    from ui.widgets import platform_name

    parts = []
    if (scope or {}).get("platform"):
        parts.append(platform_name(scope["platform"]))
    if (scope or {}).get("campaign"):
        parts.append(safe.md(scope["campaign"]))
    return " · ".join(parts)


def show_goal(row: dict) -> None:
    status = row.get("status") or "invalid"
    name = insights.label(row.get("metric") or "", lang)
    sc = scope_text(row.get("scope"))
    head = f"**{name}**" + (f" — {sc}" if sc else "")
    badge = f":{insights.STATUS_COLORS.get(status, 'gray')}-badge[{insights.STATUS_ICONS.get(status, '')} {insights.status_label(status, lang)}]"
    st.markdown(f"{head} {badge}")
    p = row.get("progress")
    metric = row.get("metric") or ""
    text = t(
        "overview.goal.progress",
        current=insights.value(metric, row.get("current"), lang, cur),
        target=insights.value(metric, row.get("target"), lang, cur),
        deadline=fmt.date(row.get("deadline"), lang),
    )
    if p is None or fmt.is_missing(p):
        st.caption(text)
    else:
        st.progress(min(1.0, max(0.0, float(p))), text=f"{fmt.percent(p, 0, lang)} · {text}")


def card(objective: str, spec: dict) -> None:
    with st.container(border=True):
        st.subheader(f"{spec['icon']} {t(f'metrics.objective.{objective}')}", anchor=False)
        cols = st.columns(len(spec["main"]))
        for col, (metric, path) in zip(cols, spec["main"], strict=True):
            v = insights.get_path(summ, path)
            d = dts.get(metric)
            prev = d.previous if d is not None else None
            fav = insights.favourable(metric, v, prev)
            spark = results.sparkline(ctx, tbl, metric)
            as_of = insights.last_known(metric, summ, ctx.start, lang)
            if as_of:  # a stock carried from before the period: say when it was measured, no change
                col.metric(insights.label(metric, lang), insights.value(metric, v, lang, cur), help=insights.help_text(metric, lang))
                col.caption(t("common.last_known", date=as_of))
                continue
            col.metric(
                insights.label(metric, lang),
                insights.value(metric, v, lang, cur),
                delta=insights.change(metric, v, prev, lang, cur),
                delta_color=insights.delta_color(fav),
                delta_arrow="off" if fav is None else "auto",
                help=insights.help_text(metric, lang),
                chart_data=spark if len(spark) >= 2 else None,
                chart_type="area" if METRICS[metric].unit != "ratio" else "line",
            )
        more = []
        for metric, path in spec["more"]:
            v = insights.get_path(summ, path)
            if v is None:
                continue
            more.append(f"{insights.label(metric, lang)} **{insights.value(metric, v, lang, cur)}**")
        if objective == "relationships":
            funnel = (summ.get("relationships") or {}).get("funnel") or {}
            reached = (funnel.get("qualified") or {}).get("reached")
            if reached is not None:
                more.append(t("overview.qualified", n=fmt.integer(reached, lang)))
            won = (funnel.get("won") or {}).get("reached")
            if won is not None:
                more.append(t("overview.won", n=fmt.integer(won, lang)))
        if more:
            st.markdown(" · ".join(more))
        rows = [g for g in summ.get("goals") or [] if goal_objective(g) == objective]
        if rows:
            st.markdown(f"**{t('overview.goals')}**")
            for g in rows:
                show_goal(g)
        else:
            widgets.setup_hint("overview.no_goal", "caption", ctx=ctx)


# ---------------------------------------------------------------- what changed + ROI
left, right = st.columns([3, 2], gap="medium", vertical_alignment="top")
with left, st.container(border=True):
    st.subheader(t("overview.changed.week" if ctx.period == "week" else "overview.changed.period"), anchor=False)
    movers = biggest_movers(dts.values(), n=3, min_previous=10)
    if not movers:
        st.write(t("overview.changed.none"))
    else:
        st.markdown("\n".join(f"- {insights.mover_sentence(m, lang, cur)}" for m in movers))
    st.caption(t("overview.changed.rule"))

roi = summ.get("roi") or {}
with right, st.container(border=True):
    st.subheader(f":material/savings: {t('metrics.roi')}", anchor=False)
    st.caption(t("overview.roi.scope" if not ctx.present else "overview.roi.scope.present", range=fmt.date_range(ctx.start, ctx.end, lang)))
    if roi.get("cost") is None:
        st.write(t("overview.roi.no_cost"))
    else:
        basis = roi.get("value_basis")
        estimated = basis in ("estimated", "mixed")
        label = insights.label("roi", lang) + (f" ({t('common.estimate')})" if estimated else "")
        d = dts.get("roi")
        prev = d.previous if d is not None else None
        c1, c2 = st.columns(2)
        c1.metric(
            label,
            insights.value("roi", roi.get("roi"), lang, cur),
            delta=insights.change("roi", roi.get("roi"), prev, lang, cur),
            delta_color=insights.delta_color(insights.favourable("roi", roi.get("roi"), prev)),
            delta_arrow="off" if insights.favourable("roi", roi.get("roi"), prev) is None else "auto",
            help=insights.help_text("roi", lang),
        )
        value_label = insights.label("value", lang) + (f" ({t('common.estimate')})" if estimated else "")
        c2.metric(value_label, insights.value("value", roi.get("value"), lang, cur), help=insights.help_text("value", lang))
        st.markdown(
            t(
                "overview.roi.line",
                cost=insights.value("cost", roi.get("cost"), lang, cur),
                basis=t(f"metrics.basis.{basis}") if basis else fmt.MISSING,
            )
        )
        if roi.get("roi") is None:
            st.caption(t("overview.roi.missing", reason=insights.roi_reason(roi.get("roi_reason"), lang)))
        extra = []
        for k in ("cpl", "cpa"):
            if roi.get(k) is not None:
                extra.append(f"{insights.label(k, lang)} **{insights.value(k, roi.get(k), lang, cur)}**")
        if extra:
            st.markdown(" · ".join(extra))
        if estimated:
            st.caption(f":material/info: {t('overview.roi.estimate_note')}")

# ---------------------------------------------------------------- the four objectives
order = list(CARDS)
per_row = 2
for i in range(0, len(order), per_row):
    cols = st.columns(per_row, gap="medium")
    for col, objective in zip(cols, order[i : i + per_row], strict=False):
        with col:
            card(objective, CARDS[objective])
