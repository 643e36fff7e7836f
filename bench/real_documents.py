"""Benchmark: the PDF reader on PDFs of other producers.

    uv run python bench/real_documents.py [runs]

For each PDF in ``tests/data/real`` (real documents, attribution in its
SOURCES.md), each producer of the brochure fixtures (``tests/data/pdf``
and ``tests/data/pdf/hidden``) and each layout fixture of
``tests/data/pdf/kinds`` (tri-fold, cards, bios, overlays, contacts…): the
median wall time of ``read_pdf`` per page over ``runs`` runs (default 5,
after one warm-up), the outcome, the share of the hand-written expected
texts found (real documents; layout fixtures: headings, paragraphs, list
items and address lines found whole, in reading order), and the character
error rate against the text source (brochure fixtures; layout fixtures:
their hand-written texts in reading order, so a line read in the wrong
column or direction counts). Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

import editdistance

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import PipelineError  # noqa: E402
from pipeline.normalize import NText  # noqa: E402
from pipeline.read.pdf import read_pdf  # noqa: E402
from pipeline.read.text import read_text  # noqa: E402
from tests.test_pdf_kinds import EXPECTED as KIND_FIXTURES  # noqa: E402
from tests.test_pdf_kinds import KINDS, locate, wanted  # noqa: E402
from tests.test_pdf_real import norm  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
PDF = ROOT / "tests" / "data" / "pdf"


def producers() -> dict[str, str]:
    rows = {}
    for line in (REAL / "SOURCES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 5 and cells[0].endswith(".pdf"):
            rows[cells[0]] = cells[4]
    return rows


def timed(path: Path, runs: int):
    try:
        read_pdf(path)
    except PipelineError as exc:
        start = time.perf_counter()
        for _ in range(runs):
            try:
                read_pdf(path)
            except PipelineError:
                pass
        return None, exc.kind, (time.perf_counter() - start) / runs
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        doc = read_pdf(path)
        times.append(time.perf_counter() - start)
    return doc, "ok", statistics.median(times)


def match_text(blocks) -> str:
    return " ".join(m for b in blocks for m in (NText.from_raw(line).match for line in b.lines) if m)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("| document | producer | pages | outcome | ms/page | expected texts found | CER |")
    print("|---|---|---:|---|---:|---:|---:|")
    made_by = producers()
    for exp_path in sorted(REAL.glob("*.expected.json")):
        expected = json.loads(exp_path.read_text("utf-8"))
        path = REAL / expected["file"]
        doc, outcome, seconds = timed(path, runs)
        pages = expected["page_count"]
        found = "–"
        if doc is not None:
            hay = " \n ".join(norm(" ".join(b.lines)) for b in doc.body_blocks)
            texts = expected.get("texts") or []
            hit = sum(norm(t)[:30] in hay for t in texts)
            found = f"{hit}/{len(texts)}"
        print(f"| {path.name} | {made_by.get(path.name, '?')} | {pages} | {outcome} | {seconds / pages * 1000:.1f} | {found} | – |")
    manifest = json.loads((PDF / "hidden" / "manifest.json").read_text("utf-8"))
    seeds = {p: "../../../../sources/global-rcp-meetings-ar.txt" for p in sorted(PDF.glob("global-rcp-meetings-ar.*.pdf"))}
    hidden = {PDF / "hidden" / name: info["text_source"] for name, info in manifest.items()}
    for path, source in {**seeds, **hidden}.items():
        src = (PDF / "hidden" / source).resolve()
        doc, outcome, seconds = timed(path, runs)
        reference = match_text(read_text(src).body_blocks)
        cer = editdistance.eval(reference, match_text(doc.body_blocks)) / len(reference)
        producer = re.split(r"[-.]", path.name.replace("global-rcp-meetings-ar.", ""))[0]
        print(f"| {path.name} | {producer} | {doc.page_count} | {outcome} | {seconds / doc.page_count * 1000:.1f} | – | {cer:.2%} |")
    for name, info in sorted(KIND_FIXTURES.items()):
        path = KINDS / name
        doc, outcome, seconds = timed(path, runs)
        items = wanted(name)
        body = doc.body_blocks
        at, hit = (-1, -1), 0
        for kind, text in items:
            nxt = locate(body, kind, text, at)
            if nxt is not None:
                at, hit = nxt, hit + 1
        reference = " ".join(m for _, text in items if (m := NText.from_raw(text).match))
        cer = editdistance.eval(reference, match_text(body)) / len(reference)
        pages = doc.page_count
        print(f"| kinds/{name} | {info['producer']} | {pages} | {outcome} | {seconds / pages * 1000:.1f} | {hit}/{len(items)} | {cer:.2%} |")


if __name__ == "__main__":
    main()
