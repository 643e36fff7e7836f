"""Text reader: blocks, Markdown hints, line provenance, encodings."""

from pathlib import Path

import pytest

from pipeline.errors import DecodingError, EmptySourceError
from pipeline.read.text import decode_text, parse_text, read_text


def test_blocks_keep_line_numbers_and_markdown_hints():
    # a line right after a list item continues it (Markdown's lazy continuation)
    blocks = parse_text("\n## عنوان\nنص أول\nتابع\n\n◆ بند\n- بند ثان\nتتمة\n\n**عريض**\n")
    assert [(b.lines, b.line_start, b.line_end) for b in blocks] == [
        (("عنوان",), 2, 2),
        (("نص أول", "تابع"), 3, 4),
        (("بند",), 6, 6),
        (("بند ثان", "تتمة"), 7, 8),
        (("عريض",), 10, 10),
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


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256", "iso-8859-6", "mac-arabic", "cp720"])
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


BROCHURE_LINES = [
    "# الاجتماعات العالمية",
    "",
    "## الاجتماع العالمي الأول للعمليات التشاورية الإقليمية بشأن الهجرة: 2005",
    "",
    "المضيف: المنظمة الدولية للهجرة",
    "",
    "تاريخ ومكان الانعقاد: 14-15 نيسان/ أبريل 2005، جنيف، سويسرا",
    "",
    "المشاركون: 9 آليات من آليات التشاور بين الدول بشأن الهجرة",
]


def test_a_file_half_utf8_half_windows_1256_is_an_encoding_error_at_the_first_bad_line():
    head = "\n".join(BROCHURE_LINES[:6]) + "\n"
    tail = "\n".join(BROCHURE_LINES[6:]) + "\n"
    data = head.encode("utf-8") + tail.encode("cp1256")
    with pytest.raises(DecodingError) as err:
        decode_text(data, Path("mixed.txt"))
    assert err.value.kind == "encoding" and err.value.line == 7
    assert "mixed.txt, line 7:" in err.value.message and "not valid utf-8" in err.value.message


def test_a_few_invalid_bytes_in_a_utf8_file_are_an_encoding_error_not_another_encoding():
    lines = [line.encode("utf-8") for line in BROCHURE_LINES]
    lines[4] = lines[4][:8] + b"\xff\xfe\x81\x8d" + lines[4][8:]  # four bad bytes on line 5
    with pytest.raises(DecodingError) as err:
        decode_text(b"\n".join(lines), Path("damaged.txt"))
    assert err.value.line == 5 and "0xff" in err.value.message


def test_a_bom_file_that_does_not_decode_names_its_line():
    data = b"\xef\xbb\xbf" + "سطر أول\nسطر ثان\n".encode("utf-8") + b"\xc3\x28\n"
    with pytest.raises(DecodingError) as err:
        decode_text(data, Path("bom.txt"))
    assert err.value.line == 3 and "byte-order mark" in err.value.message and "at byte 31 " in err.value.message


def test_a_legacy_code_page_file_with_a_stray_utf8_letter_pair_is_still_read():
    # "ع،" in Windows-1256 is the bytes DA A1, which happen to be valid UTF-8 too
    text = "اجتماع، اجتماع، اجتماع ع، ثم\n"
    assert decode_text(text.encode("cp1256"), Path("a.txt")) == (text, "cp1256")
