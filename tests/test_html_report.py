"""``extract --html-report``: ``run_report.html`` beside ``run_report.json``.

Checked with a real HTML parser (selectolax): the totals, every source,
every failure with its kind, message and page, every warning with its page
and thumbnail (the thumbnail's size and the warning's box in its pixels),
links that resolve, hostile text shown as text; and, when a Chromium is
installed, that the page renders without console errors.
"""

from __future__ import annotations

import base64
import io
import shutil

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.batch import run
from pipeline.cli import main
from pipeline.inspect import THUMBNAIL_DPI, inspect_source
from pipeline.inspect.draw import WARNING_COLOUR, rgb
from pipeline.inspect.run_report import REPORT_HTML_NAME, warning_place, write_html_report
from pipeline.models import DocumentRecord
from pipeline.report import Diagnostic
from pipeline.report import RunReport, SourceReport

from .conftest import DATA
from .test_inspect import CHROMIUM, _assert_links_resolve, _ids, _near, console_messages

HIJRI = DATA / "kinds" / "hijri-dates.pdf"  # two meeting warnings on page 1 (Chromium, A4)
A4 = (595.2756, 841.8898)
HOSTILE_DATE = '<script>alert(1)</script> "onload="alert(2)'
HOSTILE_TXT = (
    "# عنوان\n\n## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005\n\n"
    "المضيف: المنظمة الدولية للهجرة\n\n"
    f"تاريخ ومكان الانعقاد: {HOSTILE_DATE}\n"
)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A batch with an ok PDF with warnings, an ok text with hostile values, a failure, a skip, then a rerun."""
    root = tmp_path_factory.mktemp("batch")
    src = root / "src"
    src.mkdir()
    shutil.copy(HIJRI, src / "hijri-dates.pdf")
    shutil.copy(DATA / "bad" / "truncated.pdf", src / "truncated.pdf")
    (src / "hostile.txt").write_text(HOSTILE_TXT, "utf-8")
    (src / '"onload=alert(3)" <img src=x onerror=alert(4)>.csv').write_text("a,b\n", "utf-8")
    out = root / "out"
    first = run([src], out, workers=1, html_report=True)
    first_html = (out / REPORT_HTML_NAME).read_text("utf-8")
    # an inspect page made afterwards is linked on the next run
    inspect_source(src / "hijri-dates.pdf", out / "inspect")
    second = run([src], out, workers=1, html_report=True)
    return out, first, HTMLParser(first_html), second, HTMLParser((out / REPORT_HTML_NAME).read_text("utf-8"))


def test_the_batch_at_a_glance(batch):
    out, report, tree, rerun, tree2 = batch
    assert report.totals == {"ok": 2, "failed": 1, "skipped": 1, "unchanged": 0}
    for status, count in report.totals.items():
        assert tree.css_first(f"#total-{status} b").text() == str(count)
    assert rerun.totals == {"ok": 0, "failed": 1, "skipped": 1, "unchanged": 2}
    assert tree2.css_first("#total-unchanged b").text() == "2"
    rows = tree.css("#sources tr[id^=src-]")
    assert [r.css_first("td").text() for r in rows] == [s.source for s in report.sources]
    assert [r.css_first(".status").text() for r in rows] == [s.status for s in report.sources]
    # each processed source with its time
    for row, entry in zip(rows, report.sources):
        if "total" in entry.seconds:
            assert f"{entry.seconds['total']:.2f} s" in row.text()


def test_each_failure_with_its_kind_message_and_page(batch):
    _, report, tree, _, _ = batch
    cards = tree.css("#failures .card")
    bad = [s for s in report.sources if s.status in ("failed", "skipped")]
    assert len(cards) == len(bad) == 2
    for card, entry in zip(cards, bad):
        assert card.css_first(".status").text() == entry.status
        assert card.css_first(".head code").text() == entry.error_kind
        assert card.css_first("p").text() == entry.message
    assert {e.error_kind for e in bad} == {"corrupt_pdf", "unsupported_format"}


def test_each_warning_with_its_page_and_a_thumbnail_with_its_box(batch):
    out, report, tree, _, _ = batch
    cards = tree.css("#warnings .card")
    warnings = [(s, w) for s in report.sources for w in s.warnings]
    assert len(cards) == len(warnings) >= 4
    record = DocumentRecord.model_validate_json((out / "hijri-dates.json").read_bytes())
    pdf_cards = 0
    for card, (entry, w) in zip(cards, warnings):
        assert card.css_first("p").text() == w.message
        head = card.css_first(".head").text()
        assert (f"page {w.page}" in head) if w.page is not None else (f"line {w.line}" in head)
        img = card.css_first("img")
        if not entry.source.endswith(".pdf"):
            assert img is None  # text sources: the line, no picture
            continue
        pdf_cards += 1
        data = img.attributes["src"]
        assert data.startswith("data:image/png;base64,")
        with Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))) as thumb:
            thumb = thumb.convert("RGB")
        scale = THUMBNAIL_DPI / 72
        assert abs(thumb.size[0] - A4[0] * scale) <= 1 and abs(thumb.size[1] - A4[1] * scale) <= 1
        page, boxes = warning_place(w, record)
        assert page == w.page == 1
        if w.meeting is None:
            continue  # the page alone
        # the warning's meeting's blocks are outlined (2 px, 2 px outside each box) on the page
        assert boxes
        for box in boxes:
            y = round(box.bottom * scale + 1)
            hits = [_near(thumb.getpixel((round(x), y + d)), rgb(WARNING_COLOUR), 90)
                    for x in (box.x0 * scale + (box.x1 - box.x0) * scale * k / 6 for k in range(1, 6))
                    for d in (-1, 0, 1)]
            assert sum(hits) >= 5
        # and the other meetings' blocks are not
        other = next(m for m in record.meetings if m.number != w.meeting)
        _, other_boxes = warning_place(Diagnostic(code="x", message="x", page=1, meeting=other.number), record)
        for box in other_boxes:
            if all(abs(box.top - b.top) > 3 for b in boxes):
                y = round(box.bottom * scale + 1)
                x = round((box.x0 + box.x1) / 2 * scale)
                assert not any(_near(thumb.getpixel((x, y + d)), rgb(WARNING_COLOUR), 90) for d in (-1, 0, 1))
    assert pdf_cards == 2


def test_warning_boxes_come_from_the_meeting_section(batch):
    out = batch[0]
    record = DocumentRecord.model_validate_json((out / "hijri-dates.json").read_bytes())
    # no meeting: the page, no box; no record (a failed source): the same
    assert warning_place(Diagnostic(code="x", message="m", page=1), record) == (1, [])
    assert warning_place(Diagnostic(code="x", message="m", page=3, meeting=2), None) == (3, [])
    # a meeting without a page: the meeting's page and its section's blocks, found by its heading
    meeting = next(m for m in record.meetings if m.number == 2)
    (section,) = [s for s in record.sections if s.heading == meeting.title]
    page, boxes = warning_place(Diagnostic(code="x", message="m", meeting=2), record)
    assert page == 1
    assert [(b.x0, b.top, b.x1, b.bottom) for b in boxes] == [
        (b.bbox.x0, b.bbox.top, b.bbox.x1, b.bbox.bottom) for b in section.blocks
    ]
    # an unknown meeting number: no box
    assert warning_place(Diagnostic(code="x", message="m", page=1, meeting=99), record) == (1, [])


def test_links_resolve_and_the_inspect_page_is_linked_when_made(batch):
    out, _, tree, rerun, tree2 = batch
    _assert_links_resolve(tree, out)
    _assert_links_resolve(tree2, out)
    assert [a.attributes["href"] for a in tree.css("#sources a") if "inspect" in a.attributes["href"]] == []
    links = [a.attributes["href"] for a in tree2.css("#sources a") if a.text() == "inspect"]
    assert links == ["inspect/hijri-dates/index.html"]
    ids = _ids(tree2)
    with_warnings = [k for k, s in enumerate(rerun.sources, start=1) if s.warnings]
    assert len(with_warnings) == 2 and all(f"warn-{k}" in ids for k in with_warnings)


def test_hostile_text_is_shown_as_text(batch):
    out, report, tree, _, _ = batch
    html = (out / REPORT_HTML_NAME).read_text("utf-8")
    assert tree.css("script") == []
    for node in tree.css("*"):
        assert not any(name.startswith("on") for name in node.attributes), node.tag
    messages = [p.text() for p in tree.css("#warnings .card p")]
    assert any(HOSTILE_DATE in m for m in messages)
    skipped = next(s for s in report.sources if s.status == "skipped")
    assert '<img src=x onerror=alert(4)>' in skipped.source
    assert any(skipped.source == td.text() for td in tree.css("#sources td"))
    assert "<script>" not in html.split("</style>", 1)[1]


def test_deterministic_but_for_times(batch, tmp_path):
    out, report, _, _, _ = batch
    a = write_html_report(report, out).read_bytes()
    b = write_html_report(report, out).read_bytes()
    assert a == b
    later = report.model_copy(update={"elapsed_seconds": report.elapsed_seconds + 5, "started_at": "2030-01-01T00:00:00+00:00"})
    c = write_html_report(later, out).read_bytes()
    diff = {line for line in c.decode().splitlines()} ^ {line for line in a.decode().splitlines()}
    assert diff and all("started" in line for line in diff)


def test_failure_with_a_page_gets_a_thumbnail_of_it(tmp_path):
    report = RunReport(
        pipeline_version="0", pipeline_fingerprint="f" * 64, schema_version="0", started_at="2000-01-01T00:00:00+00:00",
        elapsed_seconds=0.1, timeout_seconds=300, max_memory_mb=2048,
        workers=1, totals={"ok": 0, "failed": 1, "skipped": 0, "unchanged": 0},
        sources=[SourceReport(source=str(HIJRI), document_id="hijri-dates", status="failed", error_kind="corrupt_pdf",
                              message=f"{HIJRI}, page 1: the page cannot be read", page=1, seconds={"total": 0.1})],
    )
    tree = HTMLParser(write_html_report(report, tmp_path).read_text("utf-8"))
    card = tree.css_first("#fail-1")
    assert "page 1" in card.css_first(".head").text()
    assert card.css_first("img").attributes["src"].startswith("data:image/png;base64,")


def test_cli_flag_writes_the_report(tmp_path):
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE_TXT, "utf-8")
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--html-report", "-q", "--workers", "1"]) == 0
    assert (tmp_path / "out" / REPORT_HTML_NAME).is_file()
    assert main(["extract", str(src), "--out", str(tmp_path / "plain"), "-q", "--workers", "1"]) == 0
    assert not (tmp_path / "plain" / REPORT_HTML_NAME).exists()


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (install the Debian package chromium)")
def test_report_renders_in_chromium_without_console_errors(batch):
    out = batch[0]
    assert console_messages(out / REPORT_HTML_NAME) == []
