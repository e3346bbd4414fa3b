"""File ▸ Open of a plan from another tool (.planner, .gan, MS Project .xml): what the import
will bring, then a new database beside the file with its first manager, holding that plan.

Reading the file and importing it run off the GUI thread (``ui/background.py``), with progress
and Cancel: reading shows the runner's progress dialog once it takes longer than a moment;
the import shows its progress in this dialog, whose Cancel stops it and leaves no file
behind. ``load`` and ``accept`` still return when their work is done (the window stays live
meanwhile: a local event loop runs until the work ends)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QScrollArea,
    QWidget,
)

from opsdesk.errors import Cancelled, OpsDeskError
from opsdesk.services import validate
from opsdesk.services.imports import (
    ImportService,
    database_beside,
    discard_new,
    import_into_new,
    preview_in_new,
    read_plan_file,
)
from opsdesk.ui import background
from opsdesk.ui.background import Job, run_in_background
from opsdesk.ui.dialogs.interchange import preview_text
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label

if TYPE_CHECKING:
    from opsdesk.interchange.plan_doc import PlanDoc


def _new(text: str) -> str:
    """The new-plan dialog's words for the same fields (one translation for both)."""
    return QCoreApplication.translate("NewPlanDialog", text)


def _import(text: str) -> str:
    return QCoreApplication.translate("ImportPlanDialog", text)


class ImportNewDialog(QDialog):
    """Preview a plan file, then import it into a new database beside it. ``load`` reads the
    file (False, with the reason in ``problem``, when it cannot be imported)."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importNewDialog")
        self.source = Path(path)
        self.doc: PlanDoc | None = None
        self.problem = ""
        self.created: Path | None = None
        self.plan_id: int | None = None
        self.manager_login = ""
        self.manager_password = ""
        self.summary = QLabel()
        self.summary.setObjectName("importNewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        scroll.setMinimumHeight(140)
        self.target = QLineEdit(str(database_beside(self.source)))
        self.target.setObjectName("importNewTarget")
        self.name = QLineEdit()
        self.launch = QDateEdit()
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        self.manager_name = QLineEdit()
        self.manager_id = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setObjectName("importNewPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("importNewPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setObjectName("importNewProgress")
        self.progress.hide()
        self.job: Job | None = None  # the import while it runs
        self.reading: QProgressDialog | None = None  # the reading's progress, while shown
        self.closing = False  # Cancel pressed while the import runs
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import into a new database"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_import("File"), QLabel(self.source.name))
        form.addRow(scroll)
        form.addRow(self.tr("New database"), self.target)
        form.addRow(_import("Plan name"), self.name)
        form.addRow(_import("Launch day"), self.launch)
        form.addRow(_new("Your name (manager)"), self.manager_name)
        form.addRow(_new("Your login"), self.manager_id)
        form.addRow(_new("Your password"), self.password)
        form.addRow(_new("Password again"), self.password_again)
        form.addRow(self.error)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Open a plan from another tool"))
        self.resize(620, 560)

    def load(self) -> bool:
        """Read and check the file and show its preview; nothing is written. The reading
        runs off the GUI thread (a big file shows progress and Cancel)."""
        source = self.source

        def work(progress):
            doc = read_plan_file(source, progress)
            ImportService.check_doc(doc, source.name)
            return doc, preview_in_new(doc, source.name)

        job = run_in_background(None, work, on_failed=lambda _exc: None)
        _wait(job, self, _import("Reading {file}…").format(file=source.name))
        if job.error is not None:  # (cancelled by the person: nothing to explain)
            self.problem = "" if isinstance(job.error, Cancelled) else error_text(job.error)
            return False
        doc, preview = job.result
        self.doc = doc
        self.summary.setText(preview_text(preview))
        self.name.setText(preview.name or self.source.stem)
        start = doc.launch or doc.start or preview.start or dt.date.today()
        self.launch.setDate(QDate(start.year, start.month, start.day))
        return True

    def accept(self) -> None:
        if self.doc is None or self.job is not None:
            return
        target = Path(self.target.text().strip()).expanduser()
        if target.exists():
            self.error.setText(_new("{path} already exists; choose a new file.")
                               .format(path=target))
            return
        try:
            validate.text(self.manager_name.text(), "name", 100)
            login = validate.text(self.manager_id.text(), "login", 64)
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        if self.password.text() != self.password_again.text():
            self.error.setText(_new("The two passwords are not the same."))
            self.password_again.selectAll()
            self.password_again.setFocus()
            return
        qd = self.launch.date()
        doc, file, manager, password = (self.doc, self.source.name, self.manager_name.text(),
                                        self.password.text())
        name = self.name.text().strip() or None
        launch = dt.date(qd.year(), qd.month(), qd.day())

        def work(progress):
            return import_into_new(target, doc, file=file, manager_name=manager,
                                   manager_login=login, password=password, name=name,
                                   launch=launch, progress=progress)

        self.error.setText("")
        self._running(True)
        self.job = job = run_in_background(self, work, on_failed=lambda _exc: None,
                                           on_progress=self._on_progress)
        try:
            _wait(job)
        finally:
            self.job = None
            self._running(False)
        if self.closing or isinstance(job.error, Cancelled):
            self.closing = False  # stopped: import_into_new left no file behind …
            if job.error is None:  # … or it ended just as Cancel was pressed: undone
                discard_new(target)
            super().reject()
            return
        if job.error is not None:
            self.error.setText(error_text(job.error))
            return
        self.created = target
        self.plan_id = job.result.plan_id
        self.manager_login = login
        self.manager_password = password  # to sign in at once, then forgotten
        super().accept()

    def reject(self) -> None:
        """Cancel: an import that runs is asked to stop (its transaction rolls back and the
        new file is deleted); the dialog closes once it has stopped."""
        if self.job is not None and self.job.running:
            if self.job.cancel():
                self.closing = True
                self.error.setText(QCoreApplication.translate("FileActions", "Stopping…"))
            return
        super().reject()

    def _running(self, running: bool) -> None:
        """While the import runs only Cancel can be used, and the progress shows."""
        for widget in (self.target, self.name, self.launch, self.manager_name,
                       self.manager_id, self.password, self.password_again,
                       self.import_button):
            widget.setEnabled(not running)
        self.progress.setRange(0, 0)  # busy until the first figure
        self.progress.setVisible(running)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


def _wait(job: Job, dialog: ImportNewDialog | None = None, label: str = "") -> None:
    """Let the GUI thread run (paint, progress, Cancel) until ``job`` has ended. With a
    ``label`` (the reading, before ``dialog`` is shown): clicks and keys wait for a moment;
    work that takes longer shows a progress dialog with Cancel (``dialog.reading``) while
    the window behind is disabled, so nothing else starts meanwhile."""
    loop = QEventLoop()
    job.sig_finished.connect(loop.quit)
    window = dialog.parentWidget() if dialog is not None else None
    progress: QProgressDialog | None = None
    try:
        if label and job.running:
            timer = QTimer(loop)  # (dies with the loop: never fires into a deleted one)
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(background.SHOW_AFTER_MS)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            timer.stop()
        if label and job.running:
            # not modal: a modal QProgressDialog runs events inside setValue, under the
            # runner's feet; the window behind is disabled instead
            progress = QProgressDialog(label, QCoreApplication.translate("Background", "Cancel"),
                                       0, 0)
            progress.setObjectName("importNewReading")
            progress.setWindowTitle("OpsDesk")
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.canceled.connect(job.cancel)
            job.sig_progress.connect(lambda done, total, shown=progress: (
                shown.setRange(0, max(total, 1)), shown.setValue(min(done, max(total, 1)))))
            if window is not None:
                window.setEnabled(False)
            if dialog is not None:
                dialog.reading = progress
            progress.show()
        while job.running:
            loop.exec()
    finally:
        job.sig_finished.disconnect(loop.quit)
        if progress is not None:
            progress.canceled.disconnect(job.cancel)
            progress.hide()
            progress.deleteLater()
            if dialog is not None:
                dialog.reading = None
        if window is not None:
            window.setEnabled(True)
