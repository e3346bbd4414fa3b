"""The plan at a glance: phases with progress, counts by status, overdue work, next milestones.

Every figure is one aggregate query, so the overview of a 100k-task plan stays instant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from opsdesk.model import Phase, Task, User
from opsdesk.model.dates import progress, time_elapsed
from opsdesk.model.enums import OPEN_STATUSES
from opsdesk.services.base import Service
from opsdesk.services.plans import PHASE_COLUMNS, PhaseInfo, PlanInfo, PlanService


@dataclass(frozen=True)
class PhaseProgress:
    phase: PhaseInfo
    total: int
    done: int
    overdue: int

    @property
    def progress(self) -> float:
        return progress(self.done, self.total)

    def elapsed(self, today: dt.date) -> float:
        return time_elapsed(self.phase.start, self.phase.end, today)

    def is_current(self, today: dt.date) -> bool:
        return self.phase.start <= today <= self.phase.end


@dataclass(frozen=True)
class TaskBrief:
    id: int
    title: str
    due: dt.date | None
    status: str
    role_id: int | None
    assignee: str | None
    is_milestone: bool


@dataclass(frozen=True)
class Overview:
    plan: PlanInfo
    today: dt.date
    phases: list[PhaseProgress]
    counts: dict[str, int]
    overdue_total: int
    overdue: list[TaskBrief]
    milestones: list[TaskBrief]
    milestones_done: int
    milestones_total: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def next_milestone(self) -> TaskBrief | None:
        return self.milestones[0] if self.milestones else None

    def days_to_next_milestone(self) -> int | None:
        m = self.next_milestone
        return None if m is None or m.due is None else (m.due - self.today).days


# Priorities sort by urgency, not alphabetically ("urgent" > "high" > "normal" > "low").
PRIORITY_RANK = case({"urgent": 3, "high": 2, "normal": 1, "low": 0}, value=Task.priority,
                     else_=1)


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
            per_phase: dict[int | None, list[int]] = {}
            counts: dict[str, int] = {}
            ms_total = ms_done = 0
            for phase_id, status, milestone, n, late in s.execute(
                    select(Task.phase_id, Task.status, Task.is_milestone, func.count(),
                           func.sum(case((overdue_cond, 1), else_=0)))
                    .where(Task.plan_id == plan_id)
                    .group_by(Task.phase_id, Task.status, Task.is_milestone)):
                counts[status] = counts.get(status, 0) + n
                if status in ("cancelled", "skipped"):  # (skipped: counted apart, in counts)
                    continue
                acc = per_phase.setdefault(phase_id, [0, 0, 0])
                acc[0] += n
                acc[1] += n if status == "done" else 0
                acc[2] += late or 0
                if milestone:
                    ms_total += n
                    ms_done += n if status == "done" else 0
            overdue_total = sum(v[2] for v in per_phase.values())
            overdue = s.execute(
                select(*brief).outerjoin(User, User.id == Task.assignee_id)
                .where(Task.plan_id == plan_id, overdue_cond)
                .order_by(Task.due, PRIORITY_RANK.desc(), Task.id).limit(overdue_limit)).all()
            milestones = s.execute(
                select(*brief).outerjoin(User, User.id == Task.assignee_id)
                .where(Task.plan_id == plan_id, Task.is_milestone.is_(True), is_open,
                       Task.due >= today)
                .order_by(Task.due, Task.id).limit(milestone_limit)).all()
        phases = []
        for r in phase_rows:
            total, done, late = per_phase.get(r[0], (0, 0, 0))
            phases.append(PhaseProgress(PhaseInfo(*r), total or 0, done or 0, late or 0))
        return Overview(
            plan=plan, today=today, phases=phases, counts=counts, overdue_total=overdue_total,
            overdue=[TaskBrief(*r) for r in overdue],
            milestones=[TaskBrief(*r) for r in milestones],
            milestones_done=int(ms_done or 0), milestones_total=int(ms_total or 0))
