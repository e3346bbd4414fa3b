"""Bringing plans in from other planners: a preview of what will change, then one action."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from opsdesk import collector
from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.interchange.plan_doc import (
    BAD_ANCHOR,
    LinkDoc,
    PlanDoc,
    ResourceDoc,
    TaskDoc,
    Where,
    anchor_text,
    check_plan,
)
from opsdesk.model import Change, Phase, Plan, Role, Task, TaskLink, TaskSeries, User
from opsdesk.model import anchors as A
from opsdesk.model.dates import MAX_DATE, MIN_DATE, in_bounds
from opsdesk.model.enums import Priority, TaskStatus
from opsdesk.model.rules import done_fields
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.anchors import MAX_DAYS
from opsdesk.services.base import Service, inserted_id, jsonable
from opsdesk.services.changes import Changes
from opsdesk.templates.loader import AnchorSpec

EMPTY_PLAN = QT_TRANSLATE_NOOP("Errors", "{file} holds no tasks to import.")
START_OUT_OF_BOUNDS = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the start {value} is outside {low} … {high}.")
FINISH_OUT_OF_BOUNDS = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the finish {value} is outside {low} … {high}.")
TARGET_EXISTS = QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose a new file.")
LINK_TO_PHASE = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the link from task {pred} “{pred_name}” to task {succ} “{succ_name}” is "
    "left out: “{phase}” becomes a phase, and OpsDesk links tasks, not phases.")
ANCHOR_NO_TASK = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: its anchor on task {anchor} is left out; there is "
    "no such task to hang on (a phase is not one); its dates stay as they are.")
ANCHOR_LOOP = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: its anchor on task {anchor} is left out; the "
    "tasks would hang on each other; its dates stay as they are.")
PHASE_COLORS = ("#90caf9", "#a5d6a7", "#ffcc80", "#ce93d8", "#80cbc4", "#ef9a9a")

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


@dataclass
class PlanImportPreview:
    """What an import will do, shown before anything is written."""

    name: str
    start: dt.date | None
    end: dt.date | None
    phases: list[str] = field(default_factory=list)
    tasks: int = 0
    milestones: int = 0
    links: int = 0
    people_new: list[str] = field(default_factory=list)
    people_matched: list[str] = field(default_factory=list)
    groups_unmatched: list[str] = field(default_factory=list)
    roles_new: list[str] = field(default_factory=list)  # roles the file brings that are added
    undated: int = 0  # tasks with neither start nor finish (imported unscheduled)
    # links the import leaves out, each saying why (a link to a task that becomes a phase)
    links_dropped: list[ValidationError] = field(default_factory=list)
    # What the reader fixed or left out (a finish before the start, a link to a missing task),
    # each a typed error naming its task: show ``error_text(w)`` / ``w.message`` for each
    warnings: list[ValidationError] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "").lower()


class ImportService(Service):
    def _roles(self, s) -> dict[str, int]:
        """Role names (zh, en, key) → id, normalised."""
        out: dict[str, int] = {}
        for rid, key, zh, en in s.execute(select(Role.id, Role.key, Role.name_zh, Role.name_en)):
            for name in (key, zh, en):
                out[_norm(name)] = rid
        return out

    def _people(self, s) -> dict[str, int]:
        out: dict[str, int] = {}
        for uid, name, login in s.execute(select(User.id, User.name, User.login)):
            out[_norm(name)] = uid
            out[_norm(login)] = uid
        return out

    @staticmethod
    def _phase_tasks(doc: PlanDoc) -> list[TaskDoc]:
        """Top-level summary tasks become phases (or one phase when there are none); in
        OpsDesk's own export exactly its phases (the tasks that carry a phase key)."""
        if any(t.phase_key for t in doc.tasks):
            return [t for t in doc.tasks if t.parent is None and t.phase_key]
        return [t for t in doc.tasks if t.parent is None and t.summary]

    @classmethod
    def _links(cls, doc: PlanDoc, file: str, tops: list[TaskDoc] | None = None
               ) -> tuple[list[LinkDoc], list[ValidationError]]:
        """The links the import makes, and those it leaves out with why: a link from or to a
        task that becomes a phase (phases are not linked). ``tops``: ``_phase_tasks(doc)``
        when known."""
        phases = {t.uid: t for t in (cls._phase_tasks(doc) if tops is None else tops)}
        names: dict[str, str] = {}
        kept, dropped = [], []
        for link in doc.links:
            phase = phases.get(link.pred) or phases.get(link.succ)
            if phase is None:
                kept.append(link)
            else:
                if not names:  # (only for a message)
                    names = {t.uid: t.name for t in doc.tasks}
                dropped.append(ValidationError(
                    LINK_TO_PHASE, field="file", file=file, pred=link.pred,
                    pred_name=names.get(link.pred, ""), succ=link.succ,
                    succ_name=names.get(link.succ, ""), phase=phase.name))
        return kept, dropped

    @staticmethod
    def _people_in(doc: PlanDoc) -> list[ResourceDoc]:
        """The resources that are people: a nameless one is nobody (the same for the preview
        and the import, so they always agree)."""
        return [r for r in doc.resources if r.name.strip()]

    @classmethod
    def check_doc(cls, doc: PlanDoc, file: str) -> None:
        """Refuse a plan that cannot be imported (before anything is made for it)."""
        cls._check(doc, file)

    @staticmethod
    def _check(doc: PlanDoc, file: str) -> None:
        """Refuse a plan that cannot be imported, naming the task (the same checks for a
        document read from a file, which has had them, and one made otherwise)."""
        if not doc.tasks:
            raise ValidationError(EMPTY_PLAN, field="file", file=file)
        check_plan(doc, file)
        span = doc.span()
        if span is None or (in_bounds(span[0]) and in_bounds(span[1])):
            return  # (the usual: no task to look for)
        for t in doc.tasks:
            for day, template in ((t.start, START_OUT_OF_BOUNDS), (t.finish, FINISH_OUT_OF_BOUNDS)):
                if day is not None and not in_bounds(day):
                    raise Where(file, t.uid, t.name).error(
                        template, value=day.isoformat(), low=MIN_DATE.isoformat(),
                        high=MAX_DATE.isoformat())

    def preview_plan(self, doc: PlanDoc, file: str = "") -> PlanImportPreview:
        self._check(doc, file or doc.name)
        span = doc.span()
        phases = self._phase_tasks(doc)
        preview = PlanImportPreview(doc.name, span[0] if span else None, span[1] if span else None)
        preview.phases = [p.name for p in phases] or [doc.name or "Plan"]
        phase_uids = {p.uid for p in phases}
        preview.tasks = sum(1 for t in doc.tasks if t.uid not in phase_uids)
        preview.milestones = sum(1 for t in doc.tasks if t.milestone)
        kept, preview.links_dropped = self._links(doc, file or doc.name)
        preview.links = len(kept)
        with self.store.read() as s:
            roles, people = self._roles(s), self._people(s)
        own_roles = {_norm(r.key) for r in doc.roles}
        preview.roles_new = [r.name_zh or r.key for r in doc.roles
                             if _norm(r.key) not in roles
                             and not any(_norm(x) in roles for x in (r.name_zh, r.name_en))]
        for r in self._people_in(doc):
            (preview.people_matched if self._match(r, people) is not None
             else preview.people_new).append(r.name)
            if r.role_key and _norm(r.role_key) in own_roles | set(roles):
                continue
            if r.group and _norm(r.group) not in roles and r.group not in preview.groups_unmatched:
                preview.groups_unmatched.append(r.group)
        preview.undated = sum(1 for t in doc.tasks if t.start is None and t.finish is None)
        preview.warnings = list(doc.warnings) + self._anchors(doc, file or doc.name)[1]
        return preview

    @staticmethod
    def _match(r: ResourceDoc, people: dict[str, int]) -> int | None:
        """The person a resource is: by login (OpsDesk's own exports), else by name."""
        if r.login and _norm(r.login) in people:
            return people[_norm(r.login)]
        return people.get(_norm(r.name))

    def import_plan(self, actor: Actor, doc: PlanDoc, *, name: str | None = None,
                    launch: dt.date | None = None, default_role: str = "operations",
                    progress: Progress | None = None, file: str = "") -> Changes:
        """Create a new plan from ``doc`` in one transaction with one change-log entry."""
        permissions.require_manager(actor, permissions.RESTORE)
        with collector.paused():  # (a big plan's records hold no cycles)
            return self._import_plan(actor, doc, name, launch, default_role, progress, file)

    def _import_plan(self, actor: Actor, doc: PlanDoc, name: str | None,
                     launch: dt.date | None, default_role: str, progress: Progress | None,
                     file: str) -> Changes:
        self._check(doc, file or doc.name)
        span = doc.span()
        name = validate.text(name or doc.name or file or "Imported plan", "name", 200)
        launch = validate.date(launch or doc.launch or doc.start
                               or (span[0] if span else dt.date.today()), "launch_date")
        tops = self._phase_tasks(doc)  # (once: each look is a walk over every task)
        kept, _dropped = self._links(doc, file or doc.name, tops)
        with self.store.write() as s:
            roles = self._import_roles(s, doc)
            people = self._people(s)
            default_role_id = roles.get(_norm(default_role)) or s.scalar(select(func.min(Role.id)))
            if default_role_id is None:
                default_role_id = inserted_id(s.execute(insert(Role).values(
                    key="operations", name_zh="运营", name_en="Operations", color="#1e88e5")
                ))
            plan_id = inserted_id(s.execute(insert(Plan).values(
                name=name, launch_date=launch, currency=(doc.currency or "CNY")[:8],
                template_key=f"import:{doc.source}", created_at=self.clock())))
            # the action's entry first: a big import's task rows go into the row log already
            # claimed by it (``_bulk_insert``); its summary is filled in at the end
            cid = self.log(s, actor, "plan", plan_id, "import", plan_id=plan_id,
                           after=dict(name=name, source=doc.source, file=file))
            person_of, role_of_person = self._import_people(s, doc, roles, people, default_role_id)
            phase_of = self._import_phases(s, doc, plan_id, launch, span, tops)
            series_of = self._import_series(s, doc, plan_id)
            ids = self._import_tasks(s, doc, plan_id, phase_of, person_of, role_of_person,
                                     default_role_id, progress, actor, roles, people, series_of,
                                     tops)
            links = [dict(pred_id=ids[link.pred], succ_id=ids[link.succ], kind=link.kind,
                          lag_days=link.lag_days)
                     for link in kept if link.pred in ids and link.succ in ids
                     and link.pred != link.succ]
            unique = {(lk["pred_id"], lk["succ_id"]): lk for lk in links}
            if unique:
                s.execute(insert(TaskLink), list(unique.values()))
            self._import_anchors(s, doc, ids, file or doc.name)
            s.execute(update(Change).where(Change.id == cid).values(after=jsonable(dict(
                name=name, source=doc.source, file=file, tasks=len(ids), links=len(unique),
                phases=len(set(phase_of.values()))))))
        return Changes(plans=True, tasks=True, people=True, ids=frozenset({plan_id}),
                       change_id=cid, plan_id=plan_id)

    @classmethod
    def _anchors(cls, doc: PlanDoc, file: str) -> tuple[dict[str, AnchorSpec],
                                                        list[ValidationError]]:
        """The anchors the import sets (task uid → anchor) and those it leaves out with why:
        days out of bounds, a task anchor on no task of the file (or on a phase), on itself
        or round a loop. The file's dates are kept either way."""
        if not any(t.anchor is not None for t in doc.tasks):
            return {}, []  # (most files: nothing to look up)
        phases = {t.uid for t in cls._phase_tasks(doc)}
        by_uid = {t.uid: t for t in doc.tasks}
        kept: dict[str, AnchorSpec] = {}
        dropped: list[ValidationError] = []

        def loops(uid: str, target: str) -> bool:
            node: str | None = target
            for _ in range(len(kept) + 1):
                if node == uid:
                    return True
                spec = kept.get(node or "")
                node = spec.task if spec is not None and spec.kind == A.TASK else None
                if node is None:
                    return False
            return True

        for t in doc.tasks:
            spec = t.anchor
            if spec is None or t.uid in phases:
                continue
            where = Where(file, t.uid, t.name)
            if abs(spec.days) > MAX_DAYS:
                dropped.append(where.error(BAD_ANCHOR, value=anchor_text(spec)))
            elif spec.kind == A.TASK and (spec.task not in by_uid or spec.task in phases):
                dropped.append(where.error(ANCHOR_NO_TASK, anchor=spec.task))
            elif spec.kind == A.TASK and loops(t.uid, spec.task or ""):
                dropped.append(where.error(ANCHOR_LOOP, anchor=spec.task))
            else:
                kept[t.uid] = spec
        return kept, dropped

    # ---- pieces of one import (inside its transaction)

    def _import_anchors(self, s, doc: PlanDoc, ids: dict[str, int], file: str) -> None:
        """Each imported task's anchor, as column values: the file's dates are already
        where the anchors put them, so nothing moves (task anchors through ``ids``)."""
        kept, _dropped = self._anchors(doc, file)
        rows = [dict(_id=ids[uid], _kind=spec.kind,
                     _month=spec.month if spec.kind in A.FIXED else None,
                     _day=spec.day if spec.kind in A.FIXED else None,
                     _task=ids.get(spec.task or "") if spec.kind == A.TASK else None,
                     _days=spec.days)
                for uid, spec in kept.items() if uid in ids
                and (spec.kind != A.TASK or spec.task in ids)]
        if rows:
            table = Task.__table__
            s.connection().execute(
                update(table).where(table.c.id == bindparam("_id")).values(
                    anchor_kind=bindparam("_kind"), anchor_month=bindparam("_month"),
                    anchor_day=bindparam("_day"), anchor_task_id=bindparam("_task"),
                    anchor_days=bindparam("_days")), rows)

    def _import_roles(self, s, doc: PlanDoc) -> dict[str, int]:
        """The roles OpsDesk's own export carries that this database lacks are added (by
        key); role names (zh, en, key) → id."""
        roles = self._roles(s)
        keys = {key.lower() for key in s.scalars(select(Role.key))}
        for r in doc.roles:
            if r.key.lower() in keys or any(_norm(x) in roles for x in (r.name_zh, r.name_en)):
                continue  # the database has it (by key, or by name)
            rid = inserted_id(s.execute(insert(Role).values(
                key=validate.text(r.key, "key", 64), name_zh=(r.name_zh or r.key)[:100],
                name_en=(r.name_en or r.name_zh or r.key)[:100],
                color=r.color or PHASE_COLORS[len(keys) % len(PHASE_COLORS)])))
            keys.add(r.key.lower())
            for label in (r.key, r.name_zh, r.name_en):
                roles.setdefault(_norm(label), rid)
        return roles

    def _import_people(self, s, doc, roles, people, default_role_id):
        person_of: dict[str, int] = {}
        role_of_person: dict[int, int] = {}
        logins = {login.lower() for login in s.scalars(select(User.login))}
        for r in self._people_in(doc):
            uid = self._match(r, people)
            if uid is None:
                role_id = (roles.get(_norm(r.role_key)) if r.role_key else None) \
                    or roles.get(_norm(r.group), default_role_id)
                base = next((b for b in (re.sub(r"[^0-9a-z_.-]", "", w.lower()) for w in
                                         (r.login, r.short_name, r.name.replace(" ", ".")))
                             if b.strip("._-")), f"user{r.uid}")
                login, n = base, 1
                while login.lower() in logins:
                    n += 1
                    login = f"{base}{n}"
                logins.add(login.lower())
                uid = inserted_id(s.execute(insert(User).values(
                    name=validate.text(r.name, "name", 100), login=login, role_id=role_id,
                    is_manager=r.is_manager, password_hash=None, active=r.active)))
                people[_norm(r.name)] = uid
                people[_norm(login)] = uid
            person_of[r.uid] = uid
        for uid, role_id in s.execute(select(User.id, User.role_id).where(
                User.id.in_(list(person_of.values()) or [-1]))):
            role_of_person[uid] = role_id
        return person_of, role_of_person

    def _import_phases(self, s, doc, plan_id, launch, span, tops) -> dict[str, int]:
        """uid of every task → id of its phase (the top-level summary it sits under, of
        ``tops``: ``_phase_tasks(doc)``). A phase without dates of its own spans its tasks."""
        if not tops:
            start, end = span if span else (launch, launch)
            pid = inserted_id(s.execute(insert(Phase).values(
                plan_id=plan_id, key="imported", name_zh=doc.name or "导入", name_en=doc.name or "Imported",
                start=start, end=end, position=0, color=PHASE_COLORS[0])))
            return {t.uid: pid for t in doc.tasks}
        by_uid: dict[str, TaskDoc] = {}
        top_of: dict[str, str] = {}  # uid → its phase's uid
        top_uids = {t.uid for t in tops}
        # each phase's days of its tasks (starts and finishes; its first and last day then
        # come from min and max over them)
        days: dict[str, list[dt.date | None]] = {uid: [] for uid in top_uids}
        for t in doc.tasks:
            uid = t.uid
            if uid in top_uids:
                top_uid: str | None = uid
            else:
                top_uid = top_of.get(t.parent)  # readers list a parent before its children
                if top_uid is None and t.parent is not None:
                    if not by_uid:
                        by_uid = {t.uid: t for t in doc.tasks}
                    node, seen = t, 0
                    while node.parent is not None and node.uid not in top_uids \
                            and seen <= len(by_uid):
                        node = by_uid.get(node.parent, node)
                        seen += 1
                        if node.parent is None:
                            break
                    top_uid = node.uid if node.uid in top_uids else None
            if top_uid is None:  # (under no phase)
                continue
            top_of[uid] = top_uid
            kept = days[top_uid]
            kept.append(t.start)
            kept.append(t.finish)
        first: dict[str, dt.date] = {}
        last: dict[str, dt.date] = {}
        for top_uid, kept in days.items():
            known = [d for d in kept if d is not None]
            if known:
                first[top_uid], last[top_uid] = min(known), max(known)
        phase_ids: dict[str, int] = {}
        keys: set[str] = set()
        for pos, top in enumerate(tops):
            start = top.start or first.get(top.uid, launch)
            end = max(top.finish or last.get(top.uid, launch), start)
            key = (top.phase_key or f"phase{pos + 1}")[:64]
            if key in keys:
                key = f"{key[:56]}-{pos + 1}"
            keys.add(key)
            phase_ids[top.uid] = inserted_id(s.execute(insert(Phase).values(
                plan_id=plan_id, key=key, name_zh=top.name, name_en=top.name_en or top.name,
                start=start, end=end, position=pos,
                color=top.color or PHASE_COLORS[pos % len(PHASE_COLORS)])))
        return dict(zip(top_of, map(phase_ids.__getitem__, top_of.values()), strict=True))

    def _import_series(self, s, doc, plan_id) -> dict[str, int]:
        """The routines of OpsDesk's own export ("RRULE|start|until") → their new ids."""
        out: dict[str, int] = {}
        for t in doc.tasks:
            if not t.routine or t.routine in out:
                continue
            rule, start, until = (t.routine.split("|") + ["", ""])[:3]
            try:
                first = dt.date.fromisoformat(start) if start else (t.finish or t.start)
                last = dt.date.fromisoformat(until) if until else None
            except ValueError:
                continue  # not a routine OpsDesk wrote: the task stays an ordinary one
            if not rule or first is None:
                continue
            out[t.routine] = inserted_id(s.execute(insert(TaskSeries).values(
                plan_id=plan_id, rule=rule[:500], start=first, until=last)))
        return out

    def _import_tasks(self, s, doc, plan_id, phase_of, person_of, role_of_person,
                      default_role_id, progress, actor: Actor, roles=None, people=None,
                      series_of=None, tops=None) -> dict[str, int]:
        """Insert level by level (parents first), in chunks; uid → task id. A task done in
        the file is done by the importer, now (``done_fields``), unless the file says who
        and when (OpsDesk's own export)."""
        now = self.clock()
        roles, people, series_of = roles or {}, people or {}, series_of or {}
        tops = {t.uid for t in (self._phase_tasks(doc) if tops is None else tops)}
        levels: dict[int, list[TaskDoc]] = {}
        for t in doc.tasks:
            if t.uid not in tops:
                levels.setdefault(t.depth, []).append(t)
        ids: dict[str, int] = {}
        total = sum(len(v) for v in levels.values())
        position = 0
        statuses = {st.value for st in TaskStatus}
        priorities = {p.value for p in Priority}
        conn = s.connection()
        table = Task.__table__  # Core: the ORM's bulk RETURNING path is quadratic here
        sqlite = conn.dialect.name == "sqlite"
        # SQLite cannot keep RETURNING rows in parameter order for a batch, so SQLAlchemy
        # would insert row by row: there the ids are handed out here instead (the
        # transaction holds the write lock), and each chunk goes in as one executemany of
        # plain tuples, the values bound as SQLAlchemy binds them (``_binder``)
        next_id = (s.scalar(select(func.max(Task.id))) or 0) + 1 if sqlite else None
        columns = (("id",) if sqlite else ()) + TASK_COLUMNS
        if sqlite:
            compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
            assert tuple(compiled.positiontup or ()) == columns  # the values' order
            sql = str(compiled)
        else:
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        day, stamp, flag = (_binder(table.c[c], conn.dialect) if sqlite else _as_is
                            for c in ("start", "done_at", "is_milestone"))
        user = actor.user_id
        not_done = (None, None)
        created_done = done_fields(None, TaskStatus.DONE.value, now, user)
        stamped = (stamp(created_done["done_at"]), created_done["done_by"])
        launch_anchor = A.LAUNCH
        with _bulk_insert(conn, table, total, next_id, s.info.get("tx")):
            for depth in sorted(levels):
                batch = levels[depth]
                for chunk_start in range(0, len(batch), CHUNK):
                    chunk = batch[chunk_start:chunk_start + CHUNK]
                    rows: list[tuple] = []
                    first_id = next_id
                    for t in chunk:  # (the hot loop of a big import: kept plain)
                        assignee = None
                        for r in t.resources:
                            assignee = person_of.get(r)
                            if assignee is not None:
                                break
                        start = t.start
                        due = t.finish or start
                        if start and due and due < start:
                            due = start
                        position += 1
                        status = t.status
                        if status not in statuses:
                            percent = t.percent_complete
                            status = "done" if percent >= 100 else \
                                "doing" if percent > 0 else "todo"
                        if status != "done":
                            done = not_done
                        elif t.done_by or t.done_at:  # OpsDesk's own export says who and when
                            done = (stamp(t.done_at or now),
                                    people.get(_norm(t.done_by or ""), user))
                        else:
                            done = stamped
                        role_id = roles.get(_norm(t.role)) if t.role else None
                        parent = t.parent
                        row = (plan_id, phase_of.get(t.uid),
                               ids.get(parent) if parent is not None and parent not in tops
                               else None,
                               series_of.get(t.routine) if t.routine else None,
                               (t.name or "—")[:500], t.notes or "",
                               role_id or role_of_person.get(assignee, default_role_id),
                               assignee, day(start), day(due), status,
                               t.priority if t.priority in priorities else "normal",
                               flag(t.milestone), done[0], done[1], position, 1,
                               launch_anchor, 0)
                        if next_id is not None:
                            ids[t.uid] = next_id
                            rows.append((next_id, *row))
                            next_id += 1
                        else:
                            rows.append(row)
                    if first_id is not None:
                        conn.exec_driver_sql(sql, rows)
                    else:
                        new_ids = conn.execute(stmt, [dict(zip(columns, row, strict=True))
                                                      for row in rows]).scalars().all()
                        for t, new_id in zip(chunk, new_ids, strict=True):
                            ids[t.uid] = new_id
                    if progress is not None and progress(len(ids), total) is False:
                        raise Cancelled()
        return ids


TASK_COLUMNS = ("plan_id", "phase_id", "parent_id", "series_id", "title", "notes", "role_id",
                "assignee_id", "start", "due", "status", "priority", "is_milestone", "done_at",
                "done_by", "position", "version", "anchor_kind", "anchor_days")
"""What an imported task's row is given, in the table's order (the anchors come after,
``_import_anchors``)."""
CHUNK = 5000  # tasks inserted at once (then progress, where Cancel is heard)
DEFER_INDEXES_FROM = 20_000
"""An SQLite import of this many tasks or more, at least as many as the database already
holds, builds the tasks' indexes once after inserting instead of row by row (about five
times faster at 300,000 tasks)."""


def _as_is(value: Any) -> Any:
    return value


def _binder(column, dialect) -> Callable[[Any], Any]:
    """A value of ``column`` as SQLAlchemy binds it for ``dialect`` (an SQLite date as its
    text), remembered per value (a plan has a few thousand distinct days; an import stamps
    its done tasks with one time)."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return _as_is
    seen: dict[Any, Any] = {None: None}

    def bind(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            made = process(value)
            if len(seen) < 10_000:
                seen[value] = made
            return made

    return bind


@contextmanager
def _bulk_insert(conn, table, rows: int, first_id: int | None,
                 change_id: int | None = None) -> Iterator[None]:
    """Inside the import's transaction on SQLite, for a big import (``DEFER_INDEXES_FROM``):
    drop ``table``'s indexes and its row-log insert trigger, let the rows (ids from
    ``first_id`` on) go in, then log them with the trigger's own expression in one
    statement, in id order (the same rows, the same JSON, in the same order as the trigger
    would have written them; already given to ``change_id``, the transaction's action, when
    it is known, as ``rowlog.claim`` would give them: not rewritten afterwards), and create the trigger and the indexes again from the
    statements SQLite keeps for them. All in the one transaction: a failure or Cancel rolls
    everything back, the dropped trigger and indexes too. Inserting into nine indexes and
    running the trigger row by row is what made a big import slow. Elsewhere (PostgreSQL, a
    small import, a trigger that is not the one ``rowlog`` makes) it changes nothing."""
    from opsdesk.store import rowlog

    if conn.dialect.name != "sqlite" or first_id is None or rows < DEFER_INDEXES_FROM or \
            rows < (conn.scalar(select(func.count()).select_from(table)) or 0):
        yield
        return
    from opsdesk.store.engine import defer_checkpoint

    defer_checkpoint(conn)  # (the import returns before its rows are copied into the file)
    name = table.name
    found = conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND (type = 'index' OR name = ?)", (name, f"rowlog_{name}_ins")).all()
    key = " || ',' || ".join(f'NEW."{c}"' for c in rowlog.LOGGED[name])
    row = rowlog.row_json_sql(conn, name, "NEW")
    triggers = [sql for kind, _n, sql in found if kind == "trigger"]
    log = len(triggers) == 1 and f"('{name}', {key}, NULL, {row})" in triggers[0]
    quote = conn.dialect.identifier_preparer.quote
    for kind, found_name, _sql in found:
        if kind == "index" or log:
            conn.exec_driver_sql(f"DROP {kind.upper()} {quote(found_name)}")
    yield  # (an exception here rolls everything back, the dropped ones too)
    if log:
        conn.exec_driver_sql(
            f"INSERT INTO change_rows (change_id, tbl, pk, old, new) SELECT ?, '{name}', "
            f"{key.replace('NEW.', 't.')}, NULL, {rowlog.row_json_sql(conn, name, 't')} "
            f"FROM {quote(name)} AS t WHERE t.id >= ? ORDER BY t.id", (change_id, first_id))
    # SQLite may sort each index's keys on a second core (a pragma of this connection only)
    threads = conn.exec_driver_sql("PRAGMA threads").scalar() or 0
    conn.exec_driver_sql(f"PRAGMA threads = {min(os.cpu_count() or 1, 4)}")
    try:
        for kind, _name, sql in found:
            if kind == "index" or log:
                conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql(f"PRAGMA threads = {int(threads)}")


# ---- a plan file into a database of its own (File ▸ Open of a plan, `opsdesk --db new.db import`)

PLAN_SUFFIXES = {".planner": "planner", ".mrproject": "planner", ".xml": "mspdi",
                 ".mspdi": "mspdi", ".gan": "gan"}


def is_plan_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in PLAN_SUFFIXES


def read_plan_file(path: str | Path, progress: Progress | None = None) -> PlanDoc:
    """A plan file as a PlanDoc, by its type: GNOME Planner, MS Project XML, GanttProject.
    Planner and MS Project files are read as they stream (never the whole file nor its XML
    tree in memory); ``progress(bytes read, bytes in all)`` may stop it (``Cancelled``)."""
    from opsdesk.store import files

    path = Path(path)
    kind = PLAN_SUFFIXES.get(path.suffix.lower(), "mspdi")
    if kind == "gan":
        from opsdesk.interchange.gan import parse_gan

        return parse_gan(files.read_user_bytes(path), path.name)
    if kind == "planner":
        from opsdesk.interchange.planner import parse_planner as parse
    else:
        from opsdesk.interchange.mspdi import parse_mspdi as parse
    with files.open_user_file(path, "rb") as fh, collector.paused():
        return parse(fh, path.name, progress=_stopping(progress))


def _stopping(progress: Progress | None) -> Progress | None:
    """``progress`` for a reader: ``False`` from it stops the reading as a cancel."""
    if progress is None:
        return None

    def report(done: int, total: int) -> bool:
        if progress(done, total) is False:
            raise Cancelled()
        return True

    return report


def database_beside(plan_file: str | Path) -> Path:
    """A new database file beside ``plan_file``: ``plan.db``, else ``plan-2.db``, …"""
    plan_file = Path(plan_file)
    candidate, n = plan_file.with_suffix(".db"), 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        n += 1
        candidate = plan_file.with_name(f"{plan_file.stem}-{n}.db")
    return candidate


def preview_in_new(doc: PlanDoc, file: str) -> PlanImportPreview:
    """The preview of ``doc`` imported into an empty database (nobody there to match)."""
    import tempfile

    from opsdesk.store import open_store

    with tempfile.TemporaryDirectory(prefix="opsdesk-preview-") as tmp:
        store = open_store(Path(tmp) / "preview.db", create=True)
        try:
            return ImportService(store).preview_plan(doc, file)
        finally:
            store.close()


def import_into_new(target: Path, doc: PlanDoc, *, file: str, manager_name: str,
                    manager_login: str, password: str, name: str | None = None,
                    launch: dt.date | None = None, default_role: str = "operations",
                    progress: Progress | None = None) -> Changes:
    """Make the database ``target`` (which must not exist) with its first manager, as
    ``opsdesk init`` does, and import ``doc`` into it as that manager. Anything refused
    leaves no file behind."""
    from opsdesk.services.people import PeopleService
    from opsdesk.store import open_store

    ImportService._check(doc, file)
    if target.exists():
        raise ValidationError(TARGET_EXISTS, field="db", path=str(target))
    login = validate.text(manager_login, "login", 64)
    store = open_store(target, create=True)
    try:
        people = PeopleService(store)
        system = Actor.system()
        if not any(r.key == "operations" for r in people.roles()):
            people.create_role(system, "operations", "运营", "Operations", "#1e88e5")
        people.create_user(system, manager_name, login, "operations", is_manager=True,
                           password=password)
        actor = people.authenticate(login, password)
        changes = ImportService(store).import_plan(actor, doc, name=name, launch=launch,
                                                   default_role=default_role,
                                                   progress=progress, file=file)
    except BaseException:
        store.close()
        discard_new(target)
        raise
    store.close()
    return changes


def discard_new(target: Path) -> None:
    """Delete a database ``import_into_new`` made (closed), with its journal files: an
    import refused, failed or cancelled leaves no file behind."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
