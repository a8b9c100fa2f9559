"""API connectors: one module per source (see ``connectors/api/base.py`` for the contract)."""

from __future__ import annotations

from types import ModuleType

from connectors.api import bluesky, ga4, mastodon, matomo, plausible, rss, youtube

SOURCES: dict[str, ModuleType] = {m.NAME: m for m in (mastodon, bluesky, youtube, ga4, rss, matomo, plausible)}


def get_source(name: str) -> ModuleType:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}: choose one of {', '.join(SOURCES)}") from None
