"""The permission matrix of design.md, as pure functions the UI can ask too."""

from __future__ import annotations

from opsdesk.errors import QT_TRANSLATE_NOOP, PermissionDenied
from opsdesk.services.actor import Actor

# Names of rights, shown in the "you may not" message.
EDIT_PLAN = QT_TRANSLATE_NOOP("Errors", "edit the plan (manager only)")
MANAGE_PEOPLE = QT_TRANSLATE_NOOP("Errors", "manage people and roles (manager only)")
SET_TARGETS = QT_TRANSLATE_NOOP("Errors", "set KPI targets (manager only)")
RESTORE = QT_TRANSLATE_NOOP("Errors", "restore backups and import plans (manager only)")
TICK_OFF = QT_TRANSLATE_NOOP(
    "Errors", "tick off or reopen this task (only its assignee, staff of its role when it is unassigned, or a manager)"
)
REOPEN = QT_TRANSLATE_NOOP(
    "Errors", "reopen this task (only the one who ticked it off, or a manager)"
)
ENTER_KPI = QT_TRANSLATE_NOOP("Errors", "enter values for this KPI (only its owner role or a manager)")

DENIED = QT_TRANSLATE_NOOP("Errors", "{name} may not {right}.")


def deny(actor: Actor, right: str) -> PermissionDenied:
    return PermissionDenied(DENIED, name=actor.name, right=right)


def require_manager(actor: Actor, right: str = EDIT_PLAN) -> None:
    if not actor.is_manager:
        raise deny(actor, right)


def can_tick(actor: Actor, assignee_id: int | None, role_id: int | None) -> bool:
    if actor.is_manager:
        return True
    if assignee_id is not None:
        return assignee_id == actor.user_id
    return actor.has_role(role_id)


def can_toggle_done(actor: Actor, assignee_id: int | None, role_id: int | None, done: bool,
                    done_by: int | None) -> bool:
    """Tick off (``done`` False) or reopen (``done`` True) a task: ticking as ``can_tick``;
    reopening only for the one who ticked it off, or a manager."""
    if not can_tick(actor, assignee_id, role_id):
        return False
    return not done or actor.is_manager or done_by == actor.user_id


def can_enter_kpi(actor: Actor, owner_role_id: int | None) -> bool:
    return actor.is_manager or actor.has_role(owner_role_id)
