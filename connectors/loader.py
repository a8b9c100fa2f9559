"""The one loader of a workspace's numbers: settings, periods and tables, read the same way
for every page, the summary CLI and the report.

* :func:`settings` turns the ``workspace`` config document into :class:`WorkspaceSettings`
  with the one set of defaults (time zone ``UTC``, currency ``CAD``, weeks from Monday).
* :func:`read` reads a table for a period of *local* days: instant columns are read a day
  wider on each side (the workspace time zone moves days by hours; metrics cut exactly),
  and brand columns are attributed through the brand book (:mod:`metrics.brands`): the
  raw spelling stays in ``brand_raw``.
* :func:`load_tables` builds the :class:`metrics.registry.Tables` of a period (with
  history), :func:`load_summary` the summary; :func:`data_span` says which dates hold data.

Everything here is IO (the store) plus pure functions from ``metrics``; the UI caches these
calls in ``ui/data.py`` / ``ui/results.py`` keyed on the store version.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from connectors.schema import PLATFORMS, TABLES
from connectors.store import load_config, read_arrow, read_table
from connectors.store import table_files as store_table_files
from metrics import MENTION_COUNT
from metrics.brands import BrandBook, attribute, brand_book
from metrics.registry import Tables

DEFAULT_TIMEZONE = "UTC"
DEFAULT_CURRENCY = "CAD"
WEEK_STARTS = (0, 6)  # Monday (ISO) or Sunday
_TS = pa.timestamp("us", tz="UTC")

AUDIENCE_COLS = ["date", "platform", "account", "followers", "new_followers", "lost_followers", "impressions", "reach",
                 "engagements", "reactions", "comments", "shares"]
POST_COLS = ["post_id", "platform", "account", "published_at", "impressions", "reach", "engagements", "reactions", "comments",
             "shares", "saves"]
CONTENT_COLS = ["date", "platform", "account", "post_id", "impressions", "reach", "engagements", "reactions", "comments", "shares",
                "saves"]
# what the metrics read of mentions: counted per local day and these columns (:func:`read_mention_days`)
MENTION_KEYS = ["source", "brand", "topic", "sentiment_label"]
MENTION_COLS = ["published_at", *MENTION_KEYS]
SENTIMENT_COLS = ["date", "source", "brand", "topic", "mentions", "positive", "neutral", "negative"]
TRAFFIC_COLS = ["date", "grain", "period_start", "period_end", "property", "source", "medium", "campaign", "content", "term",
                "channel", "landing_page", "dimension", "dimension_value", "sessions", "users", "conversions", "revenue"]
LEAD_COLS = ["lead_id", "created_at", "source", "medium", "campaign", "stage", "value"]
COST_COLS = ["date", "period_end", "platform", "campaign", "category", "amount", "currency", "impressions", "clicks",
             "conversions", "conversion_value"]
# the app's one traffic frame (:func:`prepared_traffic`): what every page's traffic figures read
APP_TRAFFIC_COLS = [*TRAFFIC_COLS, "views", "event_count"]
SUMMARY_TABLES = ("audience", "posts", "content_daily", "mentions", "sentiment_daily", "traffic", "leads", "costs")
CONFIGS = ("workspace", "campaigns", "goals")


@dataclass(frozen=True)
class WorkspaceSettings:
    """A workspace's client settings with defaults applied (the ``workspace`` config document)."""

    slug: str
    display_name: str
    timezone: str = DEFAULT_TIMEZONE
    currency: str = DEFAULT_CURRENCY
    week_start: int = 0
    value_per_conversion: float | None = None
    value_per_lead: float | None = None
    fx_rates: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    brands: BrandBook = field(default_factory=BrandBook, compare=False, hash=False)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _num(v: Any) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if x == x else None


def settings_from(doc: dict[str, Any] | None, slug: str) -> WorkspaceSettings:
    """:class:`WorkspaceSettings` of a ``workspace`` document (invalid values fall back to the defaults)."""
    d = dict(doc or {})
    tz = str(d.get("timezone") or DEFAULT_TIMEZONE)
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = DEFAULT_TIMEZONE
    ws = d.get("week_start", 0)
    return WorkspaceSettings(
        slug=slug,
        display_name=str(d.get("display_name") or "").strip() or slug,
        timezone=tz,
        currency=str(d.get("currency") or DEFAULT_CURRENCY).upper(),
        week_start=ws if ws in WEEK_STARTS else 0,
        value_per_conversion=_num(d.get("value_per_conversion")),
        value_per_lead=_num(d.get("value_per_lead")),
        fx_rates={str(k).upper(): float(v) for k, v in (d.get("fx_rates") or {}).items() if _num(v)},
        brands=brand_book(d),
        raw=d,
    )


def settings(root: Path, ws: str) -> WorkspaceSettings:
    return settings_from(load_config(Path(root), ws, "workspace", {}) or {}, ws)


def attribute_brands(df: pd.DataFrame, book: BrandBook) -> pd.DataFrame:
    """``df`` with ``brand`` replaced by its canonical name (raw spelling in ``brand_raw``)."""
    if "brand" not in df.columns or book.empty:
        return df
    out = df.copy()
    out["brand_raw"] = out["brand"]
    out["brand"] = attribute(out["brand"], book) if len(out) else out["brand"]
    return out


def read(
    root: Path,
    ws: str,
    table: str,
    columns: Sequence[str],
    start: dt.date | None = None,
    end: dt.date | None = None,
    filters: list[tuple[str, str, Any]] | None = None,
    cfg: WorkspaceSettings | None = None,
) -> pd.DataFrame:
    """Rows of ``table`` for local days ``[start, end]`` (only ``columns``), brands attributed.

    For a table partitioned on an instant, the read is a day wider on each side; the caller
    (a metric) cuts exactly in the workspace time zone."""
    t = TABLES[table]
    if t.partition_by and t.columns[t.partition_by] == _TS:
        start = start - dt.timedelta(days=1) if start else None
        end = end + dt.timedelta(days=1) if end else None
    df = read_table(Path(root), ws, table, list(columns), start, end, filters)
    if table in ("mentions", "sentiment_daily") and "brand" in columns:
        df = attribute_brands(df, (cfg or settings(root, ws)).brands)
    return df


def read_coded(root: Path, ws: str, table: str, columns: Sequence[str]) -> pd.DataFrame:
    """The whole ``table`` (only ``columns``) with text columns as pandas categoricals (each
    distinct string converted once, Arrow's dictionary encoding) and dates as ``datetime64``:
    for a frame read only to be turned into another (:func:`metrics.traffic.prepared`), not kept
    or shown (pandas' categorical rules differ from plain strings'). Not for brand columns (no
    attribution here)."""
    tbl = read_arrow(Path(root), ws, table, list(columns))
    coded = {c: pc.dictionary_encode(tbl[c]) if pa.types.is_string(tbl[c].type) or pa.types.is_large_string(tbl[c].type)
             else tbl[c] for c in tbl.column_names}
    return pa.table(coded).to_pandas(date_as_object=False)


def prepared_traffic(root: Path, ws: str) -> tuple[pd.DataFrame, bool]:
    """The workspace's whole traffic history as prepared rows (:func:`metrics.traffic.prepared`,
    columns ``APP_TRAFFIC_COLS``): read back from its derived file (:mod:`connectors.derived`,
    valid while the traffic table's files are unchanged) or prepared and kept there. Returns
    ``(frame, read_back)``; the frame is marked as prepared either way."""
    from connectors import derived
    from metrics.traffic import PREPARED_VERSION, as_prepared, prepared

    frame, read_back = derived.frame(Path(root), ws, "traffic", f"prepared-v{PREPARED_VERSION}",
                                     lambda: prepared(read_coded(Path(root), ws, "traffic", APP_TRAFFIC_COLS)))
    return (as_prepared(frame) if read_back else frame), read_back


def refresh_derived(root: Path, ws: str, tables: Sequence[str]) -> None:
    """After a write to ``tables``: make the derived files that depend on them again (the
    prepared traffic rows), so the first page after an import reads them instead of preparing
    them. Best effort: a failure here is the first page's work, never the import's."""
    if "traffic" not in tables:
        return
    try:
        prepared_traffic(root, ws)
    except Exception:  # noqa: BLE001 - a cache must never fail the write it follows
        return


def read_mention_days(root: Path, ws: str, start: dt.date | None, end: dt.date | None,
                      cfg: WorkspaceSettings | None = None) -> pd.DataFrame:
    """Mentions of local days ``[start, end]`` counted per local day (workspace time zone),
    source, brand spelling, topic and sentiment label: what every metric of the summary reads
    (mention counts, sentiment, share of voice, spikes per day), a few thousand rows a month
    instead of one per mention. Columns ``published_at`` (the local day's noon, as a UTC
    instant: its local day is the day counted), ``source, brand`` (attributed through the brand
    book, raw spelling in ``brand_raw``), ``topic, sentiment_label`` and ``n_mentions`` (rows
    counted). Rows are read a day wider on each side, as :func:`read` does; mentions without a
    date are left out (no metric counts them). Grouped in Arrow, so the texts of a million
    mentions never become Python strings."""
    cfg = cfg or settings(root, ws)
    lo = start - dt.timedelta(days=1) if start else None
    hi = end + dt.timedelta(days=1) if end else None
    tbl = read_arrow(Path(root), ws, "mentions", MENTION_COLS, lo, hi)
    if tbl.num_rows:
        ts = pd.DatetimeIndex(tbl["published_at"].to_numpy(zero_copy_only=False))
        ts = ts.tz_localize("UTC") if ts.tz is None else ts
        local = ts.tz_convert(cfg.timezone).tz_localize(None).normalize()
        day = pa.array(local.to_numpy(dtype="datetime64[D]"), type=pa.date32(), from_pandas=True)
        keyed = pa.table({"day": day, **{c: tbl[c] for c in MENTION_KEYS}}).filter(pc.is_valid(day))
        grouped = keyed.group_by(["day", *MENTION_KEYS], use_threads=False).aggregate([([], "count_all")])
        df = grouped.rename_columns(["day", *MENTION_KEYS, MENTION_COUNT]).to_pandas(date_as_object=False)
    else:  # the empty read's own columns, with an empty day and count
        df = tbl.select(MENTION_KEYS).to_pandas()
        df.insert(0, "day", pd.Series(dtype="datetime64[s]"))
        df[MENTION_COUNT] = pd.Series(dtype="int64")
    noon = pd.DatetimeIndex(df["day"]).as_unit("us") + pd.Timedelta(hours=12)
    at = noon.tz_localize(cfg.timezone, ambiguous=True, nonexistent="shift_forward").tz_convert("UTC")
    df.insert(0, "published_at", at.as_unit("us"))
    df = df.drop(columns="day")
    return attribute_brands(df, cfg.brands)


def _ts(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def tables_from(frames: dict[str, pd.DataFrame], cfg: WorkspaceSettings, campaigns: list[dict[str, Any]]) -> Tables:
    """:class:`Tables` from frames and settings (the one place settings reach the metrics)."""
    b = cfg.brands
    return Tables(
        **frames, tz=cfg.timezone, own_brand=b.own_name, competitors=b.competitor_names, campaigns=list(campaigns),
        currency=cfg.currency, fx_rates=dict(cfg.fx_rates), value_per_conversion=cfg.value_per_conversion,
        value_per_lead=cfg.value_per_lead, week_start=cfg.week_start,
    )


def load_tables(root: Path, ws: str, start: dt.date, end: dt.date, history_from: dt.date | None = None,
                traffic: pd.DataFrame | None = None) -> Tables:
    """What the metrics need for local days ``[start, end]`` (from ``history_from`` when given):
    only the columns used and, for dated tables, only the months in range. Followers are read
    over the whole history up to ``end`` (the last known value, with its date, counts); costs
    too (a row may cover a range starting earlier).

    ``traffic``: the traffic table already read over a wider range (at least ``TRAFFIC_COLS``;
    the app passes its one whole-history frame, shared by every page, so its rows are prepared
    once): the numbers are the same, every traffic metric selecting the rows of its own range."""
    root = Path(root)
    cfg = settings(root, ws)
    campaigns = load_config(root, ws, "campaigns", []) or []
    lo = min(start, history_from) if history_from else start
    wide_lo, wide_hi = lo - dt.timedelta(days=1), end + dt.timedelta(days=1)

    aud = read(root, ws, "audience", AUDIENCE_COLS, lo, end, cfg=cfg)
    older = read(root, ws, "audience", ["date", "platform", "account", "followers"], None, lo - dt.timedelta(days=1), cfg=cfg)
    older = older[older["followers"].notna()]
    if len(older):
        # only the last known value per account matters before ``lo``
        older = older.sort_values("date").groupby(["platform", "account"], dropna=False, sort=False).tail(1)
        older = older.reindex(columns=AUDIENCE_COLS)
        aud = pd.concat([older, aud], ignore_index=True) if len(aud) else older
    inst = [("published_at", ">=", _ts(wide_lo)), ("published_at", "<", _ts(wide_hi + dt.timedelta(days=1)))]
    posts = read_table(root, ws, "posts", POST_COLS, filters=inst)
    leads = read_table(root, ws, "leads", LEAD_COLS,
                       filters=[("created_at", ">=", _ts(wide_lo)), ("created_at", "<", _ts(wide_hi + dt.timedelta(days=1)))])
    costs = read(root, ws, "costs", COST_COLS, None, end, cfg=cfg)
    if len(costs):
        last = pd.to_datetime(costs["period_end"]).fillna(pd.to_datetime(costs["date"]))
        costs = costs[(last >= pd.Timestamp(lo)).to_numpy()]
    frames = {
        "audience": aud,
        "posts": posts,
        "content_daily": read(root, ws, "content_daily", CONTENT_COLS, lo, end, cfg=cfg),
        "mentions": read_mention_days(root, ws, lo, end, cfg),
        "sentiment_daily": read(root, ws, "sentiment_daily", SENTIMENT_COLS, lo, end, cfg=cfg),
        "traffic": read(root, ws, "traffic", TRAFFIC_COLS, lo, end, cfg=cfg) if traffic is None else traffic,
        "leads": leads,
        "costs": costs,
    }
    return tables_from(frames, cfg, campaigns)


def load_summary(root: Path, ws: str, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> dict[str, Any]:
    """The summary of local days ``[start, end]`` (goals from the ``goals`` config, judged on ``as_of``,
    by default the day after ``end``): what the Overview, the CLI and the report show."""
    from metrics.goals import history_start
    from metrics.summary import summary

    goals = load_config(Path(root), ws, "goals", []) or []
    tables = load_tables(Path(root), ws, start, end, history_start(start, goals) if goals else None)
    return summary(tables, start, end, goals, as_of)


def first_day(root: Path, ws: str, tables: Sequence[str] = SUMMARY_TABLES) -> dt.date | None:
    """A day before which no row of ``tables`` lies (in any time zone), cheaply: the first day of
    the earliest month partition of a dated table, the earliest instant of an undated one
    (posts, leads), less two days (UTC partitions versus local days, and reads a day wider).
    Reading from any earlier day gives the same rows: :func:`load_tables` of ``[lo, end]`` equals
    that of ``[max(lo, first_day), end]``. None when no table holds a dated row."""
    root = Path(root)
    lows: list[dt.date] = []
    for tb in tables:
        t = TABLES[tb]
        if t.partition_by:
            months = [p.name.split(".")[0] for p in store_table_files(root, ws, tb)]
            months = [m for m in months if re.fullmatch(r"\d{4}-\d{2}", m)]
            if months:
                y, m = min(months).split("-")
                lows.append(dt.date(int(y), int(m), 1))
            continue
        col = "published_at" if tb == "posts" else "created_at" if tb == "leads" else None
        if col is None or col not in t.columns:
            continue
        s = pd.to_datetime(read_table(root, ws, tb, [col])[col], utc=True).dropna()
        if len(s):
            lows.append(s.min().date())
    return min(lows) - dt.timedelta(days=2) if lows else None


def data_span(root: Path, ws: str, tables: Sequence[str] = SUMMARY_TABLES) -> dict[str, tuple[dt.date, dt.date]]:
    """First and last local day holding rows, per table (only the date column is read);
    tables without rows are absent."""
    cfg = settings(root, ws)
    out: dict[str, tuple[dt.date, dt.date]] = {}
    for tb in tables:
        t = TABLES[tb]
        col = t.partition_by or ("created_at" if tb == "leads" else None)
        if not col:
            continue
        bounds = _stats_bounds(Path(root), ws, tb, col)
        s = pd.Series(bounds, dtype=object) if bounds is not None else read_table(Path(root), ws, tb, [col])[col]
        s = s.dropna()
        if not len(s):
            continue
        if t.columns[col] == _TS:
            s = pd.to_datetime(s, utc=True).dt.tz_convert(cfg.timezone)
            lo, hi = s.min().date(), s.max().date()
        else:
            s = pd.to_datetime(s)
            lo, hi = s.min().date(), s.max().date()
        out[tb] = (lo, hi)
    return out


def _stats_bounds(root: Path, ws: str, table: str, col: str) -> list[Any] | None:
    """Smallest and largest non-null value of ``col`` over the table's committed files, from
    the Parquet statistics of each row group (no data read); None when a row group holding
    values has no statistics (then the column is read)."""
    import pyarrow.parquet as pq

    values: list[Any] = []
    try:
        for f in store_table_files(root, ws, table):
            meta = pq.ParquetFile(f).metadata
            j = meta.schema.names.index(col) if col in meta.schema.names else -1
            if j < 0:
                return None
            for i in range(meta.num_row_groups):
                c = meta.row_group(i).column(j)
                st = c.statistics
                if c.num_values == 0 or (st is not None and st.null_count == c.num_values):
                    continue  # an empty or all-null row group
                if st is None or not st.has_min_max:
                    return None
                values += [st.min, st.max]
    except (OSError, ValueError, pa.ArrowException):
        return None
    return values


# --------------------------------------------------------------------------- client settings (validation)

_CURRENCY = re.compile(r"^[A-Z]{3}$")



def parse_brand_line(line: str) -> dict[str, Any] | None:
    """One brand written on a line: ``Name, alias, platform: handle, …`` (commas or semicolons
    between items; an item ``platform: handle`` with a known platform id is a handle, any
    other item an alias) -> ``{"name", "aliases", "handles"}``; None for a blank line."""
    items = [x.strip() for x in re.split(r"[,;]", line or "") if x.strip()]
    if not items:
        return None
    name, aliases, handles = items[0], [], {}
    for it in items[1:]:
        p, sep, h = it.partition(":")
        if sep and p.strip().lower() in PLATFORMS and h.strip():
            handles.setdefault(p.strip().lower(), []).append(h.strip())
        elif it not in aliases:
            aliases.append(it)
    return {"name": name, "aliases": aliases, "handles": handles}


def format_brand_line(entry: Any) -> str:
    """Inverse of :func:`parse_brand_line`."""
    e = {"name": entry} if isinstance(entry, str) else dict(entry or {})
    parts = [str(e.get("name") or "")] + list(e.get("aliases") or [])
    parts += [f"{p}: {h}" for p, hs in (e.get("handles") or {}).items() for h in (hs if isinstance(hs, list) else [hs])]
    return ", ".join(x for x in parts if x)


def validate_settings(doc: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Clean a ``workspace`` settings document; returns it and ``[(field, error code)]``.

    Codes: ``tz`` (unknown time zone), ``currency`` (not 3 letters), ``week_start``, ``colour``
    (not ``#RRGGBB``),
    ``value`` (negative or not a number), ``own_brand`` (aliases without a brand name),
    ``duplicate`` (a name or alias claimed by two brands), ``name`` (a brand without a name)."""
    from metrics.brands import alias_key

    d = dict(doc)
    errors: list[tuple[str, str]] = []
    d["display_name"] = str(d.get("display_name") or "").strip()
    tz = str(d.get("timezone") or "").strip()
    try:
        zoneinfo.ZoneInfo(tz)
        d["timezone"] = tz
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.append(("timezone", "tz"))
    cur = str(d.get("currency") or "").strip().upper()
    if _CURRENCY.match(cur):
        d["currency"] = cur
    else:
        errors.append(("currency", "currency"))
    if d.get("week_start", 0) not in WEEK_STARTS:
        errors.append(("week_start", "week_start"))
    for k in ("value_per_conversion", "value_per_lead"):
        v = d.get(k)
        if v is None or v == "":
            d.pop(k, None)
            continue
        x = _num(v)
        if x is None or x < 0:
            errors.append((k, "value"))
        else:
            d[k] = x
    colour = str(d.get("brand_color") or "").strip()
    if colour and not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        errors.append(("brand_color", "colour"))
    d["own_brand"] = str(d.get("own_brand") or "").strip()
    if not d["own_brand"] and (d.get("own_aliases") or d.get("own_handles")):
        errors.append(("own_brand", "own_brand"))
    seen: dict[str, str] = {}

    def claim(field_name: str, owner: str, spellings: list[str]) -> None:
        for sp in spellings:
            k = alias_key(sp)
            if k and seen.get(k, owner) != owner:
                errors.append((field_name, "duplicate"))
                return
            if k:
                seen[k] = owner

    if d["own_brand"]:
        own_handles = d.get("own_handles") or {}
        claim("own_brand", "own", [d["own_brand"], *(d.get("own_aliases") or []),
                                   *(h for hs in own_handles.values() for h in hs)])
    for kind in ("competitors", "partners"):
        cleaned = []
        for e in d.get(kind) or []:
            e = {"name": e} if isinstance(e, str) else dict(e)
            name = str(e.get("name") or "").strip()
            if not name:
                if e.get("aliases") or e.get("handles"):
                    errors.append((kind, "name"))
                continue
            e["name"] = name
            claim(kind, f"{kind}:{name}", [name, *(e.get("aliases") or []),
                                           *(h for hs in (e.get("handles") or {}).values() for h in hs)])
            cleaned.append(e)
        d[kind] = cleaned
    return d, errors
