"""Each domain rule, written once, tested directly: whose a task is ("mine") and its SQL
twin, done at / done by, who may reopen, and which occurrences of a routine My work shows."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from sqlalchemy import select

from opsdesk.errors import PermissionDenied
from opsdesk.model import Task
from opsdesk.model.rules import done_fields, is_mine, shown_occurrences
from opsdesk.services import Actor
from opsdesk.services import permissions as perms
from opsdesk.services.mywork import MyTask
from opsdesk.services.task_rows import TaskListRow
from opsdesk.services.tasks import NewTask, TaskRow

NOW = dt.datetime(2026, 9, 3, 10, 30)


# ---- mine


@pytest.mark.parametrize(
    ("user_id", "roles", "assignee", "role", "expected"),
    [
        (2, {5}, 2, 5, True),  # assigned to them
        (2, {5}, 2, 6, True),  # assigned to them, whatever the role
        (2, {5}, 2, None, True),
        (2, {5}, None, 5, True),  # unassigned, of their role
        (2, {5}, None, 6, False),  # unassigned, of another role
        (2, {5}, None, None, False),  # unassigned, no role
        (2, {5}, 3, 5, False),  # a colleague's, of their role
        (2, set(), None, 5, False),  # no role: only what is assigned to them
        (None, set(), None, 5, False),  # the installer holds no task
        (None, set(), None, None, False),
        (None, {5}, 3, 5, False),
    ],
)
def test_is_mine(user_id, roles, assignee, role, expected):
    assert is_mine(user_id, frozenset(roles), assignee, role) is expected
    actor = Actor(user_id, "x", "X", False, frozenset(roles))
    assert perms.mine(actor, assignee, role) is expected
    assert perms.can_tick(actor, assignee, role) is expected
    assert perms.can_tick(Actor(user_id, "m", "M", True, frozenset(roles)), assignee, role)


def test_mine_clause_selects_exactly_what_is_mine_says(services, world, store):
    """The SQL form (My work, ``tasks list --mine``) and the Python form (the views' rights)
    agree for every task and person, the installer (no user id, no role) included."""
    plan, boss = world.plan_id, world.manager
    tasks = [t.id for t in services.tasks.list(plan)]
    ops, ops2 = world.users["ops"], world.users["ops2"]
    services.tasks.update(boss, tasks[0], assignee_id=ops)
    services.tasks.update(boss, tasks[1], assignee_id=ops, role_id=world.roles["designer"])
    services.tasks.update(boss, tasks[2], assignee_id=ops2)
    services.tasks.update(boss, tasks[3], role_id=None)
    services.tasks.update(boss, tasks[4], role_id=world.roles["operations"], assignee_id=None)
    everyone = [*world.actors.values(), Actor.system(), Actor(999_999, "ghost", "Ghost", False)]
    rows = services.tasks.list(plan)
    for actor in everyone:
        expected = {t.id for t in rows if perms.mine(actor, t.assignee_id, t.role_id)}
        with store.read() as s:
            got = set(s.scalars(select(Task.id).where(Task.plan_id == plan,
                                                      perms.mine_clause(actor))))
        assert got == expected, actor.login
        assert {t.id for t in services.tasks.list(plan, mine=actor)} == expected
    ops_actor = world.actors["ops"]
    assert {tasks[0], tasks[1], tasks[4]} <= {t.id for t in services.tasks.list(plan, mine=ops_actor)}
    assert not services.tasks.list(plan, mine=Actor.system())


def test_my_work_lists_what_is_mine(services, world):
    plan, ops = world.plan_id, world.actors["ops"]
    first = services.tasks.list(plan)[0].id
    services.tasks.update(world.manager, first, assignee_id=ops.user_id,
                          role_id=world.roles["designer"])
    shown = services.mywork.tasks(plan, ops, world.launch)
    assert first in {t.id for t in shown}
    assert shown and all(perms.mine(ops, t.assignee_id, t.role_id) for t in shown)
    assert not services.mywork.tasks(plan, Actor.system(), world.launch)


# ---- done at / done by


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("todo", "done", {"done_at": NOW, "done_by": 7}),
        ("blocked", "done", {"done_at": NOW, "done_by": 7}),
        ("done", "todo", {"done_at": None, "done_by": None}),
        ("done", "cancelled", {"done_at": None, "done_by": None}),
        ("done", "done", {}),  # stays as it was stamped
        ("todo", "doing", {}),
        ("cancelled", "todo", {}),
        (None, "done", {"done_at": NOW, "done_by": 7}),  # a new task: both, always
        (None, "todo", {"done_at": None, "done_by": None}),
    ],
)
def test_done_fields(old, new, expected):
    assert done_fields(old, new, NOW, 7) == expected


def test_a_task_created_done_is_stamped_like_a_tick_off(services, world, clock):
    boss = world.manager
    made = services.tasks.create(boss, world.plan_id, title="Done already", status="done")
    row = services.tasks.get(next(iter(made.ids)))
    assert (row.status, row.done_at, row.done_by) == ("done", clock.now, boss.user_id)
    made = services.tasks.create(boss, world.plan_id, title="Still open")
    row = services.tasks.get(next(iter(made.ids)))
    assert (row.status, row.done_at, row.done_by) == ("todo", None, None)
    services.tasks.bulk_create(boss, world.plan_id, [NewTask("Bulk done", status="done"),
                                                     NewTask("Bulk open")])
    rows = {t.title: t for t in services.tasks.list(world.plan_id)}
    assert (rows["Bulk done"].done_at, rows["Bulk done"].done_by) == (clock.now, boss.user_id)
    assert (rows["Bulk open"].done_at, rows["Bulk open"].done_by) == (None, None)


def test_bulk_status_stamps_only_what_changes(services, world, clock):
    boss, ops = world.manager, world.actors["ops"]
    a, b = [t.id for t in services.tasks.list(world.plan_id)][:2]
    services.tasks.tick_off(ops, a)
    ticked = clock.now
    clock.advance(hours=2)
    services.tasks.bulk_update(boss, [a, b], status="done")
    rows = {t.id: t for t in services.tasks.list(world.plan_id)}
    assert (rows[a].done_at, rows[a].done_by) == (ticked, ops.user_id)  # kept
    assert (rows[b].done_at, rows[b].done_by) == (clock.now, boss.user_id)
    services.tasks.bulk_update(boss, [a, b], status="todo")
    rows = {t.id: t for t in services.tasks.list(world.plan_id)}
    assert all((rows[t].done_at, rows[t].done_by) == (None, None) for t in (a, b))


# ---- reopen rights

STAFF = Actor(2, "s", "Sam", False, frozenset({5}))


@pytest.mark.parametrize(
    ("actor", "assignee", "role", "done_by", "expected"),
    [
        (Actor(1, "m", "Boss", True), 9, 6, 9, True),  # a manager reopens anything
        (Actor(1, "m", "Boss", True), None, None, None, True),
        (STAFF, 2, 6, 2, True),  # ticked it off, still theirs
        (STAFF, None, 5, 2, True),  # ticked off their role's unassigned task
        (STAFF, 3, 5, 2, False),  # ticked it off, but it was given to a colleague since
        (STAFF, None, 6, 2, False),  # ticked it off, but it moved to another role since
        (STAFF, 2, 5, 3, False),  # a colleague ticked it off
        (STAFF, None, 5, None, False),  # nobody known ticked it off
    ],
)
def test_can_reopen(actor, assignee, role, done_by, expected):
    assert perms.can_reopen(actor, assignee, role, done_by) is expected
    assert perms.can_toggle_done(actor, assignee, role, True, done_by) is expected


def _shapes(assignee, role, status, done_by):
    """The same task as each view holds it: the Tasks view's row, the service's TaskRow
    (side panel, timeline) and My work's MyTask."""
    day = dt.date(2026, 9, 1)
    task = dict(id=1, title="T", role_id=role, assignee_id=assignee, status=status,
                priority="normal", is_milestone=False, done_at=None, done_by=done_by, version=1)
    return [
        TaskListRow(**task, parent_id=None, phase_id=None, phase_zh=None, phase_en=None,
                    phase_pos=None, role_zh=None, role_en=None, role_color=None,
                    assignee_name=None, start=None, due="2026-09-01", done_by_name=None,
                    position=0),
        TaskRow(**task, plan_id=1, phase_id=None, parent_id=None, notes="", start=None,
                due=day, position=0),
        MyTask(**task, start=None, due=day, series_id=None, phase_id=None, phase_zh=None,
               phase_en=None, phase_color=None, phase_total=0, phase_done=0),
    ]


@pytest.mark.parametrize(
    ("status", "assignee", "done_by", "expected"),
    [
        ("todo", 2, None, True),
        ("todo", 3, None, False),
        ("done", 2, 2, True),
        ("done", 2, 3, False),  # someone else's tick: not reopened by staff
        ("cancelled", 2, None, False),  # never ticked nor reopened from a view
    ],
)
def test_can_toggle_reads_every_row_type_alike(status, assignee, done_by, expected):
    for task in _shapes(assignee, 5, status, done_by):
        assert perms.can_toggle(STAFF, task) is expected, type(task).__name__
        boss = Actor(1, "m", "Boss", True)
        assert perms.can_toggle(boss, task) is (status != "cancelled")


def test_a_refused_reopen_names_the_reopen_rule(services, world, snapshot):
    """Ticked off by ops, then given to a colleague: ops may no longer reopen it, and is
    told the reopen rule (not the tick-off one); ops2 did not tick it off either."""
    task = services.tasks.list(world.plan_id)[0].id
    ops, ops2 = world.actors["ops"], world.actors["ops2"]
    services.tasks.update(world.manager, task, assignee_id=ops.user_id)
    services.tasks.tick_off(ops, task)
    services.tasks.update(world.manager, task, assignee_id=ops2.user_id)
    before = snapshot()
    for who in (ops, ops2):
        with pytest.raises(PermissionDenied) as refused:
            services.tasks.reopen(who, task)
        assert refused.value.params["right"] == perms.REOPEN
    assert snapshot() == before
    services.tasks.reopen(world.manager, task)
    assert services.tasks.get(task).status == "todo"


# ---- routines in My work


class Occ(NamedTuple):
    name: str
    series_id: int | None
    status: str
    due: dt.date | None


def test_shown_occurrences_keep_the_past_and_only_the_next_one_to_come():
    today = dt.date(2026, 9, 10)

    def day(n: int) -> dt.date:
        return today + dt.timedelta(days=n)
    tasks = [
        Occ("late", 1, "todo", day(-2)), Occ("done", 1, "done", day(-1)),
        Occ("today", 1, "todo", day(0)), Occ("plain", None, "todo", day(0)),
        Occ("next", 1, "doing", day(1)), Occ("plain2", None, "todo", day(1)),
        Occ("after next", 1, "todo", day(2)), Occ("other next", 2, "todo", day(2)),
        Occ("done ahead", 1, "done", day(3)), Occ("other later", 2, "blocked", day(9)),
        Occ("undated", 1, "todo", None),
    ]
    shown = [t.name for t in shown_occurrences(tasks, today)]
    assert shown == ["late", "done", "today", "plain", "next", "plain2", "other next",
                     "done ahead", "undated"]
    assert shown_occurrences([], today) == []
