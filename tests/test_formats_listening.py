"""Listening exports -> mentions / sentiment_daily. No listening export is in the shared
fixtures: tests/data holds small files written from the documented layouts (invented
content). Expected values are computed here with csv/openpyxl, not with the parser."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from connectors import store
from connectors.__main__ import main as cli
from connectors.formats.listening import sentiment
from connectors.importer import detect
from tests.helpers import import_twice, run_import

DATA = Path(__file__).parent / "data"


def mentions(root: Path) -> pd.DataFrame:
    return store.read_table(root, "t", "mentions")


def test_meltwater_utf16_tab(tmp_path, capsys):
    path = DATA / "listening_meltwater_utf16_tab.csv"
    assert path.read_bytes()[:2] == b"\xff\xfe"
    res = import_twice(capsys, path, tmp_path)
    assert res[0]["format"] == "meltwater"
    with open(path, encoding="utf-16", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    m = mentions(tmp_path)
    assert len(m) == len(rows)
    assert int(m["reach"].sum()) == sum(int(r["Reach"]) for r in rows if r["Reach"])
    tweet = [r for r in rows if r["Tweet Id"]][0]
    assert tweet["Tweet Id"].startswith('"')  # literal quotes around ids in the file
    assert "meltwater:" + tweet["Tweet Id"].strip('"') in set(m["mention_id"])
    counts = m["sentiment_label"].value_counts(dropna=False).to_dict()
    assert counts.get("positive") == sum(r["Sentiment"] == "Positive" for r in rows)
    assert m["sentiment_label"].isna().sum() == sum(r["Sentiment"] == "Not Rated" for r in rows)
    assert set(m["sentiment_origin"].dropna()) == {"export"}
    first = m.set_index("mention_id").loc["meltwater:" + tweet["Tweet Id"].strip('"')]
    assert first["published_at"] == pd.Timestamp("2025-08-13 09:07", tz="UTC")
    assert first["text"] == tweet["Hit Sentence"] and first["author"] == tweet["Influencer"]
    assert m["text"].str.startswith("=").any()  # formula-like text kept as text
    late = m[m["published_at"].dt.hour == 23]
    assert len(late) == 1  # 11:42PM


def test_meltwater_time_zone_of_workspace(tmp_path, capsys):
    store.save_config(tmp_path, "t", "workspace", {"timezone": "Europe/Paris"})
    run_import(capsys, DATA / "listening_meltwater_utf16_tab.csv", tmp_path)
    assert pd.Timestamp("2025-08-13 07:07", tz="UTC") in set(mentions(tmp_path)["published_at"])


def test_meltwater_later_layout_with_time_column(tmp_path, capsys):
    import_twice(capsys, DATA / "listening_meltwater_v2.csv", tmp_path)
    m = mentions(tmp_path).set_index("mention_id")
    assert m.loc["meltwater:7001", "published_at"] == pd.Timestamp("2025-09-02 18:45", tz="UTC")
    assert m.loc["meltwater:7002", "text"] == "La boutique du centre ferme."  # opening text when no hit sentence
    assert m.loc["meltwater:7001", "brand"] == "Brûlerie Rivale"


def test_brandwatch_metadata_rows(tmp_path, capsys):
    path = DATA / "listening_brandwatch.csv"
    res = import_twice(capsys, path, tmp_path)
    assert res[0]["format"] == "brandwatch"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[6]
    assert header[0] == "Query Id"
    data = [dict(zip(header, r, strict=False)) for r in rows[7:] if r]
    m = mentions(tmp_path)
    assert len(m) == len(data)
    assert sorted(m["sentiment_label"]) == sorted(r["Sentiment"] for r in data)
    assert "brandwatch:1952000000000000001" in set(m["mention_id"])
    assert int(m["engagements"].sum()) == sum(int(r[k]) for r in data for k in ("Likes", "Comments", "Shares") if r.get(k))


def test_talkwalker_text_cells_day_first(tmp_path, capsys):
    path = DATA / "listening_talkwalker_text_cells.xlsx"
    res = import_twice(capsys, path, tmp_path)
    assert res[0]["format"] == "talkwalker"
    ws = openpyxl.load_workbook(path, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    head, data = list(rows[0]), rows[1:]
    m = mentions(tmp_path)
    assert len(m) == len(data)
    assert int(m["reach"].sum()) == sum(int(r[head.index("reach")]) for r in data)
    first = data[0]
    d, mo, rest = first[head.index("published")].split("/")
    assert (d, mo) == ("02", "09")
    assert pd.Timestamp("2025-09-02 09:58:12", tz="UTC") in set(m["published_at"])  # 02/09/25 is 2 September
    scores = dict(zip(m["url"], m["sentiment_score"], strict=False))
    for r in data:
        assert scores[r[head.index("url")]] == int(r[head.index("sentiment")]) / 5


def test_plain_french_semicolon_decimal_comma(tmp_path, capsys):
    path = DATA / "mentions_plain_fr.csv"
    res = import_twice(capsys, path, tmp_path)
    assert res[0]["format"] == "mentions_csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    m = mentions(tmp_path)
    assert len(m) == len(rows)
    assert sorted(m["reach"].tolist()) == sorted([1234, 2500, 87, 15])  # "1 234", "2,5 k"
    by_text = m.set_index("text")
    assert by_text.loc["Attente trop longue ; personnel débordé", "sentiment_label"] == "negative"
    assert by_text.loc["+33 pas mal du tout", "sentiment_score"] == pytest.approx(0.6)
    assert by_text.loc["Attente trop longue ; personnel débordé", "published_at"] == pd.Timestamp("2025-09-13 08:30", tz="UTC")
    assert set(m["brand"]) == {r["marque"] for r in rows}


def test_plain_english_and_ids(tmp_path, capsys):
    path = DATA / "mentions_plain_en.csv"
    import_twice(capsys, path, tmp_path)
    m = mentions(tmp_path)
    url = "https://x.com/c/status/1961000000000000001"
    assert "csv:" + hashlib.sha256(url.encode()).hexdigest()[:32] in set(m["mention_id"])
    assert m.set_index("url").loc[url, "published_at"] == pd.Timestamp("2025-09-01 08:00", tz="UTC")


def test_same_rows_twice_in_one_file_are_stored_once(tmp_path, capsys):
    src = (DATA / "mentions_plain_en.csv").read_text(encoding="utf-8").splitlines()
    p = tmp_path / "twice.csv"
    p.write_text("\n".join(src + src[1:]) + "\n", encoding="utf-8")
    run_import(capsys, p, tmp_path / "s")
    assert len(mentions(tmp_path / "s")) == len(src) - 1


def test_sentiment_daily_percentages(tmp_path, capsys):
    path = DATA / "listening_sentiment_daily_fr.csv"
    res = import_twice(capsys, path, tmp_path)
    assert res[0]["format"] == "listening_sentiment_daily"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))[1:]
    sd = store.read_table(tmp_path, "t", "sentiment_daily").sort_values("date")
    assert len(sd) == len(rows) and sd["derived"].all()
    for (_, s), r in zip(sd.iterrows(), rows, strict=False):
        vol = int(r[1])
        pos, neu, neg = (float(x.replace(",", ".")) for x in r[2:5])
        assert (s["mentions"], s["positive"], s["neutral"], s["negative"]) == (vol, round(pos * vol / 100), round(neu * vol / 100), round(neg * vol / 100))
    assert sd.iloc[0]["net_sentiment"] == pytest.approx(0.31)


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("listening_meltwater_utf16_tab.csv", "meltwater"),
        ("listening_meltwater_v2.csv", "meltwater"),
        ("listening_brandwatch.csv", "brandwatch"),
        ("listening_talkwalker_text_cells.xlsx", "talkwalker"),
        ("mentions_plain_fr.csv", "mentions_csv"),
        ("mentions_plain_en.csv", "mentions_csv"),
        ("listening_sentiment_daily_fr.csv", "listening_sentiment_daily"),
    ],
)
def test_detection_even_renamed(name, fmt, tmp_path):
    assert detect(DATA / name).format == fmt
    renamed = tmp_path / ("export" + Path(name).suffix)
    shutil.copy(DATA / name, renamed)
    assert detect(renamed).format == fmt


def test_sentiment_values():
    labels, scores = sentiment(["Positive", "négatif", "Neutre", "0,5", "-1", "", "Not Rated"], "f", "c", range(1, 8))
    assert labels == ["positive", "negative", "neutral", "positive", "negative", None, None]
    assert scores == [1.0, -1.0, 0.0, 0.5, -1.0, None, None]
    with pytest.raises(Exception, match="sentiment"):
        sentiment(["7"], "f", "c", [2])


def test_bad_date_names_line_and_column(tmp_path, capsys):
    p = tmp_path / "m.csv"
    p.write_text("date,texte\n2025-09-01,ok\nhier,pas une date\n", encoding="utf-8")
    code = cli(["import", str(p), "--workspace", "t", "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 2 and ":3:" in err and "'date'" in err
