"""The manager's KPI definitions dialog: name, unit, direction, aggregation, owner, decimals and targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from opsdesk.errors import OpsDeskError, ValidationError
from opsdesk.model import kpi_math as km
from opsdesk.services.kpi_parse import parse_day, parse_number
from opsdesk.ui import fmt
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import show_error
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services.kpis import KpiInfo
    from opsdesk.ui.context import AppContext

UNITS = ("CNY", "%", "ratio", "count")
DIRECTIONS = ("higher", "lower", "range")
AGGREGATIONS = ("sum", "mean", "last")
TARGET_COLUMNS = 5


class DefinitionsDialog(Retranslating, QDialog):
    """Every change is one undoable step through ``window.run``."""

    def __init__(self, ctx: AppContext, window=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiDefinitions")
        self.ctx, self.main_window = ctx, window
        self.kpis: list[KpiInfo] = []
        self.list = QListWidget()
        self.list.setObjectName("kpiDefinitionList")
        self.new_button = QPushButton()
        self.delete_button = QPushButton()
        self.key = QLineEdit()
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.unit, self.direction, self.aggregation = QComboBox(), QComboBox(), QComboBox()
        self.owner = QComboBox()
        self.decimals = QSpinBox()
        self.decimals.setRange(0, 6)
        self.save_button = QPushButton()
        self.save_button.setObjectName("kpiDefinitionSave")
        self.targets = QTableWidget(0, TARGET_COLUMNS)
        self.targets.setObjectName("kpiTargets")
        self.add_target = QPushButton()
        self.remove_target = QPushButton()
        self.save_targets = QPushButton()
        self.save_targets.setObjectName("kpiTargetsSave")
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        for label, field in zip(self.labels, (self.key, self.name_zh, self.name_en, self.unit,
                                              self.direction, self.aggregation, self.owner,
                                              self.decimals), strict=True):
            self.form.addRow(label, field)
        self.meaning = QLabel()  # what the targets mean: a floor, a range, above it good or not
        self.meaning.setObjectName("kpiTargetMeaning")
        self.meaning.setProperty("class", "muted")
        self.meaning.setWordWrap(True)
        self.form.addRow("", self.meaning)
        self.targets_label = QLabel()
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.targets_label)
        right.addWidget(self.targets, 1)
        trow = QHBoxLayout()
        for b in (self.add_target, self.remove_target):
            trow.addWidget(b)
        trow.addStretch(1)
        trow.addWidget(self.save_targets)
        right.addLayout(trow)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self._new)
        self.delete_button.clicked.connect(self._delete)
        self.save_button.clicked.connect(self.save)
        self.add_target.clicked.connect(lambda: self.targets.insertRow(self.targets.rowCount()))
        self.remove_target.clicked.connect(lambda: self.targets.removeRow(self.targets.currentRow()))
        self.save_targets.clicked.connect(self.save_target_rows)
        self.resize(900, 560)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("KPI definitions"))
        for label, text in zip(self.labels, (self.tr("Key"), self.tr("Name (Chinese)"),
                                             self.tr("Name (English)"), self.tr("Unit"),
                                             self.tr("Direction"), self.tr("Aggregation"),
                                             self.tr("Owner role"), self.tr("Decimals")), strict=True):
            label.setText(text)
        self._items(self.unit, [(u, {"CNY": self.tr("CNY"), "%": "%", "ratio": self.tr("ratio"),
                                     "count": self.tr("count")}[u]) for u in UNITS])
        self._items(self.direction, [("higher", self.tr("higher is better")),
                                     ("lower", self.tr("lower is better")),
                                     ("range", self.tr("within a range"))])
        self._items(self.aggregation, [("sum", self.tr("sum")), ("mean", self.tr("mean")),
                                       ("last", self.tr("last value"))])
        self._items(self.owner, [(None, "—")] + [(r.id, r.name(self.ctx.lang))
                                               for r in self.ctx.services.people.roles()])
        self.new_button.setText(self.tr("New KPI"))
        self.delete_button.setText(self.tr("Delete"))
        self.save_button.setText(self.tr("Save KPI"))
        self.targets_label.setText(self.tr("Targets (per month, custom range, phase or traffic step; "
                                           "low and/or high)"))
        self.targets.setHorizontalHeaderLabels([self.tr("From"), self.tr("To"), self.tr("Low"),
                                                self.tr("High"), self.tr("Label")])
        self.add_target.setText(self.tr("Add target"))
        self.remove_target.setText(self.tr("Remove target"))
        self.save_targets.setText(self.tr("Save targets"))


    @staticmethod
    def _items(combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    # ---- data
    def reload(self, select: int | None = None) -> None:
        plan_id = self.ctx.plan_id
        assert plan_id is not None  # (the KPI dialog is a plan's)
        self.kpis = self.ctx.services.kpis.list(plan_id)
        self.list.clear()
        for k in self.kpis:
            item = QListWidgetItem(k.name(self.ctx.lang))
            item.setData(Qt.ItemDataRole.UserRole, k.id)
            self.list.addItem(item)
        ids = [k.id for k in self.kpis]
        self.list.setCurrentRow(ids.index(select) if select in ids else (0 if ids else -1))

    def current(self):
        row = self.list.currentRow()
        return self.kpis[row] if 0 <= row < len(self.kpis) else None

    def _show(self, _row: int) -> None:
        k = self.current()
        if k is None:
            return
        self.key.setText(k.key)
        self.name_zh.setText(k.name_zh)
        self.name_en.setText(k.name_en)
        for combo, value in ((self.unit, k.unit), (self.direction, k.direction),
                             (self.aggregation, k.aggregation), (self.owner, k.owner_role_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.decimals.setValue(k.decimals)
        self.meaning.setText(self.meaning_text(k))
        targets = self.ctx.services.kpis.targets(k.id)
        self.targets.setRowCount(len(targets))
        for r, t in enumerate(targets):
            for c, v in enumerate((t.period_start.isoformat(), t.period_end.isoformat(),
                                   fmt.editable(t.low), fmt.editable(t.high), t.label)):
                self.targets.setItem(r, c, QTableWidgetItem(v))

    def meaning_text(self, k) -> str:
        """How the dashboard reads this KPI's targets (from its direction, aggregation, key)."""
        if k.aggregation == "sum" and k.direction == "higher":
            return self.tr("A target is an amount to reach over its period; the dashboard "
                           "judges it by pace (the share due by today).")
        good = km.above_is_good(k.direction, k.key, (k.name_zh, k.name_en))
        if k.direction == "lower":
            return self.tr("A target is a maximum (met or not, with the margin); a low and a "
                           "high make a range.")
        return (self.tr("A single target is a minimum (met or not, with the margin); a low "
                        "and a high make a range, and above the range is good.") if good else
                self.tr("A single target is a minimum (met or not, with the margin); a low "
                        "and a high make a range, and above the range is too high (a cost)."))

    def fields(self) -> dict:
        return dict(key=self.key.text(), name_zh=self.name_zh.text(), name_en=self.name_en.text(),
                    unit=self.unit.currentData(), direction=self.direction.currentData(),
                    aggregation=self.aggregation.currentData(), owner_role_id=self.owner.currentData(),
                    decimals=self.decimals.value())

    def _run(self, text, do):
        if self.main_window is not None:
            return self.main_window.run(text, do)
        try:
            return do()
        except OpsDeskError as exc:
            show_error(self, exc)
            return None

    # ---- writing
    def save(self) -> None:
        k, kpis, actor = self.current(), self.ctx.services.kpis, self.ctx.actor
        if k is None:
            return
        new = self.fields()
        old = {name: getattr(k, name) for name in new}
        changed = {n: v for n, v in new.items() if old[n] != v}
        if not changed:
            return
        self._run(self.tr("Change KPI {name}").format(name=k.name(self.ctx.lang)),
                  lambda: kpis.update(actor, k.id, **changed))
        self.reload(k.id)

    def _new(self) -> None:
        kpis, actor, plan_id = self.ctx.services.kpis, self.ctx.actor, self.ctx.plan_id
        assert plan_id is not None  # (the KPI dialog is a plan's)
        n = len(self.kpis) + 1
        keys = {k.key for k in self.kpis}
        while f"kpi_{n}" in keys:
            n += 1
        changes = self._run(self.tr("New KPI"), lambda: kpis.create(
            actor, plan_id, key=f"kpi_{n}", name_zh=f"新指标{n}", name_en=f"New KPI {n}"))
        if changes is not None:
            self.reload(next(iter(changes.ids)))

    def _delete(self) -> None:
        k = self.current()
        if k is None:
            return
        kpis, actor = self.ctx.services.kpis, self.ctx.actor
        # (its values and targets go with it; the undo puts them back)
        self._run(self.tr("Delete KPI {name}").format(name=k.name(self.ctx.lang)),
                  lambda: kpis.delete(actor, k.id))
        self.reload()

    def target_rows(self) -> list[dict]:
        rows = []
        for r in range(self.targets.rowCount()):
            items = [self.targets.item(r, c) for c in range(TARGET_COLUMNS)]
            cells = [item.text().strip() if item else "" for item in items]
            if not any(cells):
                continue
            try:
                start, end = parse_day(cells[0]), parse_day(cells[1])
                low = parse_number(cells[2]) if cells[2] else None
                high = parse_number(cells[3]) if cells[3] else None
            except ValueError:
                raise ValidationError(self.tr("Target row {row}: write dates as 2026-09-01 and "
                                              "numbers as 200000 or 20万.").format(row=r + 1)) from None
            rows.append(dict(period_start=start, period_end=end, low=low, high=high, label=cells[4]))
        return rows

    def save_target_rows(self) -> None:
        k, kpis, actor = self.current(), self.ctx.services.kpis, self.ctx.actor
        if k is None:
            return
        try:
            rows = self.target_rows()
        except ValidationError as exc:
            self.targets_label.setText(error_text(exc))
            return
        self._run(self.tr("Set targets of {name}").format(name=k.name(self.ctx.lang)),
                  lambda: kpis.set_targets(actor, k.id, rows))
        self.reload(k.id)
