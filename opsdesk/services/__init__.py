"""Services: the only way views and the CLI read and write. No Qt."""

from __future__ import annotations

from opsdesk.services.actor import Actor
from opsdesk.services.audit import AuditService
from opsdesk.services.base import Clock, utc_now
from opsdesk.services.changes import Changes
from opsdesk.services.kpis import KpiService
from opsdesk.services.overview import OverviewService
from opsdesk.services.people import PeopleService
from opsdesk.services.plans import PlanService
from opsdesk.services.schedule import ScheduleService
from opsdesk.services.tasks import TaskService
from opsdesk.store import Store


class Services:
    """Every service over one store, sharing one clock."""

    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self.plans = PlanService(store, clock)
        self.tasks = TaskService(store, clock)
        self.people = PeopleService(store, clock)
        self.kpis = KpiService(store, clock)
        self.overview = OverviewService(store, clock)
        self.audit = AuditService(store, clock)
        self.schedule = ScheduleService(store, clock)
        from opsdesk.services.mywork import MyWorkService
        from opsdesk.services.series import SeriesService
        from opsdesk.services.team import TeamService

        self.mywork = MyWorkService(store, clock)
        self.series = SeriesService(store, clock)
        self.team = TeamService(store, clock)
        self._clock = clock

    @property
    def timeline(self):
        """The timeline's read (imports numpy, so only when first asked for)."""
        from opsdesk.services.timeline import TimelineService

        return TimelineService(self.store, self._clock)


__all__ = ["Actor", "Changes", "Services"]
