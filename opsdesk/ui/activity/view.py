"""Activity: the change log, filterable by person, task, kind and date; double-click opens the task."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import NotFound
from opsdesk.services.audit import ActivityFilter, query_activity
from opsdesk.ui.activity.describe import KINDS, Describer
from opsdesk.ui.activity.model import ActivityModel, RowRole
from opsdesk.ui.refresher import Refresher
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.ui.context import AppContext

NO_DATE = QDate(2000, 1, 1)


class ActivityView(Retranslating, QWidget):
    sig_open_task = Signal(int)
    """The task of a double-clicked entry."""

    def __init__(self, ctx: AppContext, window=None) -> None:
        super().__init__()
        self.setObjectName("activityView")
        self.ctx, self.main_window = ctx, window
        self.task_id: int | None = None
        self.refresher = Refresher(self, self._loaded)
        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.count = QLabel()
        self.count.setProperty("class", "muted")
        self.person = QComboBox()
        self.person.setObjectName("activityPerson")
        self.kind = QComboBox()
        self.kind.setObjectName("activityKind")
        self.text = QLineEdit()
        self.text.setObjectName("activityText")
        self.text.setClearButtonEnabled(True)
        self.since = QDateEdit()
        self.since.setObjectName("activitySince")
        self.until = QDateEdit()
        self.until.setObjectName("activityUntil")
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setMinimumDate(NO_DATE)
            d.setDate(NO_DATE)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(self.refresh)
        self.person.currentIndexChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(200)
        self._typing.timeout.connect(self.refresh)
        self.text.textChanged.connect(lambda _t: self._typing.start())
        self.labels = [QLabel() for _ in range(4)]
        bar = QHBoxLayout()
        for label, widget in zip(self.labels, (self.person, self.kind, self.since, self.until),
                                 strict=True):
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.text, 1)
        self.model = ActivityModel(self)
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 90)
        self.table.doubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._ready = False
        self.retranslate_ui()
        self._ready = True

    # ---- text
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Activity"))
        for label, text in zip(self.labels, (self.tr("Who"), self.tr("Kind"), self.tr("From"),
                                             self.tr("Until")), strict=True):
            label.setText(text)
        self.text.setPlaceholderText(self.tr("Task title contains…"))
        self.text.setAccessibleName(self.tr("Filter by task title"))
        for d in (self.since, self.until):
            d.setSpecialValueText(self.tr("any day"))
        self.model.headers = [self.tr("When"), self.tr("Who"), self.tr("What"),
                              self.tr("Before → after")]
        self._fill_filters()
        if self._ready:
            self.refresh()


    def _fill_filters(self) -> None:
        person, kind = self.person.currentData(), self.kind.currentIndex()
        for combo in (self.person, self.kind):
            combo.blockSignals(True)
            combo.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for u in self.ctx.services.people.users(active_only=False):
            self.person.addItem(u.name, u.id)
        self.person.setCurrentIndex(max(self.person.findData(person), 0))
        self.kind.addItem(self.tr("Everything"), None)
        for name, entity, action in KINDS:
            self.kind.addItem(QCoreApplication.translate("Activity", name), (entity, action))
        self.kind.setCurrentIndex(max(kind, 0))
        for combo in (self.person, self.kind):
            combo.blockSignals(False)

    # ---- data
    def current_filter(self) -> ActivityFilter:
        kind = self.kind.currentData() or (None, None)

        def day(edit: QDateEdit, plus: int) -> dt.datetime | None:
            q = edit.date()
            if q == NO_DATE:
                return None
            local = dt.datetime(q.year(), q.month(), q.day()) + dt.timedelta(days=plus)
            return local.astimezone().astimezone(dt.UTC).replace(tzinfo=None)

        return ActivityFilter(user_id=self.person.currentData(), entity=kind[0], action=kind[1],
                              task_id=self.task_id, text=self.text.text(),
                              since=day(self.since, 0), until=day(self.until, 1))

    def show_for_task(self, task_id: int | None) -> None:
        """Only the entries about one task (None: all again)."""
        self.task_id = task_id
        self.refresh()

    def refresh(self) -> None:
        """Read the entries again now (first shown, a filter changed, Refresh)."""
        if not getattr(self, "_ready", False):
            return
        self.refresher.cancel()
        self._loaded(self._reader()())

    def _reader(self):
        """What to read for the filters as they are now (a function for any thread)."""
        sv, lang, plan_id, f = self.ctx.services, self.ctx.lang, self.ctx.plan_id, \
            self.current_filter()

        def read() -> tuple[list, Describer, str]:
            users = {u.id: u.name for u in sv.people.users(active_only=False)}
            roles = {r.id: r.name(lang) for r in sv.people.roles()}
            phases = {p.id: p.name(lang) for p in sv.plans.phases(plan_id)} \
                if plan_id is not None else {}
            rows = query_activity(sv.audit, plan_id, f)
            return rows, Describer(lang, users, roles, phases), lang
        return read

    def _loaded(self, result: tuple[list, Describer, str]) -> None:
        rows, describer, lang = result
        self.model.set_rows(rows, describer, lang)
        self.count.setText(self.tr("%n entries", "", len(rows)))

    def on_changes(self, changes: Changes) -> None:
        """A new entry: the log is read again off the GUI thread (a burst makes one more
        read, not one each)."""
        if changes.activity:
            if changes.people:
                self._fill_filters()
            self.refresher.request(self._reader())

    def _open(self, index) -> None:
        """Open the entry's task: the filtered one, else the first of a bulk entry's tasks
        that still exists."""
        row = index.data(RowRole)
        if row is None or row.task_id is None:
            return
        candidates = [row.task_id, *(i for i in row.task_ids[:20] if i != row.task_id)]
        for task_id in candidates:
            try:
                self.ctx.services.tasks.get(task_id)
            except NotFound:
                continue
            self.sig_open_task.emit(task_id)
            return
        if self.main_window is not None:
            self.main_window.statusBar().showMessage(self.tr("That task has been deleted."), 5000)
