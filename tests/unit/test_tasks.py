"""Task writes: validation, optimistic concurrency, versions, tick-off bookkeeping,
links without loops, and bulk inserts."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from opsdesk.services import Services
from opsdesk.services.tasks import NewTask

D = dt.date


# ---- validation


@pytest.mark.parametrize(
    ("values", "field", "fragment"),
    [
        ({"title": ""}, "title", "must not be empty"),
        ({"title": "   \t "}, "title", "must not be empty"),
        ({"title": None}, "title", "must not be empty"),
        ({"title": "x" * 501}, "title", "too long"),
        ({"title": "T", "start": D(2026, 9, 10), "due": D(2026, 9, 9)}, "due",
         "due date 2026-09-09 is before the start date 2026-09-10"),
        ({"title": "T", "start": D(1999, 12, 31)}, "start", "outside 2000-01-01"),
        ({"title": "T", "due": D(2101, 1, 1)}, "due", "2101-01-01 is outside"),
        ({"title": "T", "start": "2026-09-01"}, "start", "is not a date"),
        ({"title": "T", "status": "finished"}, "status", "“finished” is not a valid status"),
        ({"title": "T", "priority": "asap"}, "priority", "“asap” is not a valid priority"),
    ],
)
def test_create_validation(services: Services, world, snapshot, values, field, fragment):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.tasks.create(world.manager, world.plan_id, **values)
    assert info.value.field == field
    assert fragment in info.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": ""}, "title"),
        # selection runs 2026-08-06 … 2026-08-15: a due date before its start is refused
        ({"due": D(2026, 8, 5)}, "due"),
        ({"start": D(2026, 8, 16)}, "due"),
        ({"start": D(2026, 8, 20), "due": D(2026, 8, 19)}, "due"),
        ({"due": D(2100, 12, 31) + dt.timedelta(days=1)}, "due"),
        ({"status": "DONE!"}, "status"),
        ({"priority": ""}, "priority"),
        ({"phase_id": 10_000}, "phase_id"),
        ({"parent_id": 10_000}, "parent_id"),
        ({"role_id": 10_000}, "role_id"),
        ({"assignee_id": 10_000}, "assignee_id"),
    ],
)
def test_update_validation(services: Services, world, snapshot, values, field):
    task = world.tasks["selection"]
    assert (services.tasks.get(task).start, services.tasks.get(task).due) == (
        D(2026, 8, 6), D(2026, 8, 15))
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.tasks.update(world.manager, task, **values)
    assert info.value.field == field
    assert snapshot() == before


def test_update_refuses_inactive_assignee(services: Services, world, snapshot):
    services.people.update_user(world.manager, world.users["ops2"], active=False)
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.tasks.update(world.manager, world.tasks["selection"],
                              assignee_id=world.users["ops2"])
    assert info.value.field == "assignee_id"
    assert snapshot() == before


def test_an_inactive_assignee_is_named_not_numbered(services: Services, world):
    ops2 = world.users["ops2"]
    services.people.update_user(world.manager, ops2, active=False)
    with pytest.raises(ValidationError) as info:
        services.tasks.update(world.manager, world.tasks["selection"], assignee_id=ops2)
    assert info.value.message == "Ops2 is no longer active; choose someone else."
    assert str(ops2) not in info.value.message


def test_refs_must_belong_to_the_same_plan(services: Services, world, snapshot):
    other = services.plans.create_from_template(world.manager, world.template, D(2027, 3, 1))
    other_phase = services.plans.phases(other.plan_id)[0].id
    other_task = services.tasks.list(other.plan_id)[0].id
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.tasks.update(world.manager, world.tasks["selection"], phase_id=other_phase)
    assert info.value.field == "phase_id"
    with pytest.raises(ValidationError) as info:
        services.tasks.create(world.manager, world.plan_id, title="Sub", parent_id=other_task)
    assert info.value.field == "parent_id"
    with pytest.raises(ValidationError):
        services.tasks.link(world.manager, world.tasks["selection"], other_task)
    assert snapshot() == before


def test_unknown_field_is_a_programming_error(services: Services, world):
    with pytest.raises(TypeError, match="version"):
        services.tasks.update(world.manager, world.tasks["selection"], version=99)


def test_missing_task_is_not_found(services: Services, world, snapshot):
    before = snapshot()
    for call in (
        lambda: services.tasks.update(world.manager, 10_000, title="x"),
        lambda: services.tasks.delete(world.manager, 10_000),
        lambda: services.tasks.tick_off(world.manager, 10_000),
        lambda: services.tasks.comment(world.manager, 10_000, "hi"),
        lambda: services.tasks.get(10_000),
    ):
        with pytest.raises(NotFound):
            call()
    assert snapshot() == before


def test_create_cleans_and_stores(services: Services, world):
    ch = services.tasks.create(world.manager, world.plan_id, title="  Photograph the box  ",
                               notes="  two angles ", start=D(2026, 8, 20),
                               due=dt.datetime(2026, 8, 22, 15, 30), priority="high",
                               status="doing", is_milestone=1,
                               role_id=world.roles["designer"],
                               assignee_id=world.users["designer"],
                               phase_id=world.phases["preparation"])
    assert ch.tasks and ch.plan_id == world.plan_id
    (task_id,) = ch.ids
    row = services.tasks.get(task_id)
    assert row.title == "Photograph the box"
    assert row.notes == "two angles"
    assert (row.start, row.due) == (D(2026, 8, 20), D(2026, 8, 22))
    assert (row.status, row.priority, row.is_milestone) == ("doing", "high", True)
    assert row.version == 1
    assert task_id in {t.id for t in services.tasks.list(world.plan_id,
                                                         assignee_id=world.users["designer"])}


def test_bounds_are_inclusive(services: Services, world):
    ch = services.tasks.create(world.manager, world.plan_id, title="Edges",
                               start=D(2000, 1, 1), due=D(2100, 12, 31))
    row = services.tasks.get(next(iter(ch.ids)))
    assert (row.start, row.due) == (D(2000, 1, 1), D(2100, 12, 31))


# ---- versions and optimistic concurrency


def test_version_increments_on_every_write(services: Services, world):
    task = world.tasks["selection"]
    ops = world.actors["ops"]
    assert services.tasks.get(task).version == 1
    services.tasks.update(world.manager, task, title="A")
    assert services.tasks.get(task).version == 2
    services.tasks.update(world.manager, task, due=D(2026, 8, 16), expected_version=2)
    assert services.tasks.get(task).version == 3
    services.tasks.tick_off(ops, task, expected_version=3)
    assert services.tasks.get(task).version == 4
    services.tasks.reopen(ops, task)
    assert services.tasks.get(task).version == 5
    # a comment is not an edit of the task
    services.tasks.comment(ops, task, "note")
    assert services.tasks.get(task).version == 5


def test_stale_version_raises_conflict_and_changes_nothing(services: Services, world, snapshot):
    task = world.tasks["selection"]
    read = services.tasks.get(task)  # two people read version 1
    services.tasks.update(world.manager, task, title="First writer", expected_version=read.version)
    before = snapshot()
    with pytest.raises(ConflictError):
        services.tasks.update(world.manager, task, title="Second writer",
                              expected_version=read.version)
    with pytest.raises(ConflictError):
        services.tasks.tick_off(world.actors["ops"], task, expected_version=read.version)
    with pytest.raises(ConflictError):
        services.tasks.update(world.manager, task, title="From the future", expected_version=99)
    assert snapshot() == before
    row = services.tasks.get(task)
    assert (row.title, row.version, row.status) == ("First writer", 2, "todo")
    # reloading and writing with the current version works
    services.tasks.update(world.manager, task, title="Second writer", expected_version=2)
    assert services.tasks.get(task).title == "Second writer"


def test_reopen_with_stale_version(services: Services, world, snapshot):
    task = world.tasks["selection"]
    services.tasks.tick_off(world.actors["ops"], task)
    before = snapshot()
    with pytest.raises(ConflictError):
        services.tasks.reopen(world.actors["ops"], task, expected_version=1)
    assert snapshot() == before


# ---- done bookkeeping


def test_tick_off_records_who_and_when(services: Services, world, clock):
    task, ops = world.tasks["selection"], world.actors["ops"]
    when = clock.advance(days=3, hours=2)
    changes = services.tasks.tick_off(ops, task)
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("done", when, ops.user_id)
    assert changes.ids == {task} and changes.tasks
    entry = services.audit.recent(limit=1)[0]
    assert (entry.entity, entry.entity_id, entry.action) == ("task", task, "done")
    assert (entry.before, entry.after) == ({"status": "todo"}, {"status": "done"})
    assert entry.at == when

    with pytest.raises(ValidationError, match="already done"):
        services.tasks.tick_off(ops, task)

    services.tasks.reopen(ops, task)
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("todo", None, None)
    with pytest.raises(ValidationError, match="not done"):
        services.tasks.reopen(ops, task)


def test_update_status_sets_and_clears_done(services: Services, world, clock):
    task, boss = world.tasks["selection"], world.manager
    services.tasks.update(boss, task, status="done")
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("done", clock.now, boss.user_id)
    # editing another field of a done task keeps who finished it
    clock.advance(hours=1)
    services.tasks.update(boss, task, title="Renamed", status="done")
    assert services.tasks.get(task).done_at == clock.now - dt.timedelta(hours=1)
    services.tasks.update(boss, task, notes="still done")
    assert services.tasks.get(task).done_by == boss.user_id
    services.tasks.update(boss, task, status="blocked")
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("blocked", None, None)


def test_is_overdue(services: Services, world):
    row = services.tasks.get(world.tasks["selection"])  # due 2026-08-15
    assert not row.is_overdue(D(2026, 8, 15))
    assert row.is_overdue(D(2026, 8, 16))
    services.tasks.tick_off(world.manager, row.id)
    assert not services.tasks.get(row.id).is_overdue(D(2026, 8, 16))


def test_delete_removes_subtasks_links_and_comments(services: Services, world):
    boss, parent = world.manager, world.tasks["tmall_ready"]
    services.tasks.comment(boss, parent, "check the photos")
    children = {world.tasks[k] for k in ("tmall_photos", "tmall_detail", "tmall_copy",
                                         "tmall_upload")}
    services.tasks.delete(boss, parent)
    remaining = {t.id for t in services.tasks.list(world.plan_id)}
    assert parent not in remaining and not children & remaining
    for pred, succ, _, _ in services.tasks.links(world.plan_id):
        assert parent not in (pred, succ)
    assert services.tasks.comments(parent) == []
    entry = services.audit.recent(limit=1)[0]
    assert entry.action == "delete" and entry.before["title"] == "天猫上线准备"


def test_comment_validation_and_listing(services: Services, world, clock, snapshot):
    task = world.tasks["selection"]
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.tasks.comment(world.actors["cs"], task, "   ")
    assert info.value.field == "text"
    with pytest.raises(ValidationError):
        services.tasks.comment(world.actors["cs"], task, "x" * 5001)
    assert snapshot() == before
    services.tasks.comment(world.actors["cs"], task, " first ")
    clock.advance(minutes=5)
    ch = services.tasks.comment(world.actors["ops"], task, "second")
    assert ch.comments and not ch.tasks
    rows = services.tasks.comments(task)
    assert [(r.author, r.text) for r in rows] == [("Cs", "first"), ("Ops", "second")]


# ---- links


def test_link_refuses_cycles(services: Services, world, snapshot):
    boss, t = world.manager, world.tasks
    # the template already has selection → targets → marketing_plan → warmup → ms_online
    before = snapshot()
    for pred, succ in [("ms_online", "selection"), ("warmup", "targets"),
                       ("targets", "selection"), ("selection", "selection")]:
        with pytest.raises(ValidationError, match="loop") as info:
            services.tasks.link(boss, t[pred], t[succ])
        assert info.value.field == "link"
    assert snapshot() == before
    # a new chain, closed into a loop at the end
    a, b, c = (next(iter(services.tasks.create(boss, world.plan_id, title=n).ids))
               for n in "ABC")
    services.tasks.link(boss, a, b)
    services.tasks.link(boss, b, c, kind="SS", lag_days=2)
    with pytest.raises(ValidationError, match="loop"):
        services.tasks.link(boss, c, a)
    links = {(p, s): (k, lag) for p, s, k, lag in services.tasks.links(world.plan_id)}
    assert links[(a, b)] == ("FS", 0) and links[(b, c)] == ("SS", 2)
    assert (c, a) not in links


def test_link_again_replaces_and_unlink_removes(services: Services, world):
    boss, t = world.manager, world.tasks
    pred, succ = t["team"], t["logistics"]
    services.tasks.link(boss, pred, succ)
    services.tasks.link(boss, pred, succ, kind="FF", lag_days=-1)
    rows = [r for r in services.tasks.links(world.plan_id) if r[:2] == (pred, succ)]
    assert rows == [(pred, succ, "FF", -1)]
    services.tasks.unlink(boss, pred, succ)
    assert not [r for r in services.tasks.links(world.plan_id) if r[:2] == (pred, succ)]


def test_link_kind_is_validated(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(ValidationError):
        services.tasks.link(world.manager, world.tasks["team"], world.tasks["logistics"],
                            kind="XX")
    assert snapshot() == before


# ---- bulk create


def test_bulk_create_is_one_action(services: Services, world, change_count):
    before_tasks = len(services.tasks.list(world.plan_id))
    before_changes = change_count()
    new = [NewTask(title=f"Routine check {i}", start=D(2026, 9, 1) + dt.timedelta(days=i),
                   due=D(2026, 9, 1) + dt.timedelta(days=i), role_id=world.roles["operations"])
           for i in range(23)]
    ch = services.tasks.bulk_create(world.manager, world.plan_id, new, chunk=5)
    assert len(services.tasks.list(world.plan_id)) == before_tasks + 23
    assert change_count() == before_changes + 1
    entry = services.audit.recent(limit=1)[0]
    assert entry.id == ch.change_id
    assert (entry.action, entry.after) == ("bulk_create", {"count": 23})
    rows = [r for r in services.tasks.list(world.plan_id) if r.title.startswith("Routine")]
    assert {r.version for r in rows} == {1}


@pytest.mark.parametrize(
    "bad",
    [
        NewTask(title="late", start=D(2026, 9, 5), due=D(2026, 9, 4)),
        NewTask(title=""),
        NewTask(title="odd", status="finished"),
        NewTask(title="odd", priority="asap"),
        NewTask(title="far", due=D(2101, 1, 1)),
    ],
    ids=["due-before-start", "empty-title", "bad-status", "bad-priority", "out-of-bounds"],
)
def test_bulk_create_is_all_or_nothing(services: Services, world, snapshot, bad):
    good = [NewTask(title=f"ok {i}") for i in range(12)]
    before = snapshot()
    with pytest.raises(ValidationError):
        services.tasks.bulk_create(world.manager, world.plan_id, [*good, bad, *good], chunk=5)
    assert snapshot() == before


def test_parent_loops_are_refused(services: Services, world):
    boss, t = world.manager, world.tasks
    for parent, child in [("tmall_photos", "tmall_photos"), ("tmall_photos", "tmall_ready")]:
        try:
            services.tasks.update(boss, t[child], parent_id=t[parent])
        except ValidationError:
            continue
        raise AssertionError(f"{child} was put under {parent}")


# ---- undo of a single task's write: the services' HistoryService on the change log


def _undo(services, actor, changes):
    return services.history.revert(actor, changes.change_id)


def _redo(services, actor, changes):
    return services.history.reapply(actor, changes.change_id)


def test_undo_of_a_tick_off_puts_back_the_status_it_had(services: Services, world, clock):
    task, ops = world.tasks["selection"], world.actors["ops"]
    services.tasks.update(world.manager, task, status="blocked")
    clock.advance(hours=1)
    ticked = services.tasks.tick_off(ops, task)  # staff: undoing their own tick is theirs
    _undo(services, ops, ticked)
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("blocked", None, None)
    clock.advance(hours=1)
    _redo(services, ops, ticked)  # the same who and when
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("done", clock.now - dt.timedelta(hours=1),
                                                      ops.user_id)
    assert services.audit.recent(limit=1)[0].action == "redo"


def test_undo_of_a_reopen_puts_back_who_ticked_it_off_and_when(services: Services, world,
                                                                 clock):
    task, ops = world.tasks["selection"], world.actors["ops"]
    services.tasks.tick_off(ops, task)
    when = clock.now
    clock.advance(days=2)
    reopened = services.tasks.reopen(world.manager, task)
    _undo(services, world.manager, reopened)
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by) == ("done", when, ops.user_id)


def test_undo_of_a_status_edit_does_not_restamp(services: Services, world, clock):
    task, ops = world.tasks["selection"], world.actors["ops"]
    priority = services.tasks.get(task).priority
    services.tasks.tick_off(ops, task)
    when = clock.now
    clock.advance(days=1)
    edited = services.tasks.update(world.manager, task, status="todo", priority="urgent")
    _undo(services, world.manager, edited)
    row = services.tasks.get(task)
    assert (row.status, row.done_at, row.done_by, row.priority) == ("done", when, ops.user_id,
                                                                    priority)


def test_undo_refuses_when_someone_changed_the_fields_since(services: Services, world,
                                                           snapshot):
    task, boss = world.tasks["selection"], world.manager
    edited = services.tasks.update(boss, task, priority="high")
    services.tasks.update(boss, task, priority="urgent")  # another session
    before = snapshot()
    with pytest.raises(ConflictError):
        _undo(services, boss, edited)
    assert snapshot() == before
    ticked = services.tasks.tick_off(boss, task)
    services.tasks.reopen(boss, task)
    with pytest.raises(ConflictError):
        _undo(services, boss, ticked)
    assert services.tasks.get(task).status == "todo"


def test_undo_rights_are_those_of_the_write(services: Services, world, snapshot):
    task, ops, ops2 = world.tasks["selection"], world.actors["ops"], world.actors["ops2"]
    services.tasks.update(world.manager, task, assignee_id=None)  # the operations role's
    edited = services.tasks.update(world.manager, task, priority="high")
    ticked = services.tasks.tick_off(ops, task)
    before = snapshot()
    with pytest.raises(PermissionDenied):  # another's tick: only the one who made it
        _undo(services, ops2, ticked)
    with pytest.raises(PermissionDenied):  # staff never put back a manager's edit
        _undo(services, ops, edited)
    assert snapshot() == before
    # and nobody can write done_at/done_by of their choosing: there is no such path any
    # more (#12: the old restore path let staff backdate a tick-off)
    assert not hasattr(services.tasks, "restore_fields")


def test_undo_refuses_a_parent_that_was_moved_under_the_task(services: Services, world,
                                                              snapshot):
    boss = world.manager
    task, parent = services.tasks.create(boss, world.plan_id, title="A").ids, \
        services.tasks.create(boss, world.plan_id, title="P").ids
    task, parent = next(iter(task)), next(iter(parent))
    services.tasks.update(boss, task, parent_id=parent)
    moved = services.tasks.update(boss, task, parent_id=None)
    services.tasks.update(boss, parent, parent_id=task)
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        _undo(services, boss, moved)
    assert info.value.field == "parent_id"
    assert snapshot() == before


def test_reopening_someone_elses_tick_names_the_reopen_rule(services, world):
    from opsdesk.errors import PermissionDenied
    from opsdesk.services import permissions

    role = world.roles["customer_service"]
    services.people.create_user(world.manager, "客服二", "kefu_two", role)
    one, two = services.people.authenticate("kefu_two"), next(
        a for a in world.actors.values() if not a.is_manager and role in a.role_ids)
    task = next(t for t in services.tasks.list(world.plan_id)
                if t.role_id == role and t.assignee_id is None and t.status == "todo")
    services.tasks.tick_off(one, task.id)
    with pytest.raises(PermissionDenied) as refused:
        services.tasks.reopen(two, task.id)
    assert refused.value.params["right"] == permissions.REOPEN
