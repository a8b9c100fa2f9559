"""Google Business Profile performance report -> ``audience_breakdown``.

Format ``google_business_profile`` (FORMATS.md §6d): row 1 = column names
(``Store code``, ``Business name``, ``Address``, ``Labels``, then metrics
``Google Search - Mobile``, ``Google Search - Desktop``, ``Google Maps - Mobile``,
``Google Maps - Desktop``, ``Calls``, ``Messages``, ``Bookings``, ``Directions``,
``Website clicks``, ``Food orders``, ...), row 2 = descriptions of the metrics (skipped),
then one row per business location.

Rows: ``platform='google_business'``, ``dimension='location'``, ``dimension_value`` = the
store code, else ``<business name> | <address>`` (several locations share one business
name), one row per metric column (``metric`` = a language-independent name such as
``google_search_mobile``, ``website_clicks``), ``unit='count'``. ``account`` =
``ctx.account``, else the business name. The period is not inside the file: it comes
from the file name when it carries one (the default name is
``GMB insights (Performance Report) - 2025-10-1 - 2025-10-31 - <id>.csv``; a bare
``2025-10`` means the month), else it stays null (rows go to ``undated.parquet``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, column_index, data_records, head_records, header_keys, rows_to_frame
from connectors.formats.google_analytics import file_range, slug
from connectors.readers import Document, Kind, header_key, numbers, parse_number

IDENTITY = {
    "store_code": ("Store code", "Code de magasin", "Code d'établissement", "Código de tienda", "Shop-Code", "Código da loja"),
    "business_name": ("Business name", "Nom de l'établissement", "Nom de l'entreprise", "Nombre de la empresa", "Name des Unternehmens", "Nome da empresa"),
    "address": ("Address", "Adresse", "Dirección", "Endereço"),
    "labels": ("Labels", "Libellés", "Étiquettes", "Etiquetas", "Labels"),
}
# metric names in other UI languages -> the English name's slug
METRIC_NAMES = {
    "google_search_mobile": ("Google Search - Mobile", "Recherche Google - Mobile", "Búsqueda de Google - Móvil", "Google Suche - Mobilgeräte"),
    "google_search_desktop": ("Google Search - Desktop", "Recherche Google - Ordinateur", "Búsqueda de Google - Ordenador", "Google Suche - Computer"),
    "google_maps_mobile": ("Google Maps - Mobile", "Google Maps - Mobile", "Google Maps - Móvil", "Google Maps - Mobilgeräte"),
    "google_maps_desktop": ("Google Maps - Desktop", "Google Maps - Ordinateur", "Google Maps - Ordenador", "Google Maps - Computer"),
    "calls": ("Calls", "Appels", "Llamadas", "Anrufe", "Chamadas"),
    "messages": ("Messages", "Mensajes", "Nachrichten", "Mensagens"),
    "bookings": ("Bookings", "Réservations", "Reservas", "Buchungen"),
    "directions": ("Directions", "Itinéraires", "Cómo llegar", "Routen", "Rotas"),
    "website_clicks": ("Website clicks", "Clics vers le site Web", "Clics sur le site web", "Clics en el sitio web", "Websiteklicks", "Cliques no site"),
    "food_orders": ("Food orders", "Commandes de repas", "Pedidos de comida"),
    "food_menu_clicks": ("Food menu clicks", "Clics sur le menu", "Clics en el menú"),
    "hotel_bookings": ("Hotel bookings", "Réservations d'hôtel", "Reservas de hotel"),
}
_METRIC_KEYS = {header_key(n): canon for canon, names in METRIC_NAMES.items() for n in names}


def _layout(cells: list[str]) -> dict[str, int] | None:
    idx = column_index(cells, IDENTITY)
    if "business_name" not in idx:
        return None
    keys = header_keys(cells)
    if sum(1 for k in keys if k in _METRIC_KEYS) < 3:
        return None
    return idx


class GoogleBusinessProfile(Format):
    name = "google_business_profile"
    label = "Google Business Profile – performance report"
    tables = ("audience_breakdown",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        try:
            recs = head_records(doc, 5)
            for r in recs[:3]:
                if _layout(r.cells) is not None:
                    return 0.95
        except Exception:  # noqa: BLE001
            return 0.0
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 5)
        hi = next((i for i, r in enumerate(recs[:3]) if _layout(r.cells) is not None), None)
        if hi is None:
            raise ImportFailure(doc.file_name, "header not found", 1, None, "a Business Profile header", "another header", code="unknown_layout")
        header = recs[hi].cells
        idx = _layout(header) or {}
        ident = set(idx.values())
        metric_cols = [(i, _METRIC_KEYS.get(header_key(h)) or slug(h)) for i, h in enumerate(header) if i not in ident and h.strip()]
        start, end = file_range(doc.file_name)
        frames = []
        for chunk in data_records(doc, recs[hi].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            # the description row under the header: metric cells hold text, identity cells are empty
            desc = raw.apply(lambda r: any(_is_text(r[f"c{i}"]) for i, _ in metric_cols) and not str(r[f"c{idx['business_name']}"] or "").strip(), axis=1)
            raw = raw[~desc.to_numpy()]
            if not len(raw):
                continue
            lines = raw["_line"].tolist()
            name = raw[f"c{idx['business_name']}"].astype("object").map(lambda v: (v or "").strip())
            addr = raw[f"c{idx['address']}"].astype("object").map(lambda v: (v or "").strip()) if "address" in idx else pd.Series([""] * len(raw), index=raw.index)
            code = raw[f"c{idx['store_code']}"].astype("object").map(lambda v: (v or "").strip()) if "store_code" in idx else pd.Series([""] * len(raw), index=raw.index)
            loc = [c if c else " | ".join(x for x in (n, a) if x) for c, n, a in zip(code, name, addr, strict=True)]
            for i, canon in metric_cols:
                vals = numbers(raw[f"c{i}"].tolist(), doc.file_name, header[i], lines)
                frames.append(pd.DataFrame({
                    "_line": lines,
                    "account": [ctx.account or (n or None) for n in name],
                    "dimension_value": loc,
                    "metric": canon,
                    "value": vals,
                }))
        if not frames:
            return
        df = pd.concat(frames, ignore_index=True)
        df = df[df["value"].notna()]
        df["platform"] = "google_business"
        df["dimension"] = "location"
        df["unit"] = "count"
        df["period_start"] = start
        df["period_end"] = end
        df["source_format"] = self.name
        yield "audience_breakdown", df


def _is_text(v: object) -> bool:
    if not isinstance(v, str) or not v.strip():
        return False
    try:
        parse_number(v)
        return False
    except ValueError:
        return True


FORMATS = [GoogleBusinessProfile()]
