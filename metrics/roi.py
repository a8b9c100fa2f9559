"""Return on investment of social media, per campaign, platform and period.

Formulas (all over the same period and scope)
---------------------------------------------
* ``cost`` = every cost row (ads, staff, tools, agency, other) converted to the workspace
  currency; rows whose platform is ``web`` (non-social advertising) are left out.
  ``ad_cost`` = the ``ads`` category only.
* ``value`` = ``revenue`` (measured) + ``conversions x value_per_conversion`` (estimated)
  + ``leads x value_per_lead`` (estimated); unknown parts are left out, and ``value`` is
  NaN when every part is unknown. ``value_basis`` says ``measured``, ``estimated`` or
  ``mixed``. Set a value per conversion only for conversions that carry no revenue,
  or the same sale is counted twice.
* ``roi`` = (value - cost) / cost; ``roas`` = revenue / ad_cost; ``cpl`` = cost / leads;
  ``cpa`` = cost / conversions; ``cpc`` = ad_cost / clicks; ``cpm`` = ad_cost / impressions x 1000.
  Each is NaN on a zero or unknown denominator, with a machine-readable reason in
  ``<metric>_reason`` (``no_cost``, ``zero_cost``, ``unknown_currency``, ``no_value``,
  ``no_ad_cost``, ``no_revenue``, ``no_leads``, ``no_conversions``, ``no_clicks``,
  ``no_impressions``) for the UI to phrase.

Attribution
-----------
* Revenue and conversions come from social traffic (:mod:`metrics.traffic` rules), plus
  traffic tagged with a configured campaign's ``utm_campaign``; where that is unknown
  for a scope, the ad platforms' own figures in ``costs`` (``conversion_value``,
  ``conversions``) are used instead (never both).
* Leads: created in the period (workspace time zone) with a social source or medium, or a
  configured campaign. Clicks and impressions: the ads rows of ``costs``.
* Campaigns are matched case-insensitively on the configured ``name`` or ``utm_campaign``;
  values per conversion / lead come from the campaign, else the workspace defaults.

Costs covering a range (``date`` .. ``period_end``) are spread evenly over its days
(pro rata temporis) so that any period gets its share. Currency: ``rates[code]`` is the
number of workspace-currency units for one unit of ``code``, set by the user; a row in a
currency without a rate makes the cost of its scope unknown (reason ``unknown_currency``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from metrics import NAN, DateLike, day, day_series, fold, memo, num, per_distinct, safe_div, text
from metrics.channels import SOCIAL_MEDIUMS
from metrics.relationships import leads_in_period
from metrics.traffic import _pick, select_rows

COST_VALUES = ("amount", "impressions", "clicks", "conversions", "conversion_value")


def allocate_costs(costs: pd.DataFrame | None, start: DateLike | None = None, end: DateLike | None = None) -> pd.DataFrame:
    """Cost rows spread over days: a row covering ``date .. period_end`` gives each of its n
    days 1/n of its amount, impressions, clicks, conversions and conversion value (a row
    without ``period_end``, or ending before it starts, is one day). Keeps the days in
    ``[start, end]`` when given. Columns: ``day, platform, campaign, category, currency``
    and the value columns (float)."""
    rep = memo("allocate_costs", (costs,), (), lambda: _allocate(costs))
    if start is not None:
        rep = rep[rep["day"] >= day(start)]
    if end is not None:
        rep = rep[rep["day"] <= day(end)]
    return rep.reset_index(drop=True)


def _allocate(costs: pd.DataFrame | None) -> pd.DataFrame:
    cols = ["day", "platform", "campaign", "category", "currency", *COST_VALUES]
    if costs is None or not len(costs):
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in COST_VALUES else "object") for c in cols})
    d0 = day_series(costs["date"])
    d1 = day_series(costs["period_end"]) if "period_end" in costs.columns else d0
    d1 = d1.where(d1.notna() & (d1 >= d0), d0)
    n = ((d1 - d0).dt.days + 1).fillna(1).astype(int)
    base = pd.DataFrame({
        "platform": text(costs, "platform"), "campaign": text(costs, "campaign"),
        "category": text(costs, "category").map(lambda c: (c or "other").lower()),
        "currency": text(costs, "currency").map(lambda c: c.upper() if c else c),
        **{c: num(costs, c) / n for c in COST_VALUES},
    })
    rep = base.loc[base.index.repeat(n.to_numpy())].copy()
    offsets = np.concatenate([np.arange(k) for k in n.to_numpy()]) if len(n) else np.array([], dtype=int)
    rep["day"] = d0.loc[rep.index].to_numpy() + pd.to_timedelta(offsets, unit="D")
    rep = rep[rep["day"].notna()]
    return rep[cols].reset_index(drop=True)


def convert_currency(amounts: pd.Series, currencies: pd.Series, currency: str | None, rates: Mapping[str, float] | None) -> pd.Series:
    """Amounts in the workspace ``currency``: ``amount x rates[code]``; a row already in the
    workspace currency, or without a currency, is kept; an unknown rate gives NaN."""
    rates = {k.upper(): float(v) for k, v in (rates or {}).items()}
    home = currency.upper() if currency else None

    def factor(code: object) -> float:
        if code is None or (isinstance(code, float) and code != code) or code == home:
            return 1.0
        return rates.get(str(code).upper(), NAN)

    return amounts * currencies.map(factor).astype("float64")


def _campaign_lookup(campaigns: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for c in campaigns or ():
        for k in (c.get("utm_campaign"), c.get("name")):
            if k:
                out[str(k).strip().casefold()] = c
    return out


def _canon(campaign: object, lookup: Mapping[str, Mapping[str, Any]]) -> str | None:
    if campaign is None or (isinstance(campaign, float) and campaign != campaign):
        return None
    c = lookup.get(str(campaign).strip().casefold())
    return str(c.get("name") or c.get("utm_campaign")) if c else str(campaign)


def _key(frame: pd.DataFrame, by: str | None) -> pd.Series:
    if by is None:
        return pd.Series("all", index=frame.index, dtype="object")
    return frame[by].fillna("(none)")


def roi_table(
    costs: pd.DataFrame | None,
    traffic: pd.DataFrame | None,
    leads: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    by: str | None = None,
    tz: str | None = "UTC",
    campaigns: Iterable[Mapping[str, Any]] = (),
    currency: str | None = None,
    rates: Mapping[str, float] | None = None,
    value_per_conversion: float | None = None,
    value_per_lead: float | None = None,
) -> pd.DataFrame:
    """Cost, value and ROI ratios over ``[start, end]``, one row per ``by`` (``campaign``,
    ``platform``, or None for a single ``all`` row). Rules and reasons: module docstring.

    Columns: ``key, cost, ad_cost, impressions, clicks, revenue, revenue_source, conversions,
    leads, value_revenue, value_conversions, value_leads, value, value_basis, roi, roas, cpl,
    cpa, cpc, cpm`` and ``<ratio>_reason``."""
    if by not in (None, "campaign", "platform"):
        raise ValueError(f"by must be None, 'campaign' or 'platform', not {by!r}")
    lookup = _campaign_lookup(campaigns)
    configured = set(lookup)

    def vpc(c: object) -> float:
        cfg = lookup.get(fold(c) or "")
        v = cfg.get("value_per_conversion") if cfg else None
        v = value_per_conversion if v is None else v
        return NAN if v is None else float(v)

    def vpl(c: object) -> float:
        cfg = lookup.get(fold(c) or "")
        v = cfg.get("value_per_lead") if cfg else None
        v = value_per_lead if v is None else v
        return NAN if v is None else float(v)

    # costs
    ac = allocate_costs(costs, start, end)
    ac = ac[ac["platform"].fillna("") != "web"]
    ac = ac.assign(campaign=per_distinct(ac["campaign"], lambda c: _canon(c, lookup)).infer_objects())
    ac["amount_home"] = convert_currency(ac["amount"], ac["currency"], currency, rates)
    ac["unknown_currency"] = ac["amount"].notna() & ac["amount_home"].isna()
    ac["key"] = _key(ac, by)
    ads = ac[ac["category"] == "ads"]
    g_cost = ac.groupby("key").agg(
        cost=("amount_home", lambda s: s.sum(min_count=1)), unknown_currency=("unknown_currency", "any")
    )
    g_ads = ads.groupby("key").agg(
        ad_cost=("amount_home", lambda s: s.sum(min_count=1)),
        impressions=("impressions", lambda s: s.sum(min_count=1)),
        clicks=("clicks", lambda s: s.sum(min_count=1)),
        ads_conversions=("conversions", lambda s: s.sum(min_count=1)),
        ads_conversion_value=("conversion_value", lambda s: s.sum(min_count=1)),
    )

    # traffic: revenue and conversions, each from its own most complete breakdown
    rows = select_rows(traffic, start, end)
    need = "campaign" if by == "campaign" else "social"
    tparts = []
    for col in ("revenue", "conversions"):
        r = _pick(rows, need, by=col)
        if len(r):
            camp_known = per_distinct(r["campaign"], lambda c: fold(c) in configured).infer_objects().astype(bool)
            r = r[r["is_social"].to_numpy(dtype=bool) | camp_known.to_numpy()]
            r = r.assign(campaign=per_distinct(r["campaign"], lambda c: _canon(c, lookup)).infer_objects())
            r = r.assign(key=_key(r, by))
            if col == "conversions":
                r = r.assign(conv_value=r["conversions"] * per_distinct(r["campaign"], vpc).infer_objects().astype("float64"))
                tparts.append(r.groupby("key").agg(
                    conversions=("conversions", lambda s: s.sum(min_count=1)),
                    value_conversions=("conv_value", lambda s: s.sum(min_count=1)),
                ))
            else:
                tparts.append(r.groupby("key").agg(revenue=("revenue", lambda s: s.sum(min_count=1))))

    # leads
    lf = leads_in_period(leads, start, end, tz)
    if len(lf):
        social_lead = lf["platform"].notna() | per_distinct(lf["medium"], lambda m: fold(m) in SOCIAL_MEDIUMS).infer_objects().astype(bool) | (
            per_distinct(lf["campaign"], lambda c: fold(c) in configured).infer_objects().astype(bool)
        )
        lf = lf[social_lead.astype(bool)]
        lf = lf.assign(campaign=per_distinct(lf["campaign"], lambda c: _canon(c, lookup)).infer_objects())
        lf = lf.assign(key=_key(lf, by), lead_value_est=per_distinct(lf["campaign"], vpl).infer_objects().astype("float64"))
        g_leads = lf.groupby("key").agg(leads=("lead_id", "size"), value_leads=("lead_value_est", lambda s: s.sum(min_count=1)))
    else:
        g_leads = pd.DataFrame(columns=["leads", "value_leads"], dtype="float64")

    out = pd.concat([g_cost, g_ads, *tparts, g_leads], axis=1)
    out.index.name = "key"
    for c in ("cost", "ad_cost", "impressions", "clicks", "ads_conversions", "ads_conversion_value", "revenue",
              "conversions", "value_conversions", "leads", "value_leads"):
        out[c] = out[c].astype("float64") if c in out.columns else NAN
    out["unknown_currency"] = out["unknown_currency"].fillna(False).astype(bool) if "unknown_currency" in out else False
    out.loc[out["unknown_currency"], ["cost"]] = NAN
    ads_unknown = ads.groupby("key")["unknown_currency"].any().reindex(out.index).fillna(False).astype(bool)
    out.loc[ads_unknown, ["ad_cost"]] = NAN
    out["revenue_source"] = np.where(out["revenue"].notna(), "traffic", np.where(out["ads_conversion_value"].notna(), "ads", None))
    out["revenue"] = out["revenue"].where(out["revenue"].notna(), out["ads_conversion_value"])
    conv_from_ads = out["conversions"].isna() & out["ads_conversions"].notna()
    out["conversions"] = out["conversions"].where(~conv_from_ads, out["ads_conversions"])
    est_ads = out["conversions"] * pd.Series([vpc(k if by == "campaign" else None) for k in out.index], index=out.index)
    out["value_conversions"] = out["value_conversions"].where(~conv_from_ads, est_ads)
    out["value_revenue"] = out["revenue"]
    parts = out[["value_revenue", "value_conversions", "value_leads"]]
    out["value"] = parts.sum(axis=1, min_count=1)
    measured = out["value_revenue"].notna()
    estimated = out["value_conversions"].notna() | out["value_leads"].notna()
    out["value_basis"] = np.where(measured & estimated, "mixed", np.where(measured, "measured", np.where(estimated, "estimated", None)))

    def ratio(n: str, d: str, scale: float, missing: str, zero: str) -> tuple[pd.Series, pd.Series]:
        vals, reasons = [], []
        for nv, dv, uc in zip(out[n], out[d], out["unknown_currency"], strict=True):
            v = safe_div(nv, dv) * scale if not np.isnan(safe_div(nv, dv)) else NAN
            if not np.isnan(v):
                reasons.append(None)
            elif d in ("cost", "ad_cost") and uc:
                reasons.append("unknown_currency")
            elif pd.isna(dv):
                reasons.append(missing)
            elif dv == 0:
                reasons.append(zero)
            else:
                reasons.append("no_value" if n == "value" else "no_revenue" if n == "revenue" else ("unknown_currency" if uc else "no_cost"))
            vals.append(v)
        return pd.Series(vals, index=out.index, dtype="float64"), pd.Series(reasons, index=out.index, dtype="object")

    out["net"] = out["value"] - out["cost"]
    out["roi"], out["roi_reason"] = ratio("net", "cost", 1.0, "no_cost", "zero_cost")
    out.loc[out["roi"].isna() & out["cost"].notna() & (out["cost"] != 0) & out["value"].isna(), "roi_reason"] = "no_value"
    out["roas"], out["roas_reason"] = ratio("revenue", "ad_cost", 1.0, "no_ad_cost", "no_ad_cost")
    out["cpl"], out["cpl_reason"] = ratio("cost", "leads", 1.0, "no_leads", "no_leads")
    out["cpa"], out["cpa_reason"] = ratio("cost", "conversions", 1.0, "no_conversions", "no_conversions")
    out["cpc"], out["cpc_reason"] = ratio("ad_cost", "clicks", 1.0, "no_clicks", "no_clicks")
    out["cpm"], out["cpm_reason"] = ratio("ad_cost", "impressions", 1000.0, "no_impressions", "no_impressions")
    cols = ["cost", "ad_cost", "impressions", "clicks", "revenue", "revenue_source", "conversions", "leads", "value_revenue",
            "value_conversions", "value_leads", "value", "value_basis", "roi", "roas", "cpl", "cpa", "cpc", "cpm",
            "roi_reason", "roas_reason", "cpl_reason", "cpa_reason", "cpc_reason", "cpm_reason"]
    out = out[cols].reset_index()
    if by is None and not len(out):
        out = pd.DataFrame([{"key": "all"}], columns=["key", *cols])
        out["roi_reason"], out["roas_reason"], out["cpl_reason"] = "no_cost", "no_ad_cost", "no_leads"
        out["cpa_reason"], out["cpc_reason"], out["cpm_reason"] = "no_conversions", "no_clicks", "no_impressions"
    return out.sort_values("key", kind="stable").reset_index(drop=True)


def roi_totals(
    costs, traffic, leads, start, end, tz="UTC", campaigns=(), currency=None, rates=None,
    value_per_conversion=None, value_per_lead=None, platform: str | None = None, campaign: str | None = None,
) -> dict[str, Any]:
    """One scope's row of :func:`roi_table` as a dict (all, one platform or one campaign);
    a scope without any data gives NaN values and the ``no_*`` reasons."""
    by = "campaign" if campaign is not None else ("platform" if platform is not None else None)
    t = roi_table(costs, traffic, leads, start, end, by, tz, campaigns, currency, rates, value_per_conversion, value_per_lead)
    want = "all" if by is None else _canon(campaign, _campaign_lookup(campaigns)) if campaign is not None else platform
    row = t[t["key"] == want]
    if not len(row):
        empty = roi_table(None, None, None, start, end, None)
        d = empty.iloc[0].to_dict()
        d["key"] = want
        return d
    return row.iloc[0].to_dict()


def roi(value: float, cost: float) -> float:
    """(value - cost) / cost; NaN when cost is 0 or unknown, or value unknown."""
    return safe_div(float(value) - float(cost), cost)
