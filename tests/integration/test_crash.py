"""Crash safety: a process is SIGKILLed at random points in the middle of bulk edits and
KPI imports; after each kill the file passes integrity_check and every action is wholly
there (with its change-log entry) or wholly absent."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.workers import BULK_SIZE, CRASH_PREFIX, KPI_DAYS, KPI_FIRST_DAY

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _start(mode: str, db: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.workers", mode, str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("ready"), proc.stderr.read() if proc.stderr else first
    return proc, first


def _kill_at_random(proc: subprocess.Popen, rng: random.Random, longest: float) -> list[str]:
    time.sleep(rng.uniform(0.0, longest))  # a random point in the middle of the work
    os.kill(proc.pid, signal.SIGKILL)
    out, _err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the worker stopped before it was killed"
    return [line for line in out.splitlines() if line.startswith("ack ")]


def _check_file(db: Path) -> sqlite3.Connection:
    con = sqlite3.connect(db)  # replays or discards the WAL the killed process left
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    return con


def _check_bulk(db: Path, acked: list[str], launch0: dt.date, due0: str | None,
                first_task: int, before: tuple[int, int]) -> tuple[int, int]:
    """``acked`` holds this run's acknowledgements, ``before`` the (bulks, shifts) logged
    before it; returns the counts logged after it."""
    con = _check_file(db)
    try:
        shifts = con.execute("SELECT count(*) FROM changes WHERE entity='plan' AND action='shift'"
                             ).fetchone()[0]
        launch = dt.date.fromisoformat(con.execute("SELECT launch_date FROM plans").fetchone()[0])
        # every date moved exactly as often as the log says the plan was shifted
        assert launch == launch0 + dt.timedelta(days=shifts)
        if due0 is not None:
            due = con.execute("SELECT due FROM tasks WHERE id=?", (first_task,)).fetchone()[0]
            assert dt.date.fromisoformat(due) == dt.date.fromisoformat(due0) + dt.timedelta(
                days=shifts)
        logged = con.execute("SELECT count(*) FROM changes WHERE entity='task' "
                             "AND action='bulk_create'").fetchone()[0]
        groups = dict(con.execute(
            "SELECT substr(title, 1, instr(substr(title, length(?) + 1), '-') + length(?)), "
            "count(*) FROM tasks WHERE title LIKE ? GROUP BY 1",
            (CRASH_PREFIX, CRASH_PREFIX, CRASH_PREFIX + "%")).fetchall())
        assert all(n == BULK_SIZE for n in groups.values()), groups  # whole or absent
        assert len(groups) == logged  # …and with its change-log entry
        acked_bulks = sum(1 for a in acked if a.startswith("ack bulk"))
        acked_shifts = sum(1 for a in acked if a.startswith("ack shift"))
        new_bulks, new_shifts = logged - before[0], shifts - before[1]
        # nothing acknowledged is lost; the kill can land between a commit and its
        # acknowledgement, so one action per run may be committed without one
        assert new_bulks >= acked_bulks and new_shifts >= acked_shifts
        assert new_bulks + new_shifts <= acked_bulks + acked_shifts + 1
        return logged, shifts
    finally:
        con.close()


def _check_kpi(db: Path, kpi_id: int, acked: list[str], before: int) -> int:
    """``acked`` holds this run's acknowledgements, ``before`` the imports logged before it."""
    con = _check_file(db)
    try:
        logged = con.execute("SELECT count(*) FROM changes WHERE entity='kpi_values' "
                             "AND action='import'").fetchone()[0]
        last = KPI_FIRST_DAY + dt.timedelta(days=KPI_DAYS - 1)
        values = con.execute("SELECT value FROM kpi_values WHERE kpi_id=? AND day BETWEEN ? AND ?",
                             (kpi_id, KPI_FIRST_DAY.isoformat(), last.isoformat())).fetchall()
        if logged == 0:
            assert values == []
        else:
            # one import sets every day: all days hold the value of the last logged import
            assert len(values) == KPI_DAYS and {v for (v,) in values} == {float(logged)}
        # at most one import per run committed but killed before it was acknowledged
        assert len(acked) <= logged - before <= len(acked) + 1
        return logged
    finally:
        con.close()


def _run(seeded_copy, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    bulk_db, kpi_db = seeded_copy("bulk.db"), seeded_copy("kpi.db")
    con = sqlite3.connect(bulk_db)
    launch0 = dt.date.fromisoformat(con.execute("SELECT launch_date FROM plans").fetchone()[0])
    first_task, due0 = con.execute("SELECT id, due FROM tasks WHERE due IS NOT NULL "
                                   "ORDER BY id LIMIT 1").fetchone()
    con.close()
    bulk_logged, kpi_logged = (0, 0), 0
    acked_bulk = acked_kpi = 0
    for n in range(runs):
        if n % 2 == 0:
            proc, _ = _start("crash-bulk", bulk_db)
            acked = _kill_at_random(proc, rng, 0.6)
            bulk_logged = _check_bulk(bulk_db, acked, launch0, due0, first_task, bulk_logged)
            acked_bulk += len(acked)
        else:
            proc, ready = _start("crash-kpi", kpi_db)
            kpi_id = int(ready.split()[1])
            acked = _kill_at_random(proc, rng, 0.4)
            kpi_logged = _check_kpi(kpi_db, kpi_id, acked, kpi_logged)
            acked_kpi += len(acked)
    # the kills landed while work was going on, not only before the first action
    assert acked_bulk and acked_kpi


def test_sigkill_during_bulk_edits_and_kpi_imports(seeded_copy):
    _run(seeded_copy, runs=10, seed=7)


@pytest.mark.slow
def test_sigkill_fifty_times_at_random_points(seeded_copy):
    _run(seeded_copy, runs=60, seed=20261126)
