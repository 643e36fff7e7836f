"""Batch runs: many sources into one output folder, isolated, incremental, parallel.

* Sources are files, folders (searched recursively, hidden entries skipped) and
  glob patterns; ``.pdf``, ``.txt`` and ``.md`` are read, other files are
  reported as ``skipped``. The same content under two names (equal SHA-256)
  is processed once; the other copy is ``skipped`` as a duplicate.
* One failing source never stops the others: every typed error becomes a
  ``failed`` entry in the run report, naming the file and the reason.
* Incremental: ``manifest.json`` in the output folder records, per document,
  the source's SHA-256 and the pipeline version that wrote it; a source whose
  hash and version are unchanged (and whose JSON is there) is ``unchanged``.
* Parallel: sources are extracted in a process pool, results are written in
  the main process in source order, so output does not depend on the number
  of workers.
* Nothing lost: every file is written atomically (:mod:`pipeline.write`); the
  combined CSVs are rebuilt from all document JSON files at the end.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ._version import __version__
from .errors import PipelineError
from .models import SCHEMA_VERSION
from .read import SUPPORTED_LIST, SUPPORTED_SUFFIXES
from .report import RunReport, SourceReport, WarningEntry
from .export import write_dataset
from .write import MANIFEST_NAME, RESERVED_JSON, atomic_write, write_report

log = logging.getLogger("pipeline")
_GLOB_CHARS = frozenset("*?[")


class UsageError(Exception):
    """Bad command-line usage: a missing source, an unusable output folder (exit status 2)."""


def discover(inputs: Iterable[str | Path], *, exclude: Path | None = None) -> list[Path]:
    """Expand files, folders (recursive) and glob patterns into a sorted list of files.

    Args:
        inputs: paths or patterns (``sources/*.pdf``, ``**/*.md``).
        exclude: a folder whose contents are never sources (the output folder).

    Raises:
        UsageError: an input that is neither an existing path nor a pattern
            matching something.
    """
    found: set[Path] = set()
    excluded = exclude.resolve() if exclude else None
    for raw in inputs:
        text = str(raw)
        path = Path(text)
        if path.is_file():
            candidates: Iterable[Path] = [path]
        elif path.is_dir():
            candidates = _walk(path)
        elif _GLOB_CHARS & set(text):
            matches = [Path(m) for m in glob.glob(text, recursive=True)]
            if not matches:
                raise UsageError(f"{text}: the pattern matches no file")
            candidates = [f for m in matches for f in ([m] if m.is_file() else _walk(m))]
        else:
            raise UsageError(f"{text}: no such file or folder")
        for f in candidates:
            if excluded and _inside(f.resolve(), excluded):
                continue
            found.add(f)
    return sorted(found, key=lambda p: str(p))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --- worker side -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a worker sends back: a record or an error, with timings."""

    path: Path
    record_json: bytes | None
    meetings: int | None
    warnings: list[WarningEntry]
    seconds: dict[str, float]
    error_kind: str | None = None
    message: str | None = None
    page: int | None = None
    line: int | None = None


def _extract_one(path: Path, password: str | None, ocr: str = "auto") -> _Outcome:
    from .core import extract_source
    from .write import record_json

    started = time.perf_counter()
    try:
        result = extract_source(path, password=password, ocr=ocr)
    except PipelineError as exc:
        return _Outcome(path, None, None, [], {"total": _since(started)}, exc.kind, exc.message, exc.page, exc.line)
    except OSError as exc:
        return _Outcome(path, None, None, [], {"total": _since(started)}, "io", f"{path}: cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a bug: isolate it, report it, keep going
        log.debug("internal error on %s", path, exc_info=True)
        return _Outcome(
            path, None, None, [], {"total": _since(started)}, "internal", f"{path}: internal error {type(exc).__name__}: {exc}"
        )
    warnings = [WarningEntry(code=w.code, message=w.message, line=w.line, page=w.page, meeting=w.meeting) for w in result.warnings]
    seconds = dict(result.seconds, total=_since(started))
    return _Outcome(path, record_json(result.record), len(result.record.meetings), warnings, seconds)


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 6)


def preload() -> None:
    """Import the stages and build the lookup tables once, in this process.

    Worker processes started by ``fork`` (the default on Linux) inherit them
    instead of paying the ~0.4 s (camel-tools' character sets, CLDR and
    ISO 3166 tables) each.
    """
    from .core import extract_source  # noqa: F401  (imports every stage)
    from .normalize import to_match
    from .parse.dates import find_date_range
    from .parse.venues import country_table

    country_table()
    to_match("")
    try:
        find_date_range("")
    except ValueError:
        pass


def _init_worker(level: int, parent: int) -> None:
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to send this worker SIGTERM when its parent dies (prctl
    PR_SET_PDEATHSIG), so a killed run leaves no orphan workers behind."""
    import signal

    # The parent's SIGTERM handler (stop like Ctrl-C) is inherited by fork;
    # a worker must just die: Python-level cleanup can block on a queue
    # whose reader is gone.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


# --- the run -------------------------------------------------------------------


def _load_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
        return {k: v for k, v in data.get("documents", {}).items() if isinstance(v, dict)}
    except (OSError, ValueError):
        return {}


def _save_manifest(out_dir: Path, manifest: dict[str, dict]) -> None:
    body = {"pipeline_version": __version__, "documents": dict(sorted(manifest.items()))}
    atomic_write(out_dir / MANIFEST_NAME, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _clean_temporaries(out_dir: Path) -> None:
    """Remove temporary files left by an interrupted run."""
    for tmp in out_dir.glob(".*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def run(
    inputs: Iterable[str | Path] | str | Path,
    out_dir: Path | str,
    *,
    workers: int | None = None,
    force: bool = False,
    password: str | None = None,
    excel: bool = False,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    ocr: str = "auto",
) -> RunReport:
    """Extract every source into ``out_dir``; write JSON, CSV, manifest and run report.

    Args:
        inputs: files, folders and glob patterns (or a single one).
        out_dir: output folder (created if missing).
        workers: processes to use (default: the number of CPUs; 1 runs in-process).
        force: redo sources even when unchanged.
        password: user password for encrypted PDFs.
        excel: write the CSVs with a UTF-8 BOM (for Excel).
        progress: ``progress(iterable, total)`` wraps the iterable of finished
            sources (e.g. ``tqdm``); ``total`` is the number to extract.
        ocr: ``"auto"``, ``"always"`` or ``"never"``: when PDF pages are read
            by OCR (see :func:`pipeline.core.extract_source`).

    Returns:
        The run report (also written to ``out_dir/run_report.json``).

    Raises:
        UsageError: an input that does not exist, inputs with no file at all,
            or an output folder that cannot be created.
    """
    started_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    clock = time.perf_counter()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not out.is_dir():
        raise UsageError(f"{out}: not a folder")
    _clean_temporaries(out)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    paths = discover(inputs, exclude=out)
    if not paths:
        raise UsageError(f"no files found in {', '.join(map(str, inputs))}")
    workers = max(1, workers or os.cpu_count() or 1)

    reports: dict[Path, SourceReport] = {}
    todo: list[Path] = []
    seen_hash: dict[str, Path] = {}
    seen_id: dict[str, Path] = {}
    manifest = _load_manifest(out)
    for path in paths:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            reports[path] = SourceReport(
                source=str(path), status="skipped", error_kind="unsupported_format",
                message=f"{path}: not a file type the pipeline reads ({SUPPORTED_LIST})",
            )
            continue
        try:
            digest = _sha256(path)
        except OSError as exc:
            reports[path] = SourceReport(
                source=str(path), status="failed", error_kind="io", message=f"{path}: cannot read ({exc.strerror or exc})"
            )
            continue
        doc_id = path.stem
        if digest in seen_hash:
            reports[path] = SourceReport(
                source=str(path), document_id=None, status="skipped", error_kind="duplicate", sha256=digest,
                message=f"{path}: same content as {seen_hash[digest]}; processed once",
            )
            continue
        seen_hash[digest] = path
        if f"{doc_id}.json" in RESERVED_JSON:
            reports[path] = SourceReport(
                source=str(path), status="failed", error_kind="document_id_conflict", sha256=digest,
                message=f"{path}: document id {doc_id!r} is the name of an output file ({doc_id}.json); rename the source",
            )
            continue
        if doc_id in seen_id:
            reports[path] = SourceReport(
                source=str(path), status="failed", error_kind="document_id_conflict", sha256=digest,
                message=f"{path}: document id {doc_id!r} is already used by {seen_id[doc_id]}; rename one of them",
            )
            continue
        seen_id[doc_id] = path
        entry = manifest.get(doc_id, {})
        if (
            not force
            and entry.get("sha256") == digest
            and entry.get("pipeline_version") == __version__
            and (out / f"{doc_id}.json").is_file()
        ):
            reports[path] = SourceReport(
                source=str(path), document_id=doc_id, status="unchanged", sha256=digest,
                meetings=entry.get("meetings"),
                warnings=[WarningEntry.model_validate(w) for w in entry.get("warnings", [])],
            )
            continue
        reports[path] = SourceReport(source=str(path), document_id=doc_id, status="ok", sha256=digest)
        todo.append(path)

    for outcome in _outcomes(todo, workers, password, ocr, progress and (lambda it: progress(it, len(todo)))):
        base = reports[outcome.path]
        if outcome.record_json is None:
            reports[outcome.path] = base.model_copy(update=dict(
                status="failed", error_kind=outcome.error_kind, message=outcome.message,
                page=outcome.page, line=outcome.line, seconds=outcome.seconds,
            ))
            log.info("failed: %s", outcome.message)
            continue
        atomic_write(out / f"{base.document_id}.json", outcome.record_json)
        manifest[base.document_id] = {
            "source": outcome.path.name,
            "sha256": base.sha256,
            "pipeline_version": __version__,
            # kept so that an unchanged source still reports what it found
            "meetings": outcome.meetings,
            "warnings": [w.model_dump() for w in outcome.warnings],
        }
        _save_manifest(out, manifest)
        reports[outcome.path] = base.model_copy(update=dict(
            meetings=outcome.meetings, warnings=outcome.warnings, seconds=outcome.seconds,
        ))

    for problem in write_dataset(out, excel=excel):  # CSVs, JSONL, SQLite, Parquet, data package
        log.warning(problem)
    entries = [reports[p] for p in paths]
    totals = {status: sum(1 for e in entries if e.status == status) for status in ("ok", "failed", "skipped", "unchanged")}
    report = RunReport(
        pipeline_version=__version__, schema_version=SCHEMA_VERSION, started_at=started_at,
        elapsed_seconds=round(time.perf_counter() - clock, 3), workers=workers, totals=totals, sources=entries,
    )
    write_report(report, out)
    return report


def _outcomes(
    todo: list[Path], workers: int, password: str | None, ocr: str, progress: Callable[[Iterable], Iterable] | None
) -> Iterator[_Outcome]:
    """Extract ``todo`` in order, in-process or in a pool."""
    if not todo:
        return
    wrap = progress or (lambda it: it)
    if workers == 1 or len(todo) == 1:
        yield from wrap(_extract_one(p, password, ocr) for p in todo)
        return
    level = logging.getLogger("pipeline").getEffectiveLevel()
    preload()
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_init_worker, initargs=(level, os.getpid())) as pool:
        yield from wrap(pool.map(_extract_one, todo, [password] * len(todo), [ocr] * len(todo)))

