"""UTM helpers: campaign tags out of landing-page URLs, and the page without its tracking.

Pure functions (no IO), shared by every format that meets URLs: GA4 / Universal
Analytics landing pages, Search Console pages, ad exports.

Real exports write landing pages in many shapes (see FORMATS.md §6b): a bare path
(``/offer?utm_source=fb``), a host without scheme (``www.site.com/page?...``), a full URL,
HTML-escaped ampersands (``&amp;utm_medium=...``), percent-encoded query strings
(``%3Futm_source%3Dfb%26utm_medium%3Dsocial``), parameter names in capitals
(``UTM_Source``), fragments (``#section``) or tags written *after* the fragment
(``/page#utm_source=x``, what some single-page sites do).

* :func:`parse_utm` returns ``{"source", "medium", "campaign", "content", "term", "id"}``
  (``None`` when absent); values are decoded (``+`` and ``%20`` become spaces) and trimmed,
  case is kept except for ``source``/``medium`` which are lower-cased (GA4 compares them
  case-insensitively; ``Facebook`` and ``facebook`` are one source).
* :func:`normalise_landing_page` returns the page without tracking parameters (UTM tags,
  click ids such as ``gclid``/``fbclid``/``msclkid``, e-mail tool ids...) and without
  fragment; other parameters (``?id=12``) are kept in their order because they can name a
  different page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, unquote_plus, urlsplit, urlunsplit

UTM_FIELDS = ("source", "medium", "campaign", "content", "term", "id")

# parameters that only track the visit (never name a different page)
TRACKING_PARAMS = frozenset({
    "gclid", "gclsrc", "gbraid", "wbraid", "dclid", "gad_source", "gad_campaignid", "srsltid",
    "fbclid", "igshid", "igsh", "msclkid", "ttclid", "twclid", "li_fat_id", "li_ed", "epik", "rdt_cid",
    "scclid", "yclid", "ysclid", "_openstat", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
    "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id",
    "oly_enc_id", "wickedid", "_its", "infinity", "s_kwcid", "ef_id", "cmpid", "trk", "trkcampaign",
    "sc_campaign", "sc_channel", "sc_content", "sc_medium", "sc_outcome", "sc_geo", "sc_country",
})
TRACKING_PREFIXES = ("utm_", "_z1_", "pk_", "mtm_", "matomo_", "piwik_", "hsa_", "ga_", "_bta_")

_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_HOST_RE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?=[/?#]|$)", re.I)


def _decode(url: str) -> str:
    """Undo HTML escaping and percent-encoding of the URL's structure characters
    (``?``, ``=``, ``&``, ``#``, ``/``), at most twice (double-encoded URLs)."""
    s = html.unescape(url.strip())
    for _ in range(2):
        head, sep, query = s.partition("?")
        if re.search(r"%25(?:3[fFdD]|2[fF6])", s):
            s = unquote(s)  # double-encoded
            continue
        if not sep and re.search(r"%3[fF]|%2[fF]", head):
            s = unquote(s)  # the whole URL is encoded: '%2Fp%3Futm_source%3Dfb'
        elif sep and re.search(r"%3[dD]|%26", query) and ("=" not in query or "%25" in query):
            s = head + "?" + unquote(query)  # only the tags are encoded: '/p?utm_source%3Dfb%26utm_medium%3Dx'
        else:
            break
        s = html.unescape(s)
    return s


def _split(url: str) -> tuple[str, str, str, str, str]:
    s = _decode(url)
    if s.startswith("/"):  # a path (GA page paths may start with '//'): no host to find
        rest, _, fragment = s.partition("#")
        path, _, query = rest.partition("?")
        return "", "", path, query, fragment
    if not _SCHEME_RE.match(s) and not s.startswith(("/", "?", "#")) and _HOST_RE.match(s):
        s = "//" + s  # host without scheme: 'www.site.com/page?x=1'
    try:
        parts = urlsplit(s)
    except ValueError:  # e.g. an invalid IPv6 host: keep the text as a path
        return "", "", s, "", ""
    return parts.scheme, parts.netloc, parts.path, parts.query, parts.fragment


def _pairs(query: str) -> list[tuple[str, str]]:
    # tolerate ';' separators and stray '?' inside the query ('/p?a=1?utm_source=x')
    q = query.replace(";", "&").replace("?", "&")
    return parse_qsl(q, keep_blank_values=True)


def _clean(v: str | None) -> str | None:
    if v is None:
        return None
    s = unquote_plus(v) if "%" in v or "+" in v else v
    s = s.strip()
    return s or None


def parse_utm(url: str | None) -> dict[str, str | None]:
    """UTM tags of a URL (``utm_source`` ... ``utm_id``); absent tags are ``None``.

    Robust to ``&amp;``, percent-encoding, missing scheme, upper-case names, fragments
    (tags after ``#`` are read too when the query has none)."""
    if not url or not isinstance(url, str):
        return dict.fromkeys(UTM_FIELDS)
    return dict(_parse_utm(url))


@lru_cache(maxsize=65536)
def _parse_utm(url: str) -> tuple[tuple[str, str | None], ...]:
    out: dict[str, str | None] = dict.fromkeys(UTM_FIELDS)
    _, _, _, query, fragment = _split(url)
    pairs = _pairs(query)
    if fragment and "utm_" in fragment.lower():
        frag_q = fragment.split("?", 1)[-1]
        pairs += _pairs(frag_q)
    for k, v in pairs:
        key = k.strip().lower()
        if key.startswith("utm_"):
            name = key[4:]
            if name in out and out[name] is None:
                out[name] = _clean(v)
    for k in ("source", "medium"):
        if out[k] is not None:
            out[k] = out[k].lower()  # type: ignore[union-attr]
    return tuple(out.items())


def is_tracking_param(name: str) -> bool:
    k = name.strip().lower()
    return k in TRACKING_PARAMS or k.startswith(TRACKING_PREFIXES)


def normalise_landing_page(url: str | None) -> str | None:
    """The page without tracking parameters and fragment.

    Keeps the form the export used (a path stays a path, a full URL keeps its host);
    the host is lower-cased, an empty path with a host becomes ``/``."""
    if url is None or not isinstance(url, str):
        return None
    return _normalise(url)


@lru_cache(maxsize=65536)
def _normalise(url: str) -> str | None:
    if not url.strip():
        return None
    raw = url.strip()
    if raw.startswith("(") and raw.endswith(")"):  # '(not set)', '(other)'
        return raw
    scheme, netloc, path, query, _fragment = _split(raw)
    kept = [p for p in re.split(r"[&;]", query.replace("?", "&")) if p and not is_tracking_param(unquote_plus(p.split("=", 1)[0]))]
    q = "&".join(kept)
    if netloc and not path:
        path = "/"
    if scheme or netloc:
        s = urlunsplit((scheme.lower(), netloc.lower(), path, q, ""))
        if not scheme and s.startswith("//"):
            s = s[2:]
        return s
    return path + ("?" + q if q else "") if (path or q) else "/"
