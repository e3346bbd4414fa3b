"""Long work off the GUI thread, with progress and cancel (imports, exports, checks)."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from opsdesk.errors import OpsDeskError


class Job(QThread):
    """Runs ``work(progress)`` on a second thread; ``cancel()`` stops it at the next progress call."""

    sig_progress = Signal(int, int)
    """Rows done, rows in all."""
    sig_done = Signal(object)
    """The work's result."""
    sig_failed = Signal(object)
    """The ``OpsDeskError`` (or ``OSError``) that stopped it."""

    def __init__(self, work, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.sig_progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except (OpsDeskError, OSError) as exc:
            self.sig_failed.emit(exc)
        else:
            self.sig_done.emit(result)
