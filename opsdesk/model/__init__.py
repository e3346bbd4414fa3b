"""Typed SQLAlchemy models and pure domain rules.

The ORM classes load on first use: any of the names below (``from opsdesk.model import
Task``, or ``Base`` for Alembic) loads every model at once, so relationships and
``Base.metadata`` are always complete. The pure rules (``dates``, ``enums``, ``rules``,
``anchors``, …) import without SQLAlchemy: the app's first screen and the command line's
listing use them before SQLAlchemy loads (#17). ``model/base.py`` loads every model before
the mappers are configured, for code that imports one model's module directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opsdesk.model.audit import Change, ChangeRow
    from opsdesk.model.base import Base
    from opsdesk.model.kpi import Kpi, KpiTarget, KpiValue
    from opsdesk.model.people import Role, User, user_roles
    from opsdesk.model.plan import Phase, Plan
    from opsdesk.model.spending import SpendingBudget, SpendingEntry
    from opsdesk.model.task import Comment, Task, TaskLink, TaskSeries

__all__ = [
    "Base", "Change", "ChangeRow", "Comment", "Kpi", "KpiTarget", "KpiValue", "Phase", "Plan", "Role",
    "SpendingBudget", "SpendingEntry", "Task", "TaskLink", "TaskSeries", "User", "user_roles",
]


def load_models() -> None:
    """Import every model (idempotent) and make them this package's attributes."""
    from opsdesk.model import audit, base, kpi, people, plan, spending, task

    for module in (audit, base, kpi, people, plan, spending, task):
        globals().update({name: getattr(module, name) for name in __all__
                          if hasattr(module, name)})


def __getattr__(name: str) -> Any:
    if name in __all__:
        load_models()
        return globals()[name]
    raise AttributeError(f"module 'opsdesk.model' has no attribute {name!r}")
