"""DOCX reader: WordprocessingML (ECMA-376 Part 1) into blocks.

Most inputs are small packages written here by hand, one per kind of
variation (styles, numbering, complex-script properties, merged cells, text
boxes, headers); the real files are the seed brochure and an Arabic document
by another publisher made by LibreOffice and pandoc (see ``data/docx``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.errors import CorruptDocxError, EmptySourceError
from pipeline.read import read_source

DATA = Path(__file__).resolve().parent / "data" / "docx"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (
    W_NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = f"""<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:szCs w:val="28"/>
<w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="عنوان الاجتماع"/><w:basedOn w:val="Outline1"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline1"><w:name w:val="Outline One"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
</w:styles>"""
NUMBERING = f"""<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def make_docx(path: Path, body: str, *, header: str | None = None, footer: str | None = None,
              links: dict[str, str] | None = None) -> Path:
    """A minimal Word package: ``body`` is the content of ``w:body``."""
    rels = [
        f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>',
        f'<Relationship Id="rIdNum" Type="{REL}/numbering" Target="numbering.xml"/>',
    ]
    overrides = [
        ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
        ("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"),
    ]
    parts = {"word/styles.xml": STYLES, "word/numbering.xml": NUMBERING}
    sect = ""
    for kind, content in (("header", header), ("footer", footer)):
        if content is None:
            continue
        tag = "hdr" if kind == "header" else "ftr"
        parts[f"word/{kind}1.xml"] = f"<w:{tag} {NS}>{content}</w:{tag}>"
        rels.append(f'<Relationship Id="rId{kind}" Type="{REL}/{kind}" Target="{kind}1.xml"/>')
        overrides.append((f"/word/{kind}1.xml", f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"))
        sect += f'<w:{kind}Reference w:type="default" r:id="rId{kind}"/>'
    for rid, url in (links or {}).items():
        rels.append(f'<Relationship Id="{rid}" Type="{REL}/hyperlink" Target="{url}" TargetMode="External"/>')
    parts["word/document.xml"] = f"<w:document {NS}><w:body>{body}<w:sectPr>{sect}</w:sectPr></w:body></w:document>"
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels)
        + "</Relationships>"
    )
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + content)
    return path


def p(text: str, *, style: str | None = None, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    style_el = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f'<w:p><w:pPr>{style_el}{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def read(tmp_path: Path, body: str, **kw):
    return read_source(make_docx(tmp_path / "doc.docx", body, **kw))


def test_headings_from_styles_and_outline_levels(tmp_path: Path):
    doc = read(tmp_path, "".join([
        p("عنوان من اسم النمط", style="Heading2"),
        p("عنوان من مستوى مخطط النمط الأب", style="MyTitle"),
        p("عنوان من مستوى مخطط مباشر", ppr='<w:outlineLvl w:val="2"/>'),
        p("نص أساسي صراحة", style="Heading2", ppr='<w:outlineLvl w:val="9"/>'),
        p("فقرة"),
    ]))
    assert [(b.text, b.heading_level, b.locator) for b in doc.blocks] == [
        ("عنوان من اسم النمط", 2, "body/p[1]"),
        ("عنوان من مستوى مخطط النمط الأب", 1, "body/p[2]"),
        ("عنوان من مستوى مخطط مباشر", 3, "body/p[3]"),
        ("نص أساسي صراحة", None, "body/p[4]"),
        ("فقرة", None, "body/p[5]"),
    ]
    assert doc.format == "docx"


def test_lists_from_numbering_direct_or_by_style(tmp_path: Path):
    num = '<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr>'
    doc = read(tmp_path, "".join([
        p("بند بنمط القائمة", style="ListBullet"),
        p("بند متداخل", ppr=num.format(1, 1)),
        p("ترقيم بلا علامة", ppr=num.format(0, 2)),
        p("ترقيم ألغي", ppr=num.format(0, 0)),
        p("◆ بند مكتوب بعلامة"),
    ]))
    assert [(b.text, b.list_item, b.list_level) for b in doc.blocks] == [
        ("بند بنمط القائمة", True, 0),
        ("بند متداخل", True, 1),
        ("ترقيم بلا علامة", False, 0),
        ("ترقيم ألغي", False, 0),
        ("بند مكتوب بعلامة", True, 0),
    ]


def test_bold_size_and_language_use_complex_script_properties_for_arabic(tmp_path: Path):
    doc = read(tmp_path, "".join([
        # w:b alone does not make Arabic bold in Word; w:bCs does
        p("نص عربي", rpr="<w:b/>"),
        p("نص عربي عريض", rpr="<w:bCs/>"),
        p("Latin bold", rpr="<w:b/>"),
        p("عنوان", style="Heading2"),
        '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>نص </w:t></w:r><w:r><w:t>مختلط</w:t></w:r></w:p>',
        p("English words here", rpr='<w:lang w:val="en-GB"/>'),
        p("نص عربي بحجم", rpr='<w:szCs w:val="36"/><w:sz w:val="20"/>'),
    ]))
    assert [b.bold for b in doc.blocks] == [False, True, True, True, False, False, False]
    # sizes in points from half-points: szCs for Arabic, sz for Latin
    assert [b.font_size for b in doc.blocks] == [14.0, 14.0, 12.0, 14.0, 14.0, 12.0, 18.0]
    # the document's language is Arabic (declared for most letters); en-GB differs
    assert [b.lang for b in doc.blocks] == [None, None, "en-US", None, None, "en-GB", None]


def test_runs_breaks_fields_links_and_tracked_changes(tmp_path: Path):
    body = (
        '<w:p><w:r><w:t>السطر الأول</w:t><w:br/><w:t>السطر</w:t><w:tab/><w:t>الثاني</w:t></w:r>'
        '<w:del><w:r><w:delText>محذوف</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t xml:space="preserve"> مضاف</w:t></w:r></w:ins></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">الموقع: </w:t></w:r>'
        '<w:hyperlink r:id="rIdLink"><w:r><w:t>www.iom.int</w:t></w:r></w:hyperlink>'
        '<w:hyperlink w:anchor="top"><w:r><w:t xml:space="preserve"> أعلى</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">البريد: </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:grcp@iom.int" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>grcp@iom.int</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent>' + p("داخل عنصر تحكم") + '</w:sdtContent></w:sdt>'
    )
    doc = read(tmp_path, body, links={"rIdLink": "https://www.iom.int/"})
    assert [b.lines for b in doc.blocks] == [
        ("السطر الأول", "السطر الثاني مضاف"),
        ("الموقع: www.iom.int أعلى",),
        ("البريد: grcp@iom.int",),
        ("داخل عنصر تحكم",),
    ]
    assert doc.blocks[0].joins == ()
    assert doc.blocks[1].links == (("www.iom.int", "https://www.iom.int/"),)
    assert doc.blocks[2].links == (("grcp@iom.int", "mailto:grcp@iom.int"),)
    # the empty paragraph counts in the locator numbering
    assert doc.blocks[3].locator == "body/p[5]"


def _tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def test_tables_with_merged_cells_header_rows_and_direction(tmp_path: Path):
    table = (
        '<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + _tc("الاجتماع") + _tc("المشاركون", '<w:gridSpan w:val="2"/>') + "</w:tr>"
        "<w:tr>" + _tc("الأول", '<w:vMerge w:val="restart"/>') + _tc("9") + _tc("4") + "</w:tr>"
        "<w:tr>" + _tc("", "<w:vMerge/>") + _tc("14") + _tc("3") + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("المجموع", '<w:gridSpan w:val="2"/>') + "</w:tr>"
        "</w:tbl>"
    )
    doc = read(tmp_path, p("قبل الجدول") + table)
    block = doc.blocks[1]
    assert block.locator == "body/tbl[1]"
    grid = block.table
    assert (grid.n_rows, grid.n_cols, grid.rtl) == (4, 3, True)
    assert [(c.row, c.col, c.lines, c.row_span, c.col_span, c.header) for c in grid.cells] == [
        (0, 0, ("الاجتماع",), 1, 1, True),
        (0, 1, ("المشاركون",), 1, 2, True),
        (1, 0, ("الأول",), 2, 1, False),
        (1, 1, ("9",), 1, 1, False),
        (1, 2, ("4",), 1, 1, False),
        (2, 1, ("14",), 1, 1, False),
        (2, 2, ("3",), 1, 1, False),
        (3, 0, (), 1, 1, False),
        (3, 1, ("المجموع",), 1, 2, False),
    ]
    assert block.lines == ("الاجتماع", "المشاركون", "الأول", "9", "4", "14", "3", "المجموع")
    ltr = read(tmp_path, "<w:tbl><w:tr>" + _tc("أ") + _tc("ب") + "</w:tr></w:tbl>").blocks[0]
    assert ltr.table.rtl is False


def test_layout_tables_and_text_boxes_are_read_as_content(tmp_path: Path):
    layout = "<w:tbl><w:tr>" + _tc("إطار بخلية واحدة") + "</w:tr></w:tbl>"
    box = (
        '<w:p><w:r><w:t>مرساة</w:t></w:r><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("نص داخل مربع") + p("سطره الثاني")
        + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:textbox><w:txbxContent>' + p("نص داخل مربع") + p("سطره الثاني")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    doc = read(tmp_path, layout + box)
    assert [(b.text, b.locator, b.table) for b in doc.blocks] == [
        ("إطار بخلية واحدة", "body/tbl[1]/tr[1]/tc[1]/p[1]", None),
        ("مرساة", "body/p[1]", None),
        ("نص داخل مربع", "body/p[1]/txbx[1]/p[1]", None),
        ("سطره الثاني", "body/p[1]/txbx[1]/p[2]", None),
    ]


def test_headers_and_footers_are_kept_apart(tmp_path: Path):
    doc = read(tmp_path, p("متن الوثيقة"), header=p("رأس الصفحة"), footer=p("ذيل الصفحة") + p("1"))
    assert [(b.text, b.role, b.locator) for b in doc.blocks] == [
        ("رأس الصفحة", "header", "header1/p[1]"),
        ("متن الوثيقة", "body", "body/p[1]"),
        ("ذيل الصفحة", "footer", "footer1/p[1]"),
        ("1", "footer", "footer1/p[2]"),
    ]
    assert [b.text for b in doc.body_blocks] == ["متن الوثيقة"]


def test_bad_packages_are_typed_errors(tmp_path: Path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(EmptySourceError, match="empty.docx"):
        read_source(empty)
    text = tmp_path / "text.docx"
    text.write_text("المضيف: نص عادي", "utf-8")
    with pytest.raises(CorruptDocxError, match="text.docx: not a ZIP package"):
        read_source(text)
    legacy = tmp_path / "legacy.docx"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(CorruptDocxError, match="legacy Word .doc"):
        read_source(legacy)
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(CorruptDocxError, match="sheet.docx"):
        read_source(sheet)
    good = make_docx(tmp_path / "good.docx", p("نص"))
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(CorruptDocxError, match="truncated.docx"):
        read_source(truncated)
    assert CorruptDocxError.kind == "corrupt_docx"
    blank = make_docx(tmp_path / "blank.docx", "<w:p/>", header=p("رأس فقط"))
    with pytest.raises(EmptySourceError, match="blank.docx: the document has no text"):
        read_source(blank)


@pytest.mark.parametrize("producer", ["pandoc", "libreoffice"])
def test_a_real_arabic_document_by_two_producers(producer: str):
    """free-programming-books-ar (EbookFoundation, CC BY 4.0) made into Word by
    pandoc and re-saved by LibreOffice (see SOURCES.md); values checked by
    hand against the Markdown source and the files opened in LibreOffice."""
    doc = read_source(DATA / f"free-programming-books-ar.{producer}.docx")
    headings = [b for b in doc.blocks if b.heading_level]
    items = [b for b in doc.blocks if b.list_item]
    assert len(doc.blocks) == 76 and len(headings) == 21 and len(items) == 55
    assert [h.text for h in headings if h.heading_level == 4] == ["Symfony", "PostgreSQL"]
    assert {h.heading_level for h in headings} == {3, 4}
    assert [b.text for b in items if b.list_level == 1] == ["Symfony", "PostgreSQL"]
    book = next(b for b in items if b.text.startswith("أردوينو السهل"))
    assert book.text == "أردوينو السهل - Abdallah Ali Abdallah (PDF)"
    assert book.links[0][0] == "أردوينو السهل"
    assert book.links[0][1].startswith("https://simplyarduino.com/")
    # an in-document link (the index) is not recorded
    assert next(b for b in items if b.text == "Arduino").links == ()
