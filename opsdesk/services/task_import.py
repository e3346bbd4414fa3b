"""Tasks from a spreadsheet (CSV/XLSX): map columns, preview, then one all-or-nothing action.

Roles, people and phases are matched by name (Chinese or English, or login/key); what does
not match is reported with its rows (and leaves an updated task's value as it was). With an
id column, a re-import updates those tasks instead of adding them again; each row is checked as
the task will be (its current values with the file's), so the database refuses nothing. A
status of done sets who finished it and when, as ticking it off does; another status clears
them. A cell the export protected from being run as a formula ("'=…") reads back as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.model import Phase, Role, Task, User
from opsdesk.model.rules import done_fields
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes
from opsdesk.services.exports import COLUMNS, PRIORITY_NAMES, STATUS_NAMES
from opsdesk.services.imports import Progress
from opsdesk.services.sanitize import safe_cell
from opsdesk.services.tables import Table, parse_sheet_day

CHUNK = 2000  # rows inserted between two looks at Cancel
FIELDS = ("id", "title", "phase", "role", "assignee", "start", "due", "status", "priority",
          "milestone", "notes")
NO_TITLE_COLUMN = QT_TRANSLATE_NOOP("Errors", "{file}: no column is mapped to the task title.")
NO_COLUMN = QT_TRANSLATE_NOOP("Errors", "{file}: there is no column “{column}”.")
EMPTY_TITLE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: the title is empty.")
NOT_A_DAY = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a date.")
DUE_FIRST = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: the due date is before the start date.")
NOT_A_STATUS = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a status.")
NOT_A_PRIORITY = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a priority.")
NOT_AN_ID = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a task id.")
DUE_BEFORE_START = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: the due date {due} is before the task's start date {start}.")
SAME_ID = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: task {value} is also on line {other}; a task can be in the file only once.")
OTHER_SHEETS = QT_TRANSLATE_NOOP("Errors", "{file}: the sheets {sheets} have other columns than the first sheet and were not read.")
PROBLEMS = QT_TRANSLATE_NOOP("Errors", "{file}: {count} problem(s), nothing was imported. First: {first}")
TRUE = {"1", "yes", "y", "true", "是", "✓", "◆", "x"}


def _norm(text) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


def unprotect(value):
    """Text as it was before the export's formula protection ("'=1+1" → "=1+1")."""
    if isinstance(value, str) and value[:1] == "'" and safe_cell(value[1:]) == value:
        return value[1:]
    return value


@dataclass
class TaskMapping:
    """Field (``title``, ``due``…) → column header."""

    columns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def guess(cls, headers: list[str]) -> TaskMapping:
        names = {_norm(h): h for h in headers}
        found = {}
        for key in FIELDS:
            for candidate in (key, *COLUMNS.get(key, ())):
                if _norm(candidate) in names:
                    found[key] = names[_norm(candidate)]
                    break
        return cls(found)

    @classmethod
    def parse(cls, items: list[str]) -> TaskMapping:
        return cls(dict(item.split("=", 1) for item in items if "=" in item))


@dataclass
class TaskImportPlan:
    """What an import will do, shown before anything is written."""

    file: str
    creates: list[dict] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)
    unchanged: int = 0
    problems: list[ValidationError] = field(default_factory=list)
    unmatched: dict[str, set[str]] = field(default_factory=dict)  # kind → names
    unmatched_lines: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # kind → name → lines
    warnings: list[ValidationError] = field(default_factory=list)  # shown, do not stop the import
    # Without an id column: rows whose title and due date match a task already in the plan.
    # ``matched_applied``: they update those tasks (asked for); else they are added again.
    matched: int = 0
    matched_applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def _day(value):
    """A stored day (a date, or ISO text on some backends) as a date."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    return value


class TaskImportService(Service):
    def prepare(self, plan_id: int, table: Table, mapping: TaskMapping, *,
                update_matches: bool = False) -> TaskImportPlan:
        """What importing ``table`` would do. Without an id column, rows are matched to the
        plan's tasks by title and due date: ``matched`` says how many would be added twice;
        with ``update_matches`` they update those tasks instead."""
        cols = {}
        for key, header in mapping.columns.items():
            if header not in table.headers:
                raise ValidationError(NO_COLUMN, field="mapping", file=table.name, column=header)
            cols[key] = table.headers.index(header)
        if "title" not in cols:
            raise ValidationError(NO_TITLE_COLUMN, field="mapping", file=table.name)
        result = TaskImportPlan(table.name, matched_applied=update_matches and "id" not in cols)
        with self.store.read() as s:
            phases = {}
            for pid, zh, en in s.execute(select(Phase.id, Phase.name_zh, Phase.name_en)
                                         .where(Phase.plan_id == plan_id)):
                phases[_norm(zh)] = phases[_norm(en)] = pid
            roles = {}
            for rid, key, zh, en in s.execute(select(Role.id, Role.key, Role.name_zh, Role.name_en)):
                roles[_norm(key)] = roles[_norm(zh)] = roles[_norm(en)] = rid
            people = {}
            for uid, name, login in s.execute(select(User.id, User.name, User.login)
                                              .where(User.active.is_(True))):
                people[_norm(name)] = people[_norm(login)] = uid
            existing = {r[0]: r[1:] for r in s.execute(
                select(Task.id, Task.title, Task.phase_id, Task.role_id, Task.assignee_id,
                       Task.start, Task.due, Task.status, Task.priority, Task.is_milestone,
                       Task.notes).where(Task.plan_id == plan_id))}
        statuses = {_norm(v): k for k, names in STATUS_NAMES.items() for v in (k, *names)}
        priorities = {_norm(v): k for k, names in PRIORITY_NAMES.items() for v in (k, *names)}

        fields = ("title", "phase_id", "role_id", "assignee_id", "start", "due", "status",
                  "priority", "is_milestone", "notes")
        if table.skipped_sheets:
            result.warnings.append(ValidationError(OTHER_SHEETS, field="file", file=table.name,
                                                   sheets=", ".join(table.skipped_sheets)))

        seen_ids: dict[int, int] = {}  # task id → the line it is first on
        by_title_due: dict[tuple[str, dt.date | None], list[int]] = {}
        if "id" not in cols:  # in id order, so the n-th row of a pair matches the n-th task
            for tid in sorted(existing):
                known = existing[tid]
                by_title_due.setdefault((_norm(known[0]), _day(known[5])), []).append(tid)
        for index, row in enumerate(table.rows):
            if not any(str(c).strip() for c in row):
                continue
            n, where = table.line(index), table.where(index)

            def problem(col: int, template: str, value: object = "", n=n, where=where,
                        **more) -> None:
                column = table.headers[col] if col < len(table.headers) else col + 1
                result.problems.append(ValidationError(template, field="file", file=where,
                                                       line=n, column=column, value=value,
                                                       **more))

            def cell(key: str, row=row):
                i = cols.get(key)
                if i is None or i >= len(row):
                    return None
                value = row[i]
                if value is None or str(value).strip() == "":
                    return None
                return unprotect(value)

            values: dict = {}
            title = cell("title")
            if title is None:
                problem(cols["title"], EMPTY_TITLE)
                continue
            values["title"] = str(title).strip()[:500]
            for key in ("start", "due"):
                raw = cell(key)
                if raw is not None:
                    try:
                        values[key] = parse_sheet_day(raw)
                    except ValueError:
                        problem(cols[key], NOT_A_DAY, raw)
            unmatched = []
            for key, table_, kind in (("phase", phases, "phase"), ("role", roles, "role"),
                                      ("assignee", people, "person")):
                raw = cell(key)
                if raw is not None:
                    found = table_.get(_norm(raw))
                    if found is None:  # reported; an update leaves the task's value as it is
                        unmatched.append((kind, str(raw)))
                    else:
                        values[{"phase": "phase_id", "role": "role_id",
                                "assignee": "assignee_id"}[key]] = found
            for key, names in (("status", statuses), ("priority", priorities)):
                raw = cell(key)
                if raw is not None:
                    if _norm(raw) not in names:
                        problem(cols[key], NOT_A_STATUS if key == "status" else NOT_A_PRIORITY, raw)
                    else:
                        values[key] = names[_norm(raw)]
            if "milestone" in cols:
                values["is_milestone"] = _norm(cell("milestone")) in TRUE
            if cell("notes") is not None:
                values["notes"] = str(cell("notes"))
            raw_id = cell("id")
            task_id = None
            if raw_id is not None:
                try:
                    task_id = int(float(str(raw_id)))
                except ValueError:
                    problem(cols["id"], NOT_AN_ID, raw_id)
                    continue
                if task_id in seen_ids:
                    problem(cols["id"], SAME_ID, task_id, other=seen_ids[task_id])
                    continue
                seen_ids[task_id] = n
            for kind, name in unmatched:
                result.unmatched.setdefault(kind, set()).add(name)
                result.unmatched_lines.setdefault(kind, {}).setdefault(name, []).append(n)
            if task_id is None and by_title_due:
                same = by_title_due.get((_norm(values["title"]), values.get("due")))
                if same:
                    result.matched += 1
                    matched_id = same.pop(0)
                    if update_matches:
                        task_id = matched_id
            old = None
            if task_id is not None and task_id in existing:
                old = dict(zip(fields, existing[task_id], strict=True))
            # the row as the task will be: what the database checks
            start = values["start"] if "start" in values else old and _day(old["start"])
            due = values["due"] if "due" in values else old and _day(old["due"])
            if start and due and due < start:
                if "start" in values and "due" in values:
                    problem(cols["due"], DUE_FIRST)
                else:
                    key = "due" if "due" in values else "start"
                    problem(cols[key], DUE_BEFORE_START, due=due.isoformat(),
                            start=start.isoformat())
            if old is not None:
                changed = {k: v for k, v in values.items()
                           if (_day(old[k]) if k in ("start", "due") else old[k]) != v}
                if changed:
                    result.updates.append({"id": task_id, **changed})
                else:
                    result.unchanged += 1
            else:
                result.creates.append(values)
        return result

    def apply(self, actor: Actor, plan_id: int, prepared: TaskImportPlan,
              progress: Progress | None = None) -> Changes:
        """Write the prepared import in one transaction (manager only); refuses on problems.
        ``progress(done, total)`` is told along the way; when it returns False the
        transaction is rolled back and ``Cancelled`` raised (nothing written)."""
        total = len(prepared.creates) + len(prepared.updates)

        def step(done: int) -> None:
            if progress is not None and progress(done, total) is False:
                raise Cancelled()
        permissions.require_manager(actor)
        if prepared.problems:
            raise ValidationError(PROBLEMS, field="file", file=prepared.file,
                                  count=len(prepared.problems), first=prepared.problems[0].message)
        ids: set[int] = set()
        now = self.clock()
        with self.store.write() as s:
            if prepared.creates:
                position = s.scalar(select(Task.position).where(Task.plan_id == plan_id)
                                    .order_by(Task.position.desc()).limit(1)) or 0
                rows = []
                for n, v in enumerate(prepared.creates, 1):
                    rows.append(dict(plan_id=plan_id, phase_id=v.get("phase_id"), parent_id=None,
                                     series_id=None, title=v["title"], notes=v.get("notes", ""),
                                     role_id=v.get("role_id"), assignee_id=v.get("assignee_id"),
                                     start=v.get("start"), due=v.get("due"),
                                     status=v.get("status", "todo"),
                                     priority=v.get("priority", "normal"),
                                     is_milestone=v.get("is_milestone", False),
                                     position=position + n, version=1))
                    rows[-1].update(done_fields(None, rows[-1]["status"], now, actor.user_id))
                table = Task.__table__
                stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                for first in range(0, len(rows), CHUNK):
                    step(first)
                    ids.update(s.connection().execute(stmt, rows[first:first + CHUNK])
                               .scalars().all())
            updates = prepared.updates
            status_ids = [u["id"] for u in updates if "status" in u]
            if status_ids:  # done at/by follow the status, from the task's status now
                current: dict[int, str] = {}
                for first in range(0, len(status_ids), 900):
                    current.update(s.execute(select(Task.id, Task.status).where(
                        Task.id.in_(status_ids[first:first + 900]))).all())
                updates = [{**u, **done_fields(current.get(u["id"]), u["status"], now,
                                               actor.user_id)} if "status" in u else u
                           for u in updates]
            by_fields: dict[tuple, list[dict]] = {}
            for u in updates:
                by_fields.setdefault(tuple(sorted(k for k in u if k != "id")), []).append(u)
            for keys, group in by_fields.items():
                step(len(prepared.creates))
                change = (update(Task.__table__).where(Task.__table__.c.id == bindparam("_id"))
                          .values({k: bindparam(f"_{k}") for k in keys})
                          .values(version=Task.__table__.c.version + 1))
                s.connection().execute(change, [{"_id": u["id"], **{f"_{k}": u[k] for k in keys}}
                                                for u in group])
                ids.update(u["id"] for u in group)
            step(total)
            cid = self.log(s, actor, "task", None, "import", plan_id=plan_id, after=dict(
                file=prepared.file, created=len(prepared.creates), updated=len(prepared.updates)))
        return Changes(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id)


