"""KPI import of shop exports as they come: title rows above the header (CSV, XLSX with
merged title cells, .xls, .ods), GBK, per-product rows combined per day (sums add up,
conversion worked out from buyers ÷ visitors), a 合计 row left out with a note, the header
row picked by hand, a mapping saved per export layout. Every per-day value below is worked
out by hand from the rows written."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from opsdesk import cli
from opsdesk.errors import ValidationError
from opsdesk.services import kpi_import as ki
from tests.conftest import MANAGER_PASSWORD, count_changes, dump

D = dt.date
TITLE = [["【生意参谋】交易概况"], ["统计时间：2026-09-01 ~ 2026-09-02"], ["店铺：示例旗舰店"], []]
HEADER = ["统计日期", "商品ID", "商品名称", "访客数", "浏览量", "支付买家数", "支付金额",
          "支付转化率", "客单价", "退款金额"]
# per product, per day: visitors, buyers, sales, conversion as the backend prints it
ROWS = [
    ["2026-09-01", "1001", "连衣裙", 100, 250, 3, 1234.50, "3.00%", 411.5, 0],
    ["2026-09-01", "1002", "半身裙", 300, 700, 6, 3456.00, "2.00%", 576, 99],
    ["2026-09-02", "1001", "连衣裙", 200, 420, 4, 800.00, "2.00%", 200, 0],
    ["2026-09-02", "1002", "半身裙", 50, 90, 1, 99.90, "2.00%", 99.9, 0],
    ["合计", "", "", 650, 1460, 14, 5590.40, "2.15%", 399.31, 99],
]
# by hand: 11: 1,234.50 + 3,456.00; visitors 100 + 300; buyers 3 + 6; conversion 9 ÷ 400
EXPECTED = {
    "sales": {D(2026, 9, 1): 4690.50, D(2026, 9, 2): 899.90},
    "daily_visitors": {D(2026, 9, 1): 400, D(2026, 9, 2): 250},
    "daily_orders": {D(2026, 9, 1): 9, D(2026, 9, 2): 5},
    "conversion": {D(2026, 9, 1): 2.25, D(2026, 9, 2): 2.0},  # not the rows' mean (2.5)
}


def _csv_text(rows=ROWS, title=TITLE) -> str:
    lines = [",".join(str(c) for c in r) for r in [*title, HEADER, *rows]]
    return "\n".join(lines) + "\n"


def _stored(services, world) -> dict:
    return {key: dict(services.kpis.values(world.kpis[key])) for key in EXPECTED}


def _check(services, world) -> None:
    got = _stored(services, world)
    for key, days in EXPECTED.items():
        assert set(got[key]) == set(days), key
        for day, value in days.items():
            assert got[key][day] == pytest.approx(value), (key, day)


def _xlsx(path, merged=True):
    wb = Workbook()
    ws = wb.active
    for r in [*TITLE, HEADER, *ROWS]:
        ws.append(r or [None])
    if merged:
        ws.merge_cells("A1:J1")
        ws.merge_cells("A2:J2")
    wb.save(path)
    return path


def _xls(path, rows=ROWS):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("交易概况")
    sheet.write_merge(0, 0, 0, 9, TITLE[0][0])  # a merged title cell, as the backend writes it
    for r in (1, 2):
        sheet.write(r, 0, TITLE[r][0])
    for c, h in enumerate(HEADER):
        sheet.write(4, c, h)
    for r, row in enumerate(rows, 5):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    book.save(str(path))
    return path


def _ods(path):
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="交易概况")
    for row in [*TITLE, HEADER, *ROWS]:
        tr = TableRow()
        for v in row:
            if isinstance(v, int | float):
                cell = TableCell(valuetype="float", value=v)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


# ---- 1. the header below title rows, in every format

def test_gbk_csv_with_title_rows_per_product_rows_and_a_total_row(tmp_path, services, world):
    path = tmp_path / "交易概况.csv"
    path.write_bytes(_csv_text().encode("gbk"))
    table = ki.read_table(path)
    assert table.header_line == 5 and table.headers == HEADER and table.encoding == "gbk"
    prep, changes = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and changes.kpis
    assert (prep.rows, prep.days) == (5, 2)
    assert [n.message for n in prep.notes if n.template == ki.TOTAL_LEFT_OUT] == [
        "交易概况.csv, line 10: the “合计” row is a total and was left out."]
    assert not any(n.template == ki.RATE_AVERAGED for n in prep.notes)
    _check(services, world)
    day1 = dict(prep.per_day)[D(2026, 9, 1)]
    assert day1[world.kpis["sales"]] == pytest.approx(4690.50)


@pytest.mark.parametrize("maker", [_xlsx, _xls, _ods], ids=["xlsx-merged", "xls", "ods"])
def test_workbooks_with_title_rows(tmp_path, services, world, maker):
    suffix = {"_xlsx": ".xlsx", "_xls": ".xls", "_ods": ".ods"}[maker.__name__]
    path = maker(tmp_path / f"export{suffix}")
    table = ki.read_table(path)
    assert table.header_line == 5 and table.headers[:4] == HEADER[:4]
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.days == 2, [p.message for p in prep.problems]
    assert any(n.template == ki.TOTAL_LEFT_OUT and n.params["line"] == 10 for n in prep.notes)
    _check(services, world)


def test_one_title_row_is_enough_to_need_the_search(tmp_path, services, world):
    path = tmp_path / "one.csv"
    path.write_text(_csv_text(title=[["【京东商智】经营概况"]]), encoding="utf-8")
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.days == 2
    _check(services, world)


def test_jd_shangzhi_column_names_are_recognised(tmp_path, services, world):
    path = tmp_path / "jd.csv"
    path.write_text("日期,访客数,浏览量,成交客户数,成交单量,成交金额,成交转化率\n"
                    "2026-09-03,500,900,8,10,2000,1.6%\n"
                    "2026-09-04,-,-,-,-,-,-\n", encoding="utf-8")  # "-": no figure that day
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.new == 4
    assert services.kpis.values(world.kpis["sales"]) == [(D(2026, 9, 3), 2000)]
    assert services.kpis.values(world.kpis["daily_orders"]) == [(D(2026, 9, 3), 10)]  # orders
    assert services.kpis.values(world.kpis["conversion"]) == [(D(2026, 9, 3), 1.6)]


def test_a_file_without_a_findable_header_names_the_lines_it_looked_at(tmp_path, services,
                                                                       world, store):
    path = tmp_path / "odd.csv"
    path.write_text("店铺报表\n\n甲,乙,丙\n2026-09-01,1,2\n", encoding="utf-8")
    before = dump(store)
    with pytest.raises(ValidationError) as err:
        ki.import_file(services, world.manager, world.plan_id, path)
    assert err.value.message == (
        "odd.csv: no header row naming a date column (统计日期, 日期, date) in lines 1, 3, 4; "
        "choose the line that holds the column names.")
    assert dump(store) == before


def test_the_header_row_can_be_picked(tmp_path, services, world):
    path = tmp_path / "picked.csv"
    path.write_text("报表\n天,销售额\n2026-09-05,10\n", encoding="utf-8")
    table = ki.read_table(path, header_row=2)
    assert table.headers == ["天", "销售额"] and table.header_line == 2
    assert [line for line, _cells in table.top] == [1, 2, 3]
    prep = ki.prepare(services, world.manager, world.plan_id, table,
                      ki.Mapping("天", {"sales": "销售额"}))
    assert prep.ok and prep.entries == [(world.kpis["sales"], D(2026, 9, 5), 10)]
    with pytest.raises(ValidationError, match="line 9 is empty or beyond the end"):
        ki.read_table(path, header_row=9)


# ---- 2. many rows for one day

def test_a_rate_without_its_parts_is_averaged_with_a_warning(tmp_path, services, world):
    path = tmp_path / "rate.csv"
    path.write_text("日期,商品,支付转化率\n2026-09-01,a,3%\n2026-09-01,b,2%\n2026-09-02,a,1%\n",
                    encoding="utf-8")
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok
    warned = [n for n in prep.notes if n.template == ki.RATE_AVERAGED]
    assert len(warned) == 1 and warned[0].params["days"] == 1
    assert "支付买家数" in warned[0].message and "访客数" in warned[0].message
    assert dict(services.kpis.values(world.kpis["conversion"])) == {
        D(2026, 9, 1): 2.5, D(2026, 9, 2): 1.0}


def test_reimporting_the_same_export_changes_nothing(tmp_path, services, world, store):
    path = tmp_path / "again.csv"
    path.write_bytes(_csv_text().encode("gbk"))
    ki.import_file(services, world.manager, world.plan_id, path)
    n = count_changes(store)
    prep, changes = ki.import_file(services, world.manager, world.plan_id, path)
    assert (prep.new, prep.changed, prep.unchanged) == (0, 0, 8) and not prep.entries
    assert count_changes(store) == n


def test_a_bad_row_skips_the_whole_row_and_nothing_is_written(tmp_path, services, world, store):
    rows = [*ROWS[:2], ["2026-09-01", "1003", "外套", 10, 20, "x", 5, "1%", 5, 0]]
    path = tmp_path / "bad.csv"
    path.write_text(_csv_text(rows), encoding="utf-8")
    before = dump(store)
    with pytest.raises(ValidationError, match=r"bad.csv, line 8, column F \(支付买家数\)"):
        ki.import_file(services, world.manager, world.plan_id, path)
    assert dump(store) == before
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path, skip_bad=True)
    assert services.kpis.values(world.kpis["sales"]) == [(D(2026, 9, 1), 4690.50)]
    assert len(prep.problems) == 1


# ---- saved layouts and the CLI

def test_a_mapping_saved_for_a_layout_is_used_again(tmp_path, services, world, monkeypatch):
    monkeypatch.setenv("OPSDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "own.csv"
    path.write_text("day,净成交\n2026-09-06,77\n", encoding="utf-8")
    table = ki.read_table(path)
    assert ki.saved_mapping(table.headers) is None
    ki.save_mapping(table.headers, ki.Mapping("day", {"sales": "净成交"}), "own")
    other = tmp_path / "own2.csv"
    other.write_text("Day , 净成交\n2026-09-07,88\n", encoding="utf-8")
    prep, _ = ki.import_file(services, world.manager, world.plan_id, other)
    assert prep.ok and services.kpis.values(world.kpis["sales"]) == [(D(2026, 9, 7), 88)]


@pytest.mark.sqlite_only  # the CLI is pointed at the database file
def test_cli_header_row_and_saved_layout(tmp_path, world, capsys, monkeypatch, store):
    monkeypatch.setenv("OPSDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OPSDESK_PASSWORD", MANAGER_PASSWORD)
    db = str(store.path)
    store.close()
    path = tmp_path / "cli.csv"
    path.write_text("说明\n天,净成交\n2026-09-08,5\n", encoding="utf-8")
    argv = ["--db", db, "kpi", "import", str(path), "--user", "manager"]
    assert cli.main([*argv, "--header-row", "2", "--map", "date=天", "--map", "sales=净成交",
                     "--save-layout", "净成交报表"]) == 0
    assert "imported: 1 new" in capsys.readouterr().out
    path.write_text("说明\n天,净成交\n2026-09-08,6\n", encoding="utf-8")
    assert cli.main([*argv, "--header-row", "2"]) == 0  # the saved mapping, no --map
    assert "imported: 0 new, 1 changed" in capsys.readouterr().out


# ---- every spreadsheet through one reader: tasks from .xls, the limits for .xls and .ods

def test_a_task_list_reads_from_xls_and_ods_too(tmp_path):
    from opsdesk.services.tables import read_table

    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("任务")
    for c, h in enumerate(["编号", "任务", "截止"]):
        sheet.write(0, c, h)
    sheet.write(1, 0, 12)
    sheet.write(1, 1, "上新")
    sheet.write(1, 2, "2026-12-01")
    book.save(str(tmp_path / "t.xls"))
    table = read_table(tmp_path / "t.xls")
    assert table.headers == ["编号", "任务", "截止"] and table.rows == [[12, "上新", "2026-12-01"]]
    assert isinstance(table.rows[0][0], int)  # a whole number stays one (an id)


def test_the_row_limit_holds_for_xls_and_ods(tmp_path, monkeypatch):
    from opsdesk.interchange import xlsx_read

    monkeypatch.setattr(xlsx_read, "MAX_ROWS", 5)
    for path in (_xls(tmp_path / "big.xls"), _ods(tmp_path / "big.ods")):
        with pytest.raises(ValidationError, match=r"has 10 rows and 10 columns; OpsDesk reads "
                                                  r"at most 5 rows"):
            ki.read_table(path)


def test_a_file_that_is_no_workbook_is_a_clear_message(tmp_path):
    path = tmp_path / "fake.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ValidationError, match=r"fake.xls: not a readable CSV, Excel \(.xlsx, "
                                              r".xls\) or OpenDocument \(.ods\) file."):
        ki.read_table(path)
