"""The JSON Schemas: golden files in output/schema/, the SCHEMA_VERSION guard,
and the committed record validated by the schema itself."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.models import SCHEMA_VERSION
from pipeline.schema import (
    BUMP_MESSAGE,
    RECORD_SCHEMA_NAME,
    REPORT_SCHEMA_NAME,
    VERSIONS_NAME,
    SchemaVersionError,
    check_version,
    fingerprint,
    load_history,
    record_schema,
    report_schema,
    schema_json,
)

from .conftest import OUTPUT, ROOT

SCHEMA_DIR = OUTPUT / "schema"
REGENERATE = "uv run python -m pipeline schema --out output/schema"


def test_record_schema_golden(file_regression):
    """output/schema/document-record.schema.json is what the models generate
    (`pytest --force-regen` rewrites it; then the version guard below decides)."""
    file_regression.check(
        schema_json(record_schema()).decode("utf-8"), encoding="utf-8", fullpath=SCHEMA_DIR / RECORD_SCHEMA_NAME
    )


def test_report_schema_golden(file_regression):
    file_regression.check(
        schema_json(report_schema()).decode("utf-8"), encoding="utf-8", fullpath=SCHEMA_DIR / REPORT_SCHEMA_NAME
    )


def test_schema_version_matches_the_recorded_fingerprint():
    history = load_history(SCHEMA_DIR / VERSIONS_NAME)
    try:
        check = check_version(SCHEMA_VERSION, fingerprint(record_schema()), history)
    except SchemaVersionError as exc:
        pytest.fail(str(exc))
    assert check.recorded, f"SCHEMA_VERSION {SCHEMA_VERSION} is not recorded yet: run `{REGENERATE}` and commit"
    assert history[-1]["version"] == SCHEMA_VERSION


def test_the_schema_carries_the_version_and_every_description():
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert SCHEMA_VERSION in schema["$comment"]
    assert schema["additionalProperties"] is False
    missing = []
    for model, body in [("DocumentRecord", schema), *schema["$defs"].items()]:
        assert body.get("description"), f"{model} has no description"
        for name, prop in body["properties"].items():
            if "$ref" not in prop and "$ref" not in json.dumps(prop.get("anyOf", [])) and not prop.get("description"):
                missing.append(f"{model}.{name}")
    assert missing == []
    meeting = schema["$defs"]["Meeting"]["properties"]
    assert meeting["start_date"]["anyOf"][0] == {"format": "date", "type": "string"}
    assert "title" not in meeting["start_date"]  # no generated per-field titles


def test_guard_fails_when_the_schema_changes_without_a_bump():
    schema = record_schema()
    history = [{"version": SCHEMA_VERSION, "sha256": fingerprint(schema)}]
    changed = copy.deepcopy(schema)
    changed["$defs"]["Meeting"]["properties"]["city"]["description"] = "City."
    with pytest.raises(SchemaVersionError) as exc:
        check_version(SCHEMA_VERSION, fingerprint(changed), history)
    assert str(exc.value).startswith(BUMP_MESSAGE)
    assert BUMP_MESSAGE == "schema changed: bump SCHEMA_VERSION (semantic versioning) and regenerate"


def test_guard_accepts_a_bump_and_rejects_a_lower_or_empty_one():
    schema = record_schema()
    old = fingerprint(schema)
    history = [{"version": "1.0.0", "sha256": old}]
    changed = copy.deepcopy(schema)
    changed["$defs"]["Meeting"]["properties"]["city"]["description"] = "City."
    new = fingerprint(changed)
    check = check_version("1.0.1", new, history)
    assert not check.recorded and check.history[-1] == {"version": "1.0.1", "sha256": new}
    assert check_version("1.0.0", old, history).recorded
    with pytest.raises(SchemaVersionError, match="not greater than"):
        check_version("0.9.0", new, history)
    with pytest.raises(SchemaVersionError, match="bumped but the schema is the same"):
        check_version("1.1.0", old, history)
    with pytest.raises(ValueError, match="semantic version"):
        check_version("1.1", new, history)


def test_fingerprint_ignores_the_version_itself():
    schema = record_schema()
    bumped = copy.deepcopy(schema)
    bumped["properties"]["schema_version"]["default"] = "9.9.9"
    bumped["$comment"] = "schema_version 9.9.9"
    assert fingerprint(bumped) == fingerprint(schema)
    assert len(fingerprint(schema)) == 64


def test_schema_command_writes_files_and_refuses_a_change_without_bump(tmp_path: Path):
    ok = subprocess.run(
        [sys.executable, "-m", "pipeline", "schema", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / RECORD_SCHEMA_NAME).read_bytes() == (SCHEMA_DIR / RECORD_SCHEMA_NAME).read_bytes()
    assert (tmp_path / REPORT_SCHEMA_NAME).read_bytes() == (SCHEMA_DIR / REPORT_SCHEMA_NAME).read_bytes()
    versions = json.loads((tmp_path / VERSIONS_NAME).read_text("utf-8"))
    assert versions == {"document-record": [{"version": SCHEMA_VERSION, "sha256": fingerprint(record_schema())}]}
    # the recorded fingerprint of this version differs: as if the models had changed
    (tmp_path / VERSIONS_NAME).write_text(
        json.dumps({"document-record": [{"version": SCHEMA_VERSION, "sha256": "0" * 64}]}), encoding="utf-8"
    )
    refused = subprocess.run(
        [sys.executable, "-m", "pipeline", "schema", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "schema changed: bump SCHEMA_VERSION (semantic versioning) and regenerate" in refused.stderr
    assert json.loads((tmp_path / VERSIONS_NAME).read_text("utf-8"))["document-record"][0]["sha256"] == "0" * 64


def test_committed_record_is_valid_under_the_json_schema():
    jsonschema = pytest.importorskip("jsonschema")  # installed with frictionless (dev)
    validator = jsonschema.Draft202012Validator(record_schema(), format_checker=jsonschema.FormatChecker())
    record = json.loads((OUTPUT / "global-rcp-meetings-ar.json").read_text("utf-8"))
    assert list(validator.iter_errors(record)) == []
    record["meetings"][2]["start_date"] = "2011-13-01"
    record["meetings"][0]["participants"]["rcp"] = -1
    errors = sorted(list(e.absolute_path) for e in validator.iter_errors(record))
    # the bad count is reported at ``participants`` (an anyOf of the object and null)
    assert errors == [["meetings", 0, "participants"], ["meetings", 2, "start_date"]]
