"""GNOME Planner files (``.planner``, MrProject XML): tasks, links, resources, allocations."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, TaskDoc, bad_file
from opsdesk.interchange.xml_safe import parse_xml

KIND = "a GNOME Planner file"
LINK_KINDS = {"FS", "SS", "FF", "SF"}


def _day(value: str | None, end: bool = False) -> dt.date | None:
    """``20260801T000000Z`` → a date; an end at midnight belongs to the day before."""
    if not value:
        return None
    stamp = dt.datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    if end and stamp.time() == dt.time(0) and stamp.date() > dt.date(1970, 1, 1):
        return stamp.date() - dt.timedelta(days=1)
    return stamp.date()


def parse_planner(data: bytes, file: str = "plan.planner") -> PlanDoc:
    root = parse_xml(data, file, KIND)
    if root.tag != "project":
        raise bad_file(file, KIND, f"the root element is <{root.tag}>, not <project>")
    try:
        doc = PlanDoc(name=root.get("name") or "", start=_day(root.get("project-start")),
                      source="planner")
        groups = {g.get("id"): g.get("name") or "" for g in root.iter("group")}
        for r in root.iterfind("resources/resource"):
            doc.resources.append(ResourceDoc(r.get("id"), r.get("name") or "",
                                             groups.get(r.get("group"), ""),
                                             r.get("short-name") or ""))
        tasks_el = root.find("tasks")
        if tasks_el is not None:
            _walk(tasks_el, None, 0, doc)
        by_uid = {t.uid: t for t in doc.tasks}
        for a in root.iterfind("allocations/allocation"):
            task = by_uid.get(a.get("task-id"))
            if task is not None:
                task.resources.append(a.get("resource-id"))
    except (ValueError, TypeError) as exc:
        raise bad_file(file, KIND, str(exc)) from exc
    return doc


def _walk(parent_el: ET.Element, parent_uid: str | None, depth: int, doc: PlanDoc) -> None:
    for el in parent_el.iterfind("task"):
        uid = el.get("id")
        start = _day(el.get("start"))
        finish = _day(el.get("end"), end=True)
        milestone = el.get("type") == "milestone"
        if milestone or (finish is not None and start is not None and finish < start):
            finish = start
        children = el.findall("task")
        doc.tasks.append(TaskDoc(
            uid=uid, name=(el.get("name") or "").strip(), start=start, finish=finish,
            parent=parent_uid, milestone=milestone, summary=bool(children),
            percent_complete=int(el.get("percent-complete") or 0),
            notes=el.get("note") or "", depth=depth))
        for p in el.iterfind("predecessors/predecessor"):
            kind = (p.get("type") or "FS").upper()
            lag = int(p.get("lag") or 0) // 86400
            doc.links.append(LinkDoc(p.get("predecessor-id"), uid,
                                     kind if kind in LINK_KINDS else "FS", lag))
        _walk(el, uid, depth + 1, doc)


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
            el = ET.SubElement(parent_el, "task", {
                "id": t.uid, "name": t.name, "note": t.notes, "start": stamp(t.start),
                "end": stamp(t.finish or t.start, end=not t.milestone),
                "percent-complete": str(t.percent_complete),
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
