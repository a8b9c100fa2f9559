"""Secrets in error bodies are masked before the body is cut; credentials never follow a
redirect to another host (issue 15 item 7)."""

from __future__ import annotations

import pytest
import responses

from connectors.errors import ConfigError
from connectors.http import HttpClient, register_secret
from tests.fixtures_api import helpers as h

rsps, fake_clock, no_network = h.rsps, h.fake_clock, h.no_network  # fixtures
TOKEN = "f3a9c0d17e5b42a8b6d0c3e9a1"  # 26 characters, as a Matomo token_auth would be
MATOMO = "https://stats.example.org/index.php"
ELSEWHERE = "https://collector.example.net/index.php"


def client(clock) -> HttpClient:
    return HttpClient(service="Matomo", sleep=clock.sleep, clock=clock.clock, rand=lambda a, b: 0.0)


def _no_piece_of(token: str, text: str, n: int = 6) -> None:
    for i in range(len(token) - n + 1):
        assert token[i:i + n] not in text, f"{token[i:i + n]!r} of the secret leaked: {text!r}"


@pytest.mark.parametrize("prefix", [150, 185, 190, 199])
def test_secret_straddling_the_cut_is_masked_text_body(rsps, fake_clock, prefix):
    register_secret(TOKEN)
    rsps.add("POST", MATOMO, status=400, body="e" * prefix + TOKEN + " more text")
    with pytest.raises(ConfigError) as exc:
        client(fake_clock).post_json(MATOMO, data={"token_auth": TOKEN})
    _no_piece_of(TOKEN, str(exc.value))


def test_secret_straddling_the_cut_is_masked_json_body(rsps, fake_clock):
    register_secret(TOKEN)
    rsps.add("POST", MATOMO, status=401, json={"result": "error", "message": "x" * 185 + f"{TOKEN} is not a valid token_auth"})
    with pytest.raises(ConfigError) as exc:
        client(fake_clock).post_json(MATOMO, data={"token_auth": TOKEN})
    _no_piece_of(TOKEN, str(exc.value))


def test_unregistered_token_like_value_masked_before_cut(rsps, fake_clock):
    # not registered: the pattern (token_auth=...) must still see the whole value
    secret = "0123456789abcdef0123456789abcdef"
    rsps.add("GET", MATOMO, status=400, body="y" * 180 + f"&token_auth={secret}")
    with pytest.raises(ConfigError) as exc:
        client(fake_clock).get_json(MATOMO)
    _no_piece_of(secret, str(exc.value))


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_matomo_token_is_not_posted_to_another_host(rsps, fake_clock, status):
    rsps.add("POST", MATOMO, status=status, headers={"Location": ELSEWHERE + "?from=stats"})
    with pytest.raises(ConfigError) as exc:
        client(fake_clock).post_json(MATOMO, data={"module": "API", "token_auth": TOKEN})
    assert [c.request.url for c in rsps.calls] == [MATOMO]  # nothing sent to the other host
    msg = str(exc.value)
    assert "collector.example.net" in msg and "from=stats" not in msg
    assert TOKEN not in msg


def test_bearer_header_is_not_sent_to_another_host(rsps, fake_clock):
    rsps.add("GET", MATOMO, status=302, headers={"Location": ELSEWHERE})
    with pytest.raises(ConfigError):
        client(fake_clock).get_json(MATOMO, headers={"Authorization": f"Bearer {TOKEN}"})
    assert [c.request.url for c in rsps.calls] == [MATOMO]


def test_same_host_redirect_keeps_the_post(rsps, fake_clock):
    moved = "https://stats.example.org/matomo/index.php"
    rsps.add("POST", MATOMO, status=307, headers={"Location": "/matomo/index.php"})
    target = rsps.add("POST", moved, json={"ok": 1}, match=[responses.matchers.urlencoded_params_matcher({"token_auth": TOKEN})])
    assert client(fake_clock).post_json(MATOMO, data={"token_auth": TOKEN}) == {"ok": 1}
    assert target.call_count == 1


def test_http_to_https_upgrade_on_the_same_host_is_followed(rsps, fake_clock):
    rsps.add("POST", "http://stats.example.org/index.php", status=308, headers={"Location": MATOMO})
    rsps.add("POST", MATOMO, json={"ok": 2})
    assert client(fake_clock).post_json("http://stats.example.org/index.php", data={"token_auth": TOKEN}) == {"ok": 2}


def test_https_to_http_downgrade_with_credentials_is_refused(rsps, fake_clock):
    rsps.add("POST", MATOMO, status=307, headers={"Location": "http://stats.example.org/index.php"})
    with pytest.raises(ConfigError):
        client(fake_clock).post_json(MATOMO, data={"token_auth": TOKEN})
    assert [c.request.url for c in rsps.calls] == [MATOMO]


def test_public_feed_may_move_to_another_host(rsps, fake_clock):
    feed = "https://news.example.org/feed.xml"
    cdn = "https://cdn.example.net/feeds/news.xml"
    rsps.add("GET", feed, status=301, headers={"Location": cdn})
    rsps.add("GET", cdn, body="<rss/>")
    resp = client(fake_clock).request("GET", feed, headers={"Accept": "application/rss+xml"})
    assert resp.text == "<rss/>"


def test_redirect_loop_stops(rsps, fake_clock):
    rsps.add("GET", MATOMO, status=302, headers={"Location": MATOMO})
    with pytest.raises(ConfigError, match="too many redirects"):
        client(fake_clock).get_json(MATOMO)
