"""A one-line label that gives way: when its row is too narrow it shows its text cut with
"…" and the whole text as a tooltip, instead of widening the window (issue #16)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("elide", True)  # (the layout-fit test knows it is cut on purpose)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._own_tip = ""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, hint.height())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._sync_tip()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync_tip()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _sync_tip(self) -> None:
        tip = self.text() if self.is_elided() else ""
        if tip != self._own_tip:
            self._own_tip = tip
            self.setToolTip(tip)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(rect, int(self.alignment()) | Qt.TextFlag.TextSingleLine, text)
        p.end()
