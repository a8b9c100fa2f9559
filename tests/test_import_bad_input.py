"""Bad input gets a clear error (file, line, column, expected/found), exit code 2, and
leaves the store byte-for-byte unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from connectors.__main__ import main as cli
from tests.helpers import tree_hashes

OVERVIEW_HEADER = "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views"


def overview(*rows: str, newline_at_end: bool = True) -> bytes:
    text = "\n".join([OVERVIEW_HEADER, *rows]) + ("\n" if newline_at_end else "")
    return text.encode()


GOOD_ROWS = ('"Tue, Aug 26, 2025",444,4,29,0,0,1,0,6,0,4,0,0,0', '"Mon, Aug 25, 2025",8893,19,164,5,0,5,0,7,0,104,8,0,0')


@pytest.fixture
def seeded(tmp_path: Path, capsys):
    """A store that already holds one good import (so 'unchanged' is meaningful)."""
    good = tmp_path / "good.csv"
    good.write_bytes(overview(*GOOD_ROWS))
    root = tmp_path / "store"
    assert cli(["import", str(good), "--workspace", "w", "--store", str(root), "--account", "acme"]) == 0
    capsys.readouterr()
    return root


def run_bad(tmp_path: Path, root: Path, capsys, name: str, content: bytes) -> str:
    f = tmp_path / name
    f.write_bytes(content)
    before = tree_hashes(root)
    code = cli(["import", str(f), "--workspace", "w", "--store", str(root), "--account", "acme"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert tree_hashes(root) == before, "a failed import must leave the store byte-identical"
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{f}:")
    return lines[0]


def test_empty_file(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "empty.csv", b"")
    assert ":1:" in msg and "empty" in msg


def test_header_only(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "header.csv", overview())
    assert "data row" in msg


def test_pdf_renamed_csv(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "report.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF" in msg


def test_binary_renamed_csv(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "data.csv", bytes(range(256)) * 40)
    assert "binary" in msg


def test_truncated_last_line(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "cut.csv", overview(GOOD_ROWS[0], '"Mon, Aug 25, 2025",8893,19', newline_at_end=False))
    assert ":3:" in msg and "column 'Engagements'" in msg


def test_unknown_layout_suggests_mapping(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "mystery.csv", b"foo,bar,baz\n1,2,3\n")
    assert "mapping" in msg


def test_duplicate_column_names(tmp_path, seeded, capsys):
    content = b"date,text,text,url\n2025-05-01,Super festival,Autre texte,https://ex.com/1\n"
    msg = run_bad(tmp_path, seeded, capsys, "mentions.csv", content)
    assert ":2:" in msg and "column 'text'" in msg


def test_non_numeric_count(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "nan.csv", overview(GOOD_ROWS[0], '"Mon, Aug 25, 2025",lots,19,164,5,0,5,0,7,0,104,8,0,0'))
    assert ":3:" in msg and "column 'Impressions'" in msg and "expected a whole number, found 'lots'" in msg


def test_negative_follower_total(tmp_path, seeded, capsys):
    content = "\ufeffDate,New followers,Total followers,Reached audience,Engaged audience\n2025/11/01,10,1200,75,18\n2025/11/02,3,-4,60,12\n".encode()
    msg = run_bad(tmp_path, seeded, capsys, "tiktok.csv", content)
    assert ":3:" in msg and "Total followers" in msg and "-4" in msg


def test_date_in_the_future(tmp_path, seeded, capsys):
    msg = run_bad(tmp_path, seeded, capsys, "future.csv", overview(GOOD_ROWS[0], '"Fri, Aug 1, 2099",1,1,1,0,0,1,0,0,0,0,0,0,0'))
    assert ":3:" in msg and ("future" in msg.lower() or "no later than" in msg)


def test_formula_cells_are_kept_as_text(tmp_path, capsys):
    content = (
        b"date,text,url\n"
        b'2025-05-01,"=HYPERLINK(""http://evil"",""x"")",https://ex.com/1\n'
        b"2025-05-02,+1 555 0100 call us,https://ex.com/2\n"
        b"2025-05-03,-5 degrees and sunny,https://ex.com/3\n"
        b"2025-05-04,@tourisme merci!,https://ex.com/4\n"
    )
    f = tmp_path / "m.csv"
    f.write_bytes(content)
    root = tmp_path / "store"
    assert cli(["import", str(f), "--workspace", "w", "--store", str(root)]) == 0
    res = json.loads(capsys.readouterr().out.splitlines()[0])
    assert res["table"] == "mentions" and res["rows_added"] == 4
    texts = sorted(pd.read_parquet(root / "w" / "mentions")["text"])
    assert texts == sorted(['=HYPERLINK("http://evil","x")', "+1 555 0100 call us", "-5 degrees and sunny", "@tourisme merci!"])


def test_missing_file_and_bad_workspace(tmp_path, capsys):
    assert cli(["import", str(tmp_path / "nope.csv"), "--workspace", "w", "--store", str(tmp_path)]) == 2
    assert "nope.csv" in capsys.readouterr().err
    assert cli(["import", str(tmp_path / "nope.csv"), "--workspace", "../x", "--store", str(tmp_path)]) == 2


def test_one_bad_file_does_not_block_the_good_ones(tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(overview(*GOOD_ROWS))
    bad.write_bytes(b"")
    root = tmp_path / "store"
    code = cli(["import", str(bad), str(good), "--workspace", "w", "--store", str(root), "--account", "acme"])
    out, err = capsys.readouterr()
    assert code == 2
    assert json.loads(out.splitlines()[0])["rows_added"] == 2
    assert str(bad) in err
