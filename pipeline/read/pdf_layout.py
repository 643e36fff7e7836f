"""Page geometry for the PDF reader: rows → columns → regions → blocks.

Works on :class:`~.pdf_line.Glyph` tuples in pdfplumber's coordinate
convention (points, origin at the top-left of the page, ``top < bottom``) and
knows nothing about PDF files. The steps, in the order :mod:`pipeline.read.pdf`
calls them:

1. :func:`page_regions` groups a page's glyphs into rows by vertical overlap,
   finds column gutters, and returns the page's *regions* (runs of rows that
   read top to bottom: the single-column parts, and each column of a
   multi-column section, right column first on a right-to-left page);
   :func:`attach_marks` puts combining marks into their rows.
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

# Column gutters: at least this many ems wide, seen on this many rows with
# text on both sides, and columns whose typical line is at least this long.
GUTTER_EM = 1.2
# A paragraph gap: a baseline pitch this much above the usual one. Line
# pitch inside a paragraph varies by under 5 % (marks, mixed fonts); word
# processors add a quarter of a line or more between paragraphs (LibreOffice
# here: 2.5 em against 1.95 em, a ratio of 1.28).
PARAGRAPH_PITCH = 1.15
GUTTER_MIN_ROWS = 3
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


def region_frames(regions_lines: list[list[Line]]) -> list[tuple[float, float] | None]:
    """The extent of the column each region is set in, where its own lines
    understate it.

    A region knows its column's width only from its lines: a region of a
    few short lines (a figure legend alone on the last page) looks as wide
    as its longest line, so every line in it seems full and wrapped. Regions
    whose lines are flush with the same edge (within 2 pt; the right edge
    of right-aligned text, the left of left-aligned, either for justified)
    are set in the same column on some page; the width most of their lines
    have (the line-weighted median) is that column's width.

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

    def typical(side: int, edge: float) -> float:
        peers = sorted(
            (o[1] - o[0], o[4]) for o in info if o is not None and o[2 + side] and abs(o[side] - edge) <= 2.0
        )
        half, seen = sum(n for _, n in peers) / 2, 0
        for w, n in peers:
            seen += n
            if seen >= half:
                return w
        return 0.0

    out: list[tuple[float, float] | None] = []
    for own in info:
        frame = None
        if own is not None:
            left, right, at_left, at_right, _ = own
            width = right - left
            if at_right and (w := typical(1, right)) > width + 1.0:
                frame = (right - w, right)
            elif at_left and not at_right and (w := typical(0, left)) > width + 1.0:
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
