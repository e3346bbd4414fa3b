"""Undo/redo: ``QUndoCommand``s that hold only a change-log id and a label.

The services own undo (design.md, "Undo/redo"): ``HistoryService.revert`` puts back what
an action changed, ``reapply`` what it wrote, each refused with a conflict naming who
changed what when someone changed those rows since. Run every edit through
``UndoRunner.run``: the action is carried out first (a refused or failing action is
explained and never reaches the stack), then pushed as an already-done command. Undo and
redo hand their ``Changes`` to the main window like any other write. A refused undo or redo
is explained and the command becomes obsolete, so the stack stays consistent and nothing is
overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from opsdesk.services import Actor, Changes
    from opsdesk.services.history import HistoryService

BACKGROUND_AT = 200
"""An undo or redo of an action that touched this many tasks or more runs off the GUI
thread (the window stays responsive; Undo/Redo wait until it is done)."""

Action = Callable[[], "Changes"]
History = Callable[[], "tuple[HistoryService, Actor]"]
"""The history service and the signed-in person, as they are when the step is undone."""


class ServiceCommand(QUndoCommand):
    """One user action on the undo stack: its change-log id and its label, nothing else."""

    def __init__(self, text: str, change_id: int, runner: UndoRunner, size: int = 0) -> None:
        super().__init__(text)
        self.change_id = change_id
        self.size = size  # how many tasks the action touched (a big one undoes off-thread)
        self._runner = runner
        self._skip_next = True  # pushed after the action was carried out

    def redo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self._runner.step(self, redo=True)

    def undo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self._runner.step(self, redo=False)


class UndoRunner:
    """Carries out an action and records it on the undo stack."""

    def __init__(self, stack: QUndoStack, apply: Callable[[Changes], None],
                 parent_widget: QWidget | None, history: History,
                 on_busy: Callable[[bool], None] | None = None) -> None:
        self.stack = stack
        self.apply = apply
        self.parent_widget = parent_widget
        self.history = history
        self.on_busy = on_busy
        self.busy = False  # a big undo or redo is running off the GUI thread

    def run(self, text: str, do: Action, show_errors: bool = True) -> Changes | None:
        """Do it now; on success push it (when it was logged) and return the ``Changes``;
        on a refused or invalid action explain it and return None."""
        try:
            changes = do()
        except OpsDeskError as exc:
            if show_errors:
                show_error(self.parent_widget, exc)
                return None
            raise
        self.apply(changes)
        if changes.change_id is not None:
            self.stack.push(ServiceCommand(text, changes.change_id, self, len(changes.ids)))
        return changes

    def record(self, text: str, changes: Changes) -> None:
        """An action already carried out (e.g. on a background thread): hand its
        ``Changes`` to the views and put it on the stack."""
        self.apply(changes)
        if changes.change_id is not None:
            self.stack.push(ServiceCommand(text, changes.change_id, self, len(changes.ids)))

    def run_in_background(self, text: str, do: Action,
                          failed: Callable[[OpsDeskError], None],
                          done: Callable[[Changes], None] | None = None) -> None:
        """Carry out a big action (``BACKGROUND_AT`` tasks or more) off the GUI thread; when
        it is done, record it like ``run``; a refusal or failure goes to ``failed`` on the
        GUI thread. Undo and Redo wait meanwhile (``busy``)."""
        from opsdesk.ui.background import run_in_background

        self._set_busy(True)

        def finished(changes: Changes) -> None:
            self._set_busy(False)
            self.record(text, changes)
            if done is not None:
                done(changes)

        def refused(exc: OpsDeskError) -> None:
            self._set_busy(False)
            failed(exc)

        run_in_background(self.parent_widget, lambda _progress: do(), finished, refused,
                          cancellable=False)

    def step(self, command: ServiceCommand, redo: bool) -> None:
        history, actor = self.history()
        cid = command.change_id

        def call() -> Changes:
            return history.reapply(actor, cid) if redo else history.revert(actor, cid)

        if command.size < BACKGROUND_AT:
            try:
                changes = call()
            except OpsDeskError as exc:
                command.setObsolete(True)  # Qt drops it: nothing left to redo wrongly
                show_error(self.parent_widget, exc)
                return
            self.apply(changes)
            return
        from opsdesk.ui.background import run_in_background

        self._set_busy(True)

        def done(changes: Changes) -> None:
            self._set_busy(False)
            self.apply(changes)

        def failed(exc: OpsDeskError) -> None:
            self._set_busy(False)
            # The stack already moved past the command: step back over it without acting,
            # and Qt drops it as obsolete, so the stack matches the data again.
            command._skip_next = True
            command.setObsolete(True)
            if redo:
                self.stack.undo()
            else:
                self.stack.redo()
            show_error(self.parent_widget, exc)

        run_in_background(self.parent_widget, lambda _progress: call(), done, failed,
                          cancellable=False)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if self.on_busy is not None:
            self.on_busy(busy)
