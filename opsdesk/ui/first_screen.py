"""The first screen shown before the store opens, then the store behind it (#17).

``preload`` read the sign-in and the first view (a manager's Overview, staff's My work)
plainly (``services/first_screen.py``) while Qt loaded; the window shows them at once over a
``DeferredStore``. The store itself —
SQLAlchemy, the engine — opens on a plain thread when the person first uses the window
(a key, a click, the mouse, the wheel) or after ``IDLE_MS``, whichever comes first; anything
that needs the store before that (a view, a menu command) opens it then and waits for it.
Once open, the app takes the store as signing in would have (``attach_first_screen``): the
actions that depend on it, the daily backup, other processes' changes, the notice of what is
due, the Overview read again, and My work if anything was written since its read.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from opsdesk.app import OpsDeskApp
    from opsdesk.services.first_screen import FirstScreen
    from opsdesk.services.session import Store

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel, QEvent.Type.ShortcutOverride}


def open_full_store(path: Path):
    """The real store of ``path`` (on the opening thread), with the modules the views need
    first imported there too, so the GUI thread does not wait for them later."""
    from opsdesk.services.session import open_store

    store = open_store(path)
    import opsdesk.services.mywork  # noqa: F401 - the notice of what is due
    import opsdesk.services.overview  # noqa: F401
    import opsdesk.services.people  # noqa: F401
    import opsdesk.services.plans  # noqa: F401

    return store


class FirstScreenOpen(QObject):
    """Shows ``first`` in the app's window and opens the store behind it (see the module)."""

    IDLE_MS = 1000
    """Open the store this long after the first screen is shown if nobody used the window."""

    _opened = Signal(object)  # (the open's future, from the opening thread)

    def __init__(self, app: OpsDeskApp, path: Path, first: FirstScreen) -> None:
        from opsdesk.services import Services
        from opsdesk.services.first_screen import deferred_store
        from opsdesk.ui.context import AppContext

        window = app.window
        assert window is not None
        super().__init__(window)
        self.app = app
        self.store = deferred_store(path, lambda: open_full_store(path))
        self._started = False
        self._done = False
        self._opened.connect(self._open_done)
        from opsdesk.app import _fixed_today

        # (the deferred store stands for a Store: it hands every use on to the real one)
        standin = cast("Store", self.store)
        app.ctx = AppContext(store=standin, services=Services(standin), actor=first.actor,
                             settings=app.settings, lang=app.translators.lang,
                             plan_id=first.plan_id, fixed_today=_fixed_today())
        window.set_context(app.ctx, first)
        window.show()
        # The person's first input: the window's QWindow sees every key, click, move and
        # wheel of the window before its widgets do. (Not an application-wide filter: that
        # would hand every event of every object to Python, and making those objects'
        # Python types loads a hundred Qt classes with their enums, ~25 ms, before the
        # first frame.)
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.start)
        self._idle.start(self.IDLE_MS)
        from opsdesk import preload

        QTimer.singleShot(0, preload.resume_gc)  # (after the first frame: start-up is over)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS:
            self.start()
        return False

    def start(self) -> None:
        """Open the store now (once), off the GUI thread."""
        if self._started:
            return
        self._started = True
        self._idle.stop()
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        self.store.start().add_done_callback(self._opened.emit)

    def _open_done(self, future: Future) -> None:
        if self._done:
            return
        self._done = True
        exc = future.exception()
        if exc is not None:
            self.app.first_screen_failed(exc)
            return
        self.app.attach_first_screen(future.result())

    @property
    def attached(self) -> bool:
        return self._done
