"""Markdown reader (markdown-it-py): markup out of the text, structure into the blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import EmptySourceError
from pipeline.read import read_source
from pipeline.read.markdown import parse_markdown

DATA = Path(__file__).resolve().parent / "data" / "markdown"


def test_emphasis_is_removed_and_a_wholly_strong_block_is_bold():
    blocks = parse_markdown("**المضيف:** حكومة *بيرو* و*ليما* __جديد__ ~~قديم~~\n\n**عنوان عريض**\n")
    assert blocks[0].lines == ("المضيف: حكومة بيرو وليما جديد قديم",)
    assert not blocks[0].bold
    assert blocks[1].lines == ("عنوان عريض",) and blocks[1].bold


def test_links_keep_their_text_and_record_the_url():
    blocks = parse_markdown(
        "البريد: [grcp@iom.int](mailto:grcp@iom.int)، الموقع: <https://www.iom.int/x> و[الفهرس](#index)\n"
    )
    assert blocks[0].lines == ("البريد: grcp@iom.int، الموقع: https://www.iom.int/x والفهرس",)
    # an in-page anchor is no link to record
    assert blocks[0].links == (("grcp@iom.int", "mailto:grcp@iom.int"), ("https://www.iom.int/x", "https://www.iom.int/x"))


def test_headings_lists_and_line_spans():
    text = "# عنوان\n\nفقرة أولى\nتتمة ملفوفة  \nسطر بعد فاصل صلب\n\n- بند\n  - بند متداخل\n1. مرقم\n\nعنوان ثان\n---\n"
    blocks = parse_markdown(text)
    assert [(b.lines, b.line_start, b.line_end) for b in blocks] == [
        (("عنوان",), 1, 1),
        (("فقرة أولى", "تتمة ملفوفة", "سطر بعد فاصل صلب"), 3, 5),
        (("بند",), 7, 7),
        (("بند متداخل",), 8, 8),
        (("مرقم",), 9, 9),
        (("عنوان ثان",), 11, 12),
    ]
    # a soft line break is a wrap, two trailing spaces a hard break
    assert blocks[1].joins == (" ", None)
    assert [b.heading_level for b in blocks] == [1, None, None, None, None, 2]
    assert [(b.list_item, b.list_level) for b in blocks[2:5]] == [(True, 0), (True, 1), (True, 0)]


def test_a_list_item_of_several_paragraphs_is_one_block():
    blocks = parse_markdown("- البند الأول\n\n  فقرته الثانية\n- البند الثاني\n")
    assert [(b.lines, b.list_item) for b in blocks] == [
        (("البند الأول", "فقرته الثانية"), True),
        (("البند الثاني",), True),
    ]
    assert blocks[0].line_end == 3


def test_typed_bullet_glyphs_make_list_items():
    blocks = parse_markdown("◆ تشجيع أوجه التآزر\n\n• تقوية التعاون\n\n◆\n")
    assert [(b.lines, b.list_item) for b in blocks] == [
        (("تشجيع أوجه التآزر",), True),
        (("تقوية التعاون",), True),
        (("◆",), False),
    ]


def test_quotes_code_and_raw_html():
    text = (
        "> اقتباس من التقرير\n\n```\nالمضيف: لا يقرأ حقلا\n  سطر ثان\n```\n\n"
        '<div dir="rtl">\n\n## داخل الغلاف\n\n</div>\n\n<p align="center">نص <b>وسط</b><br>سطر</p>\n'
    )
    blocks = parse_markdown(text)
    assert [(b.lines, b.hint, b.heading_level) for b in blocks] == [
        (("اقتباس من التقرير",), "quote", None),
        (("المضيف: لا يقرأ حقلا", "  سطر ثان"), "code", None),
        (("داخل الغلاف",), None, 2),
        (("نص وسط", "سطر"), None, None),
    ]
    assert (blocks[3].line_start, blocks[3].line_end) == (14, 14)


def test_pipe_tables_become_table_blocks():
    text = "| الاجتماع | السنة |\n|---|---:|\n| الأول | 2005 |\n| الثاني | [2009](https://x.org/2009) |\n"
    (block,) = parse_markdown(text)
    grid = block.table
    assert (grid.n_rows, grid.n_cols, grid.rtl) == (3, 2, True)
    assert [(c.row, c.col, c.lines, c.header) for c in grid.cells] == [
        (0, 0, ("الاجتماع",), True), (0, 1, ("السنة",), True),
        (1, 0, ("الأول",), False), (1, 1, ("2005",), False),
        (2, 0, ("الثاني",), False), (2, 1, ("2009",), False),
    ]
    assert block.lines == ("الاجتماع", "السنة", "الأول", "2005", "الثاني", "2009")
    assert block.links == (("2009", "https://x.org/2009"),)
    assert (block.line_start, block.line_end) == (1, 4)
    # a table whose first strong character is Latin reads left to right
    (latin,) = parse_markdown("| Year | السنة |\n|---|---|\n| 2005 | ٢٠٠٥ |\n")
    assert latin.table.rtl is False


def test_a_real_arabic_markdown_document():
    """free-programming-books-ar.md (EbookFoundation, CC BY 4.0; see SOURCES.md),
    values checked by hand against the file."""
    doc = read_source(DATA / "free-programming-books-ar.md")
    assert doc.format == "markdown" and doc.encoding == "utf-8"
    headings = [b for b in doc.blocks if b.heading_level]
    items = [b for b in doc.blocks if b.list_item]
    assert len(doc.blocks) == 76 and len(headings) == 21 and len(items) == 55
    assert [(h.text, h.heading_level) for h in headings[:2]] == [("Index", 3), ("Arduino", 3)]
    assert [h.text for h in headings if h.heading_level == 4] == ["Symfony", "PostgreSQL"]
    symfony = next(b for b in items if b.text == "Symfony")
    assert (symfony.list_level, symfony.line_start, symfony.links) == (1, 13, ())
    first_book = next(b for b in items if b.line_start == 27)
    assert first_book.lines == ("أردوينو السهل - Abdallah Ali Abdallah (PDF)",)
    assert first_book.links == ((
        "أردوينو السهل",
        "https://simplyarduino.com/%D9%83%D8%AA%D8%A7%D8%A8-%D8%A7%D8%B1%D8%AF%D9%88%D9%8A%D9%86%D9%88-"
        "%D8%A8%D8%A8%D8%B3%D8%A7%D8%B7%D8%A9/",
    ),)
    linux = next(b for b in items if b.text.startswith("الإدارة المتقدمة"))
    assert linux.lines == (
        "الإدارة المتقدمة لجنو/لينكس - Remo Suppi Boldrito, Josep Jorba Esteve, Abdel Rahim Ghaleb (PDF)",
    )
    assert linux.links[0][0] == "الإدارة المتقدمة لجنو/لينكس"
    assert not any("[" in line or "](" in line for b in doc.blocks for line in b.lines)


def test_markup_only_is_an_empty_source(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_text("---\n\n<!-- تعليق -->\n\n![صورة](a.png)\n", "utf-8")
    with pytest.raises(EmptySourceError, match="x.md"):
        read_source(path)
