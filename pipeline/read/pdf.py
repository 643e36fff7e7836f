"""PDF reader: a ``.pdf`` brochure into blocks in logical order.

The reader gets each page's visible glyphs and drawn shapes from
:mod:`.pdf_backend` (the only module that touches pdfminer.six), sets text
drawn over text apart (:mod:`.pdf_overlay`), and hands them to
:mod:`.pdf_tables` (tables: their glyphs leave the page's text and come back
as one table block each), :mod:`.pdf_layout` (cards, columns, blocks) and
:mod:`.pdf_line` (lines in logical order). Across pages it then:

* settles the direction of Latin lines that their text leaves open, from
  their alignment and the document's other Latin lines;
* decides whether the producer wrote brackets as glyph shapes (mirrored,
  pitfall 2) and turns them into logical brackets;
* drops running headers/footers and page numbers (pitfall 10);
* sets ``heading_level`` from font sizes relative to the body size;
* joins a table that goes on across pages into one.

Errors are the pipeline's typed errors; no pdfminer/pdfplumber exception
leaves :func:`read_pdf` untyped.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..errors import (
    CorruptPdfError,
    EmptySourceError,
    IncompatibleDependencyError,
    NotAPdfError,
    NoTextLayerError,
)
from . import ocr as _ocr
from ..report import Diagnostic
from .blocks import PAGE_NUMBER_RE, BBox, Block, SourceDocument
from .common import grid_lines
from .pdf_backend import PdfDocument, PdfPage
from .pdf_overlay import separate_overlays
from .pdf_tables import PageTable, continues, find_tables, join_continued
from .text_quality import assess
from .pdf_layout import (
    PARAGRAPH_PITCH,
    Box,
    attach_marks,
    boxed_regions,
    ends_full,
    page_regions,
    paragraph_pitch,
    region_blocks,
    region_frames,
    starts_flush,
    usual_pitch,
    wraps_greedily,
)
from .pdf_line import (
    BASE,
    MARK,
    Glyph,
    Line,
    classify,
    is_letter,
    RANGE_RE,
    hold_leading_run,
    make_line,
    reorder,
    reorder_ranges,
    stream_neighbours,
    strong_info,
)

# Pages whose glyphs are at least this share of unmapped "(cid:NN)" have no
# usable text layer (pitfall 9).
CID_SHARE_NO_TEXT = 0.5
# Running heads and page numbers live in this top/bottom share of the page;
# a head repeated at one place on the pages may sit lower (HEAD_SHARE: an
# official gazette's header 55–70 pt down a 653 pt page).
MARGIN_SHARE = 0.1
HEAD_SHARE = 0.25
# A running line's text extended by words at one end on some pages is
# still the running line when its own text has this many words.
EXTENDED_MIN_WORDS = 4
# A line ends this close (points) to its region's edge to be flush with it.
ALIGN_TOLERANCE = 1.5
# A heading's font is at least this much larger than the body font.
HEADING_RATIO = 1.15

_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.I)
_DIGITS_RE = re.compile(r"[0-9٠-٩۰-۹]+")
_ARABIC_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
_OPEN = "([{<«‹"
_CLOSE = ")]}>»›"
_MIRROR = str.maketrans(_OPEN + _CLOSE, _CLOSE + _OPEN)


@dataclass
class _Page:
    """What the reader keeps of one page after reading it."""

    number: int
    height: float
    regions: list[list[Line]]
    width: float = 0.0
    letters: int = 0
    cids: int = 0
    images: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    # running heads, feet and page numbers taken out of the regions: (zone, line)
    furniture: list[tuple[str, Line]] = field(default_factory=list)
    # tables found on the page (their glyphs are not in the regions)
    tables: list[PageTable] = field(default_factory=list)
    # painted paths (text drawn as outlines has no glyphs, only paths)
    shapes: int = 0
    # the page as recognised, when its text comes from OCR
    ocr: _ocr.OcrPage | None = None
    # web links: (uri, (x0, top, x1, bottom)) (see PdfPage.links)
    links: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)


def read_pdf(path: Path, *, password: str | None = None, ocr: _ocr.OcrMode = "auto") -> SourceDocument:
    """Read a PDF brochure into blocks in logical reading order.

    Args:
        path: the ``.pdf`` file.
        password: the user password of an encrypted PDF.
        ocr: ``"auto"``: pages without a usable text layer (no text, text
            drawn as outlines, unmapped or garbled glyphs) are read by OCR
            when Tesseract and its Arabic model are installed
            (:mod:`.ocr`); ``"always"``: every page is read by OCR;
            ``"never"``: no OCR.

    Returns:
        A :class:`SourceDocument` with ``format="pdf"``, ``page_count`` and
        one :class:`Block` per paragraph, heading or list item, each with its
        1-based ``page`` and ``bbox`` (points, top-left origin) and
        ``line_start``/``line_end`` set to ``None``. Lines are raw text in
        logical order; presentation forms may remain (normalize maps them).
        Blocks read by OCR have ``ocr_confidence`` (mean word confidence)
        and boxes on the PDF page; each OCR page may warn
        ``ocr_low_confidence``, ``ocr_mixed_script`` or ``ocr_failed``.

    Raises:
        IncompatibleDependencyError: the installed pdfminer.six differs from
            the tested releases (see :mod:`.pdf_backend`).
        EmptySourceError: the file has zero bytes.
        NotAPdfError: no ``%PDF-`` header in the first 1024 bytes.
        EncryptedPdfError: encrypted and the password is missing or wrong.
        CorruptPdfError: the structure or a page's content cannot be read
            (``page=`` set when a page is at fault).
        NoTextLayerError: image-only pages or glyphs without Unicode mapping,
            on most pages or all, that OCR did not read (``ocr="never"``,
            or Tesseract or its Arabic model missing: the reason names the
            packages to install); the reason names the pages.
        IncompatibleDependencyError: ``ocr="always"`` without Tesseract
            or its Arabic model.
        ValueError: ``ocr`` is not one of ``auto``, ``always``, ``never``.
        OSError: the file cannot be read.
    """
    if ocr not in _ocr.OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(_ocr.OCR_MODES)}, not {ocr!r}")
    path = Path(path)
    data, pages, warnings = _read_pages(path, password, ocr=ocr)
    blocks = _make_blocks(pages)
    if not blocks:
        raise NoTextLayerError(path, "no text found on any page" + (" by OCR" if any(p.ocr for p in pages) else ""))
    blocks = _mark_ocr_blocks(blocks, pages)
    return SourceDocument(
        path=path,
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
        page_count=len(pages),
        warnings=tuple(warnings),
    )


def _read_pages(
    path: Path, password: str | None, seen: Callable[[PdfPage], None] | None = None, ocr: str = "auto"
) -> tuple[bytes, list[_Page], list[Diagnostic]]:
    """The file's bytes, its pages after the whole-document passes, and the reader's warnings.

    ``seen`` is called with each page as the backend read it (glyphs,
    shapes) before the reader works on it. Raises what :func:`read_pdf` raises.
    """
    data = path.read_bytes()
    if not data:
        raise EmptySourceError(path, "the file is empty (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(path, "no %PDF- header in the first 1024 bytes; not a PDF file")
    pages = []
    for page in PdfDocument(path, data, password).pages():
        if seen is not None:
            seen(page)
        pages.append(_read_page(page))
    if not pages:
        raise EmptySourceError(path, "the PDF has no pages")
    hint = _read_by_ocr(path, data, password, pages, ocr)
    with _table_lines_in_regions(pages):
        warnings = _check_text_layer(path, pages, hint)
        for p in pages:
            warnings.extend(p.warnings)
        _wrapped_latin_lines(pages)
        _align_latin_lines(pages)
        _settle_latin_lines(pages)
        _settle_number_ranges(pages)
        _fix_brackets(pages)
    _drop_running_heads(pages)
    _join_tables(pages)
    return data, pages, warnings


# --------------------------------------------------------------------------
# What the reader saw, for visual debugging (``python -m pipeline inspect``)


@dataclass(frozen=True, slots=True)
class TraceLine:
    """One line as the reader made it: its box (points, top-left origin), text in
    logical order, paragraph direction and font size (points)."""

    bbox: BBox
    text: str
    rtl: bool
    size: float


@dataclass(frozen=True, slots=True)
class PageTrace:
    """What the reader decided on one page.

    Attributes:
        number: 1-based page number.
        width, height: the page's size in points.
        glyphs: the box of every visible glyph (marks and spaces included),
            in content-stream order.
        regions: the page's reading regions (a column, or the full-width
            text between column sets) in reading order, each its lines in
            reading order; running heads are not in them. Empty for a page
            whose text was left out (no or garbled text layer).
        furniture: running headers, footers and page numbers taken out of
            the regions, as ``(role, line)`` with role ``"header"`` or ``"footer"``.
    """

    number: int
    width: float
    height: float
    glyphs: tuple[BBox, ...]
    regions: tuple[tuple[TraceLine, ...], ...]
    furniture: tuple[tuple[str, TraceLine], ...]


def trace_pdf(path: Path | str, *, password: str | None = None, ocr: _ocr.OcrMode = "auto") -> list[PageTrace]:
    """The reader's decisions on each page of a PDF: glyph boxes, lines, reading regions, running heads.

    The same reading as :func:`read_pdf` (every whole-document pass
    included), kept per page instead of made into blocks.

    Raises:
        What :func:`read_pdf` raises.
    """
    path = Path(path)
    sizes: dict[int, tuple[float, float, tuple[BBox, ...]]] = {}

    def seen(page: PdfPage) -> None:
        boxes = tuple(BBox(g.x0, g.top, g.x1, g.bottom) for g in page.glyphs)
        sizes[page.number] = (page.width, page.height, boxes)

    _, pages, _ = _read_pages(path, password, seen, ocr=ocr)

    def line(ln: Line) -> TraceLine:
        return TraceLine(BBox(ln.x0, ln.top, ln.x1, ln.bottom), ln.text, bool(ln.rtl), ln.size)

    return [
        PageTrace(
            p.number, *sizes[p.number],
            regions=tuple(tuple(line(ln) for ln in region) for region in p.regions),
            furniture=tuple((zone, line(ln)) for zone, ln in p.furniture),
        )
        for p in pages
    ]


# --------------------------------------------------------------------------
# Pages


def _read_page(page: PdfPage) -> _Page:
    """Build one page's lines (regions in reading order) from its glyphs."""
    number = page.number
    height = page.height
    result = _Page(number, height, [], page.width, images=page.images, shapes=len(page.shapes), links=page.links)
    result.warnings.extend(Diagnostic(code, message, page=number) for code, message in page.warnings)
    stream: list[Glyph] = []  # all kept glyphs in content-stream order
    for pg in page.glyphs:
        text = pg.text
        if not pg.mapped:
            # No text, but the glyph still takes its place on the line (a
            # kashida inside a justified word is no word gap).
            result.cids += 1
            text = ""
        clean, kind = classify(text)
        stream.append(Glyph(pg.x0, pg.x1, pg.top, pg.bottom, clean, pg.size, _is_bold(pg.font), kind, pg.run, pg.faded,
                            pg.space, _font_family(pg.font)))
    stream, layers = separate_overlays(stream)
    glyphs: list[Glyph] = []
    marks: list[Glyph] = []
    n_rtl = n_ltr = 0
    sizes: Counter = Counter()
    for g in stream:
        if g.kind == MARK:
            marks.append(g)
            continue
        glyphs.append(g)
        if g.kind == BASE and is_letter(g.text):
            result.letters += 1
            sizes[round(g.size * 2) / 2] += 1
            info = strong_info(g.text)
            n_rtl += info[1]
            n_ltr += info[2]
    if page.rotated:
        result.warnings.append(
            Diagnostic("rotated_text", f"page {number}: {page.rotated} rotated or vertical glyphs ignored", page=number)
        )
    shapes = _bullet_shapes(page)
    if not glyphs:
        return result
    rtl_page = n_rtl >= n_ltr
    em = sizes.most_common(1)[0][0] if sizes else 10.0
    bases = stream_neighbours(stream + [g for layer in layers for g in layer]) if marks or layers else None
    glyphs, marks = _take_tables(result, page, glyphs, marks, bases, rtl_page, em)
    rows = _layout(glyphs, _boxes(page), rtl_page, em)
    for layer in layers:
        rows = _add_layer(rows, [g for g in layer if g.kind != MARK], rtl_page, em)
    regions = attach_marks(rows, marks + [g for layer in layers for g in layer if g.kind == MARK])
    for region in regions:
        lines = [line for line in (make_line(row, rtl_page, bases) for row in region) if line is not None]
        if shapes:
            _mark_drawn_bullets(lines, shapes)
        if lines:
            result.regions.append(lines)
    return result


def _layout(glyphs: list[Glyph], boxes: list[Box], rtl_page: bool, em: float) -> list[list[list[Glyph]]]:
    """A page's glyphs as regions of rows in reading order: columns from
    gutters, cards from the boxes drawn behind them (:mod:`.pdf_layout`)."""
    return boxed_regions(glyphs, boxes, rtl_page, em)


def _boxes(page: PdfPage) -> list[Box]:
    """The page's painted rectangles that may frame text: fills and frames
    (images and shadings aside)."""
    return [Box(s.x0, s.x1, s.top, s.bottom) for s in page.shapes if s.kind in ("fill", "stroke", "fill+stroke")]


def _add_layer(regions: list[list[list[Glyph]]], layer: list[Glyph], rtl_page: bool, em: float) -> list[list[list[Glyph]]]:
    """Put the rows of an overlay layer (solid text drawn over other text,
    :mod:`.pdf_overlay`) into the region of the page's text they cover,
    each where its top falls among the region's rows: a badge over a
    heading's end reads as a line of its own next to the heading."""
    if not layer:
        return regions
    out = [list(region) for region in regions]
    for part in page_regions(layer, rtl_page, em):
        for row in part:
            x0, x1 = min(g.x0 for g in row), max(g.x1 for g in row)
            top, bottom = min(g.top for g in row), max(g.bottom for g in row)
            best, best_area = None, 0.0
            for i, region in enumerate(out):
                area = 0.0
                for other in region:
                    for g in other:
                        w = min(x1, g.x1) - max(x0, g.x0)
                        h = min(bottom, g.bottom) - max(top, g.top)
                        if w > 0 and h > 0:
                            area += w * h
                if area > best_area:
                    best, best_area = i, area
            if best is None:
                out.append([row])
                continue
            tops = [min(g.top for g in other) for other in out[best]]
            out[best].insert(bisect.bisect_right(tops, top), row)
    return out


def _take_tables(
    result: _Page, page: PdfPage, glyphs: list[Glyph], marks: list[Glyph], bases, rtl_page: bool, em: float
) -> tuple[list[Glyph], list[Glyph]]:
    """Find the page's tables (:mod:`.pdf_tables`); their glyphs leave the
    page's text and come back as one table block each (:func:`_place_tables`).

    Returns:
        The glyphs and marks outside the tables.
    """
    found = find_tables(page, glyphs, marks, bases, rtl_page, em)
    result.tables = found.tables
    result.warnings.extend(Diagnostic(code, message, page=page.number) for code, message in found.warnings)
    return found.glyphs, found.marks


@contextmanager
def _table_lines_in_regions(pages: list[_Page]):
    """Let the document-wide passes (text-layer check, Latin line direction,
    number ranges, brackets) see the tables' lines: each table is a region
    of its page for the time of the ``with`` block. A page whose regions a
    pass removed (a garbled text layer) loses its tables too."""
    added: dict[int, list[int]] = {}
    for p in pages:
        for t in p.tables:
            region = t.lines
            if region:
                p.regions.append(region)
                added.setdefault(p.number, []).append(id(region))
    try:
        yield
    finally:
        for p in pages:
            ids = added.get(p.number)
            if not ids:
                continue
            kept = {id(r) for r in p.regions}
            if not any(i in kept for i in ids):
                p.tables = []
            p.regions = [r for r in p.regions if id(r) not in ids]


def _join_tables(pages: list[_Page]) -> None:
    """One table of a table that goes on across pages.

    A table that ends its page's body (no body line below it) and one that
    begins the next page's body (none above it) with the same columns
    (:func:`~.pdf_tables.continues`) are one table; a repeated header is
    dropped (:func:`~.pdf_tables.join_continued`).
    """
    open_table: PageTable | None = None
    for p in pages:
        lines = [line for region in p.regions for line in region]

        def ends_page(t: PageTable) -> bool:
            return not any(line.top >= t.bbox.bottom - 1 for line in lines)

        if open_table is not None and p.tables:
            nxt = p.tables[0]
            if not any(line.bottom <= nxt.bbox.top + 1 for line in lines) and continues(open_table, nxt):
                join_continued(open_table, nxt)
                p.tables.pop(0)
                if not p.tables and ends_page(nxt):
                    continue  # the joined table goes on to the next page
        open_table = p.tables[-1] if p.tables and ends_page(p.tables[-1]) else None


@lru_cache(maxsize=256)
def _font_family(fontname: str) -> str:
    """The font's name without its subset prefix (``ABCDEF+``)."""
    return str(fontname).split("+", 1)[-1]


@lru_cache(maxsize=256)
def _is_bold(fontname) -> bool:
    if isinstance(fontname, bytes):
        fontname = fontname.decode("latin-1")
    return bool(_BOLD_RE.search(str(fontname).split("+", 1)[-1]))


def _bullet_shapes(page: PdfPage) -> list[tuple]:
    """Small drawn shapes: candidate list bullets (pitfall 8).

    Returns:
        ``[(x0, x1, top, bottom), ...]`` of painted paths between 1.5 and 12
        points wide and high with an aspect ratio within 1:2.
    """
    shapes = []
    for s in page.shapes:
        if s.kind in ("image", "shading"):
            continue
        w, h = s.x1 - s.x0, s.bottom - s.top
        if 1.5 <= w <= 12 and 1.5 <= h <= 12 and 0.5 <= w / h <= 2:
            shapes.append((s.x0, s.x1, s.top, s.bottom))
    return shapes


def _mark_drawn_bullets(lines: list[Line], shapes: list[tuple]) -> None:
    """A small shape just before a line's start edge, at its height, is its bullet."""
    for line in lines:
        if line.marker:
            continue
        for x0, x1, top, bottom in shapes:
            cy = (top + bottom) / 2
            if not line.top <= cy <= line.bottom or max(x1 - x0, bottom - top) > 0.8 * line.size:
                continue
            gap = x0 - line.x1 if line.rtl else line.x0 - x1
            if -0.5 <= gap <= 2.5 * line.size:
                line.marker = True
                break


# --------------------------------------------------------------------------
# Whole-document passes


def _check_text_layer(path: Path, pages: list[_Page], hint: str = "OCR needed") -> list[Diagnostic]:
    """Raise :class:`NoTextLayerError` when most pages have no usable text.

    A page has no usable text layer when it has no letters but images or
    unmapped glyphs, or when at least half its glyphs are unmapped (pitfall
    9), or when its text is garbled: glyphs mapped to the wrong letters, so
    that few of its Arabic words are words (:mod:`.text_quality`). A
    document without any Arabic letter has no usable layer either (an
    Arabic brochure whose fonts map glyphs to other code points). Pages
    read by OCR have a text layer; their text is judged the same way.

    The text of a garbled page is never parsed: its lines are removed.

    Args:
        hint: what the messages say to do (``"OCR needed"``, or what to install).

    Returns:
        For a minority of such pages, one warning per page
        (``missing_text_layer``, ``garbled_text_layer`` or, for a page read
        by OCR, ``ocr_unreadable``, with the page): their text is missing.
    """
    missing = [p.number for p in pages if not p.ocr and _no_text(p)]
    garbled = []
    for p in pages:
        if p.number not in missing:
            quality = _garbled(p)
            if quality is not None:
                garbled.append((p.number, quality))
    content = [p for p in pages if p.letters or p.images or p.cids or p.ocr]
    if not content:
        unreadable = [w for p in pages for w in p.warnings if w.code == "content_unreadable"]
        if unreadable:
            # Nothing was read because the content could not be decoded (or
            # decodes to more than the reader takes): a broken or hostile
            # file, not a scan.
            raise CorruptPdfError(path, f"no page shows anything: {unreadable[0].message}", page=unreadable[0].page)
        raise NoTextLayerError(path, "no text and no images on any page")
    # pages OCR could not read (their warning says why)
    failed = [p for p in pages if p.ocr is not None and (p.ocr.error or p.ocr.unreadable)]
    bad = sorted(missing + [n for n, _ in garbled if not pages[n - 1].ocr] + [p.number for p in failed])
    if bad and len(bad) * 2 >= len(content):
        which = "all pages" if len(bad) == len(pages) else f"pages {_ranges(bad)} of {len(pages)}"
        if len(failed) == len(bad):
            first = failed[0].ocr
            raise NoTextLayerError(path, f"OCR could not read {which} ({first.error or 'no readable text'})")
        why = "images or glyphs without Unicode mapping" if not garbled else (
            "glyphs mapped to the wrong letters" if not missing else "images, unmapped glyphs or glyphs mapped to the wrong letters"
        )
        raise NoTextLayerError(path, f"no usable text layer on {which} ({why}); {hint}")
    if not any(_ARABIC_RE.search(line.text) for p in pages for region in p.regions for line in region):
        raise NoTextLayerError(path, f"the text layer has no Arabic letters (fonts without a usable Unicode mapping); {hint}")
    out = [
        Diagnostic("missing_text_layer", f"page {n}: no text layer (images or unmapped glyphs); its text is missing, {hint}", page=n)
        for n in missing
    ]
    for n, quality in garbled:
        if pages[n - 1].ocr:
            out.append(Diagnostic(
                "ocr_unreadable",
                f"page {n}: OCR read few Arabic words (only {quality.known} of {quality.words} are words); "
                "its text is left out",
                page=n,
            ))
        else:
            out.append(Diagnostic(
                "garbled_text_layer",
                f"page {n}: the text layer maps glyphs to the wrong letters (only {quality.known} of {quality.words} "
                f"Arabic words are words); its text is left out, {hint}",
                page=n,
            ))
        pages[n - 1].regions = []
    out.sort(key=lambda d: d.page or 0)
    return out


def _garbled(page: _Page):
    """The page's text quality when its text is garbled (:mod:`.text_quality`), else ``None``."""
    if not page.regions:
        return None
    quality = assess(" ".join(line.text for region in page.regions for line in region))
    return quality if quality.garbled else None


def _read_by_ocr(path: Path, data: bytes, password: str | None, pages: list[_Page], mode: _ocr.OcrMode) -> str:
    """Replace the pages that need it by their OCR reading (see :mod:`.ocr`).

    ``mode="auto"`` reads pages without usable text: no letters but images
    or drawn paths (a scan, text drawn as outlines), mostly unmapped glyphs,
    or garbled text; ``"always"`` reads every page; ``"never"`` none. The
    recognised words become the glyphs of a text layer and go through
    :func:`_read_page` like any page. OCR sizes are put on the scale of the
    text-layer pages' body size.

    Returns:
        What messages about pages still without text should advise:
        ``"OCR needed"``, with the packages to install when Tesseract or its
        Arabic model is missing.

    Raises:
        IncompatibleDependencyError: ``mode="always"`` without Tesseract or
            its Arabic model.
    """
    if mode == "never":
        return "OCR needed (--ocr auto reads such pages)"
    wanted = [p for p in pages if mode == "always" or _needs_ocr(p)]
    if not wanted:
        return "OCR needed"
    problem = _ocr.ocr_unavailable()
    if problem:
        if mode == "always":
            raise IncompatibleDependencyError(path, f"OCR was asked for every page, but {problem}")
        return f"OCR needed, but {problem}"
    read = _ocr.recognise(data, [p.number for p in wanted], password=password)
    numbers = {p.number for p in wanted}
    weights: Counter = Counter()
    for p in pages:
        if p.number not in numbers:
            for region in p.regions:
                for line in region:
                    weights[line.size] += line.n_letters
    sizes = _ocr.line_sizes(read, weights.most_common(1)[0][0] if weights else None)
    for p, r in zip(wanted, read):
        page = PdfPage(p.number, r.width, r.height, glyphs=_ocr.page_glyphs(r, sizes), images=p.images,
                       warnings=_ocr.page_warnings(r))
        new = _read_page(page)
        new.ocr = r
        pages[p.number - 1] = new
    return "OCR needed"


def _needs_ocr(page: _Page) -> bool:
    if _no_text(page) or (not page.letters and page.shapes):
        return True
    return _garbled(page) is not None


def _mark_ocr_blocks(blocks: list[Block], pages: list[_Page]) -> list[Block]:
    """Give blocks read by OCR their mean word confidence, and boxes on the PDF page.

    A block's words are the OCR words whose centres lie in its box (boxes
    of the straightened page); a block that continues on the next page
    counts its first page's words.
    """
    ocr = {p.number: p.ocr for p in pages if p.ocr is not None}
    if not ocr:
        return blocks
    out = []
    for b in blocks:
        page = ocr.get(b.page)
        if page is None or b.bbox is None:
            out.append(b)
            continue
        box = b.bbox
        words = [w for w in page.words
                 if box.x0 - 0.5 <= (w.x0 + w.x1) / 2 <= box.x1 + 0.5 and box.top - 0.5 <= (w.top + w.bottom) / 2 <= box.bottom + 0.5]
        # a block's box ends at its last baseline: words centred below it by
        # their descenders still belong to it
        if not words:
            words = [w for w in page.words if box.x0 <= w.x1 and w.x0 <= box.x1 and box.top <= w.bottom and w.top <= box.bottom]
        out.append(replace(b, bbox=page.to_page(box), ocr_confidence=_ocr.mean_confidence(words) or 0.0))
    return out


def _no_text(page: _Page) -> bool:
    if page.cids and page.cids >= CID_SHARE_NO_TEXT * (page.cids + page.letters):
        return True
    return not page.letters and bool(page.images)


def _ranges(numbers: list[int]) -> str:
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(out)


def _wrapped_latin_lines(pages: list[_Page]) -> None:
    """Read a Latin-only line that a soft wrap cut out of a right-to-left paragraph as drawn.

    A long Latin run in an Arabic paragraph (an IBAN, a name, an address)
    can fill a line of its own: ``IBAN: JO71 ARAB 1180 0000 0011 8123``
    between ``… في البنك العربي رقم`` and ``4567 890، أو عبر …``. Over the
    whole paragraph, UAX #9 gave the run's numbers the direction of the
    Latin text before them (W7), so the line was drawn in logical order;
    read alone, its rightmost number is taken for one that logically
    precedes the Latin text (``8123 IBAN: …``), which is right for an
    address line after a hard break (``Geneva 19 1211`` drawn for ``1211
    Geneva 19``: CSS starts a new bidi paragraph there) but not for a piece
    of a wrapped run.

    A line counts as wrapped when the right-to-left line before it had no
    room for its first word and it has none for the next line's first word
    (:func:`~.pdf_layout.ends_full`), all three in one size at no more than
    the paragraph line pitch, and it has no evidence of its own direction
    (:func:`~.pdf_line.latin_evidence`). It is held as drawn
    (:func:`~.pdf_line.hold_leading_run`; the mark stays in the line's
    visual string, so later readings keep it); its direction is left alone,
    so it stays in its paragraph.

    The start of the next, Arabic, line (``4567 890``) is left to the line's
    own reading: there producers differ (Chromium and LibreOffice resolve
    the paragraph as a whole and draw ``4567 890``; WeasyPrint resolves
    each line on its own and draws ``890 4567``), and the drawing does not
    say which did.
    """
    pitch = usual_pitch([region for p in pages for region in p.regions])
    for p in pages:
        for region in p.regions:
            for i in range(1, len(region) - 1):
                prev, line, nxt = region[i - 1], region[i], region[i + 1]
                if line.script != "L" or line.own_dir or line.marker or nxt.marker:
                    continue
                if not (prev.rtl and prev.script == "R"):
                    continue
                if not (_same_paragraph(prev, line, pitch) and _same_paragraph(line, nxt, pitch)):
                    continue
                if ends_full([prev], region, None, line) and ends_full([line], region, None, nxt):
                    line.visual = hold_leading_run(line.visual)
                    line.text = reorder(line.visual, line.rtl, latin_only=True)


def _same_paragraph(a: Line, b: Line, pitch: float) -> bool:
    """Consecutive lines ``a``, ``b`` in one size (within 15 %) at no more
    than the paragraph line pitch (``PARAGRAPH_PITCH`` × ``pitch`` ems)."""
    big = max(a.size, b.size)
    return big > 0 and abs(a.size - b.size) <= 0.15 * big and 0.3 < (b.base - a.base) / big <= PARAGRAPH_PITCH * pitch


def _align_latin_lines(pages: list[_Page]) -> None:
    """Give Latin-led lines without evidence of their own the direction their alignment shows.

    A paragraph's lines sit flush with its start edge. On a page whose
    Arabic lines are flush right (or all flush left: LibreOffice sets
    right-to-left paragraphs flush left when told "start"), a Latin line
    flush with the same edge is in a right-to-left paragraph like them
    (``Geneva 19 1211`` as drawn reads ``1211 Geneva 19``), and a Latin line
    flush with the other edge is in a left-to-right one. Lines flush with
    both edges or neither (full, centred) show nothing; a region without
    Arabic lines at one edge only shows nothing either. The alignment beats
    the document's vote (:func:`_settle_latin_lines`): one page may mix
    both kinds of paragraph.
    """
    for p in pages:
        for region in p.regions:
            left = min(line.x0 for line in region)
            right = max(line.x1 for line in region)

            def edge(line: Line) -> int:  # 1 flush right only, -1 flush left only, 0 otherwise
                at_r = right - line.x1 <= ALIGN_TOLERANCE
                at_l = line.x0 - left <= ALIGN_TOLERANCE
                return 0 if at_r == at_l else 1 if at_r else -1

            arabic = Counter(edge(line) for line in region if line.script == "R" and not line.latin_led)
            if arabic[1] == arabic[-1]:
                continue
            start = 1 if arabic[1] > arabic[-1] else -1
            for line in region:
                if line.own_dir or not line.latin_led or not (side := edge(line)):
                    continue
                line.own_dir = True
                rtl = side == start
                if rtl != line.rtl:
                    line.rtl = rtl
                    line.text = reorder(line.visual, rtl, latin_only=line.script == "L")


def _settle_latin_lines(pages: list[_Page]) -> None:
    """Give Latin-led lines without evidence of their own the document's direction.

    Producers lay Latin-only lines out either as right-to-left paragraphs
    (HTML ``dir=rtl``, word processors in an Arabic document) or by their
    first strong character (left-to-right). The visual order of such a line
    alone often cannot tell (``Geneva 19 1211`` vs ``1211 Geneva 19``); the
    lines that can (:func:`~.pdf_layout.latin_evidence`) vote for the rest.
    Without any evidence, each page's dominant direction stays.
    """
    lines = [line for p in pages for region in p.regions for line in region]
    votes = Counter(line.rtl for line in lines if line.own_dir and line.latin_led)
    if not votes or votes[True] == votes[False]:
        return
    rtl = votes[True] > votes[False]
    for line in lines:
        if not line.own_dir and line.rtl != rtl:
            line.rtl = rtl
            line.text = reorder(line.visual, rtl, latin_only=line.script == "L")



def _settle_number_ranges(pages: list[_Page]) -> None:
    """Read ranges set off by a style change as drawn when the document says so.

    Whether ``14-15`` after a bold Arabic label is drawn ``15-14`` (the
    bidi algorithm over the whole paragraph: Chromium, LibreOffice) or
    ``14-15`` (over each style run: WeasyPrint) depends on the producer (see
    :func:`~.pdf_line.reorder_ranges`). Ranges go up (``14-15``,
    ``2005-2009``): when more of the document's style-separated ranges go up
    read as drawn than read reversed, they are read as drawn.
    """
    found = [(line, line.ranges) for p in pages for region in p.regions for line in region if line.ranges]
    if not found:
        return
    as_drawn = reversed_ = 0
    for line, which in found:
        for k, m in enumerate(RANGE_RE.finditer(line.visual)):
            if k in which:
                a, b = re.split(r"[-\u2013]", m.group(0))
                as_drawn += int(a) < int(b)
                reversed_ += int(b) < int(a)
    if as_drawn > reversed_:
        for line, which in found:
            line.text = reorder_ranges(line, which)


def _fix_brackets(pages: list[_Page]) -> None:
    """Turn mirrored brackets into logical ones when the producer wrote glyph shapes.

    Some producers store the character of the glyph drawn, i.e. ``)`` where
    a right-to-left text has a logical ``(`` (pitfall 2); others store the
    logical character. python-bidi does not mirror, so the reordered text has
    whatever the producer stored. The whole document votes on the brackets
    in right-to-left context: an opening bracket is normally followed by a
    non-space (``(4 منتديات``) and a closing one preceded by one
    (``الهجرة)``); the reading, as stored or swapped, that fits more
    brackets wins (a tie keeps them as stored).
    """
    lines = [line for p in pages for region in p.regions for line in region]
    found = [(line, _rtl_brackets(line)) for line in lines if any(c in line.text for c in _OPEN + _CLOSE)]
    found = [(line, idx) for line, idx in found if idx]
    score = sum(_bracket_fit(line.text, i) for line, idx in found for i in idx)
    if score >= 0:
        return
    for line, idx in found:
        chars = list(line.text)
        for i in idx:
            chars[i] = chars[i].translate(_MIRROR)
        line.text = "".join(chars)


def _bracket_fit(text: str, i: int) -> int:
    """+1 when bracket ``text[i]`` sits as a logical bracket does, -1 when as
    its mirror image does, 0 when unclear."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    inner, outer = (after, before) if text[i] in _OPEN else (before, after)
    if inner.isspace() == outer.isspace():
        return 0
    return 1 if outer.isspace() else -1


def _rtl_brackets(line: Line) -> list[int]:
    """Indices of brackets in right-to-left context (UAX #9 N0–N2, simplified).

    A bracket pair around Latin-only content next to Latin text, or in a
    Latin-only line, is left-to-right (N0); any other bracket is right-to-left when the nearest
    strong characters around it (digits count as R, N1) are not both Latin,
    in a right-to-left paragraph, or when both are right-to-left.
    """
    text = line.text
    ltr_pairs: set[int] = set()
    stack: list[int] = []
    for i, c in enumerate(text):
        if c in _OPEN:
            stack.append(i)
        elif c in _CLOSE and stack:
            j = stack.pop()
            inside = {strong_info(ch)[3] for ch in text[j + 1 : i]} - {None}
            if inside == {"L"} and (line.script == "L" or "L" in (_strong_near(text, j, -1), _strong_near(text, i, 1))):
                ltr_pairs.update((i, j))
    out = []
    for i, c in enumerate(text):
        if (c in _OPEN or c in _CLOSE) and i not in ltr_pairs:
            before = _strong_near(text, i, -1)
            after = _strong_near(text, i, 1)
            if before == "R" and after == "R" or (line.rtl and not (before == "L" and after == "L")):
                out.append(i)
    return out


def _strong_near(text: str, i: int, step: int) -> str | None:
    i += step
    while 0 <= i < len(text):
        info = strong_info(text[i])
        if info[3] is not None:
            return info[3]
        if text[i].isdigit():
            return "R"
        i += step
    return None


def _drop_running_heads(pages: list[_Page]) -> None:
    """Take running headers/footers and page numbers out of the text (pitfall 10).

    They are kept as the page's furniture (blocks with role ``header`` or
    ``footer``). Candidates are lines in the top or bottom ``HEAD_SHARE`` of
    a page. A bare number in the top or bottom ``MARGIN_SHARE`` ("3",
    "- 3 -", "صفحة ٣", "3 / 12") is a page number when it goes up with the
    pages (:func:`_page_numbers`). A line whose text, digits masked, recurs
    on at least two pages and 40 % of the pages is a running head or footer
    when it is in the ``MARGIN_SHARE`` margins, or when it is the first (last)
    line of those pages, at the same height (within 1 % of the page height), and nowhere else
    (at least 80 % of its copies there) and is set no larger than the body
    text: a repeated heading such as ``مادة ( # )`` that starts some pages is
    found at other heights too, and a section heading ``القسم #`` atop each
    page is larger than the body. A page number at either end of the line
    does not change its text (``2 الجريدة …`` on even pages, ``الجريدة … 3``
    on odd ones). The same text at the same size as the first or last line
    of any page is one as well. Stacked running lines are found from the
    page's edge inwards (once the outer one is out, the next is the first or
    last line), but never a page's last body line; a copy with words added
    at one end at the same height is a copy (:func:`_merge_extended`); a
    line in the margin on the band of a running line of its page, no larger
    than the body text, is furniture too (a button printed beside a banner's
    text on the first page only).
    """
    weights: Counter = Counter()
    for p in pages:
        for region in p.regions:
            for line in region:
                weights[line.size] += line.n_letters
    body = weights.most_common(1)[0][0] if weights else 0.0
    numbers = [
        (p, line) for p in pages for region in p.regions for line in region
        if _margin_zone(line, p.height, MARGIN_SHARE) and PAGE_NUMBER_RE.match(line.text)
    ]
    page_numbers = {id(line) for line in _page_numbers(numbers)}
    bare = {id(line) for _, line in numbers}
    groups: dict[tuple, list[tuple[_Page, Line]]] = {}
    for p in pages:
        for region in p.regions:
            for line in region:
                zone = _margin_zone(line, p.height, HEAD_SHARE)
                if zone and id(line) not in bare:
                    groups.setdefault((zone, _running_key(line)), []).append((p, line))
    groups = _merge_extended(groups)
    need = max(2, 0.4 * len(pages))
    drop: set[int] = set(page_numbers)
    running: set[tuple[str, float]] = set()
    decided: set[tuple] = set()
    # Stacked running lines (a banner's text above its button, a footer's
    # two lines) are found from the page's end inwards: once the outer
    # one is out, the next is the first (last) line of its page; a page's
    # last body line is never taken so (pages alike line for line are text).
    first = True
    while True:
        outer: set[int] = set()  # the first and last lines of each page, page numbers and running lines aside
        for p in pages:
            lines = [line for region in p.regions for line in region if id(line) not in drop]
            if lines:
                outer.add(id(min(lines, key=lambda ln: ln.top)))
                outer.add(id(max(lines, key=lambda ln: ln.bottom)))
        found = False
        for key, items in groups.items():
            if key in decided or len({p.number for p, _ in items}) < need:
                continue
            tops = sorted(line.top for _, line in items)
            middle = tops[len(tops) // 2]
            aligned = [(p, line) for p, line in items if abs(line.top - middle) <= 0.01 * p.height and id(line) in outer]
            if len(aligned) >= 0.8 * len(items) and len({p.number for p, _ in aligned}) >= need and _middle_size(aligned) <= body:
                heads = aligned
            else:
                heads = [(p, line) for p, line in items if _margin_zone(line, p.height, MARGIN_SHARE)]
            if len({p.number for p, _ in heads}) < need:
                continue
            decided.add(key)
            if not first and any(
                all(id(line) in drop or any(line is h for _, h in heads) for region in p.regions for line in region)
                for p, _ in heads
            ):
                continue
            found = True
            drop.update(id(line) for _, line in heads)
            running.update((key[1], line.size) for _, line in heads)
        if not found:
            break
        first = False
    # A running head or footer that a short page lets float up to the end
    # of its text (a table footer repeated by a browser) is still one: the
    # same text at the same size as the margin copies, first or last on
    # its page.
    if running:
        for p in pages:
            lines = [line for region in p.regions for line in region if id(line) not in drop]
            if not lines:
                continue
            for line in (min(lines, key=lambda ln: ln.top), max(lines, key=lambda ln: ln.bottom)):
                if (_running_key(line), line.size) in running:
                    drop.add(id(line))
    # What stands beside a running line in the margin, on its band, no
    # larger than the body text (a button printed on one page only beside a
    # banner's text), is furniture too; a title beside a running head is not.
    if len(drop) > len(page_numbers):
        for p in pages:
            heads = [line for region in p.regions for line in region if id(line) in drop and id(line) not in page_numbers]
            for region in p.regions:
                for line in region:
                    if id(line) not in drop and line.size <= body and _margin_zone(line, p.height, MARGIN_SHARE) and any(
                        min(line.bottom, h.bottom) - max(line.top, h.top) >= 0.5 * min(line.bottom - line.top, h.bottom - h.top)
                        for h in heads
                    ):
                        drop.add(id(line))
    if drop and all(id(line) in drop for p in pages for region in p.regions for line in region):
        return  # nothing but the repeated lines: they are the text (a one-line notice on every page)
    if drop:
        for p in pages:
            for region in p.regions:
                for line in region:
                    if id(line) in drop:
                        zone = "header" if line.top < p.height / 2 else "footer"
                        p.furniture.append((zone, line))
            p.regions = [kept for kept in ([l for l in r if id(l) not in drop] for r in p.regions) if kept]


def _merge_extended(groups: dict[tuple, list[tuple[_Page, Line]]]) -> dict[tuple, list[tuple[_Page, Line]]]:
    """Join to a group of running lines the lines of the same zone that
    extend its text by words at one end, set at the group's height (within
    1 % of the page height): a browser prints a fixed banner on every page
    but its button on the first only (``… ذلك.`` and ``… ذلك. موافق``). The
    shorter text has ``EXTENDED_MIN_WORDS`` words at least (a short head
    such as ``الفصل`` does not take in a heading that begins with it)."""
    keys = sorted(groups, key=lambda k: len(k[1]))
    merged = dict(groups)
    for i, short in enumerate(keys):
        if short not in merged or len(short[1].split()) < EXTENDED_MIN_WORDS:
            continue
        tops = sorted(line.top for _, line in merged[short])
        middle = tops[len(tops) // 2]
        for long in keys[i + 1 :]:
            if long not in merged or long[0] != short[0] or long[1] == short[1]:
                continue
            if not (long[1].startswith(short[1] + " ") or long[1].endswith(" " + short[1])):
                continue
            items = merged[long]
            if all(abs(line.top - middle) <= 0.01 * p.height for p, line in items):
                merged[short] = merged[short] + items
                del merged[long]
    return merged


def _middle_size(items: list[tuple[_Page, Line]]) -> float:
    sizes = sorted(line.size for _, line in items)
    return sizes[len(sizes) // 2]


def _running_key(line: Line) -> str:
    """A line's text with digits masked and a number at either end removed."""
    return _EDGE_NUMBER_RE.sub("", _DIGITS_RE.sub("#", " ".join(line.text.split())))


_EDGE_NUMBER_RE = re.compile(r"^#(?:\s+|$)|\s+#$")


def _page_numbers(numbers: list[tuple[_Page, Line]]) -> list[Line]:
    """The bare numbers in page margins that number the pages.

    A page number's value goes up with the page: value − page index is the
    same on the pages that carry one. A number whose offset is not the
    document's usual one (seen on at least two pages, or 0 when fewer pages
    have a number) is text: a year wrapped onto a line of its own at the
    foot of a column (``… لعام`` / ``2005``) is no page number.
    """
    offsets: list[tuple[Line, int | None]] = []
    for p, line in numbers:
        m = _DIGITS_RE.search(line.text)
        try:
            offsets.append((line, int(m.group()) - p.number))
        except (AttributeError, ValueError):
            offsets.append((line, None))
    counts = Counter(off for _, off in offsets if off is not None)
    usual = [off for off, n in counts.items() if n >= 2] or [0]
    return [line for line, off in offsets if off in usual]


def _margin_zone(line: Line, height: float, share: float = MARGIN_SHARE) -> str | None:
    if line.bottom <= share * height:
        return "top"
    if line.top >= (1 - share) * height:
        return "bottom"
    return None


def _make_blocks(pages: list[_Page]) -> list[Block]:
    """Blocks of all pages, with heading levels from the document's font sizes.

    The body size is the most common line size weighted by letters. Sizes
    at least ``HEADING_RATIO`` times larger are heading levels 1, 2, … from
    the largest. A short block (one or two lines) wholly in bold at body size
    or a little larger (a card's title 1.1 times the body) that does not end
    with a full stop is a heading one level below those.

    Two blocks become one (:func:`_merge_drafts`) where a region boundary
    cut a heading or a paragraph.
    """
    weights: Counter = Counter()
    for p in pages:
        for region in p.regions:
            for line in region:
                weights[line.size] += line.n_letters
    if not weights and not any(p.tables for p in pages):
        return []
    body = weights.most_common(1)[0][0] if weights else 0.0
    heading_sizes = sorted((s for s in weights if s >= HEADING_RATIO * body), reverse=True)
    levels = {s: min(i + 1, 6) for i, s in enumerate(heading_sizes)}
    bold_level = min(len(heading_sizes) + 1, 6)
    regions = [r for p in pages for r in p.regions]
    pitch = usual_pitch(regions)
    greedy = wraps_greedily(regions, pitch)
    gap = paragraph_pitch(regions, pitch, greedy)
    frames = iter(region_frames(regions, _open_sides(pages)))
    drafts: list[_Draft] = []
    for p in pages:
        for region in p.regions:
            frame = next(frames)
            for k, draft in enumerate(region_blocks(region, pitch, greedy, frame, gap)):
                lines = draft.lines
                bold = any(line.bold for line in lines) and all(line.bold is not False for line in lines)
                level = levels.get(lines[0].size)
                if level is None and len(lines) <= 2 and not draft.list_item and lines[0].size > 0.9 * body:
                    if bold and not lines[-1].text.rstrip().endswith("."):
                        level = bold_level
                drafts.append(_Draft(p.number, p.number, list(lines), list(draft.joins or (None,) * (len(lines) - 1)),
                                     level, bold, draft.list_item, k == 0, region, frame))
    blocks = []
    by_page: dict[int, list[Block]] = {}
    merged = _split_ordered_items(_merge_drafts(drafts, gap, greedy))
    _ordered_items(merged)
    for d in merged:
        lines = d.lines if d.page == d.page_end else [ln for ln in d.lines if ln.page == d.page]
        sizes: Counter = Counter()
        for line in d.lines:
            sizes[line.size] += line.n_letters or 1
        by_page.setdefault(d.page, []).append(
            Block(
                lines=tuple(line.text for line in d.lines),
                page=d.page,
                page_end=d.page_end if d.page_end != d.page else None,
                bbox=_bbox(lines),
                heading_level=d.level,
                bold=d.bold,
                list_item=d.list_item,
                list_level=d.list_level,
                joins=tuple(d.joins) if any(j is not None for j in d.joins) else (),
                font_size=sizes.most_common(1)[0][0],
            )
        )
    for p in pages:
        _place_tables(by_page.setdefault(p.number, []), p.tables)
    for p in pages:
        heads = [(ln.top, Block(lines=(ln.text,), page=p.number, bbox=_bbox([ln]), font_size=ln.size, bold=bool(ln.bold),
                                role=zone)) for zone, ln in p.furniture]
        heads.sort(key=lambda item: item[0])
        page_blocks = [b for _, b in heads if b.role == "header"] + by_page.get(p.number, []) + [
            b for _, b in heads if b.role == "footer"]
        blocks.extend(_attach_links(page_blocks, p.links))
    return blocks


def _attach_links(blocks: list[Block], links: list[tuple[str, tuple[float, float, float, float]]]) -> list[Block]:
    """The page's blocks with its web links (``Block.links``, as ``("",
    uri)``: which words a link's box covers is not read): each link goes to
    the block its box overlaps most, else to the nearest block (an icon
    beside a line of text); a link whose address the block already prints
    is left out (its text says it)."""
    if not links or not blocks:
        return blocks
    found: dict[int, list[tuple[int, float, str]]] = {}
    for uri, (x0, top, x1, bottom) in links:
        def overlap(b: Block) -> float:
            if b.bbox is None:
                return 0.0
            w = min(x1, b.bbox.x1) - max(x0, b.bbox.x0)
            h = min(bottom, b.bbox.bottom) - max(top, b.bbox.top)
            return w * h if w > 0 and h > 0 else 0.0

        def distance(b: Block) -> tuple[bool, float]:
            # a block level with the link first (an icon after "تابعونا:"), then the nearest
            if b.bbox is None:
                return (True, float("inf"))
            dx = max(b.bbox.x0 - x1, x0 - b.bbox.x1, 0.0)
            dy = max(b.bbox.top - bottom, top - b.bbox.bottom, 0.0)
            return (dy > 0, dx * dx + dy * dy)

        k = max(range(len(blocks)), key=lambda i: overlap(blocks[i]))
        if overlap(blocks[k]) == 0.0:
            k = min(range(len(blocks)), key=lambda i: distance(blocks[i]))
        bare = re.sub(r"^(?:https?://|mailto:|tel:)", "", uri, flags=re.I).split("?")[0].rstrip("/")
        if bare and re.search(rf"(?<![\w.@/-]){re.escape(bare)}(?![\w@-]|/\w)", blocks[k].text, flags=re.I):
            continue  # printed whole in the block (not inside another address: info@amal.org is no amal.org)
        # reading order: by line, then right to left in an Arabic block
        rtl = bool(_ARABIC_RE.search(blocks[k].text))
        if all(u != uri for *_, u in found.get(k, ())):  # producers may write a link twice
            found.setdefault(k, []).append((round(top / 4), -x1 if rtl else x0, uri))
    return [replace(b, links=b.links + tuple(("", uri) for *_, uri in sorted(found[i]))) if i in found else b
            for i, b in enumerate(blocks)]


# An ordered list's printed numbering at a block's logical start: 1-3
# digits, or one Latin letter, then ".", ")" or a dash, then a letter
# (``1. الحصول``, ``a. أو``, ``٢- تقديم``, ``3)``). An Arabic letter with a
# full stop is a title (``د. سالم``, ``أ. نادية``), so only ``أ)`` counts.
_ORDERED_MARKER_RE = re.compile(
    r"^\(?(?:[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}\s*[.)\-\u2013]|[a-zA-Z][.)](?=\s*[\u0600-\u06ff])"
    r"|[\u0623\u0628\u062c\u062f\u0647\u0648\u0632\u062d\u0637\u064a]\))\s*(?=[^\W\d_])"
)


def _split_ordered_items(drafts: list[_Draft]) -> list[_Draft]:
    """Cut a body block that starts with a printed numbering at each later
    line that starts with one: items set without space between them
    (LibreOffice) came as one paragraph."""
    out: list[_Draft] = []
    for d in drafts:
        cuts = [k for k, line in enumerate(d.lines) if k and _ORDERED_MARKER_RE.match(line.text)]
        if d.level is not None or not cuts or not _ORDERED_MARKER_RE.match(d.lines[0].text):
            out.append(d)
            continue
        for a, b in zip([0] + cuts, cuts + [len(d.lines)]):
            lines = d.lines[a:b]
            out.append(replace(d, page=lines[0].page, page_end=lines[-1].page, lines=lines, joins=d.joins[a : b - 1],
                               first_in_region=d.first_in_region and a == 0))
    return out


def _ordered_items(drafts: list[_Draft]) -> None:
    """Mark ordered-list items and give list items their nesting depth.

    A body block (no heading level) that starts with a printed numbering
    (:data:`_ORDERED_MARKER_RE`) is a list item; the numbering stays in its
    text as printed (see ``models.TextBlock.type``). Consecutive list items
    of a region are one list; they nest by the edge their lines are aligned
    on (the start edge, the right one in right-to-left text; the edge where
    the items' first lines vary least, as a producer that sets
    right-to-left paragraphs flush left does): an item indented further
    than the one before is one level deeper (``a.``/``b.`` under ``2.``),
    one back at an earlier item's edge is at that item's level.
    """
    lists: list[list[_Draft]] = []
    for i, d in enumerate(drafts):
        if not d.list_item and d.level is None and _ORDERED_MARKER_RE.match(d.lines[0].text):
            d.list_item = True
        if not d.list_item:
            continue
        if lists and drafts[i - 1] is lists[-1][-1] and d.region is lists[-1][-1].region:
            lists[-1].append(d)
        else:
            lists.append([d])
    for items in lists:
        firsts = [d.lines[0] for d in items]
        rtl = Counter(line.rtl for line in firsts).most_common(1)[0][0]
        right = [line.x1 for line in firsts]
        left = [line.x0 for line in firsts]
        use_right = max(right) - min(right) <= max(left) - min(left)
        stack: list[float] = []  # edges of the open levels, outermost first
        for d, line in zip(items, firsts):
            edge = line.x1 if use_right else line.x0
            tol = 0.5 * line.size

            def deeper(than: float) -> float:  # how much further in from ``than`` this item is
                return than - edge if rtl == use_right else edge - than

            while stack and deeper(stack[-1]) < -tol:
                stack.pop()
            if not stack or deeper(stack[-1]) > tol:
                stack.append(edge)
            d.list_level = len(stack) - 1


def _open_sides(pages: list[_Page]) -> list[tuple[float | None, float | None]]:
    """Per region (in document order): the page's text edge on each side of
    the region when no other text of the page lies between them, else
    ``None`` (see :func:`~.pdf_layout.region_frames`).

    A page's text edges are those of its text, widened to mirror the
    margin on the other side: a page's margins are usually the same on both
    sides, and a column of short lines (the address panel of a tri-fold, a
    page of short right-aligned lines) need not reach its margin."""
    out: list[tuple[float | None, float | None]] = []
    for p in pages:
        lines = [line for region in p.regions for line in region]
        if not lines:
            continue
        lo = min(line.x0 for line in lines)
        hi = max(line.x1 for line in lines)
        if p.width:
            lo, hi = min(lo, p.width - hi), max(hi, p.width - lo)
        boxes = [(min(ln.x0 for ln in r), max(ln.x1 for ln in r), min(ln.top for ln in r), max(ln.bottom for ln in r))
                 for r in p.regions]
        for i, (x0, x1, top, bottom) in enumerate(boxes):
            beside = [b for j, b in enumerate(boxes) if j != i and b[2] < bottom and b[3] > top]
            left = any(b[1] <= x0 + 1.0 for b in beside)
            right = any(b[0] >= x1 - 1.0 for b in beside)
            out.append((None if left else lo, None if right else hi))
    return out


def _place_tables(blocks: list[Block], tables: list[PageTable]) -> None:
    """Put each table block among its page's blocks at its reading position:
    before the first block under its top edge among those beside it (that
    overlap it horizontally: the same column), else after the last of those
    above it, else before the first block under its top edge."""
    for t in tables:
        grid = t.grid()
        sizes: Counter = Counter()
        for line in t.lines:
            sizes[line.size] += line.n_letters or 1
        block = Block(
            lines=grid_lines(grid),
            page=t.page,
            page_end=t.pages[-1] if t.pages[-1] != t.page else None,
            bbox=t.bbox,
            font_size=sizes.most_common(1)[0][0] if sizes else None,
            table=grid,
        )
        box = t.bbox
        beside = [
            i for i, b in enumerate(blocks) if b.bbox is not None
            and min(b.bbox.x1, box.x1) - max(b.bbox.x0, box.x0) >= 0.3 * min(b.bbox.x1 - b.bbox.x0, box.x1 - box.x0)
        ]
        below = [i for i in beside if blocks[i].bbox.top >= box.top]
        if below:
            at = below[0]
        elif beside:
            at = beside[-1] + 1
        else:
            at = next((i for i, b in enumerate(blocks) if b.bbox is not None and b.bbox.top >= box.top), len(blocks))
        blocks.insert(at, block)


def _bbox(lines: list[Line]) -> BBox:
    return BBox(
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )


@dataclass
class _Draft:
    """A block being assembled (lines carry their page in ``Line.page``)."""

    page: int
    page_end: int
    lines: list[Line]
    joins: list[str | None]
    level: int | None
    bold: bool
    list_item: bool
    first_in_region: bool
    region: list[Line]
    frame: tuple[float, float] | None
    list_level: int = 0

    def __post_init__(self) -> None:
        for line in self.lines:
            line.page = self.page


def _merge_drafts(drafts: list[_Draft], gap: float, greedy: bool) -> list[_Draft]:
    """Join blocks that a region boundary cut.

    * A heading whose second line fell into another region (a title spanning
      two columns wraps; its last line is narrow enough to sit in the right
      column): the next block is a heading of the same level and style whose
      first line follows at the heading's own line pitch.
    * A paragraph cut by a column or page break: the block ends its region
      with a full line (no room for the next line's first word, with greedy
      line filling) and the next region, higher up on the page (the next
      column) or first on the next page, begins with body text of the same
      style without indent, not a heading or a list item. The
      segmenter joins cut paragraphs that end mid-sentence; this catches
      those cut right after a full stop.
    """
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and (_split_heading(prev, d, gap) or (greedy and _cut_paragraph(prev, d))):
            prev.lines.extend(d.lines)
            prev.joins.extend([" ", *d.joins])
            prev.page_end = d.page_end
            continue
        out.append(d)
    return out


def _split_heading(prev: _Draft, d: _Draft, gap: float) -> bool:
    if prev.level is None or d.level != prev.level or d.bold != prev.bold or d.page != prev.page_end:
        return False
    if not d.first_in_region or prev.list_item or d.list_item:
        return False
    a, b = prev.lines[-1], d.lines[0]
    if abs(a.size - b.size) > 0.05 * a.size or a.size <= 0:
        return False
    return 0.3 < (b.base - a.base) / a.size <= gap


def _cut_paragraph(prev: _Draft, d: _Draft) -> bool:
    if not d.first_in_region or prev.level is not None or d.level is not None or d.list_item:
        return False
    if prev.region is d.region or prev.lines[-1] is not prev.region[-1]:
        return False  # prev must end its region
    a, b = prev.lines[-1], d.lines[0]
    if abs(a.size - b.size) > 0.05 * a.size or a.bold != b.bold or a.script != b.script or b.marker:
        return False
    # Where a cut paragraph goes on: the top of the next column (higher up
    # on the same page) or the first text of the next page; not a region
    # below (a full-width note after the columns).
    if d.page == prev.page_end:
        if b.top > a.top - a.size:
            return False
    elif d.page != prev.page_end + 1:
        return False
    return ends_full(prev.lines, prev.region, prev.frame, b) and starts_flush(d.lines[0], d.region, d.frame)


