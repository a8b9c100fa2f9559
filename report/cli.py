"""``python -m metrics report``: the client report from the command line (for cron).

``python -m metrics report --workspace W --period last-week|last-month [--start D --end D]
--lang fr|en --format html|pdf --out FILE [--paper a4|letter] [--store DIR] [--email to@x ...]``

``last-week`` is the last complete week (from the workspace's first weekday) before today in
the workspace time zone, ``last-month`` the last complete calendar month; ``--start``/``--end``
give any range. Exit codes as the import CLI: 0 done, 2 nothing written (bad arguments, no
workspace, no Chromium for a PDF, e-mail failure after the file was written: message on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import zoneinfo
from pathlib import Path


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    rp = sub.add_parser("report", help="write the client report (HTML or PDF) of a workspace over a period")
    rp.add_argument("--workspace", "-w", required=True)
    rp.add_argument("--store", default=None, help="store root (default: $BOUSSOLE_STORE, else <project>/data)")
    rp.add_argument("--period", choices=("last-week", "last-month"), default="last-week")
    rp.add_argument("--start", type=_date, default=None, help="first day (with --end; overrides --period)")
    rp.add_argument("--end", type=_date, default=None)
    rp.add_argument("--lang", choices=("en", "fr"), default="en")
    rp.add_argument("--format", choices=("html", "pdf"), default="html")
    rp.add_argument("--paper", choices=("a4", "letter"), default="a4", help="page size of the PDF (default a4)")
    rp.add_argument("--out", required=True, help="file to write")
    rp.add_argument("--email", action="append", default=[], metavar="ADDRESS",
                    help="also send the report to this address (SMTP settings in .env; repeatable)")
    return rp


def period_of(args: argparse.Namespace, today: dt.date, week_start: int = 0) -> tuple[dt.date, dt.date]:
    from metrics.periods import last_complete

    if args.start or args.end:
        if not (args.start and args.end):
            raise ValueError("--start and --end go together")
        if args.end < args.start:
            raise ValueError("--end is before --start")
        return args.start, args.end
    p = last_complete("month" if args.period == "last-month" else "week", today, week_start)
    return p.start, p.end


def run(args: argparse.Namespace) -> int:
    from connectors import loader
    from connectors.store import resolve_root
    from report import build, pdf

    def fail(msg: str) -> int:
        print(f"error: {msg}", file=sys.stderr)
        return 2

    root = resolve_root(args.store)
    if not (root / args.workspace).is_dir():
        return fail(f"no workspace {args.workspace!r} in {root}")
    cfg = loader.settings(root, args.workspace)
    today = dt.datetime.now(zoneinfo.ZoneInfo(cfg.timezone)).date()
    try:
        start, end = period_of(args, today, cfg.week_start)
    except ValueError as e:
        return fail(str(e))
    exe = None
    if args.format == "pdf":
        exe = pdf.find_chromium()
        if not exe:
            return fail("a PDF needs Chromium or Chrome (apt-get install chromium, or set BOUSSOLE_CHROMIUM); "
                        "--format html works without it")
    html = build.render(root, args.workspace, start, end, args.lang, paper=args.paper if args.format == "pdf" else None,
                        generated=today)
    if args.format == "pdf":
        try:
            data = pdf.html_to_pdf(html, exe)
        except pdf.PdfError as e:
            return fail(str(e))
    else:
        data = html.encode("utf-8")
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as e:
        return fail(f"could not write {out}: {e.strerror or e}")
    print(f"report of {args.workspace} {start.isoformat()}..{end.isoformat()} ({args.lang}, {args.format}) written to {out} "
          f"({len(data):,} bytes)")
    if args.email:
        from report import mail
        from ui import fmt
        from ui.i18n import t

        subject = t("report.doc.page_title", args.lang, client=cfg.display_name, period=fmt.date_range(start, end, args.lang))
        mime = "application/pdf" if args.format == "pdf" else "text/html"
        try:
            mail.send(args.email, subject, subject, data, out.name, mime)
        except mail.MailError as e:
            return fail(f"the report was written but not sent: {e}")
        print(f"sent to {', '.join(args.email)}")
    return 0
