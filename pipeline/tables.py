"""Flat tables derived from the records: ``documents``, ``sections``, ``blocks``,
``meetings``, ``contacts``, ``dates`` and ``tables`` (one row per table cell).

Columns are generated from the pydantic models, so CSV files, the SQLite
database and the data package all follow the models: a nested model becomes
prefixed columns (``participants.rcp`` → ``participants_rcp``,
``bbox.x0`` → ``bbox_x0``; provenance fields keep their own names), a list
of strings or numbers one cell joined with `` | ``, a dict one cell of JSON,
``None`` an empty cell. Lists of models (a section's blocks, a table's rows)
are tables of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .models import (
    Contact,
    ContactMention,
    DateMention,
    Document,
    DocumentRecord,
    Meeting,
    Provenance,
    Section,
    Table as TableModel,
    TableCell,
    TextBlock,
)

LIST_SEPARATOR = " | "
ColumnType = Literal["string", "integer", "number", "boolean", "date"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table.

    Attributes:
        name: column name (snake_case).
        type: ``string``, ``integer``, ``number`` (a decimal), ``boolean`` or ``date`` (ISO 8601).
        description: from the model field.
        required: never empty. A list or dict column is never required: an
            empty list or dict is written as an empty cell.
        path: attribute path in the record (``("participants", "rcp")``).
        joined: a list joined with ``LIST_SEPARATOR``; ``json``: a dict as JSON.
        constraints: ``(name, value)`` pairs from the model's JSON Schema, with
            Table Schema names: ``minimum``, ``maximum``, ``minLength``,
            ``pattern`` (anchored, without ``^``/``$``), ``enum``.
    """

    name: str
    type: ColumnType
    description: str
    required: bool
    path: tuple[str, ...]
    joined: bool = False
    json: bool = False
    constraints: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its columns and primary key; rows come from :func:`rows`."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) of ``X | None``; ``Annotated`` removed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _constraints(property_schema: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Table Schema constraints of a scalar field, from its JSON Schema property."""
    branches = [b for b in property_schema.get("anyOf", [property_schema]) if b.get("type") != "null"]
    schema = branches[0] if len(branches) == 1 else {}
    out: list[tuple[str, Any]] = []
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        if key in schema:
            out.append((key, schema[key]))
    if "pattern" in schema:
        out.append(("pattern", schema["pattern"].removeprefix("^").removesuffix("$")))
    if "enum" in schema or "const" in schema:
        out.append(("enum", tuple(schema.get("enum", [schema.get("const")]))))
    return tuple(out)


def _columns(
    model: type[BaseModel], prefix: str = "", path: tuple[str, ...] = (), parent_optional: bool = False,
    skip: frozenset[str] = frozenset(),
):
    properties = model.model_json_schema()["properties"]
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        inner, optional = _unwrap(info.annotation)
        optional = optional or parent_optional
        desc = info.description or ""
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            sub_prefix = "" if inner is Provenance else f"{prefix}{name}_"
            yield from _columns(inner, sub_prefix, path + (name,), optional)
            continue
        origin = get_origin(inner)
        column = dict(name=f"{prefix}{name}", description=desc, required=not optional, path=path + (name,))
        if origin is list and isinstance(get_args(inner)[0], type) and issubclass(get_args(inner)[0], BaseModel):
            continue  # a list of models is a table of its own
        if origin is list and get_origin(get_args(inner)[0]) is list:
            continue  # a table's rows: the cells are a table of their own
        if origin in (list, dict):
            # an empty list or dict is an empty cell: such a column cannot be required
            column["required"] = False
            yield Column(type="string", joined=origin is list, json=origin is dict, **column)
            continue
        column["constraints"] = _constraints(properties[name])
        if inner is bool:
            yield Column(type="boolean", **column)
        elif inner is int:
            yield Column(type="integer", **column)
        elif inner is float:
            yield Column(type="number", **column)
        elif inner is dt.date:
            yield Column(type="date", **column)
        else:
            if column["required"] and _may_be_empty(column["constraints"]):
                # An empty text is written as an empty cell, which reads as
                # null: such a column is never "required" (an empty table
                # cell, a section holding only a table).
                column["required"] = False
            yield Column(type="string", **column)


def _may_be_empty(constraints: tuple[tuple[str, Any], ...]) -> bool:
    """A string column whose constraints admit the empty string."""
    for key, value in constraints:
        if key == "minLength" and value >= 1:
            return False
        if key == "pattern" and re.fullmatch(value, "") is None:
            return False
        if key == "enum" and "" not in value:
            return False
    return True


_DOC_ID = Column("document_id", "string", "Identifier of the document (documents.id).", True, (), constraints=(("minLength", 1),))


def _index(name: str, what: str) -> Column:
    return Column(name, "integer", f"1-based position of the {what} in its document.", True, (), constraints=(("minimum", 1),))


_SECTION_OF_BLOCK = Column("section_index", "integer", "1-based position of the block's section (sections.section_index).",
                           True, (), constraints=(("minimum", 1),))
_BLOCK_INDEX = Column("block_index", "integer", "1-based position of the block in its section.", True, (),
                      constraints=(("minimum", 1),))
_DOC_FK = ((("document_id",), "documents", ("id",)),)

TABLES: dict[str, Table] = {
    "documents": Table(
        "documents",
        "One row per source brochure, with its contact block.",
        tuple(_columns(Document)) + tuple(_columns(Contact, "contact_", ("contact",), True)),
        ("id",),
    ),
    "sections": Table(
        "sections",
        "One row per section (node of the heading tree) of each brochure, in reading order.",
        (_DOC_ID, _index("section_index", "section")) + tuple(_columns(Section)),
        ("document_id", "section_index"),
        _DOC_FK,
    ),
    "blocks": Table(
        "blocks",
        "One row per body block (paragraph, list item, field, caption, quote) of each section, in reading order.",
        (_DOC_ID, _SECTION_OF_BLOCK, _BLOCK_INDEX) + tuple(_columns(TextBlock)),
        ("document_id", "section_index", "block_index"),
        ((("document_id", "section_index"), "sections", ("document_id", "section_index")),),
    ),
    "meetings": Table(
        "meetings",
        "One row per meeting of each brochure (the Global RCP meetings profile).",
        # The key is the position, not the number: a brochure may repeat a
        # number (a warning, not an error) and its rows must still load.
        (_DOC_ID, _index("meeting_index", "meeting")) + tuple(_columns(Meeting)),
        ("document_id", "meeting_index"),
        _DOC_FK,
    ),
    "contacts": Table(
        "contacts",
        "One row per contact detail (e-mail, website, phone, fax, social handle, address) found in each brochure.",
        (_DOC_ID, _index("contact_index", "contact detail")) + tuple(_columns(ContactMention)),
        ("document_id", "contact_index"),
        _DOC_FK,
    ),
    "dates": Table(
        "dates",
        "One row per date, date range, month or year mentioned in each brochure.",
        (_DOC_ID, _index("date_index", "date mention")) + tuple(_columns(DateMention)),
        ("document_id", "date_index"),
        _DOC_FK,
    ),
    "tables": Table(
        "tables",
        "One row per grid slot of every table of each brochure (long form): the table's shape, then the cell.",
        (_DOC_ID, _index("table_index", "table"))
        + tuple(_columns(TableModel, skip=frozenset({"provenance", "bbox"})))
        + tuple(_columns(TableCell, path=("cell",))),
        ("document_id", "table_index", "row", "col"),
        _DOC_FK,
    ),
}


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def cell(column: Column, value: Any) -> str | int | bool | None:
    """A record value as a typed cell (``None`` for null; lists joined; dicts as JSON)."""
    if value is None:
        return None
    if column.joined:
        return LIST_SEPARATOR.join(map(str, value)) if value else None
    if column.json:
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _items(table: Table, record: DocumentRecord) -> list[tuple[dict[str, Any], Any]]:
    """(extra cells, object the columns' paths start from) for each row of ``table``."""
    name = table.name
    if name == "documents":
        return [({}, _Both(record.document, record.contact))]
    if name == "sections":
        return [({"section_index": i}, s) for i, s in enumerate(record.sections, start=1)]
    if name == "blocks":
        return [
            ({"section_index": i, "block_index": k}, b)
            for i, s in enumerate(record.sections, start=1)
            for k, b in enumerate(s.blocks, start=1)
        ]
    if name == "tables":
        return [
            ({"table_index": i}, _Cell(t, cell))
            for i, t in enumerate(record.tables, start=1)
            for row in t.rows
            for cell in row
        ]
    listing = {"meetings": record.meetings, "contacts": record.contacts, "dates": record.dates}[name]
    key = {"meetings": "meeting_index", "contacts": "contact_index", "dates": "date_index"}[name]
    return [({key: i}, m) for i, m in enumerate(listing, start=1)]


def rows(table: Table, record: DocumentRecord) -> list[list[str | int | bool | None]]:
    """The rows one document contributes to ``table``, in the table's column order."""
    doc_id = record.document.id
    out = []
    for extra, obj in _items(table, record):
        row = []
        for c in table.columns:
            if c.name == "document_id":
                row.append(doc_id)
            elif c.name in extra:
                row.append(extra[c.name])
            else:
                row.append(cell(c, _get(obj, c.path)))
        out.append(row)
    return out


class _Cell:
    """A table's fields at the top level, the cell's under ``cell``."""

    def __init__(self, table: TableModel, cell: TableCell) -> None:
        self._table = table
        self.cell = cell

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)


class _Both:
    """Document fields at the top level, contact fields under ``contact``."""

    def __init__(self, document: Document, contact: Contact | None) -> None:
        self._document = document
        self.contact = contact

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)
