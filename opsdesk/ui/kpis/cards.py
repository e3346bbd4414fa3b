"""Dashboard pieces drawn with plain Qt (no pyqtgraph, so the dashboard paints fast): KPI cards with a sparkline, the summary bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui import fmt

STATUS_COLORS = {"on_track": "#2e7d32", "at_risk": "#f9a825", "off_track": "#c62828",
                 "none": "#9e9e9e", "no_data": "#78909c"}


def format_value(value: float | None, unit: str, decimals: int, lang: str = "en") -> str:
    """A KPI value with its unit (``fmt.kpi_value``): ¥150万 / ¥1,500,000 · 12.3% · 3.48 · 1,234."""
    return fmt.kpi_value(value, unit, decimals, lang)


class Sparkline(QWidget):
    """The last days' values as a small line (QPainter)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: tuple[float, ...] = ()
        self.color = QColor("#1e88e5")
        self.setMinimumHeight(22)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, 24)

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
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.kpi_id = 0
        self.status = "none"
        self.name = QLabel()
        self.name.setObjectName("kpiCardName")
        # a long name is cut at the card's edge (the tooltip has it), never widening the grid
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.actual = QLabel()
        self.actual.setObjectName("kpiCardActual")
        self.target = QLabel()
        self.target.setProperty("class", "muted")
        self.attainment = QLabel()
        self.attainment.setObjectName("kpiCardAttainment")
        self.state = QLabel()
        self.status_text = ""
        self.pace = QLabel()  # "day 2 of 31 · last month ¥117万 (78%)"
        self.pace.setObjectName("kpiCardPace")
        self.pace.setProperty("class", "muted")
        self.pace.setWordWrap(True)
        self.pace.setMinimumHeight(2 * self.pace.fontMetrics().lineSpacing() + 2)  # room for two lines
        self.pace.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
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
        layout.addWidget(self.pace)
        layout.addWidget(self.spark)
        self.setMinimumWidth(196)

    def set_card(self, kpi_id: int, name: str, actual: str, target: str, attainment: str,
                 status: str, status_text: str, spark: Sequence[float], period: str,
                 pace: str = "", margin: str = "") -> None:
        self.kpi_id = kpi_id
        self.status = status
        color = STATUS_COLORS.get(status, STATUS_COLORS["none"])
        self.setProperty("status", status)
        self.update()  # the border in the status colour (paintEvent: cheaper than a style sheet)
        self.name.setText(f"<b>{name}</b>")
        self.name.setToolTip(name)
        self.actual.setText(f"<span style='font-size:18pt'>{actual}</span>")
        self.target.setText(target)
        self.target.setToolTip(period)
        self.pace.setText(pace)
        self.pace.setVisible(bool(pace))
        self.status_text = status_text
        if attainment in ("", "–"):  # nothing judged yet: the state says why (no values yet)
            self.attainment.setText(f"<span style='font-size:9pt;color:{color}'>{status_text}</span>")
        else:
            small = f"<br><span style='font-size:8pt;color:{color}'>{margin}</span>" if margin else ""
            self.attainment.setText(f"<div align='right'><span style='font-size:13pt;color:{color}'>"
                                    f"<b>{attainment}</b></span>{small}</div>")
        # the state is a coloured dot beside the name (the words in its tooltip and the
        # verdict's colour), so the name keeps the card's width
        self.state.setText(f"<span style='color:{color}'>●</span>")
        self.state.setToolTip(status_text)
        self.state.setAccessibleName(status_text)
        self.spark.set_values(spark, color)

    def color(self) -> str:
        return STATUS_COLORS.get(self.status, STATUS_COLORS["none"])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """A rounded card on the base colour, its left edge in the status colour."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(QColor("#dddddd"), 1))
        p.setBrush(self.palette().base())
        p.drawRoundedRect(rect, 6, 6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self.color()))
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), 8, rect.height()), 4, 4)
        p.drawRect(QRectF(rect.left() + 3, rect.top(), 3, rect.height()))
        p.end()

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
        self.budget = QLabel()  # budget used and left this month (when the plan has budgets)
        self.budget.setObjectName("kpiBudget")
        self.budget.setVisible(False)
        right = QVBoxLayout()
        right.addWidget(self.sales)
        right.addWidget(self.sales_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.completion, 1)
        layout.addLayout(right, 2)
        layout.addWidget(self.budget, 1)
