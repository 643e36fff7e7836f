"""Text extraction by other PDF libraries, for ``bench/run.py``'s peer table.

``python bench/peers.py TOOL RUNS PDF...`` prints one JSON object: the tool's
version and, per PDF, its pages, the median wall time of ``RUNS`` extractions
of the whole document after one warm-up (one warm process, as the pipeline's
own per-page figure), and the text the tool returns (pages joined by a line
feed). ``bench/run.py`` runs it once per tool, in an environment holding that
tool (``uv run --no-project --with …``): the peers are benchmark-only, never
dependencies of the project.

Each tool is called the way its documentation shows for plain text:
pdfplumber ``page.extract_text()``; pdfminer.six ``high_level.extract_text``;
pypdfium2 ``textpage.get_text_range()``; PyMuPDF ``page.get_text()``;
docling-parse line cells (``iterate_cells(TextCellUnit.LINE)``); pdftext
``plain_text_output``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from importlib.metadata import version


def _pdfplumber(path: str) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pdfminer(path: str) -> list[str]:
    from pdfminer.high_level import extract_text

    return [extract_text(path)]


def _pypdfium2(path: str) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def _pymupdf(path: str) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def _docling_parse(path: str) -> list[str]:
    from docling_core.types.doc.page import TextCellUnit
    from docling_parse.pdf_parser import DoclingPdfParser

    doc = DoclingPdfParser().load(path)
    try:
        return ["\n".join(c.text for c in page.iterate_cells(unit_type=TextCellUnit.LINE)) for _, page in doc.iterate_pages()]
    finally:
        doc.unload()


def _pdftext(path: str) -> list[str]:
    from pdftext.extraction import plain_text_output

    return [plain_text_output(path, sort=False, hyphens=False, workers=None)]


TOOLS = {
    "pdfplumber": (_pdfplumber, "pdfplumber"),
    "pdfminer.six": (_pdfminer, "pdfminer.six"),
    "pypdfium2": (_pypdfium2, "pypdfium2"),
    "PyMuPDF": (_pymupdf, "pymupdf"),
    "docling-parse": (_docling_parse, "docling-parse"),
    "pdftext": (_pdftext, "pdftext"),
}


def main() -> None:
    tool, runs, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    extract, distribution = TOOLS[tool]
    out = {"tool": tool, "version": version(distribution), "files": {}}
    for path in paths:
        pages = extract(path)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            extract(path)
            times.append(time.perf_counter() - start)
        out["files"][path] = {"seconds": statistics.median(times), "text": "\n".join(pages)}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
