"""Importing a big plan file in the app (issue #17): reading and writing run off the GUI
thread with progress, and Cancel leaves nothing behind (no new file, no half-imported plan)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from opsdesk.services import imports
from opsdesk.ui import background
from opsdesk.ui.dialogs.import_new import ImportNewDialog
from tests.ui.test_import_new import fill
from tests.unit.test_import_stream import planner_text

TASKS = 6000


def big_file(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK", 500)  # progress (and Cancel) every 500 tasks
    path = tmp_path / "big.planner"
    path.write_text(planner_text(TASKS), encoding="utf-8")
    return path


class Ticks(list):
    """A timer on the GUI thread: its ticks show the thread ran while the work did."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(5)

    def tick(self) -> None:
        self.append(1)


def test_importing_into_a_new_file_shows_progress_and_keeps_the_window_live(qtbot, tmp_path,
                                                                            monkeypatch):
    dialog = ImportNewDialog(big_file(tmp_path, monkeypatch))
    qtbot.addWidget(dialog)
    assert dialog.load()
    fill(dialog)
    dialog.show()
    seen: list[tuple[int, int, bool]] = []
    shown = dialog._on_progress

    def on_progress(done, total):
        shown(done, total)
        seen.append((dialog.progress.value(), dialog.progress.maximum(),
                     dialog.progress.isVisible() and not dialog.import_button.isEnabled()))

    dialog._on_progress = on_progress  # (the dialog hands its method to the runner)
    ticks = Ticks()
    dialog.accept()  # returns once the import has ended
    ticks.timer.stop()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.created is not None
    assert dialog.created.exists() and dialog.plan_id is not None
    assert seen and seen[-1] == (TASKS, TASKS, True)  # the bar showed it, the form was locked
    assert [v for v, _m, _s in seen] == sorted(v for v, _m, _s in seen)
    assert len(ticks) >= 2  # the GUI thread was not held while the import ran
    assert dialog.progress.isHidden() and dialog.import_button.isEnabled()


def test_cancel_while_importing_into_a_new_file_leaves_no_file(qtbot, tmp_path, monkeypatch):
    path = big_file(tmp_path, monkeypatch)
    dialog = ImportNewDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    fill(dialog)
    dialog.show()
    target = tmp_path / "big.db"
    assert dialog.target.text() == str(target)
    seen: list[int] = []

    def on_progress(done, total):
        seen.append(done)
        if len(seen) == 1:
            assert target.exists()  # the import is writing the new file …
            dialog.buttons.rejected.emit()  # … when Cancel is pressed

    dialog._on_progress = on_progress
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.created is None
    assert seen[0] < TASKS
    assert not list(tmp_path.glob("big*.db*"))  # no database, no journal left behind


def test_cancel_while_reading_a_big_file(qtbot, tmp_path, monkeypatch):
    from opsdesk.interchange import plan_doc, planner

    monkeypatch.setattr(plan_doc, "CHUNK", 1024)
    monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)
    slow = planner._Reader._task

    def slow_task(reader, attrib):  # a reading that would take seconds
        time.sleep(0.001)
        slow(reader, attrib)

    monkeypatch.setattr(planner._Reader, "_task", slow_task)
    path = big_file(tmp_path, monkeypatch)
    dialog = ImportNewDialog(path)
    qtbot.addWidget(dialog)
    cancelled: list[str] = []

    def press_cancel() -> None:  # on the reading's progress dialog, once it shows
        shown = dialog.reading
        if shown is not None and shown.isVisible() and not cancelled:
            cancelled.append(shown.labelText())
            [button] = shown.findChildren(QPushButton)
            button.click()  # the person presses Cancel

    poll = QTimer()
    poll.timeout.connect(press_cancel)
    poll.start(5)
    assert not dialog.load()
    poll.stop()
    assert cancelled and "big.planner" in cancelled[0]  # "Reading big.planner…", with Cancel
    assert dialog.problem == "" and dialog.doc is None  # (cancelled: nothing to explain)
    assert not list(tmp_path.glob("*.db*"))


def test_cancel_while_importing_into_the_open_database_adds_no_plan(qtbot, ctx, tmp_path,
                                                                     monkeypatch):
    from opsdesk.ui.dialogs import interchange
    from opsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    plans = len(ctx.services.plans.list())
    tasks = ctx.store.engine.connect().exec_driver_sql("SELECT count(*) FROM tasks").scalar()
    dialog = interchange.ImportPlanDialog(ctx, window, str(big_file(tmp_path, monkeypatch)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    assert f"{TASKS} task" in dialog.summary.text()
    seen: list[int] = []

    def on_progress(done, total):
        seen.append(done)
        if len(seen) == 1 and total == TASKS:
            dialog.reject()  # Cancel

    dialog._on_progress = on_progress
    dialog.show()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert seen and seen[0] < TASKS and dialog.changes is None
    assert len(ctx.services.plans.list()) == plans
    with ctx.store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM tasks").scalar() == tasks
