"""Storage figures: two writers on one database (lost writes, p95 edit latency) on SQLite
and PostgreSQL, how soon another process's change is seen, and the 100k-task backup.

- two writers: two processes (``tests/integration/workers.py edits``) make 1,000 random
  task edits each on a copy of the 1k-task plan, with optimistic concurrency. An edit is
  timed from the ``tasks.update`` call (the task's version was read before, as a screen
  shows it) until it is stored; a conflict's re-read and retry count in that edit's time.
  Both processes write at once, so each edit may wait for the other's. Lost = acknowledged edits the
  change log lacks, plus edits whose ``before`` is not the previous edit's ``after``.
- change seen: one process commits an edit 20 times; this one polls ``ChangeWatcher`` every
  ``POLL_INTERVAL_MS`` as the main window's timer does; time from commit to seen.
- backup: ``rolling_backup`` of a copy of the 100k-task database (SQLite backup API in
  steps, as the GUI's background backup runs it).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {
    "sqlite_two_writers_lost_writes": (0, "2 processes × 1,000 edits on one SQLite file: lost"),
    "sqlite_two_writers_edit_ms_p95": (50.0, "…p95 latency of one edit (ms)"),
    "postgres_two_writers_lost_writes": (0, "the same on PostgreSQL (OPSDESK_TEST_PG_URL)"),
    "postgres_two_writers_edit_ms_p95": (50.0, "…p95 latency of one edit on PostgreSQL (ms)"),
    "change_seen_s_p50": (1.0, "another process's commit seen by the watcher, median (s)"),
    "change_seen_s_max": (2.0, "…slowest of 20 (s)"),
    "backup_100k_s": (2.0, "rolling backup of the 100k-task database (s)"),
}
ROOT = Path(__file__).resolve().parent.parent
EDITS = 1000
WORKERS = 2
SEEN_RUNS = 20


def _editors(target: str) -> list[dict]:
    start_at = time.time() + 2.0
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.integration.workers", "edits", target, str(w), str(EDITS),
         str(100 + w), str(start_at)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(WORKERS)]
    lines: list[dict] = []
    for p in procs:
        out, err = p.communicate(timeout=900)
        if p.returncode != 0:
            raise RuntimeError(err.strip().splitlines()[-1] if err.strip() else "worker failed")
        lines += [json.loads(line) for line in out.splitlines()]
    return lines


def _lost(target: str, lines: list[dict]) -> int:
    from sqlalchemy import select

    from opsdesk.model import Change
    from opsdesk.store import open_store

    store = open_store(target)
    try:
        with store.read() as s:
            rows = {r.id: r for r in s.execute(
                select(Change.id, Change.entity_id, Change.before, Change.after)
                .where(Change.entity == "task", Change.action == "update"))}
    finally:
        store.close()
    acks = [x for x in lines if "cid" in x]
    lost = sum(1 for a in acks if a["cid"] not in rows
               or rows[a["cid"]].after.get("notes") != a["notes"])
    last: dict[int, str] = {}
    for cid in sorted(a["cid"] for a in acks if a["cid"] in rows):
        row = rows[cid]
        if row.entity_id in last and row.before.get("notes") != last[row.entity_id]:
            lost += 1
        last[row.entity_id] = row.after.get("notes")
    return lost


def _two_writers(target: str, prefix: str, log) -> dict[str, float]:
    lines = _editors(target)
    done = [x for x in lines if "done" in x]
    lost = _lost(target, lines)
    p95 = max(d["p95_ms"] for d in done)
    log(f"{prefix}: {sum(1 for x in lines if 'cid' in x)} edits acknowledged, "
        f"{sum(d['conflicts'] for d in done)} conflicts retried, lost {lost}, p95 {p95:.1f} ms")
    return {f"{prefix}_two_writers_lost_writes": float(lost),
            f"{prefix}_two_writers_edit_ms_p95": round(p95, 2)}


def _change_seen(db: str, log) -> dict[str, float]:
    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.store.watch import POLL_INTERVAL_MS, ChangeWatcher

    store = open_store(db)
    task_id = Services(store).tasks.list(Services(store).plans.list()[0].id)[0].id
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.workers", "write-once",
                             db, str(task_id), "seen"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    seen_s: list[float] = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        watcher = ChangeWatcher(store)
        next_poll = time.time()
        rng = random.Random(5)
        for n in range(SEEN_RUNS):
            time.sleep(rng.uniform(0, POLL_INTERVAL_MS / 1000))  # writes come at any moment
            proc.stdin.write(f"{n}\n")
            proc.stdin.flush()
            committed = json.loads(proc.stdout.readline())["committed"]
            while True:  # the GUI timer's cadence, not a tight loop
                time.sleep(max(0.0, next_poll - time.time()))
                next_poll += POLL_INTERVAL_MS / 1000
                if watcher.poll() is not None:
                    seen_s.append(time.time() - committed)
                    break
                if time.time() - committed > 10:
                    seen_s.append(10.0)
                    break
        watcher.close()
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        store.close()
    log(f"change seen after {statistics.median(seen_s):.2f} s median, {max(seen_s):.2f} s max "
        f"(poll every {POLL_INTERVAL_MS} ms)")
    return {"change_seen_s_p50": round(statistics.median(seen_s), 3),
            "change_seen_s_max": round(max(seen_s), 3)}


def _backup(plan, tmp: Path, log) -> dict[str, float]:
    from opsdesk.store import open_store
    from opsdesk.store.backup import rolling_backup

    db = tmp / "big.db"
    shutil.copyfile(plan.path, db)
    store = open_store(db)
    try:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            out = rolling_backup(store, "auto", keep=2)
            times.append(time.perf_counter() - t0)
    finally:
        store.close()
    log(f"backup of {db.stat().st_size / 1e6:.1f} MB: {statistics.median(times):.2f} s "
        f"median of 3 ({out.name})")
    return {"backup_100k_s": round(statistics.median(times), 3)}


def run(plans, log) -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-storage-") as tmp_:
        tmp = Path(tmp_)
        db = tmp / "shared.db"
        shutil.copyfile(plans[1_000].path, db)
        results.update(_two_writers(str(db), "sqlite", log))
        seen_db = tmp / "seen.db"
        shutil.copyfile(plans[1_000].path, seen_db)
        results.update(_change_seen(str(seen_db), log))
        results.update(_backup(plans[100_000], tmp, log))
        url = os.environ.get("OPSDESK_TEST_PG_URL")
        if not url:
            log("postgres_two_writers_*: skipped — no server (set OPSDESK_TEST_PG_URL)")
            return results
        sys.path.insert(0, str(ROOT))
        from opsdesk.services.migrate_to import migrate_to
        from opsdesk.store import open_store
        from tests.pg_helpers import empty_database

        with empty_database("opsdesk_bench") as target:
            source = open_store(plans[1_000].path, readonly=True)
            try:
                migrate_to(source, target)
            finally:
                source.close()
            results.update(_two_writers(target, "postgres", log))
    return results
