"""Reading raw export files: bytes -> text -> records with physical line numbers.

Shared by every format module. Nothing here knows a platform.

* :func:`open_document` sniffs the container (CSV/TSV text, .xlsx, SpreadsheetML .xls,
  legacy binary .xls, PDF/binary junk), the encoding (BOM, UTF-16 without BOM, UTF-8,
  Windows-1251 vs Windows-1252) and the delimiter (``sep=`` hint line, else counting).
* :class:`Document` gives a head sample for sniffing and streams records
  (``iter_records``) with the physical line on which each record starts, so a 200 MB
  file is never held in memory at once.
* :func:`parse_number` / :func:`parse_date` / :func:`parse_datetime` understand the
  spellings real exports use (see ``FORMATS.md``). Vectorised helpers raise
  :class:`~connectors.errors.ImportFailure` naming file, line and column.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from connectors.errors import ImportFailure

MAX_CELL_CHARS = 1 << 20  # 1 Mi characters: no export cell is longer; a longer one is refused (bounded memory)
csv.field_size_limit(MAX_CELL_CHARS)

HEAD_BYTES = 256 * 1024

# ----------------------------------------------------------------------------- text normalisation

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


@functools.lru_cache(maxsize=65536)
def _norm_header_str(s: str) -> str:
    return _norm_header(s)


def norm_header(h: Any) -> str:
    """See :func:`_norm_header` (memoised for strings: headers and category values repeat)."""
    if isinstance(h, str):
        return _norm_header_str(h)
    return _norm_header(h)


def _norm_header(h: Any) -> str:
    """Canonical form of a header for matching: no soft hyphens/zero-width chars, NFKC,
    curly quotes straightened, no-break spaces as spaces, lower case, single spaces,
    trailing backslashes and punctuation trimmed, accents kept."""
    if h is None:
        return ""
    s = str(h).translate(_INVISIBLE)
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip().strip("\\").strip()
    return s.lower()


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def header_key(h: Any) -> str:
    """Looser key (memoised for strings): see :func:`_header_key`."""
    if isinstance(h, str):
        return _header_key_str(h)
    return _header_key(h)


@functools.lru_cache(maxsize=65536)
def _header_key_str(s: str) -> str:
    return _header_key(s)


def _header_key(h: Any) -> str:
    """Looser key: :func:`norm_header` without accents and punctuation (for alias tables)."""
    s = strip_accents(norm_header(h))
    s = re.sub(r"[^a-z0-9%()]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


# ----------------------------------------------------------------------------- container + encoding


class Kind:
    TEXT = "text"
    XLSX = "xlsx"
    XLS_XML = "xls_xml"  # SpreadsheetML 2003 (Facebook legacy ".xls")
    XLS_BIFF = "xls_biff"  # Excel 97-2003 binary
    WORKBOOKS = (XLSX, XLS_XML, XLS_BIFF)


def _looks_binary(b: bytes) -> bool:
    if not b:
        return False
    if b.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ")):
        return True
    if b.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = b[:8192]
    if _utf16_without_bom(sample):
        return False
    if sample.count(0) > 0:
        return True
    ctrl = sum(1 for c in sample if c < 9 or (13 < c < 32 and c != 27))
    return ctrl > max(8, len(sample) // 20)


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_CP1251_LETTERS = set(range(0xC0, 0x100))
MIXED_ERRORS = "boussole-cp1252"  # codec error handler: a byte that is not UTF-8 is read as Windows-1252


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """In a UTF-8 file, read the bytes that are not UTF-8 as Windows-1252 (one "é" saved
    by an old tool in an otherwise UTF-8 export), instead of turning the whole file into
    mojibake or the byte into U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error(MIXED_ERRORS, _cp1252_fallback)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def detect_encoding(head: bytes) -> str:
    """BOM, then UTF-16 without BOM, then strict UTF-8, then Windows-1251 vs 1252.

    Cyrillic text in Windows-1251 is mostly bytes 0xC0-0xFF in runs; Western text in
    1252 has isolated high bytes between ASCII letters."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    u16 = _utf16_without_bom(head[:4096])
    if u16:
        return u16
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a multi-byte char cut by the sample boundary
            try:
                head[: exc.start].decode("utf-8")
                return "utf-8"
            except UnicodeDecodeError:
                pass
        # mostly UTF-8 with a few stray single-byte characters: UTF-8, each stray byte read as cp1252
        if _UTF8_MULTIBYTE.search(head):
            return "utf-8"
    high = [c for c in head if c >= 0x80]
    if high:
        runs = len(re.findall(rb"[\xc0-\xff]{3,}", head))
        words = len(re.findall(rb"[\x80-\xff]+", head))
        if words and runs / words > 0.5 and sum(1 for c in high if c in _CP1251_LETTERS) / len(high) > 0.8:
            return "cp1251"
    return "cp1252"


# ----------------------------------------------------------------------------- the document


@dataclass
class Record:
    line: int  # physical line (1-based) where the record starts
    cells: list[str]


@dataclass
class Document:
    """An uploaded or on-disk export, ready for format sniffing and streaming parse."""

    file_name: str
    path: Path | None = None
    data: bytes | None = None
    kind: str = Kind.TEXT
    encoding: str = "utf-8"
    delimiter: str = ","
    head_text: str = ""  # decoded start of the file (for sniffing)
    head_lines: list[str] = field(default_factory=list)
    _sheets: dict[str, list[list[Any]]] | None = None

    # -- raw access

    def open_binary(self) -> io.BufferedIOBase:
        if self.path is not None:
            return open(self.path, "rb")
        return io.BytesIO(self.data or b"")

    def size(self) -> int:
        return self.path.stat().st_size if self.path is not None else len(self.data or b"")

    def text_stream(self) -> io.TextIOBase:
        enc = self.encoding
        raw = self.open_binary()
        return io.TextIOWrapper(raw, encoding=enc, errors=MIXED_ERRORS if enc == "utf-8" else "replace", newline="")

    # -- records

    def iter_records(self, delimiter: str | None = None) -> Iterator[Record]:
        """Every CSV record of the file with its starting physical line. Blank lines give
        a record with no cells (they separate blocks in GA4/Meta files)."""
        delim = delimiter or self.delimiter
        with self.text_stream() as fh:
            counter = _LineCounter(fh)
            reader = csv.reader(counter, delimiter=delim, quotechar='"', doublequote=True, strict=False)
            while True:
                start = counter.lines + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    if "field larger than field limit" in str(exc):
                        raise ImportFailure(self.file_name, "cell too long", start, None, f"cells of at most {MAX_CELL_CHARS:,} characters",
                                            "a longer cell (or a quote never closed)", code="cell_too_long",
                                            params={"max_chars": MAX_CELL_CHARS}) from None
                    raise ImportFailure(self.file_name, f"unreadable CSV: {exc}", start, None, "a well-formed CSV record", "a broken quote", code="csv") from exc
                if counter.eof and counter.lines > start:
                    # the file ended inside a quoted field: a quote opened on line `start` never
                    # closes and swallowed every line after it into one cell
                    col = next((i for i, c in enumerate(row) if "\n" in c or "\r" in c), len(row) - 1)
                    raise ImportFailure(self.file_name, "unclosed quote", start, f"#{col + 1}", "a closing quote (\")",
                                        f"a quote never closed ({counter.lines - start + 1} lines swallowed)", code="csv")
                if row and row[0].startswith("\ufeff"):
                    row[0] = row[0][1:]
                yield Record(start, row)

    def records(self, limit: int | None = None) -> list[Record]:
        out = []
        for r in self.iter_records():
            out.append(r)
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- workbooks

    @property
    def sheets(self) -> dict[str, list[list[Any]]]:
        if self._sheets is None:
            self._sheets = _read_workbook(self)
        return self._sheets


class _LineCounter:
    """Iterator over physical lines that counts them (csv.reader consumes one line at a time)."""

    def __init__(self, fh: io.TextIOBase) -> None:
        self.fh = fh
        self.lines = 0
        self.eof = False

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = self.fh.readline()
        if not line:
            self.eof = True
            raise StopIteration
        self.lines += 1
        return line


def open_document(source: str | Path | bytes, file_name: str | None = None) -> Document:
    """Sniff a file (path or bytes). Raises ImportFailure for empty or binary files."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = file_name or path.name
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
        doc = Document(file_name=name, path=path)
    else:
        name = file_name or "<upload>"
        head = bytes(source[:HEAD_BYTES])
        doc = Document(file_name=name, data=bytes(source))
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFailure(name, "the file is empty", 1, None, "a header line", "an empty file", code="empty")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(doc.open_binary()) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile as exc:
            raise ImportFailure(name, "damaged spreadsheet", 1, None, "a CSV or Excel file", "a damaged zip", code="binary") from exc
        if any(n.startswith("xl/") for n in names):
            doc.kind = Kind.XLSX
            return doc
        raise ImportFailure(name, "zip archive", 1, None, "a CSV or Excel file (unzip the export first)", "a zip archive", code="binary")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        doc.kind = Kind.XLS_BIFF
        return doc
    if head.lstrip().startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        doc.kind = Kind.XLS_XML
        doc.encoding = "utf-8"
        return doc
    if _looks_binary(head):
        what = "a PDF document" if head.startswith(b"%PDF") else "binary data"
        raise ImportFailure(name, "not a text export", 1, None, "a CSV or Excel export", what, code="binary")
    doc.encoding = detect_encoding(head)
    text = head.decode(doc.encoding if doc.encoding != "utf-16" else _utf16_name(head), errors=MIXED_ERRORS if doc.encoding == "utf-8" else "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    doc.head_text = text
    doc.head_lines = text.splitlines()
    doc.delimiter = sniff_delimiter(doc.head_lines)
    return doc


def _utf16_name(head: bytes) -> str:
    return "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"


def sniff_delimiter(lines: Sequence[str]) -> str:
    """``sep=X`` hint on the first line wins; else the candidate (, ; TAB |) giving the most
    consistent, largest field count over the first non-comment lines."""
    for ln in lines[:3]:
        m = re.fullmatch(r'"?sep=(.)"?\s*', ln.strip("\ufeff"))
        if m:
            return m.group(1)
        if ln.strip("\ufeff").lower() in ("sep=\t", '"sep=\t"'):
            return "\t"
    sample = [ln for ln in lines[:60] if ln.strip() and not ln.startswith("#")][:40]
    best, best_score = ",", -1.0
    for cand in (",", "\t", ";", "|"):
        counts = []
        for ln in sample:
            try:
                counts.append(len(next(csv.reader([ln], delimiter=cand))))
            except (csv.Error, StopIteration):
                counts.append(1)
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=multi.count)
        score = multi.count(mode) * np.log2(mode)
        if score > best_score:
            best, best_score = cand, score
    return best


def cell_text(v: Any) -> str:
    """A workbook cell as the text a CSV export would hold (ISO dates, whole numbers without
    ``.0``), so the shared number and date parsers apply unchanged."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) and v.tzinfo is None else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def sheet_records(rows: list[list[Any]]) -> list[Record]:
    """A sheet's rows as records (line = the Excel row number, 1-based)."""
    return [Record(i, [cell_text(c) for c in r]) for i, r in enumerate(rows, start=1)]


def strip_sep_line(records: list[Record]) -> list[Record]:
    if records and len(records[0].cells) <= 2 and records[0].cells and records[0].cells[0].lower().startswith("sep="):
        return records[1:]
    return records


# ----------------------------------------------------------------------------- workbooks


def _read_workbook(doc: Document) -> dict[str, list[list[Any]]]:
    if doc.kind == Kind.XLSX:
        import openpyxl

        try:
            wb = openpyxl.load_workbook(doc.open_binary(), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise ImportFailure(doc.file_name, f"unreadable Excel file: {exc}", 1, None, "a valid .xlsx workbook", "a damaged file", code="binary") from exc
        out = {}
        for ws in wb.worksheets:
            out[ws.title] = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        return out
    if doc.kind == Kind.XLS_XML:
        return _read_spreadsheetml(doc)
    if doc.kind == Kind.XLS_BIFF:
        return _read_biff(doc)
    return {}


def _read_biff(doc: Document) -> dict[str, list[list[Any]]]:
    """Legacy binary .xls (Excel 97-2003, BIFF8) through xlrd, cell by cell so that blank rows
    are kept (line numbers in error messages match what Excel shows): empty -> None, a number
    with no fraction -> int, a date-formatted number -> datetime (the workbook's 1900/1904
    epoch), booleans -> bool, error cells -> None."""
    try:
        import xlrd
    except ImportError as exc:
        raise ImportFailure(doc.file_name, "legacy .xls", 1, None, "a .xlsx or .csv file (open the .xls in Excel and save as .xlsx)", "a legacy binary .xls", code="xls") from exc
    with doc.open_binary() as fh:
        data = fh.read()
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error... on damaged files
        raise ImportFailure(doc.file_name, f"unreadable Excel file: {exc}", 1, None, "a valid .xls workbook", "a damaged file", code="binary") from exc

    def value(cell: Any) -> Any:
        t, v = cell.ctype, cell.value
        if t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        if t == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate.xldate_as_datetime(v, book.datemode)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return v
        if t == xlrd.XL_CELL_BOOLEAN:
            return bool(v)
        if t == xlrd.XL_CELL_NUMBER and float(v).is_integer():
            return int(v)
        return v

    out: dict[str, list[list[Any]]] = {}
    try:
        for i in range(book.nsheets):
            sh = book.sheet_by_index(i)
            out[sh.name] = [[value(c) for c in sh.row(r)] for r in range(sh.nrows)]
            book.unload_sheet(i)
    finally:
        book.release_resources()
    return out


def _read_spreadsheetml(doc: Document) -> dict[str, list[list[Any]]]:
    import xml.etree.ElementTree as ET

    ns = {"ss": "urn:schemas-microsoft-com:office:spreadsheet"}
    with doc.open_binary() as fh:
        raw = fh.read()
    if b"<!ENTITY" in raw:
        raise ImportFailure(doc.file_name, "XML entities are not allowed", 1, None, "a spreadsheet", "XML with entity declarations", code="binary")
    root = ET.fromstring(raw)
    out: dict[str, list[list[Any]]] = {}
    for ws in root.findall("ss:Worksheet", ns):
        name = ws.get(f"{{{ns['ss']}}}Name") or f"Sheet{len(out) + 1}"
        rows = []
        for row in ws.findall(".//ss:Row", ns):
            cells: list[Any] = []
            for cell in row.findall("ss:Cell", ns):
                idx = cell.get(f"{{{ns['ss']}}}Index")
                if idx:
                    while len(cells) < int(idx) - 1:
                        cells.append(None)
                data = cell.find("ss:Data", ns)
                cells.append(data.text if data is not None else None)
            rows.append(cells)
        out[name] = rows
    return out


# ----------------------------------------------------------------------------- numbers

_MISSING = {"", "-", "--", "—", "–", "nan", "n/a", "na", "null", "none", "(not set)", "not set", "#n/a", "#div/0!", "∞", "inf"}
_NUM_CLEAN = re.compile(r"[\s\u00a0\u202f\u2009'’]")
_CURRENCY = re.compile(r"^(?:[A-Z]{3}\s?)?[$€£¥₱₴₽]|[$€£¥₱₴₽]$|\s?(?:USD|EUR|CAD|GBP|CHF|PHP|UAH)$", re.I)
_SUFFIX = {"k": 1e3, "m": 1e6, "md": 1e9, "g": 1e9, "b": 1e9, "mio": 1e6, "mrd": 1e9}


def is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return isinstance(v, str) and v.strip().lower() in _MISSING


def parse_number(v: Any, decimal: str | None = None) -> float | None:
    """Parse a displayed number. Returns None for a missing marker; raises ValueError otherwise.

    Handles ``"89.0"``, ``"3,215"``, ``"1 234,5"``, ``"1.234,5"``, ``"1,2 k"``, ``"3.4K"``,
    ``"12 %"`` (-> 12.0, the caller decides whether it is a percent), ``"£0.00"``,
    ``"(12)"`` (negative), ``"1.47689E+18"``. ``decimal`` forces the decimal mark
    (``","`` or ``"."``); otherwise a lone comma followed by exactly three digits is
    a thousands separator and any other lone comma is a decimal comma."""
    if v is None:
        return None
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        if isinstance(v, (float, np.floating)) and np.isnan(v):
            return None
        if not math.isfinite(float(v)):
            raise ValueError(f"number out of range: {v!r}")
        return float(v)
    s = str(v).strip().strip('"').strip()
    if s.lower() in _MISSING:
        return None
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1]
    s = _CURRENCY.sub("", s).strip()
    s = s.rstrip("%").strip()
    mult = 1.0
    m = re.fullmatch(r"(.*?\d)\s*([kKmMgGbB]|Md|Mio|Mrd|md|mio|mrd)\.?", s)
    if m:
        s, mult = m.group(1), _SUFFIX[m.group(2).lower()]
    s = _NUM_CLEAN.sub("", s)
    if s.startswith("+"):
        s = s[1:]
    if s.startswith("-"):
        neg, s = not neg, s[1:]
    if not s or not re.fullmatch(r"[0-9.,]+(?:[eE][+-]?\d+)?", s):
        raise ValueError(f"not a number: {v!r}")
    if "e" in s.lower():
        out = float(s.replace(",", "."))
    else:
        dots, commas = s.count("."), s.count(",")
        if dots and commas:
            if s.rfind(",") > s.rfind("."):
                s = s.replace(".", "").replace(",", ".")
            else:
                s = s.replace(",", "")
        elif commas:
            if decimal == "," or (decimal is None and commas == 1 and not re.fullmatch(r"\d{1,3},\d{3}", s)):
                s = s.replace(",", ".")
            elif commas > 1 or re.fullmatch(r"\d{1,3}(,\d{3})+", s):
                s = s.replace(",", "")
            else:
                s = s.replace(",", ".")
        elif dots > 1:
            s = s.replace(".", "")
        elif dots == 1 and decimal == "," and re.fullmatch(r"\d{1,3}\.\d{3}", s):
            s = s.replace(".", "")
        out = float(s)
    out *= mult
    if not math.isfinite(out):
        raise ValueError(f"number out of range: {v!r}")
    return -out if neg else out


def column_decimal(values: Sequence[Any]) -> str | None:
    """Decide a column's decimal mark from its values: ',' if some value can only be a
    decimal comma (``1,5`` / ``1.234,5``), '.' if some value can only be a decimal point."""
    comma = point = False
    for v in values:
        if not isinstance(v, str):
            continue
        s = _NUM_CLEAN.sub("", v.strip().rstrip("%"))
        if re.fullmatch(r"-?\d+,\d{1,2}|-?\d+,\d{4,}|-?\d{1,3}(\.\d{3})+,\d+", s):
            comma = True
        elif re.fullmatch(r"-?\d+\.\d{1,2}|-?\d+\.\d{4,}|-?\d{1,3}(,\d{3})+\.\d+", s):
            point = True
    if comma and not point:
        return ","
    if point and not comma:
        return "."
    return None


def numbers(
    values: Sequence[Any], file_name: str, column: str, lines: Sequence[int], *, integer: bool = False, percent: bool = False
) -> list[float | None]:
    """Vectorised :func:`parse_number` with file/line/column errors. ``percent`` divides
    values written with a ``%`` sign by 100 (fractions stay fractions)."""
    dec = column_decimal(values)
    out: list[float | None] = []
    for v, ln in zip(values, lines, strict=False):
        try:
            x = parse_number(v, dec)
        except ValueError:
            raise ImportFailure(file_name, "not a number", int(ln), column, "a whole number" if integer else "a number", str(v), code="number") from None
        if x is not None and percent and isinstance(v, str) and v.strip().endswith("%"):
            x = x / 100.0
        if x is not None and integer:
            if abs(x - round(x)) > 1e-6:
                raise ImportFailure(file_name, "not a whole number", int(ln), column, "a whole number", str(v), code="number")
            x = float(round(x))
        out.append(x)
    return out


# ----------------------------------------------------------------------------- dates

MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # French
    "janv": 1, "janvier": 1, "fevr": 2, "fev": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4, "mai": 5,
    "juin": 6, "juil": 7, "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    # German / Spanish / Portuguese (common short forms)
    "januar": 1, "februar": 2, "marz": 3, "mrz": 3, "juni": 6, "juli": 7, "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "ago": 8,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "dic": 12, "diciembre": 12,
    "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "set": 9, "setembro": 9, "out": 10, "outubro": 10,
    "novembro": 11, "dezembro": 12,
}
_WEEKDAYS = r"(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?,?\s*"


def _month(name: str) -> int | None:
    k = strip_accents(name.lower()).rstrip(".")
    return MONTHS.get(k)


@dataclass(frozen=True)
class DateStyle:
    """How a column writes dates: order of numeric parts (``ymd``, ``mdy``, ``dmy``)."""

    order: str = "ymd"


def infer_date_style(values: Sequence[Any], default: str = "mdy") -> DateStyle:
    """``mdy`` vs ``dmy`` for numeric slash/dash/dot dates: a first part > 12 means day
    first, a second part > 12 means month first; dots mean day first (European);
    otherwise ``default`` (month first unless told: what US-made platform exports write)."""
    dmy = mdy = dots = 0
    for v in values:
        if not isinstance(v, str):
            continue
        m = re.match(r"\s*(\d{1,2})([/.-])(\d{1,2})[/.-](\d{2,4})", v)
        if not m:
            continue
        a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
        if sep == ".":
            dots += 1
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    if dmy and not mdy:
        return DateStyle("dmy")
    if mdy and not dmy:
        return DateStyle("mdy")
    return DateStyle("dmy" if dots else default)


def parse_datetime(v: Any, style: DateStyle | None = None, year: int | None = None, tz: str | None = None) -> pd.Timestamp | None:
    """Parse one date/time as written by exports; returns a Timestamp (tz-aware when the
    text had an offset, else naive) or None for a missing marker; raises ValueError.

    ``year`` fills dates written without a year (``"August 19"``)."""
    if v is None:
        return None
    if isinstance(v, pd.Timestamp):
        return v
    if isinstance(v, dt.datetime):
        return pd.Timestamp(v)
    if isinstance(v, dt.date):
        return pd.Timestamp(v)
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        if isinstance(v, float) and np.isnan(v):
            return None
        iv = int(v)
        if 19000101 <= iv <= 21001231:
            return pd.Timestamp(dt.datetime.strptime(str(iv), "%Y%m%d"))
        if 20000 < v < 80000:  # Excel serial date
            return pd.Timestamp("1899-12-30") + pd.Timedelta(days=float(v))
        raise ValueError(f"not a date: {v!r}")
    s = str(v).strip().strip('"').strip()
    if s.lower() in _MISSING or s.lower() in ("lifetime", "total", "grand total"):
        return None
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    style = style or DateStyle()
    # ISO and compact forms
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return pd.Timestamp(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.match(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", s):
        try:  # fast path: strict ISO 8601 (most machine-written exports)
            return pd.Timestamp(dt.datetime.fromisoformat(s))
        except ValueError:
            pass
        s2 = re.sub(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})", r"\1-\2-\3", s)
        ts = pd.to_datetime(s2, errors="coerce", format="mixed")
        if pd.isna(ts):
            raise ValueError(f"not a date: {v!r}")
        return ts
    # numeric with separators
    m = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?", s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        y = y + 2000 if y < 100 else y
        mo, d = (a, b) if style.order == "mdy" else (b, a)
        if mo > 12 and d <= 12:
            mo, d = d, mo
        return _build(y, mo, d, m.group(5), m.group(6), m.group(7), m.group(8), v)
    # textual months: "Sat, Aug 1, 2026", "Aug 28, 2025", "13-Aug-2025 09:07AM", "3 nov. 2025", "August 19"
    t = strip_accents(s.lower())
    stripped = re.sub("^" + _WEEKDAYS, "", t)
    # "mar" is both French "mardi" and English "Mar(ch)": keep the text when stripping the weekday removed the only month
    if stripped != t and not any(_month(x) for x in re.split(r"[\s,.\-/]+", stripped) if x and not x.isdigit()):
        stripped = t
    t = stripped
    time_m = re.search(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?", t)
    date_part = t[: time_m.start()] if time_m else t
    tokens = [x for x in re.split(r"[\s,.\-/]+", date_part) if x and x not in ("de", "del", "of", "le", "am", "um", "at", "a")]
    mo = d = y = None
    nums = []
    for tok in tokens:
        if tok.isdigit():
            nums.append(int(tok))
        else:
            mm = _month(tok)
            if mm and mo is None:
                mo = mm
            elif tok in ("h",):
                continue
            else:
                raise ValueError(f"not a date: {v!r}")
    if mo is None:
        raise ValueError(f"not a date: {v!r}")
    for n in nums:
        if n > 31:
            y = n
        elif d is None:
            d = n
        elif y is None:
            y = 2000 + n if n < 100 else n
    if d is None:
        raise ValueError(f"not a date: {v!r}")
    if y is None:
        if year is None:
            raise ValueError(f"date without a year: {v!r}")
        y = year
    hh, mi, ss, ap = (time_m.group(1), time_m.group(2), time_m.group(3), time_m.group(4)) if time_m else (None, None, None, None)
    return _build(y, mo, d, hh, mi, ss, ap, v)


def _build(y: int, mo: int, d: int, hh: Any, mi: Any, ss: Any, ap: Any, orig: Any) -> pd.Timestamp:
    h = int(hh) if hh else 0
    if ap:
        ap = ap.lower()
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
    try:
        return pd.Timestamp(dt.datetime(y, mo, d, h, int(mi) if mi else 0, int(ss) if ss else 0))
    except ValueError:
        raise ValueError(f"not a date: {orig!r}") from None


def parse_date(v: Any, style: DateStyle | None = None, year: int | None = None) -> dt.date | None:
    ts = parse_datetime(v, style, year)
    if ts is None:
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.date()


def dates(
    values: Sequence[Any],
    file_name: str,
    column: str,
    lines: Sequence[int],
    *,
    year: int | None = None,
    with_time: bool = False,
    tz: str = "UTC",
    date_order: str = "mdy",
) -> list[Any]:
    """Vectorised date parsing with one style per column. ``with_time`` returns UTC
    Timestamps (naive values are taken in ``tz``), else ``datetime.date``. ``date_order``
    (``mdy``/``dmy``) decides a column whose every date reads both ways (02/03/2026)."""
    style = infer_date_style(values, date_order)
    out: list[Any] = []
    cache: dict[Any, Any] = {}
    for v, ln in zip(values, lines, strict=False):
        key = v if isinstance(v, (str, int, float)) else None
        if key is not None and key in cache:
            out.append(cache[key])
            continue
        try:
            ts = parse_datetime(v, style, year)
        except ValueError:
            raise ImportFailure(file_name, "not a date", int(ln), column, "a date", str(v), code="date") from None
        if ts is None:
            res = None
        elif with_time:
            res = ts.tz_convert("UTC") if ts.tzinfo is not None else ts.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward").tz_convert("UTC")
        else:
            res = (ts.tz_localize(None) if ts.tzinfo is not None else ts).date()
        if key is not None:
            cache[key] = res
        out.append(res)
    return out


# ----------------------------------------------------------------------------- ids


def clean_id(v: Any, file_name: str, column: str, line: int, fallback_url: str | None = None) -> str | None:
    """An identifier as text. Excel's scientific notation (``1.47689E+18``) lost digits:
    recover from ``fallback_url`` (the permalink's last number) or fail clearly."""
    if is_missing(v):
        return None
    s = str(v).strip().strip('"').strip()
    if re.fullmatch(r"\d+\.0", s):
        s = s[:-2]
    if re.fullmatch(r"\d(?:\.\d+)?[eE]\+\d+", s):
        if fallback_url:
            m = re.search(r"(\d{6,})(?!.*\d{6,})", fallback_url)
            if m:
                return m.group(1)
        raise ImportFailure(
            file_name, "identifier damaged by a spreadsheet", line, column, "the full identifier (export again without opening in Excel)", s, code="sci_id"
        )
    return s


def year_hint(file_name: str) -> int | None:
    m = re.findall(r"(20\d{2})", file_name)
    return int(m[-1]) if m else None
