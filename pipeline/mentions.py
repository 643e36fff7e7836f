"""Extractors: the values users look up in any brochure, found everywhere in it.

Contacts and dates are read from every node of the structured document
(title, headings, paragraphs, fields, list items, table cells) and from its
running heads and feet, with the same parsers the meetings profile uses
(:func:`pipeline.parse.find_contacts`, :func:`pipeline.parse.find_dates`).
Each mention keeps the text as printed, a normalised value and the
provenance and box of the block it is in.

* **Contacts**: e-mails, websites, social handles and pages, phone and fax
  numbers in E.164. A national number (no ``+``) takes the region of the
  nearest evidence (:mod:`pipeline.parse.regions`): a place named on its own
  ``label: value`` pair, then on its line, or an international number there;
  then the document's international numbers, postal addresses, e-mail and
  web domains, and the countries its text names. A number kept as printed
  (region unknown or unsure, or no valid number) is a ``phone_region_unknown``
  or ``phone_invalid`` warning. Each detail's label is that of its own pair.
  Links that manage a mailing-list subscription are no contacts.
  Labelled postal addresses (``العنوان:``), and the address lines of a
  contact block given without a label, are mentions too, and so are the
  targets of hyperlinks (``mailto:``, ``tel:``, web addresses) of HTML,
  DOCX, Markdown and PDF (link annotations) sources. A detail is
  listed once, at its first place (a website in a running footer on every
  page is one mention).
* **Dates**: single dates and ranges, numeric, Hijri (converted, Umm
  al-Qura), months and years with their precision. An expression that names
  no real day is a warning (``unparsed_date``) with its page or line, not a
  mention; a doubtful one (a Hijri date that disagrees with its Gregorian
  equivalent) is kept with a ``date_doubtful`` warning. A date in a running
  head is listed once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .report import Diagnostic
from .models import ContactMention, DateMention, Provenance
from .normalize import NText
from .parse import ParsedContact, find_contacts, find_dates
from .parse.contacts import (
    SEGMENT_BREAK_RE,
    ascii_digits,
    international_regions,
    label_words,
    normalize_url,
    segment_label,
)
from .parse.regions import Evidence, RegionChoice, choose, count, countries_named, domain_region, place_regions
from .parse.venues import resolve_country
from .read.blocks import Block
from .structure import StructuredDocument
from .structure.model import Node, box_of, span_of
from .vocabulary import contact_label_table


@dataclass(frozen=True, slots=True)
class _Piece:
    """A text to search, with where it is (``section``: 0-based index, or ``None``)."""

    text: NText
    span: Provenance
    node: Node | None
    furniture: bool = False
    section: int | None = None
    blocks: tuple[Block, ...] = ()  # a furniture piece's reader block (its links)


def _pieces(document: StructuredDocument) -> Iterator[_Piece]:
    """Every text of the document in reading order: title, subtitle, section nodes
    (table cells one by one), then running heads and feet."""
    for node in (document.title, document.subtitle):
        if node is not None:
            yield _Piece(node.text, node.span, node)
    for index, node in document.nodes():
        if node.kind == "table" and node.table is not None:
            for cell in node.table.cells:
                text = NText.from_raw(" ".join(cell.lines))
                if text:
                    yield _Piece(text, node.span, node, section=index)
            continue
        yield _Piece(node.text, node.span, node, section=index)
    for block, text in document.furniture:
        yield _Piece(text, span_of(block), None, furniture=True, blocks=(block,))


def _bbox(piece: _Piece, document: StructuredDocument):
    return box_of(piece.node.bbox) if piece.node is not None else None


def document_evidence(document: StructuredDocument, contact: ParsedContact | None) -> Evidence:
    """The document-wide evidence of its national numbers' country, strongest first
    (see :mod:`pipeline.parse.regions`): the regions of its international
    numbers, of its postal addresses, of its e-mail and web domains, and the
    countries its text names; each counted, in the order first seen."""
    numbers: list[str | None] = []
    domains: list[str | None] = []
    named: Counter[str] = Counter()
    addresses: list[str] = list(contact.address) if contact is not None else []
    labels = contact_label_table()
    for piece in _pieces(document):
        for m in find_contacts(piece.text.display, None):
            if m.kind in ("phone", "fax"):
                numbers.append(m.region)
            elif m.kind == "email" or m.kind == "website":
                domains.append(domain_region((m.value or m.text).rsplit("@", 1)[-1].split("://")[-1].split("/")[0]))
        named.update(countries_named(piece.text.match))
        node = piece.node
        if node is not None and node.kind == "field" and node.label is not None and node.value is not None:
            if labels.get(" ".join(node.label.match.split())) == "address":
                addresses.extend(v.display for v in node.value_lines if v.display)
    places: list[str] = []
    for line in addresses:
        parts = [p.strip() for p in re.split(r"[,،;|]|\s[-–—]\s", line) if p.strip()]
        countries = [r for p in parts for r in (resolve_country(NText.from_display(p).match),) if r]
        places.extend(countries or [r for p in parts for r in place_regions(NText.from_display(p).match)])
    return [("numbers", count(numbers)), ("address", count(places)), ("domain", count(domains)), ("text", named)]


def local_evidence(display: str) -> Counter[str]:
    """The regions a segment of text points to (display form): the country
    codes of its international numbers, the countries it names, and the
    places (countries or cities) named at the end of its label (``هاتف دبي:``،
    ``جوال فرع الرياض:``) or right after ``في`` (``في عمّان``)."""
    match = NText.from_display(display).match
    found = count(international_regions(ascii_digits(display)))
    found.update(countries_named(match))
    for names in _place_slots(match):
        regions = next((r for r in map(place_regions, names) if r), [])
        found.update(regions)
    return found


def _place_slots(match: str) -> list[list[str]]:
    """Where a place is expected in a segment (matching form), each as the names
    to try, longest first: the end of its label, after the phone words
    (``هاتف دبي:`` → ``دبي``; ``جوال فرع الرياض:`` → ``فرع الرياض``, ``الرياض``),
    and the start of what follows في (``في الدار البيضاء``، ``في دبي``)."""
    slots = []
    head, colon, _ = match.partition(":")
    words = re.sub(r"[^\w\s]", " ", head).split()
    if colon and not any(c.isdigit() for c in head) and 0 < len(words) <= 5:
        rest = [w for w in words if w.casefold() not in label_words()]
        if rest and len(rest) < len(words):
            slots.append([" ".join(rest[-n:]) for n in (3, 2, 1) if len(rest) >= n])
    for m in re.finditer(r"(?:^|\s)في\s+([^\d:|;,.()\[\]]+)", match):
        after = m.group(1).split()[:3]
        slots.append([" ".join(after[:n]) for n in (3, 2, 1) if len(after) >= n])
    return slots


def find_contact_mentions(
    document: StructuredDocument, contact: ParsedContact | None
) -> tuple[list[ContactMention], list[Diagnostic]]:
    """Every contact detail of the document, once each, in reading order, and the
    warnings about phone numbers kept as printed (``phone_invalid``,
    ``phone_region_unknown``) or read with their digit groups in reverse
    order (``phone_reordered``)."""
    # The evidence of a country (GeoNames' cities among it) is gathered only
    # for a document that has a number printed without its country code.
    levels = document_evidence(document, contact) if _has_national_number(document) else []
    document_choice = choose(levels)
    labels = contact_label_table()
    out: list[ContactMention] = []
    warnings: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()

    def add(mention: ContactMention) -> bool:
        key = (mention.kind, _same_site(mention.value) if mention.kind in ("website", "social") else mention.value)
        if key not in seen:
            seen.add(key)
            out.append(mention)
            return True
        return False

    contact_section = next((i for i, sec in enumerate(document.sections) if sec.kind == "contact"), None)
    unlabelled_address = contact is not None and contact.address and not any(
        labels.get(" ".join(n.label.match.split())) == "address"
        for n in document.sections[contact_section].fields if n.label is not None
    ) if contact_section is not None else False
    for piece in _pieces(document):
        node = piece.node
        if unlabelled_address and piece.section == contact_section:
            # The contact block's address, given without a label (its lines
            # after the organization's name): one mention, where the block is.
            section = document.sections[contact_section]
            add(ContactMention(kind="address", text=" | ".join(contact.address), value=", ".join(contact.address),
                               label=None, bbox=box_of(section.body[0].bbox) if section.body else None,
                               provenance=section.span))
            unlabelled_address = False
        if node is not None and node.kind == "field" and node.label is not None:
            if labels.get(" ".join(node.label.match.split())) == "address" and node.value_lines:
                lines = [v.display for v in node.value_lines if v.display]
                add(ContactMention(kind="address", text=" | ".join(lines), value=", ".join(lines),
                                   label=node.label.display, bbox=_bbox(piece, document), provenance=piece.span))
        display = piece.text.display
        drawn = piece.span.page is not None  # a PDF page (or OCR): digit groups may be drawn right to left
        found = [*_piece_contacts(display, levels, document_choice, drawn), *_link_contacts(piece, document_choice)]
        for m, choice in found:
            if m.kind == "website" and _ends_a_subscription(m.value or m.text):
                continue
            label = segment_label(display, m.span[0]) if m.span != (-1, -1) else None
            mention = ContactMention(
                kind=m.kind,
                text=m.text,
                value=m.value or m.text,
                label=label,
                region=m.region if m.kind in ("phone", "fax") else None,
                bbox=_bbox(piece, document),
                provenance=piece.span,
            )
            if add(mention) and m.problem is not None:
                warnings.append(_phone_warning(m, choice, piece.span))
    return out, warnings


def _same_site(url: str) -> str:
    """A web address as compared for duplicates: no scheme, no ``www.``, no
    final ``/``, host lowercased (``https://www.amal.org.sa/`` is
    ``amal.org.sa``, printed or behind a link)."""
    return normalize_url(url.strip()).split("://", 1)[1].removeprefix("www.").rstrip("/")


def _has_national_number(document: StructuredDocument) -> bool:
    """Whether some phone-like number of the document (in its text, once its
    international numbers are set aside, or in a ``tel:`` link) has no
    country code: only then does its country need evidence."""
    for piece in _pieces(document):
        text = ascii_digits(piece.text.display)
        if any(c.isdigit() for c in text):
            found = find_contacts(piece.text.display, None)
            if any(m.kind in ("phone", "fax") and m.region is None for m in found):
                return True
            for m in found:
                if m.kind in ("phone", "fax"):
                    text = text[: m.span[0]] + " " * (m.span[1] - m.span[0]) + text[m.span[1]:]
            if _NATIONAL_RE.search(text):
                return True
        if piece.node is not None and any(url.lower().startswith(("tel:", "callto:")) and "+" not in url
                                          for block in piece.node.source for _, url in block.links):
            return True
    return False


def _piece_contacts(display: str, levels: Evidence, document_choice: RegionChoice, drawn: bool = False):
    """The contacts of a piece's text, each with the region choice its national
    numbers were read with: the nearest evidence (its segment, its line, then
    the document's)."""
    if not any(c.isdigit() for c in display):
        return [(m, document_choice) for m in find_contacts(display, document_choice.regions, drawn=drawn)]
    out = []
    for la, lb in _spans(display, _LINE_BREAK_RE):
        segments = [(la + sa, la + sb) for sa, sb in _spans(display[la:lb], _PAIR_BREAK_RE)]
        evidence: list[Counter[str]] | None = None
        for i, (a, b) in enumerate(segments):
            choice = document_choice
            if _NATIONAL_RE.search(ascii_digits(display[a:b])):
                # only a national number needs its region: the evidence of its
                # segment, then of its line (every segment's), then the document's
                if evidence is None:
                    evidence = [local_evidence(display[x:y]) for x, y in segments]
                choice = choose([("segment", evidence[i]), ("line", sum(evidence, Counter())), *levels])
            for m in find_contacts(display[a:b], choice.regions, drawn=drawn):
                out.append((replace(m, span=(m.span[0] + a, m.span[1] + a)), choice))
    return out


# A digit run that may be a national number: six digits or more, not after + or 00.
_NATIONAL_RE = re.compile(r"(?<![\d+])(?!00)\d[\d\s().\-/]{4,}\d")


# Where a line's "label: value" pairs part: the separators of
# SEGMENT_BREAK_RE, and before a label that follows a number with no
# separator ("جوال العراق: 07701234567 هاتف المكتب (مصر): 02 …", two fields
# a reader ran together).
_PAIR_BREAK_RE = re.compile(rf"{SEGMENT_BREAK_RE.pattern}|(?<=[\d)])\s+(?=[^\d\s:|;()][^\d:|;]{{1,40}}:\s)")
# A line ends at a line break or a sentence's end (a point, ? or ! before a space).
_LINE_BREAK_RE = re.compile(r"\n|(?<=[.!?؟])\s+")


def _spans(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the parts of ``text`` between ``breaks``."""
    out, start = [], 0
    for m in breaks.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _phone_warning(m, choice: RegionChoice, where: Provenance) -> Diagnostic:
    """The warning for a number kept as printed."""
    if m.problem == "reordered":
        return Diagnostic("phone_reordered", f"phone number {m.text!r} is no valid number of {choice.regions[0]} as "
                          f"printed, but is with its digit groups in reverse order (right-to-left drawing): read "
                          f"{m.value}", where.line_start, where.page)
    if m.problem == "invalid":
        whose = f"a valid number of {choice.regions[0]}" if choice.sure and not m.text.lstrip("(").startswith(("+", "00")) \
            else "a valid number of its country code"
        return Diagnostic("phone_invalid", f"phone number {m.text!r} is not {whose} (libphonenumber): kept as printed",
                          where.line_start, where.page)
    if m.problem == "region_unsure":
        why = f"its country is unsure ({' or '.join(choice.regions)}, from the document's {choice.source})"
    else:
        why = "no country is named near it or in the document"
    return Diagnostic("phone_region_unknown", f"national phone number {m.text!r}: {why}; kept as printed",
                      where.line_start, where.page)


# Links that manage a mailing-list subscription are no way to reach the publisher.
_SUBSCRIPTION_RE = re.compile(r"(?i)(?:un-?subscribe|opt[-_]?out|unsub\b|email[-_]?preferences|manage[-_]?subscription)")


def _ends_a_subscription(url: str) -> bool:
    """A web address that ends or manages a mailing-list subscription: its path
    or query says so (``/unsubscribe``, ``opt-out``), or its host is a
    mailing-list service's."""
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return bool(_SUBSCRIPTION_RE.search(path)) or host.endswith("list-manage.com")


def _link_contacts(piece: _Piece, choice: RegionChoice):
    """Contacts behind the hyperlinks of a piece's blocks (HTML, DOCX, Markdown, PDF):
    ``mailto:``, ``tel:`` and web addresses whose link text does not show them.
    Their span is ``(-1, -1)``: they are not in the text."""
    out = []
    for block in piece.node.source if piece.node is not None else piece.blocks:
        for _text, url in block.links:
            target = re.sub(r"^(?:mailto|tel|callto):", "", url.strip(), flags=re.I)
            if not _SUBSCRIPTION_RE.search(target):
                target = target.split("?")[0]
            for m in find_contacts(target, choice.regions):
                out.append((replace(m, span=(-1, -1)), choice))
    return out


# The preposition before a date ("في 2 أيار 2019") is no part of it.
_LEAD_RE = re.compile(r"^(?:في|فى|فـي)\s+")


def find_date_mentions(
    document: StructuredDocument, quiet: frozenset[int] = frozenset()
) -> tuple[list[DateMention], list[Diagnostic]]:
    """Every date mention of the document in reading order, and the warnings about
    expressions that name no real day or are doubtful.

    Args:
        document: the structured document.
        quiet: indices of sections whose dates are warned about elsewhere (a
            profile's own sections): their mentions are listed, unwarned.
    """
    out: list[DateMention] = []
    warnings: list[Diagnostic] = []
    seen_furniture: set[tuple[str, str, str]] = set()
    for piece in _pieces(document):
        match = piece.text.match
        for m in find_dates(match):
            printed = _LEAD_RE.sub("", piece.text.display_slice(*m.span) or m.text)
            where = piece.span
            speak = piece.section not in quiet
            if m.start is None or m.end is None:
                if speak:
                    reason = "; ".join(m.warnings) or "no real day"
                    warnings.append(Diagnostic("unparsed_date", f"date {printed!r} not understood: {reason}", where.line_start, where.page))
                continue
            if piece.furniture:
                key = (printed, m.start.isoformat(), m.end.isoformat())
                if key in seen_furniture:
                    continue
                seen_furniture.add(key)
            for note in m.warnings if speak else ():
                warnings.append(Diagnostic("date_doubtful", f"date {printed!r}: {note}", where.line_start, where.page))
            out.append(DateMention(
                text=printed,
                start=m.start,
                end=m.end,
                precision=m.precision,
                calendar=m.calendar,
                hijri=m.hijri,
                bbox=_bbox(piece, document),
                provenance=where,
            ))
    return out, warnings
