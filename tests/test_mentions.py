"""Contacts and dates found anywhere in a document, with the text as printed, a
normalised value and provenance (values checked by hand against the sources)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline import extract, extract_source

from .conftest import BROCHURE_TXT

KINDS = Path(__file__).resolve().parent / "data" / "kinds"


def contacts(record):
    return [(c.kind, c.text, c.value, c.label, c.region) for c in record.contacts]


def test_company_contacts_take_the_region_of_the_address():
    r = extract(KINDS / "company.md")
    assert contacts(r) == [
        ("address", "12 شارع التحرير، الدقي، الجيزة، مصر", "12 شارع التحرير، الدقي، الجيزة، مصر", "العنوان", None),
        # National numbers: Egypt, from the address; Arabic-Indic digits kept as printed, E.164 in ASCII.
        ("phone", "02 3333 4444", "+20233334444", "الهاتف", "EG"),
        ("phone", "٠١٠٠ ١٢٣ ٤٥٦٧", "+201001234567", "الجوال", "EG"),
        ("email", "Info@Alwaha-Digital.com", "info@alwaha-digital.com", "البريد الإلكتروني", None),
        ("social", "facebook.com/alwaha.digital", "https://facebook.com/alwaha.digital", "تابعونا على فيسبوك", None),
        ("social", "@alwaha_digital", "@alwaha_digital", None, None),
        ("website", "www.alwaha-digital.com", "https://www.alwaha-digital.com", "الموقع", None),
    ]
    assert [c.provenance.line_start for c in r.contacts] == [13, 15, 17, 19, 21, 21, 23]


def test_company_dates_with_precision_and_hijri():
    r = extract(KINDS / "company.md")
    got = [(d.text, d.start, d.end, d.precision, d.calendar, d.hijri, d.provenance.line_start) for d in r.dates]
    day = dt.date
    assert got == [
        ("منذ عام 2009", day(2009, 1, 1), day(2009, 12, 31), "year", "gregorian", None, 3),
        ("15.05.2025", day(2025, 5, 15), day(2025, 5, 15), "day", "gregorian", None, 7),
        ("أكتوبر 2025", day(2025, 10, 1), day(2025, 10, 31), "month", "gregorian", None, 7),
        ("يومي 20-21 نوفمبر 2025", day(2025, 11, 20), day(2025, 11, 21), "day", "gregorian", None, 9),
        # 29 Jumada al-Awwal 1447 is 20 November 2025 (Umm al-Qura): one mention, both calendars
        # agree. The display form has no tatweel (هـ → ه).
        ("29 جمادى الأولى 1447ه الموافق 20/11/2025م", day(2025, 11, 20), day(2025, 11, 20), "day", "hijri", "1447-05-29", 9),
    ]


def test_brochure_contacts_are_found_everywhere_once_each():
    r = extract_source(BROCHURE_TXT)
    assert contacts(r.record) == [
        ("address", "17 route des Morillons | P.O. Box 17 | 1211 Geneva 19 | Switzerland",
         "17 route des Morillons, P.O. Box 17, 1211 Geneva 19, Switzerland", "العنوان", None),
        ("phone", "+41 22 717 91 11", "+41227179111", "الهاتف", "CH"),
        ("fax", "+41 22 798 61 50", "+41227986150", "فاكس", "CH"),
        ("email", "grcp@iom.int", "grcp@iom.int", "البريد الإلكتروني", None),
        ("website", "https://www.iom.int/global-rcp-meetings", "https://www.iom.int/global-rcp-meetings", "الموقع الشبكي", None),
    ]
    # Every meeting's dates are date mentions too, at the meeting's lines.
    spans = {(d.start, d.end) for d in r.record.dates if d.precision == "day"}
    for m in r.record.meetings:
        if m.start_date:
            assert (m.start_date, m.end_date) in spans
    assert not [w for w in r.warnings if w.code in ("unparsed_date", "date_doubtful")]


def test_a_date_that_names_no_day_is_a_warning_with_its_line(tmp_path):
    src = tmp_path / "x.md"
    src.write_text("# نشرة\n\nعقد اللقاء في 31 نيسان 2019 وانتهى في 2 أيار 2019.\n", encoding="utf-8")
    result = extract_source(src)
    assert [(d.text, d.start) for d in result.record.dates] == [("2 أيار 2019", dt.date(2019, 5, 2))]
    (warning,) = [w for w in result.warnings if w.code == "unparsed_date"]
    assert warning.line == 3 and "31 نيسان 2019" in warning.message


def test_a_repeated_footer_contact_and_date_are_listed_once(tmp_path):
    from pipeline.normalize import normalize_blocks
    from pipeline.mentions import find_contact_mentions, find_date_mentions
    from pipeline.profiles import vocabulary
    from pipeline.read.blocks import Block
    from pipeline.structure import structure

    body = [Block(lines=("نص الصفحة الأولى من النشرة.",), page=1), Block(lines=("نص الصفحة الثانية.",), page=2)]
    feet = [Block(lines=("www.example.org - 6 مارس 2022",), page=p, role="footer") for p in (1, 2)]
    doc = structure(normalize_blocks(body), vocabulary(), feet)
    found, warnings = find_contact_mentions(doc, None)
    assert warnings == []
    assert [(c.kind, c.value, c.provenance.page) for c in found] == [("website", "https://www.example.org", 1)]
    dates, _ = find_date_mentions(doc)
    assert [(d.text, d.start, d.provenance.page) for d in dates] == [("6 مارس 2022", dt.date(2022, 3, 6), 1)]


def test_hyperlink_targets_of_a_web_page_are_contacts(tmp_path):
    page = tmp_path / "amal.html"
    page.write_text(
        '<html lang="ar" dir="rtl"><body><h1>مؤسسة الأمل</h1><p>للتواصل <a href="mailto:info@amal.org">راسلونا</a> '
        'أو <a href="tel:+97145551234">اتصلوا بنا</a>، وزوروا <a href="https://amal.org/ar">موقعنا</a>.</p></body></html>',
        encoding="utf-8",
    )
    r = extract(page)
    assert contacts(r) == [
        ("email", "info@amal.org", "info@amal.org", None, None),
        ("phone", "+97145551234", "+97145551234", None, "AE"),
        ("website", "https://amal.org/ar", "https://amal.org/ar", None, None),
    ]
    assert all(c.provenance.locator == "body > p" for c in r.contacts)


def test_a_pdfs_link_annotations_are_contacts():
    # tests/data/pdf/links/make_links.py: an e-mail behind the word راسلونا, social icons with no text,
    # a printed web address with its link, an unsubscribe link. Values written by hand from its HTML.
    r = extract(Path(__file__).parent / "data" / "pdf" / "links" / "links-chromium.pdf")
    assert [(c.kind, c.value, c.provenance.page) for c in r.contacts] == [
        ("website", "https://www.sanabel.org.jo", 1),  # printed: its link adds nothing
        ("email", "info@sanabel.org.jo", 1),
        ("social", "https://instagram.com/sanabel.jo", 1),  # right to left, as the icons are read
        ("social", "https://x.com/sanabel_jo", 1),
    ]


def test_a_web_site_printed_and_behind_a_link_with_www_is_one_contact(tmp_path):
    path = tmp_path / "b.html"
    path.write_text('<html lang="ar" dir="rtl"><body><h1>جمعية الأمل</h1><p>موقعنا: amal.org.sa — '
                    '<a href="https://www.amal.org.sa/">زوروا الموقع</a> و<a href="https://amal.org.sa/ar">العربية</a></p>'
                    "</body></html>", encoding="utf-8")
    sites = [c.value for c in extract(path).contacts if c.kind == "website"]
    assert sites == ["https://amal.org.sa", "https://amal.org.sa/ar"]  # www. and the final / make no second site
