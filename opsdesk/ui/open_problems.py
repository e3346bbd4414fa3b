"""When a database cannot be opened: which ways on to offer (retry, open read-only,
restore a backup, make a new plan in an empty file) and the restore of a backup over a
damaged file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from opsdesk.errors import (
    CorruptDatabase,
    DatabaseEmpty,
    DatabaseLocked,
    MigrationFailed,
    NotAnOpsDeskDatabase,
    OpsDeskError,
    StorageError,
)


def database_file(target) -> Path | None:
    """The file behind a path or an ``sqlite:///`` URL; None for a server."""
    text = str(target)
    if "://" in text and not text.startswith("sqlite"):
        return None
    return Path(text.split(":///", 1)[-1]).expanduser().absolute()


def ways_on(exc: OpsDeskError, target) -> tuple[str, ...]:
    """The extra buttons for this failure, beyond open another / new plan / quit.

    A file that will not open can always be replaced by a backup: the chooser starts in
    the ``backups`` folder beside it, but a backup kept anywhere else will do."""
    is_file = database_file(target) is not None
    if isinstance(exc, DatabaseLocked):
        return ("retry",)
    if isinstance(exc, DatabaseEmpty):
        return ("new_here",) if is_file else ()
    if isinstance(exc, MigrationFailed):
        return ("readonly", "retry") + (("restore",) if is_file else ())
    if isinstance(exc, CorruptDatabase | NotAnOpsDeskDatabase):
        return ("restore",) if is_file else ()
    if isinstance(exc, StorageError):
        return ("retry",)
    return ()


def add_way_buttons(box: QMessageBox, ways: tuple[str, ...]) -> dict[str, QPushButton]:
    texts = {"retry": QCoreApplication.translate("OpenProblems", "Try again"),
             "readonly": QCoreApplication.translate("OpenProblems", "Open read-only"),
             "restore": QCoreApplication.translate("OpenProblems", "Restore a backup…"),
             "new_here": QCoreApplication.translate("OpenProblems", "Make a new plan in this file…")}
    buttons = {}
    for way in ways:
        button = box.addButton(texts[way], QMessageBox.ButtonRole.ActionRole)
        button.setObjectName(f"way_{way}")
        buttons[way] = button
    return buttons


def backup_start(path: Path) -> Path:
    """Where the backup chooser starts: the newest backup in ``backups/`` beside the file,
    else that folder, else the file's own folder."""
    from opsdesk.services.storage import backup_folder, list_backups

    backups = list_backups(path)
    if backups:
        return backups[-1]
    folder = backup_folder(path)
    return folder if folder.is_dir() else path.parent


def choose_backup(parent: QWidget | None, path: Path) -> Path | None:
    from opsdesk.ui.widgets.file_dialog import get_open_file_name

    chosen, _ = get_open_file_name(
        parent, QCoreApplication.translate("OpenProblems", "Restore a backup"),
        str(backup_start(path)),
        QCoreApplication.translate("OpenProblems", "OpsDesk database (*.db);;All files (*)"))
    return Path(chosen) if chosen else None


def restore_damaged(parent: QWidget | None, target) -> Path | None:
    """Pick a backup and, once a manager of that backup has signed in, put it in place of
    the file that would not open (which is kept aside); returns where that file went."""
    from opsdesk.ui.dialogs.restore_sign_in import RestoreSignInDialog

    path = database_file(target)
    if path is None:
        return None
    backup = choose_backup(parent, path)
    if backup is None:
        return None
    dialog = RestoreSignInDialog(path, backup, parent)
    if not dialog.exec() or dialog.aside is None:
        return None
    QMessageBox.information(parent, "OpsDesk", QCoreApplication.translate("OpenProblems",
        "The backup is in place. The file that would not open is kept as {path}.").format(
        path=dialog.aside))
    return dialog.aside

