"""Write stage: records to JSON and CSV, the run report, all written atomically.

Every file is written to a temporary file in the same folder and renamed
into place (``os.replace``), so an interrupted run leaves either the old or
the new file, never half of one; :func:`atomic_write_many` replaces a set of
files together: all of them are written first, and none is replaced when
one cannot be written (a full disk). The combined CSVs are rebuilt from the
per-document JSON files in the output folder, so documents from earlier runs
are kept; :func:`load_records` checks each file before it enters the tables.

Output is deterministic: JSON with sorted-by-model field order, two-space
indent, UTF-8, a final newline; CSV rows ordered by document id then
position; ``\\n`` line ends; no timestamps (those go to the run report only).

CSV for spreadsheets (``excel``): a text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets, so a brochure could plant one that runs when
the file is opened (CSV injection). Under ``excel`` such cells get a leading
``'`` (the OWASP rule, https://owasp.org/www-community/attacks/CSV_Injection);
the plain CSVs keep every value exactly as extracted.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
import tempfile
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from .models import DocumentRecord, Table
from .tables import TABLES, rows

REPORT_NAME = "run_report.json"
MANIFEST_NAME = "manifest.json"
# Files in the output folder that are not document records.
RESERVED_JSON = frozenset({REPORT_NAME, MANIFEST_NAME, "datapackage.json"})
# Characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Room a temporary name needs beyond its prefix: ".", mkstemp's 8 random characters, ".tmp".
_TMP_EXTRA = 13
_NAME_MAX = 255


def _tmp_prefix(name: str) -> str:
    """``.<name>.`` cut (on a character boundary) so that the temporary file
    name fits in 255 bytes even when ``name`` itself nearly does."""
    room = _NAME_MAX - _TMP_EXTRA - 1
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) > room:
        name = raw[:room].decode("utf-8", "ignore")
    return f".{name}."


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        OSError: the folder is not writable, the disk is full, ``path`` is a
            folder (the temporary file is removed).
    """
    atomic_write_many({path: data})


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Replace several files together: every file is first written in full
    (and synced) to a temporary file beside it; only then are they all renamed
    into place, and the folders synced (:class:`StagedFiles`).

    A failure before the renames (a full disk, a folder in the way of a
    temporary name) leaves every file as it was. A crash between renames may
    leave some replaced, which a rerun repairs (the dataset files are rebuilt
    from the records each run).

    Raises:
        OSError: a file could not be written or renamed (temporary files are removed).
    """
    with StagedFiles() as staged:
        for path, data in files.items():
            staged.open(path).write(data)
        staged.commit()


class StagedFiles:
    """Files written bit by bit to temporary files beside their targets, then
    renamed into place together by :meth:`commit` (all or none replaced, as
    :func:`atomic_write_many`); leaving the ``with`` block without a commit,
    or on an error, removes the temporary files and keeps the old files.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path, BinaryIO]] = []

    def open(self, path: Path) -> BinaryIO:
        """A binary file to write ``path``'s new content into.

        Raises:
            OSError: the temporary file cannot be created.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_tmp_prefix(path.name), suffix=".tmp")
        try:
            f = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            os.unlink(tmp)
            raise
        self._staged.append((tmp, path, f))
        # mkstemp makes the file private (0600); output is shared data, so it
        # gets the mode a plain open() would give (0666 minus the umask).
        os.fchmod(fd, 0o666 & ~_umask())
        return f

    def reserve(self, path: Path) -> Path:
        """An empty temporary file beside ``path`` for a library to write
        ``path``'s new content into (by its own name); renamed by :meth:`commit`.

        Raises:
            OSError: the temporary file cannot be created.
        """
        f = self.open(path)
        f.close()
        return Path(self._staged[-1][0])

    def commit(self) -> None:
        """Sync every file, then rename them all into place and sync the folders.

        Raises:
            OSError: a file could not be written, synced or renamed.
        """
        for tmp, _, f in self._staged:
            if f.closed:  # reserved: written by another library
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
                continue
            f.flush()
            os.fsync(f.fileno())
            f.close()
        for _, path, _ in self._staged:  # checked before any rename: all files or none
            if path.is_dir() and not path.is_symlink():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        for tmp, path, _ in self._staged:
            os.replace(tmp, path)
        folders = {path.parent for _, path, _ in self._staged}
        self._staged = []
        for folder in folders:
            _sync_folder(folder)

    def discard(self) -> None:
        """Remove the temporary files not committed."""
        for tmp, _, f in self._staged:
            f.close()
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        self._staged = []

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()


def _sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (where folders can be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def record_json(record: DocumentRecord) -> bytes:
    """The JSON bytes of a record (deterministic): UTF-8, two-space indent,
    ``": "`` and ``","`` separators, one final newline.

    pydantic serializes straight to bytes, the same bytes as
    ``json.dumps(record.model_dump(mode="json"), ensure_ascii=False,
    indent=2)`` gives for the values records hold (strings, integers, and
    floats rounded to 0.1 or 0.01; ``tests/test_export.py`` compares the
    two), without the intermediate dict and str: a 1000-page record peaked
    at +89 MB that way, +25 MB this way, and is serialized 3× faster.
    """
    return record.__pydantic_serializer__.to_json(record, indent=2) + b"\n"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A JSON file of an output folder that did not enter the tables.

    Attributes:
        file: the file.
        reason: why (not a record, another schema MAJOR, a document id that
            is not its file name, …), one sentence.
    """

    file: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}; left out of the tables"


def load_records(out_dir: Path) -> tuple[list[DocumentRecord], list[str]]:
    """Every valid document record in ``out_dir``, and one line per JSON file
    left out (see :func:`collect_records`)."""
    records, left_out = collect_records(out_dir)
    return records, [str(p) for p in left_out]


def collect_records(out_dir: Path) -> tuple[list[DocumentRecord], list[LeftOut]]:
    """Every document record in ``out_dir`` (``*.json`` but the reserved names),
    each checked before it may enter the tables.

    A file is left out (and left as it is) when it is not a regular file (a
    folder, a dangling link), cannot be read, is not a valid
    :class:`DocumentRecord`, has a ``schema_version`` of another MAJOR than
    this pipeline's, or holds a document id other than its file name (a
    record copied under another name would give every row twice).

    Returns:
        ``(records, left_out)``: the valid records sorted by document id, and
        one :class:`LeftOut` per other file (its ``str`` is one line).
    """
    records = []
    left_out = []
    for path in record_files(out_dir):
        checked = check_record_file(path)
        if isinstance(checked, LeftOut):
            left_out.append(checked)
        else:
            records.append(checked)
    return sorted(records, key=lambda r: r.document.id), left_out


def record_files(out_dir: Path) -> list[Path]:
    """The candidate record files of ``out_dir``: ``*.json`` but the reserved names, sorted by name."""
    return [p for p in sorted(out_dir.glob("*.json")) if p.name not in RESERVED_JSON]


def check_record_file(path: Path) -> DocumentRecord | LeftOut:
    """A record file's valid record, or why it is left out (see :func:`collect_records`)."""
    from .models import incompatible_schema

    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return LeftOut(path, "not a regular file")
        record = DocumentRecord.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return LeftOut(path, "a link to a missing file")
    except OSError as exc:
        return LeftOut(path, f"cannot be read ({exc.strerror or exc})")
    except ValidationError as exc:
        return LeftOut(path, f"not a valid document record ({exc.error_count()} errors; see `validate`)")
    problem = incompatible_schema(record.schema_version)
    if problem:
        return LeftOut(path, problem)
    if record.document.id != path.stem:
        return LeftOut(
            path, f"holds document {record.document.id!r}, not {path.stem!r} as its name says (a copy under another name?)"
        )
    return record


def _csv_value(value: object, *, neutralise: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if neutralise and text.startswith(FORMULA_START):
        return "'" + text
    return text


def table_csv(name: str, records: list[DocumentRecord], *, excel: bool = False) -> bytes:
    """One combined table as CSV bytes (UTF-8, ``\\n`` line ends).

    A cell with a line break, a carriage return, ``,`` or ``"`` is quoted
    (RFC 4180), so that no text can cut or forge a row.

    With ``excel``: a UTF-8 BOM, and text cells that a spreadsheet would read
    as a formula (starting with one of :data:`FORMULA_START`) prefixed with
    ``'`` (see the module docstring); numbers, dates and booleans are never
    changed.
    """
    table = TABLES[name]
    lines = [csv_header(table, excel=excel)]
    for record in records:
        lines.append(csv_rows(table, rows(table, record), excel=excel))
    return b"".join(lines)


def csv_header(table, *, excel: bool = False) -> bytes:
    """The first bytes of a table's CSV: the BOM under ``excel``, and the header line."""
    return ("\ufeff" if excel else "").encode("utf-8") + _csv_line(table.column_names).encode("utf-8")


def csv_rows(table, table_rows: list[list], *, excel: bool = False) -> bytes:
    """CSV lines of rows of ``table`` (see :func:`table_csv`)."""
    neutralise = [excel and c.type == "string" for c in table.columns]
    return "".join(
        _csv_line([_csv_value(v, neutralise=n) for v, n in zip(row, neutralise)]) for row in table_rows
    ).encode("utf-8")


def _csv_line(cells: list[str]) -> str:
    """One CSV row ending in ``\\n``. Python's writer quotes a cell holding a
    character of its line terminator but not a lone ``\\r`` when the terminator
    is ``\\n``: the row is written with ``\\r\\n`` (so both are quoted) and its
    terminator then replaced."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()[:-2] + "\n"


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
