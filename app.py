"""Boussole — entry point: ``streamlit run app.py``.

Global controls live here (workspace, period, language, presentation mode); each page is
one file in ``pages/`` registered in :data:`PAGES` (one line per page). A page whose file
does not exist yet is skipped, so the list may name pages still being written.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import NamedTuple

import streamlit as st

HERE = Path(__file__).resolve().parent


class PageSpec(NamedTuple):
    file: str  # path relative to the project
    title: str  # translation key
    icon: str  # material icon
    section: str  # translation key of the navigation section
    admin: bool = False  # hidden in presentation mode (manages data or lists workspaces)
    role: str = "viewer"  # least role on the workspace to see it (ui/access.py); "admin" = owner of every workspace


# fmt: off
PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py",    "nav.overview",    ":material/explore:",        "nav.section.results"),
    PageSpec("pages/objectives.py",  "nav.objectives",  ":material/flag:",           "nav.section.results"),
    PageSpec("pages/trends.py",      "nav.trends",      ":material/show_chart:",     "nav.section.results"),
    PageSpec("pages/goals.py",       "nav.goals",       ":material/track_changes:",  "nav.section.results"),
    PageSpec("pages/campaigns.py",   "nav.campaigns",   ":material/campaign:",       "nav.section.results"),
    PageSpec("pages/report.py",      "nav.report",      ":material/description:",    "nav.section.results"),
    PageSpec("pages/listening.py",   "nav.listening",   ":material/hearing:",        "nav.section.improve"),
    PageSpec("pages/maturity.py",    "nav.maturity",    ":material/stairs:",         "nav.section.improve"),
    PageSpec("pages/loop.py",        "nav.loop",        ":material/autorenew:",      "nav.section.improve"),
    PageSpec("pages/import_data.py", "nav.import",      ":material/upload_file:",    "nav.section.manage", admin=True, role="editor"),
    PageSpec("pages/data.py",        "nav.data",        ":material/database:",       "nav.section.manage", admin=True, role="editor"),
    PageSpec("pages/utm_builder.py", "nav.utm",         ":material/link:",           "nav.section.manage", admin=True, role="editor"),
    PageSpec("pages/workspaces.py",  "nav.workspaces",  ":material/folder_shared:",  "nav.section.manage", admin=True, role="admin"),
    PageSpec("pages/settings.py",    "nav.settings",    ":material/settings:",       "nav.section.manage", admin=True, role="owner"),
]
# fmt: on


def available_pages(present: bool = False, role: str = "owner", admin: bool = True) -> list[PageSpec]:
    """Registered pages whose file exists; in presentation mode only the non-admin ones; only
    those the user's ``role`` on the workspace allows (``admin``: owner of every workspace)."""
    from ui.access import RANK

    def allowed(p: PageSpec) -> bool:
        return admin if p.role == "admin" else RANK.get(role, 0) >= RANK[p.role]

    return [p for p in PAGES if (HERE / p.file).is_file() and not (present and p.admin) and allowed(p)]


def main() -> None:
    from ui import access, context, safe, style
    from ui.i18n import t

    if "present" in st.query_params:
        present_hint = str(st.query_params.get("present")).lower() in context.TRUE
    else:
        present_hint = bool(st.session_state.get(context.K_PRESENT, False))
    st.set_page_config(
        page_title="Boussole",
        page_icon=":material/explore:",
        layout="wide",
        initial_sidebar_state="collapsed" if present_hint else "auto",
    )
    root = context.store.resolve_root()
    access.gate(root)  # sign-in form and st.stop() until this session may see something
    # grids never export imported text to a spreadsheet unneutralised, even when the server was
    # started without .streamlit/config.toml (ui/safe.py)
    st.set_option(safe.GRID_EXPORT_OPTION, True)
    # caches are keyed on store versions (file times): a new demo is seen without clearing anything
    if not context.store.list_workspaces(root):  # first start: say what happens while the demo is built
        with st.spinner(t("shell.first_run")):
            ensure_demo(str(root), dt.date.today())
    else:
        ensure_demo(str(root), dt.date.today())

    ctx = context.resolve()
    if not ctx.present:
        sidebar_controls(ctx)  # widgets write through callbacks, applied by resolve() on the next run
    context.sync_url(ctx)
    style.inject(ctx)

    specs = available_pages(ctx.present, ctx.role, ctx.admin)
    sections: dict[str, list] = {}
    for i, spec in enumerate(specs):
        page = st.Page(
            str(HERE / spec.file), title=t(spec.title), icon=spec.icon, url_path=Path(spec.file).stem, default=(i == 0)
        )
        sections.setdefault(t(spec.section), []).append(page)
    # expanded: Streamlit would otherwise fold long menus behind an English-only "View N more"
    nav = st.navigation(sections, position="top" if ctx.present else "sidebar", expanded=True)
    if ctx.present:
        present_period(ctx)  # the client can change the period; nothing else of the sidebar is shown
    try:
        nav.run()
    except Exception:  # ScriptControlException (st.stop/st.rerun) is a BaseException and passes through
        if not ctx.present:
            raise
        logging.getLogger("boussole").exception("page failed in presentation mode")
        st.error(t("error.generic"))
    if ctx.present:
        st.divider()
        from report.ui import download_button

        download_button(ctx)  # "download this report" (HTML of this period)
        if ctx.role != "viewer" and st.button(
            t("shell.present.exit"), key="bsl.exit_present", type="tertiary", icon=":material/close_fullscreen:"
        ):
            context.set_present(False)
            st.rerun()
        access.sign_out_button()


@st.cache_resource(show_spinner=False)
def ensure_demo(root: str, _today: dt.date) -> bool:
    """Generate the demo workspace when the store is empty — once per process and store."""
    try:
        from sample_data.generate import ensure_demo as _ensure
    except ImportError:
        return False
    try:
        return bool(_ensure(Path(root), _today))
    except Exception:
        logging.getLogger("boussole").exception("could not generate the demo workspace")
        return False


def present_period(ctx) -> None:
    """Presentation mode: the period presets above the page (the sidebar is hidden)."""
    from ui import context, fmt, period
    from ui.i18n import t

    ss = st.session_state
    kinds = [k for k in period.PERIODS if k != "custom"] + (["custom"] if ctx.period == "custom" else [])
    ss["w.period.present"] = ctx.period
    c1, c2 = st.columns([2, 3], vertical_alignment="center")  # room for "Dernière semaine complète" at 1024 px
    c1.selectbox(
        t("shell.period"), kinds, key="w.period.present", label_visibility="collapsed",
        format_func=lambda k: t(f"shell.period.{k}"), on_change=lambda: context.set_period(ss["w.period.present"]),
    )
    c2.caption(t("shell.period.summary", current=fmt.date_range(ctx.start, ctx.end, ctx.lang),
                 previous=fmt.date_range(ctx.prev_start, ctx.prev_end, ctx.lang)))


def sidebar_controls(ctx) -> None:
    """Workspace, period, language, presentation mode. Each widget writes the session's view
    through a callback; ``context.resolve`` turns it into the Context and the URL."""
    from ui import context, fmt, period
    from ui.i18n import LANGS, t

    ss = st.session_state
    sb = st.sidebar
    names = context.workspaces(ctx.root)
    if names:
        ss["w.workspace"] = ctx.workspace
        sb.selectbox(
            t("shell.workspace"),
            names,
            key="w.workspace",
            on_change=lambda: context.set_workspace(ss["w.workspace"]),
        )
    ss["w.period"] = ctx.period
    sb.selectbox(
        t("shell.period"),
        list(period.PERIODS),
        key="w.period",
        format_func=lambda k: t(f"shell.period.{k}"),
        on_change=lambda: context.set_period(ss["w.period"]),
    )
    if ctx.period == "custom":
        ss["w.range"] = (ctx.start, ctx.end)

        def _range_changed() -> None:
            value = ss.get("w.range") or ()
            if len(value) == 2:
                context.set_period("custom", value[0], value[1])

        sb.date_input(t("shell.range"), key="w.range", on_change=_range_changed, max_value=max(ctx.today, ctx.end), format="YYYY-MM-DD")
    sb.caption(
        t(
            "shell.period.summary",
            current=fmt.date_range(ctx.start, ctx.end, ctx.lang),
            previous=fmt.date_range(ctx.prev_start, ctx.prev_end, ctx.lang),
        )
    )
    ss["w.lang"] = ctx.lang
    sb.selectbox(
        t("shell.language"),
        list(LANGS),
        key="w.lang",
        format_func=lambda code: t(f"shell.lang.{code}"),
        on_change=lambda: context.set_lang(ss["w.lang"]),
    )
    from ui import theme  # light / dark / system, remembered per browser

    theme.sidebar_switch(sb, [Path(p.file).stem for p in PAGES], t("theme.label"), {c: t(f"theme.{c}") for c in theme.CHOICES})
    ss["w.present"] = ctx.present
    sb.toggle(
        t("shell.present"), key="w.present", help=t("shell.present.help"), on_change=lambda: context.set_present(ss["w.present"])
    )
    from ui import access, safe

    if ctx.access_on:
        acc = access.current()
        sb.caption(t("access.signed_in", user=safe.md(acc.user), role=t(f"access.role.{ctx.role}")))
        access.sign_out_button(where=sb)
    else:
        sb.caption(t("access.off_note"))


if __name__ == "__main__":
    main()
