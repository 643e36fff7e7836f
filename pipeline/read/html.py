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
  strong character; HTML's default is left to right). A table that lays
  the page out (HTML e-mails, old sites) is told from a data table the way
  browsers' accessibility trees and Readability tell them (the rules are
  listed above :func:`_markup_kind`: ``role="presentation"``, data-table
  markup, nested tables, headings inside, a single row or column, borders,
  cells holding several blocks, small tables declared borderless) and is
  read as content: its cells' blocks in source order, which is reading
  order (in a right-to-left row the first cell is the rightmost);
* ignored: ``<head>``, scripts, styles, ``<noscript>``, ``<template>``,
  navigation (``<nav>``, ``role="navigation"``), form controls, embedded
  media and images, hidden elements (``hidden``, inline ``display: none``/
  ``visibility: hidden``, an e-mail's preheader hidden by ``mso-hide: all``,
  ``opacity: 0`` or no height and no overflow, the screen-reader-only
  classes ``sr-only``, ``visually-hidden``, ``screen-reader-text``), and
  consent banners and skip links named as such (class, id: ``cookie``,
  ``gdpr``, ``consent-banner``, ``skip-link``, the consent platforms' own
  names; see ``_CONSENT_RE``) or known by their words (a floating or
  buttoned notice about cookies, a link to an in-page anchor that says
  "تخطَّ إلى المحتوى");
* page furniture, kept with ``role`` ``"header"``/``"footer"`` out of the
  body: the page's banner and footer (``<header>``/``<footer>`` outside any
  ``article``, ``aside``, ``main``, ``nav`` or ``section``, ``role=
  "banner"``/``"contentinfo"``, or a class or id such as ``footer``,
  ``site-footer``); breadcrumbs (class, id or ``BreadcrumbList``) and
  navigation typed as text (three links or more with only separators or
  line breaks between them; a trail of short steps from the home page:
  ``الرئيسية › الكليات › …``); and an e-mail's closing matter around its
  unsubscribe link (:func:`_closing_units`). Furniture found before any body
  text is the header, after it the footer;
* a lead the page marks under its first heading (a class such as ``lead``,
  ``subtitle``, ``tagline``, ``sub``; an ``<hgroup>``; the ``<header>``
  holding that heading), one line of at most 20 words right after it, is
  ``hint="subtitle"``;
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
from .blocks import Block, BlockHint, BlockRole, SourceDocument, TableGrid
from .common import (
    ARABIC_LETTER_RE,
    Inline,
    LineBuilder,
    ListItem,
    RawCell,
    append_block,
    build_grid,
    first_strong_direction,
    grid_lines,
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
_HEADINGS = "h1, h2, h3, h4, h5, h6, [role=heading]"

# Web-page boilerplate named by its class, id, aria-label or schema.org type
# (the naming conventions Readability's "unlikely candidates" rely on,
# narrowed to what is never the document's own content):
# * consent banners: "cookie", "gdpr", a consent bar or dialog, and the
#   consent platforms' own names (OneTrust, Cookiebot, Didomi, Complianz,
#   Osano, Quantcast's qc-cmp, cookieconsent's cc-window): dropped;
# * skip links ("skip-link", "skip-to-content", "skip-nav"): dropped;
# * breadcrumbs ("breadcrumb", "crumbs", schema.org BreadcrumbList): page
#   furniture (they name where the page sits in its site).
_CONSENT_RE = re.compile(
    r"cookie|gdpr|onetrust|didomi|cmplz|osano|qc-cmp|(?:^|[\s_-])cc[-_](?:window|banner)|ملفات تعريف الارتباط|الكوكيز"
    r"|consent[-_]?(?:banner|bar|popup|modal|notice|dialog|manager|sdk|box|wrap|container|layer)",
    re.I,
)
_SKIP_LINK_RE = re.compile(r"skip[-_]?(?:link|nav|to)", re.I)
# Unnamed, they are known by their words: a consent notice floats over the
# page (position fixed or sticky, a dialog) or carries its own button; a skip
# link leads to an anchor of the page.
_COOKIE_WORDS_RE = re.compile(r"ملفات\s+(?:تعريف\s+)?(?:ال)?ارتباط|الكوكيز|كوكيز|\bcookies?\b|\btémoins\b", re.I)
_SKIP_WORDS_RE = re.compile(
    r"^\s*(?:skip\s+(?:to|navigation)|(?:تخط|تخطى|تخطي|تخطَّ|تجاوز|انتقل|الانتقال)\S*\s+(?:إلى|الى)\s+(?:ال)?محتوى)",
    re.I,
)
_NOTICE_MAX_CHARS = 600
_BREADCRUMB_RE = re.compile(r"crumb", re.I)
# A page footer named by class or id (old sites' div#footer, e-mail
# templates' .email-footer); a component's footer (card-footer,
# modal-footer) is not one.
_FOOTER_NAME_RE = re.compile(
    r"^(?:(?:site|page|main|global|e?mail|doc|bottom|template)[-_]?)?footer"
    r"(?:[-_]?(?:wrap(?:per)?|container|area|inner|outer|section|block))?$",
    re.I,
)
# The lead under a page's title, by the class names themes and CSS
# frameworks give it (Bootstrap's .lead, .subtitle, .tagline, journalism's
# standfirst and dek), alone or as part of a BEM-style name (hero__subtitle).
_SUBTITLE_NAME_RE = re.compile(
    r"^(?:sub|deck|dek)$|(?:^|[-_])(?:sub-?title|tagline|tag-line|strapline|standfirst|sub-?head(?:ing|line)?|lead|lede)(?:$|[-_])",
    re.I,
)
# A subtitle is one line, not a paragraph (see _Walker.subtitle).
_SUBTITLE_MAX_WORDS = 20
# An e-mail's unsubscribe link, which bulk e-mail must carry (CAN-SPAM's
# opt-out) and by custom carries in its footer: by its address (Mailchimp's
# *|UNSUB|*, …/unsubscribe?id=…), its words, or the words right before it
# ("لإلغاء الاشتراك <a>اضغط هنا</a>": the phrase, then two words at most).
_UNSUBSCRIBE_HREF_RE = re.compile(r"unsub|opt[-_]?out", re.I)
_UNSUBSCRIBE_PHRASE = r"(?:(?:إلغاء|الغاء|إيقاف|ايقاف)\s+(?:ال)?اشتراك|unsubscribe|opt[- ]?out|désabonne|désinscri)"
_UNSUBSCRIBE_TEXT_RE = re.compile(_UNSUBSCRIBE_PHRASE, re.I)
_UNSUBSCRIBE_BEFORE_RE = re.compile(_UNSUBSCRIBE_PHRASE + r"\w*[\s:،,.–-]*(?:\S+\s+){0,2}\S*\s*$", re.I)
# Separators of a breadcrumb trail or of a menu typed as text.
_TRAIL_SEPARATORS = "›‹»«>/\\|→←⟩⟨·•"
_MENU_FILLER_RE = re.compile(r"[\s›‹»«>/\\|→←⟩⟨·•,،\-–—]*")
# The first step of a breadcrumb trail: the site's home page.
_HOME_WORDS = frozenset({
    "الرئيسية", "الرئيسيه", "الصفحة الرئيسية", "الصفحه الرئيسيه", "home", "homepage", "home page", "accueil",
    "startseite", "inicio",
})
_TRAIL_MAX_WORDS = 6
_CONTACT_LINK_RE = re.compile(r"\s*(?:mailto|tel|callto|sms|whatsapp):", re.I)
_CONTACT_TEXT_RE = re.compile(r"@|\d{3}|www\.|https?://|\.[a-z]{2,}(?:/|$)", re.I)
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


# --- tables -------------------------------------------------------------------
#
# Layout tables (HTML e-mails, old sites) are told from data tables the way
# browsers build their accessibility tree (Gecko's
# TableAccessible::IsProbablyLayoutTable, Blink's AXNodeObject::IsDataTable)
# and Readability's _markDataTables do, in this order:
# 1. role="presentation"/"none" or datatable="0": layout; an ARIA table role:
#    data; data-table markup (a caption or summary, <thead>, <tfoot>,
#    <col>/<colgroup>, <th>, a cell with headers/scope/abbr/axis): data;
#    a nested table or a heading inside: layout (_markup_kind);
# 2. a single row or a single column: layout; borders (a non-zero border
#    attribute, rules, cells boxed by inline borders), rows of different
#    background colours, five columns or more or twenty rows or more: data;
#    a cell holding several blocks (paragraphs, lists): layout; a table
#    declared borderless (border="0") of ten cells or fewer: layout; else
#    data (_laid_out). Stylesheet borders are unseen (no CSS cascade here),
#    so the small-table rule asks for the explicit border="0" of e-mail and
#    old-site markup.


def _rows(table: LexborNode) -> list[tuple[LexborNode, bool]]:
    """A table's own visible rows (not a nested table's), each with whether it is in ``<thead>``."""
    out: list[tuple[LexborNode, bool]] = []
    for part in table.iter():
        if part.tag == "tr":
            candidates = [(part, False)]
        elif part.tag in ("thead", "tbody", "tfoot") and not _hidden(part, _style(part)):
            candidates = [(tr, part.tag == "thead") for tr in part.iter() if tr.tag == "tr"]
        else:
            continue
        out.extend((tr, head) for tr, head in candidates if not _hidden(tr, _style(tr)))
    return out


def _cells(row: LexborNode) -> list[LexborNode]:
    return [cell for cell in row.iter() if cell.tag in ("td", "th") and not _hidden(cell, _style(cell))]


def _markup_kind(table: LexborNode) -> str | None:
    """``"layout"``/``"data"`` when the table's markup says which it is (step 1 above), else ``None``."""
    attrs = table.attributes
    role = (attrs.get("role") or "").strip().lower()
    if role in ("presentation", "none") or (attrs.get("datatable") or "").strip() == "0":
        return "layout"
    if role in ("table", "grid", "treegrid") or (attrs.get("summary") or "").strip():
        return "data"
    for part in table.iter():
        if part.tag in ("thead", "tfoot", "colgroup", "col") or (part.tag == "caption" and part.text().strip()):
            return "data"
    for tr, _head in _rows(table):
        for cell in _cells(tr):
            if cell.tag == "th" or any((cell.attributes.get(a) or "").strip() for a in ("headers", "scope", "abbr", "axis")):
                return "data"
    if any(t.mem_id != table.mem_id for t in table.css("table")) or table.css_first(_HEADINGS) is not None:
        return "layout"
    return None


def _border_width(value: str | None) -> int:
    """The width an HTML ``border`` attribute gives (an empty one is 1)."""
    m = re.match(r"\s*(\d+)", value or "")
    return int(m.group(1)) if m else 1


_NO_LINE_RE = re.compile(r"\b(?:none|hidden)\b|^\s*0(?:\.0+)?(?:px|pt|em|rem)?(?:\s|$)")


def _boxed(style: dict[str, str]) -> bool:
    """A cell's inline style draws a border on all four sides."""
    def drawn(value: str | None) -> bool:
        return value is not None and not _NO_LINE_RE.search(value)

    return drawn(style.get("border")) or all(drawn(style.get(f"border-{side}")) for side in ("top", "right", "bottom", "left"))


def _background(row: LexborNode) -> str | None:
    style = _style(row)
    value = row.attributes.get("bgcolor") or style.get("background-color") or style.get("background") or ""
    return value.strip().lower() or None


def _laid_out(
    table: LexborNode, grid: TableGrid, rows: list[LexborNode], cells: list[LexborNode], blocks_per_cell: list[int]
) -> bool:
    """Whether a table whose markup does not say lays content out (step 2 above)."""
    if grid.n_rows <= 1 or grid.n_cols <= 1:
        return True
    attrs = table.attributes
    if "border" in attrs and _border_width(attrs.get("border")) > 0:
        return False
    if (attrs.get("rules") or "none").strip().lower() != "none":
        return False
    if cells and sum(_boxed(_style(cell)) for cell in cells) * 2 >= len(cells):
        return False
    colours = [_background(tr) for tr in rows]
    if any(a and b and a != b for a, b in zip(colours, colours[1:])):
        return False
    if grid.n_cols >= 5 or grid.n_rows >= 20:
        return False
    if any(n > 1 for n in blocks_per_cell):
        return True
    borderless = ("border" in attrs and _border_width(attrs.get("border")) == 0) or (
        _style(table).get("border", "").strip() in ("0", "none")
    )
    return borderless and len(cells) <= 10


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
    lead: bool = False  # named a lead or subtitle, or inside an <hgroup>
    header_el: int | None = None  # the nearest <header> or <hgroup> (mem_id)


def _style(node: LexborNode) -> dict[str, str]:
    style = node.attributes.get("style") or ""
    return {k.lower(): v.strip().lower() for k, v in _STYLE_RE.findall(style.lower())}


def _hidden(node: LexborNode, style: dict[str, str]) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse"):
        return True
    # An e-mail's preheader: the line a mail client previews, hidden in the
    # message (Outlook's mso-hide, no opacity, or no height and no overflow).
    if style.get("mso-hide") == "all" or style.get("opacity") in ("0", "0.0"):
        return True
    if style.get("overflow") == "hidden" and any(
        re.fullmatch(r"0(?:\.0+)?(?:px|pt|em|rem|%)?", style.get(k, "")) for k in ("max-height", "height")
    ):
        return True
    if (attrs.get("role") or "").lower() in ("navigation", "search"):
        return True
    classes = (attrs.get("class") or "").split()
    return any(c.lower() in _SR_ONLY for c in classes)


def _boilerplate(node: LexborNode) -> str | None:
    """``"drop"`` for a consent banner or a skip link, ``"trail"`` for
    breadcrumbs, else ``None`` (by class, id, ``aria-label`` and
    ``itemtype``; see ``_CONSENT_RE``). An element that holds the page's
    content (``main``, ``article``, an ``h1``) is none of them, whatever its
    name: sites mark their wrappers with state classes (``cookies-accepted``,
    ``has-breadcrumbs``)."""
    attrs = node.attributes
    names = " ".join(v for k in ("id", "class", "aria-label", "itemtype") if (v := attrs.get(k)))
    if not names:
        return None
    if _CONSENT_RE.search(names) or _SKIP_LINK_RE.search(names):
        kind = "drop"
    elif _BREADCRUMB_RE.search(names):
        kind = "trail"
    else:
        return None
    return None if node.css_first("main, article, h1, [role=main]") is not None else kind


def _unnamed_boilerplate(node: LexborNode, style: dict[str, str]) -> bool:
    """A consent notice or a skip link that no class names (see ``_COOKIE_WORDS_RE``)."""
    if node.tag == "a":
        href = (node.attributes.get("href") or "").strip()
        return href.startswith("#") and bool(_SKIP_WORDS_RE.match(node.text(deep=True)))
    role = (node.attributes.get("role") or "").lower()
    floating = style.get("position") in ("fixed", "sticky") or role in ("dialog", "alertdialog")
    if not floating and not any(
        c.tag == "button" or (c.tag == "input" and (c.attributes.get("type") or "").lower() in ("button", "submit"))
        for c in node.iter()
    ):
        return False
    text = node.text(deep=True)
    return len(text) <= _NOTICE_MAX_CHARS and bool(_COOKIE_WORDS_RE.search(text))


def _name_tokens(node: LexborNode) -> list[str]:
    attrs = node.attributes
    return (attrs.get("class") or "").split() + (attrs.get("id") or "").split()


def _text_length(node: LexborNode) -> int:
    """Characters of an element's text, whitespace left out."""
    return sum(len(part) for part in node.text(deep=True).split())


def _closing_units(body: LexborNode) -> set[int]:
    """The elements (``mem_id``) that hold an e-mail's closing matter: around
    each unsubscribe link (its address or its words, or the words right
    before it: ``لإلغاء الاشتراك <a>اضغط هنا</a>``), the largest enclosing
    element that holds no heading and at most a third of the page's text (the
    footer row of a layout table, a ``div.footer``), else the link's own
    block."""
    total = _text_length(body)
    units: set[int] = set()
    # Campaign Monitor's template language writes the link as <unsubscribe>.
    for link in body.css("a[href], unsubscribe"):
        before = link.prev.text_content if link.prev is not None and link.prev.is_text_node else ""
        if not (
            link.tag == "unsubscribe"
            or _UNSUBSCRIBE_HREF_RE.search(link.attributes.get("href") or "")
            or _UNSUBSCRIBE_TEXT_RE.search(link.text(deep=True))
            or _UNSUBSCRIBE_BEFORE_RE.search((before or "")[-60:])
        ):
            continue
        unit = link
        while unit.tag not in _BLOCK and unit.parent is not None and unit.parent.tag not in ("body", "html"):
            unit = unit.parent
        while True:
            parent = unit.parent
            if parent is None or not parent.is_element_node or parent.tag in ("body", "html"):
                break
            if parent.css_first(_HEADINGS) is not None or _text_length(parent) * 3 > total:
                break
            unit = parent
        if unit.tag not in ("body", "html") and unit.css_first(_HEADINGS) is None:
            units.add(unit.mem_id)
    return units


def _navigation_line(inline: Inline) -> bool:
    """Whether a block is navigation typed as text: a menu (three links or
    more with only separators or line breaks between them) or a breadcrumb
    trail (a single line of short steps between one repeated separator such
    as ``›``, ``»`` or ``/``, from the home page: ``الرئيسية › الكليات ›
    علوم الحاسوب``)."""
    line = "\n".join(inline.lines)
    # A menu links pages by their names: a line of e-mail addresses, phone
    # numbers or printed URLs is a contact line.
    if len(inline.links) >= 3 and all(
        not _CONTACT_LINK_RE.match(url) and not _CONTACT_TEXT_RE.search(text) and len(text.split()) <= _TRAIL_MAX_WORDS
        for text, url in inline.links
    ):
        rest, at = [], 0
        for text, _url in inline.links:
            found = line.find(text, at)
            if found < 0:
                break
            rest.append(line[at:found])
            at = found + len(text)
        else:
            rest.append(line[at:])
            if all(_MENU_FILLER_RE.fullmatch(part) for part in rest):
                return True
    if len(inline.lines) != 1:
        return False
    for sep in _TRAIL_SEPARATORS:
        if line.count(sep) < 1:
            continue
        steps = [step.strip() for step in line.split(sep)]
        if (
            all(steps)
            and all(len(step.split()) <= _TRAIL_MAX_WORDS for step in steps)
            and " ".join(steps[0].lower().split()) in _HOME_WORDS
        ):
            return True
    return False


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

    def __init__(self, doc_lang: str | None, closing: set[int] | None = None) -> None:
        self.doc_lang = doc_lang.lower() if doc_lang else None
        self.blocks: list[Block] = []
        self.builder = LineBuilder()
        self.cur: _Ctx | None = None
        self._paths: dict[int, str] = {}
        self.closing = closing or set()
        # Whether a body block was emitted: furniture found before any is the
        # page's header, after it its footer.
        self.seen_body = False
        # The document's first heading: its index in blocks and its <header>.
        self.first_heading: tuple[int, int | None] | None = None

    def furniture_role(self) -> BlockRole:
        """The role of furniture found now: the header before any body text, else the footer."""
        return "footer" if self.seen_body else "header"

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
        names = _name_tokens(node)
        if (tag == "header" and not ctx.sectioning) or role == "banner":
            changes["role"] = "header"
        elif (tag == "footer" and not ctx.sectioning) or role == "contentinfo":
            changes["role"] = "footer"
        elif not ctx.sectioning and any(_FOOTER_NAME_RE.match(name) for name in names):
            changes["role"] = "footer"
        elif node.mem_id in self.closing or _boilerplate(node) == "trail":
            changes["role"] = self.furniture_role()
        if tag in ("header", "hgroup"):
            changes["header_el"] = node.mem_id
        if tag == "hgroup" or any(_SUBTITLE_NAME_RE.search(name) for name in names):
            changes["lead"] = True
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
            if _hidden(child, style) or _boilerplate(child) == "drop" or _unnamed_boilerplate(child, style):
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
                self.builder.element_boundary()
                self.walk(child, cctx)
                self.builder.element_boundary()

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
        role, hint = ctx.role, ctx.hint
        if ctx.heading is not None and role == "header":
            role = "body"  # A heading in the page's banner is the document's title, not chrome.
        if hint is None and ctx.item is None and self.subtitle(ctx, inline):
            role, hint = "body", "subtitle"
        elif role == "body" and _navigation_line(inline):
            role = self.furniture_role()
        block = Block(
            lines=inline.lines,
            joins=inline.joins,
            heading_level=ctx.heading,
            bold=inline.bold,
            role=role,
            hint=hint,
            lang=lang if lang and lang.lower() != self.doc_lang else None,
            locator=self.path(ctx.container),
            links=inline.links,
        )
        self.add(block, ctx.item if ctx.heading is None else None)
        if block.heading_level is not None and role == "body" and self.first_heading is None:
            self.first_heading = (len(self.blocks) - 1, ctx.header_el)

    def add(self, block: Block, item: ListItem | None) -> None:
        append_block(self.blocks, block, item)
        if block.role == "body":
            self.seen_body = True

    def subtitle(self, ctx: _Ctx, inline: Inline) -> bool:
        """Whether a block is the lead under the page's title, as the page
        marks it: right after the document's first heading, named a lead or
        subtitle (``_SUBTITLE_NAME_RE``) or in the same ``<hgroup>`` or
        ``<header>`` as that heading, and one line of at most
        ``_SUBTITLE_MAX_WORDS`` words (a longer lead is an introduction)."""
        first = self.first_heading
        if first is None or first[0] != len(self.blocks) - 1:
            return False
        if not (ctx.lead or (ctx.header_el is not None and ctx.header_el == first[1])):
            return False
        return len(inline.lines) == 1 and len(inline.lines[0].split()) <= _SUBTITLE_MAX_WORDS

    # tables

    def table(self, node: LexborNode, ctx: _Ctx) -> None:
        """A table: a table block, or its content in reading order when it
        lays the page out (:func:`_markup_kind`, :func:`_laid_out`)."""
        kind = _markup_kind(node)
        if kind == "layout":
            self.enter(node, ctx)
            return
        rows: list[list[RawCell]] = []
        row_nodes: list[LexborNode] = []
        blocks_per_cell: list[int] = []
        cell_nodes: list[LexborNode] = []
        links: list[tuple[str, str]] = []
        caption: list[Block] = []
        for part in node.iter():
            if part.tag == "caption":
                caption.extend(self.sub_walk(part, self.child_ctx(part, ctx, _style(part))))
        for tr, in_head in _rows(node):
            row_nodes.append(tr)
            row: list[RawCell] = []
            for cell in _cells(tr):
                sub = self.sub_walk(cell, self.child_ctx(cell, ctx, _style(cell)))
                links.extend(link for b in sub for link in b.links)
                cell_nodes.append(cell)
                blocks_per_cell.append(len(sub))
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
        if kind is None and _laid_out(node, grid, row_nodes, cell_nodes, blocks_per_cell):
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
        sub = _Walker(self.doc_lang, self.closing)
        sub._paths = self._paths
        sub.seen_body = self.seen_body
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
    walker = _Walker(doc_lang, _closing_units(body))
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
