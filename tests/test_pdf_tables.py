"""Tables in PDFs, cell by cell, against values written by hand from the pages.

Producers: Google Docs (Skia, the real table in ``data/real``), Chromium,
LibreOffice and WeasyPrint (``data/tables``, made by ``make_tables.py``).
Kinds: ruled and borderless, right to left with Latin and digits, merged
cells and an empty cell, headers known by bold, by shading or only by their
repetition on the next page, label | value, a table across three pages
with and without a repeated header, wrapped cells. Negatives: lists,
fields, text in columns, a framed layout, and every other PDF of the
test data have no table; on glyphs placed by hand, blocks of lines side
by side (bios, offices), columns of short lines on baselines of their
own, two columns of text-length lines, each beside the same cells set
as a table.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline import extract_source, run
from pipeline.errors import IncompatibleDependencyError
from pipeline.read import pdf_tables
from pipeline.read.blocks import BBox
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_backend import PdfPage
from pipeline.read.pdf_line import BASE, Glyph

DATA = Path(__file__).resolve().parent / "data"
TABLES = DATA / "tables"


@cache
def record(path: Path):
    result = extract_source(path)
    assert result.warnings == []
    return result.record


def texts(table) -> list[list[str]]:
    return [[unicodedata.normalize("NFC", c.text) for c in row] for row in table.rows]


def nfc(rows: list[list[str]]) -> list[list[str]]:
    return [[unicodedata.normalize("NFC", t) for t in row] for row in rows]


# --------------------------------------------------------------------------
# Google Docs (Skia): the bilingual 2 x 5 table of data/real


def test_google_docs_table_of_arabic_and_english_cells():
    # Cells copied by hand from data/real/camelot-tabula-arabic-table.expected.json
    # (``cells_rtl``: the first cell of each row is the rightmost).
    rec = record(DATA / "real" / "camelot-tabula-arabic-table.pdf")
    [table] = rec.tables
    assert (table.n_rows, table.n_cols, table.header_rows, table.rtl, table.pages) == (5, 2, 0, True, [1])
    assert texts(table) == nfc([
        ["اسمي سلطان", "مرحباً"],
        ["من اين انت؟", "انا من ولاية كارولينا الشمال"],
        ["عندي 47 قطط", "1234"],
        ["اسمي Jeremy في الانجليزية", "هل انت شباك؟"],
        ["", "Jeremy is جرمي in Arabic"],
    ])
    # Questions and an empty first cell: sentences side by side, not labels.
    assert table.label_value is False
    # Column 0 is the rightmost: its cells lie right of column 1's.
    for row in table.rows:
        assert row[0].bbox.x0 >= row[1].bbox.x1 - 1
    assert rec.sections[0].blocks == []  # the page is only the table: no paragraph repeats a cell


# --------------------------------------------------------------------------
# Chromium: a ruled timetable, shaded header, merged cells


def test_ruled_table_with_shaded_header_and_merged_cells():
    rec = record(TABLES / "chromium-timetable-merged.pdf")
    [table] = rec.tables
    assert (table.n_rows, table.n_cols, table.header_rows, table.rtl) == (5, 4, 1, True)
    assert texts(table) == nfc([
        ["اليوم", "الفترة الأولى", "الفترة الثانية", "الفترة الثالثة"],
        ["الأحد", "الرياضيات", "مختبر الفيزياء (Physics Lab)", "مختبر الفيزياء (Physics Lab)"],
        ["الأحد", "اللغة العربية", "الكيمياء", ""],
        ["الاثنين", "رحلة ميدانية إلى المتحف الوطني", "رحلة ميدانية إلى المتحف الوطني", "رحلة ميدانية إلى المتحف الوطني"],
        ["الثلاثاء", "CS 101: Python", "مُقَرَّر التاريخ", "الجغرافيا 2"],
    ])
    spans = {(c.row, c.col): (c.row_span, c.col_span) for row in table.rows for c in row if (c.row_span, c.col_span) != (1, 1)}
    assert spans == {(1, 0): (2, 1), (1, 2): (1, 2), (3, 1): (1, 3)}
    merged = {(c.row, c.col): tuple(c.merged_into) for row in table.rows for c in row if c.merged_into}
    assert merged == {(2, 0): (1, 0), (1, 3): (1, 2), (3, 2): (3, 1), (3, 3): (3, 1)}
    assert [c.is_header for c in table.rows[0]] == [True] * 4 and not any(c.is_header for c in table.rows[1])
    assert table.rows[2][3].text == "" and table.rows[2][3].merged_into is None  # empty, not shifted
    assert table.rows[4][2].text_normalized == "مقرر التاريخ"


def test_table_stands_between_the_paragraphs_around_it():
    doc = read_pdf(TABLES / "chromium-timetable-merged.pdf")
    kinds = ["table" if b.table else b.lines[0].split()[0] for b in doc.body_blocks]
    assert kinds == ["الجدول", "يعرض", "table", "تبدأ"]
    # No cell text is left in the paragraphs.
    assert not any("الرياضيات" in " ".join(b.lines) for b in doc.body_blocks if b.table is None)
    rec = record(TABLES / "chromium-timetable-merged.pdf")
    assert rec.document.title == "الجدول الدراسي للفصل الأول"
    assert rec.tables[0].section_index == 1 and len(rec.sections[0].paragraphs) == 2


# --------------------------------------------------------------------------
# Chromium: a roster over three pages, its plain header repeated per page


def test_roster_across_three_pages_is_one_table_with_its_header_once():
    rec = record(TABLES / "chromium-roster-multipage.pdf")
    [table] = rec.tables
    assert (table.n_rows, table.n_cols, table.pages) == (71, 4, [1, 2, 3])
    # The header is set like the body rows; its repetition atop pages 2 and
    # 3 makes it the header, and the copies are not rows.
    assert table.header_rows == 1
    rows = texts(table)
    assert rows[0] == ["م", "الاسم", "الجهة", "البلد"]
    assert sum(r == rows[0] for r in rows) == 1
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 71)]
    assert rows[1] == ["1", "أحمد العلي", "وزارة العمل", "مصر"]
    assert rows[31] == ["31", "أحمد المصري", "وزارة العمل", "مصر"]
    assert rows[32] == ["32", "فاطمة الخطيب", "المنظمة الدولية للهجرة", "الأردن"]
    assert rows[35] == ["35", "خالد النجار", "UNHCR", "لبنان"]
    assert rows[70] == ["70", "نور النجار", "UNHCR", "المغرب"]
    assert table.rows[31][1].page == 1 and table.rows[32][1].page == 2 and table.rows[70][1].page == 3
    # The paragraph after the table, on page 3, is text.
    assert rec.sections[0].blocks[-1].text.startswith("أعدت القائمة أمانة الورشة")


# --------------------------------------------------------------------------
# LibreOffice (a Word file): label | value, and a table going on without its header


def test_label_value_summary_without_header():
    rec = record(TABLES / "libreoffice-summary-indicators.pdf")
    summary = rec.tables[0]
    assert (summary.n_rows, summary.n_cols, summary.header_rows, summary.label_value) == (5, 2, 0, True)
    assert texts(summary) == nfc([
        ["اسم المشروع", "تعزيز قدرات إدارة الهجرة"],
        ["الجهة المنفذة", "المنظمة الدولية للهجرة (IOM)"],
        ["مدة المشروع", "24 شهراً"],
        ["الميزانية", "1,250,000 دولار أمريكي"],
        ["تاريخ البدء", "1 يناير 2024"],
    ])


def test_indicator_table_continued_on_pages_without_its_header():
    rec = record(TABLES / "libreoffice-summary-indicators.pdf")
    assert len(rec.tables) == 2
    table = rec.tables[1]
    assert (table.n_rows, table.n_cols, table.header_rows, table.label_value, table.pages) == (41, 4, 1, False, [1, 2, 3])
    rows = texts(table)
    assert rows[0] == ["الرقم", "المؤشر", "خط الأساس", "الهدف"]
    # Each indicator wraps onto a second line in its cell: one cell, one text.
    assert rows[1] == ["1", "عدد المستفيدين من النشاط 1", "10", "12"]
    assert rows[12] == ["12", "عدد المستفيدين من النشاط 12", "120", "144"]
    assert rows[40] == ["40", "عدد المستفيدين من النشاط 40", "400", "480"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 41)]
    assert table.rows[12][0].page == 2
    # its place in the heading tree: the section of its heading
    assert rec.sections[table.section_index - 1].heading == "مؤشرات الأداء"
    assert table.section_index > rec.tables[0].section_index


# --------------------------------------------------------------------------
# A borderless label | value table with a note over both columns: Word
# (python-docx, no borders, bidiVisual) through LibreOffice, and HTML
# through Chromium and WeasyPrint; every row and paragraph at one pitch

SPEC_ROWS = [
    ["الوزن", "1.2 كيلوغرام"],
    ["الأبعاد", "30 × 20 × 5 سم"],
    ["سعة البطارية", "5000 مللي أمبير"],
    ["الشاشة", "10.1 بوصة IPS"],
    ["اللون", "رمادي فضي"],
    ["* تختلف الألوان المتوفرة من متجر إلى آخر", "* تختلف الألوان المتوفرة من متجر إلى آخر"],
]


@pytest.mark.parametrize("name", ["libreoffice-spec-borderless", "chromium-spec-borderless", "weasyprint-spec-borderless"])
def test_borderless_label_value_table_with_a_note_over_both_columns(name):
    rec = record(TABLES / f"{name}.pdf")
    spec = rec.tables[0]
    assert (spec.n_rows, spec.n_cols, spec.header_rows, spec.label_value, spec.rtl) == (6, 2, 0, True, True)
    assert texts(spec) == nfc(SPEC_ROWS)
    # the note is one cell over both columns, not a label without a value
    note, slot = spec.rows[5]
    assert (note.row_span, note.col_span, note.merged_into, slot.merged_into) == (1, 2, None, [5, 0])
    # No label is a heading and no value a paragraph: the section of the
    # heading above holds the table, the next heading follows it.
    headings = [s.heading for s in rec.sections]
    assert headings[:3] == [None, "البيانات الفنية", "طريقة الطلب"]
    assert rec.sections[1].blocks == [] and spec.section_index == 2
    assert [b.text for b in rec.sections[2].blocks] == ["يُطلب الجهاز من الموزعين المعتمدين أو عبر موقع الشركة."]


def test_the_note_of_a_label_value_table_is_no_field():
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.structure import structure

    doc = structure(normalize_blocks(list(read_pdf(TABLES / "libreoffice-spec-borderless.pdf").blocks)), vocabulary())
    [section] = [s for s in doc.sections if s.heading is not None and s.heading.text.display == "البيانات الفنية"]
    assert [(f.label.display, f.value.display) for f in section.fields] == [tuple(r) for r in SPEC_ROWS[:5]]


@pytest.mark.parametrize("name", ["chromium-spec-borderless", "weasyprint-spec-borderless"])
def test_a_cell_that_is_a_range_of_times_reads_up_whichever_way_it_was_set(name):
    # The first two times are set left to right (direction: ltr, drawn
    # "09:00 – 10:30"), the third right to left (drawn "15:30 – 14:00").
    times = record(TABLES / f"{name}.pdf").tables[1]
    assert (times.n_rows, times.n_cols, times.header_rows) == (4, 2, 1)
    assert texts(times) == [["الموعد", "العرض"], ["09:00 – 10:30", "تعريف بالجهاز"],
                            ["11:15 – 12:45", "تجربة عملية للطلاب"], ["14:00 – 15:30", "أسئلة المعلمين"]]


# --------------------------------------------------------------------------
# A web page printed: a table broken by a page break (its <thead> repeated
# on the next page) under a position:fixed cookie banner printed at the foot
# of every page, over the table

COURSE_ROWS = [
    ["رمز المقرر", "عنوان المقرر", "الوحدات", "المستوى"],
    ["ENG201", "الميكانيكا الهندسية", "4", "الثاني"],
    ["ENG202", "الدوائر الكهربائية (1)", "3", "الثاني"],
    ["ENG203", "الرسم الهندسي", "2", "الثاني"],
    ["ENG301", "انتقال الحرارة", "3", "الثالث"],
    ["ENG302", "ميكانيكا الموائع", "4", "الثالث"],
    ["مجموع الوحدات", "مجموع الوحدات", "16", ""],
]
BANNER = "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربة التصفح وتحليل الزيارات."


@pytest.mark.parametrize("name", ["chromium-courses-banner", "weasyprint-courses-banner"])
def test_a_table_broken_by_a_page_break_under_a_fixed_banner_is_one_table(name):
    rec = record(TABLES / f"{name}.pdf")
    [table] = rec.tables
    assert (table.n_rows, table.n_cols, table.header_rows, table.pages) == (7, 4, 1, [1, 2])
    # The banner, drawn over the rows at the foot of page 1 (ENG203 is
    # under it), and its button are in no cell; the header repeated atop
    # page 2 is no row.
    assert texts(table) == nfc(COURSE_ROWS)
    spans = {(c.row, c.col): (c.row_span, c.col_span) for row in table.rows for c in row if (c.row_span, c.col_span) != (1, 1)}
    assert spans == {(1, 3): (3, 1), (4, 3): (2, 1), (6, 0): (1, 2)}
    assert table.rows[3][0].page == 1 and table.rows[4][0].page == 2
    # The banner is page furniture, a footer on both pages; its button (drawn
    # on page 1 only) with it: none of it is body text.
    doc = read_pdf(TABLES / f"{name}.pdf")
    feet = [(b.page, " ".join(b.lines)) for b in doc.blocks if b.role == "footer"]
    assert [page for page, text in feet if text.startswith(BANNER)] == [1, 2]
    assert all(text in (BANNER, BANNER + " قبول", "قبول") for _, text in feet)
    body = " ".join(" ".join(b.lines) for b in doc.body_blocks)
    assert "ملفات تعريف الارتباط" not in body and "قبول" not in body
    assert [s.heading for s in rec.sections][-1] == "التسجيل"


# --------------------------------------------------------------------------
# WeasyPrint: a borderless table among prose, a list and two columns


def test_borderless_table_with_bold_header_and_a_wrapped_cell():
    rec = record(TABLES / "weasyprint-borderless-activities.pdf")
    [table] = rec.tables
    assert (table.n_rows, table.n_cols, table.header_rows, table.rtl) == (6, 4, 1, True)
    assert texts(table) == nfc([
        ["النشاط", "المكان", "التاريخ", "المشاركون"],
        # a range that begins its cell reads as written (not 14-12)
        ["ورشة تدريبية", "عمّان", "12-14 مارس", "35"],
        ["Online Webinar", "عن بعد", "3 أبريل", "120"],
        ["زيارة ميدانية", "إربد", "20 أبريل", "18"],
        ["اجتماع تنسيقي مع الشركاء الإقليميين", "جنيف", "5 مايو", "22"],
        ["مؤتمر إقليمي", "تونس", "17 يونيو", "210"],
    ])


def test_prose_list_and_columns_beside_a_borderless_table_stay_text():
    doc = read_pdf(TABLES / "weasyprint-borderless-activities.pdf")
    body = [b for b in doc.body_blocks if b.table is None]
    assert sum(b.list_item for b in body) == 3
    # the two-column section: two paragraphs, each read down its column
    cols = [b for b in body if b.lines[0].startswith("تعمل الشبكة الإقليمية") and b.page == 1]
    assert len(cols) == 3  # the first paragraph and the two columns


# --------------------------------------------------------------------------
# Chromium: horizontal rules only, vertical rules only, banded rows


def test_tables_without_a_full_grid_are_found_whole():
    rec = record(TABLES / "chromium-rules-and-bands.pdf")
    assert [(t.n_rows, t.n_cols, t.header_rows, t.section_index) for t in rec.tables] == [(5, 3, 1, 1), (5, 3, 1, 2), (6, 3, 1, 3)]
    rules_h, rules_v, bands = (texts(t) for t in rec.tables)
    assert rules_h == nfc([["المدينة", "البلد", "السكان"], ["القاهرة", "مصر", "22 مليون"], ["عمّان", "الأردن", "4 ملايين"],
                           ["تونس", "تونس", "2.7 مليون"], ["الرباط", "المغرب", "1.9 مليون"]])
    assert rules_v == nfc([["الدورة", "المدة", "اللغة"], ["إدارة المشاريع", "5 أيام", "العربية"],
                           ["Data Analysis", "3 أيام", "English"], ["القيادة", "يومان", "العربية"],
                           ["الإسعافات الأولية", "يوم واحد", "العربية"]])
    # shaded bands draw no rules: one table, not pieces of one
    assert bands == [["الشهر", "الزوار", "الطلبات"], ["يناير", "1,200", "310"], ["فبراير", "980", "275"],
                     ["مارس", "1,450", "402"], ["أبريل", "1,105", "298"], ["مايو", "1,320", "350"]]


# --------------------------------------------------------------------------
# What is no table


def test_lists_fields_columns_and_a_framed_layout_are_no_tables():
    doc = read_pdf(TABLES / "chromium-not-tables.pdf")
    assert [b for b in doc.blocks if b.table] == []
    text = " ".join(" ".join(b.lines) for b in doc.body_blocks)
    for kept in ("تسجيل المشاركين في المنصة الإلكترونية", "المضيف:", "السودان", "رسالة الأمانة"):
        assert kept in text


OTHER_PDFS = sorted(
    p for p in DATA.rglob("*.pdf")
    if p.parent.name not in ("tables", "bad") and p.name not in ("camelot-tabula-arabic-table.pdf", "docling-rtl-02-egypt-gov-programme.pdf")
)


@pytest.mark.parametrize("path", OTHER_PDFS, ids=lambda p: str(p.relative_to(DATA)))
def test_no_table_in_the_other_pdfs(path):
    # The brochure set by every producer and layout, the column layouts,
    # the gazette (23 pages of articles): text only.
    assert [b.page for b in read_pdf(path).blocks if b.table] == []


# --------------------------------------------------------------------------
# The borderless rule on glyphs placed by hand


def _row(top: float, cells: list[tuple[float, str]], size: float = 10.0) -> list[Glyph]:
    """Glyphs of one row: each cell ``(right edge, text)`` set right to left, 5 pt per letter."""
    out = []
    for right, text in cells:
        x = right
        for ch in text:
            if ch == " ":
                x -= 2.5
                continue
            out.append(Glyph(x - 5, x, top, top + size, ch, size, False, BASE))
            x -= 5
    return out


def test_aligned_short_cells_make_a_borderless_table():
    rows = [[(500, "البلد"), (400, "المدينة"), (300, "العدد")]]
    rows += [[(500, "مصر"), (400, "القاهرة"), (300, "12")], [(500, "الأردن"), (400, "عمان"), (300, "7")],
             [(500, "تونس"), (400, "صفاقس"), (300, "30")]]
    glyphs = [g for i, cells in enumerate(rows) for g in _row(100 + 15 * i, cells)]
    [words] = pdf_tables._borderless_regions(glyphs, 10.0)
    assert len(words) == 12


@pytest.mark.parametrize("rows", [
    # two columns of running text
    [[(500, "تعمل الشبكة على تبادل الخبرات بين"), (250, "وتعقد لهذا الغرض اجتماعات دورية")]] * 6,
    # a numbered list with a wide gap after its numbers
    [[(500, f"{i}."), (470, "تسجيل المشاركين في المنصة")] for i in range(1, 6)],
    # bullets
    [[(500, "●"), (470, "مراجعة الطلبات")] for _ in range(5)],
    # labels with their colon beside their values
    [[(500, "المضيف:"), (400, "المنظمة الدولية")], [(500, "المكان:"), (400, "جنيف")], [(500, "التاريخ:"), (400, "2017")]],
    # two aligned rows only
    [[(500, "مصر"), (400, "القاهرة")], [(500, "تونس"), (400, "صفاقس")]],
    # a narrow justified paragraph: two words a line pushed apart, between full lines at the same pitch
    # (found by the property test below)
    [[(560, "ببببببببببببببببببب")], [(560, "ببببببب"), (510, "ببببببببب")], [(560, "بببببببب"), (510, "ببببببببب")],
     [(560, "بببببببب"), (510, "ببببببببب")], [(560, "ببببببببببببببببببب")]],
    # cells that do not align on any edge
    [[(500, "مصر"), (400, "القاهرة")], [(480, "تونس"), (370, "صفاقس")], [(455, "الأردن"), (330, "عمان")]],
])
def test_text_that_is_no_borderless_table(rows):
    glyphs = [g for i, cells in enumerate(rows) for g in _row(100 + 15 * i, cells)]
    assert pdf_tables._borderless_regions(glyphs, 10.0) == []



def _ltr(top: float, left: float, text: str, size: float = 10.0) -> list[Glyph]:
    """Glyphs of a left-aligned Latin line starting at ``left``, 5 pt per letter."""
    out = []
    x = left
    for ch in text:
        if ch == " ":
            x += 2.5
            continue
        out.append(Glyph(x, x + 5, top, top + size, ch, size, False, BASE))
        x += 5
    return out


def _set(rows, tops, sizes=None) -> list[Glyph]:
    """Glyphs of rows of right-to-left cells (see :func:`_row`) at the given tops."""
    sizes = sizes or [10.0] * len(rows)
    return [g for cells, top, size in zip(rows, tops, sizes) for g in _row(top, cells, size)]


# Two bios side by side: a name (11 pt), a role, then three lines of a
# paragraph (no full stop, few words a line: not "prose" by its words).
BIOS = [
    [(500, "سلمى الحسيني"), (250, "كريم بن علي")],
    [(500, "مديرة البرنامج"), (250, "منسق الشراكات")],
    [(500, "عملت في مجال الهجرة سنوات"), (250, "يتولى التنسيق مع الآليات")],
    [(500, "في الأردن ولبنان وقادت"), (250, "في شمال أفريقيا وله")],
    [(500, "برامج للمجتمعات"), (250, "خبرة واسعة")],
]
# Two offices side by side: a 12-pt heading, three address lines, a phone.
OFFICES = [
    [(500, "المقر"), (250, "المكتب")],
    [(500, "جنيف"), (250, "القاهرة")],
    [(500, "سويسرا"), (250, "مصر")],
    [(500, "أوروبا"), (250, "أفريقيا")],
    [(500, "هاتف 22"), (250, "هاتف 20")],
]


@pytest.mark.parametrize("rows, blocks, sizes", [
    # name, role, then the paragraph's lines at their line pitch: 18 pt
    # between the blocks, 12 pt inside the paragraph
    (BIOS, [100, 117, 136, 148, 160], [11.0] + [10.0] * 4),
    # heading, address lines at 12 pt, the phone after a paragraph gap
    (OFFICES, [100, 120, 132, 144, 160], [12.0] + [10.0] * 4),
])
def test_blocks_of_lines_side_by_side_are_no_borderless_table(rows, blocks, sizes):
    assert pdf_tables._borderless_regions(_set(rows, blocks, sizes), 10.0) == []
    # The same cells spaced alike (a header row may be set apart) are a table:
    # what tells the two apart is how the rows are spaced.
    even = [100, 120, 136, 152, 168]
    [words] = pdf_tables._borderless_regions(_set(rows, even, sizes), 10.0)
    assert len(words) == 10


def test_columns_on_baselines_of_their_own_are_no_borderless_table():
    # Two columns of short lines, 12 pt and 14 pt apart: where their lines
    # meet in a row, the rows are unevenly spaced.
    left = [(250, w) for w in ("القاهرة", "الجيزة", "أسوان", "الأقصر", "طنطا", "المنيا", "سوهاج", "قنا", "دمياط")]
    right = [(500, w) for w in ("عمان", "إربد", "الزرقاء", "العقبة", "مأدبا", "جرش", "عجلون", "الكرك", "معان")]
    glyphs = [g for k, cell in enumerate(left) for g in _row(100 + 12 * k, [cell])]
    glyphs += [g for k, cell in enumerate(right) for g in _row(100 + 14 * k, [cell])]
    assert pdf_tables._borderless_regions(glyphs, 10.0) == []
    # on one baseline grid, the same lines make a table
    even = [g for k, (a, b) in enumerate(zip(right, left)) for g in _row(100 + 14 * k, [a, b])]
    [words] = pdf_tables._borderless_regions(even, 10.0)
    assert len(words) == 18


def test_two_columns_of_lines_as_long_as_a_text_columns_are_no_borderless_table():
    # Ends of paragraphs side by side in two columns (found by the property
    # test below): every line fills its column and is over COLUMN_MIN_EM
    # (4 em) long; no column holds short cells.
    rows = [[(560, "بببب بببب"), (458, "ببببب ببب")], [(560, "بببب ببب"), (458, "ببببب بببب")],
            [(560, "ببببب ببب"), (458, "بببب بببب")], [(560, "ببببب بببب"), (458, "بببب ببب")]]
    assert pdf_tables._borderless_regions(_set(rows, [100, 115, 130, 145]), 10.0) == []
    # a column of short cells beside the same lines makes a table
    short = [[cells[0], (458, word)] for cells, word in zip(rows, ["مصر", "تونس", "لبنان", "اليمن"])]
    [words] = pdf_tables._borderless_regions(_set(short, [100, 115, 130, 145]), 10.0)
    assert len(words) == 8


def test_a_row_with_two_pieces_of_text_in_one_column_is_no_row_of_cells():
    # Ends of paragraphs in two columns, one line of the left column
    # justified with a word gap wider than an em (found by the property test
    # below): a row of a table holds one cell in each column.
    rows = [[(560, "بببب بببب"), (458, "ببب ببب ببب")],
            [(560, "ببببب ببببب ب"), (458, "بب"), (413, "ببببببببب")],
            [(560, "بببب ببببب"), (458, "ببببببببب")],
            [(560, "بببب بببب"), (458, "ببببب بببب")]]
    assert pdf_tables._borderless_regions(_set(rows, [100, 115, 130, 145]), 10.0) == []

def test_two_addresses_side_by_side_are_no_borderless_table():
    # Latin address lines set flush left in a right-to-left page, two
    # offices side by side (as in pdf/kinds/addresses-*.pdf).
    latin = [("P.O. Box 17", "47 Abbas El Akkad Street"), ("1211 Geneva 19", "Nasr City, Cairo"), ("Switzerland", "Egypt")]
    glyphs = [g for k, (a, b) in enumerate(latin) for g in _ltr(120 + 12 * k, 310, a) + _ltr(120 + 12 * k, 60, b)]
    assert pdf_tables._borderless_regions(glyphs, 10.0) == []


def test_a_caption_over_a_table_stays_out_of_it():
    # A caption at the right and a unit at the left, over three columns.
    caption = _row(100, [(500, "جدول أول"), (220, "بالآلاف")])
    glyphs = _row(118, [(500, "البلد"), (400, "المدينة"), (300, "العدد")])
    for k, (a, b, c) in enumerate([("مصر", "القاهرة", "عشرة"), ("تونس", "صفاقس", "ثلاثة"), ("لبنان", "صيدا", "خمسة")]):
        glyphs += _row(133 + 15 * k, [(500, a), (400, b), (300, c)])
    found = pdf_tables.find_tables(PdfPage(1, 600, 800), caption + glyphs, [], None, True, 10.0)
    [table] = found.tables
    assert (table.n_rows, table.n_cols) == (4, 3)
    assert sorted(g.text for g in found.glyphs) == sorted(g.text for g in caption)


@pytest.mark.parametrize("wrapped", [
    [(500, "مع الشركاء")],  # one cell of the row wraps
    [(500, "مع الشركاء"), (400, "سويسرا")],  # two of its three cells wrap
])
def test_padded_table_with_a_header_set_apart_and_wrapped_cells(wrapped):
    # Rows 18 pt apart, the header 22 pt above them; the wrapped cells' next
    # line is 12 pt below their first, with no text in the third column.
    glyphs = _row(100, [(500, "النشاط"), (400, "المكان"), (300, "الشهر")])
    body = [("ورشة", "عمان", "مارس"), ("زيارة", "إربد", "أبريل"), ("اجتماع تنسيقي", "جنيف", "مايو"), ("مؤتمر", "تونس", "يونيو")]
    for top, (a, b, c) in zip([122, 140, 158, 188], body):
        glyphs += _row(top, [(500, a), (400, b), (300, c)])
    glyphs += _row(170, wrapped)
    place = ("جنيف", "سويسرا") if len(wrapped) == 2 else ("جنيف",)
    found = pdf_tables.find_tables(PdfPage(1, 600, 800), glyphs, [], None, True, 10.0)
    [table] = found.tables
    assert found.glyphs == []
    cells = [[c.lines for c in table.grid().cells if c.row == r] for r in range(table.n_rows)]
    assert cells == [
        [("النشاط",), ("المكان",), ("الشهر",)],
        [("ورشة",), ("عمان",), ("مارس",)],
        [("زيارة",), ("إربد",), ("أبريل",)],
        [("اجتماع تنسيقي", "مع الشركاء"), place, ("مايو",)],
        [("مؤتمر",), ("تونس",), ("يونيو",)],
    ]

def test_a_label_value_table_between_paragraphs_at_its_pitch_is_a_table():
    # A Word table without borders: its rows get the paragraphs' spacing, so
    # the lines above and below are at the rows' pitch; its values are
    # ragged, no justified lines.
    rows = [("الوزن", "كيلوغرام واحد"), ("اللون", "رمادي"), ("الشاشة", "عشر بوصات"), ("الضمان", "سنتان")]
    glyphs = _row(100, [(510, "بيانات المنتج الفنية")])
    glyphs += [g for k, (a, b) in enumerate(rows) for g in _row(120 + 20 * k, [(500, a), (380, b)])]
    glyphs += _row(200, [(510, "يطلب الجهاز من الموزعين المعتمدين")])
    [words] = pdf_tables._borderless_regions(glyphs, 10.0)
    assert len(words) == 8 and not any(w.get("span") for w in words)


def test_rows_of_two_text_columns_between_lines_split_alike_are_no_table():
    # Two justified text columns (right 470-560, left 368-458): three rows
    # where the right column's lines are two words pushed to its edges and
    # the left column's are paragraph ends look like three columns of
    # cells; the lines above and below them, at their pitch, are split
    # across the same columns: the rows are text going on (found by
    # hypothesis in test_justified_text_in_columns_is_no_borderless_table).
    def pieces(*spans):
        return [(x1, "ب" * ((x1 - x0) // 5)) for x0, x1 in spans]

    rows = [
        (235, pieces((535, 560), (502, 532), (448, 458), (405, 445))),
        (250, pieces((550, 560), (470, 500), (448, 458), (435, 445), (422, 432), (409, 419))),
        (265, pieces((515, 560), (470, 480), (448, 458), (415, 445))),
        (280, pieces((520, 560), (470, 490), (448, 458), (415, 445))),
        (295, pieces((550, 560), (537, 547), (524, 534), (511, 521), (498, 508), (485, 495), (472, 482), (448, 458),
                     (435, 445), (412, 432))),
    ]
    glyphs = [g for top, cells in rows for g in _row(top, cells)]
    assert pdf_tables._borderless_regions(glyphs, 10.0) == []


def test_a_row_across_the_columns_of_a_borderless_table_is_one_merged_cell():
    # A section row at the table's pitch, starting at its right edge, across
    # both gutters, between rows of three cells.
    body = [("مصر", "القاهرة", "12"), ("تونس", "صفاقس", "30"), ("لبنان", "صيدا", "5")]
    glyphs = []
    for k, cells in enumerate(body[:2]):
        glyphs += _row(100 + 20 * k, [(500, cells[0]), (400, cells[1]), (300, cells[2])])
    glyphs += _row(140, [(500, "الدول المنضمة حديثا إلى الشبكة")])
    glyphs += _row(160, [(500, body[2][0]), (400, body[2][1]), (300, body[2][2])])
    glyphs += _row(180, [(500, "الأردن"), (400, "عمان"), (300, "7")])
    found = pdf_tables.find_tables(PdfPage(1, 600, 800), glyphs, [], None, True, 10.0)
    [table] = found.tables
    assert found.glyphs == []
    grid = table.grid()
    assert (grid.n_rows, grid.n_cols) == (5, 3)
    assert [(c.row, c.col, c.col_span, c.lines) for c in grid.cells if c.row == 2 and c.lines] == [
        (2, 0, 3, ("الدول المنضمة حديثا إلى الشبكة",))
    ]
    assert [c.lines for c in grid.cells if c.row == 3] == [("لبنان",), ("صيدا",), ("5",)]
    # A heading and a paragraph right under the table at its pitch (the
    # spacing of a Word table without borders; the body text 10 pt further
    # out than the cells' text, the cells' padding): the paragraph's line,
    # across the gutters, comes after no row of cells; both are text.
    after = glyphs + _row(200, [(510, "طريقة الطلب")]) + _row(220, [(510, "يطلب الجهاز من الموزعين المعتمدين")])
    found = pdf_tables.find_tables(PdfPage(1, 600, 800), after, [], None, True, 10.0)
    assert [(t.n_rows, t.n_cols) for t in found.tables] == [(5, 3)]
    assert len(found.glyphs) == len(after) - len(glyphs)
    # The same line a paragraph gap below the table, or set in from its
    # edge, is text under it.
    for top, right in ((215, 500), (200, 510)):
        moved = [g for g in glyphs if g.top != 140] + _row(top, [(right, "الدول المنضمة حديثا إلى الشبكة")])
        moved = [g._replace(top=g.top - 20, bottom=g.bottom - 20) if 160 <= g.top < 200 else g for g in moved]
        found = pdf_tables.find_tables(PdfPage(1, 600, 800), moved, [], None, True, 10.0)
        assert [(t.n_rows, t.n_cols) for t in found.tables] == [(4, 3)]
        assert "".join(g.text for g in found.glyphs) == "".join(g.text for g in _row(0, [(right, "الدول المنضمة حديثا إلى الشبكة")]))


def test_a_wrapped_cell_line_reaching_into_a_gutter_stays_in_its_cell():
    # The second line of a wrapped first cell is longer than every other
    # cell of its column: it reaches into the gutter, a line pitch (12 pt)
    # below its first line where rows are 20 pt apart.
    glyphs = _row(100, [(500, "النشاط"), (400, "المكان"), (300, "الشهر")])
    for top, cells in ((120, ("ورشة", "عمان", "مارس")), (140, ("اجتماع", "جنيف", "مايو")), (172, ("مؤتمر", "تونس", "يونيو"))):
        glyphs += _row(top, [(500, cells[0]), (400, cells[1]), (300, cells[2])])
    glyphs += _row(152, [(500, "تنسيقي موسع")])
    [table] = pdf_tables.find_tables(PdfPage(1, 600, 800), glyphs, [], None, True, 10.0).tables
    cells = [[c.lines for c in table.grid().cells if c.row == r] for r in range(table.n_rows)]
    assert cells[2] == [("اجتماع", "تنسيقي موسع"), ("جنيف",), ("مايو",)] and len(cells) == 4


# --------------------------------------------------------------------------
# Across pages


def _page_table(page: int, xs: list[float], rows: list[list[str]], header: int = 0) -> pdf_tables.PageTable:
    from pipeline.read.pdf_line import Line

    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            line = Line(text=text, rtl=True, script="R", bold=False, size=10.0, n_letters=len(text), top=0.0, bottom=0.0,
                        x0=xs[c], x1=xs[c + 1], base=0.0)
            cells.append(pdf_tables.DraftCell(r, c, 1, 1, BBox(xs[c], 10 * r, xs[c + 1], 10 * r + 10), page, [line]))
    return pdf_tables.PageTable(page, BBox(xs[0], 0, xs[-1], 10 * len(rows)), len(rows), len(xs) - 1, cells, xs,
                                header_rows=header, pages=[page])


def test_a_table_with_another_header_on_the_next_page_is_another_table():
    first = _page_table(1, [50, 200, 400], [["الاسم", "البلد"], ["أحمد", "مصر"]], header=1)
    same = _page_table(2, [50, 200, 400], [["الاسم", "البلد"], ["نور", "تونس"]], header=1)
    other = _page_table(2, [50, 200, 400], [["المدينة", "العدد"], ["عمان", "7"]], header=1)
    moved = _page_table(2, [50, 300, 400], [["نور", "تونس"]])
    assert pdf_tables.continues(first, same) and not pdf_tables.continues(first, other)
    assert not pdf_tables.continues(first, moved)  # its column boundary is elsewhere
    pdf_tables.join_continued(first, same)
    assert (first.n_rows, first.header_rows, first.pages) == (3, 1, [1, 2])
    assert [first.row_texts(r) for r in range(3)] == [("الاسم", "البلد"), ("أحمد", "مصر"), ("نور", "تونس")]


@pytest.mark.parametrize("text, want", [
    ("09:30 – 08:30", "08:30 – 09:30"),  # set left to right, read back right to left
    ("08:30 – 09:30", "08:30 – 09:30"),
    ("١٥ - ١٢", "١٢ - ١٥"),
    ("2.5 – 1", "1 – 2.5"),
    ("0797-555", "0797-555"),  # a hyphen without spaces joins one number run (UAX #9 W4)
    ("ص 9 – 7", "ص 9 – 7"),  # letters tell the line's direction
])
def test_a_cell_that_is_only_a_range_reads_up(text, want):
    from pipeline.read.pdf_line import Line

    letters = sum(ch.isalpha() for ch in text)
    line = Line(text=text, rtl=True, script="R" if letters else "", bold=False, size=10.0, n_letters=letters, top=0.0,
                bottom=10.0, x0=0.0, x1=50.0, base=8.0, visual=text[::-1])
    assert pdf_tables._cell_text(line, True) == want


def test_a_note_row_over_both_columns_leaves_a_label_value_table_one():
    from pipeline.models import TableCell
    from pipeline.structure.tables import is_label_value

    def cell(r, c, text, span=1, merged=None):
        return TableCell(row=r, col=c, text=text, text_normalized=text, col_span=span, merged_into=merged)

    note = "* تختلف الألوان المتوفرة من متجر إلى آخر"
    pairs = [[cell(0, 0, "الوزن"), cell(0, 1, "1.2 كيلوغرام")], [cell(1, 0, "اللون"), cell(1, 1, "رمادي")]]
    assert is_label_value(pairs + [[cell(2, 0, note, span=2), cell(2, 1, note, merged=[2, 0])]])
    # a long first cell of its own is no label
    assert not is_label_value(pairs + [[cell(2, 0, note), cell(2, 1, "")]])
    assert not is_label_value([[cell(0, 0, note, span=2), cell(0, 1, note, merged=[0, 0])]])


# --------------------------------------------------------------------------
# Outputs: one CSV per table


def test_tables_csv_folder_has_one_csv_per_table_in_reading_order(tmp_path):
    out, folder = tmp_path / "out", tmp_path / "tables"
    for name in ("chromium-timetable-merged.pdf", "libreoffice-summary-indicators.pdf"):
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / name).write_bytes((TABLES / name).read_bytes())
    report = run(tmp_path / "src", out, workers=1, tables_csv=folder)
    assert report.totals["ok"] == 2
    assert sorted(p.name for p in folder.iterdir()) == [
        "chromium-timetable-merged.table-1.csv",
        "libreoffice-summary-indicators.table-1.csv",
        "libreoffice-summary-indicators.table-2.csv",
    ]
    with open(folder / "chromium-timetable-merged.table-1.csv", encoding="utf-8", newline="") as f:
        timetable = [[unicodedata.normalize("NFC", t) for t in row] for row in csv.reader(f)]
    # header row first; the first column is the rightmost (اليوم)
    assert timetable[0] == ["اليوم", "الفترة الأولى", "الفترة الثانية", "الفترة الثالثة"]
    assert timetable[1] == ["الأحد", "الرياضيات", "مختبر الفيزياء (Physics Lab)", "مختبر الفيزياء (Physics Lab)"]
    assert len(timetable) == 5
    with open(folder / "libreoffice-summary-indicators.table-1.csv", encoding="utf-8", newline="") as f:
        summary = list(csv.reader(f))
    assert summary[0] == ["label", "value"] and summary[4] == ["الميزانية", "1,250,000 دولار أمريكي"]
    # the long form holds the same cells
    with open(out / "tables.csv", encoding="utf-8", newline="") as f:
        cells = [r for r in csv.DictReader(f) if r["document_id"] == "libreoffice-summary-indicators" and r["table_index"] == "2"]
    assert len(cells) == 41 * 4 and {r["is_header"] for r in cells if r["row"] == "0"} == {"true"}


def test_cli_tables_csv_option(tmp_path):
    from pipeline.cli import main

    src = tmp_path / "src"
    src.mkdir()
    (src / "t.pdf").write_bytes((TABLES / "weasyprint-borderless-activities.pdf").read_bytes())
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--tables-csv", str(tmp_path / "csv"), "-q"]) == 0
    with open(tmp_path / "csv" / "t.table-1.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["النشاط", "المكان", "التاريخ", "المشاركون"] and len(rows) == 6


def test_data_package_with_empty_cells_and_a_table_only_page_validates(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    src = tmp_path / "src"
    src.mkdir()
    for path in (TABLES / "chromium-timetable-merged.pdf", DATA / "real" / "camelot-tabula-arabic-table.pdf"):
        (src / path.name).write_bytes(path.read_bytes())
    run(src, tmp_path / "out", workers=1)
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {t.name: t.stats.get("rows", 0) for t in report.tasks}
    assert rows["tables"] == 5 * 4 + 5 * 2


# --------------------------------------------------------------------------
# pdfplumber checked once


def test_a_table_finder_that_misreads_a_grid_is_an_incompatible_dependency(monkeypatch):
    import pdfplumber.table

    class Broken:
        def __init__(self, page, settings=None):
            self.tables = []

    monkeypatch.setattr(pdf_tables, "_FINDER", None)
    monkeypatch.setattr(pdf_tables, "_FINDER_ERROR", None)
    monkeypatch.setattr(pdfplumber.table, "TableFinder", Broken)
    with pytest.raises(IncompatibleDependencyError) as err:
        pdf_tables.check_pdfplumber()
    assert "pdfplumber" in str(err.value) and pdf_tables.PDFPLUMBER_TESTED in str(err.value)


# --------------------------------------------------------------------------
# Ruled grids drawn by hand: header by shading alone, zebra rows, frames


def _grid_page(xs: list[float], ys: list[float], fills=(), width: float = 600.0, height: float = 800.0):
    from pipeline.read.pdf_backend import PdfPage, PdfShape

    shapes = [PdfShape(x0, x1, top, bottom, "fill", lum, True, ((x0, top, x1, top), (x0, bottom, x1, bottom),
                                                                 (x0, top, x0, bottom), (x1, top, x1, bottom)))
              for x0, top, x1, bottom, lum in fills]
    rules = tuple((xs[0], y, xs[-1], y) for y in ys) + tuple((x, ys[0], x, ys[-1]) for x in xs)
    shapes.append(PdfShape(xs[0], xs[-1], ys[0], ys[-1], "stroke", 0.0, False, rules))
    return PdfPage(1, width, height, shapes=shapes)


def _cell_glyphs(xs, ys, rows: list[list[str]]) -> list[Glyph]:
    """Glyphs of right-to-left rows of cells (reading order: the first cell is the rightmost)."""
    out = []
    n = len(xs) - 1
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                out += _row(ys[r] + 4, [(xs[n - c] - 4, text)])
    return out


def test_a_shaded_first_row_is_the_header_and_zebra_rows_are_not():
    xs, ys = [100, 300, 500], [100, 120, 140, 160, 180]
    rows = [["البلد", "العدد"], ["مصر", "12"], ["تونس", "30"], ["الأردن", "7"]]
    page = _grid_page(xs, ys, fills=[(100, 100, 500, 120, 0.8)])
    [table] = pdf_tables.find_tables(page, _cell_glyphs(xs, ys, rows), [], None, True, 10.0).tables
    assert table.header_rows == 1 and table.rtl
    assert [c.lines for c in table.grid().cells[:2]] == [("البلد",), ("العدد",)]  # column 0 is the rightmost
    zebra = _grid_page(xs, ys, fills=[(100, 100, 500, 120, 0.9), (100, 140, 500, 160, 0.9)])
    [table] = pdf_tables.find_tables(zebra, _cell_glyphs(xs, ys, rows), [], None, True, 10.0).tables
    assert table.header_rows == 0


def test_text_drawn_across_the_rules_of_a_table_is_no_cell_text():
    # A line printed over a ruled table, across two of its column rules
    # (no box behind it): page text, not cells.
    xs, ys = [100, 250, 400, 550], [100, 120, 140, 160]
    rows = [["البلد", "المدينة", "العدد"], ["مصر", "القاهرة", "عشرة"], ["تونس", "صفاقس", "ثلاثة"]]
    over = _row(123, [(544, "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا الإلكتروني بمتابعة التصفح")], size=8.0)
    found = pdf_tables.find_tables(_grid_page(xs, ys), _cell_glyphs(xs, ys, rows) + over, [], None, True, 10.0)
    [table] = found.tables
    assert [[c.lines for c in table.grid().cells if c.row == r] for r in range(3)] == [[(t,) for t in row] for row in rows]
    assert sorted(g.text for g in found.glyphs) == sorted(g.text for g in over)


def test_what_is_drawn_on_a_box_painted_over_a_table_is_no_part_of_it():
    # A banner (a dark box, then its text and a framed button) painted over
    # the last two rows of a ruled table after the table: the text under
    # the box, drawn before it, stays the table's; the banner's text is
    # page text, and its button's frame adds no column to the grid.
    from pipeline.read.pdf_backend import PdfShape

    xs, ys = [100, 250, 400, 550], [100, 120, 140, 160, 180]
    rows = [["البلد", "المدينة", "العدد"], ["مصر", "القاهرة", "عشرة"], ["تونس", "صفاقس", "ثلاثة"], ["لبنان", "صيدا", "خمسة"]]
    page = _grid_page(xs, ys)
    for shape in page.shapes:
        assert shape.run == 0
    cells = [g._replace(run=1) for g in _cell_glyphs(xs, ys, rows)]
    box = PdfShape(80, 570, 130, 190, "fill", 0.15, True, ((80, 130, 570, 130), (80, 190, 570, 190), (80, 130, 80, 190),
                                                         (570, 130, 570, 190)), run=1)
    button = PdfShape(300, 350, 165, 185, "stroke", 0.5, True, ((300, 165, 350, 165), (300, 185, 350, 185),
                                                               (300, 165, 300, 185), (350, 165, 350, 185)), run=1)
    page.shapes += [box, button]
    text = [g._replace(run=2) for g in _row(150, [(560, "هذا الموقع يستخدم ملفات تعريف الارتباط")], size=8.0)]
    label = [g._replace(run=3) for g in _row(171, [(340, "قبول")], size=8.0)]
    found = pdf_tables.find_tables(page, cells + text + label, [], None, True, 10.0)
    [table] = found.tables
    assert (table.n_rows, table.n_cols) == (4, 3)
    assert [[c.lines for c in table.grid().cells if c.row == r] for r in range(4)] == [[(t,) for t in row] for row in rows]
    assert sorted(g.text for g in found.glyphs) == sorted(g.text for g in text + label)
    # Drawn before the box, the same text would be under it: the table's.
    early = [g._replace(run=0) for g in label]
    found = pdf_tables.find_tables(page, cells + early, [], None, True, 10.0)
    assert [c.lines for c in found.tables[0].grid().cells if c.row == 3][1] == ("صيدا", "قبول")


def test_a_frame_of_few_large_cells_is_layout_not_a_table():
    xs, ys = [50, 300, 550], [50, 100, 750]
    rows = [["عنوان", ""], ["نص العمود الأول", "نص العمود الثاني"]]
    found = pdf_tables.find_tables(_grid_page(xs, ys), _cell_glyphs(xs, ys, rows), [], None, True, 10.0)
    assert found.tables == [] and len(found.glyphs) == len(_cell_glyphs(xs, ys, rows))


def test_a_page_of_countless_rules_is_not_searched(monkeypatch):
    from pipeline.read.pdf_backend import PdfPage, PdfShape

    monkeypatch.setattr(pdf_tables, "MAX_CROSSINGS", 50 * 50)
    segments = tuple((10.0, 10.0 + 5 * i, 400.0, 10.0 + 5 * i) for i in range(60))
    segments += tuple((10.0 + 5 * i, 10.0, 10.0 + 5 * i, 400.0) for i in range(60))
    page = PdfPage(7, 600, 800, shapes=[PdfShape(10, 100, 10, 70, "stroke", 0.0, False, segments)])
    found = pdf_tables.find_tables(page, _row(300, [(500, "نص")]), [], None, True, 10.0)
    assert found.tables == [] and [code for code, _ in found.warnings] == ["table_edges_skipped"]


def test_readme_pandas_recipe_gives_one_dataframe_per_table(tmp_path, monkeypatch):
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    [code] = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "tables.csv" in b and "frames" in b]
    src = tmp_path / "src"
    src.mkdir()
    for name in ("chromium-timetable-merged.pdf", "libreoffice-summary-indicators.pdf"):
        (src / name).write_bytes((TABLES / name).read_bytes())
    run(src, tmp_path / "output", workers=1)
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    frames = scope["frames"]
    assert sorted(frames) == [("chromium-timetable-merged", 1), ("libreoffice-summary-indicators", 1),
                              ("libreoffice-summary-indicators", 2)]
    timetable = frames["chromium-timetable-merged", 1]
    assert list(timetable.columns) == ["اليوم", "الفترة الأولى", "الفترة الثانية", "الفترة الثالثة"]
    assert timetable.shape == (4, 4) and timetable.iloc[1, 3] == ""
    assert timetable.iloc[0, 0] == "الأحد" and timetable.iloc[1, 0] == "الأحد"  # the merged cell in both rows
    indicators = frames["libreoffice-summary-indicators", 2]
    assert indicators.shape == (40, 4) and indicators.iloc[39].tolist() == ["40", "عدد المستفيدين من النشاط 40", "400", "480"]
    summary = frames["libreoffice-summary-indicators", 1]
    assert summary.shape == (5, 2) and summary.iloc[2].tolist() == ["مدة المشروع", "24 شهراً"]


# --------------------------------------------------------------------------
# Running text in one to three justified columns is never a borderless table

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def justified_columns(draw):
    n_cols = draw(st.integers(1, 3))
    width = draw(st.integers(90, 260))
    gutter = draw(st.integers(12, 40))
    n_lines = draw(st.integers(4, 24))
    glyphs = []
    for k in range(n_cols):
        right = 560 - k * (width + gutter)
        for i in range(n_lines):
            words = []
            used = 0.0
            while True:
                w = 5 * draw(st.integers(2, 9))
                if words and used + 3 + w > width:
                    break
                words.append(w)
                used += w + (3 if len(words) > 1 else 0)
            last = i == n_lines - 1 or draw(st.integers(0, 5)) == 0  # a paragraph's last line
            gap = 3.0 if last or len(words) == 1 else 3.0 + (width - used) / (len(words) - 1)
            x = right
            for w in words:
                for _ in range(w // 5):
                    glyphs.append(Glyph(x - 5, x, 100 + 15 * i, 110 + 15 * i, "ب", 10.0, False, BASE))
                    x -= 5
                x -= gap
    return glyphs


@settings(max_examples=60, deadline=None)
@given(justified_columns())
def test_justified_text_in_columns_is_no_borderless_table(glyphs):
    assert pdf_tables._borderless_regions(glyphs, 10.0) == []


def test_a_failure_inside_pdfplumber_is_a_page_warning(monkeypatch):
    # an edge pdfplumber cannot read (no length): its finder raises KeyError
    monkeypatch.setattr(pdf_tables, "_edges", lambda page: [{"orientation": "h", "x0": 1.0, "top": 1.0}])
    doc = read_pdf(TABLES / "chromium-timetable-merged.pdf")
    assert [b for b in doc.blocks if b.table] == []
    assert [(w.code, w.page) for w in doc.warnings] == [("table_search_failed", 1)]
    assert any("الرياضيات" in " ".join(b.lines) for b in doc.body_blocks)  # the cells' text is still read
