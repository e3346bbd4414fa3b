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


_LINE_SQL = (
    # ``cli._print_tasks``' text line, made by SQLite: "%!-16s" pads by characters (as
    # Python's format does), a missing or empty role or login is "-"; the title follows as
    # it is (apart: printf's %s would end a title at a NUL)
    "SELECT printf('%6d %!-9s %!-10s %!-16s %!-10s %s', t.id, t.status, "
    "coalesce(t.due, '-'), coalesce(nullif(r.key, ''), '-'), "
    "coalesce(nullif(u.login, ''), '-'), CASE WHEN t.is_milestone THEN '◆' ELSE ' ' END), "
    "t.title FROM tasks AS t LEFT JOIN roles AS r ON r.id = t.role_id "
    "LEFT JOIN users AS u ON u.id = t.assignee_id WHERE t.plan_id = ?")


def listing(con: sqlite3.Connection, plan_id: int, status: Sequence[str] | None = None, *,
            due_from: dt.date | None = None, due_to: dt.date | None = None,
            overdue_on: dt.date | None = None) -> str:
    """``opsdesk tasks list``'s text for the plan: the lines ``cli._print_tasks`` writes for
    ``tasks(con, plan_id, status)`` kept by ``cli._filter_tasks`` (due from, due to, overdue
    on a day), made and ordered by SQLite in one statement. The dates are compared as the
    ISO text SQLAlchemy stores (which orders as the days do)."""
    sql = _LINE_SQL
    params: list[int | str] = [plan_id]
    if status:
        sql += f" AND t.status IN ({', '.join('?' * len(status))})"
        params += status
    if due_from is not None:
        sql += " AND t.due >= ?"
        params.append(due_from.isoformat())
    if due_to is not None:
        sql += " AND t.due <= ?"
        params.append(due_to.isoformat())
    if overdue_on is not None:
        sql += (f" AND t.due < ? AND t.status IN ({', '.join('?' * len(OVERDUE_STATUSES))})")
        params += [overdue_on.isoformat(), *sorted(OVERDUE_STATUSES)]
    lines = con.execute(sql + " ORDER BY t.due IS NULL, t.due, t.position, t.id",
                        params).fetchall()
    return "".join([f"{line} {title}\n" for line, title in lines])


def logins(con: sqlite3.Connection) -> dict[int, str]:
    """Every person's login by id, the inactive too."""
    return dict(con.execute("SELECT id, login FROM users"))


def role_keys(con: sqlite3.Connection) -> dict[int, str]:
    """Every role's key by id."""
    return dict(con.execute("SELECT id, key FROM roles"))
