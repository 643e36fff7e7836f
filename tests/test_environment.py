"""A broken environment gives typed one-line errors and leaves the output folder usable:
odd entries in a source folder, long names, a bad manifest, things in the way in
--out, a read-only or full output folder, two runs at once, hostile file names."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import run
from pipeline.batch import lock_output
from pipeline.cli import main
from pipeline.errors import CorruptPdfError, NoTextLayerError, OutputFolderError, OutputLockedError, UsageError
from pipeline.isolation import available_cpus
from pipeline.read import read_source

from .conftest import BROCHURE_TXT, OUTPUT, ROOT
from .generated_pdfs import broken_page_tree, build_pdf, circular_page_tree

DATASET = ("documents.csv", "sections.csv", "meetings.csv", "meetings.jsonl", "brochures.sqlite", "datapackage.json")


def cli(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def by_name(report) -> dict[str, tuple[str, str | None]]:
    return {Path(s.source).name: (s.status, s.error_kind) for s in report.sources}


# --- what is a source ------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")
def test_only_regular_files_are_read_and_nothing_hangs(tmp_path: Path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "good.txt").write_bytes(BROCHURE_TXT.read_bytes())
    os.symlink("loop.txt", src / "loop.txt")  # a link to itself
    os.symlink("b.md", src / "a.md")
    os.symlink("a.md", src / "b.md")
    os.symlink("missing.pdf", src / "dangling.pdf")
    os.mkfifo(src / "pipe.txt")  # reading it would wait for a writer forever
    os.symlink("/dev/zero", src / "zero.txt")  # reading it never ends
    os.symlink(src, src / "self")  # a folder link back up: not followed
    result = cli("extract", str(src), "--out", str(out), "--workers", "1", timeout=120)
    assert result.returncode == 1, result.stderr
    report = json.loads((out / "run_report.json").read_text("utf-8"))
    found = {Path(s["source"]).name: (s["status"], s["error_kind"], s["message"]) for s in report["sources"]}
    assert set(found) == {"good.txt", "loop.txt", "a.md", "b.md", "dangling.pdf", "pipe.txt", "zero.txt"}
    assert found["good.txt"][:2] == ("ok", None)
    for name in ("loop.txt", "a.md", "b.md"):
        assert found[name][:2] == ("failed", "io") and "symbolic link loop" in found[name][2]
    assert found["dangling.pdf"][:2] == ("failed", "io") and "missing file" in found["dangling.pdf"][2]
    assert found["pipe.txt"][:2] == ("skipped", "not_a_regular_file") and "FIFO" in found["pipe.txt"][2]
    assert found["zero.txt"][:2] == ("skipped", "not_a_regular_file") and "character device" in found["zero.txt"][2]


def test_long_arabic_file_names(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    fits = "ا" * 120 + ".txt"  # 244 bytes: the record name (245 bytes) fits, its temporary file too
    too_long = "ب" * 125 + "x.txt"  # 255 bytes: legal, but <stem>.json would be 256
    assert (len(fits.encode()), len(too_long.encode())) == (244, 255)
    (src / fits).write_bytes(BROCHURE_TXT.read_bytes())
    (src / too_long).write_bytes(BROCHURE_TXT.read_bytes() + b"\n")
    report = run([src], tmp_path / "out", workers=1)
    assert by_name(report) == {fits: ("ok", None), too_long: ("failed", "output")}
    failed = next(s for s in report.sources if s.status == "failed")
    assert "too long for a file name" in failed.message
    assert (tmp_path / "out" / f"{'ا' * 120}.json").is_file()
    assert not list((tmp_path / "out").glob(".*.tmp"))


# --- the output folder -----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"[]", b'{"documents": []}', b'{"documents": {"global-rcp-meetings-ar": {"sha256": 5}}}', b"{not json", b"\xff\xfe"],
)
def test_a_manifest_of_the_wrong_shape_is_reported_and_rewritten(tmp_path: Path, content: bytes):
    (tmp_path / "manifest.json").write_bytes(content)
    first = run([BROCHURE_TXT], tmp_path, workers=1)
    assert first.totals["ok"] == 1
    assert [p.kind for p in first.problems] == ["manifest"]
    assert "manifest.json" in first.problems[0].message
    again = run([BROCHURE_TXT], tmp_path, workers=1)  # the rewritten manifest works
    assert again.totals["unchanged"] == 1 and again.problems == []


def test_folders_and_dangling_links_named_json_are_left_out_of_the_tables(tmp_path: Path):
    (tmp_path / "folder.json").mkdir()
    os.symlink("nowhere.json", tmp_path / "dangling.json")
    report = run([BROCHURE_TXT], tmp_path, workers=1)
    assert report.totals["ok"] == 1
    left = {Path(p.file).name: p.message for p in report.problems if p.kind == "left_out"}
    assert set(left) == {"folder.json", "dangling.json"}
    assert "not a regular file" in left["folder.json"] and "missing file" in left["dangling.json"]
    assert len((tmp_path / "meetings.csv").read_text("utf-8").splitlines()) == 8


def test_a_folder_in_the_way_of_the_manifest_is_an_output_error(tmp_path: Path):
    (tmp_path / "manifest.json").mkdir()
    with pytest.raises(OutputFolderError, match="manifest.json: a folder is in the way"):
        run([BROCHURE_TXT], tmp_path, workers=1)


def test_an_output_path_that_is_a_file_or_empty_is_bad_usage(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputFolderError, match="cannot create|not a folder"):
        run([BROCHURE_TXT], tmp_path / "file", workers=1)
    with pytest.raises(UsageError, match="--out is empty"):
        run([BROCHURE_TXT], "", workers=1)
    result = cli("extract", str(BROCHURE_TXT), "--out", "", cwd=tmp_path)
    assert result.returncode == 2 and "--out" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # nothing written in the current folder


def test_a_read_only_output_folder_is_a_one_line_error(tmp_path: Path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: make creating a file fail as it would
        import tempfile

        def denied(*args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    else:
        out.chmod(0o555)
    try:
        status = main(["extract", str(BROCHURE_TXT), "--out", str(out), "--workers", "1"])
    finally:
        out.chmod(0o755)
    err = capsys.readouterr().err
    assert status == 2
    assert err == f"error: {out}: cannot write in the output folder (Permission denied)\n"


def _full_disk_for(monkeypatch, *names: str) -> None:
    """Make the temporary files of ``names`` (in pipeline.write) fail like a full
    disk: their descriptor is /dev/full, where every write gives ENOSPC."""
    import tempfile

    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        fd, path = real(*args, **kwargs)
        if any(kwargs.get("prefix", "").startswith(f".{name}.") for name in names):
            full = os.open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd, path

    monkeypatch.setattr("pipeline.write.tempfile.mkstemp", mkstemp)


def _full_disk_for_sqlite(monkeypatch) -> None:
    """Make database files that SQLite writes fill up at once, as on a full
    disk (``max_page_count``: SQLite then fails with SQLITE_FULL)."""
    import sqlite3

    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        conn = real(database, *args, **kwargs)
        if str(database) != ":memory:":
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr("pipeline.export.sqlite3.connect", connect)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_keeps_the_previous_dataset_whole_and_the_folder_usable(tmp_path: Path, monkeypatch, capsys):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    source = src / "brochure.txt"
    source.write_bytes(BROCHURE_TXT.read_bytes())
    run([src], out, workers=1)
    before = {name: (out / name).read_bytes() for name in DATASET}
    source.write_bytes(BROCHURE_TXT.read_bytes().replace("حكومة بيرو".encode(), "حكومة جمهورية بيرو".encode()))

    _full_disk_for(monkeypatch, "brochures.sqlite")  # the disk fills up while the dataset is written
    _full_disk_for_sqlite(monkeypatch)  # the database file is written by SQLite itself
    status = main(["extract", str(src), "--out", str(out), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 2
    assert f"error: {out}: the dataset files could not be written (No space left on device); the previous ones are kept" in err
    assert {name: (out / name).read_bytes() for name in DATASET} == before  # all old: none replaced
    assert not list(out.glob(".*.tmp"))
    report = json.loads((out / "run_report.json").read_text("utf-8"))
    assert [p["kind"] for p in report["problems"]] == ["dataset"]

    monkeypatch.undo()
    again = run([src], out, workers=1)  # space again: the folder works, the dataset catches up
    assert again.totals["unchanged"] == 1
    assert "جمهورية بيرو" in (out / "meetings.csv").read_text("utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_record_that_cannot_be_written_fails_its_source_only(tmp_path: Path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "full.txt").write_bytes(BROCHURE_TXT.read_bytes())
    (src / "fine.txt").write_bytes(BROCHURE_TXT.read_bytes() + b"\n")
    _full_disk_for(monkeypatch, "full.json")
    report = run([src], tmp_path / "out", workers=1)
    assert by_name(report) == {"fine.txt": ("ok", None), "full.txt": ("failed", "output")}
    assert "No space left on device" in next(s.message for s in report.sources if s.status == "failed")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert set(manifest["documents"]) == {"fine"}  # no entry for a record that is not there


def test_a_second_run_into_the_same_folder_refuses_with_a_clear_message(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    with lock_output(out):  # a run in progress
        with pytest.raises(OutputLockedError, match="another run is writing into this output folder"):
            run([BROCHURE_TXT], out, workers=1)
        result = cli("extract", str(BROCHURE_TXT), "--out", str(out), "--workers", "1")
        assert result.returncode == 2
        assert result.stderr == f"error: {out}: another run is writing into this output folder; wait for it to end, or choose another --out\n"
        assert list(out.iterdir()) == []
    assert run([BROCHURE_TXT], out, workers=1).totals["ok"] == 1  # free again


# --- messages, workers, validate ---------------------------------------------------


def test_a_file_name_cannot_forge_lines_on_stderr(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "x\nFAILED forged.txt").write_bytes(b"")  # an empty file: fails with its name in the message
    (src / "good.txt").write_bytes(BROCHURE_TXT.read_bytes())
    result = cli("extract", str(src), "--out", str(tmp_path / "out"), "--workers", "1")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("FAILED")] == [
        f"FAILED {src}/x\\nFAILED forged.txt: the file is empty (no bytes, or only whitespace)"
    ]
    assert len(lines) == 2  # that line and the total


def test_workers_are_capped_at_the_usable_cpus(tmp_path: Path):
    report = run([BROCHURE_TXT], tmp_path, workers=100_000)
    assert report.workers == available_cpus()


def test_validate_reports_deeply_nested_json_and_checks_the_other_files(tmp_path: Path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "global-rcp-meetings-ar.json").write_bytes((OUTPUT / "global-rcp-meetings-ar.json").read_bytes())
    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'deep.json'}: (root): JSON nested too deeply to be read (not a document record)\n"
    assert "2 files: 1 valid, 1 invalid" in result.stderr


# --- broken page trees (in the PDF reader) ----------------------------------------

@pytest.mark.parametrize(
    "make",
    [
        circular_page_tree,  # Kids lead back to the root: today empty_file
        broken_page_tree,  # Kids is not an array: today empty_file
        lambda: build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [7] /Count 1 >>"]),
    ],
    ids=["circular", "kids-not-array", "kids-not-references"],
)
def test_a_broken_page_tree_is_a_corrupt_pdf(tmp_path: Path, make):
    path = tmp_path / "tree.pdf"
    path.write_bytes(make())
    with pytest.raises(CorruptPdfError, match="page tree"):
        read_source(path)


def test_a_page_without_a_valid_media_box_is_read_as_letter_with_a_warning(tmp_path: Path):
    # A MediaBox of two numbers (once an untyped IndexError): the page is read
    # as US Letter, as viewers do, with a warning; it holds nothing here.
    path = tmp_path / "box.pdf"
    path.write_bytes(build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0] >>",
    ]))
    with pytest.raises(NoTextLayerError):
        read_source(path)
