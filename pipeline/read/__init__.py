"""Read stage: one reader per format, each returning a :class:`SourceDocument`.

``read_source`` picks the reader from the file extension; readers are
imported lazily so that the text path never loads pdfplumber.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnsupportedFormatError
from .blocks import BBox, Block, SourceDocument

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES

__all__ = ["BBox", "Block", "SourceDocument", "read_source", "SUPPORTED_SUFFIXES"]


def read_source(path: Path, *, password: str | None = None) -> SourceDocument:
    """Read one source file into blocks in logical order.

    Args:
        path: a ``.pdf``, ``.txt`` or ``.md`` file (suffix case-insensitive).
        password: the user password of an encrypted PDF.

    Raises:
        UnsupportedFormatError: any other suffix.
        PipelineError subclasses raised by the reader (see each reader).
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(path)
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(path, password=password)
    raise UnsupportedFormatError(path, f"unsupported file type {suffix or '(none)'!r}; expected .pdf, .txt or .md")
