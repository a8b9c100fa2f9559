"""Presentation mode speaks to the client: the period can be changed without the sidebar,
the display name replaces the slug, and setup prompts (meant for the consultant) are absent."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from streamlit.testing.v1 import AppTest

import app
from connectors.store import save_config, write_frames
from tests.test_app_pages import texts
from ui.i18n import TABLE


def _run(page: str | None, **qp: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=180)
    at.query_params.update(qp)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_present_mode_has_a_period_control(app_store):
    at = _run(None, workspace="demo", lang="fr", present="1")
    sel = at.selectbox(key="w.period.present")
    assert sel.value == "week"
    sel.set_value("month").run()
    ctx = at.session_state["bsl.ctx"]
    first = ctx.today.replace(day=1)
    last_month_end = first - dt.timedelta(days=1)
    assert (ctx.period, ctx.start, ctx.end) == ("month", last_month_end.replace(day=1), last_month_end)
    assert ctx.present


def test_present_mode_shows_no_setup_prompt_and_no_slug(tmp_path, monkeypatch):
    m = pd.DataFrame({"mention_id": ["a", "b"], "published_at": ["2026-11-24T12:00Z", "2026-11-25T12:00Z"],
                      "source": "x", "brand": ["Acme", "Acme"], "sentiment_label": ["positive", "negative"]})
    write_frames(tmp_path, "acme-2026", [("mentions", m)], now=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    save_config(tmp_path, "acme-2026", "workspace", {"display_name": "Acme Tourisme", "own_brand": "Acme"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path))
    hints = [TABLE[k][lang] for k in ("overview.no_goal", "listening.sov.no_competitors", "loop.goals.nogoals")
             for lang in ("en", "fr")]
    for lang in ("en", "fr"):
        for page in (None, "pages/listening.py", "pages/loop.py", "pages/campaigns.py"):
            qp = dict(workspace="acme-2026", lang=lang, start="2026-11-23", end="2026-11-29")
            normal = " ".join(texts(_run(page, **qp)))
            shown = " ".join(texts(_run(page, **qp, present="1")))
            assert "acme-2026" not in shown, page
            for h in hints:
                assert h not in shown, (page, h)
            if page is None:  # the same page outside presentation mode does prompt (so the check above means something)
                assert TABLE["overview.no_goal"][lang] in normal
