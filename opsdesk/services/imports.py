"""Bringing plans in from other planners: a preview of what will change, then one action."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.interchange.plan_doc import PlanDoc, TaskDoc, Where, check_plan
from opsdesk.model import Phase, Plan, Role, Task, TaskLink, User
from opsdesk.model.dates import MAX_DATE, MIN_DATE, in_bounds
from opsdesk.model.rules import done_fields
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes

EMPTY_PLAN = QT_TRANSLATE_NOOP("Errors", "{file} holds no tasks to import.")
START_OUT_OF_BOUNDS = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the start {value} is outside {low} … {high}.")
FINISH_OUT_OF_BOUNDS = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the finish {value} is outside {low} … {high}.")
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
    undated: int = 0  # tasks with neither start nor finish (imported unscheduled)
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
        """Top-level summary tasks become phases (or one phase when there are none)."""
        return [t for t in doc.tasks if t.parent is None and t.summary]

    @staticmethod
    def _check(doc: PlanDoc, file: str) -> None:
        """Refuse a plan that cannot be imported, naming the task (the same checks for a
        document read from a file, which has had them, and one made otherwise)."""
        if not doc.tasks:
            raise ValidationError(EMPTY_PLAN, field="file", file=file)
        check_plan(doc, file)
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
        preview.links = len(doc.links)
        with self.store.read() as s:
            roles, people = self._roles(s), self._people(s)
        for r in doc.resources:
            (preview.people_matched if _norm(r.name) in people else preview.people_new).append(r.name)
            if r.group and _norm(r.group) not in roles and r.group not in preview.groups_unmatched:
                preview.groups_unmatched.append(r.group)
        preview.undated = sum(1 for t in doc.tasks if t.start is None and t.finish is None)
        preview.warnings = list(doc.warnings)
        return preview

    def import_plan(self, actor: Actor, doc: PlanDoc, *, name: str | None = None,
                    launch: dt.date | None = None, default_role: str = "operations",
                    progress: Progress | None = None, file: str = "") -> Changes:
        """Create a new plan from ``doc`` in one transaction with one change-log entry."""
        permissions.require_manager(actor, permissions.RESTORE)
        self._check(doc, file or doc.name)
        span = doc.span()
        name = validate.text(name or doc.name or file or "Imported plan", "name", 200)
        launch = validate.date(launch or doc.start or (span[0] if span else dt.date.today()),
                               "launch_date")
        with self.store.write() as s:
            roles, people = self._roles(s), self._people(s)
            default_role_id = roles.get(_norm(default_role)) or s.scalar(select(func.min(Role.id)))
            if default_role_id is None:
                default_role_id = inserted_id(s.execute(insert(Role).values(
                    key="operations", name_zh="运营", name_en="Operations", color="#1e88e5")
                ))
            plan_id = inserted_id(s.execute(insert(Plan).values(
                name=name, launch_date=launch, currency="CNY", template_key=f"import:{doc.source}",
                created_at=self.clock())))
            person_of, role_of_person = self._import_people(s, doc, roles, people, default_role_id)
            phase_of = self._import_phases(s, doc, plan_id, launch, span)
            ids = self._import_tasks(s, doc, plan_id, phase_of, person_of, role_of_person,
                                     default_role_id, progress, actor)
            links = [dict(pred_id=ids[link.pred], succ_id=ids[link.succ], kind=link.kind,
                          lag_days=link.lag_days)
                     for link in doc.links if link.pred in ids and link.succ in ids
                     and link.pred != link.succ]
            unique = {(lk["pred_id"], lk["succ_id"]): lk for lk in links}
            if unique:
                s.execute(insert(TaskLink), list(unique.values()))
            cid = self.log(s, actor, "plan", plan_id, "import", plan_id=plan_id, after=dict(
                name=name, source=doc.source, file=file, tasks=len(ids), links=len(unique),
                phases=len(set(phase_of.values()))))
        return Changes(plans=True, tasks=True, people=True, ids=frozenset({plan_id}),
                       change_id=cid, plan_id=plan_id)

    # ---- pieces of one import (inside its transaction)

    def _import_people(self, s, doc, roles, people, default_role_id):
        person_of: dict[str, int] = {}
        role_of_person: dict[int, int] = {}
        logins = {login.lower() for login in s.scalars(select(User.login))}
        for r in doc.resources:
            uid = people.get(_norm(r.name))
            if uid is None:
                role_id = roles.get(_norm(r.group), default_role_id)
                base = re.sub(r"[^0-9a-z_.-]", "", (r.short_name or "").lower()) or f"user{r.uid}"
                login, n = base, 1
                while login.lower() in logins:
                    n += 1
                    login = f"{base}{n}"
                logins.add(login.lower())
                uid = inserted_id(s.execute(insert(User).values(
                    name=validate.text(r.name, "name", 100), login=login, role_id=role_id,
                    is_manager=False, password_hash=None, active=True)))
                people[_norm(r.name)] = uid
            person_of[r.uid] = uid
        for uid, role_id in s.execute(select(User.id, User.role_id).where(
                User.id.in_(list(person_of.values()) or [-1]))):
            role_of_person[uid] = role_id
        return person_of, role_of_person

    def _import_phases(self, s, doc, plan_id, launch, span) -> dict[str, int]:
        """uid of every task → id of its phase (the top-level summary it sits under)."""
        tops = self._phase_tasks(doc)
        if not tops:
            start, end = span if span else (launch, launch)
            pid = inserted_id(s.execute(insert(Phase).values(
                plan_id=plan_id, key="imported", name_zh=doc.name or "导入", name_en=doc.name or "Imported",
                start=start, end=end, position=0, color=PHASE_COLORS[0])))
            return {t.uid: pid for t in doc.tasks}
        phase_ids: dict[str, int] = {}
        for pos, top in enumerate(tops):
            start = top.start or launch
            end = max(top.finish or start, start)
            phase_ids[top.uid] = inserted_id(s.execute(insert(Phase).values(
                plan_id=plan_id, key=f"phase{pos + 1}", name_zh=top.name, name_en=top.name,
                start=start, end=end, position=pos, color=PHASE_COLORS[pos % len(PHASE_COLORS)])
            ))
        by_uid = {t.uid: t for t in doc.tasks}
        phase_of: dict[str, int] = {}
        for t in doc.tasks:
            node = t
            while node.parent is not None and node.uid not in phase_ids:
                node = by_uid.get(node.parent, node)
                if node.parent is None:
                    break
            if node.uid in phase_ids:
                phase_of[t.uid] = phase_ids[node.uid]
        return phase_of

    def _import_tasks(self, s, doc, plan_id, phase_of, person_of, role_of_person,
                      default_role_id, progress, actor: Actor) -> dict[str, int]:
        """Insert level by level (parents first) with RETURNING ids; uid → task id. A task
        done in the file is done by the importer, now (``done_fields``)."""
        now = self.clock()
        tops = {t.uid for t in self._phase_tasks(doc)}
        levels: dict[int, list[TaskDoc]] = {}
        for t in doc.tasks:
            if t.uid not in tops:
                levels.setdefault(t.depth, []).append(t)
        ids: dict[str, int] = {}
        done, total = 0, sum(len(v) for v in levels.values())
        position = 0
        table = Task.__table__  # Core: the ORM's bulk RETURNING path is quadratic here
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        for depth in sorted(levels):
            batch = levels[depth]
            for chunk_start in range(0, len(batch), 5000):
                chunk = batch[chunk_start:chunk_start + 5000]
                rows = []
                for t in chunk:
                    assignee = person_of.get(t.resources[0]) if t.resources else None
                    start, due = t.start, t.finish or t.start
                    if start and due and due < start:
                        due = start
                    position += 1
                    status = ("done" if t.percent_complete >= 100 else
                              "doing" if t.percent_complete > 0 else "todo")
                    rows.append(dict(
                        plan_id=plan_id, phase_id=phase_of.get(t.uid),
                        parent_id=ids.get(t.parent)
                        if t.parent is not None and t.parent not in tops else None,
                        series_id=None, title=(t.name or "—")[:500], notes=t.notes or "",
                        role_id=role_of_person.get(assignee, default_role_id),
                        assignee_id=assignee, start=start, due=due,
                        status=status, priority="normal", is_milestone=t.milestone,
                        position=position, version=1,
                        **done_fields(None, status, now, actor.user_id)))
                new_ids = s.connection().execute(stmt, rows).scalars().all()
                for t, new_id in zip(chunk, new_ids, strict=True):
                    ids[t.uid] = new_id
                done += len(chunk)
                if progress is not None and progress(done, total) is False:
                    raise Cancelled()
        return ids
