"""Pieces of the Overview: stat tiles, phase cards and the phase strip."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from opsdesk.services.overview import PhaseProgress


def restyle(widget: QWidget, **properties: object) -> None:
    """Set style-sheet properties; a widget already polished is polished again so that
    the style sheet's ``[name="value"]`` rules follow. (A widget not yet shown is polished
    when it is: its style — and PySide's Python types for ``QStyle`` — is not asked for.)"""
    changed = False
    for name, value in properties.items():
        if widget.property(name) != value:
            widget.setProperty(name, value)
            changed = True
    if changed and widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


class StatTile(QFrame):
    """A big number with a caption under it."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("class", "tile")
        self.value = QLabel("–")
        self.value.setObjectName(f"{object_name}Value")
        self.value.setProperty("class", "tileValue")
        self.value.setFixedHeight(36)
        self.caption = QLabel()
        self.caption.setProperty("class", "tileCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, value: str, caption: str, tone: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        restyle(self, tone=tone)


class PhaseCard(QFrame):
    """One phase: name, dates, work done, time passed, overdue count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("class", "phaseCard")
        self.name = QLabel()
        self.name.setProperty("class", "phaseName")
        self.dates = QLabel()
        self.dates.setProperty("class", "muted")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.state = QLabel()
        self.state.setProperty("class", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        for w in (self.name, self.dates, self.bar, self.detail, self.state):
            layout.addWidget(w)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_phase(self, p: PhaseProgress, current: bool, color: str) -> None:
        sheet = f"QFrame[class=\"phaseCard\"] {{ border-top: 4px solid {color}; }}"
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)  # (Qt polishes again itself)
        self.bar.setValue(round(p.progress * 100))
        restyle(self, current=current)


class PhaseStrip(QWidget):
    """The phases as bands on one time axis, with today and launch day marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseStrip")
        self._phases: list[tuple[str, dt.date, dt.date, str, float]] = []
        self._today: dt.date | None = None
        self._launch: dt.date | None = None
        self._today_text = ""
        self._launch_text = ""
        self.setMinimumHeight(66)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 66)

    def set_data(self, phases: list[tuple[str, dt.date, dt.date, str, float]], today: dt.date,
                 launch: dt.date, today_text: str, launch_text: str) -> None:
        self._phases, self._today, self._launch = phases, today, launch
        self._today_text, self._launch_text = today_text, launch_text
        self.update()

    def _x(self, day: dt.date, start: dt.date, span: int, width: float) -> float:
        return 8 + (day - start).days / span * (width - 16)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        if not self._phases:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        start = min(p[1] for p in self._phases)
        end = max(p[2] for p in self._phases) + dt.timedelta(days=1)
        span = max(1, (end - start).days)
        width = float(self.width())
        top, height = 18.0, 26.0
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        for name, p_start, p_end, color, done in self._phases:
            x0 = self._x(p_start, start, span, width)
            x1 = self._x(p_end + dt.timedelta(days=1), start, span, width)
            band = QRectF(x0, top, x1 - x0 - 2, height)
            base = QColor(color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(base.lighter(135))
            painter.drawRoundedRect(band, 4, 4)
            painter.setBrush(base)
            painter.drawRoundedRect(QRectF(band.x(), band.y(), band.width() * done, height), 4, 4)
            painter.setPen(QColor("#202124"))
            painter.drawText(band.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, f"{name}  {round(done * 100)}%")
        for day, text, color, y_text in ((self._launch, self._launch_text, "#2e7d32", 12.0),
                                         (self._today, self._today_text, "#d32f2f", top + height + 14)):
            if day is None or not (start <= day <= end):
                continue
            x = self._x(day, start, span, width)
            painter.setPen(QPen(QColor(color), 2))
            painter.drawLine(int(x), int(top - 4), int(x), int(top + height + 4))
            # centred on its day but kept inside the strip (today on a fresh plan is at its
            # left edge), as tall as the font
            fm = painter.fontMetrics()
            w, h = fm.horizontalAdvance(text) + 8, fm.height()
            left = min(max(0.0, x - w / 2), max(0.0, width - w))
            painter.drawText(QRectF(left, max(0.0, y_text - h + 2), w, h),
                             Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
