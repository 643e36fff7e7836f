"""Batch runs: encodings, duplicates, incremental reruns, workers, interruption."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import run
from pipeline.batch import UsageError, discover

from .conftest import BROCHURE_TXT, ROOT, SOURCES, alive, children


def comparable(record_path: Path):
    data = json.loads(record_path.read_text("utf-8"))
    return data["meetings"], data["sections"], data["contact"]


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1256", b"")],
)
def test_encodings_give_the_records_of_the_utf8_source(tmp_path: Path, encoding: str, bom: bytes):
    # ◆ has no Windows-1256 code: the list marker becomes "-", the items stay the same.
    text = BROCHURE_TXT.read_text("utf-8").replace("◆", "-")
    src = tmp_path / "src"
    src.mkdir()
    (src / "ref.txt").write_text(text, encoding="utf-8")
    (src / "enc.txt").write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    report = run([src], tmp_path / "out", workers=1)
    assert report.totals["ok"] == 2, report.sources
    assert comparable(tmp_path / "out" / "enc.json") == comparable(tmp_path / "out" / "ref.json")


def test_duplicates_unsupported_files_and_id_conflicts(tmp_path: Path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes(BROCHURE_TXT.read_bytes())
    (src / "sub" / "copy.md").write_bytes(BROCHURE_TXT.read_bytes())  # same bytes: a duplicate
    (src / "sub" / "a.md").write_bytes(BROCHURE_TXT.read_bytes() + b"\n")  # same id "a", other content
    (src / "image.png").write_bytes(b"\x89PNG")
    (src / ".hidden.txt").write_text("x")
    report = run([src], tmp_path / "out", workers=1)
    by_name = {Path(s.source).name: s for s in report.sources}
    assert set(by_name) == {"a.txt", "copy.md", "a.md", "image.png"}
    assert by_name["a.txt"].status == "ok"
    assert (by_name["copy.md"].status, by_name["copy.md"].error_kind) == ("skipped", "duplicate")
    assert "a.txt" in by_name["copy.md"].message
    assert (by_name["a.md"].status, by_name["a.md"].error_kind) == ("failed", "document_id_conflict")
    assert (by_name["image.png"].status, by_name["image.png"].error_kind) == ("skipped", "unsupported_format")


def test_globs_and_missing_inputs(tmp_path: Path):
    assert discover([str(SOURCES / "*.txt")]) == [SOURCES / "global-rcp-meetings-ar.txt"]
    with pytest.raises(UsageError, match="no such file"):
        discover([tmp_path / "missing"])
    with pytest.raises(UsageError, match="matches no file"):
        discover([str(tmp_path / "*.pdf")])


def test_rerun_skips_unchanged_sources_and_keeps_other_outputs(tmp_path: Path):
    out = tmp_path / "out"
    first = run([SOURCES], out, workers=1)
    assert first.totals["ok"] == 2
    second = run([SOURCES], out, workers=1)
    assert second.totals == {"ok": 0, "failed": 0, "skipped": 0, "unchanged": 2}
    forced = run([SOURCES], out, workers=1, force=True)
    assert forced.totals["ok"] == 2
    # a run on one source keeps the other document in the combined tables
    run([BROCHURE_TXT], out, workers=1, force=True)
    ids = {line.split(",")[0] for line in (out / "meetings.csv").read_text("utf-8").splitlines()[1:]}
    assert ids == {"global-rcp-meetings-ar", "global-rcp-meetings-ar-edition2"}


def test_workers_do_not_change_the_output(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"copy{i}.txt").write_bytes(BROCHURE_TXT.read_bytes() + b"\n" * i)
    (src / "edition2.md").write_bytes((SOURCES / "global-rcp-meetings-ar-edition2.md").read_bytes())
    run([src], tmp_path / "w1", workers=1)
    run([src], tmp_path / "w2", workers=2)
    names = sorted(p.name for p in (tmp_path / "w1").iterdir() if p.name != "run_report.json")
    assert names == sorted(p.name for p in (tmp_path / "w2").iterdir() if p.name != "run_report.json")
    for name in names:
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes(), name


def test_killed_run_leaves_previous_output_intact_and_rerun_completes(tmp_path: Path):
    src, out, ref = tmp_path / "src", tmp_path / "out", tmp_path / "ref"
    src.mkdir()
    old_text = BROCHURE_TXT.read_bytes()
    for i in range(40):
        (src / f"b{i:02d}.txt").write_bytes(old_text + b"\n" * i)
    assert run([src], out, workers=1).totals["ok"] == 40
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "run_report.json"}
    # a new edition of every source: the run must rewrite every output
    new_text = old_text.replace("حكومة بيرو".encode(), "حكومة جمهورية بيرو".encode())
    for i in range(40):
        (src / f"b{i:02d}.txt").write_bytes(new_text + b"\n" * i)
    run([src], ref, workers=1)
    after = {p.name: p.read_bytes() for p in ref.iterdir() if p.name != "run_report.json"}

    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), "--workers", "1", "-q"], cwd=ROOT
    )
    first = out / "b00.json"
    deadline = time.monotonic() + 60
    while first.read_bytes() == before["b00.json"] and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    # every file is whole: its previous bytes or its new bytes, never half of one;
    # the manifest is rewritten after each document, so it is whole but in between
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert len(manifest["documents"]) == 40
    states = {
        name: ("old" if (out / name).read_bytes() == data else "new")
        for name, data in before.items()
        if name != "manifest.json"
    }
    for name, state in states.items():
        if state == "new":
            assert (out / name).read_bytes() == after[name], name
    assert states["b00.json"] == "new" and states["meetings.csv"] == "old"
    assert "old" in {states[f"b{i:02d}.json"] for i in range(40)}, "killed too late to show anything"

    rerun = run([src], out, workers=1)
    assert rerun.totals["failed"] == 0 and rerun.totals["ok"] + rerun.totals["unchanged"] == 40
    assert not list(out.glob(".*.tmp"))
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "run_report.json"} == after


def test_output_files_get_the_usual_permissions(tmp_path: Path):
    old = os.umask(0o022)
    try:
        run([BROCHURE_TXT], tmp_path, workers=1)
    finally:
        os.umask(old)
    for path in tmp_path.iterdir():
        assert path.stat().st_mode & 0o777 == 0o644, path.name


def test_sources_named_like_output_files_fail_instead_of_being_overwritten(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("manifest.txt", "datapackage.md", "run_report.txt"):
        (src / name).write_bytes(BROCHURE_TXT.read_bytes() + name.encode())
    report = run(src, tmp_path / "out", workers=1)  # a single path is accepted too
    assert {(s.status, s.error_kind) for s in report.sources} == {("failed", "document_id_conflict")}
    assert "rename the source" in report.sources[0].message
    assert not (tmp_path / "out" / "manifest.json").exists()
    assert "resources" in json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))
    assert json.loads((tmp_path / "out" / "run_report.json").read_text("utf-8"))["totals"]["failed"] == 3


def test_unchanged_sources_keep_their_warnings_and_counts(tmp_path: Path):
    first = run([SOURCES], tmp_path, workers=1)
    again = run([SOURCES], tmp_path, workers=1)
    assert again.totals["unchanged"] == 2
    assert [(s.meetings, s.warnings) for s in again.sources] == [(s.meetings, s.warnings) for s in first.sources]
    assert any(s.warnings for s in again.sources)


def test_no_files_at_all_is_bad_usage(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no files found"):
        run([tmp_path / "empty"], tmp_path / "out")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and PR_SET_PDEATHSIG")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_run_leaves_no_worker_behind(tmp_path: Path, sig):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(60):
        (src / f"b{i:02d}.txt").write_bytes(BROCHURE_TXT.read_bytes() + b"\n" * i)
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(tmp_path / "out"), "--workers", "2", "-q"],
        cwd=ROOT,
    )
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = children(proc.pid)
        time.sleep(0.01)
    assert workers, "no worker started"
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(w) for w in workers)
    if sig == signal.SIGTERM:
        assert proc.returncode == 130  # handled like Ctrl-C


def _collector_settings(_task) -> tuple[int, bool]:
    import gc

    return gc.get_threshold()[0], gc.get_freeze_count() > 0


def test_workers_freeze_what_they_inherit_and_collect_young_objects_less_often():
    import functools
    import gc
    import logging

    from pipeline.batch import _init_worker
    from pipeline.isolation import GC_THRESHOLD, Limits, run_isolated

    before = gc.get_threshold()
    results = list(run_isolated(
        _collector_settings, ["x"], workers=1, limits=Limits(),
        setup=functools.partial(_init_worker, logging.WARNING, None),
    ))
    assert [r[1] for r in results] == [(GC_THRESHOLD, True)]
    assert gc.get_threshold() == before  # the parent's collector is left as it was


def test_the_command_line_restores_the_collector_it_tunes(tmp_path):
    import gc

    from pipeline.cli import main

    before = gc.get_threshold()
    assert main(["extract", str(BROCHURE_TXT), "--out", str(tmp_path / "out")]) == 0
    assert gc.get_threshold() == before
