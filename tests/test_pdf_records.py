"""The brochure typeset as PDF by three producers gives the records of the
text source, field for field; bad PDFs fail clearly beside good sources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import extract_source, run
from pipeline.read.pdf_backend import PdfDocument

from .conftest import BROCHURE_TXT, dediac, without_provenance

DATA = Path(__file__).resolve().parent / "data"
PDFS = {
    "chromium": "global-rcp-meetings-ar.chromium-noto-naskh.pdf",
    "libreoffice": "global-rcp-meetings-ar.libreoffice-noto-naskh.pdf",
    "reportlab": "global-rcp-meetings-ar.reportlab-presentation-forms.pdf",
}
ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0653)}


def pdf_has_marks(path: Path) -> bool:
    return any(g.text in ARABIC_MARKS for page in PdfDocument(path, path.read_bytes()).pages() for g in page.glyphs)


@pytest.fixture(scope="module")
def text_record():
    return extract_source(BROCHURE_TXT).record


@pytest.mark.parametrize("producer", PDFS)
def test_pdf_gives_the_records_of_the_text_source(producer, text_record):
    path = DATA / "pdf" / PDFS[producer]
    result = extract_source(path)
    pdf = result.record.model_dump(mode="json")
    txt = text_record.model_dump(mode="json")
    got = without_provenance({"meetings": pdf["meetings"], "contact": pdf["contact"]})
    want = without_provenance({"meetings": txt["meetings"], "contact": txt["contact"]})
    if not pdf_has_marks(path):
        # ReportLab's pre-shaped text carries no tashkeel glyphs at all: the
        # diacritics are not in the PDF, so they are compared without them.
        got, want = dediac(got), dediac(want)
    assert got == want
    assert result.warnings == []
    assert pdf["document"]["title"] == txt["document"]["title"]
    assert pdf["document"]["format"] == "pdf"


@pytest.mark.parametrize("producer, pages", [("chromium", 5), ("libreoffice", 6), ("reportlab", 5)])
def test_pages_and_provenance(producer, pages):
    record = extract_source(DATA / "pdf" / PDFS[producer]).record
    assert record.document.page_count == pages
    for item in [*record.meetings, *record.sections]:
        p = item.provenance
        assert p.page is not None and 1 <= p.page <= p.page_end <= pages
        assert p.line_start is None
    assert [m.provenance.page for m in record.meetings][0] == 2
    assert record.sections[0].provenance.page == 1
    assert [s.kind for s in record.sections] == ["text", *["meeting"] * 7, "contact", "publisher", "figure_legend"]


@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])
def test_sections_equal_the_text_sources(producer, text_record):
    record = extract_source(DATA / "pdf" / PDFS[producer]).record
    assert [(s.kind, s.heading, s.bullets) for s in record.sections] == [
        (s.kind, s.heading, s.bullets) for s in text_record.sections
    ]
    pdf_paragraphs = [p for s in record.sections for p in s.paragraphs]
    assert pdf_paragraphs == [p for s in text_record.sections for p in s.paragraphs]


def test_bad_pdfs_fail_clearly_beside_good_sources(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "pdf" / PDFS["libreoffice"], src / "good.pdf")
    shutil.copy(BROCHURE_TXT, src / "good-text.txt")
    for name in ("encrypted-user-password.pdf", "truncated.pdf", "scanned-image-only.pdf"):
        shutil.copy(DATA / "bad" / name, src / name)
    (src / "fake.pdf").write_text("not a pdf at all", encoding="utf-8")
    (src / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    report = run([src], out, workers=2, ocr="never")
    by_name = {Path(s.source).name: s for s in report.sources}
    kinds = {name: (s.status, s.error_kind) for name, s in by_name.items()}
    assert kinds == {
        "good.pdf": ("ok", None),
        "good-text.txt": ("ok", None),
        "encrypted-user-password.pdf": ("failed", "encrypted_pdf"),
        "truncated.pdf": ("failed", "corrupt_pdf"),
        "scanned-image-only.pdf": ("failed", "no_text_layer"),
        "fake.pdf": ("failed", "not_a_pdf"),
        "empty.pdf": ("failed", "empty_file"),
    }
    messages = {name: s.message for name, s in by_name.items() if s.status == "failed"}
    assert len(set(messages.values())) == len(messages)  # distinct
    for name, message in messages.items():
        assert message.startswith(str(src / name))
    assert "OCR" in messages["scanned-image-only.pdf"]
    assert "password" in messages["encrypted-user-password.pdf"]
    assert json.loads((out / "good.json").read_text("utf-8"))["document"]["page_count"] == 6
    assert (out / "good-text.json").is_file()


def test_password_opens_an_encrypted_pdf(tmp_path: Path):
    report = run([DATA / "bad" / "encrypted-user-password.pdf"], tmp_path, workers=1, password="secret")
    assert report.totals == {"ok": 1, "failed": 0, "skipped": 0, "unchanged": 0}
    record = json.loads((tmp_path / "encrypted-user-password.json").read_text("utf-8"))
    assert len(record["meetings"]) == 7
    wrong = run([DATA / "bad" / "encrypted-user-password.pdf"], tmp_path / "w", workers=1, password="nope")
    assert wrong.sources[0].error_kind == "encrypted_pdf" and "wrong" in wrong.sources[0].message


@pytest.mark.parametrize("producer", PDFS)
def test_golden_pdf_record(producer, file_regression):
    from pipeline.write import record_json

    record = extract_source(DATA / "pdf" / PDFS[producer]).record
    file_regression.check(record_json(record).decode("utf-8"), extension=".json", encoding="utf-8")
