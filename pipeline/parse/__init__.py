"""Parse stage: segmented sections into typed values (dates, numbers,
participants, venues, hosts). Parsers see only normalized text; they know
nothing of PDFs or Markdown."""

from .contact import ParsedContact, parse_contact
from .meeting import ParsedMeeting, parse_meeting

__all__ = ["ParsedContact", "ParsedMeeting", "parse_contact", "parse_meeting"]
