"""Canonical tables of the Boussole store: columns, Arrow types, primary keys.

Every table lives in ``<root>/<workspace>/<table>/`` as Parquet files that share
exactly the schema below, so ``pandas.read_parquet(dir)`` (or DuckDB, Spark)
returns the whole table.

Conventions
-----------
* ``date`` columns are calendar days (Arrow ``date32``) in the account's own
  reporting day, as the platform exported them.
* ``*_at`` columns are instants in UTC (``timestamp[us, tz=UTC]``).
* Counts are nullable ``int64``; a metric an export lacks is **null, never 0**.
* Money and rates are ``float64``.
* ``partition_by`` names the column whose calendar month decides the Parquet
  file a row lands in (``<table>/<YYYY-MM>.parquet``); rows where it is null go
  to ``<table>/undated.parquet``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

PLATFORMS = ("x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "mastodon", "bluesky", "web")
# non-social sources that also land in account-level tables (Google Business Profile, Search Console, Google Ads)
OTHER_PLATFORMS = ("google_business", "google_search", "google_ads")
SENTIMENT_LABELS = ("positive", "neutral", "negative")
SENTIMENT_ORIGINS = ("export", "model", "manual")
COST_CATEGORIES = ("ads", "staff", "tools", "agency", "other")

STR = pa.string()
INT = pa.int64()
FLOAT = pa.float64()
DATE = pa.date32()
TS = pa.timestamp("us", tz="UTC")
BOOL = pa.bool_()


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict[str, pa.DataType]
    primary_key: tuple[str, ...]
    partition_by: str | None
    required: tuple[str, ...] = ()
    non_negative: tuple[str, ...] = ()
    description: str = ""
    # columns whose values, when the stored row has them and the incoming one does not,
    # are kept (merge instead of overwrite), e.g. a newer export that lacks a column.
    keep_stored_when_null: bool = True
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(n, t) for n, t in self.columns.items()])

    @property
    def value_columns(self) -> list[str]:
        return [c for c in self.columns if c not in self.primary_key]


_POST_METRICS: dict[str, pa.DataType] = {
    "impressions": INT,
    "reach": INT,
    "views": INT,
    "engagements": INT,
    "reactions": INT,
    "comments": INT,
    "shares": INT,
    "clicks": INT,
    "saves": INT,
    "follows": INT,
    "watch_time_hours": FLOAT,
    "revenue": FLOAT,
    "subscribers_net": INT,
}

TABLES: dict[str, Table] = {}


def _register(t: Table) -> Table:
    TABLES[t.name] = t
    return t


AUDIENCE = _register(
    Table(
        name="audience",
        description="Account-level daily series, one row per (platform, account, date).",
        columns={
            "date": DATE,
            "platform": STR,
            "account": STR,
            "followers": INT,  # total at end of day
            "new_followers": INT,
            "lost_followers": INT,
            "impressions": INT,
            "reach": INT,
            "views": INT,
            "engagements": INT,
            "profile_views": INT,
            "reactions": INT,
            "comments": INT,
            "shares": INT,
            "clicks": INT,
            "posts_published": INT,
            "source_format": STR,
        },
        primary_key=("platform", "account", "date"),
        partition_by="date",
        required=("date", "platform", "account"),
        non_negative=(
            "followers", "new_followers", "lost_followers", "impressions", "reach", "views",
            "engagements", "profile_views", "reactions", "comments", "shares", "clicks", "posts_published",
        ),
        enums={"platform": PLATFORMS + OTHER_PLATFORMS},
    )
)

POSTS = _register(
    Table(
        name="posts",
        description="One row per (platform, post_id): lifetime metrics as of the export.",
        columns={
            "post_id": STR,
            "platform": STR,
            "account": STR,
            "published_at": TS,
            "text": STR,
            "url": STR,
            "post_type": STR,
            **_POST_METRICS,
            "as_of": TS,
            "source_format": STR,
        },
        primary_key=("platform", "post_id"),
        partition_by=None,
        required=("post_id", "platform"),
        non_negative=tuple(k for k in _POST_METRICS if k != "subscribers_net"),
        enums={"platform": PLATFORMS},
    )
)

CONTENT_DAILY = _register(
    Table(
        name="content_daily",
        description="Per post per day, where an export has that grain (e.g. YouTube chart data).",
        columns={
            "date": DATE,
            "platform": STR,
            "account": STR,
            "post_id": STR,
            **_POST_METRICS,
            "source_format": STR,
        },
        primary_key=("platform", "account", "post_id", "date"),
        partition_by="date",
        required=("date", "platform", "post_id"),
        non_negative=tuple(k for k in _POST_METRICS if k != "subscribers_net"),
        enums={"platform": PLATFORMS},
    )
)

MENTIONS = _register(
    Table(
        name="mentions",
        description="One row per mention (listening exports, feeds, APIs).",
        columns={
            "mention_id": STR,
            "source": STR,
            "published_at": TS,
            "author": STR,
            "author_followers": INT,
            "text": STR,
            "url": STR,
            "lang": STR,
            "reach": INT,
            "engagements": INT,
            "sentiment_label": STR,
            "sentiment_score": FLOAT,
            "sentiment_origin": STR,
            "brand": STR,
            "topic": STR,
            "replied_at": TS,
            "source_format": STR,
        },
        primary_key=("mention_id",),
        partition_by="published_at",
        required=("mention_id", "published_at"),
        non_negative=("author_followers", "reach", "engagements"),
        enums={"sentiment_label": SENTIMENT_LABELS, "sentiment_origin": SENTIMENT_ORIGINS},
    )
)

SENTIMENT_DAILY = _register(
    Table(
        name="sentiment_daily",
        description="Aggregated listening series (dashboard exports giving sentiment per day).",
        columns={
            "date": DATE,
            "source": STR,
            "brand": STR,
            "topic": STR,
            "mentions": INT,
            "positive": INT,
            "neutral": INT,
            "negative": INT,
            "net_sentiment": FLOAT,
            "derived": BOOL,  # counts derived from percentages x volume
            "source_format": STR,
        },
        primary_key=("date", "source", "brand", "topic"),
        partition_by="date",
        required=("date",),
        non_negative=("mentions", "positive", "neutral", "negative"),
    )
)

TRAFFIC = _register(
    Table(
        name="traffic",
        description=(
            "Web analytics at the export's grain. grain='day': one row per day and dimensions; "
            "grain='period': totals over [period_start, period_end] from exports without a date column "
            "(date = period_start)."
        ),
        columns={
            "date": DATE,
            "grain": STR,
            "period_start": DATE,
            "period_end": DATE,
            "property": STR,
            "source": STR,
            "medium": STR,
            "campaign": STR,
            "content": STR,
            "term": STR,
            "channel": STR,
            "landing_page": STR,
            "dimension": STR,  # name of any other breakdown (e.g. 'event_name', 'city')
            "dimension_value": STR,
            "sessions": INT,
            "users": INT,
            "new_users": INT,
            "engaged_sessions": INT,
            "views": INT,
            "event_count": INT,
            "conversions": FLOAT,
            "revenue": FLOAT,
            "source_format": STR,
        },
        primary_key=(
            "property", "grain", "date", "period_end", "source", "medium", "campaign", "content", "term",
            "channel", "landing_page", "dimension", "dimension_value",
        ),
        partition_by="date",
        required=("date", "grain"),
        non_negative=("sessions", "users", "new_users", "engaged_sessions", "views", "event_count"),
        enums={"grain": ("day", "period")},
    )
)

LEADS = _register(
    Table(
        name="leads",
        description="Contacts and leads; lead_id is a salted hash, never an e-mail or phone in clear.",
        columns={
            "lead_id": STR,
            "created_at": TS,
            "source": STR,
            "medium": STR,
            "campaign": STR,
            "stage": STR,
            "value": FLOAT,
            "source_format": STR,
        },
        primary_key=("lead_id",),
        partition_by=None,
        required=("lead_id", "created_at"),
        non_negative=("value",),
    )
)

COSTS = _register(
    Table(
        name="costs",
        description="Spend: ads (Meta Ads Manager, Google Ads), staff, tools, agency.",
        columns={
            "date": DATE,
            "period_end": DATE,
            "platform": STR,
            "campaign": STR,
            "category": STR,
            "amount": FLOAT,
            "currency": STR,
            "impressions": INT,
            "clicks": INT,
            "conversions": FLOAT,
            "conversion_value": FLOAT,
            "note": STR,
            "source_format": STR,
        },
        primary_key=("date", "period_end", "platform", "campaign", "category"),
        partition_by="date",
        required=("date", "category", "amount"),
        non_negative=("amount", "impressions", "clicks"),
        enums={"category": COST_CATEGORIES},
    )
)

AUDIENCE_BREAKDOWN = _register(
    Table(
        name="audience_breakdown",
        description=(
            "Distributions and per-dimension totals over a period (age, gender, country, city, "
            "subscription status, content format, location...): long format, one row per "
            "(platform, account, period, dimension, dimension_value, metric). unit is 'count' or 'share' (0..1)."
        ),
        columns={
            "period_start": DATE,
            "period_end": DATE,
            "platform": STR,
            "account": STR,
            "dimension": STR,
            "dimension_value": STR,
            "metric": STR,
            "value": FLOAT,
            "unit": STR,
            "source_format": STR,
        },
        primary_key=("platform", "account", "period_start", "period_end", "dimension", "dimension_value", "metric"),
        partition_by="period_end",
        required=("dimension", "metric"),
        enums={"unit": ("count", "share", "seconds", "currency")},
    )
)

SEARCH = _register(
    Table(
        name="search",
        description="Search Console performance: clicks and impressions by day or period, query, page, country, device.",
        columns={
            "date": DATE,
            "grain": STR,
            "period_start": DATE,
            "period_end": DATE,
            "property": STR,
            "query": STR,
            "page": STR,
            "country": STR,
            "device": STR,
            "clicks": INT,
            "impressions": INT,
            "position": FLOAT,
            "source_format": STR,
        },
        primary_key=("property", "grain", "date", "period_end", "query", "page", "country", "device"),
        partition_by="date",
        required=("grain",),
        non_negative=("clicks", "impressions"),
        enums={"grain": ("day", "period")},
    )
)

IMPORTS = _register(
    Table(
        name="imports",
        description="The import log.",
        columns={
            "import_id": STR,
            "file_name": STR,
            "sha256": STR,
            "format": STR,
            "table": STR,
            "rows_read": INT,
            "rows_added": INT,
            "rows_updated": INT,
            "rows_skipped": INT,
            "imported_at": TS,
        },
        primary_key=("import_id", "table"),
        partition_by=None,
        required=("import_id",),
    )
)

DATA_TABLES = tuple(n for n in TABLES if n != "imports")
