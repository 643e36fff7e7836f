"""Behaviours that one-line mutations broke without any test noticing, each
checked from the outside (public functions, small hand-made inputs):

* the ``year_order`` cross-check (a meeting dated before the one above it);
* the last-chance Windows-1256 decoding of short legacy-encoded texts;
* a paragraph that leaves a quotation open continues into the next block;
* the PDF reader lets go of each page's decoded content once read.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from pdfminer.pdftypes import PDFStream

from pipeline import extract, extract_source
from pipeline.read import read_source
from pipeline.read.pdf import read_pdf

from .generated_pdfs import arabic_pages


def _meetings(*headings: str) -> str:
    body = "\n\n".join(f"## {h}\n\nالمضيف: المنظمة الدولية للهجرة" for h in headings)
    return f"# الاجتماعات العالمية\n\n{body}\n"


def test_a_meeting_dated_before_the_one_above_it_is_a_year_order_warning(tmp_path: Path):
    path = tmp_path / "order.md"
    path.write_text(
        _meetings(
            "الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2009",
            "الاجتماع العالمي الثاني للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",
            "الاجتماع العالمي الثالث للعمليات التشاورية الإقليمية بشأن الهجرة: 2011",
        ),
        encoding="utf-8",
    )
    warnings = [(w.code, w.meeting) for w in extract_source(path).warnings if w.code == "year_order"]
    assert warnings == [("year_order", 2)]


def test_meetings_in_year_order_give_no_year_order_warning(tmp_path: Path):
    path = tmp_path / "order.md"
    path.write_text(
        _meetings(
            "الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",
            "الاجتماع العالمي الثاني للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",  # the same year is in order
            "الاجتماع العالمي الثالث للعمليات التشاورية الإقليمية بشأن الهجرة: 2011",
        ),
        encoding="utf-8",
    )
    assert not [w for w in extract_source(path).warnings if w.code == "year_order"]


# Short words in Windows-1256 that charset-normalizer (3.5) ranks as East Asian
# code pages, none of which gives Arabic letters: only the explicit last
# chance reads them.
@pytest.mark.parametrize("word", ["الهجرة", "مرحبا", "سلام", "مؤتمر", "كتيب"])
def test_short_windows_1256_texts_are_read_as_arabic(tmp_path: Path, word: str):
    path = tmp_path / "legacy.txt"
    path.write_bytes(word.encode("cp1256") + b"\r\n")
    source = read_source(path)
    assert [line for block in source.blocks for line in block.lines] == [word]


def _paragraphs(record) -> list[str]:
    return [p for s in record.sections for p in s.paragraphs]


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("“", "”"), ('"', '"')])
def test_a_paragraph_that_leaves_a_quotation_open_continues_into_the_next_block(tmp_path: Path, opening, closing):
    # the first block ends a sentence, but its quotation is still open: the
    # next block (after a page break in a PDF, a blank line here) continues it
    path = tmp_path / "quote.md"
    path.write_text(
        "# عنوان الكتيب\n\n## مقدمة\n\n"
        f"قال المدير في افتتاح الاجتماع: {opening}إن الهجرة تحتاج إلى تعاون.\n\n"
        f"وهذا التعاون يبدأ بالحوار بين الدول.{closing} ثم انتقل إلى جدول الأعمال.\n\n"
        "وهذه فقرة ثانية مستقلة.\n\n"
        "## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005\n\n"
        "المضيف: المنظمة الدولية للهجرة\n",
        encoding="utf-8",
    )
    paragraphs = _paragraphs(extract(path))
    joined = (
        f"قال المدير في افتتاح الاجتماع: {opening}إن الهجرة تحتاج إلى تعاون. "
        f"وهذا التعاون يبدأ بالحوار بين الدول.{closing} ثم انتقل إلى جدول الأعمال."
    )
    assert joined in paragraphs
    assert "وهذه فقرة ثانية مستقلة." in paragraphs  # a closed quotation continues nothing


def _decoded_bytes_held_at_close(path: Path, monkeypatch) -> int:
    """Bytes of PDF streams still alive when the reader has read every page
    (counted through the garbage collector)."""
    from pipeline.errors import PipelineError
    from pipeline.read import pdf_backend

    held: list[int] = []
    real_pages = pdf_backend.PdfDocument.pages

    def spying_pages(self):
        yield from real_pages(self)
        gc.collect()
        held.append(sum(len(o.data or b"") + len(o.rawdata or b"") for o in gc.get_objects() if isinstance(o, PDFStream)))

    monkeypatch.setattr(pdf_backend.PdfDocument, "pages", spying_pages)
    try:
        read_pdf(path)
    except PipelineError:
        pass  # what the text is does not matter here, only what stays held
    monkeypatch.undo()
    assert len(held) == 1
    return held[0]


def test_reading_a_long_pdf_keeps_no_page_content_in_memory(tmp_path: Path, monkeypatch):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    short.write_bytes(arabic_pages(2))
    long.write_bytes(arabic_pages(30))
    page_content = (len(long.read_bytes()) - len(short.read_bytes())) / 28  # one page's objects
    # what stays held does not grow with the page count (every page's
    # content stream, decoded, would stay in the document's caches otherwise)
    assert _decoded_bytes_held_at_close(long, monkeypatch) - _decoded_bytes_held_at_close(short, monkeypatch) < page_content
