"""GanttProject (.gan) import: a file of our own in GanttProject's structure, and the real
public samples when a folder of them is given (OPSDESK_GAN_SAMPLES; they are not committed)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from opsdesk.errors import ValidationError
from opsdesk.interchange.gan import parse_gan, write_gan
from opsdesk.model import Role, Task, TaskLink, User
from opsdesk.services import Actor, Services
from opsdesk.services.imports import ImportService
from opsdesk.store import open_store

D = dt.date

# Modelled on GanttProject 3's HouseBuildingSample.gan: a weekend calendar with a holiday,
# custom columns, nested tasks, milestones, links of every kind with lags, roles, allocations.
GAN = b"""<?xml version="1.0" encoding="UTF-8"?>
<project name="Tea shop" company="" webLink="" view-date="2026-08-01" version="3.0.3000" locale="en">
    <description/>
    <calendars>
        <day-types>
            <day-type id="0"/>
            <day-type id="1"/>
            <default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/>
            <only-show-weekends value="false"/>
            <overriden-day-types/>
            <days/>
        </day-types>
        <date year="2026" month="8" date="12" type="HOLIDAY"/>
    </calendars>
    <tasks empty-milestones="true">
        <taskproperties>
            <taskproperty id="tpd3" name="name" type="default" valuetype="text"/>
            <taskproperty id="tpc0" name="Budget" type="custom" valuetype="text" defaultvalue=""/>
            <taskproperty id="tpc1" name="Is done" type="custom" valuetype="boolean" defaultvalue="false"/>
        </taskproperties>
        <task id="0" name="Preparation" color="#99ccff" meeting="false" start="2026-08-03" duration="10" complete="40" expand="true">
            <task id="1" name="Choose products" meeting="false" start="2026-08-03" duration="5" complete="100" priority="2" expand="true">
                <customproperty taskproperty-id="tpc0" value="5000 CNY"/>
                <customproperty taskproperty-id="tpc1" value="true"/>
                <depend id="2" type="2" difference="0" hardness="Strong"/>
                <depend id="3" type="1" difference="2" hardness="Rubber"/>
            </task>
            <task id="2" name="Photograph products" meeting="false" start="2026-08-10" duration="3" complete="50" priority="4" expand="true">
                <notes>
                    <![CDATA[White background, 800x800]]>
                </notes>
                <depend id="4" type="3" difference="1" hardness="Strong"/>
                <task id="5" name="Book the studio" meeting="false" start="2026-08-10" duration="1" complete="0" priority="0" expand="true">
                    <depend id="6" type="4" difference="0" hardness="Strong"/>
                </task>
            </task>
            <task id="3" name="Write descriptions" meeting="false" start="2026-08-05" duration="2" complete="0" expand="true"/>
            <task id="6" name="Studio confirmed" meeting="false" start="2026-08-11" duration="1" complete="0" priority="3" expand="true"/>
            <task id="4" name="Shop ready" meeting="true" start="2026-08-14" duration="0" complete="0" expand="true"/>
        </task>
        <task id="7" name="Launch" meeting="false" start="2026-09-01" duration="5" complete="0" expand="true">
            <depend id="8" type="2" difference="0" hardness="Strong"/>
            <task id="8" name="Opening sale" meeting="false" start="2026-09-01" duration="5" complete="0" expand="true"/>
        </task>
    </tasks>
    <resources>
        <resource id="0" name="Zhang Min" function="1" contacts="zm@example.com" phone=""/>
        <resource id="1" name="Li Hua" function="Default:1" contacts="" phone=""/>
        <resource id="2" name="" function="0" contacts="" phone=""/>
        <resource id="3" name="Wang Fang" function="0" contacts="" phone=""/>
    </resources>
    <allocations>
        <allocation task-id="1" resource-id="3" function="0" responsible="false" load="50.0"/>
        <allocation task-id="1" resource-id="1" function="Default:1" responsible="true" load="100.0"/>
        <allocation task-id="3" resource-id="0" function="1" responsible="true" load="100.0"/>
        <allocation task-id="6" resource-id="2" function="0" responsible="true" load="100.0"/>
    </allocations>
    <vacations/>
    <previous/>
    <roles roleset-name="Default"/>
    <roles>
        <role id="0" name="Photographer"/>
        <role id="1" name="Customer service"/>
    </roles>
</project>
"""


def test_reads_tasks_nesting_dates_and_progress():
    doc = parse_gan(GAN, "shop.gan")
    t = {x.uid: x for x in doc.tasks}
    assert doc.name == "Tea shop" and doc.start == D(2026, 8, 3)
    assert [x.uid for x in doc.tasks] == ["0", "1", "2", "5", "3", "6", "4", "7", "8"]
    assert (t["0"].parent, t["1"].parent, t["5"].parent, t["8"].parent) == (None, "0", "2", "7")
    assert t["0"].summary and t["2"].summary and not t["1"].summary
    assert (t["5"].depth, t["2"].depth, t["0"].depth) == (2, 1, 0)
    # durations are working days: the weekend of 8–9 August is skipped…
    assert (t["1"].start, t["1"].finish) == (D(2026, 8, 3), D(2026, 8, 7))
    # …and so is the holiday on 12 August (10, 11, 13)
    assert (t["2"].start, t["2"].finish) == (D(2026, 8, 10), D(2026, 8, 13))
    assert t["4"].milestone and t["4"].start == t["4"].finish == D(2026, 8, 14)
    assert (t["1"].percent_complete, t["2"].percent_complete) == (100, 50)
    assert (t["1"].priority, t["2"].priority, t["5"].priority, t["6"].priority,
            t["3"].priority) == ("high", "urgent", "low", "low", None)


def test_links_keep_their_kind_and_lag():
    links = {(k.pred, k.succ): (k.kind, k.lag_days) for k in parse_gan(GAN, "shop.gan").links}
    # <depend> sits in the predecessor; 1 SS, 2 FS, 3 FF, 4 SF
    assert links == {("1", "2"): ("FS", 0), ("1", "3"): ("SS", 2), ("2", "4"): ("FF", 1),
                     ("5", "6"): ("SF", 0), ("7", "8"): ("FS", 0)}


def test_notes_and_custom_columns():
    t = {x.uid: x for x in parse_gan(GAN, "shop.gan").tasks}
    assert t["2"].notes == "White background, 800x800"
    assert t["1"].notes == "Budget: 5000 CNY\nIs done: true"


def test_resources_roles_and_allocations():
    doc = parse_gan(GAN, "shop.gan")
    people = {r.uid: (r.name, r.group) for r in doc.resources}
    # the nameless resource is nobody, and its allocation goes with it
    assert people == {"0": ("Zhang Min", "Customer service"), "1": ("Li Hua", "Project manager"),
                      "3": ("Wang Fang", "Photographer")}
    t = {x.uid: x for x in doc.tasks}
    assert t["1"].resources == ["1", "3"]  # the responsible one first
    assert t["6"].resources == []
    assert {r.name_en for r in doc.roles} == {"Customer service", "Project manager",
                                              "Photographer"}


def test_import_into_a_plan(tmp_path):
    store = open_store(tmp_path / "new.db", create=True)
    try:
        imports = ImportService(store)
        doc = parse_gan(GAN, "shop.gan")
        preview = imports.preview_plan(doc, "shop.gan")
        assert preview.phases == ["Preparation", "Launch"]
        assert preview.links == 4  # the link from the phase "Launch" is left out, and said
        assert len(preview.links_dropped) == 1 and "Launch" in preview.links_dropped[0].message
        assert sorted(preview.people_new) == ["Li Hua", "Wang Fang", "Zhang Min"]
        changes = imports.import_plan(Actor.system(), doc, file="shop.gan")
        with store.read() as s:
            tasks = {t.title: t for t in s.scalars(select(Task).where(
                Task.plan_id == changes.plan_id))}
            links = s.execute(select(TaskLink.kind, TaskLink.lag_days)).all()
            people = {u.name: u for u in s.scalars(select(User))}
            roles = {r.id: r.name_en for r in s.scalars(select(Role))}
        assert len(tasks) == 7 and sorted(links) == [("FF", 1), ("FS", 0), ("SF", 0), ("SS", 2)]
        assert tasks["Choose products"].status == "done"
        assert tasks["Choose products"].priority == "high"
        assert tasks["Photograph products"].status == "doing"
        assert tasks["Book the studio"].parent_id == tasks["Photograph products"].id
        assert tasks["Shop ready"].is_milestone
        assert tasks["Choose products"].assignee_id == people["Li Hua"].id
        assert roles[people["Zhang Min"].role_id] == "Customer service"
        assert people["Li Hua"].login == "li.hua"
    finally:
        store.close()


def test_broken_files_are_refused_with_a_message():
    with pytest.raises(ValidationError, match="2026-13-01"):
        parse_gan(b"<project><tasks><task id='1' name='x' start='2026-13-01' duration='1'/>"
                  b"</tasks></project>", "bad.gan")
    with pytest.raises(ValidationError, match="duration"):
        parse_gan(b"<project><tasks><task id='1' name='x' start='2026-08-01' duration='abc'/>"
                  b"</tasks></project>", "bad.gan")
    with pytest.raises(ValidationError, match="GanttProject"):
        parse_gan(b"<plan/>", "bad.gan")


def test_the_cli_imports_a_gan_file(tmp_path):
    from tests.integration.test_cli import opsdesk

    f = tmp_path / "shop.gan"
    f.write_bytes(GAN)
    db = tmp_path / "fresh.db"
    r = opsdesk("--db", str(db), "import", str(f), env={"OPSDESK_PASSWORD": "first-pw1"},
                tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "left out:" in r.stdout and db.exists()
    listed = opsdesk("--db", str(db), "tasks", "list", tmp=tmp_path)
    assert "Opening sale" in listed.stdout


def test_write_gan_reads_back(tmp_path):
    doc = parse_gan(GAN, "shop.gan")
    again = parse_gan(write_gan(doc), "again.gan")
    assert [(t.uid, t.parent, t.start, t.finish, t.milestone) for t in again.tasks] == \
        [(t.uid, t.parent, t.start, t.finish, t.milestone) for t in doc.tasks]
    assert {(k.pred, k.succ, k.kind, k.lag_days) for k in again.links} == \
        {(k.pred, k.succ, k.kind, k.lag_days) for k in doc.links}


SAMPLES = os.environ.get("OPSDESK_GAN_SAMPLES")


@pytest.mark.skipif(not SAMPLES, reason="OPSDESK_GAN_SAMPLES names no folder of GanttProject's "
                    "public sample files (they are not committed)")
def test_ganttproject_public_samples(tmp_path):
    files = sorted(Path(SAMPLES or ".").glob("*.gan"))
    assert files, f"no .gan file in {SAMPLES}"
    for n, f in enumerate(files):
        doc = parse_gan(f.read_bytes(), f.name)
        assert doc.tasks and all(t.start for t in doc.tasks)
        store = open_store(tmp_path / f"s{n}.db", create=True)
        try:
            changes = ImportService(store).import_plan(Actor.system(), doc, file=f.name)
            assert Services(store).tasks.list(changes.plan_id)
        finally:
            store.close()
