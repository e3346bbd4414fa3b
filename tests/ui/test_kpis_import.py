"""The import dialog: mapping and preview, a check off the GUI thread, what will change
shown before writing, import with undo, cancel and bad files leave the database as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.ui.main_window import MainWindow
from tests.conftest import dump

D = dt.date
CSV = "统计日期,销售额,日单量,备注\n2026-09-01,\"1,234\",12,x\n2026/9/2,1.5万,20,y\n"


@pytest.fixture
def window(qtbot, ctx):
    ctx.plan_id = ctx.services.plans.list()[0].id
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dialog(qtbot, window):
    view = window.show_view("kpis")
    dialog = view.open_import()
    qtbot.addWidget(dialog)
    return dialog


def _values(ctx, key):
    kpi = next(k for k in ctx.services.kpis.list(ctx.plan_id) if k.key == key)
    return dict(ctx.services.kpis.values(kpi.id))


def test_map_preview_check_import_undo(qtbot, window, ctx, tmp_path):
    path = tmp_path / "shop.csv"
    path.write_bytes(CSV.encode("gbk"))
    dialog = _dialog(qtbot, window)
    assert dialog.load(str(path))
    assert "GBK" in dialog.path.text() and "2 row" in dialog.path.text()
    assert dialog.date_combo.currentText() == "统计日期"
    assert dialog.combos["sales"].currentText() == "销售额"
    assert dialog.combos["roi"].currentIndex() == 0  # no such column
    assert dialog.preview.rowCount() == 2 and dialog.preview.item(1, 1).text() == "1.5万"
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_button.click()
    assert "4 new values" in dialog.summary.text() and "Sales 2" in dialog.summary.text()
    assert _values(ctx, "sales") == {}  # nothing written by the check
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.changes_applied, timeout=10_000):
        dialog.import_button.click()
    assert _values(ctx, "sales") == {D(2026, 9, 1): 1234, D(2026, 9, 2): 15_000}
    assert _values(ctx, "daily_orders") == {D(2026, 9, 1): 12, D(2026, 9, 2): 20}
    # the dialog closes with a word that it worked (issue #16)
    assert window.statusBar().currentMessage().startswith("Imported from shop.csv: 4 new value")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert _values(ctx, "sales") == {} and _values(ctx, "daily_orders") == {}
    window.undo_stack.redo()
    assert _values(ctx, "daily_orders") == {D(2026, 9, 1): 12, D(2026, 9, 2): 20}


def test_bad_rows_block_the_import_unless_skipped(qtbot, window, ctx, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("日期,销售额\n2026-02-30,1\n2026-09-02,abc\n2026-09-03,5\n", encoding="utf-8")
    before = dump(ctx.store)
    dialog = _dialog(qtbot, window)
    dialog.load(str(path))
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_button.click()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems[0].startswith("bad.csv, line 2, column A (日期)")
    assert problems[1] == "bad.csv, line 3, column B (销售额): “abc” is not a number."
    assert not dialog.import_button.isEnabled()
    assert dump(ctx.store) == before
    dialog.skip_bad.click()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.changes_applied, timeout=10_000):
        dialog.import_button.click()
    assert _values(ctx, "sales") == {D(2026, 9, 3): 5}


def test_cancel_and_unreadable_files_write_nothing(qtbot, window, ctx, tmp_path):
    before = dump(ctx.store)
    path = tmp_path / "many.csv"
    path.write_text("日期,销售额\n" + "".join(f"2026-09-{1 + i % 28:02d},{i}\n" for i in range(20_000)),
                    encoding="utf-8")
    dialog = _dialog(qtbot, window)
    dialog.load(str(path))
    dialog.check()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert dialog.prepared is None and "cancelled" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("日期,销售额\n2026-09-01,五\n".encode("gbk"))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert not dialog.load(str(gbk))
    assert "gbk.csv, line 1, column 1: the text is not UTF-8" in dialog.summary.text()
    assert dump(ctx.store) == before
