"""The Tasks view's filter bar: text (narrows as you type), phase, role, person, status,
due range, overdue only, milestones only, and saved filters."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui.labels import status_name
from opsdesk.ui.tasks.delegates import STATUSES, date_edit, fill_choices, get_date, set_date
from opsdesk.ui.tasks.state import OPEN, UNASSIGNED, Filters
from opsdesk.ui.widgets.retranslate import Retranslating

TYPING_DELAY_MS = 120
"""Below this many rows the text filter applies on every keystroke."""
INSTANT_ROWS = 20_000
COMBO_CHARS = 10
"""The filter combos are this many characters wide at least (longer names are elided
when the window is narrow; the combos grow with the window)."""


class FilterBar(Retranslating, QWidget):
    sig_changed = Signal(object)
    """Emitted with the new ``Filters`` when any filter changes."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskFilterBar")
        self.lang = lang
        self.row_count = 0
        self._quiet = False
        self.saved: dict[str, dict] = {}
        self.text = QLineEdit()
        self.text.setObjectName("taskFilterText")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(180)
        self.phase, self.role, self.person, self.status = (QComboBox() for _ in range(4))
        for combo, name in ((self.phase, "filterPhase"), (self.role, "filterRole"),
                            (self.person, "filterPerson"), (self.status, "filterStatus")):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_CHARS)
        self.due_from, self.due_to = date_edit(self, lang), date_edit(self, lang)
        self.due_label = QLabel()
        self.overdue = QCheckBox()
        self.overdue.setObjectName("filterOverdue")
        self.milestones = QCheckBox()
        self.milestones.setObjectName("filterMilestones")
        self.saved_box = QComboBox()
        self.saved_box.setObjectName("savedFilters")
        self.saved_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved_box.setMinimumContentsLength(COMBO_CHARS + 4)
        self.save_button = QToolButton()
        self.save_button.setObjectName("saveFilter")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_DELAY_MS)
        self.timer.timeout.connect(self._emit)

        # Two rows, so that the window fits 1100 px in every language: text, phase, role,
        # person, status; then the due range, overdue, milestones and the saved filters.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        first, second = QHBoxLayout(), QHBoxLayout()
        for row in (first, second):
            row.setSpacing(6)
            layout.addLayout(row)
        first.addWidget(self.text, 3)
        for combo in (self.phase, self.role, self.person, self.status):
            first.addWidget(combo, 1)
        for w in (self.due_label, self.due_from, QLabel("–"), self.due_to, self.overdue,
                  self.milestones):
            second.addWidget(w)
        second.addStretch(1)
        for button in (self.saved_box, self.save_button, self.clear_button):
            second.addWidget(button)
        order = (self.text, self.phase, self.role, self.person, self.status, self.due_from,
                 self.due_to, self.overdue, self.milestones, self.saved_box, self.save_button,
                 self.clear_button)
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

        self.text.textChanged.connect(self._typed)
        for combo in (self.phase, self.role, self.person, self.status):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(self._emit)
        for box in (self.overdue, self.milestones):
            box.toggled.connect(self._emit)
        self.saved_box.activated.connect(self._load_saved)
        self.save_button.clicked.connect(self._save_current)
        self.clear_button.clicked.connect(self.clear)
        self._choices: tuple = ([], [], [])
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.text.setPlaceholderText(self.tr("Filter tasks… (Ctrl+F)"))
        self.text.setAccessibleName(self.tr("Filter by text"))
        self.text.setToolTip(self.tr("Words in the title or the assignee's name"))
        self.due_label.setText(self.tr("Due"))
        self.due_from.setAccessibleName(self.tr("Due from"))
        self.due_to.setAccessibleName(self.tr("Due until"))
        self.overdue.setText(self.tr("Overdue"))
        self.overdue.setToolTip(self.tr("Only open tasks past their due date"))
        self.milestones.setText(self.tr("Milestones"))
        self.milestones.setToolTip(self.tr("Only milestones"))
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Remember these filters under a name"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every task"))
        self.saved_box.setToolTip(self.tr("Saved filters"))
        self.saved_box.setAccessibleName(self.tr("Saved filters"))
        for combo, name in ((self.phase, self.tr("Phase")), (self.role, self.tr("Role")),
                            (self.person, self.tr("Person")), (self.status, self.tr("Status"))):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
        self.set_choices(*self._choices)
        self.set_saved(self.saved)


    # ---- choices
    def set_choices(self, phases: list, roles: list, people: list) -> None:
        """(id, name, colour) lists for the combo boxes; keeps the current filters."""
        self._choices = (phases, roles, people)
        current = self.filters()
        self._quiet = True
        fill_choices(self.phase, [(None, self.tr("All phases"), None)] + phases)
        fill_choices(self.role, [(None, self.tr("All roles"), None)] + roles)
        fill_choices(self.person, [(None, self.tr("Everyone"), None),
                                   (UNASSIGNED, self.tr("Unassigned"), None)] + people)
        fill_choices(self.status, [(None, self.tr("Any status"), None),
                                   (OPEN, self.tr("Open"), None)]
                     + [(s, status_name(s), None) for s in STATUSES])
        self._quiet = False
        self.set_filters(current, emit=False)

    def set_saved(self, saved: dict[str, dict]) -> None:
        self.saved = dict(saved)
        self.saved_box.clear()
        self.saved_box.addItem(self.tr("Saved filters…"), None)
        for name in sorted(self.saved):
            self.saved_box.addItem(name, name)
        self.saved_box.setVisible(bool(self.saved))

    # ---- values
    def filters(self) -> Filters:
        def iso(edit):
            day = get_date(edit)
            return day.isoformat() if day else None
        return Filters(text=self.text.text(), phase_id=self.phase.currentData(),
                       role_id=self.role.currentData(), person_id=self.person.currentData(),
                       status=self.status.currentData(), due_from=iso(self.due_from),
                       due_to=iso(self.due_to), overdue_only=self.overdue.isChecked(),
                       milestones_only=self.milestones.isChecked())

    def set_filters(self, f: Filters, emit: bool = True) -> None:
        import datetime as dt

        self._quiet = True
        self.text.setText(f.text)
        for combo, value in ((self.phase, f.phase_id), (self.role, f.role_id),
                             (self.person, f.person_id), (self.status, f.status)):
            at = combo.findData(value)
            combo.setCurrentIndex(at if at >= 0 else 0)
        set_date(self.due_from, dt.date.fromisoformat(f.due_from) if f.due_from else None)
        set_date(self.due_to, dt.date.fromisoformat(f.due_to) if f.due_to else None)
        self.overdue.setChecked(f.overdue_only)
        self.milestones.setChecked(f.milestones_only)
        self._quiet = False
        if emit:
            self._emit()

    def clear(self) -> None:
        self.set_filters(Filters())

    def _typed(self) -> None:
        if self._quiet:
            return
        if self.row_count <= INSTANT_ROWS:
            self._emit()
        else:
            self.timer.start()

    def _emit(self) -> None:
        if not self._quiet:
            self.timer.stop()
            self.sig_changed.emit(self.filters())

    def _load_saved(self, index: int) -> None:
        name = self.saved_box.itemData(index)
        if name in self.saved:
            self.set_filters(Filters.from_dict(self.saved[name]))

    def _save_current(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filters"), self.tr("Name:"))
        if ok and name.strip():
            self.save_as(name.strip())

    sig_saved = Signal(dict)
    """Emitted with every saved filter (name → filters as a dict) after one is saved."""

    def save_as(self, name: str) -> None:
        self.saved[name] = self.filters().to_dict()
        self.set_saved(self.saved)
        self.sig_saved.emit(self.saved)
