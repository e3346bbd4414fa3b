"""The weekly report's data: plan status per phase, done this week, overdue by role and
person, next milestones and the KPI dashboard, read in a few queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

from opsdesk.model import Role, Task, User
from opsdesk.model.enums import OPEN_STATUSES
from opsdesk.services.base import Service

if TYPE_CHECKING:
    from opsdesk.services.kpi_reads import Dashboard
    from opsdesk.services.overview import Overview


@dataclass(frozen=True)
class ReportTask:
    id: int
    title: str
    due: dt.date | None
    role_zh: str | None
    role_en: str | None
    person: str | None  # the assignee
    done_at: dt.datetime | None
    milestone: bool
    done_by: str | None = None  # who ticked it off

    def role(self, lang: str) -> str:
        return (self.role_zh if lang.startswith("zh") else self.role_en) or "—"


@dataclass(frozen=True)
class WeeklyData:
    monday: dt.date
    sunday: dt.date
    today: dt.date
    overview: Overview
    done: list[ReportTask]
    overdue: list[ReportTask]
    dashboard: Dashboard | None
    sales_months: list[tuple[dt.date, float, float | None]]  # month start, actual, target


class ReportService(Service):
    def weekly(self, services, plan_id: int, monday: dt.date,
               today: dt.date | None = None) -> WeeklyData:
        """The week from ``monday``; ``today`` (default: the date today) is clamped into it.
        Plan status, overdue work and milestones are as they stand on that day's data now
        (the database keeps no history of statuses); "done this week" is exact."""
        sunday = monday + dt.timedelta(days=6)
        today = min(sunday, max(monday, today or dt.date.today()))
        overview = services.overview.overview(plan_id, today, overdue_limit=0, milestone_limit=8)
        person, ticker = aliased(User), aliased(User)
        cols = (Task.id, Task.title, Task.due, Role.name_zh, Role.name_en, person.name,
                Task.done_at, Task.is_milestone, ticker.name)
        base = (select(*cols).outerjoin(Role, Role.id == Task.role_id)
                .outerjoin(person, person.id == Task.assignee_id)
                .outerjoin(ticker, ticker.id == Task.done_by).where(Task.plan_id == plan_id))
        # the week runs from Monday 00:00 to the next Monday 00:00 here; done_at is in UTC
        start, end = _utc(monday), _utc(sunday + dt.timedelta(days=1))
        with self.store.read() as s:
            done = [ReportTask(*r) for r in s.execute(
                base.where(Task.status == "done", Task.done_at >= start, Task.done_at < end)
                .order_by(Task.done_at))]
            overdue = [ReportTask(*r) for r in s.execute(
                base.where(Task.status.in_(OPEN_STATUSES), Task.due < today)
                .order_by(Role.id, person.name, Task.due))]
        dashboard = None
        sales_months: list[tuple[dt.date, float, float | None]] = []
        if hasattr(services.kpis, "dashboard"):
            dashboard = services.kpis.dashboard(plan_id, today)
            sales = next((k for k in services.kpis.list(plan_id) if k.key == "sales"), None)
            if sales is not None:
                months: dict[dt.date, float] = {}
                for day, value in services.kpis.values(sales.id, end=today):
                    key = day.replace(day=1)
                    months[key] = months.get(key, 0.0) + value
                targets = {t.period_start.replace(day=1): t.low for t in services.kpis.targets(sales.id)
                           if (t.period_end - t.period_start).days < 32}
                sales_months = [(m, v, targets.get(m)) for m, v in sorted(months.items())]
        return WeeklyData(monday, sunday, today, overview, done, overdue, dashboard, sales_months)


def _utc(day: dt.date) -> dt.datetime:
    """Local midnight at the start of ``day`` as a naive UTC time (as ``done_at`` is kept)."""
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC).replace(tzinfo=None)
