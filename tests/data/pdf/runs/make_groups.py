"""Generate the PDF fixture of a phone number whose digit groups an HTML
page sets left to right (an LRM before it) in an Arabic line (committed next
to this script; the values the tests expect are in
``tests/test_phone_regions.py``, written by hand from ``BODY`` below).

Run from the repository root:

    uv run python tests/data/pdf/runs/make_groups.py

Chromium draws ``&lrm;3600 1234`` as ``3600 1234``; the same number typed
without the mark would be drawn ``1234 3600`` (UAX #9: Arabic numbers in an
Arabic paragraph): the drawing alone does not say which. A Bahraini mobile
number starts with 3 (``+973 3600 1234``): only one reading is valid.
"""

from __future__ import annotations

from make_runs import HERE, a5_page, chromium

BODY = """
<h1>دعوة لحضور حفل التخرج</h1>
<p>يسر الجمعية دعوتكم لحضور حفل تخرج الدفعة العاشرة في المنامة، مملكة البحرين.</p>
<p>للتأكيد: &lrm;+973 1721 5555 أو &lrm;3600 1234 (واتساب)</p>
"""


if __name__ == "__main__":
    chromium(a5_page(BODY), HERE / "groups-chromium.pdf")
