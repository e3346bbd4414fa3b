"""Several people at once: processes editing one database, each seeing the others' writes,
no acknowledged write lost, the change log accounting for every one; network shares."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.store.watch import ChangeWatcher

ROOT = Path(__file__).resolve().parents[2]


def run_editors(target: str, workers: int, edits: int, seed: int = 1) -> list[dict]:
    """Start ``workers`` processes making ``edits`` random edits each; their output lines."""
    start_at = time.time() + 2.0  # all begin together, after their imports
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.integration.workers", "edits", target, str(w), str(edits),
         str(seed * 100 + w), str(start_at)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(workers)]
    lines: list[dict] = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        lines += [json.loads(line) for line in out.splitlines()]
    return lines


def check_nothing_lost(store, lines: list[dict], workers: int, edits: int) -> None:
    """Every acknowledged edit is in the log exactly once, each edit's ``before`` is the
    previous edit's ``after`` (no update was lost between two writers), and each task ends
    with the last edit made to it."""
    from sqlalchemy import select

    from opsdesk.model import Change, Task

    acks = [x for x in lines if "cid" in x]
    assert len(acks) == workers * edits
    assert len({a["cid"] for a in acks}) == len(acks)
    with store.read() as s:
        rows = s.execute(select(Change.id, Change.entity_id, Change.before, Change.after)
                         .where(Change.entity == "task", Change.action == "update")
                         .order_by(Change.id)).all()
        final = dict(s.execute(select(Task.id, Task.notes)).all())
    logged = {r.id: r for r in rows if (r.after or {}).get("notes", "").startswith("w")}
    assert set(logged) == {a["cid"] for a in acks}  # the log accounts for every one
    for a in acks:
        row = logged[a["cid"]]
        assert row.entity_id == a["task"] and row.after["notes"] == a["notes"]
    last: dict[int, str] = {}
    for cid in sorted(logged):
        row = logged[cid]
        if row.entity_id in last:
            assert row.before["notes"] == last[row.entity_id], "an update was lost"
        last[row.entity_id] = row.after["notes"]
    for task_id, notes in last.items():
        assert final[task_id] == notes


def test_two_processes_a_thousand_edits_each_lose_nothing(seeded_copy):
    db = seeded_copy("shared.db")
    lines = run_editors(str(db), workers=2, edits=1000)
    store = open_store(db)
    try:
        check_nothing_lost(store, lines, 2, 1000)
        done = [x for x in lines if "done" in x]
        assert len(done) == 2, lines  # (their speed is measured in make bench, not here)
    finally:
        store.close()


@pytest.mark.slow
def test_four_processes_a_thousand_edits_each_lose_nothing(seeded_copy):
    db = seeded_copy("shared4.db")
    lines = run_editors(str(db), workers=4, edits=1000, seed=4)
    store = open_store(db)
    try:
        check_nothing_lost(store, lines, 4, 1000)
    finally:
        store.close()


# ---- seeing each other's changes

def test_watcher_sees_another_connections_write_and_not_its_own(seeded_copy, world):
    db = seeded_copy("w.db")
    mine, theirs = open_store(db), open_store(db)
    try:
        watcher = ChangeWatcher(mine)
        assert watcher.poll() is None
        own = Services(mine).tasks.update(world.manager, world.tasks["tmall_ready"], notes="me")
        watcher.ignore(own.change_id)
        assert watcher.poll() is None  # already applied by the window
        other = Services(theirs).tasks.update(world.manager, world.tasks["tmall_ready"],
                                              notes="them")
        seen = watcher.poll()
        assert seen is not None and seen.tasks and seen.change_id == other.change_id
        assert world.tasks["tmall_ready"] in seen.ids
        assert watcher.poll() is None
        Services(theirs).people.create_role(world.manager, "r1", "角色", "Role")
        seen = watcher.poll()
        assert seen.people and not seen.tasks
        watcher.close()
    finally:
        mine.close()
        theirs.close()


def test_another_process_write_is_seen_within_two_seconds(seeded_copy, world):
    db = seeded_copy("x.db")
    store = open_store(db)
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.workers", "write-once",
                             str(db), str(world.tasks["tmall_ready"]), "other"],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        watcher = ChangeWatcher(store)
        proc.stdin.write("1\n")
        proc.stdin.flush()
        committed = json.loads(proc.stdout.readline())["committed"]
        seen = None
        while seen is None and time.time() - committed < 2.0:
            seen = watcher.poll()
            time.sleep(0.05)
        assert seen is not None and seen.tasks
        assert time.time() - committed < 2.0
        watcher.close()
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        store.close()


# ---- network shares

def test_network_share_detected_from_mounts(tmp_path):
    from opsdesk.store.netfs import filesystem_type, is_network_share

    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n"
                      "//server/team /mnt/team cifs rw 0 0\n"
                      "srv:/export /mnt/nfs\\040dir nfs4 rw 0 0\n")
    os.environ.pop("OPSDESK_ASSUME_NETWORK_SHARE", None)
    assert filesystem_type(Path("/mnt/team/plan.db"), str(mounts)) == "cifs"
    assert is_network_share(Path("/mnt/team/sub/plan.db"), str(mounts))
    assert is_network_share(Path("/mnt/nfs dir/plan.db"), str(mounts))
    assert not is_network_share(Path("/home/me/plan.db"), str(mounts))
    assert not is_network_share(Path("/mnt/teamx/plan.db"), str(mounts))
    assert is_network_share(Path("//server/share/plan.db"), str(mounts))


def test_network_share_uses_rollback_journal(seeded_copy, monkeypatch):
    db = seeded_copy("net.db")
    monkeypatch.setenv("OPSDESK_ASSUME_NETWORK_SHARE", "1")
    store = open_store(db)
    try:
        assert store.network_share
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        with store.write() as s:
            s.connection().exec_driver_sql("UPDATE plans SET name = name || '!'")
        assert not Path(f"{db}-wal").exists()
    finally:
        store.close()
    monkeypatch.setenv("OPSDESK_ASSUME_NETWORK_SHARE", "0")
    local = open_store(db)
    try:
        assert not local.network_share
        with local.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        local.close()


def test_a_waiting_writer_gets_the_lock_soon_after_release_and_gives_up_on_time(seeded_copy,
                                                                               world):
    import sqlite3
    import threading

    from opsdesk.errors import DatabaseLocked

    db = seeded_copy("lock.db")
    store = open_store(db, busy_timeout_ms=3000)
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    try:
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
        release.start()
        t0 = time.perf_counter()
        Services(store).tasks.update(world.manager, world.tasks["tmall_ready"], notes="waited")
        waited = time.perf_counter() - t0
        release.join()
        # waited for the other writer, then went once it was released (well before the
        # 3 s timeout; the bound is loose so that a loaded machine does not fail it)
        assert 0.25 <= waited < 2.5
        other.execute("BEGIN IMMEDIATE")
        quick = open_store(db, busy_timeout_ms=200)
        t0 = time.perf_counter()
        with pytest.raises(DatabaseLocked):
            Services(quick).tasks.update(world.manager, world.tasks["tmall_ready"], notes="no")
        assert 0.15 <= time.perf_counter() - t0 < 2.5  # gave up after its own 0.2 s, not 3 s
        other.execute("ROLLBACK")
        quick.close()
    finally:
        other.close()
        store.close()
