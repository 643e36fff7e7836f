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
   paragraph or a box around a heading is not a table).
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
   run's words (runs of glyphs without a gutter-wide gap).
3. **Cells.** A glyph belongs to the cell that holds its centre; a cell's
   rows of glyphs become lines in logical order. Columns are in reading
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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import IncompatibleDependencyError
from .blocks import BBox, TableCell, TableGrid
from .pdf_backend import PdfPage
from .pdf_layout import COLUMN_MIN_EM, PARAGRAPH_PITCH, attach_marks, group_rows
from .pdf_line import BULLETS, RANGE_RE, SPACE, Glyph, Line, make_line, reorder_ranges, strong_info

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
# A drawn grid is page layout, not a table, when a cell holds a heading
# (a line HEADING_RATIO times the page's body size or larger), or when a
# few cells (FRAME_CELLS or fewer with text) fill FRAME_AREA of the page.
HEADING_RATIO = 1.3
FRAME_CELLS = 4
FRAME_AREA = 0.35
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


def _cell_text(line: Line, first: bool) -> str:
    """A cell line's text in logical order.

    A cell is a paragraph of its own. A number range that begins it
    (``10-11 أكتوبر``) has no Arabic letter before it, so the producer's
    bidi step drew it as written (UAX #9 W2 turns its digits into Arabic
    numbers only after Arabic letters); reading the line back as one
    right-to-left paragraph would reverse it (``11-10``). Such a range,
    at the visual right end of a right-to-left cell's first line, is read
    as drawn (:func:`~.pdf_line.reorder_ranges`).
    """
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
        them; ``warnings`` as ``(code, message)`` pairs (a page with too
        many drawn edges to search for ruled tables).

    Raises:
        IncompatibleDependencyError: see :func:`check_pdfplumber`.
    """
    if not glyphs:
        return PageTables([], glyphs, marks)
    finder = check_pdfplumber()
    warnings: list[tuple[str, str]] = []
    box = (0.0, 0.0, page.width, page.height)
    tables: list[PageTable] = []
    edges = _edges(page)
    if edges:
        from pdfplumber.table import merge_edges

        # joined as the finder does (its default tolerances)
        edges = _guarded(lambda: merge_edges(edges, 3, 3, 3, 3), page.number, warnings)
        n_v = sum(e["orientation"] == "v" for e in edges)
        if n_v * (len(edges) - n_v) > MAX_CROSSINGS:
            warnings.append(("table_edges_skipped", f"page {page.number}: {len(edges)} drawn lines; ruled tables were not searched"))
            edges = []
    if edges:
        lines = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
        for found in _guarded(lambda: finder(_PageView(box, edges, []), lines).tables, page.number, warnings):
            table = _table(found.cells, page, glyphs, marks, bases, rtl_page, em, ruled=True)
            if table is not None and not any(_overlaps(table.bbox, t.bbox) for t in tables):
                tables.append(table)
    rest = [g for g in glyphs if not _inside_any(g, tables)] if tables else glyphs
    for words in _borderless_regions(rest, em):
        settings = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": BORDERLESS_MIN_ROWS}
        for found in _guarded(lambda: finder(_PageView(box, [], words), settings).tables, page.number, warnings):
            table = _table(found.cells, page, rest, marks, bases, rtl_page, em, ruled=False)
            if table is not None and not any(_overlaps(table.bbox, t.bbox) for t in tables):
                table = _join_wrapped_rows(_drop_empty_lines(table))
                if table.n_rows >= MIN_ROWS and table.n_cols >= MIN_COLS:
                    tables.append(table)
    if not tables:
        return PageTables([], glyphs, marks, warnings)
    tables.sort(key=lambda t: (t.bbox.top, t.bbox.x0))
    for t in tables:
        t.header_rows = _header_rows(t, page)
    glyphs = [g for g in glyphs if not _inside_any(g, tables)]
    marks = [m for m in marks if not _inside_any(m, tables)]
    return PageTables(tables, glyphs, marks, warnings)


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


def _edges(page: PdfPage) -> list[dict]:
    """pdfplumber edges from the page's drawn rules: every horizontal or
    vertical piece of a stroked path, and the long sides of thin filled
    rectangles (a rule drawn as a fill: its two sides at most ``RULE_WIDTH``
    apart), at least ``EDGE_MIN_LENGTH`` long. Unlike pdfplumber, a filled
    area (a shaded row, a coloured box) gives no edges: banded rows would
    cut a table into pieces; white fills draw nothing at all."""
    out = []
    for s in page.shapes:
        if s.kind in ("image", "shading"):
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
    own: list[list[Glyph]] = [[] for _ in drafts]
    own_marks: list[list[Glyph]] = [[] for _ in drafts]
    for items, into in ((glyphs, own), (marks, own_marks)):
        for g in items:
            cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
            c, r = bisect.bisect_right(xs, cx) - 1, bisect.bisect_right(ys, cy) - 1
            if 0 <= c < n_cols and 0 <= r < n_rows and (r, c) in owner:
                into[owner[r, c]].append(g)
    for d, cell_glyphs, cell_marks in zip(drafts, own, own_marks):
        if not any(g.kind != SPACE for g in cell_glyphs):
            continue
        rows = group_rows(cell_glyphs)
        regions = attach_marks([rows], cell_marks)
        d.lines = [line for line in (make_line(row, rtl_page, bases) for row in regions[0]) if line is not None]
        for line in d.lines:
            line.page = page.number
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
    return PageTable(page.number, bbox, n_rows, n_cols, drafts, xs, rtl=rtl, ruled=ruled, pages=[page.number])


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
    text on baselines of their own).

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
        run = [rows[i]]
        cover = _cover([], rows[i].segments)
        j = i + 1
        while j < len(rows) and len(cover) > 1:
            row = rows[j]
            if row.top - run[-1].bottom > ROW_GAP_EM * max(row.size, em):
                break
            trial = _cover(cover, row.segments)
            if not _keeps(_gaps(trial), _gaps(cover)):
                break
            run.append(row)
            cover = trial
            j += 1
        # Trailing rows of one segment are a paragraph under the table,
        # unless closer to the row above than rows are (a wrapped cell).
        pitch = _pitch(run)
        while len(run) > 1 and len(run[-1].segments) < 2 and not run[-1].top - run[-2].top < 0.85 * pitch:
            run.pop()
            j -= 1
        gutters = _gutters(run)
        continuous = _continues_text(run, rows[i - 1] if i > 0 else None, rows[j] if j < len(rows) else None)
        if not continuous and _is_table(run, gutters, em) and not _blocks_side_by_side(run, len(gutters) + 1):
            out.append([s for row in run for s in row.segments])
        # A table does not begin inside a run that is one (its rows are the
        # table's) or that is none (its rows split at the same gutters).
        i = max(j, i + 1)
    return out


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
    """The row just above or below the run is set like the run's rows and at
    their pitch: the run is lines of a paragraph (justified words pushed
    apart), not a table set off from the text around it."""
    split = [r for r in run if len(r.segments) >= 2]
    if len(split) < 2:
        return False
    pitch = _pitch(run)
    size = sorted(r.size for r in run)[len(run) // 2]
    for other, step in ((above, run[0].top - above.top if above else 0.0), (below, below.top - run[-1].top if below else 0.0)):
        if other is not None and abs(other.size - size) <= 0.1 * size and abs(step - pitch) <= 0.1 * pitch:
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
    left = min(s["x0"] for r in split for s in r.segments)
    right = max(s["x1"] for r in split for s in r.segments)
    full = sum(abs(r.segments[0]["x0"] - left) <= 1.0 and abs(r.segments[-1]["x1"] - right) <= 1.0 for r in split)
    if full < 0.8 * len(split):
        return False
    for b in bounds:
        before = [max((s["x1"] for s in r.segments if s["x1"] < b), default=None) for r in split]
        after = [min((s["x0"] for s in r.segments if s["x0"] > b), default=None) for r in split]
        before = [x for x in before if x is not None]
        after = [x for x in after if x is not None]
        if before and after and max(before) - min(before) > 2.0 and max(after) - min(after) > 2.0:
            return True
    return False


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
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        r = merge_into.get(c.row, c.row)
        key = (new_index[r], c.col)
        if key in cells:
            own = cells[key]
            own.lines.extend(c.lines)
            own.bbox = BBox(min(own.bbox.x0, c.bbox.x0), min(own.bbox.top, c.bbox.top),
                            max(own.bbox.x1, c.bbox.x1), max(own.bbox.bottom, c.bbox.bottom))
        else:
            c.row = key[0]
            cells[key] = c
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
