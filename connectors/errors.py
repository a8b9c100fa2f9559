"""Errors raised by imports and pulls.

``ImportFailure`` carries where (file, line, column) and what (expected, found), so the
CLI can print ``FILE:LINE: column 'X': expected …, found …`` and the UI can translate
the same facts into plain words in the user's language (``code`` + ``params``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# codes whose ``found`` is a cell copied from the file (safe to show as is, in any language);
# for the other codes ``found`` is an English description meant for the CLI only
VALUE_CODES = frozenset({"number", "date", "negative", "future", "past", "sci_id", "sentiment", "id", "id_mismatch", "invalid"})

# English descriptions the readers put in ``found`` -> a stable reason the UI translates
_REASONS = {
    "a PDF document": "pdf",
    "binary data": "binary",
    "a zip archive": "zip",
    "a damaged zip": "damaged",
    "a damaged file": "damaged",
    "XML with entity declarations": "xml",
    "a legacy binary .xls": "xls",
}


@dataclass
class ImportFailure(Exception):
    file: str
    message: str
    line: int | None = None
    column: str | None = None
    expected: str | None = None
    found: str | None = None
    code: str = "invalid"
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(str(self))
        self.params = {**_derived_params(self), **self.params}

    @property
    def found_is_value(self) -> bool:
        """True when ``found`` is the offending cell of the file (not an English phrase)."""
        return self.code in VALUE_CODES and self.found is not None

    @property
    def reason(self) -> str | None:
        """A finer, language-neutral reason within ``code`` (e.g. binary -> pdf / zip /
        damaged), for the UI's texts (``import.err.<code>.<reason>``); None when there is none."""
        return self.params.get("reason")

    def __str__(self) -> str:  # the CLI's one-line form
        loc = f"{self.file}:{self.line if self.line is not None else 0}"
        parts = [loc + ":"]
        if self.column is not None:
            parts.append(f"column {self.column!r}:")
        if self.expected is not None:
            parts.append(f"expected {self.expected}, found {_short(self.found)}")
            if self.message and self.message not in ("", "invalid value"):
                parts.append(f"({self.message})")
        else:
            parts.append(self.message)
        return " ".join(parts)


def _derived_params(exc: ImportFailure) -> dict[str, Any]:
    """Language-neutral parameters the UI needs to say the same thing in its own words,
    taken from the CLI fields: the reason within a code, a limit date, field counts."""
    out: dict[str, Any] = {}
    found, expected = str(exc.found or ""), str(exc.expected or "")
    if found in _REASONS:
        out["reason"] = _REASONS[found]
    if exc.code == "missing":
        out["reason"] = "file" if exc.message == "no such file" else "value"
    if exc.code == "future" and (m := re.search(r"\d{4}-\d{2}-\d{2}", expected)):
        out["limit"] = m.group(0)
    if exc.code in ("truncated", "width"):
        nums = [int(x) for x in re.findall(r"\d+", expected)[:1] + re.findall(r"\d+", found)[:1]]
        if len(nums) == 2:
            out["expected_fields"], out["found_fields"] = nums
    if exc.code == "sentiment" and (m := re.search(r"between -?([\d.]+) and ([\d.]+)", expected)):
        out["scale"] = m.group(2)
    return out


def _short(v: Any, n: int = 60) -> str:
    s = repr(v) if not isinstance(v, str) else repr(v)
    return s if len(s) <= n else s[: n - 1] + "…'"


class ConfigError(Exception):
    """A connector's configuration is wrong (bad credentials, missing setting): not retryable."""


class TransientError(Exception):
    """A source is unavailable for now (timeouts, 5xx, rate limits after retries): retry later."""
