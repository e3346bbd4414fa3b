"""Undo/redo: ``QUndoCommand``s whose redo and undo are service calls returning ``Changes``.

Run every edit through ``UndoRunner.run``: the action is carried out first (a refused or
failing action is explained and never reaches the stack), then pushed as an already-done
command. Undo and redo hand their ``Changes`` to the main window like any other write. An
undo that the services refuse (someone changed the record meanwhile, or the person lacks
the right) is explained and the command becomes obsolete, so the stack stays consistent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from opsdesk.services import Changes

Action = Callable[[], "Changes"]
UndoAction = Callable[["Changes"], "Changes"]
"""Undo gets the ``Changes`` of the latest do (e.g. the id of the task it created)."""


class ServiceCommand(QUndoCommand):
    """One user action: ``do`` and ``undo`` are service calls (design.md, Undo/redo)."""

    def __init__(self, text: str, do: Action, undo: UndoAction,
                 apply: Callable[[Changes], None], parent_widget: QWidget | None = None,
                 done: Changes | None = None) -> None:
        super().__init__(text)
        self._do, self._undo, self._apply = do, undo, apply
        self._parent_widget = parent_widget
        self._last = done  # set when the action was already carried out before the push
        self._skip_first_redo = done is not None

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._call(self._do)

    def undo(self) -> None:
        last = self._last
        self._call(lambda: self._undo(last))

    def _call(self, action: Action) -> None:
        try:
            changes = action()
        except OpsDeskError as exc:
            self.setObsolete(True)
            show_error(self._parent_widget, exc)
            return
        self._last = changes
        self._apply(changes)


class UndoRunner:
    """Carries out an action and records it on the undo stack."""

    def __init__(self, stack: QUndoStack, apply: Callable[[Changes], None],
                 parent_widget: QWidget | None = None) -> None:
        self.stack = stack
        self.apply = apply
        self.parent_widget = parent_widget

    def run(self, text: str, do: Action, undo: UndoAction | None = None,
            show_errors: bool = True) -> Changes | None:
        """Do it now; on success push it (undoable when ``undo`` is given) and return the
        ``Changes``; on a refused or invalid action explain it and return None."""
        try:
            changes = do()
        except OpsDeskError as exc:
            if show_errors:
                show_error(self.parent_widget, exc)
                return None
            raise
        self.apply(changes)
        if undo is not None:
            self.stack.push(ServiceCommand(text, do, undo, self.apply, self.parent_widget,
                                           done=changes))
        return changes
