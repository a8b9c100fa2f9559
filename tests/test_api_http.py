"""connectors.http: timeouts, retries/backoff/Retry-After, error classes, redaction, paginators."""

from __future__ import annotations

import email.utils
import logging

import pytest
import requests
import responses

from connectors.errors import ConfigError, TransientError
from connectors.http import (
    CursorPaginator,
    HttpClient,
    LinkHeaderPaginator,
    OffsetPaginator,
    PageNumberPaginator,
    RetryPolicy,
    parse_retry_after,
    redact,
    redact_headers,
    redact_url,
    register_secret,
)
from tests.fixtures_api import helpers as h

rsps, fake_clock, no_network = h.rsps, h.fake_clock, h.no_network  # fixtures
URL = "https://api.example.org/v1/items"


def client(clock, **kw) -> HttpClient:
    return HttpClient(service="Example", sleep=clock.sleep, clock=clock.clock, rand=lambda a, b: b / 2, **kw)


def test_every_call_has_a_connect_and_read_timeout(rsps, fake_clock, monkeypatch):
    seen = {}
    real = requests.Session.request

    def spy(self, method, url, **kw):
        seen["timeout"] = kw.get("timeout")
        return real(self, method, url, **kw)

    monkeypatch.setattr(requests.Session, "request", spy)
    rsps.add("GET", URL, json={"ok": True})
    client(fake_clock, timeout=(3.0, 20.0)).get_json(URL)
    assert seen["timeout"] == (3.0, 20.0)


def test_retry_after_seconds(rsps, fake_clock):
    rsps.add("GET", URL, status=429, headers={"Retry-After": "12"})
    rsps.add("GET", URL, json=[1])
    assert client(fake_clock).get_json(URL) == [1]
    assert fake_clock.sleeps == [12.0]


def test_retry_after_http_date(rsps, fake_clock):
    when = email.utils.formatdate(fake_clock.now + 30, usegmt=True)
    rsps.add("GET", URL, status=503, headers={"Retry-After": when})
    rsps.add("GET", URL, json=[1])
    client(fake_clock).get_json(URL)
    assert fake_clock.sleeps == [30.0]


def test_parse_retry_after():
    assert parse_retry_after("5", 0) == 5.0
    assert parse_retry_after(None, 0) is None
    assert parse_retry_after("garbage", 0) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 2_000_000_000) == 0.0  # in the past: no wait


def test_exponential_backoff_with_jitter_on_5xx_and_connection_errors(rsps, fake_clock):
    rsps.add("GET", URL, status=502)
    rsps.add("GET", URL, body=requests.exceptions.ConnectionError("boom"))
    rsps.add("GET", URL, body=requests.exceptions.ReadTimeout("slow"))
    rsps.add("GET", URL, json={"ok": 1})
    c = client(fake_clock, retry=RetryPolicy(max_attempts=5, backoff_base=1.0))
    assert c.get_json(URL) == {"ok": 1}
    # base * 2**(n-1) + jitter (rand returns half the base here)
    assert fake_clock.sleeps == [1.5, 2.5, 4.5]


def test_gives_up_with_transient_error(rsps, fake_clock):
    rsps.add("GET", URL, status=500)
    with pytest.raises(TransientError, match="unavailable"):
        client(fake_clock, retry=RetryPolicy(max_attempts=3)).get_json(URL)
    assert len(fake_clock.sleeps) == 2


def test_too_long_retry_after_gives_up_at_once(rsps, fake_clock):
    rsps.add("GET", URL, status=429, headers={"Retry-After": "86400"})
    with pytest.raises(TransientError, match="rate limit"):
        client(fake_clock).get_json(URL)
    assert fake_clock.sleeps == []


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_errors_are_config_errors_and_not_retried(rsps, fake_clock, status):
    rsps.add("GET", URL, status=status, json={"error": {"message": "nope"}})
    with pytest.raises(ConfigError, match="Example"):
        client(fake_clock).get_json(URL)
    assert fake_clock.sleeps == []


def test_truncated_json_is_transient(rsps, fake_clock):
    rsps.add("GET", URL, body=b'{"items": [1, 2', content_type="application/json")
    with pytest.raises(TransientError, match="not valid JSON"):
        client(fake_clock).get_json(URL)


def test_redaction_of_urls_headers_and_text():
    url = "https://x.org/api?key=AIzaSECRET1&q=boussole&access_token=tok123456&api_key=k9&password=pw&client_secret=s3"
    red = redact_url(url)
    for s in ("AIzaSECRET1", "tok123456", "=k9", "=pw", "s3"):
        assert s not in red
    assert "q=boussole" in red
    assert redact_headers({"Authorization": "Bearer abc", "X-Goog-Api-Key": "k", "Accept": "json"}) == {
        "Authorization": "***", "X-Goog-Api-Key": "***", "Accept": "json"}
    assert "abcdefgh12345" not in redact("Authorization: Bearer abcdefgh12345")
    register_secret("Zorglub-very-secret-42")
    assert redact("error with Zorglub-very-secret-42 inside") == "error with *** inside"
    register_secret("p@ss w0rd/with+chars")
    assert "w0rd" not in redact("https://x.org/?q=p%40ss+w0rd%2Fwith%2Bchars")  # its URL-encoded form too


def test_requests_exception_messages_are_redacted(rsps, fake_clock):
    url = URL + "?api_key=SHOULD-NOT-LEAK-1&token=SHOULD-NOT-LEAK-2"
    rsps.add("GET", URL, body=requests.exceptions.ConnectionError(f"Max retries exceeded with url: {url}"))
    with pytest.raises(TransientError) as ei:
        client(fake_clock, retry=RetryPolicy(max_attempts=1)).get_json(url)
    text = str(ei.value)
    assert "SHOULD-NOT-LEAK" not in text and "could not connect" in text
    assert ei.value.__cause__ is None and ei.value.__suppress_context__


def test_request_log_is_redacted(rsps, fake_clock, caplog):
    caplog.set_level(logging.DEBUG)
    rsps.add("GET", URL, json={})
    client(fake_clock).get_json(URL + "?access_token=LOGLEAK99", headers={"Authorization": "Bearer LOGLEAK98"})
    assert caplog.records and "LOGLEAK" not in caplog.text
    assert "access_token=***" in caplog.text


def test_cursor_paginator(rsps, fake_clock):
    rsps.add("GET", URL + "?limit=2", json={"items": [1, 2], "cursor": "c2"})
    rsps.add("GET", URL + "?limit=2&cursor=c2", json={"items": [3], "cursor": None})
    pages = [b["items"] for b, _ in client(fake_clock).paginate("GET", URL, CursorPaginator(items_path="items"),
                                                                 params={"limit": 2})]
    assert pages == [[1, 2], [3]]


def test_link_header_paginator(rsps, fake_clock):
    rsps.add("GET", URL + "?limit=2", json=[1, 2], headers={"Link": f'<{URL}?limit=2&max_id=2>; rel="next"'})
    rsps.add("GET", URL + "?limit=2&max_id=2", json=[3], headers={"Link": f'<{URL}?limit=2&max_id=3>; rel="next"'})
    rsps.add("GET", URL + "?limit=2&max_id=3", json=[])
    pages = [b for b, _ in client(fake_clock).paginate("GET", URL, LinkHeaderPaginator(), params={"limit": 2})]
    assert pages == [[1, 2], [3], []]


def test_page_number_paginator(rsps, fake_clock):
    rsps.add("GET", URL + "?page=1", json={"data": [1, 2]})
    rsps.add("GET", URL + "?page=2", json={"data": [3]})
    pages = [b["data"] for b, _ in client(fake_clock).paginate("GET", URL, PageNumberPaginator(items_path="data", page_size=2))]
    assert pages == [[1, 2], [3]]


def test_offset_paginator_in_json_body(rsps, fake_clock):
    from responses import matchers

    rsps.add("POST", URL, json={"rows": [1, 2], "rowCount": 3},
             match=[matchers.json_params_matcher({"q": 1, "offset": 0, "limit": 2})])
    rsps.add("POST", URL, json={"rows": [3], "rowCount": 3},
             match=[matchers.json_params_matcher({"q": 1, "offset": 2, "limit": 2})])
    pag = OffsetPaginator(2, "rows", total_path="rowCount", in_body=True)
    pages = [b["rows"] for b, _ in client(fake_clock).paginate("POST", URL, pag, json={"q": 1})]
    assert pages == [[1, 2], [3]]


def test_max_pages_bounds_a_runaway_cursor(rsps, fake_clock):
    rsps.add("GET", URL, json={"items": [1], "cursor": "same"})
    pages = list(client(fake_clock).paginate("GET", URL, CursorPaginator(items_path="items"), max_pages=3))
    assert len(pages) == 3


def test_unmatched_requests_fail(no_network):
    with responses.RequestsMock(assert_all_requests_are_fired=True) as r:
        r.add("GET", URL, json={})
        requests.get(URL, timeout=1)
        with pytest.raises(requests.ConnectionError):
            requests.get(URL + "/other", timeout=1)
