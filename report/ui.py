"""Streamlit side of the report: cached building and the "download this report" button.

:func:`download_button` is what presentation mode calls (one small function, no layout of its
own); the builder page (``pages/report.py``) uses :func:`build_cached` / :func:`pdf_cached`.
Caches are keyed on :func:`ui.results.version` (every table and config document the numbers
read), so a new import gives a new report.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import streamlit as st

from report import SECTIONS


def _version(ctx) -> tuple:
    from ui import results

    root = Path(ctx.root) / str(ctx.workspace) / "_config"

    def mtime(name: str) -> int:
        try:
            return (root / f"{name}.json").stat().st_mtime_ns
        except OSError:
            return 0

    return results.version(ctx) + tuple(mtime(n) for n in ("journal", "maturity", "alerts"))


@st.cache_data(ttl=15 * 60, max_entries=16, show_spinner=False)
def _build(root: str, ws: str, start: dt.date, end: dt.date, prev_start: dt.date, prev_end: dt.date, lang: str,
           sections: tuple[str, ...], notes: tuple[tuple[str, str], ...], paper: str | None, version_key: tuple,
           generated: dt.date) -> str:
    from report.build import render

    return render(Path(root), ws, start, end, lang, sections, dict(notes), prev_start, prev_end, paper, generated)


def build_cached(ctx, lang: str, sections=SECTIONS, notes=None, prev: tuple[dt.date, dt.date] | None = None,
                 paper: str | None = None) -> str:
    ps, pe = prev or (ctx.prev_start, ctx.prev_end)
    return _build(str(ctx.root), ctx.workspace, ctx.start, ctx.end, ps, pe, lang, tuple(sections),
                  tuple(sorted((k, v) for k, v in (notes or {}).items() if v and str(v).strip())), paper, _version(ctx),
                  ctx.today)


@st.cache_data(ttl=15 * 60, max_entries=8, show_spinner=False)
def pdf_cached(html: str) -> bytes:
    from report.pdf import html_to_pdf

    return html_to_pdf(html)


def file_name(ctx, ext: str) -> str:
    name = re.sub(r"[^\w-]+", "-", (ctx.display_name or ctx.workspace or "report"), flags=re.UNICODE).strip("-").lower()
    return f"{name or 'report'}-{ctx.start.isoformat()}-{ctx.end.isoformat()}.{ext}"


def download_button(ctx, key: str = "bsl.report.download") -> None:
    """"Download this report" (HTML, the sidebar period, every section, the view's language):
    prepared on the first click, then offered as a download."""
    from ui.i18n import t

    if not ctx.workspace:
        return
    ready = f"{key}.ready"
    if not st.session_state.get(ready):
        if st.button(t("report.page.download_this"), key=f"{key}.prepare", icon=":material/description:", type="tertiary"):
            st.session_state[ready] = True
            st.rerun()
        return
    with st.spinner(t("report.page.building")):
        html = build_cached(ctx, ctx.lang)
    st.download_button(t("report.page.download_this"), html.encode("utf-8"), file_name=file_name(ctx, "html"),
                       mime="text/html", key=key, icon=":material/download:", type="tertiary")
