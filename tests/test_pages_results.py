"""The Results pages on the demo workspace: the Overview shows the summary CLI's numbers,
the Goals editor refuses a non-SMART goal and saves a valid one, Trends draws several metrics.

Pages run through ``app.py`` with AppTest (like ``test_app_pages.py``)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

import app
from metrics.cli import load_summary
from metrics.deltas import Delta
from ui import fmt, insights
from ui.i18n import t

TIMEOUT = 180

# the Overview's metric cards: metric id -> path in the summary (python -m metrics summary)
CARD_VALUES = {
    "followers": "presence.followers_end",
    "engagement_rate_reach": "presence.engagement_rate_reach",
    "net_sentiment": "sentiment.net_sentiment",
    "pos_neg_ratio": "sentiment.pos_neg_ratio",
    "new_leads": "relationships.new_leads",
    "lead_value": "relationships.lead_value",
    "social_sessions": "traffic.social_sessions",
    "conversions": "traffic.conversions",
    "roi": "roi.roi",
    "value": "roi.value",
}
# figures of the cards' context lines (markdown)
LINE_VALUES = {
    "mentions": "presence.mentions",
    "share_of_voice": "presence.share_of_voice",
    "positive": "sentiment.positive",
    "negative": "sentiment.negative",
    "social_share": "traffic.social_share",
}


def run(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != app.available_pages()[0].file:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metric_by_label(at: AppTest, text: str):
    found = [m for m in at.metric if m.label == text or m.label.startswith(text + " (")]
    assert found, f"no metric card labelled {text!r}: {[m.label for m in at.metric]}"
    return found[0]


@pytest.mark.parametrize(
    "query",
    [
        {"lang": "en"},  # the default period: last complete week
        {"lang": "fr", "start": "2026-01-01", "end": "2026-03-31"},  # a quarter, French formatting
    ],
    ids=["week-en", "quarter-fr"],
)
def test_overview_numbers_equal_summary_cli(app_store, query):
    at = run("pages/overview.py", **query)
    ctx = at.session_state["bsl.ctx"]
    assert ctx.lang == query["lang"]
    expected = load_summary(app_store, "demo", ctx.start, ctx.end)
    cur = ctx.currency
    checked = 0
    for metric, path in CARD_VALUES.items():
        if metric in ("roi", "value") and expected["roi"]["cost"] is None:
            continue
        card = _metric_by_label(at, insights.label(metric, ctx.lang))
        want = insights.value(metric, insights.get_path(expected, path), ctx.lang, cur)
        assert card.value == want, f"{metric}: page shows {card.value!r}, summary CLI gives {want!r}"
        checked += 1
    assert checked >= 8
    lines = " ".join(m.value for m in at.markdown)
    for metric, path in LINE_VALUES.items():
        v = insights.get_path(expected, path)
        if v is not None:
            shown = f"{insights.label(metric, ctx.lang)} **{insights.value(metric, v, ctx.lang, cur)}**"
            assert shown in lines, f"{shown!r} not on the page"
    # goal statuses are the summary's
    for g in expected["goals"]:
        assert insights.status_label(g["status"], ctx.lang) in lines


def test_changes_are_coloured_by_favourability():
    # fewer negative mentions is good news, more followers too; neutral mentions are neither
    assert insights.favourable("negative", 10, 20) is True
    assert insights.favourable("negative", 20, 10) is False
    assert insights.favourable("followers", 20, 10) is True
    assert insights.favourable("neutral", 20, 10) is None
    assert insights.delta_color(False) == "red" and insights.delta_color(True) == "green"


def test_what_changed_sentences_in_both_languages():
    d = Delta("negative", 30.0, 20.0, 10.0, 0.5, "up", False, "sentiment", "count")
    en = insights.mover_sentence(d, "en")
    fr = insights.mover_sentence(d, "fr")
    assert "Negative mentions" in en and "50.0%" in en and t("insights.bad", "en") in en
    assert "Mentions négatives" in fr and f"50,0{fmt.NNBSP}%" in fr and t("insights.bad", "fr") in fr


def test_unrealistic_warning_says_how_much():
    w = {"code": "unrealistic", "params": {"factor": 3.2, "needed": 120.0, "best": 37.0, "period": "week"}}
    assert "3.2×" in insights.issue_text(w, "en", metric_id="new_leads")
    assert "3,2 fois" in insights.issue_text(w, "fr", metric_id="new_leads")


def _open_editor(at: AppTest) -> AppTest:
    at.button(key="goals.new").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_goals_editor_refuses_invalid_and_saves_valid(demo_copy, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    goals_file = demo_copy / "demo" / "_config" / "goals.json"
    before = json.loads(goals_file.read_text())
    at = _open_editor(run("pages/goals.py", lang="fr"))
    at.selectbox(key="goals.f.objective").set_value("relationships").run()
    at.selectbox(key="goals.f.metric").set_value("new_leads").run()
    at.number_input(key="goals.f.baseline").set_value(4.0)
    at.number_input(key="goals.f.target").set_value(8.0)
    at.date_input(key="goals.f.start").set_value(dt.date(2026, 6, 1))
    at.date_input(key="goals.f.deadline").set_value(dt.date(2026, 5, 1))  # before the start: not time-bound
    at.text_input(key="goals.f.owner").set_value("Test")
    at.button(key="goals.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = " ".join(e.value for e in at.error)
    assert t("metrics.issue.deadline_not_after_start", "fr") in errors
    assert json.loads(goals_file.read_text()) == before, "a refused goal is not saved"

    at.date_input(key="goals.f.deadline").set_value(dt.date(2026, 12, 31))
    at.button(key="goals.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    if "goals.pending" in at.session_state and at.session_state["goals.pending"]:  # warned: confirm
        at.button(key="goals.save_anyway").click().run()
    after = json.loads(goals_file.read_text())
    assert len(after) == len(before) + 1
    new = [g for g in after if g["id"] not in {b["id"] for b in before}][0]
    assert (new["metric"], new["objective"], new["baseline"], new["target"], new["start"], new["deadline"]) == (
        "new_leads", "relationships", 4.0, 8.0, "2026-06-01", "2026-12-31")
    assert any(t("goals.saved", "fr", metric=insights.label("new_leads", "fr")) in s.value for s in at.success)


def test_goals_editor_warns_on_unrealistic_target(demo_copy, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_STORE", str(demo_copy))
    goals_file = demo_copy / "demo" / "_config" / "goals.json"
    before = json.loads(goals_file.read_text())
    at = _open_editor(run("pages/goals.py", lang="en"))
    at.selectbox(key="goals.f.objective").set_value("relationships").run()
    at.selectbox(key="goals.f.metric").set_value("new_leads").run()
    at.number_input(key="goals.f.baseline").set_value(4.0)
    at.number_input(key="goals.f.target").set_value(500.0)  # far beyond any week ever seen
    at.date_input(key="goals.f.start").set_value(dt.date.today().replace(day=1))
    at.date_input(key="goals.f.deadline").set_value(dt.date.today() + dt.timedelta(days=120))
    at.button(key="goals.save").click().run()
    warnings = " ".join(w.value for w in at.warning)
    assert "needs" in warnings and "×" in warnings, warnings
    assert json.loads(goals_file.read_text()) == before, "not saved before confirmation"
    at.button(key="goals.save_anyway").click().run()
    assert len(json.loads(goals_file.read_text())) == len(before) + 1


def test_goals_show_status_and_projection(app_store):
    at = run("pages/goals.py", lang="en")
    body = " ".join(m.value for m in at.markdown)
    for status in ("on_track", "off_track"):
        assert insights.status_label(status, "en") in body
    labels = [m.label for m in at.metric]
    assert labels.count(t("goals.projection", "en")) == len(json.loads((app_store / "demo" / "_config" / "goals.json").read_text()))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_trends_renders_several_metrics(app_store, lang):
    at = run("pages/trends.py", lang=lang)
    for metric in ("engagements", "net_sentiment", "social_sessions", "followers", "new_leads", "mentions"):
        at.selectbox(key="trends.metric").set_value(metric).run()
        assert not at.exception, (metric, [e.value for e in at.exception])
        charts = at.get("plotly_chart")
        assert charts, f"no chart for {metric}"
        fig = json.loads(charts[0].proto.spec)
        points = sum(len(tr.get("x") or []) for tr in fig["data"])
        assert 0 < points < 10_000
    at.toggle(key="trends.split").set_value(True).run()
    at.toggle(key="trends.rolling").set_value(True).run()
    assert not at.exception
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {tr.get("name") for tr in fig["data"]}
    assert {"Instagram", "Facebook"} <= names  # one line per platform, named in the user's language
