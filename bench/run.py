"""Benchmark: the pipeline beside other PDF text extractors, start-up, scale, memory, workers.

Run with ``uv run python bench/run.py`` (``--quick`` for fewer repetitions
and smaller sizes); it rewrites the block between the RESULTS markers of
``bench/README.md`` and leaves the raw figures in ``bench/out/results.json``
(not committed, like the generated large PDFs). Everything comes from one
run on the same inputs, with the machine and its load average stated, so
the ratios hold on any machine.

What is measured:

* **one brochure, one process**: ``python -m pipeline extract`` on the
  5-page Chromium PDF against a process that runs pdfplumber's
  ``extract_text()`` on it, the two in turn (A B A B …), median of N runs
  after a warm-up each: wall and CPU seconds, and the median of the pairwise
  wall ratios. The project's package is byte-compiled first (as after a
  user's first run, which writes every imported module's bytecode).
* **per page, warm process**: the whole pipeline (read → record) and the
  reader alone (``read_pdf``), median of N runs after a warm-up, for each
  brochure PDF of ``tests/data/pdf``, and the text brochure;
* **peers**: pdfplumber, pdfminer.six, pypdfium2, PyMuPDF, docling-parse,
  pdftext (each in its own environment, ``uv run --no-project --with``:
  benchmark-only, never project dependencies; ``bench/peers.py``) and
  ``pdftotext`` (poppler, when installed; a whole process per document):
  ms/page and the character error rate of their text against the brochure's
  text source (matching forms, as ``tests/test_pdf_reader.py``), as
  returned and after the Unicode bidi algorithm reorders each line (what a
  user of a visual-order extractor must do);
* **scale**: the Chromium brochure's pages repeated (made with pypdfium2,
  fonts shared) to 30, 100, 300 and 1000 pages, the whole CLI process
  (extraction, record, dataset files): wall time and peak RSS (the largest
  process, the worker included);
* **workers**: a batch of 200 distinct copies of the brochure PDF with
  ``--workers 1, 2, …`` up to the CPUs: pages per second and the speed-up,
  with the load average before each run;
* **start-up**: ``python -m pipeline --help``.
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
PEERS_SCRIPT = Path(__file__).resolve().parent / "peers.py"
# Peers outside the project's environment: the packages to install for each.
PEER_PACKAGES = {
    "pdfplumber": None,  # a project dependency (its table finder)
    "pdfminer.six": None,  # a project dependency (the reader's PDF parser)
    "pypdfium2": None,  # a project dependency (rendering for OCR)
    "PyMuPDF": ["pymupdf"],
    "docling-parse": ["docling-parse"],
    "pdftext": ["pdftext"],
}
sys.path.insert(0, str(ROOT))

_PDFPLUMBER_PROCESS = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text()\n"
)


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


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


# Runs the timed command from a small process of its own: a child's peak RSS
# (ru_maxrss) starts from the memory of the process that forked it, and this
# benchmark's process holds the pipeline and its word lists.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(json.dumps({"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status)}))
"""


def run_process(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run a command to its end: wall and CPU seconds, and the peak RSS in MB
    of its largest process (its children included: ``wait4`` reports the
    maximum over the process tree)."""
    out = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], cwd=cwd, check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    if result["exit"] != 0:
        raise RuntimeError(f"{cmd} exited with {result['exit']}")
    return result


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


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


# --- one brochure, one process ----------------------------------------------------


def one_process(repeat: int) -> dict:
    """The CLI on the Chromium brochure against a pdfplumber process, in turn."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True, capture_output=True)
    pdf = str(PDF_DIR / BIG_BASE)
    with tempfile.TemporaryDirectory() as tmp:
        ours = [sys.executable, "-m", "pipeline", "extract", pdf, "--out", tmp, "--force"]
        theirs = [sys.executable, "-c", _PDFPLUMBER_PROCESS, pdf]
        load_before = load_average()
        run_process(ours, cwd=ROOT)
        run_process(theirs)
        a, b = [], []
        for _ in range(repeat):
            a.append(run_process(ours, cwd=ROOT))
            b.append(run_process(theirs))
    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    return {
        "runs": repeat, "load_before": load_before, "load_after": load_average(),
        "ours_wall": med(a, "wall"), "ours_cpu": med(a, "cpu"), "ours_rss_mb": med(a, "rss_mb"),
        "pdfplumber_wall": med(b, "wall"), "pdfplumber_cpu": med(b, "cpu"), "pdfplumber_rss_mb": med(b, "rss_mb"),
        "wall_ratio": statistics.median(x["wall"] / y["wall"] for x, y in zip(a, b)),
        "cpu_ratio": statistics.median(x["cpu"] / y["cpu"] for x, y in zip(a, b)),
        "site_packages_compiled": _site_packages_compiled(),
    }


def _site_packages_compiled() -> bool:
    import camel_tools.utils.charsets as probe  # any dependency: is its bytecode on disk?

    return Path(probe.__cached__).exists() if getattr(probe, "__cached__", None) else False


# --- per page, warm process ---------------------------------------------------------


def warm_inputs(repeat: int) -> list[dict]:
    from pipeline.core import extract_source
    from pipeline.read.pdf import read_pdf

    rows = []
    inputs = sorted(PDF_DIR.glob("global-rcp-meetings-ar.*.pdf")) + [TEXT_SOURCE]
    for path in inputs:
        is_pdf = path.suffix == ".pdf"
        row = {"input": path.name, "pages": page_count(path) if is_pdf else None}
        row["ours_s"] = median_time(lambda: extract_source(path), repeat)
        if is_pdf:
            row["reader_s"] = median_time(lambda: read_pdf(path), repeat)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


# --- peers --------------------------------------------------------------------------


def _match_text(lines) -> str:
    from pipeline.normalize import NText

    return " ".join(m for m in (NText.from_raw(line).match for line in lines) if m)


def _cer(reference: str, text: str) -> float:
    import editdistance

    return editdistance.eval(reference, text) / len(reference)


def peers(repeat: int) -> dict:
    """Speed and CER of each peer (and the pipeline's reader) on the brochure PDFs."""
    from bidi.algorithm import get_display

    from pipeline.read.pdf import read_pdf
    from pipeline.read.text import read_text

    pdfs = sorted(PDF_DIR.glob("global-rcp-meetings-ar.*.pdf"))
    reference = _match_text(line for b in read_text(TEXT_SOURCE).body_blocks for line in b.lines)
    pages = {p.name: page_count(p) for p in pdfs}
    result: dict = {"files": [p.name for p in pdfs], "pages": pages, "tools": {}}

    def score(name: str, version: str, per_file: dict[str, tuple[float, str]]) -> None:
        rows = {}
        for pdf in pdfs:
            seconds, text = per_file[pdf.name]
            lines = text.splitlines()
            rows[pdf.name] = {
                "ms_per_page": seconds / pages[pdf.name] * 1000,
                "cer": _cer(reference, _match_text(lines)),
                "cer_bidi": _cer(reference, _match_text(get_display(line) for line in lines)),
            }
        result["tools"][name] = {"version": version, "files": rows}
        print(json.dumps({name: result["tools"][name]}), flush=True)

    # The pipeline's reader: its body text (running heads and page numbers left out).
    from importlib.metadata import version as dist_version

    ours = {}
    for pdf in pdfs:
        seconds = median_time(lambda: read_pdf(pdf), repeat)
        doc = read_pdf(pdf)
        ours[pdf.name] = (seconds, "\n".join(line for b in doc.body_blocks for line in b.lines))
    score("this pipeline's reader", "–", ours)

    for tool, packages in PEER_PACKAGES.items():
        if packages is None:
            cmd = [sys.executable]
        else:
            if not shutil.which("uv"):
                result["tools"][tool] = {"error": "uv not found to install it"}
                continue
            cmd = ["uv", "run", "--quiet", "--no-project", "--python", sys.executable]
            for package in packages:
                cmd += ["--with", package]
            cmd += ["python"]
        proc = subprocess.run(
            cmd + [str(PEERS_SCRIPT), tool, str(repeat)] + [str(p) for p in pdfs],
            capture_output=True, text=True, encoding="utf-8", timeout=1800,
        )
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            result["tools"][tool] = {"error": last[:300]}
            print(json.dumps({tool: result["tools"][tool]}), flush=True)
            continue
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        score(tool, data["version"], {Path(k).name: (v["seconds"], v["text"]) for k, v in data["files"].items()})

    if shutil.which("pdftotext"):
        per_file = {}
        for pdf in pdfs:
            def once(pdf=pdf):
                return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True).stdout

            seconds = median_time(once, repeat)
            per_file[pdf.name] = (seconds, once().decode("utf-8"))
        score("pdftotext", (_pdftotext_version() or "?").replace("pdftotext version ", ""), per_file)
    return result


# --- scale and workers ---------------------------------------------------------------


def scale(sizes: tuple[int, ...]) -> list[dict]:
    rows = []
    for pages in sizes:
        big = make_big_pdf(pages)
        with tempfile.TemporaryDirectory() as tmp:
            load = load_average()
            r = run_process([sys.executable, "-m", "pipeline", "extract", str(big), "--out", tmp, "--force"], cwd=ROOT)
        row = {"pages": pages, "seconds": r["wall"], "cpu": r["cpu"], "peak_rss_mb": r["rss_mb"], "load_before": load}
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def workers(copies: int) -> dict:
    """Pages per second of a batch of ``copies`` distinct copies of the brochure PDF."""
    data = (PDF_DIR / BIG_BASE).read_bytes()
    pages = page_count(PDF_DIR / BIG_BASE) * copies
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    counts = sorted({1, 2, cpus})
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for i in range(copies):
            # bytes after %%EOF are ignored by readers; they make each copy distinct
            (src / f"copy{i:03d}.pdf").write_bytes(data + f"\n% copy {i}\n".encode())
        for n in counts:
            out = Path(tmp) / f"out{n}"
            load = load_average()
            r = run_process([sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), "--workers", str(n), "--force"], cwd=ROOT)
            row = {"workers": n, "seconds": r["wall"], "pages_per_second": pages / r["wall"], "peak_rss_mb": r["rss_mb"],
                   "load_before": load}
            rows.append(row)
            print(json.dumps(row), flush=True)
    base = rows[0]["seconds"]
    for row in rows:
        row["speedup"] = base / row["seconds"]
    return {"copies": copies, "pages": pages, "cpus": cpus, "rows": rows}


def startup_seconds(repeat: int) -> float:
    def once():
        subprocess.run([sys.executable, "-m", "pipeline", "--help"], cwd=ROOT, check=True, capture_output=True)

    return median_time(once, repeat=repeat)


def help_imports_heavy() -> list[str]:
    code = (
        "import sys, runpy; sys.argv=['pipeline','--help']\n"
        "try:\n runpy.run_module('pipeline', run_name='__main__')\nexcept SystemExit: pass\n"
        "heavy = ('pdfplumber','pdfminer','camel_tools','pydantic','pypdfium2','babel','pycountry','wordfreq')\n"
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
        "pdfminer.six": version("pdfminer.six"),
        "camel-tools": version("camel-tools"),
        "pdftotext": _pdftotext_version(),
    }


def _pdftotext_version() -> str | None:
    if not shutil.which("pdftotext"):
        return None
    out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    return (out.stderr or out.stdout).splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and sizes (for a smoke run)")
    parser.add_argument("--no-readme", action="store_true", help="print only; do not rewrite bench/README.md")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7

    results: dict = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M"), "load_start": load_average()}
    results["one_process"] = one_process(repeat)
    print(json.dumps(results["one_process"]), flush=True)
    results["inputs"] = warm_inputs(repeat)
    results["peers"] = peers(repeat)
    results["scale"] = scale((30, 100) if args.quick else (30, 100, 300, 1000))
    results["workers"] = workers(20 if args.quick else 200)
    results["startup_s"] = startup_seconds(5 if args.quick else 15)
    results["help_imports"] = help_imports_heavy()
    results["load_end"] = load_average()
    print(json.dumps({"startup_s": results["startup_s"], "help_imports": results["help_imports"]}), flush=True)

    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if not args.no_readme:
        write_readme(results)


def write_readme(r: dict) -> None:
    README.write_text(render_readme(r, README.read_text("utf-8")), "utf-8")
    print(f"wrote {README}")


def render_readme(r: dict, text: str) -> str:
    """``text`` with its RESULTS block replaced by the figures of ``r``."""
    m = r["machine"]
    o = r["one_process"]
    lines = [
        f"Measured {r['started']} on {m['cpu']} ({m['cores']} cores, {m['memory']}), {m['os']}, "
        f"Python {m['python']}, pdfminer.six {m['pdfminer.six']}, pdfplumber {m['pdfplumber']}, camel-tools {m['camel-tools']}"
        + (f", {m['pdftotext'].replace(' version', '')}" if m["pdftotext"] else ", pdftotext not installed")
        + f". Load average (1 min) {r['load_start']} at the start, {r['load_end']} at the end: "
        "the machine's 2 cores were shared with other jobs, so absolute times are high and noisy; "
        "each comparison below was measured side by side in this run.",
        "",
        "**One brochure, one process** (the 5-page Chromium PDF; median of "
        f"{o['runs']} runs each, in turn; load {o['load_before']} → {o['load_after']}; "
        f"dependencies' bytecode {'compiled' if o['site_packages_compiled'] else 'not compiled'}, the package's compiled):",
        "",
        "| process | wall s | CPU s | peak RSS MB |",
        "|---|---:|---:|---:|",
        f"| `python -m pipeline extract` (read → JSON, CSVs, SQLite) | {o['ours_wall']:.2f} | {o['ours_cpu']:.2f} | {o['ours_rss_mb']:.0f} |",
        f"| pdfplumber `extract_text()` of every page | {o['pdfplumber_wall']:.2f} | {o['pdfplumber_cpu']:.2f} | {o['pdfplumber_rss_mb']:.0f} |",
        f"| ratio ours / pdfplumber (median of pairs) | {o['wall_ratio']:.2f} | {o['cpu_ratio']:.2f} | |",
        "",
        "**Per page, warm process** (median of 7 after a warm-up):",
        "",
        "| input | pages | pipeline ms/doc | pipeline ms/page | reader alone ms/page |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in r["inputs"]:
        pages = row["pages"]
        per_page = lambda s: f"{s / pages * 1000:.1f}" if pages and s is not None else "–"  # noqa: E731
        lines.append(
            f"| {row['input']} | {pages or '–'} | {row['ours_s'] * 1000:.1f} | {per_page(row['ours_s'])} | "
            f"{per_page(row.get('reader_s'))} |"
        )
    p = r["peers"]
    short = {f: f.replace("global-rcp-meetings-ar.", "").split("-")[0].split(".")[0] for f in p["files"]}
    lines += [
        "",
        "**Peers** on the brochure PDFs (warm process, median of 7 after a warm-up; pdftotext: a whole process "
        "per document). CER: character error rate of the text against the brochure's text source, matching "
        "forms, as the tool returns it / after the bidi algorithm reorders each line; the pipeline's reader "
        "leaves running heads and page numbers out, the peers keep them:",
        "",
        "| tool | version | " + " | ".join(f"{short[f]} ms/page" for f in p["files"]) + " | "
        + " | ".join(f"{short[f]} CER" for f in p["files"]) + " |",
        "|---|---|" + "---:|" * (2 * len(p["files"])),
    ]
    failed = []
    for tool, t in p["tools"].items():
        if "error" in t:
            failed.append(f"{tool} ({t['error']})")
            continue
        speeds = " | ".join(f"{t['files'][f]['ms_per_page']:.1f}" for f in p["files"])
        cers = " | ".join(f"{t['files'][f]['cer']:.1%} / {t['files'][f]['cer_bidi']:.1%}" for f in p["files"])
        lines.append(f"| {tool} | {t['version']} | {speeds} | {cers} |")
    if failed:
        lines += ["", "Not measured: " + "; ".join(failed) + "."]
    lines += [
        "",
        "**Scale** (the Chromium brochure's pages repeated; the whole CLI process: extraction, record, dataset files):",
        "",
        "| pages | wall s | ms/page | CPU s | peak RSS MB | load before |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in r["scale"]:
        lines.append(
            f"| {row['pages']} | {row['seconds']:.1f} | {row['seconds'] / row['pages'] * 1000:.1f} | "
            f"{row['cpu']:.1f} | {row['peak_rss_mb']:.0f} | {row['load_before']} |"
        )
    w = r["workers"]
    lines += [
        "",
        f"**Workers**: a batch of {w['copies']} distinct copies of the brochure PDF ({w['pages']} pages), "
        f"{w['cpus']} CPUs:",
        "",
        "| --workers | wall s | pages/s | speed-up | peak RSS MB | load before |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in w["rows"]:
        lines.append(
            f"| {row['workers']} | {row['seconds']:.1f} | {row['pages_per_second']:.1f} | {row['speedup']:.2f}× | "
            f"{row['peak_rss_mb']:.0f} | {row['load_before']} |"
        )
    lines += [
        "",
        f"`python -m pipeline --help`: {r['startup_s'] * 1000:.0f} ms "
        f"(heavy modules imported: {', '.join(r['help_imports']) or 'none'}).",
    ]
    block = "<!-- RESULTS -->\n" + "\n".join(lines) + "\n<!-- /RESULTS -->"
    return re.sub(r"<!-- RESULTS -->.*<!-- /RESULTS -->", lambda _: block, text, flags=re.S)


if __name__ == "__main__":
    main()
