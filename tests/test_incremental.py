"""The incremental key: a fingerprint of the code, the libraries and the runtime.

A rerun may skip a source only when the pipeline that would process it is
the one that wrote its record: same code (any file of the package), same
library versions, same Python and Unicode versions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import pipeline
from pipeline import run
from pipeline._version import code_fingerprint, dependency_versions, fingerprint

from .conftest import BROCHURE_TXT, ROOT, SOURCES

DEPS = {"pdfminer-six": "20260107", "camel-tools": "1.6.0"}
RUNTIME = "cpython (3, 11, 7) unicode 15.0.0"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / "pkg"
    shutil.copytree(Path(pipeline.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_fingerprint_changes_with_any_code_file_library_or_runtime(package: Path, tmp_path: Path):
    base = code_fingerprint(package, DEPS, runtime=RUNTIME)
    assert len(base) == 64 and base == code_fingerprint(package, dict(reversed(DEPS.items())), runtime=RUNTIME)
    moved = shutil.copytree(package, tmp_path / "elsewhere" / "pkg")
    assert code_fingerprint(moved, DEPS, runtime=RUNTIME) == base  # where the checkout is does not matter
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert code_fingerprint(package, DEPS, runtime=RUNTIME) == base  # nor compiled files

    seen = {base}

    def differs(value: str) -> None:
        assert value not in seen
        seen.add(value)

    validate = package / "profiles" / "global_meetings.py"
    validate.write_text(validate.read_text("utf-8").replace("year_order", "year_orders"), encoding="utf-8")
    differs(code_fingerprint(package, DEPS, runtime=RUNTIME))  # a change of behaviour, version unchanged
    (package / "parse" / "new.py").write_text("X = 1\n", encoding="utf-8")
    differs(code_fingerprint(package, DEPS, runtime=RUNTIME))  # a new module
    differs(code_fingerprint(package, {**DEPS, "pdfminer-six": "20251230"}, runtime=RUNTIME))  # a library upgrade
    differs(code_fingerprint(package, {**DEPS, "babel": "2.17.0"}, runtime=RUNTIME))  # a new dependency
    differs(code_fingerprint(package, DEPS, runtime="cpython (3, 12, 1) unicode 15.1.0"))  # Python, Unicode


def test_the_dependencies_are_the_installed_requirements_transitively():
    versions = dependency_versions()
    from importlib.metadata import version

    # direct (pyproject) and transitive (through pydantic, wordfreq) requirements, as installed
    assert versions["pdfminer-six"] == version("pdfminer.six")
    assert versions["msgpack"] == version("msgpack")
    assert versions["pydantic-core"] == version("pydantic-core")
    assert "torch" not in versions  # overridden away: not installed
    assert "arabic-brochure-pipeline" not in versions
    assert "pytest" not in versions  # a dev tool, not a requirement


def test_a_changed_fingerprint_redoes_unchanged_sources(tmp_path: Path, monkeypatch):
    assert run([SOURCES], tmp_path, workers=1).totals["ok"] == 2
    assert run([SOURCES], tmp_path, workers=1).totals["unchanged"] == 2
    monkeypatch.setattr("pipeline.batch.pipeline_fingerprint", lambda: "f" * 64)  # the code or a library changed
    changed = run([SOURCES], tmp_path, workers=1)
    assert changed.totals == {"ok": 2, "failed": 0, "skipped": 0, "unchanged": 0}
    assert changed.pipeline_fingerprint == "f" * 64
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert {e["fingerprint"] for e in manifest["documents"].values()} == {"f" * 64}
    assert run([SOURCES], tmp_path, workers=1).totals["unchanged"] == 2


def test_a_manifest_entry_without_fingerprint_is_redone(tmp_path: Path):
    run([BROCHURE_TXT], tmp_path, workers=1)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    entry = manifest["documents"]["global-rcp-meetings-ar"]
    del entry["fingerprint"]
    entry["pipeline_version"] = pipeline.__version__  # what a manifest of the hand-bumped version held
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    again = run([BROCHURE_TXT], tmp_path, workers=1)
    assert again.totals["ok"] == 1 and again.problems == []


def test_the_run_and_its_report_use_this_pipelines_fingerprint(tmp_path: Path):
    report = run([BROCHURE_TXT], tmp_path, workers=1)
    assert report.pipeline_fingerprint == fingerprint()
    assert json.loads((tmp_path / "run_report.json").read_text("utf-8"))["pipeline_fingerprint"] == fingerprint()


def test_a_fresh_clone_extracts_every_source_once():
    # the manifest is bookkeeping, not data: not committed, so the README's main
    # command on a fresh clone does the work ("2 ok") instead of "2 unchanged"
    tracked = subprocess.run(["git", "ls-files", "output/"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert "output/manifest.json" not in tracked.stdout.split()
    assert "output/manifest.json" in (ROOT / ".gitignore").read_text("utf-8").split()
