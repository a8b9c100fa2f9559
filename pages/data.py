"""Data page: what the workspace holds (rows, dates covered, gaps, last import), import
history, and downloads of any table as CSV or Parquet."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from connectors import loader, store
from connectors.schema import DATA_TABLES, PLATFORMS, TABLES
from ui import charts, context, data, datainfo, fmt, safe, widgets
from ui.i18n import has, t

ctx = context.admin_page()
ws = context.require_workspace(ctx)
lang = ctx.lang

st.title(t("data.title"))
st.markdown(t("data.intro", workspace=safe.md(ctx.display_name or ws)))

stats = {tb: data.stats(tb, ctx) for tb in (*DATA_TABLES, "imports")}
total_rows = sum(s["rows"] for tb, s in stats.items() if tb != "imports")
present_tables = [tb for tb in DATA_TABLES if stats[tb]["rows"]]
if not present_tables:
    st.info(t("data.empty"))
size = fmt.filesize(sum(s["bytes"] for s in stats.values()), lang)
st.caption(t("data.summary", rows=fmt.integer(total_rows, lang), tables=fmt.integer(len(present_tables), lang), size=size))

imports = data.read("imports", list(TABLES["imports"].columns), ctx=ctx)
last_import = datainfo.last_import_per_table(imports)


def gaps_text(runs) -> str:
    if runs is None:
        return ""
    if not runs:
        return t("data.gaps.none")
    shown = [fmt.date_range(a, b, lang) for a, b in runs[:3]]
    extra = len(runs) - len(shown)
    return "; ".join(shown) + (f" {t('data.gaps.more', n=extra)}" if extra > 0 else "")


for tb in present_tables:
    when = last_import.get(tb)
    head = f"**{widgets.table_name(tb)}** · {t('data.table.rows', rows=fmt.integer(stats[tb]['rows'], lang))} · "
    head += t("data.table.last_import", when=fmt.datetime(when, lang)) if when is not None else t("data.table.never")
    with st.container(border=True):
        st.markdown(head)
        cols = datainfo.columns_for(tb, TABLES[tb].columns)
        cov = data.coverage(tb, cols, ctx=ctx, rows=stats[tb]["rows"])
        if not len(cov):
            continue
        view = pd.DataFrame(
            {
                t("data.col.group"): [widgets.platform_name(g) if g in PLATFORMS else g for g in cov["group"]],
                t("data.col.rows"): [fmt.integer(v, lang) for v in cov["rows"]],
                t("data.col.first"): [fmt.date(v, lang) for v in cov["first"]],
                t("data.col.last"): [fmt.date(v, lang) for v in cov["last"]],
            }
        )
        if tb in datainfo.DAILY:
            view[t("data.col.missing")] = [fmt.integer(v, lang) for v in cov["missing_days"]]
            view[t("data.col.gaps")] = [gaps_text(r) for r in cov["gaps"]]
        widgets.table(view, ctx, static=True)

posts = data.read("posts", ["published_at", "platform"], ctx=ctx)
if len(posts):
    st.subheader(t("data.posts_chart"))
    weekly = (
        posts.assign(week=posts["published_at"].dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time)
        .groupby(["week", "platform"], as_index=False)
        .size()
    )
    fig = px.bar(weekly, x="week", y="size", color="platform", labels={"week": "", "size": t("data.posts_chart.y")})
    charts.show(fig, key="data.posts_chart", ctx=ctx, height=320)

st.subheader(t("data.history"))
if len(imports):
    hist = imports.sort_values("imported_at", ascending=False)
    widgets.table(
        pd.DataFrame(
            {
                t("data.col.when"): [fmt.datetime(v, lang) for v in hist["imported_at"]],
                t("data.col.file"): hist["file_name"].tolist(),
                t("data.col.format"): hist["format"].tolist(),
                t("common.table"): [widgets.table_name(x) for x in hist["table"]],
                t("data.col.read"): [fmt.integer(v, lang) for v in hist["rows_read"]],
                t("data.col.added"): [fmt.integer(v, lang) for v in hist["rows_added"]],
                t("data.col.updated"): [fmt.integer(v, lang) for v in hist["rows_updated"]],
                t("data.col.skipped"): [fmt.integer(v, lang) for v in hist["rows_skipped"]],
            }
        ),
        ctx,
    )
else:
    st.caption(t("data.history.empty"))


def undo_section() -> None:
    """Undo the store's last change (an import, a deletion or an undo): the previous version
    is restored as a new one (connectors.store.undo_last), so an undo can be undone too."""
    flash = st.session_state.pop("data.undo.flash", None)
    if flash:
        st.success(t("data.undo.done", what=safe.md(flash)), icon=":material/undo:")
    versions = store.list_versions(ctx.root, ws)
    if len(versions) < 2 or versions[1]["version"] != versions[0]["version"] - 1:
        return
    last = versions[0]
    action_key = f"data.undo.action.{last.get('action')}"
    what = last.get("file_name") or (t(action_key) if has(action_key) else t("data.undo.action.import"))
    when = pd.Timestamp(last["committed_at"]) if last.get("committed_at") else None
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.markdown(t("data.undo.last", what=safe.md(what), when=fmt.datetime(when, lang) if when is not None else fmt.MISSING))
    sure = c1.checkbox(t("data.undo.confirm"), key="data.undo.sure")
    if c2.button(t("data.undo.button"), key="data.undo", disabled=not sure, icon=":material/undo:"):
        undone = store.undo_last(ctx.root, ws)
        with st.spinner(t("import.preparing")):  # the derived files of the restored version (read back when unchanged)
            loader.refresh_derived(ctx.root, ws, ["traffic"])
        st.session_state["data.undo.flash"] = (undone or {}).get("file_name") or what
        st.rerun()


undo_section()

st.subheader(t("data.download"))
tables_with_rows = [tb for tb in (*DATA_TABLES, "imports") if stats[tb]["rows"]]
if tables_with_rows:
    c1, c2, c3 = st.columns([2, 1, 2], vertical_alignment="bottom")
    chosen = c1.selectbox(t("data.download.table"), tables_with_rows, format_func=widgets.table_name, key="data.dl.table")
    kind = c2.selectbox(t("data.download.format"), ["CSV", "Parquet"], key="data.dl.format")

    def payload(table=chosen, kind=kind) -> bytes:
        df = store.read_table(ctx.root, ws, table)
        return datainfo.to_csv_bytes(df) if kind == "CSV" else datainfo.to_parquet_bytes(df)

    c3.download_button(
        t("data.download.button", table=widgets.table_name(chosen), fmt=kind),
        data=payload,
        file_name=f"{ws}-{chosen}.{'csv' if kind == 'CSV' else 'parquet'}",
        mime="text/csv" if kind == "CSV" else "application/vnd.apache.parquet",
        icon=":material/download:",
        help=t("data.download.help"),
        key="data.dl.button",
    )
