"""Back up and restore from the GUI: File menu entries, the work in the background runner
with a progress dialog and Cancel (SQLite's backup API in steps, so the UI never freezes),
the daily automatic backup on open, and the once-only network-share notice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction

from opsdesk.errors import OpsDeskError
from opsdesk.ui.background import Job, run_in_background

if TYPE_CHECKING:  # (QMessageBox's Python type loads with the first box)
    from PySide6.QtWidgets import QMessageBox

AUTO_BACKUP_DELAY_MS = 1500


class BackupActions:
    """File ▸ Back up… / Restore… for a main window, and what happens on open."""

    def __init__(self, window) -> None:
        self.window = window
        menu = window.menu_file
        before = next((a for a in menu.actions() if a.isSeparator()), None)
        self.backup = QAction(window)
        self.backup.setObjectName("backupNow")
        self.backup.triggered.connect(self.back_up)
        self.restore = QAction(window)
        self.restore.setObjectName("restoreBackup")
        self.restore.triggered.connect(self.choose_restore)
        menu.insertAction(before, self.backup)
        menu.insertAction(before, self.restore)
        self.last_message: str | None = None
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        self.backup.setText(QCoreApplication.translate("BackupActions", "&Back up…"))
        self.restore.setText(QCoreApplication.translate("BackupActions", "&Restore a backup…"))

    # ---- state
    @property
    def store(self):
        ctx = self.window.ctx
        return ctx.store if ctx is not None else None

    def update(self) -> None:
        store, ctx = self.store, self.window.ctx
        sqlite_file = store is not None and store.is_sqlite and store.path is not None
        self.backup.setEnabled(sqlite_file)
        manager = ctx is not None and ctx.actor.is_manager
        self.restore.setVisible(manager)  # design.md: restore is for managers
        self.restore.setEnabled(manager and sqlite_file and not store.readonly)

    def attach(self) -> None:
        """A database was opened (or the person switched): daily backup, share notice."""
        self.update()
        store = self.store
        if store is None:
            return
        if store.network_share and not self.window.settings.network_share_noticed():
            self.window.settings.set_network_share_noticed()
            self._inform(QCoreApplication.translate("BackupActions",
                "This database is on a network share. OpsDesk uses a slower, safer journal "
                "there, but several people writing over a network share can still damage an "
                "SQLite file. For a team, a PostgreSQL server is the safe choice (see “Team "
                "server” in the README)."), "networkShareNotice")
        if store.is_sqlite and store.path is not None and not store.readonly \
                and self.window.settings.daily_backup():
            # A little after the first screen is up, so the copy never delays it.
            # (the window is the timer's context: a window closed meanwhile cancels it)
            QTimer.singleShot(AUTO_BACKUP_DELAY_MS, self.window, lambda: self.auto_backup(store))

    def auto_backup(self, opened=None) -> Job | None:
        store, keep = self.store, self.window.settings.backup_keep()
        if store is None or (opened is not None and store is not opened):
            return None  # another database was opened meanwhile
        storage, actor = self._storage()
        if not storage.auto_backup_due():
            return None
        return self._start(lambda progress: storage.auto_backup(actor, keep, progress=progress),
                           QCoreApplication.translate("BackupActions", "Backing up…"), lambda _r: None, quiet=True)

    # ---- actions
    def back_up(self) -> Job | None:
        ctx = self.window.ctx
        if ctx is not None and not ctx.actor.is_manager:
            return self.back_up_here()  # staff: only into the backups folder (issue #12)
        suggested = self._storage()[0].backup_path("manual")
        suggested.parent.mkdir(parents=True, exist_ok=True)
        from opsdesk.ui.widgets import file_dialog  # (loaded when a file is chosen: start-up)

        out, _ = file_dialog.get_save_file_name(self.window, QCoreApplication.translate("BackupActions", "Back up the database"),
                                             str(suggested), QCoreApplication.translate("BackupActions", "OpsDesk database (*.db)"))
        if not out:
            return None
        return self.back_up_to(Path(out))

    def back_up_to(self, out: Path) -> Job:
        # a copy to a place of one's choosing: the service lets only a manager (issue #12)
        keep = self.window.settings.backup_keep()
        storage, actor = self._storage()

        def job(progress):
            return storage.backup(actor, out, progress, keep=keep)

        return self._start(job, QCoreApplication.translate("BackupActions", "Backing up…"), lambda p: self._inform(
            QCoreApplication.translate("BackupActions", "The backup was written to {path}.").format(path=p), "backupDone"))

    def back_up_here(self) -> Job:
        """A backup into the backups folder beside the database (anyone signed in)."""
        keep = self.window.settings.backup_keep()
        storage, actor = self._storage()
        return self._start(lambda progress: storage.rolling_backup(actor, "manual", keep, progress),
                           QCoreApplication.translate("BackupActions", "Backing up…"), lambda p: self._inform(
            QCoreApplication.translate("BackupActions", "The backup was written to {path}.").format(path=p), "backupDone"))

    def choose_restore(self) -> Job | None:
        store = self.store
        start = self._storage()[0].backup_folder()
        from opsdesk.ui.widgets import file_dialog  # (loaded when a file is chosen: start-up)

        source, _ = file_dialog.get_open_file_name(
            self.window, QCoreApplication.translate("BackupActions", "Restore a backup"), str(start if start.is_dir() else store.path.parent),
            QCoreApplication.translate("BackupActions", "OpsDesk database (*.db);;All files (*)"))
        if not source:
            return None
        return self.restore_from(Path(source), confirm=True)

    def restore_from(self, source: Path, confirm: bool = True) -> Job | None:
        from opsdesk.services.storage import StorageService

        try:
            StorageService.validate_backup(source)  # refuse a bad file before asking anything
        except OpsDeskError as exc:
            self._failed(exc)
            return None
        if confirm:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self.window, QCoreApplication.translate("BackupActions", "Restore a backup"),
                QCoreApplication.translate("BackupActions", "Replace everything in this database with the backup {name}? What is there "
                   "now is kept as a backup first, so this can be undone by restoring that.")
                .format(name=source.name))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        keep = self.window.settings.backup_keep()
        storage, actor = self._storage()
        # Not cancellable: SQLite copies a restore in one step, so a Cancel could only come
        # after the content was already replaced.
        return self._start(lambda progress: storage.restore(actor, source, keep, progress),
                           QCoreApplication.translate("BackupActions", "Restoring…"), self._restored,
                           cancellable=False)

    def _restored(self, safety) -> None:
        from opsdesk.services.changes import EVERYTHING

        self.window.undo_stack.clear()  # the undo history belongs to the replaced content
        self.window.load_plans()
        self.window.apply(EVERYTHING)
        self._inform(QCoreApplication.translate("BackupActions", "The backup was restored. What was there before is kept in {path}.")
                     .format(path=safety), "restoreDone")

    # ---- helpers
    def _storage(self):
        """The storage service and the signed-in person: every backup and restore goes
        through the service, which checks the rights (issue #12)."""
        ctx = self.window.ctx
        return ctx.services.storage, ctx.actor

    def _start(self, job, label, on_done, quiet: bool = False, cancellable: bool = True) -> Job:
        """Run ``job(progress)`` in the background; a progress dialog (unless ``quiet``)
        shows when it takes a while, with Cancel when ``cancellable``."""
        from opsdesk.services.storage import BackupCancelled

        return run_in_background(self.window, job, on_done, self._failed,
                                 label=None if quiet else label, cancellable=cancellable,
                                 cancel_error=BackupCancelled)

    def _failed(self, exc: OpsDeskError) -> None:
        from opsdesk.services.storage import BackupCancelled
        from opsdesk.ui.labels import error_text

        if isinstance(exc, BackupCancelled):
            return
        from PySide6.QtWidgets import QMessageBox

        self._inform(error_text(exc), "backupFailed", QMessageBox.Icon.Warning)

    def _inform(self, text: str, name: str,
                icon: QMessageBox.Icon | None = None) -> QMessageBox:
        """A non-blocking message box (tests find it by object name); information unless
        ``icon`` says otherwise."""
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Information if icon is None else icon
        self.last_message = text
        parent = self.window if shiboken6.isValid(self.window) else None
        box = QMessageBox(icon, "OpsDesk", text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
