"""Coverage, not zeros: a stock carried from before the period is "last known" with unknown
growth; a period without data says which dates hold data and offers the latest full week;
engagements are derived from their parts where an export has no total; weeks may start on
Sunday. Values are hand-computed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app
from connectors import loader
from connectors.store import save_config, write_frames
from metrics import periods as mp
from metrics import presence as pr
from ui import fmt
from ui.i18n import t

WS = "old"
D = dt.date


@pytest.fixture
def old_store(tmp_path, monkeypatch):
    """A Facebook page whose follower history ends on 14 Feb 2016."""
    days = [D(2016, 2, 1) + dt.timedelta(days=i) for i in range(14)]
    audience = pd.DataFrame({"date": days, "platform": "facebook", "account": "page",
                             "followers": [1080 + i for i in range(14)], "impressions": [100] * 14})
    write_frames(tmp_path, WS, [("audience", audience)], now=dt.datetime(2016, 3, 1, tzinfo=dt.timezone.utc))
    save_config(tmp_path, WS, "workspace", {"timezone": "Europe/Paris"})
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path))
    return tmp_path


def test_followers_carried_forward_are_last_known_with_unknown_growth(old_store):
    s = loader.load_summary(old_store, WS, D(2021, 12, 6), D(2021, 12, 12))
    p = s["presence"]
    assert p["followers_end"] == 1093 and p["followers_as_of"] == "2016-02-14"
    assert p["new_followers"] is None and p["follower_growth_rate"] is None  # unknown, never "+0 (0.0 %)"
    # inside the history, growth is measured: 8..14 Feb = 1093 - 1086 (value at end of 7 Feb)
    s2 = loader.load_summary(old_store, WS, D(2016, 2, 8), D(2016, 2, 14))
    assert s2["presence"]["new_followers"] == 7 and s2["presence"]["followers_as_of"] == "2016-02-14"


def _open(lang: str, start: D, end: D) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=120)
    at.query_params.update({"workspace": WS, "lang": lang, "start": start.isoformat(), "end": end.isoformat()})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_overview_without_data_in_period_names_the_dates_and_jumps_to_the_latest_week(old_store):
    at = _open("fr", D(2021, 12, 6), D(2021, 12, 12))
    info = " ".join(i.value for i in at.info)
    assert fmt.date_range(D(2016, 2, 1), D(2016, 2, 14), "fr") in info
    jump = at.button(key="ov.jump")
    assert fmt.date_range(D(2016, 2, 8), D(2016, 2, 14), "fr") in jump.label  # the last Monday-Sunday week with data
    jump.click().run()
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.start, ctx.end) == (D(2016, 2, 8), D(2016, 2, 14))
    shown = {m.label: m.value for m in at.metric}
    assert shown[t("metrics.followers", lang="fr")] == fmt.integer(1093, "fr")


def test_overview_shows_last_known_instead_of_a_zero_change(old_store):
    # 15..21 Feb 2016: impressions exist (none after 14 Feb... so use a period overlapping the end)
    at = _open("en", D(2016, 2, 15), D(2016, 2, 21))
    # no data at all in that week -> the no-data note; the week before has data
    assert at.button(key="ov.jump")
    at = _open("en", D(2016, 2, 1), D(2016, 2, 29))  # the month: followers measured inside it
    assert not any(t("common.last_known", lang="en", date="")[:10] in c.value for c in at.caption)


def test_stale_followers_caption_on_overview_and_objectives(old_store, monkeypatch):
    # a second source keeps the period non-empty while followers stopped in 2016
    traffic = pd.DataFrame({"date": [D(2021, 12, 7)], "grain": "day", "property": "site", "source": "facebook",
                            "medium": "referral", "sessions": [12]})
    write_frames(old_store, WS, [("traffic", traffic)], now=dt.datetime(2021, 12, 20, tzinfo=dt.timezone.utc))
    note = t("common.last_known", lang="en", date=fmt.date(D(2016, 2, 14), "en"))
    for page in (None, "pages/objectives.py"):
        at = _open("en", D(2021, 12, 6), D(2021, 12, 12))
        if page:
            at.switch_page(page).run()
        assert note in [c.value for c in at.caption], page
        followers = [m for m in at.metric if m.label == t("metrics.followers", lang="en")]
        assert followers and followers[0].value == "1,093" and not followers[0].proto.delta


def test_engagements_derived_from_parts_when_no_total():
    posts = pd.DataFrame({
        "post_id": ["a", "b", "c"], "platform": "instagram", "account": "acme",
        "published_at": pd.to_datetime(["2026-03-02T12:00Z", "2026-03-03T12:00Z", "2026-03-04T12:00Z"]),
        "reactions": [10.0, 4.0, None], "comments": [2.0, None, 5.0], "shares": [1.0, 1.0, None], "saves": [3.0, None, None],
        "reach": [100.0, 50.0, 20.0],
    })
    # a: 10+2+1+3 = 16; b: 4+1 = 5 (unreported parts add nothing); c: no likes -> nothing derived
    assert pr.engagements(None, posts, D(2026, 3, 2), D(2026, 3, 8), "UTC") == 21
    assert pr.engagement_rate_reach(None, posts, D(2026, 3, 2), D(2026, 3, 8), "UTC") == pytest.approx(21 / 170)
    # a reported total wins over the parts
    with_total = posts.assign(engagements=[50.0, None, None])
    assert pr.engagements(None, with_total, D(2026, 3, 2), D(2026, 3, 8), "UTC") == 55


def test_weeks_starting_on_sunday():
    assert mp.week_of(D(2026, 11, 25)) == mp.Period(D(2026, 11, 23), D(2026, 11, 29))  # ISO: Monday..Sunday
    assert mp.week_of(D(2026, 11, 25), week_start=6) == mp.Period(D(2026, 11, 22), D(2026, 11, 28))
    assert mp.week_of(D(2026, 11, 22), week_start=6).start == D(2026, 11, 22)  # a Sunday starts its own week
    assert mp.last_complete("week", D(2026, 12, 6), 6) == mp.Period(D(2026, 11, 29), D(2026, 12, 5))
    days = pd.Series(pd.to_datetime(["2026-11-22", "2026-11-28", "2026-11-29"]))
    assert mp.bucket_days(days, "week", 6).dt.date.tolist() == [D(2026, 11, 22), D(2026, 11, 22), D(2026, 11, 29)]
