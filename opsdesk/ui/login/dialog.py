"""The sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import Actor, Services
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label
from opsdesk.ui.widgets.retranslate import Retranslating


def color_dot(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class LoginDialog(Retranslating, QDialog):
    """Choose who you are; the password box appears only for people who have one."""

    def __init__(self, services: Services, lang: str, last_login: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.services = services
        self.lang = lang
        self.actor: Actor | None = None
        self._users = services.people.users()
        roles = {r.id: r for r in services.people.roles()}

        # ---- layout
        self.heading = QLabel()
        self.heading.setObjectName("loginHeading")
        self.people = QListWidget()
        self.people.setObjectName("loginPeople")
        self.people.setMinimumHeight(260)
        self.setMinimumWidth(400)
        for user in self._users:
            role = roles.get(user.role_id)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            if role is not None:
                item.setIcon(color_dot(role.color))
            self.people.addItem(item)
        self.password_label = QLabel()
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label("loginError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for w in (self.heading, self.people, self.password_label, self.password, self.error,
                  self.buttons):
            layout.addWidget(w)

        self.people.currentRowChanged.connect(self._on_person)
        self.people.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._roles = roles
        self.retranslate_ui()
        start = next((i for i, u in enumerate(self._users) if u.login == last_login), 0)
        self.people.setCurrentRow(start)

    # ---- text
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in to OpsDesk"))
        self.heading.setText(self.tr("Who is working?"))
        self.password_label.setText(self.tr("Password"))
        for i, user in enumerate(self._users):
            role = self._roles.get(user.role_id)
            role_name = role.name(self.lang) if role else ""
            suffix = self.tr("manager") if user.is_manager else role_name
            self.people.item(i).setText(f"{user.name}  ·  {suffix}  ({user.login})")


    # ---- behaviour
    def current_user(self):
        row = self.people.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _on_person(self, _row: int) -> None:
        user = self.current_user()
        needs = bool(user and user.has_password)
        self.password_label.setVisible(needs)
        self.password.setVisible(needs)
        self.password.clear()
        self.error.clear()
        if needs:
            self.password.setFocus()

    def accept(self) -> None:
        user = self.current_user()
        if user is None:
            return
        from opsdesk.services.people import PasswordNotSet

        try:
            self.actor = self.services.people.authenticate(user.login, self.password.text())
        except PasswordNotSet:  # a manager without a password sets one before going on
            if not self.set_first_password(user):
                return
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            self.password.selectAll()
            return
        super().accept()

    def set_first_password(self, user) -> bool:
        from opsdesk.ui.login.set_password import SetPasswordDialog

        dialog = SetPasswordDialog(self.services, user.login, user.name, self)
        if not dialog.exec():
            return False
        self.actor = dialog.actor
        return True
