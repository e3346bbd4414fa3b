"""The team at a glance: open, overdue and done-this-week per person and role; weekly workload."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from opsdesk.model import Phase, Task
from opsdesk.model.enums import OPEN_STATUSES, TaskStatus
from opsdesk.services.base import Service
from opsdesk.services.tasks import TASK_COLUMNS, TaskRow

UNASSIGNED = 0  # the "person" key of tasks nobody holds yet


@dataclass
class Load:
    open: int = 0
    overdue: int = 0
    done_week: int = 0
    weeks: list[int] = field(default_factory=list)  # open tasks due in each plan week
    # ``done_week`` counts what the person ticked off since Monday (whoever held the task)


@dataclass(frozen=True)
class TeamData:
    first_week: dt.date  # Monday of the plan's first week
    weeks: int
    people: dict[tuple[int, int], Load]  # (role_id or 0, user_id or 0) → load
    roles: dict[int, Load]


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class TeamService(Service):
    def team(self, plan_id: int, today: dt.date) -> TeamData:
        """Two grouped queries: counts per (role, person), and open work per (person, due day)."""
        week_start = dt.datetime.combine(monday(today), dt.time())
        open_ = Task.status.in_(OPEN_STATUSES)
        counts = (select(func.coalesce(Task.role_id, 0), func.coalesce(Task.assignee_id, 0),
                         func.sum(case((open_, 1), else_=0)),
                         func.sum(case((open_ & (Task.due < today), 1), else_=0)))
                  .where(Task.plan_id == plan_id, open_)
                  .group_by(func.coalesce(Task.role_id, 0), func.coalesce(Task.assignee_id, 0)))
        done = (select(func.coalesce(Task.role_id, 0), func.coalesce(Task.done_by, 0), func.count())
                .where(Task.plan_id == plan_id, Task.status == TaskStatus.DONE,
                       Task.done_at >= week_start)
                .group_by(func.coalesce(Task.role_id, 0), func.coalesce(Task.done_by, 0)))
        by_day = (select(func.coalesce(Task.role_id, 0), func.coalesce(Task.assignee_id, 0),
                         Task.due, func.count())
                  .where(Task.plan_id == plan_id, open_, Task.due.is_not(None))
                  .group_by(func.coalesce(Task.role_id, 0), func.coalesce(Task.assignee_id, 0),
                            Task.due))
        bounds = select(func.min(Phase.start), func.max(Phase.end)).where(Phase.plan_id == plan_id)
        with self.store.read() as s:
            rows = s.execute(counts).all()
            done_rows = s.execute(done).all()
            days = s.execute(by_day).all()
            lo, hi = s.execute(bounds).one()
        lo = lo or today
        hi = hi or today
        first = monday(lo)
        weeks = (monday(hi) - first).days // 7 + 1
        people: dict[tuple[int, int], Load] = defaultdict(lambda: Load(weeks=[0] * weeks))
        for role, user, open_n, overdue in rows:
            load = people[(role, user)]
            load.open, load.overdue = int(open_n or 0), int(overdue or 0)
        for role, user, n in done_rows:  # done this week counts for the one who ticked it
            people[(role, user)].done_week += int(n)
        for role, user, due, n in days:
            assert due is not None  # by_day leaves undated tasks out
            w = min(max((due - first).days // 7, 0), weeks - 1)
            people[(role, user)].weeks[w] += n
        roles: dict[int, Load] = defaultdict(lambda: Load(weeks=[0] * weeks))
        for (role, _user), load in people.items():
            r = roles[role]
            r.open += load.open
            r.overdue += load.overdue
            r.done_week += load.done_week
            r.weeks = [a + b for a, b in zip(r.weeks, load.weeks, strict=True)]
        return TeamData(first, weeks, dict(people), dict(roles))

    def open_tasks(self, plan_id: int, user_id: int | None, role_id: int | None = None
                   ) -> list[TaskRow]:
        """Open tasks a person holds (``user_id`` None: unassigned tasks of ``role_id``)."""
        stmt = select(*TASK_COLUMNS).where(Task.plan_id == plan_id, Task.status.in_(OPEN_STATUSES))
        if user_id is None:
            stmt = stmt.where(Task.assignee_id.is_(None))
            if role_id is not None:
                stmt = stmt.where(Task.role_id == role_id)
        else:
            stmt = stmt.where(Task.assignee_id == user_id)
        stmt = stmt.order_by(Task.due.is_(None), Task.due, Task.position, Task.id)
        with self.store.read() as s:
            return [TaskRow(*r) for r in s.execute(stmt)]

    def deactivate(self, actor, user_id: int, plan_id: int | None, give_back: bool):
        """Deactivate a person; with ``give_back``, their open tasks of the plan go back to
        their roles (unassigned) first. One action: one transaction, one undo step."""
        from opsdesk.services.people import PeopleService
        from opsdesk.services.tasks import TaskService

        tasks, people = TaskService(self.store, self.clock), PeopleService(self.store, self.clock)
        with self.store.write():
            changes = people.update_user(actor, user_id, active=False)
            if give_back and plan_id is not None:
                held = [t.id for t in self.open_tasks(plan_id, user_id)]
                if held:
                    changes = tasks.bulk_update(actor, held, assignee_id=None) | changes
        return changes
