"""Generate benchmark plans with N tasks (1k, 10k, 100k) through the services' bulk paths.

A generated database holds one plan made from the e-commerce template, a team (a manager and
staff of every role; only the manager has a password, ``MANAGER_PASSWORD``, so ``--user``
signs in staff without a dialog), N tasks
in all (the template's plus ``tasks.bulk_create`` of the rest) spread over the phases, roles,
people and three and a half years of dates with statuses that look like a plan as of
``AS_OF``, and three years of daily values for every KPI of the template (``kpis.record``).

Everything goes through ``opsdesk.services`` with a fixed seed and a fixed clock, so a file
depends only on N, the KPI days, the seed, the generator version and the schema. Files are
cached under ``benchmarks/data/`` keyed by all of these; reruns just reuse them.

``python -m benchmarks.generate 1000 10000 100000`` builds (or finds) the cached files. No Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from opsdesk.services import Actor, Services
from opsdesk.services.tasks import NewTask
from opsdesk.store import open_store
from opsdesk.store.migrate import HEAD_REVISION
from opsdesk.templates import load_template

# Bump when what a generated file holds changes: cached files of older versions are ignored.
GENERATOR_VERSION = 1

DATA_DIR = Path(__file__).resolve().parent / "data"
SIZES = (1_000, 10_000, 100_000)
SEED = 20230901
TEMPLATE = "ecommerce-launch"
LAUNCH = dt.date(2023, 9, 1)
AS_OF = dt.date(2026, 9, 1)  # "today" in a generated plan (OPSDESK_TODAY when it is opened)
KPI_DAYS = (AS_OF - LAUNCH).days  # three years of daily values, launch day to the day before AS_OF
FIRST_DAY = LAUNCH - dt.timedelta(days=31)  # tasks start with the preparation phase …
LAST_DAY = AS_OF + dt.timedelta(days=182)  # … and run half a year past "today"
MANAGER_LOGIN = "manager"
MANAGER_PASSWORD = "bench-manager"  # a manager must have one (#12); staff have none


def sign_in(people, login: str):
    """Sign ``login`` in on a generated plan (the manager with ``MANAGER_PASSWORD``)."""
    return people.authenticate(login, MANAGER_PASSWORD if login == MANAGER_LOGIN else None)
_CLOCK_START = dt.datetime(2026, 9, 1, 1, 0, 0)  # naive UTC, like the services' clock


@dataclass(frozen=True)
class Generated:
    """What a generated database holds (also stored as JSON next to the file)."""

    path: str
    n_tasks: int
    kpi_days: int
    plan_id: int
    launch: str
    as_of: str
    manager_login: str
    staff_logins: list[str]
    users: int
    kpis: int
    kpi_values: int
    statuses: dict[str, int]
    seconds: float
    generator_version: int = GENERATOR_VERSION
    schema: str = HEAD_REVISION


class _Clock:
    """A fixed clock that moves one second per call: reproducible timestamps."""

    def __init__(self) -> None:
        self.now = _CLOCK_START

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


# ---- what the tasks look like

# role key → (weight, titles); "{n}" numbers the occurrence, "{d}" is the due date.
ROLE_WORK: dict[str, tuple[int, tuple[str, ...]]] = {
    "operations": (24, ("每日订单检查 {d}", "活动复盘 第{n}期", "经营数据周报 第{n}周",
                        "竞品价格巡检 {d}", "SKU 上下架调整 #{n}", "店铺评分跟进 {d}")),
    "designer": (14, ("主图优化 #{n}", "详情页改版 第{n}版", "活动海报 {d}",
                      "短视频剪辑 #{n}", "首页装修调整 {d}")),
    "customer_service": (20, ("中差评回访 {d}", "售后工单处理 {d}", "客服话术更新 第{n}版",
                              "客服排班 第{n}周", "咨询转化复盘 {d}")),
    "warehouse": (16, ("库存盘点 {d}", "发货异常件处理 {d}", "补货计划 #{n}",
                       "快递对账 第{n}周", "包材采购 #{n}")),
    "promotion": (16, ("直通车关键词优化 {d}", "淘宝客佣金调整 #{n}", "达人合作跟进 #{n}",
                       "推广预算复盘 第{n}周", "站外引流素材 {d}")),
    "planning": (10, ("活动策划 第{n}期", "会员权益方案 #{n}", "节日营销日历 {d}",
                      "新品上市方案 #{n}")),
}
NOTES = ("按上次复盘的结论执行,完成后在群里同步。", "需要和仓库确认库存后再定。",
         "参考竞品同期数据,控制预算在计划内。", "Deadline is firm: the campaign goes live that day.")
PRIORITIES = (("normal", 70), ("high", 15), ("low", 10), ("urgent", 5))
MILESTONE_SHARE = 0.005
UNASSIGNED_SHARE = 0.15
STAFF_PER_ROLE_TASKS = 3000  # one member of staff per role for every 3000 tasks (at least one)


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _status(rng: random.Random, start: dt.date, due: dt.date, as_of: dt.date) -> str:
    """A believable status for a task with these dates, as of ``as_of``."""
    if due < as_of - dt.timedelta(days=14):  # long past: nearly all done
        table = (("done", 0.93), ("cancelled", 0.04), ("todo", 0.015), ("blocked", 0.01), ("doing", 0))
    elif due < as_of:  # recently due
        table = (("done", 0.70), ("doing", 0.12), ("todo", 0.10), ("blocked", 0.04), ("cancelled", 0))
    elif start <= as_of:  # under way
        table = (("doing", 0.45), ("todo", 0.35), ("done", 0.12), ("blocked", 0))
    else:  # the future
        table = (("todo", 0.96), ("doing", 0.02), ("cancelled", 0))
    r = rng.random()
    for status, share in table[:-1]:
        if r < share:
            return status
        r -= share
    return table[-1][0]  # the rest


def _tasks(rng: random.Random, count: int, first_position: int, phases: list[tuple[int, dt.date]],
           roles: dict[str, int], people: dict[str, list[int]], as_of: dt.date,
           first_day: dt.date, last_day: dt.date) -> Iterator[NewTask]:
    """``count`` tasks spread evenly over [first_day, last_day], in date order."""
    role_keys = [k for k in ROLE_WORK if k in roles]
    weights = [ROLE_WORK[k][0] for k in role_keys]
    span = (last_day - first_day).days
    serial: dict[str, int] = {}
    for i in range(count):
        role = rng.choices(role_keys, weights=weights)[0]
        titles = ROLE_WORK[role][1]
        title_pattern = titles[i % len(titles)]
        serial[title_pattern] = serial.get(title_pattern, 0) + 1
        milestone = rng.random() < MILESTONE_SHARE
        start = first_day + dt.timedelta(days=min(span, int(span * (i + rng.random()) / count)))
        length = 0 if milestone else min(int(rng.expovariate(1 / 4)), 30)
        due = min(start + dt.timedelta(days=length), last_day)
        phase_id = phases[0][0]
        for pid, phase_start in phases:
            if phase_start <= start:
                phase_id = pid
        staff = people.get(role, [])
        assignee = None if not staff or rng.random() < UNASSIGNED_SHARE else rng.choice(staff)
        title = title_pattern.format(n=serial[title_pattern], d=due.isoformat())
        yield NewTask(
            title=("里程碑:" + title) if milestone else title,
            phase_id=phase_id, role_id=roles[role], assignee_id=assignee, start=start, due=due,
            status=_status(rng, start, due, as_of), priority=_weighted(rng, PRIORITIES),
            is_milestone=milestone, notes=rng.choice(NOTES) if rng.random() < 0.1 else "",
            position=first_position + i)


# ---- KPI values

def _kpi_base(kpi, targets, days_per_period: int = 30) -> float:
    """A plausible daily level for a KPI from its targets."""
    bounds = [(t.low, t.high, (t.period_end - t.period_start).days + 1) for t in targets]
    if kpi.aggregation == "sum":
        per_day = [(lo if lo is not None else hi) / days for lo, hi, days in bounds
                   if (lo is not None or hi is not None) and days <= 2 * days_per_period]
        return min(per_day) if per_day else 1000.0
    for lo, hi, _days in bounds:
        if lo is not None and hi is not None:
            return (lo + hi) / 2
        if lo is not None:
            return lo * 1.05
        if hi is not None:
            return hi * 0.9
    return 50.0


def kpi_series(rng: random.Random, kpi, targets, start: dt.date,
               days: int) -> list[tuple[dt.date, float]]:
    """Daily values: a level from the targets, growth (for sums), weekly rhythm and noise."""
    base = _kpi_base(kpi, targets)
    out = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        weekly = 1.0 + 0.12 * math.sin(2 * math.pi * day.weekday() / 7)
        if kpi.aggregation == "sum":
            trend = 0.4 + 1.6 * min(1.0, i / 365)  # ramps up over the first year
            value = base * trend * weekly * rng.lognormvariate(0, 0.15)
        else:
            value = base * (1 + 0.03 * math.sin(2 * math.pi * i / 365)) * (
                1 + 0.04 * (weekly - 1)) * (1 + rng.gauss(0, 0.03))
        if kpi.unit == "%":
            value = min(value, 100.0)
        out.append((day, round(max(value, 0.0), kpi.decimals)))
    return out


# ---- building a file

def generate(path: Path, n_tasks: int, *, kpi_days: int = KPI_DAYS, seed: int = SEED) -> Generated:
    """Build a database at ``path`` (which must not exist) holding a plan of ``n_tasks``."""
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    template = load_template(TEMPLATE)
    if n_tasks < len(template.tasks):
        raise ValueError(f"n_tasks must be at least the template's {len(template.tasks)} tasks")
    system = Actor.system()
    store = open_store(path, create=True)
    try:
        sv = Services(store, _Clock())
        plan_id = sv.plans.create_from_template(system, template, LAUNCH).plan_id
        roles = {r.key: r.id for r in sv.people.roles()}

        # The team: a manager (operations, with a password) and staff for every role (none).
        sv.people.create_user(system, "王经理", MANAGER_LOGIN, "operations", is_manager=True,
                              password=MANAGER_PASSWORD)
        manager = sv.people.authenticate(MANAGER_LOGIN, MANAGER_PASSWORD)
        per_role = max(1, n_tasks // STAFF_PER_ROLE_TASKS)
        staff_logins = []
        for role in roles:
            for k in range(1, per_role + 1):
                login = f"{role}{k}"
                sv.people.create_user(manager, f"{role} {k}", login, role)
                staff_logins.append(login)
        people: dict[str, list[int]] = {}
        for u in sv.people.users():
            if not u.is_manager:
                people.setdefault(next(k for k, v in roles.items() if v == u.role_id), []).append(u.id)

        # The last phase runs on with the plan (the template's ends four months after launch).
        phases = sv.plans.phases(plan_id)
        if phases[-1].end < LAST_DAY:
            sv.plans.update_phase(manager, phases[-1].id, end=LAST_DAY)
        phase_starts = [(p.id, p.start) for p in phases]

        sv.tasks.bulk_create(manager, plan_id, _tasks(
            rng, n_tasks - len(template.tasks), len(template.tasks), phase_starts, roles, people,
            AS_OF, FIRST_DAY, LAST_DAY))

        # By "today" the template's own work (launch preparation) is long done.
        for t in sv.tasks.list(plan_id):
            if t.position < len(template.tasks) and t.status != "done":
                sv.tasks.tick_off(manager, t.id)

        kpi_values = 0
        kpis = sv.kpis.list(plan_id)
        for kpi in kpis:
            series = kpi_series(rng, kpi, sv.kpis.targets(kpi.id), LAUNCH, kpi_days)
            sv.kpis.record(manager, kpi.id, series, source="import")
            kpi_values += len(series)

        statuses: dict[str, int] = {}
        for t in sv.tasks.list(plan_id):
            statuses[t.status] = statuses.get(t.status, 0) + 1
        users = len(sv.people.users())
    finally:
        store.close()
    return Generated(
        path=str(path), n_tasks=sum(statuses.values()), kpi_days=kpi_days, plan_id=plan_id,
        launch=LAUNCH.isoformat(), as_of=AS_OF.isoformat(), manager_login=MANAGER_LOGIN,
        staff_logins=staff_logins, users=users, kpis=len(kpis), kpi_values=kpi_values,
        statuses=dict(sorted(statuses.items())), seconds=round(time.perf_counter() - started, 2))


def cache_key(n_tasks: int, kpi_days: int = KPI_DAYS, seed: int = SEED) -> str:
    days = "" if kpi_days == KPI_DAYS else f"-d{kpi_days}"
    seeded = "" if seed == SEED else f"-r{seed}"
    return f"plan-{n_tasks}{days}{seeded}-g{GENERATOR_VERSION}-s{HEAD_REVISION}"


def cached(n_tasks: int, *, kpi_days: int = KPI_DAYS, seed: int = SEED,
           data_dir: Path = DATA_DIR, log=None) -> Generated:
    """The generated database for ``n_tasks`` from the cache, built on first use.

    Treat the returned file as read-only: copy it before writing to it.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    key = cache_key(n_tasks, kpi_days, seed)
    db, meta = data_dir / f"{key}.db", data_dir / f"{key}.json"
    if db.exists() and meta.exists():
        info = json.loads(meta.read_text(encoding="utf-8"))
        info["path"] = str(db)
        return Generated(**info)
    if log:
        log(f"generating a plan with {n_tasks} tasks → {db.name} (first run only)…")
    tmp = data_dir / f"{key}.{os.getpid()}.tmp"
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        info = generate(tmp, n_tasks, kpi_days=kpi_days, seed=seed)
        os.replace(tmp, db)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    info = Generated(**{**asdict(info), "path": str(db)})
    meta.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2), encoding="utf-8")
    if log:
        log(f"  {info.n_tasks} tasks, {info.kpi_values} KPI values in {info.seconds:.1f} s, "
            f"{db.stat().st_size / 1e6:.1f} MB")
    return info


def main(argv: list[str] | None = None) -> int:
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or list(SIZES)
    for n in sizes:
        info = cached(n, log=lambda m: print(m, flush=True))
        print(f"{info.path}: {info.n_tasks} tasks, {info.users} people, {info.kpis} KPIs × "
              f"{info.kpi_days} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
