"""Derived files (connectors.derived): the prepared traffic rows kept on disk come back
identical, are reused only for the table's current files, and any failure falls back to
computing them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from connectors import derived, loader
from connectors.store import save_config, write_frames
from metrics import traffic as tr
from ui.data import TRAFFIC_COLS

NOW = dt.datetime(2025, 9, 1, tzinfo=dt.timezone.utc)
TAG = f"prepared-v{tr.PREPARED_VERSION}"


def _traffic(days: int, start: dt.date = dt.date(2025, 8, 1)) -> pd.DataFrame:
    rows = []
    for i in range(days):
        d = (start + dt.timedelta(days=i)).isoformat()
        rows.append({"date": d, "grain": "day", "property": "site", "source": "facebook", "medium": "social", "campaign": "rentree" if i % 2 else None,
                     "sessions": 10 + i, "users": 8 + i})
        rows.append({"date": d, "grain": "day", "property": "site", "source": " google ", "medium": "organic", "sessions": 5, "landing_page": "/"})
    rows.append({"date": "2025-08-01", "grain": "period", "period_start": "2025-08-01", "period_end": "2025-08-31", "property": "site",
                 "dimension": "city", "dimension_value": "Québec", "users": 40})
    return pd.DataFrame(rows)


def _store(tmp_path):
    root = tmp_path / "store"
    save_config(root, "w", "workspace", {"timezone": "America/Toronto"})
    write_frames(root, "w", [("traffic", _traffic(20))], now=NOW)
    return root


def _build(root):
    calls = []

    def build():
        calls.append(1)
        return tr.prepared(loader.read_coded(root, "w", "traffic", TRAFFIC_COLS))

    return build, calls


def test_prepared_rows_come_back_identical_and_are_reused(tmp_path):
    root = _store(tmp_path)
    want = tr._prepare_now(loader.read(root, "w", "traffic", TRAFFIC_COLS))
    build, calls = _build(root)
    first, read_back = derived.frame(root, "w", "traffic", TAG, build)
    assert not read_back and len(calls) == 1
    again, read_back = derived.frame(root, "w", "traffic", TAG, build)
    assert read_back and len(calls) == 1, "the kept file is read, nothing is prepared again"
    for got in (first, again):
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert again["campaign"].isna().sum() == want["campaign"].isna().sum() > 0
    assert again["campaign"].dropna().map(type).eq(str).all() and again["campaign"].isna().eq(again["campaign"].map(lambda v: v is None)).all()
    # the metrics take the frame read back as prepared rows
    tr.as_prepared(again)
    got = tr.traffic_totals(again, "2025-08-01", "2025-08-31")
    raw = tr.traffic_totals(loader.read(root, "w", "traffic", TRAFFIC_COLS), "2025-08-01", "2025-08-31")
    assert pd.Series(got).equals(pd.Series(raw)) and got["sessions"] > 0


def test_a_changed_table_is_prepared_again_and_the_stale_file_removed(tmp_path):
    root = _store(tmp_path)
    build, calls = _build(root)
    derived.frame(root, "w", "traffic", TAG, build)
    old = sorted(derived.folder(root, "w").glob("traffic.*.arrow"))
    write_frames(root, "w", [("traffic", _traffic(3, dt.date(2025, 9, 10)))], now=NOW + dt.timedelta(days=30))
    got, read_back = derived.frame(root, "w", "traffic", TAG, build)
    assert not read_back and len(calls) == 2
    assert got["date"].max() == pd.Timestamp("2025-09-12")
    new = sorted(derived.folder(root, "w").glob("traffic.*.arrow"))
    assert len(old) == len(new) == 1 and old != new
    # another computation's version is another file
    assert derived.key(root, "w", "traffic", TAG) != derived.key(root, "w", "traffic", "prepared-v999")


def test_a_damaged_or_unwritable_file_falls_back_to_computing(tmp_path):
    root = _store(tmp_path)
    want = tr._prepare_now(loader.read(root, "w", "traffic", TRAFFIC_COLS))
    build, calls = _build(root)
    derived.frame(root, "w", "traffic", TAG, build)
    (kept,) = derived.folder(root, "w").glob("traffic.*.arrow")
    kept.write_bytes(b"not an arrow file")
    got, read_back = derived.frame(root, "w", "traffic", TAG, build)
    assert not read_back and len(calls) == 2
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    # a store where the folder cannot be made: the frame is still given, nothing left behind
    other = tmp_path / "ro"
    save_config(other, "w", "workspace", {})
    write_frames(other, "w", [("traffic", _traffic(5))], now=NOW)
    derived.folder(other, "w").parent.mkdir(parents=True)
    derived.folder(other, "w").write_text("a file where the folder would go")
    got, read_back = derived.frame(other, "w", "traffic", TAG, lambda: tr.prepared(loader.read_coded(other, "w", "traffic", TRAFFIC_COLS)))
    assert not read_back and len(got) == 11
    assert derived.folder(other, "w").is_file()


def test_reading_leaves_the_workspace_folder_alone_and_deleting_it_drops_its_cache(tmp_path):
    from connectors.store import delete_workspace, list_workspaces
    from tests.conftest import tree_digest

    root = _store(tmp_path)
    before = tree_digest(root / "w")
    derived.frame(root, "w", "traffic", TAG, _build(root)[0])
    assert tree_digest(root / "w") == before
    assert list(derived.folder(root, "w").glob("traffic.*.arrow")) and list_workspaces(root) == ["w"]
    delete_workspace(root, "w")
    assert not derived.folder(root, "w").exists()


def test_an_empty_table_round_trips(tmp_path):
    root = tmp_path / "store"
    save_config(root, "w", "workspace", {})
    build = lambda: tr.prepared(loader.read_coded(root, "w", "traffic", TRAFFIC_COLS))  # noqa: E731
    a, _ = derived.frame(root, "w", "traffic", TAG, build)
    b, read_back = derived.frame(root, "w", "traffic", TAG, build)
    assert read_back and len(a) == len(b) == 0 and list(a.columns) == list(b.columns)
    assert a.dtypes.to_dict() == b.dtypes.to_dict()


def test_an_import_of_traffic_makes_the_derived_file_the_pages_read(tmp_path, capsys):
    from pathlib import Path

    from connectors.__main__ import main as cli

    root = tmp_path / "store"
    save_config(root, "w", "workspace", {})
    samples = Path(__file__).parent / "data" / "samples"
    # one batch of two files (one with traffic): the derived file is made once, at the end
    assert cli(["import", str(samples / "ga4_report_preamble.csv"), str(samples / "meta_posts_bom.csv"), "--workspace", "w",
                "--store", str(root)]) == 0
    assert '"traffic"' in capsys.readouterr().out
    assert len(list(derived.folder(root, "w").glob("traffic.*.arrow"))) == 1
    want = tr._prepare_now(loader.read(root, "w", "traffic", TRAFFIC_COLS))
    got, read_back = loader.prepared_traffic(root, "w")
    assert read_back, "the import kept the prepared rows: the first page reads them"
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert tr._prepare(got) is got
