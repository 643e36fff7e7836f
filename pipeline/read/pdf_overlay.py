"""Text drawn over text (PDF reader): decorations dropped, layers kept apart.

Designers draw a faint copy of a heading behind it, a big light number
behind a card's title, a shadow under a title (the same text again, a few
points off). Read as one row, the two texts interleave letter by letter
into character soup (``الممن عالتلميطدللييبن``). This module finds such
overlays on a page before rows are built:

* glyphs are grouped into *strings*: glyphs drawn one after another in the
  content stream in the same font, size and paint, on one baseline, next to
  each other (producers split a line into text operators differently —
  Chromium draws each glyph with its own operator, so the backend's ``run``
  alone says little);
* two strings *overlap* when a good share of their glyphs cover each other
  (combining marks aside: they sit on their letters by design);
* of two overlapping strings, a faint one (low opacity or a colour close to
  its background, see :mod:`.pdf_backend`) under a solid one is decoration
  and is dropped; a copy of the same text (a shadow, an outline, a fake-bold
  overprint) is dropped too, keeping the one drawn last (on top); two
  different solid texts are both kept, on separate *layers* that the reader
  lays out one by one, so neither cuts through the other's lines.

Works on :class:`~.pdf_line.Glyph` tuples only; knows nothing of PDF files.
"""

from __future__ import annotations

from collections import defaultdict

from .pdf_line import MARK, SPACE, Glyph

# Two glyph boxes cover each other when their intersection is at least this
# share of the smaller box (a line's boxes touch the next line's by a few
# hundredths at tight leading; kerning overlaps neighbours by less).
COVER_SHARE = 0.3
# A string overlaps another when at least this share of the smaller
# string's glyphs (and at least OVERLAP_MIN of them) cover a glyph of the other.
OVERLAP_SHARE = 0.25
OVERLAP_MIN = 2
# Same text: this share of the covering glyph pairs carry the same letter.
COPY_SHARE = 0.6
# Glyphs further apart than this (ems) along the baseline start a new string.
STRING_GAP_EM = 1.5


def separate_overlays(stream: list[Glyph]) -> tuple[list[Glyph], list[list[Glyph]]]:
    """Split a page's glyphs into the main text and the overlay layers.

    Args:
        stream: the page's glyphs (marks included) in content-stream order.

    Returns:
        ``(main, layers)``: the glyphs to lay out as the page's text, in
        stream order, and the solid texts drawn over other text, one list of
        glyphs per layer (usually none). Dropped decorations are in neither.
    """
    strings = _strings(stream)
    if len(strings) < 2:
        return stream, []
    pairs = _overlapping_pairs(strings)
    if not pairs:
        return stream, []
    dropped: set[int] = set()
    layer_of: dict[int, int] = {}
    for (a, b), covers in sorted(pairs.items()):
        if a in dropped or b in dropped:
            continue
        sa, sb = strings[a], strings[b]
        faded_a, faded_b = sa[0].faded, sb[0].faded
        if faded_a != faded_b:
            dropped.add(a if faded_a else b)
        elif sum(x.text == y.text for x, y in covers) >= COPY_SHARE * len(covers):
            dropped.add(a)  # a copy drawn under the later one (b: drawn after a)
        elif faded_a:
            continue  # two faint texts: both decoration of nothing solid; leave them
        else:
            layer_of[b] = max(layer_of.get(b, 0), layer_of.get(a, 0) + 1)
    main: list[Glyph] = []
    layers: dict[int, list[Glyph]] = defaultdict(list)
    for k, s in enumerate(strings):
        if k in dropped:
            continue
        depth = layer_of.get(k, 0)
        (main if depth == 0 else layers[depth]).extend(s)
    if not layers:
        if not dropped:
            return stream, []
        keep = {id(g) for g in main}
        return [g for g in stream if id(g) in keep], []
    keep = {id(g) for g in main}
    return [g for g in stream if id(g) in keep], [layers[d] for d in sorted(layers)]


def _strings(stream: list[Glyph]) -> list[list[Glyph]]:
    """Consecutive glyphs of one font, size and paint on one baseline, side by side."""
    out: list[list[Glyph]] = []
    cur: list[Glyph] = []
    last: Glyph | None = None
    for g in stream:
        if last is not None and _continues(last, g):
            cur.append(g)
        else:
            if cur:
                out.append(cur)
            cur = [g]
        if g.kind != MARK:
            last = g
    if cur:
        out.append(cur)
    return out


def _continues(prev: Glyph, g: Glyph) -> bool:
    if g.kind == MARK:
        return True  # a mark follows (or precedes) its letter in the stream
    size = max(prev.size, g.size, 1.0)
    if abs(prev.size - g.size) > 0.02 * size or prev.faded != g.faded or prev.font != g.font:
        return False
    if abs(prev.bottom - g.bottom) > 0.15 * size:
        return False
    gap = max(g.x0 - prev.x1, prev.x0 - g.x1)
    return gap <= STRING_GAP_EM * size


def _overlapping_pairs(strings: list[list[Glyph]]) -> dict[tuple[int, int], list[tuple[Glyph, Glyph]]]:
    """``{(a, b): [(glyph of a, glyph of b), ...]}`` for strings ``a < b`` that overlap.

    Only strings whose boxes intersect are compared glyph by glyph (a sweep
    over the strings' tops), so a page costs little more than sorting them."""
    solid = [[g for g in s if g.kind not in (MARK, SPACE) and g.text] for s in strings]
    boxes = [
        (min(g.x0 for g in s), max(g.x1 for g in s), min(g.top for g in s), max(g.bottom for g in s)) if s else None
        for s in solid
    ]
    order = sorted((k for k, b in enumerate(boxes) if b is not None), key=lambda k: boxes[k][2])
    out = {}
    active: list[int] = []
    for k in order:
        x0, x1, top, bottom = boxes[k]
        active = [j for j in active if boxes[j][3] > top]
        for j in active:
            jx0, jx1, _, _ = boxes[j]
            if min(x1, jx1) <= max(x0, jx0):
                continue
            a, b = min(j, k), max(j, k)
            found = _covering(solid[a], solid[b])
            n = min(len({id(x) for x, _ in found}), len({id(y) for _, y in found}))
            if n >= OVERLAP_MIN and n >= OVERLAP_SHARE * min(len(solid[a]), len(solid[b])):
                out[(a, b)] = found
        active.append(k)
    return out


def _covering(sa: list[Glyph], sb: list[Glyph]) -> list[tuple[Glyph, Glyph]]:
    """Pairs of glyphs of ``sa`` and ``sb`` that cover each other (each glyph
    of ``sa`` paired with the glyph of ``sb`` it covers most)."""
    ix0 = max(min(g.x0 for g in sa), min(g.x0 for g in sb))
    ix1 = min(max(g.x1 for g in sa), max(g.x1 for g in sb))
    cand = [g for g in sb if g.x1 > ix0 and g.x0 < ix1]
    out = []
    for x in sa:
        if x.x1 <= ix0 or x.x0 >= ix1:
            continue
        best, best_area = None, 0.0
        for y in cand:
            area = _cover_area(x, y)
            if area > best_area:
                best, best_area = y, area
        if best is not None:
            out.append((x, best))
    return out


def _cover_area(a: Glyph, b: Glyph) -> float:
    """The share of the smaller box that the two boxes share, when at least
    ``COVER_SHARE``; else 0."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    share = w * h / smaller if smaller > 0 else 0.0
    return share if share >= COVER_SHARE else 0.0

