"""Real PDFs from other producers (tests/data/real, attribution in SOURCES.md):
the reader's text against what a reader sees on the page (``*.expected.json``,
written by hand from the rendered pages)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline.errors import NoTextLayerError
from pipeline.read.pdf import read_pdf

REAL = Path(__file__).resolve().parent / "data" / "real"
EXPECTED = {p.name.removesuffix(".expected.json"): json.loads(p.read_text("utf-8")) for p in sorted(REAL.glob("*.expected.json"))}
# Pages whose text layer maps glyphs to wrong letters: the right outcome is
# no text, OCR needed (see the file's notes).
GARBLED = {"docling-rtl-02-egypt-gov-programme"}
# Expected texts the text layer itself does not hold (checked with pdftotext).
KNOWN = {
    "لا تُخل أحكام القانون المرافق بالتراخيص السارية": "the layer has no space and no gap between لا and تخل",
}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def norm(text: str) -> str:
    """Fold what a hand-written expectation and a text layer may spell differently."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u064B-\u065F\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]", "", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه").replace("ی", "ي").replace("ک", "ك")
    text = re.sub(r"[^\w\s@./+]", " ", text.translate(_DIGITS)).replace("_", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def read(stem: str):
    return read_pdf(REAL / EXPECTED[stem]["file"], ocr="never")


def test_every_real_pdf_has_its_expectation():
    assert {p.stem for p in REAL.glob("*.pdf")} == set(EXPECTED)


@pytest.mark.parametrize("stem", sorted(set(EXPECTED) - GARBLED))
def test_expected_texts_are_found_in_reading_order(stem):
    doc = read(stem)
    hay = " \n ".join(norm(" ".join(b.lines)) for b in doc.body_blocks)
    expected = EXPECTED[stem]
    wanted = [t for t in expected.get("texts") or [] if t not in KNOWN]
    missing = [t for t in wanted if norm(t)[:30] not in hay]
    assert not missing
    # Headings are blocks of their own (a chapter label and its title, set
    # in two styles, are two blocks the structure stage may join).
    blocks = [norm(" ".join(b.lines)) for b in doc.body_blocks]
    starts = set(blocks) | {f"{a} {b}" for a, b in zip(blocks, blocks[1:])}
    heads = [h for h in (expected.get("headings") or []) if norm(h) not in starts]
    assert not heads
    assert doc.page_count == expected["page_count"]


@pytest.mark.parametrize("stem", sorted(GARBLED))
def test_a_text_layer_with_wrong_letters_is_no_text_layer(stem):
    # Without OCR; with it the page reads (tests/test_ocr.py).
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(REAL / EXPECTED[stem]["file"], ocr="never")
    assert "wrong letters" in err.value.reason


def test_the_gazettes_running_header_is_marked_on_every_page():
    doc = read("egypt-gazette-law-8-2022")
    heads = [b for b in doc.blocks if b.role == "header"]
    assert [b.page for b in heads] == list(range(1, 24))
    for b, printed in zip(heads, range(2, 25)):
        assert norm(" ".join(b.lines)) in (f"{printed} {norm('الجريدة الرسمية - العدد 9 (مكرر) فى 6 مارس سنة 2022')}",
                                            f"{norm('الجريدة الرسمية - العدد 9 (مكرر) فى 6 مارس سنة 2022')} {printed}")
    assert not any(" ".join(b.lines).startswith("الجريدة الرسمية -") for b in doc.body_blocks)


def test_the_gazettes_article_headings_are_blocks_of_their_own():
    doc = read("egypt-gazette-law-8-2022")
    texts = [norm(" ".join(b.lines)) for b in doc.body_blocks]
    articles = [t for t in texts if re.fullmatch(r"ماده \d+", t)]
    assert articles == [f"ماده {n}" for n in range(1, 46)]
    for ordinal in ("الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه"):
        assert f"الماده {ordinal}" in texts
    # U+FFFD kashida glyphs leave no trace in the words.
    assert "تسري احكام هذا القانون والقانون المرافق" in " ".join(texts)


def test_an_english_sentence_in_an_arabic_table_reads_left_to_right():
    # The page is one table: each of its block's lines is a cell.
    texts = [line for b in read("camelot-tabula-arabic-table").body_blocks for line in b.lines]
    assert any(norm(t) == norm("Jeremy is جرمي in Arabic") for t in texts)


def test_a_latin_word_against_an_arabic_one_stays_a_word():
    doc = read("docling-rtl-01-word-article")
    text = " ".join(" ".join(b.lines) for b in doc.body_blocks)
    assert "Pythonمن" not in text and "R و Python من الأدوات" in text
    assert doc.body_blocks[0].lines == ("تحسين الإنتاجية وحل المشكلات من خلال البرمجة بلغة R وPython",)
    assert doc.body_blocks[0].bold and doc.body_blocks[0].font_size > doc.body_blocks[1].font_size
