"""XLSX imports read every row whatever the sheet's ``<dimension>`` says, and refuse a
workbook that unpacks beyond the limits (or a sheet with too many rows or columns) before
reading it whole, with a message giving the limits."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from opsdesk.errors import ValidationError
from opsdesk.interchange import xlsx_read
from opsdesk.services import kpi_import as ki
from opsdesk.services.tables import read_table
from opsdesk.services.task_import import TaskImportService, TaskMapping

D = dt.date


def _rewrite_sheet(path, change):
    """Rewrite the first sheet's XML of the workbook at ``path`` with ``change(xml)``."""
    with zipfile.ZipFile(path) as src:
        parts = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            dst.writestr(name, change(data) if name == "xl/worksheets/sheet1.xml" else data)


def _understate(path):
    def change(xml: bytes) -> bytes:
        xml, n = re.subn(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:C2"/>', xml)
        assert n == 1
        return xml

    _rewrite_sheet(path, change)


def _workbook(path, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    _understate(path)
    return path


def test_an_understated_dimension_loses_no_kpi_rows(tmp_path, services, world):
    days = [D(2026, 9, 1) + dt.timedelta(days=i) for i in range(51)]
    path = _workbook(tmp_path / "shop.xlsx", ["统计日期", "销售额"],
                     [[dt.datetime.combine(d, dt.time()), 1000 + i] for i, d in enumerate(days)])
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.new == 51 and not prep.problems
    assert dict(services.kpis.values(world.kpis["sales"])) == {
        d: 1000 + i for i, d in enumerate(days)}


def test_an_understated_dimension_loses_no_task_rows(tmp_path, services, world):
    titles = [f"导入任务 {i}" for i in range(30)]
    path = _workbook(tmp_path / "tasks.xlsx", ["任务", "截止", "备注"],
                     [[t, "2026-12-01", ""] for t in titles[:-1]] + [[titles[-1], "", "last"]])
    table = read_table(path)
    assert len(table.rows) == 30 and all(len(r) == 3 for r in table.rows)
    importer = TaskImportService(services.store)
    prepared = importer.prepare(world.plan_id, table, TaskMapping.guess(table.headers))
    assert prepared.ok and [c["title"] for c in prepared.creates] == titles
    importer.apply(world.manager, world.plan_id, prepared)
    listed = {t.title for t in services.tasks.list(world.plan_id)}
    assert set(titles) <= listed


def _bomb(path, rows: int, column: str = "A") -> None:
    """A workbook whose sheet holds ``rows`` rows: small packed, large unpacked."""
    wb = Workbook()
    wb.active.append(["日期", "销售额"])
    wb.save(path)

    def change(xml: bytes) -> bytes:
        head, _, tail = xml.partition(b"<sheetData>")
        _, _, tail = tail.partition(b"</sheetData>")
        body = b"".join(b'<row r="%d"><c r="%s%d"><v>1</v></c></row>' % (r, column.encode(), r)
                        for r in range(1, rows + 1))
        return head + b"<sheetData>" + body + b"</sheetData>" + tail

    _rewrite_sheet(path, change)


@pytest.fixture
def never_read(monkeypatch):
    """Fails the test if a sheet's cells are read, or (``never_read.load``) openpyxl opens
    the workbook at all."""
    def cells(*_a, **_k):
        raise AssertionError("the sheet was read")

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", cells)


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_UNPACKED_MB", 2)
    path = tmp_path / "bomb.xlsx"
    _bomb(path, 100_000)  # about 4 MB of XML
    assert path.stat().st_size * 4 < 2 * 2**20  # well under the limit packed
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert opened == []  # refused before openpyxl read anything
    assert info.value.field == "file"
    assert re.fullmatch(r"bomb\.xlsx: the workbook unpacks to \d MB; OpsDesk reads at most 2 MB "
                        r"and 1,000,000 rows per sheet\.", info.value.message)


def test_a_sheet_with_too_many_rows_is_refused_before_it_is_read(tmp_path, monkeypatch,
                                                                 never_read):
    monkeypatch.setattr(xlsx_read, "MAX_ROWS", 50_000)
    path = tmp_path / "long.xlsx"
    _bomb(path, 60_000)
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert info.value.message == (
        "long.xlsx: the sheet “Sheet” has 60,000 rows and 1 columns; OpsDesk reads at most "
        "50,000 rows and 1,000 columns per sheet.")


def test_a_cell_far_to_the_right_is_refused_before_the_sheet_is_read(tmp_path, never_read):
    path = tmp_path / "wide.xlsx"
    _bomb(path, 3, column="XFD")
    with pytest.raises(ValidationError, match="has 3 rows and 16,384 columns; OpsDesk reads "
                                              "at most 1,000,000 rows and 1,000 columns"):
        read_table(path)


def test_the_limits_suit_a_year_of_per_product_daily_rows():
    assert xlsx_read.MAX_ROWS >= 500_000 and xlsx_read.MAX_COLUMNS >= 100
    # 500k rows of a dozen numbered cells as Excel writes them fit unpacked
    assert 500_000 * 12 * len(b'<c r="AB123456" s="3" t="s"><v>12345</v></c>') < \
        xlsx_read.MAX_UNPACKED_MB * 2**20


def test_a_damaged_sheet_is_a_clear_message(tmp_path):
    path = tmp_path / "damaged.xlsx"
    Workbook().save(path)
    _rewrite_sheet(path, lambda xml: xml.replace(b"</sheetData>", b"<row r='1'><c><v>1</sheetData>"))
    with pytest.raises(ValidationError, match="damaged.xlsx: the sheet “Sheet” is damaged"):
        read_table(path)
