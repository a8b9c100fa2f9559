"""Campaigns: cost, value and ROI per campaign or platform; comparison; cumulative cost vs value;
leads from CRM imports; costs (imported and entered by hand) and currency rates."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from connectors import store
from connectors.schema import COST_CATEGORIES, PLATFORMS
from metrics import campaigns as mc
from metrics import roi as mroi
from ui import charts, context, data, fmt, insights, safe, widgets
from ui.i18n import has, t
from ui.widgets import estimate_note, platform_name, table

ALL_TIME_START = dt.date(2000, 1, 1)
COST_COLOR = "#D97706"  # amber: readable on white and on #0E1117
VALUE_COLOR = "#16A34A"
MEASURED_COLOR = "#0E9F9A"
PLACEHOLDER_KEYS = ("(none)",)

ctx = context.get()
st.title(t("nav.campaigns"))
context.require_workspace(ctx)
lang, cur = ctx.lang, ctx.currency
ws_cfg: dict[str, Any] = data.config("workspace", {}) or {}
registry: list[dict[str, Any]] = data.config("campaigns", []) or []
rates: dict[str, float] = {str(k).upper(): float(v) for k, v in (ws_cfg.get("fx_rates") or {}).items()}
vpc_default = ws_cfg.get("value_per_conversion")
vpl_default = ws_cfg.get("value_per_lead")
ss = st.session_state


# ----------------------------------------------------------------------------- helpers


def money(x: Any, decimals: int = 0) -> str:
    return fmt.currency(x, cur, lang, decimals=decimals)


def ratio_x(x: Any) -> str:
    return fmt.MISSING if fmt.is_missing(x) else fmt.number(x, 2, lang) + "\u00a0×"


def roi_text(x: Any) -> str:
    """ROI as the page shows it everywhere (and as the tests compare it)."""
    return fmt.percent(x, 0, lang, signed=True)


def reason_text(code: Any) -> str:
    """A reason code of metrics.roi as a sentence (texts shared with the other pages)."""
    if not code or (isinstance(code, float) and math.isnan(code)):
        return ""
    key = f"metrics.reason.{code}"
    text = t(key) if has(key) else str(code)
    return text[:1].upper() + text[1:]


SHARED = {"cost": "metrics.cost", "value": "metrics.value", "conversions": "metrics.conversions",
          "revenue": "metrics.revenue", "cpa": "metrics.cpa", "cpl": "metrics.cpl"}


def col(k: str) -> str:
    """Column label: the shared metric names where they exist, short page labels otherwise."""
    return t(SHARED[k]) if k in SHARED else t(f"campaigns.col.{k}")


def key_label(key: Any) -> str:
    k = str(key)
    if by == "platform":
        return t("campaigns.no_platform") if k in PLACEHOLDER_KEYS else platform_name(k)
    if k in PLACEHOLDER_KEYS:
        return t("campaigns.no_campaign")
    if k.startswith("(") and k.endswith(")"):
        return t("campaigns.untagged", value=k)
    return k


def version(table_name: str) -> tuple[int, int]:
    return data.version(ctx.root, ctx.workspace, table_name)


COST_COLS = data.COST_COLS
LEAD_COLS = ["lead_id", "created_at", "source", "medium", "campaign", "stage", "value"]


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def compute(root: str, ws: str, versions: tuple, start: dt.date, end: dt.date, by: str | None, tz: str, campaigns: tuple,
            currency: str, rates_t: tuple, vpc: float | None, vpl: float | None) -> dict[str, Any]:
    # the same frames for both functions (and the UTM page): traffic rows are prepared once
    costs = data.shared(root, ws, "costs", COST_COLS)
    traffic = data.traffic(root, ws)
    leads = data.shared(root, ws, "leads", LEAD_COLS)
    camps = [dict(c) for c in _thaw(campaigns)]
    kw = dict(tz=tz, campaigns=camps, currency=currency, rates=dict(rates_t), value_per_conversion=vpc, value_per_lead=vpl)
    tab = mc.campaign_table(costs, traffic, leads, start, end, by, **kw)
    tot = mroi.roi_totals(costs, traffic, leads, start, end, **kw)
    return {"table": tab, "totals": tot}


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def compute_cumulative(root: str, ws: str, versions: tuple, campaign: str, start: dt.date, end: dt.date, tz: str,
                       campaigns: tuple, currency: str, rates_t: tuple, vpc: float | None, vpl: float | None) -> pd.DataFrame:
    # the same frames for both functions (and the UTM page): traffic rows are prepared once
    costs = data.shared(root, ws, "costs", COST_COLS)
    traffic = data.traffic(root, ws)
    leads = data.shared(root, ws, "leads", LEAD_COLS)
    return mc.cumulative(costs, traffic, leads, campaign, start, end, tz, [dict(c) for c in _thaw(campaigns)], currency,
                         dict(rates_t), vpc, vpl)


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in obj.items()))
    if isinstance(obj, (list, tuple)):
        return ("__list__", tuple(_freeze(v) for v in obj))
    return obj


def _thaw(obj: Any) -> Any:
    if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "__list__":
        return [_thaw(v) for v in obj[1]]
    if isinstance(obj, tuple) and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in obj):
        return {k: _thaw(v) for k, v in obj}
    return obj


# ----------------------------------------------------------------------------- controls

c1, c2 = st.columns([3, 2])
SCOPES, BYS = ("all", "period"), ("campaign", "platform")
# the sidebar period by default (the same scope as the Overview); lifetime on request
scope = SCOPES[c1.radio(
    t("campaigns.scope"), [1, 0], horizontal=True, key="camp.scope",
    format_func=lambda i: t("campaigns.scope.all") if i == 0 else t("campaigns.scope.period", range=fmt.date_range(ctx.start, ctx.end, lang)),
)]
by = BYS[c2.radio(t("campaigns.by"), [0, 1], horizontal=True, key="camp.by", format_func=lambda i: t(f"campaigns.by.{BYS[i]}"))]
start, end = (ALL_TIME_START, max(ctx.today, ctx.end)) if scope == "all" else (ctx.start, ctx.end)
versions = (version("costs"), version("traffic"), version("leads"))
frozen = _freeze(registry)
args = (str(ctx.root), ctx.workspace, versions, start, end, by, ctx.timezone, frozen, cur, tuple(sorted(rates.items())),
        vpc_default, vpl_default)
res = compute(*args)
tab: pd.DataFrame = res["table"]
tot: dict[str, Any] = res["totals"]
if scope == "period" and len(tab):  # a campaign with nothing in the period is not news: list the ones that moved
    _nums = [c for c in ("cost", "value", "sessions", "conversions", "leads", "revenue") if c in tab.columns]
    tab = tab[tab[_nums].notna().any(axis=1).to_numpy()] if _nums else tab

# ----------------------------------------------------------------------------- totals

st.subheader(t("campaigns.totals"))
st.caption(t("campaigns.totals.scope.period", range=fmt.date_range(start, end, lang)) if scope == "period"
           else t("campaigns.totals.scope.all"))
est = f" ({t('common.estimate')})" if tot.get("value_basis") in ("estimated", "mixed") else ""
m = st.columns(6)
# the same formatting as the Overview (ui.insights.value), so one figure reads the same everywhere
m[0].metric(col("cost"), insights.value("cost", tot["cost"], lang, cur))
m[1].metric(col("value") + est, insights.value("value", tot["value"], lang, cur))
m[2].metric(col("roi") + est, insights.value("roi", tot["roi"], lang, cur), help=t("campaigns.help.roi"))
m[3].metric(col("cpl"), insights.value("cpl", tot["cpl"], lang, cur), help=t("campaigns.help.cpl"))
m[4].metric(col("cpa"), insights.value("cpa", tot["cpa"], lang, cur), help=t("campaigns.help.cpa"))
m[5].metric(col("roas"), ratio_x(tot["roas"]), help=t("campaigns.help.roas"))
if fmt.is_missing(tot["roi"]):
    st.info(t("campaigns.no_roi", reason=reason_text(tot["roi_reason"])), icon=":material/info:")


def value_parts_line(row: dict[str, Any]) -> str:
    parts = []
    if not fmt.is_missing(row.get("value_revenue")):
        src = t("campaigns.revenue_from_ads") if row.get("revenue_source") == "ads" else t("campaigns.revenue_from_traffic")
        parts.append(t("campaigns.part.revenue", amount=money(row["value_revenue"]), source=src))
    if not fmt.is_missing(row.get("value_conversions")):
        parts.append(t("campaigns.part.conversions", amount=money(row["value_conversions"]), n=fmt.number(row.get("conversions"), 0, lang), count=row.get("conversions")))
    if not fmt.is_missing(row.get("value_leads")):
        parts.append(t("campaigns.part.leads", amount=money(row["value_leads"]), n=fmt.number(row.get("leads"), 0, lang), count=row.get("leads")))
    return " · ".join(parts)


line = value_parts_line(tot)
if line:
    st.caption(t("campaigns.value_parts", parts=line))
if tot.get("value_basis") in ("estimated", "mixed"):
    estimate_note("campaigns.estimate_note")

# ----------------------------------------------------------------------------- chart: cost vs value per key

if len(tab):
    shown = tab[tab["cost"].notna() | tab["value"].notna()].copy()
    if by == "campaign":  # overheads (staff, tools, agency) would dwarf the campaigns: they stay in the table
        shown = shown[~shown["key"].astype(str).str.match(r"^\(.*\)$")]
    if len(shown):
        shown["label"] = shown["key"].map(lambda k: safe.plot(key_label(k)))
        shown = shown.sort_values("cost", ascending=True, na_position="first")
        fig = go.Figure()
        fig.add_bar(y=shown["label"], x=shown["cost"], orientation="h", name=col("cost"), marker_color=COST_COLOR)
        fig.add_bar(y=shown["label"], x=shown["value"], orientation="h", name=col("value"), marker_color=VALUE_COLOR)
        fig.update_layout(barmode="group", title=t("campaigns.chart.cost_value"), yaxis_title=None, xaxis_title=cur)
        charts.show(fig, key="camp.bars", ctx=ctx, height=max(320, 46 * len(shown) + 120))

# ----------------------------------------------------------------------------- table with sorting

SORTABLE = ["roi", "cost", "value", "sessions", "conversions", "leads", "revenue", "cpa", "cpl", "roas", "key"]
if ctx.present:  # no raw table on a shared screen: nothing to sort
    sort_by, desc = "roi", True
else:
    st.subheader(t("campaigns.table") if by == "campaign" else t("campaigns.table.platform"))
    s1, s2 = st.columns([3, 1])
    sort_by = SORTABLE[s1.selectbox(t("campaigns.sort"), range(len(SORTABLE)), key="camp.sort", format_func=lambda i: col(SORTABLE[i]))]
    desc = s2.toggle(t("campaigns.sort.desc"), value=True, key="camp.desc")
ordered = tab.sort_values(sort_by, ascending=not desc, na_position="last", kind="stable")
view = pd.DataFrame({
    t("campaigns.col.key" if by == "campaign" else "campaigns.col.platform"): ordered["key"].map(key_label),
    col("sessions"): ordered["sessions"].map(lambda v: fmt.number(v, 0, lang)),
    col("conversions"): ordered["conversions"].map(lambda v: fmt.number(v, 0, lang)),
    col("leads"): ordered["leads"].map(lambda v: fmt.number(v, 0, lang)),
    col("revenue"): ordered["revenue"].map(money),
    col("cost"): ordered["cost"].map(money),
    col("value"): ordered["value"].map(money),
    col("basis"): ordered["value_basis"].map(lambda b: t(f"metrics.basis.{b}") if isinstance(b, str) else fmt.MISSING),
    col("roi"): ordered["roi"].map(roi_text),
    col("cpa"): ordered["cpa"].map(lambda v: money(v, 2)),
    col("cpl"): ordered["cpl"].map(lambda v: money(v, 2)),
    col("roas"): ordered["roas"].map(ratio_x),
    col("cpc"): ordered["cpc"].map(lambda v: money(v, 2)),
    col("cpm"): ordered["cpm"].map(lambda v: money(v, 2)),
})
table(view, ctx=ctx, key="camp.table")
why = ordered[ordered["roi"].isna() & ordered["roi_reason"].notna()]
if len(why):
    with st.expander(t("campaigns.why_no_roi", n=len(why))):
        for k, code in zip(why["key"], why["roi_reason"], strict=True):
            st.markdown(f"- **{safe.md(key_label(k))}** — {reason_text(code)}")

# ----------------------------------------------------------------------------- assumptions

with st.expander(t("campaigns.assumptions")):
    st.markdown(t("campaigns.assumptions.formula"))
    a = mc.assumptions(registry, vpc_default, vpl_default)
    if len(a):
        src = {"campaign": t("campaigns.src.campaign"), "default": t("campaigns.src.default"), None: t("campaigns.src.none")}
        av = pd.DataFrame({
            col("key"): a["name"],
            col("vpc"): a["value_per_conversion"].map(lambda v: money(v, 2)),
            col("vpc_source"): a["vpc_source"].map(lambda s: src.get(s, src[None])),
            col("vpl"): a["value_per_lead"].map(lambda v: money(v, 2)),
            col("vpl_source"): a["vpl_source"].map(lambda s: src.get(s, src[None])),
        })
        if ctx.present:  # no raw tables on a shared screen: one line per campaign
            for rec in av.to_dict("records"):
                vals = list(rec.values())
                st.markdown(f"- **{safe.md(vals[0])}** — {vals[1]} ({vals[2]}) · {vals[3]} ({vals[4]})")
        else:
            table(av, ctx=ctx, key="camp.assumptions")
    st.caption(t("campaigns.assumptions.defaults", vpc=money(vpc_default, 2), vpl=money(vpl_default, 2)))
    if rates:
        st.caption(t("campaigns.assumptions.rates", rates=", ".join(f"1 {k} = {fmt.number(v, 4, lang)} {cur}" for k, v in sorted(rates.items()))))

# ----------------------------------------------------------------------------- comparison

names = [str(k) for k in tab["key"]] if by == "campaign" else []
real = [k for k in names if k not in PLACEHOLDER_KEYS and not (k.startswith("(") and k.endswith(")"))]
if len(real) >= 2:
    st.subheader(t("campaigns.compare"))
    ranked_roi = tab[tab["key"].isin(real) & tab["roi"].notna()].sort_values("roi", ascending=False)["key"].tolist() or real
    cc = st.columns(2)
    left = cc[0].selectbox(t("campaigns.compare.a"), real, index=real.index(ranked_roi[0]), key="camp.cmp.a")
    other = [k for k in ranked_roi if k != left] or [k for k in real if k != left]
    right = cc[1].selectbox(t("campaigns.compare.b"), real, index=real.index(other[-1]), key="camp.cmp.b")
    rows = {r["key"]: r for r in tab.to_dict("records")}
    for box, name in zip(cc, (left, right), strict=True):
        r = rows[name]
        with box.container(border=True):
            st.markdown(f"**{safe.md(name)}**")
            g = st.columns(3)
            g[0].metric(col("cost"), money(r["cost"]))
            g[1].metric(col("value"), money(r["value"]))
            g[2].metric(col("roi"), roi_text(r["roi"]))
            h = st.columns(3)
            h[0].metric(col("sessions"), fmt.number(r["sessions"], 0, lang))
            h[1].metric(col("cpa"), money(r["cpa"], 2))
            h[2].metric(col("cpl"), money(r["cpl"], 2))
            if fmt.is_missing(r["roi"]):
                st.caption(reason_text(r["roi_reason"]))
            elif r.get("value_basis") in ("estimated", "mixed"):
                st.caption(":material/info: " + t("campaigns.compare.estimated"))

# ----------------------------------------------------------------------------- cumulative cost vs value

registered = [c for c in registry if c.get("name") or c.get("utm_campaign")]
if registered:
    st.subheader(t("campaigns.cumulative"))
    labels = [str(c.get("name") or c.get("utm_campaign")) for c in registered]
    default = labels.index(real[0]) if real and real[0] in labels else 0
    if len(tab) and by == "campaign":
        ranked = tab[tab["key"].isin(labels)].sort_values("roi", ascending=False, na_position="last")["key"].tolist()
        default = labels.index(ranked[0]) if ranked else default
    pick = st.selectbox(t("campaigns.cumulative.pick"), labels, index=default, key="camp.cum")
    cfg = registered[labels.index(pick)]
    cs, ce = mc.campaign_span(cfg)
    cs = cs or ctx.start
    ce = min(ce or ctx.today, max(ctx.today, ctx.end))
    if ce < cs:
        st.info(t("campaigns.cumulative.future"))
    else:
        cu = compute_cumulative(str(ctx.root), ctx.workspace, versions, pick, cs, ce, ctx.timezone, frozen, cur,
                                tuple(sorted(rates.items())), vpc_default, vpl_default)
        if cu["cum_cost"].notna().any() or cu["cum_value"].notna().any():
            fig = go.Figure()
            fig.add_scatter(x=cu["day"], y=cu["cum_cost"], mode="lines", name=t("campaigns.cum.cost"),
                            line={"color": COST_COLOR, "width": 3})
            fig.add_scatter(x=cu["day"], y=cu["cum_value"], mode="lines", name=t("campaigns.cum.value"),
                            line={"color": VALUE_COLOR, "width": 3})
            if cu["cum_measured"].notna().any():
                fig.add_scatter(x=cu["day"], y=cu["cum_measured"], mode="lines", name=t("campaigns.cum.measured"),
                                line={"color": MEASURED_COLOR, "width": 2, "dash": "dot"})
            st.caption(t("campaigns.cumulative.title", name=safe.md(pick), range=fmt.date_range(cs, ce, lang)))
            fig.update_layout(yaxis_title=cur)
            charts.show(fig, key="camp.cumchart", ctx=ctx, y_format=",.0f")
            last = cu.iloc[-1]
            if not fmt.is_missing(last["cum_cost"]) and not fmt.is_missing(last["cum_value"]):
                be = cu[(cu["cum_value"] >= cu["cum_cost"]) & cu["cum_cost"].notna() & (cu["cum_cost"] > 0)]
                if len(be):
                    st.caption(t("campaigns.breakeven", date=fmt.date(be["day"].iloc[0], lang)))
                else:
                    st.caption(t("campaigns.no_breakeven"))
            estimate_note("campaigns.cumulative.note")
        else:
            st.info(t("campaigns.cumulative.empty"))

# ----------------------------------------------------------------------------- leads

st.subheader(t("campaigns.leads"))
leads = data.read("leads", ["lead_id", "created_at", "source", "medium", "campaign", "stage"])
if not len(leads):
    widgets.setup_hint("campaigns.leads.none", ctx=ctx)
else:
    from metrics.relationships import leads_in_period

    lf = leads_in_period(leads, start, end, ctx.timezone)
    st.caption(t("campaigns.leads.privacy"))
    if not len(lf):
        st.info(t("campaigns.leads.none_period"))
    else:
        g = lf.assign(campaign=lf["campaign"].fillna(t("campaigns.no_campaign")), source=lf["source"].fillna(fmt.MISSING))
        counts = g.groupby(["campaign", "source"], dropna=False).agg(n=("lead_id", "size")).reset_index().sort_values("n", ascending=False)
        lm = st.columns(3)
        lm[0].metric(t("campaigns.leads.count"), fmt.number(len(lf), 0, lang))
        lm[1].metric(t("campaigns.leads.campaigns"), fmt.number(g["campaign"].nunique(), 0, lang))
        lm[2].metric(t("campaigns.leads.won"), fmt.number(int((lf["stage"] == "won").sum()), 0, lang))
        table(pd.DataFrame({
            col("key"): counts["campaign"], col("source"): counts["source"],
            col("leads"): counts["n"].map(lambda v: fmt.number(v, 0, lang)),
        }), ctx=ctx, key="camp.leads")

# ----------------------------------------------------------------------------- costs (not on a shared screen)

if not ctx.present:
    st.divider()
    st.subheader(t("costs.title"))
    st.caption(t("costs.intro"))
    st.page_link("pages/import_data.py", label=t("costs.import_link"), icon=":material/upload_file:")
    costs_all = data.read("costs", COST_COLS)

    # currency rates
    missing = mc.currencies_without_rate(costs_all, cur, rates)
    if missing:
        st.warning(t("costs.fx.missing", codes=", ".join(missing), currency=cur), icon=":material/currency_exchange:")
    with st.expander(t("costs.fx.title"), expanded=bool(missing)):
        st.caption(t("costs.fx.help", currency=cur))
        codes = sorted(set(rates) | set(missing) | ({"USD", "EUR"} - {cur}))
        fx_df = pd.DataFrame({"code": codes, "rate": [rates.get(c) for c in codes]})
        edited = st.data_editor(
            fx_df, key="costs.fx.editor", hide_index=True, num_rows="dynamic", width="stretch",
            column_config={
                "code": st.column_config.TextColumn(t("costs.fx.code"), max_chars=3, required=True),
                "rate": st.column_config.NumberColumn(t("costs.fx.rate", currency=cur), min_value=0.0, format="%.4f"),
            },
        )
        if st.button(t("costs.fx.save"), key="costs.fx.save", icon=":material/save:"):
            new_rates = {str(c).strip().upper(): float(r) for c, r in zip(edited["code"], edited["rate"], strict=True)
                         if isinstance(c, str) and c.strip() and r is not None and not (isinstance(r, float) and math.isnan(r)) and r > 0}
            ws_doc = dict(data.config("workspace", {}) or {})
            ws_doc["fx_rates"] = new_rates
            data.save_config("workspace", ws_doc)
            st.success(t("costs.fx.saved"))
            st.rerun()

    # manual entry
    with st.expander(t("costs.add"), expanded=False), st.form("costs.form", clear_on_submit=False):
        f1, f2, f3 = st.columns(3)
        category = f1.selectbox(t("costs.category"), list(COST_CATEGORIES), key="costs.cat", format_func=lambda c: t(f"costs.cat.{c}"))
        camp_names = [""] + [str(c.get("utm_campaign") or c.get("name")) for c in registry]
        campaign = f2.selectbox(t("costs.campaign"), camp_names, key="costs.camp", format_func=lambda c: c or t("costs.none"))
        platform = f3.selectbox(t("costs.platform"), [""] + list(PLATFORMS), key="costs.plat",
                                format_func=lambda p: platform_name(p) if p else t("costs.none"))
        d1, d2, d3 = st.columns(3)
        first = d1.date_input(t("costs.start"), value=ctx.start, key="costs.start", format="YYYY-MM-DD")
        last = d2.date_input(t("costs.end"), value=ctx.end, key="costs.end", format="YYYY-MM-DD")
        currency = d3.text_input(t("costs.currency"), value=cur, max_chars=3, key="costs.cur")
        a1, a2, a3 = st.columns(3)
        amount = a1.number_input(t("costs.amount"), min_value=0.0, value=None, step=10.0, key="costs.amount")
        hours = a2.number_input(t("costs.hours"), min_value=0.0, value=None, step=1.0, key="costs.hours")
        rate = a3.number_input(t("costs.rate"), min_value=0.0, value=None, step=5.0, key="costs.rate")
        note = st.text_input(t("costs.note"), key="costs.note", max_chars=200)
        st.caption(t("costs.form.help"))
        if st.form_submit_button(t("costs.save"), icon=":material/add:"):
            problem = None
            if last < first:
                problem = t("costs.err.dates")
            elif amount is None and (hours is None or rate is None):
                problem = t("costs.err.amount")
            if problem:
                st.warning(problem)
            else:
                entry = {"category": category, "date": first, "period_end": last if last != first else None,
                         "platform": platform or None, "campaign": campaign or None, "currency": currency.strip().upper() or cur,
                         "note": note, "amount": amount, "hours": hours, "rate": rate}
                frame = mc.manual_cost_frame([entry])
                store.write_frames(ctx.root, ctx.workspace, [("costs", frame)], fmt=mc.MANUAL_FORMAT, file_name="manual entry")
                st.success(t("costs.saved", amount=fmt.currency(frame["amount"].iloc[0], frame["currency"].iloc[0] or cur, lang)))

    # entered by hand: list and delete
    manual = mc.manual_rows(data.read("costs", COST_COLS))
    st.markdown(f"**{t('costs.manual')}**")
    if not len(manual):
        st.caption(t("costs.manual.none"))
    else:
        manual = manual.sort_values("date", ascending=False).reset_index(drop=True)
        mv = pd.DataFrame({
            t("costs.delete.col"): False,
            t("costs.start"): manual["date"].map(lambda d: fmt.date(d, lang)),
            t("costs.end"): manual["period_end"].map(lambda d: fmt.date(d, lang)),
            t("costs.category"): manual["category"].map(lambda c: t(f"costs.cat.{c}") if c in COST_CATEGORIES else c),
            t("costs.campaign"): manual["campaign"].fillna(fmt.MISSING),
            t("costs.platform"): manual["platform"].map(lambda p: platform_name(p) if isinstance(p, str) else fmt.MISSING),
            t("costs.amount"): [fmt.currency(a, c or cur, lang) for a, c in zip(manual["amount"], manual["currency"], strict=True)],
            t("costs.note"): manual["note"].fillna(""),
        })
        sel = st.data_editor(mv, key="costs.manual.editor", hide_index=True, width="stretch",
                             disabled=[c for c in mv.columns if c != t("costs.delete.col")])
        chosen = sel[t("costs.delete.col")].fillna(False).astype(bool).to_numpy()
        if st.button(t("costs.delete", n=int(chosen.sum())), key="costs.delete", disabled=not chosen.any(), icon=":material/delete:"):
            n = store.delete_rows(ctx.root, ctx.workspace, "costs", manual[chosen], only_format=mc.MANUAL_FORMAT)
            st.success(t("costs.deleted", n=n))
            st.rerun()
