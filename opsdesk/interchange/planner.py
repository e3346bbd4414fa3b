"""GNOME Planner files (``.planner``, MrProject XML): tasks, links, resources, allocations."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from opsdesk.errors import QT_TRANSLATE_NOOP
from opsdesk.interchange.mspdi import _numeric_uids
from opsdesk.interchange.plan_doc import (
    BAD_FINISH,
    BAD_LAG,
    BAD_START,
    NO_TASK_ID,
    DayReader,
    LinkDoc,
    PlanDoc,
    Progress,
    ResourceDoc,
    Source,
    TaskDoc,
    Where,
    check_plan,
    read_number,
    read_percent,
    read_project_start,
    stream_xml,
    wrong_root,
)

KIND = QT_TRANSLATE_NOOP("Errors", "a GNOME Planner file")
LINK_KINDS = {"FS", "SS", "FF", "SF"}


def _stamp(value: str) -> dt.datetime:
    """``20260801T000000Z`` (the Z and anything after the seconds is ignored)."""
    head = value[:15]
    if len(head) < 15 or head[8] != "T" or not head.isascii() or not (head[:8] + head[9:]).isdigit():
        raise ValueError(value)
    return dt.datetime(int(value[:4]), int(value[4:6]), int(value[6:8]),
                       int(value[9:11]), int(value[11:13]), int(value[13:15]))


def _start_day(value: str) -> dt.date:
    return _stamp(value).date()


def _end_day(value: str) -> dt.date:
    """An end at midnight belongs to the day before."""
    stamp = _stamp(value)
    if stamp.time() == dt.time(0) and stamp.date() > dt.date(1970, 1, 1):
        return stamp.date() - dt.timedelta(days=1)
    return stamp.date()


def parse_planner(data: Source, file: str = "plan.planner", *,
                  progress: Progress | None = None) -> PlanDoc:
    """A ``.planner`` file (its bytes, or the file opened for binary reading) as a PlanDoc,
    read as it streams: only the plan's own records are kept, never the XML tree.
    ``progress(bytes read, bytes in all)`` may raise to stop."""
    reader = _Reader(file)
    # (raw names: a tag in a namespace is no tag of the plan, as with the whole tree read)
    stream_xml(data, file, KIND, reader, raw_names=True, progress=progress)
    return reader.finish()


# what an open element is, for the reader (only these paths hold the plan)
_ROOT, _TASKS, _TASK, _PREDS, _RESOURCES, _ALLOCATIONS, _OTHER = range(7)


class _Reader:
    """The elements of a ``.planner`` file as they stream by: the first ``tasks`` under the
    project and the ``task`` elements nested in it (in document order, a parent before its
    children), their ``predecessors``, every ``group``, and the project's ``resources`` and
    ``allocations``."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.doc: PlanDoc | None = None
        self.open: list[int] = []  # what each open element is
        self.tasks: list[TaskDoc] = []  # the open task elements
        self.seen_tasks = False
        self.position = 0
        self.by_uid: dict[str, TaskDoc] = {}
        self.groups: dict[str | None, str] = {}
        self.resources: list[tuple[str, str, str | None, str]] = []
        self.people: dict[str, str] = {}  # uid → the one string for it (shared by tasks)
        self.pending: list[tuple[str | None, str | None]] = []  # allocations read before
        self.start_day = DayReader(_start_day, BAD_START, file)  # their task or resource
        self.end_day = DayReader(_end_day, BAD_FINISH, file)
        self.percent: dict[str | None, int] = {}

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        open_ = self.open
        parent = open_[-1] if open_ else None
        if parent is _TASK or parent is _TASKS:
            if tag == "task":
                self._task(attrib)
                open_.append(_TASK)
                return
            if tag == "predecessors" and parent is _TASK:
                open_.append(_PREDS)
                return
        elif parent is _PREDS:
            if tag == "predecessor":
                self._link(attrib)
        elif parent is _ALLOCATIONS:
            if tag == "allocation":
                self._allocation(attrib.get("task-id"), attrib.get("resource-id"))
        elif parent is _RESOURCES:
            if tag == "resource":
                name = (attrib.get("name") or "").strip()
                if name:  # a nameless resource is nobody (the dry run and the import agree)
                    uid = attrib.get("id") or ""
                    self.resources.append((uid, name, attrib.get("group"),
                                           attrib.get("short-name") or ""))
                    self.people[uid] = uid
        elif parent is _ROOT:
            if tag == "tasks" and not self.seen_tasks:
                self.seen_tasks = True
                open_.append(_TASKS)
                return
            if tag == "resources":
                open_.append(_RESOURCES)
                return
            if tag == "allocations":
                open_.append(_ALLOCATIONS)
                return
        elif parent is None:
            self._project(tag, attrib)
            open_.append(_ROOT)
            return
        if tag == "group":
            self.groups[attrib.get("id")] = attrib.get("name") or ""
        open_.append(_OTHER)

    def end(self, tag: str) -> None:
        if self.open.pop() is _TASK:
            self.tasks.pop()

    def _project(self, tag: str, attrib: dict[str, str]) -> None:
        if tag != "project":
            raise wrong_root(self.file, KIND, "{" + tag if "}" in tag else tag, "project")
        start = read_project_start(attrib.get("project-start"), _start_day, self.file)
        self.doc = PlanDoc(name=attrib.get("name") or "", start=start, source="planner")

    def _task(self, attrib: dict[str, str]) -> None:
        assert self.doc is not None
        self.position += 1
        uid, name = attrib.get("id") or "", (attrib.get("name") or "").strip()
        if not uid.strip():
            raise Where(self.file, "", name).error(NO_TASK_ID, position=self.position)
        value = attrib.get("start")
        starts = self.start_day.seen
        start = starts[value] if value in starts else self.start_day.read(value, uid, name)
        value = attrib.get("end")
        ends = self.end_day.seen  # (a milestone's end is read too: a bad one is refused)
        finish = ends[value] if value in ends else self.end_day.read(value, uid, name)
        milestone = attrib.get("type") == "milestone"
        if milestone:
            finish = start
        value = attrib.get("percent-complete")
        percent = self.percent.get(value)
        if percent is None:
            percent = read_percent(value, Where(self.file, uid, name))
            if len(self.percent) < 1000:
                self.percent[value] = percent
        parents = self.tasks
        parent = parents[-1] if parents else None
        if parent is not None:
            parent.summary = True
        task = TaskDoc(uid, name, start, finish, parent.uid if parent is not None else None,
                       milestone, False, percent, attrib.get("note") or "", depth=len(parents))
        self.doc.tasks.append(task)
        self.by_uid[uid] = task
        parents.append(task)

    def _link(self, attrib: dict[str, str]) -> None:
        assert self.doc is not None
        task = self.tasks[-1]
        kind = (attrib.get("type") or "FS").upper()
        pred = attrib.get("predecessor-id") or ""
        lag = int(read_number(attrib.get("lag"), Where(self.file, task.uid, task.name), BAD_LAG,
                              pred=pred)) // 86400
        self.doc.links.append(LinkDoc(pred, task.uid, kind if kind in LINK_KINDS else "FS", lag))

    def _allocation(self, task_id: str | None, resource_id: str | None) -> None:
        task = self.by_uid.get(task_id) if task_id is not None else None
        if self.pending or task is None or resource_id not in self.people:
            self.pending.append((task_id, resource_id))  # settled once the whole file is read
        else:
            task.resources.append(self.people[resource_id])

    def finish(self) -> PlanDoc:
        doc = self.doc
        assert doc is not None  # (a file without a root element is broken XML)
        groups = self.groups
        doc.resources = [ResourceDoc(uid, name, groups.get(group, ""), short)
                         for uid, name, group, short in self.resources]
        check_plan(doc, self.file)
        by_uid, people = self.by_uid, self.people
        for task_id, resource_id in self.pending:
            task = by_uid.get(task_id) if task_id is not None else None
            if task is not None and resource_id in people:  # not a None among the resources
                task.resources.append(people[resource_id])
        return doc


def write_planner(doc: PlanDoc) -> bytes:
    """A PlanDoc as a ``.planner`` file GNOME Planner (0.14) opens (round trips, test and
    benchmark files).

    What Planner needs beyond its DTD (libplanner's mrp-old-xml.c): ids are read with
    ``atoi``, so task and resource ids are integers (text ids such as ``p1`` for an OpsDesk
    phase are numbered after the largest, as in MSPDI); a group carries ``admin-name``,
    ``admin-phone`` and ``admin-email`` (without them Planner 0.14.91 crashes on a NULL
    ``strcmp``); a predecessor names a task of the file (else an assertion aborts it). The
    project's calendar makes every day a working day of 8 hours, so a task of n calendar days
    lasts n days there too, and every task without subtasks "must start on" its start, so
    links do not move the dates when Planner schedules the plan. (``project-start`` stays the
    plan's start, the launch day OpsDesk's import reads back; Planner shows a task that
    starts before it on that day.)
    """

    def stamp(day: dt.date | None, end: bool = False) -> str:
        day = day or doc.start or dt.date(2026, 1, 1)
        return day.strftime("%Y%m%d") + ("T170000Z" if end else "T080000Z")

    task_id = {uid: str(n) for uid, n in _numeric_uids([t.uid for t in doc.tasks]).items()}
    res_id = {uid: str(n) for uid, n in _numeric_uids([r.uid for r in doc.resources]).items()}
    root = ET.Element("project", {"name": doc.name, "company": "", "manager": "",
                                  "mrproject-version": "2", "project-start": stamp(doc.start)})
    root.set("calendar", _planner_calendars(root))
    groups: dict[str, str] = {}
    for r in doc.resources:
        if r.group and r.group not in groups:
            groups[r.group] = str(len(groups) + 1)
    children = doc.children()
    written: set[str] = set()  # the tasks in the outline (not one under a missing parent)
    below: list[str | None] = [None]
    while below:
        for t in children.get(below.pop(), []):
            if t.uid not in written:
                written.add(t.uid)
                below.append(t.uid)
    preds: dict[str, list] = {}
    for link in doc.links:
        if link.pred in written and link.pred != link.succ:
            preds.setdefault(link.succ, []).append(link)
    tasks_el = ET.SubElement(root, "tasks")

    def emit(parent_el: ET.Element, parent: str | None) -> None:
        for t in children.get(parent, []):
            # the work of a fixed-work task (seconds of 8-hour days), as Planner's own files
            # carry it (without it Planner complains "no work and no duration")
            days = max(((t.finish or t.start) - t.start).days + 1, 1) if t.start else 1
            el = ET.SubElement(parent_el, "task", {
                "id": task_id[t.uid], "name": t.name, "note": t.notes,
                "work": "0" if t.milestone else str(days * 8 * 3600), "start": stamp(t.start),
                "end": stamp(t.finish or t.start, end=not t.milestone),
                "percent-complete": str(t.percent_complete), "priority": "0",
                "type": "milestone" if t.milestone else "normal", "scheduling": "fixed-work"})
            if t.uid not in children:  # a summary's dates are its subtasks'
                ET.SubElement(el, "constraint", {"type": "must-start-on",
                                                 "time": stamp(t.start or t.finish)})
            if t.uid in preds:
                pe = ET.SubElement(el, "predecessors")
                for n, link in enumerate(preds[t.uid], 1):
                    ET.SubElement(pe, "predecessor", {
                        "id": str(n), "predecessor-id": task_id[link.pred],
                        "type": link.kind if link.kind in LINK_KINDS else "FS",
                        "lag": str(link.lag_days * 86400)})
            emit(el, t.uid)

    emit(tasks_el, None)
    if groups:  # the DTD's order: tasks, resource-groups, resources, allocations
        rg = ET.SubElement(root, "resource-groups")
        for gname, gid in groups.items():
            ET.SubElement(rg, "group", {"id": gid, "name": gname, "admin-name": "",
                                        "admin-phone": "", "admin-email": ""})
    res = ET.SubElement(root, "resources")
    for r in doc.resources:
        attrs = {"id": res_id[r.uid], "name": r.name, "short-name": r.short_name, "type": "1",
                 "units": "0", "email": "", "note": ""}
        if r.group:
            attrs["group"] = groups[r.group]
        ET.SubElement(res, "resource", attrs)
    alloc = ET.SubElement(root, "allocations")
    for t in doc.tasks:
        for rid in dict.fromkeys(t.resources):  # (once each)
            if rid in res_id and t.uid in written:
                ET.SubElement(alloc, "allocation", {"task-id": task_id[t.uid],
                                                     "resource-id": res_id[rid], "units": "100"})
    return ('<?xml version="1.0"?>\n' + ET.tostring(root, encoding="unicode")).encode("utf-8")


def _planner_calendars(root: ET.Element) -> str:
    """Planner's three built-in day types and the project calendar (its id returned): every
    day of the week a working day (0) of 08:00–12:00 and 13:00–17:00."""
    cals = ET.SubElement(root, "calendars")
    types = ET.SubElement(cals, "day-types")
    for n, (name, description) in enumerate((("Working", "A default working day"),
                                             ("Nonworking", "A default non working day"),
                                             ("Use base", "Use day from base calendar"))):
        ET.SubElement(types, "day-type", {"id": str(n), "name": name,
                                          "description": description})
    cal = ET.SubElement(cals, "calendar", {"id": "1", "name": "OpsDesk 7 days"})
    ET.SubElement(cal, "default-week", dict.fromkeys(
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "0"))
    overridden = ET.SubElement(ET.SubElement(cal, "overridden-day-types"), "overridden-day-type",
                               {"id": "0"})
    for start, end in (("0800", "1200"), ("1300", "1700")):
        ET.SubElement(overridden, "interval", {"start": start, "end": end})
    ET.SubElement(cal, "days")
    return "1"
