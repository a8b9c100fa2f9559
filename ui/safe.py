"""User text made inert — the one place that knows how each output reads markup.

Everything that came from a file, an API or a form (mention source, author and text, post text,
campaign and brand names, GA4 source/medium, goal and journal notes, workspace display name...)
goes through one of these before it reaches the screen or a download:

* :func:`md` — inline text inside ``st.markdown``/``st.caption``/``st.info``/labels: every ASCII
  punctuation character is backslash-escaped (CommonMark), so no link, image, raw HTML, emphasis,
  Streamlit directive (``:red[...]``, ``:blue-badge[...]``) or LaTeX; a word joiner around ``:``,
  ``.`` and ``@`` stops GFM autolinks (``www.x.com``, ``https://...``, ``a@b.com``), which
  escaping alone does not; newlines are folded to spaces (one line, no block markup).
* :func:`code` — a code span around any text: the fence is one backtick longer than the longest
  backtick run inside, with one space each side, so a backtick in the text cannot close it.
* :func:`table` — a copy of a frame for ``st.table`` (whose cells are markdown): every text cell,
  the column labels and the index through :func:`md`.
* :func:`plot` — labels, legend names, hover texts and ``customdata`` of Plotly figures: Plotly
  reads a few HTML tags in any text (``<a href>``, ``<b>``, ``<br>``, ``<span style>``) and decodes
  entities after it has split the tags, so ``&``, ``<``, ``>`` become ``&amp;``, ``&lt;``, ``&gt;``
  (shown as the characters, never parsed as tags).
* :func:`csv_cell` / :func:`csv_frame` / :func:`csv_bytes` — every CSV the app offers: a text cell
  starting with ``=``, ``+``, ``-``, ``@``, TAB or CR (or their full-width forms) gets a leading
  ``'`` so a spreadsheet shows it instead of running it; a text cell that is a plain number
  (``-12``, ``-3.5``, ``+4,2``) is left alone, and numeric columns are never touched.

The grids (``st.dataframe``/``st.data_editor``) show cells as plain text; their own CSV download
and clipboard copy are switched off (``client.disableDataExport``, see :data:`GRID_EXPORT_OPTION`),
and the pages offer :func:`csv_bytes` downloads instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

GRID_EXPORT_OPTION = "client.disableDataExport"

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"([:.@])")
WORD_JOINER = "\u2060"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}([ ,.\u00a0\u202f]\d{3})+)([.,]\d+)?([eE][+-]?\d+)?$")


def _text(s: object) -> str:
    if s is None:
        return ""
    try:
        if pd.isna(s):
            return ""
    except (TypeError, ValueError):
        pass
    return str(s)


def md(s: object, limit: int | None = None) -> str:
    """``s`` as inert one-line markdown (see the module docstring); ``limit`` cuts the text (not
    the escapes) to that many characters, the last one an ellipsis. ``None``/NaN give ``""``."""
    text = " ".join(_text(s).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return _PUNCT.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER + r"\1" + WORD_JOINER, text))


def code(s: object) -> str:
    """``s`` in an inline code span that nothing inside can close (one line)."""
    text = " ".join(_text(s).split())
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def table(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` for ``st.table``: text cells, column labels and index labels through :func:`md`."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_string_dtype(s) or s.dtype == object:
            out[c] = s.map(lambda v: md(v) if isinstance(v, str) else v).astype(object)
    out.columns = [md(c) if isinstance(c, str) else c for c in out.columns]
    if not isinstance(out.index, pd.MultiIndex) and (out.index.dtype == object or pd.api.types.is_string_dtype(out.index)):
        out.index = pd.Index([md(i) if isinstance(i, str) else i for i in out.index], name=out.index.name, dtype=object)
    if isinstance(out.index.name, str):
        out.index.name = md(out.index.name)
    return out


def plot(s: object) -> str:
    """``s`` for a Plotly text (label, legend, hover, customdata): ``& < >`` as entities."""
    return _text(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plots(values: Iterable[object]) -> list[str]:
    """:func:`plot` over a sequence (axis categories, ``text=``, ``customdata=``)."""
    return [plot(v) for v in values]


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading ``'``; a text that is a
    plain number (``-12``, ``+3.5``) and every non-text value are returned unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_PREFIXES):
        return value
    if _PLAIN_NUMBER.match(value):
        return value
    return "'" + value


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with :func:`csv_cell` applied to every text cell and column label."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_string_dtype(s) or s.dtype == object:
            out[c] = s.map(csv_cell, na_action="ignore")
    out.columns = [csv_cell(c) for c in out.columns]
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """RFC 4180 CSV (CRLF, so cells holding CR or LF are quoted), UTF-8 with BOM so spreadsheets
    read accents right, formulas neutralised (:func:`csv_frame`)."""
    return csv_frame(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
