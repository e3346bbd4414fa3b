"""A manager without a password (a file from before issue #12) sets one before going on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import Actor, Services
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label
from opsdesk.ui.widgets.retranslate import Retranslating


class SetPasswordDialog(Retranslating, QDialog):
    """Asks twice for the new password; on OK it is set and ``actor`` is the person signed in."""

    def __init__(self, services: Services, login: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPasswordDialog")
        self.services, self.login, self.name = services, login, name
        self.actor: Actor | None = None
        self.explain = QLabel()
        self.explain.setObjectName("setPasswordExplain")
        self.explain.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("setPasswordNew")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("setPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label("setPasswordError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.form.addRow(self.explain)
        self.label_new, self.label_again = QLabel(), QLabel()
        self.form.addRow(self.label_new, self.password)
        self.form.addRow(self.label_again, self.again)
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate_ui()
        self.password.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set your password"))
        self.explain.setText(self.tr(
            "{name}, you are a manager and have no password yet. Managers sign in with a "
            "password, so set one now; from now on you sign in with it.").format(name=self.name))
        self.label_new.setText(self.tr("New password"))
        self.label_again.setText(self.tr("Password again"))

    def accept(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            self.again.selectAll()
            self.again.setFocus()
            return
        try:
            self.actor = self.services.people.set_first_password(self.login,
                                                                 self.password.text())
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()
