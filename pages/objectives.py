"""Objectives: one section per standard objective with its charts and tables.

Presence (followers by platform beside engagement rates by reach and by followers, the
per-post conversation/amplification/applause rates, share of voice), sentiment (positive,
neutral, negative, P/N ratio, net sentiment by platform and topic), relationships (new
leads by source and campaign, funnel with stage-to-stage conversion, lead value),
traffic (social sessions, users, conversions and revenue by platform and campaign).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import relationships as rel
from metrics import sentiment as se
from metrics import traffic as tr
from metrics.registry import compute
from ui import charts, colors, context, fmt, insights, results, safe, widgets
from ui.i18n import t

ctx = context.get()
ws = context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency
s, e = ctx.start, ctx.end

st.title(t("nav.objectives"))
st.caption(t("objectives.subtitle", workspace=safe.md(ctx.display_name or ws), current=fmt.date_range(s, e, lang)))

with st.spinner(t("overview.loading")):
    tbl = results.tables(ctx)
    summ = results.summary(ctx)
dts = results.deltas(ctx)
cmap = colors.color_map(ctx.theme)
H = 380 if ctx.present else 320


def metric_row(items: list[tuple[str, str]]) -> None:
    """A row of st.metric for (metric id, summary path), with the change vs the previous period."""
    cols = st.columns(len(items))
    for col, (metric, path) in zip(cols, items, strict=True):
        v = insights.get_path(summ, path)
        d = dts.get(metric)
        prev = d.previous if d is not None else None
        stale = insights.last_known(metric, summ, ctx.start, lang)
        if stale:  # carried from before the period: when it was measured, not a change of zero
            col.metric(insights.label(metric, lang), insights.value(metric, v, lang, cur), help=insights.help_text(metric, lang))
            col.caption(t("common.last_known", date=stale))
            continue
        col.metric(
            insights.label(metric, lang),
            insights.value(metric, v, lang, cur),
            delta=insights.change(metric, v, prev, lang, cur),
            delta_color=insights.delta_color(insights.favourable(metric, v, prev)),
            help=insights.help_text(metric, lang),
        )


def pname(p) -> str:
    return widgets.platform_name(p) if p else t("objectives.other")


def pcolor(p) -> str:
    return cmap.get(str(p), colors.OTHER["dark" if ctx.theme == "dark" else "light"])


def hbar(labels: list[str], values: list[float], marker_colors: list[str] | str, text: list[str], title: str, key: str) -> None:
    fig = go.Figure(go.Bar(x=values, y=safe.plots(labels), orientation="h", marker_color=marker_colors, text=text, textposition="auto", textangle=0,
                           hovertemplate="%{y}: %{text}<extra></extra>"))
    st.markdown(f"**{title}**")
    fig.update_layout(showlegend=False, height=min(H, 44 * len(labels) + 70))
    fig.update_yaxes(autorange="reversed")
    if values and all(v is not None and float(v).is_integer() for v in values) and max(values) <= 10:
        fig.update_xaxes(dtick=1)  # counts: no "0,5 lead" tick
    charts.show(fig, key=key, ctx=ctx, y_format="")


# ======================================================================== presence
st.header(f":material/campaign: {t('metrics.objective.presence')}", anchor="presence")
st.caption(t("objectives.presence.intro"))
metric_row([("followers", "presence.followers_end"), ("engagement_rate_reach", "presence.engagement_rate_reach"),
            ("engagement_rate_followers", "presence.engagement_rate_followers"), ("mentions", "presence.mentions"),
            ("share_of_voice", "presence.share_of_voice")])

fb = (summ.get("presence") or {}).get("followers_by_platform") or {}
platforms = sorted(fb, key=lambda p: -(fb[p] or 0))
if platforms:
    rows = []
    for p in platforms:
        sc = {"platform": p}
        rows.append({
            "platform": p,
            "followers": fb[p],
            "new_followers": compute("new_followers", tbl, s, e, sc),
            "engagements": compute("engagements", tbl, s, e, sc),
            "er_reach": compute("engagement_rate_reach", tbl, s, e, sc),
            "er_followers": compute("engagement_rate_followers", tbl, s, e, sc),
        })
    df = pd.DataFrame(rows)
    c1, c2 = st.columns(2, gap="medium")
    with c1:
        hbar([pname(p) for p in df["platform"]], df["followers"].tolist(), [pcolor(p) for p in df["platform"]],
             [fmt.integer(v, lang) for v in df["followers"]], t("objectives.followers_by_platform"), "obj.followers")
    with c2:
        fig = go.Figure()
        names = [pname(p) for p in df["platform"]]
        fig.add_bar(name=t("metrics.engagement_rate_reach"), y=names, x=df["er_reach"], orientation="h",
                    marker_color="#2563EB" if ctx.theme == "light" else "#60A5FA",
                    text=[fmt.percent(v, 1, lang) for v in df["er_reach"]], textposition="auto", textangle=0,
                    hovertemplate="%{y}: %{text}<extra></extra>")
        fig.add_bar(name=t("metrics.engagement_rate_followers"), y=names, x=df["er_followers"], orientation="h",
                    marker_color="#D97706" if ctx.theme == "light" else "#FBBF24",
                    text=[fmt.percent(v, 1, lang) for v in df["er_followers"]], textposition="auto", textangle=0,
                    hovertemplate="%{y}: %{text}<extra></extra>")
        st.markdown(f"**{t('objectives.engagement_rates')}**")
        fig.update_layout(barmode="group", height=max(H, 56 * len(names) + 90))
        fig.update_yaxes(autorange="reversed")
        fig.update_xaxes(tickformat=".0%")
        charts.show(fig, key="obj.er", ctx=ctx, y_format="")
    st.caption(t("objectives.er_note"))
    widgets.table(pd.DataFrame({
        t("common.platform"): [pname(p) for p in df["platform"]],
        t("metrics.followers"): [fmt.integer(v, lang) for v in df["followers"]],
        t("metrics.new_followers"): [fmt.integer(v, lang, signed=True) for v in df["new_followers"]],
        t("metrics.engagements"): [fmt.integer(v, lang) for v in df["engagements"]],
        t("metrics.engagement_rate_reach"): [fmt.percent(v, 1, lang) for v in df["er_reach"]],
        t("metrics.engagement_rate_followers"): [fmt.percent(v, 1, lang) for v in df["er_followers"]],
    }), ctx)

st.subheader(t("objectives.per_post"), anchor=False)
st.caption(t("objectives.per_post.intro"))
cols = st.columns(3)
for col, k in zip(cols, ("conversation_rate", "amplification_rate", "applause_rate"), strict=True):
    col.metric(insights.label(k, lang), insights.value(k, insights.get_path(summ, f"presence.{k}"), lang, cur),
               help=insights.help_text(k, lang))

brands = se.sentiment_by(tbl.mentions, tbl.sentiment_daily, s, e, "brand", tbl.tz, tbl.own_brand, tbl.competitors)
if len(brands) and brands["mentions"].sum() > 0:
    st.subheader(t("metrics.share_of_voice"), anchor=False)
    b = brands.sort_values("mentions", ascending=False)
    own = str(tbl.own_brand or "").casefold()
    accent = "#1D4ED8" if ctx.theme == "light" else "#60A5FA"
    grey = "#9CA3AF" if ctx.theme == "light" else "#6B7280"
    total = float(b["mentions"].sum())
    hbar([str(x) for x in b["brand"]], b["mentions"].tolist(),
         [accent if str(x).casefold() == own else grey for x in b["brand"]],
         [f"{fmt.integer(v, lang)} ({fmt.percent(v / total, 0, lang)})" for v in b["mentions"]],
         t("objectives.sov_chart"), "obj.sov")

# ======================================================================== sentiment
st.header(f":material/sentiment_satisfied: {t('metrics.objective.sentiment')}", anchor="sentiment")
st.caption(t("objectives.sentiment.intro"))
metric_row([("positive", "sentiment.positive"), ("neutral", "sentiment.neutral"), ("negative", "sentiment.negative"),
            ("pos_neg_ratio", "sentiment.pos_neg_ratio"), ("net_sentiment", "sentiment.net_sentiment")])


def sentiment_chart(df: pd.DataFrame, labels: list[str], title: str, key: str) -> None:
    fig = go.Figure()
    for k in ("positive", "neutral", "negative"):
        fig.add_bar(name=t(f"metrics.sentiment.{k}"), y=safe.plots(labels), x=df[k], orientation="h", marker_color=colors.SENTIMENT_COLORS[k],
                    hovertemplate="%{y}: %{x:,}<extra>" + t(f"metrics.sentiment.{k}") + "</extra>")
    st.markdown(f"**{title}**")
    fig.update_layout(barmode="stack", height=max(H, 36 * len(labels) + 100))
    fig.update_yaxes(autorange="reversed")
    charts.show(fig, key=key, ctx=ctx, y_format="")


by_pf = se.sentiment_by(tbl.mentions, tbl.sentiment_daily, s, e, "platform", tbl.tz, tbl.own_brand, tbl.competitors)
by_topic = se.sentiment_by(tbl.mentions, tbl.sentiment_daily, s, e, "topic", tbl.tz, tbl.own_brand, tbl.competitors)
if len(by_pf) or len(by_topic):
    c1, c2 = st.columns(2, gap="medium")
    with c1:
        if len(by_pf):
            d = by_pf.sort_values("mentions", ascending=False)
            sentiment_chart(d, [pname(p) for p in d["platform"]], t("objectives.sent_by_platform"), "obj.sent_pf")
    with c2:
        if len(by_topic):
            d = by_topic.dropna(subset=["topic"]).sort_values("mentions", ascending=False).head(10)
            sentiment_chart(d, [str(x) for x in d["topic"]], t("objectives.sent_by_topic"), "obj.sent_topic")
    tab = pd.concat([by_pf.assign(kind=t("common.platform"), name=[pname(p) for p in by_pf["platform"]]),
                     by_topic.dropna(subset=["topic"]).assign(kind=t("objectives.topic"), name=by_topic["topic"].dropna())])
    widgets.table(pd.DataFrame({
        t("objectives.group"): tab["kind"],
        t("objectives.name"): tab["name"],
        t("metrics.positive"): [fmt.integer(v, lang) for v in tab["positive"]],
        t("metrics.neutral"): [fmt.integer(v, lang) for v in tab["neutral"]],
        t("metrics.negative"): [fmt.integer(v, lang) for v in tab["negative"]],
        t("metrics.pos_neg_ratio"): [insights.value("pos_neg_ratio", v, lang) for v in tab["pos_neg_ratio"]],
        t("metrics.net_sentiment"): [insights.value("net_sentiment", v, lang) for v in tab["net_sentiment"]],
    }), ctx)
else:
    st.info(t("objectives.no_mentions"))

# ======================================================================== relationships
st.header(f":material/handshake: {t('metrics.objective.relationships')}", anchor="relationships")
st.caption(t("objectives.relationships.intro"))
metric_row([("new_leads", "relationships.new_leads"), ("lead_value", "relationships.lead_value")])
by_src = rel.new_leads_by(tbl.leads, s, e, ("source",), tbl.tz)
by_cmp = rel.new_leads_by(tbl.leads, s, e, ("campaign",), tbl.tz)
funnel = rel.stage_counts(tbl.leads, s, e, tbl.tz)
if len(by_src):
    accent = "#0F766E" if ctx.theme == "light" else "#2DD4BF"
    c1, c2 = st.columns(2, gap="medium")
    with c1:
        d = by_src.sort_values("leads", ascending=False).head(10)
        hbar([str(x) if x else t("objectives.unknown") for x in d["source"]], d["leads"].tolist(), accent,
             [fmt.integer(v, lang) for v in d["leads"]], t("objectives.leads_by_source"), "obj.leads_src")
    with c2:
        d = by_cmp.dropna(subset=["campaign"]).sort_values("leads", ascending=False).head(10)
        if len(d):
            hbar([str(x) for x in d["campaign"]], d["leads"].tolist(), accent, [fmt.integer(v, lang) for v in d["leads"]],
                 t("objectives.leads_by_campaign"), "obj.leads_cmp")
        else:
            st.caption(t("objectives.no_campaign_leads"))
    f = funnel[funnel["stage"] != "lost"]
    if f["reached"].sum() > 0:
        labels = [t(f"metrics.stage.{x}") for x in f["stage"]]
        conv = f["conversion"].tolist()
        text = [fmt.integer(r, lang) + (f" → {fmt.percent(conv[i], 0, lang)}" if i + 1 < len(f) and not fmt.is_missing(conv[i]) else "")
                for i, r in enumerate(f["reached"])]
        fig = go.Figure(go.Funnel(y=labels, x=f["reached"], text=text, textinfo="text",
                                  marker={"color": ["#1D4ED8", "#2563EB", "#3B82F6", "#16A34A"]}))
        st.markdown(f"**{t('objectives.funnel')}**")
        fig.update_layout(height=H)
        charts.show(fig, key="obj.funnel", ctx=ctx, y_format="")
        lost = int(funnel.loc[funnel["stage"] == "lost", "current"].sum())
        st.caption(t("objectives.funnel.note", lost=fmt.integer(lost, lang)))
else:
    st.info(t("objectives.no_leads"))

# ======================================================================== traffic
st.header(f":material/language: {t('metrics.objective.traffic')}", anchor="traffic")
st.caption(t("objectives.traffic.intro"))
metric_row([("social_sessions", "traffic.social_sessions"), ("conversions", "traffic.conversions"),
            ("revenue", "traffic.revenue"), ("social_share", "traffic.social_share")])
tp = summ.get("traffic") or {}
st.markdown(t("objectives.traffic.line", users=fmt.integer(tp.get("social_users"), lang), sessions=fmt.integer(tp.get("sessions"), lang),
              all_users=fmt.integer(tp.get("users"), lang)))
soc = tr.social_by_platform(tbl.traffic, s, e)
cmp_t = tr.by_campaign(tbl.traffic, s, e, social_only=True)
cmp_t = cmp_t[~cmp_t["campaign"].astype(str).str.startswith("(")]  # GA4 placeholders: (referral), (not set)…
if len(soc):
    c1, c2 = st.columns(2, gap="medium")
    with c1:
        d = soc.sort_values("sessions", ascending=False)
        hbar([pname(p) for p in d["platform"]], d["sessions"].tolist(), [pcolor(p) for p in d["platform"]],
             [fmt.integer(v, lang) for v in d["sessions"]], t("objectives.social_by_platform"), "obj.soc_pf")
    with c2:
        d = cmp_t.sort_values("sessions", ascending=False).head(10)
        if len(d):
            fig = go.Figure()
            fig.add_bar(name=t("objectives.sessions"), y=safe.plots(d["campaign"]), x=d["sessions"], orientation="h",
                        marker_color="#2563EB" if ctx.theme == "light" else "#60A5FA",
                        text=[fmt.integer(v, lang) for v in d["sessions"]], textposition="auto", textangle=0,
                        hovertemplate="%{y}: %{text}<extra></extra>")
            st.markdown(f"**{t('objectives.traffic_by_campaign')}**")
            fig.update_layout(height=min(H, 44 * len(d) + 70), showlegend=False)
            fig.update_yaxes(autorange="reversed")
            charts.show(fig, key="obj.cmp", ctx=ctx, y_format="")
    widgets.table(pd.DataFrame({
        t("common.platform"): [pname(p) for p in soc["platform"]],
        t("objectives.sessions"): [fmt.integer(v, lang) for v in soc["sessions"]],
        t("objectives.users"): [fmt.integer(v, lang) for v in soc["users"]],
        t("objectives.conversions"): [fmt.integer(v, lang) for v in soc["conversions"]],
        t("objectives.revenue"): [fmt.currency(v, cur, lang) for v in soc["revenue"]],
    }), ctx)
    if len(cmp_t):
        widgets.table(pd.DataFrame({
            t("objectives.campaign"): cmp_t["campaign"],
            t("objectives.sessions"): [fmt.integer(v, lang) for v in cmp_t["sessions"]],
            t("objectives.users"): [fmt.integer(v, lang) for v in cmp_t["users"]],
            t("objectives.conversions"): [fmt.integer(v, lang) for v in cmp_t["conversions"]],
            t("objectives.revenue"): [fmt.currency(v, cur, lang) for v in cmp_t["revenue"]],
        }), ctx)
else:
    st.info(t("objectives.no_traffic"))
