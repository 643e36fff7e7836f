"""Validate stage: parsed values into pydantic records, plus cross-record checks.

Model constraints (types, ranges, ISO formats, ``start_date <= end_date``)
raise :class:`~pipeline.errors.InvalidRecordError` naming the meeting and field.
Checks across records are warnings (:class:`~pipeline.errors.Diagnostic`),
never crashes: numbering gaps, repeats or disorder; years out of order; dates
outside the heading's year; ISCM totals that differ from IRF + RCP + global
processes.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .errors import Diagnostic, InvalidRecordError
from .models import (
    Contact,
    Document,
    DocumentRecord,
    Meeting,
    Participants,
    Provenance,
    Section,
)
from .parse import ParsedContact, ParsedMeeting
from .read.blocks import SourceDocument
from .segment import Segment, SegmentedDocument, Span


def provenance(span: Span) -> Provenance:
    """The record form of a segment span."""
    return Provenance(line_start=span.line_start, line_end=span.line_end, page=span.page, page_end=span.page_end)


def section_record(segment: Segment) -> Section:
    """A segment as a :class:`Section` record."""
    parts = [segment.heading] if segment.heading else []
    parts += [*segment.paragraphs, *segment.bullets]
    return Section(
        kind=segment.kind,
        heading=segment.heading.text.display if segment.heading else None,
        paragraphs=[p.text.display for p in segment.paragraphs],
        bullets=[p.text.display for p in segment.bullets],
        text_normalized="\n".join(p.text.match for p in parts),
        provenance=provenance(segment.span),
    )


def meeting_record(parsed: ParsedMeeting, path: Path) -> Meeting:
    """A parsed meeting as a :class:`Meeting` record.

    Raises:
        InvalidRecordError: a model constraint fails (the message names the
            meeting, the field and the value).
    """
    try:
        participants = None
        if parsed.participants_text is not None:
            counts = parsed.participants.stated() if parsed.participants else {}
            participants = Participants(text=parsed.participants_text, **counts)
        return Meeting(
            number=parsed.number,
            year=parsed.year,
            title=parsed.title,
            hosts=parsed.hosts,
            date_text=parsed.date_text,
            start_date=parsed.start_date,
            end_date=parsed.end_date,
            city=parsed.venue.city,
            country=parsed.venue.country,
            country_code=parsed.venue.country_code,
            is_online=parsed.venue.is_online,
            theme=parsed.theme,
            participants=participants,
            outcome=parsed.outcome,
            outcome_is_expected=parsed.outcome_is_expected,
            extra_fields=parsed.extra_fields,
            provenance=provenance(parsed.span),
        )
    except ValidationError as exc:
        raise _invalid(exc, path, f"meeting {parsed.number}", parsed.span) from None


def contact_record(parsed: ParsedContact, span: Span, path: Path) -> Contact:
    """A parsed contact block as a :class:`Contact` record.

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
        raise _invalid(exc, path, "contact", span) from None


def _invalid(exc: ValidationError, path: Path, what: str, span: Span) -> InvalidRecordError:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or what}: {e['msg']} (got {_short_repr(e.get('input'))})" for e in exc.errors()
    )
    return InvalidRecordError(path, f"{what}: {problems}", page=span.page, line=span.line_start)


def _short_repr(value: object, limit: int = 80) -> str:
    """``repr`` of a bad value for a message, at most ``limit`` characters
    (an int of more than 4,300 digits has no ``repr`` at all: Python's
    integer string conversion limit)."""
    try:
        text = repr(value)
    except ValueError:
        return f"an integer of about {value.bit_length() * 0.30103:.0f} digits" if isinstance(value, int) else "<no repr>"
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def cross_checks(meetings: list[Meeting]) -> list[Diagnostic]:
    """Checks across meetings, as warnings.

    Returns:
        One diagnostic per problem: ``numbering`` (gap, repeat or disorder;
        numbering not starting at 1), ``year_order``, ``date_year`` (a date
        outside the heading's year), ``participants_sum`` (``iscm_total`` ≠
        ``irf + rcp + global_process``, unstated components counted as 0,
        checked when the total and at least one component are stated).
    """
    out: list[Diagnostic] = []

    def warn(m: Meeting, code: str, message: str) -> None:
        out.append(Diagnostic(code, message, m.provenance.line_start, m.provenance.page, m.number))

    previous: Meeting | None = None
    for m in meetings:
        if previous is None:
            if m.number != 1:
                warn(m, "numbering", f"numbering starts at {m.number}, not 1")
        elif m.number == previous.number:
            warn(m, "numbering", f"meeting number {m.number} repeats")
        elif m.number < previous.number:
            warn(m, "numbering", f"meeting {m.number} comes after meeting {previous.number}")
        elif m.number != previous.number + 1:
            missing = ", ".join(str(n) for n in range(previous.number + 1, m.number))
            warn(m, "numbering", f"numbering gap: no meeting {missing} between {previous.number} and {m.number}")
        if previous is not None and m.year < previous.year:
            warn(m, "year_order", f"meeting {m.number} ({m.year}) is dated before meeting {previous.number} ({previous.year})")
        for label, day in (("start", m.start_date), ("end", m.end_date)):
            if day is not None and day.year != m.year:
                warn(m, "date_year", f"{label} date {day.isoformat()} is outside the heading's year {m.year}")
        p = m.participants
        if p is not None and p.iscm_total is not None:
            parts = [p.irf, p.rcp, p.global_process]
            if any(x is not None for x in parts):
                total = sum(x or 0 for x in parts)
                if total != p.iscm_total:
                    warn(
                        m,
                        "participants_sum",
                        f"iscm_total {p.iscm_total} ≠ irf + rcp + global_process = {total}",
                    )
        previous = m
    return out


def build_record(
    source: SourceDocument,
    segmented: SegmentedDocument,
    meetings: list[ParsedMeeting],
    contact: ParsedContact | None,
) -> tuple[DocumentRecord, list[Diagnostic]]:
    """Assemble and validate the whole document record.

    Returns:
        ``(record, warnings)``: the parser's warnings and the cross-record checks.

    Raises:
        InvalidRecordError: a record breaks a model constraint.
    """
    path = source.path
    meeting_records = [meeting_record(m, path) for m in meetings]
    contact_rec = None
    if contact is not None and segmented.contact is not None:
        contact_rec = contact_record(contact, segmented.contact.span, path)
    try:
        document = Document(
            id=path.stem,
            source_file=path.name,
            sha256=source.sha256,
            format=source.format,
            title=segmented.title.text.display if segmented.title else None,
            publisher=contact_rec.organization if contact_rec else None,
            page_count=source.page_count,
        )
        record = DocumentRecord(
            document=document,
            sections=[section_record(s) for s in segmented.segments],
            meetings=meeting_records,
            contact=contact_rec,
        )
    except ValidationError as exc:
        raise _invalid(exc, path, "document", Span()) from None
    warnings = [w for m in meetings for w in m.warnings]
    if contact is not None:
        warnings += contact.warnings
    warnings += cross_checks(meeting_records)
    return record, warnings
