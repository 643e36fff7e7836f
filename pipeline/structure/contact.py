"""Where a document's contact block is: a cluster of labelled contact lines.

A contact block is the first cluster of at least two blocks labelled as
contact fields (العنوان، الهاتف، فاكس، البريد الإلكتروني، الموقع …; see
:data:`pipeline.vocabulary.CONTACT_LABELS`), or a bare e-mail address or URL
on a line of its own, with only short lines (address lines) between them.
It extends back over up to six short unlabelled lines that name the
organization, its unit and its address, and forward over a last label's
value lines; it never takes in a heading the source set.
"""

from __future__ import annotations

import re

from ..normalize import NormalizedBlock
from ..vocabulary import contact_label_table, split_label
from .rules import ends_sentence, styled
from .vocabulary import Vocabulary

_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_MAX_SHORT_LINE_WORDS = 8
_MAX_NAME_LINES = 6


def contact_key(block: NormalizedBlock) -> str | None:
    """The contact field a block is labelled with, or that its bare value is (``email``, ``website``)."""
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


def find_contact(blocks: list[NormalizedBlock], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """The ``[start, end)`` block range of the contact block, or ``None``.

    The range never reaches back over a profile heading (a contact block
    after a meeting does not take the meeting's last lines).
    """
    keyed = [i for i, b in enumerate(blocks) if b.block.table is None and contact_key(b)]
    clusters: list[list[int]] = []
    for i in keyed:
        if clusters and all(_is_short_line(b, vocabulary) for b in blocks[clusters[-1][-1] + 1 : i]):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    cluster = next((c for c in clusters if len(c) >= 2), None)
    if cluster is None:
        return None
    start, end = cluster[0], cluster[-1] + 1
    floor = max(
        (i + 1 for i, b in enumerate(blocks[:start]) if vocabulary.is_profile_heading(b.text.match, styled(b))),
        default=0,
    )
    steps = 0
    while start - 1 >= floor and steps < _MAX_NAME_LINES and _is_name_line(blocks[start - 1], vocabulary):
        start -= 1
        steps += 1
    # A last label with no value on its line takes the following short lines.
    last = split_label(blocks[end - 1].text.match)
    if last and not blocks[end - 1].text.match[last[1]:].strip():
        while end < len(blocks) and _is_name_line(blocks[end], vocabulary):
            end += 1
    return start, end


def _is_short_line(block: NormalizedBlock, vocabulary: Vocabulary) -> bool:
    """A short block that is neither a heading the source set (or a profile's),
    a list item nor a table (an address line)."""
    return (
        len(block.text.match.split()) <= _MAX_SHORT_LINE_WORDS
        and not block.block.list_item
        and block.block.table is None
        and block.block.heading_level is None
        and not vocabulary.is_profile_heading(block.text.match, styled(block))
    )


def _is_name_line(block: NormalizedBlock, vocabulary: Vocabulary) -> bool:
    """A short unlabelled line that does not end a sentence (an organization or unit
    name, an address line)."""
    text = block.text.match
    return _is_short_line(block, vocabulary) and not ends_sentence(text) and split_label(text) is None
