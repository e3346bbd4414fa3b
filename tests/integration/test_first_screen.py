"""#17: the first screen read plainly (sqlite3, before SQLAlchemy loads) shows what the
full services show, signs in only where the full sign-in would let in without writing, and
never writes to the file."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opsdesk.errors import CorruptDatabase
from opsdesk.services import Actor, Services
from opsdesk.services.first_screen import FirstScreenReader, read_first_screen
from opsdesk.store import open_store
from opsdesk.store.plain import connect_for_reading
from tests.conftest import MANAGER_PASSWORD, FakeClock, file_state

ROOT = Path(__file__).resolve().parents[2]


def _reader(path: Path) -> FirstScreenReader:
    con = connect_for_reading(path)
    assert con is not None, "a healthy file at the head revision reads plainly"
    return FirstScreenReader(con)


def _sql(db: Path, statement: str) -> None:
    con = sqlite3.connect(db)
    with con:
        con.execute(statement)
    con.close()


def _days(launch: dt.date) -> list[dt.date]:
    return [launch + dt.timedelta(days=d) for d in (-60, -1, 0, 1, 30, 95, 200, 400)]


@pytest.mark.parametrize("source", ["seeded", "sample"])
def test_the_plain_overview_is_the_services_overview(source, seeded_copy, tmp_path, world):
    if source == "seeded":
        db = seeded_copy("plain.db")
    else:
        db = tmp_path / "sample.db"
        shutil.copyfile(ROOT / "opsdesk.db.sample", db)
    store = open_store(db)
    services = Services(store, FakeClock())
    # some variety: overdue work with priorities, a milestone done, one skipped
    manager = services.people.authenticate("manager", MANAGER_PASSWORD) if source == "seeded" \
        else Actor.system()
    plans = services.plans.list()
    rows = services.tasks.list(plans[0].id)
    for row, status in zip(rows[::7], ("done", "blocked", "doing", "cancelled", "done"),
                           strict=False):
        services.tasks.update(manager, row.id, status=status)
    for row in rows[3::11][:3]:  # tasks in no phase: one of their own groups
        services.tasks.update(manager, row.id, phase_id=None)
    store.close()
    before = file_state(db)
    reader = _reader(db)
    try:
        assert reader.plans() == Services(open_store(db, readonly=True)).plans.list()
        full = Services(open_store(db, readonly=True))
        for plan in reader.plans():
            for today in _days(plan.launch_date):
                assert reader.overview(plan, today) == full.overview.overview(plan.id, today), \
                    (plan.id, today)
        full.store.close()
    finally:
        reader.close()
    assert file_state(db) == before


def test_sign_in_lets_in_only_a_plain_right_password(seeded_copy, world):
    db = seeded_copy("signin.db")
    before = file_state(db)
    reader = _reader(db)
    full = Services(open_store(db, readonly=True))
    try:
        signed = reader.sign_in("Manager ", MANAGER_PASSWORD)
        assert signed == full.people.authenticate("manager", MANAGER_PASSWORD)
        assert signed is not None and signed.is_manager
        assert reader.sign_in("cs", None) == full.people.authenticate("cs")  # staff: no password
        assert reader.sign_in("manager", "wrong") is None
        assert reader.sign_in("manager", None) is None
        assert reader.sign_in("nobody", MANAGER_PASSWORD) is None
    finally:
        reader.close()
        full.store.close()
    assert file_state(db) == before  # a wrong password here is not counted: the full path does


def test_sign_in_leaves_tries_waits_and_unset_passwords_to_the_full_path(seeded_copy, world):
    db = seeded_copy("tries.db")
    store = open_store(db)
    clock = FakeClock()
    services = Services(store, clock)
    with pytest.raises(Exception):  # noqa: B017, PT011 - one wrong try, counted
        services.people.authenticate("manager", "wrong")
    store.close()
    reader = _reader(db)
    try:
        # earlier wrong tries must be cleared by a write: the full sign-in does it
        assert reader.sign_in("manager", MANAGER_PASSWORD) is None
    finally:
        reader.close()
    store = open_store(db)
    Services(store, clock).people.authenticate("manager", MANAGER_PASSWORD)  # clears them
    store.close()
    _sql(db, "UPDATE users SET locked_until = '2999-01-01 00:00:00' WHERE login = 'manager'")
    # (a wait still on: another process's wrong tries)
    reader = _reader(db)
    try:
        assert reader.sign_in("manager", MANAGER_PASSWORD) is None
    finally:
        reader.close()
    # an old file's manager without a password
    _sql(db, "UPDATE users SET locked_until = NULL, password_hash = NULL WHERE login = 'manager'")
    reader = _reader(db)
    try:
        assert reader.sign_in("manager", None) is None
    finally:
        reader.close()


def test_files_the_full_store_must_open_get_no_plain_connection(tmp_path, seeded_copy):
    assert connect_for_reading(tmp_path / "missing.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert connect_for_reading(tmp_path / "empty.db") is None
    (tmp_path / "text.db").write_text("not a database")
    assert connect_for_reading(tmp_path / "text.db") is None
    assert connect_for_reading("postgresql://x@localhost/opsdesk") is None
    older = seeded_copy("older.db")
    _sql(older, "UPDATE alembic_version SET version_num = '0005'")
    assert connect_for_reading(older) is None  # migrated by the full store


def test_the_read_gives_the_chosen_plans_overview(seeded_copy, world):
    db = seeded_copy("bg.db")
    seen: list[list[int]] = []

    def choose(plans):
        seen.append([p.id for p in plans])
        return plans[-1].id

    today = world.launch + dt.timedelta(days=10)
    first = read_first_screen(db, "manager", MANAGER_PASSWORD, choose, lambda: today)
    assert first is not None and first.actor.login == "manager"
    assert seen == [[p.id for p in first.plans]] and first.plan_id == first.plans[-1].id
    store = open_store(db, readonly=True)
    assert first.overview == Services(store).overview.overview(first.plan_id, today)
    store.close()
    assert read_first_screen(db, "manager", "wrong", choose, lambda: today) is None
    assert read_first_screen(db.with_name("none.db"), "manager", MANAGER_PASSWORD, choose,
                              lambda: today) is None


def test_the_plain_first_screen_imports_no_sqlalchemy():
    code = ("import sys, opsdesk.services.first_screen, opsdesk.store.plain, opsdesk.services, "
            "opsdesk.services.my_task, opsdesk.services.permissions; "
            "bad = [m for m in sys.modules if m.startswith(('sqlalchemy', 'PySide6'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_damaged_file_shows_nothing_even_when_its_first_pages_read(tmp_path):
    """The plain reads overlap the integrity check; a file that fails it gives no first
    screen (the full open explains), even though the reads themselves went through."""
    from opsdesk.sample import MANAGER_PASSWORD as SAMPLE_PASSWORD
    from opsdesk.store import inspect

    db = tmp_path / "damaged.db"
    shutil.copyfile(ROOT / "opsdesk.db.sample", db)
    size = db.stat().st_size
    with db.open("r+b") as fh:  # garbage over pages far from the schema and the first screen's
        fh.seek(int(size * 0.7) // 4096 * 4096)
        fh.write(b"\xff" * 4096 * 4)
    with pytest.raises(CorruptDatabase):
        inspect.inspect_sqlite_file(db)
    today = dt.date(2026, 12, 2)
    con = connect_for_reading(db, checked=False)
    assert con is not None
    try:  # the first screen's own reads do not notice
        assert FirstScreenReader(con).first_screen("manager", SAMPLE_PASSWORD,
                                                   lambda plans: None, lambda: today)
    finally:
        con.close()
    assert connect_for_reading(db) is None  # (waiting for the check)
    inspect.prefetch(db)
    assert read_first_screen(db, "manager", SAMPLE_PASSWORD, lambda plans: None,
                              lambda: today) is None


def _varied(db: Path, world) -> None:
    """Work of every kind My work tells apart: done today and long ago, cancelled, skipped,
    unassigned work of a role, work of another person with one's role, a second role."""
    store = open_store(db)
    services = Services(store, FakeClock())
    manager = world.manager
    rows = services.tasks.list(world.plan_id)
    for row, change in zip(rows[::5], (dict(status="done"), dict(status="cancelled"),
                                       dict(assignee_id=None), dict(status="skipped"),
                                       dict(assignee_id=world.users["cs"]),
                                       dict(status="done"), dict(assignee_id=None)),
                           strict=False):
        services.tasks.update(manager, row.id, **change)
    store.close()
    _sql(db, "UPDATE tasks SET done_at = '2020-01-02 03:04:05.000000' "
             "WHERE id = (SELECT min(id) FROM tasks WHERE status = 'done')")
    _sql(db, f"INSERT INTO user_roles (user_id, role_id) SELECT {world.users['cs']}, id "
             f"FROM roles WHERE id != {world.roles['customer_service']} LIMIT 1")


def test_the_plain_my_work_is_the_services_my_work(seeded_copy, world):
    """Staff start in My work: read plainly, it lists what ``MyWorkService.tasks`` lists
    (the same rows, fields and order) for every person, on days across the plan."""
    db = seeded_copy("mywork.db")
    _varied(db, world)
    before = file_state(db)
    reader = _reader(db)
    full = Services(open_store(db, readonly=True))
    try:
        people = [u for u in full.people.users() if not u.is_manager] + \
            [u for u in full.people.users() if u.is_manager]
        compared = 0
        for user in people:
            actor = full.people.actor_for(user.id)
            assert reader.actor(user.id) == actor
            for today in _days(world.launch):
                plain = reader.my_work(world.plan_id, actor, today)
                assert plain == full.mywork.tasks(world.plan_id, actor, today), \
                    (user.login, today)
                compared += len(plain)
        assert compared > 100
        assert reader.roles() == {r.id: (r.name_zh, r.name_en) for r in full.people.roles()}
    finally:
        reader.close()
        full.store.close()
    assert file_state(db) == before


def test_staff_get_their_my_work_as_their_first_screen(seeded_copy, world):
    db = seeded_copy("staff.db")
    today = world.launch + dt.timedelta(days=3)
    first = read_first_screen(db, "cs", None, lambda plans: plans[0].id, lambda: today)
    assert first is not None and first.actor.login == "cs" and first.overview is None
    store = open_store(db, readonly=True)
    try:
        services = Services(store)
        assert first.my_work == services.mywork.tasks(first.plan_id, first.actor, today)
        assert first.my_work and first.roles == {r.id: (r.name_zh, r.name_en)
                                                 for r in services.people.roles()}
    finally:
        store.close()
    con = sqlite3.connect(db)
    try:
        assert first.last_change == con.execute("SELECT max(id) FROM changes").fetchone()[0] > 0
    finally:
        con.close()
    _sql(db, "DELETE FROM plans")  # no plan: nothing to list, still a first screen
    empty = read_first_screen(db, "cs", None, lambda plans: None, lambda: today)
    assert empty is not None and empty.plan_id is None and empty.my_work == []


def test_the_reads_go_on_while_a_password_is_checked(seeded_copy, world, monkeypatch):
    """argon2 takes a fifth of a second of the cores without the interpreter lock: the
    manager's Overview is read meanwhile, and shown only if the password proves right."""
    import threading

    from opsdesk.services import passwords

    db = seeded_copy("overlap.db")
    overview_read = threading.Event()
    real_verify, real_overview = passwords.verify_password, FirstScreenReader.overview

    def verify(password_hash, password):  # (the check ends only after the Overview is read)
        assert overview_read.wait(10), "the reads waited for the password's check"
        return real_verify(password_hash, password)

    def overview(self, *args, **kwargs):
        result = real_overview(self, *args, **kwargs)
        overview_read.set()
        return result
    monkeypatch.setattr(passwords, "verify_password", verify)
    monkeypatch.setattr(FirstScreenReader, "overview", overview)
    today = world.launch + dt.timedelta(days=10)
    first = read_first_screen(db, "manager", MANAGER_PASSWORD, lambda plans: None, lambda: today)
    assert first is not None and first.overview is not None and first.actor.is_manager
    overview_read.clear()
    assert read_first_screen(db, "manager", "wrong", lambda plans: None, lambda: today) is None
    assert overview_read.is_set()  # (read, then not shown)
