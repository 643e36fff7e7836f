"""The dataset files for consumers, checked on the committed output/:
CSV conventions, pandas types, the data package, JSON Lines, SQLite with
Arabic full-text search, Parquet (optional)."""

import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import run
from pipeline.export import (
    fts_query,
    meetings_jsonl,
    pandas_read_csv_options,
    search,
    sqlite_bytes,
    sqlite_ddl,
    write_dataset,
)
from pipeline.models import SCHEMA_VERSION
from pipeline.tables import TABLES
from pipeline.write import load_records, record_json, table_csv

from .conftest import BROCHURE_TXT, OUTPUT, sqlite_contents

DOC = "global-rcp-meetings-ar"
DB = OUTPUT / "brochures.sqlite"
COUNTS = [c.name for c in TABLES["meetings"].columns if c.name.startswith("participants_") and c.type == "integer"]


@pytest.fixture(scope="module")
def records():
    recs, problems = load_records(OUTPUT)
    assert problems == []
    return recs


def _csv_rows(name: str) -> int:
    with open(OUTPUT / f"{name}.csv", encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


# --- CSV ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(TABLES))
def test_csv_conventions(name):
    data = (OUTPUT / f"{name}.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    text = data.decode("utf-8")
    table = TABLES[name]
    reader = list(csv.reader(io.StringIO(text)))
    assert reader[0] == table.column_names  # header row, column order of the models
    for row in reader[1:]:
        assert len(row) == len(table.columns)
        for c, cell in zip(table.columns, row):
            if c.required:
                assert cell != "", f"{name}.{c.name} is required"
            if cell == "":
                continue
            if c.type == "integer":
                assert re.fullmatch(r"-?\d+", cell), f"{name}.{c.name}: {cell!r}"
            elif c.type == "date":
                assert dt.date.fromisoformat(cell).isoformat() == cell
            elif c.type == "boolean":
                assert cell in ("true", "false")


def test_excel_option_writes_a_bom_and_says_so(tmp_path: Path):
    assert table_csv("meetings", [], excel=True).startswith("\ufeff".encode())
    report = run([BROCHURE_TXT], tmp_path, workers=1, excel=True)
    assert report.totals["ok"] == 1
    for name in TABLES:
        data = (tmp_path / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        # after the BOM, the plain CSV's cells, but a formula-like text gets a leading '
        # (the seed's phone number "+41 22 …" is one: Excel would compute it)
        excel_rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
        plain_rows = list(csv.reader(io.StringIO(table_csv(name, load_records(tmp_path)[0]).decode("utf-8"))))
        assert len(excel_rows) == len(plain_rows)
        for excel_row, plain_row in zip(excel_rows, plain_rows):
            assert excel_row == ["'" + c if c.startswith(("=", "+", "-", "@", "\t", "\r")) else c for c in plain_row]
    assert "'+41 22 717 91 11" in (tmp_path / "documents.csv").read_text("utf-8-sig")
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(tmp_path / "meetings.csv", encoding="utf-8-sig")
    assert list(frame.columns)[:3] == ["document_id", "meeting_index", "number"]


def test_excel_csv_neutralises_formulas_and_the_plain_csv_keeps_the_data(brochure_record):
    # texts a PDF could plant: a spreadsheet would run each as a formula (OWASP CSV injection)
    planted = ["=HYPERLINK(\"http://x.test\",\"!\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
    meeting = brochure_record.meetings[0].model_copy(update={"theme": planted[0], "outcome": planted[1], "hosts": planted[2:4]})
    document = brochure_record.document.model_copy(update={"title": planted[4], "publisher": planted[5]})
    record = brochure_record.model_copy(update={"document": document, "meetings": [meeting]})

    def cells(name: str, excel: bool) -> dict[str, str]:
        data = table_csv(name, [record], excel=excel).decode("utf-8-sig")
        header, row = list(csv.reader(io.StringIO(data, newline="")))  # a CR in a text cuts no row
        return dict(zip(header, row))

    plain_m, excel_m = cells("meetings", False), cells("meetings", True)
    plain_d, excel_d = cells("documents", False), cells("documents", True)
    assert (plain_m["theme"], plain_m["outcome"], plain_m["hosts"]) == (planted[0], planted[1], "-2+3 | @SUM(A1)")
    assert (plain_d["title"], plain_d["publisher"]) == (planted[4], planted[5])  # the data as it is
    assert (excel_m["theme"], excel_m["outcome"], excel_m["hosts"]) == ("'" + planted[0], "'+1+1", "'-2+3 | @SUM(A1)")
    assert (excel_d["title"], excel_d["publisher"]) == ("'\tcmd", "'\rcmd")
    # numbers, dates and booleans are never touched; other texts neither
    for key in ("number", "year", "start_date", "is_online", "title", "city"):
        assert excel_m[key] == plain_m[key], key


def test_pandas_reads_meetings_with_the_right_types():
    pd = pytest.importorskip("pandas")
    m = pd.read_csv(OUTPUT / "meetings.csv", **pandas_read_csv_options("meetings"))
    m = m[m["document_id"] == DOC].reset_index(drop=True)
    assert str(m["number"].dtype) == "int64" and m["number"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert str(m["year"].dtype) == "int64" and m["year"].tolist()[:2] == [2005, 2009]
    assert pd.api.types.is_datetime64_any_dtype(m["start_date"])
    assert m.loc[2, "start_date"] == pd.Timestamp("2011-10-25") and m.loc[6, "end_date"] == pd.Timestamp("2017-10-11")
    assert str(m["is_online"].dtype) == "bool" and not m["is_online"].any()
    assert m["outcome_is_expected"].tolist() == [False] * 6 + [True]
    for col in COUNTS:
        assert str(m[col].dtype) == "Int64"
    # meeting 1 states no global process: NA, not 0
    assert m.loc[0, "participants_global_process"] is pd.NA
    assert m["participants_global_process"].tolist()[1:6] == [1, 1, 1, 1, 2]
    assert (m.loc[0, "participants_iscm_total"], m.loc[0, "participants_rcp"]) == (9, 5)
    # meeting 7 has no participants field at all
    assert m.loc[6, COUNTS + ["participants_text"]].isna().all()
    assert m.loc[0, "country_code"] == "CH" and str(m["country_code"].dtype) == "string"
    assert m.loc[0, "hosts"].split(" | ") == ["المنظمة الدولية للهجرة", "اللجنة العالمية للهجرة الدولية التي لم تعد قائمة"]
    assert m["extra_fields"].isna().all()  # empty cells, typed as text rather than guessed as numbers
    assert str(m["extra_fields"].dtype) == "string"


def test_country_code_na_is_not_read_as_missing():
    """Only the empty cell is missing: pandas' default would turn Namibia (NA) into NaN."""
    pd = pytest.importorskip("pandas")
    text = "document_id,number,country_code\nd,1,NA\nd,2,\n"
    options = pandas_read_csv_options("meetings")
    options["dtype"] = {k: v for k, v in options["dtype"].items() if k in ("document_id", "number", "country_code")}
    frame = pd.read_csv(io.StringIO(text), **{**options, "parse_dates": []})
    assert frame["country_code"].tolist()[0] == "NA" and frame["country_code"].isna().tolist() == [False, True]


# --- data package ----------------------------------------------------------------------


def test_datapackage_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(OUTPUT / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = ["documents", "sections", "blocks", "meetings", "contacts", "dates", "tables"]
    assert [t.name for t in report.tasks] == names
    assert [t.stats.get("rows", 0) for t in report.tasks] == [_csv_rows(name) for name in names]


def test_datapackage_describes_the_csvs():
    package = json.loads((OUTPUT / "datapackage.json").read_text("utf-8"))
    assert package["profile"] == "tabular-data-package" and package["version"] == SCHEMA_VERSION
    resources = {r["name"]: r for r in package["resources"]}
    meetings = resources["meetings"]
    data = (OUTPUT / "meetings.csv").read_bytes()
    assert (meetings["path"], meetings["encoding"], meetings["bytes"]) == ("meetings.csv", "utf-8", len(data))
    assert meetings["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert meetings["dialect"]["delimiter"] == "," and meetings["dialect"]["header"] is True
    schema = meetings["schema"]
    assert schema["missingValues"] == [""]
    assert schema["primaryKey"] == ["document_id", "meeting_index"]
    assert schema["foreignKeys"] == [{"fields": ["document_id"], "reference": {"resource": "documents", "fields": ["id"]}}]
    fields = {f["name"]: f for f in schema["fields"]}
    assert [f["name"] for f in schema["fields"]] == TABLES["meetings"].column_names
    assert fields["start_date"]["type"] == "date" and fields["start_date"]["format"] == "default"
    assert fields["year"]["constraints"] == {"required": True, "minimum": 1900, "maximum": 2100}
    assert fields["participants_rcp"]["constraints"] == {"required": False, "minimum": 0, "maximum": 10000}
    assert fields["country_code"]["constraints"] == {"required": False, "pattern": "[A-Z]{2}"}
    assert fields["is_online"]["trueValues"] == ["true"]
    assert fields["extra_fields"]["type"] == "object"
    assert "' | '" in fields["hosts"]["description"] and fields["hosts"]["constraints"] == {"required": False}
    assert "ISO 8601" in fields["start_date"]["description"]
    assert resources["sections"]["schema"]["fields"][2]["constraints"]["enum"][0] == "text"


def test_frictionless_catches_a_broken_value(tmp_path: Path):
    frictionless = pytest.importorskip("frictionless")
    for name in ("datapackage.json", *(f"{t}.csv" for t in TABLES)):
        shutil.copy(OUTPUT / name, tmp_path / name)
    path = tmp_path / "meetings.csv"
    path.write_bytes(path.read_bytes().replace(f"{DOC},3,3,2011,".encode(), f"{DOC},3,3,1800,".encode()))
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    for r in package["resources"]:  # keep size and hash right: only the value is wrong
        data = (tmp_path / r["path"]).read_bytes()
        r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["rowNumber", "fieldName", "type"]) == [[4, "year", "constraint-error"]]


# --- JSON Lines ---------------------------------------------------------------------


def test_meetings_jsonl(records):
    data = (OUTPUT / "meetings.jsonl").read_bytes()
    assert data == meetings_jsonl(records)
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == sum(len(r.meetings) for r in records) == _csv_rows("meetings")
    every = [json.loads(line) for line in lines[:-1]]
    assert [r["document_id"] for r in every] == sorted(r["document_id"] for r in every)
    rows = [r for r in every if r["document_id"] == DOC]
    assert [r["number"] for r in rows] == list(range(1, 8))
    assert list(rows[0])[:3] == ["document_id", "number", "year"]
    assert rows[2]["start_date"] == "2011-10-25" and rows[0]["participants"]["global_process"] is None
    assert rows[6]["participants"] is None
    record = json.loads(record_json(next(r for r in records if r.document.id == DOC)))
    assert {k: v for k, v in rows[5].items() if k != "document_id"} == record["meetings"][5]
    assert "إقليمية" in lines[0]  # Arabic is not escaped


# --- SQLite --------------------------------------------------------------------------


def test_sqlite_tables_follow_the_models():
    conn = sqlite3.connect(DB)
    info = {row[1]: row for row in conn.execute("PRAGMA table_info(meetings)")}
    assert list(info) == TABLES["meetings"].column_names
    # (type, not null, position in the primary key)
    assert (info["meeting_index"][2], info["meeting_index"][3], info["meeting_index"][5]) == ("INTEGER", 1, 2)
    assert (info["number"][2], info["number"][3], info["number"][5]) == ("INTEGER", 1, 0)
    assert (info["document_id"][2], info["document_id"][3], info["document_id"][5]) == ("TEXT", 1, 1)
    assert (info["start_date"][2], info["start_date"][3]) == ("TEXT", 0)
    assert (info["is_online"][2], info["participants_rcp"][2], info["participants_rcp"][3]) == ("INTEGER", "INTEGER", 0)
    assert conn.execute("PRAGMA foreign_key_list(meetings)").fetchall()[0][2:5] == ("documents", "document_id", "id")
    assert conn.execute("PRAGMA foreign_key_list(sections)").fetchall()[0][2:5] == ("documents", "document_id", "id")
    major, minor, patch = map(int, SCHEMA_VERSION.split("."))
    assert conn.execute("PRAGMA user_version").fetchone() == (major * 1_000_000 + minor * 1_000 + patch,)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = conn.execute(
        "SELECT number, start_date, is_online, participants_global_process, participants_iscm_total "
        "FROM meetings WHERE document_id = ? ORDER BY number", (DOC,)
    ).fetchall()
    assert rows[0] == (1, "2005-04-14", 0, None, 9)
    assert rows[6] == (7, "2017-10-10", 0, None, None)
    assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] == _csv_rows("sections")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'meetings'").fetchone()[0]
    assert sql == sqlite_ddl(TABLES["meetings"]) and "-- First day, ISO 8601" in sql


def test_sqlite_checks_reject_bad_values(tmp_path: Path):
    shutil.copy(DB, tmp_path / "db.sqlite")
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    conn.execute("PRAGMA foreign_keys = ON")
    bad = [
        "UPDATE meetings SET is_online = 2 WHERE number = 1",
        "UPDATE meetings SET start_date = '2011-02-30' WHERE number = 1",
        "UPDATE meetings SET start_date = '2011-13-01' WHERE number = 1",
        "UPDATE meetings SET end_date = '25/10/2011' WHERE number = 1",
        "UPDATE meetings SET year = 1800 WHERE number = 1",
        "UPDATE meetings SET title = NULL WHERE number = 1",
        "UPDATE sections SET kind = 'appendix' WHERE section_index = 1",
        "UPDATE meetings SET document_id = 'nowhere' WHERE number = 1",
        f"INSERT INTO meetings (document_id, number, year, title, is_online, outcome_is_expected) "
        f"VALUES ('{DOC}', 1, 2005, 'x', 0, 0)",
    ]
    for statement in bad:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(statement)
    conn.execute("UPDATE meetings SET end_date = '2005-04-16', participants_rcp = NULL WHERE number = 1")  # fine


def _texts(table: str, keys: list[int]) -> list[str]:
    conn = sqlite3.connect(DB)
    if table == "meetings":
        cols = "title || ' ' || coalesce(hosts, '') || ' ' || coalesce(date_text, '') || ' ' || coalesce(theme, '') || ' ' || coalesce(participants_text, '') || ' ' || coalesce(outcome, '')"
        sql = f"SELECT {cols} FROM meetings WHERE document_id = ? AND number = ?"
    else:
        sql = "SELECT coalesce(heading, '') || ' ' || paragraphs || ' ' || coalesce(bullets, '') FROM sections WHERE document_id = ? AND section_index = ?"
    return [conn.execute(sql, (DOC, k)).fetchone()[0] for k in keys]


def test_search_finds_every_spelling_of_iqlimiya():
    hits = {q: search(DB, q) for q in ("اقليمية", "إقليمية", "أقليمية", "الإقليمية", "اقليميه")}
    keys = {q: [(h.table, h.document_id, h.key) for h in found] for q, found in hits.items()}
    assert keys["اقليمية"] == keys["إقليمية"] == keys["أقليمية"] == keys["اقليميه"]
    assert set(keys["الإقليمية"]) <= set(keys["اقليمية"])
    meetings = sorted(k for t, d, k in keys["اقليمية"] if t == "meetings" and d == DOC)
    assert meetings == [1, 2, 3, 4, 5, 6, 7]
    # the hits' display texts use all three spellings, with and without the article
    texts = " ".join(_texts("meetings", meetings) + _texts("sections", [k for t, d, k in keys["اقليمية"] if t == "sections" and d == DOC]))
    for spelling in ("إقليمية", "أقليمية", "الإقليمية", "الأقليمية"):
        assert spelling in texts
    # meeting 6 writes "منتديات أقليمية" (hamza above): found by the plain and the hamza-below spelling
    assert "أقليمية" in _texts("meetings", [6])[0] and ("meetings", DOC, 6) in keys["إقليمية"]
    snippet = next(h.snippet for h in hits["الإقليمية"] if h.table == "sections")
    assert "[الاقليميه]" in snippet and snippet.startswith("…")


def test_search_narrows_with_more_words_and_finds_places():
    geneva = search(DB, "جنيف")
    assert sorted(h.key for h in geneva if h.table == "meetings" and h.document_id == DOC) == [1, 6, 7]
    both = search(DB, "جنيف 2016")
    assert [h.key for h in both if h.table == "meetings" and h.document_id == DOC] == [6]
    assert search(DB, "كلمة غير موجودة أبدا") == []
    with pytest.raises(ValueError, match="at least 3 characters"):
        search(DB, "في")
    with pytest.raises(ValueError, match="nothing to search"):
        search(DB, "؟!")
    with pytest.raises(FileNotFoundError):
        search(OUTPUT / "missing.sqlite", "جنيف")
    assert fts_query("الإقليمية، \"جنيف\"") == '"الاقليميه" "جنيف"'


def test_raw_sql_and_datasette_conventions():
    conn = sqlite3.connect(DB)
    count = conn.execute(
        "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH ?", ('"اقليميه"',)
    ).fetchone()[0]
    assert count == sum(1 for h in search(DB, "اقليمية") if h.table == "sections")
    # Datasette finds an FTS table for a table through content="<table>"
    for table, fts in (("sections", "sections_fts"), ("meetings_match", "meetings_fts")):
        found = conn.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?", (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',)
        ).fetchall()
        assert found == [(fts,)]
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


def test_the_file_opens_in_the_sqlite3_shell():
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("no sqlite3 command-line shell")
    result = subprocess.run(
        [shell, "-readonly", str(DB),
         "SELECT m.number FROM meetings_fts f JOIN meetings_match m ON m.rowid = f.rowid "
         f"WHERE meetings_fts MATCH 'participants:\"اقليميه\"' AND m.document_id = '{DOC}' ORDER BY m.number;"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "2", "3", "4", "5", "6"]


def test_sqlite_is_deterministic(records, tmp_path: Path):
    first = sqlite_bytes(records)
    assert first == sqlite_bytes(records)
    # another process (other memory layout, other hash seed) builds the same bytes
    script = "import sys; from pipeline.export import sqlite_bytes; from pipeline.write import load_records; " \
             "sys.stdout.buffer.write(sqlite_bytes(load_records(__import__('pathlib').Path(sys.argv[1]))[0]))"
    other = subprocess.run([sys.executable, "-c", script, str(OUTPUT)], capture_output=True, check=True).stdout
    assert other == first
    # no change counter nor library version in the header (offsets 24 and 92-99)
    assert first[24:28] == b"\0" * 4 and first[92:100] == b"\0" * 8
    assert first[16:18] == (4096).to_bytes(2, "big")  # page size


def test_the_dataset_streams_records_and_builds_the_database_in_a_file(records, tmp_path: Path, monkeypatch):
    # write_dataset builds the database in a staged file, one record in
    # memory at a time: the bytes are those of the in-memory build.
    import pipeline.export
    import pipeline.write

    for path in OUTPUT.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    parsed: list[str] = []
    real = pipeline.write.DocumentRecord.model_validate_json

    def counting(data, *args, **kwargs):
        record = real(data, *args, **kwargs)
        parsed.append(record.document.id)
        return record

    monkeypatch.setattr(pipeline.write.DocumentRecord, "model_validate_json", counting)
    assert write_dataset(tmp_path) == []
    # each record read once (no second pass, no record list kept)
    assert sorted(parsed) == sorted(r.document.id for r in records)
    assert (tmp_path / "brochures.sqlite").read_bytes() == sqlite_bytes(records)
    for name in TABLES:
        assert (tmp_path / f"{name}.csv").read_bytes() == table_csv(name, records)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_repeated_meeting_number_still_loads_everywhere(tmp_path: Path, brochure_record):
    # a repeat is a validation warning; the tables key on the position, so the rows load
    dup = brochure_record.model_copy(update={"meetings": [*brochure_record.meetings, brochure_record.meetings[0]]})
    (tmp_path / f"{DOC}.json").write_bytes(record_json(dup))
    (tmp_path / "brochures.sqlite").write_bytes(b"stale")
    assert write_dataset(tmp_path) == []
    conn = sqlite3.connect(tmp_path / "brochures.sqlite")
    assert conn.execute("SELECT meeting_index FROM meetings WHERE number = 1").fetchall() == [(1,), (8,)]
    assert len((tmp_path / "meetings.jsonl").read_text("utf-8").splitlines()) == 8
    assert (tmp_path / "meetings.csv").read_text("utf-8").count(",1,2005,") == 2
    frictionless = pytest.importorskip("frictionless")
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


# --- the rebuild checks every record ---------------------------------------------------


def _seed_folder(folder: Path) -> None:
    run([BROCHURE_TXT], folder, workers=1)


def test_a_record_copied_under_another_name_is_left_out_and_the_database_kept(tmp_path: Path):
    _seed_folder(tmp_path)
    shutil.copy(tmp_path / f"{DOC}.json", tmp_path / "copy.json")
    left_out = write_dataset(tmp_path)
    assert [(p.file.name, "copy under another name" in p.reason) for p in left_out] == [("copy.json", True)]
    assert len((tmp_path / "meetings.csv").read_text("utf-8").splitlines()) == 1 + 7  # no duplicate rows
    conn = sqlite3.connect(tmp_path / "brochures.sqlite")
    assert conn.execute("SELECT count(*) FROM meetings").fetchone() == (7,)


def test_records_of_another_schema_major_or_id_are_left_out_by_the_cli(tmp_path: Path):
    _seed_folder(tmp_path)
    data = json.loads((tmp_path / f"{DOC}.json").read_text("utf-8"))
    major = int(SCHEMA_VERSION.split(".")[0])
    (tmp_path / "future.json").write_text(
        json.dumps({**data, "schema_version": f"{major + 1}.0.0", "document": {**data["document"], "id": "future"}}),
        encoding="utf-8",
    )
    (tmp_path / "other-id.json").write_text(json.dumps(data), encoding="utf-8")  # holds DOC's id
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(BROCHURE_TXT), "--out", str(tmp_path), "--workers", "1"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1  # the tables are incomplete: say so
    left = sorted(line for line in result.stderr.splitlines() if line.startswith("LEFT OUT"))
    assert len(left) == 2
    assert left[0].startswith(f"LEFT OUT {tmp_path / 'future.json'}: major version differs")
    assert left[1].startswith(f"LEFT OUT {tmp_path / 'other-id.json'}: holds document {DOC!r}")
    ids = {line.split(",")[0] for line in (tmp_path / "documents.csv").read_text("utf-8").splitlines()[1:]}
    assert ids == {DOC}
    report = json.loads((tmp_path / "run_report.json").read_text("utf-8"))
    assert sorted(Path(p["file"]).name for p in report["problems"]) == ["future.json", "other-id.json"]


def test_a_record_the_database_refuses_is_left_out_of_every_table(tmp_path: Path, monkeypatch, brochure_record):
    import pipeline.export

    _seed_folder(tmp_path)
    other = brochure_record.model_copy(
        update={"document": brochure_record.document.model_copy(update={"id": "refused"})}
    )
    (tmp_path / "refused.json").write_bytes(record_json(other))
    real = pipeline.export._database_rows

    def picky(name, record, table_rows=None):  # a constraint the models do not enforce
        out = real(name, record, table_rows)
        if name == "documents" and record.document.id == "refused":
            return out + out  # the document's row twice: its primary key repeated
        return out

    monkeypatch.setattr(pipeline.export, "_database_rows", picky)
    left_out = write_dataset(tmp_path)
    assert [(p.file.name, p.reason) for p in left_out] == [
        ("refused.json", "refused by the database (UNIQUE constraint failed: documents.id)")
    ]
    for name in ("documents.csv", "meetings.csv", "meetings.jsonl"):
        assert "refused" not in (tmp_path / name).read_text("utf-8"), name
    assert sqlite_contents(tmp_path / "brochures.sqlite")["rows"]["documents"][0][1] == DOC


# --- Parquet (optional extra) -------------------------------------------------------


def test_parquet_has_the_meetings_table_typed(tmp_path: Path, records):
    pytest.importorskip("pyarrow")
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from pipeline.export import parquet_bytes

    data = parquet_bytes(records)
    assert data == parquet_bytes(records)  # deterministic
    (tmp_path / "m.parquet").write_bytes(data)
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.column_names == TABLES["meetings"].column_names
    types = {f.name: str(f.type) for f in table.schema}
    assert (types["number"], types["start_date"], types["is_online"], types["hosts"]) == ("int64", "date32[day]", "bool", "string")
    assert not table.schema.field("number").nullable and table.schema.field("participants_rcp").nullable
    seed = table.filter(pc.equal(table.column("document_id"), DOC))
    assert seed.column("start_date").to_pylist()[2] == dt.date(2011, 10, 25)
    assert seed.column("participants_global_process").to_pylist() == [None, 1, 1, 1, 1, 2, None]
    assert table.schema.field("year").metadata[b"description"].decode().startswith("Year")


def test_readme_lists_the_columns_of_the_models():
    readme = (OUTPUT.parent / "README.md").read_text("utf-8")
    for table in TABLES.values():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{table.name}` |"))
        listed = re.findall(r"`([a-z0-9_]+)`( [a-z]+)?(\*)?", row.split("|")[3])
        assert [name for name, _, _ in listed] == table.column_names
        assert [(t.strip() or "string", bool(star)) for _, t, star in listed] == [(c.type, c.required) for c in table.columns]


def _json_dumps_record(record) -> bytes:
    """The record JSON as the standard library writes it (the reference format)."""
    return (json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_record_json_is_the_standard_library_format(records):
    # pydantic writes the bytes; they must stay those of json.dumps(indent=2,
    # ensure_ascii=False) for every committed record.
    assert records
    for record in records:
        assert record_json(record) == _json_dumps_record(record)
        assert record_json(record) == (OUTPUT / f"{record.document.id}.json").read_bytes()


@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    coords=st.lists(st.floats(min_value=-5000, max_value=5000, allow_nan=False), min_size=4, max_size=4),
    confidence=st.floats(min_value=0, max_value=100, allow_nan=False),
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_record_json_matches_json_dumps_on_any_text_and_rounded_number(brochure_record, text, coords, confidence):
    # Control characters, quotes, backslashes, bidi marks, astral code points;
    # boxes rounded to 0.01 pt and OCR confidences to 0.1 as the pipeline does.
    from pipeline.models import Box

    section = brochure_record.sections[0]
    block = section.blocks[0].model_copy(update={
        "text": text,
        "bbox": Box(x0=round(coords[0], 2), top=round(coords[1], 2), x1=round(coords[2], 2), bottom=round(coords[3], 2)),
        "ocr_confidence": round(confidence, 1),
    })
    record = brochure_record.model_copy(update={
        "sections": [section.model_copy(update={"title": text, "blocks": [block]})],
    })
    assert record_json(record) == _json_dumps_record(record)
