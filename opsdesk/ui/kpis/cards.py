"""Dashboard pieces drawn with plain Qt (no pyqtgraph, so the dashboard paints fast): KPI cards with a sparkline, the summary bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

STATUS_COLORS = {"on_track": "#2e7d32", "at_risk": "#f9a825", "off_track": "#c62828",
                 "none": "#9e9e9e"}


def format_value(value: float | None, unit: str, decimals: int) -> str:
    """A KPI value with its unit: ¥1,234 · 12.3% · 3.48 · 1,234."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if unit == "CNY":
        return "¥" + text
    if unit == "%":
        return text + "%"
    return text


class Sparkline(QWidget):
    """The last days' values as a small line (QPainter)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: tuple[float, ...] = ()
        self.color = QColor("#1e88e5")
        self.setMinimumHeight(28)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, 30)

    def set_values(self, values: Sequence[float], color: str) -> None:
        self.values = tuple(values)
        self.color = QColor(color)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if len(self.values) < 2:
            return
        lo, hi = min(self.values), max(self.values)
        span = (hi - lo) or 1.0
        w, h = self.width() - 4, self.height() - 4
        n = len(self.values) - 1
        poly = QPolygonF([QPointF(2 + w * i / n, 2 + h - h * (v - lo) / span)
                          for i, v in enumerate(self.values)])
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(self.color, 1.6))
        p.drawPolyline(poly)
        p.end()


class KpiCardWidget(QFrame):
    """One KPI: this period's actual, target, attainment and a status colour by direction."""

    sig_clicked = Signal(int)
    """Emitted with the KPI id when the card is clicked (the chart shows that KPI)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.kpi_id = 0
        self.status = "none"
        self.name = QLabel()
        self.name.setObjectName("kpiCardName")
        self.actual = QLabel()
        self.actual.setObjectName("kpiCardActual")
        self.target = QLabel()
        self.target.setProperty("class", "muted")
        self.attainment = QLabel()
        self.attainment.setObjectName("kpiCardAttainment")
        self.state = QLabel()
        self.spark = Sparkline()
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.state)
        row = QHBoxLayout()
        row.addWidget(self.actual, 1)
        row.addWidget(self.attainment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(self.target)
        layout.addWidget(self.spark)
        self.setMinimumWidth(210)

    def set_card(self, kpi_id: int, name: str, actual: str, target: str, attainment: str,
                 status: str, status_text: str, spark: Sequence[float], period: str) -> None:
        self.kpi_id = kpi_id
        self.status = status
        color = STATUS_COLORS.get(status, STATUS_COLORS["none"])
        self.setProperty("status", status)
        self.setStyleSheet(f"#kpiCard {{ border: 1px solid #ddd; border-left: 6px solid {color};"
                           " border-radius: 6px; background: palette(base); }")
        self.name.setText(f"<b>{name}</b>")
        self.actual.setText(f"<span style='font-size:18pt'>{actual}</span>")
        self.target.setText(target)
        self.target.setToolTip(period)
        self.attainment.setText(f"<span style='font-size:13pt;color:{color}'><b>{attainment}</b></span>")
        self.state.setText(f"<span style='color:{color}'>● {status_text}</span>")
        self.spark.set_values(spark, color)

    def color(self) -> str:
        return STATUS_COLORS.get(self.status, STATUS_COLORS["none"])

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.kpi_id)
        super().mousePressEvent(event)


class SummaryBar(QFrame):
    """Overall target completion and the sales total against the half-year goal."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kpiSummary")
        self.completion = QLabel()
        self.completion.setObjectName("kpiCompletion")
        self.sales = QLabel()
        self.sales.setObjectName("kpiSales")
        self.sales_bar = QProgressBar()
        self.sales_bar.setObjectName("kpiSalesBar")
        self.sales_bar.setRange(0, 1000)
        self.sales_bar.setTextVisible(False)
        self.sales_bar.setMaximumHeight(12)
        right = QVBoxLayout()
        right.addWidget(self.sales)
        right.addWidget(self.sales_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.completion, 1)
        layout.addLayout(right, 2)
