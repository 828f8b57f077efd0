"""The gazetteer's key filter: names that are no place skip SQLite, places are still found."""

import shutil
import sqlite3

from eventcoder.geo import Gazetteer
from eventcoder.geo.name_filter import NameFilter, key_hash
from eventcoder.geo.normalise import norm_key, skeleton_key
from geo_fixtures import shared_gazetteer_path


def test_every_stored_key_and_skeleton_is_in_the_filter():
    conn = sqlite3.connect(shared_gazetteer_path())
    names = NameFilter(conn.execute("SELECT data FROM name_filter").fetchone()[0])
    rows = conn.execute("SELECT key, skel FROM alias ORDER BY random() LIMIT 2000").fetchall()
    assert all(key_hash("key", k) in names and key_hash("skel", s) in names for k, s in rows)
    assert len(names) > 100_000


def test_a_name_that_is_no_place_is_answered_without_sqlite():
    gaz = Gazetteer(shared_gazetteer_path())
    gaz._conn.close()  # any query would now raise: the filter alone must answer
    assert gaz.candidates("Zorblaxian Quuxville") == ()


def test_places_are_found_through_the_filter():
    gaz = Gazetteer(shared_gazetteer_path())
    assert gaz.candidates("Deir ez-Zor")[0].country == "SYR"
    assert gaz.candidates("Dayr al-Zawr")  # by its skeleton
    assert key_hash("skel", skeleton_key(norm_key("Deir Ezzor"))) in gaz._filter


def test_a_gazetteer_written_before_filters_still_answers(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(shared_gazetteer_path(), old)
    with sqlite3.connect(old) as conn:
        conn.execute("DROP TABLE name_filter")
    gaz = Gazetteer(old)
    assert gaz._filter is None
    assert gaz.candidates("Ashdod")[0].country == "ISR"
    assert gaz.candidates("Zorblaxian Quuxville") == ()
