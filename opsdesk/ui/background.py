"""The one background runner: long work (reads and writes alike) off the GUI thread.

``run_in_background(parent, work, on_done, on_failed)`` runs ``work(progress)`` on a
``QThreadPool`` thread and hands its outcome back to the GUI thread through queued signals
of a ``Job`` (a QObject living in the GUI thread). Anki's ``QueryOp``/``CollectionOp``
(``qt/aqt/operations``) is the model:

- ``progress(done, total)`` tells how far the work is. Cancelling is cooperative: once the
  person pressed Cancel, ``progress`` raises ``cancel_error`` (``Cancelled``), which the work
  meets between chunks; a write rolls its transaction back. Otherwise it returns True, so
  work written for ``progress(...) is False`` needs no change.
- A progress dialog (with Cancel when ``cancellable``) appears only when ``label`` is given
  and the work runs longer than ``SHOW_AFTER_MS``; quick work never flashes one.
- Every exception reaches the GUI thread as a failure, nothing is swallowed: an
  ``OpsDeskError`` as it is; an ``OSError`` about a file as ``FileProblem``; anything else is
  written to the log with its traceback and becomes ``Unexpected``, one clear sentence that
  names the log file (never a traceback). ``on_failed`` gets it; without one it is shown in a
  message box, except a cancellation (the person asked for it).
- A running job stays referenced (``RUNNING``) until its outcome is delivered, whatever
  happens to its parent; a parent destroyed meanwhile gets no callbacks. ``stop_all`` (the
  main window closing) cancels what can be cancelled and waits for the rest.

The work must not touch widgets; it opens its own sessions through the services (the
store's engine pools its connections, with ``check_same_thread=False``).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, OpsDeskError

SHOW_AFTER_MS = 500
"""Work that ends sooner never shows its progress dialog."""
PROGRESS_EVERY_S = 0.05
"""At most this often a worker reports progress to the GUI thread (the last step always)."""
MAX_THREADS = 4
"""At least this many at once, so a long backup never holds up a view's load."""

Progress = Callable[[int, int], bool]

log = logging.getLogger("opsdesk")


class Unexpected(OpsDeskError):
    """Work in the background failed on something that is not a user-level error."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The work stopped on an unexpected problem ({kind}). The details were "
                  "written to {path}.")


class FileProblem(OpsDeskError):
    """A file the work read or wrote could not be used (``OSError`` with a file name)."""

    template = QT_TRANSLATE_NOOP("Errors", "{file} could not be used: {reason}")


RUNNING: set[Job] = set()
"""Jobs whose outcome has not been delivered yet (they must not be collected meanwhile)."""
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(MAX_THREADS, QThread.idealThreadCount()))
    return _pool


def as_failure(exc: BaseException) -> OpsDeskError:
    """What a person is told about ``exc``; anything unexpected is logged with its traceback."""
    if isinstance(exc, OpsDeskError):
        return exc
    if isinstance(exc, OSError) and exc.filename is not None:
        failure: OpsDeskError = FileProblem(file=str(exc.filename),
                                            reason=exc.strerror or str(exc))
    else:
        from opsdesk.ui import crash

        crash.setup_logging()
        log.error("background work failed\n%s", "".join(traceback.format_exception(exc)))
        failure = Unexpected(kind=type(exc).__name__, path=str(crash.log_file()))
    failure.__cause__ = exc
    return failure


class Job(QObject):
    """One piece of work on the pool; made and started by ``run_in_background``."""

    sig_progress = Signal(int, int)
    """Done, in all (on the GUI thread)."""
    sig_done = Signal(object)
    """The work's result, after ``on_done`` ran."""
    sig_failed = Signal(object)
    """The ``OpsDeskError`` that stopped it, after ``on_failed`` ran."""
    sig_finished = Signal()
    """The outcome was delivered, whichever it was."""
    _sig_report = Signal(int, int)  # worker -> GUI thread
    _sig_outcome = Signal(object, object)  # worker -> GUI thread: (result, exception)

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any],
                 on_done: Callable[[Any], None] | None = None,
                 on_failed: Callable[[OpsDeskError], None] | None = None, *,
                 label: str | None = None, cancellable: bool = True,
                 cancel_error: type[OpsDeskError] = Cancelled,
                 on_progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__()  # no Qt parent: a closing window never destroys running work
        self.parent_widget = parent
        self.work, self.on_done, self.on_failed, self.on_progress = (work, on_done, on_failed,
                                                                     on_progress)
        self.label, self.cancellable, self.cancel_error = label, cancellable, cancel_error
        self.running = False
        self.result: Any = None
        self.error: OpsDeskError | None = None
        self.dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._last_report = 0.0
        self._sig_report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._sig_outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    # ---- GUI thread
    def start(self) -> Job:
        RUNNING.add(self)
        self.running = True
        if self.label is not None:
            QTimer.singleShot(SHOW_AFTER_MS, self, self._show_dialog)
        pool().start(self._run)
        return self

    def cancel(self) -> bool:
        """Ask the work to stop at its next progress call; False if it cannot be cancelled."""
        if not (self.cancellable and self.running):
            return False
        self._cancel.set()
        return True

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _parent_alive(self) -> bool:
        return self.parent_widget is None or shiboken6.isValid(self.parent_widget)

    def _show_dialog(self) -> None:
        if not self.running or self.label is None:  # (only scheduled with a label)
            return
        parent = self.parent_widget if self._parent_alive() else None
        dialog = QProgressDialog(self.label, QCoreApplication.translate("Background", "Cancel"),
                                 0, 0, parent)
        dialog.setObjectName("backgroundProgress")
        dialog.setWindowTitle("OpsDesk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if self.cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        dialog.show()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            if self.cancellable:
                dialog.canceled.disconnect(self.cancel)
            dialog.hide()
            dialog.deleteLater()

    def _on_report(self, done: int, total: int) -> None:
        if not self.running:
            return
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setRange(0, max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
        if self.on_progress is not None and self._parent_alive():
            self.on_progress(done, total)
        self.sig_progress.emit(done, total)

    def _on_outcome(self, result: Any, exc: BaseException | None) -> None:
        self.running = False
        self._close_dialog()
        RUNNING.discard(self)
        alive = self._parent_alive()
        try:
            if exc is None:
                self.result = result
                if alive and self.on_done is not None:
                    self.on_done(result)
                self.sig_done.emit(result)
            else:
                self.error = as_failure(exc)
                if alive:
                    (self.on_failed or self._show_failure)(self.error)
                self.sig_failed.emit(self.error)
        finally:
            self.sig_finished.emit()

    def _show_failure(self, error: OpsDeskError) -> None:
        if isinstance(error, (Cancelled, self.cancel_error)):
            return  # the person pressed Cancel: nothing to explain
        from opsdesk.ui.widgets.messages import show_error

        show_error(self.parent_widget, error)

    # ---- worker thread
    def _run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI thread
            self._sig_outcome.emit(None, exc)
        else:
            self._sig_outcome.emit(result, None)

    def _progress(self, done: int, total: int) -> bool:
        if self._cancel.is_set():
            raise self.cancel_error()
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_EVERY_S:
            self._last_report = now
            self._sig_report.emit(int(done), int(total))
        return True


def run_in_background(parent: QWidget | None, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_failed: Callable[[OpsDeskError], None] | None = None, *,
                      label: str | None = None, cancellable: bool = True,
                      cancel_error: type[OpsDeskError] = Cancelled,
                      on_progress: Callable[[int, int], None] | None = None) -> Job:
    """Run ``work(progress)`` off the GUI thread; ``on_done(result)`` or
    ``on_failed(error)`` then run on the GUI thread (see the module docstring)."""
    return Job(parent, work, on_done, on_failed, label=label, cancellable=cancellable,
               cancel_error=cancel_error, on_progress=on_progress).start()


def stop_all(msecs: int = 30_000) -> bool:
    """Cancel what can be cancelled, wait for the rest (the main window is closing)."""
    for job in list(RUNNING):
        job.cancel()
    return wait_for_all(msecs)


def wait_for_all(msecs: int = 30_000) -> bool:
    """Let running work finish (called when the app quits); False if some is still running."""
    return _pool is None or _pool.waitForDone(msecs)
