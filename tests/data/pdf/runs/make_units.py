"""Generate the PDF fixtures of units after numbers in Arabic lines
(committed next to this script; the texts the tests expect are in
``tests/test_pdf_runs.py``, written by hand from ``BODY`` below).

Run from the repository root:

    uv run --with weasyprint python tests/data/pdf/runs/make_units.py

In an Arabic paragraph ``5 kg`` is drawn ``kg 5`` and ``25°C`` is drawn
``C°25`` (the number is an Arabic number there, UAX #9 W2). The page has
units at the end of a line and inside one, a unit in a left-to-right span,
and a product name with its number (``Windows 11``), which stays as it is.
"""

from __future__ import annotations

from make_runs import HERE, a5_page, chromium, libreoffice_html, weasyprint

BODY = """
<h1>مواصفات الجهاز</h1>
<p>الوزن الصافي 5 kg</p>
<p>درجة حرارة التشغيل 25°C</p>
<p>سعة الذاكرة 16 GB وسعة التخزين 512 GB للطراز الأول</p>
<p>الطول <span dir="ltr">120 cm</span></p>
<p>نظام التشغيل Windows 11</p>
"""


def main() -> None:
    chromium(a5_page(BODY), HERE / "units-chromium.pdf")
    weasyprint(a5_page(BODY, "Amiri"), HERE / "units-weasyprint.pdf")
    libreoffice_html(a5_page(BODY, "KacstNaskh"), HERE / "units-libreoffice.pdf")


if __name__ == "__main__":
    main()
