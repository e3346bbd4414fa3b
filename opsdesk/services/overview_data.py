"""What the Overview shows, and how its counts are summed from one grouped read. No
SQLAlchemy: the full service (``services/overview.py``) and the plain first-screen read
(``services/first_screen.py``) both fill it, from the same grouped rows. Its records are named tuples: the first screen's
path defines them, and a frozen dataclass costs ~1 ms to define (#17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from opsdesk.model.dates import progress, time_elapsed
from opsdesk.services.plan_info import PhaseInfo, PlanInfo

PRIORITY_RANKS = {"urgent": 3, "high": 2, "normal": 1, "low": 0}
"""Priorities sort by urgency, not alphabetically (any other value ranks as "normal")."""


class PhaseProgress(NamedTuple):
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


class TaskBrief(NamedTuple):
    id: int
    title: str
    due: dt.date | None
    status: str
    role_id: int | None
    assignee: str | None
    is_milestone: bool


class Overview(NamedTuple):
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


def summarize(plan: PlanInfo, today: dt.date, phases: Sequence[PhaseInfo],
              groups: Iterable[tuple[int | None, str, bool, int, int | None]],
              overdue: list[TaskBrief], milestones: list[TaskBrief]) -> Overview:
    """The Overview from the plan's tasks grouped by (phase, status, milestone) with each
    group's count and how many of it are overdue."""
    per_phase: dict[int | None, list[int]] = {}
    counts: dict[str, int] = {}
    ms_total = ms_done = 0
    for phase_id, status, milestone, n, late in groups:
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
    progress_rows = []
    for phase in phases:
        total, done, late = per_phase.get(phase.id, (0, 0, 0))
        progress_rows.append(PhaseProgress(phase, total or 0, done or 0, late or 0))
    return Overview(plan=plan, today=today, phases=progress_rows, counts=counts,
                    overdue_total=overdue_total, overdue=overdue, milestones=milestones,
                    milestones_done=int(ms_done or 0), milestones_total=int(ms_total or 0))
