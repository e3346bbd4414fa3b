"""The inline editors of the Tasks view keep what a task has when nothing is chosen: a task
held by someone no longer active keeps them (the editor shows them as such)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks.state import COL


def _tasks(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("tasks")
    if view.model.grouped:
        view.act_group.trigger()
    return window, view


def test_leaving_the_assignee_editor_keeps_a_person_no_longer_active(qtbot, ctx):
    window, view = _tasks(qtbot, ctx)
    row = next(r for r in view.model.rows if r.assignee_id is not None and r.status != "done")
    person = next(u for u in ctx.services.people.users() if u.id == row.assignee_id)
    ctx.services.people.update_user(ctx.actor, person.id, active=False)
    view.refresh()
    index = view.model.index_of(row.id, COL["assignee"])
    delegate = view.tree.itemDelegate()
    editor = delegate.createEditor(view.tree.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert person.name in editor.currentText() and editor.currentData() == person.id
    delegate.setModelData(editor, view.model, index)  # left without choosing
    assert ctx.services.tasks.get(row.id).assignee_id == person.id
    assert window.undo_stack.count() == 0
    # choosing someone else still writes
    other = editor.findData(None)
    editor.setCurrentIndex(other)
    delegate.setModelData(editor, view.model, index)
    assert ctx.services.tasks.get(row.id).assignee_id is None
    assert window.undo_stack.count() == 1
    editor.deleteLater()


def test_a_date_outside_the_plan_is_saved_and_said(qtbot, ctx):
    import datetime as dt

    from PySide6.QtCore import QDate

    window, view = _tasks(qtbot, ctx)
    row = next(r for r in view.model.rows if r.status == "todo")
    assert view.model.setData(view.model.index_of(row.id, COL["due"]), QDate(2030, 1, 1))
    assert ctx.services.tasks.get(row.id).due == dt.date(2030, 1, 1)  # allowed
    assert "outside the plan" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    view.select_ids([row.id])
    view.reschedule_selected(-1)  # still outside: said again
    assert "outside the plan" in window.statusBar().currentMessage()


def test_staff_cannot_tick_back_what_someone_else_ticked_off(qtbot, ctx):
    import dataclasses

    from PySide6.QtCore import Qt

    sv = ctx.services
    ctx.plan_id = ctx.plan_id or sv.plans.list()[0].id
    role = next(r for r in sv.people.roles() if r.key == "customer_service")
    sv.people.create_user(ctx.actor, "客服二", "kefu2", role.id)
    other = sv.people.authenticate("kefu2")
    task = next(t for t in sv.tasks.list(ctx.plan_id)
                if t.role_id == role.id and t.assignee_id is None and t.status == "todo")
    sv.tasks.tick_off(other, task.id)
    staff = dataclasses.replace(ctx, actor=sv.people.authenticate("kefu"))
    window, view = _tasks(qtbot, staff)
    index = view.model.index_of(task.id, COL["title"])
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable  # not offered
    mine = next(t for t in sv.tasks.list(ctx.plan_id)
                if t.role_id == role.id and t.assignee_id is None and t.status == "todo")
    sv.tasks.tick_off(staff.actor, mine.id)
    view.refresh()
    own = view.model.index_of(mine.id, COL["title"])
    assert view.model.flags(own) & Qt.ItemFlag.ItemIsUserCheckable  # their own: may reopen


def test_tab_leaves_an_empty_date_field(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from opsdesk.ui.tasks.delegates import date_edit, get_date, set_date

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    empty, after = date_edit(form, "en"), QLineEdit(form)
    set_date(empty, None)
    layout.addWidget(empty)
    layout.addWidget(after)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    empty.setFocus()
    assert get_date(empty) is None and form.focusWidget() in (empty, empty.focusProxy())
    for _ in range(3):  # (a date with sections would step through them first)
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    assert form.focusWidget() is after  # (a plain QDateEdit kept the focus for ever)
