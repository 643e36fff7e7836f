"""Layout kinds set by several producers (tests/data/pdf/kinds, made by its
``make_kinds.py`` from the hand-written texts of its ``content.py``).

Each fixture's ``expected.json`` entry lists its units (panels, cards, bios,
full-width stretches) in reading order; every heading, paragraph and list
item must come out as one block, every address line as a line of its own,
all in that order: no line of a neighbouring column or card mixed in, no
faint decoration read as text, no word cut by the producer's stretching.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.normalize import to_display
from pipeline.read.pdf import read_pdf

KINDS = Path(__file__).resolve().parent / "data" / "pdf" / "kinds"
EXPECTED = json.loads((KINDS / "expected.json").read_text("utf-8"))


def norm(text: str) -> str:
    return " ".join(to_display(text).split())


@cache
def blocks(name: str):
    return [b for b in read_pdf(KINDS / name).blocks if b.role in (None, "body")]


def wanted(name: str) -> list[tuple[str, str]]:
    out = []
    for unit in EXPECTED[name]["units"]:
        for kind, text in unit:
            if kind in ("lines", "lines_ltr"):
                out.extend(("line", line) for line in text.split("\n"))
            else:
                out.append(("p" if kind == "p_ltr" else kind, text))
    return out


def locate(found, kind: str, text: str, after: tuple[int, int] = (-1, -1)) -> tuple[int, int] | None:
    """``(block, line)`` of the expected item after position ``after``, or ``None``."""
    want = norm(text)
    for i, b in enumerate(found):
        if i < after[0]:
            continue
        if kind != "line":
            if i > after[0] and norm(" ".join(b.lines)) == want:
                return i, 0
            continue
        for k, line in enumerate(b.lines):
            if (i, k) <= after or norm(line) != want:
                continue
            # An address line is a line of its own: hard breaks around it.
            joins = b.joins or (None,) * (len(b.lines) - 1)
            if (k == 0 or joins[k - 1] is None) and (k == len(b.lines) - 1 or joins[k] is None):
                return i, k
    return None


def test_every_fixture_is_listed():
    assert {p.name for p in KINDS.glob("*.pdf")} == set(EXPECTED)
    producers = {}
    for name, entry in EXPECTED.items():
        producers.setdefault(name.split("-")[0], set()).add(entry["producer"])
    # Every kind is set by at least two producers.
    assert all(len(p) >= 2 for p in producers.values()), producers


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_units_read_whole_and_in_order(name):
    found = blocks(name)
    at = (-1, -1)
    for kind, text in wanted(name):
        nxt = locate(found, kind, text, at)
        if nxt is None:
            where = "out of order" if locate(found, kind, text) else "missing"
            got = "\n".join(" / ".join(b.lines) for b in found)
            pytest.fail(f"{where}: {text}\ngot:\n{got}")
        at = nxt
        b = found[at[0]]
        if kind == "h":
            assert b.heading_level is not None, f"not a heading: {text}"
        elif kind == "li":
            assert b.list_item, f"not a list item: {text}"
        elif kind == "p":
            assert not b.list_item and b.heading_level is None, f"not a paragraph: {text}"


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("overlap-")))
def test_faint_decoration_is_not_read(name):
    text = " ".join(norm(" ".join(b.lines)) for b in read_pdf(KINDS / name).blocks)
    # The faint copy of the heading is not read a second time, and the
    # light numbers behind the titles are not read at all.
    assert text.count("برنامج التدريب الإقليمي") == 1
    assert "01" not in text and "02" not in text


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("shadow-")))
def test_a_shadow_is_read_once_and_a_badge_over_a_heading_apart(name):
    found = read_pdf(KINDS / name).blocks
    texts = [norm(" ".join(b.lines)) for b in found]
    assert texts.count("دليل الإجراءات القنصلية") == 1 and sum("القنصلية" in t for t in texts) == 1
    # The badge is a block of its own, next to the heading it covers.
    at = texts.index("ورشة العمل الإقليمية")
    assert "جديد" in (texts[at - 1], texts[at + 1])


# --------------------------------------------------------------------------
# Spaces inside words: glyphs positioned one by one (Word through a PDF
# converter), no space glyphs, gaps before final letters.

from .pdfbuild import PdfBuilder  # noqa: E402

WORD_GAP_SENTENCE = "خدمات استشاريـة لتعزيز التكامل الإقليمي"
# Words drawn with a gap of 0.2 em before their final letter: wider than
# kerning (0.15 em), narrower than the font's word space (0.28 em).
GAPPED = {"استشاريـة", "التكامل", "الإقليمي"}


def word_by_word_pdf(composite: bool) -> bytes:
    chars = sorted(set(WORD_GAP_SENTENCE.replace(" ", "")))
    codes = {c: 0x21 + i for i, c in enumerate(chars)}
    widths = {code: 300 if c == "\u0640" else 500 for c, code in codes.items()}
    widths[0x20] = 280
    texts = {code: c for c, code in codes.items()} | {0x20: " "}
    pdf = PdfBuilder()
    font = pdf.composite_font(texts, widths) if composite else pdf.font(texts, widths)
    fmt = "{:04X}" if composite else "{:02X}"
    parts = []
    for w, word in enumerate(reversed(WORD_GAP_SENTENCE.split(" "))):
        if w:
            parts.append("-280")  # the word space, as a move: no space glyph
        for k, c in enumerate(reversed(word)):
            if k == 1 and word in GAPPED:
                parts.append("-200")
            parts.append("<" + fmt.format(codes[c]) + ">")
    content = f"BT /F1 20 Tf 1 0 0 1 60 700 Tm [{' '.join(parts)}] TJ ET".encode()
    pdf.page(content, {"F1": font})
    return pdf.build()


@pytest.mark.parametrize("composite", [False, True], ids=["simple-font", "composite-font"])
def test_gaps_narrower_than_the_fonts_word_space_do_not_cut_words(tmp_path, composite):
    path = tmp_path / "word-by-word.pdf"
    path.write_bytes(word_by_word_pdf(composite))
    (block,) = read_pdf(path).body_blocks
    # The kashida (tatweel) the producer drew inside a word goes at normalization.
    assert norm(" ".join(block.lines)) == "خدمات استشارية لتعزيز التكامل الإقليمي"
