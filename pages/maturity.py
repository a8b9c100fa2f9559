"""Maturity: the organisation's level (1-5) from a questionnaire checked against the data,
what is missing for the next level, peers on the same scale, the level over time, and the
six implementation phases.

Scoring and evidence rules: :mod:`metrics.maturity` (module docstring). The current level
uses the latest saved answers and the evidence of the 90 days up to the end of the view's
period; each saved assessment is scored with the evidence as of its own date.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import maturity as M
from ui import charts, colors, context, data, fmt, safe
from ui.i18n import t

ctx = context.get()
ws = context.require_workspace(ctx)
lang = ctx.lang
ss = st.session_state
own_brand = ctx.cfg.brands.own_name if ctx.cfg else None
competitors = ctx.cfg.brands.competitor_names if ctx.cfg else ()

st.title(t("nav.maturity"))
st.caption(t("maturity.subtitle", workspace=safe.md(ctx.display_name or ws)))

flash = ss.pop("maturity.flash", None)
if flash:
    st.success(flash)

doc = data.config("maturity", {}, ctx=ctx) or {}
journal = data.config("journal", [], ctx=ctx) or []
latest = M.latest_assessment(doc)
answers = dict((latest or {}).get("answers") or {})
as_of = ctx.end + dt.timedelta(days=1)
dates = [as_of] + [M.as_date(a["date"]) for a in doc.get("assessments") or [] if a.get("date")]
lo = min(dates) - dt.timedelta(days=2 * M.WINDOW_DAYS + 2)
mentions = data.read("mentions", ["published_at", "brand", "sentiment_label", "topic", "replied_at"], start=lo, end=as_of, ctx=ctx)
posts = data.read("posts", ["published_at", "text", "comments"], ctx=ctx)


@st.cache_data(ttl=15 * 60, max_entries=64, show_spinner=False)
def _evidence(root: str, ws_name: str, d: dt.date, tz: str, own: str | None, comps: tuple, journal_json: str,
              versions: tuple, lo_day: dt.date, _mentions, _posts) -> dict[int, M.Evidence]:
    """The data's evidence on ``d``: once per (workspace, day, settings, journal, store version)."""
    return M.evidence(_mentions, _posts, json.loads(journal_json), d, tz, own, comps)


VERSIONS = (data.version(ctx.root, ws, "mentions"), data.version(ctx.root, ws, "posts"))
JOURNAL_JSON = json.dumps(journal, sort_keys=True, default=str)


def evidence_at(d: dt.date) -> dict[int, M.Evidence]:
    return _evidence(str(ctx.root), ws, d, ctx.timezone, own_brand, tuple(competitors), JOURNAL_JSON, VERSIONS, lo,
                     mentions, posts)


ev = evidence_at(as_of)
res = M.assess(answers, ev)


def level_name(n: int) -> str:
    return t(f"maturity.level.{n}")


def q_text(qid: str) -> str:
    return t(f"maturity.q.{qid}")


def pct(x, d: int = 0) -> str:
    return fmt.percent(x, d, lang)


# ------------------------------------------------------------------ result

st.header(t("maturity.result"), anchor=False)
if latest:
    st.caption(t("maturity.result.based_on", date=fmt.date(latest["date"], lang), answered=res.answered, total=res.total,
                 end=fmt.date(ctx.end, lang)))
else:
    st.info(t("maturity.result.no_answers"))

ladder = st.columns(5)
for n, col in zip(M.LEVELS, ladder, strict=True):
    reached = n <= res.level
    with col.container(border=True):
        badge = f":green-badge[:material/check: {t('maturity.level.short', n=n)}]" if reached else f":gray-badge[{t('maturity.level.short', n=n)}]"
        st.markdown(badge)
        st.markdown(f"**{level_name(n)}**" if n == res.level else level_name(n))
        if not ctx.present:
            st.caption(t(f"maturity.level.{n}.desc"))

left, right = st.columns([1, 1], gap="large")
with left:
    st.subheader(f":violet[:material/stairs:] {t('maturity.level.of', n=res.level)} — {level_name(res.level)}", anchor=False)
    st.markdown(t(f"maturity.level.{res.level}.desc"))
    st.subheader(t("maturity.reasons"), anchor=False)
    lines = []
    for n in M.LEVELS[1:]:
        c = res.checks[n]
        if c.reached:
            lines.append(f"- :material/check_circle: {t('maturity.reason.reached', n=n, name=level_name(n))}")
        elif not c.answers_ok:
            lines.append(f"- :material/radio_button_unchecked: {t('maturity.reason.blocked_answers', n=n, name=level_name(n), count=len(c.missing))}")
        else:
            lines.append(f"- :material/error: {t('maturity.reason.blocked_evidence', n=n, name=level_name(n))}")
        if n > res.level:
            break
    st.markdown("\n".join(lines))
with right:
    if res.next_level is None:
        st.success(t("maturity.reason.top"))
    else:
        st.subheader(t("maturity.next", n=res.next_level, name=level_name(res.next_level)), anchor=False)
        items = []
        for item in res.missing_for_next:
            if item == "evidence":
                items.append(f"- [ ] {t('maturity.next.evidence', what=t(f'maturity.level.{res.next_level}.desc'))}")
            else:
                items.append(f"- [ ] {q_text(item)}")
        st.markdown("\n".join(items))
    st.caption(t("maturity.rule"))

# ------------------------------------------------------------------ peers chart and history

KIND_COLORS = {"you": "#7C3AED", "competitor": "#DC2626", "partner": "#0E9F6E"}
peers = M.peers_frame(doc.get("peers"))
rows = [{"name": t("maturity.you"), "kind": "you", "level": res.level}] + peers[["name", "kind", "level"]].to_dict("records")
cmp_df = pd.DataFrame(rows)
cmp_df["name"] = safe.plots(cmp_df["name"])  # peer names are user text
ticktext = [f"<b>{n}</b><br>" + "<br>".join(textwrap.wrap(level_name(n), 14)) for n in M.LEVELS]
c1, c2 = st.columns([3, 2], gap="large")
with c1:
    st.subheader(t("maturity.compare"), anchor=False)
    fig = go.Figure()
    for kind in ("you", "competitor", "partner"):
        part = cmp_df[cmp_df["kind"] == kind]
        if not len(part):
            continue
        fig.add_trace(go.Scatter(
            x=part["level"], y=part["name"], mode="markers+text", name=t(f"maturity.kind.{kind}"),
            marker={"size": 22 if kind == "you" else 16, "color": KIND_COLORS[kind], "symbol": "star" if kind == "you" else "circle",
                    "line": {"width": 1, "color": colors.THEME_BACKGROUND[ctx.theme]}},
            text=[str(v) for v in part["level"]], textposition="middle right",
            textfont={"color": colors.THEME_TEXT[ctx.theme]},
            hovertemplate="%{y}: %{x}<extra></extra>",
        ))
    fig.update_xaxes(range=[0.6, 5.6], tickvals=list(M.LEVELS), ticktext=ticktext, tickangle=0, automargin=True, showgrid=True, zeroline=False)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=cmp_df["name"].tolist(), showgrid=False)
    charts.show(fig, key="maturity.compare", height=160 + 44 * len(cmp_df))
    st.caption(t("maturity.compare.caption"))
with c2:
    st.subheader(t("maturity.history"), anchor=False)
    hist = M.history(doc, evidence_at)
    if len(hist):
        fig = go.Figure(go.Scatter(x=hist["date"], y=hist["level"], mode="lines+markers", name=t("maturity.axis.level"),
                                   line={"color": KIND_COLORS["you"], "shape": "hv"}, marker={"size": 12}))
        fig.update_yaxes(range=[0.5, 5.5], tickvals=list(M.LEVELS), title=t("maturity.axis.level"), tickformat="d")
        if len(hist) == 1:
            d0 = hist["date"].iloc[0]
            fig.update_xaxes(range=[d0 - pd.Timedelta(days=120), d0 + pd.Timedelta(days=120)])
        charts.show(fig, key="maturity.history", height=260)
        if len(hist) == 1:
            st.caption(t("maturity.history.one"))
    else:
        st.caption(t("maturity.result.no_answers"))

# ------------------------------------------------------------------ detail per level

ANSWER_ICONS = {"yes": ":green[:material/check_circle:]", "partly": ":orange[:material/timelapse:]",
                "no": ":red[:material/cancel:]", "unknown": ":gray[:material/help:]"}
STATE_BADGES = {"supports": "green", "weak": "orange", "contradicts": "red", "unknown": "gray"}


def evidence_text(e: M.Evidence) -> str:
    f = e.figures
    if e.level == 2:
        if not f.get("mentions"):
            return t("maturity.ev.2.none", window=f["window_days"])
        return t("maturity.ev.2", mentions=fmt.integer(f["mentions"], lang), window=f["window_days"], covered=f["days_covered"],
                 coverage=pct(f["coverage"]), last=fmt.date(f["last_mention"], lang))
    if e.level == 3:
        if e.state == "unknown":
            return t("maturity.ev.3.unknown")
        hours = f["median_hours"]
        return t("maturity.ev.3", answered=fmt.integer(f["answered"], lang), mentions=fmt.integer(f["mentions"], lang),
                 share=pct(f["reply_share"]), neg_share=pct(f["negative_reply_share"]),
                 hours=fmt.MISSING if math.isnan(hours) else t("maturity.hours", n=fmt.number(hours, 1, lang)))
    if e.level == 4:
        if e.state == "unknown":
            return t("maturity.ev.4.unknown", posts=f["posts"])
        return t("maturity.ev.4", questions=f["questions"], posts=f["posts"], share=pct(f["question_share"]),
                 rate=fmt.number(f["conversation_rate"], 1, lang), before=fmt.number(f["conversation_rate_before"], 1, lang))
    if e.state == "unknown":
        return t("maturity.ev.5.unknown")
    return t("maturity.ev.5", share=pct(f["tagged_share"]), actions=f["actions"], count=f["actions"])


st.header(t("maturity.detail"), anchor=False)
grid = st.columns(2, gap="medium")
for i, n in enumerate(M.LEVELS[1:]):
    c = res.checks[n]
    with grid[i % 2].container(border=True):
        head = f":green-badge[:material/check: {t('maturity.level.short', n=n)}]" if c.reached else f":gray-badge[{t('maturity.level.short', n=n)}]"
        st.markdown(f"{head} **{level_name(n)}**")
        st.markdown(f"**{t('maturity.answers')}**")
        st.markdown("\n".join(
            f"- {ANSWER_ICONS[M.normalise_answer(answers.get(q))]} {q_text(q)} — *{t('maturity.answer.' + M.normalise_answer(answers.get(q)))}*"
            for q in c.questions))
        e = c.evidence
        if e is not None:
            st.markdown(f"**{t('maturity.evidence')}** :{STATE_BADGES[e.state]}-badge[{t('maturity.state.' + e.state)}]")
            st.markdown(evidence_text(e))
        if c.disagreement:
            st.warning(t(f"maturity.disagree.{c.disagreement}"), icon=":material/compare_arrows:")

# ------------------------------------------------------------------ phases

st.header(t("maturity.phases"), anchor=False)
phases = dict(doc.get("phases") or {})
prog = M.phase_progress(phases)
st.progress(prog, text=t("maturity.phases.progress", pct=pct(prog)))
PHASE_BADGE = {"done": "green", "in_progress": "blue", "not_started": "gray"}
PHASE_ICON = {"done": ":material/check:", "in_progress": ":material/pending:", "not_started": ":material/schedule:"}
pcols = st.columns(3)
for i, ph in enumerate(M.PHASES):
    stt = phases.get(ph) if phases.get(ph) in M.PHASE_STATUSES else "not_started"
    qs = [q.id for q in M.QUESTIONS if q.phase == ph]
    yes = sum(1 for q in qs if M.normalise_answer(answers.get(q)) == "yes")
    with pcols[i % 3].container(border=True):
        st.markdown(f"**{t('maturity.phase.' + ph)}**")
        st.markdown(f":{PHASE_BADGE[stt]}-badge[{PHASE_ICON[stt]} {t('maturity.phase.status.' + stt)}]")
        if qs:
            st.caption(t("maturity.phases.questions", n=yes, total=len(qs)))


def editors() -> None:
    """Phases, questionnaire and peers editors (never in presentation mode)."""

    with st.expander(t("maturity.phases.edit"), icon=":material/edit:"):
        with st.form("maturity.phases.form", border=False):
            new_phases = {}
            fcols = st.columns(3)
            for i, ph in enumerate(M.PHASES):
                cur = phases.get(ph) if phases.get(ph) in M.PHASE_STATUSES else "not_started"
                new_phases[ph] = fcols[i % 3].selectbox(t("maturity.phase." + ph), M.PHASE_STATUSES, index=M.PHASE_STATUSES.index(cur),
                                                        format_func=lambda s: t("maturity.phase.status." + s), key=f"maturity.phase.{ph}")
            if st.form_submit_button(t("maturity.phases.save"), type="primary"):
                doc2 = dict(data.config("maturity", {}, ctx=ctx) or {})
                doc2["phases"] = new_phases
                data.save_config("maturity", doc2, ctx=ctx)
                ss["maturity.flash"] = t("maturity.phases.saved")
                st.rerun()

    # ------------------------------------------------------------------ questionnaire

    st.header(t("maturity.form"), anchor=False)
    st.caption(t("maturity.form.intro"))
    with st.expander(t("maturity.form.open"), icon=":material/checklist:", expanded=latest is None), st.form("maturity.form", border=False):
        when = st.date_input(t("maturity.form.date"), value=min(ctx.today, dt.date.today()), max_value=dt.date.today(),
                             format="YYYY-MM-DD", key="maturity.form.date")
        new_answers = {}
        for n in M.LEVELS[1:]:
            st.markdown(f"**{t('maturity.form.group', n=n, name=level_name(n))}**")
            for q in M.questions_for(n):
                cur = M.normalise_answer(answers.get(q))
                new_answers[q] = st.radio(q_text(q), M.ANSWERS, index=M.ANSWERS.index(cur), horizontal=True,
                                          format_func=lambda a: t("maturity.answer." + a), key=f"maturity.q.{q}")
        if st.form_submit_button(t("maturity.form.save"), type="primary", icon=":material/save:"):
            doc2 = M.upsert_assessment(data.config("maturity", {}, ctx=ctx) or {}, when, new_answers)
            data.save_config("maturity", doc2, ctx=ctx)
            ss["maturity.flash"] = t("maturity.form.saved", date=fmt.date(when, lang))
            st.rerun()

    # ------------------------------------------------------------------ peers editor

    st.header(t("maturity.peers"), anchor=False)
    st.caption(t("maturity.peers.intro"))
    pe = peers.copy()
    pe["date"] = pd.to_datetime(pe["date"], errors="coerce").dt.date
    edited = st.data_editor(
        pe, num_rows="dynamic", hide_index=True, width="stretch", key="maturity.peers.editor",
        column_config={
            "name": st.column_config.TextColumn(t("maturity.peers.name"), required=True),
            "kind": st.column_config.SelectboxColumn(t("maturity.peers.kind"), options=list(M.PEER_KINDS), required=True,
                                                     format_func=lambda k: t(f"maturity.kind.{k}")),
            "level": st.column_config.NumberColumn(t("maturity.peers.level"), min_value=1, max_value=5, step=1, required=True),
            "date": st.column_config.DateColumn(t("maturity.peers.date"), format="YYYY-MM-DD"),
        },
    )
    if st.button(t("maturity.peers.save"), icon=":material/save:", key="maturity.peers.save"):
        out = []
        for r in edited.to_dict("records"):
            d = r.get("date")
            out.append({"name": r.get("name"), "kind": r.get("kind"), "level": r.get("level"),
                        "date": (d.isoformat() if hasattr(d, "isoformat") and not pd.isna(d) else ctx.today.isoformat())})
        doc2 = dict(data.config("maturity", {}, ctx=ctx) or {})
        doc2["peers"] = M.peers_frame(out).to_dict("records")
        data.save_config("maturity", doc2, ctx=ctx)
        ss["maturity.flash"] = t("maturity.peers.saved")
        st.rerun()


if not ctx.present:
    editors()
