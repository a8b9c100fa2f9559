"""Workspaces page: list, open, create, rename, delete (typing the name to confirm)."""

from __future__ import annotations

import streamlit as st

from connectors import store
from connectors.schema import DATA_TABLES
from ui import context, data, fmt, safe
from ui.i18n import t

ctx = context.admin_page()
ss = st.session_state
lang = ctx.lang

st.title(t("workspaces.title"))
st.markdown(t("workspaces.intro"))
if ss.get("ws.flash"):
    st.success(ss.pop("ws.flash"))

names = context.workspaces(ctx.root)  # only those this user may open
if not names:
    st.info(t("workspaces.none"))
for name in names:
    rows = sum(store.table_stats(ctx.root, name, tb)["rows"] for tb in DATA_TABLES)
    with st.container(border=True):
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        label = f"**{safe.md(name)}**" + (f" · _{t('workspaces.current')}_" if name == ctx.workspace else "")
        c1.markdown(f"{label}  \n{t('workspaces.rows', rows=fmt.integer(rows, lang))}")
        if name != ctx.workspace and c2.button(t("workspaces.open"), key=f"ws.open.{name}", icon=":material/login:"):
            context.set_workspace(name)
            st.rerun()


def _valid(name: str) -> bool:
    try:
        store.check_workspace_name(name)
        return True
    except ValueError:
        return False


st.subheader(t("workspaces.create"))
with st.form("ws.create", clear_on_submit=True):
    new = st.text_input(t("workspaces.name"), help=t("workspaces.name.help"), key="ws.create.name").strip()
    if st.form_submit_button(t("workspaces.create.button"), type="primary", icon=":material/add:"):
        if not _valid(new):
            st.error(t("workspaces.invalid"))
        elif new in names:
            st.error(t("workspaces.exists", name=new))
        else:
            store.create_workspace(ctx.root, new)
            context.set_workspace(new)
            data.invalidate()
            ss["ws.flash"] = t("workspaces.created", name=new)
            st.rerun()

if names:
    c_ren, c_del = st.columns(2, gap="large")
    with c_ren:
        st.subheader(t("workspaces.rename"))
        with st.form("ws.rename"):
            old = st.selectbox(
                t("workspaces.select"),
                names,
                index=names.index(ctx.workspace) if ctx.workspace in names else 0,
                key="ws.rename.old",
            )
            new_name = st.text_input(t("workspaces.rename.new"), help=t("workspaces.name.help"), key="ws.rename.new").strip()
            if st.form_submit_button(t("workspaces.rename.button"), icon=":material/edit:"):
                if not _valid(new_name):
                    st.error(t("workspaces.invalid"))
                elif new_name in names:
                    st.error(t("workspaces.exists", name=new_name))
                else:
                    store.rename_workspace(ctx.root, old, new_name)
                    if old == ctx.workspace:
                        context.set_workspace(new_name)
                    data.invalidate()
                    ss["ws.flash"] = t("workspaces.renamed", old=old, new=new_name)
                    st.rerun()
    with c_del:
        st.subheader(t("workspaces.delete"))
        victim = st.selectbox(
            t("workspaces.select"), names, index=names.index(ctx.workspace) if ctx.workspace in names else 0, key="ws.delete.name"
        )
        st.warning(t("workspaces.delete.warning", name=victim), icon=":material/warning:")
        typed = st.text_input(t("workspaces.delete.confirm"), key=f"ws.delete.confirm.{victim}")
        if st.button(
            t("workspaces.delete.button"),
            disabled=typed.strip() != victim,
            type="primary",
            icon=":material/delete_forever:",
            key="ws.delete.go",
        ):
            store.delete_workspace(ctx.root, victim)
            if victim == ctx.workspace:
                context.set_workspace(None)
            data.invalidate()
            ss["ws.flash"] = t("workspaces.deleted", name=victim)
            st.rerun()
