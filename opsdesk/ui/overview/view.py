"""The Overview view: phases with dates and progress, counts, overdue work, next milestones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.ui import fmt
from opsdesk.ui.overview.widgets import PhaseCard, PhaseStrip, StatTile
from opsdesk.ui.refresher import Refresher
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.overview import Overview
    from opsdesk.ui.context import AppContext


def _list(object_name: str, columns: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(object_name)
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.header().setStretchLastSection(False)
    tree.setMinimumHeight(180)
    return tree


class OverviewView(Retranslating, QScrollArea):
    """The first view after sign-in: how the plan stands today."""

    sig_open_task = Signal(int)
    """Emitted with a task id when a row is double-clicked (views that edit tasks listen)."""

    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("overviewView")
        self.ctx = ctx
        self.data: Overview | None = None
        self.refresher = Refresher(self, self._loaded)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        # ---- layout
        body = QWidget()
        body.setObjectName("overviewBody")
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("overviewSubtitle")
        self.subtitle.setProperty("class", "muted")
        self.strip = PhaseStrip()

        self.tiles = {key: StatTile(f"tile_{key}") for key in
                      ("open", "overdue", "blocked", "done", "milestone", "milestones")}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        self.phases_heading = QLabel()
        self.phases_heading.setProperty("class", "heading")
        self.phase_row = QHBoxLayout()
        self.phase_cards: list[PhaseCard] = []

        self.milestones_heading = QLabel()
        self.milestones_heading.setProperty("class", "heading")
        self.milestones = _list("overviewMilestones", 3)
        self.overdue_heading = QLabel()
        self.overdue_heading.setProperty("class", "heading")
        self.overdue = _list("overviewOverdue", 4)
        lists = QGridLayout()
        lists.addWidget(self.milestones_heading, 0, 0)
        lists.addWidget(self.milestones, 1, 0)
        lists.addWidget(self.overdue_heading, 0, 1)
        lists.addWidget(self.overdue, 1, 1)
        lists.setColumnStretch(0, 2)
        lists.setColumnStretch(1, 3)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.strip)
        layout.addLayout(tiles)
        layout.addWidget(self.phases_heading)
        layout.addLayout(self.phase_row)
        layout.addLayout(lists, 1)
        # The body goes into the scroll area (which lays it out and so polishes every
        # widget in it) once it holds its first figures, or when shown: the tiles' tones are
        # then set before the style sheet is first applied, and filling them asks nothing
        # of the style (see widgets.restyle).
        self._body: QWidget | None = body

        for tree in (self.milestones, self.overdue):
            tree.itemDoubleClicked.connect(
                lambda item, _col: self.sig_open_task.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.phases_heading.setText(self.tr("Phases"))
        self.milestones_heading.setText(self.tr("Next milestones"))
        self.overdue_heading.setText(self.tr("Overdue work"))
        self.milestones.setHeaderLabels([self.tr("Date"), self.tr("In"), self.tr("Milestone")])
        self.overdue.setHeaderLabels([self.tr("Due"), self.tr("Late"), self.tr("Task"),
                                      self.tr("Who")])
        self.populate()


    # ---- data
    def refresh(self) -> None:
        """Reload now (first shown, another plan, Refresh)."""
        self.refresher.cancel()
        if self.ctx.plan_id is None:
            self.data = None
        else:
            self.data = self.ctx.services.overview.overview(self.ctx.plan_id, self.ctx.today())
        self.populate()

    def show_data(self, data: Overview) -> None:
        """Show ``data`` read elsewhere (the first screen, read before the store opened)."""
        self.refresher.cancel()
        self.data = data
        self.populate()

    def on_changes(self, changes: Changes) -> None:
        """Tasks, phases, the plan or people changed: the counts are read again off the GUI
        thread (a burst of changes makes one more read, not one each)."""
        if changes.tasks or changes.plans or changes.people:
            self.reload_in_background()

    def reload_in_background(self) -> None:
        """Read the figures again off the GUI thread; they replace the shown ones when read."""
        if self.ctx.plan_id is None:
            return
        overview, plan_id, today = self.ctx.services.overview, self.ctx.plan_id, self.ctx.today()
        self.refresher.request(lambda: (plan_id, overview.overview(plan_id, today)))

    def _loaded(self, result: tuple[int, Overview]) -> None:
        plan_id, data = result
        if plan_id == self.ctx.plan_id:
            self.data = data
            self.populate()

    def populate(self) -> None:
        data = self.data
        if data is None:
            return
        lang, today = self.ctx.lang, data.today
        plan = data.plan
        self.title.setText(plan.name)
        days = (today - plan.launch_date).days
        if days >= 0:
            since = self.tr("day %n since launch", "", days + 1)
        else:
            since = self.tr("%n day(s) to launch", "", -days)
        self.subtitle.setText(self.tr("Launch day {launch} · today {today} · {since}").format(
            launch=fmt.long_date(plan.launch_date, lang), today=fmt.long_date(today, lang),
            since=since))
        self.strip.set_data(
            [(p.phase.name(lang), p.phase.start, p.phase.end, p.phase.color, p.progress)
             for p in data.phases], today, plan.launch_date, self.tr("Today"),
            self.tr("Launch"))
        self._fill_tiles(data)
        self._fill_phases(data)
        self._fill_milestones(data)
        self._fill_overdue(data)
        self._place_body()

    def _place_body(self) -> None:
        if self._body is not None:
            body, self._body = self._body, None
            self.setWidget(body)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._place_body()
        super().showEvent(event)

    def _fill_tiles(self, data: Overview) -> None:
        c = data.counts
        open_count = c.get("todo", 0) + c.get("doing", 0) + c.get("blocked", 0)
        self.tiles["open"].set(str(open_count), self.tr("open tasks (%n in progress)", "",
                                                        c.get("doing", 0)))
        self.tiles["overdue"].set(str(data.overdue_total), self.tr("overdue"),
                                  "bad" if data.overdue_total else "good")
        self.tiles["blocked"].set(str(c.get("blocked", 0)), self.tr("blocked"),
                                  "warn" if c.get("blocked") else "")
        skipped = c.get("skipped", 0)  # (routine days let go: counted apart)
        self.tiles["done"].set(f"{c.get('done', 0)} / {data.total - skipped}",
                               self.tr("tasks done (%n skipped)", "", skipped) if skipped
                               else self.tr("tasks done"), "")
        days = data.days_to_next_milestone()
        if days is None:
            self.tiles["milestone"].set("–", self.tr("no milestone ahead"))
        else:
            value = self.tr("today") if days == 0 else self.tr("%n day(s)", "", days)
            self.tiles["milestone"].set(value, self.tr("to the next milestone"), "accent")
        self.tiles["milestones"].set(f"{data.milestones_done} / {data.milestones_total}",
                                     self.tr("milestones reached"))

    def _fill_phases(self, data: Overview) -> None:
        while len(self.phase_cards) < len(data.phases):
            card = PhaseCard()
            self.phase_cards.append(card)
            self.phase_row.addWidget(card)
        for card, p in zip(self.phase_cards, data.phases, strict=False):
            current = p.is_current(data.today)
            card.set_phase(p, current, p.phase.color)
            card.name.setText(p.phase.name(self.ctx.lang)
                              + ("  · " + self.tr("now") if current else ""))
            card.dates.setText(fmt.date_range(p.phase.start, p.phase.end, self.ctx.lang))
            card.detail.setText(self.tr("{done} of {total} tasks done ({pct}%)").format(
                done=p.done, total=p.total, pct=round(p.progress * 100)))
            elapsed = round(p.elapsed(data.today) * 100)
            state = self.tr("{pct}% of the time passed").format(pct=elapsed)
            if p.overdue:
                state += " · " + self.tr("%n overdue", "", p.overdue)
            card.state.setText(state)
            card.setVisible(True)
        for card in self.phase_cards[len(data.phases):]:
            card.setVisible(False)

    def _fill_milestones(self, data: Overview) -> None:
        self.milestones.clear()
        for m in data.milestones:
            days = (m.due - data.today).days if m.due else 0
            when = self.tr("today") if days == 0 else self.tr("%n day(s)", "", days)
            item = QTreeWidgetItem([fmt.short_date(m.due, self.ctx.lang), when, "◆ " + m.title])
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setToolTip(2, m.title)
            self.milestones.addTopLevelItem(item)
        if not data.milestones:
            self.milestones.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("No milestone ahead")]))
        self._fit(self.milestones, stretch=2)

    def _fill_overdue(self, data: Overview) -> None:
        self.overdue.clear()
        red = QColor("#c62828")  # (a colour as the role's value: Qt makes the brush)
        for t in data.overdue:
            late = (data.today - t.due).days if t.due else 0
            item = QTreeWidgetItem([fmt.short_date(t.due, self.ctx.lang),
                                    self.tr("%n day(s)", "", late), t.title,
                                    t.assignee or self.tr("unassigned")])
            item.setData(1, Qt.ItemDataRole.ForegroundRole, red)
            item.setData(0, Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(2, t.title)
            self.overdue.addTopLevelItem(item)
        more = data.overdue_total - len(data.overdue)
        if more > 0:
            self.overdue.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("… and %n more", "", more), ""]))
        if not data.overdue:
            self.overdue.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("Nothing is overdue."), ""]))
        self._fit(self.overdue, stretch=2)

    @staticmethod
    def _fit(tree: QTreeWidget, stretch: int) -> None:
        header = tree.header()
        for col in range(tree.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
