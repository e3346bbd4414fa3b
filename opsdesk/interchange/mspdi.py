"""Microsoft Project XML (MSPDI), as MS Project, ProjectLibre and GanttProject write it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from opsdesk.errors import QT_TRANSLATE_NOOP
from opsdesk.interchange.plan_doc import (
    BAD_FINISH,
    BAD_LAG,
    BAD_OUTLINE_LEVEL,
    BAD_START,
    NO_TASK_ID,
    LinkDoc,
    PlanDoc,
    Progress,
    ResourceDoc,
    RoleDoc,
    Source,
    TaskDoc,
    Where,
    anchor_text,
    check_plan,
    read_anchor,
    read_date,
    read_number,
    read_percent,
    read_project_start,
    stream_xml,
    wrong_root,
)
from opsdesk.model.enums import TaskStatus

KIND = QT_TRANSLATE_NOOP("Errors", "a Microsoft Project XML file")
STATUSES = {s.value for s in TaskStatus}
NS = "http://schemas.microsoft.com/project"
# MSPDI link types: 0 FF, 1 FS, 2 SF, 3 SS
TYPE_TO_KIND = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}
KIND_TO_TYPE = {v: k for k, v in TYPE_TO_KIND.items()}
TENTHS_OF_MINUTE_PER_DAY = 8 * 60 * 10  # LinkLag is in tenths of minutes of 8-hour days
CALENDAR_UID = 1  # the exported files' calendar: every day a working day, 08–12 and 13–17
# What OpsDesk keeps that MSPDI has no standard field for goes into extended attributes (local
# custom fields, found again by their alias): text fields, as MS Project numbers them
TASK_TEXT = (188743731, 188743734, 188743737, 188743740, 188743743, 188743746,
             188743747, 188743748)  # Text1…8 (MPXJ's MPPTaskField: TEXT8 = 188743748)
RESOURCE_TEXT = (205520904, 205520905, 205520926)  # Text1…3
TASK_FIELDS = ("OpsDesk role", "OpsDesk status", "OpsDesk phase", "OpsDesk routine",
               "OpsDesk done", "OpsDesk plan", "OpsDesk start", "OpsDesk anchor")
RESOURCE_FIELDS = ("OpsDesk login", "OpsDesk role", "OpsDesk manager")
# MSPDI priority (0–1000, 500 by default) ↔ OpsDesk's four
PRIORITY_OUT = {"low": 300, "normal": 500, "high": 700, "urgent": 900}
SEP = "|"


def _day(value: str) -> dt.date:
    return dt.datetime.fromisoformat(value.strip()[:19]).date()


def _finish_day(value: str) -> dt.date:
    """A finish at midnight (``2025-01-31T00:00``) ends the day before."""
    stamp = dt.datetime.fromisoformat(value.strip()[:19])
    if stamp.time() == dt.time(0) and stamp.date() > dt.date(1970, 1, 2):
        return stamp.date() - dt.timedelta(days=1)
    return stamp.date()


def _priority(value: str) -> str | None:
    if not value.strip().isdigit():
        return None
    n = int(value)
    return "low" if n < 400 else "normal" if n < 650 else "high" if n < 850 else "urgent"


def _split(value: str, n: int) -> list[str]:
    parts = value.split(SEP)
    return (parts + [""] * n)[:n]


def parse_mspdi(data: Source, file: str = "plan.xml", *,
                progress: Progress | None = None) -> PlanDoc:
    """An MSPDI file (its bytes, or the file opened for binary reading) as a PlanDoc, read as
    it streams: each task, resource and assignment element is read whole, used and dropped,
    so the XML tree is never in memory. A file whose project fields or custom field
    definitions come after its tasks (not the schema's order) is read again keeping the
    records until its end. Tags are taken as written while no element names or declares a
    namespace other than the root's own (what MS Project writes); otherwise the file is
    read again spelling each tag with its namespace, as ElementTree does.
    ``progress(bytes read, bytes in all)`` may raise to stop."""
    reader = _Reader(file, raw=True)
    try:
        try:
            stream_xml(data, file, KIND, reader, text=True, namespaces=False,
                       progress=progress)
        except _Namespaced:
            reader = _Reader(file)
            stream_xml(data, file, KIND, reader, text=True, progress=progress)
    except _OutOfOrder:
        reader = _Reader(file, keep=True)
        stream_xml(data, file, KIND, reader, text=True, progress=progress)
    return reader.finish()


class _OutOfOrder(Exception):
    """A project field or custom field definition after the tasks: read again, keeping."""


class _Namespaced(Exception):
    """A prefixed tag or a namespace declared below the root: read again with namespaces."""


def _declares(attrib: dict[str, str]) -> bool:
    return any(k == "xmlns" or k.startswith("xmlns:") for k in attrib)


HEAD = ("Title", "Name", "StartDate")  # the project's own fields the import reads
RECORDS = {"ExtendedAttributes": "ExtendedAttribute", "Resources": "Resource",
           "Tasks": "Task", "Assignments": "Assignment"}
"""The project's lists (a child of the root) and the element each holds, read one by one."""


class _Reader:
    """The elements of an MSPDI file as they stream by: the root's ``Title``, ``Name`` and
    ``StartDate``, and the records of its lists (``RECORDS``), each built as a small tree
    (``ET.TreeBuilder``) and handed over whole at its end. With ``keep``, the records are
    kept and read at the end, in the order the whole file was read before (the project's
    fields, custom field definitions, resources, tasks, assignments)."""

    def __init__(self, file: str, keep: bool = False, raw: bool = False) -> None:
        self.file, self.keep, self.raw = file, keep, raw
        self.depth = 0
        self.q: Callable[[str], str] = lambda tag: tag
        self.heads: dict[str, str] = {}
        self.heads_tags: dict[str, str] = {}  # HEAD spelt with the namespace
        self.lists: dict[str, str] = {}  # list tag → its record tag (spelt with the namespace)
        self.in_list: str | None = None  # the record tag of the list open at depth 2
        self.builder: ET.TreeBuilder | None = None
        self.record_depth = 0
        self.kept: dict[str, list[ET.Element]] = {}
        self.doc: PlanDoc | None = None
        self.aliases: dict[str, str] = {}  # field id → OpsDesk's name for it
        self.roles: tuple[dict[str, RoleDoc], dict[str, RoleDoc]] = ({}, {})  # resources', tasks'
        self.stack: list[tuple[int, str]] = []  # (outline level, uid) of the open ancestors
        self.position = 0
        self.by_uid: dict[str, TaskDoc] = {}
        self.people: dict[str, str] = {}
        self.pending: list[tuple[str, str]] = []  # assignments read before their task

    # ---- the stream

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        depth = self.depth
        if self.raw and (":" in tag or attrib and (depth > 1 or ":" in "".join(attrib))
                         and _declares(attrib)):
            raise _Namespaced()
        if self.builder is not None:
            self.builder.start(tag, attrib)
        elif depth == 1:
            ns = tag[1:].split("}")[0] if tag.startswith("{") else ""
            if ns:
                self.q = lambda name: f"{{{ns}}}{name}"
            q = self.q
            if tag != q("Project"):
                raise wrong_root(self.file, KIND, tag, "Project")
            self.heads_tags = {q(t): t for t in HEAD}
            self.lists = {q(k): q(v) for k, v in RECORDS.items()}
        elif depth == 2:
            self.in_list = self.lists.get(tag)
            if tag in self.heads_tags:
                self._begin(tag, attrib)
        elif depth == 3 and self.in_list == tag:
            self._begin(tag, attrib)

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def end(self, tag: str) -> None:
        builder = self.builder
        if builder is not None:
            builder.end(tag)
            if self.depth == self.record_depth:
                self.builder = None
                self._record(builder.close())
        elif self.depth == 2:
            self.in_list = None
        self.depth -= 1

    def _begin(self, tag: str, attrib: dict[str, str]) -> None:
        self.builder = ET.TreeBuilder()
        self.builder.start(tag, attrib)
        self.record_depth = self.depth

    def _record(self, el: ET.Element) -> None:
        name = el.tag.rsplit("}", 1)[-1]
        if self.keep:
            if name in HEAD:
                self.heads.setdefault(name, _text(el))
            else:
                self.kept.setdefault(name, []).append(el)
            return
        if name in HEAD or name == "ExtendedAttribute":
            if self.doc is not None:  # the tasks or resources came first: not as read before
                raise _OutOfOrder()
            if name in HEAD:
                self.heads.setdefault(name, _text(el))
            else:
                self._alias(el)
            return
        if self.doc is None:
            self._begin_plan()
        if name == "Resource":
            self._resource(el)
        elif name == "Task":
            self._task(el)
        else:
            self._assignment(el)

    # ---- the records

    def _text(self, el: ET.Element, tag: str, default: str = "") -> str:
        found = el.find(self.q(tag))
        return default if found is None or found.text is None else found.text.strip()

    def _begin_plan(self) -> None:
        heads = self.heads
        self.doc = PlanDoc(name=heads.get("Title") or heads.get("Name") or "",
                           start=read_project_start(heads.get("StartDate", ""), _day, self.file),
                           source="mspdi")

    def _alias(self, a: ET.Element) -> None:
        alias = self._text(a, "Alias")
        if alias in TASK_FIELDS or alias in RESOURCE_FIELDS:
            self.aliases[self._text(a, "FieldID")] = alias

    def _extra(self, el: ET.Element) -> dict[str, str]:
        out = {}
        if self.aliases:
            for a in el.iterfind(self.q("ExtendedAttribute")):
                alias = self.aliases.get(self._text(a, "FieldID"))
                if alias:
                    out[alias] = self._text(a, "Value")
        return out

    def _role(self, value: str, of_task: bool) -> str | None:
        key, zh, en, color = _split(value, 4)
        if not key:
            return None
        self.roles[of_task].setdefault(key, RoleDoc(key, zh or key, en or zh or key, color))
        return key

    def _resource(self, r: ET.Element) -> None:
        assert self.doc is not None
        text = self._text
        name, uid = text(r, "Name"), text(r, "UID")
        # MS Project's "Unassigned" (UID 0), empty rows and nameless resources are nobody
        if not name or uid in ("", "0") or text(r, "IsNull") == "1":
            return
        more = self._extra(r)
        self.doc.resources.append(ResourceDoc(
            uid, name, text(r, "Group"), text(r, "Initials"),
            login=more.get("OpsDesk login", ""),
            role_key=self._role(more.get("OpsDesk role", ""), False) or "",
            is_manager=more.get("OpsDesk manager", "") == "yes",
            active=text(r, "IsInactive") not in ("1", "true")))
        self.people[uid] = uid

    def _task(self, t: ET.Element) -> None:
        doc, text, file, stack = self.doc, self._text, self.file, self.stack
        assert doc is not None
        self.position += 1
        uid, name = text(t, "UID"), text(t, "Name")
        if text(t, "IsNull") == "1":
            return  # empty rows
        if not uid:
            raise Where(file, "", name).error(NO_TASK_ID, position=self.position)
        where = Where(file, uid, name)
        level_text = text(t, "OutlineLevel", "1") or "1"
        if not level_text.isdigit():
            raise where.error(BAD_OUTLINE_LEVEL, value=level_text)
        level = int(level_text)
        more = self._extra(t)
        if level == 0:  # the project summary task: OpsDesk keeps the launch day there
            launch, currency = _split(more.get("OpsDesk plan", ""), 2)
            if launch:
                doc.launch = read_project_start(launch, _day, file)
            doc.currency = currency
            return
        while stack and stack[-1][0] >= level:
            stack.pop()
        milestone = text(t, "Milestone") == "1"
        start = read_date(text(t, "Start"), _day, where, BAD_START)
        finish = start if milestone else read_date(text(t, "Finish"), _finish_day, where,
                                                   BAD_FINISH)
        if start is not None and finish is not None and finish == start - dt.timedelta(days=1) \
                and text(t, "Finish")[11:19] in ("", "00:00:00") \
                and _day(text(t, "Finish")) == start:
            finish = start  # a finish at midnight of its start day: a task of that one day
        own_start = more.get("OpsDesk start", "")
        if own_start == "none":  # a task with a due day only (MSPDI needs a start)
            start = None
        elif own_start:
            start = read_date(own_start, _day, where, BAD_START)
        phase_key = phase_en = color = None
        if "OpsDesk phase" in more:
            phase_key, phase_en, color = _split(more["OpsDesk phase"], 3)
        done_by, done_at = _split(more.get("OpsDesk done", ""), 2)
        try:
            done_stamp = dt.datetime.fromisoformat(done_at) if done_at else None
        except ValueError:
            done_stamp = None
        status = more.get("OpsDesk status") or None
        task = TaskDoc(
            uid=uid, name=name, start=start, finish=finish,
            parent=stack[-1][1] if stack else None, milestone=milestone,
            summary=text(t, "Summary") == "1",
            percent_complete=read_percent(text(t, "PercentComplete"), where),
            notes=text(t, "Notes"), depth=level - 1,
            status=status if status in STATUSES else None,
            priority=_priority(text(t, "Priority")),
            role=self._role(more.get("OpsDesk role", ""), True), name_en=phase_en,
            phase_key=phase_key, color=color, routine=more.get("OpsDesk routine") or None,
            done_by=done_by or None, done_at=done_stamp,
            anchor=read_anchor(more.get("OpsDesk anchor", ""), where, doc.warnings))
        doc.tasks.append(task)
        self.by_uid[uid] = task
        for link in t.iterfind(self.q("PredecessorLink")):
            pred = text(link, "PredecessorUID")
            lag = int(read_number(text(link, "LinkLag"), where, BAD_LAG, pred=pred))
            doc.links.append(LinkDoc(pred, uid, TYPE_TO_KIND.get(text(link, "Type", "1"), "FS"),
                                     lag // TENTHS_OF_MINUTE_PER_DAY))
        stack.append((level, uid))

    def _assignment(self, a: ET.Element) -> None:
        task_uid, res = self._text(a, "TaskUID"), self._text(a, "ResourceUID")
        task = self.by_uid.get(task_uid)
        if self.pending or task is None or res not in self.people:
            self.pending.append((task_uid, res))  # settled once the whole file is read
        else:
            task.resources.append(self.people[res])

    def finish(self) -> PlanDoc:
        kept = self.kept
        for el in kept.get("ExtendedAttribute", ()):
            self._alias(el)
        if self.doc is None:
            self._begin_plan()
        for name, read in (("Resource", self._resource), ("Task", self._task),
                           ("Assignment", self._assignment)):
            for el in kept.pop(name, ()):
                read(el)
        doc = self.doc
        assert doc is not None
        roles = dict(self.roles[0])
        for key, role in self.roles[1].items():
            roles.setdefault(key, role)
        doc.roles = list(roles.values())
        check_plan(doc, self.file)
        for task_uid, res in self.pending:
            task = self.by_uid.get(task_uid)
            if task is not None and res in self.people:  # not -65535 (nobody) nor UID 0
                task.resources.append(self.people[res])  # "Unassigned"
        return doc


def _text(el: ET.Element) -> str:
    return "" if el.text is None else el.text.strip()


def _numeric_uids(uids: list[str]) -> dict[str, int]:
    """MSPDI UIDs are integers: keep the ones that are (1 and up, once), number the rest after
    the largest (``p1`` for an OpsDesk phase, any other text)."""
    out: dict[str, int] = {}
    taken: set[int] = set()
    for uid in uids:
        # ASCII digits only ("²".isdigit() is true but int() refuses it), and an id that
        # fits the 32-bit integers MS Project and GNOME Planner read
        if uid.isascii() and uid.isdigit() and 0 < int(uid) < 2**31 \
                and int(uid) not in taken and uid not in out:
            out[uid] = int(uid)
            taken.add(int(uid))
    following = max(taken, default=0)
    for uid in uids:
        if uid not in out:
            following += 1
            out[uid] = following
    return out


def write_mspdi(doc: PlanDoc) -> bytes:
    """A PlanDoc as MSPDI that ProjectLibre and MS Project open with the same dates.

    UIDs are integers (text ids are numbered after the largest number), the project summary
    task is UID 0, and the project's calendar makes every day a working day of 8 hours, so a
    task of n calendar days lasts n days there too; every task but a summary must start on its
    start (constraint "must start on"), so links do not move the dates when the file is opened.
    """
    ET.register_namespace("", NS)

    def sub(parent: ET.Element, tag: str, value: object) -> ET.Element:
        el = ET.SubElement(parent, f"{{{NS}}}{tag}")
        el.text = str(value)
        return el

    def stamp(day: dt.date | None, end: bool) -> str:
        day = day or doc.start or dt.date.today()
        return f"{day.isoformat()}T{'17:00:00' if end else '08:00:00'}"

    span = doc.span()
    first = span[0] if span else doc.start  # the earliest start, not the launch day
    last = span[1] if span else first
    root = ET.Element(f"{{{NS}}}Project")
    sub(root, "SaveVersion", 14)
    sub(root, "Name", doc.name)
    sub(root, "Title", doc.name)
    sub(root, "ScheduleFromStart", 1)
    sub(root, "StartDate", stamp(first, False))
    sub(root, "FinishDate", stamp(last, True))
    sub(root, "CurrencyCode", doc.currency or "CNY")  # required by the schema
    sub(root, "CalendarUID", CALENDAR_UID)
    sub(root, "DefaultStartTime", "08:00:00")
    sub(root, "DefaultFinishTime", "17:00:00")
    sub(root, "MinutesPerDay", 480)
    sub(root, "MinutesPerWeek", 7 * 480)
    sub(root, "DaysPerMonth", 30)
    task_uid = _numeric_uids([t.uid for t in doc.tasks])
    file_uid = {uid: str(n) for uid, n in task_uid.items()}
    res_uid = _numeric_uids([r.uid for r in doc.resources])
    roles = {r.key: r for r in doc.roles}

    def role_text(key: str | None) -> str:
        if not key:
            return ""
        r = roles.get(key)
        return SEP.join((key, r.name_zh, r.name_en, r.color)) if r else key

    defs = ET.SubElement(root, f"{{{NS}}}ExtendedAttributes")
    for ids, names in ((TASK_TEXT, TASK_FIELDS), (RESOURCE_TEXT, RESOURCE_FIELDS)):
        for field_id, name in zip(ids, names, strict=True):
            a = ET.SubElement(defs, f"{{{NS}}}ExtendedAttribute")
            sub(a, "FieldID", field_id)
            sub(a, "FieldName", f"Text{ids.index(field_id) + 1}")
            sub(a, "Alias", name)

    def attrs(el: ET.Element, ids: tuple[int, ...], names: tuple[str, ...],
              values: dict[str, str]) -> None:
        for field_id, name in zip(ids, names, strict=True):
            if values.get(name):
                a = ET.SubElement(el, f"{{{NS}}}ExtendedAttribute")
                sub(a, "FieldID", field_id)
                sub(a, "Value", values[name])

    _calendars(root, sub, doc, res_uid)
    children = doc.children()
    ordered: list[tuple[TaskDoc, str]] = []

    def visit(parent: str | None, prefix: str) -> None:
        for n, task in enumerate(children.get(parent, []), 1):
            number = f"{prefix}{n}"
            ordered.append((task, number))
            visit(task.uid, number + ".")

    visit(None, "")
    preds: dict[str, list[LinkDoc]] = {}
    for link in doc.links:
        if link.pred in task_uid:
            preds.setdefault(link.succ, []).append(link)
    tasks_el = ET.SubElement(root, f"{{{NS}}}Tasks")
    el = ET.SubElement(tasks_el, f"{{{NS}}}Task")  # the project summary task
    for tag, value in (("UID", 0), ("ID", 0), ("Name", doc.name), ("Type", 1),
                       ("OutlineNumber", 0), ("OutlineLevel", 0), ("Start", stamp(first, False)),
                       ("Finish", stamp(last, True)), ("Milestone", 0), ("Summary", 1)):
        sub(el, tag, value)
    if doc.launch:
        attrs(el, TASK_TEXT, TASK_FIELDS, {"OpsDesk plan": SEP.join(
            (doc.launch.isoformat(), doc.currency))})
    for n, (task, number) in enumerate(ordered, 1):
        summary = bool(children.get(task.uid))
        el = ET.SubElement(tasks_el, f"{{{NS}}}Task")
        sub(el, "UID", task_uid[task.uid])
        sub(el, "ID", n)
        sub(el, "Name", task.name)
        sub(el, "Type", 1)  # fixed duration: assignments do not change the dates
        sub(el, "OutlineNumber", number)
        sub(el, "OutlineLevel", number.count(".") + 1)
        if task.priority in PRIORITY_OUT:
            sub(el, "Priority", PRIORITY_OUT[task.priority])
        begin = task.start or task.finish
        sub(el, "Start", stamp(begin, False))
        sub(el, "Finish", stamp(task.finish or begin, not task.milestone))
        begin = begin or doc.start
        days = ((task.finish or begin) - begin).days + 1 if begin else 1
        sub(el, "Duration", "PT0H0M0S" if task.milestone else f"PT{max(days, 1) * 8}H0M0S")
        sub(el, "DurationFormat", 7)  # days
        sub(el, "Milestone", int(task.milestone))
        sub(el, "Summary", int(summary))
        sub(el, "PercentComplete", task.percent_complete)
        if not summary:  # a summary's dates are its children's
            sub(el, "ConstraintType", 2)  # must start on
            sub(el, "ConstraintDate", stamp(begin, False))
        if task.notes:
            sub(el, "Notes", task.notes)
        for link in preds.get(task.uid, []):
            pl = ET.SubElement(el, f"{{{NS}}}PredecessorLink")
            sub(pl, "PredecessorUID", task_uid[link.pred])
            sub(pl, "Type", KIND_TO_TYPE.get(link.kind, "1"))
            sub(pl, "LinkLag", link.lag_days * TENTHS_OF_MINUTE_PER_DAY)
            sub(pl, "LagFormat", 7)
        attrs(el, TASK_TEXT, TASK_FIELDS, {
            "OpsDesk role": role_text(task.role), "OpsDesk status": task.status or "",
            "OpsDesk phase": SEP.join((task.phase_key, task.name_en or "", task.color or ""))
            if task.phase_key else "",
            "OpsDesk routine": task.routine or "",
            "OpsDesk anchor": anchor_text(task.anchor, file_uid),
            "OpsDesk start": "none" if task.start_unset else task.exact_start.isoformat()
            if task.exact_start and task.exact_start != task.start else "",
            "OpsDesk done": SEP.join((task.done_by or "", task.done_at.isoformat()
                                      if task.done_at else "")) if task.done_by or task.done_at
            else ""})
    res_el = ET.SubElement(root, f"{{{NS}}}Resources")
    for n, r in enumerate(doc.resources, 1):  # the schema's order: Type before Initials, Group
        el = ET.SubElement(res_el, f"{{{NS}}}Resource")
        sub(el, "UID", res_uid[r.uid])
        sub(el, "ID", n)
        sub(el, "Name", r.name)
        sub(el, "Type", 1)
        if r.short_name:
            sub(el, "Initials", r.short_name)
        if r.group:
            sub(el, "Group", r.group)
        sub(el, "CalendarUID", CALENDAR_UID + n)
        if not r.active:
            sub(el, "IsInactive", 1)
        attrs(el, RESOURCE_TEXT, RESOURCE_FIELDS, {
            "OpsDesk login": r.login, "OpsDesk role": role_text(r.role_key),
            "OpsDesk manager": "yes" if r.is_manager else ""})
    asg_el = ET.SubElement(root, f"{{{NS}}}Assignments")
    n = 0
    for task, _number in ordered:
        for res in task.resources:
            if res not in res_uid:
                continue
            n += 1
            el = ET.SubElement(asg_el, f"{{{NS}}}Assignment")
            sub(el, "UID", n)
            sub(el, "TaskUID", task_uid[task.uid])
            sub(el, "ResourceUID", res_uid[res])
            sub(el, "Units", 1)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode("utf-8")


def _calendars(root: ET.Element, sub, doc: PlanDoc, res_uid: dict[str, int]) -> None:
    """The project calendar (every day works 08:00–12:00 and 13:00–17:00) and one calendar
    per resource based on it, as MS Project writes them."""
    cals = ET.SubElement(root, f"{{{NS}}}Calendars")
    cal = ET.SubElement(cals, f"{{{NS}}}Calendar")
    sub(cal, "UID", CALENDAR_UID)
    sub(cal, "Name", "OpsDesk 7 days")
    sub(cal, "IsBaseCalendar", 1)
    sub(cal, "BaseCalendarUID", -1)
    days = ET.SubElement(cal, f"{{{NS}}}WeekDays")
    for day_type in range(1, 8):  # 1 Sunday … 7 Saturday
        day = ET.SubElement(days, f"{{{NS}}}WeekDay")
        sub(day, "DayType", day_type)
        sub(day, "DayWorking", 1)
        times = ET.SubElement(day, f"{{{NS}}}WorkingTimes")
        for start, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
            wt = ET.SubElement(times, f"{{{NS}}}WorkingTime")
            sub(wt, "FromTime", start)
            sub(wt, "ToTime", end)
    for n, r in enumerate(doc.resources, 1):
        cal = ET.SubElement(cals, f"{{{NS}}}Calendar")
        sub(cal, "UID", CALENDAR_UID + n)
        sub(cal, "Name", r.name)
        sub(cal, "IsBaseCalendar", 0)
        sub(cal, "BaseCalendarUID", CALENDAR_UID)
