"""Paints My work rows like a to-do list: a big checkbox, the title, its phase and progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from opsdesk.ui.mywork.model import CountRole, GroupRole, TaskRole

if TYPE_CHECKING:
    from opsdesk.services.mywork import MyTask

ROW_H, BOX = 56, 24  # headers are as tall as rows, so the list lays out uniformly (fast)
GROUP_COLORS = {"overdue": "#c62828", "today": "#1565c0", "week": "#2e7d32", "later": "#546e7a",
                "done": "#757575"}
MILESTONE_BG = QColor("#fff8e1")
MILESTONE = QColor("#f9a825")


class MyWorkDelegate(QStyledItemDelegate):
    """Custom painting (https://doc.qt.io/qt-6/qstyleditemdelegate.html); emits ``sig_toggle``
    when a row's checkbox is clicked."""

    sig_toggle = Signal(int)
    """Row whose checkbox was clicked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.lang = "zh_CN"
        self.can_toggle: Callable[[MyTask], bool] = lambda _t: True
        self.texts: dict[str, str] = {}
        self.due_text: Callable[[MyTask], tuple[str, str]] = lambda _t: ("", "")
        self.group_titles: dict[str, str] = {}
        self.progress: Callable[[int | None], float] = lambda _p: 0.0  # a phase's share done

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        return QSize(max(option.rect.width(), 200), ROW_H)

    @staticmethod
    def box_rect(rect: QRect) -> QRect:
        return QRect(rect.left() + 18, rect.top() + (rect.height() - BOX) // 2, BOX, BOX)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802
        task = index.data(TaskRole)
        if task is None:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease and \
                event.button() == Qt.MouseButton.LeftButton and \
                self.box_rect(option.rect).adjusted(-8, -8, 8, 8).contains(event.position().toPoint()):
            self.sig_toggle.emit(index.row())
            return True
        return False

    # ---- painting
    def paint(self, p: QPainter, option: QStyleOptionViewItem, index) -> None:
        task = index.data(TaskRole)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if task is None:
            self._paint_header(p, option.rect, index.data(GroupRole), index.data(CountRole),
                               option.font)
        else:
            self._paint_task(p, option, task)
        p.restore()

    def _paint_header(self, p: QPainter, r: QRect, group: str, count: int, base: QFont) -> None:
        color = QColor(GROUP_COLORS.get(group, "#546e7a"))
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.08)
        font.setBold(True)
        p.setFont(font)
        p.setPen(color)
        title = self.group_titles.get(group, group)
        text_rect = r.adjusted(18, 22, -18, -4)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        width = QFontMetrics(font).horizontalAdvance(title)
        pill = QRectF(text_rect.left() + width + 10, text_rect.center().y() - 9, 28, 18)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color.red(), color.green(), color.blue(), 36))
        p.drawRoundedRect(pill, 9, 9)
        small = QFont(base)
        small.setBold(True)
        p.setFont(small)
        p.setPen(color)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(count))
        p.setPen(QPen(QColor("#e0e3e7"), 1))
        p.drawLine(r.left() + 18, r.bottom(), r.right() - 18, r.bottom())

    def _paint_task(self, p: QPainter, option: QStyleOptionViewItem, t: MyTask) -> None:
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = QRectF(r.adjusted(8, 3, -8, -3))
        bg = QColor("#e3f2fd") if selected else (MILESTONE_BG if t.is_milestone and not t.done
                                                  else QColor("#ffffff"))
        p.setPen(QPen(QColor("#90caf9") if selected else QColor("#e6e8eb"), 1))
        p.setBrush(bg)
        p.drawRoundedRect(card, 8, 8)
        if t.is_milestone:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(MILESTONE)
            p.drawRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2)
        self._paint_box(p, self.box_rect(r), t)
        left = r.left() + 18 + BOX + 14
        due_text, tone = self.due_text(t)
        fm = QFontMetrics(option.font)
        due_w = max(fm.horizontalAdvance(due_text) + 24, 90)
        right = r.right() - 16 - due_w
        # title
        title_font = QFont(option.font)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.06)
        title_font.setBold(t.is_milestone)
        title_font.setStrikeOut(t.done)
        p.setFont(title_font)
        p.setPen(QColor("#9e9e9e") if t.done else QColor("#202124"))
        prefix = "◆ " if t.is_milestone else ""
        suffix = "  ↻" if t.series_id else ""
        title_rect = QRect(left, r.top() + 8, right - left, 22)
        p.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(title_font).elidedText(prefix + t.title + suffix,
                                                       Qt.TextElideMode.ElideRight, title_rect.width()))
        # phase dot, name, progress
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        p.setFont(small)
        sfm = QFontMetrics(small)
        y = r.top() + 32
        x = left
        if t.phase_id is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.phase_color or "#9e9e9e"))
            p.drawEllipse(QPointF(x + 4, y + 8), 4, 4)
            x += 14
            name = t.phase_name(self.lang)
            p.setPen(QColor("#5f6368"))
            p.drawText(QRect(x, y, sfm.horizontalAdvance(name) + 2, 16),
                       Qt.AlignmentFlag.AlignVCenter, name)
            x += sfm.horizontalAdvance(name) + 10
            bar = QRectF(x, y + 5, 56, 6)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#e8eaed"))
            p.drawRoundedRect(bar, 3, 3)
            p.setBrush(QColor(t.phase_color or "#90a4ae").darker(115))
            share = self.progress(t.phase_id)
            p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, 6), 3, 3)
            x += 62
            pct = f"{round(share * 100)}%"
            p.setPen(QColor("#5f6368"))
            p.drawText(QRect(x, y, 40, 16), Qt.AlignmentFlag.AlignVCenter, pct)
            x += sfm.horizontalAdvance(pct) + 12
        extra = self.texts.get("unassigned", "") if t.assignee_id is None else ""
        if t.done and t.done_at is not None:
            extra = self.texts.get("done", "")
        if t.missed:
            extra = self.texts.get("missed", "")
        if extra and x < right:
            p.setPen(QColor("#80868b"))
            p.drawText(QRect(x, y, right - x, 16), Qt.AlignmentFlag.AlignVCenter,
                       sfm.elidedText("· " + extra, Qt.TextElideMode.ElideRight, right - x))
        # due, right-aligned, as a pill
        if due_text:
            colors = {"bad": ("#fdecea", "#c62828"), "today": ("#e3f2fd", "#1565c0"),
                      "done": ("#f1f3f4", "#80868b")}
            fill, fg = colors.get(tone, ("#f1f3f4", "#3c4043"))
            pill = QRectF(r.right() - 16 - due_w + 10, r.center().y() - 11, due_w - 10, 22)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(fill))
            p.drawRoundedRect(pill, 11, 11)
            p.setPen(QColor(fg))
            p.setFont(option.font)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, due_text)

    def _paint_box(self, p: QPainter, box: QRect, t: MyTask) -> None:
        enabled = self.can_toggle(t)
        rect = QRectF(box)
        if t.done:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#43a047") if enabled else QColor("#a5d6a7"))
            p.drawRoundedRect(rect, 6, 6)
            path = QPainterPath()
            path.moveTo(rect.left() + 6, rect.center().y())
            path.lineTo(rect.left() + 10.5, rect.bottom() - 6.5)
            path.lineTo(rect.right() - 5.5, rect.top() + 7)
            p.setPen(QPen(QColor("white"), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        else:
            p.setPen(QPen(QColor("#5f6368") if enabled else QColor("#c4c7c5"), 2))
            p.setBrush(QBrush(QColor("white")))
            p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
