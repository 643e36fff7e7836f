"""Assemble and validate: the structured document, profile records and mentions into a
:class:`~pipeline.models.DocumentRecord`.

Model constraints (types, ranges, ISO formats) raise
:class:`~pipeline.errors.InvalidRecordError` naming the record and field;
checks across records are each profile's own warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from .errors import InvalidRecordError
from .models import (
    Contact,
    ContactMention,
    DateMention,
    Document,
    DocumentRecord,
    PageFurniture,
    Provenance,
    Section,
    TextBlock,
)
from .parse import ParsedContact
from .read.blocks import SourceDocument
from .structure import Node, SectionNode, StructuredDocument
from .structure.model import box_of, span_of
from .structure.rules import list_marker_end
from .structure.tables import table_record


def invalid_record(exc: ValidationError, path: Path, what: str, span: Provenance | None) -> InvalidRecordError:
    """The typed error for a record that breaks a model constraint (names the record, field and value)."""
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or what}: {e['msg']} (got {_short(e.get('input'))})" for e in exc.errors()
    )
    page = span.page if span is not None else None
    line = span.line_start if span is not None else None
    return InvalidRecordError(path, f"{what}: {problems}", page=page, line=line)


def _short(value: object, limit: int = 80) -> str:
    """``repr`` of a bad value for a message, at most ``limit`` characters
    (an int of more than 4,300 digits has no ``repr`` at all: Python's
    integer string conversion limit)."""
    try:
        text = repr(value)
    except ValueError:
        return f"an integer of about {value.bit_length() * 0.30103:.0f} digits" if isinstance(value, int) else "<no repr>"
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def item_text(node: Node) -> tuple[str, str | None]:
    """A list item's text without its printed numbering, and that numbering
    (``("المقابلة الشخصية.", "3.")``; ``None`` when it has none); an item
    that is only its number keeps it as its text."""
    end = list_marker_end(node.text.match)
    if end and _starts_with_date(node.text.match):
        end = 0  # ``15- يونيو موعد التسليم``: the day of a date, no numbering
    rest = node.text.display_slice(end) if end else ""
    return (rest, node.text.display_slice(0, end)) if rest else (node.text.display, None)


def _starts_with_date(match_text: str) -> bool:
    """Whether the text starts with a day and a month name (``15- يونيو``،
    ``3) رمضان``) or a whole date (``1/2/2025``)."""
    from .parse.dates import find_dates, hijri_month_table, month_table

    day = re.match(r"^\(?\d{1,2}\s*[-–.)]?\s", match_text)
    if day:
        words = match_text[day.end():day.end() + 60].split()
        for name in (" ".join(words[:1]), " ".join(words[:2])):
            if name in month_table() or name in hijri_month_table():
                return True
    return any(m.span[0] <= 1 for m in find_dates(match_text[:80]))


def text_block(node: Node) -> TextBlock:
    """The record of one body node (not a table)."""
    kind = node.kind if node.kind in ("list_item", "field", "caption", "quote", "code") else "paragraph"
    text, marker = item_text(node) if kind == "list_item" else (node.text.display, None)
    return TextBlock(
        type=kind,
        text=text,
        marker=marker,
        list_level=node.list_level if kind == "list_item" else None,
        label=node.label.display if kind == "field" and node.label is not None else None,
        value=node.value.display if kind == "field" and node.value is not None else None,
        lang=node.lang,
        ocr_confidence=node.ocr_confidence,
        bbox=box_of(node.bbox),
        provenance=node.span,
    )


def section_record(section: SectionNode, kind: str, parent_index: int | None) -> Section:
    """A section of the tree as a :class:`~pipeline.models.Section` record."""
    paragraphs = section.paragraphs
    parts = ([section.heading] if section.heading else []) + [*paragraphs, *section.bullets]
    blocks = [text_block(n) for n in section.body if n.kind != "table"]
    return Section(
        kind=kind,
        heading=section.heading.text.display if section.heading else None,
        level=section.level,
        parent_index=parent_index,
        paragraphs=[p.text.display for p in paragraphs],
        bullets=[b.text for b in blocks if b.type == "list_item"],  # the items' text, numbering out, once
        blocks=blocks,
        text_normalized="\n".join(p.text.match for p in parts),
        provenance=section.span,
    )


def contact_record(parsed: ParsedContact, span: Provenance, path: Path) -> Contact:
    """A parsed contact block as a :class:`~pipeline.models.Contact` record.

    Raises:
        InvalidRecordError: e.g. an e-mail or URL that does not match its format.
    """
    try:
        return Contact(
            organization=parsed.organization,
            unit=parsed.unit,
            address=parsed.address,
            phone=parsed.phone,
            fax=parsed.fax,
            email=parsed.email,
            website=parsed.website,
        )
    except ValidationError as exc:
        raise invalid_record(exc, path, "contact", span) from None


def build_record(
    source: SourceDocument,
    document: StructuredDocument,
    *,
    kinds: dict[int, str],
    profile_records: dict[str, list],
    profile_names: list[str],
    contact: ParsedContact | None,
    contacts: list[ContactMention],
    dates: list[DateMention],
) -> DocumentRecord:
    """Assemble and validate the whole document record.

    Args:
        source: the source as read (file, hash, format, pages).
        document: the structured document.
        kinds: section index (0-based) → kind claimed by a profile.
        profile_records: record field (``"meetings"``) → the profile's records.
        profile_names: the profiles that found records, in order.
        contact: the parsed contact block, if any.
        contacts, dates: the mentions found in the document.

    Raises:
        InvalidRecordError: a record breaks a model constraint.
    """
    path = source.path
    sections = document.sections
    contact_section = next((s for s in sections if s.kind == "contact"), None)
    contact_rec = None
    if contact is not None and contact_section is not None:
        contact_rec = contact_record(contact, contact_section.span, path)
    languages = sorted({n.lang for _, n in document.nodes() if n.lang})
    try:
        record = DocumentRecord(
            document=Document(
                id=path.stem,
                source_file=path.name,
                sha256=source.sha256,
                format=source.format,
                other_languages=languages,
                title=document.title.text.display if document.title else None,
                subtitle=document.subtitle.text.display if document.subtitle else None,
                publisher=contact_rec.organization if contact_rec else None,
                page_count=source.page_count,
                profiles=profile_names,
            ),
            sections=[
                section_record(s, kinds.get(i, s.kind), s.parent + 1 if s.parent is not None else None)
                for i, s in enumerate(sections)
            ],
            tables=[table_record(n, i + 1) for i, s in enumerate(sections) for n in s.body if n.kind == "table"],
            contacts=contacts,
            dates=dates,
            page_furniture=[
                PageFurniture(role=b.role, text=text.display, page=b.page, provenance=span_of(b))
                for b, text in document.furniture
            ],
            contact=contact_rec,
            **profile_records,
        )
    except ValidationError as exc:
        raise invalid_record(exc, path, "document", None) from None
    return record
