"""What the structured-format readers (Markdown, HTML, DOCX) share.

* :class:`LineBuilder` collects a block's inline text piece by piece (text
  nodes, Word runs, Markdown inline tokens): whitespace collapsed as CSS
  ``white-space: normal`` does (or kept, for preformatted text), hard and soft
  line breaks, which characters are bold, which are links, and in which
  declared language each piece is.
* :func:`strip_glyph_bullet` recognises a list item typed as text (``◆ …``),
  the way brochures set bullets when the producer has no list markup.
* :func:`build_grid` places table cells with row and column spans on a grid
  by the HTML table model (each cell at the first free slot of its row).
* :func:`first_strong_direction` is UAX #9's rule P2 (the first strong
  character decides), for tables whose source declares no direction.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from .blocks import Block, TableCell, TableGrid

# Bullet glyphs a brochure types as text before an item (the diamond ◆
# U+25C6 of the seed brochure, bullets, squares, arrows, check marks).
BULLET_GLYPHS = "•◆◇▪▫■□●○►▶➢✓✔"
_GLYPH_BULLET_RE = re.compile(rf"^[\s\u00a0]*[{BULLET_GLYPHS}][\s\u00a0]+")
# CSS white-space: normal collapses only ASCII whitespace (not U+00A0).
_COLLAPSIBLE_RE = re.compile(r"[ \t\n\r\f]+")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")


def strip_glyph_bullet(line: str) -> str | None:
    """The rest of ``line`` when it starts with a typed bullet glyph and a space, else ``None``."""
    m = _GLYPH_BULLET_RE.match(line)
    return line[m.end():] if m else None


@cache
def _likely_script(lang: str) -> str | None:
    """ISO 15924 script of a BCP 47 tag: its own script subtag, else CLDR's
    likely subtags (Babel): ``hi`` → ``Deva``, ``ar`` → ``Arab``."""
    from babel.core import get_global

    parts = lang.replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    likely = get_global("likely_subtags").get(parts[0].lower())
    return next((p for p in (likely or "").split("_")[1:] if len(p) == 4), None)


def _letters_script(text: str) -> str | None:
    """``"Arab"`` or ``"Latn"`` for the script of most letters, ``None`` for others or none."""
    arabic = latin = 0
    for char in text:
        if ARABIC_LETTER_RE.match(char):
            arabic += 1
        elif char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
    if not arabic and not latin:
        return None
    return "Arab" if arabic >= latin else "Latn"


def plausible_lang(lang: str | None, text: str) -> str | None:
    """The declared language of ``text``, or ``None`` when its script
    contradicts the text's letters.

    Producers stamp their locale's defaults on text they did not write:
    LibreOffice in an English locale declares Arabic text ``hi-IN`` (its
    default complex-script language), templates declare ``lang="en"`` over
    Arabic pages. A declaration whose likely script (CLDR) is not the script
    of the text's letters is such a default, not the author's.
    """
    if not lang:
        return None
    script = _letters_script(text)
    likely = _likely_script(lang)
    return lang if script is None or likely is None or likely == script else None


def first_strong_direction(text: str) -> str | None:
    """``"rtl"`` or ``"ltr"`` from the first strong character (UAX #9 P2:
    bidi classes L, R, AL), ``None`` when the text has none."""
    for char in text:
        cls = unicodedata.bidirectional(char)
        if cls == "L":
            return "ltr"
        if cls in ("R", "AL"):
            return "rtl"
    return None


@dataclass(slots=True)
class ListItem:
    """An open list item while a reader walks it: its nesting level and the
    index of its block once emitted."""

    level: int
    index: int | None = None


def append_block(blocks: list[Block], block: Block, item: ListItem | None) -> None:
    """Append a paragraph-like block to ``blocks``, as part of list item ``item``
    (``None`` outside lists).

    The first block of an item is the item (``list_item``, ``list_level``);
    a later paragraph of the same item joins its block while nothing came
    between (a hard break between them), else stands alone. Outside that, a
    block typed with a bullet glyph (``◆ …``) is a list item one level below
    the enclosing item; headings and code are never items.
    """
    if item is not None and block.heading_level is None:
        if item.index is None:
            item.index = len(blocks)
            blocks.append(replace(block, list_item=True, list_level=item.level))
            return
        if item.index == len(blocks) - 1:
            prev = blocks[-1]
            joins = (prev.joins or (None,) * (len(prev.lines) - 1)) + (None,) + (
                block.joins or (None,) * (len(block.lines) - 1)
            )
            blocks[-1] = replace(
                prev,
                lines=prev.lines + block.lines,
                joins=joins if any(j is not None for j in joins) else (),
                bold=prev.bold and block.bold,
                links=prev.links + block.links,
                line_end=block.line_end if block.line_end is not None else prev.line_end,
            )
            return
    if block.heading_level is None and block.hint != "code" and not block.list_item:
        rest = strip_glyph_bullet(block.lines[0])
        if rest is not None and rest.strip():
            level = item.level + 1 if item is not None else 0
            block = replace(block, lines=(rest.strip(),) + block.lines[1:], list_item=True, list_level=level)
    blocks.append(block)


@dataclass(frozen=True, slots=True)
class Inline:
    """A block's inline content as collected by :class:`LineBuilder`.

    Attributes:
        lines: the lines, stripped, in order (empty lines dropped).
        joins: as :attr:`Block.joins` (empty when every break is hard).
        bold: every non-space character is bold (and there is one).
        links: ``(text, url)`` pairs in order.
        lang: the declared language of most of the letters (``None`` when
            most have none, or a declaration their script contradicts:
            :func:`plausible_lang`).
    """

    lines: tuple[str, ...]
    joins: tuple[str | None, ...]
    bold: bool
    links: tuple[tuple[str, str], ...]
    lang: str | None


def _arabic_word(piece: str) -> bool:
    """Whether ``piece`` starts with an Arabic word of two letters or more
    (tatweel aside): ``أسرة``, not the abbreviations ``م``، ``هـ`` or an
    ordinal's ``ـة`` written against a number."""
    letters = 0
    for ch in piece:
        if ch == "\u0640":
            if letters == 0:
                return False  # ``٣ـة``: a suffix drawn out from the number
            continue
        if not ("\u0620" <= ch <= "\u06ff" and ch.isalpha()):
            break
        letters += 1
    return letters >= 2


class LineBuilder:
    """Collects the inline content of one block (see the module docstring).

    Call :meth:`text` for each piece in reading order, :meth:`hard_break`
    for a real line break (``<br>``, ``w:br``, a Markdown hard break) and
    :meth:`soft_break` for a wrap (a Markdown soft line break); then
    :meth:`build`.
    """

    def __init__(self) -> None:
        self._lines: list[str] = [""]
        self._joins: list[str | None] = []
        self._chars = 0
        self._bold = 0
        self._langs: Counter[str | None] = Counter()
        self._links: list[tuple[str, str]] = []
        self._link_url: str | None = None
        self._link_text: list[str] = []
        self._boundary = False

    def element_boundary(self) -> None:
        """An inline element starts or ends here (HTML). A number followed by
        an Arabic word at it without a space were set apart by the page's
        style (``<span class="n">١٢٬٤٥٠</span>أسرة مستفيدة``: a key figure
        shown as a block over its label): the next piece starts with a space
        there. A letter before a number is not (``و<span>5</span>``: a
        producer's span around digits after the conjunction و), nor a
        one-letter abbreviation or suffix after it (``<b>١٩٩٨</b>م``،
        ``1445</span>هـ``، ``٣ـة``)."""
        self._boundary = True

    def text(self, piece: str, *, bold: bool = False, link: str | None = None,
             lang: str | None = None, preserve: bool = False) -> None:
        """Append a piece of text.

        Args:
            piece: the text as in the source.
            bold: the piece is set in bold.
            link: the URL the piece links to, if any (consecutive pieces with
                the same URL make one link).
            lang: the language declared for the piece.
            preserve: keep whitespace and line feeds as they are (``<pre>``,
                code); else runs of ASCII whitespace collapse to one space.
        """
        if link != self._link_url:
            self._close_link()
            self._link_url = link
        if preserve:
            parts = piece.replace("\r\n", "\n").split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.hard_break()
                self._append(part, bold, lang)
            return
        self._append(_COLLAPSIBLE_RE.sub(" ", piece), bold, lang)

    def _append(self, piece: str, bold: bool, lang: str | None) -> None:
        if not piece:
            return
        line = self._lines[-1]
        if piece.startswith(" ") and (not line or line.endswith(" ")):
            piece = piece[1:]
        if self._boundary and line and piece and line[-1].isdigit() and _arabic_word(piece):
            piece = " " + piece
        self._boundary = False
        self._lines[-1] = line + piece
        if self._link_url is not None:
            self._link_text.append(piece)
        visible = sum(1 for c in piece if not c.isspace())
        self._chars += visible
        if bold:
            self._bold += visible
        letters = sum(1 for c in piece if c.isalpha())
        if letters:
            self._langs[plausible_lang(lang, piece)] += letters

    def hard_break(self) -> None:
        """A real line break of the source."""
        self._break(None)

    def soft_break(self) -> None:
        """A break the source only wrapped at (joined by one space when read)."""
        self._break(" ")

    def _break(self, join: str | None) -> None:
        if self._link_url is not None:
            self._link_text.append(" ")
        self._lines.append("")
        self._joins.append(join)

    def _close_link(self) -> None:
        if self._link_url is not None:
            text = _COLLAPSIBLE_RE.sub(" ", "".join(self._link_text)).strip()
            if text:
                self._links.append((text, self._link_url))
        self._link_url = None
        self._link_text = []

    @property
    def empty(self) -> bool:
        """Nothing but whitespace was collected."""
        return self._chars == 0

    def build(self) -> Inline:
        """The collected content; lines stripped, empty lines dropped (with
        their joins: a line joined to a dropped one takes the stronger break)."""
        self._close_link()
        lines: list[str] = []
        joins: list[str | None] = []
        pending: str | None = " "
        for i, raw in enumerate(self._lines):
            if i:
                join = self._joins[i - 1]
                pending = None if (pending is None or join is None) else join
            line = raw.strip()
            if not line:
                continue
            if lines:
                joins.append(pending)
            lines.append(line)
            pending = " "
        lang = None
        if self._langs:
            lang = max(self._langs.items(), key=lambda kv: (kv[1], kv[0] is not None))[0]
        return Inline(
            lines=tuple(lines),
            joins=tuple(joins) if any(j is not None for j in joins) else (),
            bold=self._chars > 0 and self._bold == self._chars,
            links=tuple(self._links),
            lang=lang,
        )


@dataclass(slots=True)
class RawCell:
    """A table cell as found in the source, before placement on the grid."""

    lines: tuple[str, ...]
    row_span: int = 1
    col_span: int = 1
    header: bool = False
    col: int | None = None  # the grid column, when the source states it (DOCX w:gridBefore, spans)


def build_grid(rows: list[list[RawCell]], *, rtl: bool) -> TableGrid:
    """Place cells on a grid (HTML table model, section 4.9.12 of the HTML
    standard): each cell goes to the first slot of its row that no cell from
    a row above covers; spans reaching past the last row are clipped.

    Args:
        rows: the rows in source order, each with its cells in source
            (= logical, reading) order.
        rtl: the table reads right to left (stored on the grid as is).

    Returns:
        The grid; slots no cell covers are filled with empty cells.
    """
    n_rows = len(rows)
    taken: set[tuple[int, int]] = set()
    placed: list[TableCell] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if cell.col is not None:
                c = max(c, cell.col)
            while (r, c) in taken:
                c += 1
            row_span = max(1, min(cell.row_span, n_rows - r))
            col_span = max(1, cell.col_span)
            for dr in range(row_span):
                for dc in range(col_span):
                    taken.add((r + dr, c + dc))
            placed.append(TableCell(r, c, cell.lines, row_span, col_span, header=cell.header))
            c += col_span
    n_cols = max((c + 1 for _, c in taken), default=0)
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) not in taken:
                placed.append(TableCell(r, c, ()))
    placed.sort(key=lambda cell: (cell.row, cell.col))
    return TableGrid(n_rows=n_rows, n_cols=n_cols, cells=tuple(placed), rtl=rtl)


def grid_lines(grid: TableGrid) -> tuple[str, ...]:
    """A table block's ``lines``: each non-empty cell's text on one line, row by row."""
    return tuple(text for cell in grid.cells if (text := " ".join(cell.lines).strip()))


def is_layout_grid(grid: TableGrid, *, nested_table: bool, heading_inside: bool) -> bool:
    """Whether a table only lays content out rather than holding data.

    Pages and Word files often use a table as a frame or to set columns. Such
    a table is read as ordinary content (each cell's blocks in order): one
    with a single cell or a single column, one holding another table, or one
    holding a heading (data tables hold neither).
    """
    return grid.n_cols <= 1 or nested_table or heading_inside
