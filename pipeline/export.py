"""The dataset files for downstream users, all generated from the tables and models.

:func:`write_dataset` rebuilds, from every ``<document_id>.json`` record in an
output folder:

* ``documents.csv``, ``sections.csv``, ``blocks.csv``, ``meetings.csv``,
  ``contacts.csv``, ``dates.csv``, ``tables.csv`` — the flat tables of
  :mod:`pipeline.tables` (UTF-8, header row, ``,`` and ``"``, ``\\n`` line
  ends, ISO 8601 dates, whole numbers, ``true``/``false``, an empty cell for
  null, lists joined with `` | ``, dicts as JSON; a BOM with ``excel``);
* ``meetings.jsonl`` — JSON Lines, one meeting per line: ``document_id`` then
  the meeting's fields as in the record, compact, keys in model order;
  ``blocks.jsonl`` likewise, one body block per line (:func:`blocks_jsonl`);
* ``brochures.sqlite`` — the tables (types, NOT NULL, CHECK, primary and
  foreign keys) plus full-text search over the matching form (see below);
* ``meetings.parquet`` — the meetings table, only when pyarrow is installed
  (the ``parquet`` extra); otherwise a stale one is removed;
* ``datapackage.json`` — a Frictionless Tabular Data Package (v1) describing
  the CSV files, with their size and SHA-256.

The files are replaced together (none when one cannot be written) and are byte-identical for the same records
(rows by document id then position; no timestamps). ``brochures.sqlite`` is
built in memory (fixed page size, rows in order, FTS indexes rebuilt then
optimized, no VACUUM, which may renumber rowids) and serialized; a serialized
in-memory database carries no change counter nor library version in its
header, so the bytes depend only on the records and on SQLite's b-tree and
FTS5 layout, which a different SQLite release may change: the golden test
compares its contents, and a separate test its byte determinism.

Full-text search
----------------
``sections_fts`` indexes ``sections.text_normalized`` (external content
``content="sections"``); ``blocks_fts`` every body block of every document
(its matching form, kept in ``blocks_match``); ``cells_fts`` every table cell
(``tables.text_normalized``); ``meetings_fts`` indexes the matching form of each
meeting's title, hosts, date-and-venue text, theme, participants text and
outcome, kept in the plain
table ``meetings_match`` (external content ``content="meetings_match"``), so
both follow Datasette's convention and ``rebuild``/``integrity-check`` work.
The tokenizer is FTS5 ``trigram`` (SQLite ≥ 3.34): a query term matches any
text that *contains* it, so ``اقليميه`` finds ``الاقليميه``, ``والاقليميه``,
``بالاقليميه`` — Arabic attaches the article and the particles و ب ل ف ك to
the word, which word tokenizers (``unicode61``) keep as one token. Terms need
at least 3 characters. Queries must be in the matching form: use
:func:`search`, or ``pipeline.normalize.to_match`` on the query.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import SCHEMA_VERSION, DocumentRecord
from .tables import TABLES, Column, Table, rows
from .write import LeftOut, StagedFiles, check_record_file, csv_header, csv_rows, record_files

log = logging.getLogger("pipeline")

JSONL_NAME = "meetings.jsonl"
BLOCKS_JSONL_NAME = "blocks.jsonl"
SQLITE_NAME = "brochures.sqlite"
PARQUET_NAME = "meetings.parquet"
DATAPACKAGE_NAME = "datapackage.json"
SQLITE_PAGE_SIZE = 4096
MIN_QUERY_TERM = 3
# Meeting texts indexed for search: column of meetings_match → attribute path in a Meeting.
MEETING_SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "hosts": ("hosts",),
    "date_text": ("date_text",),
    "theme": ("theme",),
    "participants": ("participants", "text"),
    "outcome": ("outcome",),
}
_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


# --- JSON Lines ------------------------------------------------------------------


def meetings_jsonl(records: Sequence[DocumentRecord]) -> bytes:
    """``meetings.jsonl`` bytes: one JSON object per meeting and line, UTF-8.

    Each line is ``{"document_id": ..., "number": ..., ...}``: the document id
    then the meeting as in the record (nested ``participants`` and
    ``provenance``, lists and dicts as JSON), compact, Arabic unescaped,
    ``\\n``-terminated; records in the given order, meetings in brochure order.
    """
    lines = []
    for record in records:
        for meeting in record.meetings:
            obj = {"document_id": record.document.id, **meeting.model_dump(mode="json")}
            lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(lines).encode("utf-8")


def blocks_jsonl(records: Sequence[DocumentRecord]) -> bytes:
    """``blocks.jsonl`` bytes: one JSON object per body block and line, UTF-8.

    Each line is ``{"document_id", "section_index", "block_index",
    "section_kind", "heading", ...}``: where the block stands (1-based
    indices, its section's kind and heading), then the block as in the record
    (type, text, label, value, lang, bbox, provenance), compact, ``\n``-terminated.
    """
    lines = []
    for record in records:
        for i, section in enumerate(record.sections, start=1):
            for k, block in enumerate(section.blocks, start=1):
                obj = {
                    "document_id": record.document.id, "section_index": i, "block_index": k,
                    "section_kind": section.kind, "heading": section.heading, **block.model_dump(mode="json"),
                }
                lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(lines).encode("utf-8")


# --- SQLite ----------------------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(int(value)) if isinstance(value, bool) else str(value)


def _checks(column: Column) -> list[str]:
    name = _q(column.name)
    checks = []
    if column.type == "boolean":
        checks.append(f"{name} IN (0, 1)")
    if column.type == "date":
        # ``IS``: a string date() rejects gives NULL, which a plain ``=`` CHECK would let through;
        # the '+0 days' modifier normalizes 2011-02-30 to 2011-03-02, so impossible days fail too
        checks.append(f"{name} IS date({name}, '+0 days')")
    for key, value in column.constraints:
        if key == "minimum":
            checks.append(f"{name} >= {value}")
        elif key == "maximum":
            checks.append(f"{name} <= {value}")
        elif key == "minLength":
            checks.append(f"length({name}) >= {value}")
        elif key == "maxLength":
            checks.append(f"length({name}) <= {value}")
        elif key == "enum":
            checks.append(f"{name} IN ({', '.join(_sql_literal(v) for v in value)})")
        # ``pattern``: SQLite has no regular expressions without an extension
    return checks


def sqlite_ddl(table: Table) -> str:
    """``CREATE TABLE`` statement of a table, generated from :data:`pipeline.tables.TABLES`.

    Types: string → TEXT, integer → INTEGER, boolean → INTEGER (0/1), date →
    TEXT (``YYYY-MM-DD``, a real calendar day, checked with ``date()``). A required column is NOT
    NULL; constraints become CHECKs (but patterns); the primary and foreign
    keys are declared; each column's description follows it as an SQL comment
    (kept in ``sqlite_master.sql``).
    """
    lines = []
    for c in table.columns:
        parts = [_q(c.name), _SQL_TYPES[c.type]]
        if c.required:
            parts.append("NOT NULL")
        parts += [f"CHECK ({check})" for check in _checks(c)]
        comment = " ".join(c.description.split())
        lines.append(f"  {' '.join(parts)}, -- {comment}" if comment else f"  {' '.join(parts)},")
    keys = [f"  PRIMARY KEY ({', '.join(map(_q, table.primary_key))})"]
    for fields, ref_table, ref_fields in table.foreign_keys:
        keys.append(
            f"  FOREIGN KEY ({', '.join(map(_q, fields))}) REFERENCES {_q(ref_table)} ({', '.join(map(_q, ref_fields))})"
        )
    body = "\n".join(lines) + "\n" + ",\n".join(keys)
    return f"CREATE TABLE {_q(table.name)} ( -- {table.description}\n{body}\n)"


_SEARCH_DDL = [
    """CREATE TABLE "meetings_match" ( -- Matching form of each meeting's texts, the content of meetings_fts.
  "document_id" TEXT NOT NULL,
  "meeting_index" INTEGER NOT NULL,
  "number" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "hosts" TEXT, -- hosts joined with ' | '
  "date_text" TEXT, -- the date-and-venue field (city, country)
  "theme" TEXT,
  "participants" TEXT, -- the participants text
  "outcome" TEXT,
  PRIMARY KEY ("document_id", "meeting_index"),
  FOREIGN KEY ("document_id", "meeting_index") REFERENCES "meetings" ("document_id", "meeting_index")
)""",
    'CREATE VIRTUAL TABLE "meetings_fts" USING fts5("title", "hosts", "date_text", "theme", "participants", "outcome", '
    'content="meetings_match", tokenize="trigram")',
    'CREATE VIRTUAL TABLE "sections_fts" USING fts5("text_normalized", content="sections", tokenize="trigram")',
    """CREATE TABLE "blocks_match" ( -- Matching form of each body block's text, the content of blocks_fts.
  "document_id" TEXT NOT NULL,
  "section_index" INTEGER NOT NULL,
  "block_index" INTEGER NOT NULL,
  "text" TEXT NOT NULL, -- the block's text in the matching form
  PRIMARY KEY ("document_id", "section_index", "block_index"),
  FOREIGN KEY ("document_id", "section_index", "block_index") REFERENCES "blocks" ("document_id", "section_index", "block_index")
)""",
    'CREATE VIRTUAL TABLE "blocks_fts" USING fts5("text", content="blocks_match", tokenize="trigram")',
    'CREATE VIRTUAL TABLE "cells_fts" USING fts5("text_normalized", content="tables", tokenize="trigram")',
]


def _sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def sqlite_version_number(version: str) -> int:
    """``PRAGMA user_version`` of ``brochures.sqlite``: ``MAJOR*1_000_000 + MINOR*1_000 + PATCH``
    of the schema version (``"1.2.3"`` → ``1002003``)."""
    major, minor, patch = (int(p) for p in version.split("."))
    return major * 1_000_000 + minor * 1_000 + patch


def sqlite_bytes(records: Sequence[DocumentRecord]) -> bytes:
    """``brochures.sqlite`` bytes: the tables and the full-text indexes of ``records``.

    Built in memory (page size 4096, ``user_version`` = :func:`sqlite_version_number`
    of ``SCHEMA_VERSION``), rows in table order, FTS indexes rebuilt and
    optimized, then serialized: the same records and SQLite library give the
    same bytes.

    Raises:
        sqlite3.IntegrityError: records that break a key or a CHECK.
        sqlite3.OperationalError: an SQLite without FTS5 or its trigram
            tokenizer (SQLite < 3.34).
    """
    return _build_database(lambda name: (row for r in records for row in _database_rows(name, r)))


# Tables of the database besides TABLES: the matching forms searched by the FTS indexes.
_MATCH_TABLES = {
    "meetings_match": 'INSERT INTO "meetings_match" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    "blocks_match": 'INSERT INTO "blocks_match" VALUES (?, ?, ?, ?)',
}


def _database_tables() -> list[tuple[str, str]]:
    """``(name, INSERT statement)`` of every table of the database, in insert order."""
    out = []
    for table in _insert_order():
        marks = ", ".join("?" * len(table.columns))
        out.append((table.name, f"INSERT INTO {_q(table.name)} VALUES ({marks})"))
    return out + list(_MATCH_TABLES.items())


def _database_rows(name: str, record: DocumentRecord, table_rows: list[list] | None = None) -> list[list]:
    """The rows of one record for the database table ``name`` (``table_rows``:
    the record's :func:`pipeline.tables.rows` of that table, when already made)."""
    from .normalize import to_match

    if name == "meetings_match":
        return [
            [record.document.id, i, m.number, *(_match_text(m, path, to_match) for path in MEETING_SEARCH_COLUMNS.values())]
            for i, m in enumerate(record.meetings, start=1)
        ]
    if name == "blocks_match":
        return [
            [record.document.id, i, k, to_match(b.text)]
            for i, sec in enumerate(record.sections, start=1)
            for k, b in enumerate(sec.blocks, start=1)
        ]
    if table_rows is None:
        table_rows = rows(TABLES[name], record)
    return [[_sql_value(v) for v in row] for row in table_rows]


def _build_database(table_rows, path: Path | None = None) -> bytes | None:
    """Build the database, with ``table_rows(name)`` iterating the rows of
    each table (:func:`_database_tables`) over all records in order.

    Returns:
        The database bytes (built in memory); or, with ``path`` (an empty
        file), ``None``: the database is built in that file, to the same
        bytes, without holding it in memory.
    """
    try:
        return _fill_database(table_rows, path)
    except sqlite3.OperationalError as exc:
        # Writing the file: a full disk or an I/O error is the disk's
        # failure, reported as such (OSError), not the SQLite library's.
        code = getattr(exc, "sqlite_errorcode", None)
        if path is None or code is None:
            raise
        if code == sqlite3.SQLITE_FULL:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)) from exc
        if code & 0xFF == sqlite3.SQLITE_IOERR:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path)) from exc
        raise


def _fill_database(table_rows, path: Path | None) -> bytes | None:
    conn = sqlite3.connect(":memory:" if path is None else str(path))
    try:
        conn.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")
        if path is not None:
            # No journal and no syncs: the file is a staged temporary file,
            # thrown away on any error and synced before it is renamed.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA user_version = {sqlite_version_number(SCHEMA_VERSION)}")
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for table in TABLES.values():
                conn.execute(sqlite_ddl(table))
            for statement in _SEARCH_DDL:
                conn.execute(statement)
            for name, sql in _database_tables():
                conn.executemany(sql, table_rows(name))
            for fts in ("meetings_fts", "sections_fts", "blocks_fts", "cells_fts"):
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        if path is None:
            return conn.serialize()
    finally:
        conn.close()
    # A database file counts its changes in its header (file change counter,
    # version-valid-for number, SQLite version number; SQLite file format
    # §1.3.8, §1.3.14); an in-memory database never sets them. They are put
    # back to zero, so a file build gives the bytes serialize() gives.
    with open(path, "r+b") as f:
        f.seek(24)
        f.write(bytes(4))
        f.seek(92)
        f.write(bytes(8))
    return None


def _insert_order() -> list[Table]:
    """Tables with the referenced ones first (foreign keys are enforced while building)."""
    ordered: list[Table] = []
    pending = list(TABLES.values())
    while pending:
        for table in pending:
            if all(ref in {t.name for t in ordered} or ref == table.name for _, ref, _ in table.foreign_keys):
                ordered.append(table)
                pending.remove(table)
                break
        else:
            raise ValueError("foreign keys form a cycle")
    return ordered


def _match_text(meeting: Any, path: tuple[str, ...], to_match) -> str | None:
    value: Any = meeting
    for part in path:
        value = getattr(value, part, None) if value is not None else None
    if isinstance(value, list):
        value = " | ".join(value) if value else None
    return to_match(value) if value else None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match of :func:`search`.

    Attributes:
        table: ``"meetings"``, ``"sections"``, ``"blocks"`` or ``"tables"``.
        document_id: the document (``documents.id``).
        key: the meeting ``number``, the ``section_index`` (sections and
            blocks) or the ``table_index``.
        snippet: matching-form text around the first match, the match in ``[…]``.
        sub: the ``block_index`` of a block hit, ``[row, col]`` of a table
            cell hit; ``None`` otherwise.
    """

    table: str
    document_id: str
    key: int
    snippet: str
    sub: int | tuple[int, int] | None = None


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for a user query: matching form, one quoted
    phrase per word (all must occur), punctuation dropped.

    ``"الإقليمية"`` → ``'"الاقليميه"'``.

    Raises:
        ValueError: no word, or a word shorter than 3 characters (the trigram
            index cannot match it).
    """
    from .normalize import to_match

    terms = re.findall(r"\w+", to_match(query))
    if not terms:
        raise ValueError(f"nothing to search for in {query!r}")
    short = [t for t in terms if len(t) < MIN_QUERY_TERM]
    if short:
        raise ValueError(f"search terms need at least {MIN_QUERY_TERM} characters (trigram index): {', '.join(short)}")
    return " ".join(f'"{t}"' for t in terms)


def search(db_path: Path | str, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Full-text search of ``brochures.sqlite``, Arabic-normalized.

    The query is put in the matching form (:func:`fts_query`), so
    ``اقليمية``, ``إقليمية`` and ``أقليمية`` give the same hits, and a word
    matches inside longer words (``الإقليمية``, ``والإقليمية``).

    Args:
        db_path: a ``brochures.sqlite`` file (opened read-only).
        query: words to find, all of them, in any column of a meeting, in a
            section, in a block or in a table cell.
        limit: at most this many hits per table.

    Returns:
        Meeting hits, section hits, block hits, then table cell hits, each by
        relevance (bm25), then document id and position.

    Raises:
        FileNotFoundError: ``db_path`` does not exist.
        ValueError: see :func:`fts_query`.
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    match = fts_query(query)
    terms = [t.strip('"') for t in match.split(" ")]
    columns = ", ".join(f"t.{_q(c)}" for c in MEETING_SEARCH_COLUMNS)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        meetings = conn.execute(
            f"""SELECT t.document_id, t.number, {columns}
                FROM meetings_fts JOIN meetings_match AS t ON t.rowid = meetings_fts.rowid
                WHERE meetings_fts MATCH ? ORDER BY rank, t.document_id, t.meeting_index LIMIT ?""",
            (match, limit),
        ).fetchall()
        sections = conn.execute(
            """SELECT s.document_id, s.section_index, s.text_normalized
               FROM sections_fts JOIN sections AS s ON s.rowid = sections_fts.rowid
               WHERE sections_fts MATCH ? ORDER BY rank, s.document_id, s.section_index LIMIT ?""",
            (match, limit),
        ).fetchall()
        blocks = conn.execute(
            """SELECT b.document_id, b.section_index, b.block_index, b.text
               FROM blocks_fts JOIN blocks_match AS b ON b.rowid = blocks_fts.rowid
               WHERE blocks_fts MATCH ? ORDER BY rank, b.document_id, b.section_index, b.block_index LIMIT ?""",
            (match, limit),
        ).fetchall()
        cells = conn.execute(
            """SELECT c.document_id, c.table_index, c.row, c.col, c.text_normalized
               FROM cells_fts JOIN tables AS c ON c.rowid = cells_fts.rowid
               WHERE cells_fts MATCH ? AND c.merged_into IS NULL
               ORDER BY rank, c.document_id, c.table_index, c.row, c.col LIMIT ?""",
            (match, limit),
        ).fetchall()
    finally:
        conn.close()
    return (
        [SearchHit("meetings", doc, key, _snippet(texts, terms)) for doc, key, *texts in meetings]
        + [SearchHit("sections", doc, key, _snippet(texts, terms)) for doc, key, *texts in sections]
        + [SearchHit("blocks", doc, key, _snippet([text], terms), sub) for doc, key, sub, text in blocks]
        + [SearchHit("tables", doc, key, _snippet([text], terms), (row, col)) for doc, key, row, col, text in cells]
    )


def _snippet(texts: Sequence[str | None], terms: list[str], width: int = 40) -> str:
    """The first occurrence of a term in the first text that has one, in ``[…]``, with
    ``width`` characters of context each side (FTS5's own ``snippet()`` marks
    trigram matches unevenly in some SQLite releases)."""
    for text in texts:
        if not text:
            continue
        found = [(i, t) for t in terms if (i := text.find(t)) >= 0]
        if found:
            i, term = min(found)
            before, after = text[max(0, i - width):i], text[i + len(term):i + len(term) + width]
            snippet = f"{'…' if i > width else ''}{before}[{term}]{after}{'…' if i + len(term) + width < len(text) else ''}"
            return " ".join(snippet.split())
    return ""


# --- Parquet ---------------------------------------------------------------------


def parquet_bytes(records: Sequence[DocumentRecord], table_name: str = "meetings") -> bytes:
    """A table as Parquet bytes: the same columns and cells as the CSV, typed
    (string, int64, bool, date32; nullable unless required), each field's
    description in its metadata; no timestamps, so deterministic for one
    pyarrow version.

    Raises:
        ImportError: pyarrow is not installed (``uv sync --extra parquet``).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = TABLES[table_name]
    return _parquet_from_rows(table, [row for r in records for row in rows(table, r)])


def _parquet_from_rows(table: Table, data: list[list]) -> bytes:
    """:func:`parquet_bytes` of a table's rows (:func:`pipeline.tables.rows`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "date": pa.date32()}
    fields = [
        pa.field(c.name, types[c.type], nullable=not c.required, metadata={"description": c.description})
        for c in table.columns
    ]
    columns = []
    for i, c in enumerate(table.columns):
        values = [row[i] for row in data]
        if c.type == "date":
            values = [dt.date.fromisoformat(v) if v is not None else None for v in values]
        columns.append(pa.array(values, type=types[c.type]))
    arrow = pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata={"description": table.description}))
    buf = io.BytesIO()
    pq.write_table(arrow, buf, compression="zstd")
    return buf.getvalue()


def _pyarrow_available() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


# --- Data package ----------------------------------------------------------------

CSV_DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "skipInitialSpace": False,
    "header": True,
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name}
    if column.json:
        field["type"] = "object"
    else:
        field["type"] = column.type
    field["format"] = "default"
    description = column.description
    if column.joined:
        description += " (A list: items joined with ' | '; empty cell for an empty list.)"
    elif column.json:
        description += " (A JSON object; empty cell for an empty one.)"
    field["description"] = description
    if column.type == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    constraints: dict[str, Any] = {"required": column.required}
    for key, value in column.constraints:
        constraints[key] = list(value) if key == "enum" else value
    field["constraints"] = constraints
    return field


def datapackage(csv_files: dict[str, bytes | tuple[int, str]], *, excel: bool = False) -> dict[str, Any]:
    """The ``datapackage.json`` content: a Frictionless Tabular Data Package (v1).

    Args:
        csv_files: table name → the CSV bytes written, or their ``(size,
            SHA-256 hex digest)`` (for ``bytes`` and ``hash``), for every
            table of :data:`pipeline.tables.TABLES`.
        excel: the CSVs start with a UTF-8 BOM (encoding ``utf-8-sig``).

    Returns:
        A dict: one resource per table (referenced tables first) with path,
        dialect, encoding, size, SHA-256 and Table Schema (fields with type,
        format, description and constraints; ``missingValues: [""]``; primary
        and foreign keys).
    """
    resources = []
    for table in _insert_order():
        data = csv_files[table.name]
        size, digest = (len(data), hashlib.sha256(data).hexdigest()) if isinstance(data, bytes) else data
        schema: dict[str, Any] = {
            "fields": [_field(c) for c in table.columns],
            "missingValues": [""],
            "primaryKey": list(table.primary_key),
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": list(fields), "reference": {"resource": ref, "fields": list(ref_fields)}}
                for fields, ref, ref_fields in table.foreign_keys
            ]
        resources.append({
            "profile": "tabular-data-resource",
            "name": table.name,
            "path": f"{table.name}.csv",
            "description": table.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig" if excel else "utf-8",
            "bytes": size,
            "hash": "sha256:" + digest,
            "dialect": dict(CSV_DIALECT),
            "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "arabic-brochures",
        "title": "Records extracted from Arabic brochures",
        "description": (
            "Documents, their sections (heading tree) and blocks, meetings, contact details, dates and table cells "
            "extracted from Arabic brochures by the arabic-brochure-pipeline. "
            "Texts are in the display form (diacritics kept) except columns in the matching form "
            "(sections.text_normalized, tables.text_normalized). The per-document JSON records <document_id>.json are described by the "
            "JSON Schema that `python -m pipeline schema` writes (document-record.schema.json)."
        ),
        "version": SCHEMA_VERSION,
        "resources": resources,
    }


def datapackage_json(csv_files: dict[str, bytes | tuple[int, str]], *, excel: bool = False) -> bytes:
    """:func:`datapackage` as file bytes (UTF-8, two-space indent, final newline)."""
    return (json.dumps(datapackage(csv_files, excel=excel), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- pandas ----------------------------------------------------------------------


def pandas_read_csv_options(table_name: str) -> dict[str, Any]:
    """Keyword arguments for ``pandas.read_csv`` that type a table's columns.

    Integers are ``int64`` when required, else nullable ``Int64``; booleans
    ``bool`` / ``boolean``; dates parsed (``datetime64``); texts ``string``.
    Only the empty cell is missing (``keep_default_na=False``): pandas would
    otherwise read the country code ``NA`` (Namibia) as missing.

    Raises:
        KeyError: an unknown table name.
    """
    dtype: dict[str, str] = {}
    dates: list[str] = []
    for c in TABLES[table_name].columns:
        if c.type == "date":
            dates.append(c.name)
        elif c.type == "integer":
            dtype[c.name] = "int64" if c.required else "Int64"
        elif c.type == "number":
            dtype[c.name] = "float64" if c.required else "Float64"
        elif c.type == "boolean":
            dtype[c.name] = "bool" if c.required else "boolean"
        else:
            dtype[c.name] = "string"
    return {"dtype": dtype, "parse_dates": dates, "keep_default_na": False, "na_values": [""]}


# --- the whole dataset -----------------------------------------------------------


def write_dataset(out_dir: Path | str, *, excel: bool = False) -> list[LeftOut]:
    """Rebuild every dataset file of ``out_dir`` from its document JSON files.

    Writes the CSVs of :data:`pipeline.tables.TABLES`, ``meetings.jsonl``, ``blocks.jsonl``, ``brochures.sqlite``,
    ``meetings.parquet`` (when pyarrow is installed) and ``datapackage.json``,
    together (:class:`pipeline.write.StagedFiles`): when one cannot be
    written, every file stays as it was.

    Every record is checked before it enters the tables
    (:func:`pipeline.write.collect_records`); a record that the database refuses
    (a key or CHECK constraint the models do not enforce) is found by
    building the database for each record alone, and is left out of every
    table, so that all files hold the same documents.

    Args:
        out_dir: the output folder.
        excel: CSVs for spreadsheets (BOM, formulas neutralised; the data
            package says ``utf-8-sig``).

    Returns:
        The files left out of the tables, each with its reason (``str`` of
        each is one line).

    Raises:
        OSError: a file cannot be written (no file was replaced).
        sqlite3.Error: this SQLite cannot build the database at all (no FTS5
            or trigram tokenizer, SQLite < 3.34).
    """
    out = Path(out_dir)
    # Streamed: one record in memory at a time. Each record's rows go to the
    # CSVs and JSON Lines files being written, and to a spill file per
    # database table; the database is then built table by table from the
    # spills, in the order (and so to the bytes) of sqlite_bytes().
    candidates = sorted(record_files(out), key=lambda p: p.stem)  # a valid record's id is its file's stem
    refused: dict[str, str] = {}
    while True:
        with StagedFiles() as staged:
            left_out, spills, csv_stats, meeting_rows = _write_records(out, staged, candidates, refused, excel)
            try:
                _build_database(lambda name: _spilled(spills[name]), staged.reserve(out / SQLITE_NAME))
            except sqlite3.IntegrityError:
                if refused:
                    raise  # records conflict with each other, not alone
                refused = _refused_records(candidates)
                if not refused:
                    raise
                continue
            finally:
                for spill in spills.values():
                    spill.close()
            pyarrow = _pyarrow_available()
            if pyarrow:
                staged.open(out / PARQUET_NAME).write(_parquet_from_rows(TABLES["meetings"], meeting_rows))
            staged.open(out / DATAPACKAGE_NAME).write(datapackage_json(csv_stats, excel=excel))
            staged.commit()
        break
    left_out += [LeftOut(out / f"{doc_id}.json", reason) for doc_id, reason in refused.items()]
    if not pyarrow and (out / PARQUET_NAME).exists():
        log.info("%s: removed, pyarrow is not installed to rebuild it", out / PARQUET_NAME)
        (out / PARQUET_NAME).unlink()
    return sorted(left_out, key=lambda p: str(p.file))


def _write_records(out: Path, staged: StagedFiles, candidates: list[Path], refused: dict[str, str], excel: bool):
    """One pass over the record files: the CSVs and JSON Lines files written
    into ``staged``, the database rows spilled.

    Returns:
        ``(left_out, spills, csv_stats, meeting_rows)``: the files left out,
        a spill file per database table (rewound), ``(size, SHA-256)`` of
        each CSV, and the rows of the meetings table (for Parquet).
    """
    import pickle

    left_out: list[LeftOut] = []
    csv_files, digests, sizes = {}, {}, {}
    for name, table in TABLES.items():
        csv_files[name] = staged.open(out / f"{name}.csv")
        digests[name] = hashlib.sha256()
        sizes[name] = 0
    jsonl = staged.open(out / JSONL_NAME)
    blocks = staged.open(out / BLOCKS_JSONL_NAME)
    spills = {name: tempfile.TemporaryFile(dir=out) for name, _ in _database_tables()}
    meeting_rows: list[list] = []

    def write_csv(name: str, data: bytes) -> None:
        csv_files[name].write(data)
        digests[name].update(data)
        sizes[name] += len(data)

    for name, table in TABLES.items():
        write_csv(name, csv_header(table, excel=excel))
    for path in candidates:
        record = check_record_file(path)
        if isinstance(record, LeftOut):
            left_out.append(record)
            continue
        if record.document.id in refused:
            continue
        for name, table in TABLES.items():
            table_rows = rows(table, record)
            write_csv(name, csv_rows(table, table_rows, excel=excel))
            pickle.dump(_database_rows(name, record, table_rows), spills[name], protocol=pickle.HIGHEST_PROTOCOL)
            if name == "meetings":
                meeting_rows.extend(table_rows)
        for name in _MATCH_TABLES:
            pickle.dump(_database_rows(name, record), spills[name], protocol=pickle.HIGHEST_PROTOCOL)
        jsonl.write(meetings_jsonl([record]))
        blocks.write(blocks_jsonl([record]))
    for spill in spills.values():
        spill.seek(0)
    stats = {name: (sizes[name], digests[name].hexdigest()) for name in TABLES}
    return left_out, spills, stats, meeting_rows


def _spilled(spill):
    """The rows pickled into a spill file, record after record."""
    import pickle

    while True:
        try:
            chunk = pickle.load(spill)
        except EOFError:
            return
        yield from chunk


def _refused_records(candidates: list[Path]) -> dict[str, str]:
    """Document id → the reason the database refuses that record alone (a key
    or CHECK constraint the models do not enforce)."""
    refused = {}
    for path in candidates:
        record = check_record_file(path)
        if isinstance(record, LeftOut):
            continue
        try:
            sqlite_bytes([record])
        except sqlite3.IntegrityError as exc:
            refused[record.document.id] = f"refused by the database ({exc})"
    return refused


