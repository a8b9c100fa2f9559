"""Social listening exports -> ``mentions`` (and dashboard series -> ``sentiment_daily``).

* **Meltwater** (UTF-16LE + TAB as downloaded; also UTF-8 or comma re-saves; or .xlsx): both
  documented layouts (``Date, Headline, URL, Opening Text, Hit Sentence, Source, Influencer, ...``
  and the later ``Document ID, URL, ..., Source Type, Source Name, Author Name, Title, ...``).
  ``Date`` like ``13-Aug-2025 09:07AM`` (a separate ``Time`` completes a date without time);
  ids written with literal quotes (``"1955..."``) are unquoted; ``mention_id`` =
  ``meltwater:<Document ID | Tweet Id | sha of the URL>``.
* **Brandwatch** (6 metadata rows above the header ``Query Id, Query Name, Date, Title,
  Snippet, Full Text, Url, ...``): the header is searched, not counted.
* **Talkwalker** (English dotted API keys: ``published``, ``url``, ``title``, ``content``,
  ``sentiment`` in {-5..5}, ``reach``, ``engagement``, ``lang``, ``source_type``,
  ``extra_author_attributes.name``); dates ``DD/MM/YY HH:MM:SS`` (day first).
* **Plain mentions CSV** (any tool, or hand-made): at least a date and a text column
  (``date,text``; French ``date,texte|message|contenu``); optional url, author/auteur,
  source/plateforme, sentiment (label or score in [-1, 1]), lang/langue, brand/marque,
  topic/sujet/thème, reach/portée, engagements/interactions, id.
  ``mention_id`` = ``csv:<id>`` or ``csv:<sha of the url, else of text + date>``.
* **Sentiment per day** (a listening dashboard's chart export): ``Date``, a volume
  (``Mentions``/``Volume``/``Nombre de mentions``) and positive/neutral/negative shares
  (``Positive (%)``, ``Positif %``, values ``45 %`` or fractions) -> ``sentiment_daily`` with
  counts = round(share x volume) and ``derived = True``; plain counts are stored as they are
  (``derived = False``).

Export sentiment labels keep ``sentiment_origin = 'export'`` and a score +1 / 0 / -1
(Talkwalker: value / 5). Times without offset are taken in the workspace time zone.
Sprout Social and Mention.com: no reliable public description of their mention export
columns was found, so no dedicated layout; their CSVs import through the plain layout when
they have a date and a text column, else through the generic column mapping.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from connectors.errors import ImportFailure
from connectors.formats import columnar
from connectors.formats.base import CHUNK_ROWS, Format, ParseContext, column_index, data_records, head_records
from connectors.readers import (
    DateStyle,
    Document,
    Kind,
    Record,
    clean_id,
    header_key,
    infer_date_style,
    is_missing,
    numbers,
    parse_datetime,
)

CHUNK = 50_000


def sha(text: str, n: int = 32) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


# ----------------------------------------------------------------------------- tables from text or workbooks


@dataclass
class Table:
    """A header found in a text file or a workbook sheet, and a way to stream the rows below it."""

    doc: Document
    header: list[str]
    line: int  # physical line (text) or sheet row (workbook) of the header
    sheet: str | None = None
    rows: list[list[Any]] | None = None

    @property
    def fname(self) -> str:
        return self.doc.file_name if self.sheet is None else f"{self.doc.file_name}[{self.sheet}]"

    def chunks(self, stop_at_blank: bool = False) -> Iterator[list[Record] | columnar.ColumnChunk]:
        if self.sheet is None:
            fast = None if stop_at_blank else columnar.chunks(self.doc, self.line, len(self.header), CHUNK_ROWS)
            if fast is not None:  # the same rows and lines, column by column
                yield from fast
                return
            yield from data_records(self.doc, self.line, header=self.header, stop_at_blank=stop_at_blank)
            return
        out: list[Record] = []
        for n, r in enumerate((self.rows or [])[self.line :], start=self.line + 1):
            cells = [_cell(c) for c in r]
            if not any(isinstance(c, str) and c.strip() or not isinstance(c, str) for c in cells):
                if stop_at_blank and out:
                    break
                continue
            out.append(Record(n, cells))
            if len(out) >= CHUNK:
                yield out
                out = []
        if out:
            yield out


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    return v


def find_table(doc: Document, accept: Any, scan: int = 20) -> Table | None:
    """First row (text: first records; workbook: first rows of each sheet) whose header keys satisfy ``accept``."""
    if doc.kind == Kind.TEXT:
        for rec in head_records(doc, scan):
            if rec.cells and accept([header_key(c) for c in rec.cells]):
                return Table(doc, [c.strip() for c in rec.cells], rec.line)
        return None
    try:
        sheets = doc.sheets
    except ImportFailure:
        return None
    for title, rows in sheets.items():
        for i, r in enumerate(rows[:scan]):
            keys = [header_key(c) for c in r]
            if any(keys) and accept(keys):
                return Table(doc, [("" if c is None else str(c)).strip() for c in r], i + 1, title, rows)
    return None


class Cols:
    """Column access by alias for one chunk of records (a list of records, or the same rows as
    Arrow columns: then numbers, dates, texts and sentiment are converted column-wise, and only
    the cells the fast conversions do not know go through the per-cell code)."""

    def __init__(self, table: Table, chunk: list[Record] | columnar.ColumnChunk, index: dict[str, int]) -> None:
        self.t, self.chunk, self.index = table, chunk, index
        self.columnar = isinstance(chunk, columnar.ColumnChunk)
        self.lines = chunk.lines.tolist() if isinstance(chunk, columnar.ColumnChunk) else [r.line for r in chunk]
        self._check_duplicates()

    def _dup_error(self, i: int, line: int) -> ImportFailure:
        return ImportFailure(
            self.t.fname, "duplicate column name", line, self.t.header[i], "each column name once",
            f"two columns named {self.t.header[i]!r} with different values", code="duplicate_column",
        )

    def _check_duplicates(self) -> None:
        """A used header that appears twice must hold the same values in both columns."""
        keys = [header_key(h) for h in self.t.header]
        for i in set(self.index.values()):
            for j in (j for j, k in enumerate(keys) if k == keys[i] and j != i):
                if isinstance(self.chunk, columnar.ColumnChunk):
                    diff = pc.not_equal(self.chunk.cols[i], self.chunk.cols[j]).to_numpy(zero_copy_only=False)
                    if diff.any():
                        raise self._dup_error(i, int(self.chunk.lines[int(np.argmax(diff))]))
                    continue
                for r in self.chunk:
                    a = r.cells[i] if i < len(r.cells) else ""
                    b = r.cells[j] if j < len(r.cells) else ""
                    if a != b:
                        raise self._dup_error(i, r.line)

    def sources(self, targets: dict[str, str] | None = None) -> dict[str, str]:
        """canonical column -> the file's header that fed it (validation messages name the file's header)."""
        targets = {"date": "published_at", **(targets or {})}
        return {targets.get(k, k): self.t.header[i] for k, i in self.index.items()}

    def has(self, name: str) -> bool:
        return name in self.index

    def _arrow(self, name: str) -> pa.Array | None:
        i = self.index.get(name)
        if i is None or not isinstance(self.chunk, columnar.ColumnChunk):
            return None
        return self.chunk.cols[i]

    def raw(self, name: str) -> list[Any]:
        i = self.index.get(name)
        if i is None:
            return [None] * len(self.chunk)
        if isinstance(self.chunk, columnar.ColumnChunk):
            return self.chunk.cols[i].to_pylist()
        return [r.cells[i] if i < len(r.cells) else "" for r in self.chunk]

    def text(self, name: str) -> list[str | None]:
        if name not in self.index:
            return [None] * len(self.chunk)
        arr = self._arrow(name)
        if arr is not None:
            return columnar.texts(arr)
        return [None if is_missing(v) or (isinstance(v, str) and not v.strip()) else str(v).strip() for v in self.raw(name)]

    def text_column(self, name: str) -> pd.api.extensions.ExtensionArray | list[str | None]:
        """:meth:`text` as a frame column: for a column-wise chunk, Arrow strings (pandas'
        ``string`` dtype, null for missing) without a Python string per cell."""
        arr = self._arrow(name)
        if arr is None:
            return self.text(name)
        return pd.arrays.ArrowStringArray(columnar.texts_arrow(arr))

    def num_column(self, name: str, integer: bool = True) -> np.ndarray | list[float | None]:
        """:meth:`num` as a frame column: for a column-wise chunk, float64 with NaN for missing
        (what a frame makes of :meth:`num`'s list)."""
        if self.columnar and name not in self.index:
            return np.full(len(self.chunk), np.nan)
        arr = self._arrow(name)
        if arr is None:
            return self.num(name, integer)
        return self._num_fast(name, arr, integer)

    def _num_fast(self, name: str, arr: pa.Array, integer: bool) -> np.ndarray:
        vals, done = columnar.number_fast(arr)
        if not done.all():  # the other cells (and their column's decimal mark) as per cell
            rest = ~done
            col = self.t.header[self.index[name]]
            slow = numbers(arr.filter(pa.array(rest)).to_pylist(), self.t.fname, col, np.asarray(self.lines)[rest].tolist(), integer=integer)
            vals[rest] = [np.nan if v is None else v for v in slow]
        return vals

    def num(self, name: str, integer: bool = True) -> list[float | None]:
        if name not in self.index:
            return [None] * len(self.chunk)
        col = self.t.header[self.index[name]]
        arr = self._arrow(name)
        if arr is not None:
            return pa.array(self._num_fast(name, arr, integer), from_pandas=True).to_pylist()
        vals = [round(v) if integer and isinstance(v, float) and math.isfinite(v) else v for v in self.raw(name)]
        return numbers(vals, self.t.fname, col, self.lines, integer=integer)

    def _when_cell(self, v: Any, t: str | None, ln: int, style: DateStyle, tz: str, col: str) -> pd.Timestamp:
        if isinstance(v, str):
            v = v.strip()
            if t and ":" not in v:
                v = f"{v} {t}"
        try:
            ts = parse_datetime(v, style)
        except ValueError:
            raise ImportFailure(self.t.fname, "not a date", ln, col, "a date and time", str(v), code="date") from None
        if ts is None:
            raise ImportFailure(self.t.fname, "date missing", ln, col, "the mention's date", "nothing", code="date")
        return ts.tz_convert("UTC") if ts.tzinfo is not None else ts.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward").tz_convert("UTC")

    def when(self, name: str, tz: str, style: DateStyle | None = None, time_col: str | None = None) -> list[pd.Timestamp | None] | pd.Series:
        col = self.t.header[self.index[name]]
        arr = self._arrow(name)
        if arr is not None and not (time_col and time_col in self.index):
            # ISO cells column-wise; the others as per cell (the column's day/month order from its numeric dates)
            style = style or infer_date_style(arr.filter(pc.match_substring_regex(arr, columnar.NUMERIC_DATE_HINT)).to_pylist())
            out, done = columnar.iso_datetimes(arr, tz)
            if not done.all():
                pos = np.flatnonzero(~done)
                seen: dict[str, pd.Timestamp] = {}
                res = []
                for i, v in zip(pos.tolist(), arr.filter(pa.array(~done)).to_pylist(), strict=True):
                    ts = seen.get(v)
                    if ts is None:
                        ts = seen[v] = self._when_cell(v, None, self.lines[i], style, tz, col)
                    res.append(ts)
                try:
                    out[pos] = pd.Series(res, dtype="datetime64[ns, UTC]").dt.tz_convert(None).to_numpy(dtype="datetime64[ns]")
                except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):  # beyond nanosecond range: as per cell
                    return [self._when_cell(v, None, ln, style, tz, col) for v, ln in zip(self.raw(name), self.lines, strict=True)]
            return pd.Series(out).dt.tz_localize("UTC")
        out: list[pd.Timestamp | None] = []
        times = self.text(time_col) if time_col and time_col in self.index else [None] * len(self.chunk)
        raw = self.raw(name)
        style = style or infer_date_style(raw)
        for v, t, ln in zip(raw, times, self.lines, strict=False):
            out.append(self._when_cell(v, t, ln, style, tz, col))
        return out


# ----------------------------------------------------------------------------- sentiment

_POS = {"positive", "positif", "positivo", "positiv", "pos", "favorable"}
_NEG = {"negative", "negatif", "negativo", "negativ", "neg", "defavorable"}
_NEU = {"neutral", "neutre", "neutro", "neu", "mixed", "mitige", "mixte"}


def sentiment(values: Sequence[Any], fname: str, column: str, lines: Sequence[int], scale: float = 1.0) -> tuple[list[str | None], list[float | None]]:
    """Labels (EN/FR/ES/DE words) or numeric scores in [-scale, scale] -> (label, score in [-1, 1])."""
    labels: list[str | None] = []
    scores: list[float | None] = []
    for v, ln in zip(values, lines, strict=False):
        if is_missing(v) or (isinstance(v, str) and header_key(v) in ("", "not rated", "non evalue", "unknown", "inconnu")):
            labels.append(None)
            scores.append(None)
            continue
        k = header_key(v) if isinstance(v, str) else None
        if k in _POS:
            labels.append("positive")
            scores.append(1.0)
            continue
        if k in _NEG:
            labels.append("negative")
            scores.append(-1.0)
            continue
        if k in _NEU:
            labels.append("neutral")
            scores.append(0.0)
            continue
        try:
            x = float(str(v).strip().replace(",", ".")) if not isinstance(v, (int, float)) else float(v)
        except ValueError:
            raise ImportFailure(fname, "unknown sentiment", int(ln), column, "positive|neutral|negative or a score", str(v), code="sentiment") from None
        if abs(x) > scale + 1e-9:
            raise ImportFailure(fname, "sentiment out of range", int(ln), column, f"a score between -{scale:g} and {scale:g}", str(v), code="sentiment")
        s = x / scale
        scores.append(s)
        labels.append("positive" if s > 0 else "negative" if s < 0 else "neutral")
    return labels, scores


def _frame(c: Cols, fmt: str, targets: dict[str, str] | None = None) -> pd.DataFrame:
    out = pd.DataFrame({"_line": c.chunk.lines if c.columnar else c.lines})
    out["source_format"] = fmt
    out.attrs["source_columns"] = c.sources(targets)
    return out


def _set_sentiment(out: pd.DataFrame, c: Cols, col: str = "sentiment", scale: float = 1.0) -> None:
    if not c.has(col):
        return
    arr = c._arrow(col)
    if arr is not None:  # once per distinct value, in order of first appearance (the first bad one is the first bad row's)
        d = arr.dictionary_encode()
        codes = d.indices.to_numpy(zero_copy_only=False)
        _, first = np.unique(codes, return_index=True)
        lab, sco = sentiment(d.dictionary.to_pylist(), c.t.fname, c.t.header[c.index[col]], np.asarray(c.lines)[first].tolist(), scale)
        out["sentiment_label"] = pd.arrays.ArrowStringArray(pa.array(lab, type=pa.string()).take(d.indices))
        out["sentiment_score"] = np.asarray([np.nan if x is None else x for x in sco], dtype="float64")[codes]
        out["sentiment_origin"] = pd.arrays.ArrowStringArray(pa.array(["export" if x else None for x in lab], type=pa.string()).take(d.indices))
        return
    labels, scores = sentiment(c.raw(col), c.t.fname, c.t.header[c.index[col]], c.lines, scale)
    out["sentiment_label"] = labels
    out["sentiment_score"] = scores
    out["sentiment_origin"] = ["export" if lab else None for lab in labels]


def _quoted_id(v: Any, c: Cols, col: str, line: int) -> str | None:
    if is_missing(v) or (isinstance(v, str) and not v.strip().strip('"').strip()):
        return None
    return clean_id(str(v).strip().strip('"').strip(), c.t.fname, c.t.header[c.index[col]], line)


# ----------------------------------------------------------------------------- formats


class _Listening(Format):
    tables = ("mentions",)
    confidence = 0.9

    def accept(self, keys: list[str]) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def sniff(self, doc: Document) -> float:
        return self.confidence if find_table(doc, self.accept) is not None else 0.0

    def table(self, doc: Document) -> Table:
        t = find_table(doc, self.accept)
        if t is None:
            raise ImportFailure(doc.file_name, "header not found", 1, None, self.label, "another layout", code="unknown_layout")
        return t


MELTWATER = {
    "date": ["Date"], "time": ["Time"], "title": ["Headline", "Title"], "url": ["URL"], "opening": ["Opening Text"],
    "hit": ["Hit Sentence"], "source": ["Source", "Source Type", "Source Name"], "author": ["Influencer", "Author Name", "Author Handle"],
    "lang": ["Language"], "reach": ["Reach", "Global Reach"], "engagements": ["Engagement"], "sentiment": ["Sentiment"],
    "doc_id": ["Document ID"], "tweet_id": ["Tweet Id"], "followers": ["Twitter Followers"], "brand": ["Input Name"], "topic": ["Keywords"],
}


class Meltwater(_Listening):
    name = "meltwater"
    label = "Meltwater – mentions export"

    def accept(self, keys: list[str]) -> bool:
        ks = set(keys)
        old = {"date", "headline", "url", "opening text", "hit sentence", "influencer"} <= ks
        new = {"document id", "url", "hit sentence", "opening text"} <= ks and bool({"author name", "source type", "input name"} & ks)
        return old or new

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        t = self.table(doc)
        idx = column_index(t.header, MELTWATER)
        if "date" not in idx:
            raise ImportFailure(t.fname, "no Date column", t.line, "Date", "a Date column", "none", code="unknown_layout")
        for chunk in t.chunks():
            c = Cols(t, chunk, idx)
            out = _frame(c, self.name, {"followers": "author_followers", "doc_id": "mention_id", "hit": "text"})
            out["published_at"] = c.when("date", ctx.timezone, time_col="time")
            urls = c.text("url")
            hit, opening, title = c.text("hit"), c.text("opening"), c.text("title")
            out["text"] = [h or o or ti for h, o, ti in zip(hit, opening, title, strict=False)]
            ids = []
            # a cell beyond a short row reads "" (missing, like None before)
            doc_ids, tweet_ids = c.raw("doc_id"), c.raw("tweet_id")
            for ln, u, txt, ts, dv, tv in zip(c.lines, urls, out["text"], out["published_at"], doc_ids, tweet_ids, strict=False):
                did = _quoted_id(dv, c, "doc_id", ln) if "doc_id" in idx else None
                tid = _quoted_id(tv, c, "tweet_id", ln) if "tweet_id" in idx else None
                ids.append("meltwater:" + (did or tid or sha(u or f"{txt}|{ts.isoformat()}")))
            out["mention_id"] = ids
            out["url"] = urls
            out["author"] = c.text("author")
            out["source"] = c.text("source")
            out["lang"] = c.text("lang")
            out["reach"] = c.num("reach")
            out["engagements"] = c.num("engagements")
            out["author_followers"] = c.num("followers")
            out["brand"] = c.text("brand")
            _set_sentiment(out, c)
            yield "mentions", out


BRANDWATCH = {
    "date": ["Date"], "title": ["Title"], "snippet": ["Snippet"], "full": ["Full Text"], "url": ["Url"], "domain": ["Domain"],
    "sentiment": ["Sentiment"], "page_type": ["Page Type"], "lang": ["Language"], "author": ["Author", "Full Name"],
    "brand": ["Query Name"], "id": ["Resource Id", "Mention Id", "Content Id"], "followers": ["X Followers", "Twitter Followers"],
    "reach": ["Reach (new)", "Reach", "Impressions"], "likes": ["Likes"], "comments": ["Comments"], "shares": ["Shares"],
    "topic": ["Category Details"],
}


class Brandwatch(_Listening):
    name = "brandwatch"
    label = "Brandwatch – mentions export"

    def accept(self, keys: list[str]) -> bool:
        ks = set(keys)
        return {"query id", "query name", "date", "url"} <= ks and bool({"snippet", "full text", "title"} & ks)

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        t = self.table(doc)
        idx = column_index(t.header, BRANDWATCH)
        for chunk in t.chunks():
            c = Cols(t, chunk, idx)
            out = _frame(c, self.name)
            out["published_at"] = c.when("date", ctx.timezone)
            urls = c.text("url")
            out["text"] = [f or s or ti for f, s, ti in zip(c.text("full"), c.text("snippet"), c.text("title"), strict=False)]
            rid = [_quoted_id(v, c, "id", ln) if "id" in idx else None for v, ln in zip(c.raw("id"), c.lines, strict=False)]
            out["mention_id"] = [
                "brandwatch:" + (i or sha(u or f"{txt}|{ts.isoformat()}")) for i, u, txt, ts in zip(rid, urls, out["text"], out["published_at"], strict=False)
            ]
            out["url"] = urls
            out["author"] = c.text("author")
            out["source"] = [p or d for p, d in zip(c.text("page_type"), c.text("domain"), strict=False)]
            out["lang"] = c.text("lang")
            out["reach"] = c.num("reach")
            out["author_followers"] = c.num("followers")
            parts = [c.num(k) for k in ("likes", "comments", "shares") if c.has(k)]
            if parts:
                out["engagements"] = [None if all(p is None for p in ps) else sum(p or 0 for p in ps) for ps in zip(*parts, strict=False)]
            out["brand"] = c.text("brand")
            out["topic"] = c.text("topic")
            _set_sentiment(out, c)
            yield "mentions", out


TALKWALKER = {
    "date": ["published"], "url": ["url"], "title": ["title"], "content": ["content"], "sentiment": ["sentiment"], "reach": ["reach"],
    "engagements": ["engagement"], "lang": ["lang"], "source_type": ["source_type"], "source_name": ["extra_source_attributes.name"],
    "author": ["extra_author_attributes.name"], "followers": ["extra_author_attributes.followers_count", "article_extended_attributes.twitter_followers"],
}


class Talkwalker(_Listening):
    name = "talkwalker"
    label = "Talkwalker – mentions export"

    def accept(self, keys: list[str]) -> bool:
        ks = set(keys)
        return {"published", "url", "content", "sentiment"} <= ks and bool({"source type", "indexed", "extra author attributes name", "extra source attributes name"} & ks)

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        t = self.table(doc)
        idx = column_index(t.header, TALKWALKER)
        for chunk in t.chunks():
            c = Cols(t, chunk, idx)
            out = _frame(c, self.name)
            out["published_at"] = c.when("date", ctx.timezone, style=DateStyle("dmy"))
            urls = c.text("url")
            out["text"] = [ct or ti for ct, ti in zip(c.text("content"), c.text("title"), strict=False)]
            out["mention_id"] = ["talkwalker:" + sha(u or f"{txt}|{ts.isoformat()}") for u, txt, ts in zip(urls, out["text"], out["published_at"], strict=False)]
            out["url"] = urls
            out["author"] = c.text("author")
            out["source"] = [(st.split(",")[-1].strip() if st else None) or sn for st, sn in zip(c.text("source_type"), c.text("source_name"), strict=False)]
            out["lang"] = c.text("lang")
            out["reach"] = c.num("reach")
            out["engagements"] = c.num("engagements")
            out["author_followers"] = c.num("followers")
            _set_sentiment(out, c, scale=5.0)
            yield "mentions", out


PLAIN = {
    "date": ["date", "datetime", "published", "published_at", "published at", "created_at", "date de publication", "publié le", "date et heure", "fecha", "datum"],
    "text": ["text", "texte", "message", "contenu", "mention", "mention text", "texte de la mention", "texto"],
    "url": ["url", "link", "lien", "permalink", "permalien", "enlace"],
    "author": ["author", "auteur", "autor", "user", "utilisateur", "username"],
    "source": ["source", "plateforme", "platform", "réseau", "network", "canal", "channel", "media", "média"],
    "sentiment": ["sentiment", "tonalité", "tonalite", "polarité", "sentimiento"],
    "lang": ["lang", "langue", "language", "idioma"],
    "brand": ["brand", "marque", "marca"],
    "topic": ["topic", "sujet", "thème", "theme", "tema"],
    "reach": ["reach", "portée", "audience", "alcance"],
    "engagements": ["engagements", "engagement", "interactions"],
    "followers": ["followers", "abonnés", "author followers"],
    "id": ["id", "mention id", "mention_id", "identifiant"],
}
_PLAIN_DATE = {header_key(n) for n in PLAIN["date"]}
_PLAIN_TEXT = {header_key(n) for n in PLAIN["text"]}


class PlainMentions(_Listening):
    name = "mentions_csv"
    label = "Mentions – plain CSV (date, text, ...)"
    confidence = 0.55

    def accept(self, keys: list[str]) -> bool:
        ks = set(keys)
        return bool(ks & _PLAIN_DATE) and bool(ks & _PLAIN_TEXT) and not (ks & {"positive", "positif", "positive (%)", "positif (%)"})

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        return super().sniff(doc)

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        t = self.table(doc)
        idx = column_index(t.header, PLAIN)
        for chunk in t.chunks():
            c = Cols(t, chunk, idx)
            out = _frame(c, self.name)
            out["published_at"] = c.when("date", ctx.timezone)
            if c.columnar:
                self._columns(c, t, idx, out)
            else:
                texts = c.text("text")
                for txt, ln in zip(texts, c.lines, strict=False):
                    if not txt:
                        raise ImportFailure(t.fname, "mention text missing", ln, t.header[idx["text"]], "the mention's text", "nothing", code="missing")
                out["text"] = texts
                urls = c.text("url")
                ids = c.text("id")
                pub, h = out["published_at"], hashlib.sha256
                out["mention_id"] = np.array([
                    "csv:" + (i if i else h(u.encode("utf-8")).hexdigest()[:32] if u else sha(f"{texts[k]}|{pub.iloc[k].isoformat()}"))
                    for k, (i, u) in enumerate(zip(ids, urls, strict=False))
                ], dtype=object)
                out["url"] = urls
                for k in ("author", "source", "lang", "brand", "topic"):
                    out[k] = c.text(k)
            out["reach"] = c.num_column("reach")
            out["engagements"] = c.num_column("engagements")
            out["author_followers"] = c.num_column("followers")
            _set_sentiment(out, c)
            yield "mentions", out


    @staticmethod
    def _columns(c: Cols, t: Table, idx: dict[str, int], out: pd.DataFrame) -> None:
        """The text columns and ``mention_id`` of a column-wise chunk, in Arrow: the same values as
        the per-row code (``csv:<id>``, else ``csv:`` + the URL's sha256, else of text + date)."""
        n = len(out)
        texts = columnar.texts_arrow(c._arrow("text"))
        if texts.null_count:
            ln = c.lines[int(np.argmax(texts.is_null().to_numpy(zero_copy_only=False)))]
            raise ImportFailure(t.fname, "mention text missing", ln, t.header[idx["text"]], "the mention's text", "nothing", code="missing")
        urls = columnar.texts_arrow(c._arrow("url")) if c.has("url") else pa.nulls(n, pa.string())
        ids = columnar.texts_arrow(c._arrow("id")) if c.has("id") else pa.nulls(n, pa.string())
        mid = pc.binary_join_element_wise("csv:", ids, "")  # null where there is no id
        by_url = pc.and_(ids.is_null(), urls.is_valid())
        if pc.any(by_url).as_py():
            mid = pc.replace_with_mask(mid, by_url, columnar.sha_hex(urls.filter(by_url), 32, "csv:"))
        rest = mid.is_null()
        if pc.any(rest).as_py():  # neither id nor URL: the text and the date
            pub = out["published_at"]
            pos = np.flatnonzero(rest.to_numpy(zero_copy_only=False))
            tx = texts.take(pa.array(pos)).to_pylist()
            mid = pc.replace_with_mask(mid, rest, pa.array(["csv:" + sha(f"{x}|{pub.iloc[k].isoformat()}") for x, k in zip(tx, pos.tolist(), strict=True)], pa.string()))
        out["text"] = pd.arrays.ArrowStringArray(texts)
        out["mention_id"] = pd.arrays.ArrowStringArray(mid)
        out["url"] = pd.arrays.ArrowStringArray(urls)
        for k in ("author", "source", "lang", "brand", "topic"):
            out[k] = c.text_column(k) if c.has(k) else pd.arrays.ArrowStringArray(pa.nulls(n, pa.string()))


DAILY = {
    "date": ["Date", "Day", "Jour", "Fecha", "Datum"],
    "volume": ["Mentions", "Volume", "Mention volume", "Total mentions", "Nombre de mentions", "Volume de mentions", "Menciones", "Total"],
    "positive": ["Positive (%)", "Positive %", "% Positive", "Positive", "Positif (%)", "Positif %", "% Positif", "Positif", "Positivo (%)", "Positivo"],
    "neutral": ["Neutral (%)", "Neutral %", "% Neutral", "Neutral", "Neutre (%)", "Neutre %", "% Neutre", "Neutre", "Neutro (%)", "Neutro"],
    "negative": ["Negative (%)", "Negative %", "% Negative", "Negative", "Négatif (%)", "Négatif %", "% Négatif", "Négatif", "Negativo (%)", "Negativo"],
    "brand": ["Brand", "Marque", "Marca"],
    "topic": ["Topic", "Sujet", "Thème", "Theme"],
    "source": ["Source", "Plateforme", "Platform"],
}


class SentimentDaily(_Listening):
    name = "listening_sentiment_daily"
    label = "Listening dashboard – sentiment per day"
    tables = ("sentiment_daily",)
    confidence = 0.8

    def accept(self, keys: list[str]) -> bool:
        idx = column_index(keys, DAILY)
        return bool(keys) and idx.get("date") == 0 and {"positive", "negative"} <= set(idx) and not (set(keys) & _PLAIN_TEXT)

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        t = self.table(doc)
        idx = column_index(t.header, DAILY)
        for chunk in t.chunks(stop_at_blank=True):
            c = Cols(t, chunk, idx)
            out = _frame(c, self.name, {"date": "date", "volume": "mentions"})
            days = c.when("date", "UTC")
            out["date"] = [d.date() for d in days]
            vol = c.num("volume") if c.has("volume") else [None] * len(chunk)
            shares: dict[str, list[float | None]] = {}
            pct = False
            for k in ("positive", "neutral", "negative"):
                if not c.has(k):
                    continue
                head = t.header[idx[k]]
                raw = c.raw(k)
                is_pct = "%" in head or any(isinstance(v, str) and v.strip().endswith("%") for v in raw)
                vals = numbers(raw, t.fname, head, c.lines)
                if is_pct:
                    vals = [None if v is None else v / 100.0 for v in vals]
                elif all(v is None or v <= 1.0 for v in vals):
                    is_pct = True  # fractions
                pct = pct or is_pct
                shares[k] = vals
            if pct:
                for k, vals in shares.items():
                    out[k] = [None if (s is None or v is None) else int(round(s * v)) for s, v in zip(vals, vol, strict=False)]
                out["derived"] = True
                pos, neg = shares.get("positive"), shares.get("negative")
                out["net_sentiment"] = [None if p is None or n is None else p - n for p, n in zip(pos or [], neg or [], strict=False)]
            else:
                for k, vals in shares.items():
                    out[k] = vals
                out["derived"] = False
                tot = [sum(x or 0 for x in xs) for xs in zip(*shares.values(), strict=False)]
                out["net_sentiment"] = [
                    None if not tt else ((p or 0) - (n or 0)) / tt
                    for p, n, tt in zip(shares.get("positive", []), shares.get("negative", []), tot, strict=False)
                ]
            out["mentions"] = vol if any(v is not None for v in vol) or pct else [
                None if all(x is None for x in xs) else sum(x or 0 for x in xs) for xs in zip(*shares.values(), strict=False)
            ]
            for k in ("brand", "topic", "source"):
                out[k] = c.text(k)
            yield "sentiment_daily", out


FORMATS = [Meltwater(), Brandwatch(), Talkwalker(), PlainMentions(), SentimentDaily()]
