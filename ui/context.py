"""The resolved view every page works in: store root, workspace, period, language, mode.

``app.py`` calls :func:`resolve` once per run, before the page; pages call :func:`get`.
The view is reproducible from the URL: ``?workspace=…&lang=fr|en&start=YYYY-MM-DD&end=YYYY-MM-DD&present=1``.
Precedence: a query parameter the user changed > the session's choice > defaults
(workspace ``demo`` or the first one; language from the browser's locale; the last
complete ISO week). After resolving, :func:`sync_url` writes the view back to the URL.

Access (:mod:`ui.access`, decided by ``app.py`` before this runs) bounds the view: only the
workspaces the user may open are known here (``?workspace=`` naming another one is ignored like
an unknown one), and on a workspace where the user is a viewer presentation mode is forced
(``?present=0`` and :func:`set_present` cannot leave it).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from connectors import loader, store
from ui import access, i18n, period

K_WORKSPACE = "bsl.workspace"
K_PERIOD = "bsl.period"
K_START = "bsl.start"
K_END = "bsl.end"
K_LANG = "bsl.lang"
K_PRESENT = "bsl.present"
K_QP = "bsl.qp_written"
K_CTX = "bsl.ctx"
DEFAULT_WORKSPACE = "demo"
TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Context:
    root: Path
    workspace: str | None
    start: dt.date
    end: dt.date
    prev_start: dt.date
    prev_end: dt.date
    period: str  # week | month | quarter | custom
    lang: str  # en | fr
    present: bool
    today: dt.date
    theme: str = "light"  # light | dark (as the browser reported it)
    currency: str = loader.DEFAULT_CURRENCY
    timezone: str = loader.DEFAULT_TIMEZONE
    display_name: str = ""
    settings: dict = field(default_factory=dict, compare=False, hash=False)
    cfg: loader.WorkspaceSettings | None = field(default=None, compare=False, hash=False)
    role: str = "owner"  # viewer | editor | owner: the user's role on this workspace (ui/access.py)
    admin: bool = True  # owner of every workspace (Workspaces page)
    access_on: bool = False  # False: no access control (local use)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _today(tz: str | None = None) -> dt.date:
    if tz:
        try:
            return dt.datetime.now(zoneinfo.ZoneInfo(tz)).date()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return dt.date.today()


def _browser_lang() -> str | None:
    try:
        return i18n.normalise_lang(st.context.locale)
    except Exception:
        return None


def _browser_theme() -> str:
    try:
        kind = st.context.theme.type
    except Exception:
        kind = None
    return kind if kind in ("light", "dark") else "light"


def workspaces(root: Path | None = None) -> list[str]:
    """The workspaces of the store this session's user may open."""
    return access.current().visible(store.list_workspaces(root or store.resolve_root()))


def _apply_query_params(ss, names: list[str]) -> None:
    qp = st.query_params.to_dict()
    if qp == ss.get(K_QP):
        return  # nothing changed by the user since we wrote it
    lang = i18n.normalise_lang(qp.get("lang"))
    if lang:
        ss[K_LANG] = lang
    ws = qp.get("workspace")
    if ws and ws in names:
        ss[K_WORKSPACE] = ws
    start, end = period.parse_date(qp.get("start")), period.parse_date(qp.get("end"))
    if start and end:
        if start > end:
            start, end = end, start
        ss[K_PERIOD] = None  # classified in resolve() against the workspace's own day and week start
        ss[K_START], ss[K_END] = start, end
    if "present" in qp:
        ss[K_PRESENT] = str(qp.get("present", "")).lower() in TRUE


def resolve(today: dt.date | None = None) -> Context:
    """Resolve the view from URL + session + defaults, store it in the session and return it."""
    ss = st.session_state
    root = store.resolve_root()
    names = workspaces(root)
    _apply_query_params(ss, names)

    if ss.get(K_WORKSPACE) not in names:
        ss[K_WORKSPACE] = DEFAULT_WORKSPACE if DEFAULT_WORKSPACE in names else (names[0] if names else None)
    if ss.get(K_LANG) not in i18n.LANGS:
        ss[K_LANG] = _browser_lang() or i18n.DEFAULT_LANG
    ws = ss[K_WORKSPACE]
    doc: dict = {}
    if ws:
        try:
            doc = store.load_config(root, ws, "workspace", {}) or {}
        except Exception:
            doc = {}
    cfg = loader.settings_from(doc, ws or "")
    today = today or _today(cfg.timezone)  # the workspace's calendar day, not the server's
    kind = ss.get(K_PERIOD)
    if kind is None and ss.get(K_START) and ss.get(K_END):  # dates from the URL: shown as given
        kind = period.classify(ss[K_START], ss[K_END], today, cfg.week_start)
    kind = kind if kind in period.PERIODS else "week"
    ss[K_PERIOD] = kind
    start, end = period.resolve(kind, today, ss.get(K_START), ss.get(K_END), cfg.week_start)
    ss[K_START], ss[K_END] = start, end
    acc = access.current()
    ws = ss[K_WORKSPACE]
    role = acc.role(ws) or "viewer"
    present = bool(ss.get(K_PRESENT, False)) or role == "viewer"
    ss[K_PRESENT] = present
    prev_start, prev_end = period.previous(start, end)
    i18n.set_lang(ss[K_LANG])

    ctx = Context(
        root=root,
        workspace=ws,
        start=start,
        end=end,
        prev_start=prev_start,
        prev_end=prev_end,
        period=kind,
        lang=ss[K_LANG],
        present=present,
        today=today,
        theme=_browser_theme(),
        currency=cfg.currency,
        timezone=cfg.timezone,
        display_name=cfg.display_name,
        settings=doc,
        cfg=cfg,
        role=role,
        admin=acc.admin,
        access_on=acc.enabled,
    )
    ss[K_CTX] = ctx
    return ctx


def _leave_pages_folder_mode() -> None:
    """Streamlit's legacy multipage mode: while no script run on this server has called
    ``st.navigation`` yet, a URL such as ``/listening`` runs ``pages/listening.py`` by itself,
    without app.py (no sidebar filters, file-name navigation), and the whole server stays in
    that mode until someone opens the root URL. A shared link opened first after a restart
    would land there. Leave that mode and rerun the same URL through app.py. (The flag is
    Streamlit's own; without it, e.g. in another Streamlit version, nothing happens.)"""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - other Streamlit layout
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def get() -> Context:
    """The current view (resolving it if the page runs without app.py, e.g. in a test)."""
    _leave_pages_folder_mode()
    ctx = st.session_state.get(K_CTX)
    return ctx if isinstance(ctx, Context) else resolve()


def query_params_for(ctx: Context) -> dict[str, str]:
    qp = {"lang": ctx.lang, "start": ctx.start.isoformat(), "end": ctx.end.isoformat()}
    if ctx.workspace:
        qp = {"workspace": ctx.workspace, **qp}
    if ctx.present:
        qp["present"] = "1"
    return qp


def sync_url(ctx: Context) -> None:
    """Write the view into the URL (only when it differs, so no needless reruns)."""
    wanted = query_params_for(ctx)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[K_QP] = wanted


# ---------------------------------------------------------------- changes requested by pages


def set_workspace(name: str | None) -> None:
    st.session_state[K_WORKSPACE] = name


def set_present(on: bool) -> None:
    st.session_state[K_PRESENT] = bool(on)


def set_lang(lang: str) -> None:
    st.session_state[K_LANG] = i18n.normalise_lang(lang) or i18n.DEFAULT_LANG


def set_period(kind: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
    st.session_state[K_PERIOD] = kind if kind in period.PERIODS else "week"
    if start and end:
        st.session_state[K_START], st.session_state[K_END] = start, end


def require_workspace(ctx: Context | None = None) -> str:
    """The current workspace, or a short note and ``st.stop()`` when there is none."""
    ctx = ctx or get()
    if not ctx.workspace:
        st.info(i18n.t("common.no_workspace"))
        st.stop()
    return ctx.workspace


def admin_page(ctx: Context | None = None) -> Context:
    """Guard for pages that manage data or list workspaces: nothing in presentation mode nor
    for a viewer (``app.py`` does not even list these pages then; this is the second lock)."""
    ctx = ctx or get()
    if ctx.present or access.RANK.get(ctx.role, 0) < access.RANK["editor"]:
        st.info(i18n.t("shell.present.admin_hidden"))
        st.stop()
    return ctx
