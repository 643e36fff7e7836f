"""Meeting sections: labels with and without Markdown, synonyms, unknown fields,
null versus absent, joined paragraphs — through the public API on small inputs."""

import datetime as dt
from pathlib import Path

import pytest

from pipeline import extract_source
from pipeline.parse.meeting import clean_theme

from .conftest import meeting_text


def run(tmp_path: Path, text: str):
    path = tmp_path / "b.md"
    path.write_text(text, encoding="utf-8")
    return extract_source(path)


@pytest.mark.parametrize("label", ["**المضيف:**", "المضيف:", "**المضيف**:", "الجهة المضيفة:", "الجهات المضيفة:"])
def test_host_label_with_and_without_bold_and_synonyms(tmp_path, label):
    result = run(tmp_path, meeting_text(f"{label} حكومة بيرو"))
    assert result.record.meetings[0].hosts == ["حكومة بيرو"]


@pytest.mark.parametrize(
    "heading",
    [
        "## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",
        "الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",
        "**الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005**",
        "### **الاجتماع العالمي الأول لآليات التشاور بين الدول بشأن الهجرة: ٢٠٠٥**",
    ],
)
def test_heading_with_and_without_markdown(tmp_path, heading):
    m = run(tmp_path, meeting_text("المضيف: حكومة بيرو", heading=heading)).record.meetings[0]
    assert (m.number, m.year) == (1, 2005)


def test_ordinal_past_the_seventh_and_numerals(tmp_path):
    text = (
        "# عنوان\n\n## الاجتماع العالمي الحادي عشر للعمليات التشاورية الإقليمية بشأن الهجرة: 2023\n\nالمضيف: حكومة بيرو\n\n"
        "## الاجتماع العالمي 12 للعمليات التشاورية الإقليمية بشأن الهجرة: 2024\n\nالمضيف: حكومة بيرو\n"
    )
    assert [m.number for m in run(tmp_path, text).record.meetings] == [11, 12]


def test_all_fields(tmp_path):
    body = (
        "**المضيف:** المنظمة الدولية للهجرة واللجنة العالمية للهجرة الدولية التي لم تعد قائمة.\n\n"
        "**تاريخ ومكان الانعقاد:** 14-15 نيسان/ أبريل 2005، جنيف، سويسرا\n\n"
        "**الموضوع:** \"الهجرة والتنمية.\"\n\n"
        "**المشاركون:** 9 آليات من آليات التشاور بين الدول بشأن الهجرة (4 منتديات إقليمية بشأن الهجرة و5\n\n"
        "عمليات تشاورية إقليمية بشأن الهجرة) و4 منظمات دولية حكومية.\n\n"
        "**النتيجة:** اتفق المشاركون.\n"
    )
    result = run(tmp_path, meeting_text(body))
    m = result.record.meetings[0]
    assert m.hosts == ["المنظمة الدولية للهجرة", "اللجنة العالمية للهجرة الدولية التي لم تعد قائمة"]
    assert (m.start_date, m.end_date) == (dt.date(2005, 4, 14), dt.date(2005, 4, 15))
    assert (m.city, m.country, m.country_code, m.is_online) == ("جنيف", "سويسرا", "CH", False)
    assert m.theme == "الهجرة والتنمية"
    # the paragraph cut by a page break is joined back
    assert m.participants.text.endswith("و5 عمليات تشاورية إقليمية بشأن الهجرة) و4 منظمات دولية حكومية.")
    assert (m.participants.iscm_total, m.participants.irf, m.participants.rcp, m.participants.igo) == (9, 4, 5, 4)
    assert m.participants.global_process is None
    assert (m.outcome, m.outcome_is_expected) == ("اتفق المشاركون.", False)
    assert result.warnings == []


def test_absent_fields_are_null_and_expected_outcome(tmp_path):
    m = run(tmp_path, meeting_text("المضيف: حكومة بيرو\n\nالنتيجة المتوقعة: سينظر الاجتماع.")).record.meetings[0]
    assert m.participants is None and m.theme is None
    assert m.outcome_is_expected is True and m.outcome == "سينظر الاجتماع."


def test_unknown_label_is_kept_and_warned(tmp_path):
    result = run(tmp_path, meeting_text("المضيف: حكومة بيرو\n\nالمقرر: فلان الفلاني"))
    assert result.record.meetings[0].extra_fields == {"المقرر": "فلان الفلاني"}
    assert [w.code for w in result.warnings] == ["unknown_field", "missing_field"]  # no date field either


def test_unparseable_date_keeps_text_and_warns(tmp_path):
    result = run(tmp_path, meeting_text("تاريخ ومكان الانعقاد: في موعد يحدد لاحقاً، جنيف"))
    m = result.record.meetings[0]
    assert m.date_text == "في موعد يحدد لاحقاً، جنيف" and m.start_date is None and m.end_date is None
    assert "unparsed_date" in [w.code for w in result.warnings]
    assert (m.city, m.country) == ("جنيف", None)


@pytest.mark.parametrize(
    "value, city, country, code",
    [
        ("يحدد الموعد لاحقاً، غابوروني، بوتسوانا", "غابوروني", "بوتسوانا", "BW"),
        ("سيعلن عنه لاحقا، جنيف، سويسرا", "جنيف", "سويسرا", "CH"),
        ("TBD، القاهرة، مصر", "القاهرة", "مصر", "EG"),
        ("31 نيسان 2020، جنيف، سويسرا", "جنيف", "سويسرا", "CH"),  # found but impossible
        ("أيار/ مايو 2013، جنيف، سويسرا", "جنيف", "سويسرا", "CH"),  # month only
        ("منتصف أيار، الرباط، المغرب", "الرباط", "المغرب", "MA"),
        ("27/11/1432، جدة، السعودية", "جدة", "السعودية", "SA"),  # year out of range
    ],
)
def test_a_date_that_cannot_be_read_leaves_the_venue(tmp_path, value, city, country, code):
    result = run(tmp_path, meeting_text(f"تاريخ ومكان الانعقاد: {value}"))
    m = result.record.meetings[0]
    assert (m.start_date, m.end_date, m.date_text) == (None, None, value)
    assert (m.city, m.country, m.country_code) == (city, country, code)
    assert [w.code for w in result.warnings] == ["unparsed_date"]


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("27/11/1432هـ الموافق 25/10/2011م، غابوروني، بوتسوانا", dt.date(2011, 10, 25), dt.date(2011, 10, 25)),
        ("25-26 ذو القعدة 1432هـ، غابوروني، بوتسوانا", dt.date(2011, 10, 23), dt.date(2011, 10, 24)),
        ("25-26 تشرين 1 2011، غابوروني، بوتسوانا", dt.date(2011, 10, 25), dt.date(2011, 10, 26)),
        ("25-26 تشرين أول 2011، غابوروني، بوتسوانا", dt.date(2011, 10, 25), dt.date(2011, 10, 26)),
        ("25-26 تشرین الأول/ أکتوبر 2011، غابورونی، بوتسوانا", dt.date(2011, 10, 25), dt.date(2011, 10, 26)),
    ],
)
def test_hijri_levantine_and_persian_dates_with_their_venue(tmp_path, value, start, end):
    text = meeting_text(f"تاريخ ومكان الانعقاد: {value}", heading="## الاجتماع العالمي الأول للعمليات التشاورية: 2011")
    result = run(tmp_path, text)
    m = result.record.meetings[0]
    assert (m.start_date, m.end_date) == (start, end)
    assert (m.city, m.country_code) == ("غابوروني", "BW")
    assert result.warnings == []


def test_a_hijri_date_that_disagrees_with_its_equivalent_is_warned(tmp_path):
    text = meeting_text(
        "تاريخ ومكان الانعقاد: 27/11/1432هـ الموافق 27/10/2011م، جدة، السعودية",
        heading="## الاجتماع العالمي الأول للعمليات التشاورية: 2011",
    )
    result = run(tmp_path, text)
    m = result.record.meetings[0]
    assert m.start_date == dt.date(2011, 10, 27) and m.city == "جدة"
    assert [w.code for w in result.warnings] == ["date_doubtful"]
    assert "2011-10-25" in result.warnings[0].message


def test_participant_sum_mismatch_is_a_warning_not_a_crash(tmp_path):
    body = "تاريخ ومكان الانعقاد: 14 نيسان 2005، جنيف، سويسرا\n\nالمشاركون: 10 آليات (4 منتديات إقليمية و5 عمليات تشاورية إقليمية)"
    result = run(tmp_path, meeting_text(body))
    assert result.record.meetings[0].participants.iscm_total == 10
    assert [w.code for w in result.warnings] == ["participants_sum"]


def test_a_document_without_meetings_gives_a_record_without_meetings(tmp_path):
    result = run(tmp_path, "# عنوان\n\nنص عربي بلا اجتماعات.\n")
    assert result.record.meetings == [] and result.record.document.profiles == []
    assert result.record.document.title == "عنوان"
    assert [s.paragraphs for s in result.record.sections] == [["نص عربي بلا اجتماعات."]]


@pytest.mark.parametrize(
    "raw, theme",
    [
        ('"الهجرة وأهداف التنمية المستدامة."', "الهجرة وأهداف التنمية المستدامة"),
        ('" آليات التشاور. والاتفاق العالمي"', "آليات التشاور. والاتفاق العالمي"),
        ("«الهجرة الآمنة»", "الهجرة الآمنة"),
        ("تعزيز التعاون", "تعزيز التعاون"),
        ('""', None),
    ],
)
def test_theme_cleaning(raw, theme):
    assert clean_theme(raw) == theme


def test_heading_year_out_of_range_is_named_in_the_warning(tmp_path):
    text = meeting_text(
        "تاريخ ومكان الانعقاد: 13 تشرين الأول/ أكتوبر 2016، جنيف، سويسرا",
        heading="## الاجتماع العالمي السادس للعمليات التشاورية الإقليمية بشأن الهجرة: 2216",
    )
    result = run(tmp_path, text)
    assert result.record.meetings[0].year == 2016
    assert [w.message for w in result.warnings if w.code == "year_from_date"] == [
        "the heading's year 2216 is outside 1900–2100; 2016 is taken from the date"
    ]
