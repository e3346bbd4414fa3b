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
    qtbot.waitUntil(lambda: view.load_of(meigong.id).open == before + 1)  # (read off the GUI thread)
    window.undo_stack.undo()
    assert ctx.services.tasks.get(task_id).assignee_id == kefu.id
    qtbot.waitUntil(lambda: view.load_of(meigong.id).open == before)


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


def _row_names(view) -> list[str]:
    names = []
    for i in range(view.tree.topLevelItemCount()):
        role = view.tree.topLevelItem(i)
        names += [role.child(j).text(0) for j in range(role.childCount())]
    return names


def test_someone_no_longer_active_who_holds_tasks_is_shown_and_their_tasks_given_away(qtbot, ctx):
    window, view = _team(qtbot, ctx)
    users = _users(ctx)
    kefu, meigong = users["kefu"], users["meigong"]
    held = ctx.services.team.open_tasks(ctx.plan_id, kefu.id)
    assert len(held) >= 1
    window.apply(ctx.services.people.update_user(ctx.actor, kefu.id, active=False))
    qtbot.waitUntil(lambda: not view.refresher.busy)  # (read off the GUI thread)
    gone = next(n for n in _row_names(view) if kefu.name in n)
    assert "no longer active" in gone  # still there, marked, with their open work
    view.select_user(kefu.id)
    assert view.tasks.count() == len(held)
    ids = [t.id for t in held]
    view.reassign(ids, meigong.id)  # one write, one undo step
    assert {ctx.services.tasks.get(i).assignee_id for i in ids} == {meigong.id}
    assert window.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not any(kefu.name in n for n in _row_names(view)))  # the row goes
    window.undo_stack.undo()
    assert {ctx.services.tasks.get(i).assignee_id for i in ids} == {kefu.id}


def test_reassign_of_a_stale_list_changes_nothing_and_says_so(qtbot, ctx, monkeypatch):
    from opsdesk.ui.tasks import prompts

    shown: list = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, exc: shown.append(exc.message))
    window, view = _team(qtbot, ctx)
    users = _users(ctx)
    kefu, meigong = users["kefu"], users["meigong"]
    extra = next(t for t in ctx.services.tasks.list(ctx.plan_id)
                 if t.assignee_id != kefu.id and t.status == "todo")
    ctx.services.tasks.update(ctx.actor, extra.id, assignee_id=kefu.id)
    ids = [t.id for t in ctx.services.team.open_tasks(ctx.plan_id, kefu.id)]
    assert len(ids) >= 2
    ctx.services.tasks.delete(ctx.actor, ids[-1])  # gone meanwhile (another window)
    view.reassign(ids, meigong.id)
    assert shown  # explained
    assert {ctx.services.tasks.get(i).assignee_id for i in ids[:-1]} == {kefu.id}  # all or none
    assert window.undo_stack.count() == 0
