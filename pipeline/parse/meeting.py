"""One meeting section into a :class:`ParsedMeeting`.

Field labels (matching form) map to fields through
:data:`pipeline.vocabulary.MEETING_LABELS`; a label the table does not know is
kept in ``extra_fields`` with a warning, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..report import Diagnostic
from ..normalize import NText
from ..models import Provenance
from ..structure.model import SectionNode
from ..vocabulary import YEAR_RE, meeting_heading_number, meeting_label_table
from .dates import DateParseError, find_date_range, find_dates, looks_like_date
from .hosts import split_hosts
from .participants import ParticipantCounts, parse_participants
from .venues import VENUE_PART_SEPARATOR, Venue, parse_venue

_ANY_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_QUOTES = "\"'“”„«»‘’"


@dataclass(frozen=True, slots=True)
class ParsedMeeting:
    """What the parser read from one meeting section (before validation).

    Attributes mirror :class:`pipeline.models.Meeting`; ``participants_text``
    and ``participants`` are ``None`` when the field is absent.
    """

    number: int | None
    year: int | None
    title: str
    hosts: list[str]
    date_text: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    venue: Venue
    theme: str | None
    participants_text: str | None
    participants: ParticipantCounts | None
    outcome: str | None
    outcome_is_expected: bool
    extra_fields: dict[str, str]
    span: Provenance
    warnings: list[Diagnostic] = field(default_factory=list)


def clean_theme(text: str) -> str | None:
    """A theme without its surrounding quotes and final period; ``None`` if empty.

    ``"الهجرة وأهداف التنمية المستدامة."`` → ``الهجرة وأهداف التنمية المستدامة``.
    """
    out = text.strip()
    for _ in range(2):  # quotes inside a final period, or a period inside quotes
        out = out.strip().strip(_QUOTES).strip()
        out = out.rstrip(".").rstrip()
    return out or None


def parse_meeting(section: SectionNode) -> ParsedMeeting:
    """Parse a meeting section.

    Args:
        section: a meeting section (its heading and fields).

    Returns:
        The parsed values and the warnings about this meeting (unknown labels,
        repeated labels, unparseable dates, unresolved countries,
        unrecognised participant items).
    """
    assert section.heading is not None
    heading = section.heading.text
    number = meeting_heading_number(heading.match)
    years = YEAR_RE.findall(heading.match)
    year = int(years[-1]) if years else None
    warnings: list[Diagnostic] = []

    def warn(code: str, message: str, span: Provenance | None = None) -> None:
        span = span or section.span
        warnings.append(Diagnostic(code, message, span.line_start, span.page, number))

    labels = meeting_label_table()
    values: dict[str, NText] = {}
    extra: dict[str, str] = {}
    for f in section.fields:
        key = labels.get(" ".join(f.label.match.split()))
        if key is None:
            extra[f.label.display] = f.value.display
            warn("unknown_field", f"field {f.label.display!r} is not a known meeting field; kept in extra_fields", f.span)
        elif key in values:
            warn("repeated_field", f"field {f.label.display!r} repeats; the first one is kept", f.span)
        else:
            values[key] = f.value

    date_text, start, end, venue = _date_and_venue(values, warn)
    if year is None and start is not None:
        year = start.year
        odd = _ANY_YEAR_RE.findall(heading.match)
        why = f"the heading's year {odd[-1]} is outside 1900–2100" if odd else "the heading names no year"
        warn("year_from_date", f"{why}; {year} is taken from the date")
    participants_text = values["participants"].display if "participants" in values else None
    participants = None
    if "participants" in values and values["participants"].match.strip():
        participants, notes = parse_participants(values["participants"].match)
        for note in notes:
            warn("participants_item", note)
    outcome_key = "outcome" if "outcome" in values else "expected_outcome" if "expected_outcome" in values else None
    if "outcome" in values and "expected_outcome" in values:
        warn("repeated_field", "both an outcome and an expected outcome; the outcome is kept")
    return ParsedMeeting(
        number=number,
        year=year,
        title=heading.display,
        hosts=split_hosts(values["hosts"]) if "hosts" in values else [],
        date_text=date_text,
        start_date=start,
        end_date=end,
        venue=venue,
        theme=clean_theme(values["theme"].display) if "theme" in values else None,
        participants_text=participants_text or None,
        participants=participants,
        outcome=values[outcome_key].display or None if outcome_key else None,
        outcome_is_expected=outcome_key == "expected_outcome",
        extra_fields=extra,
        span=section.span,
        warnings=warnings,
    )


def _date_and_venue(values: dict[str, NText], warn) -> tuple[str | None, dt.date | None, dt.date | None, Venue]:
    """Dates and venue from a combined field, or from separate date and venue fields.

    The date and the venue are read independently: a date that cannot be read
    (``يحدد الموعد لاحقاً``) is kept as ``date_text`` with a warning, and the
    venue is still read from the parts of the field that are not about the
    date (:func:`venue_part`).
    """
    no_venue = Venue(None, None, None, False)
    combined = values.get("date_venue")
    date_field = combined or values.get("date")
    venue_field = values.get("venue")
    if date_field is None:
        if venue_field is not None:
            return None, None, None, _venue(parse_venue(venue_field), warn)
        warn("missing_field", "no date-and-venue field")
        return None, None, None, no_venue
    start = end = None
    try:
        found = find_date_range(date_field.match)
        start, end = found.start, found.end
        for note in found.warnings:
            warn("date_doubtful", f"date {date_field.display!r}: {note}")
    except DateParseError as exc:
        warn("unparsed_date", f"date not understood in {date_field.display!r}: {exc}")
    if venue_field is not None:
        venue_text = venue_field
    elif combined is not None:
        venue_text = venue_part(combined)
    else:
        venue_text = NText.from_display("")
    venue = parse_venue(venue_text) if venue_text else no_venue
    return date_field.display, start, end, _venue(venue, warn)


def venue_part(text: NText) -> NText:
    """The venue in a date-and-venue text: the text without its date
    mentions (read or not) and without the parts that are about the date.

    ``14-15 نيسان/ أبريل 2005، جنيف، سويسرا`` → ``جنيف، سويسرا``;
    ``يحدد الموعد لاحقاً، غابوروني، بوتسوانا`` → ``غابوروني، بوتسوانا``.
    Parts are cut where :func:`pipeline.parse.venues.parse_venue` cuts them.
    """
    match = text.match
    keep = [True] * len(match)
    for mention in find_dates(match):
        a, b = mention.span
        keep[a:b] = [False] * (b - a)
    pieces: list[str] = []
    start = 0
    for m in [*VENUE_PART_SEPARATOR.finditer(match), None]:
        end = m.start() if m else len(match)
        runs = _kept_runs(keep, start, end)
        piece_match = " ".join(match[a:b] for a, b in runs)
        if piece_match.strip(" \t.,;:-–—()/") and not looks_like_date(piece_match):
            pieces.append(" ".join(text.display_slice(a, b) for a, b in runs))
        if m:
            start = m.end()
    return NText.from_display("، ".join(p for p in pieces if p))


def _kept_runs(keep: list[bool], start: int, end: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        if keep[i]:
            j = i
            while j < end and keep[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _venue(venue: Venue, warn) -> Venue:
    if venue.country and venue.country_code is None:
        warn("unknown_country", f"country {venue.country!r} not resolved to an ISO 3166-1 code")
    return venue
