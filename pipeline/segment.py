"""Segment stage: normalized blocks into the brochure's sections and fields.

A brochure reads: a title; introductory sections (a heading, paragraphs,
bullet items); one section per meeting, headed ``الاجتماع العالمي <ordinal>
…: <year>`` and made of labelled fields (``المضيف: …``); a contact block
(organization, unit, labelled address/phone/fax/e-mail/web lines); and closing
matter (a publisher mark, a figure legend). This module finds those parts from
the blocks' text (matching form) and the readers' layout hints (heading
level, bold, list item); it works the same with and without Markdown.

Paragraphs cut by a page or column break are joined back: a block that does
not end a sentence (or leaves a bracket or quote open) continues into the next
block unless that one starts something new (a heading, a label, a list item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from .normalize import NormalizedBlock, NText, normalize_block, to_match
from .read.blocks import Block
from .vocabulary import (
    MEETING_HEADING_PREFIXES,
    contact_label_table,
    meeting_label_table,
    parse_ordinal_words,
    YEAR_RE,
    split_label,
)

SegmentKind = Literal["intro", "meeting", "contact", "publisher", "figure_legend", "other"]

# Sentence-final punctuation (matching form: Arabic ؟ ؛ are ASCII there).
_SENTENCE_END = frozenset(".!?:;…")
_CLOSERS = frozenset("\"'”’»)]")
_BRACKETS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))
_NUMERAL_RE = re.compile(r"^\d{1,3}$")
_BARE_YEAR_RE = re.compile(r"^\W*(1[89]\d\d|20\d\d)\W*$")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_PHONE_RE = re.compile(r"^\+?\(?\d[\d\s().-]{6,}\d$")
# A heading is a short block: the longest meeting heading in the brochure
# has 11 words; this leaves room for longer wording in other editions.
_MAX_HEADING_WORDS = 30
_MAX_SHORT_LINE_WORDS = 8
_MAX_INFERRED_HEADING_WORDS = 12
_MAX_UNSTYLED_HEADING_WORDS = 20


@dataclass(frozen=True, slots=True)
class Span:
    """Provenance of a piece of text: line span (text) or page span (PDF)."""

    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    page_end: int | None = None

    @classmethod
    def of(cls, block: Block) -> Span:
        """The span of one reader block."""
        return cls(block.line_start, block.line_end, block.page, block.page_end or block.page)

    def merge(self, other: Span) -> Span:
        """The smallest span covering both."""

        def lo(a: int | None, b: int | None) -> int | None:
            return b if a is None else a if b is None else min(a, b)

        def hi(a: int | None, b: int | None) -> int | None:
            return b if a is None else a if b is None else max(a, b)

        return Span(
            lo(self.line_start, other.line_start),
            hi(self.line_end, other.line_end),
            lo(self.page, other.page),
            hi(self.page_end, other.page_end),
        )


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or list item) of display text with its source lines.

    Attributes:
        text: the whole paragraph, both forms.
        lines: the source lines (a paragraph joined across blocks has the
            lines of all of them).
        span: provenance.
    """

    text: NText
    lines: tuple[NText, ...]
    span: Span

    @classmethod
    def of(cls, block: NormalizedBlock) -> Paragraph:
        return cls(block.text, block.lines, Span.of(block.block))

    def join(self, other: Paragraph) -> Paragraph:
        """This paragraph continued by ``other`` (one space between)."""
        text = NText.from_display(f"{self.text.display} {other.text.display}".strip())
        return Paragraph(text, self.lines + other.lines, self.span.merge(other.span))


@dataclass(frozen=True, slots=True)
class Field:
    """A labelled field: ``label: value``.

    Attributes:
        label: the label as written (display) and its matching form, without the colon.
        value: the value (may be empty when the label stands alone).
        value_lines: the value's lines (the label line's remainder first).
        span: provenance of label and value.
        paragraphs: number of source paragraphs the value was made of.
    """

    label: NText
    value: NText
    value_lines: tuple[NText, ...]
    span: Span
    paragraphs: int = 1

    def extend(self, para: Paragraph, *, new_paragraph: bool) -> Field:
        """The field with ``para`` appended to its value."""
        joined = f"{self.value.display} {para.text.display}".strip()
        return Field(
            self.label,
            NText.from_display(joined),
            self.value_lines + para.lines,
            self.span.merge(para.span),
            self.paragraphs + (1 if new_paragraph and self.value else 0),
        )


@dataclass(frozen=True, slots=True)
class Segment:
    """One section of the brochure.

    Attributes:
        kind: intro, meeting, contact, publisher, figure_legend or other.
        heading: the heading paragraph, if any.
        paragraphs: body paragraphs (for meeting and contact sections, the
            text of each field as ``label: value``).
        bullets: list items.
        fields: labelled fields (meeting and contact sections).
        span: provenance of the whole section.
    """

    kind: SegmentKind
    heading: Paragraph | None
    paragraphs: tuple[Paragraph, ...]
    bullets: tuple[Paragraph, ...]
    fields: tuple[Field, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    """The segment stage's output: the title and the sections in reading order."""

    title: Paragraph | None
    segments: tuple[Segment, ...]

    @property
    def meetings(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == "meeting")

    @property
    def contact(self) -> Segment | None:
        return next((s for s in self.segments if s.kind == "contact"), None)


# --- Block classification ----------------------------------------------------


def is_meeting_heading(block: NormalizedBlock) -> bool:
    """``الاجتماع العالمي`` + an ordinal (word or numeral) at the start of a block
    set as a heading, or of a short block that does not end a sentence (a
    heading without a year takes it from the date field). The figure legend's ``الاجتماع العالمي
    … لعام 2005`` lines have no ordinal and are not headings."""
    text = block.text.match
    words = len(text.split())
    if words > _MAX_HEADING_WORDS or meeting_heading_number(text) is None:
        return False
    b = block.block
    if b.heading_level is not None or b.bold:
        return True
    # Unstyled: a heading is short and does not end a sentence (prose that
    # starts with "الاجتماع العالمي الأول كان …" does).
    return words <= _MAX_UNSTYLED_HEADING_WORDS and not _ends_sentence(text)


@cache
def _heading_prefixes() -> tuple[str, ...]:
    return tuple(to_match(p) for p in MEETING_HEADING_PREFIXES)


def meeting_heading_number(match_text: str) -> int | None:
    """The meeting number right after a meeting-heading prefix, or ``None``.

    Accepts ordinal words (``الأول``، ``الحادي عشر``، ``العشرون``), numerals
    (``الاجتماع العالمي 8``) and numerals after the article or رقم (``الـ 8``).
    """
    for p in _heading_prefixes():
        if match_text.startswith(p):
            words = match_text[len(p):].replace(":", " ").split()
            if len(words) > 1 and words[0] in ("ال", "رقم") and _NUMERAL_RE.match(words[1]):
                words = words[1:]
            if words and _NUMERAL_RE.match(words[0]):
                return int(words[0])
            parsed = parse_ordinal_words(words)
            return parsed[0] if parsed else None
    return None


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1].rstrip()
    return bool(text) and text[-1] in _SENTENCE_END


def _open_bracket(text: str) -> bool:
    if any(text.count(o) > text.count(c) for o, c in _BRACKETS):
        return True
    return text.count('"') % 2 == 1


def _continues(prev: Paragraph, nxt: NormalizedBlock) -> bool:
    """Whether ``nxt`` continues ``prev`` (a paragraph cut by a page/column break)."""
    return (not _ends_sentence(prev.text.match) or _open_bracket(prev.text.match)) and not _starts_something(nxt)


def _starts_something(block: NormalizedBlock) -> bool:
    return (
        block.block.heading_level is not None
        or block.block.list_item
        or is_meeting_heading(block)
        or split_label(block.text.match) is not None
    )


def _is_heading(block: NormalizedBlock, infer: bool) -> bool:
    """A section heading: set as one (heading level, bold line), or — in a
    source without any typography (``infer``) — a short single-line block that
    neither ends a sentence nor starts with a label."""
    b = block.block
    text = block.text.match
    if b.list_item or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if b.heading_level is not None:
        return True
    plain = not _ends_sentence(text) and split_label(text) is None
    if infer:
        return plain and len(block.lines) == 1 and len(text.split()) <= _MAX_INFERRED_HEADING_WORDS
    return b.bold and plain


def _contact_key(block: NormalizedBlock) -> str | None:
    """The contact field a block is labelled with, or that its bare value is."""
    label = split_label(block.text.match)
    if label:
        key = contact_label_table().get(label[0])
        if key:
            return key
    text = block.text.match.strip()
    if len(block.lines) == 1:
        if _EMAIL_RE.fullmatch(text):
            return "email"
        if _URL_RE.fullmatch(text):
            return "website"
    return None


# --- The segmenter ------------------------------------------------------------


def segment(blocks: list[NormalizedBlock]) -> SegmentedDocument:
    """Segment a document.

    Args:
        blocks: the normalized blocks in reading order.

    Returns:
        The title (the first block when it is a heading) and the sections in
        order. A document without meeting headings gives no meeting sections
        (the caller decides whether that is an error).
    """
    blocks = _join_heading_years(_split_at_labels(blocks))
    if not blocks:
        return SegmentedDocument(None, ())
    # Without any typographic hint (plain text), headings are inferred from shape.
    infer = not any(b.block.heading_level is not None or b.block.bold for b in blocks)
    title = None
    start = 0
    first = blocks[0]
    if _is_heading(first, infer) and not is_meeting_heading(first):
        title = Paragraph.of(first)
        start = 1
    body = blocks[start:]
    meeting_starts = [i for i, b in enumerate(body) if is_meeting_heading(b)]
    contact = _find_contact(body, meeting_starts)

    segments: list[Segment] = []
    first_meeting = meeting_starts[0] if meeting_starts else len(body)
    intro_end = min(first_meeting, contact[0] if contact else len(body))
    segments.extend(_prose_sections(body[:intro_end], "intro", infer))
    if contact and contact[0] < first_meeting:
        segments.append(_contact_segment(body[contact[0]:contact[1]]))
        segments.extend(_prose_sections(body[contact[1]:first_meeting], "intro", infer))
    for n, begin in enumerate(meeting_starts):
        end = meeting_starts[n + 1] if n + 1 < len(meeting_starts) else len(body)
        if contact and begin < contact[0] < end:
            end = contact[0]
        segments.append(_meeting_segment(body[begin:end]))
    if contact and contact[0] >= first_meeting:
        segments.append(_contact_segment(body[contact[0]:contact[1]]))
        segments.extend(_back_matter(body[contact[1]:]))
    return SegmentedDocument(title, tuple(segments))


def _split_at_labels(blocks: list[NormalizedBlock]) -> list[NormalizedBlock]:
    """Split blocks at inner lines that start with a known field label.

    A PDF whose fields are not spaced apart, or a text source without blank
    lines between fields, gives one block holding several fields. A PDF
    line taken for a wrap that starts with a known label is a line of its
    own (:func:`_unwrap_labels`).
    """
    known = meeting_label_table().keys() | contact_label_table().keys()
    out: list[NormalizedBlock] = []
    for nb in blocks:
        nb = _unwrap_labels(nb, known)
        cuts = [0] + [
            k for k in range(1, len(nb.lines))
            if (label := split_label(nb.lines[k].match)) and label[0] in known
        ]
        if len(cuts) == 1:
            out.append(nb)
            continue
        for a, b in zip(cuts, cuts[1:] + [len(nb.lines)]):
            first = nb.line_index[a]
            last = nb.line_index[b] - 1 if b < len(nb.lines) else len(nb.block.lines) - 1
            block = nb.block
            if block.line_start is not None:
                block = replace(block, line_start=block.line_start + first, line_end=block.line_start + last)
            block = replace(block, lines=block.lines[first : last + 1], joins=block.joins[first:last])
            index = tuple(i - first for i in nb.line_index[a:b])
            out.append(NormalizedBlock.of_lines(block, nb.lines[a:b], index))
    return out


def _unwrap_labels(nb: NormalizedBlock, known) -> NormalizedBlock:
    """Undo a PDF reader's wrap guess where a line starts with a known label.

    A reader takes a break after a full line for a wrap (``Block.joins``);
    when the line after it starts with a field label (``الموضوع:``) the
    field before simply filled its line, and the label starts a field.
    """
    joins = nb.block.joins
    if not joins:
        return nb
    fixed = list(joins)
    for k, join in enumerate(joins, start=1):
        if join is not None and (label := split_label(to_match(nb.block.lines[k]))) and label[0] in known:
            fixed[k - 1] = None
    if fixed == list(joins):
        return nb
    return normalize_block(replace(nb.block, joins=tuple(fixed))) or nb


def _join_heading_years(blocks: list[NormalizedBlock]) -> list[NormalizedBlock]:
    """A meeting heading without a year followed by a block that is only a year
    (a heading wrapped onto two blocks) becomes one block."""
    out: list[NormalizedBlock] = []
    for nb in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _BARE_YEAR_RE.match(nb.text.match)
            and is_meeting_heading(prev)
            and not YEAR_RE.search(prev.text.match)
        ):
            joins = (prev.block.joins or (None,) * (len(prev.block.lines) - 1)) + (None,) + (
                nb.block.joins or (None,) * (len(nb.block.lines) - 1)
            )
            block = replace(
                prev.block,
                lines=prev.block.lines + nb.block.lines,
                joins=joins if any(j is not None for j in joins) else (),
                line_end=nb.block.line_end or prev.block.line_end,
                page_end=nb.block.page_end or nb.block.page or prev.block.page_end,
            )
            offset = len(prev.block.lines)
            out[-1] = NormalizedBlock.of_lines(
                block, prev.lines + nb.lines, prev.line_index + tuple(i + offset for i in nb.line_index)
            )
        else:
            out.append(nb)
    return out


def _find_contact(body: list[NormalizedBlock], meeting_starts: list[int]) -> tuple[int, int] | None:
    """The ``[start, end)`` block range of the contact block, or ``None``.

    The block is the first cluster of at least two blocks labelled as contact
    fields (العنوان، الهاتف، فاكس، البريد الإلكتروني، الموقع …) with only short
    lines between them, extended back over the short unlabelled lines that name the
    organization and unit, and forward over a last label's value lines.
    """
    keyed = [i for i, b in enumerate(body) if _contact_key(b)]
    # Keyed blocks belong together when only short lines (address lines)
    # stand between them.
    clusters: list[list[int]] = []
    for i in keyed:
        if clusters and all(_is_short_line(b) for b in body[clusters[-1][-1] + 1 : i]):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    cluster = next((c for c in clusters if len(c) >= 2), None)
    if cluster is None:
        return None
    start, end = cluster[0], cluster[-1] + 1
    floor = max((m + 1 for m in meeting_starts if m < start), default=0)
    steps = 0
    while start - 1 >= floor and steps < 3 and _is_name_line(body[start - 1]):
        start -= 1
        steps += 1
    # A last label with no value on its line takes the following short lines.
    last = split_label(body[end - 1].text.match)
    if last and not body[end - 1].text.match[last[1]:].strip():
        while end < len(body) and _is_name_line(body[end]):
            end += 1
    return start, end


def _is_short_line(block: NormalizedBlock) -> bool:
    """A short block that is neither a meeting heading nor a list item (an address line)."""
    return (
        len(block.text.match.split()) <= _MAX_SHORT_LINE_WORDS
        and not block.block.list_item
        and not is_meeting_heading(block)
    )


def _is_name_line(block: NormalizedBlock) -> bool:
    """A short unlabelled line that does not end a sentence (an organization or unit name)."""
    text = block.text.match
    return _is_short_line(block) and not _ends_sentence(text) and split_label(text) is None


def _prose_sections(blocks: list[NormalizedBlock], kind: SegmentKind, infer: bool) -> list[Segment]:
    """Headings, paragraphs and bullets into sections (one per heading)."""
    sections: list[Segment] = []
    heading: Paragraph | None = None
    paras: list[Paragraph] = []
    bullets: list[Paragraph] = []
    last: tuple[list[Paragraph], int] | None = None  # where the previous block went

    def close() -> None:
        nonlocal heading, paras, bullets, last
        if heading or paras or bullets:
            span = _merge_spans([p.span for p in (heading, *paras, *bullets) if p])
            sections.append(Segment(kind, heading, tuple(paras), tuple(bullets), (), span))
        heading, paras, bullets, last = None, [], [], None

    for block in blocks:
        if last is not None:
            target, index = last
            if _continues(target[index], block):
                target[index] = target[index].join(Paragraph.of(block))
                continue
        if _is_heading(block, infer):
            close()
            heading = Paragraph.of(block)
            continue
        target = bullets if block.block.list_item else paras
        target.append(Paragraph.of(block))
        last = (target, len(target) - 1)
    close()
    return sections


def _labelled_fields(
    blocks: list[NormalizedBlock], known: dict[str, str], *, join_leading: bool = True
) -> tuple[list[Paragraph], list[Field]]:
    """Split a section body into leading paragraphs and labelled fields.

    A block starting with a known label always starts a field; one starting
    with another short ``label:`` starts a field too, unless the previous
    value leaves a bracket or quote open (then it is a continuation).
    Leading paragraphs (before the first label) are joined across breaks
    only when ``join_leading`` (not in a contact block, whose leading lines
    are separate names).
    """
    paras: list[Paragraph] = []
    fields: list[Field] = []
    for block in blocks:
        label = split_label(block.text.match)
        cur = fields[-1] if fields else None
        open_value = cur is not None and _open_bracket(cur.value.match)
        if label and (label[0] in known or not open_value):
            fields.append(_field(block, label[1]))
            continue
        para = Paragraph.of(block)
        if cur is None:
            if join_leading and paras and _continues(paras[-1], block):
                paras[-1] = paras[-1].join(para)
            else:
                paras.append(para)
            continue
        new_paragraph = bool(cur.value.match) and not (
            not _ends_sentence(cur.value.match) or _open_bracket(cur.value.match)
        )
        fields[-1] = cur.extend(para, new_paragraph=new_paragraph)
    return paras, fields


def _field(block: NormalizedBlock, value_start: int) -> Field:
    text = block.text
    # The label ends where its colon is; the value starts after it.
    colon = text.match.rindex(":", 0, value_start)
    label = NText.from_display(text.display_slice(0, colon))
    value = NText.from_display(text.display_slice(value_start))
    first_line_value = NText.from_display(block.lines[0].display_slice(value_start)) if block.lines else value
    value_lines = tuple(n for n in (first_line_value, *block.lines[1:]) if n) if len(block.lines) > 1 else (
        (value,) if value else ()
    )
    return Field(label, value, value_lines, Span.of(block.block))


def _section_span(parts: list[Paragraph], fields: list[Field]) -> Span:
    return _merge_spans([p.span for p in parts] + [f.span for f in fields])


def _meeting_segment(blocks: list[NormalizedBlock]) -> Segment:
    heading = Paragraph.of(blocks[0])
    paras, fields = _labelled_fields(blocks[1:], meeting_label_table())
    field_paras = [Paragraph(_field_text(f), f.value_lines, f.span) for f in fields]
    return Segment(
        "meeting", heading, tuple(paras + field_paras), (), tuple(fields), _section_span([heading, *paras], fields)
    )


def _contact_segment(blocks: list[NormalizedBlock]) -> Segment:
    paras, fields = _labelled_fields(blocks, contact_label_table(), join_leading=False)
    field_paras = [Paragraph(_field_text(f), f.value_lines, f.span) for f in fields]
    return Segment("contact", None, tuple(paras + field_paras), (), tuple(fields), _section_span(paras, fields))


def _field_text(f: Field) -> NText:
    return NText.from_display(f"{f.label.display}: {f.value.display}".strip())


def _back_matter(blocks: list[NormalizedBlock]) -> list[Segment]:
    """Closing matter after the contact block: a publisher mark, then a figure legend.

    The legend is recognised by its shape: a caption line followed by series
    lines that share a common opening of at least three words (``الاجتماع
    العالمي … لعام 2005`` / ``… لعام 2009``), then the key's list items.
    Lines before the caption are the publisher mark.
    """
    if not blocks:
        return []
    lines: list[tuple[NText, Span, bool]] = [
        (line, Span.of(b.block), b.block.list_item) for b in blocks for line in b.lines
    ]
    lines = _split_at_openings(lines)
    series_start = _series_start([ln[0].match for ln in lines])
    if series_start is None:
        paras = tuple(Paragraph(ln, (ln,), span) for ln, span, _ in lines)
        return [Segment("other", None, paras, (), (), _merge_spans([s for _, s, _ in lines]))]
    caption_at = series_start - 1 if series_start > 0 else None
    segments: list[Segment] = []
    head_lines = lines[: caption_at if caption_at is not None else series_start]
    if head_lines:
        paras = tuple(Paragraph(ln, (ln,), span) for ln, span, _ in head_lines)
        segments.append(Segment("publisher", None, paras, (), (), _merge_spans([s for _, s, _ in head_lines])))
    legend = lines[series_start:]
    caption = None
    if caption_at is not None:
        ln, span, _ = lines[caption_at]
        caption = Paragraph(ln, (ln,), span)
    series = tuple(Paragraph(ln, (ln,), s) for ln, s, item in legend if not item)
    keys = tuple(Paragraph(ln, (ln,), s) for ln, s, item in legend if item)
    spans = [s for _, s, _ in legend] + ([caption.span] if caption else [])
    segments.append(Segment("figure_legend", caption, series, keys, (), _merge_spans(spans)))
    return segments


def _split_at_openings(lines: list[tuple[NText, Span, bool]]) -> list[tuple[NText, Span, bool]]:
    """Split lines where a repeated line opening recurs inside a line.

    A PDF reader cannot tell a hard line break after a nearly full line
    from a wrap, so in a narrow column a legend's caption and its series
    lines (``الاجتماع العالمي للعمليات … لعام 2005``) can come joined into
    one line. A three-word opening that starts some line and recurs inside
    another marks where the source broke the line.
    """
    openings = {tuple(ln.match.split()[:3]) for ln, _, item in lines if not item and len(ln.match.split()) >= 3}
    if not openings:
        return lines
    out: list[tuple[NText, Span, bool]] = []
    for text, span, item in lines:
        words = text.match.split()
        cuts = [
            i for i in range(1, len(words) - 2)
            if not item and tuple(words[i : i + 3]) in openings
        ]
        if not cuts:
            out.append((text, span, item))
            continue
        starts = [m.start() for m in re.finditer(r"\S+", text.match)]
        bounds = [0] + [starts[i] for i in cuts] + [len(text.match)]
        for a, b in zip(bounds, bounds[1:]):
            piece = NText.from_display(text.display_slice(a, b if b < len(text.match) else None))
            if piece:
                out.append((piece, span, item))
    return out


def _series_start(lines: list[str]) -> int | None:
    """Index of the first of at least two consecutive lines sharing their first three words."""
    for i in range(len(lines) - 1):
        a, b = lines[i].split(), lines[i + 1].split()
        if len(a) >= 3 and a[:3] == b[:3]:
            return i
    return None


def _merge_spans(spans: list[Span]) -> Span:
    out = spans[0]
    for s in spans[1:]:
        out = out.merge(s)
    return out
