"""Settings: the client's settings (ui/client_settings.py), then the API sources: configure the API sources of the workspace, test them, pull now, see the last pull.

Non-secret settings are saved in the workspace's ``sources`` document; secrets stay in
``.env`` and are only reported as present or missing (never displayed, never accepted here).
"""

from __future__ import annotations

import dataclasses
import os
import shlex
import sys

import pandas as pd
import streamlit as st

from connectors import runner
from connectors.api import SOURCES
from connectors.api.base import Common, _env_name, config_fields, load_dotenv_once
from connectors.errors import ConfigError, TransientError
from ui import client_settings, context, data, fmt, safe, widgets
from ui.i18n import has, t

ctx = context.admin_page()
ws = context.require_workspace(ctx)
load_dotenv_once()
COMMON = {f.name for f in dataclasses.fields(Common)}

st.title(t("settings.title"))
client_settings.render(ctx)
st.divider()
st.subheader(t("client.sources"))
st.markdown(t("settings.intro", workspace=safe.md(ctx.display_name or ws)))
st.caption(t("settings.secrets_note"))

sources_doc: dict = runner.source_settings(ctx.root, ws)
status_doc: dict = data.config(runner.STATUS_DOC, {}, ctx) or {}


def label(name: str, field: str) -> str:
    key = f"settings.f.{name}.{field}"
    return t(key) if has(key) else t(f"settings.f.{field}")


def help_text(name: str, field: str) -> str | None:
    for key in (f"settings.h.{name}.{field}", f"settings.h.{field}"):
        if has(key):
            return t(key)
    return t("settings.list_help") if _kind(name, field) == "list" else None


def _kind(name: str, field: str) -> str:
    for f in config_fields(SOURCES[name].Config):
        if f.name == field:
            return f.metadata.get("kind", "str")
    return "str"


def badge(name: str) -> str:
    conf = sources_doc.get(name)
    if conf is None:
        return t("settings.not_configured")
    if conf.get("enabled", True) is False:
        return t("settings.badge.off")
    st_ = status_doc.get(name)
    if not st_:
        return t("settings.badge.never")
    return t("settings.badge.ok") if st_.get("ok") else t("settings.badge.failed")


def show_error(kind: str | None, detail: str | None) -> None:
    key = f"settings.err.{kind}"
    st.error(t(key) if has(key) else t("settings.err.internal"), icon=":material/error:")
    if detail:
        detail = safe.md(detail)  # text from a remote server
        st.caption(f"{t('settings.err.detail')} : {detail}" if ctx.lang == "fr" else f"{t('settings.err.detail')}: {detail}")


def streams_table(streams: list[dict]) -> None:
    if not streams:
        return
    df = pd.DataFrame(
        {
            t("settings.col.data"): [widgets.table_name(s["table"]) for s in streams],
            t("settings.col.read"): [fmt.integer(s["rows_read"], ctx.lang) for s in streams],
            t("settings.col.added"): [fmt.integer(s["rows_added"], ctx.lang) for s in streams],
            t("settings.col.updated"): [fmt.integer(s["rows_updated"], ctx.lang) for s in streams],
            t("settings.col.unchanged"): [fmt.integer(s["rows_skipped"], ctx.lang) for s in streams],
        }
    )
    widgets.table(df, ctx, static=True)


def show_status(name: str) -> None:
    st_ = status_doc.get(name)
    if not st_:
        st.caption(t("settings.status.never"))
        return
    when = fmt.datetime(pd.Timestamp(st_["at"]), ctx.lang)
    if st_.get("ok"):
        st.success(t("settings.status.ok", when=when), icon=":material/check_circle:")
        streams_table(st_.get("streams") or [])
    else:
        st.warning(t("settings.status.failed", when=when), icon=":material/warning:")
        show_error(st_.get("error_kind"), st_.get("error"))
        if st_.get("last_success_at"):
            st.caption(t("settings.status.last_success", when=fmt.datetime(pd.Timestamp(st_["last_success_at"]), ctx.lang)))


def secrets_block(name: str, suffix: str | None) -> None:
    st.markdown(f"**{t('settings.secrets')}**")
    missing = False
    for f in config_fields(SOURCES[name].Config):
        if not f.metadata.get("secret"):
            continue
        var = _env_name(f.metadata["env"], suffix)
        present = bool((os.environ.get(var) or "").strip())
        text = t("settings.secret.set", var=var) if present else t("settings.secret.unset", var=var)
        if not f.metadata.get("required"):
            text += " " + t("settings.secret.optional")
        elif not present:
            missing = True
        st.markdown(f"- {safe.code(text)}")
    if missing:
        st.caption(t("settings.secret.hint"))


def settings_form(name: str) -> None:
    mod = SOURCES[name]
    conf = dict(sources_doc.get(name) or {})
    fields = [f for f in config_fields(mod.Config) if not f.metadata.get("secret")]
    values: dict = {}
    with st.form(f"set.form.{name}", border=False):
        values["enabled"] = st.checkbox(t("settings.enabled"), value=conf.get("enabled", True) is not False, key=f"set.{name}.enabled")
        for f in fields:
            if f.name in COMMON:
                continue
            kind = f.metadata.get("kind", "str")
            current = conf.get(f.name)
            if current is None and f.default is not dataclasses.MISSING and f.default is not None:
                current = f.default
            if kind == "list":
                text = "\n".join(current or []) if isinstance(current, list) else (current or "")
                raw = st.text_area(label(name, f.name), value=text, help=help_text(name, f.name), key=f"set.{name}.{f.name}", height=90)
                values[f.name] = [x.strip() for x in raw.replace(",", "\n").splitlines() if x.strip()]
            else:
                values[f.name] = st.text_input(
                    label(name, f.name), value=str(current or ""), help=help_text(name, f.name), key=f"set.{name}.{f.name}"
                ).strip()
        with st.expander(t("settings.advanced")):
            values["lookback_days"] = int(
                st.number_input(
                    t("settings.f.lookback_days"), 0, 90, int(conf.get("lookback_days", 7)), help=t("settings.h.lookback_days"),
                    key=f"set.{name}.lookback",
                )
            )
            values["initial_days"] = int(
                st.number_input(t("settings.f.initial_days"), 1, 3650, int(conf.get("initial_days", 90)), key=f"set.{name}.initial")
            )
            values["env_suffix"] = st.text_input(
                t("settings.f.env_suffix"), value=conf.get("env_suffix") or "", help=t("settings.h.env_suffix"), key=f"set.{name}.suffix"
            ).strip()
        if st.form_submit_button(t("settings.save"), icon=":material/save:"):
            doc = runner.source_settings(ctx.root, ws)
            doc[name] = {k: v for k, v in values.items() if v not in ("", [], None)}
            data.save_config(runner.SOURCES_DOC, doc, ctx)
            sources_doc[name] = doc[name]
            st.success(t("settings.saved"))


def actions(name: str) -> None:
    c1, c2 = st.columns(2)
    configured = name in sources_doc
    if c1.button(t("settings.test"), key=f"set.{name}.test", icon=":material/network_check:", disabled=not configured):
        try:
            runner.check_source(ctx.root, ws, name)
            st.success(t("settings.check.ok"), icon=":material/check_circle:")
        except ConfigError as exc:
            show_error("config", str(exc))
        except TransientError as exc:
            show_error("transient", str(exc))
    if c2.button(t("settings.pull"), key=f"set.{name}.pull", icon=":material/download:", disabled=not configured):
        streams = list(SOURCES[name].STREAMS.items())
        bar = st.progress(0.0, text=t("settings.pull.progress", what=widgets.table_name(streams[0][1]), n=0))

        def progress(_src: str, stream: str, n: int) -> None:
            i = next((k for k, (s, _) in enumerate(streams) if s == stream), 0)
            table = SOURCES[name].STREAMS.get(stream, stream)
            bar.progress(min(0.95, (i + 0.5) / len(streams)), text=t("settings.pull.progress", what=widgets.table_name(table), n=n))

        try:
            [res] = runner.pull(ctx.root, ws, [name], progress=progress)
        except runner.PullLocked:
            bar.empty()
            st.warning(t("settings.pull.locked"), icon=":material/hourglass_top:")
            return
        bar.progress(1.0, text=t("settings.pull.done"))
        data.invalidate()
        status_doc[name] = (data.config(runner.STATUS_DOC, {}, ctx) or {}).get(name, {})
        if res.ok:
            streams_table([dataclasses.asdict(s) for s in res.streams])
        else:
            show_error(res.error_kind, res.error)


for name, mod in SOURCES.items():
    title = t(f"settings.label.{name}") if has(f"settings.label.{name}") else mod.LABEL
    with st.expander(f"**{title}** · {badge(name)}", expanded=False):
        st.caption(t(f"settings.src.{name}"))
        settings_form(name)
        secrets_block(name, (sources_doc.get(name) or {}).get("env_suffix"))
        actions(name)
        show_status(name)

st.subheader(t("settings.schedule.title"))
st.caption(t("settings.schedule.help"))
st.code(
    f"0 * * * *  cd {shlex.quote(str(context.store.PROJECT_DIR))} && {shlex.quote(sys.executable)} -m connectors pull --all "
    f"--workspace {shlex.quote(ws)} --store {shlex.quote(str(ctx.root))} >> \"$HOME/boussole-pull-{ws}.log\" 2>&1",
    language="bash",
)
