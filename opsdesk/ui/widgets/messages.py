"""Showing errors to a person: one clear sentence, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.labels import error_text


def show_error(parent: QWidget | None, exc: OpsDeskError, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or "OpsDesk", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()
