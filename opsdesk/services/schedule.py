"""Rescheduling several tasks at once (a timeline drag with its successors): one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Task
from opsdesk.model.dates import shift
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes

NO_DATES = QT_TRANSLATE_NOOP("Errors", "“{title}” has no dates yet; give it a start or a due date first.")
MIXED_PLANS = QT_TRANSLATE_NOOP("Errors", "The tasks to move belong to different plans.")


class ScheduleService(Service):
    def move(self, actor: Actor, task_ids: Iterable[int], days: int,
             expected_versions: Mapping[int, int] | None = None) -> Changes:
        """Move the start and due of every task by ``days``: all or nothing, one log entry."""
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
                start, due = shift(r.start, days), shift(r.due, days)
                params.append({"_id": r.id, "_start": validate.date(start, "start") if start else None,
                               "_due": validate.date(due, "due") if due else None})
            if days:
                table = Task.__table__
                s.connection().execute(
                    update(table).where(table.c.id == bindparam("_id")).values(
                        start=bindparam("_start"), due=bindparam("_due"),
                        version=table.c.version + 1), params)
            plan_id = rows[0].plan_id
            cid = self.log(s, actor, "task", ids[0] if len(ids) == 1 else None, "move",
                           plan_id=plan_id, after=dict(ids=ids, days=days))
        return Changes(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id)
