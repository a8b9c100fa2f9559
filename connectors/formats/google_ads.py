"""Google Ads report downloads -> ``costs``.

Format ``google_ads_report`` (FORMATS.md §6d): two title lines (``Campaign report``,
``27 January 2026 - 23 February 2026``; French UI ``27 janv. 2026 - 23 févr. 2026``)
before the header; UTF-16LE + TAB ("Excel CSV") or UTF-8 + comma; ``Impr.``, ``CTR``
``2.81%``, ``Avg. CPC``, ``Cost``, ``Conversions``, ``Conv. value``; thousands separators
inside quotes (``"9,380"``); `` --`` placeholders; ``Total: …`` summary rows at the end
(dropped, as are unlabelled rows without a campaign).

One ``costs`` row per campaign (``category='ads'``, ``platform='google_ads'``):
``date``/``period_end`` = the title's date range, or the ``Day`` column's day
(``period_end`` = that day; a ``Week`` column gives the 7-day week, a ``Month`` column the
month); ``amount`` = ``Cost`` in ``Currency code`` (or the currency written in the Cost
header, ``Cost (EUR)``); ``impressions``, ``clicks``, ``conversions``, ``conversion_value``.
Rows of the same campaign and period (an ad-group or keyword report, whose rows split a
campaign) are summed: the costs key is (date, period_end, platform, campaign, category).
A row whose cost is blank/`` --`` has no spend to store and is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pandas as pd

from connectors.errors import ImportFailure
from connectors.formats.base import Format, ParseContext, column_index, data_records, head_records, header_keys, rows_to_frame
from connectors.readers import Document, Kind, dates, header_key, infer_date_style, numbers, parse_datetime

ALIASES = {
    "campaign": ("Campaign", "Campagne", "Campaña", "Kampagne", "Campanha", "Campaign name"),
    "status": ("Campaign status", "État de la campagne", "Estado de la campaña", "Kampagnenstatus", "Status da campanha"),
    "cost": ("Cost", "Coût", "Coste", "Kosten", "Custo", "Costo"),
    "impressions": ("Impr.", "Impressions", "Impresiones", "Impressionen", "Impressões"),
    "clicks": ("Clicks", "Clics", "Klicks", "Cliques", "Interactions"),
    "conversions": ("Conversions", "Conversiones", "Conversões", "Conv."),
    "conversion_value": ("Conv. value", "Valeur de conv.", "Valor de conv.", "Conv.-Wert", "Valor conv.", "Conversion value", "Valeur de conversion"),
    "currency": ("Currency code", "Code de la devise", "Code devise", "Código de moneda", "Währungscode", "Código da moeda", "Currency"),
    "day": ("Day", "Jour", "Día", "Tag", "Dia", "Date"),
    "week": ("Week", "Semaine", "Semana", "Woche"),
    "month": ("Month", "Mois", "Mes", "Monat", "Mês"),
}
SPECIFIC = {header_key(h) for h in ("Impr.", "Avg. CPC", "CPC moy.", "Conv. value", "Valeur de conv.", "Cost / conv.", "Coût/conv.",
                                    "Conv. value / cost", "Search impr. share", "Optimisation score", "Optimization score",
                                    "Bid strategy type", "Budget type", "CPC medio", "Durchschn. CPC", "CPC méd.")}
_TOTAL_RE = re.compile(r"^\s*(total|totaux|gesamt|totale)\b", re.I)
_CUR_IN_HEADER = re.compile(r"\(([A-Z]{3})\)")


def _find_header(doc: Document) -> int | None:
    recs = head_records(doc, 15)
    for i, r in enumerate(recs):
        keys = set(header_keys(r.cells))
        has = lambda names, keys=keys: any(header_key(n) in keys for n in names)  # noqa: E731
        if has(ALIASES["campaign"]) and (has(ALIASES["cost"]) or any(k.startswith(("cost ", "cout ", "coste ")) for k in keys)) and keys & SPECIFIC:
            return i
    return None


def _range(lines: list[str], file_name: str, line_no: int) -> tuple[dt.date | None, dt.date | None]:
    for t in lines:
        parts = re.split(r"\s+[-–—]\s+|\s+au\s+|\s+to\s+", t.strip().strip('"'))
        if len(parts) != 2:
            continue
        try:
            style = infer_date_style(parts)
            a, b = parse_datetime(parts[0], style), parse_datetime(parts[1], style)
        except ValueError:
            continue
        if a is not None and b is not None:
            return a.date(), b.date()
    return None, None


class GoogleAdsReport(Format):
    name = "google_ads_report"
    label = "Google Ads – report download (campaign report)"
    tables = ("costs",)

    def sniff(self, doc: Document) -> float:
        if doc.kind != Kind.TEXT:
            return 0.0
        try:
            hi = _find_header(doc)
        except Exception:  # noqa: BLE001
            return 0.0
        if hi is None:
            return 0.0
        return 0.95 if hi >= 1 else 0.8

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        recs = head_records(doc, 15)
        hi = _find_header(doc)
        if hi is None:
            raise ImportFailure(doc.file_name, "header not found", 1, None, "a Google Ads header (Campaign, Cost, Impr.)", "another header", code="unknown_layout")
        header = recs[hi].cells
        title_lines = [" ".join(c for c in r.cells if c.strip()) for r in recs[:hi]]
        start, end = _range(title_lines, doc.file_name, recs[hi].line)
        idx = column_index(header, ALIASES)
        if "cost" not in idx:
            for i, k in enumerate(header_keys(header)):
                if k.startswith(("cost ", "cout ", "coste ")):
                    idx["cost"] = i
                    break
        header_cur = None
        m = _CUR_IN_HEADER.search(header[idx["cost"]])
        if m:
            header_cur = m.group(1)
        timecol = next((k for k in ("day", "week", "month") if k in idx), None)
        if timecol is None and start is None:
            raise ImportFailure(
                doc.file_name, "report period missing", recs[hi].line, None,
                "the date range line above the header (e.g. '27 January 2026 - 23 February 2026') or a Day column",
                title_lines[-1] if title_lines else "nothing", code="no_period",
            )
        frames = []
        for chunk in data_records(doc, recs[hi].line, header=header):
            raw = rows_to_frame(chunk, len(header))
            camp = raw[f"c{idx['campaign']}"].astype("object").map(lambda v: v.strip() if isinstance(v, str) else "")
            first = raw["c0"].astype("object").map(lambda v: v.strip() if isinstance(v, str) else "")
            total = first.map(lambda v: bool(_TOTAL_RE.match(v))) | camp.map(lambda v: bool(_TOTAL_RE.match(v))) | camp.isin(["", "--"])
            raw = raw[~total.to_numpy()]
            camp = camp[~total.to_numpy()]
            if not len(raw):
                continue
            lines = raw["_line"].tolist()
            num = lambda k, integer=False, raw=raw, lines=lines: numbers(raw[f"c{idx[k]}"].tolist(), doc.file_name, header[idx[k]], lines, integer=integer)  # noqa: E731
            out = pd.DataFrame({"_line": raw["_line"].to_numpy(), "campaign": camp.to_numpy()})
            out["amount"] = num("cost")
            for k, integer in (("impressions", True), ("clicks", True), ("conversions", False), ("conversion_value", False)):
                out[k] = num(k, integer) if k in idx else None
            if "currency" in idx:
                cur = raw[f"c{idx['currency']}"].astype("object").map(lambda v: v.strip().upper() if isinstance(v, str) and v.strip() not in ("", "--") else None)
                out["currency"] = cur.to_numpy()
            else:
                out["currency"] = header_cur
            if timecol is None:
                out["date"], out["period_end"] = start, end
            else:
                days = dates(raw[f"c{idx[timecol]}"].tolist(), doc.file_name, header[idx[timecol]], lines)
                out["date"] = days
                if timecol == "day":
                    out["period_end"] = days
                elif timecol == "week":
                    out["period_end"] = [d + dt.timedelta(days=6) if d else None for d in days]
                else:
                    out["date"] = [d.replace(day=1) if d else None for d in days]
                    out["period_end"] = [(pd.Timestamp(d) + pd.offsets.MonthEnd(0)).date() if d else None for d in days]
            out = out[out["amount"].notna()]
            frames.append(out)
        if not frames:
            return
        df = pd.concat(frames, ignore_index=True)
        df["platform"] = "google_ads"
        df["category"] = "ads"
        df["source_format"] = self.name
        yield "costs", _combine(df)


def _combine(df: pd.DataFrame) -> pd.DataFrame:
    keycols = ["date", "period_end", "campaign"]
    key = df[keycols[0]].astype("string").fillna("\x00")
    for c in keycols[1:]:
        key = key + "\x1f" + df[c].astype("string").fillna("\x00")
    if not key.duplicated().any():
        return df
    df = df.assign(_key=key)
    sums = ("amount", "impressions", "clicks", "conversions", "conversion_value")
    for c in sums:
        df[c] = pd.to_numeric(df[c], errors="coerce")
    agg = {c: "first" for c in keycols + ["platform", "category", "currency", "source_format"]}
    agg.update({c: (lambda s: s.sum(min_count=1)) for c in sums})
    agg["_line"] = "min"
    res = df.groupby("_key", sort=False, dropna=False).agg(agg).reset_index(drop=True)
    for c in ("date", "period_end"):
        res[c] = res[c].astype("object").where(res[c].notna(), None)
    return res


FORMATS = [GoogleAdsReport()]
