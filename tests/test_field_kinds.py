"""Issue 12: the kinds of real Arabic field text that gave wrong or lost values,
run through the whole pipeline on small brochures built around each kind, as
text and as a PDF typeset from it by Chromium (``tests/data/kinds/``, made by
``make_pdfs.py`` there). The values were written by hand from the brochures'
text; the Hijri dates were converted by hand with the Umm al-Qura calendar
(27 Dhu al-Qa'da 1432 = 25 October 2011: 10 Dhu al-Hijja 1432, the Eid, was
6 November 2011; 3 Sha'ban 1443 = 6 March 2022: 1 Ramadan 1443 was 2 April)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pipeline import extract_source, run
from pipeline.errors import InvalidRecordError

from .conftest import meeting_text

KINDS = Path(__file__).resolve().parent / "data" / "kinds"
D = dt.date
FORMATS = ["md", "pdf"]


def extract(kind: str, fmt: str):
    return extract_source(KINDS / f"{kind}.{fmt}")


def rows(record, *fields):
    return [tuple(getattr(m, f) for f in fields) for m in record.meetings]


@pytest.mark.parametrize("fmt", FORMATS)
def test_persian_and_urdu_letters(fmt):
    result = extract("persian-letters", fmt)
    m1, m2 = result.record.meetings
    assert m1.hosts == ["الحكومة الملكية التايلندية"]  # the display form has the Arabic letters
    assert (m1.start_date, m1.end_date, m1.city, m1.country_code) == (D(2009, 6, 4), D(2009, 6, 5), "بانكوك", "TH")
    p = m1.participants
    assert (p.iscm_total, p.irf, p.rcp, p.global_process, p.igo) == (14, 5, 8, 1, 3)
    assert m2.hosts == ["حكومة بوتسوانا"]
    assert (m2.start_date, m2.end_date) == (D(2011, 10, 25), D(2011, 10, 26))
    assert (m2.city, m2.country, m2.country_code) == ("غابوروني", "بوتسوانا", "BW")
    assert m2.theme == "تعزيز التعاون بشأن الهجرة"
    assert result.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_search_finds_persian_letters_both_ways(tmp_path, fmt):
    from pipeline.export import search

    source = tmp_path / f"persian.{fmt}"
    shutil.copy(KINDS / f"persian-letters.{fmt}", source)
    run([source], tmp_path / "out", workers=1)
    db = tmp_path / "out" / "brochures.sqlite"
    for query in ("الحكومة الملكية", "الحکومة الملکیة", "غابوروني", "غابورونی"):
        hits = {(h.table, h.key) for h in search(db, query)}
        assert ("meetings", 1 if "الحك" in query or "الحک" in query else 2) in hits, query


@pytest.mark.parametrize("fmt", FORMATS)
def test_levantine_months_with_a_number_or_without_the_article(fmt):
    result = extract("levantine-months", fmt)
    assert rows(result.record, "start_date", "end_date", "city", "country_code") == [
        (D(2012, 1, 14), D(2012, 1, 15), "عمّان", "JO"),  # كانون 2
        (D(2013, 10, 3), D(2013, 10, 3), "بيروت", "LB"),  # تشرين 1
        (D(2014, 1, 20), D(2014, 1, 21), "دمشق", "SY"),  # كانون الثاني
        (D(2015, 10, 5), D(2015, 10, 6), "بغداد", "IQ"),  # تشرين أول
        (D(2016, 11, 30), D(2016, 12, 1), "عمّان", "JO"),  # تشرين ثاني - كانون أول
    ]
    assert result.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_date_that_cannot_be_read_keeps_its_text_and_the_venue(fmt):
    result = extract("unparsed-date", fmt)
    assert rows(result.record, "date_text", "start_date", "end_date", "city", "country", "country_code") == [
        ("يحدد الموعد لاحقاً، غابوروني، بوتسوانا", None, None, "غابوروني", "بوتسوانا", "BW"),
        ("منتصف أيار/ مايو 2013، جنيف، سويسرا", None, None, "جنيف", "سويسرا", "CH"),
        ("31 نيسان 2014، القاهرة، مصر", None, None, "القاهرة", "مصر", "EG"),
    ]
    assert [(w.code, w.meeting) for w in result.warnings] == [("unparsed_date", 1), ("unparsed_date", 2), ("unparsed_date", 3)]
    assert "not a real day" in result.warnings[2].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_hijri_dates(fmt):
    result = extract("hijri-dates", fmt)
    assert rows(result.record, "start_date", "end_date", "city", "country_code") == [
        (D(2011, 10, 25), D(2011, 10, 25), "غابوروني", "BW"),  # 27/11/1432هـ الموافق 25/10/2011م
        (D(2011, 10, 23), D(2011, 10, 24), "جدة", "SA"),  # 25-26 ذو القعدة 1432هـ
        (D(2011, 10, 27), D(2011, 10, 27), "الدوحة", "QA"),  # the printed Gregorian date, which disagrees
        (None, None, "الكويت", "KW"),  # 27/11/1432 without هـ: year 1432 is no Gregorian year
        (D(2022, 3, 6), D(2022, 3, 6), "الرياض", "SA"),  # 3 شعبان سنة 1443 هـ
    ]
    assert [(w.code, w.meeting) for w in result.warnings] == [("date_doubtful", 3), ("unparsed_date", 4)]
    assert "2011-10-25" in result.warnings[0].message and "1432 is outside 1900–2100" in result.warnings[1].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_number_words_in_compounds(fmt):
    result = extract("number-words", fmt)
    counts = [
        {k: v for k, v in m.participants.model_dump().items() if k != "text" and v is not None}
        for m in result.record.meetings
    ]
    assert counts == [
        {"iscm_total": 21, "irf": 7, "rcp": 13, "global_process": 1, "igo": 12},
        {"iscm_total": 125, "irf": 50, "rcp": 74, "global_process": 1, "igo": 211},
        {"iscm_total": 25, "igo": 300},
    ]
    assert result.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_count_of_5000_digits_is_dropped_with_a_warning_naming_meeting_and_field(fmt):
    result = extract("huge-number", fmt)
    p = result.record.meetings[0].participants
    assert (p.iscm_total, p.igo) == (None, 4)
    assert [(w.code, w.meeting) for w in result.warnings] == [("participants_item", 1)]
    assert "iscm_total" in result.warnings[0].message and "digits" in result.warnings[0].message


def test_a_count_above_the_model_limit_is_an_invalid_record_naming_meeting_and_field(tmp_path):
    path = tmp_path / "b.md"
    path.write_text(meeting_text("المشاركون: 20000 آلية من آليات التشاور"), encoding="utf-8")
    with pytest.raises(InvalidRecordError) as err:
        extract_source(path)
    assert err.value.kind == "invalid_record"
    assert "meeting 1" in err.value.reason and "iscm_total" in err.value.reason and "20000" in err.value.reason


def test_the_same_text_in_another_encoding_never_gives_other_values(tmp_path):
    text = (KINDS / "levantine-months.md").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    half = len(lines) // 2
    good = {enc: tmp_path / f"{enc}.md" for enc in ("utf-8", "cp1256", "iso8859_6", "utf-16")}
    for enc, path in good.items():
        path.write_bytes(text.replace("عمّان", "عمان").encode(enc))  # the shadda has no code point in ISO-8859-6
    mixed = tmp_path / "mixed.md"
    mixed.write_bytes("".join(lines[:half]).encode("utf-8") + "".join(lines[half:]).encode("cp1256"))
    damaged = tmp_path / "damaged.md"
    data = bytearray(text.encode("utf-8"))
    at = data.index("بيروت".encode("utf-8"))
    data[at:at] = b"\xff\xfe\x81\x8d"  # four bad bytes
    damaged.write_bytes(bytes(data))
    report = run([*good.values(), mixed, damaged], tmp_path / "out", workers=1)
    by_name = {Path(s.source).name: s for s in report.sources}
    for path in good.values():
        assert by_name[path.name].status == "ok"
    records = {enc: extract_source(path).record for enc, path in good.items()}
    reference = rows(records["utf-8"], "start_date", "end_date", "city", "country_code")
    assert reference[1] == (D(2013, 10, 3), D(2013, 10, 3), "بيروت", "LB")
    assert all(rows(r, "start_date", "end_date", "city", "country_code") == reference for r in records.values())
    first_arabic = next(i for i, line in enumerate(lines) if i >= half and not line.isascii())
    for path, line in ((mixed, first_arabic + 1), (damaged, text[: text.index("بيروت")].count("\n") + 1)):
        entry = by_name[path.name]
        assert (entry.status, entry.error_kind, entry.line) == ("failed", "encoding", line)
