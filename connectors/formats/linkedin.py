"""LinkedIn exports (Excel workbooks: .xlsx, or SpreadsheetML .xls).

Company page ("<vanity>_<content|followers|visitors>_<epoch ms>.xls"):

* **content** — sheet ``Metrics`` (older: ``Update metrics (aggregated)``) daily ->
  ``audience`` (impressions/clicks/reactions/comments total, reposts or shares total ->
  shares, unique impressions (organic) -> reach); sheet ``All posts`` (older: ``Update
  engagement``) -> ``posts`` (post id = the number of ``urn:li:activity:<id>`` in the link,
  else the link itself; likes -> reactions, reposts/shares -> shares, views/video views -> views).
* **followers** — sheet ``New followers`` (``Total followers`` there is the day's new
  followers, sponsored + organic) -> ``audience.new_followers``; dimension sheets
  (``Location``, ``Job function``, ``Seniority``, ``Industry``, ``Company size``) ->
  ``audience_breakdown`` (metric ``followers``).
* **visitors** — sheet ``Visitor metrics``: ``Total page views (total)`` ->
  ``audience.profile_views``; dimension sheets -> ``audience_breakdown`` (metric ``page_views``).

Personal / creator export: ``ENGAGEMENT`` (Date, Impressions, Engagements) and ``FOLLOWERS``
(preamble ``Total followers on M/D/YYYY:`` + value, then Date, New followers) -> one
``audience`` row per day; ``DEMOGRAPHICS`` (Top Demographics, Value, Percentage) ->
``audience_breakdown`` (unit share; ``< 1%`` is unknown -> null); ``TOP POSTS`` (two side
by side tables Post URL / Post publish date / Engagements | Impressions) -> ``posts``.

Downloads carry a title row above the header (public parsers skip one row): the header is
searched in the first rows of each sheet. Workbook numbers that are not whole (spreadsheet
formulas shown with format ``0``) are rounded for counts. Header-only workbooks import as
zero rows. Account: ``--account``, else the vanity name (or creator name) in the file name,
else ``"default"``. ``posts.as_of``: the export instant in the file name (epoch ms), else the
end of the range the file covers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, column_index
from connectors.readers import Document, Kind, dates, header_key, is_missing, numbers

PLATFORM = "linkedin"
DEFAULT_ACCOUNT = "default"
TOTAL_LABELS = {"total", "totals", "grand total", "totaux"}


def _k(*names: str) -> set[str]:
    return {header_key(n) for n in names}


CONTENT_METRICS_SHEETS = _k("Metrics", "Update metrics (aggregated)", "Content metrics")
CONTENT_POSTS_SHEETS = _k("All posts", "Update engagement", "All updates")
FOLLOWERS_SHEET = _k("New followers")
VISITORS_SHEET = _k("Visitor metrics")
DIM_SHEETS = {
    header_key("Location"): "location", header_key("Job function"): "job_function", header_key("Seniority"): "seniority",
    header_key("Industry"): "industry", header_key("Company size"): "company_size",
}
CREATOR_DIMS = {
    "job titles": "job_title", "locations": "location", "industries": "industry", "seniority": "seniority",
    "company size": "company_size", "companies": "company", "job title": "job_title", "location": "location", "industry": "industry",
}

METRICS_COLS = {
    "date": ["Date"],
    "impressions": ["Impressions (total)", "Impressions (organic)"],
    "reach": ["Unique impressions (organic)"],
    "clicks": ["Clicks (total)", "Clicks (organic)"],
    "reactions": ["Reactions (total)", "Reactions (organic)"],
    "comments": ["Comments (total)", "Comments (organic)"],
    "shares": ["Reposts (total)", "Shares (total)", "Reposts (organic)", "Shares (organic)"],
}
POSTS_COLS = {
    "text": ["Post title", "Update title"],
    "url": ["Post link", "Update link"],
    "post_type": ["Content Type", "Post type", "Update type"],
    "published_at": ["Created date", "Post publish date"],
    "impressions": ["Impressions"],
    "views": ["Views", "Video views"],
    "clicks": ["Clicks"],
    "reactions": ["Likes", "Reactions"],
    "comments": ["Comments"],
    "shares": ["Reposts", "Shares"],
    "follows": ["Follows"],
}
FOLLOWERS_COLS = {"date": ["Date"], "new_followers": ["Total followers"]}
VISITORS_COLS = {"date": ["Date"], "profile_views": ["Total page views (total)"]}


# ----------------------------------------------------------------------------- workbook helpers


def _sheet(doc: Document, names: set[str]) -> tuple[str, list[list[Any]]] | None:
    for title, rows in doc.sheets.items():
        if header_key(title) in names:
            return title, rows
    return None


def _blank(row: Sequence[Any]) -> bool:
    return all(is_missing(c) or (isinstance(c, str) and not c.strip()) for c in row)


def _find_header(rows: list[list[Any]], first: str, also: Sequence[str] = (), scan: int = 6) -> int | None:
    want = header_key(first)
    extra = [header_key(a) for a in also]
    for i, r in enumerate(rows[:scan]):
        keys = [header_key(c) for c in r]
        if keys and want in keys and all(e in keys for e in extra):
            return i
    return None


class _Table:
    """Data rows of a sheet below its header: cells by column, with 1-based sheet row numbers."""

    def __init__(self, doc: Document, sheet: str, rows: list[list[Any]], hi: int, first_col: int = 0, width: int | None = None) -> None:
        self.fname = f"{doc.file_name}[{sheet}]"
        head = rows[hi][first_col : first_col + width] if width else rows[hi]
        self.header = [("" if c is None else str(c)) for c in head]
        self.rows: list[list[Any]] = []
        self.lines: list[int] = []
        for n, r in enumerate(rows[hi + 1 :], start=hi + 2):
            part = list(r[first_col : first_col + width] if width else r)
            if not part or _blank(part):
                continue
            if isinstance(part[0], str) and header_key(part[0]) in TOTAL_LABELS:
                continue
            self.rows.append(part)
            self.lines.append(n)

    def col(self, i: int) -> list[Any]:
        return [r[i] if i < len(r) else None for r in self.rows]

    def name(self, i: int) -> str:
        return self.header[i].strip() if i < len(self.header) else f"column {i + 1}"

    def counts(self, i: int, col: list[Any] | None = None) -> list[float | None]:
        vals = self.col(i) if col is None else col
        vals = [round(v) if isinstance(v, float) and math.isfinite(v) else v for v in vals]
        return numbers(vals, self.fname, self.name(i), self.lines, integer=True)

    def days(self, i: int) -> list[Any]:
        return dates(self.col(i), self.fname, self.name(i), self.lines)


def _file_hint(file_name: str) -> tuple[str | None, pd.Timestamp | None]:
    """(vanity name, export instant) from ``<vanity>_<content|followers|visitors>_<epoch ms>``."""
    base = re.split(r"[\\/]", file_name)[-1]
    m = re.search(r"([A-Za-z0-9-]+)_(?:content|followers|visitors|updates)_(\d{13})(?!\d)", base)
    if not m:
        return None, None
    return m.group(1), pd.Timestamp(int(m.group(2)), unit="ms", tz="UTC").floor("s")


def _creator_hint(file_name: str) -> tuple[str | None, dt.date | None]:
    base = re.split(r"[\\/]", file_name)[-1]
    m = re.search(r"Content_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})_([^.]+)", base)
    if not m:
        return None, None
    try:
        return m.group(3), dt.date.fromisoformat(m.group(2))
    except ValueError:
        return m.group(3), None


def post_id_from_link(url: str) -> str:
    m = re.search(r"urn:li:(?:activity|share|ugcPost):(\d+)", url)
    return m.group(1) if m else url.strip()


def _dim_breakdowns(doc: Document, account: str, metric: str, period: dt.date | None, name: str) -> list[pd.DataFrame]:
    out = []
    for title, rows in doc.sheets.items():
        dim = DIM_SHEETS.get(header_key(title))
        if dim is None:
            continue
        hi = _find_header(rows, title)
        if hi is None:
            continue
        t = _Table(doc, title, rows, hi)
        if not t.rows:
            continue
        keys = [header_key(c) for c in t.header]
        vi = next((i for i, k in enumerate(keys) if k.startswith("total")), 1)
        di = keys.index("date") if "date" in keys else None
        start = t.days(di) if di is not None else [period] * len(t.rows)
        f = pd.DataFrame({"_line": t.lines, "dimension_value": [str(v).strip() for v in t.col(0)], "period_start": start, "period_end": start})
        f["value"] = t.counts(vi)
        f["platform"], f["account"], f["dimension"], f["metric"], f["unit"], f["source_format"] = PLATFORM, account, dim, metric, "count", name
        out.append(f)
    return out


# ----------------------------------------------------------------------------- formats


class _LinkedIn(Format):
    def _kind(self, doc: Document) -> str:
        if doc.kind not in Kind.WORKBOOKS:
            return ""
        try:
            names = {header_key(n) for n in doc.sheets}
        except ImportFailure:
            return ""
        if names & CONTENT_METRICS_SHEETS and names & CONTENT_POSTS_SHEETS:
            return "content"
        if names & FOLLOWERS_SHEET:
            s = _sheet(doc, FOLLOWERS_SHEET)
            if s and _find_header(s[1], "Date", ["Total followers"]) is not None:
                return "followers"
        if names & VISITORS_SHEET:
            return "visitors"
        if {"engagement", "followers"} <= names:
            return "creator"
        return ""

    kind = ""

    def sniff(self, doc: Document) -> float:
        return 0.9 if self._kind(doc) == self.kind else 0.0

    def account(self, doc: Document, ctx: ParseContext) -> str:
        return ctx.account or _file_hint(doc.file_name)[0] or DEFAULT_ACCOUNT


def _daily(doc: Document, sheet: tuple[str, list[list[Any]]] | None, aliases: dict[str, list[str]], account: str, name: str) -> pd.DataFrame | None:
    if sheet is None:
        return None
    title, rows = sheet
    hi = _find_header(rows, "Date")
    if hi is None:
        raise ImportFailure(doc.file_name, f"no header row in sheet {title!r}", 1, "Date", "a header row starting with Date", "none", code="unknown_layout")
    t = _Table(doc, title, rows, hi)
    if not t.rows:
        return None
    idx = column_index(t.header, aliases)
    f = pd.DataFrame({"_line": t.lines, "date": t.days(idx["date"])})
    for canon, i in idx.items():
        if canon != "date":
            f[canon] = t.counts(i)
    f["platform"], f["account"], f["source_format"] = PLATFORM, account, name
    f.attrs["source_columns"] = {canon: t.name(i) for canon, i in idx.items()}
    return f


class LinkedInContent(_LinkedIn):
    name = "linkedin_page_content"
    label = "LinkedIn page – content (metrics and posts)"
    tables = ("audience", "posts")
    kind = "content"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        account = self.account(doc, ctx)
        aud = _daily(doc, _sheet(doc, CONTENT_METRICS_SHEETS), METRICS_COLS, account, self.name)
        if aud is not None:
            yield "audience", aud
        as_of = _file_hint(doc.file_name)[1]
        if as_of is None and aud is not None and aud["date"].notna().any():
            as_of = pd.Timestamp(max(d for d in aud["date"] if d is not None), tz="UTC")
        s = _sheet(doc, CONTENT_POSTS_SHEETS)
        if s is None:
            return
        title, rows = s
        hi = next((i for i, r in enumerate(rows[:6]) if {"post link", "update link"} & {header_key(c) for c in r}), None)
        if hi is None:
            raise ImportFailure(doc.file_name, f"no header row in sheet {title!r}", 1, "Post link", "a header row with Post link", "none", code="unknown_layout")
        t = _Table(doc, title, rows, hi)
        if not t.rows:
            return
        idx = column_index(t.header, POSTS_COLS)
        urls = [("" if is_missing(u) else str(u).strip()) for u in t.col(idx["url"])]
        for u, ln in zip(urls, t.lines, strict=False):
            if not u:
                raise ImportFailure(t.fname, "post link missing", ln, t.name(idx["url"]), "the post's link", "nothing", code="id")
        f = pd.DataFrame({"_line": t.lines, "url": urls, "post_id": [post_id_from_link(u) for u in urls]})
        if "text" in idx:
            f["text"] = [None if is_missing(v) else str(v) for v in t.col(idx["text"])]
        if "post_type" in idx:
            f["post_type"] = [None if is_missing(v) else str(v).strip().lower() for v in t.col(idx["post_type"])]
        if "published_at" in idx:
            i = idx["published_at"]
            f["published_at"] = dates(t.col(i), t.fname, t.name(i), t.lines, with_time=True, tz=ctx.timezone)
        for canon in ("impressions", "views", "clicks", "reactions", "comments", "shares", "follows"):
            if canon in idx:
                f[canon] = t.counts(idx[canon])
        f["platform"], f["account"], f["as_of"], f["source_format"] = PLATFORM, account, as_of, self.name
        f.attrs["source_columns"] = {canon: t.name(i) for canon, i in idx.items()}
        yield "posts", f


class LinkedInFollowers(_LinkedIn):
    name = "linkedin_page_followers"
    label = "LinkedIn page – followers"
    tables = ("audience", "audience_breakdown")
    kind = "followers"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        account = self.account(doc, ctx)
        aud = _daily(doc, _sheet(doc, FOLLOWERS_SHEET), FOLLOWERS_COLS, account, self.name)
        if aud is not None:
            yield "audience", aud
        stamp = _file_hint(doc.file_name)[1]
        parts = _dim_breakdowns(doc, account, "followers", stamp.date() if stamp is not None else None, self.name)
        if parts:
            yield "audience_breakdown", pd.concat(parts, ignore_index=True)


class LinkedInVisitors(_LinkedIn):
    name = "linkedin_page_visitors"
    label = "LinkedIn page – visitors"
    tables = ("audience", "audience_breakdown")
    kind = "visitors"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        account = self.account(doc, ctx)
        aud = _daily(doc, _sheet(doc, VISITORS_SHEET), VISITORS_COLS, account, self.name)
        if aud is not None:
            yield "audience", aud
        stamp = _file_hint(doc.file_name)[1]
        parts = _dim_breakdowns(doc, account, "page_views", stamp.date() if stamp is not None else None, self.name)
        if parts:
            yield "audience_breakdown", pd.concat(parts, ignore_index=True)


class LinkedInCreator(_LinkedIn):
    name = "linkedin_creator"
    label = "LinkedIn – personal / creator analytics"
    tables = ("audience", "audience_breakdown", "posts")
    kind = "creator"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        hint_account, hint_end = _creator_hint(doc.file_name)
        account = ctx.account or hint_account or DEFAULT_ACCOUNT
        eng = _daily(doc, _sheet(doc, {"engagement"}), {"date": ["Date"], "impressions": ["Impressions"], "engagements": ["Engagements"]}, account, self.name)
        fol, total_day, total_line = self._followers(doc, account)
        frames = [f for f in (eng, fol) if f is not None]
        if frames:
            aud = frames[0]
            if len(frames) == 2:  # one row per day: ENGAGEMENT and FOLLOWERS share the key
                aud = pd.merge(eng, fol.drop(columns=["platform", "account", "source_format"]), on="date", how="outer", suffixes=("", "_f"))
                aud["_line"] = aud["_line"].fillna(aud["_line_f"]).astype("int64")
                aud = aud.drop(columns=["_line_f"])
                aud["platform"], aud["account"], aud["source_format"] = PLATFORM, account, self.name
            yield "audience", aud
        period = total_day or hint_end
        demo = self._demographics(doc, account, period)
        if demo is not None:
            yield "audience_breakdown", demo
        as_of = pd.Timestamp(hint_end or total_day, tz="UTC") if (hint_end or total_day) else None
        posts = self._top_posts(doc, account, as_of, ctx)
        if posts is not None:
            yield "posts", posts

    def _followers(self, doc: Document, account: str) -> tuple[pd.DataFrame | None, dt.date | None, int | None]:
        s = _sheet(doc, {"followers"})
        if s is None:
            return None, None, None
        title, rows = s
        total = total_day = total_line = None
        for n, r in enumerate(rows[:5], start=1):
            if r and isinstance(r[0], str):
                m = re.match(r"\s*total followers on (\d{1,2}/\d{1,2}/\d{4})", r[0], re.I)
                if m:
                    fname = f"{doc.file_name}[{title}]"
                    total_day = dates([m.group(1)], fname, r[0], [n])[0]
                    v = r[1] if len(r) > 1 else None
                    total = numbers([round(v) if isinstance(v, float) else v], fname, r[0].strip(), [n], integer=True)[0]
                    total_line = n
        fol = _daily(doc, s, {"date": ["Date"], "new_followers": ["New followers"]}, account, self.name)
        if total is not None and total_day is not None:
            if fol is None:
                fol = pd.DataFrame({"_line": [total_line], "date": [total_day], "new_followers": [None]})
                fol["platform"], fol["account"], fol["source_format"] = PLATFORM, account, self.name
            if (fol["date"] == total_day).any():
                fol["followers"] = [total if d == total_day else None for d in fol["date"]]
            else:
                extra = pd.DataFrame({"_line": [total_line], "date": [total_day], "followers": [total], "platform": [PLATFORM], "account": [account], "source_format": [self.name]})
                fol = pd.concat([fol, extra], ignore_index=True)
        return fol, total_day, total_line

    def _demographics(self, doc: Document, account: str, period: dt.date | None) -> pd.DataFrame | None:
        s = _sheet(doc, {"demographics"})
        if s is None:
            return None
        title, rows = s
        hi = _find_header(rows, "Top Demographics")
        if hi is None:
            return None
        t = _Table(doc, title, rows, hi)
        if not t.rows:
            return None
        pct = [None if (isinstance(v, str) and v.strip().startswith("<")) else v for v in t.col(2)]
        vals = numbers(pct, t.fname, t.name(2), t.lines, percent=True)
        dims = [CREATOR_DIMS.get(header_key(d), re.sub(r"[^a-z0-9]+", "_", header_key(d)).strip("_")) for d in t.col(0)]
        f = pd.DataFrame({"_line": t.lines, "dimension": dims, "dimension_value": [str(v).strip() for v in t.col(1)], "value": vals})
        f["period_start"], f["period_end"] = period, period
        f["platform"], f["account"], f["metric"], f["unit"], f["source_format"] = PLATFORM, account, "followers", "share", self.name
        return f

    def _top_posts(self, doc: Document, account: str, as_of: pd.Timestamp | None, ctx: ParseContext) -> pd.DataFrame | None:
        s = _sheet(doc, {"top posts"})
        if s is None:
            return None
        title, rows = s
        hi = _find_header(rows, "Post URL")
        if hi is None:
            return None
        keys = [header_key(c) for c in rows[hi]]
        starts = [i for i, k in enumerate(keys) if k == "post url"]
        merged: dict[str, dict[str, Any]] = {}
        for st in starts:
            t = _Table(doc, title, rows, hi, first_col=st, width=3)
            if not t.rows:
                continue
            metric = header_key(t.header[2]) if len(t.header) > 2 else ""
            canon = {"engagements": "engagements", "impressions": "impressions"}.get(metric)
            vals = t.counts(2) if canon else [None] * len(t.rows)
            when = dates(t.col(1), t.fname, t.name(1), t.lines, with_time=True, tz=ctx.timezone)
            for r, ln, v, w in zip(t.rows, t.lines, vals, when, strict=False):
                if is_missing(r[0]):
                    continue
                url = str(r[0]).strip()
                row = merged.setdefault(url, {"_line": ln, "url": url, "post_id": post_id_from_link(url), "published_at": w})
                if canon:
                    row[canon] = v
        if not merged:
            return None
        f = pd.DataFrame(list(merged.values()))
        f["platform"], f["account"], f["as_of"], f["source_format"] = PLATFORM, account, as_of, self.name
        return f


FORMATS = [LinkedInContent(), LinkedInFollowers(), LinkedInVisitors(), LinkedInCreator()]
