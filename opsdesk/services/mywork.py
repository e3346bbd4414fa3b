"""My work: the signed-in person's tasks plus the unassigned tasks of their roles, in one query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, literal, or_, select

from opsdesk.model import Phase, Task
from opsdesk.model.dates import progress
from opsdesk.model.enums import TaskStatus
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service

GROUPS = ("overdue", "today", "week", "later", "done")
RECENT_DAYS = 7


@dataclass(frozen=True)
class MyTask:
    id: int
    title: str
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: str
    is_milestone: bool
    assignee_id: int | None
    role_id: int | None
    done_at: dt.datetime | None
    done_by: int | None
    version: int
    series_id: int | None
    phase_id: int | None
    phase_zh: str | None
    phase_en: str | None
    phase_color: str | None
    phase_total: int
    phase_done: int

    def phase_name(self, lang: str) -> str:
        return (self.phase_zh if lang.startswith("zh") else self.phase_en) or ""

    @property
    def phase_progress(self) -> float:
        return progress(self.phase_done, self.phase_total)

    @property
    def done(self) -> bool:
        return self.status == TaskStatus.DONE

    def group(self, today: dt.date) -> str:
        """overdue / today / week (the next 7 days) / later / done."""
        if self.done:
            return "done"
        if self.due is None:
            return "later"
        if self.due < today:
            return "overdue"
        if self.due == today:
            return "today"
        if self.due < today + dt.timedelta(days=7):
            return "week"
        return "later"


class MyWorkService(Service):
    def tasks(self, plan_id: int, actor: Actor, today: dt.date,
              task_ids: frozenset[int] | None = None) -> list[MyTask]:
        """Open work and what was done in the last week, by due date (one query); with
        ``task_ids``, just those tasks (whoever holds them) and phase counts left at 0.
        Whose a task is: ``permissions.mine_clause`` (``rules.is_mine`` in SQL)."""
        stats = (select(Task.phase_id.label("pid"), func.count().label("total"),
                        func.sum(case((Task.status == TaskStatus.DONE, 1), else_=0)).label("done"))
                 .where(Task.plan_id == plan_id, Task.status != TaskStatus.CANCELLED)
                 .group_by(Task.phase_id).subquery())
        since = dt.datetime.combine(today - dt.timedelta(days=RECENT_DAYS), dt.time())
        columns = (Task.id, Task.title, Task.start, Task.due, Task.status, Task.priority,
                   Task.is_milestone, Task.assignee_id, Task.role_id, Task.done_at, Task.done_by,
                   Task.version, Task.series_id, Task.phase_id, Phase.name_zh.label("phase_zh"),
                   Phase.name_en.label("phase_en"), Phase.color.label("phase_color"))
        if task_ids is not None:  # a few rows again after a write: no need for the phase counts
            stmt = (select(*columns, literal(0).label("phase_total"),
                           literal(0).label("phase_done"))
                    .outerjoin(Phase, Phase.id == Task.phase_id)
                    .where(Task.plan_id == plan_id, Task.id.in_(task_ids)))
        else:
            stmt = (select(*columns, func.coalesce(stats.c.total, 0).label("phase_total"),
                           func.coalesce(stats.c.done, 0).label("phase_done"))
                    .outerjoin(Phase, Phase.id == Task.phase_id)
                    .outerjoin(stats, stats.c.pid == Task.phase_id)
                    .where(Task.plan_id == plan_id, permissions.mine_clause(actor),
                           Task.status != TaskStatus.CANCELLED,
                           or_(Task.status != TaskStatus.DONE, Task.done_at >= since))
                    .order_by(Task.due.is_(None), Task.due, Task.is_milestone.desc(),
                              Task.position, Task.id))
        with self.store.read() as s:
            return [MyTask(**r._mapping) for r in s.execute(stmt)]

    def due_summary(self, plan_id: int, actor: Actor, today: dt.date) -> tuple[int, int]:
        """(overdue, due today) of the person's open work: the notice shown on start."""
        groups = [t.group(today) for t in self.tasks(plan_id, actor, today)]
        return groups.count("overdue"), groups.count("today")
