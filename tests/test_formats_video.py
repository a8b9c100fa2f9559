"""YouTube Studio and TikTok exports: every shared fixture through the CLI, stored totals
against sums computed here from the raw file (stdlib csv), idempotent re-import,
detection from content (also when renamed), tricky values."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from connectors import store
from connectors.__main__ import main as cli
from connectors.importer import detect
from tests.conftest import SHARED_FIXTURES, shared_absent
from tests.helpers import import_twice, run_import

FIXTURES = SHARED_FIXTURES
YT = FIXTURES / "youtube"
TT = FIXTURES / "tiktok"

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=shared_absent())


def raw(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and any(c.strip() for c in r)]
    return rows[0], rows[1:]


def num(s: str) -> float:
    return float(s) if s.strip() not in ("", "-", "--", "NAN") else 0.0


def col(header: list[str], name: str) -> int:
    clean = [h.replace("\u00ad", "").strip() for h in header]
    return clean.index(name)


def table(root: Path, name: str) -> pd.DataFrame:
    return store.read_table(root, "t", name)


# ----------------------------------------------------------------------------- YouTube

TABLE_FILES = {
    "yt_studio_content_table_data__priyankapatel05.csv": ("Views", "Subscribers"),
    "yt_studio_GERMAN_Tabellendaten_soft_hyphen_headers__weima.csv": ("Aufrufe", "Abonnenten"),
    "yt_studio_PORTUGUESE_Dados_da_tabela_revenue__gianmartins.csv": ("Visualizações", "Inscritos"),
}


@needs_fixtures
@pytest.mark.parametrize("name", sorted(TABLE_FILES))
def test_youtube_table_data_to_posts(name, tmp_path, capsys):
    path = YT / name
    res = import_twice(capsys, path, tmp_path)
    assert [r["format"] for r in res] == ["youtube_studio_table"]
    header, rows = raw(path)
    total_labels = {"Total", "Gesamt"}
    assert rows[0][0].replace("\u00ad", "") in total_labels
    # footnote lines ("Die 500 besten Ergebnisse werden angezeigt") carry no metric
    data = [r for r in rows if r[0].replace("\u00ad", "") not in total_labels and any(c.strip() for c in r[1:])]
    posts = table(tmp_path, "posts")
    assert len(posts) == len(data) == res[0]["rows_read"]
    vcol, scol = (col(header, n) for n in TABLE_FILES[name])
    assert int(posts["views"].sum()) == sum(int(r[vcol]) for r in data)
    assert int(posts["subscribers_net"].sum()) == sum(int(r[scol]) for r in data)
    assert (posts["subscribers_net"] < 0).any() == any(int(r[scol]) < 0 for r in data)  # negative net gains are kept
    assert set(posts["post_id"]) == {r[0].strip() for r in data}  # YouTube writes " -abc" for ids starting with "-"
    assert (posts["platform"] == "youtube").all() and (posts["account"] == "default").all()
    assert posts["as_of"].isna().all()  # no end date in these file names: never the clock


@needs_fixtures
def test_youtube_table_values(tmp_path, capsys):
    path = YT / "yt_studio_PORTUGUESE_Dados_da_tabela_revenue__gianmartins.csv"
    run_import(capsys, path, tmp_path, "--account", "gian")
    header, rows = raw(path)
    posts = table(tmp_path, "posts").set_index("post_id")
    first = rows[1]
    p = posts.loc[first[0]]
    assert p["text"] == first[1]
    assert p["published_at"] == pd.Timestamp("2023-03-25", tz="UTC")
    assert p["revenue"] == pytest.approx(float(first[col(header, "Receita estimada (USD)")]))
    assert p["watch_time_hours"] == pytest.approx(float(first[col(header, "Tempo de exibição (horas)")]))
    assert p["impressions"] == int(first[col(header, "Impressões")])
    assert p["account"] == "gian"
    assert abs(posts["revenue"].sum() - sum(float(r[col(header, "Receita estimada (USD)")]) for r in rows[1:])) < 1e-6


@needs_fixtures
def test_youtube_chart_data_to_content_daily(tmp_path, capsys):
    path = YT / "yt_studio_content_chart_data_daily_per_video__priyankapatel05.csv"
    res = import_twice(capsys, path, tmp_path)
    header, rows = raw(path)
    cd = table(tmp_path, "content_daily")
    assert len(cd) == len(rows) == res[0]["rows_read"]
    assert int(cd["views"].sum()) == sum(int(r[col(header, "Views")]) for r in rows)
    assert cd["post_id"].nunique() == len({r[1] for r in rows})
    assert cd["date"].min() == dt.date.fromisoformat(min(r[0] for r in rows))


TOTALS = {
    "yt_studio_totals_daily_views_ddmmyyyy__priyankapatel05.csv": "views",
    "yt_studio_GERMAN_Gesamtwerte__weima.csv": "views",
    "yt_studio_PORTUGUESE_Espectadores_unicos_renamed__feadev.csv": "reach",
}


@needs_fixtures
@pytest.mark.parametrize("name", sorted(TOTALS))
def test_youtube_totals_to_audience(name, tmp_path, capsys):
    path = YT / name
    import_twice(capsys, path, tmp_path)
    _, rows = raw(path)
    rows = [r for r in rows if any(c.strip() for c in r[1:])]  # "Mostrando os primeiros 500 resultados" footnote
    aud = table(tmp_path, "audience")
    assert len(aud) == len(rows)
    assert int(aud[TOTALS[name]].sum()) == sum(int(r[1]) for r in rows)
    assert (aud["platform"] == "youtube").all()


@needs_fixtures
def test_youtube_totals_day_first_dates(tmp_path, capsys):
    path = YT / "yt_studio_totals_daily_views_ddmmyyyy__priyankapatel05.csv"
    run_import(capsys, path, tmp_path)
    _, rows = raw(path)
    aud = table(tmp_path, "audience").set_index("date")
    d, m, y = rows[0][0].split("-")
    assert aud.loc[dt.date(int(y), int(m), int(d)), "views"] == int(rows[0][1])


@needs_fixtures
def test_youtube_revenue_totals_kept_in_breakdown(tmp_path, capsys):
    path = YT / "yt_studio_PORTUGUESE_Total_revenue_daily__gianmartins.csv"
    import_twice(capsys, path, tmp_path)
    _, rows = raw(path)
    bd = table(tmp_path, "audience_breakdown")
    assert set(bd["metric"]) == {"revenue_usd"} and set(bd["unit"]) == {"currency"}
    assert len(bd) == len(rows)
    assert bd["value"].sum() == pytest.approx(sum(float(r[1]) for r in rows))
    assert table(tmp_path, "audience").empty


DIMENSIONS = {
    "yt_studio_viewer_age__violetzq.csv": ("age", 1),
    "yt_studio_viewer_gender__violetzq.csv": ("gender", 1),
    "yt_studio_PORTUGUESE_viewer_age__feadev.csv": ("age", 1),
    "yt_studio_geography_cities__violetzq.csv": ("city", 2),
    "yt_studio_subscription_status_table__violetzq.csv": ("subscription_status", 1),
}


@needs_fixtures
@pytest.mark.parametrize("name", sorted(DIMENSIONS))
def test_youtube_dimension_tables(name, tmp_path, capsys):
    path = YT / name
    import_twice(capsys, path, tmp_path)
    header, rows = raw(path)
    dim, first_metric = DIMENSIONS[name]
    data = [r for r in rows if r[0] != "Total" and any(c.strip() for c in r[1:])]
    bd = table(tmp_path, "audience_breakdown")
    assert set(bd["dimension"]) == {dim}
    assert len(bd) == len(data) * (len(header) - first_metric)
    assert "Total" not in set(bd["dimension_value"])
    vi = first_metric  # first metric column: views or views (%)
    views = bd[bd["metric"] == "views"]
    expected = sum(num(r[vi]) for r in data)
    if header[vi].strip().endswith("(%)"):
        assert set(views["unit"]) == {"share"}
        assert views["value"].sum() == pytest.approx(expected / 100)
    else:
        assert views["value"].sum() == pytest.approx(expected)


@needs_fixtures
def test_youtube_cities_names_and_footnote(tmp_path, capsys):
    run_import(capsys, YT / "yt_studio_geography_cities__violetzq.csv", tmp_path)
    bd = table(tmp_path, "audience_breakdown")
    assert "New York, NY, USA" in set(bd["dimension_value"])
    assert not bd["dimension_value"].str.startswith("Showing").any()
    dur = bd[(bd["dimension_value"] == "New York, NY, USA") & (bd["metric"] == "average_view_duration")]
    assert dur["value"].item() == 11 * 60 + 31 and dur["unit"].item() == "seconds"


@needs_fixtures
def test_youtube_age_en_dash_and_share(tmp_path, capsys):
    run_import(capsys, YT / "yt_studio_viewer_age__violetzq.csv", tmp_path)
    bd = table(tmp_path, "audience_breakdown")
    row = bd[(bd["dimension_value"] == "13\u201317 years") & (bd["metric"] == "views")]
    assert row["value"].item() == pytest.approx(0.0061) and row["unit"].item() == "share"


@needs_fixtures
def test_youtube_subscription_status_chart(tmp_path, capsys):
    path = YT / "yt_studio_subscription_status_chart_data__violetzq.csv"
    import_twice(capsys, path, tmp_path)
    _, rows = raw(path)
    bd = table(tmp_path, "audience_breakdown")
    assert len(bd) == len(rows)
    assert bd["value"].sum() == sum(int(r[2]) for r in rows)
    assert (bd["period_start"] == bd["period_end"]).all()


# ----------------------------------------------------------------------------- TikTok


@needs_fixtures
def test_tiktok_followers_daily(tmp_path, capsys):
    path = TT / "tiktok_audience__vintagerest_bg.csv"
    res = import_twice(capsys, path, tmp_path, "--account", "vintagerest.bg")
    assert res[0]["format"] == "tiktok_followers"
    header, rows = raw(path)
    aud = table(tmp_path, "audience")
    assert len(aud) == len(rows)
    assert int(aud["new_followers"].sum()) == sum(int(r[1]) for r in rows)
    assert int(aud["reach"].sum()) == sum(int(r[3]) for r in rows if r[3] != "NAN")
    assert aud["followers"].isna().all()  # '--' = unknown, never 0
    assert aud.sort_values("date")["reach"].isna().iloc[0]  # NAN -> null
    assert set(aud["account"]) == {"vintagerest.bg"}


@needs_fixtures
def test_tiktok_content_posts(tmp_path, capsys):
    path = TT / "tiktok_content_videos_Video_title_DROPPED__vintagerest_bg.csv"
    import_twice(capsys, path, tmp_path)
    header, rows = raw(path)
    posts = table(tmp_path, "posts")
    assert len(posts) == len(rows)
    assert int(posts["views"].sum()) == sum(int(r[col(header, "Video views")]) for r in rows)
    assert int(posts["saves"].sum()) == sum(int(r[col(header, "Add to Favorites")]) for r in rows)
    assert set(posts["post_id"]) == {r[0].rsplit("/", 1)[-1] for r in rows}
    assert set(posts["account"]) == {"vintagerest.bg"}
    assert pd.Timestamp("2025-10-31 18:19:10", tz="UTC") in set(posts["published_at"])


def test_tiktok_overview_documented_layout(tmp_path, capsys):
    p = tmp_path / "overview.csv"
    p.write_bytes(
        "\ufeffDate,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers\n"
        "2025/10/31,1200,900,40,88,5,3,0,0,7,9,2\n"
        "2025/11/01,NAN,NAN,NAN,NAN,NAN,NAN,NAN,NAN,NAN,NAN,NAN\n".encode()
    )
    root = tmp_path / "s"
    res = import_twice(capsys, p, root)
    assert res[0]["format"] == "tiktok_overview"
    aud = table(root, "audience").sort_values("date")
    first = aud.iloc[0]
    assert (first["views"], first["reach"], first["profile_views"], first["reactions"], first["new_followers"], first["lost_followers"]) == (1200, 900, 40, 88, 9, 2)
    assert aud.iloc[1][["views", "reach", "new_followers"]].isna().all()


def test_tiktok_count_not_a_number_names_line_and_column(tmp_path, capsys):
    p = tmp_path / "followers.csv"
    p.write_text("Date,New followers,Total followers,Reached audience,Engaged audience\n2025/11/01,10,--,50,3\n2025/11/02,abc,--,50,3\n")
    code = cli(["import", str(p), "--workspace", "t", "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 2 and ":3:" in err and "New followers" in err
    assert not (tmp_path / "s" / "t").exists()


# ----------------------------------------------------------------------------- detection


@needs_fixtures
@pytest.mark.parametrize(
    "folder,name,fmt",
    [
        ("youtube", "yt_studio_content_table_data__priyankapatel05.csv", "youtube_studio_table"),
        ("youtube", "yt_studio_GERMAN_Tabellendaten_soft_hyphen_headers__weima.csv", "youtube_studio_table"),
        ("youtube", "yt_studio_PORTUGUESE_Dados_da_tabela_revenue__gianmartins.csv", "youtube_studio_table"),
        ("youtube", "yt_studio_content_chart_data_daily_per_video__priyankapatel05.csv", "youtube_studio_chart"),
        ("youtube", "yt_studio_subscription_status_chart_data__violetzq.csv", "youtube_studio_chart_dimension"),
        ("youtube", "yt_studio_totals_daily_views_ddmmyyyy__priyankapatel05.csv", "youtube_studio_totals"),
        ("youtube", "yt_studio_GERMAN_Gesamtwerte__weima.csv", "youtube_studio_totals"),
        ("youtube", "yt_studio_PORTUGUESE_Espectadores_unicos_renamed__feadev.csv", "youtube_studio_totals"),
        ("youtube", "yt_studio_PORTUGUESE_Total_revenue_daily__gianmartins.csv", "youtube_studio_totals"),
        ("youtube", "yt_studio_PORTUGUESE_viewer_age__feadev.csv", "youtube_studio_dimension"),
        ("youtube", "yt_studio_viewer_age__violetzq.csv", "youtube_studio_dimension"),
        ("youtube", "yt_studio_viewer_gender__violetzq.csv", "youtube_studio_dimension"),
        ("youtube", "yt_studio_geography_cities__violetzq.csv", "youtube_studio_dimension"),
        ("youtube", "yt_studio_subscription_status_table__violetzq.csv", "youtube_studio_dimension"),
        ("tiktok", "tiktok_audience__vintagerest_bg.csv", "tiktok_followers"),
        ("tiktok", "tiktok_content_videos_Video_title_DROPPED__vintagerest_bg.csv", "tiktok_content"),
    ],
)
def test_detection_from_content_even_renamed(folder, name, fmt, tmp_path):
    src = FIXTURES / folder / name
    assert detect(src).format == fmt
    renamed = tmp_path / "export (3).csv"
    shutil.copy(src, renamed)
    det = detect(renamed)
    assert det.format == fmt and det.error is None


@needs_fixtures
def test_every_video_fixture_is_covered():
    names = {p.name for p in YT.glob("*.csv")} | {p.name for p in TT.glob("*.csv")}
    covered = set(TABLE_FILES) | set(TOTALS) | set(DIMENSIONS) | {
        "yt_studio_content_chart_data_daily_per_video__priyankapatel05.csv",
        "yt_studio_PORTUGUESE_Total_revenue_daily__gianmartins.csv",
        "yt_studio_subscription_status_chart_data__violetzq.csv",
        "tiktok_audience__vintagerest_bg.csv",
        "tiktok_content_videos_Video_title_DROPPED__vintagerest_bg.csv",
    }
    assert names <= covered, names - covered


def test_youtube_french_headers_and_missing_values(tmp_path, capsys):
    p = tmp_path / "Données du tableau.csv"
    p.write_text(
        "Contenu,Titre de la vidéo,Heure de publication de la vidéo,Durée,Vues,Durée de visionnage (heures),Abonnés,Impressions\n"
        "Total,,,,150,3.5,-1,900\n"
        "abcdefghijk,Ma vidéo,\"Mar 3, 2025\",61,100,2.5,-2,600\n"
        "bcdefghijkl,\"=Titre, avec virgule\",\"Mar 4, 2025\",30,50,1,-,-\n",
        encoding="utf-8",
    )
    root = tmp_path / "s"
    import_twice(capsys, p, root)
    posts = table(root, "posts").set_index("post_id")
    assert len(posts) == 2
    assert posts.loc["abcdefghijk", "subscribers_net"] == -2
    assert pd.isna(posts.loc["bcdefghijkl", "impressions"]) and pd.isna(posts.loc["bcdefghijkl", "subscribers_net"])
    assert posts.loc["bcdefghijkl", "text"] == "=Titre, avec virgule"
    assert posts.loc["abcdefghijk", "published_at"] == pd.Timestamp("2025-03-03", tz="UTC")


def test_youtube_totals_net_subscribers_split(tmp_path, capsys):
    p = tmp_path / "Totals.csv"
    p.write_text("Date,Subscribers\n2025-01-01,5\n2025-01-02,-3\n2025-01-03,0\n")
    root = tmp_path / "s"
    run_import(capsys, p, root)
    aud = table(root, "audience").sort_values("date")
    assert aud["new_followers"].tolist()[0] == 5 and pd.isna(aud["new_followers"].tolist()[1])
    assert aud["lost_followers"].tolist()[1] == 3
    assert int(aud["new_followers"].sum()) - int(aud["lost_followers"].sum()) == 2
