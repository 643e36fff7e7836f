"""Ordinal and cardinal number words (vocabulary)."""

import pytest

from pipeline.normalize import to_match
from pipeline.vocabulary import parse_cardinal_words, parse_ordinal_words


def words(text: str) -> list[str]:
    return to_match(text).split()


@pytest.mark.parametrize(
    "text, value",
    [
        ("الأول", 1), ("الأولى", 1), ("الثاني", 2), ("الثالثة", 3), ("السابع", 7), ("العاشر", 10),
        ("الحادي عشر", 11), ("الحادية عشرة", 11), ("الثاني عشر", 12), ("الثانية عشرة", 12),
        ("التاسع عشر", 19), ("العشرون", 20), ("العشرين", 20), ("الحادي والعشرون", 21),
        ("الثالث والثلاثون", 33),
    ],
)
def test_ordinals(text, value):
    assert parse_ordinal_words(words(text))[0] == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنتان", 2), ("ثلاث", 3), ("ثلاثة", 3), ("أربع", 4),
        ("خمسة", 5), ("ست", 6), ("سبعة", 7), ("ثماني", 8), ("تسع", 9), ("عشرة", 10), ("عشر", 10),
        ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("ثلاث عشرة", 13), ("عشرون", 20), ("خمسة وعشرون", 25),
    ],
)
def test_cardinals(text, value):
    assert parse_cardinal_words(words(text))[0] == value


def test_not_a_number():
    assert parse_ordinal_words(words("للعمليات التشاورية")) is None
    assert parse_cardinal_words(words("منظمات")) is None


@pytest.mark.parametrize(
    "text, value, used",
    [
        ("إحدى وعشرون آلية", 21, 2), ("واحد وعشرين", 21, 2), ("اثنتان وتسعون", 92, 2), ("اثنتي عشرة", 12, 2),
        ("مائة", 100, 1), ("مئة وواحد", 101, 2), ("مئتان وعشر", 210, 2), ("مائتين وإحدى عشرة", 211, 3),
        ("ثلاثمائة وخمسة وأربعون", 345, 3), ("ثلاث مئة", 300, 2), ("تسعمائة وتسع وتسعون", 999, 3),
        ("الخمسة والعشرون", 25, 2), ("المائة والعشرون", 120, 2),
        ("خمسة منظمات وعشرون", 5, 1),  # و glued to a word that is not the next number word
        ("عشر", 10, 1), ("عشرون وخمسة", 20, 1),  # tens then units is not a compound
    ],
)
def test_cardinals_up_to_999(text, value, used):
    assert parse_cardinal_words(words(text)) == (value, used)


def test_cardinals_without_the_article_when_asked():
    assert parse_cardinal_words(words("الخمسة"), article=False) is None
    assert parse_cardinal_words(words("الخمسة")) == (5, 1)


def test_ordinal_ten_and_teens():
    assert parse_ordinal_words(words("العاشرة")) == (10, 1)
    assert parse_ordinal_words(words("عشر")) is None  # the عشر of الحادي عشر alone is no ordinal
    assert parse_ordinal_words(words("المائة")) == (100, 1)
