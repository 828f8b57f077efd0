"""Who acts and towards whom in PLOVER statements (requests, threats, rejections)."""

import pytest

import eventcoder


def _top(text: str):
    report = eventcoder.extract(text)
    events = [e for e in report.events if e.plover is not None]
    assert events, text
    return max(events, key=lambda e: e.confidence)


def _country(event, role: str) -> str | None:
    return next((a.country for a in event.actors if a.role == role), None)


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        # the addressee of a demand is the subject of what is demanded
        ("China demanded that Japan cancel the planned arms sale.", "REQUEST", "CHN", "JPN"),
        ("Russia said that Georgia must return the seized helicopter.", "REQUEST", "RUS", "GEO"),
        # the addressee of a stance is the object of the act it governs
        ("Turkey threatened to break relations with Austria over the vote.", "THREATEN", "TUR",
         "AUT"),
        ("Britain promised to continue military aid to Mozambique.", "AGREE", "GBR", "MOZ"),
        ("Brazil refused to meet the Bolivian president in Lima.", "REJECT", "BRA", "BOL"),
        # a warning is addressed to whoever its condition asks to act
        ("Chile threatened to recall its ambassador unless Peru released the fishermen.",
         "THREATEN", "CHL", "PER"),
        # the accused, not the one told, is the recipient of a complaint
        ("Ghana complained to the African Union over raids by Togolese troops.", "ACCUSE",
         "GHA", "TGO"),
        # the last noun of a phrase trigger takes the party ("suspension of links with X")
        ("Spain announced a suspension of air links with Morocco on Monday.", "SANCTION",
         "ESP", "MAR"),
        # a phrase trigger that spans its object holds the addressee
        ("Norway expelled two Russian diplomats for spying.", "SANCTION", "NOR", "RUS"),
    ],
)
def test_addressee_of_statements(text, plover, source, target):
    event = _top(text)
    assert event.plover.event_type == plover
    assert _country(event, "actor1") == source
    assert _country(event, "actor2") == target


def test_a_titled_official_acts_for_the_only_country_named():
    event = _top("President Jean Moreau announced a curfew in Abidjan on Sunday.")
    assert _country(event, "actor1") == "CIV"


def test_an_attempted_assassination_happened():
    report = eventcoder.extract("Gunmen attempted to assassinate the governor of Kandahar.")
    assert any(e.plover and e.plover.event_type == "ASSAULT" for e in report.events)


def test_a_reported_threat_with_would_is_a_threat_not_a_condition():
    event = _top("The farmers' union said it would blockade the capital from Monday.")
    assert event.plover.event_type == "THREATEN"
    assert event.modality == "threatened"
    assert event.confidence >= 0.5


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a demand or defiance a protest makes is the protest, addressed to whom it names
        ("Teachers began a hunger strike in Nairobi to demand the resignation of Kenyan "
         "President Odinga.", None, "KEN"),
        ("Students blocked roads in Accra to press their demands for lower fees from the "
         "Ghanaian government.", "GHA", "GHA"),
        ("Thousands of people marched through Minsk in defiance of Belarusian authorities.",
         None, "BLR"),
        ("Crowds in Caracas burned flags to show their disapproval of the United States.",
         "VEN", "USA"),
        ("Hundreds rallied in Lyon against the French government's pension reform.", "FRA",
         "FRA"),
    ],
)
def test_a_protest_is_addressed_to_whom_it_is_against(text, source, target):
    event = _top(text)
    assert event.plover.event_type == "PROTEST"
    if source is not None:
        assert _country(event, "actor1") == source
    assert _country(event, "actor2") == target


@pytest.mark.parametrize(
    ("text", "mode", "source", "target"),
    [
        # codebook ASSAULT beat, cleansing; an invasion is made on a country
        ("Prison guards in Tbilisi beat Armenian detainees with batons.", "beat", None, "ARM"),
        ("Sudanese militiamen were engaged in ethnic cleansing in Darfur.", "cleansing", "SDN",
         None),
        ("Militiamen drove thousands of villagers from their homes in Darfur.", "cleansing",
         None, "SDN"),
        ("Iraq invaded Kuwait in August.", None, "IRQ", "KWT"),
    ],
)
def test_beatings_expulsions_and_invasions_are_assaults(text, mode, source, target):
    event = _top(text)
    assert (event.plover.event_type, event.plover.mode) == ("ASSAULT", mode)
    if source is not None:
        assert _country(event, "actor1") == source
    if target is not None:
        assert _country(event, "actor2") == target


def test_a_score_between_teams_is_no_beating():
    report = eventcoder.extract("Liverpool beat Chelsea 2-1 on Saturday.")
    assert not any(e.plover and e.plover.event_type == "ASSAULT" for e in report.events)


def test_victims_named_by_nationality_are_civilians_of_that_country():
    event = _top("Two Kenyan aid workers were kidnapped near the Somali border on Tuesday.")
    victim = next(a for a in event.actors if a.role == "actor2")
    assert (victim.name, victim.country) == ("Civilians (Kenya)", "KEN")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # victims named by nationality, whatever the trigger word ("killed by a bomb")
        ("Three French soldiers were killed by a roadside bomb near Gao.", "FRA"),
        ("A Lebanese journalist was killed in a car bomb explosion in Sidon.", "LBN"),
        ("A landmine explosion near Mosul killed two Iraqi youths on Sunday.", "IRQ"),
        ("Gunmen kidnapped four Turkish engineers near Kirkuk.", "TUR"),
    ],
)
def test_assault_victims_named_by_nationality(text, target):
    event = _top(text)
    assert event.plover.event_type == "ASSAULT"
    assert _country(event, "actor2") == target


@pytest.mark.parametrize(
    ("text", "plover", "source"),
    [
        # the subject of a light verb does the act its noun names
        ("Norway will give Malawi a grant of ten million dollars.", "AGREE", "NOR"),
        ("The government of Chad declared a state of emergency in the east.", "COERCE", "TCD"),
        # a crowd or an armed group named by nationality
        ("Egyptian demonstrators rioted in Alexandria after the verdict.", "PROTEST", "EGY"),
        ("Palestinian riots against Israeli military policies continued on Monday.", "PROTEST",
         "PSE"),
        ("Two Algerian suicide bombers killed nine people in Constantine.", "ASSAULT", "DZA"),
        ("Colombian rebel guerrillas wounded two policemen in a bomb attack in Cali.",
         "ASSAULT", "COL"),
    ],
)
def test_who_acts_is_read_from_the_phrase_that_names_them(text, plover, source):
    event = _top(text)
    assert event.plover.event_type == plover
    assert _country(event, "actor1") == source


@pytest.mark.parametrize(
    ("text", "plover", "target"),
    [
        # the country a demonym or a possessive marks on what is acted on
        ("Nepal rejected an Indian proposal for a new border commission.", "REJECT", "IND"),
        ("Chile flatly rejected a Peruvian ultimatum on the fishing dispute.", "REJECT", "PER"),
        ("Iran threatened to shell Iraqi towns near the border.", "THREATEN", "IRQ"),
        # the actor's own people when the demonym is its own country's
        ("President Kagame banned Rwandan opposition candidates from the elections.", "COERCE",
         "RWA"),
        # a measure on a place falls on the people who live there
        ("Turkish authorities imposed a curfew in the town of Cizre.", "COERCE", "TUR"),
        ("The Sudanese government lifted the state of emergency in Kassala.", "CONCEDE", "SDN"),
    ],
)
def test_recipient_from_what_is_acted_on(text, plover, target):
    event = _top(text)
    assert event.plover.event_type == plover
    assert _country(event, "actor2") == target


def test_an_order_to_do_a_coded_act_is_that_act_done_by_whoever_orders_it():
    event = _top("The government of Chad ordered the newspaper to suspend publication.")
    assert (event.plover.event_type, event.plover.mode) == ("COERCE", "censor")
    assert _country(event, "actor1") == "TCD"


def test_what_an_act_responds_to_is_its_backdrop():
    event = _top("The Ivorian president said he will extend the night curfew in Bouake in "
                 "response to recent unrest in the city.")
    assert event.plover.event_type == "THREATEN"


@pytest.mark.parametrize(
    ("text", "plover", "recipient"),
    [
        # a material act with nobody named on the receiving end lands on the place's country
        ("Striking dockers rioted at the harbour in Mombasa on Friday.", "PROTEST", "KEN"),
        ("Gunmen detonated two car bombs in Peshawar on Monday.", "ASSAULT", "PAK"),
        ("Chadian troops remained on alert in Abeche on Tuesday.", "MOBILIZE", "TCD"),
    ],
)
def test_plover_recipient_defaults_to_the_place_of_a_material_act(text, plover, recipient):
    event = _top(text)
    assert event.plover.event_type == plover
    assert event.plover.recipient_country == recipient
    assert _country(event, "actor2") is None  # ACLED's actor2 is not invented from a place


def test_plover_recipient_is_the_acted_on_actor_when_named():
    event = _top("Turkey threatened to break relations with Austria over the vote.")
    assert event.plover.recipient_country == "AUT"


def test_a_statement_made_in_a_place_is_not_addressed_to_it():
    event = _top("Brazil rejected the proposal at a meeting in Lima on Monday.")
    assert event.plover.event_type == "REJECT"
    assert event.plover.recipient_country is None


def test_an_office_holder_on_the_receiving_end_is_of_the_only_country_named():
    event = _top("Rebels in Mali on Monday rejected an appeal from President Amadou Keita to "
                 "lay down their arms.")
    assert event.plover.event_type == "REJECT"
    assert _country(event, "actor2") == "MLI"


@pytest.mark.parametrize(
    ("text", "plover", "source", "recipient"),
    [
        # with nobody else on the receiving end a domestic act lands at home
        ("A Peruvian court ordered the former interior minister to appear for questioning "
         "next week.", "REQUEST", "PER", "PER"),
        # a leader named without title or country acts for the state they led
        ("Mubarak rejected the proposal on Tuesday.", "REJECT", "EGY", "EGY"),
        # the pronoun of a reported act is the one who reports it
        # (a stated willingness to yield is AGREE: kb/triggers_plover.yaml ``willing:``)
        ("Chancellor Helmut Kohl said he was ready to end the trade embargo.", "AGREE", "DEU",
         None),
        # a crowd of no stated country is of the one country its sentence names
        ("Opposition students began a hunger strike to demand that the Tunisian interior "
         "minister be sacked.", "PROTEST", "TUN", "TUN"),
        # a kept or renewed measure is its subject's act
        ("Greece reimposed the blockade on Monday.", "COERCE", "GRC", None),
        # whose things are acted on receives the act
        ("Iran hacked into the email accounts of Saudi diplomats, officials said.",
         "COERCE", "IRN", "SAU"),
        # a country name modifying a noun after "to" is whose it is, not a place
        ("Peru agreed to US mediation over the fishing dispute.", "AGREE", "PER", "USA"),
    ],
)
def test_plover_source_and_recipient_from_general_knowledge(text, plover, source, recipient):
    event = _top(text)
    assert event.plover.event_type == plover
    assert _country(event, "actor1") == source
    if recipient is not None:
        assert event.plover.recipient_country == recipient


def test_an_act_told_as_done_abroad_has_no_domestic_recipient():
    event = _top("Brazil rejected the proposal at a meeting in Lima on Monday.")
    assert event.plover.recipient_country is None


def test_the_reporter_of_an_act_names_no_recipient_country():
    event = _top("Peacekeepers from NATO arrived on Tuesday, Defense Secretary William Perry "
                 "said.")
    assert event.plover.recipient_country != "USA"


def test_a_country_that_is_the_addressee_beats_one_in_a_hanging_phrase():
    event = _top("Chile has apologized to Peru for one of its patrol boats stopping a fishing "
                 "ship, disputed by Chile and Bolivia.")
    assert _country(event, "actor2") == "PER"
    assert event.plover.recipient_country == "PER"


def test_a_surname_shared_with_a_place_or_another_politician_needs_the_full_name():
    bare = eventcoder.extract("Kerry rejected the proposal on Tuesday.")
    assert all(a.country != "USA" for e in bare.events for a in e.actors)
    full = eventcoder.extract("John Kerry rejected the proposal on Tuesday.")
    assert [a.country for e in full.events for a in e.actors if a.role == "actor1"] == ["USA"]
