"""connectors.http: an answer cut mid-transfer is transient (retried, then TransientError),
never a configuration error. Once with ``responses`` raising each kind of truncation, once
against a local server that really drops the connection inside a chunked body."""

from __future__ import annotations

import socket
import threading

import pytest
import requests
import responses
import urllib3

from connectors.errors import TransientError
from connectors.http import TRUNCATED_BODY, HttpClient, RetryPolicy
from tests.fixtures_api import helpers as h

fake_clock = h.fake_clock  # fixture
URL = "https://api.example.org/v1/items"


def client(clock, **kw) -> HttpClient:
    return HttpClient(service="Example", sleep=clock.sleep, clock=clock.clock, rand=lambda a, b: b / 2, **kw)


@pytest.mark.parametrize(
    "exc",
    [
        requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead(10 bytes read, 90 more expected)"),
        requests.exceptions.ContentDecodingError("Received response with content-encoding: gzip, but failed to decode it."),
        urllib3.exceptions.ProtocolError("Connection broken: IncompleteRead"),
    ],
    ids=["chunked", "decoding", "protocol"],
)
def test_truncated_body_is_retried_then_succeeds(fake_clock, exc):
    with responses.RequestsMock(assert_all_requests_are_fired=True) as r:
        r.add("GET", URL, body=exc)
        r.add("GET", URL, json={"items": [1, 2]})
        assert client(fake_clock).get_json(URL) == {"items": [1, 2]}
        assert len(r.calls) == 2


def test_truncated_body_every_time_is_transient_not_config(fake_clock):
    with responses.RequestsMock() as r:
        for _ in range(3):
            r.add("GET", URL, body=requests.exceptions.ChunkedEncodingError("Connection broken"))
        with pytest.raises(TransientError, match="cut its answer short.*tried 3 times"):
            client(fake_clock, retry=RetryPolicy(max_attempts=3)).get_json(URL)
        assert len(r.calls) == 3
    assert set(TRUNCATED_BODY) >= {requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError}


def _serve(answers: list[bytes]) -> tuple[str, threading.Thread]:
    """A one-shot local HTTP server: the n-th connection gets ``answers[n]`` then is closed."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(len(answers))

    def run():
        for payload in answers:
            conn, _ = srv.accept()
            conn.recv(65536)
            conn.sendall(payload)
            conn.close()
        srv.close()

    th = threading.Thread(target=run, daemon=True)
    th.start()
    return f"http://127.0.0.1:{srv.getsockname()[1]}/items", th


def test_real_connection_dropped_inside_a_chunked_body(fake_clock):
    cut = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"items\": [1,"
    body = b'{"items": [1, 2]}'
    good = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)
    url, th = _serve([cut, good])
    assert client(fake_clock, session=requests.Session()).get_json(url) == {"items": [1, 2]}
    th.join(5)
    assert fake_clock.sleeps, "a retry waited (backoff) before the second attempt"
