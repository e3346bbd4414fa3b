"""Deactivating someone who still holds open tasks asks what becomes of the tasks."""

from __future__ import annotations

import pytest

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.people import view as people_view


@pytest.fixture
def window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _holder(ctx):
    kefu = next(u for u in ctx.services.people.users() if u.login == "kefu")
    held = [t.id for t in ctx.services.team.open_tasks(ctx.plan_id, kefu.id)]
    assert held
    return kefu, held


def test_deactivate_and_unassign_is_one_undo_step(window, ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(people_view, "ask_deactivate",
                        lambda parent, name, count: asked.append((name, count)) or "unassign")
    view = window.show_view("people")
    kefu, held = _holder(ctx)
    view.select_user(kefu.id)
    view.toggle_active()
    assert asked == [(kefu.name, len(held))]
    assert kefu.login not in {u.login for u in ctx.services.people.users()}
    assert {ctx.services.tasks.get(i).assignee_id for i in held} == {None}
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert kefu.login in {u.login for u in ctx.services.people.users()}
    assert {ctx.services.tasks.get(i).assignee_id for i in held} == {kefu.id}


def test_keep_or_cancel(window, ctx, monkeypatch):
    view = window.show_view("people")
    kefu, held = _holder(ctx)
    monkeypatch.setattr(people_view, "ask_deactivate", lambda *a: None)
    view.select_user(kefu.id)
    view.toggle_active()  # cancelled: nothing happens
    assert kefu.login in {u.login for u in ctx.services.people.users()}
    monkeypatch.setattr(people_view, "ask_deactivate", lambda *a: "keep")
    view.select_user(kefu.id)
    view.toggle_active()
    assert kefu.login not in {u.login for u in ctx.services.people.users()}
    assert {ctx.services.tasks.get(i).assignee_id for i in held} == {kefu.id}  # kept


def test_a_refused_person_keeps_the_dialog_open_with_the_reason(qtbot, window, ctx):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from opsdesk.ui.people.dialogs import PersonDialog

    view = window.show_view("people")
    seen: list[str] = []

    def fill(step: int = 0) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, PersonDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, lambda: fill(step))
            return
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        if step == 0:
            dialog.name.setText("钱仓管")
            dialog.login.setText("kefu")  # taken
            ok.click()
            seen.append(dialog.error.text() if dialog.isVisible() else "closed")
            dialog.login.setText("cangguan")
            QTimer.singleShot(0, lambda: fill(1))
        else:
            ok.click()
    QTimer.singleShot(0, fill)
    view.add_person()
    assert seen and "kefu" in seen[0] and seen[0] != "closed"  # said in the dialog, kept open
    made = next(u for u in ctx.services.people.users() if u.login == "cangguan")
    assert made.name == "钱仓管"  # what was typed was not lost
    assert window.undo_stack.count() == 1
