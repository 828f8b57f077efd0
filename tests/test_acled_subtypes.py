"""ACLED sub-types decided from more than one word: territory, crowds, occurrence and scope.

Sentences written for these tests (wire style); each checks one coding rule end to end.
"""

from __future__ import annotations

import pytest

from eventcoder.model import Event
from eventcoder.pipeline import extract_articles, make_article

TEXTS = {
    "of_chain": "Government troops seized control of the whole length of the coastal highway "
                "on Tuesday.",
    "compound": "Rebel fighters seized two gas fields in the east of the country on Monday.",
    "unnamed_retake": "The village was recaptured on Friday after two days of heavy fighting.",
    "particle": "The militants were pushed back from the outskirts of the town on Thursday.",
    "gerund": "Government forces won a major victory on Sunday by controlling the entire "
              "valley.",
    "in_control": "The rebels, in control of much of the province, ambushed an army convoy on "
                  "Monday.",
    "controls": "Washington imposed sanctions on Tuesday on the faction that controls the "
                "north of the country.",
    "ordered": "Troops in the hills were waiting for an order to launch the assault on the "
               "rebel stronghold.",
    "suppressed": "Security forces violently suppressed a peaceful protest in the capital on "
                  "Monday, detaining and arresting dozens of people.",
    "road": "Angry protesters blocked the main highway into the city on Friday.",
    "stun": "Police used stun grenades to break up a rally outside parliament on Tuesday.",
    "aside": "Police detained three opposition activists on Saturday before the president's "
             "campaign rally in the port city.",
    "source": "Gunmen killed four farmers near the village on Sunday, according to vigilantes.",
    "country_place": "Militants attacked three villages in north-eastern Nigeria on Sunday, "
                     "leaving ten people dead.",
    "agreed": "The government and the rebels agreed on Sunday to resume peace talks next month.",
    "no_reports": "Militants fired rockets at an army post on Friday, but there were no reports "
                  "of casualties.",
    "would_be": "Two would-be attackers blew themselves up at a checkpoint on Monday.",
    "villagers": "Villagers clashed with sticks and machetes over a land dispute on Sunday, "
                 "leaving one man dead.",
    "bases": "Turkish troops have set up two military bases near the border this week.",
    "implicative": "A sudden retreat by the army allowed the militants to seize the town "
                   "without a fight on Monday.",
    "two_sentences": "Government troops pulled out of the northern town on Sunday. Rebels then "
                     "entered the town without a fight.",
    "label": "Kenya protests: The president met opposition leaders in Nairobi on Monday.",
    "rocked": "Protests have rocked the capital for two weeks; on Monday thousands marched "
              "peacefully to parliament.",
    "crowd_fires": "Demonstrators shot flares and other projectiles at police lines outside "
                   "parliament on Friday.",
    "crowd_clash": "Fierce clashes erupted on Sunday between police and demonstrators in the "
                   "capital.",
    "riot_police": "Hundreds of riot police patrolled the streets of the capital on Monday.",
    "jets_destroy": "Government warplanes destroyed an arms depot of the militants on Monday.",
    "troops_destroy": "Soldiers destroyed an arms depot of the militants on Monday.",
    "jets_intercept": "Fighter jets shot down a drone over the border on Monday.",
    "continue": "Security forces continue to detain opposition supporters in the capital, "
                "activists said on Monday.",
    "began": "Government forces began to shell the town on Sunday.",
    "forced_out": "Army units have retaken three hills in the south from militants who "
                  "withdrew after fierce shelling, the ministry said on Monday.",
    "handed_over": "Government forces recovered control of two villages on Monday after the "
                   "rebels withdrew under a deal.",
    "due_but": "Work on the dam was due to begin on Monday, but hundreds of villagers blocked "
               "the road to the site.",
    "riot_response": "Hundreds of youths threw stones at the governor's office in the city on "
                     "Monday. Police responded with tear gas and water cannon to disperse the "
                     "crowds.",
    "taliban_take": "Taliban fighters captured the district centre of Khash Rod in the "
                    "south on Saturday after a night of heavy fighting.",
    "lga": "Bandits killed six people on Tuesday in attacks on two villages in Maru local "
           "government area.",
    "nested_subject": "Afghan security forces in a fresh operation against Taliban militants "
                      "recaptured the district of Kohistan in the north on Friday.",
    "gas_raid": "Residents of the town were hit by an air raid with chlorine gas on Monday.",
    "gas_shells": "Rebels fired shells filled with toxic gas into two districts of the city on "
                  "Monday.",
    "trade_fire": "Soldiers traded fire with gunmen for three hours in the old quarter of the "
                  "city on Friday.",
    "suspicious": "Two suspicious packages containing what appeared to be explosive devices "
                  "were discovered at a railway station on Tuesday.",
    "spotted": "Fishermen spotted two unexploded rocket bombs on the beach on Monday.",
    "stored": "Two huge explosions ripped through the port on Tuesday, reportedly caused by "
              "tonnes of ammonium nitrate stored in a warehouse.",
    "football_club": "Some 5,000 people joined the protest on Saturday as the crowd marched "
                     "past the grounds of the local football club.",
    "villagers_block": "Hundreds of villagers blocked the road leading to the mine on Monday.",
    "limpet": "A soldier was killed in a limpet blast near the border on Monday.",
    "ground": "Significant ground was regained by the army after Monday's rebel assault on "
              "the town.",
    "abducting": "Gunmen attacked a farm settlement near the town on Sunday, abducting the "
                 "wife of the village head.",
    "presidents_rally": "Police detained three opposition activists on Friday before "
                        "President Abel Moro's rally in the port city.",
    "governors_rally": "The governor's rally drew thousands of supporters to the stadium on "
                       "Friday.",
    "mistagged_gerund": "The island was bombarded by North Korean shelling on Monday.",
    "started_shelling": "Government forces started shelling the town on Sunday.",
    "leaving_deal": "Rebel fighters began leaving their last stronghold in the city on Tuesday "
                    "under an evacuation deal with the government.",
    "residents_left": "Thousands of residents left the city on Monday.",
    "destruction": "The wanton destruction of government properties in the town on Monday "
                   "drew wide condemnation.",
    "vow_after": "The president vowed a thorough investigation on Tuesday after seven people "
                 "were murdered by vigilantes in the village.",
    "by_shelling": "The town was hit by Russian shelling on Monday.",
    "mob_thief": "An angry mob lynched a suspected thief in the market on Sunday.",
    "rockets_landed": "Three rockets landed near the embassy in the capital on Wednesday.",
    "plane_landed": "The president's plane landed at the airport on Monday.",
    "groups_merged": "Two rebel groups merged to form a new alliance on Monday.",
    "unnamed_arrest": "Several opposition activists were detained in the capital on Friday.",
    "suicide_car": "A suicide car bomber rammed his vehicle into an army checkpoint on Tuesday, "
                   "killing eight soldiers.",
    "safely_detonated": "Police safely detonated a suspicious device left outside the station "
                        "on Monday.",
    "beaten_after": "A crowd beat a man to death on Sunday after accusing him of blasphemy.",
    "clash_then_overrun": "Militants killed 12 soldiers in an attack on an army base near the "
                          "town on Monday. The militants overran the base after hours of "
                          "fighting.",
    "gas_next_sentence": "Rebels fired shells into two districts of the city on Monday. "
                         "Residents suspect the shells contained poisonous gas.",
    "gas_elsewhere": "Warplanes bombed the town on Monday. Separately, a chlorine attack hit a "
                     "village 100 km away on Tuesday.",
    "as_police_fired": "Thousands of protesters rallied outside parliament on Sunday demanding "
                       "that the president resign as police fired tear gas to disperse them.",
    "between": "Fighting between the army and the rebels continued for a third day near the "
               "town on Monday.",
    "during_clashes": "A grenade attack was carried out in the market during clashes between "
                      "government forces and rebels on Monday.",
    "killed_during": "Two civilians were killed during clashes between the army and rebels on "
                     "Monday.",
    "official_shot": "Gunmen shot dead a local government chairman in the town on Monday.",
    "loyal_to": "Rebel fighters attacked a militia group loyal to the government near the "
                "town on Monday.",
    "foiled_bombing": "Security forces foiled a suicide bombing at the stadium on Monday.",
    "uxo": "Two boys were killed on Monday when a piece of unexploded ordnance went off in a "
           "field near the village.",
    "invaded": "Gunmen invaded the village of Kwasa on Sunday night, killing six residents.",
    "helper": "Musa Bello, a farmer helping the army fight the insurgents, said the militants "
              "torched two villages on Sunday.",
    "since_protests": "Police detained the editor on Monday, the tenth journalist to be "
                      "arrested since protests began in March.",
    "bomber_shot": "A suicide bomber was shot dead by police at the gate of the stadium on "
                   "Monday before he could detonate his vest.",
    "blew_selves": "Two militants detonated explosives on Monday, killing themselves near the "
                   "capital after police surrounded them.",
    "day_told": "Hundreds of demonstrators marched through the city centre on Wednesday.",
    "day_untold": "Hundreds of demonstrators marched through the city centre.",
}


@pytest.fixture(scope="module")
def events() -> dict[str, list[Event]]:
    articles = [make_article(text, id=key) for key, text in TEXTS.items()]
    reports = extract_articles(articles, min_confidence=0.0)
    return {r.article.id: r.events for r in reports}


def top(events: list[Event]) -> Event | None:
    coded = [e for e in events if e.acled is not None]
    return max(coded, key=lambda e: e.confidence) if coded else None


def sub(events: list[Event]) -> str | None:
    event = top(events)
    return event.acled.sub_event_type if event and event.acled else None


def subs(events: list[Event]) -> set[str]:
    return {e.acled.sub_event_type for e in events if e.acled is not None}


@pytest.mark.parametrize(("key", "expected"), [
    ("of_chain", "Government regains territory"),
    ("compound", "Non-state actor overtakes territory"),
    ("unnamed_retake", "Government regains territory"),
    ("particle", "Government regains territory"),
    ("gerund", "Government regains territory"),
    ("suppressed", "Excessive force against protesters"),
    ("road", "Violent demonstration"),
    ("stun", "Protest with intervention"),
    ("aside", "Arrests"),
    ("source", "Attack"),
    ("country_place", "Attack"),
    ("agreed", "Agreement"),
    ("no_reports", "Shelling/artillery/missile attack"),
    ("would_be", "Suicide bomb"),
    ("villagers", "Mob violence"),
    ("bases", "Headquarters or base established"),
    ("implicative", "Non-violent transfer of territory"),
    ("rocked", "Peaceful protest"),
    ("crowd_fires", "Violent demonstration"),
    ("crowd_clash", "Violent demonstration"),
    ("jets_destroy", "Air/drone strike"),
    ("troops_destroy", "Disrupted weapons use"),
    ("jets_intercept", "Disrupted weapons use"),
    ("continue", "Arrests"),
    ("began", "Shelling/artillery/missile attack"),
    ("forced_out", "Government regains territory"),
    ("handed_over", "Non-violent transfer of territory"),
    ("taliban_take", "Non-state actor overtakes territory"),
    ("lga", "Attack"),
    ("nested_subject", "Government regains territory"),
    ("gas_raid", "Chemical weapon"),
    ("gas_shells", "Chemical weapon"),
    ("trade_fire", "Armed clash"),
    ("suspicious", "Disrupted weapons use"),
    ("spotted", "Disrupted weapons use"),
    ("football_club", "Peaceful protest"),
    ("villagers_block", "Violent demonstration"),
    ("limpet", "Remote explosive/landmine/IED"),
    ("ground", "Government regains territory"),
    ("abducting", "Abduction/forced disappearance"),
    ("presidents_rally", "Arrests"),
    ("mistagged_gerund", "Shelling/artillery/missile attack"),
    ("started_shelling", "Shelling/artillery/missile attack"),
    ("destruction", "Looting/property destruction"),
    ("mob_thief", "Mob violence"),
    ("rockets_landed", "Shelling/artillery/missile attack"),
    ("groups_merged", "Change to group/activity"),
    ("suicide_car", "Suicide bomb"),
    ("bomber_shot", "Disrupted weapons use"),
    ("blew_selves", "Suicide bomb"),
    ("invaded", "Attack"),
    ("foiled_bombing", "Disrupted weapons use"),
    ("uxo", "Remote explosive/landmine/IED"),
    ("official_shot", "Attack"),
    ("during_clashes", "Grenade"),
    ("killed_during", "Armed clash"),
    ("as_police_fired", "Protest with intervention"),
    ("clash_then_overrun", "Non-state actor overtakes territory"),
    ("safely_detonated", "Disrupted weapons use"),
])
def test_top_sub_type(events, key, expected):
    assert sub(events[key]) == expected, [(e.trigger.text, e.acled, e.confidence)
                                          for e in events[key]]


def test_a_state_of_control_is_no_change_of_hands(events):
    territory = {"Government regains territory", "Non-state actor overtakes territory"}
    assert not subs(events["in_control"]) & territory
    assert not subs(events["controls"]) & territory


def test_an_ordered_assault_has_not_happened(events):
    assert "Armed clash" not in subs(events["ordered"])


def test_no_reports_of_casualties_does_not_negate_the_attack(events):
    assert top(events["no_reports"]).modality == "asserted"


def test_a_modal_in_the_subject_does_not_make_the_act_hypothetical(events):
    assert top(events["would_be"]).modality == "asserted"


def test_a_country_where_the_target_lies_is_not_the_target(events):
    actors = [a for e in events["country_place"] for a in e.actors if a.role == "actor2"]
    assert not any(a.kind == "State forces" for a in actors), actors


def test_a_told_day_anchors_an_event_without_a_publication_date(events):
    told, untold = top(events["day_told"]), top(events["day_untold"])
    assert told.confidence > untold.confidence
    assert told.confidence >= 0.5


def test_a_withdrawal_told_just_before_the_takeover_is_part_of_it(events):
    found = subs(events["two_sentences"])
    assert "Non-violent transfer of territory" in found
    assert "Change to group/activity" not in found


def test_a_story_label_before_a_colon_is_no_event(events):
    assert not subs(events["label"]), [(e.trigger.text, e.acled) for e in events["label"]]


def test_what_demonstrators_fire_is_no_force_against_them(events):
    assert "Excessive force against protesters" not in subs(events["crowd_fires"])


def test_riot_police_are_no_riot(events):
    assert "Violent demonstration" not in subs(events["riot_police"])


def test_a_clash_between_police_and_demonstrators_is_the_riot_itself(events):
    assert subs(events["crowd_clash"]) == {"Violent demonstration"}


def test_a_plan_in_one_clause_does_not_reach_a_coordinated_clause_with_its_own_subject(events):
    assert top(events["due_but"]).modality == "asserted"


def test_dispersal_told_right_after_a_riot_is_part_of_the_riot(events):
    assert subs(events["riot_response"]) == {"Violent demonstration"}


def test_the_taliban_in_power_retaking_a_district_are_the_government():
    """ACLED codes the Taliban as Afghanistan's forces from 15 August 2021 on."""
    text = ("Taliban fighters recaptured the district centre of Khash Rod on Saturday after a "
            "night of heavy fighting.")
    before, after = extract_articles(
        [make_article(text, id="2019", published="2019-05-04"),
         make_article(text, id="2023", published="2023-05-04")], min_confidence=0.0)
    assert sub(before.events) == "Non-state actor overtakes territory"
    assert sub(after.events) == "Government regains territory"
    assert top(after.events).actors[0].name == "Military Forces of Afghanistan (2021-)"


def test_stored_chemicals_that_blow_up_are_an_accident(events):
    assert not subs(events["stored"]), [(e.trigger.text, e.acled) for e in events["stored"]]


def test_a_rally_held_by_a_government_office_is_no_protest(events):
    assert not subs(events["governors_rally"]), [(e.trigger.text, e.acled)
                                                 for e in events["governors_rally"]]


def test_leaving_a_place_is_a_handover_only_when_agreed(events):
    assert "Non-violent transfer of territory" in subs(events["leaving_deal"])
    assert not subs(events["residents_left"])


def test_a_vow_does_not_reach_the_killing_it_answers(events):
    assert sub(events["vow_after"]) == "Mob violence"
    assert top(events["vow_after"]).modality == "asserted"


def test_a_states_shelling_is_done_by_its_forces(events):
    assert sub(events["by_shelling"]) == "Shelling/artillery/missile attack"
    assert top(events["by_shelling"]).actors[0].name == "Military Forces of Russia"


def test_a_plane_that_lands_is_no_strike(events):
    assert not subs(events["plane_landed"])


def test_arrests_with_no_one_named_are_the_polices(events):
    event = top(events["unnamed_arrest"])
    assert event.acled.sub_event_type == "Arrests"
    assert event.actors[0].role == "actor1" and event.actors[0].kind == "State forces"


def test_an_accusation_told_as_the_circumstance_does_not_make_the_killing_alleged(events):
    killing = next(e for e in events["beaten_after"] if e.trigger.text.startswith("beat"))
    assert killing.modality == "asserted"
    assert killing.acled is not None


def test_a_clash_and_the_overrun_it_ended_in_are_one_battle(events):
    new = [e for e in events["clash_then_overrun"] if e.status == "new" and e.acled]
    assert [e.acled.sub_event_type for e in new] == ["Non-state actor overtakes territory"]


def test_gas_found_in_the_shells_makes_the_shelling_a_chemical_attack(events):
    assert subs(events["gas_next_sentence"]) == {"Chemical weapon"}
    assert subs(events["gas_elsewhere"]) == {"Air/drone strike", "Chemical weapon"}


def test_the_sides_of_a_fight_between_two_parties_are_its_actors(events):
    event = top(events["between"])
    assert event.acled.sub_event_type == "Armed clash"
    kinds = [(a.role, a.kind) for a in event.actors]
    assert kinds == [("actor1", "State forces"), ("actor2", "Political militia")]


def test_the_one_attacked_is_the_objects_own_phrase_not_who_it_is_loyal_to(events):
    event = top(events["loyal_to"])
    assert event.acled.sub_event_type == "Armed clash"
    assert not [a for a in event.actors if a.role == "actor2" and a.kind == "State forces"]


def test_who_a_person_is_described_as_helping_fight_is_no_battle(events):
    assert "Armed clash" not in subs(events["helper"])
    torched = top(events["helper"])
    assert torched.acled.sub_event_type == "Looting/property destruction"
    assert torched.actors[0].kind != "State forces"  # "the militants" are not the army


def test_an_arrest_told_against_the_time_protests_began_is_no_intervention(events):
    assert "Protest with intervention" not in subs(events["since_protests"])
    assert sub(events["since_protests"]) == "Arrests"
