"""The records: pydantic v2 models of what the pipeline writes.

These models are the data contract (JSON Schema, data package and SQLite
tables are generated from them). Every model forbids unknown fields and is
frozen; every field has a description with its unit or format.

Changing a field means bumping :data:`SCHEMA_VERSION` (semantic versioning:
major for removed/renamed/retyped fields or tighter constraints, minor for
added optional fields, patch for descriptions only). Any change to the
generated JSON Schema (descriptions included) needs a bump:
``tests/test_schema.py`` fails otherwise; then run
``python -m pipeline schema --out output/schema`` to record the new version.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = "1.1.0"

NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Count = Annotated[int, Field(ge=0, le=10_000)]
Year = Annotated[int, Field(ge=1900, le=2100)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(_Record):
    """Where a record came from in its source: lines for text sources, pages for PDFs."""

    line_start: int | None = Field(
        None, ge=1, description="First line (1-based) of the record in a text source; null for PDFs."
    )
    line_end: int | None = Field(
        None, ge=1, description="Last line (1-based, inclusive) of the record in a text source; null for PDFs."
    )
    page: int | None = Field(None, ge=1, description="Page (1-based) where the record starts in a PDF; null for text.")
    page_end: int | None = Field(
        None, ge=1, description="Page (1-based) where the record ends in a PDF, when it spans pages; else null."
    )


class Document(_Record):
    """One source brochure."""

    id: NonEmptyStr = Field(description="Document identifier: the source file's name without its extension "
        "(e.g. 'global-rcp-meetings-ar'); unique in an output folder, the key referenced by document_id in the tables.")
    source_file: NonEmptyStr = Field(description="The source file's name with its extension, without directory.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the source file's bytes, lowercase hex.")
    format: Literal["text", "markdown", "pdf", "html", "docx"] = Field(
        description="Source format: 'text' (.txt), 'markdown' (.md), 'pdf', 'html' (.html/.htm) or 'docx'."
    )
    language: Literal["ar"] = Field("ar", description="Main language of the document, ISO 639-1.")
    title: str | None = Field(None, description="Document title, in Arabic, display form; null when the source has no title.")
    publisher: str | None = Field(None, description="Publishing organization, in Arabic, display form; null when not stated.")
    page_count: int | None = Field(None, ge=1, description="Number of pages of a PDF source; null for text.")


SectionKind = Literal["intro", "meeting", "contact", "publisher", "figure_legend", "other"]


class Section(_Record):
    """A section of the brochure: introduction, one meeting, contact, legend…"""

    kind: SectionKind = Field(
        description="What the section is: 'intro' (introductory text), 'meeting' (one meeting), 'contact', "
        "'publisher' (logo/name block), 'figure_legend' (a chart's caption, series and key), 'other'."
    )
    heading: str | None = Field(None, description="Section heading, display form; null when the section has none.")
    paragraphs: list[str] = Field(
        description="Body paragraphs in reading order, display form; a paragraph cut by a page break is joined back."
    )
    bullets: list[str] = Field(description="List items (e.g. the ◆ objectives) in order, display form, marker removed.")
    text_normalized: str = Field(
        description="Heading, paragraphs and bullets in the matching form (no diacritics; alef, alef maksura and "
        "teh marbuta normalized; ASCII digits), joined by newlines: for search and comparison."
    )
    provenance: Provenance


class Participants(_Record):
    """Who took part in a meeting: the text as written and the counts it states.

    A count the text does not state is null, not 0.
    """

    text: NonEmptyStr = Field(description="The participants field as written, display form.")
    iscm_total: Count | None = Field(
        None, description="Inter-State consultation mechanisms on migration (ISCMs) in total (آليات التشاور بين الدول)."
    )
    rcp: Count | None = Field(None, description="Regional consultative processes on migration (RCPs; عمليات تشاورية إقليمية).")
    irf: Count | None = Field(
        None, description="Interregional forums on migration (IRFs; منتديات أقاليمية/إقليمية بشأن الهجرة)."
    )
    global_process: Count | None = Field(None, description="Global processes on migration (عمليات عالمية), e.g. the GFMD.")
    igo: Count | None = Field(None, description="Intergovernmental organizations (IGOs; منظمات دولية حكومية).")
    un_regional_commission: Count | None = Field(
        None, description="UN regional commissions (لجان إقليمية للأمم المتحدة)."
    )
    regional_economic_organization: Count | None = Field(
        None, description="Regional economic organizations (منظمات اقتصادية إقليمية)."
    )


class Meeting(_Record):
    """One global RCP meeting (الاجتماع العالمي) as described in the brochure."""

    number: int = Field(
        ge=1, le=200,
        description="Ordinal number of the meeting, from the Arabic ordinal of its heading (الأول = 1, الثاني = 2, …); "
        "unique within a document.",
    )
    year: Year = Field(description="Year (Gregorian, four digits) given in the meeting heading.")
    title: NonEmptyStr = Field(description="The meeting heading, display form.")
    hosts: list[NonEmptyStr] = Field(description="Host organizations or governments (المضيف), one per host, in order.")
    date_text: str | None = Field(None, description="The date-and-venue field (تاريخ ومكان الانعقاد) as written, display form, "
        "e.g. '14-15 نيسان/ أبريل 2005، جنيف، سويسرا'; null when absent.")
    start_date: dt.date | None = Field(None, description="First day, ISO 8601 calendar date (YYYY-MM-DD, Gregorian); null when date_text is absent "
        "or cannot be parsed, and then end_date is null too.")
    end_date: dt.date | None = Field(
        None, description="Last day, ISO 8601 calendar date (YYYY-MM-DD, Gregorian); equal to start_date for a one-day "
        "meeting, never before it; null exactly when start_date is null."
    )
    city: str | None = Field(None, description="City in Arabic, display form (e.g. 'جنيف'); null for online meetings or when not stated.")
    country: str | None = Field(None, description="Country in Arabic as written, display form (e.g. 'سويسرا'); null for online meetings or when not stated.")
    country_code: str | None = Field(
        None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code of the country; null when unknown."
    )
    is_online: bool = Field(False, description="True for online (virtual) or hybrid meetings.")
    theme: str | None = Field(None, description="Theme (الموضوع), display form, surrounding quotes and final period removed; null when absent.")
    participants: Participants | None = Field(None, description="Participants (المشاركون); null when the field is absent.")
    outcome: str | None = Field(None, description="Outcome (النتيجة) or expected outcome (النتيجة المتوقعة), display form; null when absent.")
    outcome_is_expected: bool = Field(
        False, description="True when the outcome is labelled as expected (النتيجة المتوقعة): a future meeting."
    )
    extra_fields: dict[str, str] = Field(
        default_factory=dict, description="Labelled fields the parser does not know: label → value, display form."
    )
    provenance: Provenance

    @model_validator(mode="after")
    def _dates_in_order(self) -> Meeting:
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValueError(f"start_date {self.start_date} is after end_date {self.end_date}")
        if (self.start_date is None) != (self.end_date is None):
            raise ValueError("start_date and end_date must both be set or both be null")
        return self


class Contact(_Record):
    """The brochure's contact block."""

    organization: str | None = Field(None, description="Organization name, display form.")
    unit: str | None = Field(None, description="Unit or division within the organization.")
    address: list[str] = Field(default_factory=list, description="Postal address, one line per item, as written.")
    phone: str | None = Field(None, description="Telephone number as written, e.g. '+41 22 717 91 11'.")
    fax: str | None = Field(None, description="Fax number as written.")
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="E-mail address.")
    website: str | None = Field(None, pattern=r"^https?://\S+$", description="Web site URL, absolute.")


class DocumentRecord(_Record):
    """Everything extracted from one source: the file ``<document_id>.json``.

    Texts are in the *display form* (Unicode NFKC, tatweel, bidi controls and
    markup removed, diacritics kept) unless a field says *matching form* (also
    no diacritics; أ إ آ ٱ → ا, ى → ي, ة → ه; ASCII digits), which is meant
    for search and comparison. Dates are ISO 8601 ``YYYY-MM-DD``; counts are
    whole numbers and null when the text does not state them.
    """

    schema_version: str = Field(
        SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$", description="Version of the record schema, MAJOR.MINOR.PATCH (semantic versioning): a new MAJOR "
        "removes, renames or retypes fields; a new MINOR adds optional fields; a new PATCH only changes "
        "descriptions or constraints that accept the same records. A reader of version M.N reads every record "
        "of version M.n with n <= N."
    )
    document: Document
    sections: list[Section] = Field(description="All sections in reading order.")
    meetings: list[Meeting] = Field(description="The meetings, in the order of the brochure.")
    contact: Contact | None = Field(None, description="The contact block; null when the brochure has none.")
