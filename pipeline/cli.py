"""Command line: a thin layer over :func:`pipeline.batch.run` and friends.

Imports of the heavy stages (pdfplumber, camel-tools, pydantic) happen inside
the commands, so ``python -m pipeline --help`` stays fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from ._version import __version__

    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Extract validated records from Arabic brochures (PDF, .txt, .md, .html, .docx) into JSON and CSV.",
        epilog="Exit status: 0 all sources ok, 1 some source failed, 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="extract sources into an output folder",
        description=(
            "Extract every source into OUT: one <document_id>.json per source (document_id = file stem), "
            "documents.csv, sections.csv and meetings.csv rebuilt from all JSON files in OUT, "
            "manifest.json (for incremental runs) and run_report.json (status, warnings, errors, timings)."
        ),
    )
    ex.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders (searched recursively) or glob patterns")
    ex.add_argument("--out", required=True, metavar="OUT", help="output folder (created if missing)")
    ex.add_argument(
        "--workers", type=_positive_int, default=None, metavar="N",
        help=f"worker processes (default: the number of CPUs, here {os.cpu_count()})",
    )
    ex.add_argument("--force", action="store_true", help="redo sources whose content and pipeline version are unchanged")
    ex.add_argument("--password", default=None, help="user password for encrypted PDFs")
    ex.add_argument(
        "--ocr", choices=("auto", "always", "never"), default="auto",
        help="read PDF pages by OCR (Tesseract with its Arabic model): auto = pages without a usable text layer "
        "(scans, text drawn as outlines, garbled text), always = every page, never = none (default: auto)",
    )
    ex.add_argument("--excel", action="store_true", help="write CSV files with a UTF-8 BOM so that Excel opens Arabic correctly")
    noise = ex.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only failures and the total")
    noise.add_argument("-v", "--verbose", action="store_true", help="log each stage of each source")
    ex.set_defaults(func=_cmd_extract)
    from .cli_contract import register  # schema, diff, validate

    register(sub)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _cmd_extract(args: argparse.Namespace) -> int:
    from .batch import UsageError, run

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    progress = None
    if not args.quiet and not args.verbose and sys.stderr.isatty():
        from tqdm import tqdm

        def progress(iterable, total):
            return tqdm(iterable, total=total, desc="extract", unit="doc", file=sys.stderr)

    try:
        report = run(
            args.sources, args.out, workers=args.workers, force=args.force,
            password=args.password, excel=args.excel, progress=progress, ocr=args.ocr,
        )
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for entry in report.sources:
        if entry.status == "failed":
            print(f"FAILED {entry.message}", file=sys.stderr)
        elif args.verbose and entry.status == "skipped":
            print(f"skipped {entry.message}", file=sys.stderr)
    t = report.totals
    n = len(report.sources)
    warned = sum(len(e.warnings) for e in report.sources)
    print(
        f"{n} source{'s' if n != 1 else ''}: {t['ok']} ok, {t['unchanged']} unchanged, {t['failed']} failed, "
        f"{t['skipped']} skipped in {report.elapsed_seconds:.2f} s -> {args.out}"
        + (f" ({warned} warning{'s' if warned != 1 else ''}, see run_report.json)" if warned else ""),
        file=sys.stderr,
    )
    return EXIT_FAILED if t["failed"] else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)  # exits with status 2 on bad usage
    # SIGTERM (kill, timeout, a service manager) stops a run like Ctrl-C:
    # the pool is shut down and finished files are kept.
    signal.signal(signal.SIGTERM, _raise_interrupt)
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


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
