"""HTML reader: ``.html`` / ``.htm`` pages into blocks, with selectolax (Lexbor).

Decoding follows the HTML standard's order: a byte-order mark, then the
page's own declaration (``<meta charset>``, ``<meta http-equiv=
"Content-Type" content="…; charset=…">`` or an XML declaration, in the first
4096 bytes; labels as the WHATWG Encoding standard maps them, e.g.
``iso-8859-1`` → windows-1252), else the text reader's detection
(:func:`pipeline.read.text.decode_text`: UTF-8, charset-normalizer,
Windows-1256). A declaration the bytes contradict (a page declared UTF-8 but
saved in Windows-1256, or declared Latin-1 whose letters read as Arabic in
the detected encoding) gives way to detection, with a warning.

The page is parsed by Lexbor, an HTML5-conformant parser (the tree a browser
builds: implied ``<tbody>``, misnested tags repaired), and walked in source
order, which in HTML is logical order:

* every block-level element (``p``, ``div``, ``li``, ``h1``–``h6``, ``td`` …)
  starts a block; text directly inside a container beside block children is a
  block of its own (CSS anonymous boxes); ``<br>`` is a hard line break;
  whitespace collapses as in CSS (kept in ``<pre>``, ``hint="code"``);
* ``h1``–``h6`` (and ``role="heading"`` with ``aria-level``) → ``heading_level``;
  ``ul``/``ol`` items → ``list_item`` and ``list_level``; a paragraph typed
  with a bullet glyph (``◆ …``) is a list item too; ``<blockquote>`` →
  ``hint="quote"``; ``<figcaption>``/``<caption>`` → ``hint="caption"``;
  ``<b>``/``<strong>`` or an inline ``font-weight`` of bold over the whole
  block → ``bold``; ``<a href>`` → ``links`` (not in-page ``#…`` anchors or
  ``javascript:``);
* tables → a table block: rows from ``thead``/``tbody``/``tfoot``,
  ``rowspan``/``colspan`` placed by the HTML table model, ``<th>`` and
  ``<thead>`` cells marked as header cells, ``rtl`` from the table's
  computed ``dir`` (or inline ``direction``; ``dir="auto"`` by the first
  strong character; HTML's default is left to right). A table used for
  layout (``role="presentation"``, a single column, a nested table or a
  heading inside) is read as ordinary content instead;
* ignored: ``<head>``, scripts, styles, ``<noscript>``, ``<template>``,
  navigation (``<nav>``, ``role="navigation"``), form controls, embedded
  media and images, and hidden elements (``hidden``, inline
  ``display: none``/``visibility: hidden``, the screen-reader-only classes
  ``sr-only``, ``visually-hidden``, ``screen-reader-text``);
* the page's banner and footer (``<header>``/``<footer>`` outside any
  ``article``, ``aside``, ``main``, ``nav`` or ``section``, or ``role=
  "banner"``/``"contentinfo"``) are kept with ``role`` ``"header"``/
  ``"footer"``, out of the body;
* ``lang``/``xml:lang`` is inherited; a block records the language of most
  of its letters when it differs from the document's (``<html>``'s, else
  ``<body>``'s); a declaration whose script contradicts the letters (Arabic
  declared ``hi-IN`` or ``en``) is a producer's default and is ignored;
* each block's ``locator`` is a CSS-like path from ``body``
  (``body > main > p:nth-of-type(3)``).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import DecodingError, EmptySourceError
from .blocks import Block, BlockHint, BlockRole, SourceDocument
from .common import (
    ARABIC_LETTER_RE,
    LineBuilder,
    ListItem,
    RawCell,
    append_block,
    build_grid,
    first_strong_direction,
    grid_lines,
    is_layout_grid,
)
from .text import decode_text

_SNIFF_BYTES = 4096
_META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.I)
_XML_DECL_RE = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.+-]+)", re.I)
# WHATWG Encoding standard: labels a browser maps to another encoding than
# Python's codec of the same name would.
_WHATWG_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "iso-8859-6": "iso8859_6", "arabic": "iso8859_6", "asmo-708": "iso8859_6",
    "iso-8859-6-i": "iso8859_6", "iso-8859-6-e": "iso8859_6",
    # A meta declaration of UTF-16 is read as UTF-8 (a UTF-16 page has a BOM).
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_SKIP = frozenset({
    "head", "script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg", "math",
    "canvas", "button", "select", "option", "optgroup", "datalist", "textarea", "input", "audio", "video",
    "img", "picture", "source", "track", "map", "area", "rt", "rp", "meta", "link", "title", "base",
})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "ol", "p", "plaintext", "pre",
    "section", "summary", "table", "caption", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "xmp",
    "html", "frameset", "noframes",
})
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_PREFORMATTED = frozenset({"pre", "listing", "xmp", "plaintext"})
_SR_ONLY = frozenset({"sr-only", "visually-hidden", "screen-reader-text", "visuallyhidden"})
_STYLE_RE = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
# Past this depth an element's text is taken flat: a page of thousands of
# unclosed elements must not exhaust the interpreter's stack.
_MAX_DEPTH = 200


# --- decoding ---------------------------------------------------------------


def _declared_encoding(head: bytes) -> str | None:
    """The Python codec of the page's declared encoding, or ``None``."""
    m = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii").strip().lower()
    label = _WHATWG_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _mostly_arabic(text: str) -> bool:
    """At least half the non-ASCII letters are Arabic (a right decoding of an Arabic page)."""
    letters = [c for c in text if not c.isascii() and c.isalpha()]
    return bool(letters) and sum(1 for c in letters if ARABIC_LETTER_RE.match(c)) * 2 >= len(letters)


def decode_html(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Decode a page's bytes (see the module docstring).

    Returns:
        ``(text, encoding, warnings)``; ``encoding`` is a Python codec name.

    Raises:
        EmptySourceError, DecodingError: as :func:`pipeline.read.text.decode_text`.
    """
    if data.startswith(_BOMS):
        text, encoding = decode_text(data, path)
        return text, encoding, []
    declared = _declared_encoding(data[:_SNIFF_BYTES])
    if declared is None:
        text, encoding = decode_text(data, path)
        return text, encoding, []
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as exc:
        try:
            detected, encoding = decode_text(data, path)
        except DecodingError:
            detected = ""
        if _mostly_arabic(detected):
            return detected, encoding, [
                f"the page declares {declared} but is not valid {declared} ({exc.reason} at byte {exc.start}); "
                f"read as {encoding}"
            ]
        text = data.decode(declared, errors="replace")
        return text, declared, [f"the page is not valid {declared} as declared; bad bytes replaced by U+FFFD"]
    if data.isascii() or ARABIC_LETTER_RE.search(text):
        if not text.strip():
            raise EmptySourceError(path, "the file is empty (no bytes, or only whitespace)")
        return text, declared, []
    # Declared in an encoding that gives no Arabic letter: a legacy Arabic
    # page often declares Latin-1 while its bytes are Windows-1256.
    try:
        detected, encoding = decode_text(data, path)
    except DecodingError:
        return text, declared, []
    if encoding != declared and _mostly_arabic(detected):
        return detected, encoding, [f"the page declares {declared} but its text reads as Arabic in {encoding}"]
    return text, declared, []


# --- the walk -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What an element inherits from its ancestors."""

    container: LexborNode
    lang: str | None = None
    dir: str | None = None
    bold: bool = False
    link: str | None = None
    preserve: bool = False
    hint: BlockHint | None = None
    role: BlockRole = "body"
    heading: int | None = None
    list_depth: int = 0
    item: ListItem | None = None
    sectioning: bool = False
    depth: int = 0


def _style(node: LexborNode) -> dict[str, str]:
    style = node.attributes.get("style") or ""
    return {k.lower(): v.strip().lower() for k, v in _STYLE_RE.findall(style.lower())}


def _hidden(node: LexborNode, style: dict[str, str]) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse"):
        return True
    if (attrs.get("role") or "").lower() in ("navigation", "search"):
        return True
    classes = (attrs.get("class") or "").split()
    return any(c.lower() in _SR_ONLY for c in classes)


def _is_bold(tag: str, style: dict[str, str], inherited: bool) -> bool:
    weight = style.get("font-weight")
    if weight is not None:
        if weight in ("bold", "bolder"):
            return True
        if weight in ("normal", "lighter"):
            return False
        if weight.isdigit():
            return int(weight) >= 600
    return inherited or tag in ("b", "strong")


def _lang(node: LexborNode) -> str | None:
    attrs = node.attributes
    for name in ("xml:lang", "lang"):
        if name in attrs:
            value = (attrs.get(name) or "").strip()
            return value or None
    return None


def _int_attr(node: LexborNode, name: str, default: int, lo: int, hi: int) -> int:
    try:
        value = int((node.attributes.get(name) or "").strip())
    except ValueError:
        return default
    return max(lo, min(hi, value))


class _Walker:
    """Walks an element tree and collects its blocks (see the module docstring)."""

    def __init__(self, doc_lang: str | None) -> None:
        self.doc_lang = doc_lang.lower() if doc_lang else None
        self.blocks: list[Block] = []
        self.builder = LineBuilder()
        self.cur: _Ctx | None = None
        self._paths: dict[int, str] = {}

    # the tree

    def child_ctx(self, node: LexborNode, ctx: _Ctx, style: dict[str, str]) -> _Ctx:
        tag = node.tag
        attrs = node.attributes
        changes: dict = {"depth": ctx.depth + 1}
        lang = _lang(node)
        if lang is not None or "lang" in attrs:
            changes["lang"] = lang
        direction = (attrs.get("dir") or style.get("direction") or "").strip().lower()
        if direction in ("rtl", "ltr", "auto"):
            changes["dir"] = direction
        bold = _is_bold(tag, style, ctx.bold)
        if bold != ctx.bold:
            changes["bold"] = bold
        if tag == "a":
            href = (attrs.get("href") or "").strip()
            if href and not href.startswith("#") and not href.lower().startswith("javascript:"):
                changes["link"] = href
        if tag in _PREFORMATTED or style.get("white-space", "").startswith("pre"):
            changes["preserve"] = True
            if tag in _PREFORMATTED:
                changes["hint"] = "code"
        if tag == "blockquote":
            changes["hint"] = "quote"
        elif tag in ("figcaption", "caption"):
            changes["hint"] = "caption"
        role = (attrs.get("role") or "").lower()
        if (tag == "header" and not ctx.sectioning) or role == "banner":
            changes["role"] = "header"
        elif (tag == "footer" and not ctx.sectioning) or role == "contentinfo":
            changes["role"] = "footer"
        if tag in _SECTIONING:
            changes["sectioning"] = True
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            changes["heading"] = int(tag[1])
        elif role == "heading":
            changes["heading"] = _int_attr(node, "aria-level", 2, 1, 6)
        if tag in _LISTS:
            changes["list_depth"] = ctx.list_depth + 1
            changes["item"] = None
        elif tag == "li":
            changes["item"] = ListItem(level=max(0, ctx.list_depth - 1))
        if tag in _BLOCK:
            changes["container"] = node
        return replace(ctx, **changes)

    def walk(self, node: LexborNode, ctx: _Ctx) -> None:
        """Collect the content of ``node``'s children."""
        for child in node.iter(include_text=True):
            if child.is_text_node:
                self.builder.text(
                    child.text_content or "", bold=ctx.bold, link=ctx.link, lang=ctx.lang, preserve=ctx.preserve
                )
                continue
            if not child.is_element_node:
                continue  # comments
            tag = child.tag
            if tag in _SKIP:
                continue
            style = _style(child)
            if _hidden(child, style):
                continue
            if tag == "br":
                self.builder.hard_break()
                continue
            cctx = self.child_ctx(child, ctx, style)
            if cctx.depth > _MAX_DEPTH:
                self.builder.text(child.text(deep=True), bold=cctx.bold, lang=cctx.lang)
                continue
            if tag == "table":
                self.flush()
                self.table(child, cctx)
            elif tag in _BLOCK:
                self.enter(child, cctx)
            else:
                self.walk(child, cctx)

    def enter(self, node: LexborNode, ctx: _Ctx) -> None:
        """Walk a block-level element: its text is its own block(s)."""
        self.flush()
        saved, self.cur = self.cur, ctx
        self.walk(node, ctx)
        self.flush()
        self.cur = saved

    def flush(self) -> None:
        """Emit the text collected so far as a block of the current container."""
        builder, self.builder = self.builder, LineBuilder()
        ctx = self.cur
        if builder.empty or ctx is None:
            return
        inline = builder.build()
        lang = inline.lang
        block = Block(
            lines=inline.lines,
            joins=inline.joins,
            heading_level=ctx.heading,
            bold=inline.bold,
            # A heading in the page's banner is the document's title, not chrome.
            role="body" if ctx.heading is not None and ctx.role == "header" else ctx.role,
            hint=ctx.hint,
            lang=lang if lang and lang.lower() != self.doc_lang else None,
            locator=self.path(ctx.container),
            links=inline.links,
        )
        self.add(block, ctx.item if ctx.heading is None else None)

    def add(self, block: Block, item: ListItem | None) -> None:
        append_block(self.blocks, block, item)

    # tables

    def table(self, node: LexborNode, ctx: _Ctx) -> None:
        """A table: a table block, or its cells as content when it lays out the page."""
        rows: list[list[RawCell]] = []
        links: list[tuple[str, str]] = []
        caption: list[Block] = []
        for part in node.iter():
            if part.tag == "caption":
                sub = self.sub_walk(part, self.child_ctx(part, ctx, _style(part)))
                caption.extend(sub)
                continue
            if part.tag == "tr":
                row_nodes = [(part, False)]
            elif part.tag in ("thead", "tbody", "tfoot"):
                if _hidden(part, _style(part)):
                    continue
                row_nodes = [(tr, part.tag == "thead") for tr in part.iter() if tr.tag == "tr"]
            else:
                continue
            for tr, in_head in row_nodes:
                if _hidden(tr, _style(tr)):
                    continue
                row: list[RawCell] = []
                for cell in tr.iter():
                    if cell.tag not in ("td", "th") or _hidden(cell, _style(cell)):
                        continue
                    sub = self.sub_walk(cell, self.child_ctx(cell, ctx, _style(cell)))
                    links.extend(link for b in sub for link in b.links)
                    row.append(RawCell(
                        lines=tuple(line for b in sub for line in b.lines),
                        row_span=_int_attr(cell, "rowspan", 1, 0, 65534) or 65534,
                        col_span=_int_attr(cell, "colspan", 1, 1, 1000),
                        header=in_head or cell.tag == "th",
                    ))
                rows.append(row)
        if ctx.dir == "auto":
            rtl = first_strong_direction(" ".join(line for row in rows for c in row for line in c.lines)) == "rtl"
        else:
            rtl = ctx.dir == "rtl"
        grid = build_grid(rows, rtl=rtl)
        layout = (node.attributes.get("role") or "").lower() in ("presentation", "none") or is_layout_grid(
            grid,
            nested_table=any(t.mem_id != node.mem_id for t in node.css("table")),
            heading_inside=node.css_first("h1, h2, h3, h4, h5, h6") is not None,
        )
        if layout:
            self.enter(node, ctx)
            return
        for block in caption:
            self.add(block, None)
        if grid.n_rows and grid.n_cols and any(c.lines for c in grid.cells):
            self.add(
                Block(
                    lines=grid_lines(grid),
                    role=ctx.role,
                    hint=ctx.hint,
                    locator=self.path(node),
                    table=grid,
                    links=tuple(links),
                ),
                None,
            )

    def sub_walk(self, node: LexborNode, ctx: _Ctx) -> list[Block]:
        """The blocks of one element, collected apart (a table cell, a caption)."""
        sub = _Walker(self.doc_lang)
        sub._paths = self._paths
        sub.enter(node, ctx)
        return sub.blocks

    # provenance

    def path(self, node: LexborNode) -> str:
        """CSS-like path of an element from ``body``: ``body > main > p:nth-of-type(3)``."""
        chain: list[LexborNode] = []
        cur: LexborNode | None = node
        while cur is not None and cur.mem_id not in self._paths:
            chain.append(cur)
            parent = cur.parent
            if cur.tag in ("body", "html") or parent is None or not parent.is_element_node:
                break
            cur = parent
        for el in reversed(chain):
            parent = el.parent
            tag = el.tag
            if tag in ("body", "html") or parent is None or not parent.is_element_node:
                path = tag
            else:
                same = [c.mem_id for c in parent.iter() if c.tag == tag]
                part = tag if len(same) == 1 else f"{tag}:nth-of-type({same.index(el.mem_id) + 1})"
                path = f"{self._paths[parent.mem_id]} > {part}"
            self._paths[el.mem_id] = path
        return self._paths[node.mem_id]


def _walk_document(tree: LexborHTMLParser) -> list[Block]:
    root = tree.root
    body = tree.body
    if body is None:
        return []
    doc_lang = (_lang(root) if root is not None else None) or _lang(body)
    walker = _Walker(doc_lang)
    ctx = _Ctx(container=body, lang=doc_lang, dir=((root.attributes.get("dir") or "").lower() or None) if root else None)
    ctx = walker.child_ctx(body, ctx, _style(body))
    walker.enter(body, ctx)
    return walker.blocks


def parse_html(text: str) -> list[Block]:
    """Parse a page's text, or a fragment of one (raw HTML in Markdown), into
    blocks (see the module docstring)."""
    return _walk_document(LexborHTMLParser(text))


def read_html(path: Path) -> SourceDocument:
    """Read an ``.html``/``.htm`` page.

    Raises:
        EmptySourceError: no bytes, only whitespace, or no text outside
            scripts, styles, navigation and hidden elements.
        DecodingError: no declared encoding that fits, and no detected one
            that gives Arabic text.
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    text, encoding, warnings = decode_html(data, path)
    blocks = parse_html(text)
    if not blocks:
        raise EmptySourceError(
            path, "the page has no text outside scripts, styles, navigation and hidden elements"
        )
    return SourceDocument(
        path=path,
        format="html",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
        encoding=encoding,
        warnings=tuple(warnings),
    )
