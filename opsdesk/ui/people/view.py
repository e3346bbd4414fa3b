"""People and roles (manager only): add, edit, deactivate people; passwords; role colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui.contrast import readable_text
from opsdesk.ui.people.dialogs import PersonDialog, RoleDialog
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.people import RoleInfo, UserInfo
    from opsdesk.ui.context import AppContext


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table


class PeopleView(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("peopleView")
        self.ctx, self.main_window = ctx, window
        self.users: list[UserInfo] = []
        self.roles: list[RoleInfo] = []
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.people_heading = QLabel()
        self.people_heading.setProperty("class", "heading")
        self.people = _table("peopleTable", 6)
        self.people.itemSelectionChanged.connect(self._update_buttons)
        self.people.doubleClicked.connect(lambda _i: self.edit_person())
        self.buttons = {k: QPushButton() for k in ("add", "edit", "active", "password", "clear")}
        for key, button in self.buttons.items():
            button.setObjectName(f"people_{key}")
        self.buttons["add"].clicked.connect(self.add_person)
        self.buttons["edit"].clicked.connect(self.edit_person)
        self.buttons["active"].clicked.connect(self.toggle_active)
        self.buttons["password"].clicked.connect(self.set_password)
        self.buttons["clear"].clicked.connect(lambda: self.set_password(clear=True))
        people_buttons = QHBoxLayout()
        for b in self.buttons.values():
            people_buttons.addWidget(b)
        people_buttons.addStretch(1)
        self.roles_heading = QLabel()
        self.roles_heading.setProperty("class", "heading")
        self.role_table = _table("rolesTable", 3)
        self.role_table.doubleClicked.connect(lambda _i: self.edit_role())
        self.add_role_button = QPushButton()
        self.add_role_button.setObjectName("roles_add")
        self.add_role_button.clicked.connect(self.add_role)
        self.edit_role_button = QPushButton()
        self.edit_role_button.setObjectName("roles_edit")
        self.edit_role_button.clicked.connect(self.edit_role)
        role_buttons = QHBoxLayout()
        role_buttons.addWidget(self.add_role_button)
        role_buttons.addWidget(self.edit_role_button)
        role_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.people_heading)
        layout.addWidget(self.people, 3)
        layout.addLayout(people_buttons)
        layout.addWidget(self.roles_heading)
        layout.addWidget(self.role_table, 2)
        layout.addLayout(role_buttons)
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("People and roles"))
        self.people_heading.setText(self.tr("People"))
        self.roles_heading.setText(self.tr("Roles"))
        self.people.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Login"), self.tr("Role"), self.tr("Manager"),
            self.tr("Password"), self.tr("Status")])
        self.role_table.setHorizontalHeaderLabels([self.tr("Colour"), self.tr("Chinese name"),
                                                   self.tr("English name")])
        texts = {"add": self.tr("Add person…"), "edit": self.tr("Edit…"),
                 "password": self.tr("Set password…"), "clear": self.tr("Clear password")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.add_role_button.setText(self.tr("Add role…"))
        self.edit_role_button.setText(self.tr("Edit role…"))
        self.edit_role_button.setToolTip(self.tr("Names and colour of the selected role"))
        self.populate()


    # ---- data
    def refresh(self) -> None:
        self.users = self.ctx.services.people.users(active_only=False)
        self.roles = self.ctx.services.people.roles()
        self.populate()

    def on_changes(self, changes: Changes) -> None:
        if changes.people:
            self.refresh()

    def populate(self) -> None:
        selected = self.selected_user()
        lang = self.ctx.lang
        roles = {r.id: r for r in self.roles}
        self.people.setRowCount(len(self.users))
        for row, u in enumerate(self.users):
            role = roles.get(u.role_id)
            cells = [u.name, u.login, role.name(lang) if role else "", "★" if u.is_manager else "",
                     self.tr("set") if u.has_password else "—",
                     self.tr("active") if u.active else self.tr("deactivated")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                if not u.active:
                    item.setForeground(QBrush(QColor("#9e9e9e")))
                if col == 2 and role is not None:
                    item.setForeground(QBrush(readable_text(role.color)))
                self.people.setItem(row, col, item)
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.role_table.setRowCount(len(self.roles))
        for row, r in enumerate(self.roles):
            swatch = QTableWidgetItem(r.color)
            swatch.setBackground(QBrush(QColor(r.color)))
            swatch.setForeground(QBrush(QColor("#000" if QColor(r.color).lightness() > 150 else "#fff")))
            self.role_table.setItem(row, 0, swatch)
            self.role_table.setItem(row, 1, QTableWidgetItem(r.name_zh))
            self.role_table.setItem(row, 2, QTableWidgetItem(r.name_en))
        header = self.role_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.role_table.setColumnWidth(0, 120)
        if selected is not None:
            self.select_user(selected.id)
        self._update_buttons()

    def selected_user(self) -> UserInfo | None:
        rows = self.people.selectionModel().selectedRows() if self.people.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def select_user(self, user_id: int) -> None:
        for row, u in enumerate(self.users):
            if u.id == user_id:
                self.people.selectRow(row)

    def selected_role(self) -> RoleInfo | None:
        rows = self.role_table.selectionModel().selectedRows()
        return self.roles[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        u = self.selected_user()
        for key in ("edit", "active", "password", "clear"):
            self.buttons[key].setEnabled(u is not None)
        self.buttons["active"].setText(self.tr("Reactivate") if u is not None and not u.active
                                       else self.tr("Deactivate"))
        self.buttons["clear"].setEnabled(bool(u and u.has_password))

    # ---- writing (every change is undoable except passwords)
    def add_person(self) -> None:
        def submit(d: PersonDialog) -> None:
            self.create_person(d.name.text(), d.login.text(), d.role.currentData(),
                               d.manager.isChecked(), d.password.text() or None,
                               show_errors=False)
        PersonDialog(self.roles, self.ctx.lang, None, self, submit=submit).exec()

    def create_person(self, name: str, login: str, role_id: int, is_manager: bool,
                      password: str | None, show_errors: bool = True) -> None:
        """Add a person (one undo step). ``show_errors=False``: a refusal is raised (the
        dialog shows it) instead of explained in a message box."""
        people, actor = self.ctx.services.people, self.ctx.actor
        self.main_window.undo.run(self.tr("Add {name}").format(name=name),
                             lambda: people.create_user(actor, name, login, role_id,
                                                        is_manager=is_manager, password=password),
                             show_errors=show_errors)

    def edit_person(self) -> None:
        u = self.selected_user()
        if u is None:
            return

        def submit(d: PersonDialog) -> None:
            self.update_person(u, show_errors=False, name=d.name.text(),
                               role=d.role.currentData(), is_manager=d.manager.isChecked())
        PersonDialog(self.roles, self.ctx.lang, u, self, submit=submit).exec()

    def update_person(self, u: UserInfo, show_errors: bool = True, **after) -> None:
        people, actor = self.ctx.services.people, self.ctx.actor
        self.main_window.undo.run(self.tr("Edit {name}").format(name=u.name),
                             lambda: people.update_user(actor, u.id, **after),
                             show_errors=show_errors)

    def toggle_active(self) -> None:
        """Deactivate (or reactivate) the selected person. Someone who still holds open
        tasks of the plan is not deactivated silently: the manager chooses to give the
        tasks back to their roles (unassigned, one undo step with the deactivation) or to
        keep them with the person (Team shows them, to give away later)."""
        u = self.selected_user()
        if u is None:
            return
        people, actor = self.ctx.services.people, self.ctx.actor
        text = (self.tr("Reactivate {name}") if not u.active
                else self.tr("Deactivate {name}")).format(name=u.name)
        held = ([t.id for t in self.ctx.services.team.open_tasks(self.ctx.plan_id, u.id)]
                if u.active and self.ctx.plan_id is not None else [])
        choice = ask_deactivate(self, u.name, len(held)) if held else "keep"
        if choice is None:
            return
        if choice == "keep":
            self.main_window.run(text, lambda: people.update_user(actor, u.id, active=not u.active))
            return
        team, plan_id = self.ctx.services.team, self.ctx.plan_id
        self.main_window.run(text, lambda: team.deactivate(actor, u.id, plan_id, give_back=True))

    def set_password(self, clear: bool = False, password: str | None = None) -> None:
        u = self.selected_user()
        if u is None:
            return
        if not clear and password is None:
            password, ok = QInputDialog.getText(
                self, self.tr("Set password"), self.tr("New password for {name}:").format(name=u.name),
                QLineEdit.EchoMode.Password)
            if not ok or not password:
                return
        people, actor = self.ctx.services.people, self.ctx.actor
        self.main_window.run(self.tr("Password of {name}").format(name=u.name),
                        lambda: people.set_password(actor, u.id, None if clear else password))

    def add_role(self) -> None:
        dialog = RoleDialog(None, self)
        if dialog.exec():
            people, actor = self.ctx.services.people, self.ctx.actor
            key = dialog.name_en.text().strip().lower().replace(" ", "_") or dialog.name_zh.text()
            self.main_window.run(self.tr("Add role {name}").format(name=dialog.name_zh.text()),
                            lambda: people.create_role(actor, key, dialog.name_zh.text(),
                                                       dialog.name_en.text(), dialog.color.name()))

    def edit_role(self) -> None:
        r = self.selected_role()
        if r is None:
            return
        dialog = RoleDialog(r, self)
        if dialog.exec():
            self.update_role(r, name_zh=dialog.name_zh.text(), name_en=dialog.name_en.text(),
                             color=dialog.color.name())

    def update_role(self, r: RoleInfo, **after) -> None:
        people, actor = self.ctx.services.people, self.ctx.actor
        self.main_window.run(self.tr("Edit role {name}").format(name=r.name(self.ctx.lang)),
                        lambda: people.update_role(actor, r.id, **after))


def ask_deactivate(parent: QWidget, name: str, count: int) -> str | None:
    """``name`` holds ``count`` open tasks: "unassign" them, "keep" them, or None (cancel)."""
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, PeopleView.tr("Deactivate {name}").format(name=name),
                      PeopleView.tr("{name} still holds %n open task(s) of this plan.", "", count)
                      .format(name=name), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("deactivateHolder")
    box.setInformativeText(PeopleView.tr("Give them back to their roles (unassigned), so that the "
                                  "team sees them in My work, or keep them with {name} and "
                                  "give them away later in Team.").format(name=name))
    unassign = box.addButton(PeopleView.tr("Deactivate and unassign"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(PeopleView.tr("Deactivate, keep the tasks"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(unassign)
    box.exec()
    answers: dict[QAbstractButton | None, str] = {unassign: "unassign", keep: "keep"}
    return answers.get(box.clickedButton())
