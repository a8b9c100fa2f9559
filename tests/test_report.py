"""The client report (report/): numbers equal the summary's in locale format, sections, escaping,
isolation between workspaces, the CLI (exit codes, e-mail to a local SMTP server), the PDF."""

from __future__ import annotations

import datetime as dt
import email
import json
import re
import shutil
import socketserver
import subprocess
import threading
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pytest

from connectors import loader, store
from metrics.cli import main as cli
from report.build import build_html
from report.data import collect
from ui import fmt
from ui.i18n import t
from ui.period import last_complete_week


class _Text(HTMLParser):
    """Visible text of a document (script and style left out) and the <img> sources."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.imgs: list[str] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "img":
            self.imgs.append(dict(attrs).get("src") or "")
        if tag == "h2":
            self._in_h2 = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if self._in_h2:
                self.h2.append(data)


def parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def text_of(html: str) -> str:
    return " ".join(parse(html).parts)


@pytest.fixture(scope="module")
def week() -> tuple[dt.date, dt.date]:
    return last_complete_week(dt.date.today())


@pytest.fixture(scope="module")
def week_summary(demo_root, week) -> dict:
    """``loader.load_summary`` of the demo over ``week`` (what `python -m metrics summary` prints),
    computed once for the tests that compare the report with it."""
    return loader.load_summary(demo_root, "demo", *week)


@pytest.fixture(scope="module")
def demo_report(demo_root, week):
    rd = collect(demo_root, "demo", *week)
    return rd, {lang: build_html(rd, lang, generated=dt.date(2026, 1, 5)) for lang in ("en", "fr")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_summary_figures_in_locale_format(demo_root, week, demo_report, week_summary, lang):
    _, pages = demo_report
    html = pages[lang]
    text = text_of(html)
    summ = week_summary  # what `python -m metrics summary` prints
    p, s, tr = summ["presence"], summ["sentiment"], summ["traffic"]
    expected = [
        fmt.integer(p["followers_end"], lang), fmt.integer(p["impressions"], lang), fmt.integer(p["engagements"], lang),
        fmt.integer(p["mentions"], lang), fmt.integer(p["new_followers"], lang), fmt.integer(s["positive"], lang),
        fmt.integer(s["negative"], lang), fmt.percent(s["net_sentiment"], 1, lang), fmt.percent(p["share_of_voice"], 1, lang),
        fmt.percent(p["engagement_rate_reach"], 1, lang), fmt.integer(tr["sessions"], lang),
        fmt.integer(tr["social_sessions"], lang), fmt.percent(tr["social_share"], 1, lang),
    ]
    for figure in expected:
        assert figure in text, f"{figure!r} ({lang}) not in the report"
    if lang == "fr":
        # French grouping: a narrow no-break space, never a comma
        assert p["followers_end"] >= 1000 and "\u202f" in fmt.integer(p["followers_end"], "fr")
        assert fmt.integer(p["followers_end"], "en") not in text
    # the goals with their status, in the report's language
    for g in summ["goals"]:
        assert t(f"metrics.status.{g['status']}", lang) in text
    # cover: client name and both periods
    assert loader.settings(demo_root, "demo").display_name in text
    assert fmt.date_range(*week, lang) in text
    heads = " ".join(parse(html).h2)
    for sec in ("objectives", "goals", "campaigns", "listening", "maturity", "loop"):
        assert t(f"report.section.{sec}", lang) in heads


def test_plotly_inline_once_and_offline(demo_report):
    _, pages = demo_report
    html = pages["en"]
    # the library once (its banner), one newPlot per chart, nothing fetched from a network
    assert len(re.findall(r"plotly\.js v\d", html)) == 1
    n_charts = html.count('<div class="chart">')
    assert n_charts >= 4 and html.count("Plotly.newPlot(") == n_charts
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']https?://""", html)
    # print rules
    for rule in ("break-inside: avoid", "break-after: avoid", "@page", "break-after: page"):
        assert rule in html


def test_change_against_previous_period_is_the_overviews(demo_root, week, demo_report):
    """The KPI change is measured against the comparison period computed by the registry
    (what the Overview shows); its previous value is the summary of that period."""
    rd, pages = demo_report
    prev = loader.load_summary(demo_root, "demo", rd.prev_start, rd.prev_end)
    assert rd.deltas["mentions"].previous == prev["presence"]["mentions"]
    assert rd.deltas["sessions"].previous == prev["traffic"]["sessions"]
    cur, before = rd.summary["presence"]["mentions"], prev["presence"]["mentions"]
    d = cur - before
    expected = fmt.integer(d, "en", signed=True) + f" ({fmt.percent(d / before, 1, 'en', signed=True)})"
    assert expected in text_of(pages["en"])


def _second_workspace(root: Path) -> None:
    src = root / "demo"
    shutil.copytree(src, root / "other")
    doc = store.load_config(root, "other", "workspace", {})
    doc.update(display_name="Clientèle Confidentielle Zêta", own_brand="MarqueSecrète", competitors=["RivalCaché"])
    store.save_config(root, "other", "workspace", doc)
    store.save_config(root, "other", "journal", [{"id": "x", "date": "2020-01-01", "change": "Action secrète de Zêta",
                                                  "metric": "mentions", "review_date": "2020-02-01", "status": "open"}])


def test_nothing_of_another_workspace(demo_copy, week):
    _second_workspace(demo_copy)
    html = build_html(collect(demo_copy, "demo", *week), "fr")
    for secret in ("Confidentielle", "Zêta", "MarqueSecrète", "RivalCaché", "Action secrète"):
        assert secret not in html
    other = build_html(collect(demo_copy, "other", *week), "fr")
    assert "Clientèle Confidentielle Zêta" in text_of(other)
    assert loader.settings(demo_copy, "demo").display_name not in other


def test_hostile_text_is_escaped(demo_copy, week):
    start, end = week
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    doc = store.load_config(demo_copy, "demo", "workspace", {})
    doc.update(display_name="Client " + hostile, brand_color="red;}</style><script>alert(2)</script>", logo="../../etc/passwd")
    store.save_config(demo_copy, "demo", "workspace", doc)
    journal = store.load_config(demo_copy, "demo", "journal", []) or []
    journal.append({"id": "hostile", "date": start.isoformat(), "change": "Act " + hostile, "metric": "mentions",
                    "review_date": (end + dt.timedelta(days=20)).isoformat(), "status": "open"})
    store.save_config(demo_copy, "demo", "journal", journal)
    html = build_html(collect(demo_copy, "demo", start, end), "en", notes={"exec": "Note " + hostile, "goals": "</div>" + hostile})
    assert "<script>alert" not in html and "<img src=x" not in html and "alert(2)" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in html
    text = text_of(html)
    assert "Client " + hostile in text and "Act " + hostile in text and "Note " + hostile in text
    assert parse(html).imgs == [], "a logo path outside the workspace folder is ignored"
    assert "#1f4e79" in html, "an invalid colour falls back to the default"


def test_logo_and_colour_from_settings(demo_copy, week):
    png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    doc = store.load_config(demo_copy, "demo", "workspace", {})
    doc.update(logo=png, brand_color="#aa3300")
    store.save_config(demo_copy, "demo", "workspace", doc)
    html = build_html(collect(demo_copy, "demo", *week, sections=("goals",)), "en", sections=("goals",))
    assert parse(html).imgs == [png]
    assert "--brand: #aa3300" in html
    # a file inside the workspace folder is embedded as a data URI
    (demo_copy / "demo" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    doc["logo"] = "logo.png"
    store.save_config(demo_copy, "demo", "workspace", doc)
    html = build_html(collect(demo_copy, "demo", *week, sections=("goals",)), "en", sections=("goals",))
    assert parse(html).imgs[0].startswith("data:image/png;base64,iVBORw0KGgo")


def test_sections_without_data_are_left_out(tmp_path, week):
    store.save_config(tmp_path, "empty", "workspace", {"display_name": "Nouveau client", "currency": "CAD"})
    html = build_html(collect(tmp_path, "empty", *week), "fr")
    heads = parse(html).h2
    assert heads == [], heads
    assert "Nouveau client" in text_of(html)
    assert "Plotly" not in html, "no chart, no plotly.js"


def test_chosen_sections_only(demo_report):
    rd, _ = demo_report
    html = build_html(rd, "en", sections=("goals", "maturity"))
    assert parse(html).h2 == [t("report.section.exec", "en"), t("report.section.goals", "en"), t("report.section.maturity", "en")]


# --------------------------------------------------------------------------- CLI


def test_cli_html_and_exit_codes(demo_root, tmp_path, week, capsys):
    out = tmp_path / "r" / "week.html"
    start, end = week
    rc = cli(["report", "--workspace", "demo", "--store", str(demo_root), "--start", start.isoformat(), "--end", end.isoformat(),
              "--lang", "fr", "--format", "html", "--out", str(out)])
    assert rc == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    summ = json.loads(subprocess.run(
        ["python", "-m", "metrics", "summary", "--workspace", "demo", "--store", str(demo_root), "--start", start.isoformat(),
         "--end", end.isoformat()], capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent).stdout)
    assert fmt.integer(summ["presence"]["followers_end"], "fr") in text_of(html)
    capsys.readouterr()
    assert cli(["report", "--workspace", "nope", "--store", str(demo_root), "--out", str(tmp_path / "x.html")]) == 2
    assert "no workspace 'nope'" in capsys.readouterr().err
    assert cli(["report", "--workspace", "demo", "--store", str(demo_root), "--start", "2025-01-01",
                "--out", str(tmp_path / "x.html")]) == 2
    assert "--start and --end go together" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_cli_pdf_without_chromium(demo_root, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOUSSOLE_CHROMIUM", str(tmp_path / "no-such-browser"))
    out = tmp_path / "r.pdf"
    assert cli(["report", "--workspace", "demo", "--store", str(demo_root), "--format", "pdf", "--out", str(out)]) == 2
    assert "Chromium" in capsys.readouterr().err and not out.exists()


class _Smtp(socketserver.StreamRequestHandler):
    """A minimal SMTP server (enough for smtplib: EHLO, MAIL, RCPT, DATA, QUIT)."""

    def handle(self):
        w = self.wfile.write
        w(b"220 localhost test SMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("ascii", "replace").strip().upper()
            if cmd.startswith(("EHLO", "HELO")):
                w(b"250-localhost\r\n250 8BITMIME\r\n")
            elif cmd.startswith("MAIL FROM"):
                self.server.envelope = {"from": line.decode().strip(), "to": []}
                w(b"250 OK\r\n")
            elif cmd.startswith("RCPT TO"):
                self.server.envelope["to"].append(line.decode().strip())
                w(b"250 OK\r\n")
            elif cmd == "DATA":
                w(b"354 go ahead\r\n")
                chunks = []
                while True:
                    ln = self.rfile.readline()
                    if ln in (b".\r\n", b".\n", b""):
                        break
                    chunks.append(ln[1:] if ln.startswith(b"..") else ln)
                self.server.messages.append(b"".join(chunks))
                w(b"250 queued\r\n")
            elif cmd == "QUIT":
                w(b"221 bye\r\n")
                return
            else:
                w(b"250 OK\r\n")


@pytest.fixture
def smtp_server():
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    srv.daemon_threads = True
    srv.messages = []
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_cli_email_to_local_smtp(demo_root, tmp_path, week, smtp_server, monkeypatch, capsys):
    port = smtp_server.server_address[1]
    monkeypatch.setenv("BOUSSOLE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BOUSSOLE_SMTP_PORT", str(port))
    monkeypatch.setenv("BOUSSOLE_SMTP_FROM", "rapports@example.org")
    monkeypatch.delenv("BOUSSOLE_SMTP_USER", raising=False)
    monkeypatch.delenv("BOUSSOLE_SMTP_PASSWORD", raising=False)
    out = tmp_path / "mail.html"
    start, end = week
    rc = cli(["report", "-w", "demo", "--store", str(demo_root), "--start", start.isoformat(), "--end", end.isoformat(),
              "--lang", "fr", "--out", str(out), "--email", "client@example.com"])
    assert rc == 0, capsys.readouterr().err
    assert len(smtp_server.messages) == 1
    msg = email.message_from_bytes(smtp_server.messages[0], policy=policy.default)
    assert msg["To"] == "client@example.com" and msg["From"] == "rapports@example.org"
    assert loader.settings(demo_root, "demo").display_name in msg["Subject"]
    att = next(msg.iter_attachments())
    assert att.get_filename() == "mail.html" and att.get_content_type() == "text/html"
    assert att.get_payload(decode=True) == out.read_bytes()


def test_cli_email_failure_keeps_the_file_and_hides_the_password(demo_root, tmp_path, monkeypatch, capsys):
    s = socketserver.TCPServer(("127.0.0.1", 0), socketserver.BaseRequestHandler)
    port = s.server_address[1]
    s.server_close()  # nothing listens there now
    monkeypatch.setenv("BOUSSOLE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BOUSSOLE_SMTP_PORT", str(port))
    monkeypatch.setenv("BOUSSOLE_SMTP_USER", "me@example.org")
    monkeypatch.setenv("BOUSSOLE_SMTP_PASSWORD", "hunter2-very-secret")
    out = tmp_path / "r.html"
    rc = cli(["report", "-w", "demo", "--store", str(demo_root), "--out", str(out), "--email", "c@example.com"])
    err = capsys.readouterr().err
    assert rc == 2 and out.is_file()
    assert "written but not sent" in err and "hunter2" not in err


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_pages_and_text(demo_root, tmp_path, week, week_summary, lang):
    from report.pdf import find_chromium

    if not find_chromium():
        pytest.skip("no Chromium/Chrome on this machine")
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("pdftotext/pdfinfo absent (apt-get install poppler-utils)")
    out = tmp_path / f"r-{lang}.pdf"
    start, end = week
    assert cli(["report", "-w", "demo", "--store", str(demo_root), "--start", start.isoformat(), "--end", end.isoformat(),
                "--lang", lang, "--format", "pdf", "--paper", "a4", "--out", str(out)]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 3 <= pages <= 12, pages
    assert "(A4)" in info
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    per_page = text.split("\f")[:pages]
    assert all(len(p.strip()) > 20 for p in per_page), "every page has extractable text"
    summ = week_summary
    flat = re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))
    assert fmt.integer(summ["presence"]["followers_end"], lang).replace("\u202f", " ") in flat
    assert loader.settings(demo_root, "demo").display_name in flat
    assert t("report.section.goals", lang) in flat


# --------------------------------------------------------------------------- the page


def test_builder_page_prepares_downloads(app_store, monkeypatch):
    pytest.importorskip("streamlit.testing.v1")
    from tests.test_app_pages import run_page

    monkeypatch.setenv("BOUSSOLE_CHROMIUM", "/no/such/chromium")  # the PDF button must explain itself
    at = run_page("pages/report.py", lang="fr")
    assert not at.exception
    assert any(b.label == t("report.page.build", "fr") for b in at.button)
    next(b for b in at.button if b.label == t("report.page.build", "fr")).click().run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert t("report.page.no_chromium", "fr") in captions
    pdf_buttons = [b for b in at.button if b.label == t("report.page.download_pdf", "fr")]
    assert pdf_buttons and pdf_buttons[0].disabled


def test_presentation_mode_offers_the_report(app_store):
    pytest.importorskip("streamlit.testing.v1")
    from tests.test_app_pages import run_page

    at = run_page("pages/overview.py", present="1", lang="en")
    assert not at.exception
    btn = [b for b in at.button if b.label == t("report.page.download_this", "en")]
    assert btn, [b.label for b in at.button]
    btn[0].click().run()
    assert not at.exception


def test_no_chart_can_be_cut_across_pages():
    """Chromium never splits a box marked ``break-inside: avoid`` that fits in a page: every chart
    box (its fixed height plus margins) must fit the printable height of A4 and of Letter."""
    from report import build

    css = build._CSS
    assert ".chart" in re.search(r"([^{}]*)\{\s*break-inside: avoid", css).group(1)
    px_to_mm = 25.4 / 96
    chart_mm = build.CHART_H * px_to_mm + 2 + 4  # height + margins (2 mm above, 4 mm below)
    for paper_mm in (297.0, 279.4):  # A4, Letter
        printable = paper_mm - 15 - 16  # @page margins
        assert chart_mm < printable / 2, (paper_mm, chart_mm)  # even a heading kept with it fits
