"""Tests of the PDF reader (pipeline.read.pdf and its layout/content modules).

Data: ``tests/data/pdf`` (the brochure typeset by three producers, and the
layout fixtures made by ``make_fixtures.py``) and ``tests/data/bad``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import editdistance
import pytest

from pipeline.errors import (
    CorruptPdfError,
    EmptySourceError,
    EncryptedPdfError,
    NotAPdfError,
    NoTextLayerError,
)
from pipeline.normalize import NText, to_display
from pipeline.read import read_source
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_layout import group_rows
from pipeline.read.pdf_line import BASE, JUNK, MARK, SPACE, Glyph, classify, make_line
from pipeline.read.text import read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PDF = DATA / "pdf"
BAD = DATA / "bad"
PRODUCERS = {
    "chromium": ("global-rcp-meetings-ar.chromium-noto-naskh.pdf", 5),
    "libreoffice": ("global-rcp-meetings-ar.libreoffice-noto-naskh.pdf", 6),
    "reportlab": ("global-rcp-meetings-ar.reportlab-presentation-forms.pdf", 5),
}
ORDINALS = {"الأول": 2005, "الثاني": 2009, "الثالث": 2011, "الرابع": 2013, "الخامس": 2015, "السادس": 2016, "السابع": 2017}


@cache
def brochure(producer: str):
    return read_pdf(PDF / PRODUCERS[producer][0])


@cache
def fixture(name: str):
    return read_pdf(PDF / name)


def display(block) -> str:
    return to_display(" ".join(block.lines))


def match_text(blocks) -> str:
    return " ".join(m for b in blocks for m in (NText.from_raw(line).match for line in b.lines) if m)


# --------------------------------------------------------------------------
# The brochure, three producers


@pytest.mark.parametrize("producer", PRODUCERS)
def test_character_error_rate_against_text_source(producer):
    reference = match_text(read_text(ROOT / "sources" / "global-rcp-meetings-ar.txt").body_blocks)
    hypothesis = match_text(brochure(producer).body_blocks)
    cer = editdistance.eval(reference, hypothesis) / len(reference)
    assert cer <= 0.01, f"{producer}: CER {cer:.4%}"


EXPECTED_STRINGS = [
    "14-15 نيسان/ أبريل 2005",
    "+41 22 717 91 11",
    "1211 Geneva 19",
    "https://www.iom.int/global-rcp-meetings",
    "grcp@iom.int",
    "الانعقاد",
    "(4 منتديات",
    "الهجرة) و4 منظمات",
]


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("expected", EXPECTED_STRINGS)
def test_strings_come_out_in_logical_order(producer, expected):
    texts = [display(b) for b in brochure(producer).body_blocks]
    assert any(expected in t for t in texts), expected


@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])  # ReportLab's PDF has no marks
def test_combining_marks_follow_their_letter(producer):
    text = " ".join(display(b) for b in brochure(producer).body_blocks)
    assert "15 آليّة من آليات" in text  # shadda after yeh, not a word break
    assert "وعادةً ما" in text  # tanween after teh marbuta
    assert "يُستخدم" in text


@pytest.mark.parametrize("producer", PRODUCERS)
def test_meeting_headings_are_single_heading_blocks(producer):
    blocks = brochure(producer).body_blocks
    for ordinal, year in ORDINALS.items():
        found = [b for b in blocks if display(b).startswith(f"الاجتماع العالمي {ordinal} ")]
        assert len(found) == 1, ordinal
        heading = found[0]
        assert heading.heading_level is not None
        assert display(heading).endswith(f"بشأن الهجرة: {year}")


@pytest.mark.parametrize("producer", PRODUCERS)
def test_objectives_are_list_items_without_marker(producer):
    items = [display(b) for b in brochure(producer).body_blocks if b.list_item]
    for start in ("تشجيع أوجه التآزر", "تقوية التعاون فيما بين", "المساهمة في تحسين اتساق"):
        assert sum(t.startswith(start) for t in items) == 1, start
    assert all(t[0] not in "•◆-*" for t in items)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_pages_and_no_page_furniture(producer):
    doc = brochure(producer)
    assert doc.format == "pdf"
    assert doc.page_count == PRODUCERS[producer][1]
    assert len(doc.sha256) == 64
    pages = {b.page for b in doc.body_blocks}
    assert pages == set(range(1, doc.page_count + 1))
    for b in doc.body_blocks:
        assert b.line_start is None and b.line_end is None
        assert b.bbox is not None and b.bbox.x0 < b.bbox.x1 and b.bbox.top < b.bbox.bottom
        assert not re.fullmatch(r"\W*\d{1,3}\W*", display(b))
    assert doc.body_blocks[0].heading_level == 1
    assert display(doc.body_blocks[0]) == "الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة"


def test_read_source_dispatches_pdf():
    doc = read_source(PDF / PRODUCERS["reportlab"][0])
    assert doc.format == "pdf" and doc.page_count == 5


# --------------------------------------------------------------------------
# Generated layout fixtures


def _index(blocks, start: str) -> int:
    hits = [i for i, b in enumerate(blocks) if display(b).startswith(start)]
    assert len(hits) == 1, start
    return hits[0]


def test_two_columns_read_right_column_first():
    blocks = fixture("two-columns.pdf").body_blocks
    order = [
        _index(blocks, "دليل الاجتماعات العالمية"),
        _index(blocks, "العمود الأيمن"),
        _index(blocks, "هذه الفقرة الأولى في العمود الأيمن"),
        _index(blocks, "البند الأول في القائمة المرسومة"),
        _index(blocks, "البند الثاني في القائمة المرسومة"),
        _index(blocks, "العمود الأيسر"),
        _index(blocks, "هذه الفقرة الثانية في العمود الأيسر"),
        _index(blocks, "ملاحظة ختامية"),
    ]
    assert order == sorted(order)
    right = blocks[order[2]]
    assert display(right).endswith("في كثير من الأقاليم.")
    assert "الأيسر وتقرأ" not in display(right)
    assert blocks[order[0]].heading_level == 1 and blocks[order[1]].heading_level == 2
    assert [blocks[i].list_item for i in order] == [False, False, False, True, True, False, False, False]


def test_three_columns_read_right_to_left():
    texts = [display(b) for b in fixture("three-columns.pdf").body_blocks]
    assert [t.split()[1] for t in texts] == ["الأول", "الثاني", "الثالث"]
    assert all(t.endswith("لعدة أسطر متتالية.") for t in texts)


def test_running_header_footer_and_page_numbers_are_dropped():
    doc = fixture("running-heads.pdf")
    texts = [display(b) for b in doc.body_blocks]
    assert doc.page_count == 3
    assert texts[0::2] == ["القسم 1", "القسم 2", "القسم 3"]
    assert [b.page for b in doc.body_blocks] == [1, 1, 2, 2, 3, 3]
    assert not any("نشرة المنظمة" in t or "الاجتماعات العالمية للعمليات" in t for t in texts)
    # They are kept, marked, at their page's top and foot, for the record's running heads.
    furniture = [(b.page, b.role, display(b)) for b in doc.blocks if b.role != "body"]
    assert furniture == [
        (n, role, text)
        for n in (1, 2, 3)
        for role, text in (("header", "نشرة المنظمة الدولية للهجرة"),
                           ("footer", "الاجتماعات العالمية للعمليات التشاورية الإقليمية"), ("footer", str(n)))
    ]
    assert [b.font_size for b in doc.body_blocks] == [16.0, 12.0] * 3


def test_gaps_without_space_glyphs_become_spaces():
    # The first line ends far from the page's margin (mirrored from the
    # right one): a hard break, so the two lines may be two blocks.
    lines = [line for block in fixture("gap-spaces.pdf").body_blocks for line in block.lines]
    assert [to_display(line) for line in lines] == [
        "عقد الاجتماع الأول في جنيف يوم 14 نيسان 2005 بحضور IOM والشركاء",
        "وشارك فيه 9 آليات من آليات التشاور بين الدول",
    ]


# --------------------------------------------------------------------------
# Bad files: one typed error each, naming the file


def test_encrypted_pdf_needs_its_password():
    path = BAD / "encrypted-user-password.pdf"
    with pytest.raises(EncryptedPdfError) as missing:
        read_pdf(path)
    assert missing.value.path == path and "password is needed" in missing.value.reason
    assert path.name in str(missing.value)
    with pytest.raises(EncryptedPdfError) as wrong:
        read_pdf(path, password="not-it")
    assert "wrong" in wrong.value.reason
    doc = read_pdf(path, password="secret")
    assert doc.page_count == 5
    assert any(display(b).startswith("الاجتماع العالمي الأول") for b in doc.body_blocks)


def test_truncated_pdf_is_corrupt():
    path = BAD / "truncated.pdf"
    with pytest.raises(CorruptPdfError) as err:
        read_pdf(path)
    assert err.value.path == path and path.name in str(err.value)


@pytest.mark.parametrize("name", ["scanned-image-only.pdf", "no-unicode.pdf"])
def test_no_text_layer(name):
    # Without OCR (tests/test_ocr.py reads them with it).
    path = BAD / name
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(path, ocr="never")
    assert err.value.path == path and "OCR needed" in err.value.reason and "--ocr auto" in err.value.reason


def test_empty_and_non_pdf_files(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptySourceError) as err:
        read_pdf(empty)
    assert err.value.path == empty
    html = tmp_path / "page.pdf"
    html.write_bytes(b"<html><body>not a pdf</body></html>")
    with pytest.raises(NotAPdfError):
        read_pdf(html)
    late = tmp_path / "late-header.pdf"
    late.write_bytes(b" " * 1024 + b"%PDF-1.4\n")
    with pytest.raises(NotAPdfError):
        read_pdf(late)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"garbage\n%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(CorruptPdfError):
        read_pdf(junk)


# --------------------------------------------------------------------------
# Small hand-made inputs


def g(x0, x1, text, kind=BASE, top=100.0, size=12.0, bold=False):
    return Glyph(x0, x1, top, top + size, text, size, bold, kind)


def test_classify_glyph_texts():
    assert classify("\x00") == ("", JUNK)
    assert classify("\ue000") == ("", JUNK)
    assert classify(" ") == (" ", SPACE)
    assert classify("\u0651") == ("\u0651", MARK)
    assert classify("\ufe7c") == ("\u0651", MARK)  # SHADDA ISOLATED FORM
    assert classify("ل\x00") == ("ل", BASE)


def test_mark_goes_after_its_letter_and_is_no_word_break():
    # آليّة drawn left to right: ة ي ل آ, the shadda (zero width) over the yeh.
    row = [
        g(10, 15, "ة"),
        g(15, 19, "ي"),
        g(17.5, 17.5, "\u0651", MARK, top=98),
        g(19, 22, "ل"),
        g(22, 25, "آ"),
    ]
    line = make_line(row, rtl_default=True)
    assert line.text == "آليّة"


def test_spaces_from_gaps_relative_to_font_size():
    # Two words, 0.3 em apart without a space glyph; a 0.04 em kerning gap inside.
    row = [g(0, 5, "ة"), g(5.5, 10, "م"), g(10, 14, "ل"), g(14, 18, "ك"), g(21.6, 26, "ب"), g(26, 30, "ا")]
    assert make_line(row, rtl_default=True).text == "اب كلمة"
    big = [Glyph(gl.x0 * 2, gl.x1 * 2, 100, 124, gl.text, 24.0, False, gl.kind) for gl in row]
    assert make_line(big, rtl_default=True).text == "اب كلمة"


def test_ligature_glyph_with_two_letters_stays_in_logical_order():
    # LibreOffice maps a lam-alef glyph to the two letters in logical order.
    row = [g(0, 5, "ي"), g(5, 9, "ق"), g(9, 16, "لإ"), g(16, 19, "ا")]
    assert make_line(row, rtl_default=True).text == "الإقي"


def test_numbers_and_latin_keep_their_order_inside_arabic():
    row = [
        g(0, 6, "1"), g(6, 12, "1"), g(16, 22, "9"), g(22, 28, "1"), g(32, 38, "4"), g(38, 44, "1"), g(44, 50, "+"),
        g(54, 57, ":"), g(57, 62, "ف"), g(62, 67, "ت"), g(67, 72, "ا"), g(72, 77, "ه"),
    ]
    assert make_line(row, rtl_default=True).text == "هاتف: +41 91 11"


def test_bullet_glyph_is_removed_and_marks_a_list_item():
    row = [g(0, 5, "ة"), g(5, 10, "ي"), g(10, 15, "و"), g(15, 20, "ق"), g(20, 25, "ت"), g(29, 33, "•")]
    line = make_line(row, rtl_default=True)
    assert line.marker and line.text == "تقوية"
    junk = [g(0, 5, "ة"), g(5, 10, "ي"), g(10, 15, "و"), g(15, 20, "ق"), g(20, 25, "ت"), g(29, 33, "", JUNK)]
    assert make_line(junk, rtl_default=True).marker


def test_rows_group_by_overlap_not_exact_bottom():
    letters = [g(0, 5, "ا", top=100), g(5, 10, "ب", top=100)]
    bracket = g(10, 14, "(", top=95)  # another font: box 5 pt higher
    mark = g(2, 2, "\u064b", MARK, top=97)
    below = g(0, 5, "ج", top=118)
    rows = group_rows(letters + [bracket, mark, below])
    assert [len(r) for r in rows] == [4, 1]


def test_mark_goes_to_its_stream_neighbour_when_its_box_sits_over_the_next_letter():
    # Amiri in Chromium: the zero-width shadda of يّة is drawn from an origin
    # inside the teh marbuta to its left; the stream (ة ّ ي, HarfBuzz's visual
    # order) says its base is the yeh to its right.
    from pipeline.read.pdf_line import stream_neighbours

    teh, shadda, yeh, lam, alef = (
        g(216.9, 221.1, "ة"), g(219.7, 219.7, "\u0651", MARK), g(221.1, 223.8, "ي"), g(223.8, 225.7, "ل"), g(225.7, 228.1, "آ")
    )
    row = [teh, shadda, yeh, lam, alef]
    assert make_line(row, rtl_default=True).text == "آليةّ"  # by geometry alone: wrong letter
    assert make_line(row, rtl_default=True, bases=stream_neighbours(row)).text == "آليّة"
    # Logical stream order (ي ّ ة) gives the same base: the right-hand neighbour.
    logical = [alef, lam, yeh, shadda, teh]
    assert make_line(row, rtl_default=True, bases=stream_neighbours(logical)).text == "آليّة"


def test_zero_width_glyph_inside_a_wide_one_opens_no_word_gap():
    # A glyph mapped to nothing (WeasyPrint, part of a cluster) drawn at the
    # left of a wide letter: the gap to the next letter is measured from the
    # wide letter's right edge, so ظ and ن stay one word.
    row = [g(0, 4, "ة"), g(4, 9, "م"), g(9, 16, "ظ"), g(9.5, 9.5, "", JUNK), g(16, 19, "ن")]
    assert make_line(row, rtl_default=True).text == "نظمة"


def _line(text: str, top: float, size: float = 12.0):
    """A line drawn with one glyph per character (visual order = text reversed if Arabic)."""
    visual = text[::-1] if any("\u0600" <= c <= "\u06ff" for c in text) else text
    row = [g(i * 6.0 + 100, i * 6.0 + 106, c, SPACE if c == " " else BASE, top=top, size=size) for i, c in enumerate(visual)]
    return make_line(row, rtl_default=True)


def _pages(*page_lines):
    from pipeline.read.pdf import _Page

    return [_Page(n, 800.0, [[line for line in lines]]) for n, lines in enumerate(page_lines, start=1)]


def test_a_year_wrapped_to_the_foot_of_a_page_is_no_page_number():
    from pipeline.read.pdf import _drop_running_heads

    body = "نص الصفحة"
    pages = _pages(
        [_line(body, 300), _line("لعام", 700), _line("2005", 730), _line("1", 770)],
        [_line(body, 300), _line("2", 770)],
        [_line(body, 300), _line("لعام", 700), _line("2011", 740), _line("3", 770)],
    )
    _drop_running_heads(pages)
    assert [[line.text for r in p.regions for line in r] for p in pages] == [
        [body, "لعام", "2005"], [body], [body, "لعام", "2011"]
    ]


def test_running_footer_that_floats_up_on_a_short_page_is_dropped():
    # A browser repeats a table footer after the text: at the foot of full
    # pages, right after the last line on a short last page. The title on
    # page 1 has the same words in a larger size and stays.
    from pipeline.read.pdf import _drop_running_heads

    footer = "الاجتماعات العالمية"
    pages = _pages(
        [_line(footer, 80, size=20), _line("نص", 300), _line(footer, 760, size=9)],
        [_line("نص", 300), _line(footer, 760, size=9)],
        [_line("نص", 100), _line(footer, 140, size=9)],
    )
    _drop_running_heads(pages)
    assert [[line.text for r in p.regions for line in r] for p in pages] == [[footer, "نص"], ["نص"], ["نص"]]


def test_a_banner_of_two_lines_repeated_at_the_foot_of_every_page_is_furniture():
    # A browser prints a position:fixed cookie banner on every page: its
    # text, then its button below it, a quarter of the page up from the
    # foot (above the 10 % margin). The button is the last line of each
    # page; once it is out, the banner's text is.
    from pipeline.read.pdf import _drop_running_heads

    banner, button = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك", "موافق"
    pages = _pages(
        [_line("نص", 300), _line(banner, 650, size=9), _line(button, 670, size=8)],
        [_line("نص", 300), _line("نص آخر", 400), _line(banner, 650, size=9), _line(button, 670, size=8)],
        [_line("نص", 100), _line(banner, 650, size=9), _line(button, 670, size=8)],
    )
    _drop_running_heads(pages)
    assert [[line.text for r in p.regions for line in r] for p in pages] == [["نص"], ["نص", "نص آخر"], ["نص"]]
    assert [[(zone, line.text) for zone, line in p.furniture] for p in pages][0] == [("footer", banner), ("footer", button)]


def test_a_running_footer_with_words_added_on_one_page_is_still_one():
    # Chromium prints a fixed banner's button on the first page only: there
    # it ends the banner's line, or stands beside it on its band.
    from pipeline.read.pdf import _drop_running_heads

    banner = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك"
    for first in ([_line(banner + " موافق", 760, size=9)], [_line(banner, 760, size=9), _line("موافق", 761, size=8)]):
        pages = _pages(
            [_line("دليل المشاركين في الاجتماع", 40), _line("نص", 300)] + first,
            [_line("دليل المشاركين", 40), _line("نص", 300), _line(banner, 760, size=9)],
            [_line("دليل المشاركين", 40), _line("نص", 300), _line(banner, 760, size=9)],
        )
        _drop_running_heads(pages)
        # A running head of two words takes in no longer line that begins with them.
        assert [[line.text for r in p.regions for line in r] for p in pages] == [
            ["دليل المشاركين في الاجتماع", "نص"], ["نص"], ["نص"]
        ]


def test_space_glyph_at_the_line_edge_over_a_letter_is_no_word_break():
    # Typst: a justified line's trailing space drawn over its last letter.
    row = [g(216.45, 218.5, "ا"), g(216.45, 219.1, " ", SPACE), g(218.5, 222.0, "م"), g(222.0, 225.6, "و"),
           g(225.6, 228.2, " ", SPACE), g(228.9, 231.7, "ل"), g(231.7, 234.3, "ه")]
    assert make_line(row, rtl_default=True).text == "هل وما"
    # A kerned space reaching into the letter before it still separates words.
    kerned = [g(0, 3, "ة"), g(2.6, 5.2, " ", SPACE), g(5.2, 9.4, "ل"), g(9.4, 12, "ك")]
    assert make_line(kerned, rtl_default=True).text == "كل ة"


def test_brackets_around_latin_in_a_latin_line_stay_with_the_latin():
    from pipeline.read.pdf_line import reorder

    # "(IOM)" wrapped alone onto a line of a right-to-left paragraph.
    assert reorder("(IOM)", rtl=True, latin_only=True) == "(IOM)"
    # WeasyPrint/Typst store the logical bracket for a mirrored glyph.
    visual = "International Organization for Migration )IOM("
    assert reorder(visual, rtl=True, latin_only=True) == "International Organization for Migration (IOM)"
    assert reorder(visual, rtl=False, latin_only=True) == "International Organization for Migration (IOM)"


def test_url_cut_by_a_line_wrap_keeps_its_last_character():
    from pipeline.read.pdf_line import reorder

    # الموقع الشبكي: https://www.iom.int/global-  (the rest on the next line)
    visual = "https://www.iom.int/global- :" + "الموقع الشبكي"[::-1]
    assert reorder(visual, rtl=True) == "الموقع الشبكي: https://www.iom.int/global-"


def _rtl_line(text: str, right: float, width: float, top: float, size: float = 10.0, visual: str | None = None):
    """A right-aligned line of ``text`` (or of the given visual string) spread
    over ``width`` points, one glyph per character."""
    if visual is None:
        visual = text[::-1] if any("\u0600" <= c <= "\u06ff" for c in text) else text
    step = width / len(visual)
    x = right - width
    row = [g(x + i * step, x + (i + 1) * step, c, SPACE if c == " " else BASE, top=top, size=size) for i, c in enumerate(visual)]
    return make_line(row, rtl_default=True)


def test_wrapped_lines_are_marked_as_joins_and_a_cut_url_joins_without_space():
    from pipeline.read.pdf_layout import region_blocks

    lines = [
        _rtl_line("كلمة كلمة كلمة كلمة كلمة", 300, 200, 100),
        _rtl_line("كلمة كلمة", 300, 80, 114),
        _rtl_line("", 300, 199, 140, visual="https://www.iom.int/global- :" + "الموقع"[::-1]),
        _rtl_line("rcp-meetings", 300, 60, 154),
    ]
    blocks = region_blocks(lines, 1.4, greedy=True)
    assert [(len(b.lines), b.joins) for b in blocks] == [(2, (" ",)), (2, ("",))]
    from pipeline.read.blocks import Block

    block = Block(lines=tuple(line.text for line in blocks[1].lines), joins=blocks[1].joins)
    assert block.logical_lines() == [(0, "الموقع: https://www.iom.int/global-rcp-meetings")]


def test_a_region_of_short_lines_takes_the_width_of_its_column():
    # The legend alone on the last page: its lines look full against each
    # other; the pages before show the column is 200 pt wide.
    from pipeline.read.pdf_layout import region_frames

    body = [_rtl_line(" ".join(["كلمة"] * 8), 300, 200, 100 + 14 * i) for i in range(6)]
    legend = [_rtl_line("كلمة كلمة", 300, 90, 100), _rtl_line("كلمة كلمة", 300, 92, 114)]
    assert region_frames([body, legend]) == [None, (100.0, 300.0)]


def test_normalize_joins_wrapped_lines_of_a_pdf_block():
    from pipeline.normalize import normalize_block
    from pipeline.read.blocks import Block

    block = Block(lines=("الاجتماع العالمي لعام", "2005", "الاجتماع العالمي لعام 2009"), page=1, joins=(" ", None))
    nb = normalize_block(block)
    assert [n.display for n in nb.lines] == ["الاجتماع العالمي لعام 2005", "الاجتماع العالمي لعام 2009"]
    assert nb.line_index == (0, 2)


def test_first_word_of_a_latin_line_is_its_leftmost_in_a_right_to_left_paragraph():
    # "The" fits after "(IOM)": a hard break, not a wrap ("Agency", the
    # rightmost word, would not have fitted).
    from pipeline.read.pdf_layout import region_blocks

    lines = [
        _rtl_line(" ".join(["كلمة"] * 5), 300, 200, 100),
        _rtl_line("International Organization (IOM)", 300, 170, 130),
        _rtl_line("The UN Agency", 300, 90, 144),
    ]
    assert [len(b.lines) for b in region_blocks(lines, 1.4, greedy=True)] == [1, 1, 1]


def test_small_paragraph_spacing_is_learnt_from_the_document():
    # Lines 14 pt apart inside paragraphs, 15.5 pt (11 % more) between them:
    # under PARAGRAPH_PITCH, but the wider pitch follows short lines only.
    from pipeline.read.pdf_layout import PARAGRAPH_PITCH, paragraph_pitch, region_blocks

    full, short = " ".join(["كلمة"] * 5), "كلمة كلمة"
    lines, top = [], 100.0
    for _ in range(4):  # paragraphs of three lines, the last short
        for text, width in ((full, 200), (full, 200), (short, 80)):
            lines.append(_rtl_line(text, 300, width, top))
            top += 14.0
        top += 1.5
    # The third paragraph ends with a full line: only the wider pitch tells.
    lines[8] = _rtl_line(full, 300, 200, lines[8].top)
    gap = paragraph_pitch([lines], 1.4, greedy=True)
    assert 1.4 * 1.03 <= gap < 1.55 < PARAGRAPH_PITCH * 1.4
    assert [len(b.lines) for b in region_blocks(lines, 1.4, greedy=True, gap_em=gap)] == [3, 3, 3, 3]
    assert [len(b.lines) for b in region_blocks(lines, 1.4, greedy=True)] == [3, 3, 6]


def _label_line(drawn_range: str, top: float):
    """'التاريخ: <range> نيسان' drawn right to left, the label in bold."""
    row, x = [], 100.0
    for text, bold in (("نيسان"[::-1], False), (" ", False), (drawn_range, False), (" ", False), (":خيراتلا", True)):
        for c in text:
            row.append(Glyph(x, x + 5, top, top + 12, c, 12.0, bold, SPACE if c == " " else BASE))
            x += 5
    return make_line(row, rtl_default=True)


@pytest.mark.parametrize("drawn, second", [("14-15", "2005-2009"), ("15-14", "2009-2005")])
def test_number_ranges_after_a_bold_label_follow_the_producers_bidi(drawn, second):
    # Chromium runs the bidi algorithm over the paragraph: 14-15 after Arabic
    # is drawn 15-14. WeasyPrint runs it per style run: drawn 14-15. The
    # document's ranges go up one way or the other.
    from pipeline.read.pdf import _settle_number_ranges

    pages = _pages([_label_line(drawn, 100), _label_line(second, 130)])
    _settle_number_ranges(pages)
    assert [line.text for line in pages[0].regions[0]] == ["التاريخ: 14-15 نيسان", "التاريخ: 2005-2009 نيسان"]


def test_a_mark_drawn_twice_or_already_in_its_letters_text_counts_once():
    row = [g(0, 4, "ة"), g(4, 9, "رَ"), g(6, 6, "\u064e", MARK), g(9, 12, "ظ"), g(10, 10, "\u0651", MARK), g(10.5, 10.5, "\u0651", MARK)]
    assert make_line(row, rtl_default=True).text == "ظّرَة"


def _draft(lines, region=None, level=None, first=True, page=1):
    from pipeline.read.pdf import _Draft

    return _Draft(page, page, list(lines), [" "] * (len(lines) - 1), level, False, False, first, region or list(lines), None)


def test_a_heading_wrapped_into_the_next_region_stays_one_heading():
    # A title spanning two columns wraps; its short last line sits in the
    # right column's region, at the title's own line pitch.
    from pipeline.read.pdf import _merge_drafts

    title = [_rtl_line(" ".join(["عنوان"] * 6), 300, 280, 40, size=14)]
    rest = _rtl_line("الهجرة", 300, 40, 61, size=14)
    column = [rest, _rtl_line("العمليات التشاورية", 300, 120, 97, size=11)]
    merged = _merge_drafts([_draft(title, level=1), _draft([rest], column, level=1), _draft(column[1:], column, level=2, first=False)], 1.6, True)
    assert [len(d.lines) for d in merged] == [2, 1]


def test_a_paragraph_cut_by_a_column_break_after_a_full_stop_is_one_block():
    from pipeline.read.pdf import _merge_drafts

    right = [_rtl_line(" ".join(["كلمة"] * 5), 300, 200, 100 + 14 * i) for i in range(5)]
    right[-1] = _rtl_line(" ".join(["كلمة"] * 4) + " أخرى.", 300, 199, right[-1].top)
    left = [_rtl_line(" ".join(["كلمة"] * 5), 80, 200, 100 + 14 * i) for i in range(3)]
    merged = _merge_drafts([_draft(right), _draft(left)], 1.6, True)
    assert [len(d.lines) for d in merged] == [8]
    # The same text after a short last line is a new paragraph.
    right[-1] = _rtl_line("كلمة أخرى.", 300, 60, right[-1].top)
    assert [len(d.lines) for d in _merge_drafts([_draft(right), _draft(left)], 1.6, True)] == [5, 3]


def test_a_pdf_whose_only_line_repeats_on_every_page_is_read_as_text(tmp_path):
    # Taken all for running heads, nothing would be left: the repeated line is the text.
    from .pdfbuild import arabic_pages

    path = tmp_path / "same.pdf"
    path.write_bytes(arabic_pages([["جمعية الأمل الخيرية"]] * 3))
    blocks = read_pdf(path).blocks
    assert blocks and all(b.role == "body" for b in blocks)
    assert "جمعية الأمل الخيرية" in blocks[0].text


def test_a_link_is_left_out_only_when_its_address_is_printed_whole():
    from pipeline.read.blocks import BBox, Block
    from pipeline.read.pdf import _attach_links

    block = Block(lines=("راسلونا info@amal.org أو help@fox.com/amal أو زوروا www.sanabel.org.jo",), page=1,
                  bbox=BBox(100, 100, 500, 120))
    links = [(uri, (120.0, 100.0, 160.0, 120.0)) for uri in
             ("https://amal.org", "https://x.com/amal", "https://www.sanabel.org.jo/", "mailto:info@amal.org")]
    (got,) = _attach_links([block], links)
    assert [u for _, u in got.links] == ["https://amal.org", "https://x.com/amal"]
