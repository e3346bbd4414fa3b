"""The Tasks view's read: every task of a plan in columns (``TaskTable``), and a few tasks as
``TaskListRow`` named tuples (a first page, the rows an edit changed).

Dates come back as ISO strings (``"2026-09-01"``): they compare and sort like dates and
skip per-cell conversion. The view turns them into text when shown.
"""

from __future__ import annotations

import operator
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, aliased

from opsdesk.model import Phase, Role, Task, User


class TaskListRow(NamedTuple):
    """One task as the Tasks view shows it (names of its phase, role and people joined)."""

    id: int
    parent_id: int | None
    phase_id: int | None
    title: str
    phase_zh: str | None
    phase_en: str | None
    phase_pos: int | None
    role_id: int | None
    role_zh: str | None
    role_en: str | None
    role_color: str | None
    assignee_id: int | None
    assignee_name: str | None
    start: str | None  # ISO date
    due: str | None  # ISO date
    status: str
    priority: str
    is_milestone: bool
    done_at: str | None  # ISO date and time (UTC)
    done_by_name: str | None
    position: int
    version: int
    done_by: int | None


_make = TaskListRow._make
_DATES = ("start", "due", "done_at")

OPEN_STATUSES = ("todo", "doing", "blocked")


@dataclass(frozen=True)
class PhaseInfo:
    id: int
    name_zh: str
    name_en: str
    start: str
    end: str
    position: int
    color: str


def _statement(plan_id: int):
    assignee, doer = aliased(User), aliased(User)
    column = dict(  # each field of TaskListRow: selected in the order of its fields
        id=Task.id, parent_id=Task.parent_id, phase_id=Task.phase_id, title=Task.title,
        phase_zh=Phase.name_zh, phase_en=Phase.name_en, phase_pos=Phase.position,
        role_id=Task.role_id, role_zh=Role.name_zh, role_en=Role.name_en, role_color=Role.color,
        assignee_id=Task.assignee_id, assignee_name=assignee.name,
        start=type_coerce(Task.start, String), due=type_coerce(Task.due, String),
        status=Task.status, priority=Task.priority, is_milestone=Task.is_milestone,
        done_at=type_coerce(Task.done_at, String), done_by_name=doer.name,
        position=Task.position, version=Task.version, done_by=Task.done_by)
    return (select(*(column[f].label(f) for f in TaskListRow._fields))
            .select_from(Task)
            .outerjoin(Phase, Phase.id == Task.phase_id)
            .outerjoin(Role, Role.id == Task.role_id)
            .outerjoin(assignee, assignee.id == Task.assignee_id)
            .outerjoin(doer, doer.id == Task.done_by)
            .where(Task.plan_id == plan_id))


def _norm(s: Session, rows) -> list[TaskListRow]:
    if s.get_bind().dialect.name == "sqlite":  # dates are ISO text, milestones bools already
        return list(map(_make, rows))
    out = []
    for r in map(_make, rows):  # PostgreSQL returns dates, not text
        if r.is_milestone not in (True, False):
            r = r._replace(is_milestone=bool(r.is_milestone))
        if not all(isinstance(getattr(r, f) or "", str) for f in _DATES):
            iso: dict[str, Any] = {f: str(getattr(r, f)) for f in _DATES if getattr(r, f) is not None}
            r = r._replace(**iso)
        out.append(r)
    return out


CHUNK = 4000
"""Rows read at a time by the portable read (each chunk's copies are dropped before the next
chunk is read)."""
_NONE3 = (None, None, None)


class TaskTable:
    """Every task of a plan in columns, one list or array per field, by position (issue #17:
    100,000 ``TaskListRow`` tuples, each with its own copies of ids, names and dates, were
    most of the Tasks view's memory). Ids, parents, phases, roles, people, positions and
    versions are machine integers (``array``, 0 for none); equal dates, statuses and
    priorities are one string object each; the names of phases, roles and people are looked
    up by id. ``row(p)`` makes the ``TaskListRow`` of one position when it is asked for.

    Read by ``plan_table`` in id order, so ``pos`` finds a task by bisection; built from rows
    in another order (``from_rows``), it keeps a map of positions by id instead."""

    INTS = ("id", "parent_id", "phase_id", "role_id", "assignee_id", "position", "version",
            "done_by")
    TEXTS = ("start", "due", "status", "priority", "done_at")

    def __init__(self) -> None:
        self.id, self.parent_id, self.phase_id, self.role_id, self.assignee_id, \
            self.position, self.version, self.done_by = (array("q") for _ in self.INTS)
        self.is_milestone = bytearray()  # 1: a milestone
        self.title: list[str] = []
        self.start: list[str | None] = []  # ISO dates
        self.due: list[str | None] = []
        self.status: list[str] = []
        self.priority: list[str] = []
        self.done_at: list[str | None] = []  # ISO date and time (UTC)
        self.phases: dict[int, tuple[str | None, str | None, int | None]] = {}
        """Phase id → (name zh, name en, position)."""
        self.roles: dict[int, tuple[str | None, str | None, str | None]] = {}
        """Role id → (name zh, name en, colour)."""
        self.people: dict[int, str | None] = {}
        """User id → name."""
        self._by_id: dict[int, int] | None = None  # (None: ids ascending, found by bisection)
        self._texts: dict[Any, Any] = {None: None}  # one object per equal text

    def __len__(self) -> int:
        return len(self.id)

    def pos(self, task_id: int) -> int | None:
        """The position of a task (None: not in the table)."""
        if self._by_id is not None:
            return self._by_id.get(task_id)
        ids = self.id
        i = bisect_left(ids, task_id)
        return i if i < len(ids) and ids[i] == task_id else None

    def row(self, p: int) -> TaskListRow:
        phase, role, who, by = self.phase_id[p], self.role_id[p], self.assignee_id[p], self.done_by[p]
        phase_zh, phase_en, phase_pos = self.phases.get(phase, _NONE3) if phase else _NONE3
        role_zh, role_en, color = self.roles.get(role, _NONE3) if role else _NONE3
        people = self.people
        return TaskListRow(
            self.id[p], self.parent_id[p] or None, phase or None, self.title[p], phase_zh,
            phase_en, phase_pos, role or None, role_zh, role_en, color, who or None,
            people.get(who) if who else None, self.start[p], self.due[p], self.status[p],
            self.priority[p], bool(self.is_milestone[p]), self.done_at[p],
            people.get(by) if by else None, self.position[p], self.version[p], by or None)

    def __iter__(self) -> Iterator[TaskListRow]:
        return map(self.row, range(len(self.id)))

    def set(self, p: int, r: TaskListRow) -> None:
        """Put a fresh row of the task at position ``p`` (an edit; a bulk edit of 1,000 rows
        puts each: spelt out field by field, not looped over by name)."""
        self._names(r)
        share = self._texts.setdefault
        self.id[p], self.parent_id[p], self.phase_id[p] = r.id, r.parent_id or 0, r.phase_id or 0
        self.role_id[p], self.assignee_id[p] = r.role_id or 0, r.assignee_id or 0
        self.position[p], self.version[p], self.done_by[p] = r.position, r.version, r.done_by or 0
        self.is_milestone[p] = bool(r.is_milestone)
        self.title[p] = r.title
        self.start[p], self.due[p] = share(r.start, r.start), share(r.due, r.due)
        self.status[p], self.priority[p] = share(r.status, r.status), share(r.priority, r.priority)
        self.done_at[p] = share(r.done_at, r.done_at)

    def append(self, r: TaskListRow) -> None:
        """A row at the end (``from_rows`` and the portable read)."""
        ids = self.id
        if self._by_id is None and ids and r.id <= ids[-1]:  # ids out of order: a map
            self._by_id = dict(zip(ids, range(len(ids)), strict=True))
        if self._by_id is not None:
            self._by_id[r.id] = len(ids)
        for name in self.INTS:
            getattr(self, name).append(0)
        self.is_milestone.append(0)
        for name in ("title", *self.TEXTS):
            getattr(self, name).append(None)
        self.set(len(ids) - 1, r)

    def _names(self, r: TaskListRow) -> None:
        if r.phase_id is not None:
            self.phases[r.phase_id] = (r.phase_zh, r.phase_en, r.phase_pos)
        if r.role_id is not None:
            self.roles[r.role_id] = (r.role_zh, r.role_en, r.role_color)
        if r.assignee_id is not None:
            self.people[r.assignee_id] = r.assignee_name
        if r.done_by is not None and r.done_by_name is not None:
            self.people[r.done_by] = r.done_by_name

    @classmethod
    def from_rows(cls, rows: Iterable[TaskListRow]) -> TaskTable:
        table = cls()
        for r in rows:
            table.append(r)
        return table


_FAST_SQL = (
    "SELECT count(*), group_concat(printf('" + "%08x" * len(TaskTable.INTS) + "', "
    + ", ".join(f"ifnull({c}, 0)" for c in TaskTable.INTS)
    + "), ''), group_concat(is_milestone, ''), group_concat(title, char(31)), "
    + ", ".join(f"group_concat(ifnull({c}, ''), ',')" for c in TaskTable.TEXTS)
    + " FROM tasks WHERE +plan_id = ?")
"""SQLite's read of a whole plan: one row, each column one text that SQLite builds while the
GIL is free (every task's integers as 8 hex digits each, titles apart by the unit
separator, the other texts by commas), split here by a few C calls; a row per task made
100,000 tuples and 2 million values, holding the GIL for most of a second. An integer that
needs more digits (negative, or 2³² and up) puts the text out of step: the length check
sends the plan to the portable read. ``+plan_id``: one scan of the table itself, in id
(rowid) order, not the plan's due-date index with a lookup per task. The aggregate takes the
rows in that scan's order without a subquery ordering them (which copied every column of
every task first: a third of the read); ``_sqlite_table`` checks the ids come back in
order, and reads portably if they ever do not."""
_DIGITS = bytes.maketrans(b"01", b"\x00\x01")


def _widened(ints: array) -> array:
    """Unsigned 32-bit integers as signed 64-bit ones (the table's columns), by placing their
    bytes in a zeroed buffer: a few C slice copies, where ``array("q", ints)`` converts each
    value through a Python int (2.5× slower, holding the GIL the GUI thread waits for)."""
    raw = ints.tobytes()
    wide = bytearray(len(raw) * 2)
    low = 0 if sys.byteorder == "little" else 4  # (where the low four bytes of eight go)
    for j in range(4):
        wide[low + j::8] = raw[j::4]
    out = array("q")
    out.frombytes(wide)
    return out


def _sqlite_table(s: Session, plan_id: int) -> TaskTable | None:
    """The table read by ``_FAST_SQL``; None when its texts do not split back into the same
    number of rows in id order (a title holding the separator): the portable read then."""
    raw = s.connection().exec_driver_sql(_FAST_SQL, (plan_id,)).one()
    n, k = raw[0], len(TaskTable.INTS)
    table = TaskTable()
    if n:
        ints = array("I")
        try:
            ints.frombytes(bytes.fromhex(raw[1]))
        except ValueError:  # (an odd number of digits)
            return None
        if len(ints) != n * k or ints.itemsize != 4:
            return None
        if sys.byteorder == "little":  # (the digits are big-endian)
            ints.byteswap()
        wide = _widened(ints)
        del ints
        for i, name in enumerate(TaskTable.INTS):  # (row after row: every k-th is a column)
            setattr(table, name, wide[i::k])
        del wide
        table.is_milestone = bytearray(raw[2].encode("ascii").translate(_DIGITS))
        titles = raw[3].split("\x1f")
        same: dict[str, str] = {}  # (a routine's occurrences share their titles)
        table.title = list(map(same.setdefault, titles, titles))
        del titles, same
        share = table._texts.setdefault
        share("", None)  # (a missing date or time reads as "")
        for name, text in zip(TaskTable.TEXTS, raw[4:], strict=True):
            parts = text.split(",")
            setattr(table, name, list(map(share, parts, parts)))
        del table._texts[""]
        ids = table.id
        sizes = {len(getattr(table, f)) for f in (*TaskTable.INTS, *TaskTable.TEXTS)}
        if sizes != {n} or len(table.title) != n or len(table.is_milestone) != n \
                or not all(map(operator.lt, ids, islice(ids, 1, None))):
            return None
    phases = s.execute(select(Phase.id, Phase.name_zh, Phase.name_en, Phase.position)
                       .where(Phase.plan_id == plan_id))
    table.phases = {pid: (zh, en, pos) for pid, zh, en, pos in phases}
    roles = s.execute(select(Role.id, Role.name_zh, Role.name_en, Role.color))
    table.roles = {rid: (zh, en, color) for rid, zh, en, color in roles}
    table.people = {uid: name for uid, name in s.execute(select(User.id, User.name))}
    return table


def plan_table(s: Session, plan_id: int) -> TaskTable:
    """Every task of the plan in columns, in id order."""
    if s.get_bind().dialect.name == "sqlite":
        table = _sqlite_table(s, plan_id)
        if table is not None:
            return table
    table = TaskTable()
    result = s.connection().execute(_statement(plan_id).order_by(Task.id))
    while rows := result.fetchmany(CHUNK):
        for r in _norm(s, rows):
            table.append(r)
    return table


def plan_rows(s: Session, plan_id: int, limit: int | None = None) -> list[TaskListRow]:
    """Every task of the plan (in id order, equal texts one object). With ``limit``: the
    first ones by due date (a quick first page while the rest loads)."""
    if limit is None:
        return list(plan_table(s, plan_id))
    stmt = _statement(plan_id).order_by(Task.due, Task.id).limit(limit)
    return _norm(s, s.connection().execute(stmt).all())


def rows_for(s: Session, plan_id: int, ids: Iterable[int]) -> list[TaskListRow]:
    """The rows of these tasks (those that still exist)."""
    ids = list(ids)
    out: list[TaskListRow] = []
    for i in range(0, len(ids), 900):
        out += _norm(s, s.connection().execute(_statement(plan_id).where(Task.id.in_(ids[i:i + 900]))).all())
    return out


def phases(s: Session, plan_id: int) -> list[PhaseInfo]:
    stmt = (select(Phase.id, Phase.name_zh, Phase.name_en, type_coerce(Phase.start, String),
                   type_coerce(Phase.end, String), Phase.position, Phase.color)
            .where(Phase.plan_id == plan_id).order_by(Phase.position, Phase.start))
    def iso(v):  # PostgreSQL returns dates, not text
        return v if v is None or isinstance(v, str) else str(v)

    return [PhaseInfo(r[0], r[1], r[2], iso(r[3]), iso(r[4]), *r[5:]) for r in s.execute(stmt)]
