"""Dates: both month systems, Maghreb names, ranges, digits, Hijri dates, and
every date mention of a text (find_dates). Hijri conversions were checked by
hand against the Umm al-Qura calendar (1 Ramadan 1443 = 2 April 2022; 1
Muharram 1444 = 30 July 2022; 10 Dhu al-Hijja 1432 = 6 November 2011)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import to_match
from pipeline.parse.dates import DateParseError, find_date_range, find_dates, looks_like_date

D = dt.date


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("14-15 نيسان/ أبريل 2005، جنيف، سويسرا", D(2005, 4, 14), D(2005, 4, 15)),
        ("4-5 حزيران/ يونيه 2009، بانكوك", D(2009, 6, 4), D(2009, 6, 5)),
        ("21-22 تشرين الأول/أكتوبر 2015", D(2015, 10, 21), D(2015, 10, 22)),
        ("13 تشرين الأول/ أكتوبر 2016، جنيف", D(2016, 10, 13), D(2016, 10, 13)),
        ("22-23 أيار/ مايو 2013", D(2013, 5, 22), D(2013, 5, 23)),
        ("14 - 15 نيسان 2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("14–15 أبريل 2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("من 14 إلى 15 أبريل 2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("يومي 21 و22 تشرين الأول/ أكتوبر 2019", D(2019, 10, 21), D(2019, 10, 22)),
        ("30 تشرين الثاني/ نوفمبر - 1 كانون الأول/ ديسمبر 2019", D(2019, 11, 30), D(2019, 12, 1)),
        ("30 كانون الأول/ ديسمبر 2019 - 2 كانون الثاني/ يناير 2020", D(2019, 12, 30), D(2020, 1, 2)),
        ("٢٤-٢٥ شباط/فبراير ٢٠٢٣", D(2023, 2, 24), D(2023, 2, 25)),
        ("۱۰ آب ۲۰۲۱", D(2021, 8, 10), D(2021, 8, 10)),
        ("12 جوان 2022", D(2022, 6, 12), D(2022, 6, 12)),
        ("3-4 جويلية 2022", D(2022, 7, 3), D(2022, 7, 4)),
        ("1 أوت 2022", D(2022, 8, 1), D(2022, 8, 1)),
        ("7 أفريل 2022", D(2022, 4, 7), D(2022, 4, 7)),
        ("9 جانفي 2022", D(2022, 1, 9), D(2022, 1, 9)),
        ("9 فيفري 2022", D(2022, 2, 9), D(2022, 2, 9)),
        ("2 ماي 2022", D(2022, 5, 2), D(2022, 5, 2)),
        ("5 يوليه 2018", D(2018, 7, 5), D(2018, 7, 5)),
        ("2005-04-14", D(2005, 4, 14), D(2005, 4, 14)),
        ("14/04/2005، جنيف", D(2005, 4, 14), D(2005, 4, 14)),
        ("14/4/2005 - 15/4/2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("أبريل 14-15، 2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("تشرين الأول 13, 2016", D(2016, 10, 13), D(2016, 10, 13)),
        # Levantine months with a number, or without the article
        ("15 كانون 2 2012", D(2012, 1, 15), D(2012, 1, 15)),
        ("3-4 تشرين 1 2011", D(2011, 10, 3), D(2011, 10, 4)),
        ("7 كانون 1 2010", D(2010, 12, 7), D(2010, 12, 7)),
        ("9 تشرين 2 2013", D(2013, 11, 9), D(2013, 11, 9)),
        ("9 تشرين2 2013", D(2013, 11, 9), D(2013, 11, 9)),
        ("15 كانون الثاني 2012", D(2012, 1, 15), D(2012, 1, 15)),
        ("5 تشرين أول 2011", D(2011, 10, 5), D(2011, 10, 5)),
        ("20 تشرين ثاني 2011", D(2011, 11, 20), D(2011, 11, 20)),
        ("1 كانون ثاني 2020", D(2020, 1, 1), D(2020, 1, 1)),
        ("30 كانون أول 2019 - 2 كانون ثاني 2020", D(2019, 12, 30), D(2020, 1, 2)),
        # Persian/Urdu code points (FARSI YEH, KEHEH) in the month names
        ("25-26 تشرین الأول/ أکتوبر 2011، غابورونی، بوتسوانا", D(2011, 10, 25), D(2011, 10, 26)),
        # numeric forms
        ("20-10-2025", D(2025, 10, 20), D(2025, 10, 20)),
        ("15.05.2025", D(2025, 5, 15), D(2025, 5, 15)),
        ("2022/3/8", D(2022, 3, 8), D(2022, 3, 8)),
        ("14-15/4/2005", D(2005, 4, 14), D(2005, 4, 15)),
        ("25 أكتوبر من عام 2011", D(2011, 10, 25), D(2011, 10, 25)),
        ("25 أكتوبر 2011م", D(2011, 10, 25), D(2011, 10, 25)),
        # Hijri, with and without the Gregorian equivalent
        ("27/11/1432هـ الموافق 25/10/2011م، غابوروني", D(2011, 10, 25), D(2011, 10, 25)),
        ("27/11/1432 هـ", D(2011, 10, 25), D(2011, 10, 25)),
        ("1432/11/27هـ", D(2011, 10, 25), D(2011, 10, 25)),
        ("3 شعبان سنة 1443 هـ", D(2022, 3, 6), D(2022, 3, 6)),
        ("25-26 ذو القعدة 1432هـ", D(2011, 10, 23), D(2011, 10, 24)),
        ("25-26 ذي القعدة 1432هـ (الموافق 23-24 تشرين الأول/ أكتوبر 2011م)", D(2011, 10, 23), D(2011, 10, 24)),
        ("10 ذو الحجة 1432", D(2011, 11, 6), D(2011, 11, 6)),
        ("يحدد لاحقا، ثم 5 أيار 2010", D(2010, 5, 5), D(2010, 5, 5)),
        ("4-5 حزيران (يونيو) 2009، بانكوك", D(2009, 6, 4), D(2009, 6, 5)),
        ("30 تشرين الثاني (نوفمبر) - 1 كانون الأول (ديسمبر) 2019", D(2019, 11, 30), D(2019, 12, 1)),
    ],
)
def test_dates(text, start, end):
    found = find_date_range(to_match(text))
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "31 نيسان 2020", "نيسان 2020", "14-15 نيسان/ مايو 2005", "15-14 نيسان 2005", "غير معروف", "31/02/2020",
        "يحدد الموعد لاحقاً", "27/11/1432", "4 حزيران (مايو) 2009", "14 نيسان 1850", "12 شوال 1600هـ", "25 أكتوبر 2011هـ", "30 رمضان - 2 أكتوبر 2022",
    ],
)
def test_unparseable_dates_raise(text):
    with pytest.raises(DateParseError):
        find_date_range(to_match(text))


def test_a_year_outside_the_plausible_range_is_an_error_never_a_date():
    with pytest.raises(DateParseError, match="1432 is outside 1900–2100.*هـ"):
        find_date_range(to_match("27/11/1432"))
    with pytest.raises(DateParseError, match="Hijri year 1600"):
        find_date_range(to_match("12 شوال 1600 هـ"))


def mentions(text):
    return [(m.text, m.start, m.end, m.precision, m.calendar) for m in find_dates(to_match(text))]


def test_every_mention_with_its_span_precision_and_calendar():
    text = to_match("عقد في 14-15 نيسان/ أبريل 2005 ثم في أكتوبر 2011، وصدر التقرير عام 2016 وسنة 2022.")
    found = find_dates(text)
    assert [(m.start, m.end, m.precision) for m in found] == [
        (D(2005, 4, 14), D(2005, 4, 15), "day"),
        (D(2011, 10, 1), D(2011, 10, 31), "month"),
        (D(2016, 1, 1), D(2016, 12, 31), "year"),
        (D(2022, 1, 1), D(2022, 12, 31), "year"),
    ]
    assert [text[m.span[0]:m.span[1]] for m in found] == [
        "في 14-15 نيسان/ ابريل 2005", "في اكتوبر 2011", "عام 2016", "سنه 2022"
    ]
    assert all(m.text == text[m.span[0]:m.span[1]] and m.calendar == "gregorian" and not m.warnings for m in found)


@pytest.mark.parametrize(
    "text, want",
    [
        ("2005-2017", [("2005-2017", D(2005, 1, 1), D(2017, 12, 31), "year", "gregorian")]),
        ("نيسان - أيار 2005", [("نيسان - ايار 2005", D(2005, 4, 1), D(2005, 5, 31), "month", "gregorian")]),
        ("شباط 2024", [("شباط 2024", D(2024, 2, 1), D(2024, 2, 29), "month", "gregorian")]),
        ("كانون 2 2012", [("كانون 2 2012", D(2012, 1, 1), D(2012, 1, 31), "month", "gregorian")]),
        ("رمضان 1443", [("رمضان 1443", D(2022, 4, 2), D(2022, 5, 1), "month", "hijri")]),
        ("عام 1443 هـ", [("عام 1443 ه", D(2021, 8, 9), D(2022, 7, 29), "year", "hijri")]),
        ("في 1999 و 2000", [("1999", D(1999, 1, 1), D(1999, 12, 31), "year", "gregorian"),
                            ("2000", D(2000, 1, 1), D(2000, 12, 31), "year", "gregorian")]),
        ("5 أكتوبر 2010 و6 نوفمبر 2011", [("5 اكتوبر 2010", D(2010, 10, 5), D(2010, 10, 5), "day", "gregorian"),
                                          ("6 نوفمبر 2011", D(2011, 11, 6), D(2011, 11, 6), "day", "gregorian")]),
    ],
)
def test_month_year_and_lists(text, want):
    assert mentions(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "هاتف: +41 22 717 2005",
        "الهاتف 022 717 2005",
        "رقم 2005",
        "المادة 2010 من القانون",
        "ص.ب 2005",
        "P.O. Box 2005",
        "ISBN 978-92-9068-700-4",
        "2000 دولار",
        "بلغت 2010%",
        "1,2005",
        "2017-2005",
        "القرار 2005/15",
        "1234 5678",
        # counts: a quantity word before the number, or a noun after it
        "شارك أكثر من 2000 متطوع",
        "بمشاركة ما يزيد على 2000 شخص",
        "نحو 1500 أسرة",
        "وزعنا 2000 سلة غذائية",
        # a label that names no year
        "العدد: 2005",
        "tel: 2005",
    ],
)
def test_numbers_that_are_no_dates(text):
    assert find_dates(to_match(text)) == []


@pytest.mark.parametrize(
    "text, want",
    [
        # a year range written with Arabic-Indic digits and an en dash, at the end of a sentence
        ("ضمن الخطة الاستراتيجية للأعوام ٢٠٢٤–٢٠٢٨.", ("2024–2028", D(2024, 1, 1), D(2028, 12, 31))),
        ("العام الجامعي 2016/2017.", ("2016/2017", D(2016, 1, 1), D(2017, 12, 31))),
        # بين … و … is a range; عامي … و … two years (below)
        ("نفذت الجمعية بين 2019 و2023 خمسين مشروعاً", ("بين 2019 و2023", D(2019, 1, 1), D(2023, 12, 31))),
        ("بين عامي 2019 و 2023", ("بين عامي 2019 و 2023", D(2019, 1, 1), D(2023, 12, 31))),
        # a field whose label names a year
        ("سنة التأسيس: 1998", ("1998", D(1998, 1, 1), D(1998, 12, 31))),
        ("تاريخ الإصدار: 2021", ("2021", D(2021, 1, 1), D(2021, 12, 31))),
        # a bare year after a time word may be followed by a verb
        ("في 2019 أطلقنا البرنامج", ("2019", D(2019, 1, 1), D(2019, 12, 31))),
    ],
)
def test_year_ranges_and_years_in_context(text, want):
    assert [(m.text, m.start, m.end) for m in find_dates(to_match(text)) if m.precision == "year"] == [want]


def test_two_years_joined_by_and_stay_two():
    assert [(m.start, m.end) for m in find_dates(to_match("عامي 2019 و2023"))] == [
        (D(2019, 1, 1), D(2019, 12, 31)), (D(2023, 1, 1), D(2023, 12, 31))
    ]


def test_a_month_name_is_a_whole_word():
    assert mentions("كتاب 2005") == [("2005", D(2005, 1, 1), D(2005, 12, 31), "year", "gregorian")]
    assert mentions("صفر 2020") == [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", "gregorian")]  # zero, not Safar


def test_hijri_date_with_its_gregorian_equivalent_is_one_mention():
    (m,) = find_dates(to_match("27/11/1432هـ الموافق 25/10/2011م"))
    assert (m.start, m.end, m.precision, m.calendar) == (D(2011, 10, 25), D(2011, 10, 25), "day", "hijri")
    assert m.hijri == "1432-11-27" and m.hijri_text == "27/11/1432ه" and m.warnings == ()
    (m,) = find_dates(to_match("25 أكتوبر 2011م الموافق 27 ذو القعدة 1432هـ"))
    assert (m.start, m.hijri, m.warnings) == (D(2011, 10, 25), "1432-11-27", ())
    # unmarked, but the Gregorian equivalent shows which one is Hijri
    (m,) = find_dates(to_match("27/11/1432 الموافق لـ 25/10/2011"))
    assert (m.start, m.calendar, m.hijri) == (D(2011, 10, 25), "hijri", "1432-11-27")
    (m,) = find_dates(to_match("25-26 ذو القعدة 1432هـ الموافق 23-24 أكتوبر 2011م"))
    assert (m.start, m.end, m.hijri, m.warnings) == (D(2011, 10, 23), D(2011, 10, 24), "1432-11-25/1432-11-26", ())


def test_a_hijri_date_that_disagrees_with_its_equivalent_keeps_the_gregorian_and_warns():
    (m,) = find_dates(to_match("27/11/1432هـ الموافق 27/10/2011م"))
    assert (m.start, m.end) == (D(2011, 10, 27), D(2011, 10, 27))
    assert len(m.warnings) == 1 and "2011-10-25" in m.warnings[0] and "+2 days" in m.warnings[0]
    found = find_date_range(to_match("27/11/1432هـ الموافق 27/10/2011م، جدة"))
    assert found.start == D(2011, 10, 27) and found.warnings == m.warnings


def test_hijri_months_and_years_agree_with_the_gregorian_ones_they_overlap():
    (m,) = find_dates(to_match("رمضان 1443هـ (أبريل 2022م)"))
    assert (m.start, m.end, m.precision, m.calendar, m.hijri, m.warnings) == (
        D(2022, 4, 1), D(2022, 4, 30), "month", "hijri", "1443-09", ()
    )
    (m,) = find_dates(to_match("عام 1443هـ الموافق 2022م"))
    assert (m.start, m.end, m.precision, m.warnings) == (D(2022, 1, 1), D(2022, 12, 31), "year", ())
    (m,) = find_dates(to_match("رمضان 1443هـ (يونيو 2022م)"))
    assert len(m.warnings) == 1


def test_day_thirty_of_a_29_day_umm_al_qura_month():
    # Shaban 1443 has 29 days in Umm al-Qura (1 Ramadan 1443 = 2 April 2022).
    (m,) = find_dates(to_match("30 شعبان 1443"))
    assert m.start == D(2022, 4, 2) and "29 days" in m.warnings[0]


def test_one_bad_date_never_hides_the_others():
    found = find_dates(to_match("من 31 نيسان 2020، والموعد الثاني 27/11/1432، والثالث 5 أيار 2020"))
    assert [(m.start, bool(m.warnings)) for m in found] == [(None, True), (None, True), (D(2020, 5, 5), False)]
    assert "not a real day" in found[0].warnings[0]


def test_looks_like_date():
    assert looks_like_date(to_match("يحدد الموعد لاحقاً"))
    assert looks_like_date(to_match("منتصف أيار"))
    assert looks_like_date(to_match("TBD"))
    assert looks_like_date(to_match("قيد التحديد"))
    assert not looks_like_date(to_match("غابوروني"))
    assert not looks_like_date(to_match("المملكة العربية السعودية"))


@given(st.dates(D(1900, 1, 1), D(2100, 12, 31)), st.sampled_from(["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d}.{m}.{y}"]))
def test_numeric_dates_round_trip(day, fmt):
    text = fmt.format(d=day.day, m=day.month, y=day.year)
    found = find_date_range(text)
    assert (found.start, found.end, found.span) == (day, day, (0, len(text)))


@given(st.text(alphabet="0123456789 -/.,:+هم", max_size=40))
def test_find_dates_never_raises(text):
    for m in find_dates(text):
        assert 0 <= m.span[0] < m.span[1] <= len(text)
        assert (m.start is None) == (m.end is None)
        assert m.start is None or m.start <= m.end
        assert m.start is not None or m.warnings
