"""The spending dialog (Edit ▸ Spending and budgets…): enter spending, set a budget, the
budget strip's used and left, remove, undo, and an import checked before it is written."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.ui.main_window import MainWindow
from tests.conftest import dump

D = dt.date


@pytest.fixture
def window(qtbot, ctx):
    ctx.plan_id = ctx.services.plans.list()[0].id
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dialog(qtbot, window):
    assert window.act_spending.isVisible()  # a manager's
    dialog = window.open_spending()
    qtbot.addWidget(dialog)
    dialog.month.setDate(dialog.month.date().fromString("2026-09-01", "yyyy-MM-dd"))
    return dialog


def test_enter_spending_and_budget_with_undo(qtbot, window, ctx):
    dialog = _dialog(qtbot, window)
    dialog.day.setDate(dialog.day.date().fromString("2026-09-03", "yyyy-MM-dd"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("ztc"))
    dialog.amount.setText("1,200")
    dialog.add_button.click()
    assert dialog.table.rowCount() == 1 and "1,200" in dialog.table.item(0, 2).text()
    dialog.scope.setCurrentIndex(dialog.scope.findData("ads"))
    dialog.budget.setText("5000")
    dialog.set_budget.click()
    assert dialog.strip.isVisibleTo(dialog)
    text = " ".join(dialog.strip.texts())
    assert "¥1,200" in text and "¥5,000" in text and "¥3,800" in text  # 5,000 − 1,200 left
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()  # the budget
    window.undo_stack.undo()  # the spending
    dialog.reload()
    assert dialog.table.rowCount() == 0
    assert ctx.services.spending.entries(ctx.plan_id) == []
    dialog.amount.setText("abc")
    dialog.add_button.click()
    assert "“abc” is not an amount." in dialog.message.text()


def test_a_spending_import_is_checked_before_it_is_written(qtbot, window, ctx, tmp_path):
    dialog = _dialog(qtbot, window)
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,渠道,金额\n2026-09-01,抖音,5\n2026-09-02,钻展,-1\n", encoding="utf-8")
    before = dump(ctx.store)
    prep = dialog.check_import(str(bad))
    assert prep is not None and len(prep.problems) == 2
    assert dialog.problems.count() == 2 and "line 2, column B (渠道)" in dialog.problems.item(0).text()
    assert not dialog.apply_button.isVisibleTo(dialog)
    assert dump(ctx.store) == before
    good = tmp_path / "good.csv"
    good.write_text("日期,渠道,金额\n2026-09-01,直通车,300\n2026-09,人员,18000\n", encoding="utf-8")
    dialog.check_import(str(good))
    assert dialog.apply_button.isVisibleTo(dialog) and "2 new" in dialog.message.text()
    assert dump(ctx.store) == before  # nothing written before Import
    dialog.apply_button.click()
    assert dialog.table.rowCount() == 2 and window.undo_stack.count() == 1
