"""UTM hygiene: naming conventions for new links, and a report on imported traffic.

Pure functions (no IO, no Streamlit). Two uses:

Link builder
------------
* :func:`suggest_value` turns a typed value into the convention: trimmed, lower case, no
  accents, words joined by ``-`` (``Hiver 2026`` -> ``hiver-2026``); a source that names a
  social platform becomes the platform's id (``fb``, ``m.facebook.com`` -> ``facebook``).
* :func:`check_tags` lists the problems of one set of tags (codes below) with the fix;
  :func:`build_url` writes the tagged link.

Issue codes (``check_tags``): ``required`` (source, medium or campaign missing),
``bad_url``, ``uppercase``, ``spaces`` (leading/trailing/inner blanks), ``underscore``
(``_`` where the convention is ``-``), ``accents``, ``characters`` (anything but
``a-z 0-9 - _ .``), ``source_alias`` (``fb`` for ``facebook``), ``paid_as_social``
(a paid campaign tagged with a social medium: GA4 counts it as *Organic Social*),
``paid_not_paid`` (paid, but the medium is not one GA4 reads as paid), ``unassigned``
(GA4 would file the medium under *Unassigned*), ``not_registered`` (the campaign is not in
the registry).

Hygiene report
--------------
:func:`hygiene_report` reads a ``traffic`` frame (plus the campaign registry and, when
given, ``costs``) and returns one row per finding:

==========================  ======================================================================
``source_variants``         one source spelled several ways (case, ``fb``/``facebook``,
                            ``m.facebook.com``, trailing spaces, ``-``/``_``)
``medium_variants``         the same for mediums
``campaign_variants``       the same for campaigns
``referrer_variants``       referrer host names of one platform (``m.facebook.com``, ``l.facebook.com``):
                            GA4 lists them apart, Boussole counts them as one platform
``missing_medium``          a source or campaign without medium (empty or ``(not set)``)
``unassigned``              a medium GA4 does not know: the sessions land in *Unassigned*
``paid_as_social``          a campaign with ad spend tagged with a social medium
                            (GA4: *Organic Social* instead of *Paid Social*)
``unregistered``            a campaign seen in traffic but absent from the registry
``registry_only``           a registered campaign (started within the data's dates) never seen in traffic
``landing_variants``        one landing page spelled several ways (case, trailing ``/``, ``//``,
                            extra parameters such as ``gtm_debug``)
==========================  ======================================================================

Columns: ``kind, severity`` (``warning`` | ``info``), ``field``, ``property``, ``values``
(tuple of ``(spelling, sessions)``, most sessions first), ``suggestion`` (the value to
use, or None), ``sessions`` (sessions at stake: for variants, those of the spellings other
than the suggestion; NaN when the export has no sessions), ``weight`` and ``weight_metric``
(sessions, else views, else event count: what the export measured), ``cost``.

Sessions come from the traffic rows of one *dimension set* per property and day (the one
with the most sessions among those carrying the field), as :mod:`metrics.traffic` does, so
two breakdowns of one export are never added together.

:func:`url_findings` checks raw landing-page URLs (before import strips tracking
parameters): clicks that carry an ad-platform click id (``fbclid``, ``gclid``...) but no UTM
tag (``untagged_clicks``), and UTM values that break the conventions (``bad_tags``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import numpy as np
import pandas as pd

from metrics import DateLike, combine_codes, day, first_rows, fold, num, per_distinct
from metrics.channels import (
    EMAIL_VALUES,
    PAID_SOCIAL,
    SOCIAL_MEDIUMS,
    default_channel_group,
    is_paid_medium,
    platform_for_source,
)
from metrics.traffic import _prepare

UTM_ORDER = ("source", "medium", "campaign", "id", "term", "content")
REQUIRED = ("source", "medium", "campaign")
# mediums GA4's default channel group reads (besides the paid regex and the social list)
KNOWN_MEDIUMS = (
    "social", "paid_social", "cpc", "ppc", "paid", "display", "cpm", "banner", "email", "referral",
    "organic", "affiliate", "video", "audio", "sms", "push",
)
# unknown medium -> what the author most likely meant
MEDIUM_FIXES = {
    "mail": "email", "mail_lp": "email", "newsletter": "email", "infolettre": "email", "courriel": "email",
    "courriels": "email", "emailing": "email", "e-mailing": "email", "mailing": "email", "news": "email",
    "post": "social", "posts": "social", "story": "social", "stories": "social", "reseaux-sociaux": "social",
    "reseaux_sociaux": "social", "réseaux sociaux": "social", "socialmedia": "social", "organic_social": "social",
    "organic-social": "social", "facebook": "social", "instagram": "social", "linkedin": "social", "twitter": "social",
    "ad": "paid_social", "ads": "paid_social", "sponsored": "paid_social", "sponsorise": "paid_social",
    "sponsorisé": "paid_social", "boost": "paid_social", "boosted": "paid_social", "pub": "paid_social",
    "publicite": "paid_social", "publicité": "paid_social", "link": "referral", "lien": "referral",
}
NOT_SET = frozenset({"(not set)", "(none)", "not set", "(not provided)", "(other)", "none", "null", "undefined"})
# click ids added by ad platforms -> who clicked through
CLICK_IDS = {
    "fbclid": "facebook", "igshid": "instagram", "gclid": "google_ads", "gbraid": "google_ads", "wbraid": "google_ads",
    "dclid": "google_ads", "msclkid": "microsoft_ads", "ttclid": "tiktok", "li_fat_id": "linkedin", "twclid": "x",
    "_z1_msid": "zemanta",
}
DEBUG_PARAMS = frozenset({"gtm_debug", "gtm_preview", "preview", "preview_id", "_gl", "ver", "nocache", "cache"})

FINDING_COLUMNS = ["kind", "severity", "field", "property", "values", "suggestion", "sessions", "weight", "weight_metric", "cost"]
SEVERITY = {
    "source_variants": "warning", "medium_variants": "warning", "campaign_variants": "warning", "missing_medium": "warning",
    "unassigned": "warning", "paid_as_social": "warning", "unregistered": "info", "registry_only": "warning",
    "landing_variants": "info", "referrer_variants": "info", "untagged_clicks": "warning", "bad_tags": "warning",
}
KIND_ORDER = tuple(SEVERITY)


# --------------------------------------------------------------------------- conventions


def strip_accents(s: str) -> str:
    if s.isascii():  # ASCII is left unchanged by NFKD and holds no combining mark
        return s
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def suggest_value(value: object, field: str = "campaign") -> str | None:
    """The value as the naming convention wants it (module docstring); None when empty.

    Mediums keep ``_`` (``paid_social`` is a common, GA4-compatible spelling); other fields
    use ``-`` between words. A source naming a social platform becomes its id."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    s = strip_accents(str(value)).strip().lower()
    if not s:
        return None
    if field == "source":
        plat = platform_for_source(s)
        if plat:
            return plat
        s = s[4:] if s.startswith("www.") else s
    if field == "medium":
        s = re.sub(r"\s+", "_", s)
        s = re.sub(r"[^a-z0-9._-]+", "", s)
        return s or None
    s = re.sub(r"[\s_]+", "-", s)
    s = re.sub(r"[^a-z0-9.-]+", "-", s)
    s = re.sub(r"-{2,}", "-", s).strip("-")
    return s or None


def variant_key(value: object, field: str) -> str | None:
    """Key under which spellings of one value meet: case, accents, blanks, ``-``/``_``, and
    for sources the platform (``fb`` = ``m.facebook.com`` = ``facebook``)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    s = str(value).strip()
    if not s or s.lower() in NOT_SET or (s.startswith("(") and s.endswith(")")):
        return None
    if field == "source":
        plat = platform_for_source(s)
        if plat:
            return plat
    s = strip_accents(s).lower()
    s = s[4:] if field == "source" and s.startswith("www.") else s
    s = re.sub(r"[\s_-]+", "-", s).strip("-")
    return s or None


def naming_issues(value: object, field: str) -> list[str]:
    """Convention codes broken by one value (``uppercase``, ``spaces``, ``underscore``,
    ``accents``, ``characters``, ``source_alias``)."""
    if value is None or (isinstance(value, float) and value != value) or str(value) == "":
        return []
    v = str(value)
    out: list[str] = []
    if v != v.lower():
        out.append("uppercase")
    if v != v.strip() or re.search(r"\s", v):
        out.append("spaces")
    if field not in ("medium",) and "_" in v:
        out.append("underscore")
    if strip_accents(v) != v:
        out.append("accents")
    if re.search(r"[^A-Za-z0-9._\s-]", strip_accents(v)):
        out.append("characters")
    if field == "source":
        plat = platform_for_source(v)
        if plat and v.strip().lower() != plat:
            out.append("source_alias")
    return out


def campaign_keys(campaigns: Iterable[Mapping[str, Any]] | None) -> dict[str, Mapping[str, Any]]:
    """Registry lookup: variant key of ``utm_campaign`` and of ``name`` -> the campaign."""
    out: dict[str, Mapping[str, Any]] = {}
    for c in campaigns or ():
        for k in (c.get("utm_campaign"), c.get("name")):
            key = variant_key(k, "campaign")
            if key and key not in out:
                out[key] = c
    return out


def check_tags(tags: Mapping[str, Any], paid: bool = False, campaigns: Iterable[Mapping[str, Any]] | None = None,
               base_url: str | None = None) -> list[dict[str, Any]]:
    """Problems of one link's tags: ``[{"code", "field", "value", "suggestion", "severity"}]``
    (``error`` for a missing required tag or an unusable URL, else ``warning``/``info``)."""
    out: list[dict[str, Any]] = []

    def add(code: str, field: str | None, value: Any = None, suggestion: Any = None, severity: str = "warning") -> None:
        out.append({"code": code, "field": field, "value": value, "suggestion": suggestion, "severity": severity})

    if base_url is not None and not valid_base_url(base_url):
        add("bad_url", "url", base_url, None, "error")
    for f in REQUIRED:
        if not str(tags.get(f) or "").strip():
            add("required", f, None, None, "error")
    for f in ("source", "medium", "campaign", "content", "term", "id"):
        v = tags.get(f)
        if v is None or str(v) == "":
            continue
        codes = naming_issues(v, f)
        if codes:
            sug = suggest_value(v, f)
            for code in codes:
                add(code, f, v, sug)
    medium = str(tags.get("medium") or "").strip().lower()
    source = str(tags.get("source") or "").strip().lower()
    campaign = str(tags.get("campaign") or "").strip()
    if medium:
        channel = default_channel_group(source, medium, campaign)
        if paid and medium in SOCIAL_MEDIUMS:
            add("paid_as_social", "medium", medium, "paid_social", "warning")
        elif paid and not is_paid_medium(medium) and channel not in ("Display", "Cross-network"):
            add("paid_not_paid", "medium", medium, "paid_social" if platform_for_source(source) else "cpc", "warning")
        if channel == "Unassigned":
            add("unassigned", "medium", medium, MEDIUM_FIXES.get(medium), "warning")
    if campaign and campaigns is not None:
        if variant_key(campaign, "campaign") not in campaign_keys(campaigns):
            add("not_registered", "campaign", campaign, None, "info")
    return out


def valid_base_url(url: str | None) -> bool:
    if not url or not str(url).strip():
        return False
    try:
        parts = urlsplit(str(url).strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in parts.netloc and " " not in str(url).strip()


def build_url(base_url: str, tags: Mapping[str, Any]) -> str:
    """``base_url`` with ``utm_*`` tags (order source, medium, campaign, id, term, content)
    appended to its query; existing ``utm_*`` parameters are replaced, other parameters and
    the ``#fragment`` kept. Values are percent-encoded."""
    parts = urlsplit(str(base_url).strip())
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    q = [f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in kept]
    for f in UTM_ORDER:
        v = tags.get(f)
        if v is not None and str(v).strip():
            q.append(f"utm_{f}={quote(str(v).strip(), safe='-_.~')}")
    path = parts.path or ("/" if parts.netloc else "")
    return urlunsplit((parts.scheme, parts.netloc, path, "&".join(q), parts.fragment))


# --------------------------------------------------------------------------- report helpers


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("sessions", "weight", "cost") else "object") for c in FINDING_COLUMNS})


# columns each field's findings read (besides sessions and weights): its rows are summed per
# distinct combination of them (:func:`_cells`); channel_group is only compared with "Unassigned"
CELL_COLS = {
    "source": ("source", "medium", "campaign"),
    "medium": ("medium", "source", "channel_group"),
    "campaign": ("campaign", "medium", "source"),
    "landing_page": ("property", "landing_page"),
}
WEIGHTS = (("sessions", "sessions"), ("views", "views"), ("event_count", "events"))


def _field_cells(rows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """For each field of :data:`CELL_COLS`: the rows whose dimension set carries the field,
    one set per (property, slot) (:func:`_best_sets`), summed per distinct combination of
    the field's columns (:func:`_cells`). Every finding adds up sessions and weights of rows
    grouped by some of those columns: the sum over a group's cells is the sum over its rows
    (sessions, views and events are counts: sums of whole numbers are exact in any order)."""
    coded: dict[str, tuple[np.ndarray, int]] = {}

    def codes(col: str) -> tuple[np.ndarray, int]:
        """Code of each row's value (-1: missing) and the number of distinct values, each
        column factorised once for every field; channel_group: 1 for "Unassigned", else 0."""
        if col not in coded:
            if col == "channel_group":
                coded[col] = ((rows["channel_group"].to_numpy(dtype=object) == "Unassigned").astype(np.int64), 2)
            else:
                c, u = pd.factorize(rows[col], use_na_sentinel=True)
                coded[col] = (np.asarray(c, dtype=np.int64), len(u))
        return coded[col]

    prop, n_prop = codes("property")
    w, wm = _weights(rows, prop, n_prop)
    setkey, n_sets = codes("setkey")
    best = _best_sets(rows, setkey, n_sets, w, CELL_COLS)
    out = {}
    for field, cols in CELL_COLS.items():
        mask = best[field][setkey]
        cells = _cells(rows, mask, [codes(c) for c in cols], list(cols), w)
        if "property" in cols:
            cells["_wm"] = wm[prop[cells.index.to_numpy()]]
        out[field] = cells
    return out


def _weights(rows: pd.DataFrame, prop: np.ndarray, n_prop: int) -> tuple[np.ndarray, np.ndarray]:
    """``(w, wm)``: each row's weight, what its property measured - sessions, else views, else
    events (the first of them holding a value in any of the property's rows; NaN when none) -
    and that name per property code (``wm[-1]``, rows without property: ``sessions``)."""
    choice = np.full(n_prop + 1, -1)
    values = [rows[c].to_numpy(dtype="float64", na_value=np.nan) for c, _ in WEIGHTS]
    for i, v in enumerate(values):
        has = np.bincount(prop[(prop >= 0) & ~np.isnan(v)], minlength=n_prop) > 0
        choice[:n_prop][(choice[:n_prop] < 0) & has] = i
    pick = choice[prop]
    w = np.full(len(rows), np.nan)
    for i, v in enumerate(values):
        w[pick == i] = v[pick == i]
    names = np.array([name for _, name in WEIGHTS] + ["sessions"], dtype=object)
    return w, names[choice]


def _sums(codes: np.ndarray, n: int, values: np.ndarray) -> np.ndarray:
    """Sum of ``values`` per code ``0..n-1``, skipping NaN; NaN for a code without any value
    (``sum(min_count=1)``)."""
    ok = ~np.isnan(values)
    if not ok.all():
        codes, values = codes[ok], values[ok]
    return np.where(np.bincount(codes, minlength=n) > 0, np.bincount(codes, weights=values, minlength=n), np.nan)


def _best_sets(rows: pd.DataFrame, setkey: np.ndarray, n_sets: int, w: np.ndarray, fields: Iterable[str]) -> dict[str, np.ndarray]:
    """Per field, whether each set (code of ``setkey``; index -1: rows without one, never) is
    used: among the sets of a (property, slot) whose dimension set carries the field, the one
    with the largest total weight ``w`` (-1 when none of its rows has a weight), then fewest
    dimensions, then dimension set name. A set's rows all carry the field or none does, so the
    totals are those of the field's rows."""
    first = first_rows(setkey)
    known = setkey >= 0
    score = _sums(setkey[known], n_sets, w[known])
    score[np.isnan(score)] = -1.0
    dimset = rows["dimset"].to_numpy(dtype=object)[first]
    slot = pd.factorize(rows["slotkey"].to_numpy(dtype=object)[first])[0]
    name_rank = pd.factorize(dimset, sort=True)[0]
    n_dims = np.array([d.count("|") if d else 0 for d in dimset], dtype=np.int64)
    order = np.lexsort((name_rank, n_dims, -score, slot))
    out = {}
    for field in fields:
        carries = {d: field in (d.split("|") if d else []) for d in set(dimset)}
        o = order[np.array([carries[d] for d in dimset[order]], dtype=bool)]
        keep = np.zeros(n_sets + 1, dtype=bool)
        keep[o[np.r_[True, slot[o][1:] != slot[o][:-1]]] if len(o) else o] = True
        out[field] = keep
    return out


def _cells(rows: pd.DataFrame, mask: np.ndarray, codes: list[tuple[np.ndarray, int]], cols: list[str], w: np.ndarray) -> pd.DataFrame:
    """The rows of ``mask`` grouped by their ``codes`` (one array per column, -1: missing): per
    group, ``cols`` as in its first row (index: that row's position), ``sessions`` and ``_w``
    summed (:func:`_sums`); groups in order of first appearance, so a group of cells starts with
    the cell holding the group's first row."""
    idx = np.flatnonzero(mask)
    cell = combine_codes(*(c[idx] for c, _ in codes)) if codes else np.zeros(len(idx), dtype=np.int64)
    n_cells = int(cell.max(initial=-1)) + 1
    first = idx[first_rows(cell)]
    out = rows[cols].iloc[first].set_axis(pd.Index(first))
    out["sessions"] = _sums(cell, n_cells, rows["sessions"].to_numpy(dtype="float64", na_value=np.nan)[idx])
    out["_w"] = _sums(cell, n_cells, w[idx])
    return out


def _sum(s: pd.Series) -> float:
    return float(s.sum(min_count=1)) if len(s) else float("nan")


def _finding(kind: str, field: str | None, prop: str | None, values: list[tuple[str, float]], suggestion: str | None,
             sessions: float, weight: float, metric: str, cost: float = float("nan")) -> dict[str, Any]:
    return {
        "kind": kind, "severity": SEVERITY[kind], "field": field, "property": prop or None,
        "values": tuple(values), "suggestion": suggestion, "sessions": sessions, "weight": weight,
        "weight_metric": metric, "cost": cost,
    }


def _lsum(xs: Sequence[float]) -> float:
    """:func:`_sum` of a list: NaN when empty or all NaN, else the sum of the other values."""
    vals = [x for x in xs if x == x]
    return float(np.sum(vals)) if vals else float("nan")


def _variants(r: pd.DataFrame, field: str, kind: str, registry: Mapping[str, Mapping[str, Any]], metric: str) -> list[dict[str, Any]]:
    """One finding per key (:func:`variant_key`) written in two or more ways; sources split host
    names (``m.facebook.com``: ``referrer_variants``) from typed tags. Spellings in order of weight
    (heaviest first), then spelling; keys in sorted order. Summed per (key, spelling) once, then
    plain lists per key (a per-key frame cost ~2 ms: 12 s for 4,000 distinct sources)."""
    out: list[dict[str, Any]] = []
    if not len(r):
        return out
    raw = r[field].astype("object")
    f = pd.DataFrame({"raw": raw.to_numpy(), "s": r["sessions"].to_numpy(), "w": r["_w"].to_numpy()})
    keys = {v: variant_key(v, field) for v in pd.unique(raw)}
    f["key"] = raw.map(keys).to_numpy()
    f = f[f["key"].notna()]
    if not len(f):
        return out
    g = f.groupby(["key", "raw"], sort=False)[["s", "w"]].sum(min_count=1).reset_index()
    g = g[g.groupby("key", sort=False)["raw"].transform("size").to_numpy() >= 2]  # one spelling: nothing to say
    if not len(g):
        return out
    g = g.sort_values(["key", "w", "raw"], ascending=[True, False, True], na_position="last", kind="mergesort")
    rows = zip(g["key"].tolist(), g["raw"].tolist(), g["s"].tolist(), g["w"].tolist(), strict=True)
    for key, run in itertools.groupby(rows, key=lambda x: x[0]):
        grp = [x[1:] for x in run]
        if field == "source":  # referrer host names (m.facebook.com) apart from typed tags (fb, Facebook)
            hosts = [x for x in grp if "." in str(x[0])]
            tags = [x for x in grp if "." not in str(x[0])]
            if hosts:
                sug = suggest_value(str(key), field)
                spell = [(str(a), float(s_)) for a, s_, _ in hosts]
                out.append(_finding("referrer_variants", field, None, spell, sug, _lsum([x[1] for x in hosts]),
                                    _lsum([x[2] for x in hosts]), metric))
            grp = tags
        if len(grp) >= 2:
            out.append(_variant_finding(grp, field, kind, key, registry, metric))
    return out


def _variant_finding(grp: list[tuple[Any, float, float]], field: str, kind: str, key: str,
                     registry: Mapping[str, Mapping[str, Any]], metric: str) -> dict[str, Any]:
    """``grp``: (spelling, sessions, weight), heaviest first. The suggestion is the registry's
    spelling of a known campaign, else the cleaned heaviest spelling; sessions and weight at stake
    are those of the other spellings."""
    spellings = [(str(a), float(s)) for a, s, _ in grp]
    if field == "campaign" and key in registry:
        suggestion = str(registry[key].get("utm_campaign") or suggest_value(key, field))
    else:
        suggestion = suggest_value(grp[0][0], field)
    other = [x for x in grp if x[0] != suggestion]
    return _finding(kind, field, None, spellings, suggestion, _lsum([x[1] for x in other]), _lsum([x[2] for x in other]), metric)


def _is_not_set(v: object) -> bool:
    """Empty, ``(not set)``, ``(none)``, or any GA4 placeholder in parentheses (``(direct)``, ``(organic)``)."""
    if v is None or (isinstance(v, float) and v != v):
        return True
    s = str(v).strip().lower()
    return not s or s in NOT_SET or (s.startswith("(") and s.endswith(")"))


def _not_set(values: pd.Series) -> pd.Series:
    """:func:`_is_not_set` of each value (once per distinct value), as booleans."""
    return per_distinct(values, _is_not_set).astype(bool)


def _medium_for(source: object) -> str | None:
    s = fold(source) or ""
    if platform_for_source(s):
        return "social"
    if s in EMAIL_VALUES or any(w in s for w in ("newsletter", "infolettre", "mail")):
        return "email"
    return None


def _landing_key(page: str) -> str | None:
    s = str(page).strip()
    if not s or (s.startswith("(") and s.endswith(")")):
        return None
    s = s.split("#", 1)[0].split("?", 1)[0]
    s = re.sub(r"/{2,}", "/", s).lower()
    if len(s) > 1:
        s = s.rstrip("/")
    return s or "/"


# --------------------------------------------------------------------------- the report


def hygiene_report(
    traffic: pd.DataFrame | None,
    campaigns: Iterable[Mapping[str, Any]] | None = (),
    costs: pd.DataFrame | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> pd.DataFrame:
    """Findings on imported traffic over ``[start, end]`` (default: every date in ``traffic``).
    Kinds, columns and rules: module docstring. Sorted by severity, then sessions at stake."""
    campaigns = list(campaigns or ())
    registry = campaign_keys(campaigns)
    rows = _prepare(traffic) if traffic is not None and len(traffic) else pd.DataFrame()
    if len(rows) and (start is not None or end is not None):
        first = rows["pstart"].where(rows["grain"] == "period", rows["date"])
        last = rows["pend"].where(rows["grain"] == "period", rows["date"])
        keep = pd.Series(True, index=rows.index)
        if start is not None:
            keep &= last >= day(start)
        if end is not None:
            keep &= first <= day(end)
        if not keep.all():
            rows = rows[keep.to_numpy(dtype=bool)]
    if not len(rows):
        return _frame(_registry_only(campaigns, set(), costs, None, None))
    metric = "sessions"
    found: list[dict[str, Any]] = []
    by_field = _field_cells(rows)

    # spellings
    for field, kind in (("source", "source_variants"), ("medium", "medium_variants"), ("campaign", "campaign_variants")):
        found += _variants(by_field[field], field, kind, registry, metric)

    # missing medium: a source (other than direct) or a campaign, and no medium
    r = by_field["source"]
    if len(r):
        src_unset = _not_set(r["source"])
        tagged = ~src_unset | ~_not_set(r["campaign"])
        no_med = _not_set(r["medium"])
        direct = per_distinct(r["source"], lambda x: fold(x) == "(direct)").astype(bool)
        both_unset = src_unset & no_med & r["source"].notna() & ~direct
        m = r[((tagged & no_med) | both_unset).to_numpy(dtype=bool)]
        if len(m):
            keys = m.assign(src=m["source"].fillna("(not set)"), camp=m["campaign"].fillna(""))
            for (src, camp), g in keys.groupby(["src", "camp"], sort=True):
                label = f"{src} / {camp}" if camp else str(src)
                found.append(_finding("missing_medium", "medium", None, [(label, _sum(g["sessions"]))], _medium_for(src),
                                      _sum(g["sessions"]), _sum(g["_w"]), metric))

    # mediums GA4 cannot place
    r = by_field["medium"]
    if len(r):
        un = r[(r["channel_group"] == "Unassigned").to_numpy(dtype=bool) & ~_not_set(r["medium"]).to_numpy(dtype=bool)]
        if len(un):
            for med, g in un.groupby(un["medium"].map(lambda x: str(x).strip().lower()), sort=True):
                srcs = g.groupby(g["source"].fillna("(not set)"))["sessions"].sum(min_count=1).sort_values(ascending=False)
                vals = [(f"{s} / {med}", float(v)) for s, v in srcs.items()]
                found.append(_finding("unassigned", "medium", None, vals, MEDIUM_FIXES.get(med), _sum(g["sessions"]), _sum(g["_w"]), metric))

    # campaigns: paid tagged social, unregistered, registry-only
    rc = by_field["campaign"]
    seen: set[str] = set()
    if len(rc):
        keys = per_distinct(rc["campaign"], lambda c: variant_key(c, "campaign"))
        rc = rc.assign(_key=keys.to_numpy())
        rc = rc[rc["_key"].notna()]
        seen = set(rc["_key"])
        paid = _paid_campaigns(costs, campaigns)
        social_tagged = rc[per_distinct(rc["medium"], lambda m: fold(m) in SOCIAL_MEDIUMS).astype(bool).to_numpy(dtype=bool)]
        for key, g in social_tagged.groupby("_key", sort=True):
            if key not in paid:
                continue
            vals = [(f"{s} / {m}", float(v)) for (s, m), v in
                    g.groupby([g["source"].fillna("(not set)"), g["medium"]])["sessions"].sum(min_count=1).sort_values(ascending=False).items()]
            cfg = registry.get(key)
            label = str(cfg.get("utm_campaign")) if cfg and cfg.get("utm_campaign") else str(g["campaign"].iloc[0])
            found.append({**_finding("paid_as_social", "medium", None, vals, "paid_social", _sum(g["sessions"]), _sum(g["_w"]), metric,
                                     paid[key]), "campaign": label, "channel": PAID_SOCIAL})
        # one finding per campaign key missing from the registry, its spellings by sessions; summed once
        # for all keys (a groupby per key cost ~1 ms: seconds for an export with thousands of campaigns)
        un_c = rc[~rc["_key"].isin(list(registry)).to_numpy(dtype=bool)]
        if len(un_c):
            per = un_c.groupby(["_key", "campaign"], sort=True)["sessions"].sum(min_count=1)
            tot = un_c.groupby("_key", sort=True)[["sessions", "_w"]].sum(min_count=1)
            runs = itertools.groupby(zip(per.index.tolist(), per.tolist(), strict=True), key=lambda x: x[0][0])
            # every key has a run: its rows' campaign is what the key was made from, never missing
            for (_key, run), t_s, t_w in zip(runs, tot["sessions"].tolist(), tot["_w"].tolist(), strict=True):
                spell = [(kc[1], v) for kc, v in run]
                if len(spell) > 1:  # heaviest first (pandas' sort: no Series per key when there is one spelling)
                    names, vals = zip(*spell, strict=True)
                    spell = list(pd.Series(vals, index=pd.Index(names, dtype="object"), dtype="float64").sort_values(ascending=False).items())
                found.append({**_finding("unregistered", "campaign", None, [(str(k), float(v)) for k, v in spell],
                                         suggest_value(spell[0][0], "campaign"), float(t_s), float(t_w), metric),
                              "campaign": str(spell[0][0])})
    dmin = rows["date"].min() if "date" in rows else None
    dmax = rows["date"].max() if "date" in rows else None
    found += _registry_only(campaigns, seen, costs, dmin, dmax)

    # landing pages spelled several ways (per property)
    rl = by_field["landing_page"]
    if len(rl):
        rl = rl.assign(_lk=per_distinct(rl["landing_page"], _landing_key).to_numpy())
        rl = rl[rl["_lk"].notna()]
        by_page = rl.groupby(["property", "_lk", "landing_page"], sort=True)
        sp = by_page[["sessions", "_w"]].sum(min_count=1).set_axis(["s", "w"], axis=1).assign(wm=by_page["_wm"].first()).reset_index()
        multi = sp.groupby(["property", "_lk"])["landing_page"].transform("size") > 1
        for (prop, _key), spell in sp[multi.to_numpy(dtype=bool)].groupby(["property", "_lk"], sort=True):
            spell = spell.sort_values(["w", "landing_page"], ascending=[False, True], na_position="last")
            best = str(spell["landing_page"].iloc[0])
            if "?" in best:  # prefer the clean page when it exists
                clean = spell[~spell["landing_page"].str.contains("?", regex=False)]
                best = str(clean["landing_page"].iloc[0]) if len(clean) else best.split("?", 1)[0]
            other = spell[spell["landing_page"] != best]
            metric_l = "sessions" if spell["s"].notna().any() else str(spell["wm"].iloc[0])
            vals = [(str(a), float(x)) for a, x in zip(spell["landing_page"], spell["s"] if metric_l == "sessions" else spell["w"], strict=True)]
            found.append(_finding("landing_variants", "landing_page", prop, vals, best, _sum(other["s"]), _sum(other["w"]), metric_l))
    return _frame(found)


def _paid_campaigns(costs: pd.DataFrame | None, campaigns: list[Mapping[str, Any]]) -> dict[str, float]:
    """Variant keys of campaigns with ad spend -> the spend (NaN when only the registry says so)."""
    out: dict[str, float] = {}
    if costs is not None and len(costs) and "campaign" in costs.columns:
        cat = costs["category"].astype("string").str.lower() if "category" in costs.columns else pd.Series("ads", index=costs.index)
        ads = costs[(cat == "ads").fillna(False).to_numpy(dtype=bool)]
        amounts = num(ads, "amount")
        for c, a in zip(ads["campaign"], amounts, strict=True):
            k = variant_key(c, "campaign")
            if k:
                out[k] = out.get(k, 0.0) + (0.0 if a != a else float(a))
        return out
    for c in campaigns:
        if (c.get("budget") or 0) > 0:
            k = variant_key(c.get("utm_campaign") or c.get("name"), "campaign")
            if k:
                out[k] = float("nan")
    return out


def _registry_only(campaigns: list[Mapping[str, Any]], seen: set[str], costs: pd.DataFrame | None,
                   dmin: Any, dmax: Any) -> list[dict[str, Any]]:
    out = []
    spend = _paid_campaigns(costs, []) if costs is not None else {}
    for c in campaigns:
        keys = {variant_key(c.get("utm_campaign"), "campaign"), variant_key(c.get("name"), "campaign")} - {None}
        if not keys or keys & seen:
            continue
        try:
            cs = day(c["start"]) if c.get("start") else None
            ce = day(c["end"]) if c.get("end") else None
        except (ValueError, TypeError):
            cs = ce = None
        if dmin is not None and pd.notna(dmin) and dmax is not None and pd.notna(dmax):
            if (cs is not None and cs > dmax) or (ce is not None and ce < dmin):
                continue  # outside the imported dates: nothing to expect
        label = str(c.get("utm_campaign") or c.get("name"))
        cost = sum(spend.get(k, 0.0) for k in keys) if any(k in spend for k in keys) else float("nan")
        out.append({**_finding("registry_only", "campaign", None, [(label, 0.0)], label, 0.0, 0.0, "sessions", cost),
                    "campaign": label})
    return out


def _frame(found: list[dict[str, Any]]) -> pd.DataFrame:
    if not found:
        return _empty()
    df = pd.DataFrame(found)
    for c in FINDING_COLUMNS:
        if c not in df.columns:
            df[c] = None
    df["_sev"] = df["severity"].map({"warning": 0, "info": 1})
    df["_kind"] = df["kind"].map({k: i for i, k in enumerate(KIND_ORDER)})
    df = df.sort_values(["_sev", "_kind", "weight"], ascending=[True, True, False], na_position="last", kind="stable")
    extra = [c for c in df.columns if c not in FINDING_COLUMNS and not c.startswith("_")]
    return df[FINDING_COLUMNS + extra].reset_index(drop=True)


# --------------------------------------------------------------------------- raw URLs


def url_findings(urls: Iterable[object], weights: Iterable[object] | None = None) -> pd.DataFrame:
    """Findings on raw landing-page URLs (tracking parameters still in them): clicks with an
    ad-platform click id and no UTM tag (``untagged_clicks``, one finding per platform), and
    UTM values breaking the conventions (``bad_tags``, one per field and spelling)."""
    urls = list(urls)
    ws = [float("nan")] * len(urls) if weights is None else [float(x) if x is not None and x == x else float("nan") for x in weights]
    untagged: dict[str, list[tuple[str, float]]] = {}
    bad: dict[tuple[str, str], float] = {}
    for url, w in zip(urls, ws, strict=True):
        if not isinstance(url, str) or "?" not in url and "#" not in url:
            continue
        q = url.split("?", 1)[1] if "?" in url else url.split("#", 1)[1]
        q = q.replace("&amp;", "&")
        pairs = parse_qsl(q.replace("#", "&").replace(";", "&"), keep_blank_values=True)
        names = {k.strip().lower() for k, _ in pairs}
        has_utm = any(n.startswith("utm_") for n in names)
        if not has_utm:
            for n in names:
                plat = CLICK_IDS.get(n) or ("zemanta" if n.startswith("_z1_") else None)
                if plat:
                    untagged.setdefault(plat, []).append((url, w))
                    break
        for k, v in pairs:
            n = k.strip().lower()
            if n.startswith("utm_") and n[4:] in ("source", "medium", "campaign", "content", "term"):
                if naming_issues(v, n[4:]):
                    key = (n[4:], v)
                    bad[key] = (0.0 if bad.get(key, 0.0) != bad.get(key, 0.0) else bad.get(key, 0.0)) + (0.0 if w != w else w)
    found: list[dict[str, Any]] = []
    for plat, items in sorted(untagged.items()):
        total = sum(x for _, x in items if x == x) if any(x == x for _, x in items) else float("nan")
        pages: dict[str, float] = {}
        for u, x in items:
            p = u.split("?", 1)[0]
            pages[p] = pages.get(p, 0.0) + (0.0 if x != x else x)
        vals = sorted(pages.items(), key=lambda kv: (-kv[1], kv[0]))
        found.append({**_finding("untagged_clicks", "url", None, vals, None, float("nan"), total, "count" if weights is None else "weight"),
                      "platform": plat, "urls": len(items)})
    for (field, v), x in sorted(bad.items()):
        found.append(_finding("bad_tags", field, None, [(v, x)], suggest_value(v, field), float("nan"), x, "weight"))
    return _frame(found)
