"""My work: a staff member sees their own and their role's tasks, ticks one off, undoes it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QPoint, Qt

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.mywork.delegate import MyWorkDelegate
from opsdesk.ui.mywork.notice import announce


def _staff_window(qtbot, ctx, login="kefu"):
    staff = dataclasses.replace(ctx, actor=ctx.services.people.authenticate(login))
    window = MainWindow(staff)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, staff


def _click_box(qtbot, view, row):
    rect = view.list.visualRect(view.model.index(row))
    view.list.scrollTo(view.model.index(row))
    rect = view.list.visualRect(view.model.index(row))
    centre = MyWorkDelegate.box_rect(rect).center()
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))


def test_staff_sees_own_and_role_tasks_and_ticks_one_off(qtbot, ctx):
    window, staff = _staff_window(qtbot, ctx)
    actor = staff.actor
    view = window.show_view("mywork")
    shown = [t for _g, t in view.model.rows if t is not None]
    assert shown
    assert all(t.assignee_id == actor.user_id
               or (t.assignee_id is None and t.role_id in actor.role_ids) for t in shown)
    every = ctx.services.tasks.list(staff.plan_id)
    others = [t for t in every if t.role_id not in actor.role_ids and t.status != "done"]
    assert others and not {t.id for t in others} & {t.id for t in shown}
    mine = next(t for t in every if t.assignee_id == actor.user_id)
    assert mine.id in view.model.row_of

    overview = window.overview
    team = window.view("team") if "team" in [s.key for s in window.specs] else None
    done_before = int(overview.tiles["done"].value.text().split(" / ")[0])
    team_before = team.load_of(actor.user_id).done_week if team else None

    row = view.model.row_of[mine.id]
    with qtbot.waitSignal(window.changes_applied):
        _click_box(qtbot, view, row)
    after = ctx.services.tasks.get(mine.id)
    assert after.status == "done" and after.done_by == actor.user_id and after.done_at
    assert view.model.task_at(row).done  # the row repainted in place
    # the hidden views only know they are stale; shown, they catch up (off the GUI thread)
    assert "overview" in window.stale
    window.show_view("overview")
    qtbot.waitUntil(lambda: int(overview.tiles["done"].value.text().split(" / ")[0])
                    == done_before + 1)
    if team is not None:
        window.show_view("team")
        qtbot.waitUntil(lambda: team.load_of(actor.user_id).done_week == team_before + 1)
    window.show_view("mywork")

    window.undo_stack.undo()  # Ctrl+Z reopens
    assert ctx.services.tasks.get(mine.id).status == "todo"
    assert not view.model.task_at(row).done


def test_space_ticks_the_selected_row_and_again_reopens(qtbot, ctx):
    window, staff = _staff_window(qtbot, ctx)
    view = window.show_view("mywork")
    row = next(i for i, (_g, t) in enumerate(view.model.rows) if t is not None and not t.done)
    task_id = view.model.task_at(row).id
    view.list.setCurrentIndex(view.model.index(row))
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Space)
    assert ctx.services.tasks.get(task_id).status == "done"
    qtbot.keyClick(view.list, Qt.Key.Key_Space)  # the one who ticked it may reopen it
    assert ctx.services.tasks.get(task_id).status == "todo"
    assert "Reopen" in window.undo_stack.undoText()


def test_someone_elses_tick_cannot_be_reopened_by_staff(qtbot, ctx):
    window, staff = _staff_window(qtbot, ctx)
    view = window.show_view("mywork")
    role_task = next(t for t in ctx.services.tasks.list(staff.plan_id)
                     if t.assignee_id is None and t.role_id in staff.actor.role_ids
                     and t.status == "todo")
    changes = ctx.services.tasks.tick_off(ctx.actor, role_task.id)  # the manager ticks it
    window.apply(changes)
    row = view.model.row_of[role_task.id]
    assert not view.can_toggle(view.model.task_at(row))
    _click_box(qtbot, view, row)
    assert ctx.services.tasks.get(role_task.id).status == "done"


def test_on_start_staff_are_told_what_is_due(qtbot, ctx):
    window, staff = _staff_window(qtbot, ctx)
    text = announce(window)
    view = window.view("mywork")
    assert window.stack.currentWidget().findChild(type(view)) is view  # staff start in My work
    overdue, today = ctx.services.mywork.due_summary(staff.plan_id, staff.actor, ctx.today())
    assert overdue + today > 0
    assert text and window.statusBar().currentMessage() == text
    assert view.banner.isVisible() and view.banner_label.text() == text
    qtbot.mouseClick(view.banner_close, Qt.MouseButton.LeftButton)
    assert not view.banner.isVisible()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ctx):
    window, _staff = _staff_window(qtbot, ctx)
    qtmodeltester.check(window.show_view("mywork").model)
    qtmodeltester.check(window.show_view("activity").model)


def _stale_row(ctx, view):
    """A row whose task someone else edits after My work read it."""
    row = next(i for i, (_g, t) in enumerate(view.model.rows) if t is not None and not t.done)
    task = view.model.task_at(row)
    ctx.services.tasks.update(ctx.actor, task.id, notes="the manager was here")
    return row, task


def test_tick_off_of_a_task_changed_meanwhile_asks_and_reload_shows_theirs(qtbot, ctx):
    from tests.ui.test_tasks_conflicts import answer

    window, _staff = _staff_window(qtbot, ctx)
    view = window.show_view("mywork")
    row, task = _stale_row(ctx, view)
    shown: list[str] = []
    answer("reload_button", shown)
    _click_box(qtbot, view, row)
    assert shown and task.title in shown[0]  # the conflict dialog names the task
    assert ctx.services.tasks.get(task.id).status == "todo"  # nothing written
    assert window.undo_stack.count() == 0
    reloaded = view.model.task_at(view.model.row_of[task.id])
    assert reloaded.version == task.version + 1  # the row shows the task as it is now
    with qtbot.waitSignal(window.changes_applied):
        _click_box(qtbot, view, view.model.row_of[task.id])  # now as it is: no question
    assert len(shown) == 1 and ctx.services.tasks.get(task.id).status == "done"
    assert window.undo_stack.count() == 1


def test_tick_off_conflict_overwrite_and_cancel(qtbot, ctx):
    from tests.ui.test_tasks_conflicts import answer

    window, staff = _staff_window(qtbot, ctx)
    view = window.show_view("mywork")
    row, task = _stale_row(ctx, view)
    shown: list[str] = []
    answer("cancel", shown)
    view.list.setCurrentIndex(view.model.index(row))
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Space)
    assert shown and ctx.services.tasks.get(task.id).status == "todo"
    assert window.undo_stack.count() == 0
    answer("overwrite_button", shown)
    qtbot.keyClick(view.list, Qt.Key.Key_Space)
    after = ctx.services.tasks.get(task.id)
    assert len(shown) == 2 and after.status == "done" and after.done_by == staff.actor.user_id
    assert after.notes == "the manager was here"  # theirs stays
    window.undo_stack.undo()
    assert ctx.services.tasks.get(task.id).status == "todo"


def _manager_mywork(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window, window.show_view("mywork")


def _header_count(view, section: str) -> int:
    from opsdesk.ui.mywork.model import CountRole

    row = next(i for i, (g, t) in enumerate(view.model.rows) if g == section and t is None)
    return view.model.index(row).data(CountRole)


def test_counts_follow_a_tick_off_while_the_row_stays(qtbot, ctx):
    window, view = _manager_mywork(qtbot, ctx)
    row, task = next((i, t) for i, (g, t) in enumerate(view.model.rows)
                     if t is not None and not t.done)
    section = view.model.rows[row][0]
    before_section, before_open = _header_count(view, section), view.subtitle.text()
    with qtbot.waitSignal(window.changes_applied):
        _click_box(qtbot, view, row)
    assert view.model.task_at(row).id == task.id and view.model.task_at(row).done  # in place
    assert _header_count(view, section) == before_section - 1
    assert view.subtitle.text() != before_open  # "%n open" counts one fewer


def test_a_task_given_to_someone_else_or_moved_to_another_section_follows(qtbot, ctx):
    window, view = _manager_mywork(qtbot, ctx)
    tasks = [t for _g, t in view.model.rows if t is not None and not t.done]
    given, moved = tasks[0], tasks[-1]
    other = next(u for u in ctx.services.people.users() if u.id != ctx.actor.user_id
                 and u.role_id not in ctx.actor.role_ids)
    window.apply(ctx.services.tasks.update(ctx.actor, given.id, assignee_id=other.id))
    assert given.id not in view.model.row_of  # no longer mine
    today = ctx.today()
    window.apply(ctx.services.tasks.update(ctx.actor, moved.id, start=None,
                                           due=today - dt.timedelta(days=3)))
    row = view.model.row_of[moved.id]
    assert view.model.rows[row][0] == "overdue"  # regrouped, not left under its old section
