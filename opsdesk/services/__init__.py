"""Services: the only way views and the CLI read and write. No Qt."""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib import import_module
from typing import TYPE_CHECKING, Any

from opsdesk.services.clock import Clock, utc_now

if TYPE_CHECKING:  # (no SQLAlchemy on import: the plain first-screen reads are services too)
    from opsdesk.services.actor import Actor
    from opsdesk.services.anchors import AnchorService
    from opsdesk.services.audit import AuditService
    from opsdesk.services.changes import Changes
    from opsdesk.services.history import HistoryService
    from opsdesk.services.kpis import KpiService
    from opsdesk.services.mywork import MyWorkService
    from opsdesk.services.overview import OverviewService
    from opsdesk.services.people import PeopleService
    from opsdesk.services.phases import PhaseService
    from opsdesk.services.plan_copy import PlanCopyService
    from opsdesk.services.plans import PlanService
    from opsdesk.services.schedule import ScheduleService
    from opsdesk.services.series import SeriesService
    from opsdesk.services.spending import SpendingService
    from opsdesk.services.storage import StorageService
    from opsdesk.services.tasks import TaskService
    from opsdesk.services.team import TeamService
    from opsdesk.services.timeline import TimelineService
    from opsdesk.store import Store


class _OnFirstUse:
    """A service attribute: its module is imported and the service made on first access,
    then kept in the instance (``cached_property`` semantics)."""

    def __init__(self, module: str, cls: str) -> None:
        self.module, self.cls = f"opsdesk.services.{module}", cls

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, services: Services | None, owner: type | None = None) -> Any:
        if services is None:
            return self
        made = getattr(import_module(self.module), self.cls)(services.store, services._clock)
        services.__dict__[self.name] = made
        return made


class Services:
    """Every service over one store, sharing one clock.

    Each service is made (and its module imported) when first used: the app's first screen
    needs two or three of them, and start-up should not wait for the others.
    """

    plans: PlanService = _OnFirstUse("plans", "PlanService")  # type: ignore[assignment]
    tasks: TaskService = _OnFirstUse("tasks", "TaskService")  # type: ignore[assignment]
    people: PeopleService = _OnFirstUse("people", "PeopleService")  # type: ignore[assignment]
    kpis: KpiService = _OnFirstUse("kpis", "KpiService")  # type: ignore[assignment]
    overview: OverviewService = _OnFirstUse("overview", "OverviewService")  # type: ignore[assignment]
    audit: AuditService = _OnFirstUse("audit", "AuditService")  # type: ignore[assignment]
    schedule: ScheduleService = _OnFirstUse("schedule", "ScheduleService")  # type: ignore[assignment]
    anchors: AnchorService = _OnFirstUse("anchors", "AnchorService")  # type: ignore[assignment]
    plan_copy: PlanCopyService = _OnFirstUse("plan_copy", "PlanCopyService")  # type: ignore[assignment]
    mywork: MyWorkService = _OnFirstUse("mywork", "MyWorkService")  # type: ignore[assignment]
    series: SeriesService = _OnFirstUse("series", "SeriesService")  # type: ignore[assignment]
    team: TeamService = _OnFirstUse("team", "TeamService")  # type: ignore[assignment]
    history: HistoryService = _OnFirstUse("history", "HistoryService")  # type: ignore[assignment]
    storage: StorageService = _OnFirstUse("storage", "StorageService")  # type: ignore[assignment]
    phases: PhaseService = _OnFirstUse("phases", "PhaseService")  # type: ignore[assignment]
    spending: SpendingService = _OnFirstUse("spending", "SpendingService")  # type: ignore[assignment]

    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self._clock = clock

    def action(self) -> AbstractContextManager[object]:
        """One user action made of several service calls: inside it they share one
        transaction (all or nothing) and one change-log action (one undo step)."""
        return self.store.write()

    @property
    def timeline(self) -> TimelineService:
        """The timeline's read (imports numpy); a new one each time, as before."""
        from opsdesk.services.timeline import TimelineService

        return TimelineService(self.store, self._clock)


__all__ = ["Actor", "Changes", "Services"]

_RECORDS = {"Actor": "opsdesk.services.actor", "Changes": "opsdesk.services.changes"}


def __getattr__(name: str) -> Any:
    """``Actor`` and ``Changes`` load on first use (dataclasses and inspect cost the plain
    ``opsdesk tasks list`` ~15 ms at every call; it needs neither)."""
    if name in _RECORDS:
        value = getattr(import_module(_RECORDS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
