"""Generate the PDF fixtures of the layout kinds the reader must handle
(committed next to this script; text in ``content.py``).

Run from the repository root:

    uv run --with weasyprint python tests/data/pdf/kinds/make_kinds.py [NAME ...]

Without NAME every fixture is made; a NAME is a key of ``FIXTURES``.

Tools (Debian 12 packages; WeasyPrint through ``uv run --with``):
``chromium`` (headless printing), ``libreoffice-writer`` (``soffice``),
fonts ``fonts-noto-core``, ``fonts-hosny-amiri``, ``fonts-kacst``.

Kinds (issue 11), each set by several producers:

* ``trifold-*``, ``cards-*``, ``grid-*``, ``bios-*`` — tight multi-column
  layouts: a tri-fold's three panels, 2×2 cards on coloured boxes between
  full-width text, a 3×3 grid of framed cards, two bios side by side under
  a title and above a full-width section (gutters that do not run the
  page's height);
* ``overlap-*`` — a faint copy of a heading drawn behind it, faint big
  numbers behind card titles;
* ``contacts-*`` — Latin address lines set right-aligned in an Arabic page,
  phone numbers at the end of Arabic lines, a Latin word at the left end
  of an Arabic line, an English sentence with one Arabic word, two offices'
  addresses side by side; ``addresses-*`` — the same page with the address
  lines as left-to-right paragraphs (an HTML ``dir="ltr"``, a Word file
  typed that way);
* ``justified-*`` — justified Arabic stretched inside words (kashida,
  letter spacing);
* ``flow-*``, ``news-*`` — text flowing in columns whose tops are two
  headings side by side (on one baseline, or the second column's higher
  where the browser drops its margin at the column break), a note below;
  three newspaper columns on a baseline grid (issue 11d).

``expected.json`` lists, per fixture, its producer and the units of
``content.py`` in reading order: the tests check the reader against those
hand-written texts.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "hidden"))
import content as C  # noqa: E402
from make_hidden import chromium, libreoffice  # noqa: E402  (the same headless printing as the hidden fixtures)


def esc(s: str) -> str:
    return html.escape(s, quote=False)


# --------------------------------------------------------------------------
# HTML (Chromium, WeasyPrint)


def unit_html(unit: C.Unit, cls: str = "unit", extra: str = "", ltr_lines: bool = False) -> str:
    out, in_list = [], False
    for kind, text in unit:
        if kind == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "h":
            out.append(f"<h2>{esc(text)}</h2>")
        elif kind == "li":
            out.append(f"<li>{esc(text)}</li>")
        elif kind in ("lines", "lines_ltr"):
            dir_ = ' dir="ltr"' if ltr_lines or kind == "lines_ltr" else ""
            out.append(f"<p{dir_}>" + "<br>".join(esc(t) for t in text.split("\n")) + "</p>")
        elif kind == "p_ltr":
            out.append(f'<p dir="ltr">{esc(text)}</p>')
        else:
            out.append(f"<p>{esc(text)}</p>")
    if in_list:
        out.append("</ul>")
    return f'<div class="{cls}">{extra}' + "\n".join(out) + "</div>"


def page_html(body: str, css: str, font: str, size: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>kinds</title><style>'
        f'body {{ margin: 0; font-family: "{font}"; font-size: {size}; line-height: 1.5; }}\n'
        "h1 { font-size: 1.7em; margin: 0 0 0.3em; } h2 { font-size: 1.2em; margin: 0 0 0.25em; }\n"
        "p { margin: 0 0 0.4em; } ul { margin: 0 0 0.4em; padding-right: 1.2em; }\n"
        f"{css}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def trifold_html(font: str, size: str, gap: str) -> str:
    css = (
        "@page { size: A4 landscape; margin: 12mm; }\n"
        f".panels {{ display: flex; gap: {gap}; }} .unit {{ flex: 1 1 0; }}\n"
    )
    body = '<div class="panels">' + "".join(unit_html(u) for u in C.TRIFOLD) + "</div>"
    return page_html(body, css, font, size)


def grid_css(container: str, columns: int, gap: str, flex: bool, extra: str = "") -> str:
    """CSS for ``.card`` items ``columns`` to a row in ``container``: a CSS
    grid, or with ``flex`` a wrapping flex row (WeasyPrint places grid items
    left to right whatever the direction)."""
    if flex:
        return (
            f".{container} {{ display: flex; flex-wrap: wrap; justify-content: space-between; {extra} }}\n"
            f".card {{ box-sizing: border-box; width: calc((100% - {columns - 1} * {gap}) / {columns}); "
            f"margin-bottom: {gap}; }}\n"
        )
    return f".{container} {{ display: grid; grid-template-columns: repeat({columns}, 1fr); gap: {gap}; {extra} }}\n"


def cards_html(font: str, size: str, gap: str, radius: str, flex: bool = False) -> str:
    grid = grid_css("cards", 2, gap, flex, "margin: 0.8em 0;")
    css = (
        "@page { size: A4; margin: 18mm; }\n" + grid +
        ".card { background: #e3eef8; "
        f"border-radius: {radius}; padding: 0.6em 0.8em; }}\n"
    )
    body = (
        unit_html(C.CARDS_TITLE)
        + '<div class="cards">' + "".join(unit_html(u, "card") for u in C.CARDS) + "</div>"
        + unit_html(C.CARDS_FOOT)
    )
    return page_html(body, css, font, size)


def features_html(font: str, size: str, gap: str, flex: bool = False) -> str:
    """Four feature blocks two by two, no boxes: white space only."""
    grid = grid_css("cards", 2, gap, flex)
    css = "@page { size: A4; margin: 18mm; }\n" + grid + ".card h2 { font-size: 1.3em; }\n"
    body = unit_html(C.FEATURES_TITLE) + '<div class="cards">' + "".join(unit_html(u, "card") for u in C.FEATURES) + "</div>"
    return page_html(body, css, font, size)


def grid_html(font: str, size: str, gap: str, flex: bool = False) -> str:
    grid = grid_css("grid", 3, gap, flex)
    css = (
        "@page { size: A4; margin: 18mm; }\n" + grid +
        ".card { border: 1px solid #336; "
        "padding: 0.4em; text-align: center; }\n"
        ".card h2 { font-size: 1.25em; }\n"
    )
    body = unit_html(C.GRID_TITLE) + '<div class="grid">' + "".join(unit_html(u, "card") for u in C.GRID) + "</div>"
    return page_html(body, css, font, size)


def bios_html(font: str, size: str, gap: str) -> str:
    css = (
        "@page { size: A4; margin: 18mm; }\n"
        f".bios {{ display: flex; gap: {gap}; margin-bottom: 1em; }} .bio {{ flex: 1 1 0; text-align: justify; }}\n"
        ".bio h2 { font-size: 1.1em; }\n"
    )
    body = (
        unit_html(C.BIOS_TITLE)
        + '<div class="bios">' + "".join(unit_html(u, "bio") for u in C.BIOS) + "</div>"
        + unit_html(C.BIOS_FOOT)
    )
    return page_html(body, css, font, size)


def overlap_html(font: str, size: str) -> str:
    css = (
        "@page { size: A4; margin: 20mm; }\n"
        ".unit { position: relative; margin-bottom: 1.2em; }\n"
        ".ghost { position: absolute; top: -0.55em; right: -0.2em; font-size: 2.4em; white-space: nowrap; "
        "opacity: 0.1; }\n"
        ".num { position: absolute; top: -0.35em; right: 0.1em; font-size: 3em; color: #ececec; }\n"
        ".phase { padding-right: 0.6em; }\n"
    )
    first, *phases = C.OVERLAP
    ghost, *numbers = C.OVERLAP_DECOR
    body = unit_html(first, extra=f'<div class="ghost">{esc(ghost)}</div>')
    body += "".join(unit_html(u, "unit phase", f'<div class="num">{esc(n)}</div>') for u, n in zip(phases, numbers))
    return page_html(body, css, font, size)


def shadow_html(font: str, size: str) -> str:
    css = (
        "@page { size: A4; margin: 20mm; }\n"
        ".unit { position: relative; margin-bottom: 1.2em; }\n"
        "h2 { font-size: 1.6em; }\n"
        ".shadow h2 { text-shadow: 0.12em 0.1em 0 #8a8a8a; }\n"
        ".badge { position: absolute; top: 0.1em; left: 0; color: #fff; background: #c0392b; "
        "font-size: 1.1em; font-weight: bold; padding: 0 0.3em; }\n"
    )
    first, second = C.SHADOW
    h, p = second[0][1], second[1][1]
    body = unit_html(first, "unit shadow")
    # The badge sits over the heading's left end (the heading runs across the page).
    body += (f'<div class="unit"><h2 style="text-align: justify; text-align-last: justify">{esc(h)}</h2>'
             f'<span class="badge">{esc(C.BADGE)}</span><p>{esc(p)}</p></div>')
    return page_html(body, css, font, size)


def contacts_html(font: str, size: str, gap: str, ltr_lines: bool = False) -> str:
    """``ltr_lines``: the address lines set as left-to-right paragraphs
    (``dir="ltr"``: flush left on the right-to-left page)."""
    css = (
        "@page { size: A4; margin: 20mm; }\n"
        f".offices {{ display: flex; gap: {gap}; margin-top: 1em; }} .office {{ flex: 1 1 0; }}\n"
    )
    body = (
        "".join(unit_html(u, ltr_lines=ltr_lines) for u in C.CONTACTS)
        + '<div class="offices">' + "".join(unit_html(u, "office", ltr_lines=ltr_lines) for u in C.OFFICES) + "</div>"
    )
    return page_html(body, css, font, size)


def justified_html(font: str, size: str, spacing: str) -> str:
    css = (
        "@page { size: A4; margin: 20mm; }\n"
        f"p {{ text-align: justify; letter-spacing: {spacing}; }} .unit {{ width: 55%; }}\n"
    )
    return page_html("".join(unit_html(u) for u in C.JUSTIFIED), css, font, size)


def flow_html(font: str, size: str, gap: str, top: str, grid: bool = False) -> str:
    """Two stretches of two columns between full-width text, each column
    starting with a heading. The first stretch's first headings have no
    space above them (one baseline), a later one 1 em; the second's have
    ``top`` above them, which a browser keeps in the first column and may
    drop after the column break. ``grid``: the first stretch is a CSS grid,
    not ``column-count``."""
    shared = (".shared { display: grid; grid-template-columns: 1fr 1fr; column-gap: " + gap + "; }\n" if grid
              else ".shared { column-count: 2; column-gap: " + gap + "; }\n")
    css = (
        "@page { size: A4; margin: 18mm; }\n"
        f".cols {{ column-count: 2; column-gap: {gap}; }} .shared, .cols {{ margin: 0.8em 0; }}\n" + shared +
        f".cols h2 {{ margin-top: {top}; break-after: avoid; }}\n"
        ".shared h2 { margin-top: 1em; } .shared h2:first-child { margin-top: 0; }\n"
        ".foot { margin-top: 1.5em; }\n"
    )
    body = (
        unit_html(C.FLOW_TITLE)
        + '<div class="shared">' + "".join(unit_html(u) for u in C.FLOW_SHARED) + "</div>"
        + unit_html(C.FLOW_MIDDLE)
        + '<div class="cols">' + "".join(unit_html(u) for u in C.FLOW_OFFSET) + "</div>"
        + unit_html(C.FLOW_FOOT, "unit foot")
    )
    return page_html(body, css, font, size)


def news_html(font: str, size: str, gap: str) -> str:
    """Three newspaper columns on a baseline grid (every line, headings
    included, 18 pt high; a heading one grid line below the text before
    it), so the lines of all columns share baselines; a note across the
    page below them."""
    css = (
        "@page { size: A4; margin: 18mm; }\n"
        f".cols {{ column-count: 3; column-gap: {gap}; line-height: 18pt; margin-top: 18pt; }}\n"
        ".cols p, .cols ul { margin: 0; text-align: justify; }\n"
        ".cols h2 { font-size: 1.15em; line-height: 18pt; margin: 18pt 0 0; break-after: avoid; }\n"
        ".cols .unit:first-child h2 { margin-top: 0; }\n"
    )
    body = (
        unit_html(C.FLOW_TITLE)
        + '<div class="cols">' + "".join(unit_html(u) for u in C.FLOW_SHARED + C.FLOW_OFFSET) + "</div>"
        + unit_html(C.NEWS_FOOT)
    )
    return page_html(body, css, font, size)


def weasyprint(html_text: str, pdf: Path) -> None:
    import weasyprint as wp

    wp.HTML(string=html_text, base_url=str(HERE)).write_pdf(pdf)


# --------------------------------------------------------------------------
# Flat ODT (LibreOffice)

_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""


def fodt(body: str, *, font: str, size: float, page: tuple[str, str] = ("21cm", "29.7cm"), columns: int = 1,
         gap: str = "0.6cm", justify: bool = False, extra_styles: str = "", align: str = "end") -> str:
    """A flat ODT of ``body``; ``align`` ``"end"`` sets right-to-left paragraphs
    flush right (LibreOffice reads ``"start"`` as left)."""
    text = (
        f'style:font-name="{font}" fo:font-size="{size}pt" style:font-name-complex="{font}" '
        f'style:font-size-complex="{size}pt" style:language-complex="ar" style:country-complex="SA"'
    )
    cols = f'<style:columns fo:column-count="{columns}" fo:column-gap="{gap}"/>' if columns > 1 else ""
    return _FODT_HEAD + f"""<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="start"/>
  <style:text-properties {text}/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.15cm" fo:line-height="130%" fo:text-align="{'justify' if justify else align}" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Line" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="130%" fo:text-align="{align}" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.15cm" fo:text-align="{align}" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-size="{size * 1.3:.1f}pt" style:font-size-complex="{size * 1.3:.1f}pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="H2">
  <style:paragraph-properties fo:break-before="column"/>
 </style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.4cm" fo:margin-left="0.5cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
{extra_styles}
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="{page[0]}" fo:page-height="{page[1]}" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:writing-mode="rl-tb">{cols}</style:page-layout-properties>
 </style:page-layout>
 <style:style style:name="Sect" style:family="section">
  <style:section-properties style:writing-mode="rl-tb">
   <style:columns fo:column-count="2" fo:column-gap="{gap}"/>
  </style:section-properties>
 </style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def unit_fodt(unit: C.Unit, first_style: str = "H2") -> str:
    out, in_list = [], False
    for i, (kind, text) in enumerate(unit):
        if kind == "li" and not in_list:
            out.append('<text:list text:style-name="L1">')
            in_list = True
        elif kind != "li" and in_list:
            out.append("</text:list>")
            in_list = False
        if kind == "h":
            style = first_style if i == 0 else "H2"
            out.append(f'<text:h text:style-name="{style}" text:outline-level="2">{esc(text)}</text:h>')
        elif kind == "li":
            out.append(f'<text:list-item><text:p text:style-name="Body">{esc(text)}</text:p></text:list-item>')
        elif kind == "lines":
            out.append('<text:p text:style-name="Body">' + "<text:line-break/>".join(esc(t) for t in text.split("\n")) + "</text:p>")
        else:
            out.append(f'<text:p text:style-name="Body">{esc(text)}</text:p>')
    if in_list:
        out.append("</text:list>")
    return "\n".join(out)


def trifold_fodt(font: str, size: float) -> str:
    body = "\n".join(unit_fodt(u, "H2" if i == 0 else "Break") for i, u in enumerate(C.TRIFOLD))
    return fodt(body, font=font, size=size, page=("29.7cm", "21cm"), columns=3, gap="0.8cm")


def bios_fodt(font: str, size: float) -> str:
    bios = "\n".join(unit_fodt(u, "H2" if i == 0 else "Break") for i, u in enumerate(C.BIOS))
    body = (
        unit_fodt(C.BIOS_TITLE)
        + f'\n<text:section text:style-name="Sect" text:name="Bios">\n{bios}\n</text:section>\n'
        + unit_fodt(C.BIOS_FOOT)
    )
    return fodt(body, font=font, size=size, gap="0.5cm", justify=True)


_FRAME_STYLES = """
 <style:style style:name="Card" style:family="graphic">
  <style:graphic-properties draw:fill="solid" draw:fill-color="#e3eef8" fo:background-color="#e3eef8"
   fo:border="none" fo:padding="0.2cm" style:wrap="none" style:vertical-pos="from-top" style:horizontal-pos="from-left"
   style:vertical-rel="page" style:horizontal-rel="page" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Ghost" style:family="graphic">
  <style:graphic-properties draw:fill="none" fo:border="none" fo:padding="0cm" style:wrap="run-through"
   style:run-through="background" style:vertical-pos="from-top" style:horizontal-pos="right"
   style:vertical-rel="paragraph" style:horizontal-rel="paragraph" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Faint" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" style:writing-mode="rl-tb"/>
  <style:text-properties fo:color="#ececec" fo:font-size="30pt" style:font-size-complex="30pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
"""


def cards_fodt(font: str, size: float) -> str:
    """The title and intro in the page's flow; the four cards as text frames
    on coloured boxes, two by two, at fixed places on the page; the foot below."""
    frames = []
    for k, unit in enumerate(C.CARDS):
        row, col = divmod(k, 2)
        # The first card of a row on the right: LibreOffice mirrors page
        # positions on a right-to-left page (svg:x counts from the right).
        x = 1.5 if col == 0 else 11.0
        y = 5.0 + row * 4.2
        frames.append(
            f'<draw:frame draw:style-name="Card" draw:name="Card{k}" text:anchor-type="page" text:anchor-page-number="1" '
            f'svg:x="{x}cm" svg:y="{y}cm" svg:width="8.5cm" svg:height="3.7cm" draw:z-index="{k}">'
            f"<draw:text-box>{unit_fodt(unit)}</draw:text-box></draw:frame>"
        )
    body = (
        "\n".join(frames) + "\n" + unit_fodt(C.CARDS_TITLE)
        + '\n<text:p text:style-name="Body"/>' * 0
        + f'\n<text:p text:style-name="Spacer"/>\n' + unit_fodt(C.CARDS_FOOT)
    )
    spacer = (
        ' <style:style style:name="Spacer" style:family="paragraph">\n'
        '  <style:paragraph-properties fo:margin-top="8.6cm"/>\n </style:style>\n'
    )
    return fodt(body, font=font, size=size, extra_styles=_FRAME_STYLES + spacer)


def overlap_fodt(font: str, size: float) -> str:
    """Each unit's decoration in a frame anchored to the unit's heading, run
    through in the background, over the heading's right end."""
    units = []
    for k, (unit, decor) in enumerate(zip(C.OVERLAP, C.OVERLAP_DECOR)):
        frame = (
            f'<draw:frame draw:style-name="Ghost" draw:name="Ghost{k}" text:anchor-type="paragraph" '
            f'svg:y="-0.45cm" svg:width="12cm" svg:height="1.5cm" draw:z-index="{k}">'
            f'<draw:text-box><text:p text:style-name="Faint">{esc(decor)}</text:p></draw:text-box></draw:frame>'
        )
        (kind, title), rest = unit[0], unit[1:]
        units.append(f'<text:h text:style-name="H2" text:outline-level="2">{frame}{esc(title)}</text:h>\n' + unit_fodt(rest))
    spacer = (
        ' <style:style style:name="Gap" style:family="paragraph">\n'
        '  <style:paragraph-properties fo:margin-bottom="0.8cm"/>\n </style:style>\n'
    )
    body = '\n<text:p text:style-name="Gap"/>\n'.join(units)
    return fodt(body, font=font, size=size, extra_styles=_FRAME_STYLES + spacer)


def shadow_fodt(font: str, size: float) -> str:
    """The first heading with LibreOffice's character shadow (drawn as a
    grey copy); the badge in a frame over the second heading's left end."""
    first, second = C.SHADOW
    frame = (
        '<draw:frame draw:style-name="Badge" draw:name="Badge" text:anchor-type="paragraph" '
        'svg:y="0cm" svg:width="1.6cm" svg:height="0.9cm" draw:z-index="1">'
        f'<draw:text-box><text:p text:style-name="BadgeText">{esc(C.BADGE)}</text:p></draw:text-box></draw:frame>'
    )
    body = (
        f'<text:h text:style-name="Shadowed" text:outline-level="2">{esc(first[0][1])}</text:h>\n'
        + unit_fodt(first[1:])
        + f'\n<text:h text:style-name="Wide" text:outline-level="2">{frame}{esc(second[0][1])}</text:h>\n'
        + unit_fodt(second[1:])
    )
    styles = (
        ' <style:style style:name="Shadowed" style:family="paragraph" style:parent-style-name="H2">\n'
        '  <style:text-properties fo:text-shadow="0.08cm 0.06cm" fo:font-size="20pt" style:font-size-complex="20pt"/>\n'
        ' </style:style>\n'
        ' <style:style style:name="Wide" style:family="paragraph" style:parent-style-name="H2">\n'
        '  <style:paragraph-properties fo:text-align="justify" fo:text-align-last="justify"/>\n'
        '  <style:text-properties fo:font-size="20pt" style:font-size-complex="20pt"/>\n'
        ' </style:style>\n'
        ' <style:style style:name="Badge" style:family="graphic">\n'
        '  <style:graphic-properties draw:fill="solid" draw:fill-color="#c0392b" fo:background-color="#c0392b" fo:border="none"\n'
        '   fo:padding="0cm" style:wrap="run-through" style:run-through="foreground" style:vertical-pos="from-top"\n'
        '   style:horizontal-pos="left" style:vertical-rel="paragraph" style:horizontal-rel="paragraph"/>\n'
        ' </style:style>\n'
        ' <style:style style:name="BadgeText" style:family="paragraph">\n'
        '  <style:paragraph-properties fo:text-align="center" style:writing-mode="rl-tb"/>\n'
        '  <style:text-properties fo:color="#ffffff" fo:font-size="14pt" style:font-size-complex="14pt" fo:font-weight="bold" style:font-weight-complex="bold"/>\n'
        ' </style:style>\n'
    )
    return fodt(body, font=font, size=size, extra_styles=styles)


def contacts_fodt(font: str, size: float) -> str:
    offices = "\n".join(unit_fodt(u, "H2" if i == 0 else "Break") for i, u in enumerate(C.OFFICES))
    body = (
        "\n".join(unit_fodt(u) for u in C.CONTACTS)
        + f'\n<text:section text:style-name="Sect" text:name="Offices">\n{offices}\n</text:section>\n'
    )
    return fodt(body, font=font, size=size)


def justified_fodt(font: str, size: float) -> str:
    body = "\n".join(unit_fodt(u) for u in C.JUSTIFIED)
    return fodt(body, font=font, size=size, page=("13cm", "29.7cm"), justify=True)


# --------------------------------------------------------------------------
# Word files (python-docx), printed by LibreOffice


def contacts_docx(pdf: Path, font: str, size: float, units: list[C.Unit] | None = None, offices: bool = True,
                  rtl_lines: bool = False) -> None:
    """The contacts page as a Word user types it: Arabic paragraphs
    right-to-left (``w:bidi``), the address lines as left-to-right
    paragraphs (flush left), the English sentence left to right; the two
    offices in a two-column section after a continuous section break."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(int(size * 2)))
    rpr.append(size_cs)

    def para(text: str, rtl: bool, heading: bool = False, breaks: bool = False):
        p = doc.add_paragraph()
        if rtl:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        lines = text.split("\n")
        for k, line in enumerate(lines):
            run = p.add_run(line)
            if heading:
                run.bold = True
                run.font.size = Pt(size * 1.4)
                r = run._r.get_or_add_rPr()
                for tag in ("w:bCs",):
                    r.append(OxmlElement(tag))
                sz = OxmlElement("w:szCs")
                sz.set(qn("w:val"), str(int(size * 2.8)))
                r.append(sz)
            if rtl:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            if breaks and k < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        return p

    def unit(u: C.Unit) -> None:
        for kind, text in u:
            if kind == "h":
                para(text, True, heading=True)
            elif kind == "lines":
                para(text, rtl_lines, breaks=True)
            elif kind == "lines_ltr":
                para(text, False, breaks=True)
            elif kind == "p_ltr":
                para(text, False)
            else:
                latin = sum(c.isascii() and c.isalpha() for c in text) > sum("\u0600" <= c <= "\u06ff" for c in text)
                para(text, not latin)

    for u in units or C.CONTACTS:
        unit(u)
    if not offices:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / (pdf.stem + ".docx")
            doc.save(path)
            libreoffice(path, pdf)
        return
    section = doc.add_section(WD_SECTION.CONTINUOUS)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "567")
    bidi = OxmlElement("w:bidi")
    section._sectPr.append(bidi)
    first, second = C.OFFICES
    unit(first)
    doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.COLUMN)
    unit(second)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (pdf.stem + ".docx")
        doc.save(path)
        libreoffice(path, pdf)


def flow_fodt(font: str, size: float) -> str:
    """The flow page in LibreOffice: each stretch a 2-column section whose
    second column starts at a column break before its heading; the text
    after each section with 0.6 cm above it (the HTML pages' margins)."""
    def section(name: str, units: list[C.Unit]) -> str:
        inner = "\n".join(unit_fodt(u, "H2" if i == 0 else "Break") for i, u in enumerate(units))
        return f'<text:section text:style-name="Sect" text:name="{name}">\n{inner}\n</text:section>\n'

    body = (
        unit_fodt(C.FLOW_TITLE) + "\n" + section("Shared", C.FLOW_SHARED)
        + unit_fodt(C.FLOW_MIDDLE).replace('"Body"', '"Foot"') + "\n"
        + section("Offset", C.FLOW_OFFSET) + unit_fodt(C.FLOW_FOOT).replace('"Body"', '"Foot"')
    )
    foot = (
        ' <style:style style:name="Foot" style:family="paragraph" style:parent-style-name="Body">\n'
        '  <style:paragraph-properties fo:margin-top="0.6cm"/>\n </style:style>\n'
    )
    return fodt(body, font=font, size=size, gap="0.8cm", extra_styles=foot)


def lo(fodt_text: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / (pdf.stem + ".fodt")
        doc.write_text(fodt_text, encoding="utf-8")
        libreoffice(doc, pdf)


# --------------------------------------------------------------------------
# The fixtures

def _units(*groups) -> list[C.Unit]:
    out: list[C.Unit] = []
    for g in groups:
        if g and isinstance(g[0], tuple):
            out.append(g)
        else:
            out.extend(g)
    return out


# name: (producer, what, make(pdf), units in reading order)
FIXTURES = {
    "trifold-chromium": ("chromium", "A4 landscape, 3 panels, 7 mm gaps, Noto Naskh 10.5pt",
                         lambda p: chromium(trifold_html("Noto Naskh Arabic", "10.5pt", "7mm"), p), _units(C.TRIFOLD)),
    "trifold-weasyprint": ("weasyprint", "A4 landscape, 3 panels, 5 mm gaps, Noto Sans Arabic 10pt",
                           lambda p: weasyprint(trifold_html("Noto Sans Arabic", "10pt", "5mm"), p), _units(C.TRIFOLD)),
    "trifold-libreoffice": ("libreoffice", "A4 landscape page in 3 columns, column breaks, Noto Kufi 9.5pt",
                            lambda p: lo(trifold_fodt("Noto Kufi Arabic", 9.5), p), _units(C.TRIFOLD)),
    "cards-chromium": ("chromium", "title, 2×2 cards on rounded coloured boxes with 4 mm gaps, foot; Noto Naskh 11pt",
                       lambda p: chromium(cards_html("Noto Naskh Arabic", "11pt", "4mm", "3mm"), p),
                       _units(C.CARDS_TITLE, C.CARDS, C.CARDS_FOOT)),
    "cards-weasyprint": ("weasyprint", "title, 2×2 cards on coloured boxes with 3 mm gaps, foot; KacstOne 11pt",
                         lambda p: weasyprint(cards_html("KacstOne", "11pt", "3mm", "0", flex=True), p),
                         _units(C.CARDS_TITLE, C.CARDS, C.CARDS_FOOT)),
    "cards-libreoffice": ("libreoffice", "title, 2×2 text frames on coloured boxes, foot; Amiri 11pt",
                          lambda p: lo(cards_fodt("Amiri", 11), p), _units(C.CARDS_TITLE, C.CARDS, C.CARDS_FOOT)),
    "features-chromium": ("chromium", "title, 2×2 feature blocks without boxes, 8 mm apart; Noto Naskh 11pt",
                          lambda p: chromium(features_html("Noto Naskh Arabic", "11pt", "8mm"), p),
                          _units(C.FEATURES_TITLE, C.FEATURES)),
    "features-weasyprint": ("weasyprint", "the same, WeasyPrint (wrapping flex row), 7 mm apart; Amiri 11pt",
                            lambda p: weasyprint(features_html("Amiri", "11pt", "7mm", flex=True), p),
                            _units(C.FEATURES_TITLE, C.FEATURES)),
    "grid-chromium": ("chromium", "3×3 framed cards, centred, 3 mm gaps; Noto Sans Arabic 10pt",
                      lambda p: chromium(grid_html("Noto Sans Arabic", "10pt", "3mm"), p), _units(C.GRID_TITLE, C.GRID)),
    "grid-weasyprint": ("weasyprint", "3×3 framed cards, centred, 2 mm gaps; Noto Naskh 10pt",
                        lambda p: weasyprint(grid_html("Noto Naskh Arabic", "10pt", "2mm", flex=True), p), _units(C.GRID_TITLE, C.GRID)),
    "bios-chromium": ("chromium", "title, two justified bios side by side 5 mm apart, full-width section; Amiri 12pt",
                      lambda p: chromium(bios_html("Amiri", "12pt", "5mm"), p), _units(C.BIOS_TITLE, C.BIOS, C.BIOS_FOOT)),
    "bios-weasyprint": ("weasyprint", "title, two justified bios side by side 4 mm apart, full-width section; Noto Naskh 11pt",
                        lambda p: weasyprint(bios_html("Noto Naskh Arabic", "11pt", "4mm"), p),
                        _units(C.BIOS_TITLE, C.BIOS, C.BIOS_FOOT)),
    "bios-libreoffice": ("libreoffice", "title, a 2-column section (0.5 cm gap, column break), full-width section; KacstOne 11pt",
                         lambda p: lo(bios_fodt("KacstOne", 11), p), _units(C.BIOS_TITLE, C.BIOS, C.BIOS_FOOT)),
    "flow-chromium": ("chromium", "two stretches of 2 columns between full-width text, each column starting with a "
                      "heading: a CSS grid (headings on one baseline), then column-count with 1.5 em above the "
                      "headings (the second column's heading higher, its margin dropped at the column break); "
                      "Noto Naskh 12pt",
                      lambda p: chromium(flow_html("Noto Naskh Arabic", "12pt", "10mm", "1.5em", grid=True), p),
                      _units(C.FLOW_TITLE, C.FLOW_SHARED, C.FLOW_MIDDLE, C.FLOW_OFFSET, C.FLOW_FOOT)),
    "flow-weasyprint": ("weasyprint", "the same in column-count stretches, 0.8 em above the second stretch's "
                        "headings; Amiri 12pt",
                        lambda p: weasyprint(flow_html("Amiri", "12pt", "8mm", "0.8em"), p),
                        _units(C.FLOW_TITLE, C.FLOW_SHARED, C.FLOW_MIDDLE, C.FLOW_OFFSET, C.FLOW_FOOT)),
    "flow-libreoffice": ("libreoffice", "the same in two 2-column sections, column breaks before the second "
                         "headings; Noto Naskh 11pt",
                         lambda p: lo(flow_fodt("Noto Naskh Arabic", 11), p),
                         _units(C.FLOW_TITLE, C.FLOW_SHARED, C.FLOW_MIDDLE, C.FLOW_OFFSET, C.FLOW_FOOT)),
    "news-chromium": ("chromium", "3 newspaper columns on an 18 pt baseline grid (headings share baselines with "
                      "the other columns' lines), a note across the page below; Noto Naskh 11pt",
                      lambda p: chromium(news_html("Noto Naskh Arabic", "11pt", "6mm"), p),
                      _units(C.FLOW_TITLE, C.FLOW_SHARED, C.FLOW_OFFSET, C.NEWS_FOOT)),
    "news-weasyprint": ("weasyprint", "the same, WeasyPrint; Noto Sans Arabic 10.5pt",
                        lambda p: weasyprint(news_html("Noto Sans Arabic", "10.5pt", "6mm"), p),
                        _units(C.FLOW_TITLE, C.FLOW_SHARED, C.FLOW_OFFSET, C.NEWS_FOOT)),
    "overlap-chromium": ("chromium", "faint copy of a heading behind it (opacity 0.1), light numbers behind titles; Noto Naskh 12pt",
                         lambda p: chromium(overlap_html("Noto Naskh Arabic", "12pt"), p), _units(C.OVERLAP)),
    "overlap-weasyprint": ("weasyprint", "the same, WeasyPrint; Amiri 12pt",
                           lambda p: weasyprint(overlap_html("Amiri", "12pt"), p), _units(C.OVERLAP)),
    "overlap-libreoffice": ("libreoffice", "light text in frames run through behind the headings; Noto Naskh 12pt",
                            lambda p: lo(overlap_fodt("Noto Naskh Arabic", 12), p), _units(C.OVERLAP)),
    "shadow-chromium": ("chromium", "a heading with a grey text-shadow, a badge over the end of a justified heading; Noto Naskh 12pt",
                        lambda p: chromium(shadow_html("Noto Naskh Arabic", "12pt"), p), _units(C.SHADOW)),
    "shadow-libreoffice": ("libreoffice", "a heading with a character shadow, a badge frame over a justified heading; Amiri 12pt",
                           lambda p: lo(shadow_fodt("Amiri", 12), p), _units(C.SHADOW)),
    "contacts-chromium": ("chromium", "address lines right-aligned, phone numbers, two offices side by side; Noto Naskh 12pt",
                          lambda p: chromium(contacts_html("Noto Naskh Arabic", "12pt", "6mm"), p), _units(C.CONTACTS, C.OFFICES)),
    "contacts-weasyprint": ("weasyprint", "the same, WeasyPrint; Amiri 12pt",
                            lambda p: weasyprint(contacts_html("Amiri", "12pt", "5mm"), p), _units(C.CONTACTS, C.OFFICES)),
    "contacts-libreoffice": ("libreoffice", "the same, LibreOffice, offices in a 2-column section; Noto Kufi 10.5pt",
                             lambda p: lo(contacts_fodt("Noto Kufi Arabic", 10.5), p), _units(C.CONTACTS, C.OFFICES)),
    "addresses-chromium": ("chromium", "the contacts page with its address lines as left-to-right paragraphs; Noto Naskh 12pt",
                           lambda p: chromium(contacts_html("Noto Naskh Arabic", "12pt", "6mm", ltr_lines=True), p),
                           _units(C.CONTACTS, C.OFFICES)),
    "addresses-weasyprint": ("weasyprint", "the same, WeasyPrint; Noto Sans Arabic 11pt",
                             lambda p: weasyprint(contacts_html("Noto Sans Arabic", "11pt", "5mm", ltr_lines=True), p),
                             _units(C.CONTACTS, C.OFFICES)),
    "addresses-docx": ("libreoffice", "a Word file (python-docx): Arabic paragraphs right to left, address lines and the English "
                       "sentence left to right, offices in a 2-column section; printed by LibreOffice; Amiri 12pt",
                       lambda p: contacts_docx(p, "Amiri", 12), _units(C.CONTACTS, C.OFFICES)),
    "mixed-chromium": ("chromium", "an address in the page's right-to-left paragraphs, another and two English notes in "
                       "left-to-right ones; Noto Naskh 12pt",
                       lambda p: chromium(page_html(unit_html(C.MIXED[0]), "@page { size: A4; margin: 20mm; }",
                                                    "Noto Naskh Arabic", "12pt"), p), _units(C.MIXED)),
    "mixed-docx": ("libreoffice", "the same as a Word file (python-docx) printed by LibreOffice; Amiri 12pt",
                   lambda p: contacts_docx(p, "Amiri", 12, C.MIXED, offices=False, rtl_lines=True), _units(C.MIXED)),
    "justified-libreoffice": ("libreoffice", "justified narrow column, kashida justification; Amiri 12pt",
                              lambda p: lo(justified_fodt("Amiri", 12), p), _units(C.JUSTIFIED)),
    "justified-chromium": ("chromium", "justified, 0.08 em letter spacing; Noto Naskh 12pt",
                           lambda p: chromium(justified_html("Noto Naskh Arabic", "12pt", "0.08em"), p), _units(C.JUSTIFIED)),
    "justified-weasyprint": ("weasyprint", "justified, 0.08 em letter spacing; Noto Naskh 12pt",
                             lambda p: weasyprint(justified_html("Noto Naskh Arabic", "12pt", "0.08em"), p), _units(C.JUSTIFIED)),
}


def main(names: list[str]) -> None:
    expected = {}
    for name, (producer, what, make, units) in FIXTURES.items():
        expected[name + ".pdf"] = {"producer": producer, "layout": what, "units": units}
        if names and name not in names:
            continue
        print("making", name)
        make(HERE / (name + ".pdf"))
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
