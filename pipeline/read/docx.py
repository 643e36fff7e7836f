"""DOCX reader: Word (Office Open XML) documents into blocks, with python-docx.

python-docx opens the package (parts and relationships); the reader walks
the WordprocessingML of each story itself, because the blocks need what
python-docx's objects do not expose (outline levels through the style chain,
complex-script bold, merged cells, text boxes, tracked changes, fields). The
rules come from ECMA-376 Part 1 (section 17):

* paragraphs (``w:p``) in document order are blocks; a line break (``w:br``,
  ``w:cr``) is a hard break inside one; tabs read as spaces; deleted text
  (``w:del``, ``w:moveFrom``) and field instructions are left out, inserted
  text and field results kept;
* headings: the paragraph's outline level (``w:outlineLvl``, directly or
  through its style's ``w:basedOn`` chain; level 9 is body text), else a
  style named ``heading N`` (Word stores built-in style names in English
  whatever the interface language) or ``Title`` (level 1);
* lists: numbering (``w:numPr``, directly or from the style) whose level is
  not of format ``none`` → ``list_item`` with ``list_level`` = ``w:ilvl``; a
  paragraph typed with a bullet glyph (``◆ …``) is a list item too;
* ``bold`` and ``font_size``: the run properties resolved direct → character
  style → paragraph style chain → document defaults; runs of Arabic text use
  the complex-script properties (``w:bCs``, ``w:szCs``), as Word does;
* ``lang``: each run's ``w:lang`` (``w:bidi`` for complex-script runs; a
  declaration whose script contradicts the letters is a producer default and
  is ignored); a block records the language of most of its letters when it
  differs from the document's (the language declared for most letters of
  the body);
* ``hint``: caption, quote and preformatted paragraph styles (``Caption``,
  ``Quote``, ``Intense Quote``, ``HTML Preformatted``, ``Preformatted Text``);
* tables (``w:tbl``) → a table block: ``w:gridSpan`` and ``w:vMerge`` become
  column and row spans, ``w:gridBefore`` skips slots, rows marked
  ``w:tblHeader`` hold header cells, ``rtl`` from ``w:bidiVisual``; a table
  used for layout (a single column, a nested table or a heading inside) is
  read as ordinary content;
* text boxes (``w:txbxContent`` of DrawingML shapes or VML; of the
  ``mc:AlternateContent`` pair, only the preferred choice) → blocks right
  after the paragraph that anchors them;
* headers and footers (every ``header*.xml``/``footer*.xml`` part the
  document uses) → blocks with ``role`` ``"header"``/``"footer"``, before and
  after the body;
* hyperlinks (``w:hyperlink`` with an external relationship, ``HYPERLINK``
  fields) → ``links``;
* ``locator``: ``body/p[12]``, ``body/tbl[2]``, ``body/tbl[1]/tr[2]/tc[1]/p[1]``
  for a layout table's paragraph, ``body/p[3]/txbx[1]/p[1]``, ``header1/p[1]``.

Footnotes, endnotes and comments are not read.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import CorruptDocxError, EmptySourceError
from .blocks import Block, BlockHint, BlockRole, SourceDocument
from .common import (
    ARABIC_LETTER_RE,
    LineBuilder,
    RawCell,
    build_grid,
    grid_lines,
    append_block,
    is_layout_grid,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADER_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_NAME_RE = re.compile(r"^heading\s*([1-9])$", re.I)
_HYPERLINK_FIELD_RE = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)
_HINT_STYLES: dict[str, BlockHint] = {
    "caption": "caption", "quote": "quote", "intense quote": "quote",
    "html preformatted": "code", "preformatted text": "code", "macro text": "code",
    # Word's Subtitle style in the interface languages Arabic brochures are made in
    "subtitle": "subtitle", "sous-titre": "subtitle", "untertitel": "subtitle", "subtítulo": "subtitle",
    "العنوان الفرعي": "subtitle",
}
_FALSE = ("0", "false", "off", "none")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T, _SDT, _SDT_CONTENT = map(_w, ("p", "tbl", "tr", "tc", "r", "t", "sdt", "sdtContent"))
_TXBX = _w("txbxContent")
_VAL = _w("val")
# Elements whose children are walked like their parent's (containers of runs
# or of paragraphs that add nothing themselves).
_TRANSPARENT = frozenset(map(_w, ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent")))
_SKIPPED = frozenset(map(_w, ("del", "moveFrom", "instrText", "delText", "delInstrText", "pPr", "rPr")))


def _on(el) -> bool | None:
    """A toggle property's value (``<w:b/>`` is on), ``None`` when absent."""
    if el is None:
        return None
    return (el.get(_VAL) or "1").lower() not in _FALSE


# --- styles and numbering ----------------------------------------------------


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # w:outlineLvl (0-based; 9 = body text)
    num: tuple[str, int] | None  # (numId, ilvl)
    rpr: object | None  # the style's w:rPr element


@dataclass(slots=True)
class _RunProps:
    bold: bool
    size: float | None
    lang: str | None
    complex: bool


class _Styles:
    """Paragraph and character styles, resolved along ``w:basedOn``."""

    def __init__(self, styles_el, numbering_el) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_rpr = None
        if styles_el is not None:
            defaults = styles_el.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
            self.default_rpr = defaults
            for st in styles_el.iter(_w("style")):
                sid = st.get(_w("styleId"))
                if sid is None:
                    continue
                name_el = st.find(_w("name"))
                based = st.find(_w("basedOn"))
                ppr = st.find(_w("pPr"))
                outline = num = None
                if ppr is not None:
                    ol = ppr.find(_w("outlineLvl"))
                    if ol is not None and (ol.get(_VAL) or "").isdigit():
                        outline = int(ol.get(_VAL))
                    num = _num_pr(ppr)
                self.styles[sid] = _Style(
                    name=(name_el.get(_VAL) if name_el is not None else sid) or sid,
                    based_on=based.get(_VAL) if based is not None else None,
                    outline=outline,
                    num=num,
                    rpr=st.find(_w("rPr")),
                )
                if st.get(_w("type")) == "paragraph" and (st.get(_w("default")) or "").lower() in ("1", "true", "on"):
                    self.default_para = sid
        # numId → abstract levels' formats
        self.num_formats: dict[str, dict[int, str]] = {}
        if numbering_el is not None:
            abstract: dict[str, dict[int, str]] = {}
            for an in numbering_el.iter(_w("abstractNum")):
                levels = {}
                for lvl in an.iter(_w("lvl")):
                    fmt = lvl.find(_w("numFmt"))
                    ilvl = lvl.get(_w("ilvl"))
                    if ilvl is not None and ilvl.isdigit():
                        levels[int(ilvl)] = fmt.get(_VAL) if fmt is not None else "decimal"
                abstract[an.get(_w("abstractNumId")) or ""] = levels
            for num in numbering_el.iter(_w("num")):
                ref = num.find(_w("abstractNumId"))
                if ref is not None:
                    self.num_formats[num.get(_w("numId")) or ""] = abstract.get(ref.get(_VAL) or "", {})

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and its ancestors, nearest first (cycles cut)."""
        out: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            st = self.styles[style_id]
            out.append(st)
            style_id = st.based_on
        return out

    def is_list(self, num: tuple[str, int] | None) -> bool:
        if num is None or num[0] in ("", "0"):
            return False
        formats = self.num_formats.get(num[0])
        # Word shows no number for a reference to an undefined list.
        return formats is not None and formats.get(num[1], "decimal") != "none"


def _num_pr(ppr) -> tuple[str, int] | None:
    num_pr = ppr.find(_w("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(_w("numId"))
    ilvl = num_pr.find(_w("ilvl"))
    level = ilvl.get(_VAL) if ilvl is not None else "0"
    return (
        (num_id.get(_VAL) or "") if num_id is not None else "",
        int(level) if level and level.isdigit() else 0,
    )


def _find_prop(rprs: list, tag: str):
    """The first ``tag`` element among run property elements, nearest first."""
    for rpr in rprs:
        if rpr is not None:
            el = rpr.find(_w(tag))
            if el is not None:
                return el
    return None


# --- the walk -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Story:
    """One story being walked: where its blocks go and how they are named."""

    rels: object  # the part's relationships (python-docx Relationships)
    role: BlockRole
    prefix: str  # locator prefix: "body", "header1", "body/p[3]/txbx[1]"


@dataclass(slots=True)
class _Para:
    """State while reading one paragraph's runs."""

    builder: LineBuilder = field(default_factory=LineBuilder)
    sizes: Counter = field(default_factory=Counter)
    boxes: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # open complex fields: [instruction, in_result]


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.langs: Counter[str | None] = Counter()

    # containers

    def story(self, container, story: _Story) -> None:
        """Walk a story's block-level content (body, header, cell, text box)."""
        counts: Counter[str] = Counter()
        for el in _block_children(container):
            if el.tag == _P:
                counts["p"] += 1
                self.paragraph(el, story, f"{story.prefix}/p[{counts['p']}]")
            elif el.tag == _TBL:
                counts["tbl"] += 1
                self.table(el, story, f"{story.prefix}/tbl[{counts['tbl']}]")

    def paragraph(self, p, story: _Story, locator: str) -> None:
        ppr = p.find(_w("pPr"))
        style_id = None
        if ppr is not None and (ps := ppr.find(_w("pStyle"))) is not None:
            style_id = ps.get(_VAL)
        chain = self.styles.chain(style_id or self.styles.default_para)
        state = _Para()
        self.runs(p, state, chain, story, link=None)
        inline = state.builder.build()
        if inline.lines:
            self.langs[inline.lang] += sum(len(line) for line in inline.lines)
            heading = _heading_level(ppr, chain)
            num = (_num_pr(ppr) if ppr is not None else None) or next((s.num for s in chain if s.num), None)
            names = [s.name.lower() for s in chain]
            hint = next((_HINT_STYLES[n] for n in names if n in _HINT_STYLES), None)
            block = Block(
                lines=inline.lines,
                joins=inline.joins,
                heading_level=heading,
                bold=inline.bold,
                font_size=state.sizes.most_common(1)[0][0] if state.sizes else None,
                role=story.role,
                hint=hint,
                lang=inline.lang,
                locator=locator,
                links=inline.links,
            )
            if heading is None and self.styles.is_list(num):
                block = replace(block, list_item=True, list_level=num[1])
            append_block(self.blocks, block, None)
        for k, box in enumerate(state.boxes, start=1):
            self.story(box, replace(story, prefix=f"{locator}/txbx[{k}]"))

    def runs(self, el, state: _Para, chain: list[_Style], story: _Story, link: str | None) -> None:
        """Collect the text of a paragraph's inline content."""
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _R:
                self.run(child, state, chain, story, link)
            elif tag == _w("hyperlink"):
                rid = child.get(f"{{{R}}}id")
                target = link
                if rid and rid in story.rels:
                    rel = story.rels[rid]
                    if rel.is_external:
                        target = rel.target_ref
                self.runs(child, state, chain, story, target)
            elif tag == _w("fldSimple"):
                m = _HYPERLINK_FIELD_RE.match(child.get(_w("instr")) or "")
                self.runs(child, state, chain, story, m.group(1) if m else link)
            elif tag in _TRANSPARENT or tag == _SDT:
                self.runs(child if tag != _SDT else _sdt_content(child), state, chain, story, link)

    def run(self, r, state: _Para, chain: list[_Style], story: _Story, link: str | None) -> None:
        rpr = r.find(_w("rPr"))
        props = None
        for child in r:
            tag = child.tag
            if tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    state.fields.append(["", False])
                elif kind == "separate" and state.fields:
                    state.fields[-1][1] = True
                elif kind == "end" and state.fields:
                    state.fields.pop()
                continue
            if tag == _w("instrText"):
                if state.fields:
                    state.fields[-1][0] += child.text or ""
                continue
            if state.fields and not state.fields[-1][1]:
                continue  # inside a field's instruction
            field_link = link
            for instr, in_result in state.fields:
                m = _HYPERLINK_FIELD_RE.match(instr)
                if m and in_result:
                    field_link = m.group(1)
            if tag == _T:
                text = child.text or ""
                if props is None:
                    props = self.run_props(rpr, chain, text)
                self.add_text(state, text, props, field_link)
            elif tag in (_w("tab"), _w("ptab")):
                state.builder.text(" ", link=field_link)
            elif tag in (_w("br"), _w("cr")):
                state.builder.hard_break()
            elif tag == _w("noBreakHyphen"):
                state.builder.text("-", link=field_link)
            elif tag in (_w("drawing"), _w("pict"), f"{{{MC}}}AlternateContent"):
                state.boxes.extend(_text_boxes(child))

    def run_props(self, rpr, chain: list[_Style], text: str) -> _RunProps:
        """A run's resolved bold, size and language (see the module docstring)."""
        rprs = [rpr]
        if rpr is not None and (rs := rpr.find(_w("rStyle"))) is not None:
            rprs.extend(s.rpr for s in self.styles.chain(rs.get(_VAL)))
        rprs.extend(s.rpr for s in chain)
        rprs.append(self.styles.default_rpr)
        complex_ = bool(ARABIC_LETTER_RE.search(text)) or bool(_on(_find_prop(rprs[:1], "rtl"))) or bool(
            _on(_find_prop(rprs[:1], "cs"))
        )
        bold = _on(_find_prop(rprs, "bCs" if complex_ else "b")) or False
        size_el = _find_prop(rprs, "szCs" if complex_ else "sz")
        size = None
        if size_el is not None and (size_el.get(_VAL) or "").isdigit():
            size = int(size_el.get(_VAL)) / 2
        lang_el = _find_prop(rprs, "lang")
        lang = None
        if lang_el is not None:
            lang = lang_el.get(_w("bidi") if complex_ else _VAL) or None
        return _RunProps(bold, size, lang, complex_)

    def add_text(self, state: _Para, text: str, props: _RunProps, link: str | None) -> None:
        state.builder.text(text, bold=props.bold, link=link, lang=props.lang)
        visible = sum(1 for c in text if not c.isspace())
        if props.size is not None and visible:
            state.sizes[props.size] += visible

    def table(self, tbl, story: _Story, locator: str) -> None:
        """A table: a table block, or its cells' content when it lays out the page."""
        rows: list[list[RawCell]] = []
        links: list[tuple[str, str]] = []
        merges: list[list[str | None]] = []  # per row, per cell: vMerge value
        cells_el: list[list] = []
        for tr in _rows(tbl):
            trpr = tr.find(_w("trPr"))
            header = trpr is not None and _on(trpr.find(_w("tblHeader"))) is True
            before = _grid_int(trpr, "gridBefore") if trpr is not None else 0
            row: list[RawCell] = []
            row_merge: list[str | None] = []
            row_els = []
            col = before
            for tc in _cells(tr):
                tcpr = tc.find(_w("tcPr"))
                span = _grid_int(tcpr, "gridSpan") if tcpr is not None else 0
                span = max(1, span)
                vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                sub = _Walker(self.styles)
                sub.story(tc, replace(story, prefix=f"{locator}/tr[{len(rows) + 1}]/tc[{len(row) + 1}]"))
                links.extend(link for b in sub.blocks for link in b.links)
                self.langs.update(sub.langs)
                row.append(RawCell(
                    lines=tuple(line for b in sub.blocks for line in b.lines),
                    col_span=span,
                    header=header,
                    col=col,
                ))
                row_merge.append(None if vmerge is None else (vmerge.get(_VAL) or "continue"))
                row_els.append(tc)
                col += span
            rows.append(row)
            merges.append(row_merge)
            cells_el.append(row_els)
        rows = _apply_vmerge(rows, merges)
        tblpr = tbl.find(_w("tblPr"))
        rtl = tblpr is not None and _on(tblpr.find(_w("bidiVisual"))) is True
        grid = build_grid(rows, rtl=rtl)
        nested = any(t is not tbl for t in tbl.iter(_TBL))
        heading_inside = any(
            self.styles_heading(p) for p in tbl.iter(_P)
        )
        if is_layout_grid(grid, nested_table=nested, heading_inside=heading_inside):
            for r, row_els in enumerate(cells_el, start=1):
                for c, tc in enumerate(row_els, start=1):
                    self.story(tc, replace(story, prefix=f"{locator}/tr[{r}]/tc[{c}]"))
            return
        if any(c.lines for c in grid.cells):
            self.blocks.append(Block(
                lines=grid_lines(grid), role=story.role, locator=locator, table=grid, links=tuple(links)
            ))

    def styles_heading(self, p) -> bool:
        ppr = p.find(_w("pPr"))
        style_id = None
        if ppr is not None and (ps := ppr.find(_w("pStyle"))) is not None:
            style_id = ps.get(_VAL)
        return _heading_level(ppr, self.styles.chain(style_id or self.styles.default_para)) is not None


def _heading_level(ppr, chain: list[_Style]) -> int | None:
    outline = None
    if ppr is not None and (ol := ppr.find(_w("outlineLvl"))) is not None and (ol.get(_VAL) or "").isdigit():
        outline = int(ol.get(_VAL))
    if outline is None:
        outline = next((s.outline for s in chain if s.outline is not None), None)
    if outline is not None:
        return None if outline >= 9 else min(outline + 1, 6)
    for st in chain:
        m = _HEADING_NAME_RE.match(st.name.strip())
        if m:
            return min(int(m.group(1)), 6)
        if st.name.strip().lower() == "title":
            return 1
    return None


def _grid_int(pr, tag: str) -> int:
    el = pr.find(_w(tag))
    value = el.get(_VAL) if el is not None else None
    return int(value) if value and value.isdigit() else 0


def _sdt_content(sdt):
    content = sdt.find(_SDT_CONTENT)
    return content if content is not None else []


def _block_children(container):
    """Block-level children of a story, through content controls and custom XML."""
    for el in container:
        if el.tag in (_P, _TBL):
            yield el
        elif el.tag == _SDT:
            yield from _block_children(_sdt_content(el))
        elif el.tag in (_w("customXml"), _w("ins"), _w("moveTo")):
            yield from _block_children(el)


def _rows(tbl):
    for el in tbl:
        if el.tag == _TR:
            yield el
        elif el.tag in (_SDT, _w("customXml")):
            yield from _rows(_sdt_content(el) if el.tag == _SDT else el)


def _cells(tr):
    for el in tr:
        if el.tag == _TC:
            yield el
        elif el.tag in (_SDT, _w("customXml")):
            yield from _cells(_sdt_content(el) if el.tag == _SDT else el)


def _apply_vmerge(rows: list[list[RawCell]], merges: list[list[str | None]]) -> list[list[RawCell]]:
    """Vertically merged cells: a ``restart`` cell spans the ``continue``
    cells below it in its grid column; those leave the grid."""
    out: list[list[RawCell]] = [[] for _ in rows]
    open_at: dict[int, RawCell] = {}
    for r, (row, merge) in enumerate(zip(rows, merges)):
        for cell, value in zip(row, merge):
            if value == "continue" and cell.col in open_at:
                open_at[cell.col].row_span += 1
                continue
            if value == "restart":
                open_at[cell.col] = cell
            else:
                open_at.pop(cell.col, None)
            out[r].append(cell)
    return out


def _text_boxes(el) -> list:
    """The outermost text box contents under a drawing, a VML picture or an
    ``mc:AlternateContent`` (whose first choice only: its fallback repeats it)."""
    if el.tag == f"{{{MC}}}AlternateContent":
        choice = el.find(f"{{{MC}}}Choice")
        el = choice if choice is not None else el.find(f"{{{MC}}}Fallback")
        if el is None:
            return []
    boxes = []
    for box in el.iter(_TXBX):
        anc = box.getparent()
        while anc is not None and anc is not el and anc.tag != _TXBX:
            anc = anc.getparent()
        if anc is None or anc is el:
            boxes.append(box)
    return boxes


# --- the document ---------------------------------------------------------------


def _open(path: Path):
    """Open the package with python-docx, or raise a typed error."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_CFB_MAGIC):
        raise CorruptDocxError(
            path, "an OLE compound file (a legacy Word .doc, or a password-protected .docx), not a .docx package"
        )
    if not head.startswith(b"PK"):
        raise CorruptDocxError(path, "not a ZIP package: not a Word (.docx) file, or damaged")
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, zlib.error, EOFError, XMLSyntaxError, PackageNotFoundError, KeyError) as exc:
        raise CorruptDocxError(path, f"damaged Word package ({type(exc).__name__}: {exc})") from None
    except ValueError as exc:  # "file '…' is not a Word file, content type is '…'"
        raise CorruptDocxError(path, f"not a Word document ({exc})") from None


def read_docx(path: Path) -> SourceDocument:
    """Read a ``.docx`` document.

    Raises:
        CorruptDocxError: not a ZIP package, a damaged one, or a package that
            is not a Word document (a legacy ``.doc``, a spreadsheet…).
        EmptySourceError: a zero-byte file, or a document without text.
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    if not data:
        raise EmptySourceError(path, "the file is empty (no bytes)")
    document = _open(path)
    part = document.part
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    walker = _Walker(_Styles(document.styles.element, numbering))
    body = document.element.body
    header_blocks: list[Block] = []
    footer_blocks: list[Block] = []
    # Headers and footers in the order of their part names (header1, header2…).
    stories = sorted(
        (rel.target_part for rel in part.rels.values() if rel.reltype in (_HEADER_RT, _FOOTER_RT) and not rel.is_external),
        key=lambda p: _natural(str(p.partname)),
    )
    seen: set[str] = set()
    for story_part in stories:
        name = str(story_part.partname)
        if name in seen:
            continue
        seen.add(name)
        role: BlockRole = "header" if "/header" in name else "footer"
        sub = _Walker(walker.styles)
        sub.story(story_part.element, _Story(story_part.rels, role, Path(name).stem))
        (header_blocks if role == "header" else footer_blocks).extend(sub.blocks)
    walker.story(body, _Story(part.rels, "body", "body"))
    blocks = header_blocks + walker.blocks + footer_blocks
    if not any(b.role == "body" for b in blocks):
        raise EmptySourceError(path, "the document has no text")
    # The document's language: the one declared for most letters of the body.
    declared = [(n, lang) for lang, n in walker.langs.items() if lang]
    doc_lang = max(declared)[1] if declared else None
    blocks = [
        replace(b, lang=None) if b.lang is None or (doc_lang and b.lang.lower() == doc_lang.lower()) else b
        for b in blocks
    ]
    return SourceDocument(
        path=path,
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
    )


def _natural(name: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))
