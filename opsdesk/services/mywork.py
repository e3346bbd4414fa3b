"""My work: the signed-in person's tasks plus the unassigned tasks of their roles, in one query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, literal, or_, select

from opsdesk.model import Phase, Task
from opsdesk.model.enums import TaskStatus
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.my_task import GROUPS, RECENT_DAYS, MyTask, list_rows

__all__ = ["GROUPS", "RECENT_DAYS", "Checklist", "MyTask", "MyWorkService", "checklist",
           "list_rows"]


class MyWorkService(Service):
    def tasks(self, plan_id: int, actor: Actor, today: dt.date,
              task_ids: frozenset[int] | None = None, whose=None) -> list[MyTask]:
        """Open work and what was done in the last week, by due date (one query); with
        ``task_ids``, just those tasks (whoever holds them) and phase counts left at 0.
        Whose a task is: ``permissions.mine_clause`` (``rules.is_mine`` in SQL), or the
        clause ``whose`` (a role's list: every task of the role)."""
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
                    .where(Task.plan_id == plan_id,
                           permissions.mine_clause(actor) if whose is None else whose,
                           Task.status.notin_((TaskStatus.CANCELLED, TaskStatus.SKIPPED)),
                           or_(Task.status != TaskStatus.DONE, Task.done_at >= since))
                    .order_by(Task.due.is_(None), Task.due, Task.is_milestone.desc(),
                              Task.position, Task.id))
        with self.store.read() as s:
            return [MyTask(**r._mapping) for r in s.execute(stmt)]

    def due_summary(self, plan_id: int, actor: Actor, today: dt.date) -> tuple[int, int]:
        """(overdue, due today) of the person's open work as My work lists it (a routine
        missed on several days is one): the notice shown on start and by the reminders."""
        groups = [t.group(today) for t in list_rows(self.tasks(plan_id, actor, today), today)]
        return groups.count("overdue"), groups.count("today")


@dataclass(frozen=True)
class Checklist:
    """A printed to-do list: open work due by ``until`` (today, or this week's Sunday),
    overdue work first, a routine's missed days as one row."""

    who: str  # the person's name, or the role's name in the language asked
    today: dt.date
    until: dt.date
    rows: list[MyTask]
    week: bool = False  # this week's list (to ``until``, the Sunday), not today's


def checklist(services, plan_id: int, actor: Actor, today: dt.date, week: bool = False,
              person_id: int | None = None, role_id: int | None = None,
              lang: str = "zh_CN") -> Checklist:
    """The list to print: ``actor``'s own, or (a manager only) ``person_id``'s, or every
    task of role ``role_id``."""
    until = today + dt.timedelta(days=6 - today.weekday()) if week else today
    if role_id is not None:
        permissions.require_manager(actor, permissions.PRINT_OTHERS)
        role = next((r for r in services.people.roles() if r.id == role_id), None)
        if role is None:
            from opsdesk.errors import NotFound

            raise NotFound()
        who = role.name(lang)
        tasks = services.mywork.tasks(plan_id, actor, today, whose=Task.role_id == role_id)
    else:
        if person_id is not None and person_id != actor.user_id:
            permissions.require_manager(actor, permissions.PRINT_OTHERS)
            actor = services.people.actor_for(person_id)
        who = actor.name
        tasks = services.mywork.tasks(plan_id, actor, today)
    rows = [t for t in list_rows(tasks, today)
            if not t.done and t.due is not None and t.due <= until]
    return Checklist(who, today, until, rows, week)
