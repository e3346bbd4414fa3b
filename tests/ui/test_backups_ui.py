"""GUI backup and restore (on a second thread, with progress), the daily backup on open,
other processes' changes reaching the views, the conflict dialog, the network-share notice."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from opsdesk.errors import ConflictError
from opsdesk.services import Services
from opsdesk.store import backup as bk
from opsdesk.store import open_store
from opsdesk.ui.dialogs.conflict import ConflictChoice, ConflictDialog, write_with_conflict_check
from opsdesk.ui.main_window import MainWindow


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def _box(name: str):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()), None)


def _wait_idle(qtbot) -> None:
    qtbot.waitUntil(lambda: not bk_workers(), timeout=10_000)


def bk_workers():
    from opsdesk.ui.background import RUNNING

    return RUNNING


def test_daily_backup_runs_on_open_off_the_gui_thread(qtbot, ctx, db_path):
    assert bk.list_backups(db_path) == []
    _window(qtbot, ctx)
    qtbot.waitUntil(lambda: len(bk.list_backups(db_path)) == 1, timeout=10_000)
    _wait_idle(qtbot)
    _window(qtbot, ctx)  # opened again the same day: no second backup
    _wait_idle(qtbot)
    assert len(bk.list_backups(db_path)) == 1


def test_manual_backup_keeps_the_ui_responsive(qtbot, ctx, tmp_path, monkeypatch):
    window = _window(qtbot, ctx)
    _wait_idle(qtbot)
    monkeypatch.setattr(bk, "STEP_PAGES", 1)  # many small steps
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    out = tmp_path / "manual.db"
    worker = window.backup_actions.back_up_to(out)
    with qtbot.waitSignal(worker.sig_done, timeout=20_000):
        pass
    timer.stop()
    assert out.exists() and ticks  # the event loop ran while the backup did
    qtbot.waitUntil(lambda: _box("backupDone") is not None)
    assert str(out) in _box("backupDone").text()


def test_restore_from_the_gui(qtbot, ctx):
    window = _window(qtbot, ctx)
    _wait_idle(qtbot)
    services = ctx.services
    plan_id = services.plans.list()[0].id
    task = services.tasks.list(plan_id)[0]
    good = bk.rolling_backup(ctx.store, "manual")
    window.run("rename", lambda: services.tasks.update(ctx.actor, task.id, title="renamed"))
    assert window.undo_stack.count() == 1
    seen = []
    window.changes_applied.connect(seen.append)
    worker = window.backup_actions.restore_from(good, confirm=False)
    with qtbot.waitSignal(worker.sig_done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: _box("restoreDone") is not None)
    assert services.tasks.get(task.id).title == task.title
    assert window.undo_stack.count() == 0
    assert seen and seen[-1].tasks and seen[-1].kpis


def test_restore_refuses_a_bad_file_before_asking(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx)
    _wait_idle(qtbot)
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    assert window.backup_actions.restore_from(bad, confirm=True) is None
    qtbot.waitUntil(lambda: _box("backupFailed") is not None)
    assert "nothing was changed" in _box("backupFailed").text()


def test_restore_is_for_managers(qtbot, ctx):
    staff = ctx.services.people.authenticate("kefu")
    ctx.actor = staff
    window = _window(qtbot, ctx)
    assert window.backup_actions.backup.isEnabled()
    assert not window.backup_actions.restore.isVisible()
    assert not window.backup_actions.restore.isEnabled()


def test_another_process_change_reaches_the_views(qtbot, ctx, db_path):
    window = _window(qtbot, ctx)
    other = open_store(db_path)
    try:
        services = Services(other)
        manager = services.people.authenticate("manager", "secret")
        task = services.tasks.list(services.plans.list()[0].id)[0]
        with qtbot.waitSignal(window.changes_applied, timeout=3000,
                              check_params_cb=lambda c: c.tasks and task.id in c.ids):
            services.tasks.update(manager, task.id, title="from elsewhere")
    finally:
        other.close()


def test_own_writes_are_not_applied_twice(qtbot, ctx):
    window = _window(qtbot, ctx)
    seen = []
    window.changes_applied.connect(seen.append)
    task = ctx.services.tasks.list(ctx.services.plans.list()[0].id)[0]
    window.run("rename", lambda: ctx.services.tasks.update(ctx.actor, task.id, title="mine"))
    assert len(seen) == 1
    assert window.change_sync.poll() is None


def test_conflict_dialog_overwrite_and_reload(qtbot, ctx):
    services, actor = ctx.services, ctx.actor
    task = services.tasks.list(services.plans.list()[0].id)[0]
    services.tasks.update(actor, task.id, title="someone else's")  # version moves on
    reloaded = []

    def answer(choice_button: str):
        def click():
            dialog = next(w for w in QApplication.topLevelWidgets()
                          if isinstance(w, ConflictDialog) and w.isVisible())
            getattr(dialog, choice_button).click()
        QTimer.singleShot(50, click)

    def write(version):
        return services.tasks.update(actor, task.id, expected_version=version, title="mine")

    answer("reload_button")
    assert write_with_conflict_check(None, write, task.version, lambda: reloaded.append(1)) is None
    assert reloaded == [1] and services.tasks.get(task.id).title == "someone else's"
    answer("overwrite_button")
    changes = write_with_conflict_check(None, write, task.version, lambda: reloaded.append(2))
    assert changes is not None and services.tasks.get(task.id).title == "mine"
    assert reloaded == [1]


def test_conflict_choice_names(qtbot):
    dialog = ConflictDialog(None, "“Launch”")
    qtbot.addWidget(dialog)
    assert "“Launch”" in dialog.text()
    assert dialog.choice() is ConflictChoice.CANCEL
    assert issubclass(ConflictError, Exception)


def test_network_share_notice_is_shown_once(qtbot, ctx, db_path, monkeypatch):
    monkeypatch.setenv("OPSDESK_ASSUME_NETWORK_SHARE", "1")
    ctx.store.close()
    ctx.store = open_store(db_path)
    assert ctx.store.network_share
    _window(qtbot, ctx)
    qtbot.waitUntil(lambda: _box("networkShareNotice") is not None)
    assert "PostgreSQL" in _box("networkShareNotice").text()
    _box("networkShareNotice").close()
    _window(qtbot, ctx)
    qtbot.wait(50)
    assert _box("networkShareNotice") is None


def test_ways_on_offered_for_each_open_problem(tmp_path):
    from opsdesk.errors import (
        CorruptDatabase,
        DatabaseLocked,
        MigrationFailed,
        NotAnOpsDeskDatabase,
        StorageError,
    )
    from opsdesk.ui.open_problems import add_way_buttons, ways_on

    db = tmp_path / "p.db"
    assert ways_on(DatabaseLocked(), db) == ("retry",)
    # a restore is offered even with no backup beside it (the chooser can go anywhere)
    assert ways_on(CorruptDatabase(path=str(db)), db) == ("restore",)
    assert ways_on(MigrationFailed(detail="x"), db) == ("readonly", "retry", "restore")
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "p-20261101-090000-auto.db").write_bytes(b"x")
    assert ways_on(CorruptDatabase(path=str(db)), db) == ("restore",)
    assert ways_on(NotAnOpsDeskDatabase(path=str(db)), db) == ("restore",)
    assert "restore" in ways_on(MigrationFailed(detail="x"), db)
    assert ways_on(StorageError(), "postgresql+psycopg://u@h/d") == ("retry",)
    box = QMessageBox()
    buttons = add_way_buttons(box, ("retry", "readonly", "restore"))
    assert [b.objectName() for b in buttons.values()] == ["way_retry", "way_readonly",
                                                          "way_restore"]


def test_open_flow_offers_retry_for_a_locked_file(qtbot, tmp_path, monkeypatch, db_path):
    """A locked file: the "Try again" way on opens it once it is free."""
    from argparse import Namespace

    from opsdesk.app import OpsDeskApp
    from opsdesk.errors import DatabaseLocked
    from opsdesk.store import engine

    app = OpsDeskApp(Namespace(db=str(db_path), lang="en", user=None))
    answers = ["retry"]
    asked = []

    def ask(message):
        asked.append((message, app._extra_ways))
        return answers.pop(0)

    monkeypatch.setattr(app, "_ask_way_on", ask)
    real = engine.open_store
    calls = []

    def flaky(target, **kw):
        calls.append(kw)
        if len(calls) == 1:
            raise DatabaseLocked()
        return real(target, **kw)

    monkeypatch.setattr("opsdesk.store.open_store", flaky)
    store = app.open_database(db_path)
    assert store is not None and len(calls) == 2 and asked[0][1] == ("retry",)
    store.close()
