"""Campaigns: the per-campaign table, cumulative cost vs value, the registry and manual costs.

Pure functions over the store's frames; every ratio comes from :mod:`metrics.roi`, so the
Campaigns page shows the same ROI, CPL, CPA and ROAS as the overview and the summary.

* :func:`campaign_table` - :func:`metrics.roi.roi_table` per campaign (or platform) plus the
  sessions attributed the same way (social traffic, or traffic tagged with a registered
  campaign) and the registry's facts (dates, budget, objective).
* :func:`cumulative` - one campaign's cost and value per day and cumulated over its life;
  its last values equal ``roi_totals(campaign=...)`` over the same dates.
* :func:`assumptions` - the value per conversion / per lead each campaign uses, and where it
  comes from (the campaign, or the workspace default).
* :func:`validate_campaign` - registry entry checks (codes for the UI to phrase).
* :func:`manual_cost_frame` - hand-entered costs as ``costs`` rows (staff hours x rate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from connectors.schema import COST_CATEGORIES
from metrics import NAN, DateLike, day, fold, per_distinct
from metrics.channels import SOCIAL_MEDIUMS
from metrics.relationships import leads_in_period
from metrics.roi import _campaign_lookup, _canon, allocate_costs, convert_currency, roi_table
from metrics.traffic import _pick, select_rows
from metrics.utm_hygiene import naming_issues, suggest_value, variant_key

OBJECTIVES = ("presence", "sentiment", "relationships", "traffic")
MANUAL_FORMAT = "manual"
NO_CAMPAIGN = "(none)"


def _vp(cfg: Mapping[str, Any] | None, key: str, default: float | None) -> float:
    v = cfg.get(key) if cfg else None
    v = default if v is None else v
    return NAN if v is None else float(v)


def attributed_sessions(traffic: pd.DataFrame | None, start: DateLike, end: DateLike, by: str | None,
                        campaigns: Iterable[Mapping[str, Any]] = ()) -> pd.Series:
    """Sessions per ``by`` key, counted as :func:`metrics.roi.roi_table` counts conversions:
    social traffic, or traffic tagged with a registered campaign."""
    lookup = _campaign_lookup(campaigns)
    rows = select_rows(traffic, start, end)
    r = _pick(rows, "campaign" if by == "campaign" else "social", by="sessions")
    if not len(r):
        return pd.Series(dtype="float64")
    known = per_distinct(r["campaign"], lambda c: fold(c) in lookup).infer_objects().astype(bool)
    r = r[r["is_social"].to_numpy(dtype=bool) | known.to_numpy(dtype=bool)]
    if by == "campaign":
        key = per_distinct(r["campaign"], lambda c: _canon(c, lookup)).infer_objects().fillna(NO_CAMPAIGN)
    elif by == "platform":
        key = r["platform"].fillna(NO_CAMPAIGN)
    else:
        key = pd.Series("all", index=r.index)
    return r["sessions"].groupby(key.to_numpy()).sum(min_count=1)


def campaign_table(
    costs: pd.DataFrame | None,
    traffic: pd.DataFrame | None,
    leads: pd.DataFrame | None,
    start: DateLike,
    end: DateLike,
    by: str | None = "campaign",
    tz: str | None = "UTC",
    campaigns: Iterable[Mapping[str, Any]] = (),
    currency: str | None = None,
    rates: Mapping[str, float] | None = None,
    value_per_conversion: float | None = None,
    value_per_lead: float | None = None,
) -> pd.DataFrame:
    """``roi_table`` over ``[start, end]`` with ``sessions`` and, per campaign, the registry's
    ``registered, utm_campaign, start, end, budget, objective, platforms``. Registered
    campaigns without any data in the period are listed too (all NaN, reasons ``no_*``)."""
    campaigns = list(campaigns or ())
    t = roi_table(costs, traffic, leads, start, end, by, tz, campaigns, currency, rates, value_per_conversion, value_per_lead)
    sess = attributed_sessions(traffic, start, end, by, campaigns)
    if by == "campaign":
        names = [str(c.get("name") or c.get("utm_campaign")) for c in campaigns if c.get("name") or c.get("utm_campaign")]
        missing = [n for n in names if n not in set(t["key"])]
        if missing:
            empty = roi_table(None, None, None, start, end, None)
            filler = pd.concat([empty.assign(key=n) for n in missing], ignore_index=True)
            t = pd.concat([t, filler], ignore_index=True) if len(t) else filler
    t["sessions"] = t["key"].map(sess).astype("float64")
    if by == "campaign":
        lookup = _campaign_lookup(campaigns)
        cfgs = [lookup.get(fold(k) or "") for k in t["key"]]
        t["registered"] = [c is not None for c in cfgs]
        for col in ("utm_campaign", "start", "end", "objective"):
            t[col] = [c.get(col) if c else None for c in cfgs]
        t["budget"] = [float(c["budget"]) if c and c.get("budget") is not None else NAN for c in cfgs]
        t["platforms"] = [tuple(c.get("platforms") or ()) if c else () for c in cfgs]
    return t.sort_values("key", kind="stable").reset_index(drop=True)


def campaign_span(cfg: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    def parse(v: Any) -> dt.date | None:
        try:
            return day(v).date() if v else None
        except (ValueError, TypeError):
            return None

    return parse(cfg.get("start")), parse(cfg.get("end"))


def cumulative(
    costs: pd.DataFrame | None,
    traffic: pd.DataFrame | None,
    leads: pd.DataFrame | None,
    campaign: str,
    start: DateLike,
    end: DateLike,
    tz: str | None = "UTC",
    campaigns: Iterable[Mapping[str, Any]] = (),
    currency: str | None = None,
    rates: Mapping[str, float] | None = None,
    value_per_conversion: float | None = None,
    value_per_lead: float | None = None,
) -> pd.DataFrame:
    """One campaign's days in ``[start, end]``: ``day, cost, value, value_measured,
    value_estimated, cum_cost, cum_value, cum_measured`` (cumulated; NaN before anything is
    known). Same attribution and currency rules as :func:`metrics.roi.roi_table` by campaign;
    where the period has no traffic revenue (or conversions) the ad platforms' own figures
    are used, as there."""
    campaigns = list(campaigns or ())
    lookup = _campaign_lookup(campaigns)
    want = _canon(campaign, lookup)
    cfg = lookup.get(fold(campaign) or "")
    vpc, vpl = _vp(cfg, "value_per_conversion", value_per_conversion), _vp(cfg, "value_per_lead", value_per_lead)
    days = pd.date_range(day(start), day(end), freq="D")
    out = pd.DataFrame({"day": days})
    idx = pd.Index(days)

    ac = allocate_costs(costs, start, end)
    ac = ac[ac["platform"].fillna("") != "web"]
    ac = ac[per_distinct(ac["campaign"], lambda c: _canon(c, lookup) == want).infer_objects().astype(bool).to_numpy(dtype=bool)]
    ac = ac.assign(home=convert_currency(ac["amount"], ac["currency"], currency, rates))
    cost = ac.groupby("day")["home"].sum(min_count=1).reindex(idx)
    ads = ac[ac["category"] == "ads"]
    ads_conv = ads.groupby("day")["conversions"].sum(min_count=1).reindex(idx)
    ads_val = ads.groupby("day")["conversion_value"].sum(min_count=1).reindex(idx)

    rows = select_rows(traffic, start, end)
    series: dict[str, pd.Series] = {}
    for col in ("revenue", "conversions"):
        r = _pick(rows, "campaign", by=col)
        if len(r):
            known = per_distinct(r["campaign"], lambda c: fold(c) in lookup).infer_objects().astype(bool)
            r = r[r["is_social"].to_numpy(dtype=bool) | known.to_numpy(dtype=bool)]
            r = r[per_distinct(r["campaign"], lambda c: _canon(c, lookup) == want).infer_objects().astype(bool).to_numpy(dtype=bool)]
            series[col] = r.groupby("date")[col].sum(min_count=1).reindex(idx)
        else:
            series[col] = pd.Series(NAN, index=idx)
    revenue, conversions = series["revenue"], series["conversions"]
    if revenue.isna().all() and ads_val.notna().any():
        revenue = ads_val
    if conversions.isna().all() and ads_conv.notna().any():
        conversions = ads_conv

    lf = leads_in_period(leads, start, end, tz)
    if len(lf):
        social = lf["platform"].notna() | per_distinct(lf["medium"], lambda m: fold(m) in SOCIAL_MEDIUMS).infer_objects().astype(bool) | (
            per_distinct(lf["campaign"], lambda c: fold(c) in lookup).infer_objects().astype(bool))
        lf = lf[social.astype(bool).to_numpy(dtype=bool)]
        lf = lf[per_distinct(lf["campaign"], lambda c: _canon(c, lookup) == want).infer_objects().astype(bool).to_numpy(dtype=bool)]
        nleads = lf.groupby("day")["lead_id"].size().astype("float64").reindex(idx)
    else:
        nleads = pd.Series(NAN, index=idx)

    est = pd.concat([conversions * vpc, nleads * vpl], axis=1).sum(axis=1, min_count=1)
    out["cost"] = cost.to_numpy()
    out["value_measured"] = revenue.to_numpy()
    out["value_estimated"] = est.to_numpy()
    out["value"] = pd.concat([revenue, est], axis=1).sum(axis=1, min_count=1).to_numpy()
    for src, dst in (("cost", "cum_cost"), ("value", "cum_value"), ("value_measured", "cum_measured")):
        s = out[src]
        c = s.fillna(0.0).cumsum()
        out[dst] = c.where(s.notna().cummax(), NAN)
    return out


def assumptions(campaigns: Iterable[Mapping[str, Any]], value_per_conversion: float | None,
                value_per_lead: float | None) -> pd.DataFrame:
    """Per registered campaign: ``name, value_per_conversion, vpc_source, value_per_lead,
    vpl_source`` (source ``campaign`` | ``default`` | None when unknown)."""
    rows = []
    for c in campaigns or ():
        rec: dict[str, Any] = {"name": c.get("name") or c.get("utm_campaign")}
        for key, default, src in (("value_per_conversion", value_per_conversion, "vpc_source"),
                                  ("value_per_lead", value_per_lead, "vpl_source")):
            v = c.get(key)
            if v is not None:
                rec[key], rec[src] = float(v), "campaign"
            elif default is not None:
                rec[key], rec[src] = float(default), "default"
            else:
                rec[key], rec[src] = NAN, None
        rows.append(rec)
    return pd.DataFrame(rows, columns=["name", "value_per_conversion", "vpc_source", "value_per_lead", "vpl_source"])


def validate_campaign(entry: Mapping[str, Any], others: Iterable[Mapping[str, Any]] = ()) -> list[tuple[str, str]]:
    """``[(field, code)]`` problems of one registry entry: ``required``, ``convention``
    (utm_campaign not as the naming convention wants: use :func:`suggest_value`),
    ``duplicate`` (another campaign has the same name or tag, case and ``-``/``_`` aside),
    ``dates`` (end before start), ``negative``, ``objective``."""
    out: list[tuple[str, str]] = []
    name = str(entry.get("name") or "").strip()
    utm = str(entry.get("utm_campaign") or "").strip()
    if not name:
        out.append(("name", "required"))
    if not utm:
        out.append(("utm_campaign", "required"))
    elif naming_issues(utm, "campaign") or suggest_value(utm, "campaign") != utm:
        out.append(("utm_campaign", "convention"))
    keys = {variant_key(name, "campaign"), variant_key(utm, "campaign")} - {None}
    for o in others:
        if keys & ({variant_key(o.get("name"), "campaign"), variant_key(o.get("utm_campaign"), "campaign")} - {None}):
            out.append(("utm_campaign" if variant_key(utm, "campaign") in keys else "name", "duplicate"))
            break
    s, e = campaign_span(entry)
    if s and e and e < s:
        out.append(("end", "dates"))
    for f in ("budget", "value_per_conversion", "value_per_lead"):
        v = entry.get(f)
        if v is not None and (not isinstance(v, (int, float)) or v < 0):
            out.append((f, "negative"))
    if entry.get("objective") and entry.get("objective") not in OBJECTIVES:
        out.append(("objective", "objective"))
    return out


def manual_cost_frame(entries: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Hand-entered costs as ``costs`` rows. Each entry: ``category`` (ads, staff, tools, agency,
    other), ``date``, optional ``period_end``, ``platform``, ``campaign``, ``currency``, ``note``
    and either ``amount`` or ``hours`` x ``rate`` (staff time; the note records the
    arithmetic when none is given). ``source_format`` is ``manual``."""
    rows = []
    for e in entries:
        cat = str(e.get("category") or "other").lower()
        if cat not in COST_CATEGORIES:
            raise ValueError(f"unknown cost category {cat!r}")
        amount = e.get("amount")
        note = (str(e.get("note")).strip() or None) if e.get("note") else None
        if amount is None and e.get("hours") is not None and e.get("rate") is not None:
            amount = round(float(e["hours"]) * float(e["rate"]), 2)
            note = note or f"{float(e['hours']):g} h x {float(e['rate']):g}"
        if amount is None:
            raise ValueError("a cost needs an amount, or hours and an hourly rate")
        rows.append({
            "date": day(e["date"]).date(),
            "period_end": day(e["period_end"]).date() if e.get("period_end") else None,
            "platform": e.get("platform") or None, "campaign": e.get("campaign") or None, "category": cat,
            "amount": float(amount), "currency": (str(e.get("currency")).upper() if e.get("currency") else None),
            "note": note, "source_format": MANUAL_FORMAT,
        })
    return pd.DataFrame(rows, columns=["date", "period_end", "platform", "campaign", "category", "amount", "currency", "note", "source_format"])


def currencies_without_rate(costs: pd.DataFrame | None, currency: str | None, rates: Mapping[str, float] | None) -> list[str]:
    """Currencies found in ``costs`` that are neither the workspace's nor given a rate."""
    if costs is None or not len(costs) or "currency" not in costs.columns:
        return []
    have = {k.upper() for k in (rates or {})} | ({currency.upper()} if currency else set())
    found = {str(c).upper() for c in costs["currency"].dropna().unique() if str(c).strip()}
    return sorted(found - have)


def cost_totals(costs: pd.DataFrame | None, start: DateLike, end: DateLike, currency: str | None,
                rates: Mapping[str, float] | None) -> pd.DataFrame:
    """Cost in the workspace currency per ``category`` over the period (pro rata), NaN where a
    rate is missing."""
    ac = allocate_costs(costs, start, end)
    if not len(ac):
        return pd.DataFrame({"category": pd.Series(dtype="object"), "amount": pd.Series(dtype="float64")})
    ac = ac.assign(home=convert_currency(ac["amount"], ac["currency"], currency, rates))
    g = ac.groupby("category")["home"].agg(lambda s: s.sum(min_count=1) if s.notna().all() else NAN)
    return g.rename("amount").reset_index()


def manual_rows(costs: pd.DataFrame | None) -> pd.DataFrame:
    """Rows entered by hand (``source_format == 'manual'``)."""
    if costs is None or not len(costs) or "source_format" not in costs.columns:
        return pd.DataFrame(columns=list(costs.columns) if costs is not None else [])
    return costs[(costs["source_format"].astype("string") == MANUAL_FORMAT).fillna(False).to_numpy(dtype=bool)]

