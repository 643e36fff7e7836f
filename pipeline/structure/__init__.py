"""Structure stage: normalized blocks into the document's heading tree.

Steps, each in its own module, each done once: repair blocks
(:mod:`.repair`), find the contact block (:mod:`.contact`), classify each
block and join the ones a page or column break cut (:mod:`.classify`), build
the title, subtitle and sections (:mod:`.tree`). Profiles add their words
through a :class:`~.vocabulary.Vocabulary`; the stage knows nothing else of
them, nor of formats.
"""

from __future__ import annotations

from ..normalize import NormalizedBlock, NText
import re
from dataclasses import replace

from ..read.blocks import PAGE_NUMBER_RE, Block
from .classify import classify
from .contact import find_contact
from .model import Node, SectionNode, StructuredDocument
from .repair import repair
from .tree import build_tree
from .vocabulary import Vocabulary

__all__ = ["Node", "SectionNode", "StructuredDocument", "Vocabulary", "structure"]


def structure(
    blocks: list[NormalizedBlock], vocabulary: Vocabulary = Vocabulary(), furniture: list[Block] | tuple[Block, ...] = ()
) -> StructuredDocument:
    """Build the structured document.

    Args:
        blocks: the normalized body blocks in reading order.
        vocabulary: the profiles' field labels and heading rules.
        furniture: the reader's running heads, feet and page numbers (kept
            out of the body, carried to the record).

    Returns:
        The title, subtitle, sections (with levels and parents) and furniture.
    """
    blocks, numbers = _page_numbers(blocks)
    furniture = (*furniture, *numbers)
    blocks = repair(blocks, vocabulary)
    contact = find_contact(blocks, vocabulary)
    nodes, contact_nodes = classify(blocks, vocabulary, contact)
    title, subtitle, sections = build_tree(nodes, contact_nodes)
    kept = tuple((b, n) for b in furniture if (n := NText.from_raw(" ".join(b.lines))))
    return StructuredDocument(title, subtitle, tuple(sections), kept)


_WORDED = re.compile(r"[^\W\d_]|/")


def _page_numbers(blocks: list[NormalizedBlock]) -> tuple[list[NormalizedBlock], list[Block]]:
    """PDF lines that only number their page in words (``صفحة 1 من 1``,
    ``Page 2 of 5``, ``3 / 12``) but that the reader did not find repeated in
    the margins (a one-page document): page furniture, not body. A bare
    number is left to the reader's own check (it may be a list's number)."""
    body: list[NormalizedBlock] = []
    numbers: list[Block] = []
    tops: dict[int, float] = {}
    for nb in blocks:
        if nb.block.page is not None and nb.block.bbox is not None:
            tops[nb.block.page] = min(tops.get(nb.block.page, nb.block.bbox.top), nb.block.bbox.top)
    for nb in blocks:
        b = nb.block
        text = nb.text.display
        if b.page is not None and len(nb.lines) == 1 and PAGE_NUMBER_RE.match(text) and _WORDED.search(text):
            top = b.bbox is not None and b.bbox.top <= tops.get(b.page, b.bbox.top)
            numbers.append(replace(b, role="header" if top else "footer"))
        else:
            body.append(nb)
    return body, numbers
