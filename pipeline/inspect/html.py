"""The HTML pages of ``inspect`` and of the run report, made with Jinja2 templates (``templates/``).

Every value is escaped by Jinja2's autoescaping (record text comes from
untrusted documents); the pages carry a Content Security Policy that allows
no script and no fetch but images beside the page or embedded in it. They
need no server: open the file in a browser. Text of a right-to-left script
is marked ``dir="rtl"`` (with ``lang``), other text ``dir="auto"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel

from ..report import Diagnostic
from ..models import DocumentRecord
from .draw import KIND_COLOURS, VALUE_COLOURS, Transform
from .view import KINDS, VALUE_KINDS, DocumentView, is_rtl, where

# What each kind and value colour means, for the legend.
KIND_NAMES = {
    "title": "title",
    "subtitle": "subtitle",
    "heading": "heading (h1, h2… by level)",
    "paragraph": "paragraph",
    "list_item": "list item",
    "field": "field (label: value)",
    "caption": "caption",
    "quote": "quote",
    "code": "code",
    "table": "table and cells",
    "header": "running header (dropped)",
    "footer": "running footer or page number (dropped)",
}
VALUE_NAMES = {"date": "date", "contact": "contact detail", "meeting_field": "meeting field"}


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page image written beside the HTML page: page number, file name, size in pixels, transform."""

    number: int
    file: str
    size: tuple[int, int]
    transform: Transform

    @property
    def view_box(self) -> str:
        """The SVG viewBox that puts the reader's points on the image."""
        t = self.transform
        return f"{_num(t.dx)} {_num(t.dy)} {_num(self.size[0] / t.scale)} {_num(self.size[1] / t.scale)}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: templates of this package, autoescaping on, undefined names an error."""
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dir"] = lambda text: "rtl" if is_rtl(str(text)) else "auto"
    env.globals.update(
        kind_colours=KIND_COLOURS, value_colours=VALUE_COLOURS, kind_names=KIND_NAMES, value_names=VALUE_NAMES,
        kinds=KINDS, value_kinds=VALUE_KINDS,
    )
    return env


def _num(x: float) -> str:
    """A coordinate for SVG: two decimals at most, no trailing zeros (stable text)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _rect(b, pad: float = 1.0) -> dict[str, str]:
    return {
        "x": _num(b.x0 - pad), "y": _num(b.top - pad),
        "w": _num(b.x1 - b.x0 + 2 * pad), "h": _num(b.bottom - b.top + 2 * pad),
    }


def value_text(value: object) -> str:
    """A record value for people: ``—`` for null, lists joined by `` | ``, objects as JSON."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " | ".join(value_text(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else "—"
    return str(value)


def pairs(model: BaseModel | None, exclude: frozenset[str] = frozenset({"provenance"})) -> list[tuple[str, str]]:
    """A record's fields as ``(name, text)`` pairs in the model's order; nested models flattened (``participants.rcp``)."""
    if model is None:
        return []
    out: list[tuple[str, str]] = []
    for name, value in model.model_dump(mode="json").items():
        if name in exclude:
            continue
        if isinstance(value, dict) and isinstance(getattr(model, name), BaseModel):
            out.extend((f"{name}.{k}", value_text(v)) for k, v in value.items())
        else:
            out.append((name, value_text(value)))
    return out


def place_id(prefix: str, index: int, k: int) -> str:
    """The HTML id of the ``k``-th (0-based) box of block or value ``index``: ``box-12``, ``box-12-2``…"""
    return f"{prefix}-{index}" if k == 0 else f"{prefix}-{index}-{k + 1}"


def _boxes(view: DocumentView | None, page: PageImage) -> list[dict]:
    """The clickable boxes of one page image: blocks, then date and contact spans (on top: they are smaller)."""
    if view is None:
        return []
    out = []
    for b in view.on_page(page.number):
        for k, place in enumerate(b.places):
            if place.page == page.number:
                out.append({"id": place_id("box", b.index, k), "href": f"#{b.anchor}", "kind": b.kind,
                            "title": f"#{b.index} {b.tag}", **_rect(place.bbox, 2)})
    for j, v in enumerate(view.values, start=1):
        if v.kind == "meeting_field":
            continue  # its box is its field's block box
        for k, place in enumerate(v.places):
            if place.page == page.number:
                out.append({"id": place_id("vbox", j, k), "href": f"#v{j}", "kind": f"value-{v.kind}",
                            "title": f"{v.name}: {v.value}", **_rect(place.bbox, 1)})
    return out


def _links(prefix: str, index: int, places, rendered: set[int]) -> list[tuple[int, str | None]]:
    """``(page, href)`` for each box of a block or value; ``href`` is ``None`` for a page not drawn."""
    return [(p.page, f"#{place_id(prefix, index, k)}" if p.page in rendered else None) for k, p in enumerate(places)]


def inspect_html(
    path: Path,
    record: DocumentRecord | None,
    view: DocumentView | None,
    pages: list[PageImage],
    *,
    warnings: list[Diagnostic | str],
    error: Exception | None,
    problems: list[str],
    page_count: int | None,
) -> str:
    """The HTML page of one inspected source.

    Args:
        path: the source.
        record, view: what was extracted (``None`` when extraction failed).
        pages: the page images written beside the page (empty for text sources).
        warnings: the extraction's warnings.
        error: the error that stopped the extraction, if any.
        problems: what could not be shown.
        page_count: the PDF's number of pages (``None`` for other formats).
    """
    rendered = {p.number for p in pages}
    values = list(enumerate(view.values, start=1)) if view else []
    block_links = {b.index: _links("box", b.index, b.places, rendered) for b in view.blocks} if view else {}
    value_links = {
        j: _links("vbox", j, v.places, rendered) if v.kind != "meeting_field" else block_links.get(v.block, [])
        for j, v in values
    }
    meetings = []
    if record is not None:
        by_meeting: dict[str, list] = {}
        for j, v in values:
            if v.kind == "meeting_field":
                by_meeting.setdefault(v.name.split(" · ", 1)[0], []).append((j, v))
        for m in record.meetings:
            meetings.append({
                "record": m, "pairs": pairs(m), "where": where(m.provenance),
                "block": view.meeting_blocks.get(m.number) if view else None,
                "fields": by_meeting.get(f"meeting {m.number}", []),
            })
    diagnostics = [
        w if isinstance(w, Diagnostic) else Diagnostic("reader", str(w)) for w in warnings
    ]
    return environment().get_template("inspect.html.j2").render(
        source=path.name,
        document_id=path.stem,
        record=record,
        document_pairs=pairs(record.document) if record else [],
        contact_pairs=pairs(record.contact) if record and record.contact else [],
        view=view,
        pages=[{"image": p, "boxes": _boxes(view, p)} for p in pages],
        page_count=page_count,
        rendered=rendered,
        # an Arabic document's list reads right to left (each block still has its own direction)
        rtl_list=bool(view) and 2 * sum(b.rtl for b in view.blocks) > len(view.blocks),
        block_links=block_links,
        value_links=value_links,
        dates=[(j, v) for j, v in values if v.kind == "date"],
        contacts=[(j, v) for j, v in values if v.kind == "contact"],
        meetings=meetings,
        warnings=diagnostics,
        error=error,
        error_kind=getattr(error, "kind", "io" if isinstance(error, OSError) else None),
        problems=problems,
    )

