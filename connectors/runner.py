"""Runs API sources: read every stream of a source, validate, deduplicate and write it in
one atomic commit (``connectors.store.write_frames``), and only then advance the
incremental cursors.

* ``pull_state`` (config document): ``{source: {stream: cursor}}`` - written only after a
  successful write, so a failed pull leaves the store *and* the cursors as they were and
  the next pull re-reads the same window;
* ``pull_status`` (config document): the last attempt per source (when, ok or not, the
  error in plain words, per-stream counts) for the Settings page;
* a non-blocking lock per workspace keeps two pulls (cron + "pull now") from overlapping:
  the second one stops at once with a clear message.

CLI (dispatched from ``python -m connectors pull ...``)::

    python -m connectors pull SOURCE --workspace W [--store DIR] [--check]
    python -m connectors pull --all --workspace W [--store DIR]

One JSON line per stream on stdout:
``{"source","stream","table","rows_read","rows_added","rows_updated","rows_skipped"}``;
failures in plain words on stderr. Exit 0 when every source succeeded, 2 when any failed,
75 (EX_TEMPFAIL) when another pull of the workspace was already running.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import logging
import sys
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from connectors import loader, scoring, store
from connectors.api import SOURCES, get_source
from connectors.api.base import Page, PullContext
from connectors.errors import ConfigError, ImportFailure, TransientError
from connectors.http import HttpClient, redact

log = logging.getLogger("boussole.pull")

EXIT_OK, EXIT_FAILED, EXIT_LOCKED = 0, 2, 75
STATE_DOC, STATUS_DOC, SOURCES_DOC = "pull_state", "pull_status", "sources"


class PullLocked(RuntimeError):
    """Another pull of the same workspace is running."""


@dataclass
class StreamResult:
    source: str
    stream: str
    table: str
    rows_read: int = 0
    rows_added: int = 0
    rows_updated: int = 0
    rows_skipped: int = 0

    def line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@dataclass
class SourceResult:
    source: str
    ok: bool
    streams: list[StreamResult] = field(default_factory=list)
    error: str | None = None
    error_kind: str | None = None  # "config" | "transient" | "invalid" | "internal"

    def as_status(self, at: dt.datetime) -> dict[str, Any]:
        return {
            "at": at.isoformat(),
            "ok": self.ok,
            "error": self.error,
            "error_kind": self.error_kind,
            "streams": [asdict(s) for s in self.streams],
        }


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def pull_lock(root: Path, workspace: str) -> Iterator[None]:
    """Non-blocking exclusive lock per workspace: :func:`connectors.store.workspace_lock`
    of kind ``pull`` (a lock file inside the store, so cron and the app agree whatever
    their ``TMPDIR`` or user)."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.workspace_lock(root, workspace, kind="pull", blocking=False))
        except store.Locked:
            raise PullLocked(
                f"another pull of workspace {workspace!r} is already running; this one stops (nothing was changed)"
            ) from None
        yield


# --------------------------------------------------------------------------- helpers


def source_settings(root: Path, workspace: str) -> dict[str, dict[str, Any]]:
    """The workspace's ``sources`` document: ``{source: {setting: value}}`` (no secrets)."""
    doc = store.load_config(root, workspace, SOURCES_DOC, {}) or {}
    if isinstance(doc, list):  # tolerate [{"source": name, ...}]
        doc = {d.get("source"): d for d in doc if isinstance(d, dict) and d.get("source")}
    return {k: dict(v or {}) for k, v in doc.items() if isinstance(v, dict)}


def workspace_today(root: Path, workspace: str, now: dt.datetime) -> dt.date:
    tz = (store.load_config(root, workspace, "workspace", {}) or {}).get("timezone") or "UTC"
    try:
        return now.astimezone(zoneinfo.ZoneInfo(tz)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return now.astimezone(dt.timezone.utc).date()


def _content_hash(frames: list[tuple[str, pd.DataFrame]]) -> str:
    """Hash of the pulled rows without provenance columns: an identical re-pull that
    changes nothing is then not even logged (the store stays byte-identical)."""
    h = hashlib.sha256()
    for table, df in frames:
        cols = sorted(c for c in df.columns if c not in store.META_COLUMNS)
        h.update(table.encode())
        part = df[cols].astype("string")
        try:
            part = part.sort_values(cols)
        except TypeError:  # pragma: no cover - unsortable mix: hash in arrival order
            pass
        h.update(part.to_csv(index=False).encode() if len(df) else b"")
    return h.hexdigest()


def _kind(exc: BaseException) -> str:
    if isinstance(exc, ConfigError):
        return "config"
    if isinstance(exc, TransientError):
        return "transient"
    if isinstance(exc, ImportFailure):
        return "invalid"
    return "internal"


def plain_error(source: str, exc: BaseException) -> str:
    label = getattr(SOURCES.get(source), "LABEL", source)
    if isinstance(exc, ImportFailure):
        msg = f"{label}: the service sent data that does not fit the store ({exc})"
    elif isinstance(exc, (ConfigError, TransientError)):
        msg = str(exc)
    else:
        msg = f"{label}: unexpected error ({type(exc).__name__}: {exc})"
    return redact(msg)


# --------------------------------------------------------------------------- pulling


def check_source(
    root: Path, workspace: str, source: str, *, settings: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None, client: HttpClient | None = None, now: dt.datetime | None = None,
) -> str:
    """Test a source's configuration; returns a plain-words message or raises
    ConfigError / TransientError (messages redacted)."""
    mod = get_source(source)
    if settings is None:
        settings = source_settings(root, workspace).get(source, {})
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        cfg = mod.from_settings(dict(settings), env)
        return redact(mod.check(cfg, PullContext(client=client, now=now, today=workspace_today(root, workspace, now))))
    except (ConfigError, TransientError) as exc:
        raise type(exc)(redact(str(exc))) from None
    except Exception as exc:  # noqa: BLE001
        raise TransientError(plain_error(source, exc)) from None


def pull_source(
    root: Path, workspace: str, source: str, *, settings: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None, client: HttpClient | None = None, now: dt.datetime | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> SourceResult:
    """Pull one source into the store (no lock: see :func:`pull`). Never raises for a
    source failure: the result says what went wrong, and nothing was written."""
    root = Path(root)
    now = now or dt.datetime.now(dt.timezone.utc)
    mod = get_source(source)
    if settings is None:
        settings = source_settings(root, workspace).get(source, {})
    result = SourceResult(source, ok=False)
    try:
        cfg = mod.from_settings(dict(settings), env)
        all_state = store.load_config(root, workspace, STATE_DOC, {}) or {}
        state = all_state.get(source, {}) or {}
        ctx = PullContext(client=client, now=now, today=workspace_today(root, workspace, now))
        rows: dict[str, list[dict[str, Any]]] = {s: [] for s in mod.STREAMS}
        cursors: dict[str, dict[str, Any]] = {}
        n = 0
        for page in mod.read(cfg, state, ctx):
            assert isinstance(page, Page)
            rows.setdefault(page.stream, []).extend(page.rows)
            if page.cursor is not None:
                cursors[page.stream] = page.cursor
            n += len(page.rows)
            if progress:
                progress(page.stream, n)
        frames = [(mod.STREAMS.get(s, s), pd.DataFrame(r)) for s, r in rows.items() if r]
        frames = scoring.score_frames(root, workspace, frames)  # offline sentiment for mentions without one (never raises)
        written: dict[str, store.WriteResult] = {}
        if frames:
            written = store.write_frames(
                root, workspace, frames, fmt=f"api_{source}", file_name=f"api:{source}",
                sha256=_content_hash(frames), now=now,
            )
        for stream, table in mod.STREAMS.items():
            w = written.get(table)
            result.streams.append(StreamResult(source, stream, table, *(
                (w.rows_read, w.rows_added, w.rows_updated, w.rows_skipped) if w else (0, 0, 0, 0))))
        # the write succeeded: now (and only now) advance the cursors
        all_state = store.load_config(root, workspace, STATE_DOC, {}) or {}
        new_state = {**(all_state.get(source) or {}), **cursors}
        if new_state != all_state.get(source):
            all_state[source] = new_state
            store.save_config(root, workspace, STATE_DOC, all_state)
        result.ok = True
    except Exception as exc:  # noqa: BLE001 - one source failing must not stop the others
        result.error, result.error_kind = plain_error(source, exc), _kind(exc)
        log.warning("%s", result.error)
        if result.error_kind == "internal":
            log.debug("pull %s failed", source, exc_info=False)
    _save_status(root, workspace, source, result, now)
    return result


def _save_status(root: Path, workspace: str, source: str, result: SourceResult, now: dt.datetime) -> None:
    try:
        doc = store.load_config(root, workspace, STATUS_DOC, {}) or {}
        entry = result.as_status(now)
        prev = doc.get(source) or {}
        entry["last_success_at"] = now.isoformat() if result.ok else prev.get("last_success_at")
        doc[source] = entry
        store.save_config(root, workspace, STATUS_DOC, doc)
    except (OSError, ValueError) as exc:  # status is informative; never fail a pull on it
        log.warning("could not save the pull status: %s", redact(exc))


def enabled_sources(root: Path, workspace: str) -> list[str]:
    conf = source_settings(root, workspace)
    return [s for s in SOURCES if s in conf and conf[s].get("enabled", True) not in (False, "false", 0)]


def pull(
    root: Path, workspace: str, sources: list[str], *, env: Mapping[str, str] | None = None,
    client_factory: Callable[[str], HttpClient] | None = None, now: dt.datetime | None = None,
    progress: Callable[[str, str, int], None] | None = None,
) -> list[SourceResult]:
    """Pull several sources under the workspace's pull lock (raises PullLocked)."""
    root = Path(root)
    store.check_workspace_name(workspace)
    results = []
    with pull_lock(root, workspace):
        conf = source_settings(root, workspace)
        for src in sources:
            client = client_factory(src) if client_factory else None
            cb = (lambda stream, n, _s=src: progress(_s, stream, n)) if progress else None
            results.append(pull_source(root, workspace, src, settings=conf.get(src, {}), env=env, client=client,
                                       now=now, progress=cb))
    # the pages' derived files of what changed, once for the whole pull
    loader.refresh_derived(root, workspace, {s.table for r in results for s in r.streams if s.rows_added or s.rows_updated})
    return results


# --------------------------------------------------------------------------- CLI


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m connectors pull", description="Pull data from the configured APIs into the store.")
    p.add_argument("source", nargs="?", help=f"one of: {', '.join(SOURCES)}")
    p.add_argument("--all", action="store_true", help="every source enabled in the workspace's settings")
    p.add_argument("--workspace", "-w", required=True)
    p.add_argument("--store", help="store directory (default: $BOUSSOLE_STORE or ./data)")
    p.add_argument("--check", action="store_true", help="only test the configuration, write nothing")
    p.add_argument("-v", "--verbose", action="store_true", help="log requests (secrets are masked)")
    return p


def main(
    argv: list[str] | None = None, *, env: Mapping[str, str] | None = None,
    client_factory: Callable[[str], HttpClient] | None = None, now: dt.datetime | None = None,
) -> int:
    """``python -m connectors pull ...``; the keyword arguments exist for tests."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "pull":
        argv = argv[1:]
    args = _parser().parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    if bool(args.source) == bool(args.all):
        print("pull: give one SOURCE or --all", file=sys.stderr)
        return EXIT_FAILED
    try:
        store.check_workspace_name(args.workspace)
    except ValueError as exc:
        print(f"pull: {exc}", file=sys.stderr)
        return EXIT_FAILED
    root = store.resolve_root(args.store)
    if args.source and args.source not in SOURCES:
        print(f"pull: unknown source {args.source!r}: choose one of {', '.join(SOURCES)}", file=sys.stderr)
        return EXIT_FAILED
    sources = [args.source] if args.source else enabled_sources(root, args.workspace)
    if not sources:
        print(f"pull: no source is configured for workspace {args.workspace!r} "
              f"(add them in Settings, or run: python -m connectors pull SOURCE --workspace {args.workspace})",
              file=sys.stderr)
        return EXIT_OK

    if args.check:
        failed = False
        for src in sources:
            try:
                client = client_factory(src) if client_factory else None
                print(check_source(root, args.workspace, src, env=env, client=client, now=now))
            except (ConfigError, TransientError) as exc:
                failed = True
                print(f"{src}: FAILED ({_kind(exc)}): {redact(exc)}", file=sys.stderr)
        return EXIT_FAILED if failed else EXIT_OK

    try:
        results = pull(root, args.workspace, sources, env=env, client_factory=client_factory, now=now)
    except PullLocked as exc:
        print(f"pull: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    failed = False
    for res in results:
        if res.ok:
            for s in res.streams:
                print(s.line(), flush=True)
        else:
            failed = True
            hint = {"config": "fix the settings or the .env variables, then run again",
                    "transient": "the next scheduled pull will try again"}.get(res.error_kind or "", "")
            print(f"pull {res.source} failed ({res.error_kind}): {res.error}" + (f" - {hint}" if hint else ""), file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["main", "pull", "pull_source", "check_source", "PullLocked", "StreamResult", "SourceResult"]
