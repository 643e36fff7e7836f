"""Small text rules the structure stage shares: sentence ends, open brackets,
words that cannot end a sentence, styled blocks."""

from __future__ import annotations

import re

from ..normalize import NormalizedBlock, to_match

# Sentence-final punctuation (matching form: Arabic ؟ ؛ are ASCII there).
_SENTENCE_END = frozenset(".!?:;…")
_CLOSERS = frozenset("\"'”’»)]")
_BRACKETS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def ends_sentence(text: str) -> bool:
    """Whether a matching-form text ends with sentence punctuation (closing quotes and brackets aside)."""
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1].rstrip()
    return bool(text) and text[-1] in _SENTENCE_END


def open_bracket(text: str) -> bool:
    """Whether a text leaves a bracket or a double quote open."""
    if any(text.count(o) > text.count(c) for o, c in _BRACKETS):
        return True
    return text.count('"') % 2 == 1


# Words that cannot end a sentence: a block ending with one goes on in the next.
_DANGLING = frozenset(
    ("و", "في", "من", "الي", "علي", "عن", "مع", "او", "ثم", "بين", "حتي", "لدي", "ان", "التي", "الذي", "الذين",
     "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "عند", "نحو", "خلال", "ضمن")
)
_CONJOINED_NUMBER_RE = re.compile(r"^[وف]\d+$")


def dangling(tail: str) -> bool:
    """Whether a matching-form text ends with a comma, a dash or a slash, or with a word
    that cannot end a sentence (``و``، ``في``، ``و5``)."""
    words = tail.rstrip().split()
    if not words:
        return False
    return words[-1][-1] in ",-–/" or words[-1] in _DANGLING or bool(_CONJOINED_NUMBER_RE.match(words[-1]))


def styled(nb: NormalizedBlock) -> bool:
    """Whether the reader set the block as a heading or in bold."""
    return nb.block.heading_level is not None or nb.block.bold


# The numbering printed before an ordered list item, in matching form: a
# number (``1.``، ``2-``، ``(3)``، ``4)``), a Latin letter of a lettered list
# (``a.``) or a roman numeral (``iv.``), then its separator; an Arabic letter
# only with ``)`` or a dash (``أ-``، ``ب)``: ``د.`` and ``أ.`` are titles,
# Dr. and Mr.); or an ordinal adverb (``أولاً:``، ``ثانياً -``). A letter
# must follow (``3 - 5 أيام`` is a range, ``1. 2. 2025`` a date). Applied
# to list items only: outside a list, ``1.`` may start a sentence.
# Ordinal adverbs that number items and headings (matching form: أولاً → اولا).
ORDINAL_ADVERBS = ("اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")
_ORDERED_MARKER_RE = re.compile(
    r"^(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\s*[-–.)]|\(?[\u0621-\u064a]\s*[-–)])\s+(?=[^\W\d_])"
    r"|^(?:" + "|".join(ORDINAL_ADVERBS) + r")\s*[:\-–.)]\s*(?=[^\W\d_])",
    re.IGNORECASE,
)


def list_marker_end(match_text: str) -> int:
    """The end (an index into ``match_text``, matching form) of the ordered
    list marker that starts a list item's text, or 0 when it starts with
    none (a bulleted item, or a numbering the format kept out of the text)."""
    m = _ORDERED_MARKER_RE.match(match_text)
    return m.end() if m else 0


MAGNITUDES = frozenset(
    to_match(w) for w in (
        "ألف", "آلاف", "الف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "%", "٪", "دولار", "ريال", "دينار",
        "درهم", "جنيه", "يورو", "ليرة", "شخص", "أسرة", "طالب", "متطوع", "مستفيد", "k", "m", "bn",
    )
)
FIGURE_RE = re.compile(r"^[+\-−~≈]?\d[\d.,٬٫ ]*%?$")  # a figure's number (one word)


def figure_only(match_text: str) -> bool:
    """Whether a text is only a figure, possibly with a magnitude or unit
    (``12,450``، ``8.5 مليون``، ``+40%``, ``1200 متطوع``): no heading. A year
    alone (``2025``) is not one."""
    words = match_text.replace("+", " + ").split()
    if not words or len(words) > 3 or (len(words) == 1 and re.fullmatch(r"(?:19|20)\d\d", words[0])):
        return False  # a year alone may head a period's section
    number = "".join(w for w in words[:2] if FIGURE_RE.match(w) or w in "+−-~≈")
    if not number or not any(c.isdigit() for c in number):
        return False
    rest = [w for w in words if not FIGURE_RE.match(w) and w not in "+−-~≈"]
    return all(w in MAGNITUDES for w in rest)
