"""Parse stage: segmented sections into typed values (dates, numbers,
participants, venues, hosts), and the date and contact mentions of any text
(:func:`find_dates`, :func:`find_contacts`). Parsers see only normalized text; they know
nothing of PDFs or Markdown."""

from .contact import ParsedContact, parse_contact
from .contacts import ContactMention, find_contacts
from .dates import DateMention, find_dates
from .meeting import ParsedMeeting, parse_meeting

__all__ = [
    "ContactMention",
    "DateMention",
    "ParsedContact",
    "ParsedMeeting",
    "find_contacts",
    "find_dates",
    "parse_contact",
    "parse_meeting",
]
