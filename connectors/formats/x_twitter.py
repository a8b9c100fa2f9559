"""X / Twitter exports.

* ``x_tweet_activity`` - legacy analytics.twitter.com "Tweets" export (one row per tweet,
  40 columns, English or French UI; positional: the French header maps column by column
  onto the English one). Counts written as floats (``"89.0"``), promoted columns ``-``,
  ``time`` as ``YYYY-MM-DD HH:MM +0000``. An Excel re-save turns ``Tweet id`` into
  ``1.47689E+18``: the id is recovered from the permalink, else the import fails.
* ``x_tweet_activity_daily`` - the same site's "by day" export -> audience.
* ``x_account_content`` - new x.com "Account analytics" content export (17 columns; the
  UI language changes the headers, e.g. Japanese with a literal trailing backslash, so
  an unknown header is mapped by position when the values have the expected shapes).
* ``x_account_overview`` - new x.com account overview (one row per day) -> audience.

Mapping: likes -> reactions, replies -> comments, retweets/reposts -> shares,
url clicks -> clicks, bookmarks -> saves, follows -> follows (posts) / new_followers
(audience), unfollows -> lost_followers, profile visits -> profile_views.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, account_from_url, data_records, head_records, rows_to_frame
from connectors.formats.meta_business import as_of_from_name, count_column, require_account, text_column
from connectors.readers import Document, Kind, clean_id, dates, header_key, norm_header

PLATFORM = "x"

_STATUS_URL = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,30})/status(?:es)?/(\d+)")
_LEGACY_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?(?: ?[+-]\d{4}| ?UTC| ?Z)?$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_EN_DAY = re.compile(r"(?:[A-Za-z]{3},\s*)?[A-Za-z]{3,9}\.? \d{1,2}, \d{4}$")
_INT = re.compile(r"-?\d+(?:\.0+)?$")

# ----------------------------------------------------------------------------- legacy tweet activity

# positions in the 40-column tweet layout (English names; French UI has the same order)
_T_ID, _T_URL, _T_TEXT, _T_TIME = 0, 1, 2, 3
_TWEET_METRICS = {  # canonical -> position
    "impressions": 4,
    "engagements": 5,
    "shares": 7,  # retweets
    "comments": 8,  # replies
    "reactions": 9,  # likes (older exports: favorites)
    "clicks": 11,  # url clicks
    "follows": 17,
}
_TWEET_ID_NAMES = {"tweet id", "identifiant du tweet", "id del tweet", "tweet-id", "id do tweet", "id du tweet"}
_TWEET_URL_NAMES = {"tweet permalink", "permalien du tweet", "enlace permanente del tweet", "tweet-permalink", "link permanente do tweet"}
_TWEET_TIME_NAMES = {"time", "heure", "hora", "zeit", "horario"}

# positions in the 38-column daily layout
_D_DATE, _D_PUBLISHED = 0, 1
_DAILY_METRICS = {
    "impressions": 2,
    "engagements": 3,
    "shares": 5,
    "comments": 6,
    "reactions": 7,
    "profile_views": 8,  # user profile clicks
    "clicks": 9,  # url clicks
    "new_followers": 15,  # follows
}


def _keys(cells: list[str]) -> list[str]:
    return [header_key(c) for c in cells]


def _looks_tweet_row(cells: list[str]) -> bool:
    return len(cells) > _T_TIME and bool(_STATUS_URL.match(cells[_T_URL].strip())) and bool(_LEGACY_TIME.match(cells[_T_TIME].strip()))


def _posts_frame(
    raw: pd.DataFrame,
    lines: list[int],
    ids: list[str],
    urls: list[str],
    ctx: ParseContext,
    fname: str,
    header: list[str],
    time_col: int,
    tz: str | None,
    text_col: int,
    metrics: dict[str, int],
    as_of: pd.Timestamp | None,
    source_format: str,
) -> pd.DataFrame:
    """``posts`` rows of one chunk: ids, account (``--account``, else from the permalinks),
    publication instant, text, permalink and the ``metrics`` count columns."""
    out = pd.DataFrame({"_line": lines})
    out["post_id"] = ids
    out["platform"] = PLATFORM
    out["account"] = ctx.account or pd.Series([account_from_url(u) for u in urls])
    out["published_at"] = dates(raw[f"c{time_col}"].tolist(), fname, header[time_col], lines, with_time=True, tz=tz)
    out["text"] = text_column(raw, text_col)
    out["url"] = [u or None for u in urls]
    for canon, i in metrics.items():
        out[canon] = count_column(raw, i, header, fname)
    out["as_of"] = as_of
    out["source_format"] = source_format
    return out


class XTweetActivity(Format):
    name = "x_tweet_activity"
    label = "X / Twitter - tweet activity (legacy analytics, per tweet)"
    tables = ("posts",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = head_records(doc, 6)
        if not recs or len(recs[0].cells) < 22:
            return 0.0
        k = _keys(recs[0].cells)
        named = k[_T_ID] in _TWEET_ID_NAMES and k[_T_URL] in _TWEET_URL_NAMES and k[_T_TIME] in _TWEET_TIME_NAMES
        shaped = any(_looks_tweet_row(r.cells) for r in recs[1:])
        if named:
            return 0.97
        if shaped and k[4] in ("impressions", "impresiones", "impressoes", "impressionen"):
            return 0.9
        if shaped and len(recs[0].cells) == 40:
            return 0.75
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        as_of = as_of_from_name(fname)
        for chunk in data_records(doc, recs[0].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            lines = raw["_line"].tolist()
            urls = raw[f"c{_T_URL}"].fillna("").str.strip().tolist()
            ids = []
            for v, url, ln in zip(raw[f"c{_T_ID}"].tolist(), urls, lines, strict=True):
                m = _STATUS_URL.match(url)
                pid = clean_id(v, fname, header[_T_ID], ln, fallback_url=url if m else None)
                if pid is None and m:
                    pid = m.group(2)
                if pid is None:
                    raise ImportFailure(fname, "tweet without an id", ln, header[_T_ID], "a tweet id", "nothing", code="missing_id")
                if m and pid != m.group(2) and re.fullmatch(r"\d+", pid):
                    raise ImportFailure(fname, "tweet id and permalink disagree", ln, header[_T_ID], m.group(2), pid, code="id_mismatch")
                ids.append(pid)
            metrics = {canon: i for canon, i in _TWEET_METRICS.items() if i < len(header)}
            yield "posts", _posts_frame(raw, lines, ids, urls, ctx, fname, header, _T_TIME, "UTC", _T_TEXT, metrics, as_of, self.name)


class XTweetActivityDaily(Format):
    name = "x_tweet_activity_daily"
    label = "X / Twitter - activity by day (legacy analytics)"
    tables = ("audience",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = head_records(doc, 4)
        if not recs or len(recs[0].cells) < 20:
            return 0.0
        k = _keys(recs[0].cells)
        rows = [r.cells for r in recs[1:] if r.cells]
        shaped = bool(rows) and all(_ISO_DAY.match(c[0].strip()) and _INT.match(c[1].strip()) for c in rows if len(c) > 2)
        if k[0] in ("date", "fecha", "datum", "data") and "tweet" in k[1] and shaped:
            return 0.95
        if shaped and k[2] in ("impressions", "impresiones", "impressoes", "impressionen") and len(recs[0].cells) == 38:
            return 0.85
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        m = re.search(r"daily_tweet_activity_metrics_([A-Za-z0-9_]{1,30}?)_\d{8}_\d{8}", fname)
        account = require_account(doc, ctx, PLATFORM, m.group(1) if m else None)
        for chunk in data_records(doc, recs[0].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": lines})
            out["date"] = dates(raw[f"c{_D_DATE}"].tolist(), fname, header[_D_DATE], lines)
            out["platform"] = PLATFORM
            out["account"] = account
            out["posts_published"] = count_column(raw, _D_PUBLISHED, header, fname)
            for canon, i in _DAILY_METRICS.items():
                out[canon] = count_column(raw, i, header, fname)
            out["source_format"] = self.name
            yield "audience", out


# ----------------------------------------------------------------------------- new x.com account analytics

_CONTENT_EN = [
    "post id", "date", "post text", "post link", "impressions", "likes", "engagements", "bookmarks", "shares",
    "new follows", "replies", "reposts", "profile visits", "detail expands", "url clicks", "hashtag clicks", "permalink clicks",
]
_CONTENT_JA = [
    "ポストid", "日付", "ポスト本文", "ポストのリンク", "インプレッション数", "いいね", "エンゲージメント", "ブックマーク", "共有された回数",
    "新しいフォロー", "返信", "リポスト", "プロフィールへのアクセス数", "詳細のクリック数", "urlのクリック数", "ハッシュタグのクリック数", "パーマリンクのクリック数",
]
# French UI (names seen in parsers; order assumed to follow the English one)
_CONTENT_FR_HINTS = {"texte du post", "lien du post", "identifiant du post", "id du post"}
_CONTENT_METRICS = {"impressions": 4, "reactions": 5, "engagements": 6, "saves": 7, "follows": 9, "comments": 10, "shares": 11, "clicks": 14}

_OVERVIEW_EN = [
    "date", "impressions", "likes", "engagements", "bookmarks", "shares", "new follows", "unfollows", "replies", "reposts",
    "profile visits", "create post", "video views", "media views",
]
_OVERVIEW_METRICS = {
    "impressions": 1, "reactions": 2, "engagements": 3, "new_followers": 6, "lost_followers": 7, "comments": 8, "shares": 9,
    "profile_views": 10, "posts_published": 11,
}


def _content_row_ok(cells: list[str]) -> bool:
    if len(cells) != 17:
        return False
    ints = all(_INT.match(c.strip()) or not c.strip() for c in cells[4:])
    if not cells[0].strip():  # placeholder row with an 'undefined' link
        return ints and "status/" in cells[3]
    return bool(re.fullmatch(r"\d{5,25}", cells[0].strip())) and bool(_EN_DAY.match(cells[1].strip()) or _ISO_DAY.match(cells[1].strip())) and ints


def _overview_row_ok(cells: list[str]) -> bool:
    return len(cells) == 14 and bool(_EN_DAY.match(cells[0].strip()) or _ISO_DAY.match(cells[0].strip())) and all(_INT.match(c.strip()) for c in cells[1:])


class XAccountContent(Format):
    name = "x_account_content"
    label = "X - account analytics, posts (x.com)"
    tables = ("posts",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = head_records(doc, 8)
        if not recs or len(recs[0].cells) != 17:
            return 0.0
        n = [norm_header(c) for c in recs[0].cells]
        k = _keys(recs[0].cells)
        rows = [r.cells for r in recs[1:] if r.cells]
        shaped = bool(rows) and all(_content_row_ok(c) for c in rows)
        if k == _CONTENT_EN or n == _CONTENT_JA:
            return 0.97
        if shaped and (k[0] in ("post id",) or _CONTENT_FR_HINTS & set(k)):
            return 0.9
        if shaped:
            return 0.7  # another UI language: same 17 columns, same value shapes
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        as_of = as_of_from_name(fname)
        for chunk in data_records(doc, recs[0].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            links = raw["c3"].fillna("").str.strip()
            ids = raw["c0"].fillna("").str.strip()
            # placeholder rows: no id, link ending in 'undefined', all zeros
            keep = ~((ids == "") & ~links.str.contains(r"/status/\d+", regex=True))
            raw, links, ids = raw[keep].reset_index(drop=True), links[keep].reset_index(drop=True), ids[keep].reset_index(drop=True)
            if not len(raw):
                continue
            lines = raw["_line"].tolist()
            post_ids = []
            for v, url, ln in zip(ids.tolist(), links.tolist(), lines, strict=True):
                m = _STATUS_URL.match(url)
                pid = clean_id(v, fname, header[0], ln, fallback_url=url if m else None) or (m.group(2) if m else None)
                if pid is None:
                    raise ImportFailure(fname, "post without an id", ln, header[0], "a post id", "nothing", code="missing_id")
                post_ids.append(pid)
            yield "posts", _posts_frame(raw, lines, post_ids, links.tolist(), ctx, fname, header, 1, ctx.timezone, 2, _CONTENT_METRICS, as_of, self.name)


class XAccountOverview(Format):
    name = "x_account_overview"
    label = "X - account analytics, overview by day (x.com)"
    tables = ("audience",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = head_records(doc, 6)
        if not recs or len(recs[0].cells) != 14:
            return 0.0
        k = _keys(recs[0].cells)
        rows = [r.cells for r in recs[1:] if r.cells]
        shaped = bool(rows) and all(_overview_row_ok(c) for c in rows)
        if k == _OVERVIEW_EN:
            return 0.97
        if shaped and "unfollows" in k:
            return 0.9
        if shaped:
            return 0.65
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        account = require_account(doc, ctx, PLATFORM, None)
        for chunk in data_records(doc, recs[0].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": lines})
            out["date"] = dates(raw["c0"].tolist(), fname, header[0], lines)
            out["platform"] = PLATFORM
            out["account"] = account
            for canon, i in _OVERVIEW_METRICS.items():
                out[canon] = count_column(raw, i, header, fname)
            out["source_format"] = self.name
            yield "audience", out


FORMATS = [XTweetActivity(), XTweetActivityDaily(), XAccountContent(), XAccountOverview()]
