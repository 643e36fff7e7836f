"""Tables on PDF pages: pdfplumber's table finder over the reader's own glyphs and shapes.

The only module that imports pdfplumber. Its ``table`` module
(``TableFinder``, ``TableSettings``) finds the cells of a table from a
page's *edges* (ruled tables: drawn lines and the sides of rectangles) or
from the alignment of its *words* (borderless tables); pdfplumber's own text
extraction is never used (it returns right-to-left cell text reversed,
pdfplumber issues 794 and 1159). :class:`_PageView` hands the finder what it
reads of a page, built from the reader's values: edges from the backend's
drawn shapes (:attr:`~.pdf_backend.PdfShape.segments`), words from the
reader's glyphs. Each cell's text is then made by the reader's own line
assembly (:func:`~.pdf_line.make_line`: logical order, marks, digits, mixed
Arabic and Latin), so a table cell reads as well as a paragraph.

The steps, per page (:func:`find_tables`):

1. **Ruled tables.** The finder's ``lines`` strategy on the page's edges.
   A found grid is a table when it has at least ``MIN_ROWS`` rows and
   ``MIN_COLS`` columns with text in at least two columns (a framed
   paragraph or a box around a heading is not a table). What is painted
   over a table after it is no part of it: a box drawn over its rules or
   text (:func:`_covers`: a cookie banner a browser prints on every page)
   and the shapes and glyphs drawn on that box (its text, a button's frame,
   which would add columns); a piece of text running across two or more of
   its column rules (:func:`_across_rules`). Such glyphs stay page text.
2. **Borderless tables.** Conservative: only a run of rows that splits
   into aligned columns at the same gutters (:func:`_borderless_regions`:
   at least ``BORDERLESS_MIN_ROWS`` rows with text on both sides of every
   gutter, gutters at least ``GUTTER_EM`` ems wide, one piece of text per
   column in a row, cells aligned on a common edge, and at least one
   column of short cells, not running prose: columns of lines as long as
   a text column's that fill it are text; a column of list markers makes
   a list, ``label:`` beside values makes fields, words pushed apart by
   justification or rows that go on into the text above or below at the
   same pitch make a paragraph, and rows spaced unalike, a line pitch
   apart in places and a paragraph gap elsewhere, are blocks of text side
   by side: bios, address panels, columns of text on baselines of their
   own). The finder's ``text`` strategy then places the cells from the
   run's words (runs of glyphs without a gutter-wide gap). A row of one
   piece of text reaching into or over the gutters from the table's outer
   edge, at the rows' size and pitch and next to a row of cells, is a
   merged row (a note under a label | value table; :func:`_spanning`,
   :func:`_settle_spans`): one cell over the columns it reaches.
3. **Cells.** A glyph belongs to the cell that holds its centre; a cell's
   rows of glyphs become lines in logical order (a bullet or ``*`` that
   starts a cell's line is kept: a cell is no list). Columns are in reading
   order: in a right-to-left table (most cells' lines read right to left)
   column 0 is the rightmost. A merged cell (one cell over several grid
   slots) keeps its spans; a slot without text is an empty cell.
4. **Header.** Leading rows whose non-empty cells are all bold while the
   rows below are not, or that are shaded (a filled rectangle behind every
   cell) unlike the rows below.

Across pages, :func:`join_continued` makes one table of a table that ends a
page and one that starts the next page with the same columns; a first row
that repeats the header (or the first row) of the table is dropped and
marks the header.

Compatibility: :func:`check_pdfplumber` checks once per process that the
installed pdfplumber has the finder and reads a small grid as expected
(``PDFPLUMBER_TESTED``); otherwise the reader raises
:class:`~pipeline.errors.IncompatibleDependencyError`.
"""

from __future__ import annotations

import bisect
import re
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import IncompatibleDependencyError
from .blocks import BBox, TableCell, TableGrid
from .pdf_backend import PdfPage
from .pdf_layout import COLUMN_MIN_EM, PARAGRAPH_PITCH, attach_marks, group_rows
from .pdf_line import BULLETS, MARK, RANGE_RE, SPACE, WEAK_BULLETS, Glyph, Line, make_line, reorder_ranges, strong_info

# The pdfplumber releases whose table finder this module is tested with
# (keep pyproject.toml in step).
PDFPLUMBER_TESTED = ">=0.11,<0.12"

MIN_ROWS = 2
MIN_COLS = 2
# Edges: the finder's defaults (3 pt) for snapping and joining; shorter
# edges are no table rules. A page whose rules, once joined, give more than
# MAX_CROSSINGS pairs of a vertical and a horizontal edge (a map, a chart)
# is not searched for ruled tables: the finder compares every pair.
EDGE_MIN_LENGTH = 3.0
MAX_CROSSINGS = 100_000
# A fill lighter than this draws nothing on a white page; a filled
# rectangle at most RULE_WIDTH points thick is a rule.
WHITE = 0.97
RULE_WIDTH = 3.0
# Borderless tables: gutters at least GUTTER_EM ems wide, seen on at least
# BORDERLESS_MIN_ROWS rows; a column of short cells has a median cell at
# most SHORT_FILL of the column's width or shorter than the layout's
# shortest typical line of a text column (pdf_layout.COLUMN_MIN_EM); prose
# has PROSE_WORDS words or more per line.
GUTTER_EM = 1.0
BORDERLESS_MIN_ROWS = 3
SHORT_FILL = 0.6
PROSE_WORDS = 6
ALIGN_SHARE = 0.7
# A row gap above this many ems ends a borderless table.
ROW_GAP_EM = 1.6
# A merged row of a borderless table (one piece of text across its
# gutters) starts at the table's outer edge within SPAN_ALIGN points, at
# the rows' pitch within SPAN_PITCH of it.
SPAN_ALIGN = 2.0
SPAN_PITCH = 0.15
# A drawn grid is page layout, not a table, when a cell holds a heading
# (a line HEADING_RATIO times the page's body size or larger), or when a
# few cells (FRAME_CELLS or fewer with text) fill FRAME_AREA of the page.
HEADING_RATIO = 1.3
FRAME_CELLS = 4
FRAME_AREA = 0.35
# A box painted over a table covers what was drawn before it this far
# (points) inside its sides; rules along its sides are the table's own.
COVER_INSET = 2.0
# Text over a table without a box: a piece of text (gaps under ACROSS_GAP
# of its size) straddling ACROSS_RULES of a row's column rules.
ACROSS_GAP = 0.4
ACROSS_RULES = 2
# Shading: a fill behind a cell differs from the page (or from the shading
# of the other rows) by at least this luminance.
SHADE_DIFF = 0.04

# A list item's number or letter with its punctuation, as drawn in either
# direction ("1." or ".1", "(أ)" or ")أ(").
_ITEM = r"(?:[0-9٠-٩۰-۹]{1,3}|[A-Za-z\u0621-\u064A])"
_ITEM_NUMBER_RE = re.compile(
    rf"^(?:[(\[)\]]?{_ITEM}[.)\]\-(\[]|[.)\]\-(\[]{_ITEM}[(\[)\]]?|[(\[)\]][^\s()\[\]]{{1,2}}[)\](\[])$"
)
_MARKS = frozenset(BULLETS) | frozenset("-–*")
_SENTENCE_END = frozenset(".،,؛;!?؟")


# --------------------------------------------------------------------------
# pdfplumber, loaded and checked once


_FINDER: Any = None
_FINDER_ERROR: IncompatibleDependencyError | None = None


def check_pdfplumber():
    """Load pdfplumber's table finder and check it once per process.

    Returns:
        pdfplumber's ``TableFinder`` class.

    Raises:
        IncompatibleDependencyError: pdfplumber is missing, or its table
            finder does not read a 2 × 2 grid of drawn lines as four cells
            (an API or behaviour unlike the tested releases,
            ``PDFPLUMBER_TESTED``).
    """
    global _FINDER, _FINDER_ERROR
    if _FINDER is not None:
        return _FINDER
    if _FINDER_ERROR is not None:
        raise _FINDER_ERROR
    version = "?"
    try:
        from importlib.metadata import version as _version

        version = _version("pdfplumber")
        from pdfplumber.table import TableFinder

        grid = [_edge("h", 0, y, 100, y) for y in (0, 50, 100)] + [_edge("v", x, 0, x, 100) for x in (0, 50, 100)]
        found = TableFinder(_PageView((0, 0, 200, 200), grid, []), {}).tables
        cells = sorted(found[0].cells) if len(found) == 1 else None
        if cells != [(0, 0, 50, 50), (0, 50, 50, 100), (50, 0, 100, 50), (50, 50, 100, 100)]:
            raise ValueError(f"a 2 x 2 grid gave {[t.cells for t in found]!r}")
    except Exception as exc:
        _FINDER_ERROR = IncompatibleDependencyError(
            None,
            f"pdfplumber {version}: its table finder does not work as this reader expects "
            f"({type(exc).__name__}: {exc}); tested releases: pdfplumber{PDFPLUMBER_TESTED}",
        )
        raise _FINDER_ERROR from exc
    _FINDER = TableFinder
    return TableFinder


class _PageView:
    """What pdfplumber's ``TableFinder`` reads of a page: ``bbox`` (x0, top,
    x1, bottom), ``edges`` (for the ``lines`` strategies) and
    ``extract_words`` (for the ``text`` strategies; the reader's words, the
    finder's text settings are not used)."""

    def __init__(self, bbox: tuple[float, float, float, float], edges: list[dict], words: list[dict]) -> None:
        self.bbox = bbox
        self.edges = edges
        self._words = words

    def extract_words(self, **_settings) -> list[dict]:
        return self._words


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    """An edge as pdfplumber makes them (``utils.obj_to_edges``)."""
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation, "object_type": "rect_edge",
    }


# --------------------------------------------------------------------------
# Tables found on one page


@dataclass
class DraftCell:
    """A cell before it becomes a :class:`~.blocks.TableCell` (columns left to right)."""

    row: int
    col: int  # left-to-right slot of the cell's leftmost column
    row_span: int
    col_span: int
    bbox: BBox
    page: int
    lines: list[Line] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.lines


@dataclass
class PageTable:
    """A table found on a page (or joined across pages).

    Attributes:
        page: the first page.
        bbox: the table's box on its first page.
        n_rows, n_cols: grid size.
        cells: the cells, columns numbered left to right.
        xs: the column boundaries, left to right (``n_cols + 1`` values),
            on the first page.
        rtl: the table reads right to left.
        ruled: found from drawn lines (else from text alignment).
        header_rows: leading rows that are the header.
        pages: every page the table is on.
        over: glyphs inside the table's box that are no text of it (drawn
            over it across its rules, :func:`_across_rules`).
    """

    page: int
    bbox: BBox
    n_rows: int
    n_cols: int
    cells: list[DraftCell]
    xs: list[float]
    rtl: bool = True
    ruled: bool = True
    header_rows: int = 0
    pages: list[int] = field(default_factory=list)
    over: list[Glyph] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        """Every line of every cell (for the reader's document-wide passes)."""
        return [line for c in self.cells for line in c.lines]

    def row_texts(self, row: int) -> tuple[str, ...]:
        """The texts of a row's cells that start in it, left to right."""
        return tuple(" ".join(line.text for line in c.lines) for c in sorted(self.cells, key=lambda c: c.col) if c.row == row)

    def grid(self) -> TableGrid:
        """The reader contract's grid: columns in reading order, lines in logical order."""
        out = []
        for c in self.cells:
            col = self.n_cols - c.col - c.col_span if self.rtl else c.col
            out.append(TableCell(
                row=c.row, col=col, lines=tuple(_cell_text(line, i == 0) for i, line in enumerate(c.lines)),
                row_span=c.row_span,
                col_span=c.col_span, bbox=c.bbox, page=c.page, header=c.row < self.header_rows,
            ))
        out.sort(key=lambda cell: (cell.row, cell.col))
        return TableGrid(n_rows=self.n_rows, n_cols=self.n_cols, cells=tuple(out), rtl=self.rtl)


_NUMBER = r"[0-9٠-٩۰-۹]+(?:[:.,٫][0-9٠-٩۰-۹]+)*"
_BARE_RANGE_RE = re.compile(rf"^(\s*)({_NUMBER})(\s*[-–—]\s*)({_NUMBER})(\s*)$")


def _number_key(text: str) -> tuple[int, ...]:
    """A number's digit groups as integers (``08:30`` → ``(8, 30)``)."""
    return tuple(int("".join(str(unicodedata.digit(ch)) for ch in part)) for part in re.findall(r"[0-9٠-٩۰-۹]+", text))


def _cell_text(line: Line, first: bool) -> str:
    """A cell line's text in logical order.

    A cell is a paragraph of its own. A number range that begins it
    (``10-11 أكتوبر``) has no Arabic letter before it, so the producer's
    bidi step drew it as written (UAX #9 W2 turns its digits into Arabic
    numbers only after Arabic letters); reading the line back as one
    right-to-left paragraph would reverse it (``11-10``). Such a range,
    at the visual right end of a right-to-left cell's first line, is read
    as drawn (:func:`~.pdf_line.reorder_ranges`).

    A line that is only a range between two numbers (``08:30 – 09:30``)
    has no letter to tell its direction: a cell set left to right (a
    column of times with ``direction: ltr``) draws ``08:30 – 09:30``, a
    right-to-left one ``09:30 – 08:30`` (UAX #9 N1: the dash and spaces
    between two numbers take the paragraph's direction). Ranges go up (as
    :func:`~.pdf._settle_number_ranges` holds for the document's ranges):
    the line reads in the direction its two numbers go up in. A hyphen
    between digits without spaces joins them into one number run drawn as
    written either way (W4: ``0797-555``), and is left as read.
    """
    bare = _BARE_RANGE_RE.match(line.text)
    if bare and line.n_letters == 0:
        lead, a, sep, b, trail = bare.groups()
        if sep.strip() != sep or sep.strip() != "-":
            if _number_key(a) > _number_key(b):
                return f"{lead}{b}{sep}{a}{trail}"
            return line.text
    if not first or not line.rtl or line.script != "R":
        return line.text
    matches = list(RANGE_RE.finditer(line.visual))
    if not matches or any(ch.isdigit() or strong_info(ch)[3] for ch in line.visual[matches[-1].end() :]):
        return line.text
    which = set(line.ranges) if line.ranges and line.text == reorder_ranges(line, line.ranges) else set()
    return reorder_ranges(line, tuple(sorted(which | {len(matches) - 1})))


@dataclass
class PageTables:
    """What :func:`find_tables` found on a page, and the glyphs left for its text."""

    tables: list[PageTable]
    glyphs: list[Glyph]
    marks: list[Glyph]
    warnings: list[tuple[str, str]] = field(default_factory=list)


def find_tables(
    page: PdfPage, glyphs: list[Glyph], marks: list[Glyph], bases: dict | None, rtl_page: bool, em: float
) -> PageTables:
    """Find the tables of a page and take their glyphs out of its text.

    Args:
        page: the backend's page (its number, size and shapes).
        glyphs: the page's glyphs, marks excepted (reader's :class:`Glyph`).
        marks: its combining marks.
        bases: the marks' content-stream neighbours
            (:func:`~.pdf_line.stream_neighbours`), or ``None``.
        rtl_page: the page reads right to left mostly.
        em: the page's body font size, points.

    Returns:
        The tables in top-to-bottom order, and the glyphs and marks outside
        them (those drawn over a table but no part of it included);
        ``warnings`` as ``(code, message)`` pairs (a page with too many
        drawn edges to search for ruled tables).

    Raises:
        IncompatibleDependencyError: see :func:`check_pdfplumber`.
    """
    if not glyphs:
        return PageTables([], glyphs, marks)
    finder = check_pdfplumber()
    warnings: list[tuple[str, str]] = []
    box = (0.0, 0.0, page.width, page.height)
    tables: list[PageTable] = []
    over: set[int] = set()  # ids of the glyphs and marks drawn over a table, not its text
    edges = _edges(page)
    if edges:
        tables = _ruled_tables(finder, page, edges, glyphs, marks, bases, rtl_page, em, warnings)
        cover_ids = _covers(page, tables, glyphs)
        if cover_ids:
            # What is drawn on a box painted over a table (its shapes, its
            # text) is no part of the table; the table is found again without it.
            covers = [page.shapes[i] for i in cover_ids]
            shapes = page.shapes
            skip = {j for i in cover_ids for j in range(i + 1, len(shapes)) if _within(shapes[j], shapes[i])}
            over = {id(g) for g in glyphs + marks if any(_on(g, c) for c in covers)}
            kept = [g for g in glyphs if id(g) not in over]
            kept_marks = [m for m in marks if id(m) not in over]
            tables = _ruled_tables(finder, page, _edges(page, skip), kept, kept_marks, bases, rtl_page, em, warnings)
        for t in tables:
            over.update(id(g) for g in t.over)
    rest = [g for g in glyphs if id(g) in over or not _inside_any(g, tables)] if tables else glyphs
    for words in _borderless_regions(rest, em):
        settings = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": BORDERLESS_MIN_ROWS}
        # Merged rows (a note across the columns) are set into the table
        # the finder makes of the other rows.
        spans = [w for w in words if w.get("span")]
        words = [w for w in words if not w.get("span")]
        on_spans = [g for g in rest if any(_centre_in(g, (w["x0"], w["top"], w["x1"], w["bottom"])) for w in spans)]
        cells_text = [g for g in rest if not any(g is h for h in on_spans)] if on_spans else rest
        for found in _guarded(lambda: finder(_PageView(box, [], words), settings).tables, page.number, warnings):
            table = _table(found.cells, page, cells_text, marks, bases, rtl_page, em, ruled=False)
            if table is not None and not any(_overlaps(table.bbox, t.bbox) for t in tables):
                table = _drop_empty_lines(table)
                if spans:
                    _add_spans(table, spans, on_spans, marks, bases, rtl_page, page.number)
                table = _join_wrapped_rows(table)
                if table.n_rows >= MIN_ROWS and table.n_cols >= MIN_COLS:
                    tables.append(table)
    if not tables:
        return PageTables([], glyphs, marks, warnings)
    tables.sort(key=lambda t: (t.bbox.top, t.bbox.x0))
    for t in tables:
        t.header_rows = _header_rows(t, page)
    glyphs = [g for g in glyphs if id(g) in over or not _inside_any(g, tables)]
    marks = [m for m in marks if id(m) in over or not _inside_any(m, tables)]
    return PageTables(tables, glyphs, marks, warnings)


def _ruled_tables(
    finder, page: PdfPage, edges: list[dict], glyphs: list[Glyph], marks: list[Glyph], bases: dict | None,
    rtl_page: bool, em: float, warnings: list[tuple[str, str]],
) -> list[PageTable]:
    """The tables the finder's ``lines`` strategy finds on ``edges`` (the
    page's drawn rules, :func:`_edges`), with the cells' text from ``glyphs``."""
    from pdfplumber.table import merge_edges

    # joined as the finder does (its default tolerances)
    edges = _guarded(lambda: merge_edges(edges, 3, 3, 3, 3), page.number, warnings)
    n_v = sum(e["orientation"] == "v" for e in edges)
    if n_v * (len(edges) - n_v) > MAX_CROSSINGS:
        warnings.append(("table_edges_skipped", f"page {page.number}: {len(edges)} drawn lines; ruled tables were not searched"))
        return []
    if not edges:
        return []
    tables: list[PageTable] = []
    box = (0.0, 0.0, page.width, page.height)
    lines = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    for found in _guarded(lambda: finder(_PageView(box, edges, []), lines).tables, page.number, warnings):
        table = _table(found.cells, page, glyphs, marks, bases, rtl_page, em, ruled=True)
        if table is not None and not any(_overlaps(table.bbox, t.bbox) for t in tables):
            tables.append(table)
    return tables


def _covers(page: PdfPage, tables: list[PageTable], glyphs: list[Glyph]) -> list[int]:
    """The filled boxes painted over a ruled table (indices into ``page.shapes``).

    A box covers the table when something of the table was drawn before
    the box inside it (``COVER_INSET`` points in from its sides): a rule
    crossing it, or a glyph. Cell shading is painted before the cell's text
    and rules, and its rules run along its sides; a box painted over the
    table afterwards (a ``position: fixed`` cookie banner that a browser
    prints at the foot of every page, a stamp, a pop-up) hides what is under
    it, and what is drawn on it (its text, a button) is no part of the
    table. Shapes no thicker than ``RULE_WIDTH`` are rules, not boxes.
    """
    out = []
    for i, s in enumerate(page.shapes):
        if s.kind not in ("fill", "fill+stroke") or min(s.x1 - s.x0, s.bottom - s.top) <= RULE_WIDTH:
            continue
        x0, x1, top, bottom = s.x0 + COVER_INSET, s.x1 - COVER_INSET, s.top + COVER_INSET, s.bottom - COVER_INSET
        hit = [t.bbox for t in tables if min(t.bbox.x1, x1) > max(t.bbox.x0, x0) and min(t.bbox.bottom, bottom) > max(t.bbox.top, top)]
        if not hit:
            continue
        ruled = any(
            _crosses(seg, x0, x1, top, bottom)
            for earlier in page.shapes[:i]
            if earlier.kind not in ("image", "shading") and earlier.x0 < x1 and earlier.x1 > x0
            and earlier.top < bottom and earlier.bottom > top
            for seg in earlier.segments
        )
        if ruled or any(
            g.run <= s.run and x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom
            and any(_centre_in(g, (b.x0, b.top, b.x1, b.bottom)) for b in hit)
            for g in glyphs if g.kind != SPACE
        ):
            out.append(i)
    return out


def _crosses(seg: tuple[float, float, float, float], x0: float, x1: float, top: float, bottom: float) -> bool:
    """A horizontal or vertical segment runs through the box's inside."""
    sx0, stop, sx1, sbottom = seg
    if sx1 - sx0 < 0.01:  # vertical
        return x0 < sx0 < x1 and min(sbottom, bottom) > max(stop, top)
    if sbottom - stop < 0.01:  # horizontal
        return top < stop < bottom and min(sx1, x1) > max(sx0, x0)
    return False


def _within(s, box) -> bool:
    """Shape ``s`` lies inside ``box``'s bounds (1 pt of slack)."""
    return s.x0 >= box.x0 - 1 and s.x1 <= box.x1 + 1 and s.top >= box.top - 1 and s.bottom <= box.bottom + 1


def _on(g: Glyph, s) -> bool:
    """Glyph ``g`` was drawn after shape ``s``, its centre on it."""
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return g.run > s.run and s.x0 <= cx <= s.x1 and s.top <= cy <= s.bottom


def _guarded(call, number: int, warnings: list[tuple[str, str]]) -> list:
    """``call()`` (into pdfplumber), or an empty list with a page warning
    when pdfplumber's code fails on this page's edges or words (an error
    raised in this module's own code propagates: it is a bug)."""
    try:
        return call()
    except Exception as exc:
        last = None
        for frame, _ in traceback.walk_tb(exc.__traceback__):
            last = frame
        if last is None or "pdfplumber" not in Path(last.f_code.co_filename).parts:
            raise
        warnings.append(("table_search_failed", f"page {number}: tables could not be searched "
                         f"({type(exc).__name__}: {exc}); their text is read as paragraphs"))
        return []


def _edges(page: PdfPage, skip: set[int] | frozenset[int] = frozenset()) -> list[dict]:
    """pdfplumber edges from the page's drawn rules: every horizontal or
    vertical piece of a stroked path, and the long sides of thin filled
    rectangles (a rule drawn as a fill: its two sides at most ``RULE_WIDTH``
    apart), at least ``EDGE_MIN_LENGTH`` long; the shapes whose indices are
    in ``skip`` left out. Unlike pdfplumber, a filled area (a shaded row, a
    coloured box) gives no edges: banded rows would cut a table into
    pieces; white fills draw nothing at all."""
    out = []
    for i, s in enumerate(page.shapes):
        if s.kind in ("image", "shading") or i in skip:
            continue
        if s.kind == "fill" and s.luminance is not None and s.luminance > WHITE:
            continue
        pieces = s.segments if s.kind != "fill" else _rule_sides(s.segments)
        for x0, top, x1, bottom in pieces:
            if bottom - top < 0.01 and x1 - x0 >= EDGE_MIN_LENGTH:
                out.append(_edge("h", x0, top, x1, top))
            elif x1 - x0 < 0.01 and bottom - top >= EDGE_MIN_LENGTH:
                out.append(_edge("v", x0, top, x0, bottom))
    return out


def _rule_sides(segments) -> list[tuple[float, float, float, float]]:
    """The sides of a filled path that face a parallel side of the same
    extent at most ``RULE_WIDTH`` away: the long sides of thin rectangles
    (a rectangle's two long sides have the same ends; sorted by their ends,
    then by position, they are neighbours)."""
    out: dict[tuple, None] = {}
    for axis, a0, a1, pos in (("h", 0, 2, 1), ("v", 1, 3, 0)):
        flat = 1 if axis == "h" else 0
        group = sorted(
            (s for s in segments if s[flat + 2] - s[flat] < 0.01),
            key=lambda s: (round(s[a0]), round(s[a1]), s[pos]),
        )
        for s, t in zip(group, group[1:]):
            if round(s[a0]) == round(t[a0]) and round(s[a1]) == round(t[a1]) and 0 < t[pos] - s[pos] <= RULE_WIDTH:
                out[s] = out[t] = None
    return list(out)


def _centre_in(g: Glyph, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def _inside_any(g: Glyph, tables: list[PageTable]) -> bool:
    return any(_centre_in(g, (t.bbox.x0, t.bbox.top, t.bbox.x1, t.bbox.bottom)) for t in tables)


def _overlaps(a: BBox, b: BBox) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


def _slots(d: DraftCell) -> list[tuple[int, int]]:
    return [(r, c) for r in range(d.row, d.row + d.row_span) for c in range(d.col, d.col + d.col_span)]


def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted representatives of values closer than ``tol`` to their neighbour."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _nearest(values: list[float], v: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - v))


def _table(
    cells: list[tuple[float, float, float, float]], page: PdfPage, glyphs: list[Glyph], marks: list[Glyph],
    bases: dict | None, rtl_page: bool, em: float, *, ruled: bool,
) -> PageTable | None:
    """A table from the finder's cell boxes, with each cell's lines; ``None``
    when it is too small, holds text in fewer than two columns, or lays the
    page out (a heading in a cell, a few cells filling much of the page)."""
    if not cells:
        return None
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells], 1.5)
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells], 1.5)
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_cols < MIN_COLS or n_rows < MIN_ROWS:
        return None
    taken: set[tuple[int, int]] = set()
    drafts: list[DraftCell] = []
    for x0, top, x1, bottom in sorted(cells, key=lambda c: (c[1], c[0])):
        c0, c1, r0, r1 = _nearest(xs, x0), _nearest(xs, x1), _nearest(ys, top), _nearest(ys, bottom)
        slots = {(r, c) for r in range(r0, r1) for c in range(c0, c1)}
        if c1 <= c0 or r1 <= r0 or slots & taken:
            continue
        taken |= slots
        drafts.append(DraftCell(r0, c0, r1 - r0, c1 - c0, BBox(x0, top, x1, bottom), page.number))
    # Free slots (no finder cell where two rules do not meet) are cells of
    # their own: empty, or holding the text drawn there.
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) not in taken:
                drafts.append(DraftCell(r, c, 1, 1, BBox(xs[c], ys[r], xs[c + 1], ys[r + 1]), page.number))
    bbox = BBox(xs[0], ys[0], xs[-1], ys[-1])
    owner = {slot: i for i, d in enumerate(drafts) for slot in _slots(d)}
    over: list[Glyph] = []
    if ruled:
        over = _across_rules(glyphs, marks, xs, ys, owner)
        if over:
            drop = {id(g) for g in over}
            glyphs = [g for g in glyphs if id(g) not in drop]
            marks = [m for m in marks if id(m) not in drop]
    own: list[list[Glyph]] = [[] for _ in drafts]
    own_marks: list[list[Glyph]] = [[] for _ in drafts]
    for items, into in ((glyphs, own), (marks, own_marks)):
        for g in items:
            cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
            c, r = bisect.bisect_right(xs, cx) - 1, bisect.bisect_right(ys, cy) - 1
            if 0 <= c < n_cols and 0 <= r < n_rows and (r, c) in owner:
                into[owner[r, c]].append(g)
    for d, cell_glyphs, cell_marks in zip(drafts, own, own_marks):
        d.lines = _cell_lines(cell_glyphs, cell_marks, bases, rtl_page, page.number)
    filled = [d for d in drafts if not d.empty]
    filled_cols = {c for d in filled for c in range(d.col, d.col + d.col_span)}
    if len({d.col for d in filled}) < 2 or len(filled_cols) < 2:
        return None
    if any(line.size >= HEADING_RATIO * em for d in filled for line in d.lines):
        return None  # a heading inside: boxes that lay a page out
    area = (bbox.x1 - bbox.x0) * (bbox.bottom - bbox.top)
    if len(filled) <= FRAME_CELLS and area >= FRAME_AREA * page.width * page.height:
        return None  # a frame around the page's text
    drafts.sort(key=lambda d: (d.row, d.col))
    votes = Counter(d.lines[0].rtl for d in drafts if d.lines and d.lines[0].script)
    rtl = votes[True] > votes[False] if votes[True] != votes[False] else rtl_page
    return PageTable(page.number, bbox, n_rows, n_cols, drafts, xs, rtl=rtl, ruled=ruled, pages=[page.number], over=over)


def _cell_lines(glyphs: list[Glyph], marks: list[Glyph], bases: dict | None, rtl_page: bool, page: int) -> list[Line]:
    """A cell's glyphs and marks as its lines, top to bottom, in logical order.

    A cell is no list: a bullet or an asterisk that starts a line of it
    (``* المواصفات قابلة للتغيير``, a note) is its text, kept as drawn,
    where :func:`~.pdf_line.make_line` takes a paragraph's list marker off."""
    if not any(g.kind != SPACE for g in glyphs):
        return []
    regions = attach_marks([group_rows(glyphs)], marks)
    lines = []
    for row in regions[0]:
        line = make_line(row, rtl_page, bases)
        if line is None:
            continue
        if line.marker:
            solid = [g for g in row if g.kind not in (SPACE, MARK) and g.text]
            lead = max(solid, key=lambda g: g.x1) if line.rtl else min(solid, key=lambda g: g.x0)
            if lead.text in BULLETS or lead.text in WEAK_BULLETS:
                line.text = f"{lead.text} {line.text}"
                line.visual = f"{line.visual} {lead.text}" if line.rtl else f"{lead.text} {line.visual}"
                line.x0, line.x1 = min(line.x0, lead.x0), max(line.x1, lead.x1)
                line.marker = False
        line.page = page
        lines.append(line)
    return lines


def _add_spans(
    table: PageTable, spans: list[dict], glyphs: list[Glyph], marks: list[Glyph], bases: dict | None, rtl_page: bool,
    page: int,
) -> None:
    """Set the merged rows of a borderless table (``spans``: pieces of text
    across its gutters, :func:`_spanning`; ``glyphs``: theirs) into it, each
    a row of its own where its top falls among the rows, one cell over the
    columns it reaches (the others empty)."""
    tops = []
    for r in range(table.n_rows):
        lines = [line for c in table.cells if c.row == r for line in c.lines]
        tops.append(min((line.top for line in lines), default=0.0))
    for seg in sorted(spans, key=lambda w: w["top"], reverse=True):
        box = (seg["x0"], seg["top"], seg["x1"], seg["bottom"])
        mine = [g for g in glyphs if _centre_in(g, box)]
        mine_marks = [m for m in marks if _centre_in(m, box)]
        lines = _cell_lines(mine, mine_marks, bases, rtl_page, page)
        if not lines:
            continue
        at = bisect.bisect_right(tops, seg["top"])
        cols = [k for k in range(table.n_cols) if min(seg["x1"], table.xs[k + 1]) - max(seg["x0"], table.xs[k]) > 1.0]
        c0, c1 = (cols[0], cols[-1]) if cols else (0, table.n_cols - 1)
        for c in table.cells:
            if c.row >= at:
                c.row += 1
        top, bottom = min(line.top for line in lines), max(line.bottom for line in lines)
        table.cells.append(DraftCell(at, c0, 1, c1 - c0 + 1, BBox(table.xs[c0], top, table.xs[c1 + 1], bottom), page, lines))
        table.cells.extend(
            DraftCell(at, k, 1, 1, BBox(table.xs[k], top, table.xs[k + 1], bottom), page)
            for k in range(table.n_cols) if not c0 <= k <= c1
        )
        table.n_rows += 1
        tops.insert(at, top)
        b = table.bbox
        table.bbox = BBox(min(b.x0, seg["x0"]), min(b.top, top), max(b.x1, seg["x1"]), max(b.bottom, bottom))
    table.cells.sort(key=lambda c: (c.row, c.col))


def _across_rules(
    glyphs: list[Glyph], marks: list[Glyph], xs: list[float], ys: list[float], owner: dict[tuple[int, int], int]
) -> list[Glyph]:
    """Text drawn over a ruled table across its rules: no cell's text.

    A cell's text stays inside its rules. A piece of text (glyphs of one
    size on one baseline, side by side: gaps under ``ACROSS_GAP`` of their
    size) whose glyphs straddle ``ACROSS_RULES`` or more of the drawn
    column rules of the row it is on (the sides between two cells, not the
    inside of a merged cell) was drawn over the table (a banner, a note
    printed on top); it is returned with the marks on it, and read as the
    page's text.
    """
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    inside: list[tuple[int, Glyph]] = []
    for g in glyphs:
        if g.kind == SPACE or not g.text:
            continue
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        c, r = bisect.bisect_right(xs, cx) - 1, bisect.bisect_right(ys, cy) - 1
        if 0 <= c < n_cols and 0 <= r < n_rows:
            inside.append((r, g))
    rules = {r: [xs[c] for c in range(1, n_cols) if owner.get((r, c - 1)) != owner.get((r, c))] for r in range(n_rows)}
    out: list[Glyph] = []
    by_row: dict[int, list[Glyph]] = {}
    for r, g in inside:
        by_row.setdefault(r, []).append(g)
    for r, row in by_row.items():
        if not rules[r]:
            continue
        row.sort(key=lambda g: (round(g.bottom / max(0.15 * g.size, 0.1)), g.size, g.x0))
        pieces: list[list[Glyph]] = []
        for g in row:
            last = pieces[-1][-1] if pieces else None
            if (last is not None and abs(last.bottom - g.bottom) <= 0.15 * g.size and abs(last.size - g.size) <= 0.02 * g.size
                    and g.x0 - last.x1 <= ACROSS_GAP * g.size):
                pieces[-1].append(g)
            else:
                pieces.append([g])
        for piece in pieces:
            crossed = {x for g in piece for x in rules[r] if g.x0 < x - 0.5 and g.x1 > x + 0.5}
            if len(crossed) >= ACROSS_RULES:
                out.extend(piece)
    if out:
        # the marks (tashkeel) on that text go with it
        left, right = min(g.x0 for g in out), max(g.x1 for g in out)
        bottoms = {round(g.bottom, 1) for g in out}
        out.extend(m for m in marks if left <= (m.x0 + m.x1) / 2 <= right
                   and any(abs(m.bottom - b) <= 0.5 * m.size for b in bottoms))
    return out


# --------------------------------------------------------------------------
# Borderless tables


@dataclass
class _Row:
    top: float
    bottom: float
    size: float
    segments: list[dict]  # pdfplumber words: x0, x1, top, bottom, text, n_words
    base: float = 0.0  # the median bottom of its glyphs: the baseline plus a quarter of its size


def _rows(glyph_rows: list[list[Glyph]], em: float) -> list[_Row]:
    """The page's rows of glyphs, each cut into segments at gaps of at least ``GUTTER_EM`` ems."""
    out = []
    for row in glyph_rows:
        row = list(row)
        row.sort(key=lambda g: (g.x0, g.x1))
        size = sorted(g.size for g in row)[len(row) // 2]
        gap = GUTTER_EM * max(size, 0.6 * em)
        words_gap = 0.15 * size
        segs: list[dict] = []
        for g in row:
            cur = segs[-1] if segs else None
            if cur is not None and g.x0 - cur["x1"] < gap:
                if g.x0 - cur["x1"] > words_gap:
                    cur["n_words"] += 1
                cur["x1"] = max(cur["x1"], g.x1)
                cur["top"] = min(cur["top"], g.top)
                cur["bottom"] = max(cur["bottom"], g.bottom)
                cur["text"] += g.text
            else:
                segs.append({"x0": g.x0, "x1": g.x1, "top": g.top, "bottom": g.bottom, "doctop": g.top,
                             "text": g.text, "n_words": 1})
        bottoms = sorted(g.bottom for g in row)
        out.append(_Row(min(g.top for g in row), max(g.bottom for g in row), size, segs, bottoms[len(bottoms) // 2]))
    return out


def _borderless_regions(glyphs: list[Glyph], em: float) -> list[list[dict]]:
    """Runs of rows that read as a borderless table, each as the finder's words.

    A run is a stretch of consecutive rows, each split by gaps of at least
    ``GUTTER_EM`` ems, with common gutters (x-ranges no segment of the run
    crosses) that at least ``BORDERLESS_MIN_ROWS`` rows have text on both
    sides of; rows of one segment that sits between two gutters (a wrapped
    cell, a row with one cell filled) belong to it, a row crossing a gutter
    or a gap of more than ``ROW_GAP_EM`` ems ends it. It is a table when
    (:func:`_is_table`) its columns' cells align and one column at least
    holds short cells, no column is only list markers, no column is running
    prose and its gutters are no justification gaps; when the rows around
    it are not set like its rows at their pitch (:func:`_continues_text`);
    and when its rows are spaced alike, not set as blocks of lines side by
    side (:func:`_blocks_side_by_side`: bios, address panels, columns of
    text on baselines of their own). Merged rows (:func:`_spanning`) are
    part of the run and come out as words marked ``"span": True``; they
    play no part in the run's columns.

    The page's column finder (:func:`~.pdf_layout.find_gutter`) is not
    asked whether the run's gutters are page columns: a table's gutters
    are column gutters to it too (the layout takes the first column of
    ``weasyprint-borderless-activities`` and the columns of the
    vertical-rules table of ``chromium-rules-and-bands`` for page
    columns), so its agreement tells nothing; what the rows hold and how
    they are spaced does. The layout's own bound for a text column's lines
    (:data:`~.pdf_layout.COLUMN_MIN_EM`) is shared (:func:`_is_table`).
    """
    solid = [g for g in glyphs if g.kind != SPACE and g.text]
    if _split_lines(solid, em) < BORDERLESS_MIN_ROWS:
        return []
    rows = _rows(group_rows(solid), em)
    out = []
    i = 0
    while i < len(rows):
        if len(rows[i].segments) < 2:
            i += 1
            continue
        members = [i]  # the run's rows (indices into rows), spanning rows included
        spans: set[int] = set()
        cover = _cover([], rows[i].segments)
        j = i + 1
        while j < len(rows) and len(cover) > 1:
            row = rows[j]
            if row.top - rows[members[-1]].bottom > ROW_GAP_EM * max(row.size, em):
                break
            trial = _cover(cover, row.segments)
            if _spanning(row, cover, em):
                spans.add(j)  # settled below, once the rows' pitch is known
            elif _keeps(_gaps(trial), _gaps(cover)):
                cover = trial
            else:
                break
            members.append(j)
            j += 1
        members = _settle_spans(rows, members, spans)
        run = [rows[k] for k in members if k not in spans]
        # Trailing rows of one segment are a paragraph under the table,
        # unless closer to the row above than rows are (a wrapped cell).
        pitch = _pitch(run)
        while len(run) > 1 and members[-1] not in spans and len(run[-1].segments) < 2 and not run[-1].top - run[-2].top < 0.85 * pitch:
            run.pop()
            members.pop()
        j = members[-1] + 1
        gutters = _gutters(run)
        last = max(k for k in members if k not in spans) + 1
        continuous = _continues_text(run, rows[i - 1] if i > 0 else None, rows[last] if last < len(rows) else None)
        # (merged rows are no blocks' lines: between two rows of cells they
        # leave no pitch of their own)
        whole = [rows[k] for k in members]
        if not continuous and _is_table(run, gutters, em) and not _blocks_side_by_side(whole, len(gutters) + 1):
            words = []
            for k in members:
                for seg in rows[k].segments:
                    words.append({**seg, "span": True} if k in spans else seg)
            out.append(words)
        # A table does not begin inside a run that is one (its rows are the
        # table's) or that is none (its rows split at the same gutters).
        i = max(j, i + 1)
    return out


def _spanning(row: _Row, cover: list[list[float]], em: float) -> bool:
    """``row`` may be a merged cell across the columns that ``cover``
    leaves between its gutters: one piece of text reaching into a gutter
    or over it, starting at one of the columns' outer edges (within
    ``SPAN_ALIGN`` points) and going no further than an em beyond the other
    (a note under a label | value table, a section row). A merged cell's
    text need not cross the gutter: a Word table's columns are wider than
    their text, and a note under a wide label column may end inside it."""
    if len(row.segments) != 1:
        return False
    seg = row.segments[0]
    left, right = cover[0][0], cover[-1][1]
    if seg["x0"] < left - em or seg["x1"] > right + em:
        return False
    if abs(seg["x1"] - right) > SPAN_ALIGN and abs(seg["x0"] - left) > SPAN_ALIGN:
        return False
    return any(seg["x0"] < b and seg["x1"] > a for a, b in _gaps(cover))


def _settle_spans(rows: list[_Row], members: list[int], spans: set[int]) -> list[int]:
    """The run's rows up to its first spanning row that is not set like a
    row of the table: a merged row keeps the rows' size (within 10 %) and
    their pitch (the step from the row above within ``SPAN_PITCH`` of the
    usual step between the other rows), and stands next to a row of cells
    (the row above it or below it has text in two columns or more; above
    it, the last line of a wrapped cell will do). A candidate closer to the
    row above than rows are, that only reaches into a gutter, is the next
    line of a wrapped cell: it leaves ``spans``. A run with no two rows
    side by side to measure the pitch keeps no spanning row."""
    if not spans:
        return members
    for n, k in enumerate(members):
        if k in spans and n > 0:
            plain_steps = sorted(rows[b].top - rows[a].top for a, b in zip(members, members[1:])
                                 if a not in spans and b not in spans)
            usual = plain_steps[len(plain_steps) // 2] if plain_steps else 0.0
            if rows[k].top - rows[members[n - 1]].top < 0.85 * usual and not _crosses_gutter(rows, members[:n], spans, k):
                spans.discard(k)
    plain = [k for k in members if k not in spans]
    steps = sorted(rows[b].top - rows[a].top for a, b in zip(plain, plain[1:]) if b == a + 1)
    if not steps:
        return members[: members.index(min(spans))]
    pitch = steps[len(steps) // 2]
    size = sorted(rows[k].size for k in plain)[len(plain) // 2]

    def of_cells(n: int) -> bool:
        if not 0 <= n < len(members):
            return False
        k = members[n]
        if len(rows[k].segments) >= 2 or k in spans:
            return True
        return n > 0 and rows[k].top - rows[members[n - 1]].top < 0.85 * pitch  # a wrapped cell's next line

    for n, k in enumerate(members):
        if k not in spans:
            continue
        step = rows[k].top - rows[members[n - 1]].top
        beside = of_cells(n - 1) or (n + 1 < len(members) and len(rows[members[n + 1]].segments) >= 2)
        if abs(step - pitch) > SPAN_PITCH * pitch or abs(rows[k].size - size) > 0.1 * size or not beside:
            return members[:n]
    return members


def _crosses_gutter(rows: list[_Row], before: list[int], spans: set[int], k: int) -> bool:
    """Row ``k``'s text runs over a whole gutter of the rows before it."""
    cover: list[list[float]] = []
    for m in before:
        if m not in spans:
            cover = _cover(cover, rows[m].segments)
    seg = rows[k].segments[0]
    return any(seg["x0"] < a and seg["x1"] > b for a, b in _gaps(cover))


def _blocks_side_by_side(run: list[_Row], n_cols: int) -> bool:
    """The run's ``n_cols`` columns hold blocks of lines side by side, not rows of cells.

    A table's rows are spaced alike; the next line of a wrapped cell is
    closer, but the cells that do not wrap leave its row short of text in
    some column. Where consecutive rows with text in every column are a
    line pitch apart in places and more than ``PARAGRAPH_PITCH`` times that
    apart elsewhere, all the columns go on line after line together and
    then leave a paragraph gap: a name, a role and a paragraph beside
    another bio; a heading, address lines and a phone beside another
    office; or columns of text on baselines of their own, whose lines meet
    in rows at varying distances. The gap below the first row is left
    out: a header row may be set apart. Pitches are baseline pitches
    (:attr:`_Row.base`); ``PARAGRAPH_PITCH`` is the layout's paragraph gap
    (:data:`~.pdf_layout.PARAGRAPH_PITCH`).
    """
    full = [len(r.segments) >= n_cols for r in run]
    pitches = [b.base - a.base for a, b, fa, fb in zip(run, run[1:], full, full[1:]) if fa and fb]
    if len(run) > 1 and full[0] and full[1]:
        pitches = pitches[1:]
    return len(pitches) >= 2 and max(pitches) > PARAGRAPH_PITCH * min(pitches)


def _pitch(run: list[_Row]) -> float:
    """The run's usual distance between the tops of consecutive rows (0 for one row)."""
    steps = sorted(b.top - a.top for a, b in zip(run, run[1:]))
    return steps[len(steps) // 2] if steps else 0.0


def _continues_text(run: list[_Row], above: _Row | None, below: _Row | None) -> bool:
    """The row just above or below the run is set like its rows and at
    their pitch, and either the run's rows are full lines
    (:func:`_full_lines`: a paragraph's justified words pushed apart) or
    that row is split too (lines of text columns side by side, going on
    above or below the run): the run is text, not a table set off from the
    text around it. A table whose column of values is ragged, between a
    heading and a paragraph of one piece each, is one however alike its
    rows and the lines around it are spaced (a Word table without borders,
    whose rows get the paragraphs' spacing)."""
    split = [r for r in run if len(r.segments) >= 2]
    if len(split) < 2:
        return False
    full = _full_lines(split)
    pitch = _pitch(run)
    size = sorted(r.size for r in run)[len(run) // 2]
    for other, step in ((above, run[0].top - above.top if above else 0.0), (below, below.top - run[-1].top if below else 0.0)):
        if other is None or abs(other.size - size) > 0.1 * size or abs(step - pitch) > 0.1 * pitch:
            continue
        if full or len(other.segments) >= 2:
            return True
    return False


def _cover(cover: list[list[float]], segments: list[dict]) -> list[list[float]]:
    """The x-ranges that ``cover`` and ``segments`` cover, merged, left to right."""
    spans = sorted([[a, b] for a, b in cover] + [[s["x0"], s["x1"]] for s in segments])
    out = [spans[0]]
    for a, b in spans[1:]:
        if a > out[-1][1]:
            out.append([a, b])
        elif b > out[-1][1]:
            out[-1][1] = b
    return out


def _gaps(cover: list[list[float]]) -> list[tuple[float, float]]:
    return [(a[1], b[0]) for a, b in zip(cover, cover[1:])]


def _split_lines(glyphs: list[Glyph], em: float) -> int:
    """A quick count (an upper bound) of the text lines with a gap of at
    least ``GUTTER_EM`` ems: glyphs grouped by their bottom edge (the
    baseline plus a quarter em: alike for the glyphs of one line). A page
    with fewer than ``BORDERLESS_MIN_ROWS`` has no borderless table, and is
    not grouped into rows a second time."""
    lines: dict[int, list[tuple[float, float]]] = {}
    for g in glyphs:
        # in two 2-pt bands: glyphs whose bottoms differ by less than 2 pt share one
        band = int(g.bottom // 2)
        lines.setdefault(band, []).append((g.x0, g.x1))
        lines.setdefault(band + 1, []).append((g.x0, g.x1))
    gap = GUTTER_EM * 0.6 * em
    n = 0
    for spans in lines.values():
        if len(spans) < 2:
            continue
        spans.sort()
        right = spans[0][1]
        for x0, x1 in spans[1:]:
            if x0 - right >= gap:
                n += 1
                break
            right = max(right, x1)
    return n


def _gutters(run: list[_Row]) -> list[tuple[float, float]]:
    """x-ranges between the run's segments that no segment crosses, inside the run's extent."""
    spans = sorted((s["x0"], s["x1"]) for row in run for s in row.segments)
    out = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > right:
            out.append((right, x0))
        right = max(right, x1)
    return out


def _keeps(trial: list[tuple[float, float]], gutters: list[tuple[float, float]]) -> bool:
    """Adding ``row`` keeps every gutter open (narrower at most) and adds none."""
    if len(trial) != len(gutters):
        return False
    return all(min(b1, t1) - max(b0, t0) > 0 for (b0, b1), (t0, t1) in zip(gutters, trial))


def _is_table(run: list[_Row], gutters: list[tuple[float, float]], em: float) -> bool:
    """The run's columns at ``gutters`` hold a table's cells.

    Every gutter is ``GUTTER_EM`` ems wide at least, with text on both
    sides on ``BORDERLESS_MIN_ROWS`` rows; a row holds one piece of text in
    a column at most (two are the words of a line pushed apart by
    justification); every column holds two cells or
    more, aligned on an edge or their centres (:func:`_aligned`); the
    gutters are no justification gaps (:func:`_justified`); no column is
    list markers, items with their bullets, or (two columns) ``label:``
    beside values; no column is running prose (``PROSE_WORDS`` words a line
    in the median, or sentence ends on 30 % of its lines); and one column at
    least holds short cells: its median cell fills at most ``SHORT_FILL``
    of the column, or is shorter than the typical line of a text column
    (:data:`~.pdf_layout.COLUMN_MIN_EM`, the layout's bound for columns).
    Columns whose lines are as long as a text column's and fill it are two
    columns of text, however few their words (the ends of paragraphs side
    by side, short address lines).
    """
    if not gutters or sum(len(r.segments) >= 2 for r in run) < BORDERLESS_MIN_ROWS:
        return False
    if any(b - a < GUTTER_EM * em for a, b in gutters):
        return False
    bounds = [(a + b) / 2 for a, b in gutters]
    n = len(bounds) + 1
    columns: list[list[dict]] = [[] for _ in range(n)]
    sides = [0] * len(bounds)  # rows with text on both sides of each gutter
    for row in run:
        cols = sorted({sum(s["x0"] > b for b in bounds) for s in row.segments})
        if len(cols) < len(row.segments):
            return False  # two pieces of text in one column: a line with wide word gaps, no cells
        for s in row.segments:
            columns[sum(s["x0"] > b for b in bounds)].append(s)
        for k in range(len(bounds)):
            if any(c <= k for c in cols) and any(c > k for c in cols):
                sides[k] += 1
    if min(sides) < BORDERLESS_MIN_ROWS or any(len(c) < 2 for c in columns):
        return False
    if _justified(run, bounds):
        return False
    short = prose = 0
    for k, col in enumerate(columns):
        texts = [s["text"].strip() for s in col]
        if sum(_is_marker(t) for t in texts) >= 0.8 * len(texts):
            return False  # bullets or item numbers: a list
        if sum(t[:1] in _MARKS or t[-1:] in _MARKS for t in texts) >= 0.8 * len(texts):
            return False  # items with their bullets: a list set in columns
        if n == 2 and sum(":" in (t[:1], t[-1:]) for t in texts) >= 0.8 * len(texts):
            return False  # "label:" beside its value: fields, read as text
        left, right = min(s["x0"] for s in col), max(s["x1"] for s in col)
        width = max(right - left, 1.0)
        if not _aligned(col, left, right):
            return False
        lengths = sorted(s["x1"] - s["x0"] for s in col)
        words = sorted(s["n_words"] for s in col)
        if lengths[len(lengths) // 2] <= SHORT_FILL * width or lengths[len(lengths) // 2] < COLUMN_MIN_EM * em:
            short += 1
        if words[len(words) // 2] >= PROSE_WORDS or sum(t[:1] in _SENTENCE_END or t[-1:] in _SENTENCE_END for t in texts) > 0.3 * len(texts):
            prose += 1
    return short >= 1 and prose == 0


def _justified(run: list[_Row], bounds: list[float]) -> bool:
    """The run looks like justified text: its split rows all reach both of
    its outer edges, and at some gutter the text on neither side is aligned
    to it (the words beside it were pushed apart, not set in columns)."""
    split = [r for r in run if len(r.segments) >= 2]
    if not _full_lines(split):
        return False
    for b in bounds:
        before = [max((s["x1"] for s in r.segments if s["x1"] < b), default=None) for r in split]
        after = [min((s["x0"] for s in r.segments if s["x0"] > b), default=None) for r in split]
        before = [x for x in before if x is not None]
        after = [x for x in after if x is not None]
        if before and after and max(before) - min(before) > 2.0 and max(after) - min(after) > 2.0:
            return True
    return False


def _full_lines(split: list[_Row]) -> bool:
    """Most rows (80 %) reach both outer edges of the rows: lines of
    justified text, as full as their column."""
    left = min(s["x0"] for r in split for s in r.segments)
    right = max(s["x1"] for r in split for s in r.segments)
    full = sum(abs(r.segments[0]["x0"] - left) <= 1.0 and abs(r.segments[-1]["x1"] - right) <= 1.0 for r in split)
    return full >= 0.8 * len(split)


def _is_marker(text: str) -> bool:
    """A bullet or a list item's number, as drawn (either visual order)."""
    return text in _MARKS or bool(_ITEM_NUMBER_RE.match(text))


def _aligned(col: list[dict], left: float, right: float) -> bool:
    """Most of a column's cells share its left edge, its right edge or its centre."""
    tol = 2.0
    n = len(col)
    at_left = sum(abs(s["x0"] - left) <= tol for s in col)
    at_right = sum(abs(s["x1"] - right) <= tol for s in col)
    centres = sorted((s["x0"] + s["x1"]) / 2 for s in col)
    mid = centres[n // 2]
    at_centre = sum(abs(c - mid) <= tol for c in centres)
    return max(at_left, at_right, at_centre) >= ALIGN_SHARE * n


def _drop_empty_lines(table: PageTable) -> PageTable:
    """Remove the rows and columns without text that the text strategy's
    edges leave (the gaps between lines of text); its cells span one slot each."""
    rows = sorted({c.row for c in table.cells if not c.empty})
    cols = sorted({c.col for c in table.cells if not c.empty})
    row_index = {r: i for i, r in enumerate(rows)}
    col_index = {k: i for i, k in enumerate(cols)}
    kept = []
    for c in table.cells:
        if c.row in row_index and c.col in col_index:
            c.row, c.col = row_index[c.row], col_index[c.col]
            kept.append(c)
    table.cells = kept
    table.n_rows, table.n_cols = len(rows), len(cols)
    table.xs = [table.xs[k] for k in cols] + [table.xs[cols[-1] + 1]] if cols else table.xs
    return table


def _join_wrapped_rows(table: PageTable) -> PageTable:
    """Join the lines of a wrapped cell that the text strategy made rows of their own.

    The finder makes a row of every line of text. A row is the continuation
    of the one above when its baseline is closer to the row above than
    0.85 times the table's row pitch (the upper quartile of the pitches):
    the line pitch inside a cell, without the padding between rows. Where
    rows have no padding the two are alike, and every line stays a row."""
    if table.n_rows < 3:
        return table
    by_row: dict[int, list[DraftCell]] = {}
    for c in table.cells:
        by_row.setdefault(c.row, []).append(c)
    tops = []
    for r in range(table.n_rows):
        lines = [line for c in by_row.get(r, []) for line in c.lines]
        tops.append(min((line.base for line in lines), default=None))
    pitches = sorted(b - a for a, b in zip(tops, tops[1:]) if a is not None and b is not None)
    if not pitches:
        return table
    usual = pitches[(3 * len(pitches)) // 4]
    merge_into: dict[int, int] = {}
    target = 0
    for r in range(1, table.n_rows):
        close = tops[r] is not None and tops[r - 1] is not None and tops[r] - tops[r - 1] < 0.85 * usual
        if close:
            merge_into[r] = target
        else:
            target = r
    if not merge_into:
        return table
    keep = sorted(set(range(table.n_rows)) - set(merge_into))
    new_index = {r: i for i, r in enumerate(keep)}
    cells: dict[tuple[int, int], DraftCell] = {}
    under: dict[tuple[int, int], tuple[int, int]] = {}  # slots a merged cell covers → its key
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        r = merge_into.get(c.row, c.row)
        key = (new_index[r], c.col)
        key = under.get(key, key)  # a merged cell (a row across the columns) takes in what is under it
        if key in cells:
            own = cells[key]
            own.lines.extend(c.lines)
            own.bbox = BBox(min(own.bbox.x0, c.bbox.x0), min(own.bbox.top, c.bbox.top),
                            max(own.bbox.x1, c.bbox.x1), max(own.bbox.bottom, c.bbox.bottom))
        else:
            c.row = key[0]
            cells[key] = c
            under.update(((key[0], k), key) for k in range(c.col + 1, c.col + c.col_span))
    table.cells = sorted(cells.values(), key=lambda c: (c.row, c.col))
    table.n_rows = len(keep)
    return table


# --------------------------------------------------------------------------
# Header rows


def _header_rows(table: PageTable, page: PdfPage) -> int:
    """Leading rows that look unlike the body: all their text bold while the
    body's is not, or shaded unlike the body rows. At least one body row stays."""
    rows = [[c for c in table.cells if c.row == r] for r in range(table.n_rows)]

    def bold(row: list[DraftCell]) -> bool | None:
        lines = [line for c in row for line in c.lines if line.bold is not None]
        if not lines:
            return None
        return all(line.bold for line in lines)

    box = table.bbox
    fills = [
        s for s in page.shapes
        if s.kind in ("fill", "fill+stroke") and s.luminance is not None
        and s.x0 < box.x1 and s.x1 > box.x0 and s.top < box.bottom and s.bottom > box.top
    ]
    shades = [_shade(row, fills) for row in rows]
    n = 0
    body_bold = [bold(r) for r in rows]
    while n < table.n_rows - 1:
        rest_bold = [b for b in body_bold[n + 1 :] if b is not None]
        is_bold = body_bold[n] is True and rest_bold and not all(rest_bold)
        rest_shades = shades[n + 1 :]
        is_shaded = shades[n] is not None and all(s is None or abs(s - shades[n]) > SHADE_DIFF for s in rest_shades)
        if not (is_bold or is_shaded) or not any(not c.empty for c in rows[n]):
            break
        n += 1
    # Spans: a header cell reaching into the next rows takes them into the header.
    for c in table.cells:
        if c.row < n:
            n = max(n, min(c.row + c.row_span, table.n_rows - 1))
    return n


def _shade(row: list[DraftCell], fills: list) -> float | None:
    """The luminance of the fill behind every cell of a row (the last filled
    shape drawn over most of the cell), when one is, not white, behind all
    of them; else ``None``."""
    found = []
    for c in row:
        lum = None
        for s in reversed(fills):
            if s.x0 <= c.bbox.x0 + 2 and s.x1 >= c.bbox.x1 - 2 and s.top <= c.bbox.top + 2 and s.bottom >= c.bbox.bottom - 2:
                lum = s.luminance
                break
            w = min(s.x1, c.bbox.x1) - max(s.x0, c.bbox.x0)
            h = min(s.bottom, c.bbox.bottom) - max(s.top, c.bbox.top)
            area = (c.bbox.x1 - c.bbox.x0) * (c.bbox.bottom - c.bbox.top)
            if w > 0 and h > 0 and area > 0 and w * h >= 0.8 * area:
                lum = s.luminance
                break
        if lum is None or lum > 1 - SHADE_DIFF:
            return None
        found.append(lum)
    return sum(found) / len(found) if found else None


# --------------------------------------------------------------------------
# Across pages


def continues(first: PageTable, nxt: PageTable) -> bool:
    """``nxt`` (first on its page) continues ``first`` (last on the page
    before): the same number of columns, at the same places (every column
    boundary within 2 % of the table's width), and the same kind."""
    if nxt.page != first.pages[-1] + 1 or nxt.n_cols != first.n_cols or nxt.ruled != first.ruled:
        return False
    if nxt.header_rows and nxt.row_texts(0) != first.row_texts(0):
        return False  # a header of its own: another table
    width = max(first.xs[-1] - first.xs[0], 1.0)
    return all(abs(a - b) <= 0.02 * width for a, b in zip(first.xs, nxt.xs))


def join_continued(first: PageTable, nxt: PageTable) -> None:
    """Append ``nxt``'s rows to ``first`` (see :func:`continues`).

    A first row of ``nxt`` that repeats the header of ``first`` (or, when
    ``first`` has none, its first row) is the header repeated by the
    producer: it is dropped, and the row becomes the header of ``first``.
    """
    skip = 0
    if nxt.n_rows > 1:
        repeated = nxt.row_texts(0)
        for n in range(1, max(first.header_rows, 1) + 1):
            if n <= nxt.n_rows - 1 and all(nxt.row_texts(r) == first.row_texts(r) for r in range(n)) and any(repeated):
                skip = n
        if skip and not first.header_rows:
            first.header_rows = skip
    if skip and nxt.header_rows < skip:
        nxt.header_rows = skip
    offset = first.n_rows - skip
    for c in nxt.cells:
        if c.row < skip:
            continue
        c.row += offset
        first.cells.append(c)
    first.n_rows += nxt.n_rows - skip
    for p in nxt.pages:
        if p not in first.pages:
            first.pages.append(p)
