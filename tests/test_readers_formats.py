"""The same brochure in every format gives the text source's record; the new
formats join the batch, incremental and reporting paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import extract, run
from pipeline.errors import UnsupportedFormatError
from pipeline.read import SUPPORTED_SUFFIXES, read_source

from .conftest import BROCHURE_TXT, DATA, without_provenance

# The seed brochure as a page (written by hand-made rules, parsed and saved
# by Chromium, saved by LibreOffice, in Windows-1256) and as Word files
# (LibreOffice, pandoc): see tests/data/html/make_seed.py.
SEED_FILES = [
    DATA / "html" / "global-rcp-meetings-ar.html",
    DATA / "html" / "global-rcp-meetings-ar.chromium.html",
    DATA / "html" / "global-rcp-meetings-ar.libreoffice.html",
    DATA / "html" / "global-rcp-meetings-ar.cp1256.html",
    DATA / "docx" / "global-rcp-meetings-ar.libreoffice.docx",
    DATA / "docx" / "global-rcp-meetings-ar.pandoc.docx",
]


def _comparable(record) -> dict:
    data = without_provenance(record.model_dump(mode="json"))
    for key in ("id", "source_file", "sha256", "format", "page_count"):
        data["document"].pop(key)
    # A web page's banner and footer are page furniture, which a text file has none of.
    data.pop("page_furniture")
    return data


@pytest.fixture(scope="module")
def text_record():
    return _comparable(extract(BROCHURE_TXT))


def test_the_brochure_as_markdown_gives_the_text_sources_record(tmp_path: Path, text_record):
    md = tmp_path / "global-rcp-meetings-ar.md"
    shutil.copy(BROCHURE_TXT, md)
    record = extract(md)
    assert record.document.format == "markdown"
    assert _comparable(record) == text_record
    # line provenance is the source's own
    assert [m.provenance.line_start for m in record.meetings] == [
        m.provenance.line_start for m in extract(BROCHURE_TXT).meetings
    ]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_the_brochure_as_html_and_docx_gives_the_text_sources_record(path: Path, text_record):
    record = extract(path)
    assert record.document.format == path.suffix[1:]
    assert len(record.meetings) == 7
    assert _comparable(record) == text_record


def test_html_page_chrome_stays_out_of_the_body():
    doc = read_source(DATA / "html" / "global-rcp-meetings-ar.html")
    texts = [b.text for b in doc.blocks]
    for menu in ("الرئيسية", "من نحن", "الأخبار", "Privacy"):  # navigation
        assert menu not in texts
    for hidden in ("ملفات تعريف الارتباط", "جافاسكريبت", "نص مخفي", "dataLayer"):
        assert not any(hidden in t for t in texts)
    # the banner is kept apart from the body; its skip link (to #content) is no text
    assert [b.text for b in doc.blocks if b.role == "header"] == ["International Organization for Migration"]
    assert "Skip to content" not in texts
    assert [b.text for b in doc.blocks if b.role == "footer"] == [
        "© International Organization for Migration. All rights reserved."
    ]
    contact = [b for b in doc.blocks if b.locator and b.locator.startswith("body > main > article > address")]
    assert contact[0].text == "المنظمة الدولية للهجرة" and len(contact) == 11
    web = contact[-1]
    assert web.links == (("https://www.iom.int/global-rcp-meetings", "https://www.iom.int/global-rcp-meetings"),)


def test_docx_producers_mark_headings_lists_and_links():
    for producer in ("libreoffice", "pandoc"):
        doc = read_source(DATA / "docx" / f"global-rcp-meetings-ar.{producer}.docx")
        headings = [(b.text, b.heading_level) for b in doc.blocks if b.heading_level]
        assert headings[0] == ("الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة", 2)
        assert len(headings) == 9
        assert sum(b.list_item for b in doc.blocks) == 5
        mail = next(b for b in doc.blocks if b.text.startswith("البريد الإلكتروني"))
        assert mail.links == (("grcp@iom.int", "mailto:grcp@iom.int"),)


def test_new_formats_join_the_batch_and_incremental_runs(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "html" / "global-rcp-meetings-ar.chromium.html", src / "page.htm")
    shutil.copy(DATA / "docx" / "global-rcp-meetings-ar.pandoc.docx", src / "word.DOCX")
    shutil.copy(DATA / "html" / "w3c-qa-i18n.ar.html", src / "w3c.html")
    (src / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (src / "english.html").write_text("<html lang=en><body><p>Only English here.</p></body></html>", "utf-8")
    (src / "slides.odp").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    report = run([src], out, workers=1)
    by_name = {Path(s.source).name: s for s in report.sources}
    assert (by_name["page.htm"].status, by_name["word.DOCX"].status) == ("ok", "ok")
    assert (by_name["broken.docx"].status, by_name["broken.docx"].error_kind) == ("failed", "corrupt_docx")
    assert "broken.docx" in by_name["broken.docx"].message
    assert (by_name["english.html"].status, by_name["english.html"].error_kind) == ("failed", "no_arabic_text")
    assert (by_name["w3c.html"].status, by_name["w3c.html"].meetings) == ("ok", 0)
    assert (by_name["slides.odp"].status, by_name["slides.odp"].error_kind) == ("skipped", "unsupported_format")
    formats = {line.split(",")[0]: line.split(",")[3] for line in (out / "documents.csv").read_text("utf-8").splitlines()[1:]}
    assert formats == {"page": "html", "word": "docx", "w3c": "html"}
    again = run([src], out, workers=1)
    assert {Path(s.source).name: s.status for s in again.sources if s.status == "unchanged"} == {
        "page.htm": "unchanged", "word.DOCX": "unchanged", "w3c.html": "unchanged"
    }


def test_supported_suffixes_and_the_unsupported_message(tmp_path: Path):
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"} == SUPPORTED_SUFFIXES
    odt = tmp_path / "a.odt"
    odt.write_bytes(b"PK")
    with pytest.raises(UnsupportedFormatError, match=r"a.odt: unsupported file type '.odt'; expected one of .docx, .htm"):
        read_source(odt)
