"""Contact mentions anywhere in a text: e-mail addresses, web sites, social
media handles and pages, phone and fax numbers.

:func:`find_contacts` reads a display-form text (Arabic-Indic digits are read
as digits; spans are indices in the text as given). The brochure's contact
block (:func:`pipeline.parse.contact.parse_contact`) uses the same functions.

* **Phone and fax numbers** are found and normalized to E.164 with
  phonenumbers (Google's libphonenumber metadata), leniency ``VALID``: a
  number with a ``+`` country code anywhere, a national number when a
  default region is given. A number after a phone or fax label on its line
  whose region is unknown is kept as printed (``value`` ``None``). Text
  extracted from a PDF in visual order can put the ``+`` after the digits
  (``41 22 717 91 11+``); the ``+`` is moved to the front, and when that is
  no valid number the digit groups are read in reverse order too. The kind is
  ``fax`` when the last phone or fax label before the number on its line is
  a fax label (فاكس، الفاكس، ناسوخ، Fax), ``phone`` otherwise. Dates, years
  and ranges (``2005-2017``) are never numbers.
* **E-mail addresses** (value lowercased).
* **Web sites**: URLs with a scheme, ``www.`` names, and bare names whose
  top-level domain is a generic one (``iom.int/ar``, ``example.org``) or a
  country code after a generic second level (``moi.gov.eg``); the value has a
  scheme (``https://`` when none is written) and a lowercase host.
* **Social**: ``@handle``, and URLs of Facebook, X/Twitter, Instagram,
  LinkedIn, YouTube, TikTok and Telegram (kind ``social``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..normalize import to_match
from .dates import find_dates

ContactKind = Literal["email", "website", "social", "phone", "fax"]

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@])")
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_SCHEME_URL_RE = re.compile(rf"\b(?:https?|ftp)://{_URL_CHARS}+", re.IGNORECASE)
_WWW_RE = re.compile(rf"(?<![\w.@/])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/{_URL_CHARS}*)?", re.IGNORECASE)
_BARE_RE = re.compile(
    rf"(?<![\w.@/:-])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z]{{2,}}))(?![\w@-])(?:/{_URL_CHARS}*)?"
)
# Top-level domains that make a bare name a web site by themselves, and the
# second levels under which a two-letter country code does (gov.eg, org.sa).
_GENERIC_TLDS = frozenset(
    "com org net int edu gov mil info biz name pro io co eu asia museum aero coop jobs travel tel mobi app dev online "
    "site website news media ngo ong global".split()
)
_SECOND_LEVELS = frozenset("com org net gov edu ac co gob gouv go or ne mil nic sch med".split())
_SOCIAL_HOSTS = frozenset(
    "facebook.com fb.com fb.me twitter.com x.com instagram.com linkedin.com youtube.com youtu.be tiktok.com t.me "
    "telegram.me wa.me whatsapp.com".split()
)
_HANDLE_RE = re.compile(r"(?<![\w.@/])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_TRAILING = ".,;:!?'\"»)]}"

_PHONE_LABELS = ("هاتف", "الهاتف", "رقم الهاتف", "تلفون", "التلفون", "تليفون", "ت", "جوال", "الجوال", "محمول",
                 "المحمول", "موبايل", "نقال", "tel", "tel.", "telephone", "phone", "mobile", "mob", "cell", "whatsapp", "واتساب")
_FAX_LABELS = ("فاكس", "الفاكس", "فاكسميلي", "ناسوخ", "الناسوخ", "fax", "fax.", "telefax", "facsimile")
# A run of digits as a phone number is printed: digits, spaces, dots, dashes,
# slashes, brackets, a + before or (visual order) after.
_NUMBER_RUN_RE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]{4,}\d\)?\+?(?![\w])")
_VISUAL_PLUS_RE = re.compile(r"(?<![\w+])(?P<body>\d[\d\s().\-]{4,}\d)\s?\+(?![\d\w])")


@dataclass(frozen=True, slots=True)
class ContactMention:
    """One contact detail found in a text.

    Attributes:
        kind: ``email``, ``website``, ``social``, ``phone`` or ``fax``.
        text: as printed (the slice of the text at ``span``).
        value: normalized — E.164 for phone and fax numbers (``None`` when
            the number's region is unknown), lowercase for e-mail addresses,
            a URL with scheme for web sites and social pages, ``@name`` for
            handles.
        span: ``(start, end)`` in the text given (``end`` exclusive).
        region: for phone and fax numbers, the ISO 3166-1 region of the
            number (from its country code, or the default region), if known.
    """

    kind: ContactKind
    text: str
    value: str | None
    span: tuple[int, int]
    region: str | None = None


def find_contacts(text_display: str, default_region: str | None = None) -> list[ContactMention]:
    """Every contact mention in a display-form text, in text order.

    Args:
        text_display: the text (display form; any digits).
        default_region: ISO 3166-1 alpha-2 region of national numbers written
            without ``+`` (``"EG"``), or ``None`` to take only international
            numbers and labelled numbers (kept as printed).

    Returns:
        Non-overlapping mentions: e-mail addresses first claim their text,
        then URLs, handles, and phone numbers.
    """
    ascii_text = ascii_digits(text_display)
    found: list[ContactMention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: ContactMention) -> None:
        a, b = mention.span
        if all(b <= x or a >= y for x, y in taken):
            found.append(mention)
            taken.append(mention.span)

    for m in find_emails(ascii_text):
        add(m)
    for m in find_urls(ascii_text):
        add(m)
    for m in _find_handles(ascii_text):
        add(m)
    for m in find_phones(ascii_text, default_region):
        add(m)
    found.sort(key=lambda c: c.span)
    # "text as printed": slices of the text given (its digits unchanged)
    return [ContactMention(c.kind, text_display[c.span[0]:c.span[1]], c.value, c.span, c.region) for c in found]


@cache
def _digit_table() -> dict[int, str]:
    import unicodedata

    table: dict[int, str] = {}
    for base in (0x0660, 0x06F0, 0x07C0, 0x0966, 0xFF10):
        for i in range(10):
            c = chr(base + i)
            if unicodedata.decimal(c, None) == i:
                table[base + i] = str(i)
    return table


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic, Extended Arabic-Indic (Persian) and
    full-width digits as ASCII digits, one character for one: indices stay."""
    return text.translate(_digit_table())


def find_emails(text: str) -> list[ContactMention]:
    """E-mail addresses in ``text`` (value lowercased)."""
    out = []
    for m in _EMAIL_RE.finditer(text):
        value = m.group().rstrip(_TRAILING)
        out.append(ContactMention("email", value, value.lower(), (m.start(), m.start() + len(value))))
    return out


def find_urls(text: str) -> list[ContactMention]:
    """Web sites and social pages in ``text`` (see the module docstring)."""
    out: list[ContactMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_SCHEME_URL_RE, _WWW_RE, _BARE_RE):
        for m in pattern.finditer(text):
            if pattern is _BARE_RE and not _clear_tld(m.group("host"), m.group("tld")):
                continue
            raw = _trim_url(m.group())
            a, b = m.start(), m.start() + len(raw)
            if any(a < y and b > x for x, y in taken) or (pattern is _BARE_RE and "@" in text[max(0, a - 1):a]):
                continue
            value = normalize_url(raw)
            host = _host(value)
            kind: ContactKind = "social" if _is_social(host) else "website"
            out.append(ContactMention(kind, raw, value, (a, b)))
            taken.append((a, b))
    return sorted(out, key=lambda c: c.span)


def normalize_url(raw: str) -> str:
    """A URL with a scheme (``https://`` when none is written) and a lowercase host."""
    url = raw if re.match(r"(?i)^(?:https?|ftp)://", raw) else f"https://{raw}"
    scheme, rest = url.split("://", 1)
    host, sep, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{sep}{path}"


def _host(url: str) -> str:
    host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return host[4:] if host.startswith("www.") else host


def _is_social(host: str) -> bool:
    return host in _SOCIAL_HOSTS or any(host.endswith("." + s) for s in _SOCIAL_HOSTS)


def _clear_tld(host: str, tld: str) -> bool:
    labels = host.lower().split(".")
    if tld.lower() in _GENERIC_TLDS:
        return len(labels[-2]) >= 2
    return len(tld) == 2 and len(labels) >= 3 and labels[-2] in _SECOND_LEVELS


def _trim_url(raw: str) -> str:
    """A URL without the sentence punctuation after it (and a closing bracket
    that has no opening one inside it)."""
    while raw and raw[-1] in _TRAILING:
        if raw[-1] == ")" and raw.count("(") >= raw.count(")"):
            break
        raw = raw[:-1]
    return raw


def _find_handles(text: str) -> list[ContactMention]:
    return [ContactMention("social", m.group(), m.group(), m.span()) for m in _HANDLE_RE.finditer(text)]


# --- Phone and fax numbers ----------------------------------------------------


@cache
def _label_re() -> re.Pattern[str]:
    labels = sorted({*_PHONE_LABELS, *_FAX_LABELS}, key=len, reverse=True)
    alternation = "|".join(re.escape(to_match(w).casefold()) for w in labels)
    return re.compile(rf"(?<!\w)(?P<label>{alternation})(?!\w)", re.IGNORECASE)


@cache
def _fax_labels() -> frozenset[str]:
    return frozenset(to_match(w).casefold() for w in _FAX_LABELS)


def phone_kind(text: str, start: int) -> Literal["phone", "fax"]:
    """``fax`` when the last phone or fax label before ``text[start]`` on its
    line is a fax label, else ``phone``."""
    line_start = text.rfind("\n", 0, start) + 1
    before = to_match(text[line_start:start]).casefold()
    labels = [m.group("label").casefold() for m in _label_re().finditer(before)]
    return "fax" if labels and labels[-1] in _fax_labels() else "phone"


def _labelled(text: str, start: int) -> bool:
    """A phone or fax label before ``text[start]`` on its line, with at most
    a colon, a dash and spaces between (``الهاتف: 22 717 91 11``)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = to_match(text[line_start:start]).casefold().rstrip(" :-–.\t")
    return any(m.end() == len(before) for m in _label_re().finditer(before))


def find_phones(text: str, default_region: str | None = None) -> list[ContactMention]:
    """Phone and fax numbers in ``text`` (ASCII digits; see the module docstring).

    Args:
        text: the text, with ASCII digits (:func:`ascii_digits`).
        default_region: region of national numbers, or ``None``.

    Returns:
        Mentions of kind ``phone`` or ``fax`` with their E.164 value.
    """
    import phonenumbers

    region = (default_region or "ZZ").upper()
    out: list[ContactMention] = []
    excluded = _date_spans(text)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in [*excluded, *(c.span for c in out)])

    def add(a: int, b: int, number) -> None:
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number is not None else None
        where = phonenumbers.region_code_for_number(number) if number is not None else None
        out.append(ContactMention(phone_kind(text, a), text[a:b], e164, (a, b), where if where != "ZZ" else None))

    for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        if free(m.start, m.end):
            add(m.start, m.end, m.number)
    # Visual order: "41 22 717 91 11+" (the + printed after the digits).
    for m in _VISUAL_PLUS_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        groups = re.findall(r"\d+", m.group("body"))
        for candidate in (groups, groups[::-1]):
            number = _valid("+" + "".join(candidate), None)
            if number is not None:
                add(m.start(), m.end(), number)
                break
    # A labelled number that is no valid number of a known region: as printed.
    for m in _NUMBER_RUN_RE.finditer(text):
        raw = m.group().strip()
        a = m.start() + m.group().index(raw)
        b = a + len(raw)
        digits = re.sub(r"\D", "", raw)
        if 6 <= len(digits) <= 15 and free(a, b) and _labelled(text, a):
            add(a, b, _valid(raw, default_region))
    return sorted(out, key=lambda c: c.span)


def _valid(raw: str, region: str | None):
    """The phonenumbers number of ``raw`` if it is a valid number, else ``None``."""
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, (region or "ZZ").upper())
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the date mentions of ``text`` (never phone numbers). The
    matching form of ASCII text keeps its indices for digits and Latin."""
    ntext = _aligned_match(text)
    if ntext is None:
        return []
    match, origin = ntext
    spans = []
    for mention in find_dates(match):
        a, b = mention.span
        spans.append((origin[a], origin[b - 1] + 1))
    return spans


def _aligned_match(text: str):
    from ..normalize import NText

    n = NText.from_display(text)
    return (n.match, n.origin) if n.match else None
