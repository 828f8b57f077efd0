"""Golden tests on the bundled example articles (written for this project in wire style).

Each row is one real-world event a careful ACLED coder would record from that article.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventcoder.ingest import read_inputs
from eventcoder.model import Article, Event
from eventcoder.pipeline import extract_articles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"

# article id, sub-event type, actor1, (lat, lon) or None, date, killed, modality
EXPECTED = [
    ("example-sudan-el-fasher", "Shelling/artillery/missile attack", "Rapid Support Forces",
     (13.63, 25.35), "2024-05-12", 12, "asserted"),
    ("example-kharkiv-drones", "Air/drone strike", "Military Forces of Russia",
     (49.99, 36.23), "2024-03-21", 2, "asserted"),
    ("example-kharkiv-drones", "Disrupted weapons use", "Military Forces of Ukraine",
     None, None, None, "asserted"),
    ("example-belgorod-partisan", "Shelling/artillery/missile attack",
     "Military Forces of Ukraine", (50.60, 36.59), "2024-03-15", 1, "asserted"),
    ("example-belgorod-partisan", "Disrupted weapons use", "Military Forces of Russia",
     None, None, None, "asserted"),
    ("example-red-sea", "Shelling/artillery/missile attack", "Ansar Allah",
     (14.80, 42.95), "2024-02-06", None, "claimed"),
    ("example-red-sea", "Air/drone strike", None, (15.35, 44.21), "2024-02-05", None, "asserted"),
    # Five shot dead when police opened fire on the crowd: ACLED codes the protest itself as
    # excessive force, with the deaths as its fatalities.
    ("example-nairobi-protest", "Excessive force against protesters", "Protesters (Kenya)",
     (-1.29, 36.82), "2024-06-25", 5, "asserted"),
    ("example-nairobi-protest", "Protest with intervention", "Protesters (Kenya)",
     (-4.04, 39.67), None, None, "asserted"),
    ("example-burkina-ambush", "Attack", None, (13.42, -1.06), "2024-08-24", 12, None),
    ("example-burkina-ambush", "Arrests", "Military Forces of Mali", (14.49, -4.19),
     "2024-08-25", None, "asserted"),
    ("example-idlib-airstrike", "Air/drone strike", "Military Forces of Russia",
     (35.93, 36.63), "2024-10-15", 3, "reported"),
    ("example-idlib-airstrike", "Shelling/artillery/missile attack", "Military Forces of Syria",
     (35.81, 36.53), None, None, None),
    ("example-goma-m23", "Non-state actor overtakes territory", "M23: March 23 Movement",
     (-1.56, 28.88), "2024-04-30", None, None),
    ("example-goma-m23", "Armed clash", "M23: March 23 Movement", (-1.63, 29.04), "2024-05-01",
     None, None),
]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def reports() -> dict[str, list[Event]]:
    articles = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
    return {r.article.id: r.events for r in extract_articles(articles)}


def _match(events: list[Event], sub: str) -> list[Event]:
    return [e for e in events if e.status == "new" and e.acled and e.acled.sub_event_type == sub]


@pytest.mark.parametrize(("article", "sub", "actor1", "where", "day", "killed", "modality"),
                         EXPECTED, ids=[f"{row[0]}:{row[1]}" for row in EXPECTED])
def test_expected_event_is_found(reports, article, sub, actor1, where, day, killed, modality):
    candidates = _match(reports[article], sub)
    assert candidates, f"no new {sub} event in {article}"
    if where is not None:
        placed = [e for e in candidates if e.location and e.location.lat is not None
                  and km((e.location.lat, e.location.lon), where) <= 30]
        assert placed, f"{sub}: places {[e.location for e in candidates]}"
        candidates = placed
    event = candidates[0]
    if actor1 is not None:
        assert event.actors and event.actors[0].name == actor1
    if day is not None:
        assert str(event.date.start) == day
    if killed is not None:
        assert event.fatalities.killed == killed
    if modality is not None:
        assert event.modality == modality


def test_war_wide_tolls_are_figures_not_event_tolls(reports) -> None:
    sudan = reports["example-sudan-el-fasher"]
    assert all((e.fatalities.killed or 0) < 1000 for e in sudan)


def test_every_mention_offset_points_at_its_words() -> None:
    articles = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
    for article, report in zip(articles, extract_articles(articles), strict=True):
        text = article.text
        for event in report.events:
            assert text[event.trigger.start:event.trigger.end] == event.trigger.text
            for actor in event.actors:
                if actor.mention:
                    assert text[actor.mention.start:actor.mention.end] == actor.mention.text
            if event.location and event.location.mention:
                m = event.location.mention
                assert text[m.start:m.end] == m.text
        for frame in report.framing:
            assert text[frame.start:frame.end] == frame.text
        for figure in report.figures:
            assert text[figure.mention.start:figure.mention.end] == figure.mention.text


def test_same_text_and_date_give_the_same_event_ids() -> None:
    articles = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)][:2]
    first = [e.id for r in extract_articles(articles) for e in r.events]
    second = [e.id for r in extract_articles(articles) for e in r.events]
    assert first == second and len(set(first)) == len(first)


def test_a_country_code_outside_iso_3166_still_names_its_forces() -> None:
    from eventcoder.assemble.codes import with_country

    assert with_country("Police Forces", "XKX") == "Police Forces of XKX"
    assert with_country("Civilians", "XKX") == "Civilians (XKX)"
    assert with_country("Police Forces", "KEN") == "Police Forces of Kenya"
