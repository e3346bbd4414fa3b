"""My work: the signed-in person's tasks by due date, ticked off with a big checkbox."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.model.rules import SECTIONS
from opsdesk.services import permissions
from opsdesk.ui import fmt
from opsdesk.ui.mywork.delegate import MyWorkDelegate
from opsdesk.ui.mywork.model import MyWorkModel, TaskRole
from opsdesk.ui.mywork.notice import due_text
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from collections.abc import Callable

    from opsdesk.services import Changes
    from opsdesk.services.first_screen import FirstScreen
    from opsdesk.services.my_task import MyTask
    from opsdesk.ui.context import AppContext

FAST_UPDATE = 50  # a write touching at most this many shown tasks updates rows in place


class RowList(QListView):
    """The list of rows. A change of one row repaints that row only: every row is as tall
    as the others (``uniformItemSizes``), so nothing else can move; QListView's own
    ``dataChanged`` asks the model for its size about twice per row (measured: 7,000
    ``rowCount`` calls for one tick-off in a 3,500-row list)."""

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:  # noqa: N802 - Qt override
        if top_left.isValid() and top_left == bottom_right and self.uniformItemSizes():
            self.viewport().update(self.visualRect(top_left))
            return
        super().dataChanged(top_left, bottom_right, list(roles))


class MyWorkView(Retranslating, QWidget):
    """The person's to-do list (Overdue / Today / Rest of this week / Next week / Later /
    Done recently)."""

    sig_open_task = Signal(int)
    """A task id to show in the side panel (double-click or Enter)."""
    sig_due_changed = Signal(str)
    """The due notice ("You have 2 overdue tasks…") after a tick-off changed it ("" none)."""

    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("myworkView")
        self.ctx, self.main_window = ctx, window
        self.tasks: list[MyTask] = []
        self.role_names = ""  # the person's roles, for the subtitle (read on refresh)
        self._roles: dict[int, tuple[str, str]] = {}  # role id → (name zh, name en)
        self._phases_to_repaint: set[int | None] = set()
        self._headers_dirty = False
        self._after_tick = QTimer(self)  # (the view's own: it goes when the view goes)
        self._after_tick.setSingleShot(True)
        self._after_tick.setInterval(0)
        self._after_tick.timeout.connect(self._repaint_after)
        self.banner_counts = (0, 0)
        self.banner_dismissed = False
        self.banner_shown = False

        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setProperty("class", "muted")
        self.new_routine = QPushButton()
        self.new_routine.setObjectName("newRoutine")
        self.new_routine.setVisible(ctx.actor.is_manager)
        self.new_routine.clicked.connect(lambda: self.edit_routine(None))
        self.print_button = QPushButton()
        self.print_button.setObjectName("printMyList")
        self.print_button.clicked.connect(self._print)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.new_routine, 0, Qt.AlignmentFlag.AlignBottom)

        self.banner = QFrame()
        self.banner.setObjectName("myworkBanner")
        self.banner.setStyleSheet(
            "#myworkBanner { background: #fff4e5; border: 1px solid #ffcc80; border-radius: 8px; }"
            "#myworkBannerText { color: #8a4b00; font-weight: 600; }")
        self.banner_label = QLabel()
        self.banner_label.setObjectName("myworkBannerText")
        self.banner_close = QToolButton()
        self.banner_close.setObjectName("myworkBannerClose")
        self.banner_close.setText("✕")
        self.banner_close.setAutoRaise(True)
        self.banner_close.clicked.connect(self.dismiss_banner)
        b = QHBoxLayout(self.banner)
        b.setContentsMargins(14, 8, 8, 8)
        b.addWidget(self.banner_label, 1)
        b.addWidget(self.banner_close)
        self.banner.hide()

        self.model = MyWorkModel(self)
        self.delegate = MyWorkDelegate(self)
        self.delegate.can_toggle = self.can_toggle
        self.delegate.due_text = self._due_text
        self.delegate.progress = self.model.progress
        self.delegate.sig_toggle.connect(self.toggle_row)
        self.list = RowList()
        self.list.setObjectName("myworkList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setStyleSheet("QListView { background: #f6f7f9; }")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.doubleClicked.connect(self._open)
        self.list.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setObjectName("myworkEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("class", "muted")
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("My work"))
        self.new_routine.setText(self.tr("New routine…"))
        self.print_button.setText(self.tr("Print my list…"))
        self.print_button.setToolTip(self.tr("Today’s or this week’s list on paper or as PDF, "
                                             "with tick boxes (Ctrl+P)"))
        self.new_routine.setToolTip(self.tr("A task that repeats daily, on chosen weekdays, "
                                            "weekly or monthly"))
        self.banner_close.setToolTip(self.tr("Dismiss"))
        self.banner_close.setAccessibleName(self.tr("Dismiss the reminder"))
        self.list.setAccessibleName(self.tr("My tasks"))
        self.empty.setText(self.tr("Nothing to do: no open task is yours or your role's."))
        titles = {"overdue": self.tr("Overdue"), "today": self.tr("Today"),
                  "week": self.tr("Rest of this week"), "nextweek": self.tr("Next week"),
                  "later": self.tr("Later"), "done": self.tr("Done recently")}
        self.delegate.group_titles = self.model.group_titles = titles
        self.delegate.texts = {"unassigned": self.tr("for your role"), "done": "",
                               "missed": self.tr("click the box to tick off today’s or to "
                                                 "mark the missed days skipped")}
        self.delegate.lang = self.ctx.lang
        self._name_roles()  # (the names as last read: refresh reads them)
        self._subtitle()
        self._banner_text()
        self.list.viewport().update()


    def _read_roles(self) -> None:
        self._roles = {r.id: (r.name_zh, r.name_en) for r in self.ctx.services.people.roles()}
        self._name_roles()

    def _name_roles(self) -> None:
        """The person's roles in the heading, in the interface language (as last read)."""
        which = 0 if self.ctx.lang.startswith("zh") else 1
        roles = self._roles
        self.role_names = " · ".join(roles[r][which] for r in sorted(self.ctx.actor.role_ids)
                                     if r in roles)

    def _subtitle(self) -> None:
        open_n = sum(self.model.counts.get(g, 0) for g in SECTIONS)
        self.subtitle.setText(self.tr("{name} · {roles} · {today} · %n open", "", open_n).format(
            name=self.ctx.actor.name, roles=self.role_names,
            today=fmt.long_date(self.ctx.today(), self.ctx.lang)))

    def _due_text(self, t: MyTask) -> tuple[str, str]:
        """The row's date pill: its date, and how late, when (or "missed N days")."""
        today, lang = self.ctx.today(), self.ctx.lang
        if t.done:
            when = t.done_at.replace(tzinfo=dt.UTC).astimezone().date() if t.done_at else None
            return (self.tr("done {date}").format(date=fmt.short_date(when, lang)), "done")
        if t.due is None:
            return ("", "")
        date = fmt.short_date(t.due, lang)
        if t.missed and t.missed_from is not None:
            return (self.tr("{dates} · missed %n day(s)", "", t.missed).format(
                dates=fmt.date_range(t.missed_from, t.due, lang)), "bad")
        days = (t.due - today).days
        if days < 0:
            return (self.tr("{date} · %n day(s) late", "", -days).format(date=date), "bad")
        if days == 0:
            return (self.tr("today {date}").format(date=date), "today")
        if days == 1:
            return (self.tr("tomorrow {date}").format(date=date), "")
        return (date, "")

    # ---- data
    def refresh(self) -> None:
        if self.ctx.plan_id is None:
            self.tasks = []
        else:
            self.tasks = self.ctx.services.mywork.tasks(self.ctx.plan_id, self.ctx.actor,
                                                        self.ctx.today())
        self._show(self._read_roles)

    def show_data(self, first: FirstScreen) -> None:
        """Show My work read elsewhere (the first screen, read plainly before the store
        opened: ``services/first_screen.py``), reading nothing from the store."""
        self.tasks = list(first.my_work or [])
        self._roles = dict(first.roles or {})
        self._show(self._name_roles)

    def _show(self, name_roles: Callable[[], None]) -> None:
        current = self.current_task()
        self.delegate.today = self.ctx.today()
        self.model.set_tasks(self.tasks, self.ctx.today())
        name_roles()
        if not self.banner_shown:  # the first load tells what is overdue and due today
            self.banner_shown = True
            self.show_banner(*self.due_counts())
        else:
            self._follow_counts()
        self.list.setVisible(bool(self.tasks))
        self.empty.setVisible(not self.tasks)
        if current is not None and current.id in self.model.row_of:
            self.list.setCurrentIndex(self.model.index(self.model.row_of[current.id]))
        self._subtitle()

    def on_changes(self, changes: Changes) -> None:
        """A tick-off of a shown task repaints its row; other task or people changes reload."""
        if changes.plans or changes.people:
            self.refresh()
            return
        if not changes.tasks:
            return
        shown = self.model.task_ids()
        if changes.ids and len(changes.ids) <= FAST_UPDATE and changes.ids <= shown \
                and self.ctx.plan_id is not None:
            rows = self.ctx.services.mywork.tasks(self.ctx.plan_id, self.ctx.actor,
                                                  self.ctx.today(), task_ids=changes.ids)
            actor = self.ctx.actor

            def mine(t: MyTask) -> bool:
                return permissions.mine(actor, t.assignee_id, t.role_id)
            if len(rows) == len(changes.ids) and self.model.update_tasks(
                    rows, self.ctx.today(), mine):
                # (self.tasks is left as read: the model holds the rows shown now)
                # the phase bars of the other rows on screen: right after (the ticked row
                # first, at once)
                # (only phases whose shown % moved: in a big plan one tick-off seldom
                # moves it)
                self._phases_to_repaint |= self.model.phases_changed
                self.model.phases_changed = set()
                self._headers_dirty = True
                self._after_tick.start()
                self._subtitle()
                self._follow_counts()
                return
        self.refresh()

    def _repaint_after(self) -> None:
        """Right after a tick-off's row is painted: the section counts and the rows on
        screen whose phase bar changed (not the whole list)."""
        phases, self._phases_to_repaint = self._phases_to_repaint, set()
        if self._headers_dirty:
            self._headers_dirty = False
            self.model.headers_changed()
        if not phases:
            return
        viewport = self.list.viewport()
        top = self.list.indexAt(viewport.rect().topLeft())
        row = top.row() if top.isValid() else 0
        bottom = viewport.rect().bottom()
        while row < len(self.model.rows):
            rect = self.list.visualRect(self.model.index(row))
            if rect.top() > bottom:
                break
            t = self.model.rows[row][1]
            if t is not None and t.phase_id in phases:
                viewport.update(rect)
            row += 1

    def due_counts(self) -> tuple[int, int]:
        """(overdue, due today) rows as listed now (a routine's missed days count once)."""
        return self.model.counts.get("overdue", 0), self.model.counts.get("today", 0)

    def _follow_counts(self) -> None:
        """After a write: the banner (unless dismissed) and the status bar say what is due
        now, e.g. one overdue task fewer after a tick-off."""
        counts = self.due_counts()
        if counts == self.banner_counts:
            return
        self.banner_counts = counts
        self._banner_text()
        self.sig_due_changed.emit(due_text(*counts))

    # ---- ticking off
    def current_task(self) -> MyTask | None:
        index = self.list.currentIndex()
        return index.data(TaskRole) if index.isValid() else None

    def can_toggle(self, t: MyTask) -> bool:
        return permissions.can_toggle(self.ctx.actor, t) and not self.ctx.store.readonly

    def toggle_row(self, row: int) -> None:
        """Tick off (or reopen) the task of ``row`` as shown: the version shown is checked in
        the write, and if someone changed the task meanwhile the app's conflict dialog asks
        (Reload / Overwrite / Cancel), as in the Tasks view and the side panel."""
        from opsdesk.ui.tasks.editing import quoted, run_checked
        from opsdesk.ui.tasks.ops import TaskOps

        t = self.model.task_at(row)
        if t is None or not self.can_toggle(t) or self.ctx.plan_id is None:
            return
        self.list.setCurrentIndex(self.model.index(row))
        if t.missed:  # a routine's missed days: which to do, asked beside the box
            menu = QMenu(self)
            self._add_missed_actions(menu, t)
            rect = MyWorkDelegate.box_rect(self.list.visualRect(self.model.index(row)))
            menu.exec(self.list.viewport().mapToGlobal(rect.bottomLeft()))
            return
        done = not t.done
        text = (self.tr("Tick off “{title}”") if done else self.tr("Reopen “{title}”")).format(
            title=t.title)
        ops = TaskOps(self.ctx.services, self.ctx.actor, self.ctx.plan_id)
        run_checked(self, self.main_window, text,
                    lambda check: ops.tick(t.id, done, t.version if check else None),
                    ids=[t.id], plan_id=self.ctx.plan_id, what=quoted(t.title))

    # ---- a routine missed on several days
    def todays_occurrence(self, t: MyTask) -> MyTask | None:
        """The open occurrence due today of ``t``'s routine, as listed (None: there is none)."""
        today = self.ctx.today()
        for _g, other in self.model.rows:
            if other is not None and other.series_id == t.series_id and other.due == today \
                    and not other.done:
                return other
        return None

    def _add_missed_actions(self, menu: QMenu, t: MyTask) -> None:
        todays = self.todays_occurrence(t)
        tick = menu.addAction(self.tr("Tick off today’s"))
        tick.setObjectName("tickTodays")
        tick.setEnabled(todays is not None and self.can_toggle(todays))
        if todays is not None:
            tick.triggered.connect(lambda: self.toggle_row(self.model.row_of[todays.id]))
        skip = menu.addAction(self.tr("Mark the %n missed day(s) skipped", "", t.missed))
        skip.setObjectName("skipMissed")
        skip.setEnabled(self.can_toggle(t))
        skip.triggered.connect(lambda: self.skip_missed(t))

    def skip_missed(self, t: MyTask) -> None:
        """Mark every missed day of ``t``'s routine *skipped*: one write, one undo step."""
        from opsdesk.ui.tasks.editing import quoted, run_checked

        if not t.missed or self.ctx.plan_id is None:
            return
        ids = list(t.missed_ids)
        versions = {x.id: x.version for x in self.tasks if x.id in t.missed_ids}
        versions[t.id] = t.version
        services, actor = self.ctx.services, self.ctx.actor
        text = self.tr("Skip %n missed day(s) of “{title}”", "", len(ids)).format(title=t.title)
        run_checked(self, self.main_window, text,
                    lambda check: lambda: services.tasks.skip(actor, ids,
                                                              versions if check else None),
                    ids=ids, plan_id=self.ctx.plan_id, what=quoted(t.title))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.list and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):  # (PySide6 hands a key press as a QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Space and self.list.currentIndex().isValid():
                self.toggle_row(self.list.currentIndex().row())
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and (current := self.current_task()) is not None:
                self.sig_open_task.emit(current.id)
                return True
        return super().eventFilter(obj, event)

    def _open(self, index) -> None:
        t = index.data(TaskRole)
        if t is not None:
            self.sig_open_task.emit(t.id)

    def _menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        t = index.data(TaskRole) if index.isValid() else None
        menu = QMenu(self)
        if t is not None:
            menu.addAction(self.tr("Show details"), lambda: self.sig_open_task.emit(t.id))
            if t.missed:
                self._add_missed_actions(menu, t)
            else:
                act = QAction(self.tr("Reopen") if t.done else self.tr("Tick off"), menu)
                act.setEnabled(self.can_toggle(t))
                act.triggered.connect(lambda: self.toggle_row(index.row()))
                menu.addAction(act)
            if t.series_id is not None and self.ctx.actor.is_manager:
                menu.addSeparator()
                menu.addAction(self.tr("Edit routine…"), lambda: self.edit_routine(t.id))
        if self.ctx.actor.is_manager:
            menu.addAction(self.tr("New routine…"), lambda: self.edit_routine(None))
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(pos))

    def _print(self) -> None:
        from opsdesk.ui.mywork.print_list import PrintListDialog

        if self.ctx.plan_id is not None:
            PrintListDialog(self.ctx, self).exec()

    def edit_routine(self, task_id: int | None) -> None:
        from opsdesk.ui.mywork.routine_dialog import RoutineDialog

        dialog = RoutineDialog(self.ctx, self.main_window, task_id, self)
        dialog.exec()

    # ---- the notice on start
    def show_banner(self, overdue: int, today: int) -> None:
        self.banner_counts = (overdue, today)
        self.banner_dismissed = False
        self._banner_text()

    def dismiss_banner(self) -> None:
        self.banner_dismissed = True
        self.banner.hide()

    def _banner_text(self) -> None:
        text = due_text(*self.banner_counts)
        self.banner_label.setText(text)
        self.banner.setVisible(bool(text) and not self.banner_dismissed)
