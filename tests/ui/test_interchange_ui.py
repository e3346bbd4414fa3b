"""File ▸ Import / Export / Weekly report, driven through the dialogs."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from opsdesk.interchange.planner import write_planner
from opsdesk.ui.dialogs import interchange
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.widgets import file_dialog
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
    monkeypatch.setattr(file_dialog, "get_save_file_name",
                        lambda *a, **k: (str(target["path"]), ""))
    for kind, name in (("xlsx", "t.xlsx"), ("csv", "t.csv"), ("mspdi", "t.xml"),
                       ("ics", "m.ics")):
        target["path"] = tmp_path / name
        interchange.run_export(window, kind)
        qtbot.waitUntil(lambda n=name: (tmp_path / n).exists(), timeout=15000)
    target["path"] = tmp_path / "weekly.pdf"
    monkeypatch.setattr(interchange, "exec_dialog", lambda d: QDialog.DialogCode.Accepted)
    window.file_actions.save_report.trigger()
    assert (tmp_path / "weekly.pdf").read_bytes().startswith(b"%PDF")
    assert "written to" in window.statusBar().currentMessage()


def test_staff_do_not_see_imports(qtbot, ctx):
    ctx.actor = ctx.services.people.authenticate("kefu")
    window = _window(qtbot, ctx)
    assert not window.file_actions.import_plan.isVisible()
    assert window.file_actions.export_menu.isEnabled()


def test_weekly_report_that_cannot_be_written_says_so_and_keeps_the_old_file(ctx, tmp_path):
    import datetime as dt

    from opsdesk.errors import FileWriteError
    from opsdesk.ui.report.weekly import build_document, write_weekly_report

    plan, monday = ctx.services.plans.list()[0].id, dt.date(2026, 11, 16)
    missing = tmp_path / "no such folder" / "weekly.pdf"
    with pytest.raises(FileWriteError) as refused:
        write_weekly_report(ctx.services, plan, monday, missing, "en")
    assert str(missing) in refused.value.message and not missing.parent.exists()
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(FileWriteError):
        write_weekly_report(ctx.services, plan, monday, folder, "en")
    assert folder.is_dir() and not list(tmp_path.glob("*.part"))
    out = tmp_path / "weekly.pdf"
    assert write_weekly_report(ctx.services, plan, monday, out, "en") >= 1
    assert out.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob("*.part"))
    # a week before any target: the KPI status is a dash, not the model's "none"
    text = build_document(ctx.services, plan, dt.date(2025, 3, 3), "en").toPlainText()
    assert "KPI" in text and not re.search(r"\bnone\b", text)


def _answer(monkeypatch, choose) -> list:
    """Answer the export's option dialog with ``choose(dialog)``, then OK; the dialogs
    shown are noted."""
    shown: list = []

    def answer(dialog):
        shown.append(dialog)
        choose(dialog)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(interchange, "exec_dialog", answer)
    return shown


def _save_to(monkeypatch, path) -> list:
    asked: list = []

    def save(parent, title, suggested, filters):
        asked.append(suggested)
        return str(path), ""
    monkeypatch.setattr(file_dialog, "get_save_file_name", save)
    return asked


def test_export_what_the_tasks_view_shows_one_sheet_per_phase(qtbot, ctx, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from opsdesk.ui.tasks.state import Filters

    window = _window(qtbot, ctx)
    tasks = window.show_view("tasks")
    role = next(r for r in ctx.services.people.roles() if r.key == "designer")
    tasks.filter_bar.set_filters(Filters(role_id=role.id))
    shown_ids = tasks.model.visible_task_ids()
    everything = ctx.services.tasks.list(ctx.plan_id)
    assert 0 < len(shown_ids) < len(everything)
    dialogs = _answer(monkeypatch, lambda d: d.sheets.setCurrentIndex(1))
    _save_to(monkeypatch, tmp_path / "designer.xlsx")
    window.findChild(QAction, "export_xlsx").trigger()
    dialog = dialogs[0]
    assert dialog.scope_shown.isEnabled() and dialog.scope_shown.isChecked()  # the filter
    assert not dialog.scope_selected.isEnabled()  # nothing selected
    qtbot.waitUntil(lambda: (tmp_path / "designer.xlsx").exists(), timeout=15000)
    book = load_workbook(tmp_path / "designer.xlsx", read_only=True)
    sheets = [list(ws.iter_rows(values_only=True)) for ws in book.worksheets]
    title_col = sheets[0][0].index("任务" if ctx.lang.startswith("zh") else "Task")
    exported = sorted(r[title_col] for rows in sheets for r in rows[1:])
    by_id = {t.id: t for t in everything}
    assert exported == sorted(by_id[i].title for i in shown_ids)  # what the view shows
    assert len(sheets) == len({by_id[i].phase_id for i in shown_ids}) > 1  # a sheet a phase


def test_export_selected_tasks_to_gbk_csv(qtbot, ctx, tmp_path, monkeypatch):
    window = _window(qtbot, ctx)
    tasks = window.show_view("tasks")
    picked = tasks.model.visible_task_ids()[:3]
    tasks.select_ids(picked)

    def choose(d):
        assert d.scope_selected.isEnabled() and not d.scope_shown.isEnabled()  # no filter
        d.scope_selected.setChecked(True)
        d.encoding.setCurrentIndex(d.encoding.findData("gbk"))
        d.headers.setCurrentIndex(d.headers.findData("zh_CN"))
    _answer(monkeypatch, choose)
    _save_to(monkeypatch, tmp_path / "three.csv")
    window.findChild(QAction, "export_csv").trigger()
    qtbot.waitUntil(lambda: (tmp_path / "three.csv").exists(), timeout=15000)
    raw = (tmp_path / "three.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # GBK: no BOM
    lines = raw.decode("gbk").splitlines()
    assert len(lines) == 1 + 3 and "任务" in lines[0]


def test_calendar_of_a_role_and_the_week_of_the_report(qtbot, ctx, tmp_path, monkeypatch):
    from icalendar import Calendar

    window = _window(qtbot, ctx)
    role = next(r for r in ctx.services.people.roles() if r.key == "customer_service")

    def choose(d):
        d.role_choice.setChecked(True)
        d.role.setCurrentIndex(d.role.findData(role.id))
    _answer(monkeypatch, choose)
    asked = _save_to(monkeypatch, tmp_path / "kefu.ics")
    window.findChild(QAction, "export_ics").trigger()
    qtbot.waitUntil(lambda: (tmp_path / "kefu.ics").exists(), timeout=15000)
    assert role.name("en") in asked[0]
    events = Calendar.from_ical((tmp_path / "kefu.ics").read_bytes()).walk("VEVENT")
    dated = [t for t in ctx.services.tasks.list(ctx.plan_id)
             if t.role_id == role.id and (t.due or t.start)]
    assert events and len(events) == len(dated)
    # the weekly report: any day picked stands for its week
    _answer(monkeypatch, lambda d: d.day.setDate(QDate(2026, 11, 5)))
    asked = _save_to(monkeypatch, tmp_path / "w45.pdf")
    window.file_actions.save_report.trigger()
    assert asked == ["weekly-2026-W45.pdf"]
    assert (tmp_path / "w45.pdf").read_bytes().startswith(b"%PDF")


def test_staff_calendar_choices_are_their_own_and_the_milestones(qtbot, ctx):
    from opsdesk.ui.dialogs.export_options import CalendarExportDialog

    ctx.actor = ctx.services.people.authenticate("kefu")
    dialog = CalendarExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.person_choice.isVisible() and not dialog.role_choice.isVisible()
    assert dialog.options() == {"milestones_only": True}
    dialog.mine.setChecked(True)
    assert dialog.options() == {"assignee_id": ctx.actor.user_id}


def test_plan_import_preview_lists_its_warnings_before_anything_is_written(qtbot, ctx, tmp_path):
    from tests.unit.test_plan_import_checks import planner, task

    window = _window(qtbot, ctx)
    data, name = planner(tmp_path, task("1", "准备") + task(
        "3", "任务B", start="20270106T000000Z", end="20261201T170000Z"))
    f = tmp_path / name
    if not f.exists():
        f.write_bytes(data if isinstance(data, bytes) else data.encode())
    plans_before = len(ctx.services.plans.list())
    dialog = interchange.ImportPlanDialog(ctx, window, str(f))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "⚠" in dialog.summary.text() and "任务B" in dialog.summary.text()
    assert "accepts the warnings" in dialog.status.text()
    assert len(ctx.services.plans.list()) == plans_before  # nothing written by the preview


def test_task_reimport_preview_names_the_changed_tasks_and_unmatched_lines(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx)
    task = next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.assignee_id is not None)
    f = tmp_path / "tasks.csv"
    f.write_text(f"编号,任务,负责人,优先级\n{task.id},{task.title},无名氏,urgent\n", encoding="utf-8-sig")
    dialog = interchange.ImportTasksDialog(ctx, window, str(f))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10000)
    text = dialog.summary.text()
    assert "0 new tasks, 1 changed" in text
    assert f"“{task.title}”: priority" in text  # which task, which field
    assert "无名氏 (line 2)" in text and "keeps what it had" in text
    assert "assignee" not in text.split("“")[1]  # an unmatched name changes nothing


def test_cancel_waits_for_the_work_to_stop_before_closing(qtbot, ctx, tmp_path):
    import threading

    from opsdesk.errors import Cancelled

    window = _window(qtbot, ctx)
    dialog = interchange.ImportTasksDialog(ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.show()
    running, release = threading.Event(), threading.Event()

    def work(progress):
        running.set()
        release.wait(10)
        if progress(1, 2) is False:  # (the import rolls its transaction back here)
            raise Cancelled()
        return "done"
    results: list = []
    dialog.start(work, results.append)
    assert running.wait(10)
    dialog.reject()  # Cancel while the work runs: the dialog stays and says so
    assert dialog.isVisible() and dialog.status.text() == "Stopping…"
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert results == [] and dialog.result() == QDialog.DialogCode.Rejected
