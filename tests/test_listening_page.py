"""The Listening page with hostile mention texts: nothing the mentions say becomes HTML, a link,
an image or formatting; presentation mode shows no relabel control and no author."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import store
from ui.i18n import t

WS = "hostile"
DAY = dt.date(2026, 2, 10)
AUTHOR = "zz_private_handle_42"
HOSTILE = [
    "<script>alert('xss')</script> the new park is great",
    "Click [here](javascript:alert(1)) for a prize",
    "![pixel](https://tracker.example/p.gif) lovely day",
    "<img src=x onerror=alert(1)> terrible service",
    "**bold** _shout_ :red[alarm] :material/warning: $x^2$ `code` www.evil.example https://evil.example/x me@evil.example",
    "<a href=\"javascript:alert(2)\">win</a> & &amp; &lt;b&gt;",
]


@pytest.fixture
def hostile_store(tmp_path, monkeypatch):
    """Two quiet mentions a day for 60 days, then a surge of hostile texts on DAY (so they also
    appear as alert examples and top terms)."""
    root = tmp_path / "store"
    quiet_days = pd.date_range(pd.Timestamp(DAY) - pd.Timedelta(days=60), periods=60, tz="UTC")
    quiet = pd.DataFrame({
        "mention_id": [f"q{i}" for i in range(120)],
        "published_at": [d + pd.Timedelta(hours=10 + i % 2) for d in quiet_days for i in range(2)],
        "text": "Nice walk in the park", "author": "someone", "source": "facebook", "brand": "Acme",
        "sentiment_label": "positive", "sentiment_origin": "export", "reach": 5,
    })
    n = len(HOSTILE)
    surge = pd.DataFrame({
        "mention_id": [f"h{i}" for i in range(n * 6)],
        "published_at": [pd.Timestamp(DAY, tz="UTC") + pd.Timedelta(hours=12, minutes=i) for i in range(n * 6)],
        "text": HOSTILE * 6,
        "author": AUTHOR,
        "source": "x",
        "brand": ["Acme", "Acme", "Rival", "Acme", "Acme", "Rival"] * 6,
        "topic": "<b>topic</b>",
        "url": ["javascript:alert(3)", "https://ok.example/1", None, "data:text/html,<script>", "https://ok.example/2", None] * 6,
        "sentiment_label": ["negative", None, "negative", "negative", "neutral", None] * 6,
        "sentiment_origin": ["export", None, "export", "export", "export", None] * 6,
        "reach": 10,
    })
    store.write_frames(root, WS, [("mentions", quiet), ("mentions", surge)], now=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    store.save_config(root, WS, "workspace", {"display_name": "Hostile", "timezone": "UTC", "own_brand": "Acme", "competitors": ["Rival"]})
    store.save_config(root, WS, "tracked_terms", [{"term": "<script>", "kind": "product"}, {"term": "park", "kind": "topic"}])
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    return root


def run(**query: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    for k, v in {"workspace": WS, "start": "2026-02-09", "end": "2026-02-15", **query}.items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/listening.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown_bodies(at: AppTest) -> list[str]:
    out = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and type(proto).__name__ == "Markdown":
            out.append(proto.body)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def html_bodies(at: AppTest) -> list[str]:
    out = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and type(proto).__name__ == "Html":
            out.append(proto.body)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


UNESCAPED = re.compile(r"(?<!\\)[<\[\]()!*_`$&]|(?<!\\):(?!material/\w+:)")


def assert_inert(bodies: list[str]) -> None:
    """Every markdown body that carries mention text has each special character escaped."""
    own = {t(k, lang=lg) for k in ("listening.review.caption",) for lg in ("en", "fr")}  # the app's own texts
    carrying = [b for b in bodies if b not in own and any(w in b for w in ("xss", "prize", "pixel", "onerror", "shout", "win"))]
    for b in carrying:
        for line in b.split("\n"):
            for lang in ("en", "fr"):
                label = t("listening.alert.terms", lang=lang)
                if line.startswith(label):  # top terms: code spans of letters, digits, "-", "'" only
                    spans = re.findall(r"`([^`]*)`", line[len(label):])
                    assert spans and all(re.fullmatch(r"[^\W_][\w' -]*", x.strip()) for x in spans), line  # ui.safe.code pads with one space
                    assert re.fullmatch(r"( `[^`]*`)+", line[len(label):]), line
                    line = ""
            core = re.sub(r"^> (— )?", "", line).rstrip()
            core = re.sub(r"\s{2}$", "", core)
            assert not UNESCAPED.search(core), f"live markdown in {line!r}"
        assert "javascript:" not in b.replace("\\", "") or "javascript\\:" in b
    for b in bodies:
        assert "<script" not in b.replace("\\<", "") and "](javascript" not in b


def test_inertness_check_catches_live_markdown():
    for live in ("> Click [here](javascript:alert(1)) for a prize", "> <script>alert('xss')</script>", "> **shout** win"):
        with pytest.raises(AssertionError):
            assert_inert([live])


def plotly_specs(at: AppTest) -> list[str]:
    out = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and type(proto).__name__ == "PlotlyChart":
            out.append(proto.spec)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def test_explorer_renders_hostile_text_as_plain_text(hostile_store):
    at = run(lang="en")
    bodies = markdown_bodies(at)
    assert any("xss" in b for b in bodies), "the surge's examples quote the mentions"
    assert_inert(bodies)
    specs = plotly_specs(at)
    assert specs and any("script" in s for s in specs), "the tracked term is on the map"
    for spec in specs:
        assert "<script" not in spec and "<img" not in spec and "<a " not in spec and "<b>topic" not in spec
    # the page's own HTML (page-wide CSS) never includes mention text
    for h in html_bodies(at):
        assert not any(w in h for w in ("xss", "prize", "onerror", "javascript"))
    # the explorer shows the raw text in table cells (plain text), links only for http(s) urls
    explorer = [el.value for el in at.dataframe if "Text" in el.value.columns]
    assert explorer, "the explorer table is shown"
    ex = explorer[0]
    assert set(HOSTILE) <= set(ex["Text"])
    links = {u for u in ex["Link"] if isinstance(u, str)}
    assert links == {"https://ok.example/1", "https://ok.example/2"}
    assert AUTHOR in set(ex["Author"])


def test_presentation_mode_explorer_is_inert_without_controls_or_authors(hostile_store):
    at = run(lang="fr", present="1")
    bodies = markdown_bodies(at)
    assert any("xss" in b for b in bodies), "the mentions are listed as text"
    assert_inert(bodies)
    rendered = " ".join(bodies)
    assert AUTHOR not in rendered
    assert not len(at.dataframe), "no table or editor on a shared screen"
    assert not [b for b in at.button if b.key and b.key.startswith("listening.")], "no relabel or settings control"


def test_relabel_from_the_explorer_is_manual_and_survives(hostile_store):
    from connectors import scoring

    assert scoring.relabel(hostile_store, WS, {"h1": "negative"}) == 1
    at = run(lang="en")
    ex = [el.value for el in at.dataframe if "Text" in el.value.columns][0]
    row = ex[(ex["Text"] == HOSTILE[1]) & (ex["Rated by"] == "by hand")]
    assert len(row) == 1 and row["Sentiment"].iloc[0] == "Negative"


def test_no_mention_text_is_cached(hostile_store, monkeypatch):
    """Mention texts are read uncached (ui.data.fetch) and only what is computed from them is
    cached: no cached read (ui.data.read / ui.data.shared) of the Listening page asks for texts
    (issue 16: the cache held every text of the period)."""
    from ui import data

    asked: list[tuple[str, tuple[str, ...]]] = []
    read, shared = data.read, data.shared

    def spy_read(table, columns, *args, **kw):
        asked.append((table, tuple(columns)))
        return read(table, columns, *args, **kw)

    def spy_shared(root, workspace, table, columns, *args, **kw):
        asked.append((table, tuple(columns)))
        return shared(root, workspace, table, columns, *args, **kw)

    monkeypatch.setattr(data, "read", spy_read)
    monkeypatch.setattr(data, "shared", spy_shared)
    at = run(lang="en")
    assert any(t_ == "mentions" for t_, _ in asked)  # the spies saw the page's reads
    assert not [c for t_, c in asked if t_ == "mentions" and {"text", "author", "url"} & set(c)]
    # the texts are still shown: alert examples and the review queue
    assert any("park is great" in b for b in markdown_bodies(at))
    assert any(x.value in HOSTILE for x in at.text)
