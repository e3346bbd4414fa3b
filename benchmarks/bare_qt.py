"""The baseline for ``cold_start_ratio``: a bare PySide6 ``QMainWindow`` process.

It does what the app's start path does at a minimum — make a ``QApplication``, show a
1280×800 main window — and prints the same ``opsdesk:first-paint`` marker right after the
window's first paint, then quits (with ``OPSDESK_BENCH_SHOT=<file>``: writes the presented
frame there, prints ``opsdesk:shot`` and runs on, as the app does for bench_open.py). Run
as ``python benchmarks/bare_qt.py`` (a script, so that importing the ``benchmarks`` package
costs nothing here).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

MARKER = "opsdesk:first-paint"


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow) -> None:
        super().__init__()
        self.app = app
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and obj is self.window:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        shot = os.environ.get("OPSDESK_BENCH_SHOT")
        if shot:  # as the app does for bench_open.py: the presented frame to a file, run on
            self.window.screen().grabWindow(self.window.winId()).save(shot, "BMP")
            print("opsdesk:shot", flush=True)
            return
        print(MARKER, flush=True)
        self.app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    watcher = _FirstPaint(app, window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
