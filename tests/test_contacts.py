"""Contact mentions in any text: phone and fax numbers (E.164 with
phonenumbers), e-mail addresses, web sites, social handles and pages. The
E.164 values were written by hand from each country's numbering plan
(country code, then the national number without its trunk 0)."""

from pathlib import Path

import pytest

from pipeline import extract_source
from pipeline.parse.contacts import ContactMention, find_contacts


def found(text, region=None):
    return [(c.kind, c.text, c.value) for c in find_contacts(text, region)]


@pytest.mark.parametrize(
    "text, region, want",
    [
        # Egypt: Cairo landline, mobile; with the country code or national with a default region
        ("هاتف: +20 2 34567890", None, ("phone", "+20 2 34567890", "+20234567890")),
        ("هاتف: 02 34567890", "EG", ("phone", "02 34567890", "+20234567890")),
        ("جوال 010 01234567", "EG", ("phone", "010 01234567", "+201001234567")),
        # Saudi Arabia, Riyadh; Arabic-Indic digits
        ("الهاتف: +966 11 234 5678", None, ("phone", "+966 11 234 5678", "+966112345678")),
        ("الهاتف: ٠١١ ٢٣٤ ٥٦٧٨", "SA", ("phone", "٠١١ ٢٣٤ ٥٦٧٨", "+966112345678")),
        ("الهاتف: ٩٦٦١١٢٣٤٥٦٧٨+", None, ("phone", "٩٦٦١١٢٣٤٥٦٧٨+", "+966112345678")),
        # United Arab Emirates, Abu Dhabi landline and a mobile
        ("هاتف +971 2 234 5678", None, ("phone", "+971 2 234 5678", "+97122345678")),
        ("متحرك: 050 123 4567", "AE", ("phone", "050 123 4567", "+971501234567")),
        # Jordan, Amman, with the trunk prefix in brackets
        ("هاتف: +962 6 200 1234", None, ("phone", "+962 6 200 1234", "+96262001234")),
        ("هاتف: (06) 200 1234", "JO", ("phone", "(06) 200 1234", "+96262001234")),
        # Morocco, Persian (Extended Arabic-Indic) digits
        ("الهاتف: +212 5 20 12 34 56", None, ("phone", "+212 5 20 12 34 56", "+212520123456")),
        ("الهاتف: ۰۵ ۲۰ ۱۲ ۳۴ ۵۶", "MA", ("phone", "۰۵ ۲۰ ۱۲ ۳۴ ۵۶", "+212520123456")),
        # Switzerland (the IOM brochure's contact block)
        ("Tel: +41 22 717 91 11", None, ("phone", "+41 22 717 91 11", "+41227179111")),
        ("الفاكس: 022 798 61 50", "CH", ("fax", "022 798 61 50", "+41227986150")),
        # visual order from a PDF: the + after the digits, and the groups reversed
        ("هاتف 41 22 717 91 11+", None, ("phone", "41 22 717 91 11+", "+41227179111")),
        ("هاتف 11 91 717 22 41+", None, ("phone", "11 91 717 22 41+", "+41227179111")),
        # a labelled national number without a region: kept as printed, no E.164
        ("الهاتف: 22 717 91 11", None, ("phone", "22 717 91 11", None)),
    ],
)
def test_phone_numbers(text, region, want):
    assert found(text, region) == [want]


def test_phone_and_fax_on_one_line_take_the_nearest_label():
    text = "هاتف: +41 22 717 91 11 فاكس: +41 22 798 61 50 ناسوخ +41 22 798 61 51\nFax +41 22 798 61 52 Tel +41 22 717 91 12"
    assert [(c.kind, c.value, c.region) for c in find_contacts(text)] == [
        ("phone", "+41227179111", "CH"),
        ("fax", "+41227986150", "CH"),
        ("fax", "+41227986151", "CH"),
        ("fax", "+41227986152", "CH"),
        ("phone", "+41227179112", "CH"),
    ]


def test_an_unlabelled_national_number_needs_a_region():
    assert found("المرجع الداخلي 02 34567890 للمزيد") == []
    assert found("زورونا أو 02 34567890 للمزيد", "EG") == [("phone", "02 34567890", "+20234567890")]


@pytest.mark.parametrize(
    "text",
    [
        "اتصلوا على 02 34567890 للمزيد",  # a call right before it
        "للاستفسار يرجى الاتصال بالرقم 02 34567890 أو زيارة المقر",
        "هاتف المكتب الرئيسي: 02 34567890",  # a phone word anywhere in its label
        "للتأكيد: 02 34567890 (واتساب)",  # a messaging service right after it
    ],
)
def test_a_number_asked_to_be_called_is_kept_as_printed_when_its_region_is_unknown(text):
    (m,) = find_contacts(text)
    assert (m.kind, m.text, m.value, m.region, m.problem) == ("phone", "02 34567890", None, None, "region_unknown")
    (m,) = find_contacts(text, "EG")
    assert (m.value, m.region, m.problem) == ("+20234567890", "EG", None)


def test_candidate_regions_a_number_is_valid_in_one_of():
    # Jordan's Amman and the Sultanate of Oman share a name (عمان): the number decides.
    assert [(c.value, c.region) for c in find_contacts("هاتف: 06 465 1234 أو 0797 555 321", ("OM", "JO"))] == [
        ("+96264651234", "JO"), ("+962797555321", "JO")
    ]
    # valid in neither: kept as printed, unsure
    (m,) = find_contacts("هاتف: 06 465 1234", ("OM", "KW"))
    assert (m.value, m.problem) == (None, "region_unsure")
    # no label, valid in neither: no phone
    assert find_contacts("زورونا أو 06 465 1234", ("OM", "KW")) == []


def test_international_numbers_with_00_and_invalid_ones_with_their_country_code():
    # 00 is the international prefix: +965 2225 1234 (Kuwait, 8 digits)
    assert [(c.text, c.value, c.region) for c in find_contacts("من خارج الكويت: 00965 2225 1234")] == [
        ("00965 2225 1234", "+96522251234", "KW")
    ]
    # +971 4 123 4567: Dubai's landlines are 04 2xx … 04 8xx; 04 1… is no number (libphonenumber):
    # kept as printed, not dropped, with no label and under any label
    for text in ("اتصلوا بنا +971 4 123 4567", "هاتف دبي: +971 4 123 4567"):
        (m,) = find_contacts(text, "SA")
        assert (m.text, m.value, m.region, m.problem) == ("+971 4 123 4567", None, None, "invalid")
    # an invalid national number under a phone label, region known: as printed, invalid
    (m,) = find_contacts("الجوال: 0797 555", "JO")
    assert (m.value, m.problem) == (None, "invalid")


@pytest.mark.parametrize("region", ["EG", "SA", "AE", "JO", "MA", "CH", "KW", "QA", "BH", "OM", "IQ", "TN", "LB", ("KW", "OM")])
@pytest.mark.parametrize(
    "text",
    [
        "عقد الاجتماع عام 2016 ثم عام 2017",
        "في الفترة 2005-2017",
        "بين 2005 - 2017",
        "المادة 12 من القانون رقم 8 لسنة 2022",
        "القرار 2005/15",
        "بتاريخ 20-10-2025 و15.05.2025 و2022/3/8",
        "من 14 إلى 15 نيسان/ أبريل 2005",
        "ISBN 978-92-9068-700-4",
        "ISBN: 9789290687004",
        "السعر 2500000 جنيه أو 1,250,000 ريال",
        "صفحة 123456",
        "P.O. Box 17, 1211 Geneva 19",
        # Gulf national numbers are 8 digits with no trunk 0: codes and amounts of 8 digits are none
        "رقم الحساب: 22251234",
        "السجل التجاري 12345678 والرقم الضريبي 300123456700003",
        "ص.ب 22251234 الرمز البريدي 13001",
        "بلغ عدد المستفيدين 25000000 شخص",
        "المبلغ 55123456 دينار",
        "IBAN: JO71 ARAB 1180 0000 0011 8123 4567 890",
        "IBAN KW81 CBKU 0000 0000 0000 1234 5601 01",
        "شارك أكثر من 2000 متطوع في 12 محافظة",
        "الشهادات: ISO 9001:2015",
        "الجلسة 08:30 – 09:30 ثم 10:00 – 11:30",
        "رسوم التسجيل: 1,500 درهم (750 للطلاب)",
        "العام الجامعي 2016/2017",
        "للأعوام ٢٠٢٤–٢٠٢٨",
        "١٢٬٤٥٠ مستفيداً و٨٫٥ مليون ريال",
    ],
)
def test_things_that_are_no_phone_numbers(text, region):
    assert [c for c in find_contacts(text, region) if c.kind in ("phone", "fax")] == []


def test_emails_websites_and_social():
    text = (
        "البريد الإلكتروني: GRCP@IOM.int، الموقع: www.iom.int/ar و iom.int/global-rcp-meetings "
        "و https://www.IOM.int/ar/x?y=1. وزارة: moi.gov.eg. تابعونا على @IOM_Arabic و(https://twitter.com/UNmigration) "
        "و facebook.com/IOM و https://www.youtube.com/user/IOMvideo"
    )
    mentions = find_contacts(text)
    assert [(c.kind, c.value) for c in mentions] == [
        ("email", "grcp@iom.int"),
        ("website", "https://www.iom.int/ar"),
        ("website", "https://iom.int/global-rcp-meetings"),
        ("website", "https://www.iom.int/ar/x?y=1"),
        ("website", "https://moi.gov.eg"),
        ("social", "@IOM_Arabic"),
        ("social", "https://twitter.com/UNmigration"),
        ("social", "https://facebook.com/IOM"),
        ("social", "https://www.youtube.com/user/IOMvideo"),
    ]
    assert all(text[c.span[0]:c.span[1]] == c.text for c in mentions)
    assert mentions[0].text == "GRCP@IOM.int"


@pytest.mark.parametrize("text", ["file.py", "e.g. this", "name.ch", "3.14", "a@b", "v1.2.3", "الموقع.الشبكي"])
def test_no_website_without_a_clear_tld(text):
    assert find_contacts(text) == []


def test_spans_index_the_text_as_given_with_arabic_indic_digits():
    text = "للاستفسار: الهاتف ٠٢ ٣٤٥٦٧٨٩٠ أو البريد info@example.org"
    mentions = find_contacts(text, "EG")
    assert mentions == [
        ContactMention("phone", "٠٢ ٣٤٥٦٧٨٩٠", "+20234567890", (18, 29), "EG"),
        ContactMention("email", "info@example.org", "info@example.org", (40, 56)),
    ]
    assert [text[a:b] for a, b in (m.span for m in mentions)] == ["٠٢ ٣٤٥٦٧٨٩٠", "info@example.org"]


def test_the_contact_block_uses_the_same_functions(tmp_path: Path):
    text = (
        "# عنوان\n\n## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005\n\nالمضيف: حكومة بيرو\n\n"
        "تاريخ ومكان الانعقاد: 14 نيسان 2005، جنيف، سويسرا\n\n"
        "المنظمة الدولية للهجرة\n\nشعبة الشراكات الدولية\n\nالعنوان:\n\n17 route des Morillons\n\n"
        "الهاتف: +41 22 717 91 11 (المقسم)\n\nالفاكس: ‎+41 22 798 61 50\n\nالبريد الإلكتروني: GRCP@iom.int\n\n"
        "الموقع الشبكي: www.iom.int/global-rcp-meetings\n"
    )
    path = tmp_path / "b.md"
    path.write_text(text, encoding="utf-8")
    contact = extract_source(path).record.contact
    assert (contact.phone, contact.fax) == ("+41 22 717 91 11", "+41 22 798 61 50")
    assert contact.email == "GRCP@iom.int"
    assert contact.website == "https://www.iom.int/global-rcp-meetings"
