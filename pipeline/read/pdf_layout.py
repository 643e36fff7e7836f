"""Page geometry for the PDF reader: rows → columns → regions → blocks.

Works on :class:`~.pdf_line.Glyph` tuples in pdfplumber's coordinate
convention (points, origin at the top-left of the page, ``top < bottom``) and
knows nothing about PDF files. The steps, in the order :mod:`pipeline.read.pdf`
calls them:

1. :func:`boxed_regions` reads the text on drawn boxes (cards) box by box,
   in XY-cut order; :func:`page_regions` groups glyphs into rows by vertical
   overlap, finds column gutters (blank strips through a stretch of rows,
   :func:`find_gutter`) and cuts the rows XY-cut style into the page's
   *regions* (runs of rows that read top to bottom: the single-column
   parts, and each column of a multi-column stretch, right column first on
   a right-to-left page); :func:`attach_marks` puts combining marks into
   their rows.
2. :func:`~.pdf_line.make_line` turns each row into a line in logical order.
3. :func:`region_blocks` splits a region's lines into paragraph-like blocks.

Pitfall numbers refer to ``shared/notes/arabic-pdf-pitfalls.md``.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .pdf_line import SPACE, Glyph, Line
from .stats import wilson_interval

# Column gutters: at least NARROW_GUTTER_EM ems wide (two bios 5 mm apart
# in 12 pt type: 1.18 em), seen on GUTTER_MIN_ROWS rows with text on both
# sides (NARROW_MIN_ROWS when narrower than GUTTER_EM), DOMINANT_RATIO times
# the row's median word gap (gaps of at least WORD_GAP_EM) on DOMINANT_SHARE
# of those rows, between columns whose typical line is at least
# COLUMN_MIN_EM long.
GUTTER_EM = 1.2
NARROW_GUTTER_EM = 0.8
NARROW_MIN_ROWS = 4
DOMINANT_RATIO = 1.8
DOMINANT_SHARE = 0.6
WORD_GAP_EM = 0.1
BAND_EM = 5.0
GRID_BAND_EM = 1.5
MAX_SPLIT_DEPTH = 12
# Boxes (cards): at least BOX_MIN_EM ems wide; text outside a box within
# INLINE_EM ems of its sides on its rows makes it a highlight, not a card.
BOX_MIN_EM = 2.0
INLINE_EM = 0.5
# A paragraph gap: a baseline pitch this much above the usual one. Line
# pitch inside a paragraph varies by under 5 % (marks, mixed fonts); word
# processors add a quarter of a line or more between paragraphs (LibreOffice
# here: 2.5 em against 1.95 em, a ratio of 1.28).
PARAGRAPH_PITCH = 1.15
GUTTER_MIN_ROWS = 3
# Lines whose ends lie this close (points) are set flush with one edge.
FLUSH_PT = 1.0
# Share of long lines with room for the next word above which a producer
# breaks lines after a fixed count instead of filling them (see wraps_greedily).
FIXED_COUNT_SHARE = 0.25
COLUMN_MIN_EM = 4.0


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


def _ink(row: list[Glyph]) -> list[tuple[float, float]]:
    """A row's inked x-intervals (space glyphs aside), overlapping ones merged."""
    out: list[list[float]] = []
    for a, b in sorted((g.x0, g.x1) for g in row if g.kind != SPACE):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_FAR = 1e9


def _gaps(ink: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """A row's blank x-intervals at least ``min_gap`` wide, the open ends
    before its first and after its last ink included."""
    if not ink:
        return [(-_FAR, _FAR)]
    out = [(-_FAR, ink[0][0])]
    out.extend((b, a) for (_, b), (a, _) in zip(ink, ink[1:]) if a - b >= min_gap)
    out.append((ink[-1][1], _FAR))
    return out


def _strips(
    inks: list[list[tuple[float, float]]], min_gap: float, breaks: frozenset[int] = frozenset()
) -> list[tuple[float, float, int, int]]:
    """Blank vertical strips through consecutive rows: ``(x0, x1, first_row,
    end_row)`` (end exclusive), each at least ``min_gap`` wide and as tall
    as it can be at that width (every maximal blank rectangle whose top and
    bottom are row boundaries). No strip runs on from a row in ``breaks``
    to the row after it."""
    open_: dict[tuple[float, float], int] = {}
    closed: list[tuple[float, float, int, int]] = []
    for r in range(len(inks) + 1):
        if r - 1 in breaks:
            closed.extend((a, b, start, r) for (a, b), start in open_.items())
            open_ = {}
        gaps = _gaps(inks[r], min_gap) if r < len(inks) else []
        nxt: dict[tuple[float, float], int] = {}
        for (a, b), start in open_.items():
            survived = False
            for g0, g1 in gaps:
                lo, hi = max(a, g0), min(b, g1)
                if hi - lo >= min_gap:
                    if lo == a and hi == b:
                        survived = True
                    if nxt.get((lo, hi), r) > start:
                        nxt[(lo, hi)] = start
            if not survived:
                closed.append((a, b, start, r))
        for g in gaps:
            nxt.setdefault(g, r)
        open_ = nxt
    return closed


class _Rows(NamedTuple):
    """Per row of a stretch: ink intervals (sorted, disjoint), their right
    and left ends, and its gaps of at least ``WORD_GAP_EM`` (sorted)."""

    inks: list[list[tuple[float, float]]]
    ends: list[list[float]]
    starts: list[list[float]]
    gaps: list[list[float]]

    @classmethod
    def of(cls, inks: list[list[tuple[float, float]]], em: float) -> _Rows:
        word_gap = WORD_GAP_EM * em
        return cls(
            inks,
            [[iv[1] for iv in ink] for ink in inks],
            [[iv[0] for iv in ink] for ink in inks],
            [sorted(y0 - x1 for (_, x1), (y0, _) in zip(ink, ink[1:]) if y0 - x1 >= word_gap) for ink in inks],
        )


def _gutter_support(data: _Rows, lo: int, hi: int, a: float, b: float, em: float) -> tuple[int, bool]:
    """How many rows of text a blank strip ``(a, b)`` has on its sides in rows
    ``[lo, hi)`` (the fewer of the two), and whether it looks like a column
    gutter there.

    A gutter has text on each side on at least ``GUTTER_MIN_ROWS`` rows
    (``NARROW_MIN_ROWS`` when narrower than ``GUTTER_EM`` ems), side by side
    (the rows of the two sides overlap vertically by half the shorter side),
    not necessarily on the same rows (columns with other line spacings);
    where a row has text on both sides, the gap the strip passes through is,
    on most such rows (``DOMINANT_SHARE``), at least ``DOMINANT_RATIO`` times
    the row's usual word gap (a river of word gaps through justified text
    passes through gaps as wide as the others of their lines: justification
    widens all gaps of a line alike); and the column lines next to it are
    ``COLUMN_MIN_EM`` ems long in the median (label and value pairs set
    with tabs are no columns; checked apart, :func:`_columns_long`).
    """
    width = b - a
    need = GUTTER_MIN_ROWS if width >= GUTTER_EM * em else NARROW_MIN_ROWS
    sides: list[tuple[int, int, int]] = []  # rows with text on both sides: (row, intervals left, first right)
    spans: list[list[int]] = [[], []]
    for r in range(lo, hi):
        n_left = bisect.bisect_right(data.ends[r], a + 0.01)
        first_right = bisect.bisect_left(data.starts[r], b - 0.01)
        if n_left:
            spans[0].append(r)
        if first_right < len(data.starts[r]):
            spans[1].append(r)
            if n_left:
                sides.append((r, n_left, first_right))
    rows = min(len(spans[0]), len(spans[1]))
    if rows < need:
        return rows, False
    (l0, l1), (r0, r1) = (spans[0][0], spans[0][-1]), (spans[1][0], spans[1][-1])
    if min(l1, r1) - max(l0, r0) + 1 < 0.5 * min(l1 - l0 + 1, r1 - r0 + 1):
        return rows, False  # stacked, not side by side
    dominant = 0
    for r, n_left, first_right in sides:
        ink, gaps = data.inks[r], data.gaps[r]
        gap = ink[first_right][0] - ink[n_left - 1][1]
        # The median of the row's other word gaps (the strip's own gap left out).
        if len(gaps) <= 1:
            dominant += 1
            continue
        m = (len(gaps) - 1) // 2
        median = gaps[m + 1] if bisect.bisect_left(gaps, gap) <= m else gaps[m]
        dominant += gap >= DOMINANT_RATIO * median
    if dominant < DOMINANT_SHARE * len(sides):
        return rows, False
    return rows, True


def _columns_long(inks, a: float, b: float, em: float) -> bool:
    """The text next to a strip is ``COLUMN_MIN_EM`` ems long in the median
    on each side (the last test of :func:`_gutter_support`, the dearest)."""
    width = b - a
    widths: tuple[list[float], list[float]] = ([], [])
    for ink in inks:
        n_left = bisect.bisect_right([iv[1] for iv in ink], a + 0.01)
        first_right = bisect.bisect_left([iv[0] for iv in ink], b - 0.01)
        if n_left:
            widths[0].append(_column_run(ink[n_left - 1 :: -1], width))
        if first_right < len(ink):
            widths[1].append(_column_run(ink[first_right:], width))
    return all(w and sorted(w)[len(w) // 2] >= COLUMN_MIN_EM * em for w in widths)


def _column_run(ivs: list[tuple[float, float]], gutter: float) -> float:
    """Length of the text next to a strip: its ink intervals from the strip
    outwards (``ivs`` nearest first) while the gaps between them stay
    narrower than the strip."""
    lo, hi = ivs[0]
    for x0, x1 in ivs[1:]:
        gap = lo - x1 if x1 <= lo else x0 - hi
        if gap >= gutter:
            break
        lo, hi = min(lo, x0), max(hi, x1)
    return hi - lo


def find_gutter(rows: list[list[Glyph]], em: float) -> tuple[float, float, int, int] | None:
    """The best column gutter of a stretch of rows (pitfall 10).

    Gutters are blank vertical strips, at least ``NARROW_GUTTER_EM`` ems
    wide, that run through consecutive rows (they need not run the page's
    height: a title across the columns, a full-width paragraph below them
    or a blank band across the page ``BAND_EM`` ems high ends them) and pass
    :func:`_gutter_support`. Rows of the columns need not
    share baselines, and ragged line ends may come close to a gutter on one
    side.

    Returns:
        ``(x0, x1, first_row, end_row)`` of the gutter with the most rows
        of text on its sides (then the tallest, then the widest), ``end_row`` exclusive;
        ``None`` when the rows have none.
    """
    if len(rows) < GUTTER_MIN_ROWS:
        return None
    inks = [_ink(r) for r in rows]
    # A wide blank band across the page ends every gutter: the text below
    # it (a note set after the columns) is not a column's continuation.
    breaks = set()
    lowest = float("-inf")
    for i in range(len(rows) - 1):
        lowest = max(lowest, max(g.bottom for g in rows[i]))
        if min(g.top for g in rows[i + 1]) - lowest > BAND_EM * em:
            breaks.add(i)
    spans = [(min(g.top for g in r), max(g.bottom for g in r)) for r in rows]
    data = _Rows.of(inks, em)
    found: dict[tuple, tuple] = {}
    for a, b, first, end in _strips(inks, NARROW_GUTTER_EM * em, frozenset(breaks)):
        if a <= -_FAR or b >= _FAR or end - first < GUTTER_MIN_ROWS:
            continue
        if not _gutter_support(data, first, end, a, b, em)[1]:
            continue
        for lo, hi in _turns(data, spans, a, b, first, end):
            if hi - lo < GUTTER_MIN_ROWS or (a, b, lo, hi) in found:
                continue
            n, ok = _gutter_support(data, lo, hi, a, b, em)
            if ok:
                found[(a, b, lo, hi)] = (n, hi - lo, b - a)
    for gutter in sorted(found, key=found.__getitem__, reverse=True):
        a, b, lo, hi = gutter
        if _columns_long(inks[lo:hi], a, b, em) and not _labels(rows[lo:hi], a, b):
            return gutter
    return None


def _labels(rows: list[list[Glyph]], a: float, b: float) -> bool:
    """Label and value pairs aligned on tab stops (``المضيف:`` … ``حكومة
    بوتسوانا``): on most rows with text on both sides of the strip, the
    text next to it on one side ends with a colon."""
    both = colons = 0
    for row in rows:
        left = [g for g in row if g.kind != SPACE and g.x1 <= a + 0.01]
        right = [g for g in row if g.kind != SPACE and g.x0 >= b - 0.01]
        if not (left and right):
            continue
        both += 1
        near = (max(left, key=lambda g: g.x1).text, min(right, key=lambda g: g.x0).text)
        colons += any(t in (":", "\uff1a") for t in near)
    return both > 0 and colons * 2 > both


def _turns(data: _Rows, spans, a: float, b: float, first: int, end: int) -> list[tuple[int, int]]:
    """Cut rows ``[first, end)`` where the two sides of a strip take turns.

    A row has text on the left of the strip, on the right, or on both
    (text on the other side in a row it overlaps counts: columns need not
    share baselines). Where two or more rows with text on
    one side only follow two or more with text on the other side only, the
    text takes turns across the page (left-aligned Latin address lines
    between right-aligned Arabic lines) rather than running in columns side
    by side; the stretches between such places are judged on their own.

    Returns:
        ``[(first, end), ...]`` sub-ranges, top to bottom.
    """
    has = [
        (bool(data.ends[r]) and data.ends[r][0] <= a + 0.01, bool(data.starts[r]) and data.starts[r][-1] >= b - 0.01)
        for r in range(first, end)
    ]
    kinds = []
    for i, (left, right) in enumerate(has):
        if left and right:
            kinds.append("B")
            continue
        side = 0 if left else 1
        top, bottom = spans[first + i]
        paired = any(
            has[j][1 - side] and spans[first + j][0] < bottom and spans[first + j][1] > top
            for j in range(max(0, i - 4), min(len(has), i + 5))
        )
        kinds.append("B" if paired else "LR"[side])
    runs: list[tuple[str, int, int]] = []  # (kind, start, length), start relative to first
    for i, k in enumerate(kinds):
        if runs and runs[-1][0] == k:
            runs[-1] = (k, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((k, i, 1))
    cuts = [
        first + r2[1] for r1, r2 in zip(runs, runs[1:])
        if {r1[0], r2[0]} == {"L", "R"} and r1[2] >= 2 and r2[2] >= 2
    ]
    bounds = [first, *cuts, end]
    return list(zip(bounds, bounds[1:]))


def _trim_tail(rows: list[list[Glyph]], a: float, b: float, first: int, end: int) -> int:
    """Where the columns around the gutter ``(a, b)`` really end.

    When text across the page follows the columns (row ``end`` crosses the
    gutter), the rows after the shorter column's last one have text on one
    side only: the longer column's last lines, or a heading of the text
    below that is short enough not to cross the gutter (``الاجتماع
    القادم`` above a full-width paragraph after two bios). The tail is cut
    at its widest vertical gap when that gap is wider (by a fifth) than the
    one before the crossing row: the rows after it go with the text below.
    When nothing crosses the gutter below the columns, short text after
    them (a one-line note at the foot) is found by :func:`_foot_below`.

    Returns:
        The new ``end_row``.
    """
    last = [first - 1, first - 1]  # last row with text left / right of the strip
    for r in range(first, end):
        for g in rows[r]:
            if g.kind == SPACE:
                continue
            if g.x1 <= a + 0.01:
                last[0] = r
            elif g.x0 >= b - 0.01:
                last[1] = r
    shorter = min(last)
    if shorter < first or shorter >= end - 1:
        return end
    side = 0 if last[0] > last[1] else 1
    on_side = [r for r in range(first, end) if any((g.x1 <= a + 0.01) if side == 0 else (g.x0 >= b - 0.01) for g in rows[r])]
    seq = [r for r in on_side if r <= shorter][-1:] + [r for r in on_side if r > shorter]
    cut = None
    if end >= len(rows):
        cut = _foot_below(rows, a, b, first, shorter, seq)
    elif len(seq) >= 2:
        seq.append(end)
        gaps = [min(g.top for g in rows[q]) - max(g.bottom for g in rows[p]) for p, q in zip(seq, seq[1:])]
        k = max(range(len(gaps) - 1), key=lambda i: gaps[i])
        if gaps[k] > 1.2 * max(gaps[-1], 0.0):
            cut = seq[k + 1]
    if cut is None:
        return end
    # A heading of the longer column after a wide gap, on a row of its own
    # (three columns on a baseline grid), is set flush with the column's
    # edge at the gutter; a heading of the text below is not.
    if _flush_at_gutter(rows, a, b, side, cut, [r for r in on_side if r < cut]):
        return end
    return cut


def _foot_below(rows: list[list[Glyph]], a: float, b: float, first: int, shorter: int, seq: list[int]) -> int | None:
    """Where text below the columns begins when nothing after them crosses
    the gutter (the columns end the stretch of rows).

    A short line set across the page after two columns (a contact line
    under a newsletter's columns, flush with the page's start edge) leaves
    the gutter's strip blank and looks like the longer column's last line.
    ``seq`` are the longer column's rows from the shorter column's last
    row (``shorter``) on. The rows after the widest gap in ``seq`` are text
    below the columns when that gap is wider (by a fifth) than any gap
    between two rows of one column above ``shorter`` (the columns' own
    paragraph and heading spacing; and by a quarter em at least), and the
    band of white above them runs across the shorter column too, just as
    wide.

    Returns:
        The row that starts the text below, or ``None``.
    """
    if len(seq) < 2:
        return None
    widest = None
    for side in (0, 1):
        spans = [s for s in (_side_span(rows[r], a, b, side) for r in range(first, shorter + 1)) if s is not None]
        for (_, bottom), (top, _) in zip(spans, spans[1:]):
            widest = top - bottom if widest is None else max(widest, top - bottom)
    if widest is None:
        return None
    gaps = [min(g.top for g in rows[q]) - max(g.bottom for g in rows[p]) for p, q in zip(seq, seq[1:])]
    k = max(range(len(gaps)), key=lambda i: gaps[i])
    below = seq[k + 1]
    band = min(g.top for g in rows[below]) - max(g.bottom for g in rows[shorter])
    # Rows whose boxes touch leave no gap to scale: a quarter em at least.
    need = max(1.2 * widest, widest + 0.25 * max(g.size for g in rows[below]))
    if gaps[k] > need and band > need:
        return below
    return None


def _side_span(row: list[Glyph], a: float, b: float, side: int) -> tuple[float, float] | None:
    """``(top, bottom)`` of a row's text left (``side`` 0) or right (1) of
    the strip ``(a, b)``, or ``None`` when it has none there."""
    gl = [g for g in row if g.kind != SPACE and (g.x1 <= a + 0.01 if side == 0 else g.x0 >= b - 0.01)]
    if not gl:
        return None
    return min(g.top for g in gl), max(g.bottom for g in gl)


def _grid_bands(rows: list[list[Glyph]], a: float, b: float, first: int, end: int, em: float) -> list[int]:
    """Blank bands across both columns that make rows of blocks side by side.

    Within the rows ``[first, end)`` of a gutter, a band of white across
    both sides at least ``GRID_BAND_EM`` ems high separates rows of blocks
    (a 2×2 grid of feature blocks set without boxes) rather than running
    through columns that flow on, when on each side every other gap between
    its rows (line and paragraph gaps inside the blocks) is at most half
    as high: in flowing columns the paragraph gaps of one column are as high
    as those that happen to line up with the other's, and bios whose
    headings and paragraphs line up leave no higher band.

    Returns:
        The rows that start after each band (empty when there is none).
    """
    sides: list[list[tuple[int, float, float]]] = [[], []]  # per side: (row, top, bottom) of its text
    for r in range(first, end):
        for side, pick in ((0, lambda g: g.x1 <= a + 0.01), (1, lambda g: g.x0 >= b - 0.01)):
            gl = [g for g in rows[r] if g.kind != SPACE and pick(g)]
            if gl:
                sides[side].append((r, min(g.top for g in gl), max(g.bottom for g in gl)))
    bands: list[tuple[float, int]] = []
    lowest = max(g.bottom for g in rows[first])
    for r in range(first + 1, end):
        gap = min(g.top for g in rows[r]) - lowest
        if gap >= GRID_BAND_EM * em:
            bands.append((gap, r))
        lowest = max(lowest, max(g.bottom for g in rows[r]))
    if not bands:
        return []
    cuts = {r for _, r in bands}
    lowest_band = min(g for g, _ in bands)
    for side in sides:
        if not side or side[0][0] in cuts:
            return []  # each row of blocks has text on both sides
        for (r0, _, bottom), (r1, top, _) in zip(side, side[1:]):
            if r1 in cuts or any(r0 < c <= r1 for c in cuts):
                continue
            if top - bottom > 0.5 * lowest_band:
                return []
    bounds = [first, *sorted(cuts), end]
    for lo, hi in zip(bounds, bounds[1:]):
        for side in sides:
            if not any(lo <= r < hi for r, _, _ in side):
                return []
    return sorted(cuts)


def _trim_head(rows: list[list[Glyph]], a: float, b: float, first: int, end: int) -> int:
    """Where the columns around the gutter ``(a, b)`` really begin.

    Short right-aligned lines above two columns (an address block above
    two offices' addresses) leave the gutter's strip blank, so it starts
    too high, at the first of them: the rows before the other side's first
    row have text on one side only. When the gap below those head rows is
    the widest among them and the next rows on their side (by a fifth), and
    that white band runs across the other side too (:func:`_band_across`),
    the head is text above the columns, not the start of one, unless its
    rows are set flush with the column's edge at the gutter
    (:func:`_flush_at_gutter`): then they begin the column.

    Returns:
        The new ``first_row``.
    """
    first_on = [None, None]  # first row with text left / right of the strip
    for r in range(first, end):
        for g in rows[r]:
            if g.kind == SPACE:
                continue
            side = 0 if g.x1 <= a + 0.01 else 1 if g.x0 >= b - 0.01 else None
            if side is not None and first_on[side] is None:
                first_on[side] = r
        if None not in first_on:
            break
    if None in first_on or first_on[0] == first_on[1]:
        return first
    later = max(first_on)
    side = 0 if first_on[0] < first_on[1] else 1
    on_side = [r for r in range(first, end) if any((g.x1 <= a + 0.01) if side == 0 else (g.x0 >= b - 0.01) for g in rows[r])]
    head = [r for r in on_side if r < later]
    after = [r for r in on_side if r >= later][:2]
    if not after:
        return first
    seq = head + after
    gaps = [min(g.top for g in rows[q]) - max(g.bottom for g in rows[p]) for p, q in zip(seq, seq[1:])]
    k = len(head) - 1
    others = [g for i, g in enumerate(gaps) if i != k]
    if not others or gaps[k] <= 1.2 * max(others) or not _band_across(rows, head[-1], later, 1.2 * max(others)):
        return first
    if _flush_at_gutter(rows, a, b, side, head[0], [r for r in on_side if r >= later]):
        return first
    return after[0] if after[0] < later else later


def _band_across(rows: list[list[Glyph]], head_last: int, other_first: int, wider_than: float) -> bool:
    """Does the white band below a column's head rows run across the other
    column too?

    Two columns that each begin with a heading have their tops side by side,
    not always on one baseline: a browser keeps a heading's top margin in
    the first column and drops it after the column break, so the second
    column's heading sits a few points higher (CSS ``column-count``) and
    its row comes first. The gap below that heading is the widest of its
    column's top rows, as below the lines of an address set above two
    columns; but there the band of white below the head runs across the
    page, while a column's heading has the other column's first row beside
    it: that row starts inside the band (or beside the heading itself).
    The head is above the columns only when the other side's first row
    (``other_first``) starts at least ``wider_than`` points below the head's
    last row (``head_last``).
    """
    above = max(g.bottom for g in rows[head_last])
    return min(g.top for g in rows[other_first]) - above > wider_than


def _flush_at_gutter(rows: list[list[Glyph]], a: float, b: float, side: int, row: int, column: list[int]) -> bool:
    """Is ``row`` set flush (within ``FLUSH_PT``) with the edge its column
    has at the gutter ``(a, b)``? ``side`` 0: the column left of the
    gutter, 1: right of it; ``column``: the column's other rows, which show
    where that edge is.

    That edge is where the column's own lines start (right-to-left text in
    the left column, left-to-right text in the right one) or where its full
    and justified lines end. Text set across the page above or below the
    columns is flush with the page's edges or centred, not with a column's
    edge at the gutter. A column's heading is flush with it however far it
    sits from the other column's rows: higher than the other column's top
    (its top margin kept in one column and dropped after the column break
    in the other), or after a wider gap than any in the other column, low
    in the longer one.
    """

    def edge(r: int) -> float | None:
        xs = [g.x1 if side == 0 else -g.x0 for g in rows[r] if g.kind != SPACE
              and (g.x1 <= a + 0.01 if side == 0 else g.x0 >= b - 0.01)]
        return max(xs) if xs else None

    inner = [e for e in map(edge, column) if e is not None]
    own = edge(row)
    return bool(inner) and own is not None and abs(own - max(inner)) <= FLUSH_PT


def page_regions(glyphs: list[Glyph], rtl_page: bool, em: float) -> list[list[list[Glyph]]]:
    """Split a page into regions in reading order, each a list of rows.

    The rows' best gutter (:func:`find_gutter`) cuts them into the rows
    above it, the columns on either side, and the rows below it, and each
    part is split again the same way (a third column, a two-column section
    below a full-width paragraph), XY-cut style.

    Args:
        glyphs: the page's glyphs (all kinds; marks are placed into rows by
            :func:`attach_marks` later, so they are not needed here).
        rtl_page: columns are read right to left.
        em: body font size, points (scales the gutter width).

    Returns:
        Regions in reading order; a region is a list of rows (top to bottom)
        that read as one flow: the rows outside multi-column stretches, and
        each column of a stretch.
    """
    return _split(glyphs, rtl_page, em, 0)


def _split(glyphs: list[Glyph], rtl: bool, em: float, depth: int) -> list[list[list[Glyph]]]:
    rows = group_rows(glyphs)
    if not rows:
        return []
    gutter = find_gutter(rows, em) if depth < MAX_SPLIT_DEPTH else None
    if gutter is None:
        return [rows]
    a, b, first, end = gutter
    end = _trim_tail(rows, a, b, first, end)
    first = _trim_head(rows, a, b, first, end)
    cut = (a + b) / 2
    out: list[list[list[Glyph]]] = []
    if first:
        out.extend(_split([g for row in rows[:first] for g in row], rtl, em, depth + 1))
    bands = _grid_bands(rows, a, b, first, end, em)
    bounds = [first, *bands, end]
    # Rows of blocks side by side (feature blocks two by two without
    # boxes) are read row of blocks by row of blocks; columns in one go.
    for lo, hi in zip(bounds, bounds[1:]):
        left = [g for row in rows[lo:hi] for g in row if g.x0 + g.x1 < 2 * cut]
        right = [g for row in rows[lo:hi] for g in row if g.x0 + g.x1 >= 2 * cut]
        for column in (right, left) if rtl else (left, right):
            # Rows are regrouped per column: a row of the whole page may have
            # chained lines of two columns whose baselines are offset.
            out.extend(_split(column, rtl, em, depth + 1))
    if end < len(rows):
        out.extend(_split([g for row in rows[end:] for g in row], rtl, em, depth + 1))
    return out


# --------------------------------------------------------------------------
# Boxes: cards, panels and framed notes


class Box(NamedTuple):
    """A drawn rectangle (fill or frame) that may hold text, in points."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def holds(self, x: float, y: float, tol: float = 0.0) -> bool:
        return self.x0 - tol <= x <= self.x1 + tol and self.top - tol <= y <= self.bottom + tol

    def within(self, other: Box, tol: float = 1.0) -> bool:
        return (other.x0 - tol <= self.x0 and self.x1 <= other.x1 + tol
                and other.top - tol <= self.top and self.bottom <= other.bottom + tol)


def boxed_regions(glyphs: list[Glyph], boxes: list[Box], rtl_page: bool, em: float) -> list[list[list[Glyph]]]:
    """Regions of a page whose text sits in drawn boxes (cards, panels, framed notes).

    A rectangle drawn behind text (a card's background, a frame) is strong
    evidence that the text in it reads on its own: each box's text is laid
    out by itself (:func:`page_regions`), and the boxes and the text
    outside them are read in XY-cut order (:func:`_xy_order`): top to
    bottom where they stack, right to left (left to right on a
    left-to-right page) where they stand side by side, so a 2×2 grid of
    cards reads row by row. A box counts when it is at least
    ``BOX_MIN_EM`` ems wide and one em tall, holds the centre of some
    glyphs but not all the text around it, and no text outside it sits on
    its rows within ``INLINE_EM`` ems of its sides (that is a highlight
    behind words of a line, not a card). Boxes nest (a card on a coloured
    band); a glyph belongs to the smallest box holding its centre.

    Args:
        glyphs: the page's glyphs (no marks).
        boxes: drawn rectangles (fills and frames) of the page.
        rtl_page: side-by-side items read right to left.
        em: body font size, points.

    Returns:
        Regions in reading order, as :func:`page_regions` gives them.
    """
    cards = _card_boxes(glyphs, boxes, em)
    if not cards:
        return page_regions(glyphs, rtl_page, em)
    owner = _owners(glyphs, cards)
    parent: dict[int, int | None] = {}
    for i, box in enumerate(cards):
        holders = [j for j, other in enumerate(cards) if j != i and box.within(other) and other.area > box.area]
        parent[i] = min(holders, key=lambda j: cards[j].area) if holders else None
    members: dict[int | None, list[Glyph]] = {}
    for g, k in zip(glyphs, owner):
        members.setdefault(k, []).append(g)

    def container(k: int | None) -> list[list[list[Glyph]]]:
        children = [i for i in range(len(cards)) if parent[i] == k]
        items: list[tuple[float, float, float, float, list[list[list[Glyph]]]]] = []
        for region in page_regions(members.get(k, []), rtl_page, em):
            for part in _cut_at_boxes(region, [cards[i] for i in children]):
                xs = [g for row in part for g in row]
                items.append((min(g.x0 for g in xs), max(g.x1 for g in xs), min(g.top for g in xs),
                              max(g.bottom for g in xs), [part]))
        for i in children:
            inner = container(i)
            if inner:
                box = cards[i]
                items.append((box.x0, box.x1, box.top, box.bottom, inner))
        return [region for item in _xy_order(items, rtl_page) for region in item[4]]

    return container(None)


class _ByX:
    """Glyphs sorted by the x of their centre, for range queries."""

    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs = sorted(glyphs, key=lambda g: g.x0 + g.x1)
        self.keys = [g.x0 + g.x1 for g in self.glyphs]
        self.half = max((g.x1 - g.x0 for g in glyphs), default=0.0) / 2

    def near(self, x0: float, x1: float) -> list[Glyph]:
        """Glyphs whose box may reach into ``[x0, x1]``."""
        lo = bisect.bisect_left(self.keys, 2 * (x0 - self.half))
        hi = bisect.bisect_right(self.keys, 2 * (x1 + self.half))
        return self.glyphs[lo:hi]


def _centre_in(box: Box, g: Glyph) -> bool:
    return box.holds((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2)


def _card_boxes(glyphs: list[Glyph], boxes: list[Box], em: float) -> list[Box]:
    """The boxes that hold text of their own (see :func:`boxed_regions`)."""
    found: list[Box] = []
    for box in sorted(set(boxes), key=lambda b: (b.top, b.x0, b.area)):
        if box.x1 - box.x0 < BOX_MIN_EM * em or box.bottom - box.top < em:
            continue
        if any(abs(box.x0 - o.x0) < 1 and abs(box.x1 - o.x1) < 1 and abs(box.top - o.top) < 1
               and abs(box.bottom - o.bottom) < 1 for o in found):
            continue  # a fill and its frame, or a box drawn twice
        found.append(box)
    if not found:
        return []
    index = _ByX(glyphs)
    holding = []
    for box in found:
        inside = [g for g in index.near(box.x0, box.x1) if _centre_in(box, g)]
        if inside and len(inside) < len(glyphs):
            holding.append((box, inside))
    kept = []
    reach = INLINE_EM * em
    for box, inside in holding:
        ids = {id(g) for g in inside}
        # Text in another card beside this one is no continuation of its rows.
        others = [o for o, _ in holding if o is not box and not box.within(o)]
        inline = any(
            id(g) not in ids and g.kind != SPACE and box.top <= (g.top + g.bottom) / 2 <= box.bottom
            and box.x0 - reach <= g.x1 and g.x0 <= box.x1 + reach
            and not any(_centre_in(o, g) for o in others)
            for g in index.near(box.x0 - reach, box.x1 + reach)
        )
        if not inline:
            kept.append(box)
    return kept


def _owners(glyphs: list[Glyph], cards: list[Box]) -> list[int | None]:
    """For each glyph, the index of the smallest card holding its centre."""
    owner: dict[int, int] = {}
    index = _ByX(glyphs)
    for i in sorted(range(len(cards)), key=lambda i: cards[i].area):
        box = cards[i]
        for g in index.near(box.x0, box.x1):
            if id(g) not in owner and _centre_in(box, g):
                owner[id(g)] = i
    return [owner.get(id(g)) for g in glyphs]


def _cut_at_boxes(region: list[list[Glyph]], boxes: list[Box]) -> list[list[list[Glyph]]]:
    """Cut a region of loose text where a box lies between two of its rows
    (the title above a grid of cards and the note below it are two items)."""
    if not boxes or len(region) < 2:
        return [region]
    x0 = min(g.x0 for row in region for g in row)
    x1 = max(g.x1 for row in region for g in row)
    out, cur = [], [region[0]]
    for prev, row in zip(region, region[1:]):
        above = max(g.bottom for g in prev)
        below = min(g.top for g in row)
        if any(b.x0 < x1 and b.x1 > x0 and b.top >= above - 2.0 and b.bottom <= below + 2.0 for b in boxes):
            out.append(cur)
            cur = []
        cur.append(row)
    out.append(cur)
    return out


def _separated(items: list[tuple], lo: int, hi: int, tol: float = 2.0) -> list[list[tuple]]:
    """Groups of items that no line across axis ``lo``/``hi`` (fields of the
    item tuples: 2/3 for top/bottom, 0/1 for left/right) passes between,
    in order along that axis (items may touch by ``tol`` points)."""
    srt = sorted(items, key=lambda it: it[lo])
    groups, cur, reach = [], [srt[0]], srt[0][hi]
    for it in srt[1:]:
        if it[lo] >= reach - tol:
            groups.append(cur)
            cur, reach = [it], it[hi]
        else:
            cur.append(it)
            reach = max(reach, it[hi])
    groups.append(cur)
    return groups


def _xy_order(items: list[tuple], rtl: bool) -> list[tuple]:
    """Order boxes ``(x0, x1, top, bottom, payload)`` for reading, XY-cut style.

    Items are cut into bands where a horizontal line passes between them
    (top to bottom), and a band into columns where a vertical line does
    (right to left on a right-to-left page); each part is ordered the same
    way. Items that no line separates keep their top-to-bottom order.
    """
    if len(items) < 2:
        return list(items)
    bands = _separated(items, 2, 3)
    if len(bands) > 1:
        return [x for band in bands for x in _xy_order(band, rtl)]
    cols = _separated(items, 0, 1)
    if len(cols) > 1:
        if rtl:
            cols.reverse()
        return [x for col in cols for x in _xy_order(col, rtl)]
    return sorted(items, key=lambda it: (it[2], -it[1] if rtl else it[0]))


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
# Blocks


class BlockDraft(NamedTuple):
    """A block before it becomes a :class:`~pipeline.read.blocks.Block`
    (``joins`` as there)."""

    lines: list[Line]
    list_item: bool
    joins: tuple[str | None, ...] = ()


class _Region(NamedTuple):
    left: float
    right: float
    start_flush: bool  # most lines begin at the region's start edge


def region_frames(
    regions_lines: list[list[Line]], open_sides: list[tuple[float | None, float | None]] | None = None
) -> list[tuple[float, float] | None]:
    """The extent of the column each region is set in, where its own lines
    understate it.

    A region knows its column's width only from its lines: a region of a
    few short lines (a figure legend alone on the last page, an address
    panel of a tri-fold) looks as wide as its longest line, so every line in
    it seems full and wrapped. Regions whose lines are flush with the same
    edge (within 2 pt; the right edge of right-aligned text, the left of
    left-aligned, either for justified) are set in the same column on some
    page; the width most of their lines have (the line-weighted median) is
    that column's width. A region flush with an edge no other region shares,
    whose far side faces the page's margin (no other text beside it there:
    ``open_sides``), is set in a column that reaches the margin.

    Args:
        regions_lines: the document's regions, each its lines.
        open_sides: per region, ``(left, right)``: the page's text edge on
            that side when no other text of the page lies between the
            region and it, else ``None``.

    Returns:
        For each region, ``(left, right)`` with the far edge moved out when
        the column is wider than the region's lines, else ``None``.
    """
    info = []
    for lines in regions_lines:
        if not lines:
            info.append(None)
            continue
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        at_left = sum(line.x0 - left <= 1.0 for line in lines) * 2 > len(lines)
        at_right = sum(right - line.x1 <= 1.0 for line in lines) * 2 > len(lines)
        info.append((left, right, at_left, at_right, len(lines)))

    def typical(side: int, edge: float, width: float, open_edge: float | None) -> float:
        # Peers narrower than the region are other columns sharing an edge.
        peers = sorted(
            (o[1] - o[0], o[4]) for o in info
            if o is not None and o[2 + side] and abs(o[side] - edge) <= 2.0 and o[1] - o[0] >= width - 1.0
        )
        if len(peers) <= 1 and open_edge is not None:
            return abs(edge - open_edge)  # no other region in this column: up to the margin
        half, seen = sum(n for _, n in peers) / 2, 0
        for w, n in peers:
            seen += n
            if seen >= half:
                return w
        return 0.0

    out: list[tuple[float, float] | None] = []
    for k, own in enumerate(info):
        frame = None
        if own is not None:
            left, right, at_left, at_right, _ = own
            width = right - left
            edge_left, edge_right = open_sides[k] if open_sides else (None, None)
            # A region flush on both sides (justified) is as wide as its column.
            if at_right and (w := typical(1, right, width, None if at_left else edge_left)) > width + 1.0:
                frame = (right - w, right)
            elif at_left and not at_right and (w := typical(0, left, width, edge_right)) > width + 1.0:
                frame = (left, left + w)
        out.append(frame)
    return out


def region_blocks(
    lines: list[Line],
    pitch_em: float,
    greedy: bool = True,
    frame: tuple[float, float] | None = None,
    gap_em: float | None = None,
) -> list[BlockDraft]:
    """Split a region's lines (top to bottom) into paragraph-like blocks.

    A new block starts at:

    * a list marker (glyph or drawn bullet, pitfall 8);
    * a change of style: font size (more than 15 %), bold, typeface, or script (a
      Latin-only line after an Arabic one, or the reverse, unless the line
      before was full and the producer fills lines greedily: a wrap);
    * a wider line spacing than usual: the baseline pitch, in ems of the
      larger size, above ``PARAGRAPH_PITCH`` × ``pitch_em`` (the document's
      usual pitch), or above ``gap_em`` when the document shows a smaller
      paragraph spacing (:func:`paragraph_pitch`);
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
        frame: the ``(left, right)`` of the region's column when its lines
            understate it (:func:`region_frames`).
        gap_em: the pitch in ems above which a line starts a paragraph
            (default ``PARAGRAPH_PITCH`` × ``pitch_em``).
    """
    if not lines:
        return []
    region = _region_geometry(lines, frame)
    blocks: list[BlockDraft] = []
    cur: list[Line] = []
    item = False
    for line in lines:
        if cur and not _continues(cur, line, item, gap_em or PARAGRAPH_PITCH * pitch_em, region, greedy):
            blocks.append(BlockDraft(cur, item))
            cur = []
        if not cur:
            item = line.marker
        cur.append(line)
    if cur:
        blocks.append(BlockDraft(cur, item))
    if greedy:
        blocks = [b._replace(joins=line_joins(b.lines, region)) if len(b.lines) > 1 else b for b in blocks]
    return blocks


_URL_END_RE = re.compile(r"(?:https?://|www\.|[^\s@]+@)\S*[-/._~=&?#]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z0-9]")


def line_joins(lines: list[Line], region: _Region) -> tuple[str | None, ...]:
    """How each line after the first continues the one before (``Block.joins``).

    With greedy line filling, a line that had room for the next line's
    first word ended there on purpose (a hard break: ``None``); otherwise
    the producer wrapped it (``" "``). A URL or e-mail address cut after
    ``-``, ``/``, ``.`` … and continued by Latin text was wrapped inside
    itself (``""``).
    """
    out: list[str | None] = []
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        if _word_fits(lines[:i], line, region):
            out.append(None)
        elif _URL_END_RE.search(prev.text.rstrip()) and _LATIN_START_RE.match(line.text.lstrip()):
            out.append("")
        else:
            out.append(" ")
    return tuple(out)


def _region_geometry(lines: list[Line], frame: tuple[float, float] | None = None) -> _Region:
    left, right = frame or (min(line.x0 for line in lines), max(line.x1 for line in lines))
    starts = [line.x1 - right if line.rtl else line.x0 - left for line in lines if not line.marker]
    flush = sum(abs(d) <= 1.0 for d in starts)
    return _Region(left, right, flush * 2 > len(starts))


def _continues(cur: list[Line], line: Line, item: bool, gap_em: float, region: _Region, greedy: bool) -> bool:
    prev = cur[-1]
    if line.marker:
        return False
    if line.script and prev.script and line.script != prev.script:
        # A change of script starts a new block, unless the line before was
        # full: then the producer wrapped one paragraph (a URL after its
        # Arabic label, cut at a hyphen).
        if not greedy or _word_fits(cur, line, region):
            return False
    if line.bold is not None and prev.bold is not None and line.bold != prev.bold:
        return False
    if line.font and prev.font and line.font != prev.font and line.script == prev.script:
        return False  # another typeface: a heading set in its own font
    big = max(line.size, prev.size)
    if abs(line.size - prev.size) > 0.15 * big:
        return False
    pitch = (line.base - prev.base) / big
    if pitch <= 0.3 or pitch > gap_em:
        return False
    sign = 1 if line.rtl else -1  # inset > 0: further from the start edge
    if item:
        if region.start_flush:
            # Hanging indent: continuation lines start at the item's text edge.
            return abs(sign * (cur[0].start - line.start)) <= 1.0 * big
        return True
    if greedy and _word_fits(cur, line, region):
        return False
    if not region.start_flush and len(cur) >= 2 and _block_flush(cur, region):
        # A region of centred and justified text (an official gazette: centred
        # article headings between justified paragraphs) has no start edge of
        # its own, but a paragraph whose lines after the first all start at
        # the region's start edge is start-aligned: a line set in from that
        # edge (a centred heading after a full last line) is not its
        # continuation.
        if _start_inset(line, region) > 1.0 * big:
            return False
    if region.start_flush:
        inset = sign * (prev.start - line.start)
        if inset > 1.0 * big:
            return False  # first-line indent of a new paragraph
        if inset < -1.0 * big and len(cur) > 1:
            return False  # starts outside the paragraph's edge
    return True


def _block_flush(cur: list[Line], region: _Region) -> bool:
    """Every line of the block after its first starts at the region's start edge."""
    return all(abs(_start_inset(line, region)) <= 1.0 for line in cur[1:])


def _word_fits(cur: list[Line], line: Line, region: _Region) -> bool:
    prev = cur[-1]
    free = (prev.x0 - region.left) + (region.right - prev.x1)
    if len(cur) == 1 and region.start_flush:
        free -= _start_inset(prev, region)  # a first-line indent is not free room
    return free > line.first_word + 0.5 * line.size


def paragraph_pitch(regions_lines: list[list[Line]], pitch_em: float, greedy: bool) -> float:
    """The line pitch (ems) above which a line starts a new paragraph.

    ``PARAGRAPH_PITCH`` × the usual pitch, unless the document adds less
    space between paragraphs (Typst with a small ``par(spacing)``: 1.55 em
    against 1.40) and shows it: pairs of same-size lines whose pitch is 4
    to 15 % above the usual one are at least 3 and 5 % of all pairs, and
    most of them (60 %) follow a line that had room for the next one's
    first word, i.e. close a paragraph (so marks that push single lines
    apart do not count). Then the threshold sits just below the smallest
    such pitch. Only for producers that fill lines greedily.
    """
    default = PARAGRAPH_PITCH * pitch_em
    if not greedy:
        return default
    total = 0
    near: list[tuple[float, bool]] = []
    for lines in regions_lines:
        if len(lines) < 2:
            continue
        region = _region_geometry(lines)
        for prev, line in zip(lines, lines[1:]):
            if line.marker or prev.marker or abs(line.size - prev.size) > 0.05 * line.size or line.size <= 0:
                continue
            p = (line.base - prev.base) / line.size
            if p <= 0.3:
                continue
            total += 1
            if 1.04 * pitch_em < p <= default:
                near.append((p, _word_fits([prev, prev], line, region)))
    if len(near) < max(3, 0.05 * total) or sum(ends for _, ends in near) < 0.6 * len(near):
        return default
    return max(1.03 * pitch_em, min(p for p, _ in near) - 0.005 * pitch_em)


def wraps_greedily(regions_lines: list[list[Line]], pitch_em: float) -> bool:
    """Does the producer fill each line before breaking (as word processors,
    browsers and layout engines do)?

    Some generators break lines after a fixed number of characters; there a
    short line says nothing about a paragraph end. Greedy filling leaves a
    *long* line (at least 70 % of the region's width) with room for the next
    word only where a paragraph ends or the source broke the line (at most
    13 % of such pairs in the project's PDFs, up to 23 % in a short brochure
    of one-line fields); fixed-count breaking does so on about half of them
    (50 % in the ReportLab brochure). The producer fills greedily unless the
    share is surely above a quarter: the lower Wilson bound of the share
    (:func:`~.stats.wilson_interval`), so that a short document does not flip
    on one pair more or less (one bracketed aside added to a brochure used to
    turn 2/12 into 3/13 and join its fields and contact block).
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
    return wilson_interval(fits, total)[0] <= FIXED_COUNT_SHARE


def ends_full(block: list[Line], region_lines: list[Line], frame: tuple[float, float] | None, nxt: Line) -> bool:
    """The block's last line had no room for ``nxt``'s first word in its region
    (the producer wrapped there: the text goes on in ``nxt``)."""
    return not _word_fits(block, nxt, _region_geometry(region_lines, frame))


def starts_flush(line: Line, region_lines: list[Line], frame: tuple[float, float] | None) -> bool:
    """The line starts at its region's start edge (no first-line indent),
    or the region's lines do not share a start edge."""
    region = _region_geometry(region_lines, frame)
    if not region.start_flush:
        return True
    return abs(_start_inset(line, region)) <= 1.0 * line.size


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
