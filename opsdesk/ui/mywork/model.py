"""The My work list model: group headers and the person's tasks, by due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from opsdesk.services.my_task import GROUPS, list_rows

if TYPE_CHECKING:
    from opsdesk.services.my_task import MyTask

TaskRole = Qt.ItemDataRole.UserRole + 1  # the MyTask of a row (None for a header)
GroupRole = Qt.ItemDataRole.UserRole + 2  # the group key of a row
CountRole = Qt.ItemDataRole.UserRole + 3  # a header's number of tasks
Index = QModelIndex | QPersistentModelIndex


class MyWorkModel(QAbstractListModel):
    """https://doc.qt.io/qt-6/qabstractlistmodel.html: rows from one service read
    (``MyWorkService.tasks``, shown as ``mywork.list_rows``: a routine's missed days are one
    row); a tick-off updates its row in place (``dataChanged``) and the section counts by
    the difference, touching no other row (a long list stays quick)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, MyTask | None]] = []
        self.counts: dict[str, int] = {}
        self.row_of: dict[int, int] = {}
        self.header_rows: list[int] = []
        self.phases_changed: set[int | None] = set()  # whose shown % a write changed
        self.group_titles: dict[str, str] = {}
        self.phase_stats: dict[int | None, list[int]] = {}  # phase → [tasks, done]

    # ---- filling
    def set_tasks(self, tasks: list[MyTask], today: dt.date) -> None:
        groups: dict[str, list[MyTask]] = {g: [] for g in GROUPS}
        for t in list_rows(tasks, today):  # a routine: up to today (missed days: one row)
            groups[t.group(today)].append(t)
        groups["done"].sort(key=lambda t: t.done_at or dt.datetime.min, reverse=True)
        self.beginResetModel()
        self.rows = []
        for g in GROUPS:
            if groups[g]:
                self.rows.append((g, None))
                self.rows.extend((g, t) for t in groups[g])
        self.row_of = {t.id: i for i, (_g, t) in enumerate(self.rows) if t is not None}
        self.header_rows = [i for i, (_g, t) in enumerate(self.rows) if t is None]
        self._count(today)
        self.phase_stats = {t.phase_id: [t.phase_total, t.phase_done] for t in tasks}
        self.endResetModel()

    def progress(self, phase_id: int | None) -> float:
        total, done = self.phase_stats.get(phase_id, (0, 0))
        return done / total if total else 0.0

    def update_tasks(self, tasks: list[MyTask], today: dt.date,
                     mine: Callable[[MyTask], bool]) -> bool:
        """Replace rows in place after a write: a tick-off or reopen stays where it is (no
        row jumps away under the mouse), other edits too while the task stays in its
        section. False (the caller reloads) when a task is not shown here, is no longer the
        person's (``mine``), or moved to another section (e.g. rescheduled into Overdue)."""
        for t in tasks:
            row = self.row_of.get(t.id)
            if row is None or not mine(t):
                return False
            section, old = self.rows[row]
            if old is None or (old.done == t.done and t.group(today) != section):
                return False
            if old.missed and (t.status != old.status or t.due != old.due):
                return False  # a folded row: which days are missed is worked out again
        for t in tasks:
            row = self.row_of[t.id]
            old = self.rows[row][1]
            assert old is not None  # (checked above)
            if old.missed:
                t = replace(t, missed_ids=old.missed_ids, missed_from=old.missed_from)
            if old.done != t.done and t.phase_id in self.phase_stats:
                before = round(self.progress(t.phase_id) * 100)
                self.phase_stats[t.phase_id][1] += 1 if t.done else -1
                if round(self.progress(t.phase_id) * 100) != before:
                    self.phases_changed.add(t.phase_id)  # (its bar on other rows moves)
            self.counts[old.group(today)] -= 1
            self.counts[t.group(today)] += 1
            self.rows[row] = (self.rows[row][0], t)
            index = self.index(row)
            self.dataChanged.emit(index, index)
        return True

    def headers_changed(self) -> None:
        """The section headers' counts changed (after ``update_tasks``; the view calls this
        right after the ticked row is painted): a few rows, not the list."""
        for header in self.header_rows:
            if header < len(self.rows):
                index = self.index(header)
                self.dataChanged.emit(index, index)

    def _count(self, today: dt.date) -> None:
        """Each section's count is of the tasks that belong to it now (a task ticked off
        under Overdue counts as done, though its row stays where it was)."""
        self.counts = {g: 0 for g in GROUPS}
        for _section, t in self.rows:
            if t is not None:
                self.counts[t.group(today)] += 1

    def task_at(self, row: int) -> MyTask | None:
        return self.rows[row][1] if 0 <= row < len(self.rows) else None

    def task_ids(self) -> set[int]:
        return set(self.row_of)

    # ---- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group, task = self.rows[index.row()]
        if role == TaskRole:
            return task
        if role == GroupRole:
            return group
        if role == CountRole:
            return self.counts.get(group, 0)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if task is None:
                return f"{self.group_titles.get(group, group)} ({self.counts.get(group, 0)})"
            return task.title
        if role == Qt.ItemDataRole.ToolTipRole and task is not None:
            return task.title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()][1] is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
