"""Structure stage: the same brochure with and without Markdown, fields packed
in one block, headings wrapped, labels alone on their line; the heading tree,
block kinds and continuations of any brochure."""

import re
from pathlib import Path

import pytest

from pipeline import extract_source

from .conftest import BROCHURE_TXT, meeting_text


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
