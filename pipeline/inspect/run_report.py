"""``run_report.html``: the run report (:class:`~pipeline.report.RunReport`) for people.

The batch at a glance (sources per status, times), each failure with its
kind, message and page, each warning with its page and, for a PDF, a
thumbnail of that page with the warning's box drawn, and a link to the
source's ``inspect`` page when one was made (``OUT/inspect/<document_id>/``).
Thumbnails are embedded (``data:`` URLs), so the file can be moved or mailed
alone. Deterministic for the same report except the times it shows.

A warning's box: warnings carry a page (and a meeting number), not a box.
Where the warning names a meeting, the box drawn is that of the meeting's
blocks on the page (from the record in ``OUT/<document_id>.json``); other
warnings show the page without a box.
"""

from __future__ import annotations

import base64
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from pydantic import ValidationError

from ..models import Box, DocumentRecord
from ..read.blocks import BBox
from ..report import Diagnostic
from ..report import RunReport, SourceReport
from ..write import atomic_write
from . import THUMBNAIL_DPI, inspect_page_path
from .html import environment
from .view import meeting_sections

log = logging.getLogger("pipeline")

REPORT_HTML_NAME = "run_report.html"
INSPECT_DIR_NAME = "inspect"


@dataclass(frozen=True, slots=True)
class WarningView:
    """One warning as shown: the entry, its thumbnail (``data:`` URL or ``None``) and whether a box is drawn."""

    entry: Diagnostic
    page: int | None = None
    thumbnail: str | None = None
    boxed: bool = False


@dataclass(slots=True)
class SourceView:
    """One source as shown (``index``: 1-based position in the report, for HTML ids)."""

    index: int
    entry: SourceReport
    inspect_href: str | None = None
    warnings: list[WarningView] = field(default_factory=list)
    thumbnail: str | None = None  # a failure's page
    stages: str = ""


def warning_place(warning: Diagnostic, record: DocumentRecord | None) -> tuple[int | None, list[BBox]]:
    """The page a warning is about and the boxes to draw on it.

    The page is the warning's own, else its meeting's first page. The boxes
    are those of the warning's meeting's blocks on that page (the meeting's
    section in the record, :func:`~.view.meeting_sections`); none when the
    warning names no meeting or the record has no boxes (not a PDF).
    """
    page = warning.page
    if warning.meeting is None or record is None:
        return page, []
    meeting = next((m for m in record.meetings if m.number == warning.meeting), None)
    if meeting is None:
        return page, []
    if page is None:
        page = meeting.provenance.page
    index = meeting_sections(record).get(meeting.number)
    if index is None:
        return page, []
    blocks = record.sections[index].blocks
    return page, [_bbox(b.bbox) for b in blocks if b.bbox is not None and b.provenance.page == page]


def _bbox(box: Box) -> BBox:
    return BBox(box.x0, box.top, box.x1, box.bottom)


def _load_record(out_dir: Path, document_id: str | None) -> DocumentRecord | None:
    if not document_id:
        return None
    try:
        return DocumentRecord.model_validate_json((out_dir / f"{document_id}.json").read_bytes())
    except (OSError, ValidationError):
        return None


class _Thumbnails:
    """Page thumbnails of one PDF, rendered once per page, as ``data:`` URLs."""

    def __init__(self, path: Path, password: str | None) -> None:
        from .draw import RenderError, open_pdf

        self.pdf = None
        self.pages: dict[int, tuple] = {}
        self.urls: dict[tuple, str] = {}
        try:
            self.pdf = open_pdf(path, password)
        except (RenderError, OSError) as exc:
            log.info("no thumbnails for %s: %s", path, exc)

    def url(self, page: int, boxes: list[BBox]) -> str | None:
        from .draw import RenderError, draw_marks, png_bytes, render_page

        if self.pdf is None:
            return None
        key = (page, tuple(boxes))
        if key not in self.urls:
            if page not in self.pages:
                try:
                    self.pages[page] = render_page(self.pdf, page, THUMBNAIL_DPI)
                except RenderError:
                    self.pages[page] = None
            rendered = self.pages[page]
            if rendered is None:
                return None
            image, t = rendered
            # 64 colours are plenty at this size and make the PNG ~4x smaller.
            drawn = draw_marks(image, t, boxes).quantize(colors=64)
            self.urls[key] = "data:image/png;base64," + base64.b64encode(png_bytes(drawn)).decode("ascii")
        return self.urls[key]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def write_html_report(
    report: RunReport, out_dir: Path | str, *, password: str | None = None, inspect_dir: Path | str | None = None
) -> Path:
    """Write ``run_report.html`` into ``out_dir`` (beside ``run_report.json``).

    Args:
        report: the run's report.
        out_dir: the output folder (holds the records, for the warnings' boxes).
        password: the user password of encrypted PDFs, to render thumbnails.
        inspect_dir: where ``inspect`` pages are looked for (default
            ``out_dir/inspect``); a source whose page exists there is linked.

    Returns:
        The path written.

    Raises:
        OSError: the file cannot be written.
    """
    out = Path(out_dir)
    inspect_root = Path(inspect_dir) if inspect_dir is not None else out / INSPECT_DIR_NAME
    sources = []
    for index, entry in enumerate(report.sources, start=1):
        view = SourceView(index, entry, stages=" · ".join(f"{k} {v:.2f} s" for k, v in entry.seconds.items() if k != "total"))
        if entry.document_id:
            page = inspect_page_path(inspect_root, entry.document_id)
            if page.is_file():
                view.inspect_href = _relative(page, out)
        is_pdf = entry.source.lower().endswith(".pdf")
        wants_page = (entry.status == "failed" and entry.page is not None) or any(
            w.page is not None or w.meeting is not None for w in entry.warnings
        )
        thumbs = _Thumbnails(Path(entry.source), password) if is_pdf and wants_page else None
        try:
            record = _load_record(out, entry.document_id) if entry.warnings else None
            for w in entry.warnings:
                page, boxes = warning_place(w, record)
                url = thumbs.url(page, boxes) if thumbs is not None and page is not None else None
                view.warnings.append(WarningView(w, page, url, bool(boxes) and url is not None))
            if entry.status == "failed" and entry.page is not None and thumbs is not None:
                view.thumbnail = thumbs.url(entry.page, [])
        finally:
            if thumbs is not None:
                thumbs.close()
        sources.append(view)
    html = environment().get_template("run_report.html.j2").render(
        report=report,
        sources=sources,
        failed=[s for s in sources if s.entry.status == "failed"],
        skipped=[s for s in sources if s.entry.status == "skipped"],
        warned=[s for s in sources if s.warnings],
        warning_count=sum(len(s.warnings) for s in sources),
        statuses=("ok", "unchanged", "failed", "skipped"),
        seconds_by_status={
            status: round(sum(s.entry.seconds.get("total", 0.0) for s in sources if s.entry.status == status), 3)
            for status in ("ok", "unchanged", "failed", "skipped")
        },
        inspect_dir=_relative(inspect_root, out),
    )
    target = out / REPORT_HTML_NAME
    atomic_write(target, html.encode("utf-8"))
    return target


def _relative(path: Path, start: Path) -> str:
    """A relative URL from ``start`` to ``path`` (``/`` separators, percent-encoded)."""
    return quote(Path(os.path.relpath(path.resolve(), start.resolve())).as_posix(), safe="/")
