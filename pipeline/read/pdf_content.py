"""Fast page interpretation for the PDF reader: content streams → glyph tuples.

pdfplumber's ``page.chars`` costs about as much as ``page.extract_text()``
(both are dominated by pdfminer's byte-by-byte content-stream tokenizer and
by building one ``LTChar`` and one dict per glyph), so a reader built on it
cannot be faster than ``extract_text``. This module keeps pdfminer's
interpreter (operators, graphics state, fonts, ToUnicode maps: the PDF
semantics) and replaces only the two hot spots:

* :func:`parse_content` tokenizes a content stream with one compiled regular
  expression (PDF 1.7 §7.2 lexical conventions) into ``(operator, operands)``
  pairs; anything it does not handle (inline images, deeply nested string
  parentheses, stray bytes) makes it return ``None`` and the stream is
  interpreted by pdfminer's own parser instead.
* :class:`GlyphCollector` records each glyph as a plain tuple (the geometry of
  pdfminer's ``LTChar``, without the object) and leaves paths, images and
  figures to pdfminer's layout objects.

Coordinates of :data:`RawGlyph` are pdfminer's: points, origin bottom-left of
the page's MediaBox. :mod:`pipeline.read.pdf` converts them to pdfplumber's
top-left convention.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from io import BytesIO

from pdfminer.cmapdb import FileUnicodeMap
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdffont import PDFCIDFont, PDFSimpleFont, PDFUnicodeNotDefined, TrueTypeFont
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1, stream_value
from pdfminer.psparser import KWD, LIT, literal_name
from pdfminer.utils import apply_matrix_rect, decode_text

# Where every glyph's box starts, in ems below its baseline (see GlyphCollector).
BOX_DESCENT = -0.25

# (x0, y0, x1, y1, text, size, fontname): one glyph in pdfminer coordinates.
RawGlyph = tuple[float, float, float, float, str, float, str]

_DELIM = rb"\x00\t\n\f\r /\[\]<>(){}%"
_TOKEN_RE = re.compile(
    rb"(?P<ws>[\x00\t\n\f\r ]+|%[^\r\n]*)"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?=[" + _DELIM + rb"]|\Z)"
    rb"|/(?P<name>[^" + _DELIM + rb"]*)"
    rb"|\((?P<str>(?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*)\)"
    rb"|(?P<dbeg><<)|(?P<dend>>>)"
    rb"|<(?P<hex>[0-9A-Fa-f\x00\t\n\f\r ]*)>"
    rb"|(?P<abeg>\[)|(?P<aend>\])"
    rb"|(?P<kw>[^" + _DELIM + rb"]+)",
    re.S,
)
_ESCAPE_RE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|[\r\n])|(.))", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_NAME_HEX_RE = re.compile(rb"#([0-9A-Fa-f]{2})")
_WS_RE = re.compile(rb"[\x00\t\n\f\r ]+")
_CONSTANTS = {b"true": True, b"false": False, b"null": None}

Operation = tuple[bytes, list]


def _unescape(match: re.Match) -> bytes:
    octal, newline, char = match.groups()
    if octal is not None:
        return bytes((int(octal, 8) & 0xFF,))
    if newline is not None:  # a backslash before a line end continues the string
        return b""
    return _ESCAPES.get(char, char)  # \( \) \\ and unknown escapes: the char itself


def _name(raw: bytes) -> str | bytes:
    if b"#" in raw:
        raw = _NAME_HEX_RE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw  # as pdfminer: undecodable names stay bytes


def parse_content(data: bytes) -> list[Operation] | None:
    """Tokenize a content stream into operations.

    Args:
        data: the decoded bytes of one or more concatenated content streams.

    Returns:
        ``[(operator, operands), ...]`` with operands as pdfminer builds them
        (``int``/``float``, ``bytes`` strings, ``PSLiteral`` names, lists,
        dicts keyed by ``str``), or ``None`` when the stream uses a construct
        this tokenizer leaves to pdfminer (inline images ``BI … EI``, strings
        with parentheses nested more than one deep, unbalanced ``[``/``<<``,
        bytes that start no token).
    """
    ops: list[Operation] = []
    operands: list = []
    cur = operands
    stack: list[tuple[list, bool]] = []  # (outer container, outer is dict-in-progress)
    in_dict = False
    pos = 0
    for m in _TOKEN_RE.finditer(data):
        if m.start() != pos:
            return None
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        if kind == "num":
            tok = m.group(kind)
            cur.append(float(tok) if b"." in tok else int(tok))
        elif kind == "name":
            cur.append(LIT(_name(m.group(kind))))
        elif kind == "kw":
            tok = m.group(kind)
            if tok in _CONSTANTS:
                cur.append(_CONSTANTS[tok])
            elif stack:
                cur.append(KWD(tok))
            elif tok == b"BI":
                return None
            else:
                ops.append((tok, operands))
                operands = cur = []
        elif kind == "str":
            tok = m.group(kind)
            cur.append(_ESCAPE_RE.sub(_unescape, tok) if b"\\" in tok else tok)
        elif kind == "hex":
            digits = _WS_RE.sub(b"", m.group(kind))
            if len(digits) % 2:
                digits += b"0"  # PDF 1.7 §7.3.4.3: a missing last digit is 0
            cur.append(bytes.fromhex(digits.decode("ascii")))
        elif kind == "abeg" or kind == "dbeg":
            stack.append((cur, in_dict))
            cur, in_dict = [], kind == "dbeg"
        else:  # aend / dend
            if not stack or in_dict != (kind == "dend"):
                return None
            inner = cur
            cur, in_dict = stack.pop()
            if kind == "dend":
                if len(inner) % 2:
                    return None
                cur.append({literal_name(k): v for k, v in zip(inner[::2], inner[1::2]) if v is not None})
            else:
                cur.append(inner)
    if pos != len(data) or stack:
        return None
    return ops


class FastInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter fed by :func:`parse_content`.

    Operator semantics, resources, fonts and Form XObjects (``Do`` creates a
    sub-interpreter of this class) are pdfminer's; only tokenizing and the
    operator dispatch loop are replaced. Circular Form XObject references are
    refused as in pdfminer.
    """

    def execute(self, streams: Sequence[object]) -> None:
        valid = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                return super().execute(streams)  # let pdfminer log and skip them
            valid.append(stream)
            self.stream_ids.add(stream.objid)
        # Streams are concatenated with a separator: a token never spans two.
        data = b"\n".join(s.get_data() for s in valid)
        try:
            ops = parse_content(data)
        except Exception:  # a construct the tokenizer mis-handles: pdfminer's turn
            ops = None
        if ops is None:
            return super().execute(streams)
        table = _dispatch_table(self)
        for op, args in ops:
            entry = table.get(op)
            if entry is None:
                entry = table[op] = _lookup(self, op)
            func, nargs = entry
            if func is None:
                continue
            if nargs == 0:
                func()
            elif len(args) >= nargs:
                func(*args[len(args) - nargs :])
            # too few operands: pdfminer skips the operator as well


def _dispatch_table(interp: PDFPageInterpreter) -> dict:
    table = interp.__dict__.get("_fast_ops")
    if table is None:
        table = interp.__dict__["_fast_ops"] = {}
    return table


def _lookup(interp: PDFPageInterpreter, op: bytes) -> tuple:
    # pdfminer's naming of operator methods: T* → do_T_a, " → do__w, ' → do__q.
    name = op.decode("latin-1").replace("*", "_a").replace('"', "_w").replace("'", "_q")
    func = getattr(interp, "do_" + name, None)
    if func is None:
        return (None, 0)
    return (func, func.__code__.co_argcount - 1)


def glyph_text(font, cid: int) -> str:
    """The text of one glyph, or ``"(cid:N)"`` (pdfminer's spelling) when unknown.

    pdfminer falls back to the font's base encoding for a code its ToUnicode
    map lacks. For a *symbolic* simple font (descriptor flag 4, as
    LibreOffice writes its subsets) without an ``/Encoding`` that guess is
    meaningless: codes select glyphs of the font's own cmap. LibreOffice
    draws justification kashidas with such a code, which pdfminer turned
    into ``"``; the glyph's text is unknown instead (pitfall 9, the
    glyph keeps its place on the line).
    """
    umap = getattr(font, "unicode_map", None)
    if (
        isinstance(font, PDFSimpleFont)
        and isinstance(umap, FileUnicodeMap)
        and cid not in umap.cid2unichr
        and font.flags & 4
    ):
        return f"(cid:{cid})"
    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        return f"(cid:{cid})"
    if text == "" and isinstance(font, PDFCIDFont):
        return _embedded_mark(font, cid)
    return text


def _embedded_mark(font, cid: int) -> str:
    """A combining mark the embedded font's own cmap gives a glyph that the
    ToUnicode map left empty, else ``""``.

    WeasyPrint's ToUnicode has one text per glyph, the cluster's text on its
    first glyph and nothing on the others; Amiri draws ``َّ`` as two glyphs,
    so the shadda glyph got no text, and every lone shadda after it too
    (``يسّر`` read ``يسر``). The font's cmap still maps the glyph to U+0651.
    Only marks are taken (a mark repeated on its letter counts once, see
    :mod:`.pdf_line`); a letter glyph without text stays without.
    """
    cmap = getattr(font, "_embedded_cmap", None)
    if cmap is None:
        cmap = {}
        fontfile = getattr(font, "fontfile", None)
        if fontfile is not None:
            try:
                ttf = TrueTypeFont(str(font.basefont), BytesIO(fontfile.get_data()))
                cmap = ttf.create_unicode_map().cid2unichr
            except Exception:  # no or unreadable cmap: nothing to add
                cmap = {}
        font._embedded_cmap = cmap  # cached on the font, which lives as long as its document
    char = cmap.get(cid, "")
    return char if len(char) == 1 and unicodedata.combining(char) else ""


_ACTUAL_TEXTS: dict[bytes, str] = {}  # decoded ActualText strings (small, shared by all documents)


def _actual_text(props) -> str | None:
    if not isinstance(props, dict) or "ActualText" not in props:
        return None
    value = resolve1(props["ActualText"])
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else None


class GlyphCollector(PDFPageAggregator):
    """A pdfminer device that records glyphs as :data:`RawGlyph` tuples.

    The geometry is that of pdfminer's ``LTChar`` (advance × font size ×
    horizontal scaling wide, font size high) except for the vertical
    placement: the box starts ``BOX_DESCENT`` ems below the baseline for
    every font, where ``LTChar`` uses each font's own descent. Fonts declare
    very different descents (Noto Sans Arabic about 0.74 em, Liberation
    Serif 0.22 em, none at all for some), so glyphs of two fonts on one
    baseline (Arabic text with brackets, digits or Latin from a fallback
    font) would get boxes half a line apart and fall into different rows
    (pitfall 5); from the baseline they share one body. Glyphs of vertical fonts go
    through ``LTChar`` as usual and are left out (the reader handles
    horizontal text only). Paths, images and figures are kept as pdfminer
    layout objects in :meth:`get_result`.

    Marked content with an ``/ActualText`` (``/Span <</ActualText (…)>> BDC
    … EMC``, Typst writes one around every cluster of several glyphs, e.g.
    a letter and its tanween) replaces the text of the glyphs inside: the
    widest of them gets the whole replacement text, the others none (they
    keep their boxes). Without it each glyph of the cluster carries its
    ToUnicode text, which such producers set to the whole cluster
    (``اً`` twice, ``عُ`` for a damma).

    Attributes:
        glyphs: the page's glyphs in content-stream order.
        rotated: number of glyphs not upright (rotated or mirrored text).
    """

    def __init__(self, rsrcmgr, pageno: int = 1) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=None)
        self.glyphs: list[RawGlyph] = []
        self.rotated = 0
        self._texts: dict[tuple[int, int], str] = {}
        self._depth = 0  # open marked-content sequences
        self._actual: list[tuple[int, int, str]] = []  # (depth, first glyph, text) of open ActualText spans

    def begin_tag(self, tag, props=None) -> None:
        self._depth += 1
        if isinstance(props, dict) and "ActualText" in props:
            raw = props["ActualText"]
            actual = _ACTUAL_TEXTS.get(raw) if isinstance(raw, bytes) else None
            if actual is None:
                actual = _actual_text(props)
                if isinstance(raw, bytes) and actual is not None and len(_ACTUAL_TEXTS) < 4096:
                    _ACTUAL_TEXTS[raw] = actual
            if actual is not None:
                self._actual.append((self._depth, len(self.glyphs), actual))

    def end_tag(self) -> None:
        depth = self._depth
        self._depth = max(0, depth - 1)
        if not self._actual or self._actual[-1][0] != depth:
            return
        _, start, actual = self._actual.pop()
        if self._actual:
            return  # an enclosing ActualText replaces these glyphs too
        span = self.glyphs[start:]
        if not span:
            return
        widest = max(range(len(span)), key=lambda i: span[i][2] - span[i][0])
        if span[widest][2] - span[widest][0] < 0.01:
            # Only zero-width glyphs: marks, whose letter was drawn outside
            # the span (Typst cuts a cluster at a style or run boundary)
            # and keeps its own text; the span stands for its marks only.
            actual = "".join(c for c in actual if unicodedata.combining(c))
        for i, g in enumerate(span):
            self.glyphs[start + i] = (*g[:4], actual if i == widest else "", *g[5:])

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        if font.is_vertical():
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        key = (id(font), cid)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = glyph_text(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        if adv == 0 and len(text) > 1 and not unicodedata.combining(text[0]):
            # A zero-width glyph draws no letter: Typst maps a tanween glyph
            # to its whole cluster (اً), whose alef is a glyph of its own.
            marks = "".join(c for c in text if unicodedata.combining(c))
            if marks:
                text = marks
        bottom = BOX_DESCENT * fontsize + rise
        a, b, c, d, e, f = matrix
        if b == 0 and c == 0:
            x0, x1 = e, a * adv + e
            y0, y1 = d * bottom + f, d * (bottom + fontsize) + f
        else:
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, bottom, adv, bottom + fontsize))
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        if a * d * scaling > 0 and b * c <= 0:
            self.glyphs.append((x0, y0, x1, y1, text, y1 - y0, font.fontname))
        else:
            self.rotated += 1
        return adv
