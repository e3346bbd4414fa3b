"""Asking for a database server's password, and whether to remember it in the keyring.

The password is used to open the server and, if the user ticks "Remember", kept in the
operating system's keyring (opsdesk/secrets.py); it is never written to a file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from opsdesk import secrets
from opsdesk.paths import APP_NAME


class ServerPasswordDialog(QDialog):
    """The password of the login in a server URL; ``remember`` when the user asks."""

    def __init__(self, target: str, wrong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(APP_NAME)
        user, where = secrets.user_and_host(target)
        text = self.tr("The password of {user} on {server}:").format(user=user, server=where)
        if wrong:
            text = self.tr("The server refused the password. Try again.") + "\n" + text
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.remember_box.setObjectName("serverPasswordRemember")
        self.no_keyring = QLabel(self.tr(
            "No system keyring is available, so the password cannot be remembered; put it "
            "in ~/.pgpass to open this server without typing it."))
        self.no_keyring.setWordWrap(True)
        available = secrets.keyring_available()
        self.remember_box.setEnabled(available)
        self.remember_box.setVisible(available)
        self.no_keyring.setVisible(not available)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.password, self.remember_box, self.no_keyring, buttons):
            layout.addWidget(widget)

    @property
    def remember(self) -> bool:
        return self.remember_box.isEnabled() and self.remember_box.isChecked()


def ask_password(parent: QWidget | None, target: str, wrong: bool = False
                 ) -> tuple[str, bool] | None:
    """(password, remember it) typed by the user, or None if they cancelled."""
    dialog = ServerPasswordDialog(target, wrong, parent)
    if not dialog.exec():
        return None
    return dialog.password.text(), dialog.remember


def offer_to_remember(parent: QWidget | None, target: str) -> bool:
    """Ask whether to keep a password given on the command line in the keyring; say so when
    there is no keyring. True if the user wants it remembered."""
    user, where = secrets.user_and_host(target)
    if not secrets.keyring_available():
        QMessageBox.information(parent, APP_NAME, QCoreApplication.translate("ServerPasswordDialog",
            "The password of {user} on {server} is not remembered: no system keyring is "
            "available. Put it in ~/.pgpass to open this server without typing it."
        ).format(user=user, server=where))
        return False
    answer = QMessageBox.question(parent, APP_NAME, QCoreApplication.translate("ServerPasswordDialog",
        "Remember the password of {user} on {server} in the system keyring? OpsDesk never "
        "writes it to its settings."
    ).format(user=user, server=where))
    return answer == QMessageBox.StandardButton.Yes
