"""Batch runs: many sources into one output folder, isolated, incremental, parallel.

* Sources are files, folders (searched recursively, hidden entries skipped) and
  glob patterns. Only regular files are sources: a FIFO, a device or a
  socket is ``skipped`` (``not_a_regular_file``), a dangling link or a link
  loop ``failed`` (``io``); none is ever opened for reading. ``.pdf``,
  ``.txt`` and ``.md`` are read, other files are ``skipped``
  (``unsupported_format``). The same content under two names (equal
  SHA-256) is processed once; the other copy is ``skipped`` as a duplicate.
* Isolation (:mod:`pipeline.isolation`): each source is extracted in a
  process of its own, with a wall-clock limit (``timeout``) and a memory
  limit (``max_memory_mb``); a source over a limit, or whose process dies,
  fails with ``timeout``, ``resource_limit`` or ``worker_died`` and the others
  go on. One failing source never stops the others: every typed error
  becomes a ``failed`` entry in the run report, naming the file and the reason.
* Results are written as they come (each source's JSON and the manifest),
  not held back by a slow source; the dataset files (CSVs, JSON Lines,
  SQLite, data package) are rebuilt at the end from all the records in the
  folder, together (all replaced or none), so they do not depend on the
  completion order nor on the number of workers.
* Incremental: ``manifest.json`` records, per document, the source's SHA-256
  and the pipeline fingerprint that wrote it (:func:`pipeline._version.fingerprint`:
  code, library versions, Python); a source whose hash and fingerprint are
  unchanged (and whose JSON is there) is ``unchanged``. A manifest that
  cannot be read, or is of the wrong shape, is reported and rewritten.
* One run at a time: the output folder is locked (``flock`` on the folder)
  for the whole run; a second run refuses at once (:class:`OutputLockedError`).
* Nothing lost: every file is written atomically (:mod:`pipeline.write`); a
  killed run keeps the files it finished, and the next run completes the work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import gc
import glob
import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ._version import __version__
from ._version import fingerprint as pipeline_fingerprint
from .errors import (
    OutputFolderError,
    OutputLockedError,
    OutputWriteError,
    PipelineError,
    ResourceLimitError,
    SourceTimeoutError,
    UsageError,
    WorkerDiedError,
    out_of_memory,
)
from .isolation import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT,
    GC_THRESHOLD,
    Limits,
    Stopped,
    available_cpus,
    run_isolated,
)
from .models import SCHEMA_VERSION
from .read import SUPPORTED_LIST, SUPPORTED_SUFFIXES
from .report import Diagnostic, OutputProblem, RunReport, SourceReport
from .write import MANIFEST_NAME, REPORT_NAME, RESERVED_JSON, atomic_write, collect_records, write_report, write_table_files

__all__ = ["DEFAULT_MAX_MEMORY_MB", "DEFAULT_TIMEOUT", "UsageError", "discover", "run"]

log = logging.getLogger("pipeline")
_GLOB_CHARS = frozenset("*?[")

def discover(inputs: Iterable[str | Path], *, exclude: Path | None = None) -> list[Path]:
    """Expand files, folders (recursive) and glob patterns into a sorted list of entries.

    Every entry that is not a folder is listed, whatever it is (a regular
    file, a link, a FIFO…): :func:`run` decides what can be read. Links to
    folders are not followed inside folders (no loops).

    Args:
        inputs: paths or patterns (``sources/*.pdf``, ``**/*.md``).
        exclude: a folder whose contents are never sources (the output folder).

    Raises:
        UsageError: an input that is neither an existing path nor a pattern
            matching something.
    """
    found: set[Path] = set()
    excluded = os.path.realpath(exclude) if exclude else None
    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path)
        elif os.path.lexists(path):
            candidates = [path]
        elif _GLOB_CHARS & set(text):
            matches = [Path(m) for m in glob.glob(text, recursive=True)]
            if not matches:
                raise UsageError(f"{text}: the pattern matches no file")
            candidates = [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
        else:
            raise UsageError(f"{text}: no such file or folder")
        for f in candidates:
            if excluded and _inside(os.path.realpath(f), excluded):
                continue
            found.add(f)
    return sorted(found, key=lambda p: str(p))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class _NotRegular(Exception):
    """A source entry that is not a regular file (the reason says what it is)."""


_FILE_TYPES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _not_regular(mode: int) -> str | None:
    for test, what in _FILE_TYPES:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file"


def _sha256(path: Path) -> str:
    """SHA-256 of a regular file, opened without blocking (a FIFO swapped in
    after discovery cannot hang the run).

    Raises:
        _NotRegular: not a regular file.
        OSError: cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        what = _not_regular(os.fstat(fd).st_mode)
        if what:
            raise _NotRegular(what)
        h = hashlib.sha256()
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _unreadable(path: Path) -> SourceReport | None:
    """The report of an entry that cannot be a source (not a regular file, a
    broken link), or ``None`` for a regular file. Nothing is opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            reason = "a symbolic link loop"
        elif path.is_symlink() and exc.errno == errno.ENOENT:
            reason = "a symbolic link to a missing file"
        else:
            reason = f"cannot be read ({exc.strerror or exc})"
        return SourceReport(source=str(path), status="failed", error_kind="io", message=f"{path}: {reason}")
    what = _not_regular(mode)
    if what:
        return SourceReport(
            source=str(path), status="skipped", error_kind="not_a_regular_file",
            message=f"{path}: {what}, not a regular file; not read",
        )
    return None


# --- worker side -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a worker sends back: a record or an error, with timings."""

    path: Path
    record_json: bytes | None
    meetings: int | None
    warnings: list[Diagnostic]
    seconds: dict[str, float]
    error_kind: str | None = None
    message: str | None = None
    page: int | None = None
    line: int | None = None


def _extract_one(path: Path, password: str | None, ocr: str = "auto") -> _Outcome:
    """Extract one source (in a worker process) into an :class:`_Outcome`.

    Raises:
        MemoryError: the memory limit was hit, even where a library turned
            the ``MemoryError`` into another exception (pdfminer and the PDF
            reader wrap what they catch): the pool reports ``resource_limit``.
    """
    from .core import extract_source
    from .write import record_json

    started = time.perf_counter()
    try:
        result = extract_source(path, password=password, ocr=ocr)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a typed outcome
        if out_of_memory(exc):
            raise MemoryError from exc
        seconds = {"total": _since(started)}
        if isinstance(exc, PipelineError):
            return _Outcome(path, None, None, [], seconds, exc.kind, exc.message, exc.page, exc.line)
        if isinstance(exc, OSError):
            return _Outcome(path, None, None, [], seconds, "io", f"{path}: cannot read ({exc.strerror or exc})")
        log.debug("internal error on %s", path, exc_info=True)  # a bug: isolate it, report it, keep going
        return _Outcome(path, None, None, [], seconds, "internal", f"{path}: internal error {type(exc).__name__}: {exc}")
    warnings = list(result.warnings)
    seconds = dict(result.seconds, total=_since(started))
    record = result.record
    del result  # the stages' values (blocks, nodes): their memory serves the JSON
    return _Outcome(path, record_json(record), len(record.meetings), warnings, seconds)


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 6)


def preload() -> None:
    """Import the stages and build the lookup tables once, in this process.

    Worker processes started by ``fork`` (the default on Linux) inherit them
    instead of paying them for each source: the stages' modules, camel-tools'
    tables, the date patterns (CLDR month names), the country names (ISO 3166,
    CLDR), GeoNames' Arabic city names, the Public Suffix List, and wordfreq
    with its word lists (the Arabic list of the text layer check, the
    Latin-script lists of the language guess): about 0.35 s a source, more
    when a source names cities (``bench/README.md``).
    """
    from .core import extract_source  # noqa: F401  (imports every stage)
    from .normalize import to_match
    from .parse.dates import find_date_range
    from .parse.contacts import find_contacts
    from .parse.regions import city_regions
    from .parse.venues import country_table
    from .read.text_quality import is_word
    from .structure.language import guess_latin_language

    country_table()
    city_regions("")
    find_contacts("forms.gle/x")  # the Public Suffix List
    to_match("")
    try:
        find_date_range("")
    except ValueError:
        pass
    is_word("كتاب")
    guess_latin_language(("the",))


def _init_worker(level: int, close_fd: int | None) -> None:
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # A worker extracts one source and ends. What it inherited (modules,
    # preloaded tables) is never garbage: frozen, the collector no longer
    # scans it, and young collections are rarer (GC_THRESHOLD). The
    # collector took 70-100 ms of a 5-page extraction, 3-5 ms so.
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 10, 10)
    if close_fd is not None:  # the output folder's lock stays with the parent
        with contextlib.suppress(OSError):
            os.close(close_fd)


# --- the output folder ---------------------------------------------------------


def _output_folder(out_dir: Path | str) -> Path:
    """The output folder, created if missing.

    Raises:
        UsageError: an empty path (it would mean the current folder).
        OutputFolderError: not a folder, or cannot be created.
    """
    text = os.fspath(out_dir)
    if not text.strip():
        raise UsageError("--out is empty: give the output folder")
    out = Path(text)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(f"{out}: cannot create the output folder ({_reason(exc)})") from None
    if not out.is_dir():
        raise OutputFolderError(f"{out}: not a folder")
    return out


@contextlib.contextmanager
def lock_output(out: Path) -> Iterator[int | None]:
    """Hold an exclusive lock on the output folder (``flock`` on the folder
    itself: nothing is added to it) while the block runs.

    Yields:
        The locked file descriptor (``None`` where locks are not available:
        no ``fcntl``, or a file system without ``flock``).

    Raises:
        OutputLockedError: another run holds the lock.
        OutputFolderError: the folder cannot be opened.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield None
        return
    try:
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise OutputFolderError(f"{out}: cannot open the output folder ({_reason(exc)})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLockedError(
                f"{out}: another run is writing into this output folder; wait for it to end, or choose another --out"
            ) from None
        except OSError as exc:  # e.g. a network file system without flock
            log.warning("%s: cannot lock the output folder (%s); make sure no other run writes into it", out, _reason(exc))
            yield None
            return
        yield fd
    finally:
        os.close(fd)


def _check_writable(out: Path) -> None:
    """Raise :class:`OutputFolderError` unless files can be created in ``out``
    and the run's own files are not blocked by folders of the same name."""
    for name in (MANIFEST_NAME, REPORT_NAME):
        if (out / name).is_dir() and not (out / name).is_symlink():
            raise OutputFolderError(f"{out / name}: a folder is in the way of the run's file; remove or rename it")
    try:
        fd, probe = tempfile.mkstemp(dir=out, prefix=".write-test.", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputFolderError(f"{out}: cannot write in the output folder ({_reason(exc)})") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _clean_temporaries(out_dir: Path) -> None:
    """Remove temporary files left by an interrupted run (safe: the folder is locked)."""
    for tmp in out_dir.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


# --- the manifest --------------------------------------------------------------


class _ManifestEntry(BaseModel):
    """One document in ``manifest.json``."""

    model_config = ConfigDict(extra="ignore")

    source: str
    sha256: str
    fingerprint: str | None = None  # absent in manifests written before the fingerprint: redone
    meetings: int | None = None
    warnings: list[Diagnostic] = []


def _load_manifest(out_dir: Path) -> tuple[dict[str, _ManifestEntry], list[OutputProblem]]:
    """The manifest's valid entries, and a problem when the file was not a
    manifest (unreadable, not JSON, the wrong shape) or had invalid entries
    (their sources are redone; the manifest is rewritten)."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return {}, []

    def problem(reason: str) -> list[OutputProblem]:
        message = f"{path}: {reason}; its sources are redone and the manifest rewritten"
        return [OutputProblem(kind="manifest", file=str(path), message=message)]

    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        return {}, problem(f"cannot be read ({_reason(exc)})")
    except (ValueError, RecursionError):
        return {}, problem("not valid JSON")
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        return {}, problem('not a manifest (no "documents" object)')
    entries: dict[str, _ManifestEntry] = {}
    bad = []
    for doc_id, raw in documents.items():
        try:
            entries[doc_id] = _ManifestEntry.model_validate(raw)
        except ValidationError:
            bad.append(doc_id)
    if not bad:
        return entries, []
    shown = ", ".join(bad[:3]) + (", …" if len(bad) > 3 else "")
    return entries, problem(f"{len(bad)} entries of the wrong shape ({shown})")


def _save_manifest(out_dir: Path, manifest: dict[str, _ManifestEntry]) -> None:
    body = {
        "pipeline_version": __version__,
        "documents": {k: v.model_dump(mode="json") for k, v in sorted(manifest.items())},
    }
    atomic_write(out_dir / MANIFEST_NAME, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


# --- the run -------------------------------------------------------------------


def usable_workers(requested: int | None) -> int:
    """Worker processes to run: ``requested`` (default: all), at most the CPUs this
    process may use (more only add memory: the work is CPU-bound)."""
    cpus = available_cpus()
    return max(1, min(requested or cpus, cpus))


def run(
    inputs: Iterable[str | Path] | str | Path,
    out_dir: Path | str,
    *,
    workers: int | None = None,
    force: bool = False,
    password: str | None = None,
    excel: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    html_report: bool = False,
    tables_csv: Path | str | None = None,
    ocr: str = "auto",
) -> RunReport:
    """Extract every source into ``out_dir``; write JSON, the dataset, manifest and run report.

    Args:
        inputs: files, folders and glob patterns (or a single one).
        out_dir: output folder (created if missing; locked during the run).
        workers: processes to use (default and maximum: the number of CPUs).
        force: redo sources even when unchanged.
        password: user password for encrypted PDFs.
        excel: CSVs for spreadsheets (UTF-8 BOM, formula-like texts neutralised).
        timeout: wall-clock seconds per source (``None``: no limit).
        max_memory_mb: megabytes a worker may allocate for one source (``None``: no limit).
        progress: ``progress(iterable, total)`` wraps the iterable of finished
            sources (e.g. ``tqdm``); ``total`` is the number to extract.
        html_report: also write ``run_report.html`` (see
            :func:`pipeline.inspect.run_report.write_html_report`).
        tables_csv: a folder to write every table of the output's documents
            into, one CSV each (:func:`pipeline.write.write_table_files`).
        ocr: ``"auto"``, ``"always"`` or ``"never"``: when PDF pages are read
            by OCR (see :func:`pipeline.core.extract_source`).

    Returns:
        The run report (also written to ``out_dir/run_report.json``).

    Raises:
        UsageError: an input that does not exist, inputs with no file at all,
            an empty ``out_dir``.
        OutputLockedError: another run is writing into ``out_dir``.
        OutputFolderError: ``out_dir`` cannot be created or written, or the
            dataset files or the report cannot be written (the previous
            dataset files are then kept; ``exc.report`` holds the report).
    """
    started_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    clock = time.perf_counter()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    out = _output_folder(out_dir)
    if tables_csv is not None:
        try:
            Path(tables_csv).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{tables_csv}: cannot create the tables folder ({_reason(exc)})") from None
    with lock_output(out) as lock_fd:
        _check_writable(out)
        _clean_temporaries(out)
        paths = discover(inputs, exclude=out)
        if not paths:
            raise UsageError(f"no files found in {', '.join(map(str, inputs))}")
        # The OCR mode changes what a PDF gives: a record made under another
        # mode is redone.
        key = pipeline_fingerprint() if ocr == "auto" else hashlib.sha256(f"{pipeline_fingerprint()} ocr={ocr}".encode()).hexdigest()
        manifest, problems = _load_manifest(out)
        if problems:  # rewritten now with its valid entries, whatever the sources give
            _write_or_raise(out / MANIFEST_NAME, lambda: _save_manifest(out, manifest))
        reports, todo = _plan(paths, out, manifest, key, force)
        workers = usable_workers(workers)
        limits = Limits(timeout, max_memory_mb)

        outcomes = _outcomes(todo, workers, limits, password, ocr, lock_fd)
        for outcome in progress(outcomes, len(todo)) if progress else outcomes:
            reports[outcome.path] = _record(out, reports[outcome.path], outcome, manifest, key)

        dataset_error = None
        try:
            problems += [OutputProblem(kind="left_out", file=str(p.file), message=str(p)) for p in _write_dataset(out, excel)]
        except (OSError, _DatasetError) as exc:
            reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
            dataset_error = OutputFolderError(
                f"{out}: the dataset files could not be written ({reason}); the previous ones are kept"
            )
            problems.append(OutputProblem(kind="dataset", file=str(out), message=str(dataset_error)))
        if tables_csv is not None and dataset_error is None:
            try:
                write_table_files(collect_records(out)[0], tables_csv, excel=excel)
            except OSError as exc:
                problems.append(OutputProblem(kind="dataset", file=str(tables_csv),
                                              message=f"{tables_csv}: the table files could not be written ({_reason(exc)})"))
        for problem in problems:
            if problem.kind != "left_out":  # a file left out is in the report (and the CLI's LEFT OUT line)
                log.warning(problem.message)
        entries = [reports[p] for p in paths]
        totals = {status: sum(1 for e in entries if e.status == status) for status in ("ok", "failed", "skipped", "unchanged")}
        report = RunReport(
            pipeline_version=__version__, pipeline_fingerprint=key, schema_version=SCHEMA_VERSION,
            started_at=started_at, elapsed_seconds=round(time.perf_counter() - clock, 3), workers=workers,
            timeout_seconds=timeout, max_memory_mb=max_memory_mb, totals=totals, sources=entries, problems=problems,
        )
        _write_or_raise(out / REPORT_NAME, lambda: write_report(report, out), report)
        if html_report:
            from .inspect.run_report import write_html_report

            write_html_report(report, out, password=password)
        if dataset_error:
            dataset_error.report = report
            raise dataset_error
        return report


def _write_or_raise(path: Path, write: Callable[[], object], report: RunReport | None = None) -> None:
    """Run ``write``; an OSError becomes an :class:`OutputFolderError` naming ``path``."""
    try:
        write()
    except OSError as exc:
        error = OutputFolderError(f"{path}: could not be written ({_reason(exc)})")
        error.report = report
        raise error from None


class _DatasetError(Exception):
    """This SQLite cannot build the database (no FTS5 trigram tokenizer)."""


def _write_dataset(out: Path, excel: bool):
    import sqlite3

    from .export import write_dataset

    try:
        return write_dataset(out, excel=excel)  # CSVs, JSONL, SQLite, Parquet, data package
    except sqlite3.Error as exc:
        raise _DatasetError(f"SQLite {sqlite3.sqlite_version}: {exc}") from exc


def _plan(
    paths: list[Path], out: Path, manifest: dict[str, _ManifestEntry], key: str, force: bool
) -> tuple[dict[Path, SourceReport], list[Path]]:
    """A report per entry for what is decided before extraction (skipped,
    failed, unchanged), and the sources to extract (reported ``ok`` until
    their outcome comes)."""
    reports: dict[Path, SourceReport] = {}
    todo: list[Path] = []
    seen_hash: dict[str, Path] = {}
    seen_id: dict[str, Path] = {}
    for path in paths:
        unreadable = _unreadable(path)
        if unreadable:
            reports[path] = unreadable
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            reports[path] = SourceReport(
                source=str(path), status="skipped", error_kind="unsupported_format",
                message=f"{path}: not a file type the pipeline reads ({SUPPORTED_LIST})",
            )
            continue
        try:
            digest = _sha256(path)
        except _NotRegular as exc:
            reports[path] = SourceReport(
                source=str(path), status="skipped", error_kind="not_a_regular_file",
                message=f"{path}: {exc}, not a regular file; not read",
            )
            continue
        except OSError as exc:
            reports[path] = SourceReport(
                source=str(path), status="failed", error_kind="io", message=f"{path}: cannot read ({_reason(exc)})"
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
        entry = manifest.get(doc_id)
        if (
            not force
            and entry is not None
            and entry.sha256 == digest
            and entry.fingerprint == key
            and (out / f"{doc_id}.json").is_file()
        ):
            reports[path] = SourceReport(
                source=str(path), document_id=doc_id, status="unchanged", sha256=digest,
                meetings=entry.meetings, warnings=entry.warnings,
            )
            continue
        reports[path] = SourceReport(source=str(path), document_id=doc_id, status="ok", sha256=digest)
        todo.append(path)
    return reports, todo


def _record(
    out: Path, base: SourceReport, outcome: _Outcome, manifest: dict[str, _ManifestEntry], key: str
) -> SourceReport:
    """Write a finished source's record and manifest entry; its final report."""
    error: PipelineError | None = None
    if outcome.record_json is not None:
        doc_id = base.document_id
        assert doc_id is not None  # set for every source sent to extraction
        target = out / f"{doc_id}.json"
        previous = manifest.get(doc_id)
        try:
            atomic_write(target, outcome.record_json)
            manifest[doc_id] = _ManifestEntry(
                source=outcome.path.name, sha256=base.sha256 or "", fingerprint=key,
                meetings=outcome.meetings, warnings=outcome.warnings,
            )
            _save_manifest(out, manifest)
        except OSError as exc:
            if previous is None:
                manifest.pop(doc_id, None)
            else:
                manifest[doc_id] = previous
            if exc.errno == errno.ENAMETOOLONG:
                reason = f"cannot write {target.name}: the document id is too long for a file name; shorten the source's name"
            else:
                reason = f"cannot write {target} ({_reason(exc)})"
            error = OutputWriteError(outcome.path, reason)
        else:
            return base.model_copy(update=dict(meetings=outcome.meetings, warnings=outcome.warnings, seconds=outcome.seconds))
    if error is not None:
        kind, message, page, line = error.kind, error.message, None, None
    else:
        kind, message, page, line = outcome.error_kind, outcome.message, outcome.page, outcome.line
    log.info("failed: %s", message)
    return base.model_copy(update=dict(
        status="failed", error_kind=kind, message=message, page=page, line=line, seconds=outcome.seconds,
    ))


def _outcomes(
    todo: list[Path], workers: int, limits: Limits, password: str | None, ocr: str, lock_fd: int | None
) -> Iterator[_Outcome]:
    """Extract ``todo``, each source in a process of its own; outcomes in completion order."""
    if not todo:
        return
    if len(todo) > 1:
        # Once here, and every worker inherits it. One source pays in its
        # own process for what it uses (a source without venues or Latin
        # text builds neither table).
        preload()
    level = logging.getLogger("pipeline").getEffectiveLevel()
    results = run_isolated(
        functools.partial(_extract_one, password=password, ocr=ocr), todo, workers=workers, limits=limits,
        setup=functools.partial(_init_worker, level, lock_fd),
    )
    for index, result, seconds in results:
        path = todo[index]
        if isinstance(result, Stopped):
            error = _stopped_error(path, result, limits)
            yield _Outcome(path, None, None, [], {"total": round(seconds, 6)}, error.kind, error.message)
        else:
            yield result


def _stopped_error(path: Path, stopped: Stopped, limits: Limits) -> PipelineError:
    if stopped.kind == "timeout":
        return SourceTimeoutError(
            path, f"stopped after {limits.timeout:g} s (--timeout): reading it takes too long or never ends"
        )
    if stopped.kind == "resource_limit":
        return ResourceLimitError(
            path, f"stopped at the memory limit of {limits.max_memory_mb} MB per worker (--max-memory)"
        )
    return WorkerDiedError(path, stopped.reason)
