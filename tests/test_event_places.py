"""Where an event happened: the place of its own clause, not one named in another clause.

Sentences written for these tests (wire style).
"""

from __future__ import annotations

from datetime import date

import pytest

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


LONG_REPORT = (
    "Government aircraft bombed the town of Maarat al-Numan on Tuesday, killing six people, "
    "according to local rescue workers. The town lies on the main highway between the north "
    "and the capital. Residents said the strikes came shortly after dawn and hit a market and "
    "a bakery. Aid groups said they were struggling to reach families who had fled towards the "
    "border. The United Nations has repeatedly warned that the region is home to millions of "
    "people, many of whom have already been displaced several times. Diplomats in Europe said "
    "talks on a ceasefire would resume later this month, although few expected a breakthrough. "
    "Prisoners have been tortured and killed in their thousands. "
    "Officials in neighbouring countries said they feared a new wave of refugees, and several "
    "governments called for restraint. Analysts said the coming weeks would show whether the "
    "government intends a wider offensive or limited raids on the rebels' supply lines. "
    "Prices of bread and fuel have risen sharply across the province this winter, and many "
    "schools remain closed because teachers have left for safer areas. Doctors at the few "
    "hospitals still working said they were short of anaesthetics and blood for transfusions. "
    "Local councils have asked donors to fund generators and water pumps before the summer. "
    "Farmers said they could not reach their fields, and the harvest was expected to be poor. "
    "Many families now depend on remittances from relatives abroad, and on the monthly food "
    "baskets that charities hand out in the camps along the frontier."
)


def test_a_long_report_that_says_neither_where_nor_when_of_an_act_is_not_reporting_it():
    assert len(LONG_REPORT) >= 1500
    article = make_article(LONG_REPORT, published=date(2024, 3, 13))
    kept = next(extract_articles([article])).events
    assert any(e.acled and e.location and "Nu" in e.location.name for e in kept)
    everything = next(extract_articles([article], min_confidence=0)).events
    generic = [e for e in everything if e.evidence and "thousands" in
               LONG_REPORT[e.evidence[0].start:e.evidence[0].end]]
    assert generic and all(e.confidence < 0.5 for e in generic)
    assert not any(e in kept for e in generic)


def test_over_a_place_is_where_the_interception_happened():
    places = _places("Air defence units intercepted ten rockets over the Kursk region on "
                     "Friday.")
    assert places and places[0] is not None and "Kursk" in places[0]


def test_the_town_the_parser_hangs_on_the_issue_is_where_the_protest_was():
    assert _places("Protesters clashed with police over fuel prices in Lagos on Friday.") == [
        "Lagos"]
    # whom a protest supports is not where it happened
    assert _places("Hundreds rallied on Friday in support of Palestinians in Gaza.") == [None]
    # a place of the protest's own wins over the issue's
    assert _places("Students marched in London on Friday over the killing of a teenager in "
                   "Manchester.") == ["London"]


def _countries(text: str) -> set[str]:
    """Every country an event's place or actors name."""
    report = next(extract_articles([make_article(text, published=date(2024, 3, 12))]))
    out = {e.location.country for e in report.events if e.location and e.location.country}
    return out | {a.country for e in report.events for a in e.actors if a.country}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the first word of a demonym is no town ("Sierra" of "Sierra Leonean")
        ("Gunmen in Guinea abducted two Sierra Leonean traders on Friday.", "MEX"),
        # the head word of an organisation's name is no town ("Union" of "Union of Traders")
        ("The Kenyan Union of Traders called off a three-day strike on Monday.", "USA"),
    ],
)
def test_a_name_that_goes_on_into_another_kind_of_name_is_no_place(text, wrong):
    assert wrong not in _countries(text)


def test_a_sentence_initial_adjective_before_a_people_is_no_town():
    from eventcoder.nlp import load_pipeline, make_docs
    from eventcoder.readers.hits import DocContext, hits

    nlp = load_pipeline()
    text = "Young Algerians blocked the road to the port on Sunday."
    doc = next(nlp.pipe(make_docs(nlp, [(text, DocContext(published=date(2024, 3, 12)))])))
    assert "Young" not in {p.text for p in hits(doc, "ec_places")}
