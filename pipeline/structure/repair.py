"""Block repairs, done once before classification.

Readers cannot always tell where the source broke a line or a block:

* a PDF whose fields are not spaced apart, or a text source without blank
  lines between fields, gives one block holding several fields: blocks are
  split at inner lines that start with a known field label, or with any
  label in a block that is a list of fields (:func:`split_at_labels`), and a
  line a PDF reader took for a wrap that starts with a known label is a line
  of its own (:func:`_unwrap_labels`);
* a heading line of a text file directly followed by its paragraph is a
  block of its own (:func:`split_heading_lines`);
* a profile heading without its year followed by a block that is only a
  year (a heading wrapped onto two blocks) becomes one block
  (:func:`join_heading_years`);
* a key figure set large with its label in smaller type right under it
  (``١٢٬٤٥٠`` over ``أسرة مستفيدة``: a report's or flyer's figure cards)
  becomes one block, figure first (:func:`join_figure_labels`).

Paragraphs cut by a page or column break are joined by the classifier
(:mod:`.classify`), which knows what each block is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..normalize import NormalizedBlock, normalize_block, to_match
from ..vocabulary import YEAR_RE, split_label
from .rules import FIGURE_RE, ends_sentence, figure_only, styled
from .vocabulary import Vocabulary

_BARE_YEAR_RE = re.compile(r"^\W*(1[89]\d\d|20\d\d)\W*$")


def repair(blocks: list[NormalizedBlock], vocabulary: Vocabulary) -> list[NormalizedBlock]:
    """Every repair, in order: labels and numbered headings, then heading lines of
    plain text, then heading years."""
    blocks = split_heading_lines(split_at_labels(blocks, vocabulary.known_labels))
    return join_figure_labels(join_heading_years(blocks, vocabulary))


# A heading line of plain text: short, and the line under it twice as long.
MAX_HEADING_LINE_WORDS = 10
MIN_PARAGRAPH_LINE_WORDS = 8


def split_heading_lines(blocks: list[NormalizedBlock]) -> list[NormalizedBlock]:
    """In a text file, a heading line directly followed by its paragraph (no blank
    line between: the usual shape of text exported from a word processor)
    is a block of its own: a first line of at most ``MAX_HEADING_LINE_WORDS``
    words that ends no sentence and is no label, above a line at least twice
    as long (and of ``MIN_PARAGRAPH_LINE_WORDS`` words or more) broken by the
    source itself (a Markdown soft break is none)."""
    out: list[NormalizedBlock] = []
    for nb in blocks:
        b = nb.block
        if (
            b.line_start is None
            or b.table is not None
            or b.list_item
            or b.heading_level is not None
            or len(nb.lines) < 2
            or (b.joins and b.joins[nb.line_index[1] - 1] is not None)
        ):
            out.append(nb)
            continue
        first, second = nb.lines[0].match, nb.lines[1].match
        if (
            len(first.split()) <= MAX_HEADING_LINE_WORDS
            and len(second.split()) >= MIN_PARAGRAPH_LINE_WORDS
            and len(second) >= 2 * len(first)
            and not ends_sentence(first)
            and split_label(first) is None
        ):
            out.extend(_cut(nb, [0, 1]))
        else:
            out.append(nb)
    return out


def _cut(nb: NormalizedBlock, cuts: list[int]) -> list[NormalizedBlock]:
    """The block cut before each of its normalized lines in ``cuts`` (``cuts[0] == 0``)."""
    out = []
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


def _division_line(lines: tuple, k: int) -> bool:
    """Line ``k`` is a legal division's heading on a line of its own (``مادة ( 6 ) :``,
    ``(المادة الرابعة)``) after a line that ends a sentence."""
    return _division_text(lines[k].match, lines[k - 1].match)


def _division_text(line: str, before: str) -> bool:
    from .classify import numbered_key

    found = numbered_key(line)
    return found is not None and found[0] < 17 and not found[1] and ends_sentence(before)


def split_at_labels(blocks: list[NormalizedBlock], known: frozenset[str]) -> list[NormalizedBlock]:
    """Split blocks at inner lines that start with a known field label (matching form),
    and before inner lines that are a numbered division's heading: a PDF
    reader that sees no extra space before such a line keeps it in the
    paragraph above."""
    out: list[NormalizedBlock] = []
    for nb in blocks:
        if nb.block.table is not None:
            out.append(nb)
            continue
        nb = _unwrap_labels(nb, known)
        listing = _field_list(nb)
        cuts = [0] + [
            k for k in range(1, len(nb.lines))
            if ((label := split_label(nb.lines[k].match)) and (_known(label[0], known) or listing))
            or _division_line(nb.lines, k)
        ]
        if len(cuts) == 1:
            out.append(nb)
            continue
        out.extend(_cut(nb, cuts))
    return out


def _field_list(nb: NormalizedBlock) -> bool:
    """Whether a block is a list of fields: at least two of its lines start with a
    short ``label:`` (``عدد الموظفين: 350`` / ``رأس المال: …``), so every line
    that starts with one starts a field, known label or not."""
    return sum(1 for line in nb.lines if split_label(line.match)) >= 2


def _known(label: str, known: frozenset[str]) -> bool:
    """A known label, or one that begins with a known label's words
    (``هاتف المكتب``، ``البريد الالكتروني للمكتب``)."""
    if label in known:
        return True
    words = label.split()
    return any(" ".join(words[:n]) in known for n in range(1, len(words)))


def _unwrap_labels(nb: NormalizedBlock, known: frozenset[str]) -> NormalizedBlock:
    """Undo a PDF reader's wrap guess where a line starts with a known label or
    is a numbered division's heading.

    A reader takes a break after a full line for a wrap (``Block.joins``);
    when the line after it starts with a field label (``الموضوع:``) the
    field before simply filled its line, and the label starts a field; so
    does ``مادة ( 6 ) :`` after a sentence's end.
    """
    joins = nb.block.joins
    if not joins:
        return nb
    fixed = list(joins)
    raw = nb.block.lines
    matched = [to_match(line) for line in raw]
    # A list of fields (its first line and another start with a label): every
    # labelled line starts a field, known label or not.
    listing = sum(1 for m in matched if split_label(m)) >= 2
    for k, join in enumerate(joins, start=1):
        if join is None:
            continue
        line = matched[k]
        if ((label := split_label(line)) and (_known(label[0], known) or listing)) or _division_text(line, matched[k - 1]):
            fixed[k - 1] = None
    if fixed == list(joins):
        return nb
    return normalize_block(replace(nb.block, joins=tuple(fixed))) or nb


def join_heading_years(blocks: list[NormalizedBlock], vocabulary: Vocabulary) -> list[NormalizedBlock]:
    """A profile heading without a year followed by a block that is only a year becomes one block."""
    out: list[NormalizedBlock] = []
    for nb in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _BARE_YEAR_RE.match(nb.text.match)
            and vocabulary.is_profile_heading(prev.text.match, styled(prev))
            and not YEAR_RE.search(prev.text.match)
        ):
            out[-1] = _merge(prev, nb)
        else:
            out.append(nb)
    return out


# A figure's label: a few words, in type at most this share of the figure's,
# starting at most this many of the figure's line heights below it.
MAX_FIGURE_LABEL_WORDS = 4
MAX_FIGURE_LABEL_SIZE = 0.8
MAX_FIGURE_LABEL_GAP = 1.0


def join_figure_labels(blocks: list[NormalizedBlock]) -> list[NormalizedBlock]:
    """A block that is only a figure (:func:`figure_only`), one line, followed
    by a short label without sentence end in smaller type right under it on
    the same page, overlapping it across, becomes one block, figure then
    label. Needs boxes and sizes (PDF): a web page or Word file sets the
    figure and its label in one paragraph or element already."""
    out: list[NormalizedBlock] = []
    for nb in blocks:
        prev = out[-1] if out else None
        if prev is not None and _figure_label(prev, nb):
            # The figure's large type made it look like a heading; together
            # they are a line of text.
            out[-1] = _merge(prev, nb, heading_level=None, bold=False, font_size=nb.block.font_size)
        else:
            out.append(nb)
    return out


def _figure_label(figure: NormalizedBlock, label: NormalizedBlock) -> bool:
    f, b = figure.block, label.block
    if f.bbox is None or b.bbox is None or not f.font_size or not b.font_size or f.page != b.page:
        return False
    if len(f.lines) != 1 or not _one_figure(figure.text.match) or len(label.lines) > 2:
        return False
    if b.bold or b.heading_level is not None:
        return False  # a heading under a large number (a section number ``01``, a year) heads its section
    words = label.text.match.split()
    if not words or len(words) > MAX_FIGURE_LABEL_WORDS or ends_sentence(label.text.display) or figure_only(label.text.match):
        return False
    if any(c.isdigit() for c in label.text.match) or b.list_item:
        return False
    height = f.bbox.bottom - f.bbox.top
    below = 0 <= b.bbox.top - f.bbox.bottom <= MAX_FIGURE_LABEL_GAP * height
    across = min(f.bbox.x1, b.bbox.x1) - max(f.bbox.x0, b.bbox.x0) > 0.5 * min(f.bbox.x1 - f.bbox.x0, b.bbox.x1 - b.bbox.x0)
    return below and across and b.font_size <= MAX_FIGURE_LABEL_SIZE * f.font_size


_YEAR_OR_INDEX_RE = re.compile(r"^(?:(?:19|20|14)\d\d|0\d+)$")


def _one_figure(match_text: str) -> bool:
    """A key figure: one number (``12,450``، ``+40%``), maybe with its
    magnitude or unit (:func:`figure_only`); not several figures side by
    side, nor a year (``2025``، ``1446``) or a section number (``01``)."""
    numbers = [w for w in match_text.split() if FIGURE_RE.match(w)]
    return figure_only(match_text) and len(numbers) == 1 and not _YEAR_OR_INDEX_RE.match(numbers[0].lstrip("+-−~≈"))


def _merge(first: NormalizedBlock, second: NormalizedBlock, **changes) -> NormalizedBlock:
    """Two blocks as one, lines of ``first`` then of ``second`` (hard breaks
    between them), box and provenance spanning both; ``changes`` sets other
    fields of the block (as :func:`dataclasses.replace`)."""
    a, b = first.block, second.block
    joins = (a.joins or (None,) * (len(a.lines) - 1)) + (None,) + (b.joins or (None,) * (len(b.lines) - 1))
    bbox = a.bbox
    if a.bbox is not None and b.bbox is not None and a.page == b.page:
        bbox = type(a.bbox)(min(a.bbox.x0, b.bbox.x0), min(a.bbox.top, b.bbox.top),
                            max(a.bbox.x1, b.bbox.x1), max(a.bbox.bottom, b.bbox.bottom))
    block = replace(
        a,
        lines=a.lines + b.lines,
        joins=joins if any(j is not None for j in joins) else (),
        line_end=b.line_end or a.line_end,
        page_end=b.page_end or b.page or a.page_end,
        bbox=bbox,
        **changes,
    )
    offset = len(a.lines)
    return NormalizedBlock.of_lines(block, first.lines + second.lines, first.line_index + tuple(i + offset for i in second.line_index))
