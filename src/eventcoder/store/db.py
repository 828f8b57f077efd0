"""Opening a store: a path means an embedded SQLite file, a URL means a server database.

``open_store`` always brings the schema up to the newest Alembic revision, so every command
can assume the tables exist. SQLite runs in WAL mode so readers (``events``, the API) never
block a running ingest.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect

DEFAULT_DB = "eventcoder.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")


def db_url(db: str | Path) -> str:
    """A path -> ``sqlite:///path``; ``postgresql://`` URLs get the psycopg driver."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    return text


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each commit boundary under WAL
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(db: str | Path) -> Engine:
    url = db_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` (idempotent)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_store(db: str | Path = DEFAULT_DB) -> Engine:
    """An engine on ``db`` with the schema at the newest revision."""
    engine = make_engine(db)
    migrate(engine)
    return engine


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table: what the idempotence and crash tests compare."""
    from sqlalchemy import func, select

    from eventcoder.store import schema

    names = set(inspect(engine).get_table_names())
    out: dict[str, int] = {}
    with engine.connect() as conn:
        for name in schema.TABLES:
            if name in names:
                table = schema.metadata.tables[name]
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return out
