"""The shared HTTP client of the API connectors.

* every call has a timeout (connect, read);
* 429 / 5xx / connection errors / timeouts / bodies cut mid-transfer are retried with exponential backoff and
  jitter, honouring ``Retry-After`` (seconds or HTTP date); the clock, the sleep and
  the random source are injectable so tests never really wait;
* 401/403/404/400 become :class:`~connectors.errors.ConfigError` (not retryable, the
  configuration is wrong); what is still failing after the retries becomes
  :class:`~connectors.errors.TransientError`;
* every URL, header and message that is logged or put in an exception is redacted:
  secrets registered with :func:`register_secret`, the ``Authorization`` header and
  query parameters named like ``key``/``token``/``access_token``/``api_key``/
  ``password``/``secret``. Exceptions raised by ``requests`` (whose message holds the
  URL) are never re-raised as they are: they are replaced by a redacted message,
  ``from None`` so the original does not travel in the traceback either;
* pagination helpers in the spirit of dlt's ``rest_client/paginators.py``: a
  paginator decides, from a response, whether there is a next page and how to ask
  for it (cursor in the body, ``Link: rel="next"`` header, page number, offset).
"""

from __future__ import annotations

import email.utils
import json as jsonlib
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import requests
import urllib3

from connectors.errors import ConfigError, TransientError

# a body cut mid-transfer (connection dropped inside a chunked or gzip answer): transient, retried
TRUNCATED_BODY: tuple[type[BaseException], ...] = (
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
    urllib3.exceptions.ProtocolError,
)

log = logging.getLogger("boussole.http")

DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (seconds)
USER_AGENT = "Boussole/0.1 (+https://github.com/boussole; social media ROI dashboard)"

# --------------------------------------------------------------------------- redaction

MASK = "***"
SECRET_PARAM_RE = re.compile(r"(key|token|password|passwd|secret|auth|signature|sig|assertion|credential)", re.I)
_SECRETS: set[str] = set()
_SECRETS_LOCK = threading.Lock()
_QUERY_PARAM_RE = re.compile(
    r"(?P<pre>[?&;](?P<name>[^=&#\s\"']*?(?:key|token|password|passwd|secret|auth|signature|sig|assertion|credential)[^=&#\s\"']*)=)"
    r"(?P<val>[^&#\s\"']*)",
    re.I,
)
_BEARER_RE = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=\-]{8,}")
_JSON_SECRET_RE = re.compile(
    r"(?P<pre>[\"']?(?:[A-Za-z_]*(?:token|secret|password|private_key|api_key|apikey|token_auth|assertion)[A-Za-z_]*)[\"']?\s*[:=]\s*[\"'])"
    r"(?P<val>[^\"']+)",
    re.I,
)


def register_secret(value: str | None) -> None:
    """Remember a secret value so that :func:`redact` masks it wherever it appears."""
    if not value or not isinstance(value, str):
        return
    value = value.strip()
    if len(value) < 4:  # too short to mask without destroying every message
        return
    with _SECRETS_LOCK:
        _SECRETS.add(value)
        # also its URL-encoded form, which is how it travels in a query string
        enc = urlencode({"x": value})[2:]
        if enc != value:
            _SECRETS.add(enc)
        for line in value.splitlines():  # multi-line secrets (PEM keys)
            if len(line.strip()) >= 16:
                _SECRETS.add(line.strip())


def redact(text: Any) -> str:
    """Return ``text`` as a string with every known secret masked."""
    s = str(text)
    with _SECRETS_LOCK:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for sec in secrets:
        if sec in s:
            s = s.replace(sec, MASK)
    s = _QUERY_PARAM_RE.sub(lambda m: m.group("pre") + MASK, s)
    s = _BEARER_RE.sub(lambda m: m.group(1) + " " + MASK, s)
    s = _JSON_SECRET_RE.sub(lambda m: m.group("pre") + MASK, s)
    return s


def redact_url(url: str) -> str:
    """Mask the values of secret-looking query parameters (and known secrets) in a URL."""
    try:
        parts = urlsplit(url)
        if parts.query:
            q = [(k, MASK if SECRET_PARAM_RE.search(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
            url = urlunsplit(parts._replace(query=urlencode(q, safe="*:/,@")))
        if parts.password:
            url = url.replace(f":{parts.password}@", f":{MASK}@")
    except ValueError:
        pass
    return redact(url)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for k, v in headers.items():
        if k.lower() in ("authorization", "proxy-authorization", "cookie", "set-cookie") or SECRET_PARAM_RE.search(k):
            out[k] = MASK
        else:
            out[k] = redact(v)
    return out


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in a record's message and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record must not break logging
            msg = str(record.msg)
        red = redact(msg)
        if red != msg or record.args:
            record.msg, record.args = red, None
        return True


# urllib3 logs request lines ("GET /path?query") at DEBUG: mask them too.
for _name in ("urllib3.connectionpool", "boussole.http"):
    _lg = logging.getLogger(_name)
    if not any(isinstance(f, RedactingFilter) for f in _lg.filters):
        _lg.addFilter(RedactingFilter())


# --------------------------------------------------------------------------- retry policy


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


@dataclass
class RetryPolicy:
    max_attempts: int = 5  # total attempts, the first included
    backoff_base: float = 1.0  # seconds; attempt n waits base * 2**(n-1) + jitter
    backoff_max: float = 60.0
    max_retry_after: float = 300.0  # a server asking to wait longer than this: give up now
    retry_statuses: tuple[int, ...] = (429, 500, 502, 503, 504)


# --------------------------------------------------------------------------- client


def _short_body(resp: requests.Response, n: int = 200) -> str:
    """The server's error message, for humans: secrets are masked in the WHOLE text
    first, then it is cut to ``n`` characters (cutting first would leave the start of a
    token that the masks no longer recognise)."""
    cap = 1 << 16  # what we ever look at of a body (a secret straddling it is far past ``n``)
    try:
        data = resp.json()
    except ValueError:
        text = (resp.text or "")[:cap].strip().replace("\n", " ")
        return redact(text)[:n]
    msg = None
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict):
            msg = err.get("message") or err.get("status")
        elif isinstance(err, str):
            msg = data.get("error_description") or data.get("message") or err
        else:
            msg = data.get("message") or data.get("error_description")
    return redact(str(msg)[:cap] if msg else jsonlib.dumps(data)[:cap])[:n]


REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10


def _origin(url: str) -> tuple[str, str, int | None]:
    p = urlsplit(url)
    port = p.port or {"http": 80, "https": 443}.get(p.scheme)
    return p.scheme.lower(), (p.hostname or "").lower(), port


def _same_site(a: str, b: str) -> bool:
    """Same scheme, host and port - or the same host moving from http to https."""
    sa, sb = _origin(a), _origin(b)
    return sa == sb or (sa[1] == sb[1] and sa[0] == "http" and sb[0] == "https")


def _carries_credentials(params: Any, json: Any, data: Any, headers: Mapping[str, str] | None, session: requests.Session) -> bool:
    """Whether a request holds something that must not leave its host: a body (a token in
    a form or JSON: Matomo ``token_auth``, Bluesky password, GA4 assertion), an
    authorization/cookie/key-like header, or a key-like query parameter."""
    if json is not None or data is not None:
        return True
    hdrs = {**dict(session.headers), **dict(headers or {})}
    if any(k.lower() in ("authorization", "proxy-authorization", "cookie") or SECRET_PARAM_RE.search(k) for k in hdrs):
        return True
    if session.auth is not None:
        return True
    items = params.items() if isinstance(params, Mapping) else (params or [])
    return any(SECRET_PARAM_RE.search(str(k)) for k, _ in items)


Classifier = Callable[[requests.Response], "type[Exception] | None"]


@dataclass
class HttpClient:
    """A ``requests.Session`` with timeouts, retries, redacted logs and errors.

    ``service`` is the human name used in messages ("Mastodon"). ``sleep`` and
    ``clock`` (epoch seconds) and ``rand`` (``random.uniform``-like) are injectable.
    """

    service: str = "API"
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    rand: Callable[[float, float], float] = random.uniform
    session: requests.Session = field(default_factory=requests.Session)
    classify: Classifier | None = None  # per-source override: response -> ConfigError/TransientError/None

    def __post_init__(self) -> None:
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self.session.headers["User-Agent"] = USER_AGENT

    # -- core

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        ok_statuses: tuple[int, ...] = (),
    ) -> requests.Response:
        """Send a request; return the response when it is 2xx (or in ``ok_statuses``)."""
        attempt = 0
        while True:
            attempt += 1
            shown = redact_url(requests.Request(method, url, params=params).prepare().url or url)
            t0 = self.clock()
            try:
                resp = self._send(method, url, params=params, json=json, data=data, headers=headers)
            except (requests.Timeout, requests.ConnectionError, *TRUNCATED_BODY) as exc:
                kind = (
                    "timed out" if isinstance(exc, requests.Timeout)
                    else "cut its answer short" if isinstance(exc, TRUNCATED_BODY)
                    else "could not connect"
                )
                log.debug("%s %s -> %s (attempt %d)", method, shown, kind, attempt)
                if attempt >= self.retry.max_attempts:
                    raise TransientError(
                        f"{self.service}: the service {kind} ({method} {shown}); tried {attempt} times, try again later"
                    ) from None
                self._wait(attempt, None)
                continue
            except requests.RequestException as exc:  # invalid URL, too many redirects...
                raise ConfigError(f"{self.service}: the request could not be sent ({type(exc).__name__}: {redact(exc)})") from None
            log.debug(
                "%s %s -> %s in %.2fs (attempt %d)", method, shown, resp.status_code, max(0.0, self.clock() - t0), attempt
            )
            if 200 <= resp.status_code < 300 or resp.status_code in ok_statuses:
                verdict = self.classify(resp) if self.classify else None
                if verdict is None:
                    return resp
            else:
                verdict = self.classify(resp) if self.classify else None
            if verdict is None:
                verdict = self._default_verdict(resp)
            if verdict is ConfigError:
                raise ConfigError(self._config_message(resp, method, shown))
            # transient
            if attempt >= self.retry.max_attempts:
                raise TransientError(
                    f"{self.service}: the service is unavailable (HTTP {resp.status_code}: {_short_body(resp)}) "
                    f"after {attempt} attempts; try again later"
                )
            wait = parse_retry_after(resp.headers.get("Retry-After"), self.clock())
            if wait is not None and wait > self.retry.max_retry_after:
                raise TransientError(
                    f"{self.service}: rate limit reached; the service asks to wait {int(wait)} s, try again later"
                )
            self._wait(attempt, wait)

    def _send(self, method: str, url: str, *, params: Any, json: Any, data: Any, headers: Mapping[str, str] | None) -> requests.Response:
        """One request, following redirects ourselves: ``requests`` drops only the
        ``Authorization`` header on a redirect to another host, and re-sends the body on
        307/308 - a Matomo ``token_auth`` POSTed to wherever the server points. A request
        that carries credentials (:func:`_carries_credentials`) follows a redirect only on
        its own site; to another host it stops with a :class:`ConfigError` naming the new
        address (without its query). Others follow up to ``MAX_REDIRECTS`` hops."""
        creds = _carries_credentials(params, json, data, headers, self.session)
        start = url
        for _ in range(MAX_REDIRECTS + 1):
            resp = self.session.request(method, url, params=params, json=json, data=data, headers=headers,
                                        timeout=self.timeout, allow_redirects=False)
            location = resp.headers.get("Location")
            if resp.status_code not in REDIRECTS or not location:
                return resp
            target = urljoin(resp.url or url, location)
            if not _same_site(start, target) and creds:
                resp.close()
                p = urlsplit(target)
                raise ConfigError(
                    f"{self.service}: the server redirected to another address ({redact(f'{p.scheme}://{p.netloc}{p.path}')}); "
                    "the credentials were not sent there. If that address is right, put it in the settings"
                )
            if resp.status_code == 303 or (resp.status_code in (301, 302) and method.upper() == "POST"):
                method, json, data = "GET", None, None
            url, params = target, None  # the query was in the URL the server built
            resp.close()
        raise ConfigError(f"{self.service}: too many redirects (more than {MAX_REDIRECTS}) from {redact_url(start)}")

    def _default_verdict(self, resp: requests.Response) -> type[Exception]:
        if resp.status_code in self.retry.retry_statuses or resp.status_code >= 500:
            return TransientError
        return ConfigError

    def _config_message(self, resp: requests.Response, method: str, shown: str) -> str:
        code = resp.status_code
        detail = _short_body(resp)
        if code in (401, 403):
            what = "the credentials were refused (wrong or expired token/key, or missing permission)"
        elif code == 404:
            what = "not found (check the account, site or property id and the server address)"
        elif 200 <= code < 300:
            what = "the service refused the request"
        else:
            what = f"the request was refused (HTTP {code})"
        return f"{self.service}: {what}. Server said: {detail} [{method} {shown}]"

    def _wait(self, attempt: int, retry_after: float | None) -> None:
        if retry_after is not None:
            delay = retry_after
        else:
            delay = min(self.retry.backoff_max, self.retry.backoff_base * (2 ** (attempt - 1)))
            delay += self.rand(0, self.retry.backoff_base)
        log.debug("%s: waiting %.2fs before retrying", self.service, delay)
        self.sleep(delay)

    # -- helpers

    def get_json(self, url: str, **kw: Any) -> Any:
        return self.json_of(self.request("GET", url, **kw))

    def post_json(self, url: str, **kw: Any) -> Any:
        return self.json_of(self.request("POST", url, **kw))

    def json_of(self, resp: requests.Response) -> Any:
        try:
            return resp.json()
        except ValueError:
            raise TransientError(
                f"{self.service}: the answer was not valid JSON (truncated or garbled); try again later "
                f"[{resp.request.method if resp.request else 'GET'} {redact_url(resp.url or '')}]"
            ) from None

    def paginate(
        self,
        method: str,
        url: str,
        paginator: Paginator,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        max_pages: int = 1000,
    ) -> Iterator[tuple[Any, requests.Response]]:
        """Yield ``(decoded JSON, response)`` page after page until the paginator stops."""
        req = PageRequest(url=url, params=dict(params or {}), json=json, data=data)
        paginator.init_request(req)
        for _ in range(max_pages):
            resp = self.request(method, req.url, params=req.params or None, json=req.json, data=req.data, headers=headers)
            body = self.json_of(resp)
            yield body, resp
            paginator.update_state(resp, body)
            if not paginator.has_next_page:
                return
            paginator.update_request(req)


# --------------------------------------------------------------------------- paginators


@dataclass
class PageRequest:
    url: str
    params: dict[str, Any]
    json: dict[str, Any] | None = None
    data: dict[str, Any] | None = None


def dig(obj: Any, path: str | None) -> Any:
    """``dig({"a": {"b": 1}}, "a.b") == 1``; None when any step is missing."""
    if path is None:
        return obj
    for part in path.split("."):
        if isinstance(obj, dict):
            obj = obj.get(part)
        elif isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return None
    return obj


class Paginator:
    """Decides from each response whether there is a next page and how to request it."""

    has_next_page: bool = True

    def init_request(self, req: PageRequest) -> None:  # noqa: B027 - optional hook
        pass

    def update_state(self, resp: requests.Response, body: Any) -> None:
        raise NotImplementedError

    def update_request(self, req: PageRequest) -> None:
        raise NotImplementedError


class SinglePage(Paginator):
    def update_state(self, resp: requests.Response, body: Any) -> None:
        self.has_next_page = False

    def update_request(self, req: PageRequest) -> None:  # pragma: no cover - never called
        pass


class CursorPaginator(Paginator):
    """Next-page token in the body (``cursor`` in Bluesky, ``nextPageToken`` in YouTube),
    sent back as a query parameter (or in the JSON body with ``in_body=True``)."""

    def __init__(self, cursor_path: str = "cursor", param: str = "cursor", in_body: bool = False,
                 items_path: str | None = None) -> None:
        self.cursor_path, self.param, self.in_body, self.items_path = cursor_path, param, in_body, items_path
        self.cursor: str | None = None

    def update_state(self, resp: requests.Response, body: Any) -> None:
        self.cursor = dig(body, self.cursor_path)
        empty = self.items_path is not None and not dig(body, self.items_path)
        self.has_next_page = bool(self.cursor) and not empty

    def update_request(self, req: PageRequest) -> None:
        if self.in_body:
            req.json = {**(req.json or {}), self.param: self.cursor}
        else:
            req.params[self.param] = self.cursor


class LinkHeaderPaginator(Paginator):
    """RFC 8288 ``Link: <url>; rel="next"`` (Mastodon). The next URL carries its own query."""

    def __init__(self, rel: str = "next") -> None:
        self.rel = rel
        self.next_url: str | None = None

    def update_state(self, resp: requests.Response, body: Any) -> None:
        self.next_url = (resp.links.get(self.rel) or {}).get("url")
        self.has_next_page = bool(self.next_url) and bool(body)

    def update_request(self, req: PageRequest) -> None:
        assert self.next_url
        req.url, req.params = self.next_url, {}


class PageNumberPaginator(Paginator):
    """``?page=N``: stops on an empty page, a short page, or past ``total_path`` pages."""

    def __init__(self, param: str = "page", base_page: int = 1, items_path: str | None = None,
                 page_size: int | None = None, total_path: str | None = None) -> None:
        self.param, self.page, self.items_path = param, base_page, items_path
        self.page_size, self.total_path = page_size, total_path

    def init_request(self, req: PageRequest) -> None:
        req.params[self.param] = self.page

    def update_state(self, resp: requests.Response, body: Any) -> None:
        items = dig(body, self.items_path) or []
        total = dig(body, self.total_path) if self.total_path else None
        self.has_next_page = bool(items) and not (self.page_size and len(items) < self.page_size)
        if total is not None and self.page >= int(total):
            self.has_next_page = False

    def update_request(self, req: PageRequest) -> None:
        self.page += 1
        req.params[self.param] = self.page


class OffsetPaginator(Paginator):
    """``offset``/``limit`` (GA4 runReport, Plausible v2): parameters in the query or the
    JSON body (``body_path`` e.g. "pagination" for Plausible), total from ``total_path``."""

    def __init__(self, limit: int, items_path: str, offset_param: str = "offset", limit_param: str = "limit",
                 total_path: str | None = None, in_body: bool = False, body_path: str | None = None) -> None:
        self.limit, self.items_path, self.offset_param, self.limit_param = limit, items_path, offset_param, limit_param
        self.total_path, self.in_body, self.body_path = total_path, in_body, body_path
        self.offset = 0

    def _set(self, req: PageRequest) -> None:
        vals = {self.offset_param: self.offset, self.limit_param: self.limit}
        if self.in_body:
            body = dict(req.json or {})
            if self.body_path:
                body[self.body_path] = {**body.get(self.body_path, {}), **vals}
            else:
                body.update(vals)
            req.json = body
        else:
            req.params.update(vals)

    def init_request(self, req: PageRequest) -> None:
        self._set(req)

    def update_state(self, resp: requests.Response, body: Any) -> None:
        n = len(dig(body, self.items_path) or [])
        total = dig(body, self.total_path) if self.total_path else None
        self.offset += n
        if total is not None:
            self.has_next_page = n > 0 and self.offset < int(total)
        else:
            self.has_next_page = n >= self.limit

    def update_request(self, req: PageRequest) -> None:
        self._set(req)
