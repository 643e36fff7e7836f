"""Tables: a reader's grid into the record's :class:`~pipeline.models.Table`.

The grid is made full: every slot gets a cell; a merged cell keeps its spans
at its own slot and its text is repeated, with ``merged_into`` pointing back,
in the slots it covers; a slot no cell covers is an empty cell, so no cell is
ever shifted; leading rows with no text at all are left out. Leading rows
whose cells the reader marked as header cells are the header; a two-column table without header whose first column holds a
short label in every row is a label | value table (:func:`is_label_value`).
"""

from __future__ import annotations

from ..models import Provenance, Table, TableCell
from ..normalize import NText
from .model import Node, box_of


def table_record(node: Node, section_index: int | None) -> Table:
    """The record of a table node (``node.table`` set).

    Args:
        node: a ``kind == "table"`` node.
        section_index: 1-based index of the section the table stands in, or ``None``.
    """
    grid = node.table
    assert grid is not None
    slots: list[list[TableCell | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    header_rows: set[int] = set()
    for c in grid.cells:
        text = NText.from_raw(" ".join(c.lines))
        row_span = max(1, min(c.row_span, grid.n_rows - c.row))
        col_span = max(1, min(c.col_span, grid.n_cols - c.col))
        common = dict(text=text.display, text_normalized=text.match, is_header=c.header, page=c.page)
        if slots[c.row][c.col] is None:
            slots[c.row][c.col] = TableCell(row=c.row, col=c.col, row_span=row_span, col_span=col_span,
                                            bbox=box_of(c.bbox), **common)
        for r in range(c.row, c.row + row_span):
            for k in range(c.col, c.col + col_span):
                if (r, k) != (c.row, c.col) and slots[r][k] is None:
                    slots[r][k] = TableCell(row=r, col=k, merged_into=[c.row, c.col], **common)
        if c.header:
            header_rows.update(range(c.row, c.row + row_span))
    # A leading row with no text at all (the empty header a Markdown table
    # without header needs) carries nothing: it is left out.
    skip = 0
    while skip < len(slots) - 1 and all(c is None or not c.text for c in slots[skip]) and not any(
        c is not None and c.row_span > 1 for c in slots[skip]
    ):
        skip += 1
    rows = [
        [
            (cell.model_copy(update={"row": r - skip, "merged_into": [cell.merged_into[0] - skip, cell.merged_into[1]]
                                     if cell.merged_into else None}) if skip else cell)
            if cell is not None else TableCell(row=r - skip, col=k, text="", text_normalized="")
            for k, cell in enumerate(row)
        ]
        for r, row in enumerate(slots) if r >= skip
    ]
    n_header = 0
    while n_header + skip in header_rows:
        n_header += 1
    pages = sorted({c.page for c in grid.cells if c.page is not None})
    return Table(
        section_index=section_index,
        n_rows=grid.n_rows - skip,
        n_cols=grid.n_cols,
        header_rows=n_header,
        label_value=n_header == 0 and is_label_value(rows),
        rtl=grid.rtl,
        rows=rows,
        pages=pages,
        bbox=box_of(node.bbox),
        provenance=Provenance(**node.span.model_dump()),
    )


# A label is a few words, not a sentence or a question.
LABEL_MAX_WORDS = 6
_SENTENCE_END = (".", "!", "?", "؟", "…")


def is_label_value(rows: list[list[TableCell]]) -> bool:
    """A two-column table whose rows pair a label with its value.

    Every row has a label in its first column (reading order) that is its
    own (not a slot of a merged cell), of at most ``LABEL_MAX_WORDS`` words,
    not ending as a sentence or a question does; the labels differ. A
    two-column table of sentences side by side (questions and answers, a
    bilingual text) is none. A row that is one cell across both columns (a
    note under the pairs: ``* المواصفات قابلة للتغيير``, :func:`is_note_row`)
    pairs nothing and is left aside.
    """
    if not rows or len(rows[0]) != 2:
        return False
    pairs = [row for row in rows if not is_note_row(row)]
    if not pairs:
        return False
    labels = []
    for row in pairs:
        label = row[0]
        text = label.text.strip()
        if not text or label.merged_into is not None or len(text.split()) > LABEL_MAX_WORDS or text.endswith(_SENTENCE_END):
            return False
        labels.append(label.text_normalized.strip().rstrip(":"))
    return len(set(labels)) == len(labels)


def is_note_row(row: list[TableCell]) -> bool:
    """The row is one cell over all its columns."""
    return len(row) > 1 and row[0].merged_into is None and row[0].col_span >= len(row)


def label_value_fields(node: Node) -> tuple[Node, ...]:
    """The rows of a label | value table as field nodes (label: the first cell in
    reading order without its colon; value: the second), so that profiles and
    extractors read a table of fields as they read ``label: value`` lines;
    ``()`` for any other table. Each field has the table's provenance and its
    label cell's box."""
    record = table_record(node, None)
    if not record.label_value:
        return ()
    out = []
    source = {(c.row, c.col): c for c in node.table.cells} if node.table is not None else {}
    for row in record.rows:
        if is_note_row(row):
            continue
        label = NText.from_display(row[0].text.rstrip(":：").strip())
        value = NText.from_display(row[1].text)
        whole = NText.from_display(f"{label.display}: {value.display}".strip())
        cell = source.get((row[0].row, row[0].col))
        out.append(Node("field", whole, (whole,), node.span, cell.bbox if cell else node.bbox, node.source,
                        label=label, value=value, value_lines=(value,) if value else (), lang=node.lang))
    return tuple(out)
