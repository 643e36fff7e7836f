"""The command line: a mixed run with bad sources, exit statuses, report entries."""

import json
import subprocess
import sys
from pathlib import Path

from .conftest import BROCHURE_TXT, ROOT


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True)


def test_bad_text_sources_fail_clearly_and_good_ones_are_written(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes(BROCHURE_TXT.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\xff\xfe\x01" * 50)
    (src / "nomeet.md").write_text("# عنوان\n\nنص عربي فقط.\n", encoding="utf-8")
    (src / "english.txt").write_text("Just English text.\n", encoding="utf-8")
    (src / "notes.odt").write_bytes(b"PK")
    out = tmp_path / "out"
    result = cli("extract", str(src), "--out", str(out), "--workers", "1")
    assert result.returncode == 1
    report = json.loads((out / "run_report.json").read_text("utf-8"))
    by_name = {Path(s["source"]).name: s for s in report["sources"]}
    assert by_name["good.txt"]["status"] == "ok" and by_name["good.txt"]["meetings"] == 7
    assert (by_name["empty.txt"]["status"], by_name["empty.txt"]["error_kind"]) == ("failed", "empty_file")
    assert (by_name["binary.txt"]["status"], by_name["binary.txt"]["error_kind"]) == ("failed", "encoding")
    # An Arabic document without meetings is a record like any other, with no meetings.
    assert (by_name["nomeet.md"]["status"], by_name["nomeet.md"]["meetings"]) == ("ok", 0)
    assert (by_name["english.txt"]["status"], by_name["english.txt"]["error_kind"]) == ("failed", "no_arabic_text")
    assert (by_name["notes.odt"]["status"], by_name["notes.odt"]["error_kind"]) == ("skipped", "unsupported_format")
    for name in ("empty.txt", "binary.txt", "english.txt"):
        assert name in by_name[name]["message"]
        assert f"FAILED {by_name[name]['message']}" in result.stderr
    assert (out / "good.json").is_file()
    assert "good" in (out / "meetings.csv").read_text("utf-8")
    assert json.loads((out / "nomeet.json").read_text("utf-8"))["document"]["title"] == "عنوان"
    assert report["totals"] == {"ok": 2, "failed": 3, "skipped": 1, "unchanged": 0}


def test_exit_status_0_when_all_ok_and_2_on_bad_usage(tmp_path: Path):
    ok = cli("extract", str(BROCHURE_TXT), "--out", str(tmp_path / "o"), "--workers", "1")
    assert ok.returncode == 0, ok.stderr
    assert cli("extract", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")).returncode == 2
    assert cli("extract", str(BROCHURE_TXT)).returncode == 2  # --out is required
    assert cli("frobnicate").returncode == 2
    assert cli("extract", str(BROCHURE_TXT), "--out", str(tmp_path / "o"), "--workers", "0").returncode == 2
    for option, value in (("--timeout", "0"), ("--timeout", "nan"), ("--max-memory", "-5"), ("--max-memory", "1.5")):
        bad = cli("extract", str(BROCHURE_TXT), "--out", str(tmp_path / "o"), option, value)
        assert bad.returncode == 2 and option in bad.stderr, (option, value)


def test_help_describes_the_commands():
    result = cli("extract", "--help")
    assert result.returncode == 0
    for option in ("--out", "--workers", "--timeout", "--max-memory", "--force", "--password", "--excel", "--quiet", "--verbose"):
        assert option in result.stdout
    assert "default 300" in result.stdout and "default 2048" in result.stdout  # the limits' defaults are stated


def test_verbose_logs_each_stage_and_quiet_prints_only_the_total(tmp_path: Path):
    verbose = cli("extract", str(BROCHURE_TXT), "--out", str(tmp_path / "v"), "--workers", "1", "-v")
    for stage in ("read", "normalize", "structure", "profiles", "validate"):
        assert f"{stage} done in" in verbose.stderr
    # the stages' lines, not the libraries' debug output (markdown-it logs every rule it enters)
    md = cli("extract", str(ROOT / "sources" / "global-rcp-meetings-ar-edition2.md"), "--out", str(tmp_path / "m"),
             "--workers", "1", "-v")
    assert "read done in" in md.stderr and "markdown_it" not in md.stderr
    quiet = cli("extract", str(BROCHURE_TXT), "--out", str(tmp_path / "q"), "--workers", "1", "-q")
    assert quiet.stderr.strip().splitlines() == [quiet.stderr.strip()]  # one line: the total
    assert quiet.stderr.startswith("1 source: 1 ok")
