"""Small shared widgets that know about the view (language, presentation mode)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ui import context, safe
from ui.i18n import has, t


def table(df: pd.DataFrame, ctx=None, static: bool = False, **kwargs: Any) -> None:
    """``st.dataframe`` (or ``st.table`` with ``static=True``, for a few rows of text) —
    renders NOTHING in presentation mode (no raw tables on a shared screen). ``st.table`` reads
    its cells as markdown, so text cells go through :func:`ui.safe.table` first; the grid shows
    plain text (its own CSV export is off, see :mod:`ui.safe`)."""
    ctx = ctx or context.get()
    if ctx.present:
        return
    if static:
        st.table(safe.table(df.set_index(df.columns[0]) if len(df.columns) > 1 else df), **kwargs)
        return
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(df, **kwargs)


def debug(label: str, obj: Any, ctx=None) -> None:
    """Technical detail in a closed expander; hidden in presentation mode."""
    ctx = ctx or context.get()
    if ctx.present:
        return
    with st.expander(label):
        st.write(obj)


def platform_name(platform: str | None) -> str:
    key = f"platform.{platform}"
    return t(key) if platform and has(key) else (platform or "—")


def table_name(table: str) -> str:
    key = f"table.{table}"
    return t(key) if has(key) else table


def estimate_note(text_key: str, **fmt: Any) -> None:
    """A caption marking a figure as an estimate (the brief requires saying so on screen)."""
    st.caption(f":material/info: {t('common.estimate').capitalize()} — {t(text_key, **fmt)}")


def setup_hint(key: str, kind: str = "info", ctx=None, **params: Any) -> bool:
    """A prompt meant for whoever sets the workspace up ("import your costs on the Import
    page", "name your competitors in Settings"): shown normally, and not at all in
    presentation mode, where the client sees only what exists. Returns whether it was shown."""
    if ctx is None:
        from ui import context

        ctx = context.get()
    if ctx.present:
        return False
    from ui.i18n import t

    getattr(st, kind)(t(key, **params))
    return True
