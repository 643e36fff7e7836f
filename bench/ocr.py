"""Seconds per page of OCR (``uv run python bench/ocr.py [RUNS]``).

Times ``read_pdf(..., ocr="always")`` (render at 300 dpi, straighten,
Tesseract ``ara+eng``, words through the PDF layout) on the scanned inputs of
``tests/data``, one page at a time and two pages at a time
(``PIPELINE_OCR_THREADS``), median of RUNS runs (default 3), and one page
with Tesseract's OpenMP threads left on (``OMP_THREAD_LIMIT`` unset) against
off. Prints a Markdown table for ``bench/README.md``, with the machine and
its load average.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.read import ocr  # noqa: E402
from pipeline.read.pdf import read_pdf  # noqa: E402

INPUTS = [
    ROOT / "tests" / "data" / "bad" / "scanned-image-only.pdf",
    ROOT / "tests" / "data" / "ocr" / "brochure-scan.pdf",
    ROOT / "tests" / "data" / "real" / "docling-rtl-02-egypt-gov-programme.pdf",
]


def timed(path: Path, threads: int, runs: int) -> tuple[float, int]:
    os.environ[ocr.THREADS_ENV] = str(threads)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        doc = read_pdf(path, ocr="always")
        times.append(time.perf_counter() - start)
    return statistics.median(times), doc.page_count or 1


def openmp(path: Path) -> tuple[float, float]:
    """One page through the tesseract program, OpenMP threads on and off."""
    import pypdfium2 as pdfium

    image = Path("/tmp/bench-ocr-page.png")
    pdfium.PdfDocument(path)[0].render(scale=300 / 72).to_pil().convert("L").save(image)
    out = []
    for limit in (None, "1"):
        env = dict(os.environ)
        env.pop("OMP_THREAD_LIMIT", None)
        if limit:
            env["OMP_THREAD_LIMIT"] = limit
        start = time.perf_counter()
        subprocess.run(["tesseract", str(image), "-", "-l", "ara+eng", "--dpi", "300", "hocr"], env=env,
                       capture_output=True, check=True)
        out.append(time.perf_counter() - start)
    return out[0], out[1]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if ocr.ocr_unavailable():
        sys.exit(ocr.ocr_unavailable())
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split()[1]
    print(f"Measured {time.strftime('%Y-%m-%d')} on {platform.processor() or platform.machine()} "
          f"({os.cpu_count()} cores), Python {platform.python_version()}, Tesseract {version}, "
          f"load average before: {os.getloadavg()[0]:.1f}, median of {runs} runs.\n")
    print("| input | pages | s/page, 1 page at a time | s/page, 2 at a time |")
    print("|---|---:|---:|---:|")
    for path in INPUTS:
        one, pages = timed(path, 1, runs)
        two, _ = timed(path, 2, runs)
        print(f"| {path.name} | {pages} | {one / pages:.2f} | {two / pages:.2f} |")
    on, off = openmp(INPUTS[0])
    print(f"\nOne page, the tesseract program alone: {on:.1f} s with its OpenMP threads, {off:.1f} s with "
          f"OMP_THREAD_LIMIT=1. Load average after: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
