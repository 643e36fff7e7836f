"""Venues: city, country, ISO 3166-1 code, online and hybrid meetings."""

import pytest

from pipeline.normalize import NText
from pipeline.parse.venues import Venue, parse_venue


@pytest.mark.parametrize(
    "text, venue",
    [
        ("جنيف، سويسرا", Venue("جنيف", "سويسرا", "CH", False)),
        ("بانكوك، تايلند", Venue("بانكوك", "تايلند", "TH", False)),
        ("بانكوك، تايلاند", Venue("بانكوك", "تايلاند", "TH", False)),
        ("غابوروني، بوتسوانا", Venue("غابوروني", "بوتسوانا", "BW", False)),
        ("ليما، بيرو", Venue("ليما", "بيرو", "PE", False)),
        ("القاهرة، مصر", Venue("القاهرة", "مصر", "EG", False)),
        ("الرباط, المغرب", Venue("الرباط", "المغرب", "MA", False)),
        ("في مراكش، المملكة المغربية", Venue("مراكش", "المملكة المغربية", "MA", False)),
        ("عبر الإنترنت", Venue(None, None, None, True)),
        ("افتراضياً", Venue(None, None, None, True)),
        ("اجتماع افتراضي", Venue(None, None, None, True)),
        ("جنيف، سويسرا، وعبر الإنترنت", Venue("جنيف", "سويسرا", "CH", True)),
        ("جنيف، سويسرا (اجتماع هجين)", Venue("جنيف", "سويسرا", "CH", True)),
        ("مدينة مجهولة، بلد مجهول", Venue("مدينة مجهولة", "بلد مجهول", None, False)),
        ("جنيف (سويسرا)", Venue("جنيف", "سويسرا", "CH", False)),
        ("جنيف - سويسرا", Venue("جنيف", "سويسرا", "CH", False)),
        ("سويسرا، جنيف", Venue("جنيف", "سويسرا", "CH", False)),
        ("مركز المؤتمرات، نيروبي، كينيا", Venue("نيروبي", "كينيا", "KE", False)),
        ("عن بعد", Venue(None, None, None, True)),
        ("Online", Venue(None, None, None, True)),
        ("البيرو", Venue(None, "البيرو", "PE", False)),
    ],
)
def test_venues(text, venue):
    assert parse_venue(NText.from_raw(text)) == venue
