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
    assert vars(command).keys() <= {"change_id", "_runner", "_skip_first_redo"}
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
