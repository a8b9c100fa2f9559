"""Google Search Console performance exports -> ``search``.

Formats (FORMATS.md §6d, FORMATS_FR.md "Google Search Console"):

* ``search_console`` - the files of the Performance export zip, one table each:
  ``Chart.csv``/``Dates.csv`` (``Date,Clicks,Impressions,CTR,Position``; FR ``Date,Clics,…``)
  -> ``grain='day'`` rows; ``Queries.csv`` (``Top queries`` / ``Requêtes les plus
  fréquentes``), ``Pages.csv``, ``Countries.csv``, ``Devices.csv`` -> ``grain='period'``
  rows with ``query`` / ``page`` / ``country`` / ``device``.
* ``search_console_api`` - a Search Analytics API result saved by a script: any of the
  ``date``, ``query``, ``page``, ``country``, ``device`` dimensions, then ``Clicks``,
  ``Impressions``, ``CTR`` (a fraction), ``Position``.

The period of a dimension table is not inside the file (it is in ``Filters.csv`` of the
same zip, which is not imported): when the file name carries a range
(``Queries 2025-01-01 - 2025-03-31.csv``) it is used, else ``date``, ``period_start`` and
``period_end`` stay null and the rows are stored in ``search/undated.parquet``. The key is
then (property, query/page/country/device): importing a later export of the same table
updates those rows instead of adding a second copy. ``property`` is ``ctx.account`` (the
site is not named in the export).

CTR is not stored (clicks / impressions). ``position`` is kept as a float; rows that
share a key inside one file (an API dump without its date column) are summed, and their
position averaged weighted by impressions. ``device`` is normalised to ``desktop`` /
``mobile`` / ``tablet`` (the UI writes ``Desktop``/``Ordinateur``, the API ``DESKTOP``).
``Search appearance`` and ``Filters`` tables are recognised and refused with a message:
the store has no column for them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, column_index, data_records, head_records, header_keys, rows_to_frame
from connectors.formats.google_analytics import file_range
from connectors.readers import Document, Kind, dates, header_key, numbers

METRICS = {
    "clicks": ("Clicks", "Clics", "Klicks", "Cliques"),
    "impressions": ("Impressions", "Impresiones", "Impressionen", "Impressões"),
    "ctr": ("CTR", "Url CTR", "Taux de clics"),
    "position": ("Position", "Posición", "Posição", "Average position", "Position moyenne"),
}
DIMENSIONS = {
    "date": ("Date", "Datum", "Fecha", "Data", "date"),
    "query": ("Top queries", "Requêtes les plus fréquentes", "Query", "Queries", "Requête", "Requêtes", "Consultas principales",
              "Top-Suchanfragen", "Principais consultas", "query", "keys_query"),
    "page": ("Top pages", "Pages les plus populaires", "Page", "Pages", "Páginas principales", "Top-Seiten", "Páginas principais", "page", "URL"),
    "country": ("Country", "Pays", "País", "Land", "country"),
    "device": ("Device", "Appareil", "Dispositivo", "Gerät", "device"),
}
UNSUPPORTED = {
    header_key(h): what
    for what, hs in {
        "Search appearance": ("Search appearance", "Apparence dans les résultats de recherche", "Aparición en búsquedas", "Darstellung in der Suche"),
        "Filters": ("Filter", "Filtre", "Filtro"),
    }.items()
    for h in hs
}
UI_FIRST = {header_key(h) for h in ("Top queries", "Requêtes les plus fréquentes", "Top pages", "Pages les plus populaires", "Country",
                                     "Pays", "Device", "Appareil", "Date", "Consultas principales", "Top-Suchanfragen",
                                     "Principais consultas", "Páginas principales", "Top-Seiten", "Páginas principais",
                                     "País", "Land", "Dispositivo", "Gerät", "Datum", "Fecha", "Data")}
DEVICES = {"desktop": "desktop", "ordinateur": "desktop", "computer": "desktop", "escritorio": "desktop", "computador": "desktop",
           "mobile": "mobile", "mobil": "mobile", "movil": "mobile", "celular": "mobile", "tablet": "tablet", "tablette": "tablet",
           "tableta": "tablet"}


def _layout(cells: list[str]) -> tuple[dict[str, int], dict[str, int]] | None:
    mets = column_index(cells, METRICS)
    if "clicks" not in mets or "impressions" not in mets:
        return None
    dims = column_index(cells, DIMENSIONS)
    return dims, mets


def _header(doc: Document) -> tuple[int, list[str]] | None:
    for i, r in enumerate(head_records(doc, 10)):
        if r.cells and any(c.strip() for c in r.cells):
            return i, r.cells
    return None


class _SearchBase(Format):
    tables = ("search",)
    ui = True

    def _score(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        h = _header(doc)
        if h is None:
            return 0.0
        cells = h[1]
        keys = header_keys(cells)
        if keys and keys[0] in UNSUPPORTED and ("value" in keys or "valeur" in keys or "clicks" in keys or "clics" in keys):
            return 0.9 if self.ui else 0.0  # Filters.csv / Search appearance.csv: claimed to explain the refusal
        lay = _layout(cells)
        if lay is None:
            return 0.0
        dims, mets = lay
        if "position" not in mets or not dims:
            return 0.0
        ui_like = len(cells) == len(mets) + 1 and keys[0] in UI_FIRST and cells[0].strip() not in ("query", "page", "date")
        if ui_like != self.ui:
            return 0.0
        return 0.9

    def sniff(self, doc: Document) -> float:
        try:
            return self._score(doc)
        except Exception:  # noqa: BLE001 - a sniffer never raises
            return 0.0

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        h = _header(doc)
        if h is None:
            raise ImportFailure(doc.file_name, "header not found", 1, None, "a Search Console header", "nothing", code="unknown_layout")
        hi, cells = h
        rec = head_records(doc, 10)[hi]
        keys = header_keys(cells)
        if keys and keys[0] in UNSUPPORTED:
            raise ImportFailure(
                doc.file_name, "this Search Console table is not stored", rec.line, cells[0],
                "Dates/Chart, Queries, Pages, Countries or Devices", f"the {UNSUPPORTED[keys[0]]} table", code="unsupported",
            )
        lay = _layout(cells)
        if lay is None:
            raise ImportFailure(doc.file_name, "header not found", rec.line, None, "Clicks and Impressions columns", ", ".join(cells[:5]), code="unknown_layout")
        dims, mets = lay
        start, end = file_range(doc.file_name)
        frames = []
        for chunk in data_records(doc, rec.line, header=cells):
            raw = rows_to_frame(chunk, len(cells))
            lines = raw["_line"].tolist()
            out = pd.DataFrame({"_line": raw["_line"]})
            for k in ("clicks", "impressions"):
                out[k] = numbers(raw[f"c{mets[k]}"].tolist(), doc.file_name, cells[mets[k]], lines, integer=True)
            if "position" in mets:
                out["position"] = numbers(raw[f"c{mets['position']}"].tolist(), doc.file_name, cells[mets["position"]], lines)
            for k in ("query", "page", "country", "device"):
                if k in dims:
                    col = raw[f"c{dims[k]}"].astype("object").map(lambda v: v.strip() if isinstance(v, str) else v)
                    out[k] = col.where(col.notna() & (col != ""), None)
                else:
                    out[k] = None
            if "device" in dims:
                out["device"] = out["device"].map(lambda v: DEVICES.get(header_key(v), v.lower()) if isinstance(v, str) else v)
            if "date" in dims:
                out["date"] = dates(raw[f"c{dims['date']}"].tolist(), doc.file_name, cells[dims["date"]], lines)
                out["grain"] = "day"
                out["period_start"] = None
                out["period_end"] = None
            else:
                out["grain"] = "period"
                out["date"] = start
                out["period_start"] = start
                out["period_end"] = end
            # a 'Total' row is not written by GSC, but drop one if a user added it
            first = raw[f"c{min(dims.values())}"].astype("string").str.strip().str.lower()
            out = out[~first.isin(["total", "totals", "grand total", "total général"]).fillna(False).to_numpy()]
            frames.append(out)
        if not frames:
            return
        df = pd.concat(frames, ignore_index=True)
        df["property"] = ctx.account
        df["source_format"] = self.name
        yield "search", _combine(df)


def _combine(df: pd.DataFrame) -> pd.DataFrame:
    """Sum rows sharing a key (position: impressions-weighted mean)."""
    keycols = ["property", "grain", "date", "period_end", "query", "page", "country", "device"]
    key = df[keycols[0]].astype("string").fillna("\x00")
    for c in keycols[1:]:
        key = key + "\x1f" + df[c].astype("string").fillna("\x00")
    if not key.duplicated().any():
        return df
    df = df.assign(_key=key)
    for c in ("clicks", "impressions", "position"):
        df[c] = pd.to_numeric(df[c], errors="coerce")
    df["_wpos"] = df["position"] * df["impressions"]
    agg = {c: "first" for c in keycols + ["period_start", "source_format"]}
    agg.update(clicks=lambda s: s.sum(min_count=1), impressions=lambda s: s.sum(min_count=1), _wpos=lambda s: s.sum(min_count=1), _line="min")
    agg["position"] = "mean"
    res = df.groupby("_key", sort=False, dropna=False).agg(agg).reset_index(drop=True)
    wp = res["_wpos"] / res["impressions"]
    res["position"] = wp.where(res["impressions"] > 0, res["position"])
    for c in keycols + ["period_start"]:
        res[c] = res[c].astype("object").where(res[c].notna(), None)
    return res.drop(columns=["_wpos"])


class SearchConsole(_SearchBase):
    name = "search_console"
    label = "Google Search Console – Performance export (Dates, Queries, Pages, Countries, Devices)"
    ui = True


class SearchConsoleApi(_SearchBase):
    name = "search_console_api"
    label = "Google Search Console – Search Analytics API output"
    ui = False


FORMATS = [SearchConsole(), SearchConsoleApi()]
