"""The Tasks view: every task of the plan in a tree (by phase, subtasks under their parent)
or flat, with a filter bar, sorting, inline editing, the task dialog and bulk edits.

Double-click or Enter on a row opens the task side panel for everyone (details, tick-off,
conversation); the manager edits inline (F2 or a click on a selected cell) or in the full
task dialog (Ctrl+E or the context menu). Staff see the same table read-only except the
tick-off checkbox and comments (side panel); the services refuse the rest anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.services.permissions import can_toggle
from opsdesk.ui import heap
from opsdesk.ui.background import Job, run_in_background
from opsdesk.ui.tasks.delegates import STATUSES, TaskDelegate
from opsdesk.ui.tasks.editing import TaskEditing
from opsdesk.ui.tasks.filterbar import FilterBar
from opsdesk.ui.tasks.model import TaskTreeModel
from opsdesk.ui.tasks.state import COL, EDIT_FIELDS, Filters, RowCache
from opsdesk.ui.widgets.one_frame import columns_repaint_now
from opsdesk.ui.widgets.problem_banner import ProblemBanner
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.task_rows import TaskListRow
    from opsdesk.ui.context import AppContext

FIRST_PAGE = 100
"""Rows shown at once (a screenful and more); a bigger plan loads the rest off the GUI
thread."""
EXPAND_ALL_BELOW = 5000
EXPAND_MATCHES_BELOW = 2000
"""A filter matching at most this many tasks of a big plan opens the groups holding them."""
PARTIAL_REFRESH_MAX = 5000
PATCH_NOW = 50
"""A write touching at most this many rows is patched at once (a tick-off, an edit); the rows
of a bigger one are read off the GUI thread first (a bulk edit of 1,000, its undo)."""
KEEP_SELECTION_MAX = 5000
"""A bigger selection is dropped by a filter or sort (putting it back would be slow)."""


class TasksView(Retranslating, TaskEditing, QWidget):
    """The plan's tasks as a sortable, filterable tree (see the module docstring)."""

    sig_open_task = Signal(int)
    """Emitted with a task id on double-click / Enter (the window opens the side panel)."""
    sig_loaded = Signal()
    """Emitted when every row of the plan is in the model."""

    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("tasksView")
        self.ctx, self.window_ = ctx, window
        self.manager = ctx.actor.is_manager and not ctx.store.readonly
        self.shows_manager_tools = ctx.actor.is_manager  # shown (disabled when read-only)
        self.loading = False
        self._shown_once = False
        self._generation = 0
        self._patching: Job | None = None  # the background read of changed rows, while it runs
        self._patch_queue: set[int] = set()  # ids changed meanwhile: read after it
        self._roles: list = []
        self._people: list = []
        self._phases: list = []
        self._swatches: dict = {}
        self.load_problem: ProblemBanner | None = None  # (made on the first failed load)

        # ---- layout
        self.heading = QLabel()
        self.heading.setObjectName("tasksTitle")
        self.count = QLabel()
        self.count.setObjectName("tasksCount")
        self.count.setProperty("class", "muted")
        self.busy = QProgressBar()  # while the rest of a big plan loads: a moving bar
        self.busy.setObjectName("tasksLoading")
        self.busy.setRange(0, 0)  # (no amount known: Qt shows it as busy)
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(80, 10)
        self.busy.hide()
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("tasksToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.filter_bar = FilterBar(ctx.lang)
        self.model = TaskTreeModel(ctx.lang, ctx.today(), self)
        # Grouped by phase: a tree. Flat: a table, which lays out only the rows on screen
        # (a QTreeView walks every top-level row through Python calls: seconds for 100k).
        self.tree_view = QTreeView()
        self.tree_view.setObjectName("tasksTree")
        self.tree_view.setUniformRowHeights(True)
        self.table = QTableView()
        self.table.setObjectName("tasksTable")
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # (as the tree's: uniform)
        self._row_height_set = False
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.delegates = {}
        for item_view in (self.tree_view, self.table):
            item_view.setModel(self.model)
            columns_repaint_now(item_view)  # (fitted columns: no second paint after the first)
            item_view.setAlternatingRowColors(True)
            item_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            item_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            item_view.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                                      | QAbstractItemView.EditTrigger.EditKeyPressed)
            item_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            delegate = TaskDelegate(ctx.lang, lambda: self._roles, lambda: self._people, self)
            item_view.setItemDelegate(delegate)  # (one delegate per view, as Qt asks)
            self.delegates[item_view] = delegate
            header = _header(item_view)
            header.setSortIndicatorClearable(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            item_view.setSortingEnabled(True)
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(COL["title"], QHeaderView.ResizeMode.Stretch)
            for name, width in (("phase", 110), ("role", 100), ("assignee", 90), ("start", 80),
                                ("due", 80), ("status", 80), ("priority", 64), ("milestone", 72),
                                ("done", 130)):
                header.resizeSection(COL[name], width)
            header.setMinimumSectionSize(40)
        self.tree_view.setColumnHidden(COL["phase"], True)  # the groups are the phases
        self.delegate = self.delegates[self.tree_view]
        self.views = QStackedWidget()
        self.views.addWidget(self.tree_view)
        self.views.addWidget(self.table)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.count)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.views, 1)

        self._build_actions()
        self.model.editable_columns = ({COL[c] for c in EDIT_FIELDS} if self.manager else set())
        self.model.can_tick = lambda row: not ctx.store.readonly and can_toggle(ctx.actor, row)
        self.model.edit_hook = self._edit_cell
        self.model.tick_hook = self._tick
        self.model.grouped = ctx.settings.tasks_grouped()
        self.act_group.setChecked(self.model.grouped)
        self.views.setCurrentWidget(self.tree)
        self.model.filters = Filters.from_dict(ctx.settings.tasks_filters())

        for item_view in (self.tree_view, self.table):
            item_view.activated.connect(self._activated)
            item_view.doubleClicked.connect(self._activated)
            item_view.customContextMenuRequested.connect(self._context_menu)
            item_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.filter_bar.sig_changed.connect(self._filters_changed)
        self.filter_bar.sig_saved.connect(ctx.settings.set_tasks_saved_filters)
        self.filter_bar.set_saved(ctx.settings.tasks_saved_filters())
        self._kept: tuple[list[int], int | None] = ([], None)
        self._expanded: set[tuple[str, int | None]] = set()  # opened by the person
        self._expanding = False
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.tree_view.expanded.connect(lambda index: self._expanded_changed(index, True))
        self.tree_view.collapsed.connect(lambda index: self._expanded_changed(index, False))
        self.retranslate_ui()

    @property
    def tree(self) -> QTreeView | QTableView:
        """The item view showing the tasks now: the tree (grouped) or the table (flat)."""
        return self.tree_view if self.model.grouped else self.table

    # ---- actions
    def _action(self, name: str, slot,
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
                manager_only: bool = True) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        act.triggered.connect(slot)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setVisible(self.shows_manager_tools or not manager_only)
        act.setProperty("manager_only", manager_only)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        self.act_new = self._action("taskNew", self.new_task, "Ctrl+N")
        self.act_edit = self._action("taskEdit", self.edit_selected, "Ctrl+E")
        self.act_duplicate = self._action("taskDuplicate", self.duplicate_selected, "Ctrl+D")
        self.act_delete = self._action("taskDelete", self.delete_selected,
                                       QKeySequence.StandardKey.Delete)
        self.act_reschedule = self._action("taskReschedule", self.reschedule_selected, "Ctrl+Shift+M")
        self.act_open = self._action("taskOpen", self._open_current, None, manager_only=False)
        self.act_find = self._action("taskFind", self.focus_filter, QKeySequence.StandardKey.Find,
                                     manager_only=False)
        self.act_group = self._action("taskGroup", self._toggle_grouped, None, manager_only=False)
        self.act_group.setCheckable(True)
        self.assign_menu = QMenu(self)
        self.assign_menu.setObjectName("assignMenu")
        self.status_menu = QMenu(self)
        self.status_menu.setObjectName("statusMenu")
        self.assign_menu.triggered.connect(lambda act: self.assign_selected(act.data()))
        self.assign_menu.aboutToShow.connect(self._fill_assign_menu)
        self._assign_filled = False
        self.status_menu.triggered.connect(lambda act: self.set_status_selected(act.data()))
        self.act_assign = self.assign_menu.menuAction()
        self.act_assign.setObjectName("taskAssign")
        self.act_assign.setVisible(self.shows_manager_tools)
        self.act_assign.setProperty("manager_only", True)
        self.act_status = self.status_menu.menuAction()
        self.act_status.setObjectName("taskStatus")
        self.act_status.setVisible(self.shows_manager_tools)
        self.act_status.setProperty("manager_only", True)
        for act in (self.act_new, self.act_edit, self.act_duplicate, self.act_delete):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for act in (self.act_assign, self.act_reschedule, self.act_status):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_group)
        for act in (self.act_assign, self.act_status):
            button = self.toolbar.widgetForAction(act)
            if isinstance(button, QToolButton):  # (a toolbar's action shows as a tool button)
                button.setPopupMode(button.ToolButtonPopupMode.InstantPopup)
        self._update_actions()

    def _update_actions(self, *_args) -> None:
        n = len(self.selected_ids())
        may = self.manager
        self.act_new.setEnabled(may)
        self.act_edit.setEnabled(may and n == 1)
        for act in (self.act_duplicate, self.act_delete, self.act_assign, self.act_reschedule,
                    self.act_status):
            act.setEnabled(may and n >= 1)
        self.act_open.setEnabled(n >= 1)

    # ---- text
    def retranslate_ui(self) -> None:
        if self.model.lang != self.ctx.lang:  # names and dates follow the interface language
            self.model.lang = self.ctx.lang
            for delegate in self.delegates.values():
                delegate.lang = self.ctx.lang
            self.model._dates.clear()
            self.model.cache.orders.clear()
            self.model.rebuild()
        self.heading.setText(self.tr("Tasks"))
        texts = {
            self.act_new: (self.tr("New task"), self.tr("Add a task to the plan (Ctrl+N)")),
            self.act_edit: (self.tr("Edit…"), self.tr("Everything about the task: notes, "
                                                       "subtasks, links (Ctrl+E)")),
            self.act_duplicate: (self.tr("Duplicate"), self.tr("Copy the selected tasks (Ctrl+D)")),
            self.act_delete: (self.tr("Delete"), self.tr("Delete the selected tasks (Del)")),
            self.act_assign: (self.tr("Assign"), self.tr("Assign the selected tasks to a person")),
            self.act_reschedule: (self.tr("Reschedule…"),
                                  self.tr("Move the selected tasks by a number of days")),
            self.act_status: (self.tr("Set status"), self.tr("Set the status of the selected tasks")),
            self.act_group: (self.tr("Group by phase"),
                             self.tr("Group by phase with subtasks under their parent, or a flat list")),
            self.act_open: (self.tr("Open details"), self.tr("Details and conversation (Enter)")),
            self.act_find: (self.tr("Find"), self.tr("Filter tasks (Ctrl+F)")),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
            act.setStatusTip(tip)
        for item_view in (self.tree_view, self.table):
            item_view.setAccessibleName(self.tr("Tasks of the plan"))
            item_view.setWhatsThis(self.tr("Double-click or press Enter to open a task's details."))
        self.busy.setToolTip(self.tr("The rest of the plan's tasks are loading"))
        self.busy.setAccessibleName(self.busy.toolTip())
        self.filter_bar.retranslate_ui()
        self._fill_menus()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_count()


    def _fill_menus(self) -> None:
        from opsdesk.ui.labels import status_name

        # (each action holds its person or status: the menus' own triggered signal runs
        # them, one connection instead of one per person, which cost 10 ms at 200 people)
        self.assign_menu.clear()  # (its people are listed when it is opened: #17, the first
        self._assign_filled = False  # switch to Tasks does not make 200 actions)
        if self.assign_menu.isVisible():
            self._fill_assign_menu()
        self.status_menu.clear()
        for s in STATUSES:
            self.status_menu.addAction(status_name(s)).setData(s)

    def _fill_assign_menu(self) -> None:
        """Assign to ▸ everyone, listed when the menu opens (after a reload: again)."""
        if self._assign_filled:
            return
        self._assign_filled = True
        self.assign_menu.addAction(self.tr("Nobody (unassigned)")).setData(None)
        self.assign_menu.addSeparator()
        for user_id, name, color in self._people:
            self.assign_menu.addAction(self.delegate_icon(color), name).setData(user_id)

    def delegate_icon(self, color):
        """A square of the role colour (made once per colour: the menu lists everyone)."""
        from opsdesk.ui.tasks.delegates import swatch

        color = color or "#ffffff"
        icon = self._swatches.get(color)
        if icon is None:
            icon = self._swatches[color] = swatch(color)
        return icon

    def _update_count(self) -> None:
        total, shown = len(self.model.rows), self.model.visible_count
        if self.loading:
            text = self.tr("Loading… {shown} shown").format(shown=shown)
        elif shown == total:
            text = self.tr("%n task(s)", "", total)
        else:
            text = self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        self.count.setText(text)
        self.busy.setVisible(self.loading)

    # ---- data
    def refresh(self) -> None:
        """Reload choices and every row (first page now, the rest off the GUI thread)."""
        plan_id = self.ctx.plan_id
        if plan_id is None:
            return
        services, zh = self.ctx.services, self.ctx.lang.startswith("zh")
        self._generation += 1
        self._patch_queue.clear()  # (a patch under way is moot: generation)
        first = services.tasks.plan_rows(plan_id, limit=FIRST_PAGE)
        self.loading = len(first) >= FIRST_PAGE
        if self.loading:  # the rest is read meanwhile (first of all: it takes longest)
            self._load_all(plan_id, self._generation)
        self._phases = services.tasks.phases(plan_id)
        self._roles = [(r.id, r.name_zh if zh else r.name_en, r.color) for r in services.people.roles()]
        role_colors = {r[0]: r[2] for r in self._roles}
        self._people = [(u.id, u.name, role_colors.get(u.role_id)) for u in services.people.users()]
        self.filter_bar.set_choices([(p.id, p.name_zh if zh else p.name_en, p.color)
                                     for p in self._phases], self._roles, self._people)
        self.filter_bar.set_filters(self.model.filters, emit=False)
        # A remembered phase or person that is not a choice any more (another plan or
        # database, a person deactivated) shows as "All phases"/"Everyone": filter so too.
        self.model.filters = self.filter_bar.filters()
        self._fill_menus()
        self._fit_name_columns()
        if self.load_problem is not None:
            self.load_problem.clear()
        scroll = self.tree.verticalScrollBar().value()
        self.filter_bar.row_count = len(first)
        self.model.set_rows(first)  # (the selection is kept through the reset)
        self.tree.verticalScrollBar().setValue(scroll)
        if not self._shown_once and not self.loading:
            self._shown_once = True
            self._scroll_to_open_work()
        if not self.loading:
            self.sig_loaded.emit()

    def _fit_name_columns(self) -> None:
        """Role and Assignee as wide as their longest name in this language (issue #16:
        "Customer …" at every width), never narrower than the default."""
        for item_view in self.delegates:
            header = _header(item_view)
            fm = item_view.fontMetrics()
            for col, names, extra, default in (
                    (COL["role"], [r[1] for r in self._roles], 28, 100),
                    (COL["assignee"], [p[1] for p in self._people], 16, 90)):
                need = max((fm.horizontalAdvance(n) for n in names if n), default=0) + extra
                header.resizeSection(col, min(max(default, need), 180))

    def _scroll_to_open_work(self) -> None:
        """Open at the first unfinished task (the finished past stays above, a scroll away)."""
        for task_id in self.model.visible_task_ids():
            row = self.model.row_by_id(task_id)
            if row is not None and row.status in ("todo", "doing", "blocked"):
                index = self.model.index_of(task_id)
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
                return

    def _load_all(self, plan_id: int, generation: int) -> None:
        """Every row off the GUI thread; a newer refresh (generation) makes this one moot."""
        services = self.ctx.services
        run_in_background(self, lambda _progress: RowCache(services.tasks.plan_table(plan_id)),
                          lambda cache: self._full_loaded(cache, generation),
                          lambda error: self._load_failed(error, generation))

    def _load_failed(self, error, generation: int) -> None:
        """The first page stays; the view says why the rest is missing and offers to retry."""
        if generation != self._generation:
            return
        self.loading = False
        if self.load_problem is None:
            self.load_problem = ProblemBanner(self)
            self.load_problem.sig_retry.connect(self.refresh)
            layout = cast(QVBoxLayout, self.layout())  # (made in __init__)
            layout.insertWidget(layout.indexOf(self.views), self.load_problem)
        self.load_problem.show_problem(error)
        self._update_count()

    def _full_loaded(self, cache, generation: int) -> None:
        if generation != self._generation:
            return
        scroll = self.tree.verticalScrollBar().value()
        self.loading = False
        self.filter_bar.row_count = len(cache.rows)
        self.model.set_rows(cache)
        self.tree.verticalScrollBar().setValue(scroll)
        heap.keep()
        self.sig_loaded.emit()

    def on_changes(self, changes: Changes) -> None:
        if changes.plan_id is not None and changes.plan_id != self.ctx.plan_id:
            return
        if changes.plans or changes.people:
            self.refresh()
            return
        if not changes.tasks:
            return
        ids = changes.ids
        if ids and len(ids) <= PARTIAL_REFRESH_MAX and not self.loading \
                and self.ctx.plan_id is not None:
            if len(ids) <= PATCH_NOW and self._patching is None:
                self._patch(self.ctx.services.tasks.plan_rows(self.ctx.plan_id, ids=ids), ids)
            else:  # (after a read under way, so an older read never overwrites a newer one)
                self._patch_queue |= ids
                if self._patching is None:
                    self._read_patch()
            return
        self.refresh()

    def _patch(self, rows: list[TaskListRow], ids) -> None:
        """Rows in place, new ones added; a reload when some went or moved (another parent
        or phase)."""
        if len(rows) == len(ids) and self.model.update_rows(rows):
            self.filter_bar.row_count = len(self.model.rows)
            self._update_actions()
        else:
            self.refresh()

    def _read_patch(self) -> None:
        """The queued rows read off the GUI thread, patched when read."""
        ids, self._patch_queue = frozenset(self._patch_queue), set()
        self._patching = None
        if not ids:
            return
        tasks, plan_id, generation = self.ctx.services.tasks, self.ctx.plan_id, self._generation
        if plan_id is None:  # (the plan was closed meanwhile)
            return

        def patched(rows) -> None:
            if generation == self._generation and not self.loading:
                self._patch(rows, ids)
            self._read_patch()

        def failed(_error) -> None:  # (read again in full: it says what went wrong)
            self._patching = None
            if generation == self._generation:
                self.refresh()
            else:
                self._read_patch()

        self._patching = run_in_background(
            self, lambda _progress: tasks.plan_rows(plan_id, ids=ids), patched, failed)

    # ---- what survives a reset (load, filter, sort, grouping)
    def _before_reset(self) -> None:
        """Remember the selection and the current task of the view shown (the model still
        has its old shape here); ``_after_reset`` puts them back where they are now."""
        shown = cast(QAbstractItemView, self.views.currentWidget())  # (the tree or the table)
        select = shown.selectionModel()
        ids: list[int] = []
        # (QItemSelection is a list of ranges at run time; its stub has no __iter__)
        if select.hasSelection() and sum(r.height() for r in select.selection()) <= KEEP_SELECTION_MAX:  # type: ignore[attr-defined]
            ids = self._ids_at(select.selectedRows(0))
        current = self.model.row_at(shown.currentIndex())
        self._kept = (ids, current.id if current else None)

    def _after_reset(self) -> None:
        model, tree = self.model, self.tree_view
        if model.grouped:
            self._expanding = True
            if len(model.rows) <= EXPAND_ALL_BELOW:
                tree.expandAll()
                self._expanded.clear()
            elif not model.filters.is_empty() and model.visible_count <= EXPAND_MATCHES_BELOW:
                # a filter shows what it found: every group holding a match opens (only
                # matches and their parents are shown); what the person opened themselves
                # is kept apart, so clearing the filter folds back to just that
                tree.expandAll()
            else:  # a big plan opens with its phases folded; what the person opened stays open
                for key in list(self._expanded):
                    index = self._index_of_node(key)
                    if index.isValid():
                        tree.expand(index)
            self._expanding = False
        if not self._row_height_set and model.rowCount() and not model.grouped:
            self._row_height_set = True  # the table's rows as high as the tree's (one row asked)
            self.table.verticalHeader().setDefaultSectionSize(self.table.sizeHintForRow(0))
        ids, current = self._kept
        self._kept = ([], None)
        view = self.tree
        if ids:
            selection = QItemSelection()
            for task_id in ids:
                index = model.index_of(task_id)
                if index.isValid():
                    selection.select(index, index)
            view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select
                                         | QItemSelectionModel.SelectionFlag.Rows)
        if current is not None:
            index = model.index_of(current)
            if index.isValid():  # (without scrolling to it, which would open its phase)
                auto = view.hasAutoScroll()
                view.setAutoScroll(False)
                view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                view.setAutoScroll(auto)
        self._update_count()
        self._update_actions()

    def _node_key(self, index) -> tuple[str, int | None] | None:
        group = self.model.group_at(index)
        if group is not None:
            return ("phase", self.model.groups[group - 1][0])
        row = self.model.row_at(index)
        return ("task", row.id) if row is not None else None

    def _index_of_node(self, key: tuple[str, int | None]):
        kind, ident = key
        if kind == "task":
            assert ident is not None  # (a task's key holds its id)
            return self.model.index_of(ident)
        return self.model.index_of_phase(ident)

    def _expanded_changed(self, index, expanded: bool) -> None:
        if self._expanding:
            return
        key = self._node_key(index)
        if key is not None:
            if expanded:
                self._expanded.add(key)
            else:
                self._expanded.discard(key)

    # ---- filters
    def _filters_changed(self, filters: Filters) -> None:
        self.model.set_filters(filters)
        self.ctx.settings.set_tasks_filters(filters.to_dict())

    def focus_default(self) -> None:
        """Focus the tasks (when the view is chosen with Ctrl+1…9)."""
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    def _toggle_grouped(self, grouped: bool) -> None:
        if grouped == self.model.grouped:
            return
        had_focus = self.tree.hasFocus()
        self.model.set_grouped(grouped)  # (the selection is kept through the reset)
        shown = self.tree
        header = _header(shown)  # the new view shows the sort the model has
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.blockSignals(False)
        self.views.setCurrentWidget(shown)
        if shown.currentIndex().isValid():
            shown.scrollTo(shown.currentIndex())
        if had_focus:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ctx.settings.set_tasks_grouped(grouped)

    # ---- selection
    def selected_rows(self) -> list[TaskListRow]:
        """The tasks of the selected rows, in selection order: read range by range, one
        index per row (``selectedRows()`` asks the model for every cell of every row)."""
        model, rows, seen = self.model, [], set()
        for part in self.tree.selectionModel().selection():  # type: ignore[attr-defined]  # (iterable at run time; not in the stub)
            for pos in model.positions_in(part.parent(), part.top(), part.bottom()):
                row = model.rows[pos]
                if row.id not in seen:
                    seen.add(row.id)
                    rows.append(row)
        return rows

    def _rows_at(self, indexes) -> list[TaskListRow]:
        rows, seen = [], set()
        for index in indexes:
            row = self.model.row_at(index)
            if row is not None and row.id not in seen:
                seen.add(row.id)
                rows.append(row)
        return rows

    def _ids_at(self, indexes) -> list[int]:
        return [r.id for r in self._rows_at(indexes)]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def select_ids(self, ids: list[int]) -> None:
        select = self.tree.selectionModel()
        select.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for task_id in ids:
            index = self.model.index_of(task_id)
            if index.isValid():
                select.select(index, flags)

    def _activated(self, index) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.sig_open_task.emit(row.id)

    def _open_current(self) -> None:
        self._activated(self.tree.currentIndex())

    def _context_menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        row = self.model.row_at(index) if index.isValid() else None
        menu = QMenu(self)
        if row is not None:
            menu.addAction(self.act_open)
            if self.model.can_tick(row):
                done = row.status == "done"
                act = menu.addAction(self.tr("Reopen") if done else self.tr("Tick off"))
                act.triggered.connect(lambda: self._tick(row.id, not done, row.version))
            comment = menu.addAction(self.tr("Comment…"))
            comment.triggered.connect(lambda: self.sig_open_task.emit(row.id))
        if self.manager:
            menu.addSeparator()
            for act in (self.act_new, self.act_edit, self.act_duplicate, self.act_delete):
                menu.addAction(act)
            menu.addSeparator()
            menu.addMenu(self.assign_menu)
            menu.addAction(self.act_reschedule)
            menu.addMenu(self.status_menu)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def _header(item_view: QTreeView | QTableView) -> QHeaderView:
    return item_view.header() if isinstance(item_view, QTreeView) else item_view.horizontalHeader()


def preview() -> None:  # pragma: no cover - manual look: python -m opsdesk.ui.tasks.view
    import sys

    from opsdesk.cli import main

    sys.exit(main(["shot", "--view", "tasks", "--out", "tasks.png"]))


if __name__ == "__main__":  # pragma: no cover
    preview()
