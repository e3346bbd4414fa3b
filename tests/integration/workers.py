"""Child processes for the crash and concurrency tests (and bench_storage): run as
``python -m tests.integration.workers MODE DB ...``; each prints one line per
acknowledged (committed) action, flushed, so a parent that kills it knows what was done."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time

CRASH_PREFIX = "crash-"
BULK_SIZE = 800
KPI_DAYS = 366
KPI_FIRST_DAY = dt.date(2027, 1, 1)


def _open(target: str):
    from opsdesk.services import Services
    from opsdesk.store import open_store

    services = Services(open_store(target))
    manager = next(u for u in services.people.users() if u.is_manager)
    return services, services.people.actor_for(manager.id)


def _count_log(services, entity: str, action: str) -> int:
    from sqlalchemy import func, select

    from opsdesk.model import Change

    with services.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Change).where(
            Change.entity == entity, Change.action == action)))


def crash_bulk(target: str) -> None:
    """Alternate a plan shift (every date moves) and a bulk insert of BULK_SIZE tasks."""
    from opsdesk.services.tasks import NewTask

    services, actor = _open(target)
    plan_id = services.plans.list()[0].id
    i = _count_log(services, "task", "bulk_create") + 1
    print("ready", flush=True)
    while True:
        services.plans.shift(actor, plan_id, 1)
        print(f"ack shift {i}", flush=True)
        services.tasks.bulk_create(actor, plan_id, (
            NewTask(title=f"{CRASH_PREFIX}{i}-{k}", position=k) for k in range(BULK_SIZE)))
        print(f"ack bulk {i}", flush=True)
        i += 1


def crash_kpi(target: str) -> None:
    """Import a year of daily values of one KPI again and again, value = import number."""
    services, actor = _open(target)
    plan_id = services.plans.list()[0].id
    kpi_id = services.kpis.list(plan_id)[0].id
    i = _count_log(services, "kpi_values", "import") + 1
    days = [KPI_FIRST_DAY + dt.timedelta(days=d) for d in range(KPI_DAYS)]
    print(f"ready {kpi_id}", flush=True)
    while True:
        services.kpis.record(actor, kpi_id, [(d, float(i)) for d in days], source="import")
        print(f"ack kpi {i}", flush=True)
        i += 1


def edits(target: str, worker: int, count: int, seed: int, start_at: float = 0.0) -> None:
    """``count`` random task edits with optimistic concurrency; prints one JSON line per ack."""
    from opsdesk.errors import ConflictError

    services, actor = _open(target)
    plan_id = services.plans.list()[0].id
    ids = [t.id for t in services.tasks.list(plan_id)]
    rng = random.Random(seed)
    print(json.dumps({"ready": worker}), flush=True)
    while start_at and time.time() < start_at:
        time.sleep(0.005)
    latencies: list[float] = []
    conflicts = 0
    for i in range(count):
        task_id = rng.choice(ids)
        notes = f"w{worker}-{i}"
        version = services.tasks.get(task_id).version  # what the person's screen shows
        t0 = time.perf_counter()  # an edit: from the save click until it is stored
        while True:
            try:
                changes = services.tasks.update(actor, task_id, expected_version=version,
                                                notes=notes, priority=rng.choice(
                                                    ["low", "normal", "high"]))
                break
            except ConflictError:  # the reload-and-retry is part of this edit's time
                conflicts += 1
                version = services.tasks.get(task_id).version
        latencies.append((time.perf_counter() - t0) * 1000)
        print(json.dumps({"cid": changes.change_id, "task": task_id, "notes": notes}),
              flush=True)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    print(json.dumps({"done": worker, "p95_ms": p95, "conflicts": conflicts}), flush=True)


def write_once(target: str, task_id: int, notes: str) -> None:
    """Wait for a line on stdin, then make one edit and print the time it was committed."""
    services, actor = _open(target)
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        services.tasks.update(actor, task_id, notes=f"{notes}-{line.strip()}")
        print(json.dumps({"committed": time.time()}), flush=True)


if __name__ == "__main__":
    mode, target, *rest = sys.argv[1:]
    if mode == "crash-bulk":
        crash_bulk(target)
    elif mode == "crash-kpi":
        crash_kpi(target)
    elif mode == "edits":
        edits(target, int(rest[0]), int(rest[1]), int(rest[2]),
              float(rest[3]) if len(rest) > 3 else 0.0)
    elif mode == "write-once":
        write_once(target, int(rest[0]), rest[1])
    else:
        raise SystemExit(f"unknown mode {mode}")
