"""Generate the PDF fixtures of left-to-right runs, letter+mark clusters and
ordered lists in Arabic pages (committed next to this script; the texts the
tests expect are in ``tests/test_pdf_runs.py``, written by hand).

Run from the repository root:

    uv run --with weasyprint python tests/data/pdf/runs/make_runs.py

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


def main() -> None:
    chromium(page("Noto Naskh Arabic"), HERE / "runs-chromium.pdf")
    weasyprint(page("Amiri"), HERE / "runs-weasyprint.pdf")
    libreoffice_html(page("KacstNaskh"), HERE / "runs-libreoffice.pdf")


if __name__ == "__main__":
    main()
