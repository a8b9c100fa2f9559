"""Goals: create, edit, delete and follow SMART goals (``goals`` configuration document).

The editor refuses a goal that is not specific, measurable and time-bound
(:func:`metrics.goals.validate_goal` problems, phrased in EN/FR) and warns, before saving,
when the target looks unrealistic against the best week or month ever observed. Each goal
shows its progress, a projection to the deadline from the recent trend (chart: actual,
target, projection) and its status (:func:`metrics.goals.evaluate_goal`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.goals import PLATFORM_IDS, evaluate_goal, goal_set_warnings, validate_goal
from metrics.periods import last_complete, period_of
from metrics.registry import METRIC_IDS, METRICS
from ui import charts, context, data, fmt, insights, results, safe, widgets
from ui.i18n import t

OBJECTIVES = ("presence", "sentiment", "relationships", "traffic")
ICONS = {"presence": ":material/campaign:", "sentiment": ":material/sentiment_satisfied:", "roi": ":material/savings:",
         "relationships": ":material/handshake:", "traffic": ":material/language:"}
K = "goals.f."  # editor widget keys

ctx = context.get()
ws = context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency
ss = st.session_state
as_of = ctx.end + dt.timedelta(days=1)  # judged like the summary: the day after the period

st.title(t("nav.goals"))
st.caption(t("goals.intro", date=fmt.date(ctx.end, lang)))

goals_cfg: list[dict] = list(data.config("goals", [], ctx=ctx) or [])
with st.spinner(t("overview.loading")):
    tbl = results.tables(ctx)

flash = ss.pop("goals.flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")


def scope_text(scope: dict | None) -> str:
    parts = []
    if (scope or {}).get("platform"):
        parts.append(widgets.platform_name(scope["platform"]))
    if (scope or {}).get("campaign"):
        parts.append(safe.md(scope["campaign"]))
    return " · ".join(parts) or t("goals.scope.all")


def is_pct(metric: str) -> bool:
    return metric in insights.PERCENT_METRICS


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _evaluate(goal_json: str, as_of: dt.date, version_key: tuple, _tables) -> dict:
    return evaluate_goal(json.loads(goal_json), _tables, as_of)


def evaluate(goal: dict) -> dict:
    return _evaluate(json.dumps(goal, sort_keys=True, default=str), as_of, results.version(ctx), tbl)


def history_for(goal: dict) -> pd.Series:
    """The goal metric's bucket series over the year before ``as_of`` (for the realism check)."""
    freq = "month" if goal.get("period") == "month" else "week"
    last = last_complete(freq, as_of)
    first = period_of(freq, last.end - dt.timedelta(weeks=52)).start
    scope = goal.get("scope") or {}
    return results.metric_series(ctx, tbl, goal["metric"], first, last.end, freq, scope.get("platform"), scope.get("campaign"))


# ---------------------------------------------------------------- set-level advice
for w in goal_set_warnings(goals_cfg):
    st.info(insights.issue_text(asdict(w), lang), icon=":material/lightbulb:")

# ---------------------------------------------------------------- editor
campaign_names = [c.get("name") or c.get("utm_campaign") for c in (data.config("campaigns", [], ctx=ctx) or [])]
campaign_names = [c for c in campaign_names if c]


def load_into_editor(goal: dict | None) -> None:
    g = goal or {}
    metric = g.get("metric") or "engagement_rate_reach"
    scale = 100.0 if is_pct(metric) else 1.0
    ss[K + "id"] = g.get("id")
    ss[K + "metric"] = metric
    ss[K + "objective"] = g.get("objective") or METRICS[metric].objective
    ss[K + "platform"] = (g.get("scope") or {}).get("platform") or ""  # "" = all (None would show as "no choice")
    ss[K + "campaign"] = (g.get("scope") or {}).get("campaign") or ""
    ss[K + "period"] = g.get("period") or "week"
    ss[K + "baseline"] = None if g.get("baseline") is None else float(g["baseline"]) * scale
    ss[K + "target"] = None if g.get("target") is None else float(g["target"]) * scale
    ss[K + "start"] = dt.date.fromisoformat(g["start"][:10]) if g.get("start") else ctx.today.replace(day=1)
    ss[K + "deadline"] = dt.date.fromisoformat(g["deadline"][:10]) if g.get("deadline") else None
    ss[K + "owner"] = g.get("owner") or ""
    ss.pop("goals.pending", None)


def open_editor(goal: dict | None) -> None:
    load_into_editor(goal)
    ss["goals.editing"] = True


def close_editor() -> None:
    ss["goals.editing"] = False
    ss.pop("goals.pending", None)


def goal_from_editor() -> dict:
    metric = ss.get(K + "metric")
    spec = METRICS.get(metric)
    scale = 100.0 if metric and is_pct(metric) else 1.0
    platform = ss.get(K + "platform") if spec and "platform" in spec.scopes else None
    campaign = ss.get(K + "campaign") if spec and "campaign" in spec.scopes else None
    gid = ss.get(K + "id")
    if not gid:
        taken = {g.get("id") for g in goals_cfg}
        base = "g-" + re.sub(r"[^a-z0-9]+", "-", f"{metric}-{platform or campaign or 'all'}".lower()).strip("-")
        gid, n = base, 2
        while gid in taken:
            gid, n = f"{base}-{n}", n + 1

    def num(key: str) -> float | None:
        v = ss.get(K + key)
        return None if v is None else round(float(v) / scale, 6)

    def day(key: str) -> str | None:
        v = ss.get(K + key)
        return v.isoformat() if isinstance(v, dt.date) else None

    goal = {
        "id": gid,
        "objective": ss.get(K + "objective"),
        "metric": metric,
        "scope": {"platform": platform or None, "campaign": campaign or None},
        "baseline": num("baseline"),
        "target": num("target"),
        "start": day("start"),
        "deadline": day("deadline"),
        "owner": (ss.get(K + "owner") or "").strip(),
    }
    if ss.get(K + "period") == "month":
        goal["period"] = "month"
    return goal


def save_goal(goal: dict) -> None:
    goals = [g for g in goals_cfg if g.get("id") != goal["id"]]
    pos = next((i for i, g in enumerate(goals_cfg) if g.get("id") == goal["id"]), len(goals))
    goals.insert(pos, goal)
    data.save_config("goals", goals, ctx=ctx)
    ss["goals.flash"] = t("goals.saved", metric=insights.label(goal["metric"], lang))
    close_editor()


def criterion(issue) -> str:
    c = issue.criterion
    return f"**{t(f'metrics.criterion.{c}')}** — " if c else ""


def editor() -> None:
    editing_id = ss.get(K + "id")
    with st.container(border=True):
        st.subheader(t("goals.edit.title") if editing_id else t("goals.new.title"), anchor=False)
        st.caption(t("goals.smart"))
        c1, c2 = st.columns(2)
        c1.selectbox(t("goals.f.objective"), OBJECTIVES, key=K + "objective", format_func=lambda o: t(f"metrics.objective.{o}"))
        obj = ss.get(K + "objective")
        ordered = [m for m in METRIC_IDS if METRICS[m].objective == obj] + [m for m in METRIC_IDS if METRICS[m].objective != obj]
        if ss.get(K + "metric") not in ordered:
            ss[K + "metric"] = ordered[0]
        c2.selectbox(t("goals.f.metric"), ordered, key=K + "metric",
                     format_func=lambda m: f"{insights.label(m)} ({t(f'metrics.objective.{METRICS[m].objective}')})")
        metric = ss[K + "metric"]
        spec = METRICS[metric]
        c3, c4, c5 = st.columns(3)
        c3.selectbox(t("goals.f.platform"), ["", *PLATFORM_IDS], key=K + "platform",
                     format_func=lambda p: widgets.platform_name(p) if p else t("goals.scope.all_platforms"),
                     disabled="platform" not in spec.scopes)
        c4.selectbox(t("goals.f.campaign"), ["", *campaign_names], key=K + "campaign",
                     format_func=lambda c: c or t("goals.scope.all_campaigns"),
                     disabled="campaign" not in spec.scopes)
        c5.segmented_control(t("goals.f.period"), ["week", "month"], key=K + "period",
                             format_func=lambda f: t(f"trends.freq.{f}"), help=t("goals.f.period.help"))
        unit = " (%)" if is_pct(metric) else (f" ({cur})" if spec.unit == "currency" else "")
        kind_help = t("goals.f.kind.stock") if spec.kind == "stock" else t("goals.f.kind.flow")
        c6, c7 = st.columns(2)
        c6.number_input(t("goals.f.baseline") + unit, key=K + "baseline", step=None, help=kind_help)
        c7.number_input(t("goals.f.target") + unit, key=K + "target", step=None, help=kind_help)
        # a hint from the data: the value of the last complete bucket
        freq = ss.get(K + "period") or "week"
        try:
            h = history_for({"metric": metric, "period": freq, "scope": {"platform": ss.get(K + "platform") or None,
                                                                            "campaign": ss.get(K + "campaign") or None}})
            known = h.dropna()
        except Exception:  # noqa: BLE001 - the hint is optional
            known = pd.Series(dtype="float64")
        if len(known):
            best = known.max() if spec.higher_is_better is not False else known.min()
            st.caption(t(f"goals.hint.{freq}", last=insights.value(metric, known.iloc[-1], lang, cur),
                         best=insights.value(metric, best, lang, cur)))
        c8, c9, c10 = st.columns(3)
        c8.date_input(t("goals.f.start"), key=K + "start", format="YYYY-MM-DD")
        c9.date_input(t("goals.f.deadline"), key=K + "deadline", format="YYYY-MM-DD")
        c10.text_input(t("goals.f.owner"), key=K + "owner")

        b1, b2, _ = st.columns([1, 1, 3])
        clicked = b1.button(t("goals.save"), key="goals.save", type="primary", icon=":material/save:")
        b2.button(t("common.cancel"), key="goals.cancel", on_click=close_editor)
        if clicked:
            goal = goal_from_editor()
            try:
                hist = history_for(goal) if goal.get("metric") in METRICS else None
            except Exception:  # noqa: BLE001
                hist = None
            chk = validate_goal(goal, tbl, hist, as_of)
            if not chk.ok:
                ss.pop("goals.pending", None)
                st.error(t("goals.refused") + "\n\n" + "\n".join(
                    f"- {criterion(i)}{insights.issue_text(asdict(i), lang, cur, goal.get('metric'))}" for i in chk.problems))
                return
            if chk.warnings:
                ss["goals.pending"] = {"goal": goal, "warnings": [asdict(w) for w in chk.warnings]}
            else:
                save_goal(goal)
                st.rerun()
        pending = ss.get("goals.pending")
        if pending:
            st.warning(t("goals.warned") + "\n\n" + "\n".join(
                f"- {insights.issue_text(w, lang, cur, pending['goal'].get('metric'))}" for w in pending["warnings"]))
            if st.button(t("goals.save_anyway"), key="goals.save_anyway", icon=":material/warning:"):
                save_goal(pending["goal"])
                st.rerun()


if not ctx.present:
    if ss.get("goals.editing"):
        editor()
    else:
        st.button(t("goals.new"), key="goals.new", icon=":material/add:", type="primary", on_click=open_editor, args=(None,))

# ---------------------------------------------------------------- the goals
if not goals_cfg:
    st.info(t("goals.none"))
    st.stop()


def goal_chart(goal: dict, ev: dict) -> None:
    hist = [(pd.Timestamp(d), v) for d, v in ev.get("history") or [] if v is not None]
    start = pd.Timestamp(goal["start"])
    deadline = pd.Timestamp(goal["deadline"])
    freq = ev.get("period") or "week"
    lead = pd.Timedelta(weeks=8) if freq == "week" else pd.Timedelta(days=120)
    hist = [(d, v) for d, v in hist if d >= start - lead]
    metric = goal["metric"]
    fmt_v = lambda v: insights.value(metric, v, lang, cur)  # noqa: E731
    fig = go.Figure()
    accent = "#1D4ED8" if ctx.theme == "light" else "#60A5FA"
    target_col = "#15803D" if ctx.theme == "light" else "#4ADE80"
    proj_col = "#B45309" if ctx.theme == "light" else "#FBBF24"
    if hist:
        fig.add_scatter(x=[d for d, _ in hist], y=[v for _, v in hist], name=t("goals.chart.actual"), mode="lines+markers",
                        line={"color": accent, "width": 2.5}, marker={"size": 4},
                        customdata=[fmt_v(v) for _, v in hist], hovertemplate="%{customdata}")
    tgt = ev.get("target")
    if tgt is not None and not fmt.is_missing(tgt):
        x_lo = min([start - lead] + [d for d, _ in hist[:1]])
        fig.add_scatter(x=[x_lo, deadline], y=[tgt, tgt], name=t("goals.chart.target"), mode="lines",
                        line={"color": target_col, "width": 2, "dash": "dash"}, customdata=[fmt_v(tgt)] * 2,
                        hovertemplate="%{customdata}")
    proj = ev.get("projection")
    if hist and proj is not None and not fmt.is_missing(proj):
        last_d, last_v = hist[-1]
        dl_bucket = pd.Timestamp(period_of(freq, deadline.date()).start)
        fig.add_scatter(x=[last_d, dl_bucket], y=[last_v, proj], name=t("goals.chart.projection"), mode="lines+markers",
                        line={"color": proj_col, "width": 2, "dash": "dot"}, marker={"size": [0, 9], "symbol": "circle-open"},
                        customdata=[fmt_v(last_v), fmt_v(proj)], hovertemplate="%{customdata}")
    fig.add_vline(x=start, line_color="#9CA3AF", line_width=1)
    fig.add_vline(x=deadline, line_color=target_col, line_width=1)
    fig.update_layout(height=340 if ctx.present else 300, hovermode="x unified")
    charts.show(fig, key=f"goals.chart.{goal.get('id')}", ctx=ctx, percent_y=is_pct(metric) and metric != "roi",
                y_format=",.1f" if metric in insights.DECIMAL_METRICS else None)


for i, goal in enumerate(goals_cfg):
    ev = evaluate(goal)
    metric = goal.get("metric") or ""
    status = ev.get("status") or "invalid"
    obj = goal.get("objective") or (METRICS[metric].objective if metric in METRICS else "presence")
    with st.container(border=True):
        head, badge = st.columns([4, 1], vertical_alignment="center")
        head.subheader(f"{ICONS.get(obj, '')} {insights.label(metric, lang)} — {scope_text(goal.get('scope'))}", anchor=False)
        color = insights.STATUS_COLORS.get(status, "gray")
        badge.markdown(f"### :{color}-badge[{insights.STATUS_ICONS.get(status, '')} {insights.status_label(status, lang)}]")
        freq = ev.get("period") or "week"
        st.caption(t(f"goals.line.{freq}", objective=t(f"metrics.objective.{obj}"), start=fmt.date(goal.get("start"), lang),
                     deadline=fmt.date(goal.get("deadline"), lang), owner=safe.md(goal.get("owner")) or t("goals.nobody")))
        if ev.get("problems"):
            st.error("\n".join(f"- {insights.issue_text(p, lang, cur, metric)}" for p in ev["problems"]))
        else:
            m1, m2, m3, m4 = st.columns(4)
            m1.metric(t("goals.baseline"), insights.value(metric, ev.get("baseline"), lang, cur))
            cur_label = t("goals.current")
            if ev.get("current_period_start"):
                cur_label = t("goals.current.at", period=fmt.date_range(ev["current_period_start"], ev["current_period_end"], lang))
            m2.metric(cur_label, insights.value(metric, ev.get("current"), lang, cur))
            m3.metric(t("goals.target"), insights.value(metric, ev.get("target"), lang, cur))
            proj = ev.get("projection")
            m4.metric(t("goals.projection"), insights.value(metric, proj, lang, cur), help=t("goals.projection.help"))
            p = ev.get("progress")
            if p is not None and not fmt.is_missing(p):
                exp = ev.get("expected_progress")
                st.progress(min(1.0, max(0.0, float(p))), text=t("goals.progress", done=fmt.percent(p, 0, lang),
                                                                   elapsed=fmt.percent(exp, 0, lang)))
            pp = ev.get("projected_progress")
            if status in ("on_track", "at_risk", "off_track") and pp is not None and not fmt.is_missing(pp):
                key = f"goals.status_text.{status}"
                st.markdown(t(key, pct=fmt.percent(pp, 0, lang)))
            for w in ev.get("warnings") or []:
                st.warning(insights.issue_text(w, lang, cur, metric), icon=":material/warning:")
            goal_chart(goal, ev)
        if not ctx.present:
            b1, b2, _ = st.columns([1, 1, 4])
            b1.button(t("goals.edit"), key=f"goals.edit.{i}", icon=":material/edit:", on_click=open_editor, args=(goal,))
            with b2.popover(t("goals.delete"), icon=":material/delete:"):
                st.write(t("goals.delete.confirm", metric=insights.label(metric, lang)))
                if st.button(t("goals.delete.yes"), key=f"goals.delete.{i}", type="primary"):
                    data.save_config("goals", [g for g in goals_cfg if g.get("id") != goal.get("id")], ctx=ctx)
                    ss["goals.flash"] = t("goals.deleted", metric=insights.label(metric, lang))
                    st.rerun()
