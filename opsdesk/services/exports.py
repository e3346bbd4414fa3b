"""Sending work out: tasks to CSV/XLSX, a plan to MS Project XML, calendars to ICS."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, TaskDoc
from opsdesk.model import Plan, Task, User
from opsdesk.services import task_rows as tr
from opsdesk.services.base import Service
from opsdesk.services.sanitize import FORMULA_STARTS, safe_cell

BAD_ENCODING = QT_TRANSLATE_NOOP("Errors", "“{value}” cannot be written in {encoding}; choose UTF-8.")

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
                "cancelled": ("已取消", "Cancelled")}
PRIORITY_NAMES = {"low": ("低", "Low"), "normal": ("普通", "Normal"), "high": ("高", "High"),
                  "urgent": ("紧急", "Urgent")}
Progress = Callable[[int, int], bool]
# First characters that may start a formula (safe_cell also looks past leading spaces).
RISKY_FIRST = frozenset(ch[0] for ch in FORMULA_STARTS) | {" "}


def _zh(lang: str) -> int:
    return 0 if lang.startswith("zh") else 1


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


class ExportService(Service):
    def task_table(self, plan_id: int, ids: Iterable[int] | None = None, lang: str = "zh_CN",
                   typed: bool = True) -> tuple[list[str], list[list]]:
        """(headers, rows) of the tasks; with ``typed`` dates are dates (XLSX), else ISO text
        (CSV). Text a spreadsheet would run as a formula is neutralised."""
        i = _zh(lang)
        with self.store.read() as s:
            rows = tr.rows_for(s, plan_id, ids) if ids is not None else tr.plan_rows(s, plan_id)
            notes = dict(s.connection().execute(
                select(Task.id, Task.notes).where(Task.plan_id == plan_id, Task.notes != "")).all())
        rows.sort(key=lambda r: (r[tr.PHASE_POS] if r[tr.PHASE_POS] is not None else 999,
                                 r[tr.DUE] or "9999", r[tr.POSITION], r[tr.ID]))
        day = _date if typed else (lambda text: text[:10] if text else None)
        statuses = {k: v[i] for k, v in STATUS_NAMES.items()}
        priorities = {k: v[i] for k, v in PRIORITY_NAMES.items()}
        yes = "是" if i == 0 else "yes"
        phase_col, role_col = (tr.PHASE_ZH, tr.ROLE_ZH) if i == 0 else (tr.PHASE_EN, tr.ROLE_EN)
        safe: dict[str | None, str | None] = {}  # names repeat: check each once

        def text(value: str | None) -> str | None:
            if value not in safe:
                safe[value] = safe_cell(value)
            return safe[value]

        def free_text(value: str) -> str:  # titles and notes: mostly harmless, check cheaply
            return safe_cell(value) if value and value[0] in RISKY_FIRST else value

        out = []
        for r in rows:
            out.append([
                r[tr.ID], free_text(r[tr.TITLE]), text(r[phase_col]), text(r[role_col]),
                text(r[tr.ASSIGNEE_NAME]), day(r[tr.START]), day(r[tr.DUE]),
                statuses.get(r[tr.STATUS], r[tr.STATUS]),
                priorities.get(r[tr.PRIORITY], r[tr.PRIORITY]),
                yes if r[tr.MILESTONE] else "", text(r[tr.DONE_BY_NAME]),
                (r[tr.DONE_AT] or "")[:16].replace("T", " ") or None,
                r[tr.PARENT], free_text(notes.get(r[tr.ID], ""))])
        return [h[i] for h in COLUMNS.values()], out

    def tasks_csv(self, plan_id: int, out: Path, *, encoding: str = "utf-8-sig",
                  ids: Iterable[int] | None = None, lang: str = "zh_CN") -> int:
        """CSV with a BOM (Excel on a Chinese Windows reads it right) or GBK; returns rows."""
        headers, rows = self.task_table(plan_id, ids, lang, typed=False)
        tmp = Path(str(out) + ".part")
        try:
            with tmp.open("w", encoding=encoding, newline="") as fh:
                w = csv.writer(fh)
                w.writerow(headers)
                w.writerows(rows)  # None is written as an empty field
        except UnicodeEncodeError as exc:
            tmp.unlink(missing_ok=True)
            raise ValidationError(BAD_ENCODING, field="encoding",
                                  value=exc.object[exc.start:exc.end], encoding=encoding) from exc
        tmp.replace(out)
        return len(rows)

    def tasks_xlsx(self, plan_id: int, out: Path, *, per_phase: bool = False,
                   ids: Iterable[int] | None = None, lang: str = "zh_CN",
                   progress: Progress | None = None) -> int:
        """XLSX with typed date cells, a frozen header and an auto-filter; one sheet, or one
        sheet per phase."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        headers, rows = self.task_table(plan_id, ids, lang)
        wb = Workbook(write_only=True)
        groups: dict[str, list[list]] = {}
        if per_phase:
            for row in rows:
                groups.setdefault(row[2] or ("未分阶段" if lang.startswith("zh") else "No phase"), []).append(row)
        else:
            groups["任务" if lang.startswith("zh") else "Tasks"] = rows
        widths = [8, 40, 14, 12, 10, 12, 12, 10, 8, 8, 10, 17, 10, 40]
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="E3F2FD")
        done = 0
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
            for row in group:
                ws.append(row)  # already safe: task_table neutralised the text cells
                done += 1
                if progress is not None and done % 2000 == 0 and progress(done, len(rows)) is False:
                    raise Cancelled()
            for col in (6, 7):  # date columns
                ws.column_dimensions[get_column_letter(col)].number_format = "yyyy-mm-dd"
        tmp = Path(str(out) + ".part")
        wb.save(tmp)
        tmp.replace(out)
        return len(rows)

    def plan_doc(self, plan_id: int) -> PlanDoc:
        """The plan as a neutral document: phases become summary tasks."""
        from opsdesk.services.plans import PlanService
        from opsdesk.services.tasks import TaskService

        plans, tasks = PlanService(self.store), TaskService(self.store)
        plan = plans.get(plan_id)
        doc = PlanDoc(plan.name, plan.launch_date, source="opsdesk")
        for ph in plans.phases(plan_id):
            doc.tasks.append(TaskDoc(f"p{ph.id}", ph.name_zh if ph.name_zh else ph.name_en,
                                     ph.start, ph.end, summary=True))
        rows = tasks.list(plan_id)
        with self.store.read() as s:
            people = dict(s.execute(select(User.id, User.name)).all())
        used = {r.assignee_id for r in rows if r.assignee_id is not None}
        doc.resources = [ResourceDoc(str(uid), people[uid]) for uid in sorted(used)]
        has_children = {r.parent_id for r in rows if r.parent_id is not None}
        for r in rows:
            parent = str(r.parent_id) if r.parent_id else (f"p{r.phase_id}" if r.phase_id else None)
            doc.tasks.append(TaskDoc(
                str(r.id), r.title, r.due if r.is_milestone else (r.start or r.due), r.due,
                parent=parent, milestone=r.is_milestone,
                summary=r.id in has_children, percent_complete=100 if r.status == "done" else 0,
                notes=r.notes, resources=[str(r.assignee_id)] if r.assignee_id else []))
        doc.links = [LinkDoc(str(p), str(q), kind, lag) for p, q, kind, lag in tasks.links(plan_id)]
        return doc

    def mspdi(self, plan_id: int, out: Path) -> int:
        from opsdesk.interchange.mspdi import write_mspdi

        doc = self.plan_doc(plan_id)
        tmp = Path(str(out) + ".part")
        tmp.write_bytes(write_mspdi(doc))
        tmp.replace(out)
        return len(doc.tasks)

    def ics(self, plan_id: int, out: Path, *, milestones_only: bool = False,
            assignee_id: int | None = None, role_id: int | None = None) -> int:
        """An iCalendar file; UIDs are stable, so a re-export updates the events."""
        from opsdesk.interchange.ics import write_ics

        with self.store.read() as s:
            plan = s.execute(select(Plan.name, Plan.created_at).where(Plan.id == plan_id)).one()
            stmt = select(Task.id, Task.title, Task.notes, Task.start, Task.due, Task.status,
                          Task.is_milestone, Task.version).where(Task.plan_id == plan_id,
                                                                 Task.due.is_not(None))
            if milestones_only:
                stmt = stmt.where(Task.is_milestone.is_(True))
            if assignee_id is not None:
                stmt = stmt.where(Task.assignee_id == assignee_id)
            if role_id is not None:
                stmt = stmt.where(Task.role_id == role_id)
            rows = s.execute(stmt.order_by(Task.due, Task.id)).all()
        tmp = Path(str(out) + ".part")
        tmp.write_bytes(write_ics(plan.name, f"{plan_id}.{plan.created_at:%Y%m%d%H%M%S}", rows,
                                  self.clock()))
        tmp.replace(out)
        return len(rows)


def _sheet_name(name: str) -> str:
    for ch in '[]:*?/\\':
        name = name.replace(ch, " ")
    return name[:31] or "Sheet"
