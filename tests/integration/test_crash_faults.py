"""Faults while opening or writing: disk full (SQLite's max_page_count, and a real tiny
tmpfs where mounting is permitted), a read-only filesystem, a migration failing half-way."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event

from opsdesk.errors import MigrationFailed, StorageError
from opsdesk.services import Services
from opsdesk.services.tasks import NewTask
from opsdesk.store import backup as bk
from opsdesk.store import migrate, open_store
from opsdesk.store.engine import DISK_FULL

pytestmark = pytest.mark.sqlite_only


def _many(n: int, tag: str = "x"):
    return (NewTask(title=f"{tag}-{i}-" + "长" * 200, notes="n" * 500, position=i)
            for i in range(n))


def _integrity(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def test_disk_full_fails_the_action_cleanly(store, services, world, db_path, dump_store,
                                            changes_in):
    """SQLITE_FULL forced with PRAGMA max_page_count: the database may not grow."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    before, logged = dump_store(store), changes_in(store)
    with pytest.raises(StorageError) as info:
        services.tasks.bulk_create(world.manager, world.plan_id, _many(3000))
    assert info.value.template == DISK_FULL
    assert dump_store(store) == before and changes_in(store) == logged
    # a small change still fits, and the file is sound
    services.tasks.tick_off(world.manager, world.tasks["tmall_ready"])
    store.close()
    assert _integrity(db_path) == [("ok",)]


@contextlib.contextmanager
def _tmpfs(tmp_path: Path, size_kb: int):
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    where = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_real_disk_full_on_a_tiny_filesystem(seeded_copy, world, tmp_path):
    src = seeded_copy("full.db")
    size_kb = src.stat().st_size // 1024 + 96
    with _tmpfs(tmp_path, size_kb) as mnt:
        db = mnt / "full.db"
        shutil.copyfile(src, db)
        store = open_store(db)
        services = Services(store)
        n = len(services.tasks.list(world.plan_id))
        with pytest.raises(StorageError) as info:
            for k in range(50):  # fill the disk one action at a time
                services.tasks.bulk_create(world.manager, world.plan_id, _many(400, f"k{k}"))
        assert info.value.template == DISK_FULL
        count = len(services.tasks.list(world.plan_id))
        assert (count - n) % 400 == 0  # only whole actions are there
        store.close()
        assert _integrity(db) == [("ok",)]
        again = open_store(db)
        assert len(Services(again).tasks.list(world.plan_id)) == count
        again.close()


def test_read_only_filesystem_opens_read_only_and_unchanged(seeded_copy, world, tmp_path,
                                                            state_of):
    src = seeded_copy("ro.db")
    with _tmpfs(tmp_path, 8192) as mnt:
        db = mnt / "ro.db"
        shutil.copyfile(src, db)
        remount = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True)
        if remount.returncode != 0:
            pytest.skip("remounting read-only is not permitted")
        before = state_of(db)
        store = open_store(db)
        try:
            assert store.readonly and store.readonly_reason == "readonly-file"
            assert len(Services(store).tasks.list(world.plan_id)) == len(world.template.tasks)
            with pytest.raises(StorageError):
                Services(store).tasks.tick_off(world.manager, world.tasks["tmall_ready"])
        finally:
            store.close()
        assert state_of(db) == before


def test_migration_failing_half_way_leaves_the_file_as_it_was(seeded_copy, monkeypatch,
                                                              dump_store):
    db = seeded_copy("mig.db")
    reference = open_store(db, readonly=True)
    before = dump_store(reference)
    reference.close()
    # Pretend this version knows a newer revision whose script fails after changing things.
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "9999"))
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")

    def failing_upgrade(cfg, revision):
        conn = cfg.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        conn.exec_driver_sql("UPDATE tasks SET title = 'mangled'")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        raise RuntimeError("step 2 of the migration broke")

    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", failing_upgrade)
    with pytest.raises(MigrationFailed):
        open_store(db)
    backups = bk.list_backups(db)
    assert len(backups) == 1 and "before-migration" in backups[0].name  # a way back
    monkeypatch.undo()
    after = open_store(db, readonly=True)
    try:
        assert dump_store(after) == before
    finally:
        after.close()
    assert _integrity(db) == [("ok",)]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_database_files_are_private(tmp_path):
    path = tmp_path / "new.db"
    store = open_store(path, create=True)
    try:
        with store.write() as s:
            s.connection().exec_driver_sql("SELECT 1")
        assert (path.stat().st_mode & 0o777) == 0o600
        wal = Path(f"{path}-wal")
        if wal.exists():
            assert (wal.stat().st_mode & 0o077) == 0
        backup = bk.rolling_backup(store, "manual")
        assert (backup.stat().st_mode & 0o777) == 0o600
    finally:
        store.close()
