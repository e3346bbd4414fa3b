"""Issue #12 in the GUI: a manager without a password sets one when signing in; the New plan
dialog asks for the first manager's password twice; staff back up only into the backups
folder, and the services refuse them the rest."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication, QMessageBox

from opsdesk.services import Services
from opsdesk.store import backup as bk
from opsdesk.store import open_store
from opsdesk.ui.login import LoginDialog
from opsdesk.ui.login.set_password import SetPasswordDialog
from tests.ui.test_login import _select


def _make_kefu_a_passwordless_manager(db_path) -> None:
    store = open_store(db_path)
    with store.engine.begin() as conn:  # as a file from before issue #12 may hold
        conn.exec_driver_sql("UPDATE users SET is_manager = TRUE WHERE login = 'kefu'")
    store.close()


def test_a_passwordless_manager_sets_one_when_signing_in(qtbot, db_path, monkeypatch):
    _make_kefu_a_passwordless_manager(db_path)
    services = Services(open_store(db_path))
    dialog = LoginDialog(services, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    _select(dialog, "kefu")
    shown = []

    def run(asked: SetPasswordDialog) -> int:
        shown.append(asked)
        asked.grab().save(str(db_path.parent / "set_password.png"))
        asked.password.setText("kefu-pw")
        asked.again.setText("kefu-typo")
        asked.accept()
        assert "not the same" in asked.error.text() and not asked.result()
        asked.again.setText("kefu-pw")
        asked.accept()
        return asked.result()

    monkeypatch.setattr(SetPasswordDialog, "exec", run)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert len(shown) == 1 and "no password yet" in shown[0].explain.text()
    assert dialog.actor is not None and dialog.actor.login == "kefu" and dialog.actor.is_manager
    assert services.people.authenticate("kefu", "kefu-pw").is_manager
    services.store.close()


def test_setting_the_password_can_be_cancelled(qtbot, db_path, monkeypatch):
    _make_kefu_a_passwordless_manager(db_path)
    services = Services(open_store(db_path))
    dialog = LoginDialog(services, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    _select(dialog, "kefu")
    monkeypatch.setattr(SetPasswordDialog, "exec", lambda asked: 0)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.actor is None and dialog.isVisible()
    assert not [u for u in services.people.users() if u.login == "kefu"][0].has_password
    services.store.close()


def test_new_plan_asks_for_the_managers_password_twice(qtbot, tmp_path):
    from opsdesk.ui.dialogs.new_plan import NewPlanDialog

    path = tmp_path / "new.db"
    dialog = NewPlanDialog("en", tmp_path)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.manager_name.setText("Wang")
    dialog.show()
    dialog.grab().save(str(tmp_path / "new_plan.png"))
    dialog.accept()  # no password
    assert "needs a password" in dialog.error.text() and not path.exists()
    dialog.password.setText("boss-pw")
    dialog.password_again.setText("boss-pw2")
    dialog.accept()
    assert "not the same" in dialog.error.text() and not path.exists()
    dialog.password_again.setText("boss-pw")
    dialog.accept()
    assert dialog.result() and dialog.created == path
    store = open_store(path)
    try:
        assert Services(store).people.authenticate("admin", "boss-pw").is_manager
    finally:
        store.close()


def _box(name: str, window=None):
    """A visible message box by object name; with ``window``, only that window's own
    (a box left over from an earlier test's window must not satisfy the wait)."""
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
                 and (window is None or w.parent() is window)), None)


def test_staff_back_up_only_into_the_backups_folder(qtbot, ctx, db_path, tmp_path, monkeypatch):
    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.widgets import file_dialog

    kefu = ctx.services.people.authenticate("kefu")
    staff_ctx = dataclasses.replace(ctx, actor=kefu)
    window = MainWindow(staff_ctx)
    qtbot.addWidget(window)
    actions = window.backup_actions
    qtbot.waitUntil(lambda: len(bk.list_backups(db_path)) == 1, timeout=10_000)  # daily one
    monkeypatch.setattr(file_dialog, "get_save_file_name",
                        lambda *a: (_ for _ in ()).throw(AssertionError("no file dialog")))
    actions.back_up()  # staff: no choice of place
    qtbot.waitUntil(lambda: _box("backupDone", window) is not None, timeout=10_000)
    assert len(bk.list_backups(db_path)) == 2
    _box("backupDone", window).close()
    out = tmp_path / "elsewhere.db"
    actions.back_up_to(out)  # asked for directly: the service refuses
    qtbot.waitUntil(lambda: "may not copy the whole database" in (actions.last_message or ""),
                    timeout=10_000)
    assert _box("backupFailed", window) is not None and not out.exists()
    _box("backupFailed", window).close()
    good = bk.list_backups(db_path)[-1]
    actions.restore_from(good, confirm=False)
    qtbot.waitUntil(lambda: "may not restore backups" in (actions.last_message or ""),
                    timeout=10_000)
    assert _box("backupFailed", window) is not None


def test_no_daily_backup_when_the_settings_say_so(qtbot, ctx, db_path, monkeypatch):
    """``opsdesk shot`` renders from a throwaway copy: no daily backup may start there (it
    raced the copy's removal: "Directory not empty")."""
    from opsdesk.ui.dialogs import backup
    from opsdesk.ui.main_window import MainWindow

    monkeypatch.setattr(backup, "AUTO_BACKUP_DELAY_MS", 10)
    ctx.settings.set_daily_backup(False)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.wait(300)
    assert bk.list_backups(db_path) == []
    ctx.settings.set_daily_backup(True)
    other = MainWindow(ctx)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: len(bk.list_backups(db_path)) == 1, timeout=10_000)
