"""GNOME Planner files (``.planner``, MrProject XML): tasks, links, resources, allocations."""

from __future__ import annotations

import datetime as dt
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
    TaskDoc,
    Where,
    check_plan,
    parse_xml,
    read_date,
    read_number,
    read_percent,
    read_project_start,
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


def parse_planner(data: bytes, file: str = "plan.planner") -> PlanDoc:
    root = parse_xml(data, file, KIND)
    if root.tag != "project":
        raise wrong_root(file, KIND, root.tag, "project")
    start = read_project_start(root.get("project-start"), _start_day, file)
    doc = PlanDoc(name=root.get("name") or "", start=start, source="planner")
    groups = {g.get("id"): g.get("name") or "" for g in root.iter("group")}
    for r in root.iterfind("resources/resource"):
        if not (r.get("name") or "").strip():
            continue  # a nameless resource is nobody (the dry run and the import agree)
        doc.resources.append(ResourceDoc(r.get("id") or "", (r.get("name") or "").strip(),
                                         groups.get(r.get("group"), ""),
                                         r.get("short-name") or ""))
    tasks_el = root.find("tasks")
    if tasks_el is not None:
        _walk(tasks_el, None, 0, doc, file, [0])
    check_plan(doc, file)
    by_uid = {t.uid: t for t in doc.tasks}
    people = {r.uid for r in doc.resources}
    for a in root.iterfind("allocations/allocation"):
        task_id, resource_id = a.get("task-id"), a.get("resource-id")
        task = by_uid.get(task_id) if task_id is not None else None
        if task is not None and resource_id in people:  # not a None among the resources
            task.resources.append(resource_id)
    return doc


def _walk(parent_el: ET.Element, parent_uid: str | None, depth: int, doc: PlanDoc, file: str,
          counter: list[int]) -> None:
    for el in parent_el.iterfind("task"):
        counter[0] += 1
        uid, name = el.get("id") or "", (el.get("name") or "").strip()
        if not uid.strip():
            raise Where(file, "", name).error(NO_TASK_ID, position=counter[0])
        where = Where(file, uid, name)
        start = read_date(el.get("start"), _start_day, where, BAD_START)
        finish = read_date(el.get("end"), _end_day, where, BAD_FINISH)
        milestone = el.get("type") == "milestone"
        if milestone:
            finish = start
        children = el.findall("task")
        doc.tasks.append(TaskDoc(
            uid=uid, name=name, start=start, finish=finish,
            parent=parent_uid, milestone=milestone, summary=bool(children),
            percent_complete=read_percent(el.get("percent-complete"), where),
            notes=el.get("note") or "", depth=depth))
        for p in el.iterfind("predecessors/predecessor"):
            kind = (p.get("type") or "FS").upper()
            pred = p.get("predecessor-id") or ""
            lag = int(read_number(p.get("lag"), where, BAD_LAG, pred=pred)) // 86400
            doc.links.append(LinkDoc(pred, uid, kind if kind in LINK_KINDS else "FS", lag))
        _walk(el, uid, depth + 1, doc, file, counter)


def write_planner(doc: PlanDoc) -> bytes:
    """A PlanDoc as a ``.planner`` file (round trips, test and benchmark files)."""

    def stamp(day: dt.date | None, end: bool = False) -> str:
        day = day or doc.start or dt.date(2026, 1, 1)
        return day.strftime("%Y%m%d") + ("T170000Z" if end else "T080000Z")

    root = ET.Element("project", {"name": doc.name, "mrproject-version": "2",
                                  "project-start": stamp(doc.start)})
    groups: dict[str, str] = {}
    for r in doc.resources:
        if r.group and r.group not in groups:
            groups[r.group] = str(len(groups) + 1)
    children = doc.children()
    preds: dict[str, list] = {}
    for link in doc.links:
        preds.setdefault(link.succ, []).append(link)
    tasks_el = ET.SubElement(root, "tasks")

    def emit(parent_el: ET.Element, parent: str | None) -> None:
        for t in children.get(parent, []):
            # the work of a fixed-work task (seconds of 8-hour days), as Planner's own files
            # carry it (without it Planner complains "no work and no duration")
            days = max(((t.finish or t.start) - t.start).days + 1, 1) if t.start else 1
            el = ET.SubElement(parent_el, "task", {
                "id": t.uid, "name": t.name, "note": t.notes,
                "work": "0" if t.milestone else str(days * 8 * 3600), "start": stamp(t.start),
                "end": stamp(t.finish or t.start, end=not t.milestone),
                "percent-complete": str(t.percent_complete), "priority": "0",
                "type": "milestone" if t.milestone else "normal", "scheduling": "fixed-work"})
            if t.uid in preds:
                pe = ET.SubElement(el, "predecessors")
                for n, link in enumerate(preds[t.uid], 1):
                    ET.SubElement(pe, "predecessor", {
                        "id": str(n), "predecessor-id": link.pred, "type": link.kind,
                        "lag": str(link.lag_days * 86400)})
            emit(el, t.uid)

    emit(tasks_el, None)
    if groups:  # the DTD's order: tasks, resource-groups, resources, allocations
        rg = ET.SubElement(root, "resource-groups")
        for gname, gid in groups.items():
            ET.SubElement(rg, "group", {"id": gid, "name": gname})
    res = ET.SubElement(root, "resources")
    for r in doc.resources:
        attrs = {"id": r.uid, "name": r.name, "short-name": r.short_name, "type": "1", "units": "0"}
        if r.group:
            attrs["group"] = groups[r.group]
        ET.SubElement(res, "resource", attrs)
    alloc = ET.SubElement(root, "allocations")
    for t in doc.tasks:
        for rid in t.resources:
            ET.SubElement(alloc, "allocation", {"task-id": t.uid, "resource-id": rid,
                                                 "units": "100"})
    return ('<?xml version="1.0"?>\n' + ET.tostring(root, encoding="unicode")).encode("utf-8")
