"""Structure stage: the same brochure with and without Markdown, fields packed
in one block, headings wrapped, labels alone on their line; the heading tree,
block kinds and continuations of any brochure."""

import re
from pathlib import Path

import pytest

from pipeline import extract_source

from .conftest import BROCHURE_TXT, meeting_text


def pdf_line(text, x0, top, size=12.0, level=None, bold=False, width=60):
    """A one-line PDF block at ``(x0, top)`` (points), for structure tests without a PDF."""
    from pipeline.read.blocks import BBox, Block

    return Block(lines=(text,), page=1, bbox=BBox(x0, top, x0 + width, top + size), font_size=size,
                 heading_level=level, bold=bold)


def structure_of(blocks):
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.structure import structure

    return structure(normalize_blocks(blocks), vocabulary())


def strip_markdown(text: str) -> str:
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = text.replace("**", "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"<(https?://[^>]+)>", r"\1", text)


def comparable(record):
    """Everything but provenance-independent document identity."""
    data = record.model_dump(mode="json")
    return data["meetings"], data["contact"], [(s["kind"], s["heading"], s["paragraphs"], s["bullets"]) for s in data["sections"]]


def test_plain_text_without_markdown_gives_the_same_records(tmp_path: Path, brochure_record):
    plain = tmp_path / "plain.txt"
    plain.write_text(strip_markdown(BROCHURE_TXT.read_text("utf-8")), encoding="utf-8")
    record = extract_source(plain).record
    assert comparable(record) == comparable(brochure_record)
    assert record.document.title == brochure_record.document.title


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "b.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_fields_packed_in_one_block_are_split(tmp_path: Path):
    body = "المضيف: حكومة بيرو\nتاريخ ومكان الانعقاد: 22-23 أيار/ مايو 2013، ليما، بيرو\nالنتيجة: نجاح."
    result = extract_source(write(tmp_path, meeting_text(body)))
    m = result.record.meetings[0]
    assert (m.hosts, m.city, m.outcome) == (["حكومة بيرو"], "ليما", "نجاح.")
    assert m.provenance.line_start == 3 and m.provenance.line_end == 7


def test_label_alone_on_its_line_takes_the_next_block(tmp_path: Path):
    result = extract_source(write(tmp_path, meeting_text("المضيف:\n\nحكومة بيرو\n\nالنتيجة: نجاح.")))
    assert result.record.meetings[0].hosts == ["حكومة بيرو"]


@pytest.mark.parametrize(
    "heading",
    [
        "## الاجتماع العالمي الثالث للعمليات التشاورية الإقليمية بشأن الهجرة:\n\n2011",  # wrapped onto two blocks
        "## الاجتماع العالمي الـ 3 للعمليات التشاورية الإقليمية بشأن الهجرة (2011)",
    ],
)
def test_heading_variants(tmp_path: Path, heading: str):
    m = extract_source(write(tmp_path, meeting_text("المضيف: حكومة بوتسوانا", heading=heading))).record.meetings[0]
    assert (m.number, m.year) == (3, 2011)


def test_heading_without_year_takes_it_from_the_date(tmp_path: Path):
    text = meeting_text(
        "تاريخ ومكان الانعقاد: 25-26 تشرين الأول/ أكتوبر 2011، غابوروني، بوتسوانا",
        heading="## الاجتماع العالمي الثالث للعمليات التشاورية الإقليمية بشأن الهجرة",
    )
    m = extract_source(write(tmp_path, text)).record.meetings[0]
    assert (m.number, m.year) == (3, 2011)


def test_prose_starting_like_a_heading_is_not_a_meeting(tmp_path: Path):
    text = (
        "# عنوان\n\nالاجتماع العالمي الأول كان خطوة مهمة في تاريخ التعاون بين الدول بشأن الهجرة، "
        "وقد تلاه اجتماعات أخرى في أقاليم مختلفة من العالم حتى عام 2017.\n\n"
        + "## الاجتماع العالمي الثاني للعمليات التشاورية الإقليمية بشأن الهجرة: 2009\n\nالمضيف: حكومة تايلند\n"
    )
    record = extract_source(write(tmp_path, text)).record
    assert [m.number for m in record.meetings] == [2]
    assert record.sections[0].kind == "text"


def test_figure_legend_lines_joined_by_a_reader_are_split_at_their_common_opening(tmp_path: Path, brochure_record):
    # A PDF reader cannot tell a hard break after a nearly full line from a
    # wrap: in a narrow column the legend's caption and its series lines can
    # come joined. The series' shared opening tells where the lines began.
    text = BROCHURE_TXT.read_text("utf-8")
    joined = re.sub(
        r"(المشاركون في الاجتماعات العالمية للعمليات التشاورية الإقليمية) +\n(الاجتماع العالمي[^\n]*2005)", r"\1 \2", text
    )
    joined = re.sub(r"(لعام 2009) +\n(الاجتماع العالمي[^\n]*2011) +\n", r"\1 \2\n", joined)
    assert joined.count("\n") == text.count("\n") - 2
    record = extract_source(write(tmp_path, joined)).record
    assert comparable(record) == comparable(brochure_record)


def test_a_field_label_after_a_full_pdf_line_starts_a_field():
    # A PDF reader takes the break after a line that fills the column for a
    # wrap; a known label at the start of the next line says it was not.
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.read.blocks import Block
    from pipeline.structure import structure

    blocks = [
        Block(lines=("عنوان",), page=1, heading_level=1),
        Block(lines=("الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",), page=1, heading_level=2),
        Block(lines=("تاريخ ومكان الانعقاد: 22-23 أيار/ مايو 2013، ليما،", "بيرو", "الموضوع: تحديد مركز العمليات"), page=1, joins=(" ", " ")),
    ]
    (meeting,) = [s for s in structure(normalize_blocks(blocks), vocabulary()).sections if s.heading and s.heading.profile_heading]
    assert [(f.label.display, f.value.display) for f in meeting.fields] == [
        ("تاريخ ومكان الانعقاد", "22-23 أيار/ مايو 2013، ليما، بيرو"),
        ("الموضوع", "تحديد مركز العمليات"),
    ]


# --- Kinds a tester found on new brochures (hand-made inputs of each kind) ----------


def _record_of(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_source(path).record


def test_a_bold_paragraph_after_an_unpunctuated_one_is_a_heading_in_html(tmp_path: Path):
    r = _record_of(tmp_path, "n.html", (
        '<html lang="ar" dir="rtl"><body><h1>نشرة الجمعية</h1><h2>افتتاحية العدد</h2>'
        "<p>نستعد الآن لموسم جديد من العمل التطوعي</p><p><b>حملة التشجير الكبرى</b></p>"
        "<p>تنطلق الحملة في الشتاء.</p></body></html>"
    ))
    assert [(s.heading, [b.text for b in s.blocks]) for s in r.sections] == [
        ("افتتاحية العدد", ["نستعد الآن لموسم جديد من العمل التطوعي"]),
        ("حملة التشجير الكبرى", ["تنطلق الحملة في الشتاء."]),
    ]


def test_text_headings_directly_above_their_paragraph(tmp_path: Path):
    r = _record_of(tmp_path, "n.txt", (
        "نشرة جمعية أصدقاء البيئة\n\n"
        "افتتاحية العدد\nشهدت الأشهر الماضية نشاطاً كبيراً لأعضاء الجمعية في حملات التشجير وتنظيف الشواطئ\n\n"
        "حملة التشجير الكبرى\nتنطلق الحملة في محافظات الشمال، ويشارك فيها متطوعون من كل الأعمار والمهن.\n\n"
        "للتواصل\nهاتف المكتب: 01 234 567\nالخليوي: +961 3 123 456\n"
    ))
    assert r.document.title == "نشرة جمعية أصدقاء البيئة"
    assert [(s.heading, s.provenance.line_start) for s in r.sections] == [
        ("افتتاحية العدد", 3), ("حملة التشجير الكبرى", 6), ("للتواصل", 9),
    ]
    # Lines that start with a label make fields, even labels no table knows.
    assert [(b.label, b.value) for b in r.sections[2].blocks] == [("هاتف المكتب", "01 234 567"), ("الخليوي", "+961 3 123 456")]


def test_a_pdf_block_of_labelled_lines_the_reader_took_for_wraps_gives_one_field_a_line():
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.read.blocks import BBox, Block
    from pipeline.structure import structure

    box = BBox(300, 100, 500, 160)
    block = Block(lines=("المقر الرئيسي: الدار البيضاء", "عدد الموظفين: 350 موظفاً", "رأس المال: 50 مليون درهم"),
                  page=1, bbox=box, joins=(" ", " "), font_size=11)
    (section,) = structure(normalize_blocks([block]), vocabulary()).sections
    assert [(f.label.display, f.value.display) for f in section.fields] == [
        ("المقر الرئيسي", "الدار البيضاء"), ("عدد الموظفين", "350 موظفاً"), ("رأس المال", "50 مليون درهم"),
    ]


def test_key_figures_letterheads_page_numbers_and_bold_fields_are_no_headings():
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.read.blocks import BBox, Block
    from pipeline.structure import structure

    def line(text, top, size=11.0, level=None, bold=False):
        return Block(lines=(text,), page=1, bbox=BBox(100, top, 500, top + size), font_size=size,
                     heading_level=level, bold=bold)

    doc = structure(normalize_blocks([
        line("جمهورية العراق", 40, 14, level=2, bold=True),  # a letterhead before the title
        line("تعميم بشأن المنح الدراسية", 80, 18, level=1),
        line("١٢٬٤٥٠", 120, 20, level=1, bold=True),  # a key figure set large
        line("أسرة مستفيدة من برامج الجمعية خلال العام الماضي.", 150),
        line("آخر موعد للتقديم: 2025/10/31", 180, bold=True, level=3),  # a bold body-size field
        line("صفحة 1 من 1", 700),
    ]), vocabulary())
    assert doc.title.text.display == "تعميم بشأن المنح الدراسية"
    (section,) = doc.sections
    assert section.heading is None
    assert [(n.kind, n.text.display) for n in section.body] == [
        ("paragraph", "جمهورية العراق"),  # the letterhead heads nothing
        ("paragraph", "١٢٬٤٥٠"),
        ("paragraph", "أسرة مستفيدة من برامج الجمعية خلال العام الماضي."),
        ("field", "آخر موعد للتقديم: 2025/10/31"),
    ]
    assert [(b.role, " ".join(b.lines)) for b, _ in doc.furniture] == [("footer", "صفحة 1 من 1")]


def test_a_key_figure_and_its_label_under_it_are_one_block():
    # Figure cards (a report's key figures): the figure in large type, its label in small type under it.
    line = pdf_line
    doc = structure_of([
        line("التقرير السنوي 2024", 100, 40, 24, level=1, width=300),
        line("١٢٬٤٥٠", 430, 120, 20, level=2),
        line("أسرة مستفيدة", 435, 146),
        line("٨٫٥ مليون", 90, 120, 20, level=2, bold=True),  # 8.5 in matching form: no section number
        line("ريال عُماني", 100, 146),
        line("٣٬٢٠٠", 260, 120, 20, level=2),
        line("يتيم مكفول", 400, 146),  # under another card: not its label
        line("٧٠٠", 260, 200, 20, level=2),
        line("متطوع", 262, 260),  # too far below
    ])
    (section,) = doc.sections
    assert [(n.kind, n.text.display) for n in section.body] == [
        ("paragraph", "١٢٬٤٥٠ أسرة مستفيدة"),
        ("paragraph", "٨٫٥ مليون ريال عُماني"),
        ("paragraph", "٣٬٢٠٠"),
        ("paragraph", "يتيم مكفول"),
        ("paragraph", "٧٠٠"),
        ("paragraph", "متطوع"),
    ]


@pytest.mark.parametrize(
    "body, subtitle",
    [
        ('<h1>برنامج بكالوريوس علوم الحاسوب</h1><p class="lead">كلية تكنولوجيا المعلومات – جامعة الشرق</p>'
         "<h2>نبذة عن البرنامج</h2><p>يهدف البرنامج إلى إعداد كوادر مؤهلة.</p>",
         "كلية تكنولوجيا المعلومات – جامعة الشرق"),
        ('<h1>المؤتمر العربي للطاقة</h1><div lang="fr">Conférence arabe sur les énergies renouvelables</div>'
         "<p><b>الموعد:</b> 30 ديسمبر 2025</p>", "Conférence arabe sur les énergies renouvelables"),
        ("<h1>المؤتمر العربي للطاقة</h1><p>يعقد المؤتمر في دبي بمشاركة واسعة.</p><h2>البرنامج</h2><p>الجلسات.</p>", None),
    ],
)
def test_a_short_line_under_the_title_before_a_heading_or_field_is_the_subtitle(tmp_path: Path, body, subtitle):
    r = _record_of(tmp_path, "s.html", f'<html lang="ar" dir="rtl"><body>{body}</body></html>')
    assert r.document.subtitle == subtitle


# The numbering printed before an ordered list item is the item's marker, out of its text, whatever the
# format printed it: a PDF (Chromium numbers an <ol> with "1." and "a."), a .txt file; a Markdown list is
# numbered by the format itself, so its items have no marker. Values written by hand from the sources.
ORDERED = [
    ("تعبئة نموذج التسجيل الإلكتروني كاملاً.", 0),
    ("تقديم فكرة مشروع واضحة:", 0),
    ("وصف المنتج أو الخدمة.", 1),
    ("خطة التمويل المبدئية.", 1),
    ("حضور اللقاء التعريفي.", 0),
]


def list_items(record):
    return [(b.marker, b.text, b.list_level) for s in record.sections for b in s.blocks if b.type == "list_item"]


def test_an_ordered_items_printed_numbering_is_its_marker_in_a_pdf():
    pdf = Path(__file__).parent / "data" / "pdf" / "runs" / "runs-chromium.pdf"
    got = list_items(extract_source(pdf).record)
    assert got == [(m, t, lvl) for m, (t, lvl) in zip(["1.", "2.", "a.", "b.", "3."], ORDERED)]
    section = next(s for s in extract_source(pdf).record.sections if s.bullets)
    assert section.bullets[0] == "تعبئة نموذج التسجيل الإلكتروني كاملاً."


@pytest.mark.parametrize(
    "line, marker, text",
    [
        ("1. تعبئة النموذج", "1.", "تعبئة النموذج"),
        ("2) تقديم الفكرة", "2)", "تقديم الفكرة"),
        ("- بند بلا ترقيم", None, "بند بلا ترقيم"),
        ("• بند بلا ترقيم", None, "بند بلا ترقيم"),
    ],
)
def test_a_list_items_marker_in_text_files(tmp_path: Path, line, marker, text):
    path = tmp_path / "b.txt"
    path.write_text(f"# الشروط\n\nيلتزم المشارك بما يأتي:\n\n{line}\n- بند آخر\n", encoding="utf-8")
    items = list_items(extract_source(path).record)
    assert items[0][:2] == (marker, text), items


@pytest.mark.parametrize(
    "text, marker, rest",
    [
        ("٢- تقديم الفكرة", "٢-", "تقديم الفكرة"),
        ("(3) حضور اللقاء", "(3)", "حضور اللقاء"),
        ("أ- وصف المنتج", "أ-", "وصف المنتج"),
        ("ب) خطة التمويل", "ب)", "خطة التمويل"),
        ("iv. Annex", "iv.", "Annex"),
        ("ثانياً: المحافظة على السرية.", "ثانياً:", "المحافظة على السرية."),
        ("أولاً - الالتزام بالمواعيد", "أولاً -", "الالتزام بالمواعيد"),
        ("2025 عام التطوع", None, "2025 عام التطوع"),  # a year, no separator: no numbering
        ("د. أحمد سالم – مدير البرنامج", None, "د. أحمد سالم – مدير البرنامج"),  # a title (Dr.), no numbering
        ("أ. نادية حسن", None, "أ. نادية حسن"),
        ("3 - 5 أيام عمل", None, "3 - 5 أيام عمل"),  # a range
        ("10 – 12 أسبوعاً", None, "10 – 12 أسبوعاً"),
        ("15- يونيو موعد التسليم", None, "15- يونيو موعد التسليم"),  # the day of a date
        ("1. 2. 2025 آخر موعد", None, "1. 2. 2025 آخر موعد"),
        ("الأول: التسجيل", None, "الأول: التسجيل"),
        ("3.", None, "3."),  # only its number: kept as its text
    ],
)
def test_the_printed_numbering_taken_out_of_a_list_items_text(text, marker, rest):
    from types import SimpleNamespace

    from pipeline.assemble import item_text
    from pipeline.normalize import NText

    assert item_text(SimpleNamespace(text=NText.from_raw(text))) == (rest, marker)


def test_a_markdown_list_is_numbered_by_the_format_no_marker(tmp_path: Path):
    path = tmp_path / "b.md"
    path.write_text("# الشروط\n\n1. تعبئة النموذج\n2. حضور اللقاء\n", encoding="utf-8")
    assert list_items(extract_source(path).record) == [(None, "تعبئة النموذج", 0), (None, "حضور اللقاء", 0)]


def test_a_list_of_label_value_items_is_a_list_of_fields(tmp_path: Path):
    path = tmp_path / "b.md"
    path.write_text(
        "# الدليل\n\n## قنوات التواصل\n\n- الخط الساخن: 15595\n- الهاتف: 0227945000\n- مواعيد العمل: من الأحد إلى الخميس\n\n"
        "## الشروط\n\n- السن: 16 عاماً\n- تقديم شهادة الميلاد المميكنة.\n- صورة شخصية حديثة.\n",
        encoding="utf-8",
    )
    sections = extract_source(path).record.sections
    contact = next(s for s in sections if s.heading == "قنوات التواصل")
    assert [(b.type, b.label, b.value) for b in contact.blocks] == [
        ("field", "الخط الساخن", "15595"),
        ("field", "الهاتف", "0227945000"),
        ("field", "مواعيد العمل", "من الأحد إلى الخميس"),
    ]
    # one labelled item among plain ones stays a list item
    terms = next(s for s in sections if s.heading == "الشروط")
    assert [b.type for b in terms.blocks] == ["list_item", "list_item", "list_item"]


@pytest.mark.parametrize("size, subtitle", [(12.0, "شركة الدوحة للاستثمار العقاري – قطر"), (11.0, None)])
def test_a_line_under_the_title_in_larger_type_than_the_paragraph_after_it_is_the_subtitle(size, subtitle):
    # A job ad (Word via LibreOffice): title 26 pt, the company line 12 pt, the body 11 pt.
    from pipeline.normalize import normalize_blocks
    from pipeline.profiles import vocabulary
    from pipeline.read.blocks import BBox, Block
    from pipeline.structure import structure

    def line(text, top, size, level=None):
        return Block(lines=(text,), page=1, bbox=BBox(100, top, 500, top + size), font_size=size, heading_level=level)

    doc = structure(normalize_blocks([
        line("مطلوب محاسب أول", 40, 26.0, level=1),
        line("شركة الدوحة للاستثمار العقاري – قطر", 80, size),
        line("تعلن شركة الدوحة للاستثمار العقاري عن حاجتها إلى محاسب أول للعمل في مقرها الرئيسي.", 110, 11.0),
        line("المهام الرئيسية", 150, 14.0, level=2),
        line("إعداد القوائم المالية الشهرية والسنوية.", 180, 11.0),
    ]), vocabulary())
    assert doc.title.text.display == "مطلوب محاسب أول"
    assert (doc.subtitle.text.display if doc.subtitle else None) == subtitle


def test_a_large_number_over_a_heading_or_several_figures_are_no_figure_and_label():
    def line(text, x0, top, size=12.0, level=None, bold=False, width=120):
        return pdf_line(text, x0, top, size, level, bold, width)

    doc = structure_of([
        line("دليل الجمعية", 100, 20, 24, level=1, width=300),
        line("01", 400, 80, 30, level=1),  # a section number set large
        line("من نحن", 400, 114, 16, level=2, bold=True),
        line("جمعية خيرية تعمل منذ عشرين عاماً في خدمة الأسر المحتاجة في المحافظات.", 100, 140, width=420),
        line("2025", 400, 180, 30, level=1),  # a year set large over its heading
        line("الخطة الاستراتيجية", 400, 214, 16, level=2, bold=True),
        line("12 4 1,500,000", 100, 260, 20, level=2, width=420),  # three figures on one line
        line("مدينة فروع ريال", 100, 286, width=420),
    ])
    texts = [n.text.display for s in doc.sections for n in ([s.heading] if s.heading else []) + list(s.body)]
    assert "من نحن" in texts and "الخطة الاستراتيجية" in texts
    assert "12 4 1,500,000" in texts and "مدينة فروع ريال" in texts
    assert not any("01 من نحن" in t or "2025 الخطة" in t for t in texts)


def test_ordinal_items_of_a_pdf_are_list_items_not_fields():
    # At body size a PDF line "label: value" is a field; an ordinal adverb before the colon is an item's numbering.
    doc = structure_of([
        pdf_line("شروط التطوع", 100, 40, 18, level=1, width=300),
        pdf_line("يلتزم المتطوع بما يأتي:", 100, 80, width=300),
        pdf_line("أولاً: احترام أنظمة الجهة.", 100, 100, width=300),
        pdf_line("ثانياً: المحافظة على سرية المعلومات.", 100, 120, width=300),
        pdf_line("أولاد المتطوع: لا يرافقونه.", 100, 140, width=300),  # a word that starts like أولاً
    ])
    (section,) = doc.sections
    assert [n.kind for n in section.body] == ["paragraph", "list_item", "list_item", "field"]


def test_a_fragment_of_two_letters_is_no_title():
    doc = structure_of([
        pdf_line("ار", 300, 20, 28, level=1, width=30),  # what OCR made of a slide's artwork
        pdf_line("برنامج عمل الحكومة", 100, 60, 20, level=2, width=300),
        pdf_line("يستهدف البرنامج بناء الإنسان وبناء اقتصاد تنافسي وتحقيق الاستقرار.", 100, 100, width=400),
    ])
    assert doc.title.text.display == "برنامج عمل الحكومة"
