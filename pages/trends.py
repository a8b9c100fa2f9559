"""Trends: any metric of the registry over time, by week or month, with a rolling average,
a split by platform where the metric has one, campaigns and journal actions marked on the
chart, and mention spikes when the listening module provides them.

Series come from :func:`metrics.registry.series` (one value per calendar bucket, computed
with the metric's own rule), so a chart never carries more points than buckets.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.goals import PLATFORM_IDS
from metrics.registry import METRIC_IDS, METRICS, available_metrics
from ui import charts, colors, context, data, fmt, insights, results, safe, widgets
from ui.i18n import t

ctx = context.get()
ws = context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency
ss = st.session_state

st.title(t("nav.trends"))
st.caption(t("trends.intro"))

RANGES = {"3m": 13, "6m": 26, "12m": 52, "24m": 104}
SPIKE_METRICS = {"mentions", "positive", "neutral", "negative", "pos_neg_ratio", "net_sentiment", "share_of_voice"}

tbl0 = results.tables(ctx)
avail = available_metrics(tbl0)
options = [m for m in METRIC_IDS if m in avail] or list(METRIC_IDS)
if ss.get("trends.metric") not in options:
    ss["trends.metric"] = "engagements" if "engagements" in options else options[0]

c1, c2, c3 = st.columns([5, 3, 5])
metric = c1.selectbox(
    t("trends.metric"), options, key="trends.metric",
    format_func=lambda m: f"{t(f'metrics.objective.{METRICS[m].objective}')} · {insights.label(m)}",
)
freq = c2.segmented_control(t("trends.freq"), ["week", "month"], key="trends.freq", default="week",
                            format_func=lambda f: t(f"trends.freq.{f}")) or "week"
rng = c3.segmented_control(t("trends.range"), list(RANGES), key="trends.range", default="12m",
                           format_func=lambda r: t(f"trends.range.{r}")) or "12m"
spec = METRICS[metric]
c4, c5 = st.columns(2)
rolling = c4.toggle(t("trends.rolling"), key="trends.rolling", help=t("trends.rolling.help"))
split = False
if "platform" in spec.scopes:
    split = c5.toggle(t("trends.split"), key="trends.split", help=t("trends.split.help"))
else:
    c5.caption(t("trends.no_split"))

weeks = RANGES[rng]
tbl = results.tables(ctx, weeks=weeks)
if freq == "week":
    end = results.last_full_week_end(ctx.end)
    start = end - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
else:
    # whole months only: the last month ending on or before the period's end
    nxt = ctx.end + dt.timedelta(days=1)
    end = ctx.end if nxt.day == 1 else ctx.end.replace(day=1) - dt.timedelta(days=1)
    start = (pd.Timestamp(end) - pd.DateOffset(months=round(weeks / 4.345))).date().replace(day=1)
    start = (pd.Timestamp(start) + pd.DateOffset(months=1)).date()

with st.spinner(t("trends.computing")):
    total = results.metric_series(ctx, tbl, metric, start, end, freq)
    per_platform: dict[str, pd.Series] = {}
    if split:
        for p in PLATFORM_IDS:
            s = results.metric_series(ctx, tbl, metric, start, end, freq, platform=p)
            if s.notna().any():
                per_platform[p] = s

is_pct = metric in insights.PERCENT_METRICS
window = 4 if freq == "week" else 3


def smooth(s: pd.Series) -> pd.Series:
    return s.rolling(window, min_periods=max(2, window - 1)).mean() if rolling else s


def hover_values(s: pd.Series) -> list[str]:
    return [insights.value(metric, v, lang, cur) for v in s]


fig = go.Figure()
accent = "#1D4ED8" if ctx.theme == "light" else "#60A5FA"
if per_platform:
    cmap = colors.color_map(ctx.theme)
    for p, s in per_platform.items():
        y = smooth(s)
        fig.add_scatter(x=list(y.index), y=y, name=safe.plot(p), mode="lines+markers", line={"color": cmap.get(p), "width": 2},
                        marker={"size": 4}, customdata=hover_values(y), hovertemplate="%{customdata}")
else:
    y = smooth(total)
    if rolling:
        fig.add_scatter(x=list(total.index), y=total, name=t("trends.actual"), mode="lines", line={"color": accent, "width": 1},
                        opacity=0.35, customdata=hover_values(total), hovertemplate="%{customdata}")
    fig.add_scatter(x=list(y.index), y=y, name=t("trends.rolling.name", n=window) if rolling else insights.label(metric, lang),
                    mode="lines+markers", line={"color": accent, "width": 3}, marker={"size": 5},
                    customdata=hover_values(y), hovertemplate="%{customdata}")

# ---------------------------------------------------------------- annotations
x0, x1 = pd.Timestamp(start), pd.Timestamp(end)
campaigns = [c for c in (data.config("campaigns", [], ctx=ctx) or []) if c.get("start") and c.get("end")]
shown_campaigns = []
band = "rgba(217,119,6,0.10)" if ctx.theme == "light" else "rgba(251,191,36,0.12)"
for c in campaigns:
    cs, ce = pd.Timestamp(c["start"]), pd.Timestamp(c["end"])
    if ce < x0 or cs > x1:
        continue
    shown_campaigns.append(c)
    fig.add_vrect(x0=max(cs, x0), x1=min(ce, x1), fillcolor=band, line_width=0, layer="below")

journal = [j for j in (data.config("journal", [], ctx=ctx) or []) if j.get("date")]
shown_actions = [j for j in journal if x0 <= pd.Timestamp(j["date"]) <= x1]
line_col = "#7C3AED" if ctx.theme == "light" else "#C4B5FD"
for j in shown_actions:
    fig.add_vline(x=pd.Timestamp(j["date"]), line_dash="dot", line_color=line_col, line_width=1.5)

spike_rows = pd.DataFrame()
if metric in SPIKE_METRICS:
    try:  # the listening module is optional (another part of the app)
        from metrics import listening

        if hasattr(listening, "spikes"):
            spike_rows = listening.spikes(tbl.mentions, tbl.tz, own_brand=tbl.own_brand,
                                          alerts=data.config("alerts", {}, ctx=ctx), start=start, end=end)
    except Exception:  # noqa: BLE001 - a failing optional module must not break the page
        spike_rows = pd.DataFrame()
crisis_col, spike_col = "#DC2626", ("#D97706" if ctx.theme == "light" else "#FBBF24")
if len(spike_rows):
    for _, r in spike_rows.iterrows():
        fig.add_vline(x=pd.Timestamp(r["peak_date"]).normalize(), line_color=crisis_col if r.get("crisis") else spike_col,
                      line_width=2)

# markers along the bottom carrying the hover text of campaigns and actions (no text on the plot: nothing overlaps)
if shown_campaigns:
    fig.add_scatter(
        x=[max(pd.Timestamp(c["start"]), x0) for c in shown_campaigns], y=[0.03] * len(shown_campaigns), yaxis="y2", mode="markers",
        marker={"symbol": "triangle-right", "size": 11, "color": "#D97706"}, name=t("trends.campaigns"),
        customdata=[f"{safe.plot(c['name'])} ({fmt.date_range(c['start'], c['end'], lang)})" for c in shown_campaigns],
        hovertemplate="%{customdata}<extra></extra>",
    )
if shown_actions:
    fig.add_scatter(
        x=[pd.Timestamp(j["date"]) for j in shown_actions], y=[0.03] * len(shown_actions), yaxis="y2", mode="markers",
        marker={"symbol": "diamond", "size": 10, "color": line_col}, name=t("trends.actions"),
        customdata=["<br>".join(safe.plots(textwrap.wrap(str(j.get("change") or ""), 50))) for j in shown_actions],
        hovertemplate="%{customdata}<extra></extra>",
    )

fig.update_layout(height=520 if ctx.present else 440, hovermode="x unified",
                  yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})
charts.show(fig, key="trends.chart", ctx=ctx, percent_y=is_pct and metric != "roi",
            y_format=".0%" if metric == "roi" else (",.1f" if metric in insights.DECIMAL_METRICS else None))
st.caption(t("trends.legend", n=window) if rolling else t("trends.legend.plain"))

# ---------------------------------------------------------------- reading help
known = total.dropna()
if len(known) >= 2:
    first, last = known.iloc[0], known.iloc[-1]
    best_i = known.idxmax() if spec.higher_is_better is not False else known.idxmin()
    st.markdown(t(
        f"trends.summary.{freq}",
        metric=insights.label(metric, lang),
        first=insights.value(metric, first, lang, cur),
        last=insights.value(metric, last, lang, cur),
        since=fmt.date(known.index[0], lang) if freq == "week" else fmt.date(known.index[0], lang, "month"),
        best=insights.value(metric, known[best_i], lang, cur),
        best_date=fmt.date(best_i, lang) if freq == "week" else fmt.date(best_i, lang, "month"),
    ))
elif not len(known):
    st.info(t("common.no_data"))

if len(spike_rows):
    st.subheader(t("trends.spikes"), anchor=False)
    for _, r in spike_rows.iterrows():
        key = "trends.spike.crisis" if r.get("crisis") else "trends.spike"
        st.markdown("- " + t(key, date=fmt.date(r["peak_date"], lang), n=fmt.integer(r["peak_mentions"], lang), count=int(r["peak_mentions"]),
                             share=fmt.percent(r.get("negative_share"), 0, lang), base=fmt.number(r.get("baseline"), 0, lang)))

if shown_campaigns or shown_actions:
    c1, c2 = st.columns(2, gap="medium")
    with c1:
        if shown_campaigns:
            st.subheader(t("trends.campaigns"), anchor=False)
            st.markdown("\n".join(f"- **{safe.md(c['name'])}** — {fmt.date_range(c['start'], c['end'], lang)}" for c in shown_campaigns))
    with c2:
        if shown_actions:
            st.subheader(t("trends.actions"), anchor=False)
            st.markdown("\n".join(f"- {fmt.date(j['date'], lang)} — {safe.md(j.get('change'))}" for j in shown_actions))

if not ctx.present:
    frame = pd.DataFrame({t("common.date"): [fmt.date(i, lang) for i in total.index],
                          insights.label(metric, lang): hover_values(total)})
    for p, s in per_platform.items():
        frame[widgets.platform_name(p)] = hover_values(s)
    with st.expander(t("trends.table")):
        widgets.table(frame, ctx)
