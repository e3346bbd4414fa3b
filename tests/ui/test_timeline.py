"""The timeline: bars where their dates say, drag to move/resize/link with undo, zoom, rights, PDF."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from opsdesk.services.timeline import NO_DAY
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.timeline import export
from opsdesk.ui.timeline.interaction import hit_test
from opsdesk.ui.timeline.layout import UNSCHEDULED
from opsdesk.ui.timeline.painter import task_rect

SAMPLE = Path(__file__).resolve().parents[2] / "opsdesk.db.sample"


def _timeline(qtbot, ctx, size=(1400, 800)):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("timeline")
    qtbot.waitUntil(lambda: view.canvas.layout_ is not None)
    return window, view


def _bring_into_view(view, task: int) -> None:
    canvas = view.canvas
    canvas.go_to(int(canvas.layout_.d0[task]) - 3)
    canvas.reveal(task)
    QApplication.processEvents()


def _rect(view, task: int):
    f = view.canvas.frame()
    return task_rect(f, task, int(f.layout.task_row[task]))


def _drag(qtbot, view, start: QPointF, end: QPointF, modifier=Qt.KeyboardModifier.NoModifier):
    vp = view.canvas.viewport()
    a, b = start.toPoint(), end.toPoint()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, a)
    for t in (0.3, 0.7, 1.0):
        qtbot.mouseMove(vp, QPoint(round(a.x() + (b.x() - a.x()) * t), round(a.y() + (b.y() - a.y()) * t)))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, b)


def _lonely_task(view, ctx):
    """A dated bar (not a milestone) with no successors and no predecessor cycle concerns."""
    data = view.canvas.data
    preds = set(data.link_pred.tolist())
    for i in range(len(data)):
        if i not in preds and not data.milestone[i] and data.start[i] != NO_DAY \
                and data.due[i] - data.start[i] >= 2:
            return i
    raise AssertionError("no plain task in the plan")


def test_bars_and_milestones_are_drawn_where_their_dates_say(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    canvas = view.canvas
    f = canvas.frame()
    data = canvas.data
    checked = milestones = 0
    for row in f.visible_rows():
        i = int(f.layout.row_task[row])
        if i < 0 or data.start[i] == NO_DAY:
            continue
        rect = task_rect(f, i, row)
        if data.milestone[i]:
            assert rect.center().x() == pytest.approx(f.view_x(int(data.due[i]) + 0.5))
            milestones += 1
        else:
            assert rect.left() == pytest.approx(f.view_x(int(data.start[i])))
            assert rect.right() == pytest.approx(f.view_x(int(data.due[i]) + 1))
            assert f.day_at(rect.left() + 0.5) == int(data.start[i])
        if 0 < rect.center().x() < f.width:
            hit = hit_test(f, rect.center())
            assert hit.kind == "task" and hit.task == i
            tip = canvas.tooltip(hit)
            assert tip.startswith(data.title[i]) and "Role:" in tip
            checked += 1
    assert checked > 10 and milestones >= 1
    # and something is painted there: the bar's pixel is not the white background
    i = _lonely_task(view, ctx)
    _bring_into_view(view, i)
    img = canvas.viewport().grab().toImage()
    c = _rect(view, i).center().toPoint()
    assert img.pixelColor(c).name() != "#ffffff"


def test_task_without_dates_is_in_the_unscheduled_group(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    ctx.services.tasks.create(ctx.actor, ctx.plan_id, title="日期待定")
    window.apply(ctx.services.tasks.create(ctx.actor, ctx.plan_id, title="还没有日期"))
    qtbot.waitUntil(lambda: not view.refresher.busy)  # a new task: read again off the GUI thread
    lay = view.canvas.layout_
    group = next(g for g in lay.groups if g.key == UNSCHEDULED)
    assert group.count == 2
    i = view.canvas.data.title.index("还没有日期")
    assert lay.task_row[i] > group.row


def test_drag_a_bar_by_n_days_then_undo(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    view.canvas.zoom_level("day")
    i = _lonely_task(view, ctx)
    task_id = int(view.canvas.data.id[i])
    window.show_task(task_id)  # the side panel is open before the drag, as after a click
    _bring_into_view(view, i)
    before = ctx.services.tasks.get(task_id)
    rect = _rect(view, i)
    ppd = view.canvas.scale.ppd
    _drag(qtbot, view, rect.center(), rect.center() + QPointF(3 * ppd, 0))
    after = ctx.services.tasks.get(task_id)
    assert (after.start - before.start).days == 3 and (after.due - before.due).days == 3
    assert view.canvas.data.start[i] == after.start.toordinal()  # the bar moved too
    assert window.undo_stack.count() == 1
    window.act_undo.trigger()
    undone = ctx.services.tasks.get(task_id)
    assert (undone.start, undone.due) == (before.start, before.due)
    window.act_redo.trigger()
    assert ctx.services.tasks.get(task_id).start == after.start


def test_moving_a_task_offers_to_move_its_successors(qtbot, ctx, monkeypatch):
    window, view = _timeline(qtbot, ctx)
    view.canvas.zoom_level("day")
    data = view.canvas.data
    i = next(int(p) for p in data.link_pred.tolist() if not data.milestone[int(p)])
    following = data.successors(i)
    asked = []
    monkeypatch.setattr(view.edits, "ask_successors", lambda title, n: asked.append(n) or "yes")
    ids = [int(data.id[k]) for k in [i, *following]]
    before = {t: ctx.services.tasks.get(t) for t in ids}
    window.show_task(ids[0])
    _bring_into_view(view, i)
    rect = _rect(view, i)
    _drag(qtbot, view, rect.center(), rect.center() + QPointF(2 * view.canvas.scale.ppd, 0))
    assert asked == [len(following)]
    for t in ids:
        if before[t].start is not None:
            assert (ctx.services.tasks.get(t).start - before[t].start).days == 2
    window.act_undo.trigger()  # one undo step restores them all
    assert all(ctx.services.tasks.get(t).start == before[t].start for t in ids)


def test_dragging_an_end_changes_due_and_a_reversed_bar_is_refused(qtbot, ctx, monkeypatch):
    window, view = _timeline(qtbot, ctx)
    view.canvas.zoom_level("day")
    i = _lonely_task(view, ctx)
    task_id = int(view.canvas.data.id[i])
    window.show_task(task_id)
    _bring_into_view(view, i)
    before = ctx.services.tasks.get(task_id)
    ppd = view.canvas.scale.ppd
    rect = _rect(view, i)
    _drag(qtbot, view, QPointF(rect.right() - 1, rect.center().y()),
          QPointF(rect.right() - 1 + 2 * ppd, rect.center().y()))
    after = ctx.services.tasks.get(task_id)
    assert after.start == before.start and (after.due - before.due).days == 2
    errors = []
    monkeypatch.setattr("opsdesk.ui.timeline.edits.show_error", lambda parent, exc: errors.append(exc))
    rect = _rect(view, i)
    span = (after.due - after.start).days
    _drag(qtbot, view, QPointF(rect.left() + 1, rect.center().y()),
          QPointF(rect.left() + 1 + (span + 3) * ppd, rect.center().y()))
    assert errors and "before the start" in errors[0].template
    again = ctx.services.tasks.get(task_id)
    assert (again.start, again.due) == (after.start, after.due)
    assert window.undo_stack.count() == 1


def test_link_drag_creates_a_link_and_a_cycle_is_refused(qtbot, ctx, monkeypatch):
    window, view = _timeline(qtbot, ctx, size=(1600, 900))
    view.canvas.zoom_level("week")
    data = view.canvas.data
    lay = view.canvas.layout_
    linked = set(data.link_pred.tolist()) | set(data.link_succ.tolist())
    rows = [int(lay.row_task[r]) for r in range(lay.rows) if lay.row_task[r] >= 0]
    free = [i for i in rows if i not in linked and not data.milestone[i] and data.start[i] != NO_DAY]
    a, b = free[0], free[1]
    window.show_task(int(data.id[a]))
    _bring_into_view(view, a)
    ra, rb = _rect(view, a), _rect(view, b)
    handle = QPointF(ra.right() + 9, ra.center().y())
    assert hit_test(view.canvas.frame(), handle).part == "link"
    _drag(qtbot, view, handle, rb.center())
    pred, succ = int(data.id[a]), int(data.id[b])
    assert (pred, succ, "FS", 0) in ctx.services.tasks.links(ctx.plan_id)
    # b -> a would close a loop: refused, explained, nothing changed
    errors = []
    monkeypatch.setattr("opsdesk.ui.undo.show_error", lambda parent, exc: errors.append(exc))
    count = window.undo_stack.count()
    data = view.canvas.data
    a, b = data.index_of(pred), data.index_of(succ)
    ra, rb = _rect(view, a), _rect(view, b)
    _drag(qtbot, view, QPointF(rb.right() + 9, rb.center().y()), ra.center())
    assert errors and "loop" in errors[0].template
    assert (succ, pred, "FS", 0) not in ctx.services.tasks.links(ctx.plan_id)
    assert window.undo_stack.count() == count
    window.act_undo.trigger()
    assert (pred, succ, "FS", 0) not in ctx.services.tasks.links(ctx.plan_id)


def test_ctrl_wheel_zoom_keeps_the_date_under_the_cursor(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    canvas = view.canvas
    canvas.zoom_level("week")
    canvas.go_to(dt.date(2026, 9, 1).toordinal())
    x = 700.0
    before = canvas.scale.day(canvas.horizontalScrollBar().value() + x - canvas.frame().row_header)
    for delta in (120, 120, -240 * 2):
        ev = QWheelEvent(QPointF(x, 200), canvas.viewport().mapToGlobal(QPointF(x, 200)),
                         QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                         Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(canvas.viewport(), ev)
        f = canvas.frame()
        after = canvas.scale.day(f.x0 + x - f.row_header)
        assert after == pytest.approx(before, abs=1.0 / canvas.scale.ppd)
    assert canvas.scale.ppd == pytest.approx(14 / 1.25 ** 2, rel=1e-6)


def test_staff_cannot_move_a_bar_but_may_tick_off(qtbot, ctx, monkeypatch):
    ctx.actor = ctx.services.people.authenticate("kefu")
    window, view = _timeline(qtbot, ctx)
    view.canvas.zoom_level("day")
    assert not view.canvas.can_edit
    data = view.canvas.data
    own = next(i for i in range(len(data)) if int(data.assignee[i]) == ctx.actor.user_id)
    task_id = int(data.id[own])
    window.show_task(task_id)
    _bring_into_view(view, own)
    before = ctx.services.tasks.get(task_id)
    rect = _rect(view, own)
    _drag(qtbot, view, rect.center(), rect.center() + QPointF(4 * view.canvas.scale.ppd, 0))
    assert ctx.services.tasks.get(task_id).start == before.start
    assert window.undo_stack.count() == 0
    assert "manager" in view.info.text()
    view.edits.tick(own, True)  # what the context menu's "Tick off" does
    assert ctx.services.tasks.get(task_id).status == "done"


def test_the_menu_offers_reopen_only_to_who_may_reopen(qtbot, ctx):
    """Staff may tick off their own task but reopen it only when they ticked it off
    (``permissions.can_reopen``): a manager's tick is theirs to reopen."""
    from types import SimpleNamespace

    kefu = ctx.services.people.authenticate("kefu")
    own = next(t for t in ctx.services.tasks.list(ctx.services.plans.list()[0].id)
               if t.assignee_id == kefu.user_id and t.status == "todo")
    ctx.actor = kefu
    window, view = _timeline(qtbot, ctx)
    index = view.canvas.data.index_of(own.id)

    def offered() -> list[str]:
        view._context_menu(SimpleNamespace(kind="task", task=index), QPoint(0, 0))
        texts = [a.text() for a in view._menu.actions()]
        view._menu.close()
        return texts
    assert "Tick off" in offered()
    manager = ctx.services.people.authenticate("manager", "secret")
    ctx.services.tasks.tick_off(manager, own.id)
    assert offered() == ["Show details"]  # the manager's tick: not kefu's to reopen
    ctx.services.tasks.reopen(manager, own.id)
    ctx.services.tasks.tick_off(kefu, own.id)
    assert "Reopen" in offered()


def test_pdf_export_of_the_sample_has_the_expected_pages(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    db = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE, db)
    store = open_store(db)
    services = Services(store)
    ctx = AppContext(store=store, services=services,
                     actor=services.people.authenticate("manager", "opsdesk"),
                     settings=Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                     lang="zh_CN", fixed_today=dt.date(2026, 11, 20))
    try:
        window, view = _timeline(qtbot, ctx)
        # phases all done and over for a month open folded; the export prints them unfolded
        folded = [g for g in view.canvas.layout_.groups if g.collapsed]
        assert folded and all(g.done == g.count for g in folded)
        view.canvas.collapsed.clear()
        view.canvas.relayout()
        rows = view.canvas.layout_.rows
        data = view.canvas.data
        plain = int((data.series == 0).sum())
        routines = len({(int(p), int(r)) for p, r in zip(data.phase, data.series, strict=True) if r})
        # three phase headings; a task per row; a routine's occurrences share a row per phase
        assert rows == 3 + plain + routines
        assert len(data) == len(ctx.services.tasks.list(ctx.plan_id))
        out = tmp_path / "timeline.pdf"
        job = view.export_pdf(True, str(out))
        with qtbot.waitSignal(job.sig_done, timeout=60_000) as done:
            pass
        pages = done.args[0]
        assert not out.with_name("timeline.pdf.part").exists()
        f = view.canvas.frame()
        _, _, per_page = export.page_plan(f, True, 1047, 718)
        assert per_page == 25  # A4 landscape, 1 cm margins, 96 dpi
        assert pages == math.ceil(rows / 25) > 1
        raw = out.read_bytes()
        assert raw.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page(?!s)", raw)) == pages
        png = tmp_path / "timeline.png"
        assert view.export_png(False, str(png)) and png.stat().st_size > 10_000
        dialog = view.print_preview(True, show=False)
        assert dialog.objectName() == "timelinePrintPreview"
        f = view.canvas.frame()
        assert export.page_count(f, False, 1047, 718) >= 1
    finally:
        store.close()


def test_dragging_launch_day_shifts_the_whole_plan_as_one_undo_step(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    canvas = view.canvas
    canvas.zoom_level("week")
    plan = ctx.services.plans.get(ctx.plan_id)
    canvas.go_to(plan.launch_date.toordinal())
    QApplication.processEvents()
    f = canvas.frame()
    x = f.view_x(canvas.data.launch)
    assert hit_test(f, QPointF(x, 8)).kind == "launch"
    # an unfinished launch-relative task moves (finished ones and festivals stay, #13)
    first_before = next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.status == "todo"
                        and ctx.services.anchors.get(t.id).kind == "launch")
    confirmed: list[str] = []

    def confirm() -> None:  # TODAY is after launch day: the move is confirmed first
        box = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "launchMoveBox" and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, confirm)
            return
        confirmed.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, confirm)
    _drag(qtbot, view, QPointF(x, 8), QPointF(x + 7 * canvas.scale.ppd, 8))
    assert confirmed
    assert ctx.services.plans.get(ctx.plan_id).launch_date == plan.launch_date + dt.timedelta(days=7)
    moved = ctx.services.tasks.get(first_before.id)
    assert moved.due == first_before.due + dt.timedelta(days=7)
    assert window.undo_stack.count() == 1
    window.act_undo.trigger()
    assert ctx.services.plans.get(ctx.plan_id).launch_date == plan.launch_date
    assert ctx.services.tasks.get(first_before.id).due == first_before.due


def test_double_click_opens_the_task_editor(qtbot, ctx, monkeypatch):
    opened = []
    monkeypatch.setattr("opsdesk.ui.tasks.prompts.exec_dialog", lambda d: opened.append(d) or 0)
    window, view = _timeline(qtbot, ctx)
    i = _lonely_task(view, ctx)
    window.show_task(int(view.canvas.data.id[i]))
    _bring_into_view(view, i)
    qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                      pos=_rect(view, i).center().toPoint())
    assert opened and opened[0].detail.task.id == int(view.canvas.data.id[i])


def test_pdf_export_runs_in_turns_and_cancel_or_failure_keep_the_earlier_file(qtbot, ctx,
                                                                              tmp_path):
    window, view = _timeline(qtbot, ctx)
    out = tmp_path / "timeline.pdf"
    out.write_bytes(b"%PDF the earlier export")
    frame = view.canvas.frame()
    # cancelled after its first page: the earlier file stays, no part file is left
    job = export.PdfExport(frame, out, True, "plan", pages_per_turn=1)
    seen: list[tuple[int, int]] = []
    job.sig_progress.connect(lambda done, total: (seen.append((done, total)), job.cancel()))
    with qtbot.waitSignal(job.sig_cancelled, timeout=30_000):
        job.start()
    assert seen and seen[0][0] == 1 and seen[0][1] == export.page_count(frame, True, 1047, 718) > 1
    assert out.read_bytes() == b"%PDF the earlier export"
    assert not (tmp_path / "timeline.pdf.part").exists()
    # the view's data patched meanwhile (someone ticks a task off) does not reach the export
    job = export.PdfExport(frame, out, True, "plan", pages_per_turn=1)
    assert job.frame.data is not frame.data and job.frame.layout is not frame.layout
    frame.data.title[0] = "changed while exporting"
    assert job.frame.data.title[0] != "changed while exporting"
    assert job.run() == export.page_count(frame, True, 1047, 718)
    assert out.read_bytes().startswith(b"%PDF") and len(out.read_bytes()) > 10_000
    # a folder that cannot be written: a message in the window, nothing raised
    missing = tmp_path / "no such folder" / "timeline.pdf"
    job = view.export_pdf(True, str(missing))
    with qtbot.waitSignal(job.sig_failed, timeout=30_000) as failed:
        pass
    assert str(missing) in failed.args[0] and not missing.exists()
    box = window.findChild(QMessageBox, "timelinePdfFailed") or view.findChild(
        QMessageBox, "timelinePdfFailed")
    assert box is not None and box.isVisible() and str(missing) in box.text()


def test_timeline_tick_off_and_resize_undo_exactly(qtbot, ctx):
    window, view = _timeline(qtbot, ctx)
    sv = ctx.services
    task = next(t for t in sv.tasks.list(ctx.plan_id) if t.status == "todo" and t.due)
    window.apply(sv.tasks.update(ctx.actor, task.id, status="blocked"))
    index = view.task_index(task.id)
    view.edits.tick(index, True)
    assert sv.tasks.get(task.id).status == "done"
    window.undo_stack.undo()
    assert sv.tasks.get(task.id).status == "blocked"  # as it was, not "todo"
    # a resize checks the version it was drawn with: someone else's change meanwhile asks
    from tests.ui.test_tasks_conflicts import answer

    sv.tasks.update(ctx.actor, task.id, notes="changed meanwhile")  # (not shown yet)
    shown: list = []
    answer("cancel", shown)
    g = type("G", (), {"task": index, "mode": "due"})()
    d0 = int(view.canvas.data.start[index]) if view.has_dates(index) else 0
    view.edits.resize(g, d0, int(view.canvas.data.due[index]) + 2)
    assert shown and sv.tasks.get(task.id).due == task.due


def test_a_skipped_occurrence_is_finished_on_the_timeline_not_overdue(qtbot, ctx):
    """A missed routine day marked skipped (My work, #16) reads as Skipped in the bar's
    tooltip, is never called overdue, and counts as finished in its group."""
    from opsdesk.services.timeline import STATUSES
    from opsdesk.ui.timeline.interaction import Hit

    window, view = _timeline(qtbot, ctx)
    plan = ctx.plan_id
    import datetime as dt

    today = ctx.today()
    made = ctx.services.series.create(ctx.actor, plan, title="打印并核对当日订单",
                                      rule="FREQ=DAILY", start=today - dt.timedelta(days=3),
                                      until=today)
    late = min((ctx.services.tasks.get(i) for i in made.ids), key=lambda t: t.due)
    ctx.services.tasks.skip(ctx.actor, [late.id])
    view.refresh()
    data = view.canvas.data
    i = data.index_of(late.id)
    assert STATUSES[int(data.status[i])] == "skipped"
    text = view.canvas.tooltip(Hit("task", task=i))
    assert "Skipped" in text and "overdue" not in text
    before = ctx.services.tasks.get(late.id)
    assert before.status == "skipped"
