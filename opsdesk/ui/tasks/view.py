"""The Tasks view: every task of the plan in a tree (by phase, subtasks under their parent)
or flat, with a filter bar, sorting, inline editing, the task dialog and bulk edits.

Double-click or Enter on a row opens the task side panel for everyone (details, tick-off,
conversation); the manager edits inline (F2 or a click on a selected cell) or in the full
task dialog (Ctrl+E or the context menu). Staff see the same table read-only except the
tick-off checkbox and comments (side panel); the services refuse the rest anyway.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.services.permissions import can_tick
from opsdesk.services.task_rows import ASSIGNEE, ID, PARENT, ROLE, STATUS, VERSION
from opsdesk.ui.tasks.delegates import STATUSES, TaskDelegate
from opsdesk.ui.tasks.editing import TaskEditing
from opsdesk.ui.tasks.filterbar import FilterBar
from opsdesk.ui.tasks.model import TaskTreeModel
from opsdesk.ui.tasks.state import COL, EDIT_FIELDS, Filters, RowCache
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.ui.context import AppContext

FIRST_PAGE = 400
"""Rows shown at once; a bigger plan loads the rest off the GUI thread."""
EXPAND_ALL_BELOW = 5000
PARTIAL_REFRESH_MAX = 5000


class _Loader(QObject):
    loaded = Signal(object, int)


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
        self._roles: list = []
        self._people: list = []
        self._phases: list = []
        self._loader = _Loader()
        self._loader.loaded.connect(self._full_loaded)

        # ---- layout
        self.heading = QLabel()
        self.heading.setObjectName("tasksTitle")
        self.count = QLabel()
        self.count.setObjectName("tasksCount")
        self.count.setProperty("class", "muted")
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("tasksToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.filter_bar = FilterBar(ctx.lang)
        self.model = TaskTreeModel(ctx.lang, ctx.today(), self)
        self.tree = QTreeView()
        self.tree.setObjectName("tasksTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = TaskDelegate(ctx.lang, lambda: self._roles, lambda: self._people, self)
        self.tree.setItemDelegate(self.delegate)
        header = self.tree.header()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL["title"], QHeaderView.ResizeMode.Stretch)
        for name, width in (("phase", 110), ("role", 100), ("assignee", 90), ("start", 80),
                            ("due", 80), ("status", 80), ("priority", 64), ("milestone", 72),
                            ("done", 130)):
            header.resizeSection(COL[name], width)
        header.setMinimumSectionSize(40)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree, 1)

        self._build_actions()
        self.model.editable_columns = ({COL[c] for c in EDIT_FIELDS} if self.manager else set())
        self.model.can_tick = lambda row: (not ctx.store.readonly
                                           and can_tick(ctx.actor, row[ASSIGNEE], row[ROLE]))
        self.model.edit_hook = self._edit_cell
        self.model.tick_hook = self._tick
        self.model.grouped = ctx.settings.tasks_grouped()
        self.act_group.setChecked(self.model.grouped)
        self.tree.setColumnHidden(COL["phase"], self.model.grouped)
        self.model.filters = Filters.from_dict(ctx.settings.tasks_filters())

        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        self.filter_bar.sig_changed.connect(self._filters_changed)
        self.filter_bar.sig_saved.connect(ctx.settings.set_tasks_saved_filters)
        self.filter_bar.set_saved(ctx.settings.tasks_saved_filters())
        self.model.modelReset.connect(self._after_reset)
        self.retranslate_ui()

    # ---- actions
    def _action(self, name: str, slot, shortcut: str | QKeySequence | None = None,
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
            if button is not None:
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
            self.model.lang = self.delegate.lang = self.ctx.lang
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
        self.tree.setAccessibleName(self.tr("Tasks of the plan"))
        self.tree.setWhatsThis(self.tr("Double-click or press Enter to open a task's details."))
        self.filter_bar.retranslate_ui()
        self._fill_menus()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_count()


    def _fill_menus(self) -> None:
        from opsdesk.ui.labels import status_name

        self.assign_menu.clear()
        act = self.assign_menu.addAction(self.tr("Nobody (unassigned)"))
        act.triggered.connect(lambda: self.assign_selected(None))
        self.assign_menu.addSeparator()
        for user_id, name, color in self._people:
            act = self.assign_menu.addAction(self.delegate_icon(color), name)
            act.triggered.connect(lambda _=False, u=user_id: self.assign_selected(u))
        self.status_menu.clear()
        for s in STATUSES:
            act = self.status_menu.addAction(status_name(s))
            act.triggered.connect(lambda _=False, s=s: self.set_status_selected(s))

    @staticmethod
    def delegate_icon(color):
        from opsdesk.ui.tasks.delegates import swatch

        return swatch(color) if color else swatch("#ffffff")

    def _update_count(self) -> None:
        total, shown = len(self.model.rows), self.model.visible_count
        if self.loading:
            text = self.tr("Loading… {shown} shown").format(shown=shown)
        elif shown == total:
            text = self.tr("%n task(s)", "", total)
        else:
            text = self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        self.count.setText(text)

    # ---- data
    def refresh(self) -> None:
        """Reload choices and every row (first page now, the rest off the GUI thread)."""
        plan_id = self.ctx.plan_id
        if plan_id is None:
            return
        services, zh = self.ctx.services, self.ctx.lang.startswith("zh")
        self._phases = services.tasks.phases(plan_id)
        self._roles = [(r.id, r.name_zh if zh else r.name_en, r.color) for r in services.people.roles()]
        role_colors = {r[0]: r[2] for r in self._roles}
        self._people = [(u.id, u.name, role_colors.get(u.role_id)) for u in services.people.users()]
        self.filter_bar.set_choices([(p.id, p.name_zh if zh else p.name_en, p.color)
                                     for p in self._phases], self._roles, self._people)
        self.filter_bar.set_filters(self.model.filters, emit=False)
        self._fill_menus()
        self._generation += 1
        first = services.tasks.plan_rows(plan_id, limit=FIRST_PAGE)
        state = self._save_state()
        self.loading = len(first) >= FIRST_PAGE
        self.filter_bar.row_count = len(first)
        self.model.set_rows(first)
        self._restore_state(state)
        if not self._shown_once and not self.loading:
            self._shown_once = True
            self._scroll_to_open_work()
        if self.loading:
            generation = self._generation
            threading.Thread(target=self._load_all, args=(plan_id, generation), daemon=True).start()
        else:
            self.sig_loaded.emit()

    def _scroll_to_open_work(self) -> None:
        """Open at the first unfinished task (the finished past stays above, a scroll away)."""
        for task_id in self.model.visible_task_ids():
            row = self.model.row_by_id(task_id)
            if row[STATUS] in ("todo", "doing", "blocked"):
                index = self.model.index_of(task_id)
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
                return

    def _load_all(self, plan_id: int, generation: int) -> None:
        try:
            cache = RowCache(self.ctx.services.tasks.plan_rows(plan_id))
        except Exception:  # noqa: BLE001 - shown as an empty table; the log has it
            cache = None
        self._loader.loaded.emit(cache, generation)

    def _full_loaded(self, cache, generation: int) -> None:
        if generation != self._generation or cache is None:
            return
        state = self._save_state()
        self.loading = False
        self.filter_bar.row_count = len(cache.rows)
        self.model.set_rows(cache)
        self._restore_state(state)
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
        if ids and len(ids) <= PARTIAL_REFRESH_MAX and not self.loading:
            rows = self.ctx.services.tasks.plan_rows(self.ctx.plan_id, ids=ids)
            if len(rows) == len(ids) and self.model.update_rows(rows):
                self._update_actions()
                return
        self.refresh()

    def _save_state(self) -> dict:
        expanded = [r[ID] for r in self.model.rows if r[PARENT] is None and
                    self.tree.isExpanded(self.model.index_of(r[ID]))] \
            if len(self.model.rows) <= EXPAND_ALL_BELOW else []
        current = self.model.row_at(self.tree.currentIndex())
        return {"selected": self.selected_ids(), "expanded": expanded,
                "current": current[ID] if current else None,
                "scroll": self.tree.verticalScrollBar().value()}

    def _restore_state(self, state: dict) -> None:
        select = self.tree.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        for task_id in state["selected"]:
            index = self.model.index_of(task_id)
            if index.isValid():
                select.select(index, flags)
        if state["current"] is not None:
            index = self.model.index_of(state["current"])
            if index.isValid():
                select.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.verticalScrollBar().setValue(state["scroll"])

    def _after_reset(self) -> None:
        if self.model.grouped and len(self.model.rows) <= EXPAND_ALL_BELOW:
            self.tree.expandAll()  # a big plan opens with its phases folded (fast)
        self._update_count()
        self._update_actions()

    # ---- filters
    def _filters_changed(self, filters: Filters) -> None:
        self.model.set_filters(filters)
        self.ctx.settings.set_tasks_filters(filters.to_dict())

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    def _toggle_grouped(self, grouped: bool) -> None:
        self.tree.setColumnHidden(COL["phase"], grouped)
        self.model.set_grouped(grouped)
        self.ctx.settings.set_tasks_grouped(grouped)

    # ---- selection
    def selected_rows(self) -> list[tuple]:
        rows, seen = [], set()
        for index in self.tree.selectionModel().selectedRows(0):
            row = self.model.row_at(index)
            if row is not None and row[ID] not in seen:
                seen.add(row[ID])
                rows.append(row)
        return rows

    def selected_ids(self) -> list[int]:
        return [r[ID] for r in self.selected_rows()]

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
            self.sig_open_task.emit(row[ID])

    def _open_current(self) -> None:
        self._activated(self.tree.currentIndex())

    def _context_menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        row = self.model.row_at(index) if index.isValid() else None
        menu = QMenu(self)
        if row is not None:
            menu.addAction(self.act_open)
            if self.model.can_tick(row) and row[STATUS] != "cancelled":
                done = row[STATUS] == "done"
                act = menu.addAction(self.tr("Reopen") if done else self.tr("Tick off"))
                act.triggered.connect(lambda: self._tick(row[ID], not done, row[VERSION]))
            comment = menu.addAction(self.tr("Comment…"))
            comment.triggered.connect(lambda: self.sig_open_task.emit(row[ID]))
        if self.manager:
            menu.addSeparator()
            for act in (self.act_new, self.act_edit, self.act_duplicate, self.act_delete):
                menu.addAction(act)
            menu.addSeparator()
            menu.addMenu(self.assign_menu)
            menu.addAction(self.act_reschedule)
            menu.addMenu(self.status_menu)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def preview() -> None:  # pragma: no cover - manual look: python -m opsdesk.ui.tasks.view
    import sys

    from opsdesk.cli import main

    sys.exit(main(["shot", "--view", "tasks", "--out", "tasks.png"]))


if __name__ == "__main__":  # pragma: no cover
    preview()
