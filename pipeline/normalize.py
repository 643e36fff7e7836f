"""Normalize stage: two aligned forms of every text, made with camel-tools.

* **display** form — what records carry. camel-tools ``normalize_unicode``
  (NFKC: presentation forms U+FB50–U+FDFF / U+FE70–U+FEFF and lam-alef
  ligatures become plain letters), tatweel (U+0640) removed, bidi controls
  (UAX #9 explicit formatting characters, U+061C ALM) and zero-width
  characters removed, other control and private-use characters removed,
  whitespace collapsed, diacritics (tashkeel) kept, and the Persian/Urdu code points for Arabic letters replaced by the Arabic
  letters (:data:`PERSIAN_URDU_TO_ARABIC`, a camel-tools ``CharMapper``).
* **matching** form — what parsers compare. The display form with
  camel-tools ``dediac_ar``, ``normalize_alef_ar`` (أ إ آ ٱ → ا),
  ``normalize_alef_maksura_ar`` (ى → ي), ``normalize_teh_marbuta_ar`` (ة → ه),
  remaining Arabic combining marks dropped, Persian/Urdu letters folded as
  in the display form, Arabic-Indic (٠-٩) and Extended
  Arabic-Indic (۰-۹) digits to ASCII, Arabic comma/semicolon/question mark
  to ASCII, Latin case-folded.

The matching form is computed character by character from the display form,
so every matching character knows the display character it came from:
parsers find structure in the matching form and slice values out of the
display form (:meth:`NText.display_slice`).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import compress

from . import _camel_charsets

_camel_charsets.install()  # before camel_tools.utils.dediac: see the module's docstring

from camel_tools.utils.charmap import CharMapper  # noqa: E402
from camel_tools.utils.dediac import dediac_ar  # noqa: E402
from camel_tools.utils.normalize import (  # noqa: E402
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from .read.blocks import Block  # noqa: E402

TATWEEL = "\u0640"
# UAX #9 explicit directional formatting characters and marks, plus the
# Arabic letter mark; zero-width space/joiners and the BOM used as ZWNBSP.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad" + TATWEEL)
)
_WS_RE = re.compile(r"\s+")
# Other Arabic combining marks that camel-tools' AR_DIAC_CHARSET does not
# cover (Quranic annotation signs, small high letters, hamza above/below).
_EXTRA_MARKS = frozenset(
    chr(c) for r in ((0x0610, 0x061A), (0x0653, 0x065F), (0x06D6, 0x06ED), (0x08D3, 0x08FF)) for c in range(r[0], r[1] + 1)
)
# Persian and Urdu keyboards, Word on macOS and Quartz PDFs put these code
# points in Arabic text for letters Arabic has (Unicode Arabic block chart:
# FARSI YEH, KEHEH, HEH GOAL, HEH DOACHASHMEE, YEH BARREE, TEH MARBUTA GOAL…).
# In an Arabic document they are the Arabic letters: ``الحکومة الملکیة`` is
# ``الحكومة الملكية``. Word-final FARSI YEH stands for yeh or alef maksura
# (Persian writes both without dots); yeh is the more frequent one, and the
# matching form folds alef maksura into yeh anyway. Letters with no Arabic
# equivalent (پ چ ژ گ, Pashto ۍ ې, Urdu ں ٹ ڈ ڑ) are left as they are.
PERSIAN_URDU_TO_ARABIC: dict[str, str] = {
    "\u06cc": "\u064a",  # ی FARSI YEH → ي
    "\u06d2": "\u064a",  # ے YEH BARREE → ي
    "\u06d3": "\u0626",  # ۓ YEH BARREE WITH HAMZA ABOVE → ئ
    "\u06a9": "\u0643",  # ک KEHEH → ك
    "\u06aa": "\u0643",  # ڪ SWASH KAF → ك
    "\u06c1": "\u0647",  # ہ HEH GOAL → ه
    "\u06be": "\u0647",  # ھ HEH DOACHASHMEE → ه
    "\u06d5": "\u0647",  # ە AE → ه
    "\u06c0": "\u0629",  # ۀ HEH WITH YEH ABOVE → ة
    "\u06c2": "\u0629",  # ۂ HEH GOAL WITH HAMZA ABOVE → ة
    "\u06c3": "\u0629",  # ۃ TEH MARBUTA GOAL → ة
}
_ARABIC_LETTERS = CharMapper(PERSIAN_URDU_TO_ARABIC)
_ASCII_PUNCT = {"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066b": ".", "\u066c": ",", "\u066a": "%"}


def to_display(text: str) -> str:
    """Display form of one line of text (see the module docstring).

    Args:
        text: a raw line in logical order, possibly with presentation forms
            (markup is the readers' to remove).

    Returns:
        The cleaned line, single-spaced, stripped; ``""`` if nothing is left.
    """
    text = normalize_unicode(text)
    text = _ARABIC_LETTERS(text.translate(_INVISIBLE))
    if not text.isprintable():
        text = "".join(c if c.isprintable() or c.isspace() else _drop_unprintable(c) for c in text)
    return _WS_RE.sub(" ", text).strip()


def _drop_unprintable(char: str) -> str:
    # Control (Cc), format (Cf) and private-use (Co) code points never reach
    # a record: some fonts map ligature glyphs to them (pitfall 7).
    return "" if unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs", "Cn"} else char


def _match_char(char: str) -> str:
    """The matching form of one display character (possibly ``""``)."""
    if char in _EXTRA_MARKS:
        return ""
    # The display form has no Persian/Urdu letters, but a text built with
    # NText.from_display may not come from to_display.
    char = PERSIAN_URDU_TO_ARABIC.get(char, char)
    out = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(char))))
    if not out:
        return ""
    if out in _ASCII_PUNCT:
        return _ASCII_PUNCT[out]
    digit = unicodedata.decimal(out, None)
    if digit is not None:
        # Arabic-Indic, Extended Arabic-Indic and any other decimal digit.
        return str(digit)
    return out.casefold()


class _MatchTable(dict):
    """Display character → its matching form (:func:`_match_char`), filled on
    first sight; at most ``_MATCH_TABLE_SIZE`` characters are kept (a text
    cannot make it grow without bound)."""

    def __missing__(self, char: str) -> str:
        out = _match_char(char)
        if len(self) < _MATCH_TABLE_SIZE:
            self[char] = out
        return out


_MATCH_TABLE_SIZE = 65536
_MATCH_TABLE = _MatchTable()


@dataclass(frozen=True, slots=True)
class NText:
    """A text in both forms, aligned.

    Attributes:
        display: the display form.
        match: the matching form.
        origin: for each index ``i`` of ``match``, the index in ``display`` of
            the character it came from (``len(origin) == len(match)``); an
            unsigned-int array, 4 bytes a character (a tuple of ints costs
            ~36, which dominated memory on long documents).
    """

    display: str
    match: str
    origin: array

    @classmethod
    def from_display(cls, display: str) -> NText:
        """Build the matching form of an already display-normalized text."""
        # The hot path of normalization: the lookups run in C (``map``), and
        # so does the origin when each character gives at most one.
        parts = list(map(_MATCH_TABLE.__getitem__, display))
        sizes = list(map(len, parts))
        if max(sizes, default=0) <= 1:
            origin = array("I", compress(range(len(display)), sizes))
        else:
            origin = array("I")
            for i, size in enumerate(sizes):
                if size:
                    origin.extend([i] * size)
        return cls(display, "".join(parts), origin)

    @classmethod
    def from_raw(cls, raw: str) -> NText:
        """Normalize a raw line: :func:`to_display`, then the matching form."""
        return cls.from_display(to_display(raw))

    def display_slice(self, start: int, end: int | None = None) -> str:
        """The display text behind ``match[start:end]``, diacritics included, stripped.

        Args:
            start, end: indices into :attr:`match` (``end`` exclusive; ``None``
                for the end of the text).
        """
        end = len(self.match) if end is None else end
        if start >= end or start >= len(self.match):
            return ""
        d_start = self.origin[start]
        d_end = self.origin[end] if end < len(self.match) else len(self.display)
        return self.display[d_start:d_end].strip()

    def __bool__(self) -> bool:
        return bool(self.display)


def to_match(text: str) -> str:
    """Matching form of a text (display normalization first)."""
    return NText.from_raw(text).match


@dataclass(frozen=True, slots=True)
class NormalizedBlock:
    """A reader's block with every line normalized.

    Attributes:
        block: the block as read (provenance and layout hints).
        lines: each non-empty line, normalized.
        text: the lines joined by one space, normalized.
        line_index: for each of ``lines``, the index in ``block.lines`` of
            its first line (a line the producer wrapped is one line here, see
            :attr:`Block.joins`).
    """

    block: Block
    lines: tuple[NText, ...]
    text: NText
    line_index: tuple[int, ...]

    @classmethod
    def of_lines(cls, block: Block, lines: tuple[NText, ...], line_index: tuple[int, ...]) -> NormalizedBlock:
        """A block made of already normalized lines."""
        return cls(block, lines, NText.from_display(" ".join(n.display for n in lines)), line_index)


def normalize_block(block: Block) -> NormalizedBlock | None:
    """Normalize one block; ``None`` if nothing is left (markup only, controls only)."""
    lines = block.logical_lines() if block.joins else enumerate(block.lines)
    pairs = [(i, n) for i, n in ((i, NText.from_raw(line)) for i, line in lines) if n]
    if not pairs:
        return None
    return NormalizedBlock.of_lines(block, tuple(n for _, n in pairs), tuple(i for i, _ in pairs))


def normalize_blocks(blocks: tuple[Block, ...] | list[Block]) -> list[NormalizedBlock]:
    """Normalize stage entry point: every block that keeps some text."""
    return [n for n in map(normalize_block, blocks) if n is not None]
