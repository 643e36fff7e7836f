"""One source through every stage: read → normalize → structure → profiles and extractors → assemble.

This module wires the stages; each stage lives in its own module and knows
nothing of the others' internals. Writing is separate (:mod:`pipeline.write`),
so a record can be extracted in a notebook without touching the disk.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import NoArabicTextError
from .report import Diagnostic
from .models import DocumentRecord

if TYPE_CHECKING:
    from .read.blocks import SourceDocument
    from .structure import StructuredDocument

log = logging.getLogger("pipeline")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of extracting one source, with the stages' values that ``inspect`` draws:
    ``source`` (the source as read: blocks with their pages and boxes) and
    ``document`` (the structure stage's output: every classified node).

    Attributes:
        record: the validated document record.
        warnings: everything noticed that did not stop the extraction.
        seconds: wall time per stage (``read``, ``normalize``, ``structure``,
            ``profiles``, ``mentions``, ``validate``), in seconds.
    """

    record: DocumentRecord
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    source: SourceDocument | None = None
    document: StructuredDocument | None = None


def extract_source(path: Path | str, *, password: str | None = None, ocr: str = "auto") -> Extraction:
    """Extract one brochure (PDF, text, Markdown, HTML or DOCX) into a validated record.

    Args:
        path: the source file.
        password: user password of an encrypted PDF.
        ocr: ``"auto"`` (default): PDF pages without a usable text layer
            are read by OCR when Tesseract and its Arabic model are
            installed; ``"always"``: every PDF page is read by OCR;
            ``"never"``: no OCR (such pages are missing, or the source
            fails with ``no_text_layer``).

    Returns:
        The record with its warnings and stage timings. A document with
        Arabic text always gives a record: its structure, contacts and dates;
        a profile's records (meetings) when it has sections the profile knows.

    Raises:
        PipelineError: a typed error naming the file (unsupported format,
            empty file, undecodable text, PDF problems, no Arabic text, a
            record that fails validation).
        OSError: the file cannot be read.
    """
    from .assemble import build_record
    from .mentions import find_contact_mentions, find_date_mentions
    from .normalize import normalize_blocks
    from .parse import parse_contact
    from .profiles import PROFILES, vocabulary
    from .read import read_source
    from .structure import structure

    path = Path(path)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = round(now - clock, 6)
        clock = now
        log.debug("%s: %s done in %.1f ms", path, stage, seconds[stage] * 1000)

    source = read_source(path, password=password, ocr=ocr)
    lap("read")
    # Running heads, feet and page numbers are not part of the body.
    blocks = normalize_blocks(source.body_blocks)
    if not any(_ARABIC_LETTER_RE.search(b.text.display) for b in blocks):
        raise NoArabicTextError(path, "no Arabic text found")
    lap("normalize")
    document = structure(blocks, vocabulary(), [b for b in source.blocks if b.role != "body"])
    lap("structure")
    kinds: dict[int, str] = {}
    records: dict[str, list] = {}
    names: list[str] = []
    warnings: list[Diagnostic] = [w if isinstance(w, Diagnostic) else Diagnostic("reader", w) for w in source.warnings]
    for profile in PROFILES:
        result = profile.run(document, path)
        for index, kind in result.claimed.items():
            kinds.setdefault(index, kind)
        records[profile.record_field] = result.records
        if result.records:
            names.append(profile.name)
        warnings.extend(result.warnings)
    contact_section = next((s for s in document.sections if s.kind == "contact"), None)
    contact = parse_contact(contact_section) if contact_section is not None else None
    if contact is not None:
        warnings.extend(contact.warnings)
    lap("profiles")
    contacts, contact_warnings = find_contact_mentions(document, contact)
    warnings.extend(contact_warnings)
    # A profile warns about the dates of the sections it claims itself.
    dates, date_warnings = find_date_mentions(document, quiet=frozenset(kinds))
    warnings.extend(date_warnings)
    lap("mentions")
    record = build_record(
        source, document, kinds=kinds, profile_records=records, profile_names=names, contact=contact,
        contacts=contacts, dates=dates,
    )
    lap("validate")
    return Extraction(record, warnings, seconds, source, document)


def extract(path: Path | str, *, password: str | None = None, ocr: str = "auto") -> DocumentRecord:
    """Extract one brochure into a validated :class:`~pipeline.models.DocumentRecord`.

    The notebook-friendly entry point: ``extract("brochure.pdf").meetings[0].start_date``.
    Warnings are dropped; use :func:`extract_source` to get them.

    Raises:
        PipelineError: see :func:`extract_source`.
    """
    return extract_source(path, password=password, ocr=ocr).record
