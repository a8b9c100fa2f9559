"""Page-wide CSS: presentation mode (no sidebar, larger type) and small polish."""

from __future__ import annotations

import streamlit as st

_BASE = """
<style>
/* tabular figures so columns of numbers line up */
[data-testid="stMetricValue"], [data-testid="stDataFrame"] { font-variant-numeric: tabular-nums; }
/* a metric's label wraps instead of ending in "…" ("Taux d'engagement (sur la …"): the
   labels of a row keep two lines' height so their values stay level */
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] { white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stMetricLabel"] p { white-space: normal; }
[data-testid="stMetricLabel"] { min-height: 2.6em; align-items: start; }
</style>
"""

_PRESENT = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapseButton"], [data-testid="collapsedControl"] { display: none !important; }
html { font-size: 20px; }
.stMainBlockContainer, .block-container { max-width: 1500px; padding-top: 4.5rem; }  /* clear of the top navigation bar */
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; }
/* st.metric renders its value, delta and label as markdown: the rule above would shrink the value
   to body size, so metric cards get their own sizes back, on every page */
[data-testid="stMetricValue"] p { font-size: inherit !important; line-height: 1.15; }
[data-testid="stMetricDelta"] p { font-size: 0.95rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1rem !important; }
/* on a narrow shared screen, two metrics side by side leave ~150 px per label */
@media (max-width: 1280px) { [data-testid="stMetricLabel"] p { font-size: 0.8rem !important; } }
[data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stException"] { display: none !important; }
</style>
"""


def _uploader_css(lang: str) -> str:
    """Streamlit's file uploader speaks English only: relabel it through CSS in other languages."""
    if lang == "en":
        return ""
    from ui.i18n import t

    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return f"""
<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p::after {{
  content: {q(t("shell.uploader.button", lang=lang))}; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {q(t("shell.uploader.instructions", lang=lang))}; font-size: 0.875rem; }}
</style>
"""


def inject(ctx) -> None:
    st.html(_BASE + _uploader_css(ctx.lang) + (_PRESENT if ctx.present else ""))
