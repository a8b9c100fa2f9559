"""X / Twitter exports: every fixture imported through the CLI, totals checked against
sums computed here from the raw files (stdlib csv), re-import idempotent."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from connectors.errors import ImportFailure
from connectors.formats.base import ParseContext
from connectors.formats.x_twitter import XTweetActivity
from connectors.importer import detect
from connectors.readers import open_document
from tests.conftest import SHARED_FIXTURES, shared_absent
from tests.helpers import import_quiet, import_twice_quiet

FIXTURES = SHARED_FIXTURES
X = FIXTURES / "twitter_x"
FR = FIXTURES / "fr" / "twitter_x"

LISA = X / "daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv"
LISA_TWEETS = X / "tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv"
SHINY = X / "tweet_activity_metrics_EconomicsShiny_20220201_20220301_en.csv"
SHINY_EXCEL = X / "tweet_activity_excel_resaved_sci_notation_ids__EconomicsShiny.csv"
CONTENT = X / "x_account_analytics_content_2026-07-06_2026-08-02__HestysInvest.csv"
CONTENT_JA = X / "x_account_analytics_content_JAPANESE_headers_2025-11-16_2026-02-13__K_chachamaru.csv"
OVERVIEW = X / "x_account_overview_analytics__vianarafael.csv"
FR_TWEETS = FR / "tweet_activity_metrics_FR_DataBzh_2016-02.csv"

EXPECTED_FORMAT = {
    LISA: "x_tweet_activity_daily",
    LISA_TWEETS: "x_tweet_activity",
    SHINY: "x_tweet_activity",
    SHINY_EXCEL: "x_tweet_activity",
    CONTENT: "x_account_content",
    CONTENT_JA: "x_account_content",
    OVERVIEW: "x_account_overview",
    FR_TWEETS: "x_tweet_activity",
}


@pytest.fixture(autouse=True)
def _need_fixtures():
    if not X.is_dir():
        pytest.skip(shared_absent())


# ----------------------------------------------------------------------------- helpers


def table(store: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(store / "t" / name)


def raw_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def fsum(rows: list[list[str]], i: int) -> int:
    return int(sum(float(r[i]) for r in rows if r[i] not in ("", "-")))


# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize("path", list(EXPECTED_FORMAT), ids=lambda p: p.name[:40])
def test_detected_as_its_format(path: Path, tmp_path: Path) -> None:
    assert detect(path).format == EXPECTED_FORMAT[path]
    renamed = tmp_path / "export (3).csv"
    shutil.copy(path, renamed)
    assert detect(renamed).format == EXPECTED_FORMAT[path]


# ----------------------------------------------------------------------------- legacy tweet activity


@pytest.mark.parametrize("path", [LISA_TWEETS, SHINY], ids=lambda p: p.name[:30])
def test_legacy_tweets(path: Path, tmp_path: Path) -> None:
    header, rows = raw_rows(path)
    res = import_twice_quiet(path, tmp_path)
    assert res[0]["rows_read"] == len(rows)
    p = table(tmp_path, "posts")
    assert len(p) == len(rows)
    assert set(p["post_id"]) == {r[0] for r in rows}
    h = {n: i for i, n in enumerate(header)}
    assert int(p["impressions"].sum()) == fsum(rows, h["impressions"])
    assert int(p["reactions"].sum()) == fsum(rows, h["likes"])
    assert int(p["shares"].sum()) == fsum(rows, h["retweets"])
    assert int(p["comments"].sum()) == fsum(rows, h["replies"])
    assert int(p["clicks"].sum()) == fsum(rows, h["url clicks"])
    assert p["saves"].isna().all()  # not in this export: null, never 0
    handle = rows[0][1].split("/")[3]
    assert set(p["account"]) == {handle}
    first = p.set_index("post_id").loc[rows[0][0]]
    assert first["published_at"] == pd.Timestamp(rows[0][3][:16], tz="UTC")
    end = path.name.split("_")[-2]
    assert (p["as_of"] == pd.Timestamp(f"{end[:4]}-{end[4:6]}-{end[6:]}", tz="UTC")).all()


def test_legacy_tweets_french_positional(tmp_path: Path) -> None:
    header, rows = raw_rows(FR_TWEETS)
    assert header[0] == "Identifiant du Tweet"
    import_twice_quiet(FR_TWEETS, tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(rows) == 118
    assert int(p["impressions"].sum()) == fsum(rows, 4)
    assert int(p["reactions"].sum()) == fsum(rows, 9)  # J'aime
    assert int(p["comments"].sum()) == fsum(rows, 8)  # réponses
    assert int(p["follows"].sum()) == fsum(rows, 17)  # "abonnements " (trailing space)
    assert set(p["account"]) == {"DataBzh"}


def test_excel_resaved_ids_recovered_from_permalink(tmp_path: Path) -> None:
    header, rows = raw_rows(SHINY_EXCEL)
    assert rows[0][0].endswith("E+18")
    import_twice_quiet(SHINY_EXCEL, tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(rows)
    assert set(p["post_id"]) == {r[1].rstrip("/").split("/")[-1] for r in rows}
    assert int(p["impressions"].sum()) == fsum(rows, 4)


def test_excel_resaved_id_without_permalink_fails(tmp_path: Path) -> None:
    header, rows = raw_rows(SHINY_EXCEL)
    rows[1][1] = ""
    f = tmp_path / "tweets.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header] + rows[:3])
    rc, _, err = import_quiet(f, tmp_path / "store")
    assert rc == 2
    assert ":3:" in err and "Tweet id" in err and "1.4" in err
    assert not (tmp_path / "store" / "t" / "posts").exists()


def test_daily(tmp_path: Path) -> None:
    header, rows = raw_rows(LISA)
    import_twice_quiet(LISA, tmp_path)  # account from the file name
    a = table(tmp_path, "audience")
    assert len(a) == len(rows) == 31
    assert set(a["account"]) == {"LisaDeBruine"} and set(a["platform"]) == {"x"}
    assert int(a["impressions"].sum()) == fsum(rows, 2)
    assert int(a["posts_published"].sum()) == fsum(rows, 1)
    assert int(a["new_followers"].sum()) == fsum(rows, header.index("follows"))
    assert str(a["date"].max()) == rows[-1][0]


# ----------------------------------------------------------------------------- new x.com exports


def test_account_content(tmp_path: Path) -> None:
    header, rows = raw_rows(CONTENT)
    import_twice_quiet(CONTENT, tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(rows)
    assert int(p["impressions"].sum()) == fsum(rows, 4)
    assert int(p["reactions"].sum()) == fsum(rows, header.index("Likes"))
    assert int(p["shares"].sum()) == fsum(rows, header.index("Reposts"))
    assert int(p["saves"].sum()) == fsum(rows, header.index("Bookmarks"))
    assert int(p["follows"].sum()) == fsum(rows, header.index("New follows"))
    assert set(p["account"]) == {"HestysInvest"}
    assert (p["as_of"] == pd.Timestamp("2026-08-02", tz="UTC")).all()


def test_account_content_japanese_headers(tmp_path: Path) -> None:
    header, rows = raw_rows(CONTENT_JA)
    assert header[8].endswith("\\")
    real = [r for r in rows if r[0]]  # placeholder rows: no id, '/status/undefined', all zeros
    import_twice_quiet(CONTENT_JA, tmp_path)
    p = table(tmp_path, "posts")
    assert len(p) == len(real) == len({r[0] for r in real})
    assert int(p["impressions"].sum()) == fsum(real, 4)
    assert int(p["engagements"].sum()) == fsum(real, 6)
    assert set(p["account"]) == {"K_chachamaru"}


def test_account_overview(tmp_path: Path) -> None:
    header, rows = raw_rows(OVERVIEW)
    import_twice_quiet(OVERVIEW, tmp_path / "anon")  # the export does not name the account
    assert set(table(tmp_path / "anon", "audience")["account"]) == {"default"}
    import_twice_quiet(OVERVIEW, tmp_path, account="vianarafael")
    a = table(tmp_path, "audience")
    assert len(a) == len(rows) == 7
    assert int(a["impressions"].sum()) == fsum(rows, 1)
    assert int(a["new_followers"].sum()) == fsum(rows, header.index("New follows"))
    assert int(a["lost_followers"].sum()) == fsum(rows, header.index("Unfollows"))
    assert int(a["profile_views"].sum()) == fsum(rows, header.index("Profile visits"))
    assert str(a["date"].max()) == "2025-08-26" and str(a["date"].min()) == "2025-08-20"


def test_overview_account_inferred_from_the_store(tmp_path: Path) -> None:
    import_twice_quiet(CONTENT, tmp_path)  # the workspace knows one X account
    rc, res, err = import_quiet(OVERVIEW, tmp_path)
    assert rc == 0, err
    assert set(table(tmp_path, "audience")["account"]) == {"HestysInvest"}


# ----------------------------------------------------------------------------- tricky values


def _tweets_file(tmp_path: Path, cells: dict[int, str]) -> Path:
    header, rows = raw_rows(LISA_TWEETS)
    row = list(rows[0])
    for i, v in cells.items():
        row[i] = v
    f = tmp_path / "t.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, quoting=csv.QUOTE_ALL).writerows([header, row])
    return f


def test_formula_like_text_is_kept_as_text(tmp_path: Path) -> None:
    f = _tweets_file(tmp_path, {2: "=HYPERLINK(\"x\")+1", 9: "3.0"})
    doc = open_document(f)
    frames = list(XTweetActivity().parse(doc, ParseContext(file_name=f.name)))
    out = frames[0][1]
    assert out["text"].iloc[0] == '=HYPERLINK("x")+1'
    assert out["reactions"].iloc[0] == 3


def test_non_numeric_count_names_line_and_column(tmp_path: Path) -> None:
    f = _tweets_file(tmp_path, {9: "lots"})
    doc = open_document(f)
    with pytest.raises(ImportFailure) as exc:
        list(XTweetActivity().parse(doc, ParseContext(file_name=f.name)))
    assert exc.value.line == 2 and exc.value.column == "likes" and exc.value.found == "lots"


def test_promoted_dash_is_null_not_zero(tmp_path: Path) -> None:
    f = _tweets_file(tmp_path, {9: "-"})
    out = list(XTweetActivity().parse(open_document(f), ParseContext(file_name=f.name)))[0][1]
    assert out["reactions"].iloc[0] is None
