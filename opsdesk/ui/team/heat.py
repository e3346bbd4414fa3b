"""The workload heat grid: open tasks due per plan week, painted in a tree column."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

WeeksRole = Qt.ItemDataRole.UserRole + 10  # list[int]: open tasks due in each week
CELL_W, CELL_H = 9, 14


def heat_color(n: int, peak: int) -> QColor:
    if n <= 0:
        return QColor("#eef0f3")
    t = min(1.0, n / max(peak, 1))
    low, high = QColor("#c6e2ff"), QColor("#d84315")
    mid = QColor("#ffb74d")
    a, b, f = (low, mid, t * 2) if t < 0.5 else (mid, high, (t - 0.5) * 2)
    return QColor(int(a.red() + (b.red() - a.red()) * f), int(a.green() + (b.green() - a.green()) * f),
                  int(a.blue() + (b.blue() - a.blue()) * f))


class HeatDelegate(QStyledItemDelegate):
    """https://doc.qt.io/qt-6/qstyleditemdelegate.html: one small cell per week."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.peak = 1
        self.today_week = -1

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        weeks = index.data(WeeksRole) or []
        return QSize(len(weeks) * (CELL_W + 1) + 8, CELL_H + 10)

    def paint(self, p: QPainter, option, index) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            p.fillRect(option.rect, option.palette.highlight().color().lighter(170))
        weeks = index.data(WeeksRole) or []
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect
        y = r.top() + (r.height() - CELL_H) / 2
        for i, n in enumerate(weeks):
            cell = QRectF(r.left() + 4 + i * (CELL_W + 1), y, CELL_W, CELL_H)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(heat_color(n, self.peak))
            p.drawRoundedRect(cell, 2, 2)
            if i == self.today_week:
                p.setPen(QPen(QColor("#1a73e8"), 1.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(cell.adjusted(-1, -1, 1, 1), 2, 2)
        p.restore()
