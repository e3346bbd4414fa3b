"""Who is acting: every write service takes an ``Actor``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    login: str
    name: str
    is_manager: bool
    role_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def system(cls) -> Actor:
        """The installer or a maintenance command: acts with a manager's rights."""
        return cls(user_id=None, login="system", name="OpsDesk", is_manager=True)

    def has_role(self, role_id: int | None) -> bool:
        return role_id is not None and role_id in self.role_ids
