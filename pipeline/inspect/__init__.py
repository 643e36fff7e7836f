"""Visual debugging: see what the pipeline saw (``python -m pipeline inspect``, ``extract --html-report``).

* :func:`inspect_source` writes, for one source, an image per PDF page with
  the reader's and the classifier's decisions drawn over the rendered page
  (:mod:`.draw`), and an HTML page that shows each image beside the blocks
  in reading order, linked both ways, and the record's values with their
  provenance (:mod:`.html`). A text, Markdown, HTML or Word source gets the
  same page without images.
* :func:`pipeline.inspect.run_report.write_html_report` writes
  ``run_report.html`` beside ``run_report.json``.

The pages are self-contained: no script, no network fetch (a Content
Security Policy forbids both), images beside them, every text escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_DPI", "InspectResult", "inspect_source", "parse_pages", "INDEX_NAME", "inspect_page_path"]

INDEX_NAME = "index.html"
# Overlays at ~100 dpi are sharp enough to read 9 pt text and fast to make;
# thumbnails in the run report are smaller.
DEFAULT_DPI = 100
THUMBNAIL_DPI = 48
_PAGES_RE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
_IMAGE_RE = re.compile(r"^page-\d+\.png$")


@dataclass(frozen=True, slots=True)
class InspectResult:
    """What :func:`inspect_source` wrote.

    Attributes:
        source: the source file.
        html: the source's HTML page.
        images: the page images written, in page order.
        error: the typed error that stopped the extraction (the page then
            shows what could be read and rendered, and the error).
        problems: what could not be shown (pages asked for that the PDF
            does not have, a page PDFium cannot render).
    """

    source: Path
    html: Path
    images: list[Path] = field(default_factory=list)
    error: Exception | None = None
    problems: list[str] = field(default_factory=list)


def parse_pages(text: str) -> list[int]:
    """Page numbers from ``"1-3"``, ``"2"`` or ``"1-3,7,9-10"`` (1-based), sorted, without repeats.

    Raises:
        ValueError: anything else (``"0"``, ``"3-1"``, ``"a"``).
    """
    pages: set[int] = set()
    for part in text.split(","):
        m = _PAGES_RE.match(part)
        if not m:
            raise ValueError(f"not a page range: {part.strip()!r} (expected e.g. 1-3 or 1-3,7)")
        first = int(m.group(1))
        last = int(m.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"not a page range: {part.strip()!r} (pages count from 1, first ≤ last)")
        pages.update(range(first, last + 1))
    return sorted(pages)


def inspect_page_path(out_dir: Path | str, document_id: str) -> Path:
    """Where :func:`inspect_source` puts a source's HTML page: ``OUT/<document_id>/index.html``."""
    return Path(out_dir) / document_id / INDEX_NAME


def inspect_source(
    path: Path | str,
    out_dir: Path | str,
    *,
    pages: list[int] | None = None,
    dpi: float = DEFAULT_DPI,
    password: str | None = None,
    ocr: str = "auto",
) -> InspectResult:
    """Draw what the pipeline saw in one source into ``out_dir/<document_id>/``.

    Writes ``page-NNN.png`` for each page of a PDF (or those in ``pages``)
    at ``dpi``, and ``index.html``; page images of an earlier run that are
    not redrawn are removed. Output is deterministic (no times).

    Args:
        path: the source (any format the pipeline reads).
        out_dir: the folder to write into (created if missing).
        pages: 1-based page numbers to draw (``None``: all).
        dpi: resolution of the page images.
        password: user password of an encrypted PDF.
        ocr: which PDF pages are read by OCR (as ``extract --ocr``).

    Returns:
        What was written; a source the pipeline cannot extract still gets
        its page, with the error and, for a PDF PDFium can open, the pages
        as rendered.

    Raises:
        OSError: ``out_dir`` cannot be written.
    """
    from ..core import extract_source
    from ..errors import PipelineError
    from ..read.pdf import trace_pdf
    from ..write import atomic_write
    from .draw import RenderError, draw_page, open_pdf, png_bytes, render_page
    from .html import PageImage, inspect_html
    from .view import build_view

    path = Path(path)
    folder = Path(out_dir) / path.stem
    folder.mkdir(parents=True, exist_ok=True)
    error: Exception | None = None
    extraction = None
    try:
        extraction = extract_source(path, password=password, ocr=ocr)
    except (PipelineError, OSError) as exc:
        error = exc
    problems: list[str] = []
    images: list[Path] = []
    shown: list[PageImage] = []
    page_count = None
    view = None
    if path.suffix.lower() == ".pdf" and not isinstance(error, OSError):
        traces = None
        try:
            traces = {t.number: t for t in trace_pdf(path, password=password, ocr=ocr)}
        except PipelineError:
            pass  # the extraction's error says why
        if extraction is not None:
            view = build_view(extraction.record, extraction.document, list((traces or {}).values()))
        try:
            pdf = open_pdf(path, password)
        except RenderError as exc:
            problems.append(str(exc))
        else:
            try:
                page_count = len(pdf)
                wanted = pages or list(range(1, page_count + 1))
                missing = [n for n in wanted if n > page_count]
                if missing:
                    asked = f"page {missing[0]}" if len(missing) == 1 else f"pages {', '.join(map(str, missing))}"
                    problems.append(f"{asked} asked for, but the PDF has {page_count} page{'s' if page_count != 1 else ''}")
                for n in (n for n in wanted if n <= page_count):
                    try:
                        image, t = render_page(pdf, n, dpi)
                    except RenderError as exc:
                        problems.append(f"page {n}: {exc}")
                        continue
                    drawn = draw_page(
                        image, t, (traces or {}).get(n),
                        view.on_page(n) if view else [], view.values_on_page(n) if view else [], n,
                    )
                    name = f"page-{n:03d}.png"
                    atomic_write(folder / name, png_bytes(drawn))
                    images.append(folder / name)
                    shown.append(PageImage(n, name, drawn.size, t))
            finally:
                pdf.close()
    elif extraction is not None:
        view = build_view(extraction.record, extraction.document)
    for old in folder.iterdir():
        if _IMAGE_RE.match(old.name) and old not in images:
            old.unlink()
    html = inspect_html(
        path, extraction.record if extraction else None, view, shown,
        warnings=extraction.warnings if extraction else [], error=error, problems=problems, page_count=page_count,
    )
    target = folder / INDEX_NAME
    atomic_write(target, html.encode("utf-8"))
    return InspectResult(path, target, images, error, problems)
