"""Money out in the KPI view: the budget strip (this month's budgets, used and left) and the
spending dialog (a month's entries by channel, add or remove one, set a budget, import a
file after a preview). Every write is one undoable step through ``window.run``; the
derived KPIs (ROI, cost shares, gross margin) follow from what is entered here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError, ValidationError
from opsdesk.model.spending import CHANNELS, GROUPS, scope_name
from opsdesk.services import spending as sp
from opsdesk.services.kpi_parse import parse_number
from opsdesk.ui import fmt
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets import file_dialog
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext


class BudgetStrip(Retranslating, QWidget):
    """This month's budgets: per scope a bar, "used ¥3,000 of ¥9,000 · ¥6,000 left"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiBudgetStrip")
        self.ctx = ctx
        self.uses: list[sp.BudgetUse] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("kpiBudgetTitle")
        self.lines: list[tuple[QLabel, QProgressBar, QLabel]] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.show_uses(self.uses)

    def refresh(self, today: dt.date) -> None:
        assert self.ctx.plan_id is not None
        self.show_uses(self.ctx.services.spending.month_use(self.ctx.plan_id, today), today)

    def texts(self) -> list[str]:
        return [f"{a.text()} {c.text()}" for a, _b, c in self.lines]

    def show_uses(self, uses: list[sp.BudgetUse], today: dt.date | None = None) -> None:
        self.uses = uses
        lang = self.ctx.lang
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.title:
                widget.deleteLater()
        self.lines = []
        self.setVisible(bool(uses))
        if not uses:
            return
        month = uses[0].month
        self.title.setText(self.tr("Budgets, {month}").format(month=fmt.month_name(month, lang)))
        self.grid.addWidget(self.title, 0, 0, 1, 3)
        for row, use in enumerate(uses, 1):
            name = QLabel(scope_name(use.scope, lang))
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            bar.setRange(0, 1000)
            share = use.share or 0.0
            bar.setValue(min(1000, round(share * 1000)))
            over = use.left is not None and use.left < 0
            if over:
                bar.setStyleSheet("QProgressBar::chunk { background: #c62828; }")
            left = use.left or 0.0
            text = (self.tr("used {used} of {budget} · {left} over") if over else
                    self.tr("used {used} of {budget} · {left} left")).format(
                used=fmt.money(use.used, lang), budget=fmt.money(use.budget, lang),
                left=fmt.money(abs(left), lang))
            detail = QLabel(text)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(detail, row, 2)
            self.lines.append((name, bar, detail))
        self.grid.setColumnStretch(1, 1)


class SpendingDialog(Retranslating, QDialog):
    """A month's spending and budgets; add, remove, set, import — each one undo step."""

    sig_changed = Signal(object)
    """Emitted with the ``Changes`` of each write."""

    def __init__(self, ctx: AppContext, window=None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiSpendingDialog")
        self.ctx, self.main_window = ctx, window
        assert ctx.plan_id is not None
        self.plan_id = ctx.plan_id
        today = today or ctx.today()
        self.month = QDateEdit(fmt.qdate(today.replace(day=1)))
        self.month.setObjectName("kpiSpendingMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("kpiSpendingTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.strip = BudgetStrip(ctx)
        # a new entry
        self.entry_box = QGroupBox()
        self.day = QDateEdit(fmt.qdate(today))
        self.day.setObjectName("kpiSpendingDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy年M月d日" if ctx.lang.startswith("zh") else "d MMM yyyy")
        self.whole_month = QCheckBox()
        self.whole_month.setObjectName("kpiSpendingWholeMonth")
        self.channel = QComboBox()
        self.channel.setObjectName("kpiSpendingChannel")
        for key in CHANNELS:
            self.channel.addItem(scope_name(key, ctx.lang), key)
        self.amount = QLineEdit()
        self.amount.setObjectName("kpiSpendingAmount")
        self.amount.setPlaceholderText("1,500 / 1.5万")
        self.note = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.setObjectName("kpiSpendingAdd")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("kpiSpendingRemove")
        entry = QHBoxLayout(self.entry_box)
        for w in (self.day, self.whole_month, self.channel, self.amount, self.note,
                  self.add_button):
            entry.addWidget(w)
        # a budget
        self.budget_box = QGroupBox()
        self.scope = QComboBox()
        self.scope.setObjectName("kpiBudgetScope")
        for key in (*GROUPS, *(c for c in CHANNELS if c not in GROUPS)):
            self.scope.addItem(scope_name(key, ctx.lang), key)
        self.budget = QLineEdit()
        self.budget.setObjectName("kpiBudgetAmount")
        self.budget.setPlaceholderText("20,000 / 2万")
        self.set_budget = QPushButton()
        self.set_budget.setObjectName("kpiBudgetSet")
        budget = QHBoxLayout(self.budget_box)
        budget.addWidget(self.scope)
        budget.addWidget(self.budget, 1)
        budget.addWidget(self.set_budget)
        self.message = QLabel()
        self.message.setObjectName("kpiSpendingMessage")
        self.message.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("kpiSpendingProblems")
        self.problems.setVisible(False)
        self.problems.setMaximumHeight(100)
        self.import_button = QPushButton()
        self.import_button.setObjectName("kpiSpendingImport")
        self.apply_button = QPushButton()  # shown after a clean check of a file
        self.apply_button.setObjectName("kpiSpendingApplyImport")
        self.apply_button.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        top = QHBoxLayout()
        self.month_label = QLabel()
        top.addWidget(self.month_label)
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.strip)
        layout.addWidget(self.entry_box)
        layout.addWidget(self.budget_box)
        message = QHBoxLayout()
        message.addWidget(self.message, 1)
        message.addWidget(self.apply_button)
        layout.addLayout(message)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.set_budget.clicked.connect(self.apply_budget)
        self.import_button.clicked.connect(self._choose_import)
        self.apply_button.clicked.connect(self.apply_import)
        self.buttons.rejected.connect(self.reject)
        self.pending: sp.SpendingImport | None = None
        self.resize(900, 640)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Spending and budgets"))
        self.month_label.setText(self.tr("Month"))
        self.entry_box.setTitle(self.tr("Enter spending"))
        self.whole_month.setText(self.tr("for the whole month"))
        self.note.setPlaceholderText(self.tr("Note"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove selected"))
        self.budget_box.setTitle(self.tr("Monthly budget"))
        self.set_budget.setText(self.tr("Set budget"))
        self.import_button.setText(self.tr("Import…"))
        self.apply_button.setText(self.tr("Import"))
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Channel"),
                                              self.tr("Amount"), self.tr("Note")])

    def selected_month(self) -> dt.date:
        q = self.month.date()
        return dt.date(q.year(), q.month(), 1)

    def reload(self) -> None:
        lang = self.ctx.lang
        month0 = self.selected_month()
        month1 = (month0 + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        self.entries = self.ctx.services.spending.entries(self.plan_id, month0, month1)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            when = fmt.month_name(e.day, lang) if e.per_month else fmt.short_date(e.day, lang)
            for c, text in enumerate((when, scope_name(e.channel, lang),
                                      fmt.money(e.amount, lang, 2 if e.amount % 1 else 0), e.note)):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.strip.show_uses(self.ctx.services.spending.month_use(self.plan_id, month0))

    # ---- writing (each one undo step)
    def _run(self, text: str, do) -> bool:
        try:
            if self.main_window is not None:
                changes = self.main_window.run(text, do)
                if changes is None:
                    return False
            else:
                changes = do()
        except OpsDeskError as exc:
            self._say(error_text(exc))
            return False
        self.sig_changed.emit(changes)
        self.reload()
        return True

    def _amount(self, edit: QLineEdit) -> float | None:
        try:
            return parse_number(edit.text())
        except ValueError:
            self._say(error_text(ValidationError(sp.NOT_AN_AMOUNT, field="amount",
                                                 value=edit.text())))
            return None

    def add(self) -> None:
        amount = self._amount(self.amount)
        if amount is None:
            return
        q = self.day.date()
        day = dt.date(q.year(), q.month(), q.day())
        per_month = self.whole_month.isChecked()
        entry = (day, per_month, self.channel.currentData(), amount, self.note.text().strip())
        services, actor, plan = self.ctx.services, self.ctx.actor, self.plan_id
        if self._run(self.tr("Enter spending"),
                     lambda: services.spending.enter(actor, plan, [entry])):
            self.amount.clear()
            self.note.clear()
            self._say("")

    def remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        gone = [(e.day, e.per_month, e.channel, None, "") for r, e in enumerate(self.entries)
                if r in rows]
        if not gone:
            return
        services, actor, plan = self.ctx.services, self.ctx.actor, self.plan_id
        self._run(self.tr("Remove spending"), lambda: services.spending.enter(actor, plan, gone))

    def apply_budget(self) -> None:
        amount = self._amount(self.budget)
        if amount is None:
            return
        item = (self.selected_month(), self.scope.currentData(), amount)
        services, actor, plan = self.ctx.services, self.ctx.actor, self.plan_id
        if self._run(self.tr("Set budget"),
                     lambda: services.spending.set_budgets(actor, plan, [item])):
            self.budget.clear()
            self._say("")

    # ---- importing: a preview first, then one undo step
    def _choose_import(self) -> None:
        path, _ = file_dialog.get_open_file_name(
            self, self.tr("Import spending"), "",
            self.tr("Spending (*.csv *.txt *.xlsx *.xls *.ods);;All files (*)"))
        if path:
            self.check_import(path)

    def check_import(self, path: str) -> sp.SpendingImport | None:
        """Read and check a spending file; shows what it would change and asks before writing."""
        svc = self.ctx.services.spending
        try:
            prep = svc.prepare_import(self.ctx.actor, self.plan_id, svc.read_table(path))
        except OpsDeskError as exc:
            self._say(error_text(exc))
            return None
        self.pending = prep
        if prep.problems:
            self._say(self.tr("{file}: %n problem(s) found; nothing is imported.", "",
                              len(prep.problems)).format(file=prep.table.name),
                      [error_text(p.error()) for p in prep.problems[:200]])
            return prep
        self._say(self.tr("{file}: {new} new, {changed} changed, {same} unchanged; nothing is "
                          "written until you press Import.").format(
            file=prep.table.name, new=prep.new, changed=prep.changed, same=prep.unchanged))
        return prep

    def apply_import(self) -> bool:
        prep = self.pending
        if prep is None or prep.problems or not prep.entries:
            return False
        services, actor = self.ctx.services, self.ctx.actor
        text = self.tr("Import {file}").format(file=prep.table.name)
        self.pending = None
        done = self._run(text, lambda: services.spending.apply_import(actor, prep))
        if done:
            self._say(self.tr("{file} imported.").format(file=prep.table.name))
        return done

    def _say(self, text: str, problems: list[str] | None = None) -> None:
        self.message.setText(text)
        self.problems.clear()
        self.problems.addItems(problems or [])
        self.problems.setVisible(bool(problems))
        prep = self.pending
        self.apply_button.setVisible(prep is not None and not prep.problems and bool(prep.entries))

