"""Interchange: Planner and MS Project XML in, MSPDI/CSV/XLSX/ICS out, tasks from sheets."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from opsdesk.errors import PermissionDenied, ValidationError
from opsdesk.interchange.mspdi import parse_mspdi, write_mspdi
from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, TaskDoc
from opsdesk.interchange.planner import parse_planner, write_planner
from opsdesk.services import Actor, Services
from opsdesk.services.exports import ExportService
from opsdesk.services.imports import ImportService
from opsdesk.services.tables import read_table
from opsdesk.services.task_import import TaskImportService, TaskMapping
from opsdesk.store import open_store
from opsdesk.templates import load_template

D = dt.date


def sample_doc() -> PlanDoc:
    doc = PlanDoc("茶叶店计划", D(2026, 8, 1))
    doc.resources = [ResourceDoc("1", "张三", "运营", "zhangsan"),
                     ResourceDoc("2", "Li Si", "Designer", "lisi"),
                     ResourceDoc("3", "王五", "财务", "")]
    doc.tasks = [
        TaskDoc("1", "准备", D(2026, 8, 1), D(2026, 8, 31), summary=True),
        TaskDoc("2", "组建团队", D(2026, 8, 1), D(2026, 8, 10), parent="1", depth=1, resources=["1"]),
        TaskDoc("6", "招聘美工", D(2026, 8, 1), D(2026, 8, 5), parent="2", depth=2, resources=["2"]),
        TaskDoc("3", "团队完成", D(2026, 8, 10), D(2026, 8, 10), parent="1", depth=1, milestone=True),
        TaskDoc("4", "上线", D(2026, 9, 1), D(2026, 9, 30), summary=True),
        TaskDoc("5", "开业大促", D(2026, 9, 1), D(2026, 9, 7), parent="4", depth=1,
                resources=["3"], percent_complete=100, notes="含满减"),
    ]
    doc.links = [LinkDoc("2", "3"), LinkDoc("3", "5", "SS", 2)]
    return doc


@pytest.fixture
def services(tmp_path):
    store = open_store(tmp_path / "x.db", create=True)
    services = Services(store)
    services.plans.create_from_template(Actor.system(), load_template("ecommerce-launch"),
                                        D(2026, 9, 1))
    services.people.create_user(Actor.system(), "经理", "boss", "operations", is_manager=True,
                                password="boss-pw")
    services.people.create_user(Actor.system(), "客服", "cs", "customer_service")
    yield services
    store.close()


@pytest.mark.parametrize("write, parse", [(write_planner, parse_planner), (write_mspdi, parse_mspdi)])
def test_round_trip_keeps_outline_dates_links_and_resources(write, parse):
    doc = parse(write(sample_doc()))
    tasks = {t.uid: t for t in doc.tasks}
    assert tasks["6"].parent == "2" and tasks["2"].parent == "1" and tasks["1"].summary
    assert tasks["3"].milestone and tasks["3"].start == tasks["3"].finish == D(2026, 8, 10)
    assert (tasks["5"].start, tasks["5"].finish) == (D(2026, 9, 1), D(2026, 9, 7))
    assert tasks["5"].percent_complete == 100 and tasks["2"].resources == ["1"]
    assert doc.links == [LinkDoc("2", "3"), LinkDoc("3", "5", "SS", 2)]
    assert [(r.name, r.group) for r in doc.resources][:2] == [("张三", "运营"), ("Li Si", "Designer")]


def test_import_plan_makes_phases_tasks_links_and_people(services):
    imports = ImportService(services.store)
    doc = parse_planner(write_planner(sample_doc()))
    preview = imports.preview_plan(doc)
    assert preview.phases == ["准备", "上线"] and preview.tasks == 4 and preview.milestones == 1
    assert preview.groups_unmatched == ["财务"] and preview.people_new == ["张三", "Li Si", "王五"]
    boss = services.people.authenticate("boss", "boss-pw")
    changes = imports.import_plan(boss, doc, file="plan.planner")
    plan_id = changes.plan_id
    assert [p.name_zh for p in services.plans.phases(plan_id)] == ["准备", "上线"]
    rows = {t.title: t for t in services.tasks.list(plan_id)}
    assert set(rows) == {"组建团队", "招聘美工", "团队完成", "开业大促"}
    assert rows["招聘美工"].parent_id == rows["组建团队"].id
    assert rows["团队完成"].is_milestone and rows["开业大促"].status == "done"
    # done in the file: done by the importer, at the import (one rule: done_fields)
    assert rows["开业大促"].done_by == boss.user_id and rows["开业大促"].done_at is not None
    people = {u.name: u for u in services.people.users()}
    roles = {r.key: r.id for r in services.people.roles()}
    assert people["张三"].role_id == roles["operations"] and people["Li Si"].role_id == roles["designer"]
    assert people["王五"].role_id == roles["operations"]  # the default for an unknown group
    assert rows["组建团队"].assignee_id == people["张三"].id
    assert rows["组建团队"].role_id == roles["operations"]
    links = services.tasks.links(plan_id)
    assert (rows["团队完成"].id, rows["开业大促"].id, "SS", 2) in links
    log = services.audit.recent(plan_id)
    assert [(c.action, c.user_name) for c in log] == [("import", "经理")]


def test_staff_may_not_import_a_plan_and_nothing_is_written(services):
    cs = services.people.authenticate("cs")
    before = len(services.plans.list())
    with pytest.raises(PermissionDenied):
        ImportService(services.store).import_plan(cs, sample_doc())
    assert len(services.plans.list()) == before


@pytest.mark.parametrize("payload, message", [
    (b"<?xml version='1.0'?><!DOCTYPE project [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
     b"<project name='&b;'/>", "refused for safety (entities or a DTD)"),
    (b"<?xml version='1.0'?><!DOCTYPE project [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
     b"<project name='&x;'/>", "refused for safety (entities or a DTD)"),
    (b"<project><tasks><task id='1' name='x' start='not-a-date'/></tasks></project>",
     "task 1 “x”: the start “not-a-date” is not a date"),
    (b"this is not xml", "the XML is broken at line 1, column 1"),
    (b"<html/>", "not <project>"),
])
def test_bad_or_hostile_planner_files_are_refused(payload, message):
    with pytest.raises(ValidationError) as info:
        parse_planner(payload, "bad.planner")
    assert message in info.value.message and "bad.planner" in info.value.message


def test_mspdi_export_opens_again_with_the_plans_structure(services, tmp_path):
    plan_id = services.plans.list()[0].id
    staff = next(u for u in services.people.users() if not u.is_manager)
    first = services.tasks.list(plan_id)[0]
    services.tasks.update(services.people.authenticate("boss", "boss-pw"), first.id, assignee_id=staff.id)
    out = tmp_path / "plan.xml"
    ExportService(services.store).mspdi(plan_id, out)
    doc = parse_mspdi(out.read_bytes())
    phases = [t for t in doc.tasks if t.parent is None]
    assert [t.name for t in phases] == ["准备孕育期", "开张期(试运营)", "培育成长期"]
    milestones = sum(t.is_milestone for t in services.tasks.list(plan_id))
    assert milestones > 5 and sum(t.milestone for t in doc.tasks) == milestones
    assert len(doc.links) == len(services.tasks.links(plan_id))
    # people keep their role: the resource's group is the role's name
    roles = {r.id: r.name_zh for r in services.people.roles()}
    users = {u.name: roles[u.role_id] for u in services.people.users()}
    assert doc.resources and all(r.group == users[r.name] for r in doc.resources)


def test_csv_has_bom_and_neutralises_formulas(services, tmp_path):
    plan_id = services.plans.list()[0].id
    boss = services.people.authenticate("boss", "boss-pw")
    first = services.tasks.list(plan_id)[0]
    services.tasks.update(boss, first.id, title="=HYPERLINK(\"http://x\")")
    out = tmp_path / "t.csv"
    ExportService(services.store).tasks_csv(plan_id, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["编号", "任务", "阶段"]
    assert any(r[1] == "'=HYPERLINK(\"http://x\")" for r in rows[1:])
    gbk = tmp_path / "gbk.csv"
    ExportService(services.store).tasks_csv(plan_id, gbk, encoding="gbk", lang="en")
    assert gbk.read_bytes().decode("gbk").splitlines()[0].startswith("ID,Task,Phase")


def test_xlsx_has_typed_dates_frozen_header_and_filter(services, tmp_path):
    from openpyxl import load_workbook

    plan_id = services.plans.list()[0].id
    out = tmp_path / "t.xlsx"
    ExportService(services.store).tasks_xlsx(plan_id, out, per_phase=True)
    wb = load_workbook(out)
    assert wb.sheetnames == ["准备孕育期", "开张期(试运营)", "培育成长期"]
    ws = wb["准备孕育期"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:N")
    assert isinstance(ws["G2"].value, dt.datetime)


def test_task_sheet_round_trip_updates_instead_of_duplicating(services, tmp_path):
    plan_id = services.plans.list()[0].id
    out = tmp_path / "t.csv"
    ex, importer = ExportService(services.store), TaskImportService(services.store)
    ex.tasks_csv(plan_id, out)
    table = read_table(out)
    prepared = importer.prepare(plan_id, table, TaskMapping.guess(table.headers))
    count = len(services.tasks.list(plan_id))
    assert (len(prepared.creates), len(prepared.updates), prepared.unchanged) == (0, 0, count)
    text = out.read_text(encoding="utf-8-sig").replace("组建运营团队", "组建运营团队(扩编)")
    text += "\n,新任务:直播带货,开张期(试运营),推广,客服,2026-09-05,2026-09-09,待办,高,,,,,\n"
    out.write_text(text, encoding="utf-8-sig")
    table = read_table(out)
    prepared = importer.prepare(plan_id, table, TaskMapping.guess(table.headers))
    assert (len(prepared.creates), len(prepared.updates)) == (1, 1)
    assert prepared.unmatched == {}
    boss = services.people.authenticate("boss", "boss-pw")
    importer.apply(boss, plan_id, prepared)
    titles = [t.title for t in services.tasks.list(plan_id)]
    assert "组建运营团队(扩编)" in titles and "新任务:直播带货" in titles and len(titles) == count + 1
    new = next(t for t in services.tasks.list(plan_id) if t.title == "新任务:直播带货")
    assert new.due == D(2026, 9, 9) and new.priority == "high"
    again = importer.prepare(plan_id, read_table(out), TaskMapping.guess(table.headers))
    assert len(again.updates) == 0  # the re-import found its own earlier update


def test_task_sheet_problems_are_listed_and_nothing_is_written(services, tmp_path):
    plan_id = services.plans.list()[0].id
    out = tmp_path / "bad.csv"
    out.write_text("任务,截止,岗位,状态\n好任务,2026-09-01,美工,待办\n坏日期,2026-02-30,客服,待办\n"
                   "坏状态,2026-09-02,财务,完成了\n", encoding="gbk")
    table = read_table(out)
    importer = TaskImportService(services.store)
    prepared = importer.prepare(plan_id, table, TaskMapping.guess(table.headers))
    assert len(prepared.problems) == 2
    assert prepared.problems[0].message == "bad.csv, line 3, column 截止: “2026-02-30” is not a date."
    assert "line 4, column 状态: “完成了” is not a status" in prepared.problems[1].message
    assert prepared.unmatched == {"role": {"财务"}}
    before = len(services.tasks.list(plan_id))
    with pytest.raises(ValidationError):
        importer.apply(services.people.authenticate("boss", "boss-pw"), plan_id, prepared)
    assert len(services.tasks.list(plan_id)) == before


def test_ics_has_stable_uids_and_all_day_events(services, tmp_path):
    from icalendar import Calendar

    plan_id = services.plans.list()[0].id
    ex = ExportService(services.store)
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    milestones = sum(t.is_milestone for t in services.tasks.list(plan_id))
    assert ex.ics(plan_id, a, milestones_only=True) == milestones > 5
    ex.ics(plan_id, b, milestones_only=True)
    uids = [str(e["uid"]) for e in Calendar.from_ical(a.read_bytes()).walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in Calendar.from_ical(b.read_bytes()).walk("VEVENT")]
    assert len(set(uids)) == milestones
    event = Calendar.from_ical(a.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)
    cs = services.people.authenticate("cs")
    # a person's calendar holds the unassigned tasks of their role, as My work does (#15)
    assert ex.ics(plan_id, tmp_path / "cs.ics", assignee_id=cs.user_id) == \
        ex.ics(plan_id, tmp_path / "role.ics", role_id=next(iter(cs.role_ids))) > 0
    services.people.create_role(Actor.system(), "finance", "财务", "Finance")
    services.people.create_user(Actor.system(), "会计", "kuaiji", "finance")
    kuaiji = services.people.authenticate("kuaiji")
    with pytest.raises(ValidationError, match="no tasks"):  # a person with no tasks:
        ex.ics(plan_id, tmp_path / "none.ics", assignee_id=kuaiji.user_id)  # said, nothing written
    assert not (tmp_path / "none.ics").exists()


PLANNER_DTD = "/usr/share/planner/dtd/mrproject-0.6.dtd"
MSP2PLANNER = "/usr/share/planner/stylesheets/msp2planner.xsl"


def _tool(name: str):
    import shutil

    return shutil.which(name)


@pytest.mark.skipif(not (_tool("xmllint") and __import__("os").path.exists(PLANNER_DTD)),
                    reason="GNOME Planner's DTD (planner-data) and xmllint are not installed")
def test_planner_files_we_write_follow_planners_dtd(tmp_path):
    import subprocess

    out = tmp_path / "plan.planner"
    out.write_bytes(write_planner(sample_doc()))
    result = subprocess.run(["xmllint", "--noout", "--dtdvalid", PLANNER_DTD, str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not (_tool("xsltproc") and __import__("os").path.exists(MSP2PLANNER)),
                    reason="GNOME Planner's MS Project stylesheet (planner-data) and xsltproc are missing")
def test_our_mspdi_reads_in_gnome_planners_own_converter(services, tmp_path):
    """GNOME Planner imports MS Project XML with msp2planner.xsl: run it on our export and read
    the result back — the same tasks, dates and links."""
    import subprocess

    plan_id = services.plans.list()[0].id
    xml = tmp_path / "plan.xml"
    ExportService(services.store).mspdi(plan_id, xml)
    converted = subprocess.run(["xsltproc", MSP2PLANNER, str(xml)], capture_output=True, check=True).stdout
    doc = parse_planner(converted, "converted.planner")
    ours = {t.title: t for t in services.tasks.list(plan_id)}
    theirs = {t.name: t for t in doc.tasks if t.name in ours}
    assert set(theirs) == set(ours)
    for title, task in ours.items():
        assert theirs[title].finish == task.due, title
        assert theirs[title].milestone == task.is_milestone
    assert len(doc.links) == len(services.tasks.links(plan_id))


def test_mspdi_export_is_valid_ms_project_xml(services, tmp_path):
    """Integer UIDs (phases numbered after the tasks), the project summary task UID 0, a 7-day
    calendar and "must start on" constraints so MS Project keeps the dates, resource groups."""
    import xml.etree.ElementTree as ET

    from opsdesk.interchange.mspdi import NS

    q = lambda tag: f"{{{NS}}}{tag}"  # noqa: E731
    plan_id = services.plans.list()[0].id
    out = tmp_path / "plan.xml"
    ExportService(services.store).mspdi(plan_id, out)
    root = ET.fromstring(out.read_bytes())
    tasks = root.findall(f"{q('Tasks')}/{q('Task')}")
    uids = [t.findtext(q("UID")) for t in tasks]
    assert all(u.isdigit() for u in uids) and len(set(uids)) == len(uids)
    assert uids[0] == "0" and tasks[0].findtext(q("OutlineLevel")) == "0"
    ids = {t.id for t in services.tasks.list(plan_id)}
    phases = [t for t in tasks if t.findtext(q("OutlineLevel")) == "1"]
    assert len(phases) == 3 and all(int(p.findtext(q("UID"))) > max(ids) for p in phases)
    links = [pl.findtext(q("PredecessorUID")) for pl in root.iter(q("PredecessorLink"))]
    assert links and set(links) <= set(uids[1:])
    calendar = root.find(f"{q('Calendars')}/{q('Calendar')}")
    assert root.findtext(q("CalendarUID")) == calendar.findtext(q("UID"))
    days = calendar.findall(f"{q('WeekDays')}/{q('WeekDay')}")
    assert sorted(d.findtext(q("DayType")) for d in days) == list("1234567")
    assert all(d.findtext(q("DayWorking")) == "1" for d in days)
    for t in tasks[1:]:
        if t.findtext(q("Summary")) == "0":
            assert t.findtext(q("ConstraintType")) == "2"
            assert t.findtext(q("ConstraintDate")) == t.findtext(q("Start"))
    doc = write_mspdi(PlanDoc("x", D(2027, 1, 1), tasks=[
        TaskDoc("p1", "阶段", D(2027, 1, 1), D(2027, 1, 9), summary=True),
        TaskDoc("7", "任务", D(2027, 1, 1), D(2027, 1, 2), parent="p1", resources=["r"])],
        resources=[ResourceDoc("r", "张三", "运营")]))
    back = parse_mspdi(doc)
    assert [(t.uid, t.parent) for t in back.tasks] == [("8", None), ("7", "8")]
    assert [(r.uid, r.group) for r in back.resources] == [("1", "运营")] and \
        back.tasks[1].resources == ["1"]
