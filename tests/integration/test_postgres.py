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
                                                           capsys):
    from opsdesk.cli import main

    db = seeded_copy("src.db")
    source = open_store(db, readonly=True)
    src = Services(source)
    expected = {t.id: (t.title, t.due, t.parent_id) for t in src.tasks.list(world.plan_id)}
    logged = len(src.audit.recent(world.plan_id, 10_000))
    source.close()
    assert main(["--db", str(db), "migrate-to", pg_empty]) == 0
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
    assert main(["--db", str(db), "migrate-to", pg_empty]) == 1


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
