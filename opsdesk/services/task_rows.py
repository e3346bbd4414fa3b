"""The Tasks view's read: every task of a plan as plain tuples, in one joined query.

Dates come back as ISO strings (``"2026-09-01"``): they compare and sort like dates and
skip per-cell conversion, so 100k rows load fast. The view turns them into text when shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, aliased

from opsdesk.model import Phase, Role, Task, User

# Positions in a row tuple.
(ID, PARENT, PHASE, TITLE, PHASE_ZH, PHASE_EN, PHASE_POS, ROLE, ROLE_ZH, ROLE_EN, ROLE_COLOR,
 ASSIGNEE, ASSIGNEE_NAME, START, DUE, STATUS, PRIORITY, MILESTONE, DONE_AT, DONE_BY_NAME,
 POSITION, VERSION, DONE_BY) = range(23)

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
    return (select(Task.id, Task.parent_id, Task.phase_id, Task.title,
                   Phase.name_zh, Phase.name_en, Phase.position,
                   Task.role_id, Role.name_zh, Role.name_en, Role.color,
                   Task.assignee_id, assignee.name,
                   type_coerce(Task.start, String), type_coerce(Task.due, String),
                   Task.status, Task.priority, Task.is_milestone,
                   type_coerce(Task.done_at, String), doer.name, Task.position, Task.version,
                   Task.done_by)
            .select_from(Task)
            .outerjoin(Phase, Phase.id == Task.phase_id)
            .outerjoin(Role, Role.id == Task.role_id)
            .outerjoin(assignee, assignee.id == Task.assignee_id)
            .outerjoin(doer, doer.id == Task.done_by)
            .where(Task.plan_id == plan_id))


def _norm(s: Session, rows) -> list[tuple]:
    if s.get_bind().dialect.name == "sqlite":  # dates are ISO text, milestones bools already
        return list(map(tuple, rows))
    out = []
    for r in rows:  # PostgreSQL returns dates, not text
        r = tuple(r)
        if r[MILESTONE] not in (True, False):
            r = r[:MILESTONE] + (bool(r[MILESTONE]),) + r[MILESTONE + 1:]
        if not isinstance(r[DUE] or "", str) or not isinstance(r[START] or "", str) or not \
                isinstance(r[DONE_AT] or "", str):
            r = tuple(str(v) if i in (START, DUE, DONE_AT) and v is not None else v
                      for i, v in enumerate(r))
        out.append(r)
    return out


def plan_rows(s: Session, plan_id: int, limit: int | None = None) -> list[tuple]:
    """Every task of the plan (unordered); positions are the constants above. With
    ``limit``: the first ones by due date (a quick first page while the rest loads)."""
    stmt = _statement(plan_id)
    if limit is not None:
        stmt = stmt.order_by(Task.due, Task.id).limit(limit)
    return _norm(s, s.connection().execute(stmt).all())


def rows_for(s: Session, plan_id: int, ids: Iterable[int]) -> list[tuple]:
    """The rows of these tasks (those that still exist)."""
    ids = list(ids)
    out: list[tuple] = []
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
