"""The Tasks view's item model: cached row tuples, grouped by phase (subtasks under their
parent) or flat; filtering and sorting are done in Python over the cache, never in SQL.

Implements QAbstractItemModel (https://doc.qt.io/qt-6/qabstractitemmodel.html). Node ids
(``internalId``): 1…G are phase groups, G+1+p is the task at cache position p.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from opsdesk.services.task_rows import (
    ASSIGNEE,
    ASSIGNEE_NAME,
    DONE_AT,
    DONE_BY_NAME,
    DUE,
    ID,
    MILESTONE,
    PARENT,
    PHASE,
    PHASE_EN,
    PHASE_ZH,
    PRIORITY,
    ROLE,
    ROLE_COLOR,
    ROLE_EN,
    ROLE_ZH,
    START,
    STATUS,
    TITLE,
    VERSION,
)
from opsdesk.ui import fmt
from opsdesk.ui.labels import priority_name, status_name
from opsdesk.ui.tasks.state import COL, COLUMNS, EDIT_FIELDS, Filters, RowCache, apply_filters

R = Qt.ItemDataRole
TASK_ID_ROLE = R.UserRole + 1
ROW_ROLE = R.UserRole + 2
OVERDUE_ROLE = R.UserRole + 3
ROOT = 0
_NO_INDEX = QModelIndex()

OVERDUE_FG = QColor("#c62828")
DONE_FG = QColor("#80868b")
MUTED_FG = QColor("#9aa0a6")
MILESTONE_BG = QColor(255, 193, 7, 40)
OVERDUE_BG = QColor(229, 57, 53, 22)
GROUP_BG = QColor("#eef1f5")


class TaskTreeModel(QAbstractItemModel):
    """Every task of a plan; ``edit_hook(task_id, field, value, version)`` carries out edits
    and ``tick_hook(task_id, done, version)`` tick-offs (the view routes them to services)."""

    def __init__(self, lang: str = "en", today: dt.date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = (today or dt.date.today()).isoformat()
        self.rows: list[tuple] = []
        self.search: list[str] = []
        self.pos_of: dict[int, int] = {}
        self.groups: list[tuple[int | None, str, str]] = []  # (phase id, name zh, name en)
        self.grouped = True
        self.filters = Filters()
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.editable_columns: set[int] = set()
        self.can_tick: Callable[[tuple], bool] = lambda row: False
        self.edit_hook: Callable[[int, str, object, int], bool] | None = None
        self.tick_hook: Callable[[int, bool, int], bool] | None = None
        self.cache = RowCache([])
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parentmap: dict[int, int] = {}
        self._rowmap: dict[int, int] = {}
        self._dates: dict[str | None, str] = {}
        self._colors: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.visible_count = 0

    # ---- loading
    def set_rows(self, rows: list[tuple] | RowCache) -> None:
        """Replace the cache (a new plan or a reload) and rebuild what is shown."""
        self.cache = rows if isinstance(rows, RowCache) else RowCache(rows)
        self.rows, self.pos_of, self.groups = self.cache.rows, self.cache.pos_of, self.cache.groups
        self.rebuild()

    def update_rows(self, rows: Iterable[tuple]) -> bool:
        """Refresh rows in place (an edit); False when the shape changed and a reload is due.
        Rows stay where they are until the next filter or sort (no jumping under the mouse)."""
        changed = []
        for r in rows:
            p = self.pos_of.get(r[ID])
            if p is None:
                return False
            old = self.rows[p]
            if (old[PARENT], old[PHASE]) != (r[PARENT], r[PHASE]):
                return False
            changed.append((p, r))
        for p, r in changed:
            self.cache.replace(p, r)
            node = self._node(p)
            row = self._rowmap.get(node)
            if row is not None:
                self.dataChanged.emit(self.createIndex(row, 0, node),
                                      self.createIndex(row, len(COLUMNS) - 1, node))
        return True

    # ---- filter, sort, group
    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.rebuild()

    def set_grouped(self, grouped: bool) -> None:
        self.grouped = grouped
        self.rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute the visible tree (after a filter, sort, grouping or load)."""
        self.beginResetModel()
        cache = self.cache
        column = COLUMNS[self.sort_column] if 0 <= self.sort_column < len(COLUMNS) else None
        order = cache.order(column, self.sort_order == Qt.SortOrder.DescendingOrder,
                            self.today, self.lang)
        filtered = not self.filters.is_empty()
        shown = apply_filters(cache, order, self.filters, self.today) if filtered else order
        self.visible_count = len(shown)
        n_groups = len(self.groups)
        first = n_groups + 1
        children: dict[int, list[int]] = {}
        if self.grouped:
            parent_pos, group_of = cache.parent_pos, cache.group_of
            if filtered:  # keep the parents of a matching subtask, for context
                visible = set(shown)
                extra = set()
                for p in shown:
                    pp = parent_pos[p]
                    while pp >= 0 and pp not in visible and pp not in extra:
                        extra.add(pp)
                        pp = parent_pos[pp]
                if extra:
                    visible |= extra
                    shown = [p for p in order if p in visible]
                owners = [first + parent_pos[p] if parent_pos[p] >= 0 and parent_pos[p] in visible
                          else group_of[p] for p in shown]
            else:
                owners = [first + parent_pos[p] if parent_pos[p] >= 0 else group_of[p]
                          for p in shown]
            for p, owner in zip(shown, owners, strict=True):
                kids = children.get(owner)
                if kids is None:
                    kids = children[owner] = []
                kids.append(first + p)
            children[ROOT] = [g for g in range(1, first) if g in children]
        else:
            children[ROOT] = [first + p for p in shown]
        parentmap: dict[int, int] = {}
        rowmap: dict[int, int] = {}
        for owner, kids in children.items():
            parentmap.update(dict.fromkeys(kids, owner))
            rowmap.update(zip(kids, range(len(kids)), strict=True))
        self._children, self._parentmap, self._rowmap = children, parentmap, rowmap
        self.endResetModel()

    # ---- lookups
    def _node(self, pos: int) -> int:
        return len(self.groups) + 1 + pos

    def row_at(self, index: QModelIndex) -> tuple | None:
        node = index.internalId() if index.isValid() else ROOT
        pos = node - len(self.groups) - 1
        return self.rows[pos] if pos >= 0 else None

    def group_at(self, index: QModelIndex) -> int | None:
        node = index.internalId() if index.isValid() else ROOT
        return node if 1 <= node <= len(self.groups) else None

    def index_of(self, task_id: int, column: int = 0) -> QModelIndex:
        p = self.pos_of.get(task_id)
        if p is None:
            return QModelIndex()
        node = self._node(p)
        row = self._rowmap.get(node)
        return QModelIndex() if row is None else self.createIndex(row, column, node)

    def row_by_id(self, task_id: int) -> tuple | None:
        p = self.pos_of.get(task_id)
        return None if p is None else self.rows[p]

    # ---- QAbstractItemModel
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX
              ) -> QModelIndex:
        owner = parent.internalId() if parent.isValid() else ROOT
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        kids = self._children.get(owner)
        if kids is None or not 0 <= row < len(kids) or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None):  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        owner = self._parentmap.get(index.internalId(), ROOT)
        if owner == ROOT:
            return QModelIndex()
        return self.createIndex(self._rowmap[owner], 0, owner)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = parent.internalId() if parent.isValid() else ROOT
        kids = self._children.get(owner)
        return len(kids) if kids else 0

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == R.DisplayRole:
            return self.column_titles()[section]
        if role == R.ToolTipRole and COLUMNS[section] == "due":
            return self.tr("Sorting by due date puts overdue work first")
        return None

    def column_titles(self) -> list[str]:
        return [self.tr("Task"), self.tr("Phase"), self.tr("Role"), self.tr("Assignee"),
                self.tr("Start"), self.tr("Due"), self.tr("Status"), self.tr("Priority"),
                self.tr("Milestone"), self.tr("Done by / at")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.row_at(index)
        if row is None:
            return Qt.ItemFlag.ItemIsEnabled
        if index.column() == 0 and self.can_tick(row) and row[STATUS] != "cancelled":
            base |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in self.editable_columns:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = R.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index)
        col = index.column()
        if row is None:
            return self._group_data(index.internalId(), col, role)
        if role == R.DisplayRole:
            return self._display(row, col)
        if role == R.EditRole:
            return self._edit_value(row, col)
        if role == R.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if row[STATUS] == "done" else Qt.CheckState.Unchecked
        if role == R.DecorationRole and col == COL["role"] and row[ROLE_COLOR]:
            return self._dot(row[ROLE_COLOR])
        if role == R.ForegroundRole:
            if row[STATUS] in ("done", "cancelled"):
                return QBrush(DONE_FG)
            if col == COL["due"] and self._overdue(row):
                return QBrush(OVERDUE_FG)
            if col == COL["assignee"] and row[ASSIGNEE] is None:
                return QBrush(MUTED_FG)
            return None
        if role == R.BackgroundRole:
            if self._overdue(row):
                return QBrush(OVERDUE_BG)
            if row[MILESTONE]:
                return QBrush(MILESTONE_BG)
            return None
        if role == R.FontRole and (row[MILESTONE] or (col == COL["due"] and self._overdue(row))):
            return self._bold
        if role == R.ToolTipRole:
            return self._tooltip(row, col)
        if role == TASK_ID_ROLE:
            return row[ID]
        if role == ROW_ROLE:
            return row
        if role == OVERDUE_ROLE:
            return self._overdue(row)
        if role == R.TextAlignmentRole and col == COL["milestone"]:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = R.EditRole) -> bool:  # noqa: N802
        row = self.row_at(index) if index.isValid() else None
        if row is None:
            return False
        if role == R.CheckStateRole and index.column() == 0 and self.tick_hook is not None:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if done == (row[STATUS] == "done"):
                return False
            return bool(self.tick_hook(row[ID], done, row[VERSION]))
        if role == R.EditRole and self.edit_hook is not None:
            name = COLUMNS[index.column()]
            if name not in EDIT_FIELDS:
                return False
            if isinstance(value, QDate):
                value = value.toPython() if value.isValid() else None
            if value == self._edit_value(row, index.column()) or (
                    isinstance(value, dt.date) and value.isoformat() == row[START if name == "start" else DUE]):
                return False
            return bool(self.edit_hook(row[ID], EDIT_FIELDS[name], value, row[VERSION]))
        return False

    # ---- cells
    def _overdue(self, row: tuple) -> bool:
        due = row[DUE]
        return due is not None and due < self.today and row[STATUS] in ("todo", "doing", "blocked")

    def _date(self, iso: str | None) -> str:
        text = self._dates.get(iso)
        if text is None:
            text = fmt.short_date(dt.date.fromisoformat(iso[:10]), self.lang) if iso else "—"
            self._dates[iso] = text
        return text

    def _dot(self, code: str) -> QIcon:
        """A small round swatch of the role colour (cached per colour)."""
        icon = self._colors.get(code)
        if icon is None:
            pix = QPixmap(12, 12)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(code))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._colors[code] = QIcon(pix)
        return icon

    def _display(self, row: tuple, col: int):
        zh = self.lang.startswith("zh")
        if col == 0:
            return row[TITLE]
        if col == 1:
            return (row[PHASE_ZH] if zh else row[PHASE_EN]) or "—"
        if col == 2:
            return (row[ROLE_ZH] if zh else row[ROLE_EN]) or "—"
        if col == 3:
            return row[ASSIGNEE_NAME] or self.tr("unassigned")
        if col == 4:
            return self._date(row[START])
        if col == 5:
            return self._date(row[DUE])
        if col == 6:
            return status_name(row[STATUS])
        if col == 7:
            return priority_name(row[PRIORITY])
        if col == 8:
            return "◆" if row[MILESTONE] else ""
        if col == 9:
            if not row[DONE_AT]:
                return ""
            return f"{row[DONE_BY_NAME] or '—'} · {self._date(row[DONE_AT])}"
        return None

    def _edit_value(self, row: tuple, col: int):
        name = COLUMNS[col]
        if name in ("start", "due"):
            iso = row[START if name == "start" else DUE]
            return QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate()
        return {"title": row[TITLE], "role": row[ROLE], "assignee": row[ASSIGNEE],
                "status": row[STATUS], "priority": row[PRIORITY]}.get(name, self._display(row, col))

    def _tooltip(self, row: tuple, col: int):
        if col == COL["due"] and self._overdue(row):
            late = (dt.date.fromisoformat(self.today) - dt.date.fromisoformat(row[DUE])).days
            return self.tr("Overdue by %n day(s)", "", late)
        if col == COL["milestone"] and row[MILESTONE]:
            return self.tr("Milestone")
        if col == 0:
            return row[TITLE]
        return None

    def _group_data(self, node: int, col: int, role: int):
        if not 1 <= node <= len(self.groups):
            return None
        pid, zh, en = self.groups[node - 1]
        if role == R.DisplayRole and col == 0:
            name = (zh if self.lang.startswith("zh") else en) or self.tr("No phase")
            return self.tr("{phase}  ({count})").format(phase=name,
                                                        count=len(self._children.get(node, ())))
        if role == R.FontRole:
            return self._bold
        if role == R.BackgroundRole:
            return QBrush(GROUP_BG)
        return None

    def visible_task_ids(self) -> list[int]:
        """Ids of every task shown (in display order, depth first)."""
        out: list[int] = []
        n_groups = len(self.groups)

        def walk(owner: int) -> None:
            for node in self._children.get(owner, ()):
                if node > n_groups:
                    out.append(self.rows[node - n_groups - 1][ID])
                walk(node)
        walk(ROOT)
        return out
