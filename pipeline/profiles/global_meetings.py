"""The Global RCP meetings profile: the IOM brochure's meetings as typed records.

A meeting section is headed ``الاجتماع العالمي <ordinal> …: <year>`` (see
:func:`pipeline.vocabulary.meeting_heading_number`) and made of labelled
fields (:data:`pipeline.vocabulary.MEETING_LABELS`). The profile declares
both to the structure stage, parses each meeting section it finds with
:func:`pipeline.parse.parse_meeting`, validates the records and checks them
against each other (numbering, year order, dates within the heading's year,
participant sums) — those checks are warnings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import ValidationError

from ..report import Diagnostic
from ..models import Meeting, Participants
from ..parse import ParsedMeeting, parse_meeting
from ..structure import StructuredDocument, Vocabulary
from ..structure.classify import MAX_HEADING_WORDS, MAX_UNSTYLED_PROFILE_HEADING_WORDS
from ..structure.rules import ends_sentence
from ..assemble import invalid_record
from ..vocabulary import meeting_heading_number, meeting_label_table
from .base import ProfileResult


def is_meeting_heading(match_text: str, styled: bool) -> bool:
    """``الاجتماع العالمي`` + an ordinal (word or numeral) at the start of a block
    set as a heading, or of a short block that does not end a sentence (a
    heading without a year takes it from the date field). The figure legend's
    ``الاجتماع العالمي … لعام 2005`` lines have no ordinal and are not headings."""
    words = len(match_text.split())
    if words > MAX_HEADING_WORDS or meeting_heading_number(match_text) is None:
        return False
    if styled:
        return True
    # Unstyled: a heading is short and does not end a sentence (prose that
    # starts with "الاجتماع العالمي الأول كان …" does).
    return words <= MAX_UNSTYLED_PROFILE_HEADING_WORDS and not ends_sentence(match_text)


class GlobalMeetingsProfile:
    """The meetings of the brochure on the Global RCP Meetings (see the module docstring)."""

    name = "global_rcp_meetings"
    record_field = "meetings"

    @property
    def vocabulary(self) -> Vocabulary:
        return _vocabulary()

    def run(self, document: StructuredDocument, path: Path) -> ProfileResult:
        """Parse every meeting section into a validated :class:`~pipeline.models.Meeting`.

        Raises:
            InvalidRecordError: a meeting breaks a model constraint.
        """
        claimed = {}
        parsed: list[ParsedMeeting] = []
        for i, section in enumerate(document.sections):
            heading = section.heading
            if heading is None or not heading.profile_heading or meeting_heading_number(heading.text.match) is None:
                continue
            claimed[i] = "meeting"
            parsed.append(parse_meeting(section))
        records = [meeting_record(m, path) for m in parsed]
        warnings = [w for m in parsed for w in m.warnings] + cross_checks(records)
        return ProfileResult(records, claimed, warnings)


@cache
def _vocabulary() -> Vocabulary:
    return Vocabulary(frozenset(meeting_label_table()), (is_meeting_heading,))


def meeting_record(parsed: ParsedMeeting, path: Path) -> Meeting:
    """A parsed meeting as a :class:`~pipeline.models.Meeting` record.

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
            provenance=parsed.span,
        )
    except ValidationError as exc:
        raise invalid_record(exc, path, f"meeting {parsed.number}", parsed.span) from None


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
