"""Benchmark: the pipeline beside pdfplumber's extract_text() and pdftotext.

Run with ``uv run python bench/run.py`` (``--quick`` for fewer repetitions);
pdfplumber's ``extract_text()`` is a point of comparison only (the pipeline
uses pdfplumber for its table finder alone, and pypdfium2 comes with it).
Everything is measured in one run on the same inputs, so the ratios hold on
any machine; the results and the machine's description are written to
``bench/README.md`` (between the RESULTS markers) and printed.

What is measured:
* per input (each PDF in ``tests/data/pdf/`` and the text brochure): the whole
  pipeline (read → validate, one warm process, median of N runs after a
  warm-up), pdfplumber ``extract_text()`` over the same pages, ``pdftotext``
  when installed; ms per document and per page; ratio ours / pdfplumber;
* peak memory (max RSS of a fresh process extracting the input);
* scale: a generated PDF of 30, 100 and 300 pages (the Chromium brochure's
  pages repeated, made with pypdfium2, fonts shared), time and peak memory per size;
* ``--workers 2`` against ``--workers 1`` on a batch of 20 copies of a PDF;
* start-up: wall time of ``python -m pipeline --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
README = Path(__file__).resolve().parent / "README.md"
PDF_DIR = ROOT / "tests" / "data" / "pdf"
TEXT_SOURCE = ROOT / "sources" / "global-rcp-meetings-ar.txt"
BIG_BASE = "global-rcp-meetings-ar.chromium-noto-naskh.pdf"
sys.path.insert(0, str(ROOT))


def median_time(fn, repeat: int, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` in seconds, after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def pdfplumber_extract_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pipeline_extract(path: Path) -> None:
    from pipeline.core import extract_source

    extract_source(path)


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), os.devnull], check=True, capture_output=True)


_RSS_SCRIPT = """
import resource, sys
sys.path.insert(0, {root!r})
from pipeline.core import extract_source
extract_source({path!r})
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(path: Path, *, baseline: bool = False) -> float:
    """Max RSS (MB) of a fresh process extracting ``path`` (or only importing, if ``baseline``)."""
    code = _RSS_SCRIPT.format(root=str(ROOT), path=str(path))
    if baseline:
        code = code.replace("extract_source({!r})".format(str(path)), "import pdfplumber, pipeline.normalize")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024


def make_big_pdf(pages: int) -> Path:
    """A PDF of ``pages`` pages: the Chromium brochure's pages repeated (pypdfium2)."""
    import pypdfium2 as pdfium

    OUT.mkdir(exist_ok=True)
    target = OUT / f"brochure-{pages}p.pdf"
    if target.exists():
        return target
    src = pdfium.PdfDocument(str(PDF_DIR / BIG_BASE))
    new = pdfium.PdfDocument.new()
    # One import call: the copies share their fonts, as the pages of a real
    # document do (one call per copy would embed the fonts again each time).
    new.import_pages(src, [i % len(src) for i in range(pages)])
    new.save(str(target))
    return target


def batch_speedup(copies: int, repeat: int) -> dict:
    """Throughput of --workers 2 over --workers 1 on ``copies`` distinct copies of a PDF."""
    from pipeline.batch import run

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        data = (PDF_DIR / BIG_BASE).read_bytes()
        for i in range(copies):
            # bytes after %%EOF are ignored by readers; they make each copy distinct
            (src / f"copy{i:02d}.pdf").write_bytes(data + f"\n% copy {i}\n".encode())
        result = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            result[workers] = median_time(
                lambda: run([src], out, workers=workers, force=True), repeat=repeat, warmup=0
            )
    return {"copies": copies, "seconds_w1": result[1], "seconds_w2": result[2], "speedup": result[1] / result[2]}


def startup_seconds(repeat: int) -> float:
    def once():
        subprocess.run([sys.executable, "-m", "pipeline", "--help"], cwd=ROOT, check=True, capture_output=True)

    return median_time(once, repeat=repeat)


def help_imports_heavy() -> list[str]:
    code = (
        "import sys, runpy; sys.argv=['pipeline','--help']\n"
        "try:\n runpy.run_module('pipeline', run_name='__main__')\nexcept SystemExit: pass\n"
        "heavy = ('pdfplumber','pdfminer','camel_tools','pydantic','pypdfium2','babel','pycountry')\n"
        "print('MODULES:' + ','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("MODULES:"))
    return [m for m in line[len("MODULES:"):].split(",") if m]


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    from importlib.metadata import version

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pdfplumber": version("pdfplumber"),
        "pypdfium2": version("pypdfium2"),
        "pdftotext": _pdftotext_version(),
    }


def _pdftotext_version() -> str | None:
    if not shutil.which("pdftotext"):
        return None
    out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    return (out.stderr or out.stdout).splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a smoke run)")
    parser.add_argument("--no-readme", action="store_true", help="print only; do not rewrite bench/README.md")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    has_pdftotext = shutil.which("pdftotext") is not None

    results: dict = {"machine": machine(), "inputs": [], "scale": []}
    inputs = sorted(PDF_DIR.glob("global-rcp-meetings-ar.*.pdf")) + [TEXT_SOURCE]
    for path in inputs:
        is_pdf = path.suffix == ".pdf"
        pages = page_count(path) if is_pdf else None
        row = {"input": path.name, "pages": pages}
        row["ours_s"] = median_time(lambda: pipeline_extract(path), repeat)
        if is_pdf:
            row["pdfplumber_s"] = median_time(lambda: pdfplumber_extract_text(path), repeat)
            row["ratio"] = row["ours_s"] / row["pdfplumber_s"]
            if has_pdftotext:
                row["pdftotext_s"] = median_time(lambda: pdftotext(path), repeat)
        row["peak_rss_mb"] = peak_rss_mb(path)
        results["inputs"].append(row)
        print(json.dumps(row), flush=True)
    results["baseline_rss_mb"] = peak_rss_mb(TEXT_SOURCE, baseline=True)

    for pages in (30, 100, 300):
        big = make_big_pdf(pages)
        row = {
            "pages": pages,
            "ours_s": median_time(lambda: pipeline_extract(big), 1 if pages > 30 else repeat, warmup=0),
            "peak_rss_mb": peak_rss_mb(big),
        }
        if pages == 300:
            row["pdfplumber_s"] = median_time(lambda: pdfplumber_extract_text(big), 1, warmup=0)
        results["scale"].append(row)
        print(json.dumps(row), flush=True)

    results["batch"] = batch_speedup(20, 1 if args.quick else 3)
    print(json.dumps(results["batch"]), flush=True)
    results["startup_s"] = startup_seconds(5 if args.quick else 15)
    results["help_imports"] = help_imports_heavy()
    print(json.dumps({"startup_s": results["startup_s"], "help_imports": results["help_imports"]}), flush=True)

    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if not args.no_readme:
        write_readme(results)


def write_readme(r: dict) -> None:
    m = r["machine"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {m['cpu']} ({m['cores']} cores, {m['memory']}), {m['os']}, "
        f"Python {m['python']}, pdfplumber {m['pdfplumber']}, pypdfium2 {m['pypdfium2']}"
        + (f", {m['pdftotext']}" if m["pdftotext"] else ", pdftotext not installed")
        + ".",
        "",
        "| input | pages | pipeline ms/doc | pipeline ms/page | pdfplumber extract_text ms/page | ratio ours/pdfplumber | pdftotext ms/page | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in r["inputs"]:
        pages = row["pages"]
        per_page = lambda s: f"{s / pages * 1000:.1f}" if pages and s is not None else "–"  # noqa: E731
        lines.append(
            f"| {row['input']} | {pages or '–'} | {row['ours_s'] * 1000:.1f} | {per_page(row['ours_s'])} | "
            f"{per_page(row.get('pdfplumber_s'))} | {row.get('ratio', float('nan')):.2f} | "
            f"{per_page(row.get('pdftotext_s'))} | {row['peak_rss_mb']:.0f} |".replace("| nan |", "| – |")
        )
    lines += [
        "",
        f"Baseline RSS of a process that only imports the pipeline: {r['baseline_rss_mb']:.0f} MB.",
        "",
        "Scale (the Chromium brochure's pages repeated):",
        "",
        "| pages | pipeline s | ms/page | peak RSS MB |",
        "|---:|---:|---:|---:|",
    ]
    for row in r["scale"]:
        lines.append(
            f"| {row['pages']} | {row['ours_s']:.2f} | {row['ours_s'] / row['pages'] * 1000:.1f} | {row['peak_rss_mb']:.0f} |"
        )
    big = r["scale"][-1]
    if "pdfplumber_s" in big:
        lines.append(
            f"\n300 pages with pdfplumber extract_text: {big['pdfplumber_s']:.2f} s "
            f"(ratio ours/pdfplumber {big['ours_s'] / big['pdfplumber_s']:.2f})."
        )
    b = r["batch"]
    lines += [
        "",
        f"Batch of {b['copies']} PDF copies: --workers 1 {b['seconds_w1']:.2f} s, --workers 2 {b['seconds_w2']:.2f} s: "
        f"speed-up {b['speedup']:.2f}×.",
        "",
        f"`python -m pipeline --help`: {r['startup_s'] * 1000:.0f} ms "
        f"(heavy modules imported: {', '.join(r['help_imports']) or 'none'}).",
    ]
    text = README.read_text("utf-8") if README.exists() else "# Benchmark\n\n<!-- RESULTS -->\n<!-- /RESULTS -->\n"
    block = "<!-- RESULTS -->\n" + "\n".join(lines) + "\n<!-- /RESULTS -->"
    text = re.sub(r"<!-- RESULTS -->.*<!-- /RESULTS -->", lambda _: block, text, flags=re.S)
    README.write_text(text, "utf-8")
    print(f"wrote {README}")


if __name__ == "__main__":
    main()
