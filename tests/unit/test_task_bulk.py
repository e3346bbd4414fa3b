"""Bulk edits, bulk reschedule and undoable delete: one transaction, one log entry each."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import ConflictError, PermissionDenied, ValidationError
from opsdesk.services.task_rows import TaskListRow


def _open(services, world, n):
    return [t for t in services.tasks.list(world.plan_id) if t.status != "done"][:n]


def test_bulk_assign_then_restore(services, world, change_count):
    tasks = _open(services, world, 20)
    ids = [t.id for t in tasks]
    cs = world.users["cs"]
    before_log = change_count()
    ch = services.tasks.bulk_update(world.manager, ids, assignee_id=cs)
    assert change_count() == before_log + 1
    assert ch.ids == frozenset(ids)
    assert all(services.tasks.get(i).assignee_id == cs for i in ids)
    entry = services.audit.recent(limit=1)[0]
    assert entry.action == "bulk_update" and entry.user_id == world.users["manager"]
    services.history.revert(world.manager, ch.change_id)
    for t in tasks:
        assert services.tasks.get(t.id).assignee_id == t.assignee_id
    assert change_count() == before_log + 2


def test_bulk_status_done_records_who_and_undo_clears(services, world):
    ids = [t.id for t in _open(services, world, 5)]
    ch = services.tasks.bulk_update(world.manager, ids, status="done")
    rows = [services.tasks.get(i) for i in ids]
    assert all(r.status == "done" and r.done_by == world.users["manager"] for r in rows)
    services.history.revert(world.manager, ch.change_id)
    assert all(services.tasks.get(i).done_by is None for i in ids)


def test_bulk_is_all_or_nothing(services, world, snapshot):
    tasks = _open(services, world, 10)
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.tasks.bulk_update(world.actors["cs"], [t.id for t in tasks], priority="high")
    stale = {tasks[-1].id: tasks[-1].version - 1}
    with pytest.raises(ConflictError):
        services.tasks.bulk_update(world.manager, [t.id for t in tasks], expected_versions=stale,
                                   priority="high")
    with pytest.raises(ValidationError) as err:  # one due before its start spoils the lot
        services.tasks.bulk_update(world.manager, [t.id for t in tasks],
                                   due=min(t.start for t in tasks if t.start) - dt.timedelta(days=1))
    assert err.value.field == "due"
    assert snapshot() == before


def test_bulk_shift_and_undo(services, world):
    tasks = _open(services, world, 8)
    ch = services.tasks.bulk_shift(world.manager, [t.id for t in tasks], 3)
    for t in tasks:
        now = services.tasks.get(t.id)
        assert now.due == t.due + dt.timedelta(days=3) and now.start == t.start + dt.timedelta(days=3)
    services.history.revert(world.manager, ch.change_id)
    assert [(services.tasks.get(t.id).start, services.tasks.get(t.id).due) for t in tasks] == \
        [(t.start, t.due) for t in tasks]


def test_undo_after_someone_else_changed_a_row_conflicts(services, world, snapshot):
    tasks = _open(services, world, 3)
    ch = services.tasks.bulk_update(world.manager, [t.id for t in tasks], priority="urgent")
    services.tasks.update(world.manager, tasks[0].id, title="other field: no conflict")
    services.tasks.update(world.manager, tasks[1].id, priority="low")  # the same field
    before = snapshot()
    with pytest.raises(ConflictError):
        services.history.revert(world.manager, ch.change_id)
    assert snapshot() == before


def test_delete_and_restore_brings_back_subtasks_comments_links(services, world, dump_store, store):
    boss, parent = world.manager, world.tasks["tmall_ready"]
    services.tasks.comment(boss, parent, "check the photos")
    impact = services.tasks.delete_impact(parent)
    assert impact.subtasks == 4 and impact.comments == 1
    before = dump_store(store)
    ch = services.tasks.delete(boss, parent)
    assert parent not in {t.id for t in services.tasks.list(world.plan_id)}
    services.history.revert(boss, ch.change_id)
    after = dump_store(store)
    for table in ("tasks", "task_links", "comments"):
        assert after[table] == before[table], table
    assert [c.text for c in services.tasks.comments(parent)] == ["check the photos"]


def test_plan_rows_hold_names_and_iso_dates(services, world):
    rows = services.tasks.plan_rows(world.plan_id)
    assert len(rows) == len(services.tasks.list(world.plan_id))
    r = next(r for r in rows if r.id == world.tasks["tmall_ready"])
    assert type(r) is TaskListRow
    assert r.title == "天猫上线准备" and r.phase_zh
    assert r.role_color.startswith("#")
    dt.date.fromisoformat(r.due)
    assert services.tasks.plan_rows(world.plan_id, ids=[r.id]) == [r]
