"""Venues: ``جنيف، سويسرا`` into city, country, ISO 3166-1 code and online flag.

Country names are resolved with maintained lists: the Arabic translations of
ISO 3166-1 shipped with pycountry (iso-codes) and the Arabic territory names
of the Unicode CLDR (via Babel), plus the spellings brochures use that neither
lists (تايلند، سورية …). Names are compared in the matching form with the
definite article and punctuation removed, so البيرو = بيرو and تايلاند = تايلند
only where a list says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..normalize import NText, to_match

# Spellings in use that neither pycountry's nor CLDR's Arabic names give.
_EXTRA_COUNTRY_NAMES = {
    "تايلند": "TH",
    "سورية": "SY",
    "الجمهورية العربية السورية": "SY",
    "المملكة العربية السعودية": "SA",
    "الإمارات": "AE",
    "الولايات المتحدة الأمريكية": "US",
    "الولايات المتحدة الأميركية": "US",
    "أمريكا": "US",
    "بريطانيا": "GB",
    "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية": "GB",
    "جمهورية كوريا": "KR",
    "روسيا": "RU",
    "الاتحاد الروسي": "RU",
    "فلسطين": "PS",
    "دولة فلسطين": "PS",
    "تركيا": "TR",
    "تركية": "TR",
    "إيران": "IR",
    "جمهورية الكونغو الديمقراطية": "CD",
    "الكونغو الديمقراطية": "CD",
    "كوت ديفوار": "CI",
    "ساحل العاج": "CI",
    "هولندا": "NL",
    "جزر القمر": "KM",
    "بروناي": "BN",
    "لاوس": "LA",
    "الفاتيكان": "VA",
}

# Online and hybrid meetings (matching form).
_ONLINE_RE = re.compile(
    r"(?:عبر\s+(?:شبكه\s+)?(?:ال)?انترن[يا]?ت|عبر\s+الاتصال\s+المرئي|عن\s+بعد|افتراضي\w*|online|virtual|videoconference)"
)
_HYBRID_RE = re.compile(r"(?:هجين\w*|مختلط\w*|hybrid)")
# Words that only frame an online mention ("اجتماع افتراضي", "بشكل هجين").
_FILLER = frozenset(to_match(w) for w in ("و", "اجتماع", "بشكل", "بصيغة", "بصورة", "او", "أو", "في", "(", ")", "-", "اجتماعا"))
_STRIP = " \t.,;:-–—()/\"'«»"
_LEADING_PREP_RE = re.compile(r"^(?:في|ب)\s+")
# Venue parts: commas (Arabic ، is ASCII in the matching form), semicolons,
# brackets ("جنيف (سويسرا)"), and dashes with spaces around them.
VENUE_PART_SEPARATOR = re.compile(r"[,;()\[\]]|\s[-–—]\s")
_OCR_PART_SEPARATOR = re.compile(r"[,;()\[\]]|\s[-–—]\s|\.\s")


@dataclass(frozen=True, slots=True)
class Venue:
    """Where a meeting took place.

    Attributes:
        city: city in display form, or ``None`` (online, or not stated).
        country: country as written, display form, or ``None``.
        country_code: ISO 3166-1 alpha-2, or ``None`` when not resolved.
        is_online: online or hybrid.
    """

    city: str | None
    country: str | None
    country_code: str | None
    is_online: bool


def country_key(match_text: str) -> str:
    """The lookup key of a country name: matching form, no article, no punctuation."""
    words = re.sub(r"[^\w\s]", " ", match_text).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


@cache
def country_table() -> dict[str, str]:
    """Country name key (:func:`country_key`) → ISO 3166-1 alpha-2.

    Keys that two lists give to different countries are dropped rather than guessed.
    """
    import gettext

    import pycountry
    from babel import Locale

    candidates: list[tuple[str, str]] = []
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                translated = ar.gettext(name)
                if translated != name:
                    candidates.append((translated, c.alpha_2))
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
            candidates.append((name, code))
    candidates.extend(_EXTRA_COUNTRY_NAMES.items())
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name, code in candidates:
        key = country_key(to_match(name))
        if table.get(key, code) != code:
            ambiguous.add(key)
        table[key] = code
    for key in ambiguous:
        del table[key]
    return table


def resolve_country(match_text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name (matching form), or ``None``."""
    return country_table().get(country_key(match_text))


def parse_venue(text: NText) -> Venue:
    """Parse a venue text (the date already removed).

    The parts are separated by commas (Arabic or Latin), semicolons,
    brackets or spaced dashes. Online wording (عبر الإنترنت، افتراضياً، اجتماع
    افتراضي، عن بعد) sets ``is_online`` and is removed; hybrid wording (هجين)
    sets it too while the city stays. With two parts or more, the last is the
    country and the one before it the city — unless only the first part
    resolves to a country (``سويسرا، جنيف``). A single part is a country if
    it resolves to one, else a city. A single part with a full stop inside
    (OCR's reading of ``،``: ``جنيف. سويسرا``) is cut there when its last
    piece is a country.
    """
    match = text.match
    online = bool(_ONLINE_RE.search(match) or _HYBRID_RE.search(match))
    kept, kept_match = _parts(text, online, VENUE_PART_SEPARATOR)
    if len(kept) == 1 and ". " in kept_match[0] and resolve_country(kept_match[0]) is None:
        # OCR reads the Arabic comma as a full stop ("جنيف. سويسرا"): taken
        # as a separator only when the last part then is a country.
        ocr_kept, ocr_match = _parts(text, online, _OCR_PART_SEPARATOR)
        if len(ocr_kept) > 1 and resolve_country(ocr_match[-1]):
            kept, kept_match = ocr_kept, ocr_match
    if not kept:
        return Venue(None, None, None, online)
    codes = [resolve_country(m) for m in kept_match]
    if len(kept) == 1:
        if codes[0]:
            return Venue(None, kept[0], codes[0], online)
        return Venue(kept[0], None, None, online)
    if codes[-1] is None and codes[0] is not None:
        # Country first: "سويسرا، جنيف".
        return Venue(kept[1], kept[0], codes[0], online)
    return Venue(kept[-2], kept[-1], codes[-1], online)


def _parts(text: NText, online: bool, separator: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """The venue's parts (online wording removed): display and matching forms."""
    match = text.match
    parts: list[tuple[int, int]] = []
    start = 0
    for m in separator.finditer(match):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(match)))
    kept: list[str] = []  # display text of each part
    kept_match: list[str] = []
    for a, b in parts:
        a, b = _trim(match, a, b)
        if a >= b:
            continue
        piece = match[a:b]
        if online and (_ONLINE_RE.search(piece) or _HYBRID_RE.search(piece)):
            a, b = _without_online(match, a, b)
            if a >= b:
                continue
        display = text.display_slice(a, b).strip(_STRIP)
        if display:
            kept.append(display)
            kept_match.append(match[a:b])
    return kept, kept_match


def _trim(match: str, a: int, b: int) -> tuple[int, int]:
    while a < b and match[a] in _STRIP:
        a += 1
    while b > a and match[b - 1] in _STRIP:
        b -= 1
    lead = _LEADING_PREP_RE.match(match[a:b])
    if lead:
        a += lead.end()
    return a, b


def _without_online(match: str, a: int, b: int) -> tuple[int, int]:
    """The part of ``match[a:b]`` before (or else after) its online wording, fillers trimmed."""
    piece = match[a:b]
    m = _ONLINE_RE.search(piece) or _HYBRID_RE.search(piece)
    assert m is not None
    before = (a, a + m.start())
    after = (a + m.end(), b)
    for lo, hi in (before, after):
        lo, hi = _trim_fillers(match, lo, hi)
        if lo < hi:
            return lo, hi
    return b, b


def _trim_fillers(match: str, a: int, b: int) -> tuple[int, int]:
    a, b = _trim(match, a, b)
    words = list(re.finditer(r"\S+", match[a:b]))
    while words and words[-1].group().strip(_STRIP) in _FILLER | {""}:
        words.pop()
    while words and words[0].group().strip(_STRIP) in _FILLER | {""}:
        words.pop(0)
    if not words:
        return b, b
    lo, hi = a + words[0].start(), a + words[-1].end()
    # A conjunction glued to the online wording: "جنيف وعبر" leaves "جنيف".
    return _trim(match, lo, hi)
