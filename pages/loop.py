"""Actions and learnings: the analyse -> adapt -> improve loop.

* Analyse: plain-sentence insights for the view's period, each with the chart that proves
  it (campaign ROI, outperforming posts, the weekday x hour heatmap with post counts,
  sentiment, goals off track). Rules: :mod:`metrics.loop`.
* Adapt: the action journal (config ``journal``): create, edit, close, delete.
* Improve: every action past its review date, before vs after on its metric with a calibrated
  95 % interval and an honest verdict; the verdict and the next decision are recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import loop as L
from metrics.cli import history_start
from metrics.goals import PLATFORM_IDS
from metrics.registry import METRIC_IDS, METRICS, Tables, series
from metrics.roi import roi_table
from ui import charts, colors, context, data, fmt, insights, results, safe, widgets
from ui.i18n import t

ctx = context.get()
ws = context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency
ss = st.session_state

st.title(t("nav.loop"))
st.caption(t("loop.subtitle", period=fmt.date_range(ctx.start, ctx.end, lang)))
flash = ss.pop("loop.flash", None)
if flash:
    st.success(flash)

journal: list[dict] = [dict(a) for a in (data.config("journal", [], ctx=ctx) or [])]
goals = results.goals(ctx)
today = ctx.today
as_of_period = ctx.end + dt.timedelta(days=1)
year_ago = ctx.end - dt.timedelta(days=364)

ACCENT = {"light": "#7C3AED", "dark": "#A78BFA"}[ctx.theme]
MUTED = {"light": "#9CA3AF", "dark": "#6B7280"}[ctx.theme]
GOOD, BAD = colors.STATUS_COLORS["on_track"], colors.STATUS_COLORS["off_track"]
VERDICT_BADGE = {"improved": "green", "no_clear_change": "gray", "worse": "red", "insufficient_data": "orange", "not_due": "blue"}
VERDICT_ICON = {"improved": ":material/trending_up:", "no_clear_change": ":material/trending_flat:", "worse": ":material/trending_down:",
                "insufficient_data": ":material/help:", "not_due": ":material/schedule:"}


def first_day() -> dt.date:
    lo = min(ctx.prev_start, year_ago, ctx.start - dt.timedelta(weeks=12))
    for a in journal:
        d, r = L.opt_date(a.get("date")), L.opt_date(a.get("review_date"))
        if d and r:
            lo = min(lo, d - dt.timedelta(days=max(L.MIN_WINDOW_DAYS, (r - d).days) + L.SEASON_SHIFT_DAYS + 1))
    return history_start(lo, goals)


MAX_POINTS = 5000


@st.cache_data(ttl=15 * 60, max_entries=32, show_spinner=False)
def _off_track(root: str, ws_name: str, goals_json: str, as_of: dt.date, version_key: tuple, _tbl: Tables) -> list[dict]:
    """Goals off track (every goal evaluated): once per (workspace, goals, day, store version)."""
    return L.goals_off_track(json.loads(goals_json), _tbl, as_of)


@st.cache_data(ttl=15 * 60, max_entries=32, show_spinner=False)
def _camp_rank(root: str, ws_name: str, start: dt.date, end: dt.date, version_key: tuple, _tbl: Tables) -> dict:
    """Campaigns ranked by ROI over ``[start, end]``: once per (workspace, period, store version), not on every rerun."""
    return L.campaign_ranking(roi_table(_tbl.costs, _tbl.traffic, _tbl.leads, start, end, "campaign", _tbl.tz, _tbl.campaigns,
                                        _tbl.currency, _tbl.fx_rates, _tbl.value_per_conversion, _tbl.value_per_lead))


@st.cache_data(ttl=15 * 60, max_entries=32, show_spinner=False)
def _sentiment_shift(root: str, ws_name: str, start: dt.date, end: dt.date, prev_start: dt.date, prev_end: dt.date,
                     version_key: tuple, _tbl: Tables):
    return L.sentiment_shift(_tbl, start, end, prev_start, prev_end)


with st.spinner(t("loop.loading")):
    hi = max(ctx.end, today - dt.timedelta(days=1))
    # the Results pages' tables when the range is the same (one object, one set of prepared frames)
    tbl = results.tables_between(ctx, first_day(), hi)
    posts = data.read("posts", ["post_id", "platform", "account", "published_at", "text", "url", "impressions", "reach", "engagements"],
                      ctx=ctx)


def scope_text(scope: dict | None) -> str:
    parts = []
    if (scope or {}).get("platform"):
        parts.append(widgets.platform_name(scope["platform"]))
    if (scope or {}).get("campaign"):
        parts.append(safe.md(scope["campaign"]))
    return f" ({' · '.join(parts)})" if parts else ""


def signed_pct(x) -> str:
    return fmt.percent(x, 1, lang, signed=True)


def day_name(wd: int) -> str:
    return fmt.DAYS[lang][wd]


def verdict_label(v: str | None) -> str:
    return t(f"loop.verdict.{v}") if v in L.VERDICTS else (v or fmt.MISSING)


tab_a, tab_b, tab_c = st.tabs([f":material/insights: {t('loop.tab.analyse')}", f":material/edit_note: {t('loop.tab.adapt')}",
                               f":material/fact_check: {t('loop.tab.improve')}"])

# =================================================================== ANALYSE
with tab_a:
    # ---------------------------------------------------------- campaigns by ROI
    st.subheader(f":material/campaign: {t('loop.campaigns')}", anchor=False)
    def camp_rank(start: dt.date) -> dict:
        return _camp_rank(str(ctx.root), ws, start, ctx.end, results.version(ctx), tbl)

    rank = camp_rank(ctx.start)
    if not len(rank["all"]) and year_ago < ctx.start:
        rank = camp_rank(year_ago)
        if len(rank["all"]):
            st.markdown(t("loop.campaigns.fallback", start=fmt.date(year_ago, lang), end=fmt.date(ctx.end, lang)))
    if not len(rank["all"]):
        st.markdown(t("loop.campaigns.none"))
    else:
        def camp_line(key: str, row) -> str:
            return t(key, name=safe.md(row["key"]), roi=insights.value("roi", row["roi"], lang, cur), value=insights.value("value", row["value"], lang, cur),
                     cost=insights.value("cost", row["cost"], lang, cur))
        lines = []
        if len(rank["best"]):
            lines.append("- :material/thumb_up: " + camp_line("loop.campaigns.best", rank["best"].iloc[0]))
        if len(rank["worst"]):
            lines.append("- :material/thumb_down: " + camp_line("loop.campaigns.worst", rank["worst"].iloc[0]))
        st.markdown("\n".join(lines))
        allc = rank["all"].sort_values("roi")
        fig = go.Figure(go.Bar(
            x=allc["roi"], y=safe.plots(allc["key"]), orientation="h", marker_color=[GOOD if v >= 0 else BAD for v in allc["roi"]],
            text=[insights.value("roi", v, lang, cur) for v in allc["roi"]], textposition="auto", textangle=0,
            hovertemplate="%{y}: %{text}<extra></extra>",
        ))
        fig.update_xaxes(tickformat=".0%", title=t("loop.campaigns.axis"), zeroline=True)
        charts.show(fig, key="loop.campaigns", height=120 + 36 * len(allc))
        if (allc["value_basis"].isin(["estimated", "mixed"])).any():
            widgets.estimate_note("loop.campaigns.estimate")

    # ---------------------------------------------------------- outperforming posts
    st.subheader(f":material/rocket_launch: {t('loop.outperf')}", anchor=False)
    st.caption(t("loop.outperf.rule", factor=fmt.number(L.OUTPERFORM_FACTOR, 0, lang), end=fmt.date(ctx.end, lang)))
    every = L.outperformers(posts, year_ago, ctx.end, ctx.timezone, factor=0.0)
    if not len(every):
        st.markdown(t("loop.timing.none"))
    else:
        now = L.outperformers(posts, ctx.start, ctx.end, ctx.timezone)
        winners = every[every["ratio"] >= L.OUTPERFORM_FACTOR]
        if len(now):
            top = now.iloc[0]
            st.markdown(t("loop.outperf.count", n=len(now), platform=widgets.platform_name(top["platform"]),
                          date=fmt.date(top["local"], lang), ratio=t("loop.times", n=fmt.number(top["ratio"], 1, lang)),
                          eng=fmt.integer(top["engagements"], lang)))
        else:
            st.markdown(t("loop.outperf.none", n=len(winners)))
        others = every[every["ratio"] < L.OUTPERFORM_FACTOR]
        if len(others) > MAX_POINTS:  # no chart ships more than ~10k points: a seeded sample of the ordinary posts
            st.caption(t("loop.outperf.sampled", n=fmt.integer(MAX_POINTS, lang), total=fmt.integer(len(others), lang)))
            others = others.sample(n=MAX_POINTS, random_state=0).sort_values("local")
        fig = go.Figure()
        fig.add_trace(go.Scatter(x=others["local"], y=others["ratio"], mode="markers", name=t("loop.outperf.others"),
                                 marker={"size": 6, "color": MUTED, "opacity": 0.6}, hovertemplate="%{x}<br>×%{y:.1f}<extra></extra>"))
        wtext = [f"{widgets.platform_name(p)} ×{fmt.number(r, 1, lang)}" for p, r in zip(winners["platform"], winners["ratio"], strict=True)]
        fig.add_trace(go.Scatter(x=winners["local"], y=winners["ratio"], mode="markers", name=t("loop.outperf.winners"),
                                 marker={"size": 13, "color": ACCENT, "symbol": "star"}, text=wtext,
                                 hovertemplate="%{x}<br>%{text}<extra></extra>"))
        x0, x1 = every["local"].min(), every["local"].max()
        fig.add_trace(go.Scatter(x=[x0, x1], y=[L.OUTPERFORM_FACTOR] * 2, mode="lines", hoverinfo="skip",
                                 name=t("loop.outperf.threshold", factor=fmt.number(L.OUTPERFORM_FACTOR, 0, lang)),
                                 line={"color": ACCENT, "dash": "dash", "width": 1.5}))
        pos = every["ratio"][every["ratio"] > 0]
        fig.add_vrect(x0=pd.Timestamp(ctx.start), x1=pd.Timestamp(ctx.end) + pd.Timedelta(days=1), fillcolor=ACCENT, opacity=0.08,
                      line_width=0)
        if len(pos):
            fig.update_yaxes(range=[math.log10(max(pos.min(), 0.01) * 0.8), math.log10(max(pos.max(), L.OUTPERFORM_FACTOR) * 1.3)])
        fig.update_yaxes(type="log", title=t("loop.outperf.axis"))
        charts.show(fig, key="loop.outperf", height=340)
        if not ctx.present and len(now):
            show = now.assign(date=now["local"].map(lambda d: fmt.datetime(d, lang)),
                              platform=now["platform"].map(widgets.platform_name),
                              ratio=now["ratio"].map(lambda r: t("loop.times", n=fmt.number(r, 1, lang))))
            widgets.table(show[["date", "platform", "ratio", "text"]].rename(columns={
                "date": t("common.date"), "platform": t("common.platform"), "ratio": t("loop.outperf.axis"), "text": t("loop.f.change")}))

    # ---------------------------------------------------------- timing heatmap
    st.subheader(f":material/calendar_clock: {t('loop.timing')}", anchor=False)
    hpc = st.segmented_control(t("loop.timing.cell"), [1, 2, 3, 4], default=3, key="loop.hpc",
                               format_func=lambda n: t("loop.timing.hours", n=n)) or 3
    hm = L.timing_heatmap(posts, year_ago, ctx.end, ctx.timezone, hours_per_cell=int(hpc))
    if not hm["n"].sum():
        st.markdown(t("loop.timing.none"))
    else:
        ins = L.timing_insights(hm)

        def slot(r) -> str:
            return t("loop.timing.slot", day=day_name(int(r.weekday)), start=int(r.hour), end=int(r.hour) + int(hpc),
                     value=t("loop.times", n=fmt.number(r.value, 2, lang)), n=int(r.n))

        lines = ["- :material/schedule: " + (t("loop.timing.best", slots="; ".join(slot(r) for r in ins["best"].itertuples()))
                                             if len(ins["best"]) else t("loop.timing.best.none")),
                 "- :material/block: " + (t("loop.timing.useless", slots="; ".join(slot(r) for r in ins["useless"].itertuples()))
                                          if len(ins["useless"]) else t("loop.timing.useless.none"))]
        st.markdown("\n".join(lines))
        few = int((~hm["rankable"]).sum())
        xs = [f"{h}–{h + int(hpc)}" if lang == "en" else f"{h}–{h + int(hpc)} h" for h in range(0, 24, int(hpc))]
        ys = [fmt.DAYS_SHORT[lang][d] for d in range(7)]
        hours = list(range(0, 24, int(hpc)))

        first_row: dict[tuple[int, int], int] = {}  # (weekday, hour) -> position of its first row in hm
        for i, (d, h) in enumerate(zip(hm["weekday"], hm["hour"], strict=True)):
            first_row.setdefault((int(d), int(h)), i)

        def grid(col: str, mask: pd.Series | None = None, fill=None) -> list[list]:
            z = []
            for d in range(7):
                row = []
                for h in hours:
                    r = hm.iloc[first_row[(d, h)]]
                    ok = mask is None or bool(mask.loc[r.name])
                    row.append((r[col] if fill is None else fill) if ok else None)
                z.append(row)
            return z

        n_grid = grid("n")
        v_grid = grid("value")
        rank_mask = hm["rankable"]
        few_mask = ~hm["rankable"]
        text_main = [[f"<b>{fmt.number(v, 2, lang)}×</b><br>n = {n}" if v is not None and ok else ""
                      for v, n, ok in zip(vr, nr, mr, strict=True)] for vr, nr, mr in zip(v_grid, n_grid, grid("rankable"), strict=True)]
        text_few = [[f"n = {n}" if not ok else "" for n, ok in zip(nr, mr, strict=True)]
                    for nr, mr in zip(n_grid, grid("rankable"), strict=True)]
        custom = [[[n, fmt.number(v, 2, lang) if v is not None and not (isinstance(v, float) and math.isnan(v)) else fmt.MISSING]
                   for n, v in zip(nr, vr, strict=True)] for nr, vr in zip(n_grid, v_grid, strict=True)]
        fig = go.Figure()
        fig.add_trace(go.Heatmap(
            z=grid("n", few_mask, 1), x=xs, y=ys, colorscale=[[0, MUTED], [1, MUTED]], showscale=False, opacity=0.35,
            text=text_few, texttemplate="%{text}", textfont={"color": colors.THEME_TEXT[ctx.theme], "size": 11},
            customdata=custom, hovertemplate=t("loop.timing.hover.few") + "<extra></extra>", xgap=2, ygap=2,
        ))
        fig.add_trace(go.Heatmap(
            z=grid("value", rank_mask), x=xs, y=ys, zmid=1.0, zmin=0.3, zmax=1.7,
            colorscale=[[0, "#B91C1C"], [0.25, "#F59E0B"], [0.43, "#FDE68A"], [0.5, "#E5E7EB"], [0.57, "#BFDBFE"], [0.75, "#60A5FA"],
                        [1, "#1D4ED8"]],
            colorbar={"title": {"text": t("loop.timing.scale")}, "thickness": 12},
            text=text_main, texttemplate="%{text}", textfont={"size": 12},
            customdata=custom, hovertemplate=t("loop.timing.hover") + "<extra></extra>", xgap=2, ygap=2,
        ))
        fig.update_yaxes(autorange="reversed", showgrid=False)
        fig.update_xaxes(side="top", showgrid=False, type="category")
        charts.show(fig, key="loop.heatmap", height=360)
        st.caption(t("loop.timing.rule", tz=ctx.timezone, end=fmt.date(ctx.end, lang), min=L.MIN_POSTS_PER_CELL) + " "
                   + t("loop.timing.too_few", n=few, cells=len(hm)))

    # ---------------------------------------------------------- sentiment
    st.subheader(f":material/sentiment_satisfied: {t('loop.sentiment')}", anchor=False)
    sh = _sentiment_shift(str(ctx.root), ws, ctx.start, ctx.end, ctx.prev_start, ctx.prev_end, results.version(ctx), tbl)
    if math.isnan(sh["now"]):
        st.markdown(t("loop.sentiment.none"))
    else:
        kw = {"now": insights.value("net_sentiment", sh["now"], lang), "before": insights.value("net_sentiment", sh["before"], lang),
              "delta": fmt.points(sh["delta"], 1, lang), "neg_now": fmt.integer(sh["negative_now"], lang),
              "neg_before": fmt.integer(sh["negative_before"], lang)}
        key = "loop.sentiment.flat" if not sh["shift"] else ("loop.sentiment.up" if sh["delta"] > 0 else "loop.sentiment.down")
        st.markdown(t(key, **kw))
        wk_end = results.last_full_week_end(ctx.end)
        s = series("net_sentiment", tbl, wk_end - dt.timedelta(weeks=12) + dt.timedelta(days=1), wk_end, "week")
        fig = go.Figure(go.Scatter(x=s.index, y=s.to_numpy(), mode="lines+markers", name=insights.label("net_sentiment", lang),
                                   line={"color": ACCENT}))
        fig.add_vrect(x0=pd.Timestamp(ctx.start), x1=pd.Timestamp(ctx.end), fillcolor=ACCENT, opacity=0.1, line_width=0,
                      annotation_text=t("loop.sentiment.period"), annotation_position="top left")
        charts.show(fig, key="loop.sentiment", height=260, percent_y=True)

    # ---------------------------------------------------------- goals off track
    st.subheader(f":material/flag: {t('loop.goals')}", anchor=False)
    if not goals:
        widgets.setup_hint("loop.goals.nogoals", "markdown", ctx=ctx)
    else:
        bad = _off_track(str(ctx.root), ws, json.dumps(goals, sort_keys=True, default=str), as_of_period, results.version(ctx), tbl)
        if not bad:
            st.markdown(t("loop.goals.none"))
        for i, g in enumerate(bad[:3]):
            m = g["metric"]
            st.markdown(f":{insights.STATUS_COLORS.get(g['status'], 'gray')}[{insights.STATUS_ICONS.get(g['status'], '')}] " + t(
                "loop.goals.item", metric=insights.label(m, lang), scope=scope_text(g.get("scope")),
                status=insights.status_label(g["status"], lang).lower(), current=insights.value(m, g["current"], lang, cur),
                target=insights.value(m, g["target"], lang, cur), deadline=fmt.date(g["deadline"], lang)))
            h = pd.DataFrame(g.get("history") or [], columns=["date", "value"])
            h = h[pd.to_datetime(h["date"]) >= pd.Timestamp(g["start"]) - pd.Timedelta(weeks=8)]
            if len(h):
                fig = go.Figure(go.Scatter(x=pd.to_datetime(h["date"]), y=h["value"], mode="lines+markers", name=insights.label(m, lang),
                                           line={"color": colors.STATUS_COLORS.get(g["status"], ACCENT)}))
                fig.add_hline(y=g["target"], line_dash="dash", line_color=GOOD, annotation_text=t("loop.goals.target"),
                              annotation_position="top left")
                pct_y = m in insights.PERCENT_METRICS
                charts.show(fig, key=f"loop.goal.{i}", height=220, percent_y=pct_y)

# =================================================================== ADAPT
METRIC_OPTIONS = list(METRIC_IDS)


def metric_label(m: str) -> str:
    return f"{t(f'metrics.objective.{METRICS[m].objective}')} · {insights.label(m, lang)}"


def expected_text(a: dict) -> str:
    e = a.get("expected_change_pct")
    return fmt.MISSING if e in (None, "") else fmt.percent(float(e) / 100.0, 0, lang, signed=True)


with tab_b:
    st.subheader(f":material/edit_note: {t('loop.journal')}", anchor=False)
    st.caption(t("loop.journal.intro"))
    if not journal:
        st.markdown(t("loop.journal.empty"))
    ordered = sorted(journal, key=lambda a: str(a.get("date") or ""), reverse=True)
    if ctx.present:
        for a in ordered:
            badge = f":{'blue' if a.get('status') == 'open' else 'gray'}-badge[{t('loop.status.' + (a.get('status') or 'open'))}]"
            st.markdown(badge + " " + t("loop.journal.line", date=fmt.date(a.get("date"), lang), change=safe.md(a.get("change")),
                                        metric=insights.label(a.get("metric") or "", lang), scope=scope_text(a.get("scope")),
                                        expected=expected_text(a), review=fmt.date(a.get("review_date"), lang), owner=safe.md(a.get("owner"))))
    else:
        if journal:
            tbl_j = pd.DataFrame([{
                t("loop.col.date"): fmt.date(a.get("date"), lang), t("loop.col.change"): a.get("change") or "",
                t("loop.col.metric"): insights.label(a.get("metric") or "", lang) + scope_text(a.get("scope")),
                t("loop.col.expected"): expected_text(a), t("loop.col.review"): fmt.date(a.get("review_date"), lang),
                t("loop.col.owner"): a.get("owner") or "", t("loop.col.status"): t("loop.status." + (a.get("status") or "open")),
                t("loop.col.verdict"): verdict_label(a.get("verdict")) if a.get("verdict") else "",
            } for a in ordered])
            widgets.table(tbl_j)
        ids = ["__new__"] + [a["id"] for a in ordered if a.get("id")]
        by_id = {a.get("id"): a for a in journal}
        pick = st.selectbox(t("loop.journal.pick"), ids, key="loop.pick",
                            format_func=lambda i: t("loop.journal.new") if i == "__new__" else
                            f"{fmt.date(by_id[i].get('date'), lang)} · {by_id[i].get('change') or i}")
        base = dict(by_id.get(pick) or {})
        sfx = pick
        d0 = L.opt_date(base.get("date")) or min(today, ctx.end + dt.timedelta(days=1))
        r0 = L.opt_date(base.get("review_date")) or d0 + dt.timedelta(days=42)
        with st.form(f"loop.form.{sfx}"):
            c1, c2, c3 = st.columns(3)
            f_date = c1.date_input(t("loop.f.date"), value=d0, format="YYYY-MM-DD", key=f"loop.f.date.{sfx}")
            f_review = c2.date_input(t("loop.f.review"), value=r0, format="YYYY-MM-DD", key=f"loop.f.review.{sfx}")
            f_owner = c3.text_input(t("loop.f.owner"), value=base.get("owner") or "", key=f"loop.f.owner.{sfx}")
            f_change = st.text_input(t("loop.f.change"), value=base.get("change") or "", key=f"loop.f.change.{sfx}")
            f_why = st.text_area(t("loop.f.why"), value=base.get("why") or "", height=68, key=f"loop.f.why.{sfx}")
            f_hyp = st.text_area(t("loop.f.hypothesis"), value=base.get("hypothesis") or "", height=68, key=f"loop.f.hyp.{sfx}")
            c4, c5, c6, c7 = st.columns([3, 2, 2, 2])
            m0 = base.get("metric") if base.get("metric") in METRIC_OPTIONS else "engagements"
            f_metric = c4.selectbox(t("loop.f.metric"), METRIC_OPTIONS, index=METRIC_OPTIONS.index(m0), format_func=metric_label,
                                    key=f"loop.f.metric.{sfx}")
            e0 = base.get("expected_change_pct")
            f_exp = c5.number_input(t("loop.f.expected"), value=float(e0) if e0 not in (None, "") else 10.0, step=5.0, format="%.0f",
                                    key=f"loop.f.exp.{sfx}")
            plats = [None, *PLATFORM_IDS]
            p0 = (base.get("scope") or {}).get("platform")
            f_plat = c6.selectbox(t("loop.f.platform"), plats, index=plats.index(p0) if p0 in plats else 0,
                                  format_func=lambda p: t("loop.f.all_platforms") if p is None else widgets.platform_name(p),
                                  key=f"loop.f.plat.{sfx}")
            f_status_i = c7.selectbox(t("loop.f.status"), range(len(L.JOURNAL_STATUSES)),
                                      index=L.JOURNAL_STATUSES.index(base.get("status")) if base.get("status") in L.JOURNAL_STATUSES else 0,
                                      format_func=lambda i: t("loop.status." + L.JOURNAL_STATUSES[i]), key=f"loop.f.status.{sfx}")
            f_status = L.JOURNAL_STATUSES[f_status_i]
            c8, c9 = st.columns([1, 2])
            f_camp = c8.text_input(t("loop.f.campaign"), value=(base.get("scope") or {}).get("campaign") or "", key=f"loop.f.camp.{sfx}")
            f_dec = c9.text_input(t("loop.f.decision"), value=base.get("decision") or "", key=f"loop.f.dec.{sfx}")
            saved = st.form_submit_button(t("loop.f.save"), type="primary", icon=":material/save:")
        if saved:
            action = {**base, "id": base.get("id"), "date": f_date.isoformat(), "review_date": f_review.isoformat(),
                      "change": f_change.strip(), "why": f_why.strip(), "hypothesis": f_hyp.strip(), "metric": f_metric,
                      "expected_change_pct": float(f_exp), "scope": {"platform": f_plat, "campaign": f_camp.strip() or None},
                      "owner": f_owner.strip(), "status": f_status, "decision": f_dec.strip(), "verdict": base.get("verdict")}
            problems = L.validate_action(action)
            if problems:
                for p in problems:
                    st.error(t(f"loop.problem.{p}"))
            else:
                data.save_config("journal", L.upsert_action(journal, action), ctx=ctx)
                ss["loop.flash"] = t("loop.f.saved")
                st.rerun()
        if pick != "__new__" and st.button(t("loop.f.delete"), icon=":material/delete:", key=f"loop.delete.{sfx}", type="tertiary"):
            data.save_config("journal", [a for a in journal if a.get("id") != pick], ctx=ctx)
            ss.pop("loop.pick", None)
            ss["loop.flash"] = t("loop.f.deleted")
            st.rerun()

# =================================================================== IMPROVE


@st.cache_data(ttl=15 * 60, max_entries=64, show_spinner=False)
def _review(action_key: tuple, as_of: dt.date, version_key: tuple, _action: dict, _tbl: Tables) -> L.BeforeAfter:
    return L.before_after(_action, _tbl, as_of)


with tab_c:
    st.caption(t("loop.improve.intro"))
    due = [a for a in L.due_for_review(journal, today) if a.get("metric") in METRICS]
    if not due:
        st.info(t("loop.improve.none"))
    for i, a in enumerate(due):
        key = tuple(sorted((k, str(v)) for k, v in a.items() if k not in ("verdict", "decision", "status", "owner")))
        res = _review(key, today, results.version(ctx), a, tbl)
        with st.container(border=True):
            v = res.verdict
            st.markdown(f"#### {safe.md(a.get('change') or a.get('id'))}")
            st.markdown(f":{VERDICT_BADGE[v]}-badge[{VERDICT_ICON[v]} {verdict_label(v)}] · "
                        f"{fmt.date(a.get('date'), lang)} → {fmt.date(a.get('review_date'), lang)}"
                        + (f" · {safe.md(a['owner'])}" if a.get("owner") else ""))
            notes = []
            if a.get("why"):
                notes.append(t("loop.ba.why", why=safe.md(a["why"])))
            if a.get("hypothesis"):
                notes.append(t("loop.ba.hypothesis", h=safe.md(a["hypothesis"])))
            if notes:
                st.caption("  \n".join(notes))
            m = res.metric
            if v == "insufficient_data":
                st.markdown(t("loop.ba.insufficient", before=res.before_days, after=res.after_days))
            else:
                st.markdown(t("loop.ba.summary", metric=insights.label(m, lang), scope=scope_text(res.scope),
                              before=insights.value(m, res.before_mean, lang, cur) if m not in insights.PERCENT_METRICS else fmt.percent(res.before_mean, 2, lang),
                              after=insights.value(m, res.after_mean, lang, cur) if m not in insights.PERCENT_METRICS else fmt.percent(res.after_mean, 2, lang),
                              days=res.window_days, change=signed_pct(res.change), low=signed_pct(res.ci_low), high=signed_pct(res.ci_high),
                              expected=expected_text(a)))
                st.caption(t("loop.ba.interval"))
                if res.seasonally_adjusted:
                    st.caption(t("loop.ba.seasonal", seasonal=signed_pct(res.seasonal_change), raw=signed_pct(res.raw_change)))
                else:
                    st.caption(t("loop.ba.no_season"))
            s = res.series
            if len(s):
                fig = go.Figure()
                shift = pd.Timedelta(days=L.SEASON_SHIFT_DAYS)
                ly = s[s["window"].isin(["before_ly", "after_ly"])].sort_values("date")
                if len(ly) and res.seasonally_adjusted:
                    fig.add_trace(go.Scatter(x=ly["date"] + shift, y=ly["value"], mode="lines", name=t("loop.ba.window.ly"),
                                             line={"color": MUTED, "dash": "dot", "width": 1.5}))
                for w, color, name in (("before", MUTED, t("loop.ba.window.before")), ("after", ACCENT, t("loop.ba.window.after"))):
                    part = s[s["window"] == w].sort_values("date")
                    if not len(part):
                        continue
                    fig.add_trace(go.Scatter(x=part["date"], y=part["value"], mode="lines", name=name, line={"color": color, "width": 2}))
                    mean = res.before_mean if w == "before" else res.after_mean
                    if not math.isnan(mean):
                        fig.add_trace(go.Scatter(x=[part["date"].min(), part["date"].max()], y=[mean, mean], mode="lines",
                                                 name=f"{name} · {t('loop.ba.mean')}", showlegend=False,
                                                 line={"color": color, "width": 4}, hoverinfo="skip"))
                fig.add_vline(x=pd.Timestamp(res.date), line_dash="dash", line_color=colors.THEME_TEXT[ctx.theme])
                charts.show(fig, key=f"loop.ba.{i}", height=280, percent_y=m in insights.PERCENT_METRICS)
            if a.get("decision") or a.get("verdict"):
                st.caption(t("loop.ba.recorded", v=verdict_label(a.get("verdict")), d=safe.md(a.get("decision")) or fmt.MISSING))
            if not ctx.present and v not in ("not_due",):
                c1, c2 = st.columns([4, 2], vertical_alignment="bottom")
                dec = c1.text_input(t("loop.ba.decision"), value=a.get("decision") or "", key=f"loop.ba.dec.{a.get('id')}")
                if c2.button(t("loop.ba.record"), key=f"loop.ba.rec.{a.get('id')}", icon=":material/gavel:"):
                    data.save_config("journal", L.upsert_action(journal, {**a, "verdict": v, "decision": dec.strip(), "status": "closed"}),
                                     ctx=ctx)
                    ss["loop.flash"] = t("loop.ba.recorded_ok")
                    st.rerun()
    upcoming = [a for a in journal if (L.opt_date(a.get("review_date")) or today) > today]
    for a in sorted(upcoming, key=lambda a: str(a.get("review_date"))):
        st.caption(":material/schedule: " + t("loop.improve.upcoming", change=safe.md(a.get("change") or a.get("id")),
                                              date=fmt.date(a.get("review_date"), lang)))
    st.caption(t("loop.improve.rule"))
