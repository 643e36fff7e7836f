"""Is a page's text layer Arabic text, or glyphs mapped to the wrong letters?

A PDF's text layer can decode to Arabic letters that are not the words on
the page: a font without ToUnicode decoded through its own cmap, a
ToUnicode map that sends glyphs to wrong letters (PowerPoint printed
through iLovePDF: ``الجماورية`` for ``الجمهورية``), ligature glyphs mapped
to private-use code points or U+FFFD (letters lost: ``خال`` for ``خلال``).
Such text must be reported, not parsed.

The measure is lexical: the share of a page's Arabic words that are Arabic
words, looked up in wordfreq's Arabic word list (``small``: about 57,000
words from Wikipedia, subtitles, news, web text and social media, shipped
inside the package, read offline; see wordfreq's README). The larger list
(620,000 words) separates as well but costs 73 MB of memory per process
against 7 MB. Words the list lacks only because of clitics (``وبالتشاور``)
are looked up again without the usual proclitics (و ف ب ك ل ال س) and
enclitic pronouns; spelling variants (hamza on alef, final ى/ي, ة/ه, Persian
ی/ک from some producers) are folded on both sides.

Measured on the project's PDFs (``bench/README.md``): pages of real text
have 91–100 % plausible words (proper names and transliterations are the
rest); the PowerPoint/iLovePDF page of the Egyptian government programme
has 44 %. A page is garbled when even the upper confidence bound (Wilson
score, one-sided 95 %) of its share stays below ``GARBLED_SHARE``, so a
short page is not judged on a handful of names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .stats import wilson_interval

# Below this share of plausible words (upper confidence bound) a page's
# text layer is garbled. Real text: 0.91 and up on every page of the
# project's PDFs; the garbled page: 0.44; a page of foreign names and
# transliterations can come near 0.7.
GARBLED_SHARE = 0.7
# Fewer Arabic words than this say nothing either way.
MIN_WORDS = 8

_WORD_RE = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
_STRIP_RE = re.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\ufffd\ue000-\uf8ff]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ھ": "ه", "ۀ": "ه", "ے": "ي"})
_PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "س", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "ول", "فب", "فل", "وس", "وبال", "فبال")
_ENCLITICS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا")


@dataclass(frozen=True, slots=True)
class TextQuality:
    """How much of a text reads as Arabic words.

    Attributes:
        words: Arabic words in the text.
        known: of them, words of the word list (directly or without clitics).
    """

    words: int
    known: int

    @property
    def share(self) -> float:
        """``known / words`` (1.0 for a text without Arabic words)."""
        return self.known / self.words if self.words else 1.0

    @property
    def garbled(self) -> bool:
        """At least ``MIN_WORDS`` Arabic words, and the upper confidence bound
        of the plausible share below ``GARBLED_SHARE``."""
        return self.words >= MIN_WORDS and wilson_interval(self.known, self.words)[1] < GARBLED_SHARE


def assess(text: str) -> TextQuality:
    """Measure how plausible ``text`` is as Arabic (see the module docstring).

    Args:
        text: text in logical order (presentation forms, tashkeel, tatweel,
            U+FFFD and private-use characters may remain: they are folded or
            removed before lookup).

    Returns:
        The counts of Arabic words and of plausible ones.
    """
    words = _WORD_RE.findall(_STRIP_RE.sub("", unicodedata.normalize("NFKC", text)))
    known = sum(1 for w in words if is_word(w))
    return TextQuality(len(words), known)


@cache
def is_word(word: str) -> bool:
    """Is ``word`` (Arabic letters only, no marks) in the word list, directly
    or once proclitics and an enclitic pronoun are taken off?"""
    vocab = _vocabulary()
    w = word.translate(_FOLD)
    if w in vocab:
        return True
    for pre in _PROCLITICS:
        if not w.startswith(pre):
            continue
        rest = w[len(pre) :]
        for suf in _ENCLITICS:
            if suf and not rest.endswith(suf):
                continue
            stem = rest[: len(rest) - len(suf)] if suf else rest
            if len(stem) < 2:
                continue
            # A teh marbuta becomes teh before a pronoun (سياستها ← سياسة);
            # "ل" + "ال" is written "لل" (للهجرة ← الهجرة).
            for cand in (stem, stem[:-1] + "ه" if suf and stem.endswith("ت") else stem, "ال" + stem if pre.endswith("لل") else stem):
                if cand in vocab:
                    return True
    return False


@cache
def _vocabulary() -> frozenset[str]:
    from wordfreq import get_frequency_dict

    return frozenset(w.translate(_FOLD) for w in get_frequency_dict("ar", wordlist="small") if _WORD_RE.fullmatch(w))
