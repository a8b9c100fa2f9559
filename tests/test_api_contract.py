"""The same contract for every API source (in the spirit of singer-sdk's standard tap tests):
check passes/fails clearly, records validate against the schema, keys are unique, a second
pull with the saved state adds nothing, a 429 is waited out, and faults change nothing."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import requests

from connectors import runner, store
from connectors.api import SOURCES
from connectors.api.base import PullContext
from connectors.errors import ConfigError, TransientError
from connectors.schema import TABLES
from tests.fixtures_api import helpers as h
from tests.fixtures_api.helpers import FakeClock, client_factory, configure, do_pull, store_hashes
from tests.fixtures_api.scenarios import NOW, WS, scenarios

rsps, root, fake_clock, no_network = h.rsps, h.root, h.fake_clock, h.no_network  # fixtures
SC = scenarios()
NAMES = sorted(SC)


def test_every_source_has_a_scenario():
    from tests.fixtures_api.scenarios import has_cryptography

    assert set(SOURCES) - {"ga4"} <= set(SC)
    assert "ga4" in SC or not has_cryptography()


@pytest.mark.parametrize("name", NAMES)
def test_check_ok(name, rsps, root, fake_clock):
    sc = SC[name]
    sc.add_check(rsps)
    configure(root, sc)
    msg = runner.check_source(root, WS, name, env=sc.env, client=client_factory(fake_clock)(name), now=NOW)
    assert isinstance(msg, str) and msg
    assert SOURCES[name].LABEL in msg


@pytest.mark.parametrize("name", NAMES)
def test_check_401_is_a_config_error_in_plain_words(name, rsps, root, fake_clock):
    sc = SC[name]
    for s in sc.check[:-1]:
        s.add(rsps)
    last = sc.check[-1]
    rsps.add(last.method, last.url, match=last.match, status=401,
             json={"error": "The access token is invalid"})
    configure(root, sc)
    with pytest.raises(ConfigError) as ei:
        runner.check_source(root, WS, name, env=sc.env, client=client_factory(fake_clock)(name), now=NOW)
    msg = str(ei.value)
    assert SOURCES[name].LABEL in msg
    assert "credentials were refused" in msg
    assert fake_clock.sleeps == []  # a configuration error is not retried


@pytest.mark.parametrize("name", NAMES)
def test_missing_configuration_is_named(name):
    with pytest.raises(ConfigError) as ei:
        SOURCES[name].from_settings({}, {})
    assert "missing" in str(ei.value)


@pytest.mark.parametrize("name", NAMES)
def test_records_conform_and_keys_are_unique(name, rsps, fake_clock):
    sc = SC[name]
    sc.add_pull(rsps)
    mod = SOURCES[name]
    cfg = mod.from_settings(sc.settings, sc.env)
    ctx = PullContext(client=client_factory(fake_clock)(name), now=NOW)
    per_table: dict[str, list] = {}
    for page in mod.read(cfg, {}, ctx):
        assert page.stream in mod.STREAMS and mod.STREAMS[page.stream] == page.table
        per_table.setdefault(page.table, []).extend(page.rows)
    assert {t: len(r) for t, r in per_table.items() if r} == sc.expect_tables
    for table, rows in per_table.items():
        if not rows:
            continue
        df = store.conform(pd.DataFrame(rows), table, now=NOW)  # raises on any invalid value
        t = TABLES[table]
        keys = df[list(t.primary_key)].astype("string").fillna("<null>").agg("|".join, axis=1)
        assert keys.is_unique, f"{name}/{table}: duplicate primary keys {keys[keys.duplicated()].tolist()}"
        if table == "mentions":
            assert df["mention_id"].str.contains(":").all()
            assert df["source"].notna().all() and df["published_at"].notna().all()
            assert not df["text"].fillna("").str.contains(r"<[a-z/][^>]*>", regex=True).any(), "HTML left in text"
            assert df["url"].notna().all()


@pytest.mark.parametrize("name", NAMES)
def test_pull_then_second_pull_adds_nothing(name, rsps, root, fake_clock):
    sc = SC[name]
    sc.add_pull(rsps)
    first = do_pull(root, sc, fake_clock)
    assert first.ok, first.error
    added = {s.table: s.rows_added for s in first.streams}
    assert {t: n for t, n in added.items() if n} == sc.expect_tables
    state = store.load_config(root, WS, "pull_state", {})
    assert state.get(name), "the cursor was saved"
    before = store_hashes(root)

    sc.add_pull(rsps)  # the same answers again (look-back re-reads the same window)
    second = do_pull(root, sc, fake_clock)
    assert second.ok, second.error
    assert all(s.rows_added == 0 for s in second.streams)
    assert store_hashes(root) == before  # nothing changed at all, not even the import log
    status = store.load_config(root, WS, "pull_status", {})[name]
    assert status["ok"] and status["error"] is None


@pytest.mark.parametrize("name", NAMES)
def test_429_then_200_waits_retry_after(name, rsps, root, fake_clock):
    sc = SC[name]
    first = sc.pull[0]
    rsps.add(first.method, first.url, match=first.match, status=429, headers={"Retry-After": "7"},
             json={"error": "rate limited"})
    sc.add_pull(rsps)
    res = do_pull(root, sc, fake_clock)
    assert res.ok, res.error
    assert fake_clock.sleeps == [7.0]


FAULTS = ["timeout", "connection", "500", "truncated", "401"]


def _add_fault(rsps, step, fault):
    if fault == "timeout":
        rsps.add(step.method, step.url, match=step.match, body=requests.exceptions.ReadTimeout("read timed out"))
    elif fault == "connection":
        rsps.add(step.method, step.url, match=step.match, body=requests.exceptions.ConnectionError("reset by peer"))
    elif fault == "500":
        rsps.add(step.method, step.url, match=step.match, status=500, body=b"<html>Internal Server Error</html>")
    elif fault == "truncated":
        body = step.payload()
        rsps.add(step.method, step.url, match=step.match, status=200, body=body[: len(body) // 2],
                 content_type=step.content_type)
    elif fault == "401":
        rsps.add(step.method, step.url, match=step.match, status=401, json={"error": "token revoked"})


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("name", NAMES)
def test_fault_midway_leaves_store_and_cursor_untouched(name, fault, rsps, root, fake_clock):
    sc = SC[name]
    sc.add_pull(rsps)
    assert do_pull(root, sc, fake_clock).ok
    # the platform revised its numbers since: a successful pull *would* change the store
    before = store_hashes(root)
    state_before = store.load_config(root, WS, "pull_state")
    sc.add_pull(rsps, upto=sc.fault_at)
    _add_fault(rsps, sc.pull[sc.fault_at], fault)
    res = do_pull(root, sc, FakeClock())
    assert not res.ok
    assert res.error_kind == ("config" if fault == "401" else "transient"), res.error
    assert store_hashes(root) == before
    assert store.load_config(root, WS, "pull_state") == state_before
    status = store.load_config(root, WS, "pull_status", {})[name]
    assert status["ok"] is False and status["error"] and status["last_success_at"]
    assert json.dumps(status)  # serialisable for the UI


@pytest.mark.parametrize("name", NAMES)
def test_fault_on_first_pull_creates_nothing(name, rsps, root, fake_clock):
    sc = SC[name]
    sc.add_pull(rsps, upto=sc.fault_at)
    _add_fault(rsps, sc.pull[sc.fault_at], "500")
    res = do_pull(root, sc, fake_clock)
    assert not res.ok and res.error_kind == "transient"
    assert "pull_state" not in str(store_hashes(root))
    assert not any(k.split("/")[0] in TABLES for k in store_hashes(root))
    assert len(fake_clock.sleeps) == 2  # 3 attempts, 2 waits


def test_transient_error_class_for_exhausted_retries(rsps, fake_clock):
    sc = SC["plausible"]
    step = sc.pull[0]
    rsps.add(step.method, step.url, status=503, body=b"busy")
    mod = SOURCES["plausible"]
    cfg = mod.from_settings(sc.settings, sc.env)
    with pytest.raises(TransientError, match="unavailable"):
        list(mod.read(cfg, {}, PullContext(client=client_factory(fake_clock)("plausible"), now=NOW)))
