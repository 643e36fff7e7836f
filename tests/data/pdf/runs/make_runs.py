"""Generate the PDF fixtures of left-to-right runs, letter+mark clusters and
ordered lists in Arabic pages (committed next to this script; the texts the
tests expect are in ``tests/test_pdf_runs.py``, written by hand).

Run from the repository root:

    uv run --with weasyprint python tests/data/pdf/runs/make_runs.py [NAME ...]

Without NAME every fixture is made; a NAME is a key of ``FIXTURES``.

Tools as for ``../kinds/make_kinds.py``: ``chromium`` (headless printing),
``soffice`` (LibreOffice, HTML → PDF), WeasyPrint through ``uv run --with``;
fonts ``fonts-noto-core``, ``fonts-hosny-amiri``, ``fonts-kacst``.

One HTML page, three producers:

* ``runs-chromium.pdf`` (Noto Naskh Arabic; Chromium writes one glyph per
  operator, left to right);
* ``runs-weasyprint.pdf`` (Amiri with full tashkeel on one paragraph;
  WeasyPrint writes one operator per box and font, in logical order, and
  puts a cluster's text on its first glyph);
* ``runs-libreoffice.pdf`` (KacstNaskh; LibreOffice writes one operator per
  bidi run, in logical order).

The page holds phone numbers in ``dir="ltr"`` spans and plain, a unified
number before a URL, a handle after an LRM, a range that starts its
paragraph, time ranges in ``direction: ltr`` blocks and inline, a plain
year range, an ordered list with a nested lettered list, and a footnote
starting with ``*``.

Three more pages, ``wrapped-chromium.pdf`` and ``wrapped-weasyprint.pdf``
(Noto Naskh Arabic 12pt): an IBAN in an Arabic paragraph, justified 80 mm
wide, then right-aligned 75 mm wide, where the IBAN (or most of it) fills
a line of its own between Arabic lines; last, an address typed with hard
line breaks (``1211 Geneva 19`` drawn ``Geneva 19 1211``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hidden"))
from make_hidden import chromium  # noqa: E402  (the same headless printing as the other fixtures)

TASHKEEL = "إِدَارَةُ الْمَشْرُوعِ أَوْ إِنْشَاءُ شَرِكَةٍ أَوَّلًا، أو الِانْضِمَامُ إِلَى الْفَرِيقِ"

BODY = f"""
<h1>ملتقى رواد الأعمال الشباب</h1>
<p>هاتف: <span dir="ltr">+966 12 345 6789</span> – جوال: <span dir="ltr">055 987 6543</span> – الرقم المجاني: 800 2468</p>
<p>الرقم الموحد: 9200 54321 | www.rowad-forum.sa</p>
<p>تابعونا: &lrm;@RowadForum على منصة إكس</p>
<h2>المواصفات</h2>
<p>110-127 فولت / 50 هرتز</p>
<p>تقام ورش العمل يومياً <span dir="ltr">10:15 – 11:45</span> في القاعة الكبرى.</p>
<div class="slot">13:00 – 14:30</div>
<p>المرحلة الثانية تمتد للأعوام 2026–2028 وفق الخطة المعتمدة.</p>
<p class="t">{TASHKEEL}</p>
<h2>شروط المشاركة</h2>
<ol>
<li>تعبئة نموذج التسجيل الإلكتروني كاملاً.</li>
<li>تقديم فكرة مشروع واضحة:
<ol type="a"><li>وصف المنتج أو الخدمة.</li><li>خطة التمويل المبدئية.</li></ol></li>
<li>حضور اللقاء التعريفي.</li>
</ol>
<p class="note">* المقاعد محدودة والأولوية للمسجلين أولاً.</p>
"""


def page(font: str) -> str:
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm; }}
body {{ font-family: '{font}'; font-size: 12pt; line-height: 1.6; }}
h1 {{ font-size: 20pt; }} h2 {{ font-size: 15pt; }}
.slot {{ direction: ltr; text-align: right; }}
.t {{ font-family: 'Amiri'; font-size: 14pt; }}
.note {{ font-size: 9pt; }}
</style></head><body>{BODY}</body></html>"""


IBAN_TEXT = (
    "يمكنكم التبرع نقداً في مقر الجمعية أو عبر التحويل البنكي إلى حساب الجمعية في البنك العربي رقم "
    "IBAN: JO71 ARAB 1180 0000 0011 8123 4567 890، أو عبر محفظة كليك باسم SANABEL."
)
ADDRESS = ["المنظمة الدولية للهجرة", "P.O. Box 17", "1211 Geneva 19", "Switzerland"]


def wrapped_page() -> str:
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm; }}
body {{ font-family: 'Noto Naskh Arabic'; font-size: 12pt; line-height: 1.5; margin: 0; }}
.j {{ width: 80mm; text-align: justify; }} .r {{ width: 75mm; text-align: right; }}
.r, .a {{ break-before: page; }}
</style></head><body>
<h2>كيف تساعدنا؟</h2>
<p class="j">{IBAN_TEXT}</p>
<p class="r">{IBAN_TEXT}</p>
<p class="a">{"<br>".join(ADDRESS)}</p>
</body></html>"""


def a5_page(body: str, font: str = "Noto Naskh Arabic") -> str:
    """An A5 Arabic page (``dir="rtl"``, 12 pt, an 18 pt ``h1``) around ``body``:
    the small fixtures' page (``make_percent.py``, ``make_groups.py``,
    ``../links/make_links.py``)."""
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@page {{ size: A5; margin: 2cm; }}
body {{ font-family: '{font}'; font-size: 12pt; line-height: 1.6; }}
h1 {{ font-size: 18pt; }}
</style></head><body>{body}</body></html>"""


def weasyprint(html_text: str, pdf: Path) -> None:
    import weasyprint as wp

    wp.HTML(string=html_text, base_url=str(HERE)).write_pdf(pdf)


def libreoffice_html(html_text: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "runs.html"
        src.write_text(html_text, encoding="utf-8")
        subprocess.run(
            [
                shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp}/profile",
                "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", tmp, str(src),
            ],
            check=True, capture_output=True, timeout=300,
        )
        shutil.move(Path(tmp) / "runs.pdf", pdf)


FIXTURES = {
    "runs-chromium": lambda pdf: chromium(page("Noto Naskh Arabic"), pdf),
    "runs-weasyprint": lambda pdf: weasyprint(page("Amiri"), pdf),
    "runs-libreoffice": lambda pdf: libreoffice_html(page("KacstNaskh"), pdf),
    "wrapped-chromium": lambda pdf: chromium(wrapped_page(), pdf),
    "wrapped-weasyprint": lambda pdf: weasyprint(wrapped_page(), pdf),
}


def main(names: list[str]) -> None:
    """Make every fixture, or the ones named (keys of ``FIXTURES``)."""
    for name, make in FIXTURES.items():
        if not names or name in names:
            make(HERE / f"{name}.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
