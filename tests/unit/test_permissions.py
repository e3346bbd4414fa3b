"""The permission matrix of design.md, action by action, for a manager, a member of staff
of the role concerned, and a member of staff of another role.

An allowed action writes exactly one change-log entry; a denied one raises
``PermissionDenied`` naming the person and leaves every table exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from opsdesk.errors import PermissionDenied
from opsdesk.services import Actor, Changes, Services
from opsdesk.services import permissions as perms
from opsdesk.services.tasks import NewTask

LAUNCH = dt.date(2026, 9, 1)  # the seeded plan's launch day (conftest.LAUNCH)


@dataclass
class Ctx:
    services: Services
    world: Any  # conftest.World

    def task(self, key: str) -> int:
        return self.world.tasks[key]

    def actor(self, login: str) -> Actor:
        return self.world.actors[login]


@dataclass(frozen=True)
class Case:
    id: str
    allowed: frozenset[str]  # of "manager", "staff", "other"
    act: Callable[[Ctx, Actor], Changes]
    prepare: Callable[[Ctx], Any] | None = None
    staff: str = "ops"  # staff of the role the action is about
    other: str = "designer"  # staff of another role
    right: str | None = field(default=None)  # text the denial message must contain


M = frozenset({"manager"})
MS = frozenset({"manager", "staff"})
ALL = frozenset({"manager", "staff", "other"})


def _assign(key: str, login: str) -> Callable[[Ctx], Any]:
    def prepare(c: Ctx) -> Any:
        c.services.tasks.update(c.world.manager, c.task(key), assignee_id=c.world.users[login])
    return prepare


def _tick(key: str, login: str) -> Callable[[Ctx], Any]:
    def prepare(c: Ctx) -> Any:
        c.services.tasks.tick_off(c.actor(login), c.task(key))
    return prepare


def _assign_and_tick(key: str, login: str) -> Callable[[Ctx], Any]:
    def prepare(c: Ctx) -> Any:
        _assign(key, login)(c)
        _tick(key, login)(c)
    return prepare


def _new_user(c: Ctx, a: Actor) -> Changes:
    return c.services.people.create_user(a, "New Person", "newbie", "warehouse")


CASES = [
    # ---- tasks: the manager builds the plan
    Case("tasks.create", M, lambda c, a: c.services.tasks.create(
        a, c.world.plan_id, title="Extra task", role_id=c.world.roles["operations"],
        phase_id=c.world.phases["preparation"], start=LAUNCH, due=LAUNCH),
        right="manager only"),
    Case("tasks.update.title", M, lambda c, a: c.services.tasks.update(
        a, c.task("selection"), title="Renamed")),
    Case("tasks.update.assign_self", M, lambda c, a: c.services.tasks.update(
        a, c.task("selection"), assignee_id=a.user_id)),
    Case("tasks.update.reschedule", M, lambda c, a: c.services.tasks.update(
        a, c.task("selection"), due=LAUNCH)),
    Case("tasks.update.status_done", M, lambda c, a: c.services.tasks.update(
        a, c.task("selection"), status="done")),
    Case("tasks.delete", M, lambda c, a: c.services.tasks.delete(a, c.task("selection"))),
    Case("tasks.link", M, lambda c, a: c.services.tasks.link(
        a, c.task("team"), c.task("logistics"))),
    Case("tasks.unlink", M, lambda c, a: c.services.tasks.unlink(
        a, c.task("selection"), c.task("ms_selection"))),
    Case("tasks.bulk_create", M, lambda c, a: c.services.tasks.bulk_create(
        a, c.world.plan_id, [NewTask(title=f"Bulk {i}") for i in range(3)])),
    # ---- tick off: own tasks, or unassigned tasks of one's role
    Case("tasks.tick_off.unassigned_of_role", MS, lambda c, a: c.services.tasks.tick_off(
        a, c.task("selection")), right="tick off"),
    Case("tasks.tick_off.unassigned_of_role.cs", MS, lambda c, a: c.services.tasks.tick_off(
        a, c.task("training")), staff="cs", other="warehouse"),
    Case("tasks.tick_off.milestone_of_role", MS, lambda c, a: c.services.tasks.tick_off(
        a, c.task("ms_selection"))),
    # assigned to ops, but the task belongs to the designer's role: the designer may not
    Case("tasks.tick_off.own_task_of_other_role", MS, lambda c, a: c.services.tasks.tick_off(
        a, c.task("tmall_photos")), prepare=_assign("tmall_photos", "ops")),
    # assigned to someone else of the same role: only the manager
    Case("tasks.tick_off.assigned_to_colleague", M, lambda c, a: c.services.tasks.tick_off(
        a, c.task("selection")), prepare=_assign("selection", "ops2")),
    # ---- reopen: who ticked it, or a manager
    Case("tasks.reopen.ticked_by_self", MS, lambda c, a: c.services.tasks.reopen(
        a, c.task("selection")), prepare=_tick("selection", "ops")),
    Case("tasks.reopen.own_assigned", MS, lambda c, a: c.services.tasks.reopen(
        a, c.task("tmall_photos")), prepare=_assign_and_tick("tmall_photos", "ops")),
    Case("tasks.reopen.ticked_by_colleague", M, lambda c, a: c.services.tasks.reopen(
        a, c.task("selection")), prepare=_tick("selection", "ops2")),
    Case("tasks.reopen.ticked_by_manager", M, lambda c, a: c.services.tasks.reopen(
        a, c.task("selection")), prepare=_tick("selection", "manager")),
    # ---- comments: anyone
    Case("tasks.comment", ALL, lambda c, a: c.services.tasks.comment(
        a, c.task("selection"), "Looks good")),
    Case("tasks.comment.other_role_task", ALL, lambda c, a: c.services.tasks.comment(
        a, c.task("double11_stock"), "Stock is counted")),
    # ---- plans: manager only
    Case("plans.shift", M, lambda c, a: c.services.plans.shift(a, c.world.plan_id, 7),
         right="manager only"),
    Case("plans.set_launch_date", M, lambda c, a: c.services.plans.set_launch_date(
        a, c.world.plan_id, LAUNCH + dt.timedelta(days=14))),
    Case("plans.update_phase", M, lambda c, a: c.services.plans.update_phase(
        a, c.world.phases["launch"], name_en="Soft launch", end=dt.date(2026, 10, 5))),
    Case("plans.create_from_template", M, lambda c, a: c.services.plans.create_from_template(
        a, c.world.template, dt.date(2027, 3, 1), name="Second shop")),
    # ---- anchored dates and next season (#13): manager only
    Case("anchors.set", M, lambda c, a: c.services.anchors.set(
        a, c.task("selection"), "date", month=8, day=18, year=2026)),
    Case("plan_copy.copy", M, lambda c, a: c.services.plan_copy.copy(
        a, c.world.plan_id, dt.date(2027, 9, 1)).changes),
    # ---- people: manager only, except one's own password
    Case("people.create_user", M, _new_user, right="manage people"),
    Case("people.update_user.other", M, lambda c, a: c.services.people.update_user(
        a, c.world.users["ops2"], name="Renamed")),
    Case("people.update_user.self", M, lambda c, a: c.services.people.update_user(
        a, a.user_id, name="Renamed myself")),
    Case("people.update_user.promote_self", M, lambda c, a: c.services.people.update_user(
        a, a.user_id, is_manager=True)),
    Case("people.create_role", M, lambda c, a: c.services.people.create_role(
        a, "analyst", "数据分析", "Analyst")),
    Case("people.set_extra_roles", M, lambda c, a: c.services.people.set_extra_roles(
        a, c.world.users["ops2"], [c.world.roles["designer"]])),
    Case("people.set_password.other", M, lambda c, a: c.services.people.set_password(
        a, c.world.users["cs"], "s3cret-for-cs")),
    Case("people.clear_password.other", M, lambda c, a: c.services.people.set_password(
        a, c.world.users["cs"], None)),
    Case("people.set_password.self", ALL, lambda c, a: c.services.people.set_password(
        a, a.user_id, "my-own-secret")),
    # ---- KPI actuals: the owner role, or a manager
    Case("kpis.record.sales", MS, lambda c, a: c.services.kpis.record(
        a, c.world.kpis["sales"], [(LAUNCH, 12345.0)]), right="KPI"),
    Case("kpis.record.daily_orders", MS, lambda c, a: c.services.kpis.record(
        a, c.world.kpis["daily_orders"], [(LAUNCH, 3), (LAUNCH + dt.timedelta(days=1), 5)]),
        staff="cs", other="ops"),
    Case("kpis.record.roi", MS, lambda c, a: c.services.kpis.record(
        a, c.world.kpis["roi"], [(LAUNCH, 3.5)]), staff="promo", other="cs"),
]

KINDS = ("manager", "staff", "other")


def _login(case: Case, kind: str) -> str:
    return {"manager": "manager", "staff": case.staff, "other": case.other}[kind]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_permission_matrix(case: Case, kind: str, services: Services, world, snapshot,
                           change_count) -> None:
    assert world.launch == LAUNCH
    ctx = Ctx(services, world)
    if case.prepare is not None:
        case.prepare(ctx)
    actor = world.actors[_login(case, kind)]
    before, before_count = snapshot(), change_count()

    if kind in case.allowed:
        changes = case.act(ctx, actor)
        assert isinstance(changes, Changes)
        assert change_count() == before_count + 1
        assert changes.change_id is not None
        last = services.audit.recent(limit=1)[0]
        assert last.id == changes.change_id
        assert last.user_id == actor.user_id
        assert snapshot() != before
    else:
        with pytest.raises(PermissionDenied) as info:
            case.act(ctx, actor)
        assert actor.name in info.value.message
        if case.right:
            assert case.right in info.value.message
        assert change_count() == before_count
        assert snapshot() == before


def test_matrix_covers_every_write_service() -> None:
    """A new write service must be added to the matrix above."""
    covered = {c.id.split(".")[0] + "." + c.id.split(".")[1] for c in CASES}
    expected = {
        "tasks.create", "tasks.update", "tasks.delete", "tasks.link", "tasks.unlink",
        "tasks.bulk_create", "tasks.tick_off", "tasks.reopen", "tasks.comment",
        "plans.shift", "plans.set_launch_date", "plans.update_phase",
        "plans.create_from_template", "anchors.set", "plan_copy.copy",
        "people.create_user", "people.update_user",
        "people.create_role", "people.set_password", "people.set_extra_roles", "kpis.record",
    }
    assert expected <= covered


def test_extra_role_lets_staff_tick_that_roles_tasks(services: Services, world) -> None:
    ops2 = world.users["ops2"]
    designer_task = world.tasks["tmall_photos"]
    with pytest.raises(PermissionDenied):
        services.tasks.tick_off(world.actors["ops2"], designer_task)
    services.people.set_extra_roles(world.manager, ops2, [world.roles["designer"]])
    actor = services.people.actor_for(ops2)
    assert actor.role_ids == {world.roles["operations"], world.roles["designer"]}
    services.tasks.tick_off(actor, designer_task)
    assert services.tasks.get(designer_task).status == "done"
    # but still not a task of a third role
    with pytest.raises(PermissionDenied):
        services.tasks.tick_off(actor, world.tasks["logistics"])


def test_staff_can_tick_but_not_edit_their_task(services: Services, world) -> None:
    ops, task = world.actors["ops"], world.tasks["selection"]
    services.tasks.update(world.manager, task, assignee_id=ops.user_id)
    with pytest.raises(PermissionDenied):
        services.tasks.update(ops, task, status="doing")
    with pytest.raises(PermissionDenied):
        services.tasks.update(ops, task, assignee_id=None)
    services.tasks.tick_off(ops, task)
    row = services.tasks.get(task)
    assert (row.status, row.done_by) == ("done", ops.user_id)


def test_system_actor_has_manager_rights(services: Services, world) -> None:
    system = Actor.system()
    services.tasks.update(system, world.tasks["selection"], title="By the installer")
    assert services.audit.recent(limit=1)[0].user_id is None


@pytest.mark.parametrize(
    ("is_manager", "user_id", "roles", "assignee", "role", "expected"),
    [
        (True, 1, set(), 99, 5, True),  # a manager ticks anything
        (False, 2, {5}, None, 5, True),  # unassigned, own role
        (False, 2, {5}, None, 6, False),  # unassigned, other role
        (False, 2, {5}, None, None, False),  # unassigned, no role
        (False, 2, {5}, 2, 6, True),  # own task of any role
        (False, 2, {5}, 3, 5, False),  # a colleague's task
    ],
)
def test_can_tick(is_manager: bool, user_id: int, roles: set[int], assignee: int | None,
                  role: int | None, expected: bool) -> None:
    actor = Actor(user_id, "x", "X", is_manager, frozenset(roles))
    assert perms.can_tick(actor, assignee, role) is expected


def test_can_enter_kpi_and_require_manager() -> None:
    staff = Actor(2, "s", "Sam", False, frozenset({4}))
    assert perms.can_enter_kpi(staff, 4)
    assert not perms.can_enter_kpi(staff, 5)
    assert not perms.can_enter_kpi(staff, None)
    assert perms.can_enter_kpi(Actor.system(), None)
    perms.require_manager(Actor.system())
    with pytest.raises(PermissionDenied, match="Sam may not manage people"):
        perms.require_manager(staff, perms.MANAGE_PEOPLE)
