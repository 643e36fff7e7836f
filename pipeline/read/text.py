"""Text reader: ``.txt`` sources (plain text, often Markdown-like) into blocks.

``.md`` files go to the Markdown reader (:mod:`pipeline.read.markdown`, a real
CommonMark parser); a ``.txt`` file is read by line rules that do not need the
text to be valid Markdown.

Blocks are runs of non-blank lines; a Markdown heading line (``#`` … ``######``)
is always a block of its own. The reader interprets only the structure that
is format-specific and strips its markers: heading marks (→ ``heading_level``)
and list markers ``-``, ``*``, ``•``, ``◆`` … (→ ``list_item``). Inline markup
(``**bold**``, links) is kept for the normalize stage; a line wholly in bold
sets ``bold``. Every block keeps its 1-based line span (provenance).

Decoding: a BOM (UTF-8, UTF-16, UTF-32) wins; otherwise strict UTF-8; otherwise
charset-normalizer's candidates, keeping the first that decodes to Arabic text
(Windows-1256 and ISO-8859-6 are the usual ones).
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
_BOLD_LINE_RE = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a text source's bytes.

    Returns:
        ``(text, encoding)`` where ``encoding`` is a Python codec name.

    Raises:
        EmptySourceError: no bytes, or only whitespace.
        DecodingError: no BOM, not UTF-8, and no candidate encoding of
            charset-normalizer gives text with Arabic letters.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptySourceError(path, "the file is empty (no bytes, or only whitespace)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    path, f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason})"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodingError(path, "binary content (NUL bytes) in a text source")

    from charset_normalizer import from_bytes  # only for non-UTF-8 sources

    for match in from_bytes(data):
        text = str(match)
        if _ARABIC_LETTER_RE.search(text):
            return text, match.encoding
    # Windows-1256 is the usual legacy Arabic code page; charset-normalizer may
    # rank it out on short texts, so it gets a last explicit chance.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if _ARABIC_LETTER_RE.search(text):
        return text, "cp1256"
    raise DecodingError(path, "not UTF-8, and no other encoding decodes it to Arabic text")


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
                        lines=(body,),
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
                    lines=texts,
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
            run.append((number, line[marker.end():]))
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
