"""Participant counts: digits, number words, duals, singulars, null vs absent."""

import pytest

from pipeline.normalize import to_match
from pipeline.parse.participants import ParticipantCounts, parse_participants


@pytest.mark.parametrize(
    "text, counts",
    [
        (
            "9 آليات من آليات التشاور بين الدول بشأن الهجرة (4 منتديات إقليمية بشأن الهجرة و5 "
            "عمليات تشاورية إقليمية بشأن الهجرة) و4 منظمات دولية حكومية.",
            ParticipantCounts(iscm_total=9, irf=4, rcp=5, igo=4),
        ),
        (
            "14 آلية من آليات التشاور بين الدول بشأن الهجرة (5 منتديات أقليمية بشأن الهجرة و8 عمليات تشاورية "
            "إقليمية بشأن الهجرة وعملية عالمية واحدة) و3 منظمات دولية حكومية.",
            ParticipantCounts(iscm_total=14, irf=5, rcp=8, global_process=1, igo=3),
        ),
        (
            "15 آليّة من آليات التشاور (5 منتديات إقليمية و9 عمليات تشاورية إقليمية وعملية عالمية واحدة) "
            "ولجنة إقليمية للأمم المتحدة و7 منظمات دولية حكومية.",
            ParticipantCounts(iscm_total=15, irf=5, rcp=9, global_process=1, un_regional_commission=1, igo=7),
        ),
        (
            "21 آلية من آليات التشاور بين الدول بشأن الهجرة (6 منتديات أقليمية بشأن الهجرة و13 عملية من العمليات "
            "التشارورية الإقليمية بشأن الهجرة وعملياتان عالميتان) و5 منظمات اقتصادية إقليمية ولجنتان إقليميتان للأمم المتحدة",
            ParticipantCounts(
                iscm_total=21, irf=6, rcp=13, global_process=2, regional_economic_organization=5, un_regional_commission=2
            ),
        ),
        ("23 آلية من آليات التشاور بين الدول بشأن الهجرة.", ParticipantCounts(iscm_total=23)),
        ("و5 لجان إقليمية للأمم المتحدة", ParticipantCounts(un_regional_commission=5)),
        ("ثلاث منظمات حكومية دولية", ParticipantCounts(igo=3)),
        ("منتديان أقاليميان وعمليتان تشاوريتان", ParticipantCounts(irf=2, rcp=2)),
        ("ثلاثة منتديات وسبع عشرة عملية تشاورية إقليمية", ParticipantCounts(irf=3, rcp=17)),
        ("عملية عالمية واحدة وعشر منظمات دولية حكومية", ParticipantCounts(global_process=1, igo=10)),
        ("ومنظمات دولية حكومية", ParticipantCounts()),  # plural without a number: not stated
        ("ممثلو 23 آلية من آليات التشاور بين الدول بشأن الهجرة وبحضور 4 منظمات دولية حكومية", ParticipantCounts(iscm_total=23, igo=4)),
    ],
)
def test_counts(text, counts):
    parsed, _ = parse_participants(to_match(text))
    assert parsed == counts


def test_an_unrecognised_item_is_noted():
    _, notes = parse_participants(to_match("منظمات غير حكومية"))
    assert notes and "منظمات" in notes[0]


# Number words written from the grammar (not from the parser): units in both
# genders (the feminine forms with a masculine noun and the reverse are both
# in use), 11–19, units و tens, hundreds with مائة and مئة, in one word or two.
_UNITS = {
    1: ("واحد", "واحدة"), 2: ("اثنان", "اثنتان"), 3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"), 5: ("خمسة", "خمس"),
    6: ("ستة", "ست"), 7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني"), 9: ("تسعة", "تسع"),
}
_TEENS_FIRST = {1: ("أحد", "إحدى"), 2: ("اثنا", "اثنتا")}
_COMPOUND_ONE = {1: ("واحد", "إحدى"), 2: ("اثنان", "اثنتان")}
_TENS = {2: "عشرون", 3: "ثلاثون", 4: "أربعون", 5: "خمسون", 6: "ستون", 7: "سبعون", 8: "ثمانون", 9: "تسعون"}
_HUNDREDS = {1: ("مائة", "مئة"), 2: ("مائتان", "مئتان")} | {
    n: (_UNITS[n][1] + "مائة", _UNITS[n][1] + " مئة") for n in range(3, 10)
}
_HUNDREDS[8] = ("ثمانمائة", "ثماني مئة")


def words_of(n: int, g: int, article: bool = False) -> str:
    """``n`` (1–999) in words; ``g`` 0 masculine, 1 feminine; ``article``: ال on each word."""
    words: list[tuple[str, str]] = []  # (conjunction, word)
    h, r = divmod(n, 100)
    if h:
        words += [("", w) for w in _HUNDREDS[h][g].split()]
    if r:
        u, t = r % 10, r // 10
        if r < 10:
            below = [("", _UNITS[u][g])]
        elif r == 10:
            below = [("", ("عشرة", "عشر")[g])]
        elif r < 20:
            first = _TEENS_FIRST[u][g] if u in _TEENS_FIRST else _UNITS[u][g]
            below = [("", first), ("", ("عشر", "عشرة")[g])]
        elif u == 0:
            below = [("", _TENS[t])]
        else:
            first = _COMPOUND_ONE[u][g] if u in _COMPOUND_ONE else _UNITS[u][g]
            below = [("", first), ("و", _TENS[t])]
        if h:
            below[0] = ("و", below[0][1])
        words += below
    return " ".join(c + ("ال" if article else "") + w for c, w in words)


def test_the_word_generator_itself():
    assert words_of(21, 1) == "إحدى وعشرون"
    assert words_of(125, 0) == "مائة وخمسة وعشرون"
    assert words_of(212, 1) == "مئتان واثنتا عشرة"
    assert words_of(999, 1) == "تسع مئة وتسع وتسعون"
    assert words_of(25, 0, article=True) == "الخمسة والعشرون"


@pytest.mark.parametrize("n", range(1, 1000))
def test_every_count_from_1_to_999_in_words_inside_a_list(n):
    for g in (0, 1):
        for article in (False, True):
            w = words_of(n, g, article)
            text = f"{w} آلية من آليات التشاور بين الدول (3 منتديات إقليمية و{w} عملية تشاورية إقليمية) و{w} منظمة دولية حكومية."
            parsed, notes = parse_participants(to_match(text))
            assert parsed == ParticipantCounts(iscm_total=n, irf=3, rcp=n, igo=n), w
            assert notes == []


@pytest.mark.parametrize(
    "text, counts",
    [
        ("إحدى وعشرون آلية من آليات التشاور بين الدول", ParticipantCounts(iscm_total=21)),
        ("واحد وعشرون منتدى إقليمياً واثنتان وثلاثون عملية تشاورية", ParticipantCounts(irf=21, rcp=32)),
        ("مائة وخمس وعشرون منظمة دولية حكومية", ParticipantCounts(igo=125)),
        ("مئة منظمة دولية حكومية وثلاثمائة آلية للتشاور", ParticipantCounts(igo=100, iscm_total=300)),
        ("الخمس والعشرون آلية للتشاور", ParticipantCounts(iscm_total=25)),
        ("سبع عشرة عملية تشاورية وإحدى عشرة منظمة دولية حكومية", ParticipantCounts(rcp=17, igo=11)),
        ("عملية عالمية واحدة وعشر منظمات دولية حكومية", ParticipantCounts(global_process=1, igo=10)),
    ],
)
def test_compound_number_words(text, counts):
    assert parse_participants(to_match(text))[0] == counts


def test_a_count_too_long_to_be_a_number_is_dropped_with_a_note():
    text = "9" * 5000 + " آلية من آليات التشاور و4 منظمات دولية حكومية"
    parsed, notes = parse_participants(to_match(text))
    assert parsed == ParticipantCounts(iscm_total=None, igo=4)
    assert len(notes) == 1 and "5,000 digits" in notes[0] and "iscm_total" in notes[0]


def test_a_digit_that_is_not_ascii_is_no_count():
    # NFKC makes ² a 2 in the matching form; a text that skipped it must not crash int()
    parsed, _ = parse_participants("\u00b2 اليه من اليات التشاور")
    assert parsed.iscm_total == 1  # the singular noun, not the superscript


@pytest.mark.parametrize(
    "text, counts",
    [
        ("1,200 آلية للتشاور و4 منظمات دولية حكومية", ParticipantCounts(iscm_total=1200, igo=4)),
        ("1 200 آلية للتشاور", ParticipantCounts(iscm_total=1200)),
        ("(4 منتديات إقليمية، 5 عمليات تشاورية)", ParticipantCounts(irf=4, rcp=5)),
    ],
)
def test_thousands_grouped_with_commas_or_spaces(text, counts):
    assert parse_participants(to_match(text))[0] == counts


def test_a_long_digit_run_cut_by_line_breaks_is_one_run_and_dropped():
    text = " ".join(["9" * 73] * 5) + " آلية من آليات التشاور و4 منظمات دولية حكومية"
    parsed, notes = parse_participants(to_match(text))
    assert parsed == ParticipantCounts(igo=4)
    assert len(notes) == 1 and "365 digits" in notes[0]
