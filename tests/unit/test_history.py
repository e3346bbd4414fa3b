"""Undo and redo in the services (services/history.py): an action is put back only while its
rows still hold what it wrote; otherwise the undo names who changed what, and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from opsdesk.errors import ConflictError, NotFound, PermissionDenied
from opsdesk.model import Change, ChangeRow, Comment, Task


def _task(services, task_id):
    return services.tasks.get(task_id)


def _new_task(services, world, **extra):
    values = dict(title="活动页面", role_id=world.roles["designer"],
                  assignee_id=world.users["designer"], due=world.launch, **extra)
    return services.tasks.create(world.manager, world.plan_id, **values)


def test_undo_of_create_refused_after_a_colleague_ticked_it_off(services, world, snapshot):
    created = _new_task(services, world)
    task_id = next(iter(created.ids))
    services.tasks.tick_off(world.actors["designer"], task_id)
    before = snapshot()
    with pytest.raises(ConflictError) as refused:
        services.history.revert(world.manager, created.change_id)
    designer = services.people.actor_for(world.users["designer"]).name
    assert designer in refused.value.message and "活动页面" in refused.value.message
    assert snapshot() == before
    assert _task(services, task_id).status == "done"
    # a redo after the refused undo does nothing: there is nothing undone to redo
    with pytest.raises(NotFound):
        services.history.reapply(world.manager, created.change_id)
    assert snapshot() == before


def test_undo_and_redo_of_create(services, world):
    created = _new_task(services, world)
    task_id = next(iter(created.ids))
    undone = services.history.revert(world.manager, created.change_id)
    assert task_id in undone.ids and undone.tasks
    with services.store.read() as s:
        assert s.get(Task, task_id) is None
    services.history.reapply(world.manager, created.change_id)
    task = _task(services, task_id)
    assert (task.title, task.assignee_id) == ("活动页面", world.users["designer"])
    # and once more: undo after redo
    services.history.revert(world.manager, created.change_id)
    with services.store.read() as s:
        assert s.get(Task, task_id) is None
    with pytest.raises(NotFound):
        services.history.revert(world.manager, created.change_id)


def test_staff_undo_their_tick_off_exactly(services, world):
    task_id = next(iter(_new_task(services, world).ids))
    done = services.tasks.tick_off(world.actors["designer"], task_id)
    services.history.revert(world.actors["designer"], done.change_id)
    task = _task(services, task_id)
    assert (task.status, task.done_at, task.done_by) == ("todo", None, None)
    services.history.reapply(world.actors["designer"], done.change_id)
    task = _task(services, task_id)
    assert task.status == "done" and task.done_by == world.users["designer"]


def test_only_the_author_undoes_and_staff_never_a_managers_action(services, world, snapshot):
    created = _new_task(services, world)
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.history.revert(world.actors["designer"], created.change_id)
    assert snapshot() == before
    done = services.tasks.tick_off(world.actors["designer"], next(iter(created.ids)))
    with pytest.raises(PermissionDenied):  # not the manager's own change
        services.history.revert(world.manager, done.change_id)
    services.history.revert(world.actors["designer"], done.change_id)
    assert _task(services, next(iter(created.ids))).status == "todo"


def test_bulk_assign_undo_refused_when_one_was_edited_since(services, world, snapshot):
    with services.store.read() as s:
        ids = list(s.scalars(select(Task.id).where(Task.plan_id == world.plan_id,
                                                   Task.series_id.is_(None)).limit(50)))
    bulk = services.tasks.bulk_update(world.manager, ids, assignee_id=world.users["promo"])
    with services.store.read() as s:
        entry = s.get(Change, bulk.change_id)
        action = entry.tx or entry.id
        rows = s.scalar(select(func.count(func.distinct(ChangeRow.pk))).select_from(ChangeRow)
                        .where(ChangeRow.change_id == action, ChangeRow.tbl == "tasks"))
        changed = s.scalar(select(func.count()).select_from(Change).where(
            (Change.id == action) | (Change.tx == action)))
    assert rows == len(ids) > 20 and changed >= 1
    title = services.tasks.get(ids[7]).title
    services.tasks.update(world.actors["manager"], ids[7], title="改过的标题")
    before = snapshot()
    with pytest.raises(ConflictError) as refused:
        services.history.revert(world.manager, bulk.change_id)
    assert title in refused.value.message and "nothing was undone" in refused.value.message
    assert snapshot() == before


def test_undo_of_delete_puts_back_comments_and_links(services, world):
    task_id = next(iter(_new_task(services, world).ids))
    services.tasks.comment(world.actors["designer"], task_id, "已开始")
    other = next(iter(_new_task(services, world).ids))
    services.tasks.link(world.manager, task_id, other, "FS", 0)
    deleted = services.tasks.delete(world.manager, task_id)
    services.history.revert(world.manager, deleted.change_id)
    with services.store.read() as s:
        assert s.get(Task, task_id) is not None
        assert [c.text for c in s.scalars(select(Comment).where(Comment.task_id == task_id))] \
            == ["已开始"]
    assert (task_id, other) in {link[:2] for link in services.tasks.links(world.plan_id)}


def test_undo_never_cascades_over_a_colleagues_comment(services, world, snapshot):
    created = _new_task(services, world)
    services.tasks.comment(world.actors["designer"], next(iter(created.ids)), "我来做")
    before = snapshot()
    with pytest.raises(ConflictError):
        services.history.revert(world.manager, created.change_id)
    assert snapshot() == before


def test_a_failing_compound_action_leaves_no_data_and_no_log(services, world, snapshot):
    before = snapshot()
    with pytest.raises(ZeroDivisionError), services.store.write():
        _new_task(services, world)
        services.tasks.comment(world.manager, 1, "x")
        1 / 0  # noqa: B018 - the action fails half-way
    assert snapshot() == before


def test_one_action_is_one_transaction_with_one_action_entry(services, world):
    with services.store.write():
        a = _new_task(services, world)
        b = _new_task(services, world)
    with services.store.read() as s:
        second = s.get(Change, b.change_id)
        assert second.tx == a.change_id
    services.history.revert(world.manager, b.change_id)  # any entry names the action
    with services.store.read() as s:
        assert s.get(Task, next(iter(a.ids))) is None and s.get(Task, next(iter(b.ids))) is None


def test_secrets_never_reach_the_row_log(services, world):
    services.people.set_password(world.manager, world.users["ops"], "a-new-secret-1")
    with services.store.read() as s:
        logged = [str(r.old) + str(r.new) for r in s.scalars(
            select(ChangeRow).where(ChangeRow.tbl == "users"))]
    assert not any("password_hash" in text for text in logged)


def test_staff_cannot_undo_a_tick_off_of_a_task_given_away_since(services, world, snapshot):
    task_id = next(iter(_new_task(services, world).ids))
    done = services.tasks.tick_off(world.actors["designer"], task_id)
    services.tasks.update(world.manager, task_id, assignee_id=world.users["ops"])
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.history.revert(world.actors["designer"], done.change_id)
    assert snapshot() == before

