"""File ▸ Open of a plan from another tool (.planner, .gan, MS Project .xml): what the import
will bring, then a new database beside the file with its first manager, holding that plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import validate
from opsdesk.services.imports import (
    ImportService,
    database_beside,
    import_into_new,
    preview_in_new,
    read_plan_file,
)
from opsdesk.ui.dialogs.interchange import preview_text
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label

if TYPE_CHECKING:
    from opsdesk.interchange.plan_doc import PlanDoc


def _new(text: str) -> str:
    """The new-plan dialog's words for the same fields (one translation for both)."""
    return QCoreApplication.translate("NewPlanDialog", text)


def _import(text: str) -> str:
    return QCoreApplication.translate("ImportPlanDialog", text)


class ImportNewDialog(QDialog):
    """Preview a plan file, then import it into a new database beside it. ``load`` reads the
    file (False, with the reason in ``problem``, when it cannot be imported)."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importNewDialog")
        self.source = Path(path)
        self.doc: PlanDoc | None = None
        self.problem = ""
        self.created: Path | None = None
        self.plan_id: int | None = None
        self.manager_login = ""
        self.manager_password = ""
        self.summary = QLabel()
        self.summary.setObjectName("importNewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        scroll.setMinimumHeight(140)
        self.target = QLineEdit(str(database_beside(self.source)))
        self.target.setObjectName("importNewTarget")
        self.name = QLineEdit()
        self.launch = QDateEdit()
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        self.manager_name = QLineEdit()
        self.manager_id = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setObjectName("importNewPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("importNewPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import into a new database"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_import("File"), QLabel(self.source.name))
        form.addRow(scroll)
        form.addRow(self.tr("New database"), self.target)
        form.addRow(_import("Plan name"), self.name)
        form.addRow(_import("Launch day"), self.launch)
        form.addRow(_new("Your name (manager)"), self.manager_name)
        form.addRow(_new("Your login"), self.manager_id)
        form.addRow(_new("Your password"), self.password)
        form.addRow(_new("Password again"), self.password_again)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Open a plan from another tool"))
        self.resize(620, 560)

    def load(self) -> bool:
        """Read and check the file and show its preview; nothing is written."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            doc = read_plan_file(self.source)
            ImportService.check_doc(doc, self.source.name)
            preview = preview_in_new(doc, self.source.name)
        except OpsDeskError as exc:
            self.problem = error_text(exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.doc = doc
        self.summary.setText(preview_text(preview))
        self.name.setText(preview.name or self.source.stem)
        start = doc.launch or doc.start or preview.start or dt.date.today()
        self.launch.setDate(QDate(start.year, start.month, start.day))
        return True

    def accept(self) -> None:
        if self.doc is None:
            return
        target = Path(self.target.text().strip()).expanduser()
        if target.exists():
            self.error.setText(_new("{path} already exists; choose a new file.")
                               .format(path=target))
            return
        try:
            validate.text(self.manager_name.text(), "name", 100)
            login = validate.text(self.manager_id.text(), "login", 64)
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        if self.password.text() != self.password_again.text():
            self.error.setText(_new("The two passwords are not the same."))
            self.password_again.selectAll()
            self.password_again.setFocus()
            return
        qd = self.launch.date()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = import_into_new(
                target, self.doc, file=self.source.name, manager_name=self.manager_name.text(),
                manager_login=login, password=self.password.text(),
                name=self.name.text().strip() or None,
                launch=dt.date(qd.year(), qd.month(), qd.day()))
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.created = target
        self.plan_id = changes.plan_id
        self.manager_login = login
        self.manager_password = self.password.text()  # to sign in at once, then forgotten
        super().accept()
