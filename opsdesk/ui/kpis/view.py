"""The KPI view: dashboard cards and a chart, small multiples, the entry grid, import.

The cards paint with plain Qt; pyqtgraph is imported when the first chart is built, right
after the view is first shown (``opsdesk.ui.kpis.panel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.model import kpi_math as km
from opsdesk.ui import fmt
from opsdesk.ui.kpis.cards import KpiCardWidget, SummaryBar, format_value
from opsdesk.ui.kpis.entry import EntryGrid
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.kpi_reads import Dashboard, KpiCard
    from opsdesk.services.kpis import KpiInfo
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.kpis.import_dialog import ImportDialog
    from opsdesk.ui.kpis.panel import ChartPanel, SmallMultiples

CARD_COLUMNS = 5


class KpisView(Retranslating, QWidget):
    """How the shop stands against its KPI targets, and where the numbers are entered."""

    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("kpisView")
        self.ctx, self.main_window = ctx, window
        self.kpis: list[KpiInfo] = []
        self.data: Dashboard | None = None
        self.panel: ChartPanel | None = None  # built after the first paint
        self.multiples: SmallMultiples | None = None
        self.selected: int | None = None

        # ---- layout
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setProperty("class", "muted")
        self.import_button = QPushButton()
        self.import_button.setObjectName("kpiImportButton")
        self.definitions_button = QPushButton()
        self.definitions_button.setObjectName("kpiDefinitionsButton")
        self.definitions_button.setVisible(ctx.actor.is_manager)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.definitions_button)
        head.addWidget(self.import_button)

        self.summary = SummaryBar()
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(8)
        self.cards: list[KpiCardWidget] = []
        self.chart_host = QVBoxLayout()
        dash = QWidget()
        dash.setObjectName("kpiDashboard")
        dl = QVBoxLayout(dash)
        dl.setContentsMargins(0, 6, 0, 0)
        dl.addWidget(self.summary)
        dl.addLayout(self.card_grid)
        dl.addLayout(self.chart_host, 1)
        self.charts_tab = QScrollArea()
        self.charts_tab.setWidgetResizable(True)
        self.entry = EntryGrid(ctx, window)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("kpiTabs")
        self.tabs.addTab(dash, "")
        self.tabs.addTab(self.charts_tab, "")
        self.tabs.addTab(self.entry, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.import_button.clicked.connect(self.open_import)
        self.definitions_button.clicked.connect(self.open_definitions)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("KPIs"))
        self.import_button.setText(self.tr("Import…"))
        self.definitions_button.setText(self.tr("KPI definitions…"))
        self.tabs.setTabText(0, self.tr("Dashboard"))
        self.tabs.setTabText(1, self.tr("All charts"))
        self.tabs.setTabText(2, self.tr("Enter values"))
        self.populate()


    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.panel is None:
            QTimer.singleShot(0, self.build_chart)

    # ---- data
    def refresh(self) -> None:
        if self.ctx.plan_id is None:
            return
        kpis = self.ctx.services.kpis
        self.definitions_button.setVisible(self.ctx.actor.is_manager)
        self.kpis = kpis.list(self.ctx.plan_id)
        self.data = kpis.dashboard(self.ctx.plan_id, self.ctx.today(), self.kpis)
        self.populate()
        if self.panel is not None:
            self.panel.set_kpis(self.kpis, kpis.marks(self.ctx.plan_id))
        if self.multiples is not None and self.tabs.currentIndex() == 1:
            self.multiples.set_kpis(self.kpis, kpis.marks(self.ctx.plan_id))
        if self.entry.isVisible():
            self.entry.refresh()

    def on_changes(self, changes: Changes) -> None:
        """KPI values or definitions, the plan (dates) and people (roles) change what is shown."""
        if changes.kpis or changes.plans or changes.people:
            self.refresh()

    def build_chart(self) -> None:
        """Build the chart under the cards (imports pyqtgraph)."""
        if self.panel is not None or self.ctx.plan_id is None:
            return
        from opsdesk.ui.kpis.panel import ChartPanel

        self.panel = ChartPanel(self.ctx)
        self.chart_host.addWidget(self.panel)
        self.panel.set_kpis(self.kpis, self.ctx.services.kpis.marks(self.ctx.plan_id))
        if self.selected is not None:
            self.panel.show_kpi(self.selected)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.ctx.plan_id is not None:
            if self.multiples is None:
                from opsdesk.ui.kpis.panel import SmallMultiples

                self.multiples = SmallMultiples(self.ctx)
                self.charts_tab.setWidget(self.multiples)
            self.multiples.set_kpis(self.kpis, self.ctx.services.kpis.marks(self.ctx.plan_id))

    def select(self, kpi_id: int) -> None:
        self.selected = kpi_id
        if self.panel is None:
            self.build_chart()
        if self.panel is not None:
            self.panel.show_kpi(kpi_id)

    def open_import(self) -> ImportDialog:
        from opsdesk.ui.kpis.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.main_window, self)
        dialog.open()
        return dialog

    def open_definitions(self):
        from opsdesk.ui.kpis.definitions import DefinitionsDialog

        dialog = DefinitionsDialog(self.ctx, self.main_window, self)
        dialog.open()
        return dialog

    # ---- cards
    def populate(self) -> None:
        data = self.data
        if data is None:
            return
        lang = self.ctx.lang
        self.subtitle.setText(self.tr("As of {today} · click a card to chart it").format(
            today=fmt.long_date(data.today, lang)))
        while len(self.cards) < len(data.cards):
            card = KpiCardWidget()
            card.sig_clicked.connect(self.select)
            i = len(self.cards)
            self.card_grid.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)
            self.cards.append(card)
        for i, card in enumerate(self.cards):
            card.setVisible(i < len(data.cards))
            if i < len(data.cards):
                self._fill_card(card, data.cards[i])
        if data.completion is None:
            self.summary.completion.setText(self.tr("No KPI has a target for this period."))
        else:
            self.summary.completion.setText(self.tr(
                "<b>Overall target completion {pct}%</b><br>{on} of {total} KPIs on track").format(
                pct=round(data.completion * 100), on=data.on_track, total=data.with_target))
        sales = data.sales
        self.summary.sales.setVisible(sales is not None)
        self.summary.sales_bar.setVisible(sales is not None)
        if sales is not None:
            pct = (sales.attainment or 0) * 100
            self.summary.sales.setText(self.tr(
                "<b>{kpi} {actual}</b> of the {goal} goal for {span} ({pct}%)").format(
                kpi=sales.kpi.name(lang), actual=format_value(sales.actual, "CNY", 0),
                goal=format_value(sales.low or sales.high, "CNY", 0),
                span=fmt.date_range(sales.period_start, sales.period_end, lang), pct=round(pct)))
            self.summary.sales_bar.setValue(min(1000, round(pct * 10)))

    def status_text(self, status: str) -> str:
        return {km.ON_TRACK: self.tr("on track"), km.AT_RISK: self.tr("at risk"),
                km.OFF_TRACK: self.tr("off track")}.get(status, self.tr("no target"))

    def _fill_card(self, card: KpiCardWidget, c: KpiCard) -> None:
        k, lang = c.kpi, self.ctx.lang
        if c.low is None and c.high is None:
            target = self.tr("no target")
        elif c.low is not None and c.high is not None:
            target = self.tr("target {low}–{high}").format(low=format_value(c.low, k.unit, k.decimals),
                                                          high=format_value(c.high, k.unit, k.decimals))
        elif k.direction == "lower":
            target = self.tr("target ≤ {value}").format(value=format_value(c.low if c.high is None else c.high,
                                                                            k.unit, k.decimals))
        else:
            target = self.tr("target ≥ {value}").format(value=format_value(c.low if c.low is not None else c.high,
                                                                            k.unit, k.decimals))
        period = fmt.date_range(c.period_start, c.period_end, lang)
        if c.label and (lang.startswith("zh") or c.label.isascii()):
            target = f"{target} · {c.label}"  # labels are stored in the plan's language
        att = "–" if c.attainment is None else f"{round(c.attainment * 100)}%"
        card.set_card(k.id, k.name(lang), format_value(c.actual, k.unit, k.decimals), target, att,
                      c.status, self.status_text(c.status), c.spark, period)
        if k.aggregation == "sum" and c.attainment is not None:
            card.setToolTip(self.tr("Judged by pace: the share of the target due by today."))
