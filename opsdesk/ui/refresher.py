"""A view's read off the GUI thread, with bursts coalesced (summary views after a write).

``Refresher(parent, show)``; ``request(work)`` runs ``work()`` (service calls only, no
widgets) with the background runner and hands its result to ``show`` on the GUI thread.
A request while one runs does not start a second: the latest waits and runs once the
first is done, so N changes in a burst make at most two reads, not N. ``cancel()`` (an
explicit reload on the GUI thread, another plan) drops what is running or waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from opsdesk.ui.background import Job, run_in_background


class Refresher(QObject):
    sig_shown = Signal()
    """A background read's result was shown (tests and benchmarks wait for it)."""

    def __init__(self, parent: QWidget, show: Callable[[Any], None],
                 failed: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.show = show
        self.on_failed = failed  # (after the error is shown: the view drops "loading")
        self.job: Job | None = None
        self.waiting: Callable[[], Any] | None = None
        self.generation = 0
        self.reads = 0  # how many reads were started (tests count them)

    @property
    def busy(self) -> bool:
        """A read is running or waiting."""
        return self.job is not None or self.waiting is not None

    def request(self, work: Callable[[], Any]) -> None:
        if self.job is not None:
            self.waiting = work  # (replaces an older one that had not started)
            return
        self._start(work)

    def cancel(self) -> None:
        """Whatever runs or waits now is moot (its result is never shown)."""
        self.generation += 1
        self.waiting = None

    def _start(self, work: Callable[[], Any]) -> None:
        generation = self.generation
        self.reads += 1
        self.job = run_in_background(
            self.parent_widget, lambda _progress: work(),
            lambda result: self._done(result, generation),
            lambda error: self._failed(error, generation))

    def _next(self) -> None:
        self.job = None
        work, self.waiting = self.waiting, None
        if work is not None:
            self._start(work)

    def _done(self, result: Any, generation: int) -> None:
        self._next()
        if generation == self.generation:
            self.show(result)
            self.sig_shown.emit()

    def _failed(self, error, generation: int) -> None:
        self._next()
        if generation == self.generation:
            from opsdesk.ui.widgets.messages import show_error

            show_error(self.parent_widget, error)
            if self.on_failed is not None:
                self.on_failed(error)
