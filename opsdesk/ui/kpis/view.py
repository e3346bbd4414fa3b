"""The KPI view: dashboard cards and a chart, small multiples, the entry grid, import.

The cards paint with plain Qt; pyqtgraph is imported when the first chart is built, right
after the view is first shown (``opsdesk.ui.kpis.panel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.model import kpi_math as km
from opsdesk.services import permissions
from opsdesk.ui import fmt, heap
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

CARD_COLUMNS = 5  # at 1280 px; wider windows take more (``columns``)
CARD_WIDTH = 206  # a card's width with the grid's spacing, for the number of columns


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
        self.budgets: list = []  # services.spending.BudgetUse of this month
        self._budgets_read = False

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

        # a plan without KPIs (an imported Planner plan): a sentence and the way to add them
        self.empty = QWidget()
        self.empty.setObjectName("kpiEmpty")
        self.empty_text = QLabel()
        self.empty_text.setObjectName("kpiEmptyText")
        self.empty_text.setWordWrap(True)
        self.add_template_button = QPushButton()
        self.add_template_button.setObjectName("kpiAddFromTemplate")
        el = QVBoxLayout(self.empty)
        el.setContentsMargins(0, 24, 0, 0)
        el.addWidget(self.empty_text)
        el.addWidget(self.add_template_button, 0, Qt.AlignmentFlag.AlignLeft)
        el.addStretch(1)
        self.empty.setVisible(False)
        self.add_template_button.clicked.connect(self.add_from_template)
        self.summary = SummaryBar()
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(8)
        self.cards: list[KpiCardWidget] = []
        self.chart_host = QVBoxLayout()
        dash = QWidget()
        dash.setObjectName("kpiDashboard")
        dl = QVBoxLayout(dash)
        dl.setContentsMargins(0, 6, 0, 0)
        dl.addWidget(self.empty)
        dl.addWidget(self.summary)
        dl.addLayout(self.card_grid)
        dl.addLayout(self.chart_host, 1)
        dash_scroll = QScrollArea()  # many KPIs on a small screen scroll; the window never grows
        dash_scroll.setObjectName("kpiDashboardScroll")
        dash_scroll.setWidgetResizable(True)
        dash_scroll.setFrameShape(QFrame.Shape.NoFrame)
        dash_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        dash_scroll.setWidget(dash)
        self.charts_tab = QScrollArea()
        self.charts_tab.setWidgetResizable(True)
        self.entry = EntryGrid(ctx, window)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("kpiTabs")
        self.tabs.addTab(dash_scroll, "")
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
        self.add_template_button.setText(self.tr("Add KPIs from the template…"))
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
        # Import… is for those who may enter a KPI's values
        self.import_button.setVisible(any(permissions.can_enter_kpi(self.ctx.actor, k.owner_role_id)
                                          for k in self.kpis))
        self.data = kpis.dashboard(self.ctx.plan_id, self.ctx.today(), self.kpis)
        if self._budgets_read:
            self.budgets = self._budgets()
        else:  # the first time after the first paint (the spending service loads on first use)
            QTimer.singleShot(0, self._read_budgets)
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
        self.panel.setVisible(bool(self.kpis))
        self.panel.set_kpis(self.kpis, self.ctx.services.kpis.marks(self.ctx.plan_id))
        if self.selected is not None:
            self.panel.show_kpi(self.selected)
        heap.trim()  # (pyqtgraph's import left the source of its 150 modules cached: #17)

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

    def _read_budgets(self) -> None:
        self._budgets_read = True
        self.budgets = self._budgets()
        budget = self.budget_text()
        self.summary.budget.setText(budget)
        self.summary.budget.setVisible(bool(budget) and self.data is not None and bool(self.data.cards))

    def _budgets(self) -> list:
        """This month's budgets with what was spent (``services.spending``, when there)."""
        spending = getattr(self.ctx.services, "spending", None)
        if spending is None or self.ctx.plan_id is None:
            return []
        try:
            return list(spending.month_use(self.ctx.plan_id, self.ctx.today()))
        except OpsDeskError:
            return []

    def budget_text(self) -> str:
        """Budget used and left this month, per budgeted scope (ads, staff …)."""
        from opsdesk.model.spending import scope_name

        uses = [u for u in self.budgets if u.budget]
        if not uses:
            return ""
        lang = self.ctx.lang
        lines = [self.tr("<b>Budget {month}</b>").format(month=fmt.month_name(uses[0].month, lang))]
        for u in uses[:3]:
            left = u.left or 0.0
            line = self.tr("{scope}: {used} of {budget} used, {left} left").format(
                scope=scope_name(u.scope, lang), used=fmt.money(u.used, lang),
                budget=fmt.money(u.budget, lang), left=fmt.money(max(left, 0.0), lang))
            if left < 0:
                line = self.tr("{scope}: {used} of {budget} used, {over} over").format(
                    scope=scope_name(u.scope, lang), used=fmt.money(u.used, lang),
                    budget=fmt.money(u.budget, lang), over=fmt.money(-left, lang))
                line = f"<span style='color:#c62828'>{line}</span>"
            lines.append(line)
        return "<br>".join(lines)

    def add_from_template(self):
        """Copy the plan template's KPIs with their targets into the plan (one undo step)."""
        from opsdesk.templates import available_templates, load_template

        plan_id = self.ctx.plan_id
        if plan_id is None:
            return None
        services, actor, lang = self.ctx.services, self.ctx.actor, self.ctx.lang
        key = services.plans.get(plan_id).template_key
        if key not in available_templates():
            key = next(iter(available_templates()))
        template = load_template(key)
        do = lambda: services.kpis.add_from_template(actor, plan_id, template, lang)  # noqa: E731
        text = self.tr("Add KPIs from the template")
        if self.main_window is not None:
            return self.main_window.run(text, do)
        changes = do()
        self.refresh()
        return changes

    # ---- cards
    def populate(self) -> None:
        data = self.data
        if data is None:
            return
        lang = self.ctx.lang
        none = not data.cards
        self.empty.setVisible(none)
        self.add_template_button.setVisible(none and self.ctx.actor.is_manager)
        self.empty_text.setText(self.tr(
            "This plan has no KPIs yet (a plan imported from Planner or MS Project has none). "
            "Add the template’s KPIs (sales, ROI, conversion, reviews, orders, visitors) with "
            "their targets from the launch day, then change them under KPI definitions.")
            if self.ctx.actor.is_manager else self.tr(
            "This plan has no KPIs yet. The manager can add them from the plan template."))
        self.summary.setVisible(not none)
        if self.panel is not None:
            self.panel.setVisible(not none)
        self.tabs.setTabEnabled(1, not none)
        budget = self.budget_text()
        self.summary.budget.setText(budget)
        self.summary.budget.setVisible(bool(budget))
        self.subtitle.setText(self.tr("As of {today} · click a card to chart it").format(
            today=fmt.long_date(data.today, lang)))
        while len(self.cards) < len(data.cards):
            card = KpiCardWidget()
            card.sig_clicked.connect(self.select)
            i = len(self.cards)
            self.cards.append(card)
        self._place_cards()
        for i, card in enumerate(self.cards):
            card.setVisible(i < len(data.cards))
            if i < len(data.cards):
                self._fill_card(card, data.cards[i])
        if data.completion is None and data.targets:
            self.summary.completion.setText(self.tr(
                "<b>No values yet this month</b><br>%n KPI(s) with a target; {month} is on "
                "each card", "", data.targets).format(month=fmt.month_name(
                    km.previous_month(data.today)[0], lang)))
        elif data.completion is None:
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
                kpi=sales.kpi.name(lang), actual=format_value(sales.actual, "CNY", 0, lang),
                goal=format_value(sales.low or sales.high, "CNY", 0, lang),
                span=fmt.date_range(sales.period_start, sales.period_end, lang), pct=round(pct)))
            self.summary.sales_bar.setValue(min(1000, round(pct * 10)))

    def columns(self) -> int:
        """Cards per row: five at 1280 px, up to eight on a wide screen, the rows balanced
        (15 KPIs at 1920 px: two rows of eight, not three of seven)."""
        width = self.tabs.width() - 24 if self.tabs.width() > 100 else 0
        most = max(CARD_COLUMNS, min(8, width // CARD_WIDTH)) if width else CARD_COLUMNS
        count = max(1, len(self.data.cards) if self.data is not None else len(self.cards))
        rows = -(-count // most)
        return max(min(CARD_COLUMNS, count), -(-count // rows))

    def _place_cards(self) -> None:
        n = self.columns()
        if getattr(self, "_placed", None) == (n, len(self.cards)):
            return
        self._placed = (n, len(self.cards))
        for card in self.cards:
            self.card_grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.card_grid.addWidget(card, i // n, i % n)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_cards()

    def status_text(self, status: str) -> str:
        return {km.ON_TRACK: self.tr("on track"), km.AT_RISK: self.tr("at risk"),
                km.OFF_TRACK: self.tr("off track"),
                km.NO_DATA: self.tr("no values yet")}.get(status, self.tr("no target"))

    def _value(self, value, k) -> str:
        return format_value(value, k.unit, k.decimals, self.ctx.lang)

    def target_text(self, c: KpiCard) -> str:
        """What the target asks, in its own terms: target ¥150万 · at least 30 · 3.00–5.00."""
        k = c.kpi
        kind = c.verdict.kind if c.verdict is not None else km.target_kind(
            k.aggregation, k.direction, c.low, c.high)
        if kind == km.NO_TARGET:
            return self.tr("no target")
        if kind == km.RANGE:
            return self.tr("target {low}–{high}").format(low=self._value(c.low, k),
                                                        high=self._value(c.high, k))
        if kind == km.CEILING:
            return self.tr("at most {value}").format(
                value=self._value(c.high if c.high is not None else c.low, k))
        bound = self._value(c.low if c.low is not None else c.high, k)
        if kind == km.FLOOR:
            return self.tr("at least {value}").format(value=bound)
        return self.tr("target {value}").format(value=bound)

    def verdict_text(self, v: km.Verdict | None, short: bool = True) -> str:
        """met / not met · below / inside / above (a goal: its attainment in %)."""
        if v is None or v.position is None:
            return "–"
        if v.kind == km.GOAL:
            return f"{round((v.attainment or 0) * 100)}%"
        if v.kind in (km.FLOOR, km.CEILING):
            return self.tr("met") if v.met else self.tr("not met")
        return {km.BELOW: self.tr("below"), km.INSIDE: self.tr("inside"),
                km.ABOVE: self.tr("above")}[v.position]

    def margin_text(self, v: km.Verdict | None, k) -> str:
        """The margin of a floor, ceiling or range: 18 above the minimum, 0.40 below the range."""
        if v is None or v.position is None or v.margin is None or v.kind == km.GOAL:
            return ""
        amount = self._value(abs(v.margin), k)
        if v.kind == km.FLOOR:
            return (self.tr("{amount} above the minimum") if v.met
                    else self.tr("{amount} short of the minimum")).format(amount=amount)
        if v.kind == km.CEILING:
            return (self.tr("{amount} under the maximum") if v.met
                    else self.tr("{amount} over the maximum")).format(amount=amount)
        if v.position == km.INSIDE:
            return self.tr("inside the range")
        if v.position == km.BELOW:
            return self.tr("{amount} below the range").format(amount=amount)
        return (self.tr("{amount} above the range: good") if v.above_good
                else self.tr("{amount} above the range: too high")).format(amount=amount)

    def delta_text(self, c: KpiCard) -> str:
        """The signed margin under met / below / above: +90 · −5.1 pts (none inside a range)."""
        v = c.verdict
        if v is None or v.margin is None or v.kind == km.GOAL or v.position == km.INSIDE:
            return ""
        return fmt.kpi_delta(v.margin, c.kpi.unit, c.kpi.decimals, self.ctx.lang)

    def pace_text(self, c: KpiCard) -> str:
        """The margin, then "day 2 of 31 · last month ¥117万 (met)"."""
        k, lang = c.kpi, self.ctx.lang
        lines = []
        parts = []
        if c.has_target and c.days > 1:
            parts.append(self.tr("day {day} of {days}").format(day=c.day, days=c.days))
        if c.previous is not None and c.previous_start is not None:
            prev = self.tr("{month}: {value}").format(month=fmt.short_month(c.previous_start, lang),
                                                     value=self._value(c.previous, k))
            if c.previous_verdict is not None and c.previous_verdict.position is not None:
                prev += f" ({self.verdict_text(c.previous_verdict)})"
            parts.append(prev)
        if parts:
            lines.append(" · ".join(parts))
        return "<br>".join(lines)

    def _fill_card(self, card: KpiCardWidget, c: KpiCard) -> None:
        k, lang = c.kpi, self.ctx.lang
        target = self.target_text(c)
        period = fmt.date_range(c.period_start, c.period_end, lang)
        if c.label and (lang.startswith("zh") or c.label.isascii()):
            target = f"{target} · {c.label}"  # labels are stored in the plan's language
        card.set_card(k.id, k.name(lang), self._value(c.actual, k), target,
                      self.verdict_text(c.verdict), c.status, self.status_text(c.status), c.spark,
                      period, self.pace_text(c), self.delta_text(c))
        tip = [period]
        formula = getattr(self.ctx.services.kpis, "formula_text", None)
        if formula is not None and formula(k, lang):
            tip.append(formula(k, lang))  # a derived KPI: ROI = sales ÷ ad spend
        if c.verdict is not None and c.verdict.kind == km.GOAL:
            tip.append(self.tr("Judged by pace: the share of the target due by today."))
        elif c.verdict is not None and c.verdict.kind == km.RANGE:
            tip.append(self.tr("Above the range is good.") if c.verdict.above_good
                       else self.tr("Above the range is too high."))
        margin = self.margin_text(c.verdict, k)
        if margin:
            tip.append(margin)
        card.setToolTip("\n".join(tip))
