"""Participants: counts by kind of participant from the brochure's sentence.

``9 آليات من آليات التشاور بين الدول بشأن الهجرة (4 منتديات إقليمية بشأن الهجرة
و5 عمليات تشاورية إقليمية بشأن الهجرة) و4 منظمات دولية حكومية.`` gives
iscm_total 9, irf 4, rcp 5, igo 4.

The text is cut into items at brackets, commas and at a ``و`` that starts a
number or a participant noun. Each item's head noun (آلية، منتدى، عملية،
منظمة، لجنة in singular, dual or plural) and the words after it give the
kind; its count is a number before the noun (digits or a number word), a
number word after the noun phrase (``عملية عالمية واحدة``), the dual (2:
``لجنتان``, and the brochure's misspelt ``عملياتان``), or the singular
without a number (1: ``ولجنة إقليمية للأمم المتحدة``). A plural without a
number states no count (``None``, never 0).

Vocabulary (brochure's usage): منتديات إقليمية/أقاليمية بشأن الهجرة = IRF;
عمليات تشاورية إقليمية = RCP; عملية عالمية = global process; منظمات دولية
حكومية / حكومية دولية = IGO; لجنة إقليمية للأمم المتحدة = UN regional
commission; منظمات اقتصادية إقليمية = regional economic organization;
آليات التشاور بين الدول = ISCMs in total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from ..vocabulary import parse_cardinal_words

# Head nouns in matching form: singular, dual and plural forms → noun.
_NOUNS: dict[str, tuple[str, str]] = {}


def _noun(name: str, singular: tuple[str, ...], dual: tuple[str, ...], plural: tuple[str, ...]) -> None:
    for forms, number in ((singular, "sg"), (dual, "du"), (plural, "pl")):
        for f in forms:
            _NOUNS[f] = (name, number)


_noun("mechanism", ("اليه",), ("اليتان", "اليتين"), ("اليات",))
_noun("forum", ("منتدي", "منتدا"), ("منتديان", "منتديين"), ("منتديات", "منديات"))
_noun("process", ("عمليه",), ("عمليتان", "عمليتين", "عملياتان"), ("عمليات",))
_noun("organization", ("منظمه",), ("منظمتان", "منظمتين"), ("منظمات",))
_noun("commission", ("لجنه",), ("لجنتان", "لجنتين"), ("لجان",))

_MAX_LEADING_WORDS = 3
# A comma inside a number grouped in thousands (1,200) breaks no item.
_ITEM_BREAK_RE = re.compile(r"[()\[\];:]|,(?!(?<=\d,)\d{3}(?!\d))|\.(?=\s|$)")
_DIGITS_RE = re.compile(r"[0-9]+")
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
# A count has at most this many digits; a longer digit run is no count (and
# Python refuses to turn more than 4,300 digits into an int).
_MAX_COUNT_DIGITS = 9


@dataclass(frozen=True, slots=True)
class ParticipantCounts:
    """Counts stated in a participants text; ``None`` where not stated."""

    iscm_total: int | None = None
    rcp: int | None = None
    irf: int | None = None
    global_process: int | None = None
    igo: int | None = None
    un_regional_commission: int | None = None
    regional_economic_organization: int | None = None

    def stated(self) -> dict[str, int]:
        """The counts that are stated, by field name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str | None
    count: int | None
    note: str | None = None


def _is_digits(word: str) -> bool:
    """ASCII digits only (the matching form's digits; ``str.isdigit`` also
    accepts superscripts that ``int`` rejects)."""
    return bool(_DIGITS_RE.fullmatch(word))


def _strip_prefix(word: str) -> str:
    """A noun without the conjunction و and the article ال (والعمليات → عمليات)."""
    if _is_number_word(word):
        return word  # واحد is one, not و + أحد
    rest = word[1:]
    if word.startswith("و") and (rest in _NOUNS or rest.startswith("ال") or _is_digits(rest[:1]) or _is_number_word(rest)):
        word = rest
    if word.startswith("ال") and word[2:] in _NOUNS:
        word = word[2:]
    return word


def _kind(noun: str, rest: str) -> str | None:
    """The participant kind of a head noun given the words after it (matching form)."""
    if noun == "mechanism":
        return "iscm_total" if "تشاور" in rest or not rest else None
    if noun == "forum":
        return "irf"
    if noun == "process":
        if "عالمي" in rest:
            return "global_process"
        if re.search(r"تشا\w*ور", rest) or "اقليمي" in rest:
            return "rcp"
        return None
    if noun == "organization":
        if "اقتصادي" in rest:
            return "regional_economic_organization"
        if "حكومي" in rest and "دولي" in rest:
            return "igo"
        return None
    if noun == "commission":
        return "un_regional_commission" if "الامم المتحده" in rest or "اقليمي" in rest else None
    return None


def _split_items(match_text: str) -> list[list[str]]:
    """Items at brackets and commas, and at a ``و`` glued to a number or a
    participant noun (``و5``، ``وعملية``) or to a word followed by a number
    (``وبحضور 4``). A number written in words is never cut: the ``و`` inside
    ``إحدى وعشرون`` or ``مائة وخمس`` joins the parts of one number."""
    items: list[list[str]] = []
    for chunk in _ITEM_BREAK_RE.split(match_text):
        current: list[str] = []
        words = chunk.split()
        k = 0
        while k < len(words):
            word = words[k]
            bare = _strip_prefix(word)
            glued = word.startswith("و") and bare != word
            number = parse_cardinal_words([bare, *words[k + 1:]])
            counted = glued and (_is_digits(bare[:1]) or bare in _NOUNS or number is not None)
            introduces = (
                word.startswith("و") and len(word) > 2 and k + 1 < len(words)
                and (_is_digits(words[k + 1]) or _is_number_word(words[k + 1]))
            )
            if (counted or introduces) and current:
                items.append(current)
                current = []
            current.append(bare if counted else word)
            if number is not None and (counted or not glued):
                # the other words of the number stay with its first one
                current.extend(words[k + 1:k + number[1]])
                k += number[1]
            else:
                k += 1
        if current:
            items.append(current)
    return items


def _is_number_word(word: str) -> bool:
    return parse_cardinal_words([word]) is not None


def _parse_item(words: list[str]) -> _Item:
    """The kind and count of one item; a few leading words may precede the
    count or noun (``ممثلو 23 آلية``، ``بحضور 4 منظمات``)."""
    for start in range(min(_MAX_LEADING_WORDS + 1, len(words))):
        item = _parse_from(words[start:])
        if item.kind is not None:
            return item
    return _Item(None, None)


def _digit_count(words: list[str]) -> tuple[int | str, int] | None:
    """A count written in digits at the start of ``words``: ``(value,
    tokens_used)``, ``value`` the digits themselves (a ``str``) when they are
    too many for a count; ``None`` when the first word is no number.

    Thousands may be grouped with commas (``1,200``) or spaces (``1 200``); a
    long digit run a PDF line break cut into several words is one run.
    """
    if not words:
        return None
    if _GROUPED_RE.fullmatch(words[0]):
        return int(words[0].replace(",", "")), 1
    if not _is_digits(words[0]):
        return None
    j = 1
    while j < len(words) and _is_digits(words[j]):
        j += 1
    run = words[:j]
    if len(run) > 1 and len(run[0]) <= 3 and all(len(w) == 3 for w in run[1:]):
        return int("".join(run)), j  # "1 200"
    total = sum(map(len, run))
    if total > _MAX_COUNT_DIGITS and (len(run) == 1 or all(len(w) > 3 for w in run)):
        return "".join(run), j
    if len(run[0]) > _MAX_COUNT_DIGITS:
        return run[0], 1
    return int(run[0]), 1


def _parse_from(words: list[str]) -> _Item:
    count: int | None = None
    i = 0
    too_long = None
    digits = _digit_count(words)
    if digits is not None:
        value, i = digits
        if isinstance(value, int):
            count = value
        else:
            too_long = value
    else:
        parsed = parse_cardinal_words(words)
        if parsed:
            count, i = parsed
    # "15 من آليات التشاور": a count, then a partitive من before the noun.
    if i < len(words) and words[i] == "من" and (count is not None or too_long):
        i += 1
    if i >= len(words):
        return _Item(None, None)
    noun_word = _strip_prefix(words[i])
    if noun_word not in _NOUNS:
        return _Item(None, None)
    noun, number = _NOUNS[noun_word]
    rest_words = words[i + 1 :]
    # "13 عملية من العمليات التشاورية": the kind is in the partitive phrase.
    rest = " ".join(rest_words)
    kind = _kind(noun, rest)
    if too_long:
        return _Item(kind, None, f"count of {len(too_long):,} digits ({too_long[:12]}…) for {noun_word!r} is no number of participants; dropped")
    if count is None:
        for j, w in enumerate(rest_words):
            parsed = parse_cardinal_words(rest_words[j:])
            if parsed and j <= 3:
                count = parsed[0]
                break
    if count is None:
        count = {"sg": 1, "du": 2}.get(number)
    return _Item(kind, count)


def parse_participants(match_text: str) -> tuple[ParticipantCounts, list[str]]:
    """Count participants by kind.

    Args:
        match_text: the participants field in matching form.

    Returns:
        ``(counts, notes)``: the counts (``None`` where not stated) and notes
        on items whose kind was not recognised or that repeat a kind.
    """
    counts: dict[str, int | None] = {}
    notes: list[str] = []
    for words in _split_items(match_text):
        item = _parse_item(words)
        if item.note:
            notes.append(f"participants item {item.kind or 'not recognised'}: {item.note}")
        if item.kind is None:
            if any(_strip_prefix(w) in _NOUNS for w in words[:3]):
                notes.append(f"participants item not recognised: {' '.join(words)!r}")
            continue
        if item.kind in counts and item.kind != "iscm_total":
            if item.count is not None:
                counts[item.kind] = (counts[item.kind] or 0) + item.count
            continue
        if item.kind in counts:
            # "9 آليات من آليات التشاور": the partitive repeats the noun.
            continue
        counts[item.kind] = item.count
    return ParticipantCounts(**counts), notes
