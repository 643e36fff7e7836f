"""A second edition written by hand in the brochure's style (sources/…-edition2.md):
later meetings, heading and label variants, online/hybrid venues, date forms,
participant wording, cross-record warnings."""

import datetime as dt

import pytest

from pipeline import extract_source
from pipeline.write import record_json

from .conftest import SOURCES

D = dt.date


@pytest.fixture(scope="module")
def edition2():
    return extract_source(SOURCES / "global-rcp-meetings-ar-edition2.md")


def test_meetings(edition2):
    got = [
        (m.number, m.year, m.start_date, m.end_date, m.city, m.country_code, m.is_online)
        for m in edition2.record.meetings
    ]
    assert got == [
        (7, 2017, D(2017, 10, 10), D(2017, 10, 11), "جنيف", "CH", False),
        (8, 2019, D(2019, 10, 21), D(2019, 10, 22), "الرباط", "MA", False),  # numeral heading, يومي 21 و22, Arabic-Indic
        (9, 2020, D(2020, 11, 30), D(2020, 12, 1), None, None, True),  # online, across months, venue first
        (10, 2021, D(2021, 6, 9), D(2021, 6, 9), None, None, True),  # Maghreb جوان, اجتماع افتراضي
        (11, 2022, D(2022, 9, 14), D(2022, 9, 15), "بانكوك", "TH", True),  # en dash, hybrid, تايلاند
        (12, 2022, D(2022, 12, 30), D(2023, 1, 2), "القاهرة", "EG", False),  # across years, separate labels
        (13, 2023, D(2023, 6, 12), D(2023, 6, 13), "نيروبي", "KE", False),
        (14, 2024, D(2024, 4, 3), D(2024, 4, 5), "عمّان", "JO", False),  # من … إلى
        (15, 2025, D(2025, 11, 7), D(2025, 11, 8), "بوغوتا", "CO", False),  # 7 و8
        (16, 2026, None, None, None, None, False),  # unparseable date kept as text
    ]


def test_hosts_themes_outcomes(edition2):
    m = {x.number: x for x in edition2.record.meetings}
    assert m[8].hosts == ["حكومة المملكة المغربية", "المنظمة الدولية للهجرة"]  # بالتعاون مع
    assert m[9].hosts == ["المنظمة الدولية للهجرة", "حكومة البرتغال"]
    assert m[7].theme == "آليات التشاور بين الدول بشأن الهجرة والاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية"
    assert m[11].theme == "الهجرة والمناخ: نحو استجابات إقليمية"
    assert m[13].extra_fields == {"الرئاسة المشتركة": "حكومة كينيا"}
    assert [x.number for x in edition2.record.meetings if x.outcome_is_expected] == [15, 16]
    assert m[16].date_text == "يحدد لاحقاً"


def counts(m):
    return {k: v for k, v in m.participants.model_dump().items() if k != "text" and v is not None}


def test_participants(edition2):
    m = {x.number: x for x in edition2.record.meetings}
    assert counts(m[7]) == {"iscm_total": 23}
    assert counts(m[8]) == {"iscm_total": 19, "irf": 6, "rcp": 12, "global_process": 1, "un_regional_commission": 5, "igo": 3}
    assert counts(m[9]) == {"iscm_total": 20, "irf": 5, "rcp": 13, "global_process": 2, "igo": 2}
    assert counts(m[11]) == {"iscm_total": 16, "irf": 4, "rcp": 11, "global_process": 1, "un_regional_commission": 2}
    assert counts(m[13]) == {"iscm_total": 14, "irf": 1, "rcp": 12, "global_process": 1, "igo": 4}
    assert counts(m[14]) == {"iscm_total": 30}
    assert m[12].participants is None and m[15].participants is None


def test_warnings(edition2):
    assert [(w.code, w.meeting) for w in edition2.warnings] == [
        ("unknown_field", 13),
        ("unparsed_date", 16),
        ("numbering", 7),
        ("participants_sum", 10),
        ("date_year", 12),
    ]


def test_intro_and_contact(edition2):
    intro = edition2.record.sections[0]
    assert intro.heading == "عن هذه الطبعة" and len(intro.bullets) == 2
    assert "في طبعات الكتيّبات اللاحقة" in intro.paragraphs[0]  # joined across the break
    c = edition2.record.contact
    assert (c.organization, c.unit, c.email, c.fax) == ("المنظمة الدولية للهجرة", "شعبة الشراكات الدولية", "grcp@iom.int", None)
    assert c.address == ["17 route des Morillons", "1211 Geneva 19", "Switzerland"]


def test_golden_record(edition2, file_regression):
    file_regression.check(record_json(edition2.record).decode("utf-8"), extension=".json", encoding="utf-8")
