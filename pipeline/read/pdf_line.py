"""One row of glyphs → one line of text in logical order (PDF reader).

Works on :class:`Glyph` tuples in pdfplumber's coordinate convention
(points, origin at the top-left of the page, ``top < bottom``):
:func:`classify` sorts a glyph's text into base / mark / space / junk,
:func:`make_line` assembles a row (marks attached, spaces from space glyphs
or gaps, list marker removed) and :func:`reorder` turns the visual string
into logical order with the Unicode bidi algorithm (UAX #9, python-bidi).

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
# the drawn ones). "-" and "–" count only when followed by a space. A
# printed "*" starts a note (``* الأرقام مدققة``), not a list item: it stays.
BULLETS = frozenset("•◆◇▪▫■□●○◦‣⁃►▶➢➤✓✔❖")
WEAK_BULLETS = frozenset("-–")

# A gap wider than this many ems between two glyphs is a word break when the
# producer writes no space glyphs (pitfall 6). Measured inter-word gaps: 0.19
# to 0.29 em (Noto Naskh, Amiri, Liberation Serif); kerning inside words
# stays under 0.06 em. With space glyphs in the row, only a clearly wider gap
# counts, so joins in kerned words never become spaces.
GAP_SPACE_EM = 0.15
GAP_SPACE_EM_WITH_SPACES = 0.45
# A word gap is at least this share of the font's word space, where the
# font says how wide that is (a gap is the space's advance, kerning can take
# a little off it).
WORD_SPACE_SHARE = 0.8
_RTL = frozenset(("R", "AL"))


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
        run: index of the text-showing operator that drew it (content stream
            order); glyphs drawn by one operator belong to one run of text.
        faded: drawn with low opacity or a colour close to its background.
        space: the font's word space at this size in points (0 = unknown).
        font: the font's name without subset prefix (``""`` when unknown).
    """

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    kind: int
    run: int = 0
    faded: bool = False
    space: float = 0.0
    font: str = ""


class Line:
    """One visual line, in logical order.

    Attributes:
        text: the line's raw text in logical order (list marker removed).
        visual: the same text in visual (left-to-right drawing) order, the
            input of the bidi step; kept so the direction can be revised.
        rtl: the paragraph direction used for the bidi algorithm.
        own_dir: the direction follows from the line itself (it starts or
            ends with Arabic, or has Latin evidence such as a leading number
            or sentence punctuation drawn at one end); otherwise the
            document's vote decides (see :func:`latin_evidence`).
        top, bottom, x0, x1: the box of its text glyphs (marker excluded).
        base: the median bottom of its letters (steady across fonts, for
            line spacing).
        size: the most common font size of its glyphs, points.
        bold: at least 80 % of its letters are bold; ``None`` without letters
            (digits only: no evidence either way).
        font: the font of most of its letters (of its Arabic letters, when
            it has three), when it has at least three (``None`` otherwise): a
            line set in another font than the line before starts a new block
            (a gazette's article headings).
        marker: the line starts with a list marker (glyph or drawn bullet).
        script: ``"R"`` when it has right-to-left letters, ``"L"`` when only
            left-to-right ones, ``""`` when neither (digits, punctuation).
        n_letters: letters in the line (for the body-size statistics).
        first_word: width in points of its logical first word (the leftmost
            word of a Latin-only line, whatever its paragraph direction).
        ranges: which number ranges of ``visual`` (``14-15``, by order of
            :data:`RANGE_RE` matches) are set apart from the Arabic before them
            by a change of style (a bold label): producers that run the bidi
            algorithm per style run draw those in another order (see
            :func:`reorder_ranges`).
        page: the page number, set by the reader when it assembles blocks.
        latin_led: Latin-only, or Latin at both ends and mostly Latin (an
            English sentence with an Arabic word): the lines whose direction
            their script alone does not settle.
    """

    __slots__ = (
        "text", "visual", "rtl", "own_dir", "top", "bottom", "x0", "x1",
        "base", "size", "bold", "marker", "script", "n_letters", "first_word", "ranges", "page", "font",
        "latin_led",
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
    points and U+FFFD REPLACEMENT CHARACTER (InDesign's kashida glyphs,
    ligatures a font could not map) are dropped (pitfall 7); a glyph left
    with nothing is ``JUNK`` (it keeps its place on the line). A
    glyph whose compatibility form is only combining marks (e.g. the
    presentation form U+FE7C SHADDA ISOLATED, NFKC ``" ّ"``) is a ``MARK``
    holding the plain combining marks (pitfall 4).

    Returns:
        ``(clean_text, kind)``.
    """
    if text.isspace():
        return " ", SPACE
    clean = "".join(c for c in text if unicodedata.category(c) not in _DROP_CATEGORIES and c != "\ufffd")
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
# One line


def stream_neighbours(stream: list[Glyph]) -> dict[int, tuple[Glyph | None, Glyph | None]]:
    """For each combining mark (by ``id``), the glyphs drawn just before and
    just after it in the content stream, other marks and junk skipped; ``None``
    across a space.

    Shaping engines emit a mark next to its base letter: HarfBuzz-based
    producers (Chromium, LibreOffice, WeasyPrint, Typst) write right-to-left
    runs in visual order, mark *before* its base (``ة ّ ي`` for ``يّة``);
    producers writing logical order put it after (``ي ّ ة``). Either way the
    base of an Arabic mark is the right-hand one of its two neighbours,
    while the mark's own box can sit over either of them: a zero-width mark
    is drawn from an origin that fonts place differently (Amiri left of the
    letter, Noto Naskh inside it).
    """
    out: dict[int, tuple[Glyph | None, Glyph | None]] = {}
    pending: list[Glyph] = []
    prev: Glyph | None = None
    for g in stream:
        if g.kind == MARK:
            pending.append(g)
        elif g.kind == JUNK:
            continue
        else:
            nxt = g if g.kind == BASE else None
            for m in pending:
                out[id(m)] = (prev, nxt)
            pending = []
            prev = nxt
    for m in pending:
        out[id(m)] = (prev, None)
    return out


def make_line(
    row: list[Glyph], rtl_default: bool, bases: dict[int, tuple[Glyph | None, Glyph | None]] | None = None
) -> Line | None:
    """Turn a row of glyphs into a :class:`Line` in logical order.

    * Glyphs are sorted visually (by ``x0``, then ``x1``: a zero-width
      ligature component drawn at the left edge of its glyph comes first).
    * A combining mark goes with its base glyph, right after it in logical
      order; marks never open a word gap (pitfall 4). The base is the mark's
      content-stream neighbour (``bases``, see :func:`stream_neighbours`)
      when that one is on the row and near the mark, else the glyph whose
      x-range holds the mark's centre (else the nearest).
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
        bases: the marks' stream neighbours (:func:`stream_neighbours`), if known.

    Returns:
        The line, or ``None`` when it has no text (only spaces/junk).
    """
    marks = [g for g in row if g.kind == MARK]
    units = _dedupe(sorted((g for g in row if g.kind != MARK), key=lambda g: (g.x0, g.x1)))
    solid = [g for g in units if g.kind != SPACE]
    if not solid:
        return None
    if len(solid) < len(units):
        units = _drop_edge_spaces(units, solid)
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
    latin_led = n_rtl > 0 and left == "L" and right == "L" and n_ltr > n_rtl
    if latin_led:
        # Latin at both ends and mostly Latin: a left-to-right paragraph
        # with an Arabic word in it ("Jeremy is جرمي in Arabic"), unless the
        # producer forced a right-to-left one (an Arabic page's dir=rtl):
        # settled below from the line's own evidence, else by the document.
        rtl = False
    marker = False
    lead = solid[-1] if rtl else solid[0]
    if len(solid) > 1 and (lead.kind == JUNK or lead.text in BULLETS or lead.text in WEAK_BULLETS):
        nxt = solid[-2] if rtl else solid[1]
        gap = lead.x0 - nxt.x1 if rtl else nxt.x0 - lead.x1
        if lead.text in BULLETS or gap > GAP_SPACE_EM * lead.size:
            marker = True
            units = [g for g in units if g is not lead]
            solid = [g for g in solid if g is not lead]
    where: list[tuple[int, int, Glyph]] = []
    visual, words = _visual(units, solid, marks, bases, rtl, where)
    if not visual:
        return None
    if rtl and n_rtl and n_ltr + sum(g.text.isdigit() for g in solid) > 1:
        visual = _mark_run_order(visual, where)
    if (n_rtl and not latin_led) or not n_ltr:
        own_dir = True  # Arabic decides; a line of digits follows the page
    else:
        evidence = latin_evidence(visual)
        own_dir = evidence != 0
        rtl = evidence < 0 if own_dir else (rtl_default and not latin_led)
    bases = sorted(g.bottom for g in solid if g.kind == BASE) or [solid[0].bottom]
    sizes = Counter(round(g.size * 2) / 2 for g in solid if g.kind == BASE)
    letters = [g for g in solid if g.kind == BASE and is_letter(g.text)]
    # A Latin-only line reads left to right whatever its paragraph direction.
    first = words[-1] if rtl and n_rtl else words[0]
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
        font=_main_font(letters),
        marker=marker,
        script="R" if n_rtl else "L" if n_ltr else "",
        n_letters=len(letters),
        first_word=first[1] - first[0],
        ranges=_styled_ranges(units) if rtl and n_rtl else (),
        page=None,
        latin_led=latin_led or not n_rtl and n_ltr > 0,
    )


def _main_font(letters: list[Glyph]) -> str | None:
    """The font of most of a line's letters (of its Arabic ones when it has
    three: a URL or a Latin name in a fallback font does not change the
    typeface of an Arabic line); ``None`` below three letters."""
    arabic = [g for g in letters if strong_info(g.text)[1]]
    pool = arabic if len(arabic) >= 3 else letters
    return Counter(g.font for g in pool).most_common(1)[0][0] if len(pool) >= 3 else None


def _visual(
    units: list[Glyph], solid: list[Glyph], marks: list[Glyph], bases=None, rtl: bool = True,
    where: list[tuple[int, int, Glyph]] | None = None,
) -> tuple[str, list[tuple[float, float]]]:
    """The row's text in visual order with spaces, and its words' x-extents.

    Gaps are measured from the right edge of everything drawn so far, not
    from the previous glyph alone: a zero-width glyph inside a wide one (a
    ligature component, a glyph mapped to nothing) would otherwise open a
    gap the width of the rest of the wide glyph (pitfall 6).

    In a right-to-left line, an Arabic word drawn against a Latin word
    without a gap is a separate word (Word draws ``Python من`` with the
    space on the other side of the Latin run), unless it is a one-letter
    proclitic written onto the Latin word (``وPython``: the proclitic sits
    at the Latin word's logical start, its visual right end).

    ``where``, when given, receives ``(start, end, glyph)`` for each glyph's
    text in the returned string."""
    attached = _attach(solid, marks, bases)
    threshold = GAP_SPACE_EM_WITH_SPACES if len(units) > len(solid) else GAP_SPACE_EM
    pieces: list[str] = []
    words: list[list[float]] = []
    prev = None
    right = 0.0
    space = False
    for i, g in enumerate(units):
        if g.kind == SPACE:
            space = prev is not None
            continue
        if rtl and prev is not None and not space and _script_seam(prev, g, units, i):
            space = True
        if prev is not None and (space or _word_gap(prev, g, g.x0 - right, threshold)):
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
        if where is not None:
            at = sum(map(len, pieces))
            where.append((at, at + len(text), g))
        pieces.append(text)
        right = g.x1 if prev is None else max(right, g.x1)
        prev, space = g, False
    return "".join(pieces).strip(), [(a, b) for a, b in words]


def _word_gap(prev: Glyph, g: Glyph, gap: float, threshold: float) -> bool:
    """Is the blank ``gap`` (points) between two glyphs a word break?

    Wider than ``threshold`` ems of the smaller font, and, when both fonts
    say how wide their word space is, wider than ``WORD_SPACE_SHARE`` of the
    narrower word space: a producer that positions glyphs one by one (Word
    through some PDF converters) leaves gaps inside words (``استشاري ة``)
    that are wider than kerning but narrower than a space (pitfall 6)."""
    if gap <= threshold * min(g.size, prev.size):
        return False
    if prev.space > 0 and g.space > 0:
        return gap > WORD_SPACE_SHARE * min(prev.space, g.space)
    return True


_PROCLITICS = frozenset("وفبلك")


def _script_seam(prev: Glyph, g: Glyph, units: list[Glyph], i: int) -> bool:
    """A Latin and an Arabic word touch at ``prev``|``g`` in a right-to-left
    line and are separate words (see :func:`_visual`)."""
    before = strong_info(prev.text)[4]
    after = strong_info(g.text)[3]
    if before == "R" and after == "L":
        return True  # the Arabic word follows the Latin one
    if before == "L" and after == "R":
        word = ""
        for u in units[i:]:
            if u.kind == SPACE or not strong_info(u.text)[0]:
                break
            word += u.text
        return not (len(word) == 1 and word in _PROCLITICS)
    return False


# A phone number drawn as a left-to-right run (Word, InDesign): "+" at the
# left of digit groups. UAX #9 never draws it so in a right-to-left line (it
# puts the "+" after the first group: "26 07 430 539 90+").
_LTR_PHONE_RE = re.compile(r"(?<![\d+])\+\d{1,4}(?: \d{1,5}){1,6}(?!\d)")
_DIGIT_GROUPS_RE = re.compile(r"(?<![\d+])\d{1,5}(?: \d{1,5}){2,6}(?!\d)")
_LRO, _PDF = "\u202d", "\u202c"
_PHONE_LIKE_RE = re.compile(f"{_LTR_PHONE_RE.pattern}|{_DIGIT_GROUPS_RE.pattern}")


def _protect_ltr_numbers(visual: str) -> str:
    """Keep phone numbers that the producer drew left to right as drawn.

    A run with a leading ``+`` at its left is one. Digit groups without one
    read either way; the reading that starts with the trunk prefix ``0``
    (``0090 539 …``) is the number's (UAX #9 draws a right-to-left
    ``0090 539 430`` as ``430 539 0090``)."""

    def keep(m: re.Match) -> str:
        return _LRO + m.group(0) + _PDF

    def either(m: re.Match) -> str:
        text = m.group(0)
        if text.startswith("+"):
            return keep(m)
        parts = text.split(" ")
        if parts[0].startswith("0") and not parts[-1].startswith("0") and sum(map(len, parts)) >= 7:
            return _LRO + text + _PDF
        return text

    # One pass, each number on its own: a "+" number on the line says
    # nothing about the order of another one (``+971 4 331 4567 – 050 765 4321``).
    return _PHONE_LIKE_RE.sub(either, visual)


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
    its own; the mark is removed afterwards. The drawing is ambiguous
    (``P.O. Box 17`` could be ``17 P.O. Box``): a number right after a word
    that takes one (Box, Suite, Floor, BP, Postfach …) stays after it.
    Inside Arabic lines the number is left glued, as in ``Windows 10``.

    Two more cases where a visual line alone does not say what its
    paragraph said:

    * brackets around Latin text in a Latin-only line (``(IOM)``, even
      alone on a line after a wrap) belong to the Latin text: the
      paragraph's bidi saw the Latin before them. A pair drawn facing
      outwards (``)IOM(``: WeasyPrint and Typst store the logical bracket
      for a mirrored glyph) is turned around first;
    * a Latin token at the logical end of a right-to-left line (its visual
      left) that ends in punctuation (``https://www.iom.int/global-``) was
      cut by a line wrap inside the token: the punctuation belongs to it
      and stays at its end.

    In right-to-left lines with Arabic, numbers that UAX #9 would reorder
    but the producer may have drawn as a left-to-right run (an HTML
    ``dir="ltr"`` span, a ``direction: ltr`` cell) are read by what they
    are (:func:`_protect_ltr_numbers`: phone numbers; :func:`_rising_ranges`:
    ranges and time ranges), and ``@``/``#`` drawn at the left of a Latin
    word is that word's prefix (a handle, ``@SanabelJO``).
    """
    if latin_only:
        visual = _latin_brackets(visual, mark=rtl)
    if not rtl:
        return get_display(visual, base_dir="L").replace(_LRM, "").replace(_LRO, "").replace(_PDF, "")
    if latin_only and _strong_after(visual, 0) is None:
        # Numbers and punctuation only (a time cell, a phone on its own line).
        visual = _protect_ltr_numbers(_rising_ranges(visual))
    elif latin_only:
        visual = _mark_leading_number(visual)
    else:
        visual = _TRAILING_PUNCT_RE.sub(lambda m: m.group(0) + _LRM, visual, count=1)
        visual = _protect_ltr_numbers(visual)
        visual = _rising_ranges(visual)
        visual = _HANDLE_RE.sub(_LRM, visual)
        visual = _units_after_numbers(visual)
        # The line's digits stood in Arabic context when it was drawn (its
        # paragraph is Arabic): rule W2 made them Arabic numbers, after
        # which a ``%`` beside them is a neutral drawn at their other side
        # (``80%`` drawn ``%80``). Digits at the visual left end have no
        # Arabic letter before them in the visual string; an Arabic letter
        # mark gives them the context the paragraph gave.
        visual = _ALM + visual
    return (get_display(visual, base_dir="R").replace(_RLM, "").replace(_LRM, "").replace(_LRO, "")
            .replace(_PDF, "").replace(_ALM, ""))


_ALM = "\u061c"

# Units written after their number in any language (SI and computing units,
# degrees). In an Arabic paragraph ``5 kg`` is drawn ``kg 5`` (the number is
# an Arabic number there, UAX #9 W2, and the unit a Latin run after it),
# which the bidi algorithm read back would keep: ``kg 5``. A unit is never
# written before its number, so the drawing is read number first. Currency
# codes are not among them: ``USD 500`` and ``500 USD`` are both written,
# and both are drawn ``USD 500``.
_UNITS = ("kg", "mg", "km", "cm", "mm", "ml", "kW", "kWh", "Wh", "Hz", "kHz", "MHz", "GHz", "KB", "MB", "GB", "TB",
          "mAh", "dB", "m²", "m³", "km²", "cm²")
_UNIT = "(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + ")"
_NUMBER = r"([0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*)"
_UNIT_FIRST_RE = re.compile(rf"(?<![\w°.]){_UNIT} {_NUMBER}(?![\w.,٫٬%])")
_DEGREES_FIRST_RE = re.compile(r"(?<![\w°])([CF])° ?([0-9٠-٩۰-۹]+(?:[.,٫][0-9٠-٩۰-۹]+)?)(?![\w.,٫%])")


_NUMBER_FIRST_RE = re.compile(rf"(?<![\w.,٫٬]){_NUMBER} {_UNIT}(?![\w])")


def _units_after_numbers(visual: str) -> str:
    """A number and its unit in the visual string of an Arabic line, held
    left to right number first: ``kg 5`` → ``5 kg``, ``C°25`` → ``25°C``, and
    ``5 kg`` (a left-to-right span) kept (see :data:`_UNITS`)."""
    visual = _UNIT_FIRST_RE.sub(lambda m: f"{_LRO}{m[2]} {m[1]}{_PDF}", visual)
    visual = _NUMBER_FIRST_RE.sub(lambda m: f"{_LRO}{m[1]} {m[2]}{_PDF}", visual)
    return _DEGREES_FIRST_RE.sub(lambda m: f"{_LRO}{m[2]}°{m[1]}{_PDF}", visual)


_LRM = "\u200e"


def hold_leading_run(visual: str) -> str:
    """The visual line with its logical-start run held as drawn, left to right.

    In a right-to-left line the logical start is the visual right end. The
    run there (Latin letters, European digits and the neutrals between
    them, up to the rightmost right-to-left letter) is wrapped in a
    left-to-right override (LRO … PDF), which :func:`reorder` honours and
    removes. For a line that continues a left-to-right run which a soft
    wrap cut (``IBAN: JO71 … 8123`` / ``4567 890، أو …``): over the whole
    paragraph, UAX #9 gave the run's numbers the direction of the Latin
    text before them (W7), so they were drawn in their logical order; the
    line alone would read them as numbers in Arabic text (``890 4567``).

    Returns:
        ``visual`` with the marks, or unchanged when its right end has no
        Latin letter or European digit after the last right-to-left letter.
    """
    start = 0
    for i in range(len(visual) - 1, -1, -1):
        if strong_info(visual[i])[3] == "R":
            start = i + 1
            break
    held = [i for i in range(start, len(visual)) if visual[i].isascii() and visual[i].isalnum()
            or strong_info(visual[i])[3] == "L" and visual[i] != _LRM]
    if not held:
        return visual
    a, b = held[0], held[-1] + 1
    return visual[:a] + _LRO + visual[a:b] + _PDF + visual[b:]


# "@" or "#" drawn at the left of a Latin word, not inside a word: a handle
# or hashtag (``@SanabelJO``). In a right-to-left paragraph UAX #9 would
# put a neutral between Arabic and the word at the word's logical end;
# drawn on the word's left it was a left-to-right run (an LRM or
# ``dir="ltr"`` before it), and a handle is written with its prefix.
_HANDLE_RE = re.compile(r"(?<![^\s(\[«\u200f])(?=[@#][A-Za-z0-9_])")

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
# Two numbers of two digits or more, or two times, joined by a dash: a range.
_RANGE_SIDE = f"[{_DIGIT}]{{1,2}}:[{_DIGIT}]{{2}}|[{_DIGIT}]{{2,}}"
_TWO_RANGE_RE = re.compile(
    f"(?<![{_DIGIT}:.,/+\u2013\u2014-])({_RANGE_SIDE})( ?[-\u2013\u2014] ?)({_RANGE_SIDE})(?![{_DIGIT}:.,/\u2013\u2014-])"
)


def _range_value(side: str) -> int:
    hours, _, minutes = side.rpartition(":")
    value = int("".join(str(unicodedata.digit(c)) for c in minutes))
    if hours:
        value += 60 * int("".join(str(unicodedata.digit(c)) for c in hours))
    return value


def _rising_ranges(visual: str) -> str:
    """Read a two-sided range in a right-to-left line so that it goes up.

    In a right-to-left paragraph UAX #9 draws ``08:30 – 09:30`` and
    ``14–15`` reversed (``09:30 – 08:30``), but a producer draws the same
    range as written when it sits in a left-to-right run (a ``dir="ltr"``
    span or ``direction: ltr`` cell) or starts its paragraph (``220-240
    فولت``: with no Arabic letter before them the digits stay European
    numbers, W2, and the hyphen joins them, W4). The drawing alone cannot
    tell which; ranges go up (times, years, sizes, voltages), so the
    reading in which the range rises is taken: kept as drawn (a
    left-to-right override) or turned around (right-to-left marks keep the
    two numbers apart). Only ranges of two numbers of at least two digits,
    or of two times, count: ``2-1`` may be a section number.
    """

    def fix(m: re.Match) -> str:
        a, b = _range_value(m.group(1)), _range_value(m.group(3))
        if a < b:
            return _LRO + m.group(0) + _PDF
        if a > b:
            return m.group(1) + _RLM + m.group(2) + _RLM + m.group(3)
        return m.group(0)

    return _TWO_RANGE_RE.sub(fix, visual)


def _mark_run_order(visual: str, where: list[tuple[int, int, Glyph]]) -> str:
    """Keep apart the pieces of a non-Arabic stretch that the producer drew in right-to-left order.

    Producers that write a line's runs in logical order (LibreOffice, one
    operator per bidi run; WeasyPrint, per box and font) show it in the
    content stream: in a right-to-left line a run drawn *later* sits further
    left. Inside a stretch without Arabic letters (numbers, Latin words and
    the punctuation between them), runs drawn from right to left were
    separate right-to-left-ordered pieces (``9200 12345 | www.golden-home.sa``
    drawn ``www.golden-home.sa | 12345 9200``), which UAX #9 read back would
    glue into one left-to-right run (W7: digits after Latin take its
    direction). A right-to-left mark at each such run boundary keeps the
    pieces apart. Producers that write glyphs in visual order (Chromium, one
    operator per glyph from left to right) never draw a later run further
    left: nothing changes for them.
    """
    marks: list[int] = []
    stretch: list[tuple[int, int]] = []  # (start, run) of each run's first glyph in the stretch

    def close() -> None:
        runs = [r for _, r in stretch]
        if len(runs) > 1 and all(a > b for a, b in zip(runs, runs[1:])):
            marks.extend(at for at, _ in stretch[1:])
        stretch.clear()

    for start, _end, g in where:
        if strong_info(g.text)[1]:
            close()
            continue
        if not stretch or stretch[-1][1] != g.run:
            stretch.append((start, g.run))
    close()
    for at in reversed(marks):
        visual = visual[:at] + _RLM + visual[at:]
    return visual


# A range of European digits: 14-15, 2005–2009.
RANGE_RE = re.compile(r"[0-9]+[-\u2013][0-9]+")


def reorder_ranges(line: Line, which: tuple[int, ...]) -> str:
    """The line in logical order with the ranges ``which`` read as drawn.

    UAX #9 makes European digits after Arabic letters Arabic numbers (W2),
    and ``14-15`` in an Arabic paragraph is drawn ``15-14``; the reader's
    bidi step undoes that. A producer that runs the algorithm on each
    style run on its own (WeasyPrint: a bold label, then the value) starts
    the value's run without Arabic before the digits, draws ``14-15`` as
    is, and the same undoing reverses it. A left-to-right mark before such
    a range keeps it as drawn.
    """
    count = -1

    def mark(m: re.Match) -> str:
        nonlocal count
        count += 1
        return _LRM + m.group(0) if count in which else m.group(0)

    return reorder(RANGE_RE.sub(mark, line.visual), rtl=True)


def _styled_ranges(units: list[Glyph]) -> tuple[int, ...]:
    """Indices of the number ranges (left to right) that a change of style
    separates from the nearest Arabic letter to their right (logically before them)."""
    out = []
    k = -1
    i = 0
    n = len(units)
    while i < n:
        j = i
        while j < n and units[j].text.isascii() and units[j].text.isdigit():
            j += 1
        if j > i and j + 1 < n and units[j].text in ("-", "\u2013"):
            m = j + 1
            while m < n and units[m].text.isascii() and units[m].text.isdigit():
                m += 1
            if m > j + 1:
                k += 1
                style = (units[i].bold, units[i].size)
                for g in units[m:]:
                    if g.kind == BASE and (g.bold, g.size) != style:
                        out.append(k)
                        break
                    if g.kind == BASE and strong_info(g.text)[3] == "R":
                        break
                i = m
                continue
        i = max(j, i + 1)
    return tuple(out)

_OUTWARD_PAIR_RE = re.compile(r"\)([^()\u0590-\u08ff]*[A-Za-z][^()\u0590-\u08ff]*)\(")
_LATIN_PAIR_RE = re.compile(r"\(([^()\u0590-\u08ff]*[A-Za-z][^()\u0590-\u08ff]*)\)")
_TRAILING_PUNCT_RE = re.compile(r"^[^\s\u0590-\u08ff]*[A-Za-z][^\s\u0590-\u08ff]*?[A-Za-z0-9][-/._~=&?#]+(?=\s|$)")


def _latin_brackets(visual: str, mark: bool) -> str:
    visual = _OUTWARD_PAIR_RE.sub(lambda m: f"({m.group(1)})", visual)
    if mark:
        visual = _LATIN_PAIR_RE.sub(lambda m: _LRM + m.group(0), visual)
    return visual


# Latin words that are followed by their number (``P.O. Box 17``, ``Suite 4``,
# French ``BP 12``, German ``Postfach 3``): a number drawn right after one of
# them is read as its own, not as a leading number moved to the right end.
_NUMBER_TAKING_WORDS = frozenset(
    "box bp cp po no nr nº num number suite ste room rm floor fl apt apartment unit bldg building level "
    "postfach case casilla apartado tel phone fax ext km route".split()
)
_WORD_BEFORE_RE = re.compile(r"([A-Za-zº]+)\.?\s*$")


def _takes_number(visual: str, at: int) -> bool:
    m = _WORD_BEFORE_RE.search(visual, 0, at)
    return bool(m) and m.group(1).lower() in _NUMBER_TAKING_WORDS


def _mark_leading_number(visual: str) -> str:
    for m in reversed(list(_EN_RUN_RE.finditer(visual))):
        before = _strong_before(visual, m.start())
        after = _strong_after(visual, m.end())
        if after == "R" or after is None:
            if _takes_number(visual, m.start()):
                return visual
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


def _drop_edge_spaces(units: list[Glyph], solid: list[Glyph]) -> list[Glyph]:
    """Drop space glyphs that reach a line's outer edge.

    Typst draws a justified line's trailing space at the line's end, on top
    of its last letter (both start at the line's left edge): there it
    separates nothing, but sorted among the glyphs it split the word
    (``وم ا``). A space at either edge of a line is never a word break.
    """
    letters = [g for g in solid if g.kind == BASE] or solid
    lo = min(g.x0 for g in letters)
    hi = max(g.x1 for g in letters)
    return [g for g in units if g.kind != SPACE or (g.x0 > lo + 0.01 and g.x1 < hi - 0.01)]


def _dedupe(units: list[Glyph]) -> list[Glyph]:
    out: list[Glyph] = []
    for g in units:
        if out:
            p = out[-1]
            if p.text == g.text and g.kind != SPACE and abs(g.x0 - p.x0) < 0.1 * g.size and abs(g.top - p.top) < 0.1 * g.size:
                continue
        out.append(g)
    return out


def _attach(solid: list[Glyph], marks: list[Glyph], bases=None) -> dict[int, str]:
    """Map each base glyph (by id) to the combining marks that belong to it."""
    if not marks:
        return {}
    lefts = [g.x0 for g in solid]
    on_row = {id(g) for g in solid if g.kind == BASE} if bases else set()
    out: dict[int, str] = {}
    for m in sorted(marks, key=lambda m: m.x0):
        cx = (m.x0 + m.x1) / 2
        hinted = _stream_base(m, cx, bases, on_row) if bases else None
        if hinted is not None:
            _add_marks(out, hinted, m.text)
            continue
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
            _add_marks(out, best, m.text)
    return out


def _add_marks(out: dict[int, str], base: Glyph, marks: str) -> None:
    """Give ``base`` the marks it does not carry yet: a letter never has the
    same mark twice, so a mark drawn twice (or that the letter's own text
    already holds) counts once."""
    have = out.get(id(base), "")
    for c in marks:
        if c not in have and c not in base.text:
            have += c
    out[id(base)] = have


def _stream_base(m: Glyph, cx: float, bases, on_row: set[int]) -> Glyph | None:
    """The mark's base among its stream neighbours: on the row, within half an
    em of the mark, the right-hand one for an Arabic mark (left-hand for a
    left-to-right script's)."""
    found = [
        g for g in bases.get(id(m), ())
        if g is not None and id(g) in on_row and g.x0 - 0.5 * g.size <= cx <= g.x1 + 0.5 * g.size
    ]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    rtl = _is_rtl_mark(m.text)
    return max(found, key=lambda g: g.x0 + g.x1) if rtl else min(found, key=lambda g: g.x0 + g.x1)


def _is_rtl_mark(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc" for c in text)
