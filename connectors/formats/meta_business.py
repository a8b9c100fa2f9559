"""Meta Business Suite exports (Facebook pages and Instagram accounts).

Also holds small helpers shared by the other social-export modules of this package
(X, legacy Facebook, Meta Ads): period from the file name, account resolution, count
columns with file/line/column errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import (
    CHUNK_ROWS,
    Format,
    ParseContext,
    account_from_url,
    check_duplicates,
    data_records,
    head_records,
    rows_to_frame,
)
from connectors.readers import Document, Kind, Record, clean_id, dates, header_key, numbers, parse_number, year_hint

# ----------------------------------------------------------------------------- shared helpers

_MON3 = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _mdy(mon: str, d: str, y: str) -> dt.date | None:
    mo = _MON3.get(mon[:3].lower())
    try:
        return dt.date(int(y), mo, int(d)) if mo else None
    except ValueError:
        return None


def _ymd(s: str) -> dt.date | None:
    s = s.replace("-", "")
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


def name_range(file_name: str) -> tuple[dt.date | None, dt.date | None]:
    """The period a file name announces, as exported by the platforms (a hint only):
    ``..._20210801_20210901_...``, ``..._2026-07-06_2026-08-02...``,
    ``... - 2014-08-24 - 2015-02-19.csv``, ``Mar-18-2025_Apr-14-2025_...``,
    ``..._Sep-1-2025-Sep-30-2025...``; a single ``- 2017-07-27`` is an end date."""
    base = Path(str(file_name)).name
    m = re.search(r"(?<!\d)(\d{8})_(\d{8})(?!\d)", base)
    if m:
        return _ymd(m.group(1)), _ymd(m.group(2))
    m = re.search(r"(?<!\d)(\d{4}-\d{2}-\d{2})\s*[_ ]\s*-?\s*(\d{4}-\d{2}-\d{2})(?!\d)", base)
    if m:
        return _ymd(m.group(1)), _ymd(m.group(2))
    m = re.search(r"([A-Z][a-z]{2})-(\d{1,2})-(\d{4})[_-]([A-Z][a-z]{2})-(\d{1,2})-(\d{4})", base)
    if m:
        return _mdy(*m.group(1, 2, 3)), _mdy(*m.group(4, 5, 6))
    m = re.search(r" - (\d{4}-\d{2}-\d{2})(?!\d)", base)
    if m:
        return None, _ymd(m.group(1))
    return None, None


def as_of_from_name(file_name: str) -> pd.Timestamp | None:
    """posts.as_of: the export's end date when the file name says it, else None (never the clock)."""
    end = name_range(file_name)[1]
    return pd.Timestamp(end).tz_localize("UTC") if end else None


def known_account(ctx: ParseContext, platform: str) -> str | None:
    """The workspace's only account on ``platform`` already in the store, if exactly one."""
    if ctx.root is None or ctx.workspace is None:
        return None
    try:
        from connectors import store

        found: set[str] = set()
        for table in ("audience", "posts"):
            df = store.read_table(ctx.root, ctx.workspace, table, columns=["platform", "account"])
            found |= set(df.loc[df["platform"] == platform, "account"].dropna().astype(str))
        return found.pop() if len(found) == 1 else None
    except Exception:  # an unreadable store must not break the import of a file
        return None


DEFAULT_ACCOUNT = "default"  # same placeholder as the other format modules when nothing names the account


def require_account(doc: Document, ctx: ParseContext, platform: str, hint: str | None) -> str:
    """``--account`` wins; else what the file says (``hint``); else the workspace's only
    account on that platform already in the store; else ``"default"`` (the import form /
    ``--account`` lets the user name it)."""
    return ctx.account or hint or known_account(ctx, platform) or DEFAULT_ACCOUNT


def count_column(raw: pd.DataFrame, i: int, header: Sequence[Any], file_name: str) -> list[float | None]:
    """Whole numbers of column ``i`` (``89.0`` ok, ``-`` null, text -> ImportFailure naming line and header)."""
    if f"c{i}" not in raw.columns:
        return [None] * len(raw)
    return numbers(raw[f"c{i}"].tolist(), file_name, str(header[i]), raw["_line"].tolist(), integer=True)


def float_column(raw: pd.DataFrame, i: int, header: Sequence[Any], file_name: str, percent: bool = False) -> list[float | None]:
    return numbers(raw[f"c{i}"].tolist(), file_name, str(header[i]), raw["_line"].tolist(), percent=percent)


def text_column(raw: pd.DataFrame, i: int | None) -> list[str | None]:
    if i is None or f"c{i}" not in raw.columns:
        return [None] * len(raw)
    return [None if v is None or not str(v).strip() else str(v) for v in raw[f"c{i}"].tolist()]


# ----------------------------------------------------------------------------- records (with Excel unwrapping)


def _unwrap(cells: list[str], delimiter: str) -> list[str]:
    """A whole row wrapped in one quoted field by a spreadsheet (``"a,""b c"",d"``): re-parse it."""
    if len(cells) == 1 and delimiter in cells[0]:
        rows = list(csv.reader(io.StringIO(cells[0]), delimiter=delimiter))
        if rows:
            out = rows[0]
            for extra in rows[1:]:  # a line break inside an unquoted inner value
                out[-1] += "\n" + (extra[0] if extra else "")
                out.extend(extra[1:])
            return out
    return cells


def _trim(cells: list[str]) -> list[str]:
    out = list(cells)
    while out and not str(out[-1]).strip():
        out.pop()
    return out


def _head(doc: Document, limit: int = 60) -> list[Record]:
    """First records, ``sep=`` line removed, mangled rows unwrapped."""
    recs = head_records(doc, limit)
    if recs and len(recs[0].cells) == 1 and doc.delimiter in recs[0].cells[0]:
        recs = [Record(r.line, _unwrap(r.cells, doc.delimiter)) for r in recs]
    return recs


def _table_chunks(doc: Document, header_rec: Record, mangled: bool) -> Iterator[list[Record]]:
    if not mangled:
        yield from data_records(doc, header_rec.line, header=header_rec.cells)
        return
    chunk: list[Record] = []
    for rec in doc.iter_records():
        if rec.line <= header_rec.line or not rec.cells or all(not c.strip() for c in rec.cells):
            continue
        chunk.append(Record(rec.line, _unwrap(rec.cells, doc.delimiter)))
        if len(chunk) >= CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _indexes(header: Sequence[Any], names: Sequence[str]) -> list[int]:
    """Every column whose header matches one of ``names`` (in the order of ``names``)."""
    keys = [header_key(h) for h in header]
    out: list[int] = []
    for n in names:
        k = header_key(n)
        out.extend(i for i, h in enumerate(keys) if h == k and i not in out)
    return out


def _coalesce(lists: list[list[Any]]) -> list[Any]:
    if not lists:
        return []
    out = list(lists[0])
    for other in lists[1:]:
        out = [a if a is not None else b for a, b in zip(out, other, strict=True)]
    return out


def _platform_hint(file_name: str) -> str | None:
    base = Path(str(file_name)).name.lower()
    if re.search(r"instagram|(?:^|[^a-z])ig(?:[^a-z]|$)", base):
        return "instagram"
    if re.search(r"facebook|(?:^|[^a-z])fb(?:[^a-z]|$)", base):
        return "facebook"
    return None


# ----------------------------------------------------------------------------- posts (Facebook + Instagram)

_POST_COLS: dict[str, list[str]] = {
    "post_id": ["Post ID", "Identifiant de la publication", "ID de la publication", "ID de la publicación", "ID do post", "Beitrags-ID"],
    "page_id": ["Page ID", "ID de la Page", "Identifiant de la Page", "Account ID", "ID du compte", "Identifiant du compte", "ID de la página", "ID da Página"],
    "page_name": ["Page name", "Nom de la page", "Nombre de la página", "Nome da Página", "Seitenname"],
    "username": ["Account username", "Nom d'utilisateur du compte", "Nom de profil du compte", "Nombre de usuario de la cuenta"],
    "account_name": ["Account name", "Nom du compte", "Nombre de la cuenta"],
    "title": ["Title", "Titre", "Título", "Titel"],
    "description": ["Description", "Descripción", "Descrição", "Beschreibung"],
    "published": ["Publish time", "Heure de publication", "Heure de publication (UTC)", "Hora de publicación", "Horário de publicação", "Veröffentlichungszeit"],
    "url": ["Permalink", "Permalien", "Enlace permanente", "Link permanente"],
    "post_type": ["Post type", "Type de publication", "Tipo de publicación", "Tipo de publicação", "Beitragstyp"],
    "data_comment": ["Data comment", "Commentaire des données", "Comentario de datos", "Comentário dos dados"],
    "views": ["Views", "Vues", "Visualizaciones", "Visualizações", "Aufrufe"],
    "reach": ["Reach", "Couverture", "IMPRESSION:UNIQUE_USERS", "Alcance", "Reichweite"],
    "impressions": ["Impressions", "Impresiones", "Impressões"],
    "engagements": [
        "Reactions, Comments and Shares", "Réactions, commentaires et partages", "Reacciones, comentarios y veces que se compartió",
        "Engaged users", "Interactions",
    ],
    "reactions": ["Reactions", "Réactions", "Likes", "Mentions J'aime", "J'aime", "Reacciones", "Me gusta", "Reações", "Curtidas"],
    "comments": ["Comments", "Commentaires", "Comentarios", "Comentários", "Kommentare"],
    "shares": ["Shares", "Partages", "Veces que se compartió", "Compartilhamentos", "Geteilte Inhalte"],
    "clicks": ["Total clicks", "Total des clics", "Link Clicks", "Clics sur un lien", "Clics sur le lien", "Clics en el enlace", "Cliques no link"],
    "saves": ["Saves", "Enregistrements", "Guardados", "Salvamentos"],
    "follows": ["Follows", "Followers en plus", "Seguimientos", "Seguidores"],
}
_IG_MARKERS = {"account username", "account id", "account name", "nom du compte", "id du compte", "identifiant du compte", "nom d utilisateur du compte"}
_METRICS = ("views", "reach", "impressions", "engagements", "reactions", "comments", "shares", "clicks", "saves", "follows")


def _is_posts_header(cells: Sequence[str]) -> bool:
    cols = {k: _indexes(cells, v) for k, v in _POST_COLS.items() if k in ("post_id", "published", "url", "page_id", "page_name", "username")}
    return bool(cols["post_id"] and cols["published"] and cols["url"] and (cols["page_id"] or cols["page_name"] or cols["username"]))


class MetaPosts(Format):
    name = "meta_posts"
    label = "Meta Business Suite - posts (Facebook / Instagram)"
    tables = ("posts",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = _head(doc, 3)
        if recs and _is_posts_header(recs[0].cells) and not _indexes(recs[0].cells, ["Video asset ID"]):
            return 0.95
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = _head(doc, 2)
        header = recs[0].cells
        mangled = len(head_records(doc, 1)[0].cells) == 1
        yield from _parse_posts(self.name, doc, ctx, header, recs[0], mangled)


def _parse_posts(fmt: str, doc: Document, ctx: ParseContext, header: list[str], header_rec: Record, mangled: bool, video: bool = False) -> Iterator[tuple[str, pd.DataFrame]]:
    fname = doc.file_name
    cols = {k: _indexes(header, v) for k, v in (_VIDEO_COLS if video else _POST_COLS).items()}
    keys = {header_key(h) for h in header}
    instagram = bool(keys & _IG_MARKERS)
    platform = "instagram" if instagram else "facebook"
    as_of = as_of_from_name(fname)
    for chunk in _table_chunks(doc, header_rec, mangled):
        raw = rows_to_frame(chunk, len(header))
        ids = raw[f"c{cols['post_id'][0]}"].fillna("").str.strip()
        comment = pd.Series(text_column(raw, cols["data_comment"][0] if cols.get("data_comment") else None)).fillna("")
        # error placeholder rows: only 'Data comment' (and 'Lifetime') filled
        keep = ids != ""
        bad = (~keep) & (comment == "")
        filled = raw.drop(columns=["_line"]).fillna("").apply(lambda c: c.str.strip() != "").sum(axis=1)
        bad = bad & (filled > 1)
        if bad.any():
            i = int(bad.idxmax())
            raise ImportFailure(fname, "post without an id", int(raw.loc[i, "_line"]), header[cols["post_id"][0]], "a post id", "nothing", code="missing_id")
        raw = raw[keep].reset_index(drop=True)
        if not len(raw):
            continue
        for canon, idx in cols.items():  # doubled columns (Meta's two 'Views') must agree
            same_name = [i for i in idx if header_key(header[i]) == header_key(header[idx[0]])]
            if len(same_name) > 1:
                check_duplicates(raw, header, {canon: same_name[0]}, fname)
        lines = raw["_line"].tolist()
        out = pd.DataFrame({"_line": lines})
        out["post_id"] = [clean_id(v, fname, header[cols["post_id"][0]], ln) for v, ln in zip(raw[f"c{cols['post_id'][0]}"], lines, strict=True)]
        out["platform"] = platform
        urls = _coalesce([text_column(raw, i) for i in cols["url"]]) if cols["url"] else [None] * len(raw)
        if ctx.account:
            out["account"] = ctx.account
        else:
            names = [text_column(raw, i) for i in cols.get("username", []) + cols.get("page_name", []) + cols.get("account_name", [])]
            acc = _coalesce(names) if names else [None] * len(raw)
            out["account"] = [a or account_from_url(u) for a, u in zip(acc, urls, strict=True)]
        pub = cols["published"][0]
        out["published_at"] = dates(raw[f"c{pub}"].tolist(), fname, header[pub], lines, with_time=True, tz=ctx.timezone)
        texts = [text_column(raw, i) for i in cols.get("title", []) + cols.get("description", [])]
        out["text"] = _coalesce(texts) if texts else None
        out["url"] = urls
        types = [text_column(raw, i) for i in cols.get("post_type", [])]
        out["post_type"] = _coalesce(types) if types else ("video" if video else None)
        for canon in _METRICS:
            idx = cols.get(canon, [])
            if idx:
                out[canon] = _coalesce([count_column(raw, i, header, fname) for i in idx])
        out["as_of"] = as_of
        out["source_format"] = fmt
        yield "posts", out


# ----------------------------------------------------------------------------- videos export

_VIDEO_COLS: dict[str, list[str]] = {
    "post_id": ["Video asset ID", "Identifiant de la ressource vidéo", "ID del recurso de video"],
    "page_name": _POST_COLS["page_name"],
    "title": _POST_COLS["title"],
    "description": _POST_COLS["description"],
    "published": _POST_COLS["published"],
    "url": _POST_COLS["url"],
    "data_comment": _POST_COLS["data_comment"],
    "reach": _POST_COLS["reach"],
    "views": ["3-second video views", "Vues de vidéo de 3 secondes", "Views", "Vues"],
    "engagements": ["Reactions, comments and shares", "Réactions, commentaires et partages"],
    "reactions": ["Reactions", "Réactions"],
    "comments": ["Comments", "Commentaires"],
    "shares": ["Shares", "Partages"],
}


class MetaVideos(Format):
    name = "meta_videos"
    label = "Meta Business Suite - videos (Facebook)"
    tables = ("posts",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = _head(doc, 3)
        if recs and _indexes(recs[0].cells, _VIDEO_COLS["post_id"]) and _indexes(recs[0].cells, _VIDEO_COLS["published"]):
            return 0.95
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = _head(doc, 2)
        mangled = len(head_records(doc, 1)[0].cells) == 1
        yield from _parse_posts(self.name, doc, ctx, recs[0].cells, recs[0], mangled, video=True)


# ----------------------------------------------------------------------------- values damaged by a spreadsheet

# month abbreviations a spreadsheet writes when it turned "3.4" into the 3rd of April
_LOCAL_MONTHS = {
    # Bulgarian
    "яну": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "юни": 6, "юли": 7, "авг": 8, "сеп": 9, "окт": 10, "ное": 11, "дек": 12,
    # Russian / Ukrainian
    "янв": 1, "июн": 6, "июл": 7, "сен": 9, "ноя": 11, "січ": 1, "лют": 2, "бер": 3, "кві": 4, "тра": 5, "чер": 6, "лип": 7,
    "сер": 8, "вер": 9, "жов": 10, "лис": 11, "гру": 12,
    # German / French / English / Spanish / Portuguese short forms
    "jan": 1, "feb": 2, "mär": 3, "mrz": 3, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12, "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juin": 6, "juil": 7,
    "août": 8, "sept": 9, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "set": 9, "out": 10,
}
_EXCEL_DAY_MONTH = re.compile(r"\s*(\d{1,2})[.\-/ ]([^\W\d_]{3,5})\.?\s*")


def excel_decimal(v: Any) -> Any:
    """``"3.апр"`` -> ``"3.4"``: a spreadsheet in a locale whose date separator is ``.``
    read the decimal 3.4 as the 3rd of April and wrote it back as a date; the month
    stands for the decimal digits (``"22.авг"`` -> ``"22.8"``, ``"1.окт"`` -> ``"1.10"``)."""
    if isinstance(v, str):
        m = _EXCEL_DAY_MONTH.fullmatch(v)
        if m:
            mo = _LOCAL_MONTHS.get(m.group(2).lower()[:4]) or _LOCAL_MONTHS.get(m.group(2).lower()[:3])
            if mo:
                return f"{m.group(1)}.{mo}"
    return v


def share_values(values: Sequence[Any], lines: Sequence[int], file_name: str, column: str) -> list[float | None]:
    """Distribution values as shares 0..1: ``75%`` and percent numbers (a block summing to
    ~100) are divided by 100, fractions (``0.75``) stay."""
    fixed = [excel_decimal(v) for v in values]
    nums = numbers(fixed, file_name, column, lines, percent=True)
    has_pct = any(isinstance(v, str) and v.strip().endswith("%") for v in fixed)
    present = [x for x in nums if x is not None]
    if not has_pct and present and (sum(present) > 1.5 or max(present) > 1.0):
        nums = [None if x is None else x / 100.0 for x in nums]
    return nums


# ----------------------------------------------------------------------------- stacked blocks: daily series, Audience, top formats

_DATE_KEYS = {"date", "datum", "fecha", "data", "jour", "day"}
_SERIES_BASE = {
    "reach": "reach", "couverture": "reach", "alcance": "reach", "reichweite": "reach", "accounts reached": "reach",
    "views": "views", "vues": "views", "visualizaciones": "views", "impressions": "impressions",
    "visits": "profile_views", "profile visits": "profile_views", "visites": "profile_views", "visites du profil": "profile_views",
    "visites de profil": "profile_views", "visitas": "profile_views",
    "follows": "new_followers", "new follows": "new_followers", "new likes": "new_followers", "new followers": "new_followers",
    "followers en plus": "new_followers", "nouveaux followers": "new_followers", "nouveaux j aime": "new_followers",
    "nouvelles mentions j aime": "new_followers", "abonnements": "new_followers",
    "content interactions": "engagements", "interactions": "engagements", "interactions avec le contenu": "engagements",
    "link clicks": "clicks", "clics sur un lien": "clicks", "clics sur le lien": "clicks",
    "unfollows": "lost_followers", "desabonnements": "lost_followers",
    "primary": "",
}
_FORMAT_METRIC = {"views": "views", "vues": "views", "content interactions": "engagements", "interactions": "engagements",
                  "interactions avec le contenu": "engagements", "published content": "posts_published", "contenu publie": "posts_published",
                  "reach": "reach", "couverture": "reach"}
_CONTENT_FORMATS = {"reels", "reel", "multi photo", "links", "link", "photos", "photo", "others", "other", "text", "stories", "story",
                    "videos", "video", "live", "carousel", "carrousel", "autres", "liens", "texte", "textes", "publications"}
_GENDERS = {"women": "female", "men": "male", "female": "female", "male": "male", "femmes": "female", "hommes": "male",
            "mujeres": "female", "hombres": "male", "frauen": "female", "manner": "male", "mulheres": "female", "homens": "male",
            "other": "other", "others": "other", "autre": "other", "unknown": "unknown", "f": "female", "m": "male", "u": "unknown"}


def _title_platform(title: str) -> str | None:
    k = header_key(title)
    if "instagram" in k.split() or k.startswith("ig "):
        return "instagram"
    if "facebook" in k.split() or k.startswith("fb "):
        return "facebook"
    return None


def series_metric(title: str) -> str | None:
    """Canonical audience column of a Meta series title (``"Facebook reach"`` -> ``reach``)."""
    words = [w for w in header_key(title).split() if w not in ("facebook", "instagram", "page", "de", "la", "du", "ig", "fb")]
    return _SERIES_BASE.get(" ".join(words)) or None


def _dimension(title: str) -> str | None:
    k = header_key(title)
    if ("gender" in k or "genre" in k or "sexe" in k) and "age" in k.split():
        return "age_gender"
    for words, dim in (
        (("countr", "pays", "territor", "pais", "land"), "country"),
        (("cit", "town", "ville", "ciudad", "stadt"), "city"),
        (("gender", "genre", "sexe", "genero", "geschlecht"), "gender"),
        (("language", "langue", "idioma", "sprache"), "language"),
    ):
        if any(w in k for w in words):
            return dim
    if k.split() and k.split()[0] in ("age", "ages", "edad", "alter", "idade"):
        return "age"
    return None


def _is_num(s: str) -> bool:
    try:
        return parse_number(excel_decimal(s)) is not None
    except ValueError:
        return False



def _clean_block_row(rec: Record) -> Record:
    return Record(rec.line, [str(c).strip() for c in _trim(rec.cells)])


def _blocks(doc: Document, records: Sequence[Record] | None = None) -> Iterator[list[Record]]:
    """Blocks of non-blank records separated by blank records (``sep=`` line dropped)."""
    block: list[Record] = []
    first = True
    for rec in records if records is not None else doc.iter_records():
        row = _clean_block_row(rec)
        if first:
            first = False
            if row.cells and row.cells[0].lower().startswith("sep="):
                continue
        if not row.cells:
            if block:
                yield block
                block = []
            continue
        block.append(row)
    if block:
        yield block


def _block_kind(block: list[Record]) -> tuple[str, str | None, list[Record]]:
    title = block[0].cells[0] if len(block[0].cells) == 1 and len(block) > 1 else None
    body = block[1:] if title is not None else block
    h = body[0].cells
    hk = [header_key(c) for c in h]
    if len(h) >= 2 and hk[0] in _DATE_KEYS:
        return "series", title, body
    if len(h) >= 3 and hk[1] in _GENDERS and all(x in _GENDERS for x in hk[2:] if x):
        return "age_gender", title, body
    if len(h) == 2 and hk[-1] in ("value", "distribution", "valeur", "percentage", "pourcentage", "share", "valor", "wert", "repartition"):
        return "vertical", title, body
    if len(body) == 2 and h and not _is_num(h[0]) and body[1].cells and all(_is_num(c) for c in body[1].cells if c):
        if len(body[1].cells) == 1 and ("follow" in " ".join(hk) or "unique users" in " ".join(hk)):
            return "total", title, body
        return "horizontal", title, body
    return "unknown", title, body


def _series_platform(title: str, column: str, hint: str | None) -> str:
    return _title_platform(title) or _title_platform(column) or hint or ("instagram" if header_key(title) in ("reach", "accounts reached") else "facebook")


def _parse_blocks(fmt: str, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
    fname = doc.file_name
    hint = _platform_hint(fname)
    aud: dict[tuple[str, Any], dict[str, Any]] = {}
    brk: list[dict[str, Any]] = []
    accounts: dict[str, str] = {}

    def account_for(platform: str) -> str:
        if platform not in accounts:
            accounts[platform] = require_account(doc, ctx, platform, None)
        return accounts[platform]

    def breakdown(platform: str, dim: str, value: str, metric: str, x: float | None, unit: str, line: int) -> None:
        if x is None or not value:
            return
        brk.append({"period_start": None, "period_end": None, "platform": platform, "account": account_for(platform),
                    "dimension": dim, "dimension_value": value, "metric": metric, "value": x, "unit": unit, "_line": line})

    for block in _blocks(doc):
        kind, title, body = _block_kind(block)
        tplat = _title_platform(title or "")
        plat = tplat or hint or "facebook"
        if kind == "series":
            header = body[0].cells
            metric = series_metric(title or "") or series_metric(header[1])
            if not metric:
                raise ImportFailure(fname, "unknown series", block[0].line, header[1], "a Meta series title (reach, views, visits, follows...)", title or header[1], code="unknown_layout")
            platform = _series_platform(title or "", header[1], hint)
            rows = [r for r in body[1:] if r.cells and r.cells[0]]
            lines = [r.line for r in rows]
            days = dates([r.cells[0] for r in rows], fname, header[0], lines)
            vals = numbers([r.cells[1] if len(r.cells) > 1 else "" for r in rows], fname, header[1], lines, integer=True)
            account = account_for(platform)
            for d, v, ln in zip(days, vals, lines, strict=True):
                if d is None:
                    continue
                row = aud.setdefault((platform, d), {"date": d, "platform": platform, "account": account, "_line": ln})
                row[metric] = v
        elif kind == "age_gender":
            header = body[0].cells
            genders = [_GENDERS.get(header_key(g), header_key(g)) for g in header[1:]]
            cells = [(r.cells[0], genders[j], r.cells[j + 1], r.line) for r in body[1:] for j in range(len(genders)) if j + 1 < len(r.cells)]
            shares = share_values([c[2] for c in cells], [c[3] for c in cells], fname, "age & gender")
            for (age, g, _, ln), x in zip(cells, shares, strict=True):
                breakdown(plat, "age_gender", f"{g} {age}", "followers", x, "share", ln)
        elif kind in ("vertical", "horizontal"):
            if kind == "vertical":
                dim_src = body[0].cells[0]
                pairs = [(", ".join(c for c in r.cells[:-1] if c), r.cells[-1], r.line) for r in body[1:] if len(r.cells) >= 2]
            else:
                dim_src = title or ""
                names, values = body[0].cells, body[1].cells
                pairs = [(n, values[i] if i < len(values) else "", body[1].line) for i, n in enumerate(names) if n]
            dim = _dimension(dim_src) or _dimension(title or "")
            fmt_metric = _FORMAT_METRIC.get(header_key(title or "")) if kind == "horizontal" else None
            if fmt_metric and all(header_key(p[0]) in _CONTENT_FORMATS for p in pairs):
                vals = numbers([p[1] for p in pairs], fname, title or "", [p[2] for p in pairs])
                for (n, _, ln), x in zip(pairs, vals, strict=True):
                    breakdown(plat, "content_format", n, fmt_metric, x, "count", ln)
            elif dim:
                shares = share_values([p[1] for p in pairs], [p[2] for p in pairs], fname, dim_src or dim)
                for (n, _, ln), x in zip(pairs, shares, strict=True):
                    value = n.lower() if dim == "gender" else n
                    breakdown(plat, dim, _GENDERS.get(header_key(n), value) if dim == "gender" else value, "followers", x, "share", ln)
            # other blocks (e.g. "Top Pages") are not audience facts: left out
        elif kind == "total":
            platform = tplat or _title_platform(" ".join(body[0].cells)) or plat
            x = numbers([body[1].cells[0]], fname, title or body[0].cells[0], [body[1].line], integer=True)[0]
            breakdown(platform, "total", "all", "followers", x, "count", body[1].line)
    if aud:
        out = pd.DataFrame(list(aud.values()))
        out["source_format"] = fmt
        yield "audience", out
    if brk:
        out = pd.DataFrame(brk)
        out["source_format"] = fmt
        yield "audience_breakdown", out


def _head_blocks(doc: Document) -> list[tuple[str, str | None, list[Record]]]:
    recs = head_records(doc, 40)
    if len(recs) >= 40:  # the last block may be cut: keep only complete ones
        recs = recs[:-1]
    return [_block_kind(b) for b in _blocks(doc, recs)]


def _first_head_block(doc: Document) -> tuple[str, str | None, list[Record]] | None:
    """The first complete block of a text ``doc`` (see :func:`_head_blocks`), None when there is none."""
    if doc.kind != Kind.TEXT:
        return None
    blocks = _head_blocks(doc)
    return blocks[0] if blocks else None


class MetaDailySeries(Format):
    name = "meta_daily_series"
    label = "Meta Business Suite - daily series (reach, views, visits, follows, interactions)"
    tables = ("audience", "audience_breakdown")

    def sniff(self, doc: Document) -> float:
        first = _first_head_block(doc)
        if first is None:
            return 0.0
        kind, title, body = first
        if kind != "series" or title is None or len(body[0].cells) != 2 or len(body) < 2:
            return 0.0
        if not re.match(r"\d{4}-\d{2}-\d{2}", body[1].cells[0]):
            return 0.0
        if series_metric(title) or series_metric(body[0].cells[1]):
            return 0.95
        return 0.6 if header_key(body[0].cells[1]) == "primary" else 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from _parse_blocks(self.name, doc, ctx)


class MetaAudience(Format):
    name = "meta_audience"
    label = "Meta Business Suite - audience (age & gender, countries, cities, content formats)"
    tables = ("audience_breakdown", "audience")

    def sniff(self, doc: Document) -> float:
        first = _first_head_block(doc)
        if first is None:
            return 0.0
        kind, title, body = first
        if kind == "age_gender":
            return 0.9
        if kind == "total" and title and _title_platform(title):
            return 0.9
        if kind == "vertical" and _dimension(body[0].cells[0]) and header_key(body[0].cells[-1]) in ("distribution", "value", "valeur", "repartition"):
            return 0.9
        if kind == "horizontal" and title:
            if _dimension(title):
                return 0.9
            if _FORMAT_METRIC.get(header_key(title)) and all(header_key(c) in _CONTENT_FORMATS for c in body[0].cells if c):
                return 0.9
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from _parse_blocks(self.name, doc, ctx)


# ----------------------------------------------------------------------------- daily tables with no-year dates

_DAILY_TABLE_COLS = {
    "followers": ["Followers", "Total followers", "Abonnés", "Followers au total", "Seguidores"],
    "reach": ["Total Viewers", "Viewers", "Total des spectateurs", "Spectateurs"],
    "new_viewers": ["New Viewers", "Nouveaux spectateurs"],
    "returning_viewers": ["Returning Viewers", "Spectateurs récurrents"],
}


def _years_for(values: Sequence[str], file_name: str, ctx: ParseContext, column: str, lines: Sequence[int]) -> list[Any]:
    """Dates like ``"August 19"``: the year comes from the file name or else the clock's year,
    the one that does not put the last date in the future; a step back in the calendar
    between consecutive (chronological) rows means the previous year."""
    out: list[Any] = [None] * len(values)
    try:
        return dates(list(values), file_name, column, list(lines))  # the dates carry a year
    except ImportFailure:
        pass
    md = dates(list(values), file_name, column, list(lines), year=2000)  # 2000 is a leap year: Feb 29 parses
    today = ctx.now.date() if isinstance(ctx.now, dt.datetime) else dt.date.today()
    year = year_hint(file_name) or today.year
    last = next((d for d in reversed(md) if d is not None), None)
    if last is not None and dt.date(year, last.month, last.day) > today:
        year -= 1
    nxt = None
    for i in range(len(md) - 1, -1, -1):
        d = md[i]
        if d is None:
            continue
        if nxt is not None and (d.month, d.day) > (nxt.month, nxt.day):
            year -= 1
        try:
            out[i] = dt.date(year, d.month, d.day)
        except ValueError:  # Feb 29 in a common year
            raise ImportFailure(file_name, "not a date", int(lines[i]), column, "a calendar date", str(values[i]), code="date") from None
        nxt = d
    return out


class MetaDailyTable(Format):
    name = "meta_daily_table"
    label = "Meta Business Suite - follower history / viewers by day"
    tables = ("audience", "audience_breakdown")

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        recs = head_records(doc, 3)
        if not recs or len(recs[0].cells) < 2 or header_key(recs[0].cells[0]) not in _DATE_KEYS:
            return 0.0
        h = recs[0].cells
        k = [header_key(c) for c in h]
        if _indexes(h, _DAILY_TABLE_COLS["followers"]) and any("difference" in x or "ecart" in x for x in k):
            return 0.9
        if _indexes(h, _DAILY_TABLE_COLS["reach"]) and _indexes(h, _DAILY_TABLE_COLS["new_viewers"]):
            return 0.9
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 2)
        header = recs[0].cells
        fname = doc.file_name
        platform = _platform_hint(fname) or "facebook"
        account = require_account(doc, ctx, platform, None)
        cols = {k: _indexes(header, v) for k, v in _DAILY_TABLE_COLS.items()}
        for chunk in data_records(doc, recs[0].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            # a day not computed yet ("October 17","undefined","0","0"): left out
            undefined = raw.drop(columns=["_line"]).fillna("").apply(lambda c: c.str.strip().str.lower() == "undefined").any(axis=1)
            raw = raw[~undefined].reset_index(drop=True)
            if not len(raw):
                continue
            lines = raw["_line"].tolist()
            days = _years_for(raw["c0"].tolist(), fname, ctx, header[0], lines)
            out = pd.DataFrame({"_line": lines, "date": days, "platform": platform, "account": account})
            for canon in ("followers", "reach"):
                if cols[canon]:
                    out[canon] = count_column(raw, cols[canon][0], header, fname)
            out["source_format"] = self.name
            yield "audience", out
            parts = []
            for canon, label in (("new_viewers", "new"), ("returning_viewers", "returning")):
                if cols[canon]:
                    vals = count_column(raw, cols[canon][0], header, fname)
                    parts.append(pd.DataFrame({"_line": lines, "period_start": days, "period_end": days, "platform": platform, "account": account,
                                               "dimension": "viewer_type", "dimension_value": label, "metric": "viewers", "value": vals, "unit": "count"}))
            if parts:
                b = pd.concat(parts, ignore_index=True)
                b = b[b["value"].notna()]
                b["source_format"] = self.name
                yield "audience_breakdown", b


FORMATS = [MetaPosts(), MetaVideos(), MetaDailySeries(), MetaAudience(), MetaDailyTable()]
