"""Every hostile or odd file of the fault corpus (tests/fault_corpus.py) exits 0 or 2, says
FILE:LINE: when it refuses, stays under 10 s of CPU and 1 GiB of memory, and a refusal
leaves the store byte-identical. Some cases must be refused, some must import correctly.
Each case is imported by a process of its own, forked from one that has loaded the importer;
a few are also run as a fresh ``python -m connectors import`` and must do the same."""

from __future__ import annotations

import os
import re

import pytest

from connectors import store
from tests import fault_corpus as fc

pytestmark = pytest.mark.skipif(os.name != "posix", reason="per-child CPU and peak memory come from resource.getrusage (POSIX)")

MUST_REFUSE = {
    "reach_1e309.csv": "reach",
    "reach_huge_int.csv": "reach",
    "x_overview_weird_numbers.csv": "Impressions",
    "year_0001.csv": "date",
    "year_1900.csv": "date",
    "year_9999.csv": "date",
    "unclosed_quote.csv": "quote never closed",
    "long_header_1mb.csv": "columns",
    "huge_field_50mb.csv": "characters",
    "huge_field_8mb.csv": "characters",
    "truncated.xls": ".xls",
    "truncated.xlsx": "damaged",
    "empty.csv": "empty",
    "png_renamed.csv": "binary",
}
MUST_IMPORT = ("reach_inf.csv",  # "inf" is a missing-value marker of exports (a rate divided by zero): stored as null
               "cp1252_byte_in_utf8.csv", "multiline_quoted_ok.csv", "second_good_file.csv", "long_quoted_field_900k.csv",
               "quote_inside_field.csv", "formula_cells.csv")


# also imported by `python -m connectors import` started from scratch (the corpus itself runs in
# children forked from one process, fault_corpus.run_all): the largest peak memory, the most CPU,
# a refusal in the middle of a file. All refused, so running them last changes nothing.
FRESH = ("huge_field_50mb.csv", "huge_xlsx_200k_cells.xlsx", "unclosed_quote.csv")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, fc.Outcome]:
    work = tmp_path_factory.mktemp("faults")
    res = fc.run_all(work)
    print("\n" + fc.table(res))  # the table, for the CI log (pytest -s)
    out: dict = {o.case: o for o in res}
    out["__root__"] = work / "store"
    out["__fresh__"] = {case: fc.run_case(work / "corpus" / case, work / "store") for case in FRESH}
    return out


def _cases(outcomes) -> dict[str, fc.Outcome]:
    return {k: v for k, v in outcomes.items() if not k.startswith("__")}


def test_corpus_is_big_enough():
    assert len(fc.cases()) >= 40


def test_every_case_exits_0_or_2_in_bounded_time_and_memory(outcomes):
    bad = []
    for o in _cases(outcomes).values():
        if o.code not in (0, 2):
            bad.append(f"{o.case}: exit {o.code} {o.message}")
        if not o.cpu_s < 10:
            bad.append(f"{o.case}: {o.cpu_s:.1f} s CPU")
        if not o.peak_mib < 1024:
            bad.append(f"{o.case}: {o.peak_mib:.0f} MiB")
    assert not bad, "\n".join(bad)


def test_refusals_name_file_and_line_and_change_nothing(outcomes):
    for o in _cases(outcomes).values():
        if o.code == 2:
            assert re.match(rf"^.*{re.escape(o.case)}:\d+: ", o.message), o
            assert o.store_unchanged, o.case


def test_a_fresh_process_does_what_the_forked_child_did(outcomes):
    """The forked children (no Python start each) behave like `python -m connectors import` run
    from scratch: same exit code, same message, store unchanged, within the same bounds."""
    fresh = outcomes["__fresh__"]
    assert sorted(fresh) == sorted(FRESH)
    for case, o in fresh.items():
        forked = outcomes[case]
        assert (o.code, o.message, o.store_unchanged) == (forked.code, forked.message, forked.store_unchanged), (o, forked)
        assert o.code == 2 and o.cpu_s < 10 and o.peak_mib < 1024, o


@pytest.mark.parametrize("case,word", sorted(MUST_REFUSE.items()))
def test_must_refuse(outcomes, case, word):
    o = outcomes[case]
    assert o.code == 2, o
    assert word.lower() in o.message.lower(), o.message


def test_dates_and_numbers_say_which_line(outcomes):
    assert ":3: column 'reach'" in outcomes["reach_1e309.csv"].message
    assert ":3: column 'date'" in outcomes["year_1900.csv"].message
    assert ":3: column '#2'" in outcomes["unclosed_quote.csv"].message  # the quote opens in the 2nd cell of line 3


@pytest.mark.parametrize("case", MUST_IMPORT)
def test_must_import(outcomes, case):
    assert outcomes[case].code == 0, outcomes[case]


def test_what_was_imported_reads_right(outcomes):
    texts = set(store.read_table(outcomes["__root__"], "w", "mentions", columns=["text"])["text"])
    # one cp1252 byte in a UTF-8 file: the UTF-8 row stays UTF-8, the odd byte is read as cp1252
    assert {"café 101", "déjà 102"} <= texts
    assert "two\nlines" in texts
    assert not any("\ufffd" in t or "Ã" in t for t in texts)
