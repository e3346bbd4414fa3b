"""Plan ▸ Phases… (manager only): rename a phase in Chinese and English, change its dates,
add one (a 双11 campaign), remove an empty one, reorder. Each change is one service call, one
transaction and one undo step on the window's stack; the views follow from its ``Changes``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.ui import fmt
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:  # (the services load after the window's first paint: #17)
    from opsdesk.services import Changes
    from opsdesk.services.plans import PhaseInfo

WARN_COLOR = "#b26a00"
COLUMNS = 5  # 中文名, English, start, end, tasks


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PhaseForm(QWidget):
    """The four fields of a phase: names in Chinese and English, start and end."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_zh = QLineEdit()
        self.name_zh.setObjectName(f"{prefix}NameZh")
        self.name_en = QLineEdit()
        self.name_en.setObjectName(f"{prefix}NameEn")
        self.start = _date_edit(f"{prefix}Start")
        self.end = _date_edit(f"{prefix}End")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self.labels, (self.name_zh, self.name_en, self.start, self.end),
                                 strict=True):
            self.form.addRow(label, widget)

    def retranslate(self) -> None:
        texts = (QCoreApplication.translate("PhasesDialog", "Name (Chinese)"),
                 QCoreApplication.translate("PhasesDialog", "Name (English)"),
                 QCoreApplication.translate("PhasesDialog", "Start"),
                 QCoreApplication.translate("PhasesDialog", "End"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def set_values(self, name_zh: str, name_en: str, start: dt.date, end: dt.date) -> None:
        self.name_zh.setText(name_zh)
        self.name_en.setText(name_en)
        self.start.setDate(fmt.qdate(start))
        self.end.setDate(fmt.qdate(end))

    def values(self) -> dict:
        return dict(name_zh=self.name_zh.text().strip(), name_en=self.name_en.text().strip(),
                    start=_date(self.start.date()), end=_date(self.end.date()))


class PhasesDialog(Retranslating, QDialog):
    def __init__(self, ctx, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("phasesDialog")
        self.ctx, self.main_window = ctx, window
        self.phases: list[PhaseInfo] = []
        self.counts: dict[int, int] = {}
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("phasesTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.form = PhaseForm("phase")
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("phaseApply")
        self.add_button = QPushButton()
        self.add_button.setObjectName("phaseAdd")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("phaseRemove")
        self.up_button = QPushButton()
        self.up_button.setObjectName("phaseUp")
        self.down_button = QPushButton()
        self.down_button.setObjectName("phaseDown")
        self.warning = QLabel()
        self.warning.setObjectName("phaseWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARN_COLOR};")
        self.error = error_label("phaseError")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("class", "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        moves = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            moves.addWidget(b)
        moves.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.warning)
        right.addStretch(1)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(moves)
        top.addLayout(left, 3)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.table.itemSelectionChanged.connect(self._selected)
        self.apply_button.clicked.connect(self.apply_selected)
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for edit in (self.form.start, self.form.end):
            edit.dateChanged.connect(self._warn_overlaps)
        if hasattr(window, "changes_applied"):  # an undo while open, another process
            window.changes_applied.connect(self._changed)
        self.resize(900, 420)
        self.retranslate_ui()
        self.reload()

    # ---- reading
    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else self.selected_id()
        sv, plan_id = self.ctx.services, self.ctx.plan_id
        self.phases = sv.plans.phases(plan_id) if plan_id is not None else []
        self.counts = sv.phases.task_counts(plan_id) if plan_id is not None else {}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.phases))
        lang = self.ctx.lang
        for row, ph in enumerate(self.phases):
            cells = (ph.name_zh, ph.name_en, fmt.long_date(ph.start, lang),
                     fmt.long_date(ph.end, lang), str(self.counts.get(ph.id, 0)))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ph.id)
                if col == 0:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(ph.color))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        ids = [ph.id for ph in self.phases]
        self.table.selectRow(ids.index(current) if current in ids else 0)
        self._selected()

    def _changed(self, changes: Changes) -> None:
        if changes.plans and self.isVisible():
            self.reload()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.phases):
            return None
        return self.phases[rows[0].row()].id

    def selected(self) -> PhaseInfo | None:
        pid = self.selected_id()
        return next((p for p in self.phases if p.id == pid), None)

    def _selected(self) -> None:
        ph = self.selected()
        for w in (self.form, self.apply_button, self.remove_button, self.up_button,
                  self.down_button):
            w.setEnabled(ph is not None)
        if ph is None:
            return
        row = self.phases.index(ph)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(self.phases) - 1)
        count = self.counts.get(ph.id, 0)
        self.remove_button.setToolTip(
            self.tr("This phase holds %n task(s): move them to another phase first.", "", count)
            if count else "")
        for edit in (self.form.start, self.form.end):
            edit.blockSignals(True)
        self.form.set_values(ph.name_zh, ph.name_en, ph.start, ph.end)
        for edit in (self.form.start, self.form.end):
            edit.blockSignals(False)
        self._warn_overlaps()

    def _warn_overlaps(self) -> None:
        values = self.form.values()
        self.warning.setText(self.overlap_text(values["start"], values["end"], self.selected_id()))

    def overlap_text(self, start: dt.date, end: dt.date, skip: int | None) -> str:
        if end < start:
            return self.tr("The end is before the start.")
        from opsdesk.services.phases import overlapping

        hits = overlapping(self.phases, start, end, skip)
        if not hits:
            return ""
        names = "、".join(p.name(self.ctx.lang) for p in hits) if self.ctx.lang.startswith("zh") \
            else ", ".join(p.name(self.ctx.lang) for p in hits)
        return self.tr("These dates overlap {phases}. That is allowed; the timeline shows the "
                       "phases over each other.").format(phases=names)

    # ---- writing: one service call each, one undo step each
    def _run(self, text: str, do: Callable[[], Changes]) -> Changes | None:
        self.error.clear()
        try:
            changes = self.main_window.undo.run(text, do, show_errors=False)
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return None
        return changes

    def apply_selected(self) -> Changes | None:
        ph = self.selected()
        if ph is None:
            return None
        v = self.form.values()
        changed = {k: v[k] for k in ("name_zh", "name_en", "start", "end")
                   if v[k] != getattr(ph, k)}
        if not changed:
            return None
        sv, actor, pid = self.ctx.services, self.ctx.actor, ph.id
        text = self.tr("Change phase “{name}”").format(name=ph.name(self.ctx.lang))
        done = self._run(text, lambda: sv.plans.update_phase(actor, pid, **changed))
        if done is not None:
            self.reload(pid)
        return done

    def ask_add(self) -> Changes | None:
        dialog = AddPhaseDialog(self)
        last = max((p.end for p in self.phases), default=self.ctx.today())
        dialog.form.set_values("", "", last + dt.timedelta(days=1), last + dt.timedelta(days=14))
        dialog.form.start.dateChanged.connect(dialog.check)
        dialog.form.end.dateChanged.connect(dialog.check)
        dialog.check()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.done_changes

    def add(self, name_zh: str, name_en: str, start: dt.date, end: dt.date) -> Changes | None:
        sv, actor, plan_id = self.ctx.services, self.ctx.actor, self.ctx.plan_id
        name = name_zh if self.ctx.lang.startswith("zh") else name_en
        text = self.tr("Add phase “{name}”").format(name=name)
        done = self._run(text, lambda: sv.phases.add(actor, plan_id, name_zh=name_zh,
                                                     name_en=name_en, start=start, end=end))
        if done is not None:
            self.reload(next(iter(done.ids)))
        return done

    def remove_selected(self) -> Changes | None:
        ph = self.selected()
        if ph is None:
            return None
        sv, actor, pid, lang = self.ctx.services, self.ctx.actor, ph.id, self.ctx.lang
        text = self.tr("Remove phase “{name}”").format(name=ph.name(lang))
        done = self._run(text, lambda: sv.phases.remove(actor, pid, lang))
        if done is not None:
            self.reload()
        return done

    def move_selected(self, offset: int) -> Changes | None:
        ph = self.selected()
        if ph is None:
            return None
        sv, actor, pid = self.ctx.services, self.ctx.actor, ph.id
        text = (self.tr("Move phase “{name}” up") if offset < 0
                else self.tr("Move phase “{name}” down")).format(name=ph.name(self.ctx.lang))
        done = self._run(text, lambda: sv.phases.move(actor, pid, offset))
        if done is not None:
            self.reload(pid)
        return done

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Phases"))
        self.hint.setText(self.tr("Rename a phase, change its dates, add one (a 双11 campaign), "
                                  "remove an empty one or change the order. Each change is one "
                                  "step you can undo (Ctrl+Z)."))
        self.table.setHorizontalHeaderLabels([self.tr("Name (Chinese)"), self.tr("Name (English)"),
                                              self.tr("Start"), self.tr("End"), self.tr("Tasks")])
        self.form.retranslate()
        self.apply_button.setText(self.tr("Apply"))
        self.add_button.setText(self.tr("Add phase…"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))


class AddPhaseDialog(QDialog):
    def __init__(self, owner: PhasesDialog) -> None:
        super().__init__(owner)
        self.setObjectName("addPhaseDialog")
        self.owner = owner
        self.setWindowTitle(QCoreApplication.translate("PhasesDialog", "Add phase"))
        self.form = PhaseForm("newPhase")
        self.form.retranslate()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARN_COLOR};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.error = error_label("newPhaseError")
        self.done_changes: Changes | None = None
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def check(self) -> None:
        v = self.form.values()
        self.warning.setText(self.owner.overlap_text(v["start"], v["end"], None))

    def accept(self) -> None:
        """Add the phase; when the service refuses it, say why here and keep what was typed."""
        self.done_changes = self.owner.add(**self.form.values())
        if self.done_changes is None:
            self.error.setText(self.owner.error.text())
            self.owner.error.clear()
            return
        super().accept()
