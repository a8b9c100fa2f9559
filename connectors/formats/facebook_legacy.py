"""Legacy Facebook Page Insights "Export Data" (2014-2018).

* ``facebook_insights_posts`` - post level: CSV with two header rows (names, then long
  descriptions), or the workbook variants (.xlsx, SpreadsheetML ".xls") whose
  ``Key Metrics`` sheet uses raw API keys (``post_impressions_unique:lifetime``) and whose
  other sheets give per-action breakdowns (talking about this, consumptions).
* ``facebook_insights_videos`` - the "Video Posts" export: same layout, video metrics.
* ``facebook_insights_page`` - page level, one row per day, hundreds of columns (644 and
  2,681 seen): followers = ``Lifetime Total Likes``, new_followers = ``Daily New Likes``,
  lost_followers = ``Daily Unlikes``, reach, impressions, engagements (``Daily Page
  Engaged Users``). ``Lifetime Likes by Country/City - X`` of the last day go to
  audience_breakdown; the other breakdown columns are ignored.

The page name comes from the file name (``... - <Page> - <from> - <to>``), else the
permalinks, else ``--account``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, account_from_url, data_records, head_records, rows_to_frame
from connectors.formats.meta_business import _indexes, as_of_from_name, count_column, known_account, require_account, text_column
from connectors.readers import Document, Kind, Record, clean_id, dates, header_key

PLATFORM = "facebook"

_POST_COLS = {
    "reach": ["Lifetime Post Total Reach", "post_impressions_unique:lifetime"],
    "impressions": ["Lifetime Post Total Impressions", "post_impressions:lifetime"],
    "engagements": ["Lifetime Engaged Users", "post_engaged_users:lifetime"],
    "comments": ["Lifetime Talking About This (Post) by action type - comment"],
    "reactions": ["Lifetime Talking About This (Post) by action type - like"],
    "shares": ["Lifetime Talking About This (Post) by action type - share"],
    "clicks": ["Lifetime Post Consumptions by type - link clicks"],
    "views": ["Lifetime Total Video Views", "post_video_views:lifetime"],
}
_PAGE_COLS = {
    "followers": ["Lifetime Total Likes"],
    "new_followers": ["Daily New Likes"],
    "lost_followers": ["Daily Unlikes"],
    "reach": ["Daily Total Reach"],
    "impressions": ["Daily Total Impressions"],
    "engagements": ["Daily Page Engaged Users"],
}


def page_from_name(file_name: str) -> str | None:
    m = re.search(r"Facebook Insights Data Export(?: \([^)]*\))? - (.+?) - \d{4}-\d{2}-\d{2}", Path(str(file_name)).name)
    return m.group(1).strip() if m else None


def _post_account(ctx: ParseContext, file_name: str, urls: Sequence[str | None]) -> list[str | None]:
    if ctx.account:
        return [ctx.account] * len(urls)
    page = page_from_name(file_name)
    if page:
        return [page] * len(urls)
    fallback = known_account(ctx, PLATFORM)
    out = []
    for u in urls:
        a = account_from_url(u)
        out.append(a if a and a not in ("events", "notes", "pages") else fallback)
    return out


def _is_description_row(cells: Sequence[Any]) -> bool:
    first = str(cells[0] or "").strip() if cells else ""
    return not first and any(re.match(r"(Lifetime|Daily|Weekly|28 Days):", str(c or "")) for c in cells)


def _header_kind(cells: Sequence[Any]) -> str | None:
    keys = [header_key(c) for c in cells]
    if len(keys) > 8 and keys[:3] == ["post id", "permalink", "post message"] and "posted" in keys:
        if ("lifetime total video views" in keys or "lifetime unique video views" in keys) and "lifetime engaged users" not in keys:
            return "videos"
        return "posts"
    if keys and keys[0] == "date" and "lifetime total likes" in keys and "daily new likes" in keys:
        return "page"
    return None


# ----------------------------------------------------------------------------- posts / videos


def _posts_frame(fmt: str, raw: pd.DataFrame, header: Sequence[Any], doc: Document, ctx: ParseContext) -> pd.DataFrame:
    fname = doc.file_name
    raw = raw[raw["c0"].fillna("").astype(str).str.strip() != ""].reset_index(drop=True)
    lines = raw["_line"].tolist()
    out = pd.DataFrame({"_line": lines})
    urls = text_column(raw, 1)
    out["post_id"] = [clean_id(v, fname, str(header[0]), ln) for v, ln in zip(raw["c0"].tolist(), lines, strict=True)]
    out["platform"] = PLATFORM
    out["account"] = _post_account(ctx, fname, urls)
    posted = [i for i, k in enumerate(header) if header_key(k) == "posted"][0]
    out["published_at"] = dates(raw[f"c{posted}"].tolist(), fname, str(header[posted]), lines, with_time=True, tz=ctx.timezone)
    out["text"] = text_column(raw, 2)
    out["url"] = urls
    out["post_type"] = text_column(raw, 3)
    for canon, names in _POST_COLS.items():
        idx = _indexes(header, names)
        if idx:
            out[canon] = count_column(raw, idx[0], header, fname)
    out["as_of"] = as_of_from_name(fname)
    out["source_format"] = fmt
    return out


class _LegacyBase(Format):
    kind = ""

    def sniff(self, doc: Document) -> float:
        if doc.kind == Kind.TEXT:
            recs = head_records(doc, 2)
            return 0.95 if recs and _header_kind(recs[0].cells) == self.kind else 0.0
        if doc.kind in Kind.WORKBOOKS and self.kind == "posts":
            try:
                sheets = doc.sheets
            except ImportFailure:
                return 0.0
            km = sheets.get("Key Metrics")
            if km and km[0] and header_key(km[0][0]) == "post id" and any(str(c or "").endswith(":lifetime") for c in km[0]):
                return 0.95
        return 0.0


class FacebookInsightsPosts(_LegacyBase):
    name = "facebook_insights_posts"
    label = "Facebook Page Insights (legacy) - post level"
    tables = ("posts",)
    kind = "posts"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        if doc.kind != Kind.TEXT:
            yield "posts", self._workbook(doc, ctx)
            return
        recs = head_records(doc, 2)
        header = recs[0].cells
        for chunk in data_records(doc, recs[0].line, header=header):
            chunk = [r for r in chunk if not _is_description_row(r.cells)]
            if chunk:
                yield "posts", _posts_frame(self.name, rows_to_frame(chunk, len(header)), header, doc, ctx)

    def _workbook(self, doc: Document, ctx: ParseContext) -> pd.DataFrame:
        sheets = doc.sheets
        km = sheets["Key Metrics"]
        header = [str(c) if c is not None else "" for c in km[0]]
        recs = [Record(i + 1, ["" if c is None else c for c in row]) for i, row in enumerate(km) if i > 0 and row and not _is_description_row(row)]
        raw = rows_to_frame(recs, len(header))
        out = _posts_frame(self.name, raw, header, doc, ctx)
        keys = [header_key(h) for h in header]
        # video views: organic + paid (no total key in this layout)
        parts = [keys.index(k) for k in ("post video views organic lifetime", "post video views paid lifetime") if k in keys]
        if parts and "views" not in out:
            cols = [count_column(raw[raw["c0"].astype(str).str.strip() != ""].reset_index(drop=True), i, header, doc.file_name) for i in parts]
            out["views"] = [None if all(v is None for v in vs) else sum(v or 0 for v in vs) for vs in zip(*cols, strict=True)]
        # breakdown sheets: 'Description', 'Post ID', ..., then one column per action type
        for sheet, rows in sheets.items():
            s = header_key(sheet)
            if s.startswith("lifetime talking about this"):
                wanted = {"comment": "comments", "like": "reactions", "share": "shares"}
            elif s.startswith("lifetime post consumptions"):
                wanted = {"link clicks": "clicks"}
            else:
                continue
            if not rows:
                continue
            h = [header_key(c) for c in rows[0]]
            if "post id" not in h:
                continue
            pid = h.index("post id")
            for action, canon in wanted.items():
                if action not in h:
                    continue
                j = h.index(action)
                sub = [(i + 1, r) for i, r in enumerate(rows) if i > 0 and len(r) > max(pid, j) and r[pid] not in (None, "")]
                vals = count_column(
                    rows_to_frame([Record(ln, ["" if r[j] is None else r[j]]) for ln, r in sub], 1), 0, [f"{sheet}: {rows[0][j]}"], doc.file_name
                )
                m = {str(r[pid]).strip(): v for (_, r), v in zip(sub, vals, strict=True)}
                out[canon] = [m.get(p) for p in out["post_id"]]
        return out


class FacebookInsightsVideos(FacebookInsightsPosts):
    name = "facebook_insights_videos"
    label = "Facebook Page Insights (legacy) - video posts"
    kind = "videos"


# ----------------------------------------------------------------------------- page level


class FacebookInsightsPage(_LegacyBase):
    name = "facebook_insights_page"
    label = "Facebook Page Insights (legacy) - page level by day"
    tables = ("audience", "audience_breakdown")
    kind = "page"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        account = require_account(doc, ctx, PLATFORM, page_from_name(fname))
        cols = {k: _indexes(header, v)[0] for k, v in _PAGE_COLS.items() if _indexes(header, v)}
        geo = [(i, "country" if "by country" in header_key(h) else "city", h.split(" - ", 1)[1].strip())
               for i, h in enumerate(header) if re.match(r"Lifetime Likes by (Country|City) - ", h)]
        last: Record | None = None
        last_date = None
        for chunk in data_records(doc, recs[0].line, header=header):
            chunk = [r for r in chunk if r.cells and r.cells[0].strip() and not _is_description_row(r.cells)]
            if not chunk:
                continue
            raw = rows_to_frame(chunk, len(header))
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": lines})
            out["date"] = dates(raw["c0"].tolist(), fname, header[0], lines)
            out["platform"] = PLATFORM
            out["account"] = account
            for canon, i in cols.items():
                out[canon] = count_column(raw, i, header, fname)
            out["source_format"] = self.name
            last, last_date = chunk[-1], out["date"].iloc[-1]
            yield "audience", out
        if last is not None and geo:
            cells = last.cells + [""] * (len(header) - len(last.cells))
            rows = []
            for i, dim, value in geo:
                raw = rows_to_frame([Record(last.line, [cells[i]])], 1)
                v = count_column(raw, 0, [header[i]], fname)[0]
                if v is not None:
                    rows.append({"_line": last.line, "period_start": last_date, "period_end": last_date, "platform": PLATFORM, "account": account,
                                 "dimension": dim, "dimension_value": value, "metric": "followers", "value": v, "unit": "count"})
            if rows:
                b = pd.DataFrame(rows)
                b["source_format"] = self.name
                yield "audience_breakdown", b


FORMATS = [FacebookInsightsPosts(), FacebookInsightsVideos(), FacebookInsightsPage()]
