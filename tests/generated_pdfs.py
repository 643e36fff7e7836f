"""Small generators of PDFs for the tests: hostile files, each of which makes a
naive reader loop, recurse or allocate without bound, and plain Arabic pages.

Nothing big is stored in the repository: the large payloads (a 2 GiB Flate
bomb, 256 MiB of path operators) are built from one small compressed block
repeated, which a deflate stream allows after a full flush (the compressor's
history is reset there, so every later block compresses to the same bytes).
The files themselves stay around a few megabytes at most.

Every generator gives a file that pdfminer parses up to the hostile part: a
catalog, a page tree and a page with a standard Type 1 font, so the reader
reaches the trap the way a real file would lead it there.
"""

from __future__ import annotations

import random
import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def build_pdf(objects: list[bytes], *, root: int = 1, header: bytes = b"%PDF-1.7") -> bytes:
    """A PDF file from object bodies (``objects[0]`` is object 1), with a correct
    cross-reference table and trailer."""
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, length: int | None = None) -> bytes:
    """A stream object body; ``extra`` goes into its dictionary (e.g. ``/Filter /FlateDecode``)."""
    size = len(data) if length is None else length
    return b"<< /Length %d %s >>\nstream\n" % (size, extra) + data + b"\nendstream"


def repeated_deflate(block: bytes, times: int) -> bytes:
    """zlib data (header, deflate, Adler-32) of ``block * times``, built without
    ever holding more than ``block`` uncompressed: ``block`` is compressed once
    after a full flush, and its compressed bytes are repeated."""
    comp = zlib.compressobj(9)
    head = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    body = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)  # the same bytes for every further block
    tail = comp.flush(zlib.Z_FINISH)  # an empty final block and the Adler-32 of two blocks: recomputed below
    a, b = 1, 0
    for byte in block:  # Adler-32 of one block, then extended arithmetically to ``times`` blocks
        a = (a + byte) % 65521
        b = (b + a) % 65521
    # from (A, B), one block gives (A + S, B + n*A + T), with S and T fixed: S = a - 1, T = b - n
    n = len(block)
    a1, b1 = a - 1, b - n
    a_tot, b_tot = 1, 0
    for _ in range(times):  # few iterations: times is at most a few thousand
        b_tot = (b_tot + n * a_tot + b1) % 65521
        a_tot = (a_tot + a1) % 65521
    adler = (b_tot << 16) | a_tot
    deflate_end = tail[:-4]
    return head + body * (times - 1) + deflate_end + adler.to_bytes(4, "big")


def _page_pdf(content: bytes, *, resources: bytes = b"<< /Font << /F1 4 0 R >> >>", extra: list[bytes] = ()) -> bytes:
    """Catalog (1), pages (2), page (3), font (4), content stream (5), then ``extra`` (6…)."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 5 0 R >>" % resources,
        _FONT,
        content,
        *extra,
    ])


def self_reference() -> bytes:
    """The page tree root is an indirect object whose value is a reference to
    itself (``2 0 obj 2 0 R endobj``): resolving it never ends."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"2 0 R",
    ])


def tounicode_range() -> bytes:
    """A font whose ToUnicode CMap maps a range of 2^32 codes (``<00000000>
    <FFFFFFFF>``): a reader that expands the range allocates without bound."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Hostile def /CMapType 2 def\n"
        b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
        b"1 beginbfrange <00000000> <FFFFFFFF> <0627> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    text = b"BT /F1 12 Tf 72 720 Td <00000001> Tj ET"
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        stream(text),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        stream(cmap),
    ])


def recursive_forms(depth: int = 30) -> bytes:
    """``depth`` Form XObjects, each drawing the next one twice, the last drawing
    the first: 2^depth form executions, and a cycle besides."""
    first = 6
    forms = []
    for i in range(depth):
        nxt = first + (i + 1) % depth
        body = b"q /X Do Q q /X Do Q BT /F1 1 Tf (a) Tj ET"
        forms.append(
            stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                         b"/Resources << /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>" % nxt)
        )
    return _page_pdf(
        stream(b"/X Do"),
        resources=b"<< /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>" % first,
        extra=forms,
    )


def bad_checksum(kilobytes: int = 4096) -> bytes:
    """A page content stream whose Flate data has a wrong Adler-32 checksum.

    pdfminer retries such a stream one input byte at a time, appending to the
    output by concatenation: time grows with input size × output size. The
    text shows hex strings of pseudo-random bytes, which compress only about
    2:1, so the input is large (``kilobytes`` of output, half as much input).
    """
    rng = random.Random(13)
    lines = []
    size = 0
    while size < kilobytes * 1024:
        line = b"BT /F1 12 Tf 72 720 Td <%s> Tj ET\n" % rng.randbytes(32).hex().encode()
        lines.append(line)
        size += len(line)
    data = zlib.compress(b"".join(lines), 9)
    broken = data[:-4] + bytes(b ^ 0xFF for b in data[-4:])
    return _page_pdf(stream(broken, b"/Filter /FlateDecode"))


def path_operators(mebibytes: int = 256) -> bytes:
    """A page content stream of ``mebibytes`` MiB of path operators (move, line,
    stroke), Flate-compressed: millions of path objects for a layout analyser."""
    ops = b"10 10 m 20 20 l S\n"
    block = ops * ((1 << 20) // len(ops))
    return _page_pdf(stream(repeated_deflate(block, mebibytes), b"/Filter /FlateDecode"))


def flate_bomb(mebibytes: int = 2048) -> bytes:
    """A page content stream that inflates to ``mebibytes`` MiB of spaces (about
    1000:1 compressed)."""
    return _page_pdf(stream(repeated_deflate(b" " * (1 << 20), mebibytes), b"/Filter /FlateDecode"))


def arabic_pages(pages: int, line: str = "الاجتماع العالمي للعمليات التشاورية الإقليمية بشأن الهجرة") -> bytes:
    """A PDF of ``pages`` pages, each with the same few lines of Arabic.

    The font is the standard Helvetica (nothing embedded) with a ToUnicode
    map that gives each byte code an Arabic letter, so a reader extracts
    Arabic text; glyphs are drawn in visual order (the logical string
    reversed), one content stream per page.
    """
    letters = sorted(set(line) - {" "})
    if len(letters) > 90:
        raise ValueError("too many distinct letters for one-byte codes")
    code = {" ": 0x20} | {ch: 0x21 + i for i, ch in enumerate(letters)}
    bfchar = b"".join(b"<%02X> <%04X>\n" % (c, ord(ch)) for ch, c in code.items())
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Arabic def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n" % (len(code), bfchar)
    )
    visual = bytes(code[ch] for ch in reversed(line)).hex().encode()
    content = b"".join(b"BT /F1 14 Tf 60 %d Td <%s> Tj ET\n" % (760 - 24 * i, visual) for i in range(12))
    first_page = 5
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 122 "
        b"/Widths [%s] /ToUnicode 4 0 R >>" % b" ".join(b"500" for _ in range(91)),
        stream(cmap),
    ]
    for i in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (first_page + 2 * i + 1)
        )
        objects.append(stream(content))
    return build_pdf(objects)


def circular_page_tree() -> bytes:
    """A page tree whose Kids lead back to the root (Pages → Pages)."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def broken_page_tree() -> bytes:
    """A page tree whose Kids is not an array of references (a number)."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids 7 /Count 1 >>",
    ])


HOSTILE = {
    "self-reference": self_reference,
    "tounicode-range": tounicode_range,
    "recursive-forms": recursive_forms,
    "bad-checksum": bad_checksum,
    "path-operators": path_operators,
    "flate-bomb": flate_bomb,
}
