"""Undo and redo of a single task's tick-off, reopen and inline edit put back exactly what
was there (status with who ticked it off and when), and refuse — explained, the command
dropped — when someone else changed the task since."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from opsdesk.services import Services
from opsdesk.ui import undo as undo_module
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.ops import TaskOps, compound
from opsdesk.ui.tasks.state import COL

TICKED_AT = dt.datetime(2026, 8, 15, 10, 30)


@pytest.fixture
def errors(monkeypatch):
    """Errors shown by the view and by a refused undo (without a modal box)."""
    shown = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(undo_module, "show_error", lambda parent, exc: shown.append(exc))
    return shown


def _tasks_view(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, window.show_view("tasks")


def _plan(ctx) -> int:
    return ctx.plan_id or ctx.services.plans.list()[0].id


def _kefu_task(ctx):
    kefu = ctx.services.people.authenticate("kefu")
    task = next(t for t in ctx.services.tasks.list(_plan(ctx)) if t.assignee_id == kefu.user_id)
    return kefu, task


def _ticked_by_kefu(ctx):
    """李客服 ticked off their task on 2026-08-15 (another session, its own clock)."""
    kefu, task = _kefu_task(ctx)
    Services(ctx.store, lambda: TICKED_AT).tasks.tick_off(kefu, task.id)
    return kefu, ctx.services.tasks.get(task.id)


def _check(view, task_id: int, done: bool) -> bool:
    state = Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
    return view.model.setData(view.model.index_of(task_id), state.value,
                              Qt.ItemDataRole.CheckStateRole)


def _state(ctx, task_id: int) -> tuple:
    t = ctx.services.tasks.get(task_id)
    return t.status, t.done_at, t.done_by


def test_undo_of_a_tick_off_brings_a_blocked_task_back_blocked(qtbot, ctx, errors):
    window, view = _tasks_view(qtbot, ctx)
    blocked = next(t for t in ctx.services.tasks.list(_plan(ctx)) if t.status == "blocked")
    assert _check(view, blocked.id, True)
    ticked = _state(ctx, blocked.id)
    assert ticked[0] == "done" and ticked[2] == ctx.actor.user_id
    window.undo_stack.undo()
    assert _state(ctx, blocked.id) == ("blocked", None, None)
    assert window.undo_stack.canRedo()
    window.undo_stack.redo()
    assert _state(ctx, blocked.id) == ticked  # the same who and when as the first tick-off
    assert not errors


def test_staff_undo_their_own_tick_off_of_a_blocked_task(qtbot, ctx, errors):
    kefu, task = _kefu_task(ctx)
    ctx.services.tasks.update(ctx.actor, task.id, status="blocked")
    ctx.actor = kefu
    window, view = _tasks_view(qtbot, ctx)
    assert _check(view, task.id, True)
    assert _state(ctx, task.id)[::2] == ("done", kefu.user_id)
    window.undo_stack.undo()
    assert _state(ctx, task.id) == ("blocked", None, None)
    assert not errors and window.undo_stack.count() == 1


def test_manager_reopens_someone_elses_tick_and_undo_restores_who_and_when(qtbot, ctx,
                                                                             errors):
    kefu, task = _ticked_by_kefu(ctx)
    window, view = _tasks_view(qtbot, ctx)
    assert _check(view, task.id, False)
    assert _state(ctx, task.id) == ("todo", None, None)
    window.undo_stack.undo()
    assert _state(ctx, task.id) == ("done", TICKED_AT, kefu.user_id)
    window.undo_stack.redo()
    assert _state(ctx, task.id) == ("todo", None, None)
    window.undo_stack.undo()
    assert _state(ctx, task.id) == ("done", TICKED_AT, kefu.user_id)
    assert not errors


def test_undo_of_an_inline_status_edit_keeps_who_ticked_it_off(qtbot, ctx, errors):
    kefu, task = _ticked_by_kefu(ctx)
    window, view = _tasks_view(qtbot, ctx)
    assert view.model.setData(view.model.index_of(task.id, COL["status"]), "todo")
    assert _state(ctx, task.id) == ("todo", None, None)
    window.undo_stack.undo()
    assert _state(ctx, task.id) == ("done", TICKED_AT, kefu.user_id)
    assert not errors


def test_undo_of_an_inline_edit_refuses_to_overwrite_a_later_change(qtbot, ctx, errors):
    window, view = _tasks_view(qtbot, ctx)
    row = next(r for r in view.model.rows if ctx.services.tasks.get(r.id).priority == "normal")
    assert view.model.setData(view.model.index_of(row.id, COL["priority"]), "high")
    assert ctx.services.tasks.get(row.id).priority == "high"
    ctx.services.tasks.update(ctx.actor, row.id, priority="urgent")  # another session
    window.undo_stack.undo()
    assert ctx.services.tasks.get(row.id).priority == "urgent"
    assert errors and "nothing was undone" in errors[-1].message
    assert window.undo_stack.count() == 0  # obsolete: nothing left to redo wrongly


def test_undo_of_a_tick_off_refuses_when_the_task_changed_since(qtbot, ctx, errors):
    window, view = _tasks_view(qtbot, ctx)
    blocked = next(t for t in ctx.services.tasks.list(_plan(ctx)) if t.status == "blocked")
    assert _check(view, blocked.id, True)
    ctx.services.tasks.reopen(ctx.actor, blocked.id)  # someone else reopened it meanwhile
    window.undo_stack.undo()
    assert _state(ctx, blocked.id) == ("todo", None, None)
    assert errors and "nothing was undone" in errors[-1].message
    assert window.undo_stack.count() == 0


def test_a_dialog_edit_step_undoes_and_redoes_exactly(ctx):
    kefu, task = _ticked_by_kefu(ctx)
    ops = TaskOps(ctx.services, ctx.actor, _plan(ctx))
    do = compound(ctx.services, [ops.update_step(task.id, task.version, {"status": "done"},
                                                 {"status": "todo", "priority": "urgent"})])
    last = do()
    assert _state(ctx, task.id) == ("todo", None, None)
    ctx.services.history.revert(ctx.actor, last.change_id)
    assert _state(ctx, task.id) == ("done", TICKED_AT, kefu.user_id)
    assert ctx.services.tasks.get(task.id).priority == task.priority
    ctx.services.history.reapply(ctx.actor, last.change_id)
    assert _state(ctx, task.id) == ("todo", None, None)
    assert ctx.services.tasks.get(task.id).priority == "urgent"


def test_my_work_tick_off_of_a_blocked_task_undoes_to_blocked(qtbot, ctx, errors):
    kefu, task = _kefu_task(ctx)
    ctx.services.tasks.update(ctx.actor, task.id, status="blocked")
    staff = dataclasses.replace(ctx, actor=kefu)
    window = MainWindow(staff)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("mywork")
    with qtbot.waitSignal(window.changes_applied):
        view.toggle_row(view.model.row_of[task.id])
    assert _state(ctx, task.id)[::2] == ("done", kefu.user_id)
    with qtbot.waitSignal(window.changes_applied):
        window.undo_stack.undo()
    assert _state(ctx, task.id) == ("blocked", None, None)
    assert not view.model.task_at(view.model.row_of[task.id]).done
    assert not errors
