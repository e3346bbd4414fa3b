"""A strip inside a view that says what went wrong (one clear sentence) and offers Try again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.retranslate import Retranslating


class ProblemBanner(Retranslating, QWidget):
    """Hidden until ``show_problem``; Try again hides it and emits ``sig_retry``."""

    sig_retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.error: OpsDeskError | None = None
        self.text = QLabel()
        self.text.setObjectName("problemText")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #c62828;")
        self.retry = QPushButton()
        self.retry.setObjectName("problemRetry")
        self.retry.clicked.connect(self._retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.retry.setText(self.tr("Try again"))
        if self.error is not None:
            self.text.setText(error_text(self.error))

    def show_problem(self, error: OpsDeskError) -> None:
        self.error = error
        self.retranslate_ui()
        self.show()

    def clear(self) -> None:
        self.error = None
        self.hide()

    def _retry(self) -> None:
        self.clear()
        self.sig_retry.emit()
