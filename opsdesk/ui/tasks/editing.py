"""The Tasks view's writes: inline edits, tick-off, bulk edits, duplicate, delete and the
task dialog — each through ``run_checked`` as one undo step, with the conflict dialog's
Reload / Overwrite / Cancel the same way on every path (the side panel's tick-off too).
Mixed into ``TasksView`` (uses its ``ctx``, ``window_``, ``model``, ``tree``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QWidget

from opsdesk.errors import ConflictError, OpsDeskError, ValidationError
from opsdesk.services.changes import Changes
from opsdesk.services.series import SHARED_FIELDS
from opsdesk.services.task_rows import TaskListRow
from opsdesk.ui.dialogs.conflict import ConflictChoice
from opsdesk.ui.i18n_contexts import TasksView  # a translation context, not the view
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.ops import ROUTINE_FIELDS, TaskOps, compound
from opsdesk.ui.undo import BACKGROUND_AT

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.tasks.model import TaskTreeModel

    _MixinBase = QWidget  # (the checker sees the mixin as the view's QWidget it is mixed into)
else:
    _MixinBase = object

ROUTINE_REACH = frozenset(SHARED_FIELDS) | {"due"}
"""Fields of the task dialog whose change on a routine's occurrence may reach the others."""


def run_checked(parent: QWidget, window, text: str, make, *, ids, plan_id: int | None,
                what: str | None = None, raise_validation: bool = False):
    """Run ``make(check_versions) -> do`` through the window's undo stack as one step.

    Every edit path of the Tasks view (inline edit, tick-off, the task dialog, bulk edits,
    the side panel) comes here, so a conflict is handled the same way everywhere: someone
    else changed a task after it was read (the service raised ``ConflictError``), and the
    person chooses in the app's conflict dialog: Reload (every view shows the tasks as they
    are now; the edit is dropped), Overwrite (the edit again, without the version check), or
    Cancel. Other refusals are explained; a ``ValidationError`` is re-raised with
    ``raise_validation`` (the task dialog shows it at its field).

    Returns ``(changes or None, conflict choice or None)``."""
    try:
        return window.undo.run(text, make(True), show_errors=False), None
    except ConflictError:
        choice = prompts.ask_conflict(parent, what, *_last_change(window, ids))
    except ValidationError as exc:
        if raise_validation:
            raise
        prompts.show_error(parent, exc)
        return None, None
    except OpsDeskError as exc:
        prompts.show_error(parent, exc)
        return None, None
    if choice is ConflictChoice.OVERWRITE:
        try:
            return window.undo.run(text, make(False), show_errors=False), choice
        except ValidationError as exc:
            if raise_validation:
                raise
            prompts.show_error(parent, exc)
        except OpsDeskError as exc:
            prompts.show_error(parent, exc)
        return None, choice
    if choice is ConflictChoice.RELOAD:
        window.apply(Changes(tasks=True, ids=frozenset(ids), plan_id=plan_id))
    return None, choice


def run_checked_in_background(parent: QWidget, window, text: str, make, *, ids,
                              plan_id: int | None, what: str | None = None,
                              done=None) -> None:
    """``run_checked`` for a big action (``BACKGROUND_AT`` tasks or more): the service call
    runs off the GUI thread, the window stays responsive, and a conflict is answered in the
    same dialog afterwards (Overwrite runs it again off the thread). ``done(changes)`` runs
    on the GUI thread when it was carried out."""
    def attempt(check: bool) -> None:
        window.undo.run_in_background(text, make(check), lambda exc: failed(exc, check), done)

    def failed(exc: OpsDeskError, check: bool) -> None:
        if not (check and isinstance(exc, ConflictError)):
            prompts.show_error(parent, exc)
            return
        choice = prompts.ask_conflict(parent, what, *_last_change(window, ids))
        if choice is ConflictChoice.OVERWRITE:
            attempt(False)
        elif choice is ConflictChoice.RELOAD:
            window.apply(Changes(tasks=True, ids=frozenset(ids), plan_id=plan_id))

    attempt(True)


def _last_change(window, ids) -> tuple:
    """(who last changed the one task ``ids`` names, the language) for the conflict dialog;
    (None, lang) for several tasks or when it cannot be read."""
    ctx = getattr(window, "ctx", None)
    if ctx is None:
        return None, "zh_CN"
    ids = list(ids)
    if len(ids) != 1:
        return None, ctx.lang
    try:
        return ctx.services.audit.last_task_change(ids[0]), ctx.lang
    except OpsDeskError:
        return None, ctx.lang


class TaskEditing(_MixinBase):
    conflict_choice: ConflictChoice | None = None
    """How the person answered the last conflict (None: there was none)."""

    # ---- what TasksView provides
    ctx: AppContext
    window_: QWidget | None
    model: TaskTreeModel
    manager: bool
    _roles: list
    _people: list
    _phases: list
    if TYPE_CHECKING:
        @property
        def tree(self) -> QAbstractItemView: ...
        def selected_rows(self) -> list[TaskListRow]: ...
        def selected_ids(self) -> list[int]: ...

    # ---- writing
    def _ops(self) -> TaskOps:
        plan_id = self.ctx.plan_id
        assert plan_id is not None, "the Tasks view edits a plan's tasks"
        return TaskOps(self.ctx.services, self.ctx.actor, plan_id)

    def _run(self, text: str, make, ids, what: str | None = None,
             raise_validation: bool = False):
        """``run_checked`` for this view; returns the Changes or None."""
        changes, self.conflict_choice = run_checked(
            self, self.window_, text, make, ids=ids, plan_id=self.ctx.plan_id, what=what,
            raise_validation=raise_validation)
        return changes

    def _run_bulk(self, text: str, make, ids, what: str | None = None, done=None) -> None:
        """A bulk edit: at ``BACKGROUND_AT`` tasks or more off the GUI thread (a 1,000-task
        assign must not freeze the window), else at once like ``_run``."""
        if len(ids) >= BACKGROUND_AT:
            run_checked_in_background(self, self.window_, text, make, ids=ids,
                                      plan_id=self.ctx.plan_id, what=what, done=done)
            return
        changes = self._run(text, make, ids, what=what)
        if changes is not None and done is not None:
            done(changes)

    def _edit_cell(self, task_id: int, field: str, value, version: int) -> bool:
        """An inline edit. An occurrence of a routine asks first how far the edit reaches
        (this one / this and later / all, as the routine dialog does) when the field is
        one the routine shares, or its day; status and start stay the occurrence's own."""
        row = self.model.row_by_id(task_id)
        title = row.title if row else str(task_id)
        ops = self._ops()
        text = QCoreApplication.translate("TasksView", "Edit “{title}”").format(title=title)
        if field in ROUTINE_FIELDS and value is not None \
                and self.ctx.services.series.series_of(task_id) is not None:
            scope = prompts.ask_scope(self)
            if scope is None:
                return False
            make = lambda check: ops.occurrence_edit(  # noqa: E731
                task_id, version if check else None, scope, field, value)
        else:
            before = {field: _current(self.ctx.services, task_id, field)}
            make = lambda check: ops.update(  # noqa: E731
                task_id, version if check else None, before, {field: value})
        done = self._run(text, make, [task_id], what=quoted(title)) is not None
        if done and field in ("start", "due") and value is not None:
            self._note_outside_plan([_day(value)])
        return done

    def _note_outside_plan(self, days: list[dt.date]) -> None:
        """Dates outside the plan are allowed, but said (in the status bar, as the task
        dialog says it next to the field)."""
        if not self._phases or not days:
            return
        low = min(_day(p.start) for p in self._phases)
        high = max(_day(p.end) for p in self._phases)
        if any(d < low or d > high for d in days):
            note = QCoreApplication.translate(
                "TasksView", "Saved; note that it falls outside the plan ({low} – {high}).")
            if isinstance(self.window_, QMainWindow):  # (the main window: always, in the app)
                self.window_.statusBar().showMessage(note.format(low=low, high=high), 10000)

    def _tick(self, task_id: int, done: bool, version: int) -> bool:
        row = self.model.row_by_id(task_id)
        title = row.title if row else str(task_id)
        text = (QCoreApplication.translate("TasksView", "Tick off “{title}”") if done else QCoreApplication.translate("TasksView", "Reopen “{title}”")).format(title=title)
        ops = self._ops()
        return self._run(text, lambda check: ops.tick(task_id, done, version if check else None),
                         [task_id], what=quoted(title)) is not None

    def _versions(self, rows: list[TaskListRow], check: bool) -> dict[int, int] | None:
        return {r.id: r.version for r in rows} if check else None

    def assign_selected(self, user_id: int | None) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        name = next((p[1] for p in self._people if p[0] == user_id), QCoreApplication.translate("TasksView", "nobody"))
        ops, ids = self._ops(), [r.id for r in rows]
        count = len(ids)  # (a plain name as the count: pyside6-lupdate skips a call)
        text = TasksView.tr("Assign %n task(s) to {name}", "", count).format(name=name)
        self._run_bulk(text, lambda check: ops.bulk_update(ids, self._versions(rows, check),
                                                           assignee_id=user_id),
                       ids, what=_what(rows))

    def set_status_selected(self, status: str) -> None:
        from opsdesk.ui.labels import status_name

        rows = self.selected_rows()
        if not rows:
            return
        ops, ids = self._ops(), [r.id for r in rows]
        count = len(ids)
        text = TasksView.tr("Set %n task(s) to {status}", "", count).format(status=status_name(status))
        self._run_bulk(text, lambda check: ops.bulk_update(ids, self._versions(rows, check),
                                                           status=status),
                       ids, what=_what(rows))

    def reschedule_selected(self, days: int | None = None) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        # the Timeline's "Working days" option counts the move in working days here too
        working = self.ctx.settings.working_days()
        if days is None or isinstance(days, bool):
            days = prompts.ask_days(self, len(rows), working)
        if not days:
            return
        ops, ids = self._ops(), [r.id for r in rows]
        count = len(ids)
        text = (TasksView.tr("Move %n task(s) by {days} working days", "", count) if working
                else TasksView.tr("Move %n task(s) by {days} days", "", count)).format(days=f"{days:+d}")

        def outside(changes) -> None:  # (the dates as they were moved)
            moved = [self.ctx.services.tasks.get(i) for i in ids[:200]]
            self._note_outside_plan([d for t in moved for d in (t.start, t.due) if d])
        self._run_bulk(text, lambda check: ops.bulk_shift(ids, self._versions(rows, check), days,
                                                          working_days=working),
                       ids, what=_what(rows), done=outside)

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ops = self._ops()
        steps = []
        for r in rows:
            t = self.ctx.services.tasks.get(r.id)
            values = {k: getattr(t, k) for k in ("notes", "phase_id", "parent_id", "role_id",
                                                 "assignee_id", "start", "due", "priority",
                                                 "is_milestone")}
            values["title"] = QCoreApplication.translate("TasksView", "{title} (copy)").format(title=t.title)
            steps.append(ops.create_step(values))
        do = compound(self.ctx.services, steps)
        count = len(rows)
        self._run(TasksView.tr("Duplicate %n task(s)", "", count),
                  lambda _check: do, [r.id for r in rows])

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = {r.id for r in rows}
        roots = [r for r in rows if not self._has_ancestor_in(r, ids)]
        impacts = [self.ctx.services.tasks.delete_impact(r.id) for r in roots]
        subtasks = sum(i.subtasks for i in impacts)
        comments = sum(i.comments for i in impacts)
        links = sum(i.successors + i.predecessors for i in impacts)
        if len(roots) == 1:
            question = QCoreApplication.translate("TasksView", "Delete “{title}”?").format(title=roots[0].title)
        else:
            count = len(roots)
            question = TasksView.tr("Delete %n task(s)?", "", count)
        also = []
        if subtasks:
            also.append(TasksView.tr("%n subtask(s)", "", subtasks))
        if comments:
            also.append(TasksView.tr("%n comment(s)", "", comments))
        if links:
            also.append(TasksView.tr("%n link(s) to other tasks", "", links))
        detail = (QCoreApplication.translate("TasksView", "This also removes: {items}.").format(items=", ".join(also))
                  if also else "")
        detail += ("\n" if detail else "") + QCoreApplication.translate("TasksView", "You can undo this with Ctrl+Z.")
        if not prompts.confirm(self, QCoreApplication.translate("TasksView", "Delete tasks"), question, detail):
            return
        ops = self._ops()
        do = compound(self.ctx.services, [ops.delete_step(r.id) for r in roots])
        count = len(roots)
        self._run(TasksView.tr("Delete %n task(s)", "", count),
                  lambda _check: do, [r.id for r in roots])

    def _has_ancestor_in(self, row: TaskListRow, ids: set[int]) -> bool:
        parent = row.parent_id
        while parent is not None:
            if parent in ids:
                return True
            prow = self.model.row_by_id(parent)
            parent = prow.parent_id if prow else None
        return False

    # ---- the task dialog
    def _dialog(self, detail=None, defaults=None):
        from opsdesk.ui.tasks.dialog import TaskDialog

        anchors, plan_id = self.ctx.services.anchors, self.ctx.plan_id
        task_id = detail.task.id if detail is not None else None
        return TaskDialog(self, lang=self.ctx.lang, phases=self._phases, roles=self._roles,
                          people=self._people, tasks=self.model.cache.table, detail=detail,
                          defaults=defaults, submit=self._submit_dialog,
                          anchor=anchors.get(task_id) if task_id is not None else None,
                          preview=lambda kind, **kw: anchors.preview(plan_id, task_id, kind, **kw))

    def new_task(self) -> None:
        if not self.manager:
            return
        current = self.model.row_at(self.tree.currentIndex())
        today = self.ctx.today()
        defaults = {"status": "todo", "priority": "normal", "start": today, "due": today,
                    "phase_id": self.model.filters.phase_id, "role_id": self.model.filters.role_id}
        if current is not None:
            task = self.ctx.services.tasks.get(current.id)
            defaults.update(phase_id=task.phase_id, role_id=task.role_id)
        prompts.exec_dialog(self._dialog(defaults=defaults))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.manager:
            self.edit_task(ids[0])

    def edit_task(self, task_id: int) -> None:
        detail = self.ctx.services.tasks.detail(task_id)
        prompts.exec_dialog(self._dialog(detail=detail))

    def _submit_dialog(self, dialog) -> bool:
        """The dialog's writes as ONE undo step; a ValidationError goes back to the dialog,
        and so does a conflict answered with Cancel (False: the dialog stays open)."""
        ops, detail = self._ops(), dialog.detail
        changed = dialog.changed_values()
        if detail is not None and set(changed) & ROUTINE_REACH \
                and self.ctx.services.series.series_of(detail.task.id) is not None:
            scope = prompts.ask_scope(dialog)
            if scope is None:
                return False  # (the dialog stays open)
            if scope != "one":
                return self._submit_routine_dialog(dialog, scope, changed)
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
        anchor = dialog.anchor_changes()
        if anchor is not None:  # after the fields: the anchor places the due
            steps.append(ops.anchor_step(task_id, anchor))

        def make(check: bool):
            all_steps = list(steps)
            if detail is not None and changed:
                before = {k: dialog.original.get(k) for k in changed}
                all_steps.insert(0, ops.update_step(task_id, detail.task.version if check else None,
                                                    before, changed))
            return compound(self.ctx.services, all_steps)
        if detail is not None and not changed and not steps:
            return True  # (nothing changed, the anchor neither)
        text = (QCoreApplication.translate("TasksView", "Edit “{title}”") if detail else QCoreApplication.translate("TasksView", "New task “{title}”")).format(title=title)
        self._run(text, make, [task_id] if task_id is not None else [],
                  what=quoted(title) if detail else None, raise_validation=True)
        return self.conflict_choice is not ConflictChoice.CANCEL

    def _submit_routine_dialog(self, dialog, scope: str, changed: dict) -> bool:
        """The task dialog on a routine's occurrence, for "this and later" or "all": what the
        routine shares and the day go to the routine (as the routine dialog and inline edits
        do); the occurrence's own fields, links and subtasks then go to this occurrence as
        it stands afterwards. One undo step; the occurrence's version is checked first."""
        ops, task = self._ops(), dialog.detail.task
        shared = {k: v for k, v in changed.items() if k in SHARED_FIELDS}
        own = {k: v for k, v in changed.items() if k not in SHARED_FIELDS and k != "due"}
        sub_defaults = {k: v for k, v in dialog.values().items()
                        if k in ("phase_id", "role_id", "assignee_id", "start", "due")}

        def make(check: bool):
            steps = [ops.unlink_step(task.id, pred_id, kind, lag)
                     for pred_id, kind, lag in dialog.removed_links]
            steps.append(ops.routine_step(task.id, task.version if check else None, scope,
                                          shared, changed.get("due")))
            if own:
                steps.append(ops.update_step(None, None, {k: dialog.original.get(k) for k in own},
                                             own))
            steps += [ops.link_step(None, pred_id, kind, lag)
                      for pred_id, kind, lag in dialog.added_links]
            steps += [ops.subtask_step(None, dict(sub_defaults, title=sub))
                      for sub in dialog.new_subtasks]
            return compound(self.ctx.services, steps)
        text = QCoreApplication.translate("TasksView", "Edit routine “{title}”").format(
            title=task.title)
        self._run(text, make, [task.id], what=quoted(task.title), raise_validation=True)
        return self.conflict_choice is not ConflictChoice.CANCEL



def _current(services, task_id: int, field: str):
    return getattr(services.tasks.get(task_id), field)


def quoted(title: str) -> str:
    """The title of a task as the conflict dialog names it."""
    return QCoreApplication.translate("TasksView", "“{title}”").format(title=title)


def _what(rows: list[TaskListRow]) -> str:
    """What the conflict dialog names for a bulk edit."""
    if len(rows) == 1:
        return quoted(rows[0].title)
    count = len(rows)
    return TasksView.tr("some of the %n selected tasks", "", count)




def _day(value) -> dt.date:
    """A date of a row or a phase (ISO text or a date)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
