"""Property tests: arbitrary input never raises anything but the project's own
typed errors (hypothesis)."""

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract_source
from pipeline.errors import PipelineError
from pipeline.normalize import NText, to_match
from pipeline.parse.dates import DateParseError, find_date_range
from pipeline.parse.hosts import split_hosts
from pipeline.parse.participants import parse_participants
from pipeline.parse.venues import parse_venue
from pipeline.read.text import decode_text, parse_text
from pipeline.vocabulary import parse_cardinal_words, parse_ordinal_words

# Pieces of the brochures' language, so generated text reaches deep paths.
FRAGMENTS = [
    "الاجتماع العالمي", "الأول", "الحادي عشر", "العشرون", "للعمليات التشاورية", ": ", "2005", "٢٠١٩", "14-15",
    "نيسان/ أبريل", "تشرين الأول", "جوان", "، ", ", ", "جنيف", "سويسرا", "عبر الإنترنت", "هجين", "(", ")",
    "آلية من آليات التشاور", "منتديات إقليمية", "و5", "عمليتان", "واحدة", "لجنة إقليمية للأمم المتحدة",
    "منظمات دولية حكومية", "واللجنة", "بالتعاون مع", "المضيف:", "**", "#", "\n", "\n\n", "◆ ", "- ",
    "النتيجة المتوقعة:", "المشاركون:", "تاريخ ومكان الانعقاد:", "العنوان:", "الهاتف:", "grcp@iom.int",
    "https://x.org", "ـ", "\u200f", "ّ", "ً", "ﻻ", ".", "؛", "«", "»", '"', "31", "0", "9999", "/",
]
arabicish = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.text(max_size=60),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(arabicish)
def test_parsers_never_crash(text):
    m = to_match(text)
    try:
        found = find_date_range(m)
        assert found.start <= found.end
    except DateParseError:
        pass
    counts, notes = parse_participants(m)
    assert all(v >= 0 for v in counts.stated().values())
    venue = parse_venue(NText.from_raw(text))
    assert venue.country_code is None or len(venue.country_code) == 2
    assert all(h.strip() == h and h for h in split_hosts(NText.from_raw(text)))
    for words in (m.split(), m.split()[1:]):
        for parsed in (parse_ordinal_words(words), parse_cardinal_words(words)):
            assert parsed is None or parsed[0] > 0


@FAST
@given(arabicish)
def test_alignment_holds(text):
    n = NText.from_raw(text)
    assert len(n.origin) == len(n.match)
    assert all(0 <= i < len(n.display) for i in n.origin)
    assert list(n.origin) == sorted(n.origin)


@FAST
@given(arabicish)
def test_text_reader_never_crashes(text):
    for block in parse_text(text):
        assert block.lines and block.line_start <= block.line_end


@FAST
@given(st.binary(max_size=300))
def test_decoding_raises_only_typed_errors(data):
    try:
        decode_text(data, Path("x.txt"))
    except PipelineError:
        pass


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(arabicish)
def test_whole_pipeline_raises_only_typed_errors(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("p") / "x.md"
    path.write_text(text, encoding="utf-8")
    try:
        result = extract_source(path)
    except PipelineError:
        return
    # Any Arabic text gives a record that keeps every Arabic word of it.
    record = result.record
    kept = [record.document.title or "", record.document.subtitle or ""]
    for s in record.sections:
        kept += [s.heading or "", *s.paragraphs, *s.bullets]
    kept_words = set(to_match(" ".join(kept)).split())
    for word in to_match(text).split():
        if re.search(r"[\u0621-\u064A]", word) and not re.search(r"[^\w]", word):
            assert word in kept_words
