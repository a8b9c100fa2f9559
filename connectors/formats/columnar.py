"""Column-wise reading of a text export's table: the rows below a header through
``pyarrow.csv`` and per-column conversions that give exactly what the per-cell code gives.

:func:`read_columns` returns None whenever it cannot promise the same records, with the same
physical line numbers, as :meth:`connectors.readers.Document.iter_records` (a record spread
over several lines, blank or short rows, a lone CR line end, a NUL byte, a cell over the size
limit, bytes that are not UTF-8 in a UTF-8 file, a parse error...). The caller then streams
records as before, so every message about a broken file stays the per-cell code's.

The conversions (:func:`texts_arrow`, :func:`number_fast`, :func:`iso_datetimes`) handle in Arrow or
pandas only the spellings whose result is known (plain integers, ISO 8601 dates, text without
white space or non-ASCII at its ends, longer than any missing-value marker); the other cells go
through the per-cell functions, which also raise the errors naming file, line and column.
"""

from __future__ import annotations

import binascii
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from connectors.readers import _MISSING, MAX_CELL_CHARS, Document, Kind

# off: every table is read record by record (the reference path; the equivalence tests compare both)
ENABLED = os.environ.get("BOUSSOLE_COLUMNAR", "1") != "0"
BLOCK_BYTES = 1 << 26  # the CSV reader's block (its rows are contiguous: a chunk within one block is not copied)
MAX_BYTES = 2 << 30  # the whole file is held in memory while Arrow parses it
_MAX_MISSING = max(len(m) for m in _MISSING)


@dataclass
class ColumnChunk:
    """Rows of a table as Arrow string columns (all cells, ``""`` for an empty one) with the
    physical line of each row."""

    cols: list[pa.Array]
    lines: np.ndarray

    def __len__(self) -> int:
        return len(self.lines)


def _text_bytes(doc: Document) -> bytes | None:
    if doc.encoding in ("utf-8", "utf-8-sig"):
        if doc.size() > MAX_BYTES:
            return None
        with doc.open_binary() as fh:
            data = fh.read()
        if doc.encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        return data
    if doc.size() > MAX_BYTES // 2:
        return None
    with doc.text_stream() as fh:  # same decoding (and replacement of bad bytes) as iter_records
        text = fh.read()
    return text.encode("utf-8", errors="surrogatepass")


def read_columns(doc: Document, header_line: int, width: int) -> list[pa.ChunkedArray] | None:
    """Every row below physical line ``header_line`` as ``width`` string columns (chunked as the
    CSV reader's blocks), or None (see the module docstring). Blank lines are skipped by the
    reader; blank rows of cells are dropped by :func:`chunks`, as :func:`data_records` does."""
    if not ENABLED or doc.kind != Kind.TEXT or width < 1:
        return None
    data = _text_bytes(doc)
    if data is None or b"\x00" in data or (b"\r" in data and data.count(b"\r") != data.count(b"\r\n")):
        return None
    pos = 0
    for _ in range(header_line):
        nl = data.find(b"\n", pos)
        if nl < 0:
            return None
        pos = nl + 1
    body = memoryview(data)[pos:]
    n_lines = data.count(b"\n", pos) + (0 if data.endswith(b"\n") or pos >= len(data) else 1)
    names = [f"c{i}" for i in range(width)]
    try:
        tbl = pacsv.read_csv(
            pa.BufferReader(body),
            # one thread: less CPU in all (the reader's threads cost more than they save on a busy machine)
            read_options=pacsv.ReadOptions(column_names=names, block_size=BLOCK_BYTES, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=doc.delimiter, quote_char='"', double_quote=True, escape_char=False,
                                             newlines_in_values=True, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                                                 quoted_strings_can_be_null=False, check_utf8=True),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeError, ValueError):
        return None
    del body
    if tbl.num_rows != n_lines:  # a record over several lines, or blank lines: line numbers unknown
        return None
    cols = list(tbl.columns)  # not combined: each block's columns are contiguous already (no copy of the file's text)
    del tbl
    if not n_lines:
        return cols
    for c in cols:  # a cell's bytes bound its characters: count them only when the bytes exceed the limit
        if max((int(np.diff(np.frombuffer(k.buffers()[1], dtype=np.int32)[k.offset : k.offset + len(k) + 1]).max(initial=0)) for k in c.chunks), default=0) > MAX_CELL_CHARS \
                and pc.max(pc.utf8_length(c)).as_py() > MAX_CELL_CHARS:
            return None
    if pc.any(pc.starts_with(cols[0], "\ufeff")).as_py():
        return None
    return cols


def chunks(doc: Document, header_line: int, width: int, size: int) -> Iterator[ColumnChunk] | None:
    """:func:`read_columns` cut in chunks of ``size`` rows, as the record reader cuts them (None:
    read record by record). A chunk's columns are slices of the reader's blocks; only a chunk
    that straddles two blocks is copied."""
    cols = read_columns(doc, header_line, width)
    if cols is None:
        return None
    n = len(cols[0])
    lines = np.arange(header_line + 1, header_line + 1 + n, dtype=np.int64)
    # blank rows (every cell white space) are skipped like blank records: candidates are the
    # rows without any printable ASCII character, checked with Python's str.strip
    cand = None
    for c in cols:
        m = pc.invert(pc.match_substring_regex(c, "[!-~]"))
        cand = m if cand is None else pc.and_(cand, m)
        if not pc.any(cand).as_py():  # no candidate left (the usual case, after the first column)
            break
    if cand is not None and pc.any(cand).as_py():
        idx = np.flatnonzero(cand.to_numpy(zero_copy_only=False))
        blank = [i for i in idx if all(not c[int(i)].as_py().strip() for c in cols)]
        if blank:
            keep = np.ones(n, dtype=bool)
            keep[blank] = False
            cols = [c.filter(pa.array(keep)) for c in cols]
            lines = lines[keep]
            n = len(lines)

    def gen() -> Iterator[ColumnChunk]:
        for start in range(0, n, size):
            part = [c.slice(start, size) for c in cols]
            yield ColumnChunk([p.chunk(0) if p.num_chunks == 1 else p.combine_chunks() for p in part], lines[start : start + size])

    return gen()


# ----------------------------------------------------------------------------- conversions


def _plain_text(v: str) -> str | None:
    s = v.strip()
    return None if not s or s.lower() in _MISSING else s


def _safe_text(arr: pa.Array) -> np.ndarray:
    """Cells that are their own ``Cols.text``: longer than every missing-value marker (in
    characters), first and last byte printable ASCII (so neither end is white space or part of a
    multi-byte character). Read from the string buffers: byte lengths are character lengths
    unless some byte is not ASCII."""
    n = len(arr)
    if n == 0:
        return np.zeros(0, dtype=bool)
    if arr.type != pa.string():
        arr = arr.cast(pa.string())
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int32)[arr.offset : arr.offset + n + 1]
    nbytes = np.diff(offsets)
    if offsets[-1] == offsets[0]:
        return np.zeros(n, dtype=bool)
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8)
    ascii_only = not pc.any(pc.invert(pc.string_is_ascii(arr))).as_py()
    length = nbytes if ascii_only else pc.utf8_length(arr).to_numpy(zero_copy_only=False)
    ok = length > _MAX_MISSING
    if arr.null_count:
        ok &= arr.is_valid().to_numpy(zero_copy_only=False)
    if not ok.any():
        return ok
    starts = offsets[:-1][ok]
    first, last = data[starts], data[starts + nbytes[ok] - 1]
    ok[ok] = (first >= 0x21) & (first <= 0x7E) & (last >= 0x21) & (last <= 0x7E)
    return ok


def texts_arrow(arr: pa.Array) -> pa.Array:
    """``Cols.text`` of string cells as an Arrow string array: stripped text, null for a blank or
    missing-value marker. Cells longer than every marker whose first and last characters are
    printable ASCII are their own result; the others go through Python's strip/lower once per
    distinct value."""
    slow = pa.array(~_safe_text(arr))
    if not pc.any(slow).as_py():
        return arr
    if pc.all(slow).as_py():  # short cells (authors, sources): every cell once per distinct value
        d = arr.dictionary_encode()
        return pa.array([_plain_text(v) for v in d.dictionary.to_pylist()], type=pa.string()).take(d.indices)
    d = arr.filter(slow).dictionary_encode()
    mapped = pa.array([_plain_text(v) for v in d.dictionary.to_pylist()], type=pa.string())
    return pc.replace_with_mask(arr, slow, mapped.take(d.indices))


def texts(arr: pa.Array) -> np.ndarray:
    """:func:`texts_arrow` as an object array (None for missing)."""
    return texts_arrow(arr).to_numpy(zero_copy_only=False)


def sha_hex(arr: pa.Array, n: int = 32, prefix: str = "") -> pa.Array:
    """``prefix + sha256(value).hexdigest()[:n]`` of every (non-null) string of ``arr``, as an
    Arrow string array: one hashlib call per value, the hex spelling and the strings built
    column-wise (no Python string per row)."""
    h = hashlib.sha256
    digests = b"".join([h(b).digest() for b in arr.cast(pa.binary()).to_pylist()])
    m = len(arr)
    pre = np.frombuffer(prefix.encode("utf-8"), dtype=np.uint8)
    width = len(pre) + n
    buf = np.empty((m, width), dtype=np.uint8)
    buf[:, : len(pre)] = pre
    if m:
        buf[:, len(pre) :] = np.frombuffer(binascii.hexlify(digests), dtype=np.uint8).reshape(m, 64)[:, :n]
    offsets = np.arange(0, m * width + 1, width, dtype=np.int64)
    return pa.LargeStringArray.from_buffers(m, pa.py_buffer(offsets), pa.py_buffer(buf)).cast(pa.string())


# a superset of the cells infer_date_style counts (numeric d/m/y dates; any non-ASCII cell, for
# Python's Unicode digits and spaces)
NUMERIC_DATE_HINT = r"(?s)\A[\t-\r\x1c-\x20]*[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2}|[^\x00-\x7f]"

_INT_RE = r"\A-?[0-9]{1,15}\z"


def number_fast(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(values, done): float values of the cells that are empty (NaN) or a plain integer of at
    most 15 digits (exactly what ``parse_number`` returns for them); ``done`` is False for the
    cells left to the per-cell parser."""
    empty = pc.equal(arr, "")
    ints = pc.match_substring_regex(arr, _INT_RE)
    done = pc.or_(empty, ints).to_numpy(zero_copy_only=False)
    vals = np.full(len(arr), np.nan)
    ints_np = ints.to_numpy(zero_copy_only=False)
    if ints_np.any():
        vals[ints_np] = pc.cast(arr.filter(ints), pa.float64()).to_numpy(zero_copy_only=False)
    return vals, done


# years 1900-2099 only: pandas' nanosecond range is 1677-2262; other years are left per cell
_ISO_NAIVE = r"\A(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?\z"
_ISO_AWARE = r"\A(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:[0-9]{2})\z"


def iso_datetimes(arr: pa.Array, tz: str) -> tuple[np.ndarray, np.ndarray]:
    """(UTC instants as naive ``datetime64[ns]``, done) for the cells written in plain ISO 8601
    (``2025-09-01``, ``2025-09-01 17:30[:00]``, ``T`` separator, ``Z`` or ``+02:00``): what
    ``parse_datetime`` + the workspace time zone give them. Naive times are taken in ``tz`` (an
    ambiguous hour is NaT, a missing one shifted forward, as per cell). A cell pandas cannot
    read (2025-02-30, year 0001) is left to the per-cell parser, which names it."""
    n = len(arr)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    done = np.zeros(n, dtype=bool)
    for pattern, aware in ((_ISO_NAIVE, False), (_ISO_AWARE, True)):
        m = pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False)
        if not m.any():
            continue
        sub = arr.filter(pa.array(m))
        try:  # Arrow's ISO 8601 cast: the same instants, no Python string per cell; it refuses a whole
            # chunk for one cell pandas would leave NaT (2025-02-30, 24:00): then pandas
            parsed = pd.Series(pc.cast(sub, pa.timestamp("ns", tz="UTC") if aware else pa.timestamp("ns")).to_pandas())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            parsed = pd.to_datetime(pd.Series(sub.to_numpy(zero_copy_only=False), dtype=object), format="ISO8601", errors="coerce", utc=aware)
        ok = parsed.notna().to_numpy()
        parsed = parsed.dt.as_unit("ns")
        if aware:
            conv = parsed.dt.tz_convert("UTC")
        else:
            conv = parsed.dt.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward").dt.tz_convert("UTC")
        pos = np.flatnonzero(m)[ok]
        out[pos] = conv.dt.tz_convert(None).to_numpy(dtype="datetime64[ns]")[ok]
        done[pos] = True
    return out, done
