"""My work stays short: a routine's missed days are one row with its dates, dealt with at
once (tick off today's, mark the missed days skipped, one undo step); the banner and the
status bar follow tick-offs and Switch user."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.mywork.notice import announce, due_text

from .test_mywork import _click_box

TITLE = "打印并核对当日订单"


def _with_routine(ctx, days_back: int = 6):
    today = ctx.today()
    role = next(r.id for r in ctx.services.people.roles() if r.key == "customer_service")
    plan_id = ctx.services.plans.list()[0].id
    ctx.services.series.create(ctx.actor, plan_id, title=TITLE, rule="FREQ=DAILY",
                               start=today - dt.timedelta(days=days_back),
                               until=today + dt.timedelta(days=20), role_id=role)


def _staff(qtbot, ctx, login="kefu"):
    staff = dataclasses.replace(ctx, actor=ctx.services.people.authenticate(login))
    window = MainWindow(staff)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, staff, window.show_view("mywork")


def _rows(view, title=TITLE):
    return [(g, t) for g, t in view.model.rows if t is not None and t.title == title]


def test_missed_days_are_one_row_with_dates_and_are_skipped_in_one_undo_step(qtbot, ctx):
    _with_routine(ctx)
    window, staff, view = _staff(qtbot, ctx)
    today = ctx.today()
    rows = _rows(view)
    assert [g for g, _t in rows] == ["overdue", "today", "week" if today.weekday() < 6
                                     else "nextweek"]
    folded = rows[0][1]
    assert folded.missed == 6 and folded.missed_from == today - dt.timedelta(days=6)
    text, tone = view._due_text(folded)
    assert tone == "bad" and "6" in text and "–" in text  # the dates it stands for
    assert view.model.counts["overdue"] == sum(1 for g, t in view.model.rows
                                               if t is not None and g == "overdue")

    menu = QMenu(view)
    view._add_missed_actions(menu, folded)
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["tickTodays"].isEnabled() and actions["skipMissed"].isEnabled()
    with qtbot.waitSignal(window.changes_applied):
        actions["tickTodays"].trigger()
    todays = next(t for g, t in _rows(view) if g == "today")
    assert todays.done and ctx.services.tasks.get(todays.id).status == "done"
    assert _rows(view)[0][1].missed == 6  # the folded row stays as it was

    with qtbot.waitSignal(window.changes_applied):
        actions["skipMissed"].trigger()
    assert {ctx.services.tasks.get(i).status for i in folded.missed_ids} == {"skipped"}
    assert not any(t.missed or t.id in folded.missed_ids for _g, t in _rows(view))
    assert window.undo_stack.count() == 2  # the tick-off and the skip: one step each

    with qtbot.waitSignal(window.changes_applied):
        window.undo_stack.undo()
    assert {ctx.services.tasks.get(i).status for i in folded.missed_ids} == {"todo"}
    assert _rows(view)[0][1].missed == 6


def test_staff_may_not_skip_what_is_not_theirs(qtbot, ctx):
    _with_routine(ctx, 3)
    _window, _staff_ctx, view = _staff(qtbot, ctx, "meigong")
    assert not _rows(view)  # not the designer's


def test_the_banner_and_status_bar_follow_tick_offs_and_switch_user(qtbot, ctx):
    _with_routine(ctx, 3)
    window, staff, view = _staff(qtbot, ctx)
    announce(window)
    overdue, due_today = view.banner_counts
    assert (overdue, due_today) == view.due_counts() and due_today >= 1
    assert window.statusBar().currentMessage() == due_text(overdue, due_today)
    row = next(view.model.row_of[t.id] for g, t in _rows(view) if g == "today")
    with qtbot.waitSignal(window.changes_applied):
        _click_box(qtbot, view, row)
    assert view.banner_counts == (overdue, due_today - 1)
    assert view.banner_label.text() == due_text(overdue, due_today - 1)
    assert window.statusBar().currentMessage() == due_text(overdue, due_today - 1)

    # Switch user: the previous person's notice goes, the new person's comes
    designer = ctx.services.people.authenticate("meigong")
    window.set_actor(designer)
    assert window.statusBar().currentMessage() == ""
    announce(window)
    counts = window.view("mywork").due_counts()
    assert window.statusBar().currentMessage() == due_text(*counts)


def test_the_conflict_dialog_names_who_changed_which_fields_and_overwrite_keeps_theirs(
        qtbot, ctx):
    from tests.ui.test_tasks_conflicts import answer

    from .test_mywork import _stale_row

    window, staff, view = _staff(qtbot, ctx)
    row, task = _stale_row(ctx, view)  # the manager edits the notes meanwhile
    shown: list[str] = []
    answer("overwrite_button", shown)
    with qtbot.waitSignal(window.changes_applied):
        _click_box(qtbot, view, row)
    manager = ctx.actor.name
    assert shown and manager in shown[0] and "notes" in shown[0] and task.title in shown[0]
    after = ctx.services.tasks.get(task.id)
    assert after.status == "done" and after.notes == "the manager was here"


def test_a_changed_row_repaints_alone_without_walking_the_list(qtbot):
    """A tick-off patches its row: the list does not ask the model about every row (the
    10,000-row case of a big plan stays as quick as a short list)."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex

    from opsdesk.ui.mywork.view import RowList

    asked = [0]

    class Rows(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
            asked[0] += 1
            return 0 if parent.isValid() else 10_000

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return f"row {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None

    model = Rows()
    view = RowList()
    qtbot.addWidget(view)
    view.setUniformItemSizes(True)
    view.setModel(model)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    asked[0] = 0
    model.dataChanged.emit(model.index(3), model.index(3))
    qtbot.wait(10)
    assert asked[0] < 1000  # (QListView alone: about 20,000)


def test_a_tick_off_repaints_other_rows_only_when_their_phase_percentage_moves(qtbot, ctx):
    window, staff, view = _staff(qtbot, ctx)
    model = view.model
    t = next(t for _g, t in model.rows if t is not None and not t.done and t.phase_id)
    total, done = model.phase_stats[t.phase_id]
    ticked = dataclasses.replace(t, status="done", version=t.version + 1)
    assert model.update_tasks([ticked], ctx.today(), lambda _t: True)
    moved = round((done + 1) / total * 100) != round(done / total * 100)
    assert (t.phase_id in model.phases_changed) == moved and moved  # (a small plan: it moves)
    model.phases_changed.clear()
    model.phase_stats[t.phase_id] = [10_000, 5_000]  # a big phase: 1 of 10,000 moves no %
    back = dataclasses.replace(ticked, status="todo", version=t.version + 2)
    assert model.update_tasks([back], ctx.today(), lambda _t: True)
    assert model.phases_changed == set() and model.phase_stats[t.phase_id] == [10_000, 4_999]
