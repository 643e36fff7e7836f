"""Left-to-right runs in right-to-left lines, and glyphs whose text is a
cluster (letter + marks), as three producers draw them.

Data: ``tests/data/pdf/runs`` (made by its ``make_runs.py``). The expected
texts are written by hand from the HTML there, not from the reader's output.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_line import BASE, SPACE, Glyph, hold_leading_run, make_line, reorder

RUNS = Path(__file__).resolve().parent / "data" / "pdf" / "runs"
PRODUCERS = ("chromium", "weasyprint", "libreoffice")
TASHKEEL = "إِدَارَةُ الْمَشْرُوعِ أَوْ إِنْشَاءُ شَرِكَةٍ أَوَّلًا، أو الِانْضِمَامُ إِلَى الْفَرِيقِ"


@cache
def texts(producer: str) -> list[str]:
    # NFC: marks on one letter compare in canonical order (shadda and fatha
    # come in either order from the producers).
    return [unicodedata.normalize("NFC", b.text) for b in read_pdf(RUNS / f"runs-{producer}.pdf").blocks]


def has(producer: str, wanted: str) -> bool:
    return any(unicodedata.normalize("NFC", wanted) in t for t in texts(producer))


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize(
    "wanted",
    [
        # dir="ltr" spans: drawn as written; the plain toll-free number is
        # drawn by the bidi algorithm (groups reversed) and read back.
        "هاتف: +966 12 345 6789 – جوال: 055 987 6543 – الرقم المجاني: 800 2468",
        # a handle after an LRM: drawn "@RowadForum" on the word's left
        "تابعونا: @RowadForum على منصة إكس",
        # a range that starts its paragraph (no Arabic before it: drawn as written)
        "110-127 فولت / 50 هرتز",
        # a time range in a dir="ltr" span, and in a direction: ltr block
        "يومياً 10:15 – 11:45 في",
        "13:00 – 14:30",
        # a plain range inside Arabic (drawn reversed by the bidi algorithm)
        "للأعوام 2026–2028 وفق",
    ],
)
def test_left_to_right_runs_keep_their_order(producer, wanted):
    assert has(producer, wanted), "\n".join(texts(producer))


def test_runs_written_in_logical_order_are_read_in_that_order():
    # LibreOffice writes one operator per bidi run, in logical order: the
    # number is not glued to the URL that follows it.
    assert has("libreoffice", "الرقم الموحد: 9200 54321 | www.rowad-forum.sa")


@pytest.mark.parametrize("producer", PRODUCERS)
def test_letters_of_cluster_glyphs_are_kept(producer):
    # WeasyPrint + Amiri: the text "أَ" on the zero-width fatha glyph, the
    # alef glyph without text (and without text wherever else it is drawn).
    assert has(producer, TASHKEEL), "\n".join(texts(producer))


@pytest.mark.parametrize("producer", PRODUCERS)
def test_tanween_on_lam_alef_keeps_its_alef(producer):
    # Chromium + Noto Naskh: ActualText "اً" spans the tanween and the
    # zero-width alef of the lam-alef ligature.
    assert has(producer, "كاملاً.") and has(producer, "أولاً."), "\n".join(texts(producer))


# --------------------------------------------------------------------------
# The rules on hand-made lines


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        # logical order: the rightmost piece of the visual string first
        ("09:30 – 08:30 ليجستلا", "التسجيل 08:30 – 09:30"),
        ("08:30 – 09:30 ليجستلا", "التسجيل 08:30 – 09:30"),
        ("تلوف 220-240", "220-240 فولت"),
        ("تلوف 240-220", "220-240 فولت"),
        ("٢٠٢٥ – ٢٠٢٤ ماوعأ", "أعوام ٢٠٢٤ – ٢٠٢٥"),
        ("٢٠٢٤ – ٢٠٢٥ ماوعأ", "أعوام ٢٠٢٤ – ٢٠٢٥"),
        # one-digit sides may be a section number: the bidi reading stays
        ("ةداملا 2-1", "1-2 المادة"),
        ("ةداملا 1-2", "2-1 المادة"),
        # a date of three parts is no range: the bidi reading stays
        ("خيرات 2025-01-15", "15-01-2025 تاريخ"),
        # a "+" number on the line does not stop the trunk-prefix reading of another
        ("4444 800 :يناجملا – 050 765 4321 :لاوج – +971 4 331 4567 :فتاه",
         "هاتف: +971 4 331 4567 – جوال: 050 765 4321 – المجاني: 800 4444"),
        ("ىلع @SanabelJO :انوعبات", "تابعونا: @SanabelJO على"),
        ("ىلع SanabelJO@ :انوعبات", "تابعونا: @SanabelJO على"),
        # an e-mail address is no handle
        ("info@x.org :ديربلا", "البريد: info@x.org"),
    ],
)
def test_reorder_reads_numbers_by_what_they_are(visual, logical):
    assert reorder(visual, rtl=True) == logical


def test_a_line_of_numbers_only_keeps_its_time_range():
    assert reorder("08:30 – 09:30", rtl=True, latin_only=True) == "08:30 – 09:30"
    assert reorder("09:30 – 08:30", rtl=True, latin_only=True) == "08:30 – 09:30"
    assert reorder("050 765 4321", rtl=True, latin_only=True) == "050 765 4321"


def _row(pieces: list[tuple[str, int]]) -> list[Glyph]:
    """Glyphs for visual-order text pieces, left to right, each piece drawn by the operator (run) given."""
    out, x = [], 50.0
    for text, run in pieces:
        for c in text:
            out.append(Glyph(x, x + 5, 100, 112, c, 12.0, False, SPACE if c == " " else BASE, run))
            x += 5
    return out


def test_runs_drawn_right_to_left_stay_apart():
    # LibreOffice: label run 1 at the right, then 9200 (2), space (3),
    # 12345 (4), " | " (5), the URL (6) further and further left.
    row = _row([("www.golden-home.sa", 6), (" | ", 5), ("12345", 4), (" ", 3), ("9200", 2), (" :دحوملا مقرلا", 1)])
    assert make_line(row, True).text == "الرقم الموحد: 9200 12345 | www.golden-home.sa"


def test_runs_drawn_left_to_right_are_read_by_the_bidi_algorithm():
    # Chromium: one operator per glyph, left to right: no evidence; the URL
    # and the number read as one left-to-right run (UAX #9 W7).
    row = _row([(c, i) for i, c in enumerate("www.golden-home.sa | 12345 9200 :دحوملا مقرلا")])
    assert make_line(row, True).text == "الرقم الموحد: www.golden-home.sa | 12345 9200"


# --------------------------------------------------------------------------
# Ordered lists and notes

ITEMS = [
    (0, "1.", "تعبئة نموذج التسجيل الإلكتروني كاملاً."),
    (0, "2.", "تقديم فكرة مشروع واضحة:"),
    (1, None, "وصف المنتج أو الخدمة."),
    (1, None, "خطة التمويل المبدئية."),
    (0, "3.", "حضور اللقاء التعريفي."),
]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_ordered_items_are_list_items_with_their_numbering(producer):
    items = [b for b in read_pdf(RUNS / f"runs-{producer}.pdf").blocks if b.list_item]
    assert len(items) == len(ITEMS), [b.text for b in items]
    for b, (level, number, text) in zip(items, ITEMS):
        got = unicodedata.normalize("NFC", b.text)
        # (the item's end: WeasyPrint+Amiri doubles the lam of "الإلكتروني", a known fault left alone)
        assert got.endswith(text[-12:]), got
        if number is not None:  # the numbering stays as printed
            assert got.startswith(number)
        if producer != "libreoffice":  # LibreOffice's HTML import sets the list flush left: no indent to read
            assert b.list_level == level, (b.text, b.list_level)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_a_note_with_an_asterisk_is_no_list_item(producer):
    note = [b for b in read_pdf(RUNS / f"runs-{producer}.pdf").blocks if "المقاعد محدودة" in b.text]
    assert len(note) == 1 and not note[0].list_item
    assert note[0].text.startswith("* المقاعد محدودة")


# --------------------------------------------------------------------------
# Percent signs: in an Arabic paragraph ``80%`` is drawn ``%80`` (the digits
# are Arabic numbers there, UAX #9 W2), and must be read back ``80%``.


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize(
    "wanted",
    [
        "لا يقل عن 80%.",  # at the line's end: no Arabic letter left of it in the drawing
        "بلغت نسبة النجاح 92.5% من المتقدمين",
        "نسبة الطالبات ٤٥٪",
        "خصم 20% على رسوم التسجيل المبكر و10% للطلاب",
        "The pass rate was 92.5% this year.",
    ],
)
def test_a_percent_sign_stays_after_its_number(producer, wanted):
    got = [unicodedata.normalize("NFC", b.text) for b in read_pdf(RUNS / f"percent-{producer}.pdf").blocks]
    assert any(wanted in t for t in got), got


@pytest.mark.parametrize(
    "visual, logical",
    [
        (".%80 نع لقي ال", "لا يقل عن 80%."),
        ("بالطلا نم %80 ةبسنب", "بنسبة 80% من الطلاب"),
        ("2025 ربمسيد 1 يف", "في 1 ديسمبر 2025"),
        ("Windows 10 ماظن", "نظام Windows 10"),
    ],
)
def test_reorder_reads_numbers_at_the_left_end_in_arabic_context(visual, logical):
    assert reorder(visual, True) == logical


# --------------------------------------------------------------------------
# A Latin run wrapped onto a line of its own inside an Arabic paragraph
# (wrapped-*.pdf: the IBAN of tests/data/pdf/runs/make_runs.py, justified
# on page 1, right-aligned and narrower on page 2; an address typed with
# hard line breaks on page 3).

IBAN_BEFORE = "البنكي إلى حساب الجمعية في البنك العربي رقم"


@cache
def wrapped(producer: str):
    return read_pdf(RUNS / f"wrapped-{producer}.pdf").blocks


@pytest.mark.parametrize("producer", ("chromium", "weasyprint"))
@pytest.mark.parametrize("piece", ["IBAN: JO71 ARAB 1180 0000 0011 8123", "IBAN: JO71 ARAB 1180 0000 0011"])
def test_a_wrapped_latin_line_reads_as_drawn_inside_its_paragraph(producer, piece):
    # The numbers of a run cut by a soft wrap follow the Latin text before
    # them: the rightmost one is no number logically before "IBAN".
    blocks = [b for b in wrapped(producer) if piece in b.lines]
    assert blocks, "\n".join(line for b in wrapped(producer) for line in b.lines)
    # The line stays in its paragraph (its direction is left alone).
    assert IBAN_BEFORE in blocks[0].lines


@pytest.mark.parametrize("producer", ("chromium", "weasyprint"))
def test_an_address_line_after_a_hard_break_keeps_its_leading_number(producer):
    lines = [line for b in wrapped(producer) for line in b.lines]
    assert "1211 Geneva 19" in lines and "P.O. Box 17" in lines


def test_weasyprint_draws_the_next_lines_numbers_in_arabic_order():
    # WeasyPrint resolves each line on its own: "4567 890" at the start of
    # the Arabic line after the wrap is drawn "890 4567" and read back.
    lines = [line for b in wrapped("weasyprint") for line in b.lines]
    assert "4567 890، أو عبر محفظة كليك باسم SANABEL." in lines


@pytest.mark.parametrize(
    ("visual", "plain", "held"),
    [
        # A Latin-only line: alone, the rightmost number is read first.
        ("IBAN: JO71 ARAB 1180 0000 0011 8123", "8123 IBAN: JO71 ARAB 1180 0000 0011",
         "IBAN: JO71 ARAB 1180 0000 0011 8123"),
        # An Arabic line whose right end is a run of numbers ("أو عبر" is
        # stored in visual order, "ربع وأ").
        ("ربع وأ ،4567 890", "890 4567، أو عبر", "4567 890، أو عبر"),
    ],
)
def test_a_held_run_reads_as_drawn(visual, plain, held):
    latin_only = not any("\u0600" <= c <= "\u06ff" for c in visual)
    assert reorder(visual, True, latin_only=latin_only) == plain
    assert reorder(hold_leading_run(visual), True, latin_only=latin_only) == held
    assert reorder(hold_leading_run(visual), False, latin_only=latin_only).count("\u202d") == 0


def test_a_line_without_a_run_at_its_right_end_is_not_held():
    assert hold_leading_run("JO71 ربع وأ") == "JO71 ربع وأ"


# --------------------------------------------------------------------------
# Units after numbers (make_units.py): ``5 kg`` is drawn ``kg 5`` in an Arabic paragraph, ``25°C`` ``C°25``.

UNIT_LINES = [
    "الوزن الصافي 5 kg",
    "درجة حرارة التشغيل 25°C",
    "سعة الذاكرة 16 GB وسعة التخزين 512 GB للطراز الأول",
    "نظام التشغيل Windows 11",  # a name and its number: as written
]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_a_unit_is_read_after_its_number(producer):
    got = [unicodedata.normalize("NFC", b.text) for b in read_pdf(RUNS / f"units-{producer}.pdf").blocks]
    for wanted in UNIT_LINES:
        assert wanted in got, got
    if producer != "libreoffice":  # LibreOffice sets the dir="ltr" span before the line's Arabic (left alone)
        assert "الطول 120 cm" in got, got
