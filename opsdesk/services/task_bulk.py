"""Bulk task edits (assign, reschedule, status) and undoable delete: one transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, or_, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Comment, Task, TaskLink
from opsdesk.model.rules import done_fields
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from opsdesk.services.tasks import Dated, TaskRow

NOTHING_CHOSEN = QT_TRANSLATE_NOOP("Errors", "Choose at least one task first.")
MIXED_PLANS = QT_TRANSLATE_NOOP("Errors", "The chosen tasks belong to different plans.")
BULK_FIELDS = ("phase_id", "role_id", "assignee_id", "start", "due", "status", "priority",
               "is_milestone")


@dataclass(frozen=True)
class _Dates:
    start: dt.date | None = None
    due: dt.date | None = None


_NO_DATES = _Dates()  # a bulk edit's fields alone: each row's dates are checked after
_CHUNK = 900
AFTER = "_after"
"""Key, in a ``BulkChanges.before`` entry, of the values the edit wrote (checked on undo)."""


@dataclass(frozen=True)
class TaskSnapshot:
    """A deleted task with its subtasks, their comments and links (rows as dicts)."""

    tasks: list[dict[str, Any]]
    links: list[dict[str, Any]]
    comments: list[dict[str, Any]]
    plan_id: int

    @property
    def root_id(self) -> int:
        return self.tasks[0]["id"]


@dataclass(frozen=True)
class BulkChanges(Changes):
    """``Changes`` plus what undo needs: the previous values per id (each with the values
    this write set, under ``AFTER``) or the snapshot of a deleted task."""

    before: dict[int, dict[str, Any]] = field(default_factory=dict, compare=False, hash=False)
    snapshot: TaskSnapshot | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class DeleteImpact:
    subtasks: int
    successors: int
    predecessors: int
    comments: int


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


class BulkTaskOps(Service):
    """Mixed into ``TaskService``; uses its store, clock, log, _clean and _check_refs."""

    if TYPE_CHECKING:  # TaskService's
        @staticmethod
        def _clean(values: dict[str, Any], current: Dated | None) -> dict[str, Any]: ...
        @staticmethod
        def _check_refs(s: Session, plan_id: int, clean: dict[str, Any]) -> None: ...
        @staticmethod
        def _load(s: Session, task_id: int) -> TaskRow: ...

    # ---- bulk edits
    def bulk_update(self, actor: Actor, ids: Iterable[int],
                    expected_versions: dict[int, int] | None = None, **fields: Any) -> BulkChanges:
        """Set the same fields on many tasks: one transaction, one change-log entry."""
        permissions.require_manager(actor)
        unknown = set(fields) - set(BULK_FIELDS)
        if unknown:
            raise TypeError(f"not bulk-editable: {sorted(unknown)}")
        clean = self._clean(fields, _NO_DATES)
        ids = self._ids(ids)
        cols = sorted(set(clean) | {"start", "due", "status", "done_at", "done_by"})
        with self.store.write() as s:
            current, plan_id = self._current(s, ids, cols)
            self._check_refs(s, plan_id, clean)
            now = self.clock()
            params, before = [], {}
            for tid in ids:
                row = current[tid]
                self._check_version(row, expected_versions)
                new = dict(clean)
                validate.date_order(new.get("start", row["start"]), new.get("due", row["due"]))
                if "status" in clean:  # (every row writes both: one statement for all)
                    new.update({"done_at": row["done_at"], "done_by": row["done_by"]},
                               **done_fields(row["status"], clean["status"], now, actor.user_id))
                before[tid] = {k: row[k] for k in new} | {AFTER: new}
                params.append(new)
            self._write_many(s, ids, current, params)
            cid = self.log(s, actor, "task", None, "bulk_update", plan_id=plan_id,
                           before={str(k): {f: v for f, v in b.items() if f != AFTER}
                                   for k, b in before.items()},
                           after=dict(clean, ids=ids, count=len(ids)))
        return BulkChanges(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id,
                           before=before)

    def bulk_shift(self, actor: Actor, ids: Iterable[int], days: int,
                   expected_versions: dict[int, int] | None = None,
                   working_days: bool = False) -> BulkChanges:
        """Move start and due of many tasks by ``days``: one transaction, one entry. With
        ``working_days`` each date moves by that many working days of China's calendar
        (weekends, public holidays and 调休 counted as ``model/workdays.py`` says)."""
        from opsdesk.model.workdays import add_workdays

        permissions.require_manager(actor)
        ids = self._ids(ids)
        delta = dt.timedelta(days=int(days))

        def moved(day: dt.date) -> dt.date:
            return add_workdays(day, int(days)) if working_days else day + delta
        with self.store.write() as s:
            current, plan_id = self._current(s, ids, ["start", "due"])
            params, before = [], {}
            for tid in ids:
                row = current[tid]
                self._check_version(row, expected_versions)
                new = {f: validate.date(moved(row[f]), f) if row[f] else None
                       for f in ("start", "due")}
                before[tid] = {"start": row["start"], "due": row["due"], AFTER: new}
                params.append(new)
            self._write_many(s, ids, current, params)
            cid = self.log(s, actor, "task", None, "bulk_shift", plan_id=plan_id,
                           before={str(k): {f: v for f, v in b.items() if f != AFTER}
                                   for k, b in before.items()},
                           after={"ids": ids, "count": len(ids), "days": int(days)}
                           | ({"working_days": True} if working_days else {}))
        return BulkChanges(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id,
                           before=before)

    # ---- delete and restore
    def delete_impact(self, task_id: int) -> DeleteImpact:
        """What else goes when this task is deleted (for the confirmation)."""
        with self.store.read() as s:
            ids = self._family(s, task_id)
            subtasks = len(ids) - 1
            succ = s.scalar(select(func.count()).select_from(TaskLink).where(
                TaskLink.pred_id.in_(ids), TaskLink.succ_id.not_in(ids)))
            pred = s.scalar(select(func.count()).select_from(TaskLink).where(
                TaskLink.succ_id.in_(ids), TaskLink.pred_id.not_in(ids)))
            comments = s.scalar(select(func.count()).select_from(Comment).where(
                Comment.task_id.in_(ids)))
        return DeleteImpact(subtasks, succ or 0, pred or 0, comments or 0)

    def _snapshot(self, s, task_id: int) -> TaskSnapshot:
        ids = self._family(s, task_id)
        rows = {r["id"]: dict(r) for r in s.execute(
            select(Task.__table__).where(Task.id.in_(ids))).mappings()}
        tasks = [rows[i] for i in ids]  # parents before their subtasks
        links = [dict(r) for r in s.execute(select(TaskLink.__table__).where(
            or_(TaskLink.pred_id.in_(ids), TaskLink.succ_id.in_(ids)))).mappings()]
        comments = [dict(r) for r in s.execute(select(Comment.__table__).where(
            Comment.task_id.in_(ids)).order_by(Comment.id)).mappings()]
        return TaskSnapshot(tasks, links, comments, tasks[0]["plan_id"])

    def _delete_with_snapshot(self, actor: Actor, task_id: int) -> BulkChanges:
        permissions.require_manager(actor)
        with self.store.write() as s:
            current = self._load(s, task_id)
            snap = self._snapshot(s, task_id)
            s.execute(delete(Task).where(Task.id == task_id))
            cid = self.log(s, actor, "task", task_id, "delete", plan_id=current.plan_id,
                           before=dict(title=current.title, subtasks=len(snap.tasks) - 1,
                                       comments=len(snap.comments), links=len(snap.links)))
        return BulkChanges(tasks=True, comments=True, ids=frozenset(t["id"] for t in snap.tasks),
                           change_id=cid, plan_id=current.plan_id, snapshot=snap)

    # ---- helpers
    @staticmethod
    def _ids(ids: Iterable[int]) -> list[int]:
        out = list(dict.fromkeys(int(i) for i in ids))
        if not out:
            raise ValidationError(NOTHING_CHOSEN, field="ids")
        return out

    @staticmethod
    def _family(s, task_id: int) -> list[int]:
        """The task and everything below it, parents first."""
        if s.scalar(select(Task.id).where(Task.id == task_id)) is None:
            raise NotFound()
        out, frontier = [task_id], [task_id]
        while frontier:
            frontier = list(s.scalars(select(Task.id).where(Task.parent_id.in_(frontier))
                                      .order_by(Task.id)))
            frontier = [i for i in frontier if i not in out]
            out += frontier
        return out

    @staticmethod
    def _current(s, ids: list[int], cols: list[str]) -> tuple[dict[int, dict], int]:
        columns = [Task.id, Task.plan_id, Task.version] + [getattr(Task, c) for c in cols]
        current: dict[int, dict] = {}
        for chunk in _chunks(ids):
            for r in s.execute(select(*columns).where(Task.id.in_(chunk))).mappings():
                current[r["id"]] = dict(r)
        if len(current) != len(ids):
            raise NotFound()
        plans = {r["plan_id"] for r in current.values()}
        if len(plans) != 1:
            raise ValidationError(MIXED_PLANS, field="ids")
        return current, plans.pop()

    @staticmethod
    def _check_version(row: dict, expected: dict[int, int] | None) -> None:
        if expected is not None and row["id"] in expected and expected[row["id"]] != row["version"]:
            raise ConflictError()

    @staticmethod
    def _write_many(s, ids: list[int], current: dict[int, dict], params: list[dict]) -> None:
        """One executemany per set of columns; each row guarded by the version it had."""
        groups: dict[tuple[str, ...], list[dict]] = {}
        for tid, values in zip(ids, params, strict=True):
            key = tuple(sorted(values))
            groups.setdefault(key, []).append(
                {f"v_{k}": v for k, v in values.items()}
                | {"b_id": tid, "b_ver": current[tid]["version"]})
        total = 0
        for key, batch in groups.items():
            stmt = (update(Task).where(Task.id == bindparam("b_id"),
                                       Task.version == bindparam("b_ver"))
                    .values(version=Task.version + 1, **{k: bindparam(f"v_{k}") for k in key}))
            total += s.connection().execute(stmt, batch).rowcount
        if total != len(ids):
            raise ConflictError()
