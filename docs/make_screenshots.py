"""Make the README's screenshots of ``inspect`` and of ``run_report.html`` (committed beside this script).

Run from the repository root (needs headless Chromium, Debian ``chromium``):

    uv run python docs/make_screenshots.py

The pages are made from the repository's own inputs into a temporary
folder, opened in headless Chromium at a desktop and a phone width, and
saved as PNG (the run report's with 128 colours: a quarter of the size, no
visible loss).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from pipeline import run
from pipeline.inspect import inspect_source

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "docs"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def shoot(page: Path, target: Path, width: int, height: int, colours: int | None = 128) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         f"--window-size={width},{height}", f"--screenshot={target}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    if colours:
        with Image.open(target) as image:
            image.convert("RGB").quantize(colors=colours).save(target, optimize=True)


def main() -> None:
    if CHROMIUM is None:
        raise SystemExit("no Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        pdf = ROOT / "tests" / "data" / "pdf" / "global-rcp-meetings-ar.chromium-noto-naskh.pdf"
        page = inspect_source(pdf, out / "inspect").html
        shoot(page, HERE / "inspect.png", 1280, 900, colours=None)  # the colours are the point
        os.chdir(ROOT)  # the report shows the sources as given: relative paths
        sources = [
            "sources/global-rcp-meetings-ar-edition2.md",
            "tests/data/kinds/hijri-dates.pdf",
            "tests/data/bad/truncated.pdf",
            "tests/data/pdf/global-rcp-meetings-ar.chromium-noto-naskh.pdf",
        ]
        inspect_source(sources[1], out / "inspect")
        run(sources, out, workers=1, html_report=True)
        shoot(out / "run_report.html", HERE / "run_report.png", 1280, 1400)
        shoot(out / "run_report.html", HERE / "run_report-phone.png", 390, 844)
    for name in ("inspect.png", "run_report.png", "run_report-phone.png"):
        print(HERE / name, (HERE / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
