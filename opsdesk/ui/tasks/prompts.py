"""The Tasks view's questions to the person (conflict, routine scope, confirm, days,
errors), in one module so tests can answer them without a modal loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.dialogs import conflict
from opsdesk.ui.dialogs.conflict import ConflictChoice
from opsdesk.ui.i18n_contexts import TaskPrompts
from opsdesk.ui.widgets import messages


def ask_conflict(parent: QWidget | None, what: str | None = None, last=None,
                 lang: str = "zh_CN") -> ConflictChoice:
    """Someone changed the task meanwhile: reload, overwrite or cancel — the app's one
    conflict dialog (``opsdesk.ui.dialogs.conflict``), the same for every edit path;
    ``last`` (``AuditService.last_task_change``) names who changed what and when."""
    return conflict.ask_conflict(parent, what, last, lang)


def ask_scope(parent: QWidget | None) -> str | None:
    """An occurrence of a routine is edited: "one", "later" or "all" (None: cancel) — the
    question the routine dialog asks (``opsdesk.ui.mywork.routine_dialog``)."""
    from opsdesk.ui.mywork.routine_dialog import ask_scope

    return ask_scope(parent)


def confirm(parent: QWidget | None, title: str, question: str, detail: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmBox")
    box.setInformativeText(detail)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_days(parent: QWidget | None, count: int, working_days: bool = False) -> int | None:
    # (its own statement: right after a QCoreApplication.translate call lupdate files a
    # TaskPrompts.tr under the context "QCoreApplication.TaskPrompts")
    if working_days:
        question = TaskPrompts.tr(
            "Move %n task(s) by how many working days? (negative: earlier)", "", count)
    else:
        question = TaskPrompts.tr("Move %n task(s) by how many days? (negative: earlier)", "", count)
    days, ok = QInputDialog.getInt(
        parent, QCoreApplication.translate("TaskPrompts", "Reschedule"), question, 7, -365, 365)
    return days if ok and days else None


def show_error(parent: QWidget | None, exc: OpsDeskError) -> None:
    messages.show_error(parent, exc)


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()
