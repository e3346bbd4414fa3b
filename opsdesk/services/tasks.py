"""Tasks: reading for views, and every write (create, edit, tick off, comment, link)."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import delete, func, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Comment, Phase, Role, Task, TaskLink, User
from opsdesk.model.enums import OPEN_STATUSES, LinkKind, Priority, TaskStatus
from opsdesk.model.rules import done_fields
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes
from opsdesk.services.task_bulk import AFTER, BulkChanges, BulkTaskOps

if TYPE_CHECKING:
    from opsdesk.services.task_rows import TaskListRow, TaskTable

PARENT_LOOP = QT_TRANSLATE_NOOP("Errors", "A task cannot be placed under itself or under one of its own subtasks.")
CYCLE = QT_TRANSLATE_NOOP("Errors", "Linking these tasks would make a loop: a task would wait for itself.")
ALREADY_DONE = QT_TRANSLATE_NOOP("Errors", "“{title}” is already done.")
NOT_DONE = QT_TRANSLATE_NOOP("Errors", "“{title}” is not done, so it cannot be reopened.")
NOT_SKIPPABLE = QT_TRANSLATE_NOOP(
    "Errors", "“{title}” cannot be skipped: only open occurrences of a routine can.")
NOT_IN_PLAN = QT_TRANSLATE_NOOP("Errors", "The {label} does not belong to this plan.")
NO_PERSON = QT_TRANSLATE_NOOP("Errors", "There is no active person with id {id}.")
INACTIVE_PERSON = QT_TRANSLATE_NOOP("Errors", "{name} is no longer active; choose someone else.")
TASK = QT_TRANSLATE_NOOP("Errors", "task")
PHASE = QT_TRANSLATE_NOOP("Errors", "phase")
PARENT_TASK = QT_TRANSLATE_NOOP("Errors", "parent task")
ROLE = QT_TRANSLATE_NOOP("Errors", "role")

DONE_FIELDS = ("status", "done_at", "done_by")
"""What a tick-off or a reopen writes (and its undo puts back)."""

EDITABLE = ("title", "notes", "phase_id", "parent_id", "role_id", "assignee_id", "start", "due",
            "status", "priority", "is_milestone", "position")


class Dated(Protocol):
    """What ``TaskService._clean`` checks new dates against (a ``TaskRow``)."""

    @property
    def start(self) -> dt.date | None: ...
    @property
    def due(self) -> dt.date | None: ...


@dataclass(frozen=True)
class TaskRow:
    id: int
    plan_id: int
    phase_id: int | None
    parent_id: int | None
    title: str
    notes: str
    role_id: int | None
    assignee_id: int | None
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: str
    is_milestone: bool
    done_at: dt.datetime | None
    done_by: int | None
    position: int
    version: int

    def is_overdue(self, today: dt.date) -> bool:
        return (self.due is not None and self.due < today
                and self.status in OPEN_STATUSES)


TASK_COLUMNS = [getattr(Task, f.name) for f in fields(TaskRow)]


@dataclass(frozen=True)
class CommentRow:
    id: int
    task_id: int
    user_id: int
    author: str
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class NewTask:
    """Input of a bulk insert (template, importers, benchmarks)."""

    title: str
    phase_id: int | None = None
    parent_id: int | None = None
    role_id: int | None = None
    assignee_id: int | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    status: str = "todo"
    priority: str = "normal"
    is_milestone: bool = False
    notes: str = ""
    position: int = 0


class TaskService(BulkTaskOps, Service):
    # ---- reading

    def plan_rows(self, plan_id: int, ids=None, limit: int | None = None) -> list[TaskListRow]:
        """The Tasks view's rows (``task_rows.TaskListRow``), one query."""
        from opsdesk.services import task_rows

        with self.store.read() as s:
            if ids is None:
                return task_rows.plan_rows(s, plan_id, limit)
            return task_rows.rows_for(s, plan_id, ids)

    def plan_table(self, plan_id: int) -> TaskTable:
        """Every task of the plan in columns (``task_rows.TaskTable``: the Tasks view's
        whole plan, compact at 100k tasks)."""
        from opsdesk.services import task_rows

        with self.store.read() as s:
            return task_rows.plan_table(s, plan_id)

    def phases(self, plan_id: int):
        """The plan's phases with ISO dates (``task_rows.PhaseInfo``)."""
        from opsdesk.services import task_rows

        with self.store.read() as s:
            return task_rows.phases(s, plan_id)

    def list(self, plan_id: int, *, assignee_id: int | None = None,
             status: Sequence[str] | None = None, mine: Actor | None = None) -> list[TaskRow]:
        """The plan's tasks by due date; ``mine``: only that person's (``permissions.mine``)."""
        stmt = select(*TASK_COLUMNS).where(Task.plan_id == plan_id)
        if assignee_id is not None:
            stmt = stmt.where(Task.assignee_id == assignee_id)
        if mine is not None:
            stmt = stmt.where(permissions.mine_clause(mine))
        if status:
            stmt = stmt.where(Task.status.in_(list(status)))
        stmt = stmt.order_by(Task.due.is_(None), Task.due, Task.position, Task.id)
        with self.store.read() as s:
            return [TaskRow(*r) for r in s.execute(stmt)]

    def get(self, task_id: int) -> TaskRow:
        with self.store.read() as s:
            row = s.execute(select(*TASK_COLUMNS).where(Task.id == task_id)).first()
        if row is None:
            raise NotFound()
        return TaskRow(*row)

    def detail(self, task_id: int):
        """The task with its phase, role, people, subtasks, links and comments."""
        from opsdesk.services.task_detail import load_detail

        with self.store.read() as s:
            return load_detail(s, task_id, TaskRow, TASK_COLUMNS)

    def comments(self, task_id: int) -> builtins.list[CommentRow]:
        stmt = (select(Comment.id, Comment.task_id, Comment.user_id, User.name, Comment.at,
                       Comment.text)
                .join(User, User.id == Comment.user_id)
                .where(Comment.task_id == task_id).order_by(Comment.at, Comment.id))
        with self.store.read() as s:
            return [CommentRow(*r) for r in s.execute(stmt)]

    def links(self, plan_id: int) -> builtins.list[tuple[int, int, str, int]]:
        stmt = (select(TaskLink.pred_id, TaskLink.succ_id, TaskLink.kind, TaskLink.lag_days)
                .join(Task, Task.id == TaskLink.pred_id).where(Task.plan_id == plan_id))
        with self.store.read() as s:
            return [(pred, succ, kind, lag) for pred, succ, kind, lag in s.execute(stmt)]

    # ---- writing: the manager builds the plan

    def create(self, actor: Actor, plan_id: int, **values: Any) -> Changes:
        permissions.require_manager(actor)
        clean = self._clean(values, None)
        with self.store.write() as s:
            self._check_refs(s, plan_id, clean)
            done = done_fields(None, clean.get("status", TaskStatus.TODO), self.clock(),
                               actor.user_id)
            task_id = inserted_id(s.execute(
                insert(Task).values(plan_id=plan_id, version=1, **clean, **done)))
            cid = self.log(s, actor, "task", task_id, "create", after=clean, plan_id=plan_id)
        return Changes(tasks=True, ids=frozenset({task_id}), change_id=cid, plan_id=plan_id)

    def update(self, actor: Actor, task_id: int, expected_version: int | None = None,
               **values: Any) -> Changes:
        """Edit fields of a task; ``expected_version`` guards against lost updates."""
        permissions.require_manager(actor)
        with self.store.write() as s:
            current = self._load(s, task_id)
            clean = self._clean(values, current)
            self._check_refs(s, current.plan_id, clean)
            if clean.get("parent_id") is not None and self._is_within(s, clean["parent_id"], task_id):
                raise ValidationError(PARENT_LOOP, field="parent_id")
            before = {k: getattr(current, k) for k in clean}
            if "status" in clean:
                clean.update(done_fields(current.status, clean["status"], self.clock(),
                                         actor.user_id))
            self._write(s, current, expected_version, clean)
            followed: set[int] = set()
            if clean.get("due") is not None and current.due is not None:
                from opsdesk.services.anchors import after_due_change  # the tasks hanging on it

                followed = after_due_change(s, current.plan_id,
                                            {task_id: (clean["due"] - current.due).days})
            cid = self.log(s, actor, "task", task_id, "update", before=before, after=clean,
                           plan_id=current.plan_id)
        changes = self._restorable(current, clean, cid)
        return replace(changes, ids=changes.ids | followed) if followed else changes

    def delete(self, actor: Actor, task_id: int) -> Changes:
        """Delete the task with its subtasks, comments and links; the returned
        ``BulkChanges.snapshot`` lets ``restore`` put everything back (undo)."""
        return self._delete_with_snapshot(actor, task_id)

    def link(self, actor: Actor, pred_id: int, succ_id: int, kind: str = "FS",
             lag_days: int = 0) -> Changes:
        permissions.require_manager(actor)
        kind = validate.choice(kind, LinkKind, "kind")
        with self.store.write() as s:
            pred, succ = self._load(s, pred_id), self._load(s, succ_id)
            if pred.plan_id != succ.plan_id:
                raise ValidationError(NOT_IN_PLAN, field="link", label=TASK)
            if pred_id == succ_id or self._reaches(s, succ_id, pred_id):
                raise ValidationError(CYCLE, field="link")
            s.execute(delete(TaskLink).where(TaskLink.pred_id == pred_id,
                                             TaskLink.succ_id == succ_id))
            s.execute(insert(TaskLink).values(pred_id=pred_id, succ_id=succ_id, kind=kind,
                                              lag_days=lag_days))
            cid = self.log(s, actor, "link", succ_id, "create", plan_id=pred.plan_id,
                           after=dict(pred_id=pred_id, succ_id=succ_id, kind=kind, lag_days=lag_days))
        return Changes(tasks=True, ids=frozenset({pred_id, succ_id}), change_id=cid,
                       plan_id=pred.plan_id)

    def unlink(self, actor: Actor, pred_id: int, succ_id: int) -> Changes:
        permissions.require_manager(actor)
        with self.store.write() as s:
            pred = self._load(s, pred_id)
            s.execute(delete(TaskLink).where(TaskLink.pred_id == pred_id,
                                             TaskLink.succ_id == succ_id))
            cid = self.log(s, actor, "link", succ_id, "delete", plan_id=pred.plan_id,
                           before=dict(pred_id=pred_id, succ_id=succ_id))
        return Changes(tasks=True, ids=frozenset({pred_id, succ_id}), change_id=cid,
                       plan_id=pred.plan_id)

    def bulk_create(self, actor: Actor, plan_id: int, tasks: Iterable[NewTask],
                    chunk: int = 5000) -> Changes:
        """Insert many tasks in one transaction with one change-log entry."""
        permissions.require_manager(actor)
        count, now = 0, self.clock()
        with self.store.write() as s:
            batch: list[dict[str, Any]] = []
            for t in tasks:
                batch.append(dict(self._clean(asdict(t), None), plan_id=plan_id, version=1,
                                  **done_fields(None, t.status, now, actor.user_id)))
                if len(batch) >= chunk:
                    s.execute(insert(Task), batch)
                    count += len(batch)
                    batch = []
            if batch:
                s.execute(insert(Task), batch)
                count += len(batch)
            cid = self.log(s, actor, "task", None, "bulk_create", after={"count": count},
                           plan_id=plan_id)
        return Changes(tasks=True, change_id=cid, plan_id=plan_id)

    # ---- writing: staff tick off and comment

    def tick_off(self, actor: Actor, task_id: int, expected_version: int | None = None) -> Changes:
        return self._set_done(actor, task_id, expected_version, done=True)

    def reopen(self, actor: Actor, task_id: int, expected_version: int | None = None) -> Changes:
        return self._set_done(actor, task_id, expected_version, done=False)

    def _set_done(self, actor: Actor, task_id: int, expected_version: int | None,
                  done: bool) -> Changes:
        with self.store.write() as s:
            current = self._load(s, task_id)
            if done and current.status == TaskStatus.DONE:
                raise ValidationError(ALREADY_DONE, field="status", title=current.title)
            if not done and current.status != TaskStatus.DONE:
                raise ValidationError(NOT_DONE, field="status", title=current.title)
            if not permissions.can_toggle_done(actor, current.assignee_id, current.role_id,
                                               not done, current.done_by):
                raise permissions.deny(actor, permissions.TICK_OFF if done else permissions.REOPEN)
            status = (TaskStatus.DONE if done else TaskStatus.TODO).value
            values = {"status": status,
                      **done_fields(current.status, status, self.clock(), actor.user_id)}
            self._write(s, current, expected_version, values)
            cid = self.log(s, actor, "task", task_id, "done" if done else "reopen",
                           before=dict(status=current.status), after=dict(status=values["status"]),
                           plan_id=current.plan_id)
        return self._restorable(current, values, cid)

    def skip(self, actor: Actor, ids: Iterable[int],
             expected_versions: dict[int, int] | None = None) -> BulkChanges:
        """Mark open occurrences of routines *skipped* (missed days let go: neither done nor
        overdue): one transaction, one change-log entry, one undo step. Staff may skip the
        occurrences that are theirs to tick off (``permissions.can_tick``)."""
        ids = self._ids(ids)
        skipped = TaskStatus.SKIPPED.value
        with self.store.write() as s:
            current, plan_id = self._current(
                s, ids, ["title", "status", "series_id", "assignee_id", "role_id", "done_at",
                         "done_by"])
            before = {}
            for tid in ids:
                row = current[tid]
                if not permissions.can_tick(actor, row["assignee_id"], row["role_id"]):
                    raise permissions.deny(actor, permissions.TICK_OFF)
                if row["series_id"] is None or row["status"] not in OPEN_STATUSES:
                    raise ValidationError(NOT_SKIPPABLE, field="status", title=row["title"])
                self._check_version(row, expected_versions)
                new = {"status": skipped, "done_at": None, "done_by": None}
                before[tid] = {k: row[k] for k in new} | {AFTER: new}
            self._write_many(s, ids, current, [before[t][AFTER] for t in ids])
            cid = self.log(s, actor, "task", None, "skip", plan_id=plan_id,
                           before={str(k): {f: v for f, v in b.items() if f != AFTER}
                                   for k, b in before.items()},
                           after={"ids": ids, "count": len(ids), "status": skipped})
        return BulkChanges(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id,
                           before=before)

    @staticmethod
    def _restorable(current: TaskRow, written: dict[str, Any], cid: int) -> BulkChanges:
        """The Changes of a single-task write; ``before`` maps the task's id to its previous
        values (status always with done_at/done_by) and, under ``AFTER``, the values this
        write left there (the views patch their rows with them; undo is the services'
        ``HistoryService``, on the change log)."""
        keys = list(written)
        if "status" in written:
            keys += [k for k in ("done_at", "done_by") if k not in written]
        old = {k: getattr(current, k) for k in keys}
        new = {k: written.get(k, getattr(current, k)) for k in keys}
        return BulkChanges(tasks=True, ids=frozenset({current.id}), change_id=cid,
                           plan_id=current.plan_id, before={current.id: old | {AFTER: new}})

    def comment(self, actor: Actor, task_id: int, text: str) -> Changes:
        text = validate.text(text, "text", 5000)
        with self.store.write() as s:
            current = self._load(s, task_id)
            comment_id = inserted_id(s.execute(insert(Comment).values(
                task_id=task_id, user_id=actor.user_id, at=self.clock(), text=text)
            ))
            cid = self.log(s, actor, "comment", comment_id, "create",
                           after=dict(task_id=task_id, text=text), plan_id=current.plan_id)
        return Changes(comments=True, ids=frozenset({task_id}), change_id=cid,
                       plan_id=current.plan_id)

    # ---- helpers

    @staticmethod
    def _load(s, task_id: int) -> TaskRow:
        row = s.execute(select(*TASK_COLUMNS).where(Task.id == task_id)).first()
        if row is None:
            raise NotFound()
        return TaskRow(*row)

    @staticmethod
    def _write(s, current: TaskRow, expected_version: int | None, values: dict[str, Any]) -> None:
        version = current.version if expected_version is None else expected_version
        result = s.execute(update(Task).where(Task.id == current.id, Task.version == version)
                           .values(version=Task.version + 1, **values))
        if result.rowcount != 1:
            raise ConflictError()

    @staticmethod
    def _clean(values: dict[str, Any], current: Dated | None) -> dict[str, Any]:
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise TypeError(f"not editable: {sorted(unknown)}")
        clean = dict(values)
        if "title" in clean or current is None:
            clean["title"] = validate.text(clean.get("title"), "title", 500)
        if "notes" in clean:
            clean["notes"] = (clean["notes"] or "").strip()
        for f in ("start", "due"):
            if f in clean:
                clean[f] = validate.date(clean[f], f)
        start = clean.get("start", current.start if current else None)
        due = clean.get("due", current.due if current else None)
        validate.date_order(start, due)
        if "status" in clean:
            clean["status"] = validate.choice(clean["status"], TaskStatus, "status")
        if "priority" in clean:
            clean["priority"] = validate.choice(clean["priority"], Priority, "priority")
        if "is_milestone" in clean:
            clean["is_milestone"] = bool(clean["is_milestone"])
        return clean

    @staticmethod
    def _check_refs(s, plan_id: int, clean: dict[str, Any]) -> None:
        if clean.get("phase_id") is not None and s.scalar(
                select(Phase.plan_id).where(Phase.id == clean["phase_id"])) != plan_id:
            raise ValidationError(NOT_IN_PLAN, field="phase_id", label=PHASE)
        if clean.get("parent_id") is not None and s.scalar(
                select(Task.plan_id).where(Task.id == clean["parent_id"])) != plan_id:
            raise ValidationError(NOT_IN_PLAN, field="parent_id", label=PARENT_TASK)
        if clean.get("role_id") is not None and s.scalar(
                select(func.count()).select_from(Role).where(Role.id == clean["role_id"])) == 0:
            raise ValidationError(NOT_IN_PLAN, field="role_id", label=ROLE)
        if clean.get("assignee_id") is not None:
            person = s.execute(select(User.name, User.active).where(
                User.id == clean["assignee_id"])).first()
            if person is None:
                raise ValidationError(NO_PERSON, field="assignee_id", id=clean["assignee_id"])
            if not person.active:
                raise ValidationError(INACTIVE_PERSON, field="assignee_id", name=person.name)

    @staticmethod
    def _is_within(s, task_id: int, ancestor: int) -> bool:
        """Whether ``task_id`` is ``ancestor`` or lies somewhere below it."""
        seen: set[int] = set()
        current: int | None = task_id
        while current is not None and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            current = s.scalar(select(Task.parent_id).where(Task.id == current))
        return False

    @staticmethod
    def _reaches(s, start: int, goal: int) -> bool:
        """Whether ``goal`` is reachable from ``start`` along successor links."""
        seen, frontier = {start}, [start]
        while frontier:
            nxt = s.scalars(select(TaskLink.succ_id).where(TaskLink.pred_id.in_(frontier))).all()
            if goal in nxt:
                return True
            frontier = [n for n in nxt if n not in seen]
            seen.update(frontier)
        return False
