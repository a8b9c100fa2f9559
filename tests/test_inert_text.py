"""Imported and typed text stays inert everywhere (ui/safe.py).

Every page is rendered (normal and presentation mode) over a demo store whose text fields hold a
hostile value: mention source/author/text, post text, GA4 source/campaign, lead source/campaign,
campaign names, goal owner and scope, journal notes, workspace name, competitor and peer names,
tracked terms. No markdown/HTML element, table cell or Plotly figure may carry a live image,
link, raw HTML tag, script, Streamlit directive or autolink coming from that value.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import store
from ui import datainfo, safe

TIMEOUT = 180
HOSTILE = (
    '=HYPERLINK("https://evil.test/x") <img src=https://evil.test/i.png> ![i](https://evil.test/p.png) '
    '[c](https://evil.test/l) <a href="https://evil.test/a">a</a> <script>alert(1)</script> :red[RED] '
    "`tick` www.evil.test <b>B</b> **bold** $x$"
)

# ----------------------------------------------------------------------------- the checker

_CODE_RUN = re.compile(r"`+")


def strip_code_spans(md: str) -> str:
    """``md`` without its CommonMark code spans (a run of n backticks, not backslash-escaped,
    up to the next run of exactly n backticks)."""
    out, i = [], 0
    while i < len(md):
        m = _CODE_RUN.search(md, i)
        if not m:
            out.append(md[i:])
            break
        backslashes = len(md[: m.start()]) - len(md[: m.start()].rstrip("\\"))
        if backslashes % 2:  # escaped: the first backtick is literal
            out.append(md[i : m.start() + 1])
            i = m.start() + 1
            continue
        n = len(m.group())
        close = next((c for c in _CODE_RUN.finditer(md, m.end()) if len(c.group()) == n), None)
        if close is None:  # no closing run: the backticks are literal
            out.append(md[i : m.end()])
            i = m.end()
            continue
        out.append(md[i : m.start()] + " ")
        i = close.end()
    return "".join(out)


LIVE = {
    "image": re.compile(r"(?<!\\)!\[[^\]]*\]\("),
    "link": re.compile(r"(?<!\\)\]\("),
    "html": re.compile(r"(?<!\\)<(a|img|script|b|iframe|svg)\b", re.I),
    "directive": re.compile(r"(?<!\\):red(?<!\\)\[RED"),
    "autolink": re.compile(r"(www\.evil|https?://evil)"),
    "emphasis": re.compile(r"(?<!\\)\*\*bold(?<!\\)\*\*"),
}


def live_markup(md: str) -> list[str]:
    """Names of the live constructs of the hostile value found in markdown source ``md``."""
    text = strip_code_spans(md)
    return [name for name, rx in LIVE.items() if rx.search(text)]


def test_checker_finds_live_markup_and_accepts_the_helpers():
    assert set(live_markup(HOSTILE)) == set(LIVE)
    assert live_markup(f"**{HOSTILE}**")  # campaign names used to be shown like this
    value = f"utm` {HOSTILE}"  # a GA4 source with a backtick, shown as f"`{value}`"
    assert live_markup(f"`{value}`"), "the backtick in the value breaks out of a naive code span"
    assert live_markup(safe.code(value)) == []
    assert live_markup(safe.md(HOSTILE)) == []
    assert live_markup(f"**{safe.md(HOSTILE)}** · {safe.code(HOSTILE)}") == []
    assert strip_code_spans("a `b` c ``d`e`` f \\`g` h") == "a   c   f \\`g` h"


# ----------------------------------------------------------------------------- helper units


def test_md_escapes_every_markup_character():
    assert safe.md("a*b_c[d](e)") == r"a\*b\_c\[d\]\(e\)"
    assert safe.md(":red[x]") == "\u2060\\:\u2060red\\[x\\]"
    assert safe.md("<img>") == r"\<img\>"
    assert safe.md("two\nlines\t here") == "two lines here"
    assert safe.md("www.x.com") == "www\u2060\\.\u2060x\u2060\\.\u2060com"
    assert safe.md(None) == "" and safe.md(float("nan")) == ""
    assert safe.md("abcdefghij", limit=5) == "abcd…"


def test_code_span_cannot_be_closed_from_inside():
    assert safe.code("plain") == "` plain `"
    assert safe.code("a`b") == "`` a`b ``"
    assert safe.code("x ``` y") == "```` x ``` y ````"
    assert strip_code_spans(safe.code("a`b <img>")) == " "


def test_table_cells_and_labels_are_escaped():
    df = pd.DataFrame({"[x](y)": ["![i](u)", None], "n": [1, 2]}, index=pd.Index(["*a*", "b"], name="<k>"))
    out = safe.table(df)
    assert list(out.columns) == [r"\[x\]\(y\)", "n"]
    assert out.iloc[0, 0] == r"\!\[i\]\(u\)" and pd.isna(out.iloc[1, 0])
    assert list(out.index) == [r"\*a\*", "b"] and out.index.name == r"\<k\>"
    assert out["n"].tolist() == [1, 2]
    assert df.iloc[0, 0] == "![i](u)", "the input is not modified"


def test_plot_text_escapes_tags_and_entities():
    assert safe.plot('<a href="x">A&B</a>') == '&lt;a href="x"&gt;A&amp;B&lt;/a&gt;'
    assert safe.plot("&lt;b&gt;") == "&amp;lt;b&amp;gt;", "an entity in the data stays text"
    assert safe.plots(["<b>", None]) == ["&lt;b&gt;", ""]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("+1+2", "'+1+2"),
        ("-2+3+cmd|x", "'-2+3+cmd|x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("-12", "-12"),  # a real negative number stays a number
        ("-3.5", "-3.5"),
        ("+4,2", "+4,2"),
        ("-1 234,5", "-1 234,5"),
        ("- not a number", "'- not a number"),
        ("fine = ok", "fine = ok"),
        (-7, -7),
        (None, None),
    ],
)
def test_csv_cell(cell, expected):
    assert safe.csv_cell(cell) == expected


def test_csv_bytes_round_trip():
    df = pd.DataFrame({"text": ['=HYPERLINK("x")', "@SUM(A1)", "-2", "fine", None], "n": [-1.5, 2, 3, 4, 5]})
    raw = safe.csv_bytes(df)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False, dtype={"text": str})
    assert back["text"].tolist() == ['\'=HYPERLINK("x")', "'@SUM(A1)", "-2", "fine", ""]
    assert back["n"].tolist() == [-1.5, 2, 3, 4, 5]
    assert datainfo.to_csv_bytes is safe.csv_bytes, "the Data page download uses the same helper"


# ----------------------------------------------------------------------------- every page


def _poison(frame: pd.DataFrame, columns: list[str], every: int = 3) -> pd.DataFrame:
    """Rows 0, every, 2*every... with HOSTILE (numbered, so keys stay distinct) in ``columns``."""
    part = frame.iloc[::every].copy()
    for c in columns:
        if c in part.columns:
            part[c] = [f"{HOSTILE} {i}" for i in range(len(part))]
    return part


@pytest.fixture(scope="module")
def hostile_root(demo_root, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(demo_root, root)
    ws = "demo"
    writes = {
        "mentions": ["source", "author", "text", "topic"],
        "posts": ["text"],
        "traffic": ["source", "campaign", "landing_page"],
        "leads": ["source", "campaign"],
        "costs": ["note"],
    }
    for table, cols in writes.items():
        df = store.read_table(root, ws, table)
        if len(df):
            store.write_frames(root, ws, [(table, _poison(df, cols))], fmt="test", file_name=f"{HOSTILE}.csv")
    cfg = lambda name, default: store.load_config(root, ws, name, default)  # noqa: E731
    wsd = cfg("workspace", {})
    wsd["display_name"] = HOSTILE
    wsd["competitors"] = [*wsd.get("competitors", []), HOSTILE]
    store.save_config(root, ws, "workspace", wsd)
    campaigns = cfg("campaigns", [])
    for i, c in enumerate(campaigns):
        c["name"] = f"{HOSTILE} {i}"
    store.save_config(root, ws, "campaigns", campaigns)
    goals = cfg("goals", [])
    for g in goals:
        g["owner"] = HOSTILE
        g.setdefault("scope", {})["campaign"] = g["scope"].get("campaign") and HOSTILE
    store.save_config(root, ws, "goals", goals)
    journal = cfg("journal", [])
    for a in journal:
        for k in ("change", "why", "hypothesis", "decision", "owner"):
            a[k] = HOSTILE
    store.save_config(root, ws, "journal", journal)
    maturity = cfg("maturity", {})
    maturity["peers"] = [*maturity.get("peers", []), {"name": HOSTILE, "kind": "competitor", "level": 3, "date": "2026-01-01"}]
    store.save_config(root, ws, "maturity", maturity)
    store.save_config(root, ws, "tracked_terms", [*cfg("tracked_terms", []), {"term": HOSTILE, "kind": "topic"}])
    return root


SKIP_TYPES = {"code", "text", "json", "exception"}


def findings(at: AppTest) -> list[str]:
    """Every live construct of the hostile value in the rendered page."""
    found: list[str] = []

    def check(where: str, s: str) -> None:
        for name in live_markup(s):
            found.append(f"{where}: {name}: {s[:120]!r}")

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if proto is not None and kind not in SKIP_TYPES:
            for f in ("body", "label", "help", "caption", "placeholder"):
                v = getattr(proto, f, None)
                if isinstance(v, str) and v:
                    check(f"{kind}.{f}", v)
        if kind == "plotly_chart":
            spec = proto.spec if proto is not None else ""
            for rx in (r"<(a|img|script|iframe|svg)\b", r"<b>B</b>"):
                if re.search(rx, spec, re.I):
                    found.append(f"plotly: {rx}")
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for tbl in at.table:
        df = tbl.value
        cells = [*map(str, df.columns), *map(str, df.index)]
        cells += [v for v in df.to_numpy().ravel() if isinstance(v, str)]
        for v in cells:
            check("table", v)
    return found


def test_hostile_store_is_really_hostile(hostile_root):
    """The fixture did put the value where the pages read it (so the page test means something)."""
    m = store.read_table(hostile_root, "demo", "mentions", ["source", "text"])
    assert m["source"].astype(str).str.startswith(HOSTILE).sum() > 10
    assert m["text"].astype(str).str.startswith(HOSTILE).sum() > 10
    t_ = store.read_table(hostile_root, "demo", "traffic", ["source"])
    assert t_["source"].astype(str).str.startswith(HOSTILE).any()
    assert json.loads((hostile_root / "demo" / "_config" / "campaigns.json").read_text())[0]["name"].startswith(HOSTILE)


PAGES = [p.file for p in app.available_pages()]


@pytest.mark.parametrize("present", ["0", "1"])
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_hostile_text_inert(hostile_root, monkeypatch, page, present):
    if present == "1" and page not in [p.file for p in app.available_pages(present=True)]:
        pytest.skip("not shown in presentation mode")
    monkeypatch.setenv("BOUSSOLE_STORE", str(hostile_root))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.query_params["present"] = present
    at.query_params["start"] = "2025-01-01"  # a long period: every campaign, goal and action is on screen
    at.query_params["end"] = dt.date.today().isoformat()
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    found = findings(at)
    assert not found, "\n".join(found)



def test_mentions_explorer_offers_a_neutralised_download(hostile_root, monkeypatch):
    """The grid's own CSV export is off; the explorer's download goes through safe.csv_bytes."""
    monkeypatch.setenv("BOUSSOLE_STORE", str(hostile_root))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/listening.py").run()
    assert not at.exception
    buttons = [b for b in at.get("download_button") if b.proto.id and "listening.ex.download" in b.proto.id]
    assert len(buttons) == 1
    rows = int(re.search(r"these ([\d,]+) rows", buttons[0].proto.label).group(1).replace(",", ""))
    assert rows > 0
