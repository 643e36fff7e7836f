"""``inspect``: page images with the pipeline's decisions drawn, and an HTML page per source.

The images are checked where it matters: their size, and the colour of the
pixels on each block's outline (where the record says the block is, not
where the drawing code thinks it is). The HTML is parsed with a real HTML
parser (selectolax): every block is listed, every link resolves, hostile
text stays text.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.cli import main
from pipeline.core import extract_source
from pipeline.inspect import DEFAULT_DPI, inspect_source, parse_pages
from pipeline.inspect.draw import KIND_COLOURS, VALUE_COLOURS, Transform, draw_page, open_pdf, render_page, rgb
from pipeline.inspect.view import build_view
from pipeline.models import Box, DateMention, Provenance
from pipeline.read.pdf import trace_pdf

from .conftest import DATA, SOURCES

TWO_COLUMNS = DATA / "pdf" / "two-columns.pdf"  # title, headings, paragraphs, drawn-bullet list (ReportLab)
RUNNING_HEADS = DATA / "pdf" / "running-heads.pdf"  # three pages, header, footer, page number
HIJRI = DATA / "kinds" / "hijri-dates.pdf"  # five meetings on one page (Chromium)
A4 = (595.2756, 841.8898)  # points
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def two_columns(tmp_path_factory):
    out = tmp_path_factory.mktemp("inspect")
    return inspect_source(TWO_COLUMNS, out), extract_source(TWO_COLUMNS)


@pytest.fixture(scope="module")
def running_heads(tmp_path_factory):
    out = tmp_path_factory.mktemp("inspect")
    return inspect_source(RUNNING_HEADS, out), extract_source(RUNNING_HEADS)


# --- images ---------------------------------------------------------------------


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tol: int = 40) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel, colour)) <= tol


def _outline_hits(image: Image.Image, bbox, colour: tuple[int, int, int], scale: float, pad: float = 2.0) -> float:
    """Share of points sampled along the box's outline (drawn ``pad`` px outside it) that have ``colour``
    within a pixel or two across the edge."""
    left, top = bbox.x0 * scale - pad, bbox.top * scale - pad
    right, bottom = bbox.x1 * scale + pad, bbox.bottom * scale + pad
    points = []
    for k in range(1, 10):  # bottom edge, left and right edges; the top carries the tag
        x = left + (right - left) * k / 10
        points.append([(round(x), round(bottom) + d) for d in (-2, -1, 0, 1)])
        y = top + (bottom - top) * k / 10
        points.append([(round(left) + d, round(y)) for d in (-1, 0, 1, 2)])
        points.append([(round(right) + d, round(y)) for d in (-2, -1, 0, 1)])
    hits = sum(any(_near(image.getpixel(p), colour) for p in across) for across in points)
    return hits / len(points)


def test_page_image_has_the_page_size_at_the_resolution(two_columns):
    result, _ = two_columns
    assert [p.name for p in result.images] == ["page-001.png"]
    with Image.open(result.images[0]) as image:
        width, height = image.size
    assert abs(width - A4[0] * DEFAULT_DPI / 72) <= 1 and abs(height - A4[1] * DEFAULT_DPI / 72) <= 1


def test_each_block_is_outlined_in_its_kind_colour_where_the_record_puts_it(two_columns):
    result, extraction = two_columns
    document = extraction.document
    nodes = [("title", document.title)] + [(n.kind, n) for _, n in document.nodes()]
    kinds = {kind for kind, _ in nodes}
    assert {"title", "heading", "paragraph", "list_item"} <= kinds  # the fixture has them all
    scale = DEFAULT_DPI / 72
    with Image.open(result.images[0]) as image:
        image = image.convert("RGB")
        for kind, node in nodes:
            colour = rgb(KIND_COLOURS[kind])
            assert _outline_hits(image, node.bbox, colour, scale) >= 0.8, (kind, node.text.display)
            # another kind's colour is not there: the colour is the block's own
            other = rgb(KIND_COLOURS["list_item" if kind != "list_item" else "paragraph"])
            assert _outline_hits(image, node.bbox, other, scale) <= 0.1
        # and nothing is drawn where there is no block (the empty bottom of the page)
        empty = image.crop((0, round(700 * scale), image.size[0], round(780 * scale)))
        assert empty.getcolors(1) == [(empty.size[0] * empty.size[1], (255, 255, 255))]


def test_record_boxes_and_drawn_boxes_agree(two_columns):
    """The record's block boxes (what users read in JSON) are the ones drawn."""
    result, extraction = two_columns
    scale = DEFAULT_DPI / 72
    blocks = [b for s in extraction.record.sections for b in s.blocks if b.bbox is not None]
    assert blocks
    with Image.open(result.images[0]) as image:
        image = image.convert("RGB")
        for b in blocks:
            kind = "paragraph" if b.type == "paragraph" else b.type
            assert _outline_hits(image, b.bbox, rgb(KIND_COLOURS[kind]), scale) >= 0.8


def test_running_heads_are_drawn_dropped_on_every_page(running_heads):
    result, extraction = running_heads
    assert [p.name for p in result.images] == ["page-001.png", "page-002.png", "page-003.png"]
    scale = DEFAULT_DPI / 72
    for block, _ in extraction.document.furniture:
        with Image.open(result.images[block.page - 1]) as image:
            # dashed: about half of the outline is drawn
            assert _outline_hits(image.convert("RGB"), block.bbox, rgb(KIND_COLOURS[block.role]), scale) >= 0.3


def test_a_value_is_highlighted_on_its_line_not_its_whole_block(tmp_path):
    """A date mention carries its block's box; the highlight goes on the line that holds it."""
    extraction = extract_source(HIJRI)
    traces = trace_pdf(HIJRI)
    field = next(
        n for _, n in extraction.document.nodes() if n.kind == "field" and "1443" in n.text.display
    )
    # a two-line box: the field and the line above it, so the span must pick one line
    line = next(ln for r in traces[0].regions for ln in r if "1443" in ln.text)
    above = max((ln for r in traces[0].regions for ln in r if ln.bbox.bottom <= line.bbox.top), key=lambda ln: ln.bbox.top)
    box = Box(x0=min(line.bbox.x0, above.bbox.x0), top=above.bbox.top, x1=max(line.bbox.x1, above.bbox.x1), bottom=line.bbox.bottom)
    mention = DateMention(
        text="1443", start=dt.date(2021, 8, 9), end=dt.date(2022, 7, 29), precision="year", calendar="hijri",
        hijri="1443", bbox=box, provenance=Provenance(page=1, page_end=1),
    )
    record = extraction.record.model_copy(update={"dates": [mention]})
    view = build_view(record, extraction.document, traces)
    (value,) = [v for v in view.values if v.kind == "date"]
    assert [(p.page, p.bbox) for p in value.places] == [(1, line.bbox)]
    assert value.block is None or view.blocks[value.block - 1].text
    pdf = open_pdf(HIJRI)
    try:
        image, t = render_page(pdf, 1, DEFAULT_DPI)
    finally:
        pdf.close()
    drawn = draw_page(image, t, None, [], [value], 1)  # the value alone, over the page
    left, top, right, bottom = t.box(line.bbox)
    bar = drawn.getpixel((round((left + right) / 2), round(bottom)))  # the highlighter's underline
    assert _near(bar, rgb(VALUE_COLOURS["date"]), 60), bar
    left, top, right, bottom = t.box(above.bbox)
    assert not _near(drawn.getpixel((round((left + right) / 2), round(bottom))), rgb(VALUE_COLOURS["date"]), 60)
    assert field.bbox is not None
    # a mention with a page but no box (found in a running head, say) is looked for on its page's lines
    boxless = mention.model_copy(update={"bbox": None})
    view = build_view(extraction.record.model_copy(update={"dates": [boxless]}), extraction.document, traces)
    (value,) = [v for v in view.values if v.kind == "date"]
    assert [(p.page, p.bbox) for p in value.places] == [(1, line.bbox)]
    assert value.block is not None and "1443" in view.blocks[value.block - 1].text


def test_transform_moves_boxes_by_the_crop_offset():
    t = Transform(2.0, dx=10.0, dy=20.0)
    from pipeline.read.blocks import BBox

    assert t.box(BBox(10, 20, 30, 50)) == (0.0, 0.0, 40.0, 60.0)


# --- HTML -------------------------------------------------------------------------


def _ids(tree: HTMLParser) -> set[str]:
    return {n.attributes["id"] for n in tree.css("[id]")}


def _assert_links_resolve(tree: HTMLParser, folder: Path) -> None:
    ids = _ids(tree)
    for a in tree.css("a[href]"):
        href = a.attributes["href"]
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            target = href.split("#", 1)[0]
            assert (folder / target).is_file(), href
    for img in tree.css("img[src]"):
        src = img.attributes["src"]
        assert src.startswith("data:image/png;base64,") or (folder / src).is_file(), src


def test_html_lists_every_block_in_reading_order_and_links_both_ways(two_columns):
    result, extraction = two_columns
    tree = HTMLParser(result.html.read_text("utf-8"))
    document = extraction.document
    expected = [document.title.text.display] + [n.text.display for _, n in document.nodes()]
    items = tree.css("li.block")
    assert [li.css_first("p, dd, table").text() if li.css_first("dl") is None else li.css_first("dd").text()
            for li in items] == expected
    ids = _ids(tree)
    for k, li in enumerate(items, start=1):
        assert li.attributes["id"] == f"b{k}"
        # block → its box on the page, box → the block
        (link,) = [a for a in li.css(".head a") if a.attributes["href"].startswith("#box-")]
        box_id = link.attributes["href"][1:]
        assert box_id in ids
        rect = tree.css_first(f"rect#{box_id}")
        assert rect.parent.attributes["href"] == f"#b{k}"
    _assert_links_resolve(tree, result.html.parent)


def test_html_boxes_are_where_the_blocks_are(two_columns):
    """The clickable boxes over the image use the page's points: a box's rectangle is the block's bbox."""
    result, extraction = two_columns
    tree = HTMLParser(result.html.read_text("utf-8"))
    svg = tree.css_first("#page-1 svg")
    with Image.open(result.images[0]) as image:
        width, height = image.size
    # the image's extent in points (PDFium rounds the page up to whole pixels)
    # (selectolax < 0.4.5 gives attribute names lower-cased, as HTML parsing does outside SVG)
    attributes = {k.lower(): v for k, v in svg.attributes.items()}
    view_box = [float(x) for x in attributes["viewbox"].split()]
    assert view_box == pytest.approx([0, 0, width * 72 / DEFAULT_DPI, height * 72 / DEFAULT_DPI], abs=0.01)
    assert view_box == pytest.approx([0, 0, A4[0], A4[1]], abs=72 / DEFAULT_DPI)
    title = extraction.document.title.bbox
    rect = tree.css_first("rect#box-1")
    x, y = float(rect.attributes["x"]), float(rect.attributes["y"])
    w, h = float(rect.attributes["width"]), float(rect.attributes["height"])
    assert (x, y, x + w, y + h) == pytest.approx((title.x0 - 2, title.top - 2, title.x1 + 2, title.bottom + 2), abs=0.01)


def test_dropped_running_heads_are_listed_as_dropped(running_heads):
    result, extraction = running_heads
    tree = HTMLParser(result.html.read_text("utf-8"))
    dropped = tree.css("li.block.dropped")
    assert len(dropped) == len(extraction.document.furniture) == 9
    assert {li.css_first(".tag").text().split(" ", 1)[1] for li in dropped} == {"header (dropped)", "footer (dropped)"}
    _assert_links_resolve(tree, result.html.parent)


def test_text_source_gets_the_page_without_images(tmp_path):
    result = inspect_source(SOURCES / "global-rcp-meetings-ar.txt", tmp_path)
    assert result.images == [] and result.error is None
    tree = HTMLParser(result.html.read_text("utf-8"))
    assert tree.css("img") == [] and tree.css("svg") == []
    extraction = extract_source(SOURCES / "global-rcp-meetings-ar.txt")
    assert len(tree.css("li.block")) == 1 + len(list(extraction.document.nodes()))
    # every meeting with its values and provenance (lines), linked to its heading block
    cards = tree.css(".card[id^=meeting-]")
    assert len(cards) == len(extraction.record.meetings) == 7
    first = extraction.record.meetings[0]
    head = cards[0].css_first(".head").text()
    assert f"lines {first.provenance.line_start}–{first.provenance.line_end}" in head
    assert "2005-04-14" in cards[0].text()
    # the Arabic text is marked right to left, the publisher's English lines keep their language
    marks = [(p.attributes.get("dir"), p.attributes.get("lang")) for p in tree.css("li.block > p")]
    assert marks.count(("auto", "en")) == 2
    assert set(marks) == {("rtl", "ar"), ("auto", "en")}
    _assert_links_resolve(tree, result.html.parent)


def test_hostile_text_is_shown_as_text(tmp_path):
    hostile = '<script>alert(1)</script> "onload="alert(2)" <img src=x onerror=alert(3)>'
    src = tmp_path / "hostile.txt"
    src.write_text(f"# عنوان {hostile}\n\nفقرة عربية {hostile}\n\n- بند {hostile}\n", "utf-8")
    result = inspect_source(src, tmp_path / "out")
    html = result.html.read_text("utf-8")
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("img") == []
    for node in tree.css("*"):
        assert not any(name.startswith("on") for name in node.attributes), node.tag
    texts = [li.css_first("p").text() for li in tree.css("li.block")]
    assert len(texts) == 3 and all(hostile in t for t in texts)
    assert "<script>" not in html.split("</style>", 1)[1]


def test_output_is_deterministic(tmp_path):
    a = inspect_source(RUNNING_HEADS, tmp_path / "a", pages=[2])
    b = inspect_source(RUNNING_HEADS, tmp_path / "b", pages=[2])
    assert a.html.read_bytes() == b.html.read_bytes()
    assert [p.read_bytes() for p in a.images] == [p.read_bytes() for p in b.images]


def test_pages_option_draws_only_those_and_removes_stale_images(tmp_path):
    inspect_source(RUNNING_HEADS, tmp_path)
    result = inspect_source(RUNNING_HEADS, tmp_path, pages=[2, 5])
    folder = tmp_path / "running-heads"
    assert sorted(p.name for p in folder.glob("*.png")) == ["page-002.png"]
    assert result.problems == ["page 5 asked for, but the PDF has 3 pages"]
    tree = HTMLParser(result.html.read_text("utf-8"))
    assert [f.attributes["id"] for f in tree.css("figure")] == ["page-2"]
    # blocks of pages not drawn are listed, without a link to a box
    first = tree.css_first("li.block")
    assert first.css(".head a") == [] and "p. 1" in first.css_first(".head").text()
    _assert_links_resolve(tree, folder)


@pytest.mark.parametrize("text, pages", [("1-3", [1, 2, 3]), ("2", [2]), ("1-2, 5,2", [1, 2, 5]), (" 3 - 4 ", [3, 4])])
def test_parse_pages(text, pages):
    assert parse_pages(text) == pages


@pytest.mark.parametrize("text", ["0", "3-1", "a", "1-", "", "1,,2", "-2"])
def test_parse_pages_refuses(text):
    with pytest.raises(ValueError):
        parse_pages(text)


def test_a_failing_pdf_still_gets_its_pages_and_the_error(tmp_path):
    result = inspect_source(DATA / "bad" / "scanned-image-only.pdf", tmp_path, ocr="never")
    assert result.error is not None and result.error.kind == "no_text_layer"
    assert len(result.images) >= 1
    tree = HTMLParser(result.html.read_text("utf-8"))
    assert "no_text_layer" in tree.css_first("#error").text()
    _assert_links_resolve(tree, result.html.parent)


def test_cli_exit_status_and_output(tmp_path, capsys):
    assert main(["inspect", str(TWO_COLUMNS), "--out", str(tmp_path), "--pages", "1"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "two-columns" / "index.html")
    assert main(["inspect", str(DATA / "bad" / "truncated.pdf"), "--out", str(tmp_path)]) == 1
    assert "FAILED" in capsys.readouterr().err
    assert (tmp_path / "truncated" / "index.html").is_file()
    with pytest.raises(SystemExit) as exc:
        main(["inspect", str(TWO_COLUMNS), "--out", str(tmp_path), "--pages", "0"])
    assert exc.value.code == 2
    assert main(["inspect", str(tmp_path / "missing.pdf"), "--out", str(tmp_path)]) == 2


# --- in a browser ------------------------------------------------------------------


def console_messages(page: Path) -> list[str]:
    """Console messages (errors, CSP violations, blocked fetches) of a page opened in headless Chromium."""
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "</html>" in proc.stdout  # it rendered the page
    return [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (install the Debian package chromium)")
def test_inspect_page_renders_in_chromium_without_console_errors(two_columns):
    result, _ = two_columns
    assert console_messages(result.html) == []
