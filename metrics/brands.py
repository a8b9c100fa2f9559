"""Brand attribution: which organisation a mention (or a listening aggregate) is about.

A workspace names its own brand, its competitors and its partners, each with aliases and
handles per platform (``workspace`` config, see :func:`brand_book`). Exports spell the
same brand many ways: ``Haute-Rivière``, ``@HauteRiviere``, ``hauteriviere.bsky.social``,
``@hauteriviere@mastodon.social``, ``https://www.haute-riviere.ca/``, a listening tool's
query name. :func:`alias_key` folds every spelling to one key:

1. Unicode NFKD, accents dropped, case-folded;
2. a URL keeps its host (``www.`` dropped); a Mastodon address ``@user@host`` keeps ``user``;
   a leading ``@`` is dropped;
3. a domain-like token (``name.bsky.social``, ``name.ca``: no space, a dot followed by
   letters) keeps its first label;
4. every character that is not a letter or a digit is dropped.

:func:`attribute` maps a column of raw brand values to canonical names: the own brand's
name, a competitor's or a partner's name (as configured), :data:`UNATTRIBUTED` for a
value that matches no alias when the book names any brand, and the own brand for an
empty value (listening exports of one's own brand rarely name it). With an empty book
the raw values are kept (nothing to attribute against). Keys are computed once per
distinct value (factorised), so millions of rows cost as many calls as distinct spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

UNATTRIBUTED = "(unattributed)"
KINDS = ("own", "competitor", "partner")

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#\s]+)", re.I)
_MASTODON = re.compile(r"^@?([^@\s]+)@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^([^.\s]+)(\.[a-z0-9-]+)*\.[a-z]{2,}$", re.I)
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def alias_key(value: object) -> str | None:
    """The folded key of a brand spelling (rules in the module docstring); None when empty."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    s = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii").strip().casefold()
    if not s:
        return None
    m = _URL.match(s)
    if m:
        s = m.group(1).split("@")[-1].split(":")[0]
        s = s.removeprefix("www.")
    m = _MASTODON.match(s)
    if m:
        s = m.group(1)
    s = s.lstrip("@")
    m = _DOMAIN.match(s)
    if m:
        s = m.group(1)
    key = _NON_ALNUM.sub("", s)
    return key or None


@dataclass(frozen=True)
class Brand:
    """One organisation: canonical ``name``, its ``kind`` (own, competitor, partner),
    free ``aliases`` and ``handles`` per platform (``{"bluesky": ["name.bsky.social"]}``)."""

    name: str
    kind: str = "competitor"
    aliases: tuple[str, ...] = ()
    handles: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def spellings(self) -> list[str]:
        return [self.name, *self.aliases, *(h for _, hs in self.handles for h in hs)]


@dataclass(frozen=True)
class BrandBook:
    """The brands of a workspace; ``own`` is None when no own brand is configured."""

    own: Brand | None = None
    competitors: tuple[Brand, ...] = ()
    partners: tuple[Brand, ...] = ()
    _index: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        idx: dict[str, str] = {}
        # own brand first: a spelling claimed twice stays with the own brand, then competitors
        for b in self.brands():
            for sp in b.spellings():
                k = alias_key(sp)
                if k and k not in idx:
                    idx[k] = b.name
        self._index.update(idx)

    def brands(self) -> list[Brand]:
        return ([self.own] if self.own else []) + list(self.competitors) + list(self.partners)

    @property
    def empty(self) -> bool:
        return not self.brands()

    @property
    def own_name(self) -> str | None:
        return self.own.name if self.own else None

    @property
    def competitor_names(self) -> tuple[str, ...]:
        return tuple(b.name for b in self.competitors)

    def canonical(self, value: object) -> str:
        """Canonical name of one spelling (rules in the module docstring)."""
        k = alias_key(value)
        if k is None:
            return self.own_name or ""
        if self.empty:
            return str(value).strip()
        return self._index.get(k, UNATTRIBUTED)


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = re.split(r"[,;\n]", value)
    return tuple(dict.fromkeys(s.strip() for s in value if isinstance(s, str) and s.strip()))


def _handles(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        return ()
    return tuple((str(p), _strings(h)) for p, h in value.items() if _strings(h))


def _brand(entry: Any, kind: str) -> Brand | None:
    if isinstance(entry, str):
        return Brand(entry.strip(), kind) if entry.strip() else None
    if isinstance(entry, Mapping) and str(entry.get("name") or "").strip():
        return Brand(str(entry["name"]).strip(), kind, _strings(entry.get("aliases")), _handles(entry.get("handles")))
    return None


def brand_book(workspace: Mapping[str, Any] | None) -> BrandBook:
    """The brand book of a ``workspace`` config document.

    Keys: ``own_brand`` (a name), ``own_aliases`` (list), ``own_handles``
    (``{platform: [handle]}``); ``competitors`` and ``partners``: lists of names or of
    ``{"name", "aliases": [...], "handles": {platform: [...]}}``."""
    ws = dict(workspace or {})
    own = None
    if str(ws.get("own_brand") or "").strip():
        own = Brand(str(ws["own_brand"]).strip(), "own", _strings(ws.get("own_aliases")), _handles(ws.get("own_handles")))
    comps = tuple(b for b in (_brand(e, "competitor") for e in ws.get("competitors") or ()) if b)
    parts = tuple(b for b in (_brand(e, "partner") for e in ws.get("partners") or ()) if b)
    return BrandBook(own, comps, parts)


def attribute(brands: pd.Series | Iterable[object], book: BrandBook) -> pd.Series:
    """Canonical brand name of every value of ``brands`` (see :meth:`BrandBook.canonical`),
    computed once per distinct value."""
    s = brands if isinstance(brands, pd.Series) else pd.Series(list(brands), dtype="object")
    if not len(s):
        return s.astype("object")
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    mapped = np.array([book.canonical(u) for u in uniques] + [book.canonical(None)], dtype=object)
    return pd.Series(mapped[codes], index=s.index, dtype="object", name=s.name)

