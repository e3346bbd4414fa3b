"""Typed SQLAlchemy models and pure domain rules; imports every model for Alembic."""

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
