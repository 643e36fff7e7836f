"""``python -m pipeline validate``: check existing record files against the models.

Each problem is one line ``<file>: <JSON path>: <message> (got <value>)``,
e.g. ``out/x.json: meetings[2].start_date: Input should be a valid date or
datetime, month value is outside expected range of 1-12 (got "2011-13-01")``.
The JSON path is ``(root)`` for the whole file, ``.name`` for an object key
and ``[i]`` (0-based) for an array item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MAX_GOT = 80


class UsageError(Exception):
    """A path that does not exist, or no JSON file to check (exit status 2)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one file.

    Attributes:
        file: the file checked.
        location: JSON path of the bad value (``meetings[2].start_date``), ``(root)`` for the file.
        message: what is wrong, with the offending value when it helps.
    """

    file: Path
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.location}: {self.message}"


def json_path(loc: tuple[str | int, ...]) -> str:
    """A pydantic error location as a JSON path: ``("meetings", 2, "start_date")`` → ``meetings[2].start_date``.

    Keys that are not identifiers are quoted: ``extra_fields["a b"]``; ``()`` → ``(root)``.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "(root)"


def _got(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _MAX_GOT else text[: _MAX_GOT - 1] + "…"


def find_files(paths: list[str | Path]) -> list[Path]:
    """Files to check: each file as given, and the ``*.json`` files of each folder
    (not recursive) except ``manifest.json``, ``run_report.json`` and ``datapackage.json``;
    each file once, in the order found.

    Raises:
        UsageError: a path that does not exist, or no file at all.
    """
    from .write import RESERVED_JSON

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file() and p.name not in RESERVED_JSON))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not files:
        raise UsageError("no JSON file to check in " + ", ".join(str(p) for p in paths))
    return list(dict.fromkeys(files))  # a file named twice is checked once


def check_file(path: Path) -> list[Problem]:
    """Problems of one file as a document record (empty list: valid).

    Checks: readable, JSON, valid :class:`~pipeline.models.DocumentRecord`
    (types, formats, constraints, unknown fields, dates in order), a
    ``schema_version`` with the same major version as this pipeline's, and a
    file named after its document id (``<document_id>.json``). JSON nested too
    deeply for the parser is one problem, not a crash.
    """
    from pydantic import ValidationError

    from .models import DocumentRecord, incompatible_schema

    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Problem(path, "(root)", f"cannot read ({exc.strerror or exc})")]
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return [Problem(path, "(root)", f"not valid JSON ({exc})")]
    except RecursionError:
        return [Problem(path, "(root)", "JSON nested too deeply to be read (not a document record)")]
    problems = []
    version = obj.get("schema_version") if isinstance(obj, dict) else None
    if isinstance(version, str):
        incompatible = incompatible_schema(version)
        if incompatible:
            problems.append(Problem(path, "schema_version", incompatible))
    try:
        record = DocumentRecord.model_validate_json(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            message = error["msg"]
            if error["type"] not in ("missing", "json_invalid"):
                message += f" (got {_got(error['input'])})"
            problems.append(Problem(path, json_path(error["loc"]), message))
    else:
        if record.document.id != path.stem:
            # what extract leaves out of the tables (a copy under another name)
            problems.append(Problem(path, "document.id", f"holds document {record.document.id!r}, not {path.stem!r} "
                                    "as its name says: a record is named <document_id>.json"))
    return problems


def check_paths(paths: list[str | Path]) -> dict[Path, list[Problem]]:
    """Check every file found by :func:`find_files`.

    Returns:
        file → its problems (an empty list for a valid file), in order.

    Raises:
        UsageError: see :func:`find_files`.
    """
    return {path: check_file(path) for path in find_files(paths)}
