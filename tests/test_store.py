"""The store's guarantees: layout, validation, dedup, idempotence, atomicity, locking."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from pathlib import Path

import pandas as pd
import pytest

from connectors import store
from connectors.errors import ImportFailure
from tests.helpers import tree_hashes

NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.timezone.utc)


def audience(followers, dates=("2025-01-01", "2025-01-02", "2025-02-01"), **extra):
    df = pd.DataFrame({"date": list(dates), "platform": "x", "account": "acme", "followers": followers, "_line": range(2, 2 + len(dates))})
    for k, v in extra.items():
        df[k] = v
    return df


def test_root_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("BOUSSOLE_STORE", raising=False)
    assert store.resolve_root(None) == store.PROJECT_DIR / "data"
    monkeypatch.setenv("BOUSSOLE_STORE", str(tmp_path / "env"))
    assert store.resolve_root(None) == (tmp_path / "env").resolve()
    assert store.resolve_root(tmp_path / "arg") == (tmp_path / "arg").resolve()


def test_layout_readable_by_pandas_and_partitioned(tmp_path):
    res = store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", now=NOW)
    assert (res["audience"].rows_added, res["audience"].rows_updated) == (3, 0)
    files = sorted(p.name for p in (tmp_path / "ws" / "audience").iterdir())
    assert files == ["2025-01.v1.parquet", "2025-02.v1.parquet"]
    df = pd.read_parquet(tmp_path / "ws" / "audience")
    assert sorted(df["followers"].tolist()) == [1, 2, 3]
    # after an update the superseded file is out of the way (kept under _old/ for undo)
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 4]))], "t", now=NOW)
    assert sorted(p.name for p in (tmp_path / "ws" / "audience").glob("*.parquet")) == ["2025-01.v1.parquet", "2025-02.v2.parquet"]
    assert sorted(pd.read_parquet(tmp_path / "ws" / "audience")["followers"].tolist()) == [1, 2, 4]
    # a metric the export lacks is null, never 0
    assert df["impressions"].isna().all()


def test_reimport_is_idempotent_and_byte_identical(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", sha256="s1", now=NOW)
    before = tree_hashes(tmp_path)
    res = store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", sha256="s1", now=NOW)
    assert (res["audience"].rows_added, res["audience"].rows_updated, res["audience"].rows_skipped) == (0, 0, 3)
    assert tree_hashes(tmp_path) == before


def test_overlapping_export_updates_never_double_counts(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3], impressions=[10, 20, 30]))], "t", now=NOW)
    newer = audience([2, 5], dates=("2025-01-02", "2025-01-03"))  # no impressions column in this export
    res = store.write_frames(tmp_path, "ws", [("audience", newer)], "t", now=NOW)
    assert (res["audience"].rows_added, res["audience"].rows_updated, res["audience"].rows_skipped) == (1, 0, 1)
    df = store.read_table(tmp_path, "ws", "audience").sort_values("date")
    assert df["followers"].tolist() == [1, 2, 5, 3]
    # the stored impressions survive an export that lacks the column
    assert df["impressions"].tolist()[:2] == [10, 20]


def test_duplicates_inside_one_file_count_once(tmp_path):
    df = pd.concat([audience([1, 2, 3]), audience([1, 2, 4])])
    res = store.write_frames(tmp_path, "ws", [("audience", df)], "t", now=NOW)
    assert res["audience"].rows_added == 3
    assert res["audience"].rows_read == 6
    out = store.read_table(tmp_path, "ws", "audience")
    assert len(out) == 3 and out.sort_values("date")["followers"].tolist()[-1] == 4  # last one wins


@pytest.mark.parametrize(
    "frame, column, expected",
    [
        (audience([1, -5, 3]), "followers", "a number >= 0"),
        (audience([1, "abc", 3]), "followers", "a whole number"),
        (audience([1, 2, 3], dates=("2025-01-01", "2026-01-20", "2025-02-01")), "date", "a date no later than 2026-01-11"),
        (audience([1, 2, 3], dates=("2025-01-01", "2025-13-45", "2025-02-01")), "date", "a date"),
    ],
)
def test_invalid_rows_name_line_and_column_and_change_nothing(tmp_path, frame, column, expected):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", now=NOW)
    before = tree_hashes(tmp_path)
    with pytest.raises(ImportFailure) as ei:
        store.write_frames(tmp_path, "ws", [("audience", frame)], "f.csv", now=NOW)
    err = ei.value
    assert (err.line, err.column, err.expected) == (3, column, expected)
    assert str(err).startswith(f"<data>:3: column '{column}': expected {expected}") or str(err).startswith(f"f.csv:3: column '{column}'")
    assert tree_hashes(tmp_path) == before


def test_failed_first_import_leaves_no_trace(tmp_path):
    root = tmp_path / "store"
    with pytest.raises(ImportFailure):
        store.write_frames(root, "ws", [("audience", audience([1, -1, 3]))], "t", now=NOW)
    assert tree_hashes(root) == {}
    assert not (root / "ws").exists()


def test_crash_during_commit_leaves_previous_files(tmp_path, monkeypatch):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", now=NOW)
    before = tree_hashes(tmp_path)

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store.pq, "write_table", boom)
    with pytest.raises(OSError):
        store.write_frames(tmp_path, "ws", [("audience", audience([7, 8, 9]))], "t", now=NOW)
    assert tree_hashes(tmp_path) == before
    assert not list((tmp_path / "ws").glob(".staging-*"))


def test_mention_moving_partition_is_not_duplicated(tmp_path):
    m1 = pd.DataFrame({"mention_id": ["a", "b"], "published_at": ["2025-01-31T23:30:00Z", "2025-03-01T10:00:00Z"], "text": ["x", "y"]})
    store.write_frames(tmp_path, "ws", [("mentions", m1)], "t", now=NOW)
    m2 = pd.DataFrame({"mention_id": ["a"], "published_at": ["2025-02-01T00:30:00Z"], "text": ["x"]})
    res = store.write_frames(tmp_path, "ws", [("mentions", m2)], "t", now=NOW)
    assert res["mentions"].rows_updated == 1
    df = pd.read_parquet(tmp_path / "ws" / "mentions")
    assert sorted(df["mention_id"]) == ["a", "b"]
    assert not (tmp_path / "ws" / "mentions" / "2025-01.parquet").exists()


def test_manual_sentiment_survives_reimport(tmp_path):
    m = pd.DataFrame({"mention_id": ["a"], "published_at": ["2025-01-01T10:00:00Z"], "text": ["bof"], "sentiment_label": ["negative"], "sentiment_origin": ["manual"], "sentiment_score": [-1.0]})
    store.write_frames(tmp_path, "ws", [("mentions", m)], "t", now=NOW)
    again = m.assign(sentiment_label="positive", sentiment_origin="export", sentiment_score=0.8)
    store.write_frames(tmp_path, "ws", [("mentions", again)], "t", now=NOW)
    row = store.read_table(tmp_path, "ws", "mentions").iloc[0]
    assert (row["sentiment_label"], row["sentiment_origin"], row["sentiment_score"]) == ("negative", "manual", -1.0)


def test_older_post_export_does_not_overwrite_newer(tmp_path):
    newer = pd.DataFrame({"post_id": ["1"], "platform": ["x"], "impressions": [500], "as_of": ["2025-03-01T00:00:00Z"]})
    older = pd.DataFrame({"post_id": ["1"], "platform": ["x"], "impressions": [100], "as_of": ["2025-02-01T00:00:00Z"]})
    store.write_frames(tmp_path, "ws", [("posts", newer)], "t", now=NOW)
    res = store.write_frames(tmp_path, "ws", [("posts", older)], "t", now=NOW)
    assert res["posts"].rows_updated == 0
    assert store.read_table(tmp_path, "ws", "posts")["impressions"].tolist() == [500]


def test_read_table_reads_only_requested_columns_and_range(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", now=NOW)
    df = store.read_table(tmp_path, "ws", "audience", columns=["date", "followers"], start=dt.date(2025, 1, 2), end=dt.date(2025, 1, 31))
    assert list(df.columns) == ["date", "followers"]
    assert df["followers"].tolist() == [2]
    assert store.read_table(tmp_path, "ws", "leads").empty


def test_import_log_records_changes_but_not_noop_reimports(tmp_path):
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", sha256="h", now=NOW)
    store.write_frames(tmp_path, "ws", [("audience", audience([1, 2, 3]))], "t", sha256="h", now=NOW)
    log = store.read_table(tmp_path, "ws", "imports")
    assert len(log) == 1 and log["rows_added"].tolist() == [3]


def _writer(root: str, i: int) -> None:
    df = pd.DataFrame({"date": [f"2025-01-{d:02d}" for d in range(1, 29)], "platform": "x", "account": f"acct{i}", "followers": list(range(28))})
    store.write_frames(Path(root), "ws", [("audience", df)], f"f{i}", now=NOW)


def test_concurrent_imports_are_serialised(tmp_path):
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), i)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    df = store.read_table(tmp_path, "ws", "audience")
    assert len(df) == 4 * 28  # nobody's rows were lost to a racing rewrite
    assert len(store.read_table(tmp_path, "ws", "imports")) == 4


def test_workspace_admin(tmp_path):
    store.create_workspace(tmp_path, "a")
    with pytest.raises(FileExistsError):
        store.create_workspace(tmp_path, "a")
    store.rename_workspace(tmp_path, "a", "b")
    assert store.list_workspaces(tmp_path) == ["b"]
    store.delete_workspace(tmp_path, "b")
    assert store.list_workspaces(tmp_path) == []
    with pytest.raises(ValueError):
        store.create_workspace(tmp_path, "../evil")


def test_config_documents_roundtrip(tmp_path):
    store.save_config(tmp_path, "ws", "goals", [{"id": "g1", "target": 10}])
    assert store.load_config(tmp_path, "ws", "goals") == [{"id": "g1", "target": 10}]
    assert store.load_config(tmp_path, "ws", "journal", []) == []
    # configuration never shows up as a table
    assert store.read_table(tmp_path, "ws", "audience").empty
