"""Contact mentions anywhere in a text: e-mail addresses, web sites, social
media handles and pages, phone and fax numbers.

:func:`find_contacts` reads a display-form text (Arabic-Indic digits are read
as digits; spans are indices in the text as given). The brochure's contact
block (:func:`pipeline.parse.contact.parse_contact`) uses the same functions.

* **Phone and fax numbers** are found and normalized to E.164 with
  phonenumbers (Google's libphonenumber metadata), leniency ``VALID``: a
  number with a ``+`` or ``00`` country code anywhere, a national number
  when it is valid for the default region (or for exactly one of the
  candidate regions given). A national number in running text is none after
  a code word (account, IBAN, register, P.O. box: ``رقم الحساب 22251234``)
  nor, without a label, a bare run of digits with no trunk 0 (``25000000``:
  an amount). A number printed as a phone number (a phone or fax label among
  the three words before it or in its ``label:``, a call before it
  ``اتصلوا على``، ``الاتصال بالرقم``, ``(واتساب)`` after it, or joined by
  أو، و، / or a comma to such a number or an international one) that is not
  valid, or whose region is unknown or unsure, is kept as printed (``value``
  ``None``, ``problem`` says why); so is any ``+`` number that is no valid
  number of its country code (``+971 4 123 4567``). Text
  extracted from a PDF in visual order can put the ``+`` after the digits
  (``41 22 717 91 11+``); the ``+`` is moved to the front, and when that is
  no valid number the digit groups are read in reverse order too. Likewise a
  labelled national number of space-separated groups, read from a drawing
  (a PDF page, OCR), that is no valid number of its region as printed but is
  one with its groups in reverse order
  (``1234 3600`` for ``3600 1234``: the bidi algorithm draws the groups of
  a number in Arabic text right to left, a ``dir="ltr"`` span left to right,
  and the drawing alone does not say which) takes that reading, with the
  problem ``reordered`` (a warning; the value is kept). The kind is
  ``fax`` when the last phone or fax label before the number on its line is
  a fax label (فاكس، الفاكس، ناسوخ، Fax), ``phone`` otherwise. Dates, years
  and ranges (``2005-2017``) are never numbers.
* **E-mail addresses** (value lowercased).
* **Web sites**: URLs with a scheme, ``www.`` names, and bare names whose
  top-level domain is a generic one (``iom.int/ar``, ``example.org``) or a
  country code after a generic second level (``moi.gov.eg``), or any domain
  of the ICANN root (Public Suffix List) with a path after it
  (``forms.gle/iqra2025``; ``name.ch`` alone is none); the value has a
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
PhoneProblem = Literal["invalid", "region_unknown", "region_unsure", "reordered"]
#: A default region for national numbers: one region, the candidate regions
#: (the evidence left several: :class:`pipeline.parse.regions.RegionChoice`), or none.
Regions = str | tuple[str, ...] | None

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

_PHONE_LABELS = ("هاتف", "الهاتف", "رقم الهاتف", "هواتف", "الهواتف", "تلفون", "التلفون", "تليفون", "ت", "جوال", "الجوال",
                 "محمول", "المحمول", "موبايل", "نقال", "الخط الساخن", "خط ساخن", "الرقم الموحد", "الرقم المجاني",
                 "tel", "tel.", "tél", "tél.", "telephone", "téléphone", "phone", "mobile", "mob", "cell", "gsm",
                 "whatsapp", "واتساب", "واتس اب", "الواتساب")
_FAX_LABELS = ("فاكس", "الفاكس", "فاكسميلي", "ناسوخ", "الناسوخ", "fax", "fax.", "telefax", "facsimile")
# Words that ask for a call right before a number: "اتصلوا على"، "الاتصال بالرقم"، "للتواصل".
_CALL_CUE_RE = re.compile(
    r"(?:^|(?<=\s))(?:(?:اتصل\w*|\w*اتصال|\w*تواصل\w*|call|contact)(?:\s+(?:علي|عبر|مع|on|at))?"
    r"(?:\s+(?:ب|بال|ال|علي\s+ال)?(?:رقم|هاتف|جوال))?|(?:ب|بال|ال)?رقم\s+(?:ال)?(?:هاتف|جوال|واتساب|تواصل|اتصال))"
    r"\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
# A number joined to the one before it: "06 465 1234 أو 0797 555 321", "… / …", "…، …".
_JOINED_RE = re.compile(r"(?<![\w+])(?P<first>\+?\(?\d[\d\s().\-]{4,}\d\)?)\s*(?:\([^()\d]{1,20}\)\s*)?(?:أو|او|و|/|,|،)\s*$")
# A messaging service named in brackets right after a number: "0797 555 321 (واتساب)".
_AFTER_CUE_RE = re.compile(r"^\s*[(\[]\s*(?:واتساب|واتس اب|whatsapp|جوال|هاتف|فاكس|fax|tel)\b", re.IGNORECASE)
# Words after which a digit run is a code, not a phone number (matching form):
# account, IBAN, registers, tax and postal codes, P.O. boxes, references.
_CODE_WORDS = frozenset(
    to_match(w).casefold()
    for w in ("الحساب", "حساب", "الآيبان", "آيبان", "ايبان", "iban", "السجل", "سجل", "القيد", "قيد", "الضريبي", "ضريبي",
              "البريدي", "بريدي", "ص.ب", "ب", "صندوق", "box", "المادة", "القرار", "الترخيص", "ترخيص", "رخصة", "الرخصة",
              "الهوية", "هوية", "جواز", "الملف", "الطلب", "المرجع", "مرجع", "ref", "isbn", "issn", "no", "no.", "العدد",
              "عدد", "الفاتورة", "فاتورة", "العقد", "عقد", "الطلب", "الشهادة", "swift")
)
# A run of digits as a phone number is printed: digits, spaces, dots, dashes,
# slashes, brackets, a + before or (visual order) after.
_NUMBER_RUN_RE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]{4,}\d\)?\+?(?![\w])")
_VISUAL_PLUS_RE = re.compile(r"(?<![\w+])(?P<body>\d[\d\s().\-]{4,}\d)\s?\+(?![\d\w])")
# Where a line's "label: value" pairs part: bars, bullets, semicolons, spaced dashes.
SEGMENT_BREAK_RE = re.compile(r"\s*(?:[|•·;؛\t]|\s[–—]\s|\s-\s(?=\D))\s*")


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
        problem: why a phone or fax number is kept as printed (``value``
            ``None``): ``invalid`` (no valid number of its country code or
            region, per libphonenumber), ``region_unknown`` (a national number
            and no region given) or ``region_unsure`` (several regions given
            and the number is valid in none or several of them).
    """

    kind: ContactKind
    text: str
    value: str | None
    span: tuple[int, int]
    region: str | None = None
    problem: PhoneProblem | None = None


def find_contacts(text_display: str, default_region: Regions = None, *, drawn: bool = False) -> list[ContactMention]:
    """Every contact mention in a display-form text, in text order.

    Args:
        text_display: the text (display form; any digits).
        default_region: ISO 3166-1 alpha-2 region of national numbers written
            without ``+`` (``"EG"``), a tuple of candidate regions (a number
            valid in exactly one of them takes it), or ``None`` to take only
            international numbers and labelled numbers (kept as printed).
        drawn: the text was read from a drawing (a PDF page, OCR), where the
            order of a number's digit groups may be right to left: a number
            valid only with its groups reversed is read so (see
            :func:`find_phones`). Text files, HTML and Word keep the order typed.

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
    for m in find_phones(ascii_text, default_region, drawn=drawn):
        add(m)
    found.sort(key=lambda c: c.span)
    # "text as printed": slices of the text given (its digits unchanged)
    return [ContactMention(c.kind, text_display[c.span[0]:c.span[1]], c.value, c.span, c.region, c.problem) for c in found]


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
                path = m.group()[len(m.group("host")):].rstrip(_TRAILING)
                if len(path) < 2 or not _real_tld(m.group("host")):
                    continue  # "name.ch", "file.py": no web site; "forms.gle/iqra2025" is one
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


@cache
def _suffixes():
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(only_icann=True)


def _real_tld(host: str) -> bool:
    """Whether ``host`` ends in a top-level domain of the ICANN root (the Public
    Suffix List, shipped by publicsuffixlist): ``gle``, ``ch``, not ``txt``."""
    return _suffixes().publicsuffix(host.lower(), accept_unknown=False) is not None


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


def segment_label(text: str, start: int) -> str | None:
    """The label of the ``label: value`` pair a detail at ``text[start]`` is the
    value of: the words between the colon right before it and the previous
    pair, bar, bullet, spaced dash, digit or line break (``هاتف: 06 … | واتساب:
    0797 …`` → ``واتساب``), display form; ``None`` when no colon comes right before.

    A label is at most five words; it has no digit. When the words before the
    colon run on from other text (``… شارع محمد الخامس الهاتف``), the label
    starts at the last known phone, fax or contact word in them.
    """
    head = text[:start].rstrip(" \t\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
    if not head.endswith(":"):
        return None
    head = head[:-1].rstrip()
    cut = max(head.rfind("\n"), *(m.end() - 1 for m in _LABEL_STOP_RE.finditer(head)), -1)
    label = head[cut + 1:].strip(" \t,،:;-–—")
    words = label.split()
    if not words:
        return None
    if len(words) > 5:
        words = words[-5:]
    # "… شارع محمد الخامس، المغرب الهاتف": the label is its last known word on
    # when other words (two, or one after a comma) run on before it.
    known = [i for i, w in enumerate(words) if to_match(w).casefold() in label_words()]
    if known and known[-1] > 0:
        before = " ".join(words[:known[-1]])
        if len(words[:known[-1]]) >= 2 or before.endswith(("،", ",")):
            words = words[known[-1]:]
    return " ".join(words)


# What ends the text before a label: a pair separator, a digit, a sentence end
# or closing bracket with words after it, a spaced dash, a URL or e-mail.
_LABEL_STOP_RE = re.compile(r"[|•·;؛\d!?؟]|[.»)\]](?=\s+\S)|\s[–—-](?=\s)|\S*(?:@|\w\.\w|/)\S*(?=\s)")


@cache
def label_words() -> frozenset[str]:
    """The one-word phone, fax and contact-block labels (matching form, casefolded)."""
    from ..vocabulary import contact_label_table

    words = {to_match(w).casefold() for w in (*_PHONE_LABELS, *_FAX_LABELS)}
    words |= {k.casefold() for k in contact_label_table() if " " not in k}
    return frozenset(words)


def _labelled(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is printed as a phone number: a
    phone or fax label among the three words before it (``الهاتف: 22 717 91
    11``، ``الهاتف المجاني 800…``) or anywhere in the label of its ``label:
    value`` pair (``هاتف دبي:``، ``جوال العراق:``); a call right before it
    (``اتصلوا على``، ``الاتصال بالرقم``); a messaging service in brackets right
    after it (``0797 555 321 (واتساب)``); or it is joined by أو، و، / or a comma
    to such a number or to an international one."""
    line_start = text.rfind("\n", 0, start) + 1
    joined = _JOINED_RE.search(text, line_start, start)
    if joined is not None:
        # "هاتف: 06 465 1234 أو 0797 555 321", "+973 1721 5555 أو 3600 1234": a number
        # joined to a labelled or international one is a phone number too
        first = joined.group("first").rstrip()
        if first.lstrip("(").startswith(("+", "00")) or _labelled(text, joined.start(), joined.start() + len(first)):
            return True
    before = to_match(text[line_start:start]).casefold().rstrip(" :-–.\t")
    # a label among the last three words: "الهاتف: …", "الهاتف المجاني …"
    tail = " ".join(re.split(r"\d", before)[-1].split()[-3:])
    if _label_re().search(tail):
        return True
    label = segment_label(text, start)
    if label is not None and _label_re().search(to_match(label).casefold()):
        return True
    if _CALL_CUE_RE.search(to_match(text[line_start:start]).casefold()):
        return True
    return bool(_AFTER_CUE_RE.match(text[end:end + 20]))


def _after_code_word(text: str, start: int) -> bool:
    """A code word (account, IBAN, register, P.O. box …) among the two words
    before ``text[start]`` on its segment: the digits are a code."""
    line_start = text.rfind("\n", 0, start) + 1
    before = SEGMENT_BREAK_RE.split(text[line_start:start])[-1]
    words = [w.strip(".,:;()[]") for w in to_match(before).casefold().replace(":", " ").split()[-2:]]
    return any(w in _CODE_WORDS or (w[:1] in "وبل" and w[1:] in _CODE_WORDS) for w in words if w)


def _candidates(region: Regions) -> tuple[str, ...]:
    if region is None:
        return ()
    if isinstance(region, str):
        return (region.upper(),)
    return tuple(r.upper() for r in region)


def find_phones(
    text: str, default_region: Regions = None, *, field: bool = False, drawn: bool = False
) -> list[ContactMention]:
    """Phone and fax numbers in ``text`` (ASCII digits; see the module docstring).

    Args:
        text: the text, with ASCII digits (:func:`ascii_digits`).
        default_region: region of national numbers, candidate regions, or ``None``.
        field: ``text`` is the value of a phone or fax field: every number in
            it is labelled.
        drawn: the text comes from a drawing (PDF, OCR): a labelled national
            number valid only with its digit groups reversed is read so.

    Returns:
        Mentions of kind ``phone`` or ``fax`` with their E.164 value; a number
        kept as printed has ``value`` ``None`` and its ``problem``.
    """
    import phonenumbers

    regions = _candidates(default_region)
    out: list[ContactMention] = []
    excluded = _date_spans(text)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in [*excluded, *(c.span for c in out)])

    def add(a: int, b: int, number, problem: PhoneProblem | None = None) -> None:
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number is not None else None
        where = phonenumbers.region_code_for_number(number) if number is not None else None
        out.append(ContactMention(phone_kind(text, a), text[a:b], e164, (a, b), where if where != "ZZ" else None,
                                  problem if number is None or problem == "reordered" else None))

    # International numbers ("+41 …"), and national ones valid in exactly one
    # of the regions given.
    found: dict[tuple[int, int], list] = {}
    for region in regions or ("ZZ",):
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            found.setdefault((m.start, m.end), []).append((region, m))
    for (a, b), matches in sorted(found.items()):
        raw = text[a:b]
        international = raw.lstrip("(").startswith(("+", "00"))
        if not international and (_after_code_word(text, a) or (_bare_run(raw) and not (field or _labelled(text, a, b)))):
            continue  # "رقم الحساب 22251234", "25000000 شخص": codes and amounts, not phones
        numbers = {phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164): m for _, m in matches}
        if len(numbers) == 1 and free(a, b):
            add(a, b, next(iter(numbers.values())).number)
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
    for m in _NUMBER_RUN_RE.finditer(text):
        raw = m.group().strip()
        a = m.start() + m.group().index(raw)
        b = a + len(raw)
        digits = re.sub(r"\D", "", raw)
        if not (6 <= len(digits) <= 17) or not free(a, b):
            continue
        body = raw.lstrip("(")
        if body.startswith(("+", "00")) and not body.endswith("+"):
            # Written with its country code (+ or the international prefix 00):
            # a number whatever its label; kept as printed when it is no valid one.
            plus = "+" + (body[1:] if body.startswith("+") else body[2:])
            number = _valid(plus, None)
            if number is not None or (_country_code(plus) and (body.startswith("+") or field or _labelled(text, a, b))):
                add(a, b, number, "invalid")
            continue
        # A labelled national number that is no valid number of a known region: as printed.
        if len(digits) <= 15 and (field or _labelled(text, a, b)):
            number = _valid(raw, regions[0]) if len(regions) == 1 else None
            problem: PhoneProblem = "invalid" if len(regions) == 1 else "region_unsure" if regions else "region_unknown"
            groups = raw.split(" ")
            if drawn and number is None and len(regions) == 1 and len(groups) > 1 and all(g.isdigit() for g in groups):
                number = _valid("".join(groups[::-1]), regions[0])
                problem = "reordered" if number is not None else problem
            add(a, b, number, problem)
    return sorted(out, key=lambda c: c.span)


def international_regions(text: str) -> list[str]:
    """The regions of the numbers written with their country code in ``text``
    (ASCII digits; ``+`` or ``00``): a valid number's region, else the region of
    its country code when only one region has it (``+971`` → ``AE``)."""
    import phonenumbers

    out = []
    for m in _NUMBER_RUN_RE.finditer(text):
        body = m.group().strip().lstrip("(")
        if not body.startswith(("+", "00")) or body.endswith("+"):
            continue
        plus = "+" + (body[1:] if body.startswith("+") else body[2:])
        number = _valid(plus, None)
        if number is not None:
            region = phonenumbers.region_code_for_number(number)
        else:
            code = _country_code(plus)
            regions = phonenumbers.region_codes_for_country_code(code) if code else ()
            region = regions[0] if len(regions) == 1 else None
        if region and region != "ZZ" and (body.startswith("+") or number is not None):
            out.append(region)
    return out


def _bare_run(raw: str) -> bool:
    """Digits alone, without a trunk 0 or any grouping: ``22251234`` (an amount,
    a code) rather than ``2225 1234`` or ``07701234567``."""
    return raw.isdigit() and not raw.startswith("0")


def _country_code(plus: str) -> int | None:
    """The calling code a ``+digits`` number starts with, if it is assigned."""
    import phonenumbers

    digits = re.sub(r"\D", "", plus)
    for n in (1, 2, 3):
        regions = tuple(phonenumbers.region_codes_for_country_code(int(digits[:n] or 0)))
        if regions and regions != ("ZZ",):
            return int(digits[:n])
    return None


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
