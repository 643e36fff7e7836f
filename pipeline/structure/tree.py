"""The heading tree: title, subtitle and sections from the classified nodes.

* The **title** is the highest heading (no profile's) among the first five
  nodes of the first page (a letterhead, a running line or a logo's name may
  come first: they stay, untitled); the **subtitle** is a heading right
  after it (see :func:`_subtitle`).
* Every other heading opens a **section** holding the nodes up to the next
  heading; nodes before the first heading form an untitled section. Levels
  are the heading level keys (:mod:`.classify`) ranked densely from 1; a
  section's parent is the nearest earlier section with a smaller level.
* The **contact block** (:mod:`.contact`) is a section of its own; the
  untitled closing matter after it (up to the next heading that is not a
  legend's caption) is split into a publisher mark and a figure legend
  (:func:`back_matter`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..normalize import NText
from .classify import NUMBERED_KEYS
from .rules import ends_sentence, figure_only
from .model import Node, SectionNode, merge_spans


def build_tree(nodes: list[Node], contact_nodes: set[int]) -> tuple[Node | None, Node | None, list[SectionNode]]:
    """Title, subtitle and sections (parents as 0-based indices) from classified nodes."""
    if not nodes:
        return None, None, []
    title = subtitle = None
    at = _title_at(nodes, contact_nodes)
    if at is not None:
        title = nodes[at]
        nxt = nodes[at + 1] if len(nodes) > at + 1 else None
        after = nodes[at + 2] if len(nodes) > at + 2 else None
        if nxt is not None and _subtitle(title, nxt, after):
            subtitle = nxt
        # What stands before the title (a letterhead, a date line, a logo's
        # name) stays, untitled, as text: it heads nothing.
        taken = {at, at + 1} if subtitle is not None else {at}
        keep = [i for i in range(len(nodes)) if i not in taken]
        contact_nodes = {k for k, i in enumerate(keep) if i in contact_nodes}
        nodes = [replace(nodes[i], kind="paragraph", level_key=None) if i < at and nodes[i].kind == "heading" else nodes[i]
                 for i in keep]

    sections: list[tuple[str, Node | None, list[Node]]] = []
    i = 0
    while i < len(nodes):
        n = nodes[i]
        if i in contact_nodes:
            j = i
            while j < len(nodes) and j in contact_nodes:
                j += 1
            # A heading right before the contact block (``تواصل معنا``) is its heading.
            heading = None
            if sections and sections[-1][0] == "text" and sections[-1][1] is not None and not sections[-1][2]:
                heading = sections.pop()[1]
            sections.append(("contact", heading, nodes[i:j]))
            k = j
            while k < len(nodes) and not (nodes[k].kind == "heading" and not _legend_caption(nodes, k)):
                k += 1
            sections.extend(back_matter(nodes[j:k]))
            i = k
            continue
        if n.kind == "heading":
            sections.append(("text", n, []))
        elif sections and sections[-1][0] == "text":
            sections[-1][2].append(n)
        else:
            sections.append(("text", None, [n]))
        i += 1
    return title, subtitle, _levels(sections)


_TITLE_WINDOW = 5
MIN_TITLE_LETTERS = 3
MAX_SUBTITLE_WORDS = 20
# A line under the title is set apart from the paragraph after it when its
# type is at least this much larger.
SUBTITLE_SIZE_RATIO = 1.05


def _title_at(nodes: list[Node], contact_nodes: set[int]) -> int | None:
    """Index of the title: among the first five nodes of the first page, the
    heading (no profile's, of three letters or more) of the highest level, the
    first of them on a tie (a letterhead, a running line or a logo's name may
    come before a larger title)."""
    def ok(i: int) -> bool:
        n = nodes[i]
        # fewer than three letters is no title (an OCR fragment of a slide's art: ``ار``)
        letters = sum(ch.isalpha() for ch in n.text.match)
        return n.kind == "heading" and not n.profile_heading and i not in contact_nodes and letters >= MIN_TITLE_LETTERS

    page = nodes[0].span.page
    window = [i for i in range(min(_TITLE_WINDOW, len(nodes))) if ok(i) and nodes[i].span.page == page]
    if not window:
        return None
    return min(window, key=lambda i: (nodes[i].level_key if nodes[i].level_key is not None else 99, i))


def _subtitle(title: Node, nxt: Node, after: Node | None) -> bool:
    """Whether the node right after the title is the document's subtitle: a
    Word Subtitle; a short single line that ends no sentence, followed by a
    heading or a field or by a paragraph in smaller type; or a heading of a lower level than the title (no
    numbered one) that has no text of its own (another heading follows it)."""
    if nxt.first.hint == "subtitle":
        return True
    if nxt.kind == "paragraph":
        # A short line under the title before the first heading or field (a
        # web page's lead, a Word leaflet's tagline, the title in French),
        # or before a paragraph set in smaller type (a job ad's company line).
        return (
            len(nxt.lines) == 1
            and len(nxt.text.match.split()) <= MAX_SUBTITLE_WORDS
            and not ends_sentence(nxt.text.match)
            and not figure_only(nxt.text.match)  # a key figure set large
            and (after is None or after.kind in ("heading", "field") or _set_larger(nxt, after))
        )
    if nxt.kind != "heading" or nxt.profile_heading or nxt.level_key is None:
        return False
    key = nxt.level_key
    if key < (title.level_key or 0) or key >= NUMBERED_KEYS or len(nxt.text.match.split()) > MAX_SUBTITLE_WORDS:
        return False
    return after is None or after.kind == "heading"


def _set_larger(line: Node, paragraph: Node) -> bool:
    """Whether ``line`` is set in a larger type than the ``paragraph`` after
    it (both sizes known: PDF, DOCX)."""
    a, b = line.first.font_size, paragraph.first.font_size
    return paragraph.kind == "paragraph" and bool(a and b) and a >= SUBTITLE_SIZE_RATIO * b


def _levels(raw: list[tuple[str, Node | None, list[Node]]]) -> list[SectionNode]:
    keys = sorted({h.level_key for _, h, _ in raw if h is not None and h.level_key is not None})
    rank = {k: i + 1 for i, k in enumerate(keys)}
    out: list[SectionNode] = []
    for kind, heading, body in raw:
        level = rank.get(heading.level_key) if heading is not None and heading.level_key is not None else None
        parent = None
        if level is not None:
            parent = next((j for j in range(len(out) - 1, -1, -1) if out[j].level is not None and out[j].level < level), None)
        parts = ([heading] if heading is not None else []) + list(body)
        span = parts[0].span
        for p in parts[1:]:
            span = merge_spans(span, p.span)
        out.append(SectionNode(kind, heading, level, parent, tuple(body), span))
    return out


# --- Closing matter: publisher mark and figure legend -------------------------


def _legend_caption(nodes: list[Node], k: int) -> bool:
    """Whether the heading at ``k`` is a legend's caption: series lines follow it."""
    lines = [ln.match for n in nodes[k + 1 : k + 4] if n.kind != "heading" for ln in n.lines]
    return series_start(lines) == 0


def back_matter(nodes: list[Node]) -> list[tuple[str, Node | None, list[Node]]]:
    """Closing matter after the contact block: a publisher mark, then a figure legend.

    The legend is recognised by its shape: a caption line followed by series
    lines that share a common opening of at least three words (``الاجتماع
    العالمي … لعام 2005`` / ``… لعام 2009``), then the key's list items.
    Lines before the caption are the publisher mark. Without a legend, every
    line is a paragraph of an ``other`` section.
    """
    if not nodes:
        return []
    lines = split_at_openings([_line_node(n, ln) for n in nodes for ln in n.lines])
    start = series_start([n.text.match for n in lines])
    if start is None:
        return [("other", None, lines)]
    caption_at = start - 1 if start > 0 else None
    out: list[tuple[str, Node | None, list[Node]]] = []
    head = lines[: caption_at if caption_at is not None else start]
    if head:
        out.append(("publisher", None, head))
    caption = lines[caption_at] if caption_at is not None else None
    out.append(("figure_legend", caption, lines[start:]))
    return out


def _line_node(node: Node, line: NText) -> Node:
    kind = "list_item" if node.kind == "list_item" else "paragraph"
    return Node(kind, line, (line,), node.span, node.bbox, node.source, lang=node.lang)


def split_at_openings(lines: list[Node]) -> list[Node]:
    """Split lines where a repeated line opening recurs inside a line.

    A PDF reader cannot tell a hard line break after a nearly full line
    from a wrap, so in a narrow column a legend's caption and its series
    lines (``الاجتماع العالمي للعمليات … لعام 2005``) can come joined into
    one line. A three-word opening that starts some line and recurs inside
    another marks where the source broke the line.
    """
    openings = {tuple(n.text.match.split()[:3]) for n in lines if n.kind != "list_item" and len(n.text.match.split()) >= 3}
    if not openings:
        return lines
    out: list[Node] = []
    for n in lines:
        text = n.text
        words = text.match.split()
        cuts = [i for i in range(1, len(words) - 2) if n.kind != "list_item" and tuple(words[i : i + 3]) in openings]
        if not cuts:
            out.append(n)
            continue
        starts = [m.start() for m in re.finditer(r"\S+", text.match)]
        bounds = [0] + [starts[i] for i in cuts] + [len(text.match)]
        for a, b in zip(bounds, bounds[1:]):
            piece = NText.from_display(text.display_slice(a, b if b < len(text.match) else None))
            if piece:
                out.append(_line_node(n, piece))
    return out


def series_start(lines: list[str]) -> int | None:
    """Index of the first of at least two consecutive lines sharing their first three words."""
    for i in range(len(lines) - 1):
        a, b = lines[i].split(), lines[i + 1].split()
        if len(a) >= 3 and a[:3] == b[:3]:
            return i
    return None
