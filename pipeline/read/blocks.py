"""What readers produce: a source as a sequence of blocks in logical order.

A reader (text, PDF) knows nothing of meetings: it only turns a file into
:class:`Block` values, each carrying the raw text of one paragraph-like unit
in *logical* (reading) order, its layout hints and its provenance (line
numbers for text sources, page and bounding box for PDFs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SourceFormat = Literal["text", "pdf"]


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle on a PDF page, in points (1/72 in), origin at the top-left
    corner of the page as in pdfplumber (``x0 < x1``, ``top < bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of a source, in logical order.

    Attributes:
        lines: the block's lines, each in logical order, raw (Markdown markup
            kept for text sources, presentation forms possibly kept for PDFs;
            the normalize stage cleans both). A line break inside a block is a
            real break of the source (a Markdown hard break, a PDF line).
        line_start, line_end: 1-based, inclusive line numbers in a text
            source; ``None`` for PDFs.
        page: 1-based page number in a PDF; ``None`` for text sources.
        page_end: last page of a block that a reader already joined across a
            page break (``None`` when it is the same as ``page``).
        bbox: the block's box on ``page`` (PDF only).
        heading_level: 1 (largest) … 6 when the reader saw a heading (Markdown
            ``#`` marks, or a font clearly larger than the body text);
            ``None`` for body text.
        bold: the whole block is set in bold (Markdown ``**…**`` or a bold font).
        list_item: the block is a list item (a bullet glyph, a ``-``/``◆``
            marker, or a hanging indent); the marker itself is removed from
            ``lines``.
        joins: for each line after the first, how it continues the line
            before when the producer only wrapped it there (``" "``, or
            ``""`` inside a URL cut at a ``-`` or ``/``), or ``None`` where
            the source broke the line itself (a hard break). Empty when every
            break is real (text sources) or unknown.
    """

    lines: tuple[str, ...]
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    page_end: int | None = None
    bbox: BBox | None = None
    heading_level: int | None = None
    bold: bool = False
    list_item: bool = False
    joins: tuple[str | None, ...] = ()

    @property
    def text(self) -> str:
        """The lines joined by single spaces."""
        return " ".join(self.lines)

    def logical_lines(self) -> list[tuple[int, str]]:
        """The source's own lines: wrapped lines joined (see ``joins``), each
        with the index of its first line in ``lines``."""
        out: list[tuple[int, str]] = []
        for i, line in enumerate(self.lines):
            join = self.joins[i - 1] if 0 < i <= len(self.joins) else None
            if join is None or not out:
                out.append((i, line))
            else:
                out[-1] = (out[-1][0], out[-1][1] + join + line)
        return out


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A whole source as read, before any normalization.

    Attributes:
        path: the file read.
        format: ``"text"`` or ``"pdf"``.
        sha256: hex digest of the file's bytes.
        blocks: the blocks in reading order.
        page_count: number of pages (PDF), ``None`` for text.
        encoding: the encoding a text source was decoded from (``None`` for PDF).
        warnings: things the reader noticed but could work around.
    """

    path: Path
    format: SourceFormat
    sha256: str
    blocks: tuple[Block, ...]
    page_count: int | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())
