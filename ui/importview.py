"""What the Import page says about a file, in the user's language (no Streamlit here; unit-tested
in ``tests/test_import_page_i18n.py``).

* :func:`failure_text` — an :class:`~connectors.errors.ImportFailure` as a sentence from its
  ``code`` / ``reason`` / ``params`` plus where (line, column) and, when ``found`` is a cell of
  the file, that cell. The English descriptions meant for the CLI never reach the page.
* :func:`file_facts` — size in the locale's units, and the encoding only for text files.
* :func:`preview` — the first stored rows with user-facing column names, dates and numbers
  formatted for the locale, internal columns left out.
* :func:`guess_mapping` — for an unknown layout: the table whose fields the headers match best
  and, for each header, the field it most likely holds (EN/FR synonyms).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from ui import fmt, safe
from ui.i18n import has, t

HIDDEN_COLUMNS = ("source_format", "_line", "as_of", "derived", "sentiment_origin")
DATE_COLUMNS = ("date", "period_start", "period_end")
TIME_COLUMNS = ("published_at", "created_at", "replied_at", "imported_at")
INT_COLUMNS = (
    "followers", "new_followers", "lost_followers", "impressions", "reach", "views", "engagements", "profile_views",
    "reactions", "comments", "shares", "clicks", "posts_published", "saves", "follows", "subscribers_net", "author_followers",
    "mentions", "positive", "neutral", "negative", "sessions", "users", "new_users", "engaged_sessions", "event_count",
)


def _t(key: str, lang: str, **kw: Any) -> str:
    return t(key, lang=lang, **kw)


def field_name(column: str, lang: str) -> str:
    key = f"import.field.{column}"
    return _t(key, lang) if has(key) else column


def format_label(name: str, fallback: str, lang: str) -> str:
    key = f"import.format.{name}"
    return _t(key, lang) if has(key) else fallback


def failure_text(exc: ImportFailure, lang: str) -> tuple[str, str]:
    """(plain sentence, where/what detail), both in ``lang``, markdown-safe: every value
    taken from the file (column names, cell text) is made inert (ui.safe.md)."""
    p = dict(exc.params)
    if "limit" in p:
        p["limit"] = fmt.date(dt.date.fromisoformat(p["limit"]), lang)
    p = {k: safe.md(v) if isinstance(v, str) else v for k, v in p.items()}
    head = None
    for key in (f"import.err.{exc.code}.{exc.reason}" if exc.reason else None,
                "import.err.truncated.counts" if exc.code == "truncated" and "found_fields" in p else None,
                "import.err.future.limit" if exc.code == "future" and "limit" in p else None,
                f"import.err.{exc.code}"):
        if key and has(key):
            head = _t(key, lang, **p)
            break
    head = head or _t("import.err.invalid", lang)
    parts = []
    if exc.line and exc.column:
        parts.append(_t("import.err.where", lang, line=fmt.integer(exc.line, lang), column=safe.md(exc.column)))
    elif exc.line and exc.code not in ("binary", "empty", "xls", "missing", "unknown_layout"):
        parts.append(_t("import.err.where_line", lang, line=fmt.integer(exc.line, lang)))
    exp_key = f"import.exp.{exc.expected}"
    if exc.found_is_value:
        value = safe.md(str(exc.found)[:80])
        found = _t("import.err.found", lang, value=value[:80]) if value.strip() else _t("import.err.found_empty", lang)
        if has(exp_key):
            parts.append(_t("import.err.expected", lang, expected=_t(exp_key, lang), found=f"« {value[:80]} »" if lang == "fr" else f"“{value[:80]}”"))
        else:
            parts.append(found)
    elif has(exp_key) and has(f"import.exp.{exc.found}"):
        parts.append(_t("import.err.expected", lang, expected=_t(exp_key, lang), found=_t(f"import.exp.{exc.found}", lang)))
    return head, " ".join(parts)


ENCODINGS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "cp1252": "Windows-1252",
             "windows-1252": "Windows-1252", "cp1251": "Windows-1251", "windows-1251": "Windows-1251", "latin-1": "Latin-1"}


def encoding_name(enc: str, lang: str) -> str:
    e = (enc or "").lower()
    if e == "utf-8-sig":
        return _t("import.enc.bom", lang, name="UTF-8")
    return ENCODINGS.get(e, enc.upper() if enc else "")


def file_facts(file_name: str, nbytes: int, encoding: str, lang: str, error: ImportFailure | None = None) -> str:
    """Size, plus the encoding for a text file ("117,9 Ko · texte, UTF-8"); a workbook says so;
    a file that could not be read shows its size only."""
    size = fmt.filesize(nbytes, lang)
    if error is not None and error.code in ("binary", "empty", "xls", "missing"):
        return _t("import.file.size", lang, size=size)
    if file_name.lower().endswith((".xlsx", ".xls")) and (error is None or error.code != "csv"):
        return _t("import.file.workbook", lang, size=size)
    name = encoding_name(encoding, lang)
    return _t("import.file.text", lang, size=size, encoding=name) if name else _t("import.file.size", lang, size=size)


def _cell(column: str, v: Any, lang: str, tz: str | None = None) -> Any:
    if fmt.is_missing(v):
        return ""
    if column == "platform":
        key = f"platform.{v}"
        return _t(key, lang) if has(key) else str(v)
    if column == "grain":
        key = f"import.grain.{v}"
        return _t(key, lang) if has(key) else str(v)
    if column in DATE_COLUMNS:
        return fmt.date(v, lang)
    if column in TIME_COLUMNS:
        ts = pd.Timestamp(v)
        if tz and ts.tzinfo is not None:  # the workspace's clock, as every page shows it
            ts = ts.tz_convert(tz)
        if ts.hour == 0 and ts.minute == 0 and ts.second == 0:
            return fmt.date(ts, lang)
        return fmt.datetime(ts, lang)
    if isinstance(v, bool):
        return _t(f"import.bool.{str(v).lower()}", lang)
    if column in INT_COLUMNS and isinstance(v, (int, float)):
        return fmt.integer(v, lang)
    if isinstance(v, float):
        return fmt.number(v, 0 if float(v).is_integer() else 2, lang)
    if isinstance(v, int):
        return fmt.integer(v, lang)
    return str(v)


def preview(frame: pd.DataFrame, lang: str, rows: int = 5, tz: str | None = None) -> pd.DataFrame:
    """The first ``rows`` stored rows as the user reads them: labelled columns, locale formats,
    instants in the workspace time zone ``tz``; columns empty in every shown row and internal
    ones are left out."""
    head = frame.head(rows)
    cols = [c for c in head.columns if c not in HIDDEN_COLUMNS and head[c].notna().any() and not head[c].astype(str).eq("").all()]
    out = pd.DataFrame({field_name(c, lang): [_cell(c, v, lang, tz) for v in head[c].tolist()] for c in cols})
    return out.astype(str)


# ----------------------------------------------------------------------------- mapping guesses

SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "jour", "periode", "period"),
    "published_at": ("date", "published", "publish time", "posted", "post time", "date de publication", "publie", "publication date", "time", "heure"),
    "created_at": ("date", "created", "create date", "creation", "date de creation", "cree le"),
    "text": ("text", "message", "content", "texte", "contenu", "post text", "hit sentence", "body", "titre", "title"),
    "url": ("url", "link", "lien", "permalink", "permalien"),
    "post_id": ("post id", "id de la publication", "identifiant", "tweet id", "id"),
    "mention_id": ("mention id", "id", "document id", "identifiant"),
    "lead_id": ("email", "e-mail", "courriel", "contact id", "id"),
    "impressions": ("impressions", "impr"),
    "reach": ("reach", "portee"),
    "views": ("views", "vues", "video views", "pageviews"),
    "engagements": ("engagements", "interactions", "engagement"),
    "reactions": ("likes", "j aime", "reactions", "mentions j aime"),
    "comments": ("comments", "commentaires", "replies", "reponses"),
    "shares": ("shares", "partages", "reposts", "retweets"),
    "clicks": ("clicks", "clics", "link clicks"),
    "saves": ("saves", "enregistrements", "bookmarks"),
    "followers": ("followers", "abonnes", "total followers", "fans"),
    "new_followers": ("new followers", "nouveaux abonnes", "follows"),
    "lost_followers": ("lost followers", "unfollows", "desabonnements"),
    "profile_views": ("profile visits", "profile views", "visites du profil"),
    "author": ("author", "auteur", "influencer", "screen name", "handle"),
    "author_followers": ("author followers", "followers of author"),
    "source": ("source", "network", "reseau", "site", "media"),
    "medium": ("medium", "support"),
    "campaign": ("campaign", "campagne"),
    "sessions": ("sessions", "visits", "visites"),
    "users": ("users", "utilisateurs", "visitors", "visiteurs"),
    "new_users": ("new users", "nouveaux utilisateurs"),
    "landing_page": ("landing page", "page d arrivee", "page"),
    "conversions": ("conversions", "goals", "objectifs"),
    "revenue": ("revenue", "revenus", "chiffre d affaires"),
    "amount": ("amount", "cost", "spend", "amount spent", "montant", "cout", "depense", "depenses"),
    "currency": ("currency", "devise"),
    "category": ("category", "categorie"),
    "stage": ("stage", "etape", "status", "statut", "lifecycle stage"),
    "value": ("value", "valeur", "deal value", "montant de l affaire"),
    "sentiment_label": ("sentiment", "tonalite", "tone"),
    "sentiment_score": ("sentiment score", "score"),
    "lang": ("language", "langue", "lang"),
    "brand": ("brand", "marque"),
    "topic": ("topic", "sujet", "theme"),
    "account": ("account", "compte", "page name", "username"),
    "platform": ("platform", "plateforme"),
    "post_type": ("post type", "type"),
    "mentions": ("mentions", "volume"),
    "positive": ("positive", "positif", "positives"),
    "neutral": ("neutral", "neutre", "neutres"),
    "negative": ("negative", "negatif", "negatives"),
}


def _key(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", s))


def _score(header: str, target: str) -> int:
    """3 exact field name, 2 exact synonym, 1 synonym as whole words inside the header, else 0."""
    h = _key(header)
    if not h:
        return 0
    if h == _key(target.replace("_", " ")):
        return 3
    best = 0
    for syn in SYNONYMS.get(target, ()):
        if h == syn:
            best = max(best, 2)
        elif len(syn) > 3 and re.search(r"\b" + re.escape(syn) + r"\b", h):
            best = max(best, 1)
    return best


def guess_columns(headers: Sequence[str], targets: Sequence[str]) -> dict[str, str]:
    """header -> field (or "" to ignore): each field given at most once, to its best header."""
    pairs = sorted(
        ((_score(h, tg), -i, h, tg) for i, h in enumerate(headers) if h for tg in targets),
        reverse=True,
    )
    out = {h: "" for h in headers if h}
    used: set[str] = set()
    for score, _, h, tg in pairs:
        if score == 0:
            break
        if out[h] or tg in used:
            continue
        out[h] = tg
        used.add(tg)
    return out


# required fields a mapping may leave out: chosen on the form (platform, account, a cost category), or derived by
# the generic format (a mention without an id gets one from its text and date)
OPTIONAL_IN_MAPPING = {"mentions": ("mention_id",)}


def guess_mapping(headers: Sequence[str], tables: dict[str, Sequence[str]], required: dict[str, Sequence[str]]) -> tuple[str, dict[str, str]]:
    """The table the headers fit best (required fields covered first, then fields matched,
    ties to the order of ``tables``) and the column guesses for it."""
    best = None
    for rank, (table, targets) in enumerate(tables.items()):
        cols = guess_columns(headers, targets)
        mapped = {v for v in cols.values() if v}
        req = [c for c in required.get(table, ()) if c in targets and c not in OPTIONAL_IN_MAPPING.get(table, ("platform", "account", "grain", "category"))]
        covered = sum(c in mapped for c in req)
        quality = sum(_score(h, v) for h, v in cols.items() if v)
        key = (covered == len(req), len(mapped), quality, -rank)
        if best is None or key > best[0]:
            best = (key, table, cols)
    assert best is not None
    return best[1], best[2]
