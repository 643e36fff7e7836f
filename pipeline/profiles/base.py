"""The profile contract: domain records from a structured document.

A profile reads the structure stage's output (sections with their heading,
fields and blocks; :class:`~pipeline.structure.StructuredDocument`) and
returns typed records. It never re-reads the source nor re-segments text:
what it needs the structure stage to know (its field labels, its section
headings) it declares in its :class:`~pipeline.structure.Vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..report import Diagnostic
from ..models import SectionKind
from ..structure import StructuredDocument, Vocabulary


@dataclass(frozen=True, slots=True)
class ProfileResult:
    """What a profile found.

    Attributes:
        records: validated records (pydantic models), in document order;
            empty when the document has nothing for the profile.
        claimed: section index (0-based) → the kind the profile gives the
            section (e.g. ``"meeting"``).
        warnings: everything noticed that did not stop it.
    """

    records: list[Any] = field(default_factory=list)
    claimed: dict[int, SectionKind] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)


class Profile(Protocol):
    """A domain profile.

    Attributes:
        name: stable name, listed in ``document.profiles`` when the profile
            finds records.
        record_field: the :class:`~pipeline.models.DocumentRecord` field that
            holds its records (e.g. ``"meetings"``).
        vocabulary: the labels and heading rules the structure stage must know.
    """

    name: str
    record_field: str
    vocabulary: Vocabulary

    def run(self, document: StructuredDocument, path: Path) -> ProfileResult:
        """Records from the structured document.

        Raises:
            InvalidRecordError: a record breaks a model constraint (names the
                record and field).
        """
        ...
