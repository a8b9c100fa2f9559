"""A shared link's dates are shown as given, whatever the server's calendar day: the period of a
URL is classified against the workspace's own day (its time zone) and week start, and an end
date later than the workspace's today (a link made where it is already tomorrow) is accepted
by the sidebar's date picker instead of raising."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

import app
from ui import context

D = dt.date(2026, 12, 6)  # a Sunday: the workspace's today; the server is already on Monday 7


def _run(monkeypatch, start: dt.date, end: dt.date) -> AppTest:
    monkeypatch.setattr(context, "_today", lambda tz=None: D if tz else D + dt.timedelta(days=1))
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=180)
    at.query_params.update({"workspace": "demo", "lang": "en", "start": start.isoformat(), "end": end.isoformat()})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_url_week_of_the_servers_calendar_is_shown_as_given(app_store, monkeypatch):
    # 30 Nov - 6 Dec is "last week" for the server (Monday 7) but not yet for the workspace
    # (Sunday 6): before the fix the page showed 23-29 Nov instead of the link's dates.
    at = _run(monkeypatch, dt.date(2026, 11, 30), D)
    assert (at.session_state[context.K_START], at.session_state[context.K_END]) == (dt.date(2026, 11, 30), D)
    assert at.session_state[context.K_PERIOD] == "custom"


def test_url_end_after_the_workspaces_today_is_accepted(app_store, monkeypatch):
    at = _run(monkeypatch, dt.date(2026, 12, 1), D + dt.timedelta(days=1))
    assert (at.session_state[context.K_START], at.session_state[context.K_END]) == (dt.date(2026, 12, 1), D + dt.timedelta(days=1))


def test_url_week_of_the_workspaces_calendar_is_the_week_preset(app_store, monkeypatch):
    at = _run(monkeypatch, dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert at.session_state[context.K_PERIOD] == "week"
    assert (at.session_state[context.K_START], at.session_state[context.K_END]) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
