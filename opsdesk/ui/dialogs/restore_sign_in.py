"""Restoring a backup over a file that will not open: a manager of the backup signs in.

Nobody can sign in to a damaged file, so the sign-in is checked against the backup being
restored, which is what will be in force afterwards (``services.storage.restore_damaged_file``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opsdesk.errors import AuthError, OpsDeskError, PermissionDenied
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label


class RestoreSignInDialog(QDialog):
    """Login and password of a manager of ``backup``; Restore puts ``backup`` in place of
    ``path`` (kept aside as ``aside``) and closes, a refused sign-in stays to be corrected."""

    def __init__(self, path: Path, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreSignIn")
        self.path, self.backup = Path(path), Path(backup)
        self.aside: Path | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        intro = QLabel(self.tr(
            "{backup} will be put in place of {file}, which is kept beside it under another "
            "name. Nobody can sign in to a file that will not open, so sign in as a manager "
            "of the backup.").format(backup=self.backup.name, file=self.path.name))
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        self.login = QLineEdit()
        self.login.setObjectName("restoreLogin")
        self.password = QLineEdit()
        self.password.setObjectName("restorePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label("restoreError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Manager's login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def accept(self) -> None:
        from opsdesk.services.storage import restore_damaged_file

        login = self.login.text().strip()
        if not login:
            self.error.setText(self.tr("Enter the login of a manager of the backup."))
            self.login.setFocus()
            return
        try:
            self.aside = restore_damaged_file(self.path, self.backup, login,
                                              self.password.text() or None)
        except (AuthError, PermissionDenied) as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except OpsDeskError as exc:  # not a backup that can be restored, a file in use …
            self.error.setText(error_text(exc))
            return
        except OSError as exc:
            self.error.setText(exc.strerror or str(exc))
            return
        super().accept()
