"""Tests of the PDF backend (pipeline.read.pdf_backend): tokenizer, interpreter,
visibility of text, typed errors and the pdfminer.six compatibility check.

The PDFs are built byte by byte (tests/pdfbuild.py), so each test states
the operators it is about.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pipeline.errors import CorruptPdfError, IncompatibleDependencyError
from pipeline.read import pdf_backend
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_backend import Name, PdfDocument, check_dependencies, glyph_text, luminance, parse_content

from .pdfbuild import PdfBuilder

ARABIC = {0x41: "\u0628", 0x42: "\u0627", 0x43: "\u0628\u064b", 0x44: "\u064b", 0x20: " "}


def read(data: bytes, tmp_path: Path, name: str = "t.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return list(PdfDocument(path, data).pages())


def one_page(content: bytes, tmp_path: Path, resources: bytes = b"", texts=None, widths=None, extra=None):
    pdf = PdfBuilder()
    font = pdf.font(texts or ARABIC, widths)
    fonts = {"F1": font}
    if extra:
        fonts.update(extra(pdf))
    pdf.page(content, fonts, resources)
    return read(pdf.build(), tmp_path)[0]


# --------------------------------------------------------------------------
# Tokenizer


def test_content_tokenizer():
    ops, skipped = parse_content(b"BT /F1 12 Tf (a\\)b\\101) Tj [<0041 42> -20 (c)] TJ 1 0 0 1 .5 -3. Tm ET")
    assert [op for op, _ in ops] == [b"BT", b"Tf", b"Tj", b"TJ", b"Tm", b"ET"] and skipped == 0
    assert ops[1][1] == [Name("F1"), 12] and isinstance(ops[1][1][0], Name)
    assert ops[2][1] == [b"a)bA"]
    assert ops[3][1] == [[b"\x00AB", -20, b"c"]]
    assert ops[4][1] == [1, 0, 0, 1, 0.5, -3.0]
    ops, _ = parse_content(b"/Span <</ActualText <FEFF0631> /N null>> BDC EMC")
    assert ops[0][1][1] == {"ActualText": b"\xfe\xff\x06\x31"}


def test_a_number_written_against_its_operator_is_two_tokens():
    # Some producers write "/F1 12Tf": the font change must not be lost.
    ops, _ = parse_content(b"BT/F1 12Tf 1 0 0 1 10 20Tm(x)Tj ET")
    assert ops[1] == (b"Tf", [Name("F1"), 12])
    assert ops[2] == (b"Tm", [1, 0, 0, 1, 10, 20])


def test_strings_nested_deeper_than_one_level_and_inline_images():
    ops, _ = parse_content(b"((a(b)c)) Tj q BI /W 1 /H 1 /BPC 8 ID \x00EI)(\xff EI Q (z) Tj")
    assert ops[0] == (b"Tj", [b"(a(b)c)"])
    assert [op for op, _ in ops] == [b"Tj", b"q", b"BI", b"Q", b"Tj"]
    assert ops[2][1] == [{"W": 1, "H": 1, "BPC": 8}]
    assert ops[-1] == (b"Tj", [b"z"])


def test_stray_bytes_are_skipped_and_counted():
    ops, skipped = parse_content(b"BT ) } (a) Tj ET")
    assert [op for op, _ in ops] == [b"BT", b"Tj", b"ET"] and skipped == 2


# --------------------------------------------------------------------------
# Interpreter: geometry and texts


def test_glyph_boxes_come_from_the_baseline_and_advance(tmp_path):
    page = one_page(b"BT /F1 10 Tf 100 700 Td (AB) Tj 2 Tc (A) Tj ET", tmp_path, widths={0x41: 600, 0x42: 400})
    a, b, a2 = page.glyphs
    assert (a.x0, a.x1) == (100, 106) and (b.x0, b.x1) == (106, 110)
    assert a2.x0 == 110 and a2.x1 == 116  # Tc applies after each glyph
    assert (a.top, a.bottom) == (800 - 700 - 7.5, 800 - 700 + 2.5)  # one em from 0.25 em below the baseline
    assert a.text == "\u0628" and a.size == 10 and a.run == 1 and a2.run == 2


def test_font_change_written_against_tf_is_kept(tmp_path):
    page = one_page(b"BT/F1 20Tf 100 700 Td(A)Tj ET", tmp_path)
    assert page.glyphs[0].size == 20


def test_tj_adjustments_and_word_spacing(tmp_path):
    page = one_page(b"BT /F1 10 Tf 3 Tw 0 0 Td [(A) -1000 (B)] TJ ( A) Tj ET", tmp_path, widths={0x20: 250})
    xs = [(g.text, g.x0) for g in page.glyphs]
    assert xs[0] == ("\u0628", 0) and xs[1] == ("\u0627", 15)  # 5 + 10 (−1000/1000 em)
    assert xs[2] == (" ", 20) and xs[3] == ("\u0628", 20 + 2.5 + 3)
    assert page.glyphs[0].space == 2.5


def test_glyphs_of_two_fonts_on_one_baseline_share_a_box(tmp_path):
    page = one_page(
        b"BT /F1 9 Tf 100 500 Td (A) Tj /F2 9 Tf <28> Tj ET",
        tmp_path,
        extra=lambda pdf: {"F2": pdf.font({0x28: "("}, name="Fallback")},
    )
    a, b = page.glyphs
    assert (a.top, a.bottom) == (b.top, b.bottom)


def test_actual_text_replaces_the_glyphs_of_its_span(tmp_path):
    # Typst: /Span <</ActualText (اً)>> BDC [alef, tanween] EMC, both glyphs
    # mapped to the whole cluster by its ToUnicode.
    texts = {0x41: "\u0627\u064b", 0x42: "\u0627\u064b"}
    page = one_page(
        b"BT /F1 10 Tf 0 0 Td /Span <</ActualText <FEFF0627064B>>> BDC (A) Tj 0.1 Tz (B) Tj EMC ET",
        tmp_path,
        texts=texts,
    )
    assert [g.text for g in page.glyphs] == ["\u0627\u064b", ""]


def test_actual_text_over_marks_only_replaces_marks(tmp_path):
    page = one_page(
        b"BT /F1 10 Tf 0 0 Td /Span <</ActualText <FEFF0627064B>>> BDC (D) Tj EMC ET", tmp_path, widths={0x44: 0}
    )
    assert [g.text for g in page.glyphs] == ["\u064b"]


def test_zero_width_glyph_mapped_to_a_letter_and_mark_draws_the_mark_only(tmp_path):
    page = one_page(b"BT /F1 10 Tf 0 0 Td (CA) Tj ET", tmp_path, texts={0x43: "\u0627\u064b", 0x41: "\u0627"}, widths={0x43: 0})
    assert [g.text for g in page.glyphs] == ["\u064b", "\u0627"]


def test_unmapped_glyphs_keep_their_place_without_text(tmp_path):
    pdf = PdfBuilder()
    pdf.page(b"BT /F1 10 Tf 0 0 Td (AZ) Tj ET", {"F1": pdf.font({0x41: "\u0628"}, {0x5A: 300}, symbolic=True)})
    (page,) = read(pdf.build(), tmp_path)
    assert [(g.text, g.mapped) for g in page.glyphs] == [("\u0628", True), ("", False)]


def test_code_missing_from_tounicode_of_a_symbolic_font_has_no_text():
    # LibreOffice's justification kashida: a code of a symbolic TrueType subset
    # without /Encoding that its ToUnicode map lacks; pdfminer would guess '"'.
    api = check_dependencies()
    font = api.PDFSimpleFont.__new__(api.PDFSimpleFont)
    font.unicode_map = api.FileUnicodeMap()
    font.unicode_map.cid2unichr[5] = "ب"
    font.cid2unicode = {34: '"', 5: "%"}
    font.flags = 4
    assert glyph_text(api, font, 5) == "ب"
    assert glyph_text(api, font, 34) is None
    font.flags = 32  # non-symbolic: the standard encoding applies
    assert glyph_text(api, font, 34) == '"'


def test_mark_glyph_left_without_text_takes_the_embedded_fonts_cmap():
    # WeasyPrint's one-text-per-glyph ToUnicode: Amiri's shadda glyph, second
    # of the two glyphs of َّ, got "" everywhere; the font's cmap knows it.
    api = check_dependencies()
    font = api.PDFCIDFont.__new__(api.PDFCIDFont)
    font.unicode_map = api.FileUnicodeMap()
    font.unicode_map.cid2unichr.update({7: "", 8: "", 9: "ر"})
    font._embedded_cmap = {7: "\u0651", 8: "ب", 9: "ر"}
    assert [glyph_text(api, font, cid) for cid in (7, 8, 9)] == ["\u0651", "", "ر"]


# --------------------------------------------------------------------------
# Interpreter: what is visible


def test_render_mode_3_text_is_left_out(tmp_path):
    page = one_page(b"BT /F1 10 Tf 0 100 Td 3 Tr (AA) Tj 0 Tr (B) Tj ET", tmp_path)
    assert [g.text for g in page.glyphs] == ["\u0627"] and page.hidden == 2


def test_white_text_is_invisible_on_the_page_and_visible_on_a_dark_box(tmp_path):
    page = one_page(
        b"1 1 1 rg BT /F1 10 Tf 100 700 Td (A) Tj ET "
        b"0 0 0.5 rg 90 490 200 30 re f 1 g BT /F1 10 Tf 100 500 Td (B) Tj ET",
        tmp_path,
    )
    assert [g.text for g in page.glyphs] == ["\u0627"] and page.hidden == 1
    assert page.shapes[0].kind == "fill" and page.shapes[0].rect


def test_text_outside_the_clipping_path_is_left_out(tmp_path):
    page = one_page(b"q 0 0 100 100 re W n BT /F1 10 Tf 10 50 Td (A) Tj 200 0 Td (B) Tj ET Q BT /F1 10 Tf 300 50 Td (A) Tj ET", tmp_path)
    assert [g.x0 for g in page.glyphs] == [10, 300]


def test_transparent_and_faint_text(tmp_path):
    page = one_page(
        b"q /GS0 gs BT /F1 10 Tf 0 100 Td (A) Tj ET Q q /GS1 gs BT /F1 10 Tf 0 200 Td (B) Tj ET Q "
        b"0.9 g BT /F1 10 Tf 0 300 Td (A) Tj ET 0 g BT /F1 10 Tf 0 400 Td (B) Tj ET",
        tmp_path,
        resources=b"/ExtGState<</GS0<</ca 0>>/GS1<</ca 0.15>>>>",
    )
    assert [(g.text, g.faded) for g in page.glyphs] == [("\u0627", True), ("\u0628", True), ("\u0627", False)]


def test_optional_content_switched_off_is_left_out(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    ocg = pdf.add(b"<</Type/OCG/Name(Hidden layer)>>")
    pdf.catalog_extra = b"/OCProperties<</OCGs[%d 0 R]/D<</OFF[%d 0 R]>>>>" % (ocg, ocg)
    pdf.page(b"BT /F1 10 Tf 0 100 Td /OC /L1 BDC (A) Tj EMC (B) Tj ET", {"F1": font}, b"/Properties<</L1 %d 0 R>>" % ocg)
    (page,) = read(pdf.build(), tmp_path)
    assert [g.text for g in page.glyphs] == ["\u0627"]


def test_luminance_of_colour_spaces():
    assert luminance("gray", [1]) == 1.0 and luminance("rgb", [0, 0, 0]) == 0.0
    assert luminance("cmyk", [0, 0, 0, 0]) == 1.0 and luminance("cmyk", [0, 0, 0, 1]) == 0.0
    assert luminance("sep", [0]) == 1.0 and luminance("none", [1]) == pdf_backend.NO_PAINT
    assert luminance("unknown", [0.3]) is None


# --------------------------------------------------------------------------
# Hostile and broken content


def test_form_xobject_drawing_itself_is_refused(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    # Object numbers: font 3-4 (ToUnicode, font), the form is the next one.
    form_id = len(pdf.objects) + 3
    content = b"BT /F1 10 Tf 0 0 Td (A) Tj ET /Fm0 Do"
    pdf.stream(content, b"/Type/XObject/Subtype/Form/BBox[0 0 100 100]/Resources<</Font<</F1 %d 0 R>>/XObject<</Fm0 %d 0 R>>>>" % (font, form_id))
    pdf.page(b"/Fm0 Do", {"F1": font}, b"/XObject<</Fm0 %d 0 R>>" % form_id)
    (page,) = read(pdf.build(), tmp_path)
    assert [g.text for g in page.glyphs] == ["\u0628"]
    assert [code for code, _ in page.warnings] == ["form_recursion"]


def test_a_decompression_bomb_stops_at_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_backend, "MAX_CONTENT_BYTES", 1000)
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    body = b"BT /F1 10 Tf 0 0 Td (A) Tj ET " + b" " * 100_000
    contents = pdf.stream(zlib.compress(body), b"/Filter/FlateDecode")
    pdf.pages.append(pdf.add(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Resources<</Font<</F1 %d 0 R>>>>/Contents %d 0 R>>" % (font, contents)))
    (page,) = read(pdf.build(), tmp_path)
    assert [g.text for g in page.glyphs] == ["\u0628"]
    assert page.warnings[0][0] == "content_unreadable" and "more than" in page.warnings[0][1]


def test_a_content_stream_that_cannot_be_decoded_is_a_page_warning(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    good = pdf.stream(b"BT /F1 10 Tf 0 0 Td (A) Tj ET")
    bad = pdf.stream(b"not zlib at all", b"/Filter/FlateDecode")
    pdf.pages.append(pdf.add(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Resources<</Font<</F1 %d 0 R>>>>/Contents[%d 0 R %d 0 R]>>" % (font, good, bad)))
    path = tmp_path / "half.pdf"
    path.write_bytes(pdf.build())
    (page,) = PdfDocument(path, path.read_bytes()).pages()
    assert [g.text for g in page.glyphs] == ["\u0628"]
    assert [code for code, _ in page.warnings] == ["content_unreadable"]
    assert page.warnings[0][1].startswith("page 1: page content stream 2")


def test_pdfminer_failure_inside_a_page_is_corrupt_pdf_with_its_page(tmp_path, monkeypatch):
    api = check_dependencies()
    pdf = PdfBuilder()
    pdf.page(b"BT /F1 10 Tf (A) Tj ET", {"F1": pdf.font(ARABIC)})
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf.build())
    doc = PdfDocument(path, path.read_bytes())

    from pdfminer.psparser import PSEOF

    monkeypatch.setattr(api, "resolve1", _raising_in_pdfminer(PSEOF("Unexpected EOF, file truncated?")))
    with pytest.raises(CorruptPdfError) as err:
        list(doc.pages())
    assert err.value.page == 1 and "PSEOF" in err.value.reason


def _raising_in_pdfminer(exc):
    """A function whose frame is inside pdfminer (as its parser's are)."""
    import pdfminer.pdftypes

    namespace: dict = {}
    code = compile("def resolve1(x, default=None):\n    raise EXC\n", pdfminer.pdftypes.__file__, "exec")
    exec(code, {"EXC": exc}, namespace)
    return namespace["resolve1"]


def test_a_bug_in_the_reader_is_not_reported_as_a_corrupt_pdf(tmp_path, monkeypatch):
    def bug(self, seq):
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(pdf_backend._PageReader, "_show", bug)
    pdf = PdfBuilder()
    pdf.page(b"BT /F1 10 Tf (A) Tj ET", {"F1": pdf.font(ARABIC)})
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf.build())
    with pytest.raises(ZeroDivisionError):
        read_pdf(path)


# --------------------------------------------------------------------------
# pdfminer.six compatibility


def test_incompatible_pdfminer_is_a_clear_typed_error(tmp_path, monkeypatch):
    from pdfminer.pdffont import PDFFont

    monkeypatch.setattr(pdf_backend, "_API", None)
    monkeypatch.setattr(pdf_backend, "_API_ERROR", None)
    monkeypatch.delattr(PDFFont, "char_width")
    pdf = PdfBuilder()
    pdf.page(b"BT /F1 10 Tf (A) Tj ET", {"F1": pdf.font(ARABIC)})
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf.build())
    with pytest.raises(IncompatibleDependencyError) as err:
        read_pdf(path)
    assert err.value.kind == "incompatible_dependency"
    assert "PDFSimpleFont.char_width" in err.value.reason and "pdfminer.six" in err.value.reason


def test_pdfminer_that_decodes_differently_fails_the_self_test(monkeypatch):
    from pdfminer.pdffont import PDFSimpleFont

    monkeypatch.setattr(pdf_backend, "_API", None)
    monkeypatch.setattr(pdf_backend, "_API_ERROR", None)
    monkeypatch.setattr(PDFSimpleFont, "to_unichr", lambda self, cid: "?")
    with pytest.raises(IncompatibleDependencyError) as err:
        check_dependencies()
    assert "self-test" in err.value.reason


# --------------------------------------------------------------------------
# What the glyphs carry for the reader


def test_glyphs_carry_their_fonts_word_space(tmp_path):
    # A simple font: the width of code 32; a composite one: the width of the
    # glyph its ToUnicode map gives " ".
    pdf = PdfBuilder()
    simple = pdf.font({0x41: "\u0628", 0x20: " "}, {0x41: 500, 0x20: 280})
    composite = pdf.composite_font({5: "\u0628", 9: " "}, {5: 500, 9: 310})
    pdf.page(b"BT /F1 10 Tf 1 0 0 1 100 700 Tm (A) Tj /F2 20 Tf 1 0 0 1 100 600 Tm <0005> Tj ET",
             {"F1": simple, "F2": composite})
    (page,) = read(pdf.build(), tmp_path)
    assert [(g.text, round(g.space, 2)) for g in page.glyphs] == [("\u0628", 2.8), ("\u0628", 6.2)]


def test_text_in_a_transparency_group_takes_the_groups_opacity(tmp_path):
    # Chromium draws an element with CSS opacity 0.1 as a group painted with
    # ca 0.1, and sets ca 1 inside it: the text is faint, not solid.
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    form = pdf.stream(
        b"/G1 gs BT /F1 12 Tf 1 0 0 1 10 10 Tm (A) Tj ET",
        b"/Type/XObject/Subtype/Form/BBox[0 0 200 50]/Group<</Type/Group/S/Transparency>>"
        b"/Resources<</Font<</F1 %d 0 R>>/ExtGState<</G1<</ca 1>>>>>>" % font,
    )
    plain = pdf.stream(
        b"BT /F1 12 Tf 1 0 0 1 10 10 Tm (A) Tj ET",
        b"/Type/XObject/Subtype/Form/BBox[0 0 200 50]/Resources<</Font<</F1 %d 0 R>>>>" % font,
    )
    pdf.page(
        b"q /Faint gs 1 0 0 1 100 700 cm /Fm1 Do Q q 1 0 0 1 100 600 cm /Fm2 Do Q",
        {"F1": font},
        b"/ExtGState<</Faint<</ca 0.1>>>>/XObject<</Fm1 %d 0 R/Fm2 %d 0 R>>" % (form, plain),
    )
    (page,) = read(pdf.build(), tmp_path)
    assert [g.faded for g in page.glyphs] == [True, False]


# --------------------------------------------------------------------------
# Link annotations (PDF 1.7 §12.5.6.5): web links with their boxes


def test_uri_link_annotations_are_read_with_their_boxes(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    action = pdf.add(b"<</S/URI/URI(https://instagram.com/sanabel)>>")
    annots = [
        b"<</Type/Annot/Subtype/Link/Rect[100 700 140 720]/A %d 0 R>>" % action,  # action by reference
        b"<</Type/Annot/Subtype/Link/Rect[300 100 200 80]/A<</S/URI/URI(mailto:info@sanabel.org.jo)>>>>",  # corners swapped
        "<</Subtype/Link/Rect[0 0 50 10]/A<</S/URI/URI(https://مثال.com/ص)>>>>".encode(),  # UTF-8 bytes
        b"<</Subtype/Link/Rect[0 0 50 10]/A<</S/GoTo/D[3 0 R/Fit]>>>>",  # inside the document: no web link
        b"<</Subtype/Widget/Rect[0 0 50 10]/A<</S/URI/URI(https://form.example)>>>>",  # a form field
        b"<</Subtype/Link/Rect[0 0]/A<</S/URI/URI(https://no-rect.example)>>>>",  # no usable box
        b"<</Subtype/Link/Rect[0 0 50 10]/A<</S/URI/URI()>>>>",  # no address
        b"<</Subtype/Link/Rect[0 0 50 10]/A<</S/URI/URI 99 0 R>>>>",  # a reference to nothing
        b"(not an annotation)",
    ]
    refs = b" ".join(b"%d 0 R" % pdf.add(a) for a in annots)
    pdf.page(b"BT /F1 12 Tf 1 0 0 1 500 700 Tm <4142> Tj ET", {"F1": font}, extra=b"/Annots[%s]" % refs)
    (page,) = read(pdf.build(), tmp_path)
    assert page.links == [
        ("https://instagram.com/sanabel", (100.0, 80.0, 140.0, 100.0)),  # top-left origin on a 800 pt page
        ("mailto:info@sanabel.org.jo", (200.0, 700.0, 300.0, 720.0)),
        ("https://مثال.com/ص", (0.0, 790.0, 50.0, 800.0)),
    ]


def test_links_on_a_rotated_page_and_a_broken_annots_entry(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    link = pdf.add(b"<</Subtype/Link/Rect[100 700 140 720]/A<</S/URI/URI(https://x.com/sanabel)>>>>")
    pdf.page(b"", {"F1": font}, extra=b"/Rotate 90/Annots[%d 0 R]" % link)
    pdf.page(b"", {"F1": font}, extra=b"/Annots 12")
    first, second = read(pdf.build(), tmp_path)
    # rotated 90° clockwise: the 600 x 800 page is 800 x 600; user (x, y) lands at (y, x)
    assert first.links == [("https://x.com/sanabel", (700.0, 100.0, 720.0, 140.0))]
    assert second.links == []


def test_hostile_link_annotations_are_skipped_never_fatal(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    n = len(pdf.objects) + 3  # the number the next object gets
    annots = [
        b"%d 0 R" % n,  # an object that is a reference to itself (pdfminer's resolve1 would loop forever)
        b"<</Subtype/Link/Rect[400 690 1%s 720]/A<</S/URI/URI(https://huge.example)>>>>" % (b"0" * 400),  # float overflow
        b"<</Subtype/Link/Rect[10 10 30 30]/A<</S/URI/URI(https://outside-crop.example)>>>>",  # not shown
        b"<</Subtype/Link/Rect[100 700 140 720]/A<</S/URI/URI<FEFF0068007400740070003A002F002F0061002E0063006F006D>>>>>",
        b"<</Subtype/Link/Rect[100 700 140 720]/A<</S/URI/URI(https://a.com/%s)>>>>" % (b"a" * 3000),  # too long
    ]
    pdf.add(b"%d 0 R" % n)
    refs = b" ".join(b"%d 0 R" % pdf.add(a) for a in annots[1:])
    pdf.page(b"", {"F1": font}, extra=b"/CropBox[50 50 600 800]/Annots[%d 0 R %s]" % (n, refs))
    (page,) = read(pdf.build(), tmp_path)
    assert page.links == [("http://a.com", (100.0, 80.0, 140.0, 100.0))]  # UTF-16 text string decoded


def test_more_links_than_the_cap_are_a_warning(tmp_path):
    pdf = PdfBuilder()
    font = pdf.font(ARABIC)
    link = pdf.add(b"<</Subtype/Link/Rect[100 700 140 720]/A<</S/URI/URI(https://many.example)>>>>")
    pdf.page(b"", {"F1": font}, extra=b"/Annots[%s]" % b" ".join([b"%d 0 R" % link] * (pdf_backend.MAX_LINKS + 1)))
    (page,) = read(pdf.build(), tmp_path)
    assert len(page.links) == pdf_backend.MAX_LINKS
    assert [code for code, _ in page.warnings] == ["links_capped"]
