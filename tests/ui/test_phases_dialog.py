"""Plan ▸ Phases… (manager only): rename, new dates, add, remove an empty phase, reorder;
each one undo step on the window's stack, and the Timeline follows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from opsdesk.ui.dialogs.phases import PhasesDialog
from opsdesk.ui.main_window import MainWindow


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dialog(qtbot, ctx, window):
    assert window.phase_actions.action.isVisible()
    dialog = window.phase_actions.open_dialog()
    assert isinstance(dialog, PhasesDialog)
    qtbot.addWidget(dialog)
    return dialog


def _names(ctx):
    return [(p.name_zh, p.name_en) for p in ctx.services.plans.phases(ctx.plan_id)]


def test_rename_and_dates_with_undo_redo_and_bad_dates_refused(qtbot, ctx):
    window = _window(qtbot, ctx)
    dialog = _dialog(qtbot, ctx, window)
    sv = ctx.services
    first = sv.plans.phases(ctx.plan_id)[0]
    dialog.table.selectRow(0)
    assert dialog.form.name_en.text() == first.name_en
    dialog.form.name_zh.setText("筹备期")
    dialog.form.name_en.setText("Set-up")
    dialog.apply_button.click()
    assert _names(ctx)[0] == ("筹备期", "Set-up")
    assert dialog.table.item(0, 1).text() == "Set-up"
    assert window.undo_stack.undoText().startswith("Change phase")

    # an end before the start: said at once, refused by the service, nothing changes
    dialog.form.end.setDate(QDate(first.start.year, first.start.month, first.start.day).addDays(-1))
    assert dialog.warning.text()
    count = window.undo_stack.count()
    dialog.apply_button.click()
    assert dialog.error.text() and window.undo_stack.count() == count
    assert sv.plans.phases(ctx.plan_id)[0].end == first.end

    # dates running into the next phase: a warning, and allowed
    second = sv.plans.phases(ctx.plan_id)[1]
    dialog.table.selectRow(0)
    dialog.form.end.setDate(QDate(second.start.year, second.start.month, second.start.day).addDays(5))
    assert second.name_en in dialog.warning.text()
    dialog.apply_button.click()
    assert sv.plans.phases(ctx.plan_id)[0].end == second.start + dt.timedelta(days=5)

    window.undo_stack.undo()  # the dates
    assert sv.plans.phases(ctx.plan_id)[0].end == first.end
    window.undo_stack.undo()  # the names
    assert _names(ctx)[0] == (first.name_zh, first.name_en)
    assert dialog.table.item(0, 1).text() == first.name_en  # the open dialog follows
    window.undo_stack.redo()
    assert _names(ctx)[0] == ("筹备期", "Set-up")


def test_add_reorder_remove_and_the_timeline_follows(qtbot, ctx):
    window = _window(qtbot, ctx)
    timeline = window.show_view("timeline")
    qtbot.waitUntil(lambda: timeline.canvas.data is not None)
    dialog = _dialog(qtbot, ctx, window)
    before = _names(ctx)
    done = dialog.add("双11大促", "Double 11 campaign", dt.date(2026, 11, 1), dt.date(2026, 11, 12))
    assert done is not None and _names(ctx)[-1] == ("双11大促", "Double 11 campaign")
    qtbot.waitUntil(lambda: "双11大促" in [p.name_zh for p in timeline.canvas.data.phases])
    assert dialog.table.rowCount() == len(before) + 1
    overview = window.show_view("overview")  # the Overview follows when shown
    qtbot.waitUntil(lambda: any(c.isVisibleTo(overview) and "Double 11 campaign" in c.name.text()
                                for c in overview.phase_cards))
    window.show_view("timeline")

    dialog.table.selectRow(len(before))
    dialog.up_button.click()
    assert _names(ctx)[-2] == ("双11大促", "Double 11 campaign")
    window.undo_stack.undo()
    assert _names(ctx)[-1] == ("双11大促", "Double 11 campaign")

    # a phase with tasks stays, and the dialog says why
    dialog.table.selectRow(0)
    count = window.undo_stack.count()
    dialog.remove_button.click()
    assert "task" in dialog.error.text() and window.undo_stack.count() == count
    assert len(_names(ctx)) == len(before) + 1

    dialog.table.selectRow(len(before))
    dialog.remove_button.click()
    assert _names(ctx) == before
    qtbot.waitUntil(lambda: "双11大促" not in [p.name_zh for p in timeline.canvas.data.phases])
    window.undo_stack.undo()
    assert _names(ctx)[-1] == ("双11大促", "Double 11 campaign")
    window.undo_stack.undo()  # and the add
    assert _names(ctx) == before


def test_staff_do_not_see_phases(qtbot, ctx):
    staff = ctx.services.people.authenticate("kefu")
    window = _window(qtbot, ctx)
    window.set_actor(staff)
    assert not window.phase_actions.action.isVisible()
    assert window.phase_actions.open_dialog() is None


def test_a_refused_new_phase_keeps_what_was_typed(qtbot, ctx):
    from opsdesk.ui.dialogs.phases import AddPhaseDialog

    window = _window(qtbot, ctx)
    dialog = _dialog(qtbot, ctx, window)
    before = _names(ctx)
    add = AddPhaseDialog(dialog)
    qtbot.addWidget(add)
    add.form.set_values("双11大促", "", dt.date(2026, 11, 1), dt.date(2026, 11, 12))  # no English
    add.show()
    add.accept()
    assert add.isVisible() and add.error.text() and add.done_changes is None
    assert add.form.name_zh.text() == "双11大促" and _names(ctx) == before
    add.form.name_en.setText("Double 11 campaign")
    add.accept()
    assert not add.isVisible() and add.done_changes is not None
    assert _names(ctx)[-1] == ("双11大促", "Double 11 campaign")
