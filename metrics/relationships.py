"""Objective 3 - relationships: new contacts and leads, their source, progress and value.

A lead is *new* in the period when its ``created_at`` (UTC) falls in it, the day taken in
the workspace time zone. Funnel stages, in order: ``new -> contacted -> qualified -> won``;
``lost`` is kept apart. Stage names are matched case-insensitively, in English or French
(nouveau, contacté, qualifié, gagné, perdu); an unknown or empty stage counts as ``new``.
A lead at a stage has passed every earlier one, so *reached(stage)* counts leads whose
current stage is that stage or a later one (won leads reached every stage; lost leads
only ``new``, since where they dropped out is not recorded). Stage-to-stage conversion =
reached(next) / reached(stage), NaN when reached(stage) is 0.
"""

from __future__ import annotations

import pandas as pd

from metrics import NAN, DateLike, day, fold, local_day_series, memo, nullify, num, per_distinct, safe_div, text, total
from metrics.channels import platform_for_source

FUNNEL = ("new", "contacted", "qualified", "won")
LOST = "lost"
_STAGE_ALIASES = {
    "new": "new", "nouveau": "new", "nouvelle": "new", "lead": "new", "open": "new", "ouvert": "new",
    "contacted": "contacted", "contacté": "contacted", "contacte": "contacted", "contactée": "contacted",
    "in progress": "contacted", "en cours": "contacted",
    "qualified": "qualified", "qualifié": "qualified", "qualifie": "qualified", "qualifiée": "qualified",
    "opportunity": "qualified", "opportunité": "qualified",
    "won": "won", "gagné": "won", "gagne": "won", "customer": "won", "client": "won", "closed won": "won", "converted": "won",
    "lost": "lost", "perdu": "lost", "perdue": "lost", "closed lost": "lost", "disqualified": "lost",
}


def normalize_stage(stage: object) -> str:
    """A stage label -> one of ``new, contacted, qualified, won, lost`` (unknown -> ``new``)."""
    if stage is None or (isinstance(stage, float) and stage != stage):
        return "new"
    return _STAGE_ALIASES.get(str(stage).strip().lower(), "new")


def leads_in_period(leads: pd.DataFrame | None, start: DateLike, end: DateLike, tz: str | None = "UTC") -> pd.DataFrame:
    """Leads created in ``[start, end]`` with normalised ``stage``, ``platform`` (from source) and ``day``."""
    f = memo("leads", (leads,), (tz,), lambda: _prepare_leads(leads, tz))
    return f[(f["day"] >= day(start)) & (f["day"] <= day(end))]


def _prepare_leads(leads: pd.DataFrame | None, tz: str | None) -> pd.DataFrame:
    if leads is None or not len(leads) or "created_at" not in leads.columns:
        return pd.DataFrame({"lead_id": pd.Series(dtype="object"), "day": pd.Series(dtype="datetime64[ns]"),
                             **{c: pd.Series(dtype="object") for c in ("source", "medium", "campaign", "stage")},
                             "value": pd.Series(dtype="float64"), "platform": pd.Series(dtype="object")})
    out = pd.DataFrame({
        "lead_id": text(leads, "lead_id"), "day": local_day_series(leads["created_at"], tz), "source": text(leads, "source"),
        "medium": text(leads, "medium"), "campaign": text(leads, "campaign"),
        "stage": text(leads, "stage").map(normalize_stage), "value": num(leads, "value"),
    })
    out["platform"] = per_distinct(out["source"], platform_for_source)
    return out


def new_leads(leads, start, end, tz="UTC", platform=None, campaign=None) -> float:
    """Number of leads created in the period (optionally from one platform or campaign).

    NaN when no lead is recorded in the period (the metric has no data)."""
    f = leads_in_period(leads, start, end, tz)
    f = _scope(f, platform, campaign)
    return float(len(f)) if len(f) else NAN


def _scope(f: pd.DataFrame, platform: str | None, campaign: str | None) -> pd.DataFrame:
    if platform is not None:
        f = f[f["platform"] == platform]
    if campaign is not None:
        # a boolean mask even for no rows (an empty object Series would select no columns)
        f = f[f["campaign"].map(lambda c: fold(c) == fold(campaign)).astype(bool)]
    return f


def lead_value(leads, start, end, tz="UTC", platform=None, campaign=None) -> float:
    """Sum of ``value`` of the leads created in the period (as recorded). NaN when none is valued."""
    f = _scope(leads_in_period(leads, start, end, tz), platform, campaign)
    return total(f["value"])


def new_leads_by(leads, start, end, by: tuple[str, ...] = ("source", "campaign"), tz="UTC") -> pd.DataFrame:
    """New leads and their value per ``by`` (any of source, medium, campaign, platform, stage)."""
    f = leads_in_period(leads, start, end, tz)
    g = f.assign(**{c: f[c].fillna("") for c in by}).groupby(list(by), sort=True)
    out = g.agg(leads=("lead_id", "size"), value=("value", lambda s: s.sum(min_count=1))).reset_index()
    for c in by:
        out[c] = nullify(out[c])
    return out


def stage_counts(leads, start, end, tz="UTC") -> pd.DataFrame:
    """Funnel of the leads created in the period, one row per stage (``new, contacted,
    qualified, won, lost``): ``current`` (leads now at that stage), ``reached`` (leads
    that got at least that far; see module) and ``conversion`` (reached(next stage) /
    reached(this stage), on the row of this stage; NaN for ``won``/``lost`` and on zero)."""
    f = leads_in_period(leads, start, end, tz)
    current = f["stage"].value_counts()
    cur = {s: int(current.get(s, 0)) for s in (*FUNNEL, LOST)}
    rank = {s: i for i, s in enumerate(FUNNEL)}
    reached = {s: sum(v for k, v in cur.items() if k != LOST and rank[k] >= rank[s]) for s in FUNNEL}
    reached["new"] += cur[LOST]
    rows = []
    for i, s in enumerate(FUNNEL):
        conv = safe_div(reached[FUNNEL[i + 1]], reached[s]) if i + 1 < len(FUNNEL) else NAN
        rows.append({"stage": s, "current": cur[s], "reached": reached[s], "conversion": conv})
    rows.append({"stage": LOST, "current": cur[LOST], "reached": cur[LOST], "conversion": NAN})
    return pd.DataFrame(rows)


def win_rate(leads, start, end, tz="UTC") -> float:
    """Won / (won + lost) among the leads created in the period; NaN when none is closed."""
    f = leads_in_period(leads, start, end, tz)
    won, lost = float((f["stage"] == "won").sum()), float((f["stage"] == LOST).sum())
    return safe_div(won, won + lost)
