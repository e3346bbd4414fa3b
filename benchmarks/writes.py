"""Service-level write timings on a copy of the generated 10k-task plan (in process, no Qt).

- tick-off: ``tasks.tick_off`` of 200 open tasks, each by the member of staff it is assigned
  to (the "My work" click); ``time.perf_counter`` around each service call, after a few
  untimed calls that warm SQLAlchemy's statement cache.
- shift: ``plans.shift`` of the whole plan by +7/-7/+7 days (one action each), median.
"""

from __future__ import annotations

import math
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import Generated, sign_in
from opsdesk.services import Services
from opsdesk.store import open_store

TICKS = 200
WARMUP_TICKS = 5
SHIFT_RUNS = 3
SEED = 7


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0…100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def tickoff_and_shift(plan: Generated, ticks: int = TICKS, shift_runs: int = SHIFT_RUNS,
                      log: Callable[[str], None] | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(plan.path, db)
        store = open_store(db)
        try:
            sv = Services(store)
            staff = {}
            for login in plan.staff_logins:
                actor = sv.people.authenticate(login)
                staff[actor.user_id] = actor
            open_tasks = [t for t in sv.tasks.list(plan.plan_id, status=("todo", "doing", "blocked"))
                          if t.assignee_id in staff]
            if len(open_tasks) < ticks + WARMUP_TICKS:
                raise RuntimeError(f"only {len(open_tasks)} open assigned tasks to tick off")
            picked = random.Random(SEED).sample(open_tasks, ticks + WARMUP_TICKS)
            for t in picked[:WARMUP_TICKS]:
                sv.tasks.tick_off(staff[t.assignee_id], t.id)
            times_ms = []
            for t in picked[WARMUP_TICKS:]:
                actor = staff[t.assignee_id]
                started = time.perf_counter()
                sv.tasks.tick_off(actor, t.id)
                times_ms.append((time.perf_counter() - started) * 1000)
            if log:
                log(f"  tick-off: {ticks} calls, min {min(times_ms):.2f} ms, "
                    f"max {max(times_ms):.2f} ms")

            manager = sign_in(sv.people, plan.manager_login)
            shifts = []
            for i in range(shift_runs):
                days = 7 if i % 2 == 0 else -7
                started = time.perf_counter()
                sv.plans.shift(manager, plan.plan_id, days)
                shifts.append(time.perf_counter() - started)
            if log:
                log("  shift: " + ", ".join(f"{s:.3f} s" for s in shifts))
        finally:
            store.close()
    return {
        "tickoff_service_ms_p50": round(percentile(times_ms, 50), 2),
        "tickoff_service_ms_p95": round(percentile(times_ms, 95), 2),
        "shift_10k_plan_s": round(statistics.median(shifts), 3),
    }
