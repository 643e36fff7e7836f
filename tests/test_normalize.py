"""Normalize stage: display and matching forms (camel-tools based)."""

from pipeline.normalize import NText, to_display, to_match


def test_display_keeps_diacritics_and_literal_markup_characters():
    # Markup is the readers' to remove (a .docx or web page may print ** or [x](y) as text).
    assert to_display("**المضيف:** آليّة") == "**المضيف:** آليّة"
    assert to_display("[1](2) آليّة") == "[1](2) آليّة"


def test_the_text_reader_removes_inline_markdown():
    from pipeline.read.text import parse_text, strip_markup

    assert strip_markup("**المضيف:** آليّة") == "المضيف: آليّة"
    assert strip_markup("البريد: [grcp@iom.int](mailto:grcp@iom.int)") == "البريد: grcp@iom.int"
    assert strip_markup("الموقع: <https://www.iom.int/x>") == "الموقع: https://www.iom.int/x"
    (heading, body) = parse_text("## **عنوان**\n\n__نص__ [رابط](http://x.org)\n")
    assert (heading.lines, heading.heading_level, heading.bold) == (("عنوان",), 2, True)
    assert body.lines == ("نص رابط",)


def test_display_removes_tatweel_bidi_controls_zero_width_and_collapses_space():
    assert to_display("الهـــجرة\u200f  \u200bالدولية\u202b\u202c\t x") == "الهجرة الدولية x"
    assert to_display("a\x00b\ue000c") == "abc"  # control and private-use code points (pitfall 7)


def test_display_turns_presentation_forms_into_letters():
    # ﻻ (U+FEFB lam-alef ligature) and positional forms of الهجرة
    assert to_display("\ufefb \ufe8d\ufedf\ufeec\ufea0\ufeae\ufe93") == "لا الهجرة"


def test_matching_form_unifies_the_brochures_spelling_variants():
    assert to_match("أقليمية") == to_match("إقليمية") == "اقليميه"
    assert to_match("آليّة") == to_match("آلية") == "اليه"
    assert to_match("مستوى") == "مستوي"
    assert to_match("٢٠٢٣ ۱۲ ،؛؟") == "2023 12 ,;?"


def test_display_slice_maps_matching_indices_back_to_the_display_text():
    text = NText.from_raw("قال: آليّة من آليات")
    start = text.match.index("اليه")
    assert text.display_slice(start, start + 4) == "آليّة"
    assert text.display_slice(start) == "آليّة من آليات"
    assert len(text.origin) == len(text.match)


def test_display_turns_persian_and_urdu_code_points_into_arabic_letters():
    # FARSI YEH U+06CC and KEHEH U+06A9, as typed on a Persian keyboard
    assert to_display("الحکومة الملکیة التایلندیة") == "الحكومة الملكية التايلندية"
    assert to_display("غابورونی") == "غابوروني"
    # HEH GOAL U+06C1, HEH DOACHASHMEE U+06BE, YEH BARREE U+06D2, TEH MARBUTA GOAL U+06C3,
    # HEH WITH YEH ABOVE U+06C0, AE U+06D5
    assert to_display("\u06c1\u06be\u06d2\u06c3\u06c0\u06d5") == "\u0647\u0647\u064a\u0629\u0629\u0647"
    # presentation forms of FARSI YEH (U+FBFC…U+FBFF) become the letter first, then yeh
    assert to_display("\ufbfe\ufbff") == "\u064a\u064a"


def test_persian_only_letters_are_kept():
    assert to_display("پ چ ژ گ ں") == "پ چ ژ گ ں"
    assert to_match("گزارش") == "گزارش"


def test_matching_form_folds_persian_letters_both_ways():
    assert to_match("الحکومة الملکیة") == to_match("الحكومة الملكية") == "الحكومه الملكيه"
    assert to_match("تشرین الأول/ أکتوبر") == to_match("تشرين الأول/ أكتوبر")
    # a text built from an unfolded "display" still folds in the matching form
    assert NText.from_display("ملکی").match == "ملكي"
