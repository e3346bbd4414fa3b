"""File ▸ Import / Export / Weekly report, driven through the dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from opsdesk.interchange.planner import write_planner
from opsdesk.ui.dialogs import interchange
from opsdesk.ui.main_window import MainWindow
from tests.unit.test_interchange import sample_doc


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_import_plan_previews_then_imports(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx)
    f = tmp_path / "shop.planner"
    f.write_bytes(write_planner(sample_doc()))
    plans_before = len(ctx.services.plans.list())
    dialog = interchange.ImportPlanDialog(ctx, window, str(f))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "准备, 上线" in dialog.summary.text() and "财务" in dialog.summary.text()
    assert "(s)" not in dialog.summary.text()  # English plurals: "4 tasks, 1 milestone"
    assert len(ctx.services.plans.list()) == plans_before  # nothing written by the preview
    dialog.name.setText("导入的计划")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.changes is not None, timeout=10000)
    assert window.plan_picker.currentText() == "导入的计划"
    assert ctx.plan_id == dialog.changes.plan_id
    assert {t.title for t in ctx.services.tasks.list(ctx.plan_id)} == {"组建团队", "招聘美工", "团队完成", "开业大促"}


def test_import_tasks_maps_checks_and_imports(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx)
    f = tmp_path / "tasks.csv"
    f.write_text("任务,截止,岗位,负责人\n拍摄新品,2026-09-10,美工,赵美工\n整理评价,2026-09-12,客服,无名氏\n",
                 encoding="gbk")
    before = len(ctx.services.tasks.list(ctx.plan_id))
    dialog = interchange.ImportTasksDialog(ctx, window, str(f))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    assert dialog.combos["title"].currentData() == "任务"
    assert dialog.combos["due"].currentData() == "截止"
    assert dialog.preview.rowCount() == 2 and dialog.preview.item(0, 0).text() == "拍摄新品"
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10000)
    assert "2 new tasks, 0 changed" in dialog.summary.text() and "无名氏" in dialog.summary.text()
    assert "(s)" not in dialog.summary.text() + dialog.status.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(ctx.services.tasks.list(ctx.plan_id)) == before + 2, timeout=10000)


def test_export_and_weekly_report(qtbot, ctx, tmp_path, monkeypatch):
    window = _window(qtbot, ctx)
    target = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target["path"]), ""))
    for kind, name in (("xlsx", "t.xlsx"), ("csv", "t.csv"), ("mspdi", "t.xml"),
                       ("ics-milestones", "m.ics")):
        target["path"] = tmp_path / name
        interchange.run_export(window, kind)
        qtbot.waitUntil(lambda n=name: (tmp_path / n).exists(), timeout=15000)
    target["path"] = tmp_path / "weekly.pdf"
    window.file_actions.save_report.trigger()
    assert (tmp_path / "weekly.pdf").read_bytes().startswith(b"%PDF")
    assert "written to" in window.statusBar().currentMessage()


def test_staff_do_not_see_imports(qtbot, ctx):
    ctx.actor = ctx.services.people.authenticate("kefu")
    window = _window(qtbot, ctx)
    assert not window.file_actions.import_plan.isVisible()
    assert window.file_actions.export_menu.isEnabled()
