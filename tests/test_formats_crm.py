"""CRM lead exports -> leads, with no e-mail or phone number anywhere in the store."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from connectors import store
from connectors.formats.crm import norm_stage, utm_from_url
from connectors.importer import detect
from tests.helpers import run_cli, snapshot

DATA = Path(__file__).parent / "data"
FILES = {"crm_hubspot_contacts.csv": "hubspot_contacts", "crm_salesforce_leads.csv": "salesforce_leads", "crm_leads_fr.csv": "crm_leads"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def run_import(capsys, path: Path, root: Path, ws: str = "t") -> tuple[int, list[dict], str]:
    return run_cli(capsys, "import", str(path), "--workspace", ws, "--store", str(root))


def raw_rows(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8-sig")
    delim = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.DictReader(text.splitlines(), delimiter=delim))
    return [r for r in rows if any((v or "").strip() for v in list(r.values())[1:])]


def all_phones() -> list[str]:
    """Every phone number written in the test files (in the forms they are written)."""
    out = []
    for name in FILES:
        for r in raw_rows(name):
            for k in ("Phone Number", "Phone", "Téléphone"):
                if r.get(k):
                    out.append(r[k])
    assert len(out) >= 6
    return out


def phone_forms(p: str) -> set[str]:
    digits = re.sub(r"\D", "", p)
    return {p, digits, digits[-9:]}


@pytest.mark.parametrize("name", sorted(FILES))
def test_import_counts_and_reimport(name, tmp_path, capsys):
    code, res, err = run_import(capsys, DATA / name, tmp_path)
    assert code == 0, err
    assert res[0]["format"] == FILES[name]
    rows = raw_rows(name)
    if name == "crm_salesforce_leads.csv":
        rows = [r for r in rows if r.get("Lead ID", "").startswith("00Q")]  # report footer is not data
    leads = store.read_table(tmp_path, "t", "leads")
    assert len(leads) == len(rows) == res[0]["rows_read"]
    assert leads["lead_id"].str.fullmatch(r"[0-9a-f]{32}").all()
    before = snapshot(tmp_path)
    code, again, _ = run_import(capsys, DATA / name, tmp_path)
    assert code == 0 and all(r["rows_added"] == 0 and r["rows_updated"] == 0 for r in again)
    assert snapshot(tmp_path) == before


def test_no_email_or_phone_anywhere_in_the_store(tmp_path, capsys):
    for name in FILES:
        code, _, err = run_import(capsys, DATA / name, tmp_path)
        assert code == 0, err
    phones = set().union(*(phone_forms(p) for p in all_phones()))
    emails = {r.get("Email") or r.get("Courriel") for n in FILES for r in raw_rows(n)} - {None, ""}
    files = list(tmp_path.rglob("*.parquet"))
    assert files
    for f in files:
        blob = f.read_bytes()
        text = blob.decode("latin-1")
        assert not EMAIL.search(text), f
        for e in emails:
            assert e.lower().encode() not in blob.lower(), (f, e)
        tbl = pq.read_table(f)
        for col in tbl.column_names:
            if pa.types.is_string(tbl.schema.field(col).type):
                for v in tbl.column(col).to_pylist():
                    if v is None:
                        continue
                    assert not EMAIL.search(v), (f, col, v)
                    assert not any(p in v or p in re.sub(r"\D", "", v) for p in phones if len(p) >= 6 and re.sub(r"\D", "", v)), (f, col, v)


def test_attribution_and_stages(tmp_path, capsys):
    for name in FILES:
        run_import(capsys, DATA / name, tmp_path)
    leads = store.read_table(tmp_path, "t", "leads")
    # HubSpot: UTM parameters of the first page seen win over the CRM's source fields
    utm = leads[leads["campaign"] == "automne_2025"]
    assert {"facebook", "instagram"} == set(utm["source"])
    assert "paid_social" in set(utm["medium"])
    # the importing user's e-mail in a HubSpot drill-down is dropped, not stored
    assert not leads["campaign"].fillna("").str.contains("@").any()
    assert set(leads["stage"]) <= {"new", "contacted", "qualified", "won", "lost"}
    assert (leads["stage"] == "won").sum() == 3  # customer, Closed - Converted, Gagné
    assert leads["value"].dropna().sort_values().tolist() == [350.0, 1200.5]  # "1 200,50"


def test_same_email_gives_same_lead_in_a_workspace_and_differs_across_workspaces(tmp_path, capsys):
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text("Email,Created Date,Lead Source,Status,Lead ID\nZoe@Example.com,9/1/2025,Web,Open,00Q1\n")
    b.write_text("email;date de création;source;statut\n zoe@example.com ;01/09/2025;web;Nouveau\n", encoding="utf-8")
    root = tmp_path / "s"
    for p in (a, b):
        code, _, err = run_import(capsys, p, root)
        assert code == 0, err
    assert len(store.read_table(root, "t", "leads")) == 1
    code, _, err = run_import(capsys, a, root, ws="other")
    assert code == 0, err
    one = store.read_table(root, "t", "leads")["lead_id"].item()
    other = store.read_table(root, "other", "leads")["lead_id"].item()
    assert one != other
    salts = {store.load_config(root, w, "workspace")["lead_salt"] for w in ("t", "other")}
    assert len(salts) == 2


def test_failed_first_import_creates_no_workspace(tmp_path, capsys):
    p = tmp_path / "bad.csv"
    p.write_text("Email,Created Date,Lead Source,Lead ID\nx@example.com,not a date,Web,00Q1\n")
    code, _, err = run_import(capsys, p, tmp_path / "s")
    assert code == 2 and ":2:" in err and "Created Date" in err
    assert not (tmp_path / "s" / "t").exists()
    assert "x@example.com" not in err  # the error names line and column, not the contact


def test_lead_without_any_identifier_is_an_error(tmp_path, capsys):
    p = tmp_path / "noid.csv"
    p.write_text("Courriel;Téléphone;Date de création;Source\n;;02/10/2025;salon\n", encoding="utf-8")
    code, _, err = run_import(capsys, p, tmp_path / "s")
    assert code == 2 and ":2:" in err


@pytest.mark.parametrize("name", sorted(FILES))
def test_detection_even_renamed(name, tmp_path):
    assert detect(DATA / name).format == FILES[name]
    renamed = tmp_path / "contacts-export.csv"
    shutil.copy(DATA / name, renamed)
    assert detect(renamed).format == FILES[name]


def test_stage_and_utm_helpers():
    assert norm_stage("marketingqualifiedlead") == "qualified"
    assert norm_stage("Closed - Not Converted") == "lost"
    assert norm_stage("ATTEMPTED_TO_CONTACT") == "contacted"
    assert norm_stage("Étape maison") == "Étape maison"  # unknown: kept as written
    assert utm_from_url("https://a.example/?x=1&amp;utm_source=li&amp;utm_campaign=c1") == {"utm_source": "li", "utm_campaign": "c1"}
