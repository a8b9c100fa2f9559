"""Shared fixtures and helpers for tests/test_api_*.py (import the fixtures you use)."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

from connectors import runner, store
from connectors.http import HttpClient, RetryPolicy
from tests.fixtures_api.scenarios import NOW, WS, Scenario


class FakeClock:
    """Injectable sleep + clock: sleeping advances the clock, nothing really waits."""

    def __init__(self, start: float = NOW.timestamp()) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any real socket connection fails the test (responses intercepts before sockets)."""

    def guard(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a test tried to open a real network connection")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket, "create_connection", guard)


@pytest.fixture
def rsps(no_network: None) -> Iterator[responses.RequestsMock]:
    """Strict recorded HTTP: every registered answer must be used, and a request that
    matches nothing fails the test (even if the code under test swallowed the error)."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as r:
        yield r
        unmatched = [c.request.url for c in r.calls
                     if isinstance(c.response, Exception) and "doesn't match" in str(c.response)]
        assert not unmatched, f"unexpected requests: {unmatched}"


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


def client_factory(clock: FakeClock):
    def make(source: str) -> HttpClient:
        return HttpClient(service=source, sleep=clock.sleep, clock=clock.clock, rand=lambda a, b: 0.0,
                          retry=RetryPolicy(max_attempts=3))

    return make


def configure(root: Path, sc: Scenario) -> None:
    doc = store.load_config(root, WS, "sources", {}) or {}
    doc[sc.name] = sc.settings
    store.save_config(root, WS, "sources", doc)


def do_pull(root: Path, sc: Scenario, clock: FakeClock, now=NOW) -> runner.SourceResult:
    configure(root, sc)
    [res] = runner.pull(root, WS, [sc.name], env=sc.env, client_factory=client_factory(clock), now=now)
    return res


def store_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under the workspace (data and config documents) except the
    informative pull_status document."""
    ws = root / WS
    out = {}
    for p in sorted(ws.rglob("*")) if ws.exists() else []:
        if p.is_file() and p.name != "pull_status.json":
            out[str(p.relative_to(ws))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out
