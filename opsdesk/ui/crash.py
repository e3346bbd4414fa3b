"""The global exception hook: a clear dialog for the person, details in the log file."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from opsdesk.errors import OpsDeskError
from opsdesk.paths import log_dir

log = logging.getLogger("opsdesk")


def log_file() -> Path:
    return log_dir() / "opsdesk.log"


def setup_logging() -> None:
    """Log to the per-user log file (once, however often it is called)."""
    path = log_file()
    for old in list(log.handlers):
        if getattr(old, "baseFilename", None) == str(path):
            return
        log.removeHandler(old)
        old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, OpsDeskError):  # a user-level problem that escaped a handler
        from opsdesk.ui.widgets.messages import show_error

        show_error(QApplication.activeWindow(), exc)
        return
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
