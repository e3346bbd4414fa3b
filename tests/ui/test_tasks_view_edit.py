"""Tasks view editing by the manager: bulk edits with one undo step, the task dialog with
errors at the field, delete + undo, the conflict dialog, and the change log's person."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from opsdesk.ui.dialogs.conflict import ConflictChoice
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.state import COL


@pytest.fixture
def answers(monkeypatch):
    """Answers to the view's questions, and what it showed."""
    state = {"confirm": True, "conflict": "cancel", "days": 7, "errors": [], "dialogs": [],
             "asked": []}
    monkeypatch.setattr(prompts, "show_error", lambda p, exc: state["errors"].append(exc))
    monkeypatch.setattr(prompts, "confirm",
                        lambda p, t, q, d="": state["asked"].append(q + " " + d) or state["confirm"])
    monkeypatch.setattr(prompts, "ask_conflict", lambda p, what=None, *last: state["asked"].append(
        "conflict") or ConflictChoice(state["conflict"]))
    monkeypatch.setattr(prompts, "ask_days", lambda p, n, *working: state["days"])
    monkeypatch.setattr(prompts, "exec_dialog", lambda d: state["dialogs"].append(d) or d.show())
    return state


def _view(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    if view.model.grouped:
        view.act_group.trigger()  # flat, so selections are simple
    return window, view


def test_bulk_assign_50_and_one_undo_restores_all(qtbot, ctx, answers):
    from opsdesk.services.tasks import NewTask

    ctx.plan_id = ctx.services.plans.list()[0].id
    ctx.services.tasks.bulk_create(ctx.actor, ctx.plan_id, [NewTask(f"extra {i}") for i in range(20)])
    window, view = _view(qtbot, ctx)
    kefu = ctx.services.people.authenticate("kefu")
    rows = [r for r in view.model.rows if r.assignee_id != kefu.user_id][:50]
    assert len(rows) == 50
    view.select_ids([r.id for r in rows])
    assert len(view.selected_ids()) == 50
    view.assign_menu.aboutToShow.emit()  # (the people are listed when it opens)
    act = next(a for a in view.assign_menu.actions() if a.text() == "李客服")
    act.trigger()
    assert all(ctx.services.tasks.get(r.id).assignee_id == kefu.user_id for r in rows)
    assert all(view.model.row_by_id(r.id).assignee_id == kefu.user_id for r in rows)
    assert window.undo_stack.count() == 1
    entry = ctx.services.audit.recent(ctx.plan_id, 1)[0]
    assert entry.action == "bulk_update" and entry.user_id == ctx.actor.user_id
    window.act_undo.trigger()
    assert [ctx.services.tasks.get(r.id).assignee_id for r in rows] == [r.assignee_id for r in rows]
    assert [view.model.row_by_id(r.id).assignee_id for r in rows] == [r.assignee_id for r in rows]
    window.act_redo.trigger()
    assert all(ctx.services.tasks.get(r.id).assignee_id == kefu.user_id for r in rows)


def test_bulk_reschedule_and_status(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    rows = [r for r in view.model.rows if r.due and r.status == "todo"][:10]
    view.select_ids([r.id for r in rows])
    answers["days"] = 3
    view.act_reschedule.trigger()
    for r in rows:
        assert ctx.services.tasks.get(r.id).due == dt.date.fromisoformat(r.due) + dt.timedelta(days=3)
    view.select_ids([r.id for r in rows])
    next(a for a in view.status_menu.actions() if a.text() == "Blocked").trigger()
    assert all(ctx.services.tasks.get(r.id).status == "blocked" for r in rows)
    assert window.undo_stack.count() == 2
    window.act_undo.trigger()
    window.act_undo.trigger()
    for r in rows:
        t = ctx.services.tasks.get(r.id)
        assert t.status == "todo" and t.due.isoformat() == r.due


def test_delete_and_undo_restores_comments_and_links(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    tasks = ctx.services.tasks
    parent = next(r for r in view.model.rows if r.title == "天猫上线准备")
    tasks.comment(ctx.actor, parent.id, "请先确认图片")
    child = next(r for r in view.model.rows if r.parent_id == parent.id)
    links_before = sorted(tasks.links(ctx.plan_id))
    count_before = len(view.model.rows)
    view.select_ids([parent.id])
    view.act_delete.trigger()
    asked = answers["asked"][-1]
    assert "4 subtasks" in asked and "1 comment" in asked and "(s)" not in asked
    assert view.model.row_by_id(parent.id) is None and view.model.row_by_id(child.id) is None
    assert len(view.model.rows) == count_before - 5
    entry = ctx.services.audit.recent(ctx.plan_id, 1)[0]
    assert (entry.action, entry.user_id) == ("delete", ctx.actor.user_id)
    window.act_undo.trigger()
    assert view.model.row_by_id(parent.id) is not None
    entry = ctx.services.audit.recent(ctx.plan_id, 1)[0]
    assert (entry.action, entry.user_id) == ("undo", ctx.actor.user_id)
    assert [c.text for c in tasks.comments(parent.id)] == ["请先确认图片"]
    assert sorted(tasks.links(ctx.plan_id)) == links_before
    assert tasks.get(child.id).parent_id == parent.id
    # declining the confirmation deletes nothing
    answers["confirm"] = False
    view.select_ids([parent.id])
    view.act_delete.trigger()
    assert tasks.get(parent.id) and window.undo_stack.count() == 1


def test_conflict_offers_reload_or_overwrite(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    row = next(r for r in view.model.rows if r.status == "todo")
    ctx.services.tasks.update(ctx.actor, row.id, notes="someone else")  # behind the view's back
    index = view.model.index_of(row.id, COL["priority"])
    answers["conflict"] = "cancel"
    assert not view.model.setData(index, "urgent")
    assert answers["asked"] == ["conflict"] and ctx.services.tasks.get(row.id).priority != "urgent"
    answers["conflict"] = "reload"
    view.model.setData(index, "urgent")
    assert view.model.row_by_id(row.id).version == row.version + 1  # reloaded: the new version
    assert ctx.services.tasks.get(row.id).priority != "urgent"
    ctx.services.tasks.update(ctx.actor, row.id, notes="again")
    answers["conflict"] = "overwrite"
    assert view.model.setData(view.model.index_of(row.id, COL["priority"]), "urgent")
    assert ctx.services.tasks.get(row.id).priority == "urgent"
    assert ctx.services.tasks.get(row.id).notes == "again"  # only the edited field
    assert window.undo_stack.count() == 1


def test_dialog_shows_errors_at_the_field_and_creates(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    assert view.act_new.shortcut().toString() == "Ctrl+N"  # offscreen windows never get active,
    view.act_new.trigger()                                 # so shortcuts cannot be typed here
    dialog = answers["dialogs"][-1]
    count = len(ctx.services.tasks.list(ctx.plan_id))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.errors["title"].isVisible() and dialog.isVisible()
    qtbot.keyClicks(dialog.title, "New launch check")
    dialog.start.setDate(dialog.start.date().addDays(5))  # due now before start
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.errors["due"].isVisible() and "before the start" in dialog.errors["due"].text()
    assert len(ctx.services.tasks.list(ctx.plan_id)) == count and window.undo_stack.count() == 0
    dialog.due.setDate(dialog.start.date().addDays(2))
    dialog.new_subtask.setText("Sub one")
    dialog.add_subtask.click()
    dialog.milestone.setChecked(True)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    created = next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.title == "New launch check")
    assert created.is_milestone
    assert [t.title for t in ctx.services.tasks.list(ctx.plan_id) if t.parent_id == created.id] == ["Sub one"]
    assert view.model.row_by_id(created.id) is not None
    assert window.undo_stack.count() == 1
    window.act_undo.trigger()  # one step removes the task and its subtask
    assert len(ctx.services.tasks.list(ctx.plan_id)) == count


def test_dialog_warns_outside_the_plan_and_refuses_a_deactivated_person(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    row = next(r for r in view.model.rows if r.status == "todo" and r.parent_id is None)
    meigong = ctx.services.people.authenticate("meigong")
    view.select_ids([row.id])
    view.act_edit.trigger()
    dialog = answers["dialogs"][-1]
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(meigong.user_id))
    ctx.services.people.update_user(ctx.actor, meigong.user_id, active=False)
    dialog.due.setDate(dialog.due.date().addYears(2))
    assert dialog.warning.isVisible() and "outside the plan" in dialog.warning.text()
    dialog.accept()
    assert dialog.errors["assignee_id"].isVisible()
    assert ctx.services.tasks.get(row.id).due.isoformat() == row.due  # nothing half-written
    assert window.undo_stack.count() == 0


def test_duplicate_and_undo(qtbot, ctx, answers):
    window, view = _view(qtbot, ctx)
    row = view.model.rows[3]
    view.select_ids([row.id])
    view.act_duplicate.trigger()
    copies = [t for t in ctx.services.tasks.list(ctx.plan_id) if t.title == f"{row.title} (copy)"]
    assert len(copies) == 1
    window.act_undo.trigger()
    assert not [t for t in ctx.services.tasks.list(ctx.plan_id) if t.title.endswith("(copy)")]


def test_the_assign_menu_lists_everyone_when_opened_and_again_after_a_reload(qtbot, ctx):
    """The first switch to Tasks makes no action per person (#17); opening the menu lists
    them, once, and a reload (another person added) lists them anew when next opened."""
    ctx.plan_id = ctx.services.plans.list()[0].id
    window, view = _view(qtbot, ctx)
    assert view.assign_menu.actions() == []
    view.assign_menu.aboutToShow.emit()
    names = [a.text() for a in view.assign_menu.actions() if not a.isSeparator()]
    people = [u.name for u in ctx.services.people.users() if u.active]
    assert names[1:] == people and names[0] == "Nobody (unassigned)"
    view.assign_menu.aboutToShow.emit()  # (opened again: the same list, not twice)
    assert [a.text() for a in view.assign_menu.actions() if not a.isSeparator()] == names
    view.refresh()
    assert view.assign_menu.actions() == []
    view.assign_menu.aboutToShow.emit()
    assert [a.text() for a in view.assign_menu.actions() if not a.isSeparator()] == names
