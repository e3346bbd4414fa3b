"""Interchange figures: Planner import (10k, 100k, 300k tasks), XLSX/CSV export (100k), weekly report.

``import_planner_300k_s`` / ``import_planner_300k_peak_mb``: a child process
(``python -m benchmarks.bench_interchange <file> <db>``) reads the 300k plan's ``.planner``
file as it streams and imports it into a new database; the seconds are its parse + import
(as for 10k and 100k), the megabytes its peak resident set (VmHWM), read from outside in
``/proc`` while it runs and by the child at its end (``import_in_child``). The 300k plan is
the one bench_open opens (generated only when that is fast enough, else null).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {
    "import_planner_10k_s": (2.0, "parse + import a 10k-task .planner file"),
    "import_planner_100k_s": (15.0, "parse + import a 100k-task .planner file"),
    "import_planner_300k_s": (15.0, "parse + import a 300k-task .planner file into a new "
                                    "database (a child process)"),
    "import_planner_300k_settled_s": (None, "the same import until its database is closed, "
                                            "the WAL copied into the file (the checkpoint the "
                                            "import leaves to a thread of its own)"),
    "import_planner_300k_peak_mb": (300.0, "that child's peak RSS (VmHWM, read from outside "
                                           "when it ends)"),
    "export_xlsx_100k_s": (10.0, "export 100k tasks to XLSX"),
    "export_csv_100k_s": (2.0, "export 100k tasks to CSV"),
    "weekly_report_s": (3.0, "the sample's weekly report to PDF"),
    "import_gan_10k_s": (2.0, "parse + import a 10k-task GanttProject .gan file"),
    "mspdi_roundtrip_lost_fields": (0, "task and people fields of the sample that differ after "
                                       "an MSPDI export and an import into a new file"),
}
DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent


def _planner_file(gen, n: int) -> Path:
    """A .planner file of the generated plan (made once, cached beside the db; made again
    when the writer changed since)."""
    from opsdesk.interchange import planner
    from opsdesk.interchange.planner import write_planner
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    out = DATA / f"{Path(gen.path).stem}.planner"
    if not out.exists() or out.stat().st_mtime < Path(planner.__file__).stat().st_mtime:
        store = open_store(gen.path, readonly=True)
        try:
            out.write_bytes(write_planner(ExportService(store).plan_doc(gen.plan_id)))
        finally:
            store.close()
    return out


def _gan_file(gen) -> Path:
    """A .gan file of the generated plan (made once, cached beside the db)."""
    from opsdesk.interchange.gan import write_gan
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    out = DATA / f"{Path(gen.path).stem}.gan"
    if not out.exists():
        store = open_store(gen.path, readonly=True)
        try:
            out.write_bytes(write_gan(ExportService(store).plan_doc(gen.plan_id)))
        finally:
            store.close()
    return out


def _time_import(file: Path, tmp: Path) -> float:
    return _time_import_into(file, tmp / f"import-{file.stem}.db")


def import_in_child(file: Path, db: Path) -> tuple[float, float, float, float]:
    """(parse + import seconds, peak RSS in MB, the child's whole run in seconds, the import
    until its database was closed and checkpointed) of a child
    process importing ``file`` into the new database ``db``. The peak is the child's VmHWM:
    read from outside in ``/proc/<pid>/status`` while it runs, and by the child itself as
    its last act (the larger counts). Not ``wait4``'s ``ru_maxrss``: after a fork that also
    counts the parent's memory, which the child shared until it started Python."""
    with tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_interchange",
                                 str(file), str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=err)
        seen = 0.0
        while proc.poll() is None:
            seen = max(seen, vmhwm_mb(f"/proc/{proc.pid}/status"))
            time.sleep(0.02)
        whole = time.perf_counter() - began
        assert proc.stdout is not None
        with proc.stdout:
            out = json.loads(proc.stdout.read() or b"{}")
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError("the import child failed: "
                               + err.read().decode(errors="replace")[-2000:])
    return out["seconds"], max(seen, out["vmhwm_mb"]), whole, out["settled"]


def vmhwm_mb(status: str = "/proc/self/status") -> float:
    """The peak resident set (VmHWM) of a process, in MB; 0 once it is gone."""
    try:
        with open(status, encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _time_import_into(file: Path, db: Path) -> float:
    """Parse (streaming from the file, as the app reads it) + import into the new database
    ``db``, seconds (opening the new database is not counted)."""
    return _time_import_settled(file, db)[0]


def _time_import_settled(file: Path, db: Path) -> tuple[float, float]:
    """(parse + import, the same until the store is closed) in seconds: the second waits
    for the checkpoint a big import leaves to a thread of its own (``defer_checkpoint``),
    which the person importing does not wait for."""
    from opsdesk.services import Actor
    from opsdesk.services.imports import ImportService, read_plan_file
    from opsdesk.store import open_store

    store = open_store(db, create=True)
    try:
        started = time.perf_counter()
        ImportService(store).import_plan(Actor.system(), read_plan_file(file), file=file.name)
        took = time.perf_counter() - started
    finally:
        store.close()
    return took, time.perf_counter() - started


def run(plans, log) -> dict[str, float]:
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        tmp = Path(tmp)
        for n, name in ((10_000, "import_planner_10k_s"), (100_000, "import_planner_100k_s")):
            file = _planner_file(plans[n], n)
            results[name] = round(_time_import(file, tmp), 2)
            log(f"  {name}: {results[name]} s ({file.stat().st_size / 1e6:.1f} MB file)")
        results.update(_import_300k(plans, tmp, log))
        gan = _gan_file(plans[10_000])
        results["import_gan_10k_s"] = round(_time_import(gan, tmp), 2)
        log(f"  import_gan_10k_s: {results['import_gan_10k_s']} s "
            f"({gan.stat().st_size / 1e6:.1f} MB file)")
        lost = roundtrip_differences(ROOT / "opsdesk.db.sample", tmp)
        results["mspdi_roundtrip_lost_fields"] = len(lost)
        log(f"  mspdi_roundtrip_lost_fields: {len(lost)}"
            + "".join(f"\n    {line}" for line in lost[:10]))
        big = tmp / "big.db"
        shutil.copy(plans[100_000].path, big)
        store = open_store(big)
        try:
            ex = ExportService(store)
            for name, export, file in (("export_xlsx_100k_s", ex.tasks_xlsx, tmp / "t.xlsx"),
                                       ("export_csv_100k_s", ex.tasks_csv, tmp / "t.csv")):
                gc.collect()  # each figure starts from a clean heap
                started = time.perf_counter()
                rows = export(plans[100_000].plan_id, file)
                results[name] = round(time.perf_counter() - started, 2)
                log(f"  {name}: {results[name]} s ({rows} rows, {file.stat().st_size / 1e6:.1f} MB)")
        finally:
            store.close()
        sample = tmp / "sample.db"
        shutil.copy(ROOT / "opsdesk.db.sample", sample)
        results["weekly_report_s"] = round(_time_report(sample, tmp / "report.pdf"), 2)
    return results


def _import_300k(plans, tmp: Path, log) -> dict[str, float | None]:
    from benchmarks.bench_open import _big_plan

    big = _big_plan(plans, log)
    if big is None:
        return {"import_planner_300k_s": None, "import_planner_300k_settled_s": None,
                "import_planner_300k_peak_mb": None}
    file = _planner_file(big, 300_000)
    seconds, peak_mb, whole, settled = import_in_child(file, tmp / "import-300k.db")
    log(f"  import_planner_300k_s: {seconds:.2f} s ({settled:.2f} s until the database "
        f"was closed, its WAL copied into the file), peak {peak_mb:.0f} MB "
        f"({file.stat().st_size / 1e6:.1f} MB file; the child ran {whole:.1f} s in all; "
        f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())})")
    (tmp / "import-300k.db").unlink(missing_ok=True)
    return {"import_planner_300k_s": round(seconds, 2),
            "import_planner_300k_settled_s": round(settled, 2),
            "import_planner_300k_peak_mb": round(peak_mb, 1)}


def _time_report(db: Path, out: Path) -> float:
    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.ui.report.weekly import write_weekly_report

    store = open_store(db)
    try:
        started = time.perf_counter()
        write_weekly_report(Services(store), 1, dt.date(2026, 11, 16), out, "zh_CN")
        return time.perf_counter() - started
    finally:
        store.close()


# ---- the MSPDI round trip: what comes back of a plan exported and imported into a new file

TASK_FIELDS = ("title", "notes", "phase", "parent", "role", "assignee", "start", "due",
               "status", "priority", "milestone", "done_by", "done_at", "routine", "links",
               "anchor")
PERSON_FIELDS = ("name", "role", "manager", "active")


def plan_fields(store, plan_id: int) -> tuple[dict[tuple, dict], dict[str, dict]]:
    """The plan's tasks, keyed (title, due, n-th of that title and due), with every field a
    person sees as plain values (names, logins, keys rather than ids); and its people by login."""
    from sqlalchemy import select

    from opsdesk.model import Phase, Role, Task, TaskLink, TaskSeries, User

    with store.read() as s:
        phases = {pid: (key, zh, en, str(start), str(end)) for pid, key, zh, en, start, end in
                  s.execute(select(Phase.id, Phase.key, Phase.name_zh, Phase.name_en,
                                   Phase.start, Phase.end).where(Phase.plan_id == plan_id))}
        roles = dict(s.execute(select(Role.id, Role.key)).all())
        users = {uid: (login, name, role, manager, active) for uid, login, name, role, manager,
                 active in s.execute(select(User.id, User.login, User.name, User.role_id,
                                            User.is_manager, User.active))}
        series = {sid: (rule, str(start), str(until)) for sid, rule, start, until in
                  s.execute(select(TaskSeries.id, TaskSeries.rule, TaskSeries.start,
                                   TaskSeries.until).where(TaskSeries.plan_id == plan_id))}
        rows = s.execute(select(Task.id, Task.title, Task.notes, Task.phase_id, Task.parent_id,
                                Task.role_id, Task.assignee_id, Task.start, Task.due,
                                Task.status, Task.priority, Task.is_milestone, Task.done_by,
                                Task.done_at, Task.series_id, Task.anchor_kind,
                                Task.anchor_month, Task.anchor_day, Task.anchor_task_id,
                                Task.anchor_days)
                         .where(Task.plan_id == plan_id).order_by(Task.id)).all()
        links = s.execute(select(TaskLink.pred_id, TaskLink.succ_id, TaskLink.kind,
                                 TaskLink.lag_days).join(Task, Task.id == TaskLink.succ_id)
                          .where(Task.plan_id == plan_id)).all()
    key_of: dict[int, tuple] = {}
    seen: dict[tuple, int] = {}
    for r in rows:
        base = (r.title, str(r.due))
        seen[base] = seen.get(base, 0) + 1
        key_of[r.id] = (*base, seen[base])
    preds: dict[int, set] = {}
    for pred, succ, kind, lag in links:
        preds.setdefault(succ, set()).add((key_of.get(pred), kind, lag))
    login = {uid: u[0] for uid, u in users.items()}
    title = {r.id: r.title for r in rows}
    tasks = {}
    for r in rows:
        tasks[key_of[r.id]] = dict(
            title=r.title, notes=r.notes, phase=phases.get(r.phase_id),
            parent=key_of.get(r.parent_id), role=roles.get(r.role_id),
            assignee=login.get(r.assignee_id), start=str(r.start), due=str(r.due),
            status=r.status, priority=r.priority, milestone=bool(r.is_milestone),
            done_by=login.get(r.done_by), done_at=str(r.done_at)[:19] if r.done_at else None,
            routine=series.get(r.series_id), links=sorted(map(str, preds.get(r.id, ()))),
            # the anchor (the other task by its title); every field of it, launch day too
            anchor=(r.anchor_kind or "launch", r.anchor_month, r.anchor_day,
                    title.get(r.anchor_task_id) if r.anchor_task_id is not None else None,
                    r.anchor_days or 0))
    people = {u[0]: dict(name=u[1], role=roles.get(u[2]), manager=bool(u[3]), active=bool(u[4]))
              for u in users.values()}
    return tasks, people


def roundtrip_differences(db: Path, tmp: Path) -> list[str]:
    """Every task field (and every field of the people assigned or managing) of ``db``'s
    first plan that differs after ``export --format mspdi`` and an import into a new file."""
    from opsdesk.interchange.mspdi import parse_mspdi
    from opsdesk.services import Actor
    from opsdesk.services.exports import ExportService
    from opsdesk.services.imports import ImportService
    from opsdesk.store import open_store

    source = tmp / "roundtrip-source.db"
    shutil.copy(db, source)
    xml = tmp / "roundtrip.xml"
    store = open_store(source)
    try:
        plan_id = min(p for p, in store_plans(store))
        ExportService(store).mspdi(plan_id, xml)
        before, people_before = plan_fields(store, plan_id)
    finally:
        store.close()
    target = open_store(tmp / "roundtrip-target.db", create=True)
    try:
        changes = ImportService(target).import_plan(
            Actor.system(), parse_mspdi(xml.read_bytes(), xml.name), file=xml.name)
        assert changes.plan_id is not None
        after, people_after = plan_fields(target, changes.plan_id)
    finally:
        target.close()
    lost = []
    for key, fields in before.items():
        back = after.get(key)
        for name in TASK_FIELDS:
            if back is None or back[name] != fields[name]:
                lost.append(f"task {key}: {name} {fields[name]!r} → "
                            f"{back[name] if back else 'missing'!r}")
    used = {f["assignee"] for f in before.values()} | {f["done_by"] for f in before.values()} \
        | {login for login, p in people_before.items() if p["manager"]}
    for login in sorted(x for x in used if x):
        back = people_after.get(login)
        for name in PERSON_FIELDS:
            if back is None or back[name] != people_before[login][name]:
                lost.append(f"person {login}: {name} {people_before[login][name]!r} → "
                            f"{back[name] if back else 'missing'!r}")
    return lost


def store_plans(store) -> list[tuple[int]]:
    from sqlalchemy import select

    from opsdesk.model import Plan

    with store.read() as s:
        return [tuple(r) for r in s.execute(select(Plan.id)).all()]


if __name__ == "__main__":
    took, settled = _time_import_settled(Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps({"seconds": took, "settled": settled, "vmhwm_mb": vmhwm_mb()}))
