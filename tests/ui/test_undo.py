"""The undo framework: a command holds only a change-log id and a label; undo and redo are
the services' (HistoryService). Refused actions never reach the stack; a refused undo is
explained (without blocking) and leaves the stack consistent."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from opsdesk.errors import ValidationError
from opsdesk.services import Changes
from opsdesk.ui.undo import ServiceCommand, UndoRunner


def _boxes():
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def _runner(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    applied: list[Changes] = []
    runner = UndoRunner(QUndoStack(parent), applied.append, parent,
                        lambda: (ctx.services.history, ctx.actor))
    return runner, applied


def _a_task(ctx):
    plan = ctx.services.plans.list()[0].id
    return next(t for t in ctx.services.tasks.list(plan) if t.status == "todo")


def test_a_refused_action_is_explained_and_not_pushed(qtbot, ctx):
    runner, applied = _runner(qtbot, ctx)

    def refuse():
        raise ValidationError("The title must not be empty.")

    assert runner.run("edit", refuse) is None
    assert runner.stack.count() == 0 and applied == []
    qtbot.waitUntil(lambda: any("must not be empty" in b.text() for b in _boxes()))
    for box in _boxes():
        box.close()


def test_the_command_holds_the_change_id_and_undo_redo_are_the_services(qtbot, ctx):
    runner, applied = _runner(qtbot, ctx)
    task = _a_task(ctx)
    done = runner.run("rename", lambda: ctx.services.tasks.update(ctx.actor, task.id,
                                                                   title="新标题"))
    command = runner.stack.command(0)
    assert isinstance(command, ServiceCommand) and command.change_id == done.change_id
    assert vars(command).keys() <= {"change_id", "size", "_runner", "_skip_next"}
    runner.stack.undo()
    assert ctx.services.tasks.get(task.id).title == task.title and len(applied) == 2
    assert task.id in applied[-1].ids
    runner.stack.redo()
    assert ctx.services.tasks.get(task.id).title == "新标题" and len(applied) == 3


def test_a_refused_undo_is_explained_and_the_command_dropped(qtbot, ctx):
    runner, applied = _runner(qtbot, ctx)
    task = _a_task(ctx)
    runner.run("rename", lambda: ctx.services.tasks.update(ctx.actor, task.id, title="A"))
    ctx.services.tasks.update(ctx.actor, task.id, title="B")  # another window, meanwhile
    runner.stack.undo()  # must not block on a modal box
    qtbot.waitUntil(lambda: any("nothing was undone" in b.text() for b in _boxes()))
    assert ctx.services.tasks.get(task.id).title == "B"
    assert runner.stack.count() == 0  # obsolete: removed, nothing left to redo wrongly
    assert not runner.stack.canRedo()
    for box in _boxes():
        box.close()


def _some_tasks(ctx, n):
    plan = ctx.services.plans.list()[0].id
    return [t for t in ctx.services.tasks.list(plan) if t.status == "todo"][:n]


def test_a_big_undo_runs_off_the_gui_thread_and_lands(qtbot, ctx, monkeypatch):
    from opsdesk.ui import undo as undo_module

    monkeypatch.setattr(undo_module, "BACKGROUND_AT", 3)
    busy: list[bool] = []
    runner, applied = _runner(qtbot, ctx)
    runner.on_busy = busy.append
    tasks = _some_tasks(ctx, 5)
    ids = [t.id for t in tasks]
    runner.run("assign", lambda: ctx.services.tasks.bulk_update(ctx.actor, ids,
                                                                  priority="urgent"))
    runner.stack.undo()
    assert busy == [True]  # handed to the background runner, the GUI thread goes on
    qtbot.waitUntil(lambda: busy == [True, False])
    assert [ctx.services.tasks.get(i).priority for i in ids] == [t.priority for t in tasks]
    assert set(applied[-1].ids) == set(ids) and runner.stack.canRedo()
    runner.stack.redo()
    qtbot.waitUntil(lambda: busy == [True, False, True, False])
    assert {ctx.services.tasks.get(i).priority for i in ids} == {"urgent"}


def test_a_refused_big_undo_leaves_the_stack_as_the_data_is(qtbot, ctx, monkeypatch):
    from opsdesk.ui import undo as undo_module

    monkeypatch.setattr(undo_module, "BACKGROUND_AT", 3)
    shown: list = []
    monkeypatch.setattr(undo_module, "show_error", lambda parent, exc: shown.append(exc))
    runner, applied = _runner(qtbot, ctx)
    ids = [t.id for t in _some_tasks(ctx, 5)]
    runner.run("first", lambda: ctx.services.tasks.update(ctx.actor, ids[0], title="一"))
    runner.run("assign", lambda: ctx.services.tasks.bulk_update(ctx.actor, ids,
                                                                  priority="urgent"))
    ctx.services.tasks.update(ctx.actor, ids[2], priority="low")  # another window
    runner.stack.undo()
    qtbot.waitUntil(lambda: bool(shown))
    assert "nothing was undone" in shown[0].message
    assert runner.stack.count() == 1 and runner.stack.index() == 1  # only "first" is left
    assert ctx.services.tasks.get(ids[2]).priority == "low"
    assert ctx.services.tasks.get(ids[0]).priority == "urgent"
    runner.stack.undo()  # the earlier action: its row changed since (the bulk edit stays)
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert ctx.services.tasks.get(ids[0]).title == "一" and runner.stack.count() == 0
