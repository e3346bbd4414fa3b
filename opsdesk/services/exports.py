"""Sending work out: tasks to CSV/XLSX, a plan to MS Project XML, calendars to ICS."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import String, nulls_last, select, type_coerce

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, RoleDoc, TaskDoc
from opsdesk.model import Phase, Plan, Role, Task, TaskSeries, User
from opsdesk.model import anchors as A
from opsdesk.services.anchors import effective_kind
from opsdesk.services.base import Service
from opsdesk.services.sanitize import FORMULA_STARTS, safe_cell
from opsdesk.store import files
from opsdesk.templates.loader import AnchorSpec

BAD_ENCODING = QT_TRANSLATE_NOOP("Errors", "“{value}” cannot be written in {encoding}; choose UTF-8.")
NO_CALENDAR = QT_TRANSLATE_NOOP("Errors", "{name} has no tasks with dates to put in a calendar.")
NO_MILESTONES = QT_TRANSLATE_NOOP("Errors", "{name} has no milestones with dates to put in a calendar.")

# Column key → (Chinese header, English header). Files carry the header of their language.
COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("编号", "ID"), "title": ("任务", "Task"), "phase": ("阶段", "Phase"),
    "role": ("岗位", "Role"), "assignee": ("负责人", "Assignee"), "start": ("开始", "Start"),
    "due": ("截止", "Due"), "status": ("状态", "Status"), "priority": ("优先级", "Priority"),
    "milestone": ("里程碑", "Milestone"), "done_by": ("完成人", "Done by"),
    "done_at": ("完成时间", "Done at"), "parent_id": ("上级编号", "Parent ID"),
    "notes": ("备注", "Notes"),
}
STATUS_NAMES = {"todo": ("待办", "To do"), "doing": ("进行中", "In progress"),
                "done": ("已完成", "Done"), "blocked": ("受阻", "Blocked"),
                "cancelled": ("已取消", "Cancelled"), "skipped": ("已跳过", "Skipped")}
PRIORITY_NAMES = {"low": ("低", "Low"), "normal": ("普通", "Normal"), "high": ("高", "High"),
                  "urgent": ("紧急", "Urgent")}
Progress = Callable[[int, int], bool]
IDS_PER_QUERY = 900  # a selection up to this is read by id (SQLite once allowed 999 parameters)
# First characters that may start a formula (safe_cell also looks past leading spaces).
RISKY_FIRST = frozenset(ch[0] for ch in FORMULA_STARTS) | {" "}


def _zh(lang: str) -> int:
    return 0 if lang.startswith("zh") else 1


class _Days(dict):
    """ISO text or date (PostgreSQL) → date (``typed``) or ISO text; each day converted once."""

    def __init__(self, typed: bool):
        super().__init__({None: None})
        self.typed = typed

    def __missing__(self, value):
        day = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
        if isinstance(day, dt.datetime):
            day = day.date()
        self[value] = day if self.typed else day.isoformat()
        return self[value]


_OFFSETS: dict[tuple[int, int, int, int], dt.timedelta] = {}


def _local(value) -> dt.datetime:
    """A stored done-at timestamp (naive UTC; ISO text on SQLite) in the machine's local
    time, naive, to the minute. The zone's offset is looked up once per UTC hour (it changes
    at most on the hour), not once per task."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    hour = (value.year, value.month, value.day, value.hour)
    offset = _OFFSETS.get(hour)
    if offset is None:
        start = dt.datetime(*hour, tzinfo=dt.UTC)
        offset = _OFFSETS[hour] = start.astimezone().utcoffset() or dt.timedelta(0)
    return (value + offset).replace(second=0, microsecond=0)


def _minute(value) -> str:
    """A done-at timestamp in local time as "2026-09-01 14:05"."""
    t = _local(value)
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


class _Minutes(dict):
    """``_minute`` of stored done-at texts, worked out once per minute: naive UTC text
    (``2026-09-01 14:05:33.000000``) gives the same local minute for every second of its
    first 16 characters (the zone's offset changes on the hour at most); anything else
    (a zone in the text, a datetime) is worked out each time."""

    def __call__(self, value) -> str:
        text = self.get(value)  # (the same text again)
        if text is None:
            if isinstance(value, str) and len(value) in (19, 26) and value[10] == " " \
                    and value[19:20] in ("", "."):  # naive: its minute's answer
                minute = value[:16]
                text = self.get(minute)
                if text is None:
                    text = self[minute] = _minute(value)
            else:
                text = _minute(value)
            self[value] = text
        return text


class ExportService(Service):
    def _records(self, plan_id: int, ids: Iterable[int] | None, i: int, protect: bool = True):
        """(task rows in sheet order: by phase, due date, position and id; phase, role and
        person names by id, with formulas neutralised when ``protect``). A row: id, title, phase, role,
        assignee, start, due, status, priority, milestone, done by, done at, parent, notes."""
        day = (type_coerce(Task.start, String), type_coerce(Task.due, String))  # no parsing
        stmt = (select(Task.id, Task.title, Task.phase_id, Task.role_id, Task.assignee_id, *day,
                       Task.status, Task.priority, Task.is_milestone, Task.done_by,
                       type_coerce(Task.done_at, String), Task.parent_id, Task.notes)
                .outerjoin(Phase, Phase.id == Task.phase_id).where(Task.plan_id == plan_id)
                .order_by(nulls_last(Phase.position), nulls_last(Task.due), Task.position, Task.id))

        def names(rows) -> dict:
            return {None: None} | {key: safe_cell(name) if protect else name
                                   for key, name in rows}

        ids = None if ids is None else list(ids)
        with self.store.read() as s:
            c = s.connection()
            if ids is not None and len(ids) <= IDS_PER_QUERY:
                rows = c.execute(stmt.where(Task.id.in_(ids))).all()
            else:
                rows = c.execute(stmt).all()
                if ids is not None:  # a big selection: the plan's rows, filtered
                    wanted = set(ids)
                    rows = [r for r in rows if r[0] in wanted]
            phases = names(c.execute(select(Phase.id, (Phase.name_zh, Phase.name_en)[i])
                                     .where(Phase.plan_id == plan_id)))
            roles = names(c.execute(select(Role.id, (Role.name_zh, Role.name_en)[i])))
            people = names(c.execute(select(User.id, User.name)))
        return rows, phases, roles, people

    def task_table(self, plan_id: int, ids: Iterable[int] | None = None, lang: str = "zh_CN",
                   typed: bool = True, protect: bool | None = None
                   ) -> tuple[list[str], list[tuple]]:
        """(headers, rows) of the tasks; with ``typed`` dates are dates and the done-at time a
        datetime (XLSX), else ISO text (CSV); times are local. With ``protect`` (default: not
        ``typed``) text a spreadsheet would run as a formula gets a leading apostrophe; XLSX
        needs none: its text cells are never formulas, and Excel would show the apostrophe."""
        headers, _, rows = self._table(plan_id, ids, lang, typed,
                                       not typed if protect is None else protect)
        return headers, list(rows)

    def _table(self, plan_id: int, ids: Iterable[int] | None, lang: str, typed: bool,
               protect: bool = True) -> tuple[list[str], int, Iterator[tuple]]:
        """task_table's headers, number of rows and rows, made as they are used (the CSV
        export writes them without holding them all)."""
        i = _zh(lang)
        records, phases, roles, people = self._records(plan_id, ids, i, protect)
        day = _Days(typed)
        statuses = {k: v[i] for k, v in STATUS_NAMES.items()}
        priorities = {k: v[i] for k, v in PRIORITY_NAMES.items()}
        yes = "是" if i == 0 else "yes"
        # titles and notes are mostly harmless: check them cheaply
        risky = RISKY_FIRST if protect else frozenset()
        done = _local if typed else _Minutes()
        rows = ((tid, safe_cell(title) if title[:1] in risky else title, phases[phase],
                 roles[role], people[who], day[start], day[due], statuses.get(status, status),
                 priorities.get(priority, priority), yes if milestone else "", people[doer],
                 done_at and done(done_at), parent,
                 safe_cell(notes) if notes[:1] in risky else notes)
                for (tid, title, phase, role, who, start, due, status, priority, milestone, doer,
                     done_at, parent, notes) in records)
        return [h[i] for h in COLUMNS.values()], len(records), rows

    def tasks_csv(self, plan_id: int, out: Path, *, encoding: str = "utf-8-sig",
                  ids: Iterable[int] | None = None, lang: str = "zh_CN") -> int:
        """CSV with a BOM (Excel on a Chinese Windows reads it right) or GBK; returns rows."""
        headers, count, rows = self._table(plan_id, ids, lang, typed=False, protect=True)
        text = io.StringIO(newline="")
        w = csv.writer(text)
        w.writerow(headers)
        w.writerows(rows)  # None is written as an empty field
        try:
            data = text.getvalue().encode(encoding)  # at once: far quicker than row by row
        except UnicodeEncodeError as exc:
            raise ValidationError(BAD_ENCODING, field="encoding", encoding=encoding,
                                  value=exc.object[exc.start:exc.end]) from exc
        with _part(out) as tmp:
            files.write_user_bytes(tmp, data)
        return count

    def tasks_xlsx(self, plan_id: int, out: Path, *, per_phase: bool = False,
                   ids: Iterable[int] | None = None, lang: str = "zh_CN",
                   progress: Progress | None = None) -> int:
        """XLSX with typed date cells, a frozen header and an auto-filter; one sheet, or one
        sheet per phase. openpyxl lays out each sheet and its header; the task rows are
        streamed in by :mod:`opsdesk.interchange.xlsx_rows` (see there why)."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        from opsdesk.interchange import xlsx_rows

        headers, rows = self.task_table(plan_id, ids, lang)
        zh = lang.startswith("zh")
        groups: dict[str, list[tuple]] = {}
        for row in rows if per_phase else ():
            groups.setdefault(row[2] or ("未分阶段" if zh else "No phase"), []).append(row)
        if not groups:  # one sheet, or a header-only one when there is nothing to list
            groups["任务" if zh else "Tasks"] = rows
        wb = Workbook(write_only=True)
        widths = [8, 40, 14, 12, 10, 12, 12, 10, 8, 8, 10, 17, 10, 40]
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="E3F2FD")
        bodies = {}
        for name, group in groups.items():
            ws = wb.create_sheet(_sheet_name(name))
            ws.freeze_panes = "A2"
            for col, width in enumerate(widths, 1):
                ws.column_dimensions[get_column_letter(col)].width = width
            ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(group) + 1}"
            head = []
            for h in headers:
                c = WriteOnlyCell(ws, value=h)
                c.font, c.fill = bold, fill
                head.append(c)
            ws.append(head)
            bodies[ws] = group  # inline text cells: never run as formulas

        def tick(done: int) -> None:
            if progress is not None and progress(done, len(rows)) is False:
                raise Cancelled()

        with _part(out) as tmp:
            xlsx_rows.save(wb, tmp, bodies, tick)
        return len(rows)

    def plan_doc(self, plan_id: int) -> PlanDoc:
        """The plan as a neutral document: phases become summary tasks. It carries what an
        OpsDesk → MSPDI → OpsDesk round trip must keep: the phases' English names, keys and
        colours, each task's status, priority and role, routines, who ticked off what and
        when, and the people's logins, roles and manager flag."""
        from opsdesk.services.plans import PlanService
        from opsdesk.services.tasks import TaskService

        plans, tasks = PlanService(self.store), TaskService(self.store)
        plan = plans.get(plan_id)
        doc = PlanDoc(plan.name, plan.launch_date, source="opsdesk")
        doc.launch = plan.launch_date
        for ph in plans.phases(plan_id):
            doc.tasks.append(TaskDoc(f"p{ph.id}", ph.name_zh if ph.name_zh else ph.name_en,
                                     ph.start, ph.end, summary=True, name_en=ph.name_en,
                                     phase_key=ph.key or f"phase{ph.id}", color=ph.color))
        rows = tasks.list(plan_id)
        with self.store.read() as s:  # a person's role goes to the resource's group
            doc.currency = s.scalar(select(Plan.currency).where(Plan.id == plan_id)) or ""
            role_rows = s.execute(select(Role.id, Role.key, Role.name_zh, Role.name_en,
                                         Role.color)).all()
            people = {uid: (name, login, role_id, manager, active)
                      for uid, name, login, role_id, manager, active in
                      s.execute(select(User.id, User.name, User.login, User.role_id,
                                       User.is_manager, User.active)).all()}
            series = {sid: f"{rule}|{start.isoformat()}|{until.isoformat() if until else ''}"
                      for sid, rule, start, until in s.execute(
                          select(TaskSeries.id, TaskSeries.rule, TaskSeries.start,
                                 TaskSeries.until).where(TaskSeries.plan_id == plan_id))}
            series_of: dict[int, int | None] = dict(s.execute(select(Task.id, Task.series_id).where(
                Task.plan_id == plan_id, Task.series_id.is_not(None))).all())
            anchored = {r.id: r for r in s.execute(select(
                Task.id, Task.anchor_kind, Task.anchor_month, Task.anchor_day,
                Task.anchor_task_id, Task.anchor_days).where(
                Task.plan_id == plan_id, Task.anchor_kind.is_not(None),
                Task.anchor_kind != A.LAUNCH))}
        role_key = {rid: key for rid, key, *_ in role_rows}
        role_name = {rid: zh or en or "" for rid, _key, zh, en, _color in role_rows}
        doc.roles = [RoleDoc(key, zh, en, color or "") for _rid, key, zh, en, color in role_rows]
        used = {r.assignee_id for r in rows if r.assignee_id is not None}
        doc.resources = [ResourceDoc(str(uid), people[uid][0], role_name.get(people[uid][2], ""),
                                     login=people[uid][1],
                                     role_key=role_key.get(people[uid][2], ""),
                                     is_manager=bool(people[uid][3]),
                                     active=bool(people[uid][4]))
                         for uid in sorted(used | {u for u, p in people.items() if p[3]})]
        has_children = {r.parent_id for r in rows if r.parent_id is not None}
        plan_tasks = {r.id: r for r in rows}
        for r in rows:
            parent = str(r.parent_id) if r.parent_id else (f"p{r.phase_id}" if r.phase_id else None)
            done_at = r.done_at
            if isinstance(done_at, str):
                done_at = dt.datetime.fromisoformat(done_at)
            doc.tasks.append(TaskDoc(
                str(r.id), r.title, r.due if r.is_milestone else (r.start or r.due), r.due,
                parent=parent, milestone=r.is_milestone,
                summary=r.id in has_children, percent_complete=100 if r.status == "done" else 0,
                notes=r.notes, resources=[str(r.assignee_id)] if r.assignee_id else [],
                status=r.status, priority=r.priority,
                role=role_key.get(r.role_id) if r.role_id is not None else None,
                routine=series.get(series_of.get(r.id) or -1), start_unset=r.start is None,
                exact_start=r.start,
                done_by=people[r.done_by][1] if r.done_by in people else None,
                done_at=done_at, anchor=_anchor(anchored.get(r.id), plan_tasks)))
        doc.links = [LinkDoc(str(p), str(q), kind, lag) for p, q, kind, lag in tasks.links(plan_id)]
        return doc

    def mspdi(self, plan_id: int, out: Path) -> int:
        from opsdesk.interchange.mspdi import write_mspdi

        doc = self.plan_doc(plan_id)
        with _part(out) as tmp:
            files.write_user_bytes(tmp, write_mspdi(doc))
        return len(doc.tasks)

    def ics(self, plan_id: int, out: Path, *, milestones_only: bool = False,
            assignee_id: int | None = None, role_id: int | None = None) -> int:
        """An iCalendar file; UIDs are stable, so a re-export updates the events. A person's
        calendar (``assignee_id``) holds their tasks and the unassigned tasks of their roles
        (``permissions.mine_clause``, as My work). With no task to put in it, nothing is
        written (a ValidationError names whose calendar)."""
        from opsdesk.interchange.ics import write_ics

        with self.store.read() as s:
            plan = s.execute(select(Plan.name, Plan.created_at).where(Plan.id == plan_id)).one()
            stmt = select(Task.id, Task.title, Task.notes, Task.start, Task.due, Task.status,
                          Task.is_milestone, Task.version).where(Task.plan_id == plan_id,
                                                                 Task.due.is_not(None))
            if milestones_only:
                stmt = stmt.where(Task.is_milestone.is_(True))
            if assignee_id is not None:  # the person's work, as My work shows it
                stmt = stmt.where(self._whose(assignee_id))
            if role_id is not None:
                stmt = stmt.where(Task.role_id == role_id)
            rows = s.execute(stmt.order_by(Task.due, Task.id)).all()
            if not rows:
                if assignee_id is not None:
                    name = s.scalar(select(User.name).where(User.id == assignee_id))
                elif role_id is not None:
                    zh, en = s.execute(select(Role.name_zh, Role.name_en)
                                       .where(Role.id == role_id)).one()
                    name = zh or en
                else:
                    name = plan.name
                raise ValidationError(NO_MILESTONES if milestones_only else NO_CALENDAR,
                                      field="tasks", name=name)
        with _part(out) as tmp:
            files.write_user_bytes(tmp, write_ics(plan.name, f"{plan_id}.{plan.created_at:%Y%m%d%H%M%S}",
                                      rows, self.clock()))
        return len(rows)


    def _whose(self, user_id: int):
        """The WHERE clause of a person's own work (``permissions.mine_clause``); someone
        no longer active has only what is still assigned to them."""
        from opsdesk.errors import NotFound
        from opsdesk.services import permissions
        from opsdesk.services.people import PeopleService

        try:
            return permissions.mine_clause(PeopleService(self.store).actor_for(user_id))
        except NotFound:
            return Task.assignee_id == user_id


def _anchor(row, plan_tasks) -> AnchorSpec | None:
    """A task's anchor as the plan document spells it (None for launch day, also when the
    task it hung on is gone: ``effective_kind``)."""
    if row is None:
        return None
    kind = effective_kind(row, plan_tasks)
    if kind == A.TASK:
        return AnchorSpec(kind, task=str(row.anchor_task_id), days=row.anchor_days or 0)
    if kind in A.FIXED and row.anchor_month and row.anchor_day:
        return AnchorSpec(kind, row.anchor_month, row.anchor_day, days=row.anchor_days or 0)
    return None


@contextmanager
def _part(out: Path) -> Iterator[Path]:
    """Write to ``out.part``, then put it in place; on any failure (or Cancelled) ``out``
    is left as it was and the part is removed."""
    files.refuse_live(out)  # never over the open database or its -wal/-shm
    tmp = files.refuse_live(Path(str(out) + ".part"))
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    files.replace_user_file(tmp, out)


def _sheet_name(name: str) -> str:
    for ch in '[]:*?/\\':
        name = name.replace(ch, " ")
    return name[:31] or "Sheet"
