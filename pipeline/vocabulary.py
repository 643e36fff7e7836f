"""The brochures' vocabulary, shared by the segment and parse stages.

Words are written here as the brochures spell them; every lookup table is
keyed by the *matching* form (:func:`pipeline.normalize.to_match`), so
spelling variants that differ only in hamza on alef, alef maksura, teh
marbuta or diacritics (أقليمية / إقليمية, آليّة / آلية) hit the same key.
"""

from __future__ import annotations

import re
from functools import cache

from .normalize import to_match

# --- Years ---------------------------------------------------------------------
# A year as brochures give it (ASCII digits: the matching form), within the
# range the Meeting model accepts (1900–2100).
YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")

# --- Meeting headings -------------------------------------------------------
# "الاجتماع العالمي <ordinal> …: <year>" (the brochure's meeting headings).
MEETING_HEADING_PREFIXES = ("الاجتماع العالمي", "الاجتماع الدولي")

# --- Field labels of a meeting section ---------------------------------------
# label → field key. Keys: hosts, date_venue, date, venue, theme,
# participants, outcome, expected_outcome.
MEETING_LABELS: dict[str, str] = {
    "المضيف": "hosts",
    "المضيفون": "hosts",
    "الجهة المضيفة": "hosts",
    "الجهات المضيفة": "hosts",
    "البلد المضيف": "hosts",
    "الدولة المضيفة": "hosts",
    "الجهة المنظمة": "hosts",
    "تاريخ ومكان الانعقاد": "date_venue",
    "مكان وتاريخ الانعقاد": "date_venue",
    "تاريخ الانعقاد ومكانه": "date_venue",
    "التاريخ والمكان": "date_venue",
    "المكان والتاريخ": "date_venue",
    "الزمان والمكان": "date_venue",
    "المكان والزمان": "date_venue",
    "موعد ومكان الانعقاد": "date_venue",
    "تاريخ الانعقاد": "date",
    "التاريخ": "date",
    "موعد الانعقاد": "date",
    "مكان الانعقاد": "venue",
    "المكان": "venue",
    "الموضوع": "theme",
    "المحور": "theme",
    "موضوع الاجتماع": "theme",
    "الموضوع الرئيسي": "theme",
    "المشاركون": "participants",
    "المشاركين": "participants",
    "الحضور": "participants",
    "النتيجة": "outcome",
    "النتائج": "outcome",
    "المخرجات": "outcome",
    "النتيجة المتوقعة": "expected_outcome",
    "النتائج المتوقعة": "expected_outcome",
    "المخرجات المتوقعة": "expected_outcome",
}

# --- Contact block labels -----------------------------------------------------
CONTACT_LABELS: dict[str, str] = {
    "العنوان": "address",
    "عنوان": "address",
    "العنوان البريدي": "address",
    "address": "address",
    "الهاتف": "phone",
    "هاتف": "phone",
    "رقم الهاتف": "phone",
    "tel": "phone",
    "tel.": "phone",
    "telephone": "phone",
    "phone": "phone",
    "فاكس": "fax",
    "الفاكس": "fax",
    "الناسوخ": "fax",
    "fax": "fax",
    "البريد الإلكتروني": "email",
    "البريد الالكتروني": "email",
    "البريد": "email",
    "email": "email",
    "e-mail": "email",
    "الموقع الشبكي": "website",
    "الموقع الإلكتروني": "website",
    "الموقع على الإنترنت": "website",
    "الموقع": "website",
    "website": "website",
    "web": "website",
}

# A label: a short phrase (at most five words, no digits, no sentence
# punctuation) ending in a colon at the start of a block.
_LABEL_RE = re.compile(r"^\s*([^\d:.,;!?()\"«»\[\]]{2,60}?)\s*:\s*")
_MAX_LABEL_WORDS = 5


@cache
def meeting_label_table() -> dict[str, str]:
    """``MEETING_LABELS`` keyed by matching form."""
    return {to_match(k): v for k, v in MEETING_LABELS.items()}


@cache
def contact_label_table() -> dict[str, str]:
    """``CONTACT_LABELS`` keyed by matching form."""
    return {to_match(k): v for k, v in CONTACT_LABELS.items()}


def split_label(match_text: str) -> tuple[str, int] | None:
    """Find a leading ``label:`` in a matching-form text.

    Returns:
        ``(label, value_start)``: the label in matching form (single-spaced)
        and the index in ``match_text`` where the value starts; ``None`` if
        the text does not start with a short label followed by a colon.
    """
    m = _LABEL_RE.match(match_text)
    if not m:
        return None
    label = " ".join(m.group(1).split())
    if not label or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    return label, m.end()


# --- Numbers ---------------------------------------------------------------
# Cardinal number words, masculine and feminine, in matching form after
# to_match (ة → ه, ى → ي, hamza on alef dropped).
_UNITS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "أحد", "إحدى"),
    2: ("اثنان", "اثنتان", "اثنين", "اثنتين", "اثنا", "اثنتا"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثماني", "ثمانية", "ثمان"),
    9: ("تسع", "تسعة"),
    10: ("عشر", "عشرة"),
}
_TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
}
# Ordinals (masculine and feminine), with and without the article.
_ORDINAL_UNITS: dict[int, tuple[str, ...]] = {
    1: ("أول", "أولى", "حادي", "حادية"),
    2: ("ثاني", "ثانية"),
    3: ("ثالث", "ثالثة"),
    4: ("رابع", "رابعة"),
    5: ("خامس", "خامسة"),
    6: ("سادس", "سادسة"),
    7: ("سابع", "سابعة"),
    8: ("ثامن", "ثامنة"),
    9: ("تاسع", "تاسعة"),
    10: ("عاشر", "عاشرة"),
}


def _strip_article(word: str) -> str:
    for prefix in ("وال", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return word[1:] if word.startswith("و") and len(word) > 2 else word


@cache
def _cardinal_table() -> dict[str, int]:
    return {to_match(w): n for n, words in (_UNITS | _TENS).items() for w in words}


@cache
def _ordinal_table() -> dict[str, int]:
    return {to_match(w): n for n, words in _ORDINAL_UNITS.items() for w in words}


def parse_cardinal_words(words: list[str]) -> tuple[int, int] | None:
    """Read a cardinal number written in words at the start of ``words``.

    Handles units 1–10 in both genders, 11–19 (``ثلاث عشرة``, ``أحد عشر``,
    ``اثنا عشر``), tens 20–90 and compounds (``خمسة وعشرون``).

    Args:
        words: matching-form tokens.

    Returns:
        ``(value, tokens_used)`` or ``None`` if the first token is no number word.
    """
    return _parse_number_words(words, _cardinal_table(), article=False)


def parse_ordinal_words(words: list[str]) -> tuple[int, int] | None:
    """Read an ordinal at the start of ``words`` (matching-form tokens).

    Handles الأول … العاشر and their feminine forms, 11–19 (``الحادي عشر``,
    ``الحادية عشرة``, ``الثاني عشر``), tens (``العشرون``, ``العشرين``) and
    compounds (``الحادي والعشرون``), up to 99.

    Returns:
        ``(value, tokens_used)`` or ``None``.
    """
    table = _ordinal_table() | {k: v for k, v in _cardinal_table().items() if v >= 20}
    return _parse_number_words(words, table, article=True)


def _parse_number_words(words: list[str], table: dict[str, int], *, article: bool) -> tuple[int, int] | None:
    if not words:
        return None

    def value(word: str) -> int | None:
        if word in table:
            return table[word]
        if article:
            bare = _strip_article(word)
            return table.get(bare)
        return None

    first = value(words[0])
    if first is None:
        return None
    ten_words = {to_match(w) for w in ("عشر", "عشرة")}
    if first < 10 and len(words) > 1 and words[1] in ten_words:
        return 10 + first, 2
    if first < 10 and len(words) > 1 and words[1].startswith("و"):
        tens = value(words[1][1:])
        if tens is not None and tens >= 20 and tens % 10 == 0:
            return tens + first, 2
    return first, 1


# --- Meeting headings (the meetings profile's section headings) -------------
_NUMERAL_RE = re.compile(r"^\d{1,3}$")


@cache
def _heading_prefixes() -> tuple[str, ...]:
    return tuple(to_match(p) for p in MEETING_HEADING_PREFIXES)


def meeting_heading_number(match_text: str) -> int | None:
    """The meeting number right after a meeting-heading prefix, or ``None``.

    Accepts ordinal words (``الأول``، ``الحادي عشر``، ``العشرون``), numerals
    (``الاجتماع العالمي 8``) and numerals after the article or رقم (``الـ 8``).
    """
    for p in _heading_prefixes():
        if match_text.startswith(p):
            words = match_text[len(p):].replace(":", " ").split()
            if len(words) > 1 and words[0] in ("ال", "رقم") and _NUMERAL_RE.match(words[1]):
                words = words[1:]
            if words and _NUMERAL_RE.match(words[0]):
                return int(words[0])
            parsed = parse_ordinal_words(words)
            return parsed[0] if parsed else None
    return None
