"""Generate the table fixtures of this folder (committed next to this script).

Run from the repository root:

    uv run --with weasyprint python tests/data/tables/make_tables.py [NAME ...]

Without NAME every fixture is made; a NAME is a key of ``FIXTURES``.

Tools it needs (Debian 12 packages; WeasyPrint comes through ``uv run --with``):
``chromium`` (headless printing), ``libreoffice-writer`` (``soffice``; the
Word file it converts is written with python-docx, a project dependency), the
fonts ``fonts-noto-core`` (Noto Naskh Arabic) and ``fonts-hosny-amiri``.

Each fixture is a short Arabic document around one or two tables of a kind
the PDF reader must find (``tests/test_pdf_tables.py`` checks their cells by
hand): ruled with a shaded header and merged cells (Chromium), a roster
across pages with its header repeated (Chromium), a label | value summary
and an indicator table whose header is not repeated on the next page
(LibreOffice), borderless tables beside prose, a list and a two-column
section that must stay text (WeasyPrint), tables with horizontal rules only,
vertical rules only or banded rows (Chromium), lists, fields, text
columns and a framed layout that are no tables (Chromium), a borderless
label | value table with a note over both columns (Word through
LibreOffice, Chromium, WeasyPrint; the HTML one with a column of times set
left to right), and a web page's table broken by a page break under a
position:fixed cookie banner printed over it (Chromium, WeasyPrint).
"""

from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pdf" / "hidden"))
from make_hidden import chromium, libreoffice, weasyprint  # noqa: E402  (the hidden fixtures' producers)


def page(body: str, css: str, title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def rows_html(rows: list[list[str]], cell: str = "td") -> str:
    return "\n".join("<tr>" + "".join(f"<{cell}>{html.escape(c)}</{cell}>" for c in row) + "</tr>" for row in rows)


# --------------------------------------------------------------------------
# Chromium: a ruled timetable with a shaded header, merged cells, an empty cell


TIMETABLE_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Naskh Arabic"; font-size: 12pt; line-height: 1.5; }
h1 { font-size: 18pt; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin: 10pt 0; }
th, td { border: 1px solid #333; padding: 4pt 6pt; text-align: right; vertical-align: top; }
th { background: #d9d9d9; }
"""


def timetable() -> str:
    body = """
<h1>الجدول الدراسي للفصل الأول</h1>
<p>يعرض الجدول التالي مواعيد المحاضرات في القاعة ٣ خلال الأسبوع الأول من الفصل.</p>
<table>
<thead><tr><th>اليوم</th><th>الفترة الأولى</th><th>الفترة الثانية</th><th>الفترة الثالثة</th></tr></thead>
<tbody>
<tr><td rowspan="2">الأحد</td><td>الرياضيات</td><td colspan="2">مختبر الفيزياء (Physics Lab)</td></tr>
<tr><td>اللغة العربية</td><td>الكيمياء</td><td></td></tr>
<tr><td>الاثنين</td><td colspan="3">رحلة ميدانية إلى المتحف الوطني</td></tr>
<tr><td>الثلاثاء</td><td>CS 101: Python</td><td>مُقَرَّر التاريخ</td><td>الجغرافيا 2</td></tr>
</tbody></table>
<p>تبدأ المحاضرات في الساعة الثامنة صباحاً، ويرجى الالتزام بالمواعيد المحددة في الجدول أعلاه.</p>
"""
    return page(body, TIMETABLE_CSS, "الجدول الدراسي")


# --------------------------------------------------------------------------
# Chromium: a roster across pages, <thead> repeated on each page, set like
# the body rows (not bold, not shaded)

FIRST = ["أحمد", "فاطمة", "محمد", "مريم", "خالد", "سارة", "يوسف", "ليلى", "عمر", "نور"]
FAMILY = ["العلي", "الحسن", "المصري", "الخطيب", "السيد", "الشامي", "النجار"]
ORGS = ["وزارة العمل", "المنظمة الدولية للهجرة", "جامعة القاهرة", "الهلال الأحمر", "UNHCR"]
COUNTRIES = ["مصر", "الأردن", "تونس", "المغرب", "لبنان", "العراق"]
ROSTER_ROWS = 70


def roster_rows() -> list[list[str]]:
    """Row i (1-based): number, name, organisation, country, by fixed steps
    through the lists above (the test writes its checked rows by hand)."""
    return [
        [str(i), f"{FIRST[(i - 1) % 10]} {FAMILY[(i - 1) % 7]}", ORGS[(i - 1) % 5], COUNTRIES[(i - 1) % 6]]
        for i in range(1, ROSTER_ROWS + 1)
    ]


ROSTER_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Naskh Arabic"; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #000; padding: 2pt 5pt; text-align: right; }
th { font-weight: normal; }  /* the header is known only by its repetition on each page */
tr { break-inside: avoid; }
"""


def roster() -> str:
    body = (
        "<h1>قائمة المشاركين في ورشة العمل الإقليمية</h1>\n"
        "<p>تضم القائمة التالية أسماء المشاركين وجهاتهم وبلدانهم بحسب ترتيب التسجيل.</p>\n"
        "<table><thead>" + rows_html([["م", "الاسم", "الجهة", "البلد"]], "th") + "</thead><tbody>\n"
        + rows_html(roster_rows()) + "\n</tbody></table>\n"
        "<p>أعدت القائمة أمانة الورشة، وتُرسل التصحيحات إلى منسق البرنامج.</p>\n"
    )
    return page(body, ROSTER_CSS, "قائمة المشاركين")


# --------------------------------------------------------------------------
# LibreOffice (a Word file made with python-docx): a label | value summary,
# and an indicator table with a shaded header that runs onto the next page
# without repeating it

SUMMARY = [
    ["اسم المشروع", "تعزيز قدرات إدارة الهجرة"],
    ["الجهة المنفذة", "المنظمة الدولية للهجرة (IOM)"],
    ["مدة المشروع", "24 شهراً"],
    ["الميزانية", "1,250,000 دولار أمريكي"],
    ["تاريخ البدء", "1 يناير 2024"],
]
INDICATOR_HEADER = ["الرقم", "المؤشر", "خط الأساس", "الهدف"]
INDICATORS = [[str(i), f"عدد المستفيدين من النشاط {i}", str(i * 10), str(i * 12)] for i in range(1, 41)]


def _rtl_paragraph(paragraph, text: str, *, bold: bool = False, size: float = 12, font: str = "Noto Naskh Arabic"):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "start")
    ppr.append(jc)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    rpr = run._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)
    rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(size * 2)))
        rpr.append(el)
    rpr.append(OxmlElement("w:rtl"))


def _rtl_table(doc, rows: list[list[str]], *, bold_first_col: bool = False, header: bool = False,
               repeat_header: bool = False, widths: list[float] | None = None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            if widths:
                cell.width = Cm(widths[c])
            bold = (header and r == 0) or (bold_first_col and c == 0)
            _rtl_paragraph(cell.paragraphs[0], text, bold=bold, size=11)
            if header and r == 0:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:fill"), "D9D9D9")
                cell._tc.get_or_add_tcPr().append(shd)
        if header and r == 0 and repeat_header:
            trpr = table.rows[0]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
    return table


def summary_docx(path: Path) -> None:
    import docx

    doc = docx.Document()
    _rtl_paragraph(doc.add_paragraph(), "ملخص المشروع", bold=True, size=18)
    _rtl_paragraph(doc.add_paragraph(), "يلخص الجدول التالي بيانات المشروع الأساسية كما وردت في وثيقة التمويل.")
    _rtl_table(doc, SUMMARY, bold_first_col=True, widths=[4.5, 11.5])
    _rtl_paragraph(doc.add_paragraph(), "مؤشرات الأداء", bold=True, size=15)
    _rtl_paragraph(doc.add_paragraph(), "يبين الجدول التالي مؤشرات الأداء الرئيسية وقيمها المستهدفة في نهاية المشروع.")
    _rtl_table(doc, [INDICATOR_HEADER] + INDICATORS, header=True, widths=[1.6, 8.4, 3.0, 3.0])
    _rtl_paragraph(doc.add_paragraph(), "تُراجع المؤشرات كل ستة أشهر مع الشركاء.")
    doc.save(path)


def libreoffice_docx(build, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf.stem + ".docx")
        build(src)
        libreoffice(src, pdf)


# --------------------------------------------------------------------------
# WeasyPrint: borderless tables beside prose, a list and two columns

BORDERLESS_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Amiri"; font-size: 12pt; line-height: 1.6; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 10pt 0 4pt; }
p { text-align: justify; margin: 0 0 6pt; }
table { border-collapse: collapse; margin: 6pt 0 10pt; }
th, td { padding: 3pt 10pt; text-align: right; vertical-align: top; }
td:first-child { max-width: 100pt; }
.cols { column-count: 2; column-gap: 24pt; text-align: justify; }
"""

ACTIVITIES = [
    ["النشاط", "المكان", "التاريخ", "المشاركون"],
    ["ورشة تدريبية", "عمّان", "12-14 مارس", "35"],
    ["Online Webinar", "عن بعد", "3 أبريل", "120"],
    ["زيارة ميدانية", "إربد", "20 أبريل", "18"],
    ["اجتماع تنسيقي مع الشركاء الإقليميين", "جنيف", "5 مايو", "22"],
    ["مؤتمر إقليمي", "تونس", "17 يونيو", "210"],
]


def borderless() -> str:
    head = "<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in ACTIVITIES[0]) + "</tr>"
    prose = (
        "تعمل الشبكة الإقليمية على تبادل الخبرات بين الدول الأعضاء في مجالات إدارة الحدود وحماية المهاجرين "
        "وتيسير الهجرة النظامية، وتعقد لهذا الغرض اجتماعات دورية يشارك فيها ممثلو الحكومات والمنظمات الدولية "
        "والمجتمع المدني، وتصدر عنها توصيات تتابعها الأمانة مع الدول الأعضاء حتى الاجتماع التالي."
    )
    body = f"""
<h1>التقرير السنوي للأنشطة</h1>
<p>{prose}</p>
<h2>أنشطة العام</h2>
<table>{head}
{rows_html(ACTIVITIES[1:])}
</table>
<p>شملت الأنشطة المذكورة أعلاه ممثلين عن اثنتي عشرة دولة، إضافة إلى خبراء من المنظمات الشريكة.</p>
<h2>أولويات العام المقبل</h2>
<ul>
<li>توسيع برامج التدريب لتشمل موظفي الحدود.</li>
<li>إعداد دليل إجرائي لحماية المهاجرين.</li>
<li>تعزيز التعاون مع الجامعات ومراكز البحث.</li>
</ul>
<div class="cols"><p>{prose}</p><p>{prose}</p></div>
"""
    return page(body, BORDERLESS_CSS, "التقرير السنوي")


# --------------------------------------------------------------------------
# Chromium: tables without a full grid: horizontal rules only, vertical
# rules only, banded (shaded) rows without rules

STYLES_CSS = """
@page { size: A4; margin: 20mm; }
body { font-family: "Noto Naskh Arabic"; font-size: 11pt; }
h2 { font-size: 14pt; margin: 14pt 0 4pt; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 3pt 6pt; text-align: right; }
table.h td, table.h th { border-bottom: 0.75pt solid #000; }
table.h thead th { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }
table.v td + td, table.v th + th { border-right: 0.75pt solid #000; }
table.b tbody tr:nth-child(odd) { background: #e8e8e8; }
table.b th { background: #555; color: white; }
"""

STYLE_TABLES = {
    "h": (["المدينة", "البلد", "السكان"], [["القاهرة", "مصر", "22 مليون"], ["عمّان", "الأردن", "4 ملايين"],
                                         ["تونس", "تونس", "2.7 مليون"], ["الرباط", "المغرب", "1.9 مليون"]]),
    "v": (["الدورة", "المدة", "اللغة"], [["إدارة المشاريع", "5 أيام", "العربية"], ["Data Analysis", "3 أيام", "English"],
                                       ["القيادة", "يومان", "العربية"], ["الإسعافات الأولية", "يوم واحد", "العربية"]]),
    "b": (["الشهر", "الزوار", "الطلبات"], [["يناير", "1,200", "310"], ["فبراير", "980", "275"], ["مارس", "1,450", "402"],
                                         ["أبريل", "1,105", "298"], ["مايو", "1,320", "350"]]),
}


def styles() -> str:
    parts = ["<h1>جداول بأنماط مختلفة</h1>"]
    for cls, title in (("h", "خطوط أفقية فقط"), ("v", "خطوط عمودية فقط"), ("b", "صفوف مظللة بالتناوب")):
        head, rows = STYLE_TABLES[cls]
        parts.append(f"<h2>{title}</h2>")
        parts.append(f'<table class="{cls}"><thead>{rows_html([head], "th")}</thead><tbody>{rows_html(rows)}</tbody></table>')
    return page("\n".join(parts), STYLES_CSS, "جداول")


# --------------------------------------------------------------------------
# Chromium: text laid out in columns that is no table

NOT_TABLES_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Naskh Arabic"; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 17pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; }
p { text-align: justify; margin: 0 0 6pt; }
ol.wide { list-style: none; padding: 0; }
ol.wide li { display: flex; gap: 24pt; }
ol.wide li span.n { width: 24pt; flex: none; }
ul.wide { list-style: none; padding: 0; }
ul.wide li::before { content: "●"; display: inline-block; width: 30pt; }
.fields div { display: flex; }
.fields b { width: 120pt; flex: none; }
.layout { display: flex; gap: 28pt; }
.layout .side { width: 130pt; flex: none; }
.countries { column-count: 3; column-gap: 30pt; }
.countries div::before { content: "◆ "; }
.card { border: 1pt solid #555; margin-top: 10pt; display: grid; grid-template-columns: 1fr 1fr; }
.card h3 { grid-column: 1 / 3; margin: 0; padding: 4pt 8pt; font-size: 15pt; border-bottom: 1pt solid #555; }
.card div { padding: 4pt 8pt; }
.card div + div { border-right: 1pt solid #555; }
"""

COUNTRIES3 = ["مصر", "الأردن", "تونس", "المغرب", "لبنان", "العراق", "اليمن", "ليبيا", "السودان"]


def not_tables() -> str:
    prose = (
        "تعمل الأمانة مع الدول الأعضاء على إعداد خطط وطنية لإدارة الهجرة، وتقدم لها الدعم الفني والتدريب، "
        "وتتابع تنفيذ التوصيات الصادرة عن الاجتماعات الإقليمية بالتنسيق مع الشركاء الدوليين."
    )
    steps = ["تسجيل المشاركين في المنصة الإلكترونية", "مراجعة الطلبات من لجنة الاختيار",
             "إرسال الدعوات الرسمية إلى الجهات", "تنظيم الجلسات التحضيرية عن بعد"]
    numbered = "\n".join(f'<li><span class="n">{i}.</span><span>{html.escape(t)}</span></li>' for i, t in enumerate(steps, 1))
    bullets = "\n".join(f"<li>{html.escape(t)}</li>" for t in steps)
    fields = "\n".join(
        f"<div><b>{html.escape(a)}:</b><span>{html.escape(b)}</span></div>"
        for a, b in [("المضيف", "المنظمة الدولية للهجرة"), ("المكان", "جنيف، سويسرا"), ("التاريخ", "10-11 أكتوبر 2017"),
                     ("اللغة", "العربية والإنجليزية")]
    )
    side = "<br>".join(html.escape(t) for t in ["الأمانة العامة", "شارع الجامعة 17", "عمّان 11942", "الأردن", "هاتف 4625 555 6 962+"])
    countries = "\n".join(f"<div>{html.escape(c)}</div>" for c in COUNTRIES3)
    body = f"""
<h1>دليل المشاركين</h1>
<p>{prose}</p>
<h2>خطوات التسجيل</h2>
<ol class="wide">
{numbered}
</ol>
<h2>مهام الأمانة</h2>
<ul class="wide">
{bullets}
</ul>
<h2>بيانات الاجتماع</h2>
<div class="fields">
{fields}
</div>
<h2>الدول المشاركة</h2>
<div class="countries">
{countries}
</div>
<h2>للتواصل</h2>
<div class="layout"><div class="side">{side}</div><div><p>{prose}</p><p>{prose}</p></div></div>
<div class="card"><h3>رسالة الأمانة</h3><div><p>{prose}</p></div><div><p>{prose}</p></div></div>
"""
    return page(body, NOT_TABLES_CSS, "دليل المشاركين")


# --------------------------------------------------------------------------
# A borderless label | value spec table whose last row is one note over both
# columns: from Word (python-docx, no borders, bidiVisual, the template's
# paragraph spacing: every row and paragraph at one pitch) through
# LibreOffice, and from HTML through Chromium and WeasyPrint

SPECS = [
    ["الوزن", "1.2 كيلوغرام"],
    ["الأبعاد", "30 × 20 × 5 سم"],
    ["سعة البطارية", "5000 مللي أمبير"],
    ["الشاشة", "10.1 بوصة IPS"],
    ["اللون", "رمادي فضي"],
]
SPECS_NOTE = "* تختلف الألوان المتوفرة من متجر إلى آخر"


def _plain_paragraph(paragraph, text: str, *, bold: bool = False, size: float | None = None) -> None:
    """A right-to-left paragraph in the template's style (its spacing kept)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    run = paragraph.add_run(text)
    rpr = run._r.get_or_add_rPr()
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    rpr.append(OxmlElement("w:rtl"))
    if size:
        run.font.size = Pt(size)
        complex_size = OxmlElement("w:szCs")
        complex_size.set(qn("w:val"), str(int(size * 2)))
        rpr.append(complex_size)


def spec_docx(path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement

    doc = docx.Document()
    _plain_paragraph(doc.add_paragraph(), "جهاز لوحي تعليمي للمدارس", bold=True, size=20)
    _plain_paragraph(doc.add_paragraph(), "صُمم الجهاز لطلاب المرحلة الابتدائية ويأتي مع غطاء واقٍ وقلم.")
    _plain_paragraph(doc.add_paragraph(), "البيانات الفنية", bold=True)
    table = doc.add_table(rows=len(SPECS) + 1, cols=2)  # the template's table style: no borders
    table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    for r, (label, value) in enumerate(SPECS):
        _plain_paragraph(table.cell(r, 0).paragraphs[0], label, bold=True)
        _plain_paragraph(table.cell(r, 1).paragraphs[0], value)
    note = table.cell(len(SPECS), 0).merge(table.cell(len(SPECS), 1))
    _plain_paragraph(note.paragraphs[0], SPECS_NOTE)
    _plain_paragraph(doc.add_paragraph(), "طريقة الطلب", bold=True)
    _plain_paragraph(doc.add_paragraph(), "يُطلب الجهاز من الموزعين المعتمدين أو عبر موقع الشركة.")
    doc.save(path)


SPEC_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Naskh Arabic"; font-size: 11pt; line-height: 1.6; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; }
table.spec { border-collapse: collapse; margin: 4pt 0 8pt; }
table.spec td { padding: 3pt 0 3pt 40pt; text-align: right; vertical-align: top; }
table.spec th { padding: 3pt 0 3pt 40pt; text-align: right; font-weight: bold; }
table.times { border-collapse: collapse; }
table.times td, table.times th { border: 0.75pt solid #333; padding: 2pt 8pt; text-align: right; }
td.ltr { direction: ltr; }  /* a column of times set left to right; the last row's is not */
"""


def spec_html() -> str:
    rows = "\n".join(f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in SPECS)
    body = f"""
<h1>جهاز لوحي تعليمي للمدارس</h1>
<p>صُمم الجهاز لطلاب المرحلة الابتدائية ويأتي مع غطاء واقٍ وقلم.</p>
<h2>البيانات الفنية</h2>
<table class="spec">
{rows}
<tr><td colspan="2">{html.escape(SPECS_NOTE)}</td></tr>
</table>
<h2>طريقة الطلب</h2>
<p>يُطلب الجهاز من الموزعين المعتمدين أو عبر موقع الشركة.</p>
<h2>مواعيد العرض في المعرض</h2>
<table class="times">
<thead><tr><th>الموعد</th><th>العرض</th></tr></thead>
<tbody>
<tr><td class="ltr">09:00 – 10:30</td><td>تعريف بالجهاز</td></tr>
<tr><td class="ltr">11:15 – 12:45</td><td>تجربة عملية للطلاب</td></tr>
<tr><td>14:00 – 15:30</td><td>أسئلة المعلمين</td></tr>
</tbody></table>
"""
    return page(body, SPEC_CSS, "جهاز لوحي")


# --------------------------------------------------------------------------
# A web page printed: a ruled table broken by a page break (the browser
# repeats its <thead> on the next page), cells over two rows and two
# columns, and a position:fixed cookie banner with a button that the
# printer draws at the foot of every page, over the table

COURSES_HEAD = ["رمز المقرر", "عنوان المقرر", "الوحدات", "المستوى"]
COURSES = [
    ["ENG201", "الميكانيكا الهندسية", "4", "الثاني"],
    ["ENG202", "الدوائر الكهربائية (1)", "3", None],
    ["ENG203", "الرسم الهندسي", "2", None],
    ["ENG301", "انتقال الحرارة", "3", "الثالث"],
    ["ENG302", "ميكانيكا الموائع", "4", None],
]

BANNER_CSS = """
body { font-family: "Noto Naskh Arabic"; font-size: 11pt; line-height: 1.6; margin: 0; }
.top { background: #1d4e89; color: #fff; padding: 6px 20px; }
main { padding: 0 20px; }
h1 { font-size: 20pt; margin: 8pt 0 4pt; }
h2 { font-size: 14pt; margin: 12pt 0 4pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
th, td { border: 1px solid #444; padding: 3px 6px; font-size: 10pt; text-align: right; }
th { background: #e3e9f2; }
.banner { position: fixed; bottom: 0; left: 0; right: 0; background: #2b2b2b; color: #fff; padding: 8px; font-size: 9pt; }
.end { font-size: 9.5pt; border-top: 1px solid #999; margin-top: 14pt; padding: 6px 20px; }
"""


def courses_banner(filler: int, short: int = 0) -> str:
    """The page; ``filler`` paragraphs of two lines and ``short`` of one
    before the table place its page break (between ENG203 and ENG301)."""
    rows = []
    for code, title, units, level in COURSES:
        span = ""
        if level is not None:
            n = 1 + sum(1 for _ in _following_none(level, code))
            span = f'<td rowspan="{n}">{html.escape(level)}</td>' if n > 1 else f"<td>{html.escape(level)}</td>"
        rows.append(f"<tr><td>{code}</td><td>{html.escape(title)}</td><td>{units}</td>{span}</tr>")
    rows.append('<tr><td colspan="2">مجموع الوحدات</td><td>16</td><td></td></tr>')
    para = ("يتعرف الطالب في هذه المرحلة على أسس التصميم الهندسي ويطبقها في مشروعات صغيرة داخل المختبرات، "
            "ويشارك في زيارات ميدانية إلى المصانع والمواقع الإنشائية بإشراف أعضاء هيئة التدريس.")
    filler_html = "\n".join([f"<p>{para}</p>"] * filler + ["<p>وتُقدَّم المقررات باللغة العربية.</p>"] * short)
    body = f"""
<div class="top">الصفحة الرئيسية &nbsp; البرامج &nbsp; اتصل بنا</div>
<main>
<h1>دليل برنامج الهندسة الميكانيكية</h1>
<h2>عن البرنامج</h2>
{filler_html}
<h2>مقررات السنة الثانية والثالثة</h2>
<table>
<thead><tr>{"".join(f"<th>{html.escape(c)}</th>" for c in COURSES_HEAD)}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<h2>التسجيل</h2>
<p>يفتح باب التسجيل في الأسبوع الأول من شهر سبتمبر من كل عام.</p>
</main>
<div class="end">جميع الحقوق محفوظة لكلية الهندسة 2025</div>
<div class="banner">يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربة التصفح وتحليل الزيارات. <button>قبول</button></div>
"""
    return page(body, BANNER_CSS, "دليل البرنامج")


def _following_none(level: str, code: str):
    """The rows after ``code`` that the level cell of ``code`` covers (level ``None``)."""
    i = [c[0] for c in COURSES].index(code)
    for row in COURSES[i + 1 :]:
        if row[3] is not None:
            return
        yield row


FIXTURES = {
    "chromium-timetable-merged": (chromium, timetable),
    "chromium-roster-multipage": (chromium, roster),
    "libreoffice-summary-indicators": (libreoffice_docx, lambda: summary_docx),
    "weasyprint-borderless-activities": (weasyprint, borderless),
    "chromium-not-tables": (chromium, not_tables),
    "chromium-rules-and-bands": (chromium, styles),
    "libreoffice-spec-borderless": (libreoffice_docx, lambda: spec_docx),
    "chromium-spec-borderless": (chromium, spec_html),
    "weasyprint-spec-borderless": (weasyprint, spec_html),
    "chromium-courses-banner": (chromium, lambda: courses_banner(11)),
    "weasyprint-courses-banner": (weasyprint, lambda: courses_banner(10, 1)),
}


def main(names: list[str]) -> None:
    for name, (make, build) in FIXTURES.items():
        if names and name not in names:
            continue
        pdf = HERE / f"{name}.pdf"
        make(build(), pdf)
        print(f"{pdf.relative_to(HERE)}: {pdf.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
