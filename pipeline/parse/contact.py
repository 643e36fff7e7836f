"""The contact block into organization, unit, address, phone, fax, e-mail, web site.

E-mail addresses, web sites and phone numbers are found with the functions of
:mod:`pipeline.parse.contacts`, which the generic contact extractor uses too.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from ..report import Diagnostic
from ..structure.model import SectionNode
from ..vocabulary import contact_label_table
from .contacts import ascii_digits, find_emails, find_phones, find_urls


@dataclass(frozen=True, slots=True)
class ParsedContact:
    """Contact details as read; mirrors :class:`pipeline.models.Contact`."""

    organization: str | None
    unit: str | None
    address: list[str]
    phone: str | None
    fax: str | None
    email: str | None
    website: str | None
    warnings: list[Diagnostic] = field(default_factory=list)


def parse_contact(section: SectionNode) -> ParsedContact:
    """Parse a contact section (``kind == "contact"``).

    The unlabelled lines before the first label are the organization (first
    line), the unit (the second line, when it is no address line) and, when
    no ``العنوان:`` label gives one, the address: the lines from the first
    address-like one on (a line with a digit, in Latin letters only, or naming
    a country: ``17 route des Morillons``، ``P.O. Box 17``، ``سويسرا``). Labels map through
    :data:`pipeline.vocabulary.CONTACT_LABELS`; an e-mail address or URL on
    an unlabelled line is taken too. Values are kept as written (display
    form), the e-mail and URL extracted from their field (the URL with a
    scheme: ``www.iom.int`` → ``https://www.iom.int``), the phone and fax
    number as written without the words around it.
    """
    labels = contact_label_table()
    names: list[str] = []
    for node in section.body:
        if node.kind == "field":
            break
        names.extend(line.display for line in node.lines)
    loose: list[str] = []
    found: dict[str, list[str]] = {}
    warnings: list[Diagnostic] = []
    for f in section.fields:
        for label, key, lines in _pairs(f.label.display, labels.get(" ".join(f.label.match.split())), f.value_lines):
            if key is None:
                warnings.append(Diagnostic("unknown_field", f"contact field {label!r} not recognised", f.span.line_start, f.span.page))
                continue
            found.setdefault(key, lines)
    for name in list(names):
        if _is_whole(find_emails(name), name) or _is_whole(find_urls(name), name):
            names.remove(name)
            loose.append(name)
    emails = find_emails(" ".join([*found.get("email", []), *loose]))
    urls = [u for u in find_urls(" ".join([*found.get("website", []), *loose])) if u.kind == "website"]

    def joined(key: str) -> str | None:
        return " ".join(found[key]).strip() or None if key in found else None

    def number(key: str) -> str | None:
        """The first number of a phone or fax field as written, else the field."""
        text = joined(key)
        if text is None:
            return None
        phones = find_phones(ascii_digits(text), field=True)
        return text[phones[0].span[0]:phones[0].span[1]] if phones else text

    # An address line is no organization's name ("الدار البيضاء، 45 شارع …، المغرب").
    organization = names[0] if names and not _address_first(names[0]) else None
    rest = names[1:] if organization is not None else names
    first_address = next((i for i, line in enumerate(rest) if _address_like(line)), len(rest))
    unit = rest[0] if first_address > 0 else None
    address = found.get("address") or rest[first_address:]
    return ParsedContact(
        organization=organization,
        unit=unit,
        address=address,
        phone=number("phone"),
        fax=number("fax"),
        email=emails[0].text if emails else None,
        website=urls[0].value if urls else None,
        warnings=warnings,
    )


_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")
# A known label after a pair separator inside a value: "info@… | الموقع: www…".
_INNER_LABEL_RE = re.compile(r"^(?P<label>[^\d:|;،,]{2,40}?)\s*:\s*")


def _pairs(label: str, key: str | None, value_lines) -> list[tuple[str, str | None, list[str]]]:
    """A field's ``label: value`` pairs: one, or several when its lines hold
    more after a bar, bullet, semicolon or spaced dash, each with a contact
    label (``البريد الإلكتروني: info@… | الموقع: www…``)."""
    from ..normalize import to_match
    from .contacts import SEGMENT_BREAK_RE, label_words

    labels = contact_label_table()
    pairs: list[tuple[str, str | None, list[str]]] = [(label, key, [])]
    for line in value_lines:
        text = line.display
        start = 0
        for brk in SEGMENT_BREAK_RE.finditer(text):
            inner = _INNER_LABEL_RE.match(text[brk.end():])
            if inner is None:
                continue
            name = " ".join(to_match(inner.group("label")).split())
            inner_key = labels.get(name) or ("phone" if name.casefold() in label_words() else None)
            if inner_key is None:
                continue
            pairs[-1][2].append(text[start:brk.start()])
            pairs.append((inner.group("label").strip(), inner_key, []))
            start = brk.end() + inner.end()
        pairs[-1][2].append(text[start:])
    return [(lab, k, [v for v in vals if v.strip()]) for lab, k, vals in pairs]


def _address_first(line: str) -> bool:
    """The first unlabelled line of a contact block is an address, not the
    organization's name: it has a digit, or one of its comma-separated parts
    names a country (``الدار البيضاء، 45 شارع محمد الخامس، المغرب``)."""
    from ..normalize import to_match
    from .venues import resolve_country

    if any(c.isdigit() for c in line):
        return True
    return any(resolve_country(to_match(part.strip())) for part in re.split(r"[,،;]", line)[1:])


def _address_like(line: str) -> bool:
    """A line of a postal address rather than a name: it has a digit, has no Arabic
    letter (``Switzerland``), or is a country's name."""
    from ..normalize import to_match
    from .venues import resolve_country

    if any(c.isdigit() for c in line) or not _ARABIC_LETTER_RE.search(line):
        return True
    return resolve_country(to_match(line)) is not None


def _is_whole(mentions: list, text: str) -> bool:
    """Whether one mention is the whole of ``text``."""
    return len(mentions) == 1 and mentions[0].span == (0, len(text.rstrip()))
