"""Markdown reader: ``.md`` / ``.markdown`` sources into blocks, with markdown-it-py.

The source is parsed as CommonMark plus GFM tables and strikethrough
(markdown-it-py's ``commonmark`` preset with ``table`` and ``strikethrough``
enabled), and the token stream becomes blocks:

* headings (ATX ``#`` and setext) → ``heading_level``;
* paragraphs → blocks; a soft line break is a wrap (``joins`` ``" "``), a hard
  break (two trailing spaces, ``\\``, ``<br>``) a real one;
* list items (``-``/``*``/``+``/``1.``) → ``list_item`` with ``list_level``
  (nesting); a paragraph typed with a bullet glyph (``◆ …``) is a list item
  too, as in the text reader; further paragraphs of one item join its block;
* block quotes → ``hint="quote"``; code blocks → ``hint="code"`` (lines kept);
* tables → a table block (:class:`TableGrid`, the header row's cells marked;
  direction from the first strong character of the cells, UAX #9 P2, as
  Markdown declares none);
* raw HTML blocks → read by the HTML reader (a ``<div dir="rtl">`` wrapper, a
  ``<p align=…>``);
* inline markup is removed: emphasis (``*``, ``_``, ``**``, ``~~``) from the
  text (a block wholly in ``**strong**`` sets ``bold``), links keep their text
  and record their URL in ``links``, images are dropped, code spans keep
  their content.

Every block keeps its 1-based source line span (markdown-it's ``token.map``).
Decoding is the text reader's (:func:`pipeline.read.text.decode_text`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import EmptySourceError
from .blocks import Block, SourceDocument
from .common import LineBuilder, ListItem, RawCell, append_block, build_grid, first_strong_direction, grid_lines
from .text import decode_text

_HTML_TAG_RE = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>$")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_markdown(text: str) -> list[Block]:
    """Parse Markdown text into blocks (see the module docstring).

    Args:
        text: the whole decoded source.

    Returns:
        Blocks in source order, with 1-based inclusive line spans.
    """
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    items: list[ListItem] = []
    list_depth = 0
    quote_depth = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open":
            items.append(ListItem(level=list_depth - 1))
        elif kind == "list_item_close":
            items.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("heading_open", "paragraph_open"):
            inline = _inline(tokens[i + 1])
            i += 2  # inline, close
            if not inline.lines:
                i += 1
                continue
            block = Block(
                lines=inline.lines,
                joins=inline.joins,
                bold=inline.bold,
                links=inline.links,
                hint="quote" if quote_depth else None,
                **_span(tok),
            )
            if kind == "heading_open":
                blocks.append(replace(block, heading_level=int(tok.tag[1])))
            else:
                append_block(blocks, block, items[-1] if items else None)
        elif kind in ("fence", "code_block"):
            lines = tuple(line.rstrip() for line in tok.content.rstrip("\n").split("\n"))
            if any(lines):
                blocks.append(Block(lines=lines, hint="code", **_span(tok)))
        elif kind == "html_block":
            blocks.extend(_html_blocks(tok))
        elif kind == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            blocks.append(_table(tokens[i : end + 1], hint="quote" if quote_depth else None))
            i = end
        i += 1
    return blocks


def _span(tok: Token) -> dict:
    # token.map is [first line, line after the last], 0-based.
    if tok.map is None:
        return {}
    return {"line_start": tok.map[0] + 1, "line_end": max(tok.map[0] + 1, tok.map[1])}


def _inline(tok: Token):
    """An inline token's children as text: markup removed, breaks and links kept."""
    out = LineBuilder()
    strong = 0
    links: list[str | None] = []
    for child in tok.children or ():
        kind = child.type
        link = links[-1] if links else None
        if kind in ("text", "code_inline"):
            out.text(child.content, bold=strong > 0, link=link)
        elif kind == "softbreak":
            out.soft_break()
        elif kind == "hardbreak":
            out.hard_break()
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            # In-page anchors (a table of contents) lead nowhere outside.
            links.append(href if href and not href.startswith("#") else None)
        elif kind == "link_close":
            if links:
                links.pop()
        elif kind == "html_inline":
            tag = _HTML_TAG_RE.match(child.content.strip())
            if tag is None:
                continue
            name = tag.group(2).lower()
            if name == "br":
                out.hard_break()
            elif name in ("b", "strong"):
                strong += -1 if tag.group(1) else 1
        # images (alt text is not shown text), emphasis and strikethrough
        # markers carry no text
    return out.build()


def _table(tokens: list[Token], hint: str | None) -> Block:
    rows: list[list[RawCell]] = []
    links: list[tuple[str, str]] = []
    header = False
    for j, tok in enumerate(tokens):
        if tok.type == "thead_open":
            header = True
        elif tok.type == "thead_close":
            header = False
        elif tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            inline = _inline(tokens[j + 1])
            links.extend(inline.links)
            rows[-1].append(RawCell(inline.lines, header=header or tok.type == "th_open"))
    text = " ".join(line for row in rows for cell in row for line in cell.lines)
    grid = build_grid(rows, rtl=first_strong_direction(text) == "rtl")
    return Block(lines=grid_lines(grid), table=grid, links=tuple(links), hint=hint, **_span(tokens[0]))


def _html_blocks(tok: Token) -> list[Block]:
    """A raw HTML block's text, read by the HTML reader, at the block's lines."""
    from .html import parse_html

    return [replace(b, locator=None, **_span(tok)) for b in parse_html(tok.content)]


def read_markdown(path: Path) -> SourceDocument:
    """Read a ``.md``/``.markdown`` source.

    Raises:
        EmptySourceError: no bytes, only whitespace, or no text once parsed
            (markup only).
        DecodingError: see :func:`pipeline.read.text.decode_text`.
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    blocks = parse_markdown(text)
    if not blocks:
        raise EmptySourceError(path, "the file has no text (Markdown markup only)")
    return SourceDocument(
        path=path,
        format="markdown",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
        encoding=encoding,
    )
