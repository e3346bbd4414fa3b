"""Help ▸ Keyboard shortcuts: every shortcut of the app in one table (the README lists the
same). A test checks that every action with a shortcut in the main window and its views is
listed here, so a new shortcut cannot go unmentioned."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_C = "Shortcuts"


def shortcuts() -> list[tuple[str, list[tuple[str, str]]]]:
    """(where, [(keys, what)]) in the interface language; keys in the portable text form
    (``QKeySequence.toString``), e.g. "Ctrl+Shift+N"."""
    t = QCoreApplication.translate
    return [
        (t(_C, "Everywhere"), [
            ("Ctrl+1 … Ctrl+9", t(_C, "Show the first … ninth view (Overview, My work, Tasks…)")),
            ("Ctrl+Z", t(_C, "Undo your last action")),
            ("Ctrl+Shift+Z, Ctrl+Y", t(_C, "Redo")),
            ("F5", t(_C, "Refresh")),
            ("Ctrl+P", t(_C, "Print my list (today or this week)")),
            ("Ctrl+O", t(_C, "Open a database")),
            ("Ctrl+Shift+N", t(_C, "New plan")),
            ("Ctrl+Q", t(_C, "Quit")),
            ("F1", t(_C, "This list of keyboard shortcuts")),
        ]),
        (t(_C, "My work"), [
            ("Space", t(_C, "Tick off (or reopen) the selected task")),
            ("Enter", t(_C, "Show the selected task's details in the side panel")),
        ]),
        (t(_C, "Tasks"), [
            ("Ctrl+F", t(_C, "Filter the tasks")),
            ("Ctrl+N", t(_C, "New task (manager)")),
            ("Ctrl+E", t(_C, "Edit the selected task in the task dialog (manager)")),
            ("Ctrl+D", t(_C, "Duplicate the selected tasks (manager)")),
            ("Del", t(_C, "Delete the selected tasks (manager)")),
            ("Ctrl+Shift+M", t(_C, "Reschedule the selected tasks by some days (manager)")),
            ("F2", t(_C, "Edit the selected cell (manager)")),
            ("Enter", t(_C, "Show the selected task's details in the side panel")),
        ]),
        (t(_C, "Task side panel"), [
            ("Ctrl+Enter", t(_C, "Send the comment")),
        ]),
        (t(_C, "Timeline"), [
            ("Ctrl+Wheel", t(_C, "Zoom in or out (the date under the cursor stays put)")),
            ("Shift+Drag", t(_C, "Link one task to another (manager)")),
        ]),
        (t(_C, "KPI values"), [
            ("Ctrl+V", t(_C, "Paste a block of figures from a spreadsheet")),
            ("Ctrl+Z", t(_C, "Undo the last entry")),
        ]),
    ]


def listed_keys() -> set[str]:
    """Every single key sequence the table names ("Ctrl+1 … Ctrl+9" stands for all nine)."""
    out: set[str] = set()
    for _where, rows in shortcuts():
        for keys, _what in rows:
            if keys == "Ctrl+1 … Ctrl+9":
                out.update(f"Ctrl+{n}" for n in range(1, 10))
                continue
            out.update(k.strip() for k in keys.split(","))
    return out


def native(keys: str) -> str:
    """``keys`` as this platform shows them (Ctrl is ⌘ on macOS)."""
    if "…" in keys or "Wheel" in keys or "Drag" in keys:
        return keys
    return ", ".join(QKeySequence(k.strip()).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in keys.split(","))


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for where, rows in shortcuts():
            section = QTableWidgetItem(where)
            font = section.font()
            font.setBold(True)
            section.setFont(font)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.table.setItem(r, 0, section)
            self.table.setSpan(r, 0, 1, 2)
            for keys, what in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                self.table.setItem(r, 0, QTableWidgetItem(native(keys)))
                self.table.setItem(r, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 600)
