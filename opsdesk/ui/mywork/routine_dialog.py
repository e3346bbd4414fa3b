"""The routine editor (manager): what repeats, for whom, how often, from when until when."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opsdesk.services.series import WEEKDAYS, make_rule, parse_monthly, parse_rule
from opsdesk.ui import fmt
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext

FREQS = ("daily", "weekdays", "weekly", "monthly")
MONTH_MODES = ("day", "last", "nth")  # on day N, on the last day, on the Nth weekday
NTHS = (1, 2, 3, 4, -1)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class RoutineDialog(Retranslating, QDialog):
    """Create a routine, or edit the one an occurrence belongs to ("this one / this and later / all")."""

    def __init__(self, ctx: AppContext, window, task_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineDialog")
        # (``main_window``: ``self.window`` is QWidget.window(), which Qt code calls)
        self.ctx, self.main_window, self.task_id = ctx, window, task_id
        sv = ctx.services
        self.task = sv.tasks.get(task_id) if task_id is not None else None
        self.series = None
        if task_id is not None:
            series_id = sv.series.series_of(task_id)
            assert series_id is not None  # (the dialog edits an occurrence of a routine)
            self.series = sv.series.get(series_id)
        self.title = QLineEdit()
        self.title.setObjectName("routineTitle")
        self.role = QComboBox()
        self.role.setObjectName("routineRole")
        for r in sv.people.roles():
            self.role.addItem(r.name(ctx.lang), r.id)
        self.person = QComboBox()
        self.person.setObjectName("routinePerson")
        self.person.addItem("—", None)
        for u in sv.people.users():
            self.person.addItem(u.name, u.id)
        self.freq = QComboBox()
        self.freq.setObjectName("routineFreq")
        self.monthday = QSpinBox()
        self.monthday.setRange(0, 31)
        self.monthday.setObjectName("routineMonthday")
        self.month_mode = QComboBox()
        self.month_mode.setObjectName("routineMonthMode")
        self.nth = QComboBox()
        self.nth.setObjectName("routineNth")
        self.nth_day = QComboBox()
        self.nth_day.setObjectName("routineNthDay")
        month_row = QHBoxLayout()
        month_row.setContentsMargins(0, 0, 0, 0)
        for w in (self.month_mode, self.monthday, self.nth, self.nth_day):
            month_row.addWidget(w)
        month_row.addStretch(1)
        self.month_box = QWidget()
        self.month_box.setLayout(month_row)
        self.days = [QCheckBox() for _ in WEEKDAYS]
        day_row = QHBoxLayout()
        for box, key in zip(self.days, WEEKDAYS, strict=True):
            box.setObjectName(f"day_{key}")
            day_row.addWidget(box)
        self.day_box = QWidget()
        self.day_box.setLayout(day_row)
        self.start = QDateEdit()
        self.start.setObjectName("routineStart")
        self.until = QDateEdit()
        self.until.setObjectName("routineUntil")
        for d in (self.start, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.scope_group = QButtonGroup(self)
        self.scopes = {k: QRadioButton() for k in ("one", "later", "all")}
        scope_row = QHBoxLayout()
        for i, (k, b) in enumerate(self.scopes.items()):
            b.setObjectName(f"scope_{k}")
            self.scope_group.addButton(b, i)
            scope_row.addWidget(b)
        self.scopes["later"].setChecked(True)
        self.scope_box = QWidget()
        self.scope_box.setLayout(scope_row)

        self.form = QFormLayout()
        self.rows = {}
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("title", self.title), ("role", self.role), ("person", self.person),
                            ("freq", self.freq), ("days", self.day_box),
                            ("monthday", self.month_box), ("start", self.start),
                            ("until", self.until), ("notes", self.notes),
                            ("scope", self.scope_box)):
            self.rows[key] = widget
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.freq.currentIndexChanged.connect(self._freq_changed)
        self.month_mode.currentIndexChanged.connect(self._freq_changed)
        self.labels["scope"].setVisible(self.task is not None)
        self.scope_box.setVisible(self.task is not None)
        self.retranslate_ui()
        self._fill()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit routine") if self.task else self.tr("New routine"))
        labels = {"title": self.tr("Task"), "role": self.tr("Role"), "person": self.tr("Person"),
                  "freq": self.tr("Repeats"), "days": self.tr("On"),
                  "monthday": self.tr("Monthly on"), "start": self.tr("From"),
                  "until": self.tr("Until"), "notes": self.tr("Notes"),
                  "scope": self.tr("Apply to")}
        for key, label in self.labels.items():
            label.setText(labels[key])
        names = [self.tr("Every day"), self.tr("On chosen weekdays"), self.tr("Every week"),
                 self.tr("Every month")]
        current = self.freq.currentIndex()
        self.freq.clear()
        for key, name in zip(FREQS, names, strict=True):
            self.freq.addItem(name, key)
        self.freq.setCurrentIndex(max(current, 0))
        self.monthday.setSpecialValueText(self.tr("same day as the start"))
        self.monthday.setToolTip(self.tr("0: the start's day of the month"))
        modes = [self.tr("Day of the month"), self.tr("The last day of the month"),
                 self.tr("A weekday of the month")]
        nths = [self.tr("first"), self.tr("second"), self.tr("third"), self.tr("fourth"),
                self.tr("last")]
        short = fmt.locale_for(self.ctx.lang)
        weekdays = [short.dayName(i + 1, short.FormatType.LongFormat) for i in range(7)]
        choices: tuple[tuple[QComboBox, tuple, list[str]], ...] = (
            (self.month_mode, MONTH_MODES, modes), (self.nth, NTHS, nths),
            (self.nth_day, WEEKDAYS, weekdays))
        for combo, keys, texts in choices:
            current = combo.currentIndex()
            combo.clear()
            for key, text in zip(keys, texts, strict=True):
                combo.addItem(text, key)
            combo.setCurrentIndex(max(current, 0))
        for i, box in enumerate(self.days):
            box.setText(short.dayName(i + 1, short.FormatType.ShortFormat))
        self.scopes["one"].setText(self.tr("This one"))
        self.scopes["later"].setText(self.tr("This and later"))
        self.scopes["all"].setText(self.tr("All"))

    def _fill(self) -> None:
        today = self.ctx.today()
        if self.series is None or self.series.first is None:
            self.start.setDate(fmt.qdate(today))
            self.until.setDate(fmt.qdate(today + dt.timedelta(days=29)))
            self._freq_changed()
            return
        first = self.task or self.series.first
        self.title.setText(first.title)
        self.notes.setPlainText(first.notes)
        self.role.setCurrentIndex(max(self.role.findData(first.role_id), 0))
        self.person.setCurrentIndex(max(self.person.findData(first.assignee_id), 0))
        freq, days, monthday = parse_rule(self.series.rule)
        self.freq.setCurrentIndex(FREQS.index(freq))
        for box, key in zip(self.days, WEEKDAYS, strict=True):
            box.setChecked(key in days)
        self.monthday.setValue(monthday if monthday and monthday > 0 else 0)
        if freq == "monthly":
            mode, n, weekday = parse_monthly(self.series.rule)
            self.month_mode.setCurrentIndex(MONTH_MODES.index(mode))
            if mode == "nth":
                self.nth.setCurrentIndex(max(self.nth.findData(n if n in NTHS else 1), 0))
                self.nth_day.setCurrentIndex(max(self.nth_day.findData(weekday), 0))
        self.start.setDate(fmt.qdate(self.task.due if self.task and self.task.due else self.series.start))
        self.until.setDate(fmt.qdate(self.series.until or self.series.start))
        self._freq_changed()

    def _freq_changed(self) -> None:
        freq = self.freq.currentData()
        self.day_box.setVisible(freq == "weekdays")
        self.labels["days"].setVisible(freq == "weekdays")
        self.month_box.setVisible(freq == "monthly")
        self.labels["monthday"].setVisible(freq == "monthly")
        mode = self.month_mode.currentData()
        self.monthday.setVisible(mode == "day")
        self.nth.setVisible(mode == "nth")
        self.nth_day.setVisible(mode == "nth")

    # ---- the rule and the scope as chosen
    def rule(self) -> str:
        days = tuple(k for box, k in zip(self.days, WEEKDAYS, strict=True) if box.isChecked())
        mode = self.month_mode.currentData()
        if self.freq.currentData() == "monthly" and mode == "last":
            return make_rule("monthly", monthday=-1)
        if self.freq.currentData() == "monthly" and mode == "nth":
            return make_rule("monthly", nth=self.nth.currentData(), weekday=self.nth_day.currentData())
        return make_rule(self.freq.currentData(), days, monthday=self.monthday.value() or None)

    def scope(self) -> str:
        return next(k for k, b in self.scopes.items() if b.isChecked())

    def fields(self) -> dict:
        return dict(title=self.title.text(), notes=self.notes.toPlainText(),
                    role_id=self.role.currentData(), assignee_id=self.person.currentData())

    def save(self) -> None:
        sv, actor, plan_id = self.ctx.services, self.ctx.actor, self.ctx.plan_id
        start, until = _date(self.start.date()), _date(self.until.date())
        rule, fields = self.rule(), self.fields()

        if self.task is None:
            assert plan_id is not None  # (a routine is a plan's)
            text = self.tr("New routine “{title}”").format(title=fields["title"])
            done = self.main_window.run(text, lambda: sv.series.create(
                actor, plan_id, rule=rule, start=start, until=until, **fields))
        else:
            scope, task_id = self.scope(), self.task.id
            assert self.series is not None  # (set with the task in __init__)
            changed = {k: v for k, v in fields.items() if getattr(self.task, k) != v}
            new_rule = (rule != self.series.rule or until != self.series.until
                        or start != (self.task.due or self.series.start))

            def do():  # one action: one transaction, one undo step
                from opsdesk.services import Changes

                result = Changes()
                with sv.action():
                    if changed:
                        result |= sv.series.edit(actor, task_id, scope, **changed)
                    if new_rule:
                        result |= sv.series.change_rule(actor, task_id, scope, rule, start, until)
                return result

            text = self.tr("Edit routine “{title}”").format(title=fields["title"])
            done = self.main_window.run(text, do)
        if done is not None:
            self.accept()


def ask_scope(parent: QWidget | None) -> str | None:
    """Ask how far an edit of a routine's occurrence reaches: "one", "later", "all" (None: cancel).
    For other views that edit an occurrence directly, then call ``series.edit(actor, id, scope, ...)``."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("RoutineDialog", "Routine"),
                      QCoreApplication.translate("RoutineDialog", "This task repeats. Change which ones?"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("routineScope")
    buttons: dict[QAbstractButton | None, str] = {
        box.addButton(QCoreApplication.translate("RoutineDialog", "This one"),
                      QMessageBox.ButtonRole.AcceptRole): "one",
        box.addButton(QCoreApplication.translate("RoutineDialog", "This and later"),
                      QMessageBox.ButtonRole.AcceptRole): "later",
        box.addButton(QCoreApplication.translate("RoutineDialog", "All"),
                      QMessageBox.ButtonRole.AcceptRole): "all",
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())
