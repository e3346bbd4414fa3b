"""GanttProject files (``.gan``): nested tasks, milestones, links, resources, roles, notes.

What the format says, as GanttProject writes it:

- ``<task id name start duration complete meeting priority>``, nested for subtasks; ``start``
  is a day, ``duration`` counts *working* days of the file's calendar (``<default-week>``: 1 is
  a day off; ``<date type="HOLIDAY">`` days off, a date without a year every year) and a
  milestone (``meeting="true"``) lasts no day;
- ``<depend id type difference hardness>`` sits in the *predecessor* and names the successor;
  ``type`` is 1 start-start, 2 finish-start, 3 finish-finish, 4 start-finish (GanttProject's
  ``TaskDependencyConstraint.Type``, stored as its ordinal + 1), ``difference`` the lag in days;
- ``priority``: 0 low, 1 normal, 2 high, 3 lowest, 4 highest;
- ``<resource function=…>`` names a role of ``<roles>`` (``Default:1`` is GanttProject's own
  "project manager"); ``<allocation responsible="true">`` marks the task's coordinator;
- ``<taskproperties>`` of ``type="custom"`` are custom columns; their values
  (``<customproperty taskproperty-id value>``) are kept in the task's notes.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from opsdesk.errors import QT_TRANSLATE_NOOP
from opsdesk.interchange.plan_doc import (
    BAD_FINISH,
    BAD_LAG,
    BAD_START,
    NO_TASK_ID,
    LinkDoc,
    PlanDoc,
    ResourceDoc,
    RoleDoc,
    TaskDoc,
    Where,
    check_plan,
    parse_xml,
    read_date,
    read_number,
    read_percent,
    wrong_root,
)

KIND = QT_TRANSLATE_NOOP("Errors", "a GanttProject file")
BAD_DURATION = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the duration “{value}” is not a number of days.")
TYPE_TO_KIND = {"1": "SS", "2": "FS", "3": "FF", "4": "SF"}
KIND_TO_TYPE = {v: k for k, v in TYPE_TO_KIND.items()}
PRIORITIES = {"0": "low", "1": "normal", "2": "high", "3": "low", "4": "urgent"}
PRIORITY_OUT = {"low": "0", "normal": "1", "high": "2", "urgent": "4"}
DEFAULT_ROLES = {"Default:1": "Project manager"}
WEEK_ATTRS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order


def _day(value: str) -> dt.date:
    """``2021-02-01`` (GanttProject also writes ``2021-2-1``)."""
    year, month, day = (int(p) for p in value.strip()[:10].split("-"))
    return dt.date(year, month, day)


class _Calendar:
    """The file's working days: the default week less holidays (plus extra working days)."""

    def __init__(self, root: ET.Element) -> None:
        week = root.find("calendars/day-types/default-week")
        self.off_weekdays = frozenset(
            i for i, attr in enumerate(WEEK_ATTRS)
            if week is not None and (week.get(attr) or "0").strip() == "1")
        if len(self.off_weekdays) == 7:  # a week without a working day would never end
            self.off_weekdays = frozenset()
        self.holidays: set[dt.date] = set()
        self.yearly: set[tuple[int, int]] = set()
        self.working: set[dt.date] = set()
        for d in root.iterfind("calendars/date"):
            try:
                month, day = int(d.get("month") or ""), int(d.get("date") or "")
                year = (d.get("year") or "").strip()
                kind = (d.get("type") or "HOLIDAY").upper()
                if not year:
                    if kind == "HOLIDAY":
                        self.yearly.add((month, day))
                    continue
                when = dt.date(int(year), month, day)
            except ValueError:
                continue  # a calendar exception GanttProject itself would ignore
            (self.working if kind == "WORKING_DAY" else self.holidays).add(when)

    def works(self, day: dt.date) -> bool:
        if day in self.working:
            return True
        return (day.weekday() not in self.off_weekdays and day not in self.holidays
                and (day.month, day.day) not in self.yearly)

    def finish(self, start: dt.date, days: float) -> dt.date:
        """The last day of ``days`` working days from ``start`` (a day off at the start
        is skipped, as GanttProject moves such a task to the next working day)."""
        whole = max(int(-(-days // 1)), 1)  # 2.5 days end on the third day
        if not (self.off_weekdays or self.holidays or self.yearly):
            return start + dt.timedelta(days=whole - 1)
        day, left, guard = start, whole, 0
        while True:
            if self.works(day):
                left -= 1
                if left == 0:
                    return day
            day += dt.timedelta(days=1)
            guard += 1
            if guard > whole * 7 + 3660:  # a calendar with (almost) no working day
                return start + dt.timedelta(days=whole - 1)


def parse_gan(data: bytes, file: str = "plan.gan") -> PlanDoc:
    root = parse_xml(data, file, KIND)
    if root.tag != "project":
        raise wrong_root(file, KIND, root.tag, "project")
    doc = PlanDoc(name=(root.get("name") or "").strip(), start=None, source="gan")
    calendar = _Calendar(root)
    roles = dict(DEFAULT_ROLES)
    for r in root.iterfind("roles/role"):
        if r.get("id") is not None:
            roles[r.get("id") or ""] = (r.get("name") or "").strip()
    used: dict[str, RoleDoc] = {}
    for r in root.iterfind("resources/resource"):
        name = (r.get("name") or "").strip()
        if not name:  # a nameless resource is nobody: skipped, with its allocations
            continue
        role = roles.get(r.get("function") or "", "")
        if role and role not in used:  # GanttProject's roles become OpsDesk roles
            key = re.sub(r"[^0-9a-z]+", "_", role.lower()).strip("_")
            used[role] = RoleDoc(key if key and key not in {u.key for u in used.values()}
                                 else f"gan_role_{len(used) + 1}", role, role)
        doc.resources.append(ResourceDoc(r.get("id") or "", name, role,
                                         role_key=used[role].key if role else ""))
    doc.roles = list(used.values())
    columns = {p.get("id") or "": (p.get("name") or "").strip()
               for p in root.iterfind("tasks/taskproperties/taskproperty")
               if p.get("type") == "custom"}
    tasks_el = root.find("tasks")
    if tasks_el is not None:
        _walk(tasks_el, None, 0, doc, file, calendar, columns, [0])
    days = [t.start for t in doc.tasks if t.start is not None]
    doc.start = min(days) if days else None
    check_plan(doc, file)
    by_uid = {t.uid: t for t in doc.tasks}
    people = {r.uid for r in doc.resources}
    for a in sorted(root.iterfind("allocations/allocation"),
                    key=lambda a: (a.get("responsible") or "").lower() != "true"):
        task = by_uid.get(a.get("task-id") or "")
        rid = a.get("resource-id") or ""
        if task is not None and rid in people and rid not in task.resources:
            task.resources.append(rid)  # the coordinator first
    return doc


def _walk(parent_el: ET.Element, parent_uid: str | None, depth: int, doc: PlanDoc, file: str,
          calendar: _Calendar, columns: dict[str, str], counter: list[int]) -> None:
    for el in parent_el:
        if el.tag != "task":
            continue
        counter[0] += 1
        uid, name = (el.get("id") or "").strip(), (el.get("name") or "").strip()
        if not uid:
            raise Where(file, "", name).error(NO_TASK_ID, position=counter[0])
        where = Where(file, uid, name)
        start = read_date(el.get("start"), _day, where, BAD_START)
        milestone = (el.get("meeting") or "").lower() == "true"
        duration = read_number(el.get("duration"), where, BAD_DURATION)
        if duration < 0:
            raise where.error(BAD_DURATION, value=el.get("duration"))
        finish = start
        if start is not None and not milestone and duration > 0:
            finish = calendar.finish(start, duration)
        elif start is None and el.get("end"):  # not GanttProject's own, but seen in the wild
            finish = read_date(el.get("end"), _day, where, BAD_FINISH)
        notes, extra, depends, has_children = "", [], [], False
        for child in el:  # one pass over the task's own elements
            tag = child.tag
            if tag == "task":
                has_children = True
            elif tag == "depend":
                depends.append(child)
            elif tag == "notes":
                notes = (child.text or "").strip()
            elif tag == "customproperty":
                value = (child.get("value") or "").strip()
                column = columns.get(child.get("taskproperty-id") or "")
                if value and column:
                    extra.append(f"{column}: {value}")
        if extra:
            notes = "\n\n".join(p for p in (notes, "\n".join(extra)) if p)
        priority = (el.get("priority") or "").strip()
        doc.tasks.append(TaskDoc(
            uid=uid, name=name, start=start, finish=finish, parent=parent_uid,
            milestone=milestone, summary=has_children,
            percent_complete=read_percent(el.get("complete"), where), notes=notes, depth=depth,
            priority=PRIORITIES.get(priority) if priority else None))
        for d in depends:
            succ = (d.get("id") or "").strip()
            lag = int(read_number(d.get("difference"), Where(file, succ, ""), BAD_LAG, pred=uid))
            doc.links.append(LinkDoc(uid, succ, TYPE_TO_KIND.get((d.get("type") or "2").strip(),
                                                                 "FS"), lag))
        if has_children:
            _walk(el, uid, depth + 1, doc, file, calendar, columns, counter)


def write_gan(doc: PlanDoc) -> bytes:
    """A PlanDoc as a ``.gan`` file, every day a working day (test and benchmark files)."""
    root = ET.Element("project", {"name": doc.name, "version": "3.0.3000", "locale": "en"})
    cals = ET.SubElement(root, "calendars")
    types = ET.SubElement(cals, "day-types")
    ET.SubElement(types, "default-week", {a: "0" for a in WEEK_ATTRS} | {"id": "1",
                                                                          "name": "default"})
    tasks_el = ET.SubElement(root, "tasks", {"empty-milestones": "true"})
    children = doc.children()
    succs: dict[str, list[LinkDoc]] = {}
    for link in doc.links:
        succs.setdefault(link.pred, []).append(link)

    def emit(parent_el: ET.Element, parent: str | None) -> None:
        for t in children.get(parent, []):
            start = t.start or t.finish or doc.start or dt.date(2026, 1, 1)
            finish = t.finish or start
            days = 0 if t.milestone else max((finish - start).days + 1, 1)
            attrs = {"id": t.uid, "name": t.name, "meeting": str(t.milestone).lower(),
                     "start": start.isoformat(), "duration": str(days),
                     "complete": str(t.percent_complete), "expand": "true"}
            if t.priority in PRIORITY_OUT:
                attrs["priority"] = PRIORITY_OUT[t.priority]
            el = ET.SubElement(parent_el, "task", attrs)
            if t.notes:
                ET.SubElement(el, "notes").text = t.notes
            for link in succs.get(t.uid, []):
                ET.SubElement(el, "depend", {"id": link.succ, "type": KIND_TO_TYPE[link.kind],
                                             "difference": str(link.lag_days),
                                             "hardness": "Strong"})
            emit(el, t.uid)

    emit(tasks_el, None)
    roles = {r.group: str(n) for n, r in enumerate(
        {r.group: r for r in doc.resources if r.group}.values())}
    res = ET.SubElement(root, "resources")
    for r in doc.resources:
        ET.SubElement(res, "resource", {"id": r.uid, "name": r.name,
                                        "function": roles.get(r.group, "Default:0")})
    alloc = ET.SubElement(root, "allocations")
    for t in doc.tasks:
        for n, rid in enumerate(t.resources):
            ET.SubElement(alloc, "allocation", {"task-id": t.uid, "resource-id": rid,
                                                "responsible": str(n == 0).lower(),
                                                "load": "100.0"})
    roles_el = ET.SubElement(root, "roles")
    for name, rid in roles.items():
        ET.SubElement(roles_el, "role", {"id": rid, "name": name})
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode")).encode("utf-8")
