"""Errors raised by imports and pulls.

``ImportFailure`` carries where (file, line, column) and what (expected, found), so the
CLI can print ``FILE:LINE: column 'X': expected …, found …`` and the UI can translate
the same facts into plain words in the user's language (``code`` + ``params``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


def _short(v: Any, n: int = 60) -> str:
    s = repr(v) if not isinstance(v, str) else repr(v)
    return s if len(s) <= n else s[: n - 1] + "…'"


class ConfigError(Exception):
    """A connector's configuration is wrong (bad credentials, missing setting): not retryable."""


class TransientError(Exception):
    """A source is unavailable for now (timeouts, 5xx, rate limits after retries): retry later."""
