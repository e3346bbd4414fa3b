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


    def last_task_change(self, task_id: int) -> LastChange | None:
        """Who last changed task ``task_id``, when, and which of its fields (from the row
        log): what the conflict dialog names. None when nothing is logged for it."""
        from opsdesk.model.audit import ChangeRow as LoggedRow
        from opsdesk.store import rowlog

        with self.store.read() as s:
            row = s.execute(select(LoggedRow.change_id, LoggedRow.old, LoggedRow.new)
                            .where(LoggedRow.tbl == "tasks", LoggedRow.pk == str(int(task_id)))
                            .order_by(LoggedRow.id.desc()).limit(1)).first()
            if row is None or row.change_id is None:
                return None
            who = s.execute(select(Change.at, User.name).outerjoin(User, User.id == Change.user_id)
                            .where(Change.id == row.change_id)).first()
        old, new = rowlog.loads(row.old) or {}, rowlog.loads(row.new) or {}
        fields = tuple(k for k in new if k != "version" and old.get(k) != new.get(k))
        if who is None:
            return None
        return LastChange(who.name, who.at, fields)


@dataclass(frozen=True)
class LastChange:
    who: str | None
    at: dt.datetime  # UTC, naive
    fields: tuple[str, ...]  # the task's columns it changed (status, done_at…)


# ---- the Activity view: filtered, with the title of what changed


@dataclass(frozen=True)
class ActivityRow:
    change: ChangeRow
    task_id: int | None  # the task the entry is about (a comment's task; a bulk edit's first)
    title: str  # the task's (or person's, role's) name, or "" when unknown
    task_ids: tuple[int, ...] = ()  # every task the entry is about (all of a bulk edit's)


@dataclass(frozen=True)
class ActivityFilter:
    user_id: int | None = None
    entity: str | None = None  # task, comment, link, series, user, role, plan, kpi...
    action: str | None = None
    task_id: int | None = None
    text: str = ""  # part of the title
    since: dt.datetime | None = None  # UTC
    until: dt.datetime | None = None  # UTC, exclusive


# The task actions each kind of the filter ("Ticked off", "Tasks edited"...) may come from;
# ``task_kinds`` then says which kinds one entry really is (a bulk status change to done is a
# tick-off, a bulk assign an edit).
KIND_ACTIONS: dict[str, tuple[str, ...]] = {
    "done": ("done", "update", "bulk_update"),
    "reopen": ("reopen", "update", "bulk_update"),
    "create": ("create", "bulk_create", "import"),
    "update": ("update", "bulk_update", "bulk_shift", "bulk_restore", "move", "import", "undo",
               "redo", "skip"),
    "delete": ("delete", "restore"),  # the undo of a delete shows with the deletes
}
_PAGE = 1000


def task_kinds(action: str, before: dict | None, after: dict | None) -> set[str]:
    """The kinds of task change (done, reopen, create, update, delete) one task entry counts as."""
    before, after = before or {}, after or {}
    if action in ("update", "bulk_update"):
        kinds: set[str] = set()
        fields = set(after) - {"ids", "count", "done_at", "done_by", "status"}
        if "status" in after:
            new = after["status"]
            olds = ([before.get("status")] if action == "update" else
                    [b.get("status") for b in before.values() if isinstance(b, dict)]) or [None]
            if new == "done":
                if any(o != "done" for o in olds):
                    kinds.add("done")
            else:
                if "done" in olds:
                    kinds.add("reopen")
                if any(o not in ("done", new) for o in olds):
                    kinds.add("update")
        if fields:
            kinds.add("update")
        return kinds or {"update"}
    if action in ("bulk_shift", "bulk_restore", "move", "undo", "redo", "skip"):
        return {"update"}
    if action == "import":
        return ({"create"} if after.get("created") else set()) | (
            {"update"} if after.get("updated") or not after.get("created") else set())
    if action == "bulk_create":
        return {"create"}
    if action == "restore":
        return {"delete"}
    return {action}


def _task_of(entity: str, entity_id: int | None, before: dict | None, after: dict | None) -> int | None:
    if entity in ("task", "link") and entity_id is not None:
        return entity_id
    for values in (after, before):
        if values and isinstance(values.get("task_id"), int):
            return values["task_id"]
    return None


def task_ids_of(entity: str, entity_id: int | None, before: dict | None,
                after: dict | None) -> tuple[int, ...]:
    """Every task an entry is about: its own, a comment's, both of a link, or the ``ids`` a
    bulk entry (bulk edit, reschedule, undo, restore) lists in its ``after``."""
    first = _task_of(entity, entity_id, before, after)
    ids = [first] if first is not None else []
    seen = set(ids)
    extra: list = []
    if entity == "task" and after and isinstance(after.get("ids"), list):
        extra = after["ids"]
    elif entity == "link":
        extra = [(after or before or {}).get("pred_id")]
    for i in extra:
        if isinstance(i, int) and i not in seen:
            seen.add(i)
            ids.append(i)
    return tuple(ids)


def _mentions(column, task_id: int):
    """A coarse, portable pre-filter (SQLite and PostgreSQL): the JSON text holds the id as a
    number between JSON delimiters ("ids": [40, 41], "task_id": 40}). False hits (a count
    of 40) are dropped by the exact check in Python; JSON functions differ per backend."""
    from sqlalchemy import Text, cast, or_

    text = cast(column, Text)
    return or_(*[text.like(f"%{a}{task_id}{b}%") for a in ("[", " ", ",", ":")
                 for b in (",", "]", "}")])


def query_activity(service: AuditService, plan_id: int | None, f: ActivityFilter,
                   limit: int = 2000) -> list[ActivityRow]:
    """The change log newest first, narrowed by ``f``, with titles resolved per page.

    What SQL cannot tell portably (the tasks inside a bulk entry's JSON, whether a bulk status
    change is a tick-off) is checked in Python on pages of ``_PAGE`` entries read newest
    first, until ``limit`` rows are found."""
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
    kind = f.action if f.entity == "task" and f.action in KIND_ACTIONS else None
    if kind:
        stmt = stmt.where(Change.action.in_(KIND_ACTIONS[kind]))
    elif f.action:
        stmt = stmt.where(Change.action == f.action)
    if f.since is not None:
        stmt = stmt.where(Change.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(Change.at < f.until)
    if f.task_id is not None:
        stmt = stmt.where(or_(Change.entity_id == f.task_id, _mentions(Change.after, f.task_id),
                              _mentions(Change.before, f.task_id)))
    text = f.text.strip().lower()
    in_python = f.task_id is not None or bool(text) or kind is not None
    page = _PAGE if in_python else limit
    rows: list[ActivityRow] = []
    titles: dict[int, str] = {}
    with service.store.read() as s:
        # looked up by a change's entity id, which may be None (then nothing is found)
        users: dict[int | None, str] = dict(s.execute(select(User.id, User.name)).all())
        roles: dict[int | None, str] = dict(s.execute(select(Role.id, Role.name_zh)).all())
        kpis: dict[int | None, str] = dict(s.execute(select(Kpi.id, Kpi.name_zh)).all())
        last: int | None = None
        while len(rows) < limit:
            paged = stmt if last is None else stmt.where(Change.id < last)
            changes = [ChangeRow(*r) for r in s.execute(paged.limit(page))]
            if not changes:
                break
            last = changes[-1].id
            found = []
            for c in changes:
                if kind and c.entity == "task" and kind not in task_kinds(c.action, c.before, c.after):
                    continue
                ids = task_ids_of(c.entity, c.entity_id, c.before, c.after)
                if f.task_id is not None and f.task_id not in ids:
                    continue
                found.append((c, ids))
            wanted = {i for _c, ids in found for i in (ids if text else ids[:1])} - set(titles)
            for chunk in _chunks(sorted(wanted), 900):
                titles.update(s.execute(select(Task.id, Task.title).where(Task.id.in_(chunk))).all())
            for c, ids in found:
                task_id: int | None = None
                if ids:
                    task_id = f.task_id if f.task_id is not None else ids[0]
                    named = [i for i in ids if i in titles]
                    if text:
                        named = [i for i in named if text in titles[i].lower()] or named
                    if named and (f.task_id is None or f.task_id in named):
                        task_id = f.task_id if f.task_id is not None else named[0]
                    title = titles.get(task_id) or (c.before or {}).get("title") or \
                        (c.after or {}).get("title") or ""
                elif c.entity == "user":
                    title = users.get(c.entity_id, "")
                elif c.entity == "role":
                    title = roles.get(c.entity_id, "")
                elif c.entity.startswith("kpi"):
                    title = kpis.get(c.entity_id, "") or (c.before or {}).get("name_zh") or ""
                else:
                    title = (c.after or {}).get("title") or (c.before or {}).get("title") or \
                        (c.after or {}).get("name") or ""
                if text and text not in str(title).lower():
                    continue
                rows.append(ActivityRow(c, task_id, str(title), ids))
                if len(rows) >= limit:
                    break
            if len(changes) < page:
                break
    return rows


def _chunks(items: list[int], size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
