"""JSON Schemas of the records, and the guard that ties them to ``SCHEMA_VERSION``.

``python -m pipeline schema --out DIR`` writes:

* ``document-record.schema.json`` — JSON Schema (draft 2020-12) of a
  ``<document_id>.json`` file, generated from :class:`pipeline.models.DocumentRecord`
  with every field's description;
* ``run-report.schema.json`` — JSON Schema of ``run_report.json``
  (:class:`pipeline.report.RunReport`);
* ``schema-versions.json`` — every published version of the document-record
  schema with the fingerprint of its schema::

      {"document-record": [{"version": "1.0.0", "sha256": "<64 hex>"}, ...]}

The fingerprint is the SHA-256 of the schema's canonical JSON (sorted keys,
no spaces) without the version itself (the ``default`` of ``schema_version``
and the ``$comment``), so it changes exactly when the contract does. A schema
that changed while ``SCHEMA_VERSION`` did not is refused (here and in
``tests/test_schema.py``): bump the version, then run the command to record it.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RECORD_SCHEMA_NAME = "document-record.schema.json"
REPORT_SCHEMA_NAME = "run-report.schema.json"
VERSIONS_NAME = "schema-versions.json"
BUMP_MESSAGE = "schema changed: bump SCHEMA_VERSION (semantic versioning) and regenerate"


class SchemaVersionError(Exception):
    """The generated schema and ``SCHEMA_VERSION`` disagree with the recorded versions."""


def _generator():
    from pydantic.json_schema import GenerateJsonSchema

    class _NoFieldTitles(GenerateJsonSchema):
        """Pydantic's generator without the per-field titles ("Iscm Total"): the
        names and descriptions say more."""

        def field_title_should_be_set(self, schema) -> bool:  # noqa: ARG002 - pydantic's signature
            return False

    return _NoFieldTitles


def _with_header(schema: dict[str, Any], comment: str) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$comment": comment, **schema}


def record_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a document record file, as a dict.

    Validation mode: it accepts what :class:`~pipeline.models.DocumentRecord`
    accepts (``python -m pipeline validate`` gives the same verdict, except
    that JSON Schema treats ``format: date`` as an annotation by default).
    """
    from .models import SCHEMA_VERSION, DocumentRecord

    schema = DocumentRecord.model_json_schema(schema_generator=_generator())
    comment = (
        f"schema_version {SCHEMA_VERSION}; generated from pipeline.models by `python -m pipeline schema`: do not edit"
    )
    return _with_header(schema, comment)


def report_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``run_report.json``, as a dict."""
    from .report import RunReport

    schema = RunReport.model_json_schema(schema_generator=_generator())
    return _with_header(schema, "generated from pipeline.report by `python -m pipeline schema`: do not edit")


def schema_json(schema: dict[str, Any]) -> bytes:
    """Deterministic file bytes of a schema: UTF-8, two-space indent, final newline."""
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def fingerprint(schema: dict[str, Any]) -> str:
    """SHA-256 (64 lowercase hex) of the schema's contract, version left out.

    Raises:
        KeyError: ``schema`` is not a document-record schema (no ``schema_version`` property).
    """
    body = copy.deepcopy(schema)
    body.pop("$comment", None)
    body["properties"]["schema_version"].pop("default", None)
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class VersionCheck:
    """Outcome of :func:`check_version`.

    Attributes:
        recorded: the version is already recorded with this very fingerprint.
        history: the history to write (with the version appended when new).
    """

    recorded: bool
    history: list[dict[str, str]]


def check_version(version: str, digest: str, history: list[dict[str, str]]) -> VersionCheck:
    """Compare the current version and fingerprint with the recorded history.

    Args:
        version: ``SCHEMA_VERSION``.
        digest: :func:`fingerprint` of the current schema.
        history: ``[{"version": ..., "sha256": ...}, ...]``, oldest first.

    Returns:
        ``recorded=True`` when ``version`` is recorded with ``digest``; else
        ``recorded=False`` and the history with ``version`` appended.

    Raises:
        SchemaVersionError: ``version`` is recorded with another fingerprint
            (the schema changed without a bump: the message starts with
            :data:`BUMP_MESSAGE`); or ``version`` is new but not greater than
            the last recorded one; or the fingerprint is the last version's
            (a bump without a change).
    """
    from .models import parse_version

    parse_version(version)
    for entry in history:
        if entry["version"] == version:
            if entry["sha256"] == digest:
                return VersionCheck(True, list(history))
            raise SchemaVersionError(
                f"{BUMP_MESSAGE}: SCHEMA_VERSION {version} is recorded with fingerprint {entry['sha256'][:12]}…, "
                f"the generated schema has {digest[:12]}…; set SCHEMA_VERSION in pipeline/models.py to the next "
                "major (removed/renamed/retyped fields, tighter constraints), minor (added optional fields) or "
                "patch (descriptions only) version, then run `uv run python -m pipeline schema --out output/schema`"
            )
    if history:
        last = history[-1]
        if parse_version(version) <= parse_version(last["version"]):
            raise SchemaVersionError(
                f"SCHEMA_VERSION {version} is not greater than the last recorded version {last['version']}"
            )
        if last["sha256"] == digest:
            raise SchemaVersionError(
                f"SCHEMA_VERSION {version} was bumped but the schema is the same as {last['version']}'s"
            )
    return VersionCheck(False, [*history, {"version": version, "sha256": digest}])


def load_history(path: Path) -> list[dict[str, str]]:
    """The document-record history of a ``schema-versions.json`` (empty if the file is missing).

    Raises:
        ValueError: the file is not valid JSON of the documented shape.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return []
    history = data.get("document-record") if isinstance(data, dict) else None
    if not isinstance(history, list) or not all(
        isinstance(e, dict) and isinstance(e.get("version"), str) and isinstance(e.get("sha256"), str) for e in history
    ):
        raise ValueError(f"{path}: expected {{\"document-record\": [{{\"version\": ..., \"sha256\": ...}}, ...]}}")
    return history


def write_schemas(out_dir: Path) -> list[Path]:
    """Write the two schemas and record the version in ``schema-versions.json``.

    Every file is written atomically; nothing is written when the version
    check fails.

    Returns:
        The paths written, in order.

    Raises:
        SchemaVersionError: see :func:`check_version`.
        ValueError: an unreadable ``schema-versions.json``.
        OSError: ``out_dir`` cannot be created or written.
    """
    from .models import SCHEMA_VERSION
    from .write import atomic_write

    record = record_schema()
    versions_path = out_dir / VERSIONS_NAME
    check = check_version(SCHEMA_VERSION, fingerprint(record), load_history(versions_path))
    files = {
        out_dir / RECORD_SCHEMA_NAME: schema_json(record),
        out_dir / REPORT_SCHEMA_NAME: schema_json(report_schema()),
        versions_path: schema_json({"document-record": check.history}),
    }
    for path, data in files.items():
        atomic_write(path, data)
    return list(files)
