"""Rescheduling several tasks at once (a timeline drag with its successors): one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Task
from opsdesk.model.dates import shift
from opsdesk.model.workdays import add_workdays
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes

NO_DATES = QT_TRANSLATE_NOOP("Errors", "“{title}” has no dates yet; give it a start or a due date first.")
MIXED_PLANS = QT_TRANSLATE_NOOP("Errors", "The tasks to move belong to different plans.")


class ScheduleService(Service):
    def move(self, actor: Actor, task_ids: Iterable[int], days: int,
             expected_versions: Mapping[int, int] | None = None,
             working_days: bool = False) -> Changes:
        """Move the start and due of every task by ``days``: all or nothing, one log entry.
        With ``working_days`` each date moves by that many working days of China's calendar
        (model/workdays.py: holidays and make-up days), so a task keeps its working days."""
        permissions.require_manager(actor)
        ids = sorted(set(task_ids))
        if not ids:
            raise NotFound()
        with self.store.write() as s:
            rows = s.execute(select(Task.id, Task.plan_id, Task.title, Task.start, Task.due,
                                    Task.version).where(Task.id.in_(ids))).all()
            if len(rows) != len(ids):
                raise NotFound()
            if len({r.plan_id for r in rows}) != 1:
                raise ValidationError(MIXED_PLANS, field="tasks")
            params = []
            for r in rows:
                if r.start is None and r.due is None:
                    raise ValidationError(NO_DATES, field="start", title=r.title)
                if expected_versions and expected_versions.get(r.id, r.version) != r.version:
                    raise ConflictError()
                if working_days:
                    start = add_workdays(r.start, days) if r.start else None
                    due = add_workdays(r.due, days) if r.due else None
                else:
                    start, due = shift(r.start, days), shift(r.due, days)
                params.append({"_id": r.id, "_start": validate.date(start, "start") if start else None,
                               "_due": validate.date(due, "due") if due else None})
            if days:
                table = Task.__table__
                s.connection().execute(
                    update(table).where(table.c.id == bindparam("_id")).values(
                        start=bindparam("_start"), due=bindparam("_due"),
                        version=table.c.version + 1), params)
            followed: set[int] = set()
            if days:  # the tasks anchored on a moved one follow it (services/anchors.py)
                from opsdesk.services.anchors import after_due_change

                followed = after_due_change(s, rows[0].plan_id, {
                    r.id: (p["_due"] - r.due).days for r, p in zip(rows, params, strict=True)
                    if r.due is not None and p["_due"] is not None})
            plan_id = rows[0].plan_id
            cid = self.log(s, actor, "task", ids[0] if len(ids) == 1 else None, "move",
                           plan_id=plan_id, after=dict(ids=ids, days=days)
                           | ({"working_days": True} if working_days else {}))
        return Changes(tasks=True, ids=frozenset(ids) | followed, change_id=cid, plan_id=plan_id)
