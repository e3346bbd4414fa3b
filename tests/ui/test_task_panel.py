"""The task side panel: tick off with undo/redo, comment, follow links; staff rights."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opsdesk.ui.main_window import MainWindow


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_tick_off_then_undo_and_redo(qtbot, ctx):
    window = _window(qtbot, ctx)
    tasks = ctx.services.tasks
    task = next(t for t in tasks.list(ctx.plan_id) if t.status == "todo")
    window.show_task(task.id)
    panel = window.task_panel
    assert window.task_dock.isVisible() and task.title in panel.title.text()
    assert panel.tick.isVisible()
    with qtbot.waitSignal(window.changes_applied):
        qtbot.mouseClick(panel.tick, Qt.MouseButton.LeftButton)
    assert tasks.get(task.id).status == "done"
    assert "王经理" in panel.fields["done"].text()
    assert window.undo_stack.count() == 1
    window.act_undo.trigger()
    assert tasks.get(task.id).status == "todo"
    assert panel.fields["done"].text() == "—"
    window.act_redo.trigger()
    assert tasks.get(task.id).status == "done"


def test_comment_is_added_newest_last(qtbot, ctx):
    window = _window(qtbot, ctx)
    task = ctx.services.tasks.list(ctx.plan_id)[0]
    window.show_task(task.id)
    panel = window.task_panel
    for text in ("第一条", "second <b>not bold</b>"):
        panel.new_comment.setPlainText(text)
        qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    html = panel.comments.toPlainText()
    assert html.index("第一条") < html.index("second <b>not bold</b>")
    assert panel.new_comment.toPlainText() == ""
    assert [c.text for c in ctx.services.tasks.comments(task.id)] == ["第一条", "second <b>not bold</b>"]


def test_staff_cannot_tick_someone_elses_task(qtbot, ctx):
    ctx.actor = ctx.services.people.authenticate("meigong")
    window = _window(qtbot, ctx)
    kefu = ctx.services.people.authenticate("kefu")
    theirs = next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.assignee_id == kefu.user_id)
    window.show_task(theirs.id)
    assert not window.task_panel.tick.isVisible()
    assert window.task_panel.send.isEnabled()  # anyone may comment


def test_overview_double_click_opens_the_panel(qtbot, ctx):
    window = _window(qtbot, ctx)
    item = window.overview.overdue.topLevelItem(0)
    window.overview.sig_open_task.emit(item.data(0, Qt.ItemDataRole.UserRole))
    assert window.task_dock.isVisible()
    assert window.task_panel.title.text().endswith(item.text(2))


def test_links_open_the_linked_task(qtbot, ctx):
    window = _window(qtbot, ctx)
    task = next(t for t in ctx.services.tasks.list(ctx.plan_id) if "产品上传" in t.title)
    window.show_task(task.id)
    links = window.task_panel.links
    assert links.count() == 2  # after the detail pages and the copy
    window.task_panel._open_linked(links.item(0))
    assert window.task_panel.task_id != task.id
