"""The Tasks view's questions to the person (conflict, confirm, days, errors), in one
module so tests can answer them without a modal loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.widgets import messages


def ask_conflict(parent: QWidget | None) -> str:
    """Someone changed the task meanwhile: "reload", "overwrite" or "cancel"."""
    box = QMessageBox(parent)
    box.setObjectName("conflictBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("TaskPrompts", "Changed by someone else"))
    box.setText(QCoreApplication.translate("TaskPrompts", "Someone changed this task after you opened it."))
    box.setInformativeText(QCoreApplication.translate("TaskPrompts", "Reload shows their version (your edit is dropped); "
                               "Overwrite saves yours over theirs."))
    reload_ = box.addButton(QCoreApplication.translate("TaskPrompts", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(QCoreApplication.translate("TaskPrompts", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_)
    box.exec()
    clicked = box.clickedButton()
    return "reload" if clicked is reload_ else "overwrite" if clicked is overwrite else "cancel"


def confirm(parent: QWidget | None, title: str, question: str, detail: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmBox")
    box.setInformativeText(detail)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_days(parent: QWidget | None, count: int) -> int | None:
    days, ok = QInputDialog.getInt(
        parent, QCoreApplication.translate("TaskPrompts", "Reschedule"),
        QCoreApplication.translate("TaskPrompts", "Move %n task(s) by how many days? "
                                   "(negative: earlier)", "", count), 7, -365, 365)
    return days if ok and days else None


def show_error(parent: QWidget | None, exc: OpsDeskError) -> None:
    messages.show_error(parent, exc)


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()
