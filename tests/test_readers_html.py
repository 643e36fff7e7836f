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
    rows = "<tr><td>1</td><td>ب</td></tr><tr><td>2</td><td>ج</td></tr>"
    assert parse_html(_page(f"<table dir='ltr'>{rows}</table>"))[0].table.rtl is False
    assert parse_html(_page(f"<table>{rows}</table>", html_attrs=""))[0].table.rtl is False
    assert parse_html(_page(f"<table dir='auto'>{rows}</table>", html_attrs=""))[0].table.rtl


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


def _kinds(body: str) -> list[tuple[str, bool]]:
    """Each block's text and whether it is a table block."""
    return [(b.text, b.table is not None) for b in parse_html(_page(body))]


@pytest.mark.parametrize(
    "table, layout",
    [
        # the markup says which: ARIA roles, datatable="0", data-table structures
        ("<table role='none'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table datatable='0'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table border='0' role='table'><tr><td>أ</td><td>ب</td></tr></table>", False),
        ("<table border='0' summary='الرسوم'><tr><td>أ</td><td>ب</td></tr></table>", False),
        ("<table border='0'><caption>الرسوم</caption><tr><td>أ</td><td>ب</td></tr></table>", False),
        ("<table border='0'><colgroup><col></colgroup><tr><td>أ</td><td>ب</td></tr></table>", False),
        ("<table border='0'><tr><td>أ</td><td>ب</td></tr><tfoot><tr><td>ج</td><td>د</td></tr></tfoot></table>", False),
        ("<table border='0'><tr><th>أ</th><td>ب</td></tr></table>", False),
        ("<table border='0'><tr><td scope='row'>أ</td><td>ب</td></tr></table>", False),
        # a nested table or a heading: layout
        ("<table border='1'><tr><td><table><tr><td>أ</td></tr></table></td><td>ب</td></tr>"
         "<tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table border='1'><tr><td><h3>أ</h3></td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table border='0'><tr><th>أ</th><td><h3>ب</h3></td></tr><tr><td>ج</td><td>د</td></tr></table>", False),
        # a single row or a single column: layout, even with borders
        ("<table border='1'><tr><td>أ</td><td>ب</td><td>ج</td></tr></table>", True),
        ("<table border='1'><tr><td>أ</td></tr><tr><td>ب</td></tr></table>", True),
        # borders, banded rows, size: data
        ("<table border='1'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", False),
        ("<table border><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", False),
        ("<table border='0' rules='rows'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", False),
        ("<table border='0'><tr><td style='border:1px solid #000'><p>أ</p><p>أ2</p></td>"
         "<td style='border:1px solid #000'>ب</td></tr><tr><td style='border:1px solid #000'>ج</td>"
         "<td style='border:1px solid #000'>د</td></tr></table>", False),
        ("<table border='0'><tr bgcolor='#eeeeee'><td>أ</td><td>ب</td></tr><tr bgcolor='#ffffff'><td>ج</td>"
         "<td>د</td></tr></table>", False),
        ("<table border='0'>" + ("<tr>" + "<td>خ</td>" * 5 + "</tr>") * 2 + "</table>", False),
        # cells holding several blocks: layout
        ("<table><tr><td><p><b>أ</b></p><p>نص أ</p></td><td><p><b>ب</b></p><p>نص ب</p></td></tr>"
         "<tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table><tr><td><ul><li>أ</li><li>ب</li></ul></td><td>ج</td></tr><tr><td>د</td><td>هـ</td></tr></table>", True),
        # declared borderless: small is layout, larger is data; undeclared stays data
        ("<table border='0' cellpadding='0'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table style='border: none'><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", True),
        ("<table border='0'><tr><td style='border:0'>أ</td><td style='border:none'>ب</td></tr>"
         "<tr><td style='border:0px solid'>ج</td><td style='border: 0'>د</td></tr></table>", True),
        ("<table border='0'>" + "<tr><td>أ</td><td>ب</td><td>ج</td></tr>" * 4 + "</table>", False),
        ("<table><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>", False),
    ],
)
def test_layout_tables_are_told_from_data_tables(table: str, layout: bool):
    blocks = parse_html(_page(table))
    assert any(b.table is not None for b in blocks) is not layout
    if layout:
        # read as content: every cell's text, in source order
        assert all(b.table is None for b in blocks) and blocks


def test_an_html_email_of_nested_layout_tables_is_read_in_reading_order():
    """A hand-made e-mail in the shape e-mail builders give (tests/data/html/
    newsletter-email.html, see SOURCES.md): nested borderless tables, a hidden
    preheader, two columns of a bold line and a paragraph, a 2×2 grid of
    cards, a ruled data table, a button and a footer row with the unsubscribe
    link. Values written by hand from the file."""
    doc = read_source(DATA / "newsletter-email.html")
    got = [(b.text, b.role, b.bold, b.table is not None) for b in doc.blocks]
    assert got == [
        ("جمعية الأرض الخضراء", "body", True, False),
        ("النشرة الشهرية – أكتوبر 2025", "body", False, False),
        # the first cell of a right-to-left row is its rightmost: read first
        ("حديقة المدرسة", "body", True, False),
        ("زرع طلاب مدرسة النور 120 شتلة في حديقة المدرسة بمساعدة متطوعي الجمعية.", "body", False, False),
        ("يوم تنظيف الشاطئ", "body", True, False),
        ("جمع 85 متطوعاً أكثر من طن من النفايات من شاطئ العقبة الجنوبي.", "body", False, False),
        ("ورشة السماد المنزلي", "body", True, False),
        ("تعلّم تحويل بقايا المطبخ إلى سماد.", "body", False, False),
        ("ورشة ترشيد المياه", "body", True, False),
        ("طرق بسيطة لخفض استهلاك المياه في البيت.", "body", False, False),
        ("جولة المحمية", "body", True, False),
        ("رحلة عائلية إلى محمية ضانا.", "body", False, False),
        ("مسابقة التصوير", "body", True, False),
        ("صوّر الطبيعة من حولك وشارك.", "body", False, False),
        ("مواعيد الورش", "body", False, False),
        ("ورشة السماد المنزلي السبت 11 أكتوبر 2025 ورشة ترشيد المياه السبت 18 أكتوبر 2025 جولة المحمية "
         "الجمعة 24 أكتوبر 2025", "body", False, True),
        ("سجّل الآن", "body", False, False),
        ("عمّان، الأردن | هاتف: \u200e+962 6 555 0123 | info@ardkhadra.example.org فيسبوك · إنستغرام · إكس "
         "لإلغاء الاشتراك اضغط هنا", "footer", False, False),
    ]
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert (table.n_rows, table.n_cols, table.rtl) == (3, 2, True)
    assert doc.blocks[2].locator.endswith("tr:nth-of-type(3) > td > table > tbody > tr > td:nth-of-type(1) > p:nth-of-type(1)")
    assert doc.blocks[-1].links[-1] == ("اضغط هنا", "https://ardkhadra.example.org/u?id=7731")


def test_an_emails_footer_is_found_by_its_unsubscribe_link():
    body = "<p>" + "نص الرسالة الطويل عن أنشطة الجمعية في هذا الشهر. " * 6 + "</p>"
    # by the link's address, the largest element around it that holds little of the page
    blocks = parse_html(_page(
        body + "<div class='x'><p>جمعية المثال، عمّان</p><p><a href='https://e.org/?u=*|UNSUB|*'>هنا</a></p></div>"
    ))
    assert [b.role for b in blocks] == ["body", "footer", "footer"]
    # by the words right before the link; Campaign Monitor's <unsubscribe> tag
    assert [b.role for b in parse_html(_page(body + "<p>لإلغاء اشتراككم <a href='https://e.org/x'>اضغط هنا</a></p>"))] == [
        "body", "footer"]
    assert [b.role for b in parse_html(_page(body + "<p>جمعية المثال<br><unsubscribe>إلغاء الاشتراك</unsubscribe></p>"))] == [
        "body", "footer"]
    # at the top of the message (before any text): the header
    assert [b.role for b in parse_html(_page("<p><a href='https://e.org/unsubscribe'>Unsubscribe</a></p>" + body))] == [
        "header", "body"]
    # a sentence about cancelling a membership is no unsubscribe link
    sentence = "<p>يمكن إلغاء الاشتراك في النادي في أي وقت بمراسلتنا على <a href='mailto:a@b.org'>البريد</a>.</p>"
    assert [b.role for b in parse_html(_page(body + sentence))] == ["body", "body"]
    # the footer never takes in a heading
    assert [b.role for b in parse_html(_page(
        body + "<div><h2>النشرة</h2><p>جمعية المثال</p><p><a href='https://e.org/unsubscribe'>إلغاء</a></p></div>"
    ))] == ["body", "body", "body", "footer"]


def test_web_page_boilerplate_is_never_body():
    blocks = parse_html(_page(
        "<a class='skip-link' href='#main'>تخطَّ إلى المحتوى</a>"
        "<div class='crumbs'>الرئيسية › الكليات › كلية الهندسة</div>"
        "<main id='main'><h1>كلية الهندسة</h1><p>تأسست الكلية عام 1990.</p>"
        "<p>الرئيسية » الأخبار » خبر</p>"
        "<p><a href='/a'>عن الكلية</a> | <a href='/b'>الأقسام</a> | <a href='/c'>اتصل بنا</a></p>"
        "<p>يمر الطريق بالمدن: القاهرة ← الأقصر ← أسوان</p>"
        "<p>قال المدير: «التعليم أولاً» و«البحث ثانياً» في كلمته.</p>"
        "<div class='card-footer'>تحديث: 2025</div></main>"
        "<div class='cookie'>نستخدم ملفات تعريف الارتباط لتحسين تجربتك.</div>"
        "<div id='onetrust-banner-sdk'><p>نحن نحترم خصوصيتك</p></div>"
        "<div class='consent-bar'>موافقة</div><div class='gdpr-notice'>الخصوصية</div>"
        "<div id='footer'>© 2025 جامعة المثال</div>"
    ))
    assert [(b.text, b.role) for b in blocks] == [
        ("الرئيسية › الكليات › كلية الهندسة", "header"),
        ("كلية الهندسة", "body"),
        ("تأسست الكلية عام 1990.", "body"),
        ("الرئيسية » الأخبار » خبر", "footer"),
        ("عن الكلية | الأقسام | اتصل بنا", "footer"),
        ("يمر الطريق بالمدن: القاهرة ← الأقصر ← أسوان", "body"),
        ("قال المدير: «التعليم أولاً» و«البحث ثانياً» في كلمته.", "body"),
        ("تحديث: 2025", "body"),
        ("© 2025 جامعة المثال", "footer"),
    ]
    # unnamed: a floating or buttoned notice about cookies, a skip link by its words; a menu of
    # links one per line (an old site's side column)
    assert [(b.text, b.role) for b in parse_html(_page(
        "<a href='#c'>تخطَّ إلى المحتوى</a><div style='position: fixed; bottom: 0'>نستخدم ملفات الارتباط.</div>"
        "<table><tr><td width='20%'><a href='/a'>الرئيسية</a><br><a href='/b'>الأخبار</a><br><a href='/c'>الأقسام</a></td>"
        "<td><h1 id='c'>الصفحة</h1><p>يشرح هذا الدليل سياسة ملفات تعريف الارتباط في الموقع.</p>"
        "<div>هل توافق على الكوكيز؟ <button>نعم</button></div>"
        "<p style='position: sticky'>عرض خاص لهذا الأسبوع</p></td></tr></table>"
    ))] == [
        ("الرئيسية الأخبار الأقسام", "header"),
        ("الصفحة", "body"),
        ("يشرح هذا الدليل سياسة ملفات تعريف الارتباط في الموقع.", "body"),
        ("عرض خاص لهذا الأسبوع", "body"),
    ]
    # a wrapper named by the page's state holds the content; a line of contact links is no menu
    assert [(b.text, b.role) for b in parse_html(_page(
        "<div class='page cookies-accepted has-breadcrumbs'><h1>كلية الهندسة</h1><p>نص.</p>"
        "<p><a href='mailto:a@b.org'>a@b.org</a> | <a href='tel:+96265550123'>06 555 0123</a> | "
        "<a href='https://b.org'>الموقع</a></p></div>"
    ))] == [("كلية الهندسة", "body"), ("نص.", "body"), ("a@b.org | 06 555 0123 | الموقع", "body")]
    # breadcrumbs marked as such (class, schema.org) before the content: the page's header
    trail = parse_html(_page(
        "<ol itemscope itemtype='https://schema.org/BreadcrumbList'><li>الجامعة</li><li>الكليات</li></ol>"
        "<p>نص الصفحة.</p>"
    ))
    assert [(b.text, b.role) for b in trail] == [("الجامعة", "header"), ("الكليات", "header"), ("نص الصفحة.", "body")]


def test_an_emails_hidden_preheader_is_not_text():
    assert _texts(
        "<div style='display:block; max-height:0; overflow:hidden'>معاينة</div>"
        "<span style='mso-hide:all'>معاينة</span><div style='opacity:0'>معاينة</div>"
        "<div style='max-height:0'>يظهر</div><p>نص</p>"
    ) == ["يظهر", "نص"]


@pytest.mark.parametrize(
    "body, subtitle",
    [
        ("<h1>العنوان</h1><p class='lead'>سطر تحت العنوان</p><h2>قسم</h2>", "سطر تحت العنوان"),
        ("<h1>العنوان</h1><div class='sub'>سطر تحت العنوان</div>", "سطر تحت العنوان"),
        ("<h1>العنوان</h1><p class='page-subtitle'>سطر تحت العنوان</p>", "سطر تحت العنوان"),
        ("<h1>العنوان</h1><p class='hero__tagline'>سطر تحت العنوان.</p>", "سطر تحت العنوان."),
        ("<hgroup><h1>العنوان</h1><p>سطر تحت العنوان</p></hgroup><p>نص.</p>", "سطر تحت العنوان"),
        ("<header><h1>العنوان</h1><p>سطر تحت العنوان</p></header><p>نص.</p>", "سطر تحت العنوان"),
        ("<header><h1>العنوان</h1><h2>سطر تحت العنوان</h2></header><h2>قسم</h2>", "سطر تحت العنوان"),
        # not marked: no class, a long lead, not right under the first heading, a list item
        ("<h1>العنوان</h1><p>سطر تحت العنوان</p>", None),
        ("<h1>العنوان</h1><p class='lead'>" + "كلمة " * 21 + "</p>", None),
        ("<h1>العنوان</h1><p>نص.</p><p class='lead'>سطر</p>", None),
        ("<p>نص.</p><h1>العنوان</h1><h2>قسم</h2><p class='lead'>سطر</p>", None),
        ("<header><h1>العنوان</h1></header><p>سطر</p>", None),
        ("<h1>العنوان</h1><ul class='lead'><li>سطر</li></ul>", None),
    ],
)
def test_a_lead_the_page_marks_under_its_title_is_a_subtitle(body: str, subtitle: str | None):
    blocks = parse_html(_page(body))
    marked = [b for b in blocks if b.hint == "subtitle"]
    assert [b.text for b in marked] == ([subtitle] if subtitle else [])
    assert all(b.role == "body" for b in marked)


def test_an_email_record_keeps_its_headings_and_its_footer_contacts(tmp_path: Path):
    """End to end: the layout tables give sections, not a table; the footer
    is page furniture whose links are still contacts."""
    from pipeline import extract

    record = extract(DATA / "newsletter-email.html")
    assert record.document.title == "جمعية الأرض الخضراء"
    assert record.document.subtitle == "النشرة الشهرية – أكتوبر 2025"
    headings = [s.heading for s in record.sections if s.heading]
    assert headings[:2] == ["حديقة المدرسة", "يوم تنظيف الشاطئ"] and "مواعيد الورش" in headings
    assert len(record.tables) == 1 and record.tables[0].n_rows == 3
    assert [f.role for f in record.page_furniture] == ["footer"]
    assert "لإلغاء الاشتراك" in record.page_furniture[0].text
    body = " ".join(b.text for s in record.sections for b in s.blocks)
    assert "لإلغاء الاشتراك" not in body
    values = {c.value for c in record.contacts}
    assert {"https://www.facebook.com/ardkhadra.jo", "https://x.com/ardkhadra_jo", "info@ardkhadra.example.org",
            "+96265550123"} <= values


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


@pytest.mark.parametrize(
    "html, want",
    [
        # a key figure styled as a block over its label: a number and a word meet at the element's edge
        ('<div class="kpi"><span class="n">١٢٬٤٥٠</span>أسرة مستفيدة</div>', "١٢٬٤٥٠ أسرة مستفيدة"),
        ('<div class="kpi">يتيم مكفول <span class="n">3,200</span></div>', "يتيم مكفول 3,200"),
        # LibreOffice spans the digits after the conjunction و: no space there
        ("<p>4 منتديات و<span lang=\"en\">5</span> عمليات</p>", "4 منتديات و5 عمليات"),
        # inside one text node, or Latin around a subscript, nothing is added
        ("<p>في العام ٢٠٢٤م والرقم <b>12</b>٪</p>", "في العام ٢٠٢٤م والرقم 12٪"),
        ("<p>H<sub>2</sub>O</p>", "H2O"),
        # abbreviations and suffixes written against a number stay on it
        ("<p>تأسست عام <b>١٩٩٨</b>م في <span>1445</span>هـ والمرتبة <b>٣</b>ـة</p>", "تأسست عام ١٩٩٨م في 1445هـ والمرتبة ٣ـة"),
    ],
)
def test_a_number_and_an_arabic_word_meeting_at_an_element_edge_are_two_words(html, want):
    assert [b.text for b in parse_html(html)] == [want]
