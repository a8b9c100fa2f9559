"""Secret scan: pull every source with distinctive fake secrets - successes and failures,
through the CLI and the Python API - and look for the secrets in every log record
(DEBUG), exception message, CLI output, status document and store file."""

from __future__ import annotations

import json
import logging

import pytest

from connectors import runner
from connectors.errors import ConfigError
from tests.fixtures_api import helpers as h
from tests.fixtures_api.scenarios import NOW, SECRETS, WS, load, scenarios

rsps, root, fake_clock, no_network = h.rsps, h.root, h.fake_clock, h.no_network  # fixtures
SC = scenarios()
NAMES = sorted(SC)


def all_secrets() -> list[str]:
    out = list(SECRETS.values())
    if "ga4" in SC:
        sa = json.loads(SC["ga4"].env["GA4_CREDENTIALS_JSON"])
        out += [ln for ln in sa["private_key"].splitlines() if len(ln) > 20] + [sa["private_key_id"]]
    out.append(load("ga4_token.json")["access_token"])
    s = load("bluesky_createSession.json")
    out += [s["accessJwt"], s["refreshJwt"]]
    return out


def scan(text: str, where: str) -> None:
    for s in all_secrets():
        assert s not in text, f"a secret leaked in {where}: {s[:6]}…"


def scan_store(root) -> None:
    for p in root.rglob("*"):
        if p.is_file():
            scan(p.read_bytes().decode("latin-1"), str(p))


@pytest.mark.parametrize("name", NAMES)
def test_no_secret_in_logs_output_or_store(name, rsps, root, fake_clock, caplog, capsys, monkeypatch):
    caplog.set_level(logging.DEBUG)
    sc = SC[name]
    for k, v in sc.env.items():
        monkeypatch.setenv(k, v)
    h.configure(root, sc)

    # 1. a successful pull through the CLI, verbose
    sc.add_pull(rsps)
    rc = runner.main(["pull", name, "--workspace", WS, "--store", str(root), "--verbose"], env=None,
                     client_factory=h.client_factory(fake_clock), now=NOW)
    assert rc == 0
    # 2. a failing pull whose server error echoes the credentials back (it happens)
    echo = " ".join(sc.secrets()) or "nothing"
    step = sc.pull[sc.fault_at]
    sc.add_pull(rsps, upto=sc.fault_at)
    rsps.add(step.method, step.url, match=step.match, status=401,
             json={"error": f"invalid credentials: {echo}", "message": f"Bearer {echo}"})
    rc = runner.main(["pull", name, "--workspace", WS, "--store", str(root), "-v"], env=None,
                     client_factory=h.client_factory(fake_clock), now=NOW)
    assert rc == 2
    # 3. a failing check through the Python API: the exception message
    first = sc.check[0]
    rsps.add(first.method, first.url, match=first.match, status=403,
             body=f"denied for {echo} token={echo}".encode(), content_type="text/plain")
    with pytest.raises(ConfigError) as ei:
        runner.check_source(root, WS, name, env=None, client=h.client_factory(fake_clock)(name), now=NOW)
    scan(str(ei.value), "the exception message")
    scan(repr(ei.value), "the exception repr")

    out, err = capsys.readouterr()
    scan(out, "CLI stdout")
    scan(err, "CLI stderr")
    assert caplog.records
    scan(caplog.text, "the logs")
    for rec in caplog.records:
        scan(rec.getMessage(), f"log record {rec.name}")
    scan_store(root)
    status = (root / WS / "_config" / "pull_status.json").read_text()
    assert "credentials were refused" in status


def test_config_repr_never_shows_secrets(monkeypatch):
    from connectors.api import SOURCES

    for name, sc in SC.items():
        cfg = SOURCES[name].from_settings(sc.settings, sc.env)
        scan(repr(cfg), f"repr of {name} config")
        scan(str(cfg), f"str of {name} config")
