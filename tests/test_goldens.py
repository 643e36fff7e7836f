"""Goldens stay trustworthy: a regenerating run never passes, and the documented
forms of the data are checked by hand-written rules, not only against goldens
(which a regeneration would rewrite)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.models import Section

from .conftest import REGEN_OPTIONS, ROOT

def _pytest_on_a_sample_golden(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    """Run pytest, with this suite's conftest as a plugin, on a one-test file
    with its own golden in ``tmp_path`` (a regeneration rewrites nothing of
    the repository)."""
    test = tmp_path / "test_sample.py"
    test.write_text("def test_sample(file_regression):\n    file_regression.check('same text\\n')\n")
    (tmp_path / "test_sample").mkdir()
    (tmp_path / "test_sample" / "test_sample.txt").write_text("same text\n")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest", *options, str(test)],
        cwd=ROOT, capture_output=True, text=True,
    )


@pytest.mark.parametrize("option", REGEN_OPTIONS)
def test_a_run_that_regenerates_goldens_fails(tmp_path: Path, option: str):
    result = _pytest_on_a_sample_golden(tmp_path, option)
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "golden files were regenerated" in result.stdout
    assert "git diff tests/ output/" in result.stdout


def test_without_regeneration_the_sample_golden_passes(tmp_path: Path):
    result = _pytest_on_a_sample_golden(tmp_path)
    assert result.returncode == 0, result.stdout


# The matching form, as documented (pipeline/models.py, README "CSV conventions"):
# no diacritics (tashkeel), no tatweel; أ إ آ ٱ → ا, ى → ي, ة → ه; ASCII digits.
_NOT_IN_MATCHING_FORM = re.compile("[\u064b-\u065f\u0670\u0640\u0623\u0625\u0622\u0671\u0649\u0629\u0660-\u0669\u06f0-\u06f9]")


def test_text_normalized_is_in_the_documented_matching_form(brochure_record):
    assert "matching form" in Section.model_fields["text_normalized"].description
    for section in brochure_record.sections:
        bad = _NOT_IN_MATCHING_FORM.findall(section.text_normalized)
        assert not bad, (section.heading, bad)
    # one section, written by hand from the source: أ إ → ا, ة → ه, ى → ي
    heading = "الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005"
    first = next(s for s in brochure_record.sections if s.heading == heading)
    assert first.text_normalized.startswith("الاجتماع العالمي الاول للعمليات التشاوريه الاقليميه بشان الهجره: 2005\n")
    assert "وركزوا علي اهميه عقد اجتماع عالمي للعمليات التشاوريه الاقليميه" in first.text_normalized
