"""Where an event happened: the place of its own clause, not one named in another clause.

Sentences written for these tests (wire style).
"""

from __future__ import annotations

from datetime import date

from eventcoder.pipeline import extract_articles, make_article


def _places(text: str) -> list[str | None]:
    article = make_article(text, published=date(2024, 3, 12))
    report = next(extract_articles([article]))
    return [e.location.name if e.location else None for e in report.events if e.acled]


def test_a_town_in_another_clause_does_not_beat_the_province_attacked():
    text = ("Government jets bombed the rebel-held province of Idlib on Monday, as foreign "
            "ministers gathered in Geneva to discuss aid.")
    places = _places(text)
    assert places and "Geneva" not in places
    assert any(p and "Idlib" in p for p in places)


def test_a_sea_named_in_a_relative_clause_is_not_where_the_strike_fell():
    text = ("Warplanes struck Hama province on Sunday, destroying depots that officials said "
            "supplied fighters along the Mediterranean coast.")
    places = _places(text)
    assert places and all(p is None or "Mediterranean" not in p for p in places)
    assert any(p and "Hama" in p for p in places)
