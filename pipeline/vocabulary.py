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
    "الجوال": "phone",
    "جوال": "phone",
    "الهاتف المحمول": "phone",
    "المحمول": "phone",
    "موبايل": "phone",
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
# Cardinal number words, masculine and feminine, nominative and oblique (the
# tables are keyed by matching form: ة → ه, ى → ي, hamza on alef dropped).
_UNITS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "أحد", "إحدى"),
    2: ("اثنان", "اثنتان", "اثنين", "اثنتين", "اثنا", "اثنتا", "اثني", "اثنتي", "ثنتان", "ثنتين"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثماني", "ثمانية", "ثمان"),
    9: ("تسع", "تسعة"),
}
_TEN = ("عشر", "عشرة")
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
# Hundreds: مائة and مئة (both spellings are standard), the dual, and 300–900
# written as one word (ثلاثمائة) — written as two (ثلاث مائة) they are a unit
# and مائة.
_HUNDRED = ("مائة", "مئة")
_TWO_HUNDRED = ("مائتان", "مئتان", "مائتين", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي")
_HUNDRED_STEMS: dict[int, tuple[str, ...]] = {
    3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثمان", "ثماني"), 9: ("تسع",),
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
}


@cache
def _word_table(ordinal: bool) -> dict[str, tuple[str, int]]:
    """Number word (matching form) → (kind, value); kinds: ``unit`` (1–9),
    ``ten`` (10), ``teen`` (the عشر of an ordinal 11th–19th), ``tens``
    (20–90), ``hundred`` (100–900)."""
    table: dict[str, tuple[str, int]] = {}
    for n, words in (_ORDINAL_UNITS if ordinal else _UNITS).items():
        table.update({to_match(w): ("unit", n) for w in words})
    if ordinal:
        # العاشر is 10th; 11th–19th end in the cardinal عشر/عشرة (الحادي عشر).
        table.update({to_match(w): ("ten", 10) for w in ("عاشر", "عاشرة")})
        table.update({to_match(w): ("teen", 10) for w in _TEN})
    else:
        table.update({to_match(w): ("ten", 10) for w in _TEN})
    for n, words in _TENS.items():
        table.update({to_match(w): ("tens", n) for w in words})
    table.update({to_match(w): ("hundred", 100) for w in _HUNDRED})
    table.update({to_match(w): ("hundred", 200) for w in _TWO_HUNDRED})
    for n, stems in _HUNDRED_STEMS.items():
        table.update({to_match(stem + h): ("hundred", n * 100) for stem in stems for h in _HUNDRED})
    return table


def parse_cardinal_words(words: list[str], *, article: bool = True) -> tuple[int, int] | None:
    """Read a cardinal number written in words at the start of ``words``.

    Every number from 1 to 999: units in both genders and cases (``إحدى``،
    ``اثنتين``), 11–19 (``ثلاث عشرة``، ``أحد عشر``، ``اثنتا عشرة``), tens
    (``عشرون``/``عشرين``), units and tens (``إحدى وعشرون``), hundreds with
    ``مائة`` or ``مئة`` (``مائة``، ``مئتان``، ``ثلاثمائة``، ``ثلاث مئة``) and what
    follows them (``مائة وخمس وعشرون``); with the article when ``article``
    (``الخمسة والعشرون``، ``المائة``).

    Args:
        words: matching-form tokens.
        article: accept ``ال`` on the number words.

    Returns:
        ``(value, tokens_used)`` or ``None`` if the first token is no number word.
    """
    return _parse_number_words(words, _word_table(False), article=article, conjunction=False)


def parse_ordinal_words(words: list[str]) -> tuple[int, int] | None:
    """Read an ordinal at the start of ``words`` (matching-form tokens).

    Handles الأول … العاشر and their feminine forms, 11–19 (``الحادي عشر``,
    ``الحادية عشرة``, ``الثاني عشر``), tens (``العشرون``, ``العشرين``),
    compounds (``الحادي والعشرون``) and hundreds (``المائة``), up to 999.

    Returns:
        ``(value, tokens_used)`` or ``None``.
    """
    return _parse_number_words(words, _word_table(True), article=True, conjunction=True)


def _parse_number_words(
    words: list[str], table: dict[str, tuple[str, int]], *, article: bool, conjunction: bool
) -> tuple[int, int] | None:
    """Hundreds, then units-and-tens joined by و; ``conjunction``: the first
    word may carry و too."""

    def word(i: int, *, joined: bool) -> tuple[str, int] | None:
        """Kind and value of ``words[i]``; ``joined``: it must start with و."""
        if i >= len(words):
            return None
        w = words[i]
        forms = []
        if joined:
            if not (w.startswith("و") and len(w) > 2):
                return None
            w = w[1:]
        elif conjunction and w.startswith("و") and len(w) > 2:
            forms.append(w[1:])
        forms.insert(0, w)
        if article:
            forms += [f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 3]
        for f in forms:
            if f in table:
                return table[f]
        return None

    def below_hundred(i: int, *, joined: bool) -> tuple[int, int] | None:
        first = word(i, joined=joined)
        if first is None or first[0] in ("hundred", "teen"):
            return None
        kind, value = first
        if kind == "unit":
            nxt = word(i + 1, joined=False)
            if nxt is not None and nxt[0] in ("ten", "teen"):
                return 10 + value, i + 2
            nxt = word(i + 1, joined=True)
            if nxt is not None and nxt[0] == "tens":
                return value + nxt[1], i + 2
        return value, i + 1

    first = word(0, joined=False)
    if first is None:
        return None
    hundreds, i = 0, 0
    if first[0] == "hundred":
        hundreds, i = first[1], 1
    elif first[0] == "unit" and first[1] >= 3:
        nxt = word(1, joined=False)
        if nxt is not None and nxt == ("hundred", 100):
            hundreds, i = first[1] * 100, 2
    if hundreds:
        rest = below_hundred(i, joined=True)
        return (hundreds + rest[0], rest[1]) if rest else (hundreds, i)
    return below_hundred(0, joined=False)


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
