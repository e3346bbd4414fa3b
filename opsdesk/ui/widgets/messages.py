"""Showing errors to a person: one clear sentence, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.labels import error_text

if TYPE_CHECKING:  # (QMessageBox's Python type loads with its first box, not at start-up)
    from PySide6.QtWidgets import QMessageBox

_open: list[QMessageBox] = []  # boxes without a parent stay alive until closed


def show_error(parent: QWidget | None, exc: OpsDeskError, title: str | None = None) -> QMessageBox:
    """Explain ``exc`` in a message box that does not block the caller (``open()``, not
    ``exec()``): the action has already been refused, there is nothing to decide."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title or "OpsDesk", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.append(box)
    box.finished.connect(lambda _result: _open.remove(box) if box in _open else None)
    box.open()
    return box


ERROR_COLOR = "#c62828"


def error_label(object_name: str = "") -> QLabel:
    """The red, word-wrapped line where a dialog says what is wrong with its input."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(True)
    return label
