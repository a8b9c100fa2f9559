"""What every API source shares: typed configuration from settings + environment, the
pull context (HTTP client, clock, look-back window) and small parsing helpers.

A source module exposes::

    NAME: str                       # "mastodon"
    LABEL: str                      # "Mastodon"
    STREAMS: dict[str, str]         # stream -> canonical table
    Config                          # a dataclass; fields described with setting()/secret()
    def check(config, ctx=None) -> str                  # plain-words success, or ConfigError/TransientError
    def read(config, state, ctx=None) -> Iterator[Page] # pages of canonical rows; never touches the store

Non-secret settings come from the workspace's ``sources`` config document (edited in
the UI), falling back to environment variables; secrets come from the environment only
(``.env`` is loaded with python-dotenv). A source's ``env_suffix`` setting makes it
read ``<VAR>_<SUFFIX>`` instead of ``<VAR>`` for its secrets, so one ``.env`` can hold
the credentials of several workspaces (clients) without mixing them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from connectors.errors import ConfigError
from connectors.http import HttpClient, register_secret

DEFAULT_LOOKBACK_DAYS = 7
DEFAULT_INITIAL_DAYS = 90

_DOTENV_LOADED = False


def load_dotenv_once() -> None:
    """Load ``<project>/.env`` (and a ``.env`` found from the working directory) once.

    Variables already set in the environment win over the file."""
    global _DOTENV_LOADED
    if _DOTENV_LOADED:
        return
    _DOTENV_LOADED = True
    try:
        from dotenv import find_dotenv, load_dotenv
    except ImportError:  # pragma: no cover - python-dotenv is a runtime requirement
        return
    project_env = Path(__file__).resolve().parent.parent.parent / ".env"
    if project_env.is_file():
        load_dotenv(project_env, override=False)
    found = find_dotenv(usecwd=True)
    if found:
        load_dotenv(found, override=False)


# --------------------------------------------------------------------------- config fields


def setting(env: str | None, default: Any = None, help: str = "", required: bool = False, kind: str = "str") -> Any:
    """A non-secret setting: from the ``sources`` document, else the env var ``env``."""
    meta = {"env": env, "secret": False, "help": help, "required": required, "kind": kind}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


def secret(env: str, help: str = "", required: bool = True) -> Any:
    """A secret: only from the environment; never in repr, logs or the UI."""
    return field(default=None, repr=False, metadata={"env": env, "secret": True, "help": help, "required": required, "kind": "str"})


@dataclass
class Common:
    """Settings every source has."""

    enabled: bool = setting(None, True, "pull this source with --all", kind="bool")
    lookback_days: int = setting(None, DEFAULT_LOOKBACK_DAYS, "days re-read on every pull (platforms revise recent numbers)", kind="int")
    initial_days: int = setting(None, DEFAULT_INITIAL_DAYS, "how far back the first pull goes", kind="int")
    env_suffix: str | None = setting(None, None, "read secrets from VAR_<SUFFIX> instead of VAR (one .env, several workspaces)")


def _coerce(value: Any, kind: str, name: str) -> Any:
    if value is None:
        return None
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {name!r} must be a whole number, got {value!r}") from None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("1", "true", "yes", "on", "oui")
    if kind == "list":
        if isinstance(value, (list, tuple)):
            return [str(v).strip() for v in value if str(v).strip()]
        return [v.strip() for v in re.split(r"[,\n]", str(value)) if v.strip()]
    s = str(value).strip()
    return s or None


def config_fields(cls: type) -> list[dataclasses.Field]:
    return list(dataclasses.fields(cls))


def secret_env_names(cls: type, suffix: str | None = None) -> list[str]:
    return [_env_name(f.metadata["env"], suffix) for f in config_fields(cls) if f.metadata.get("secret")]


def _env_name(base: str, suffix: str | None) -> str:
    if not suffix:
        return base
    return f"{base}_{re.sub(r'[^A-Za-z0-9]+', '_', suffix).upper()}"


def build_config(cls: type, settings: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Any:
    """Instantiate a source ``Config`` from its settings and the environment.

    Raises :class:`ConfigError` naming the missing variable or setting."""
    if env is None:
        load_dotenv_once()
        env = os.environ
    settings = dict(settings or {})
    suffix = _coerce(settings.get("env_suffix"), "str", "env_suffix")
    values: dict[str, Any] = {}
    missing: list[str] = []
    for f in config_fields(cls):
        meta = f.metadata
        kind = meta.get("kind", "str")
        if meta.get("secret"):
            var = _env_name(meta["env"], suffix)
            val = _coerce(env.get(var), "str", var)
            if val is None and meta.get("required"):
                missing.append(f"environment variable {var} (put it in .env)")
            register_secret(val)
            values[f.name] = val
            continue
        raw = settings.get(f.name)
        if (raw is None or raw == "" or raw == []) and meta.get("env"):
            raw = env.get(meta["env"])
        val = _coerce(raw, kind, f.name)
        if val is None or val == []:
            if meta.get("required"):
                hint = f" or environment variable {meta['env']}" if meta.get("env") else ""
                missing.append(f"setting '{f.name}'{hint}")
                continue
            continue  # keep the dataclass default
        values[f.name] = val
    if missing:
        raise ConfigError(f"{getattr(cls, 'LABEL', cls.__name__)}: missing " + "; ".join(missing))
    return cls(**values)


# --------------------------------------------------------------------------- pull context


@dataclass
class PullContext:
    client: HttpClient | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    today: dt.date | None = None  # the workspace's calendar day; defaults to now's UTC date

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            self.now = self.now.replace(tzinfo=dt.timezone.utc)
        if self.today is None:
            self.today = self.now.astimezone(dt.timezone.utc).date()

    def http(self, service: str, **kw: Any) -> HttpClient:
        """The shared client, relabelled for ``service`` (messages name the source)."""
        if self.client is None:
            self.client = HttpClient(service=service, **kw)
        else:
            self.client.service = service
            if "classify" in kw:
                self.client.classify = kw["classify"]
        return self.client


@dataclass
class Page:
    """One page of records of one stream. ``cursor`` (optional) is the stream's new
    incremental state *if everything up to this page gets written*."""

    stream: str
    table: str
    rows: list[dict[str, Any]]
    cursor: dict[str, Any] | None = None


# --------------------------------------------------------------------------- windows and cursors


def since_instant(state: Mapping[str, Any] | None, stream: str, ctx: PullContext, cfg: Any) -> dt.datetime:
    """Oldest instant to (re-)read for a feed-like stream: cursor - look-back, or now - initial_days."""
    cur = ((state or {}).get(stream) or {}).get("latest")
    if cur:
        return parse_instant(cur) - dt.timedelta(days=int(cfg.lookback_days))
    return ctx.now - dt.timedelta(days=int(cfg.initial_days))


def since_date(state: Mapping[str, Any] | None, stream: str, ctx: PullContext, cfg: Any) -> dt.date:
    """First day to (re-)read for a daily report: last day read - look-back, or today - initial_days."""
    cur = ((state or {}).get(stream) or {}).get("last_date")
    assert ctx.today is not None
    if cur:
        start = dt.date.fromisoformat(cur) - dt.timedelta(days=int(cfg.lookback_days))
    else:
        start = ctx.today - dt.timedelta(days=int(cfg.initial_days))
    return min(start, ctx.today)


def latest_cursor(previous: Mapping[str, Any] | None, stream: str, instants: list[dt.datetime]) -> dict[str, Any]:
    prev = ((previous or {}).get(stream) or {}).get("latest")
    best = max(instants) if instants else None
    if prev and (best is None or parse_instant(prev) > best):
        return {"latest": prev}
    return {"latest": best.isoformat()} if best else ({"latest": prev} if prev else {})


def parse_instant(value: Any) -> dt.datetime:
    """ISO-8601 (``Z`` or offset) -> aware UTC datetime."""
    if isinstance(value, dt.datetime):
        d = value
    else:
        s = str(value).strip()
        if s.endswith("Z"):
            s = s[:-1] + "+00:00"
        d = dt.datetime.fromisoformat(s)
    if d.tzinfo is None:
        d = d.replace(tzinfo=dt.timezone.utc)
    return d.astimezone(dt.timezone.utc)


def to_int(v: Any) -> int | None:
    if v is None or v == "":
        return None
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def to_float(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def sum_known(*vals: Any) -> int | None:
    known = [int(v) for v in vals if v is not None]
    return sum(known) if known else None


# --------------------------------------------------------------------------- HTML -> plain text


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(value: str | None) -> str | None:
    """Strip tags, decode entities, collapse whitespace (paragraphs become one space)."""
    if value is None:
        return None
    p = _TextExtractor()
    p.feed(str(value))
    p.close()
    text = html.unescape("".join(p.parts))
    text = text.replace("\xa0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text or None
