"""Who is acting: every write service takes an ``Actor``."""

from __future__ import annotations

from typing import NamedTuple


class Actor(NamedTuple):
    """A signed-in person (or the system). A named tuple, not a dataclass: it is made on
    the first screen's path, where each frozen dataclass costs ~1 ms to define (#17)."""

    user_id: int | None
    login: str
    name: str
    is_manager: bool
    role_ids: frozenset[int] = frozenset()

    @classmethod
    def system(cls) -> Actor:
        """The installer or a maintenance command: acts with a manager's rights."""
        return cls(user_id=None, login="system", name="OpsDesk", is_manager=True)

    def has_role(self, role_id: int | None) -> bool:
        return role_id is not None and role_id in self.role_ids
