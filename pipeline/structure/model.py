"""The structure stage's values: classified nodes, sections and the structured document.

These are the typed values that pass from the structure stage to the
extractors and profiles (which never re-read or re-segment text) and to the
assembly of the record. Provenance is the record's own
:class:`~pipeline.models.Provenance`, so a value carries the same provenance
from the reader to the written record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..models import Box, Provenance, SectionKind
from ..normalize import NText
from ..read.blocks import BBox, Block, TableGrid

NodeKind = Literal["heading", "paragraph", "list_item", "field", "caption", "quote", "code", "table"]


def span_of(block: Block) -> Provenance:
    """The provenance of one reader block."""
    return Provenance(
        line_start=block.line_start,
        line_end=block.line_end,
        page=block.page,
        page_end=block.page_end or block.page,
        locator=block.locator,
    )


def merge_spans(a: Provenance, b: Provenance) -> Provenance:
    """The smallest provenance covering both (the first one's locator)."""

    def lo(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else min(x, y)

    def hi(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else max(x, y)

    return Provenance(
        line_start=lo(a.line_start, b.line_start),
        line_end=hi(a.line_end, b.line_end),
        page=lo(a.page, b.page),
        page_end=hi(a.page_end, b.page_end),
        locator=a.locator or b.locator,
    )


def box_of(bbox: BBox | None) -> Box | None:
    """The record form of a reader box (rounded to 0.01 pt, so output is stable)."""
    if bbox is None:
        return None
    return Box(x0=round(bbox.x0, 2), top=round(bbox.top, 2), x1=round(bbox.x1, 2), bottom=round(bbox.bottom, 2))


@dataclass(frozen=True, slots=True)
class Node:
    """One classified block of the body: a heading, paragraph, list item, field, caption, quote, code or table.

    Attributes:
        kind: what the block is (decided once, by :mod:`.classify`).
        text: the whole block, both forms (a field: ``label: value``).
        lines: the block's lines (a block joined across a page or column
            break has the lines of all its parts).
        span: provenance (lines, pages, locator).
        bbox: the box of the block's first part on its first page (PDF).
        source: the reader blocks the node was made of, in order.
        level_key: for headings, a rank key: smaller is higher in the tree
            (reader levels 1–6, then body-size headings, then numbered
            headings by their numbering word, see :mod:`.classify`).
        label, value, value_lines: a field's label (without the colon), its
            value, and the value's lines (the label line's remainder first).
        list_level: nesting depth of a list item.
        lang: ISO 639-1 language of a block not in Arabic, else ``None``.
        profile_heading: a profile's heading rule took the block for one of
            its headings (e.g. a meeting heading).
        table: the reader's table when ``kind == "table"``.
        table_fields: for a label | value table, its rows as field nodes
            (:func:`.tables.label_value_fields`, set by the classifier).
    """

    kind: NodeKind
    text: NText
    lines: tuple[NText, ...]
    span: Provenance
    bbox: BBox | None
    source: tuple[Block, ...]
    level_key: float | None = None
    label: NText | None = None
    value: NText | None = None
    value_lines: tuple[NText, ...] = ()
    list_level: int = 0
    lang: str | None = None
    profile_heading: bool = False
    table: TableGrid | None = None
    table_fields: tuple[Node, ...] = ()

    @property
    def first(self) -> Block:
        """The first reader block of the node."""
        return self.source[0]

    @property
    def ocr_confidence(self) -> float | None:
        """Mean OCR confidence of the node's blocks, or ``None`` when none is OCR text."""
        values = [b.ocr_confidence for b in self.source if b.ocr_confidence is not None]
        return round(sum(values) / len(values), 1) if values else None


@dataclass(frozen=True, slots=True)
class SectionNode:
    """A node of the heading tree: a heading (or none) and the nodes under it.

    Attributes:
        kind: the section's kind (``text`` until a profile claims it).
        heading: the heading node, or ``None``.
        level: 1 = top (dense rank of the document's heading styles);
            ``None`` without heading.
        parent: 0-based index of the parent section, or ``None``.
        body: the section's nodes in reading order (tables included).
        span: provenance of heading and body.
    """

    kind: SectionKind
    heading: Node | None
    level: int | None
    parent: int | None
    body: tuple[Node, ...]
    span: Provenance

    @property
    def fields(self) -> tuple[Node, ...]:
        """The labelled fields of the section, in order: ``label: value`` blocks and
        the rows of label | value tables (``Node.table_fields``)."""
        out: list[Node] = []
        for n in self.body:
            if n.kind == "field":
                out.append(n)
            elif n.kind == "table":
                out.extend(n.table_fields)
        return tuple(out)

    @property
    def paragraphs(self) -> tuple[Node, ...]:
        """Every text node but list items and tables (paragraphs, fields, captions, quotes, code)."""
        return tuple(n for n in self.body if n.kind not in ("list_item", "table"))

    @property
    def bullets(self) -> tuple[Node, ...]:
        """The list items, in order."""
        return tuple(n for n in self.body if n.kind == "list_item")


@dataclass(frozen=True, slots=True)
class StructuredDocument:
    """The structure stage's output.

    Attributes:
        title, subtitle: the document's title and subtitle nodes, or ``None``.
        sections: the heading tree, flattened in reading order.
        furniture: running headers, footers and page numbers (reader blocks
            with a role other than ``body``), normalized.
    """

    title: Node | None
    subtitle: Node | None
    sections: tuple[SectionNode, ...]
    furniture: tuple[tuple[Block, NText], ...] = field(default=())

    def nodes(self):
        """Every node of every section, in reading order, with its section's index."""
        for i, s in enumerate(self.sections):
            if s.heading is not None:
                yield i, s.heading
            for n in s.body:
                yield i, n
