"""Broken text layers are reported, never parsed (pipeline.read.text_quality
and the reader's use of it)."""

from __future__ import annotations

import pytest

from pipeline.errors import NoTextLayerError
from pipeline.read.pdf import read_pdf
from pipeline.read.text_quality import assess, is_word

from .pdfbuild import arabic_pages

TEXT = [
    "ظهرت العمليات التشاورية الإقليمية بشأن الهجرة في كثير من المناطق",
    "في العالم منذ منتصف الثمانينات بصفتها منتديات لتبادل مستمر للمعلومات",
    "والحوار بشأن السياسات تقودها الدول لمعالجة مسائل محددة تتعلق بالهجرة",
    "داخل أقاليم معينة أو في سياقات محددة ومع مرور الزمن زاد عدد العمليات",
]
# A ToUnicode map that sends some glyphs to the wrong letters, as the
# PowerPoint/iLovePDF page does (الجمهورية read الجماورية).
WRONG = {"ه": "ا", "ت": "ل", "ق": "ف", "ر": "ز", "م": "و"}


def test_words_are_looked_up_without_clitics_and_spelling_variants():
    for word in ("الهجرة", "وبالهجرة", "للهجرة", "سياستها", "فى", "الإقليمية", "الاقليمية"):
        assert is_word(word), word
    for word in ("الجماورية", "ظهرل", "خلللال"):
        assert not is_word(word), word


def test_share_of_plausible_words_and_its_confidence():
    good = assess(" ".join(TEXT))
    assert good.words == 43 and good.known == 41 and not good.garbled  # التشاورية, سياقات: not in the list
    garbled = "".join(WRONG.get(c, c) for c in " ".join(TEXT))
    assert assess(garbled).garbled
    # Eight words, half unknown: too few to call the page garbled.
    assert not assess("كارولينا جرمي سلطان بوتسوانا في المنطقة من الدول").garbled
    # Presentation forms, tashkeel, tatweel and U+FFFD kashidas are no obstacle.
    assert assess("ﺍﻟﻬﺠﺮﺓ الهِجْرَة الهـــجرة الهجر\ufffd\ufffdة").share == 1.0


def test_a_real_text_layer_reads(tmp_path):
    path = tmp_path / "good.pdf"
    path.write_bytes(arabic_pages([TEXT]))
    doc = read_pdf(path)
    assert " ".join(doc.blocks[0].lines).startswith("ظهرت العمليات التشاورية")
    assert not doc.warnings


def test_a_text_layer_mapping_glyphs_to_wrong_letters_is_no_text_layer(tmp_path):
    path = tmp_path / "wrong.pdf"
    path.write_bytes(arabic_pages([TEXT], wrong=WRONG))
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(path, ocr="never")
    assert "wrong letters" in err.value.reason and "OCR" in err.value.reason


def test_one_garbled_page_is_a_warning_with_its_page_and_its_text_is_left_out(tmp_path):
    path = tmp_path / "mixed.pdf"
    wrong_page = ["".join(WRONG.get(c, c) for c in line) for line in TEXT]
    path.write_bytes(arabic_pages([TEXT, wrong_page, TEXT]))
    doc = read_pdf(path, ocr="never")
    assert [(w.code, w.page) for w in doc.warnings] == [("garbled_text_layer", 2)]
    assert {b.page for b in doc.blocks} == {1, 3}
