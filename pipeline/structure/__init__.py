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
from ..read.blocks import Block
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
    blocks = repair(blocks, vocabulary)
    contact = find_contact(blocks, vocabulary)
    nodes, contact_nodes = classify(blocks, vocabulary, contact)
    title, subtitle, sections = build_tree(nodes, contact_nodes)
    kept = tuple((b, n) for b in furniture if (n := NText.from_raw(" ".join(b.lines))))
    return StructuredDocument(title, subtitle, tuple(sections), kept)
