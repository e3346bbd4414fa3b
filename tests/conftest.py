"""Shared fixtures: a real SQLite file per test, a plan made from the e-commerce template,
a team (a manager and staff of every role) and an ``Actor`` for each of them.

Building the plan and the team once per session and copying the file per test keeps
each test's set-up at a few milliseconds; the copy is then opened with ``open_store`` like
any other database, so every test still works on its own real file in ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from opsdesk.services import Actor, Services
from opsdesk.store import Store, open_store
from opsdesk.templates import Template, load_template

LAUNCH = dt.date(2026, 9, 1)
START_TIME = dt.datetime(2026, 8, 1, 9, 0, 0)

# login → (role key, is_manager). Two people hold "operations" so that "assigned to
# someone else of my role" can be tested.
TEAM: dict[str, tuple[str, bool]] = {
    "manager": ("operations", True),
    "ops": ("operations", False),
    "ops2": ("operations", False),
    "designer": ("designer", False),
    "cs": ("customer_service", False),
    "warehouse": ("warehouse", False),
    "promo": ("promotion", False),
    "planner": ("planning", False),
}

# Managers sign in with a password (issue #12: no manager without one); staff have none.
MANAGER_PASSWORD = "manager-pw"


class FakeClock:
    """A clock the tests move by hand (no sleeps)."""

    def __init__(self, now: dt.datetime = START_TIME) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class World:
    """Ids of what the seeded database holds."""

    plan_id: int
    launch: dt.date
    template: Template
    roles: dict[str, int]  # role key → id
    users: dict[str, int]  # login → id
    actors: dict[str, Actor]  # login → actor (from services.people.authenticate)
    tasks: dict[str, int]  # template task key → id
    kpis: dict[str, int]  # template KPI key → id
    phases: dict[str, int]  # template phase key → id

    @property
    def manager(self) -> Actor:
        return self.actors["manager"]


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal dumps mean nothing changed."""
    with store.engine.connect() as conn:
        if store.is_sqlite:
            tables = [r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name")]
        else:
            from sqlalchemy import inspect as sa_inspect

            tables = sorted(sa_inspect(conn).get_table_names())
        out = {}
        for name in tables:
            rows = conn.exec_driver_sql(f'SELECT * FROM "{name}"').all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def count_changes(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM changes")).scalar_one())


def file_state(path: Path) -> tuple[str, int]:
    """(sha256, mtime_ns) of a file: what a failed open must leave as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _build_world(path: Path) -> World:
    store = open_store(path, create=True)
    try:
        services = Services(store, FakeClock())
        template = load_template("ecommerce-launch")
        system = Actor.system()
        plan_id = services.plans.create_from_template(system, template, LAUNCH).plan_id
        roles = {r.key: r.id for r in services.people.roles()}
        for login, (role, is_manager) in TEAM.items():
            services.people.create_user(system, login.title(), login, role, is_manager=is_manager,
                                        password=MANAGER_PASSWORD if is_manager else None)
        users = {u.login: u.id for u in services.people.users()}
        actors = {login: services.people.authenticate(
            login, MANAGER_PASSWORD if TEAM[login][1] else None) for login in TEAM}
        by_position = {t.position: t.id for t in services.tasks.list(plan_id)}
        tasks = {spec.key: by_position[pos] for pos, spec in enumerate(template.tasks)}
        kpis = {k.key: k.id for k in services.kpis.list(plan_id)}
        phases = {p.key: p.id for p in services.plans.phases(plan_id)}
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists(), "the seeded database was not closed cleanly"
    return World(plan_id, LAUNCH, template, roles, users, actors, tasks, kpis, phases)


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    return path, _build_world(path)


@pytest.fixture
def seeded_copy(seeded: tuple[Path, World], tmp_path: Path) -> Callable[[str], Path]:
    """Copy the seeded (closed) database to ``tmp_path/name`` and return the new path."""

    def make(name: str = "copy.db") -> Path:
        out = tmp_path / name
        shutil.copyfile(seeded[0], out)
        return out

    return make


@pytest.fixture
def world(seeded: tuple[Path, World]) -> World:
    return seeded[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


# With OPSDESK_TEST_PG_URL set, every test using ``store`` also runs on PostgreSQL
# (those runs carry the ``postgres`` mark; ``make test-pg`` selects them).
PG_URL = os.environ.get("OPSDESK_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)] if PG_URL else None


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, seeded: tuple[Path, World],
          db_path: Path) -> Iterator[Store]:
    """The seeded database (plan + team) at ``tmp_path/'t.db'`` (or a fresh database on
    the PostgreSQL test server), opened for writing."""
    if getattr(request, "param", "sqlite") == "postgres":
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip("tests SQLite file behaviour")
        from tests.pg_helpers import fresh_database

        with fresh_database(request.getfixturevalue("pg_seed")) as s:
            yield s
        return
    shutil.copyfile(seeded[0], db_path)
    s = open_store(db_path, create=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_seed(seeded: tuple[Path, World]) -> Iterator[str]:
    """A template database on the PostgreSQL test server holding the seeded plan and team."""
    if not PG_URL:
        pytest.skip("no PostgreSQL test server (set OPSDESK_TEST_PG_URL)")
    from tests.pg_helpers import seed_template

    with seed_template(PG_URL, seeded[0]) as name:
        yield name


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A brand-new database with no plan and no people."""
    s = open_store(tmp_path / "empty.db", create=True)
    yield s
    s.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(store: Store, clock: FakeClock) -> Services:
    return Services(store, clock)


@pytest.fixture
def plan(world: World) -> int:
    return world.plan_id


@pytest.fixture
def actors(world: World) -> dict[str, Actor]:
    return world.actors


@pytest.fixture
def snapshot(store: Store) -> Callable[[], dict[str, list[tuple]]]:
    return lambda: dump(store)


@pytest.fixture
def change_count(store: Store) -> Callable[[], int]:
    return lambda: count_changes(store)


# The helpers as fixtures, so test modules never import conftest (which breaks as soon
# as a second conftest.py, e.g. tests/ui/conftest.py, is collected).

@pytest.fixture
def dump_store() -> Callable[[Store], dict[str, list[tuple]]]:
    return dump


@pytest.fixture
def changes_in() -> Callable[[Store], int]:
    return count_changes


@pytest.fixture
def state_of() -> Callable[[Path], tuple[str, int]]:
    return file_state


@pytest.fixture(scope="session", autouse=True)
def _private_user_folders(tmp_path_factory):
    """Logs (security.log, opsdesk.log) and data of the code under test stay out of the
    user's own folders."""
    import os

    base = tmp_path_factory.mktemp("user")
    saved = {k: os.environ.get(k) for k in ("OPSDESK_LOG_DIR", "OPSDESK_DATA_DIR")}
    os.environ["OPSDESK_LOG_DIR"] = str(base / "logs")
    os.environ["OPSDESK_DATA_DIR"] = str(base / "data")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
