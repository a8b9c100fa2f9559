"""Generic CSV or workbook (.xlsx/.xls: the first sheet holding the header) with a user-chosen
column mapping (saved per workspace, keyed by header).

The mapping says, for each source header, which canonical column it feeds. Values go
through the shared number/date parsers, so decimal commas, ``12 %``, French dates etc.
work here too. Used when no known layout matches and a mapping for this exact header
(signature = hash of the normalised header cells) was saved.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pandas as pd
import pyarrow as pa

from connectors.errors import ImportFailure
from connectors.formats.base import (
    CHUNK_ROWS,
    Format,
    ParseContext,
    check_duplicates,
    data_records,
    find_header,
    head_records,
    rows_to_frame,
)
from connectors.readers import Document, Kind, Record, dates, header_key, numbers, sheet_records
from connectors.schema import TABLES

MAPPABLE_TABLES = ("mentions", "posts", "audience", "traffic", "leads", "costs", "sentiment_daily", "content_daily")


def header_signature(headers: list[str]) -> str:
    return hashlib.sha256("\x1f".join(header_key(h) for h in headers).encode()).hexdigest()[:32]


def mapping_targets(table: str) -> list[str]:
    """Canonical columns a user may map to (provenance columns excluded)."""
    return [c for c in TABLES[table].columns if c not in ("source_format", "as_of")]


class GenericMapped(Format):
    name = "generic_mapping"
    label = "Generic CSV (saved column mapping)"
    tables = MAPPABLE_TABLES

    def sniff(self, doc: Document) -> float:
        return 0.0  # chosen by the importer when a saved mapping matches

    def parse(self, doc: Document, ctx: ParseContext) -> Iterator[tuple[str, pd.DataFrame]]:
        m = ctx.mapping or {}
        table = m["table"]
        t = TABLES[table]
        headers = m["headers"]
        fname, header, chunks = _locate(doc, [h for h in headers if h][:3])
        pos = {h.strip(): i for i, h in reversed(list(enumerate(header)))}
        used = {canon: pos[src] for src, canon in m["columns"].items() if src in pos}
        order = m.get("date_order") or default_date_order(doc.delimiter if doc.kind == Kind.TEXT else "")
        for chunk in chunks:
            raw = rows_to_frame(chunk, len(header))
            check_duplicates(raw, header, used, fname)
            out = pd.DataFrame({"_line": raw["_line"]})
            lines = raw["_line"].tolist()
            for canon, i in used.items():
                col, typ = raw[f"c{i}"], t.columns[canon]
                src = header[i]
                if pa.types.is_integer(typ) or pa.types.is_floating(typ):
                    out[canon] = numbers(col.tolist(), fname, src, lines, integer=pa.types.is_integer(typ), percent=True)
                elif pa.types.is_timestamp(typ):
                    out[canon] = dates(col.tolist(), fname, src, lines, with_time=True, tz=ctx.timezone, date_order=order)
                elif pa.types.is_date(typ):
                    out[canon] = dates(col.tolist(), fname, src, lines, date_order=order)
                else:
                    out[canon] = col.where(col.str.strip() != "", None)
            if m.get("platform") and "platform" in t.columns and "platform" not in used:
                out["platform"] = m["platform"]
            if table == "costs" and "category" not in used and m.get("category"):
                out["category"] = m["category"]
            if "account" in t.columns and "account" not in used:
                out["account"] = ctx.account or m.get("account")
            if table == "mentions":
                if "mention_id" not in used:
                    basis = out.get("url", pd.Series([None] * len(out))).fillna("") + "|" + out.get("text", pd.Series([""] * len(out))).fillna("")
                    out["mention_id"] = ["gen:" + hashlib.sha256(f"{b}|{p}".encode()).hexdigest()[:24] for b, p in zip(basis, out.get("published_at", [None] * len(out)), strict=False)]
                if "sentiment_label" in used:
                    out["sentiment_label"] = out["sentiment_label"].map(_sentiment)
                    out["sentiment_origin"] = out["sentiment_label"].map(lambda v: "export" if v else None)
            if table == "traffic" and "grain" not in used:
                out["grain"] = "day"
            out["source_format"] = self.name
            yield table, out


def default_date_order(delimiter: str) -> str:
    """How 02/03/2026 reads when a mapping does not say and no date in the column settles it:
    day first (``dmy``) for a semicolon-separated file (a spreadsheet saved in a European
    locale), else month first (``mdy``)."""
    return "dmy" if delimiter == ";" else "mdy"


def _locate(doc: Document, required: list[str]) -> tuple[str, list[str], Iterator[list[Record]]]:
    """(name for error messages, header cells, chunks of data records) of the first table
    whose header holds ``required``: in a text file, within its first 40 records; in a
    workbook, within the first 40 rows of each sheet in order (named ``file[sheet]``)."""
    if doc.kind == Kind.TEXT:
        recs = head_records(doc, 40)
        hi = find_header(recs, required)
        if hi is not None:
            return doc.file_name, recs[hi].cells, data_records(doc, recs[hi].line, header=recs[hi].cells)
    else:
        for title, rows in doc.sheets.items():
            recs = sheet_records(rows)
            hi = find_header(recs[:40], required)
            if hi is not None:
                return f"{doc.file_name}[{title}]", recs[hi].cells, _chunks(recs[hi + 1 :])
    raise ImportFailure(doc.file_name, "header not found", 1, None, "the saved header", "another header", code="unknown_layout")


def _chunks(records: list[Record]) -> Iterator[list[Record]]:
    rows = [r for r in records if any(c.strip() for c in r.cells)]
    for i in range(0, len(rows), CHUNK_ROWS):
        yield rows[i : i + CHUNK_ROWS]


def _sentiment(v: object) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    s = str(v).strip().lower()
    for label, words in {
        "positive": ("positive", "positif", "positive", "pos", "+"),
        "negative": ("negative", "négatif", "negatif", "négative", "negative", "neg", "-"),
        "neutral": ("neutral", "neutre", "neu", "mixed", "mitigé"),
    }.items():
        if s in words:
            return label
    return None


GENERIC = GenericMapped()
FORMATS = [GENERIC]
