"""A big plan import does not copy its WAL into the database file while the importer waits
(``store.engine.defer_checkpoint``): the store's own thread does it afterwards. What was
imported is there for everyone at once, a colleague's edit in another process meanwhile is
kept, and the file alone holds everything once the store is closed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from opsdesk.errors import Cancelled
from opsdesk.interchange.planner import parse_planner
from opsdesk.services import Actor, Services
from opsdesk.services import imports as imports_module
from opsdesk.services.imports import ImportService
from opsdesk.store import open_store
from opsdesk.store.engine import Store
from tests.unit.test_import_stream import planner_text

ROOT = Path(__file__).resolve().parents[2]


def _autocheckpoint(store, pages: int) -> None:
    """Every connection of ``store`` from now on checkpoints after ``pages`` WAL pages (1:
    after any commit, as a big import's commit would)."""
    event.listen(store.engine, "connect",
                 lambda dbapi, _record: dbapi.execute(f"PRAGMA wal_autocheckpoint = {pages}"))
    store.engine.pool.dispose()


def _tasks_in(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute("SELECT count(*) FROM tasks").fetchone()[0]


@pytest.fixture
def boss_store(tmp_path, monkeypatch):
    monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", 50)  # the bulk path at 300
    store = open_store(tmp_path / "team.db", create=True)
    services = Services(store)
    services.people.create_role(Actor.system(), "operations", "运营", "Operations", "#1e88e5")
    services.people.create_user(Actor.system(), "经理", "boss", "operations", is_manager=True,
                                password="boss-pw1")
    yield store, services.people.authenticate("boss", "boss-pw1")
    store.close()


def test_the_import_returns_before_its_wal_is_copied_and_a_colleague_loses_nothing(
        boss_store, tmp_path, monkeypatch):
    store, boss = boss_store
    db = tmp_path / "team.db"
    _autocheckpoint(store, 1)
    started = []
    monkeypatch.setattr(Store, "checkpoint_soon", lambda self: started.append(self))
    size = db.stat().st_size
    doc = parse_planner(planner_text(300).encode(), "p.planner")
    changes = ImportService(store).import_plan(boss, doc, file="p.planner")

    # the commit copied nothing into the file (with 1 page it would have copied it all)…
    assert db.stat().st_size == size
    alone = tmp_path / "alone.db"
    shutil.copyfile(db, alone)
    assert _tasks_in(alone) == 0
    assert started == [store]  # …the store's thread is asked to
    with store.engine.connect() as conn:  # and the connection checkpoints as before
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1
    # another process sees the whole import at once (through the WAL)
    assert _tasks_in(db) == 300
    # a colleague edits one of the imported tasks in another process meanwhile
    task_id = Services(store).tasks.list(changes.plan_id)[0].id
    out = subprocess.run([sys.executable, "-m", "tests.integration.workers", "write-once",
                          str(db), str(task_id), "colleague"], input="1\n\n", cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0 and "committed" in out.stdout, out.stderr[-2000:]

    monkeypatch.undo()  # the store's real thread now copies the WAL into the file
    store.checkpoint_soon()
    assert store._checkpointer is not None
    store._checkpointer.join(timeout=60)
    assert db.stat().st_size > size
    # our own next edit is not lost either, nor the colleague's
    Services(store).tasks.update(boss, task_id + 1, notes="mine")
    store.close()
    alone.unlink()  # the file alone, without any -wal: everything is in it now
    shutil.copyfile(db, alone)
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    with sqlite3.connect(alone) as con:
        assert con.execute("SELECT count(*) FROM tasks").fetchone()[0] == 300
        notes = dict(con.execute("SELECT id, notes FROM tasks WHERE id IN (?, ?)",
                                 (task_id, task_id + 1)))
    assert notes == {task_id: "colleague-1", task_id + 1: "mine"}


def test_closing_the_store_waits_for_the_checkpoint(boss_store, tmp_path):
    store, boss = boss_store
    db = tmp_path / "team.db"
    doc = parse_planner(planner_text(300).encode(), "p.planner")
    ImportService(store).import_plan(boss, doc, file="p.planner")
    assert store._checkpointer is not None  # started by the import
    store.close()
    assert not store._checkpointer.is_alive()
    alone = tmp_path / "alone.db"
    shutil.copyfile(db, alone)
    with sqlite3.connect(alone) as con:
        assert con.execute("SELECT count(*) FROM tasks").fetchone()[0] == 300
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_cancelled_big_import_gives_its_connection_back_as_it_was(boss_store, tmp_path,
                                                                   monkeypatch):
    store, boss = boss_store
    _autocheckpoint(store, 7)
    monkeypatch.setattr(imports_module, "CHUNK", 40)
    doc = parse_planner(planner_text(300).encode(), "p.planner")
    with pytest.raises(Cancelled):
        ImportService(store).import_plan(boss, doc, file="p.planner",
                                         progress=lambda done, total: done < 80)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 7
    assert Services(store).plans.list() == []
    assert _tasks_in(tmp_path / "team.db") == 0


def test_a_small_write_checkpoints_as_before(boss_store, tmp_path, monkeypatch):
    """Only the big import puts its checkpoint off: an ordinary edit's commit copies the
    WAL into the file at once, as SQLite does."""
    store, boss = boss_store
    db = tmp_path / "team.db"
    _autocheckpoint(store, 1)
    started = []
    monkeypatch.setattr(Store, "checkpoint_soon", lambda self: started.append(self))
    Services(store).people.create_user(boss, "小王", "wang", "operations")
    assert started == []
    alone = tmp_path / "alone.db"  # the file alone holds the new person already
    shutil.copyfile(db, alone)
    with sqlite3.connect(alone) as con:
        assert con.execute("SELECT count(*) FROM users WHERE login = 'wang'").fetchone()[0] == 1


def test_a_big_kpi_import_leaves_its_checkpoint_to_the_store_too(boss_store, tmp_path,
                                                                 monkeypatch):
    """A shop export of many daily values: the write returns before its WAL is copied; the
    values are there for every reader at once and in the file alone after close."""
    import datetime as dt

    from opsdesk.services import kpis as kpis_module
    store, boss = boss_store
    db = tmp_path / "team.db"
    services = Services(store)
    plan_id = ImportService(store).import_plan(
        boss, parse_planner(planner_text(10).encode(), "p.planner"), file="p.planner").plan_id
    kpi_id = next(iter(services.kpis.create(boss, plan_id, key="orders", name_zh="订单",
                                            name_en="Orders").ids))
    store.close()  # (the import's own checkpoint done)
    store = open_store(db)
    _autocheckpoint(store, 1)
    started = []
    monkeypatch.setattr(kpis_module, "DEFER_CHECKPOINT_FROM", 100)
    monkeypatch.setattr(Store, "checkpoint_soon", lambda self: started.append(self))
    day0 = dt.date(2026, 1, 1)
    small = [(kpi_id, day0 + dt.timedelta(days=i), 1.0) for i in range(10)]
    Services(store).kpis.enter(boss, plan_id, small, "import", check=False)
    assert started == []  # a few values checkpoint at once, as before
    big = [(kpi_id, day0 + dt.timedelta(days=i), float(i)) for i in range(10, 310)]
    Services(store).kpis.enter(boss, plan_id, big, "import", check=False)
    assert started == [store]
    alone = tmp_path / "alone.db"
    shutil.copyfile(db, alone)
    with closing(sqlite3.connect(alone)) as con:  # the file alone: the small write only
        assert con.execute("SELECT count(*) FROM kpi_values").fetchone()[0] == 10
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:  # through the WAL
        assert con.execute("SELECT count(*) FROM kpi_values").fetchone()[0] == 310
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1
    monkeypatch.undo()  # the store's real thread copies it; close waits for it
    store.checkpoint_soon()
    store.close()
    alone.unlink()
    shutil.copyfile(db, alone)
    with closing(sqlite3.connect(alone)) as con:
        assert con.execute("SELECT count(*) FROM kpi_values").fetchone()[0] == 310


def test_on_a_network_share_the_import_commits_as_ever(tmp_path, monkeypatch):
    """A file on a network share uses SQLite's rollback journal (no WAL): there is no
    checkpoint to put off, the import commits straight into the file and starts no thread."""
    monkeypatch.setenv("OPSDESK_ASSUME_NETWORK_SHARE", "1")
    monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", 50)
    db = tmp_path / "share.db"
    store = open_store(db, create=True)
    try:
        assert store.network_share
        services = Services(store)
        services.people.create_role(Actor.system(), "operations", "运营", "Operations", "#1e88e5")
        services.people.create_user(Actor.system(), "经理", "boss", "operations",
                                    is_manager=True, password="boss-pw1")
        boss = services.people.authenticate("boss", "boss-pw1")
        ImportService(store).import_plan(boss, parse_planner(planner_text(300).encode(),
                                                             "p.planner"), file="p.planner")
        assert store._checkpointer is None
        assert not Path(f"{db}-wal").exists()
        alone = tmp_path / "alone.db"
        shutil.copyfile(db, alone)  # (the store still open: the file alone holds it all)
        assert _tasks_in(alone) == 300
    finally:
        store.close()
