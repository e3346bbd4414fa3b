"""The database file: what open_store does with bad input (and that it never changes a file
it refuses), locks, pragmas, backup and restore, integrity checks, and migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import OperationalError

from opsdesk.errors import (
    BackupError,
    CorruptDatabase,
    DatabaseEmpty,
    DatabaseLocked,
    DatabaseMissing,
    NotAnOpsDeskDatabase,
    ReadOnlyDatabase,
    StorageError,
)
from opsdesk.model import Task
from opsdesk.services import Actor, Services
from opsdesk.store import migrate, open_store
from opsdesk.store.backup import backup_store, restore_into
from opsdesk.store.check import check_store

pytestmark = pytest.mark.sqlite_only  # files, pragmas and locks: SQLite's own behaviour

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _sqlite(path: Path, *statements: str, wal: bool = False) -> Path:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        if wal:
            con.execute("PRAGMA journal_mode = WAL")
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()
    return path


def _listing(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir()}


@pytest.fixture
def untouched(state_of) -> Callable[[Path], object]:
    """``with untouched(path):`` fails if the file or its directory changes inside the block."""

    @contextmanager
    def check(path: Path) -> Iterator[None]:
        before_state = state_of(path) if path.is_file() else None
        before_listing = _listing(path.parent)
        yield
        if before_state is not None:
            assert state_of(path) == before_state, "the file was changed"
        after = _listing(path.parent)
        assert after == before_listing, f"left behind: {sorted(after - before_listing)}"

    return check


def _tasks_in(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return con.execute("SELECT count(*) FROM tasks").fetchone()[0]
    finally:
        con.close()


# ---- refusing bad input without touching it


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "x.db"
    for kwargs in ({}, {"readonly": True}, {"readonly": True, "create": True}):
        with pytest.raises(DatabaseMissing) as info:
            open_store(path, **kwargs)
        assert str(path) in info.value.message
    with pytest.raises(DatabaseMissing):
        open_store(f"sqlite:///{path}")
    assert not path.parent.exists()


def test_empty_file_is_reported_as_empty(tmp_path, untouched):
    path = tmp_path / "case" / "empty.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    for kwargs in ({}, {"readonly": True}, {"readonly": True, "create": True}):
        with untouched(path), pytest.raises(DatabaseEmpty) as info:
            open_store(path, **kwargs)
        assert info.value.message.startswith(f"{path} is empty")
    open_store(path, create=True).close()  # asked to create (init, a new plan): filled in
    assert path.stat().st_size > 0


@pytest.mark.parametrize(
    "content",
    [b"Shopping list:\n- tea\n- rice\n", PNG, b"SQLite format 2\x00" + b"\x00" * 200,
     b"\x00" * 4096, "中文文本".encode() * 100],
    ids=["text", "png", "wrong-magic", "zeros", "utf8"],
)
def test_not_a_database(tmp_path, untouched, content):
    path = tmp_path / "case" / "file.db"
    path.parent.mkdir()
    path.write_bytes(content)
    with untouched(path), pytest.raises(NotAnOpsDeskDatabase) as info:
        open_store(path, create=True)
    assert str(path) in info.value.message


def test_directory_is_not_a_database(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(NotAnOpsDeskDatabase):
        open_store(tmp_path / "dir.db")


@pytest.mark.parametrize("keep", [100, 1024, 4096, 3 * 4096 + 17, 0.5, 0.9])
def test_truncated_copy_is_corrupt(seeded_copy, tmp_path, untouched, keep):
    real = seeded_copy("real.db")
    data = real.read_bytes()
    size = int(len(data) * keep) if isinstance(keep, float) else keep
    path = tmp_path / "case" / "truncated.db"
    path.parent.mkdir()
    path.write_bytes(data[:size])
    with untouched(path), pytest.raises(CorruptDatabase) as info:
        open_store(path, create=True)
    assert "damaged" in info.value.message and str(path) in info.value.message


def test_overwritten_pages_are_corrupt(seeded_copy, tmp_path, untouched):
    data = bytearray(seeded_copy("real.db").read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for p in range(2, len(data) // page):  # scribble over every page but the first
        data[p * page:p * page + 64] = b"\xa5" * 64
    path = tmp_path / "case" / "scribbled.db"
    path.parent.mkdir()
    path.write_bytes(bytes(data))
    with untouched(path), pytest.raises(CorruptDatabase):
        open_store(path)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_foreign_sqlite_database(tmp_path, untouched, wal):
    path = tmp_path / "case" / "places.sqlite"
    path.parent.mkdir()
    _sqlite(path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
            "INSERT INTO moz_places (url) VALUES ('https://example.org')", wal=wal)
    with untouched(path), pytest.raises(NotAnOpsDeskDatabase):
        open_store(path, create=True)


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
         "INSERT INTO alembic_version VALUES ('0001')"],  # another Alembic project
        ["CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
         "CREATE TABLE tasks (id INTEGER PRIMARY KEY)"],  # no revision row
    ],
    ids=["alembic-without-tasks", "empty-alembic-version"],
)
def test_other_alembic_database(tmp_path, untouched, statements):
    path = tmp_path / "case" / "other.db"
    path.parent.mkdir()
    _sqlite(path, *statements, wal=True)
    with untouched(path), pytest.raises(NotAnOpsDeskDatabase):
        open_store(path)


# ---- a file from a newer OpsDesk


def test_newer_schema_opens_read_only(seeded_copy, tmp_path, state_of, world):
    path = _sqlite(seeded_copy("future.db"),
                   "UPDATE alembic_version SET version_num = 'ffff_future'")
    before = state_of(path)
    store = open_store(path)
    try:
        assert store.readonly and store.readonly_reason == "newer"
        assert store.migrated_from is None
        services = Services(store)
        # reading works
        assert len(services.tasks.list(world.plan_id)) == len(world.template.tasks)
        assert services.people.authenticate("ops").user_id == world.users["ops"]
        # every write is refused with a clear error
        with pytest.raises(ReadOnlyDatabase) as info:
            services.tasks.tick_off(world.manager, world.tasks["selection"])
        assert "read-only" in info.value.message
        with pytest.raises(ReadOnlyDatabase):
            services.plans.shift(world.manager, world.plan_id, 1)
        with pytest.raises(ReadOnlyDatabase):
            services.people.create_role(Actor.system(), "x", "x", "x")
        # not even a raw write gets through
        with pytest.raises(OperationalError, match="readonly"), store.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM tasks")
        report = check_store(store)
        assert not report.ok and report.revision == "ffff_future"
    finally:
        store.close()
    assert state_of(path) == before
    assert not (tmp_path / "backups").exists()  # nothing to migrate, so no backup either


def test_explicit_read_only_open(seeded_copy, state_of, world):
    path = seeded_copy("ro.db")
    before = state_of(path)
    store = open_store(path, readonly=True)
    try:
        assert store.readonly and store.readonly_reason is None
        with pytest.raises(ReadOnlyDatabase):
            Services(store).tasks.comment(world.manager, world.tasks["selection"], "x")
    finally:
        store.close()
    assert state_of(path) == before


# ---- locks


def test_locked_file_is_reported_and_untouched(seeded_copy, tmp_path, untouched):
    path = tmp_path / "case" / "locked.db"
    path.parent.mkdir()
    seeded_copy("src.db").rename(path)
    _sqlite(path, "PRAGMA journal_mode = DELETE")  # a rollback-journal database
    locker = sqlite3.connect(path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        with untouched(path), pytest.raises(DatabaseLocked) as info:
            open_store(path, busy_timeout_ms=100)
        assert "busy" in info.value.message
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    # once the other program is done, it opens
    open_store(path).close()


def test_wal_write_blocked_by_another_writer(services, world, db_path, snapshot, change_count):
    store = open_store(db_path, busy_timeout_ms=100)
    try:
        mine = Services(store)
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE tasks SET title = 'theirs' WHERE id = ?",
                          (world.tasks["team"],))
            before, n = snapshot(), change_count()
            with pytest.raises(DatabaseLocked):
                mine.tasks.update(world.manager, world.tasks["selection"], title="mine")
            with pytest.raises(DatabaseLocked):
                mine.tasks.tick_off(world.actors["ops"], world.tasks["selection"])
            # readers are not blocked in WAL mode and see only committed data
            assert mine.tasks.get(world.tasks["team"]).title == "组建运营团队"
            assert snapshot() == before and change_count() == n
        finally:
            other.execute("ROLLBACK")
            other.close()
        mine.tasks.update(world.manager, world.tasks["selection"], title="mine")
        assert mine.tasks.get(world.tasks["selection"]).title == "mine"
    finally:
        store.close()


# ---- pragmas


def test_pragmas_after_open(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with store.write() as s:
        assert s.execute(select(func.count()).select_from(Task)).scalar() > 0
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_busy_timeout_is_applied(seeded_copy):
    store = open_store(seeded_copy("t.db"), busy_timeout_ms=1234)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1234
    finally:
        store.close()


def test_foreign_keys_are_enforced(store, world, snapshot):
    before = snapshot()
    with pytest.raises(StorageError) as info, store.write() as s:
        s.execute(insert(Task).values(plan_id=999, title="orphan", version=1))
    assert "FOREIGN KEY" in info.value.message
    assert snapshot() == before


def test_open_by_sqlite_url(seeded_copy, world):
    path = seeded_copy("u.db")
    store = open_store(f"sqlite:///{path}")
    try:
        assert store.path == path and store.is_sqlite
        assert len(Services(store).tasks.list(world.plan_id)) == len(world.template.tasks)
    finally:
        store.close()


def test_closing_leaves_no_wal_behind(seeded_copy, world):
    path = seeded_copy("w.db")
    store = open_store(path)
    Services(store).tasks.comment(world.manager, world.tasks["team"], "hi")
    store.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    assert _tasks_in(path) == len(world.template.tasks)


# ---- backup and restore


def test_backup_opens_with_the_same_content(store, services, world, tmp_path, dump_store):
    services.tasks.tick_off(world.actors["ops"], world.tasks["selection"])
    out = tmp_path / "backups" / "manual.db"
    assert backup_store(store, out) == out
    assert not Path(f"{out}-wal").exists() and not Path(f"{out}.part").exists()
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    copy = open_store(out)
    try:
        assert copy.migrated_from is None and not copy.readonly
        restored = Services(copy)
        assert len(restored.tasks.list(world.plan_id)) == len(services.tasks.list(world.plan_id))
        assert restored.tasks.get(world.tasks["selection"]).status == "done"
        assert dump_store(copy) == dump_store(store)
    finally:
        copy.close()


def test_backup_sees_only_committed_data(store, world, db_path, tmp_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM comments")
        other.execute("DELETE FROM tasks")
        out = backup_store(store, tmp_path / "b.db")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _tasks_in(out) == len(world.template.tasks)


def test_backup_refuses_to_overwrite_the_database(store, db_path, state_of):
    before = state_of(db_path)
    with pytest.raises(BackupError):
        backup_store(store, db_path)
    assert state_of(db_path)[0] == before[0]


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(store, services, world,
                                                                 tmp_path, dump_store, db_path):
    backup = backup_store(store, tmp_path / "elsewhere" / "good.db")
    at_backup = dump_store(store)
    # work continues after the backup
    services.tasks.delete(world.manager, world.tasks["tmall_ready"])
    services.tasks.comment(world.actors["cs"], world.tasks["training"], "after the backup")
    after_work = dump_store(store)

    safety = restore_into(store, backup)

    assert dump_store(store) == at_backup
    assert safety.exists() and safety.parent == db_path.parent / "backups"
    assert "before-restore" in safety.name
    kept = open_store(safety)
    try:
        assert dump_store(kept) == after_work
    finally:
        kept.close()
    # the store is still usable afterwards
    services.tasks.comment(world.actors["cs"], world.tasks["training"], "after the restore")
    assert [c.text for c in services.tasks.comments(world.tasks["training"])] == [
        "after the restore"]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_restores_in_quick_succession_keep_every_safety_copy(store, services, world, tmp_path,
                                                              dump_store):
    backup = backup_store(store, tmp_path / "b.db")
    states, safeties = [], []
    for i in range(3):
        services.tasks.comment(world.manager, world.tasks["team"], f"work {i}")
        states.append(dump_store(store))
        safeties.append(restore_into(store, backup))
    assert len(set(safeties)) == 3 and all(p.exists() for p in safeties)
    for safety, state in zip(safeties, states, strict=True):
        kept = open_store(safety)
        try:
            assert dump_store(kept) == state
        finally:
            kept.close()


def test_timestamped_backup_names_never_collide(tmp_path):
    from opsdesk.store.backup import timestamped_backup_path

    db = tmp_path / "shop.db"
    now = dt.datetime(2026, 9, 1, 8, 30, 0)
    first = timestamped_backup_path(db, "daily", now)
    assert first == tmp_path / "backups" / "shop-20260901-083000-daily.db"
    first.parent.mkdir()
    first.write_bytes(b"x")
    second = timestamped_backup_path(db, "daily", now)
    assert second != first and second.parent == first.parent


@pytest.mark.parametrize("kind", ["missing", "text", "png", "foreign", "empty-sqlite",
                                  "future", "truncated"])
def test_restore_validates_first(store, db_path, tmp_path, dump_store, seeded_copy, kind):
    source = tmp_path / "source.db"
    if kind == "text":
        source.write_text("not a database")
    elif kind == "png":
        source.write_bytes(PNG)
    elif kind == "foreign":
        _sqlite(source, "CREATE TABLE t (x)")
    elif kind == "empty-sqlite":
        _sqlite(source, "CREATE TABLE t (x)", "DROP TABLE t")
    elif kind == "future":
        _sqlite(seeded_copy("source.db"), "UPDATE alembic_version SET version_num = 'ffff'")
    elif kind == "truncated":
        source.write_bytes(db_path.read_bytes()[:8192])
    before = dump_store(store)
    with pytest.raises(StorageError):
        restore_into(store, source)
    assert dump_store(store) == before
    # nothing was replaced, so no safety copy was needed
    assert not (db_path.parent / "backups").exists()


# ---- integrity and schema checks


def test_check_ok_on_fresh_and_seeded_databases(empty_store, store):
    for s in (empty_store, store):
        report = check_store(s)
        assert report.ok, report.problems
        assert report.revision == migrate.HEAD_REVISION


@pytest.mark.parametrize(
    ("statements", "problem"),
    [
        ([*(f"DROP TRIGGER rowlog_tasks_{k}" for k in ("ins", "upd", "del")),
          "ALTER TABLE tasks DROP COLUMN notes"], "schema: column tasks.notes is missing"),
        (["DROP TRIGGER rowlog_comments_del"], "schema: trigger rowlog_comments_del is missing"),
        (["DROP TABLE comments"], "schema: table comments is missing"),
        (["DROP TABLE kpi_values"], "schema: table kpi_values is missing"),
        (["PRAGMA foreign_keys = OFF", "UPDATE tasks SET assignee_id = 999 WHERE id = 1"],
         "foreign key: tasks row 1"),
    ],
    ids=["dropped-column", "dropped-trigger", "dropped-table", "dropped-kpi-values", "dangling-reference"],
)
def test_check_reports_damage(seeded_copy, statements, problem):
    path = _sqlite(seeded_copy("damaged.db"), *statements)
    store = open_store(path)
    try:
        report = check_store(store)
    finally:
        store.close()
    assert not report.ok
    assert any(problem in p for p in report.problems), report.problems


# ---- migrations


def test_known_revisions_match_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]
    chain = [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]
    assert tuple(chain) == migrate.KNOWN_REVISIONS
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD_REVISION
    assert all(migrate.is_known(r) for r in chain) and not migrate.is_known("ffff_future")


def test_migrations_match_the_models(empty_store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from opsdesk.model import Base

    with empty_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_new_database_is_at_head(tmp_path):
    path = tmp_path / "new" / "fresh.db"
    store = open_store(path, create=True)
    try:
        assert store.migrated_from is None and not store.readonly
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    finally:
        store.close()
    # opening it again migrates nothing and takes no backup
    again = open_store(path)
    again.close()
    assert again.migrated_from is None
    assert not (path.parent / "backups").exists()


def test_empty_file_with_create_is_initialised(tmp_path):
    path = tmp_path / "zero.db"
    path.write_bytes(b"")
    store = open_store(path, create=True)
    try:
        assert check_store(store).ok
    finally:
        store.close()


def test_fresh_database_is_usable_end_to_end(tmp_path):
    from opsdesk.templates import load_template

    store = open_store(tmp_path / "e2e.db", create=True)
    try:
        services = Services(store)
        ch = services.plans.create_from_template(Actor.system(), load_template(
            "ecommerce-launch"), dt.date(2026, 9, 1))
        assert services.overview.overview(ch.plan_id, dt.date(2026, 9, 1)).total > 0
    finally:
        store.close()
    assert _tasks_in(tmp_path / "e2e.db") > 0


def test_read_only_open_leaves_no_side_files(tmp_path):
    import shutil

    from opsdesk.errors import ReadOnlyDatabase

    sample = Path(__file__).resolve().parents[2] / "opsdesk.db.sample"
    db = tmp_path / "ro.db"
    shutil.copy(sample, db)
    before = db.read_bytes()
    store = open_store(db, readonly=True)
    services = Services(store)
    assert services.tasks.list(services.plans.list()[0].id)
    with pytest.raises(ReadOnlyDatabase):
        services.tasks.tick_off(Actor.system(), 1)
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.db"]
    assert db.read_bytes() == before


def test_prefetched_inspection_is_reused_only_for_an_unchanged_file(tmp_path, monkeypatch):
    import shutil

    from opsdesk.store import inspect as inspection

    sample = Path(__file__).resolve().parents[2] / "opsdesk.db.sample"
    db = tmp_path / "p.db"
    shutil.copy(sample, db)
    calls = []
    real = inspection._inspect
    monkeypatch.setattr(inspection, "_inspect", lambda *a: calls.append(a[0]) or real(*a))
    inspection.prefetch(db)
    open_store(db).close()
    assert calls == [db]  # the open took the prefetched result
    calls.clear()
    inspection.prefetch(db)
    inspection._take_prefetched(db).result()
    open_store(db).close()
    assert calls == [db, db]  # nothing left to reuse: inspected again

    calls.clear()
    inspection.prefetch(db)
    with sqlite3.connect(db) as con:  # someone writes meanwhile
        con.execute("UPDATE tasks SET title = title || '!' WHERE id = 1")
    open_store(db).close()
    assert calls == [db, db]


def test_the_check_is_reused_after_the_first_screen_read_the_file(tmp_path, monkeypatch):
    """The first screen's plain reader opens the file while its check runs, which makes an
    empty -wal: that is no change, and the check is not run a second time (at 100k tasks a
    second ``quick_check`` held the first screen back ~0.3 s); a write in WAL mode is."""
    import shutil

    from opsdesk.store import inspect as inspection
    from opsdesk.store.plain import connect_for_reading, is_healthy

    db = tmp_path / "fs.db"
    shutil.copy(Path(__file__).resolve().parents[2] / "opsdesk.db.sample", db)
    with sqlite3.connect(db) as wal:  # (as the app leaves its files: WAL mode)
        wal.execute("PRAGMA journal_mode=WAL")
    wal.close()
    calls = []
    real = inspection._inspect
    monkeypatch.setattr(inspection, "_inspect", lambda *a: calls.append(a[0]) or real(*a))
    inspection.prefetch(db)
    con = connect_for_reading(db, checked=False)
    assert con is not None
    con.execute("SELECT count(*) FROM tasks").fetchone()
    assert Path(f"{db}-wal").exists() and Path(f"{db}-wal").stat().st_size == 0
    assert is_healthy(db)
    con.close()
    assert calls == [db]  # (the prefetch's only)

    calls.clear()
    inspection.prefetch(db)
    inspection._take_prefetched(db).result()  # (nothing left over)
    inspection.prefetch(db)
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("UPDATE tasks SET title = title || '!' WHERE id = 1")
    writer.commit()
    assert Path(f"{db}-wal").stat().st_size > 0
    assert is_healthy(db)
    writer.close()
    assert len(calls) == 3  # the write was seen: checked again


def test_prefetched_problem_is_raised_by_open(tmp_path):
    from opsdesk.store import inspect as inspection

    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all")
    inspection.prefetch(bad)
    with pytest.raises(NotAnOpsDeskDatabase):
        open_store(bad)
    assert bad.read_text() == "not a database at all"
