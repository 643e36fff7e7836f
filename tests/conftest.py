"""Shared fixtures: paths of the committed inputs, and helpers to run the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
OUTPUT = ROOT / "output"
DATA = Path(__file__).resolve().parent / "data"
BROCHURE_TXT = SOURCES / "global-rcp-meetings-ar.txt"


@pytest.fixture(scope="session")
def brochure_record():
    """The seed brochure's record, extracted once per test session."""
    from pipeline import extract

    return extract(BROCHURE_TXT)


def meeting_text(body: str, heading: str = "## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005") -> str:
    """A minimal brochure: a title, a heading and the given field lines."""
    return f"# عنوان\n\n{heading}\n\n{body}\n"
