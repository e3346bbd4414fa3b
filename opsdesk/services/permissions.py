"""The permission matrix of design.md, as pure functions the UI can ask too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from opsdesk.errors import QT_TRANSLATE_NOOP, PermissionDenied
from opsdesk.model.enums import TaskStatus
from opsdesk.model.rules import is_mine
from opsdesk.services.actor import Actor

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

# Names of rights, shown in the "you may not" message.
EDIT_PLAN = QT_TRANSLATE_NOOP("Errors", "edit the plan (manager only)")
MANAGE_PEOPLE = QT_TRANSLATE_NOOP("Errors", "manage people and roles (manager only)")
SET_TARGETS = QT_TRANSLATE_NOOP("Errors", "set KPI targets (manager only)")
RESTORE = QT_TRANSLATE_NOOP("Errors", "restore backups and import plans (manager only)")
COPY_DATABASE = QT_TRANSLATE_NOOP(
    "Errors", "copy the whole database to a file or server of their choosing (manager only)")
SIGN_IN_FIRST = QT_TRANSLATE_NOOP("Errors", "Sign in first.")
TICK_OFF = QT_TRANSLATE_NOOP(
    "Errors", "tick off or reopen this task (only its assignee, staff of its role when it is unassigned, or a manager)"
)
REOPEN = QT_TRANSLATE_NOOP(
    "Errors", "reopen this task (only the one who ticked it off, or a manager)"
)
PRINT_OTHERS = QT_TRANSLATE_NOOP("Errors", "print someone else's or a role's list (manager only)")
ENTER_KPI = QT_TRANSLATE_NOOP("Errors", "enter values for this KPI (only its owner role or a manager)")

DENIED = QT_TRANSLATE_NOOP("Errors", "{name} may not {right}.")


def deny(actor: Actor, right: str) -> PermissionDenied:
    return PermissionDenied(DENIED, name=actor.name, right=right)


def require_manager(actor: Actor, right: str = EDIT_PLAN) -> None:
    if not actor.is_manager:
        raise deny(actor, right)


def mine(actor: Actor, assignee_id: int | None, role_id: int | None) -> bool:
    """The person's task (``rules.is_mine``): what My work lists and staff may tick off."""
    return is_mine(actor.user_id, actor.role_ids, assignee_id, role_id)


def mine_clause(actor: Actor) -> ColumnElement[bool]:
    """``mine`` as a WHERE clause on ``Task`` (the same rule, for a query). (SQLAlchemy is
    imported here only: the rules above serve My work's plain first screen before it loads.)"""
    from sqlalchemy import and_, false, or_

    from opsdesk.model import Task

    own = Task.assignee_id == actor.user_id if actor.user_id is not None else false()
    if not actor.role_ids:
        return own
    return or_(own, and_(Task.assignee_id.is_(None), Task.role_id.in_(sorted(actor.role_ids))))


def require_signed_in(actor: Actor | None) -> None:
    """Rights everyone signed in has (the rolling backups beside the database)."""
    if not isinstance(actor, Actor):
        raise PermissionDenied(SIGN_IN_FIRST)


def can_tick(actor: Actor, assignee_id: int | None, role_id: int | None) -> bool:
    """Tick off a task: a manager, or the person whose task it is (``mine``)."""
    return actor.is_manager or mine(actor, assignee_id, role_id)


def can_reopen(actor: Actor, assignee_id: int | None, role_id: int | None,
               done_by: int | None) -> bool:
    """Reopen a done task: a manager, or the one who ticked it off while it is still theirs
    (``mine``). Refused with ``REOPEN``."""
    if actor.is_manager:
        return True
    return done_by is not None and done_by == actor.user_id and mine(actor, assignee_id, role_id)


def can_toggle_done(actor: Actor, assignee_id: int | None, role_id: int | None, done: bool,
                    done_by: int | None) -> bool:
    """Tick off (``done`` False) with ``can_tick``, or reopen (``done`` True) with
    ``can_reopen``."""
    if done:
        return can_reopen(actor, assignee_id, role_id, done_by)
    return can_tick(actor, assignee_id, role_id)


class Tickable(Protocol):
    @property
    def assignee_id(self) -> int | None: ...
    @property
    def role_id(self) -> int | None: ...
    @property
    def status(self) -> str: ...
    @property
    def done_by(self) -> int | None: ...


def can_toggle(actor: Actor, task: Tickable) -> bool:
    """Whether the tick-off box (or Tick off / Reopen in a menu) of a task shown is live:
    ``can_toggle_done`` for its state; a cancelled task is neither ticked nor reopened."""
    if task.status == TaskStatus.CANCELLED:
        return False
    return can_toggle_done(actor, task.assignee_id, task.role_id,
                           task.status == TaskStatus.DONE, task.done_by)


def can_enter_kpi(actor: Actor, owner_role_id: int | None) -> bool:
    return actor.is_manager or actor.has_role(owner_role_id)
