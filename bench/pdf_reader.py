"""Benchmark: read_pdf vs pdfplumber's page.extract_text() on the brochure PDFs.

    uv run python bench/pdf_reader.py [runs]

(pdfplumber's text extraction is only a point of comparison here; the
pipeline uses pdfplumber for its table finder alone.)

Prints the median wall time per page of each, and their ratio (target ≤ 0.7).
The reader alone; bench/run.py measures the whole pipeline.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from pipeline.read.pdf import read_pdf

PDF = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"


def extract_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def median_time(func, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for path in sorted(PDF.glob("global-rcp-meetings-ar.*.pdf")):
        pages = extract_text(path)
        read_pdf(path)  # warm caches and imports
        ours = median_time(read_pdf, path, runs) / pages * 1000
        theirs = median_time(extract_text, path, runs) / pages * 1000
        print(f"{path.stem.split('.')[-1]:32} read_pdf {ours:6.1f} ms/page  extract_text {theirs:6.1f} ms/page  ratio {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
