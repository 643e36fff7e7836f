"""Benchmark: what finding tables costs the PDF reader.

    uv run python bench/tables.py [runs]

``read_pdf`` on PDFs with and without tables, median wall time of ``runs``
runs (default 5) after a warm-up, as it is and with table finding switched
off (``find_tables`` replaced by a function that finds nothing), the two
alternating, in one process. Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pipeline.read.pdf as pdf
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_tables import PageTables

ROOT = Path(__file__).resolve().parents[1]
FILES = [
    "tests/data/real/egypt-gazette-law-8-2022.pdf",
    "tests/data/pdf/global-rcp-meetings-ar.chromium-noto-naskh.pdf",
    "tests/data/pdf/global-rcp-meetings-ar.libreoffice-noto-naskh.pdf",
    "tests/data/pdf/hidden/weasyprint-3col-kacst.pdf",
    "tests/data/real/camelot-tabula-arabic-table.pdf",
    "tests/data/tables/chromium-roster-multipage.pdf",
    "tests/data/tables/libreoffice-summary-indicators.pdf",
    "tests/data/tables/weasyprint-borderless-activities.pdf",
]


def no_tables(page, glyphs, marks, bases, rtl_page, em):
    return PageTables([], glyphs, marks)


def timed(path: Path) -> float:
    start = time.perf_counter()
    read_pdf(path)
    return time.perf_counter() - start


def main(runs: int) -> None:
    """The two variants run alternately, so that a load change on a shared
    machine touches both alike."""
    real = pdf.find_tables
    print("| document | pages | tables | ms with table finding | ms without | cost |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in FILES:
        path = ROOT / name
        doc = read_pdf(path)
        tables = sum(1 for b in doc.blocks if b.table)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(runs):
            for finding in (True, False):
                pdf.find_tables = real if finding else no_tables
                times[finding].append(timed(path))
        pdf.find_tables = real
        with_ms, without_ms = (statistics.median(times[k]) * 1000 for k in (True, False))
        print(f"| {path.name} | {doc.page_count} | {tables} | {with_ms:.0f} | {without_ms:.0f} | {(with_ms / without_ms - 1) * 100:+.0f} % |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
