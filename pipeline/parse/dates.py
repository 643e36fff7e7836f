"""Dates of meetings: ``14-15 نيسان/ أبريل 2005`` into ISO 8601 start and end.

Month names come from the Unicode CLDR (via Babel) for every Arabic locale,
which covers the three systems brochures use: Levantine/Iraqi (كانون الثاني،
نيسان، تشرين الأول …), Egyptian/Gulf (يناير، أبريل، أكتوبر …) and Maghreb
(جانفي، أفريل، جوان، جويلية، أوت …; Morocco: يوليوز، غشت، شتنبر …). UN Arabic
documents add يونيه and يوليه, which CLDR lacks. Names may be paired with a
slash (``نيسان/ أبريل``, ``تشرين الأول/أكتوبر``); both must name the same month.

Forms recognised (in the matching form: ASCII digits, no diacritics):
all-numeric dates (``2005-04-14``, ``14/04/2005``, and ranges of two);
a single day (``13 تشرين الأول 2016``); a day range with ``-``, an en or em
dash, ``إلى``, ``حتى`` or ``و`` (``يومي 21 و22 …``), optionally introduced by
``من``; a range across months (``30 تشرين الثاني/ نوفمبر - 1 كانون الأول/
ديسمبر 2019``) and across years (``30 كانون الأول 2019 - 2 كانون الثاني 2020``);
the month first (``نيسان 14-15، 2005``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..normalize import to_match

# Spellings CLDR does not list: UN/Egyptian يونيه, يوليه; common إبريل/ابريل
# and أغسطس variants are covered once hamza and diacritics are normalized.
_EXTRA_MONTHS = {"يونيه": 6, "يوليه": 7, "اغسطس": 8, "سيبتمبر": 9, "نونبر": 11, "ديسيمبر": 12}


@cache
def month_table() -> dict[str, int]:
    """Month name (matching form, single-spaced) → month number 1..12.

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


def _add(table: dict[str, int], key: str, number: int) -> None:
    key = " ".join(key.split())
    if table.get(key, number) != number:
        raise RuntimeError(f"month name {key!r} names months {table[key]} and {number}")
    table[key] = number


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = sorted(month_table(), key=len, reverse=True)
    # (?!\w): a name never matches the start of a longer word (اب in ابريل).
    month = "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")(?!\w)"
    # One month slot: a name, optionally paired with a second by a slash.
    slot = rf"{month}(?:\s*/\s*{month})?"
    day = r"(?<!\d)\d{1,2}(?!\d)"
    year = r"(?<!\d)\d{4}(?!\d)"
    sep = r"\s*(?:-|–|—|‐|−|الي|حتي|لغايه|و)\s*"
    lead = r"(?:(?:من|يوم|يومي|ايام|في|خلال|بين)\s+)?"
    ranged = re.compile(
        rf"{lead}(?P<d1>{day})\s*(?P<m1>{slot})?\s*,?\s*(?P<y1>{year})?{sep}(?P<d2>{day})\s*(?P<m2>{slot})\s*,?\s*(?P<y2>{year})"
    )
    single = re.compile(rf"{lead}(?P<d1>{day})\s*(?P<m1>{slot})\s*,?\s*(?P<y1>{year})")
    # Month first: "نيسان 14-15، 2005".
    month_first = re.compile(rf"{lead}(?P<m1>{slot})\s+(?P<d1>{day})(?:{sep}(?P<d2>{day}))?\s*,?\s*(?P<y1>{year})")
    return ranged, single, month_first


@dataclass(frozen=True, slots=True)
class DateRange:
    """A meeting's dates, parsed.

    Attributes:
        start, end: first and last day (equal for a one-day meeting).
        span: ``(start, end)`` indices of the date expression in the matching
            text it was found in.
    """

    start: dt.date
    end: dt.date
    span: tuple[int, int]


class DateParseError(ValueError):
    """A date expression was found but does not name real days, or none was found."""


def find_date_range(match_text: str) -> DateRange:
    """Find and parse the first date expression in a matching-form text.

    Args:
        match_text: matching form (ASCII digits, normalized letters).

    Returns:
        The dates and where the expression is in ``match_text``.

    Raises:
        DateParseError: no day-month-year expression, months of a slash pair
            that disagree, impossible days (31 April), or an end before the start.
    """
    numeric = _numeric(match_text)
    if numeric:
        return numeric
    ranged, single, month_first = _patterns()
    m = ranged.search(match_text)
    if m:
        m2 = _month_of(m.group("m2"))
        m1 = _month_of(m.group("m1")) if m.group("m1") else m2
        y2 = int(m.group("y2"))
        y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if m1 > m2 else y2)
        start = _date(y1, m1, int(m.group("d1")))
        end = _date(y2, m2, int(m.group("d2")))
        if start > end:
            raise DateParseError(f"the range ends ({end}) before it starts ({start})")
        return DateRange(start, end, m.span())
    m = single.search(match_text)
    if m:
        day = _date(int(m.group("y1")), _month_of(m.group("m1")), int(m.group("d1")))
        return DateRange(day, day, m.span())
    m = month_first.search(match_text)
    if m:
        month, y = _month_of(m.group("m1")), int(m.group("y1"))
        start = _date(y, month, int(m.group("d1")))
        end = _date(y, month, int(m.group("d2"))) if m.group("d2") else start
        if start > end:
            raise DateParseError(f"the range ends ({end}) before it starts ({start})")
        return DateRange(start, end, m.span())
    raise DateParseError("no date with day, month and year")


# All-numeric dates: ISO 8601 (2005-04-14) or day/month/year (14/04/2005,
# 14.4.2005), alone or two of them joined by a range separator.
_NUM_DATE = r"(?:(?P<{p}iy>\d{{4}})-(?P<{p}im>\d{{1,2}})-(?P<{p}id>\d{{1,2}})|(?P<{p}d>\d{{1,2}})[/.](?P<{p}m>\d{{1,2}})[/.](?P<{p}y>\d{{4}}))"
_NUMERIC_RE = re.compile(
    r"(?<![\d/.-])" + _NUM_DATE.format(p="a") + r"(?:\s*(?:-|–|—|الي|حتي)\s*" + _NUM_DATE.format(p="b") + r")?(?![\d/.])"
)


def _numeric(match_text: str) -> DateRange | None:
    m = _NUMERIC_RE.search(match_text)
    if not m:
        return None

    def date_of(p: str) -> dt.date | None:
        if m.group(f"{p}iy"):
            return _date(int(m.group(f"{p}iy")), int(m.group(f"{p}im")), int(m.group(f"{p}id")))
        if m.group(f"{p}y"):
            return _date(int(m.group(f"{p}y")), int(m.group(f"{p}m")), int(m.group(f"{p}d")))
        return None

    start = date_of("a")
    assert start is not None
    end = date_of("b") or start
    if start > end:
        raise DateParseError(f"the range ends ({end}) before it starts ({start})")
    return DateRange(start, end, m.span())


def _month_of(slot: str) -> int:
    table = month_table()
    names = [" ".join(part.split()) for part in slot.split("/")]
    numbers = {table[n] for n in names if n in table}
    if len(numbers) != 1:
        raise DateParseError(f"month names {' / '.join(names)!r} name different months")
    return numbers.pop()


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateParseError(f"{day}/{month}/{year} is not a real day ({exc})") from None
