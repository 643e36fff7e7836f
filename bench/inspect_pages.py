"""Benchmark: ``inspect`` and ``--html-report`` (visual debugging).

    uv run python bench/inspect_pages.py [runs]

Per PDF: the whole ``inspect_source`` (extraction, the reader's trace,
rendering, drawing, PNG encoding, HTML) and its parts, median wall time of
``runs`` runs (default 3) after a warm-up, in one warm process; the size of
what is written. Then ``write_html_report`` on a batch whose PDF warnings
get thumbnails. Prints Markdown rows for bench/README.md.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from pipeline.core import extract_source
from pipeline.inspect import DEFAULT_DPI, inspect_source
from pipeline.inspect.draw import draw_page, open_pdf, png_bytes, render_page
from pipeline.inspect.run_report import write_html_report
from pipeline.inspect.view import build_view
from pipeline.read.pdf import trace_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import median_time as median  # noqa: E402  (bench/run.py: median after a warm-up)

ROOT = Path(__file__).resolve().parent.parent
PDFS = [
    ROOT / "tests" / "data" / "pdf" / "global-rcp-meetings-ar.chromium-noto-naskh.pdf",
    ROOT / "tests" / "data" / "real" / "egypt-gazette-law-8-2022.pdf",
]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print("| input | pages | inspect s | of which extract s | trace s | render+draw+PNG ms/page | PNG KB/page |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for pdf in PDFS:
        with tempfile.TemporaryDirectory() as tmp:
            whole = median(lambda: inspect_source(pdf, tmp), runs)
            extraction = extract_source(pdf)
            traces = trace_pdf(pdf)
            view = build_view(extraction.record, extraction.document, traces)
            extract = median(lambda: extract_source(pdf), runs)
            trace = median(lambda: trace_pdf(pdf), runs)
            doc = open_pdf(pdf)

            def pages() -> None:
                for t in traces:
                    image, tr = render_page(doc, t.number, DEFAULT_DPI)
                    png_bytes(draw_page(image, tr, t, view.on_page(t.number), view.values_on_page(t.number), t.number))

            drawing = median(pages, runs)
            doc.close()
            n = len(traces)
            sizes = [p.stat().st_size for p in Path(tmp, pdf.stem).glob("page-*.png")]
            print(f"| {pdf.name} | {n} | {whole:.2f} | {extract:.2f} | {trace:.2f} | {drawing / n * 1000:.0f} | "
                  f"{sum(sizes) / len(sizes) / 1024:.0f} |")
    with tempfile.TemporaryDirectory() as tmp:
        from pipeline import run

        src = Path(tmp, "src")
        src.mkdir()
        for name in ("hijri-dates.pdf", "unparsed-date.pdf", "huge-number.pdf"):
            shutil.copy(ROOT / "tests" / "data" / "kinds" / name, src / name)
        report = run([src], Path(tmp, "out"), workers=1)
        warnings = sum(len(s.warnings) for s in report.sources)
        seconds = median(lambda: write_html_report(report, Path(tmp, "out")), runs)
        size = Path(tmp, "out", "run_report.html").stat().st_size
        print(f"\nrun_report.html for {len(report.sources)} PDFs with {warnings} warnings (each with a thumbnail): "
              f"{seconds * 1000:.0f} ms, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
