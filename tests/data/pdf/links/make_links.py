"""Generate the PDF fixture of hyperlinks in an Arabic flyer (committed next
to this script; the contacts the tests expect are in
``tests/test_mentions.py``, written by hand from ``BODY`` below).

Run from the repository root:

    uv run python tests/data/pdf/links/make_links.py

Chromium (headless printing, as for the other fixtures) writes each ``<a
href>`` as a link annotation over what it covers: social icons drawn as
shapes with no text, a word (``راسلونا``) whose e-mail address is not
printed, a printed web address, and an unsubscribe link in the footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hidden"))
sys.path.insert(0, str(HERE.parent / "runs"))
from make_hidden import chromium  # noqa: E402
from make_runs import a5_page  # noqa: E402

ICON = '<span style="display:inline-block;width:18px;height:18px;border-radius:9px;background:#2a6"></span>'

BODY = f"""
<h1>حملة الشتاء الدافئ</h1>
<p>جمعية سنابل الخير منظمة غير ربحية تعمل على دعم الأسر المحتاجة في محافظات المملكة.</p>
<p>للتواصل: <a href="mailto:info@sanabel.org.jo">راسلونا</a> أو زوروا موقعنا <a href="https://www.sanabel.org.jo">www.sanabel.org.jo</a></p>
<p>تابعونا: <a href="https://instagram.com/sanabel.jo">{ICON}</a> <a href="https://x.com/sanabel_jo">{ICON}</a></p>
<p style="font-size:8pt">لإلغاء الاشتراك <a href="https://sanabel.org.jo/unsubscribe?id=42">اضغط هنا</a></p>
"""


if __name__ == "__main__":
    chromium(a5_page(BODY), HERE / "links-chromium.pdf")
