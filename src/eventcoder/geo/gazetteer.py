"""Read side of the gazetteer: cached candidate lookups by exact key, skeleton key or trigram.

One read-only SQLite connection per process; every lookup is memoised, so a name that recurs
across a batch of articles costs one dictionary hit.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from eventcoder.geo.build import SCHEMA_VERSION, build_gazetteer
from eventcoder.geo.name_filter import NameFilter, key_hash
from eventcoder.geo.normalise import norm_key, skeleton_key, strip_article

MAX_CANDIDATES = 40
CACHE_LIMIT = 200_000  # cached names (hits and misses alike) before the cache starts afresh
MMAP_BYTES = 512 * 1024 * 1024  # upper bound; the file is ~100 MB
SKELETON_MIN_RATIO = 52  # rapidfuzz ratio; 'Dayr al-Zawr'~'Deir ez-Zor' is 59, noise below 50


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to; ``match`` says how the name met it."""

    pid: int
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # alpha-3
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    source: str
    match: str  # name | alias | demonym | skeleton


def _close(key: str, name: str) -> bool:
    """A skeleton hit must still look like the name: 'West Wales' is not 'Seattle'."""
    return fuzz.ratio(strip_article(key), strip_article(norm_key(name))) >= SKELETON_MIN_RATIO


def _name_filter(conn: sqlite3.Connection) -> NameFilter | None:
    """The build's key filter; None for a file written before filters existed."""
    try:
        row = conn.execute("SELECT data FROM name_filter").fetchone()
    except sqlite3.OperationalError:
        return None
    return NameFilter(row[0]) if row else None


class GazetteerMissing(RuntimeError):
    """No gazetteer file; build it with ``eventcoder gazetteer build``."""


def default_gazetteer_path() -> Path:
    """$EVENTCODER_GAZETTEER, else ~/.cache/eventcoder/gazetteer-<schema>.sqlite."""
    env = os.environ.get("EVENTCODER_GAZETTEER")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "eventcoder" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


_SELECT = (
    "SELECT p.id, p.geonames_id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, "
    "p.feature, p.population, p.source, a.kind FROM alias a JOIN place p ON p.id = a.place_id "
)


class Gazetteer:
    """Cached lookups over one gazetteer file (read-only, safe to share between threads)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise GazetteerMissing(
                f"no gazetteer at {path}; run `eventcoder gazetteer build` first"
            )
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # read-only and reread all batch long: map it rather than copy pages in per lookup
        self._conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self._filter = _name_filter(self._conn)
        self._lock = threading.Lock()
        self._exact: dict[str, tuple[Candidate, ...]] = {}
        self._skel: dict[str, tuple[Candidate, ...]] = {}
        # the same surface forms recur all batch long: skip even normalising them again
        self._texts: dict[tuple[str, bool], tuple[Candidate, ...]] = {}

    def _query(self, column: str, value: str) -> tuple[Candidate, ...]:
        if self._filter is not None and key_hash(column, value) not in self._filter:
            return ()  # most names a story offers are no place: skip SQLite for them
        sql = (
            _SELECT + f"WHERE a.{column} = ? ORDER BY p.population DESC LIMIT {MAX_CANDIDATES}"
        )
        with self._lock:
            rows = self._conn.execute(sql, (value,)).fetchall()
        seen: set[int] = set()
        out = []
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                out.append(Candidate(*row))
        return tuple(out)

    def exact(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose normalised name or alias is exactly ``key`` (a ``norm_key``)."""
        hit = self._exact.get(key)
        if hit is None:
            if len(self._exact) >= CACHE_LIMIT:  # bounded for long-running processes
                self._exact.clear()
            hit = self._exact[key] = self._query("key", key) if key else ()
        return hit

    def skeleton(self, skel: str) -> tuple[Candidate, ...]:
        hit = self._skel.get(skel)
        if hit is None:
            if len(self._skel) >= CACHE_LIMIT:
                self._skel.clear()
            rows = self._query("skel", skel) if len(skel) >= 4 else ()
            hit = self._skel[skel] = tuple(c._replace(match="skeleton") for c in rows)
        return hit

    def candidates(self, text: str, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Exact key first, then without the Arabic article, then (optionally) the skeleton."""
        hit = self._texts.get((text, fuzzy))
        if hit is None:
            if len(self._texts) >= CACHE_LIMIT:
                self._texts.clear()
            hit = self._texts[text, fuzzy] = self._candidates(text, fuzzy)
        return hit

    def _candidates(self, text: str, fuzzy: bool) -> tuple[Candidate, ...]:
        key = norm_key(text)
        found = self.exact(key)
        if not found and strip_article(key) != key:
            found = self.exact(strip_article(key))
        if not found and fuzzy:
            found = tuple(
                c for c in self.skeleton(skeleton_key(key)) if _close(key, c.name)
            )
        return found

    def known(self, text: str) -> bool:
        return bool(self.exact(norm_key(text)))

    def search(self, text: str, limit: int = 10) -> list[tuple[str, int]]:
        """Trigram full-text search over primary names, for misspellings and partial names."""
        query = '"' + text.replace('"', " ") + '"'
        with self._lock:
            rows = self._conn.execute(
                "SELECT name, place_id FROM name_fts WHERE name_fts MATCH ? LIMIT ?",
                (query, limit),
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def size(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM place").fetchone()[0])


_OPEN: dict[Path, Gazetteer] = {}
_OPEN_LOCK = threading.Lock()


def open_gazetteer(path: Path | None = None, build: bool = True) -> Gazetteer:
    """The process-wide gazetteer at ``path``; built from installed data when missing."""
    path = path or default_gazetteer_path()
    with _OPEN_LOCK:
        gaz = _OPEN.get(path)
        if gaz is None:
            if build and not path.is_file():
                build_gazetteer(path)
            gaz = _OPEN[path] = Gazetteer(path)
        return gaz


def gazetteer_size(path: Path | None = None) -> int:
    """Number of places in the gazetteer (0 when it is not built yet)."""
    path = path or default_gazetteer_path()
    if not path.is_file():
        return 0
    return open_gazetteer(path, build=False).size()
