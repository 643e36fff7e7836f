"""Write stage: records to JSON and CSV, the run report, all written atomically.

Every file is written to a temporary file in the same folder and renamed
into place (``os.replace``), so an interrupted run leaves either the old or
the new file, never half of one. The combined CSVs are rebuilt from the
per-document JSON files in the output folder, so documents from earlier runs
are kept.

Output is deterministic: JSON with sorted-by-model field order, two-space
indent, UTF-8, a final newline; CSV rows ordered by document id then
position; ``\\n`` line ends; no timestamps (those go to the run report only).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from glob import escape as glob_escape
from pathlib import Path

from pydantic import ValidationError

from .models import DocumentRecord, Table
from .tables import TABLES, rows

REPORT_NAME = "run_report.json"
MANIFEST_NAME = "manifest.json"
# Files in the output folder that are not document records.
RESERVED_JSON = frozenset({REPORT_NAME, MANIFEST_NAME, "datapackage.json"})


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        OSError: the folder is not writable (the temporary file is removed).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); output is shared data, so it
        # gets the mode a plain open() would give (0666 minus the umask).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def record_json(record: DocumentRecord) -> bytes:
    """The JSON bytes of a record (deterministic)."""
    text = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def load_records(out_dir: Path) -> tuple[list[DocumentRecord], list[str]]:
    """Every document record in ``out_dir`` (``*.json`` but the reserved names).

    Returns:
        ``(records, problems)``: the valid records sorted by document id, and
        one message per JSON file that is not a valid record (left as it is).
    """
    records = []
    problems = []
    for path in sorted(out_dir.glob("*.json")):
        if path.name in RESERVED_JSON:
            continue
        try:
            records.append(DocumentRecord.model_validate_json(path.read_bytes()))
        except ValidationError as exc:
            problems.append(f"{path}: not a valid document record ({exc.error_count()} errors); left out of the tables")
    return sorted(records, key=lambda r: r.document.id), problems


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_csv(name: str, records: list[DocumentRecord], *, excel: bool = False) -> bytes:
    """One combined table as CSV bytes (UTF-8; with a BOM when ``excel``)."""
    table = TABLES[name]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for record in records:
        for row in rows(table, record):
            writer.writerow([_csv_value(v) for v in row])
    return ("\ufeff" if excel else "").encode("utf-8") + buf.getvalue().encode("utf-8")


def write_tables(out_dir: Path, *, excel: bool = False) -> list[str]:
    """Rebuild the CSVs of :data:`pipeline.tables.TABLES` from the
    document JSON files in ``out_dir``.

    Returns:
        Problems with JSON files that were left out (see :func:`load_records`).
    """
    records, problems = load_records(out_dir)
    for name in TABLES:
        atomic_write(out_dir / f"{name}.csv", table_csv(name, records, excel=excel))
    return problems


def write_report(report, out_dir: Path) -> Path:
    """Write ``run_report.json`` (a :class:`pipeline.report.RunReport`)."""
    path = out_dir / REPORT_NAME
    atomic_write(path, (report.model_dump_json(indent=2) + "\n").encode("utf-8"))
    return path


TABLE_FILE_PATTERN = "{document_id}.table-{index}.csv"


def one_table_csv(table: Table, *, excel: bool = False) -> bytes:
    """One table of a record as a CSV of its own (UTF-8; with a BOM when ``excel``).

    The first CSV row names the columns: the header row's texts (several
    header rows joined with `` / ``, a text repeated by a merged cell
    once), ``label`` and ``value`` for a label | value table, else
    ``column_1`` … ``column_n``. Then one CSV row per body row, cells in
    the record's column order (in a right-to-left table the first CSV
    column is the rightmost column); a merged cell's text is in every slot
    it covers, as in the record.
    """
    header = []
    for k in range(table.n_cols):
        parts: list[str] = []
        for row in table.rows[: table.header_rows]:
            text = row[k].text
            if text and text not in parts:
                parts.append(text)
        header.append(" / ".join(parts))
    if table.header_rows == 0 or not any(header):
        header = ["label", "value"] if table.label_value else [f"column_{k + 1}" for k in range(table.n_cols)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in table.rows[table.header_rows :]:
        writer.writerow([cell.text for cell in row])
    return ("\ufeff" if excel else "").encode("utf-8") + buf.getvalue().encode("utf-8")


def write_table_files(records: list[DocumentRecord], folder: Path | str, *, excel: bool = False) -> list[Path]:
    """Write every table of ``records`` as a CSV of its own into ``folder``
    (:func:`one_table_csv`), named ``<document_id>.table-<n>.csv`` with
    ``n`` the table's 1-based position in its document (``table_index`` in
    ``tables.csv``). Files of that pattern left by an earlier run for the
    same documents, for tables they no longer have, are removed.

    Returns:
        The files written, in order.

    Raises:
        OSError: the folder cannot be created or a file cannot be written.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for record in records:
        doc_id = record.document.id
        for index, table in enumerate(record.tables, start=1):
            path = out / TABLE_FILE_PATTERN.format(document_id=doc_id, index=index)
            atomic_write(path, one_table_csv(table, excel=excel))
            written.append(path)
        keep = {p.name for p in written}
        for old in out.glob(TABLE_FILE_PATTERN.format(document_id=glob_escape(doc_id), index="*")):
            suffix = old.name[len(doc_id) + len(".table-") : -len(".csv")]
            if suffix.isdigit() and old.name not in keep:
                old.unlink()
    return written
