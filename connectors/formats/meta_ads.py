"""Meta Ads Manager report export (CSV or XLSX) -> costs.

One row per campaign / ad set / ad over ``[Reporting starts, Reporting ends]``:
date = Reporting starts, period_end = Reporting ends, amount = ``Amount spent (<CUR>)``
(currency taken from the header), impressions, clicks = ``Link clicks``, conversions =
``Results`` when the result indicator is a conversion (purchase, lead, registration,
onsite conversion such as a messaging conversation), else null; conversion_value =
``Purchases conversion value`` or ``Purchase ROAS`` x spend.

* ``"No data available."`` row -> zero rows (``empty_ok``).
* The account total row (no campaign/ad set/ad name) is dropped.
* Ads Manager exports no ad id and two ads may share a name: rows with the same key
  (period + campaign label) are summed, after exact duplicate rows are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, data_records, head_records, rows_to_frame
from connectors.formats.meta_business import _indexes, float_column, text_column
from connectors.readers import Document, Kind, Record, dates, header_key, numbers

_COLS = {
    "start": ["Reporting starts", "Début des rapports", "Inicio del informe", "Início dos relatórios", "Berichtsbeginn"],
    "end": ["Reporting ends", "Fin des rapports", "Fin del informe", "Término dos relatórios", "Berichtsende"],
    "campaign": ["Campaign name", "Nom de la campagne", "Nombre de la campaña", "Nome da campanha", "Name der Kampagne"],
    "adset": ["Ad set name", "Nom de l'ensemble de publicités", "Nombre del conjunto de anuncios", "Nome do conjunto de anúncios", "Name der Anzeigengruppe"],
    "ad": ["Ad name", "Nom de la publicité", "Nombre del anuncio", "Nome do anúncio", "Name der Anzeige"],
    "results": ["Results", "Résultats", "Resultados", "Ergebnisse"],
    "indicator": ["Result indicator", "Indicateur de résultats", "Indicador de resultados", "Ergebnisindikator"],
    "impressions": ["Impressions", "Impresiones", "Impressões"],
    "clicks": ["Link clicks", "Clics sur un lien", "Clics en el enlace", "Cliques no link", "Link-Klicks"],
    "value": ["Purchases conversion value", "Valeur de conversion des achats", "Valor de conversión de compras"],
    "roas": ["Purchase ROAS (return on ad spend)", "ROAS des achats (retour sur les dépenses publicitaires)", "ROAS de compras (retorno de la inversión publicitaria)"],
}
_SPEND = re.compile(
    r"^(amount spent|montant depense|importe gastado|valor usado|betrag ausgegeben|ausgegebener betrag)\s*\(([a-z]{3})\)$"
)
_CONVERSION = re.compile(r"purchase|lead|conversion|complete_registration|submit_application|subscribe|contact|schedule|start_trial|add_to_cart|checkout", re.I)
_NO_DATA = {"no data available.", "no data available", "aucune donnée disponible.", "aucune donnee disponible.", "no hay datos disponibles."}


def _spend_col(header: Sequence[Any]) -> tuple[int, str] | None:
    for i, h in enumerate(header):
        m = _SPEND.match(header_key(h))
        if m:
            return i, m.group(2).upper()
    return None


def _is_header(cells: Sequence[Any]) -> bool:
    return bool(_indexes(cells, _COLS["start"]) and _indexes(cells, _COLS["end"]) and _spend_col(cells))


class MetaAdsManager(Format):
    name = "meta_ads_manager"
    label = "Meta Ads Manager - report export"
    tables = ("costs",)
    empty_ok = True

    def sniff(self, doc: Document) -> float:
        if doc.kind == Kind.TEXT:
            recs = head_records(doc, 3)
            return 0.95 if recs and _is_header(recs[0].cells) else 0.0
        if doc.kind in Kind.WORKBOOKS:
            try:
                sheets = doc.sheets
            except ImportFailure:
                return 0.0
            for rows in sheets.values():
                if any(r and _is_header(["" if c is None else str(c) for c in r]) for r in rows[:5]):
                    return 0.95
        return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        if doc.kind == Kind.TEXT:
            recs = head_records(doc, 2)
            header = recs[0].cells
            chunks: Iterator[list[Record]] = data_records(doc, recs[0].line, header=None)
        else:
            header, chunks = self._sheet(doc)
        frames = [self._frame(rows_to_frame(c, len(header)), header, doc, ctx) for c in chunks]
        frames = [f for f in frames if len(f)]
        if not frames:
            return
        yield "costs", _aggregate(pd.concat(frames, ignore_index=True))

    def _sheet(self, doc: Document) -> tuple[list[str], Iterator[list[Record]]]:
        for rows in doc.sheets.values():
            for hi, r in enumerate(rows[:5]):
                cells = ["" if c is None else str(c) for c in (r or [])]
                if _is_header(cells):
                    recs = [Record(i + 1, ["" if c is None else c for c in row]) for i, row in enumerate(rows) if i > hi and row and any(c not in (None, "") for c in row)]
                    return cells, iter([recs])
        raise ImportFailure(doc.file_name, "header not found", 1, None, "Reporting starts, Reporting ends, Amount spent (CUR)", "another header", code="unknown_layout")

    def _frame(self, raw: pd.DataFrame, header: Sequence[Any], doc: Document, ctx: ParseContext) -> pd.DataFrame:
        fname = doc.file_name
        cols = {k: _indexes(header, v) for k, v in _COLS.items()}
        spend_i, currency = _spend_col(header)  # type: ignore[misc]
        first = raw["c0"].fillna("").astype(str).str.strip().str.lower()
        raw = raw[~first.isin(_NO_DATA)]
        names = {k: text_column(raw, cols[k][0]) if cols[k] else [None] * len(raw) for k in ("campaign", "adset", "ad")}
        label = []
        for c, s, a in zip(names["campaign"], names["adset"], names["ad"], strict=True):
            if c:
                label.append(c if not a else f"{c} / {a}")
            elif s and a:
                label.append(f"{s} / {a}")
            else:
                label.append(s or a)
        raw = raw.assign(_label=label)
        raw = raw[raw["_label"].notna()].reset_index(drop=True)  # the account total row has no name
        if not len(raw):
            return pd.DataFrame()
        lines = raw["_line"].tolist()
        out = pd.DataFrame({"_line": lines})
        out["date"] = dates(raw[f"c{cols['start'][0]}"].tolist(), fname, str(header[cols["start"][0]]), lines)
        out["period_end"] = dates(raw[f"c{cols['end'][0]}"].tolist(), fname, str(header[cols["end"][0]]), lines)
        out["platform"] = "facebook"
        out["campaign"] = raw["_label"].tolist()
        out["category"] = "ads"
        amount = float_column(raw, spend_i, header, fname)
        out["amount"] = [0.0 if a is None else a for a in amount]
        out["currency"] = currency
        out["impressions"] = numbers(raw[f"c{cols['impressions'][0]}"].tolist(), fname, str(header[cols["impressions"][0]]), lines, integer=True) if cols["impressions"] else None
        out["clicks"] = numbers(raw[f"c{cols['clicks'][0]}"].tolist(), fname, str(header[cols["clicks"][0]]), lines, integer=True) if cols["clicks"] else None
        conv: list[float | None] = [None] * len(raw)
        if cols["results"] and cols["indicator"]:
            res = float_column(raw, cols["results"][0], header, fname)
            ind = text_column(raw, cols["indicator"][0])
            conv = [r if (i and _CONVERSION.search(i)) else None for r, i in zip(res, ind, strict=True)]
        out["conversions"] = conv
        value: list[float | None] = [None] * len(raw)
        if cols["value"]:
            value = float_column(raw, cols["value"][0], header, fname)
        if cols["roas"]:
            roas = float_column(raw, cols["roas"][0], header, fname)
            value = [v if v is not None else (r * a if r is not None and a is not None else None) for v, r, a in zip(value, roas, amount, strict=True)]
        out["conversion_value"] = value
        out["_row"] = ["\x1f".join(str(c) for c in cells) for cells in raw.drop(columns=["_line", "_label"]).itertuples(index=False)]
        out["source_format"] = self.name
        return out


def _aggregate(df: pd.DataFrame) -> pd.DataFrame:
    """Same row twice -> once; distinct ads sharing a name and period -> summed."""
    df = df.drop_duplicates("_row").drop(columns=["_row"])
    key = ["date", "period_end", "platform", "campaign", "category"]
    if not df.duplicated(key).any():
        return df
    sums = ["amount", "impressions", "clicks", "conversions", "conversion_value"]
    agg: dict[str, Any] = {c: (lambda s: s.sum(min_count=1)) for c in sums}
    agg.update({"_line": "min", "currency": "first", "source_format": "first"})
    for c in sums:
        df[c] = pd.to_numeric(df[c], errors="coerce")
    return df.groupby(key, as_index=False, dropna=False, sort=False).agg(agg)


FORMATS = [MetaAdsManager()]
