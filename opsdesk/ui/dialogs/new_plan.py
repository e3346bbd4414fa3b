"""New database with a plan from a template: file, launch day, name and first manager."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import Actor, files, validate
from opsdesk.services.session import close, open_session
from opsdesk.templates import available_templates, load_template
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets import file_dialog
from opsdesk.ui.widgets.messages import error_label


class NewPlanDialog(QDialog):
    """Make a new OpsDesk database holding one plan made from a template."""

    def __init__(self, lang: str, default_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.lang = lang
        self.created: Path | None = None
        self.manager_login = ""
        self.manager_password = ""
        self.path = QLineEdit(str(default_dir / "opsdesk.db"))
        self.path.setMinimumWidth(360)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.template = QComboBox()
        for key in available_templates():
            try:  # a saved template (Save as template…) that no longer reads is left out
                self.template.addItem(load_template(key).name.get(lang), key)
            except OpsDeskError:
                continue
        self.launch = QDateEdit()
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        self.launch.setDate(QDate.currentDate().addMonths(1))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("the template's name"))
        self.manager_name = QLineEdit()
        self.manager_id = QLineEdit("admin")
        # issue #12: no manager without a password; asked twice, the two must match
        self.password = QLineEdit()
        self.password.setObjectName("newPlanPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("newPlanPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Database file"), row)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Launch day"), self.launch)
        form.addRow(self.tr("Plan name"), self.name)
        form.addRow(self.tr("Your name (manager)"), self.manager_name)
        form.addRow(self.tr("Your login"), self.manager_id)
        form.addRow(self.tr("Your password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("New plan"))

    def _browse(self) -> None:
        path, _ = file_dialog.get_save_file_name(self, self.tr("New database"), self.path.text(),
                                              self.tr("OpsDesk databases (*.db)"))
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        empty = path.is_file() and path.stat().st_size == 0  # an empty file is filled in
        if path.exists() and not empty:
            self.error.setText(self.tr("{path} already exists; choose a new file.").format(path=path))
            return
        qd = self.launch.date()
        try:
            validate.text(self.manager_name.text(), "name", 100)
            validate.text(self.manager_id.text(), "login", 64)
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        if self.password.text() != self.password_again.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            self.password_again.selectAll()
            self.password_again.setFocus()
            return
        services = None
        try:
            services = open_session(path, create=True)
            system = Actor.system()
            services.plans.create_from_template(
                system, load_template(self.template.currentData()),
                dt.date(qd.year(), qd.month(), qd.day()), self.name.text().strip() or None,
                self.lang)
            services.people.create_user(system, self.manager_name.text(),
                                        self.manager_id.text(), "operations", is_manager=True,
                                        password=self.password.text())
            close(services)
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            if services is not None:
                close(services)  # before the file is removed or emptied again
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                if leftover == path and empty:
                    files.write_user_bytes(leftover, b"")  # left as empty as it was
                else:
                    leftover.unlink(missing_ok=True)
            return
        self.created = path
        self.manager_login = self.manager_id.text().strip()
        self.manager_password = self.password.text()  # to sign in at once, then forgotten
        super().accept()
