"""Tasks from a spreadsheet (CSV/XLSX): map columns, preview, then one all-or-nothing action.

Roles, people and phases are matched by name (Chinese or English, or login/key); what does
not match is reported. With an id column, a re-import updates those tasks instead of adding
them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.model import Phase, Role, Task, User
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes
from opsdesk.services.exports import COLUMNS, PRIORITY_NAMES, STATUS_NAMES
from opsdesk.services.kpi_parse import parse_day
from opsdesk.services.tables import Table

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
PROBLEMS = QT_TRANSLATE_NOOP("Errors", "{file}: {count} problem(s), nothing was imported. First: {first}")
TRUE = {"1", "yes", "y", "true", "是", "✓", "◆", "x"}


def _norm(text) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


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

    @property
    def ok(self) -> bool:
        return not self.problems


class TaskImportService(Service):
    def prepare(self, plan_id: int, table: Table, mapping: TaskMapping) -> TaskImportPlan:
        cols = {}
        for key, header in mapping.columns.items():
            if header not in table.headers:
                raise ValidationError(NO_COLUMN, field="mapping", file=table.name, column=header)
            cols[key] = table.headers.index(header)
        if "title" not in cols:
            raise ValidationError(NO_TITLE_COLUMN, field="mapping", file=table.name)
        result = TaskImportPlan(table.name)
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

        def problem(line: int, col: int, template: str, value: object = "") -> None:
            column = table.headers[col] if col < len(table.headers) else col + 1
            result.problems.append(ValidationError(template, field="file", file=table.name,
                                                   line=line, column=column, value=value))

        for n, row in enumerate(table.rows, start=table.header_line + 1):
            def cell(key: str, row=row):
                i = cols.get(key)
                if i is None or i >= len(row):
                    return None
                value = row[i]
                return None if value is None or str(value).strip() == "" else value

            if not any(str(c).strip() for c in row):
                continue
            values: dict = {}
            title = cell("title")
            if title is None:
                problem(n, cols["title"], EMPTY_TITLE)
                continue
            values["title"] = str(title).strip()[:500]
            for key in ("start", "due"):
                raw = cell(key)
                if raw is not None:
                    try:
                        values[key] = parse_day(raw)
                    except ValueError:
                        problem(n, cols[key], NOT_A_DAY, raw)
            if values.get("start") and values.get("due") and values["due"] < values["start"]:
                problem(n, cols["due"], DUE_FIRST)
            for key, table_, kind in (("phase", phases, "phase"), ("role", roles, "role"),
                                      ("assignee", people, "person")):
                raw = cell(key)
                if raw is not None:
                    found = table_.get(_norm(raw))
                    if found is None:
                        result.unmatched.setdefault(kind, set()).add(str(raw))
                    values[{"phase": "phase_id", "role": "role_id", "assignee": "assignee_id"}[key]] = found
            for key, table_ in (("status", statuses), ("priority", priorities)):
                raw = cell(key)
                if raw is not None:
                    if _norm(raw) not in table_:
                        problem(n, cols[key], NOT_A_STATUS if key == "status" else NOT_A_PRIORITY, raw)
                    else:
                        values[key] = table_[_norm(raw)]
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
                    problem(n, cols["id"], NOT_AN_ID, raw_id)
                    continue
            if task_id is not None and task_id in existing:
                old = dict(zip(("title", "phase_id", "role_id", "assignee_id", "start", "due",
                                "status", "priority", "is_milestone", "notes"),
                               existing[task_id], strict=True))
                changed = {k: v for k, v in values.items() if old.get(k) != v}
                if changed:
                    result.updates.append({"id": task_id, **changed})
                else:
                    result.unchanged += 1
            else:
                result.creates.append(values)
        return result

    def apply(self, actor: Actor, plan_id: int, prepared: TaskImportPlan) -> Changes:
        """Write the prepared import in one transaction (manager only); refuses on problems."""
        permissions.require_manager(actor)
        if prepared.problems:
            raise ValidationError(PROBLEMS, field="file", file=prepared.file,
                                  count=len(prepared.problems), first=prepared.problems[0].message)
        ids: set[int] = set()
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
                                     is_milestone=v.get("is_milestone", False), done_at=None,
                                     done_by=None, position=position + n, version=1))
                table = Task.__table__
                ids.update(s.connection().execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
                ).scalars().all())
            by_fields: dict[tuple, list[dict]] = {}
            for u in prepared.updates:
                by_fields.setdefault(tuple(sorted(k for k in u if k != "id")), []).append(u)
            for keys, group in by_fields.items():
                stmt = (update(Task.__table__).where(Task.__table__.c.id == bindparam("_id"))
                        .values({k: bindparam(f"_{k}") for k in keys})
                        .values(version=Task.__table__.c.version + 1))
                s.connection().execute(stmt, [{"_id": u["id"], **{f"_{k}": u[k] for k in keys}}
                                              for u in group])
                ids.update(u["id"] for u in group)
            cid = self.log(s, actor, "task", None, "import", plan_id=plan_id, after=dict(
                file=prepared.file, created=len(prepared.creates), updated=len(prepared.updates)))
        return Changes(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id)


