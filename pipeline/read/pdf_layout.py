"""Page geometry for the PDF reader: glyphs → lines → columns → blocks.

Everything here works on :class:`Glyph` tuples in pdfplumber's coordinate
convention (points, origin at the top-left of the page, ``top < bottom``) and
knows nothing about PDF files. The steps, in the order :mod:`pipeline.read.pdf`
calls them:

1. :func:`page_regions` groups a page's glyphs into rows by vertical overlap,
   finds column gutters, and returns the page's *regions* (runs of lines that
   read top to bottom: the single-column parts, and each column of a
   multi-column section, right column first on a right-to-left page).
2. :func:`make_line` turns one row into a :class:`Line` in logical order
   (combining marks attached, spaces from space glyphs or gaps, bidi).
3. :func:`region_blocks` splits a region's lines into paragraph-like blocks.

Pitfall numbers refer to ``shared/notes/arabic-pdf-pitfalls.md``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from bidi import get_display

# Glyph kinds.
BASE, MARK, SPACE, JUNK = 0, 1, 2, 3

# Bullet glyphs a list item may start with (typeset as text; pitfall 8 covers
# the drawn ones). "-", "*" and "–" count only when followed by a space.
BULLETS = frozenset("•◆◇▪▫■□●○◦‣⁃►▶➢➤✓✔❖")
WEAK_BULLETS = frozenset("-*–")

# A gap wider than this many ems between two glyphs is a word break when the
# producer writes no space glyphs (pitfall 6). Measured inter-word gaps: 0.19
# to 0.29 em (Noto Naskh, Amiri, Liberation Serif); kerning inside words
# stays under 0.06 em. With space glyphs in the row, only a clearly wider gap
# counts, so joins in kerned words never become spaces.
GAP_SPACE_EM = 0.15
GAP_SPACE_EM_WITH_SPACES = 0.45
# Column gutters: at least this many ems wide, seen on this many rows with
# text on both sides, and columns whose typical line is at least this long.
GUTTER_EM = 1.2
GUTTER_MIN_ROWS = 3
COLUMN_MIN_EM = 4.0

_RTL = frozenset(("R", "AL"))
_NUMERIC = frozenset(("EN", "AN"))


class Glyph(NamedTuple):
    """One glyph on a page.

    Attributes:
        x0, x1, top, bottom: box in points, top-left origin (pdfplumber's).
        text: the glyph's text, control and private-use code points removed;
            a combining mark for ``MARK`` glyphs, ``" "`` for ``SPACE``,
            ``""`` for ``JUNK`` (a glyph with no usable text, pitfall 7).
        size: font size in points (the box height, as pdfplumber's ``size``).
        bold: the font name says bold/black/heavy.
        kind: ``BASE``, ``MARK``, ``SPACE`` or ``JUNK``.
    """

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    kind: int


class Line:
    """One visual line, in logical order.

    Attributes:
        text: the line's raw text in logical order (list marker removed).
        visual: the same text in visual (left-to-right drawing) order, the
            input of the bidi step; kept so the direction can be revised.
        rtl: the paragraph direction used for the bidi algorithm.
        own_dir: the direction follows from the line itself (it has Arabic,
            or Latin-only evidence such as a leading number); otherwise the
            document's vote decides (see :func:`latin_evidence`).
        top, bottom, x0, x1: the box of its text glyphs (marker excluded).
        base: the median bottom of its letters (steady across fonts, for
            line spacing).
        size: the most common font size of its glyphs, points.
        bold: at least 80 % of its letters are bold; ``None`` without letters
            (digits only: no evidence either way).
        marker: the line starts with a list marker (glyph or drawn bullet).
        script: ``"R"`` when it has right-to-left letters, ``"L"`` when only
            left-to-right ones, ``""`` when neither (digits, punctuation).
        n_letters: letters in the line (for the body-size statistics).
        first_word: width in points of its logical first word.
    """

    __slots__ = (
        "text", "visual", "rtl", "own_dir", "top", "bottom", "x0", "x1",
        "base", "size", "bold", "marker", "script", "n_letters", "first_word",
    )

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    @property
    def start(self) -> float:
        """The x where reading starts: the right edge of a right-to-left line."""
        return self.x1 if self.rtl else self.x0

    def __repr__(self) -> str:
        return f"Line({self.text!r}, top={self.top:.1f}, x={self.x0:.1f}-{self.x1:.1f}, size={self.size:.1f})"


# --------------------------------------------------------------------------
# Characters


@lru_cache(maxsize=8192)
def classify(text: str) -> tuple[str, int]:
    """Clean a glyph's text and tell its kind.

    Control, format (bidi controls, ZWJ…), private-use and unassigned code
    points are dropped (pitfall 7); a glyph left with nothing is ``JUNK``. A
    glyph whose compatibility form is only combining marks (e.g. the
    presentation form U+FE7C SHADDA ISOLATED, NFKC ``" ّ"``) is a ``MARK``
    holding the plain combining marks (pitfall 4).

    Returns:
        ``(clean_text, kind)``.
    """
    if text.isspace():
        return " ", SPACE
    clean = "".join(c for c in text if unicodedata.category(c) not in _DROP_CATEGORIES)
    if not clean:
        return "", JUNK
    if unicodedata.combining(clean[0]) or "\ufe70" <= clean[0] <= "\ufe7f" or "\ufc5e" <= clean[0] <= "\ufc63":
        marks = "".join(c for c in unicodedata.normalize("NFKC", clean) if unicodedata.combining(c))
        rest = "".join(c for c in unicodedata.normalize("NFKC", clean) if not unicodedata.combining(c))
        if marks and not rest.strip(" \u0640"):
            return marks, MARK
    return clean, BASE


_DROP_CATEGORIES = frozenset(("Cc", "Cf", "Co", "Cs", "Cn"))


@lru_cache(maxsize=8192)
def strong_info(text: str) -> tuple[bool, int, int, str | None, str | None]:
    """Bidi facts about a glyph's text (UAX #9 bidi classes).

    Returns:
        ``(starts_rtl, n_rtl, n_ltr, first_strong, last_strong)``: whether
        its first strong character is R/AL, the counts of R/AL and L
        characters, and the first/last strong class (``"R"``, ``"L"`` or
        ``None``).
    """
    n_rtl = n_ltr = 0
    first = last = None
    for c in text:
        cls = unicodedata.bidirectional(c)
        if cls in _RTL:
            n_rtl += 1
            last = "R"
        elif cls == "L":
            n_ltr += 1
            last = "L"
        else:
            continue
        if first is None:
            first = last
    return first == "R", n_rtl, n_ltr, first, last


def is_letter(text: str) -> bool:
    return text[:1].isalpha()


# --------------------------------------------------------------------------
# Rows and columns


def group_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into rows by vertical overlap (pitfall 5).

    Glyphs are taken by vertical centre; a glyph joins one of the two most
    recent rows when it overlaps that row's *body* (the box of its tallest
    glyph so far) by at least half the smaller height. Brackets, punctuation
    and glyphs of another font sit a few points higher or lower than the
    letters and still join their row; a body that does not grow with each
    glyph keeps rows of neighbouring columns with offset baselines apart.

    Returns:
        Rows sorted top to bottom, each a list of glyphs (unsorted).
    """
    rows: list[list] = []  # [body_top, body_bottom, body_height, members]
    for g in sorted(glyphs, key=_centre):
        h = g.bottom - g.top
        for row in rows[-1:-3:-1]:
            overlap = min(row[1], g.bottom) - max(row[0], g.top)
            if overlap >= 0.5 * min(row[2], h):
                row[3].append(g)
                if h > row[2]:
                    row[0], row[1], row[2] = g.top, g.bottom, h
                break
        else:
            rows.append([g.top, g.bottom, h, [g]])
    rows.sort(key=lambda r: r[0])
    return [r[3] for r in rows]


def _centre(g: Glyph) -> float:
    return g.top + g.bottom


def _segments(row: list[Glyph], min_gap: float) -> list[tuple[float, float]]:
    """x-extents of a row's runs of text glyphs separated by gaps ≥ ``min_gap``."""
    segs: list[list[float]] = []
    for g in sorted(row, key=lambda g: g.x0):
        if g.kind == SPACE:
            continue
        if segs and g.x0 - segs[-1][1] < min_gap:
            if g.x1 > segs[-1][1]:
                segs[-1][1] = g.x1
        else:
            segs.append([g.x0, g.x1])
    return [(a, b) for a, b in segs]


def _valleys(segs: list[list[tuple[float, float]]], min_gap: float) -> list[tuple[float, float]]:
    """Candidate gutters: valleys, at least ``min_gap`` wide, in the page's
    x-coverage profile by row segments (x-ranges where fewer than half as
    many segments pass as at the peaks on both sides). A valley includes the
    ragged line ends of its columns; only its middle is sure to be empty."""
    spans = [s for row in segs for s in row]
    if len(spans) < 2 * GUTTER_MIN_ROWS:
        return []
    x0 = int(min(a for a, _ in spans))
    x1 = int(max(b for _, b in spans)) + 2
    diff = [0] * (x1 - x0 + 1)
    for a, b in spans:
        diff[int(a) - x0] += 1
        diff[int(b) + 1 - x0] -= 1
    cover, run = [], 0
    for d in diff[:-1]:
        run += d
        cover.append(run)
    left = cover[:]
    for i in range(1, len(left)):
        left[i] = max(left[i], left[i - 1])
    right = cover[:]
    for i in range(len(right) - 2, -1, -1):
        right[i] = max(right[i], right[i + 1])
    out: list[tuple[float, float]] = []
    start = None
    for i, c in enumerate(cover + [None]):
        low = c is not None and 2 * c < min(left[i], right[i])
        if low and start is None:
            start = i
        elif not low and start is not None:
            if i - start >= min_gap:
                out.append((x0 + start + 1.0, x0 + i - 1.0))
            start = None
    return out


def find_sections(rows: list[list[Glyph]], em: float) -> list[tuple[int, int, list[tuple[float, float]]]]:
    """Find the multi-column sections of a page (pitfall 10).

    Candidate gutters are valleys of the page's x-coverage profile by row
    segments (runs of glyphs without a gap of ``GUTTER_EM`` ems), at least
    ``GUTTER_EM`` ems wide. A section is a run of consecutive rows none of
    which crosses the middle of a gutter, with at least ``GUTTER_MIN_ROWS`` rows in every
    column, columns side by side (overlapping vertically), and columns
    whose median segment is at least ``COLUMN_MIN_EM`` ems long (so
    label/value pairs set with tabs stay one column). A row that crosses a
    gutter (a title spanning the columns, a full-width paragraph) ends the
    section. Rows of the columns need not share baselines.

    Args:
        rows: the page's rows, top to bottom.
        em: the page's body font size, points.

    Returns:
        ``[(first_row, end_row, gutters), ...]`` with ``end_row`` exclusive
        and gutters as ``(x0, x1)`` sorted left to right.
    """
    min_gap = GUTTER_EM * em
    segs = [_segments(r, min_gap) for r in rows]
    gutters = _valleys(segs, min_gap)
    if not gutters:
        return []
    centres = [(a + b) / 2 for a, b in gutters]
    sections = []
    run: list[int] = []
    for i, row in enumerate(segs + [None]):
        crosses = row is None or any(s0 < c - 1 and s1 > c + 1 for s0, s1 in row for c in centres)
        if not crosses:
            run.append(i)
        elif run:
            if _is_columnar([rows[j] for j in run], [segs[j] for j in run], gutters, em):
                sections.append((run[0], run[-1] + 1, gutters))
            run = []
    return sections


def _is_columnar(rows, segs, gutters, em: float) -> bool:
    bounds = [(a + b) / 2 for a, b in gutters]
    n = len(bounds) + 1
    counts = [0] * n
    widths: list[list[float]] = [[] for _ in range(n)]
    spans: list[list[float]] = [[float("inf"), float("-inf")] for _ in range(n)]
    for row, row_segs in zip(rows, segs):
        top, bottom = min(g.top for g in row), max(g.bottom for g in row)
        for s0, s1 in row_segs:
            col = bisect.bisect_left(bounds, (s0 + s1) / 2)
            counts[col] += 1
            widths[col].append(s1 - s0)
            spans[col][0] = min(spans[col][0], top)
            spans[col][1] = max(spans[col][1], bottom)
    if min(counts) < GUTTER_MIN_ROWS:
        return False
    if any(sorted(w)[len(w) // 2] < COLUMN_MIN_EM * em for w in widths):
        return False
    # Side by side, not stacked: neighbouring columns overlap vertically.
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        if min(a1, b1) - max(a0, b0) < 0.5 * min(a1 - a0, b1 - b0):
            return False
    return True


def page_regions(glyphs: list[Glyph], rtl_page: bool, em: float) -> list[list[list[Glyph]]]:
    """Split a page into regions in reading order, each a list of rows.

    Args:
        glyphs: the page's glyphs (all kinds; marks are placed into rows by
            :func:`attach_marks` later, so they are not needed here).
        rtl_page: columns are read right to left.
        em: body font size, points (scales the gutter width).

    Returns:
        Regions in reading order; a region is a list of rows (top to bottom)
        that read as one flow: the rows outside multi-column sections, and
        each column of a section.
    """
    rows = group_rows(glyphs)
    sections = find_sections(rows, em)
    if not sections:
        return [rows] if rows else []
    regions: list[list[list[Glyph]]] = []
    pos = 0
    for first, end, gutters in sections:
        if first > pos:
            regions.append(rows[pos:first])
        bounds = [(a + b) / 2 for a, b in gutters]
        columns: list[list[Glyph]] = [[] for _ in range(len(bounds) + 1)]
        for row in rows[first:end]:
            for g in row:
                columns[bisect.bisect_left(bounds, (g.x0 + g.x1) / 2)].append(g)
        if rtl_page:
            columns.reverse()
        # Rows are regrouped per column: a row of the whole page may have
        # chained lines of two columns whose baselines are offset.
        regions.extend(group_rows(c) for c in columns if c)
        pos = end
    if pos < len(rows):
        regions.append(rows[pos:])
    return regions


def attach_marks(regions: list[list[list[Glyph]]], marks: list[Glyph]) -> list[list[list[Glyph]]]:
    """Put each combining mark into the row it overlaps most (pitfall 4, 5).

    Marks sit above or below their letter, so their boxes are offset; the row
    whose body overlaps the mark most and whose x-range contains it wins.
    """
    if not marks:
        return regions
    rows = [row for region in regions for row in region]
    boxes = []
    for row in rows:
        boxes.append((min(g.top for g in row), max(g.bottom for g in row), min(g.x0 for g in row), max(g.x1 for g in row)))
    tops = sorted((b[0], i) for i, b in enumerate(boxes))
    keys = [t for t, _ in tops]
    for m in marks:
        best, best_score = None, 0.0
        # Candidate rows start above the mark by at most a few line heights.
        lo = bisect.bisect_left(keys, m.top - 4 * max(m.size, 1.0))
        for t, i in tops[lo:]:
            if t > m.bottom:
                break
            top, bottom, x0, x1 = boxes[i]
            cx = (m.x0 + m.x1) / 2
            if cx < x0 - m.size or cx > x1 + m.size:
                continue
            score = min(bottom, m.bottom) - max(top, m.top)
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            rows[best].append(m)
    return regions


# --------------------------------------------------------------------------
# One line


def make_line(row: list[Glyph], rtl_default: bool) -> Line | None:
    """Turn a row of glyphs into a :class:`Line` in logical order.

    * Glyphs are sorted visually (by ``x0``, then ``x1``: a zero-width
      ligature component drawn at the left edge of its glyph comes first).
    * A combining mark goes with the base glyph whose x-range holds its
      centre (else the nearest), right after it in logical order; marks never
      open a word gap (pitfall 4).
    * A space is written where the producer drew a space glyph, or where the
      gap between two glyphs exceeds ``GAP_SPACE_EM`` of their font size
      (pitfall 6). Repeated identical glyphs at the same place (fake bold by
      overprinting) count once.
    * :func:`reorder` turns the visual string into logical order (pitfall 1)
      in the paragraph direction of :func:`_line_direction`. Multi-character
      glyphs (a ligature mapped to ``"لإ"``) are reversed beforehand when
      right-to-left, so they come out intact.
    * A list marker (bullet glyph, or a junk or weak-bullet glyph followed by
      a gap) at the logical start is removed and sets ``marker``.

    Args:
        row: the glyphs of one row, marks included, in any order.
        rtl_default: the page's dominant direction.

    Returns:
        The line, or ``None`` when it has no text (only spaces/junk).
    """
    marks = [g for g in row if g.kind == MARK]
    units = _dedupe(sorted((g for g in row if g.kind != MARK), key=lambda g: (g.x0, g.x1)))
    solid = [g for g in units if g.kind != SPACE]
    if not solid:
        return None
    n_rtl = n_ltr = 0
    left = right = None
    for g in solid:
        info = strong_info(g.text)
        n_rtl += info[1]
        n_ltr += info[2]
        if info[3] is not None:
            if left is None:
                left = info[3]
            right = info[4]
    # Arabic at the right end, or anywhere on a right-to-left page, makes a
    # right-to-left paragraph (UAX #9 P2 reads the first strong character
    # in logical order: the rightmost one of a right-to-left line). Latin-only
    # lines are settled below; lines without letters follow the page.
    rtl = right == "R" or rtl_default
    marker = False
    lead = solid[-1] if rtl else solid[0]
    if len(solid) > 1 and (lead.kind == JUNK or lead.text in BULLETS or lead.text in WEAK_BULLETS):
        nxt = solid[-2] if rtl else solid[1]
        gap = lead.x0 - nxt.x1 if rtl else nxt.x0 - lead.x1
        if lead.text in BULLETS or gap > GAP_SPACE_EM * lead.size:
            marker = True
            units = [g for g in units if g is not lead]
            solid = [g for g in solid if g is not lead]
    visual, words = _visual(units, solid, marks)
    if not visual:
        return None
    if n_rtl or not n_ltr:
        own_dir = True  # Arabic decides; a line of digits follows the page
    else:
        evidence = latin_evidence(visual)
        own_dir = evidence != 0
        rtl = evidence < 0 if own_dir else rtl_default
    bases = sorted(g.bottom for g in solid if g.kind == BASE) or [solid[0].bottom]
    sizes = Counter(round(g.size * 2) / 2 for g in solid if g.kind == BASE)
    letters = [g for g in solid if g.kind == BASE and is_letter(g.text)]
    first = words[-1] if rtl else words[0]
    return Line(
        text=reorder(visual, rtl, latin_only=not n_rtl),
        visual=visual,
        rtl=rtl,
        own_dir=own_dir,
        top=min(g.top for g in solid),
        bottom=max(g.bottom for g in solid),
        x0=min(g.x0 for g in solid),
        x1=max(g.x1 for g in solid),
        base=bases[len(bases) // 2],
        size=sizes.most_common(1)[0][0] if sizes else round(solid[0].size * 2) / 2,
        bold=(sum(g.bold for g in letters) >= 0.8 * len(letters)) if letters else None,
        marker=marker,
        script="R" if n_rtl else "L" if n_ltr else "",
        n_letters=len(letters),
        first_word=first[1] - first[0],
    )


def _visual(units: list[Glyph], solid: list[Glyph], marks: list[Glyph]) -> tuple[str, list[tuple[float, float]]]:
    """The row's text in visual order with spaces, and its words' x-extents."""
    attached = _attach(solid, marks)
    threshold = GAP_SPACE_EM_WITH_SPACES if len(units) > len(solid) else GAP_SPACE_EM
    pieces: list[str] = []
    words: list[list[float]] = []
    prev = None
    space = False
    for g in units:
        if g.kind == SPACE:
            space = prev is not None
            continue
        if prev is not None and (space or g.x0 - prev.x1 > threshold * min(g.size, prev.size)):
            pieces.append(" ")
            words.append([g.x0, g.x1])
        elif words:
            words[-1][1] = max(words[-1][1], g.x1)
        else:
            words.append([g.x0, g.x1])
        text = g.text
        extra = attached.get(id(g))
        if extra:
            text += extra
        if len(text) > 1 and strong_info(g.text)[0]:
            text = text[::-1]
        pieces.append(text)
        prev, space = g, False
    return "".join(pieces).strip(), [(a, b) for a, b in words]


_EN_RUN_RE = re.compile(r"(?<=\s)[0-9\u06f0-\u06f9]+(?:[.,:/\-][0-9\u06f0-\u06f9]+)*")
_RLM = "\u200f"


def reorder(visual: str, rtl: bool, latin_only: bool = False) -> str:
    """Visual order → logical order with the Unicode bidi algorithm (UAX #9).

    python-bidi's ``get_display`` applied to the visual string with the
    paragraph direction forced (pitfall 1). python-bidi does not mirror
    brackets, so they stay as the producer stored them (pitfall 2 is
    settled per document by the reader). UAX #9 is not its own inverse in
    one case that addresses hit: in a right-to-left paragraph a number that
    logically *precedes* Latin text (``1211 Geneva 19``) is drawn at the
    right end of the Latin run (``Geneva 19 1211``), where rule W7 would
    glue it to the Latin run again. On Latin-only lines (``latin_only``) a
    right-to-left mark before the rightmost such number keeps it a run of
    its own; the mark is removed afterwards. (The drawing is ambiguous:
    ``P.O. Box 17`` comes out as ``17 P.O. Box``. Inside Arabic lines the
    number is left glued, as in ``Windows 10``.)
    """
    if not rtl:
        return get_display(visual, base_dir="L")
    if latin_only:
        visual = _mark_leading_number(visual)
    return get_display(visual, base_dir="R").replace(_RLM, "")


def _mark_leading_number(visual: str) -> str:
    for m in reversed(list(_EN_RUN_RE.finditer(visual))):
        before = _strong_before(visual, m.start())
        after = _strong_after(visual, m.end())
        if after == "R" or after is None:
            if before == "L" and not _EN_RUN_RE.search(visual, m.end(), _end_of_run(visual, m.end())):
                return visual[: m.start()] + _RLM + visual[m.start() :]
            return visual
    return visual


def _strong_before(text: str, i: int) -> str | None:
    for c in reversed(text[:i]):
        info = strong_info(c)
        if info[3] is not None:
            return info[3]
    return None


def _strong_after(text: str, i: int) -> str | None:
    for c in text[i:]:
        info = strong_info(c)
        if info[3] is not None:
            return info[3]
    return None


def _end_of_run(text: str, i: int) -> int:
    while i < len(text) and strong_info(text[i])[3] is None:
        i += 1
    return i


_SENTENCE_PUNCT = ".,;:!?"


def latin_evidence(visual: str) -> int:
    """Evidence of a Latin-only line about its paragraph direction.

    In a right-to-left paragraph (UAX #9) a Latin line never *starts* at
    the left with a number (a leading number is drawn at the right end) and
    never ends at the right with sentence punctuation (it is drawn at the
    left). So ``17 route des Morillons`` or ``Done.`` as drawn prove a
    left-to-right paragraph; ``.Done`` proves a right-to-left one.

    Returns:
        ``1`` for left-to-right, ``-1`` for right-to-left, ``0`` for no evidence.
    """
    text = visual.strip()
    if not text:
        return 0
    if text[0].isdigit() and _strong_after(text, 0) == "L":
        return 1
    if text[-1] in _SENTENCE_PUNCT and _strong_before(text, len(text) - 1) == "L" and text[-2:-1].isalpha():
        return 1
    if text[0] in _SENTENCE_PUNCT and text[1:2].isalpha():
        return -1
    return 0


def _dedupe(units: list[Glyph]) -> list[Glyph]:
    out: list[Glyph] = []
    for g in units:
        if out:
            p = out[-1]
            if p.text == g.text and g.kind != SPACE and abs(g.x0 - p.x0) < 0.1 * g.size and abs(g.top - p.top) < 0.1 * g.size:
                continue
        out.append(g)
    return out


def _attach(solid: list[Glyph], marks: list[Glyph]) -> dict[int, str]:
    """Map each base glyph (by id) to the combining marks that belong to it."""
    if not marks:
        return {}
    lefts = [g.x0 for g in solid]
    out: dict[int, str] = {}
    for m in sorted(marks, key=lambda m: m.x0):
        cx = (m.x0 + m.x1) / 2
        i = bisect.bisect_right(lefts, cx)
        best, best_d = None, float("inf")
        for g in solid[max(0, i - 3) : i + 2]:
            if g.kind != BASE:
                continue
            d = 0.0 if g.x0 - 0.01 <= cx <= g.x1 + 0.01 else min(abs(cx - g.x0), abs(cx - g.x1))
            # Among boxes that all hold the mark, the narrower (the letter,
            # not a wide neighbour overlapping it) wins.
            d = d * 1000 + (g.x1 - g.x0) * 1e-3
            if d < best_d:
                best, best_d = g, d
        if best is not None:
            out[id(best)] = out.get(id(best), "") + m.text
    return out


# --------------------------------------------------------------------------
# Blocks


class BlockDraft(NamedTuple):
    """A block before it becomes a :class:`~pipeline.read.blocks.Block`."""

    lines: list[Line]
    list_item: bool


class _Region(NamedTuple):
    left: float
    right: float
    start_flush: bool  # most lines begin at the region's start edge


def region_blocks(lines: list[Line], pitch_em: float, greedy: bool = True) -> list[BlockDraft]:
    """Split a region's lines (top to bottom) into paragraph-like blocks.

    A new block starts at:

    * a list marker (glyph or drawn bullet, pitfall 8);
    * a change of style: font size (more than 15 %), bold, or script (a
      Latin-only line after an Arabic one, or the reverse);
    * a wider line spacing than usual: the baseline pitch, in ems of the
      larger size, above 1.3 × ``pitch_em`` (the document's usual pitch);
    * a line after a short one, when the producer fills lines greedily
      (``greedy``, see :func:`wraps_greedily`): when the first word of a line
      would have fit in the free width of the line above, that line ended
      its paragraph (works for right-, left-, centred and justified setting
      alike);
    * when most lines of the region begin at the same edge: a first-line
      indent, a line that starts outside the text edge of a list item
      (end of a hanging indent), or a list continuation that does not
      start at the item's text edge.

    Args:
        lines: one region's lines in reading order.
        pitch_em: the usual line pitch in ems (see :func:`usual_pitch`).
        greedy: apply the short-line rule.
    """
    if not lines:
        return []
    region = _region_geometry(lines)
    blocks: list[BlockDraft] = []
    cur: list[Line] = []
    item = False
    for line in lines:
        if cur and not _continues(cur, line, item, pitch_em, region, greedy):
            blocks.append(BlockDraft(cur, item))
            cur = []
        if not cur:
            item = line.marker
        cur.append(line)
    if cur:
        blocks.append(BlockDraft(cur, item))
    return blocks


def _region_geometry(lines: list[Line]) -> _Region:
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    starts = [line.x1 - right if line.rtl else line.x0 - left for line in lines if not line.marker]
    flush = sum(abs(d) <= 1.0 for d in starts)
    return _Region(left, right, flush * 2 > len(starts))


def _continues(cur: list[Line], line: Line, item: bool, pitch_em: float, region: _Region, greedy: bool) -> bool:
    prev = cur[-1]
    if line.marker or (line.script and prev.script and line.script != prev.script):
        return False
    if line.bold is not None and prev.bold is not None and line.bold != prev.bold:
        return False
    big = max(line.size, prev.size)
    if abs(line.size - prev.size) > 0.15 * big:
        return False
    pitch = (line.base - prev.base) / big
    if pitch <= 0.3 or pitch > 1.3 * pitch_em:
        return False
    sign = 1 if line.rtl else -1  # inset > 0: further from the start edge
    if item:
        if region.start_flush:
            # Hanging indent: continuation lines start at the item's text edge.
            return abs(sign * (cur[0].start - line.start)) <= 1.0 * big
        return True
    if greedy and _word_fits(cur, line, region):
        return False
    if region.start_flush:
        inset = sign * (prev.start - line.start)
        if inset > 1.0 * big:
            return False  # first-line indent of a new paragraph
        if inset < -1.0 * big and len(cur) > 1:
            return False  # starts outside the paragraph's edge
    return True


def _word_fits(cur: list[Line], line: Line, region: _Region) -> bool:
    prev = cur[-1]
    free = (prev.x0 - region.left) + (region.right - prev.x1)
    if len(cur) == 1 and region.start_flush:
        free -= _start_inset(prev, region)  # a first-line indent is not free room
    return free > line.first_word + 0.5 * line.size


def wraps_greedily(regions_lines: list[list[Line]], pitch_em: float) -> bool:
    """Does the producer fill each line before breaking (as word processors,
    browsers and layout engines do)?

    Some generators break lines after a fixed number of characters; there a
    short line says nothing about a paragraph end. Greedy filling leaves a
    *long* line (at least 70 % of the region's width) with room for the next
    word only where a paragraph ends, which is rare; fixed-count breaking
    does so on a large share of long lines. Fewer than a fifth of such
    pairs → greedy.
    """
    total = fits = 0
    for lines in regions_lines:
        if not lines:
            continue
        region = _region_geometry(lines)
        width = region.right - region.left
        for prev, line in zip(lines, lines[1:]):
            if line.marker or prev.marker or line.script != prev.script or abs(line.size - prev.size) > 0.05 * line.size:
                continue
            if prev.x1 - prev.x0 < 0.7 * width or not 0.3 < (line.base - prev.base) / line.size <= 1.3 * pitch_em:
                continue
            total += 1
            fits += _word_fits([prev, prev], line, region)
    return total < 5 or fits <= 0.2 * total


def _start_inset(line: Line, region: _Region) -> float:
    return region.right - line.x1 if line.rtl else line.x0 - region.left


def usual_pitch(regions_lines: list[list[Line]]) -> float:
    """The document's usual line pitch in ems: the median baseline-to-baseline
    distance of consecutive same-size lines, divided by their size (1.2 if
    unknown)."""
    pitches = []
    for lines in regions_lines:
        for a, b in zip(lines, lines[1:]):
            if abs(a.size - b.size) < 0.05 * a.size and a.size > 0:
                p = (b.base - a.base) / a.size
                if 0.8 < p < 3.0:
                    pitches.append(p)
    if not pitches:
        return 1.2
    pitches.sort()
    return pitches[len(pitches) // 2]
