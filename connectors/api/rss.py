"""RSS / Atom mention feeds (Google Alerts, Talkwalker Alerts, any RSS 2.0 or Atom feed).

* Google Alerts feeds are Atom; each entry's link is a Google redirect
  (``https://www.google.com/url?rct=j&sa=t&url=<target>&ct=ga&...``): it is unwrapped to
  the target. Titles and contents are escaped HTML with ``<b>`` highlights: they become
  plain text. The author is empty in Google Alerts: the target's domain stands in.
* Talkwalker Alerts feeds are RSS 2.0 (``item/title, link, description, pubDate, guid``).
* XML is parsed with the standard library, defused: a document that declares a DOCTYPE
  or entities is refused before it is parsed (no entity expansion, no external entity
  or DTD is ever fetched).

``mention_id`` is ``google_alerts:<entry id>``, ``talkwalker:<guid>`` or ``rss:<guid>``;
``source`` is the alert service.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.parsers import expat

from connectors.api.base import Common, Page, PullContext, build_config, html_to_text, latest_cursor, parse_instant, setting
from connectors.errors import ConfigError, TransientError

NAME = "rss"
LABEL = "RSS / Atom alerts"
STREAMS = {"mentions": "mentions"}
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
MAX_BYTES = 20_000_000


@dataclass
class Config(Common):
    LABEL = LABEL
    feeds: list = setting("RSS_FEEDS", [], "feed addresses (Google Alerts, Talkwalker Alerts…), one per line", required=True,
                          kind="list")
    brand: str | None = setting("RSS_BRAND", None, "brand the alerts are about (optional)")


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    return build_config(Config, settings, env)


# --------------------------------------------------------------------------- defused parsing


class UnsafeXML(ValueError):
    pass


def _forbid(*_args: Any) -> None:
    raise UnsafeXML("the feed declares a DTD or entities, which are refused for safety")


def parse_xml(data: bytes) -> ET.Element:
    """Parse XML with the standard library, refusing DOCTYPE / entity declarations.

    A first pass with expat stops at any DOCTYPE, entity declaration or external entity
    reference (expat reports these before expanding anything). Only a document without a
    DTD - where no entity can be declared - reaches ElementTree."""
    if len(data) > MAX_BYTES:
        raise UnsafeXML("the feed is too large")
    p = expat.ParserCreate()
    p.StartDoctypeDeclHandler = _forbid
    p.EntityDeclHandler = _forbid
    p.UnparsedEntityDeclHandler = _forbid
    p.ExternalEntityRefHandler = _forbid
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        p.Parse(data, True)
    except expat.ExpatError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from None
    return ET.fromstring(data)


# --------------------------------------------------------------------------- mapping


def unwrap_url(url: str | None) -> str | None:
    """``https://www.google.com/url?...&url=<target>&...`` -> ``<target>``; other URLs unchanged."""
    if not url:
        return url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if re.fullmatch(r"(www\.)?google\.[a-z.]+", host) and parts.path == "/url":
        q = parse_qs(parts.query)
        for key in ("url", "q"):
            if q.get(key) and q[key][0].startswith(("http://", "https://")):
                return q[key][0]
    return url


def _service(feed_url: str, entry_id: str | None) -> str:
    host = (urlsplit(feed_url).hostname or "").lower()
    if "googlealerts" in (entry_id or "") or (host.endswith("google.com") and "/alerts/" in feed_url):
        return "google_alerts"
    if "talkwalker" in host:
        return "talkwalker"
    return "rss"


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    return "".join(el.itertext())


def _date(value: str | None) -> dt.datetime | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return parse_instant(value)
    except ValueError:
        pass
    try:
        d = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=dt.timezone.utc)
    return d.astimezone(dt.timezone.utc)


def _domain(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    return host[4:] if host.startswith("www.") else (host or None)


def _combine(title: str | None, body: str | None) -> str | None:
    title, body = html_to_text(title), html_to_text(body)
    if title and body and not body.startswith(title):
        return f"{title} — {body}"
    return body or title


def parse_feed(data: bytes, feed_url: str, brand: str | None = None) -> list[dict[str, Any]]:
    """Mentions (canonical rows) of an RSS 2.0 or Atom document."""
    try:
        root = parse_xml(data)
    except UnsafeXML as exc:
        raise ConfigError(f"{LABEL}: {feed_url_display(feed_url)}: {exc}") from None
    except (ValueError, ET.ParseError) as exc:
        raise TransientError(f"{LABEL}: {feed_url_display(feed_url)} is not a valid feed: {exc}") from None
    rows: list[dict[str, Any]] = []
    if root.tag == f"{ATOM}feed":
        for e in root.iter(f"{ATOM}entry"):
            eid = (_text(e.find(f"{ATOM}id")) or "").strip()
            link = None
            for ln in e.findall(f"{ATOM}link"):
                if ln.get("rel", "alternate") == "alternate":
                    link = ln.get("href")
                    break
            target = unwrap_url(link)
            author = (_text(e.find(f"{ATOM}author/{ATOM}name")) or "").strip() or None
            rows.append(_row(feed_url, eid, target, _text(e.find(f"{ATOM}title")),
                             _text(e.find(f"{ATOM}content")) or _text(e.find(f"{ATOM}summary")),
                             _date(_text(e.find(f"{ATOM}published")) or _text(e.find(f"{ATOM}updated"))), author, brand))
    elif root.tag == "rss" or root.find("channel") is not None:
        for it in root.iter("item"):
            link = (_text(it.find("link")) or "").strip() or None
            guid = (_text(it.find("guid")) or "").strip() or link or ""
            author = (_text(it.find(f"{DC}creator")) or _text(it.find("author")) or "").strip() or None
            rows.append(_row(feed_url, guid, unwrap_url(link), _text(it.find("title")), _text(it.find("description")),
                             _date(_text(it.find("pubDate")) or _text(it.find(f"{DC}date"))), author, brand))
    else:
        raise TransientError(f"{LABEL}: {feed_url_display(feed_url)} is neither RSS nor Atom (root <{root.tag}>)")
    return [r for r in rows if r["published_at"] is not None]


def _row(feed_url: str, eid: str, url: str | None, title: str | None, body: str | None, published: dt.datetime | None,
         author: str | None, brand: str | None) -> dict[str, Any]:
    service = _service(feed_url, eid)
    if service == "google_alerts":
        m = re.search(r"feed:(\d+)$", eid)
        key = m.group(1) if m else eid
    else:
        key = eid or url or ""
    if not key or len(key) > 200:
        key = hashlib.sha256((key or f"{url}|{title}").encode()).hexdigest()[:32]
    return {
        "mention_id": f"{service}:{key}",
        "source": service,
        "published_at": published,
        "author": author or _domain(url),
        "text": _combine(title, body),
        "url": url,
        "brand": brand,
        "source_format": "api_rss",
    }


def feed_url_display(url: str) -> str:
    from connectors.http import redact_url

    return redact_url(url)


def _fetch(ctx: PullContext, url: str) -> bytes:
    http = ctx.http(LABEL)
    resp = http.request("GET", url, headers={"Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5"})
    return resp.content


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    n = 0
    for url in cfg.feeds:
        n += len(parse_feed(_fetch(ctx, url), url, cfg.brand))
    return f"{LABEL}: {len(cfg.feeds)} feed(s) read, {n} item(s) in them now"


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    seen: list[dt.datetime] = []
    for url in cfg.feeds:
        rows = parse_feed(_fetch(ctx, url), url, cfg.brand)
        seen += [r["published_at"] for r in rows]
        yield Page("mentions", "mentions", rows)
    # feeds hold a fixed window of recent items: every pull re-reads them all and the
    # store deduplicates; the cursor only records the newest item seen.
    yield Page("mentions", "mentions", [], cursor=latest_cursor(state, "mentions", seen))
