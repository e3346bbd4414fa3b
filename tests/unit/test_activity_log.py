"""What bulk edits, undos and people changes write to the change log, and how the Activity
query finds them by task and by kind (one entry per bulk action, its task ids in the JSON)."""

from __future__ import annotations

import datetime as dt

from opsdesk.services.audit import ActivityFilter, query_activity


def _open(services, world, n):
    return [t for t in services.tasks.list(world.plan_id) if t.status != "done"][:n]


def _latest(services):
    return services.audit.recent(limit=1)[0]


def _found(services, world, **f) -> list[tuple[str, int | None]]:
    return [(r.change.action, r.task_id)
            for r in query_activity(services.audit, world.plan_id, ActivityFilter(**f))]


def test_bulk_entries_name_their_tasks_and_count(services, world, change_count):
    tasks = _open(services, world, 4)
    ids = [t.id for t in tasks]
    n = change_count()
    ch = services.tasks.bulk_update(world.manager, ids, assignee_id=world.users["cs"])
    entry = _latest(services)
    assert entry.after["ids"] == ids and entry.after["count"] == 4
    shifted = services.tasks.bulk_shift(world.manager, ids, 3)
    entry = _latest(services)
    assert entry.after == {"ids": ids, "count": 4, "days": 3}
    assert entry.before == {str(t.id): {"start": t.start.isoformat(), "due": t.due.isoformat()}
                            for t in tasks}
    services.history.revert(world.manager, shifted.change_id)
    entry = _latest(services)
    assert entry.action == "undo" and entry.after["ids"] == sorted(ids) and entry.after["count"] == 4
    assert entry.after["action"] == "bulk_shift" and entry.after["of"] == shifted.change_id
    services.history.revert(world.manager, ch.change_id)
    assert change_count() == n + 4  # still one entry per bulk action


def test_task_filter_finds_bulk_entries_of_that_task_only(services, world):
    tasks = _open(services, world, 3)
    ids = [t.id for t in tasks]
    other = _open(services, world, 10)[-1].id
    services.tasks.bulk_update(world.manager, ids, priority="urgent")
    services.tasks.bulk_shift(world.manager, ids[1:], -2)
    services.tasks.comment(world.manager, ids[1], "ok")
    found = _found(services, world, task_id=ids[1])
    assert [a for a, _ in found[:3]] == ["create", "bulk_shift", "bulk_update"]
    assert all(t == ids[1] for _, t in found)  # a bulk entry opens the filtered task
    assert "bulk_shift" not in [a for a, _ in _found(services, world, task_id=ids[0])]
    assert not [a for a, _ in _found(services, world, task_id=other) if a.startswith("bulk")]
    # unfiltered, a bulk entry is about its first task
    assert _found(services, world)[1] == ("bulk_shift", ids[1])


def test_kind_filter_counts_bulk_status_as_tick_off_and_bulk_edits_as_edits(services, world):
    tasks = _open(services, world, 3)
    ids = [t.id for t in tasks]
    done = services.tasks.bulk_update(world.manager, ids, status="done")
    services.tasks.bulk_update(world.manager, ids, assignee_id=world.users["ops"])
    services.tasks.bulk_shift(world.manager, ids, 1)
    services.tasks.tick_off(world.manager, _open(services, world, 1)[0].id)
    ticked = [a for a, _ in _found(services, world, entity="task", action="done")]
    assert ticked[:2] == ["done", "bulk_update"]
    edited = [a for a, _ in _found(services, world, entity="task", action="update")]
    assert edited[:2] == ["bulk_shift", "bulk_update"]
    assert edited.count("bulk_update") == 1  # the status change to done is no edit
    assert done.ids == frozenset(ids)
    services.tasks.bulk_update(world.manager, ids, status="todo")
    assert _found(services, world, entity="task", action="reopen")[0][0] == "bulk_update"


def test_undo_of_a_deleted_task_names_all_its_tasks(services, world):
    root = world.tasks["selection"]
    child = services.tasks.create(world.manager, world.plan_id, title="sub", parent_id=root,
                                  due=dt.date(2026, 8, 20))
    ch = services.tasks.delete(world.manager, root)
    services.history.revert(world.manager, ch.change_id)
    entry = _latest(services)
    assert entry.entity_id == root and set(entry.after["ids"]) == {root, *child.ids}
    assert entry.after["count"] == 2 and entry.after["action"] == "delete"
    (child_id,) = child.ids
    assert _found(services, world, task_id=child_id)[:2] == [("undo", child_id),
                                                             ("create", child_id)]


def test_update_user_logs_only_what_changed(services, world):
    uid = world.users["ops2"]
    services.people.update_user(world.manager, uid, name="Ops2", role="operations",
                                is_manager=False, active=False)
    entry = _latest(services)
    assert entry.before == {"active": True} and entry.after == {"active": False}
    services.people.update_user(world.manager, uid, name="Ops Two", active=True)
    entry = _latest(services)
    assert entry.before == {"name": "Ops2", "active": False}
    assert entry.after == {"name": "Ops Two", "active": True}
