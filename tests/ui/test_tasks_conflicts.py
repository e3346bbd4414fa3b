"""A version conflict (someone else changed the task after the view read it) is handled the
same way on every edit path of the Tasks view — inline edit, tick-off, the side panel, the
task dialog, bulk edits: the app's conflict dialog (answered here by clicking its buttons)
with Reload, Overwrite or Cancel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from opsdesk.ui.dialogs.conflict import ConflictDialog
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.state import COL


def answer(button: str, shown: list) -> None:
    """Click ``button`` ("reload_button", "overwrite_button", "cancel") in the conflict
    dialog once it is shown (it runs modally), noting its text."""
    def attempt(tries: int = 0) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ConflictDialog) and w.isVisible()), None)
        if dialog is None:
            if tries < 200:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        shown.append(dialog.text())
        if button == "cancel":
            dialog.escapeButton().click()
        else:
            getattr(dialog, button).click()
    QTimer.singleShot(0, attempt)


@pytest.fixture
def view(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(prompts, "exec_dialog", lambda d: d.show())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    if view.model.grouped:
        view.act_group.trigger()
    return view


def behind_the_back(ctx, task_id: int) -> None:
    """Someone else edits the task (the view still shows the version before)."""
    ctx.services.tasks.update(ctx.actor, task_id, notes="someone else was here")


def todo_rows(view, n: int = 1) -> list[tuple]:
    kefu = view.ctx.services.people.authenticate("kefu").user_id
    return [r for r in view.model.rows if r.status == "todo" and r.assignee_id != kefu][:n]


def test_inline_edit_reload_shows_theirs_and_drops_mine(qtbot, ctx, view):
    row = todo_rows(view)[0]
    behind_the_back(ctx, row.id)
    shown = []
    answer("reload_button", shown)
    assert not view.model.setData(view.model.index_of(row.id, COL["priority"]), "urgent")
    assert shown and row.title in shown[0]
    assert ctx.services.tasks.get(row.id).priority == row.priority
    assert view.model.row_by_id(row.id).version == row.version + 1  # reloaded
    assert view.window().undo_stack.count() == 0


def test_tick_off_overwrite_saves_mine(qtbot, ctx, view):
    row = todo_rows(view)[0]
    behind_the_back(ctx, row.id)
    shown = []
    answer("overwrite_button", shown)
    assert view.model.setData(view.model.index_of(row.id), Qt.CheckState.Checked.value,
                              Qt.ItemDataRole.CheckStateRole)
    assert shown and ctx.services.tasks.get(row.id).status == "done"
    assert ctx.services.tasks.get(row.id).notes == "someone else was here"  # theirs stays
    assert view.window().undo_stack.count() == 1


def test_side_panel_tick_off_asks_the_same(qtbot, ctx, view):
    window = view.window()
    row = todo_rows(view)[0]
    window.show_task(row.id)
    panel = window.task_panel
    behind_the_back(ctx, row.id)  # the panel shows the version before
    shown = []
    answer("cancel", shown)
    panel.tick.click()
    assert shown and ctx.services.tasks.get(row.id).status == "todo"
    assert window.undo_stack.count() == 0
    # (while the question was open the change watcher may have shown theirs: again)
    window.show_task(row.id)
    version = panel.detail.task.version
    ctx.services.tasks.update(ctx.actor, row.id, notes="and again")
    answer("reload_button", shown)
    panel.tick.click()
    assert len(shown) == 2 and panel.detail.task.notes == "and again"
    assert panel.detail.task.version == version + 1 and window.undo_stack.count() == 0
    panel.tick.click()  # now as it is: no question
    assert len(shown) == 2 and ctx.services.tasks.get(row.id).status == "done"
    assert window.undo_stack.count() == 1


def test_task_dialog_cancel_keeps_it_open_then_overwrite(qtbot, ctx, view):
    row = todo_rows(view)[0]
    view.select_ids([row.id])
    view.act_edit.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "taskDialog" and w.isVisible())
    dialog.title.setText("Mine")
    behind_the_back(ctx, row.id)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    shown = []
    answer("cancel", shown)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert shown and dialog.isVisible()  # nothing saved, the edit is still there
    assert ctx.services.tasks.get(row.id).title == row.title
    answer("overwrite_button", shown)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert len(shown) == 2 and not dialog.isVisible()
    assert ctx.services.tasks.get(row.id).title == "Mine"
    assert view.model.row_by_id(row.id).title == "Mine"
    assert view.window().undo_stack.count() == 1


def test_bulk_assign_reload_assigns_nobody(qtbot, ctx, view):
    rows = todo_rows(view, 3)
    view.select_ids([r.id for r in rows])
    behind_the_back(ctx, rows[1].id)
    shown = []
    answer("reload_button", shown)
    view.assign_menu.aboutToShow.emit()  # (the people are listed when it opens)
    next(a for a in view.assign_menu.actions() if a.text() == "李客服").trigger()
    assert shown and "3" in shown[0]  # "some of the 3 selected tasks"
    assert [ctx.services.tasks.get(r.id).assignee_id for r in rows] == [r.assignee_id for r in rows]
    assert view.model.row_by_id(rows[1].id).version == rows[1].version + 1
    assert view.window().undo_stack.count() == 0
    answer("overwrite_button", shown)
    behind_the_back(ctx, rows[2].id)
    view.select_ids([r.id for r in rows])
    view.reschedule_selected(2)
    assert len(shown) == 2
    assert all(ctx.services.tasks.get(r.id).due == dt.date.fromisoformat(r.due) + dt.timedelta(2)
               for r in rows if r.due)
    assert view.window().undo_stack.count() == 1
