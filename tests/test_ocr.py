"""OCR of PDF pages without a usable text layer (pipeline.read.ocr and the
PDF reader's use of it).

The first part needs no Tesseract: hOCR parsing, words → glyphs → lines
through the PDF reader's layout, sizes, straightening, warnings, and what
happens when Tesseract or its Arabic model is missing. The second part
really recognises pages and is skipped, with the reason, when Tesseract or
its Arabic model (Debian ``tesseract-ocr``, ``tesseract-ocr-ara``) is not
installed. Data: ``tests/data/bad/scanned-image-only.pdf`` (pages 1–2 of the
brochure as images), ``tests/data/real`` (attribution in its SOURCES.md),
``tests/data/ocr`` (made by its ``make_fixtures.py``).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import editdistance
import pytest

from pipeline.errors import IncompatibleDependencyError, NoTextLayerError
from pipeline.normalize import NText, to_match
from pipeline.read import ocr
from pipeline.read.blocks import BBox
from pipeline.read.ocr import OcrLine, OcrPage, OcrWord
from pipeline.read.pdf import _read_page, read_pdf
from pipeline.read.pdf_backend import PdfPage
from pipeline.read.text import read_text

from .pdfbuild import arabic_pages

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
OCR_DATA = DATA / "ocr"
SCANNED = DATA / "bad" / "scanned-image-only.pdf"
GOLDEN = ROOT / "output" / "global-rcp-meetings-ar.json"

MISSING = ocr.ocr_unavailable()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"OCR tests need Tesseract: {MISSING}")


# --------------------------------------------------------------------------
# Without Tesseract


HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' title='bbox 0 0 2481 3508'>
 <div class='ocr_carea' title="bbox 300 600 2200 700">
  <p class='ocr_par' dir='rtl' title="bbox 300 600 2200 700">
   <span class='ocr_line' title="bbox 300 600 2200 660; baseline 0.001 -12; x_size 60; x_descenders 12; x_ascenders 14">
    <span class='ocrx_word' title='bbox 2000 610 2200 660; x_wconf 91'>الانعقاد:</span>
    <span class='ocrx_word' title='bbox 1800 612 1960 650; x_wconf 42'>\u200f15-14</span>
    <span class='ocrx_word' title='bbox 1700 612 1780 650; x_wconf 95'> </span>
   </span>
  </p>
 </div>
</div></body></html>""".encode()


def test_hocr_gives_words_in_points_with_confidences_and_baselines():
    (line,) = ocr.parse_hocr(HOCR, 72 / 300)
    assert [w.text for w in line.words] == ["الانعقاد:", "15-14"]  # bidi mark removed, empty word dropped
    first = line.words[0]
    assert (first.x0, first.top, first.x1, first.bottom) == pytest.approx((480.0, 146.4, 528.0, 158.4))
    assert [w.conf for w in line.words] == [91.0, 42.0]
    # baseline: 12 px above the line's bottom at its left end, sloping down 0.001 px/px
    assert line.base == pytest.approx((660 - 12 + 0.001 * 950) * 0.24)
    assert line.top == pytest.approx(600 * 0.24)


def line_of(*words: tuple[str, float, float], top: float = 100.0, base: float = 110.0, conf: float = 90.0) -> OcrLine:
    """An OCR line from ``(text, x0, x1)`` words in Tesseract's order."""
    ws = tuple(OcrWord(t, x0, top + 1, x1, base + 2, conf) for t, x0, x1 in words)
    return OcrLine(ws, top, base, base + 2 - top - 1, sum(x1 - x0 for _, x0, x1 in words) / sum(len(t) for t, _, _ in words))


def read_lines(*lines: OcrLine, size: float = 11.0) -> list[str]:
    """The lines the PDF reader makes of OCR lines (one page)."""
    page = OcrPage(1, 595.0, 842.0, 300, 0.0, lines)
    sizes = {(1, i): size for i in range(len(lines))}
    read = _read_page(PdfPage(1, 595.0, 842.0, glyphs=ocr.page_glyphs(page, sizes)))
    return [line.text for region in read.regions for line in region]


def test_words_of_an_arabic_line_come_out_in_logical_order_with_numbers_and_latin_text_kept():
    # Drawn right to left; the range as an Arabic paragraph draws it (15-14),
    # the Latin comma Tesseract reads for the Arabic one, an e-mail cut at its dot.
    date = line_of(("تاريخ", 500, 530), ("الانعقاد:", 450, 495), ("15-14", 420, 445), ("نيسان", 390, 415),
                   ("2005,", 355, 385), ("جنيف", 320, 350))
    mail = line_of(("البريد", 500, 530), ("الإلكتروني:", 450, 495), ("grcp@iom.", 380, 440), ("int", 430, 445),
                   top=130, base=140)
    phone = line_of(("الهاتف:", 500, 530), ("+41", 470, 490), ("22", 455, 467), ("717", 430, 450), top=160, base=170)
    assert read_lines(date, mail, phone) == [
        "تاريخ الانعقاد: 14-15 نيسان 2005، جنيف",
        "البريد الإلكتروني: grcp@iom.int",
        "الهاتف: +41 22 717",
    ]


def test_a_small_symbol_before_a_line_is_its_bullet():
    words = line_of(("تقوية", 480, 510), ("التعاون", 440, 475)).words
    item = OcrLine((OcrWord("»", 521, 104, 526, 108, 43.0), *words), 100.0, 110.0, 11.0, 4.5)
    page = OcrPage(1, 595.0, 842.0, 300, 0.0, (item,))
    read = _read_page(PdfPage(1, 595.0, 842.0, glyphs=ocr.page_glyphs(page, {(1, 0): 11.0})))
    (line,) = read.regions[0]
    assert line.marker and line.text == "تقوية التعاون"
    # A number starting a line is text, not a bullet.
    seven = OcrLine((OcrWord("7", 510, 104, 516, 108, 90.0), OcrWord("route", 520, 101, 550, 112, 90.0)), 100, 110, 11, 5)
    assert read_lines(seven) == ["7 route"]


def test_combining_marks_stay_on_their_letter():
    assert read_lines(line_of(("آليّة", 480, 510), ("ووفقًا", 430, 470))) == ["آليّة ووفقًا"]


def test_sizes_tell_headings_from_body_lines_despite_noisy_word_boxes():
    body = [line_of(("كلمة " * 17, 60, 530))] * 20
    # A body line whose word boxes take in its neighbours' descenders (taller,
    # not wider), a heading larger by both measures, a short line.
    tall = OcrLine(body[0].words, 100.0, 110.0, body[0].height * 1.25, body[0].advance)
    heading = OcrLine(body[0].words, 100.0, 110.0, body[0].height * 1.25, body[0].advance * 1.25)
    short = line_of(("الهجرة.", 480, 530))
    short = OcrLine(short.words, 100.0, 110.0, short.height * 1.4, short.advance * 1.2)
    page = OcrPage(1, 595.0, 842.0, 300, 0.0, (*body, tall, heading, short))
    sizes = ocr.line_sizes([page])
    body_size = sizes[(1, 0)]
    assert sizes[(1, 20)] == body_size and sizes[(1, 22)] == body_size
    assert sizes[(1, 21)] >= 1.15 * body_size
    # On the scale of the text-layer pages of the same document.
    assert ocr.line_sizes([page], body=12.0)[(1, 0)] == 12.0


def test_a_sparse_reading_adds_the_lines_the_page_layout_reading_dropped():
    layout = (line_of(("هذه", 480, 510), ("الفقرة", 440, 475), conf=90.0),)
    sparse = (
        line_of(("دليل", 480, 510), ("الاجتماعات", 420, 475), top=40, base=52, conf=91.0),  # a dropped title
        line_of(("هده", 481, 511), ("الفقره", 441, 476), conf=85.0),  # the same line, read again
        line_of(("ا", 100, 104), ("ل", 200, 204), top=300, base=310, conf=40.0),  # specks of a picture
    )
    combined = ocr.combine(layout, sparse)
    assert [" ".join(w.text for w in line.words) for line in combined] == ["هذه الفقرة", "دليل الاجتماعات"]
    # The more confident reading leads.
    assert [" ".join(w.text for w in line.words) for line in ocr.combine(sparse[1:2], layout)] == ["هذه الفقرة"]


def test_ink_outside_the_words_found_is_measured():
    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 200, 60), fill=0)  # a word found
    draw.rectangle((40, 200, 200, 220), fill=0)  # a line Tesseract dropped
    found = (OcrLine((OcrWord("x", 40 * 0.24, 40 * 0.24, 200 * 0.24, 60 * 0.24, 90),), 9.6, 14.4, 4.8, 4.0),)
    assert ocr.missed_ink(image, found, 300) == pytest.approx(0.5, abs=0.05)
    assert ocr.missed_ink(Image.new("L", (40, 40), 255), (), 300) == 0.0


def test_a_box_on_the_straightened_page_maps_back_onto_the_pdf_page():
    from PIL import Image

    # A dot on a page image, the image rotated as straighten() rotates it:
    # the dot's box on the rotated image maps back to the dot.
    image = Image.new("L", (600, 800), 255)
    image.putpixel((450, 100), 0)
    rotated = image.rotate(3.0, resample=Image.Resampling.NEAREST, fillcolor=255)
    x, y = next((x, y) for y in range(800) for x in range(600) if rotated.getpixel((x, y)) < 128)
    page = OcrPage(1, 600.0, 800.0, 72, 3.0, ())
    back = page.to_page(BBox(x, y, x + 1, y + 1))
    assert back.x0 - 1 <= 450 <= back.x1 + 1 and back.top - 1 <= 100 <= back.bottom + 1
    assert OcrPage(1, 600.0, 800.0, 72, 0.0, ()).to_page(BBox(1, 2, 3, 4)) == BBox(1, 2, 3, 4)


def test_a_skewed_scan_is_straightened():
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(SCANNED)[1]
    gray = ocr.grayscale(page.render(scale=150 / 72).to_pil())
    assert ocr.straighten(gray)[1] == 0.0  # a straight page is left as it is
    skewed = gray.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    _, angle = ocr.straighten(skewed)
    assert angle == pytest.approx(-2.0, abs=0.3)


def test_light_text_on_a_dark_page_keeps_its_contrast():
    from PIL import Image

    # Red text on dark blue: its luminance is close to the background's.
    image = Image.new("RGB", (200, 100), (10, 40, 70))
    for x in range(50, 150):
        for y in range(40, 60):
            image.putpixel((x, y), (230, 60, 60))
    gray = ocr.grayscale(image)
    assert gray.getpixel((100, 50)) - gray.getpixel((10, 10)) >= 150
    light = Image.new("RGB", (20, 20), (250, 250, 250))
    assert ocr.grayscale(light).getpixel((5, 5)) == 250


def test_page_warnings_count_doubtful_words():
    words = (OcrWord("الهجرة", 0, 0, 10, 10, 95), OcrWord("اaلهجرة", 0, 0, 10, 10, 88), OcrWord("ale", 0, 0, 10, 10, 41))
    page = OcrPage(3, 595.0, 842.0, 300, 0.0, (OcrLine(words, 0, 10, 10, 2),))
    warnings = dict(ocr.page_warnings(page))
    assert set(warnings) == {"ocr_low_confidence", "ocr_mixed_script"}
    assert warnings["ocr_low_confidence"].startswith("page 3: 1 of 3 OCR words") and "ale" in warnings["ocr_low_confidence"]
    assert "اaلهجرة" in warnings["ocr_mixed_script"]
    failed = OcrPage(4, 595.0, 842.0, 300, 0.0, (), error="Tesseract timed out")
    assert ocr.page_warnings(failed) == [("ocr_failed", "page 4: OCR failed (Tesseract timed out); its text is missing")]
    assert ocr.mean_confidence(words) == 74.7 and ocr.mean_confidence(()) is None


def test_threads_are_bounded_by_the_setting(monkeypatch):
    monkeypatch.setenv(ocr.THREADS_ENV, "3")
    assert ocr.ocr_threads(10) == 3 and ocr.ocr_threads(2) == 2
    monkeypatch.setenv(ocr.THREADS_ENV, "0")
    assert 1 <= ocr.ocr_threads(10) <= ocr.MAX_THREADS


def test_parsers_read_through_ocrs_usual_confusions(tmp_path):
    # Latin commas for Arabic ones, final ه for ة, ى for ي, as OCR gives them.
    from pipeline import extract_source

    path = tmp_path / "ocr-like.txt"
    path.write_text(
        "# عنوان\n\n## الاجتماع العالمى الأول للعمليات التشاوريه الإقليمية بشأن الهجره: 2005\n\n"
        "المضيف: المنظمه الدولية للهجرة\n\n"
        "تاريخ ومكان الانعقاد: 14-15 نيسان/ أبريل 2005, جنيف, سويسرا\n\n"
        "المشاركون: 9 آليات من آليات التشاور بين الدول بشأن الهجره (4 منتديات إقليميه بشأن الهجرة و5 عمليات "
        "تشاورية إقليمية بشأن الهجرة)\n\n"
        "النتيجه: اتفق المشاركون على أهمية التفاعلات.\n",
        encoding="utf-8",
    )
    (m,) = extract_source(path).record.meetings
    assert (m.number, m.year, m.start_date.isoformat(), m.end_date.isoformat()) == (1, 2005, "2005-04-14", "2005-04-15")
    assert (m.city, m.country, m.country_code) == ("جنيف", "سويسرا", "CH")
    assert (m.participants.iscm_total, m.participants.irf, m.participants.rcp) == (9, 4, 5)
    assert m.outcome == "اتفق المشاركون على أهمية التفاعلات."


def test_a_full_stop_read_for_the_arabic_comma_separates_a_venue_only_before_a_country():
    from pipeline.parse.venues import parse_venue

    venue = parse_venue(NText.from_raw("القاهرة. مصر"))
    assert (venue.city, venue.country, venue.country_code) == ("القاهرة", "مصر", "EG")
    # Not before a country: the text stays whole, no value is made up.
    assert parse_venue(NText.from_raw("قاعة المؤتمرات. المبنى الرئيسي")).country is None
    assert parse_venue(NText.from_raw("قاعة المؤتمرات. المبنى الرئيسي")).city == "قاعة المؤتمرات. المبنى الرئيسي"


@pytest.mark.parametrize(("ppi", "dpi"), [(110, 300), (400, 400), (1200, 600)])
def test_pages_are_rendered_at_300_dpi_or_at_their_images_finer_resolution(tmp_path, ppi, dpi):
    import pypdfium2 as pdfium
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("L", (600, 800), 255).save(path, "PDF", resolution=ppi)  # one image over the whole page
    page = pdfium.PdfDocument(path)[0]
    width, height = page.get_size()
    assert ocr._choose_dpi(page, width, height) == dpi


@pytest.fixture
def no_tesseract(monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_languages", lambda: None)


def test_without_tesseract_a_scan_fails_naming_the_packages_to_install(no_tesseract):
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(SCANNED)
    assert "tesseract-ocr tesseract-ocr-ara" in err.value.reason and "all pages" in err.value.reason
    with pytest.raises(IncompatibleDependencyError) as err:
        read_pdf(SCANNED, ocr="always")
    assert "tesseract-ocr-ara" in err.value.reason


def test_when_tesseract_fails_the_pages_are_missing_with_the_reason(monkeypatch):
    import pytesseract

    monkeypatch.setattr(ocr, "tesseract_languages", lambda: frozenset({"ara", "eng"}))

    def timeout(*args, **kwargs):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_pdf_or_hocr", timeout)
    pages = ocr.recognise(SCANNED.read_bytes(), [2, 1])
    assert [(p.number, p.error, p.lines) for p in pages] == [(2, "Tesseract: timed out", ()), (1, "Tesseract: timed out", ())]
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(SCANNED)
    assert err.value.reason == "OCR could not read all pages (Tesseract: timed out)"
    broken = ocr.recognise(b"%PDF-1.4 not really", [1])
    assert broken[0].error.startswith("pdfium cannot open the file")


def test_an_unknown_ocr_mode_is_refused():
    with pytest.raises(ValueError, match="auto, always, never"):
        read_pdf(SCANNED, ocr="sometimes")


def test_without_the_arabic_model_ocr_is_unavailable(monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_languages", lambda: frozenset({"eng", "osd"}))
    assert "no Arabic model" in ocr.ocr_unavailable() and "tesseract-ocr-ara" in ocr.ocr_unavailable()


def test_without_tesseract_a_pdf_with_a_text_layer_reads_as_before(no_tesseract):
    path = DATA / "pdf" / "global-rcp-meetings-ar.libreoffice-noto-naskh.pdf"
    assert read_pdf(path).blocks == read_pdf(path, ocr="never").blocks


def test_the_command_line_takes_the_ocr_mode(tmp_path, no_tesseract, capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SCANNED), "--out", str(tmp_path), "--ocr", "sometimes"])
    assert exc.value.code == 2
    assert main(["extract", str(SCANNED), "--out", str(tmp_path), "--ocr", "never", "--workers", "1", "-q"]) == 1
    report = json.loads((tmp_path / "run_report.json").read_text("utf-8"))
    assert report["sources"][0]["error_kind"] == "no_text_layer" and "--ocr auto" in report["sources"][0]["message"]


# --------------------------------------------------------------------------
# With Tesseract


def match_text(blocks) -> str:
    return " ".join(m for b in blocks for m in (NText.from_raw(line).match for line in b.lines) if m)


def cer(reference: str, hypothesis: str) -> float:
    return editdistance.eval(reference, hypothesis) / len(reference)


@cache
def read_ocr(path: Path, mode: str = "auto"):
    return read_pdf(path, ocr=mode)


@needs_tesseract
def test_the_scanned_brochure_pages_read_with_a_low_character_error_rate():
    # The scan holds the text source from its start to the third meeting's
    # date line (the Chromium typesetting's pages 1-2), at 110 dpi.
    source = read_text(ROOT / "sources" / "global-rcp-meetings-ar.txt").body_blocks
    end = next(i for i, b in enumerate(source) if any("25-26 تشرين الأول" in line for line in b.lines))
    doc = read_ocr(SCANNED)
    rate = cer(match_text(source[: end + 1]), match_text(doc.body_blocks))
    assert rate <= 0.02, f"CER {rate:.2%}"
    assert doc.page_count == 2 and {b.page for b in doc.blocks} == {1, 2}
    assert all(b.ocr_confidence is not None and 0 <= b.ocr_confidence <= 100 for b in doc.blocks)
    assert all(b.bbox is not None and 0 <= b.bbox.x0 < b.bbox.x1 <= 595.3 for b in doc.blocks)
    headings = [to_match(b.text) for b in doc.body_blocks if b.heading_level]
    assert headings[-3:] == [to_match(f"الاجتماع العالمي {n} للعمليات التشاورية الإقليمية بشأن الهجرة: {y}")
                             for n, y in (("الأول", 2005), ("الثاني", 2009), ("الثالث", 2011))]
    assert sum(b.list_item for b in doc.body_blocks) >= 2  # the objectives, bullets read as symbols


@needs_tesseract
def test_pages_read_in_parallel_give_the_same_blocks_as_one_at_a_time(monkeypatch):
    monkeypatch.setenv(ocr.THREADS_ENV, "2")
    parallel = read_ocr(SCANNED)
    monkeypatch.setenv(ocr.THREADS_ENV, "1")
    assert read_pdf(SCANNED) == parallel


@needs_tesseract
def test_a_page_whose_text_layer_maps_glyphs_to_wrong_letters_reads_through_ocr():
    expected = json.loads((DATA / "real" / "docling-rtl-02-egypt-gov-programme.expected.json").read_text("utf-8"))
    doc = read_ocr(DATA / "real" / expected["file"])
    text = to_match(" ".join(b.text for b in doc.body_blocks))
    for wanted in expected["texts"]:
        # the text's first 30 characters, at most 3 OCR errors among them
        key = to_match(wanted)[:30]
        best = min(editdistance.eval(key, text[i : i + len(key)]) for i in range(len(text) - len(key) + 1))
        assert best <= 3, wanted
    assert any(w.code == "ocr_low_confidence" for w in doc.warnings) or all(
        b.ocr_confidence >= ocr.LOW_CONFIDENCE for b in doc.blocks)
    assert not any(w.code == "garbled_text_layer" for w in doc.warnings)


@needs_tesseract
def test_a_page_ocr_cannot_read_is_left_out_with_a_warning(tmp_path):
    # The test PDF builder's font draws no Arabic shapes: the garbled page
    # renders as symbols, which Tesseract reads with a low confidence.
    good = ["ظهرت العمليات التشاورية الإقليمية بشأن الهجرة في كثير من المناطق",
            "في العالم منذ منتصف الثمانينات بصفتها منتديات لتبادل مستمر للمعلومات",
            "والحوار بشأن السياسات تقودها الدول لمعالجة مسائل محددة تتعلق بالهجرة",
            "داخل أقاليم معينة أو في سياقات محددة ومع مرور الزمن زاد عدد العمليات"]
    wrong = {"ه": "ا", "ت": "ل", "ق": "ف", "ر": "ز", "م": "و"}
    path = tmp_path / "mixed.pdf"
    path.write_bytes(arabic_pages([good, ["".join(wrong.get(c, c) for c in line) for line in good], good]))
    doc = read_pdf(path)
    assert [(w.code, w.page) for w in doc.warnings] == [("ocr_unreadable", 2)]
    assert {b.page for b in doc.blocks} == {1, 3} and all(b.ocr_confidence is None for b in doc.blocks)


@needs_tesseract
def test_a_page_with_its_text_drawn_as_outlines_reads_through_ocr():
    path = OCR_DATA / "outlines-page.pdf"
    with pytest.raises(NoTextLayerError):
        read_pdf(path, ocr="never")
    doc = read_ocr(path)
    text = " ".join(b.text for b in doc.blocks)
    for wanted in ("المنظمة العالمية للهجرة", "وكالة الهجرة التابعة للأمم المتحدة", "fax", "grcp@iom.int",
                   "https://www.iom.int/global-rcp-meetings", "International Organization for Migration (IOM)"):
        assert to_match(wanted) in to_match(text.replace("فاكس", "fax")), wanted


@needs_tesseract
def test_a_pdf_of_text_pages_and_a_scanned_page_gives_one_record_with_both():
    from pipeline import extract_source

    result = extract_source(OCR_DATA / "mixed-text-and-scan.pdf")
    record = result.record
    golden = {m["number"]: m for m in json.loads(GOLDEN.read_text("utf-8"))["meetings"]}
    # Meetings 1-3 are on the scanned page 2, meetings 4-5 on page 3's text layer.
    meetings = {m.number: m for m in record.meetings}
    assert set(meetings) == {1, 2, 3, 4, 5}
    for n in (2, 4, 5):
        assert meetings[n].start_date.isoformat() == golden[n]["start_date"], n
        assert meetings[n].provenance.page == (2 if n < 4 else 3)
    blocks = [b for s in record.sections for b in s.blocks]
    # OCR text is on page 2; a paragraph cut by the page break 1/2 is partly OCR.
    assert {(b.provenance.page, b.provenance.page_end) for b in blocks if b.ocr_confidence is not None} <= {
        (2, None), (2, 2), (1, 2)}
    assert any(b.provenance.page == 2 and b.ocr_confidence is not None for b in blocks)
    assert {b.provenance.page for b in blocks if b.ocr_confidence is None} >= {1, 3}


# --------------------------------------------------------------------------
# The whole brochure as a poor scan (slow: about 20 s on two cores)

TYPED = {"number", "year", "start_date", "end_date", "country_code", "is_online", "outcome_is_expected", "iscm_total",
         "rcp", "irf", "global_process", "igo", "un_regional_commission", "regional_economic_organization"}
CHECKED = TYPED - {"number", "year", "is_online", "outcome_is_expected"}


def field_matches(key: str, want, got) -> bool:
    """A typed value must be equal; a text may differ by OCR errors of at most
    2 % of its characters (matching forms)."""
    if key in TYPED or want is None or got is None:
        return want == got
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(field_matches(key, a, b) for a, b in zip(want, got))
    a, b = to_match(str(want)), to_match(str(got))
    return editdistance.eval(a, b) <= math.floor(0.02 * len(a))


@pytest.mark.slow
@needs_tesseract
def test_a_full_scan_of_the_brochure_gives_most_fields_and_no_confident_wrong_value():
    from pipeline import extract_source

    result = extract_source(OCR_DATA / "brochure-scan.pdf")
    record = json.loads(result.record.model_dump_json())
    golden = json.loads(GOLDEN.read_text("utf-8"))
    warned = {w.meeting for w in result.warnings if w.meeting is not None}
    got = {m["number"]: m for m in record["meetings"]}
    fields = []  # (meeting, key, wanted, got)
    for want in golden["meetings"]:
        have = got.get(want["number"], {})
        for key, value in want.items():
            if key in ("provenance", "extra_fields"):
                continue
            if key == "participants" and value is not None:
                fields += [(want["number"], k, v, (have.get("participants") or {}).get(k)) for k, v in value.items()]
            else:
                fields.append((want["number"], key, value, have.get(key)))
    fields += [(None, k, v, (record.get("contact") or {}).get(k)) for k, v in golden["contact"].items()]
    right = [f for f in fields if field_matches(f[1], f[2], f[3])]
    assert len(right) >= 0.85 * len(fields), [f for f in fields if f not in right]
    # A date or count that is wrong is null or comes with a warning about its meeting.
    confident_wrong = [f for f in fields if f[1] in CHECKED and f not in right and f[3] is not None and f[0] not in warned]
    assert not confident_wrong
    assert [m["number"] for m in record["meetings"]] == list(range(1, 8))
