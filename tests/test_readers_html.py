"""HTML reader (Lexbor): encodings, the page's structure into blocks, what a page hides."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.errors import DecodingError, EmptySourceError, NoArabicTextError
from pipeline.read import read_source
from pipeline.read.html import decode_html, parse_html

DATA = Path(__file__).resolve().parent / "data" / "html"
SEED = DATA / "global-rcp-meetings-ar.html"


def _page(body: str, *, html_attrs: str = 'lang="ar" dir="rtl"', head: str = '<meta charset="utf-8">',
          title: str = "عنوان الصفحة") -> str:
    return f"<!DOCTYPE html><html {html_attrs}><head>{head}<title>{title}</title></head><body>{body}</body></html>"


def _texts(body: str, **kw) -> list[str]:
    return [b.text for b in parse_html(_page(body, **kw))]


# --- encodings ----------------------------------------------------------------


def test_declared_legacy_encoding_is_read(tmp_path: Path):
    doc = read_source(DATA / "global-rcp-meetings-ar.cp1256.html")
    assert doc.encoding == "cp1256" and doc.warnings == ()
    assert [b.lines for b in doc.blocks] == [b.lines for b in read_source(SEED).blocks]


@pytest.mark.parametrize(
    "head",
    [
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        '<meta charset="ISO-8859-6">',
    ],
)
def test_http_equiv_and_iso_8859_6_declarations(tmp_path: Path, head: str):
    encoding = "cp1256" if "1256" in head else "iso8859-6"
    path = tmp_path / "a.html"
    path.write_bytes(_page("<p>المضيف: حكومة بيرو</p>", head=head).encode(encoding))
    doc = read_source(path)
    assert doc.encoding == encoding and [b.text for b in doc.blocks] == ["المضيف: حكومة بيرو"]


def test_a_wrong_declaration_gives_way_to_detection_with_a_warning(tmp_path: Path):
    text = "<p>تاريخ ومكان الانعقاد: 25-26 تشرين الأول/ أكتوبر 2011، غابوروني، بوتسوانا</p>" * 3
    # declared UTF-8, saved in Windows-1256: not valid UTF-8
    utf8 = _page(text).encode("cp1256")
    decoded, encoding, warnings = decode_html(utf8, tmp_path / "a.html")
    assert "غابوروني" in decoded and encoding != "utf-8"
    assert warnings and "declares utf-8" in warnings[0]
    # declared Latin-1 (read as windows-1252, which decodes any byte): Arabic in the detected encoding
    latin = _page(text, head='<meta charset="iso-8859-1">').encode("cp1256")
    decoded, encoding, warnings = decode_html(latin, tmp_path / "b.html")
    assert "غابوروني" in decoded and encoding == "cp1256"
    assert warnings == ["the page declares cp1252 but its text reads as Arabic in cp1256"]
    # a French page declared Latin-1 stays Latin-1
    french = _page("<p>Réunion à Genève, été 2005</p>", head='<meta charset="iso-8859-1">', title="Réunion").encode("cp1252")
    decoded, encoding, warnings = decode_html(french, tmp_path / "c.html")
    assert "Réunion à Genève" in decoded and encoding == "cp1252" and warnings == []


def test_bom_and_undeclared_pages(tmp_path: Path):
    page = "<p>المنظمة الدولية للهجرة</p>"
    assert decode_html(codecs.BOM_UTF16_LE + page.encode("utf-16-le"), tmp_path / "a.html")[:2] == (page, "utf-16")
    assert decode_html(page.encode("cp1256"), tmp_path / "b.html")[0] == page
    with pytest.raises(DecodingError):
        decode_html(b"\x00\x01\x02\xff\xfe\x00abc" * 10, tmp_path / "c.html")


# --- structure ----------------------------------------------------------------


def test_blocks_lines_and_css_paths():
    html = _page(
        "<main><h2>عنوان <b>القسم</b></h2>"
        "<p>فقرة   <a href='https://x.org/a'>رابط</a> و<a href='#top'>مرساة</a><br>سطر ثان</p>"
        "<div>نص مباشر<p>فقرة داخلية</p>نص بعد</div>"
        "<p><strong>عريض كله</strong> <b>أيضا</b></p></main>"
    )
    blocks = parse_html(html)
    assert [(b.lines, b.locator) for b in blocks] == [
        (("عنوان القسم",), "body > main > h2"),
        (("فقرة رابط ومرساة", "سطر ثان"), "body > main > p:nth-of-type(1)"),
        (("نص مباشر",), "body > main > div"),
        (("فقرة داخلية",), "body > main > div > p"),
        (("نص بعد",), "body > main > div"),
        (("عريض كله أيضا",), "body > main > p:nth-of-type(2)"),
    ]
    assert blocks[0].heading_level == 2 and not blocks[0].bold
    assert blocks[1].links == (("رابط", "https://x.org/a"),)
    assert [b.bold for b in blocks] == [False, False, False, False, False, True]


def test_lists_nest_and_an_item_of_several_paragraphs_is_one_block():
    blocks = parse_html(_page(
        "<ul><li>بند أول<ol><li>بند متداخل</li></ol></li><li><p>بند ثان</p><p>تتمته</p></li></ul>"
        "<p>◆ بند بعلامة مكتوبة</p><p>•</p>"
    ))
    assert [(b.lines, b.list_item, b.list_level) for b in blocks] == [
        (("بند أول",), True, 0),
        (("بند متداخل",), True, 1),
        (("بند ثان", "تتمته"), True, 0),
        (("بند بعلامة مكتوبة",), True, 0),
        (("•",), False, 0),
    ]


def test_what_a_page_hides_or_surrounds_is_not_body():
    html = _page(
        "<header><nav><a href='/'>الرئيسية</a></nav><p>اسم الموقع</p><h1>عنوان المقال</h1></header>"
        "<div role='navigation'>قائمة</div><p hidden>مخفي</p><p style='display: none'>مخفي</p>"
        "<p style='visibility:hidden'>مخفي</p><span class='sr-only'>لقارئ الشاشة</span>"
        "<noscript>فعّل البرامج</noscript><template><p>قالب</p></template><script>var a='نص';</script>"
        "<style>p{}</style><form><label>الاسم</label><input value='قيمة'><select><option>خيار</option></select></form>"
        "<article><header><p>رأس المقال</p></header><p>متن</p><footer><p>ذيل المقال</p></footer></article>"
        "<footer><h2>روابط</h2><p>حقوق النشر</p></footer>"
    )
    blocks = parse_html(html)
    assert [(b.text, b.role) for b in blocks] == [
        ("اسم الموقع", "header"),
        ("عنوان المقال", "body"),
        ("الاسم", "body"),
        ("رأس المقال", "body"),
        ("متن", "body"),
        ("ذيل المقال", "body"),
        ("روابط", "footer"),
        ("حقوق النشر", "footer"),
    ]


def test_hints_and_preformatted_text():
    blocks = parse_html(_page(
        "<blockquote><p>اقتباس</p></blockquote><figure><img alt='صورة'><figcaption>شرح الشكل</figcaption></figure>"
        "<pre>  سطر أول\n  سطر ثان</pre><p>نص    عادي\n  ملفوف</p>"
    ))
    assert [(b.lines, b.hint) for b in blocks] == [
        (("اقتباس",), "quote"),
        (("شرح الشكل",), "caption"),
        (("سطر أول", "سطر ثان"), "code"),
        (("نص عادي ملفوف",), None),
    ]


def test_language_of_a_block_when_not_the_documents():
    blocks = parse_html(_page(
        "<p>نص عربي</p><p lang='en'>English text</p><p lang='fr'>نص عربي موسوم خطأً</p>"
        "<p>نص <span lang='en'>with a few English words in it</span></p>"
    ))
    # a declaration whose script contradicts the letters is a producer's default
    assert [b.lang for b in blocks] == [None, "en", None, "en"]
    # a page without a language: every declared language is recorded
    assert [b.lang for b in parse_html(_page("<p lang='ar'>نص</p><p>نص</p>", html_attrs=""))] == ["ar", None]


def test_tables_with_spans_headers_and_direction():
    (caption, table) = parse_html(_page(
        "<table><caption>المشاركون</caption>"
        "<thead><tr><th>الاجتماع</th><th colspan='2'>المشاركون</th></tr></thead>"
        "<tbody><tr><td rowspan='2'>الأول</td><td>9</td><td>4</td></tr>"
        "<tr><td>14</td><td><a href='mailto:a@b.org'>a@b.org</a></td></tr>"
        "<tr><td colspan='3'>المجموع</td></tr><tr><td>وحيد</td></tr></tbody></table>"
    ))
    assert (caption.text, caption.hint) == ("المشاركون", "caption")
    grid = table.table
    assert (grid.n_rows, grid.n_cols, grid.rtl) == (5, 3, True)
    assert [(c.row, c.col, c.lines, c.row_span, c.col_span, c.header) for c in grid.cells] == [
        (0, 0, ("الاجتماع",), 1, 1, True),
        (0, 1, ("المشاركون",), 1, 2, True),
        (1, 0, ("الأول",), 2, 1, False),
        (1, 1, ("9",), 1, 1, False),
        (1, 2, ("4",), 1, 1, False),
        (2, 1, ("14",), 1, 1, False),
        (2, 2, ("a@b.org",), 1, 1, False),
        (3, 0, ("المجموع",), 1, 3, False),
        (4, 0, ("وحيد",), 1, 1, False),
        (4, 1, (), 1, 1, False),
        (4, 2, (), 1, 1, False),
    ]
    assert table.lines == ("الاجتماع", "المشاركون", "الأول", "9", "4", "14", "a@b.org", "المجموع", "وحيد")
    assert table.links == (("a@b.org", "mailto:a@b.org"),)
    assert table.locator == "body > table"
    # direction: the table's own dir, HTML's default (ltr) without any, dir=auto by the first strong letter
    assert parse_html(_page("<table dir='ltr'><tr><td>أ</td><td>ب</td></tr></table>"))[0].table.rtl is False
    assert parse_html(_page("<table><tr><td>أ</td><td>ب</td></tr></table>", html_attrs=""))[0].table.rtl is False
    assert parse_html(_page("<table dir='auto'><tr><td>1</td><td>ب</td></tr></table>", html_attrs=""))[0].table.rtl


def test_layout_tables_are_read_as_content():
    blocks = parse_html(_page(
        "<table><tr><td><h2>عنوان</h2><p>فقرة</p></td><td><p>عمود ثان</p></td></tr></table>"
        "<table><tr><td>خلية وحيدة في عمود</td></tr><tr><td>ثانية</td></tr></table>"
        "<table role='presentation'><tr><td>أ</td><td>ب</td></tr></table>"
    ))
    assert [(b.text, b.table is None, b.locator) for b in blocks] == [
        ("عنوان", True, "body > table:nth-of-type(1) > tbody > tr > td:nth-of-type(1) > h2"),
        ("فقرة", True, "body > table:nth-of-type(1) > tbody > tr > td:nth-of-type(1) > p"),
        ("عمود ثان", True, "body > table:nth-of-type(1) > tbody > tr > td:nth-of-type(2) > p"),
        ("خلية وحيدة في عمود", True, "body > table:nth-of-type(2) > tbody > tr:nth-of-type(1) > td"),
        ("ثانية", True, "body > table:nth-of-type(2) > tbody > tr:nth-of-type(2) > td"),
        ("أ", True, "body > table:nth-of-type(3) > tbody > tr > td:nth-of-type(1)"),
        ("ب", True, "body > table:nth-of-type(3) > tbody > tr > td:nth-of-type(2)"),
    ]


def test_deeply_nested_markup_does_not_exhaust_the_stack():
    html = _page("<div>" * 3000 + "نص عميق" + "</div>" * 3000 + "<p>بعده</p>")
    assert _texts(html.split("<body>")[1].split("</body>")[0]) == ["نص عميق", "بعده"]


def test_a_real_arabic_page():
    """W3C Internationalization: 'الفرق بين التدويل والتوطين' (W3C Document
    License; see SOURCES.md). Values checked by hand against the page."""
    doc = read_source(DATA / "w3c-qa-i18n.ar.html")
    assert doc.format == "html" and doc.encoding == "utf-8" and len(doc.blocks) == 34
    first = doc.blocks[0]
    assert (first.text, first.heading_level, first.role, first.locator) == (
        "الفرق بين التدويل والتوطين", 1, "body", "body > header > h1"
    )
    assert [b.text for b in doc.blocks if b.heading_level == 2] == ["السؤال", "الإجابة", "مزيد من القراءة"]
    assert [b.text for b in doc.blocks if b.heading_level == 3] == ["التوطين", "التدويل", "أهمية التدويل"]
    items = [b for b in doc.blocks if b.list_item]
    assert len(items) == 13
    assert items[0].text == "صياغة الأرقام والتواريخ والأوقات"
    assert items[5].text == (
        "النصوص والرسومات التي تعبر عن كائنات، أو أنشطة، أو مفاهيم والتي قد تفسر بطريقة خاطئة في بعض الثقافات."
    )
    assert items[0].locator == "body > section:nth-of-type(3) > section:nth-of-type(1) > ol > li:nth-of-type(1)"
    assert items[-1].links == (("Internationalization techniques: Authoring HTML & CSS", "/International/techniques/authoring-html"),)
    l10n = next(b for b in doc.blocks if b.text.startswith("يُعرّف مصطلح التوطين"))
    assert not l10n.bold and "تكييف منتج" in l10n.text
    # scripts are not text
    assert not any("getElementById" in b.text or "AUTHORS" in b.text for b in doc.blocks)


def test_pages_without_text_or_without_arabic(tmp_path: Path):
    from pipeline import extract

    empty = tmp_path / "spa.html"
    empty.write_text(_page("<div id='app'></div><script>render('نص')</script><nav>قائمة</nav>"), "utf-8")
    with pytest.raises(EmptySourceError, match="spa.html: the page has no text"):
        read_source(empty)
    english = tmp_path / "en.html"
    english.write_text(_page("<h1>Annual report</h1><p>Meetings of the RCPs.</p>", html_attrs='lang="en"'), "utf-8")
    with pytest.raises(NoArabicTextError, match="en.html"):
        extract(english)
