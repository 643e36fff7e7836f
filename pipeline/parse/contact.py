"""The contact block into organization, unit, address, phone, fax, e-mail, web site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..structure.model import SectionNode
from ..vocabulary import contact_label_table

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL_RE = re.compile(r"https?://[^\s<>\"]+|www\.[^\s<>\"]+")


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
    line) and the unit (second line). Labels map through
    :data:`pipeline.vocabulary.CONTACT_LABELS`; an e-mail address or URL on
    an unlabelled line is taken too. Values are kept as written (display
    form), the e-mail and URL extracted from their field.
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
        key = labels.get(" ".join(f.label.match.split()))
        if key is None:
            warnings.append(Diagnostic("unknown_field", f"contact field {f.label.display!r} not recognised", f.span.line_start, f.span.page))
            continue
        found.setdefault(key, [line.display for line in f.value_lines])
    for name in list(names):
        if _EMAIL_RE.fullmatch(name) or _URL_RE.fullmatch(name):
            names.remove(name)
            loose.append(name)
    email_src = " ".join(found.get("email", [])) + " " + " ".join(loose)
    url_src = " ".join(found.get("website", [])) + " " + " ".join(loose)
    email = _EMAIL_RE.search(email_src)
    url = _URL_RE.search(url_src)

    def joined(key: str) -> str | None:
        return " ".join(found[key]).strip() or None if key in found else None

    return ParsedContact(
        organization=names[0] if names else None,
        unit=names[1] if len(names) > 1 else None,
        address=found.get("address", []),
        phone=joined("phone"),
        fax=joined("fax"),
        email=email.group() if email else None,
        website=url.group().rstrip(".,;") if url else None,
        warnings=warnings,
    )
