"""Generate the PDF fixtures of percent signs beside numbers in Arabic lines
(committed next to this script; the texts the tests expect are in
``tests/test_pdf_runs.py``, written by hand from ``BODY`` below).

Run from the repository root:

    uv run --with weasyprint python tests/data/pdf/runs/make_percent.py

Tools and producers as for ``make_runs.py`` (Chromium, WeasyPrint,
LibreOffice). In an Arabic paragraph the bidi algorithm makes European digits
Arabic numbers (UAX #9 rule W2), so ``80%`` is drawn ``%80``: the sign at
the number's left. The page puts such numbers at the end of a line (where the
visual line has no Arabic letter before them), inside a line, in
Arabic-Indic digits with the Arabic percent sign, and in an English
paragraph, where the sign stays at the number's right.
"""

from __future__ import annotations

from make_runs import HERE, a5_page, chromium, libreoffice_html, weasyprint

BODY = """
<h1>نتائج القبول</h1>
<p>يقبل الطلاب بمعدل لا يقل عن 80%.</p>
<p>بلغت نسبة النجاح 92.5% من المتقدمين هذا العام.</p>
<p>نسبة الطالبات ٤٥٪</p>
<p>خصم 20% على رسوم التسجيل المبكر و10% للطلاب</p>
<p dir="ltr">The pass rate was 92.5% this year.</p>
"""


def main() -> None:
    chromium(a5_page(BODY), HERE / "percent-chromium.pdf")
    weasyprint(a5_page(BODY, "Amiri"), HERE / "percent-weasyprint.pdf")
    libreoffice_html(a5_page(BODY, "KacstNaskh"), HERE / "percent-libreoffice.pdf")


if __name__ == "__main__":
    main()
