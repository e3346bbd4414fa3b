"""The reload-or-overwrite question when someone else changed a record meanwhile
(optimistic concurrency: a service raised ``ConflictError``). Any view may call it."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.errors import ConflictError


class ConflictChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class ConflictDialog(QMessageBox):
    """Someone else changed this; reload theirs, or overwrite with mine."""

    def __init__(self, parent: QWidget | None, what: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setText(self.tr("Someone else changed {what} after you opened it.").format(
            what=what or self.tr("this task")))
        self.setInformativeText(self.tr(
            "Reload shows their version and drops your edit. Overwrite saves your edit over "
            "theirs (their change stays in the activity log)."))
        self.reload_button = self.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.reload_button.setObjectName("conflictReload")
        self.overwrite_button = self.addButton(self.tr("Overwrite"),
                                               QMessageBox.ButtonRole.DestructiveRole)
        self.overwrite_button.setObjectName("conflictOverwrite")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("conflictCancel")
        self.setDefaultButton(self.reload_button)
        self.setEscapeButton(cancel)

    def choice(self) -> ConflictChoice:
        clicked = self.clickedButton()
        if clicked is self.reload_button:
            return ConflictChoice.RELOAD
        if clicked is self.overwrite_button:
            return ConflictChoice.OVERWRITE
        return ConflictChoice.CANCEL


def ask_conflict(parent: QWidget | None, what: str | None = None) -> ConflictChoice:
    """Ask (modally) whether to reload or overwrite."""
    dialog = ConflictDialog(parent, what)
    dialog.exec()
    return dialog.choice()


def write_with_conflict_check(parent: QWidget | None, write: Callable[[int | None], object],
                              expected_version: int | None, reload: Callable[[], None],
                              what: str | None = None):
    """Run ``write(expected_version)``; on a conflict ask, then reload (returns None) or
    ``write(None)`` to overwrite (returns its result). Other errors propagate.

    Typical use in a view::

        changes = write_with_conflict_check(
            self, lambda v: services.tasks.update(actor, tid, expected_version=v, title=t),
            row.version, self.refresh)
    """
    try:
        return write(expected_version)
    except ConflictError:
        choice = ask_conflict(parent, what)
    if choice is ConflictChoice.OVERWRITE:
        return write(None)
    if choice is ConflictChoice.RELOAD:
        reload()
    return None
