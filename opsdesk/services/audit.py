"""The activity log, read for the views and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from opsdesk.model import Change, User
from opsdesk.services.base import Service


@dataclass(frozen=True)
class ChangeRow:
    id: int
    at: dt.datetime
    user_id: int | None
    user_name: str | None
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService(Service):
    def recent(self, plan_id: int | None = None, limit: int = 200) -> list[ChangeRow]:
        stmt = (select(Change.id, Change.at, Change.user_id, User.name, Change.entity,
                       Change.entity_id, Change.action, Change.before, Change.after)
                .outerjoin(User, User.id == Change.user_id)
                .order_by(Change.id.desc()).limit(limit))
        if plan_id is not None:
            stmt = stmt.where(Change.plan_id == plan_id)
        with self.store.read() as s:
            return [ChangeRow(*r) for r in s.execute(stmt)]


# ---- the Activity view: filtered, with the title of what changed


@dataclass(frozen=True)
class ActivityRow:
    change: ChangeRow
    task_id: int | None  # the task the entry is about (a comment's task too)
    title: str  # the task's (or person's, role's) name, or "" when unknown


@dataclass(frozen=True)
class ActivityFilter:
    user_id: int | None = None
    entity: str | None = None  # task, comment, link, series, user, role, plan, kpi...
    action: str | None = None
    task_id: int | None = None
    text: str = ""  # part of the title
    since: dt.datetime | None = None  # UTC
    until: dt.datetime | None = None  # UTC, exclusive


def _task_of(entity: str, entity_id: int | None, before: dict | None, after: dict | None) -> int | None:
    if entity in ("task", "link"):
        return entity_id
    for values in (after, before):
        if values and isinstance(values.get("task_id"), int):
            return values["task_id"]
    return None


def query_activity(service: AuditService, plan_id: int | None, f: ActivityFilter,
                   limit: int = 2000) -> list[ActivityRow]:
    """The change log newest first, narrowed by ``f``, with titles resolved in one more query."""
    from sqlalchemy import or_

    from opsdesk.model import Kpi, Role, Task

    stmt = (select(Change.id, Change.at, Change.user_id, User.name, Change.entity,
                   Change.entity_id, Change.action, Change.before, Change.after)
            .outerjoin(User, User.id == Change.user_id).order_by(Change.id.desc()))
    if plan_id is not None:
        stmt = stmt.where(or_(Change.plan_id == plan_id, Change.plan_id.is_(None)))
    if f.user_id is not None:
        stmt = stmt.where(Change.user_id == f.user_id)
    if f.entity:
        stmt = stmt.where(Change.entity == f.entity)
    if f.action:
        stmt = stmt.where(Change.action == f.action)
    if f.since is not None:
        stmt = stmt.where(Change.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(Change.at < f.until)
    if f.task_id is None and not f.text:
        stmt = stmt.limit(limit)
    with service.store.read() as s:
        changes = [ChangeRow(*r) for r in s.execute(stmt)]
        task_ids = {t for c in changes
                    if (t := _task_of(c.entity, c.entity_id, c.before, c.after)) is not None}
        titles: dict[int, str] = {}
        for chunk in _chunks(sorted(task_ids), 900):
            titles.update(s.execute(select(Task.id, Task.title).where(Task.id.in_(chunk))).all())
        users = dict(s.execute(select(User.id, User.name)).all())
        roles = dict(s.execute(select(Role.id, Role.name_zh)).all())
        kpis = dict(s.execute(select(Kpi.id, Kpi.name_zh)).all())
    rows = []
    text = f.text.strip().lower()
    for c in changes:
        task_id = _task_of(c.entity, c.entity_id, c.before, c.after)
        if f.task_id is not None and task_id != f.task_id:
            continue
        if task_id is not None:
            title = titles.get(task_id) or (c.before or {}).get("title") or (c.after or {}).get("title") or ""
        elif c.entity == "user":
            title = users.get(c.entity_id, "")
        elif c.entity == "role":
            title = roles.get(c.entity_id, "")
        elif c.entity.startswith("kpi"):
            title = kpis.get(c.entity_id, "")
        else:
            title = (c.after or {}).get("title") or (c.before or {}).get("title") or (c.after or {}).get("name") or ""
        if text and text not in str(title).lower():
            continue
        rows.append(ActivityRow(c, task_id, str(title)))
        if len(rows) >= limit:
            break
    return rows


def _chunks(items: list[int], size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
