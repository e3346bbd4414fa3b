"""The ``.planner`` writer makes files GNOME Planner 0.14 opens (issue #17: Planner crashed on
them) and OpsDesk reads back as they were.

What Planner needs beyond its DTD comes from its reader, libplanner's mrp-old-xml.c: ids are
read with ``atoi`` (``p1`` is 0), a group without ``admin-name``/``admin-phone``/``admin-email``
is a NULL ``strcmp`` (the segfault on the benchmark's file), a predecessor that names no task
of the file fails an assertion, and a task "must start on" its day only within a calendar
that works every day."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, TaskDoc
from opsdesk.interchange.planner import parse_planner, write_planner
from opsdesk.services.exports import ExportService
from opsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "opsdesk.db.sample"
PLANNER_DTD = Path("/usr/share/planner/dtd/mrproject-0.6.dtd")
D = dt.date
ATOI_ID = re.compile(r"[1-9][0-9]{0,8}")  # what atoi reads back whole, and not 0

# What the writer wrote before (an OpsDesk phase's id, a group without its admin fields)
OLD_FILE = b"""<?xml version="1.0"?>
<project name="x" mrproject-version="2" project-start="20260801T080000Z"><tasks>
<task id="p1" name="phase" note="" work="28800" start="20260801T080000Z" end="20260801T170000Z"
 percent-complete="0" priority="0" type="normal" scheduling="fixed-work">
<task id="5" name="a" note="" work="28800" start="20260801T080000Z" end="20260801T170000Z"
 percent-complete="0" priority="0" type="normal" scheduling="fixed-work"/></task></tasks>
<resource-groups><group id="1" name="ops"/></resource-groups>
<resources><resource id="u7" name="Ann" short-name="" type="1" units="0" group="1"/></resources>
<allocations><allocation task-id="5" resource-id="u7" units="100"/></allocations></project>"""


def planner_problems(data: bytes) -> list[str]:
    """What in a .planner file GNOME Planner 0.14.91 crashes on or reads wrongly."""
    root = ET.fromstring(data)
    problems: list[str] = []
    tasks = list(root.iter("task"))
    task_ids = [t.get("id") or "" for t in tasks]
    resource_ids = [r.get("id") or "" for r in root.iterfind("resources/resource")]
    for kind, ids in (("task", task_ids), ("resource", resource_ids),
                      ("group", [g.get("id") or "" for g in root.iter("group")])):
        problems += [f"{kind} id {i!r} is not a whole number from 1" for i in ids
                     if not ATOI_ID.fullmatch(i)]
        if len(set(ids)) != len(ids):
            problems.append(f"two {kind}s share an id")
    for g in root.iter("group"):
        problems += [f"group {g.get('id')} has no {a}" for a in
                     ("name", "admin-name", "admin-phone", "admin-email") if g.get(a) is None]
    for r in root.iterfind("resources/resource"):
        problems += [f"resource {r.get('id')} has no {a}" for a in ("name", "type", "units")
                     if r.get(a) is None]
    known = set(task_ids)
    for t in tasks:
        problems += [f"task {t.get('id')} has no {a}" for a in ("name", "note", "start", "end")
                     if t.get(a) is None]
        if t.get("work") is None and t.get("duration") is None:
            problems.append(f"task {t.get('id')} has no work and no duration")
        for p in t.iterfind("predecessors/predecessor"):
            if p.get("predecessor-id") not in known or p.get("predecessor-id") == t.get("id"):
                problems.append(f"task {t.get('id')}: predecessor {p.get('predecessor-id')!r}")
        if t.find("task") is None:  # a task Planner schedules: pinned to its day
            c = t.find("constraint")
            if c is None or c.get("type") != "must-start-on" or c.get("time") != t.get("start"):
                problems.append(f"task {t.get('id')} does not must-start-on its start")
    for a in root.iterfind("allocations/allocation"):
        if a.get("task-id") not in known or a.get("resource-id") not in set(resource_ids):
            problems.append(f"allocation {a.get('task-id')}→{a.get('resource-id')}")
    calendars = {c.get("id"): c for c in root.iter("calendar")}
    cal = calendars.get(root.get("calendar"))
    if cal is None:
        problems.append("the project has no calendar of the file")
    else:
        week = cal.find("default-week")
        days = [week.get(d) for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")] \
            if week is not None else []
        if days != ["0"] * 7:
            problems.append(f"the project's calendar does not work every day: {days}")
    return problems


@pytest.fixture
def sample_doc(tmp_path) -> PlanDoc:
    """The sample plan as OpsDesk exports it: phases ``p<id>``, links, people, groups."""
    path = tmp_path / "sample.db"
    shutil.copy(SAMPLE, path)
    store = open_store(path, readonly=True)
    try:
        return ExportService(store).plan_doc(1)
    finally:
        store.close()


def awkward_doc() -> PlanDoc:
    """Text ids, a link to a task not in the document, a link from a phase, one person
    allocated twice, a task under a parent that is not there, a link kind Planner lacks."""
    doc = PlanDoc("店", D(2026, 8, 1))
    doc.resources = [ResourceDoc("ann", "Ann", "运营"), ResourceDoc("3", "Bo", "美工"),
                     ResourceDoc("", "Cy", "运营")]
    doc.tasks = [TaskDoc("p1", "准备", D(2026, 8, 1), D(2026, 8, 9), summary=True),
                 TaskDoc("3", "a", D(2026, 8, 1), D(2026, 8, 3), parent="p1", depth=1,
                         resources=["ann", "ann", "3"]),
                 TaskDoc("b", "b", D(2026, 8, 4), D(2026, 8, 4), parent="p1", depth=1,
                         milestone=True, resources=["", "nobody"]),
                 TaskDoc("p2", "上线", D(2026, 9, 1), D(2026, 9, 1), summary=True),
                 TaskDoc("x", "x", D(2026, 9, 1), D(2026, 9, 1), parent="gone",
                         resources=["3"])]
    doc.links = [LinkDoc("3", "b", "SS", 1), LinkDoc("p1", "p2"), LinkDoc("gone", "3"),
                 LinkDoc("3", "3"), LinkDoc("x", "b"), LinkDoc("b", "p2", "XX")]
    return doc


def test_the_checker_finds_what_crashed_planner():
    problems = planner_problems(OLD_FILE)
    assert "task id 'p1' is not a whole number from 1" in problems
    assert "resource id 'u7' is not a whole number from 1" in problems
    assert "group 1 has no admin-name" in problems
    assert "task 5 does not must-start-on its start" in problems
    assert "the project has no calendar of the file" in problems


def test_the_exported_sample_plan_is_what_planner_needs(sample_doc):
    assert any(not t.uid.isdigit() for t in sample_doc.tasks)  # (OpsDesk's phases: p<id>)
    assert any(r.group for r in sample_doc.resources) and sample_doc.links
    assert planner_problems(write_planner(sample_doc)) == []


def test_awkward_documents_are_what_planner_needs_too():
    data = write_planner(awkward_doc())
    assert planner_problems(data) == []
    root = ET.fromstring(data)
    ids = {t.get("name"): t.get("id") for t in root.iter("task")}
    assert ids["a"] == "3"  # a whole-number id is kept; the others are numbered after it
    assert sorted(int(ids[n]) for n in ("准备", "b", "上线")) == [4, 5, 6]
    links = [(t.get("id"), p.get("predecessor-id"), p.get("type"), p.get("lag"))
             for t in root.iter("task") for p in t.iterfind("predecessors/predecessor")]
    assert "x" not in ids  # (not in the outline: nothing refers to it)
    assert links == [(ids["b"], "3", "SS", "86400"),
                     (ids["上线"], ids["准备"], "FS", "0"), (ids["上线"], ids["b"], "FS", "0")]
    res = {r.get("name"): r.get("id") for r in root.iterfind("resources/resource")}
    allocations = [(a.get("task-id"), a.get("resource-id"))
                   for a in root.iterfind("allocations/allocation")]
    assert allocations == [("3", res["Ann"]), ("3", res["Bo"]), (ids["b"], res["Cy"])]
    milestone = next(t for t in root.iter("task") if t.get("name") == "b")
    assert milestone.get("type") == "milestone" and milestone.get("work") == "0"


def _dfs(doc: PlanDoc) -> list[tuple[TaskDoc, int]]:
    """The tasks in outline order (as the file holds them), each with its depth."""
    children, out = doc.children(), []

    def visit(parent: str | None, depth: int) -> None:
        for t in children.get(parent, []):
            out.append((t, depth))
            visit(t.uid, depth + 1)

    visit(None, 0)
    return out


def test_opsdesk_reads_the_sample_back_as_it_was(sample_doc):
    """Every task with its place in the outline, dates, milestone, progress and notes, every
    link, person and allocation, and the plan's start (the launch day the import uses)."""
    back = parse_planner(write_planner(sample_doc), "sample.planner")
    ours = _dfs(sample_doc)
    assert len(back.tasks) == len(ours) == len(sample_doc.tasks)
    uid = {o.uid: b.uid for (o, _), b in zip(ours, back.tasks, strict=True)}
    assert all(uid[u] == u for u in uid if u.isdigit())  # OpsDesk's task ids are kept
    for (o, depth), b in zip(ours, back.tasks, strict=True):
        assert (b.name, b.start, b.finish, b.milestone, b.percent_complete, b.notes,
                b.parent, b.summary, b.depth) == (
            o.name, o.start, o.finish, o.milestone, o.percent_complete, o.notes,
            uid[o.parent] if o.parent else None, bool(sample_doc.children().get(o.uid)),
            depth), o.name
        assert sorted(b.resources) == sorted(o.resources)
    assert sorted((uid[k.pred], uid[k.succ], k.kind, k.lag_days) for k in sample_doc.links) \
        == sorted((k.pred, k.succ, k.kind, k.lag_days) for k in back.links)
    assert [(r.uid, r.name, r.group, r.short_name) for r in back.resources] == \
        [(r.uid, r.name, r.group, r.short_name) for r in sample_doc.resources]
    assert back.start == sample_doc.start == D(2026, 9, 1) and back.name == sample_doc.name


@pytest.mark.skipif(not (shutil.which("xmllint") and PLANNER_DTD.exists()),
                    reason="GNOME Planner's DTD (planner-data) and xmllint are not installed")
def test_the_written_files_follow_planners_dtd(sample_doc, tmp_path):
    import subprocess

    for name, doc in (("sample", sample_doc), ("awkward", awkward_doc())):
        out = tmp_path / f"{name}.planner"
        out.write_bytes(write_planner(doc))
        result = subprocess.run(["xmllint", "--noout", "--dtdvalid", str(PLANNER_DTD), str(out)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_ids_that_are_not_plain_small_numbers_are_numbered_after_the_largest():
    from opsdesk.interchange.mspdi import _numeric_uids

    ids = _numeric_uids(["3", "²", "p1", "99999999999", "3", "7"])
    assert ids["3"] == 3 and ids["7"] == 7
    assert sorted(ids[k] for k in ("²", "p1", "99999999999")) == [8, 9, 10]
