"""The language of blocks that are not Arabic.

A block whose letters are mostly Latin is given the language whose word
list (``wordfreq``'s small lists, Zipf scale) knows its words best, among
the languages Arabic brochures carry beside Arabic: English, French, German,
Spanish, Italian, Portuguese and Turkish. A language the source declares for
the block (HTML ``lang``, DOCX ``w:lang``) wins. The word lists load only
when a document has such a block.
"""

from __future__ import annotations

import re
from functools import cache

CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "tr")
_ARABIC_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")
_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
# E-mail addresses, URLs, domains and handles are no language's words.
_ADDRESS_RE = re.compile(r"\S*[@/]\S*|\S*[A-Za-z0-9]\.[A-Za-z]\S*")
_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z\u00C0-\u024F]+)?")


def block_language(display: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of a block that is not Arabic, or ``None`` for an Arabic block.

    Args:
        display: the block's display text.
        declared: a BCP 47 tag the source gives the block (``"en-GB"``), if any.

    Returns:
        The declared language's primary subtag when it is not Arabic;
        otherwise ``None`` when Arabic letters are at least as many as Latin
        ones (e-mail addresses and URLs left out) or there is no Latin word, else the best-scoring candidate
        (ties go to English, the most common).
    """
    if declared:
        primary = declared.split("-")[0].split("_")[0].lower()
        if primary and primary != "ar" and re.fullmatch(r"[a-z]{2,3}", primary):
            return primary
        if primary == "ar":
            return None
    display = _ADDRESS_RE.sub(" ", display)
    latin = len(_LATIN_RE.findall(display))
    if latin == 0 or len(_ARABIC_RE.findall(display)) >= latin:
        return None
    words = [w.lower() for w in _WORD_RE.findall(display) if len(w) > 1]
    if not words:
        return None
    return guess_latin_language(tuple(words))


@cache
def guess_latin_language(words: tuple[str, ...]) -> str:
    """The candidate language whose small word list gives ``words`` the highest mean Zipf frequency."""
    from wordfreq import zipf_frequency

    best, best_score = CANDIDATES[0], -1.0
    for lang in CANDIDATES:
        score = sum(zipf_frequency(w, lang, wordlist="small") for w in words) / len(words)
        if score > best_score + 1e-9:
            best, best_score = lang, score
    return best
