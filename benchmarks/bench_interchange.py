"""Interchange figures: Planner import (10k, 100k tasks), XLSX/CSV export (100k), weekly report."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import tempfile
import time
from pathlib import Path

TARGETS = {
    "import_planner_10k_s": (2.0, "parse + import a 10k-task .planner file"),
    "import_planner_100k_s": (15.0, "parse + import a 100k-task .planner file"),
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
    """A .planner file of the generated plan (made once, cached beside the db)."""
    from opsdesk.interchange.planner import write_planner
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    out = DATA / f"{Path(gen.path).stem}.planner"
    if not out.exists():
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
    from opsdesk.interchange.gan import parse_gan
    from opsdesk.interchange.planner import parse_planner
    from opsdesk.services import Actor
    from opsdesk.services.imports import ImportService
    from opsdesk.store import open_store

    store = open_store(tmp / f"import-{file.stem}.db", create=True)
    try:
        started = time.perf_counter()
        parse = parse_gan if file.suffix == ".gan" else parse_planner
        doc = parse(file.read_bytes(), file.name)
        ImportService(store).import_plan(Actor.system(), doc, file=file.name)
        return time.perf_counter() - started
    finally:
        store.close()


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
