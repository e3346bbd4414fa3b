"""The routine editor: a daily routine over September, then "this and later" from the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.mywork.routine_dialog import RoutineDialog


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_create_then_edit_this_and_later(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    sv, plan = ctx.services, ctx.plan_id
    before = len(sv.tasks.list(plan))
    dialog = RoutineDialog(ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.title.setText("核对订单")  # (QTest cannot type Chinese)
    dialog.role.setCurrentIndex(dialog.role.findText("Customer service"))
    dialog.freq.setCurrentIndex(0)  # every day
    dialog.start.setDate(QDate(2026, 9, 1))
    dialog.until.setDate(QDate(2026, 9, 30))
    _ok(qtbot, dialog)
    tasks = [t for t in sv.tasks.list(plan) if t.title == "核对订单"]
    assert len(tasks) == 30 == len(sv.tasks.list(plan)) - before
    assert window.undo_stack.undoText().startswith("New routine")

    middle = next(t for t in tasks if t.due == dt.date(2026, 9, 15))
    edit = RoutineDialog(ctx, window, middle.id)
    qtbot.addWidget(edit)
    assert edit.freq.currentData() == "daily" and edit.title.text() == "核对订单"
    edit.title.setText("打印并核对订单")
    edit.scopes["later"].setChecked(True)
    _ok(qtbot, edit)
    titles = {t.due: t.title for t in sv.tasks.list(plan) if t.title.endswith("核对订单")}
    assert all(title == "核对订单" for day, title in titles.items() if day.day < 15)
    assert all(title == "打印并核对订单" for day, title in titles.items() if day.day >= 15)
    assert len(titles) == 30

    window.undo_stack.undo()  # back to one title everywhere
    assert {t.title for t in sv.tasks.list(plan) if t.title.endswith("核对订单")} == {"核对订单"}
    window.undo_stack.undo()  # and no routine at all
    assert not [t for t in sv.tasks.list(plan) if t.title.endswith("核对订单")]


def test_weekdays_rule_from_the_dialog(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = RoutineDialog(ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.title.setText("周会")
    dialog.freq.setCurrentIndex(dialog.freq.findData("weekdays"))
    assert dialog.day_box.isVisibleTo(dialog)
    dialog.days[0].setChecked(True)
    dialog.days[3].setChecked(True)
    assert dialog.rule() == "FREQ=WEEKLY;BYDAY=MO,TH"
    dialog.start.setDate(QDate(2026, 9, 1))
    dialog.until.setDate(QDate(2026, 9, 30))
    _ok(qtbot, dialog)
    days = sorted(t.due for t in ctx.services.tasks.list(ctx.plan_id) if t.title == "周会")
    assert len(days) == 8 and {d.weekday() for d in days} == {0, 3}


def test_rule_change_and_its_undo_leave_no_stale_rows_in_open_views(qtbot, ctx):
    """The routine's occurrences are replaced (SQLite hands the freed ids to the new ones):
    the Tasks view and My work, open at the time, show exactly what the database holds."""

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    sv, plan = ctx.services, ctx.plan_id
    made = sv.series.create(ctx.actor, plan, title="盘点库存", rule="FREQ=DAILY",
                            start=dt.date(2026, 9, 1), until=dt.date(2026, 9, 30))
    tasks_view = window.show_view("tasks")

    def shown() -> list[str]:
        return sorted(r.due for r in tasks_view.model.rows if r.title == "盘点库存")

    def stored() -> list[str]:
        return sorted(t.due.isoformat() for t in sv.tasks.list(plan) if t.title == "盘点库存")

    assert len(shown()) == 30
    first = min(made.ids)
    edit = RoutineDialog(ctx, window, first)
    qtbot.addWidget(edit)
    edit.until.setDate(QDate(2026, 9, 10))  # the first ten days stay as they were
    edit.scopes["all"].setChecked(True)
    _ok(qtbot, edit)
    print('DBG', sorted(made.ids), sorted(t.id for t in sv.tasks.list(plan) if t.title == '盘点库存'), len(shown()))
    assert len(stored()) == 10 and shown() == stored()
    window.undo_stack.undo()
    assert len(stored()) == 30 and shown() == stored()
    window.undo_stack.redo()
    assert shown() == stored() and len(shown()) == 10


def _monthly(qtbot, ctx, window, title, mode, **choice):
    dialog = RoutineDialog(ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.title.setText(title)
    dialog.freq.setCurrentIndex(dialog.freq.findData("monthly"))
    dialog.month_mode.setCurrentIndex(dialog.month_mode.findData(mode))
    for name, value in choice.items():
        combo = getattr(dialog, name)
        combo.setCurrentIndex(combo.findData(value))
    dialog.start.setDate(QDate(2026, 9, 1))
    dialog.until.setDate(QDate(2026, 12, 31))
    return dialog


def test_first_monday_and_last_day_of_the_month_round_trip(qtbot, ctx):
    """The template's two monthly routines (BYDAY=+1MO, BYMONTHDAY=-1) can be made in the
    dialog, and the dialog shows them as such when it opens them again."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sv = ctx.services
    first = _monthly(qtbot, ctx, window, "月度例会", "nth", nth=1, nth_day="MO")
    assert first.nth.isVisibleTo(first) and not first.monthday.isVisibleTo(first)
    assert first.rule() == "FREQ=MONTHLY;BYDAY=+1MO"
    _ok(qtbot, first)
    mondays = sorted(t.due for t in sv.tasks.list(ctx.plan_id) if t.title == "月度例会")
    assert mondays == [dt.date(2026, 9, 7), dt.date(2026, 10, 5), dt.date(2026, 11, 2),
                       dt.date(2026, 12, 7)]

    last = _monthly(qtbot, ctx, window, "月度总结", "last")
    assert not last.monthday.isVisibleTo(last) and not last.nth.isVisibleTo(last)
    assert last.rule() == "FREQ=MONTHLY;BYMONTHDAY=-1"
    _ok(qtbot, last)
    ends = sorted(t.due for t in sv.tasks.list(ctx.plan_id) if t.title == "月度总结")
    assert ends == [dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 30),
                    dt.date(2026, 12, 31)]

    # opened again, each shows what it is, and saving it unchanged keeps its rule
    for title, mode, rule in (("月度例会", "nth", "FREQ=MONTHLY;BYDAY=+1MO"),
                              ("月度总结", "last", "FREQ=MONTHLY;BYMONTHDAY=-1")):
        task = next(t for t in sv.tasks.list(ctx.plan_id) if t.title == title)
        edit = RoutineDialog(ctx, window, task.id)
        qtbot.addWidget(edit)
        assert edit.freq.currentData() == "monthly" and edit.month_mode.currentData() == mode
        assert edit.rule() == rule
    assert edit.month_mode.currentData() == "last"
    opened = RoutineDialog(ctx, window, next(t for t in sv.tasks.list(ctx.plan_id)
                                             if t.title == "月度例会").id)
    qtbot.addWidget(opened)
    assert (opened.nth.currentData(), opened.nth_day.currentData()) == (1, "MO")


def test_the_other_spellings_of_first_monday_open_as_first_monday(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sv = ctx.services
    for i, rule in enumerate(("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1", "FREQ=MONTHLY;BYDAY=1MO",
                              "FREQ=MONTHLY;BYDAY=-1FR")):
        sv.series.create(ctx.actor, ctx.plan_id, title=f"例{i}", rule=rule,
                         start=dt.date(2026, 9, 1), until=dt.date(2026, 10, 31))
        task = next(t for t in sv.tasks.list(ctx.plan_id) if t.title == f"例{i}")
        dialog = RoutineDialog(ctx, window, task.id)
        qtbot.addWidget(dialog)
        assert dialog.month_mode.currentData() == "nth"
        expected = (-1, "FR") if rule.endswith("-1FR") else (1, "MO")
        assert (dialog.nth.currentData(), dialog.nth_day.currentData()) == expected
        assert dialog.rule() == f"FREQ=MONTHLY;BYDAY={expected[0]:+d}{expected[1]}"
