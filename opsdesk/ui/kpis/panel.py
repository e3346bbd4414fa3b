"""Chart panels: one KPI with its mode/period pickers and export, and small multiples of every KPI."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui.kpis.chart import MODES, KpiChart
from opsdesk.ui.widgets import file_dialog
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services.kpi_reads import Mark
    from opsdesk.services.kpis import KpiInfo
    from opsdesk.ui.context import AppContext


class ChartPanel(Retranslating, QWidget):
    """A KPI chart with its pickers: KPI, what to show (periods, cumulative, daily), period."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("kpiChartPanel")
        self.ctx = ctx
        self.kpis: list[KpiInfo] = []
        self.marks: tuple[list[Mark], list[Mark]] = ([], [])
        self.last_switch_ms = 0.0
        self.kpi_combo = QComboBox()
        self.kpi_combo.setObjectName("kpiChartKpi")
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("kpiChartMode")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("kpiChartPeriod")
        self.export_button = QPushButton()
        self.export_button.setObjectName("kpiChartExport")
        self.formula = QLabel()  # a derived KPI's formula (ROI = sales ÷ ad spend)
        self.formula.setObjectName("kpiChartFormula")
        self.formula.setProperty("class", "muted")
        self.formula.setVisible(False)
        self.chart = KpiChart(lang=ctx.lang)
        self.chart.setMinimumHeight(216)
        bar = QHBoxLayout()
        bar.addWidget(self.kpi_combo, 1)
        bar.addWidget(self.mode_combo)
        bar.addWidget(self.period_combo)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.formula)
        layout.addWidget(self.chart, 1)
        for combo in (self.kpi_combo, self.mode_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.export_button.clicked.connect(self._export)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._fill(self.mode_combo, [(self.tr("Actual per period vs target"), "periods"),
                                     (self.tr("Cumulative vs target"), "cumulative"),
                                     (self.tr("Daily with 7-day average"), "daily")])
        self._fill(self.period_combo, [(self.tr("Month"), "month"), (self.tr("Week"), "week")])
        self.export_button.setText(self.tr("Export…"))
        self.chart.lang = self.chart.axis.lang = self.ctx.lang
        self.set_kpis(self.kpis)


    @staticmethod
    def _fill(combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def set_kpis(self, kpis, marks=None) -> None:
        self.kpis = list(kpis)
        if marks is not None:
            self.marks = marks
        self._fill(self.kpi_combo, [(k.name(self.ctx.lang), k.id) for k in self.kpis])
        self.redraw()

    def show_kpi(self, kpi_id: int, mode: str | None = None, period: str | None = None) -> None:
        self.blockSignals(True)
        for combo, data in ((self.mode_combo, mode), (self.period_combo, period),
                            (self.kpi_combo, kpi_id)):
            if data is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(data), 0))
                combo.blockSignals(False)
        self.blockSignals(False)
        self.redraw()

    def redraw(self) -> None:
        kpi_id = self.kpi_combo.currentData()
        if kpi_id is None:
            return
        t0 = time.perf_counter()
        data = self.ctx.services.kpis.chart_data(kpi_id, self.kpis)
        mode = self.mode_combo.currentData() or MODES[0]
        self.chart.set_data(data, mode, self.period_combo.currentData() or "month",
                            self.marks[0], self.marks[1], self.ctx.today())
        formula = getattr(self.ctx.services.kpis, "formula_text", None)
        text = formula(data.kpi, self.ctx.lang) if formula is not None else ""
        self.formula.setText(text)
        self.formula.setVisible(bool(text))
        self.last_switch_ms = (time.perf_counter() - t0) * 1000

    def _export(self) -> None:
        path, _ = file_dialog.get_save_file_name(self, self.tr("Export chart"), "kpi.png",
                                              self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.chart.export(path)


class SmallMultiples(QWidget):
    """Every KPI's actual per month against its target, side by side."""

    COLUMNS = 3

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("kpiSmallMultiples")
        self.ctx = ctx
        self.grid = QGridLayout(self)
        self.charts: list[tuple[QLabel, KpiChart]] = []

    def set_kpis(self, kpis, marks) -> None:
        while len(self.charts) < len(kpis):
            i = len(self.charts)
            title = QLabel()
            chart = KpiChart(lang=self.ctx.lang, compact=True)
            chart.setMinimumHeight(170)
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(chart, 1)
            self.grid.addLayout(box, i // self.COLUMNS, i % self.COLUMNS)
            self.charts.append((title, chart))
        for i, (title, chart) in enumerate(self.charts):
            visible = i < len(kpis)
            title.setVisible(visible)
            chart.setVisible(visible)
            if visible:
                k = kpis[i]
                title.setText(f"<b>{k.name(self.ctx.lang)}</b>")
                chart.lang = chart.axis.lang = self.ctx.lang
                chart.set_data(self.ctx.services.kpis.chart_data(k.id, kpis), "periods", "month",
                               marks[0], [], self.ctx.today())
