"""Page images: a PDF page rendered by PDFium (pypdfium2) with what the pipeline decided drawn over it (Pillow).

Why not pdfplumber's ``PageImage``: it needs a pdfplumber ``Page``, i.e.
opening the PDF a second time with pdfplumber's own pdfminer.six, and
pdfplumber pins pdfminer.six to one exact release (0.11.9 requires
``pdfminer.six==20251230``), which would hold the reader's backend
(:mod:`pipeline.read.pdf_backend`, tested on a range of releases) to that
one. ``PageImage`` is itself pypdfium2's render plus Pillow drawing; this
module does the same with both directly.

Coordinates: boxes are in points from the page's top-left corner (the
reader's convention); an image at ``dpi`` has ``dpi / 72`` pixels per point.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..read.blocks import BBox
from ..read.pdf import PageTrace
from . import DEFAULT_DPI
from .view import ValueSpan, ViewBlock

# One colour per block kind (the legend of the HTML pages uses the same).
KIND_COLOURS = {
    "title": "#b71c1c",
    "subtitle": "#e57373",
    "heading": "#6a1b9a",
    "paragraph": "#1565c0",
    "list_item": "#2e7d32",
    "field": "#ef6c00",
    "caption": "#00838f",
    "quote": "#8d6e63",
    "code": "#546e7a",
    "table": "#c51162",
    "header": "#757575",
    "footer": "#757575",
}
# Highlighter colours of recognised values.
VALUE_COLOURS = {"date": "#ffd600", "contact": "#18ffff", "meeting_field": "#ffab40"}
GLYPH_COLOUR = (120, 120, 120, 70)
LINE_COLOUR = (66, 165, 245, 150)
REGION_COLOUR = (38, 50, 56, 220)
ARROW_COLOUR = (55, 71, 79, 170)
WARNING_COLOUR = "#d50000"


class RenderError(Exception):
    """PDFium could not open or render the file (message says why)."""


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` → ``(r, g, b)``."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@dataclass(frozen=True, slots=True)
class Transform:
    """Points (top-left origin, the reader's) → pixels of a rendered page.

    Attributes:
        scale: pixels per point (``dpi / 72``).
        dx, dy: points between the page's MediaBox corner, where the reader
            measures from, and the rendered (crop) box's top-left corner.
    """

    scale: float
    dx: float = 0.0
    dy: float = 0.0

    def box(self, b: BBox) -> tuple[float, float, float, float]:
        """The pixel box ``(left, top, right, bottom)`` of a box in points."""
        s = self.scale
        return ((b.x0 - self.dx) * s, (b.top - self.dy) * s, (b.x1 - self.dx) * s, (b.bottom - self.dy) * s)


def open_pdf(path: Path, password: str | None = None):
    """Open a PDF with PDFium.

    Raises:
        RenderError: PDFium cannot open it (damaged, wrong password).
    """
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        raise RenderError(f"PDFium cannot open the file ({exc})") from None


def render_page(pdf, number: int, dpi: float = DEFAULT_DPI) -> tuple[Image.Image, Transform]:
    """Render page ``number`` (1-based) of an open PDFium document.

    Returns:
        The page as an RGB image of about ``width × dpi / 72`` by
        ``height × dpi / 72`` pixels (page size in points), and the
        transform from the reader's points to its pixels.

    Raises:
        RenderError: no such page, or PDFium fails on it.
    """
    import pypdfium2 as pdfium

    if not 1 <= number <= len(pdf):
        raise RenderError(f"no page {number} (the PDF has {len(pdf)})")
    try:
        page = pdf[number - 1]
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        media, crop = page.get_mediabox(), page.get_cropbox()
        rotated = page.get_rotation() % 360
    except pdfium.PdfiumError as exc:
        raise RenderError(f"page {number} cannot be rendered ({exc})") from None
    # PDFium draws the crop box; the reader measures from the media box's
    # top-left corner. (With /Rotate, the boxes already coincide for the
    # pages producers make; the offset is left out there.)
    dx, dy = (crop[0] - media[0], media[3] - crop[3]) if not rotated else (0.0, 0.0)
    return image, Transform(dpi / 72, dx, dy)


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the fixed bitmap font
        return ImageFont.load_default()


def draw_page(
    image: Image.Image,
    t: Transform,
    trace: PageTrace | None,
    blocks: list[ViewBlock],
    values: list[ValueSpan],
    page: int,
) -> Image.Image:
    """Draw the reader's and the classifier's decisions on a rendered page.

    Layers, bottom to top: glyph boxes (faint grey), lines (thin blue),
    recognised values (highlighter: dates yellow, contacts cyan, meeting
    fields amber), reading regions (dashed, numbered ``R1``…), blocks
    (outlined and lightly filled in their kind's colour, :data:`KIND_COLOURS`,
    with a tag: ``h2``, ``list_item``, ``header (dropped)``…; table cells
    outlined), the reading order (a numbered badge at each block's start
    corner, arrows from each block to the next on the page).

    Args:
        image: the page as rendered by :func:`render_page`.
        t: its transform.
        trace: the reader's page (glyphs, lines, regions), or ``None``.
        blocks: the blocks drawn on this page, in reading order.
        values: the values drawn on this page.
        page: the page number (blocks may have boxes on other pages too).

    Returns:
        A new RGB image of the same size.
    """
    base = image.convert("RGBA")
    width = max(1, round(t.scale))
    font = _font(max(9, round(8 * t.scale)))

    if trace is not None:
        layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        for g in trace.glyphs:
            d.rectangle(_px(t, g), outline=GLYPH_COLOUR)
        for region in trace.regions:
            for line in region:
                d.rectangle(_px(t, line.bbox), outline=LINE_COLOUR)
        for _, line in trace.furniture:
            d.rectangle(_px(t, line.bbox), outline=LINE_COLOUR)
        base = Image.alpha_composite(base, layer)

    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for v in values:
        fill = (*rgb(VALUE_COLOURS[v.kind]), 90)
        for p in v.places:
            if p.page == page:
                left, top, right, bottom = _px(t, p.bbox, pad=1)
                d.rectangle((left, top, right, bottom), fill=fill)
                d.rectangle((left, bottom - 2 * width, right, bottom), fill=(*rgb(VALUE_COLOURS[v.kind]), 230))
    if trace is not None:
        for k, region in enumerate(trace.regions, start=1):
            box = _union([line.bbox for line in region])
            left, top, right, bottom = _px(t, box, pad=3)
            _dashed_rectangle(d, (left, top, right, bottom), REGION_COLOUR, width)
            _tag(d, (left, top - font.size - 4), f"R{k}", REGION_COLOUR, font)
    base = Image.alpha_composite(base, layer)

    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    starts: list[tuple[float, float]] = []
    for b in blocks:
        colour = rgb(KIND_COLOURS[b.kind])
        for p in b.places:
            if p.page != page:
                continue
            box = _px(t, p.bbox, pad=2)
            if b.in_body:
                d.rectangle(box, fill=(*colour, 28))
                d.rectangle(box, outline=(*colour, 255), width=2 * width)
            else:
                d.rectangle(box, fill=(*colour, 40))
                _dashed_rectangle(d, box, (*colour, 255), 2 * width)
                d.line((box[0], box[1], box[2], box[3]), fill=(*colour, 160), width=width)
            for c in b.cells:
                if c.page == page:
                    d.rectangle(_px(t, c.bbox), outline=(*colour, 200), width=width)
            # the tag outside the side where the text ends, the badge where it starts
            w = _text_width(font, b.tag) + 4
            x = box[0] - w - 2 if b.rtl else box[2] + 2
            _tag(d, (min(max(x, 0), base.size[0] - w), box[1]), b.tag, (*colour, 255), font)
        first = next((p for p in b.places if p.page == page), None)
        if first is not None and b.in_body:
            box = _px(t, first.bbox, pad=2)
            r = font.size * 0.75 + 2
            x = box[2] + r + 1 if b.rtl else box[0] - r - 1
            x = min(max(x, r), base.size[0] - r - 1)
            starts.append((x, box[1] + r))
    for (x0, y0), (x1, y1) in zip(starts, starts[1:]):
        _arrow(d, (x0, y0), (x1, y1), ARROW_COLOUR, width, font.size * 0.75 + 2)
    k = 0
    for b in blocks:
        if b.in_body and any(p.page == page for p in b.places):
            x, y = starts[k]
            k += 1
            _badge(d, (x, y), str(b.index), rgb(KIND_COLOURS[b.kind]), font)
    base = Image.alpha_composite(base, layer)
    return base.convert("RGB")


def draw_marks(image: Image.Image, t: Transform, boxes: list[BBox], colour: str = WARNING_COLOUR) -> Image.Image:
    """Outline ``boxes`` (points) on a rendered page, e.g. a warning's box on a thumbnail."""
    out = image.copy()
    d = ImageDraw.Draw(out)
    for b in boxes:
        d.rectangle(_px(t, b, pad=2), outline=rgb(colour), width=2)
    return out


def png_bytes(image: Image.Image) -> bytes:
    """The image as PNG bytes (deterministic: no time or text chunks)."""
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()


# --- drawing helpers ---------------------------------------------------------------


def _px(t: Transform, b: BBox, pad: float = 0.0) -> tuple[float, float, float, float]:
    left, top, right, bottom = t.box(b)
    return (left - pad, top - pad, max(right + pad, left - pad), max(bottom + pad, top - pad))


def _union(boxes: list[BBox]) -> BBox:
    return BBox(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def _text_width(font, text: str) -> float:
    left, _, right, _ = font.getbbox(text)
    return right - left


def _tag(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, colour, font) -> None:
    """A small label on a white ground."""
    x, y = xy
    w = _text_width(font, text)
    d.rectangle((x, y, x + w + 4, y + font.size + 2), fill=(255, 255, 255, 210))
    d.text((x + 2, y), text, fill=colour, font=font)


def _badge(d: ImageDraw.ImageDraw, centre: tuple[float, float], text: str, colour, font) -> None:
    """A filled circle with a number: a block's place in the reading order."""
    x, y = centre
    r = max(font.size * 0.75 + 2, _text_width(font, text) / 2 + 3)
    d.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 235), outline=(255, 255, 255, 255))
    d.text((x, y), text, fill=(255, 255, 255, 255), font=font, anchor="mm")


def _arrow(d: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], colour, width: int, gap: float) -> None:
    """A line from badge ``a`` to badge ``b`` with a head, stopping at the badges' rims."""
    (x0, y0), (x1, y1) = a, b
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= 2 * gap + 2:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    sx, sy = x0 + ux * gap, y0 + uy * gap
    ex, ey = x1 - ux * gap, y1 - uy * gap
    d.line((sx, sy, ex, ey), fill=colour, width=width)
    head = 3 + 3 * width
    left = (ex - ux * head - uy * head * 0.6, ey - uy * head + ux * head * 0.6)
    right = (ex - ux * head + uy * head * 0.6, ey - uy * head - ux * head * 0.6)
    d.polygon([(ex, ey), left, right], fill=colour)


def _dashed_rectangle(d: ImageDraw.ImageDraw, box, colour, width: int, dash: float = 6.0) -> None:
    left, top, right, bottom = box
    for (xa, ya), (xb, yb) in (((left, top), (right, top)), ((right, top), (right, bottom)),
                               ((right, bottom), (left, bottom)), ((left, bottom), (left, top))):
        length = math.hypot(xb - xa, yb - ya)
        steps = max(1, int(length // (2 * dash)))
        for i in range(steps + 1):
            s = i * 2 * dash / length if length else 0
            e = min(1.0, (i * 2 * dash + dash) / length) if length else 0
            if s >= 1:
                break
            d.line((xa + (xb - xa) * s, ya + (yb - ya) * s, xa + (xb - xa) * e, ya + (yb - ya) * e), fill=colour, width=width)
