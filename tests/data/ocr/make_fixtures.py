"""Make the OCR test PDFs of this folder from the brochure typeset by Chromium.

Run from the project root (``uv run python tests/data/ocr/make_fixtures.py``);
the outputs are committed, so the tests never build them:

* ``brochure-scan.pdf`` — every page of
  ``tests/data/pdf/global-rcp-meetings-ar.chromium-noto-naskh.pdf`` as a
  poor scan: rendered at 200 dpi in grayscale, rotated by a small angle that
  changes from page to page (−1.2° … +1.5°), blurred (Gaussian, radius
  0.7 px), with a little noise, and stored as JPEG (quality 55)
  in an image-only PDF (Pillow's PDF writer).
* ``mixed-text-and-scan.pdf`` — pages 1 and 3 of the Chromium PDF with
  their text layer, page 2 as the scan of the same page: one record should
  hold all three.
* ``outlines-page.pdf`` — page 5 of the Chromium PDF (the contact page)
  with its text converted to outlines by Ghostscript
  (``gs -sDEVICE=pdfwrite -dNoOutputFonts``): no glyph, only paths.
  Needs Ghostscript (Debian package ``ghostscript``); skipped without it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "pdf" / "global-rcp-meetings-ar.chromium-noto-naskh.pdf"
DPI = 200
ANGLES = (-1.2, 0.8, 1.5, -0.6, 1.0)


def scan_page(page, angle: float) -> Image.Image:
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    # Pillow's noise generator is not seeded: a remade scan differs in its noise.
    image = Image.blend(image, Image.effect_noise(image.size, 12), 0.06)
    # Through JPEG once, as a scanner's file would be.
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=55)
    return Image.open(io.BytesIO(buf.getvalue()))


def main() -> None:
    src = pdfium.PdfDocument(SOURCE)
    pages = [scan_page(src[i], ANGLES[i % len(ANGLES)]) for i in range(len(src))]
    scan = HERE / "brochure-scan.pdf"
    pages[0].save(scan, "PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    print("wrote", scan, scan.stat().st_size, "bytes")

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(src, [0])
    mixed.import_pages(pdfium.PdfDocument(scan), [1])
    mixed.import_pages(src, [2])
    out = HERE / "mixed-text-and-scan.pdf"
    mixed.save(out)
    print("wrote", out, out.stat().st_size, "bytes")

    if shutil.which("gs") is None:
        print("Ghostscript not installed: outlines-page.pdf not made")
        return
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "page5.pdf"
        page5 = pdfium.PdfDocument.new()
        page5.import_pages(src, [4])
        page5.save(one)
        out = HERE / "outlines-page.pdf"
        subprocess.run(["gs", "-q", "-o", str(out), "-sDEVICE=pdfwrite", "-dNoOutputFonts", str(one)], check=True)
        print("wrote", out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
