"""Plotly helpers: theme, platform colours and locale for every chart.

``show(fig)`` is the one way pages put a figure on screen. It applies
* the locale: ``separators`` (``.,`` in English; decimal comma and narrow no-break space
  thousands in French), date tick/hover formats, and plotly's own locale (month and day
  names) passed in the chart's ``config`` - Streamlit's plotly bundle only registers
  ``en``, so the French dictionary is sent with the figure (:data:`PLOTLY_FR`);
* platform colours (``ui.colors``) to traces named after a platform;
* a compact layout (legend on top, small margins, transparent background so the
  Streamlit light/dark theme shows through).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui import colors, context, fmt

PLOTLY_FR = {
    "moduleType": "locale",
    "name": "fr",
    "dictionary": {
        "Autoscale": "Échelle automatique",
        "Download plot as a png": "Télécharger en PNG",
        "Reset axes": "Réinitialiser les axes",
        "Zoom in": "Zoom avant",
        "Zoom out": "Zoom arrière",
        "Zoom": "Zoom",
        "Pan": "Déplacer",
        "Box Select": "Sélection rectangulaire",
        "Lasso Select": "Sélection lasso",
        "Double-click to zoom back out": "Double-cliquez pour dézoomer",
        "Toggle Spike Lines": "Afficher les lignes de repère",
        "Show closest data on hover": "Donnée la plus proche au survol",
        "Compare data on hover": "Comparer au survol",
        "Reset view": "Réinitialiser la vue",
    },
    "format": {
        "days": fmt.DAYS["fr"][6:] + fmt.DAYS["fr"][:6],  # plotly starts on Sunday
        "shortDays": fmt.DAYS_SHORT["fr"][6:] + fmt.DAYS_SHORT["fr"][:6],
        "months": fmt.MONTHS["fr"],
        "shortMonths": fmt.MONTHS_SHORT["fr"],
        "date": "%d/%m/%Y",
        "decimal": ",",
        "thousands": fmt.NNBSP,
    },
}
SEPARATORS = {"en": ".,", "fr": "," + fmt.NNBSP}
DATE_TICK = {"en": "%b %-d", "fr": "%-d %b"}
DATE_TICK_YEAR = {"en": "%b %-d\n%Y", "fr": "%-d %b\n%Y"}
DATE_HOVER = {"en": "%a %b %-d, %Y", "fr": "%a %-d %b %Y"}


def plotly_config(lang: str) -> dict[str, Any]:
    cfg: dict[str, Any] = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"], "locale": lang}
    if lang == "fr":
        cfg["locales"] = {"fr": PLOTLY_FR}
    return cfg


def platform_colors(ctx=None) -> dict[str, str]:
    ctx = ctx or context.get()
    return colors.color_map(ctx.theme)


def style(
    fig: go.Figure, ctx=None, *, percent_y: bool = False, y_format: str | None = None, height: int | None = None
) -> go.Figure:
    """Apply locale, theme-neutral background and platform colours to ``fig`` (in place)."""
    ctx = ctx or context.get()
    lang = ctx.lang
    fig.update_layout(
        separators=SEPARATORS[lang],
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 8, "r": 8, "t": 48 if fig.layout.title.text else 16, "b": 8},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": {"text": ""}},
        hovermode="x unified" if _has_date_axis(fig) else "closest",
        font={"size": 16 if ctx.present else 13},
    )
    if height:
        fig.update_layout(height=height)
    if _has_date_axis(fig):
        fig.update_xaxes(tickformat=DATE_TICK[lang], hoverformat=DATE_HOVER[lang], tickformatstops=None)
    if percent_y:
        fig.update_yaxes(tickformat=".0%", hoverformat=".1%")
    elif y_format:
        fig.update_yaxes(tickformat=y_format, hoverformat=y_format)
    else:
        fig.update_yaxes(tickformat=",~r", hoverformat=",~r")
    cmap = colors.color_map(ctx.theme)
    from ui.widgets import platform_name

    for tr in fig.data:
        name = str(getattr(tr, "legendgroup", None) or getattr(tr, "name", "") or "").lower()
        if name in cmap:
            tr.legendgroup = name
            tr.name = platform_name(name)  # colour by id, legend in the user's language
            if hasattr(tr, "line") and tr.type in ("scatter", "scattergl"):
                tr.line.color = cmap[name]
                if hasattr(tr, "marker"):
                    tr.marker.color = cmap[name]
            elif hasattr(tr, "marker"):
                tr.marker.color = cmap[name]
    return fig


def _has_date_axis(fig: go.Figure) -> bool:
    for tr in fig.data:
        x = getattr(tr, "x", None)
        if x is not None and len(x):
            v = x[0]
            if hasattr(v, "year") or (isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-"):
                return True
    return fig.layout.xaxis.type == "date"


def show(fig: go.Figure, key: str | None = None, ctx=None, **style_kwargs: Any) -> None:
    """Style ``fig`` for the current view and render it full width."""
    ctx = ctx or context.get()
    style(fig, ctx, **style_kwargs)
    st.plotly_chart(fig, key=key, width="stretch", theme="streamlit", config=plotly_config(ctx.lang))
