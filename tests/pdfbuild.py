"""Build small PDFs byte by byte for tests of the PDF backend.

Each test states the content stream it needs (operators, fonts with chosen
widths and ToUnicode texts, graphics states, optional content) instead of
depending on what a producer happens to write.
"""

from __future__ import annotations

from pipeline.read.pdf_backend import write_pdf


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


class PdfBuilder:
    """Objects are numbered in the order they are added; ``build`` writes the file."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []
        self.pages: list[int] = []
        self.catalog_extra = b""

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects) + 2  # 1: catalog, 2: page tree

    def stream(self, data: bytes, extra: bytes = b"") -> int:
        return self.add(b"<<%s/Length %d>>stream\n%s\nendstream" % (extra, len(data), data))

    def to_unicode(self, texts: dict[int, str], nbytes: int) -> int:
        """A ToUnicode CMap stream for codes of ``nbytes`` bytes."""
        digits = 2 * nbytes
        pairs = " ".join(f"<{c:0{digits}X}> <{_utf16(t)}>" for c, t in sorted(texts.items()))
        cmap = (
            f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <{'0' * digits}> "
            f"<{'F' * digits}> endcodespacerange {len(texts)} beginbfchar {pairs} endbfchar endcmap end end"
        ).encode()
        return self.stream(cmap)

    def font(
        self, texts: dict[int, str], widths: dict[int, int] | None = None, name: str = "TestFont", symbolic: bool = False
    ) -> int:
        """A Type 1 font without font file: codes → ToUnicode texts, widths in
        1/1000 em (default 500); ``symbolic`` sets descriptor flag 4 (codes
        outside the ToUnicode map then have no text)."""
        codes = sorted(set(texts) | set(widths or {}))
        first, last = codes[0], codes[-1]
        w = " ".join(str((widths or {}).get(c, 500)) for c in range(first, last + 1))
        to_unicode = self.to_unicode(texts, 1)
        descriptor = b"/FontDescriptor<</Type/FontDescriptor/FontName/%s/Flags 4>>" % name.encode() if symbolic else b""
        return self.add(
            b"<</Type/Font/Subtype/Type1/BaseFont/%s/FirstChar %d/LastChar %d/Widths[%s]/ToUnicode %d 0 R%s>>"
            % (name.encode(), first, last, w.encode(), to_unicode, descriptor)
        )

    def composite_font(self, texts: dict[int, str], widths: dict[int, int] | None = None, name: str = "TestCID") -> int:
        """A Type 0 font (Identity-H, two-byte codes = CIDs) without font
        file: CIDs → ToUnicode texts, widths in 1/1000 em (default 500)."""
        cids = sorted(set(texts) | set(widths or {}))
        w = " ".join(f"{c} [{(widths or {}).get(c, 500)}]" for c in cids)
        to_unicode = self.to_unicode(texts, 2)
        descriptor = self.add(b"<</Type/FontDescriptor/FontName/%s/Flags 4/FontBBox[0 -300 1000 900]/ItalicAngle 0"
                              b"/Ascent 900/Descent -300/CapHeight 700/StemV 80>>" % name.encode())
        cid_font = self.add(
            b"<</Type/Font/Subtype/CIDFontType2/BaseFont/%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)"
            b"/Supplement 0>>/FontDescriptor %d 0 R/W[%s]/DW 500>>" % (name.encode(), descriptor, w.encode())
        )
        return self.add(
            b"<</Type/Font/Subtype/Type0/BaseFont/%s/Encoding/Identity-H/DescendantFonts[%d 0 R]/ToUnicode %d 0 R>>"
            % (name.encode(), cid_font, to_unicode)
        )

    def page(self, content: bytes, fonts: dict[str, int] | None = None, resources: bytes = b"", size=(600, 800),
             extra: bytes = b"") -> int:
        """A page; ``extra`` goes into its dictionary as is (``/Annots[…]``, ``/Rotate 90``)."""
        font_res = b"".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in (fonts or {}).items())
        contents = self.stream(content)
        number = self.add(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources<</Font<<%s>>%s>>/Contents %d 0 R%s>>"
            % (size[0], size[1], font_res, resources, contents, extra)
        )
        self.pages.append(number)
        return number

    def build(self) -> bytes:
        kids = b" ".join(b"%d 0 R" % n for n in self.pages)
        bodies = [
            b"<</Type/Catalog/Pages 2 0 R%s>>" % self.catalog_extra,
            b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(self.pages)),
            *self.objects,
        ]
        return write_pdf(bodies)


def arabic_pages(pages: list[list[str]], wrong: dict[str, str] | None = None, size: float = 12.0) -> bytes:
    """A PDF of right-aligned Arabic lines, one glyph per character drawn in
    visual order (right to left), one font whose ToUnicode map gives each
    glyph its character, or ``wrong[char]`` instead (a broken text layer)."""
    chars = sorted({c for lines in pages for line in lines for c in line})
    codes = {c: 0x21 + i for i, c in enumerate(chars)}
    pdf = PdfBuilder()
    font = pdf.font(
        {code: (wrong or {}).get(c, c) for c, code in codes.items()},
        {code: 250 if c == " " else 500 for c, code in codes.items()},
    )
    for lines in pages:
        ops = [b"BT /F1 %g Tf" % size]
        for k, line in enumerate(lines):
            width = sum(0.25 if c == " " else 0.5 for c in line) * size
            visual = line[::-1]
            hexes = "".join(f"{codes[c]:02X}" for c in visual)
            ops.append(b"1 0 0 1 %.2f %.2f Tm <%s> Tj" % (550 - width, 750 - k * size * 1.5, hexes.encode()))
        ops.append(b"ET")
        pdf.page(b"\n".join(ops), {"F1": font})
    return pdf.build()
