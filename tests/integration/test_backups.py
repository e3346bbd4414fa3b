"""Backups: rolling automatic backups (daily, keep N), manual backup and restore, restore
that validates first and keeps the current content, steps with progress and cancel."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from opsdesk.errors import BackupError, StorageError
from opsdesk.services import Services
from opsdesk.store import backup as bk
from opsdesk.store import open_store

pytestmark = pytest.mark.sqlite_only
NOW = dt.datetime(2026, 11, 26, 9, 0, 0)


def _titles(path: Path) -> set[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT title FROM tasks")}
    finally:
        con.close()


def test_auto_backup_on_open_only_when_the_last_is_a_day_old(store, db_path):
    assert bk.list_backups(db_path) == []
    first = bk.auto_backup_if_due(store, keep=3, now=NOW)
    assert first is not None and first.parent == db_path.parent / "backups"
    assert bk.auto_backup_if_due(store, keep=3, now=NOW + dt.timedelta(hours=23)) is None
    second = bk.auto_backup_if_due(store, keep=3, now=NOW + dt.timedelta(hours=24))
    assert second is not None and bk.list_backups(db_path) == [first, second]
    assert bk.last_backup_at(db_path) == NOW + dt.timedelta(hours=24)


def test_rolling_backups_keep_the_newest_n(store, db_path):
    made = [bk.rolling_backup(store, "auto", keep=3, now=NOW + dt.timedelta(days=d))
            for d in range(6)]
    kept = bk.list_backups(db_path)
    assert kept == made[-3:]
    assert all(not p.exists() for p in made[:3])
    # a file of another database in the same folder is never touched
    other = db_path.parent / "backups" / "other-20200101-000000-auto.db"
    other.write_bytes(b"x")
    bk.rolling_backup(store, "manual", keep=1, now=NOW + dt.timedelta(days=9))
    assert other.exists() and len(bk.list_backups(db_path)) == 1


def test_backup_is_a_consistent_private_copy_made_in_steps(store, services, world, tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr(bk, "STEP_PAGES", 5)
    steps: list[tuple[int, int]] = []
    out = bk.backup_store(store, tmp_path / "b.db", progress=lambda d, t: steps.append((d, t)))
    assert len(steps) > 3 and steps[-1][0] == steps[-1][1]  # several steps, then done
    assert _titles(out) == {t.title for t in services.tasks.list(world.plan_id)}
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    copy = open_store(out)
    try:
        assert len(Services(copy).tasks.list(world.plan_id)) == len(world.template.tasks)
    finally:
        copy.close()


def test_cancelled_backup_writes_nothing(store, tmp_path, monkeypatch):
    monkeypatch.setattr(bk, "STEP_PAGES", 5)

    def cancel(done: int, total: int) -> None:
        if done >= 10:
            raise bk.BackupCancelled()

    with pytest.raises(bk.BackupCancelled):
        bk.backup_store(store, tmp_path / "c.db", progress=cancel)
    assert list(tmp_path.glob("c.db*")) == []


def test_restore_validates_then_replaces_and_keeps_the_current_content(
        store, services, world, tmp_path, db_path):
    good = bk.backup_store(store, tmp_path / "good.db")
    services.tasks.update(world.manager, world.tasks["tmall_ready"], title="changed after")
    safety = bk.restore_into(store, good, keep=5)
    assert "changed after" in _titles(safety)  # what was there is kept as a backup
    assert "changed after" not in {t.title for t in services.tasks.list(world.plan_id)}
    assert safety in bk.list_backups(db_path)
    # the restored database is usable at once
    services.tasks.update(world.manager, world.tasks["tmall_ready"], title="after restore")


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_refuses_a_bad_file_and_changes_nothing(store, services, world, tmp_path,
                                                        db_path, content, dump_store):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    before = dump_store(store)
    with pytest.raises(StorageError):
        bk.restore_into(store, bad)
    assert dump_store(store) == before
    assert bk.list_backups(db_path) == []  # refused before anything was written


def test_restore_of_a_truncated_backup_is_refused(store, tmp_path, dump_store):
    good = bk.backup_store(store, tmp_path / "good.db")
    data = good.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 2])
    before = dump_store(store)
    with pytest.raises(BackupError):
        bk.restore_into(store, cut)
    assert dump_store(store) == before


def test_read_only_store_cannot_be_restored(seeded_copy, tmp_path):
    path = seeded_copy("ro.db")
    good = bk.backup_file(path, tmp_path / "g.db")
    store = open_store(path, readonly=True)
    try:
        with pytest.raises(StorageError):
            bk.restore_into(store, good)
    finally:
        store.close()


def test_cli_backup_and_restore_with_keep(seeded_copy, tmp_path, capsys, monkeypatch):
    from opsdesk.cli import main
    from tests.conftest import MANAGER_PASSWORD

    monkeypatch.setenv("OPSDESK_PASSWORD", MANAGER_PASSWORD)
    db = seeded_copy("cli.db")
    me = ["--user", "manager"]
    assert main(["--db", str(db), "backup", "--out", str(tmp_path / "m.db"), *me]) == 0
    assert main(["--db", str(db), "backup", "--keep", "2", *me]) == 0  # into the backups folder
    assert len(bk.list_backups(db)) == 1
    assert main(["--db", str(db), "restore", str(tmp_path / "m.db"), "--keep", "2", *me]) == 0
    assert len(bk.list_backups(db)) == 2
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(bad), *me]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing was changed" in err


def test_a_damaged_database_is_replaced_by_a_backup_and_kept_aside(seeded_copy, world,
                                                                    tmp_path):
    from opsdesk.errors import CorruptDatabase

    db = seeded_copy("dmg.db")
    store = open_store(db)
    good = bk.rolling_backup(store, "auto")
    store.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])  # a half-copied file
    with pytest.raises(CorruptDatabase):
        open_store(db)
    bad = tmp_path / "bad.db"
    bad.write_text("no")
    with pytest.raises(StorageError):
        bk.replace_damaged(db, bad)
    assert db.read_bytes() == data[: len(data) // 3]  # a refused backup changes nothing
    aside = bk.replace_damaged(db, good)
    assert aside.read_bytes() == data[: len(data) // 3]
    again = open_store(db)
    try:
        assert len(Services(again).tasks.list(world.plan_id)) == len(world.template.tasks)
    finally:
        again.close()
