"""What ``inspect`` shows: the classified blocks in reading order and the recognised values, with their boxes.

Built from an :class:`~pipeline.core.Extraction` (the structure stage's nodes,
which carry every block's kind, level and reader boxes, and the record, which
carries the values) and, for a PDF, the reader's per-page trace
(:func:`pipeline.read.pdf.trace_pdf`). Pure data: the overlay images
(:mod:`.draw`) and the HTML pages (:mod:`.html`) are made from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Box, DocumentRecord, Provenance
from ..normalize import to_match
from ..read.blocks import BBox, Block
from ..read.pdf import PageTrace
from ..structure import Node, StructuredDocument
from ..structure.model import span_of

_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")

# Every kind a block can be drawn as; the order is the legend's.
KINDS = (
    "title", "subtitle", "heading", "paragraph", "list_item", "field", "caption", "quote", "code", "table",
    "header", "footer",
)
# Kinds of recognised values drawn as spans.
VALUE_KINDS = ("date", "contact", "meeting_field")


@dataclass(frozen=True, slots=True)
class Place:
    """A box on a page: ``page`` 1-based, ``bbox`` in points, top-left origin."""

    page: int
    bbox: BBox


@dataclass(frozen=True, slots=True)
class ViewBlock:
    """One block as the pipeline classified it.

    Attributes:
        index: 1-based position in reading order (running heads and feet,
            which are out of the reading order, come after the body).
        kind: one of :data:`KINDS`.
        level: a heading's level (1 = top), else ``None``.
        text: the block's text, display form.
        rtl: the text is Arabic (shown right to left).
        lang: ISO 639-1 language of a block that is not Arabic, else ``None``.
        section: 1-based index of the record section the block belongs to
            (``None`` for the title, subtitle and running heads).
        section_kind: that section's kind (``meeting``, ``contact`` …).
        span: the block's provenance.
        places: where the block is drawn: one box per reader block it was
            made of (a paragraph joined across a page break has two); empty
            for formats without pages.
        label, value: a field's label and value (display form).
        cells: a table's cell boxes.
        rows: a table's cell texts, row by row in reading order (display form).
        in_body: ``False`` for running headers, footers and page numbers
            (dropped from the body).
    """

    index: int
    kind: str
    level: int | None
    text: str
    rtl: bool
    lang: str | None
    section: int | None
    section_kind: str | None
    span: Provenance
    places: tuple[Place, ...] = ()
    label: str | None = None
    value: str | None = None
    cells: tuple[Place, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    in_body: bool = True

    @property
    def tag(self) -> str:
        """A short name for the block's kind: ``h2``, ``list_item``, ``header (dropped)``."""
        if self.kind == "heading":
            return f"h{self.level}" if self.level else "heading"
        if not self.in_body:
            return f"{self.kind} (dropped)"
        return self.kind

    @property
    def where(self) -> str:
        """The provenance for people (see :func:`where`)."""
        return where(self.span)

    @property
    def anchor(self) -> str:
        """The HTML id of the block's entry in the list."""
        return f"b{self.index}"


@dataclass(frozen=True, slots=True)
class ValueSpan:
    """A recognised value: a date, a contact detail or a meeting's field.

    Attributes:
        kind: ``"date"``, ``"contact"`` or ``"meeting_field"``.
        name: what it is ("date", "phone", "meeting 3 · تاريخ ومكان الانعقاد").
        text: as printed (display form).
        value: the value the pipeline made of it (ISO date range, E.164
            number, the field's value).
        where: provenance for people.
        block: reading-order index of the block it is in, or ``None``.
        places: the lines of that block the text is on (the whole block
            when it is not found on one line); empty without pages.
    """

    kind: str
    name: str
    text: str
    value: str
    where: str
    block: int | None
    places: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Everything ``inspect`` shows of one source.

    Attributes:
        blocks: body blocks in reading order, then running heads and feet.
        values: dates, contacts and meeting fields, in that order, each in
            document order.
        meeting_blocks: meeting number → reading-order index of its heading.
    """

    blocks: tuple[ViewBlock, ...]
    values: tuple[ValueSpan, ...]
    meeting_blocks: dict[int, int]

    def on_page(self, page: int) -> list[ViewBlock]:
        """The blocks drawn on ``page``, in reading order."""
        return [b for b in self.blocks if any(p.page == page for p in b.places)]

    def values_on_page(self, page: int) -> list[ValueSpan]:
        """The values drawn on ``page``."""
        return [v for v in self.values if any(p.page == page for p in v.places)]


def where(span: Provenance) -> str:
    """A provenance for people: ``p. 3``, ``pp. 3–4``, ``line 7``, ``lines 7–9``, or the locator."""
    if span.page is not None:
        end = span.page_end or span.page
        return f"p. {span.page}" if end == span.page else f"pp. {span.page}–{end}"
    if span.line_start is not None:
        end = span.line_end or span.line_start
        return f"line {span.line_start}" if end == span.line_start else f"lines {span.line_start}–{end}"
    return span.locator or ""


def is_rtl(text: str) -> bool:
    """The text has Arabic letters (it is shown right to left)."""
    return bool(_ARABIC_RE.search(text))


def _places(blocks: tuple[Block, ...] | list[Block]) -> tuple[Place, ...]:
    return tuple(Place(b.page, b.bbox) for b in blocks if b.page is not None and b.bbox is not None)


def build_view(
    record: DocumentRecord, document: StructuredDocument, traces: list[PageTrace] | None = None
) -> DocumentView:
    """The view of one extracted source.

    Args:
        record: the validated record (section kinds, dates, contacts, meetings).
        document: the structure stage's output for the same source.
        traces: the reader's pages (PDF), to place values on their lines;
            ``None`` for other formats or when the trace is not wanted.

    Returns:
        The blocks in reading order (title, subtitle, then every section's
        heading and body; running heads and feet last) and the values.
    """
    blocks: list[ViewBlock] = []
    by_node: dict[int, int] = {}  # id(node) -> reading-order index
    tables = iter(record.tables)  # the record's tables are the table nodes, in order

    def add(node: Node, kind: str, level: int | None, section: int | None) -> None:
        index = len(blocks) + 1
        by_node[id(node)] = index
        cells: tuple[Place, ...] = ()
        rows: tuple[tuple[str, ...], ...] = ()
        if node.table is not None:
            cells = tuple(Place(c.page, c.bbox) for c in node.table.cells if c.page is not None and c.bbox is not None)
            table = next(tables, None)
            if table is not None:
                rows = tuple(tuple(c.text for c in row) for row in table.rows)
        text = node.text.display
        blocks.append(ViewBlock(
            index=index, kind=kind, level=level, text=text, rtl=is_rtl(text), lang=node.lang,
            section=section + 1 if section is not None else None,
            section_kind=record.sections[section].kind if section is not None and section < len(record.sections) else None,
            span=node.span, places=_places(node.source),
            label=node.label.display if node.kind == "field" and node.label is not None else None,
            value=node.value.display if node.kind == "field" and node.value is not None else None,
            cells=cells, rows=rows,
        ))

    if document.title is not None:
        add(document.title, "title", None, None)
    if document.subtitle is not None:
        add(document.subtitle, "subtitle", None, None)
    for i, section in enumerate(document.sections):
        if section.heading is not None:
            add(section.heading, "heading", section.level, i)
        for node in section.body:
            add(node, node.kind, None, i)
    for block, text in document.furniture:
        blocks.append(ViewBlock(
            index=len(blocks) + 1, kind=block.role, level=None, text=text.display, rtl=is_rtl(text.display),
            lang=None, section=None, section_kind=None, span=span_of(block), places=_places([block]),
            in_body=False,
        ))
    lines = _lines_by_page(traces or [])
    values = _dates(record, blocks, lines) + _contacts(record, blocks, lines)
    meeting_blocks: dict[int, int] = {}
    for number, section in _meeting_sections(record, document):
        if section.heading is not None:
            meeting_blocks[number] = by_node[id(section.heading)]
        for node in section.fields:
            idx = by_node[id(node)]
            label = node.label.display if node.label is not None else ""
            values.append(ValueSpan(
                kind="meeting_field", name=f"meeting {number} · {label}", text=node.text.display,
                value=node.value.display if node.value is not None else "", where=where(node.span), block=idx,
                places=_places(node.source),
            ))
    return DocumentView(tuple(blocks), tuple(values), meeting_blocks)


def meeting_sections(record: DocumentRecord) -> dict[int, int]:
    """Meeting number → 0-based index in ``record.sections`` of the meeting's section.

    A meeting's section is a ``meeting`` section with the meeting's title as
    heading and its provenance, else with its title, else with its
    provenance; each section serves one meeting, taken in order (a PDF's
    provenance is only pages, so several meetings on a page share it).
    """
    free = [i for i, s in enumerate(record.sections) if s.kind == "meeting"]
    out: dict[int, int] = {}
    for meeting in record.meetings:
        tests = (
            lambda s: s.heading == meeting.title and s.provenance == meeting.provenance,
            lambda s: s.heading == meeting.title,
            lambda s: s.provenance == meeting.provenance,
        )
        for test in tests:
            found = next((i for i in free if test(record.sections[i])), None)
            if found is not None:
                out[meeting.number] = found
                free.remove(found)
                break
    return out


def _meeting_sections(record: DocumentRecord, document: StructuredDocument):
    """``(meeting number, section node)`` for every meeting found (see :func:`meeting_sections`)."""
    for number, i in meeting_sections(record).items():
        if i < len(document.sections):
            yield number, document.sections[i]


# --- values: dates and contacts ------------------------------------------------


def _lines_by_page(traces: list[PageTrace]) -> dict[int, list[tuple[BBox, str]]]:
    """Each page's lines (body and running heads) with their matching form without spaces."""
    out: dict[int, list[tuple[BBox, str]]] = {}
    for page in traces:
        lines = [ln for region in page.regions for ln in region] + [ln for _, ln in page.furniture]
        out[page.number] = [(ln.bbox, _squeeze(ln.text)) for ln in lines]
    return out


def _squeeze(text: str) -> str:
    """Matching form without whitespace: a value found on a line whatever its spacing."""
    return "".join(to_match(text).split())


def _inside(inner: BBox, outer: BBox, slack: float = 1.0) -> bool:
    cx, cy = (inner.x0 + inner.x1) / 2, (inner.top + inner.bottom) / 2
    return outer.x0 - slack <= cx <= outer.x1 + slack and outer.top - slack <= cy <= outer.bottom + slack


def _box(box: Box | None) -> BBox | None:
    return None if box is None else BBox(box.x0, box.top, box.x1, box.bottom)


def _locate(
    text: str, span: Provenance, box: Box | None, blocks: list[ViewBlock], lines: dict[int, list[tuple[BBox, str]]]
) -> tuple[int | None, tuple[Place, ...]]:
    """The block a mention is in and the box(es) of the line(s) that hold it.

    A PDF mention carries its block's box and page: the block is the one
    drawn there, and the span is each line inside that box whose text holds
    the mention's (the whole box when a line break cuts the mention); a
    mention with a page but no box is looked for on every line of its page.
    A mention of a text source is in the block whose lines cover its line.
    """
    bbox = _box(box)
    needle = _squeeze(text)
    if span.page is not None and bbox is not None:
        block = next(
            (b for b in blocks for p in b.places if p.page == span.page and _same(p.bbox, bbox)), None
        )
        hits = tuple(
            Place(span.page, lb) for lb, squeezed in lines.get(span.page, ())
            if needle and needle in squeezed and _inside(lb, bbox)
        )
        return (block.index if block else None), hits or (Place(span.page, bbox),)
    if span.page is not None and needle:
        # a mention without a box (e.g. in a running head): the lines of its page that hold it
        hits = tuple(Place(span.page, lb) for lb, squeezed in lines.get(span.page, ()) if needle in squeezed)
        block = next(
            (b for b in blocks if any(p.page == span.page for p in b.places) and needle in _squeeze(b.text)), None
        )
        return (block.index if block else None), hits
    if span.line_start is not None:
        for b in blocks:
            first, last = b.span.line_start, b.span.line_end or b.span.line_start
            if first is not None and first <= span.line_start <= last:
                return b.index, ()
    if span.locator is not None:
        block = next((b for b in blocks if b.span.locator == span.locator), None)
        return (block.index if block else None), ()
    return None, ()


def _same(a: BBox, b: BBox, tol: float = 0.02) -> bool:
    return abs(a.x0 - b.x0) <= tol and abs(a.top - b.top) <= tol and abs(a.x1 - b.x1) <= tol and abs(a.bottom - b.bottom) <= tol


def _dates(record: DocumentRecord, blocks: list[ViewBlock], lines) -> list[ValueSpan]:
    out = []
    for d in record.dates:
        block, places = _locate(d.text, d.provenance, d.bbox, blocks, lines)
        value = d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()} – {d.end.isoformat()}"
        if d.calendar == "hijri":
            value += f" (Hijri {d.hijri})" if d.hijri else " (Hijri)"
        out.append(ValueSpan("date", f"date ({d.precision})", d.text, value, where(d.provenance), block, places))
    return out


def _contacts(record: DocumentRecord, blocks: list[ViewBlock], lines) -> list[ValueSpan]:
    out = []
    for c in record.contacts:
        block, places = _locate(c.text, c.provenance, c.bbox, blocks, lines)
        name = c.kind if not c.label else f"{c.kind} · {c.label}"
        out.append(ValueSpan("contact", name, c.text, c.value, where(c.provenance), block, places))
    return out
