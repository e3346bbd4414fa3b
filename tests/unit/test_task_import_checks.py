"""Task import from CSV/XLSX: what a reviewer found (unmatched names, merged checks, done
times, formula protection, real line numbers, Excel serial days, several sheets, merged
headers) and the exports' calendar and done-at fixes."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from openpyxl import Workbook, load_workbook

from opsdesk.errors import ValidationError
from opsdesk.services import Services
from opsdesk.services.exports import ExportService
from opsdesk.services.tables import parse_sheet_day, read_table
from opsdesk.services.task_import import TaskImportService, TaskMapping, unprotect

D = dt.date


def _prepare(store, world, path, clock=None):
    table = read_table(path)
    importer = TaskImportService(store, clock) if clock else TaskImportService(store)
    return importer, importer.prepare(world.plan_id, table, TaskMapping.guess(table.headers))


def _csv(tmp_path, text, name="t.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _task(services, task_id):
    return services.tasks.get(task_id)


# ---- 1. a name that matches no one leaves the task's value as it was

def test_unmatched_names_leave_an_update_alone_and_are_reported_with_their_lines(
        services, world, tmp_path):
    task_id = world.tasks[next(iter(world.tasks))]
    before = _task(services, task_id)
    services.tasks.update(world.manager, task_id, assignee_id=world.users["ops"])
    before = _task(services, task_id)
    assert before.role_id is not None and before.assignee_id is not None
    path = _csv(tmp_path, f"编号,任务,负责人,岗位\n{task_id},{before.title},Nobody Here,Nonrole\n"
                          f",新任务,Nobody Here,\n")
    importer, prepared = _prepare(services.store, world, path)
    assert prepared.ok and prepared.updates == [] and prepared.unchanged == 1
    assert prepared.creates == [{"title": "新任务"}]  # empty: no role, no one
    assert prepared.unmatched == {"person": {"Nobody Here"}, "role": {"Nonrole"}}
    assert prepared.unmatched_lines == {"person": {"Nobody Here": [2, 3]},
                                        "role": {"Nonrole": [2]}}
    importer.apply(world.manager, world.plan_id, prepared)
    after = _task(services, task_id)
    assert (after.role_id, after.assignee_id) == (before.role_id, before.assignee_id)


# ---- 2. the row is checked as the task will be

def test_a_due_date_alone_before_the_tasks_start_is_a_problem_not_a_database_error(
        services, world, tmp_path):
    task_id = world.tasks[next(iter(world.tasks))]
    services.tasks.update(world.manager, task_id, start=D(2026, 8, 20), due=D(2026, 8, 26))
    path = _csv(tmp_path, f"编号,任务,截止\n{task_id},x,2026-08-10\n")
    importer, prepared = _prepare(services.store, world, path)
    assert [(p.params["line"], p.params["column"]) for p in prepared.problems] == [(2, "截止")]
    assert "2026-08-10" in prepared.problems[0].message
    assert "2026-08-20" in prepared.problems[0].message
    with pytest.raises(ValidationError):
        importer.apply(world.manager, world.plan_id, prepared)
    # a start after the task's due date: the start column is named
    path = _csv(tmp_path, f"编号,任务,开始\n{task_id},x,2026-09-01\n")
    _, prepared = _prepare(services.store, world, path)
    assert [p.params["column"] for p in prepared.problems] == ["开始"]
    # both in the file and in order: fine, even though each alone would not be
    path = _csv(tmp_path, f"编号,任务,开始,截止\n{task_id},x,2026-08-01,2026-08-10\n")
    importer, prepared = _prepare(services.store, world, path)
    assert prepared.ok and len(prepared.updates) == 1
    importer.apply(world.manager, world.plan_id, prepared)
    assert (_task(services, task_id).start, _task(services, task_id).due) == (
        D(2026, 8, 1), D(2026, 8, 10))


# ---- 3. done at / done by follow an imported status

def test_an_imported_done_status_sets_done_at_and_by_and_reopening_clears_them(
        services, world, tmp_path, clock):
    task_id = world.tasks[next(iter(world.tasks))]
    path = _csv(tmp_path, f"编号,任务,状态\n{task_id},x,已完成\n,新完成任务,Done\n")
    importer, prepared = _prepare(services.store, world, path, clock)
    changes = importer.apply(world.manager, world.plan_id, prepared)
    new_id = next(i for i in changes.ids if i != task_id)
    for tid in (task_id, new_id):
        task = _task(services, tid)
        assert (task.status, task.done_at, task.done_by) == ("done", clock.now,
                                                             world.users["manager"])
    path = _csv(tmp_path, f"编号,任务,状态\n{task_id},x,进行中\n{new_id},新完成任务,已完成\n")
    importer, prepared = _prepare(services.store, world, path, clock)
    assert [u["id"] for u in prepared.updates] == [task_id]  # the other stays done as it was
    importer.apply(world.manager, world.plan_id, prepared)
    task = _task(services, task_id)
    assert (task.status, task.done_at, task.done_by) == ("doing", None, None)
    assert _task(services, new_id).done_at == clock.now


# ---- 4. the export's formula protection comes off on import

def test_the_apostrophe_before_a_formula_start_is_taken_off():
    assert [unprotect(v) for v in ("'=1+1", "'+86 123", "'-x", "'@a", "' =1", "'plain",
                                   "''=1", "=1", 5)] == [
        "=1+1", "+86 123", "-x", "@a", " =1", "'plain", "''=1", "=1", 5]


# ---- 5. real line numbers

def test_problems_name_the_sheets_real_rows_after_blank_leading_rows(services, world, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append([None, None])
    ws.append(["任务", "截止"])
    ws.append(["a", "not a day"])
    ws.append([None, None])
    ws.append(["b", "2026-12-01"])
    ws.append(["c", "nope"])
    wb.save(tmp_path / "t.xlsx")
    table = read_table(tmp_path / "t.xlsx")
    assert table.header_line == 2 and [table.line(i) for i in range(4)] == [3, 4, 5, 6]
    _, prepared = _prepare(services.store, world, tmp_path / "t.xlsx")
    assert [p.params["line"] for p in prepared.problems] == [3, 6]
    path = _csv(tmp_path, "\n\n任务,截止\na,bad\n")
    _, prepared = _prepare(services.store, world, path)
    assert [p.params["line"] for p in prepared.problems] == [4]


def test_csv_lines_stay_right_after_a_cell_that_spans_lines(services, world, tmp_path):
    path = _csv(tmp_path, '任务,备注,截止\na,"one\ntwo\nthree",2026-12-01\nb,,bad\n')
    _, prepared = _prepare(services.store, world, path)
    assert [p.params["line"] for p in prepared.problems] == [5]
    assert read_table(path).lines == [2, 5]


# ---- 6. Excel serial days

def test_excel_serial_days_are_dates_in_xlsx_and_csv(services, world, tmp_path):
    assert parse_sheet_day(46357) == D(2026, 12, 1) == parse_sheet_day("46357")
    assert parse_sheet_day(46357.75) == D(2026, 12, 1)
    for bad in (123, 99999, "123456", True):
        with pytest.raises(ValueError):
            parse_sheet_day(bad)
    assert parse_sheet_day("20261201") == D(2026, 12, 1)  # still the compact form
    wb = Workbook()
    wb.active.append(["任务", "开始", "截止"])
    wb.active.append(["S1", 46357, 46360])
    wb.save(tmp_path / "t.xlsx")
    path = _csv(tmp_path, "任务,开始,截止\nS1,46357,46360\n")
    for f in (tmp_path / "t.xlsx", path):
        _, prepared = _prepare(services.store, world, f)
        assert prepared.ok, prepared.problems
        assert [(c["start"], c["due"]) for c in prepared.creates] == [(D(2026, 12, 1),
                                                                     D(2026, 12, 4))]


# ---- 7. every sheet with the same columns

def test_a_per_phase_export_reads_back_from_every_sheet(services, world, tmp_path):
    out = tmp_path / "per.xlsx"
    ExportService(services.store).tasks_xlsx(world.plan_id, out, per_phase=True)
    assert len(load_workbook(out, read_only=True).sheetnames) > 1
    _, prepared = _prepare(services.store, world, out)
    assert (len(prepared.creates), len(prepared.updates), prepared.problems) == (0, 0, [])
    assert prepared.unchanged == len(services.tasks.list(world.plan_id))


def test_sheets_with_other_columns_are_named_and_problems_name_their_sheet(
        services, world, tmp_path):
    wb = Workbook()
    one = wb.active
    one.title = "一"
    one.append(["任务", "截止"])
    one.append(["a", "2026-12-01"])
    two = wb.create_sheet("二")
    two.append(["任务", "截止"])
    two.append(["b", "bad"])
    wb.create_sheet("空")
    other = wb.create_sheet("说明")
    other.append(["说明文字"])
    wb.save(tmp_path / "t.xlsx")
    table = read_table(tmp_path / "t.xlsx")
    assert [r[0] for r in table.rows] == ["a", "b"] and table.skipped_sheets == ["说明"]
    _, prepared = _prepare(services.store, world, tmp_path / "t.xlsx")
    assert [(p.params["file"], p.params["line"]) for p in prepared.problems] == [("t.xlsx [二]", 2)]
    assert len(prepared.warnings) == 1 and "说明" in prepared.warnings[0].message


# ---- the header under a row of merged group cells

def test_the_header_is_found_under_a_group_row(services, world, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["任务信息", None, None, "时间", None])
    ws.merge_cells("A1:C1")
    ws.merge_cells("D1:E1")
    ws.append(["编号", "任务", "负责人", "开始", "截止"])
    ws.append([None, "新任务一", "Ops", dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 3)])
    wb.save(tmp_path / "t.xlsx")
    table = read_table(tmp_path / "t.xlsx")
    assert table.header_line == 2 and table.headers[1] == "任务"
    _, prepared = _prepare(services.store, world, tmp_path / "t.xlsx")
    assert prepared.ok and prepared.creates == [dict(title="新任务一", start=D(2026, 12, 1),
                                                     due=D(2026, 12, 3),
                                                     assignee_id=world.users["ops"])]
    # a file whose first row names no known columns still has it as the header (KPI files)
    path = _csv(tmp_path, "日期,访客数\n2026-12-01,5\n")
    assert read_table(path).headers == ["日期", "访客数"]


# ---- 8. a calendar with nothing in it

def test_an_empty_calendar_is_refused_and_nothing_is_written(store, world, tmp_path):
    services = Services(store)
    out = tmp_path / "x.ics"
    services.people.create_role(world.manager, "empty", "空岗位", "Empty")
    role_id = next(r.id for r in services.people.roles() if r.key == "empty")
    # a person's calendar holds their tasks and their role's unassigned ones (#15): someone
    # of a role with no work has nothing to put in it
    services.people.create_user(world.manager, "Newcomer", "newcomer", "empty")
    newcomer = next(u.id for u in services.people.users() if u.login == "newcomer")
    for kwargs, message in (
            (dict(assignee_id=newcomer),
             "Newcomer has no tasks with dates to put in a calendar."),
            (dict(role_id=role_id), "空岗位 has no tasks with dates to put in a calendar."),
            (dict(role_id=role_id, milestones_only=True),
             "空岗位 has no milestones with dates to put in a calendar.")):
        with pytest.raises(ValidationError) as err:
            ExportService(store).ics(world.plan_id, out, **kwargs)
        assert err.value.message == message
        assert not out.exists() and not (tmp_path / "x.ics.part").exists()
    assert ExportService(store).ics(world.plan_id, out, milestones_only=True) > 0


# ---- 9. done at in local time, a real date-time cell in XLSX

@pytest.fixture
def shanghai():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_done_at_is_exported_in_local_time(services, world, tmp_path, clock, shanghai):
    task_id = world.tasks[next(iter(world.tasks))]
    clock.now = dt.datetime(2026, 9, 1, 23, 30, 15)  # UTC: 07:30 the next day in Shanghai
    services.tasks.update(world.manager, task_id, status="done")
    ex = ExportService(services.store)
    _, text = ex.task_table(world.plan_id, typed=False)
    assert next(r for r in text if r[0] == task_id)[11] == "2026-09-02 07:30"
    _, typed = ex.task_table(world.plan_id)
    assert next(r for r in typed if r[0] == task_id)[11] == dt.datetime(2026, 9, 2, 7, 30)
    ex.tasks_xlsx(world.plan_id, tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    cell = next(r[11] for r in ws.iter_rows(min_row=2) if r[0].value == task_id)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm"
    assert cell.value == dt.datetime(2026, 9, 2, 7, 30)


def test_a_task_id_twice_in_the_file_is_a_problem(services, world, tmp_path):
    task_id = world.tasks[next(iter(world.tasks))]
    path = _csv(tmp_path, f"编号,任务\n{task_id},改名一\n{task_id},改名二\n")
    _, prepared = _prepare(services.store, world, path)
    assert [(p.params["line"], p.params["other"]) for p in prepared.problems] == [(3, 2)]


def test_a_cancelled_import_writes_nothing(tmp_path, services, world, store):
    from opsdesk.errors import Cancelled
    from opsdesk.services.tables import read_table
    from opsdesk.services.task_import import TaskImportService, TaskMapping
    from tests.conftest import dump

    path = tmp_path / "many.csv"
    path.write_text("任务,截止\n" + "".join(f"任务{n},2026-09-10\n" for n in range(2500)),
                    encoding="utf-8-sig")
    table = read_table(path)
    importer = TaskImportService(services.store)
    prepared = importer.prepare(world.plan_id, table, TaskMapping.guess(table.headers))
    assert prepared.ok and len(prepared.creates) == 2500
    before = dump(store)
    seen: list[tuple[int, int]] = []

    def stop_after_the_first_chunk(done: int, total: int) -> bool:
        seen.append((done, total))
        return done == 0
    with pytest.raises(Cancelled):
        importer.apply(world.manager, world.plan_id, prepared, progress=stop_after_the_first_chunk)
    assert seen[:2] == [(0, 2500), (2000, 2500)]  # the first chunk was written, then rolled back
    assert dump(store) == before
