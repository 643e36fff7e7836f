"""Layouts of real producers: block boundaries, reading order and direction
(tests/data/pdf/boundary, tests/data/pdf/kinds)."""

from __future__ import annotations

from pathlib import Path

from pipeline.normalize import to_display
from pipeline.read.pdf import read_pdf

DATA = Path(__file__).resolve().parent / "data" / "pdf"


def texts(path: Path) -> list[str]:
    return [to_display(" ".join(b.lines)) for b in read_pdf(path).body_blocks]


def test_an_aside_added_to_one_line_changes_no_other_block_boundary():
    control = texts(DATA / "boundary" / "control.pdf")
    aside = texts(DATA / "boundary" / "theme-with-aside.pdf")
    theme = "الموضوع: تعزيز التعاون بشأن الهجرة من خلال الحوار وبناء القدرات"
    assert theme in control
    assert [t.replace(" (اجتماع غابوروني الثالث)", "") for t in aside] == control
    # Title and subtitle, fields, and each contact line are blocks of their own.
    for want in (
        "الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة",
        "العمليات التشاورية بشأن الهجرة",
        "المضيف: حكومة بوتسوانا",
        "المنظمة الدولية للهجرة",
        "شعبة الشراكات الدولية",
        "17 route des Morillons",
        "P.O. Box 17",
        "1211 Geneva 19",
        "Switzerland",
        "الهاتف: +41 22 717 91 11",
    ):
        assert want in aside, want
    outcome = next(t for t in aside if t.startswith("النتيجة:"))
    assert outcome.endswith("بشأن تحديات الهجرة المعاصرة.")


# --------------------------------------------------------------------------
# Direction per line and per run (rows drawn glyph by glyph)

from pipeline.read.pdf_line import BASE, SPACE, Glyph, make_line  # noqa: E402


def row(visual: str, x: float = 100.0, w: float = 6.0, gaps: dict[int, float] | None = None):
    """Glyphs of ``visual`` (drawn left to right), one per character; a space
    character is a space glyph; ``gaps`` adds room before a character index."""
    out = []
    for i, c in enumerate(visual):
        x += (gaps or {}).get(i, 0.0)
        out.append(Glyph(x, x + w, 100, 112, c, 12.0, False, SPACE if c == " " else BASE))
        x += w
    return out


def test_an_english_sentence_with_one_arabic_word_reads_left_to_right():
    line = make_line(row("Jeremy is " + "جرمي"[::-1] + " in Arabic"), rtl_default=True)
    assert line.text == "Jeremy is جرمي in Arabic" and not line.rtl


def test_an_arabic_line_ending_with_a_latin_word_keeps_it_at_its_end():
    # Logical "تعتبر لغة Python" in a right-to-left paragraph: Python at the left.
    line = make_line(row("Python " + "تعتبر لغة"[::-1]), rtl_default=True)
    assert line.text == "تعتبر لغة Python"


def test_a_latin_word_drawn_against_an_arabic_word_is_a_word_of_its_own():
    # Word draws "و Python من" with the space on the far side of the Latin run.
    assert make_line(row("نم" + "Python" + " و"), rtl_default=True).text == "و Python من"
    # A one-letter proclitic written onto the Latin word stays on it.
    assert make_line(row("Python" + "و" + " ةغلب"), rtl_default=True).text == "بلغة وPython"


def test_a_phone_number_drawn_left_to_right_keeps_its_digit_order():
    # Word and InDesign draw the number as one left-to-right run, "+" first.
    line = make_line(row("+90 539 430 07 26 " + ":فتاه"), rtl_default=True)
    assert line.text == "هاتف: +90 539 430 07 26"
    # Chromium (UAX #9 over the paragraph) puts the "+" after the first group.
    assert make_line(row("26 07 430 539 90+ " + ":فتاه"), rtl_default=True).text == "هاتف: +90 539 430 07 26"
    # Without "+": the reading that starts with the trunk prefix 0.
    assert make_line(row("0090 539 430 07 26 " + ":فتاه"), rtl_default=True).text == "هاتف: 0090 539 430 07 26"
    assert make_line(row("26 07 430 539 0090 " + ":فتاه"), rtl_default=True).text == "هاتف: 0090 539 430 07 26"


# --------------------------------------------------------------------------
# Text over text (pipeline.read.pdf_overlay)

from pipeline.read.pdf_overlay import separate_overlays  # noqa: E402


def string(text: str, x: float, top: float, size: float = 12.0, faded: bool = False, w: float = 6.0):
    """Glyphs of ``text`` drawn left to right from ``x`` at ``top``."""
    return [
        Glyph(x + i * w, x + (i + 1) * w, top, top + size, c, size, False, SPACE if c == " " else BASE, 0, faded)
        for i, c in enumerate(text)
    ]


def test_a_faint_copy_behind_a_heading_is_dropped():
    ghost = string("ABCDEFGHIJ", 95, 96, size=24.0, faded=True, w=12.0)
    heading = string("heading", 100, 100)
    main, layers = separate_overlays(ghost + heading)
    assert main == heading and layers == []


def test_a_faint_label_beside_text_is_kept():
    label = string("01", 10, 100, faded=True)
    text = string("text", 100, 100)
    main, layers = separate_overlays(label + text)
    assert main == label + text and layers == []


def test_a_shadow_counts_once_and_the_copy_on_top_is_kept():
    shadow = string("heading", 101.5, 101.5)
    heading = string("heading", 100, 100)
    main, layers = separate_overlays(shadow + heading)
    assert main == heading and layers == []


def test_solid_text_over_other_text_is_a_layer_of_its_own():
    heading = string("a long heading", 100, 100)
    badge = string("new", 112, 101)
    body = string("body text", 100, 130)
    main, layers = separate_overlays(heading + badge + body)
    assert main == heading + body and layers == [badge]


# --------------------------------------------------------------------------
# Gutters (pipeline.read.pdf_layout.find_gutter)

from pipeline.read.pdf_layout import find_gutter, group_rows  # noqa: E402


def words_row(top: float, words: list[tuple[float, int]], w: float = 6.0):
    """A row of words, each ``(x, letters)``: glyphs ``w`` wide from ``x``."""
    return [Glyph(x + i * w, x + (i + 1) * w, top, top + 12, "ب", 12.0, False, BASE)
            for x, n in words for i in range(n)]


def test_two_columns_a_narrow_gutter_apart_are_found():
    # Two justified columns 13 pt (1.08 em: narrow) apart; word gaps of 3 pt.
    glyphs = []
    for k in range(6):
        glyphs += words_row(100 + 18 * k, [(100, 10), (163, 10), (226, 10), (299, 10), (362, 10), (425, 10)])
    gutter = find_gutter(group_rows(glyphs), 12.0)
    assert gutter is not None and gutter[0] == 286 and gutter[1] == 299 and gutter[2:] == (0, 6)


def test_a_river_of_word_gaps_in_justified_text_is_no_gutter():
    # Six justified lines whose words happen to leave a 12 pt gap at the
    # same place: their other gaps are as wide (justification widens all
    # gaps of a line alike), so it is a river, not a gutter.
    glyphs = []
    for k in range(6):
        glyphs += words_row(100 + 18 * k, [(100, 10), (172, 10), (244, 10), (316, 10), (388, 10)])
    assert find_gutter(group_rows(glyphs), 12.0) is None


# --------------------------------------------------------------------------
# Boxes (pipeline.read.pdf_layout.boxed_regions)

from pipeline.read.pdf_layout import Box, boxed_regions  # noqa: E402


def region_texts(regions) -> list[str]:
    return ["|".join("".join(g.text for g in sorted(row, key=lambda g: g.x0)) for row in region) for region in regions]


def test_cards_on_boxes_read_row_by_row_right_to_left():
    glyphs, boxes = [], []
    for k, (x, y) in enumerate([(300, 100), (100, 100), (300, 200), (100, 200)]):
        boxes.append(Box(x - 10, x + 150, y - 10, y + 60))
        for line in range(2):
            glyphs += string(str(k) * 20, x, y + 18 * line)
    regions = boxed_regions(glyphs, boxes, rtl_page=True, em=12.0)
    assert region_texts(regions) == [f"{k * 20}|{k * 20}" for k in "0123"]


def test_a_highlight_behind_a_word_is_no_card():
    line = string("one two three four", 100, 100)
    # A box behind "two" only, tight around it: its neighbours on the line
    # are a space's width away.
    regions = boxed_regions(line, [Box(123, 148, 99, 113)], rtl_page=True, em=12.0)
    assert region_texts(regions) == ["one two three four"]


def test_labels_and_values_on_tab_stops_are_no_columns():
    # "المضيف:" … "حكومة بوتسوانا" on six rows: the labels' colons face the
    # blank strip between them and their values.
    glyphs = []
    for k in range(6):
        top = 100 + 18 * k
        glyphs += words_row(top, [(100, 12), (178, 12)])
        glyphs += [Glyph(400, 403, top, top + 12, ":", 12.0, False, BASE)] + words_row(top, [(403, 8)])
    assert find_gutter(group_rows(glyphs), 12.0) is None


# --------------------------------------------------------------------------
# Column tops and feet (pipeline.read.pdf_layout.page_regions): headings
# side by side, text above and below the columns

from pipeline.read.pdf_layout import page_regions  # noqa: E402


def rtl_line(right: float, top: float, letters: int, mark: str, size: float = 12.0, w: float = 6.0):
    """A right-to-left line set flush right at ``right``: words of five
    letters ``mark``, 3 pt apart, ``letters`` letters in all."""
    glyphs, x = [], right
    for i in range(letters):
        if i and i % 5 == 0:
            x -= 3.0
        glyphs.append(Glyph(x - w, x, top, top + size, mark, size, False, BASE))
        x -= w
    return glyphs


def column(right: float, top: float, mark: str, lines: int, heading: str | None = None, gap: float = 8.0):
    """A column 129 pt wide flush right at ``right``: an optional heading
    (16 pt, marks ``heading``), ``gap`` points of white, then ``lines``
    lines of body text 18 pt apart (the last one short)."""
    glyphs = rtl_line(right, top, 8, heading, size=16.0, w=8.0) if heading else []
    y = top + (16.0 + gap if heading else 0.0)
    for k in range(lines):
        glyphs += rtl_line(right, y + 18 * k, 20 if k < lines - 1 else 12, mark)
    return glyphs


def marks(regions) -> list[str]:
    """Each region as the marks of its rows, top to bottom (``"H|b|b"``)."""
    return ["|".join("".join(sorted({g.text for g in row})) for row in region) for region in regions]


def test_a_second_columns_heading_set_higher_than_the_firsts_starts_its_column():
    # CSS column-count: the first (right) column keeps its heading's 18 pt
    # top margin, the second drops it after the column break, so the left
    # heading ends above the right one with a band of white across.
    title = rtl_line(460, 60, 20, "T", size=20.0, w=10.0)
    right = column(460, 130, "r", 5, heading="R")
    left = column(300, 106, "l", 5, heading="L")
    regions = page_regions(title + right + left, rtl_page=True, em=12.0)
    assert marks(regions) == ["T", "R|r|r|r|r|r", "L|l|l|l|l|l"]


def test_a_centred_heading_beside_the_other_columns_first_row_starts_its_column():
    # The left heading is centred in its column (not flush with the gutter)
    # but sits beside the right heading, 14 pt higher: no band of white
    # runs below it across the page.
    title = rtl_line(460, 60, 20, "T", size=20.0, w=10.0)
    right = column(460, 112, "r", 5, heading="R")
    left = rtl_line(260, 98, 8, "L", size=16.0, w=8.0) + column(300, 98 + 16 + 14, "l", 5)
    regions = page_regions(title + right + left, rtl_page=True, em=12.0)
    assert marks(regions) == ["T", "R|r|r|r|r|r", "L|l|l|l|l|l"]


def test_short_lines_above_two_columns_are_read_before_them():
    # Two short right-aligned lines (not flush with the gutter), then two
    # offices side by side: the lines are text above the columns.
    above = rtl_line(460, 60, 15, "a") + rtl_line(460, 78, 13, "a")
    right = column(460, 120, "r", 4, heading="R")
    left = column(300, 120, "l", 4, heading="L")
    regions = page_regions(above + right + left, rtl_page=True, em=12.0)
    assert marks(regions) == ["a|a", "R|r|r|r|r", "L|l|l|l|l"]


def test_a_short_line_after_the_columns_is_read_after_both():
    # Nothing crosses the gutter below the columns: a short note 30 pt
    # under the longer (right) column, wider apart than any two rows of a
    # column, is text below both.
    right = column(460, 100, "r", 6, heading="R")
    left = column(300, 100, "l", 4, heading="L")
    note = rtl_line(460, 100 + 24 + 18 * 5 + 12 + 30, 14, "n")
    regions = page_regions(right + left + note, rtl_page=True, em=12.0)
    assert marks(regions) == ["R|r|r|r|r|r|r", "L|l|l|l|l", "n"]


def test_the_longer_columns_last_line_stays_in_it():
    # The same note at the column's usual line pitch is its last line.
    right = column(460, 100, "r", 6, heading="R")
    left = column(300, 100, "l", 4, heading="L")
    last = rtl_line(460, 100 + 24 + 18 * 6, 14, "r")
    regions = page_regions(right + left + last, rtl_page=True, em=12.0)
    assert marks(regions) == ["R|r|r|r|r|r|r|r", "L|l|l|l|l"]


def test_a_heading_low_in_a_middle_column_stays_in_it():
    # Three columns; the middle one goes on below the right one with a
    # heading after a wide gap; a note below crosses the right gutter only.
    # The heading is flush with its column's edge at the right gutter: the
    # middle column's own, not a heading of the note.
    right = column(560, 100, "r", 4, heading="R")
    middle = column(400, 100, "m", 4, heading="M") + column(400, 100 + 24 + 18 * 4 + 20, "n", 2, heading="N")
    left = column(240, 100, "l", 9, heading="L")
    note = rtl_line(560, 100 + 24 + 18 * 4 + 20 + 24 + 18 * 2 + 10, 38, "z")
    regions = page_regions(right + middle + left + note, rtl_page=True, em=12.0)
    assert marks(regions)[:2] == ["R|r|r|r|r", "M|m|m|m|m|N|n|n"]
