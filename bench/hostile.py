"""Benchmark: hostile PDFs beside a real brochure under the batch's limits, and the
largest brochure under the default limits.

    uv run python bench/hostile.py [--timeout 60] [--no-readme]

1. Builds the six hostile PDFs of ``tests/generated_pdfs.py`` (a
   self-referencing object, a ToUnicode range over 2^32 codes, Form XObjects
   drawing each other 2^30 times, a Flate stream with a bad checksum, 256 MiB
   of path operators, a 2 GiB Flate bomb), puts them beside the Chromium
   brochure PDF, and runs ``python -m pipeline extract`` on them with
   ``--timeout`` (default 60), the default memory limit and 2 workers.
2. Runs the 300-page brochure (the Chromium brochure's pages repeated, as in
   ``bench/run.py``) alone with the default limits, to check that they leave
   room.

Prints, and writes to ``bench/README.md`` (between the HOSTILE markers), the
wall time of each batch, the peak RSS of its largest process, and each
source's status, error kind and seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Runs a command and prints the peak RSS (KiB) of its largest descendant.
_PEAK = "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); " \
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def batch(src: Path, *options: str) -> dict:
    """``extract`` on ``src`` (2 workers, quiet) in a fresh process: wall time, peak RSS, the report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        load = os.getloadavg()[0]
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out),
             "--workers", "2", "-q", *options],
            cwd=ROOT, capture_output=True, text=True,
        )
        wall = time.perf_counter() - started
        report = json.loads((out / "run_report.json").read_text("utf-8"))
    return {
        "options": " ".join(options) or "(defaults)",
        "load": load,
        "wall_s": wall,
        "peak_rss_mb": int(done.stdout.split()[-1]) / 1024,
        "timeout": report["timeout_seconds"],
        "max_memory_mb": report["max_memory_mb"],
        "sources": [
            {
                "source": Path(s["source"]).name,
                "status": s["status"],
                "error_kind": s["error_kind"],
                "meetings": s["meetings"],
                "seconds": s["seconds"].get("total"),
            }
            for s in report["sources"]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--no-readme", action="store_true", help="print only; do not rewrite bench/README.md")
    args = parser.parse_args()

    from run import BIG_BASE, PDF_DIR, machine, make_big_pdf

    from tests.generated_pdfs import HOSTILE

    with tempfile.TemporaryDirectory() as tmp:
        hostile, big = Path(tmp) / "hostile", Path(tmp) / "big"
        hostile.mkdir()
        big.mkdir()
        for name, make in HOSTILE.items():
            (hostile / f"{name}.pdf").write_bytes(make())
        (hostile / BIG_BASE).write_bytes((PDF_DIR / BIG_BASE).read_bytes())
        (big / "brochure-300p.pdf").write_bytes(make_big_pdf(300).read_bytes())
        runs = [batch(hostile, "--timeout", f"{args.timeout:g}"), batch(big)]
    result = {"machine": machine(), "runs": runs}
    print(json.dumps(result, indent=2))
    if not args.no_readme:
        write_readme(result)


def write_readme(r: dict) -> None:
    m = r["machine"]
    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {m['cpu']} ({m['cores']} cores, {m['memory']}), {m['os']}, "
             f"Python {m['python']}; `--workers 2`."]
    for run in r["runs"]:
        lines += [
            "",
            f"`{run['options']}` (timeout {run['timeout']:g} s, max memory {run['max_memory_mb']} MB; load average "
            f"{run['load']:.1f} at the start): {run['wall_s']:.0f} s wall, largest process peak RSS "
            f"{run['peak_rss_mb']:.0f} MB.",
            "",
            "| source | status | error kind | meetings | seconds |",
            "|---|---|---|---:|---:|",
        ]
        for row in run["sources"]:
            lines.append(
                f"| {row['source']} | {row['status']} | {row['error_kind'] or '–'} | "
                f"{row['meetings'] if row['meetings'] is not None else '–'} | {row['seconds']:.1f} |"
            )
    block = "<!-- HOSTILE -->\n" + "\n".join(lines) + "\n<!-- /HOSTILE -->"
    text = README.read_text("utf-8")
    if "<!-- HOSTILE -->" in text:
        text = re.sub(r"<!-- HOSTILE -->.*?<!-- /HOSTILE -->", lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Hostile PDFs under the batch's limits\n\n" \
            "`uv run python bench/hostile.py` (see its docstring):\n\n" + block + "\n"
    README.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
