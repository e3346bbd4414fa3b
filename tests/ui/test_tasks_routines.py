"""Inline edits of a routine's occurrence in the Tasks view ask "this one / this and later /
all" (the routine dialog's question, answered here by clicking its buttons) and apply the
answer through the series service as one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks.state import COL

ROUTINE = "核对订单"


def click_later(object_name: str, button_text: str, asked: list) -> None:
    """Click ``button_text`` in the message box ``object_name`` once it is shown (modal)."""
    def attempt(tries: int = 0) -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == object_name
                    and w.isVisible()), None)
        if box is None:
            if tries < 200:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, attempt)


@pytest.fixture
def routine(qtbot, ctx):
    """A daily routine over September, and the Tasks view (flat) of the manager."""
    sv = ctx.services
    ctx.plan_id = ctx.plan_id or sv.plans.list()[0].id
    role = next(r for r in sv.people.roles() if r.key == "customer_service")
    sv.series.create(ctx.actor, ctx.plan_id, title=ROUTINE, rule="FREQ=DAILY",
                     start=dt.date(2026, 9, 1), until=dt.date(2026, 9, 30), role_id=role.id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    if view.model.grouped:
        view.act_group.trigger()
    return window, view


def all_occurrences(ctx) -> list:
    return [t for t in ctx.services.tasks.list(ctx.plan_id)
            if ctx.services.series.series_of(t.id) is not None]


def occurrences(ctx) -> dict[dt.date, object]:
    return {t.due: t for t in all_occurrences(ctx)}


def test_title_edit_asks_and_this_and_later_changes_only_the_later(qtbot, ctx, routine):
    window, view = routine
    middle = occurrences(ctx)[dt.date(2026, 9, 15)]
    index = view.model.index_of(middle.id, COL["title"])
    view.tree.setCurrentIndex(index)
    view.tree.edit(index)  # the inline editor, as F2 opens it
    editor = view.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == ROUTINE
    editor.setText("打印并核对订单")  # (QTest cannot type Chinese)
    asked = []
    click_later("routineScope", "This and later", asked)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked))
    assert "repeats" in asked[0]
    titles = {day: t.title for day, t in occurrences(ctx).items()}
    assert len(titles) == 30
    assert all(t == ROUTINE for day, t in titles.items() if day.day < 15)
    assert all(t == "打印并核对订单" for day, t in titles.items() if day.day >= 15)
    assert view.model.row_by_id(middle.id).title == "打印并核对订单"  # the view follows
    assert window.undo_stack.count() == 1  # one step for 16 tasks
    entry = ctx.services.audit.recent(ctx.plan_id, 1)[0]
    assert entry.entity == "series" and entry.user_id == ctx.actor.user_id
    window.act_undo.trigger()
    assert {t.title for t in occurrences(ctx).values()} == {ROUTINE}
    assert view.model.row_by_id(middle.id).title == ROUTINE
    window.act_redo.trigger()
    assert occurrences(ctx)[dt.date(2026, 9, 30)].title == "打印并核对订单"


def test_assignee_for_all_and_a_day_for_this_one(qtbot, ctx, routine):
    window, view = routine
    kefu = ctx.services.people.authenticate("kefu")
    first = occurrences(ctx)[dt.date(2026, 9, 10)]
    asked = []
    click_later("routineScope", "All", asked)
    assert view.model.setData(view.model.index_of(first.id, COL["assignee"]), kefu.user_id)
    assert asked and {t.assignee_id for t in occurrences(ctx).values()} == {kefu.user_id}
    # the day: "this one" moves only this occurrence
    click_later("routineScope", "This one", asked)
    assert view.model.setData(view.model.index_of(first.id, COL["due"]), QDate(2026, 9, 12))
    days = sorted(t.due for t in all_occurrences(ctx))
    assert len(days) == 30 and days.count(dt.date(2026, 9, 12)) == 2
    assert ctx.services.tasks.get(first.id).due == dt.date(2026, 9, 12)
    assert dt.date(2026, 9, 10) not in {t.due for t in occurrences(ctx).values()}
    assert window.undo_stack.count() == 2
    window.act_undo.trigger()
    assert ctx.services.tasks.get(first.id).due == dt.date(2026, 9, 10)
    window.act_undo.trigger()
    assert {t.assignee_id for t in occurrences(ctx).values()} == {None}


def test_a_new_day_for_this_and_later_repeats_from_there(qtbot, ctx, routine):
    window, view = routine
    middle = occurrences(ctx)[dt.date(2026, 9, 20)]
    asked = []
    click_later("routineScope", "This and later", asked)
    assert view.model.setData(view.model.index_of(middle.id, COL["due"]), QDate(2026, 9, 22))
    days = sorted(t.due for t in all_occurrences(ctx))
    assert days[0] == dt.date(2026, 9, 1) and dt.date(2026, 9, 21) not in days
    assert {dt.date(2026, 9, 22), dt.date(2026, 9, 30)} <= set(days)
    shown = sorted(view.model.row_by_id(i).due for i in view.model.visible_task_ids()
                   if view.model.row_by_id(i).title == ROUTINE)
    assert shown == [d.isoformat() for d in days]  # the view shows the routine as it is now
    window.act_undo.trigger()
    days = [dt.date(2026, 9, d) for d in range(1, 31)]
    assert sorted(t.due for t in all_occurrences(ctx)) == days
    shown = sorted(view.model.row_by_id(i).due for i in view.model.visible_task_ids()
                   if view.model.row_by_id(i).title == ROUTINE)
    assert shown == [d.isoformat() for d in days]


def test_cancel_changes_nothing_and_status_never_asks(qtbot, ctx, routine):
    window, view = routine
    one = occurrences(ctx)[dt.date(2026, 9, 5)]
    asked = []
    click_later("routineScope", "Cancel", asked)
    assert not view.model.setData(view.model.index_of(one.id, COL["priority"]), "urgent")
    assert asked and {t.priority for t in occurrences(ctx).values()} == {"normal"}
    assert window.undo_stack.count() == 0
    # the status is each occurrence's own (ticked off on its own): no question
    assert view.model.setData(view.model.index_of(one.id, COL["status"]), "doing")
    assert len(asked) == 1
    statuses = {day: t.status for day, t in occurrences(ctx).items()}
    assert statuses.pop(dt.date(2026, 9, 5)) == "doing" and set(statuses.values()) == {"todo"}


def _open_dialog(qtbot, view, task_id, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from opsdesk.ui.tasks import prompts

    monkeypatch.setattr(prompts, "exec_dialog", lambda d: d.show())
    view.select_ids([task_id])
    view.act_edit.trigger()  # Ctrl+E
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "taskDialog" and w.isVisible())
    return dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_task_dialog_asks_and_this_and_later_reaches_the_routine(qtbot, ctx, routine,
                                                                 monkeypatch):
    window, view = routine
    middle = occurrences(ctx)[dt.date(2026, 9, 15)]
    dialog, save = _open_dialog(qtbot, view, middle.id, monkeypatch)
    dialog.title.setText("打印并核对订单")  # shared by the routine
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    dialog.status.setCurrentIndex(dialog.status.findData("doing"))  # this occurrence's own
    dialog.new_subtasks.append("打印面单")
    asked = []
    click_later("routineScope", "This and later", asked)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked and not dialog.isVisible()
    by_day = occurrences(ctx)
    assert all(t.title == ROUTINE and t.priority != "high"
               for day, t in by_day.items() if day.day < 15)
    assert all(t.title == "打印并核对订单" and t.priority == "high"
               for day, t in by_day.items() if day.day >= 15)
    assert [day.day for day, t in by_day.items() if t.status == "doing"] == [15]
    subs = [t for t in ctx.services.tasks.list(ctx.plan_id) if t.title == "打印面单"]
    assert len(subs) == 1 and subs[0].parent_id == middle.id
    assert view.model.row_by_id(middle.id).title == "打印并核对订单"
    assert window.undo_stack.count() == 1  # one step for the routine and the occurrence
    window.act_undo.trigger()
    assert {(t.title, t.status) for t in occurrences(ctx).values()} == {(ROUTINE, "todo")}
    assert not [t for t in ctx.services.tasks.list(ctx.plan_id) if t.title == "打印面单"]
    assert view.model.row_by_id(middle.id).title == ROUTINE
    window.act_redo.trigger()
    assert occurrences(ctx)[dt.date(2026, 9, 30)].title == "打印并核对订单"


def test_task_dialog_new_day_for_all_repeats_from_it_and_keeps_this_ones_fields(
        qtbot, ctx, routine, monkeypatch):
    window, view = routine
    moved = occurrences(ctx)[dt.date(2026, 9, 20)]
    dialog, save = _open_dialog(qtbot, view, moved.id, monkeypatch)
    dialog.due.setDate(QDate(2026, 9, 22))
    dialog.status.setCurrentIndex(dialog.status.findData("blocked"))
    asked = []
    click_later("routineScope", "All", asked)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked and not dialog.isVisible()
    by_day = occurrences(ctx)
    assert sorted(by_day) == [dt.date(2026, 9, d) for d in range(22, 31)]  # from the new day
    assert [day.day for day, t in by_day.items() if t.status == "blocked"] == [22]
    shown = sorted(view.model.row_by_id(i).due for i in view.model.visible_task_ids()
                   if view.model.row_by_id(i).title == ROUTINE)
    assert shown == [d.isoformat() for d in sorted(by_day)]
    window.act_undo.trigger()
    assert sorted(occurrences(ctx)) == [dt.date(2026, 9, d) for d in range(1, 31)]
    assert ctx.services.tasks.get(moved.id).status == "todo"


def test_task_dialog_scope_cancel_keeps_it_open_and_this_one_changes_one(
        qtbot, ctx, routine, monkeypatch):
    window, view = routine
    one = occurrences(ctx)[dt.date(2026, 9, 5)]
    dialog, save = _open_dialog(qtbot, view, one.id, monkeypatch)
    dialog.title.setText("只这一天")
    asked = []
    click_later("routineScope", "Cancel", asked)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked and dialog.isVisible() and window.undo_stack.count() == 0
    assert {t.title for t in occurrences(ctx).values()} == {ROUTINE}
    click_later("routineScope", "This one", asked)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and not dialog.isVisible()
    titles = [t.title for t in occurrences(ctx).values()]
    assert titles.count("只这一天") == 1 and titles.count(ROUTINE) == 29


def test_task_dialog_on_an_occurrence_changed_meanwhile_asks_about_the_conflict(
        qtbot, ctx, routine, monkeypatch):
    from tests.ui.test_tasks_conflicts import answer

    window, view = routine
    middle = occurrences(ctx)[dt.date(2026, 9, 15)]
    dialog, save = _open_dialog(qtbot, view, middle.id, monkeypatch)
    dialog.title.setText("新标题")
    ctx.services.tasks.update(ctx.actor, middle.id, notes="someone else was here")
    asked, shown = [], []
    click_later("routineScope", "All", asked)
    answer("cancel", shown)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked and shown and dialog.isVisible()
    assert {t.title for t in occurrences(ctx).values()} == {ROUTINE}  # nothing written
    assert window.undo_stack.count() == 0
