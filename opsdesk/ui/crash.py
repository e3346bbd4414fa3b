"""The global exception hook: a clear dialog for the person, details in the log file."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from opsdesk.errors import OpsDeskError
from opsdesk.paths import log_dir

log = logging.getLogger("opsdesk")


def log_file() -> Path:
    return log_dir() / "opsdesk.log"


class _LogFile(logging.FileHandler):
    """The per-user log file, found (``platformdirs``, ~10 ms to import) and its folder made
    when the first record is written, not while the app starts."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)
        self.mode, self.encoding, self.errors, self.delay = "a", "utf-8", None, True
        self.stream = None  # (FileHandler: "not open yet")
        self._builtin_open = open  # (as FileHandler keeps it, for use at shutdown)
        self._path: str | None = None

    @property
    def baseFilename(self) -> str:  # noqa: N802 - FileHandler's attribute
        if self._path is None:
            self._path = str(log_file())
        return self._path

    @baseFilename.setter
    def baseFilename(self, value: str) -> None:  # noqa: N802
        self._path = value

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None:
            try:
                Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
                self.stream = self._open()
            except OSError:  # (no writable log folder: the records go to stderr)
                sys.stderr.write(self.format(record) + "\n")
                return
        super().emit(record)


def setup_logging() -> None:
    """Log to the per-user log file (once, however often it is called; again when the log
    folder has changed, as tests change it)."""
    for old in log.handlers:
        if isinstance(old, _LogFile) and (old._path is None or old._path == str(log_file())):
            return
    for old in list(log.handlers):
        log.removeHandler(old)
        old.close()
    handler: logging.Handler = _LogFile()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    from PySide6.QtWidgets import QMessageBox

    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, OpsDeskError):  # a user-level problem that escaped a handler
        from opsdesk.ui.widgets.messages import show_error

        show_error(QApplication.activeWindow(), exc)
        return
    import traceback

    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("unexpected error at %s\n%s", dt.datetime.now().isoformat(), details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "OpsDesk",
                      QCoreApplication.translate("Crash", "OpsDesk ran into an unexpected problem. Your data is safe: "
                                  "every change is saved as a whole or not at all."),
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setInformativeText(QCoreApplication.translate("Crash", "The details were written to {path}.")
                           .format(path=log_file()))
    box.setDetailedText(details)
    box.setObjectName("crashBox")
    box.exec()


def install() -> None:
    setup_logging()
    sys.excepthook = excepthook
