"""ec_places: every toponym in the text, resolved against the offline gazetteer.

Stores ``doc._.ec_places: list[PlaceHit]``. Precision follows ACLED: 1 a named place, 2 a
position relative to one ('40 km south of X', 'near X'), 3 a region, province or country.
A street or building the gazetteer lacks ('Al-Shifa Hospital') is placed through the town
inside or beside its name at precision 2, or at the article's main place at precision 3.
"""

import time
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.geo.gazetteer import open_gazetteer
from eventcoder.geo.recognise import recognise
from eventcoder.geo.resolve import Resolver
from eventcoder.readers.hits import PlaceHit, context, doc_text, register_extensions


@lru_cache(maxsize=50_000)
def display_name(name: str) -> str:
    """The ASCII form English news writes ('Ariha', not 'Arīḩā'; 'Al Hudaydah')."""
    return name if name.isascii() else anyascii(name).replace("`", "'")


REGION_FEATURES = frozenset({"ADM1", "ADM2", "RGN", "PCLI", "CONT", "SEA", "GULF", "PEN"})


class PlacesReader:
    """spaCy component; the gazetteer is opened (or built from installed data) once per process."""

    def __init__(self, gazetteer_path: str | None = None) -> None:
        register_extensions()
        self.gaz = open_gazetteer(Path(gazetteer_path) if gazetteer_path else None)
        self.resolver = Resolver(self.gaz)
        self.seconds = 0.0  # time spent in this component, for benchmarks/geo_speed.py
        self.resolve_seconds = 0.0  # of which gazetteer lookups and ranking


    def __call__(self, doc: Doc) -> Doc:
        started = time.perf_counter()
        text = doc_text(doc)  # spaCy joins the tokens on every doc.text access
        found = recognise(doc, self.gaz, text)
        outlet_country = (context(doc).extra or {}).get("outlet_country")
        ranking = time.perf_counter()
        resolved = self.resolver.resolve(
            [f.mention for f in found], outlet_country, backoff=any(f.unknown for f in found)
        )
        self.resolve_seconds += time.perf_counter() - ranking
        hits = []
        for f, r in zip(found, resolved, strict=True):
            c = r.candidate
            if c is None:
                continue
            precision = 3 if c.feature in REGION_FEATURES else 1
            if (f.relative or r.via in ("part", "near")) and precision == 1:
                precision = 2  # near a named town, or a site guessed to lie in one
            if r.via == "focus":
                precision = 3  # only the article's main place: a coarse guess
            hits.append(
                PlaceHit(
                    start=f.mention.start, end=f.mention.end,
                    text=text[f.mention.start:f.mention.end], name=display_name(c.name),
                    lat=c.lat, lon=c.lon, country=c.country, admin1=c.admin1, admin2=c.admin2,
                    geonames_id=c.geonames_id, feature=c.feature, geo_precision=precision,
                    is_country=c.feature == "PCLI", score=round(r.score, 3),
                )
            )
        doc._.ec_places = hits
        self.seconds += time.perf_counter() - started
        return doc


@Language.factory("ec_places", default_config={"gazetteer_path": None})
def make_places_reader(nlp: Language, name: str, gazetteer_path: str | None) -> PlacesReader:
    return PlacesReader(gazetteer_path)
