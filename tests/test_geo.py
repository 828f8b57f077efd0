"""The offline gazetteer: name keys, build, lookups and context-aware resolution."""

import csv
import os
import sqlite3
from pathlib import Path

import pytest

from eventcoder.geo import (
    Gazetteer,
    GazetteerBuildError,
    Mention,
    Resolver,
    build_gazetteer,
    haversine_km,
    norm_key,
    skeleton_key,
)
from eventcoder.geo.evaluate import evaluate_file
from eventcoder.geo.recognise import words_around
from geo_fixtures import shared_gazetteer_path

DATA = Path(__file__).parent / "data" / "geo"
SHARED_GEO = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo"


@pytest.fixture(scope="session")
def gaz_path() -> Path:
    return shared_gazetteer_path()


@pytest.fixture(scope="session")
def gaz(gaz_path) -> Gazetteer:
    return Gazetteer(gaz_path)


def test_transliteration_variants_share_a_skeleton():
    keys = {skeleton_key(n) for n in ("Deir ez-Zor", "Dayr al-Zawr", "Deir Ezzor", "Dair el Zour")}
    assert len(keys) == 1
    assert skeleton_key("Qamishli") == skeleton_key("Kamishli")
    assert skeleton_key("Homs") != skeleton_key("Hama")


def test_norm_key_folds_article_accents_and_the():
    assert norm_key("the Port of Ashdod") == "port of ashdod"
    assert norm_key("Dayr az-Zawr") == norm_key("Dayr al Zawr")
    assert norm_key("Ḩimş") == "hims"


def test_build_is_idempotent(gaz_path):
    again = build_gazetteer(gaz_path, geonames=DATA / "mini_geonames.txt")
    assert again.skipped
    assert again.rows > 200_000
    assert gaz_path.stat().st_size < 400_000_000


def test_dump_rows_are_loaded_with_their_alternate_names(gaz):
    dam = gaz.candidates("Euphrates Dam")
    assert dam and dam[0].geonames_id == 9900001 and dam[0].country == "SYR"
    assert not gaz.candidates("Some Mountain", fuzzy=False)  # a hill: not a kept feature code


def test_bad_dump_fails_in_one_line_and_keeps_the_old_file(gaz_path, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_text("this is not\ta geonames dump\n")
    before = gaz_path.read_bytes()[:4096], os.path.getmtime(gaz_path)
    with pytest.raises(GazetteerBuildError) as err:
        build_gazetteer(gaz_path, geonames=bad)
    assert "broken.txt: line 1" in str(err.value) and "\n" not in str(err.value)
    assert (gaz_path.read_bytes()[:4096], os.path.getmtime(gaz_path)) == before
    assert sqlite3.connect(gaz_path).execute("select count(*) from place").fetchone()[0] > 0


def test_curated_conflict_sites_resolve(gaz):
    resolver = Resolver(gaz)
    got = resolver.resolve(
        [Mention(0, 14, "Port of Ashdod"), Mention(20, 36, "Conoco gas field"),
         Mention(40, 60, "Ain al-Asad air base"), Mention(70, 82, "Dayr al-Zawr", hint="ADM")]
    )
    assert [r.candidate.country for r in got] == ["ISR", "SYR", "IRQ", "SYR"]
    assert got[3].candidate.feature == "ADM1"


def test_a_region_named_after_its_city_is_the_city_unless_the_wording_says_province(gaz):
    resolver = Resolver(gaz)
    city = resolver.resolve([Mention(0, 6, "Aleppo")])[0].candidate
    province = resolver.resolve([Mention(0, 6, "Aleppo", hint="ADM")])[0].candidate
    assert city.feature.startswith("PPL") and province.feature == "ADM1"
    assert resolver.resolve([Mention(0, 6, "Quebec")])[0].candidate.feature == "ADM1"


def test_context_picks_the_country_the_article_is_about(gaz):
    resolver = Resolver(gaz)
    alone = resolver.resolve([Mention(0, 6, "London")])[0].candidate
    assert alone.country == "GBR"
    in_canada = resolver.resolve(
        [Mention(0, 7, "Ontario"), Mention(10, 16, "Canada"), Mention(20, 26, "London")]
    )[2].candidate
    assert in_canada.country == "CAN"


def test_explicit_parent_wins(gaz):
    got = Resolver(gaz).resolve([Mention(0, 5, "Paris", parent="Texas")])[0].candidate
    assert got.country == "USA" and got.admin1 == "Texas"


def conflict_rows() -> list[dict[str, str]]:
    with (DATA / "conflict_places.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_conflict_zone_set(gaz):
    """Each sentence alone: the mention with the hint and parent its own words give."""
    resolver = Resolver(gaz)
    rows = conflict_rows()
    assert len(rows) >= 200
    right_country = within_25 = 0
    misses = []
    for row in rows:
        text, name = row["sentence"], row["mention"]
        start = text.index(name)
        hint, parent, _, _ = words_around(text, start, start + len(name), name, gaz)
        c = resolver.resolve([Mention(start, start + len(name), name, hint, parent)])[0]
        c = c.candidate
        assert c is not None, name
        right_country += c.country == row["country"]
        km = haversine_km(c.lat, c.lon, float(row["lat"]), float(row["lon"]))
        within_25 += km <= 25
        if km > 25:
            misses.append(f"{name}: {c.name} {c.country} {km:.0f} km")
    assert right_country / len(rows) >= 0.97, misses
    assert within_25 / len(rows) >= 0.90, misses


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_GEO.is_dir(), reason="../shared/data/geo is absent")
def test_gold_toponyms_on_tr_news(gaz, tmp_path):
    score = evaluate_file(SHARED_GEO / "TR-News.xml", gaz, tmp_path / "pred.jsonl")
    assert score.scored > 1000
    assert score.acc161 >= 0.80
    assert (tmp_path / "pred.jsonl").read_text().count("\n") >= score.scored
