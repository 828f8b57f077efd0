"""Toponym resolution scoring on Gritta-style XML (TR-News, GeoWebNews) with gold spans.

Each gold toponym span is resolved with its article as context; the score is the share within
161 km (100 miles) of the gold point, the exact GeoNames id rate, and the mean/median error.
Toponyms whose gold has no coordinates are left out of the score (and written with nulls).
"""

from __future__ import annotations

import json
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.geo.gazetteer import Gazetteer
from eventcoder.geo.outlet import outlet_country
from eventcoder.geo.recognise import host_of, owner_of, words_around
from eventcoder.geo.resolve import Mention, Resolver, haversine_km


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    toponym: bool = True  # False for GeoWebNews' common nouns, non-place names and languages


@dataclass(slots=True)
class GoldDoc:
    doc: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    link: str | None = None  # the article's address, where the set gives it (GeoWebNews)


def _num(el: ET.Element | None, cast=float):
    if el is None or el.text is None or not el.text.strip():
        return None
    try:
        return cast(el.text.strip())
    except ValueError:
        return None


# GeoWebNews marks more than toponyms: common nouns ('the city', 'residents'), names that are
# not places here (a person called Norbury, a company), languages and demonyms of people. They
# are not toponyms, so they are neither scored nor given to the resolver as document context.
NOT_TOPONYM_TYPES = frozenset({
    "Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Homonym", "Language", "Demonym",
})


def read_gritta_xml(path: Path) -> Iterator[GoldDoc]:
    """Both dialects: TR-News/LGL (<gaztag>) and GeoWebNews (<latitude>, <geonamesID>)."""
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        doc_id = art.get("docid") or art.get("file") or str(i)
        text = art.findtext("text") or ""
        gold = GoldDoc(doc_id, text, link=(art.findtext("link") or "").strip() or None)
        for top in art.iter("toponym"):
            start, end = _num(top.find("start"), int), _num(top.find("end"), int)
            if start is None or end is None:
                continue
            gaz = top.find("gaztag")
            if gaz is not None:
                lat, lon = _num(gaz.find("lat")), _num(gaz.find("lon"))
                gid = int(gaz.get("geonameid")) if (gaz.get("geonameid") or "").isdigit() else None
            else:
                lat, lon = _num(top.find("latitude")), _num(top.find("longitude"))
                gid = _num(top.find("geonamesID"), int)
            phrase = (top.findtext("phrase") or top.findtext("extractedName") or "").strip()
            if phrase and text[start:end] != phrase:
                # some TR-News offsets drift by a few characters: realign on the gold phrase
                found = text.find(phrase, max(0, start - 60))
                if found != -1 and abs(found - start) <= 60:
                    start, end = found, found + len(phrase)
            gold.toponyms.append(
                GoldToponym(start, end, phrase or text[start:end], lat, lon, gid,
                            top.findtext("type") not in NOT_TOPONYM_TYPES)
            )
        yield gold


@dataclass(slots=True)
class GeoScore:
    scored: int
    within_161: int
    exact_id: int
    with_id: int
    unresolved: int
    errors: list[float]

    @property
    def acc161(self) -> float:
        return self.within_161 / self.scored if self.scored else 0.0

    def summary(self) -> dict:
        return {
            "toponyms": self.scored,
            "acc@161km": round(self.acc161, 4),
            "exact_id_rate": round(self.exact_id / self.with_id, 4) if self.with_id else None,
            "mean_error_km": round(statistics.fmean(self.errors), 1) if self.errors else None,
            "median_error_km": round(statistics.median(self.errors), 1) if self.errors else None,
            "unresolved": self.unresolved,
        }


def _mention(text: str, gold: GoldToponym, gaz: Gazetteer) -> Mention:
    """The gold span as extract would see it: with the hint and parent its context gives."""
    hint, parent, _, _ = words_around(text, gold.start, gold.end, gold.text, gaz)
    return Mention(gold.start, gold.end, gold.text, hint, parent, owner_of(text, gold.start),
                   host_of(text, gold.start, gold.end))


def evaluate_file(
    path: Path, gazetteer: Gazetteer, predictions: Path | None = None, backoff: bool = True
) -> GeoScore:
    """Score every gold toponym; with ``backoff`` (as extract does for facility names) a name
    the gazetteer cannot place goes through a place inside it or the town named beside it."""
    resolver = Resolver(gazetteer)
    score = GeoScore(0, 0, 0, 0, 0, [])
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for doc in read_gritta_xml(path):
            doc.toponyms = [t for t in doc.toponyms if t.toponym]
            mentions = [_mention(doc.text, t, gazetteer) for t in doc.toponyms]
            resolved = resolver.resolve(mentions, outlet_country(doc.link), backoff=backoff)
            for gold, res in zip(doc.toponyms, resolved, strict=True):
                c = res.candidate
                if out:
                    out.write(json.dumps({
                        "doc": doc.doc, "start": gold.start, "end": gold.end,
                        "lat": c.lat if c else None, "lon": c.lon if c else None,
                        "geonames_id": c.geonames_id if c else None,
                    }) + "\n")
                if gold.lat is None or gold.lon is None:
                    continue
                score.scored += 1
                if gold.geonames_id:
                    score.with_id += 1
                    if c and c.geonames_id == gold.geonames_id:
                        score.exact_id += 1
                if c is None:
                    score.unresolved += 1
                    score.errors.append(20038.0)  # half the earth: the worst possible miss
                    continue
                err = haversine_km(gold.lat, gold.lon, c.lat, c.lon)
                score.errors.append(err)
                score.within_161 += err <= 161
    finally:
        if out:
            out.close()
    return score
