"""Fault corpus: hostile and odd export files, and a runner (issue 15 item 6).

``make_corpus(dir)`` writes the files (generated here, nothing binary in git). The runner
imports each one with the import CLI (``python -m connectors import``'s ``main``) in its own
child process, into a store that already holds one good import, and prints per case: exit
code, time (wall and CPU), peak memory (the child's max RSS) and the first line of the message.
The children are forked from one server process that has already imported the importer
(``run_all``): a Python start and the pandas/pyarrow imports cost ~0.5 s of CPU, as much as
most cases, 52 times. ``run_case`` runs one case the original way, ``python -m connectors
import`` started from scratch; the test runs a few cases both ways and compares. The contract,
checked by ``tests/test_fault_corpus.py``:

* exit 0 (imported, or nothing to do) or 2 (refused) - never 1 (a traceback);
* a refusal says ``FILE:LINE:`` (and the column when one cell is at fault);
* < 10 s CPU and < 1 GiB peak memory per case;
* a refused file leaves the store byte-identical.

    python -m tests.fault_corpus            # the table (markdown), in a temporary folder
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
HEADER = "date,text,url,author,source,sentiment,lang,brand,topic,reach"
GOOD = "2025-09-01T08:00:00Z,Loving the new cold brew,https://x.com/c/1,@cc,x,positive,en,Boussole,product,5400"


def rows(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def mention(i: int, date: str = "2025-09-02 10:00", text: str = "ok", reach: str = "10") -> str:
    return f"{date},{text} {i},https://x.com/c/{i},a{i},x,neutral,en,Boussole,t,{reach}"


def _xlsx(cells: list[list[object]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in cells:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_huge(n_rows: int, n_cols: int) -> bytes:
    """A small .xlsx (shared string, deflated) that expands to n_rows x n_cols cells."""
    def col(i: int) -> str:
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    cols = [col(c) for c in range(n_cols)]
    body = io.StringIO()
    body.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r in range(1, n_rows + 1):
        body.write(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in cols) + "</row>")
    body.write("</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>',
        "xl/worksheets/sheet1.xml": body.getvalue(),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def cases() -> dict[str, bytes]:
    """name -> content. Names carry the extension the import sees."""
    good_xlsx = _xlsx([HEADER.split(","), GOOD.split(","), mention(2).split(",")])
    c: dict[str, bytes] = {
        "empty.csv": b"",
        "only_bom.csv": b"\xef\xbb\xbf",
        "only_newlines.csv": b"\n\n\n\n",
        "header_only.csv": rows(),
        "png_renamed.csv": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "pdf_renamed.csv": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 20,
        "html_page.csv": b"<!DOCTYPE html><html><head><title>Login</title></head><body><form>...</form></body></html>\n",
        "json_renamed.csv": b'{"data": [{"date": "2025-09-01", "reach": 10}]}\n',
        "zip_not_xlsx.xlsx": _zip_with({"hello.txt": "hi"}),
        "truncated.xlsx": good_xlsx[: len(good_xlsx) // 2],
        "garbage.xlsx": bytes((i * 7919) % 256 for i in range(4096)),
        "truncated.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + bytes((i * 31) % 256 for i in range(1000)),
        "text_in_numeric.xlsx": _xlsx([HEADER.split(","), GOOD.split(","), [*mention(3).split(",")[:9], "lots"]]),
        "reach_1e309.csv": rows(GOOD, mention(2, reach="1e309")),
        "reach_inf.csv": rows(GOOD, mention(2, reach="inf")),
        "reach_nan_text.csv": rows(GOOD, mention(2, reach="NaNa")),
        "reach_negative.csv": rows(GOOD, mention(2, reach="-5")),
        "reach_huge_int.csv": rows(GOOD, mention(2, reach="99999999999999999999999")),
        "year_0001.csv": rows(GOOD, mention(2, date="0001-01-01 10:00")),
        "year_1900.csv": rows(GOOD, mention(2, date="1900-01-01 10:00")),
        "year_9999.csv": rows(GOOD, mention(2, date="9999-12-31 10:00")),
        "feb_30.csv": rows(GOOD, mention(2, date="2025-02-30 10:00")),
        "date_garbage.csv": rows(GOOD, mention(2, date="yesterday-ish")),
        "unclosed_quote.csv": rows(GOOD, '2025-09-02 10:00,"this quote never closes,https://x.com/c/2,a,x,neutral,en,B,t,1',
                                   *[mention(i) for i in range(3, 25)]),
        "quote_inside_field.csv": rows(GOOD, '2025-09-02 10:00,he said "hi" twice,https://x.com/c/2,a,x,neutral,en,B,t,1'),
        "cp1252_byte_in_utf8.csv": rows(GOOD, mention(101, text="café"), mention(102, text="déjà")).replace("déjà".encode(), "déjà".encode("cp1252")),
        "cp1252_whole_file.csv": rows(GOOD, mention(2, text="café crème")).decode().encode("cp1252"),
        "invalid_utf8_everywhere.csv": rows(GOOD, *[mention(i, text="bad\xff") for i in range(2, 6)]).replace(b"\xc3\xbf", b"\xff"),
        "utf16_no_bom.csv": rows(GOOD, mention(2)).decode().encode("utf-16-le"),
        "nul_bytes.csv": rows(GOOD, mention(2)).replace(b"ok 2", b"o\x00k 2"),
        "control_chars.csv": rows(GOOD, mention(2, text="bell\x07 esc\x1b[31m red")),
        "cr_only_newlines.csv": rows(GOOD, mention(2)).replace(b"\n", b"\r"),
        "bom_in_middle.csv": rows(GOOD, mention(2, text="\ufeffmid")),
        "emoji_and_rtl.csv": rows(GOOD, mention(2, text="\U0001f600 \u202eevil\u202c")),
        "more_cells_than_header.csv": rows(GOOD, mention(2) + ",extra,extra2"),
        "fewer_cells_than_header.csv": rows(GOOD, "2025-09-02 10:00,short"),
        "duplicate_headers.csv": rows("2025-09-01,a,b", header="date,text,text"),
        "only_separators.csv": b",,,,,,\n,,,,,,\n",
        "sep_line_only.csv": b"sep=;\n",
        "formula_cells.csv": rows(GOOD, mention(2, text='=HYPERLINK("http://evil")')),
        "many_columns_5000.csv": rows(",".join("x" for _ in range(5000)), header=",".join(f"c{i}" for i in range(5000))),
        "long_header_64k.csv": rows("1", header=",".join(f"Some long text column {i}" for i in range(2800))),
        "long_header_1mb.csv": rows("1", header=",".join(f"Some long text column {i}" for i in range(45000))),
        "long_line_no_newline_4mb.csv": b"a" * (4 << 20),
        "huge_field_8mb.csv": rows(GOOD, mention(2, text="x" * (8 << 20))),
        "huge_field_50mb.csv": rows(GOOD, mention(2, text="y" * (50 << 20))),
        "long_quoted_field_900k.csv": rows(GOOD, mention(2, text='"' + "z" * (900 << 10) + '"')),
        "many_blank_lines.csv": rows(GOOD) + b"\n" * 200_000 + rows(mention(2), header="").lstrip(b"\n"),
        "huge_xlsx_200k_cells.xlsx": _xlsx_huge(10_000, 20),
        "multiline_quoted_ok.csv": rows(GOOD, '2025-09-02 10:00,"two\nlines",https://x.com/c/201,a,x,neutral,en,B,t,1', mention(3)),
        "second_good_file.csv": rows(mention(7), mention(8)),
        "x_overview_weird_numbers.csv": (
            b"Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n"
            b'"Tue, Aug 26, 2025",1e309,4,29,0,0,1,0,6,0,4,0,0,0\n'
        ),
    }
    return c


def _zip_with(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return buf.getvalue()


def make_corpus(d: Path) -> list[Path]:
    d.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in cases().items():
        p = d / name
        p.write_bytes(data)
        out.append(p)
    return out


@dataclass
class Outcome:
    case: str
    code: int
    wall_s: float
    cpu_s: float
    peak_mib: float
    message: str
    store_unchanged: bool


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and ".locks" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def seed_store(root: Path, work: Path) -> None:
    good = work / "good.csv"
    good.write_bytes(rows(GOOD, mention(900)))
    subprocess.run([sys.executable, "-m", "connectors", "import", str(good), "--workspace", "w", "--store", str(root)],
                   cwd=PROJECT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})


# the child is started by a small launcher whose own rusage gives the child's alone: on
# Linux a child started straight from a big parent inherits the parent's peak RSS
LAUNCHER = """
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[2:], capture_output=True)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = ru.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1024)
json.dump({"code": p.returncode, "cpu": ru.ru_utime + ru.ru_stime, "peak": peak,
           "err": p.stderr.decode("utf-8", "replace")[-4000:]}, open(sys.argv[1], "w"))
"""


def run_case(path: Path, root: Path, timeout: float = 120.0) -> Outcome:
    """``path`` imported by ``python -m connectors import`` started from scratch (a launcher
    process between: its RUSAGE_CHILDREN is the import process's alone)."""
    before = tree_hash(root)
    report = path.with_suffix(path.suffix + ".json")
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONWARNINGS": "ignore"}
    t0 = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", LAUNCHER, str(report), sys.executable, "-m", "connectors", "import", str(path),
                        "--workspace", "w", "--store", str(root)], cwd=PROJECT, env=env, timeout=timeout, check=True)
        r = json.loads(report.read_text())
    except subprocess.TimeoutExpired:
        r = {"code": -9, "cpu": float("nan"), "peak": float("nan"), "err": f"timed out after {timeout} s"}
    wall = time.perf_counter() - t0
    return Outcome(path.name, r["code"], wall, r["cpu"], r["peak"], _message(r["code"], r["err"]), before == tree_hash(root))


# One process imports the import CLI once, then forks one child per case: each case is still a
# process of its own (its exit status, CPU and peak RSS come from os.wait4 on that child alone),
# without a Python start each. The server does no pandas/pyarrow work itself (no thread pool to
# fork). A forked child's own figures leave out what a fresh ``python -m connectors import``
# spends before reading the file (the interpreter start and the imports: ~0.5 s CPU, ~60 MiB
# that the child shares with the server but does not all count as its own), so the server adds
# its own CPU and peak RSS after those imports to each child's: CPU s and peak MiB are upper
# bounds of a fresh process's (checked against one on a few cases in test_fault_corpus).
FORK_SERVER = """
import json, os, resource, signal, sys, time, traceback
from pathlib import Path
import connectors.importer  # what the CLI imports lazily: loaded once, here
from connectors.__main__ import main
from tests.fault_corpus import tree_hash

report, root, timeout, paths = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
MIB = 1 << 20 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes on macOS, KiB on Linux
ru0 = resource.getrusage(resource.RUSAGE_SELF)
base_cpu, base_peak = ru0.ru_utime + ru0.ru_stime, ru0.ru_maxrss / MIB
try:  # Linux: this process's own peak (ru_maxrss also counts the parent's before exec)
    base_peak = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:")) / 1024
except OSError:
    pass
out = []
for path in paths:
    before = tree_hash(Path(root))
    err_path = path + ".stderr"
    sys.stdout.flush(); sys.stderr.flush()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: what `python -m connectors import PATH ...` does after its imports
        code = 1
        try:
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(err, 2)
            signal.alarm(timeout)  # SIGALRM's default action ends the child
            try:
                code = main(["import", path, "--workspace", "w", "--store", root])
            except SystemExit as exc:  # as the interpreter maps sys.exit()
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
            except BaseException:
                traceback.print_exc()
                code = 1
        finally:
            try:
                sys.stdout.flush(); sys.stderr.flush()
            finally:
                os._exit(code & 0xFF)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        code = -9 if sig == signal.SIGALRM else -sig
        err = f"timed out after {timeout} s" if sig == signal.SIGALRM else f"killed by signal {sig}"
    else:
        code = os.WEXITSTATUS(status)
        with open(err_path, "rb") as f:
            err = f.read().decode("utf-8", "replace")[-4000:]
    out.append({"path": path, "code": code, "wall": wall, "cpu": base_cpu + ru.ru_utime + ru.ru_stime,
                "peak": base_peak + ru.ru_maxrss / MIB,
                "err": err, "unchanged": before == tree_hash(Path(root))})
with open(report, "w") as f:
    json.dump(out, f)
"""


def _message(code: int, err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    msg = lines[-1] if code not in (0, 2) and lines else (lines[0] if lines else "")
    return msg[:160]


def run_forked(paths: list[Path], root: Path, timeout: int = 120) -> list[Outcome]:
    """Each of ``paths`` imported, in this order, by its own child forked from one server process
    (see ``FORK_SERVER``); the store is hashed before and after each case."""
    report = root.parent / "fork-server-report.json"
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONWARNINGS": "ignore"}
    subprocess.run([sys.executable, "-c", FORK_SERVER, str(report), str(root), str(timeout), *map(str, paths)],
                   cwd=PROJECT, env=env, check=True, timeout=timeout * len(paths) + 60)
    return [Outcome(Path(r["path"]).name, r["code"], r["wall"], r["cpu"], r["peak"], _message(r["code"], r["err"]), r["unchanged"])
            for r in json.loads(report.read_text())]


def run_all(work: Path) -> list[Outcome]:
    root = work / "store"
    seed_store(root, work)
    return run_forked(make_corpus(work / "corpus"), root)


def table(outcomes: list[Outcome]) -> str:
    out = ["| case | exit | wall s | CPU s | peak MiB | store unchanged | message |", "|---|---|---|---|---|---|---|"]
    for o in outcomes:
        msg = o.message.replace("|", "\\|")
        out.append(f"| {o.case} | {o.code} | {o.wall_s:.1f} | {o.cpu_s:.1f} | {o.peak_mib:.0f} | {'yes' if o.store_unchanged else 'NO'} | {msg} |")
    return "\n".join(out)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="boussole-faults-") as tmp:
        print(table(run_all(Path(tmp))))
