"""Any Arabic brochure gives a record: one test per kind of document, with values
checked by hand against the source (tests/data/kinds/ and tests/data/real/,
attribution in tests/data/real/SOURCES.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import extract

KINDS = Path(__file__).resolve().parent / "data" / "kinds"
REAL = Path(__file__).resolve().parent / "data" / "real"


def tree(record):
    """(heading, level, parent heading) of every section with a heading."""
    return [
        (s.heading, s.level, record.sections[s.parent_index - 1].heading if s.parent_index else None)
        for s in record.sections
        if s.heading
    ]


def test_flyer_title_subtitle_lists_and_contact_block():
    r = extract(KINDS / "flyer.md")
    assert (r.document.title, r.document.subtitle) == ("مركز النور للتدريب المهني", "دورات صيفية للشباب 2025")
    assert r.meetings == [] and r.document.profiles == []
    courses = r.sections[0]
    assert courses.heading == "تعلّم مهارة جديدة"
    assert [b.type for b in courses.blocks] == ["list_item"] * 5
    assert courses.bullets[:2] == ["تصميم الجرافيك للمبتدئين", "البرمجة بلغة Python"]
    why = r.sections[1]
    assert why.heading == "لماذا نحن؟" and why.blocks[0].type == "paragraph"
    contact = r.sections[2]
    # The heading right before the contact lines is the contact block's own.
    assert (contact.kind, contact.heading) == ("contact", "تواصل معنا")
    assert [(b.label, b.value) for b in contact.blocks] == [
        ("الهاتف", "0799 123 456"),
        ("البريد الإلكتروني", "info@alnoor-training.jo"),
    ]
    assert r.contact.email == "info@alnoor-training.jo" and r.contact.phone == "0799 123 456"
    # An e-mail address is no English: the field stays an Arabic block.
    assert contact.blocks[1].lang is None and r.document.other_languages == []


def test_programme_with_labelled_fields():
    r = extract(KINDS / "programme.txt")
    assert r.document.title == "برنامج دعم سبل العيش في المناطق الريفية"
    (about,) = r.sections
    assert about.heading == "نبذة عن البرنامج" and about.level == 1
    assert about.blocks[0].type == "paragraph" and about.blocks[0].text.startswith("يهدف البرنامج إلى تحسين دخل")
    fields = [(b.label, b.value, b.provenance.line_start) for b in about.blocks if b.type == "field"]
    assert fields == [
        ("المدة", "خمس سنوات (2021-2026)", 7),
        ("الجهة المنفذة", "وزارة التنمية المحلية", 9),
        ("الميزانية", "12 مليون دولار أمريكي", 11),
        ("عدد المستفيدين", "نحو 4000 أسرة", 13),
        ("المحافظات المستهدفة", "أسيوط، سوهاج، قنا", 15),
    ]
    assert about.paragraphs[1] == "المدة: خمس سنوات (2021-2026)"


def test_legal_text_with_chapters_articles_and_ordinal_items():
    r = extract(KINDS / "law.txt")
    assert r.document.title == "قانون رقم 5 لسنة 2024 بشأن تنظيم العمل التطوعي"
    assert r.document.subtitle is None  # a chapter is no subtitle
    assert tree(r) == [
        # A numbering-only heading takes the heading after it as its title.
        ("الباب الأول أحكام عامة", 1, None),
        ("مادة (1)", 2, "الباب الأول أحكام عامة"),
        ("مادة (2)", 2, "الباب الأول أحكام عامة"),
        ("الباب الثاني التزامات المتطوعين", 1, None),
        ("مادة (3)", 2, "الباب الثاني التزامات المتطوعين"),
    ]
    art3 = r.sections[-1]
    # A long label alone introduces a list; أولاً/ثانياً items are ordered list items, their numbering
    # is their marker.
    assert [(b.type, b.marker, b.text) for b in art3.blocks] == [
        ("paragraph", None, "يلتزم المتطوع بما يأتي:"),
        ("list_item", "أولاً:", "احترام أنظمة الجهة التي يتطوع لديها."),
        ("list_item", "ثانياً:", "المحافظة على سرية المعلومات."),
    ]


def test_article_without_headings_marks_its_english_paragraph():
    r = extract(KINDS / "article.txt")
    assert r.document.title == "أثر التعليم الرقمي على طلاب المدارس الثانوية"
    (body,) = r.sections
    assert body.heading is None and body.level is None
    assert [(b.type, b.lang) for b in body.blocks] == [("paragraph", None), ("paragraph", None), ("paragraph", "en"), ("paragraph", None)]
    assert body.blocks[2].text == "Digital learning platforms have changed how students study and how teachers plan their lessons."
    assert r.document.other_languages == ["en"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("La migration est un enjeu mondial pour tous les pays", "fr"),
        ("Die Migration ist ein globales Thema für alle Länder", "de"),
        ("17 route des Morillons", "fr"),
        ("International Organization for Migration (IOM)", "en"),
        ("Jeremy is جرمي in Arabic", "en"),
        ("البرمجة بلغة R وPython", None),
        ("1211 19", None),
    ],
)
def test_language_of_blocks_that_are_not_arabic(text, lang):
    from pipeline.structure.language import block_language

    assert block_language(text) == lang


def test_a_declared_language_wins():
    from pipeline.structure.language import block_language

    assert block_language("Geneva", "fr-CH") == "fr"
    assert block_language("Digital learning", "ar") is None


def test_unstyled_numbered_headings_and_their_levels():
    from pipeline.structure.classify import numbered_key

    assert numbered_key("ماده ( 1 ) :") == (14, "")
    assert numbered_key("(الماده الاولي)") == (14, "")
    assert numbered_key("( الباب الاول ) احكام عامه") == (11, "احكام عامه")
    assert numbered_key("الفصل الثالث") == (12, "")
    assert numbered_key("ثانيا: الاهداف") == (16, "الاهداف")
    assert numbered_key("2.3 الاهداف") == (18, "الاهداف")
    # Not headings: a sentence after the numbering, a division word in prose, a year.
    assert numbered_key("1 - القانون : قانون المنشات الفندقيه والسياحيه .") is None
    assert numbered_key("الفصل بين السلطات") is None
    assert numbered_key("ماده الرياضيات") is None
    assert numbered_key("2005 - 2017") is None


# --- Real documents ------------------------------------------------------------------


def test_word_article_real_pdf():
    r = extract(REAL / "docling-rtl-01-word-article.pdf")
    assert r.document.title == "تحسين الإنتاجية وحل المشكلات من خلال البرمجة بلغة R وPython"
    (body,) = r.sections
    assert [b.type for b in body.blocks] == ["paragraph"] * 4
    starts = [re.sub(r"\s+", " ", b.text)[:20] for b in body.blocks]
    assert starts == ["تعتبر البرمجة بلغة R", "عندما يجتمع التفكير ", "علاوة على ذلك، توفر ", "في النهاية، يمكن أن "]
    assert all(b.provenance.page == 1 and b.bbox is not None for b in body.blocks)


def test_gazette_law_real_pdf_heading_tree():
    r = extract(REAL / "egypt-gazette-law-8-2022.pdf")
    assert r.document.title == "قانون رقم 8 لسنة 2022"
    headings = [s.heading for s in r.sections if s.heading]
    issuing = [h for h in headings if re.fullmatch(r"\(المادة \w+\)", h)]
    assert issuing == [f"(المادة {w})" for w in ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة")]
    articles = [h for h in headings if re.fullmatch(r"مادة \( \d+ \) :", h)]
    assert [int(re.search(r"\d+", h).group()) for h in articles] == list(range(1, 46))
    chapters = [s for s in r.sections if s.heading and "الباب" in s.heading]
    assert [s.heading for s in chapters] == [
        "( الباب الأول ) أحكام عامة",
        "(الباب الثانى) إجراءات الترخيص",
        "(الباب الثالث) مكاتب الاعتماد",
        "(الباب الرابع) أحكام متنوعة",
        "(الباب الخامس) العقوبات والجزاءات الإدارية",
    ]
    # Every article of the attached law hangs under its chapter.
    chapter_of = {}
    for i, s in enumerate(r.sections, start=1):
        if s in chapters:
            current = i
        if s.heading in articles:
            chapter_of[s.heading] = current if s.parent_index == current else None
    assert all(chapter_of.values())
    assert r.sections[chapter_of["مادة ( 9 ) :"] - 1].heading == "(الباب الثانى) إجراءات الترخيص"


def test_a_label_value_table_gives_fields_the_meetings_profile_reads(tmp_path):
    # Fields set as a two-column table (a Markdown table without header: its
    # empty header row is left out) are read like "label: value" lines.
    src = tmp_path / "t.md"
    src.write_text(
        "# نشرة الاجتماعات\n\n## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005\n\n"
        "| | |\n|---|---|\n| المضيف: | المنظمة الدولية للهجرة |\n"
        "| تاريخ ومكان الانعقاد: | 14-15 نيسان/ أبريل 2005، جنيف، سويسرا |\n| النتيجة: | اتفق المشاركون. |\n",
        encoding="utf-8",
    )
    r = extract(src)
    (table,) = r.tables
    assert (table.n_rows, table.header_rows, table.label_value, table.section_index) == (3, 0, True, 1)
    assert [[c.text for c in row] for row in table.rows][0] == ["المضيف:", "المنظمة الدولية للهجرة"]
    (m,) = r.meetings
    assert (m.hosts, m.city, m.country_code, m.outcome) == (["المنظمة الدولية للهجرة"], "جنيف", "CH", "اتفق المشاركون.")
    assert (m.start_date.isoformat(), m.end_date.isoformat()) == ("2005-04-14", "2005-04-15")
    # The table's text is not also a paragraph.
    assert r.sections[0].paragraphs == [] and r.sections[0].blocks == []


def test_pdf_contact_page_paragraphs_offices_and_unlabelled_address():
    # tests/data/pdf/kinds/contacts-chromium.pdf (Chromium): one-line paragraphs the
    # reader parted by their spacing stay apart; the contact block keeps its
    # unlabelled address; each office is a section of its own under its heading.
    r = extract(Path(__file__).resolve().parent / "data" / "pdf" / "kinds" / "contacts-chromium.pdf")
    first = r.sections[0]
    assert [b.text for b in first.blocks] == [
        "يمكن تحميل التقرير السنوي الكامل من موقعنا بصيغة PDF",
        "للاستفسارات العامة يرجى الاتصال بالرقم +41 22 717 91 11",
        "The Arabic word هجرة means migration.",
    ]
    assert [b.lang for b in first.blocks] == [None, None, "en"]
    c = r.contact
    assert (c.organization, c.unit) == ("المنظمة الدولية للهجرة", None)
    assert c.address == ["17 route des Morillons", "P.O. Box 17", "1211 Geneva 19", "Switzerland"]
    assert (c.phone, c.fax) == ("+41 22 717 91 11", "+41 22 798 61 50")
    offices = [(s.heading, [b.text for b in s.blocks]) for s in r.sections if s.heading in ("المقر الرئيسي", "المكتب الإقليمي")]
    assert offices == [
        ("المقر الرئيسي", ["P.O. Box 17", "1211 Geneva 19", "Switzerland", "هاتف: +41 22 717 91 11"]),
        ("المكتب الإقليمي", ["47 Abbas El Akkad Street", "Nasr City, Cairo", "Egypt", "هاتف: +20 2 2736 5140"]),
    ]
    assert [(m.kind, m.value) for m in r.contacts] == [
        ("phone", "+41227179111"),
        ("address", "17 route des Morillons, P.O. Box 17, 1211 Geneva 19, Switzerland"),
        ("fax", "+41227986150"),
        ("phone", "+20227365140"),
    ]
