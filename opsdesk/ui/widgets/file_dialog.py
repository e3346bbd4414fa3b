"""File dialogs that never read a file's contents.

SQLite's locks are POSIX locks owned by the process: if anything in the process opens and
closes the live database file (or its ``-wal``/``-shm``) through another descriptor, those
locks are silently released and another OpsDesk process may delete the journal from under
us (see docs/architecture.md).  A stock file dialog does exactly that:
the platform dialog, and Qt's own dialog through ``QFileIconProvider``/``QMimeDatabase``,
open files to sniff their type and icon.  The dialogs here are Qt's own (never the native
one) with an icon provider that answers from the file's *name* and ``isDir()`` only.

Use :func:`get_open_file_name` / :func:`get_save_file_name` everywhere instead of
``QFileDialog.getOpenFileName`` / ``QFileDialog.getSaveFileName`` (a test enforces it).
"""

from __future__ import annotations

import os
from typing import cast

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QWidget

_CONTEXT = "FileDialog"


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name and ``isDir()`` alone (a ``stat``), never
    from the file's contents.  Called from the file system model's gatherer thread, so the
    icons are made once, in the GUI thread, and only handed out afterwards."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        style = QApplication.style()
        self._icons = {
            QAbstractFileIconProvider.IconType.Folder: style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
            QAbstractFileIconProvider.IconType.File: style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            QAbstractFileIconProvider.IconType.Computer: style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon),
            QAbstractFileIconProvider.IconType.Desktop: style.standardIcon(QStyle.StandardPixmap.SP_DesktopIcon),
            QAbstractFileIconProvider.IconType.Trashcan: style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
            QAbstractFileIconProvider.IconType.Network: style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon),
            QAbstractFileIconProvider.IconType.Drive: style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon),
        }
        self._folder_type = QCoreApplication.translate(_CONTEXT, "Folder")
        self._file_type = QCoreApplication.translate(_CONTEXT, "File")
        self._suffix_type = QCoreApplication.translate(_CONTEXT, "{suffix} file")

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (QAbstractFileIconProvider.IconType.Folder if what.isDir()
                    else QAbstractFileIconProvider.IconType.File)
        else:
            kind = cast(QAbstractFileIconProvider.IconType, what)
        return QIcon(self._icons.get(kind, self._icons[QAbstractFileIconProvider.IconType.File]))

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return self._folder_type
        suffix = info.suffix()
        return self._suffix_type.format(suffix=suffix.upper()) if suffix else self._file_type


_provider: NameOnlyIconProvider | None = None


def icon_provider() -> NameOnlyIconProvider:
    """The one provider every dialog shares (kept alive for the gatherer threads)."""
    global _provider
    if _provider is None:
        _provider = NameOnlyIconProvider()
    return _provider


class _Dialog(QFileDialog):
    def accept(self) -> None:
        """Saving over the open database (or its -wal/-shm) is refused here, before any
        writer is asked to; the person picks another name in the same dialog."""
        from opsdesk.services import files  # here: the window paints before SQLAlchemy loads

        chosen = self.selectedFiles()
        if self.acceptMode() == QFileDialog.AcceptMode.AcceptSave and chosen and \
                files.is_live(chosen[0]):
            from opsdesk.ui.labels import error_text

            QMessageBox.warning(self, self.windowTitle() or "OpsDesk",
                                error_text(files.LiveDatabaseFile(path=chosen[0])))
            return
        super().accept()


def documents_folder() -> str:
    """The person's Documents folder (their home folder when there is none)."""
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and os.path.isdir(docs):
        return docs
    return os.path.expanduser("~")


def start_in(directory: str) -> str:
    """Where a dialog opens: ``directory`` when it is an absolute path, else (a bare file
    name like "tasks.xlsx", or nothing) in the Documents folder — never the program's
    working folder. Only names are joined: no file is opened or read."""
    if directory and os.path.isabs(os.path.expanduser(directory)):
        return os.path.expanduser(directory)
    return os.path.join(documents_folder(), directory) if directory else documents_folder()


def build_file_dialog(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                      save: bool = False) -> QFileDialog:
    """A configured, not yet shown dialog (what the two functions below run; tests show it)."""
    dialog = _Dialog(parent, caption, start_in(directory), filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(icon_provider())
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def _run(dialog: QFileDialog) -> tuple[str, str]:
    try:
        if dialog.exec() == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
            return dialog.selectedFiles()[0], dialog.selectedNameFilter()
        return "", ""
    finally:
        dialog.deleteLater()


def get_open_file_name(parent: QWidget | None = None, caption: str = "", directory: str = "",
                       filter: str = "") -> tuple[str, str]:
    """Like ``QFileDialog.getOpenFileName``: ``(path, selected filter)``, ``("", "")`` if cancelled."""
    return _run(build_file_dialog(parent, caption, directory, filter, save=False))


def get_save_file_name(parent: QWidget | None = None, caption: str = "", directory: str = "",
                       filter: str = "") -> tuple[str, str]:
    """Like ``QFileDialog.getSaveFileName``: ``(path, selected filter)``, ``("", "")`` if cancelled."""
    return _run(build_file_dialog(parent, caption, directory, filter, save=True))
