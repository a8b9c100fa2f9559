"""Import page: drop exports, see what they are and what will be stored, import them."""

from __future__ import annotations

import hashlib

import streamlit as st

from connectors import loader
from connectors.errors import ImportFailure
from connectors.schema import COST_CATEGORIES, PLATFORMS, TABLES
from ui import context, data, fmt, importview, safe, widgets
from ui.i18n import t
from ui.texts.import_guides import GUIDES

try:
    from connectors import importer
except ImportError:  # pragma: no cover - the importer ships with the app
    importer = None

ctx = context.admin_page()
ws = context.require_workspace(ctx)
ss = st.session_state
MAX_MB = int(st.get_option("server.maxUploadSize"))
TYPES = ["csv", "tsv", "txt", "xlsx", "xls"]

st.title(t("import.title"))
st.markdown(t("import.intro", workspace=safe.md(ctx.display_name or ws)))


def failure_text(exc: ImportFailure) -> tuple[str, str]:
    """(plain sentence in the user's language, where/what detail): see ui/importview.py."""
    return importview.failure_text(exc, ctx.lang)


def show_failure(exc: ImportFailure, file_name: str) -> None:
    head, detail = failure_text(exc)
    st.error(f"{t('import.result.failed', file=safe.md(file_name))} {head}\n\n{detail}".strip(), icon=":material/error:")


def detect(name: str, payload: bytes):
    key = (name, hashlib.sha256(payload).hexdigest(), ws)
    cache = ss.setdefault("import.detections", {})
    if key not in cache:
        cache[key] = importer.detect(payload, name, root=ctx.root, workspace=ws)
    return key, cache[key]


def mapping_form(det, key: tuple) -> None:
    """Generic column mapping for a layout Boussole does not know; saved for next time."""
    if not det.headers:
        st.warning(t("import.map.no_header"))
        return
    from connectors.formats.generic import MAPPABLE_TABLES

    fid = key[1][:12]
    st.markdown(f"**{t('import.map.title')}**")
    all_targets = {tb: importer.mapping_targets(tb) for tb in MAPPABLE_TABLES}
    guessed_table, _ = importview.guess_mapping(det.headers, all_targets, {tb: TABLES[tb].required for tb in MAPPABLE_TABLES})
    c1, c2, c3 = st.columns(3)
    table = c1.selectbox(
        t("import.map.table"), list(MAPPABLE_TABLES), index=list(MAPPABLE_TABLES).index(guessed_table),
        format_func=widgets.table_name, key=f"map.table.{fid}",
    )
    platform = c2.selectbox(
        t("import.map.platform"),
        [None, *PLATFORMS],
        format_func=lambda p: t("import.map.platform.none") if p is None else widgets.platform_name(p),
        key=f"map.platform.{fid}",
    )
    account = c3.text_input(t("import.map.account"), key=f"map.account.{fid}")
    category = None
    if table == "costs":  # an ad-spend export rarely has a category column: one for every row
        category = c1.selectbox(
            t("import.map.category"), [None, *COST_CATEGORIES],
            format_func=lambda c: t("import.map.category.none") if c is None else t(f"costs.cat.{c}"),
            key=f"map.category.{fid}", help=t("import.map.category.help"),
        )
    targets = all_targets[table]
    options = ["", *targets]
    guesses = importview.guess_columns(det.headers, targets)
    with st.form(f"map.form.{fid}.{table}", border=False):
        cols = st.columns(3)
        choice: dict[str, str] = {}
        for i, header in enumerate(det.headers):
            if not header:
                continue
            guess = guesses.get(header, "")
            choice[header] = cols[i % 3].selectbox(
                t("import.map.header", header=safe.md(header, 40)),
                options,
                index=options.index(guess),
                format_func=lambda c: t("import.map.ignore") if c == "" else importview.field_name(c, ctx.lang),
                key=f"map.col.{fid}.{table}.{i}",
            )
        day_first = ctx.lang == "fr" or importer.default_date_order(det.delimiter) == "dmy"
        date_order = st.radio(
            t("import.map.date_order"),
            ["dmy", "mdy"],
            index=0 if day_first else 1,
            format_func=lambda o: t(f"import.map.date_order.{o}"),
            horizontal=True,
            help=t("import.map.date_order.help"),
            key=f"map.dates.{fid}.{table}",
        )
        if st.form_submit_button(t("import.map.save"), type="primary"):
            mapped = [c for c in choice.values() if c]
            twice = sorted({c for c in mapped if mapped.count(c) > 1})
            given = set(mapped) | ({"platform"} if platform else set()) | ({"account"} if account else set()) | ({"category"} if category else set())
            optional = importview.OPTIONAL_IN_MAPPING.get(table, ())
            missing = [c for c in TABLES[table].required if c not in given and c not in optional]
            names = lambda cs: ", ".join(importview.field_name(c, ctx.lang) for c in cs)  # noqa: E731
            if twice:
                st.error(t("import.map.twice", columns=safe.md(names(twice))))
            elif missing:
                st.error(t("import.map.required", columns=names(missing)))
            else:
                importer.save_mapping(ctx.root, ws, det.headers, choice, table, platform, account or None, date_order,
                                      category if "category" not in mapped else None)
                ss.get("import.detections", {}).pop(key, None)
                ss["import.flash"] = t("import.map.saved")
                st.rerun()


def run_imports(items: list[tuple[str, bytes]], account: str | None) -> None:
    results = []
    for name, payload in items:
        bar = st.progress(0.0, text=t("import.progress", file=safe.md(name)))
        try:
            rows = importer.import_bytes(
                ctx.root,
                ws,
                payload,
                name,
                account=account,
                progress=lambda f, b=bar, n=name: b.progress(min(max(float(f), 0.0), 1.0), text=t("import.progress", file=safe.md(n))),
            )
            results.append({"file": name, "ok": True, "rows": rows})
        except ImportFailure as exc:
            results.append({"file": name, "ok": False, "error": exc})
        bar.empty()
    changed = {x["table"] for r in results if r["ok"] for x in r["rows"] if x["rows_added"] or x["rows_updated"]}
    if changed:
        with st.spinner(t("import.preparing")):  # the pages' derived files, once for the whole batch
            loader.refresh_derived(ctx.root, ws, sorted(changed))
    ss["import.results"] = results
    ss["import.uploader_gen"] = ss.get("import.uploader_gen", 0) + 1  # empty the uploader
    ss.pop("import.detections", None)
    data.invalidate()
    st.rerun()


def show_results() -> None:
    results = ss.get("import.results")
    if not results:
        return
    with st.container(border=True):
        st.subheader(t("import.results"))
        for r in results:
            if not r["ok"]:
                show_failure(r["error"], r["file"])
                continue
            rows = r["rows"]
            if rows and all(x["rows_added"] == 0 and x["rows_updated"] == 0 for x in rows):
                st.info(t("import.result.same", file=safe.md(r["file"])), icon=":material/check:")
                continue
            for x in rows:
                st.success(
                    t(
                        "import.result.ok",
                        file=safe.md(r["file"]),
                        table=widgets.table_name(x["table"]),
                        read=fmt.integer(x["rows_read"], ctx.lang),
                        added=fmt.integer(x["rows_added"], ctx.lang),
                        updated=fmt.integer(x["rows_updated"], ctx.lang),
                        skipped=fmt.integer(x["rows_skipped"], ctx.lang),
                    ),
                    icon=":material/check_circle:",
                )
        st.caption(t("import.result.see_data"))


if importer is None:
    st.warning(t("import.unavailable"))
    st.stop()

if ss.get("import.flash"):
    st.success(ss.pop("import.flash"))
show_results()

left, right = st.columns([3, 2], gap="large")
with right:
    st.subheader(t("import.guides"))
    for g in GUIDES:
        with st.expander(t(f"import.guide.{g}.title")):
            st.markdown(t(f"import.guide.{g}.body"))

with left:
    files = st.file_uploader(
        t("import.uploader"),
        type=TYPES,
        accept_multiple_files=True,
        key=f"import.uploader.{ss.get('import.uploader_gen', 0)}",
        help=t("import.uploader.help", size=MAX_MB),
    )
    st.caption(t("import.limit", size=MAX_MB))
    account = st.text_input(t("import.account"), help=t("import.account.help"), key="import.account")
    ready: list[tuple[str, bytes]] = []
    for f in files or []:
        payload = f.getvalue()
        key, det = detect(f.name, payload)
        with st.container(border=True):
            st.markdown(f"**{safe.md(f.name)}**")
            st.caption(importview.file_facts(f.name, len(payload), det.encoding, ctx.lang, det.error))
            if det.error is not None and det.error.code == "unknown_layout":
                st.info(t("import.err.unknown_layout"), icon=":material/table_edit:")
                mapping_form(det, key)
                continue
            if det.error is not None:
                show_failure(det.error, f.name)
                continue
            st.markdown(t("import.detected", label=importview.format_label(det.format, det.label, ctx.lang)))
            st.caption(t("import.targets", tables=", ".join(widgets.table_name(x) for x in det.tables)))
            for table, frame in det.preview.items():
                st.markdown(t("import.preview", table=widgets.table_name(table)))
                if len(frame):
                    widgets.table(importview.preview(frame, ctx.lang, tz=ctx.timezone), ctx)
                else:
                    st.caption(t("import.preview.empty"))
            ready.append((f.name, payload))
    if files:
        if ready:
            if st.button(t("import.go", n=len(ready)), type="primary", icon=":material/upload:", key="import.go"):
                run_imports(ready, account.strip() or None)
        else:
            st.warning(t("import.nothing"))
