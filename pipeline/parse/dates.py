"""Dates: every date mention in a text, and a meeting's dates.

:func:`find_dates` finds each date mention in a matching-form text (ASCII
digits, no diacritics, Persian letters folded) with its span, its first and
last day in the Gregorian calendar, its precision (day, month or year) and
its calendar. :func:`find_date_range` — the dates of a meeting — is the first
mention with day precision. One machinery serves both, so the meeting parser
and the generic date extractor read the same forms the same way.

Month names
    Gregorian names come from the Unicode CLDR (via Babel) for every Arabic
    locale, which covers the three systems brochures use: Levantine/Iraqi
    (كانون الثاني، نيسان، تشرين الأول …), Egyptian/Gulf (يناير، أبريل، أكتوبر …)
    and Maghreb (جانفي، أفريل، جوان، جويلية، أوت …; Morocco: يوليوز، غشت،
    شتنبر …). Added here: the UN spellings يونيه and يوليه, and the Levantine
    names written without the article or with a number (تشرين أول، كانون ثاني،
    كانون 2، تشرين 1), which CLDR lacks. Names may be paired with a slash
    (``نيسان/ أبريل``) or in brackets (``حزيران (يونيو)``); both must name the
    same month. Hijri month names
    (محرم … ذو الحجة, with their usual variants) are listed here: CLDR's Islamic
    calendar names are not exposed by Babel.

Forms (a range separator is ``-``, an en or em dash, ``إلى``, ``حتى``,
``لغاية`` or ``و``; a lead word ``من``/``يوم``/``يومي``/``في``/``بين`` … may precede):

* a day, or a range of days, with month names: ``13 تشرين الأول 2016``,
  ``14-15 نيسان/ أبريل 2005``, ``يومي 21 و22 أكتوبر 2019``, across months
  (``30 نوفمبر - 1 ديسمبر 2019``) and years (``30 ديسمبر 2019 - 2 يناير 2020``),
  the month first (``نيسان 14-15، 2005``); ``من عام``/``سنة`` may stand
  before the year, ``م`` (Gregorian) or ``هـ`` (Hijri) after it;
* numeric dates: ``2005-04-14``, ``2022/3/8``, ``14/04/2005``, ``20-10-2025``,
  ``15.05.2025``, a day range ``14-15/4/2005``, and ranges of two;
* a month: ``أكتوبر 2011``, ``نيسان - أيار 2005`` (precision ``month``);
* a year: ``عام 2016``, ``سنة 1443 هـ``, ``سنة التأسيس: 1998`` (a field
  whose label names a year or date); a range ``2005-2017``, ``٢٠٢٤–٢٠٢٨``,
  ``2016/2017``, ``بين 2019 و2023`` (``عامي 2019 و2023`` is two years)
  (precision ``year``). A bare four-digit number is a year only within
  1900–2100 and when it is not part of a larger number, a phone number, a
  code (``رقم 2005``, ``2005/15``, ``العدد: 2005``), an amount (``2005
  دولار``) or a count: after a quantity word (``أكثر من 2000 متطوع``، ``نحو
  1500``), or followed by its counted noun after a word that is no time word
  (``وزعنا 2000 سلة``; ``في 2019 أطلقنا`` is a year).

Hijri dates (marked ``هـ``/``هجري``, or with a Hijri month name) are
converted with hijridate (Umm al-Qura calendar, 1343–1500 AH). A Hijri date
and a Gregorian date next to each other, joined by ``الموافق`` or only by
punctuation (``27/11/1432هـ الموافق 25/10/2011م``), are one mention: its days
are the Gregorian ones as printed, and a warning says when the conversion of
the Hijri date disagrees with them (local moon sighting can differ from Umm
al-Qura by a day; the warning says so). A year outside 1900–2100 (Gregorian)
or 1343–1500 (Hijri) makes a mention without days, with a warning — never a
date.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal

from ..normalize import to_match

Precision = Literal["day", "month", "year"]
Calendar = Literal["gregorian", "hijri"]

#: Plausible Gregorian years (the range the Meeting model accepts).
GREGORIAN_YEARS = (1900, 2100)
#: Hijri years hijridate converts (Umm al-Qura: 1 Muharram 1343 = 1 August 1924
#: to the end of 1500 = 16 November 2077).
HIJRI_YEARS = (1343, 1500)

# Spellings CLDR does not list: UN/Egyptian يونيه, يوليه; Levantine names with
# a number or without the article (كانون 2 = كانون الثاني). The common إبريل/
# ابريل and أغسطس variants are covered once hamza and diacritics are normalized.
_EXTRA_MONTHS = {
    "يونيه": 6, "يوليه": 7, "اغسطس": 8, "سيبتمبر": 9, "نونبر": 11, "ديسيمبر": 12,
    "كانون 1": 12, "كانون 2": 1, "تشرين 1": 10, "تشرين 2": 11,
    "كانون أول": 12, "كانون ثاني": 1, "كانون ثان": 1, "تشرين أول": 10, "تشرين ثاني": 11, "تشرين ثان": 11,
}
# Hijri months as Arabic texts write them (with and without the article,
# ordinal or number, and the honorific epithets).
_HIJRI_MONTHS = {
    1: ("محرم", "المحرم", "محرم الحرام"),
    2: ("صفر", "صفر الخير"),
    3: ("ربيع الأول", "ربيع أول", "ربيع 1"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الأخير", "ربيع 2"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى", "جمادى 1"),
    6: ("جمادى الآخرة", "جمادى الآخر", "جمادى الثانية", "جمادى الثاني", "جمادى ثاني", "جمادى 2"),
    7: ("رجب", "رجب المرجب"),
    8: ("شعبان", "شعبان المعظم"),
    9: ("رمضان", "رمضان المبارك"),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}


@cache
def month_table() -> dict[str, int]:
    """Gregorian month name (matching form, single-spaced) → month number 1..12.

    Raises:
        RuntimeError: two locales give one name to different months (never
            seen in CLDR; checked so a data update cannot go wrong silently).
    """
    from babel.dates import get_month_names
    from babel.localedata import locale_identifiers

    table: dict[str, int] = {}
    locales = sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_"))
    for loc in locales:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=loc).items():
                _add(table, to_match(name), number)
    for name, number in _EXTRA_MONTHS.items():
        _add(table, to_match(name), number)
    return table


@cache
def hijri_month_table() -> dict[str, int]:
    """Hijri month name (matching form, single-spaced) → month number 1..12.

    Raises:
        RuntimeError: a name is also a Gregorian month name.
    """
    table: dict[str, int] = {}
    for number, names in _HIJRI_MONTHS.items():
        for name in names:
            _add(table, to_match(name), number)
    both = table.keys() & month_table().keys()
    if both:
        raise RuntimeError(f"month names in both calendars: {sorted(both)}")
    return table


def _add(table: dict[str, int], key: str, number: int) -> None:
    key = " ".join(key.split())
    if table.get(key, number) != number:
        raise RuntimeError(f"month name {key!r} names months {table[key]} and {number}")
    table[key] = number


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text.

    Attributes:
        span: ``(start, end)`` indices of the expression in the matching
            text it was found in (``end`` exclusive).
        text: the expression, matching form (``match_text[start:end]``).
        start, end: first and last Gregorian day it covers (equal for one
            day; the month's or year's first and last day for precision
            ``month``/``year``); ``None`` when it names no real day (see
            ``warnings``).
        precision: ``"day"``, ``"month"`` or ``"year"``.
        calendar: ``"hijri"`` when the text gives a Hijri date (with or
            without its Gregorian equivalent), else ``"gregorian"``.
        hijri: the Hijri date as written, ISO-8601-like (``1432-11-27``,
            ``1432-11-25/1432-11-26``, ``1443-08``, ``1443``); ``None`` for a
            Gregorian mention.
        hijri_text: the text of the Hijri part (matching form), or ``None``.
        warnings: why there are no days, or what is doubtful (a Hijri date
            that disagrees with its Gregorian equivalent).
    """

    span: tuple[int, int]
    text: str
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    calendar: Calendar
    hijri: str | None = None
    hijri_text: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateRange:
    """A meeting's dates, parsed.

    Attributes:
        start, end: first and last day (equal for a one-day meeting).
        span: ``(start, end)`` indices of the date expression in the matching
            text it was found in.
        warnings: doubts about a date that was read (a Hijri date that
            disagrees with its Gregorian equivalent).
    """

    start: dt.date
    end: dt.date
    span: tuple[int, int]
    warnings: tuple[str, ...] = ()


class DateParseError(ValueError):
    """A date expression was found but does not name real days, or none was found."""


def find_date_range(match_text: str) -> DateRange:
    """The first date mention with day precision in a matching-form text.

    Args:
        match_text: matching form (ASCII digits, normalized letters).

    Returns:
        The dates and where the expression is in ``match_text``.

    Raises:
        DateParseError: no day-month-year expression; or the first one does
            not name real days (months of a slash pair that disagree, 31
            April, an end before the start, a year outside the plausible
            range).
    """
    for mention in find_dates(match_text):
        if mention.precision != "day":
            continue
        if mention.start is None or mention.end is None:
            raise DateParseError("; ".join(mention.warnings))
        return DateRange(mention.start, mention.end, mention.span, mention.warnings)
    raise DateParseError("no date with day, month and year")


def find_dates(match_text: str) -> list[DateMention]:
    """Every date mention in a matching-form text, in text order.

    Args:
        match_text: matching form (:func:`pipeline.normalize.to_match`).

    Returns:
        Non-overlapping mentions (the longest expression wins where two
        overlap). A mention that names no real day has ``start``/``end``
        ``None`` and says why in ``warnings``; it never hides the others.
    """
    patterns = _patterns()
    if not any(c.isdigit() for c in match_text):
        return []
    candidates: list[_Candidate] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(match_text):
            cand = _READERS[kind](m, match_text)
            if cand is not None:
                candidates.append(cand)
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.span[0] - c.span[1], c.span[0])):
        a, b = cand.span
        if all(b <= x or a >= y for x, y in taken):
            chosen.append(cand)
            taken.append(cand.span)
    chosen.sort(key=lambda c: c.span[0])
    return _join_equivalents(chosen, match_text)


# Words of a date that is not (yet) a date: "يحدد الموعد لاحقاً", "منتصف الشهر",
# "TBD". A venue part with one of them, a digit or a month name is a date part.
_DATE_WORDS = frozenset(
    to_match(w).casefold()
    for w in (
        "لاحق", "لاحقا", "لاحقاً", "يحدد", "سيحدد", "تحدد", "ستحدد", "يتحدد", "يعلن", "سيعلن", "يعلن", "الموعد", "موعد",
        "التاريخ", "تاريخ", "قريبا", "قريباً", "يوم", "يومي", "أيام", "الأيام", "أسبوع", "الأسبوع", "شهر", "الشهر",
        "عام", "العام", "سنة", "السنة", "منتصف", "أوائل", "أواخر", "أوائل", "مطلع", "نهاية", "بداية", "الربيع", "الصيف",
        "الخريف", "الشتاء", "صباح", "مساء", "الساعة", "المقبل", "القادم", "محدد", "تحديد", "التحديد", "يتقرر",
        "سيتقرر", "tbd", "tbc", "tba", "later", "determined", "announced", "confirmed", "pending",
    )
)


def looks_like_date(match_text: str) -> bool:
    """Whether a short text (a venue part, matching form) is about the date:
    it has a digit, a month name (either calendar) or a date word
    (``يحدد الموعد لاحقاً``، ``منتصف الشهر``، ``TBD``)."""
    if any(c.isdigit() for c in match_text):
        return True
    words = [w.strip(".,;:()[]\"'«»") for w in match_text.casefold().split()]
    words = [w[1:] if w.startswith("و") and w[1:] in _DATE_WORDS else w for w in words]
    if any(w in _DATE_WORDS for w in words):
        return True
    names = month_table().keys() | hijri_month_table().keys()
    return any(" ".join(words[i:i + n]) in names for n in (1, 2, 3) for i in range(len(words)))


# --- Patterns --------------------------------------------------------------------

_YEAR = r"(?<!\d)\d{4}(?!\d)"
_DAY = r"(?<![\d.])\d{1,2}(?!\d)"
_SEP = r"\s*(?:-|–|—|‐|−|الي|حتي|لغايه|و)\s*"
_LEAD = r"(?:(?:من|يوم|يومي|ايام|في|خلال|بين|بتاريخ|تاريخ)\s+)?"
# Words between a month and its year: "أكتوبر من عام 2011", "شعبان سنة 1443".
_YEAR_CUE = r"(?:\s*,?\s*(?:(?:من\s+)?(?:عام|العام|لعام|سنه|السنه|لسنه)\s+)?)"
_HIJRI_MARKS = ("ه", "هجري", "هجريه", "للهجره")
_GREGORIAN_MARKS = ("م", "ميلادي", "ميلاديه", "للميلاد")
_MARK = r"(?:\s*(?P<{g}>" + "|".join(sorted(_HIJRI_MARKS + _GREGORIAN_MARKS, key=len, reverse=True)) + r")(?!\w))?"
# A year without day or month: a cue word before it, or none (then checked by _bare_year_ok).
_YEAR_LEAD = r"(?P<cue>(?:(?:في|خلال|منذ)\s+)?(?:عام|العام|لعام|سنه|السنه|لسنه|عامي|سنتي)\s+)?"
# Words after which a number is a code, not a year; words after it that make it an amount.
_CODE_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("رقم", "الرقم", "برقم", "ص.ب", "p.o.box", "pobox", "المادة", "مادة", "البند", "بند", "الفقرة", "فقرة", "القرار", "قرار", "ص", "صفحة",
              "الصفحة", "ب", "صندوق", "box", "no", "n°", "nº", "no.", "#", "№", "isbn", "issn", "iso", "ref", "tel", "fax",
              "الهاتف", "هاتف", "فاكس", "الفاكس", "الرمز", "رمز", "العدد", "عدد", "الجدول", "الشكل", "المرسوم", "القانون")
)
_AMOUNT_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("دولار", "دولارا", "دولارات", "يورو", "جنيه", "جنيها", "ريال", "ريالا", "درهم", "درهما", "دينار", "دينارا",
              "ليرة", "فرنك", "فرنكا", "usd", "eur", "chf", "$", "€", "%", "كم", "كيلومتر", "متر", "كغ", "طن", "شخص",
              "شخصا", "مشارك", "مشاركا", "مهاجر", "مهاجرا", "حالة")
)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    names = sorted(set(month_table()) | set(hijri_month_table()), key=len, reverse=True)

    def name_re(name: str) -> str:
        words = name.split()
        out = re.escape(words[0])
        for w in words[1:]:
            out += (r"\s*" if w.isdigit() else r"\s+") + re.escape(w)
        return out

    # A name is a whole word: never the start of a longer word (اب in ابريل),
    # never its end (اب in كتاب) unless after the conjunction و (ومايو) or a digit.
    letter_before = r"(?<![^\W\d_])"
    month = rf"(?:{letter_before}|(?<={letter_before}و))(?:" + "|".join(map(name_re, names)) + r")(?!\w)"
    # One month slot: a name, optionally paired with a second by a slash or in
    # brackets ("نيسان/ أبريل", "حزيران (يونيو)").
    slot = rf"{month}(?:\s*/\s*{month}|\s*\(\s*{month}\s*\))?"
    y_sep = _YEAR_CUE

    def mark(g: str) -> str:
        return _MARK.format(g=g)

    named_range = (
        rf"{_LEAD}(?P<d1>{_DAY})\s*(?:(?P<m1>{slot})(?:{y_sep}(?P<y1>{_YEAR}){mark('k1')})?)?"
        rf"(?P<sep>{_SEP})(?P<d2>{_DAY})\s*(?P<m2>{slot}){y_sep}(?P<y2>{_YEAR}){mark('k2')}"
    )
    named = rf"{_LEAD}(?P<d1>{_DAY})\s*(?P<m1>{slot}){y_sep}(?P<y1>{_YEAR}){mark('k1')}"
    month_first = rf"{_LEAD}(?P<m1>{slot})\s+(?P<d1>{_DAY})(?:{_SEP}(?P<d2>{_DAY}))?\s*,?\s*(?P<y1>{_YEAR}){mark('k1')}"
    month_only = rf"{_LEAD}(?:(?:شهر|شهري)\s+)?(?P<m1>{slot})(?:{_SEP}(?P<m2>{slot}))?{y_sep}(?P<y1>{_YEAR}){mark('k1')}"

    def num(p: str) -> str:
        return (
            rf"(?:(?P<{p}iy>\d{{4}})(?P<{p}s1>[-/.])(?P<{p}im>\d{{1,2}})(?P={p}s1)(?P<{p}id>\d{{1,2}})"
            rf"|(?:(?P<{p}d0>\d{{1,2}})\s*[-–]\s*)?(?P<{p}d>\d{{1,2}})(?P<{p}s2>[-/.])(?P<{p}m>\d{{1,2}})(?P={p}s2)(?P<{p}y>\d{{4}}))"
            rf"(?!\d|[-/.]\d){mark(p + 'k')}"
        )

    numeric = rf"{_LEAD}(?<![\d/.\-])" + num("a") + r"(?:\s*(?:-|–|—|الي|حتي)\s*" + num("b") + ")?"
    # A number ends where no digit, slash or dash follows, nor a point or comma
    # with a digit after it (a sentence may end right after it: "2016/2017.").
    year_end = r"(?![\d/\-]|[.,]\d)"
    year_range = rf"{_YEAR_LEAD}(?<![\d/.\-+])(?P<y1>{_YEAR}){mark('k1')}\s*(?:-|–|—|/|الي|حتي)\s*(?P<y2>{_YEAR}){mark('k2')}{year_end}"
    # "بين 2019 و2023": the conjunction makes a range only after بين (عامي 2019
    # و2023 names two years).
    between_years = (
        rf"(?P<cue>بين\s+(?:(?:الاعوام|السنوات|العامين|عامي|سنتي|السنتين)\s+)?)(?<![\d/.\-+])(?P<y1>{_YEAR}){mark('k1')}"
        rf"\s*و\s*(?:(?:عام|سنه)\s+)?(?P<y2>{_YEAR}){mark('k2')}{year_end}"
    )
    year = rf"{_YEAR_LEAD}(?<![\d/.\-+])(?P<y1>{_YEAR}){mark('k1')}{year_end}"
    return tuple(
        (kind, re.compile(p))
        for kind, p in (
            ("named_range", named_range),
            ("named", named),
            ("month_first", month_first),
            ("month_only", month_only),
            ("numeric", numeric),
            ("year_range", year_range),
            ("between_years", between_years),
            ("year", year),
        )
    )


# --- Reading one match ----------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    """A match being read: its mention, and what a later join may need."""

    mention: DateMention
    # For an unmarked numeric date: the (year, month, day) pairs, so that a
    # Gregorian equivalent after it (الموافق) can make it Hijri.
    numeric: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None
    marked: bool = False
    span: tuple[int, int] = field(default=(0, 0))

    def __post_init__(self) -> None:
        self.span = self.mention.span


def _mark_calendar(*marks: str | None) -> Calendar | None | Literal["both"]:
    cals = {"hijri" if m in _HIJRI_MARKS else "gregorian" for m in marks if m}
    return "both" if len(cals) > 1 else cals.pop() if cals else None


def _slot(slot: str) -> tuple[Calendar, int] | str:
    """The calendar and month number of a month slot, or an error message."""
    greg, hijri = month_table(), hijri_month_table()
    # "تشرين2" is "تشرين 2": the table spells a month number after a space.
    parts = [p for p in re.split(r"[/()]", slot) if p.strip()]
    names = [" ".join(re.sub(r"(?<=[^\W\d_])(?=\d)", " ", part).split()) for part in parts]
    found = {("gregorian", greg[n]) if n in greg else ("hijri", hijri[n]) for n in names if n in greg or n in hijri}
    if len(found) != 1:
        return f"month names {' / '.join(names)!r} name different months"
    return found.pop()


def _mention(m: re.Match[str], precision: Precision, calendar: Calendar, ends, *, note: tuple[str, ...] = ()) -> DateMention:
    """Resolve ``ends`` — ``((y, m, d), (y, m, d))`` with ``None`` for the
    parts below the precision — into a mention (days, or warnings)."""
    resolve = _resolve_hijri if calendar == "hijri" else _resolve_gregorian
    start, end, warnings = resolve(precision, *ends)
    hijri = _hijri_text(precision, *ends) if calendar == "hijri" else None
    text = m.group()
    return DateMention(
        m.span(), text, start, end, precision, calendar, hijri, text if calendar == "hijri" else None, note + warnings
    )


def _calendar_of(months: list[tuple[Calendar, int]], marks: tuple[str | None, ...]) -> Calendar | str:
    cals = {c for c, _ in months}
    mark = _mark_calendar(*marks)
    if len(cals) > 1:
        return "the range mixes Hijri and Gregorian month names"
    if mark == "both":
        return "the range mixes the marks هـ and م"
    month_cal = cals.pop() if cals else None
    if month_cal and mark and month_cal != mark:
        what = "Hijri" if month_cal == "hijri" else "Gregorian"
        return f"a {what} month name with the year mark {'هـ' if mark == 'hijri' else 'م'}"
    return month_cal or mark or "gregorian"


def _error(m: re.Match[str], precision: Precision, message: str) -> _Candidate:
    return _Candidate(DateMention(m.span(), m.group(), None, None, precision, "gregorian", warnings=(message,)))


def _read_named_range(m: re.Match[str], text: str) -> _Candidate | None:
    if m.group("sep").strip() == "و" and m.group("y1"):
        return None  # "5 أكتوبر 2010 و6 نوفمبر 2011": two dates, read one by one
    slots = [_slot(m.group("m2"))] + ([_slot(m.group("m1"))] if m.group("m1") else [])
    if any(isinstance(s, str) for s in slots):
        return _error(m, "day", next(s for s in slots if isinstance(s, str)))
    (cal2, m2), (cal1, m1) = slots[0], slots[-1]
    cal = _calendar_of([slots[0], slots[-1]], (m.group("k1"), m.group("k2")))
    if cal not in ("gregorian", "hijri"):
        return _error(m, "day", cal)
    y2 = int(m.group("y2"))
    y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if m1 > m2 else y2)
    ends = ((y1, m1, int(m.group("d1"))), (y2, m2, int(m.group("d2"))))
    return _Candidate(_mention(m, "day", cal, ends), marked=bool(m.group("k1") or m.group("k2")))


def _read_named(m: re.Match[str], text: str) -> _Candidate | None:
    slot = _slot(m.group("m1"))
    if isinstance(slot, str):
        return _error(m, "day", slot)
    cal = _calendar_of([slot], (m.group("k1"),))
    if cal not in ("gregorian", "hijri"):
        return _error(m, "day", cal)
    day = (int(m.group("y1")), slot[1], int(m.group("d1")))
    d2 = m.groupdict().get("d2")
    end = (day[0], day[1], int(d2)) if d2 else day
    return _Candidate(_mention(m, "day", cal, (day, end)), marked=bool(m.group("k1")))


def _read_month_only(m: re.Match[str], text: str) -> _Candidate | None:
    slots = [_slot(m.group("m1"))] + ([_slot(m.group("m2"))] if m.group("m2") else [])
    if any(isinstance(s, str) for s in slots):
        return _error(m, "month", next(s for s in slots if isinstance(s, str)))
    cal = _calendar_of(slots, (m.group("k1"),))
    if cal not in ("gregorian", "hijri"):
        return _error(m, "month", cal)
    y = int(m.group("y1"))
    if cal == "hijri" and not m.group("k1") and not HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]:
        return None  # "صفر 2020" is zero, not the month Safar
    first, last = slots[0][1], slots[-1][1]
    if first > last:
        return _error(m, "month", f"the month range ends ({last}) before it starts ({first})")
    return _Candidate(_mention(m, "month", cal, ((y, first, None), (y, last, None))), marked=bool(m.group("k1")))


def _read_numeric(m: re.Match[str], text: str) -> _Candidate | None:
    def ends_of(p: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
        if m.group(f"{p}iy"):
            day = (int(m.group(f"{p}iy")), int(m.group(f"{p}im")), int(m.group(f"{p}id")))
            return day, day
        if m.group(f"{p}y"):
            y, mo = int(m.group(f"{p}y")), int(m.group(f"{p}m"))
            last = (y, mo, int(m.group(f"{p}d")))
            first = (y, mo, int(m.group(f"{p}d0"))) if m.group(f"{p}d0") else last
            return first, last
        return None

    a = ends_of("a")
    assert a is not None
    b = ends_of("b")
    ends = (a[0], b[1]) if b else a
    if not all(1 <= mo <= 12 for _, mo, _ in ends):
        return None  # "22.17.2005" is no date (and 2005-13-01 no ISO date)
    marks = (m.group("ak"), m.group("bk"))
    cal = _calendar_of([], marks)
    if cal not in ("gregorian", "hijri"):
        return _error(m, "day", cal)
    marked = any(marks)
    return _Candidate(_mention(m, "day", cal, ends), numeric=None if marked else ends, marked=marked)


def _read_year_range(m: re.Match[str], text: str) -> _Candidate | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    cal = _calendar_of([], (m.group("k1"), m.group("k2")))
    if cal not in ("gregorian", "hijri"):
        return None
    lo, hi = HIJRI_YEARS if cal == "hijri" else GREGORIAN_YEARS
    if not (lo <= y1 < y2 <= hi) or not (m.group("cue") or _bare_year_ok(text, m.start("y1"), m.end())):
        return None  # "2017-2005", "1234-5678": codes, not a year range
    return _Candidate(_mention(m, "year", cal, ((y1, None, None), (y2, None, None))), marked=bool(m.group("k1")))


def _read_year(m: re.Match[str], text: str) -> _Candidate | None:
    y = int(m.group("y1"))
    cal = _calendar_of([], (m.group("k1"),))
    if cal not in ("gregorian", "hijri"):
        return None
    lo, hi = HIJRI_YEARS if cal == "hijri" else GREGORIAN_YEARS
    if not m.group("cue"):
        if not (lo <= y <= hi and _bare_year_ok(text, m.start("y1"), m.end())):
            return None
    elif not lo <= y <= hi and cal == "gregorian" and not m.group("k1"):
        hint = " (a Hijri year needs the mark هـ)" if HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1] else ""
        return _error(m, "year", f"year {y} is outside {GREGORIAN_YEARS[0]}–{GREGORIAN_YEARS[1]}{hint}")
    return _Candidate(_mention(m, "year", cal, ((y, None, None), (y, None, None))), marked=bool(m.group("k1")))


def _bare_year_ok(text: str, start: int, end: int) -> bool:
    """A bare 4-digit number at ``text[start:end]`` may be a year: no digit
    group, ``+``, code word before it (nor a label that names no year:
    ``tel: 2005``, but ``سنة التأسيس: 1998``); no amount or unit word after
    it; and it is not a count (:func:`_counts`)."""
    before = text[:start].rstrip()
    if before.endswith(":") and _names_a_year(before[:-1]):
        return not re.search(r"[\d+#№]", before[-2:-1])
    if re.search(r"[\d+#№:]$|\d[.,]$", before):
        return False  # "+41 22 717 2005", "tel: 2005", "10,2005": part of a longer number
    prev = before.split()[-1].strip("().,;") if before.split() else ""
    if prev.casefold() in _CODE_WORDS or (prev.startswith("و") and prev[1:] in _CODE_WORDS):
        return False
    after = text[end:].split(maxsplit=1)
    nxt = after[0].strip("().,;") if after else ""
    if nxt.casefold() in _AMOUNT_WORDS or text[end:end + 1] in ("%", "$", "€"):
        return False
    return not _counts(before, text[end:])


# A field label that names a year or a date ("سنة التأسيس"، "تاريخ الإصدار"،
# "Year"): a bare number after it is a year.
_YEAR_LABEL_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("سنة", "السنة", "عام", "العام", "تاريخ", "التاريخ", "year", "date", "دورة", "الدورة", "موسم", "الموسم")
)
# Words that make the number after them a quantity: "أكثر من 2000 متطوع",
# "نحو 1500 أسرة" (matching form; the comparative takes من/عن/على after it).
_QUANTITY_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("أكثر", "أقل", "أزيد", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "يقارب", "يناهز", "يزيد", "يتجاوز",
              "تجاوز", "يفوق", "فاق", "عدد", "بعدد", "إجمالي", "مجموع", "أصل")
)
# Words before a bare year that make it one ("في 2019 أطلقنا …") and words that
# may follow a year (its mark, a conjunction, a preposition).
_TEMPORAL_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("في", "فى", "منذ", "خلال", "حتى", "قبل", "بعد", "بحلول", "مطلع", "نهاية", "بداية", "أواخر", "أوائل",
              "منتصف", "من", "إلى", "الى", "عام", "العام", "سنة", "لعام", "لسنة", "موسم", "دورة", "نسخة", "إصدار")
)
_FOLLOW_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("م", "هـ", "ه", "ميلادي", "ميلادية", "هجري", "هجرية", "للميلاد", "للهجرة", "في", "فى", "من", "إلى",
              "الى", "حتى", "ثم", "أو", "او", "على", "عن", "عندما", "حين", "حيث", "وذلك", "بعد", "قبل", "و")
)


def _names_a_year(label: str) -> bool:
    words = label.casefold().replace("_", " ").split()[-4:]
    return any(w in _YEAR_LABEL_WORDS or (w.startswith(("و", "ل", "ب")) and w[1:] in _YEAR_LABEL_WORDS) for w in words)


def _counts(before: str, after: str) -> bool:
    """Whether a bare number between ``before`` and ``after`` counts something:
    a quantity word comes before it (``أكثر من 2000``، ``نحو 2000``), or a noun
    follows it right after a word that is no time word (``وزعنا 2000 سلة``: in
    Arabic the counted noun follows the number; a year after في/منذ/عام … may
    be followed by anything)."""
    words = before.casefold().split()[-3:]
    words = [w.strip("().,;:«»\"'") for w in words]
    if words and words[-1] in ("من", "عن", "علي", "الي") and len(words) > 1:
        if words[-2] in _QUANTITY_WORDS:
            return True
    if words and words[-1] in _QUANTITY_WORDS:
        return True
    if not words or not _ARABIC_WORD_RE.fullmatch(words[-1]) or words[-1] in _TEMPORAL_WORDS:
        return False
    if re.match(r"\s*[^\s\w]", after):
        return False  # punctuation after the number: "… عام التأسيس 2004."
    nxt = after.split(maxsplit=1)[0].casefold() if after.split() else ""
    return bool(_ARABIC_WORD_RE.fullmatch(nxt)) and nxt not in _FOLLOW_WORDS and not nxt.startswith("و")


_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A]+")


_READERS = {
    "named_range": _read_named_range,
    "named": _read_named,
    "month_first": _read_named,
    "month_only": _read_month_only,
    "numeric": _read_numeric,
    "year_range": _read_year_range,
    "between_years": _read_year_range,
    "year": _read_year,
}


# --- Calendars ------------------------------------------------------------------


def _resolve_gregorian(precision: Precision, first, last) -> tuple[dt.date | None, dt.date | None, tuple[str, ...]]:
    lo, hi = GREGORIAN_YEARS
    for y, _, _ in (first, last):
        if not lo <= y <= hi:
            hint = " (a Hijri date needs the mark هـ)" if HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1] else ""
            return None, None, (f"year {y} is outside {lo}–{hi}{hint}",)
    try:
        start = _gregorian_first(precision, *first)
        end = _gregorian_last(precision, *last)
    except ValueError as exc:
        return None, None, (str(exc),)
    if start > end:
        return None, None, (f"the range ends ({end}) before it starts ({start})",)
    return start, end, ()


def _gregorian_first(precision: Precision, y: int, m: int | None, d: int | None) -> dt.date:
    if precision == "day":
        assert m is not None and d is not None
        try:
            return dt.date(y, m, d)
        except ValueError:
            raise ValueError(f"{d}/{m}/{y} is not a real day") from None
    return dt.date(y, m or 1, 1)


def _gregorian_last(precision: Precision, y: int, m: int | None, d: int | None) -> dt.date:
    if precision == "day":
        return _gregorian_first(precision, y, m, d)
    month = m or 12
    return dt.date(y, month, _calendar.monthrange(y, month)[1])


def _resolve_hijri(precision: Precision, first, last) -> tuple[dt.date | None, dt.date | None, tuple[str, ...]]:
    lo, hi = HIJRI_YEARS
    for y, _, _ in (first, last):
        if not lo <= y <= hi:
            return None, None, (f"Hijri year {y} is outside {lo}–{hi}, the Umm al-Qura range that can be converted",)
    notes: list[str] = []
    try:
        start = _hijri_day(precision, *first, last=False, notes=notes)
        end = _hijri_day(precision, *last, last=True, notes=notes)
    except ValueError as exc:
        return None, None, (str(exc),)
    if start > end:
        return None, None, (f"the range ends ({end}) before it starts ({start})",)
    return start, end, tuple(notes)


def _hijri_day(precision: Precision, y: int, m: int | None, d: int | None, *, last: bool, notes: list[str]) -> dt.date:
    from hijridate import Hijri

    month = m or (12 if last else 1)
    length = Hijri(y, month, 1).month_length()
    if precision != "day":
        day = length if last else 1
    else:
        assert d is not None
        day = d
        if not 1 <= day <= 30:
            raise ValueError(f"{d}/{month}/{y} هـ is not a real Hijri day")
        if day == 30 and length == 29:
            # Local sighting may give the month 30 days where Umm al-Qura has 29.
            notes.append(f"30/{month}/{y} هـ: the Umm al-Qura month has 29 days; taken as the day after the 29th")
            return Hijri(y, month, 29).to_gregorian() + dt.timedelta(days=1)
    return Hijri(y, month, day).to_gregorian()


def _hijri_text(precision: Precision, first, last) -> str:
    def one(y: int, m: int | None, d: int | None) -> str:
        return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d and precision == "day" else "")

    a, b = one(*first), one(*last)
    return a if a == b else f"{a}/{b}"


# --- Hijri date with its Gregorian equivalent ------------------------------------

# What may stand between a date and its equivalent in the other calendar.
_EQUIVALENT_RE = re.compile(r"[\s,;:()\[\]/\-–—]*(?:و?(?:الموافق|الموافقه|يوافق|يوافقه|الموافق له)\s*(?:ل\s*)?)?[\s,;:()\[\]/\-–—]*")
_EQUIVALENT_WORD_RE = re.compile(r"الموافق|يوافق")


def _join_equivalents(chosen: list[_Candidate], text: str) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(chosen):
        cur = chosen[i]
        if i + 1 < len(chosen):
            nxt = chosen[i + 1]
            between = text[cur.span[1]:nxt.span[0]]
            if _EQUIVALENT_RE.fullmatch(between):
                joined = _join(cur, nxt, bool(_EQUIVALENT_WORD_RE.search(between)), text)
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
        out.append(cur.mention)
        i += 1
    return out


def _join(a: _Candidate, b: _Candidate, keyword: bool, text: str) -> DateMention | None:
    """One mention from a date and its equivalent in the other calendar, or
    ``None`` when the two are not such a pair."""
    ma, mb = a.mention, b.mention
    if keyword and ma.calendar == mb.calendar == "gregorian":
        # "27/11/1432 الموافق 25/10/2011": the unmarked date whose year is
        # Hijri is the Hijri one.
        for x, y in ((a, b), (b, a)):
            if x.numeric and y.mention.start is not None and HIJRI_YEARS[0] <= x.numeric[0][0] <= HIJRI_YEARS[1]:
                start, end, warnings = _resolve_hijri("day", *x.numeric)
                hijri = _hijri_text("day", *x.numeric)
                x.mention = replace(x.mention, start=start, end=end, calendar="hijri", hijri=hijri,
                                    hijri_text=x.mention.text, warnings=warnings)
                ma, mb = a.mention, b.mention
                break
    if {ma.calendar, mb.calendar} != {"hijri", "gregorian"}:
        return None
    hijri, greg = (ma, mb) if ma.calendar == "hijri" else (mb, ma)
    warnings = list(hijri.warnings) + list(greg.warnings)
    if greg.start is not None and greg.end is not None:
        start, end, precision = greg.start, greg.end, greg.precision
        if hijri.start is not None and hijri.end is not None and not _agree(hijri, greg):
            gap = (greg.start - hijri.start).days
            warnings.append(
                f"the Hijri date {hijri.hijri} هـ is {_span_text(hijri.start, hijri.end)} in the Umm al-Qura calendar, "
                f"but the text gives {_span_text(greg.start, greg.end)} ({gap:+d} days; local moon sighting can differ "
                "from Umm al-Qura by a day); the Gregorian date is kept"
            )
    else:
        start, end, precision = hijri.start, hijri.end, hijri.precision
    span = (ma.span[0], mb.span[1])
    return DateMention(span, text[span[0]:span[1]], start, end, precision, "hijri", hijri.hijri, hijri.text, tuple(warnings))


def _agree(hijri: DateMention, greg: DateMention) -> bool:
    assert hijri.start and hijri.end and greg.start and greg.end
    if hijri.precision == greg.precision == "day":
        return (hijri.start, hijri.end) == (greg.start, greg.end)
    # Hijri months and years straddle Gregorian ones (رمضان 1443 = April–May
    # 2022; 1443 هـ = 2021–2022): they agree when they overlap.
    return hijri.start <= greg.end and greg.start <= hijri.end


def _span_text(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
