"""Details of one act told in the sentences around it: where and when a death told again says it
happened, and a year that says no more of when than nothing does.

Sentences written for these tests (wire style), not taken from any gold set.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.model import Event
from story_fixtures import acled_events_by_article

# Neutral context that makes a text a long report (ACLED codes no act known only to the country).
FILLER = " ".join(["Ministers met in the capital to discuss the budget and the new school year."]
                  * 22)

TEXTS = {
    "death_told_again": ("A Dutch aid worker who was killed by a roadside bomb while travelling "
                         "with a convoy in Mali has been named as Jan de Vries. The 41-year-old "
                         "died alongside two local drivers near Gao on Tuesday. His family said "
                         "he loved his work."),
    "death_elsewhere": ("A Dutch aid worker who was killed by a roadside bomb while travelling "
                        "with a convoy in Mali has been named as Jan de Vries. Elsewhere, three "
                        "herders died near Gao on Tuesday."),
    "no_death_again": ("A Dutch aid worker who was killed by a roadside bomb while travelling "
                       "with a convoy in Mali has been named as Jan de Vries. His colleagues "
                       "gathered near Gao on Tuesday."),
    "meant_for": ("Russian jets bombed Idlib on Monday, residents said. Moscow said its planes "
                  "struck Idlib, hitting rocket launchers that were destined for use in an "
                  "assault on its base."),
    "bringing_the_fight": ("Rebels began firing rockets at Kidal on Monday, bringing the fight "
                           "to the heart of the city."),
    "clashes_beside": ("Rebels fired rockets at Kidal on Monday as clashes broke out with "
                       "soldiers near the airport."),
    "states_clash": "Since the election, Kenya has often clashed with its neighbouring states.",
    "forces_clash": "Rebels clashed with soldiers near Kidal on Monday.",
    "allies_clash": "Rebels clashed with government allies near Kidal on Monday.",
    "the_stadium": ("Fans packed the stadium in Durban for the cup final. Police kept order "
                    "inside. On Saturday, several hundred miners demonstrated outside the "
                    "stadium over unpaid wages."),
    "a_stadium_only": ("On Saturday, several hundred miners demonstrated outside the stadium "
                       "over unpaid wages."),
    "lead_towns": ("Hours after the vote, both Baghdad and Amman experienced rocket attacks. "
                   "Officials met in Geneva to discuss aid. Iraqi state media said on Monday "
                   "that air defences in Iraq had shot down two rockets. Ministers met again in "
                   "Geneva on Monday to discuss the budget. On Tuesday, Jordanian officials said "
                   "militants fired rockets at Amman that were intercepted over the city."),
    "lead_towns_elsewhere": ("Hours after the vote, both Baghdad and Amman experienced rocket "
                             "attacks. Officials met in Geneva to discuss aid. State media said "
                             "on Monday that air defences in Syria had shot down two rockets. "
                             "Ministers met again in Geneva on Monday to discuss the budget. On "
                             "Tuesday, Jordanian officials said militants fired rockets at Amman "
                             "that were intercepted over the city."),
    "topic_country": ("Militants shelled an army base on Tuesday, hours after the US withdrew "
                      "from the Iran deal."),
    "this_year": ("Israel appears to have carried out several reported strikes on Iranian "
                  "forces in Syria this year. " + FILLER),
    "on_monday": ("Israel appears to have carried out several reported strikes on Iranian "
                  "forces in Syria on Monday. " + FILLER),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list[Event]]:
    return acled_events_by_article(TEXTS, published=date(2024, 3, 14))


def _bomb(found: list[Event]) -> Event:
    return next(e for e in found if e.acled.sub_event_type == "Remote explosive/landmine/IED")


def test_a_death_told_again_next_says_where_and_when_the_act_was(events):
    bomb = _bomb(events["death_told_again"])
    assert bomb.location is not None and bomb.location.name == "Gao"
    assert bomb.date.start == date(2024, 3, 12) and bomb.date.precision == "day"


@pytest.mark.parametrize("key", ["death_elsewhere", "no_death_again"])
def test_a_next_sentence_on_another_thread_or_without_the_death_says_nothing(events, key):
    bomb = _bomb(events[key])
    assert bomb.location is None and bomb.date.precision != "day"


def test_a_placeless_act_dated_only_to_the_year_is_not_kept_in_a_long_report(events):
    """ACLED dates an event to the month at coarsest: "this year" is no date."""
    this_year = max(e.confidence for e in events["this_year"])
    on_monday = max(e.confidence for e in events["on_monday"])
    assert this_year < 0.5 <= on_monday


def test_an_attack_named_as_what_weapons_were_meant_for_is_not_an_act_done(events):
    """ "launchers destined for use in an assault on its base": a purpose, not an attack."""
    assert [e.acled.sub_event_type for e in events["meant_for"]] == ["Air/drone strike"]
    assert events["meant_for"][0].location.name == "Idlib"


def test_the_fight_beside_a_launch_told_outright_is_that_launch(events):
    """ "bringing the fight to the city": a campaign word, not a second act."""
    assert [e.acled.event_type for e in events["bringing_the_fight"]] == [
        "Explosions/Remote violence"]


def test_clashes_told_outright_beside_a_launch_stay_their_own_battle(events):
    types = sorted(e.acled.event_type for e in events["clashes_beside"])
    assert types == ["Battles", "Explosions/Remote violence"], types


def test_a_state_clashing_with_other_states_is_a_dispute_not_a_battle(events):
    assert events["states_clash"] == []
    assert [e.acled.sub_event_type for e in events["forces_clash"]] == ["Armed clash"]
    # allies in a war are armed forces, no polity
    assert [e.acled.sub_event_type for e in events["allies_clash"]] == ["Armed clash"]


def test_the_site_named_before_with_its_town_places_the_act_in_that_town(events):
    """ "the stadium in Durban ... a protest outside the stadium": the same stadium."""
    protest = events["the_stadium"]
    assert [e.acled.event_type for e in protest] == ["Protests"]
    assert protest[0].location is not None and protest[0].location.name == "Durban"
    assert all(e.location is None for e in events["a_stadium_only"])


def _stopped(found: list[Event]) -> list[Event]:
    return [e for e in found if e.trigger.text == "shot down"]


def test_a_later_interception_is_at_the_lead_town_no_act_has_taken(events):
    """The lead names two towns; Amman's act is told later; the shoot-down in Iraq is the
    lead's other town, Baghdad."""
    stopped = _stopped(events["lead_towns"])
    assert len(stopped) == 1 and stopped[0].location is not None
    assert stopped[0].location.name == "Baghdad"


def test_a_lead_town_in_another_country_is_not_taken(events):
    stopped = _stopped(events["lead_towns_elsewhere"])
    assert len(stopped) == 1 and stopped[0].location is None


def test_a_country_naming_what_a_deal_is_about_is_not_where_an_act_was(events):
    shelled = events["topic_country"]
    assert shelled and all("Iran" not in a.name for e in shelled for a in e.actors)
