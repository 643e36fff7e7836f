"""The run report (``run_report.json``): what happened to each source in a run.

Unlike the dataset files, the report carries times; it is not part of the
byte-identical output.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass

Status = Literal["ok", "failed", "skipped", "unchanged"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class Diagnostic:
    """A warning about a source that did not stop its processing.

    Made by every stage (readers, profiles, extractors) and written, as it
    is, in the run report. A pydantic dataclass: positional like a plain one
    (``Diagnostic("numbering", "…", line, page, meeting)``), and its JSON
    Schema is the same under every pydantic the project accepts.

    Attributes:
        code: stable machine code, e.g. ``"participants_sum"``.
        message: one sentence for people.
        line: 1-based line in a text source, if known.
        page: 1-based page in a PDF, if known.
        meeting: the meeting number concerned, if any.
    """

    code: str
    message: str
    line: int | None = None
    page: int | None = None
    meeting: int | None = None


class SourceReport(_Model):
    """One source of the run."""

    source: str = Field(description="Path of the source as given or found.")
    document_id: str | None = Field(None, description="Document id (file stem) when the source was processed.")
    status: Status = Field(description="ok, failed, skipped (not a supported format, or a duplicate) or unchanged.")
    error_kind: str | None = Field(
        None, description="Stable code of the error or skip reason, e.g. 'encrypted_pdf', 'timeout', 'resource_limit'."
    )
    message: str | None = Field(None, description="One line naming the file and the reason.")
    page: int | None = None
    line: int | None = None
    sha256: str | None = None
    meetings: int | None = Field(None, description="Number of meetings extracted.")
    warnings: list[Diagnostic] = Field(default_factory=list, description="Warnings: code, message, line or page, meeting.")
    seconds: dict[str, float] = Field(default_factory=dict, description="Wall time per stage, in seconds.")


class OutputProblem(_Model):
    """Something wrong in the output folder that did not stop the run."""

    kind: Literal["left_out", "manifest", "dataset"] = Field(
        description="left_out: a JSON file kept out of the tables (not a valid record of this schema MAJOR, or not "
        "named after its document id); manifest: manifest.json was unreadable or of the wrong shape (rewritten, its "
        "sources redone); dataset: the dataset files were not written (the previous ones are kept)."
    )
    file: str = Field(description="The file concerned.")
    message: str = Field(description="One line naming the file and the reason.")


class RunReport(_Model):
    """The whole run."""

    pipeline_version: str
    pipeline_fingerprint: str = Field(
        description="SHA-256 of the pipeline's code, its libraries' versions and the Python version: the incremental "
        "key (a source is redone when it changes)."
    )
    schema_version: str
    started_at: str = Field(description="UTC start time, ISO 8601.")
    elapsed_seconds: float
    workers: int
    timeout_seconds: float | None = Field(description="Wall-clock limit per source (--timeout); null: none.")
    max_memory_mb: int | None = Field(description="Memory limit per worker in MB (--max-memory); null: none.")
    totals: dict[str, int] = Field(description="Number of sources per status.")
    sources: list[SourceReport]
    problems: list[OutputProblem] = Field(default_factory=list, description="Problems with the output folder.")

    @property
    def failed(self) -> list[SourceReport]:
        return [s for s in self.sources if s.status == "failed"]
