"""Shared fixtures: paths of the committed inputs, and helpers to run the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from camel_tools.utils.dediac import dediac_ar

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
OUTPUT = ROOT / "output"
DATA = Path(__file__).resolve().parent / "data"
BROCHURE_TXT = SOURCES / "global-rcp-meetings-ar.txt"
REGEN_OPTIONS = ("--force-regen", "--regen-all")
REGEN_MESSAGE = (
    "golden files were regenerated ({option}): this run cannot pass. Review every change "
    "(git diff tests/ output/; uv run python -m pipeline diff OLD NEW for records), "
    "then run `uv run pytest` without the option before committing."
)


# --- the golden-regeneration guard -------------------------------------------------
# pytest-regressions' --force-regen and --regen-all rewrite the golden files
# (--regen-all even lets every test pass): a run that regenerates must never
# look green, or a wrong change could be accepted blindly. As in Docling's
# test suite, such a run fails; the review step is in README.md ("Goldens").


def _regenerating(config) -> str | None:
    for option in REGEN_OPTIONS:
        if config.getoption(option.lstrip("-").replace("-", "_"), default=False):
            return option
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    option = _regenerating(config)
    if option:
        terminalreporter.section("golden files regenerated", sep="=", red=True, bold=True)
        terminalreporter.write_line(REGEN_MESSAGE.format(option=option), red=True)


def pytest_sessionfinish(session, exitstatus):
    if _regenerating(session.config) and exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def brochure_record():
    """The seed brochure's record, extracted once per test session."""
    from pipeline import extract

    return extract(BROCHURE_TXT)


def meeting_text(body: str, heading: str = "## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005") -> str:
    """A minimal brochure: a title, a heading and the given field lines."""
    return f"# عنوان\n\n{heading}\n\n{body}\n"


def sqlite_contents(path: Path) -> dict:
    """What a database holds, independent of the SQLite library's file layout:
    its schema and the rows of every table except FTS5 shadow tables, plus
    the result of each FTS index's integrity check."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        fts = [name for kind, name, _, sql in master if kind == "table" and sql and "VIRTUAL TABLE" in sql]
        tables = [
            name for kind, name, _, sql in master
            if kind == "table" and name not in fts and not any(name.startswith(f + "_") for f in fts)
        ]
        rows = {t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
        for f in fts:
            conn.execute(f"INSERT INTO {f}({f}) VALUES ('integrity-check')")  # raises when the index is off
        return {"master": master, "rows": rows, "user_version": conn.execute("PRAGMA user_version").fetchone()}
    finally:
        conn.close()


def without_provenance(data):
    """A record dump without its ``provenance`` entries (to compare a PDF's records with a text source's)."""
    if isinstance(data, dict):
        return {k: without_provenance(v) for k, v in data.items() if k != "provenance"}
    if isinstance(data, list):
        return [without_provenance(v) for v in data]
    return data


def dediac(data):
    """A record dump with every string's diacritics removed (camel-tools ``dediac_ar``)."""
    if isinstance(data, dict):
        return {k: dediac(v) for k, v in data.items()}
    if isinstance(data, list):
        return [dediac(v) for v in data]
    return dediac_ar(data) if isinstance(data, str) else data


def children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (exists and is not a zombie; from /proc)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
