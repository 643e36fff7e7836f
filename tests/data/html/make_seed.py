"""Make the seed brochure as a web page and as Word files (committed beside this script).

Run from the repository root:

    uv run python tests/data/html/make_seed.py

Needs Debian ``chromium``, ``libreoffice-writer-nogui`` (``soffice``) and
``pandoc``. It writes:

* ``tests/data/html/global-rcp-meetings-ar.html`` — ``sources/
  global-rcp-meetings-ar.txt`` converted by hand-written rules below (not by
  the pipeline): ``#`` headings → ``<h2>``/``<h3>`` inside ``<section>``s, paragraphs →
  ``<p>``, ``◆`` and ``-`` items → ``<ul>``, ``**…**`` → ``<strong>``, links →
  ``<a href>``, trailing double spaces → ``<br>``, the contact block → an
  ``<address>``; wrapped in what a real page has around its content and
  the reader must ignore or keep apart: a ``<head>`` with title, style and
  script, a site banner with navigation, a hidden cookie notice, a
  ``<noscript>``, an English site footer;
* ``…​.chromium.html`` — that page as Chromium's DOM after parsing
  (``chromium --headless --dump-dom``);
* ``…​.cp1256.html`` — the page saved in Windows-1256 with ``<meta
  charset="windows-1256">`` (a legacy Arabic code page);
* ``…​.libreoffice.html`` and ``tests/data/docx/global-rcp-meetings-ar.libreoffice.docx``
  — the brochure's content (without the site around it, which LibreOffice
  would show: it honours neither ``hidden`` nor ``<nav>``) opened in
  LibreOffice Writer and saved as Word 2007+ and, from that, as HTML (LibreOffice's own markup: ``<font>``, ``dir``,
  ``style`` on every paragraph);
* ``tests/data/docx/global-rcp-meetings-ar.pandoc.docx`` — the text source
  read by pandoc as Markdown (without smart quotes) and written as Word
  (``dir: rtl``, so paragraphs carry ``w:bidi``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "sources" / "global-rcp-meetings-ar.txt"
HTML_DIR = ROOT / "tests" / "data" / "html"
DOCX_DIR = ROOT / "tests" / "data" / "docx"
STEM = "global-rcp-meetings-ar"

_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)|<((?:https?|mailto):[^>\s]+)>")
_STRONG_RE = re.compile(r"\*\*(.+?)\*\*")
_ITEM_RE = re.compile(r"^(?:◆|-)\s+")

HEAD = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>الاجتماعات العالمية للعمليات التشاورية الإقليمية بشأن الهجرة</title>
<style>
body { font-family: "Noto Naskh Arabic", serif; max-width: 48em; margin: auto; }
.cookie { position: fixed; bottom: 0; }
</style>
<script>
  // نص داخل برنامج لا يظهر للقارئ
  window.dataLayer = window.dataLayer || [];
</script>
</head>
<body>
<header class="site-header">
  <a class="skip" href="#content">Skip to content</a>
  <nav aria-label="القائمة الرئيسية">
    <ul><li><a href="/ar/">الرئيسية</a></li><li><a href="/ar/about">من نحن</a></li><li><a href="/ar/news">الأخبار</a></li></ul>
  </nav>
  <p class="site-name">International Organization for Migration</p>
</header>
<div class="cookie" style="display: none">يستخدم هذا الموقع ملفات تعريف الارتباط.</div>
<noscript><p>يرجى تفعيل جافاسكريبت.</p></noscript>
<main id="content">
<article>
"""

TAIL = """</article>
</main>
<div hidden><p>نص مخفي لا يظهر في الصفحة</p></div>
<footer class="site-footer">
  <p>© International Organization for Migration. All rights reserved.</p>
  <nav><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></nav>
</footer>
<script src="/static/site.js"></script>
</body>
</html>
"""


def inline(text: str) -> str:
    """Markdown-like inline markup to HTML: links, strong, hard breaks."""
    out: list[str] = []
    pos = 0
    for m in _LINK_RE.finditer(text):
        out.append(_strong(html.escape(text[pos : m.start()], quote=False)))
        if m.group(3):
            url = m.group(3)
            out.append(f'<a href="{html.escape(url)}">{html.escape(url, quote=False)}</a>')
        else:
            out.append(f'<a href="{html.escape(m.group(2))}">{html.escape(m.group(1), quote=False)}</a>')
        pos = m.end()
    out.append(_strong(html.escape(text[pos:], quote=False)))
    return "".join(out)


def _strong(text: str) -> str:
    return _STRONG_RE.sub(r"<strong>\1</strong>", text)


def paragraphs(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    out: list[list[str]] = []
    run: list[str] = []
    for line in text.splitlines():
        if line.strip():
            run.append(line)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def page(text: str) -> str:
    """The brochure as a page of a web site (banner, navigation, footer…)."""
    return HEAD + article(text) + TAIL


def document(text: str) -> str:
    """The brochure alone as an HTML document, as one would open it in a word processor."""
    head = HEAD[: HEAD.index("<style>")] + "</head>\n<body>\n"
    return head + article(text) + "</body>\n</html>\n"


def article(text: str) -> str:
    """The brochure's content as HTML (see the module docstring)."""
    body: list[str] = []
    in_section = False
    items: list[str] = []
    contact: list[str] | None = None  # the contact block's lines, once it started
    contact_done = False

    def close_list() -> None:
        if items:
            body.append("<ul>\n" + "".join(f"  <li>{i}</li>\n" for i in items) + "</ul>")
            items.clear()

    for run in paragraphs(text):
        first = run[0].strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", first)
        if heading and len(run) == 1:
            close_list()
            if in_section:
                body.append("</section>")
            level = len(heading.group(1))
            body.append("<section>")
            in_section = True
            body.append(f"<h{level}>{inline(heading.group(2).strip())}</h{level}>")
            continue
        if all(_ITEM_RE.match(line) for line in run):
            items.extend(inline(_ITEM_RE.sub("", line).strip()) for line in run)
            continue
        close_list()
        # The contact block: from the organization's name to the web site line.
        if contact is None and first == "المنظمة الدولية للهجرة":
            contact = []
            if in_section:
                body.append("</section>")
                in_section = False
        if contact is not None and not contact_done:
            contact.append(first)
            if first.startswith("الموقع"):
                body.append("<address>\n" + "".join(f"  <p>{inline(c)}</p>\n" for c in contact) + "</address>")
                contact_done = True
            continue
        lines = [inline(line.rstrip()) for line in run]
        joined = "".join(
            line + ("<br>\n" if raw.endswith("  ") and k < len(run) - 1 else ("\n" if k < len(run) - 1 else ""))
            for k, (line, raw) in enumerate(zip(lines, run))
        )
        body.append(f"<p>{joined}</p>")
    close_list()
    if in_section:
        body.append("</section>")
    return "\n".join(body) + "\n"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, **kw)


def main() -> None:
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    DOCX_DIR.mkdir(parents=True, exist_ok=True)
    hand = HTML_DIR / f"{STEM}.html"
    text = page(SOURCE.read_text("utf-8"))
    hand.write_text(text, "utf-8")
    legacy = text.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    (HTML_DIR / f"{STEM}.cp1256.html").write_bytes(legacy.encode("cp1256"))

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        dom = run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmpdir / 'profile'}",
             "--dump-dom", hand.as_uri()],
            capture_output=True,
        ).stdout
        (HTML_DIR / f"{STEM}.chromium.html").write_bytes(b"<!DOCTYPE html>\n" + dom)

        # LibreOffice shows what a page hides (navigation, hidden notices):
        # it is given the brochure alone, as a word-processing user would.
        plain = tmpdir / f"{STEM}.html"
        plain.write_text(document(SOURCE.read_text("utf-8")), "utf-8")
        profile = f"-env:UserInstallation={(tmpdir / 'lo').as_uri()}"
        run(["soffice", profile, "--headless", "--convert-to", 'docx:MS Word 2007 XML', "--outdir", str(tmpdir), str(plain)],
            capture_output=True)
        docx = tmpdir / f"{STEM}.docx"
        shutil.copy(docx, DOCX_DIR / f"{STEM}.libreoffice.docx")
        run(["soffice", profile, "--headless", "--convert-to", "html:HTML (StarWriter)", "--outdir", str(tmpdir / "html"),
             str(docx)], capture_output=True)
        shutil.copy(tmpdir / "html" / f"{STEM}.html", HTML_DIR / f"{STEM}.libreoffice.html")

    run(["pandoc", "--from", "markdown-smart", "--to", "docx", "--metadata", "dir=rtl", "--metadata", "lang=ar", "-o", str(DOCX_DIR / f"{STEM}.pandoc.docx"), str(SOURCE)])


if __name__ == "__main__":
    main()
