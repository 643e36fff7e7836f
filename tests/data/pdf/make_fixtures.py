"""Generate the PDF reader's layout fixtures (committed next to this script).

Run from the repository root (needs the Amiri font, Debian ``fonts-hosny-amiri``):

    uv run --with reportlab --with arabic-reshaper --with pypdf python tests/data/pdf/make_fixtures.py

Arabic is shaped with arabic-reshaper (presentation forms) and put in visual
order with python-bidi, then drawn with ReportLab, one ``drawString`` per line
(or per word, for the gap-only page). The texts are the ones the tests expect.

* ``two-columns.pdf``: a title spanning two columns, two columns whose
  baselines are offset by half a line, a drawn-bullet list in the right
  column, a full-width note at the bottom.
* ``three-columns.pdf``: three columns, one paragraph each.
* ``running-heads.pdf``: three pages with a repeated header and footer line
  and a bare page number in the bottom margin.
* ``gap-spaces.pdf``: words drawn one by one, separated only by gaps (no space
  glyphs), Arabic with Latin words and numbers.
* ``../bad/no-unicode.pdf``: ``gap-spaces.pdf`` with every ToUnicode map and
  font encoding removed (glyphs without Unicode mapping).
"""

from __future__ import annotations

from pathlib import Path

import arabic_reshaper
from bidi import get_display
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/opentype/fonts-hosny-amiri")
pdfmetrics.registerFont(TTFont("Amiri", str(FONT_DIR / "Amiri-Regular.ttf")))
pdfmetrics.registerFont(TTFont("Amiri-Bold", str(FONT_DIR / "Amiri-Bold.ttf")))
W, H = A4

TITLE = "دليل الاجتماعات العالمية للعمليات التشاورية الإقليمية"
RIGHT_HEAD = "العمود الأيمن"
RIGHT_PARA = (
    "هذه الفقرة الأولى في العمود الأيمن وتقرأ قبل العمود الأيسر. تعقد الدول مشاورات منتظمة "
    "بشأن الهجرة لتبادل المعلومات والتجارب والممارسات الجيدة في كثير من الأقاليم."
)
RIGHT_ITEMS = ["البند الأول في القائمة المرسومة", "البند الثاني في القائمة المرسومة"]
LEFT_HEAD = "العمود الأيسر"
LEFT_PARA = (
    "هذه الفقرة الثانية في العمود الأيسر وتقرأ بعد العمود الأيمن. وتعزز هذه الآليات التعاون "
    "فيما بين الأقاليم وتسهم في اتساق السياسات على الصعيدين الوطني والإقليمي."
)
NOTE = "ملاحظة ختامية تمتد على عرض الصفحة كاملة بعد العمودين"
COLUMNS3 = [
    "العمود الأول من اليمين يقرأ أولا في الصفحة ذات الأعمدة الثلاثة وفيه نص كاف لعدة أسطر متتالية.",
    "العمود الثاني في الوسط يقرأ ثانيا بعد العمود الأول وفيه أيضا نص كاف لعدة أسطر متتالية.",
    "العمود الثالث على اليسار يقرأ أخيرا بعد العمودين الآخرين وفيه نص كاف لعدة أسطر متتالية.",
]
HEADER = "نشرة المنظمة الدولية للهجرة"
FOOTER = "الاجتماعات العالمية للعمليات التشاورية الإقليمية"
PAGES = [
    "الصفحة الأولى من النشرة تتناول نشأة العمليات التشاورية الإقليمية بشأن الهجرة وتطورها منذ منتصف الثمانينات.",
    "الصفحة الثانية تعرض الاجتماعات العالمية وأهدافها الرئيسية في تشجيع الحوار وتبادل المعلومات.",
    "الصفحة الثالثة تختم النشرة بعناوين الاتصال والموقع الشبكي للمنظمة الدولية للهجرة.",
]
GAP_LINES = [
    "عقد الاجتماع الأول في جنيف يوم 14 نيسان 2005 بحضور IOM والشركاء",
    "وشارك فيه 9 آليات من آليات التشاور بين الدول",
]


def visual(text: str) -> str:
    """Logical Arabic text → shaped presentation forms in visual order."""
    return get_display(arabic_reshaper.reshape(text), base_dir="R")


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line filling by measured width (logical-order lines)."""
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and pdfmetrics.stringWidth(visual(trial), font, size) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def paragraph(c, text, right, y, width, font="Amiri", size=12, leading=18.0) -> float:
    """Draw a right-aligned paragraph; returns the baseline below its last line."""
    for line in wrap(text, font, size, width):
        c.setFont(font, size)
        c.drawRightString(right, y, visual(line))
        y -= leading
    return y


def two_columns(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Amiri-Bold", 18)
    c.drawRightString(540, 780, visual(TITLE))
    # Right column: x 310–540; left column: x 55–285 (a 25 pt gutter).
    y = 740
    c.setFont("Amiri-Bold", 14)
    c.drawRightString(540, y, visual(RIGHT_HEAD))
    y = paragraph(c, RIGHT_PARA, 540, y - 24, 230)
    y -= 8
    for item in RIGHT_ITEMS:
        c.circle(534, y + 4, 2.2, stroke=0, fill=1)  # a drawn bullet, no glyph
        y = paragraph(c, item, 524, y, 214) - 6
    # The left column's baselines sit half a line lower than the right's.
    y = 731
    c.setFont("Amiri-Bold", 14)
    c.drawRightString(285, y, visual(LEFT_HEAD))
    paragraph(c, LEFT_PARA, 285, y - 24, 230)
    c.setFont("Amiri", 12)
    c.drawRightString(540, 420, visual(NOTE))
    c.save()


def three_columns(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, gutter = 145, 24
    for i, text in enumerate(COLUMNS3):
        right = 540 - i * (width + gutter)
        paragraph(c, text, right, 760 - 5 * i, width, size=11, leading=16)
    c.save()


def running_heads(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, text in enumerate(PAGES, start=1):
        c.setFont("Amiri", 10)
        c.drawRightString(540, H - 36, visual(HEADER))
        c.drawRightString(540, 40, visual(FOOTER))
        c.drawCentredString(W / 2, 22, str(number))
        c.setFont("Amiri-Bold", 16)
        c.drawRightString(540, 760, visual(f"القسم {number}"))
        paragraph(c, text, 540, 730, 480)
        c.showPage()
    c.save()


def gap_spaces(path: Path) -> None:
    """Each word drawn on its own, 0.3 em apart, with no space glyph."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size = 14
    y = 760
    for line in GAP_LINES:
        words = visual(line).split(" ")
        widths = [pdfmetrics.stringWidth(w, "Amiri", size) for w in words]
        x = 540 - sum(widths) - 0.3 * size * (len(words) - 1)
        for word, width in zip(words, widths):
            c.setFont("Amiri", size)
            c.drawString(x, y, word)
            x += width + 0.3 * size
        y -= 26
    c.save()


def strip_unicode(src: Path, dst: Path) -> None:
    """Copy a PDF with its fonts' ToUnicode maps and encodings removed."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            for key in ("/ToUnicode", "/Encoding"):
                if key in font:
                    del font[NameObject(key)]
    with open(dst, "wb") as fh:
        writer.write(fh)


def main() -> None:
    two_columns(HERE / "two-columns.pdf")
    three_columns(HERE / "three-columns.pdf")
    running_heads(HERE / "running-heads.pdf")
    gap_spaces(HERE / "gap-spaces.pdf")
    strip_unicode(HERE / "gap-spaces.pdf", HERE.parent / "bad" / "no-unicode.pdf")


if __name__ == "__main__":
    main()
