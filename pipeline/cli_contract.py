"""Subcommands of the data contract: ``schema``, ``diff`` and ``validate``.

Registered by :func:`register` from :mod:`pipeline.cli`. Like the rest of the
command line, nothing heavy (pydantic, camel-tools) is imported until a
command runs, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``schema``, ``diff`` and ``validate`` subcommands to the CLI's subparsers."""
    sc = sub.add_parser(
        "schema",
        help="write the JSON Schemas of the records",
        description=(
            "Write document-record.schema.json (JSON Schema of <document_id>.json, generated from the models, "
            "with descriptions), run-report.schema.json and schema-versions.json (each published SCHEMA_VERSION "
            "with its schema's fingerprint) into OUT. Refuses, with status 1, a schema that changed while "
            "SCHEMA_VERSION did not."
        ),
        epilog="Exit status: 0 written, 1 the schema changed without a SCHEMA_VERSION bump, 2 bad usage.",
    )
    sc.add_argument("--out", required=True, metavar="OUT", help="folder to write into (e.g. output/schema)")
    sc.set_defaults(func=_cmd_schema)

    df = sub.add_parser(
        "diff",
        help="record-level differences between two output folders",
        description=(
            "Compare the per-document JSON records of two output folders: documents added or removed, meetings "
            "(by document id and number) and sections added, removed or changed, and each changed field with "
            "its old and new value."
        ),
        epilog="Exit status: 0 equal, 1 different, 2 bad usage (e.g. a missing folder).",
    )
    df.add_argument("old", metavar="OLD_DIR", help="the reference output folder")
    df.add_argument("new", metavar="NEW_DIR", help="the output folder to compare with it")
    df.add_argument("--json", action="store_true", help="print one JSON object (shape documented in pipeline/diff.py)")
    df.set_defaults(func=_cmd_diff)

    va = sub.add_parser(
        "validate",
        help="check record JSON files against the models",
        description=(
            "Check <document_id>.json files, or folders of them (manifest.json, run_report.json and "
            "datapackage.json are skipped), against the models. Each problem is printed as "
            "FILE: JSON_PATH: MESSAGE (got VALUE)."
        ),
        epilog="Exit status: 0 all valid, 1 some file invalid, 2 bad usage (a missing path, no JSON file).",
    )
    va.add_argument("paths", nargs="+", metavar="PATH", help="JSON files or folders")
    va.set_defaults(func=_cmd_validate)


def _cmd_schema(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .schema import SchemaVersionError, write_schemas

    try:
        written = write_schemas(Path(args.out))
    except SchemaVersionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from .diff import diff_folders, diff_json, diff_lines

    try:
        result = diff_folders(args.old, args.new)
    except NotADirectoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(diff_json(result), ensure_ascii=False, indent=2))
    else:
        for line in diff_lines(result):
            print(line)
        s = result.summary()
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in s.items() if v)
        print(f"differences: {counts}" if counts else "no differences", file=sys.stderr)
    return EXIT_OK if result.equal else EXIT_FAILED


def _cmd_validate(args: argparse.Namespace) -> int:
    from .check import UsageError, check_paths

    try:
        results = check_paths(args.paths)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    invalid = 0
    for problems in results.values():
        invalid += bool(problems)
        for problem in problems:
            print(problem)
    n = len(results)
    print(f"{n} file{'s' if n != 1 else ''}: {n - invalid} valid, {invalid} invalid", file=sys.stderr)
    return EXIT_FAILED if invalid else EXIT_OK
