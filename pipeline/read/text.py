"""Text reader: ``.txt`` sources (plain text, often Markdown-like) into blocks.

``.md`` files go to the Markdown reader (:mod:`pipeline.read.markdown`, a real
CommonMark parser); a ``.txt`` file is read by line rules that do not need the
text to be valid Markdown.

Blocks are runs of non-blank lines; a Markdown heading line (``#`` … ``######``)
is always a block of its own. The reader interprets only the structure that
is format-specific and strips its markers: heading marks (→ ``heading_level``)
and list markers ``-``, ``*``, ``•``, ``◆`` … (→ ``list_item``; a numbering
``1.``/``2)`` marks a list item too but stays in its text, as printed), and inline
markup (:func:`strip_markup`: ``**bold**``, links); a line wholly in bold sets
``bold``. Every block keeps its 1-based line span (provenance).

Decoding is strict: a BOM (UTF-8, UTF-16, UTF-32) wins; otherwise UTF-8;
otherwise — only when no part of the file is UTF-8 Arabic — charset-normalizer's
candidates, keeping the first that decodes to Arabic text (Windows-1256 and
ISO-8859-6 are the usual ones). A file that is UTF-8 only in part (UTF-8 and
Windows-1256 halves, or a few damaged bytes) is an encoding error naming the
line of the first bad byte: read as a legacy code page it would give other
letters, silently.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..errors import DecodingError, EmptySourceError
from .blocks import Block, SourceDocument
from .common import BULLET_GLYPHS

_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+\s*)?$")
# List markers a brochure typesets as text: hyphen, asterisk, the bullet
# glyphs the other readers also recognise (◆ U+25C6 …), or a number, followed
# by a space.
_LIST_RE = re.compile(rf"^\s*(?:[-*+{BULLET_GLYPHS}]|\d{{1,2}}[.)])\s+")
# Inline Markdown a .txt brochure may carry: links keep their text, autolinks
# their address, emphasis marks go.
_MD_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_MD_EMPHASIS_RE = re.compile(r"\*\*|__")
_BOLD_LINE_RE = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
# Three Arabic letters in a row encoded as UTF-8 (U+0600–U+06FF: lead byte
# D8–DB, one continuation byte). In a Windows-1256 or ISO-8859-6 file these
# bytes would be letter, punctuation, letter, punctuation… — not Arabic text;
# so a file with such a run is UTF-8, whole or damaged.
_UTF8_ARABIC_RE = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3}")
_ARABIC_CODE_PAGES = ("cp1256", "iso8859_6", "mac_arabic", "cp720")
_ARABIC_WORD_RE = re.compile(r"\S*[\u0621-\u064A]\S*")
_MIXED_WORD_RE = re.compile(r"\S*(?:[\u0621-\u064A]\S*[\u00C0-\u00FF]|[\u00C0-\u00FF]\S*[\u0621-\u064A])\S*")
# An Arabic letter between two Latin letters ("Rىunion": a French é read in
# an Arabic code page); real Arabic text never writes one.
_SANDWICH_RE = re.compile(r"[A-Za-z][\u0621-\u064A]+[A-Za-z]")

# (BOM, the encoding reported, the codec that decodes what follows the BOM)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a text source's bytes, strictly.

    Returns:
        ``(text, encoding)`` where ``encoding`` is a Python codec name.

    Raises:
        EmptySourceError: no bytes, or only whitespace.
        DecodingError: a BOM whose encoding does not decode the file; a file
            that is partly UTF-8 but not wholly (the line of the first bad
            byte is given); no candidate encoding of charset-normalizer gives
            text with Arabic letters.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptySourceError(path, "the file is empty (no bytes, or only whitespace)")
    for bom, encoding, body_codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(body_codec), encoding
            except UnicodeDecodeError as exc:
                raise _bad_bytes(path, body, exc, body_codec, f"starts with a {encoding} byte-order mark but", len(bom)) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_ARABIC_RE.search(data):
            raise _bad_bytes(path, data, exc, "utf-8", "has UTF-8 Arabic text but") from None
    if b"\x00" in data:
        raise DecodingError(path, "binary content (NUL bytes) in a text source")

    from charset_normalizer import from_bytes  # only for non-UTF-8 sources

    for match in from_bytes(data):
        text = str(match)
        if _ARABIC_LETTER_RE.search(text) and not _mixed_script(text):
            return text, match.encoding
    # The Arabic code pages, which charset-normalizer may rank out on short
    # texts, get a last explicit chance, strictly and in order of use.
    for encoding in _ARABIC_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _ARABIC_LETTER_RE.search(text) and not _mixed_script(text):
            return text, encoding
    raise DecodingError(path, "not UTF-8, and no other encoding decodes it to Arabic text without mixing in Latin letters")


def _mixed_script(text: str) -> bool:
    """Whether Latin-1 letters sit inside Arabic words, or Arabic letters inside
    Latin words: the sign of a wrong code page (ISO-8859-6 or Mac Arabic
    letters read as Windows-1256 become à, ç, é … inside words; a French page
    read in an Arabic code page gets ى for é)."""
    words = _MIXED_WORD_RE.findall(text)
    arabic_words = len(_ARABIC_WORD_RE.findall(text))
    sandwiched = len(_SANDWICH_RE.findall(text))
    return len(words) > max(2, arabic_words // 100) or (sandwiched > 0 and sandwiched >= arabic_words // 100)


def _bad_bytes(path: Path, data: bytes, exc: UnicodeDecodeError, encoding: str, what: str, offset: int = 0) -> DecodingError:
    """The error for a file ``encoding`` decodes only in part, at its first
    bad byte (``offset``: bytes before ``data`` in the file, a BOM)."""
    prefix = data[: exc.start].decode(encoding, errors="replace")
    line = len((prefix + "x").splitlines())
    bad = data[exc.start : min(exc.end, exc.start + 4)].hex(" ")
    return DecodingError(
        path,
        f"{what} is not valid {encoding} at byte {offset + exc.start} (0x{bad}: {exc.reason}); the file mixes encodings "
        "or is damaged, and reading it as another encoding would change its letters",
        line=line,
    )


def strip_markup(line: str) -> str:
    """A line without its inline Markdown: ``**``/``__`` removed, ``[text](url)`` →
    ``text``, ``<url>`` → ``url``."""
    line = _MD_LINK_RE.sub(r"\1", line)
    line = _MD_AUTOLINK_RE.sub(r"\1", line)
    return _MD_EMPHASIS_RE.sub("", line)


def parse_text(text: str) -> list[Block]:
    """Split decoded text into blocks (see the module docstring).

    Args:
        text: the whole decoded source; any line-end convention.

    Returns:
        Blocks in source order, with 1-based inclusive line spans.
    """
    blocks: list[Block] = []
    pending: list[tuple[int, str]] = []

    def flush() -> None:
        if pending:
            blocks.extend(_paragraph_blocks(pending))
            pending.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            flush()
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            body = heading.group(2).strip()
            if body:
                blocks.append(
                    Block(
                        lines=(strip_markup(body),),
                        line_start=number,
                        line_end=number,
                        heading_level=level,
                        bold=bool(_BOLD_LINE_RE.match(body)),
                    )
                )
            continue
        pending.append((number, line))
    flush()
    return blocks


def _paragraph_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """One block per run of lines; each list item starts a block of its own."""
    out: list[Block] = []
    run: list[tuple[int, str]] = []
    run_is_item = False

    def close() -> None:
        if run:
            texts = tuple(t.strip() for _, t in run)
            out.append(
                Block(
                    lines=tuple(strip_markup(t) for t in texts),
                    line_start=run[0][0],
                    line_end=run[-1][0],
                    bold=all(_BOLD_LINE_RE.match(t) for t in texts),
                    list_item=run_is_item,
                )
            )
            run.clear()

    for number, line in lines:
        marker = _LIST_RE.match(line)
        if marker:
            close()
            run_is_item = True
            # A bullet goes; a printed numbering stays in the text (the
            # structure stage moves it to the item's marker, as for a PDF).
            numbered = marker.group(0).strip()[:1].isdigit()
            run.append((number, line.strip() if numbered else line[marker.end():]))
        else:
            if not run:
                run_is_item = False
            run.append((number, line))
    close()
    return out


def read_text(path: Path) -> SourceDocument:
    """Read a ``.txt`` source.

    Raises:
        EmptySourceError, DecodingError: see :func:`decode_text`.
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    blocks = parse_text(text)
    if not blocks:
        raise EmptySourceError(path, "the file has no text")
    return SourceDocument(
        path=path,
        format="text",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
        encoding=encoding,
    )
