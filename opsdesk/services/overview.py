"""The plan at a glance: phases with progress, counts by status, overdue work, next milestones.

Every figure is one aggregate query, so the overview of a 100k-task plan stays instant.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import case, func, select

from opsdesk.model import Phase, Task, User
from opsdesk.model.enums import OPEN_STATUSES
from opsdesk.services.base import Service
from opsdesk.services.overview_data import (
    PRIORITY_RANKS,
    Overview,
    PhaseProgress,
    TaskBrief,
    summarize,
)
from opsdesk.services.plans import PHASE_COLUMNS, PhaseInfo, PlanService

__all__ = ["Overview", "OverviewService", "PhaseProgress", "TaskBrief"]


# Priorities sort by urgency, not alphabetically ("urgent" > "high" > "normal" > "low").
PRIORITY_RANK = case(PRIORITY_RANKS, value=Task.priority, else_=1)


class OverviewService(Service):
    def task_count(self, plan_id: int) -> int:
        """How many tasks the plan has (occurrences of routines included)."""
        with self.store.read() as s:
            return s.scalar(select(func.count()).select_from(Task)
                            .where(Task.plan_id == plan_id)) or 0

    def overview(self, plan_id: int, today: dt.date, overdue_limit: int = 8,
                 milestone_limit: int = 5) -> Overview:
        plan = PlanService(self.store, self.clock).get(plan_id)
        is_open = Task.status.in_(OPEN_STATUSES)
        overdue_cond = is_open & (Task.due < today)
        brief = (Task.id, Task.title, Task.due, Task.status, Task.role_id, User.name,
                 Task.is_milestone)
        with self.store.read() as s:
            phase_rows = s.execute(select(*PHASE_COLUMNS).where(Phase.plan_id == plan_id)
                                   .order_by(Phase.position, Phase.start)).all()
            # One pass over the plan's tasks (a covering index) gives every count.
            groups = s.execute(
                select(Task.phase_id, Task.status, Task.is_milestone, func.count(),
                       func.sum(case((overdue_cond, 1), else_=0)))
                .where(Task.plan_id == plan_id)
                .group_by(Task.phase_id, Task.status, Task.is_milestone)).all()
            overdue = s.execute(
                select(*brief).outerjoin(User, User.id == Task.assignee_id)
                .where(Task.plan_id == plan_id, overdue_cond)
                .order_by(Task.due, PRIORITY_RANK.desc(), Task.id).limit(overdue_limit)).all()
            milestones = s.execute(
                select(*brief).outerjoin(User, User.id == Task.assignee_id)
                .where(Task.plan_id == plan_id, Task.is_milestone.is_(True), is_open,
                       Task.due >= today)
                .order_by(Task.due, Task.id).limit(milestone_limit)).all()
        return summarize(plan, today, [PhaseInfo(*r) for r in phase_rows],
                         cast("list[tuple[int | None, str, bool, int, int | None]]", groups),
                         [TaskBrief(*r) for r in overdue],
                         [TaskBrief(*r) for r in milestones])
