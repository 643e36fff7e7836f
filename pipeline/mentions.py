"""Extractors: the values users look up in any brochure, found everywhere in it.

Contacts and dates are read from every node of the structured document
(title, headings, paragraphs, fields, list items, table cells) and from its
running heads and feet, with the same parsers the meetings profile uses
(:func:`pipeline.parse.find_contacts`, :func:`pipeline.parse.find_dates`).
Each mention keeps the text as printed, a normalised value and the
provenance and box of the block it is in.

* **Contacts**: e-mails, websites, social handles and pages, phone and fax
  numbers in E.164. A national number (no ``+``) takes the document's region:
  the region most of its international numbers have, else the country named
  in its contact block's address, else none (then it is kept as printed).
  Labelled postal addresses (``العنوان:``), and the address lines of a
  contact block given without a label, are mentions too, and so are the
  targets of hyperlinks (``mailto:``, ``tel:``, web addresses) of HTML,
  DOCX and Markdown sources. A detail is
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
from dataclasses import dataclass

from .report import Diagnostic
from .models import ContactMention, DateMention, Provenance
from .normalize import NText
from .parse import ParsedContact, find_contacts, find_dates
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


def document_region(document: StructuredDocument, contact: ParsedContact | None) -> str | None:
    """The region of the document's national phone numbers: the most common region of
    its international numbers (ties: the first seen), else the country its contact
    block's address names, else ``None``."""
    regions: Counter[str] = Counter()
    order: list[str] = []
    for piece in _pieces(document):
        for m in find_contacts(piece.text.display, None):
            if m.region and m.kind in ("phone", "fax"):
                regions[m.region] += 1
                if m.region not in order:
                    order.append(m.region)
    if regions:
        best = max(regions.values())
        return next(r for r in order if regions[r] == best)
    if contact is not None:
        for line in reversed(contact.address):
            for part in reversed(re.split(r"[,،;]", line)):
                code = resolve_country(NText.from_display(part.strip()).match)
                if code:
                    return code
    return None


def find_contact_mentions(document: StructuredDocument, contact: ParsedContact | None) -> list[ContactMention]:
    """Every contact detail of the document, once each, in reading order."""
    region = document_region(document, contact)
    labels = contact_label_table()
    out: list[ContactMention] = []
    seen: set[tuple[str, str]] = set()

    def add(mention: ContactMention) -> None:
        key = (mention.kind, mention.value)
        if key not in seen:
            seen.add(key)
            out.append(mention)

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
        for m in [*find_contacts(piece.text.display, region), *_link_contacts(piece, region)]:
            label = _label_before(piece.text.display, m.span[0]) if m.span != (-1, -1) else None
            add(ContactMention(
                kind=m.kind,
                text=m.text,
                value=m.value or m.text,
                label=label,
                region=m.region if m.kind in ("phone", "fax") else None,
                bbox=_bbox(piece, document),
                provenance=piece.span,
            ))
    return out


def _link_contacts(piece: _Piece, region: str | None):
    """Contacts behind the hyperlinks of a piece's blocks (HTML, DOCX, Markdown):
    ``mailto:``, ``tel:`` and web addresses whose link text does not show them.
    Their span is ``(-1, -1)``: they are not in the text."""
    out = []
    for block in piece.node.source if piece.node is not None else piece.blocks:
        for _text, url in block.links:
            target = re.sub(r"^(?:mailto|tel|callto):", "", url.strip(), flags=re.I).split("?")[0]
            for m in find_contacts(target, region):
                out.append(m.__class__(m.kind, m.text, m.value, (-1, -1), m.region))
    return out


def _label_before(text: str, start: int) -> str | None:
    """The ``label:`` that a detail follows on its line (``الهاتف: +41 …`` → ``الهاتف``)."""
    head = text[:start].rstrip()
    if not head.endswith(":"):
        return None
    label = head[:-1].strip().split("  ")[-1]
    words = label.split()
    return " ".join(words[-3:]) if words else None


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
