"""The pull runner and its CLI: JSON lines, exit codes, --all, the per-workspace lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from connectors import runner, store
from connectors.__main__ import main as connectors_main
from tests.fixtures_api import helpers as h
from tests.fixtures_api.scenarios import NOW, WS, scenarios

rsps, root, fake_clock, no_network = h.rsps, h.root, h.fake_clock, h.no_network  # fixtures
SC = scenarios()
PROJECT = Path(__file__).resolve().parent.parent
KEYS = ["source", "stream", "table", "rows_read", "rows_added", "rows_updated", "rows_skipped"]


def cli(argv, clock, env=None):
    return runner.main(argv, env=env if env is not None else {}, client_factory=h.client_factory(clock), now=NOW)


def test_cli_pull_one_source_prints_one_json_line_per_stream(rsps, root, fake_clock, capsys):
    sc = SC["mastodon"]
    h.configure(root, sc)
    sc.add_pull(rsps)
    rc = cli(["pull", "mastodon", "--workspace", WS, "--store", str(root)], fake_clock, sc.env)
    out, err = capsys.readouterr()
    assert rc == 0, err
    lines = [json.loads(x) for x in out.splitlines()]
    assert [list(x) for x in lines] == [KEYS] * 3
    assert {(x["stream"], x["table"], x["rows_added"]) for x in lines} == {
        ("audience", "audience", 1), ("posts", "posts", 3), ("mentions", "mentions", 3)}
    assert all(x["source"] == "mastodon" for x in lines)


def test_cli_dispatch_from_connectors_main(rsps, root, fake_clock, capsys, monkeypatch):
    sc = SC["rss"]
    h.configure(root, sc)
    sc.add_pull(rsps)
    real = runner.main
    monkeypatch.setattr(runner, "main", lambda argv: real(argv, env={}, client_factory=h.client_factory(fake_clock), now=NOW))
    assert connectors_main(["pull", "rss", "--workspace", WS, "--store", str(root)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["rows_added"] == 22


def test_pull_all_runs_enabled_sources_and_reports_failures(rsps, root, fake_clock, capsys):
    doc = {"rss": SC["rss"].settings, "plausible": SC["plausible"].settings,
           "youtube": {**SC["youtube"].settings, "enabled": False}}
    store.save_config(root, WS, "sources", doc)
    SC["rss"].add_pull(rsps)
    step = SC["plausible"].pull[0]
    rsps.add(step.method, step.url, status=401, json={"error": "Invalid API key"})
    rc = cli(["pull", "--all", "--workspace", WS, "--store", str(root)], fake_clock, SC["plausible"].env)
    out, err = capsys.readouterr()
    assert rc == 2
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["rss"]  # youtube disabled: not pulled
    assert "pull plausible failed (config)" in err and "credentials were refused" in err and "Invalid API key" in err
    status = store.load_config(root, WS, "pull_status")
    assert status["rss"]["ok"] is True and status["plausible"]["ok"] is False
    assert status["plausible"]["error_kind"] == "config"


def test_pull_all_with_nothing_configured(root, fake_clock, capsys):
    assert cli(["pull", "--all", "--workspace", WS, "--store", str(root)], fake_clock) == 0
    assert "no source is configured" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["pull", "--workspace", WS], ["pull", "mastodon", "--all", "--workspace", WS],
                                  ["pull", "myspace", "--workspace", WS], ["pull", "rss", "--workspace", "../x"]])
def test_cli_usage_errors(argv, root, fake_clock, capsys):
    assert cli(argv + ["--store", str(root)], fake_clock) == 2
    assert capsys.readouterr().err


def test_missing_env_var_is_named(root, fake_clock, capsys):
    h.configure(root, SC["youtube"])
    assert cli(["pull", "youtube", "--workspace", WS, "--store", str(root)], fake_clock, {}) == 2
    assert "YOUTUBE_API_KEY" in capsys.readouterr().err


def test_cli_check(rsps, root, fake_clock, capsys):
    sc = SC["plausible"]
    h.configure(root, sc)
    sc.add_check(rsps)
    assert cli(["pull", "plausible", "--check", "--workspace", WS, "--store", str(root)], fake_clock, sc.env) == 0
    out = capsys.readouterr().out
    assert "Plausible: the API key can read boussole.example (1203 visitors" in out
    assert not (root / WS / "traffic").exists()


def test_second_pull_is_refused_while_one_runs(root, fake_clock, capsys):
    store.save_config(root, WS, "sources", {"rss": SC["rss"].settings})
    with runner.pull_lock(root, WS):
        rc = cli(["pull", "--all", "--workspace", WS, "--store", str(root)], fake_clock)
        with pytest.raises(runner.PullLocked):
            runner.pull(root, WS, ["rss"])
    assert rc == runner.EXIT_LOCKED == 75
    assert "already running" in capsys.readouterr().err
    # another workspace is not blocked, and the lock is released afterwards
    with runner.pull_lock(root, "other"):
        pass
    with runner.pull_lock(root, WS):
        pass


def test_lock_across_processes(root):
    """A real second process (as cron would start) stops at once with a clear message."""
    store.save_config(root, WS, "sources", {"rss": {"feeds": ["https://feeds.invalid/x"]}})
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    with runner.pull_lock(root, WS):
        p = subprocess.run([sys.executable, "-m", "connectors", "pull", "--all", "--workspace", WS, "--store", str(root)],
                           cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 75, p.stderr
    assert "another pull of workspace 'acme' is already running" in p.stderr
    assert p.stdout == ""


def test_cursor_only_advances_after_write(rsps, root, fake_clock, monkeypatch):
    sc = SC["plausible"]
    sc.add_pull(rsps)

    def broken_write(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store, "write_frames", broken_write)
    res = h.do_pull(root, sc, fake_clock)
    assert not res.ok and "disk full" in res.error and res.error_kind == "internal"
    assert store.load_config(root, WS, "pull_state") is None


def test_workspace_timezone_sets_the_audience_day(rsps, root, fake_clock):
    import datetime as dt

    store.save_config(root, WS, "workspace", {"timezone": "America/Toronto"})
    sc = SC["mastodon"]
    sc.add_pull(rsps)
    late = dt.datetime(2026, 3, 25, 2, 0, tzinfo=dt.timezone.utc)  # still the 24th in Toronto
    h.configure(root, sc)
    [res] = runner.pull(root, WS, ["mastodon"], env=sc.env, client_factory=h.client_factory(fake_clock), now=late)
    assert res.ok, res.error
    aud = store.read_table(root, WS, "audience")
    assert aud["date"].tolist() == [dt.date(2026, 3, 24)]


def test_progress_callback(rsps, root, fake_clock):
    sc = SC["youtube"]
    sc.add_pull(rsps)
    h.configure(root, sc)
    seen = []
    runner.pull(root, WS, ["youtube"], env=sc.env, client_factory=h.client_factory(fake_clock), now=NOW,
                progress=lambda src, stream, n: seen.append((src, stream, n)))
    assert seen[0] == ("youtube", "audience", 1) and seen[-1][2] == 4
