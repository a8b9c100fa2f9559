"""Export formats, collected from every module of this package that defines ``FORMATS``."""

from __future__ import annotations

import importlib
import pkgutil

from connectors.formats.base import Format, ParseContext

__all__ = ["Format", "ParseContext", "all_formats", "get_format"]

_CACHE: list[Format] | None = None


def all_formats() -> list[Format]:
    global _CACHE
    if _CACHE is None:
        found: list[Format] = []
        for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if mod.name.startswith("_") or mod.name == "base":
                continue
            module = importlib.import_module(f"{__name__}.{mod.name}")
            found.extend(getattr(module, "FORMATS", []))
        names = [f.name for f in found]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise RuntimeError(f"duplicate format names: {sorted(dupes)}")
        _CACHE = found
    return _CACHE


def get_format(name: str) -> Format:
    for f in all_formats():
        if f.name == name:
            return f
    raise KeyError(name)
