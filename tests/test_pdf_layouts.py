"""Layouts of real producers: block boundaries, reading order and direction
(tests/data/pdf/boundary, tests/data/pdf/kinds)."""

from __future__ import annotations

from pathlib import Path

from pipeline.normalize import to_display
from pipeline.read.pdf import read_pdf

DATA = Path(__file__).resolve().parent / "data" / "pdf"


def texts(path: Path) -> list[str]:
    return [to_display(" ".join(b.lines)) for b in read_pdf(path).body_blocks]


def test_an_aside_added_to_one_line_changes_no_other_block_boundary():
    control = texts(DATA / "boundary" / "control.pdf")
    aside = texts(DATA / "boundary" / "theme-with-aside.pdf")
    theme = "الموضوع: تعزيز التعاون بشأن الهجرة من خلال الحوار وبناء القدرات"
    assert theme in control
    assert [t.replace(" (اجتماع غابوروني الثالث)", "") for t in aside] == control
    # Title and subtitle, fields, and each contact line are blocks of their own.
    for want in (
        "الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة",
        "العمليات التشاورية بشأن الهجرة",
        "المضيف: حكومة بوتسوانا",
        "المنظمة الدولية للهجرة",
        "شعبة الشراكات الدولية",
        "17 route des Morillons",
        "P.O. Box 17",
        "1211 Geneva 19",
        "Switzerland",
        "الهاتف: +41 22 717 91 11",
    ):
        assert want in aside, want
    outcome = next(t for t in aside if t.startswith("النتيجة:"))
    assert outcome.endswith("بشأن تحديات الهجرة المعاصرة.")
