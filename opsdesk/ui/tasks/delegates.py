"""Inline editors for the Tasks view: date pickers, role/person/status/priority combo boxes.

Implements QStyledItemDelegate (https://doc.qt.io/qt-6/qstyleditemdelegate.html).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate, QWidget

from opsdesk.ui.labels import priority_name, status_name
from opsdesk.ui.tasks.state import COLUMNS

STATUSES = ("todo", "doing", "blocked", "done", "cancelled")
PRIORITIES = ("urgent", "high", "normal", "low")
NO_DATE = QDate(1999, 12, 31)
"""The minimum of a date editor, shown as "—": no date."""


def swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


def date_edit(parent: QWidget | None, lang: str, allow_empty: bool = True) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if allow_empty:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
    return edit


def set_date(edit: QDateEdit, day: dt.date | QDate | None) -> None:
    if isinstance(day, dt.date):
        day = QDate(day.year, day.month, day.day)
    edit.setDate(day if day is not None and day.isValid() else NO_DATE)


def get_date(edit: QDateEdit) -> dt.date | None:
    day = edit.date()
    return None if day == NO_DATE or not day.isValid() else day.toPython()


def fill_choices(combo: QComboBox, items: list[tuple[object, str, str | None]]) -> None:
    """``items``: (value, text, colour or None)."""
    combo.clear()
    for value, text, color in items:
        if color:
            combo.addItem(swatch(color), text, value)
        else:
            combo.addItem(text, value)


class TaskDelegate(QStyledItemDelegate):
    """Chooses the editor by column; ``roles()`` and ``people()`` give the current choices
    as (id, name, colour) so a deactivated person is never offered."""

    def __init__(self, lang: str, roles: Callable[[], list], people: Callable[[], list],
                 parent=None) -> None:
        super().__init__(parent)
        self.lang, self.roles, self.people = lang, roles, people

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        name = COLUMNS[index.column()]
        if name in ("start", "due"):
            editor = date_edit(parent, self.lang)
            editor.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
            return editor
        if name == "title":
            return QLineEdit(parent)
        combo = QComboBox(parent)
        if name == "role":
            fill_choices(combo, [(None, "—", None)] + list(self.roles()))
        elif name == "assignee":
            fill_choices(combo, [(None, self.tr("unassigned"), None)] + list(self.people()))
        elif name == "status":
            fill_choices(combo, [(s, status_name(s), None) for s in STATUSES])
        elif name == "priority":
            fill_choices(combo, [(p, priority_name(p), None) for p in PRIORITIES])
        combo.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            set_date(editor, value)
        elif isinstance(editor, QComboBox):
            at = editor.findData(value)
            editor.setCurrentIndex(max(at, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QDateEdit):
            day = get_date(editor)
            model.setData(index, QDate(day.year, day.month, day.day) if day else QDate())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
