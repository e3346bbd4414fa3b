"""The workload heat grid: open tasks due per plan week, painted in a tree column."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QWidget

WeeksRole = Qt.ItemDataRole.UserRole + 10  # list[int]: open tasks due in each week
CELL_W, CELL_H = 11, 14


def heat_color(n: int, peak: int) -> QColor:
    if n <= 0:
        return QColor("#eef0f3")
    t = min(1.0, n / max(peak, 1))
    low, high = QColor("#ffe0b2"), QColor("#d84315")  # (no blue: grey only means none due)
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


LABEL_EVERY = 4  # a date under every 4th week


class HeatHeader(QHeaderView):
    """The tree's header, two lines tall: over the heat column its title and, under it, the
    Monday of every ``LABEL_EVERY``-th week (M/d) above that week's cells."""

    def __init__(self, column: int, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.column = column
        self.first_week: dt.date | None = None
        self.weeks = 0
        self.title = ""  # the heat column's title, drawn over its dates (its label is "")
        self.setSectionsClickable(False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 2 * self.fontMetrics().height() + 10))

    def sectionSizeFromContents(self, index: int) -> QSize:  # noqa: N802 - Qt override
        size = super().sectionSizeFromContents(index)
        if index == self.column:  # as wide as its title, when the grid is narrower
            size.setWidth(max(size.width(), self.fontMetrics().horizontalAdvance(self.title) + 12))
        return size

    def set_weeks(self, first_week: dt.date, weeks: int) -> None:
        self.first_week, self.weeks = first_week, weeks
        self.viewport().update()

    def paintSection(self, painter: QPainter, rect, index: int) -> None:  # noqa: N802
        super().paintSection(painter, rect, index)
        if index != self.column:
            return
        painter.save()
        fm = self.fontMetrics()
        painter.setPen(self.palette().color(self.palette().ColorRole.WindowText))
        painter.drawText(rect.adjusted(4, 2, -4, 0), int(Qt.AlignmentFlag.AlignLeft
                                                         | Qt.AlignmentFlag.AlignTop),
                         fm.elidedText(self.title, Qt.TextElideMode.ElideRight, rect.width() - 8))
        painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
        y = rect.bottom() - fm.height() - 1
        first = self.first_week or dt.date.min
        for i in range(0, self.weeks if self.first_week is not None else 0, LABEL_EVERY):
            day = first + dt.timedelta(weeks=i)
            x = rect.left() + 4 + i * (CELL_W + 1)
            text = f"{day.month}/{day.day}"
            if x + fm.horizontalAdvance(text) > rect.right():
                break
            painter.drawLine(x, rect.bottom() - 3, x, rect.bottom())
            painter.drawText(x, y, fm.horizontalAdvance(text) + 2, fm.height(),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


class HeatLegend(QWidget):
    """What the colours mean: grey no open work due that week, light blue a little, orange
    to red the most; the outlined cell is this week."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("heatLegend")
        self.texts = ("", "", "", "")  # none, few, most, this week

    def set_texts(self, none: str, few: str, most: str, this_week: str) -> None:
        self.texts = (none, few, most, this_week)
        self.updateGeometry()
        self.update()

    def _items(self) -> list[tuple[str, QColor | None]]:
        none, few, most, this_week = self.texts
        return [(none, heat_color(0, 1)), (few, heat_color(1, 4)), (most, heat_color(4, 4)),
                (this_week, None)]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        width = sum(CELL_W + 6 + fm.horizontalAdvance(t) + 14 for t, _c in self._items())
        return QSize(width, max(CELL_H, fm.height()) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        x, h = 0, self.height()
        for text, color in self._items():
            cell = QRectF(x + 1, (h - CELL_H) / 2, CELL_W, CELL_H)
            if color is None:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(heat_color(0, 1))
                p.drawRoundedRect(cell, 2, 2)
                p.setPen(QPen(QColor("#1a73e8"), 1.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(cell.adjusted(-1, -1, 1, 1), 2, 2)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(color)
                p.drawRoundedRect(cell, 2, 2)
            x += CELL_W + 6
            p.setPen(self.palette().color(self.palette().ColorRole.WindowText))
            p.drawText(x, 0, fm.horizontalAdvance(text) + 2, h,
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            x += fm.horizontalAdvance(text) + 14
        p.end()
