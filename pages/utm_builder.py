"""UTM tracking: link builder with naming conventions, campaign registry, hygiene report."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import streamlit as st

from connectors.schema import PLATFORMS
from metrics import campaigns as mc
from metrics import utm_hygiene as uh
from ui import context, data, fmt, safe
from ui.i18n import t
from ui.widgets import platform_name

ctx = context.admin_page()
st.title(t("utm.title"))
context.require_workspace(ctx)
lang = ctx.lang
ss = st.session_state
registry: list[dict[str, Any]] = list(data.config("campaigns", []) or [])
ws_cfg: dict[str, Any] = data.config("workspace", {}) or {}

SOURCES = ["facebook", "instagram", "linkedin", "x", "youtube", "tiktok", "mastodon", "bluesky", "newsletter", "google"]
MEDIUMS = ["social", "paid_social", "email", "cpc", "display", "referral", "video", "affiliate", "sms"]

tab_build, tab_reg, tab_hyg = st.tabs([t("utm.tab.builder"), t("utm.tab.registry"), t("utm.tab.hygiene")])


def issue_message(issue: dict[str, Any]) -> str:
    field = t(f"utm.field.{issue['field']}") if issue.get("field") in ("source", "medium", "campaign", "content", "term", "id", "url") else ""
    suggestion = issue.get("suggestion") or ("email, social, paid_social, cpc, referral" if issue["code"] == "unassigned" else "")
    return t(f"utm.issue.{issue['code']}", field=field, value=safe.md(issue.get("value")), suggestion=safe.md(suggestion))


# ----------------------------------------------------------------------------- builder

with tab_build:
    st.caption(t("utm.builder.intro"))
    base = st.text_input(t("utm.base_url"), value=ss.get("utm.base", "https://"), key="utm.base", placeholder="https://www.example.com/page")
    c1, c2, c3 = st.columns(3)
    source = c1.text_input(t("utm.field.source"), key="utm.source", placeholder="facebook", help=t("utm.help.source"))
    medium = c2.text_input(t("utm.field.medium"), key="utm.medium", placeholder="paid_social", help=t("utm.help.medium"))
    camp_opts = [""] + [str(c.get("utm_campaign")) for c in registry if c.get("utm_campaign")]
    pick = c3.selectbox(t("utm.pick_campaign"), camp_opts, key="utm.pick", format_func=lambda v: v or t("utm.pick_none"))
    campaign = c3.text_input(t("utm.field.campaign"), value=pick, key=f"utm.campaign.{pick}", placeholder="hiver-2027",
                             help=t("utm.help.campaign"))
    d1, d2, d3 = st.columns(3)
    content = d1.text_input(t("utm.field.content"), key="utm.content", placeholder="carrousel", help=t("utm.help.content"))
    term = d2.text_input(t("utm.field.term"), key="utm.term", help=t("utm.help.term"))
    utm_id = d3.text_input(t("utm.field.id"), key="utm.id", help=t("utm.help.id"))
    paid = st.toggle(t("utm.paid"), key="utm.paid", help=t("utm.help.paid"))
    st.caption(t("utm.suggestions", sources=", ".join(SOURCES), mediums=", ".join(MEDIUMS)))

    tags = {"source": source, "medium": medium, "campaign": campaign, "content": content, "term": term, "id": utm_id}
    issues = uh.check_tags(tags, paid=paid, campaigns=registry, base_url=base if base.strip() not in ("", "https://", "http://") else None)
    errors = [i for i in issues if i["severity"] == "error"]
    fixable = {i["field"]: i["suggestion"] for i in issues if i.get("suggestion") and i["field"] in tags and i["code"] not in ("paid_not_paid", "unassigned", "paid_as_social")}
    for i in issues:
        if i["severity"] == "error" and i["code"] == "required" and not any(tags.values()):
            continue
        icon = ":material/error:" if i["severity"] == "error" else (":material/info:" if i["severity"] == "info" else ":material/warning:")
        (st.info if i["severity"] == "info" else st.warning)(issue_message(i), icon=icon)
    def _apply(fixes: dict[str, str], picked: str) -> None:
        for f, v in fixes.items():
            ss[f"utm.{f}" if f != "campaign" else f"utm.campaign.{picked}"] = v

    if fixable:
        st.button(t("utm.apply_fixes"), key="utm.fix", icon=":material/auto_fix_high:", on_click=_apply, args=(fixable, pick))
    if base.strip() in ("", "https://", "http://"):
        st.info(t("utm.need_url"), icon=":material/link:")
    elif not errors:
        st.markdown(f"**{t('utm.result')}**")
        st.code(uh.build_url(base, tags), language=None, wrap_lines=True)
        st.caption(t("utm.copy_hint"))
        if not issues:
            st.success(t("utm.all_good"), icon=":material/check_circle:")

# ----------------------------------------------------------------------------- registry

OBJ = list(mc.OBJECTIVES)


def _num(v: Any) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _date(v: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


with tab_reg:
    st.caption(t("utm.registry.intro"))
    if ss.pop("utm.reg.flash", None):
        st.success(t("utm.registry.saved"), icon=":material/check:")
    if registry:
        rv = pd.DataFrame({
            t("utm.reg.name"): [c.get("name") for c in registry],
            t("utm.field.campaign"): [c.get("utm_campaign") for c in registry],
            t("utm.reg.platforms"): [", ".join(platform_name(p) for p in c.get("platforms") or []) for c in registry],
            t("utm.reg.start"): [fmt.date(c.get("start"), lang) if c.get("start") else fmt.MISSING for c in registry],
            t("utm.reg.end"): [fmt.date(c.get("end"), lang) if c.get("end") else fmt.MISSING for c in registry],
            t("utm.reg.budget"): [fmt.currency(c.get("budget"), ctx.currency, lang, 0) for c in registry],
            t("utm.reg.objective"): [t(f"metrics.objective.{c['objective']}") if c.get("objective") in OBJ else fmt.MISSING for c in registry],
            t("utm.reg.vpc"): [fmt.currency(c.get("value_per_conversion"), ctx.currency, lang) for c in registry],
            t("utm.reg.vpl"): [fmt.currency(c.get("value_per_lead"), ctx.currency, lang) for c in registry],
        })
        st.dataframe(rv, hide_index=True, width="stretch")
    else:
        st.info(t("utm.registry.empty"))
    labels = ["__new__"] + [str(i) for i in range(len(registry))]
    which = st.selectbox(t("utm.registry.edit"), labels, key="utm.reg.which",
                         format_func=lambda k: t("utm.registry.new") if k == "__new__" else str(registry[int(k)].get("name") or registry[int(k)].get("utm_campaign")))
    cur = {} if which == "__new__" else dict(registry[int(which)])
    with st.form(f"utm.reg.form.{which}"):
        r1, r2 = st.columns(2)
        name = r1.text_input(t("utm.reg.name"), value=cur.get("name", ""))
        utm = r2.text_input(t("utm.field.campaign"), value=cur.get("utm_campaign", ""), help=t("utm.help.campaign"))
        plats = st.multiselect(t("utm.reg.platforms"), list(PLATFORMS), default=[p for p in cur.get("platforms") or [] if p in PLATFORMS],
                               format_func=platform_name, placeholder=t("utm.reg.platforms.placeholder"))
        r3, r4, r5 = st.columns(3)
        start = r3.date_input(t("utm.reg.start"), value=_date(cur.get("start")), format="YYYY-MM-DD")
        end = r4.date_input(t("utm.reg.end"), value=_date(cur.get("end")), format="YYYY-MM-DD")
        objective = r5.selectbox(t("utm.reg.objective"), OBJ, index=OBJ.index(cur["objective"]) if cur.get("objective") in OBJ else 3,
                                 format_func=lambda o: t(f"metrics.objective.{o}"))
        r6, r7, r8 = st.columns(3)
        budget = r6.number_input(t("utm.reg.budget"), min_value=0.0, value=_num(cur.get("budget")), step=100.0)
        vpc = r7.number_input(t("utm.reg.vpc"), min_value=0.0, value=_num(cur.get("value_per_conversion")), step=5.0, help=t("utm.help.vpc"))
        vpl = r8.number_input(t("utm.reg.vpl"), min_value=0.0, value=_num(cur.get("value_per_lead")), step=5.0, help=t("utm.help.vpl"))
        b1, b2 = st.columns([1, 1])
        save = b1.form_submit_button(t("utm.registry.save"), icon=":material/save:", type="primary")
        delete = b2.form_submit_button(t("utm.registry.delete"), icon=":material/delete:", disabled=which == "__new__")
    if save:
        entry = {"name": name.strip(), "utm_campaign": utm.strip(), "platforms": plats,
                 "start": start.isoformat() if start else None, "end": end.isoformat() if end else None,
                 "budget": budget, "objective": objective, "value_per_conversion": vpc, "value_per_lead": vpl}
        others = [c for i, c in enumerate(registry) if which == "__new__" or i != int(which)]
        problems = mc.validate_campaign(entry, others)
        if problems:
            for field, code in problems:
                st.warning(t(f"utm.reg.err.{code}", field=t(f"utm.regfield.{field}"), suggestion=safe.md(uh.suggest_value(utm, "campaign"))))
        else:
            new = others + [entry] if which == "__new__" else [entry if i == int(which) else c for i, c in enumerate(registry)]
            data.save_config("campaigns", new)
            ss["utm.reg.flash"] = True
            st.rerun()
    if delete and which != "__new__":
        new = [c for i, c in enumerate(registry) if i != int(which)]
        data.save_config("campaigns", new)
        ss["utm.reg.which"] = "__new__"
        ss["utm.reg.flash"] = True
        st.rerun()

# ----------------------------------------------------------------------------- hygiene


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def hygiene(root: str, ws: str, versions: tuple, start: dt.date | None, end: dt.date | None, campaigns_key: str) -> pd.DataFrame:
    import json

    # the app's one prepared traffic frame (data.traffic), shared with the Campaigns and Results pages
    traffic = data.traffic(root, ws)
    costs = data.shared(root, ws, "costs", data.COST_COLS)
    return uh.hygiene_report(traffic, json.loads(campaigns_key), costs, start, end)


def finding_text(f: dict[str, Any]) -> str:
    vals = list(f["values"])
    metric = t(f"utm.metric.{f['weight_metric']}") if f.get("weight_metric") in ("sessions", "views", "events") else ""
    spell = ", ".join(f"{safe.code(v)} ({fmt.number(n, 0, lang)})" if not fmt.is_missing(n) else safe.code(v) for v, n in vals[:8])
    if len(vals) > 8:
        spell += " " + t("utm.more", n=len(vals) - 8)
    stake = f.get("sessions")
    if fmt.is_missing(stake):
        stake = f.get("weight")
    return t(
        f"utm.find.{f['kind']}", values=spell, suggestion=safe.md(f.get("suggestion")), n=fmt.number(stake, 0, lang), metric=metric,
        campaign=safe.md(f.get("campaign")), property=safe.md(f.get("property")), cost=fmt.currency(f.get("cost"), ctx.currency, lang, 0),
    )


with tab_hyg:
    st.caption(t("utm.hygiene.intro"))
    whole = st.toggle(t("utm.hygiene.whole"), value=True, key="utm.hyg.whole")
    import json

    versions = (data.version(ctx.root, ctx.workspace, "traffic"), data.version(ctx.root, ctx.workspace, "costs"))
    rep = hygiene(str(ctx.root), ctx.workspace, versions, None if whole else ctx.start, None if whole else ctx.end,
                  json.dumps(registry, sort_keys=True, default=str))
    if not len(rep):
        st.success(t("utm.hygiene.clean"), icon=":material/check_circle:")
    else:
        n_warn = int((rep["severity"] == "warning").sum())
        st.markdown(t("utm.hygiene.summary", n=len(rep), warnings=n_warn))
        for f in rep.to_dict("records"):
            title = t(f"utm.kind.{f['kind']}")
            if f["kind"] == "landing_variants" and f.get("property"):
                title += f" — {safe.md(f['property'])}"
            with st.container(border=True):
                icon = ":material/warning:" if f["severity"] == "warning" else ":material/info:"
                st.markdown(f"{icon} **{title}**")
                st.markdown(finding_text(f))
                fix = t(f"utm.fix.{f['kind']}", suggestion=safe.md(f.get("suggestion")) or fmt.MISSING, campaign=safe.md(f.get("campaign")))
                st.caption(":material/build: " + fix)

    with st.expander(t("utm.urls.title")):
        st.caption(t("utm.urls.help"))
        raw = st.text_area(t("utm.urls.input"), key="utm.urls", height=120, placeholder="/offre?utm_source=Facebook&utm_medium=social\n/page?fbclid=...")
        lines = [x.strip() for x in raw.splitlines() if x.strip()]
        if lines:
            uf = uh.url_findings(lines)
            if not len(uf):
                st.success(t("utm.hygiene.clean"))
            for f in uf.to_dict("records"):
                if f["kind"] == "untagged_clicks":
                    st.warning(t("utm.find.untagged_clicks", n=fmt.number(f.get("urls"), 0, lang), count=f.get("urls"), platform=platform_name(f.get("platform")),
                                 values=", ".join(safe.code(v) for v, _ in list(f["values"])[:5])))
                else:
                    st.warning(t("utm.find.bad_tags", field=t(f"utm.field.{f['field']}"), values=safe.code(f['values'][0][0]),
                                 suggestion=safe.md(f.get("suggestion"))))
