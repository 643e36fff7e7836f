"""Each source in a process of its own: hostile PDFs, time and memory limits,
dead workers, results written as they come, interruption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pipeline import run
from pipeline.errors import CorruptPdfError
from pipeline.isolation import Limits, Stopped, run_isolated

from .conftest import BROCHURE_TXT, DATA, ROOT, alive, children
from .generated_pdfs import HOSTILE, flate_bomb, repeated_deflate, self_reference

BROCHURE_PDF = DATA / "pdf" / "global-rcp-meetings-ar.chromium-noto-naskh.pdf"
# Small limits keep these tests short; the brochure PDF needs well under a
# second and a few tens of MB above the parent's size.
TIMEOUT = 6.0
MAX_MEMORY_MB = 256


def test_repeated_deflate_is_the_data_it_claims():
    block = bytes(range(256)) * 300
    for times in (1, 2, 7):
        assert zlib.decompress(repeated_deflate(block, times)) == block * times
    bomb = flate_bomb(4)  # the generator of the 2 GiB bomb, at 4 MiB
    start = bomb.index(b"stream\n") + len(b"stream\n")
    data = zlib.decompress(bomb[start : bomb.rindex(b"\nendstream")])
    assert data == b" " * (4 << 20)


@pytest.mark.hostile
def test_hostile_pdfs_fail_typed_and_the_brochure_beside_them_is_written(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for name, make in HOSTILE.items():
        (src / f"{name}.pdf").write_bytes(make())
    (src / "brochure.pdf").write_bytes(BROCHURE_PDF.read_bytes())
    report = run([src], tmp_path / "out", workers=2, timeout=TIMEOUT, max_memory_mb=MAX_MEMORY_MB)

    by_name = {Path(s.source).stem: s for s in report.sources}
    assert (by_name["brochure"].status, by_name["brochure"].meetings) == ("ok", 7)
    # which limit a file hits first depends on the machine's speed where it
    # both loops and allocates; never anything untyped, never a lost batch
    expected = {
        "self-reference": {"timeout"},  # resolves itself forever, allocating nothing
        # 2^30 form executions: bounded by the reader's form depth (16), what
        # is drawn then holds no Arabic; on a loaded machine, the timeout
        "recursive-forms": {"timeout", "no_text_layer"},
        # pdfminer's quadratic byte-by-byte retry once; the reader's own
        # interpreter reports the stream it cannot decode
        "bad-checksum": {"timeout", "corrupt_pdf"},
        "tounicode-range": {"resource_limit", "timeout"},  # 2^32 code mappings
        "path-operators": {"resource_limit", "timeout"},  # 256 MiB of operators
        # 2 GiB inflated: over the memory limit, or over the reader's 64 MB
        # budget per page (corrupt_pdf naming it)
        "flate-bomb": {"resource_limit", "corrupt_pdf"},
    }
    for name, kinds in expected.items():
        entry = by_name[name]
        assert entry.status == "failed" and entry.error_kind in kinds, (name, entry.error_kind, entry.message)
        assert entry.message.startswith((f"{src / name}.pdf: ", f"{src / name}.pdf, page "))
    rows = (tmp_path / "out" / "meetings.csv").read_text("utf-8").splitlines()
    assert len(rows) == 1 + 7 and all(r.startswith("brochure,") for r in rows[1:])
    saved = json.loads((tmp_path / "out" / "run_report.json").read_text("utf-8"))
    assert (saved["timeout_seconds"], saved["max_memory_mb"]) == (TIMEOUT, MAX_MEMORY_MB)
    assert saved["totals"] == {"ok": 1, "failed": 6, "skipped": 0, "unchanged": 0}


def _brochure_copies(src: Path, names: list[str]) -> None:
    src.mkdir()
    for i, name in enumerate(names):
        (src / f"{name}.txt").write_bytes(BROCHURE_TXT.read_bytes() + b"\n" * i)  # distinct: no duplicates


def test_time_memory_and_a_killed_worker_each_fail_typed_and_the_others_go_on(tmp_path: Path, monkeypatch):
    import pipeline.core

    real = pipeline.core.extract_source

    def misbehave(path, *, password=None, ocr="auto"):
        # runs in the forked worker, which inherits this patch
        name = Path(path).stem
        if name == "sleeps":
            time.sleep(120)
        elif name == "allocates":
            bytearray(4 << 30)
        elif name == "oom-killed":  # what the kernel's out-of-memory killer does
            os.kill(os.getpid(), signal.SIGKILL)
        elif name == "wrapped":  # a library that turns the MemoryError into its own error
            try:
                bytearray(4 << 30)
            except MemoryError as exc:
                raise CorruptPdfError(path, "the page content cannot be read (MemoryError)", page=1) from exc
        return real(path, password=password, ocr=ocr)

    monkeypatch.setattr(pipeline.core, "extract_source", misbehave)
    src = tmp_path / "src"
    _brochure_copies(src, ["allocates", "good1", "oom-killed", "sleeps", "wrapped", "good2"])
    report = run([src], tmp_path / "out", workers=2, timeout=3, max_memory_mb=64)

    kinds = {Path(s.source).stem: (s.status, s.error_kind) for s in report.sources}
    assert kinds == {
        "allocates": ("failed", "resource_limit"),
        "good1": ("ok", None),
        "good2": ("ok", None),
        "oom-killed": ("failed", "worker_died"),
        "sleeps": ("failed", "timeout"),
        "wrapped": ("failed", "resource_limit"),
    }
    messages = {Path(s.source).stem: s.message for s in report.sources}
    assert "SIGKILL" in messages["oom-killed"] and "--timeout" in messages["sleeps"]
    assert "64 MB" in messages["allocates"]
    ids = {line.split(",")[0] for line in (tmp_path / "out" / "meetings.csv").read_text("utf-8").splitlines()[1:]}
    assert ids == {"good1", "good2"}


def test_results_are_written_as_they_come_not_held_back_by_a_slow_source(tmp_path: Path, monkeypatch):
    import pipeline.core

    real = pipeline.core.extract_source
    out = tmp_path / "out"

    def slow_first(path, *, password=None, ocr="auto"):
        if Path(path).stem == "a-slow":  # first in order: waits until the later source is written
            deadline = time.monotonic() + 20
            while not (out / "b-fast.json").exists():
                if time.monotonic() > deadline:
                    raise RuntimeError("b-fast.json was not written while a-slow was running")
                time.sleep(0.02)
        return real(path, password=password, ocr=ocr)

    monkeypatch.setattr(pipeline.core, "extract_source", slow_first)
    src = tmp_path / "src"
    _brochure_copies(src, ["a-slow", "b-fast"])
    report = run([src], out, workers=2, timeout=60)
    assert [(Path(s.source).stem, s.status) for s in report.sources] == [("a-slow", "ok"), ("b-fast", "ok")]


def _quick_or_hang(task: tuple[str, Path]) -> str:
    kind, pid_file = task
    if kind == "hang":
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)
    return kind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_closing_the_pool_kills_running_tasks_without_waiting_for_them(tmp_path: Path):
    tasks = [("quick", tmp_path / "q"), ("hang", tmp_path / "h1"), ("hang", tmp_path / "h2")]
    results = run_isolated(_quick_or_hang, tasks, workers=3, limits=Limits())
    assert next(results)[:2] == (0, "quick")
    while not all(p.exists() and p.read_text() for _, p in tasks[1:]):
        time.sleep(0.01)
    pids = [int(p.read_text()) for _, p in tasks[1:]]
    assert all(alive(pid) for pid in pids)
    started = time.monotonic()
    results.close()  # what an interrupt (Ctrl-C, SIGTERM) does to the batch's loop
    assert time.monotonic() - started < 30  # the tasks would sleep 60 s: they were not waited for
    assert not any(alive(pid) for pid in pids)


def test_an_exception_escaping_the_task_is_reported_not_raised():
    results = list(run_isolated(int, ["12", "twelve"], workers=1, limits=Limits()))
    assert results[0][:2] == (0, 12)
    index, stopped, _ = results[1]
    assert index == 1 and isinstance(stopped, Stopped) and stopped.kind == "worker_died"
    assert "ValueError" in stopped.reason


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_killed_from_outside_loses_only_its_source(tmp_path: Path):
    src = tmp_path / "src"
    _brochure_copies(src, ["b1", "b2"])
    (src / "a-hangs.pdf").write_bytes(self_reference())  # first in order; never ends
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(tmp_path / "out"), "--workers", "1",
         "--timeout", "120", "-q"],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        workers = children(proc.pid)
        time.sleep(0.01)
    assert len(workers) == 1, "no worker started"
    time.sleep(0.5)  # inside its endless loop by now
    os.kill(workers.pop(), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, stderr
    report = json.loads((tmp_path / "out" / "run_report.json").read_text("utf-8"))
    kinds = {Path(s["source"]).name: (s["status"], s["error_kind"]) for s in report["sources"]}
    assert kinds == {"a-hangs.pdf": ("failed", "worker_died"), "b1.txt": ("ok", None), "b2.txt": ("ok", None)}
    assert "killed by SIGKILL" in stderr


def test_a_tight_memory_limit_is_a_resource_limit_never_a_broken_install(tmp_path):
    # Below ~25 MB the worker fails while pdfminer and its native libraries load: that is the memory
    # limit (resource_limit, the file named), not an incompatible dependency or an internal error.
    pdf = Path(__file__).parent / "data" / "pdf" / "two-columns.pdf"
    for limit in (10, 15, 20, 25, 30, 35):
        report = run([pdf], tmp_path / f"out{limit}", workers=1, timeout=TIMEOUT, max_memory_mb=limit)
        (entry,) = report.sources
        assert entry.status == "ok" or entry.error_kind == "resource_limit", (limit, entry.error_kind, entry.message)
        if entry.status != "ok":
            assert str(pdf) in entry.message
