"""The Tasks view's read: every task of a plan as ``TaskListRow`` named tuples, in one
joined query.

Dates come back as ISO strings (``"2026-09-01"``): they compare and sort like dates and
skip per-cell conversion, so 100k rows load fast. The view turns them into text when shown.
A row is a tuple (no per-row dict: 100k of them stay small) read by field name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


_SHARED = frozenset(("phase_zh", "phase_en", "role_zh", "role_en", "role_color",
                     "assignee_name", "start", "due", "status", "priority", "done_by_name"))
CHUNK = 4000


def _shared(result) -> list[TaskListRow]:
    """The rows, each equal text of a repeating column (names, dates, status) one object:
    the driver makes a new string per cell, and at 100k tasks those copies were most of the
    Tasks view's memory (issue #17). Read ``CHUNK`` rows at a time, so the copies dropped
    make room for the next chunk's; column by column, in C (``zip``, ``map``)."""
    seen: dict = {}
    share = seen.setdefault
    out: list[TaskListRow] = []
    while rows := result.fetchmany(CHUNK):
        columns = [list(map(share, col, col)) if name in _SHARED else col
                   for name, col in zip(TaskListRow._fields, zip(*rows, strict=True), strict=True)]
        out += map(_make, zip(*columns, strict=True))
    return out


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


def plan_rows(s: Session, plan_id: int, limit: int | None = None) -> list[TaskListRow]:
    """Every task of the plan (unordered). With
    ``limit``: the first ones by due date (a quick first page while the rest loads)."""
    stmt = _statement(plan_id)
    if limit is not None:
        stmt = stmt.order_by(Task.due, Task.id).limit(limit)
    elif s.get_bind().dialect.name == "sqlite":  # (a whole plan: its texts shared)
        return _shared(s.connection().execute(stmt))
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
