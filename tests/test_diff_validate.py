"""`python -m pipeline diff` and `python -m pipeline validate` on copies of the committed record."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.check import json_path
from pipeline.diff import diff_folders, diff_lines
from pipeline.models import SCHEMA_VERSION

from .conftest import OUTPUT, ROOT

DOC = "global-rcp-meetings-ar"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True)


def _record() -> dict:
    return json.loads((OUTPUT / f"{DOC}.json").read_text("utf-8"))


def _folder(path: Path, *records: dict) -> Path:
    path.mkdir()
    for r in records:
        (path / f"{r['document']['id']}.json").write_text(json.dumps(r, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def old_dir(tmp_path: Path) -> Path:
    return _folder(tmp_path / "old", _record())


def test_diff_of_equal_folders_exits_0(tmp_path: Path):
    shutil.copytree(OUTPUT, tmp_path / "copy", ignore=shutil.ignore_patterns("*.sqlite", "*.csv"))
    result = cli("diff", str(OUTPUT), str(tmp_path / "copy"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "no differences" in result.stderr


def test_diff_reports_changed_field_added_meeting_removed_document(old_dir: Path, tmp_path: Path):
    other = _record()
    other["document"]["id"] = "other-brochure"
    (old_dir / "other-brochure.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    new = _record()
    new["meetings"][2]["start_date"] = "2011-10-24"
    extra = dict(new["meetings"][6], number=8)
    new["meetings"].append(extra)
    new_dir = _folder(tmp_path / "new", new)

    result = cli("diff", str(old_dir), str(new_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{DOC} / meeting 3 / start_date: 2011-10-25 → 2011-10-24",
        f"{DOC} / meeting 8 added",
        "other-brochure / document removed",
    ]
    assert "1 documents removed, 1 meetings added, 1 meetings changed, 1 fields changed" in result.stderr

    as_json = cli("diff", str(old_dir), str(new_dir), "--json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert set(data) == {"equal", "summary", "changes", "problems"}
    assert data["equal"] is False and data["problems"] == []
    assert data["summary"] == {
        "documents_added": 0, "documents_removed": 1,
        "meetings_added": 1, "meetings_removed": 0, "meetings_changed": 1,
        "sections_added": 0, "sections_removed": 0, "sections_changed": 0, "fields_changed": 1,
    }
    first, added, removed = data["changes"]
    assert first == {
        "document_id": DOC, "record": "meeting", "key": 3, "old_key": 3, "change": "changed",
        "field": "start_date", "old": "2011-10-25", "new": "2011-10-24",
    }
    assert (added["record"], added["key"], added["old_key"], added["change"], added["field"]) == ("meeting", 8, None, "added", None)
    assert added["old"] is None and added["new"]["number"] == 8 and added["new"]["year"] == 2017
    assert (removed["document_id"], removed["record"], removed["change"]) == ("other-brochure", "document", "removed")
    assert removed["old"]["document"]["id"] == "other-brochure" and removed["new"] is None


def test_diff_nested_fields_and_sections(old_dir: Path, tmp_path: Path):
    new = _record()
    new["meetings"][0]["participants"]["rcp"] = 6
    new["meetings"][6]["participants"] = {"text": "5 آليات", "iscm_total": 5}
    new["contact"]["email"] = "info@iom.int"
    new["contact"]["unit"] = ""
    inserted = {
        "kind": "other", "heading": "ملاحظة", "paragraphs": ["نص جديد"], "bullets": [], "text_normalized": "ملاحظه\nنص جديد",
        "provenance": {"line_start": 1, "line_end": 1, "page": None, "page_end": None},
    }
    new["sections"].insert(1, inserted)
    new["sections"][3]["heading"] = new["sections"][3]["heading"]  # unchanged
    removed_kind = new["sections"][-1]["kind"]
    del new["sections"][-1]
    new_dir = _folder(tmp_path / "new", new)

    result = diff_folders(old_dir, new_dir)
    lines = diff_lines(result)
    n_old = len(_record()["sections"])
    assert lines[0] == f'{DOC} / contact.unit: شعبة الشراكات الدولية → ""'
    assert lines[1] == f"{DOC} / contact.email: grcp@iom.int → info@iom.int"
    assert lines[2] == f"{DOC} / meeting 1 / participants.rcp: 5 → 6"
    assert lines[3].startswith(f"{DOC} / meeting 7 / participants: null → {{\"text\": \"5 آليات\"")
    # one section inserted and the last one removed: the sections in between are not "changed"
    assert lines[4:] == [f"{DOC} / section 2 (other) added", f"{DOC} / section {n_old} ({removed_kind}) removed"]
    s = result.summary()
    assert (s["sections_added"], s["sections_removed"], s["sections_changed"], s["meetings_changed"]) == (1, 1, 0, 2)


def test_diff_of_a_changed_section_names_old_and_new_position(old_dir: Path, tmp_path: Path):
    new = _record()
    new["sections"].insert(0, {
        "kind": "other", "heading": None, "paragraphs": [], "bullets": [], "text_normalized": "",
        "provenance": {"line_start": 1, "line_end": 1, "page": None, "page_end": None},
    })
    new["sections"][2]["provenance"]["line_end"] += 1
    result = diff_folders(old_dir, _folder(tmp_path / "new", new))
    old_end = _record()["sections"][1]["provenance"]["line_end"]
    assert diff_lines(result) == [
        f"{DOC} / section 1 (other) added",
        f"{DOC} / section 2→3 / provenance.line_end: {old_end} → {old_end + 1}",
    ]


def test_diff_bad_usage_exits_2(old_dir: Path, tmp_path: Path):
    result = cli("diff", str(old_dir), str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "missing: no such folder" in result.stderr
    assert cli("diff", str(old_dir)).returncode == 2


def test_validate_good_files_and_folders_exit_0():
    result = cli("validate", str(OUTPUT), str(OUTPUT / f"{DOC}.json"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    n = len([p for p in OUTPUT.glob("*.json") if p.name not in ("manifest.json", "datapackage.json", "run_report.json")])
    assert n >= 1 and f"{n} files: {n} valid, 0 invalid" in result.stderr  # the file named again is checked once


def test_validate_reports_each_bad_field_with_its_json_path(tmp_path: Path):
    bad = _record()
    bad["meetings"][2]["start_date"] = "2011-13-01"
    bad["meetings"][0]["participants"]["rcp"] = -1
    bad["meetings"][1]["venue"] = "جنيف"
    bad["meetings"][4]["extra_fields"] = {"ملاحظة أخرى": 5}
    del bad["document"]["sha256"]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"schema_version": ', encoding="utf-8")
    newer = _record()
    newer_major = f"{int(SCHEMA_VERSION.split('.')[0]) + 1}.0.0"
    newer["schema_version"] = newer_major
    (tmp_path / "newer.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")

    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'broken.json'}: (root): not valid JSON (Expecting value: line 1 column 20 (char 19))",
        f"{tmp_path / 'newer.json'}: schema_version: major version differs from this pipeline's schema {SCHEMA_VERSION} "
        f'(got "{newer_major}"): the record is not compatible',
        # a copy under another name: what extract leaves out of the tables
        f"{tmp_path / 'newer.json'}: document.id: holds document 'global-rcp-meetings-ar', not 'newer' as its name "
        "says: a record is named <document_id>.json",
        f"{path}: document.sha256: Field required",
        f"{path}: meetings[0].participants.rcp: Input should be greater than or equal to 0 (got -1)",
        f'{path}: meetings[1].venue: Extra inputs are not permitted (got "جنيف")',
        f"{path}: meetings[2].start_date: Input should be a valid date or datetime, month value is outside "
        'expected range of 1-12 (got "2011-13-01")',
        f'{path}: meetings[4].extra_fields["ملاحظة أخرى"]: Input should be a valid string (got 5)',
    ]
    assert "3 files: 0 valid, 3 invalid" in result.stderr


def test_validate_bad_usage_exits_2(tmp_path: Path):
    assert cli("validate", str(tmp_path / "missing.json")).returncode == 2
    (tmp_path / "empty").mkdir()
    result = cli("validate", str(tmp_path / "empty"))
    assert result.returncode == 2 and "no JSON file" in result.stderr
    assert cli("validate").returncode == 2


def test_json_path():
    assert json_path(("meetings", 2, "start_date")) == "meetings[2].start_date"
    assert json_path(()) == "(root)"
    assert json_path(("extra_fields", "a b")) == 'extra_fields["a b"]'
    assert json_path(("meetings", 0, "extra_fields", "الموقع")) == "meetings[0].extra_fields.الموقع"


def test_help_lists_the_contract_commands_and_stays_light():
    result = cli("--help")
    assert result.returncode == 0
    for command in ("extract", "schema", "diff", "validate"):
        assert command in result.stdout
    for command, option in (("schema", "--out"), ("diff", "--json"), ("validate", "PATH")):
        sub = cli(command, "--help")
        assert sub.returncode == 0 and option in sub.stdout and "Exit status" in sub.stdout
    probe = (
        "import sys; from pipeline.cli import _parser; _parser(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'camel_tools', 'pdfplumber', 'pdfminer', 'pyarrow'}))"
    )
    heavy = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert heavy.stdout.strip() == "[]", heavy.stderr
