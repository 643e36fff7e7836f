"""Tables: a reader's grid into the record's :class:`~pipeline.models.Table`.

The grid is made full: every slot gets a cell; a merged cell keeps its spans
at its own slot and its text is repeated, with ``merged_into`` pointing back,
in the slots it covers; a slot no cell covers is an empty cell, so no cell is
ever shifted. Leading rows whose cells the reader marked as header cells are
the header; a two-column table without header whose first column holds a
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
    rows = [
        [cell if cell is not None else TableCell(row=r, col=k, text="", text_normalized="") for k, cell in enumerate(row)]
        for r, row in enumerate(slots)
    ]
    n_header = 0
    while n_header in header_rows:
        n_header += 1
    pages = sorted({c.page for c in grid.cells if c.page is not None})
    return Table(
        section_index=section_index,
        n_rows=grid.n_rows,
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
    bilingual text) is none.
    """
    if not rows or len(rows[0]) != 2:
        return False
    labels = []
    for row in rows:
        label = row[0]
        text = label.text.strip()
        if not text or label.merged_into is not None or len(text.split()) > LABEL_MAX_WORDS or text.endswith(_SENTENCE_END):
            return False
        labels.append(label.text_normalized.strip().rstrip(":"))
    return len(set(labels)) == len(labels)
