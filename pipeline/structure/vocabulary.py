"""What the structure stage must know of a document's words: labels and profile headings.

The structure stage is generic; profiles (:mod:`pipeline.profiles`) add the
words of their domain through a :class:`Vocabulary`: field labels that always
start a field (``المضيف``، ``تاريخ ومكان الانعقاد``) and rules that recognise
their section headings (``الاجتماع العالمي الأول …: 2005``) even where a
source gives them no typography.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..vocabulary import contact_label_table


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Domain words the structure stage uses.

    Attributes:
        field_labels: labels (matching form, single-spaced) that always start
            a field: a line starting with one starts a new block, and it starts
            a field even after a value that leaves a bracket open.
        heading_rules: each takes the matching form of a block and whether the
            block is styled (a heading level or bold) and says whether it is a
            heading of the profile's own sections.
    """

    field_labels: frozenset[str] = frozenset()
    heading_rules: tuple[Callable[[str, bool], bool], ...] = field(default=())

    def is_profile_heading(self, match_text: str, styled: bool) -> bool:
        """Whether any profile takes the text for one of its section headings."""
        return any(rule(match_text, styled) for rule in self.heading_rules)

    @property
    def known_labels(self) -> frozenset[str]:
        """The profile labels and the contact labels (:data:`pipeline.vocabulary.CONTACT_LABELS`)."""
        return self.field_labels | contact_labels()


@cache
def contact_labels() -> frozenset[str]:
    """Contact labels in matching form."""
    return frozenset(contact_label_table())
