"""Page-wide CSS: presentation mode (no sidebar, larger type) and small polish."""

from __future__ import annotations

import streamlit as st

_BASE = """
<style>
/* tabular figures so columns of numbers line up */
[data-testid="stMetricValue"], [data-testid="stDataFrame"] { font-variant-numeric: tabular-nums; }
</style>
"""

_PRESENT = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapseButton"], [data-testid="collapsedControl"] { display: none !important; }
html { font-size: 20px; }
.stMainBlockContainer, .block-container { max-width: 1500px; padding-top: 3.5rem; }
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; }
[data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stException"] { display: none !important; }
</style>
"""


def inject(ctx) -> None:
    st.html(_BASE + (_PRESENT if ctx.present else ""))
