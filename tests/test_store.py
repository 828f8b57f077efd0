"""The store on SQLite and PostgreSQL: migrations, idempotent writes, merge, queries, exports."""

from __future__ import annotations

import io
import json
import uuid
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from eventcoder.export.acled_csv import ACLED_DTYPES, COLUMNS, merged_acled_row, write_acled_csv
from eventcoder.export.geojson import event_feature, write_geojson
from eventcoder.merge import merge_reports
from eventcoder.store import EventFilter, open_store, query_events, table_counts
from eventcoder.store.schema import metadata
from eventcoder.store.writer import write_batch
from test_merge_data import background_first, load_set, pairwise

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _postgres_url():
    """A fresh scratch database on the local server, dropped after the test."""
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"ec_test_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL unreachable at 127.0.0.1:5432: {exc.__class__.__name__}")
    return admin, name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    """A database URL or path on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.sqlite")
        return
    admin, name = _postgres_url()
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def stored(db):
    """The multi-outlet set written in three transactions."""
    articles, reports, gold = load_set()
    engine = open_store(db)
    pairs = list(zip(articles, reports, strict=True))
    for i in range(0, len(pairs), 10):
        write_batch(engine, pairs[i : i + 10])
    yield engine, articles, reports, gold
    engine.dispose()


def test_migrations_build_exactly_the_declared_schema(db):
    engine = open_store(db)
    open_store(db).dispose()  # upgrading an up-to-date store is a no-op
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_writing_the_same_articles_twice_changes_nothing(stored):
    engine, articles, reports, _ = stored
    before = table_counts(engine)
    stats = write_batch(engine, list(zip(articles, reports, strict=True)))
    assert stats.articles == 0 and stats.already_stored == len(articles)
    assert table_counts(engine) == before
    assert before["articles"] == len(articles)
    assert before["mentions"] == sum(len(r.events) for r in reports)


def test_the_store_merges_like_the_in_memory_merger(stored):
    engine, articles, reports, gold = stored
    in_memory = merge_reports(reports, {a.sha256: a.text for a in articles})
    from_db = list(query_events(engine))
    as_sets = sorted(sorted((r.article_id, r.event_id) for r in e.reports) for e in from_db)
    assert as_sets == sorted(
        sorted((r.article_id, r.event_id) for r in e.reports) for e in in_memory
    )
    precision, recall, _, _ = pairwise([set(map(tuple, s)) for s in as_sets], gold)
    assert precision >= 0.9 and recall >= 0.9


@pytest.mark.parametrize("batches", [[1, 1], [2]], ids=["two-batches", "one-batch"])
def test_a_look_back_stored_before_the_news_is_adopted_by_its_event(db, batches):
    pairs, engine, at = background_first(), open_store(db), 0
    for size in batches:
        write_batch(engine, pairs[at : at + size])
        at += size
    events = list(query_events(engine))
    engine.dispose()
    assert [sorted(r.article_id for r in e.reports) for e in events] == [
        ["hw-kassala", "vg-kassala"]
    ]


def test_events_filter_by_country_box_date_actor_type_and_source(stored):
    engine = stored[0]

    def ids(**kw):
        return {e.id for e in query_events(engine, EventFilter(**kw))}

    everything = ids()
    ukraine = ids(country="UKR")
    assert ukraine and ukraine < everything
    assert ids(country="Ukraine") == ukraine
    odesa_box = ids(bbox=(30.5, 46.3, 30.9, 46.6))
    assert odesa_box and odesa_box < ukraine
    march = ids(start=date(2024, 3, 1), end=date(2024, 3, 31))
    assert odesa_box <= march and not (ids(country="GEO") & march)
    assert ids(actor="al shabaab") == ids(country="SOM") - ids(event_type="Grenade")
    assert ids(event_type="Protests") == ids(country="GEO")
    assert ids(source="kivu morning") == ids(actor="M23")
    assert len(ids(limit=3)) == 3


def test_merged_events_keep_every_report_and_the_range_of_tolls(stored):
    engine = stored[0]
    odesa = next(
        query_events(
            engine,
            EventFilter(
                country="UKR",
                event_type="Shelling/artillery/missile attack",
                start=date(2024, 3, 15),
                end=date(2024, 3, 15),
            ),
        )
    )
    assert odesa.fatalities.killed == 20
    assert [r.article_id for r in odesa.reports] == ["gw-odesa", "od-odesa"]
    killed = next(d for d in odesa.disagreements if d.field == "fatalities.killed")
    assert sorted(v.value for v in killed.values) == [20, 21]


def test_acled_csv_export_reads_back_in_pandas_with_acled_types(stored):
    pd = pytest.importorskip("pandas")
    buf = io.StringIO()
    written, skipped = write_acled_csv((merged_acled_row(e) for e in query_events(stored[0])), buf)
    assert written >= 10
    buf.seek(0)
    frame = pd.read_csv(buf)
    assert list(frame.columns) == COLUMNS
    for col in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                "geo_precision", "fatalities", "timestamp"):  # fmt: skip
        assert frame[col].dtype == "int64", col
    assert frame["latitude"].dtype == "float64" and frame["longitude"].dtype == "float64"
    buf.seek(0)
    typed = pd.read_csv(buf, dtype=ACLED_DTYPES, keep_default_na=False)
    lido = typed[typed["location"] == "Mogadishu"].iloc[0]
    assert lido["event_type"] == "Explosions/Remote violence"
    assert lido["actor1"] == "Al Shabaab" and lido["inter1"] == 2 and lido["interaction"] == 27
    assert lido["iso"] == 706 and lido["fatalities"] == 32 and lido["event_date"] == "2024-08-02"
    assert lido["civilian_targeting"] == "Civilian targeting"
    assert set(lido["source"].split("; ")) >= {
        "Global Wire",
        "East Africa Digest",
        "Mogadishu Times",
    }


def test_geojson_and_parquet_exports_carry_every_mapped_event(stored, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from eventcoder.export.parquet import write_parquet

    events = list(query_events(stored[0]))
    buf = io.StringIO()
    n = write_geojson((event_feature(e) for e in events), buf)
    collection = json.loads(buf.getvalue())
    assert n == len(events) == len(collection["features"])
    point = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= point[0] <= 180 and -90 <= point[1] <= 90
    rows = write_parquet(events, tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == rows >= 10
    assert str(table.schema.field("fatalities").type) == "int64"
    assert json.loads(table.column("event_json")[0].as_py())["reports"]


def test_a_syrian_event_exports_in_acleds_middle_east_region():
    from eventcoder.export.acled_csv import acled_row
    from eventcoder.model import Acled, Actor, Event, Location, Mention, When

    text = "Artillery shelled the outskirts of Maarat al-Numan on Friday."
    event = Event(
        id="e1",
        acled=Acled(event_type="Explosions/Remote violence",
                    sub_event_type="Shelling/artillery/missile attack",
                    disorder_type="Political violence"),  # fmt: skip
        trigger=Mention(text="shelled", start=10, end=17),
        actors=[Actor(role="actor1", name="Military Forces of Syria", kind="State forces",
                      country="SYR")],  # fmt: skip
        location=Location(name="Maarat al-Numan", lat=35.64, lon=36.67, country="SYR",
                          geo_precision=1),  # fmt: skip
        date=When(start=date(2019, 12, 20), precision="day"),
    )
    row = acled_row(event, text=text)
    assert row["country"] == "Syria" and row["region"] == "Middle East"
