"""Team: figures per person, reassigning by context menu and by drag and drop, with undo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.team.view import MIME


def _team(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, window.show_view("team")


def _users(ctx):
    return {u.login: u for u in ctx.services.people.users()}


def test_team_counts_per_person(qtbot, ctx):
    _window, view = _team(qtbot, ctx)
    kefu = _users(ctx)["kefu"]
    mine = ctx.services.team.open_tasks(ctx.plan_id, kefu.id)
    assert view.load_of(kefu.id).open == len(mine) >= 1
    view.select_user(kefu.id)
    assert view.tasks.count() == len(mine)
    assert view.tree.topLevelItemCount() >= 3
    assert view.heat.peak >= 1 and len(view.load_of(kefu.id).weeks) == view.data.weeks


def test_reassign_by_context_menu_and_undo(qtbot, ctx):
    window, view = _team(qtbot, ctx)
    users = _users(ctx)
    kefu, meigong = users["kefu"], users["meigong"]
    view.select_user(kefu.id)
    item = view.tasks.item(0)
    task_id = item.data(Qt.ItemDataRole.UserRole)
    item.setSelected(True)
    before = view.load_of(meigong.id).open

    def pick():
        menu = QApplication.activePopupWidget()
        sub = menu.findChild(QMenu, "reassignMenu")
        next(a for a in sub.actions() if a.data() == meigong.id).trigger()
        menu.close()

    QTimer.singleShot(100, pick)
    view._menu(view.tasks.visualItemRect(item).center())
    assert ctx.services.tasks.get(task_id).assignee_id == meigong.id
    assert view.load_of(meigong.id).open == before + 1
    window.undo_stack.undo()
    assert ctx.services.tasks.get(task_id).assignee_id == kefu.id
    assert view.load_of(meigong.id).open == before


def test_reassign_by_drag_and_drop(qtbot, ctx):
    window, view = _team(qtbot, ctx)
    users = _users(ctx)
    kefu, meigong = users["kefu"], users["meigong"]
    view.select_user(kefu.id)
    task_id = view.tasks.item(0).data(Qt.ItemDataRole.UserRole)
    mime = view.tasks.mimeData([view.tasks.item(0)])
    assert mime.hasFormat(MIME)
    view.select_user(meigong.id)
    target = view.tree.visualItemRect(view.tree.currentItem()).center()
    data = QMimeData()
    data.setData(MIME, mime.data(MIME))
    event = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.tree.dropEvent(event)
    assert ctx.services.tasks.get(task_id).assignee_id == meigong.id
    window.undo_stack.undo()
    assert ctx.services.tasks.get(task_id).assignee_id == kefu.id
