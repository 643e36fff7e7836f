"""Typeset each small brochure of this folder (``<kind>.md``) as ``<kind>.pdf``.

Run from the repository root (needs ``chromium`` and the Noto Naskh Arabic
font, Debian ``fonts-noto-core``):

    uv run python tests/data/kinds/make_pdfs.py [KIND ...]

Each ``.md`` is a hand-written brochure built around one kind of field text
that used to give wrong or lost values (issue 12); ``tests/test_field_kinds.py``
checks that the text and the PDF give the same, hand-checked records. The
HTML is minimal: ``#`` title, ``##`` headings, paragraphs with a bold
``label:``; long digit runs may break anywhere (``overflow-wrap``).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pdf" / "hidden"))
from make_hidden import chromium  # noqa: E402  (the same headless printing as the hidden fixtures)

CSS = """
@page { size: A4; margin: 18mm 16mm; }
html { direction: rtl; }
body { margin: 0; font-family: "Noto Naskh Arabic"; font-size: 12pt; line-height: 1.5; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin: 0 0 0.6em; }
h2 { font-size: 1.2em; margin: 0.9em 0 0.4em; }
p { margin: 0 0 0.5em; }
"""
_BOLD_LABEL_RE = re.compile(r"^\*\*([^*]+?)\*\*\s*")


def to_html(source: str) -> str:
    body = []
    for para in re.split(r"\n\s*\n", source.strip()):
        line = " ".join(para.split("\n")).strip()
        if line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        else:
            m = _BOLD_LABEL_RE.match(line)
            label = f"<b>{html.escape(m.group(1))}</b> " if m else ""
            body.append(f"<p>{label}{html.escape(line[m.end():] if m else line)}</p>")
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>brochure</title>'
        f"<style>{CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def main(names: list[str]) -> None:
    sources = sorted(HERE.glob("*.md"))
    for md in sources:
        if names and md.stem not in names:
            continue
        pdf = md.with_suffix(".pdf")
        chromium(to_html(md.read_text(encoding="utf-8")), pdf)
        print(f"{pdf.name}: {pdf.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
