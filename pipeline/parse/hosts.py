"""Hosts: the ``المضيف`` field into one entry per host organization.

The text is split only where it joins organizations: at ``بالتعاون مع`` (in
cooperation with) and its kin (بالشراكة مع، بالاشتراك مع، بالتنسيق مع، بدعم من), at a comma or semicolon, and at a ``و`` glued to a word
that opens an organization's name (``واللجنة``، ``وحكومة``، ``والمنظمة`` …).
A ``و`` inside a name (``وكالة``، ``الهجرة والتنمية``) does not split it.
Trailing punctuation is removed.
"""

from __future__ import annotations

import re

from ..normalize import NText, to_match

# Words that open an organization's or a government's name (matching form
# after the article is removed).
_ORG_HEADS = frozenset(
    to_match(w)
    for w in (
        "منظمة", "لجنة", "حكومة", "جامعة", "وزارة", "مفوضية", "اتحاد", "بنك", "أمانة", "مركز", "معهد",
        "جماعة", "مجلس", "هيئة", "مكتب", "وكالة", "صندوق", "برنامج", "منتدى", "شبكة", "مؤسسة", "دائرة",
        "إدارة", "رئاسة", "مملكة", "جمهورية", "دولة", "سلطنة", "إمارة", "حكومات", "مجموعة", "رابطة",
        "المنظمة", "الحكومة", "السلطات", "سلطات", "مبادرة", "عملية", "أمانات",
    )
)
# "بالتعاون مع", "بالشراكة مع", "بالاشتراك مع", "بالتنسيق مع", "بدعم من" (matching form).
_COOPERATION_RE = re.compile(r"\s*,?\s*(?:(?:بالتعاون|بالشراكه|بالاشتراك|بالتنسيق)\s+مع|بدعم\s+من)\s+")
_SEPARATOR_RE = re.compile(r"\s*[,;]\s*")
_TRAILING = " .,;:،؛-–—"


def _opens_name(word: str) -> bool:
    bare = word[2:] if word.startswith("ال") else word
    return bare in _ORG_HEADS or word in _ORG_HEADS


def split_hosts(text: NText) -> list[str]:
    """The hosts named in a ``المضيف`` value.

    Args:
        text: the field value, both forms.

    Returns:
        Host names in display form, in order, without trailing punctuation;
        empty when the value is empty.
    """
    match = text.match
    cuts: list[tuple[int, int]] = []  # (end of previous host, start of next) in match indices
    for m in _COOPERATION_RE.finditer(match):
        cuts.append((m.start(), m.end()))
    for m in _SEPARATOR_RE.finditer(match):
        nxt = match[m.end():].split(maxsplit=1)
        if nxt and (_opens_name(nxt[0][1:] if nxt[0].startswith("و") else nxt[0])):
            cuts.append((m.start(), m.end()))
    for m in re.finditer(r"(?:(?<=\s)|^)و(\S+)", match):
        if m.start() > 0 and _opens_name(m.group(1)):
            cuts.append((m.start(), m.start() + 1))
    hosts: list[str] = []
    start = 0
    for a, b in sorted(set(cuts)):
        if a < start:
            continue
        hosts.append(text.display_slice(start, a))
        start = b
    hosts.append(text.display_slice(start))
    cleaned = [h.strip(_TRAILING) for h in hosts]
    return [h for h in cleaned if h]
