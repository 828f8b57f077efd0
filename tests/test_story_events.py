"""One act told across a report: restatements, tolls, interceptions and places that belong to
the act told just before, and the weapon words that decide its sub-type.

Sentences written for these tests (wire style), not taken from any gold set.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.model import Event
from story_fixtures import acled_events_by_article

TEXTS = {
    "cluster_fired": "Cluster bombs hit several villages near Kafranbel on Sunday.",
    "cluster_jets": "Warplanes struck the town with cluster bombs on Sunday, killing four people.",
    "cluster_munitions": ("Cluster munitions fired by government forces struck a school in "
                          "Kafranbel on Sunday."),
    "roadside": "A roadside bomb hit a patrol near Kafranbel on Sunday.",
    "restated": ("Russian warplanes bombed the town of Maarat al-Numan in Idlib province on "
                 "Tuesday, rescue workers said. Residents said Russian jets carried out at least "
                 "eight air strikes on residential districts. At least nine civilians were "
                 "killed and 30 wounded."),
    "other_actor": ("Russian jets bombed Idlib on Monday. US aircraft carried out strikes on "
                    "Islamic State positions, the Pentagon said."),
    "ministry": ("Russian forces struck Kharkiv with missiles on Monday, officials said. The "
                 "Russian defence ministry confirmed it had hit Kharkiv, saying it had targeted "
                 "military depots."),
    "clash_toll": ("Clashes erupted between the army and rebels in Kidal on Monday. Four soldiers "
                   "were killed."),
    "campaign_toll": ("Volunteers from abroad have joined the fight against the militants for "
                      "years. Thirty of them have been killed."),
    "all_stopped": ("Houthi rebels fired ballistic missiles at Jazan on Monday that were "
                    "intercepted over the city."),
    "all_stopped_next": ("Russia launched 40 drones at Kharkiv overnight. Ukrainian air defences "
                         "shot down all of the drones over the region, officials said."),
    "part_stopped": ("Houthi rebels fired ballistic missiles at Jazan on Monday, killing two "
                     "people. Saudi air defences intercepted two of the missiles."),
    "count_stopped": ("Russia fired missiles at Odesa on Monday. Air defences shot down most of "
                      "the missiles."),
    "carried": ("Russian jets bombed Idlib on Monday. Gunmen abducted two aid workers on "
                "Tuesday, their employer said."),
    "elsewhere": ("Russian jets bombed Idlib on Monday. Elsewhere, gunmen abducted two aid "
                  "workers on Tuesday, their employer said."),
    "own_place": ("Russian jets bombed Idlib on Monday. Gunmen abducted two aid workers in "
                  "Aleppo on Tuesday, their employer said."),
    "after_history": ("Islamic State fighters seized Mosul in June 2014. Gunmen abducted two "
                      "aid workers on Tuesday, their employer said."),
    "previously": ("The sergeant, who served with the Parachute Regiment, had previously fought "
                   "in Helmand and Basra, the ministry said."),
    "controlled": "The province is controlled by a jihadist alliance, officials said on Monday.",
    "was_controlled": "The valley was controlled by rebels for years, residents said on Monday.",
    "fighting_group": ("Officials said on Monday that the main rebel fighting group had been "
                       "asked to leave the border zone."),
    "vigilantes": ("A vigilante group in the village repelled a raid by cattle thieves on "
                   "Monday, killing four of them."),
    "pluperfect": ("Turkish troops set up two bases near Zakho on Monday. The troops had pushed "
                   "into the area weeks ago."),
    "first_days": ("At least 40 civilians have been killed in the first five days of the army's "
                   "offensive on the town of Kafranbel, monitors said on Monday."),
    "past_weeks": ("Rebels said on Monday that 30 of their fighters had been killed over the past "
                   "two weeks of clashes near Kafranbel."),
    "one_day": "Government jets bombed Kafranbel on Monday, killing six people.",
    "also_seized": ("Rebels shelled Kafranbel on Monday. Soldiers loyal to the government have "
                    "also seized a village near the border, local media reported."),
    "school_in_town": ("Rebels shelled Kafranbel on Monday. Government forces also struck a "
                       "school in the town, residents said."),
    "said_had": ("Government forces shelled the village of Tal Abyad on Monday, residents said. "
                 "The Britain-based Syrian Observatory for Human Rights said troops had taken "
                 "control of the village."),
    "career_joined": ("The sergeant had previously fought in Helmand and Basra. He always said "
                      "he fought to protect his friends, his mother said."),
    "same_sentence": ("Government jets bombed Idlib on Monday while rebels attacked army "
                      "checkpoints, residents said."),
    "same_sentence_other": ("Government jets bombed Idlib on Monday while rebels attacked army "
                            "checkpoints in Hama, residents said."),
    "town_named_later": ("Government jets bombed Kafranbel on Sunday, residents said. Soldiers "
                         "loyal to the government have also seized a town in the east of the "
                         "province, state media said. Troops shelled militants in Saraqib on "
                         "Saturday, residents said. A monitor said the soldiers had taken "
                         "control of the town after the militants fled."),
    "hoped_for": ("Government jets bombed Kafranbel on Sunday, residents said. Rebels said they "
                  "would try to retake Saraqib. Soldiers said they had seized the town."),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list[Event]]:
    return acled_events_by_article(TEXTS, published=date(2024, 3, 13))


def subs(found: list[Event]) -> list[str]:
    return [e.acled.sub_event_type for e in found if e.acled is not None]


@pytest.mark.parametrize(("key", "expected"), [
    ("cluster_fired", "Shelling/artillery/missile attack"),
    ("cluster_jets", "Air/drone strike"),
    ("cluster_munitions", "Shelling/artillery/missile attack"),
    ("roadside", "Remote explosive/landmine/IED"),
])
def test_cluster_munitions_are_coded_by_their_delivery_not_as_planted_devices(
        events, key, expected):
    assert subs(events[key]) == [expected]


def test_a_restatement_and_a_bare_toll_are_the_one_strike_told_before(events):
    found = events["restated"]
    assert subs(found) == ["Air/drone strike"], [(e.trigger.text, e.acled) for e in found]
    assert found[0].fatalities.killed == 9 and found[0].fatalities.injured == 30
    assert found[0].location is not None


def test_strikes_by_another_named_actor_stay_their_own_event(events):
    actors = {a.name for e in events["other_actor"] for a in e.actors if a.role == "actor1"}
    assert {"Military Forces of Russia", "Military Forces of the United States"} <= actors


def test_a_ministry_confirming_its_forces_strike_is_the_same_strike(events):
    assert subs(events["ministry"]) == ["Shelling/artillery/missile attack"]


def test_soldiers_killed_after_a_clash_are_its_toll(events):
    found = events["clash_toll"]
    assert subs(found) == ["Armed clash"] and found[0].fatalities.killed == 4


def test_a_count_of_the_dead_after_a_campaign_is_not_one_fights_toll(events):
    assert all(e.fatalities.killed != 30 for e in events["campaign_toll"]
               if e.acled and e.acled.event_type == "Battles")


@pytest.mark.parametrize("key", ["all_stopped", "all_stopped_next"])
def test_a_launch_stopped_whole_is_one_disrupted_weapons_use(events, key):
    """Taxonomy: an intercepted missile is Disrupted weapons use; the launch is part of it."""
    assert subs(events[key]) == ["Disrupted weapons use"], [
        (e.trigger.text, e.acled) for e in events[key]]
    assert events[key][0].location is not None


@pytest.mark.parametrize("key", ["part_stopped", "count_stopped"])
def test_a_salvo_that_got_through_is_the_strike_beside_its_interception(events, key):
    """Part stopped ("two of the missiles", "most of the missiles") or people killed: the strike
    happened, and the interception is a second event with its own actor pair."""
    assert sorted(subs(events[key])) == ["Disrupted weapons use",
                                         "Shelling/artillery/missile attack"]


def _place_of(found: list[Event], sub: str) -> tuple[str | None, int | None]:
    event = next(e for e in found if e.acled and e.acled.sub_event_type == sub)
    loc = event.location
    return (loc.name, loc.geo_precision) if loc else (None, None)


def test_an_act_with_no_place_is_near_the_act_told_just_before(events):
    name, precision = _place_of(events["carried"], "Abduction/forced disappearance")
    assert name is not None and "Idlib" in name and precision == 2


def test_another_thread_or_another_place_takes_no_place_from_before(events):
    assert _place_of(events["elsewhere"], "Abduction/forced disappearance")[0] is None
    assert _place_of(events["after_history"], "Abduction/forced disappearance")[0] is None
    name, _ = _place_of(events["own_place"], "Abduction/forced disappearance")
    assert name is not None and "Aleppo" in name


def test_a_career_told_in_passing_is_background(events):
    assert all(e.status == "background" for e in events["previously"]), [
        (e.trigger.text, e.status) for e in events["previously"]]


@pytest.mark.parametrize("key", ["controlled", "was_controlled", "fighting_group"])
def test_a_state_of_control_or_a_word_describing_a_group_is_no_act(events, key):
    assert not [e for e in events[key] if e.acled.event_type == "Battles"], [
        (e.trigger.text, e.acled) for e in events[key]]


def test_a_crowd_word_before_group_still_names_the_crowd(events):
    assert "Mob violence" in subs(events["vigilantes"]), [
        (e.trigger.text, e.acled) for e in events["vigilantes"]]


def test_an_act_told_in_the_pluperfect_takes_no_place_from_the_story(events):
    later = [e for e in events["pluperfect"] if e.acled.event_type == "Battles"]
    assert all(e.location is None for e in later), [(e.trigger.text, e.location) for e in later]


@pytest.mark.parametrize("key", ["first_days", "past_weeks"])
def test_a_toll_summed_over_days_of_a_campaign_is_no_new_event(events, key):
    assert all(e.status == "background" for e in events[key]), [
        (e.trigger.text, e.status) for e in events[key]]


def test_a_strike_on_one_day_stays_news(events):
    assert [e.status for e in events["one_day"]] == ["new"]


def test_one_more_act_told_with_also_is_news_at_an_unnamed_place(events):
    """ "have also seized a village": one act on one place, news; the village is not the town
    named before, so it takes no place from it."""
    seized = [e for e in events["also_seized"] if e.acled.event_type == "Battles"]
    assert [e.status for e in seized] == ["new"]
    assert seized[0].location is None


def test_a_site_in_the_town_told_before_is_at_that_town(events):
    name, _ = _place_of(events["school_in_town"], "Attack")
    assert name is not None and "Kafranbel" in name


def test_reported_speech_backshift_and_a_sources_base_do_not_stop_the_carry(events):
    """ "said troops had taken control": the tense of reported speech, not an earlier act; and
    "the Britain-based Observatory" names where a source sits, not where the act was."""
    taken = [e for e in events["said_had"] if e.acled.event_type == "Battles"]
    shelled = [e for e in events["said_had"] if e.acled.event_type != "Battles"]
    assert taken and shelled and taken[0].location is not None
    assert taken[0].location.name == shelled[0].location.name


def test_a_bare_mention_joined_to_a_career_does_not_make_it_news(events):
    assert all(e.status == "background" for e in events["career_joined"]), [
        (e.trigger.text, e.status) for e in events["career_joined"]]


def test_an_act_with_no_place_takes_the_place_of_an_act_in_its_own_sentence(events):
    names = [e.location.name if e.location else None for e in events["same_sentence"]]
    assert len(names) == 2 and all(n and "Idlib" in n for n in names), names
    names = {e.location.name if e.location else None for e in events["same_sentence_other"]}
    assert len(names) == 2 and None not in names, names


def test_a_town_seized_and_the_town_named_later_are_one_takeover_there(events):
    taken = [e for e in events["town_named_later"] if e.acled.event_type == "Battles"]
    assert len(taken) == 1, [(e.trigger.text, e.acled) for e in taken]
    assert taken[0].location is not None and "Saraqib" in taken[0].location.name


def test_a_place_only_hoped_for_is_not_handed_on(events):
    seized = [e for e in events["hoped_for"] if e.acled.event_type == "Battles"]
    assert all(e.location is None for e in seized), [(e.trigger.text, e.location)
                                                      for e in seized]
