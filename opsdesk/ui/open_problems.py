"""When a database cannot be opened: which ways on to offer (retry, open read-only,
restore a backup) and the restore of a backup over a damaged file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from opsdesk.errors import (
    CorruptDatabase,
    DatabaseLocked,
    MigrationFailed,
    NotAnOpsDeskDatabase,
    OpsDeskError,
    StorageError,
)


def _file(target) -> Path | None:
    text = str(target)
    if "://" in text and not text.startswith("sqlite"):
        return None
    return Path(text.split(":///", 1)[-1]).expanduser().absolute()


def ways_on(exc: OpsDeskError, target) -> tuple[str, ...]:
    """The extra buttons for this failure, beyond open another / new plan / quit."""
    from opsdesk.store.backup import list_backups

    path = _file(target)
    has_backups = path is not None and bool(list_backups(path))
    if isinstance(exc, DatabaseLocked):
        return ("retry",)
    if isinstance(exc, MigrationFailed):
        return ("readonly", "retry") + (("restore",) if has_backups else ())
    if isinstance(exc, CorruptDatabase | NotAnOpsDeskDatabase):
        return ("restore",) if has_backups else ()
    if isinstance(exc, StorageError):
        return ("retry",)
    return ()


def add_way_buttons(box: QMessageBox, ways: tuple[str, ...]) -> dict[str, QPushButton]:
    texts = {"retry": QCoreApplication.translate("OpenProblems", "Try again"), "readonly": QCoreApplication.translate("OpenProblems", "Open read-only"),
             "restore": QCoreApplication.translate("OpenProblems", "Restore a backup…")}
    buttons = {}
    for way in ways:
        button = box.addButton(texts[way], QMessageBox.ButtonRole.ActionRole)
        button.setObjectName(f"way_{way}")
        buttons[way] = button
    return buttons


def restore_damaged(parent: QWidget | None, target) -> Path | None:
    """Pick a backup and put it in place of the file that would not open (kept aside)."""
    from opsdesk.store.backup import backup_dir_for, list_backups, replace_damaged
    from opsdesk.ui.widgets.messages import show_error

    path = _file(target)
    if path is None:
        return None
    backups = list_backups(path)
    start = str(backups[-1]) if backups else str(backup_dir_for(path))
    chosen, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("OpenProblems", "Restore a backup"), start,
                                            QCoreApplication.translate("OpenProblems", "OpsDesk database (*.db);;All files (*)"))
    if not chosen:
        return None
    try:
        aside = replace_damaged(path, Path(chosen))
    except OpsDeskError as exc:
        show_error(parent, exc)
        return None
    except OSError as exc:
        QMessageBox.warning(parent, "OpsDesk", str(exc))
        return None
    QMessageBox.information(parent, "OpsDesk", QCoreApplication.translate("OpenProblems",
        "The backup is in place. The file that would not open is kept as {path}.").format(
        path=aside))
    return aside
