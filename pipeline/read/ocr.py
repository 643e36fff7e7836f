"""OCR of PDF pages without a usable text layer: render, straighten, recognise, lay out.

A page drawn as an image (a scan), with its text as outlines, or with a text
layer that maps glyphs to the wrong letters (:mod:`.text_quality`) is
rendered with pypdfium2 and recognised by Tesseract 5 with its Arabic model
(``ara``, plus ``eng`` when installed, for e-mails, web sites and Latin
names), through pytesseract. Tesseract is an optional system dependency
(Debian/Ubuntu packages ``tesseract-ocr`` and ``tesseract-ocr-ara``);
:func:`ocr_unavailable` says what is missing.

Why pytesseract (it runs the ``tesseract`` program) rather than tesserocr
(the C API): it works with the distribution's Tesseract and models, needs no
compiler nor a second copy of libtesseract in the wheel, and a crash of
Tesseract on a bad image ends one child process, not the batch worker. The
cost, starting the program and loading the model once per page, is about
0.1 s against seconds of recognition.

Steps for one page (:func:`recognise`):

1. **resolution**: ``DPI`` (300), or the resolution of the page's images
   when they are finer (a 400 dpi scan is read at 400 dpi, up to
   ``MAX_DPI``);
2. **grayscale**: the luminance on light pages; on dark pages (light text
   on a dark background, a slide) the brightest channel, so that coloured
   text on the dark background keeps its contrast;
3. **deskew**: the skew angle from the deskew library (Hough transform of
   the text lines, on a third of the resolution); a page skewed by more
   than ``MIN_SKEW`` degrees is straightened;
4. **recognition**: Tesseract's hOCR output: words with boxes and
   confidences, grouped in lines with baselines.

:func:`page_glyphs` then turns the words into the glyphs the PDF reader
reads (:mod:`.pdf_layout` and :mod:`.pdf_line`): each word's letters share
its box in visual order, words are separated by space glyphs, every glyph of
a line sits on the line's baseline and gets its font size. Rows, columns,
reading order, the bidi algorithm, list markers, running heads, headings and
paragraphs then come from the same code as a text layer's glyphs.
Coordinates are those of the straightened page (points, top-left origin);
:func:`OcrPage.to_page` maps a box back onto the PDF page.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import re
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal, Sequence

from bidi import get_display

from .blocks import BBox
from .pdf_backend import PdfGlyph

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[str, ...] = ("auto", "always", "never")
# Tesseract's models are trained on text lines of about 30 px x-height; at
# 300 dpi a 10 pt Arabic body text has that. Finer images are read as they
# are, up to MAX_DPI (memory: an A4 page at 600 dpi is 35 MB in grayscale).
DPI = 300
MAX_DPI = 600
# Below this skew (degrees) a page is read as it is: Tesseract's own line
# finder copes, and a rotation blurs the letters a little.
MIN_SKEW = 0.3
# Larger angles are not skew but a rotated page or a wrong estimate.
MAX_SKEW = 10.0
# Words whose confidence (0-100) is below this bar are kept but counted in
# the page's ``ocr_low_confidence`` warning. Tesseract gives 90+ to clean
# print; wrong readings of clean scans sit mostly below 60.
LOW_CONFIDENCE = 60.0
# A Latin word of an Arabic line read again in Arabic (see reread_latin).
REREAD_MARGIN = 10.0
REREAD_FLOOR = 40.0
# A page whose words have a lower mean confidence is not text Tesseract can
# read: clean print scores 90 and more, a poor scan 80-90, glyphs of a font
# without Arabic shapes about 50.
UNREADABLE_CONFIDENCE = 60.0
# Tesseract's page layout analysis (mode 3) sometimes drops whole lines: a
# title, column headings, a column's third line. When more than this share
# of the page's ink lies outside the words it found, the page is read again
# as sparse text (mode 11, every line on its own) and the two readings are
# combined (see combine()). Clean pages of text leave under 1 % of their ink outside
# words; such a page left 49 %, a slide with a photo 70 %.
MISSED_INK = 0.1
# The mean confidence a line of words added from the other reading needs.
SPARSE_CONFIDENCE = 80.0
# One page may take this long before it is given up (``ocr_failed``).
PAGE_TIMEOUT_S = 300
# The setting that bounds how many pages of one source are recognised at a
# time (threads, each running one Tesseract process of one thread).
THREADS_ENV = "PIPELINE_OCR_THREADS"
MAX_THREADS = 4
# A font's size over the median height of its words' boxes, and over their
# width per character: Noto Naskh set at 12 pt has words 10.6 pt high and
# 4.55 pt per character (the brochure at 300 dpi). Used to give OCR lines
# sizes on the scale of a text layer's fonts.
SIZE_PER_WORD_HEIGHT = 1.13
SIZE_PER_ADVANCE = 2.64
# Sizes of OCR lines within this ratio of a more common size are that size:
# box heights vary with the letters of the line (ascenders, descenders).
SIZE_TOLERANCE = 0.12
# Lines shorter than this (characters) have their size pulled towards the body size.
SHORT_LINE = 30

INSTALL_HINT = (
    "install Tesseract and its Arabic model (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-ara; "
    "other systems: https://tesseract-ocr.github.io/tessdoc/Installation.html)"
)

_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_MIXED_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3][A-Za-z]+[\u0621-\u064A\u0671-\u06D3]|"
                         r"^[A-Za-z][\u0621-\u064A\u0671-\u06D3]{2,}$|^[\u0621-\u064A\u0671-\u06D3]{2,}[A-Za-z]$")
_LATIN = re.compile(r"[A-Za-z]")
_ADDRESS = re.compile(r"@|://|^www\.", re.I)
_LATIN_WORD = re.compile(r"\W?[A-Za-z]+\W?")
_EDGE_PUNCT = re.compile(r"^[,;]+|[,;]+$")
_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_WCONF = re.compile(r"x_wconf (-?[\d.]+)")
# The "font" of OCR glyphs (never bold; one font, so no block starts at a font change).
OCR_FONT = "OCR"
_LINE_CLASSES = frozenset(("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"))
# pdfium may not be called from two threads at once, even on two documents.
_PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word.

    Attributes:
        text: the word in logical order, as Tesseract read it (bidi marks removed).
        x0, top, x1, bottom: its box in points on the straightened page.
        conf: Tesseract's confidence, 0-100.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One text line as Tesseract found it.

    Attributes:
        words: its words, in Tesseract's order.
        top: the top of the line's box, points.
        base: the baseline at the line's middle, points.
        height: the median height of its words' boxes, points.
        advance: its words' width per character, points.
    """

    words: tuple[OcrWord, ...]
    top: float
    base: float
    height: float
    advance: float


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page as recognised.

    Attributes:
        number: 1-based page number.
        width, height: the page's size in points.
        dpi: the resolution it was rendered at.
        angle: the rotation applied to straighten it, degrees
            (counter-clockwise; 0 when read as it is).
        lines: the lines in Tesseract's reading order.
        seconds: wall time of rendering, pre-processing and recognition.
        error: why the page could not be recognised (``None`` when it was).
        unreadable: recognised, but with a mean word confidence below
            ``UNREADABLE_CONFIDENCE``: not text Tesseract can read (a
            drawing, a font without the letters' shapes); its words are
            left out.
    """

    number: int
    width: float
    height: float
    dpi: int
    angle: float
    lines: tuple[OcrLine, ...]
    seconds: float = 0.0
    error: str | None = None
    unreadable: bool = False

    @property
    def words(self) -> list[OcrWord]:
        return [w for line in self.lines for w in line.words]

    def to_page(self, box: BBox) -> BBox:
        """A box on the straightened page → the box on the PDF page that holds it
        (the straightening rotation undone; points, top-left origin)."""
        if not self.angle:
            return box
        cx, cy = self.width / 2, self.height / 2
        t = math.radians(-self.angle)
        c, s = math.cos(t), math.sin(t)
        xs, ys = [], []
        for x, y in ((box.x0, box.top), (box.x1, box.top), (box.x0, box.bottom), (box.x1, box.bottom)):
            dx, dy = x - cx, y - cy
            xs.append(cx + dx * c + dy * s)
            ys.append(cy - dx * s + dy * c)
        return BBox(max(0.0, min(xs)), max(0.0, min(ys)), min(self.width, max(xs)), min(self.height, max(ys)))


# --------------------------------------------------------------------------
# Is Tesseract there?


@cache
def tesseract_languages() -> frozenset[str] | None:
    """The languages the installed Tesseract can read, or ``None`` without Tesseract."""
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return None


def ocr_unavailable() -> str | None:
    """Why OCR cannot run here (a sentence naming what to install), or ``None`` when it can."""
    langs = tesseract_languages()
    if langs is None:
        return f"Tesseract is not installed: {INSTALL_HINT}"
    if "ara" not in langs:
        return f"Tesseract has no Arabic model (ara): {INSTALL_HINT}"
    return None


def _language() -> str:
    langs = tesseract_languages() or frozenset()
    return "ara+eng" if "eng" in langs else "ara"


def ocr_threads(pages: int) -> int:
    """How many pages of one source are recognised at a time.

    ``PIPELINE_OCR_THREADS`` when set (at least 1); else 1 inside a worker
    process of a batch (the batch already runs one source per core), and
    otherwise the number of cores, at most ``MAX_THREADS``. Never more than
    the pages to read.
    """
    value = os.environ.get(THREADS_ENV, "").strip()
    if value.isdigit() and int(value) >= 1:
        n = int(value)
    elif multiprocessing.parent_process() is not None:
        n = 1
    else:
        n = min(MAX_THREADS, os.cpu_count() or 1)
    return max(1, min(n, pages))


# --------------------------------------------------------------------------
# Rendering, pre-processing, recognition


def recognise(data: bytes, numbers: Sequence[int], *, password: str | None = None) -> list[OcrPage]:
    """Render and recognise pages of a PDF.

    Args:
        data: the PDF file's bytes.
        numbers: 1-based numbers of the pages to read.
        password: the PDF's user password, if encrypted.

    Returns:
        One :class:`OcrPage` per number, in the order given; a page that
        could not be rendered or recognised has ``error`` set and no lines.
        Pages are read in parallel (:func:`ocr_threads`); the result does
        not depend on the number of threads.

    Raises:
        Nothing of its own: call :func:`ocr_unavailable` first.
    """
    import pypdfium2 as pdfium

    # Tesseract's OpenMP threads spin while they wait: on a loaded machine
    # one page takes 14 s with them against 2.5 s without (bench/README.md).
    # Pages run in parallel instead. A value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        with _PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        return [OcrPage(n, 0.0, 0.0, DPI, 0.0, (), error=f"pdfium cannot open the file: {exc}") for n in numbers]
    try:
        def one(number: int) -> OcrPage:
            return _recognise_page(pdf, number)

        threads = ocr_threads(len(numbers))
        if threads == 1:
            return [one(n) for n in numbers]
        with ThreadPoolExecutor(max_workers=threads) as pool:
            return list(pool.map(one, numbers))
    finally:
        with _PDFIUM_LOCK:
            pdf.close()


def _recognise_page(pdf, number: int) -> OcrPage:
    import pypdfium2 as pdfium
    import pytesseract

    clock = time.perf_counter()
    width = height = 0.0
    dpi = DPI
    try:
        with _PDFIUM_LOCK:
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                dpi = _choose_dpi(page, width, height)
                image = page.render(scale=dpi / 72).to_pil()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        return OcrPage(number, width, height, dpi, 0.0, (), time.perf_counter() - clock, f"pdfium cannot render it: {exc}")
    gray, angle = straighten(grayscale(image))
    del image
    try:
        lines = _tesseract(gray, dpi, 3)
        if missed_ink(gray, lines, dpi) > MISSED_INK:
            lines = combine(lines, _tesseract(gray, dpi, 11))
        lines = reread_latin(gray, lines, dpi)
    except (RuntimeError, pytesseract.TesseractError, OSError, ET.ParseError) as exc:
        # pytesseract raises RuntimeError("Tesseract process timeout")
        said = str(exc).strip().splitlines()
        reason = "timed out" if "timeout" in str(exc).lower() else (said[-1] if said else type(exc).__name__)
        return OcrPage(number, width, height, dpi, angle, (), time.perf_counter() - clock, f"Tesseract: {reason}")
    mean = mean_confidence([w for line in lines for w in line.words])
    if mean is not None and mean < UNREADABLE_CONFIDENCE:
        return OcrPage(number, width, height, dpi, angle, (), time.perf_counter() - clock, unreadable=True)
    return OcrPage(number, width, height, dpi, angle, lines, time.perf_counter() - clock)


def _tesseract(gray, dpi: int, psm: int) -> tuple[OcrLine, ...]:
    """One Tesseract reading of the page (hOCR) in page segmentation mode ``psm``."""
    import pytesseract

    hocr = pytesseract.image_to_pdf_or_hocr(
        gray, lang=_language(), extension="hocr", config=f"--dpi {dpi} --psm {psm}", timeout=PAGE_TIMEOUT_S
    )
    return parse_hocr(hocr, 72 / dpi)


def _choose_dpi(page, width: float, height: float) -> int:
    """``DPI``, or the resolution of the images that cover most of the page when finer."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            # get_bounds() since pypdfium2 5, get_pos() before
            left, bottom, right, top = (getattr(obj, "get_bounds", None) or obj.get_pos)()
            meta = obj.get_metadata()
        except Exception:  # noqa: BLE001 — a damaged image object only loses its hint
            continue
        if (right - left) * (top - bottom) < 0.5 * width * height:
            continue
        best = max(best, min(meta.horizontal_dpi, meta.vertical_dpi))
    return int(min(MAX_DPI, max(DPI, round(best))))


def grayscale(image):
    """The image in grayscale for recognition (a PIL image, mode ``L``).

    Light pages (median luminance at least 128): the luminance. Dark pages
    (a slide's dark background): the brightest of the three channels, in
    which light text of any colour stands out (red text on dark blue has a
    luminance close to its background's, but not a red channel).
    """
    import numpy as np
    from PIL import Image

    if image.mode == "L":
        return image
    rgb = image.convert("RGB")
    gray = rgb.convert("L")
    if float(np.median(np.asarray(gray))) >= 128:
        return gray
    return Image.fromarray(np.asarray(rgb).max(axis=2))


def straighten(gray) -> tuple[object, float]:
    """Straighten a skewed page (deskew's estimate on a third of the resolution).

    Returns:
        ``(image, angle)``: the rotated image and the angle applied
        (degrees, counter-clockwise), or the image as it is and ``0.0``
        when its skew is below ``MIN_SKEW`` or implausible (above ``MAX_SKEW``).
    """
    import numpy as np
    from deskew import determine_skew
    from PIL import Image

    small = gray.reduce(3) if min(gray.size) >= 900 else gray
    angle = determine_skew(np.asarray(small))
    if angle is None or not MIN_SKEW <= abs(angle) <= MAX_SKEW:
        return gray, 0.0
    angle = round(float(angle), 2)
    background = int(np.median(np.asarray(small)))
    return gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=background), angle


def parse_hocr(hocr: bytes, scale: float) -> tuple[OcrLine, ...]:
    """Tesseract's hOCR (XHTML) → lines of words in points.

    Args:
        hocr: the document Tesseract wrote.
        scale: points per pixel (``72 / dpi``).

    Returns:
        The lines with at least one word with text, in Tesseract's order.
        Bidi marks Tesseract puts around words (U+200E/U+200F) are removed.
    """
    root = ET.fromstring(hocr)
    out: list[OcrLine] = []
    for el in root.iter():
        if el.get("class") not in _LINE_CLASSES:
            continue
        title = el.get("title", "")
        lb = _BBOX.search(title)
        if lb is None:
            continue
        lx0, ltop, lx1, lbottom = (int(v) for v in lb.groups())
        bl = _BASELINE.search(title)
        slope, offset = (float(bl.group(1)), float(bl.group(2))) if bl else (0.0, 0.0)
        words: list[OcrWord] = []
        for w in el.iter():
            if w.get("class") != "ocrx_word":
                continue
            text = "".join(c for c in "".join(w.itertext()) if unicodedata.category(c) != "Cf").strip()
            wb = _BBOX.search(w.get("title", ""))
            if not text or wb is None:
                continue
            x0, top, x1, bottom = (int(v) for v in wb.groups())
            conf = _WCONF.search(w.get("title", ""))
            words.append(OcrWord(text, x0 * scale, top * scale, x1 * scale, bottom * scale,
                                 float(conf.group(1)) if conf else 0.0))
        if words:
            base = lbottom + offset + slope * (lx1 - lx0) / 2
            out.append(_line(words, ltop * scale, base * scale))
    return tuple(out)


def _line(words: Sequence[OcrWord], top: float, base: float) -> OcrLine:
    """An :class:`OcrLine` of ``words`` (at least one), with its size measures."""
    # Tesseract gives words it could not delimit the same box (about the
    # line's): each box counts once.
    heights = sorted(b - t for t, b in {(w.top, w.bottom) for w in words})
    # Arabic letters are narrower than Latin ones: a line's width per
    # character counts its Arabic words when it has some.
    arabic = [w for w in words if _ARABIC.search(w.text)] or words
    advance = sum(w.x1 - w.x0 for w in arabic) / max(1, sum(len(w.text) for w in arabic))
    return OcrLine(tuple(words), top, base, heights[len(heights) // 2], advance)


def _overlap(w: OcrWord, box: tuple[float, float, float, float]) -> float:
    """The share of ``w``'s box inside ``box``."""
    x0, top, x1, bottom = box
    area = (min(x1, w.x1) - max(x0, w.x0)) * (min(bottom, w.bottom) - max(top, w.top))
    if min(x1, w.x1) <= max(x0, w.x0) or min(bottom, w.bottom) <= max(top, w.top):
        return 0.0
    return area / max(1e-6, (w.x1 - w.x0) * (w.bottom - w.top))


def missed_ink(gray, lines: Sequence[OcrLine], dpi: int) -> float:
    """The share of the page's ink (dark pixels on a light page, light ones
    on a dark page, at a quarter of the resolution) outside every word box."""
    import numpy as np

    small = np.asarray(gray.reduce(4))
    ink = small < 128 if np.median(small) >= 128 else small > 128
    total = int(ink.sum())
    if not total:
        return 0.0
    covered = np.zeros_like(ink)
    s = dpi / 72 / 4
    for line in lines:
        for w in line.words:
            covered[max(0, int(w.top * s) - 2) : int(w.bottom * s) + 3, max(0, int(w.x0 * s) - 2) : int(w.x1 * s) + 3] = True
    return float((ink & ~covered).sum()) / total


def combine(layout: tuple[OcrLine, ...], sparse: tuple[OcrLine, ...]) -> tuple[OcrLine, ...]:
    """Two readings of one page, Tesseract's page layout (mode 3) and sparse
    text (mode 11), as one: the reading with the higher mean word
    confidence, and the words of the other where it found none.

    A word of the other reading is new when no line of the first (from its
    first word to its last) covers a fifth of its box; new words stay in their lines, and a line of new
    words whose mean confidence is under ``SPARSE_CONFIDENCE`` (specks of a
    photo, a pattern) is dropped.
    """
    conf = [mean_confidence([w for line in lines for w in line.words]) or 0.0 for lines in (layout, sparse)]
    lines, other = (layout, sparse) if conf[0] >= conf[1] else (sparse, layout)
    # the first reading's lines, from their first to their last word
    boxes = [(min(w.x0 for w in line.words) - 1, min(w.top for w in line.words) - 1,
              max(w.x1 for w in line.words) + 1, max(w.bottom for w in line.words) + 1) for line in lines]
    added = []
    for line in other:
        new = [w for w in line.words if not any(_overlap(w, box) > 0.2 for box in boxes)]
        if new and (mean_confidence(new) or 0.0) >= SPARSE_CONFIDENCE:
            added.append(_line(new, line.top, line.base))
    return lines + tuple(added)


def reread_latin(gray, lines: tuple[OcrLine, ...], dpi: int) -> tuple[OcrLine, ...]:
    """Read again, with the Arabic model alone, the Latin words of Arabic lines.

    With ``ara+eng`` Tesseract takes some Arabic words of a coarse scan for
    English ones (``عام`` → ``ale``, ``الوطني`` → ``ball``), often with a
    high confidence; with ``ara`` alone it misreads Latin text (e-mails, web
    sites, names). So a word of Latin letters in a line with Arabic words
    is read again on its own (page segmentation mode 8, one word) with
    ``ara``; the Arabic reading replaces it when it has Arabic letters and a
    confidence no more than ``REREAD_MARGIN`` below the Latin one's, or at
    least ``REREAD_FLOOR`` between two Arabic words. A Latin word of a Latin
    text (``International``, ``UN``) reads as digits or with a confidence
    under 40 in Arabic, and stays.
    """
    import pytesseract

    if "eng" not in _language():
        return lines
    scale = dpi / 72
    out = []
    for line in lines:
        words = list(line.words)
        if not any(_ARABIC.search(w.text) for w in words):
            out.append(line)
            continue
        changed = False
        for i, w in enumerate(words):
            if not _LATIN_WORD.fullmatch(w.text):
                continue
            # the line's band: a word box Tesseract could not delimit reaches
            # into the lines above and below
            ascent = line.base - line.top
            bottom = min(max(w.bottom, line.base + 0.25 * ascent), line.base + 0.5 * ascent)
            box = (int(w.x0 * scale) - 3, int(line.top * scale) - 3, int(w.x1 * scale) + 3, int(bottom * scale) + 3)
            try:
                data = pytesseract.image_to_data(gray.crop(box), lang="ara", config=f"--psm 8 --dpi {dpi}",
                                                 output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT_S)
            except (RuntimeError, pytesseract.TesseractError, OSError):
                continue
            found = [(t.strip(), float(c)) for t, c in zip(data["text"], data["conf"]) if t.strip()]
            if not found:
                continue
            text = " ".join(t for t, _ in found)
            conf = sum(c for _, c in found) / len(found)
            between = 0 < i < len(words) - 1 and all(_ARABIC.search(x.text) for x in (words[i - 1], words[i + 1]))
            if _ARABIC.search(text) and (conf >= w.conf - REREAD_MARGIN or (between and conf >= REREAD_FLOOR)):
                words[i] = OcrWord(text, w.x0, w.top, w.x1, w.bottom, round(conf, 1))
                changed = True
        out.append(replace(line, words=tuple(words)) if changed else line)
    return tuple(out)


# --------------------------------------------------------------------------
# Words → glyphs for the PDF reader's layout


def line_sizes(pages: Sequence[OcrPage], body: float | None = None) -> dict[tuple[int, int], float]:
    """A font size for each OCR line, on one scale for the whole document.

    A line's raw size is the geometric mean of two estimates, its median
    word height times ``SIZE_PER_WORD_HEIGHT`` and its width per character
    times ``SIZE_PER_ADVANCE``, to half points: on a coarse scan either
    alone varies by 20 % between body lines (word boxes that take in a
    neighbour line's descenders, short lines of wide letters), and a
    heading set larger is larger by both. Sizes within
    ``SIZE_TOLERANCE`` of a more common size (weighted by letters) become
    that size, so that body lines share one size and headings of one level
    another. When the document's text-layer pages have a body size
    (``body``) within a third of the OCR body size, OCR sizes are scaled to
    it: an OCR page's body text is the document's body text.

    Returns:
        ``{(page number, line index): size in points}``.
    """
    estimate: dict[tuple[int, int], float] = {}
    chars: dict[tuple[int, int], int] = {}
    for p in pages:
        for i, line in enumerate(p.lines):
            estimate[(p.number, i)] = math.sqrt(line.height * SIZE_PER_WORD_HEIGHT * line.advance * SIZE_PER_ADVANCE)
            chars[(p.number, i)] = sum(len(w.text) for w in line.words)
    if not estimate:
        return {}
    snap, centres = _size_clusters(estimate, chars)
    # A short line's estimate rests on a few words: it is pulled towards the
    # body size in proportion to the evidence (SHORT_LINE characters or more:
    # taken as measured).
    main = centres[0]
    for key, n in chars.items():
        if n < SHORT_LINE:
            estimate[key] = main + (estimate[key] - main) * n / SHORT_LINE
    snap, centres = _size_clusters(estimate, chars)
    factor = 1.0
    if body and 0.75 <= body / centres[0] <= 1.33:
        factor = body / centres[0]
    return {key: round(snap[key] * factor * 2) / 2 for key in estimate}


def _size_clusters(estimate: dict, chars: dict) -> tuple[dict, list[float]]:
    """Each size (to half points) snapped to the most common size within
    ``SIZE_TOLERANCE`` (by characters); the cluster centres, most common first."""
    weight: Counter = Counter()
    rounded = {key: round(v * 2) / 2 for key, v in estimate.items()}
    for key, size in rounded.items():
        weight[size] += chars[key]
    centres: list[float] = []
    to: dict[float, float] = {}
    for size, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
        centre = next((c for c in centres if abs(size - c) <= SIZE_TOLERANCE * c), None)
        if centre is None:
            centres.append(size)
            centre = size
        to[size] = centre
    return {key: to[size] for key, size in rounded.items()}, centres


def page_glyphs(page: OcrPage, sizes: dict[tuple[int, int], float]) -> list[PdfGlyph]:
    """The page's words as the glyphs of a text layer, for the PDF reader.

    Each word's text goes to visual order (UAX #9 on the word alone,
    python-bidi) and its letters share the word's width from left to right;
    a combining mark gets its letter's box and comes before it in the
    stream of a right-to-left word, as shaping engines draw them (see
    :func:`~.pdf_line.stream_neighbours`). Between two words of a line is a
    space glyph. All glyphs of a line span from the line's top to its
    baseline and carry its size (``sizes``, see :func:`line_sizes`); a
    glyph's ``run`` is the index of its word in :attr:`OcrPage.words`.
    """
    glyphs: list[PdfGlyph] = []
    index = 0
    for i, line in enumerate(page.lines):
        size = sizes.get((page.number, i), 10.0)
        top, bottom = line.top, max(line.base, line.top + 0.5 * size)
        placed = []
        for w in line.words:
            placed.append((w, index))
            index += 1
        placed.sort(key=lambda item: (item[0].x0, item[0].x1))
        rtl = any(_ARABIC.search(w.text) for w in line.words)
        placed = _join_addresses(placed, line.base - line.top)
        bullet = _bullet(placed, rtl, size)
        right = None
        for w, k in placed:
            x0 = w.x0 if right is None else max(w.x0, right)
            if right is not None:
                mid = (right + x0) / 2
                glyphs.append(PdfGlyph(mid, mid, top, bottom, " ", size, OCR_FONT, run=k))
            x1 = max(w.x1, x0 + 0.1)
            text = _arabic_punctuation(w.text) if rtl else w.text
            if w is bullet:
                text = "\u2022"
            glyphs.extend(_word_glyphs(text, rtl, x0, x1, top, bottom, size, k))
            right = x1
    return glyphs


def _bullet(placed: list[tuple[OcrWord, int]], rtl: bool, size: float) -> OcrWord | None:
    """The line's list bullet as misread: its first word in reading order
    when that is one small symbol apart from the text (Tesseract reads ``•``,
    ``◆`` and drawn squares as ``»``, ``©``, ``0``, ``e``…); the reader then
    takes it for a bullet."""
    if len(placed) < 2:
        return None
    (w, _), (nxt, _) = (placed[-1], placed[-2]) if rtl else (placed[0], placed[1])
    if len(w.text) != 1 or _ARABIC.search(w.text) or w.text in "123456789":
        return None
    if max(w.x1 - w.x0, w.bottom - w.top) > 0.7 * size:
        return None
    gap = w.x0 - nxt.x1 if rtl else nxt.x0 - w.x1
    return w if gap >= 0.2 * size else None


def _join_addresses(placed: list[tuple[OcrWord, int]], height: float) -> list[tuple[OcrWord, int]]:
    """E-mail addresses and web addresses that Tesseract cut at a dot
    (``grcp@iom.`` ``int``) as one word: an address never has a space."""
    out: list[tuple[OcrWord, int]] = []
    for w, k in placed:
        if out:
            p, j = out[-1]
            if (_ADDRESS.search(p.text) and (p.text.endswith(".") or w.text.startswith(".")) and _LATIN_WORD.fullmatch(w.text)
                    and w.x0 - p.x1 < 0.25 * height):
                out[-1] = (OcrWord(p.text + w.text, p.x0, min(p.top, w.top), max(p.x1, w.x1), max(p.bottom, w.bottom),
                                   min(p.conf, w.conf)), j)
                continue
        out.append((w, k))
    return out


def _arabic_punctuation(word: str) -> str:
    """A word of an Arabic line with Latin commas and semicolons at its edges
    as the Arabic ones (Tesseract's Arabic model reads ``،`` as ``,`` about
    half the time); words with Latin letters and commas between digits
    (``1,000``) are left as read."""
    if _LATIN.search(word):
        return word
    return _EDGE_PUNCT.sub(lambda m: m.group(0).replace(",", "\u060c").replace(";", "\u061b"), word)


def _word_glyphs(
    text: str, rtl: bool, x0: float, x1: float, top: float, bottom: float, size: float, run: int
) -> list[PdfGlyph]:
    # The word in visual order, in its line's direction (a number with a
    # comma after it in an Arabic line is drawn with the comma at its left).
    visual = get_display(text, base_dir="R" if rtl else "L")
    # Letters with their combining marks: python-bidi puts the marks of a
    # right-to-left letter before it (UAX #9 L3 not applied), of a
    # left-to-right one after it. The stream keeps that order.
    arabic = bool(_ARABIC.search(text))
    clusters: list[str] = []
    pending = ""
    for c in visual:
        if unicodedata.combining(c):
            if arabic:
                pending += c
            elif clusters:
                clusters[-1] += c
            continue
        clusters.append(pending + c)
        pending = ""
    if pending:
        clusters.append(pending)
    step = (x1 - x0) / max(1, len(clusters))
    out = []
    for j, cluster in enumerate(clusters):
        left = x0 + j * step
        out.extend(PdfGlyph(left, left + step, top, bottom, c, size, OCR_FONT, run=run) for c in cluster)
    return out


# --------------------------------------------------------------------------
# What the reader warns about


def page_warnings(page: OcrPage) -> list[tuple[str, str]]:
    """``(code, message)`` warnings about one recognised page.

    * ``ocr_failed``: Tesseract could not read the page (its text is missing);
    * ``ocr_unreadable``: what it read is not text (left out, see ``UNREADABLE_CONFIDENCE``);
    * ``ocr_low_confidence``: words below ``LOW_CONFIDENCE`` (kept);
    * ``ocr_mixed_script``: words that mix Arabic letters with a Latin
      letter at their edge or inside (a stray Latin letter is a common
      misreading; kept as read).
    """
    if page.error:
        return [("ocr_failed", f"page {page.number}: OCR failed ({page.error}); its text is missing")]
    if page.unreadable:
        return [("ocr_unreadable", f"page {page.number}: OCR found no readable text (mean word confidence below "
                                   f"{UNREADABLE_CONFIDENCE:g}); its text is left out")]
    out = []
    words = page.words
    low = [w for w in words if w.conf < LOW_CONFIDENCE]
    if low:
        out.append((
            "ocr_low_confidence",
            f"page {page.number}: {len(low)} of {len(words)} OCR words have a confidence below {LOW_CONFIDENCE:g} "
            f"(kept; check them: {', '.join(w.text for w in low[:3])})",
        ))
    mixed = [w.text for w in words if _MIXED_WORD.search(w.text)]
    if mixed:
        out.append((
            "ocr_mixed_script",
            f"page {page.number}: {len(mixed)} OCR word(s) mix Arabic and Latin letters, likely misread: "
            + ", ".join(mixed[:3]),
        ))
    return out


def mean_confidence(words: Sequence[OcrWord]) -> float | None:
    """The words' mean confidence (0-100, one decimal), ``None`` without words."""
    if not words:
        return None
    return round(sum(w.conf for w in words) / len(words), 1)
