"""Report builder: the client report of the sidebar's workspace and period (HTML and PDF).

Choices: comparison period, language, sections, a note per section and an executive summary;
saved as named presets per workspace (config document ``report_presets``:
``{name: {"lang", "compare", "sections": [...], "notes": {section: text}}}``).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from report import SECTIONS
from report import ui as rui
from report.pdf import PdfError, find_chromium
from ui import context, data, fmt, safe
from ui.i18n import LANGS, t

ctx = context.get()
st.title(t("report.page.title"))
if not ctx.workspace:
    st.info(t("report.page.no_workspace"))
    st.stop()
st.caption(t("report.page.intro"))

ws = ctx.workspace
K = f"bsl.report.{ws}."
presets: dict = dict(data.config("report_presets", {}, ctx=ctx) or {})


def _apply_preset() -> None:
    p = presets.get(st.session_state.get(K + "preset")) or {}
    if not p:
        return
    if p.get("lang") in LANGS:
        st.session_state[K + "lang"] = p["lang"]
    if p.get("paper") in ("Letter", "A4"):
        st.session_state[K + "paper"] = p["paper"]
    if p.get("compare") in ("previous", "year"):
        st.session_state[K + "compare"] = p["compare"]
    chosen = set(p.get("sections") or SECTIONS)
    for s in SECTIONS:
        st.session_state[K + "sec." + s] = s in chosen
    notes = p.get("notes") or {}
    for s in ("exec", *SECTIONS):
        st.session_state[K + "note." + s] = str(notes.get(s) or "")


none = t("report.page.preset.none")
if presets:
    st.selectbox(t("report.page.preset"), [none, *sorted(presets)], key=K + "preset", on_change=_apply_preset)

c1, c2, c3 = st.columns(3)
compare = c1.radio(t("report.page.compare"), ("previous", "year"), key=K + "compare", horizontal=True,
                   format_func=lambda k: t(f"report.page.compare.{k}"))
lang = c2.radio(t("report.page.lang"), LANGS, key=K + "lang", index=LANGS.index(ctx.lang) if ctx.lang in LANGS else 0,
                horizontal=True, format_func=lambda k: {"en": "English", "fr": "Français"}[k])
paper = c3.radio(t("report.page.paper"), ("Letter", "A4"), key=K + "paper", horizontal=True,
                 index=0 if ctx.currency in ("CAD", "USD") else 1)
if compare == "year":
    prev = (ctx.start.replace(year=ctx.start.year - 1) if not (ctx.start.month == 2 and ctx.start.day == 29) else
            ctx.start - dt.timedelta(days=365),
            ctx.end.replace(year=ctx.end.year - 1) if not (ctx.end.month == 2 and ctx.end.day == 29) else
            ctx.end - dt.timedelta(days=365))
else:
    prev = (ctx.prev_start, ctx.prev_end)
st.markdown(t("report.page.period", period=fmt.date_range(ctx.start, ctx.end), previous=fmt.date_range(*prev)))

st.subheader(t("report.page.sections"))
cols = st.columns(3)
sections = [s for i, s in enumerate(SECTIONS)
            if cols[i % 3].checkbox(t(f"report.section.{s}"), value=True, key=K + "sec." + s)]

st.subheader(t("report.page.notes"))
notes = {"exec": st.text_area(t("report.page.exec_note"), key=K + "note.exec", height=110)}
with st.expander(t("report.page.notes"), expanded=False):
    for s in sections:
        notes[s] = st.text_area(t("report.page.note_for", section=t(f"report.section.{s}")), key=K + "note." + s, height=80)

can_save = getattr(ctx, "role", "owner") in ("editor", "owner")  # a viewer reads, never writes (ui/access.py)
with st.popover(t("report.page.preset.save"), icon=":material/bookmark_add:", disabled=not can_save):
    name = st.text_input(t("report.page.preset.name"), key=K + "preset_name", max_chars=60)
    if st.button(t("report.page.preset.save"), key=K + "preset_save", disabled=not (can_save and name.strip())):
        presets[name.strip()] = {"lang": lang, "compare": compare, "paper": paper, "sections": list(sections),
                                 "notes": {k: v for k, v in notes.items() if v and v.strip()}}
        data.save_config("report_presets", presets, ctx=ctx)
        st.success(t("report.page.preset.saved", name=safe.md(name.strip())))

st.divider()
chromium = find_chromium()
if st.button(t("report.page.build"), type="primary", key=K + "build", icon=":material/description:"):
    st.session_state[K + "built"] = True
if st.session_state.get(K + "built"):
    with st.spinner(t("report.page.building")):
        html = rui.build_cached(ctx, lang, sections, notes, prev)
    d1, d2 = st.columns(2)
    d1.download_button(t("report.page.download_html"), html.encode("utf-8"), file_name=rui.file_name(ctx, "html"),
                       mime="text/html", key=K + "dl_html", icon=":material/download:")
    if chromium:
        try:
            with st.spinner(t("report.page.building")):
                pdf = rui.pdf_cached(rui.build_cached(ctx, lang, sections, notes, prev, paper=paper))
            d2.download_button(t("report.page.download_pdf"), pdf, file_name=rui.file_name(ctx, "pdf"),
                               mime="application/pdf", key=K + "dl_pdf", icon=":material/picture_as_pdf:")
        except PdfError as e:
            d2.warning(t("report.page.pdf_failed", error=str(e)))
    else:
        d2.button(t("report.page.download_pdf"), disabled=True, key=K + "dl_pdf_off", icon=":material/picture_as_pdf:")
        d2.caption(t("report.page.no_chromium"))
elif not chromium:
    st.caption(t("report.page.no_chromium"))
