"""Domain profiles: typed records from the structured document.

:data:`PROFILES` lists the profiles every extraction runs, in order. See
:mod:`.base` for the contract and the README ("Adding a profile") for the
steps.
"""

from __future__ import annotations

from functools import cache

from ..structure import Vocabulary
from .base import Profile, ProfileResult
from .global_meetings import GlobalMeetingsProfile

PROFILES: tuple[Profile, ...] = (GlobalMeetingsProfile(),)

__all__ = ["PROFILES", "Profile", "ProfileResult", "vocabulary"]


@cache
def vocabulary() -> Vocabulary:
    """The words of every profile, merged for the structure stage."""
    labels: frozenset[str] = frozenset()
    rules: tuple = ()
    for p in PROFILES:
        labels |= p.vocabulary.field_labels
        rules += p.vocabulary.heading_rules
    return Vocabulary(labels, rules)
