"""What to export, asked before the file is chosen: which tasks (all, the Tasks view's
filter, the selection), one sheet or one per phase, the CSV's encoding and the headers'
language; whose tasks go to a calendar; which week the report covers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui import fmt

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TaskExportDialog(QDialog):
    """Options of a task export to XLSX (``kind`` "xlsx") or CSV ("csv")."""

    def __init__(self, ctx: AppContext, kind: str, *, shown: list[int] | None = None,
                 filtered: bool = False, selected: list[int] | None = None,
                 total: int = 0, parent: QWidget | None = None) -> None:
        """``shown``: the ids the Tasks view shows (its filter), ``filtered`` whether a
        filter is on; ``selected``: the ids selected there; ``total``: the plan's tasks."""
        super().__init__(parent)
        self.setObjectName("taskExportOptions")
        self.setMinimumWidth(420)
        self.kind = kind
        self.shown, self.selected = list(shown or []), list(selected or [])
        self.setWindowTitle(self.tr("Export tasks to Excel") if kind == "xlsx"
                            else self.tr("Export tasks to CSV"))
        self.scope_all = QRadioButton(self.tr("All tasks of the plan (%n)", "", total))
        self.scope_shown = QRadioButton(self.tr("The tasks the Tasks view shows (%n)", "",
                                                len(self.shown)))
        self.scope_selected = QRadioButton(self.tr("The selected tasks (%n)", "",
                                                   len(self.selected)))
        self.scope = QButtonGroup(self)
        for button in (self.scope_all, self.scope_shown, self.scope_selected):
            self.scope.addButton(button)
        self.scope_shown.setEnabled(filtered)
        if not filtered:
            self.scope_shown.setToolTip(self.tr("No filter is set in the Tasks view."))
        self.scope_selected.setEnabled(bool(self.selected))
        (self.scope_shown if filtered else self.scope_all).setChecked(True)

        self.sheets = QComboBox()
        self.sheets.setObjectName("exportSheets")
        self.sheets.addItem(self.tr("One sheet"), False)
        self.sheets.addItem(self.tr("One sheet per phase"), True)
        self.encoding = QComboBox()
        self.encoding.setObjectName("exportEncoding")
        self.encoding.addItem(self.tr("UTF-8 with BOM (Excel, WPS, Numbers)"), "utf-8-sig")
        self.encoding.addItem(self.tr("GBK (older Chinese Excel)"), "gbk")
        self.headers = QComboBox()
        self.headers.setObjectName("exportHeaders")
        self.headers.addItem("中文", "zh_CN")
        self.headers.addItem("English", "en")
        self.headers.setCurrentIndex(0 if ctx.lang.startswith("zh") else 1)

        scope = QVBoxLayout()
        for button in (self.scope_all, self.scope_shown, self.scope_selected):
            scope.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Tasks"), scope)
        if kind == "xlsx":
            form.addRow(self.tr("Sheets"), self.sheets)
        else:
            form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Column headers"), self.headers)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def options(self) -> dict:
        """Keyword arguments of ``ExportService.tasks_xlsx`` / ``tasks_csv``."""
        ids = (self.shown if self.scope_shown.isChecked()
               else self.selected if self.scope_selected.isChecked() else None)
        out: dict = {"ids": ids, "lang": self.headers.currentData()}
        if self.kind == "xlsx":
            out["per_phase"] = bool(self.sheets.currentData())
        else:
            out["encoding"] = self.encoding.currentData()
        return out


class CalendarExportDialog(QDialog):
    """Which tasks go to a calendar file: the milestones, mine, a person's or a role's
    (the last two for the manager)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExportOptions")
        self.setMinimumWidth(420)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Export to a calendar"))
        people = ctx.services.people
        self.milestones = QRadioButton(self.tr("The plan's milestones"))
        self.mine = QRadioButton(self.tr("My tasks"))
        self.person_choice = QRadioButton(self.tr("A person's tasks"))
        self.role_choice = QRadioButton(self.tr("A role's tasks"))
        self.person = QComboBox()
        self.person.setObjectName("calendarPerson")
        for user in people.users():
            self.person.addItem(user.name, user.id)
        self.role = QComboBox()
        self.role.setObjectName("calendarRole")
        for role in people.roles():
            self.role.addItem(role.name(ctx.lang), role.id)
        group = QButtonGroup(self)
        for button in (self.milestones, self.mine, self.person_choice, self.role_choice):
            group.addButton(button)
        self.milestones.setChecked(True)
        manager = ctx.actor.is_manager
        for widget in (self.person_choice, self.person, self.role_choice, self.role):
            widget.setVisible(manager)
        self.person.setEnabled(False)
        self.role.setEnabled(False)
        self.person_choice.toggled.connect(self.person.setEnabled)
        self.role_choice.toggled.connect(self.role.setEnabled)
        form = QFormLayout()
        form.addRow(self.milestones)
        form.addRow(self.mine)
        form.addRow(self.person_choice, self.person)
        form.addRow(self.role_choice, self.role)
        note = QLabel(self.tr("Each task keeps its event when you export again: the calendar "
                              "updates it instead of adding a copy."))
        note.setWordWrap(True)
        note.setProperty("class", "muted")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self))

    def options(self) -> dict:
        """Keyword arguments of ``ExportService.ics``."""
        if self.mine.isChecked():
            return {"assignee_id": self.ctx.actor.user_id}
        if self.person_choice.isChecked():
            return {"assignee_id": self.person.currentData()}
        if self.role_choice.isChecked():
            return {"role_id": self.role.currentData()}
        return {"milestones_only": True}

    def suggested_name(self, plan_name: str) -> str:
        if self.mine.isChecked():
            return f"{self.ctx.actor.login}.ics"
        if self.person_choice.isChecked():
            return f"{plan_name}-{self.person.currentText()}.ics"
        if self.role_choice.isChecked():
            return f"{plan_name}-{self.role.currentText()}.ics"
        return f"{plan_name}-milestones.ics"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeekDialog(QDialog):
    """The week a report covers: any day of it is picked; the week is Monday to Sunday."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportWeek")
        self.setMinimumWidth(360)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.day = QDateEdit()
        self.day.setObjectName("reportWeekDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = ctx.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.week = QLabel()
        self.day.dateChanged.connect(self._show_week)
        form = QFormLayout()
        form.addRow(self.tr("A day of the week"), self.day)
        form.addRow(self.tr("Week"), self.week)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))
        self._show_week()

    def monday(self) -> dt.date:
        return monday_of(cast(dt.date, self.day.date().toPython()))

    def _show_week(self) -> None:
        monday = self.monday()
        year, week, _ = monday.isocalendar()
        self.week.setText(self.tr("{year}-W{week:02d}: {days}").format(
            year=year, week=week,
            days=fmt.date_range(monday, monday + dt.timedelta(days=6), self.ctx.lang)))
