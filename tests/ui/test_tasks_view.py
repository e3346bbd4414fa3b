"""The Tasks view: model checks, filters, sorting, staff rights, inline edit, tick-off."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import prompts
from opsdesk.ui.tasks.model import TaskTreeModel
from opsdesk.ui.tasks.state import COL, UNASSIGNED, Filters

TODAY = dt.date(2026, 9, 20)


@pytest.fixture
def errors(monkeypatch):
    """Errors the view would show in a dialog."""
    shown = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, exc: shown.append(exc))
    return shown


def _tasks_view(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    return window, view


def test_model_passes_qt_model_tester(qtmodeltester, ctx):
    _ctx_plan(ctx)
    model = TaskTreeModel("en", TODAY)
    model.set_rows(ctx.services.tasks.plan_rows(ctx.plan_id))
    qtmodeltester.check(model)
    model.set_grouped(False)
    qtmodeltester.check(model)
    model.set_filters(Filters(text="天猫"))
    model.sort(COL["due"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def _ctx_plan(ctx):
    if ctx.plan_id is None:
        ctx.plan_id = ctx.services.plans.list()[0].id


def _shown_rows(view) -> list[tuple]:
    return [view.model.row_by_id(i) for i in view.model.visible_task_ids()]


def test_grouped_by_phase_with_subtasks_under_parent(qtbot, ctx):
    _window, view = _tasks_view(qtbot, ctx)
    model = view.model
    assert model.rowCount() == len({r.phase_id for r in model.rows})  # one group per phase
    parent = next(r for r in model.rows if r.title == "天猫上线准备")
    index = model.index_of(parent.id)
    assert model.rowCount(index) == 4
    child = model.index(0, 0, index)
    assert model.row_at(child).parent_id == parent.id
    view.act_group.trigger()  # flat
    assert model.rowCount() == len(model.rows)
    assert not view.tree.isColumnHidden(COL["phase"])


def test_filters_combine(qtbot, ctx):
    _window, view = _tasks_view(qtbot, ctx)
    kefu = ctx.services.people.authenticate("kefu")
    bar = view.filter_bar
    cs_role = next(iter(kefu.role_ids))
    bar.role.setCurrentIndex(bar.role.findData(cs_role))
    rows = _shown_rows(view)
    assert rows and all(r.role_id == cs_role for r in rows)
    bar.status.setCurrentIndex(bar.status.findData("open"))
    rows = _shown_rows(view)
    assert rows and all(r.role_id == cs_role and r.status in ("todo", "doing", "blocked")
                        for r in rows)
    bar.overdue.setChecked(True)
    rows = _shown_rows(view)
    assert all(r.due < TODAY.isoformat() for r in rows)
    bar.person.setCurrentIndex(bar.person.findData(UNASSIGNED))
    assert all(r.assignee_id is None for r in _shown_rows(view))
    bar.clear()
    assert view.model.visible_count == len(view.model.rows)
    bar.text.insert("天猫")  # committed input-method text (keyClicks is ASCII only)
    assert view.model.visible_count > 0
    view.act_group.trigger()  # flat: only the matches (grouped keeps their parents too)
    assert all("天猫" in r.title for r in _shown_rows(view))
    bar.milestones.setChecked(True)
    assert view.model.visible_count == 0 or all(r.is_milestone for r in _shown_rows(view))
    # remembered in QSettings
    assert ctx.settings.tasks_filters() == {"text": "天猫", "milestones_only": True}


def test_saved_filter_is_remembered(qtbot, ctx):
    _window, view = _tasks_view(qtbot, ctx)
    view.filter_bar.overdue.setChecked(True)
    view.filter_bar.save_as("late")
    assert ctx.settings.tasks_saved_filters() == {"late": {"overdue_only": True}}
    view.filter_bar.clear()
    view.filter_bar._load_saved(view.filter_bar.saved_box.findData("late"))
    assert view.filter_bar.overdue.isChecked()


def test_sorting_by_due_puts_overdue_first(qtbot, ctx):
    _window, view = _tasks_view(qtbot, ctx)
    view.act_group.trigger()  # flat
    view.tree.sortByColumn(COL["due"], Qt.SortOrder.AscendingOrder)
    rows = _shown_rows(view)
    overdue = [view.model._overdue(r) for r in rows]
    assert any(overdue) and not all(overdue)
    first_not = overdue.index(False)
    assert not any(overdue[first_not:])
    dues = [r.due for r in rows[:first_not]]
    assert dues == sorted(dues)


def test_staff_cannot_edit_a_title(qtbot, ctx, errors):
    ctx.actor = ctx.services.people.authenticate("meigong")
    _window, view = _tasks_view(qtbot, ctx)
    assert not view.act_new.isVisible() and not view.act_delete.isVisible()
    row = view.model.rows[0]
    index = view.model.index_of(row.id, COL["title"])
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    before = ctx.services.tasks.get(row.id)
    # even forced through the edit path, the service refuses and nothing changes
    assert not view._edit_cell(row.id, "title", "hacked", before.version)
    assert errors and type(errors[0]).__name__ == "PermissionDenied"
    assert ctx.services.tasks.get(row.id) == before


def test_manager_edits_inline_and_undoes(qtbot, ctx, errors):
    window, view = _tasks_view(qtbot, ctx)
    row = next(r for r in view.model.rows if r.status == "todo")
    index = view.model.index_of(row.id, COL["due"])
    new_due = QDate.fromString(row.due, "yyyy-MM-dd").addDays(3)
    assert view.model.setData(index, new_due)
    assert ctx.services.tasks.get(row.id).due == new_due.toPython()
    assert view.model.row_by_id(row.id).due == new_due.toString("yyyy-MM-dd")
    window.act_undo.trigger()
    assert ctx.services.tasks.get(row.id).due.isoformat() == row.due
    # due before start: refused with the field named, nothing written
    start = ctx.services.tasks.get(row.id).start
    bad = view.model.index_of(row.id, COL["due"])
    view.model.setData(bad, QDate(start.year, start.month, start.day).addDays(-5))
    assert errors and errors[-1].field == "due"
    assert ctx.services.tasks.get(row.id).due.isoformat() == row.due
    assert window.undo_stack.count() == 1


def test_tick_off_by_checkbox_for_own_task(qtbot, ctx, errors):
    ctx.actor = ctx.services.people.authenticate("kefu")
    window, view = _tasks_view(qtbot, ctx)
    mine = next(r for r in view.model.rows if r.assignee_id == ctx.actor.user_id and r.status == "todo")
    index = view.model.index_of(mine.id)
    assert view.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert view.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ctx.services.tasks.get(mine.id).status == "done"
    assert view.model.row_by_id(mine.id).status == "done"
    window.act_undo.trigger()
    assert ctx.services.tasks.get(mine.id).status == "todo"
    other = next(r for r in view.model.rows if r.assignee_id is None and r.role_id not in ctx.actor.role_ids)
    assert not view.model.flags(view.model.index_of(other.id)) & Qt.ItemFlag.ItemIsUserCheckable


def test_enter_opens_side_panel(qtbot, ctx):
    window, view = _tasks_view(qtbot, ctx)
    row = view.model.rows[0]
    view.tree.setCurrentIndex(view.model.index_of(row.id))
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert window.task_dock.isVisible() and window.task_panel.task_id == row.id


def test_ctrl_f_focuses_the_filter(qtbot, ctx):
    _window, view = _tasks_view(qtbot, ctx)
    view.tree.setFocus()
    view.act_find.trigger()
    assert view.window().focusWidget() is view.filter_bar.text
