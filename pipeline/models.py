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
import json
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = "2.1.0"
_SEMVER_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def parse_version(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` → ``(1, 2, 3)``.

    Raises:
        ValueError: not ``MAJOR.MINOR.PATCH`` with decimal numbers.
    """
    m = _SEMVER_RE.match(version)
    if not m:
        raise ValueError(f"not a semantic version MAJOR.MINOR.PATCH: {version!r}")
    return int(m[1]), int(m[2]), int(m[3])


def incompatible_schema(version: str) -> str | None:
    """Why a record of schema ``version`` cannot be read by this pipeline
    (another MAJOR than :data:`SCHEMA_VERSION`), or ``None``. A version that
    is not ``MAJOR.MINOR.PATCH`` is left to the model's pattern."""
    try:
        if parse_version(version)[0] == parse_version(SCHEMA_VERSION)[0]:
            return None
    except ValueError:
        return None
    got = json.dumps(version, ensure_ascii=False)
    return (
        f"major version differs from this pipeline's schema {SCHEMA_VERSION} (got {got[:79] + '…' if len(got) > 80 else got}): "
        "the record is not compatible"
    )

NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Count = Annotated[int, Field(ge=0, le=10_000)]
Year = Annotated[int, Field(ge=1900, le=2100)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Box(_Record):
    """A rectangle on a PDF page, in points (1/72 in), origin at the page's top-left corner
    (as in pdfplumber: ``x0 < x1``, ``top < bottom``)."""

    x0: float = Field(description="Left edge, points from the page's left edge.")
    top: float = Field(description="Top edge, points from the page's top edge.")
    x1: float = Field(description="Right edge, points from the page's left edge.")
    bottom: float = Field(description="Bottom edge, points from the page's top edge.")


class Provenance(_Record):
    """Where a record came from in its source: lines for text sources, pages for PDFs,
    a locator for HTML and DOCX."""

    line_start: int | None = Field(
        None, ge=1, description="First line (1-based) of the record in a text or Markdown source; null otherwise."
    )
    line_end: int | None = Field(
        None, ge=1, description="Last line (1-based, inclusive) of the record in a text or Markdown source; null otherwise."
    )
    page: int | None = Field(None, ge=1, description="Page (1-based) where the record starts in a PDF; null for other formats.")
    page_end: int | None = Field(
        None, ge=1, description="Page (1-based) where the record ends in a PDF (equal to page when it is on one page); "
        "null for other formats."
    )
    locator: str | None = Field(
        None, description="Where the record starts in an HTML or DOCX source: a CSS-like path "
        "('body > main > p:nth-of-type(3)') or a DOCX part path ('body/p[12]'); null for text and PDF."
    )


Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


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
    other_languages: list[Language] = Field(
        default_factory=list,
        description="Languages (ISO 639-1) of blocks that are not in the main language, sorted; empty when every block is Arabic.",
    )
    title: str | None = Field(None, description="Document title, display form; null when the source has no title.")
    subtitle: str | None = Field(
        None, description="A subtitle set right under the title (a heading with no text of its own before the next "
        "heading), display form; null when there is none."
    )
    publisher: str | None = Field(None, description="Publishing organization, in Arabic, display form; null when not stated.")
    page_count: int | None = Field(None, ge=1, description="Number of pages of a PDF source; null for other formats.")
    profiles: list[NonEmptyStr] = Field(
        default_factory=list, description="Names of the domain profiles that found records in the document "
        "(e.g. 'global_rcp_meetings'), in the order they ran."
    )


SectionKind = Literal["text", "meeting", "contact", "publisher", "figure_legend", "other"]
BlockType = Literal["paragraph", "list_item", "field", "caption", "quote", "code"]


class TextBlock(_Record):
    """One block of a section's body, in reading order: a paragraph, list item, labelled field, caption,
    quote or code. A paragraph cut by a page or column break is one block."""

    type: BlockType = Field(
        description="'paragraph'; 'list_item' (its bullet or printed numbering removed from text; a numbering "
        "is in marker); 'field' (a label and its value: 'المدة: خمس سنوات'); 'caption' (of a figure or table); "
        "'quote'; 'code'."
    )
    text: NonEmptyStr = Field(description="The whole block, display form (a field as 'label: value').")
    marker: str | None = Field(
        None, description="The numbering printed before an ordered list item ('1.', '2-', 'a.', 'أ-', '(3)', "
        "'ثانياً:'), display form; null for bullets (their glyph is dropped), for lists the format numbers "
        "itself (HTML, Markdown and Word lists: the number is not in the text) and for other types."
    )
    list_level: int | None = Field(
        None, ge=0, le=10, description="Nesting depth of a list item (0 = top level); null for other types."
    )
    label: str | None = Field(None, description="A field's label without its colon, display form; null for other types.")
    value: str | None = Field(None, description="A field's value, display form (may be empty); null for other types.")
    lang: Language | None = Field(
        None, description="ISO 639-1 language of a block that is not in the document's main language "
        "(e.g. 'en' for an English sentence); null for Arabic blocks."
    )
    ocr_confidence: float | None = Field(
        None, ge=0.0, le=100.0, description="Mean word confidence (0-100) when the text comes from OCR; null otherwise."
    )
    bbox: Box | None = Field(None, description="The block's box on its first page (PDF only).")
    provenance: Provenance


class Section(_Record):
    """A node of the document's heading tree: a heading (or none, for text before the first heading and for
    untitled blocks such as a contact block) and the blocks under it, up to the next heading."""

    kind: SectionKind = Field(
        description="What the section is: 'text' (a heading and its text), 'meeting' (claimed by the meetings "
        "profile), 'contact' (a block of labelled contact lines), 'publisher' (a name/logo block after the "
        "contact block), 'figure_legend' (a chart's caption, series and key), 'other' (untitled closing matter)."
    )
    heading: str | None = Field(None, description="Section heading, display form; null when the section has none.")
    level: int | None = Field(
        None, ge=1, le=9, description="Heading level, 1 = top; levels are the document's own heading styles "
        "(font sizes, weights, Markdown or HTML levels, numbering such as الباب > المادة) ranked from 1; null "
        "when the section has no heading."
    )
    parent_index: int | None = Field(
        None, ge=1, description="1-based index (in `sections`) of the nearest earlier section with a smaller "
        "level: this heading's parent in the tree; null for top-level and untitled sections."
    )
    paragraphs: list[str] = Field(
        description="Body paragraphs, fields ('label: value'), captions and quotes in reading order, display form; "
        "a paragraph cut by a page break is joined back."
    )
    bullets: list[str] = Field(description="List items (e.g. the ◆ objectives) in order, display form, marker removed.")
    blocks: list[TextBlock] = Field(
        default_factory=list, description="Every body block of the section in reading order, typed, with provenance."
    )
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


ContactKind = Literal["email", "website", "phone", "fax", "social", "address"]


class ContactMention(_Record):
    """A contact detail found anywhere in the document (not only in a contact block)."""

    kind: ContactKind = Field(
        description="'email', 'website', 'phone', 'fax' (a number after a fax label), 'social' (a handle or a "
        "social-network URL), 'address' (a labelled postal address)."
    )
    text: NonEmptyStr = Field(description="As printed, display form (an address: its lines joined by ' | ').")
    value: NonEmptyStr = Field(
        description="Normalised: E.164 for phone and fax numbers whose country is known ('+41227179111'), else "
        "the digits as printed; lower-case for e-mails; an absolute URL for websites and social URLs; the handle "
        "with '@' for bare handles; the address lines joined by ', '."
    )
    label: str | None = Field(None, description="The label the detail follows ('الهاتف', 'Fax'), display form; null when unlabelled.")
    region: str | None = Field(
        None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 region of a phone or fax number; null otherwise or when unknown."
    )
    bbox: Box | None = Field(None, description="Box of the block the detail is in (PDF only).")
    provenance: Provenance


DatePrecision = Literal["day", "month", "year"]


class DateMention(_Record):
    """A date, date range, month or year mentioned anywhere in the document."""

    text: NonEmptyStr = Field(description="The date expression as printed, display form.")
    start: dt.date = Field(description="First day (Gregorian, ISO 8601); the first day of the month or year for "
        "month and year precision.")
    end: dt.date = Field(description="Last day (Gregorian, ISO 8601), equal to start for one day; the last day of "
        "the month or year for month and year precision; never before start.")
    precision: DatePrecision = Field(description="'day', 'month' (a month and year) or 'year' (a year alone).")
    calendar: Literal["gregorian", "hijri"] = Field(
        description="The calendar the text uses; Hijri dates are converted with the Umm al-Qura calendar."
    )
    hijri: str | None = Field(
        None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$",
        description="The Hijri date as written (YYYY-MM-DD, YYYY-MM or YYYY; a range as START/END) when the "
        "calendar is Hijri; null otherwise."
    )
    bbox: Box | None = Field(None, description="Box of the block the date is in (PDF only).")
    provenance: Provenance

    @model_validator(mode="after")
    def _in_order(self) -> DateMention:
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class TableCell(_Record):
    """One grid slot of a table."""

    row: int = Field(ge=0, description="0-based row.")
    col: int = Field(ge=0, description="0-based column in reading order (in a right-to-left table, 0 is the rightmost).")
    text: str = Field(description="The cell's text, display form; empty for an empty cell.")
    text_normalized: str = Field(description="The cell's text in the matching form.")
    row_span: int = Field(1, ge=1, description="Rows the cell covers (merged cells > 1); 1 for a slot a merged cell covers.")
    col_span: int = Field(1, ge=1, description="Columns the cell covers (merged cells > 1); 1 for a slot a merged cell covers.")
    merged_into: list[int] | None = Field(
        None, min_length=2, max_length=2, description="[row, col] of the merged cell that covers this slot (its text "
        "is repeated here); null for a cell's own slot."
    )
    is_header: bool = Field(False, description="The cell belongs to a header row.")
    page: int | None = Field(None, ge=1, description="Page of the cell (PDF only).")
    bbox: Box | None = Field(None, description="The cell's box on its page (PDF only).")


class Table(_Record):
    """A table: a full grid of rows × columns in reading order, with its header and provenance."""

    section_index: int | None = Field(
        None, ge=1, description="1-based index (in `sections`) of the section the table stands in; null before any section."
    )
    n_rows: int = Field(ge=1, description="Rows, header rows included.")
    n_cols: int = Field(ge=1, description="Columns.")
    header_rows: int = Field(0, ge=0, description="Leading rows that are the header (0: no header).")
    label_value: bool = Field(
        False, description="A two-column table without header whose rows are label | value pairs (its rows are also fields)."
    )
    rtl: bool = Field(True, description="The table reads right to left (column 0 is the rightmost).")
    rows: list[list[TableCell]] = Field(description="Rows in order, each with exactly n_cols cells.")
    pages: list[int] = Field(default_factory=list, description="Pages the table spans (PDF only), ascending.")
    bbox: Box | None = Field(None, description="The table's box on its first page (PDF only).")
    provenance: Provenance


class PageFurniture(_Record):
    """A running header, running footer or page number, kept out of the body."""

    role: Literal["header", "footer"] = Field(description="'header' (top of the page) or 'footer' (foot of the page).")
    text: NonEmptyStr = Field(description="The line, display form.")
    page: int | None = Field(None, ge=1, description="Page (PDF) where it appears.")
    provenance: Provenance


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
    sections: list[Section] = Field(description="The heading tree, flattened: every section in reading order "
        "(each with its level and parent).")
    tables: list[Table] = Field(default_factory=list, description="The tables, in reading order.")
    contacts: list[ContactMention] = Field(
        default_factory=list, description="Every e-mail, website, phone and fax number, social handle and labelled "
        "address in the document, in reading order."
    )
    dates: list[DateMention] = Field(
        default_factory=list, description="Every date, date range, month and year mentioned in the document, in reading order."
    )
    page_furniture: list[PageFurniture] = Field(
        default_factory=list, description="Running headers, footers and page numbers (PDF), kept out of the body."
    )
    meetings: list[Meeting] = Field(
        default_factory=list, description="The meetings found by the Global RCP meetings profile, in the order of "
        "the brochure; empty for documents without meeting sections."
    )
    contact: Contact | None = Field(None, description="The document's contact block; null when it has none.")
