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

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
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

from opsdesk.errors import ConflictError, OpsDeskError, ValidationError
from opsdesk.services.permissions import can_tick
from opsdesk.services.task_rows import ASSIGNEE, ID, PARENT, ROLE, STATUS, TITLE, VERSION
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.delegates import STATUSES, TaskDelegate
from opsdesk.ui.tasks.filterbar import FilterBar
from opsdesk.ui.tasks.model import TaskTreeModel
from opsdesk.ui.tasks.ops import TaskOps, compound
from opsdesk.ui.tasks.state import COL, EDIT_FIELDS, Filters, RowCache

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.ui.context import AppContext

FIRST_PAGE = 400
"""Rows shown at once; a bigger plan loads the rest off the GUI thread."""
EXPAND_ALL_BELOW = 5000
PARTIAL_REFRESH_MAX = 5000


class _Loader(QObject):
    loaded = Signal(object, int)


class TasksView(QWidget):
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

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
        if self.loading:
            generation = self._generation
            threading.Thread(target=self._load_all, args=(plan_id, generation), daemon=True).start()
        else:
            self.sig_loaded.emit()

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

    # ---- writing
    def _ops(self) -> TaskOps:
        return TaskOps(self.ctx.services, self.ctx.actor, self.ctx.plan_id)

    def _run(self, text: str, make, raise_validation: bool = False):
        """Run ``make(check_versions)`` -> (do, undo) through the window's undo stack; on a
        conflict ask Reload / Overwrite; other refusals are explained. Returns Changes or None."""
        do, undo = make(True)
        try:
            return self.window_.undo.run(text, do, undo, show_errors=False)
        except ConflictError:
            choice = prompts.ask_conflict(self)
            if choice == "overwrite":
                do, undo = make(False)
                return self._run_plain(text, do, undo, raise_validation)
            if choice == "reload":
                self.refresh()
            return None
        except ValidationError as exc:
            if raise_validation:
                raise
            prompts.show_error(self, exc)
        except OpsDeskError as exc:
            prompts.show_error(self, exc)
        return None

    def _run_plain(self, text, do, undo, raise_validation=False):
        try:
            return self.window_.undo.run(text, do, undo, show_errors=False)
        except ValidationError as exc:
            if raise_validation:
                raise
            prompts.show_error(self, exc)
        except OpsDeskError as exc:
            prompts.show_error(self, exc)
        return None

    def _edit_cell(self, task_id: int, field: str, value, version: int) -> bool:
        row = self.model.row_by_id(task_id)
        before = {field: _current(self.ctx.services, task_id, field)}
        ops = self._ops()
        text = self.tr("Edit “{title}”").format(title=row[TITLE] if row else task_id)
        return self._run(text, lambda check: ops.update(task_id, version if check else None,
                                                         before, {field: value})) is not None

    def _tick(self, task_id: int, done: bool, version: int) -> bool:
        row = self.model.row_by_id(task_id)
        title = row[TITLE] if row else str(task_id)
        text = (self.tr("Tick off “{title}”") if done else self.tr("Reopen “{title}”")).format(title=title)
        ops = self._ops()
        return self._run(text, lambda check: ops.tick(task_id, done, version if check else None)) is not None

    def _versions(self, rows: list[tuple], check: bool) -> dict[int, int] | None:
        return {r[ID]: r[VERSION] for r in rows} if check else None

    def assign_selected(self, user_id: int | None) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        name = next((p[1] for p in self._people if p[0] == user_id), self.tr("nobody"))
        ops, ids = self._ops(), [r[ID] for r in rows]
        text = self.tr("Assign %n task(s) to {name}", "", len(ids)).format(name=name)
        self._run(text, lambda check: ops.bulk_update(ids, self._versions(rows, check),
                                                      assignee_id=user_id))

    def set_status_selected(self, status: str) -> None:
        from opsdesk.ui.labels import status_name

        rows = self.selected_rows()
        if not rows:
            return
        ops, ids = self._ops(), [r[ID] for r in rows]
        text = self.tr("Set %n task(s) to {status}", "", len(ids)).format(status=status_name(status))
        self._run(text, lambda check: ops.bulk_update(ids, self._versions(rows, check), status=status))

    def reschedule_selected(self, days: int | None = None) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if days is None or isinstance(days, bool):
            days = prompts.ask_days(self, len(rows))
        if not days:
            return
        ops, ids = self._ops(), [r[ID] for r in rows]
        text = self.tr("Move %n task(s) by {days} days", "", len(ids)).format(days=f"{days:+d}")
        self._run(text, lambda check: ops.bulk_shift(ids, self._versions(rows, check), days))

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ops = self._ops()
        steps = []
        for r in rows:
            t = self.ctx.services.tasks.get(r[ID])
            values = {k: getattr(t, k) for k in ("notes", "phase_id", "parent_id", "role_id",
                                                 "assignee_id", "start", "due", "priority",
                                                 "is_milestone")}
            values["title"] = self.tr("{title} (copy)").format(title=t.title)
            steps.append(ops.create_step(values))
        do, undo = compound(steps)
        self._run(self.tr("Duplicate %n task(s)", "", len(rows)), lambda _check: (do, undo))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = {r[ID] for r in rows}
        roots = [r for r in rows if not self._has_ancestor_in(r, ids)]
        impacts = [self.ctx.services.tasks.delete_impact(r[ID]) for r in roots]
        subtasks = sum(i.subtasks for i in impacts)
        comments = sum(i.comments for i in impacts)
        links = sum(i.successors + i.predecessors for i in impacts)
        if len(roots) == 1:
            question = self.tr("Delete “{title}”?").format(title=roots[0][TITLE])
        else:
            question = self.tr("Delete %n task(s)?", "", len(roots))
        also = []
        if subtasks:
            also.append(self.tr("%n subtask(s)", "", subtasks))
        if comments:
            also.append(self.tr("%n comment(s)", "", comments))
        if links:
            also.append(self.tr("%n link(s) to other tasks", "", links))
        detail = (self.tr("This also removes: {items}.").format(items=", ".join(also))
                  if also else "")
        detail += ("\n" if detail else "") + self.tr("You can undo this with Ctrl+Z.")
        if not prompts.confirm(self, self.tr("Delete tasks"), question, detail):
            return
        ops = self._ops()
        do, undo = compound([ops.delete_step(r[ID]) for r in roots])
        self._run(self.tr("Delete %n task(s)", "", len(roots)), lambda _check: (do, undo))

    def _has_ancestor_in(self, row: tuple, ids: set[int]) -> bool:
        parent = row[PARENT]
        while parent is not None:
            if parent in ids:
                return True
            prow = self.model.row_by_id(parent)
            parent = prow[PARENT] if prow else None
        return False

    # ---- the task dialog
    def _dialog(self, detail=None, defaults=None):
        from opsdesk.ui.tasks.dialog import TaskDialog

        return TaskDialog(self, lang=self.ctx.lang, phases=self._phases, roles=self._roles,
                          people=self._people, rows=self.model.rows, detail=detail,
                          defaults=defaults, submit=self._submit_dialog)

    def new_task(self) -> None:
        if not self.manager:
            return
        current = self.model.row_at(self.tree.currentIndex())
        today = self.ctx.today()
        defaults = {"status": "todo", "priority": "normal", "start": today, "due": today,
                    "phase_id": self.model.filters.phase_id, "role_id": self.model.filters.role_id}
        if current is not None:
            task = self.ctx.services.tasks.get(current[ID])
            defaults.update(phase_id=task.phase_id, role_id=task.role_id)
        prompts.exec_dialog(self._dialog(defaults=defaults))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.manager:
            self.edit_task(ids[0])

    def edit_task(self, task_id: int) -> None:
        detail = self.ctx.services.tasks.detail(task_id)
        prompts.exec_dialog(self._dialog(detail=detail))

    def _submit_dialog(self, dialog) -> None:
        """The dialog's writes as ONE undo step; a ValidationError goes back to the dialog."""
        ops, detail = self._ops(), dialog.detail
        changed = dialog.changed_values()
        steps = []
        if detail is None:
            steps.append(ops.create_step(changed))
            task_id, title = None, changed.get("title", "")
        else:
            task_id, title = detail.task.id, detail.task.title
        sub_defaults = {k: v for k, v in dialog.values().items()
                        if k in ("phase_id", "role_id", "assignee_id", "start", "due")}
        for sub in dialog.new_subtasks:
            steps.append(ops.subtask_step(task_id, dict(sub_defaults, title=sub)))
        for pred_id, kind, lag in dialog.removed_links:
            steps.append(ops.unlink_step(task_id, pred_id, kind, lag))
        for pred_id, kind, lag in dialog.added_links:
            steps.append(ops.link_step(task_id, pred_id, kind, lag))

        def make(check: bool):
            all_steps = list(steps)
            if detail is not None and changed:
                before = {k: dialog.original.get(k) for k in changed}
                all_steps.insert(0, ops.update_step(task_id, detail.task.version if check else None,
                                                    before, changed))
            return compound(all_steps)
        if detail is not None and not changed and not steps:
            return
        text = (self.tr("Edit “{title}”") if detail else self.tr("New task “{title}”")).format(title=title)
        self._run(text, make, raise_validation=True)


def _current(services, task_id: int, field: str):
    return getattr(services.tasks.get(task_id), field)


def preview() -> None:  # pragma: no cover - manual look: python -m opsdesk.ui.tasks.view
    import sys

    from opsdesk.cli import main

    sys.exit(main(["shot", "--view", "tasks", "--out", "tasks.png"]))


if __name__ == "__main__":  # pragma: no cover
    preview()
