"""Dialogs of the People view: a person (name, login, role, manager, password) and a role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label


class PersonDialog(QDialog):
    """A person's name, login, role, manager flag (and first password). With ``submit``,
    OK writes through it and the dialog stays open, with the reason shown in it, when the
    write is refused (a login already taken, an empty name): nothing typed is lost."""

    def __init__(self, roles, lang: str, user=None, parent: QWidget | None = None,
                 submit: Callable[[PersonDialog], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.submit = submit
        self.error = error_label("personError")
        self.error.hide()
        self.setWindowTitle(self.tr("Edit person") if user else self.tr("Add person"))
        self.name = QLineEdit(user.name if user else "")
        self.name.setObjectName("personName")
        self.login = QLineEdit(user.login if user else "")
        self.login.setObjectName("personLogin")
        self.login.setEnabled(user is None)
        self.role = QComboBox()
        self.role.setObjectName("personRole")
        for r in roles:
            self.role.addItem(r.name(lang), r.id)
        if user is not None:
            self.role.setCurrentIndex(max(self.role.findData(user.role_id), 0))
        self.manager = QCheckBox(self.tr("Manager (may edit the plan and manage people)"))
        self.manager.setObjectName("personManager")
        self.manager.setChecked(bool(user and user.is_manager))
        self.password = QLineEdit()
        self.password.setObjectName("personPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("optional: staff may sign in without one"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.manager)
        if user is None:
            form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.submit is not None:
            try:
                self.submit(self)
            except OpsDeskError as exc:
                self.error.setText(error_text(exc))
                self.error.show()
                focus = {"name": self.name, "login": self.login}.get(
                    getattr(exc, "field", None) or "")
                if focus is not None:
                    focus.setFocus()
                return
        super().accept()


class RoleDialog(QDialog):
    def __init__(self, role=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleDialog")
        self.setWindowTitle(self.tr("Edit role") if role else self.tr("Add role"))
        self.name_zh = QLineEdit(role.name_zh if role else "")
        self.name_zh.setObjectName("roleNameZh")
        self.name_en = QLineEdit(role.name_en if role else "")
        self.name_en.setObjectName("roleNameEn")
        self.color = QColor(role.color if role else "#607d8b")
        self.color_button = QPushButton()
        self.color_button.setObjectName("roleColor")
        self.color_button.clicked.connect(self.pick_color)
        self._show_color()
        form = QFormLayout()
        form.addRow(self.tr("Chinese name"), self.name_zh)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Colour"), self.color_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def pick_color(self) -> None:
        color = QColorDialog.getColor(self.color, self, self.tr("Role colour"))
        if color.isValid():
            self.color = color
            self._show_color()

    def _show_color(self) -> None:
        self.color_button.setText(self.color.name())
        self.color_button.setStyleSheet(
            f"QPushButton {{ background: {self.color.name()}; color: "
            f"{'#000' if self.color.lightness() > 150 else '#fff'}; padding: 4px 12px; }}")
