"""The entry grid: days × the KPIs the person may enter; typed or pasted values, undoable."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import permissions
from opsdesk.services.kpi_parse import parse_number
from opsdesk.ui import fmt
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services.kpis import KpiInfo
    from opsdesk.ui.context import AppContext

DAYS = 14
BAD = QColor("#ffcdd2")


class EntryTable(QTableWidget):
    """A table that takes a tab-separated block from the clipboard (a spreadsheet copy)."""

    def __init__(self, on_paste) -> None:
        super().__init__()
        self._on_paste = on_paste

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste):
            self._on_paste(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)


class EntryGrid(Retranslating, QWidget):
    """Enter a fortnight of daily values at a time; every edit or paste is one undo step."""

    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("kpiEntry")
        self.ctx, self.main_window = ctx, window
        self.kpis: list[KpiInfo] = []
        self.days: list[dt.date] = []
        self._filling = False
        self.heading = QLabel()
        self.heading.setProperty("class", "muted")
        self.heading.setWordWrap(True)
        self.last_day = QDateEdit()
        self.last_day.setObjectName("kpiEntryLastDay")
        self.last_day.setCalendarPopup(True)
        self.earlier = QPushButton("◀")
        self.later = QPushButton("▶")
        self.table = EntryTable(self.paste)
        self.table.setObjectName("kpiEntryTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.message = QLabel()
        self.message.setObjectName("kpiEntryMessage")
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.earlier)
        bar.addWidget(self.last_day)
        bar.addWidget(self.later)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addStretch(0)  # (takes the room when the table is hidden: the message stays on top)
        self.last_day.setDate(fmt.qdate(ctx.today()))
        self.last_day.dateChanged.connect(lambda _d: self.refresh())
        self.earlier.clicked.connect(lambda: self.last_day.setDate(self.last_day.date().addDays(-DAYS)))
        self.later.clicked.connect(lambda: self.last_day.setDate(self.last_day.date().addDays(DAYS)))
        self.table.itemChanged.connect(self._edited)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Type or paste (Ctrl+V) the day’s figures: 1,234 · 12.5% · "
                                     "20W · 20万 · 1.5万. Ctrl+Z undoes."))
        lang = self.ctx.lang
        self.last_day.setLocale(fmt.locale_for(lang))  # the app's dates: 2026年12月2日 / 2 Dec 2026
        self.last_day.setDisplayFormat("yyyy年M月d日" if lang.startswith("zh") else "d MMM yyyy")
        self.earlier.setToolTip(self.tr("Earlier days"))
        self.later.setToolTip(self.tr("Later days"))
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The grid is filled when first shown (the dashboard paints without it)."""
        super().showEvent(event)
        self.refresh()


    # ---- data
    def refresh(self) -> None:
        if self.ctx.plan_id is None:
            return
        actor = self.ctx.actor
        self.kpis = [k for k in self.ctx.services.kpis.list(self.ctx.plan_id)
                     if permissions.can_enter_kpi(actor, k.owner_role_id)]
        last = cast(dt.date, self.last_day.date().toPython())
        self.days = [last - dt.timedelta(days=i) for i in range(DAYS)]
        stored = {(k, d): v for k, d, v in self.ctx.services.kpis.values_at(
            [(k.id, d) for k in self.kpis for d in self.days])}
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(len(self.kpis))
        self.table.setRowCount(len(self.days))
        self.table.setHorizontalHeaderLabels([k.name(self.ctx.lang) for k in self.kpis])
        self.table.setVerticalHeaderLabels([fmt.short_date(d, self.ctx.lang) for d in self.days])
        for r, d in enumerate(self.days):
            for c, k in enumerate(self.kpis):
                v = stored.get((k.id, d))
                item = QTableWidgetItem("" if v is None else fmt.number(v, k.decimals))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        metrics = self.table.horizontalHeader().fontMetrics()
        for c, k in enumerate(self.kpis):  # wide enough for the KPI's name and a value
            self.table.setColumnWidth(c, max(self.table.columnWidth(c), 110,
                                             metrics.horizontalAdvance(k.name(self.ctx.lang)) + 36))
        self._filling = False
        none = not self.kpis
        for w in (self.table, self.earlier, self.later, self.last_day, self.heading):
            w.setVisible(not none)
        if none:
            self.message.setText(self.tr(
                "You own no KPI in this plan, so there is nothing for you to enter here. Each "
                "KPI’s values are entered by the manager or by the people of its owner role "
                "(KPI definitions); ask the manager if you should enter one."))
        elif self.message.text() and self.message.property("empty"):
            self.message.setText("")
        self.message.setProperty("empty", none)

    # ---- writing
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self.commit([(item.row(), item.column(), item.text())])

    def paste(self, text: str) -> None:
        """Put a tab-separated block at the current cell (one undo step)."""
        row0, col0 = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        cells = []
        for i, line in enumerate(text.rstrip("\r\n").splitlines()):
            for j, raw in enumerate(line.split("\t")):
                r, c = row0 + i, col0 + j
                if r < self.table.rowCount() and c < self.table.columnCount():
                    cells.append((r, c, raw))
        if cells:
            self.commit(cells)

    def commit(self, cells: list[tuple[int, int, str]]) -> bool:
        """Check every cell; write all of them or none."""
        entries: list[tuple[int, dt.date, float | None]] = []
        for r, c, raw in cells:
            kpi, day = self.kpis[c], self.days[r]
            if not raw.strip():
                entries.append((kpi.id, day, None))
                continue
            try:
                entries.append((kpi.id, day, parse_number(raw)))
            except ValueError:
                self._bad(r, c, self.tr("{day}, {kpi}: “{value}” is not a number.").format(
                    day=fmt.short_date(day, self.ctx.lang), kpi=kpi.name(self.ctx.lang), value=raw))
                return False
        services, actor, plan_id = self.ctx.services, self.ctx.actor, self.ctx.plan_id
        assert plan_id is not None  # (KPIs to enter: a plan is open)
        before = services.kpis.values_at([(k, d) for k, d, _ in entries])
        if before == [(k, d, None if v is None else float(v)) for k, d, v in entries]:
            return True  # nothing changes: no write, no undo step
        text = self.tr("Enter %n KPI value(s)", "", len(entries))
        try:
            services.kpis.check_entries(actor, plan_id, entries)
        except OpsDeskError as exc:
            self._bad(cells[0][0], cells[0][1], error_text(exc))
            return False
        do = lambda: services.kpis.enter(actor, plan_id, entries)  # noqa: E731
        changes = (self.main_window.run(text, do) if self.main_window is not None
                   else do())
        self.message.setText("")
        if changes is None:
            self.refresh()
            return False
        return True

    def _bad(self, r: int, c: int, message: str) -> None:
        self.refresh()
        item = self.table.item(r, c)
        if item is not None:
            self._filling = True
            item.setBackground(QBrush(BAD))
            item.setToolTip(message)
            self._filling = False
        self.message.setText(message)
