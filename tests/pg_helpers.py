"""PostgreSQL test databases: a seeded template per session, a fresh copy per test."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

_counter = itertools.count(1)


def pg_url() -> str:
    return os.environ["OPSDESK_TEST_PG_URL"]


def url_for(name: str) -> str:
    return make_url(pg_url()).set(database=name).render_as_string(hide_password=False)


def _admin(sql: str) -> None:
    engine = create_engine(pg_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def create_database(name: str, template: str | None = None) -> str:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return url_for(name)


def drop_database(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def empty_database(prefix: str = "opsdesk_e") -> Iterator[str]:
    """An empty database on the test server; its URL; dropped afterwards."""
    name = f"{prefix}_{os.getpid()}_{next(_counter)}"
    url = create_database(name)
    try:
        yield url
    finally:
        drop_database(name)


@contextmanager
def seed_template(url: str, sqlite_seed: Path) -> Iterator[str]:
    from opsdesk.services.migrate_to import migrate_to
    from opsdesk.store import open_store

    name = f"opsdesk_seed_{os.getpid()}"
    target = create_database(name)
    source = open_store(sqlite_seed, readonly=True)
    try:
        migrate_to(source, target)
    finally:
        source.close()
    try:
        yield name
    finally:
        drop_database(name)


@contextmanager
def fresh_database(template: str):
    from opsdesk.store import open_store

    name = f"opsdesk_t_{os.getpid()}_{next(_counter)}"
    store = open_store(create_database(name, template))
    try:
        yield store
    finally:
        store.close()
        drop_database(name)


# ---- the roles of resources/postgres/grants.sql

GRANTS_SQL = Path(__file__).resolve().parents[1] / "resources" / "postgres" / "grants.sql"


def apply_grants(url: str) -> None:
    """Run resources/postgres/grants.sql in the database at ``url`` (as its owner)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(GRANTS_SQL.read_text(encoding="utf-8"))
    finally:
        engine.dispose()


def login_as(url: str, login: str, group: str) -> str:
    """A login role ``login`` (the test cluster trusts local connections: no password) in
    ``group``; ``url`` as that login."""
    _admin(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}') THEN "
           f"CREATE ROLE \"{login}\" LOGIN; END IF; END $$")
    _admin(f'GRANT "{group}" TO "{login}"')
    return make_url(url).set(username=login).render_as_string(hide_password=False)
