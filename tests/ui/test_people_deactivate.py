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
