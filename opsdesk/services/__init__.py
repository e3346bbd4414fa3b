"""Services: the only way views and the CLI read and write. No Qt."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from opsdesk.services.actor import Actor
from opsdesk.services.base import Clock, utc_now
from opsdesk.services.changes import Changes
from opsdesk.store import Store

if TYPE_CHECKING:
    from opsdesk.services.audit import AuditService
    from opsdesk.services.kpis import KpiService
    from opsdesk.services.mywork import MyWorkService
    from opsdesk.services.overview import OverviewService
    from opsdesk.services.people import PeopleService
    from opsdesk.services.plans import PlanService
    from opsdesk.services.schedule import ScheduleService
    from opsdesk.services.series import SeriesService
    from opsdesk.services.tasks import TaskService
    from opsdesk.services.team import TeamService
    from opsdesk.services.timeline import TimelineService


class Services:
    """Every service over one store, sharing one clock.

    Each service is made (and its module imported) when first used: the app's first screen
    needs two or three of them, and start-up should not wait for the others.
    """

    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self._clock = clock

    @cached_property
    def plans(self) -> PlanService:
        from opsdesk.services.plans import PlanService

        return PlanService(self.store, self._clock)

    @cached_property
    def tasks(self) -> TaskService:
        from opsdesk.services.tasks import TaskService

        return TaskService(self.store, self._clock)

    @cached_property
    def people(self) -> PeopleService:
        from opsdesk.services.people import PeopleService

        return PeopleService(self.store, self._clock)

    @cached_property
    def kpis(self) -> KpiService:
        from opsdesk.services.kpis import KpiService

        return KpiService(self.store, self._clock)

    @cached_property
    def overview(self) -> OverviewService:
        from opsdesk.services.overview import OverviewService

        return OverviewService(self.store, self._clock)

    @cached_property
    def audit(self) -> AuditService:
        from opsdesk.services.audit import AuditService

        return AuditService(self.store, self._clock)

    @cached_property
    def schedule(self) -> ScheduleService:
        from opsdesk.services.schedule import ScheduleService

        return ScheduleService(self.store, self._clock)

    @cached_property
    def mywork(self) -> MyWorkService:
        from opsdesk.services.mywork import MyWorkService

        return MyWorkService(self.store, self._clock)

    @cached_property
    def series(self) -> SeriesService:
        from opsdesk.services.series import SeriesService

        return SeriesService(self.store, self._clock)

    @cached_property
    def team(self) -> TeamService:
        from opsdesk.services.team import TeamService

        return TeamService(self.store, self._clock)

    @property
    def timeline(self) -> TimelineService:
        """The timeline's read (imports numpy); a new one each time, as before."""
        from opsdesk.services.timeline import TimelineService

        return TimelineService(self.store, self._clock)


__all__ = ["Actor", "Changes", "Services"]
