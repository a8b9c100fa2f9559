"""PDF of a report: the HTML printed by a headless Chromium (vector charts, selectable text).

Chromium is looked for in ``$BOUSSOLE_CHROMIUM``, then ``/usr/bin/chromium`` (Debian), then
``chromium``, ``chromium-browser``, ``google-chrome``, ``google-chrome-stable``, ``chrome`` on
the PATH (and the usual macOS application path). :func:`find_chromium` returns None when there
is none; callers then say so and offer the HTML, which prints to PDF from any browser.

Why ``chromium --headless --print-to-pdf`` through :mod:`subprocess` rather than Playwright's
``page.pdf``: Playwright is only a development dependency (the browser tests); the command
line needs nothing new at run time, and with ``--virtual-time-budget`` the inline Plotly
charts are drawn before printing. The page size and margins come from the report's own
``@page`` rule (the HTML is built with ``paper="A4"`` or ``"Letter"``), so the one thing
Playwright would add (size and margins as arguments) is not needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
    "--disable-extensions", "--mute-audio", "--virtual-time-budget=15000",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MAC = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
TIMEOUT = 180


class PdfError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable, or None."""
    env = os.environ.get("BOUSSOLE_CHROMIUM", "").strip()
    if env:
        p = shutil.which(env) or (env if Path(env).is_file() and os.access(env, os.X_OK) else None)
        return p
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in CANDIDATES:
        p = shutil.which(name)
        if p:
            return p
    return MAC if Path(MAC).is_file() else None


def html_to_pdf(html: str, chromium: str | None = None, timeout: int = TIMEOUT) -> bytes:
    """Print ``html`` to PDF bytes; :class:`PdfError` with a readable message on failure."""
    exe = chromium or find_chromium()
    if not exe:
        raise PdfError("no Chromium or Chrome found (install Debian's 'chromium' package, or set BOUSSOLE_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="boussole-report-") as tmp:
        src, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        src.write_text(html, encoding="utf-8")
        cmd = [exe, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", src.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not finish within {timeout} s") from None
        except OSError as e:
            raise PdfError(f"could not start {exe}: {e.strerror or e}") from None
        if not out.is_file() or out.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
            raise PdfError(f"Chromium wrote no PDF ({tail[0][:200]})")
        return out.read_bytes()
