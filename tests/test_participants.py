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
