"""The Tasks view's item model: a plan's tasks (``RowCache`` over a ``TaskTable``, each
``TaskListRow`` made when asked for), grouped by phase (subtasks under their parent) or
flat; filtering and sorting are done in Python over the cache's columns, never in SQL.

Implements QAbstractItemModel (https://doc.qt.io/qt-6/qabstractitemmodel.html). Node ids
(``internalId``): 1…G are phase groups, G+1+p is the task at cache position p.

A reset (filter, sort, load) only computes the positions shown and, grouped, how many
children each node has; which row a task is in, and the children of an expanded node,
are worked out when the view first asks (a big plan opens with its phases folded).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QModelRoleData,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from opsdesk.services.task_rows import TaskListRow, TaskTable
from opsdesk.ui import fmt
from opsdesk.ui.labels import priority_name, status_name
from opsdesk.ui.tasks.state import COL, COLUMNS, EDIT_FIELDS, Filters, RowCache, Rows, apply_filters

R = Qt.ItemDataRole
F = Qt.ItemFlag
TASK_ID_ROLE = R.UserRole + 1
ROW_ROLE = R.UserRole + 2
OVERDUE_ROLE = R.UserRole + 3
ROOT = 0
_NO_INDEX = QModelIndex()
N_COLUMNS = len(COLUMNS)

OVERDUE_FG = QColor("#c62828")
DONE_FG = QColor("#80868b")
MUTED_FG = QColor("#9aa0a6")
MILESTONE_BG = QColor(255, 193, 7, 40)
OVERDUE_BG = QColor(229, 57, 53, 22)
GROUP_BG = QColor("#eef1f5")
# (the quick paint's brushes: one each, shared by every cell; the delegate never changes them)
_OVERDUE_BG, _MILESTONE_BG = QBrush(OVERDUE_BG), QBrush(MILESTONE_BG)
_OVERDUE_FG, _DONE_FG, _MUTED_FG = QBrush(OVERDUE_FG), QBrush(DONE_FG), QBrush(MUTED_FG)

# data() is asked several roles per painted cell: plain ints compare fastest
_DISPLAY, _EDIT, _CHECK, _DECORATION = int(R.DisplayRole), int(R.EditRole), int(R.CheckStateRole), int(R.DecorationRole)
_FOREGROUND, _BACKGROUND, _FONT = int(R.ForegroundRole), int(R.BackgroundRole), int(R.FontRole)
_TOOLTIP, _ALIGN = int(R.ToolTipRole), int(R.TextAlignmentRole)
_TASK_ID, _ROW, _OVERDUE = int(TASK_ID_ROLE), int(ROW_ROLE), int(OVERDUE_ROLE)
_TASK_ROLES = frozenset((_DISPLAY, _EDIT, _CHECK, _DECORATION, _FOREGROUND, _BACKGROUND, _FONT,
                         _TOOLTIP, _ALIGN, _TASK_ID, _ROW, _OVERDUE))
_DONE_LIKE = ("done", "cancelled", "skipped")
LOOKS_KEPT = 2048
"""Rows whose cells' looks are kept (a screen shows a few dozen)."""
_OPEN = ("todo", "doing", "blocked")
LOOKUPS_BEFORE_MAP = 16
"""Rows of a node found by searching its children before a map of them is made."""
_COL_ROLE, _COL_ASSIGNEE, _COL_DUE, _COL_MILESTONE = COL["role"], COL["assignee"], COL["due"], COL["milestone"]


class TaskTreeModel(QAbstractItemModel):
    """Every task of a plan; ``edit_hook(task_id, field, value, version)`` carries out edits
    and ``tick_hook(task_id, done, version)`` tick-offs (the view routes them to services)."""

    def __init__(self, lang: str = "en", today: dt.date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = (today or dt.date.today()).isoformat()
        self.cache = RowCache([])
        self.rows: Rows = self.cache.rows
        self.groups: list[tuple[int | None, str, str]] = []  # (phase id, name zh, name en)
        self.grouped = True
        self.filters = Filters()
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.can_tick: Callable[[TaskListRow], bool] = lambda row: False
        self.edit_hook: Callable[[int, str, object, int], bool] | None = None
        self.tick_hook: Callable[[int, bool, int], bool] | None = None
        self._first = 1  # node id of cache position 0
        self._top: list[int] = []  # ROOT's children: group nodes (grouped) or positions (flat)
        self._shown: list[int] = []  # positions shown, in display order
        self._counts: dict[int, int] = {}  # grouped: node -> number of children shown
        self._totals: dict[int, int] = {}  # grouped: group node -> every task shown in it
        self._kids: dict[int, list[int]] = {}  # node -> child positions (on demand)
        self._row_maps: dict[int, dict[int, int]] = {}  # node -> {child: row} (on demand)
        self._asked: dict[int, int] = {}  # node -> rows looked up without a map
        self._stale = True  # rows changed (or nothing built yet) since the last rebuild
        self._matched: tuple[Filters, list[int] | None, list[int]] = (Filters(), None, [])
        """The last filters, the order they were applied to and what passed (typing more
        of a word filters only what passed before)."""
        self._dates: dict[str | None, str] = {}
        self._looks: dict[int, list[tuple]] = {}  # position -> its cells' looks (cell_look)
        for changed in (self.modelAboutToBeReset, self.modelReset, self.dataChanged,
                        self.layoutChanged, self.rowsInserted, self.rowsRemoved,
                        self.rowsMoved):
            changed.connect(self._forget_looks)
        self._colors: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._group_flags = F.ItemIsEnabled
        self._editable: set[int] = set()
        self._flags: list[tuple[F, F]] = []
        self.editable_columns = set()
        self.visible_count = 0

    @property
    def editable_columns(self) -> set[int]:
        return self._editable

    @editable_columns.setter
    def editable_columns(self, columns: set[int]) -> None:
        """Columns the person may edit; the flags of every column are worked out once here
        (combining Qt flags is slow in Python, and ``flags()`` runs for every row laid out)."""
        self._editable = set(columns)
        plain = F.ItemIsEnabled | F.ItemIsSelectable
        self._flags = []
        for col in range(N_COLUMNS):
            f = plain | F.ItemIsEditable if col in self._editable else plain
            self._flags.append((f, f | F.ItemIsUserCheckable if col == 0 else f))

    # ---- loading
    def set_rows(self, rows: list[TaskListRow] | TaskTable | RowCache) -> None:
        """Replace the cache (a new plan or a reload) and rebuild what is shown."""
        self.rebuild(rows if isinstance(rows, RowCache) else RowCache(rows))

    def pos_of(self, task_id: int) -> int | None:
        """The position of a task in ``rows`` (None: not loaded)."""
        return self.cache.table.pos(task_id)

    def update_rows(self, rows: Iterable[TaskListRow]) -> bool:
        """Refresh rows in place (an edit) and add new ones (tasks created: shown at once,
        not after a reload of the whole plan); False when the shape changed and a reload is
        due. Rows stay where they are until the next filter or sort (no jumping under the
        mouse), except when rows were added (the model is reset)."""
        changed, new = [], []
        table = self.cache.table
        parents, phases = table.parent_id, table.phase_id
        for r in rows:
            p = table.pos(r.id)
            if p is None:
                new.append(r)
                continue
            if parents[p] != (r.parent_id or 0) or phases[p] != (r.phase_id or 0):
                return False
            changed.append((p, r))
        if new:
            if not self.cache.add(new):
                return False
            for p, r in changed:
                self.cache.replace(p, r)
            self._matched = (Filters(), None, [])
            self.rebuild(self.cache)  # (its groups may be new)
            return True
        spans: dict[int, tuple[int, int]] = {}  # owner node → first and last row changed
        for p, r in changed:
            self.cache.replace(p, r)
            owner = self._owner(p)
            row = self._row_in(owner, p)
            if row is not None:
                lo, hi = spans.get(owner, (row, row))
                spans[owner] = (min(lo, row), max(hi, row))
        if changed:
            self._stale = True
            self._matched = (Filters(), None, [])  # (an edited row may pass now)
        # One dataChanged per parent over the rows it spans, not one per row: the views
        # answer each signal with dozens of index()/parent() calls (1,000 rows of a bulk
        # edit took seconds on the GUI thread); they repaint only what is on screen anyway.
        for owner, (lo, hi) in spans.items():
            parent = self._node_index(owner)
            self.dataChanged.emit(self.index(lo, 0, parent), self.index(hi, N_COLUMNS - 1, parent))
        return True

    def _node_index(self, node: int) -> QModelIndex:
        """The index (column 0) of a group or task node; invalid for ROOT."""
        if node == ROOT:
            return QModelIndex()
        owner = ROOT if node < self._first or not self.grouped else self._owner(node - self._first)
        row = self._row_in(owner, node if node < self._first else node - self._first)
        return QModelIndex() if row is None else self.createIndex(row, 0, node)

    def positions_in(self, parent: QModelIndex | QPersistentModelIndex, top: int,
                     bottom: int) -> list[int]:
        """Row positions (into ``rows``) of rows ``top``…``bottom`` under ``parent``, without
        making an index per row (a selection of 1,000 scattered rows is read this way)."""
        if not parent.isValid():
            top_nodes = self._top[top:bottom + 1]
            return [n - self._first for n in top_nodes if n >= self._first] if self.grouped \
                else list(top_nodes)
        if parent.column() != 0:
            return []
        return list(self._children(parent.internalId())[top:bottom + 1])

    # ---- filter, sort, group
    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.rebuild()

    def set_grouped(self, grouped: bool) -> None:
        self.rebuild(grouped=grouped)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # A view's sortByColumn() sorts twice (through the header's signal, then directly):
        # the second time nothing changed, so nothing is done.
        if (column, order) == (self.sort_column, self.sort_order) and not self._stale:
            return
        self.sort_column, self.sort_order = column, order
        self.rebuild()

    def rebuild(self, cache: RowCache | None = None, grouped: bool | None = None) -> None:
        """Recompute what is shown (after a filter or sort, a load of ``cache``, or a change
        of ``grouped``)."""
        self.beginResetModel()  # (the views see the old shape while it runs)
        if grouped is not None:
            self.grouped = grouped
        if cache is not None:
            self.cache = cache
            self.rows, self.groups = cache.rows, cache.groups
        cache = self.cache
        self._first = first = len(self.groups) + 1
        column = COLUMNS[self.sort_column] if 0 <= self.sort_column < N_COLUMNS else None
        order = cache.order(column, self.sort_order == Qt.SortOrder.DescendingOrder,
                            self.today, self.lang)
        filtered = not self.filters.is_empty()
        shown = order
        if not filtered:
            self._matched = (Filters(), None, [])
        else:
            last_filters, last_order, last_matched = self._matched
            narrower = last_order is order and self.filters.narrows(last_filters)
            shown = apply_filters(cache, last_matched if narrower else order, self.filters,
                                  self.today)
            self._matched = (self.filters, order, shown)
        self.visible_count = len(shown)
        if self.grouped:
            if filtered:  # keep the parents of a matching subtask, for context
                owner_of = cache.owner_of
                visible = set(shown)
                extra = set()
                for p in shown:
                    pp = owner_of[p] - first  # (the parent's position; < 0: a group)
                    while pp >= 0 and pp not in visible and pp not in extra:
                        extra.add(pp)
                        pp = owner_of[pp] - first
                if extra:
                    visible |= extra
                    shown = [p for p in order if p in visible]
            # every row's owner (its parent task, else its phase) is shown with it; every
            # task shown under a group, subtasks too (its label; rowCount stays direct)
            if filtered:
                counts = Counter(map(cache.owner_of.__getitem__, shown))
                totals = Counter(map(cache.group_of.__getitem__, shown))
            else:  # (every row: counted once per load, off the GUI thread)
                counts, totals = cache.counts, cache.totals
            self._top = [g for g in range(1, first) if g in counts]
            self._counts = counts
            self._totals = totals
        else:
            self._top = shown
            self._counts = {}
            self._totals = {}
        self._shown = shown
        self._kids = {}
        self._row_maps = {}
        self._asked = {}
        self._stale = False
        self.endResetModel()

    # ---- tree shape, worked out on demand
    def _children(self, node: int) -> list[int]:
        """The children of ``node``: group nodes or positions for ROOT (as ``_top``), else
        the positions of the tasks under a group or a parent task, in display order."""
        if node == ROOT:
            return self._top
        kids = self._kids.get(node)
        if kids is None:
            owner_of, first = self.cache.owner_of, self._first
            if node < first:  # a phase group: one pass over what is shown
                kids = self._kids[node] = [p for p in self._shown if owner_of[p] == node]
            else:  # the subtasks of every parent at once (usually a small part of the rows)
                for parent in self._counts:
                    if parent >= first:
                        self._kids[parent] = []
                for p in [p for p in self._shown if owner_of[p] >= first]:
                    self._kids[owner_of[p]].append(p)
                kids = self._kids.setdefault(node, [])
        return kids

    def _row_in(self, node: int, child: int) -> int | None:
        """The row of ``child`` (a group node or a position) among ``node``'s children: a
        search for the first few asked, then a map (every row of an expanded node)."""
        rows = self._row_maps.get(node)
        if rows is None:
            kids = self._children(node)
            asked = self._asked[node] = self._asked.get(node, 0) + 1
            if asked <= LOOKUPS_BEFORE_MAP or len(kids) <= 8:
                try:
                    return kids.index(child)
                except ValueError:
                    return None
            rows = self._row_maps[node] = dict(zip(kids, range(len(kids)), strict=True))
        return rows.get(child)

    def _owner(self, pos: int) -> int:
        return self.cache.owner_of[pos] if self.grouped else ROOT

    # ---- lookups
    def _node(self, pos: int) -> int:
        return self._first + pos

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> TaskListRow | None:
        node = index.internalId() if index.isValid() else ROOT
        pos = node - self._first
        return self.rows[pos] if pos >= 0 else None

    def group_at(self, index: QModelIndex) -> int | None:
        node = index.internalId() if index.isValid() else ROOT
        return node if 1 <= node < self._first else None

    def index_of(self, task_id: int, column: int = 0) -> QModelIndex:
        p = self.pos_of(task_id)
        if p is None:
            return QModelIndex()
        row = self._row_in(self._owner(p), p)
        return QModelIndex() if row is None else self.createIndex(row, column, self._first + p)

    def index_of_phase(self, phase_id: int | None) -> QModelIndex:
        """The group row of a phase (grouped, when it has tasks shown)."""
        if self.grouped:
            for row, node in enumerate(self._top):
                if self.groups[node - 1][0] == phase_id:
                    return self.createIndex(row, 0, node)
        return QModelIndex()

    def row_by_id(self, task_id: int) -> TaskListRow | None:
        p = self.pos_of(task_id)
        return None if p is None else self.rows[p]

    # ---- QAbstractItemModel
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX
              ) -> QModelIndex:
        if not 0 <= column < N_COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            top = self._top
            if row >= len(top):
                return QModelIndex()
            return self.createIndex(row, column, top[row] if self.grouped else self._first + top[row])
        if parent.column() != 0:
            return QModelIndex()
        kids = self._children(parent.internalId())
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, self._first + kids[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None):
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid() or not self.grouped:
            return QModelIndex()
        pos = index.internalId() - self._first
        if pos < 0:  # a group
            return QModelIndex()
        owner = self.cache.owner_of[pos]
        if owner < self._first:  # under its phase group
            row = self._row_in(ROOT, owner)
        else:
            row = self._row_in(self.cache.owner_of[owner - self._first], owner - self._first)
        assert row is not None  # (an owner is always among its own parent's children)
        return self.createIndex(row, 0, owner)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0:
            return 0
        return self._counts.get(parent.internalId(), 0)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:  # noqa: N802
        return N_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < N_COLUMNS:
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
            return F.NoItemFlags
        pos = index.internalId() - self._first
        if pos < 0:
            return self._group_flags
        col = index.column()
        plain, tickable = self._flags[col]
        if col == 0:
            row = self.rows[pos]
            if self.can_tick(row):  # (never a cancelled task: permissions.can_toggle)
                return tickable
        return plain

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = R.DisplayRole):
        if role not in _TASK_ROLES or not index.isValid():
            return None
        pos = index.internalId() - self._first
        if pos < 0:
            return self._group_data(index.internalId(), index.column(), role)
        return self._value(self.rows[pos], index.column(), role)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:  # noqa: N802, N803
        """Every role a delegate paints a cell with, in one call (Qt 6's delegates ask
        this instead of ``data()`` once per role: seven Python calls become one)."""
        if isinstance(roleDataSpan, QModelRoleData):  # (Python callers may pass one)
            roleDataSpan = (roleDataSpan,)
        if not index.isValid():
            for item in roleDataSpan:
                item.clearData()
            return
        node, col = index.internalId(), index.column()
        pos = node - self._first
        row = self.rows[pos] if pos >= 0 else None
        for item in roleDataSpan:
            role = item.role()
            if role not in _TASK_ROLES:
                value = None
            elif row is None:
                value = self._group_data(node, col, role)
            else:
                value = self._value(row, col, role)
            if value is None:
                item.clearData()  # (the delegate reuses the span from cell to cell)
            else:
                item.setData(value)

    def cell_look(self, index: QModelIndex) -> tuple | None:
        """How a task's cell looks: (text, background, foreground, bold, checked or None,
        icon or None) — what the delegate's quick paint needs, in one call (None for a
        phase group). A row's looks are worked out together, the first time one of its
        cells is painted, and kept until the model changes (``_forget_looks``)."""
        pos = index.internalId() - self._first
        if pos < 0:
            return None
        looks = self._looks.get(pos)
        if looks is None:
            if len(self._looks) >= LOOKS_KEPT:
                self._looks.clear()
            looks = self._looks[pos] = self._row_looks(self.rows[pos])
        return looks[index.column()]

    def _row_looks(self, row: TaskListRow) -> list[tuple]:
        """``cell_look`` of each column of ``row``: the rules of ``_value`` (background,
        foreground, font) with what they share worked out once."""
        overdue = self._overdue(row)
        background = _OVERDUE_BG if overdue else _MILESTONE_BG if row.is_milestone else None
        faded = _DONE_FG if row.status in _DONE_LIKE else None
        milestone, display = bool(row.is_milestone), self._display
        dot = self._dot(row.role_color) if row.role_color else None
        looks = []
        for col in range(N_COLUMNS):
            foreground = faded
            if foreground is None:
                if col == _COL_DUE and overdue:
                    foreground = _OVERDUE_FG
                elif col == _COL_ASSIGNEE and row.assignee_id is None:
                    foreground = _MUTED_FG
            looks.append((display(row, col), background, foreground,
                          milestone or (col == _COL_DUE and overdue),
                          row.status == "done" if col == 0 else None,
                          dot if col == _COL_ROLE else None))
        return looks

    def _forget_looks(self, *_signal) -> None:
        self._looks.clear()

    def _value(self, row: TaskListRow, col: int, role: int):
        """The value of one role of a task's cell (None: nothing)."""
        if role == _DISPLAY:
            return self._display(row, col)
        if role == _BACKGROUND:
            if self._overdue(row):
                return QBrush(OVERDUE_BG)
            return QBrush(MILESTONE_BG) if row.is_milestone else None
        if role == _FOREGROUND:
            if row.status in _DONE_LIKE:
                return QBrush(DONE_FG)
            if col == _COL_DUE and self._overdue(row):
                return QBrush(OVERDUE_FG)
            if col == _COL_ASSIGNEE and row.assignee_id is None:
                return QBrush(MUTED_FG)
            return None
        if role == _FONT:
            if row.is_milestone or (col == _COL_DUE and self._overdue(row)):
                return self._bold
            return None
        if role == _CHECK:
            if col != 0:
                return None
            return Qt.CheckState.Checked if row.status == "done" else Qt.CheckState.Unchecked
        if role == _DECORATION:
            return self._dot(row.role_color) if col == _COL_ROLE and row.role_color else None
        if role == _ALIGN:
            return Qt.AlignmentFlag.AlignCenter if col == _COL_MILESTONE else None
        if role == _EDIT:
            return self._edit_value(row, col)
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        if role == _TASK_ID:
            return row.id
        if role == _ROW:
            return row
        if role == _OVERDUE:
            return self._overdue(row)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = R.EditRole) -> bool:  # noqa: N802
        row = self.row_at(index) if index.isValid() else None
        if row is None:
            return False
        if role == R.CheckStateRole and index.column() == 0 and self.tick_hook is not None:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if done == (row.status == "done"):
                return False
            return bool(self.tick_hook(row.id, done, row.version))
        if role == R.EditRole and self.edit_hook is not None:
            name = COLUMNS[index.column()]
            if name not in EDIT_FIELDS:
                return False
            if isinstance(value, QDate):
                value = value.toPython() if value.isValid() else None
            if value == self._edit_value(row, index.column()) or (
                    isinstance(value, dt.date) and value.isoformat() == (row.start if name == "start" else row.due)):
                return False
            return bool(self.edit_hook(row.id, EDIT_FIELDS[name], value, row.version))
        return False

    # ---- cells
    def _overdue(self, row: TaskListRow) -> bool:
        due = row.due
        return due is not None and due < self.today and row.status in _OPEN

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

    def _display(self, row: TaskListRow, col: int):
        if col == 0:
            return row.title
        zh = self.lang.startswith("zh")
        if col == 1:
            return (row.phase_zh if zh else row.phase_en) or "—"
        if col == 2:
            return (row.role_zh if zh else row.role_en) or "—"
        if col == 3:
            return row.assignee_name or self.tr("unassigned")
        if col == 4:
            return self._date(row.start)
        if col == 5:
            return self._date(row.due)
        if col == 6:
            return status_name(row.status)
        if col == 7:
            return priority_name(row.priority)
        if col == 8:
            return "◆" if row.is_milestone else ""
        if col == 9:
            if not row.done_at:
                return ""
            return f"{row.done_by_name or '—'} · {self._date(row.done_at)}"
        return None

    def _edit_value(self, row: TaskListRow, col: int):
        name = COLUMNS[col]
        if name in ("start", "due"):
            iso = row.start if name == "start" else row.due
            return QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate()
        return {"title": row.title, "role": row.role_id, "assignee": row.assignee_id,
                "status": row.status, "priority": row.priority}.get(name, self._display(row, col))

    def _tooltip(self, row: TaskListRow, col: int):
        if col == _COL_DUE and row.due is not None and self._overdue(row):
            late = (dt.date.fromisoformat(self.today) - dt.date.fromisoformat(row.due)).days
            return self.tr("Overdue by %n day(s)", "", late)
        if col == _COL_MILESTONE and row.is_milestone:
            return self.tr("Milestone")
        if col == 0:
            return row.title
        return None

    def _group_data(self, node: int, col: int, role: int):
        if not 1 <= node < self._first:
            return None
        pid, zh, en = self.groups[node - 1]
        if role == _DISPLAY and col == 0:
            name = (zh if self.lang.startswith("zh") else en) or self.tr("No phase")
            return self.tr("{phase}  ({count})").format(phase=name,
                                                        count=self._totals.get(node, 0))
        if role == _FONT:
            return self._bold
        if role == _BACKGROUND:
            return QBrush(GROUP_BG)
        return None

    def visible_task_ids(self) -> list[int]:
        """Ids of every task shown (in display order, depth first)."""
        ids, first = self.cache.table.id, self._first
        if not self.grouped:
            return [ids[p] for p in self._top]
        out: list[int] = []

        def walk(node: int) -> None:
            for p in self._children(node):
                out.append(ids[p])
                if self._counts.get(first + p):
                    walk(first + p)
        for group in self._top:
            walk(group)
        return out
