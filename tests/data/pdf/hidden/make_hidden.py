"""Generate the "hidden" PDF fixtures: the brochure set by producers, fonts and
layouts the PDF reader was not developed on (committed next to this script).

Run from the repository root:

    uv run --no-project --with weasyprint --with typst \\
        python tests/data/pdf/hidden/make_hidden.py [NAME ...]

Without NAME every fixture is made; a NAME is a key of ``VARIANTS``.

Tools it needs (Debian 12 packages; Python ones come through ``uv run --with``):

* ``chromium`` (headless printing), ``libreoffice-writer`` (``soffice``);
* fonts ``fonts-hosny-amiri``, ``fonts-noto-core`` (Noto Naskh/Sans/Kufi
  Arabic), ``fonts-kacst``, ``fonts-arabeyes``;
* WeasyPrint (Pango/HarfBuzz) and Typst (the ``typst`` wheel) from PyPI.

The brochure comes from ``sources/global-rcp-meetings-ar.txt``: a small
Markdown reader here turns it into headings, paragraphs (inline bold labels,
hard line breaks) and list items, which each producer then typesets. Some
variants change the text on purpose (tashkeel on a few words, tatweel,
Arabic-Indic digits); for those the changed text source is written to
``expected/<name>.txt``, and the tests compare the PDF with the records of
that text source. ``manifest.json`` lists every fixture: producer, layout,
font, and the text source it must reproduce.

Each PDF's fonts are subsets (all four producers subset by themselves), so
each file stays well under a few hundred KB.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
SOURCE = ROOT / "sources" / "global-rcp-meetings-ar.txt"
EXPECTED = HERE / "expected"


# --------------------------------------------------------------------------
# The source as a small document model


@dataclass
class Item:
    """``kind``: "title", "h" (section or meeting heading), "p" or "li".
    ``lines``: the item's lines (hard breaks between), each a list of
    ``(text, bold)`` runs."""

    kind: str
    lines: list[list[tuple[str, bool]]] = field(default_factory=list)
    meeting: bool = False

    @property
    def text(self) -> str:
        return " ".join("".join(t for t, _ in line) for line in self.lines)


_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>]+)>")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_LIST_RE = re.compile(r"^\s*(?:◆|-)\s+")
_SENTENCE_END = tuple(".:؛;!?؟\"")


def runs(text: str) -> list[tuple[str, bool]]:
    text = _AUTOLINK_RE.sub(r"\1", _LINK_RE.sub(r"\1", text)).strip()
    out, pos = [], 0
    for m in _BOLD_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    # "**label:** value": the space after the bold label belongs to no run.
    return [(t, b) for t, b in out if t]


def read_source(text: str) -> list[Item]:
    """Markdown-like source → items.

    Blank lines separate paragraphs; a line ending in two spaces is a hard
    break inside its paragraph, other consecutive lines are one line. A
    prose paragraph cut by a blank line in the middle of a sentence (a page
    break of the original brochure) is one paragraph again: a producer
    typesets it as one."""
    items: list[Item] = []
    para: list[str] = []

    def flush() -> None:
        if not para:
            return
        first = para[0].lstrip()
        if first.startswith("#"):
            heading = Item("title" if not items else "h", [runs(first.lstrip("#"))])
            heading.meeting = "الاجتماع العالمي" in heading.text
            items.append(heading)
        elif _LIST_RE.match(first):
            items.append(Item("li", [runs(_LIST_RE.sub("", first))]))
        else:
            lines: list[str] = [para[0].rstrip()]
            for prev, line in zip(para, para[1:]):
                if prev.endswith("  "):
                    lines.append(line.rstrip())
                else:
                    lines[-1] += " " + line.strip()
            item = Item("p", [runs(line) for line in lines])
            prev_item = items[-1] if items else None
            if (
                prev_item is not None
                and prev_item.kind == "p"
                and len(prev_item.lines) == 1
                and len(prev_item.text.split()) > 8
                and not prev_item.text.rstrip().endswith(_SENTENCE_END)
                and not re.match(r"[^:]{2,40}:", item.text)
            ):
                prev_item.lines[-1].extend([(" ", False), *item.lines[0]])
                prev_item.lines.extend(item.lines[1:])
            else:
                items.append(item)
        para.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif line.lstrip().startswith("#") or _LIST_RE.match(line):
            flush()
            para.append(line)
            flush()
        else:
            para.append(line)
    flush()
    return items


# --------------------------------------------------------------------------
# Text variants (applied to the source text, so the expected records follow)

TASHKEEL = {
    "الهجرة": "الهِجْرَة",
    "الدولية": "الدَّوْلِيَّة",
    "المنظمة": "المُنَظَّمَة",
    "التشاور": "التَّشَاوُر",
    "المضيف": "المُضِيف",
    "المشاركون": "المُشَارِكُونَ",
    "مشاورات": "مُشَاوَرَاتٍ",
}
TATWEEL = {
    "العالمي": "العالمـــي",
    "الإقليمية": "الإقليميـة",
    "النتيجة": "النتيجــة",
}
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w.:/@+-]*[A-Za-z]|https?://\S+|\S+@\S+")
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def add_words(text: str, table: dict[str, str]) -> str:
    for plain, marked in table.items():
        text = re.sub(rf"(?<![\w\u064b-\u0652]){plain}(?![\w\u064b-\u0652])", marked, text)
    return text


def indic_digits(text: str) -> str:
    """Arabic-Indic digits in every line with Arabic letters, except inside
    Latin tokens (URLs, e-mail addresses); Latin-only lines keep theirs."""
    out = []
    for line in text.splitlines(keepends=True):
        if re.search(r"[\u0621-\u064a]", line):
            pieces, pos = [], 0
            for m in _LATIN_TOKEN_RE.finditer(line):
                pieces.append(line[pos : m.start()].translate(_INDIC))
                pieces.append(m.group())
                pos = m.end()
            pieces.append(line[pos:].translate(_INDIC))
            line = "".join(pieces)
        out.append(line)
    return "".join(out)


TRANSFORMS = {
    "tashkeel": lambda t: add_words(t, TASHKEEL),
    "tatweel": lambda t: add_words(t, TATWEEL),
    "indic": indic_digits,
}


# --------------------------------------------------------------------------
# HTML (Chromium, WeasyPrint, LibreOffice)

BASE_CSS = """
@page { size: A4; margin: 18mm 16mm; }
html { direction: rtl; }
body { margin: 0; font-family: "%(font)s"; font-size: %(size)s; line-height: %(leading)s; }
h1 { font-size: 1.6em; margin: 0 0 0.6em; }
h2 { font-size: 1.2em; margin: 0.9em 0 0.4em; }
p { margin: 0 0 0.5em; }
ul { margin: 0 0 0.5em; padding: 0 1.4em 0 0; }
li { margin: 0 0 0.3em; }
"""

COLUMNS_CSS = """
.flow { column-count: %(columns)d; column-gap: 8mm; column-fill: auto; %(justify)s }
h1 { column-span: all; }
"""

SHAPE_BULLETS_CSS = """
ul { list-style: none; padding: 0; }
li { position: relative; padding-right: 1.3em; }
li::before { content: ""; position: absolute; right: 0.2em; top: 0.55em;
             width: 0.42em; height: 0.42em; background: #1f4e79; }
"""

BOLD_HEADINGS_CSS = """
h1, h2 { font-size: 1em; font-weight: bold; margin: 0.8em 0 0.3em; }
"""


def to_html(items: list[Item], css: str, *, title: str, bold_labels: bool = False, pre: str = "", post: str = "") -> str:
    body = []
    in_list = False
    for item in items:
        if item.kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif item.kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        lines = []
        for line in item.lines:
            spans = []
            for i, (text, bold) in enumerate(line):
                text_html = html.escape(text)
                if bold_labels and i == 0 and item.kind == "p" and _is_label(text):
                    bold = True
                spans.append(f"<b>{text_html}</b>" if bold and item.kind == "p" else text_html)
            lines.append("".join(spans))
        inner = "<br>".join(lines)
        if bold_labels and item.kind == "p" and not line[0][1]:
            inner = _bold_label(inner)
        tag = {"title": "h1", "h": "h2", "p": "p", "li": "li"}[item.kind]
        body.append(f"<{tag}>{inner}</{tag}>")
    if in_list:
        body.append("</ul>")
    content = "\n".join(body)
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>\n"
        f'<body>{pre}<div class="flow">\n{content}\n</div>{post}</body></html>\n'
    )


_LABEL_HTML_RE = re.compile(r"^([^<:]{2,40}:)(\s)")


def _is_label(text: str) -> bool:
    return bool(re.fullmatch(r"[^:]{2,40}:\s*", text))


def _bold_label(inner: str) -> str:
    """Set a leading ``label:`` in bold (for sources that have it unstyled)."""
    return _LABEL_HTML_RE.sub(r"<b>\1</b>\2", inner, count=1)


def chromium(html_text: str, pdf: Path, *, header_footer: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "brochure.html"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            shutil.which("chromium") or "chromium",
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}",
        ]
        if not header_footer:
            cmd.append("--no-pdf-header-footer")
        cmd.append(src.as_uri())
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)


def weasyprint(html_text: str, pdf: Path) -> None:
    import weasyprint as wp

    wp.HTML(string=html_text, base_url=str(HERE)).write_pdf(pdf)


def libreoffice(doc: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp}/profile",
                "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(doc),
            ],
            check=True, capture_output=True, timeout=300,
        )
        shutil.move(Path(tmp) / (doc.stem + ".pdf"), pdf)


# --------------------------------------------------------------------------
# Flat ODT (LibreOffice): a two-column section, header and footer with page numbers


def to_fodt(
    items: list[Item], *, font: str, size: float, header: str, columns: int = 2,
    title_ratio: float = 1.7, heading_ratio: float = 1.25, bullet: str = "●", justify: bool = True,
) -> str:
    def esc(s: str) -> str:
        return html.escape(s, quote=False)

    def spans(line) -> str:
        return "".join(
            f'<text:span text:style-name="B">{esc(t)}</text:span>' if b else esc(t) for t, b in line
        )

    body = []
    in_list = False
    for item in items:
        if item.kind == "li" and not in_list:
            body.append('<text:list text:style-name="L1">')
            in_list = True
        elif item.kind != "li" and in_list:
            body.append("</text:list>")
            in_list = False
        inner = "<text:line-break/>".join(spans(line) for line in item.lines)
        if item.kind == "title":
            body.append(f'<text:h text:style-name="Title" text:outline-level="1">{inner}</text:h>')
        elif item.kind == "h":
            body.append(f'<text:h text:style-name="H2" text:outline-level="2">{inner}</text:h>')
        elif item.kind == "li":
            body.append(f'<text:list-item><text:p text:style-name="Body">{inner}</text:p></text:list-item>')
        else:
            body.append(f'<text:p text:style-name="Body">{inner}</text:p>')
    if in_list:
        body.append("</text:list>")
    title, rest = body[0], body[1:]
    para = (
        f'style:font-name="{font}" fo:font-size="{size}pt" style:font-name-complex="{font}" '
        f'style:font-size-complex="{size}pt" style:language-complex="ar" style:country-complex="SA"'
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="start"/>
  <style:text-properties {para}/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.18cm" fo:line-height="135%" fo:text-align="{'justify' if justify else 'start'}" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-size="{size * title_ratio:.1f}pt" style:font-size-complex="{size * title_ratio:.1f}pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-size="{size * heading_ratio:.1f}pt" style:font-size-complex="{size * heading_ratio:.1f}pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Head" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-size="{size * 0.8:.1f}pt" style:font-size-complex="{size * 0.8:.1f}pt"/>
 </style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="{bullet}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="B" style:family="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Sect" style:family="section">
  <style:section-properties style:writing-mode="rl-tb">
   <style:columns fo:column-count="{columns}" fo:column-gap="0.8cm"/>
  </style:section-properties>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm" style:writing-mode="rl-tb"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  {f'<style:header><text:p text:style-name="Head">{esc(header)}</text:p></style:header>' if header else ""}
  {'<style:footer><text:p text:style-name="Head">صفحة <text:page-number text:select-page="current"/> من <text:page-count/></text:p></style:footer>' if header else ""}
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{title}
<text:section text:style-name="Sect" text:name="Flow">
{chr(10).join(rest)}
</text:section>
</office:text></office:body></office:document>
"""


# --------------------------------------------------------------------------
# Typst


def to_typst(items: list[Item], *, font: str, size: float, columns: int, header: str) -> str:
    def s(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def line_markup(line) -> str:
        return "".join(f"#strong({s(t)})" if b else f"#{s(t)}" for t, b in line)

    out = [
        f'#set text(font: "{font}", size: {size}pt, lang: "ar", dir: rtl)',
        "#set par(justify: true, leading: 0.75em, spacing: 0.9em)",
        f'#set page(paper: "a5", margin: (x: 1.5cm, top: 2cm, bottom: 2cm), columns: {columns},',
        f"  header: align(center, text(size: {size * 0.8}pt, {s(header)})),",
        f'  footer: context align(center, text(size: {size * 0.8}pt, counter(page).display("1 / 1", both: true))))',
        f"#show heading: set text(size: {size * 1.2}pt)",
        "#show heading.where(level: 1): set text(size: " + f"{size * 1.6}pt)",
        "#set list(marker: [▪])",
    ]
    for item in items:
        inner = " \\\n".join(line_markup(line) for line in item.lines)
        if item.kind == "title":
            out.append(f"#place(top + center, float: true, scope: \"parent\", heading(level: 1, {s(item.text)}))")
        elif item.kind == "h":
            out.append(f"#heading(level: 2, {s(item.text)})")
        elif item.kind == "li":
            out.append(f"- {inner}")
        else:
            out.append(inner)
        out.append("")
    return "\n".join(out)


def typst_pdf(source: str, pdf: Path) -> None:
    import typst

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "brochure.typ"
        src.write_text(source, encoding="utf-8")
        fonts = ["/usr/share/fonts/opentype/fonts-hosny-amiri", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/kacst"]
        pdf.write_bytes(typst.compile(str(src), font_paths=fonts))


# --------------------------------------------------------------------------
# The variants

TITLE = "الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة"
RUNNING_HEAD = "المنظمة الدولية للهجرة — الاجتماعات العالمية"


@dataclass
class Variant:
    producer: str
    layout: str
    font: str
    size: str
    transforms: tuple[str, ...] = ()


VARIANTS: dict[str, Variant] = {
    "chromium-2col-justify-amiri": Variant("chromium", "2 columns, justified, meetings cut across columns and pages", "Amiri", "11pt"),
    "chromium-3col-fulltitle-notosans": Variant("chromium", "3 columns, full-width title", "Noto Sans Arabic", "9pt"),
    "chromium-1col-runheads-kacst": Variant(
        "chromium", "1 column, fixed Arabic header/footer, Chromium's date/title/URL/page-number header and footer",
        "KacstOne", "13pt, line height 2.1",
    ),
    "chromium-2col-pitfalls-notonaskh": Variant(
        "chromium", "2 columns; bold inline labels; headings bold at body size; CSS-square bullets; tashkeel; tatweel",
        "Noto Naskh Arabic", "10.5pt", ("tashkeel", "tatweel"),
    ),
    "weasyprint-2col-indic-notonaskh": Variant(
        "weasyprint", "2 columns, @page header/footer with page numbers, CSS-square bullets, Arabic-Indic digits",
        "Noto Naskh Arabic", "10pt", ("indic",),
    ),
    "weasyprint-1col-tashkeel-amiri": Variant(
        "weasyprint", "1 column, justified, tashkeel, bold body-size headings", "Amiri", "12pt", ("tashkeel",),
    ),
    "libreoffice-2col-section-kufi": Variant(
        "libreoffice", "FODT: full-width title, 2-column section, header, footer 'صفحة N من M', bullet list",
        "Noto Kufi Arabic", "9.5pt",
    ),
    "libreoffice-html-alarabiya": Variant(
        "libreoffice", "HTML import, 1 column, inline bold labels", "AlArabiya", "12pt",
    ),
    "weasyprint-3col-kacst": Variant(
        "weasyprint", "3 columns, full-width title, bold inline labels, tatweel", "KacstBook", "9pt", ("tatweel",),
    ),
    "libreoffice-1col-amiri-boldheads": Variant(
        "libreoffice", "FODT: 1 column, left-aligned (start), headings bold at body size, '–' bullets, no running heads",
        "Amiri", "12pt",
    ),
    "chromium-2col-a5-kufi-indic": Variant(
        "chromium", "A5, 2 columns, CSS-square bullets, Arabic-Indic digits, bold inline labels", "Noto Kufi Arabic", "8.5pt",
        ("indic",),
    ),
    "typst-2col-a5-amiri": Variant(
        "typst", "A5, 2 columns, floating full-width title, header, footer 'N / M', ▪ bullets", "Amiri", "9pt",
    ),
}


def source_text(variant: Variant) -> str:
    text = SOURCE.read_text(encoding="utf-8")
    for name in variant.transforms:
        text = TRANSFORMS[name](text)
    return text


def make(name: str, variant: Variant) -> None:
    text = source_text(variant)
    items = read_source(text)
    pdf = HERE / f"{name}.pdf"
    size, _, rest = variant.size.partition(",")
    leading = re.search(r"line height ([\d.]+)", rest)
    params = {"font": variant.font, "size": size.strip(), "leading": leading.group(1) if leading else "1.55"}
    css = BASE_CSS % params
    if name == "chromium-2col-justify-amiri":
        css += COLUMNS_CSS % {"columns": 2, "justify": "text-align: justify;"}
        chromium(to_html(items, css, title=TITLE), pdf)
    elif name == "chromium-3col-fulltitle-notosans":
        css += COLUMNS_CSS % {"columns": 3, "justify": ""} + "@page { margin: 12mm 12mm; }"
        chromium(to_html(items, css, title=TITLE), pdf)
    elif name == "chromium-1col-runheads-kacst":
        # Chromium repeats a table's thead and tfoot on every printed page:
        # the usual way to get running heads from HTML.
        css += """
        @page { margin: 16mm 20mm 14mm; }
        table.page { width: 100%; border-collapse: collapse; }
        .head, .foot { font-size: 9pt; color: #555; text-align: center; padding: 0 0 3mm; }
        .foot { padding: 3mm 0 0; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.15em; }
        """
        pre = (
            f'<table class="page"><thead><tr><td class="head">{html.escape(RUNNING_HEAD)}</td></tr></thead>'
            f'<tfoot><tr><td class="foot">{html.escape(TITLE)}</td></tr></tfoot><tbody><tr><td>'
        )
        chromium(to_html(items, css, title=TITLE, pre=pre, post="</td></tr></tbody></table>"), pdf, header_footer=True)
    elif name == "chromium-2col-pitfalls-notonaskh":
        css += COLUMNS_CSS % {"columns": 2, "justify": "text-align: justify;"} + SHAPE_BULLETS_CSS + BOLD_HEADINGS_CSS
        chromium(to_html(items, css, title=TITLE, bold_labels=True), pdf)
    elif name == "weasyprint-2col-indic-notonaskh":
        css += COLUMNS_CSS % {"columns": 2, "justify": ""} + SHAPE_BULLETS_CSS + f"""
        @page {{ margin: 22mm 15mm;
          @top-center {{ content: "{RUNNING_HEAD}"; font-family: "{variant.font}"; font-size: 8pt; }}
          @bottom-center {{ content: "صفحة " counter(page); font-family: "{variant.font}"; font-size: 8pt; }} }}
        """
        weasyprint(to_html(items, css, title=TITLE), pdf)
    elif name == "weasyprint-1col-tashkeel-amiri":
        css += "p, li { text-align: justify; }" + BOLD_HEADINGS_CSS
        weasyprint(to_html(items, css, title=TITLE), pdf)
    elif name == "libreoffice-2col-section-kufi":
        with tempfile.TemporaryDirectory() as tmp:
            doc = Path(tmp) / f"{name}.fodt"
            doc.write_text(to_fodt(items, font=variant.font, size=float(size.strip()[:-2]), header=RUNNING_HEAD), encoding="utf-8")
            libreoffice(doc, pdf)
    elif name == "libreoffice-html-alarabiya":
        with tempfile.TemporaryDirectory() as tmp:
            doc = Path(tmp) / f"{name}.html"
            doc.write_text(to_html(items, css, title=TITLE, bold_labels=True), encoding="utf-8")
            libreoffice(doc, pdf)
    elif name == "weasyprint-3col-kacst":
        css += COLUMNS_CSS % {"columns": 3, "justify": "text-align: justify;"} + "@page { margin: 12mm; }"
        weasyprint(to_html(items, css, title=TITLE, bold_labels=True), pdf)
    elif name == "libreoffice-1col-amiri-boldheads":
        with tempfile.TemporaryDirectory() as tmp:
            doc = Path(tmp) / f"{name}.fodt"
            doc.write_text(
                to_fodt(items, font=variant.font, size=12.0, header="", columns=1, title_ratio=1.0,
                        heading_ratio=1.0, bullet="–", justify=False),
                encoding="utf-8",
            )
            libreoffice(doc, pdf)
    elif name == "chromium-2col-a5-kufi-indic":
        css += COLUMNS_CSS % {"columns": 2, "justify": ""} + SHAPE_BULLETS_CSS + "@page { size: A5; margin: 12mm 10mm; }"
        chromium(to_html(items, css, title=TITLE, bold_labels=True), pdf)
    elif name == "typst-2col-a5-amiri":
        typst_pdf(to_typst(items, font=variant.font, size=float(size.strip()[:-2]), columns=2, header=RUNNING_HEAD), pdf)
    else:
        raise KeyError(name)
    print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB")


def write_manifest() -> None:
    EXPECTED.mkdir(exist_ok=True)
    manifest = {}
    for name, variant in VARIANTS.items():
        if variant.transforms:
            expected = EXPECTED / f"{name}.txt"
            expected.write_text(source_text(variant), encoding="utf-8")
            source = f"expected/{expected.name}"
        else:
            source = "../../../../sources/global-rcp-meetings-ar.txt"
        manifest[f"{name}.pdf"] = {
            "producer": variant.producer,
            "layout": variant.layout,
            "font": variant.font,
            "size": variant.size,
            "transforms": list(variant.transforms),
            "text_source": source,
        }
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    names = argv or list(VARIANTS)
    for name in names:
        make(name, VARIANTS[name])
    write_manifest()


if __name__ == "__main__":
    main(sys.argv[1:])
