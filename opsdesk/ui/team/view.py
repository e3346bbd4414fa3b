"""Team: open, overdue and done-this-week per role and person, weekly workload, reassigning."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.services.team import UNASSIGNED, Load, monday
from opsdesk.ui import fmt
from opsdesk.ui.contrast import readable_text
from opsdesk.ui.refresher import Refresher
from opsdesk.ui.team.heat import HeatDelegate, HeatHeader, HeatLegend, WeeksRole
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.team import TeamData
    from opsdesk.ui.context import AppContext

MIME = "application/x-opsdesk-task-ids"
PersonRole = Qt.ItemDataRole.UserRole + 1  # (user_id or None, role_id)
HEAT_COL = 4


class TaskList(QListWidget):
    """A person's open tasks; dragging carries their ids."""

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt override
        data = QMimeData()
        ids = [str(i.data(Qt.ItemDataRole.UserRole)) for i in items]
        data.setData(MIME, ",".join(ids).encode())
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MIME]


class TeamTree(QTreeWidget):
    """Roles and people; a person row accepts dropped tasks."""

    sig_dropped = Signal(list, object)
    """Task ids dropped on a person (user id, or None to leave the tasks to the role)."""

    def dragEnterEvent(self, e) -> None:  # noqa: N802 - Qt override
        if e.mimeData().hasFormat(MIME):
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(e.position().toPoint())
        if e.mimeData().hasFormat(MIME) and item is not None and item.parent() is not None:
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(e.position().toPoint())
        if item is None or item.parent() is None or not e.mimeData().hasFormat(MIME):
            e.ignore()
            return
        ids = [int(x) for x in bytes(e.mimeData().data(MIME)).decode().split(",") if x]
        e.acceptProposedAction()
        self.sig_dropped.emit(ids, item.data(0, PersonRole)[0])


class TeamView(Retranslating, QWidget):
    sig_open_task = Signal(int)
    """A task id to show in the side panel."""

    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("teamView")
        self.ctx, self.main_window = ctx, window
        self.data: TeamData | None = None
        self.refresher = Refresher(self, self._loaded)
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setProperty("class", "muted")
        self.tree = TeamTree()
        self.tree.setObjectName("teamTree")
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        if ctx.actor.is_manager:
            self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
            self.tree.viewport().setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.heat = HeatDelegate(self.tree)
        self.tree.setItemDelegateForColumn(HEAT_COL, self.heat)
        self.heat_header = HeatHeader(HEAT_COL, self.tree)  # week dates over the grid
        self.tree.setHeader(self.heat_header)
        self.tree.currentItemChanged.connect(lambda *_: self._fill_tasks())
        self.tree.sig_dropped.connect(self.reassign)
        self.tasks_heading = QLabel()
        self.tasks_heading.setProperty("class", "heading")
        self.tasks = TaskList()
        self.tasks.setObjectName("teamTasks")
        self.tasks.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tasks.setDragEnabled(ctx.actor.is_manager)
        self.tasks.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tasks.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tasks.customContextMenuRequested.connect(self._menu)
        self.tasks.itemDoubleClicked.connect(
            lambda item: self.sig_open_task.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.hint = QLabel()
        self.hint.setProperty("class", "muted")
        self.hint.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.tasks_heading)
        rl.addWidget(self.tasks, 1)
        rl.addWidget(self.hint)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.legend = HeatLegend()
        top = QHBoxLayout()
        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.subtitle)
        top.addLayout(head, 1)
        top.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Team"))
        self.heat_header.title = self.tr("Open work per week")
        self.tree.setHeaderLabels([self.tr("Role / person"), self.tr("Open"), self.tr("Overdue"),
                                   self.tr("Done this week"), ""])
        self.tree.setAccessibleName(self.tr("Team workload"))
        self.tasks.setAccessibleName(self.tr("Open tasks of the selected person"))
        self.hint.setText(self.tr("Drag tasks onto a person, or right-click them, to reassign.")
                          if self.ctx.actor.is_manager else "")
        self.legend.set_texts(self.tr("no open work due"), self.tr("a few tasks due"),
                              self.tr("the most"), self.tr("this week"))
        self.legend.setToolTip(self.tr("Each cell of the grid is a week (its Monday above it); "
                                       "the colour says how many open tasks are due in it."))
        self.populate()


    # ---- data
    def refresh(self) -> None:
        """Reload now (first shown, another plan, Refresh)."""
        self.refresher.cancel()
        if self.ctx.plan_id is None:
            self.data = None
        else:
            self.data = self.ctx.services.team.team(self.ctx.plan_id, self.ctx.today())
        self.populate()

    def on_changes(self, changes: Changes) -> None:
        """The figures are read again off the GUI thread (a burst makes one more read)."""
        if not (changes.tasks or changes.people or changes.plans) or self.ctx.plan_id is None:
            return
        team, plan_id, today = self.ctx.services.team, self.ctx.plan_id, self.ctx.today()
        self.refresher.request(lambda: (plan_id, team.team(plan_id, today)))

    def _loaded(self, result: tuple[int, TeamData]) -> None:
        plan_id, data = result
        if plan_id == self.ctx.plan_id:
            self.data = data
            self.populate()

    def load_of(self, user_id: int | None, role_id: int | None = None) -> Load:
        """A person's figures summed over every role of their tasks (None: the role's unassigned)."""
        total = Load(weeks=[0] * (self.data.weeks if self.data else 0))
        if self.data is None:
            return total
        for (role, user), load in self.data.people.items():
            if (user_id is None and user == UNASSIGNED and role == role_id) or \
                    (user_id is not None and user == user_id):
                total.open += load.open
                total.overdue += load.overdue
                total.done_week += load.done_week
                total.weeks = [a + b for a, b in zip(total.weeks, load.weeks, strict=True)]
        return total

    def _holds_work(self, user_id: int) -> bool:
        load = self.load_of(user_id)
        return bool(load.open or load.done_week)

    def populate(self) -> None:
        data = self.data
        if data is None:
            return
        lang, today = self.ctx.lang, self.ctx.today()
        self.subtitle.setText(self.tr("Week of {monday} · {weeks} weeks from {first}").format(
            monday=fmt.long_date(monday(today), lang), weeks=data.weeks,
            first=fmt.short_date(data.first_week, lang)))
        self.heat.today_week = (monday(today) - data.first_week).days // 7
        self.heat_header.set_weeks(data.first_week, data.weeks)
        selected = self.selected_person()
        self.tree.clear()
        users = [u for u in self.ctx.services.people.users(active_only=False)
                 if u.active or self._holds_work(u.id)]  # (someone gone who still holds work)
        peak = 1
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for role in self.ctx.services.people.roles():
            load = data.roles.get(role.id, Load(weeks=[0] * data.weeks))
            people = [u for u in users if u.role_id == role.id]
            if not people and not load.open and not load.done_week:
                continue
            item = self._row(self.tree.invisibleRootItem(), "● " + role.name(lang), load)
            item.setForeground(0, QBrush(readable_text(role.color)))
            for col in range(4):
                item.setFont(col, bold)
            item.setData(0, PersonRole, (None, role.id))
            for u in people:
                person = self.load_of(u.id)
                name = u.name + ("  ★" if u.is_manager else "")
                if not u.active:
                    name = self.tr("{name} (no longer active)").format(name=u.name)
                child = self._row(item, name, person)
                child.setData(0, PersonRole, (u.id, role.id))
                child.setToolTip(0, u.login if u.active else self.tr(
                    "{login} no longer works here but still holds tasks: give them to someone "
                    "else (drag them, or right-click).").format(login=u.login))
                if not u.active:
                    child.setForeground(0, QBrush(QColor("#80868b")))
                peak = max(peak, *person.weeks) if person.weeks else peak
            nobody = self.load_of(None, role.id)
            if nobody.open:
                child = self._row(item, self.tr("Unassigned"), nobody)
                child.setData(0, PersonRole, (None, role.id))
                child.setForeground(0, QBrush(QColor("#80868b")))
                peak = max(peak, *nobody.weeks) if nobody.weeks else peak
            item.setExpanded(True)
        self.heat.peak = peak
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, HEAT_COL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._select(selected)
        self._fill_tasks()

    def _row(self, parent: QTreeWidgetItem, name: str, load: Load) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [name, str(load.open), str(load.overdue),
                                        str(load.done_week), ""])
        for col in (1, 2, 3):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if load.overdue:
            item.setForeground(2, QBrush(QColor("#c62828")))
        item.setData(HEAT_COL, WeeksRole, load.weeks)
        first = self.data.first_week if self.data else dt.date.today()
        busiest = max(range(len(load.weeks)), key=lambda i: load.weeks[i]) if load.weeks else 0
        if load.weeks and load.weeks[busiest]:
            item.setToolTip(HEAT_COL, self.tr("Busiest week: {day} ({count} open tasks due)").format(
                day=fmt.short_date(first + dt.timedelta(weeks=busiest), self.ctx.lang),
                count=load.weeks[busiest]))
        return item

    def selected_person(self) -> tuple[int | None, int] | None:
        item = self.tree.currentItem()
        return item.data(0, PersonRole) if item is not None and item.parent() is not None else None

    def _select(self, who) -> None:
        """``who`` again after a reload; at first, the person signed in (staff see their own
        tasks, not the first manager's), else the first person listed."""
        root = self.tree.invisibleRootItem()
        first = own = None
        for role in _children(root):
            for child in _children(role):
                first = first or child
                if who is not None and child.data(0, PersonRole) == who:
                    self.tree.setCurrentItem(child)
                    return
                if own is None and child.data(0, PersonRole)[0] == self.ctx.actor.user_id:
                    own = child
        target = own or first
        if target is not None:
            self.tree.setCurrentItem(target)

    def select_user(self, user_id: int) -> None:
        root = self.tree.invisibleRootItem()
        for role in _children(root):
            for child in _children(role):
                if child.data(0, PersonRole)[0] == user_id:
                    self.tree.setCurrentItem(child)
                    return

    def _fill_tasks(self) -> None:
        self.tasks.clear()
        who = self.selected_person()
        item = self.tree.currentItem()
        if who is None or item is None or self.ctx.plan_id is None:
            self.tasks_heading.setText("")
            return
        user_id, role_id = who
        self.tasks_heading.setText(self.tr("Open tasks of {name}").format(
            name=item.text(0).replace("  ★", "")))
        today = self.ctx.today()
        for t in self.ctx.services.team.open_tasks(self.ctx.plan_id, user_id, role_id):
            text = f"{fmt.short_date(t.due, self.ctx.lang)}   {'◆ ' if t.is_milestone else ''}{t.title}"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, t.id)
            row.setData(Qt.ItemDataRole.UserRole + 1, t.assignee_id)
            row.setToolTip(t.title)
            if t.is_overdue(today):
                row.setForeground(QBrush(QColor("#c62828")))
            self.tasks.addItem(row)

    # ---- reassigning (manager)
    def selected_task_ids(self) -> list[int]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.tasks.selectedItems()]

    def _menu(self, pos) -> None:
        item = self.tasks.itemAt(pos)
        if item is None:
            return
        if not item.isSelected():
            self.tasks.setCurrentItem(item)
        ids = self.selected_task_ids()
        menu = QMenu(self)
        menu.addAction(self.tr("Show details"),
                       lambda: self.sig_open_task.emit(item.data(Qt.ItemDataRole.UserRole)))
        if self.ctx.actor.is_manager:
            sub = menu.addMenu(self.tr("Reassign to"))
            sub.setObjectName("reassignMenu")
            for u in self.ctx.services.people.users():
                act = sub.addAction(u.name)
                act.setData(u.id)
                act.triggered.connect(lambda _c=False, uid=u.id: self.reassign(ids, uid))
            menu.addAction(self.tr("Leave to the role (unassign)"), lambda: self.reassign(ids, None))
        menu.exec(self.tasks.viewport().mapToGlobal(pos))

    def reassign(self, task_ids: list[int], user_id: int | None) -> None:
        """Give tasks to ``user_id`` (None: unassigned) in one write and one undo step (the
        Tasks view's bulk assign, with its conflict dialog). One occurrence of a routine
        asks first how far it reaches (this one / this and later / all)."""
        from opsdesk.ui.tasks import prompts
        from opsdesk.ui.tasks.editing import run_checked
        from opsdesk.ui.tasks.ops import TaskOps

        if not task_ids or not self.ctx.actor.is_manager or self.ctx.plan_id is None:
            return
        sv = self.ctx.services
        ops = TaskOps(sv, self.ctx.actor, self.ctx.plan_id)
        name = next((u.name for u in sv.people.users() if u.id == user_id), self.tr("the role"))
        text = self.tr("Reassign %n task(s) to {name}", "", len(task_ids)).format(name=name)
        if len(task_ids) == 1 and sv.series.series_of(task_ids[0]) is not None:
            scope = prompts.ask_scope(self)
            if scope is None:
                return
            make = lambda check: ops.occurrence_edit(  # noqa: E731
                task_ids[0], None, scope, "assignee_id", user_id)
        else:
            make = lambda check: ops.bulk_update(  # noqa: E731
                list(task_ids), None, assignee_id=user_id)
        run_checked(self, self.main_window, text, make, ids=task_ids, plan_id=self.ctx.plan_id)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children (``child(i)`` is None only out of range)."""
    return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]
