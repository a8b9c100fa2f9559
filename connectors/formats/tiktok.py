"""TikTok Studio / Business Suite analytics downloads (CSV, UTF-8 with BOM).

* **Overview** (``Date, Video views, Reached audience, Profile views, Likes, Shares, Comments,
  ..., Net growth, New followers, Lost followers``) -> ``audience``.
* **Followers** (``Date, New followers, Total followers, Reached audience, Engaged audience``)
  -> ``audience`` (``--`` totals are unknown -> null). ``Engaged audience`` counts people,
  not interactions: no audience column fits it, it is not stored.
* **Content** (``Video title, Video link, Post time, Video views, Likes, Comments, Shares,
  Add to Favorites``) -> ``posts``; the post id is the number in the video link and the
  account the ``@handle`` of the link.

Dates ``2025/10/31``; times ``2025/10/31 18:19:10`` carry no offset: taken in the workspace
time zone. ``NAN``/``--`` are missing values. The account-level files never name the account:
``--account`` wins, else ``"default"`` (import with ``--account <handle>`` to match the
handle found in the content export's links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import (
    Format,
    ParseContext,
    account_from_url,
    column_index,
    data_records,
    head_records,
    rows_to_frame,
)
from connectors.readers import Document, Kind, dates, header_key, numbers

PLATFORM = "tiktok"
DEFAULT_ACCOUNT = "default"
TOTAL_LABELS = {"total", "totals", "grand total", "totaux"}

DAILY = {
    "date": ["Date", "Fecha", "Datum", "Data"],
    "views": ["Video views", "Vues de vidéo", "Vues des vidéos", "Visualizaciones de videos", "Videoaufrufe", "Visualizações de vídeo"],
    "reach": ["Reached audience", "Audience touchée", "Público alcanzado", "Erreichtes Publikum", "Público alcançado"],
    "profile_views": ["Profile views", "Vues du profil", "Visualizaciones del perfil", "Profilaufrufe", "Visualizações do perfil"],
    "reactions": ["Likes", "J'aime", "Me gusta", "Curtidas"],
    "shares": ["Shares", "Partages", "Veces compartido", "Compartilhamentos", "Geteilt"],
    "comments": ["Comments", "Commentaires", "Comentarios", "Comentários", "Kommentare"],
    "new_followers": ["New followers", "Nouveaux followers", "Nouveaux abonnés", "Nuevos seguidores", "Neue Follower", "Novos seguidores"],
    "lost_followers": ["Lost followers", "Followers perdus", "Abonnés perdus", "Seguidores perdidos", "Verlorene Follower"],
    "followers": ["Total followers", "Total des followers", "Total des abonnés", "Seguidores totales", "Follower insgesamt", "Total de seguidores"],
}
CONTENT = {
    "text": ["Video title", "Titre de la vidéo", "Título del video", "Videotitel", "Título do vídeo"],
    "url": ["Video link", "Lien de la vidéo", "Enlace del video", "Videolink", "Link do vídeo"],
    "published_at": ["Post time", "Heure de publication", "Hora de publicación", "Veröffentlichungszeit", "Horário da publicação"],
    "views": DAILY["views"],
    "reactions": DAILY["reactions"],
    "comments": DAILY["comments"],
    "shares": DAILY["shares"],
    "saves": ["Add to Favorites", "Ajouts aux favoris", "Añadir a Favoritos", "Zu Favoriten hinzugefügt", "Adicionar aos favoritos"],
}
_K = {k: {header_key(n) for n in v} for k, v in {**DAILY, **CONTENT}.items()}


def _header(doc: Document) -> tuple[int, list[str], list[str]] | None:
    if doc.kind != Kind.TEXT:
        return None
    for rec in head_records(doc, 5):
        if rec.cells and any(c.strip() for c in rec.cells):
            return rec.line, rec.cells, [header_key(c) for c in rec.cells]
    return None


def classify(keys: list[str]) -> tuple[str, float]:
    ks = set(keys)
    if (_K["url"] & ks) and (_K["published_at"] & ks) and (_K["views"] & ks):
        return "content", 0.9
    if keys and keys[0] in _K["date"]:
        if (_K["views"] & ks) and (_K["profile_views"] & ks) and (_K["reach"] & ks):
            return "overview", 0.9
        if (_K["new_followers"] & ks) and (_K["followers"] & ks) and (_K["reach"] & ks) and header_key("Engaged audience") in ks:
            return "followers", 0.9
    return "", 0.0


def _frames(doc: Document, line: int, header: list[str]) -> Iterator[pd.DataFrame]:
    """Raw cell frames (see :func:`rows_to_frame`) of the data rows below ``header``, total rows left out."""
    for chunk in data_records(doc, line, header=header):
        chunk = [r for r in chunk if header_key(r.cells[0]) not in TOTAL_LABELS]
        if chunk:
            yield rows_to_frame(chunk, len(header))


class _TikTok(Format):
    kind = ""

    def sniff(self, doc: Document) -> float:
        h = _header(doc)
        if h is None:
            return 0.0
        kind, conf = classify(h[2])
        return conf if kind == self.kind else 0.0

    def _start(self, doc: Document) -> tuple[int, list[str]]:
        h = _header(doc)
        if h is None or classify(h[2])[0] != self.kind:
            raise ImportFailure(doc.file_name, "not a TikTok export", 1, None, self.label, "another layout", code="unknown_layout")
        return h[0], h[1]


class TikTokDaily(_TikTok):
    tables = ("audience",)

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        idx = column_index(header, DAILY)
        for raw in _frames(doc, line, header):
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": raw["_line"]})
            out["date"] = dates(raw[f"c{idx['date']}"].tolist(), doc.file_name, header[idx["date"]], lines)
            out["platform"] = PLATFORM
            out["account"] = ctx.account or DEFAULT_ACCOUNT
            for canon, i in idx.items():
                if canon == "date":
                    continue
                out[canon] = numbers(raw[f"c{i}"].tolist(), doc.file_name, header[i].strip(), lines, integer=True)
            out["source_format"] = self.name
            out.attrs["source_columns"] = {canon: header[i].strip() for canon, i in idx.items()}
            yield "audience", out


class TikTokOverview(TikTokDaily):
    name = "tiktok_overview"
    label = "TikTok – overview (daily)"
    kind = "overview"


class TikTokFollowers(TikTokDaily):
    name = "tiktok_followers"
    label = "TikTok – followers (daily)"
    kind = "followers"


class TikTokContent(_TikTok):
    name = "tiktok_content"
    label = "TikTok – content (videos)"
    tables = ("posts",)
    kind = "content"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        idx = column_index(header, CONTENT)
        ui = idx["url"]
        for raw in _frames(doc, line, header):
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": raw["_line"]})
            urls = raw[f"c{ui}"].str.strip()
            ids = []
            for u, ln in zip(urls, lines, strict=False):
                m = re.search(r"/(?:video|photo)/(\d+)", u or "")
                if not m:
                    raise ImportFailure(doc.file_name, "no video id in the link", int(ln), header[ui], "a TikTok video link (…/video/<id>)", u, code="id")
                ids.append(m.group(1))
            out["post_id"] = ids
            out["url"] = urls
            out["platform"] = PLATFORM
            out["account"] = ctx.account or [account_from_url(u) or DEFAULT_ACCOUNT for u in urls]
            if "text" in idx:
                t = raw[f"c{idx['text']}"]
                out["text"] = t.where(t.str.strip() != "", None)
            out["published_at"] = dates(
                raw[f"c{idx['published_at']}"].tolist(), doc.file_name, header[idx["published_at"]], lines, with_time=True, tz=ctx.timezone
            )
            out["post_type"] = ["photo" if "/photo/" in (u or "") else "video" for u in urls]
            for canon in ("views", "reactions", "comments", "shares", "saves"):
                if canon in idx:
                    i = idx[canon]
                    out[canon] = numbers(raw[f"c{i}"].tolist(), doc.file_name, header[i].strip(), lines, integer=True)
            out["as_of"] = None
            out["source_format"] = self.name
            out.attrs["source_columns"] = {canon: header[i].strip() for canon, i in idx.items()}
            yield "posts", out


FORMATS = [TikTokOverview(), TikTokFollowers(), TikTokContent()]
