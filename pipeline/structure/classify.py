"""Classify each block once: heading, paragraph, list item, field, caption, quote, code or table.

Blocks come in reading order, normalized and repaired (:mod:`.repair`). One
pass over them decides what each is, and joins the blocks a page or column
break cut: a block continues the paragraph, list item or field before it
when that one does not end a sentence (or leaves a bracket or quote open)
and the block starts nothing new — no heading level, no list marker, no
label, no profile heading. Joining happens here and nowhere else.

Headings, each with a *level key* (smaller is higher in the tree; ranked
into levels by :mod:`.tree`):

* a heading level the reader saw: Markdown/HTML levels, DOCX heading
  styles, PDF font sizes clearly above the body size (key = that level);
* a short block wholly in bold that neither ends a sentence nor starts
  with a label (body-size bold headings, card titles; key 7);
* a short single line centred on a PDF page whose body is set full width
  (``باسم الشعب``; key 7);
* in a source without any typography, a short single line that neither
  ends a sentence nor starts with a label (key 7);
* a profile's heading (a meeting heading, even unstyled; key 7 unless the
  reader gave it a level);
* numbered headings: legal divisions ``الكتاب`` > ``الباب`` > ``الفصل`` >
  ``الفرع`` > ``المادة`` > ``البند`` with a number or an ordinal
  (``مادة ( 1 ) :``، ``(المادة الأولى)``، ``الباب الثاني``; keys 10–15),
  ordinal adverbs (``أولاً:``، ``ثانياً -``; key 16) and short numbered
  lines (``1- مقدمة``، ``2.3 الأهداف``) that are neither preceded nor followed by
  another numbered line (key 17 + depth).

A numbering-only heading followed by a heading (``الباب الأول`` /
``أحكام عامة``) is one heading (:func:`classify` joins them). Two or more
list items in a row that each read ``label: value`` on one line are fields
(a bulleted list of contact lines or facts: the label and value are what
a user looks up).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..normalize import NormalizedBlock, NText
from ..read.blocks import Block
from ..vocabulary import parse_ordinal_words, split_label
from .language import block_language
from .model import Node, merge_spans, span_of
from .rules import MAGNITUDES, ORDINAL_ADVERBS, dangling, ends_sentence, figure_only, open_bracket, styled
from .tables import label_value_fields
from .vocabulary import Vocabulary

# A heading is a short block: the longest meeting heading in the brochure
# has 11 words; this leaves room for longer wording in other editions.
MAX_HEADING_WORDS = 30
MAX_INFERRED_HEADING_WORDS = 9
MAX_UNSTYLED_PROFILE_HEADING_WORDS = 20
MAX_CENTRED_HEADING_WORDS = 10
MAX_NUMBERED_TITLE_WORDS = 10
# Level keys (see the module docstring).
KEY_BODY_HEADING = 7.0
NUMBERED_KEYS = 10.0  # numbered headings have keys from here on
_DIVISIONS = {"كتاب": 10, "باب": 11, "فصل": 12, "فرع": 13, "قسم": 13, "ماده": 14, "بند": 15}
_DIVISION_RE = re.compile(
    r"^\(?\s*(?:ال)?(?P<word>" + "|".join(_DIVISIONS) + r")\s*(?:رقم\s*)?(?P<rest>.*)$"
)
_ADVERB_RE = re.compile(r"^(?:" + "|".join(ORDINAL_ADVERBS) + r")\s*[:\-–.)]?\s*(?P<rest>.*)$")
# "1- مقدمة", "1) مقدمة", "1. مقدمة"; and "2.3 الأهداف", "2.3. الأهداف" (a dotted number needs no separator).
_NUMBERED_RE = re.compile(
    r"^\(?(?:(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+|(?P<num1>\d{1,2})\s*[-–.)]\s*)(?P<rest>\S.*)$"
)
_ORDERED_ITEM_RE = re.compile(
    r"^(?:\(?\d{1,3}\s*[-–.)]\s+\S|(?:" + "|".join(ORDINAL_ADVERBS) + r")\s*[:\-–.)]\s*\S)"
)
MAX_LABEL_HEADING_WORDS = 3
_CAPTION_RE = re.compile(
    r"^(?:ال)?(?:شكل|صوره|جدول|رسم بياني|خريطه|مخطط)\s*(?:رقم\s*)?\(?\s*\d+|^(?:figure|fig\.|table|chart|map)\s*\d+",
)
_QUOTES = (("\"", "\""), ("«", "»"), ("“", "”"))
_ARABIC_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")


def numbered_key(match_text: str) -> tuple[float, str] | None:
    """The level key and the title of a numbered heading, or ``None``.

    ``مادة ( 1 ) :`` → ``(14, "")``; ``(الباب الأول) أحكام عامة`` →
    ``(11, "احكام عامه")``; ``ثانياً: الأهداف`` → ``(16, "الاهداف")``;
    ``2.3 الأهداف`` → ``(18, "الاهداف")``. The title after the numbering
    must be short and must not end a sentence.
    """
    text = match_text.strip()
    m = _DIVISION_RE.match(text)
    if m:
        rest = m.group("rest").strip()
        number = re.match(r"^\(?\s*\d{1,4}\s*\)?", rest)
        if number:
            rest = rest[number.end():]
        else:
            words = rest.replace(")", " ").replace("(", " ").split()
            parsed = parse_ordinal_words(words)
            if parsed is None:
                return None
            # Drop the ordinal's words from the rest.
            consumed = parsed[1]
            tokens = re.finditer(r"[^\s()]+", rest)
            end = 0
            for k, tok in enumerate(tokens):
                if k == consumed - 1:
                    end = tok.end()
                    break
            rest = rest[end:]
        return _with_title(_DIVISIONS[m.group("word")], rest)
    m = _ADVERB_RE.match(text)
    if m:
        return _with_title(16, m.group("rest"))
    m = _NUMBERED_RE.match(text)
    if m:
        depth = (m.group("num") or "").count(".")
        rest = m.group("rest")
        if not rest.strip(" .:-–)") or rest.split()[0] in MAGNITUDES:
            return None  # ``8.5 مليون ريال``: a figure and its unit, no section number
        return _with_title(17 + depth, rest)
    return None


def _with_title(key: float, rest: str) -> tuple[float, str] | None:
    rest = rest.strip().lstrip(")").strip().lstrip(":-–.").strip()
    if len(rest.split()) > MAX_NUMBERED_TITLE_WORDS or ends_sentence(rest) and not rest.endswith(":"):
        return None
    return key, rest.rstrip(":").strip()


class _Geometry:
    """Per-page text frames of a PDF, to tell a centred line from body text.

    A page's frame is the extent of its body blocks. A page counts as set
    full width when at least two of its blocks fill 80 % of the frame: on
    such pages a short centred line stands out (on a flyer where everything
    is centred, nothing does).
    """

    def __init__(self, blocks: list[NormalizedBlock]) -> None:
        pages: dict[int, list[Block]] = {}
        for nb in blocks:
            b = nb.block
            if b.bbox is not None and b.page is not None and b.table is None:
                pages.setdefault(b.page, []).append(b)
        self.frames: dict[int, tuple[float, float]] = {}
        for page, bs in pages.items():
            x0 = min(b.bbox.x0 for b in bs)
            x1 = max(b.bbox.x1 for b in bs)
            full = sum(1 for b in bs if b.bbox.x1 - b.bbox.x0 >= 0.8 * (x1 - x0))
            if x1 - x0 > 0 and full >= 2:
                self.frames[page] = (x0, x1)

    def centred(self, block: Block) -> bool:
        frame = self.frames.get(block.page) if block.bbox is not None else None
        if frame is None:
            return False
        x0, x1 = frame
        width = x1 - x0
        w = block.bbox.x1 - block.bbox.x0
        centre = (block.bbox.x0 + block.bbox.x1) / 2
        return w <= 0.6 * width and abs(centre - (x0 + x1) / 2) <= 0.04 * width


def classify(
    blocks: list[NormalizedBlock], vocabulary: Vocabulary, contact: tuple[int, int] | None = None
) -> tuple[list[Node], set[int]]:
    """Classify and join the blocks of a document.

    Args:
        blocks: repaired, normalized body blocks in reading order.
        vocabulary: the profiles' labels and heading rules.
        contact: the ``[start, end)`` block range of the contact block
            (:func:`.contact.find_contact`): its leading name lines stay
            apart, its labels start fields and its unlabelled lines extend
            the field before them; it holds no heading.

    Returns:
        ``(nodes, contact_nodes)``: the nodes in reading order and the
        indices of the nodes that make the contact block.
    """
    infer = not any(styled(b) for b in blocks)
    geometry = _Geometry(blocks)
    body = body_size(blocks)
    known = vocabulary.known_labels
    nodes: list[Node] = []
    contact_nodes: set[int] = set()
    numbered = [bool(_ORDERED_ITEM_RE.match(b.text.match) or _NUMBERED_RE.match(b.text.match)) for b in blocks]
    # List items that read "label: value": in a run of two or more, the list
    # is a list of fields (``- الخط الساخن: 15595``, ``- الهاتف: …``).
    labelled = [_labelled_item(b) for b in blocks]
    field_items = {i for i, on in enumerate(labelled) if on and (
        (i > 0 and labelled[i - 1]) or (i + 1 < len(labelled) and labelled[i + 1]))}
    # The closing matter after a contact block (a publisher mark, a legend) is
    # lines, not paragraphs: no joins there until the next heading.
    closing = False
    for i, nb in enumerate(blocks):
        in_contact = contact is not None and contact[0] <= i < contact[1]
        prev = nodes[-1] if nodes else None
        prev_in_contact = bool(nodes) and len(nodes) - 1 in contact_nodes
        if nb.block.table is not None:
            table = _node("table", nb)
            nodes.append(replace(table, table_fields=label_value_fields(table)))
            continue
        if in_contact:
            label = split_label(nb.text.match)
            if label:
                nodes.append(_field(nb, label[1]))
            elif prev is not None and prev_in_contact and prev.kind == "field" and nb.block.heading_level is None:
                nodes[-1] = _extend(prev, nb)
                continue
            else:
                nodes.append(_node("paragraph", nb))
            contact_nodes.add(len(nodes) - 1)
            closing = True
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            prev is not None and not prev_in_contact and not closing
            and _continues(prev, nb, vocabulary, known, geometry, nxt)
        ):
            nodes[-1] = _extend(prev, nb)
            continue
        # In the closing matter only a styled heading opens a new section:
        # its short lines are names and captions.
        if i in field_items:
            nodes.append(_field(nb, labelled[i]))
            continue
        nodes.append(_classify_one(blocks, i, nb, vocabulary, infer and not closing, geometry, numbered, closing, body))
        closing = closing and nodes[-1].kind != "heading"
    nodes = _join_numbered_headings(nodes)
    return [_with_language(n) for n in nodes], contact_nodes


def _labelled_item(nb: NormalizedBlock) -> int:
    """Where the value starts when ``nb`` is a one-line list item reading
    ``label: value`` (a value there), else 0."""
    if not nb.block.list_item or len(nb.block.logical_lines()) != 1:
        return 0
    label = split_label(nb.text.match)
    return label[1] if label is not None and nb.text.match[label[1]:].strip() else 0


def _classify_one(
    blocks: list[NormalizedBlock], i: int, nb: NormalizedBlock, vocabulary: Vocabulary, infer: bool,
    geometry: _Geometry, numbered: list[bool], closing: bool = False, body: float | None = None,
) -> Node:
    b = nb.block
    text = nb.text.match
    words = len(text.split())
    if vocabulary.is_profile_heading(text, styled(nb)):
        key = float(b.heading_level) if b.heading_level is not None else KEY_BODY_HEADING
        return replace(_node("heading", nb), level_key=key, profile_heading=True)
    if b.list_item:
        return replace(_node("list_item", nb), list_level=b.list_level)
    if b.hint == "subtitle":
        return replace(_node("heading", nb), level_key=KEY_BODY_HEADING)
    if b.hint in ("caption", "quote", "code"):
        return _node(b.hint, nb)
    if figure_only(text):
        # A key figure set large (``١٢٬٤٥٠``، ``٨٫٥ مليون``) heads nothing.
        return _node("paragraph", nb)
    if words <= MAX_HEADING_WORDS:
        found = numbered_key(text)
        if found is not None:
            key = found[0]
            lone = not (i > 0 and numbered[i - 1]) and not (i + 1 < len(blocks) and numbered[i + 1])
            if key < 17 or lone or b.heading_level is not None:
                if b.heading_level is not None:
                    key = float(b.heading_level)
                return replace(_node("heading", nb), level_key=key)
    label = split_label(text)
    if label is not None and label[0] in ORDINAL_ADVERBS and text[label[1]:].strip():
        return _node("list_item", nb)  # ``ثانياً: المحافظة على السرية``: an ordinal, no field label
    if label is not None and text[label[1]:].strip() and b.font_size and body and b.font_size <= 1.05 * body:
        # A body-size line in bold that reads "label: value" is a field.
        return _field(nb, label[1])
    if b.heading_level is not None and words <= MAX_HEADING_WORDS:
        return replace(_node("heading", nb), level_key=float(b.heading_level))
    if _ORDERED_ITEM_RE.match(text):
        return _node("list_item", nb)
    if label is not None and not text[label[1]:].strip() and label[0] not in vocabulary.known_labels:
        # A label alone: a short one heads what follows (``رؤيتنا:``), a
        # longer one introduces it (``يلتزم المتطوع بما يأتي:``).
        if len(label[0].split()) <= MAX_LABEL_HEADING_WORDS and len(nb.lines) == 1:
            return replace(_node("heading", nb), level_key=KEY_BODY_HEADING)
        return _node("paragraph", nb)
    if label is not None:
        return _field(nb, label[1])
    if _CAPTION_RE.match(text) and words <= MAX_HEADING_WORDS:
        return _node("caption", nb)
    plain = words <= MAX_HEADING_WORDS and not ends_sentence(text)
    if plain and b.bold:
        return replace(_node("heading", nb), level_key=KEY_BODY_HEADING)
    if plain and not closing and len(nb.lines) == 1 and words <= MAX_CENTRED_HEADING_WORDS and geometry.centred(b):
        return replace(_node("heading", nb), level_key=KEY_BODY_HEADING)
    if infer and _heading_line(nb):
        return replace(_node("heading", nb), level_key=KEY_BODY_HEADING)
    if _quoted(nb.text.display):
        return _node("quote", nb)
    return _node("paragraph", nb)


def body_size(blocks: list[NormalizedBlock]) -> float | None:
    """The body text's font size: the size that sets most letters (points), or
    ``None`` when the source gives no sizes."""
    sizes: dict[float, int] = {}
    for nb in blocks:
        if nb.block.font_size:
            sizes[nb.block.font_size] = sizes.get(nb.block.font_size, 0) + len(nb.text.match)
    return max(sizes, key=lambda k: (sizes[k], -k)) if sizes else None


def _heading_line(nb: NormalizedBlock) -> bool:
    """A single short line that could head what follows: at most
    ``MAX_INFERRED_HEADING_WORDS`` words, no sentence end, no label, no comma
    inside (a heading names; it does not list or go on)."""
    text = nb.text.match
    return (
        len(nb.lines) == 1
        and len(text.split()) <= MAX_INFERRED_HEADING_WORDS
        and not ends_sentence(text)
        and split_label(text) is None
        and "," not in text
    )


def _quoted(display: str) -> bool:
    text = display.strip()
    for o, c in _QUOTES:
        if len(text) > 2 and text.startswith(o) and text.endswith(c) and text.count(o if o != c else '"') in (1, 2):
            inner = text[1:-1]
            if o not in inner and c not in inner:
                return True
    return False


def _continues(
    prev: Node, nb: NormalizedBlock, vocabulary: Vocabulary, known: frozenset[str], geometry: _Geometry,
    nxt: NormalizedBlock | None = None,
) -> bool:
    """Whether ``nb`` continues ``prev`` (a paragraph, list item or field cut by a page or column break).

    Readers part blocks where the source does (a blank line, a ``<p>``, a
    Word paragraph, the spacing of a PDF page), so a block goes on in the
    next only on plain evidence: the text leaves a bracket or quote open,
    ends with a comma, dash or slash, or with a word that cannot end a
    sentence (``و``، ``في``، ``و5``); or a label stands alone and its value
    follows. In a text or Markdown file, any text that does not end a
    sentence goes on (a blank line there may be a page break of the text it
    was made from). On a PDF page, a paragraph that does not end a sentence goes on
    across a page or column break (the block starts on a later page, or
    higher up than the end of ``prev``: the next column) in the same font
    size and weight, and not as a centred line; and a field's value goes on
    in the next block (a date and venue cut after its month). A block wholly
    in bold after plain text starts something (a heading).
    """
    if prev.kind not in ("paragraph", "list_item", "field", "quote"):
        return False
    b = nb.block
    if b.heading_level is not None or b.list_item or b.hint is not None or b.role != "body":
        return False
    if vocabulary.is_profile_heading(nb.text.match, styled(nb)) or numbered_key(nb.text.match) is not None:
        return False
    tail = (prev.value if prev.kind == "field" and prev.value is not None else prev.text).match
    label = split_label(nb.text.match)
    if label is not None and not (prev.kind == "field" and open_bracket(tail) and label[0] not in known):
        return False
    if prev.kind == "field" and not tail.strip():
        return True  # a label alone: its value follows
    if ends_sentence(tail) and not open_bracket(tail):
        return False
    if open_bracket(tail) or dangling(tail):
        return True
    last = prev.source[-1]
    if b.bold and not last.bold:
        return False
    if last.line_start is not None and b.line_start is not None:
        # A text or Markdown file: a blank line may be a page break of the
        # text it was made from; but a short line above a longer paragraph
        # is the paragraph's heading.
        return not (nxt is not None and _heading_line(nb) and len(nxt.text.match) > 2 * len(nb.text.match))
    if last.bbox is None or b.bbox is None or last.page is None or b.page is None:
        return False  # an explicit paragraph (HTML, Word)
    if prev.kind == "field":
        return True
    if b.page == (last.page_end or last.page) and b.bbox.top >= last.bbox.top:
        return False
    if last.font_size and b.font_size and abs(last.font_size - b.font_size) > 0.05 * last.font_size:
        return False
    return last.bold == b.bold and not (len(nb.lines) == 1 and geometry.centred(b))


def _node(kind: str, nb: NormalizedBlock) -> Node:
    b = nb.block
    return Node(kind, nb.text, nb.lines, span_of(b), b.bbox, (b,), table=b.table)


def _field(nb: NormalizedBlock, value_start: int) -> Node:
    """A field node: the label ends where its colon is; the value starts after it."""
    text = nb.text
    colon = text.match.rindex(":", 0, value_start)
    label = NText.from_display(text.display_slice(0, colon))
    value = NText.from_display(text.display_slice(value_start))
    first_line_value = NText.from_display(nb.lines[0].display_slice(value_start)) if nb.lines else value
    if len(nb.lines) > 1:
        value_lines = tuple(n for n in (first_line_value, *nb.lines[1:]) if n)
    else:
        value_lines = (value,) if value else ()
    whole = NText.from_display(f"{label.display}: {value.display}".strip())
    b = nb.block
    return Node("field", whole, nb.lines, span_of(b), b.bbox, (b,), label=label, value=value, value_lines=value_lines)


def _extend(prev: Node, nb: NormalizedBlock) -> Node:
    """``prev`` continued by the block ``nb`` (one space between)."""
    span = merge_spans(prev.span, span_of(nb.block))
    source = prev.source + (nb.block,)
    if prev.kind == "field" and prev.label is not None and prev.value is not None:
        value = NText.from_display(f"{prev.value.display} {nb.text.display}".strip())
        whole = NText.from_display(f"{prev.label.display}: {value.display}".strip())
        return replace(prev, text=whole, lines=prev.lines + nb.lines, span=span, source=source, value=value,
                       value_lines=prev.value_lines + nb.lines)
    text = NText.from_display(f"{prev.text.display} {nb.text.display}".strip())
    return replace(prev, text=text, lines=prev.lines + nb.lines, span=span, source=source)


def _join_numbered_headings(nodes: list[Node]) -> list[Node]:
    """A numbering-only heading (``الباب الأول``) followed by a heading is one heading with its title."""
    out: list[Node] = []
    for n in nodes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "heading"
            and n.kind == "heading"
            and not prev.profile_heading
            and not n.profile_heading
            and (found := numbered_key(prev.text.match)) is not None
            and not found[1]
            and numbered_key(n.text.match) is None
        ):
            text = NText.from_display(f"{prev.text.display} {n.text.display}")
            out[-1] = replace(prev, text=text, lines=prev.lines + n.lines, span=merge_spans(prev.span, n.span),
                              source=prev.source + n.source)
            continue
        out.append(n)
    return out


def _with_language(node: Node) -> Node:
    if node.kind == "table":
        return node
    lang = block_language(node.text.display, node.first.lang)
    return replace(node, lang=lang) if lang else node


