"""One number, one truth: every KPI shown on more than one page (mentions, net sentiment,
share of voice, followers, sessions from social, conversions, new leads, cost, value, ROI
for the same scope) is the same text on every page and equals the summary CLI's figure
formatted the same way, for the demo workspace and for a workspace of imported real
exports, over three periods."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors.__main__ import main as import_cli
from connectors.store import save_config
from metrics.cli import main as summary_cli
from tests.conftest import SHARED_FIXTURES, shared_absent
from ui import insights
from ui.i18n import t

PAGES = ("overview", "objectives", "listening", "campaigns")
# metric id -> summary path
PATHS = {
    "followers": "presence.followers_end", "mentions": "presence.mentions", "share_of_voice": "presence.share_of_voice",
    "net_sentiment": "sentiment.net_sentiment", "pos_neg_ratio": "sentiment.pos_neg_ratio",
    "social_sessions": "traffic.social_sessions", "conversions": "traffic.conversions", "new_leads": "relationships.new_leads",
    "cost": "roi.cost", "value": "roi.value", "roi": "roi.roi",
}


def labels(lang: str) -> dict[str, str]:
    """Label shown on a page -> metric id (each page's own wording of the same figure)."""
    out = {insights.label(m, lang): m for m in PATHS}
    out[t("listening.kpi.mentions", lang=lang)] = "mentions"
    out[t("listening.kpi.net", lang=lang)] = "net_sentiment"
    out[t("listening.kpi.sov", lang=lang)] = "share_of_voice"
    for key, m in (("campaigns.col.cost", "cost"), ("campaigns.col.value", "value"), ("campaigns.col.roi", "roi")):
        out[t(key, lang=lang)] = m
    est = f" ({t('common.estimate', lang=lang)})"
    for k, m in list(out.items()):
        out[k + est] = m
    return out


def shown(root: Path, ws: str, page: str, start: dt.date, end: dt.date, lang: str) -> dict[str, str]:
    """{metric id: text} of the headline metrics of one page (first occurrence); the change
    against the previous period under ``"<id>:delta"`` where the page shows one."""
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=180)
    at.query_params.update({"workspace": ws, "lang": lang, "start": start.isoformat(), "end": end.isoformat()})
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    names = labels(lang)
    out: dict[str, str] = {}
    for m in at.metric:
        mid = names.get(m.label)
        if mid and mid not in out:
            out[mid] = m.value
            if m.proto.delta:
                out[mid + ":delta"] = m.proto.delta
    return out


def summary(root: Path, ws: str, start: dt.date, end: dt.date) -> dict:
    """What ``python -m metrics summary`` prints, from its ``main`` in this process (a Python start
    and the pandas imports cost ~0.6 s of CPU per call; test_report runs the real command)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = summary_cli(["summary", "--workspace", ws, "--store", str(root), "--start", start.isoformat(), "--end", end.isoformat()])
    assert rc == 0
    return json.loads(out.getvalue())


def check(root: Path, ws: str, periods: list[tuple[dt.date, dt.date]], lang: str, monkeypatch) -> int:
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    cur = (json.loads((root / ws / "_config" / "workspace.json").read_text()).get("currency")
           if (root / ws / "_config" / "workspace.json").is_file() else None) or "CAD"
    compared = 0
    for start, end in periods:
        s = summary(root, ws, start, end)
        per_page = {p: shown(root, ws, p, start, end, lang) for p in PAGES}
        for mid, path in PATHS.items():
            a, b = path.split(".")
            expected = insights.value(mid, s[a][b], lang, cur)
            seen = {p: v[mid] for p, v in per_page.items() if mid in v}
            for page, text in seen.items():
                assert text == expected, (ws, start, end, mid, page, text, expected)
            compared += len(seen) >= 2
            deltas = {p: v[mid + ":delta"] for p, v in per_page.items() if mid + ":delta" in v}
            assert len(set(deltas.values())) <= 1, (ws, start, end, mid, deltas)  # the same change everywhere
    return compared


def test_demo_pages_and_cli_agree(app_store, monkeypatch):
    today = dt.date.today()
    last_sunday = today - dt.timedelta(days=today.weekday() + 1)
    week = (last_sunday - dt.timedelta(days=6), last_sunday)
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    month = (month_end.replace(day=1), month_end)
    older = (week[0] - dt.timedelta(weeks=20), week[1] - dt.timedelta(weeks=20))
    compared = check(app_store, "demo", [week, month, older], "en", monkeypatch)
    assert compared >= 3 * 6  # mentions, net sentiment, SoV, followers, sessions, ROI... shown on 2+ pages each time


def _import(root: Path, files: list[Path], ws: str) -> int:
    """Import with the CLI (its ``main``, in this process: a Python start per file cost ~1.5 s of
    CPU each, 57 files); files of a layout that needs a mapping fail alone (exit 2), the rest lands."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return import_cli(["import", *map(str, files), "--workspace", ws, "--store", str(root)])


def test_real_exports_pages_and_cli_agree(tmp_path, monkeypatch):
    if not SHARED_FIXTURES.is_dir():
        pytest.skip(shared_absent())
    wanted = [p for p in sorted(SHARED_FIXTURES.rglob("*")) if p.is_file() and p.suffix.lower() in (".csv", ".xlsx")
              and p.relative_to(SHARED_FIXTURES).parts[0] in ("twitter_x", "facebook", "instagram", "google_analytics", "fr")]
    if not wanted:
        pytest.skip("no real export of the needed families")
    root = tmp_path / "store"
    save_config(root, "real", "workspace", {"timezone": "America/Toronto", "currency": "CAD"})
    codes = [_import(root, [f], "real") for f in wanted]
    assert codes.count(0) >= len(codes) // 2, codes
    from connectors.loader import data_span

    span = data_span(root, "real")
    assert span, "nothing imported"
    last = max(hi for _, hi in span.values())
    wk_end = last - dt.timedelta(days=(last.weekday() + 1) % 7)
    week = (wk_end - dt.timedelta(days=6), wk_end)
    month = (last.replace(day=1), last)
    first = min(lo for lo, _ in span.values())
    whole = (first, last)
    compared = check(root, "real", [week, month, whole], "fr", monkeypatch)
    assert compared >= 1
