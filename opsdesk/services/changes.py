"""What a write changed: handed from services to every open view (design.md, "The way back")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

REMOTE = "another process"
"""The initiator of changes another process committed (the store's watcher saw them)."""


@dataclass(frozen=True)
class Changes:
    tasks: bool = False
    plans: bool = False
    people: bool = False
    kpis: bool = False
    comments: bool = False
    ids: frozenset[int] = field(default_factory=frozenset)
    change_id: int | None = None
    plan_id: int | None = None
    initiator: object | None = field(default=None, compare=False)
    """Who made them: the main window for its own writes, ``REMOTE`` for another process's,
    None when nobody said (a service's return value before the UI hands it on). Not part
    of equality: the same change is the same whoever hands it on."""

    @property
    def activity(self) -> bool:
        return self.change_id is not None

    @property
    def remote(self) -> bool:
        """Made by another process (seen by the watcher), not by this one."""
        return self.initiator == REMOTE

    def by(self, initiator: object) -> Changes:
        """The same changes, made by ``initiator``."""
        return replace(self, initiator=initiator)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            tasks=self.tasks or other.tasks,
            plans=self.plans or other.plans,
            people=self.people or other.people,
            kpis=self.kpis or other.kpis,
            comments=self.comments or other.comments,
            ids=self.ids | other.ids,
            change_id=other.change_id or self.change_id,
            plan_id=other.plan_id or self.plan_id,
            initiator=self.initiator if self.initiator == other.initiator else None,
        )


EVERYTHING = Changes(tasks=True, plans=True, people=True, kpis=True, comments=True)
