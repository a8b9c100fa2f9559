"""YouTube Studio exports (Analytics > Advanced mode > Export, any interface language).

The Studio zip holds three CSV files; each is detected from its header, not its name
(names are localized: ``Table data.csv`` / ``Tabellendaten.csv`` / ``Dados da tabela.csv`` /
``Données du tableau.csv``):

* **Table data by content** (``Content, Video title, Video publish time, Duration, <metrics>``)
  -> ``posts`` (the first data row ``Total``/``Gesamt`` is dropped).
* **Chart data** (``Date, Content, ..., <metric>``) -> ``content_daily``; chart data by
  another dimension (``Date, Subscription status, Views``) -> ``audience_breakdown`` per day.
* **Totals** (``Date, <metric>``) -> ``audience`` (views, unique viewers as reach, impressions,
  likes/comments/shares, subscribers). Metrics the audience table has no column for
  (estimated revenue, watch time) go to ``audience_breakdown`` (dimension ``channel``).
* **Dimension tables** (``Viewer age``, ``Viewer gender``, ``Cities`` + ``City name``,
  ``Subscription status``, ``Geography``, ``Traffic source`` ...) -> ``audience_breakdown``;
  ``(%)`` metrics become unit ``share`` (value / 100), durations ``H:MM:SS`` and watch time
  hours become unit ``seconds``.

Headers are matched after removing the soft hyphens of German exports, accents and case.
The account is ``--account`` when given; the Studio CSVs never name the channel, so it is
otherwise ``"default"`` (``DEFAULT_ACCOUNT``): import each channel's files with ``--account``
to keep channels apart. Net subscribers in a Totals file are split into
``new_followers`` (days >= 0) and ``lost_followers`` (days < 0, absolute value) so that
``sum(new) - sum(lost)`` equals the net change the export reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, data_records, head_records, rows_to_frame
from connectors.readers import Document, Kind, dates, header_key, is_missing, numbers

DEFAULT_ACCOUNT = "default"
PLATFORM = "youtube"

TOTAL_LABELS = {"total", "totals", "gesamt", "insgesamt", "totaux", "totales", "totale", "grand total", "total geral"}


def _keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


DATE = _keys("Date", "Datum", "Data", "Fecha")
CONTENT = _keys("Content", "Contenu", "Video", "Inhalt", "Conteúdo", "Contenido", "Contenuto")
TITLE = _keys("Video title", "Titre de la vidéo", "Videotitel", "Título do vídeo", "Título del video", "Titolo del video")
PUBLISH = _keys(
    "Video publish time", "Heure de publication de la vidéo", "Date de publication de la vidéo", "Veröffentlichungszeitpunkt des Videos",
    "Horário de publicação do vídeo", "Hora de publicación del video", "Fecha de publicación del video", "Ora di pubblicazione del video",
)
DURATION = _keys("Duration", "Durée", "Dauer", "Duração", "Duración", "Durata")
CITY_NAME = _keys("City name", "Nom de la ville", "Name der Stadt", "Stadtname", "Nome da cidade", "Nombre de la ciudad")

# canonical metric -> header aliases (any interface language we know)
METRICS: dict[str, frozenset[str]] = {
    "views": _keys("Views", "Vues", "Aufrufe", "Visualizações", "Visualizaciones", "Vistas", "Visualizzazioni"),
    "watch_time_hours": _keys(
        "Watch time (hours)", "Durée de visionnage (heures)", "Wiedergabezeit (Stunden)", "Tempo de exibição (horas)",
        "Tiempo de visualización (horas)", "Tempo di visualizzazione (ore)",
    ),
    "subscribers_net": _keys("Subscribers", "Abonnés", "Abonnenten", "Inscritos", "Suscriptores", "Iscritti"),
    "subscribers_gained": _keys(
        "Subscribers gained", "Abonnés gagnés", "Nouveaux abonnés", "Gewonnene Abonnenten", "Abonnenten gewonnen", "Inscritos obtidos",
        "Inscritos ganhos", "Suscriptores obtenidos", "Suscriptores ganados",
    ),
    "subscribers_lost": _keys(
        "Subscribers lost", "Abonnés perdus", "Verlorene Abonnenten", "Abonnenten verloren", "Inscritos perdidos", "Suscriptores perdidos",
    ),
    "impressions": _keys("Impressions", "Impressionen", "Impressões", "Impresiones", "Impressioni"),
    "unique_viewers": _keys("Unique viewers", "Spectateurs uniques", "Einzelne Zuschauer", "Espectadores únicos", "Usuarios únicos", "Spettatori unici"),
    "likes": _keys("Likes", "J'aime", "Mag ich", "„Mag ich“-Bewertungen", "Marcações \"Gostei\"", "Me gusta", "Mi piace"),
    "comments": _keys("Comments", "Comments added", "Commentaires", "Commentaires ajoutés", "Kommentare", "Comentários", "Comentarios", "Commenti"),
    "shares": _keys("Shares", "Partages", "Geteilte Inhalte", "Mal geteilt", "Compartilhamentos", "Veces compartido", "Condivisioni"),
    "average_view_duration": _keys(
        "Average view duration", "Durée moyenne d'une vue", "Durée moyenne de visionnage", "Durchschnittliche Wiedergabedauer",
        "Duração média da visualização", "Duración promedio de las vistas", "Durata media visualizzazione",
    ),
    "impressions_ctr": _keys(
        "Impressions click-through rate (%)", "Taux de clics par impression (%)", "Taux de clics des impressions (%)",
        "Klickrate der Impressionen (%)", "Taxa de cliques de impressões (%)", "Porcentaje de clics de las impresiones (%)",
    ),
    "average_percentage_viewed": _keys(
        "Average percentage viewed (%)", "Pourcentage moyen de vidéo regardé (%)", "Durchschnittlich angesehener Prozentsatz (%)",
        "Porcentagem média visualizada (%)", "Porcentaje medio visto (%)",
    ),
}
_REVENUE = re.compile(
    r"^(?:your )?(?:estimated revenue|estimated partner revenue|revenus estimes|geschatzter umsatz|receita estimada|ingresos estimados|entrate stimate)"
    r"(?: \(([a-z]{3})\))?$"
)

# first header of a dimension table -> dimension id
DIMENSIONS: dict[str, frozenset[str]] = {
    "age": _keys("Viewer age", "Âge du spectateur", "Âge des spectateurs", "Alter der Zuschauer", "Idade do espectador", "Edad del espectador", "Età spettatore"),
    "gender": _keys(
        "Viewer gender", "Sexe du spectateur", "Genre du spectateur", "Geschlecht der Zuschauer", "Gênero do espectador", "Sexo del espectador",
        "Genere spettatore",
    ),
    "city": _keys("Cities", "Villes", "Städte", "Cidades", "Ciudades", "Città"),
    "country": _keys("Geography", "Géographie", "Geografie", "Geografia", "Geografía"),
    "subscription_status": _keys(
        "Subscription status", "Statut d'abonnement", "Statut de l'abonnement", "Abostatus", "Abonnementstatus", "Status da inscrição",
        "Estado de la suscripción", "Stato dell'iscrizione",
    ),
    "traffic_source": _keys("Traffic source", "Source de trafic", "Besucherquelle", "Zugriffsquelle", "Origem do tráfego", "Fuente de tráfico"),
    "device": _keys("Device type", "Type d'appareil", "Gerätetyp", "Tipo de dispositivo", "Tipo di dispositivo"),
    "operating_system": _keys("Operating system", "Système d'exploitation", "Betriebssystem", "Sistema operacional", "Sistema operativo"),
    "content_type": _keys("Content type", "Type de contenu", "Inhaltstyp", "Tipo de conteúdo", "Tipo de contenido"),
    "subscription_source": _keys("Subscription source", "Source d'abonnement", "Abonnementquelle", "Origem da inscrição", "Fuente de suscripción"),
    "playback_location": _keys("Playback location", "Emplacement de lecture", "Wiedergabeort", "Local de reprodução", "Ubicación de reproducción"),
    "sharing_service": _keys("Sharing service", "Service de partage", "Dienst zum Teilen", "Serviço de compartilhamento", "Servicio para compartir"),
    "viewer_type": _keys("New and returning viewers", "Nouveaux spectateurs et spectateurs connus", "Neue und wiederkehrende Zuschauer"),
    "language": _keys("Subtitles and CC", "Audio language", "Langue audio", "Sous-titres"),
}


def _metric(key: str) -> tuple[str, str | None] | None:
    """(canonical metric, currency) for a header key, or None."""
    for canon, names in METRICS.items():
        if key in names:
            return canon, None
    m = _REVENUE.match(key)
    if m:
        return "revenue", (m.group(1) or "").upper() or None
    return None


def _dimension(key: str) -> str | None:
    for dim, names in DIMENSIONS.items():
        if key in names:
            return dim
    return None


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.replace("(%)", "")).strip("_") or "value"


# ----------------------------------------------------------------------------- classification


def _header(doc: Document) -> tuple[int, list[str]] | None:
    if doc.kind != Kind.TEXT:
        return None
    for rec in head_records(doc, 5):
        if rec.cells and any(c.strip() for c in rec.cells):
            return rec.line, rec.cells
    return None


def classify(cells: Sequence[str]) -> tuple[str, float]:
    """('table'|'chart_content'|'chart_dim'|'totals'|'dimension'|'', confidence)."""
    keys = [header_key(c) for c in cells]
    while keys and keys[-1] == "":
        keys.pop()
    if len(keys) < 2:
        return "", 0.0
    distinctive = {"watch_time_hours", "average_view_duration", "impressions_ctr", "average_percentage_viewed", "unique_viewers", "revenue",
                   "subscribers_net", "subscribers_gained", "subscribers_lost"}
    if keys[0] in DATE:
        if keys[1] in CONTENT and len(keys) >= 3:
            rest = [k for k in keys[2:] if k not in TITLE | PUBLISH | DURATION]
            if rest and all(_metric(k) for k in rest):
                return "chart_content", 0.85 if (set(keys) & (TITLE | PUBLISH)) else 0.7
            return "", 0.0
        if _dimension(keys[1]) and len(keys) >= 3 and all(_metric(k) or k.endswith("(%)") for k in keys[2:]):
            return "chart_dim", 0.8
        ms = [_metric(k) for k in keys[1:]]
        if all(ms):
            return "totals", 0.75 if any(m[0] in distinctive for m in ms if m) else 0.6
        return "", 0.0
    if keys[0] in CONTENT and any(k in TITLE for k in keys[1:3]):
        return "table", 0.9
    dim = _dimension(keys[0])
    if dim:
        rest = keys[1:]
        if dim == "city" and rest and rest[0] in CITY_NAME:
            rest = rest[1:]
        if rest and all(_metric(k) or k.endswith("(%)") for k in rest):
            return "dimension", 0.85
    return "", 0.0


# ----------------------------------------------------------------------------- value helpers


def _duration_seconds(values: Sequence[Any], file_name: str, column: str, lines: Sequence[int]) -> list[float | None]:
    out: list[float | None] = []
    for v, ln in zip(values, lines, strict=False):
        if is_missing(v):
            out.append(None)
            continue
        s = str(v).strip()
        m = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})", s)
        if m:
            out.append(float(int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(3))))
            continue
        try:
            out.append(float(s))
        except ValueError:
            raise ImportFailure(file_name, "not a duration", int(ln), column, "a duration H:MM:SS", s, code="number") from None
    return out


def _is_total(v: Any) -> bool:
    return isinstance(v, str) and header_key(v) in TOTAL_LABELS


def _is_footnote(cells: Sequence[str]) -> bool:
    """``Showing top 500 results`` and similar lines below a table: nothing but the first cell."""
    return bool(cells) and bool(cells[0].strip()) and all(not c.strip() for c in cells[1:])


def range_from_name(file_name: str) -> tuple[dt.date, dt.date] | None:
    """``... 2025-06-13_2025-10-12 ...`` in a file name (the Studio zip name carries the range)."""
    m = re.search(r"(\d{4}-\d{2}-\d{2})[_ ]+(\d{4}-\d{2}-\d{2})", file_name)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
    except ValueError:
        return None


def _account(ctx: ParseContext) -> str:
    return ctx.account or DEFAULT_ACCOUNT


def _as_of(file_name: str) -> pd.Timestamp | None:
    r = range_from_name(file_name)
    return pd.Timestamp(r[1], tz="UTC") if r else None


_POST_TARGET = {"likes": "reactions"}


def _sources(header: Sequence[str], metric_cols: dict[int, Any], fixed: dict[str, int | None]) -> dict[str, str]:
    """canonical column -> the file's own header (for validation messages)."""
    out = {c: str(header[i]).strip() for c, i in fixed.items() if i is not None}
    for i, (canon, _cur) in metric_cols.items():
        out[_POST_TARGET.get(canon, canon)] = str(header[i]).strip()
    return out


class _Cols:
    """Numeric columns of a chunk parsed by metric kind."""

    def __init__(self, doc: Document, header: Sequence[str], raw: pd.DataFrame) -> None:
        self.doc, self.header, self.raw = doc, header, raw
        self.lines = raw["_line"].tolist()

    def value(self, i: int, canon: str) -> tuple[list[float | None], str]:
        """(values, unit) for column ``i`` holding metric ``canon``; percents as shares,
        durations and watch hours in seconds where ``unit`` says so."""
        col = self.raw[f"c{i}"].tolist()
        name = str(self.header[i]).strip()
        key = header_key(name)
        if canon == "average_view_duration":
            return _duration_seconds(col, self.doc.file_name, name, self.lines), "seconds"
        integer = canon in ("views", "subscribers_net", "subscribers_gained", "subscribers_lost", "impressions", "unique_viewers", "likes", "comments", "shares")
        vals = numbers(col, self.doc.file_name, name, self.lines, integer=integer and not key.endswith("(%)"))
        if key.endswith("(%)"):
            return [None if v is None else v / 100.0 for v in vals], "share"
        return vals, "count"


# ----------------------------------------------------------------------------- formats


class _YouTube(Format):
    kind = ""

    def sniff(self, doc: Document) -> float:
        h = _header(doc)
        if h is None:
            return 0.0
        kind, conf = classify(h[1])
        return conf if kind == self.kind else 0.0

    def _start(self, doc: Document) -> tuple[int, list[str]]:
        h = _header(doc)
        if h is None or classify(h[1])[0] != self.kind:
            raise ImportFailure(doc.file_name, "not a YouTube Studio export", 1, None, self.label, "another layout", code="unknown_layout")
        return h


class YouTubeTable(_YouTube):
    name = "youtube_studio_table"
    label = "YouTube Studio – table data by content"
    tables = ("posts",)
    kind = "table"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        keys = [header_key(c) for c in header]
        title = next((i for i, k in enumerate(keys) if k in TITLE), None)
        publish = next((i for i, k in enumerate(keys) if k in PUBLISH), None)
        metric_cols = {i: _metric(k) for i, k in enumerate(keys) if i > 0 and _metric(k)}
        as_of = _as_of(doc.file_name)
        for chunk in data_records(doc, line, header=header):
            chunk = [r for r in chunk if not _is_total(r.cells[0]) and not (_is_footnote(r.cells) and not re.fullmatch(r"[A-Za-z0-9_-]{11}", r.cells[0].strip()))]
            if not chunk:
                continue
            raw = rows_to_frame(chunk, len(header))
            cols = _Cols(doc, header, raw)
            out = pd.DataFrame({"_line": raw["_line"]})
            ids = raw["c0"].str.strip()
            out["post_id"] = ids
            out["platform"] = PLATFORM
            out["account"] = _account(ctx)
            out["url"] = "https://www.youtube.com/watch?v=" + ids
            out["post_type"] = "video"
            if title is not None:
                t = raw[f"c{title}"]
                out["text"] = t.where(t.str.strip() != "", None)
            if publish is not None:
                out["published_at"] = dates(raw[f"c{publish}"].tolist(), doc.file_name, header[publish], cols.lines, with_time=True, tz=ctx.timezone)
            for i, (canon, _cur) in metric_cols.items():
                target = {"likes": "reactions", "watch_time_hours": "watch_time_hours", "revenue": "revenue", "views": "views",
                          "impressions": "impressions", "comments": "comments", "shares": "shares", "subscribers_net": "subscribers_net"}.get(canon)
                if target is None:
                    continue
                vals, _unit = cols.value(i, canon)
                out[target] = vals
            out["as_of"] = as_of
            out["source_format"] = self.name
            out.attrs["source_columns"] = _sources(header, metric_cols, {"post_id": 0, "text": title, "published_at": publish})
            yield "posts", out


class YouTubeChart(_YouTube):
    name = "youtube_studio_chart"
    label = "YouTube Studio – chart data (daily by content)"
    tables = ("content_daily",)
    kind = "chart_content"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        keys = [header_key(c) for c in header]
        metric_cols = {i: _metric(k) for i, k in enumerate(keys) if i > 1 and _metric(k)}
        for chunk in data_records(doc, line, header=header):
            chunk = [r for r in chunk if not _is_total(r.cells[1] if len(r.cells) > 1 else "") and not _is_footnote(r.cells)]
            if not chunk:
                continue
            raw = rows_to_frame(chunk, len(header))
            cols = _Cols(doc, header, raw)
            out = pd.DataFrame({"_line": raw["_line"]})
            out["date"] = dates(raw["c0"].tolist(), doc.file_name, header[0], cols.lines)
            out["post_id"] = raw["c1"].str.strip()
            out["platform"] = PLATFORM
            out["account"] = _account(ctx)
            for i, (canon, _cur) in metric_cols.items():
                target = {"likes": "reactions"}.get(canon, canon)
                if target in ("views", "watch_time_hours", "subscribers_net", "impressions", "reactions", "comments", "shares", "revenue"):
                    out[target] = cols.value(i, canon)[0]
            out["source_format"] = self.name
            out.attrs["source_columns"] = _sources(header, metric_cols, {"date": 0, "post_id": 1})
            yield "content_daily", out


def _breakdown_rows(
    out_rows: list[pd.DataFrame], base: pd.DataFrame, cols: _Cols, header: Sequence[str], metric_idx: Sequence[int]
) -> None:
    for i in metric_idx:
        key = header_key(header[i])
        m = _metric(key) or (_metric(key[: -len("(%)")].strip()) if key.endswith("(%)") else None)
        canon = m[0] if m else _slug(key)
        if canon == "revenue":
            vals, unit = cols.value(i, canon)[0], "currency"
        else:
            vals, unit = cols.value(i, canon)
            if canon == "watch_time_hours":
                canon = "watch_time"
                if unit == "count":
                    vals, unit = [None if v is None else v * 3600.0 for v in vals], "seconds"
        f = base.copy()
        f["metric"] = canon if not (m and m[1]) else f"{canon}_{m[1].lower()}"
        f["value"] = vals
        f["unit"] = unit
        out_rows.append(f)


class YouTubeChartDimension(_YouTube):
    name = "youtube_studio_chart_dimension"
    label = "YouTube Studio – chart data (daily by subscription status, age, ...)"
    tables = ("audience_breakdown",)
    kind = "chart_dim"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        dim = _dimension(header_key(header[1])) or _slug(header_key(header[1]))
        for chunk in data_records(doc, line, header=header):
            chunk = [r for r in chunk if not _is_footnote(r.cells) and not _is_total(r.cells[1] if len(r.cells) > 1 else "")]
            if not chunk:
                continue
            raw = rows_to_frame(chunk, len(header))
            cols = _Cols(doc, header, raw)
            d = dates(raw["c0"].tolist(), doc.file_name, header[0], cols.lines)
            base = pd.DataFrame({"_line": raw["_line"], "period_start": d, "period_end": d})
            base["platform"], base["account"], base["dimension"] = PLATFORM, _account(ctx), dim
            base["dimension_value"] = raw["c1"].str.strip()
            base["source_format"] = self.name
            parts: list[pd.DataFrame] = []
            _breakdown_rows(parts, base, cols, header, range(2, len(header)))
            yield "audience_breakdown", pd.concat(parts, ignore_index=True)


class YouTubeTotals(_YouTube):
    name = "youtube_studio_totals"
    label = "YouTube Studio – totals (daily)"
    tables = ("audience", "audience_breakdown")
    kind = "totals"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        keys = [header_key(c) for c in header]
        metric_cols = {i: _metric(k) for i, k in enumerate(keys) if i > 0 and _metric(k)}
        audience_map = {"views": "views", "unique_viewers": "reach", "impressions": "impressions", "likes": "reactions",
                        "comments": "comments", "shares": "shares", "subscribers_gained": "new_followers", "subscribers_lost": "lost_followers"}
        for chunk in data_records(doc, line, header=header):
            chunk = [r for r in chunk if not _is_total(r.cells[0]) and not _is_footnote(r.cells)]
            if not chunk:
                continue
            raw = rows_to_frame(chunk, len(header))
            cols = _Cols(doc, header, raw)
            d = dates(raw["c0"].tolist(), doc.file_name, header[0], cols.lines)
            aud = pd.DataFrame({"_line": raw["_line"], "date": d})
            aud["platform"], aud["account"], aud["source_format"] = PLATFORM, _account(ctx), self.name
            has_aud = False
            extra: list[pd.DataFrame] = []
            for i, (canon, _cur) in metric_cols.items():
                if canon in audience_map:
                    aud[audience_map[canon]] = cols.value(i, canon)[0]
                    has_aud = True
                elif canon == "subscribers_net":
                    net = cols.value(i, canon)[0]
                    aud["new_followers"] = [None if v is None else (v if v >= 0 else None) for v in net]
                    aud["lost_followers"] = [None if v is None else (-v if v < 0 else None) for v in net]
                    has_aud = True
                else:
                    base = pd.DataFrame({"_line": raw["_line"], "period_start": d, "period_end": d})
                    base["platform"], base["account"], base["source_format"] = PLATFORM, _account(ctx), self.name
                    base["dimension"], base["dimension_value"] = "channel", "total"
                    _breakdown_rows(extra, base, cols, header, [i])
            if has_aud:
                aud.attrs["source_columns"] = {
                    **{audience_map[m[0]]: header[i].strip() for i, m in metric_cols.items() if m[0] in audience_map},
                    **{c: header[i].strip() for i, m in metric_cols.items() if m[0] == "subscribers_net" for c in ("new_followers", "lost_followers")},
                    "date": header[0].strip(),
                }
                yield "audience", aud
            if extra:
                yield "audience_breakdown", pd.concat(extra, ignore_index=True)


class YouTubeDimension(_YouTube):
    name = "youtube_studio_dimension"
    label = "YouTube Studio – table by viewer age, gender, city, subscription status, ..."
    tables = ("audience_breakdown",)
    kind = "dimension"

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        line, header = self._start(doc)
        keys = [header_key(c) for c in header]
        dim = _dimension(keys[0]) or _slug(keys[0])
        name_col = 1 if (dim == "city" and len(keys) > 1 and keys[1] in CITY_NAME) else None
        first_metric = 2 if name_col else 1
        rng = range_from_name(doc.file_name)
        start, end = (rng if rng else (None, None))
        records = [r for chunk in data_records(doc, line, header=header) for r in chunk]  # dimension tables are small (top 500)
        records = [r for r in records if not _is_total(r.cells[0]) and not _is_footnote(r.cells)]
        if not records:
            return
        raw = rows_to_frame(records, len(header))
        cols = _Cols(doc, header, raw)
        values = raw["c0"].str.strip()
        if name_col:
            names = raw[f"c{name_col}"].str.strip()
            names = names.where(names != "", values)
            dup = names.duplicated(keep=False)
            values = names.where(~dup, names + " [" + values + "]")
        base = pd.DataFrame({"_line": raw["_line"], "dimension_value": values})
        base["period_start"], base["period_end"] = start, end
        base["platform"], base["account"], base["dimension"], base["source_format"] = PLATFORM, _account(ctx), dim, self.name
        parts: list[pd.DataFrame] = []
        _breakdown_rows(parts, base, cols, header, range(first_metric, len(header)))
        yield "audience_breakdown", pd.concat(parts, ignore_index=True)


FORMATS = [YouTubeTable(), YouTubeChart(), YouTubeChartDimension(), YouTubeTotals(), YouTubeDimension()]
