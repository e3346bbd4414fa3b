"""The one background runner: outcomes reach the GUI thread, failures are explained (and
logged when unexpected), Cancel works, running work is kept alive, and the users of the old
threads (the interchange dialogs, the Tasks view's load) show what went wrong."""

from __future__ import annotations

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from opsdesk.errors import Cancelled, NotFound
from opsdesk.ui import background, crash
from opsdesk.ui.background import run_in_background


def _box(name: str = "errorBox"):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()), None)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def log_closed(tmp_path):
    """The runner opens the log file (in this test's log dir); close it afterwards."""
    yield
    for handler in list(crash.log.handlers):
        if str(getattr(handler, "baseFilename", "")).startswith(str(tmp_path)):
            crash.log.removeHandler(handler)
            handler.close()


@pytest.fixture
def dialog_at_once(monkeypatch):
    monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)


def _on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_success_delivers_the_result_on_the_gui_thread(qtbot, parent):
    seen = []

    def work(progress):
        progress(1, 2)
        progress(2, 2)
        return threading.get_ident()

    job = run_in_background(parent, work, lambda result: seen.append((result, _on_gui_thread())),
                            on_progress=lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    worker, on_gui = seen[-1]
    assert worker != threading.get_ident() and on_gui  # ran elsewhere, delivered here
    assert (2, 2) in seen  # the last step always reaches the GUI thread
    assert job not in background.RUNNING and _box() is None


def test_a_job_raising_value_error_shows_a_message_closes_its_dialog_and_logs(
        qtbot, parent, dialog_at_once):
    release = threading.Event()

    def work(_progress):
        release.wait(10)
        raise ValueError("boom")

    job = run_in_background(parent, work, label="Working…")
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=10_000)
    dialog = job.dialog
    release.set()
    qtbot.waitUntil(lambda: _box() is not None, timeout=10_000)
    text = _box().text()
    assert "unexpected problem (ValueError)" in text and str(crash.log_file()) in text
    assert "Traceback" not in text and "\n" not in text  # one line, never a traceback
    assert job.dialog is None and not (shiboken6.isValid(dialog) and dialog.isVisible())
    assert not job.running and job not in background.RUNNING
    for handler in crash.log.handlers:
        handler.flush()
    logged = crash.log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: boom" in logged


def test_an_opsdesk_error_shows_its_own_message_and_is_not_logged(qtbot, parent):
    failed = []

    def work(_progress):
        raise NotFound()

    job = run_in_background(parent, work, on_failed=failed.append)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert isinstance(failed[0], NotFound) and job.error is failed[0]
    assert not crash.log_file().exists()
    run_in_background(parent, work)  # without on_failed: a message box
    qtbot.waitUntil(lambda: _box() is not None, timeout=10_000)
    assert _box().text() == "The record no longer exists."


def test_cancel_from_the_progress_dialog_stops_the_work(qtbot, parent, dialog_at_once):
    release, steps, done, failed = threading.Event(), [], [], []

    def work(progress):
        for n in range(1000):
            if n == 1:
                release.wait(10)  # (Cancel is pressed while the work is here)
            progress(n, 1000)
            steps.append(n)
        return "all"

    job = run_in_background(parent, work, done.append, failed.append, label="Working…")
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=10_000)
    job.dialog.findChild(QPushButton).click()  # the dialog's Cancel
    assert job.cancelled
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert done == [] and isinstance(failed[0], Cancelled) and steps == [0]
    assert _box() is None  # the person asked for it: nothing to explain


def test_work_that_cannot_be_cancelled_runs_to_its_end(qtbot, parent):
    release = threading.Event()

    def work(progress):
        release.wait(10)
        progress(1, 1)
        return "written"

    job = run_in_background(parent, work, cancellable=False)
    assert not job.cancel()
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.result == "written"


def test_running_work_is_kept_alive_and_a_destroyed_parent_gets_no_callbacks(qtbot):
    release, calls = threading.Event(), []
    widget = QWidget()

    def work(_progress):
        release.wait(10)
        raise ValueError("too late")

    before = set(background.RUNNING)
    run_in_background(widget, work, calls.append, calls.append)  # (the job is not kept)
    gc.collect()
    (job,) = background.RUNNING - before
    shiboken6.delete(widget)
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert calls == [] and _box() is None and job.error is not None


def test_stop_all_cancels_and_waits(qtbot, parent):
    started = threading.Event()

    def work(progress):
        started.set()
        while True:
            progress(0, 1)
            threading.Event().wait(0.005)  # (a chunk of work)

    job = run_in_background(parent, work)
    assert started.wait(10)
    assert background.stop_all(10_000)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert isinstance(job.error, Cancelled)


# ---- the users of the runner

def test_an_import_dialog_whose_work_raises_shows_a_message_and_stops_being_busy(qtbot, ctx):
    from opsdesk.ui.dialogs import interchange
    from opsdesk.ui.main_window import MainWindow

    ctx.plan_id = ctx.services.plans.list()[0].id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = interchange.ImportTasksDialog(ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.show()

    def work(_progress):
        raise ValueError("boom")

    done = []
    dialog.start(work, done.append)
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: "unexpected problem (ValueError)" in dialog.status.text(),
                    timeout=10_000)
    assert not dialog.progress.isVisible() and done == []
    dialog.reject()  # nothing runs any more: Cancel closes at once
    assert not dialog.isVisible()


def test_a_failed_tasks_load_says_so_in_the_view_and_can_be_retried(qtbot, ctx, monkeypatch):
    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.tasks import view as tasks_view

    monkeypatch.setattr(tasks_view, "FIRST_PAGE", 5)  # the rest loads in the background
    ctx.plan_id = ctx.services.plans.list()[0].id
    everything = len(ctx.services.tasks.plan_rows(ctx.plan_id))
    tasks = ctx.services.tasks
    real, broken = tasks.plan_table, [True]

    def plan_table(plan_id):
        if broken[0] and not _on_gui_thread():  # (the background load of the whole plan)
            raise RuntimeError("disk on fire")
        return real(plan_id)

    monkeypatch.setattr(tasks, "plan_table", plan_table)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("tasks")
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    banner = view.load_problem
    assert banner is not None and banner.isVisible()
    assert "unexpected problem (RuntimeError)" in banner.text.text()
    assert len(view.model.rows) == 5 and "Loading" not in view.count.text()
    assert _box() is None  # said in the view, not in a box
    broken[0] = False
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        banner.retry.click()
    assert not banner.isVisible() and len(view.model.rows) == everything
