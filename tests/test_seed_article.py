"""The article the project started from, read end to end (issue 2's acceptance check).

Skipped when ../shared/data is absent. Nothing in the readers knows this article: the same
behaviour is pinned on articles written for the project in test_examples.py.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import eventcoder

SEED = Path(__file__).resolve().parents[2] / "shared/data/seed/ashdod-drone-strike.txt"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEED.exists(), reason="../shared/data is not present"),
]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def report():
    return eventcoder.extract(SEED.read_text(encoding="utf-8"), published="2024-01-18")


def new_attacks(report):
    return [e for e in report.events if e.status == "new" and e.acled is not None]


def near(event, lat: float, lon: float, within_km: float = 25) -> bool:
    loc = event.location
    return loc is not None and km(loc.lat, loc.lon, lat, lon) <= within_km


def test_exactly_three_new_attacks_with_their_sub_types_and_places(report) -> None:
    attacks = new_attacks(report)
    assert len(attacks) == 3
    ashdod = next(e for e in attacks if near(e, 31.82, 34.65))
    conoco = next(e for e in attacks if near(e, 35.38, 40.18, 60))
    asad = next(e for e in attacks if near(e, 33.80, 42.44))
    assert ashdod.acled.sub_event_type == "Air/drone strike"
    assert conoco.acled.sub_event_type == "Shelling/artillery/missile attack"
    assert asad.acled.sub_event_type == "Air/drone strike"
    assert (ashdod.location.country, conoco.location.country, asad.location.country) == (
        "ISR", "SYR", "IRQ")


def test_the_ashdod_strike_is_claimed_on_telegram_and_dated_tuesday(report) -> None:
    ashdod = next(e for e in new_attacks(report) if near(e, 31.82, 34.65))
    assert ashdod.modality == "claimed"
    assert str(ashdod.date.start) == "2024-01-16" and ashdod.date.precision == "day"
    assert ashdod.actors[0].role == "actor1"
    assert ashdod.actors[0].name == "Islamic Resistance in Iraq"
    claimant = next(s for s in ashdod.sources if s.role == "claimant")
    assert (claimant.name, claimant.channel) == ("Islamic Resistance in Iraq", "Telegram")
    assert len(ashdod.evidence) >= 2  # its three mentions are one record


def test_the_conoco_strike_is_reported_by_al_mayadeen_citing_anonymous_sources(report) -> None:
    conoco = next(e for e in new_attacks(report) if near(e, 35.38, 40.18, 60))
    assert conoco.modality == "reported"
    roles = {(s.role, s.channel) for s in conoco.sources}
    assert ("relay", "television") in roles
    assert any(s.role == "anonymous" for s in conoco.sources)
    assert any(s.name == "Al Mayadeen" for s in conoco.sources)
    assert conoco.actors[0].name == "Unidentified Armed Group (Syria)"
    assert any(a.role == "actor2" and a.name == "Military Forces of the United States"
               for a in conoco.actors)


def test_no_attack_carries_the_war_wide_tolls(report) -> None:
    assert all(e.fatalities.killed is None for e in report.events)
    figures = {(f.kind, f.value, f.scope) for f in report.figures}
    assert ("killed", 24620, "cumulative") in figures
    assert ("injured", 61830, "cumulative") in figures


def test_history_is_background_and_the_threat_is_a_threat(report) -> None:
    october = [e for e in report.events if e.date.start and str(e.date.start) == "2023-10-07"]
    assert october and all(e.status == "background" for e in october)
    threats = [e for e in report.events if e.modality == "threatened"]
    assert len(threats) == 1 and threats[0].plover.event_type == "THREATEN"
    assert threats[0].acled is None


@pytest.mark.parametrize(
    ("words", "refers_to"),
    [
        ("Tel Aviv regime", "Government of Israel"),
        ("usurping Zionist entity", "Government of Israel"),
        ("1948 Israeli-occupied territories", "Israel"),
        ("anti-terror resistance", None),
        ("alleged training and advisory missions", None),
    ],
)
def test_partisan_and_loaded_words_are_read_for_what_they_are(report, words, refers_to) -> None:
    hits = [f for f in report.framing if words in f.text]
    assert hits, words
    assert all(f.neutral for f in hits)
    if refers_to:
        assert any(f.refers_to == refers_to for f in hits)
