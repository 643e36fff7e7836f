"""Typed errors of the pipeline.

Every failure the pipeline can explain is a :class:`PipelineError` subclass
with a stable ``kind`` code (written to ``run_report.json``), the path of the
source it concerns, a human reason, and the page or line where known. Anything
else that escapes a stage is a bug and is reported as ``internal``.
"""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """Base class: a source could not be processed, for a stated reason.

    Attributes:
        kind: stable machine code, e.g. ``"encrypted_pdf"``.
        path: the source file concerned (``None`` for usage errors).
        reason: one sentence saying what is wrong, without the file name.
        page: 1-based page number where the problem was found, if known.
        line: 1-based line number where the problem was found, if known.
    """

    kind = "error"

    def __init__(
        self,
        path: Path | str | None,
        reason: str,
        *,
        page: int | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = reason
        self.page = page
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``<file>[, page N | line N]: <reason>`` — the one-line summary printed to users."""
        where = ""
        if self.page is not None:
            where = f", page {self.page}"
        elif self.line is not None:
            where = f", line {self.line}"
        name = str(self.path) if self.path is not None else "<input>"
        return f"{name}{where}: {self.reason}"

    def __reduce__(self):  # picklable across the process pool
        return (_rebuild, (type(self), self.path, self.reason, self.page, self.line))


def _rebuild(cls, path, reason, page, line):
    return cls(path, reason, page=page, line=line)


class UnsupportedFormatError(PipelineError):
    """The file's extension is not one the pipeline reads (see ``pipeline.read.SUPPORTED_SUFFIXES``)."""

    kind = "unsupported_format"


class EmptySourceError(PipelineError):
    """The file has zero bytes, or only whitespace."""

    kind = "empty_file"


class DecodingError(PipelineError):
    """A text source is in no encoding that can be decoded to Arabic text."""

    kind = "encoding"


class NotAPdfError(PipelineError):
    """A ``.pdf`` file that does not start with a PDF header."""

    kind = "not_a_pdf"


class EncryptedPdfError(PipelineError):
    """A PDF that needs a password that was not given or is wrong."""

    kind = "encrypted_pdf"


class CorruptPdfError(PipelineError):
    """A PDF whose structure cannot be read (truncated, broken xref, bad streams)."""

    kind = "corrupt_pdf"


class CorruptDocxError(PipelineError):
    """A ``.docx`` that is not a readable Word package: not a ZIP, damaged, a
    legacy ``.doc`` or password-protected file, or another kind of package."""

    kind = "corrupt_docx"


class NoTextLayerError(PipelineError):
    """A PDF without usable text: image-only pages or glyphs without Unicode mapping."""

    kind = "no_text_layer"


class IncompatibleDependencyError(PipelineError):
    """An installed library (pdfminer.six) is missing or differs from the
    releases the pipeline is tested with: a problem of the installation, not
    of the source (``path`` names the source being read when it was found)."""

    kind = "incompatible_dependency"


class NoArabicTextError(PipelineError):
    """The source decodes to text, but none of it is Arabic."""

    kind = "no_arabic_text"


class InvalidRecordError(PipelineError):
    """A parsed record breaks a model constraint (pydantic validation failed)."""

    kind = "invalid_record"


# --- a source stopped by the batch's isolation (pipeline.isolation) -------------


class SourceTimeoutError(PipelineError):
    """The source took longer than the wall-clock limit (``--timeout``); its
    worker process was killed. A file that makes the reader loop or recurse
    without end ends here."""

    kind = "timeout"


class ResourceLimitError(PipelineError):
    """The source needed more memory than the per-worker limit (``--max-memory``):
    decompression bombs, huge cross-references or content streams."""

    kind = "resource_limit"


class WorkerDiedError(PipelineError):
    """The worker process reading the source died without an answer (killed by
    a signal: the kernel's out-of-memory killer, ``kill -9``, a crash in a C
    library)."""

    kind = "worker_died"


class OutputWriteError(PipelineError):
    """The source's record could not be written to the output folder (full
    disk, no permission, a folder in the way)."""

    kind = "output"


# --- errors that stop a whole run (exit status 2) ---------------------------------


class RunError(Exception):
    """A run cannot start or finish: bad usage or an unusable output folder.

    The message is one line naming the path and the reason; the command line
    prints it and exits with status 2.

    Attributes:
        report: the run report (:class:`pipeline.report.RunReport`) when the
            run got as far as making one (the dataset files or the report
            could not be written), else ``None``.
    """

    report = None


class UsageError(RunError):
    """Bad command-line usage: a missing source, no file at all, an empty ``--out``."""


class OutputFolderError(RunError):
    """The output folder cannot be created, written or locked, or the dataset
    files cannot be written (the previous ones are then kept)."""


class OutputLockedError(OutputFolderError):
    """Another run is writing into the same output folder."""


def out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` comes from memory running out (under ``--max-memory``):
    a :class:`MemoryError` in its chain of causes, a shared library the
    loader could not map (an :class:`ImportError` saying ``failed to map
    segment`` or ``cannot allocate memory``), or CPython's "error return
    without exception set" (a C function whose allocation failed)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        text = str(current).lower()
        if isinstance(current, MemoryError) or "failed to map segment" in text or "cannot allocate memory" in text:
            return True
        if isinstance(current, SystemError) and "without exception set" in text:
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
