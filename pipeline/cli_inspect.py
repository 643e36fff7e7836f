"""The ``inspect`` subcommand: page overlays and an HTML page per source (:mod:`pipeline.inspect`).

Registered by :func:`register` from :mod:`pipeline.cli`; nothing heavy is
imported until the command runs.
"""

from __future__ import annotations

import argparse
import sys

from .cli_contract import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``inspect`` subcommand to the CLI's subparsers."""
    from .inspect import DEFAULT_DPI

    ins = sub.add_parser(
        "inspect",
        help="draw what the pipeline saw: page images with boxes, and an HTML page per source",
        description=(
            "For each source, write DIR/<document_id>/index.html: every block in reading order (kind, heading "
            "level, text, provenance) and the record's values (meetings, dates, contact details) with their "
            "provenance. For a PDF, also page-NNN.png per page: the page rendered with the glyph boxes, lines, "
            "reading regions, blocks coloured by kind, the reading order and the recognised values drawn over "
            "it; the HTML page shows each image beside the blocks, linked both ways. A source that fails still "
            "gets its page, with the error."
        ),
        epilog="Exit status: 0 every source extracted, 1 some source failed (its page is still written), 2 bad usage.",
    )
    ins.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders (searched recursively) or glob patterns")
    ins.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    ins.add_argument(
        "--pages", type=_pages, default=None, metavar="RANGE",
        help="PDF pages to draw, e.g. 1-3 or 1-3,7 (default: all); the HTML page lists every block",
    )
    ins.add_argument(
        "--dpi", type=_dpi, default=DEFAULT_DPI, metavar="N", help=f"resolution of the page images (default: {DEFAULT_DPI})"
    )
    ins.add_argument("--password", default=None, help="user password for encrypted PDFs")
    ins.add_argument(
        "--ocr", choices=("auto", "always", "never"), default="auto",
        help="which PDF pages are read by OCR, as in extract (default: auto)",
    )
    ins.set_defaults(func=_cmd_inspect)


def _pages(text: str) -> list[int]:
    from .inspect import parse_pages

    try:
        return parse_pages(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _dpi(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 20 <= value <= 600:
        raise argparse.ArgumentTypeError(f"must be between 20 and 600: {text}")
    return value


def _cmd_inspect(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .batch import UsageError, discover
    from .inspect import inspect_source
    from .read import SUPPORTED_SUFFIXES

    out = Path(args.out)
    try:
        paths = [p for p in discover(args.sources, exclude=out) if p.suffix.lower() in SUPPORTED_SUFFIXES]
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not paths:
        print(f"error: no source the pipeline reads in {', '.join(args.sources)}", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in seen:  # both would write OUT/<document_id>/
            failed += 1
            print(f"FAILED {path}: document id {path.stem!r} is already used by {seen[path.stem]}; inspect it alone", file=sys.stderr)
            continue
        seen[path.stem] = path
        try:
            result = inspect_source(path, out, pages=args.pages, dpi=args.dpi, password=args.password, ocr=args.ocr)
        except OSError as exc:
            print(f"error: {out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_USAGE
        for problem in result.problems:
            print(f"warning: {path}: {problem}", file=sys.stderr)
        if result.error is not None:
            failed += 1
            print(f"FAILED {result.error}", file=sys.stderr)
        print(result.html)
    return EXIT_FAILED if failed else EXIT_OK
