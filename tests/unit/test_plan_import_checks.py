"""Broken plan files (.planner, MS Project XML) are refused or reported, naming the task,
before the preview; nothing is written for a refused file."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import ValidationError
from opsdesk.interchange import plan_doc
from opsdesk.interchange.mspdi import KIND as MSPDI_KIND
from opsdesk.interchange.mspdi import parse_mspdi
from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, TaskDoc
from opsdesk.interchange.planner import KIND as PLANNER_KIND
from opsdesk.interchange.planner import parse_planner
from opsdesk.services.imports import ImportService
from tests.unit.test_interchange import services  # noqa: F401 - the fixture

D = dt.date
HEAD = '<?xml version="1.0"?>\n<project name="测试计划" project-start="20270101T000000Z">\n<tasks>\n'
TAIL = "</tasks>\n</project>\n"


def planner(tmp_path, body: str, name: str = "p.planner"):
    """``body`` (task elements) in a .planner file on disk → (its bytes, its name)."""
    path = tmp_path / name
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return path.read_bytes(), path.name


def task(uid, name, start="20270101T000000Z", end="20270105T170000Z", preds=(), extra=""):
    links = "".join(f'<predecessor id="{n}" predecessor-id="{p}" type="FS"/>'
                    for n, p in enumerate(preds, 1))
    id_attr = f' id="{uid}"' if uid is not None else ""
    return (f'<task{id_attr} name="{name}" start="{start}" end="{end}" type="normal"{extra}>'
            + (f"<predecessors>{links}</predecessors>" if links else "") + "</task>\n")


def refused(parse, data, file) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse(data, file)
    return info.value


def test_a_cycle_of_links_is_refused_naming_its_tasks(tmp_path):
    data, file = planner(tmp_path, task("1", "准备") + task("2", "任务A", preds=["3"])
                         + task("3", "任务B", preds=["4"]) + task("4", "里程碑M", preds=["3"]))
    err = refused(parse_planner, data, file)
    assert err.template == plan_doc.LINK_CYCLE
    assert "cycle" in err.message and "3 “任务B”" in err.message and "4 “里程碑M”" in err.message
    assert "任务A" not in err.message  # it depends on the cycle but is not in it


def test_the_import_itself_refuses_a_cycle_and_writes_nothing(services):  # noqa: F811
    doc = PlanDoc("x", D(2027, 1, 1), tasks=[TaskDoc("1", "A", D(2027, 1, 1), D(2027, 1, 2)),
                                             TaskDoc("2", "B", D(2027, 1, 3), D(2027, 1, 4))],
                  links=[LinkDoc("1", "2"), LinkDoc("2", "1")])
    boss = services.people.authenticate("boss", "boss-pw")
    before = len(services.plans.list())
    with pytest.raises(ValidationError, match="cycle"):
        ImportService(services.store).import_plan(boss, doc, file="x.planner")
    assert len(services.plans.list()) == before


def test_end_before_start_is_a_warning_in_the_preview_naming_the_task(services, tmp_path):  # noqa: F811
    data, file = planner(tmp_path, task("1", "准备") + task(
        "3", "任务B", start="20270106T000000Z", end="20261201T170000Z"))
    doc = parse_planner(data, file)
    preview = ImportService(services.store).preview_plan(doc, file)
    [warning] = preview.warnings
    assert warning.template == plan_doc.END_BEFORE_START
    assert "p.planner, task 3 “任务B”" in warning.message and "2026-12-01" in warning.message
    boss = services.people.authenticate("boss", "boss-pw")
    plan_id = ImportService(services.store).import_plan(boss, doc, file=file).plan_id
    [row] = [t for t in services.tasks.list(plan_id) if t.title == "任务B"]
    assert row.start == row.due == D(2027, 1, 6)


def test_links_to_missing_tasks_are_reported_and_not_counted(services, tmp_path):  # noqa: F811
    data, file = planner(tmp_path, task("1", "准备") + task("2", "任务A")
                         + task("3", "任务B", preds=["77", "2"]) + task("4", "自己", preds=["4"]))
    doc = parse_planner(data, file)
    preview = ImportService(services.store).preview_plan(doc, file)
    assert preview.links == 1 and doc.links == [LinkDoc("2", "3")]
    messages = [w.message for w in preview.warnings]
    assert any("task 3 “任务B”" in m and "77" in m for m in messages)
    assert any("task 4 “自己”" in m and "itself" in m for m in messages)


def test_a_task_without_an_id_is_refused_naming_it(tmp_path):
    data, file = planner(tmp_path, task(None, "无ID") + task("9", "B"))
    err = refused(parse_planner, data, file)
    assert err.template == plan_doc.NO_TASK_ID and "“无ID”" in err.message


def test_nested_task_without_an_id_is_refused_not_lost(tmp_path):
    data, file = planner(tmp_path, '<task id="1" name="父" start="20270101T000000Z" '
                         'end="20270105T170000Z"><task name="子" start="20270101T000000Z"/></task>')
    err = refused(parse_planner, data, file)
    assert "task number 2" in err.message and "“子”" in err.message


def test_two_tasks_with_one_id_are_refused_naming_both(tmp_path):
    data, file = planner(tmp_path, task("1", "准备") + task("2", "任务A")
                         + task("2", "任务B", preds=["2"]))
    err = refused(parse_planner, data, file)
    assert err.template == plan_doc.DUPLICATE_TASK_ID
    assert "id 2" in err.message and "“任务A”" in err.message and "“任务B”" in err.message


@pytest.mark.parametrize("attrs, expected", [
    ('start="2027-01-06" end="20270110T170000Z"', "task 3 “任务B”: the start “2027-01-06” is not a date"),
    ('start="20271399T000000Z" end="20270110T170000Z"', "the start “20271399T000000Z” is not a date"),
    ('start="20270106T000000Z" end="soon"', "task 3 “任务B”: the finish “soon” is not a date"),
    ('start="20270106T000000Z" percent-complete="half"', "the percent complete “half” is not a number"),
    ('start="20270106T000000Z" percent-complete="150"', "the percent complete “150” is not a number"),
])
def test_bad_values_are_named_by_task_and_value(tmp_path, attrs, expected):
    data, file = planner(tmp_path, f'<task id="3" name="任务B" {attrs}/>')
    err = refused(parse_planner, data, file)
    assert expected in err.message and err.message.startswith("p.planner")
    assert "does not match format" not in err.message and "invalid literal" not in err.message


def test_a_fractional_percent_is_read(tmp_path):
    data, file = planner(tmp_path, task("2", "任务A", extra=' percent-complete="50.5"'))
    assert parse_planner(data, file).tasks[0].percent_complete == 50


def test_a_bad_lag_names_the_task_and_link(tmp_path):
    data, file = planner(tmp_path, task("2", "A") + '<task id="3" name="B"><predecessors>'
                         '<predecessor id="1" predecessor-id="2" lag="1d"/></predecessors></task>')
    err = refused(parse_planner, data, file)
    assert "task 3 “B”" in err.message and "“1d”" in err.message and "task 2" in err.message


def test_xml_errors_are_sentences_with_line_and_column(tmp_path):
    path = tmp_path / "cut.planner"
    path.write_bytes(b'<?xml version="1.0"?>\n<project>\n<tasks>\n<task id="1" na')
    err = refused(parse_planner, path.read_bytes(), path.name)
    assert err.template == plan_doc.XML_BROKEN and err.params["line"] == 4
    assert "cut.planner cannot be read as a GNOME Planner file: the XML is broken at line 4" \
        in err.message
    err = refused(parse_planner, b"", "empty.planner")
    assert err.template == plan_doc.XML_EMPTY


def test_unsafe_xml_is_refused_in_a_translatable_sentence(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM '
                     b'"file:///etc/passwd">]>\n<Project xmlns="http://schemas.microsoft.com/project">'
                     b"<Name>&x;</Name></Project>")
    err = refused(parse_mspdi, path.read_bytes(), path.name)
    assert err.template == plan_doc.XML_UNSAFE and err.params["kind"] == MSPDI_KIND
    assert "refused for safety (entities or a DTD)" in err.message
    assert "DTDForbidden" not in err.message and "root" not in err.message


def test_the_kinds_are_marked_for_translation():
    import inspect

    from opsdesk.interchange import mspdi, planner

    for module, kind in ((planner, PLANNER_KIND), (mspdi, MSPDI_KIND)):
        assert f'KIND = QT_TRANSLATE_NOOP("Errors", "{kind}")' in inspect.getsource(module)


MSPDI_HEAD = ('<Project xmlns="http://schemas.microsoft.com/project"><Name>M</Name><Tasks>'
              "<Task><UID>0</UID><Name>M</Name><OutlineLevel>0</OutlineLevel></Task>"
              "<Task><UID>1</UID><Name>阶段一</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>"
              "<Start>2027-01-01T08:00:00</Start><Finish>2027-01-31T17:00:00</Finish></Task>")


def mspdi(tmp_path, body: str):
    path = tmp_path / "m.xml"
    path.write_text(MSPDI_HEAD + body + "</Tasks></Project>", encoding="utf-8")
    return path.read_bytes(), path.name


def mtask(uid, name, start="2027-01-06T08:00:00", finish="2027-01-08T17:00:00", preds=()):
    links = "".join(f"<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type>"
                    "</PredecessorLink>" for p in preds)
    uid_el = f"<UID>{uid}</UID>" if uid is not None else ""
    return (f"<Task>{uid_el}<Name>{name}</Name><OutlineLevel>2</OutlineLevel><Start>{start}</Start>"
            f"<Finish>{finish}</Finish>{links}</Task>")


def test_mspdi_without_uid_cycle_and_bad_date_are_refused(tmp_path):
    err = refused(parse_mspdi, *mspdi(tmp_path, mtask("2", "A") + mtask(None, "NoUID")))
    assert err.template == plan_doc.NO_TASK_ID and "“NoUID”" in err.message
    err = refused(parse_mspdi, *mspdi(tmp_path, mtask("2", "A", preds=["3"])
                                      + mtask("3", "B", preds=["2"])))
    assert err.template == plan_doc.LINK_CYCLE and "2 “A”" in err.message and "3 “B”" in err.message
    err = refused(parse_mspdi, *mspdi(tmp_path, mtask("2", "A", start="Monday")))
    assert "m.xml, task 2 “A”: the start “Monday” is not a date" in err.message


def test_mspdi_dates_out_of_range_are_refused_before_the_preview_naming_the_task(
        services, tmp_path):  # noqa: F811
    doc = parse_mspdi(*mspdi(tmp_path, mtask("2", "A") + mtask(
        "6", "Far", start="9999-01-06T08:00:00", finish="9999-01-08T17:00:00")))
    with pytest.raises(ValidationError) as info:
        ImportService(services.store).preview_plan(doc, "m.xml")
    assert "m.xml, task 6 “Far”: the start 9999-01-06 is outside" in info.value.message


def test_mspdi_end_before_start_and_dangling_link_are_warnings(services, tmp_path):  # noqa: F811
    doc = parse_mspdi(*mspdi(tmp_path, mtask("2", "A", finish="2027-01-02T17:00:00")
                             + mtask("3", "B", preds=["2", "9"])))
    preview = ImportService(services.store).preview_plan(doc, "m.xml")
    assert preview.links == 1
    assert [w.template for w in preview.warnings] == [plan_doc.END_BEFORE_START,
                                                      plan_doc.DANGLING_LINK]
    assert "task 2 “A”" in preview.warnings[0].message
    assert "task 3 “B”" in preview.warnings[1].message and "9" in preview.warnings[1].message
