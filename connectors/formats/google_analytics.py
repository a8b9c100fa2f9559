"""Google Analytics exports -> ``traffic``.

Formats (FORMATS.md §6, FORMATS_FR.md "Google Analytics 4"):

* ``ga4_report`` - GA4 standard report / overview / "Reports snapshot" downloads
  (``Instantané des rapports``): a ``#`` preamble (report, ``Account``/``Compte``,
  ``Property``/``Propriété``, ``Start date``/``Date de début`` ...), then one or **several
  stacked blocks**, each with its own optional comment lines (dates, question-style title,
  segment) and header; blocks are separated by blank lines; empty blocks occur. Also the
  same files re-saved without their comment lines (header only).
* ``ga4_exploration`` - Explorations download: short preamble (``# <property>``,
  ``# <exploration>-<tab>``, ``# YYYYMMDD-YYYYMMDD``), first data row = grand total with
  an empty first cell and an extra trailing ``Grand total`` cell (dropped).
* ``ga4_data_api`` - GA4 Data API output saved by a script (API names: ``date``,
  ``sessionSource``, ``totalUsers`` ...).
* ``ua_report`` / ``ua_report_xlsx`` - Universal Analytics CSV (preamble, main table,
  ``Day Index`` table, unlabelled total rows; display values ``96.02%``, ``00:00:12``,
  ``£0.00``, ``"3,215"``) and XLSX (``Summary``, ``Dataset1``, ``Dataset2``).

Mapping, block by block:

* time: a ``Date`` (YYYYMMDD) or ``Day Index`` column gives ``grain='day'`` rows;
  ``Nth day``/``Nième jour`` gives day = block start + N; ``Nth week``/``Nth month``
  give ``grain='period'`` rows for that week/month (clipped to the block's range);
  otherwise the block is one period: ``grain='period'``, ``date = period_start`` =
  the block's start date, ``period_end`` = its end date.
* dimensions: session/first-user source / medium (split on `` / ``), source, medium,
  campaign, ad content, term, default channel group (-> ``channel``), landing page / page
  path (-> ``landing_page``, tracking parameters removed by :mod:`connectors.utm`, whose
  UTM tags fill source/medium/campaign/content/term when the report has no such column);
  any other dimension (event name, page title, city, country...) -> ``dimension`` (a
  language-independent name such as ``event_name``, ``page_title``, ``city``) and
  ``dimension_value``. Two such dimensions are joined (``city+device_category``,
  ``Paris | mobile``). A block for a non-default segment (``# Mobile traffic``) adds the
  dimension ``segment``.
* metrics: counts only (rates and averages are not stored). ``Total users`` >
  ``Active users`` > ``Users`` -> ``users``. UA goal columns ``<name> (Goal N Completions)``
  are summed into ``conversions`` (unless an all-goals ``Goal Completions`` column exists).
  ``engaged_sessions`` is derived as ``round(engagement rate x sessions)`` only when the
  export has the rate and sessions but not the count (GA4 defines the rate as exactly that
  ratio, so the derived count is the count GA4 had).
* the GA4 snapshot card ``Nth day,new,returning`` gives ``users`` per day for
  ``dimension='user_type'`` = ``new`` / ``returning``.

Rows with the same key inside a block (landing pages that differ only by click ids)
are summed; the same key in two blocks (two cards of one overview over the same period,
e.g. ``City,Users`` and ``City,Users,New users``) is merged, each metric taken from the
first block that has it. Comparison blocks (the same table for a previous period) differ
by their dates, which are part of the key.

``property``: ``ctx.account`` when given, else the preamble's ``Property:`` (or the
exploration/UA first comment line: property or view name), else null.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import CHUNK_ROWS, Format, ParseContext, _ends_with_newline, head_records
from connectors.readers import Document, Kind, Record, dates, header_key, numbers
from connectors.utm import normalise_landing_page, parse_utm

# ----------------------------------------------------------------------------- vocabulary


def _keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


# canonical metric -> [(priority, aliases)] (lower priority wins when several columns map)
METRIC_ALIASES: dict[str, list[tuple[int, frozenset[str]]]] = {
    "sessions": [(0, _keys("Sessions", "sessions", "Sesiones", "Sitzungen", "Sessões", "Visits", "Visites"))],
    "users": [
        (0, _keys("Total users", "Utilisateurs totaux", "totalUsers", "Total de usuarios", "Nutzer insgesamt", "Total de usuários")),
        (1, _keys("Active users", "Utilisateurs actifs", "activeUsers", "Usuarios activos", "Aktive Nutzer", "Usuários ativos")),
        (2, _keys("Users", "Utilisateurs", "Usuarios", "Nutzer", "Usuários")),
    ],
    "new_users": [(0, _keys("New users", "Nouveaux utilisateurs", "newUsers", "Nuevos usuarios", "Neue Nutzer", "Novos usuários"))],
    "engaged_sessions": [
        (0, _keys("Engaged sessions", "Sessions avec engagement", "engagedSessions", "Sesiones con interacción", "Sitzungen mit Interaktionen", "Sessões engajadas"))
    ],
    "views": [
        (0, _keys("Views", "Vues", "screenPageViews", "Vistas", "Aufrufe", "Visualizações")),
        (1, _keys("Pageviews", "Pages vues", "Páginas vistas", "Seitenaufrufe", "Visualizações de página")),
    ],
    "event_count": [(0, _keys("Event count", "Nombre d'événements", "eventCount", "Recuento de eventos", "Ereignisanzahl", "Contagem de eventos"))],
    "conversions": [
        (0, _keys("Key events", "Événements clés", "keyEvents", "Eventos clave", "Schlüsselereignisse", "Eventos-chave", "Goal Completions", "Objectifs réalisés")),
        (1, _keys("Conversions", "conversions", "Conversiones", "Conversões")),
    ],
    "revenue": [
        (0, _keys("Total revenue", "Revenu total", "totalRevenue", "Ingresos totales", "Gesamtumsatz", "Receita total", "Revenue", "Transaction Revenue", "Revenus")),
        (1, _keys("Purchase revenue", "Revenu généré par les achats", "purchaseRevenue")),
    ],
}
COUNT_METRICS = ("sessions", "users", "new_users", "engaged_sessions", "views", "event_count")
FLOAT_METRICS = ("conversions", "revenue")
METRICS = COUNT_METRICS + FLOAT_METRICS

ENGAGEMENT_RATE = _keys("Engagement rate", "Taux d'engagement", "engagementRate", "Porcentaje de interacciones", "Interaktionsrate", "Taxa de engajamento")
GOAL_COMPLETIONS_RE = re.compile(r"\(goal \d+ completions\)$|^goal \d+ completions$|\(objectif \d+ realises\)$")

TIME_ALIASES: dict[str, frozenset[str]] = {
    "date": _keys("Date", "date", "Fecha", "Datum", "Data", "Day Index", "Index des jours", "Día", "Jour", "Day"),
    "datehour": _keys("Date + hour (YYYYMMDDHH)", "Date + hour", "dateHour", "Date + heure (AAAAMMJJHH)", "Date + heure"),
    "nth_day": _keys("Nth day", "Nième jour", "nthDay", "N.º de día", "N. Tag", "Enésimo dia"),
    "nth_week": _keys("Nth week", "Nième semaine", "nthWeek", "N.º de semana", "N. Woche", "Enésima semana"),
    "nth_month": _keys("Nth month", "Nième mois", "nthMonth", "N.º de mes", "N. Monat", "Enésimo mês"),
}

DIM_ALIASES: dict[str, frozenset[str]] = {
    "source_medium": _keys(
        "Session source / medium", "Source/Support de la session", "Source / support de la session", "sessionSourceMedium",
        "First user source / medium", "Première combinaison source/support de l'utilisateur", "firstUserSourceMedium",
        "Source / Medium", "Source/Support", "Source / support", "Fuente / medio de la sesión", "Sitzungsquelle / -medium",
        "Origem / mídia da sessão", "Session source/medium", "First user source/medium",
    ),
    "source": _keys(
        "Session source", "Source de la session", "sessionSource", "First user source", "Source du premier utilisateur",
        "firstUserSource", "Source", "source", "Fuente de la sesión", "Sitzungsquelle", "Origem da sessão",
    ),
    "medium": _keys(
        "Session medium", "Support de la session", "sessionMedium", "First user medium", "Support du premier utilisateur",
        "firstUserMedium", "Medium", "medium", "Support", "Medio de la sesión", "Sitzungsmedium", "Mídia da sessão",
    ),
    "campaign": _keys(
        "Session campaign", "Campagne de la session", "sessionCampaignName", "Session manual campaign name",
        "sessionManualCampaignName", "First user campaign", "Première campagne de l'utilisateur", "firstUserCampaignName",
        "Campaign", "Campagne", "campaignName", "Campaña de la sesión", "Sitzungskampagne", "Campanha da sessão",
    ),
    "content": _keys("Session manual ad content", "sessionManualAdContent", "Ad Content", "Contenu de l'annonce", "Contenu de l'annonce manuel de la session"),
    "term": _keys("Session manual term", "sessionManualTerm", "Keyword", "Mot clé", "Terme manuel de la session"),
    "channel": _keys(
        "Session default channel group", "Session primary channel group (Default channel group)", "Default channel group",
        "First user default channel group", "First user primary channel group (Default channel group)",
        "Groupe de canaux principal de la session", "Groupe de canaux par défaut pour la session",
        "Groupe de canaux principal de la session (Groupe de canaux par défaut)",
        "Groupe de canaux principal du premier utilisateur (Groupe de canaux par défaut)",
        "Groupe de canaux par défaut du premier utilisateur", "Groupe de canaux par défaut", "Groupe de canaux",
        "sessionDefaultChannelGroup", "sessionPrimaryChannelGroup", "firstUserDefaultChannelGroup", "defaultChannelGroup",
        "Default Channel Grouping", "Channel Grouping", "Grupo de canales predeterminado de la sesión",
        "Standard-Channelgruppe der Sitzung", "Grupo de canais padrão da sessão",
    ),
    "landing_page": _keys(
        "Landing page", "Landing page + query string", "Page de destination", "Page de destination + chaîne de requête",
        "landingPage", "landingPagePlusQueryString", "Page path + query string", "Chemin de la page + chaîne de requête",
        "pagePathPlusQueryString", "Page path and screen class", "Chemin de la page et classe de l'écran",
        "Page path", "Chemin de la page", "pagePath", "Page location", "Emplacement de la page", "pageLocation",
        "Page", "Landing Page", "Página de destino", "Landingpage", "Seitenpfad und Bildschirmklasse",
        "Ruta de la página y clase de pantalla", "Caminho da página e classe da tela",
    ),
}

# other dimensions: language-independent names, so that FR and EN files land alike
OTHER_DIMS: dict[str, frozenset[str]] = {
    "event_name": _keys("Event name", "Nom de l'événement", "eventName", "Nombre del evento", "Ereignisname", "Nome do evento"),
    "page_title": _keys(
        "Page title and screen class", "Titre de la page et classe de l'écran", "Page title", "Titre de la page", "pageTitle",
        "Page title and screen name", "Titre de la page et nom de l'écran", "Título de la página y clase de pantalla",
        "Seitentitel und Bildschirmklasse", "Título da página e classe da tela",
    ),
    "city": _keys("City", "Ville", "city", "Ciudad", "Stadt", "Cidade"),
    "country": _keys("Country", "Pays", "country", "País", "Land"),
    "country_id": _keys("Country ID", "Identifiant du pays", "countryId", "ID del país", "Länder-ID", "ID do país"),
    "region": _keys("Region", "Région", "region", "Región", "Região"),
    "continent": _keys("Continent", "continent", "Kontinent", "Continente"),
    "platform": _keys("Platform", "Plate-forme", "Plateforme", "platform", "Plataforma", "Plattform"),
    "device_category": _keys("Device category", "Catégorie d'appareil", "deviceCategory", "Categoría de dispositivo", "Gerätekategorie", "Categoria de dispositivo"),
    "operating_system": _keys("Operating system", "Système d'exploitation", "operatingSystem"),
    "browser": _keys("Browser", "Navigateur", "browser"),
    "language": _keys("Language", "Langue", "language", "Idioma", "Sprache"),
    "audience_name": _keys("Audience name", "Nom de l'audience", "audienceName", "Nombre de la audiencia", "Zielgruppenname", "Nome do público-alvo"),
    "user_type": _keys("New / returning", "Nouveaux / connus", "newVsReturning", "New/Established", "User Type", "Type d'utilisateur"),
    "gender": _keys("Gender", "Sexe", "userGender", "Género", "Geschlecht", "Gênero"),
    "age": _keys("Age", "Âge", "userAgeBracket", "Edad", "Alter", "Idade"),
    "cohort": _keys("Cohort", "Cohorte", "cohort"),
    "hostname": _keys("Hostname", "Nom d'hôte", "hostName"),
    "screen_resolution": _keys("Screen resolution", "Résolution de l'écran", "screenResolution"),
}
USER_TYPE_PIVOT = _keys("new", "returning", "nouveau", "connu")
DEFAULT_SEGMENTS = _keys("All Users", "Tous les utilisateurs", "Todos los usuarios", "Alle Nutzer", "Todos os usuários", "All Web Site Data")

# non-count metrics (rates, averages, durations, values): never stored, never dimensions
_SKIP_RE = re.compile(
    r"(^|\s)(rate|taux|avg|average|moyenne?|per|par|duration|duree|time|temps|bounce|rebond|ratio|value|valeur|exit|sortie|"
    r"arpu|arppu|max|min|day \d+|jour \d+|jours|days|returning users|utilisateurs connus|unique|entrances|entrees|purchasers|acheteurs)(\s|$)|%"
)
TOTAL_LABELS = _keys("Grand total", "Total général", "Total", "Totaux", "Gesamtsumme", "Total general", "Totales")

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(s: str) -> str:
    return _SLUG_RE.sub("_", header_key(s)).strip("_") or "dimension"


# ----------------------------------------------------------------------------- column classes


@dataclass
class Col:
    index: int
    header: str
    kind: str  # time | dim | metric | rate | goal | pivot | skip
    canon: str = ""
    prio: int = 0


def classify(header: Sequence[Any], sample: Sequence[Sequence[Any]] = ()) -> list[Col]:
    """Decide what every column of a GA block is (see the module docstring)."""
    cols: list[Col] = []
    only_dims_so_far = True  # every column before this one is a dimension or time (kept as we go: no O(n^2))
    for i, h in enumerate(header):
        raw = "" if h is None else str(h)
        k = header_key(raw)
        c = Col(i, raw.strip(), "skip")
        if not k:
            cols.append(c)
            only_dims_so_far = False
            continue
        for canon, keys in TIME_ALIASES.items():
            if k in keys:
                c.kind, c.canon = "time", canon
        if c.kind == "skip":
            for canon, prios in METRIC_ALIASES.items():
                for prio, keys in prios:
                    if k in keys:
                        c.kind, c.canon, c.prio = "metric", canon, prio
        if c.kind == "skip":
            for canon, keys in DIM_ALIASES.items():
                if k in keys:
                    c.kind, c.canon = "dim", canon
        if c.kind == "skip":
            for canon, keys in OTHER_DIMS.items():
                if k in keys:
                    c.kind, c.canon = "dim", "dimension:" + canon
        if c.kind == "skip":
            if k in ENGAGEMENT_RATE:
                c.kind, c.canon = "rate", "engagement_rate"
            elif GOAL_COMPLETIONS_RE.search(k):
                c.kind, c.canon = "goal", "conversions"
            elif k in USER_TYPE_PIVOT:
                c.kind, c.canon = "pivot", k
            elif only_dims_so_far and not _SKIP_RE.search(k) and _textual(sample, i):
                c.kind, c.canon = "dim", "dimension:" + slug(raw)
        cols.append(c)
        only_dims_so_far = only_dims_so_far and c.kind in ("dim", "time")
    # one column per canonical metric: the best priority, then the first
    best: dict[str, Col] = {}
    for c in cols:
        if c.kind == "metric" and (c.canon not in best or c.prio < best[c.canon].prio):
            best[c.canon] = c
    for c in cols:
        if c.kind == "metric" and best[c.canon] is not c:
            c.kind = "skip"
    if any(c.kind == "metric" and c.canon == "conversions" and c.prio == 0 and "goal" in header_key(c.header) for c in cols):
        for c in cols:
            if c.kind == "goal":
                c.kind = "skip"  # 'Goal Completions' (all goals) already given
    if not any(c.kind in ("dim", "time") for c in cols) and cols and cols[0].kind == "skip" and not _SKIP_RE.search(header_key(cols[0].header)):
        if _textual(sample, 0) or not sample:
            cols[0].kind, cols[0].canon = "dim", "dimension:" + slug(cols[0].header)
    return cols


def _textual(sample: Sequence[Sequence[Any]], i: int) -> bool:
    """True when the column's sample values are not all numbers (a dimension)."""
    vals = [r[i] for r in sample if i < len(r) and r[i] not in (None, "")]
    if not vals:
        return True
    for v in vals:
        if isinstance(v, (int, float)):
            continue
        s = str(v).strip().replace(",", "").replace("%", "")
        if not re.fullmatch(r"-?\d+(\.\d+)?(e[+-]?\d+)?", s, re.I):
            return True
    return False


_DISTINCTIVE = (
    frozenset().union(*(keys for _, keys in METRIC_ALIASES["sessions"]))
    | METRIC_ALIASES["users"][0][1] | METRIC_ALIASES["users"][1][1]
    | METRIC_ALIASES["new_users"][0][1] | METRIC_ALIASES["engaged_sessions"][0][1]
    | METRIC_ALIASES["event_count"][0][1] | METRIC_ALIASES["conversions"][0][1]
    | TIME_ALIASES["nth_day"] | TIME_ALIASES["nth_week"] | TIME_ALIASES["nth_month"]
    | DIM_ALIASES["source_medium"] | DIM_ALIASES["channel"]
    | (DIM_ALIASES["landing_page"] - _keys("Page", "Page path", "Chemin de la page"))
    | OTHER_DIMS["event_name"] | OTHER_DIMS["page_title"] | OTHER_DIMS["audience_name"] | OTHER_DIMS["country_id"]
) - _keys("Visits", "Visites", "Goal Completions", "Objectifs réalisés")


def has_ga_labels(cells: Sequence[Any], minimum: int = 1) -> bool:
    """Does a header row use GA4 UI labels (not the generic words every platform uses)?
    API camelCase names belong to ``ga4_data_api``."""
    n = sum(1 for c in cells if isinstance(c, str) and not re.search(r"[a-z][A-Z]", c) and header_key(c) in _DISTINCTIVE)
    return n >= minimum


# ----------------------------------------------------------------------------- blocks


@dataclass
class Block:
    header: list[Any]
    line: int
    start: dt.date | None = None
    end: dt.date | None = None
    segment: str | None = None
    sheet: str | None = None
    rows: list[Record] = field(default_factory=list)


@dataclass
class Preamble:
    account: str | None = None
    property: str | None = None
    first_line: str | None = None
    report: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    segment: str | None = None


_DATE_LINE = re.compile(r"^(.*?)\s*:\s*(\d{8})\s*$")
_RANGE_LINE = re.compile(r"^(\d{8})\s*-\s*(\d{8})$")
_KV_LINE = re.compile(r"^(.+?)\s*:\s*(.+)$")
_END_WORDS = re.compile(r"\b(end|fin|ende|termino|finalizacion|final|fim)\b")
ACCOUNT_LABELS = _keys("Account", "Compte", "Cuenta", "Konto", "Conta")
PROPERTY_LABELS = _keys("Property", "Propriété", "Propiedad", "Propriedade", "View", "Vue", "Datenansicht")


def _ymd(s: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(s, "%Y%m%d").date()
    except ValueError:
        return None


def _comment_text(cells: Sequence[str], delimiter: str) -> str:
    s = delimiter.join(cells).strip()
    s = s.lstrip("#").replace("\u00a0", " ").replace("\u202f", " ")
    return s.strip().rstrip(delimiter).strip()


def read_comments(lines: Sequence[str], pre: Preamble | None = None) -> tuple[dt.date | None, dt.date | None, list[str]]:
    """Dates and plain lines of a comment group; fills ``pre`` (the file preamble) when given."""
    start = end = None
    plain: list[str] = []
    dashes = 0
    for t in lines:
        if not t:
            continue
        if re.fullmatch(r"-{3,}", t):
            dashes += 1
            continue
        m = _RANGE_LINE.match(t)
        if m:
            start, end = _ymd(m.group(1)), _ymd(m.group(2))
            continue
        m = _DATE_LINE.match(t)
        if m and _ymd(m.group(2)):
            label = header_key(m.group(1))
            if _END_WORDS.search(label) or (start is not None and end is None and not label):
                end = _ymd(m.group(2))
            else:
                start = _ymd(m.group(2))
            continue
        m = _KV_LINE.match(t)
        if m and pre is not None:
            label = header_key(m.group(1))
            if label in ACCOUNT_LABELS:
                pre.account = m.group(2).strip()
                continue
            if label in PROPERTY_LABELS:
                pre.property = m.group(2).strip()
                continue
        if t.endswith("?"):
            continue  # a card title: '# How much revenue are you generating?'
        if pre is not None and dashes < 2:
            if pre.first_line is None:
                pre.first_line = t
            elif pre.report is None:
                pre.report = t
            continue
        plain.append(t)
    if pre is not None:
        pre.start, pre.end = start, end
        pre.segment = plain[-1] if plain else None
    return start, end, plain


def text_blocks(doc: Document) -> tuple[Preamble, Iterator[Block]]:
    """The file's preamble and an iterator over its blocks (rows in chunks: a block may be
    yielded several times with the same ``line`` and the next rows)."""
    pre = Preamble()
    recs = doc.iter_records()
    pending: list[str] = []
    first: Record | None = None
    for rec in recs:
        if rec.cells and rec.cells[0].lstrip().startswith("#"):
            pending.append(_comment_text(rec.cells, doc.delimiter))
            continue
        if not rec.cells or all(not c.strip() for c in rec.cells):
            continue
        first = rec
        break
    read_comments(pending, pre)

    def gen() -> Iterator[Block]:
        if first is None:
            return
        cur = Block(header=first.cells, line=first.line, start=pre.start, end=pre.end, segment=pre.segment)
        last_start, last_end = pre.start, pre.end
        comments: list[str] = []
        last_rec: Record | None = None
        for rec in recs:
            cells = rec.cells
            blank = not cells or all(not c.strip() for c in cells)
            if not blank and cells[0].lstrip().startswith("#"):
                if cur is not None:
                    yield cur
                    cur = None
                comments.append(_comment_text(cells, doc.delimiter))
                continue
            if blank:
                if cur is not None:
                    yield cur
                    cur = None
                continue
            if cur is None:
                s, e, plain = read_comments(comments)
                if s is not None:
                    last_start, last_end = s, e
                seg = plain[-1] if plain else pre.segment
                cur = Block(header=cells, line=rec.line, start=last_start, end=last_end, segment=seg)
                comments = []
                continue
            cur.rows.append(rec)
            last_rec = rec
            if len(cur.rows) >= CHUNK_ROWS:
                yield cur
                cur = Block(header=cur.header, line=cur.line, start=cur.start, end=cur.end, segment=cur.segment)
        if cur is not None:
            if last_rec is not None and cur.rows and cur.rows[-1] is last_rec and len(last_rec.cells) < len(cur.header) and not _ends_with_newline(doc):
                raise ImportFailure(
                    doc.file_name, "the last line is cut short", last_rec.line, str(cur.header[len(last_rec.cells)]),
                    f"{len(cur.header)} fields", f"{len(last_rec.cells)} (file truncated?)", code="truncated",
                )
            yield cur

    return pre, gen()


# ----------------------------------------------------------------------------- block -> frame

KEY_COLS = ("grain", "date", "period_start", "period_end", "source", "medium", "campaign", "content", "term",
            "channel", "landing_page", "dimension", "dimension_value")


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    s = str(v).strip()
    if isinstance(v, float) and v.is_integer():
        s = str(int(v))
    return s or None


def _maybe_total(v: Any) -> bool:
    return isinstance(v, str) and v.lstrip()[:1] in "GgTtGg" and header_key(v) in TOTAL_LABELS


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def block_frame(block: Block, cols: list[Col], file_name: str, prop: str | None, fmt: str, file_range: tuple[dt.date | None, dt.date | None]) -> pd.DataFrame | None:
    """Canonical traffic rows of one block (chunk); None when the block stores nothing."""
    metric_cols = [c for c in cols if c.kind in ("metric", "goal", "pivot")]
    if not metric_cols:
        return None
    width = len(block.header)
    dims = [c for c in cols if c.kind in ("dim", "time")]
    rows: list[list[Any]] = []
    lines: list[int] = []
    for rec in block.rows:
        cells = list(rec.cells)
        if len(cells) > width:
            extra = cells[width:]
            if all(_text(x) is None for x in extra):
                cells = cells[:width]
            elif any(header_key(x) in TOTAL_LABELS for x in extra if isinstance(x, str)):
                continue  # exploration grand total: ',4311,Grand total'
            elif _text(extra[0]) is None and len(extra) == width - 1:
                cells = cells[:width]  # a total row glued to this row (UA test string): the total is dropped
            else:
                raise ImportFailure(file_name, "more values than column names", rec.line, None, f"{width} fields", f"{len(cells)} fields", code="width")
        cells = cells + [None] * (width - len(cells))
        if dims and all(_text(cells[c.index]) is None for c in dims):
            continue  # unlabelled total row (UA, exploration)
        if dims and _maybe_total(cells[dims[0].index]):
            continue
        rows.append(cells)
        lines.append(rec.line)
    if not rows:
        return None
    n = len(rows)
    col_of = lambda c: [r[c.index] for r in rows]  # noqa: E731
    out: dict[str, Any] = {"_line": lines}
    start, end = block.start or file_range[0], block.end or file_range[1]
    # -- time
    time_cols = [c for c in cols if c.kind == "time"]
    hdr = lambda c: f"{block.sheet}!{c.header}" if block.sheet else c.header  # noqa: E731
    if time_cols:
        tc = time_cols[0]
        vals = col_of(tc)
        if tc.canon in ("date", "datehour"):
            if tc.canon == "datehour":
                vals = [str(v).strip()[:8] if v is not None else None for v in vals]
            days = _ua_or_ga_dates(vals, file_name, hdr(tc), lines, start, end)
            out.update(grain="day", date=days, period_start=None, period_end=None)
        else:
            if start is None:
                raise ImportFailure(file_name, "report dates missing", lines[0], tc.header, "'# Start date' / '# End date' lines above the table", "no dates", code="no_period")
            idx = nums(vals, file_name, hdr(tc), lines, integer=True)
            if tc.canon == "nth_day":
                out.update(grain="day", date=[None if i is None else start + dt.timedelta(days=int(i)) for i in idx], period_start=None, period_end=None)
            else:
                ps, pe = [], []
                for i in idx:
                    if i is None:
                        ps.append(None)
                        pe.append(None)
                        continue
                    if tc.canon == "nth_week":
                        a = start + dt.timedelta(days=7 * int(i))
                        b = a + dt.timedelta(days=6)
                    else:
                        a = _add_months(start, int(i))
                        b = _add_months(a, 1) - dt.timedelta(days=1)
                        a = max(a, start)
                    ps.append(a)
                    pe.append(min(b, end) if end else b)
                out.update(grain="period", date=ps, period_start=ps, period_end=pe)
    else:
        if start is None or end is None:
            raise ImportFailure(
                file_name, "report dates missing", block.line, None,
                "the report's '# Start date' / '# End date' lines (or a Date column)", "a table without dates", code="no_period",
            )
        out.update(grain="period", date=[start] * n, period_start=[start] * n, period_end=[end] * n)
    # -- dimensions
    for k in ("source", "medium", "campaign", "content", "term", "channel", "landing_page"):
        out[k] = [None] * n
    others: list[tuple[str, list[str | None]]] = []
    for c in cols:
        if c.kind != "dim":
            continue
        vals = [_text(v) for v in col_of(c)]
        if c.canon == "source_medium":
            sm = [_split_source_medium(v) for v in vals]
            out["source"] = [a for a, _ in sm]
            out["medium"] = [b for _, b in sm]
        elif c.canon.startswith("dimension:"):
            others.append((c.canon[10:], vals))
        else:
            out[c.canon] = vals
    if any(c.kind == "dim" and c.canon == "landing_page" for c in cols):
        lp = out["landing_page"]
        tags = [parse_utm(v) if v and "utm_" in v.lower() else None for v in lp]
        for k in ("source", "medium", "campaign", "content", "term"):
            if not any(c.kind == "dim" and c.canon in (k, "source_medium" if k in ("source", "medium") else k) for c in cols):
                out[k] = [t[k] if t else None for t in tags]
        out["landing_page"] = [normalise_landing_page(v) if v else None for v in lp]
    if block.segment and header_key(block.segment) not in DEFAULT_SEGMENTS:
        others.append(("segment", [block.segment] * n))
    if others:
        out["dimension"] = ["+".join(name for name, _ in others)] * n
        out["dimension_value"] = [" | ".join(v or "" for v in parts) if any(parts) else None for parts in zip(*(v for _, v in others), strict=True)]
    else:
        out["dimension"] = [None] * n
        out["dimension_value"] = [None] * n
    # -- metrics
    for c in cols:
        if c.kind == "metric":
            out[c.canon] = nums(col_of(c), file_name, hdr(c), lines, integer=c.canon in COUNT_METRICS, percent=True)
    goals = [c for c in cols if c.kind == "goal"]
    if goals:
        per = [nums(col_of(c), file_name, hdr(c), lines, percent=True) for c in goals]
        out["conversions"] = [None if all(x is None for x in xs) else sum(x or 0.0 for x in xs) for xs in zip(*per, strict=True)]
    rate = next((c for c in cols if c.kind == "rate"), None)
    if rate is not None and "engaged_sessions" not in out and "sessions" in out:
        # derived count: GA4's engagement rate is engaged sessions / sessions, so round(rate x sessions)
        # gives back the count GA4 had (only when the export lacks the 'Engaged sessions' column)
        r = nums(col_of(rate), file_name, hdr(rate), lines, percent=True)
        out["engaged_sessions"] = [None if a is None or s is None else float(round(a * s)) for a, s in zip(r, out["sessions"], strict=True)]
    frame = pd.DataFrame(out)
    pivots = [c for c in cols if c.kind == "pivot"]
    if pivots:
        parts = []
        for c in pivots:
            p = frame.copy()
            p["users"] = nums(col_of(c), file_name, hdr(c), lines, integer=True)
            label = {"nouveau": "new", "connu": "returning"}.get(c.canon, c.canon)
            base_dim = p["dimension"].fillna("")
            p["dimension"] = (base_dim + "+").where(base_dim != "", "") + "user_type"
            base_val = p["dimension_value"].fillna("")
            p["dimension_value"] = (base_val + " | ").where(base_val != "", "") + label
            parts.append(p)
        frame = pd.concat(parts, ignore_index=True)
    for m in METRICS:
        if m not in frame.columns:
            frame[m] = None
    have = frame[list(METRICS)].notna().any(axis=1)
    frame = frame[have]
    if not len(frame):
        return None
    frame["property"] = prop
    frame["source_format"] = fmt
    return frame


_PLAIN_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")


def nums(values: list[Any], file_name: str, column: str, lines: list[int], *, integer: bool = False, percent: bool = False) -> list[float | None]:
    """:func:`readers.numbers` with a vectorised fast path for plain numbers (GA writes most cells so)."""
    if values and all((isinstance(v, str) and _PLAIN_NUM.match(v)) or isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        arr = pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce").astype("float64")
        if not arr.isna().any() and (not integer or bool((arr % 1 == 0).all())):
            return arr.tolist()
    return numbers(values, file_name, column, lines, integer=integer, percent=percent)


def _split_source_medium(v: str | None) -> tuple[str | None, str | None]:
    if v is None:
        return None, None
    if " / " in v:
        a, b = v.split(" / ", 1)
    elif "/" in v:
        a, b = v.rsplit("/", 1)
    else:
        return v, None
    return a.strip() or None, b.strip() or None


def _ua_or_ga_dates(vals: list[Any], file_name: str, column: str, lines: list[int], start: dt.date | None, end: dt.date | None) -> list[Any]:
    """Day values; for numeric D/M vs M/D dates, the reading that falls inside the report's range wins."""
    strs = [v for v in vals if isinstance(v, str) and re.match(r"\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", v)]
    if strs and start and end:
        from connectors.readers import DateStyle, parse_datetime

        for style in ("dmy", "mdy"):
            try:
                got = [parse_datetime(v, DateStyle(style)) for v in strs]
            except ValueError:
                continue
            if all(g is not None and start <= g.date() <= end for g in got):
                out = []
                for v, ln in zip(vals, lines, strict=True):
                    try:
                        ts = parse_datetime(v, DateStyle(style)) if v not in (None, "") else None
                    except ValueError:
                        raise ImportFailure(file_name, "not a date", ln, column, "a date", str(v), code="date") from None
                    out.append(None if ts is None else ts.date())
                return out
    return dates(vals, file_name, column, lines)


def merge_frames(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    """Sum rows sharing a key inside a block; merge the same key across blocks (first value wins)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return None
    df = pd.concat(frames, ignore_index=True)
    keycols = ["property", *KEY_COLS]
    key = df[keycols[0]].astype("string").fillna("\x00")
    for c in keycols[1:]:
        key = key + "\x1f" + df[c].astype("string").fillna("\x00")
    df["_key"] = key
    if not df["_key"].duplicated().any():
        return df.drop(columns=["_key", "_block"], errors="ignore")
    for m in METRICS:
        df[m] = pd.to_numeric(df[m], errors="coerce").astype("float64")
    df = df.sort_values("_line", kind="stable")
    g = df.groupby(["_key", "_block"], sort=False)
    inner = g[list(METRICS)].sum(min_count=1)
    inner = inner.join(g[keycols + ["source_format"]].first()).join(g["_line"].min()).reset_index()
    inner = inner.sort_values(["_block", "_line"], kind="stable")
    g2 = inner.groupby("_key", sort=False)
    res = g2[keycols + ["source_format", *METRICS]].first().join(g2["_line"].min()).reset_index(drop=True)
    for c in keycols:
        res[c] = res[c].astype("object").where(res[c].notna(), None)
    return res


# ----------------------------------------------------------------------------- file level


def _file_range(name: str) -> tuple[dt.date | None, dt.date | None]:
    """A date range in a file name (hint): '20220701-20220731', '2025-10-1 - 2025-10-31', '2025-10'."""
    m = re.search(r"(?<!\d)(20\d{6})\s*[-_]\s*(20\d{6})(?!\d)", name)
    if m:
        return _ymd(m.group(1)), _ymd(m.group(2))
    m = re.search(r"(?<!\d)(20\d{2})-(\d{1,2})-(\d{1,2})\s*(?:-|_|to|au)\s*(20\d{2})-(\d{1,2})-(\d{1,2})(?!\d)", name)
    if m:
        try:
            g = [int(x) for x in m.groups()]
            return dt.date(g[0], g[1], g[2]), dt.date(g[3], g[4], g[5])
        except ValueError:
            pass
    m = re.search(r"(?<!\d)(20\d{2})-(0[1-9]|1[0-2])(?![\d])", name)
    if m:
        a = dt.date(int(m.group(1)), int(m.group(2)), 1)
        return a, _add_months(a, 1) - dt.timedelta(days=1)
    return None, None


def file_range(name: str) -> tuple[dt.date | None, dt.date | None]:
    return _file_range(re.sub(r"^.*[/\\]", "", name))


def parse_text(doc: Document, ctx: ParseContext, fmt: str) -> Iterator[tuple[str, pd.DataFrame]]:
    pre, blocks = text_blocks(doc)
    prop = ctx.account or pre.property or (pre.first_line if fmt in ("ga4_exploration", "ua_report") else None)
    frange = (pre.start, pre.end) if pre.start else file_range(doc.file_name)
    frames: list[pd.DataFrame] = []
    deferred: list[tuple[int, Block]] = []
    ranges: set[tuple[Any, Any]] = set()
    cols_cache: dict[int, list[Col]] = {}
    for bid, block in _numbered(blocks):
        cols = cols_cache.get(block.line)
        if cols is None:
            cols = cols_cache[block.line] = classify(block.header, [r.cells for r in block.rows[:50]])
        if block.start is not None:
            ranges.add((block.start, block.end))
        if block.start is None and frange[0] is None and any(c.kind in ("metric", "goal", "pivot") for c in cols) and not any(c.kind == "time" and c.canon in ("date", "datehour") for c in cols):
            deferred.append((bid, block))  # no dates yet: a first block without comment lines
            continue
        f = block_frame(block, cols, doc.file_name, prop, fmt, frange)
        if f is not None:
            f["_block"] = bid
            frames.append(f)
    if deferred:
        only = next(iter(ranges)) if len(ranges) == 1 else (None, None)
        for bid, block in deferred:
            f = block_frame(block, cols_cache[block.line], doc.file_name, prop, fmt, only)
            if f is not None:
                f["_block"] = bid
                frames.append(f)
    res = merge_frames(frames)
    if res is not None:
        yield "traffic", res


def _numbered(blocks: Iterator[Block]) -> Iterator[tuple[int, Block]]:
    # a block split in chunks keeps its number (its header line)
    for b in blocks:
        yield b.line, b


# ----------------------------------------------------------------------------- sniffing helpers


def _head(doc: Document) -> tuple[list[str], Record | None, list[Record]]:
    """Comment texts of the preamble, the first table header and the records after it."""
    recs = head_records(doc, 40)
    comments: list[str] = []
    for i, r in enumerate(recs):
        if r.cells and r.cells[0].lstrip().startswith("#"):
            comments.append(_comment_text(r.cells, doc.delimiter))
            continue
        if not r.cells or all(not c.strip() for c in r.cells):
            continue
        return comments, r, recs[i + 1:]
    return comments, None, []


def _has_ga_preamble(comments: list[str]) -> bool:
    for t in comments:
        m = _DATE_LINE.match(t)
        if m and _ymd(m.group(2)):
            return True
        m = _KV_LINE.match(t)
        if m and header_key(m.group(1)) in PROPERTY_LABELS | ACCOUNT_LABELS:
            return True
    return False


def _has_range_line(comments: list[str]) -> bool:
    return any(_RANGE_LINE.match(t) for t in comments)


UA_HEADERS = frozenset({
    "Pageviews", "Unique Pageviews", "Avg. Time on Page", "Entrances", "Bounce Rate", "% Exit", "Page Value", "Landing Page",
    "% New Sessions", "New Users", "Pages/Session", "Avg. Session Duration", "Device Category", "Day Index", "Source / Medium",
    "Default Channel Grouping", "Goal Conversion Rate", "Goal Completions", "Goal Value", "Transactions", "Ecommerce Conversion Rate",
    "Pages vues", "Pages vues uniques", "Taux de rebond", "Nouvelles sessions (en %)", "Pages/session", "Durée moyenne des sessions",
})


def _is_ua_header(cells: Sequence[Any]) -> bool:
    hs = [str(c).strip() for c in cells if c is not None]
    if any(h in UA_HEADERS for h in hs):
        return True
    return any(re.search(r"\(Goal \d+ (Completions|Conversion Rate|Value)\)$", h) for h in hs)


def _grand_total_row(rows: list[Record], width: int) -> bool:
    r = next((x for x in rows if x.cells and any(c.strip() for c in x.cells)), None)
    return r is not None and len(r.cells) > width and any(header_key(c) in TOTAL_LABELS for c in r.cells[width:])


# ----------------------------------------------------------------------------- formats


class GA4Report(Format):
    name = "ga4_report"
    label = "Google Analytics 4 – report download (standard reports, overview, snapshot)"
    tables = ("traffic",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        comments, header, _rows = _head(doc)
        if header is None:
            return 0.0
        if _has_ga_preamble(comments):
            return 0.95
        if (comments and _has_range_line(comments)) or _camel(header.cells):
            return 0.0  # exploration, UA or a Data API dump
        if any(c.kind == "time" and c.canon in ("nth_day", "nth_week", "nth_month") for c in classify(header.cells)) and not _camel(header.cells):
            return 0.8
        if has_ga_labels(header.cells, 2):
            return 0.75
        if has_ga_labels(header.cells, 1):
            return 0.6
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from parse_text(doc, ctx, self.name)


def _range_report(doc: Document) -> tuple[str | None, Record | None]:
    """Which kind of text report with a date-range line (and no GA4 report preamble) ``doc``
    is: ``"grand_total"`` (a GA4 exploration), ``"ua"`` (Universal Analytics), ``"other"``,
    or None when it is not such a report; with its header record."""
    if doc.kind != Kind.TEXT:
        return None, None
    comments, header, rows = _head(doc)
    if header is None or not _has_range_line(comments) or _has_ga_preamble(comments):
        return None, None
    if _grand_total_row(rows, len(header.cells)):
        return "grand_total", header
    if _is_ua_header(header.cells) or any(r.cells and r.cells[0].strip() == "Day Index" for r in rows):
        return "ua", header
    return "other", header


class GA4Exploration(Format):
    name = "ga4_exploration"
    label = "Google Analytics 4 – Explorations download"
    tables = ("traffic",)

    def sniff(self, doc: Document) -> float:
        kind, header = _range_report(doc)
        if kind == "grand_total":
            return 0.95
        if kind == "other" and header is not None and has_ga_labels(header.cells, 1):
            return 0.8
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from parse_text(doc, ctx, self.name)


class UAReport(Format):
    name = "ua_report"
    label = "Universal Analytics (GA3) – report CSV"
    tables = ("traffic",)

    def sniff(self, doc: Document) -> float:
        return 0.95 if _range_report(doc)[0] == "ua" else 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from parse_text(doc, ctx, self.name)


class UAReportXlsx(Format):
    name = "ua_report_xlsx"
    label = "Universal Analytics (GA3) – report Excel (Summary, Dataset1, Dataset2)"
    tables = ("traffic",)

    def sniff(self, doc: Document) -> float:
        if doc.kind not in Kind.WORKBOOKS:
            return 0.0
        try:
            sheets = doc.sheets
        except ImportFailure:
            return 0.0
        ds = [n for n in sheets if re.fullmatch(r"Dataset\d+", n)]
        if not ds:
            return 0.0
        first = next((r for r in sheets[ds[0]] if r and any(c not in (None, "") for c in r)), None)
        if first is None:
            return 0.0
        score = 0.6
        if "Summary" in sheets or "Résumé" in sheets:
            score += 0.2
        if _is_ua_header(first) or has_ga_labels(first, 1) or any(classify(first)[i].kind == "metric" for i in range(len(first))):
            score += 0.15
        return score if score >= 0.75 else 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        sheets = doc.sheets
        summary = next((sheets[n] for n in ("Summary", "Résumé") if n in sheets), None) or []
        lines = [str(r[0]).strip() for r in summary if r and r[0] not in (None, "")]
        start = end = None
        for t in lines:
            m = _RANGE_LINE.match(t)
            if m:
                start, end = _ymd(m.group(1)), _ymd(m.group(2))
        if start is None:
            start, end = file_range(doc.file_name)
        prop = ctx.account or (lines[0] if lines and not _RANGE_LINE.match(lines[0]) else None)
        frames = []
        for name in [n for n in sheets if re.fullmatch(r"Dataset\d+", n)]:
            rows = sheets[name]
            hi = next((i for i, r in enumerate(rows) if r and any(c not in (None, "") for c in r)), None)
            if hi is None:
                continue
            header = [("" if c is None else str(c)) for c in rows[hi]]
            while header and header[-1] == "":
                header.pop()
            recs = [Record(i + 1, list(r)) for i, r in enumerate(rows[hi + 1:], start=hi + 1) if r and any(c not in (None, "") for c in r)]
            block = Block(header=header, line=hi + 1, start=start, end=end, sheet=name, rows=recs)
            cols = classify(header, [r.cells for r in recs[:50]])
            f = block_frame(block, cols, doc.file_name, prop, self.name, (start, end))
            if f is not None:
                f["_block"] = len(frames)
                frames.append(f)
        res = merge_frames(frames)
        if res is not None:
            yield "traffic", res


API_NAMES = frozenset({
    "date", "dateHour", "sessionSource", "sessionMedium", "sessionSourceMedium", "sessionCampaignName", "sessionDefaultChannelGroup",
    "sessionPrimaryChannelGroup", "sessionManualAdContent", "sessionManualTerm", "sessionManualCampaignName", "firstUserSource",
    "firstUserMedium", "firstUserSourceMedium", "firstUserCampaignName", "firstUserDefaultChannelGroup", "landingPage",
    "landingPagePlusQueryString", "pagePath", "pagePathPlusQueryString", "pageTitle", "pageLocation", "eventName", "country",
    "countryId", "city", "region", "deviceCategory", "platform", "browser", "operatingSystem", "language", "newVsReturning",
    "hostName", "sessions", "totalUsers", "activeUsers", "newUsers", "engagedSessions", "engagementRate", "screenPageViews",
    "eventCount", "keyEvents", "conversions", "totalRevenue", "purchaseRevenue", "bounceRate", "averageSessionDuration",
    "sessionsPerUser", "screenPageViewsPerSession", "userEngagementDuration", "eventsPerSession", "audienceName",
})
API_METRICS = frozenset({"sessions", "totalUsers", "activeUsers", "newUsers", "engagedSessions", "screenPageViews", "eventCount",
                         "keyEvents", "conversions", "totalRevenue", "purchaseRevenue"})


def _camel(cells: Sequence[Any]) -> bool:
    return any(isinstance(c, str) and re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", c.strip()) for c in cells)


class GA4DataApi(Format):
    name = "ga4_data_api"
    label = "Google Analytics 4 – Data API output (API field names)"
    tables = ("traffic",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        comments, header, _ = _head(doc)
        if header is None or comments:
            return 0.0
        cells = [c.strip() for c in header.cells if c.strip()]
        known = [c for c in cells if c in API_NAMES]
        if not cells or len(known) < len(cells) - 1 or not any(c in API_METRICS for c in cells):
            return 0.0
        if not (_camel(cells) or "sessions" in cells) or len(known) < 2:
            return 0.0
        return 0.85

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        yield from parse_text(doc, ctx, self.name)


FORMATS = [GA4Report(), GA4Exploration(), UAReport(), UAReportXlsx(), GA4DataApi()]
