"""Task-list exports (issue #8): the streamed XLSX rows, what the files hold, cancel and
failure leaving the old file, selected tasks, and the sheets reading back in."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from opsdesk.errors import Cancelled, ValidationError
from opsdesk.interchange import xlsx_rows
from opsdesk.services import Actor, Services
from opsdesk.services import exports as exports_module
from opsdesk.services.exports import ExportService
from opsdesk.services.tables import read_table
from opsdesk.services.task_import import TaskImportService, TaskMapping
from opsdesk.store import open_store
from opsdesk.templates import load_template

D = dt.date
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


# ---- xlsx_rows: the body rows streamed into an openpyxl workbook

def _book(title="Sheet", header=("A", "B", "C")):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = "A1:C3"
    head = []
    for h in header:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = Font(bold=True)
        head.append(cell)
    ws.append(head)
    return wb, ws


def test_rows_read_back_with_their_types_escaped_text_and_the_header_style(tmp_path):
    wb, ws = _book(header=("n", "text", "day", "x", "y", "z"))
    long = "长" * 40_000
    rows = [
        [1, "a & b <c> \"d\" 'e'", D(2026, 9, 1), -2.5, True, "  spaced  "],
        [2, "bell\x07 and\x0b tab\tline\r\nend", D(1999, 12, 31), None, "", long],
        [3, "=1+1", None, 0, False, "\ud800lone surrogate 😀"],
    ]
    out = tmp_path / "t.xlsx"
    xlsx_rows.save(wb, out, {ws: rows})

    sheet = load_workbook(out)["Sheet"]
    assert [c.value for c in sheet[1]] == ["n", "text", "day", "x", "y", "z"]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"
    assert [c.value for c in sheet[2]] == [1, "a & b <c> \"d\" 'e'", dt.datetime(2026, 9, 1),
                                           -2.5, True, "  spaced  "]
    assert sheet["C2"].is_date and sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["C3"].value == dt.datetime(1999, 12, 31) and sheet["C3"].is_date
    # XML cannot hold most C0 controls: they are dropped; tab, CR and LF stay.
    assert sheet["B3"].value == "bell and tab\tline\r\nend"
    assert sheet["D3"].value is None and sheet["E3"].value is None  # None and "" leave no cell
    assert sheet["F3"].value == "长" * 32767  # Excel's limit for one cell
    assert [c.value for c in sheet[4]][:5] == [3, "=1+1", None, 0, False]
    assert sheet["B4"].data_type == "s"  # text, never a formula
    assert sheet["F4"].value == "lone surrogate 😀"
    assert sheet.max_row == 4

    # read-only reading (the import path) sizes rows by the dimension the sheet now has
    ro = load_workbook(out, read_only=True)["Sheet"]
    assert ro.calculate_dimension() == "A1:F4"
    assert [len(r) for r in ro.iter_rows(values_only=True)] == [6, 6, 6, 6]


def test_the_sheet_xml_is_well_formed_and_in_the_schemas_order(tmp_path):
    wb, ws = _book()
    out = tmp_path / "t.xlsx"
    xlsx_rows.save(wb, out, {ws: [[1, "x", D(2026, 1, 2)], ["y"], []]})
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        root = etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = etree.fromstring(z.read("xl/styles.xml"))
    # CT_Worksheet is a sequence: its children must come in this order.
    order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
             "autoFilter", "pageMargins"]
    tags = [el.tag.removeprefix(MAIN) for el in root]
    assert tags == [t for t in order if t in tags] and "dimension" in tags
    rows = root.find(f"{MAIN}sheetData")
    assert [r.get("r") for r in rows] == ["1", "2", "3", "4"]
    for row in rows:
        assert all(c.get("r").endswith(row.get("r")) for c in row)
    date_cell = rows[1][2]
    assert date_cell.get("r") == "C2" and date_cell.findtext(f"{MAIN}v") == "46024"
    xf = styles.find(f"{MAIN}cellXfs")[int(date_cell.get("s"))]
    fmt = styles.find(f"{MAIN}numFmts/{MAIN}numFmt[@numFmtId='{xf.get('numFmtId')}']")
    assert fmt.get("formatCode") == "yyyy-mm-dd"


def test_ticks_come_per_batch_and_one_that_raises_stops_the_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_rows, "_ROWS_PER_WRITE", 2)
    wb, ws = _book()
    ticks = []
    xlsx_rows.save(wb, tmp_path / "t.xlsx", {ws: [[i] for i in range(5)]}, ticks.append)
    assert ticks == [2, 4, 5]
    assert [r[0] for r in load_workbook(tmp_path / "t.xlsx").active.iter_rows(
        min_row=2, values_only=True)] == [0, 1, 2, 3, 4]

    def stop(done):
        raise Cancelled()

    wb, ws = _book()
    with pytest.raises(Cancelled):
        xlsx_rows.save(wb, tmp_path / "u.xlsx", {ws: [[i] for i in range(5)]}, stop)


@pytest.mark.parametrize("value", [dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC), float("nan"),
                                   object()])
def test_values_a_cell_cannot_hold_are_refused(tmp_path, value):
    wb, ws = _book()
    with pytest.raises(TypeError):
        xlsx_rows.save(wb, tmp_path / "t.xlsx", {ws: [[value]]})


# ---- the task exports

@pytest.fixture
def services(tmp_path):
    store = open_store(tmp_path / "x.db", create=True)
    services = Services(store)
    services.plans.create_from_template(Actor.system(), load_template("ecommerce-launch"),
                                        D(2026, 9, 1))
    services.people.create_user(Actor.system(), "经理", "boss", "operations", is_manager=True,
                                password="boss-pw")
    boss = services.people.authenticate("boss", "boss-pw")
    plan_id = _plan(services)
    tasks = services.tasks.list(plan_id)
    services.tasks.update(boss, tasks[1].id, assignee_id=boss.user_id, notes="备注\n第二行")
    services.tasks.update(boss, tasks[2].id, status="done")  # done at, done by
    services.tasks.create(boss, plan_id, title="No phase, no dates")
    services.tasks.create(boss, plan_id, title="No phase, due", due=D(2026, 9, 3))
    yield services
    store.close()


def _plan(services):
    return services.plans.list()[0].id


def _sheet_rows(path):
    """Every sheet's body rows as the table gives them ("" is an absent cell)."""
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(min_row=2, values_only=True)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def _csv_rows(path, encoding="utf-8-sig"):
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def _as_read(row):
    """A table row as openpyxl reads it back: dates as datetimes, "" as no cell."""
    return tuple(None if v == "" else dt.datetime.combine(v, dt.time()) if type(v) is dt.date
                 else v for v in row)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_xlsx_holds_the_task_table_on_one_sheet_or_one_per_phase(services, tmp_path, lang):
    plan_id = _plan(services)
    ex = ExportService(services.store)
    headers, table = ex.task_table(plan_id, lang=lang)
    assert len(table) == len(services.tasks.list(plan_id)) > 40
    assert {type(r[5]) for r in table} == {dt.date, type(None)}
    assert table[-2:] == [r for r in table if r[2] is None]  # no phase: last, undated last
    assert [r[1] for r in table[-2:]] == ["No phase, due", "No phase, no dates"]
    assert any(r[10] == "经理" and r[11] for r in table) and any(r[4] == "经理" for r in table)

    one = tmp_path / "one.xlsx"
    assert ex.tasks_xlsx(plan_id, one, lang=lang) == len(table)
    sheets = _sheet_rows(one)
    assert list(sheets) == ["任务" if lang == "zh_CN" else "Tasks"]
    assert next(iter(sheets.values())) == [_as_read(r) for r in table]
    head = load_workbook(one, read_only=True).worksheets[0]
    assert [c.value for c in next(head.iter_rows(max_row=1))] == headers

    per = tmp_path / "per.xlsx"
    ex.tasks_xlsx(plan_id, per, per_phase=True, lang=lang)
    sheets = _sheet_rows(per)
    by_phase = {}
    for row in table:
        no_phase = "未分阶段" if lang == "zh_CN" else "No phase"
        by_phase.setdefault(row[2] or no_phase, []).append(_as_read(row))
    assert list(sheets) == list(by_phase) and list(sheets.values()) == list(by_phase.values())
    ws = load_workbook(per)[next(iter(sheets))]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:N{len(by_phase[ws.title]) + 1}"
    assert ws["F2"].is_date and ws["F2"].number_format == "yyyy-mm-dd"
    assert ws["A1"].font.b


def test_text_openpyxl_would_refuse_is_exported_without_the_control_characters(services, tmp_path):
    plan_id = _plan(services)
    boss = services.people.authenticate("boss", "boss-pw")
    task = services.tasks.list(plan_id)[0]
    services.tasks.update(boss, task.id, title="Ring\x07 the <bell> & go", notes="a\x01b\nc")
    out = tmp_path / "t.xlsx"
    ExportService(services.store).tasks_xlsx(plan_id, out)
    row = next(r for r in next(iter(_sheet_rows(out).values())) if r[0] == task.id)
    assert row[1] == "Ring the <bell> & go" and row[13] == "ab\nc"


def test_formulas_stay_neutralised_in_both_files(services, tmp_path):
    """CSV cells get the apostrophe; XLSX text cells are inline strings, never formulas, so
    they hold the text as it is (Excel would show an apostrophe)."""
    plan_id = _plan(services)
    boss = services.people.authenticate("boss", "boss-pw")
    tasks = services.tasks.list(plan_id)
    services.tasks.update(boss, tasks[0].id, title="=cmd|'/c calc'!A1", notes="@SUM(1)")
    services.people.create_user(boss, "-减号", "minus", "operations")
    services.tasks.update(boss, tasks[0].id, assignee_id=services.people.authenticate("minus").user_id)
    ex = ExportService(services.store)
    ex.tasks_xlsx(plan_id, tmp_path / "t.xlsx")
    row = next(r for r in next(iter(_sheet_rows(tmp_path / "t.xlsx").values()))
               if r[0] == tasks[0].id)
    assert row[1] == "=cmd|'/c calc'!A1" and row[13] == "@SUM(1)" and row[4] == "-减号"
    ws = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    cell = next(r[1] for r in ws.iter_rows(min_row=2) if r[0].value == tasks[0].id)
    assert cell.data_type == "s"  # text, not a formula
    ex.tasks_csv(plan_id, tmp_path / "t.csv")
    rows = _csv_rows(tmp_path / "t.csv")
    assert [(r[1], r[4], r[13]) for r in rows if r[0] == str(tasks[0].id)] == [
        ("'=cmd|'/c calc'!A1", "'-减号", "'@SUM(1)")]
    # both read back in as the same tasks: the import takes the apostrophe off again
    for name in ("t.csv", "t.xlsx"):
        table = read_table(tmp_path / name)
        prepared = TaskImportService(services.store).prepare(plan_id, table,
                                                             TaskMapping.guess(table.headers))
        assert (len(prepared.creates), len(prepared.updates), prepared.problems,
                prepared.unmatched) == (0, 0, [], {}), name


def test_cancel_keeps_the_old_file_and_leaves_no_part(services, tmp_path):
    plan_id = _plan(services)
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"the old export")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return False

    with pytest.raises(Cancelled):
        ExportService(services.store).tasks_xlsx(plan_id, out, progress=progress)
    count = len(services.tasks.list(plan_id))
    assert seen == [(count, count)]  # fewer than 2,000 rows: one report, at the end
    assert out.read_bytes() == b"the old export"
    assert not (tmp_path / "t.xlsx.part").exists()
    ExportService(services.store).tasks_xlsx(plan_id, out, progress=lambda d, t: True)
    assert load_workbook(out).worksheets[0].max_row == count + 1


def test_gbk_names_the_character_it_cannot_write_and_keeps_the_old_file(services, tmp_path):
    plan_id = _plan(services)
    boss = services.people.authenticate("boss", "boss-pw")
    services.tasks.update(boss, services.tasks.list(plan_id)[3].id, title="上新 😀")
    out = tmp_path / "t.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        ExportService(services.store).tasks_csv(plan_id, out, encoding="gbk")
    assert err.value.field == "encoding" and "“😀”" in err.value.message
    assert "gbk" in err.value.message
    assert out.read_text(encoding="utf-8") == "old" and not (tmp_path / "t.csv.part").exists()
    ExportService(services.store).tasks_csv(plan_id, out)  # UTF-8 holds it
    assert "上新 😀" in out.read_text(encoding="utf-8-sig")


def test_csv_holds_the_same_rows_as_the_table(services, tmp_path):
    plan_id = _plan(services)
    ex = ExportService(services.store)
    headers, table = ex.task_table(plan_id, lang="en", typed=False)
    out = tmp_path / "t.csv"
    assert ex.tasks_csv(plan_id, out, lang="en") == len(table)
    rows = _csv_rows(out)
    assert rows[0] == headers
    assert rows[1:] == [["" if v is None else str(v) for v in r] for r in table]
    assert any(r[5] and len(r[5]) == 10 and r[5][4] == "-" for r in rows[1:])  # ISO dates


def test_selected_tasks_come_in_sheet_order_small_or_big_selections(services, monkeypatch):
    plan_id = _plan(services)
    ex = ExportService(services.store)
    _, table = ex.task_table(plan_id)
    wanted = [r[0] for r in table][::3][::-1]  # every third task, asked for in reverse
    _, picked = ex.task_table(plan_id, ids=wanted)  # read by id
    assert picked == [r for r in table if r[0] in set(wanted)] and len(picked) == len(wanted)
    monkeypatch.setattr(exports_module, "IDS_PER_QUERY", 7)  # the plan read, then filtered
    assert ex.task_table(plan_id, ids=wanted)[1] == picked
    assert ex.task_table(plan_id, ids=iter(wanted))[1] == picked  # any iterable


def test_an_empty_selection_gives_a_sheet_with_only_the_header(services, tmp_path):
    plan_id = _plan(services)
    out = tmp_path / "t.xlsx"
    assert ExportService(services.store).tasks_xlsx(plan_id, out, ids=[], per_phase=True,
                                                    lang="en") == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tasks"] and wb["Tasks"].max_row == 1
    assert wb["Tasks"]["A1"].value == "ID"


def test_an_exported_xlsx_reads_back_in_as_unchanged_tasks(services, tmp_path):
    plan_id = _plan(services)
    out = tmp_path / "t.xlsx"
    ExportService(services.store).tasks_xlsx(plan_id, out)
    table = read_table(out)
    prepared = TaskImportService(services.store).prepare(plan_id, table,
                                                         TaskMapping.guess(table.headers))
    assert (len(prepared.creates), len(prepared.updates), len(prepared.problems)) == (0, 0, 0)
    assert prepared.unchanged == len(services.tasks.list(plan_id))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_exported_xlsx(services, tmp_path):
    plan_id = _plan(services)
    ex = ExportService(services.store)
    ex.tasks_xlsx(plan_id, tmp_path / "t.xlsx", lang="en")
    # LibreOffice's default CSV filter writes the system's legacy charset (Chinese comes back
    # as ???): ask for UTF-8 (76), comma (44) and double quotes (34) explicitly; a profile of
    # its own so that a LibreOffice already running does not swallow the conversion.
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(tmp_path / "t.xlsx")],
                   check=True, capture_output=True, timeout=180)
    rows = _csv_rows(tmp_path / "t.csv", "utf-8")
    _, table = ex.task_table(plan_id, lang="en")
    assert rows[0][:3] == ["ID", "Task", "Phase"] and len(rows) == len(table) + 1
    assert [int(r[0]) for r in rows[1:]] == [r[0] for r in table]
    assert [r[1] for r in rows[1:]] == [r[1] for r in table]


def test_the_tasks_views_rows_stay_named_tuples_of_iso_text_and_bools(services):
    from opsdesk.services.task_rows import TaskListRow

    rows = services.tasks.plan_rows(_plan(services))
    assert rows and all(type(r) is TaskListRow and isinstance(r, tuple) for r in rows)
    assert {type(r.is_milestone) for r in rows} == {bool} and any(r.is_milestone for r in rows)
    for field in ("start", "due", "done_at"):
        values = [getattr(r, field) for r in rows]
        assert {type(v) for v in values if v is not None} == {str}
    done = [r.done_at for r in rows if r.done_at]
    assert len(done) == 1 and dt.datetime.fromisoformat(done[0])


def test_exports_read_alike_on_every_backend(store, world, tmp_path):
    """Through the ``store`` fixture: PostgreSQL too (``make test-pg``), where dates and
    timestamps come back as objects, not ISO text."""
    services = Services(store)
    task_id = next(iter(world.tasks.values()))
    services.tasks.update(world.manager, task_id, status="done", assignee_id=world.users["ops"])
    ex = ExportService(store)
    headers, table = ex.task_table(world.plan_id, lang="en")
    _, text = ex.task_table(world.plan_id, lang="en", typed=False)
    assert headers[:3] == ["ID", "Task", "Phase"] and len(table) == len(text) > 40
    assert {type(r[5]) for r in table} == {dt.date}
    assert [r[5].isoformat() for r in table] == [r[5] for r in text]
    done = next(r for r in table if r[0] == task_id)
    assert done[4] == "Ops" and done[7] == "Done" and done[10] == "Manager"
    assert type(done[11]) is dt.datetime and done[11].second == 0  # local time, to the minute
    assert next(r for r in text if r[0] == task_id)[11] == f"{done[11]:%Y-%m-%d %H:%M}"
    for phase in {r[2] for r in table}:  # within a phase: by due date, undated last
        dues = [(r[6] is None, r[6] or D.min) for r in table if r[2] == phase]
        assert dues == sorted(dues)
    ex.tasks_csv(world.plan_id, tmp_path / "t.csv", lang="en")
    assert _csv_rows(tmp_path / "t.csv")[1:] == [["" if v is None else str(v) for v in r]
                                                 for r in text]
    ex.tasks_xlsx(world.plan_id, tmp_path / "t.xlsx", lang="en")
    assert next(iter(_sheet_rows(tmp_path / "t.xlsx").values())) == [_as_read(r) for r in table]
    some = [r[0] for r in table[::5]]
    assert ex.task_table(world.plan_id, ids=some[::-1], lang="en")[1] == table[::5]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "UTC"])
def test_done_times_are_worked_out_once_a_minute_with_the_same_answers(zone, monkeypatch):
    """The CSV's done-at column: ``_Minutes`` answers each stored text as ``_minute`` does
    (naive UTC text, with or without its fraction, near a zone's summer-time change; text
    with a zone; datetimes), while working each naive minute out only once."""
    import time as time_module

    from opsdesk.services import exports

    monkeypatch.setenv("TZ", zone)
    time_module.tzset()
    exports._OFFSETS.clear()
    try:
        texts = [f"2026-03-08 {h:02d}:{m:02d}:{s:02d}{frac}" for h in (5, 6, 7, 8)
                 for m in (0, 1, 59) for s in (0, 30, 59) for frac in ("", ".000000", ".250000")]
        texts += ["2026-11-01 05:59:59.999999", "2026-11-01 06:00:00", "2026-09-01T10:00:00",
                  "2026-09-01 10:00:00+08:00", "2026-09-01 10:00:00-05:00",
                  "2026-09-01 10:00:00Z"]
        values = texts + [dt.datetime(2026, 3, 8, 6, 30, 5),
                          dt.datetime(2026, 3, 8, 6, 30, 5, tzinfo=dt.UTC)]
        minutes = exports._Minutes()
        worked: list = []
        real = exports._minute
        monkeypatch.setattr(exports, "_minute", lambda v: worked.append(v) or real(v))
        for value in values + values:  # (each asked twice: the second time from the cache)
            assert minutes(value) == real(value), value
        def naive(v) -> bool:
            return isinstance(v, str) and len(v) in (19, 26) and v[10] == " " \
                and v[19:20] in ("", ".")
        assert len([v for v in worked if naive(v)]) == len({t[:16] for t in texts if naive(t)})
    finally:
        monkeypatch.delenv("TZ")
        time_module.tzset()
        exports._OFFSETS.clear()
