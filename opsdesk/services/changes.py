"""What a write changed: handed from services to every open view (design.md, "The way back")."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    @property
    def activity(self) -> bool:
        return self.change_id is not None

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
        )


EVERYTHING = Changes(tasks=True, plans=True, people=True, kpis=True, comments=True)
