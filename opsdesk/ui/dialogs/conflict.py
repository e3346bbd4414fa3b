"""The reload-or-overwrite question when someone else changed a record meanwhile
(optimistic concurrency: a service raised ``ConflictError``). Any view may call it."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.errors import ConflictError

if TYPE_CHECKING:
    from opsdesk.services.audit import LastChange


class ConflictChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class ConflictDialog(QMessageBox):
    """Someone else changed this; reload theirs, or overwrite with mine."""

    def __init__(self, parent: QWidget | None, what: str | None = None,
                 last: LastChange | None = None, lang: str = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by someone else"))
        what = what or self.tr("this task")
        if last is not None and last.fields:
            from opsdesk.ui import fmt
            from opsdesk.ui.activity.describe import field_name

            shown = [f for f in last.fields if f not in ("done_at", "done_by")] or ["status"]
            self.setText(self.tr("{who} changed the {fields} of {what} at {when}, after you "
                                 "opened it.").format(
                who=last.who or self.tr("Someone"), what=what,
                fields=self.tr(", ").join(field_name(f) for f in shown),
                when=fmt.local_datetime(last.at, lang)))
        else:
            self.setText(self.tr("Someone else changed {what} after you opened it.").format(
                what=what))
        self.setInformativeText(self.tr(
            "Reload: see the task as it is now; your edit is dropped. Overwrite: save the "
            "fields you changed over theirs; what they changed in other fields stays (and "
            "the activity log keeps both). Cancel: do nothing."))
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


def ask_conflict(parent: QWidget | None, what: str | None = None,
                 last: LastChange | None = None, lang: str = "zh_CN") -> ConflictChoice:
    """Ask (modally) whether to reload or overwrite; ``last``: who changed what, and when."""
    dialog = ConflictDialog(parent, what, last, lang)
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
