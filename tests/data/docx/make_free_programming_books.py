"""Make the Word versions of ``tests/data/markdown/free-programming-books-ar.md``
(an Arabic document by another publisher, CC BY 4.0: see ``SOURCES.md``).

Run from the repository root (needs Debian ``pandoc`` and ``libreoffice-writer-nogui``):

    uv run python tests/data/docx/make_free_programming_books.py

* ``free-programming-books-ar.pandoc.docx`` — pandoc reads the Markdown
  (GitHub-flavoured, as its publisher writes it) and writes Word, right to
  left (``dir: rtl``): headings as ``Heading 3``/``Heading 4`` styles, nested
  bullet lists as numbering levels 0 and 1, links as ``w:hyperlink``;
* ``free-programming-books-ar.libreoffice.docx`` — that file opened in
  LibreOffice Writer and saved again as Word 2007+ (LibreOffice's own styles,
  numbering definitions and run properties).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "tests" / "data" / "markdown" / "free-programming-books-ar.md"
OUT = ROOT / "tests" / "data" / "docx"
STEM = "free-programming-books-ar"


def main() -> None:
    pandoc = OUT / f"{STEM}.pandoc.docx"
    subprocess.run(
        ["pandoc", "--from", "gfm", "--to", "docx", "--metadata", "dir=rtl", "--metadata", "lang=ar",
         "-o", str(pandoc), str(SOURCE)],
        check=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        profile = f"-env:UserInstallation={(tmpdir / 'lo').as_uri()}"
        subprocess.run(
            ["soffice", profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmpdir / "out"),
             str(pandoc)],
            check=True, capture_output=True,
        )
        shutil.copy(tmpdir / "out" / pandoc.name, OUT / f"{STEM}.libreoffice.docx")


if __name__ == "__main__":
    main()
