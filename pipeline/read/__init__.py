"""Read stage: one reader per format, each returning a :class:`SourceDocument`.

``read_source`` picks the reader from the file extension; readers are
imported lazily so that one format never loads another's libraries
(pdfplumber, selectolax, python-docx, markdown-it-py).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnsupportedFormatError
from .blocks import BBox, Block, SourceDocument

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCX_SUFFIXES = frozenset({".docx"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES
# For messages: the suffixes the pipeline reads, in a stable order.
SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))

__all__ = ["BBox", "Block", "SourceDocument", "read_source", "SUPPORTED_SUFFIXES", "SUPPORTED_LIST"]


def read_source(path: Path, *, password: str | None = None, ocr: str = "auto") -> SourceDocument:
    """Read one source file into blocks in logical order.

    Args:
        path: a ``.pdf``, ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``
            or ``.docx`` file (suffix case-insensitive).
        password: the user password of an encrypted PDF.
        ocr: when PDF pages are read by OCR: ``"auto"`` (pages without a
            usable text layer), ``"always"`` or ``"never"`` (see
            :func:`pipeline.read.pdf.read_pdf`); other formats ignore it.

    Raises:
        UnsupportedFormatError: any other suffix.
        PipelineError subclasses raised by the reader (see each reader).
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(path)
    if suffix in MARKDOWN_SUFFIXES:
        from .markdown import read_markdown

        return read_markdown(path)
    if suffix in HTML_SUFFIXES:
        from .html import read_html

        return read_html(path)
    if suffix in DOCX_SUFFIXES:
        from .docx import read_docx

        return read_docx(path)
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(path, password=password, ocr=ocr)
    raise UnsupportedFormatError(path, f"unsupported file type {suffix or '(none)'!r}; expected one of {SUPPORTED_LIST}")
