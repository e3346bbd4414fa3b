"""The command line's ``tasks list`` over a plain ``sqlite3`` connection (#17).

A person scripts ``opsdesk tasks list`` in loops; importing SQLAlchemy, the ORM models and
the services costs more than the whole listing. When ``store.plain.connect_for_reading``
gives a connection (a local file at this version's schema head), ``cli.cmd_tasks`` reads
through these functions instead: the same rows, in the same order, with the same values as
``TaskService.list`` (``TaskRow``), ``PlanService.list``, ``PeopleService.users`` and
``roles``, so the output is the same byte for byte (``tests/integration/
test_cli_plain_list.py`` runs both paths and compares them). No Qt, no SQLAlchemy, and no
``opsdesk.model`` (its package imports every ORM model).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from opsdesk.model.enums import OPEN_STATUSES as OVERDUE_STATUSES

# (overdue: an open status past its due date, the one rule TaskRow.is_overdue uses too)


class PlanRow(NamedTuple):
    """What the plan choice needs of ``PlanService.list``'s ``PlanInfo``."""

    id: int
    name: str


class PlainTaskRow(NamedTuple):
    """``services.tasks.TaskRow``, field for field and value for value."""

    id: int
    plan_id: int
    phase_id: int | None
    parent_id: int | None
    title: str
    notes: str
    role_id: int | None
    assignee_id: int | None
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: str
    is_milestone: bool
    done_at: dt.datetime | None
    done_by: int | None
    position: int
    version: int

    def is_overdue(self, today: dt.date) -> bool:
        return (self.due is not None and self.due < today
                and self.status in OVERDUE_STATUSES)


_TASK_SQL = ("SELECT id, plan_id, phase_id, parent_id, title, notes, role_id, assignee_id, "
             "start, due, status, priority, is_milestone, done_at, done_by, position, version "
             "FROM tasks WHERE plan_id = ?")
# TaskService.list's order: undated last, then by due date, position and id.
_TASK_ORDER = " ORDER BY due IS NULL, due, position, id"


def _day(text: str | None) -> dt.date | None:
    # SQLAlchemy's SQLite Date reads "YYYY-MM-DD"; fromisoformat takes the same text.
    return None if text is None else dt.date.fromisoformat(text)


def _moment(text: str | None) -> dt.datetime | None:
    # SQLAlchemy's SQLite DateTime writes "YYYY-MM-DD HH:MM:SS.ffffff".
    return None if text is None else dt.datetime.fromisoformat(text)


def plans(con: sqlite3.Connection) -> list[PlanRow]:
    """Every plan, by id (``PlanService.list``)."""
    return [PlanRow(*r) for r in con.execute("SELECT id, name FROM plans ORDER BY id")]


def tasks(con: sqlite3.Connection, plan_id: int,
          status: Sequence[str] | None = None) -> list[PlainTaskRow]:
    """The plan's tasks by due date, as ``TaskService.list(plan_id, status=status)``."""
    sql, params = _TASK_SQL, [plan_id, *(status or ())]
    if status:
        sql += f" AND status IN ({', '.join('?' * len(status))})"
    day, moment, row = _day, _moment, PlainTaskRow
    return [row(i, plan, phase, parent, title, notes, role, assignee, day(start), day(due),
                state, priority, bool(milestone), moment(done_at), done_by, position, version)
            for (i, plan, phase, parent, title, notes, role, assignee, start, due, state,
                 priority, milestone, done_at, done_by, position, version)
            in con.execute(sql + _TASK_ORDER, params)]


def logins(con: sqlite3.Connection) -> dict[int, str]:
    """Every person's login by id, the inactive too."""
    return dict(con.execute("SELECT id, login FROM users"))


def role_keys(con: sqlite3.Connection) -> dict[int, str]:
    """Every role's key by id."""
    return dict(con.execute("SELECT id, key FROM roles"))
