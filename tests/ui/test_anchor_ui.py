"""Issue #13 in the app: the task dialog's Anchor row, the confirmation before a launched
plan's launch day moves, File ▸ Copy plan… and Save as template…"""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from opsdesk.model import anchors as A
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import prompts

D = dt.date


@pytest.fixture
def window(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(prompts, "exec_dialog", lambda d: d.show())
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _task(ctx, title: str):
    return next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.title == title)


def _dialog():
    return next(w for w in QApplication.topLevelWidgets()
                if w.objectName() == "taskDialog" and w.isVisible())


def _later(find, act) -> None:
    """Act on a modal widget once it is shown."""
    def attempt(tries: int = 0) -> None:
        widget = find()
        if widget is None:
            if tries < 300:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        act(widget)
    QTimer.singleShot(0, attempt)


def _top(name: str):
    return lambda: next((w for w in QApplication.topLevelWidgets()
                         if w.objectName() == name and w.isVisible()), None)


def test_task_dialog_shows_a_festivals_anchor(qtbot, ctx, window):
    view = window.show_view("tasks")
    view.edit_task(_task(ctx, "双11限时购").id)
    dialog = _dialog()
    assert dialog.anchor.kind.currentData() == A.DATE
    assert dialog.anchor.date.date().toPython() == D(2026, 11, 11)
    assert "2026-11-11" in dialog.anchor.note.text()
    dialog.reject()
    view.edit_task(_task(ctx, "双11活动页面与主图").id)
    dialog = _dialog()
    assert dialog.anchor.kind.currentData() == A.TASK
    assert dialog.anchor.task.currentData() == _task(ctx, "双11限时购").id
    assert dialog.anchor.days.value() == -3
    dialog.reject()


def test_task_dialog_anchors_a_task_on_a_lunar_date_one_undo_step(qtbot, ctx, window):
    view = window.show_view("tasks")
    task = _task(ctx, "开业大促")
    view.edit_task(task.id)
    dialog = _dialog()
    row = dialog.anchor
    row.kind.setCurrentIndex(row.kind.findData(A.LUNAR))
    row.lunar_year.setValue(2027)
    row.lunar_month.setCurrentIndex(4)  # 五月
    row.lunar_day.setCurrentIndex(4)  # 初五: 端午
    dragon = LunarDate(2027, 5, 5).to_solar_date()
    assert dragon.isoformat() in row.note.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ctx.services.tasks.get(task.id).due == dragon
    info = ctx.services.anchors.get(task.id)
    assert (info.kind, info.month, info.day) == (A.LUNAR, 5, 5)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: ctx.services.tasks.get(task.id).due == task.due)
    assert ctx.services.anchors.get(task.id).kind == A.LAUNCH


def test_task_dialog_bad_anchor_keeps_it_open_and_saves_nothing(qtbot, ctx, window):
    view = window.show_view("tasks")
    task = _task(ctx, "开业大促")
    view.edit_task(task.id)
    dialog = _dialog()
    dialog.anchor.kind.setCurrentIndex(dialog.anchor.kind.findData(A.TASK))
    dialog.anchor.task.setCurrentIndex(-1)  # no task chosen
    assert "Choose the task this one hangs on" in dialog.errors["anchor"].text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["anchor"].isVisible()
    assert ctx.services.anchors.get(task.id).kind == A.LAUNCH
    assert window.undo_stack.count() == 0
    dialog.reject()


@pytest.mark.parametrize("answer", ["cancel", "ok"])
def test_moving_launch_day_after_launch_asks_first(qtbot, ctx, window, answer):
    timeline = window.show_view("timeline")
    plan = ctx.plan_id
    before = {t.id: (t.start, t.due) for t in ctx.services.tasks.list(plan)}
    shown: list[str] = []

    def respond(box: QMessageBox) -> None:
        shown.append(box.text() + "\n" + box.informativeText())
        (box.button(QMessageBox.StandardButton.Ok) if answer == "ok"
         else box.button(QMessageBox.StandardButton.Cancel)).click()

    _later(_top("launchMoveBox"), respond)
    timeline.edits.shift_plan(7)  # TODAY (20 Sept) is after launch day (1 Sept)
    assert shown and "The shop opened on 2026-09-01. Move launch day to 2026-09-08?" in shown[0]
    assert "finished" in shown[0] and "on a calendar date" in shown[0]
    assert "Monthly targets stay on their calendar months" in shown[0]
    after = {t.id: (t.start, t.due) for t in ctx.services.tasks.list(plan)}
    d11 = _task(ctx, "双11限时购")
    if answer == "cancel":
        assert after == before and ctx.services.plans.get(plan).launch_date == D(2026, 9, 1)
        assert window.undo_stack.count() == 0
    else:
        assert ctx.services.plans.get(plan).launch_date == D(2026, 9, 8)
        assert after[d11.id] == before[d11.id] == (D(2026, 11, 11), D(2026, 11, 11))
        assert after != before and window.undo_stack.count() == 1


def test_copy_plan_from_the_file_menu(qtbot, ctx, window):
    def fill(dialog) -> None:
        dialog.launch.setDate(dialog.launch.date().fromString("2027-11-20", "yyyy-MM-dd"))
        dialog.name.setText("明年")
        dialog.accept()

    seen: list[str] = []

    def done(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "Stay here").click()

    _later(_top("copyPlanDialog"), fill)
    _later(_top("copyPlanDone"), done)
    assert window.act_copy_plan.isEnabled()
    new_id = window.copy_plan()
    assert new_id is not None
    assert [p.name for p in ctx.services.plans.list()][-1] == "明年"
    assert "Already late:" in seen[0] and "双11限时购" in seen[0]
    tasks = {t.title: t for t in ctx.services.tasks.list(new_id)}
    assert tasks["双12秒杀"].due == D(2027, 12, 12) and tasks["天猫店上线"].status == "todo"
    assert window.undo_stack.count() == 1


def test_save_as_template_then_new_plan_offers_it(qtbot, ctx, window):
    from opsdesk.templates import available_templates
    from opsdesk.ui.dialogs.new_plan import NewPlanDialog

    def fill(dialog) -> None:
        dialog.key.setText("shop-2027")
        dialog.name_zh.setText("开店计划2027")
        dialog.name_en.setText("Shop plan 2027")
        dialog.accept()

    _later(_top("saveTemplateDialog"), fill)
    path = window.save_as_template()
    assert path is not None and path.name == "shop-2027.toml"
    assert "shop-2027" in available_templates()
    new = NewPlanDialog("en", path.parent)
    qtbot.addWidget(new)
    assert new.template.findData("shop-2027") >= 0
    assert new.template.itemText(new.template.findData("shop-2027")) == "Shop plan 2027"


def test_save_as_template_bad_key_says_so(qtbot, ctx, window):
    errors: list[str] = []

    def fill(dialog) -> None:
        dialog.key.setText("我的 模板")
        dialog.accept()  # refused: stays open with the message
        errors.append(dialog.error.text())
        dialog.reject()

    _later(_top("saveTemplateDialog"), fill)
    assert window.save_as_template() is None
    assert errors and "cannot be a template key" in errors[0]
