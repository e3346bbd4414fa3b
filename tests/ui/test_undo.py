"""The undo framework: refused actions never reach the stack; a refused undo is explained
(without blocking) and leaves the stack consistent."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from opsdesk.errors import ConflictError, ValidationError
from opsdesk.services import Changes
from opsdesk.ui.undo import UndoRunner


def _boxes():
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def _runner(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    applied: list[Changes] = []
    return UndoRunner(QUndoStack(parent), applied.append, parent), applied


def test_a_refused_action_is_explained_and_not_pushed(qtbot):
    runner, applied = _runner(qtbot)

    def refuse():
        raise ValidationError("The title must not be empty.")

    assert runner.run("edit", refuse, lambda _c: Changes()) is None
    assert runner.stack.count() == 0 and applied == []
    qtbot.waitUntil(lambda: any("must not be empty" in b.text() for b in _boxes()))
    for box in _boxes():
        box.close()


def test_undo_redo_call_the_services_and_hand_on_the_changes(qtbot):
    runner, applied = _runner(qtbot)
    state = {"value": 0}

    def do():
        state["value"] += 1
        return Changes(tasks=True, ids=frozenset({state["value"]}))

    def undo(last):
        assert last.ids == frozenset({state["value"]})
        state["value"] -= 1
        return Changes(tasks=True)

    runner.run("add one", do, undo)
    assert state["value"] == 1 and runner.stack.count() == 1 and len(applied) == 1
    runner.stack.undo()
    assert state["value"] == 0 and len(applied) == 2
    runner.stack.redo()
    assert state["value"] == 1 and len(applied) == 3


def test_a_refused_undo_is_explained_and_the_command_dropped(qtbot):
    runner, applied = _runner(qtbot)

    def conflict(_last):
        raise ConflictError()

    runner.run("edit", lambda: Changes(tasks=True), conflict)
    runner.stack.undo()  # must not block on a modal box
    qtbot.waitUntil(lambda: any("Someone else changed" in b.text() for b in _boxes()))
    assert runner.stack.count() == 0  # obsolete: removed, nothing left to redo wrongly
    assert not runner.stack.canRedo()
    for box in _boxes():
        box.close()
