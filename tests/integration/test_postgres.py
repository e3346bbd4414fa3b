"""The same app on a PostgreSQL server (run with OPSDESK_TEST_PG_URL set: ``make test-pg``):
``migrate-to``, several writers, LISTEN/NOTIFY change detection, refusals that differ."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opsdesk.errors import StorageError
from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.store.watch import ChangeWatcher
from tests.integration.test_concurrency import check_nothing_lost, run_editors

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_empty():
    if not os.environ.get("OPSDESK_TEST_PG_URL"):
        pytest.skip("no PostgreSQL test server (set OPSDESK_TEST_PG_URL)")
    from tests.pg_helpers import empty_database

    with empty_database() as url:
        yield url


@pytest.fixture
def pg_seeded(pg_empty, seeded):
    from opsdesk.services.migrate_to import migrate_to

    source = open_store(seeded[0], readonly=True)
    try:
        migrate_to(source, pg_empty)
    finally:
        source.close()
    return pg_empty


def test_migrate_to_copies_everything_and_the_server_works(seeded_copy, pg_empty, world,
                                                           capsys, monkeypatch):
    from opsdesk.cli import main
    from tests.conftest import MANAGER_PASSWORD

    monkeypatch.setenv("OPSDESK_PASSWORD", MANAGER_PASSWORD)  # migrate-to: a manager

    db = seeded_copy("src.db")
    source = open_store(db, readonly=True)
    src = Services(source)
    expected = {t.id: (t.title, t.due, t.parent_id) for t in src.tasks.list(world.plan_id)}
    logged = len(src.audit.recent(world.plan_id, 10_000))
    source.close()
    assert main(["--db", str(db), "migrate-to", pg_empty, "--user", "manager"]) == 0
    assert "copied" in capsys.readouterr().out
    server = open_store(pg_empty)
    try:
        services = Services(server)
        got = {t.id: (t.title, t.due, t.parent_id) for t in services.tasks.list(world.plan_id)}
        assert got == expected
        assert len(services.audit.recent(world.plan_id, 10_000)) == logged
        # the id sequences moved past the copied rows: new rows get new ids
        created = services.tasks.create(world.manager, world.plan_id, title="on the server")
        assert min(created.ids) > max(expected)
        assert services.people.authenticate("ops").login == "ops"
    finally:
        server.close()
    # a second copy into the same (now full) database is refused and changes nothing
    assert main(["--db", str(db), "migrate-to", pg_empty, "--user", "manager"]) == 1


def test_cli_runs_against_the_server(pg_seeded, world):
    out = subprocess.run([sys.executable, "-m", "opsdesk", "--db", pg_seeded, "tasks", "list",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == len(world.template.tasks)


def test_backups_of_a_server_are_refused_clearly(pg_seeded):
    from opsdesk.store.backup import auto_backup_if_due, backup_store

    store = open_store(pg_seeded)
    try:
        with pytest.raises(StorageError) as info:
            backup_store(store, Path("/tmp/never.db"))
        assert "pg_dump" in info.value.message
        assert auto_backup_if_due(store) is None
    finally:
        store.close()


def test_two_processes_on_the_server_lose_nothing(pg_seeded):
    lines = run_editors(pg_seeded, workers=2, edits=1000, seed=3)
    store = open_store(pg_seeded)
    try:
        check_nothing_lost(store, lines, 2, 1000)
    finally:
        store.close()


def test_listen_notify_sees_another_process_within_two_seconds(pg_seeded, world):
    store = open_store(pg_seeded)
    watcher = ChangeWatcher(store)
    assert watcher._pg is not None, "LISTEN failed; the watcher fell back to polling the log"
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.workers", "write-once",
                             pg_seeded, str(world.tasks["tmall_ready"]), "other"],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert watcher.poll() is None
        proc.stdin.write("1\n")
        proc.stdin.flush()
        committed = json.loads(proc.stdout.readline())["committed"]
        seen = None
        while seen is None and time.time() - committed < 2.0:
            seen = watcher.poll()
            time.sleep(0.05)
        assert seen is not None and seen.tasks and world.tasks["tmall_ready"] in seen.ids
        assert watcher.poll() is None
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        watcher.close()
        store.close()


# ---- the app role's grants (resources/postgres/grants.sql)

@pytest.fixture
def pg_granted(pg_seeded):
    """(URL as a login in opsdesk_app, URL as a login in opsdesk_managers)."""
    from tests.pg_helpers import apply_grants, login_as

    apply_grants(pg_seeded)
    apply_grants(pg_seeded)  # idempotent: run again after every schema upgrade
    return (login_as(pg_seeded, "opsdesk_t_staff", "opsdesk_app"),
            login_as(pg_seeded, "opsdesk_t_boss", "opsdesk_managers"))


def _refused(url: str, sql: str) -> bool:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ProgrammingError

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
    except ProgrammingError as exc:
        return "permission denied" in str(exc) or "row-level security" in str(exc)
    finally:
        engine.dispose()
    return False


def _count(url: str, sql: str) -> int:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(sql).scalar_one()
    finally:
        engine.dispose()


def test_the_app_role_cannot_make_managers_set_hashes_or_rewrite_the_log(pg_granted):
    app_url, _ = pg_granted
    assert _refused(app_url, "UPDATE users SET is_manager = true")
    assert _refused(app_url, "UPDATE users SET password_hash = 'x' WHERE login = 'manager'")
    assert _refused(app_url, "UPDATE changes SET action = 'nothing'")
    assert _refused(app_url, "DELETE FROM changes")
    assert _refused(app_url, "INSERT INTO users (name, login, role_id, is_manager, "
                             "password_hash, active) SELECT 'x', 'evil', role_id, true, 'x', "
                             "true FROM users LIMIT 1")
    assert _refused(app_url, "UPDATE change_rows SET old = NULL")
    assert _refused(app_url, "UPDATE alembic_version SET version_num = 'x'")
    assert _refused(app_url, "CREATE TABLE mine (id int)")
    logged = _count(app_url, "SELECT count(*) FROM change_rows")
    assert logged > 0
    # claimed row-log rows are out of reach of the app role's DELETE and UPDATE
    from sqlalchemy import create_engine

    engine = create_engine(app_url)
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("DELETE FROM change_rows").rowcount == 0
            assert conn.exec_driver_sql("UPDATE change_rows SET change_id = 1").rowcount == 0
    finally:
        engine.dispose()
    assert _count(app_url, "SELECT count(*) FROM change_rows") == logged


def test_the_app_role_does_the_everyday_work(pg_granted, world):
    from opsdesk.errors import AuthError
    from tests.conftest import MANAGER_PASSWORD

    app_url, boss_url = pg_granted
    store = open_store(app_url)
    try:
        services = Services(store)
        assert services.people.authenticate("ops").login == "ops"
        with pytest.raises(AuthError):  # counted: the app role updates the counter
            services.people.authenticate("manager", "wrong")
        manager = services.people.authenticate("manager", MANAGER_PASSWORD)
        task_id = world.tasks["tmall_ready"]
        services.tasks.tick_off(manager, task_id)
        services.tasks.update(manager, task_id, title="on the server, by the app role")
        created = services.people.create_user(manager, "新同事", "newbie", "customer_service")
        new_id = min(created.ids)
        services.people.update_user(manager, new_id, name="新同事二")
        assert services.tasks.get(task_id).title == "on the server, by the app role"
        # a password or the manager flag: not with the shared app role …
        with pytest.raises(StorageError, match="permission denied"):
            services.people.set_password(manager, new_id, "a-long-password")
        boss = Services(open_store(boss_url))  # … but with a login in opsdesk_managers
        try:
            boss.people.set_password(manager, new_id, "a-long-password")
            with pytest.raises(StorageError, match="permission denied"):
                services.people.update_user(manager, new_id, is_manager=True)
            boss.people.update_user(manager, new_id, is_manager=True)
        finally:
            boss.store.close()
        assert services.people.authenticate("newbie", "a-long-password").login == "newbie"
        assert services.people.needs_password("newbie")
    finally:
        store.close()


def test_the_settings_never_hold_a_server_password(pg_seeded, qapp, tmp_path, monkeypatch):
    """Opening the real server with a password in the URL (the server trusts this test's
    connections, so any password does) leaves it out of the settings file."""
    from argparse import Namespace

    from PySide6.QtCore import QCoreApplication, QSettings
    from sqlalchemy.engine import make_url

    from opsdesk.app import OpsDeskApp

    QCoreApplication.setOrganizationName("OpsDeskTests")
    QCoreApplication.setApplicationName("OpsDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    url = make_url(pg_seeded).set(password="pw-Not-In-Files").render_as_string(
        hide_password=False)
    app = OpsDeskApp(Namespace(db=url, lang="en", user=None))
    monkeypatch.setattr(app, "_offer_to_remember", lambda target: False)
    store = app.open_database(url)
    assert store is not None
    store.close()
    app.settings.sync()
    text = (tmp_path / "settings").rglob("*.ini").__next__().read_text(encoding="utf-8")
    assert "pw-Not-In-Files" not in text
    assert app.settings.last_db() == make_url(pg_seeded).render_as_string(hide_password=False)
