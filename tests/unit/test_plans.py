"""Plans: made from the template, shifted with launch day, phases edited, and the overview."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from opsdesk.errors import NotFound, PermissionDenied, ValidationError
from opsdesk.model import Kpi, KpiTarget, Phase, Role, Task, TaskLink, TaskSeries
from opsdesk.services import Actor, Services

D = dt.date
LAUNCH = D(2026, 9, 1)


def _count(store, model, *where) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _all_dates(services: Services, plan_id: int) -> dict[str, object]:
    """Every date of a plan, keyed by what it belongs to."""
    out: dict[str, object] = {"launch": services.plans.get(plan_id).launch_date}
    for p in services.plans.phases(plan_id):
        out[f"phase {p.key}"] = (p.start, p.end)
    for t in services.tasks.list(plan_id):
        out[f"task {t.id}"] = (t.start, t.due)
    for k in services.kpis.list(plan_id):
        for tg in services.kpis.targets(k.id):
            out[f"target {tg.id}"] = (tg.period_start, tg.period_end)
    with services.store.read() as s:
        for sid, start, until in s.execute(select(TaskSeries.id, TaskSeries.start,
                                                  TaskSeries.until)
                                           .where(TaskSeries.plan_id == plan_id)):
            out[f"series {sid}"] = (start, until)
    return out


def _moved(dates: dict[str, object], days: int, stay: frozenset[str] = frozenset()
           ) -> dict[str, object]:
    def mv(v):
        if v is None:
            return None
        if isinstance(v, tuple):
            return tuple(mv(x) for x in v)
        return v + dt.timedelta(days=days)
    return {k: v if k in stay else mv(v) for k, v in dates.items()}


def _stays(services: Services, plan_id: int) -> frozenset[str]:
    """What moving launch day leaves alone in a fresh plan: the festivals and the work
    hanging on them (anchored, not launch-relative), and the targets on calendar months."""
    with services.store.read() as s:
        anchored = {f"task {i}" for (i,) in s.execute(select(Task.id).where(
            Task.plan_id == plan_id, Task.anchor_kind != "launch"))}
        monthly = {f"target {i}" for i, a, b in s.execute(
            select(KpiTarget.id, KpiTarget.period_start, KpiTarget.period_end).join(
                Kpi, Kpi.id == KpiTarget.kpi_id).where(Kpi.plan_id == plan_id))
            if a.day == 1 and (b + dt.timedelta(days=1)).day == 1}
    return frozenset(anchored | monthly)


# ---- create from template


def test_create_from_template_on_a_fresh_database(empty_store, clock):
    from opsdesk.templates import load_template

    services = Services(empty_store, clock)
    template = load_template("ecommerce-launch")
    ch = services.plans.create_from_template(Actor.system(), template, LAUNCH)
    plan_id = ch.plan_id
    assert ch.plans and ch.tasks and ch.kpis and ch.people and ch.ids == {plan_id}

    plan = services.plans.get(plan_id)
    assert (plan.name, plan.launch_date, plan.currency, plan.template_key) == (
        "电商开店运营计划", LAUNCH, "CNY", "ecommerce-launch")

    roles = services.people.roles()
    assert [r.key for r in roles] == ["operations", "designer", "customer_service", "warehouse",
                                      "promotion", "planning"]
    assert {r.name_zh for r in roles} == {"运营", "美工", "客服", "仓管", "推广", "策划"}

    phases = services.plans.phases(plan_id)
    assert [(p.key, p.start, p.end) for p in phases] == [
        ("preparation", D(2026, 8, 1), D(2026, 8, 31)),
        ("launch", D(2026, 9, 1), D(2026, 9, 30)),
        ("growth", D(2026, 10, 1), D(2026, 12, 31)),
    ]

    tasks = services.tasks.list(plan_id)
    assert len(tasks) == len(template.tasks) >= 40
    milestones = [t for t in tasks if t.is_milestone]
    assert len(milestones) == sum(t.milestone for t in template.tasks) >= 10
    assert {t.status for t in tasks} == {"todo"} and {t.version for t in tasks} == {1}
    by_pos = {t.position: t for t in tasks}
    by_key = {spec.key: by_pos[i] for i, spec in enumerate(template.tasks)}
    key_of = {row.id: key for key, row in by_key.items()}
    online = by_key["ms_online"]
    assert (online.start, online.due, online.is_milestone, online.priority) == (
        LAUNCH, LAUNCH, True, "urgent")
    assert online.title == "天猫店上线"  # no "里程碑:" prefix: the ◆ says it
    assert (by_key["team"].start, by_key["team"].due) == (D(2026, 8, 1), D(2026, 8, 10))
    assert by_key["ms_cstore"].due == D(2026, 11, 30)  # L+3m-1
    assert by_key["tmall_photos"].parent_id == by_key["tmall_ready"].id
    role_ids = {r.key: r.id for r in roles}
    assert by_key["logistics"].role_id == role_ids["warehouse"]
    phase_ids = {p.key: p.id for p in phases}
    assert by_key["double11"].phase_id == phase_ids["growth"]

    links = services.tasks.links(plan_id)
    assert len(links) == sum(len(t.after) for t in template.tasks)
    link_pairs = {(key_of[p], key_of[s]) for p, s, _, _ in links}
    assert {("tmall_ready", "ms_online"), ("logistics", "ms_online"),
            ("selection", "targets")} <= link_pairs

    kpis = services.kpis.list(plan_id)
    assert len(kpis) == len(template.kpis) == 15
    sales = next(k for k in kpis if k.key == "sales")
    assert (sales.unit, sales.direction, sales.aggregation, sales.owner_role_id) == (
        "CNY", "higher", "sum", role_ids["operations"])
    targets = [(t.period_start, t.period_end, t.low, t.high)
               for t in services.kpis.targets(sales.id)]
    assert sorted(targets) == sorted([
        (D(2026, 9, 1), D(2026, 9, 30), 200000, None),
        (D(2026, 10, 1), D(2026, 10, 31), 400000, None),
        (D(2026, 11, 1), D(2026, 11, 30), 900000, None),
        (D(2026, 12, 1), D(2026, 12, 31), 1500000, None),
        (D(2026, 9, 1), D(2026, 12, 31), 3000000, None),
    ])
    roi = next(k for k in kpis if k.key == "roi")
    assert [(t.low, t.high) for t in services.kpis.targets(roi.id)] == [(3, 5)]

    # one action, one entry
    entries = services.audit.recent()
    assert len(entries) == 1 and entries[0].id == ch.change_id
    assert (entries[0].entity, entries[0].action, entries[0].after["tasks"]) == (
        "plan", "create", len(template.tasks))


def test_second_plan_reuses_roles_and_can_be_english(services: Services, world):
    roles_before = services.people.roles()
    ch = services.plans.create_from_template(world.manager, world.template, D(2027, 3, 1),
                                             lang="en")
    assert services.people.roles() == roles_before
    assert services.plans.get(ch.plan_id).name == "E-commerce shop launch plan"
    titles = {t.title for t in services.tasks.list(ch.plan_id)}
    assert "Tmall store online" in titles
    assert [p.id for p in services.plans.list()] == [world.plan_id, ch.plan_id]
    # the first plan is untouched
    assert len(services.tasks.list(world.plan_id)) == len(world.template.tasks)
    # month arithmetic near a month end: L+1m-1 from 2027-03-01 is 2027-03-31
    assert [(p.start, p.end) for p in services.plans.phases(ch.plan_id)][1] == (
        D(2027, 3, 1), D(2027, 3, 31))


def test_create_from_template_validates(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.plans.create_from_template(world.manager, world.template, D(1999, 1, 1))
    assert info.value.field == "launch_date"
    with pytest.raises(ValidationError):
        services.plans.create_from_template(world.manager, world.template, LAUNCH, name="  ")
    # launch day is in bounds but the growth phase would end after 2100-12-31
    with pytest.raises(ValidationError):
        services.plans.create_from_template(world.manager, world.template, D(2100, 11, 1))
    assert snapshot() == before


# ---- shift and launch day


@pytest.mark.parametrize("days", [10, -30, 1, 365])
def test_shift_moves_what_hangs_on_launch_day_in_one_action(services: Services, world, change_count, days):
    boss = world.manager
    # a routine too: its dates move with the plan
    with services.store.write() as s:
        s.add(TaskSeries(plan_id=world.plan_id, rule="FREQ=DAILY", start=LAUNCH,
                         until=D(2026, 9, 30)))
    before = _all_dates(services, world.plan_id)
    versions = {t.id: t.version for t in services.tasks.list(world.plan_id)}
    n_changes = change_count()

    ch = services.plans.shift(boss, world.plan_id, days)

    after = _all_dates(services, world.plan_id)
    stay = _stays(services, world.plan_id)
    assert len([k for k in stay if k.startswith("task")]) == 11  # festivals and their work
    assert after == _moved(before, days, stay)
    assert after["launch"] == LAUNCH + dt.timedelta(days=days)
    assert {t.id: t.version for t in services.tasks.list(world.plan_id)} == {
        k: v + (f"task {k}" not in stay) for k, v in versions.items()}
    assert change_count() == n_changes + 1
    entry = services.audit.recent(limit=1)[0]
    assert entry.id == ch.change_id
    assert (entry.entity, entry.entity_id, entry.action) == ("plan", world.plan_id, "shift")
    assert entry.before == {"launch_date": LAUNCH.isoformat()}
    assert entry.after == {"launch_date": after["launch"].isoformat(), "days": days,
                           "moved": len(versions) - len([k for k in stay if k[:4] == "task"]),
                           "kept": len([k for k in stay if k[:4] == "task"])}
    assert ch.plans and ch.tasks and ch.kpis


def test_shift_leaves_other_plans_alone(services: Services, world):
    other = services.plans.create_from_template(world.manager, world.template, D(2027, 3, 1))
    before = _all_dates(services, other.plan_id)
    services.plans.shift(world.manager, world.plan_id, 5)
    assert _all_dates(services, other.plan_id) == before


def test_set_launch_date_shifts_by_the_difference(services: Services, world):
    before = _all_dates(services, world.plan_id)
    new_launch = D(2026, 10, 15)
    services.plans.set_launch_date(world.manager, world.plan_id, new_launch)
    assert services.plans.get(world.plan_id).launch_date == new_launch
    assert _all_dates(services, world.plan_id) == _moved(before, (new_launch - LAUNCH).days,
                                                         _stays(services, world.plan_id))
    entry = services.audit.recent(limit=1)[0]
    assert (entry.after["launch_date"], entry.after["days"]) == ("2026-10-15", 44)


@pytest.mark.parametrize(
    "call",
    [
        # growth would end in 2101
        lambda s, w: s.plans.set_launch_date(w.manager, w.plan_id, D(2100, 11, 1)),
        # launch day itself out of bounds
        lambda s, w: s.plans.set_launch_date(w.manager, w.plan_id, D(2101, 1, 1)),
        # preparation would start in 1999
        lambda s, w: s.plans.shift(w.manager, w.plan_id, -(LAUNCH - D(2000, 1, 15)).days),
        lambda s, w: s.plans.shift(w.manager, w.plan_id, 100_000),
        # beyond what a date can hold at all: still a clear ValidationError
        lambda s, w: s.plans.shift(w.manager, w.plan_id, 3_000_000),
        lambda s, w: s.plans.shift(w.manager, w.plan_id, -3_000_000),
    ],
    ids=["task-beyond-2100", "launch-beyond-2100", "phase-before-2000", "far-future",
         "overflow", "overflow-back"],
)
def test_shift_out_of_bounds_changes_nothing(services: Services, world, snapshot, call):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        call(services, world)
    assert "outside 2000-01-01 … 2100-12-31" in info.value.message
    assert snapshot() == before


def test_shift_edge_of_bounds_is_allowed(services: Services, world):
    # preparation starts L-1m = 2026-08-01: shift it to exactly 2000-01-01
    days = -(D(2026, 8, 1) - D(2000, 1, 1)).days
    services.plans.shift(world.manager, world.plan_id, days)
    assert services.plans.phases(world.plan_id)[0].start == D(2000, 1, 1)


def test_shift_unknown_plan(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(NotFound):
        services.plans.shift(world.manager, 999, 3)
    with pytest.raises(NotFound):
        services.plans.set_launch_date(world.manager, 999, LAUNCH)
    assert snapshot() == before


def test_shift_denied_for_staff_changes_nothing(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.plans.shift(world.actors["ops"], world.plan_id, 3)
    assert snapshot() == before


def test_shift_zero_days_changes_no_dates(services: Services, world):
    before = _all_dates(services, world.plan_id)
    services.plans.shift(world.manager, world.plan_id, 0)
    assert _all_dates(services, world.plan_id) == before


# ---- phases


def test_update_phase(services: Services, world):
    pid = world.phases["launch"]
    ch = services.plans.update_phase(world.manager, pid, end=D(2026, 10, 5),
                                     name_en=" Soft launch ", color="#000000")
    phase = next(p for p in services.plans.phases(world.plan_id) if p.id == pid)
    assert (phase.start, phase.end, phase.name_en, phase.color) == (
        LAUNCH, D(2026, 10, 5), "Soft launch", "#000000")
    assert phase.name("zh_CN") == "开张期(试运营)" and phase.name("en") == "Soft launch"
    entry = services.audit.recent(limit=1)[0]
    assert entry.id == ch.change_id
    assert entry.before["end"] == "2026-09-30" and entry.after["end"] == "2026-10-05"


@pytest.mark.parametrize(
    "values",
    [
        {"end": D(2026, 8, 31)},
        {"start": D(2026, 10, 1)},
        {"start": D(1990, 1, 1)},
        {"name_en": "   "},
    ],
)
def test_update_phase_validation(services: Services, world, snapshot, values):
    before = snapshot()
    with pytest.raises(ValidationError):
        services.plans.update_phase(world.manager, world.phases["launch"], **values)
    assert snapshot() == before


def test_update_phase_unknown(services: Services, world):
    with pytest.raises(NotFound):
        services.plans.update_phase(world.manager, 999, name_en="x")


# ---- overview


def _expected_overdue(services: Services, plan_id: int, today: dt.date) -> list[int]:
    return [t.id for t in services.tasks.list(plan_id) if t.is_overdue(today)]


def test_overview_figures(services: Services, world):
    t, boss = world.tasks, world.manager
    today = D(2026, 8, 20)
    ov = services.overview.overview(world.plan_id, today, overdue_limit=5)
    total = len(world.template.tasks)
    assert ov.plan.id == world.plan_id and ov.today == today
    assert ov.counts == {"todo": total} and ov.total == total
    expected_overdue = _expected_overdue(services, world.plan_id, today)
    assert ov.overdue_total == len(expected_overdue) > 5
    assert len(ov.overdue) == 5  # the limit
    assert [o.due for o in ov.overdue] == sorted(o.due for o in ov.overdue)
    assert ov.overdue[0].id == t["team_hire_first"]  # due L-26 = 2026-08-06, the earliest
    assert ov.milestones_total == sum(s.milestone for s in world.template.tasks)
    assert ov.milestones_done == 0
    # ms_team (08-10) and ms_selection (08-15) are past; the store goes online on 09-01
    assert ov.next_milestone.id == t["ms_online"]
    assert ov.days_to_next_milestone() == 12
    assert [p.phase.key for p in ov.phases] == ["preparation", "launch", "growth"]
    prep = ov.phases[0]
    assert prep.is_current(today) and not ov.phases[1].is_current(today)
    assert prep.total == sum(1 for s in world.template.tasks if s.phase == "preparation")
    assert prep.done == 0 and prep.progress == 0.0
    assert prep.overdue == ov.overdue_total  # nothing later than preparation is late yet
    assert prep.elapsed(today) == pytest.approx(20 / 31)

    # work gets done, one task is cancelled, one is assigned
    services.tasks.tick_off(world.actors["ops"], t["team_hire_first"])
    services.tasks.tick_off(boss, t["ms_online"])
    services.tasks.update(boss, t["selection"], status="cancelled")
    services.tasks.update(boss, t["team_sop"], status="doing", assignee_id=world.users["ops"])
    ov = services.overview.overview(world.plan_id, today, overdue_limit=100, milestone_limit=3)
    assert ov.counts == {"todo": total - 4, "done": 2, "cancelled": 1, "doing": 1}
    assert ov.total == total
    expected_overdue = _expected_overdue(services, world.plan_id, today)
    assert ov.overdue_total == len(expected_overdue)
    assert {o.id for o in ov.overdue} == set(expected_overdue)
    assert t["selection"] not in {o.id for o in ov.overdue}
    sop = next(o for o in ov.overdue if o.id == t["team_sop"])
    assert (sop.assignee, sop.status) == ("Ops", "doing")
    assert ov.milestones_done == 1
    assert len(ov.milestones) == 3
    # ms_online is done, so the next is the Mid-Autumn promotion on L+24
    assert ov.next_milestone.id == t["midautumn"]
    assert ov.days_to_next_milestone() == (D(2026, 9, 25) - today).days
    prep = ov.phases[0]
    expected_prep = sum(1 for s in world.template.tasks if s.phase == "preparation") - 1
    assert (prep.total, prep.done) == (expected_prep, 1)  # cancelled work does not count
    assert prep.progress == pytest.approx(1 / expected_prep)
    launch_phase = ov.phases[1]
    assert launch_phase.done == 1 and launch_phase.overdue == 0


def test_overview_milestone_due_today_counts_and_none_after_the_end(services: Services, world):
    ov = services.overview.overview(world.plan_id, LAUNCH)
    assert ov.next_milestone.id == world.tasks["ms_online"]
    assert ov.days_to_next_milestone() == 0
    late = services.overview.overview(world.plan_id, D(2027, 6, 1))
    assert late.next_milestone is None and late.days_to_next_milestone() is None
    assert late.overdue_total == len(world.template.tasks)
    assert all(p.elapsed(D(2027, 6, 1)) == 1.0 for p in late.phases)


def test_overview_orders_overdue_by_due_then_priority(services: Services, world):
    boss, today = world.manager, D(2026, 8, 20)
    made = {}
    for priority in ("low", "high", "normal", "urgent"):
        made[priority] = next(iter(services.tasks.create(
            boss, world.plan_id, title=f"Late {priority}", due=D(2026, 7, 1),
            priority=priority).ids))
    ov = services.overview.overview(world.plan_id, today, overdue_limit=4)
    assert [o.id for o in ov.overdue] == [made[p] for p in ("urgent", "high", "normal", "low")]


def test_overview_overdue_per_phase_group(services: Services, world):
    """Each phase's overdue count (and the total) is the tasks' own rule, for every group:
    open statuses, milestones, and tasks in no phase; done, cancelled and skipped work past
    its date is not overdue."""
    boss, today = world.manager, D(2026, 9, 20)
    rows = services.tasks.list(world.plan_id)
    late = [r for r in rows if r.due is not None and r.due < today]
    assert len(late) > 12
    changes = [("doing", None), ("blocked", None), ("done", None), ("cancelled", None),
               ("skipped", None), ("todo", "no phase"), ("blocked", "no phase"),
               ("done", "no phase")]
    for row, (status, phase) in zip(late[::2], changes, strict=False):
        fields: dict[str, object] = {"status": status}
        if phase:
            fields["phase_id"] = None
        services.tasks.update(boss, row.id, **fields)
    milestone = next(r for r in rows if r.is_milestone and r.due is not None)
    services.tasks.update(boss, milestone.id, due=today - dt.timedelta(days=3))
    rows = services.tasks.list(world.plan_id)
    assert any(r.phase_id is None and r.is_overdue(today) for r in rows)
    ov = services.overview.overview(world.plan_id, today)
    expected: dict[int | None, int] = {}
    for r in rows:
        if r.is_overdue(today):
            expected[r.phase_id] = expected.get(r.phase_id, 0) + 1
    assert {p.phase.id: p.overdue for p in ov.phases} == {
        p.phase.id: expected.get(p.phase.id, 0) for p in ov.phases}
    assert ov.overdue_total == sum(expected.values()) > 0
    assert ov.milestones_total == sum(r.is_milestone and r.status not in ("cancelled", "skipped")
                                      for r in rows)


def test_overview_unknown_plan(services: Services):
    with pytest.raises(NotFound):
        services.overview.overview(999, LAUNCH)


def test_seeded_database_matches_template(services: Services, world):
    """The fixture database is what create_from_template makes, plus the team."""
    store = services.store
    assert _count(store, Role) == 6
    assert _count(store, Phase, Phase.plan_id == world.plan_id) == 3
    assert _count(store, Task, Task.plan_id == world.plan_id) == len(world.template.tasks)
    assert _count(store, Kpi, Kpi.plan_id == world.plan_id) == len(world.template.kpis)
    assert _count(store, KpiTarget) == sum(len(k.targets) for k in world.template.kpis)
    assert _count(store, TaskLink) == sum(len(t.after) for t in world.template.tasks)
    assert set(world.actors) == set(world.users)
