"""The import dialog with a shop export as it comes: the header found below title lines or
picked by hand, "N rows → M days", the per-day totals worked out by hand, the 合计 row's
note, and nothing written before Import."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.ui import fmt
from opsdesk.ui.main_window import MainWindow
from tests.conftest import dump

D = dt.date
EXPORT = ("【生意参谋】交易概况\n统计时间：2026-09-01 ~ 2026-09-02\n\n"
          "统计日期,商品ID,访客数,支付买家数,支付金额,支付转化率\n"
          "2026-09-01,1001,100,3,1234.50,3.00%\n2026-09-01,1002,300,6,3456.00,2.00%\n"
          "2026-09-02,1001,200,4,800.00,2.00%\n合计,,600,13,5490.50,2.17%\n")


@pytest.fixture
def window(qtbot, ctx):
    ctx.plan_id = ctx.services.plans.list()[0].id
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dialog(qtbot, window):
    dialog = window.show_view("kpis").open_import()
    qtbot.addWidget(dialog)
    return dialog


def test_a_shop_export_with_title_rows_is_previewed_per_day(qtbot, window, ctx, tmp_path):
    path = tmp_path / "交易概况.csv"
    path.write_bytes(EXPORT.encode("gbk"))
    before = dump(ctx.store)
    dialog = _dialog(qtbot, window)
    assert dialog.load(str(path))
    assert "line 4" in dialog.path.text()
    assert dialog.date_combo.currentText() == "统计日期"
    assert dialog.combos["sales"].currentText() == "支付金额"
    assert dialog.combos["daily_visitors"].currentText() == "访客数"
    # the title lines are shown above the header, with their line numbers
    assert dialog.preview.verticalHeaderItem(0).text() == "1"
    assert dialog.preview.item(0, 0).text() == "【生意参谋】交易概况"
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_button.click()
    assert dump(ctx.store) == before  # the check writes nothing
    assert "4 rows → 2 days" in dialog.summary.text()
    assert "line 8" in dialog.notes.text() and "合计" in dialog.notes.text()
    assert dialog.notes.isVisibleTo(dialog)
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    sales_col = headers.index("Sales")
    conv_col = headers.index("Conversion rate")
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(0, 0).text() == fmt.short_date(D(2026, 9, 1), ctx.lang)
    assert dialog.preview.item(0, sales_col).text() == fmt.kpi_value(4690.5, "CNY", 0, ctx.lang)
    assert "4,69" in dialog.preview.item(0, sales_col).text()  # 1,234.50 + 3,456.00
    assert dialog.preview.item(0, conv_col).text().startswith("2.25")  # 9 ÷ 400
    with qtbot.waitSignal(window.changes_applied, timeout=10_000):
        dialog.import_button.click()
    sales = next(k for k in ctx.services.kpis.list(ctx.plan_id) if k.key == "sales")
    assert dict(ctx.services.kpis.values(sales.id)) == {D(2026, 9, 1): 4690.5, D(2026, 9, 2): 800.0}


def test_the_header_row_can_be_picked_in_the_dialog(qtbot, window, ctx, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("报表\n天,销售额\n2026-09-05,10\n", encoding="utf-8")
    dialog = _dialog(qtbot, window)
    assert dialog.load(str(path))
    dialog.header_row.setValue(2)
    assert dialog.table is not None and dialog.table.headers == ["天", "销售额"]
    assert dialog.combos["sales"].currentText() == "销售额"
    dialog.date_combo.setCurrentText("天")
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_button.click()
    assert "1 rows → 1 days" in dialog.summary.text() or "1 row" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_a_mapping_remembered_for_the_layout_comes_back(qtbot, window, ctx, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSDESK_DATA_DIR", str(tmp_path / "data"))
    first = tmp_path / "own.csv"
    first.write_text("天,净成交额\n2026-09-05,10\n", encoding="utf-8")
    dialog = _dialog(qtbot, window)
    assert dialog.load(str(first))
    assert dialog.combos["sales"].currentIndex() == 0 and not dialog.save_layout.isChecked()
    dialog.date_combo.setCurrentText("天")
    dialog.combos["sales"].setCurrentText("净成交额")
    dialog.save_layout.setChecked(True)
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_button.click()
    with qtbot.waitSignal(window.changes_applied, timeout=10_000):
        dialog.import_button.click()
    second = tmp_path / "own2.csv"
    second.write_text("天,净成交额\n2026-09-06,20\n", encoding="utf-8")
    dialog = _dialog(qtbot, window)
    assert dialog.load(str(second))
    assert dialog.date_combo.currentText() == "天" and dialog.combos["sales"].currentText() == "净成交额"
    assert dialog.save_layout.isChecked()
