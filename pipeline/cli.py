"""Command line: a thin layer over :func:`pipeline.batch.run` and friends.

Imports of the heavy stages (pdfplumber, camel-tools, pydantic) happen inside
the commands, so ``python -m pipeline --help`` stays fast.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import signal
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from ._version import __version__
    from .isolation import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, available_cpus

    script = Path(sys.argv[0]).name
    parser = argparse.ArgumentParser(
        prog=script if script == "brochure-pipeline" else "python -m pipeline",
        description="Extract validated records from Arabic brochures (PDF, .txt, .md, .html, .docx) into JSON, CSV and SQLite.",
        epilog="Exit status: 0 all sources ok, 1 some source failed, 2 bad usage or an unusable output folder.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="extract sources into an output folder",
        description=(
            "Extract every source into OUT: one <document_id>.json per source (document_id = file stem); "
            "documents.csv, sections.csv, blocks.csv, contacts.csv, dates.csv, tables.csv and meetings.csv, "
            "blocks.jsonl and meetings.jsonl, brochures.sqlite (with full-text search) and datapackage.json, "
            "rebuilt from all JSON files in OUT; manifest.json (for incremental runs) and run_report.json (status, "
            "warnings, errors, timings). Each source runs in a process of its own, stopped at the time and memory "
            "limits; OUT is locked for one run at a time."
        ),
        epilog="Exit status: 0 all sources ok, 1 some source failed (or a JSON file in OUT was left out of the "
        "tables), 2 bad usage or an unusable output folder (not writable, locked by another run, full).",
    )
    ex.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders (searched recursively) or glob patterns")
    ex.add_argument("--out", required=True, type=_folder, metavar="OUT", help="output folder (created if missing)")
    ex.add_argument(
        "--workers", type=_positive_int, default=None, metavar="N",
        help=f"worker processes (default and maximum: the number of CPUs, here {available_cpus()})",
    )
    ex.add_argument(
        "--timeout", type=_positive_float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help=f"wall-clock limit per source; a source still running is stopped and fails with 'timeout' "
        f"(default {DEFAULT_TIMEOUT:g}; a 300-page brochure takes about 16)",
    )
    ex.add_argument(
        "--max-memory", type=_positive_int, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
        help=f"memory a worker may allocate for one source; beyond it the source fails with 'resource_limit' "
        f"(default {DEFAULT_MAX_MEMORY_MB}; Linux)",
    )
    ex.add_argument(
        "--force", action="store_true", help="redo sources whose content and pipeline (code, libraries) are unchanged"
    )
    ex.add_argument("--password", default=None, help="user password for encrypted PDFs")
    ex.add_argument(
        "--ocr", choices=("auto", "always", "never"), default="auto",
        help="read PDF pages by OCR (Tesseract with its Arabic model): auto = pages without a usable text layer "
        "(scans, text drawn as outlines, garbled text), always = every page, never = none (default: auto)",
    )
    ex.add_argument(
        "--excel", action="store_true",
        help="CSV files for spreadsheets: a UTF-8 BOM so that Excel opens Arabic correctly, and a leading ' on "
        "texts that start with = + - @ tab or CR so that none runs as a formula",
    )
    ex.add_argument(
        "--html-report", action="store_true",
        help="also write run_report.html: statuses, times, failures, warnings with page thumbnails (no server needed)",
    )
    ex.add_argument(
        "--tables-csv", default=None, metavar="DIR",
        help="also write every table as a CSV of its own into DIR (<document_id>.table-<n>.csv: "
        "a header row, then the rows, columns in reading order)",
    )
    noise = ex.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only failures and the total")
    noise.add_argument("-v", "--verbose", action="store_true", help="log each stage of each source")
    ex.set_defaults(func=_cmd_extract)
    from .cli_contract import register  # schema, diff, validate
    from .cli_inspect import register as register_inspect

    register(sub)
    register_inspect(sub)
    return parser


def _folder(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty: give the output folder")
    return text


def _positive(kind: type, what: str):
    """An argparse type: a finite number of ``kind`` above 0."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if not 0 < value < float("inf"):
            raise argparse.ArgumentTypeError(f"must be above 0: {text}")
        return value

    return parse


_positive_int = _positive(int, "a whole number")
_positive_float = _positive(float, "a number")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .batch import run
    from .errors import RunError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.verbose:  # the stages' own lines, not every library's debug output
        logging.getLogger("pipeline").setLevel(logging.DEBUG)
    progress = None
    if not args.quiet and not args.verbose and sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process

        def progress(iterable, total):
            return tqdm(iterable, total=total, desc="extract", unit="doc", file=sys.stderr)

    try:
        report = run(
            args.sources, args.out, workers=args.workers, force=args.force, password=args.password,
            excel=args.excel, timeout=args.timeout, max_memory_mb=args.max_memory, progress=progress,
            html_report=args.html_report, tables_csv=args.tables_csv, ocr=args.ocr,
        )
    except RunError as exc:
        if exc.report is not None:
            _print_summary(exc.report, args)
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    _print_summary(report, args)
    failed = report.totals["failed"] or any(p.kind == "left_out" for p in report.problems)
    return EXIT_FAILED if failed else EXIT_OK


def _print_summary(report, args: argparse.Namespace) -> None:
    for entry in report.sources:
        if entry.status == "failed":
            print(f"FAILED {one_line(entry.message or entry.source)}", file=sys.stderr)
        elif entry.status == "skipped" and not args.quiet:
            print(f"skipped {one_line(entry.message or entry.source)}", file=sys.stderr)
    for problem in report.problems:
        if problem.kind == "left_out":
            print(f"LEFT OUT {one_line(problem.message)}", file=sys.stderr)
    t = report.totals
    n = len(report.sources)
    warned = sum(len(e.warnings) for e in report.sources)
    print(
        f"{n} source{'s' if n != 1 else ''}: {t['ok']} ok, {t['unchanged']} unchanged, {t['failed']} failed, "
        f"{t['skipped']} skipped in {report.elapsed_seconds:.2f} s -> {one_line(args.out)}"
        + (f" ({warned} warning{'s' if warned != 1 else ''}, see run_report.json)" if warned else ""),
        file=sys.stderr,
    )


# Characters that would let a file name forge or reorder output lines: C0/C1
# controls, line and paragraph separators, bidi embeddings, overrides and isolates.
_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``,
    ``\\x1b``, ``\\u202e``), so that each message stays one line as printed."""
    return _UNPRINTABLE_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)  # exits with status 2 on bad usage
    # SIGTERM (kill, timeout, a service manager) stops a run like Ctrl-C:
    # the running workers are killed (not waited for) and finished files are kept.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    from .isolation import GC_THRESHOLD

    thresholds = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, 10, 10)  # restored below: main() may run inside a longer process
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted: finished files are kept; run again to complete", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``… | head``): no traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    finally:
        gc.set_threshold(*thresholds)


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
