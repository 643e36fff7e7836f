"""The PDF backend: the only module that touches pdfminer.six.

It turns a PDF file into plain values the rest of the reader works on: per
page, the *visible* glyphs (:class:`PdfGlyph`), the drawn shapes
(:class:`PdfShape`) and the images, in points with the origin at the
top-left corner of the page's MediaBox (``top < bottom``).

What comes from pdfminer.six is what it does well and keeps stable: parsing
the file (xref, objects, streams, encryption: ``PDFParser``,
``PDFDocument``, ``PDFPage``) and fonts (``PDFResourceManager.get_font``,
a font's ``decode``, ``char_width``, ``to_unichr``). The content streams
are tokenized (:func:`parse_content`) and interpreted here
(:class:`_Interpreter`, PDF 1.7 §8–9 and Annex A): pdfminer's interpreter
neither tracks what makes text invisible (clipping, ``Tr 3``, opacity, a
fill colour equal to the background) nor is its interpreter loop a stable
API (it changed between releases). Every operator of PDF 1.7 Annex A is
known here; operators outside it are counted and reported.

Compatibility: :func:`check_dependencies` runs once per process and checks
that the installed pdfminer.six has every class, method and attribute used
here, by reading a small PDF built in memory; a version whose internals
differ raises :class:`~pipeline.errors.IncompatibleDependencyError`, never
``corrupt_pdf``. Errors are typed by where they happen: raised by pdfminer
while it parses the file → :class:`~pipeline.errors.CorruptPdfError`
(``page=`` set when inside a page); a content stream or font that cannot
be decoded → a page warning, and the rest of the page is read; an error
raised by this module's own code is a bug and propagates as is.

Limits against hostile files: a page's decoded content streams are capped at
``MAX_CONTENT_BYTES`` (a Flate stream is inflated incrementally, so a
decompression bomb stops at the cap), Form XObjects nest at most
``MAX_FORM_DEPTH`` deep and never recursively.
"""

from __future__ import annotations

import logging
import re
import traceback
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import CorruptPdfError, EncryptedPdfError, IncompatibleDependencyError, out_of_memory

# The pdfminer.six releases this module is tested with (keep pyproject.toml
# and the CI lowest-versions run in step).
PDFMINER_TESTED = ">=20231228,<20270000"

# Where every glyph's box starts, in ems below its baseline. Fonts declare
# very different descents (Noto Sans Arabic about 0.74 em, Liberation Serif
# 0.22 em, none at all for some): glyphs of two fonts on one baseline
# (Arabic text with brackets or digits from a fallback font) would get boxes
# half a line apart and fall into different rows (pitfall 5); from the
# baseline they share one body.
BOX_DESCENT = -0.25
MAX_CONTENT_BYTES = 64 * 1024 * 1024
MAX_FORM_DEPTH = 16
# Opacity at or below which a fill paints nothing visible; below FADED_ALPHA
# text is faint (a decorative duplicate drawn behind a heading).
INVISIBLE_ALPHA = 0.02
FADED_ALPHA = 0.4
# Text whose colour differs from its background by less than this (relative
# luminance, 0–1) is invisible when almost equal, faded when close.
INVISIBLE_CONTRAST = 0.03
FADED_CONTRAST = 0.2

log = logging.getLogger(__name__)


class PdfGlyph(NamedTuple):
    """One visible glyph.

    Attributes:
        x0, x1, top, bottom: box in points, top-left origin. The box spans the
            glyph's advance and one em from ``BOX_DESCENT`` below the baseline.
        text: the glyph's Unicode text from the font's ToUnicode map (or
            encoding), ``""`` when ``mapped`` is false.
        size: the box height in points (the font size as drawn).
        font: the font's name (subset prefix kept).
        mapped: the font gives the glyph a text; ``False`` for a glyph
            without any Unicode mapping (pitfall 9).
        run: index of the text-showing operator that drew it, in content
            stream order (glyphs of one ``Tj``/``TJ`` share it).
        faded: drawn with low opacity or in a colour close to its background.
        space: width in points of the font's word space at this size, ``0.0``
            when the font does not say.
    """

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    font: str
    mapped: bool = True
    run: int = 0
    faded: bool = False
    space: float = 0.0


class PdfShape(NamedTuple):
    """A painted path (or image, ``kind == "image"``).

    Attributes:
        x0, x1, top, bottom: bounding box in points, top-left origin.
        kind: ``"fill"``, ``"stroke"``, ``"fill+stroke"``, ``"image"`` or
            ``"shading"``.
        luminance: relative luminance (0 black … 1 white) of the fill colour
            (of the stroke colour for a stroked path), ``None`` when unknown
            (patterns, indexed colours, images).
        rect: the path is one axis-aligned rectangle.
        segments: the path's straight horizontal and vertical pieces as
            ``(x0, top, x1, bottom)`` boxes of zero width or height (lines,
            the sides of each rectangle, closing lines), clipped like the
            shape; empty for images and shadings. A grid drawn as one path
            (many ``m``/``l`` pairs, or several ``re``) keeps its lines here
            while its box covers the whole grid.
        run: the number of text-showing operators run before it was
            painted: a glyph whose :attr:`PdfGlyph.run` is greater was drawn
            after it (on top of it), one whose ``run`` is not, before it.
    """

    x0: float
    x1: float
    top: float
    bottom: float
    kind: str
    luminance: float | None
    rect: bool
    segments: tuple[tuple[float, float, float, float], ...] = ()
    run: int = 0


@dataclass
class PdfPage:
    """What the backend read of one page.

    Attributes:
        number: 1-based page number.
        width, height: the page's size in points (MediaBox, after /Rotate).
        glyphs: visible glyphs in content-stream order.
        shapes: painted paths, images and shadings in content-stream order.
        images: number of images drawn.
        rotated: glyphs not drawn upright (rotated, mirrored or vertical text).
        hidden: glyphs drawn invisibly and left out (render mode 3, clipped,
            outside the page, fully transparent, same colour as the background,
            optional content switched off).
        warnings: ``(code, message)`` pairs for this page (unreadable content
            stream or font, unknown operators, content over the size cap).
        links: the page's web links (link annotations whose action opens a
            URI, PDF 1.7 §12.5.6.5 and §12.6.4.7): ``(uri, (x0, top, x1,
            bottom))``, the box in points with a top-left origin, in the
            annotations' order; at most :data:`MAX_LINKS`.
    """

    number: int
    width: float
    height: float
    glyphs: list[PdfGlyph] = field(default_factory=list)
    shapes: list[PdfShape] = field(default_factory=list)
    images: int = 0
    rotated: int = 0
    hidden: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)


MAX_LINKS = 500  # link annotations read per page (a hostile file may hold millions)
MAX_URI = 2000  # characters of a link's address (browsers' practical limit); longer ones are skipped


# --------------------------------------------------------------------------
# pdfminer.six, loaded and checked once


class _Api:
    """The pdfminer.six names this module uses (filled by :func:`check_dependencies`)."""

    version: str = "?"


_API: _Api | None = None
_API_ERROR: IncompatibleDependencyError | None = None

# A one-page PDF with a standard Type 1 font and a TrueType-less simple font
# with a ToUnicode map: enough to exercise every pdfminer call made here.
def _self_test_pdf() -> bytes:
    content = b"BT /F1 10 Tf 20 50 Td (AA) Tj ET"
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
        b"endcodespacerange 1 beginbfchar <41> <0628> endbfchar endcmap end end"
    )
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
        b"<</Type/Font/Subtype/Type1/BaseFont/SelfTest/FirstChar 65/LastChar 65/Widths[600]/ToUnicode 6 0 R>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(cmap), cmap),
    ]
    return write_pdf(objects)


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given object bodies (numbered from 1; object 1 is
    the catalog), with a cross-reference table: for the start-up self-test
    and for tests that state their content streams byte by byte."""
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# A one-page PDF with a Type 1 font (widths, no font file) and a ToUnicode map: enough to
# exercise every pdfminer call made here.
_SELF_TEST_PDF = _self_test_pdf()


def check_dependencies() -> _Api:
    """Load pdfminer.six and check that it offers what this module uses.

    Runs once per process (the result, or the error, is cached): imports
    every name used here, checks methods and attributes, and reads a small
    PDF built in memory, whose two glyphs must come out with their ToUnicode
    text (``ب``) and the standard font's metrics.

    Raises:
        IncompatibleDependencyError: pdfminer.six is missing, or its
            internals differ from the tested releases (``PDFMINER_TESTED``);
            the message names the version found and what is missing.
    """
    global _API, _API_ERROR
    if _API is not None:
        return _API
    if _API_ERROR is not None:
        raise _API_ERROR
    api = _Api()
    quiet = logging.getLogger("pdfminer")
    if quiet.level == logging.NOTSET:
        # pdfminer logs every oddity of a file; the reader reports what
        # matters as page warnings (an application that set its own level
        # for pdfminer keeps it).
        quiet.setLevel(logging.ERROR)
    try:
        api.version = _installed_version()
        _import_api(api)
        _self_test(api)
    except IncompatibleDependencyError as exc:
        _API_ERROR = exc
        raise
    except MemoryError:
        raise  # a memory limit, not the library: the next call may pass
    except Exception as exc:  # anything else the check trips over says the same
        if out_of_memory(exc):
            raise MemoryError(f"checking pdfminer.six: {exc}") from exc
        _API_ERROR = IncompatibleDependencyError(
            None,
            f"pdfminer.six {api.version} does not work as this reader expects "
            f"({type(exc).__name__}: {exc}); tested releases: pdfminer.six{PDFMINER_TESTED}",
        )
        raise _API_ERROR from exc
    _API = api
    return api


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pdfminer.six")
    except PackageNotFoundError as exc:
        raise IncompatibleDependencyError(None, f"pdfminer.six is not installed (needs pdfminer.six{PDFMINER_TESTED})") from exc


def _import_api(api: _Api) -> None:
    try:
        from pdfminer.cmapdb import FileUnicodeMap
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdffont import PDFCIDFont, PDFSimpleFont, PDFUnicodeNotDefined, TrueTypeFont
        from pdfminer.pdfinterp import PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
        from pdfminer.psparser import PSLiteral
        from pdfminer.utils import decode_text
    except ImportError as exc:
        if out_of_memory(exc):
            # a native library that could not be mapped under a memory limit
            # (``--max-memory``): no fault of the installation
            raise MemoryError(f"importing pdfminer.six: {exc}") from exc
        raise IncompatibleDependencyError(
            None, f"pdfminer.six {api.version} lacks {exc.name or exc}; tested releases: pdfminer.six{PDFMINER_TESTED}"
        ) from exc
    needed = {
        PDFPage: ("create_pages",),
        PDFResourceManager: ("get_font",),
        PDFStream: ("get_data", "get_rawdata", "get_filters", "get"),
        PDFSimpleFont: ("decode", "char_width", "to_unichr", "is_vertical", "is_multibyte"),
        PDFCIDFont: ("decode", "char_width", "to_unichr", "is_vertical", "is_multibyte"),
        TrueTypeFont: ("create_unicode_map",),
        PDFObjRef: ("resolve",),
    }
    missing = [f"{cls.__name__}.{name}" for cls, names in needed.items() for name in names if not hasattr(cls, name)]
    if missing:
        raise IncompatibleDependencyError(
            None,
            f"pdfminer.six {api.version} lacks {', '.join(missing)}; tested releases: pdfminer.six{PDFMINER_TESTED}",
        )
    api.FileUnicodeMap, api.PDFDocument, api.PDFEncryptionError = FileUnicodeMap, PDFDocument, PDFEncryptionError
    api.PDFPasswordIncorrect, api.PDFCIDFont, api.PDFSimpleFont = PDFPasswordIncorrect, PDFCIDFont, PDFSimpleFont
    api.PDFUnicodeNotDefined, api.TrueTypeFont, api.PDFResourceManager = PDFUnicodeNotDefined, TrueTypeFont, PDFResourceManager
    api.PDFPage, api.PDFParser, api.PDFObjRef, api.PDFStream = PDFPage, PDFParser, PDFObjRef, PDFStream
    api.resolve1, api.PSLiteral, api.decode_text = resolve1, PSLiteral, decode_text


def _self_test(api: _Api) -> None:
    doc = _open_document(api, None, _SELF_TEST_PDF, "")
    pages = list(api.PDFPage.create_pages(doc))
    lost = [n for n in ("mediabox", "cropbox", "rotate", "resources", "contents") if not hasattr(pages[0], n)]
    lost += [f"PDFDocument.{n}" for n in ("encryption", "catalog") if not hasattr(doc, n)]
    if lost:
        raise IncompatibleDependencyError(
            None, f"pdfminer.six {api.version}: PDFPage lacks {', '.join(lost)}; tested releases: pdfminer.six{PDFMINER_TESTED}"
        )
    page = _PageReader(api, pages[0], 1, frozenset()).read()
    texts = [g.text for g in page.glyphs]
    if texts != ["\u0628", "\u0628"] or not 5.0 < page.glyphs[0].x1 - page.glyphs[0].x0 < 8.0 or page.warnings:
        raise IncompatibleDependencyError(
            None,
            f"pdfminer.six {api.version} decodes glyphs differently from the tested releases "
            f"(self-test read {texts!r}, warnings {page.warnings!r}); tested releases: pdfminer.six{PDFMINER_TESTED}",
        )


# --------------------------------------------------------------------------
# Opening a document


def _from_pdfminer(exc: BaseException) -> bool:
    """Was ``exc`` raised inside pdfminer's code (while it parsed the file)?

    It was when pdfminer's code is on the stack below this package's last
    frame (the library may have called the standard library, e.g. logging,
    where the error surfaced: a recursion too deep). An exception raised in
    this package's own code is a bug, not a property of the file, and must
    not be reported as a corrupt PDF. Running out of memory is neither: it is
    the batch's resource limit, and propagates.
    """
    if isinstance(exc, MemoryError):
        return False
    ours = Path(__file__).resolve().parent.parent
    inside = False
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        parts = Path(frame.f_code.co_filename).parts
        if "pdfminer" in parts:
            inside = True
        elif Path(frame.f_code.co_filename).resolve().is_relative_to(ours):
            inside = False
    return inside


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open_document(api: _Api, path: Path | None, data: bytes, password: str):
    try:
        return api.PDFDocument(api.PDFParser(BytesIO(data)), password=password)
    except api.PDFPasswordIncorrect as exc:
        reason = "encrypted; the password is wrong" if password else "encrypted; a password is needed (--password)"
        raise EncryptedPdfError(path, reason) from exc
    except api.PDFEncryptionError as exc:
        raise EncryptedPdfError(path, f"encrypted with an unsupported scheme ({_describe(exc)})") from exc
    except Exception as exc:
        if path is None or not _from_pdfminer(exc):
            raise
        raise CorruptPdfError(path, f"the PDF structure cannot be read ({_describe(exc)})") from exc


class PdfDocument:
    """An open PDF, read page by page.

    Args:
        path: the file (for error messages).
        data: its bytes.
        password: the user password of an encrypted PDF.

    Raises:
        IncompatibleDependencyError: see :func:`check_dependencies`.
        EncryptedPdfError: the password is missing, wrong, or the scheme unsupported.
        CorruptPdfError: the file's structure or page tree cannot be read.
    """

    def __init__(self, path: Path, data: bytes, password: str | None = None) -> None:
        self._api = check_dependencies()
        self.path = path
        self._doc = _open_document(self._api, path, data, password or "")
        try:
            self._pages = list(self._api.PDFPage.create_pages(self._doc))
            if not self._pages and not _declared_empty(self._api, self._doc):
                raise CorruptPdfError(
                    path, "the page tree cannot be read (no page can be reached: a cycle, or Kids that are not pages)"
                )
            self._hidden_ocgs = _hidden_ocgs(self._api, self._doc)
            self._rsrcmgr = self._api.PDFResourceManager()
            self._encrypted = getattr(self._doc, "encryption", None) is not None
        except Exception as exc:
            if not _from_pdfminer(exc):
                raise
            raise CorruptPdfError(path, f"the page tree cannot be read ({_describe(exc)})") from exc

    def __len__(self) -> int:
        return len(self._pages)

    def pages(self) -> Iterator[PdfPage]:
        """Read the pages in order; what a page loaded is let go before the next.

        Raises:
            CorruptPdfError: pdfminer fails on a page's structure (``page`` set).
        """
        for number, page in enumerate(self._pages, start=1):
            try:
                yield _PageReader(self._api, page, number, self._hidden_ocgs, self._rsrcmgr, self._encrypted).read()
            except CorruptPdfError:
                raise
            except Exception as exc:
                if not _from_pdfminer(exc):
                    raise
                raise CorruptPdfError(self.path, f"the page cannot be read ({_describe(exc)})", page=number) from exc
            self._pages[number - 1] = None
            self._release()

    def _release(self) -> None:
        """Drop decoded streams from pdfminer's object cache, so memory stays
        flat over long PDFs; dictionaries stay cached (fonts are shared)."""
        cache = getattr(self._doc, "_cached_objs", None)
        if isinstance(cache, dict) and cache:
            stream = self._api.PDFStream
            for objid in [k for k, v in cache.items() if isinstance(v, tuple) and v and isinstance(v[0], stream)]:
                del cache[objid]


def _declared_empty(api: _Api, doc) -> bool:
    """Whether the catalog's page tree says it has no page (``/Count 0`` and no
    ``/Kids``): a tree that claims pages no walk reaches is broken, not empty."""
    catalog = getattr(doc, "catalog", None) or {}
    root = api.resolve1(catalog.get("Pages")) if isinstance(catalog, dict) else None
    if not isinstance(root, dict):
        return False
    kids = api.resolve1(root.get("Kids"))
    count = api.resolve1(root.get("Count"))
    return count in (0, None) and not kids


def _hidden_ocgs(api: _Api, doc) -> frozenset:
    """Object ids of the optional-content groups the document's default
    configuration switches off (PDF 1.7 §8.11.4.3: ``/OCProperties /D /OFF``)."""
    catalog = getattr(doc, "catalog", None) or {}
    props = api.resolve1(catalog.get("OCProperties")) if isinstance(catalog, dict) else None
    if not isinstance(props, dict):
        return frozenset()
    default = api.resolve1(props.get("D"))
    off = api.resolve1(default.get("OFF")) if isinstance(default, dict) else None
    if not isinstance(off, list):
        return frozenset()
    return frozenset(ref.objid for ref in off if isinstance(ref, api.PDFObjRef))


# --------------------------------------------------------------------------
# Content streams: tokens


class Name(str):
    """A PDF name object as read from a content stream (``/F1`` → ``Name("F1")``)."""

    __slots__ = ()


class Operator(bytes):
    """A keyword inside an array or dictionary of a content stream (not an operator call)."""

    __slots__ = ()


Operation = tuple[bytes, list]

_DELIM = rb"\x00\t\n\f\r /\[\]<>(){}%"
_TOKEN_RE = re.compile(
    rb"(?P<ws>[\x00\t\n\f\r ]+|%[^\r\n]*)"
    # A number ends where a non-number character starts, delimiter or not:
    # "/F1 12Tf" is the number 12 and the operator Tf, as pdfminer reads it.
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))"
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
_INLINE_END_RE = re.compile(rb"[\x00\t\n\f\r ]EI(?=[\x00\t\n\f\r ]|\Z)")
_CONSTANTS = {b"true": True, b"false": False, b"null": None}


def _unescape(match: re.Match) -> bytes:
    octal, newline, char = match.groups()
    if octal is not None:
        return bytes((int(octal, 8) & 0xFF,))
    if newline is not None:  # a backslash before a line end continues the string
        return b""
    return _ESCAPES.get(char, char)  # \( \) \\ and unknown escapes: the char itself


def _number(tok: bytes) -> int | float:
    return float(tok) if b"." in tok else int(tok)


def _name(raw: bytes) -> Name:
    if b"#" in raw:
        raw = _NAME_HEX_RE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)
    return Name(raw.decode("utf-8", "replace"))


def _scan_string(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string starting at ``data[pos] == b"("`` with any nesting
    depth: ``(contents, end)``; an unterminated string runs to the end."""
    depth, i, n = 0, pos, len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                raw = data[pos + 1 : i]
                return (_ESCAPE_RE.sub(_unescape, raw) if b"\\" in raw else raw), i + 1
        i += 1
    raw = data[pos + 1 :]
    return (_ESCAPE_RE.sub(_unescape, raw) if b"\\" in raw else raw), n


# The same tokens in one pattern for ``finditer``: white space and comments
# are skipped before each token, numbers are split into integers and reals,
# and ``bad`` takes any byte that starts no token (a stray delimiter, or the
# ``(`` of a string nested deeper than ``str`` allows); a match without a
# token is trailing white space.
_STREAM_RE = re.compile(
    rb"(?:[\x00\t\n\f\r ]+|%[^\r\n]*)*"
    rb"(?:(?P<real>[+-]?(?:\d+\.\d*|\.\d+))"
    rb"|(?P<int>[+-]?\d+)"
    rb"|/(?P<name>[^" + _DELIM + rb"]*)"
    rb"|<(?P<hex>[0-9A-Fa-f\x00\t\n\f\r ]*)>"
    rb"|(?P<kw>[^" + _DELIM + rb"]+)"
    rb"|\((?P<str>(?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*)\)"
    rb"|(?P<dbeg><<)|(?P<dend>>>)"
    rb"|(?P<abeg>\[)|(?P<aend>\])"
    rb"|(?P<bad>.))?",
    re.S,
)
_REAL, _INT, _NAME, _HEX, _KW, _STR, _DBEG, _DEND, _ABEG, _AEND = (
    _STREAM_RE.groupindex[g] for g in ("real", "int", "name", "hex", "kw", "str", "dbeg", "dend", "abeg", "aend")
)


def parse_content(data: bytes) -> tuple[list[Operation], int]:
    """Tokenize a content stream into operations (PDF 1.7 §7.2, §7.8.2).

    Args:
        data: the decoded bytes of one or more concatenated content streams.

    Returns:
        ``(operations, skipped)``: ``[(operator, operands), ...]`` with
        operands as ``int``/``float``, ``bytes`` (strings), :class:`Name`,
        ``list``, ``dict`` (keys ``str``), ``True``/``False``/``None``; an
        inline image is one operation ``(b"BI", [dict])``. ``skipped`` counts
        bytes that start no token (stray delimiters) and were stepped over,
        and unbalanced ``]``/``>>``.
    """
    # The hot loop of the reader (a Chromium page carries ~27,000 tokens):
    # one ``finditer`` pass, the group number compared as an int, names and
    # hex strings decoded once per distinct token (they repeat: ``/Span``,
    # ``<FEFF0627>``; both are immutable, so sharing them is safe).
    ops: list[Operation] = []
    operands: list = []
    cur = operands
    stack: list[tuple[list, bool]] = []  # (outer container, outer is dict-in-progress)
    in_dict = False
    pos, n, skipped = 0, len(data), 0
    names: dict[bytes, Name] = {}
    hexes: dict[bytes, bytes] = {}
    finditer = _STREAM_RE.finditer
    INT, KW, REAL, NAME, HEX, STR, DBEG, DEND, ABEG, AEND = _INT, _KW, _REAL, _NAME, _HEX, _STR, _DBEG, _DEND, _ABEG, _AEND
    while pos < n:
        restart = None  # where to go on after a token read outside the pattern
        for m in finditer(data, pos):
            k = m.lastindex
            if k is None:  # trailing white space
                continue
            if k == INT:
                cur.append(int(m.group(k)))
            elif k == KW:
                tok = m.group(k)
                if tok in _CONSTANTS:
                    cur.append(_CONSTANTS[tok])
                elif stack:
                    cur.append(Operator(tok))
                elif tok == b"BI":
                    image, restart = _inline_image(data, m.end())
                    ops.append((b"BI", [image]))
                    operands = cur = []
                    break
                else:
                    ops.append((tok, operands))
                    operands = cur = []
            elif k == REAL:
                cur.append(float(m.group(k)))
            elif k == NAME:
                tok = m.group(k)
                name = names.get(tok)
                if name is None:
                    name = names[tok] = _name(tok)
                cur.append(name)
            elif k == HEX:
                tok = m.group(k)
                value = hexes.get(tok)
                if value is None:
                    digits = _WS_RE.sub(b"", tok)
                    if len(digits) % 2:
                        digits += b"0"  # PDF 1.7 §7.3.4.3: a missing last digit is 0
                    value = hexes[tok] = bytes.fromhex(digits.decode("ascii"))
                cur.append(value)
            elif k == STR:
                tok = m.group(k)
                cur.append(_ESCAPE_RE.sub(_unescape, tok) if b"\\" in tok else tok)
            elif k == DBEG or k == ABEG:
                stack.append((cur, in_dict))
                cur, in_dict = [], k == DBEG
            elif k == DEND or k == AEND:
                if not stack or in_dict != (k == DEND):
                    skipped += 1
                    continue
                inner = cur
                cur, in_dict = stack.pop()
                if k == DEND:
                    cur.append({str(a): v for a, v in zip(inner[::2], inner[1::2]) if isinstance(a, str) and v is not None})
                else:
                    cur.append(inner)
            else:  # bad
                start = m.start(k)
                if data[start] == 0x28:  # a string nested deeper than the pattern's one level
                    tok, restart = _scan_string(data, start)
                    cur.append(tok)
                    break
                skipped += 1
        if restart is None:
            break
        pos = restart
    return ops, skipped


def _inline_image(data: bytes, pos: int) -> tuple[dict, int]:
    """Read an inline image's dictionary after ``BI`` and skip its data to ``EI``."""
    items: list = []
    match = _TOKEN_RE.match
    n = len(data)
    while pos < n:
        m = match(data, pos)
        if m is None:
            pos += 1
            continue
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        if kind == "kw" and m.group(kind) == b"ID":
            pos += 1  # one white-space byte ends the ID operator
            break
        if kind == "name":
            items.append(_name(m.group(kind)))
        elif kind == "num":
            tok = m.group(kind)
            items.append(_number(tok))
        else:
            items.append(m.group(0))
    end = _INLINE_END_RE.search(data, pos)
    pos = end.end() if end else n
    return {str(k): v for k, v in zip(items[::2], items[1::2]) if isinstance(k, str)}, pos


# --------------------------------------------------------------------------
# Fonts and glyph texts


def glyph_text(api: _Api, font, cid: int) -> str | None:
    """The text of one glyph, or ``None`` when the font does not give one.

    pdfminer falls back to the font's base encoding for a code its ToUnicode
    map lacks. For a *symbolic* simple font (descriptor flag 4, as
    LibreOffice writes its subsets) without an ``/Encoding`` that guess is
    meaningless: codes select glyphs of the font's own cmap. LibreOffice
    draws justification kashidas with such a code, which pdfminer turned
    into ``"``; the glyph's text is unknown instead (pitfall 9: the glyph
    keeps its place on the line).
    """
    umap = getattr(font, "unicode_map", None)
    if (
        isinstance(font, api.PDFSimpleFont)
        and isinstance(umap, api.FileUnicodeMap)
        and cid not in umap.cid2unichr
        and getattr(font, "flags", 0) & 4
    ):
        return None
    try:
        text = font.to_unichr(cid)
    except api.PDFUnicodeNotDefined:
        return None
    except (KeyError, IndexError, ValueError, TypeError):
        return None  # a broken map or encoding: no text for this glyph
    if not isinstance(text, str):
        return None
    if text == "" and isinstance(font, api.PDFCIDFont):
        return _embedded_mark(api, font, cid)
    return text


def _cluster_letters(font, cid: int, lent: tuple[str, float] | None, x: float, adv: float, m: Matrix) -> str:
    """The letters of a cluster text for a glyph the ToUnicode map leaves empty, or ``""``.

    WeasyPrint (like Typst) may put a whole cluster's text (``أَ``: letter and
    mark) on its first glyph, a zero-width mark, and give the next glyph,
    the letter itself, no text; its ToUnicode map has one text per glyph,
    so that letter's glyph stays empty wherever else it is drawn (``أو``
    read ``و``). The mark keeps the marks (see the caller); the letters
    (``lent``: the letters and the mark's x) go to the text-less glyph drawn
    right after it when that glyph has a width and covers the mark's
    origin (the same cluster), else nowhere (Typst's alef is a glyph with a
    text of its own). The glyph is then known to draw those letters: later
    text-less draws of it in the document get them too.
    """
    learned = getattr(font, "_cluster_letters", None)
    if learned and cid in learned:
        return learned[cid]
    if lent is None:
        return ""
    letters, mark_x = lent
    a, b = _apply(m, x, 0.0)[0], _apply(m, x + adv, 0.0)[0]
    lo, hi = min(a, b), max(a, b)
    slack = 0.25 * (hi - lo) if adv > 0 else 1.0
    if not lo - slack <= mark_x <= hi + slack:
        return ""
    if adv <= 0:
        # Chromium draws the alef of a lam-alef ligature with tanween (``لاً``)
        # as a zero-width glyph without text after the tanween that holds
        # ``اً``; such a glyph may stand for other components elsewhere, so
        # nothing is learned from it.
        return letters
    if learned is None:
        learned = {}
        try:
            font._cluster_letters = learned  # lives as long as the font, i.e. its document
        except AttributeError:  # a font object without attributes: learn nothing
            return letters
    learned[cid] = letters
    return letters


def _embedded_mark(api: _Api, font, cid: int) -> str:
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
                ttf = api.TrueTypeFont(str(getattr(font, "basefont", "")), BytesIO(fontfile.get_data()))
                cmap = ttf.create_unicode_map().cid2unichr
            except Exception:  # no or unreadable cmap: nothing to add
                cmap = {}
        font._embedded_cmap = cmap  # cached on the font, which lives as long as its document
    char = cmap.get(cid, "")
    return char if isinstance(char, str) and len(char) == 1 and unicodedata.combining(char) else ""


def _literal(value) -> str | None:
    """The string of a name (pdfminer's ``PSLiteral`` or this module's :class:`Name`)."""
    if isinstance(value, str):
        return value
    name = getattr(value, "name", None)
    if isinstance(name, bytes):
        return name.decode("latin-1")
    return name if isinstance(name, str) else None


# --------------------------------------------------------------------------
# Colour


NO_PAINT = -1.0  # a colour that paints nothing (Separation /None)

_DEVICE_SPACES = {
    "DeviceGray": ("gray", 1), "G": ("gray", 1), "CalGray": ("gray", 1),
    "DeviceRGB": ("rgb", 3), "RGB": ("rgb", 3), "CalRGB": ("rgb", 3),
    "DeviceCMYK": ("cmyk", 4), "CMYK": ("cmyk", 4),
    "Pattern": ("unknown", 0), "Lab": ("lab", 3),
}


def luminance(space: str, comps: list) -> float | None:
    """Relative luminance (0 black … 1 white) of a colour, approximately.

    ``space``: ``"gray"``, ``"rgb"`` (Rec. 709 weights), ``"cmyk"`` (naive
    conversion to RGB), ``"sep"`` (tints: ink coverage, 0 = paper),
    ``"lab"`` (L*/100), ``"none"`` (paints nothing: :data:`NO_PAINT`);
    ``None`` for anything else or malformed components.
    """
    try:
        vals = [float(c) for c in comps if isinstance(c, (int, float))]
    except (TypeError, ValueError):
        return None
    if space == "none":
        return NO_PAINT
    if space == "gray" and len(vals) >= 1:
        return _clamp(vals[0])
    if space == "rgb" and len(vals) >= 3:
        r, g, b = (_clamp(v) for v in vals[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    if space == "cmyk" and len(vals) >= 4:
        c, m, y, k = (_clamp(v) for v in vals[:4])
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    if space == "sep" and vals:
        return 1.0 - _clamp(max(vals))
    if space == "lab" and vals:
        return _clamp(vals[0] / 100.0)
    return None


def _clamp(v: float) -> float:
    return 0.0 if v < 0 else 1.0 if v > 1 else v


# --------------------------------------------------------------------------
# Content streams: the interpreter


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """``m1 × m0`` (apply ``m1`` first, then ``m0``)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _rect_bbox(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    pts = (_apply(m, x0, y0), _apply(m, x1, y0), _apply(m, x0, y1), _apply(m, x1, y1))
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _intersect(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _num(v, default: float = 0.0) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else default


class _State:
    """The graphics state that matters for text (PDF 1.7 §8.4, §9.3)."""

    __slots__ = (
        "ctm", "clip", "fill", "stroke", "fill_space", "stroke_space", "fill_alpha", "stroke_alpha",
        "font", "fontsize", "charspace", "wordspace", "scaling", "leading", "render", "rise", "group_alpha",
    )

    def __init__(self, ctm: Matrix, clip) -> None:
        self.ctm = ctm
        self.clip = clip
        self.fill: float | None = 0.0  # luminance; black
        self.stroke: float | None = 0.0
        self.fill_space = ("gray", 1)
        self.stroke_space = ("gray", 1)
        self.fill_alpha = 1.0
        self.stroke_alpha = 1.0
        self.font = None
        self.fontsize = 0.0
        self.charspace = 0.0
        self.wordspace = 0.0
        self.scaling = 100.0
        self.leading = 0.0
        self.render = 0
        self.rise = 0.0
        # The opacity of the transparency groups being drawn (PDF 1.7
        # §11.6.6): a group is painted with the alpha in force at its ``Do``,
        # and inside it the alpha starts again at 1.
        self.group_alpha = 1.0

    def copy(self) -> _State:
        new = _State.__new__(_State)
        for name in _State.__slots__:
            setattr(new, name, getattr(self, name))
        return new


# Operators of PDF 1.7 Annex A that change nothing this reader needs.
_IGNORED = frozenset(
    b"w J j M d ri i d0 d1 BX EX MP DP ID EI".split()
)


class _PageReader:
    """Interprets one page's content streams into a :class:`PdfPage`."""

    def __init__(self, api: _Api, page, number: int, hidden_ocgs: frozenset, rsrcmgr=None, encrypted: bool = False) -> None:
        self.api = api
        # Streams of an encrypted document are deciphered by pdfminer before
        # inflating: only pdfminer can decode them (without the size cap).
        self.encrypted = encrypted
        # pdfminer's resource manager caches fonts by object id: one per
        # document parses each font once.
        self.rsrcmgr = rsrcmgr if rsrcmgr is not None else api.PDFResourceManager()
        self.page = page
        self.number = number
        self.hidden_ocgs = hidden_ocgs

    # -- set-up --------------------------------------------------------

    def read(self) -> PdfPage:
        api, page = self.api, self.page
        media = _box(api, page.mediabox)
        warnings: list[tuple[str, str]] = []
        if media is None:
            warnings.append(("page_box", f"page {self.number}: no valid MediaBox; US Letter assumed"))
            media = (0.0, 0.0, 612.0, 792.0)
        crop = _intersect(media, _box(api, page.cropbox) or media)
        x0, y0, x1, y1 = media
        rotate = page.rotate if isinstance(page.rotate, int) else 0
        if rotate == 90:
            ctm: Matrix = (0, -1, 1, 0, -y0, x1)
        elif rotate == 180:
            ctm = (-1, 0, 0, -1, x1, y1)
        elif rotate == 270:
            ctm = (0, 1, -1, 0, y1, -x0)
        else:
            ctm = (1, 0, 0, 1, -x0, -y0)
        width, height = (y1 - y0, x1 - x0) if rotate in (90, 270) else (x1 - x0, y1 - y0)
        self.out = PdfPage(self.number, abs(width), abs(height), warnings=warnings)
        self.height = abs(height)
        self.visible = _rect_bbox(ctm, *crop) if crop[2] > crop[0] and crop[3] > crop[1] else None
        self.state = _State(ctm, self.visible)
        self.stack: list[_State] = []
        self.tm: Matrix = IDENTITY
        self.tlm: Matrix = IDENTITY
        self.path: list[tuple[float, float]] = []
        self.path_rect = False
        # straight pieces of the current path (device space) and where its
        # current subpath started, for PdfShape.segments
        self.pieces: list[tuple[float, float, float, float]] = []
        self.subpath_start: tuple[float, float] | None = None
        self.pending_clip = False
        self.order = 0  # drawing order of glyphs and shapes
        self.run = 0
        self.glyph_order: list[int] = []
        self.glyph_paint: list[tuple[float | None, float]] = []  # (luminance, alpha) per glyph
        self.shape_order: list[int] = []
        self.marked: list[tuple[bool, int]] = []  # per open marked-content sequence: (hidden, ActualText index)
        self.actual: list[tuple[int, int, str]] = []  # (depth, first glyph, text) of open ActualText spans
        self.hidden_depth = 0
        self.forms: list[int] = []  # objids of the Form XObjects being run
        self.fonts: dict[int, tuple] = {}  # id(font) → (font, vertical, multibyte, space width in ems)
        self.texts: dict[tuple[int, int], tuple] = {}  # (id(font), cid) → _glyph()
        self.decoded: dict[tuple[int, bytes], tuple[int, ...]] = {}  # (id(font), string) → codes
        # (letters, x) of the last glyph drawn when it was a zero-width glyph
        # whose cluster text's letters were taken off (see _cluster_letters)
        self.cluster_letters: tuple[str, float] | None = None
        self.unknown: set[bytes] = set()
        self.budget = MAX_CONTENT_BYTES
        self.glyphs: list[list] = []  # mutable while ActualText spans may rewrite texts
        resources = api.resolve1(page.resources)
        self.resources = resources if isinstance(resources, dict) else {}
        data = self._stream_data(page.contents, "page")
        if data:
            self._run(data)
        self._finish()
        self.out.links = self._links(ctm)
        return self.out

    def _links(self, ctm: Matrix) -> list[tuple[str, tuple[float, float, float, float]]]:
        """The page's URI link annotations (see :attr:`PdfPage.links`). A
        broken annotation (a reference loop, a box of huge numbers, a
        missing object) is skipped; a link outside the visible page (the
        crop box) is none; more than :data:`MAX_LINKS` is a warning."""
        out: list[tuple[str, tuple[float, float, float, float]]] = []
        try:
            annots = self._bounded(getattr(self.page, "annots", None))
        except Exception as exc:
            if not _from_pdfminer(exc):
                raise
            return out
        if not isinstance(annots, list):
            return out
        if len(annots) > MAX_LINKS:
            self.out.warnings.append(("links_capped", f"page {self.number}: {len(annots)} annotations; the first "
                                      f"{MAX_LINKS} are read for links"))
        for ref in annots[:MAX_LINKS]:
            try:
                found = self._link(ref, ctm)
            except (TypeError, ValueError, OverflowError, RecursionError, AttributeError, KeyError):
                continue  # a malformed annotation: no link
            except Exception as exc:
                if not _from_pdfminer(exc):
                    raise
                continue
            if found is not None:
                out.append(found)
        return out

    def _link(self, ref, ctm: Matrix) -> tuple[str, tuple[float, float, float, float]] | None:
        bounded = self._bounded
        annot = bounded(ref)
        if not isinstance(annot, dict) or _literal(bounded(annot.get("Subtype"))) != "Link":
            return None
        action = bounded(annot.get("A"))
        if not isinstance(action, dict) or _literal(bounded(action.get("S"))) != "URI":
            return None
        uri = bounded(action.get("URI"))
        rect = bounded(annot.get("Rect"))
        if not isinstance(rect, list) or len(rect) != 4:
            return None
        box = _box(self.api, [bounded(v) for v in rect])
        if isinstance(uri, bytes):
            # 7-bit ASCII by the standard; producers write UTF-8, or a text
            # string with its UTF-16 byte order mark
            if uri.startswith((b"\xfe\xff", b"\xff\xfe")):
                uri = self.api.decode_text(uri)
            else:
                try:
                    uri = uri.decode("utf-8")
                except UnicodeDecodeError:
                    uri = uri.decode("latin-1")
        if not isinstance(uri, str):
            return None
        uri = "".join(ch for ch in uri if ch >= " " and ch != "\x7f").strip()  # no control characters in an address
        if not uri or len(uri) > MAX_URI or box is None:
            return None
        x0, y0, x1, y1 = _rect_bbox(ctm, *box)
        visible = self.visible
        if visible is None or x1 <= visible[0] or x0 >= visible[2] or y1 <= visible[1] or y0 >= visible[3]:
            return None  # outside the crop box: not shown
        return uri.strip(), (x0, self.height - y1, x1, self.height - y0)

    def _bounded(self, obj, hops: int = 16):
        """``obj`` with references followed at most ``hops`` times (a
        reference to itself would make pdfminer's ``resolve1`` loop forever);
        ``None`` when the chain does not end."""
        ref = self.api.PDFObjRef
        for _ in range(hops):
            if not isinstance(obj, ref):
                return obj
            obj = obj.resolve(default=None)
        return None if isinstance(obj, ref) else obj

    def _stream_data(self, contents, what: str) -> bytes:
        api = self.api
        if not isinstance(contents, list):
            contents = [contents]
        parts = []
        for k, obj in enumerate(contents):
            try:
                stream = api.resolve1(obj)
                if not isinstance(stream, api.PDFStream):
                    continue
                data, note = self._decode(stream)
            except Exception as exc:
                if not _from_pdfminer(exc) and not isinstance(exc, zlib.error):
                    raise
                self._warn("content_unreadable", f"{what} content stream {k + 1} cannot be decoded ({_describe(exc)}); its text is missing")
                continue
            if note:
                self._warn("content_unreadable", f"{what} content stream {k + 1} {note}")
            parts.append(data)
        return b"\n".join(parts)

    def _decode(self, stream) -> tuple[bytes, str | None]:
        """A stream's decoded bytes within the page's budget, and a note when cut."""
        filters = stream.get_filters()
        raw = stream.get_rawdata()
        if (
            raw is not None
            and not self.encrypted
            and len(filters) == 1
            and _literal(filters[0][0]) in ("FlateDecode", "Fl")
            and not (isinstance(filters[0][1], dict) and filters[0][1].get("Predictor"))
        ):
            inflater = zlib.decompressobj()
            try:
                data = inflater.decompress(raw, self.budget + 1)
            except zlib.error as exc:
                return b"", f"is corrupt ({exc}); its text is missing"
            note = None
        else:
            data = stream.get_data() or b""
            note = None
        if len(data) > self.budget:
            data = data[: self.budget]
            note = f"decodes to more than {MAX_CONTENT_BYTES // (1024 * 1024)} MB; the rest of the page is not read"
        self.budget -= len(data)
        return data, note

    def _warn(self, code: str, message: str) -> None:
        entry = (code, f"page {self.number}: {message}")
        if entry not in self.out.warnings:
            self.out.warnings.append(entry)

    # -- the operator loop ---------------------------------------------

    def _run(self, data: bytes) -> None:
        ops, skipped = parse_content(data)
        if skipped > 16:
            self._warn("content_syntax", f"{skipped} bytes of the content stream are no PDF tokens and were skipped")
        table = _DISPATCH
        for op, args in ops:
            handler = table.get(op)
            if handler is None:
                if op not in _IGNORED:
                    self.unknown.add(op)
                continue
            func, nargs = handler
            if nargs == 0:
                func(self)
            elif nargs < 0:
                func(self, *args)
            elif len(args) >= nargs:
                func(self, *args[len(args) - nargs :])
            # too few operands: the operator is skipped (as pdfminer does)

    # graphics state
    def op_q(self):
        if len(self.stack) < 1024:
            self.stack.append(self.state.copy())

    def op_Q(self):
        if self.stack:
            self.state = self.stack.pop()

    def op_cm(self, a, b, c, d, e, f):
        m = tuple(_num(v) for v in (a, b, c, d, e, f))
        self.state.ctm = _mult(m, self.state.ctm)

    def op_gs(self, name):
        ext = self._resource("ExtGState", name)
        if not isinstance(ext, dict):
            return
        resolve = self.api.resolve1
        if "ca" in ext:
            self.state.fill_alpha = _clamp(_num(resolve(ext["ca"]), 1.0))
        if "CA" in ext:
            self.state.stroke_alpha = _clamp(_num(resolve(ext["CA"]), 1.0))
        font = resolve(ext.get("Font"))
        if isinstance(font, list) and len(font) == 2:
            self._set_font(font[0], font[1])

    # paths
    def op_m(self, x, y):
        point = _apply(self.state.ctm, _num(x), _num(y))
        self.path.append(point)
        self.subpath_start = point
        self.path_rect = False

    def op_l(self, x, y):
        point = _apply(self.state.ctm, _num(x), _num(y))
        if self.path:
            self._piece(self.path[-1], point)
        self.path.append(point)
        self.path_rect = False

    def _piece(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        """Keep a straight piece of the path when it is horizontal or vertical."""
        if abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01:
            self.pieces.append((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))

    def op_c(self, x1, y1, x2, y2, x3, y3):
        m = self.state.ctm
        self.path.extend((_apply(m, _num(x1), _num(y1)), _apply(m, _num(x2), _num(y2)), _apply(m, _num(x3), _num(y3))))
        self.path_rect = False

    def op_v(self, x2, y2, x3, y3):
        m = self.state.ctm
        self.path.extend((_apply(m, _num(x2), _num(y2)), _apply(m, _num(x3), _num(y3))))
        self.path_rect = False

    op_y = op_v

    def op_h(self):
        if self.path and self.subpath_start is not None and self.path[-1] != self.subpath_start:
            self._piece(self.path[-1], self.subpath_start)

    def op_re(self, x, y, w, h):
        x, y, w, h = _num(x), _num(y), _num(w), _num(h)
        m = self.state.ctm
        first = not self.path
        corners = (_apply(m, x, y), _apply(m, x + w, y), _apply(m, x + w, y + h), _apply(m, x, y + h))
        self.path.extend(corners)
        for a, b in zip(corners, corners[1:] + corners[:1]):
            self._piece(a, b)
        self.subpath_start = corners[0]
        self.path_rect = first and m[1] == 0 and m[2] == 0

    def _paint(self, kind: str | None):
        if kind is not None and self.path:
            xs = [p[0] for p in self.path]
            ys = [p[1] for p in self.path]
            box = (min(xs), min(ys), max(xs), max(ys))
            if self.hidden_depth == 0:
                lum = self.state.fill if kind != "stroke" else self.state.stroke
                alpha = (self.state.fill_alpha if kind != "stroke" else self.state.stroke_alpha) * self.state.group_alpha
                if lum != NO_PAINT and alpha > INVISIBLE_ALPHA:
                    self._add_shape(box, kind, lum, self.path_rect, self.pieces)
        if self.pending_clip and self.path:
            xs = [p[0] for p in self.path]
            ys = [p[1] for p in self.path]
            self.state.clip = _intersect(self.state.clip, (min(xs), min(ys), max(xs), max(ys)))
        self.pending_clip = False
        self.path = []
        self.pieces = []
        self.subpath_start = None
        self.path_rect = False

    def _add_shape(self, box, kind: str, lum: float | None, rect: bool, pieces=()) -> None:
        clip = self.state.clip
        if clip is not None:
            box = _intersect(box, clip)
            if box[0] > box[2] or box[1] > box[3]:
                return
        h = self.height
        segments = []
        for piece in pieces:
            if clip is not None:
                piece = _intersect(piece, clip)
                if piece[0] > piece[2] or piece[1] > piece[3]:
                    continue
            segments.append((piece[0], h - piece[3], piece[2], h - piece[1]))
        self.out.shapes.append(PdfShape(box[0], box[2], h - box[3], h - box[1], kind, lum, rect, tuple(segments), self.run))
        self.order += 1
        self.shape_order.append(self.order)

    def op_S(self):
        self._paint("stroke")

    def op_s(self):
        self._paint("stroke")

    def op_f(self):
        self._paint("fill")

    op_F = op_f
    op_f_star = op_f

    def op_B(self):
        self._paint("fill+stroke")

    op_B_star = op_B
    op_b = op_B
    op_b_star = op_B

    def op_n(self):
        self._paint(None)

    def op_W(self):
        self.pending_clip = True

    op_W_star = op_W

    def op_sh(self, name):
        clip = self.state.clip or self.visible
        if clip is not None and self.hidden_depth == 0:
            self._add_shape(clip, "shading", None, True)

    # colour
    def _space(self, name) -> tuple[str, int]:
        lit = _literal(name)
        if lit in _DEVICE_SPACES:
            return _DEVICE_SPACES[lit]
        spec = self._resource("ColorSpace", name)
        return self._space_of(spec)

    def _space_of(self, spec) -> tuple[str, int]:
        resolve = self.api.resolve1
        spec = resolve(spec)
        lit = _literal(spec)
        if lit is not None:
            return _DEVICE_SPACES.get(lit, ("unknown", 0))
        if not isinstance(spec, list) or not spec:
            return ("unknown", 0)
        family = _literal(resolve(spec[0]))
        if family == "ICCBased" and len(spec) > 1:
            stream = resolve(spec[1])
            n = _num(resolve(stream.get("N")), 0) if isinstance(stream, self.api.PDFStream) else 0
            return {1: ("gray", 1), 3: ("rgb", 3), 4: ("cmyk", 4)}.get(int(n), ("unknown", 0))
        if family == "Separation" and len(spec) > 1:
            return ("none", 1) if _literal(resolve(spec[1])) == "None" else ("sep", 1)
        if family == "DeviceN" and len(spec) > 1:
            names = resolve(spec[1])
            if isinstance(names, list) and names and all(_literal(resolve(n)) == "None" for n in names):
                return ("none", len(names))
            return ("sep", len(names) if isinstance(names, list) else 1)
        if family in _DEVICE_SPACES:
            return _DEVICE_SPACES[family]
        return ("unknown", 0)

    def _initial(self, space: tuple[str, int]) -> float | None:
        kind = space[0]
        if kind == "cmyk":
            return luminance("cmyk", [0, 0, 0, 1])
        if kind == "sep":
            return 0.0  # initial tint 1.0: full ink
        if kind == "none":
            return NO_PAINT
        return luminance(kind, [0, 0, 0]) if kind in ("gray", "rgb", "lab") else None

    def op_cs(self, name):
        self.state.fill_space = self._space(name)
        self.state.fill = self._initial(self.state.fill_space)

    def op_CS(self, name):
        self.state.stroke_space = self._space(name)
        self.state.stroke = self._initial(self.state.stroke_space)

    def _components(self, args) -> list:
        return [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]

    def op_g(self, v):
        self.state.fill_space, self.state.fill = ("gray", 1), luminance("gray", [v])

    def op_G(self, v):
        self.state.stroke_space, self.state.stroke = ("gray", 1), luminance("gray", [v])

    def op_rg(self, r, g, b):
        self.state.fill_space, self.state.fill = ("rgb", 3), luminance("rgb", [r, g, b])

    def op_RG(self, r, g, b):
        self.state.stroke_space, self.state.stroke = ("rgb", 3), luminance("rgb", [r, g, b])

    def op_k(self, c, m, y, k):
        self.state.fill_space, self.state.fill = ("cmyk", 4), luminance("cmyk", [c, m, y, k])

    def op_K(self, c, m, y, k):
        self.state.stroke_space, self.state.stroke = ("cmyk", 4), luminance("cmyk", [c, m, y, k])

    def op_sc(self, *args):
        self.state.fill = luminance(self.state.fill_space[0], self._components(args))

    def op_SC(self, *args):
        self.state.stroke = luminance(self.state.stroke_space[0], self._components(args))

    # text objects and state
    def op_BT(self):
        self.tm = self.tlm = IDENTITY

    def op_ET(self):
        pass

    def op_Tc(self, v):
        self.state.charspace = _num(v)

    def op_Tw(self, v):
        self.state.wordspace = _num(v)

    def op_Tz(self, v):
        self.state.scaling = _num(v, 100.0)

    def op_TL(self, v):
        self.state.leading = _num(v)

    def op_Tr(self, v):
        self.state.render = int(_num(v))

    def op_Ts(self, v):
        self.state.rise = _num(v)

    def op_Tf(self, name, size):
        self._set_font(name, size)

    def _set_font(self, name, size) -> None:
        self.state.fontsize = _num(size)
        api = self.api
        if isinstance(name, api.PDFObjRef):  # from an ExtGState /Font entry
            ref, spec = name, api.resolve1(name)
        else:
            fonts = api.resolve1(self.resources.get("Font"))
            ref = fonts.get(_literal(name)) if isinstance(fonts, dict) else None
            spec = api.resolve1(ref)
        if not isinstance(spec, dict):
            self._warn("font_missing", f"font {_literal(name) or name!r} is not in the page's resources; its text is missing")
            self.state.font = None
            return
        objid = ref.objid if isinstance(ref, api.PDFObjRef) else None
        try:
            font = self.rsrcmgr.get_font(objid, spec)
        except Exception as exc:
            if not _from_pdfminer(exc):
                raise
            self._warn("font_unreadable", f"font {_literal(name) or name!r} cannot be read ({_describe(exc)}); its text is missing")
            font = None
        self.state.font = font

    def op_Td(self, tx, ty):
        a, b, c, d, e, f = self.tlm
        tx, ty = _num(tx), _num(ty)
        self.tlm = self.tm = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)

    def op_TD(self, tx, ty):
        self.state.leading = -_num(ty)
        self.op_Td(tx, ty)

    def op_Tm(self, a, b, c, d, e, f):
        self.tlm = self.tm = tuple(_num(v) for v in (a, b, c, d, e, f))

    def op_T_star(self):
        self.op_Td(0, -self.state.leading)

    def op_Tj(self, s):
        self._show([s])

    def op_TJ(self, seq):
        if isinstance(seq, list):
            self._show(seq)

    def op_quote(self, s):
        self.op_T_star()
        self._show([s])

    def op_dquote(self, aw, ac, s):
        self.state.wordspace = _num(aw)
        self.state.charspace = _num(ac)
        self.op_quote(s)

    # XObjects, images, marked content
    def op_Do(self, name):
        api = self.api
        ref = None
        xobjs = api.resolve1(self.resources.get("XObject"))
        if isinstance(xobjs, dict):
            ref = xobjs.get(_literal(name))
        try:
            xobj = api.resolve1(ref)
        except Exception as exc:
            if not _from_pdfminer(exc):
                raise
            self._warn("xobject_unreadable", f"XObject {_literal(name)!r} cannot be read ({_describe(exc)})")
            return
        if not isinstance(xobj, api.PDFStream):
            return
        subtype = _literal(xobj.get("Subtype"))
        if subtype == "Image":
            self._image()
        elif subtype == "Form":
            self._form(xobj, _literal(name))

    def _image(self) -> None:
        self.out.images += 1
        if self.hidden_depth == 0:
            self._add_shape(_rect_bbox(self.state.ctm, 0, 0, 1, 1), "image", None, True)

    def op_BI(self, image):
        self._image()

    def _form(self, xobj, name: str | None) -> None:
        api = self.api
        objid = xobj.objid
        if objid is not None and objid in self.forms:
            self._warn("form_recursion", f"Form XObject {name!r} draws itself; the repeated drawing is skipped")
            return
        if len(self.forms) >= MAX_FORM_DEPTH:
            self._warn("form_depth", f"Form XObjects nest more than {MAX_FORM_DEPTH} deep; deeper ones are skipped")
            return
        resolve = api.resolve1
        matrix = resolve(xobj.get("Matrix"))
        m = tuple(_num(resolve(v)) for v in matrix) if isinstance(matrix, list) and len(matrix) == 6 else IDENTITY
        bbox = resolve(xobj.get("BBox"))
        saved_state, saved_res = self.state, self.resources
        saved_path = (self.path, self.path_rect, self.pending_clip, self.pieces, self.subpath_start)
        saved_tm = (self.tm, self.tlm)
        self.state = self.state.copy()
        self.state.ctm = _mult(m, self.state.ctm)
        group = resolve(xobj.get("Group"))
        if isinstance(group, dict) and _literal(group.get("S")) == "Transparency":
            # Chromium draws an element with CSS opacity as a group painted
            # with that alpha; the text inside sets its own alpha to 1.
            self.state.group_alpha *= self.state.fill_alpha
            self.state.fill_alpha = self.state.stroke_alpha = 1.0
        if isinstance(bbox, list) and len(bbox) == 4:
            self.state.clip = _intersect(self.state.clip, _rect_bbox(self.state.ctm, *(_num(resolve(v)) for v in bbox)))
        res = resolve(xobj.get("Resources"))
        if isinstance(res, dict):
            self.resources = res
        self.path, self.path_rect, self.pending_clip, self.pieces, self.subpath_start = [], False, False, [], None
        self.forms.append(objid)
        stack_depth = len(self.stack)
        try:
            data = self._stream_data([xobj], f"Form XObject {name!r}")
            if data:
                self._run(data)
        finally:
            self.forms.pop()
            del self.stack[stack_depth:]
            self.state, self.resources = saved_state, saved_res
            self.path, self.path_rect, self.pending_clip, self.pieces, self.subpath_start = saved_path
            self.tm, self.tlm = saved_tm

    def op_BMC(self, tag):
        self._begin(tag, None)

    def op_BDC(self, tag, props):
        self._begin(tag, props)

    def _begin(self, tag, props) -> None:
        api = self.api
        resolve = api.resolve1
        group = None
        if props is not None and not isinstance(props, dict):
            table = resolve(self.resources.get("Properties"))
            ref = table.get(_literal(props)) if isinstance(table, dict) else None
            group = ref.objid if isinstance(ref, api.PDFObjRef) else None
            props = resolve(ref)
        hidden = _literal(tag) == "OC" and self._oc_hidden(group, props)
        if hidden:
            self.hidden_depth += 1
        depth = len(self.marked) + 1
        self.marked.append((hidden, depth))
        if isinstance(props, dict) and "ActualText" in props:
            actual = resolve(props["ActualText"])
            if isinstance(actual, bytes):
                actual = self.api.decode_text(actual)
            if isinstance(actual, str):
                self.actual.append((depth, len(self.glyphs), actual))

    def op_EMC(self):
        if not self.marked:
            return
        hidden, depth = self.marked.pop()
        if hidden:
            self.hidden_depth -= 1
        if not self.actual or self.actual[-1][0] != depth:
            return
        _, start, actual = self.actual.pop()
        if self.actual:
            return  # an enclosing ActualText replaces these glyphs too
        span = self.glyphs[start:]
        if not span:
            return
        widest = max(range(len(span)), key=lambda i: span[i][1] - span[i][0])
        if span[widest][1] - span[widest][0] < 0.01:
            # Only zero-width glyphs: marks, whose letter was drawn outside
            # the span (Typst cuts a cluster at a style or run boundary)
            # and keeps its own text; the span stands for its marks only.
            # Chromium spans the tanween and the zero-width alef of a
            # lam-alef ligature (``لاً``) with ``اً``: letters not drawn just
            # before the span go to its glyph that is no mark.
            letters = "".join(c for c in actual if not unicodedata.combining(c))
            actual = "".join(c for c in actual if unicodedata.combining(c))
            host = next((i for i, g in enumerate(span) if not (g[4] and unicodedata.combining(g[4][0]))), None)
            if letters and host is not None and not (start and letters in self.glyphs[start - 1][4]):
                for i, g in enumerate(span):
                    g[4] = letters if i == host else ""
                    g[7] = True
                span[host - 1 if host else min(1, len(span) - 1)][4] += actual
                return
        for i, g in enumerate(span):
            g[4] = actual if i == widest else ""
            g[7] = True

    def _oc_hidden(self, group: int | None, props) -> bool:
        """Content of an optional-content group (or of a membership dictionary
        whose groups are all) switched off in the default configuration."""
        if not self.hidden_ocgs:
            return False
        if group is not None and group in self.hidden_ocgs:
            return True
        if isinstance(props, dict) and "OCGs" in props:
            groups = props["OCGs"]
            refs = groups if isinstance(groups, list) else [groups]
            ids = [r.objid for r in refs if isinstance(r, self.api.PDFObjRef)]
            return bool(ids) and all(i in self.hidden_ocgs for i in ids)
        return False

    def _resource(self, category: str, name):
        table = self.api.resolve1(self.resources.get(category))
        if not isinstance(table, dict):
            return None
        return self.api.resolve1(table.get(_literal(name)))

    # -- text ----------------------------------------------------------

    def _font_info(self, font) -> tuple:
        info = self.fonts.get(id(font))
        if info is None:
            vertical = bool(font.is_vertical())
            multibyte = bool(font.is_multibyte())
            space = 0.0
            try:
                if not multibyte:
                    if font.to_unichr(32) == " ":
                        space = float(font.char_width(32))
                else:
                    # A composite font's space is the glyph its ToUnicode
                    # map gives " " (no fixed code; absent from some subsets).
                    cids = getattr(getattr(font, "unicode_map", None), "cid2unichr", None)
                    if isinstance(cids, dict):
                        cid = next((c for c, u in cids.items() if u == " "), None)
                        if cid is not None:
                            space = float(font.char_width(cid))
            except Exception:  # no code 32 in the font's encoding, a broken widths array
                space = 0.0
            fontname = str(getattr(font, "fontname", "") or "")
            info = self.fonts[id(font)] = (font, vertical, multibyte, space, fontname)
        return info

    def _glyph(self, font, cid: int) -> tuple[float, str | None, str, str]:
        """A glyph's width (in text space units per unit of font size; 0 when
        the widths are broken), its text (:func:`glyph_text`), and, when that
        text is a cluster starting with a letter and holding marks, its marks
        and its letters (else ``""`` twice); cached per font and code."""
        try:
            w = float(font.char_width(cid))
        except Exception:  # a broken widths array: no advance known
            w = 0.0
        text = glyph_text(self.api, font, cid)
        marks = letters = ""
        if text and len(text) > 1 and not unicodedata.combining(text[0]):
            marks = "".join(ch for ch in text if unicodedata.combining(ch))
            if marks:
                letters = "".join(ch for ch in text if not unicodedata.combining(ch))
        value = self.texts[(id(font), cid)] = (w, text, marks, letters)
        return value

    def _show(self, seq: list) -> None:
        """Draw the strings of a ``Tj``/``TJ`` (PDF 1.7 §9.4.4): one glyph per
        character code, advancing the text matrix by each glyph's width, the
        character and word spacing, and ``TJ``'s adjustments."""
        st = self.state
        font = st.font
        if font is None:
            return
        self.run += 1
        _, vertical, multibyte, space_em, fontname = self._font_info(font)
        fs, th = st.fontsize, st.scaling * 0.01
        charspace, wordspace = st.charspace * th, (0.0 if multibyte else st.wordspace * th)
        a, b, c, d, e, f = m = _mult(self.tm, st.ctm)
        upright = a * d * th > 0 and b * c <= 0 and not vertical
        bottom = BOX_DESCENT * fs + st.rise
        top = bottom + fs
        mode = st.render
        if mode in (1, 5):
            lum, alpha = st.stroke, st.stroke_alpha * st.group_alpha
        else:
            lum, alpha = st.fill, st.fill_alpha * st.group_alpha
        invisible = mode in (3, 7) or self.hidden_depth > 0 or alpha <= INVISIBLE_ALPHA or lum == NO_PAINT
        clip = st.clip
        height = self.height
        space_pt = abs(space_em * fs * th * a) if upright else 0.0
        texts = self.texts
        decoded = self.decoded
        glyphs = self.glyphs
        paint = (lum, alpha)
        fsth = fs * th
        axis = b == 0 and c == 0
        if axis:
            y0, y1 = d * bottom + f, d * top + f
            if y1 < y0:
                y0, y1 = y1, y0
            cy = (y0 + y1) / 2
            row = (height - y1, height - y0, y1 - y0)
        x = 0.0
        fid = id(font)
        for obj in seq:
            if isinstance(obj, (int, float)) and not isinstance(obj, bool):
                x -= obj * 0.001 * fsth
                continue
            if not isinstance(obj, bytes):
                continue
            cids = decoded.get((fid, obj))
            if cids is None:
                try:
                    cids = decoded[(fid, obj)] = tuple(font.decode(obj))
                except Exception as exc:
                    if not _from_pdfminer(exc):
                        raise
                    self._warn("font_unreadable", f"a string cannot be decoded with font {fontname!r} ({_describe(exc)})")
                    continue
            for cid in cids:
                glyph = texts.get((fid, cid))
                w, text, marks, letters = glyph if glyph is not None else self._glyph(font, cid)
                adv = w * fsth
                if vertical or not upright:
                    self.out.rotated += 1
                else:
                    lent = None
                    if adv == 0 and letters:
                        # A zero-width glyph draws no letter: Typst maps a
                        # tanween glyph to its whole cluster (اً), whose alef
                        # is a glyph of its own.
                        text, lent = marks, letters
                    elif text == "":
                        text = _cluster_letters(font, cid, self.cluster_letters, x, adv, m)
                    if axis:
                        x0, x1 = a * x + e, a * (x + adv) + e
                        if x1 < x0:
                            x0, x1 = x1, x0
                        top_y, bottom_y, size = row
                    else:
                        x0, y0, x1, y1 = _rect_bbox(m, x, bottom, x + adv, top)
                        cy = (y0 + y1) / 2
                        top_y, bottom_y, size = height - y1, height - y0, y1 - y0
                    cx = (x0 + x1) / 2
                    if invisible or (clip is not None and not (clip[0] - 0.5 <= cx <= clip[2] + 0.5 and clip[1] - 0.5 <= cy <= clip[3] + 0.5)):
                        self.out.hidden += 1
                    else:
                        glyphs.append([x0, x1, top_y, bottom_y, text or "", size, fontname, text is not None,
                                       self.run, False, space_pt])
                        self.order += 1
                        self.glyph_order.append(self.order)
                        self.glyph_paint.append(paint)
                    self.cluster_letters = None if lent is None else (lent, _apply(m, x, 0.0)[0])
                x += adv + charspace
                if cid == 32 and not multibyte:
                    x += wordspace
        if vertical:
            self.tm = (self.tm[0], self.tm[1], self.tm[2], self.tm[3], self.tm[4], self.tm[5] - x)
        else:
            t = self.tm
            self.tm = (t[0], t[1], t[2], t[3], x * t[0] + t[4], x * t[1] + t[5])

    # -- after the last operator ------------------------------------------

    def _finish(self) -> None:
        """Judge colours against what they are drawn on, and hand out the glyphs.

        A glyph whose colour (mixed with its background by its opacity)
        differs from the background by at most ``INVISIBLE_CONTRAST`` is
        invisible (white text on the white page, a colour on a box of the
        same colour); by less than ``FADED_CONTRAST`` it is faded. The
        background is the last filled shape or image drawn before the glyph
        under its centre, else the white page. Only light or translucent
        glyphs are checked (dark text on a dark box is rare, and checking
        every glyph against every shape would cost O(glyphs × shapes)).
        """
        if self.unknown:
            names = ", ".join(sorted(op.decode("latin-1") for op in self.unknown))
            self._warn("unknown_operator", f"content stream operators unknown to PDF 1.7 were ignored: {names}")
        shapes = self.out.shapes
        backgrounds = [
            (i, s) for i, s in enumerate(shapes) if s.kind in ("fill", "fill+stroke", "image", "shading")
        ]
        out = self.out.glyphs
        for g, order, (lum, alpha) in zip(self.glyphs, self.glyph_order, self.glyph_paint):
            faded = False
            if lum is None or lum >= 0.5 or alpha < FADED_ALPHA:
                bg = 1.0
                cx, cy = (g[0] + g[1]) / 2, (g[2] + g[3]) / 2
                for i, s in reversed(backgrounds):
                    if self.shape_order[i] < order and s.x0 <= cx <= s.x1 and s.top <= cy <= s.bottom:
                        bg = s.luminance
                        break
                if lum is not None and bg is not None:
                    contrast = alpha * abs(lum - bg)
                    if contrast <= INVISIBLE_CONTRAST:
                        self.out.hidden += 1
                        continue
                    faded = contrast < FADED_CONTRAST
                else:
                    faded = alpha < FADED_ALPHA
            g[9] = faded
            out.append(PdfGlyph(*g))


def _box(api: _Api, value) -> tuple[float, float, float, float] | None:
    """A page box as ``(x0, y0, x1, y1)`` with ``x0 < x1``, ``y0 < y1``, or ``None``."""
    try:
        value = api.resolve1(value)
        if not isinstance(value, (list, tuple)) or len(value) != 4:
            return None
        x0, y0, x1, y1 = (float(api.resolve1(v)) for v in value)
    except (TypeError, ValueError, OverflowError):
        return None
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None
    return (x0, y0, x1, y1)


def _operator_method(op: str) -> str:
    return "op_" + op.replace("*", "_star").replace("'", "quote").replace('"', "dquote")


def _dispatch() -> dict[bytes, tuple]:
    table = {}
    for op in (
        "q Q cm gs m l c v y h re S s f F f* B B* b b* n W W* sh CS cs G g RG rg K k BT ET Tc Tw Tz TL Tr Ts "
        "Tf Td TD Tm T* Tj TJ ' \" Do BI BMC BDC EMC"
    ).split():
        func = getattr(_PageReader, _operator_method(op))
        table[op.encode("latin-1")] = (func, func.__code__.co_argcount - 1)
    for op, name in ((b"sc", "op_sc"), (b"scn", "op_sc"), (b"SC", "op_SC"), (b"SCN", "op_SC")):
        table[op] = (getattr(_PageReader, name), -1)
    return table


_DISPATCH = _dispatch()
