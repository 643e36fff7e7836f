"""What readers produce: a source as a sequence of blocks in logical order.

A reader (text, PDF) knows nothing of meetings: it only turns a file into
:class:`Block` values, each carrying the raw text of one paragraph-like unit
in *logical* (reading) order, its layout hints and its provenance (line
numbers for text sources, page and bounding box for PDFs).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..report import Diagnostic

SourceFormat = Literal["text", "markdown", "pdf", "html", "docx"]
# Where a block sits on its page: running headers, footers and page numbers
# are kept out of the document's body by the structure stage.
BlockRole = Literal["body", "header", "footer"]
# A line that only numbers its page: "3", "- 3 -", "صفحة ٣", "3 / 12", "صفحة 1 من 1", "Page 2 of 5".
PAGE_NUMBER_RE = re.compile(
    r"^\W*(?:page|p\.|صفحة|الصفحة|ص\.?)?\s*[0-9٠-٩۰-۹]{1,4}(?:\s*(?:/|of|من)\s*[0-9٠-٩۰-۹]{1,4})?\W*$", re.I
)
# What a reader already knows a block to be beyond heading/list/body.
BlockHint = Literal["caption", "quote", "code", "subtitle"]


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle on a PDF page, in points (1/72 in), origin at the top-left
    corner of the page as in pdfplumber (``x0 < x1``, ``top < bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table as read, text in logical order.

    Attributes:
        row, col: 0-based position of the cell's first (top, reading-start)
            grid slot. Columns are in reading order: in a right-to-left
            table column 0 is the rightmost.
        lines: the cell's lines, raw, in logical order (may be empty).
        row_span, col_span: grid slots the cell covers (merged cells > 1).
        bbox: the cell's box (PDF only).
        page: 1-based page of the cell (PDF only; a table may span pages).
        header: the reader knows the cell is a header cell (``<th>``, a
            Markdown header row, a DOCX repeated header row).
    """

    row: int
    col: int
    lines: tuple[str, ...]
    row_span: int = 1
    col_span: int = 1
    bbox: BBox | None = None
    page: int | None = None
    header: bool = False


@dataclass(frozen=True, slots=True)
class TableGrid:
    """A table as read: a grid of ``n_rows`` × ``n_cols`` slots.

    Attributes:
        n_rows, n_cols: grid size.
        cells: the cells in reading order (row by row, each row in column
            order); a merged cell appears once, at its first slot; a slot no
            cell covers is an empty cell.
        rtl: the table reads right to left (column 0 is the rightmost).
    """

    n_rows: int
    n_cols: int
    cells: tuple[TableCell, ...]
    rtl: bool = True


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of a source, in logical order.

    Attributes:
        lines: the block's lines, each in logical order, raw (Markdown-like
            markup kept for ``.txt`` sources, presentation forms possibly kept
            for PDFs; the normalize stage cleans both). The Markdown, HTML
            and DOCX readers give the text without markup. A line break
            inside a block is a real break of the source (a Markdown hard
            break, ``<br>``, a Word line break, a PDF line) unless ``joins``
            says it is a wrap.
        line_start, line_end: 1-based, inclusive line numbers in a text or
            Markdown source; ``None`` for other formats.
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
            before when the producer only wrapped it there (a PDF line
            filled to the margin, a Markdown soft line break: ``" "``, or
            ``""`` inside a URL cut at a ``-`` or ``/``), or ``None`` where
            the source broke the line itself (a hard break). Empty when every
            break is real (text sources) or unknown.
        font_size: the size of the block's main font in points (PDF, DOCX);
            ``None`` when the format has none (text).
        list_level: nesting depth of a list item (0 = top level).
        role: ``"body"``, or ``"header"``/``"footer"`` for running heads,
            running feet and page numbers (kept out of the body).
        hint: what the format says the block is beyond the fields above:
            ``"caption"`` (``<figcaption>``, a Word caption style),
            ``"quote"`` (``>`` or ``<blockquote>``), ``"code"``, ``"subtitle"``
            (a Word Subtitle style, a lead an HTML page marks under its
            title); else ``None``.
        lang: the language the source declares for the block (BCP 47, e.g.
            ``"en"`` from ``lang="en"``); ``None`` when it declares none.
        locator: where the block is in a source without lines or pages: a
            CSS-like path for HTML (``body > main > p:nth-of-type(3)``), the
            paragraph or table index for DOCX; ``None`` otherwise.
        ocr_confidence: mean word confidence (0–100) when the block's text
            comes from OCR; ``None`` for text from a text layer or file.
        table: the table, when the block is one (``lines`` then holds the
            cells' text row by row, one line per non-empty cell, for
            detection and search only).
        links: the block's hyperlinks as ``(text, url)`` pairs in reading
            order: the link's text as it stands in ``lines`` (whitespace
            collapsed) and its target as written (Markdown, HTML ``href``,
            DOCX relationship, PDF link annotation); in-page anchors (``#…``)
            and scripts are not links. A PDF link's text is ``""`` (its box
            is on the page, its words are not told). Empty for text files.
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
    font_size: float | None = None
    list_level: int = 0
    role: BlockRole = "body"
    hint: BlockHint | None = None
    lang: str | None = None
    locator: str | None = None
    ocr_confidence: float | None = None
    table: TableGrid | None = None
    links: tuple[tuple[str, str], ...] = ()

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
        format: ``"text"``, ``"markdown"``, ``"pdf"``, ``"html"`` or ``"docx"``.
        sha256: hex digest of the file's bytes.
        blocks: the blocks in reading order.
        page_count: number of pages (PDF), ``None`` for text.
        encoding: the encoding a text source was decoded from (``None`` for PDF).
        warnings: things the reader noticed but could work around, each a
            :class:`~pipeline.errors.Diagnostic` with a stable code and the
            page or line concerned (a plain string is a warning without code
            or place, from readers that give none).
    """

    path: Path
    format: SourceFormat
    sha256: str
    blocks: tuple[Block, ...]
    page_count: int | None = None
    encoding: str | None = None
    warnings: tuple[Diagnostic | str, ...] = field(default=())

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """The blocks of the body: running heads, feet and page numbers left out."""
        return tuple(b for b in self.blocks if b.role == "body")
