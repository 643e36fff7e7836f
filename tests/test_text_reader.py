"""Text reader: blocks, Markdown hints, line provenance, encodings."""

from pathlib import Path

import pytest

from pipeline.errors import DecodingError, EmptySourceError
from pipeline.read.text import parse_text, read_text


def test_blocks_keep_line_numbers_and_markdown_hints():
    # a line right after a list item continues it (Markdown's lazy continuation)
    blocks = parse_text("\n## عنوان\nنص أول\nتابع\n\n◆ بند\n- بند ثان\nتتمة\n\n**عريض**\n")
    assert [(b.lines, b.line_start, b.line_end) for b in blocks] == [
        (("عنوان",), 2, 2),
        (("نص أول", "تابع"), 3, 4),
        (("بند",), 6, 6),
        (("بند ثان", "تتمة"), 7, 8),
        (("**عريض**",), 10, 10),
    ]
    assert blocks[0].heading_level == 2
    assert [b.list_item for b in blocks] == [False, False, True, True, False]
    assert blocks[4].bold


def test_crlf_and_bom_are_fine(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffسطر أول\r\n\r\nسطر ثان\r\n".encode("utf-8"))
    doc = read_text(path)
    assert [b.lines for b in doc.blocks] == [("سطر أول",), ("سطر ثان",)]
    assert [b.line_start for b in doc.blocks] == [1, 3]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256"])
def test_other_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str):
    text = "الاجتماع العالمي الأول: 2005\n\nالمضيف: المنظمة الدولية للهجرة\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_text(path)
    assert [b.text for b in doc.blocks] == ["الاجتماع العالمي الأول: 2005", "المضيف: المنظمة الدولية للهجرة"]


def test_empty_and_undecodable_files_are_typed_errors(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(EmptySourceError, match="empty.txt"):
        read_text(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe\x00abc" * 10)
    with pytest.raises(DecodingError, match="bin.txt"):
        read_text(binary)
